// The registry of built-in site adapters. Callers never name a site: they ask for the adapter of a URL
// (cheap, before the DOM) and read the article through it. The generic extractor is NOT imported here
// (sites/generic.ts, its own bundle).

import { extractPortalArticle, isPortalHost, articlePostId, SITE_NAME as PORTAL_NAME } from './zaihaifangyu';
import { PORTAL_MATCHES } from './portal-hosts';
import { articleKey } from './article-key';
import { parseUrl } from './common';
import type { SiteAdapter, SiteArticle } from './types';

export type { SiteAdapter, SiteArticle } from './types';

export const portalAdapter: SiteAdapter = {
  site: 'zaihaifangyu.cn',
  siteName: PORTAL_NAME,
  siteNameEn: 'China Disaster Prevention Information Network',
  hostPatterns: PORTAL_MATCHES,
  ownsHost: (hostname) => isPortalHost(hostname),
  matchesArticleUrl: (url) => articlePostId(url) !== null,
  read(doc, url): SiteArticle | null {
    const article = extractPortalArticle(doc, url);
    if (!article) return null;
    return {
      site: 'zaihaifangyu.cn',
      siteName: PORTAL_NAME,
      siteNameEn: portalAdapter.siteNameEn,
      id: article.postId,
      key: articleKey('zaihaifangyu.cn', article.postId),
      url: article.url,
      title: article.title,
      publishedAt: article.publishedAt,
      source: article.source,
      author: article.author,
      editor: null,
      column: article.categories,
      text: article.text,
      bodyStart: article.bodyStart,
      map: article.map,
    };
  },
};

/** Site adapters, most specific first. (mem.gov.cn, gov.cn, people.com.cn, news.cn, cma, mwr and gov-meta: not yet.) */
export const builtInAdapters: readonly SiteAdapter[] = [portalAdapter];

/** The adapter owning the URL's host, or null (then only the generic extractor can read the page). */
export function adapterForUrl(url: string | URL): SiteAdapter | null {
  const parsed = parseUrl(url);
  if (!parsed) return null;
  return builtInAdapters.find((adapter) => adapter.ownsHost(parsed.hostname)) ?? null;
}

/** The article at `url` read by its site's adapter; null when no adapter owns the host or the page is no article. */
export function readArticle(doc: Document, url: string): SiteArticle | null {
  const adapter = adapterForUrl(url);
  if (!adapter || !adapter.matchesArticleUrl(url)) return null;
  try {
    return adapter.read(doc, url);
  } catch {
    return null;
  }
}
