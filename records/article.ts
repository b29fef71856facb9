// An article: what a site adapter reads of the page (metadata), its length, and the reader's visits. The
// page is not ours, so its metadata is clamped to the record's limits before it is sent (clampArticleMetadata)
// and checked again where it arrives.

import { articleKeyCheck, isStableId, parseArticleKey } from './article-key';
import { MAX_TITLE_LENGTH, MAX_URL_LENGTH, publishedAtCheck } from './annotation';
import { array, epochMs, httpUrl, integer, nullable, object, string, type Check } from './check';

/** What identifies and describes an article; the message protocol and the database build on it. */
export interface ArticleMetadata {
  /** Stable key of the article across visits and devices: `<site>/<postId>` (formatArticleKey). */
  key: string;
  /** The site's stable id of the article (the key's second part). */
  postId: string;
  /** The page's canonical URL when it declares one on the site, else its URL without query and fragment. */
  url: string;
  title: string;
  /** Breadcrumb categories without the home item, e.g. 动态信息 › 行业信息 › 新闻播报. */
  categories: string[];
  /** ISO date (YYYY-MM-DD) or date-time as the page gives it; null when absent or only relative ("3天前"). */
  publishedAt: string | null;
  author: string | null;
  /** Original source (本文来自…, 文章来源), null when the site is the source. */
  source: string | null;
}

/** What the content script tells the background about the article it is showing. */
export interface ArticleMeta extends ArticleMetadata {
  /** Length of the article text in UTF-16 code units. */
  textLength: number;
}

export interface VisitInfo {
  firstReadAt: number;
  lastReadAt: number;
  readCount: number;
}

/** An article the reader opened, with their reading history. */
export interface ArticleRecord extends ArticleMeta, VisitInfo {}

export const ARTICLE_LIMITS = {
  title: MAX_TITLE_LENGTH,
  url: MAX_URL_LENGTH,
  categories: 20,
  category: 200,
  author: 200,
  source: 500,
  /** Article lengths (UTF-16 code units). */
  textLength: 50_000_000,
} as const;

const metadataFields = {
  key: articleKeyCheck,
  postId: (value: unknown, path: string) => (typeof value === 'string' && isStableId(value) ? null : `${path}: not a stable article id`),
  url: httpUrl(ARTICLE_LIMITS.url),
  title: string(ARTICLE_LIMITS.title),
  categories: array(string(ARTICLE_LIMITS.category), ARTICLE_LIMITS.categories),
  publishedAt: publishedAtCheck,
  author: nullable(string(ARTICLE_LIMITS.author)),
  source: nullable(string(ARTICLE_LIMITS.source)),
  textLength: integer(0, ARTICLE_LIMITS.textLength),
};

const keyMatchesId =
  (shape: Check): Check =>
  (value, path) => {
    const reason = shape(value, path);
    if (reason) return reason;
    const { key, postId } = value as ArticleMeta;
    return parseArticleKey(key)?.id === postId ? null : `${path}.key: "${key}" does not match postId "${postId}"`;
  };

/** The article a page reports (message `article/opened`). */
export const articleMetaCheck: Check = keyMatchesId(object(metadataFields));

/** The article as stored and backed up, with its reading history. */
export const articleRecordCheck: Check = keyMatchesId(
  object({ ...metadataFields, firstReadAt: epochMs, lastReadAt: epochMs, readCount: integer(0, 1_000_000_000) }),
);

const clamp = (text: string, max: number) => {
  if (text.length <= max) return text;
  // Never cut a surrogate pair in half.
  const cut = text.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
};

/**
 * The page's metadata cut to the record's limits: an overlong author line or a 30-item breadcrumb is the
 * page's quirk, not a reason to refuse the whole article. Key, id and URL are not clamped (a cut one would
 * name another article): they are checked as they are.
 */
export function clampArticleMetadata<T extends ArticleMetadata>(article: T): T {
  return {
    ...article,
    title: clamp(article.title, ARTICLE_LIMITS.title),
    categories: article.categories.slice(0, ARTICLE_LIMITS.categories).map((category) => clamp(category, ARTICLE_LIMITS.category)),
    author: article.author === null ? null : clamp(article.author, ARTICLE_LIMITS.author),
    source: article.source === null ? null : clamp(article.source, ARTICLE_LIMITS.source),
  };
}
