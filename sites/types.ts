// The contract between site adapters and everything else. Nothing outside sites/ names a site: callers ask
// the registry (sites/index.ts) for the adapter of a URL and get a SiteArticle back.

import type { TextMap } from '../anchoring/text-map';

/** An article read from a live (or parsed) Document, with its text ⇄ DOM map. */
export interface SiteArticle {
  /** Lowercase host-like site id with a dot: `mem.gov.cn`, `people.com.cn`; the hostname without `www.` for meta/generic. */
  site: string;
  /** Site name for citations and the UI, in Chinese and English. */
  siteName: string;
  siteNameEn: string;
  /** Stable id inside the site, from the URL path: 1–200 chars of [A-Za-z0-9._~/-], not starting with '/'. */
  id: string;
  /** `<site>/<id>`. */
  key: string;
  /** Canonical URL (the page's canonical link when it stays on the site, else the URL without query and fragment). */
  url: string;
  /** Headline without the site suffix. */
  title: string;
  /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm[:ss]` (as precise as the page is); null when absent. */
  publishedAt: string | null;
  /** Original source (来源 / ContentSource / 本文来自…); null when the page names none. */
  source: string | null;
  /** Writer(s) of the article (记者, 作者); never the editor. */
  author: string | null;
  /** 责任编辑 / 责编; gov.cn's `meta author` lands here. */
  editor: string | null;
  /** Column / breadcrumb, outermost first, without the home item. */
  column: string[];
  /** Title (when the page shows it), then the body: one virtual '\n' between blocks. */
  text: string;
  /** Offset in `text` where the body begins (0 when the title is not part of the mapped text). */
  bodyStart: number;
  /** Text ⇄ live DOM map, built from the document's own nodes. */
  map: TextMap;
}

export interface SiteAdapter {
  /** Site id (see SiteArticle.site); for the meta-tag adapter the literal 'gov-meta'. */
  readonly site: string;
  readonly siteName: string;
  readonly siteNameEn: string;
  /** Match patterns of the site's hosts (optional permissions, dynamic content scripts); [] for any-host adapters. */
  readonly hostPatterns: readonly string[];
  /** Whether the hostname belongs to this adapter's site (cheap, no DOM). */
  ownsHost(hostname: string): boolean;
  /** Whether the URL has the shape of one of the site's article pages (cheap, before the DOM). */
  matchesArticleUrl(url: string | URL): boolean;
  /** The article when `doc` is an article page at `url`, else null (lists, indexes, search, landing pages). Never throws. */
  read(doc: Document, url: string): SiteArticle | null;
}
