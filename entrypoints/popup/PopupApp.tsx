import { useState } from 'preact/hooks';
import { countOf, formatDateTime, translator } from '../../components/i18n';
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
  /** Opens the first-run page again (what the extension does, shortcuts, sites, sync). */
  openWelcome?(): void;
  /** The built-in site of the tab the popup is for (not the portal), or null. */
  site?: { name: string; nameEn: string; enabled: boolean } | null;
  /** Asks for the site's hosts (inside the click) and reads the tab; false when the reader said no. */
  enableSite?(): Promise<boolean>;
  /** The tab's page is on a site no adapter knows: its host, and whether the reader enabled it. */
  otherSite?: { host: string; enabled: boolean } | null;
  /** Reads this one page with the generic reader (the click's temporary access). */
  analysePage?(): Promise<PageAnalysis>;
  /** Asks for the host (inside the click) and keeps the generic reader on it; false when the reader said no. */
  enableHost?(): Promise<boolean>;
}

export type PageAnalysis = 'found' | 'none' | 'refused';
const ANALYSIS_WORDS = { found: 'popupAnalysed', none: 'popupNoArticle', refused: 'popupCannotRead' } as const;

const safeHref = (url: string) => (/^https?:\/\//.test(url) ? url : undefined);

export function PopupApp({ language, recent, annotationCount, sync, openLibrary, openWelcome, site = null, enableSite, otherSite = null, analysePage, enableHost }: Props) {
  const t = translator(language);
  const [enabled, setEnabled] = useState(site?.enabled ?? otherSite?.enabled ?? false);
  const [analysis, setAnalysis] = useState<PageAnalysis | null>(null);
  const [refused, setRefused] = useState(false);
  const siteName = site ? (language === 'en' ? site.nameEn : site.name) : '';
  const enable = async () => {
    const granted = (await enableSite?.()) ?? false;
    setEnabled(granted);
    setRefused(!granted);
  };
  return (
    <main>
      <h1>{t('appName')}</h1>
      {site && enabled && <p class="site-status">{t('popupSiteEnabled').replace('{site}', siteName)}</p>}
      {site && !enabled && (
        <div class="enable-site">
          <p>{t('popupEnableHelp').replace('{site}', siteName)}</p>
          <button type="button" class="enable-site-button" onClick={() => void enable()}>
            {t('popupEnableSite')}
          </button>
          {refused && <p class="error">{t('popupEnableRefused')}</p>}
        </div>
      )}
      {otherSite && enabled && <p class="site-status">{t('popupSiteEnabled').replace('{site}', otherSite.host)}</p>}
      {otherSite && !enabled && (
        <div class="enable-site other-site">
          <p>{t('popupOtherSiteHelp').replace('{site}', otherSite.host)}</p>
          <button type="button" class="analyse-page-button" onClick={() => void analysePage?.().then(setAnalysis)}>
            {t('popupAnalysePage')}
          </button>{' '}
          <button
            type="button"
            class="enable-host-button"
            onClick={() =>
              void enableHost?.().then((granted) => {
                setEnabled(granted);
                setRefused(!granted);
              })
            }
          >
            {t('popupAlwaysEnable')}
          </button>
          {analysis && <p class={analysis === 'found' ? 'analysis' : 'analysis error'}>{t(ANALYSIS_WORDS[analysis])}</p>}
          {refused && <p class="error">{t('popupEnableRefused')}</p>}
        </div>
      )}
      <p class="status">{t('popupNotArticle')}</p>
      <p class="stats">{countOf(language, 'popupCount', annotationCount)}</p>
      <p class="sync-line meta">
        {!sync
          ? t('syncNotSetUp')
          : `${t('syncLastSuccess')}${t('colon')}${sync.status.lastSuccessAt ? formatDateTime(sync.status.lastSuccessAt, language) : t('syncNever')} · ${t('syncPending')}${t('colon')}${sync.status.pendingChanges}`}
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
      {openWelcome && (
        <p>
          <button type="button" class="link open-welcome" onClick={openWelcome}>
            {t('welcomeLink')}
          </button>
        </p>
      )}
    </main>
  );
}
