// Importing a backup of 10,000 annotations: parse and validate, then merge into the database in one
// transaction (fake-indexeddb in Node; a browser's IndexedDB is faster). Target ≤ 2 s. Also a re-import of
// the same file (everything unchanged), which is what a reader does by mistake.

import 'fake-indexeddb/auto';
import { exportBackup } from '../../exporters/web-annotation';
import { parseBackup } from '../../exporters/backup-import';
import { importIntoDatabase } from '../../storage/backup-merge';
import { AnyueDatabase } from '../../storage/database';
import { generateDataSet } from '../fixtures/exporters/generate';

const { annotations, articles } = generateDataSet(10_000, 300, 11);
const backup = exportBackup(annotations, articles, { generated: Date.UTC(2026, 10, 28) });
const db = new AnyueDatabase('import-bench');
await db.open();

const time = async <T>(work: () => Promise<T> | T): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
};

const [parsed, parseMs] = await time(() => parseBackup(backup));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const [first, mergeMs] = await time(() => importIntoDatabase(db, parsed));
const [again, againMs] = await time(() => importIntoDatabase(db, parsed));
console.log(`backup: ${(backup.length / 1e6).toFixed(1)} M characters, ${annotations.length} annotations, ${articles.length} articles`);
console.log(`import: parse + validate ${parseMs.toFixed(0)} ms, merge into an empty database ${mergeMs.toFixed(0)} ms (added ${first.added}) → total ${(parseMs + mergeMs).toFixed(0)} ms (target ≤ 2000 ms)`);
console.log(`re-import of the same file: merge ${againMs.toFixed(0)} ms (unchanged ${again.unchanged}, added ${again.added})`);
await db.delete();
