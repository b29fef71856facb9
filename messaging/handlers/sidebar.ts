// The sidebar's state and the reader's view settings: what the sidebar of a tab shows, pushed over its port
// after every change, and the messages that open, close and configure it.

import type { AnalysisSummary } from '../../highlights/summary';
import { getVisit } from '../../storage/articles';
import { annotationsOfArticle } from '../../storage/annotations';
import { listCorrections } from '../../storage/corrections';
import { loadPreferences, savePreferences } from '../../storage/preferences';
import type { AnchorStatus, Replies, SidebarState } from '../protocol';
import type { Context, Handlers, SidebarPort } from './context';

export const analysisKey = (tabId: number) => `analysis:${tabId}`;
export const anchorsKey = (tabId: number) => `anchors:${tabId}`;

async function sessionValue(context: Context, key: string): Promise<unknown> {
  return (await context.deps.session.get(key))[key];
}

export async function sidebarState(context: Context, tabId: number): Promise<SidebarState> {
  const { deps } = context;
  await context.pendingWrites.get(tabId)?.catch(() => undefined);
  const [article, analysis, anchors, preferences, corrections] = await Promise.all([
    context.tabs.articleOf(tabId),
    sessionValue(context, analysisKey(tabId)),
    sessionValue(context, anchorsKey(tabId)),
    loadPreferences(deps.preferences),
    listCorrections(deps.db),
  ]);
  const [visit, annotations] = article ? await Promise.all([getVisit(deps.db, article.key), annotationsOfArticle(deps.db, article.key)]) : [null, []];
  const focus = context.focusByTab.get(tabId) ?? null;
  context.focusByTab.delete(tabId);
  return {
    article,
    visit,
    language: preferences.language,
    // Stored by this background after validation; only kept when it belongs to the tab's article.
    analysis: article && (analysis as { key?: string } | undefined)?.key === article.key ? (analysis as { summary: AnalysisSummary }).summary : null,
    layers: preferences.layers,
    corrections,
    annotations,
    anchors: article && (anchors as { key?: string } | undefined)?.key === article.key ? (anchors as { anchors: Record<string, AnchorStatus> }).anchors : {},
    focus,
  };
}

/** The sidebars connected to each tab; ports die with the worker, and the sidebar reconnects. */
export function createSidebarPorts(context: Context) {
  const portsByTab = new Map<number, Set<SidebarPort>>();
  context.pushState = async (tabId) => {
    const ports = portsByTab.get(tabId);
    if (!ports?.size) return;
    const state = await sidebarState(context, tabId);
    for (const port of ports) {
      try {
        port.postMessage({ type: 'sidebar/state', state });
      } catch {
        ports.delete(port);
      }
    }
  };
  return {
    /** A sidebar connected: it gets the state of its tab now and after every change. */
    connect(port: SidebarPort): void {
      const sender = port.sender ?? {};
      if (!context.fromSidebar(sender)) {
        context.deps.log('refused connection: not from the sidebar');
        return;
      }
      const tabId = sender.tab!.id!;
      const ports = portsByTab.get(tabId) ?? new Set();
      ports.add(port);
      portsByTab.set(tabId, ports);
      port.onDisconnect.addListener(() => ports.delete(port));
      void context.pushState(tabId).catch((error) => context.deps.log(`sidebar state failed: ${String(error)}`));
    },
    forget(tabId: number): void {
      portsByTab.delete(tabId);
    },
  };
}

/** The toolbar button and keyboard command: flips the sidebar in a tab and remembers the choice. */
export async function toggleSidebarInTab(context: Context, tabId: number): Promise<boolean | null> {
  try {
    const reply = (await context.deps.sendToTab(tabId, { type: 'sidebar/toggle' })) as Replies['sidebar/toggle'] | undefined;
    if (!reply?.ok) return null;
    await savePreferences(context.deps.preferences, { sidebarOpen: reply.open });
    return reply.open;
  } catch {
    // No content script in that tab (not an article page): nothing to toggle.
    return null;
  }
}

export const sidebarHandlers: Handlers = {
  async 'sidebar/get-state'(_message, sender, context) {
    if (!context.fromSidebar(sender)) return context.refuse('sidebar/get-state: not from the sidebar');
    return { ok: true, state: await sidebarState(context, sender.tab!.id!) };
  },
  async 'sidebar/set-open'(message, sender, context) {
    // From the sidebar (its close button): remember, then tell the page. From the page (its handle): the
    // page already changed, only remember.
    if (context.fromSidebar(sender)) {
      await savePreferences(context.deps.preferences, { sidebarOpen: message.open });
      await context.deps.sendToTab(sender.tab!.id!, message);
      return { ok: true };
    }
    if (context.fromArticlePage(sender)) {
      await savePreferences(context.deps.preferences, { sidebarOpen: message.open });
      return { ok: true };
    }
    return context.refuse('sidebar/set-open: not from the sidebar or an article page');
  },
  async 'preferences/set-language'(message, sender, context) {
    if (!context.fromExtensionPage(sender)) return context.refuse('preferences/set-language: not from an extension page');
    await savePreferences(context.deps.preferences, { language: message.language });
    return { ok: true };
  },
  async 'page/reveal'(message, sender, context) {
    if (!context.fromSidebar(sender)) return context.refuse('page/reveal: not from the sidebar');
    if (message.end <= message.start) return context.refuse('page/reveal: empty span');
    const reply = (await context.deps.sendToTab(sender.tab!.id!, message)) as Replies['page/reveal'] | undefined;
    return { ok: true, found: !!reply?.found };
  },
  async 'highlights/set-layers'(message, sender, context) {
    if (!context.fromSidebar(sender)) return context.refuse('highlights/set-layers: not from the sidebar');
    await savePreferences(context.deps.preferences, { layers: message.layers });
    await context.deps.sendToTab(sender.tab!.id!, message);
    await context.pushState(sender.tab!.id!);
    return { ok: true };
  },
  async 'library/open'(_message, sender, context) {
    if (!context.fromExtensionPage(sender)) return context.refuse('library/open: not from an extension page');
    await context.deps.openTab('/library.html');
    return { ok: true };
  },
};
