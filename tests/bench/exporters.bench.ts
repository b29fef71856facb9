// Export and import speed and size: prints figures (run: npx tsx tests/bench/exporters.bench.ts).
// Budgets (export issue): 10,000 annotations over ~300 articles to each format ≤ 1 s; parse + validate
// the backup of the same ≤ 2 s. Data: seeded, quotes are real spans of the corpus articles.
import { exportCsv, exportCsvAsync } from '../../exporters/csv';
import { exportMarkdownCombined, exportMarkdownFiles, exportMarkdownZip } from '../../exporters/markdown';
import { exportBackup, exportBackupAsync } from '../../exporters/web-annotation';
import { parseBackup } from '../../exporters/backup-import';
import { citeArticle } from '../../exporters/gbt7714';
import { generateDataSet } from '../fixtures/exporters/generate';

const ANNOTATIONS = 10_000;
const ARTICLES = 300;
const RUNS = 5;

const { annotations, articles } = generateDataSet(ANNOTATIONS, ARTICLES);
const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text).length;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure<T>(label: string, budgetMs: number, run: () => T | Promise<T>, size: (result: T) => string) {
  let result = await run(); // warm-up, also the result whose size is printed
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    result = await run();
    times.push(performance.now() - start);
  }
  const ms = median(times);
  console.log(`${label.padEnd(34)} median ${ms.toFixed(1).padStart(7)} ms, max ${Math.max(...times).toFixed(1).padStart(7)} ms  (budget ${budgetMs} ms${ms > budgetMs ? ', OVER' : ''})  ${size(result)}`);
  return result;
}

console.log(`${ANNOTATIONS} annotations (${annotations.filter((a) => a.deleted).length} tombstones) over ${ARTICLES} articles; median of ${RUNS} runs after one warm-up`);
const generated = Date.UTC(2024, 10, 1);
const backup = await measure('backup (W3C JSON-LD)', 1000, () => exportBackup(annotations, articles, { generated }), (t) => mb(bytes(t)));
await measure('backup, sliced (async, 500/slice)', 1000, () => exportBackupAsync(annotations, articles, { generated }), (t) => mb(bytes(t)));
await measure('CSV', 1000, () => exportCsv(annotations, articles), (t) => mb(bytes(t)));
await measure('Markdown, one combined file', 1000, () => exportMarkdownCombined(annotations, articles, { exportedAt: generated }), (t) => mb(bytes(t)));
await measure('Markdown, file per article', 1000, () => exportMarkdownFiles(annotations, articles), (files) => `${files.length} files, ${mb(files.reduce((n, f) => n + bytes(f.content as string), 0))}`);
await measure('Markdown, file per article, zipped', 1000, () => exportMarkdownZip(annotations, articles, { exportedAt: generated }), (zip) => `${mb(zip.length)} zip`);
await measure('parse + validate backup', 2000, () => parseBackup(backup), (r) => (r.ok ? `${r.annotations.length} annotations, ${r.articles.length} articles back` : `REFUSED: ${JSON.stringify(r.errors[0])}`));
const start = performance.now();
for (const article of articles) citeArticle(article);
console.log(`${'GB/T 7714 citations'.padEnd(34)} ${((performance.now() - start) / articles.length * 1000).toFixed(1)} µs each`);

// What the UI feels during a sliced export: the longest stretch between two slices' progress calls
// (the page cannot paint during it), and the one step that cannot be sliced, JSON.parse of the backup.
async function longestBlock(run: (onProgress: () => void) => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  await run(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  });
  return longest;
}
const csvBlock = await longestBlock((onProgress) => exportCsvAsync(annotations, articles, { onProgress }));
const backupBlock = await longestBlock((onProgress) => exportBackupAsync(annotations, articles, { generated, onProgress }));
const parseStart = performance.now();
JSON.parse(backup);
console.log(`longest block between slices (500 records): CSV ${csvBlock.toFixed(1)} ms, backup ${backupBlock.toFixed(1)} ms; JSON.parse of the backup (one step) ${(performance.now() - parseStart).toFixed(1)} ms`);
