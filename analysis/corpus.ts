// Loads the labelled development corpus (Node only: used by scripts/eval.ts and tests, never bundled).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Gold } from './evaluate';

export interface CorpusArticle {
  id: string;
  text: string;
  gold: Gold;
}

export const CORPUS_IDS = ['seed/5288', ...Array.from({ length: 32 }, (_, i) => `articles/${String(i + 1).padStart(2, '0')}`)];

export type Half = 'A' | 'B';

/**
 * The fixed two-way split for honest cross-validation of hand-written rules: odd-numbered articles and
 * the seed are half A, even-numbered ones half B. Fixed here (not random) so that the record in
 * analysis/README.md of which half each rule was developed on stays true.
 */
export function halfOf(id: string): Half {
  const m = /(\d+)$/.exec(id);
  if (id.startsWith('seed/') || !m) return 'A';
  return Number(m[1]) % 2 === 1 ? 'A' : 'B';
}

/** The half whose misses new rules are currently developed on; the other half is the held-out estimate. */
export const DEVELOPED_ON: Half = 'A';

/** Articles 13–32 were added for issue 11 and never used to write the rules before it (seed and 01–12 were). */
export function neverSeenBeforeIssue11(id: string): boolean {
  const m = /^articles\/(\d+)$/.exec(id);
  return !!m && Number(m[1]) >= 13;
}

export function loadCorpus(root: string): CorpusArticle[] {
  return CORPUS_IDS.map((id) => {
    const article = JSON.parse(readFileSync(join(root, `${id}.json`), 'utf8')) as { text: string };
    const gold = JSON.parse(readFileSync(join(root, `${id}.gold.json`), 'utf8')) as Gold;
    return { id, text: article.text, gold };
  });
}
