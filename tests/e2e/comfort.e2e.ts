// Comfort (issue 14): the reader resizes the sidebar by its edge (a real drag and real key presses; a script's
// events do nothing), the page is pushed by the new width and every tab keeps it; the text size chosen in the
// library changes the sidebar's, the library's and the first-run page's fonts at once (computed styles) and
// nothing overflows at the largest size; the library's tabs follow the tabs pattern with the arrow keys, and
// every control in every tab has a name.

import { mkdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { clickToolbar, launch, selectPhrase, waitUntilSidebarShown, type BrowserName, type Harness, type TestPage } from './browsers';

const SHOTS = '.output/screenshots';
const ARTICLE = 'http://zaihaifangyu.cn/5288.html';
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

interface FrameGeometry {
  frameLeft: number;
  frameWidth: number;
  edgeX: number;
  edgeY: number;
  valueNow: string | null;
  valueMax: string | null;
}
/** Where the sidebar frame and its resize edge are drawn (they sit in a closed root: read through the driver). */
const geometry = (page: TestPage) =>
  page.evaluateInClosedRoot<FrameGeometry>(
    'anyue-sidebar',
    `(root) => {
      const frame = root.querySelector('iframe').getBoundingClientRect();
      const edge = root.querySelector('[role="separator"]');
      const at = edge.getBoundingClientRect();
      return { frameLeft: frame.left, frameWidth: frame.width, edgeX: at.left + at.width / 2, edgeY: at.top + at.height / 2,
        valueNow: edge.getAttribute('aria-valuenow'), valueMax: edge.getAttribute('aria-valuemax') };
    }`,
  ) as Promise<FrameGeometry>;

/** The page's own layout beside the sidebar: the margin the root got and where the article's text ends. */
const pageLayout = (page: TestPage) =>
  page.evaluate<{ marginRight: string; textRight: number; scrollWidth: number; clientWidth: number }>(`(() => ({
    marginRight: getComputedStyle(document.documentElement).marginRight,
    textRight: Math.max(...[...document.querySelectorAll('.entry-content p')].map((p) => p.getBoundingClientRect().right)),
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }))()`);

async function waitForWidth(page: TestPage, width: number, what: string): Promise<FrameGeometry> {
  const deadline = Date.now() + 10_000;
  let last = await geometry(page);
  while (Date.now() < deadline && Math.abs(last.frameWidth - width) > 1) {
    await new Promise((r) => setTimeout(r, 100));
    last = await geometry(page);
  }
  expect(last.frameWidth, what).toBeCloseTo(width, 0);
  return last;
}

/** Elements drawn past the right edge of their page (a tab row scrolls by design and is left out). */
const OVERFLOWING = `(() => {
  const right = document.documentElement.clientWidth + 1;
  return [...document.querySelectorAll('body *')]
    .filter((el) => !el.closest('.tabs') && el.getClientRects().length > 0 && el.getBoundingClientRect().right > right)
    .map((el) => el.tagName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right))
    .slice(0, 10);
})()`;

/** Controls with no accessible name (aria-label, aria-labelledby, a <label>, their own text, or a title). */
const NAMELESS = `(() => {
  const text = (el) => (el ? el.textContent : '').replace(/\\s+/g, ' ').trim();
  const nameOf = (el) => {
    const label = (el.getAttribute('aria-label') || '').trim();
    if (label) return label;
    const by = el.getAttribute('aria-labelledby');
    if (by) { const named = by.split(/\\s+/).map((id) => text(document.getElementById(id))).join(' ').trim(); if (named) return named; }
    if (el.labels && el.labels.length) { const named = [...el.labels].map(text).join(' ').trim(); if (named) return named; }
    if (['BUTTON', 'A', 'SUMMARY', 'OPTION'].includes(el.tagName) || el.getAttribute('role') === 'tab') { if (text(el)) return text(el); }
    if (el.tagName === 'INPUT' && ['button', 'submit', 'reset'].includes(el.type) && el.value) return el.value;
    return (el.getAttribute('title') || '').trim();
  };
  return [...document.querySelectorAll('input, select, textarea, button, a[href], summary, [role=tab], [role=radio], [role=checkbox], [tabindex]')]
    .filter((el) => el.type !== 'hidden' && el.getClientRects().length > 0 && !nameOf(el))
    .map((el) => el.outerHTML.slice(0, 160));
})()`;

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe(name, () => {
    it('resizes the sidebar by a real drag and real keys (not by a script), pushes the page by it, and keeps it in every tab', async () => {
      harness = await launch(name);
      const page = await harness.browser.newPage();
      await page.goto(ARTICLE);
      await page.waitInSidebar(`document.querySelectorAll('.speaker-name').length > 0`);
      const start = await waitForWidth(page, 380, 'the width it always had');
      expect((await pageLayout(page)).marginRight).toBe('380px');

      // A script's events on the edge itself (the page cannot even reach it: this is the driver) do nothing.
      await page.evaluateInClosedRoot('anyue-sidebar', `(root) => {
        const edge = root.querySelector('[role="separator"]');
        edge.focus();
        edge.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, cancelable: true }));
        edge.dispatchEvent(new PointerEvent('pointerdown', { pointerId: 1, button: 0, clientX: ${start.edgeX}, clientY: 300, bubbles: true }));
        edge.dispatchEvent(new PointerEvent('pointermove', { pointerId: 1, clientX: 200, clientY: 300, bubbles: true }));
        edge.dispatchEvent(new PointerEvent('pointerup', { pointerId: 1, clientX: 200, clientY: 300, bubbles: true }));
        return true;
      }`);
      await new Promise((r) => setTimeout(r, 300));
      expect((await geometry(page)).frameWidth).toBeCloseTo(380, 0);

      // The reader drags the edge 150 px to the left.
      await page.selectByDrag(start.edgeX, start.edgeY, start.edgeX - 150, start.edgeY);
      const dragged = await waitForWidth(page, 530, 'dragged 150 px wider');
      expect(dragged.valueNow).toBe('530');
      const pushed = await pageLayout(page);
      expect(pushed.marginRight).toBe('530px');
      // No line of the article ends under the sidebar, and the page did not grow a horizontal scroll.
      expect(pushed.textRight).toBeLessThanOrEqual(dragged.frameLeft + 1);
      expect(pushed.scrollWidth).toBeLessThanOrEqual(pushed.clientWidth);
      // The clickjacking check follows the new width: the wider sidebar still counts as shown.
      await waitUntilSidebarShown(page);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot(`${SHOTS}/comfort-sidebar-dragged-${name}.png`);

      // Kept: a new tab and a reload open at the dragged width.
      const second = await harness.browser.newPage();
      await second.goto('http://zaihaifangyu.cn/5288.html#second');
      await second.waitInSidebar(`document.querySelectorAll('.speaker-name').length > 0`);
      await waitForWidth(second, 530, 'a new tab');
      expect((await pageLayout(second)).marginRight).toBe('530px');
      await page.goto(ARTICLE);
      await page.waitInSidebar(`document.querySelectorAll('.speaker-name').length > 0`);
      await waitForWidth(page, 530, 'after a reload');

      // Keys on the focused edge (in the tab in front, the second): ← wider, → narrower, by 20 px; Home and End
      // to the ends.
      await second.evaluateInClosedRoot('anyue-sidebar', `(root) => (root.querySelector('[role="separator"]').focus(), true)`);
      await second.press('ArrowLeft');
      await second.press('ArrowLeft');
      await waitForWidth(second, 570, 'two presses of ←');
      await second.press('ArrowRight');
      const stepped = await waitForWidth(second, 550, 'then one of →');
      expect(stepped.valueNow).toBe('550');
      expect((await pageLayout(second)).marginRight).toBe('550px');
      await second.screenshot(`${SHOTS}/comfort-sidebar-edge-focused-${name}.png`);
      await second.press('End');
      // 1280 − 720 leaves the page its 560 px: the widest that still pushes.
      const widest = await waitForWidth(second, 720, 'End');
      expect(widest.valueMax).toBe('720');
      expect((await pageLayout(second)).marginRight).toBe('720px');
      await second.press('Home');
      await waitForWidth(second, 300, 'Home');
      expect((await pageLayout(second)).marginRight).toBe('300px');
      await waitUntilSidebarShown(second);
      await second.screenshot(`${SHOTS}/comfort-sidebar-narrowest-${name}.png`);
      // The other open tab follows once the key presses settle.
      await waitForWidth(page, 300, 'the other tab follows');
      expect((await pageLayout(page)).marginRight).toBe('300px');
    });

    it('sizes the text of the sidebar, the library and the first-run page from the library, at once, without overflow', async () => {
      harness = await launch(name);
      const page = await harness.browser.newPage();
      await page.goto(ARTICLE);
      await page.waitInSidebar(`document.querySelectorAll('.speaker-name').length > 0`);
      const fontSizes = `(() => ({ root: getComputedStyle(document.documentElement).fontSize, tab: getComputedStyle(document.querySelector('[role=tab]')).fontSize, meta: document.querySelector('.meta') ? getComputedStyle(document.querySelector('.meta')).fontSize : null }))()`;
      expect(await page.evaluateInSidebar(fontSizes)).toMatchObject({ root: '14px', tab: '14px' });
      // The narrowest sidebar, where the largest text has the least room (set while this tab is in front).
      await page.evaluateInClosedRoot('anyue-sidebar', `(root) => (root.querySelector('[role="separator"]').focus(), true)`);
      await page.press('Home');
      await waitForWidth(page, 300, 'the narrowest sidebar');
      const library = await harness.browser.pageOpenedBy(() => page.evaluateInSidebar(`document.querySelector('.library-link').click()`), 'library.html');
      await library.waitForPage(`[...document.querySelectorAll('[role=tab]')].some((tab) => tab.textContent.includes('设置'))`);
      await library.evaluate(`[...document.querySelectorAll('[role=tab]')].find((tab) => tab.textContent.includes('设置')).click()`);
      await library.waitForPage(`document.querySelectorAll('input[name="text-size"]').length === 4`);
      expect(await library.evaluate(fontSizes)).toMatchObject({ root: '14px' });
      expect(await library.evaluate(`[...document.querySelectorAll('.text-size-choice')].map((label) => label.textContent)`)).toEqual(['小', '标准', '大', '特大']);
      expect(await library.evaluate(`document.querySelector('input[name="text-size"]:checked').value`)).toBe('standard');

      // By the keyboard: → in the radio group picks 大 (large), 14 px × 1.143; the sidebar follows at once.
      await library.evaluate(`document.querySelector('input[value="standard"]').focus()`);
      await library.press('ArrowRight');
      await library.waitForPage(`document.documentElement.dataset.textSize === 'large'`);
      await page.waitInSidebar(`getComputedStyle(document.documentElement).fontSize.startsWith('16')`);

      // The reader clicks 特大 (extra large).
      const choice = await library.evaluate<{ x: number; y: number }>(`(() => {
        const box = document.querySelector('input[value="x-large"]').closest('label').getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      })()`);
      await library.clickAt(choice.x, choice.y);
      // 14 px × 1.286 and 12 px × 1.286.
      await library.waitForPage(`getComputedStyle(document.documentElement).fontSize.startsWith('18')`);
      expect(await library.evaluate(`document.documentElement.dataset.textSize`)).toBe('x-large');
      const largeLibrary = await library.evaluate<{ root: string; tab: string; meta: string }>(fontSizes);
      expect(parseFloat(largeLibrary.tab)).toBeCloseTo(18, 0);
      expect(parseFloat(largeLibrary.meta)).toBeCloseTo(15.4, 0);
      expect(await library.evaluate(OVERFLOWING)).toEqual([]);
      await library.screenshot(`${SHOTS}/comfort-library-text-x-large-${name}.png`);

      // The open sidebar follows at once.
      await page.waitInSidebar(`getComputedStyle(document.documentElement).fontSize.startsWith('18')`);
      const largeSidebar = (await page.evaluateInSidebar<{ root: string; tab: string; meta: string | null }>(fontSizes))!;
      expect(parseFloat(largeSidebar.tab)).toBeCloseTo(18, 0);
      expect(await page.evaluateInSidebar(OVERFLOWING)).toEqual([]);
      await page.screenshot(`${SHOTS}/comfort-sidebar-text-x-large-${name}.png`);

      // The first-run page opens at that size too.
      // (As the popup opens it: a tab the extension creates.)
      const welcome = await harness.browser.pageOpenedBy(() => library.evaluate(`(globalThis.browser ?? chrome).tabs.create({ url: '/welcome.html' }).then(() => true)`), 'welcome.html');
      await welcome.waitForPage(`getComputedStyle(document.documentElement).fontSize.startsWith('18')`);
      expect(await welcome.evaluate(OVERFLOWING)).toEqual([]);
      await welcome.screenshot(`${SHOTS}/comfort-welcome-text-x-large-${name}.png`);

      // And the popup (opened here as a page: automation cannot press the toolbar button), wider by the same scale.
      const popup = await harness.browser.pageOpenedBy(() => library.evaluate(`(globalThis.browser ?? chrome).tabs.create({ url: '/popup.html' }).then(() => true)`), 'popup.html');
      await popup.waitForPage(`!!document.querySelector('main') && getComputedStyle(document.documentElement).fontSize.startsWith('18')`);
      expect(parseFloat(await popup.evaluate<string>(`getComputedStyle(document.body).width`))).toBeCloseTo(320 * 1.286, 0);
      // Nothing runs out of the popup's own width (the page around it here is the whole window).
      const outsidePopup = await popup.evaluate(`(() => {
        const right = document.body.getBoundingClientRect().right + 1;
        return [...document.querySelectorAll('body *')].filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > right).map((el) => el.tagName + '.' + el.className);
      })()`);
      expect(outsidePopup).toEqual([]);
      await popup.screenshot(`${SHOTS}/comfort-popup-text-x-large-${name}.png`);
    });

    it('moves between the library\u2019s tabs with the arrow keys, focus visible, and names every control', async () => {
      harness = await launch(name);
      const page = await harness.browser.newPage();
      await page.goto(ARTICLE);
      await page.waitInSidebar(`document.querySelectorAll('.speaker-name').length > 0`);
      // One highlight, so the annotations tab shows an item with its editor.
      await selectPhrase(page, '城市安全管理峰会');
      await clickToolbar(page, 'yellow');
      await page.waitInSidebar(`document.querySelector('[role=tab]#tab-notes')?.textContent.includes('1')`);
      const library = await harness.browser.pageOpenedBy(() => page.evaluateInSidebar(`document.querySelector('.library-link').click()`), 'library.html');
      await library.waitForPage(`document.querySelectorAll('.annotation-list li, .annotation').length > 0`);

      const tabState = `(() => {
        const tabs = [...document.querySelectorAll('[role=tablist] [role=tab]')];
        const focused = document.activeElement;
        const panel = document.querySelector('[role=tabpanel]');
        const style = getComputedStyle(focused);
        return {
          count: tabs.length,
          focused: tabs.indexOf(focused),
          selected: tabs.findIndex((tab) => tab.getAttribute('aria-selected') === 'true'),
          inTabOrder: tabs.filter((tab) => tab.tabIndex === 0).length,
          controls: focused.getAttribute('aria-controls'),
          panelId: panel && panel.id,
          panelLabelledBy: panel && panel.getAttribute('aria-labelledby'),
          focusedId: focused.id,
          outline: style.outlineStyle + ' ' + style.outlineWidth,
        };
      })()`;
      type TabState = { count: number; focused: number; selected: number; inTabOrder: number; controls: string; panelId: string; panelLabelledBy: string; focusedId: string; outline: string };
      expect(await library.evaluate(`document.querySelector('[role=tablist]').getAttribute('aria-label')`)).toBe('批注库内容');
      await library.evaluate(`document.querySelector('[role=tab][aria-selected=true]').focus()`);
      await library.press('ArrowRight');
      const second = await library.evaluate<TabState>(tabState);
      expect(second).toMatchObject({ focused: 1, selected: 1, inTabOrder: 1 });
      expect(second.panelId).toBe(second.controls);
      expect(second.panelLabelledBy).toBe(second.focusedId);
      // The focus ring shows (keyboard focus: :focus-visible).
      expect(second.outline).toMatch(/^solid [23](\.\d+)?px$/);
      await library.screenshot(`${SHOTS}/comfort-library-tab-focus-${name}.png`);
      await library.press('End');
      expect(await library.evaluate<TabState>(tabState)).toMatchObject({ focused: second.count - 1, selected: second.count - 1 });
      await library.press('ArrowRight');
      expect(await library.evaluate<TabState>(tabState)).toMatchObject({ focused: 0, selected: 0 });
      await library.press('ArrowLeft');
      expect(await library.evaluate<TabState>(tabState)).toMatchObject({ focused: second.count - 1, selected: second.count - 1 });
      await library.press('Home');
      expect(await library.evaluate<TabState>(tabState)).toMatchObject({ focused: 0, selected: 0, inTabOrder: 1 });

      // Every control of every tab has a name.
      const nameless: Record<string, string[]> = {};
      for (let index = 0; index < second.count; index++) {
        await library.evaluate(`document.querySelectorAll('[role=tablist] [role=tab]')[${index}].click()`);
        await new Promise((r) => setTimeout(r, 400));
        const tab = await library.evaluate<string>(`document.querySelectorAll('[role=tablist] [role=tab]')[${index}].textContent`);
        const found = await library.evaluate<string[]>(NAMELESS);
        if (found.length) nameless[tab] = found;
      }
      expect(nameless).toEqual({});
    });
  });
}
