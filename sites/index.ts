// The registry of built-in site adapters. Callers never name a site: they ask for the adapter of a URL
// (cheap, before the DOM) and read the article through it. The generic extractor is NOT imported here
// (sites/generic.ts, its own bundle).

import { extractPortalArticle, isPortalHost, articlePostId, SITE_NAME as PORTAL_NAME } from './zaihaifangyu';
import { PORTAL_MATCHES } from './portal-hosts';
import { formatArticleKey } from '../records/article-key';
import { bareHost, parseUrl } from './common';
import { memAdapter } from './mem';
import { govcnAdapter } from './govcn';
import { peopleAdapter } from './people';
import { xinhuaAdapter } from './xinhua';
import { cmaAdapter } from './cma';
import { mwrAdapter } from './mwr';
import { govMetaAdapter } from './gov-meta';
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
      key: formatArticleKey('zaihaifangyu.cn', article.postId),
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

/**
 * Site adapters: the per-site ones, then the any-host meta-tag adapter last (it takes only what no site owns).
 * gov.cn comes before gov-meta so that its editor-in-meta-author rule wins on its pages.
 */
export const builtInAdapters: readonly SiteAdapter[] = [
  portalAdapter,
  memAdapter,
  govcnAdapter,
  peopleAdapter,
  xinhuaAdapter,
  cmaAdapter,
  mwrAdapter,
  govMetaAdapter,
];

/** Whether the adapter is tied to its own hosts (every built-in one but gov-meta). */
const ownsSite = (adapter: SiteAdapter) => adapter.hostPatterns.length > 0;

/** The adapter of the site owning the URL's host, or null (then gov-meta or the generic extractor may read it). */
export function adapterForUrl(url: string | URL): SiteAdapter | null {
  const parsed = parseUrl(url);
  if (!parsed) return null;
  return builtInAdapters.find((adapter) => ownsSite(adapter) && adapter.ownsHost(parsed.hostname)) ?? null;
}

/**
 * The article at `url`: read by its site's adapter when one owns the host (its verdict is final: a list page
 * there is no article), else by the meta-tag adapter; null when the page is no article.
 */
export function readArticle(doc: Document, url: string): SiteArticle | null {
  const adapter = adapterForUrl(url) ?? (parseUrl(url) ? govMetaAdapter : null);
  if (!adapter || !adapter.matchesArticleUrl(url)) return null;
  try {
    return adapter.read(doc, url);
  } catch {
    return null;
  }
}

/**
 * The site id of a page, from its URL alone (the background checks senders with it): the owning adapter's
 * site, else the bare host (what the meta-tag adapter names it). Null for URLs that are not http(s).
 */
export function siteOfUrl(url: string | URL | undefined): string | null {
  if (!url) return null;
  const parsed = parseUrl(url);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return null;
  return adapterForUrl(parsed)?.site ?? bareHost(parsed.hostname);
}

/** The name citations and excerpt snapshots give a site: the built-in adapter's, else the site id itself. */
export function siteNameOf(site: string): string {
  return builtInAdapters.find((adapter) => adapter.site === site && ownsSite(adapter))?.siteName ?? site;
}
