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

export function loadCorpus(root: string): CorpusArticle[] {
  return CORPUS_IDS.map((id) => {
    const article = JSON.parse(readFileSync(join(root, `${id}.json`), 'utf8')) as { text: string };
    const gold = JSON.parse(readFileSync(join(root, `${id}.gold.json`), 'utf8')) as Gold;
    return { id, text: article.text, gold };
  });
}
