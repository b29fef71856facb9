// The library with 100,000 annotations in a real browser's IndexedDB (Chromium and Firefox ESR, the built
// extension's own library page). Targets: first results ≤ 300 ms after the page starts, a query ≤ 20 ms,
// the speakers and phrase indexes open ≤ 200 ms, the next page of results renders within a frame or two.
// Beside them, in the same run and page: a plain Dexie full read of the annotations (what the library used
// to wait for before showing anything).

import { readFileSync } from 'node:fs';
import { generateDataSet } from '../fixtures/exporters/generate';
import { launch, type BrowserName, type TestPage } from '../e2e/browsers';

const COUNT = 100_000;
const ARTICLES = 300;
const BATCH = 5_000;
const LOADS = 3;
const QUERIES = ['应急管理', '管理部', '防汛', '人民至上', '隐患排查', '安全生产', '论文', '不存在的词语', '应急管理部 防汛', '"安全 生产"'];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const { annotations, articles } = generateDataSet(COUNT, ARTICLES, 7);

// One analysis per article, shaped as the background stores them: a few speakers, ~35 policy phrases.
const PHRASES = ['人民至上、生命至上', '四预', '安全生产', '防汛抗旱', '应急管理体系', '总体国家安全观', '两个至上', '三个责任人', '隐患排查治理', '防灾减灾救灾'];
const SPEAKER_NAMES = ['申展利', '杨旭东', '陈胜', '王明', '李炳军', '王宝恩', '龙卿吉', '张三'];
const analyses = articles.map((article, i) => ({
  articleKey: article.key,
  analysedAt: article.firstReadAt,
  summary: {
    speakers: Array.from({ length: 1 + (i % 4) }, (_, s) => ({
      name: SPEAKER_NAMES[(i + s) % SPEAKER_NAMES.length]!,
      title: s % 2 ? '司长' : '副部长',
      org: '应急管理部',
      first: { start: 0, end: 3 },
      passages: Array.from({ length: 3 }, (_, p) => ({ start: p * 100, end: p * 100 + 60, via: 'direct', snippet: `第${p}段发言，关于防汛与安全生产的部署` })),
    })),
    people: [],
    phrases: Array.from({ length: 35 }, (_, p) => ({
      text: `${PHRASES[p % PHRASES.length]}${p >= PHRASES.length ? Math.floor(p / PHRASES.length) : ''}`,
      category: 'doctrine',
      source: 'lexicon',
      occurrences: Array.from({ length: 1 + (p % 3) }, (_, o) => ({ start: o * 10, end: o * 10 + 4 })),
    })),
  },
}));

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
  await library.evaluate(`window.__put('analyses', ${JSON.stringify(analyses)})`);
  for (let i = 0; i < annotations.length; i += BATCH) {
    await library.evaluate(`window.__put('annotations', ${JSON.stringify(annotations.slice(i, i + BATCH))})`);
  }
  return Date.now() - started;
}

/** Dexie's own build, run in the page: the plain full read is Dexie's, as the library did it before. */
const DEXIE = readFileSync('node_modules/dexie/dist/dexie.min.js', 'utf8');

async function dexieFullRead(library: TestPage): Promise<{ ms: number; rows: number }> {
  await library.evaluate(`(() => { const module = undefined, exports = undefined, define = undefined; ${DEXIE}
; window.__Dexie = Dexie; })()`);
  return library.evaluate(`(async () => {
    const db = new window.__Dexie('anyue');
    await db.open();
    const started = performance.now();
    const rows = await db.table('annotations').toArray();
    const ms = performance.now() - started;
    db.close();
    return { ms, rows: rows.length };
  })()`);
}

/** Time from a click on the tab to the frame after its list rendered (in-page clock). */
async function openTab(library: TestPage, tabText: string, ready: string): Promise<number> {
  return library.evaluate<number>(`(async () => {
    const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent.includes(${JSON.stringify(tabText)}));
    const started = performance.now();
    tab.click();
    while (!(${ready}) && performance.now() < started + 5000) await new Promise((r) => setTimeout(r, 0));
    await window.__frame();
    const ms = performance.now() - started;
    [...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent.includes('批注与摘录')).click();
    await new Promise((r) => setTimeout(r, 50));
    return ms;
  })()`);
}

interface Figures {
  firstResults: number;
  searchable: number;
  query: number;
  fullRead: number;
}
const figures = new Map<BrowserName, Figures>();

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  const harness = await launch(name);
  const page = await harness.browser.newPage();
  await page.goto('http://zaihaifangyu.cn/5288.html');
  await page.waitInSidebar(`!!document.querySelector('.library-link')`);
  const library = await harness.browser.pageOpenedBy(() => page.evaluateInSidebar(`document.querySelector('.library-link').click()`), 'library.html');
  await library.waitForPage(`document.querySelector('.result-count')?.textContent.includes('条')`);
  const fillMs = await fill(library);
  // The next frame, or 200 ms if the browser paints none (a tab it thinks hidden): a figure, never a hang.
  const installFrame = () => library.evaluate(`window.__frame = () => Promise.race([new Promise((r) => requestAnimationFrame(() => r())), new Promise((r) => setTimeout(r, 200))])`);
  console.log(`${name}: ${COUNT.toLocaleString()} annotations, ${ARTICLES} articles and analyses written in ${(fillMs / 1000).toFixed(1)} s`);

  const firsts: number[] = [];
  const firstReads: number[] = [];
  const searchables: number[] = [];
  const listed: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    // The flag tells the reloaded page from the old one.
    await library.evaluate('window.__before = true; location.reload()');
    await library.waitForPage(`!window.__before && performance.getEntriesByName('anyue:library-searchable').length > 0`, 120_000);
    await installFrame();
    firsts.push(await library.evaluate<number>(`performance.getEntriesByName('anyue:library-first-results')[0].startTime`));
    firstReads.push(await library.evaluate<number>(`performance.getEntriesByName('anyue:library-first-read')[0].startTime`));
    searchables.push(await library.evaluate<number>(`performance.getEntriesByName('anyue:library-searchable')[0].startTime`));
    listed.push(await library.evaluate<number>(`document.querySelectorAll('.annotation-list > li').length`));
  }
  console.log(`${name}: first results shown after page start: median ${median(firsts).toFixed(0)} ms (${firsts.map((l) => l.toFixed(0)).join(', ')}); ${listed[0]} listed`);
  console.log(`${name}: of which the newest page read from IndexedDB after page start: median ${median(firstReads).toFixed(0)} ms`);
  console.log(`${name}: all ${COUNT.toLocaleString()} searchable after page start: median ${median(searchables).toFixed(0)} ms (${searchables.map((l) => l.toFixed(0)).join(', ')})`);

  const read = await dexieFullRead(library);
  const reads = [read.ms];
  for (let i = 0; i < 2; i++) reads.push((await dexieFullRead(library)).ms);
  console.log(`${name}: plain Dexie full read (db.annotations.toArray(), ${read.rows.toLocaleString()} rows): median ${median(reads).toFixed(0)} ms (${reads.map((l) => l.toFixed(0)).join(', ')})`);

  // A search warms the sort and the joined text once (the first query after load pays for them).
  const searchMedians: number[] = [];
  for (const query of QUERIES) {
    const times: number[] = [];
    const screens: number[] = [];
    let count = '';
    for (let i = 0; i < 5; i++) {
      // A different query between runs, so every run really searches.
      for (const q of [`${query}${i}`, query]) {
        const screen = await library.evaluate<number>(`(async () => {
          const input = document.querySelector('.search');
          const started = performance.now();
          input.value = ${JSON.stringify(q)};
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((r) => setTimeout(r, 0));
          await window.__frame();
          return performance.now() - started;
        })()`);
        if (q === query) screens.push(screen);
      }
      times.push(Number(await library.evaluate<string>(`document.querySelector('.result-count').dataset.searchMs`)));
      count = await library.evaluate<string>(`document.querySelector('.result-count').textContent`);
    }
    searchMedians.push(median(times));
    console.log(`${name}: search ${query}: median ${median(times).toFixed(1)} ms search, ${median(screens).toFixed(0)} ms to the next frame → ${count}`);
  }

  await library.evaluate(`(() => { const input = document.querySelector('.search'); input.value = ''; input.dispatchEvent(new Event('input', { bubbles: true })); })()`);
  await library.waitForPage(`document.querySelectorAll('.annotation-list > li').length > 0`);
  const pageTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    pageTimes.push(await library.evaluate<number>(`(async () => {
      const before = document.querySelectorAll('.annotation-list > li').length;
      const started = performance.now();
      document.querySelector('button.more').click();
      const deadline = started + 5000;
      while (document.querySelectorAll('.annotation-list > li').length === before && performance.now() < deadline) await new Promise((r) => setTimeout(r, 0));
      await window.__frame();
      return performance.now() - started;
    })()`));
  }
  console.log(`${name}: next page of results rendered: median ${median(pageTimes).toFixed(0)} ms (${pageTimes.map((l) => l.toFixed(0)).join(', ')})`);

  const speakers: number[] = [];
  const phrases: number[] = [];
  for (let i = 0; i < 3; i++) {
    speakers.push(await openTab(library, '发言人索引', `document.querySelectorAll('.speaker-index > li').length > 0`));
    phrases.push(await openTab(library, '政策要点索引', `document.querySelectorAll('.phrase-index > li').length > 0`));
  }
  console.log(`${name}: speakers index opened: median ${median(speakers).toFixed(0)} ms; policy-phrase index opened: median ${median(phrases).toFixed(0)} ms`);
  await harness.close();
  figures.set(name, { firstResults: median(firsts), searchable: median(searchables), query: Math.max(...searchMedians), fullRead: median(reads) });
}

const c = figures.get('chromium')!;
const f = figures.get('firefox')!;
console.log('(query: the slowest query\'s median search time)');
console.log(
  `library ${COUNT}: first results chromium ${c.firstResults.toFixed(0)} ms firefox ${f.firstResults.toFixed(0)} ms; query chromium ${c.query.toFixed(1)} ms firefox ${f.query.toFixed(1)} ms; full read chromium ${c.fullRead.toFixed(0)} ms firefox ${f.fullRead.toFixed(0)} ms`,
);
