// What the content script reports of an article it read: the record's field names, not the adapter's.

import { clampArticleMetadata, type ArticleMeta } from '../../records/article';
import type { SiteArticle } from '../../sites';

export function toArticleMeta(article: SiteArticle): ArticleMeta {
  // The page's quirks (a 30-item breadcrumb, an author line of a paragraph) are cut here, where they are
  // read, so the background's strict check never refuses the whole article for them.
  return clampArticleMetadata({
    key: article.key,
    postId: article.id,
    url: article.url,
    title: article.title,
    categories: article.column,
    publishedAt: article.publishedAt,
    author: article.author,
    source: article.source,
    textLength: article.text.length,
  });
}
