import { translator } from '../../components/i18n';
import type { UiLanguage } from '../../messaging/protocol';
import type { ArticleRecord } from '../../storage/database';

interface Props {
  language: UiLanguage;
  recent: ArticleRecord[];
  annotationCount: number;
  openLibrary(): void;
}

const safeHref = (url: string) => (/^https?:\/\//.test(url) ? url : undefined);

export function PopupApp({ language, recent, annotationCount, openLibrary }: Props) {
  const t = translator(language);
  return (
    <main>
      <h1>{t('appName')}</h1>
      <p class="status">{t('popupNotArticle')}</p>
      <p class="stats">{t('popupCount').replace('{n}', String(annotationCount))}</p>
      {recent.length > 0 && (
        <>
          <h2 class="meta">{t('popupRecent')}</h2>
          <ul class="recent">
            {recent.map((article) => (
              <li key={article.key}>
                <a href={safeHref(article.url)} target="_blank" rel="noopener noreferrer">
                  {article.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" class="open-library" onClick={openLibrary}>
        {t('openLibrary')}
      </button>
    </main>
  );
}
