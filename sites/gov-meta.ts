// Government sites carrying the common TRS/集约化 meta tags (ArticleTitle, PubDate, ContentSource, ColumnName,
// SiteName): most provincial and ministry sites, with no code of their own. It runs on any host the reader
// enabled, so "article page" is decided by the page: ArticleTitle (lists carry only ColumnName/SiteName) and a
// body container with reading text. The URL test only turns away obvious list, index and search paths.

import { assemble, bareHost, canonicalUrl, editorFrom, findHeading, first, isListPath, meta, parseDate, parseUrl, pathId, textOf } from './common';
import type { SiteAdapter, SiteArticle } from './types';

// Body containers of the common platforms (TRS, Ucap, Hanweb, gkmlpt), most specific first.
const BODIES = '.TRS_Editor; #UCAP-CONTENT; .trs_editor_view; .pages_content; #zoom; .article-content; .art_con; #content; .content';

function read(doc: Document, url: URL): SiteArticle | null {
  const title = meta(doc, 'ArticleTitle');
  const id = pathId(url);
  const body = first(doc, BODIES);
  if (!title || !id || !body || textOf(body).length < 40) return null;
  const heading = findHeading(doc, '', title);
  const editorLine = Array.from(body.querySelectorAll('p, div')).map((element) => textOf(element)).find((text) => /^[(（]?责任编辑[:：]/.test(text));
  const column = meta(doc, 'ColumnName');
  const site = bareHost(url.hostname);
  return assemble({
    site,
    siteName: meta(doc, 'SiteName') ?? site,
    siteNameEn: site,
    id,
    url: canonicalUrl(doc, url, (host) => bareHost(host) === site),
    title,
    heading,
    body,
    exclude: (element) => element.matches('script, style, .share, .bdsharebuttonbox'),
    stopAt: /^[(（]?(?:责任编辑|责编)[:：]/,
    // PubDate on some sites, gov.cn's firstpublishedtime on others.
    publishedAt: parseDate(meta(doc, 'PubDate')) ?? parseDate(meta(doc, 'firstpublishedtime')),
    source: meta(doc, 'ContentSource'),
    // No writer tag in the set (meta author, where present, is the site or an editor).
    author: null,
    editor: editorLine ? editorFrom(editorLine) : null,
    column: column ? [column] : [],
  });
}

export const govMetaAdapter: SiteAdapter = {
  site: 'gov-meta',
  siteName: '政府网站',
  siteNameEn: 'Government website',
  hostPatterns: [],
  // Any host: the reader decides where it runs by enabling the site.
  ownsHost: (hostname) => hostname !== '',
  matchesArticleUrl(url) {
    const parsed = parseUrl(url);
    return !!parsed && !isListPath(parsed.pathname);
  },
  read(doc, url) {
    const parsed = parseUrl(url);
    if (!parsed || !govMetaAdapter.matchesArticleUrl(parsed)) return null;
    try {
      return read(doc, parsed);
    } catch {
      return null;
    }
  },
};
