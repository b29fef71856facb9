// The first-run page opens once on install, in the reader's language, and says what the extension does, its
// shortcuts, how to enable another site and how to set up sync.

import { mkdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { launch, type BrowserName, type Harness } from './browsers';

const SHOTS = '.output/screenshots';
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe(name, () => {
    it('opens the first-run page on install, with the shortcuts, sites and sync explained, in both languages', async () => {
      harness = await launch(name, { keepWelcome: true });
      // Reached as the reader would after installing: the tab the extension opened itself.
      const portal = await harness.browser.newPage();
      await portal.goto('http://zaihaifangyu.cn/5288.html');
      await portal.waitInSidebar(`!!document.querySelector('.library-link')`);
      const library = await harness.browser.pageOpenedBy(() => portal.evaluateInSidebar(`document.querySelector('.library-link').click()`), 'library.html');
      const opened = await library.evaluate<number>(`browser.tabs.query({}).then((tabs) => tabs.filter((tab) => (tab.url ?? '').endsWith('/welcome.html')).length)`.replace(/browser\./g, name === 'chromium' ? 'chrome.' : 'browser.'));
      expect(opened).toBe(1);
      const welcome = await harness.browser.pageOpenedBy(
        () => library.evaluate(`${name === 'chromium' ? 'chrome' : 'browser'}.tabs.create({ url: '/welcome.html' }).then(() => true)`),
        'welcome.html',
      );
      await welcome.waitForPage(`!!document.querySelector('.shortcuts')`);
      const text = await welcome.evaluate<string>('document.body.textContent');
      for (const words of ['欢迎使用安阅', 'Alt', '在此网站启用', '分析此页', '坚果云', '第三方应用密码']) expect(text).toContain(words);
      mkdirSync(SHOTS, { recursive: true });
      await welcome.screenshot(`${SHOTS}/welcome-${name}.png`);
      await welcome.evaluate(`(() => { const s = document.querySelector('select'); s.value = 'en'; s.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`);
      await welcome.waitForPage(`document.querySelector('h1').textContent === 'Welcome to Anyue'`);
      expect(await welcome.evaluate<string>('document.body.textContent')).toContain('Enable on this site');
    });
  });
}
