import { render } from 'preact';
import { parseMessage } from '../../messaging/protocol';
import { browser } from 'wxt/browser';
import { AnyueDatabase } from '../../storage/database';
import { loadPreferences, type KeyValueArea } from '../../storage/preferences';
import { enabledHosts, enabledSites, hostPatternsOf, optionalSites } from '../../sites/enabled-sites';
import { loadEnabledHosts, removeEnabledHost } from '../../storage/enabled-hosts';
import { newestAnnotations, readAnnotationsInChunks } from '../../storage/library-reads';
import { builtInAdapters, siteNameOf } from '../../sites';
import { LibraryApp, type LibrarySource } from './LibraryApp';

// The library reads the extension's database directly (it is an extension page, same origin as the
// background); every write still goes through the background, which tells open libraries what changed.
const db = new AnyueDatabase();
const source: LibrarySource = {
  loadBackup: async () => {
    const [annotations, articles, analyses, corrections, preferences] = await Promise.all([
      db.annotations.toArray(),
      db.articles.toArray(),
      db.analyses.toArray(),
      db.corrections.toArray(),
      loadPreferences(browser.storage.local as KeyValueArea),
    ]);
    return { annotations, articles, analyses, corrections, preferences };
  },
  loadFirst: async (limit) => {
    const [annotations, articles] = await Promise.all([newestAnnotations(db, limit), db.articles.toArray()]);
    return { annotations, articles };
  },
  // Chunks of 5,000: each read is short, and the page handles input between them.
  loadChunks: (onChunk) => readAnnotationsInChunks(db, 5_000, onChunk),
  loadAnalyses: () => db.analyses.toArray(),
  siteName: (site, language) => {
    const adapter = builtInAdapters.find((candidate) => candidate.site === site);
    return adapter ? (language === 'en' ? adapter.siteNameEn : adapter.siteName) : siteNameOf(site);
  },
  loadAnnotations: async (ids) => (await db.annotations.bulkGet(ids)).filter((a) => a !== undefined),
  onChanged: (listener) => {
    browser.runtime.onMessage.addListener((raw: unknown) => {
      const message = raw as { type?: unknown; ids?: unknown };
      if (message?.type === 'library/changed' && Array.isArray(message.ids)) {
        listener(message.ids.filter((id): id is string => typeof id === 'string').slice(0, 100_000));
      }
      return undefined;
    });
  },
  send: (message) => browser.runtime.sendMessage(message),
  language: async () => (await loadPreferences(browser.storage.local as KeyValueArea)).language,
  colourNames: async () => (await loadPreferences(browser.storage.local as KeyValueArea)).colourNames,
  textSize: async () => (await loadPreferences(browser.storage.local as KeyValueArea)).textSize,
  // The reader switched language, named colours or sized the text elsewhere (a sidebar, another library tab): follow at once.
  onPreferences: (listener) => {
    browser.runtime.onMessage.addListener((raw: unknown) => {
      const parsed = parseMessage(raw);
      if (parsed.ok && parsed.value.type === 'preferences/changed') listener(parsed.value.language, parsed.value.colourNames, parsed.value.textSize);
      return undefined;
    });
  },
  // Must run inside the click that asked for it (a user gesture).
  requestPermission: (pattern) => browser.permissions.request({ origins: [pattern] }),
  sites: {
    list: async () => {
      const granted = (await browser.permissions.getAll()).origins ?? [];
      const hosts = enabledHosts(await loadEnabledHosts(browser.storage.local as KeyValueArea), granted);
      return [
        ...enabledSites(granted).map(({ site, siteName, siteNameEn }) => ({ site, name: siteName, nameEn: siteNameEn })),
        ...hosts.map((host) => ({ site: host, name: host, nameEn: host })),
      ];
    },
    // The background unregisters the site's content script when the permission goes (permissions.onRemoved).
    remove: async (site) => {
      const adapter = optionalSites.find((candidate) => candidate.site === site);
      if (adapter) return browser.permissions.remove({ origins: [...adapter.hostPatterns] });
      // The reader is unregistered once the host leaves the list, even where the browser keeps the access.
      await removeEnabledHost(browser.storage.local as KeyValueArea, site);
      return browser.permissions.remove({ origins: hostPatternsOf(site) }).catch(() => false);
    },
  },
};

render(<LibraryApp source={source} />, document.getElementById('app')!);
