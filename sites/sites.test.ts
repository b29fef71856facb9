import { describe, expect, it } from 'vitest';
import { rangeFor } from '../anchoring/text-map';
import { sitePages } from '../tests/replica/sites.mjs';
import { parseHtmlDocument } from './html-document';
import { adapterForUrl, builtInAdapters, readArticle } from './index';

const pages = sitePages();
const articles = pages.filter((page) => page.expected);
const others = pages.filter((page) => !page.expected);
const read = (html: string, url: string) => readArticle(parseHtmlDocument(html, url), url);

describe('site replicas: article pages', () => {
  it.each(articles.map((page) => [page.name, page] as const))('%s reads its metadata', (_name, page) => {
    const article = read(page.html, page.url);
    expect(article).not.toBeNull();
    const { id, url, title, publishedAt, source, author, editor, column } = article!;
    expect({ id, url, title, publishedAt, source, author, editor, column }).toEqual(page.expected);
    expect(article!.site).toBe(page.site);
    expect(article!.key).toBe(`${page.site}/${page.expected!.id}`);
    expect(article!.id).toMatch(/^[A-Za-z0-9._~-][A-Za-z0-9._~/-]{0,199}$/);
  });

  it.each(articles.map((page) => [page.name, page] as const))('%s: text holds the corpus body, without chrome', (_name, page) => {
    const article = read(page.html, page.url)!;
    const body = article.text.slice(article.bodyStart);
    for (const line of page.bodyLines!) expect(body).toContain(line);
    // The title leads the text when the page shows it; the body starts after it.
    if (article.bodyStart > 0) expect(article.text.slice(0, article.bodyStart - 1)).toBe(article.title);
    for (const chrome of ['当前位置', '责任编辑', '责编', '扫一扫', '访问量统计', '下一页', '【纠错】', '分享到', '来源：', '打印', '主办']) {
      expect(body).not.toContain(chrome);
    }
  });

  it.each(articles.map((page) => [page.name, page] as const))('%s: the map points into live text nodes', (_name, page) => {
    const doc = parseHtmlDocument(page.html, page.url);
    const article = readArticle(doc, page.url)!;
    const { text, map } = article;
    // Every segment is a text node of this document, and its characters are the text's at its offset.
    for (const segment of map.segments) {
      expect(segment.node.ownerDocument).toBe(doc);
      expect(doc.contains(segment.node)).toBe(true);
      expect(text.slice(segment.start, segment.start + segment.node.data.length)).toBe(segment.node.data);
    }
    // A few offsets across the body map to ranges reading the same characters.
    const lines = page.bodyLines!;
    for (const line of [lines[0]!, lines[Math.floor(lines.length / 2)]!, lines[lines.length - 1]!]) {
      const needle = line.slice(0, 12);
      const at = text.indexOf(needle, article.bodyStart);
      expect(at).toBeGreaterThanOrEqual(article.bodyStart);
      expect(rangeFor(map, at, at + needle.length)!.toString()).toBe(needle);
    }
  });
});

describe('site replicas: pages that are not articles', () => {
  it.each(others.map((page) => [page.name, page] as const))('%s reads as no article', (_name, page) => {
    expect(read(page.html, page.url)).toBeNull();
  });

  it('list, index and landing URLs do not match, before the DOM', () => {
    for (const page of others) {
      const adapter = adapterForUrl(page.url);
      if (adapter) expect(adapter.matchesArticleUrl(page.url), page.url).toBe(false);
    }
  });
});

describe('registry', () => {
  it('gives each site host its adapter, and none to unknown hosts', () => {
    const site = (url: string) => adapterForUrl(url)?.site ?? null;
    expect(site('https://www.mem.gov.cn/xw/')).toBe('mem.gov.cn');
    expect(site('https://www.gov.cn/')).toBe('gov.cn');
    expect(site('http://society.people.com.cn/')).toBe('people.com.cn');
    expect(site('http://people.com.cn/')).toBe('people.com.cn');
    expect(site('http://gz.news.cn/')).toBe('news.cn');
    expect(site('http://www.xinhuanet.com/')).toBe('news.cn');
    expect(site('https://www.cma.gov.cn/')).toBe('cma.gov.cn');
    expect(site('http://www.mwr.gov.cn/')).toBe('mwr.gov.cn');
    expect(site('https://zaihaifangyu.cn/1.html')).toBe('zaihaifangyu.cn');
    // gov.cn's subdomains are other sites (provinces, ministries), not the central portal.
    for (const other of ['https://www.henan.gov.cn/', 'https://www.mem.gov.cn.evil.example/', 'https://notpeople.com.cn/', 'https://example.com/']) {
      expect(site(other), other).toBeNull();
    }
  });

  it('keeps the adapters URL tests to their own hosts', () => {
    const samples = articles.map((page) => page.url);
    for (const adapter of builtInAdapters.filter((a) => a.hostPatterns.length > 0)) {
      for (const url of samples) {
        if (!adapter.ownsHost(new URL(url).hostname)) expect(adapter.matchesArticleUrl(url), `${adapter.site} ${url}`).toBe(false);
      }
    }
  });

  it('names each built-in site with host patterns for permissions; gov-meta has none', () => {
    for (const adapter of builtInAdapters) {
      expect(adapter.siteName).not.toBe('');
      expect(adapter.siteNameEn).not.toBe('');
      if (adapter.site === 'gov-meta') expect(adapter.hostPatterns).toEqual([]);
      else for (const pattern of adapter.hostPatterns) expect(pattern).toMatch(/^https?:\/\/(\*\.)?[a-z0-9.-]+\/\*$/);
    }
  });

  it('reads a page of a site with an adapter only with that adapter (a mem list with meta tags is still a list)', () => {
    const list = pages.find((page) => page.name === 'mem list')!;
    expect(read(list.html, 'https://www.mem.gov.cn/xw/yjglbgzdt/t.html')).toBeNull();
    // A gov-meta page served on another host is read by gov-meta, keyed by that host.
    const henan = articles.find((page) => page.site === 'henan.gov.cn')!;
    expect(read(henan.html, 'https://www.hubei.gov.cn/2019/07-29/937604.html')?.key).toBe('hubei.gov.cn/2019/07-29/937604');
  });
});
