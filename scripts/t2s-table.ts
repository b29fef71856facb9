// The Traditional→Simplified table (analysis/lexicon/t2s.json) as characters, and a way to add pairs to it.
//   npx tsx scripts/t2s-table.ts list            one pair per line: 國 国
//   npx tsx scripts/t2s-table.ts add 國国 會会    adds (or replaces) pairs and bumps the file's version
import { readFileSync, writeFileSync } from 'node:fs';
import { decodePairs, encodePairs } from '../analysis/t2s-codec';

const file = new URL('../analysis/lexicon/t2s.json', import.meta.url);
const table = JSON.parse(readFileSync(file, 'utf8')) as { version: number; pairs: string };
const pairs = new Map(decodePairs(table.pairs));
const [command, ...args] = process.argv.slice(2);

if (command === 'list') {
  process.stdout.write([...pairs].map(([traditional, simplified]) => `${String.fromCharCode(traditional)} ${String.fromCharCode(simplified)}\n`).join(''));
} else if (command === 'add' && args.length > 0) {
  for (const arg of args) {
    if (arg.length !== 2 || arg[0] === arg[1]) throw new Error(`“${arg}”: write each pair as two different characters, Traditional first (國国)`);
    pairs.set(arg.charCodeAt(0), arg.charCodeAt(1));
  }
  table.version += 1;
  table.pairs = encodePairs([...pairs]);
  writeFileSync(file, `${JSON.stringify(table, null, 1)}\n`);
  console.log(`t2s.json: ${pairs.size} pairs, version ${table.version}`);
} else {
  console.error('usage: tsx scripts/t2s-table.ts list | add 國国 …');
  process.exit(2);
}
