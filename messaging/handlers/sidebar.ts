// The sidebar's state and the reader's view settings: what the sidebar of a tab shows, pushed over its port
// after every change, and the messages that open, close and configure it.

import type { AnalysisSummary } from '../../records/analysis';
import { getVisit } from '../../storage/articles';
import { annotationsOfArticle } from '../../storage/annotations';
import { listCorrections } from '../../storage/corrections';
import { loadPreferences, savePreferences, type Preferences } from '../../storage/preferences';
import type { AnchorStatus, Message, Replies, SidebarState } from '../protocol';
import type { Context, Handlers, MessageSender, SidebarPort } from './context';

export const analysisKey = (tabId: number) => `analysis:${tabId}`;
export const anchorsKey = (tabId: number) => `anchors:${tabId}`;
/** The sidebar frame a tab's content script created: its one-time token until redeemed, then the frame's id. */
export const sidebarFrameKey = (tabId: number) => `sidebar-frame:${tabId}`;

// The page can frame its own copy of sidebar.html (it is web-accessible) and overlay it for clicks. Only the
// frame the content script created gets the tab's state: the content script asks for a one-time token, puts it
// in the URL of the frame it creates (inside a closed shadow root, out of the page's reach), and the frame
// redeems it here before it shows anything. From then on that frame (tab, frame id) is the tab's sidebar; any
// other extension frame in the tab is refused everything. Kept in session storage: it outlives a worker restart.
type FrameGrant = { token: string | null; frameId: number | null };

const TOKEN_BYTES = 16;

function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(TOKEN_BYTES));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function frameGrant(context: Context, tabId: number): Promise<FrameGrant | null> {
  const grant = (await context.deps.session.get(sidebarFrameKey(tabId)))[sidebarFrameKey(tabId)] as FrameGrant | undefined;
  return grant && typeof grant === 'object' ? grant : null;
}

/** An extension page framed into a web page, or any copy of the sidebar page: ours only once it redeemed a token. */
export function needsFrameCheck(context: Context, sender: MessageSender): boolean {
  if (!context.fromExtensionPage(sender)) return false;
  const framed = sender.tab?.id !== undefined && (sender.frameId ?? 0) !== 0;
  return framed || new URL(sender.url!).pathname === '/sidebar.html';
}

/** Whether the sender is the sidebar frame the tab's content script created (and redeemed its token). */
export async function isVerifiedSidebar(context: Context, sender: MessageSender): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !sender.frameId || !context.fromExtensionPage(sender)) return false;
  const grant = await frameGrant(context, tabId);
  return grant?.frameId === sender.frameId;
}

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
    colourNames: preferences.colourNames,
    textSize: preferences.textSize,
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
      let open = true;
      port.onDisconnect.addListener(() => void (open = false));
      void isVerifiedSidebar(context, sender).then((verified) => {
        if (!verified) return context.deps.log('refused connection: a sidebar frame the content script did not create');
        if (!open) return;
        const ports = portsByTab.get(tabId) ?? new Set();
        ports.add(port);
        portsByTab.set(tabId, ports);
        port.onDisconnect.addListener(() => ports.delete(port));
        void context.pushState(tabId).catch((error) => context.deps.log(`sidebar state failed: ${String(error)}`));
      });
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
  async 'sidebar/frame-token'(_message, sender, context) {
    if (!context.fromArticlePage(sender)) return context.refuse('sidebar/frame-token: not from an article page');
    const token = newToken();
    // A new page in the tab: whichever frame the last one had is no longer its sidebar.
    await context.deps.session.set({ [sidebarFrameKey(sender.tab!.id!)]: { token, frameId: null } satisfies FrameGrant });
    return { ok: true, token };
  },
  async 'sidebar/redeem'(message, sender, context) {
    if (!context.fromSidebar(sender) || !sender.frameId) return context.refuse('sidebar/redeem: not a framed extension page');
    const tabId = sender.tab!.id!;
    const grant = await frameGrant(context, tabId);
    // The same frame loading again (its token already spent) stays the sidebar.
    if (grant && grant.frameId === sender.frameId) return { ok: true };
    if (!grant || grant.frameId !== null || !grant.token || message.token !== grant.token) {
      return context.refuse('sidebar/redeem: no such sidebar token for this tab (or it was used already)');
    }
    await context.deps.session.set({ [sidebarFrameKey(tabId)]: { token: null, frameId: sender.frameId } satisfies FrameGrant });
    return { ok: true };
  },
  async 'sidebar/check-shown'(message, sender, context) {
    if (!context.fromSidebar(sender)) return context.refuse('sidebar/check-shown: not from the sidebar');
    // Fail closed: no answer from the page's content script means "not shown".
    const reply = (await context.deps.sendToTab(sender.tab!.id!, message).catch(() => undefined)) as Replies['sidebar/check-shown'] | undefined;
    return { ok: true, shown: reply?.ok === true && reply.shown === true };
  },
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
  async 'sidebar/set-width'(message, sender, context) {
    // Only the content script sends it, from a trusted drag or key press on the sidebar's edge (page scripts
    // cannot send runtime messages). Every other article tab follows at once.
    if (!context.fromArticlePage(sender)) return context.refuse('sidebar/set-width: not from an article page');
    await savePreferences(context.deps.preferences, { sidebarWidth: message.width });
    const resizedIn = sender.tab!.id!;
    const toPages: Message = { type: 'page/set-sidebar-width', width: message.width };
    await Promise.all(
      (await context.tabs.all()).filter((tabId) => tabId !== resizedIn).map((tabId) => context.deps.sendToTab(tabId, toPages).catch(() => context.tabs.drop(tabId))),
    );
    return { ok: true };
  },
  async 'preferences/set-text-size'(message, sender, context) {
    if (!context.fromExtensionPage(sender)) return context.refuse('preferences/set-text-size: not from an extension page');
    const preferences = await savePreferences(context.deps.preferences, { textSize: message.textSize });
    // The page's own toolbar and notices keep their size: only the extension's pages and sidebars change.
    context.deps.broadcast(preferencesChangedMessage(preferences));
    await Promise.all((await context.tabs.all()).map((tabId) => context.pushState(tabId)));
    return { ok: true };
  },
  async 'preferences/set-language'(message, sender, context) {
    if (!context.fromExtensionPage(sender)) return context.refuse('preferences/set-language: not from an extension page');
    const preferences = await savePreferences(context.deps.preferences, { language: message.language });
    await preferencesChanged(context, preferences, { type: 'page/set-language', language: message.language });
    return { ok: true };
  },
  async 'preferences/set-colour-names'(message, sender, context) {
    if (!context.fromExtensionPage(sender)) return context.refuse('preferences/set-colour-names: not from an extension page');
    // The protocol's check already refused untrimmed, empty or over-long names: stored as they came.
    const { colourNames } = message;
    const preferences = await savePreferences(context.deps.preferences, { colourNames });
    await preferencesChanged(context, preferences, { type: 'page/set-colour-names', colourNames });
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

const preferencesChangedMessage = (preferences: Preferences): Message => ({
  type: 'preferences/changed',
  language: preferences.language,
  colourNames: preferences.colourNames,
  textSize: preferences.textSize,
});

/**
 * A preference changed: at once everywhere, every article tab (toolbar, hover card, notices: each `toPages`
 * message), its sidebar, the library.
 */
export async function preferencesChanged(context: Context, preferences: Preferences, ...toPages: Message[]): Promise<void> {
  context.deps.broadcast(preferencesChangedMessage(preferences));
  await Promise.all(
    (await context.tabs.all()).map(async (tabId) => {
      for (const message of toPages) await context.deps.sendToTab(tabId, message).catch(() => context.tabs.drop(tabId));
      await context.pushState(tabId);
    }),
  );
}
