// Restoring a backup into the database (merged by id; newer edits kept): a small file in one message, a
// large one in slices the library page checked whole before sending the first.

import { parseBackup } from '../../exporters/backup-import';
import { importIntoDatabase } from '../../storage/backup-merge';
import type { Handlers } from './context';

export const backupHandlers: Handlers = {
  async 'backup/import'(message, sender, context) {
    if (!context.fromExtensionPage(sender)) return context.refuse('backup/import: not from an extension page');
    const parsed = parseBackup(message.text);
    if (!parsed.ok) {
      const listed = parsed.errors.map((problem) => `${problem.path}: ${problem.message}`).join('\n');
      return { ok: false, error: `${listed}${parsed.moreErrors ? `\n… (+${parsed.moreErrors})` : ''}` };
    }
    const summary = await importIntoDatabase(context.deps.db, parsed.annotations, parsed.articles);
    context.deps.broadcast({ type: 'library/changed', ids: summary.ids.length <= 10_000 ? summary.ids : [] });
    for (const key of summary.articleKeys) await context.annotationsChanged(key, []);
    const { added, updated, unchanged, articles } = summary;
    return { ok: true, added, updated, unchanged, articles };
  },
  async 'backup/import-records'(message, sender, context) {
    if (!context.fromExtensionPage(sender)) return context.refuse('backup/import-records: not from an extension page');
    const summary = await importIntoDatabase(context.deps.db, message.annotations, message.articles);
    // The library reloads once, after the last slice; open articles repaint as their records arrive.
    if (message.final) context.deps.broadcast({ type: 'library/changed', ids: [] });
    for (const key of summary.articleKeys) await context.annotationsChanged(key, []);
    const { added, updated, unchanged, articles } = summary;
    return { ok: true, added, updated, unchanged, articles };
  },
};
