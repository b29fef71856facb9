// The reader names the colours in the library's settings: the names show at once on the page's toolbar (closed
// root, read through the driver) and in the library's colour filter; with the toolbar showing, a number key
// highlights in that colour.

import { mkdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { launch, painted, selectPhrase, type BrowserName, type Harness } from './browsers';

const SHOTS = '.output/screenshots';
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const yellowLabel = `(root) => root.querySelector('[data-action="yellow"]')?.getAttribute('aria-label')`;

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe(name, () => {
    it('names a colour in the library, shows it on the toolbar and in the filter, and highlights with a number key', async () => {
      harness = await launch(name);
      const page = await harness.browser.newPage();
      await page.goto('http://zaihaifangyu.cn/5288.html');
      await page.waitInSidebar(`!!document.querySelector('.library-link')`);
      const library = await harness.browser.pageOpenedBy(() => page.evaluateInSidebar(`document.querySelector('.library-link').click()`), 'library.html');
      await library.waitForPage(`[...document.querySelectorAll('[role=tab]')].some((tab) => tab.textContent.includes('设置'))`);
      await library.evaluate(`[...document.querySelectorAll('[role=tab]')].find((tab) => tab.textContent.includes('设置')).click()`);
      await library.waitForPage(`!!document.querySelector('.colour-name-yellow')`);
      await library.evaluate(`(() => {
        const input = document.querySelector('.colour-name-yellow');
        input.value = '重要';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new FocusEvent('blur'));
        return true;
      })()`);
      await library.waitForPage(`document.querySelector('.colour-names [role=status]')?.textContent === '已保存。'`);
      mkdirSync(SHOTS, { recursive: true });
      await library.screenshot(`${SHOTS}/library-colour-names-${name}.png`);
      expect(await library.evaluate<string[]>(`[...document.querySelectorAll('.filters select option')].map((o) => o.textContent)`)).toContain('黄色：重要');

      // The open page follows at once.
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && !(await page.evaluateInClosedRoot<string>('anyue-toolbar', yellowLabel))?.includes('重要')) await new Promise((r) => setTimeout(r, 100));
      expect(await page.evaluateInClosedRoot<string>('anyue-toolbar', yellowLabel)).toBe('黄色高亮：重要 (1)');

      // Key 2 while the toolbar shows: green.
      await selectPhrase(page, '城市安全管理峰会');
      await page.waitForPage(`document.querySelector('anyue-toolbar')?.hasAttribute('data-buttons') ?? false`);
      await page.press('2');
      await page.waitForPage(`${painted('user-green')}.includes('城市安全管理峰会')`);
    });
  });
}
