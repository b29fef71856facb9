// Content-script start → highlights painted on one article of each built-in site, and on a page of a site no
// adapter knows (the generic reader), in Chromium (median of several loads after one warm-up). Target: ≤ 50 ms.
// Runs on a build that may already reach every replica host (Chromium automation cannot answer the prompt).

import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { sitePages } from '../replica/sites.mjs';
import { GENERIC_ARTICLE_PATH } from '../replica/generic.mjs';
import { launch } from '../e2e/browsers';
import { hostPatternsOf, optionalSitePatterns, optionalSiteOfUrl } from '../../sites/enabled-sites';

const LOADS = 7;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// One article per site (the first of each), under its real host name.
const articles = new Map<string, string>();
for (const page of sitePages()) if (page.expected && !articles.has(page.site)) articles.set(page.site, page.url.replace(/^https:/, 'http:'));
const hosts = [...new Set([...articles.values()].map((url) => new URL(url).hostname))];
// Built-in sites are enabled when all their hosts are granted; other hosts (the gov-meta pages, the generic
// page) when they are also on the reader's list, as the popup's "always enable" leaves them.
const otherHosts = ['127.0.0.1', ...hosts.filter((host) => !optionalSiteOfUrl(`http://${host}/`))];
const patterns = [...optionalSitePatterns(), ...otherHosts.flatMap(hostPatternsOf)];
// ANYUE_TEST_HOSTS builds into .output-test-hosts (wxt.config.ts): the test command rebuilds its own copy there.
execFileSync('node_modules/.bin/wxt', ['build'], { env: { ...process.env, ANYUE_TEST_HOSTS: patterns.join(',') }, stdio: 'ignore' });
const dir = resolve('.output-test-hosts');

const harness = await launch('chromium', { extensionDir: `${dir}/chrome-mv3`, resolveHosts: hosts });
await harness.browser.evaluateInBackground(`chrome.storage.local.set({ 'enabled-hosts': ${JSON.stringify(otherHosts)} })`);
await new Promise((r) => setTimeout(r, 1000));
const targets: [string, string][] = [...articles].map(([site, url]) => [site, url]);
targets.push(['generic (127.0.0.1)', `http://127.0.0.1:${(harness.replica.address() as AddressInfo).port}${GENERIC_ARTICLE_PATH}`]);
const lines: string[] = [];
for (const [site, url] of targets) {
  // A tab of its own per site: a refused navigation leaves an error page behind.
  const page = await harness.browser.newPage();
  const painted: number[] = [];
  let failure = '';
  for (let i = 0; i <= LOADS; i++) {
    try {
      await page.goto(url);
      await page.waitForPage(`performance.getEntriesByName('anyue:highlights-painted').length > 0`, 10_000);
    } catch (error) {
      failure = `nothing painted (${String(error).split('\n')[0]})`;
      painted.length = 0;
      break;
    }
    const ms = await page.evaluate<number>(`performance.getEntriesByName('anyue:highlights-painted')[0].startTime - performance.getEntriesByName('anyue:start')[0].startTime`);
    if (i > 0) painted.push(ms);
  }
  await page.close();
  lines.push(painted.length ? `${site}: start → highlights painted median ${median(painted).toFixed(1)} ms (min ${Math.min(...painted).toFixed(1)}, max ${Math.max(...painted).toFixed(1)}, ${LOADS} loads)` : `${site}: ${failure}`);
}
await harness.close();
for (const line of lines) console.log(`chromium ${line}`);
