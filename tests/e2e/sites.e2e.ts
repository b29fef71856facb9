// A built-in site besides the portal (mem.gov.cn), under its real host name: nothing until the reader enables
// it; then its articles get the sidebar and highlights, and its list pages still nothing.
// Chromium automation cannot answer the permission prompt, so Chromium checks the popup's offer on the
// ordinary build and the enabled site on the build that has mem.gov.cn granted at install (the same
// registration path: the background derives it from the granted permissions). Firefox grants the prompt
// itself (grantOptionalPermissions) and goes through the real click.

import { mkdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CHROMIUM_TEST_HOSTS_DIR, clickToolbar, launch, painted, selectPhrase, type BrowserName, type Harness, type TestPage } from './browsers';

const ARTICLE = 'http://www.mem.gov.cn/xw/yjglbgzdt/202308/t20230810_459961.shtml';
const LIST = 'http://www.mem.gov.cn/xw/yjglbgzdt/';
const SHOTS = '.output/screenshots';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const hasSidebar = `!!document.querySelector('anyue-sidebar')`;
const paintedCount = `(() => { let n = 0; for (const [name, h] of CSS.highlights) if (name.startsWith('anyue-')) n += h.size; return n; })()`;

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Opens the popup as a page for the tab last opened (the mem.gov.cn page); see entrypoints/popup/main.tsx. */
async function openPopupFor(name: BrowserName, h: Harness, url: string): Promise<TestPage> {
  const popup = await h.browser.newPage();
  const base = name === 'chromium' ? `chrome-extension://${await h.browser.evaluateInBackground<string>('chrome.runtime.id')}/` : null;
  if (base) await popup.goto(`${base}popup.html`);
  else throw new Error('unreachable');
  const tab = await popup.evaluate<number>(`(async () => { const me = (await browser.tabs.getCurrent()).id; return Math.max(...(await browser.tabs.query({})).map((t) => t.id).filter((id) => id !== me)); })()`.replace(/browser\./g, 'chrome.'));
  await popup.goto(`${base}popup.html?tab=${tab}&url=${encodeURIComponent(url)}`);
  await popup.waitForPage(`!!document.querySelector('main')`);
  return popup;
}

describe('chromium', () => {
  it('a mem.gov.cn article shows nothing until enabled, and the popup offers 在此网站启用', async () => {
    harness = await launch('chromium');
    const page = await harness.browser.newPage();
    await page.goto(ARTICLE);
    await sleep(1000);
    expect(await page.evaluate(hasSidebar)).toBe(false);
    const popup = await openPopupFor('chromium', harness, ARTICLE);
    await popup.waitForPage(`!!document.querySelector('.enable-site-button')`);
    expect(await popup.evaluate<string>(`document.querySelector('.enable-site-button').textContent`)).toBe('在此网站启用');
    expect(await popup.evaluate<string>(`document.querySelector('.enable-site').textContent`)).toContain('中华人民共和国应急管理部');
    mkdirSync(SHOTS, { recursive: true });
    await popup.screenshot(`${SHOTS}/popup-enable-chromium.png`);
  });

  it('once enabled, a mem.gov.cn article gets the sidebar and highlights; its list page nothing', async () => {
    harness = await launch('chromium', { extensionDir: CHROMIUM_TEST_HOSTS_DIR });
    const page = await harness.browser.newPage();
    // The registration is made when the worker starts; give it a moment on a fresh profile.
    await sleep(500);
    await page.goto(ARTICLE);
    await page.waitForPage(hasSidebar);
    await page.waitForPage(`${paintedCount} > 0`);
    await page.waitInSidebar(`document.body.textContent.length > 0`);
    // A highlight made there is the reader's like any other: the library lists it under the site.
    const phrase = await page.evaluate<string>(`document.querySelector('.TRS_Editor p').textContent.trim().slice(6, 18)`);
    await selectPhrase(page, phrase, '.TRS_Editor p');
    await clickToolbar(page, 'yellow');
    await page.waitForPage(`${painted('user-yellow')}.includes(${JSON.stringify(phrase)})`);
    const library = await harness.browser.newPage();
    await library.goto(`chrome-extension://${await harness.browser.evaluateInBackground<string>('chrome.runtime.id')}/library.html`);
    await library.waitForPage(`[...document.querySelectorAll('select.site option')].some((o) => o.value === 'mem.gov.cn')`);
    await library.evaluate(`(() => { const s = document.querySelector('select.site'); s.value = 'mem.gov.cn'; s.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`);
    await library.waitForPage(`[...document.querySelectorAll('.annotation .quote')].some((q) => q.textContent === ${JSON.stringify(phrase)})`);
    expect(await library.evaluate<string>(`document.querySelector('.annotation .article-of').textContent`)).toContain('王祥喜');
    await library.close();
    await page.goto(LIST);
    await sleep(1000);
    expect(await page.evaluate(hasSidebar)).toBe(false);
    expect(await page.evaluate(paintedCount)).toBe(0);
    const popup = await openPopupFor('chromium', harness, ARTICLE);
    await popup.waitForPage(`!!document.querySelector('.site-status')`);
    expect(await popup.evaluate<string>(`document.querySelector('.site-status').textContent`)).toContain('已在');
  });
});

describe('firefox', () => {
  it('enabled from the popup with a real click, a mem.gov.cn article gets the sidebar and highlights; its list page nothing', async () => {
    harness = await launch('firefox', { grantOptionalPermissions: true });
    // The extension's pages are reached from the portal's sidebar (the driver cannot open them in Firefox).
    const portal = await harness.browser.newPage();
    await portal.goto('http://zaihaifangyu.cn/5288.html');
    await portal.waitInSidebar(`document.readyState === 'complete'`);
    const page = await harness.browser.newPage();
    await page.goto(ARTICLE);
    await sleep(1000);
    expect(await page.evaluate(hasSidebar)).toBe(false);
    // Framed extension pages have no tabs API in Firefox: the library (a tab of its own) opens the popup page.
    const library = await harness.browser.pageOpenedBy(
      () => portal.evaluateInSidebar(`browser.runtime.sendMessage({ type: 'library/open' }).then(() => true)`),
      'library.html',
    );
    const tab = await library.evaluate<number>(
      `(async () => { const me = (await browser.tabs.getCurrent()).id; return Math.max(...(await browser.tabs.query({})).map((t) => t.id).filter((id) => id !== me)); })()`,
    );
    const popup = await harness.browser.pageOpenedBy(
      () => library.evaluate(`browser.tabs.create({ url: '/popup.html?tab=${tab}&url=${encodeURIComponent(ARTICLE)}' }).then(() => true)`),
      'popup.html',
    );
    await popup.waitForPage(`!!document.querySelector('.enable-site-button')`);
    mkdirSync(SHOTS, { recursive: true });
    await popup.screenshot(`${SHOTS}/popup-enable-firefox.png`);
    const at = await popup.evaluate<{ x: number; y: number }>(
      `(() => { const r = document.querySelector('.enable-site-button').getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`,
    );
    await popup.clickAt(at.x, at.y);
    await popup.waitForPage(`!!document.querySelector('.site-status')`);
    // The open tab is read at once, without a reload.
    await page.waitForPage(hasSidebar);
    await page.waitForPage(`${paintedCount} > 0`);
    await page.goto(LIST);
    await sleep(1000);
    expect(await page.evaluate(hasSidebar)).toBe(false);
    // Later visits get the registered script.
    await page.goto(ARTICLE);
    await page.waitForPage(hasSidebar);
  });
});
