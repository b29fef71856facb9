// From the library back to the passage, and the page saying what happened, in both real browsers: a library
// link opens (or brings forward) the article's tab, scrolls to the passage and flashes it; an orphan and a
// failed save are told in a notice in the page; a second highlight of the same passage is refused; the open
// sidebar covers no text and the closed one leaves a whole handle.

import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { painted, selectPhrase, clickToolbar, launch, type BrowserName, type Harness, type TestPage } from './browsers';

const PORTAL = 'http://zaihaifangyu.cn';
const SHOTS = '.output/screenshots';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


/** The flash mark over `quote`, and whether its text box lies inside the viewport. */
const flashOver = (quote: string) => `(() => {
  const flash = CSS.highlights.get('anyue-flash');
  const range = flash && [...flash].find((r) => r.toString() === ${JSON.stringify(quote)});
  if (!range) return false;
  const box = range.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
})()`;

/** Which notice the page shows (its kind; the words stay in the closed root), and whether it is on screen. */
const noticeShown = (kind: string) => `(() => {
  const host = document.querySelector('anyue-notice');
  if (host?.dataset.notice !== ${JSON.stringify(kind)}) return false;
  return document.elementFromPoint(40, window.innerHeight - 40)?.tagName === 'ANYUE-NOTICE';
})()`;

describe.each<BrowserName>(['chromium', 'firefox'])('%s', (name) => {
  let harness: Harness;
  let page: TestPage;
  let library: TestPage;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    harness = await launch(name);
    page = await harness.browser.newPage();
  });
  afterAll(async () => harness?.close());

  const open = async (target: TestPage, path = '/5288.html') => {
    await target.goto(`${PORTAL}${path}`);
    await target.waitInSidebar(`document.querySelectorAll('.speaker-name').length > 0`);
  };
  const libraryItem = (quote: string) => `[...document.querySelectorAll('.annotation')].find((a) => a.querySelector('.quote')?.textContent === ${JSON.stringify(quote)})`;

  it('opens the passage from the library: in a new tab once the page is read, then in the tab already showing it', async () => {
    await open(page);
    const far = '佛山在中国特色应急管理体制改革过程中';
    await selectPhrase(page, far);
    await clickToolbar(page, 'pink');
    await page.waitForPage(`${painted('user-pink')}.includes(${JSON.stringify(far)})`);
    library = await harness.browser.pageOpenedBy(() => page.evaluateInSidebar(`document.querySelector('.library-link').click()`), 'library.html');
    await library.waitForPage(`!!${libraryItem(far)}`);
    // Titles and quotes are links to the article.
    expect(await library.evaluate(`${libraryItem(far)}.querySelector('.article-of a').href`)).toBe('https://zaihaifangyu.cn/5288.html');
    expect(await library.evaluate(`${libraryItem(far)}.querySelector('a.quote').href`)).toBe('https://zaihaifangyu.cn/5288.html');
    await library.screenshot(`${SHOTS}/passage-library-links-${name}.png`);

    // No tab shows the article now: a new one opens. (The replica serves http only, so the tab is sent on to
    // the http copy of the same article: what matters is that the passage waits for it across the load.)
    await page.goto(`${PORTAL}/`);
    // Any new tab: the failed https load leaves it on the browser's error page, whatever that is called.
    const opened = await harness.browser.pageOpenedBy(() => library.evaluate(`${libraryItem(far)}.querySelector('a.quote').click()`), '');
    await opened.goto(`${PORTAL}/5288.html`);
    await opened.waitForPage(flashOver(far), 15_000);
    await opened.screenshot(`${SHOTS}/passage-flash-${name}.png`);
    // The passage was given once: a reload does not show it again.
    await open(opened);
    await sleep(800);
    expect(await opened.evaluate(`CSS.highlights.has('anyue-flash')`)).toBe(false);

    // Now a tab shows it: scrolled away, it is brought back there (no new tab).
    await opened.evaluate(`window.scrollTo(0, 0)`);
    await sleep(200);
    expect(await opened.evaluate(flashOver(far))).toBe(false);
    const reply = await library.evaluate<{ ok: boolean; reused: boolean }>(`(globalThis.browser ?? chrome).runtime.sendMessage({ type: 'library/open-passage', articleKey: 'zaihaifangyu.cn/5288', url: 'https://zaihaifangyu.cn/5288.html', passage: { kind: 'annotation', id: ${libraryItem(far)}.dataset.id } })`);
    expect(reply).toEqual({ ok: true, reused: true });
    await opened.waitForPage(flashOver(far));
    page = opened;
  });

  it('links a speaker passage of the index to its place in the article', async () => {
    await library.evaluate(`[...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent.includes('发言人索引')).click()`);
    await library.waitForPage(`[...document.querySelectorAll('.speaker-index details')].some((d) => d.textContent.includes('龙卿吉'))`);
    // An entry's passages are built when it is opened.
    await library.evaluate(`[...document.querySelectorAll('.speaker-index details')].find((d) => d.textContent.includes('龙卿吉')).querySelector('summary').click()`);
    await library.waitForPage(`!!document.querySelector('.speaker-index details[open] a.passage-link')`);
    const passage = await library.evaluate<string>(`document.querySelector('.speaker-index details[open] a.passage-link').textContent`);
    await library.screenshot(`${SHOTS}/passage-speaker-index-${name}.png`);
    await page.evaluate(`window.scrollTo(0, 0)`);
    await library.evaluate(`[...document.querySelectorAll('.speaker-index details[open] a.passage-link')][0].click()`);
    // The snippet is the passage's opening words; the flash covers the passage from there.
    await page.waitForPage(`(() => {
      const flash = CSS.highlights.get('anyue-flash');
      const range = flash && [...flash][0];
      if (!range) return false;
      const box = range.getBoundingClientRect();
      return range.toString().startsWith(${JSON.stringify(passage.replace(/…$/, ''))}) && box.top < window.innerHeight && box.bottom > 0;
    })()`);
  });

  it('says in the page, in words, that a passage could not be placed', async () => {
    const gone = '多家媒体对本次峰会进行了报道';
    await open(page);
    await selectPhrase(page, gone);
    await clickToolbar(page, 'blue');
    await page.waitForPage(`${painted('user-blue')}.includes(${JSON.stringify(gone)})`);
    // The revised article lost that paragraph.
    await open(page, '/5288.html?rev=2');
    await library.evaluate(`[...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent.includes('批注与摘录')).click()`);
    await library.waitForPage(`!!${libraryItem(gone)}`);
    await library.evaluate(`${libraryItem(gone)}.querySelector('a.quote').click()`);
    await page.waitForPage(noticeShown('orphan'));
    await page.screenshot(`${SHOTS}/passage-orphan-notice-${name}.png`);
  });

  it('refuses to highlight a passage a second time, and says so', async () => {
    const twice = '源头治理是关键';
    await open(page);
    await selectPhrase(page, twice);
    await clickToolbar(page, 'green');
    await page.waitForPage(`${painted('user-green')}.includes(${JSON.stringify(twice)})`);
    await selectPhrase(page, twice);
    await clickToolbar(page, 'purple');
    await page.waitForPage(noticeShown('duplicate'));
    await sleep(400);
    expect(await page.evaluate<string[]>(painted('user-purple'))).toEqual([]);
    expect((await page.evaluate<string[]>(painted('user-green'))).filter((text) => text === twice)).toHaveLength(1);
    await library.waitForPage(`[...document.querySelectorAll('.annotation .quote')].filter((q) => q.textContent === ${JSON.stringify(twice)}).length === 1`);
  });

  it('leaves no text under the open sidebar and a whole, labelled handle when it is closed', async () => {
    for (const width of [1024, 1280]) {
      await page.setViewport(width, 900);
      await open(page);
      const lines = await page.evaluate<{ lines: number; covered: number }>(`(() => {
        let lines = 0, covered = 0;
        for (const p of [...document.querySelectorAll('.entry-content p')].filter((p) => p.textContent.length > 80).slice(0, 8)) {
          p.scrollIntoView({ block: 'center' });
          const range = document.createRange();
          range.selectNodeContents(p);
          for (const box of range.getClientRects()) {
            if (box.width === 0 || box.top < 0 || box.bottom > window.innerHeight) continue;
            lines += 1;
            if (document.elementFromPoint(box.right - 1, box.top + box.height / 2)?.tagName === 'ANYUE-SIDEBAR') covered += 1;
          }
        }
        return { lines, covered };
      })()`);
      expect(lines.lines).toBeGreaterThan(10);
      expect(lines.covered, `lines whose end is under the sidebar at ${width} px`).toBe(0);
      if (width === 1024) await page.screenshot(`${SHOTS}/passage-sidebar-1024-${name}.png`);

      await page.evaluateInSidebar(`document.querySelector('button[aria-label="收起侧栏"]').click()`);
      await page.waitForPage(`document.elementFromPoint(document.documentElement.clientWidth - 200, 450)?.tagName !== 'ANYUE-SIDEBAR'`);
      // The handle, found by where the extension's element answers at the right edge: its whole box is on screen.
      const handle = await page.evaluate<{ left: number; right: number; top: number; bottom: number; edge: number } | null>(`(() => {
        const edge = document.documentElement.clientWidth;
        let box = null;
        for (let y = 0; y < window.innerHeight; y += 2) for (let x = edge - 80; x < edge; x += 1) {
          if (document.elementFromPoint(x, y)?.tagName !== 'ANYUE-SIDEBAR') continue;
          box = box ? { left: Math.min(box.left, x), right: Math.max(box.right, x), top: Math.min(box.top, y), bottom: Math.max(box.bottom, y) } : { left: x, right: x, top: y, bottom: y };
        }
        return box && { ...box, edge };
      })()`);
      expect(handle).not.toBeNull();
      expect(handle!.right).toBe(handle!.edge - 1);
      expect(handle!.right - handle!.left).toBeGreaterThanOrEqual(24);
      expect(handle!.bottom - handle!.top).toBeGreaterThanOrEqual(48);
      if (width === 1024) await page.screenshot(`${SHOTS}/passage-handle-1024-${name}.png`);
      // Open again for the next width (the reader's choice is remembered).
      await page.clickAt((handle!.left + handle!.right) / 2, (handle!.top + handle!.bottom) / 2);
      await page.waitInSidebar(`document.querySelectorAll('.speaker-name').length > 0`);
    }
  });

  it('tells the reader in the page when a save fails because the storage is gone', async () => {
    await page.setViewport(1280, 900);
    await open(page);
    // An extension page upgrades the database under the background and keeps it open: the background's
    // connection is closed, its table is gone, and its reopening waits on the connection held here. The save
    // gets no answer, for real.
    await library.evaluate(`new Promise((resolve, reject) => {
      const request = indexedDB.open('anyue', 1e7);
      request.onupgradeneeded = () => request.result.deleteObjectStore('annotations');
      request.onsuccess = () => { window.heldDatabase = request.result; resolve(request.result.version); };
      request.onerror = () => reject(request.error);
    })`);
    const doomed = '安而不忘危';
    await selectPhrase(page, doomed);
    await clickToolbar(page, 'yellow');
    await page.waitForPage(noticeShown('save-failed'), 15_000);
    await page.screenshot(`${SHOTS}/passage-save-failed-notice-${name}.png`);
    expect(await page.evaluate<string[]>(painted('user-yellow'))).not.toContain(doomed);
  });
});
