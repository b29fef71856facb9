// An article page reporting in: the visit is recorded, the tab remembered, the analysis kept for the
// sidebar and the library's indexes.

import { recordAnalysis, recordVisit } from '../../storage/articles';
import { loadPreferences } from '../../storage/preferences';
import type { Handlers } from './context';
import { analysisKey } from './sidebar';

export const articleHandlers: Handlers = {
  async 'article/opened'(message, sender, context) {
    if (!context.fromArticlePage(sender)) return context.refuse('article/opened: not from an article page');
    if (!context.senderOwnsKey(sender, message.article.key)) return context.refuse('article/opened: article key does not match the sending page');
    const { deps } = context;
    const tabId = sender.tab!.id!;
    deps.setTabPopup(tabId, false);
    // The page does not wait for the visit to be written (nothing on its hot path waits on the database).
    const writes = Promise.all([recordVisit(deps.db, message.article), context.tabs.show(tabId, message.article)]);
    context.pendingWrites.set(tabId, writes);
    writes
      .catch((error) => deps.log(`recording the visit failed: ${String(error)}`))
      .finally(() => context.pendingWrites.get(tabId) === writes && context.pendingWrites.delete(tabId))
      .then(() => context.pushState(tabId));
    const [preferences, corrections] = await Promise.all([loadPreferences(deps.preferences), context.readerCorrections()]);
    return { ok: true, sidebarOpen: preferences.sidebarOpen, language: preferences.language, layers: preferences.layers, colourNames: preferences.colourNames, sidebarWidth: preferences.sidebarWidth, corrections };
  },
  async 'article/analysed'(message, sender, context) {
    if (!context.fromArticlePage(sender)) return context.refuse('article/analysed: not from an article page');
    if (!context.senderOwnsKey(sender, message.key)) return context.refuse('article/analysed: article key does not match the sending page');
    const tabId = sender.tab!.id!;
    await Promise.all([
      context.deps.session.set({ [analysisKey(tabId)]: { key: message.key, summary: message.summary } }),
      // Kept per article for the library's speaker and phrase indexes.
      recordAnalysis(context.deps.db, message.key, message.summary),
    ]);
    // The article and its analysis are queued for the reader's other devices.
    context.deps.sync.changed();
    await context.pushState(tabId);
    return { ok: true };
  },
};
