// npm run fuzz [-- --seed N] [--cases N] [--only messages,backups,webdav,couchdb] [--case I]: the fuzz suite
// (tests/fuzz/fuzz.ts). Prints the seed first, so any failure replays with --seed (one case: --case I).

import 'fake-indexeddb/auto';
import { fuzzLine, runFuzz, type Family } from '../tests/fuzz/fuzz';

const argument = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const seed = argument('seed') !== undefined ? Number(argument('seed')) : Math.floor(Math.random() * 2 ** 31);
const cases = Number(argument('cases') ?? 10_000);
const families = argument('only')?.split(',') as Family[] | undefined;
const only = argument('case') !== undefined ? Number(argument('case')) : undefined;
if (!Number.isInteger(seed) || !Number.isInteger(cases) || cases < 1) {
  console.error('usage: npm run fuzz -- [--seed N] [--cases N] [--only messages,backups,webdav,couchdb]');
  process.exit(2);
}

let uncaught = 0;
process.on('unhandledRejection', (reason) => {
  uncaught += 1;
  console.error('uncaught rejection:', reason);
});
process.on('uncaughtException', (error) => {
  uncaught += 1;
  console.error('uncaught exception:', error);
});

console.log(`fuzz: seed ${seed} (replay: npm run fuzz -- --seed ${seed}${cases !== 10_000 ? ` --cases ${cases}` : ''})`);
const started = performance.now();
const result = await runFuzz({
  seed,
  cases,
  families,
  only,
  onProgress: (done) => {
    if (done % 1_000 === 0) console.log(`  ${done} cases, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  },
});
result.crashes += uncaught;
for (const failure of result.failures.slice(0, 20)) console.log(`  case ${failure.index} (${failure.family}): ${failure.kind}: ${failure.detail}`);
const families_ = Object.entries(result.byFamily).map(([family, n]) => `${family} ${n}`).join(', ');
console.log(`  ${families_}; ${result.refused} refused; ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(fuzzLine(result));
console.log(`seed ${seed}`);
process.exit(result.crashes || result.hangs || result.changesOnRefused ? 1 : 0);
