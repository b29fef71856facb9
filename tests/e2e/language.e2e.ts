// A change of language applies at once everywhere: chosen in the sidebar, the page's toolbar and sidebar
// handle (closed roots, read through the driver) and an open library tab follow without a reload.

import { afterEach, describe, expect, it } from 'vitest';
import { launch, type BrowserName, type Harness } from './browsers';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const toolbarLabel = `(root) => root.querySelector('[aria-label]')?.getAttribute('aria-label')`;
const handleLabel = `(root) => root.querySelector('button')?.getAttribute('aria-label')`;

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe(name, () => {
    it('switching to English in the sidebar changes the page\u2019s toolbar, its handle and the open library at once', async () => {
      harness = await launch(name);
      const page = await harness.browser.newPage();
      await page.goto('http://zaihaifangyu.cn/5288.html');
      await page.waitInSidebar(`!!document.querySelector('.library-link')`);
      const library = await harness.browser.pageOpenedBy(() => page.evaluateInSidebar(`document.querySelector('.library-link').click()`), 'library.html');
      await library.waitForPage(`[...document.querySelectorAll('[role=tab]')].some((tab) => tab.textContent.includes('趋势'))`);
      expect(await page.evaluateInClosedRoot<string>('anyue-toolbar', toolbarLabel)).toBe('安阅：批注所选文字');
      expect(await page.evaluateInClosedRoot<string>('anyue-sidebar', handleLabel)).toBe('打开安阅侧栏');

      await page.evaluateInSidebar(`(() => { const select = document.querySelector('header select'); select.value = 'en'; select.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`);
      await page.waitInSidebar(`document.querySelector('.library-link')?.textContent === 'Library'`);
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && (await page.evaluateInClosedRoot<string>('anyue-toolbar', toolbarLabel)) !== 'Anyue: annotate the selection') {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await page.evaluateInClosedRoot<string>('anyue-toolbar', toolbarLabel)).toBe('Anyue: annotate the selection');
      expect(await page.evaluateInClosedRoot<string>('anyue-sidebar', handleLabel)).toBe('Open the Anyue sidebar');
      // The library tab that was already open follows too.
      await library.waitForPage(`[...document.querySelectorAll('[role=tab]')].some((tab) => tab.textContent.includes('Trends'))`);
    });
  });
}
