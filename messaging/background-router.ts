// The background's message dispatcher: validates each message (protocol.ts), hands it to the handler of its
// capability (handlers/), and always answers. Pure of browser globals: the entrypoint passes in the
// database, the storage areas and a way to reach tabs, so the routing rules are tested in Node.

import { parseMessage, type MessageType } from './protocol';
import { annotationHandlers } from './handlers/annotations';
import { articleHandlers } from './handlers/articles';
import { backupHandlers } from './handlers/backup';
import { createContext, type BackgroundDeps, type Handler, type Handlers, type MessageSender, type Reply } from './handlers/context';
import { correctionHandlers } from './handlers/corrections';
import { analysisKey, anchorsKey, createSidebarPorts, isVerifiedSidebar, needsFrameCheck, sidebarFrameKey, sidebarHandlers, toggleSidebarInTab } from './handlers/sidebar';
import { syncHandlers } from './handlers/sync';
import { passageHandlers } from './handlers/passage';

export type { BackgroundDeps, MessageSender, SidebarPort } from './handlers/context';

/** Messages only the background sends: a page or extension page sending one is refused. */
const BACKGROUND_ONLY: MessageType[] = ['sidebar/toggle', 'analysis/set-corrections', 'annotations/changed', 'selection/annotate', 'library/changed', 'page/show-passage', 'page/set-language', 'page/set-colour-names', 'page/set-sidebar-width', 'preferences/changed'];

const HANDLERS: Handlers = {
  ...articleHandlers,
  ...annotationHandlers,
  ...correctionHandlers,
  ...sidebarHandlers,
  ...syncHandlers,
  ...backupHandlers,
  ...passageHandlers,
};

/** Storage errors as the reader should read them. */
function plainError(error: unknown): string {
  const name = (error as { name?: string; inner?: { name?: string } })?.inner?.name ?? (error as { name?: string })?.name;
  if (name === 'QuotaExceededError') return '存储空间已满，未能保存。请导出并清理旧批注后重试。(storage is full: nothing was saved)';
  return error instanceof Error ? error.message : String(error);
}

export function createBackground(deps: BackgroundDeps) {
  const context = createContext(deps);
  const sidebars = createSidebarPorts(context);

  /** Handles one raw message; never throws, always answers. */
  async function handleMessage(raw: unknown, sender: MessageSender): Promise<Reply> {
    const parsed = parseMessage(raw);
    if (!parsed.ok) return context.refuse(parsed.reason);
    const message = parsed.value;
    if (BACKGROUND_ONLY.includes(message.type)) return context.refuse(`${message.type}: only the background sends this`);
    // A framed extension page that is not the tab's redeemed sidebar may be the page's own copy: refuse it all.
    if (message.type !== 'sidebar/redeem' && needsFrameCheck(context, sender) && !(await isVerifiedSidebar(context, sender))) {
      return context.refuse(`${message.type}: from a sidebar frame the content script did not create`);
    }
    const handler = HANDLERS[message.type] as Handler<typeof message.type> | undefined;
    if (!handler) return context.refuse(`${message.type}: no handler`);
    try {
      return await handler(message as never, sender, context);
    } catch (error) {
      const reason = `${message.type} failed: ${plainError(error)}`;
      deps.log(reason);
      return { ok: false, error: reason };
    }
  }

  async function forgetTab(tabId: number): Promise<void> {
    sidebars.forget(tabId);
    await context.tabs.forget(tabId);
    await deps.session.remove?.(analysisKey(tabId));
    await deps.session.remove?.(anchorsKey(tabId));
    await deps.session.remove?.(sidebarFrameKey(tabId));
  }

  /** Changes arrived from another device: libraries reload, open articles repaint, sidebars refresh. */
  async function remoteChangesArrived(): Promise<void> {
    context.correctionsStale();
    deps.broadcast({ type: 'library/changed', ids: [] });
    const corrections = await context.readerCorrections();
    for (const tabId of await context.tabs.all()) {
      await deps.sendToTab(tabId, { type: 'analysis/set-corrections', corrections }).catch(() => undefined);
      await deps.sendToTab(tabId, { type: 'annotations/changed' }).catch(() => undefined);
      await context.pushState(tabId);
    }
  }

  return {
    handleMessage,
    connectSidebar: sidebars.connect,
    forgetTab,
    toggleSidebarInTab: (tabId: number) => toggleSidebarInTab(context, tabId),
    remoteChangesArrived,
  };
}
