import { useState } from 'preact/hooks';
import { translator } from '../../components/i18n';
import type { UiLanguage } from '../../records/preferences';

/** What the extension does, its shortcuts, how to enable another site and how to set up sync: in plain words. */
export function WelcomeApp({ language: initial, openLibrary }: { language: UiLanguage; openLibrary(): void }) {
  const [language, setLanguage] = useState(initial);
  const t = translator(language);
  return (
    <main class="welcome">
      <select aria-label={t('language')} value={language} onChange={(e) => setLanguage((e.currentTarget as HTMLSelectElement).value as UiLanguage)}>
        <option value="zh-CN">中文</option>
        <option value="en">English</option>
      </select>
      <h1>{t('welcomeTitle')}</h1>
      <p class="lead">{t('welcomeLead')}</p>
      <h2>{t('welcomeWhatTitle')}</h2>
      <ul>
        <li>{t('welcomeWhatSpeakers')}</li>
        <li>{t('welcomeWhatOwn')}</li>
        <li>{t('welcomeWhatLibrary')}</li>
      </ul>
      <h2>{t('welcomeKeysTitle')}</h2>
      <dl class="shortcuts">
        <dt><kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>Y</kbd></dt>
        <dd>{t('welcomeKeySidebar')}</dd>
        <dt><kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>H</kbd></dt>
        <dd>{t('welcomeKeyHighlight')}</dd>
        <dt><kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>E</kbd></dt>
        <dd>{t('welcomeKeyExcerpt')}</dd>
      </dl>
      <p class="meta">{t('welcomeKeysChange')}</p>
      <h2>{t('welcomeSitesTitle')}</h2>
      <p>{t('welcomeSites')}</p>
      <h2>{t('welcomeSyncTitle')}</h2>
      <p>{t('welcomeSync')}</p>
      <h2>{t('welcomePrivacyTitle')}</h2>
      <p>{t('welcomePrivacy')}</p>
      <div class="welcome-actions">
        <button type="button" class="welcome-library" onClick={openLibrary}>
          {t('openLibrary')}
        </button>
      </div>
    </main>
  );
}
