import { useEffect, useState } from 'preact/hooks';
import { ArticleCard } from '../../components/ArticleCard';
import { translator } from '../../components/i18n';
import type { Message, Replies, SidebarState, UiLanguage } from '../../messaging/protocol';

export type Messenger = (message: Message) => Promise<unknown>;

type Load = { status: 'loading' } | { status: 'ready'; state: SidebarState } | { status: 'failed'; error: string };

export function SidebarApp({ messenger }: { messenger: Messenger }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [language, setLanguage] = useState<UiLanguage>('zh-CN');
  const t = translator(language);

  useEffect(() => {
    messenger({ type: 'sidebar/get-state' })
      .then((raw) => {
        const reply = raw as Replies['sidebar/get-state'] | { ok: false; error: string } | undefined;
        if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
        setLanguage(reply.state.language);
        setLoad({ status: 'ready', state: reply.state });
        performance.mark('anyue:sidebar-ready');
      })
      .catch((error: unknown) => setLoad({ status: 'failed', error: String(error instanceof Error ? error.message : error) }));
  }, [messenger]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const chooseLanguage = (next: UiLanguage) => {
    setLanguage(next);
    void messenger({ type: 'preferences/set-language', language: next });
  };

  return (
    <>
      <header>
        <h1>{t('appName')}</h1>
        <label>
          
          <select
            aria-label={t('language')}
            value={language}
            onChange={(event) => chooseLanguage((event.currentTarget as HTMLSelectElement).value as UiLanguage)}
          >
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <button
          type="button"
          aria-label={t('closeSidebar')}
          title={t('closeSidebar')}
          onClick={() => void messenger({ type: 'sidebar/set-open', open: false })}
        >
          ✕
        </button>
      </header>
      <main>
        {load.status === 'loading' && <p class="status">{t('loading')}</p>}
        {load.status === 'failed' && (
          <p class="error" role="alert">
            {t('failed')}
            {load.error}
          </p>
        )}
        {load.status === 'ready' &&
          (load.state.article ? (
            <ArticleCard article={load.state.article} visit={load.state.visit} language={language} />
          ) : (
            <p class="status">{t('noArticle')}</p>
          ))}
      </main>
    </>
  );
}
