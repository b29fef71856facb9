// The library's trends view, from articles the reader really opened (the portal replica): the chart is drawn,
// its figures (the table beside it) are the analyses' own counts per publication month, and a real click on a
// bar lists that month's articles as links back to the passage.

import { mkdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { launch, type BrowserName, type Harness } from './browsers';

const SHOTS = '.output/screenshots';
// Articles of the replica with publication dates in different months, and one more of the same month.
const ARTICLES = ['6001', '6004', '6007', '6008', '6009'];
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Per publication month, how often the phrase occurs in the stored analyses (read straight from IndexedDB). */
const STORED_COUNTS = (phrase: string) => `new Promise((resolve, reject) => {
  const open = indexedDB.open('anyue');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const tx = open.result.transaction(['analyses', 'articles']);
    const analyses = tx.objectStore('analyses').getAll();
    const articles = tx.objectStore('articles').getAll();
    tx.oncomplete = () => {
      const dates = new Map(articles.result.map((a) => [a.key, a.publishedAt]));
      const counts = {};
      for (const record of analyses.result) {
        const found = record.summary.phrases.find((p) => p.text === ${JSON.stringify(phrase)});
        const month = (dates.get(record.articleKey) ?? '').slice(0, 7);
        if (found && month) counts[month] = (counts[month] ?? 0) + found.occurrences.length;
      }
      resolve(counts);
    };
  };
})`;

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe(name, () => {
    it('draws a phrase per month from the articles read, with the stored counts, and a bar click lists its articles', async () => {
      harness = await launch(name);
      const page = await harness.browser.newPage();
      for (const id of ARTICLES) {
        await page.goto(`http://zaihaifangyu.cn/${id}.html`);
        await page.waitInSidebar(`document.querySelectorAll('.speaker-name, .phrase').length > 0 || document.body.textContent.length > 200`);
      }
      await page.waitInSidebar(`!!document.querySelector('.library-link')`);
      const library = await harness.browser.pageOpenedBy(() => page.evaluateInSidebar(`document.querySelector('.library-link').click()`), 'library.html');
      await library.waitForPage(`[...document.querySelectorAll('[role=tab]')].some((tab) => tab.textContent.includes('趋势'))`);
      await library.evaluate(`[...document.querySelectorAll('[role=tab]')].find((tab) => tab.textContent.includes('趋势')).click()`);
      await library.waitForPage(`!!document.querySelector('.trend-data tbody tr')`);
      const phrase = await library.evaluate<string>(`document.querySelector('.trend-phrase').value`);
      const shown = await library.evaluate<Record<string, number>>(
        `Object.fromEntries([...document.querySelectorAll('.trend-data tbody tr')].map((row) => [row.children[0].textContent, Number(row.children[1].textContent)]).filter(([, n]) => n > 0))`,
      );
      const stored = await library.evaluate<Record<string, number>>(STORED_COUNTS(phrase));
      expect(Object.keys(stored).length).toBeGreaterThan(0);
      expect(shown).toEqual(stored);
      // The chart library arrives lazily; then the bars are clickable.
      await library.waitForPage(`!!document.querySelector('.trend-chart canvas') && !!document.querySelector('.trend-chart').dataset.barX`);
      const busiest = Object.entries(shown).sort((a, b) => b[1] - a[1])[0]![0];
      // Bring the chart into view, then aim at the busiest month's bar where it now stands.
      await library.evaluate(`document.querySelector('.trend-chart').scrollIntoView({ block: 'center' })`);
      const at = await library.evaluate<{ x: number; y: number }>(`(() => {
        const months = [...document.querySelectorAll('.trend-data tbody th')].map((th) => th.textContent);
        const index = months.indexOf(${JSON.stringify(busiest)});
        const xs = document.querySelector('.trend-chart').dataset.barX.split(',').map(Number);
        const over = document.querySelector('.trend-chart .u-over').getBoundingClientRect();
        return { x: over.left + xs[index], y: over.bottom - 4 };
      })()`);
      expect(at.x).toBeGreaterThan(0);
      await library.moveTo(at.x, at.y);
      await library.clickAt(at.x, at.y);
      await library.waitForPage(`document.querySelector('.trend-picked h3')?.textContent.includes(${JSON.stringify(busiest)}) ?? false`);
      expect(await library.evaluate<number>(`document.querySelectorAll('.trend-picked a[href^="http"]').length`)).toBeGreaterThan(0);
      mkdirSync(SHOTS, { recursive: true });
      await library.screenshot(`${SHOTS}/library-trends-${name}.png`);
    });
  });
}
