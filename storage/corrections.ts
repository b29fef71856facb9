// The reader's corrections to the analysis, kept in the extension database and folded into the form the
// analysis takes. The latest correction of the same name or term wins.

import type { PhraseCategory, ReaderCorrections } from '../analysis/types';
import type { Correction, CorrectionInput, CorrectionsExport } from '../records/correction';
import type { AnyueDatabase } from './database';

export async function addCorrection(db: AnyueDatabase, input: CorrectionInput, now = Date.now()): Promise<Correction> {
  const correction = { ...input, id: crypto.randomUUID(), createdAt: now } as Correction;
  await db.corrections.add(correction);
  return correction;
}

export async function removeCorrection(db: AnyueDatabase, id: string): Promise<void> {
  await db.corrections.delete(id);
}

export function listCorrections(db: AnyueDatabase): Promise<Correction[]> {
  return db.corrections.orderBy('createdAt').toArray();
}

export function foldCorrections(corrections: Correction[]): ReaderCorrections {
  const ordered = [...corrections].sort((a, b) => a.createdAt - b.createdAt);
  const notSpeakers = new Set<string>();
  const fixes = new Map<string, { name: string; fixedName?: string; title?: string; org?: string }>();
  // term → the latest thing said of it
  const terms = new Map<string, { added: boolean; category?: PhraseCategory }>();
  for (const correction of ordered) {
    switch (correction.kind) {
      case 'not-speaker':
        notSpeakers.add(correction.name);
        break;
      case 'fix-person':
        fixes.set(correction.name, {
          name: correction.name,
          fixedName: correction.fixedName,
          title: correction.title,
          org: correction.org,
        });
        break;
      case 'add-term':
        terms.set(correction.text, { added: true, category: correction.category });
        break;
      case 'remove-term':
        terms.set(correction.text, { added: false });
        break;
    }
  }
  const folded: ReaderCorrections = {};
  if (notSpeakers.size) folded.notSpeakers = [...notSpeakers];
  if (fixes.size) folded.personFixes = [...fixes.values()];
  const added = [...terms].filter(([, t]) => t.added).map(([text, t]) => ({ text, category: t.category! }));
  const removed = [...terms].filter(([, t]) => !t.added).map(([text]) => text);
  if (added.length) folded.addedTerms = added;
  if (removed.length) folded.removedTerms = removed;
  return folded;
}

export function exportCorrections(corrections: Correction[], now = new Date()): CorrectionsExport {
  return { format: 'anyue-corrections', version: 1, exportedAt: now.toISOString(), corrections };
}
