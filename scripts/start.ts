// Builds the extension and opens a browser with it on the local replica of the portal, under the portal's
// real host name, fully offline. With --headless (machines without a display) it loads the sample article,
// prints what the sidebar shows, saves a screenshot and exits.
// Usage: tsx scripts/start.ts [--headless] [--firefox] [--port N]

import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { launch, type BrowserName } from '../tests/e2e/browsers';

const args = process.argv.slice(2);
const headless = args.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const browserName: BrowserName = args.includes('--firefox') ? 'firefox' : 'chromium';
const portIndex = args.indexOf('--port');
const port = portIndex >= 0 ? Number(args[portIndex + 1]) : 8765;

const build = spawnSync('node_modules/.bin/wxt', browserName === 'firefox' ? ['build', '-b', 'firefox'] : ['build'], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const harness = await launch(browserName, { headless, port });
const address = harness.replica.address();
console.log(`replica of zaihaifangyu.cn on ${typeof address === 'object' && address ? `127.0.0.1:${address.port}` : '?'}`);
const page = await harness.browser.newPage();
await page.goto('http://zaihaifangyu.cn/5288.html');

if (headless) {
  await page.waitInSidebar(`document.querySelector('.article-title')`);
  const shown = await page.evaluateInSidebar<string>('document.body.innerText');
  mkdirSync('.tmp', { recursive: true });
  const shot = `.tmp/start-${browserName}.png`;
  await page.screenshot(shot);
  console.log(`\n${browserName} (headless) opened http://zaihaifangyu.cn/5288.html; the sidebar shows:\n\n${shown}\n`);
  console.log(`screenshot: ${shot}`);
  await harness.close();
} else {
  console.log(`\n${browserName} is open on http://zaihaifangyu.cn/5288.html (the replica). Other pages:`);
  console.log('  http://zaihaifangyu.cn/          home page (the extension shows nothing)');
  console.log('  http://zaihaifangyu.cn/6001.html … /6012.html   more articles');
  console.log('Close the browser window to stop.');
  await harness.browser.closed;
  await harness.close().catch(() => undefined);
}
