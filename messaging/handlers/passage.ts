// From the library back to the passage: the library asks for an article and a passage; the background brings
// forward a tab showing the article (or opens one) and hands the passage to that tab's page, at once when it
// is already read, else when the new page asks for it (kept in storage.session meanwhile, as Chromium may
// stop the worker while the page loads).

import { parseMessage, type PassageTarget } from '../protocol';
import { parseArticleKey } from '../../records/article-key';
import { siteOfUrl } from '../../sites';
import type { Context, Handlers } from './context';
import { pendingPassageKey } from './tabs';

/** Tabs the library is opening right now: a page asking for its passage waits until the passage is stored. */
const opening = new Map<number, Promise<unknown>>();

export const passageHandlers: Handlers = {
  async 'library/open-passage'(message, sender, context) {
    if (!context.fromExtensionPage(sender)) return context.refuse('library/open-passage: not from an extension page');
    // The address must be of the article's own site: a record naming another site's URL does not open it.
    if (siteOfUrl(message.url) !== parseArticleKey(message.articleKey)?.site) return context.refuse('library/open-passage: the address is not of the article\'s site');
    const { deps, tabs } = context;
    for (const tabId of await tabs.showing(message.articleKey)) {
      try {
        // A tab that no longer shows the article (or closed) does not answer; the next one, or a new tab, serves.
        const reply = (await deps.sendToTab(tabId, message.passage ? { type: 'page/show-passage', passage: message.passage } : { type: 'annotations/changed' })) as { ok?: boolean } | undefined;
        if (!reply?.ok) throw new Error('no answer');
        await deps.focusTab(tabId);
        return { ok: true, reused: true };
      } catch {
        await tabs.drop(tabId);
      }
    }
    const tabId = await deps.openUrl(message.url);
    if (tabId !== undefined && message.passage) {
      const stored = deps.session.set({ [pendingPassageKey(tabId)]: { key: message.articleKey, passage: message.passage } });
      opening.set(tabId, stored);
      await stored.finally(() => opening.delete(tabId));
    }
    return { ok: true, reused: false };
  },
  async 'page/take-passage'(message, sender, context) {
    if (!context.fromArticlePage(sender)) return context.refuse('page/take-passage: not from an article page');
    if (!context.senderOwnsKey(sender, message.key)) return context.refuse('page/take-passage: article key does not match the sending page');
    const tabId = sender.tab!.id!;
    await opening.get(tabId)?.catch(() => undefined);
    return { ok: true, passage: await takePendingPassage(context, tabId, message.key) };
  },
};

/** The stored passage for a tab, once: validated again (a bad value must not travel), and only for its article. */
async function takePendingPassage(context: Context, tabId: number, articleKey: string): Promise<PassageTarget | null> {
  const key = pendingPassageKey(tabId);
  const stored = (await context.deps.session.get(key))[key] as { key?: unknown; passage?: unknown } | undefined;
  if (!stored) return null;
  await context.deps.session.remove?.(key);
  if (stored.key !== articleKey) return null;
  const parsed = parseMessage({ type: 'page/show-passage', passage: stored.passage });
  return parsed.ok && parsed.value.type === 'page/show-passage' ? parsed.value.passage : null;
}
