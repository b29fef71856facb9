// The background's message handler. Pure of browser globals: the entrypoint passes in the database,
// the storage areas and a way to reach tabs, so the routing rules are tested in Node.

import type { ReaderCorrections } from '../analysis/types';
import type { AnalysisSummary } from '../highlights/summary';
import { articlePostId } from '../sites/zaihaifangyu';
import { getVisit, recordVisit } from '../storage/articles';
import { parseBackup } from '../exporters/backup-import';
import { importIntoDatabase } from '../storage/backup-merge';
import { annotationsOfArticle, createAnnotation, pageNoteOf, resolveConflict, setDeleted, updateAnnotation } from '../storage/annotations';
import { addCorrection, exportCorrections, foldCorrections, listCorrections, removeCorrection } from '../storage/corrections';
import type { Clock } from '../sync/hlc';
import type { SyncRunner } from '../sync/runner';
import { checkSyncSettings, loadSyncSettings, resolveSettingsInput, saveSyncSettings, type SyncSettings } from '../storage/sync-settings';
import { SITE_NAME } from '../sites/zaihaifangyu';
import type { AnyueDatabase } from '../storage/database';
import { loadPreferences, savePreferences, type KeyValueArea } from '../storage/preferences';
import {
  isArticleMeta,
  parseMessage,
  type ArticleMeta,
  type ErrorReply,
  type Message,
  type AnchorStatus,
  type Replies,
  type SidebarState,
} from './protocol';

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
  /** On article tabs the toolbar button toggles the sidebar (no popup); elsewhere it shows the popup. */
  setTabPopup(tabId: number, popup: boolean): void;
  sync: Pick<SyncRunner, 'syncNow' | 'changed' | 'test' | 'status' | 'reset'>;
  /** The extension's own base URL (runtime.getURL('')). */
  extensionBase: string;
  log(reason: string): void;
}

type Reply = Replies[keyof Replies] | ErrorReply;

const tabKey = (tabId: number) => `tab:${tabId}`;
const analysisKey = (tabId: number) => `analysis:${tabId}`;
const anchorsKey = (tabId: number) => `anchors:${tabId}`;

/** Storage errors as the reader should read them. */
function plainError(error: unknown): string {
  const name = (error as { name?: string; inner?: { name?: string } })?.inner?.name ?? (error as { name?: string })?.name;
  if (name === 'QuotaExceededError') return '存储空间已满，未能保存。请导出并清理旧批注后重试。(storage is full: nothing was saved)';
  return error instanceof Error ? error.message : String(error);
}

export function createBackground(deps: BackgroundDeps) {
  const fromExtensionPage = (sender: MessageSender) => !!sender.url && sender.url.startsWith(deps.extensionBase);
  const fromSidebar = (sender: MessageSender) => fromExtensionPage(sender) && sender.tab?.id !== undefined;
  const fromPortalTopFrame = (sender: MessageSender) =>
    sender.tab?.id !== undefined && (sender.frameId ?? 0) === 0 && !!sender.url && articlePostId(sender.url) !== null;
  const keyOfSender = (sender: MessageSender) => `zaihaifangyu.cn/${articlePostId(sender.url!)}`;

  // The visit write of each tab still under way, so the sidebar never reads a state older than its page.
  const pendingWrites = new Map<number, Promise<unknown>>();
  const sidebarPorts = new Map<number, Set<SidebarPort>>();
  /** Tabs showing a portal article since this worker started: they hear about new corrections at once. */
  const articleTabs = new Set<number>();
  /** An editor the sidebar should open with its next state (after "note" on the page's toolbar). */
  const focusByTab = new Map<number, SidebarState['focus']>();
  let foldedCorrections: Promise<ReaderCorrections> | null = null;

  const readerCorrections = () => (foldedCorrections ??= listCorrections(deps.db).then(foldCorrections));

  async function sessionValue(key: string): Promise<unknown> {
    return (await deps.session.get(key))[key];
  }

  async function sidebarState(tabId: number): Promise<SidebarState> {
    await pendingWrites.get(tabId)?.catch(() => undefined);
    const [stored, analysis, anchors, preferences, corrections] = await Promise.all([
      sessionValue(tabKey(tabId)),
      sessionValue(analysisKey(tabId)),
      sessionValue(anchorsKey(tabId)),
      loadPreferences(deps.preferences),
      listCorrections(deps.db),
    ]);
    const article: ArticleMeta | null = isArticleMeta(stored) ? stored : null;
    const [visit, annotations] = article
      ? await Promise.all([getVisit(deps.db, article.key), annotationsOfArticle(deps.db, article.key)])
      : [null, []];
    const focus = focusByTab.get(tabId) ?? null;
    focusByTab.delete(tabId);
    return {
      article,
      visit,
      language: preferences.language,
      // Stored by this background after validation; only kept when it belongs to the tab's article.
      analysis: article && (analysis as { key?: string } | undefined)?.key === article.key
        ? ((analysis as { summary: AnalysisSummary }).summary)
        : null,
      layers: preferences.layers,
      corrections,
      annotations,
      anchors:
        article && (anchors as { key?: string } | undefined)?.key === article.key
          ? (anchors as { anchors: Record<string, AnchorStatus> }).anchors
          : {},
      focus,
    };
  }

  /** An annotation changed: its page repaints, sidebars of tabs on that article and the library refresh. */
  async function annotationsChanged(articleKey: string, ids: string[]): Promise<void> {
    if (ids.length) deps.broadcast({ type: 'library/changed', ids });
    deps.sync.changed();
    await Promise.all(
      [...articleTabs].map(async (tabId) => {
        const shown = await sessionValue(tabKey(tabId));
        if (!isArticleMeta(shown) || shown.key !== articleKey) return;
        await deps.sendToTab(tabId, { type: 'annotations/changed' }).catch(() => articleTabs.delete(tabId));
        await pushState(tabId);
      }),
    );
  }

  async function pushState(tabId: number): Promise<void> {
    const ports = sidebarPorts.get(tabId);
    if (!ports?.size) return;
    const state = await sidebarState(tabId);
    for (const port of ports) {
      try {
        port.postMessage({ type: 'sidebar/state', state });
      } catch {
        ports.delete(port);
      }
    }
  }

  async function correctionsChanged(originTab: number | undefined): Promise<void> {
    foldedCorrections = null;
    deps.sync.changed();
    const corrections = await readerCorrections();
    const tabs = new Set(articleTabs);
    if (originTab !== undefined) tabs.add(originTab);
    await Promise.all(
      [...tabs].map(async (tabId) => {
        try {
          await deps.sendToTab(tabId, { type: 'analysis/set-corrections', corrections });
        } catch {
          articleTabs.delete(tabId); // closed or navigated away
        }
        await pushState(tabId);
      }),
    );
  }

  async function route(message: Message, sender: MessageSender): Promise<Reply> {
    switch (message.type) {
      case 'article/opened': {
        if (!fromPortalTopFrame(sender)) return refuse('article/opened: not from a portal article page');
        if (keyOfSender(sender) !== message.article.key) {
          return refuse('article/opened: article key does not match the sending page');
        }
        const tabId = sender.tab!.id!;
        articleTabs.add(tabId);
        deps.setTabPopup(tabId, false);
        // The page does not wait for the visit to be written (nothing on its hot path waits on the database).
        const writes = Promise.all([
          recordVisit(deps.db, message.article),
          deps.session.set({ [tabKey(tabId)]: message.article }),
        ]);
        pendingWrites.set(tabId, writes);
        writes
          .catch((error) => deps.log(`recording the visit failed: ${String(error)}`))
          .finally(() => pendingWrites.get(tabId) === writes && pendingWrites.delete(tabId))
          .then(() => pushState(tabId));
        const [preferences, corrections] = await Promise.all([loadPreferences(deps.preferences), readerCorrections()]);
        return {
          ok: true,
          sidebarOpen: preferences.sidebarOpen,
          language: preferences.language,
          layers: preferences.layers,
          corrections,
        };
      }
      case 'article/analysed': {
        if (!fromPortalTopFrame(sender)) return refuse('article/analysed: not from a portal article page');
        if (keyOfSender(sender) !== message.key) return refuse('article/analysed: article key does not match the sending page');
        const tabId = sender.tab!.id!;
        await Promise.all([
          deps.session.set({ [analysisKey(tabId)]: { key: message.key, summary: message.summary } }),
          // Kept per article for the library's speaker and phrase indexes.
          deps.db.analyses.put({ articleKey: message.key, analysedAt: Date.now(), summary: message.summary }),
        ]);
        await pushState(tabId);
        return { ok: true };
      }
      case 'annotations/create': {
        if (!fromPortalTopFrame(sender)) return refuse('annotations/create: not from a portal article page');
        const tabId = sender.tab!.id!;
        const article = await sessionValue(tabKey(tabId));
        if (!isArticleMeta(article) || article.key !== keyOfSender(sender)) return refuse('annotations/create: the article is not known yet');
        const { request } = message;
        const annotation = await createAnnotation(deps.db, await deps.clock, {
          articleKey: article.key,
          articleUrl: article.url,
          articleTitle: article.title,
          kind: request.kind,
          target: request.target,
          colour: request.colour,
          note: '',
          tags: [],
          speakers: request.speakers,
          // The source snapshot comes from what the background knows of the article, not from the request.
          excerpt:
            request.kind === 'excerpt'
              ? {
                  title: article.title,
                  url: article.url,
                  source: article.source,
                  publishedAt: article.publishedAt,
                  author: article.author,
                  siteName: SITE_NAME,
                  capturedAt: Date.now(),
                }
              : null,
        });
        if (request.edit) {
          focusByTab.set(tabId, { id: annotation.id, field: request.edit });
          await savePreferences(deps.preferences, { sidebarOpen: true });
          await deps.sendToTab(tabId, { type: 'sidebar/set-open', open: true }).catch(() => undefined);
        }
        await annotationsChanged(article.key, [annotation.id]);
        return { ok: true, id: annotation.id };
      }
      case 'annotations/of-page': {
        if (!fromPortalTopFrame(sender)) return refuse('annotations/of-page: not from a portal article page');
        const annotations = await annotationsOfArticle(deps.db, keyOfSender(sender));
        return {
          ok: true,
          // Only what painting needs: the page never holds the reader's notes or tags.
          annotations: annotations.flatMap(({ id, kind, colour, target }) => (target ? [{ id, kind, colour, target }] : [])),
        };
      }
      case 'annotations/anchored': {
        if (!fromPortalTopFrame(sender)) return refuse('annotations/anchored: not from a portal article page');
        if (keyOfSender(sender) !== message.key) return refuse('annotations/anchored: article key does not match the sending page');
        const tabId = sender.tab!.id!;
        await deps.session.set({ [anchorsKey(tabId)]: { key: message.key, anchors: message.anchors } });
        await pushState(tabId);
        return { ok: true };
      }
      case 'annotations/focus': {
        if (!fromPortalTopFrame(sender)) return refuse('annotations/focus: not from a portal article page');
        const tabId = sender.tab!.id!;
        focusByTab.set(tabId, { id: message.id, field: 'note' });
        await savePreferences(deps.preferences, { sidebarOpen: true });
        await deps.sendToTab(tabId, { type: 'sidebar/set-open', open: true }).catch(() => undefined);
        await pushState(tabId);
        return { ok: true };
      }
      case 'annotations/update':
      case 'annotations/delete':
      case 'annotations/restore': {
        if (!fromExtensionPage(sender)) return refuse(`${message.type}: not from an extension page`);
        const annotation =
          message.type === 'annotations/update'
            ? await updateAnnotation(deps.db, await deps.clock, message.id, message.changes)
            : await setDeleted(deps.db, await deps.clock, message.id, message.type === 'annotations/delete');
        await annotationsChanged(annotation.articleKey, [annotation.id]);
        return { ok: true, annotation };
      }
      case 'annotations/resolve-conflict': {
        if (!fromExtensionPage(sender)) return refuse('annotations/resolve-conflict: not from an extension page');
        const annotation = await resolveConflict(deps.db, await deps.clock, message.id, message.field, message.value);
        await annotationsChanged(annotation.articleKey, [annotation.id]);
        return { ok: true, annotation };
      }
      case 'annotations/set-page-note': {
        if (!fromExtensionPage(sender)) return refuse('annotations/set-page-note: not from an extension page');
        const existing = await pageNoteOf(deps.db, message.articleKey);
        let annotation;
        if (existing) {
          annotation = await updateAnnotation(deps.db, await deps.clock, existing.id, { note: message.note });
          if (annotation.deleted && message.note) annotation = await setDeleted(deps.db, await deps.clock, existing.id, false);
        } else {
          const article = await deps.db.articles.get(message.articleKey);
          if (!article) return refuse('annotations/set-page-note: unknown article');
          annotation = await createAnnotation(deps.db, await deps.clock, {
            articleKey: article.key,
            articleUrl: article.url,
            articleTitle: article.title,
            kind: 'page-note',
            target: null,
            colour: 'yellow',
            note: message.note,
            tags: [],
            speakers: [],
            excerpt: null,
          });
        }
        await annotationsChanged(message.articleKey, [annotation.id]);
        return { ok: true, annotation };
      }
      case 'sidebar/get-state': {
        if (!fromSidebar(sender)) return refuse('sidebar/get-state: not from the sidebar');
        return { ok: true, state: await sidebarState(sender.tab!.id!) };
      }
      case 'sidebar/set-open': {
        // From the sidebar (its close button): remember, then tell the page. From the page (its handle):
        // the page already changed, only remember.
        if (fromSidebar(sender)) {
          await savePreferences(deps.preferences, { sidebarOpen: message.open });
          await deps.sendToTab(sender.tab!.id!, message);
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
      case 'page/reveal': {
        if (!fromSidebar(sender)) return refuse('page/reveal: not from the sidebar');
        if (message.end <= message.start) return refuse('page/reveal: empty span');
        const reply = (await deps.sendToTab(sender.tab!.id!, message)) as Replies['page/reveal'] | undefined;
        return { ok: true, found: !!reply?.found };
      }
      case 'highlights/set-layers': {
        if (!fromSidebar(sender)) return refuse('highlights/set-layers: not from the sidebar');
        await savePreferences(deps.preferences, { layers: message.layers });
        await deps.sendToTab(sender.tab!.id!, message);
        await pushState(sender.tab!.id!);
        return { ok: true };
      }
      case 'corrections/add': {
        if (!fromExtensionPage(sender)) return refuse('corrections/add: not from an extension page');
        const correction = await addCorrection(deps.db, message.correction);
        await correctionsChanged(sender.tab?.id);
        return { ok: true, correction };
      }
      case 'corrections/remove': {
        if (!fromExtensionPage(sender)) return refuse('corrections/remove: not from an extension page');
        await removeCorrection(deps.db, message.id);
        await correctionsChanged(sender.tab?.id);
        return { ok: true };
      }
      case 'backup/import': {
        if (!fromExtensionPage(sender)) return refuse('backup/import: not from an extension page');
        const parsed = parseBackup(message.text);
        if (!parsed.ok) {
          const listed = parsed.errors.map((problem) => `${problem.path}: ${problem.message}`).join('\n');
          return { ok: false, error: `${listed}${parsed.moreErrors ? `\n… (+${parsed.moreErrors})` : ''}` };
        }
        const summary = await importIntoDatabase(deps.db, parsed.annotations, parsed.articles);
        deps.broadcast({ type: 'library/changed', ids: summary.ids.length <= 10_000 ? summary.ids : [] });
        for (const key of summary.articleKeys) await annotationsChanged(key, []);
        const { added, updated, unchanged, articles } = summary;
        return { ok: true, added, updated, unchanged, articles };
      }
      case 'sync/status': {
        if (!fromExtensionPage(sender)) return refuse('sync/status: not from an extension page');
        const [status, settings] = await Promise.all([deps.sync.status(), loadSyncSettings(deps.preferences)]);
        if (!settings) return { ok: true, status, settings: null };
        const { password, ...visible } = settings;
        return { ok: true, status, settings: { ...visible, hasPassword: password.length > 0 } };
      }
      case 'sync/save-settings':
      case 'sync/test': {
        if (!fromExtensionPage(sender)) return refuse(`${message.type}: not from an extension page`);
        const stored = await loadSyncSettings(deps.preferences);
        const settings: SyncSettings = resolveSettingsInput(stored, message.settings);
        const reason = checkSyncSettings(settings);
        if (reason) return refuse(`${message.type}: ${reason}`);
        if (message.type === 'sync/test') {
          const outcome = await deps.sync.test(settings);
          return { ok: true, problem: outcome.ok ? null : outcome.problem };
        }
        await saveSyncSettings(deps.preferences, settings);
        deps.sync.reset();
        if (settings.enabled) deps.sync.changed();
        return { ok: true };
      }
      case 'sync/now': {
        if (!fromExtensionPage(sender)) return refuse('sync/now: not from an extension page');
        const outcome = await deps.sync.syncNow();
        return outcome.ok ? { ok: true, report: outcome.report, problem: null } : { ok: true, report: null, problem: outcome.problem };
      }
      case 'library/open': {
        if (!fromExtensionPage(sender)) return refuse('library/open: not from an extension page');
        await deps.openTab('/library.html');
        return { ok: true };
      }
      case 'corrections/export': {
        if (!fromExtensionPage(sender)) return refuse('corrections/export: not from an extension page');
        return { ok: true, data: exportCorrections(await listCorrections(deps.db)) };
      }
      case 'sidebar/toggle':
      case 'analysis/set-corrections':
      case 'annotations/changed':
      case 'selection/annotate':
      case 'library/changed':
        return refuse(`${message.type}: only the background sends this`);
    }
  }

  function refuse(reason: string): ErrorReply {
    deps.log(`refused message: ${reason}`);
    return { ok: false, error: reason };
  }

  /** Handles one raw message; never throws, always answers. */
  async function handleMessage(raw: unknown, sender: MessageSender): Promise<Reply> {
    const parsed = parseMessage(raw);
    if (!parsed.ok) return refuse(parsed.reason);
    try {
      return await route(parsed.value, sender);
    } catch (error) {
      const reason = `${parsed.value.type} failed: ${plainError(error)}`;
      deps.log(reason);
      return { ok: false, error: reason };
    }
  }

  /** A sidebar connected: it gets the state of its tab now and after every change. */
  function connectSidebar(port: SidebarPort): void {
    const sender = port.sender ?? {};
    if (!fromSidebar(sender)) {
      deps.log('refused connection: not from the sidebar');
      return;
    }
    const tabId = sender.tab!.id!;
    const ports = sidebarPorts.get(tabId) ?? new Set();
    ports.add(port);
    sidebarPorts.set(tabId, ports);
    port.onDisconnect.addListener(() => ports.delete(port));
    void pushState(tabId).catch((error) => deps.log(`sidebar state failed: ${String(error)}`));
  }

  async function forgetTab(tabId: number): Promise<void> {
    articleTabs.delete(tabId);
    sidebarPorts.delete(tabId);
    await deps.session.remove?.(tabKey(tabId));
    await deps.session.remove?.(analysisKey(tabId));
    await deps.session.remove?.(anchorsKey(tabId));
  }

  /** The toolbar button and keyboard command: flips the sidebar in a tab and remembers the choice. */
  async function toggleSidebarInTab(tabId: number): Promise<boolean | null> {
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

  /** Changes arrived from another device: libraries reload, open articles repaint, sidebars refresh. */
  async function remoteChangesArrived(): Promise<void> {
    foldedCorrections = null;
    deps.broadcast({ type: 'library/changed', ids: [] });
    const corrections = await readerCorrections();
    for (const tabId of articleTabs) {
      await deps.sendToTab(tabId, { type: 'analysis/set-corrections', corrections }).catch(() => undefined);
      await deps.sendToTab(tabId, { type: 'annotations/changed' }).catch(() => undefined);
      await pushState(tabId);
    }
  }

  return { handleMessage, connectSidebar, forgetTab, toggleSidebarInTab, remoteChangesArrived };
}
