import type { ArticleMeta, VisitInfo } from '../records/article';
import type { UiLanguage } from '../records/preferences';
import { formatDateTime, translator } from './i18n';
import { articleDateLabel } from '../exporters/dates';

interface Props {
  article: ArticleMeta;
  visit: VisitInfo | null;
  language: UiLanguage;
}

/** The article's metadata and reading history. Every string from the page is rendered as text. */
export function ArticleCard({ article, visit, language }: Props) {
  const t = translator(language);
  const rows: [string, string | null][] = [
    [t('source'), article.source],
    [t('published'), articleDateLabel(article.publishedAt, language)],
    [t('author'), article.author],
    [t('categories'), article.categories.length ? article.categories.join(' › ') : null],
  ];
  return (
    <section class="article-card" aria-labelledby="article-title">
      <h2 id="article-title" class="article-title">
        {article.title}
      </h2>
      <dl class="facts">
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div class="fact" key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        {visit && (
          <>
            <div class="fact">
              <dt>{t('firstRead')}</dt>
              <dd>{formatDateTime(visit.firstReadAt, language)}</dd>
            </div>
            <div class="fact">
              <dt>{t('readCount')}</dt>
              <dd data-testid="read-count">{visit.readCount}</dd>
            </div>
          </>
        )}
      </dl>
      <a class="article-link" href={safeHttpUrl(article.url)} target="_blank" rel="noopener noreferrer">
        {t('link')}
      </a>
    </section>
  );
}

/** Only http(s) links are rendered as links: a javascript: URL from a hostile page must never run. */
function safeHttpUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
