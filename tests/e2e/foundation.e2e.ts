// The foundation end to end, in both real browsers: article pages get the sidebar, other pages nothing;
// visits land in the extension's database; the page's own scripts can read none of it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type BrowserName, type Harness, type TestPage } from './browsers';

const PORTAL = 'http://zaihaifangyu.cn';
const SAMPLE_TITLE = '第七届国家治理高峰论坛2020城市安全管理峰会在京举行';
const sidebarTitle = `document.querySelector('.article-title')?.textContent ?? null`;
const readCount = `Number(document.querySelector('[data-testid="read-count"]')?.textContent ?? NaN)`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each<BrowserName>(['chromium', 'firefox'])('%s', (name) => {
  let harness: Harness;
  let page: TestPage;

  beforeAll(async () => {
    harness = await launch(name);
    page = await harness.browser.newPage();
  });
  afterAll(async () => harness?.close());

  it('shows the sidebar with the article title on the sample article', async () => {
    await page.goto(`${PORTAL}/5288.html`);
    await page.waitInSidebar(sidebarTitle);
    expect(await page.evaluateInSidebar(sidebarTitle)).toBe(SAMPLE_TITLE);
    expect(await page.evaluateInSidebar(`document.body.innerText.includes('人民论坛网')`)).toBe(true);
    expect(await page.evaluateInSidebar(`document.body.innerText.includes('动态信息 › 行业信息 › 新闻播报')`)).toBe(true);
  });

  it('records each visit in the extension database', async () => {
    await page.goto(`${PORTAL}/5288.html`);
    await page.waitInSidebar(`${readCount} >= 1`);
    const before = await page.evaluateInSidebar<number>(readCount);
    await page.goto(`${PORTAL}/5288.html`);
    await page.waitInSidebar(`${readCount} === ${before! + 1}`);
    expect(await page.evaluateInSidebar<number>(readCount)).toBe(before! + 1);
  });

  it('reads an older-theme article with an info line', async () => {
    await page.goto(`${PORTAL}/6005.html`);
    await page.waitInSidebar(sidebarTitle);
    const text = await page.evaluateInSidebar<string>('document.body.innerText');
    expect(text).toContain('新华社');
    expect(text).toContain('2019-05-12');
  });

  it.each([
    ['the home page', '/'],
    ['a category list', '/category/news'],
    ['a search page', '/?s=防汛'],
    ['a missing page', '/99999.html'],
  ])('shows nothing on %s', async (_what, path) => {
    await page.goto(`${PORTAL}${path}`);
    await sleep(800);
    expect(await page.evaluate('document.querySelector("anyue-sidebar") === null')).toBe(true);
    expect(await page.evaluateInSidebar('1')).toBeNull();
  });

  it('keeps the sidebar and the database out of the page scripts\' reach', async () => {
    await page.goto(`${PORTAL}/5288.html`);
    await page.waitInSidebar(`${readCount} >= 1`);
    const seen = await page.evaluate<{
      shadow: boolean;
      iframes: number;
      text: boolean;
      frameDocs: string[];
      databases: string[];
    }>(`(async () => {
      const host = document.querySelector('anyue-sidebar');
      const frameDocs = [];
      for (let i = 0; i < window.frames.length; i++) {
        try { frameDocs.push(window.frames[i].document.body.innerText); } catch (e) { frameDocs.push('blocked'); }
      }
      return {
        shadow: !!(host && host.shadowRoot),
        iframes: document.querySelectorAll('iframe').length,
        text: document.documentElement.innerText.includes('阅读次数') || document.documentElement.textContent.includes('阅读次数'),
        frameDocs,
        databases: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
      };
    })()`);
    expect(seen.shadow).toBe(false);
    expect(seen.iframes).toBe(0);
    expect(seen.text).toBe(false);
    expect(seen.frameDocs.every((doc) => doc === 'blocked')).toBe(true);
    expect(seen.databases).not.toContain('anyue');
  });

  it('renders hostile page text as text and runs none of it', async () => {
    await page.goto(`${PORTAL}/6666.html`);
    await page.waitInSidebar(sidebarTitle);
    expect(await page.evaluateInSidebar(sidebarTitle)).toBe(
      '<img src=x onerror="window.__pwned=1">应急管理部<script>window.__pwned=2</script>通报',
    );
    expect(await page.evaluateInSidebar(`document.querySelectorAll('main img, main script, main svg, main b, main i').length`)).toBe(0);
    expect(await page.evaluateInSidebar(`document.querySelector('.article-link')?.getAttribute('href')`)).toBe(
      'https://zaihaifangyu.cn/6666.html',
    );
    expect(await page.evaluateInSidebar('window.__pwned ?? null')).toBeNull();
    expect(await page.evaluate('window.__pwned ?? null')).toBeNull();
  });

  it('refuses malformed and unknown messages with a reason, changing nothing', async () => {
    await page.goto(`${PORTAL}/5288.html`);
    await page.waitInSidebar(`${readCount} >= 1`);
    const before = await page.evaluateInSidebar<number>(readCount);
    const replies = await page.evaluateInSidebar<{ ok: boolean; error?: string }[]>(`(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      const send = (m) => api.runtime.sendMessage(m);
      return Promise.all([
        send({ type: 'no/such-type' }),
        send({ type: 'sidebar/set-open', open: 'yes' }),
        send({ type: 'article/opened', article: { key: 'zaihaifangyu.cn/5288' } }),
        send('just a string'),
        send({ type: 'preferences/set-language', language: 'fr', extra: 1 }),
      ]);
    })()`);
    expect(replies!.map((reply) => reply.ok)).toEqual([false, false, false, false, false]);
    expect(replies![0]!.error).toMatch(/unknown type/);
    expect(replies![1]!.error).toMatch(/open: expected boolean/);
    // article/opened from an extension page is refused whatever its shape: only portal pages may send it.
    expect(replies![2]!.error).toMatch(/article/);
    await page.goto(`${PORTAL}/5288.html`);
    await page.waitInSidebar(`${readCount} >= 1`);
    expect(await page.evaluateInSidebar<number>(readCount)).toBe(before! + 1);
  });

  it('collapses from its close button, stays collapsed on the next article, reopens from the handle', async () => {
    // What is under a point inside the sidebar's area, and under the re-open handle (right edge, 40% down).
    const atSidebar = `document.elementFromPoint(document.documentElement.clientWidth - 60, Math.round(window.innerHeight * 0.7))?.tagName`;
    const atHandle = `document.elementFromPoint(document.documentElement.clientWidth - 10, Math.round(window.innerHeight * 0.4) + 20)?.tagName`;
    await page.goto(`${PORTAL}/5288.html`);
    await page.waitInSidebar(sidebarTitle);
    expect(await page.evaluate(atSidebar)).toBe('ANYUE-SIDEBAR');
    await page.evaluateInSidebar(`document.querySelector('header button[aria-label]').click()`);
    await sleep(500);
    expect(await page.evaluate(atSidebar)).not.toBe('ANYUE-SIDEBAR');
    expect(await page.evaluate(atHandle)).toBe('ANYUE-SIDEBAR');
    await page.goto(`${PORTAL}/6004.html`);
    await sleep(800);
    expect(await page.evaluate(atSidebar)).not.toBe('ANYUE-SIDEBAR');
    expect(await page.evaluate(atHandle)).toBe('ANYUE-SIDEBAR');
    const handle = await page.evaluate<{ x: number; y: number }>(
      `({ x: document.documentElement.clientWidth - 10, y: Math.round(window.innerHeight * 0.4) + 20 })`,
    );
    await page.clickAt(handle.x, handle.y);
    await page.waitInSidebar(sidebarTitle);
    expect(await page.evaluate(atSidebar)).toBe('ANYUE-SIDEBAR');
    // The reader's choice to reopen is remembered too.
    await page.goto(`${PORTAL}/5288.html`);
    await page.waitInSidebar(sidebarTitle);
    expect(await page.evaluate(atSidebar)).toBe('ANYUE-SIDEBAR');
  });
});
