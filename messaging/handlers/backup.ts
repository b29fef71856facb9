// Restoring a backup into the database (merged by id; newer edits kept): a small file in one message, a
// large one in slices the library page checked whole before sending the first. The backup's preferences
// come back too (a colour the backup leaves unnamed keeps the name given here), and so do its corrections,
// which every open article then applies.

import { parseBackup } from '../../exporters/backup-import';
import type { Correction } from '../../records/correction';
import type { Preferences } from '../../records/preferences';
import { importIntoDatabase, type ImportedRecords } from '../../storage/backup-merge';
import { loadPreferences, savePreferences } from '../../storage/preferences';
import type { Context, Handlers } from './context';
import { preferencesChanged } from './sidebar';

async function restore(context: Context, records: ImportedRecords, preferences: Partial<Preferences> | null, final: boolean) {
  const summary = await importIntoDatabase(context.deps.db, records);
  if (preferences) {
    const here = await loadPreferences(context.deps.preferences);
    const restored = await savePreferences(context.deps.preferences, { ...preferences, colourNames: { ...here.colourNames, ...preferences.colourNames } });
    await preferencesChanged(
      context,
      restored,
      { type: 'page/set-language', language: restored.language },
      { type: 'page/set-colour-names', colourNames: restored.colourNames },
      { type: 'highlights/set-layers', layers: restored.layers },
      { type: 'page/set-sidebar-width', width: restored.sidebarWidth },
    );
  }
  if (records.corrections.length) await context.correctionsChanged();
  // The library reloads once, after the last slice; open articles repaint as their records arrive.
  if (final) context.deps.broadcast({ type: 'library/changed', ids: summary.ids.length <= 10_000 ? summary.ids : [] });
  for (const key of summary.articleKeys) await context.annotationsChanged(key, []);
  const { added, updated, unchanged, articles } = summary;
  return { ok: true as const, added, updated, unchanged, articles };
}

export const backupHandlers: Handlers = {
  async 'backup/import'(message, sender, context) {
    if (!context.fromExtensionPage(sender)) return context.refuse('backup/import: not from an extension page');
    const parsed = parseBackup(message.text);
    if (!parsed.ok) {
      const listed = parsed.errors.map((problem) => `${problem.path}: ${problem.message}`).join('\n');
      return { ok: false, error: `${listed}${parsed.moreErrors ? `\n… (+${parsed.moreErrors})` : ''}` };
    }
    return restore(context, parsed, parsed.preferences, true);
  },
  async 'backup/import-records'(message, sender, context) {
    if (!context.fromExtensionPage(sender)) return context.refuse('backup/import-records: not from an extension page');
    const { annotations, articles, analyses, corrections, preferences, final } = message;
    return restore(context, { annotations, articles, analyses, corrections: corrections as Correction[] }, preferences, final);
  },
};
