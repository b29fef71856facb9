import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ErrorReply, Message, Replies } from '../../messaging/protocol';
import { AnyueDatabase } from '../../storage/database';
import { loadPreferences, type KeyValueArea } from '../../storage/preferences';
import { enabledSites, optionalSiteOfUrl } from '../../sites/enabled-sites';
import { PopupApp } from './PopupApp';

// The popup shows on tabs that are not articles it reads (there the toolbar button toggles the sidebar).
document.title = '安阅';
const db = new AnyueDatabase();

// The tab the popup is for: the active one (activeTab lets the popup see its URL). Browser tests cannot click
// the toolbar button, so they open popup.html?tab=N&url=U as a page; that only chooses which words show,
// the grant itself still takes the browser's own prompt.
const query = new URLSearchParams(location.search);
const [activeTab] = query.has('tab')
  ? [{ id: Number(query.get('tab')), url: query.get('url') ?? undefined }]
  : await browser.tabs.query({ active: true, currentWindow: true });
const adapter = optionalSiteOfUrl(activeTab?.url);
const granted = adapter ? ((await browser.permissions.getAll()).origins ?? []) : [];

async function enableSite(): Promise<boolean> {
  if (!adapter) return false;
  // Must be the first await inside the click: the request needs the reader's gesture.
  const ok = await browser.permissions.request({ origins: [...adapter.hostPatterns] });
  // The background registers the script for the site's future pages; this tab is read now.
  if (ok && activeTab?.id !== undefined) {
    await browser.scripting.executeScript({ target: { tabId: activeTab.id }, files: ['/content-scripts/portal.js'] }).catch(() => undefined);
  }
  return ok;
}

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
    site={adapter ? { name: adapter.siteName, nameEn: adapter.siteNameEn, enabled: enabledSites(granted).includes(adapter) } : null}
    enableSite={enableSite}
    openLibrary={() => void browser.tabs.create({ url: browser.runtime.getURL('/library.html') }).then(() => window.close())}
  />,
  document.getElementById('app')!,
);
