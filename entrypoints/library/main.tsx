import { render } from 'preact';
import { browser } from 'wxt/browser';
import { AnyueDatabase } from '../../storage/database';
import { loadPreferences, type KeyValueArea } from '../../storage/preferences';
import { enabledSites, optionalSites } from '../../sites/enabled-sites';
import { newestAnnotations, readAnnotationsInChunks } from '../../storage/library-reads';
import { builtInAdapters, siteNameOf } from '../../sites';
import { LibraryApp, type LibrarySource } from './LibraryApp';

// The library reads the extension's database directly (it is an extension page, same origin as the
// background); every write still goes through the background, which tells open libraries what changed.
const db = new AnyueDatabase();
const source: LibrarySource = {
  loadAll: async () => {
    const [annotations, articles, analyses] = await Promise.all([db.annotations.toArray(), db.articles.toArray(), db.analyses.toArray()]);
    return { annotations, articles, analyses };
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
  // Must run inside the click that asked for it (a user gesture).
  requestPermission: (pattern) => browser.permissions.request({ origins: [pattern] }),
  sites: {
    list: async () =>
      enabledSites((await browser.permissions.getAll()).origins ?? []).map(({ site, siteName, siteNameEn }) => ({ site, name: siteName, nameEn: siteNameEn })),
    // The background unregisters the site's content script when the permission goes (permissions.onRemoved).
    remove: async (site) => {
      const adapter = optionalSites.find((candidate) => candidate.site === site);
      return adapter ? browser.permissions.remove({ origins: [...adapter.hostPatterns] }) : false;
    },
  },
};

render(<LibraryApp source={source} />, document.getElementById('app')!);
