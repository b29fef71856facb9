// Dark mode follows the system: with prefers-color-scheme dark, the sidebar and the library are drawn dark,
// and their text keeps a legible contrast (measured from the computed colours, WCAG ratio).

import { mkdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { launch, type BrowserName, type Harness } from './browsers';

const SHOTS = '.output/screenshots';
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Contrast of each element's text against the page background, for elements matching the selectors. */
const CONTRASTS = (selectors: string) => `(() => {
  const rgb = (css) => (css.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => { const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const background = rgb(getComputedStyle(document.body).backgroundColor);
  return { background, ratios: [...document.querySelectorAll(${JSON.stringify(selectors)})].slice(0, 40).map((el) => Math.round(ratio(rgb(getComputedStyle(el).color), background) * 10) / 10) };
})()`;

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe(name, () => {
    it('draws the sidebar and the library dark, with legible text, when the system is dark', async () => {
      harness = await launch(name, { colorScheme: 'dark' });
      const page = await harness.browser.newPage();
      await page.goto('http://zaihaifangyu.cn/5288.html');
      await page.waitInSidebar(`document.querySelectorAll('.speaker-name').length > 0`);
      const sidebar = (await page.evaluateInSidebar<{ background: number[]; ratios: number[] }>(CONTRASTS('h1, .article-title, .fact dt, .fact dd, .speaker-name, .passage, .tab')))!;
      // A dark ground, and every sampled text at 4.5:1 or more.
      expect(Math.max(...sidebar.background)).toBeLessThan(60);
      expect(sidebar.ratios.length).toBeGreaterThan(5);
      expect(Math.min(...sidebar.ratios)).toBeGreaterThanOrEqual(4.5);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot(`${SHOTS}/dark-sidebar-${name}.png`);
      const library = await harness.browser.pageOpenedBy(() => page.evaluateInSidebar(`document.querySelector('.library-link').click()`), 'library.html');
      await library.waitForPage(`!!document.querySelector('[role=tab]')`);
      const shown = await library.evaluate<{ background: number[]; ratios: number[] }>(CONTRASTS('h1, [role=tab], .result-count, label, p'));
      expect(Math.max(...shown.background)).toBeLessThan(60);
      expect(Math.min(...shown.ratios)).toBeGreaterThanOrEqual(4.5);
      await library.screenshot(`${SHOTS}/dark-library-${name}.png`);
    });
  });
}
