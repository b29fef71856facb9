import { formatDateTime, translator } from '../../components/i18n';
import { describeProblem } from '../../components/SyncPanel';
import type { SyncStatus } from '../../sync/sync-engine';
import type { UiLanguage } from '../../records/preferences';
import type { ArticleRecord } from '../../records/article';

interface Props {
  language: UiLanguage;
  recent: ArticleRecord[];
  annotationCount: number;
  /** Null when sync is not set up. */
  sync: { status: SyncStatus; enabled: boolean } | null;
  openLibrary(): void;
}

const safeHref = (url: string) => (/^https?:\/\//.test(url) ? url : undefined);

export function PopupApp({ language, recent, annotationCount, sync, openLibrary }: Props) {
  const t = translator(language);
  return (
    <main>
      <h1>{t('appName')}</h1>
      <p class="status">{t('popupNotArticle')}</p>
      <p class="stats">{t('popupCount').replace('{n}', String(annotationCount))}</p>
      <p class="sync-line meta">
        {!sync
          ? t('syncNotSetUp')
          : `${t('syncLastSuccess')}：${sync.status.lastSuccessAt ? formatDateTime(sync.status.lastSuccessAt, language) : t('syncNever')} · ${t('syncPending')}：${sync.status.pendingChanges}`}
      </p>
      {sync?.status.lastError && <p class="error">{describeProblem(sync.status.lastError, language)}</p>}
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
