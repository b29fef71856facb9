// Runs every test suite in order and prints one closing line "N passed, N failed".
// Suites: type check, unit tests (vitest, Node), extension build for both browsers, browser tests
// (vitest driving real Chromium and Firefox ESR). A suite that cannot run counts as failed.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
mkdirSync('.tmp', { recursive: true });
let passed = 0;
let failed = 0;

function run(label, command, args) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  console.log(`=== ${label}: exit ${result.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

/** Counts one vitest run from its JSON report; a run without a report counts as one failure. */
function vitestSuite(label, args) {
  const report = `.tmp/${label}.json`;
  rmSync(report, { force: true });
  const ok = run(label, bin('vitest'), ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (!existsSync(report)) {
    failed += 1;
    return;
  }
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests + (ok || results.numFailedTests > 0 ? 0 : 1);
  if (results.numTotalTests === 0) failed += 1;
}

function check(label, command, args) {
  if (run(label, command, args)) passed += 1;
  else failed += 1;
}

const TEST_HOSTS = ['http://127.0.0.1/*', 'https://127.0.0.1/*', 'http://www.mem.gov.cn/*', 'https://www.mem.gov.cn/*', 'http://mem.gov.cn/*', 'https://mem.gov.cn/*'].join(',');
check('typecheck', bin('tsc'), ['--noEmit']);
vitestSuite('unit', []);
const built =
  run('build chrome-mv3', bin('wxt'), ['build']) &&
  run('build firefox-mv2', bin('wxt'), ['build', '-b', 'firefox']) &&
  // The Chromium copy that may already reach the local test server (sync test) and mem.gov.cn (sites test):
  // Chromium automation cannot answer the permission prompt (see wxt.config.ts).
  run('build chrome-mv3 for the sync and sites tests', 'env', [`ANYUE_TEST_HOSTS=${TEST_HOSTS}`, bin('wxt'), 'build']);
if (built) passed += 1;
else failed += 1;
if (built) vitestSuite('browser', ['--config', 'vitest.e2e.config.ts']);
else failed += 1;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
