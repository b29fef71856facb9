// The tabs showing an article, kept in storage.session: Chromium stops an idle background worker after
// ~30 s, and a registry kept only in memory would forget every open article, so highlights made or
// deleted elsewhere would no longer be painted there. Each tab's article is one entry; the list of tabs
// is one more, so "which tabs show this article" needs no scan of the session area.

import { isArticleMeta } from '../protocol';
import type { ArticleMeta } from '../../records/article';
import type { KeyValueArea } from '../../storage/preferences';

const TABS_KEY = 'article-tabs';
export const tabKey = (tabId: number) => `tab:${tabId}`;
/** The passage a tab opened from the library is to show once its page is read (kept across worker restarts). */
export const pendingPassageKey = (tabId: number) => `passage:${tabId}`;

export interface TabRegistry {
  /** The tab now shows this article. */
  show(tabId: number, article: ArticleMeta): Promise<void>;
  /** The article the tab shows, if any (validated: the session area is ours, but a bad value must not travel). */
  articleOf(tabId: number): Promise<ArticleMeta | null>;
  all(): Promise<number[]>;
  showing(articleKey: string): Promise<number[]>;
  /** The tab no longer answers: stop telling it (its article entry is kept until the tab closes). */
  drop(tabId: number): Promise<void>;
  /** The tab closed. */
  forget(tabId: number): Promise<void>;
}

export function createTabRegistry(session: KeyValueArea & { remove?(key: string): Promise<void> }): TabRegistry {
  // Read-modify-write of the list is serialised, so two pages opening at once both stay listed.
  let queue: Promise<unknown> = Promise.resolve();
  const listed = async (): Promise<number[]> => {
    const value = (await session.get(TABS_KEY))[TABS_KEY];
    return Array.isArray(value) ? value.filter((id): id is number => Number.isInteger(id)) : [];
  };
  const update = (change: (tabs: Set<number>) => void) => {
    const next = queue.then(async () => {
      const tabs = new Set(await listed());
      change(tabs);
      await session.set({ [TABS_KEY]: [...tabs] });
    });
    queue = next.catch(() => undefined);
    return next;
  };
  const registry: TabRegistry = {
    async show(tabId, article) {
      await Promise.all([session.set({ [tabKey(tabId)]: article }), update((tabs) => tabs.add(tabId))]);
    },
    async articleOf(tabId) {
      const value = (await session.get(tabKey(tabId)))[tabKey(tabId)];
      return isArticleMeta(value) ? value : null;
    },
    all: async () => {
      await queue;
      return listed();
    },
    async showing(articleKey) {
      const tabs = await registry.all();
      const articles = await Promise.all(tabs.map((tabId) => registry.articleOf(tabId)));
      return tabs.filter((_, i) => articles[i]?.key === articleKey);
    },
    drop: (tabId) => update((tabs) => tabs.delete(tabId)),
    async forget(tabId) {
      await update((tabs) => tabs.delete(tabId));
      await session.remove?.(tabKey(tabId));
      await session.remove?.(pendingPassageKey(tabId));
    },
  };
  return registry;
}

