// What every message handler of the background shares: its dependencies (passed in, so handlers are tested
// in Node), who a sender is, the tabs showing articles, and the fan-out after a change.

import type { ReaderCorrections } from '../../records/correction';
import { parseArticleKey } from '../../records/article-key';
import { siteNameOf, siteOfUrl } from '../../sites';
import type { AnyueDatabase } from '../../storage/database';
import { foldCorrections, listCorrections } from '../../storage/corrections';
import type { KeyValueArea } from '../../storage/preferences';
import type { Clock } from '../../sync/hlc';
import type { SyncRunner } from '../../sync/runner';
import type { ErrorReply, Message, MessageType, Replies, SidebarState } from '../protocol';
import { createTabRegistry, type TabRegistry } from './tabs';

export interface MessageSender {
  tab?: { id?: number };
  frameId?: number;
  url?: string;
}

/** The sidebar's long-lived connection, over which the background pushes state. */
export interface SidebarPort {
  sender?: MessageSender;
  postMessage(message: { type: 'sidebar/state'; state: SidebarState }): void;
  onDisconnect: { addListener(listener: () => void): void };
}

export interface BackgroundDeps {
  db: AnyueDatabase;
  /** Stamps every change of the reader's annotations (resolves once the device id is read). */
  clock: Promise<Clock>;
  /** storage.local */
  preferences: KeyValueArea;
  /** storage.session where available: what each tab shows, surviving a service-worker restart. */
  session: KeyValueArea & { remove?(key: string): Promise<void> };
  sendToTab(tabId: number, message: Message): Promise<unknown>;
  /** Tells every open extension page (the library); nobody listening is fine. */
  broadcast(message: Message): void;
  /** Opens an extension page in a new tab. */
  openTab(path: string): Promise<unknown>;
  /** Opens a web page in a new tab, in front; resolves to its tab id. */
  openUrl(url: string): Promise<number | undefined>;
  /** Brings a tab (and its window) to the front. */
  focusTab(tabId: number): Promise<void>;
  /** On article tabs the toolbar button toggles the sidebar (no popup); elsewhere it shows the popup. */
  setTabPopup(tabId: number, popup: boolean): void;
  sync: Pick<SyncRunner, 'syncNow' | 'changed' | 'test' | 'status' | 'reset'>;
  /** The extension's own base URL (runtime.getURL('')). */
  extensionBase: string;
  log(reason: string): void;
}

export type Reply = Replies[keyof Replies] | ErrorReply;

/** One message type's handler: the message is already validated (messaging/protocol.ts). */
export type Handler<T extends MessageType> = (message: Extract<Message, { type: T }>, sender: MessageSender, context: Context) => Promise<Replies[T] | ErrorReply>;
export type Handlers = { [T in MessageType]?: Handler<T> };

export interface Context {
  deps: BackgroundDeps;
  tabs: TabRegistry;
  /** The site name citations and excerpt snapshots carry, for an article key. */
  siteNameOf(articleKey: string): string;
  fromExtensionPage(sender: MessageSender): boolean;
  /** The sidebar: an extension page framed in a tab. */
  fromSidebar(sender: MessageSender): boolean;
  /** The top frame of an http(s) page in a tab: only pages the extension serves run its content script. */
  fromArticlePage(sender: MessageSender): boolean;
  /** Whether the (article page) sender may speak for this article: only articles of its own site. */
  senderOwnsKey(sender: MessageSender, articleKey: string): boolean;
  refuse(reason: string): ErrorReply;
  readerCorrections(): Promise<ReaderCorrections>;
  /** Corrections changed elsewhere (sync): fold them again on next use. */
  correctionsStale(): void;
  /** Pushes the current state to the sidebars of a tab (set by the sidebar capability). */
  pushState(tabId: number): Promise<void>;
  /** An editor the sidebar should open with its next state (after "note" on the page's toolbar). */
  focusByTab: Map<number, SidebarState['focus']>;
  /** The visit write of each tab still under way, so the sidebar never reads a state older than its page. */
  pendingWrites: Map<number, Promise<unknown>>;
  /** Annotations changed: the pages showing the article repaint (the sender's own tab always), their sidebars and the library refresh. */
  annotationsChanged(articleKey: string, ids: string[], originTab?: number): Promise<void>;
  /** Corrections changed: every article tab (and the sender's) re-analyses. */
  correctionsChanged(originTab?: number): Promise<void>;
}

export function createContext(deps: BackgroundDeps): Context {
  const tabs = createTabRegistry(deps.session);
  let foldedCorrections: Promise<ReaderCorrections> | null = null;
  const context: Context = {
    deps,
    tabs,
    siteNameOf: (articleKey) => {
      const site = parseArticleKey(articleKey)?.site;
      return site ? siteNameOf(site) : '';
    },
    fromExtensionPage: (sender) => !!sender.url && sender.url.startsWith(deps.extensionBase),
    fromSidebar: (sender) => context.fromExtensionPage(sender) && sender.tab?.id !== undefined,
    fromArticlePage: (sender) => sender.tab?.id !== undefined && (sender.frameId ?? 0) === 0 && siteOfUrl(sender.url) !== null,
    // The URL's site, not its exact article: a page may carry a canonical URL of another path of its site.
    senderOwnsKey: (sender, articleKey) => {
      const site = siteOfUrl(sender.url);
      return site !== null && parseArticleKey(articleKey)?.site === site;
    },
    refuse(reason) {
      deps.log(`refused message: ${reason}`);
      return { ok: false, error: reason };
    },
    readerCorrections: () => (foldedCorrections ??= listCorrections(deps.db).then(foldCorrections)),
    correctionsStale: () => void (foldedCorrections = null),
    pushState: async () => undefined,
    focusByTab: new Map(),
    pendingWrites: new Map(),
    async annotationsChanged(articleKey, ids, originTab) {
      if (ids.length) deps.broadcast({ type: 'library/changed', ids });
      deps.sync.changed();
      const showing = new Set(await tabs.showing(articleKey));
      if (originTab !== undefined) showing.add(originTab);
      await Promise.all(
        [...showing].map(async (tabId) => {
          await deps.sendToTab(tabId, { type: 'annotations/changed' }).catch(() => tabs.drop(tabId));
          await context.pushState(tabId);
        }),
      );
    },
    async correctionsChanged(originTab) {
      context.correctionsStale();
      deps.sync.changed();
      const corrections = await context.readerCorrections();
      const targets = new Set(await tabs.all());
      if (originTab !== undefined) targets.add(originTab);
      await Promise.all(
        [...targets].map(async (tabId) => {
          // A tab that no longer answers was closed or navigated away.
          await deps.sendToTab(tabId, { type: 'analysis/set-corrections', corrections }).catch(() => tabs.drop(tabId));
          await context.pushState(tabId);
        }),
      );
    },
  };
  return context;
}
