// The background's message handler. Pure of browser globals: the entrypoint passes in the database,
// the storage areas and a way to reach a tab, so the routing rules are tested in Node.

import { articlePostId } from '../sites/zaihaifangyu';
import { getVisit, recordVisit } from '../storage/articles';
import type { AnyueDatabase } from '../storage/database';
import { loadPreferences, savePreferences, type KeyValueArea } from '../storage/preferences';
import {
  isArticleMeta,
  parseMessage,
  type ArticleMeta,
  type ErrorReply,
  type Message,
  type Replies,
} from './protocol';

export interface MessageSender {
  tab?: { id?: number };
  frameId?: number;
  url?: string;
}

export interface BackgroundDeps {
  db: AnyueDatabase;
  /** storage.local */
  preferences: KeyValueArea;
  /** storage.session where available: which article each tab shows, surviving a service-worker restart. */
  session: KeyValueArea;
  sendToTab(tabId: number, message: Message): Promise<unknown>;
  /** The extension's own base URL (runtime.getURL('')). */
  extensionBase: string;
  log(reason: string): void;
}

type Reply = Replies[keyof Replies] | ErrorReply;

const tabKey = (tabId: number) => `tab:${tabId}`;

export function createMessageHandler(deps: BackgroundDeps) {
  const fromExtensionPage = (sender: MessageSender) => !!sender.url && sender.url.startsWith(deps.extensionBase);
  const fromPortalTopFrame = (sender: MessageSender) =>
    sender.tab?.id !== undefined && (sender.frameId ?? 0) === 0 && !!sender.url && articlePostId(sender.url) !== null;

  // The visit write of each tab still under way, so the sidebar never reads a state older than its page.
  const pendingWrites = new Map<number, Promise<unknown>>();

  async function articleOfTab(tabId: number): Promise<ArticleMeta | null> {
    await pendingWrites.get(tabId)?.catch(() => undefined);
    const stored = (await deps.session.get(tabKey(tabId)))[tabKey(tabId)];
    return isArticleMeta(stored) ? stored : null;
  }

  async function route(message: Message, sender: MessageSender): Promise<Reply> {
    switch (message.type) {
      case 'article/opened': {
        if (!fromPortalTopFrame(sender)) return refuse('article/opened: not from a portal article page');
        if (`zaihaifangyu.cn/${articlePostId(sender.url!)}` !== message.article.key) {
          return refuse('article/opened: article key does not match the sending page');
        }
        const tabId = sender.tab!.id!;
        // The page only waits for the preferences; the visit is written meanwhile (nothing on the page's
        // hot path waits on the database).
        const writes = Promise.all([
          recordVisit(deps.db, message.article),
          deps.session.set({ [tabKey(tabId)]: message.article }),
        ]);
        pendingWrites.set(tabId, writes);
        writes
          .catch((error) => deps.log(`recording the visit failed: ${String(error)}`))
          .finally(() => pendingWrites.get(tabId) === writes && pendingWrites.delete(tabId));
        const preferences = await loadPreferences(deps.preferences);
        return { ok: true, sidebarOpen: preferences.sidebarOpen, language: preferences.language };
      }
      case 'sidebar/get-state': {
        if (!fromExtensionPage(sender) || sender.tab?.id === undefined) {
          return refuse('sidebar/get-state: not from the sidebar');
        }
        const [article, preferences] = await Promise.all([
          articleOfTab(sender.tab.id),
          loadPreferences(deps.preferences),
        ]);
        const visit = article ? await getVisit(deps.db, article.key) : null;
        return { ok: true, state: { article, visit, language: preferences.language } };
      }
      case 'sidebar/set-open': {
        // From the sidebar (its close button): remember, then tell the page. From the page (its handle):
        // the page already changed, only remember.
        if (fromExtensionPage(sender) && sender.tab?.id !== undefined) {
          await savePreferences(deps.preferences, { sidebarOpen: message.open });
          await deps.sendToTab(sender.tab.id, message);
          return { ok: true };
        }
        if (fromPortalTopFrame(sender)) {
          await savePreferences(deps.preferences, { sidebarOpen: message.open });
          return { ok: true };
        }
        return refuse('sidebar/set-open: not from the sidebar or a portal page');
      }
      case 'preferences/set-language': {
        if (!fromExtensionPage(sender)) return refuse('preferences/set-language: not from an extension page');
        await savePreferences(deps.preferences, { language: message.language });
        return { ok: true };
      }
      case 'sidebar/toggle':
        return refuse('sidebar/toggle: only the background sends this');
    }
  }

  function refuse(reason: string): ErrorReply {
    deps.log(`refused message: ${reason}`);
    return { ok: false, error: reason };
  }

  /** Handles one raw message; never throws, always answers. */
  return async function handleMessage(raw: unknown, sender: MessageSender): Promise<Reply> {
    const parsed = parseMessage(raw);
    if (!parsed.ok) return refuse(parsed.reason);
    try {
      return await route(parsed.value, sender);
    } catch (error) {
      const reason = `${parsed.value.type} failed: ${error instanceof Error ? error.message : String(error)}`;
      deps.log(reason);
      return { ok: false, error: reason };
    }
  };
}

/** The toolbar button and keyboard command: flips the sidebar in a tab and remembers the choice. */
export async function toggleSidebarInTab(deps: BackgroundDeps, tabId: number): Promise<boolean | null> {
  try {
    const reply = (await deps.sendToTab(tabId, { type: 'sidebar/toggle' })) as Replies['sidebar/toggle'] | undefined;
    if (!reply?.ok) return null;
    await savePreferences(deps.preferences, { sidebarOpen: reply.open });
    return reply.open;
  } catch {
    // No content script in that tab (not a portal article): nothing to toggle.
    return null;
  }
}
