import { describe, expect, it } from 'vitest';
import { sitePages } from '../../tests/replica/sites.mjs';
import { parseHtmlDocument } from '../../sites/html-document';
import { readArticle } from '../../sites';
import { articleMetaCheck } from '../../records/article';
import { toArticleMeta } from './article-meta';

describe('toArticleMeta', () => {
  const articles = sitePages().filter((page) => page.expected);

  it.each(articles.map((page) => [page.name, page] as const))('reports %s as an article record accepts it', (_name, page) => {
    const article = readArticle(parseHtmlDocument(page.html, page.url), page.url)!;
    const meta = toArticleMeta(article);
    expect(articleMetaCheck(meta, 'article')).toBeNull();
    expect(meta).toMatchObject({ key: `${page.site}/${page.expected!.id}`, postId: page.expected!.id, categories: page.expected!.column.slice(0, 20) });
    expect(meta.textLength).toBe(article.text.length);
  });
});
