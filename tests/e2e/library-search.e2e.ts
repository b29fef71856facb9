// The library's search in both browsers, over annotations written straight into the extension's database:
// several words all required with their matches marked (<mark> around text), a quoted phrase taken
// literally, the kind, site and article-date filters, and the sort orders.

import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type BrowserName, type Harness, type TestPage } from './browsers';
import { makeAnnotation } from '../../library/test-data';
import type { Annotation } from '../../records/annotation';
import type { ArticleRecord } from '../../records/article';

const SHOTS = '.output/screenshots';
const text = '应急管理部召开会议，部署防汛工作。坚持生命 至上，统筹发展和安全。至上 生命不是口号。森林防灭火进入高火险期。';

const article = (key: string, title: string, publishedAt: string | null): ArticleRecord => ({
  key, postId: key.slice(key.indexOf('/') + 1), url: `https://${key}.html`, title, categories: [], publishedAt,
  author: null, source: null, textLength: text.length, firstReadAt: 1_700_000_000_000, lastReadAt: 1_700_000_000_000, readCount: 1,
});
const ARTICLES = [
  article('zaihaifangyu.cn/9001', '部署会议', '2024-07-14'),
  article('zaihaifangyu.cn/9002', '安全理念', '2024-03-01'),
  article('mem.gov.cn/xw/9003', '森林防火', null),
];
const on = (key: string) => ({ articleKey: key, articleTitle: ARTICLES.find((a) => a.key === key)!.title });

const both = makeAnnotation({ text, quote: '应急管理部召开会议', note: '部署防汛，三个责任人', createdAt: Date.UTC(2024, 6, 15, 2), ...on('zaihaifangyu.cn/9001') });
const onlyFirstWord = makeAnnotation({ text, quote: '应急管理部', createdAt: Date.UTC(2024, 6, 16, 2), ...on('zaihaifangyu.cn/9001') });
const phrase = makeAnnotation({ text, quote: '坚持生命 至上', createdAt: Date.UTC(2024, 2, 2, 2), ...on('zaihaifangyu.cn/9002') });
const reversed = makeAnnotation({ text, quote: '至上 生命不是口号', createdAt: Date.UTC(2024, 2, 3, 2), ...on('zaihaifangyu.cn/9002') });
const excerpt: Annotation = {
  ...makeAnnotation({ text, quote: '森林防灭火进入高火险期', note: '应急管理部 防汛 之外的另一件事', createdAt: Date.UTC(2024, 9, 1, 2), ...on('mem.gov.cn/xw/9003') }),
  kind: 'excerpt',
  excerpt: { title: '森林防火', url: 'https://mem.gov.cn/xw/9003.html', source: null, publishedAt: null, author: null, siteName: '应急管理部', capturedAt: Date.UTC(2024, 9, 1, 2) },
};
const pageNote: Annotation = {
  ...makeAnnotation({ text, quote: '统筹发展和安全', note: '整篇：统筹发展和安全', createdAt: Date.UTC(2024, 9, 2, 2), ...on('mem.gov.cn/xw/9003') }),
  kind: 'page-note',
  target: null,
};
const ALL = [both, onlyFirstWord, phrase, reversed, excerpt, pageNote];

async function openLibrary(harness: Harness): Promise<TestPage> {
  const page = await harness.browser.newPage();
  await page.goto('http://zaihaifangyu.cn/5288.html');
  await page.waitInSidebar(`!!document.querySelector('.library-link')`);
  const library = await harness.browser.pageOpenedBy(() => page.evaluateInSidebar(`document.querySelector('.library-link').click()`), 'library.html');
  await library.waitForPage(`document.querySelector('.result-count')?.textContent.includes('条')`);
  // Straight into the extension's IndexedDB (the library page shares its origin), then a fresh start.
  await library.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('anyue');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['articles', 'annotations'], 'readwrite');
      for (const row of ${JSON.stringify(ARTICLES)}) tx.objectStore('articles').put(row);
      for (const row of ${JSON.stringify(ALL)}) tx.objectStore('annotations').put(row);
      tx.oncomplete = () => { db.close(); resolve(true); };
      tx.onerror = () => reject(tx.error);
    };
  })`);
  await library.evaluate('window.__before = true; location.reload()');
  await library.waitForPage(`!window.__before && performance.getEntriesByName('anyue:library-searchable').length > 0`);
  return library;
}

const search = (library: TestPage, query: string) =>
  library.evaluate(`(() => { const input = document.querySelector('.search'); input.value = ${JSON.stringify(query)}; input.dispatchEvent(new Event('input', { bubbles: true })); })()`);
const choose = (library: TestPage, selector: string, value: string) =>
  library.evaluate(`(() => { const field = document.querySelector(${JSON.stringify(selector)}); field.value = ${JSON.stringify(value)}; field.dispatchEvent(new Event('change', { bubbles: true })); })()`);
/** The ids listed, once the list shows `count` of them. */
async function listed(library: TestPage, count: number): Promise<string[]> {
  await library.waitForPage(`document.querySelectorAll('.annotation-list > li').length === ${count}`);
  return library.evaluate<string[]>(`[...document.querySelectorAll('.annotation-list > li')].map((li) => li.dataset.id)`);
}
const ids = (...list: Annotation[]) => list.map((a) => a.id);

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`${name}: library search`, () => {
    let harness: Harness;
    let library: TestPage;
    beforeAll(async () => {
      harness = await launch(name);
      library = await openLibrary(harness);
    });
    afterAll(async () => harness?.close());

    it('requires every word and marks each match as text', async () => {
      await search(library, '应急管理部 防汛');
      // The excerpt holds both words in its note; onlyFirstWord lacks 防汛.
      expect(await listed(library, 2)).toEqual(ids(excerpt, both));
      const marks = await library.evaluate<string[]>(`[...document.querySelector('[data-id="${both.id}"]').querySelectorAll('mark')].map((m) => m.textContent)`);
      expect(marks).toEqual(['应急管理部', '防汛']);
      // Marks wrap text nodes only: no markup came from the data.
      expect(await library.evaluate<number>(`document.querySelectorAll('.annotation-list mark *').length`)).toBe(0);
      expect(await library.evaluate<string>(`document.querySelector('.result-count').textContent`)).toBe('2 条结果');
    });

    it('takes a quoted phrase literally, spaces included', async () => {
      await search(library, '生命 至上');
      expect(await listed(library, 2)).toEqual(ids(reversed, phrase));
      await search(library, '"生命 至上"');
      expect(await listed(library, 1)).toEqual(ids(phrase));
      expect(await library.evaluate<string[]>(`[...document.querySelectorAll('.annotation-list mark')].map((m) => m.textContent)`)).toEqual(['生命 至上']);
    });

    it('filters by kind, site and article date, and sorts', async () => {
      await search(library, '');
      expect(await listed(library, 6)).toEqual(ids(pageNote, excerpt, onlyFirstWord, both, reversed, phrase));
      await choose(library, '.kind', 'excerpt');
      expect(await listed(library, 1)).toEqual(ids(excerpt));
      await choose(library, '.kind', 'page-note');
      expect(await listed(library, 1)).toEqual(ids(pageNote));
      await choose(library, '.kind', '');
      // The site filter names sites by the registry's display name.
      const siteOptions = await library.evaluate<string[]>(`[...document.querySelectorAll('.site option')].map((o) => o.textContent)`);
      expect(siteOptions).toEqual(['全部网站', '中国灾害防御信息网 (4)', '中华人民共和国应急管理部 (2)']);
      await choose(library, '.site', 'mem.gov.cn');
      expect(await listed(library, 2)).toEqual(ids(pageNote, excerpt));
      await choose(library, '.site', '');
      // Published in July 2024: only the article of 2024-07-14; the undated one falls outside any range.
      await choose(library, '.date-from', '2024-07-01');
      await choose(library, '.date-to', '2024-07-31');
      expect(await listed(library, 2)).toEqual(ids(onlyFirstWord, both));
      await choose(library, '.date-from', '');
      await choose(library, '.date-to', '');
      await choose(library, '.sort', 'oldest');
      expect(await listed(library, 6)).toEqual(ids(phrase, reversed, both, onlyFirstWord, excerpt, pageNote));
      // Newest article first, the undated one last; within an article, reading order (the page note first;
      // two passages starting at the same place: the newer first).
      await choose(library, '.sort', 'article-date');
      expect(await listed(library, 6)).toEqual(ids(onlyFirstWord, both, phrase, reversed, pageNote, excerpt));
      await choose(library, '.sort', 'newest');
    });

    it('looks right (screenshot)', async () => {
      await search(library, '应急管理部 防汛');
      await listed(library, 2);
      mkdirSync(SHOTS, { recursive: true });
      await library.screenshot(`${SHOTS}/library-search-${name}.png`);
    });

    it('speaks plain English: "1 result", no full-width punctuation, an English placeholder', async () => {
      // The stored preference, as the sidebar's language switch writes it; then a fresh start.
      await library.evaluate(`(globalThis.browser ?? chrome).storage.local.set({ preferences: { language: 'en' } })`);
      await library.evaluate('window.__before = true; location.reload()');
      await library.waitForPage(`!window.__before && performance.getEntriesByName('anyue:library-searchable').length > 0 && document.documentElement.lang === 'en'`);
      await search(library, '"生命 至上"');
      await listed(library, 1);
      expect(await library.evaluate<string>(`document.querySelector('.result-count').textContent`)).toBe('1 result');
      const visible = await library.evaluate<string>(`[...document.querySelectorAll('header, .filters, .tabs')].map((e) => e.textContent + ' ' + [...e.querySelectorAll('input')].map((i) => i.placeholder).join(' ')).join(' ')`);
      expect(visible).not.toMatch(/[：（）]/);
      expect(await library.evaluate<string>(`document.querySelector('.search').placeholder`)).not.toMatch(/[\u4e00-\u9fff]/);
      await library.screenshot(`${SHOTS}/library-search-en-${name}.png`);
      // The sidebar in English: a tab's label and its count stay on one line ("Policy phrases 35").
      const article = await harness.browser.newPage();
      await article.goto('http://zaihaifangyu.cn/5288.html');
      await article.waitInSidebar(`document.documentElement.lang === 'en' && [...document.querySelectorAll('[role="tab"] .count')].length > 0`);
      const lines = await article.evaluateInSidebar<{ label: string; tops: number[] }[]>(`[...document.querySelectorAll('[role="tab"]')].map((tab) => {
        const range = document.createRange();
        range.selectNodeContents(tab);
        return { label: tab.textContent, tops: [...new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)))] };
      })`);
      expect(lines!.find((tab) => tab.label.startsWith('Policy phrases'))!.label).toMatch(/^Policy phrases \d+$/);
      for (const tab of lines!) expect(tab.tops, tab.label).toHaveLength(1);
      await article.screenshot(`${SHOTS}/sidebar-tabs-en-${name}.png`);
      await article.close();
      await library.evaluate(`(globalThis.browser ?? chrome).storage.local.set({ preferences: { language: 'zh-CN' } })`);
    });
  });
}
