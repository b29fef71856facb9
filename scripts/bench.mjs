// npm run bench: runs every tests/bench/*.bench.ts (each a script that prints its own figures), in order.
// Builds the extension first, since the browser benchmarks load it.

import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const benches = readdirSync('tests/bench')
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();
const build = spawnSync('sh', ['-c', 'node_modules/.bin/wxt build >/dev/null && node_modules/.bin/wxt build -b firefox >/dev/null'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
let failures = 0;
for (const file of benches) {
  console.log(`\n##### ${file}`);
  const result = spawnSync('node_modules/.bin/tsx', [`tests/bench/${file}`], { stdio: 'inherit' });
  if (result.status !== 0) failures += 1;
}
process.exit(failures ? 1 : 0);
