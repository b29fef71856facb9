import { browser } from 'wxt/browser';
import { PORTAL_MATCHES } from '../sites/portal-hosts';
import {
  CONTENT_SCRIPT_FILE as CONTENT_SCRIPT,
  enabledHosts,
  enabledSites,
  GENERIC_READER_FILE as GENERIC_READER_SCRIPT,
  HOST_REGISTRATION_PREFIX,
  patternCovers,
  planRegistrations,
  registrationOf,
  registrationOfHost,
  type Registration,
} from '../sites/enabled-sites';
import { ENABLED_HOSTS_KEY, loadEnabledHosts } from '../storage/enabled-hosts';
import { loadPreferences, type KeyValueArea } from '../storage/preferences';
import { pageTranslator } from '../components/page-strings';
import { createBackground, type BackgroundDeps, type SidebarPort } from '../messaging/background-router';
import type { Message } from '../messaging/protocol';
import { AnyueDatabase } from '../storage/database';
import { loadDeviceClock } from '../storage/device';
import { loadSyncSettings, type SyncSettings } from '../storage/sync-settings';
import { createCouchDbBackend } from '../sync/couchdb-backend';
import { ensureSyncAlarm, SYNC_ALARM } from '../sync/alarm';
import { createSyncRunner } from '../sync/runner';
import { createWebDavBackend } from '../sync/webdav-backend';

export default defineBackground(() => {
  // storage.session is missing in old Firefox builds; an in-memory map then serves for the worker's lifetime.
  const memory = new Map<string, unknown>();
  const session = browser.storage.session ?? {
    get: async (key: string) => (memory.has(key) ? { [key]: memory.get(key) } : {}),
    set: async (items: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(items)) memory.set(key, value);
    },
    remove: async (key: string) => void memory.delete(key),
  };
  const db = new AnyueDatabase();
  const clock = loadDeviceClock(browser.storage.local as BackgroundDeps['preferences']);
  const log = (reason: string) => console.warn(`[安阅] ${reason}`);
  const sync = createSyncRunner({
    db,
    clock,
    loadSettings: () => loadSyncSettings(browser.storage.local as BackgroundDeps['preferences']),
    hasPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    createBackend: ({ backend, url, username, password, location }: SyncSettings) =>
      backend === 'webdav'
        ? createWebDavBackend({ url, username, password, folder: location })
        : createCouchDbBackend({ url, username, password, database: location }),
    log,
    afterSync: (report) => {
      if (report.pulled > 0) void background.remoteChangesArrived();
    },
  });
  const background = createBackground({
    db,
    clock,
    sync,
    preferences: browser.storage.local as BackgroundDeps['preferences'],
    session: session as BackgroundDeps['session'],
    sendToTab: (tabId: number, message: Message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }),
    extensionBase: browser.runtime.getURL('/'),
    broadcast: (message: Message) => void browser.runtime.sendMessage(message).catch(() => undefined),
    openTab: (path: string) => browser.tabs.create({ url: browser.runtime.getURL(path as '/library.html') }),
    openUrl: async (url: string) => (await browser.tabs.create({ url, active: true })).id,
    focusTab: async (tabId: number) => {
      const tab = await browser.tabs.update(tabId, { active: true });
      if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
    },
    setTabPopup: (tabId: number, popup: boolean) =>
      void (browser.action ?? browser.browserAction).setPopup({ tabId, popup: popup ? 'popup.html' : '' }).catch(() => undefined),
    log,
  });

  // Periodic sync; an idle round costs one request.
  void ensureSyncAlarm(browser.alarms);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void sync.syncNow();
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => background.handleMessage(message, sender));
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === 'sidebar') background.connectSidebar(port as unknown as SidebarPort);
  });

  (browser.action ?? browser.browserAction).onClicked.addListener((tab) => {
    if (tab.id !== undefined) void background.toggleSidebarInTab(tab.id);
  });

  const annotateSelection = (tabId: number, kind: 'highlight' | 'excerpt') =>
    browser.tabs.sendMessage(tabId, { type: 'selection/annotate', kind } satisfies Message, { frameId: 0 }).catch(() => undefined);

  browser.commands.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    if (command === 'toggle-sidebar') await background.toggleSidebarInTab(tab.id);
    if (command === 'highlight-selection') await annotateSelection(tab.id, 'highlight');
    if (command === 'save-excerpt') await annotateSelection(tab.id, 'excerpt');
  });

  // Menus persist across service-worker restarts; (re)create them once per install or update.
  // Their titles are in the reader's language, and follow it when the reader switches.
  const MENUS = [
    ['highlight-selection', 'menuHighlight'],
    ['save-excerpt', 'menuExcerpt'],
  ] as const;
  const readerLanguage = async () => (await loadPreferences(browser.storage.local as KeyValueArea)).language;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !changes.preferences) return;
    void readerLanguage().then((language) => {
      for (const [id, key] of MENUS) void browser.contextMenus.update(id, { title: pageTranslator(language)(key) }).catch(() => undefined);
    });
  });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // The first-run page, once, when the reader installs the extension (not on updates or browser starts).
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => undefined);
    void Promise.all([browser.contextMenus.removeAll(), readerLanguage()]).then(([, language]) => {
      for (const [id, key] of MENUS) {
        browser.contextMenus.create({ id, title: pageTranslator(language)(key), contexts: ['selection'], documentUrlPatterns: PORTAL_MATCHES });
      }
      // The menus also serve the enabled sites (set once the menus exist).
      void syncing('menus');
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    if (info.menuItemId === 'highlight-selection') void annotateSelection(tab.id, 'highlight');
    if (info.menuItemId === 'save-excerpt') void annotateSelection(tab.id, 'excerpt');
  });

  // Sites the reader enabled get the content script at run time. The registrations are derived again from
  // the granted permissions on every start (install, update, browser start, worker restart) and on every
  // grant or removal, so they can never drift from what the reader allowed.
  // Hosts no adapter knows also get the generic reader, loaded before the content script (its own bundle).
  const scriptsFor = (registration: Registration) =>
    registration.id.startsWith(HOST_REGISTRATION_PREFIX) ? [GENERIC_READER_SCRIPT, CONTENT_SCRIPT] : [CONTENT_SCRIPT];
  const syncSites = async (): Promise<Registration[]> => {
    const granted = (await browser.permissions.getAll()).origins ?? [];
    const hosts = enabledHosts(await loadEnabledHosts(browser.storage.local as KeyValueArea), granted);
    const enabled = [...enabledSites(granted).map(registrationOf), ...hosts.map(registrationOfHost)];
    const current = await browser.scripting.getRegisteredContentScripts();
    const plan = planRegistrations(current.map(({ id, matches }) => ({ id, matches: matches ?? [] })), enabled);
    if (plan.remove.length) await browser.scripting.unregisterContentScripts({ ids: plan.remove });
    if (plan.add.length) {
      await browser.scripting.registerContentScripts(
        plan.add.map((registration) => ({ id: registration.id, matches: registration.matches, js: scriptsFor(registration), runAt: 'document_idle' as const, persistAcrossSessions: true })),
      );
    }
    const patterns = [...PORTAL_MATCHES, ...enabled.flatMap((registration) => registration.matches)];
    for (const id of ['highlight-selection', 'save-excerpt']) void browser.contextMenus.update(id, { documentUrlPatterns: patterns }).catch(() => undefined);
    return enabled;
  };
  const syncing = (why: string) =>
    syncSites().catch((error) => {
      log(`content scripts for enabled sites (${why}): ${String(error)}`);
      return [] as Registration[];
    });
  void syncing('start');
  // Tabs already open on a newly enabled site or host (the one the popup was opened on, first of all) are read
  // now, not only after a reload; the script runs once per page however often it is injected.
  const readOpenTabs = async (enabled: Registration[], isNew: (registration: Registration) => boolean) => {
    for (const registration of enabled.filter(isNew)) {
      const tabs = await browser.tabs.query({ url: registration.matches }).catch(() => []);
      for (const tab of tabs) {
        if (tab.id !== undefined) void browser.scripting.executeScript({ target: { tabId: tab.id }, files: scriptsFor(registration) }).catch(() => undefined);
      }
    }
  };
  browser.permissions.onAdded.addListener(async (added) => {
    const origins = added.origins ?? [];
    await readOpenTabs(await syncing('granted'), (registration) => registration.matches.some((wanted) => origins.some((origin) => patternCovers(origin, wanted))));
  });
  browser.permissions.onRemoved.addListener(() => void syncing('removed'));
  // The popup writes the host list after the grant (permissions.onAdded may come first): register then.
  browser.storage.onChanged.addListener(async (changes, area) => {
    const change = changes[ENABLED_HOSTS_KEY];
    if (area !== 'local' || !change) return;
    const before = new Set(Array.isArray(change.oldValue) ? change.oldValue : []);
    await readOpenTabs(await syncing('hosts'), (registration) => registration.id.startsWith(HOST_REGISTRATION_PREFIX) && !before.has(registration.id.slice(HOST_REGISTRATION_PREFIX.length)));
  });

  browser.tabs.onRemoved.addListener((tabId) => void background.forgetTab(tabId));
  // A tab that starts loading another page shows the popup again until its content script says otherwise.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void (browser.action ?? browser.browserAction).setPopup({ tabId, popup: 'popup.html' }).catch(() => undefined);
  });
});
