import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ErrorReply, Message, Replies } from '../../messaging/protocol';
import { AnyueDatabase } from '../../storage/database';
import { loadPreferences, type KeyValueArea } from '../../storage/preferences';
import { CONTENT_SCRIPT_FILE, enabledHosts, enabledSites, GENERIC_READER_FILE, hostPatternsOf, optionalSiteOfUrl } from '../../sites/enabled-sites';
import { adapterForUrl } from '../../sites';
import { addEnabledHost, hostOfUrl, loadEnabledHosts } from '../../storage/enabled-hosts';
import { applyTextSize } from '../../components/TextSizePanel';
import { PopupApp, type PageAnalysis } from './PopupApp';

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
// A page of a site no adapter knows (not the portal, not a built-in site): the generic reader is offered.
const otherHost = !adapter && activeTab?.url && !adapterForUrl(activeTab.url) ? hostOfUrl(activeTab.url) : null;
const granted = adapter || otherHost ? ((await browser.permissions.getAll()).origins ?? []) : [];
const local = browser.storage.local as KeyValueArea;
const hostEnabled = otherHost ? enabledHosts(await loadEnabledHosts(local), granted).includes(otherHost) : false;

async function enableSite(): Promise<boolean> {
  if (!adapter) return false;
  // Must be the first await inside the click: the request needs the reader's gesture.
  const ok = await browser.permissions.request({ origins: [...adapter.hostPatterns] });
  // The background registers the script for the site's future pages; this tab is read now.
  if (ok && activeTab?.id !== undefined) {
    await browser.scripting.executeScript({ target: { tabId: activeTab.id }, files: [CONTENT_SCRIPT_FILE] }).catch(() => undefined);
  }
  return ok;
}

async function analysePage(): Promise<PageAnalysis> {
  if (activeTab?.id === undefined) return 'refused';
  const target = { tabId: activeTab.id };
  try {
    await browser.scripting.executeScript({ target, files: [GENERIC_READER_FILE, CONTENT_SCRIPT_FILE] });
    // The content script reads at once and leaves its verdict in the content scripts' world.
    const [verdict] = await browser.scripting.executeScript({ target, func: () => (globalThis as { __anyueArticleFound?: boolean }).__anyueArticleFound === true });
    return verdict?.result === true ? 'found' : 'none';
  } catch {
    return 'refused';
  }
}

async function enableHost(): Promise<boolean> {
  if (!otherHost) return false;
  // Must be the first await inside the click: the request needs the reader's gesture.
  const ok = await browser.permissions.request({ origins: hostPatternsOf(otherHost) });
  // The background registers the reader for the host and reads its open tabs when the list changes.
  if (ok) await addEnabledHost(local, otherHost);
  return ok;
}

const [{ language, textSize }, recent, count, sync] = await Promise.all([
  loadPreferences(browser.storage.local as KeyValueArea),
  db.articles.orderBy('lastReadAt').reverse().limit(5).toArray(),
  db.annotations.filter((annotation) => !annotation.deleted).count(),
  browser.runtime.sendMessage({ type: 'sync/status' } satisfies Message) as Promise<Replies['sync/status'] | ErrorReply>,
]);

// The reader's text size from the library, as in every other view; the popup widens with it.
applyTextSize(document, textSize);
render(
  <PopupApp
    language={language}
    recent={recent}
    annotationCount={count}
    sync={sync?.ok && sync.settings ? { status: sync.status, enabled: sync.settings.enabled } : null}
    site={adapter ? { name: adapter.siteName, nameEn: adapter.siteNameEn, enabled: enabledSites(granted).includes(adapter) } : null}
    enableSite={enableSite}
    otherSite={otherHost ? { host: otherHost, enabled: hostEnabled } : null}
    analysePage={analysePage}
    enableHost={enableHost}
    openLibrary={() => void browser.tabs.create({ url: browser.runtime.getURL('/library.html') }).then(() => window.close())}
    openWelcome={() => void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).then(() => window.close())}
  />,
  document.getElementById('app')!,
);
