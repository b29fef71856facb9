// Content-script size, and the times from content-script start to highlights painted and to the sidebar
// shown on the sample article, in Chromium and Firefox ESR (median of several loads after one warm-up).
// Targets: highlights painted ≤ 50 ms in Chromium; content script ≤ 25 KB gzip plus the analysis' own share.

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIRS, launch, type BrowserName } from '../e2e/browsers';

const LOADS = 9;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  const script = readFileSync(`${EXTENSION_DIRS[name]}/content-scripts/portal.js`);
  console.log(`${name}: content script ${kb(script.length)} raw, ${kb(gzipSync(script, { level: 9 }).length)} gzip`);
}

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  const harness = await launch(name);
  const page = await harness.browser.newPage();
  const painted: number[] = [];
  const mounted: number[] = [];
  const ready: number[] = [];
  for (let i = 0; i <= LOADS; i++) {
    await page.goto('http://zaihaifangyu.cn/5288.html');
    await page.waitInSidebar(`performance.getEntriesByName('anyue:sidebar-ready').length > 0`);
    // Absolute times (time origin + mark) compare the page's marks with the sidebar frame's.
    const marks = await page.evaluate<{ start: number; painted: number; mounted: number }>(
      `({ start: performance.timeOrigin + performance.getEntriesByName('anyue:start')[0].startTime,
          painted: performance.timeOrigin + performance.getEntriesByName('anyue:highlights-painted')[0].startTime,
          mounted: performance.timeOrigin + performance.getEntriesByName('anyue:sidebar-mounted')[0].startTime })`,
    );
    const shown = await page.evaluateInSidebar<number>(
      `performance.timeOrigin + performance.getEntriesByName('anyue:sidebar-ready')[0].startTime`,
    );
    if (i === 0) continue; // warm-up: first service-worker start and cold caches
    painted.push(marks.painted - marks.start);
    mounted.push(marks.mounted - marks.start);
    ready.push(shown! - marks.start);
  }
  await harness.close();
  console.log(
    `${name}: content-script start → highlights painted: median ${median(painted).toFixed(1)} ms (min ${Math.min(...painted).toFixed(1)}, max ${Math.max(...painted).toFixed(1)}); ` +
      `→ sidebar frame mounted: median ${median(mounted).toFixed(1)} ms; ` +
      `→ sidebar shows the article: median ${median(ready).toFixed(1)} ms (${LOADS} loads, min ${Math.min(...ready).toFixed(1)}, max ${Math.max(...ready).toFixed(1)})`,
  );
}
