// The reader's corrections to the analysis: kept, synced, and handed to every article tab at once.

import { addCorrection, exportCorrections, listCorrections, removeCorrection } from '../../storage/corrections';
import type { Handlers } from './context';

export const correctionHandlers: Handlers = {
  async 'corrections/add'(message, sender, context) {
    if (!context.fromExtensionPage(sender)) return context.refuse('corrections/add: not from an extension page');
    const correction = await addCorrection(context.deps.db, message.correction);
    await context.correctionsChanged(sender.tab?.id);
    return { ok: true, correction };
  },
  async 'corrections/remove'(message, sender, context) {
    if (!context.fromExtensionPage(sender)) return context.refuse('corrections/remove: not from an extension page');
    await removeCorrection(context.deps.db, message.id);
    await context.correctionsChanged(sender.tab?.id);
    return { ok: true };
  },
  async 'corrections/export'(_message, sender, context) {
    if (!context.fromExtensionPage(sender)) return context.refuse('corrections/export: not from an extension page');
    return { ok: true, data: exportCorrections(await listCorrections(context.deps.db)) };
  },
};
