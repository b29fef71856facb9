// The library with 100,000 annotations in a real browser's IndexedDB: how long until it is searchable,
// and how long a search for a Chinese substring takes (target ≤ 50 ms). Chromium and Firefox ESR.

import { generateDataSet } from '../fixtures/exporters/generate';
import { launch, type BrowserName, type TestPage } from '../e2e/browsers';

const COUNT = 100_000;
const BATCH = 5_000;
const QUERIES = ['应急管理', '管理部', '防汛', '人民至上', '隐患排查', '安全生产', '论文', '不存在的词语'];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const { annotations, articles } = generateDataSet(COUNT, 300, 7);

async function fill(library: TestPage): Promise<number> {
  const started = Date.now();
  // Raw IndexedDB from the library page itself (extension origin), into the stores the extension made.
  await library.evaluate(`window.__put = (storeName, rows) => new Promise((resolve, reject) => {
    const open = indexedDB.open('anyue');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(storeName, 'readwrite');
      const store = tx.objectStore(storeName);
      for (const row of rows) store.put(row);
      tx.oncomplete = () => { db.close(); resolve(rows.length); };
      tx.onerror = () => reject(tx.error);
    };
  })`);
  await library.evaluate(`window.__put('articles', ${JSON.stringify(articles)})`);
  for (let i = 0; i < annotations.length; i += BATCH) {
    await library.evaluate(`window.__put('annotations', ${JSON.stringify(annotations.slice(i, i + BATCH))})`);
  }
  return Date.now() - started;
}

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  const harness = await launch(name);
  const page = await harness.browser.newPage();
  await page.goto('http://zaihaifangyu.cn/5288.html');
  await page.waitInSidebar(`!!document.querySelector('.library-link')`);
  let library = await harness.browser.pageOpenedBy(() => page.evaluateInSidebar(`document.querySelector('.library-link').click()`), 'library.html');
  await library.waitForPage(`document.querySelector('.result-count')?.textContent.includes('条')`);
  const fillMs = await fill(library);

  const loads: number[] = [];
  for (let i = 0; i < 3; i++) {
    // The flag tells the reloaded page from the old one.
    await library.evaluate('window.__before = true; location.reload()');
    await library.waitForPage(`!window.__before && performance.getEntriesByName('anyue:library-searchable').length > 0`, 120_000);
    loads.push(await library.evaluate<number>(`performance.getEntriesByName('anyue:library-searchable')[0].startTime`));
  }
  const searches: { query: string; ms: number; count: string }[] = [];
  for (const query of QUERIES) {
    const times: number[] = [];
    let count = '';
    for (let i = 0; i < 5; i++) {
      // A different query between runs, so every run really searches.
      for (const q of [`${query}${i}`, query]) {
        await library.evaluate(`(() => { const input = document.querySelector('.search'); input.value = ${JSON.stringify(q)}; input.dispatchEvent(new Event('input', { bubbles: true })); })()`);
        await library.waitForPage(`document.querySelector('.search').value === ${JSON.stringify(q)}`);
      }
      await new Promise((r) => setTimeout(r, 50));
      times.push(Number(await library.evaluate<string>(`document.querySelector('.result-count').dataset.searchMs`)));
      count = await library.evaluate<string>(`document.querySelector('.result-count').textContent`);
    }
    searches.push({ query, ms: median(times), count });
  }
  await harness.close();
  console.log(`${name}: ${COUNT.toLocaleString()} annotations written in ${(fillMs / 1000).toFixed(1)} s`);
  console.log(`${name}: library searchable after page start: median ${median(loads).toFixed(0)} ms (${loads.map((l) => l.toFixed(0)).join(', ')})`);
  for (const { query, ms, count } of searches) console.log(`${name}: search “${query}”: median ${ms.toFixed(1)} ms → ${count}`);
}
