import { describe, expect, it } from 'vitest';
import { articlePage, replicaArticles } from '../../tests/replica/pages.mjs';
import { sitePages } from '../../tests/replica/sites.mjs';
import { parseHtmlDocument } from '../../sites/html-document';
import { readArticle } from '../../sites';
import { articleRoots } from './article-view';

describe('articleRoots: where selections count and late text is watched, on every site', () => {
  it('are the portal article\u2019s headline and body', () => {
    const replica = replicaArticles()[0]!;
    const url = `https://zaihaifangyu.cn/${replica.postId}.html`;
    const doc = parseHtmlDocument(articlePage(replica), url);
    const article = readArticle(doc, url)!;
    expect(articleRoots(article.map, article.bodyStart)).toEqual([doc.querySelector('h1.entry-title'), doc.querySelector('.entry-content')]);
  });

  it.each(sitePages().filter((page) => page.expected).map((page) => [page.name, page] as const))('%s: the mapped elements, holding every mapped text node', (_name, page) => {
    const doc = parseHtmlDocument(page.html, page.url);
    const article = readArticle(doc, page.url)!;
    const roots = articleRoots(article.map, article.bodyStart);
    expect(roots.length).toBeGreaterThan(0);
    for (const segment of article.map.segments) expect(roots.some((root) => root.contains(segment.node))).toBe(true);
    // Not the whole page: the site's navigation and footer are outside.
    for (const root of roots) expect(root === doc.body || root === doc.documentElement).toBe(false);
  });
});
