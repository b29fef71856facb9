// Measures @mozilla/readability and defuddle on the site replicas' article pages, raw and as the generic
// reader's body locator: how much of the body each gets, how much page chrome comes along, and whether the
// title (without the site suffix), date and source are right. `npm run bench -- extractors` prints it
// (`npx tsx tests/bench/extractors.bench.ts --misses` lists each miss).

import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { sitePages } from '../replica/sites.mjs';
import { articlePage, replicaArticles } from '../replica/pages.mjs';
import { genericPages } from '../replica/generic.mjs';
import { readArticle } from '../../sites';
import { parseHtmlDocument } from '../../sites/html-document';
import { readGenericArticle } from '../../sites/generic';
import { readabilityExtractor, textOfHtml } from '../../sites/readability-extractor';
import type { Extractor } from '../../sites/generic';

// defuddle (MIT) as the generic reader's locator, measured here only.
const defuddleExtractor: Extractor = (doc, url) => {
  const result = new Defuddle(doc.cloneNode(true) as Document, { url }).parse();
  return result?.content ? { text: textOfHtml(doc, result.content), title: result.title || null } : null;
};

interface Got {
  text: string;
  title: string | null;
  date: string | null;
  source: string | null;
}
const CHROME = ['当前位置', '责任编辑', '责编', '扫一扫', '访问量统计', '下一页', '【纠错】', '分享到', '打印', '主办', '版权所有'];
const dense = (text: string) => text.replace(/\s+/g, '');

const readers: Record<string, (html: string, url: string) => Got | null> = {
  'readability (raw)': (html, url) => {
    const r = new Readability(parseHtmlDocument(html, url)).parse();
    return r ? { text: r.textContent ?? '', title: r.title ?? null, date: r.publishedTime ?? null, source: null } : null;
  },
  'defuddle (raw)': (html, url) => {
    const d = new Defuddle(parseHtmlDocument(html, url), { url }).parse();
    const text = d.content.replace(/<[^>]+>/g, ' ');
    return { text, title: d.title || null, date: d.published || null, source: null };
  },
  ...Object.fromEntries(
    ([['generic + readability', readabilityExtractor], ['generic + defuddle', defuddleExtractor]] as [string, Extractor][]).map(([name, extractor]) => [
      name,
      (html: string, url: string): Got | null => {
        const article = readGenericArticle(parseHtmlDocument(html, url), url, extractor);
        return article ? { text: article.text.slice(article.bodyStart), title: article.title, date: article.publishedAt, source: article.source } : null;
      },
    ]),
  ),
};

interface Page {
  name: string;
  url: string;
  html: string;
  bodyLines?: string[];
  expected: { title: string; publishedAt: string | null; source: string | null } | null;
}
// The site replicas were read while the generic reader was written (its dev set); the portal's replica
// articles (two theme generations) were not: they are the held-out set, their truth the portal adapter.
const devPages: Page[] = sitePages().filter((page) => page.expected);
const heldOutPages: Page[] = replicaArticles().flatMap((article) => {
  const url = `https://zaihaifangyu.cn/${article.postId}.html`;
  const html = articlePage(article) as string;
  const truth = readArticle(parseHtmlDocument(html, url), url);
  if (!truth) return [];
  const lines = truth.text.slice(truth.bodyStart).split('\n').filter((line) => line.trim().length >= 12);
  return [{ name: `portal ${article.postId}`, url, html, bodyLines: lines, expected: { title: truth.title, publishedAt: truth.publishedAt, source: truth.source } }];
});

// The replicas of sites no adapter knows (a blog-like page, a table-and-<font> county page): truth by hand.
const genericReplicaPages: Page[] = genericPages()
  .filter((page) => page.title)
  .map((page, index) => ({
    name: `generic ${page.path}`,
    url: `http://127.0.0.1:8765${page.path}`,
    html: page.html,
    bodyLines: page.paragraphs.filter((line) => line.length >= 12 && !/^(审核|编辑)[:：]/.test(line)),
    expected: [
      { title: page.title!, publishedAt: '2024-06-18', source: '安全发展研究院' },
      { title: page.title!, publishedAt: '2023-06-09', source: '县应急管理局' },
    ][index]!,
  }));

for (const [label, articles] of [['dev: site replicas', devPages], ['held out: portal replicas', heldOutPages], ['generic replicas', genericReplicaPages]] as const) {
console.log(`\n${label}: ${articles.length} article pages of ${new Set(articles.map((p) => new URL(p.url).hostname)).size} hosts`);
const rows: string[][] = [['reader', 'read', 'body lines', 'chrome pages', 'title', 'date', 'source', 'ms/page']];
for (const [name, reader] of Object.entries(readers)) {
  let read = 0, lines = 0, found = 0, chromePages = 0, titles = 0, dates = 0, sources = 0, sourcesWanted = 0;
  const misses: string[] = [];
  const started = performance.now();
  for (const page of articles) {
    const expected = page.expected!;
    let got: Got | null = null;
    try {
      got = reader(page.html, page.url);
    } catch (error) {
      misses.push(`${page.name}: threw ${String(error).slice(0, 80)}`);
    }
    lines += page.bodyLines!.length;
    if (expected.source) sourcesWanted++;
    if (!got) {
      misses.push(`${page.name}: nothing read`);
      continue;
    }
    read++;
    const text = dense(got.text);
    const hit = page.bodyLines!.filter((line) => text.includes(dense(line))).length;
    found += hit;
    if (hit < page.bodyLines!.length) misses.push(`${page.name}: ${page.bodyLines!.length - hit} body lines missing`);
    const chrome = CHROME.filter((word) => got!.text.includes(word));
    if (chrome.length) {
      chromePages++;
      misses.push(`${page.name}: chrome ${chrome.join(' ')}`);
    }
    if (got.title === expected.title) titles++;
    else misses.push(`${page.name}: title ${JSON.stringify(got.title)}`);
    const day = (value: string | null) => (value ? (/(\d{4})-(\d{2})-(\d{2})/.exec(value)?.[0] ?? value) : null);
    if (day(got.date) === day(expected.publishedAt)) dates++;
    else misses.push(`${page.name}: date ${got.date} (want ${expected.publishedAt})`);
    if (expected.source && got.source === expected.source) sources++;
    else if (expected.source) misses.push(`${page.name}: source ${JSON.stringify(got.source)} (want ${expected.source})`);
  }
  const ms = (performance.now() - started) / articles.length;
  const pct = (a: number, b: number) => `${b ? Math.round((100 * a) / b) : 0} %`;
  rows.push([name, `${read}/${articles.length}`, pct(found, lines), `${chromePages}`, pct(titles, articles.length), pct(dates, articles.length), sourcesWanted ? pct(sources, sourcesWanted) : '-', ms.toFixed(1)]);
  if (process.argv.includes('--misses')) console.log(`${name}:\n  ${misses.join('\n  ')}\n`);
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
}
