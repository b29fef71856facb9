// The library's indexes across articles. Each speaker or policy phrase opens (a disclosure) the list of its
// passages across the reader's articles; every passage and every article title links back to the page.

import { categoryLabel, labels } from '../highlights/labels';
import type { PhraseIndexEntry, SpeakerIndexEntry } from '../library/cross-article';
import type { Message } from '../messaging/protocol';
import type { ArticleRecord } from '../records/article';
import type { UiLanguage } from '../records/preferences';
import type { ArticleAnalysisRecord } from '../storage/database';
import { translator } from './i18n';
import { analysisPassage, PassageLink } from './PassageLink';

interface Common {
  language: UiLanguage;
  articles: Map<string, ArticleRecord>;
  send(message: Message): Promise<unknown>;
}

function ArticleTitle({ articleKey, title, articles, send, language }: Common & { articleKey: string; title: string }) {
  const url = articles.get(articleKey)?.url;
  if (!url) return <span class="index-article">{title}</span>;
  return (
    <PassageLink class="index-article" articleKey={articleKey} url={url} passage={null} send={send} title={translator(language)('openArticleTab')}>
      {title}
    </PassageLink>
  );
}

export function SpeakerIndexList(props: Common & { entries: SpeakerIndexEntry[]; filterBy(name: string): void }) {
  const t = translator(props.language);
  return (
    <ul class="speaker-index">
      {props.entries.map((entry) => (
        <li key={entry.name} class="index-entry">
          <details>
            <summary>
              <h2>
                {entry.name} <span class="count">· {entry.appearances.length} {t('articlesCount')} · {labels(props.language).passages(entry.passageCount)}</span>
              </h2>
            </summary>
            {entry.descriptors.length > 0 && (
              <p class="meta">
                {t('titlesOverTime')}
                {props.language === 'en' ? ': ' : '：'}
                {entry.descriptors
                  .map((d) => {
                    const span = `${d.first}${d.last !== d.first ? ` – ${d.last}` : ''}`;
                    return props.language === 'en' ? `${d.descriptor} (${span})` : `${d.descriptor}（${span}）`;
                  })
                  .join(' → ')}
              </p>
            )}
            <ul aria-label={t('passagesAcross')}>
              {entry.appearances.map((appearance) => {
                const url = props.articles.get(appearance.articleKey)?.url;
                return (
                  <li key={appearance.articleKey}>
                    <span class="meta">{appearance.date} · </span>
                    <ArticleTitle {...props} articleKey={appearance.articleKey} title={appearance.articleTitle} />
                    <ul class="snippets">
                      {appearance.passages.map((passage) => {
                        const target = analysisPassage(passage.start, passage.end, passage.snippet);
                        return (
                          <li key={passage.start}>
                            {url && target ? (
                              <PassageLink class="passage-link" articleKey={appearance.articleKey} url={url} passage={target} send={props.send} title={t('openPassage')}>
                                {passage.snippet}
                              </PassageLink>
                            ) : (
                              passage.snippet
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  </li>
                );
              })}
            </ul>
            <button type="button" onClick={() => props.filterBy(entry.name)}>
              {t('filterByThis')}
            </button>
          </details>
        </li>
      ))}
    </ul>
  );
}

export function PhraseIndexList(props: Common & { entries: PhraseIndexEntry[]; analyses: ArticleAnalysisRecord[]; filterBy(text: string): void }) {
  const t = translator(props.language);
  const analysisOf = new Map(props.analyses.map((record) => [record.articleKey, record]));
  return (
    <ul class="phrase-index">
      {props.entries.map((entry) => (
        <li key={entry.text} class="index-entry">
          <details>
            <summary>
              <h2>
                {entry.text} <span class="count">· {categoryLabel(entry.category, props.language)} · {entry.articles.length} {t('articlesCount')} · ×{entry.total}</span>
              </h2>
            </summary>
            <p class="meta">
              {t('firstSeen')} {entry.firstSeen} · {t('lastSeen')} {entry.lastSeen}
            </p>
            <ul aria-label={t('passagesAcross')}>
              {entry.articles.map((article) => {
                const url = props.articles.get(article.articleKey)?.url;
                const occurrences = analysisOf.get(article.articleKey)?.summary.phrases.filter((phrase) => phrase.text === entry.text).flatMap((phrase) => phrase.occurrences) ?? [];
                return (
                  <li key={article.articleKey}>
                    <span class="meta">{article.date} · </span>
                    <ArticleTitle {...props} articleKey={article.articleKey} title={article.articleTitle} /> ×{article.count}
                    <span class="occurrences">
                      {url &&
                        occurrences.map((occurrence, i) => {
                          const target = analysisPassage(occurrence.start, occurrence.end, entry.text);
                          return (
                            target && (
                              <PassageLink key={occurrence.start} class="passage-link" articleKey={article.articleKey} url={url} passage={target} send={props.send} title={t('openPassage')}>
                                {t('occurrenceN').replace('{n}', String(i + 1))}
                              </PassageLink>
                            )
                          );
                        })}
                    </span>
                  </li>
                );
              })}
            </ul>
            <button type="button" onClick={() => props.filterBy(entry.text)}>
              {t('filterByThis')}
            </button>
          </details>
        </li>
      ))}
    </ul>
  );
}
