import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ErrorReply, Message, Replies } from '../../messaging/protocol';
import { AnyueDatabase } from '../../storage/database';
import { loadPreferences, type KeyValueArea } from '../../storage/preferences';
import { PopupApp } from './PopupApp';

// The popup shows on tabs that are not portal articles (there the toolbar button toggles the sidebar).
document.title = '安阅';
const db = new AnyueDatabase();
const [language, recent, count, sync] = await Promise.all([
  loadPreferences(browser.storage.local as KeyValueArea).then((p) => p.language),
  db.articles.orderBy('lastReadAt').reverse().limit(5).toArray(),
  db.annotations.filter((annotation) => !annotation.deleted).count(),
  browser.runtime.sendMessage({ type: 'sync/status' } satisfies Message) as Promise<Replies['sync/status'] | ErrorReply>,
]);

render(
  <PopupApp
    language={language}
    recent={recent}
    annotationCount={count}
    sync={sync?.ok && sync.settings ? { status: sync.status, enabled: sync.settings.enabled } : null}
    openLibrary={() => void browser.tabs.create({ url: browser.runtime.getURL('/library.html') }).then(() => window.close())}
  />,
  document.getElementById('app')!,
);
