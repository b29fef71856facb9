// Site adapter for 中国灾害防御信息网 (zaihaifangyu.cn, a WordPress site on the wpcom "JustNews" theme).
// Decides article page vs anything else, and reads an article: metadata plus the body text with its map
// back to DOM text nodes. Both theme generations are handled; every part but the title and body may be missing.

import { buildTextMap, type TextMap } from '../anchoring/text-map';
import type { ArticleMetadata } from '../records/article';
import { PORTAL_HOSTS } from './portal-hosts';

export const SITE_NAME = '中国灾害防御信息网';

export interface PortalArticle extends ArticleMetadata {
  /** Title, then the body: one virtual '\n' between blocks. */
  text: string;
  /** Offset in `text` where the body begins (after the title). */
  bodyStart: number;
  /** Text ⇄ DOM map; absent when the article was read without DOM nodes to map (never for live pages). */
  map: TextMap;
}

const ARTICLE_PATH = /^\/(\d+)\.html$/;
const BODY_SELECTOR = 'article .entry-content, .entry-content.clearfix, .entry-content';
// Inside the body: the copyright line, tags, share/like bar, ads and anything embedded that is not reading text.
const BODY_EXCLUDED =
  '.entry-copyright, .entry-tag, .entry-action, .entry-page, .entry-related, .wpcom_ad_wrap, .wpcom_myimg_wrap, #comments, .comments-area, .related-posts, .post-nav, .entry-footer';

export function isPortalHost(hostname: string): boolean {
  return (PORTAL_HOSTS as readonly string[]).includes(hostname.toLowerCase());
}

/** Post id when the URL has the shape of a portal article, else null. Cheap: run before touching the DOM. */
export function articlePostId(url: string | URL): string | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (!isPortalHost(parsed.hostname)) return null;
  return ARTICLE_PATH.exec(parsed.pathname)?.[1] ?? null;
}

/** Text of an element as a reader sees it: without the theme's visually hidden spans. */
function visibleText(element: Element): string {
  let text = '';
  const walk = (node: Node) => {
    if (node.nodeType === 3) text += (node as Text).data;
    else if (node.nodeType === 1 && !(node as Element).classList.contains('hide')) {
      for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    }
  };
  walk(element);
  return text.replace(/\s+/g, ' ').trim();
}

function readBreadcrumb(doc: Document, title: string): string[] {
  const crumb = doc.querySelector('ol.breadcrumb, .breadcrumb');
  if (!crumb) return [];
  const items = Array.from(crumb.querySelectorAll('li'));
  return items
    .map((item) => visibleText(item))
    .filter((text, index) => text !== '' && !(index === 0 && /首页$/.test(text)) && text !== title && text !== '正文');
}

const ISO_DATE = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s+(\d{1,2}:\d{2}(?::\d{2})?))?/;

function readPublishedAt(doc: Document): string | null {
  const time = doc.querySelector('.entry-info time[datetime], time.entry-date[datetime]');
  const datetime = time?.getAttribute('datetime')?.trim();
  if (datetime && /^\d{4}-\d{2}-\d{2}/.test(datetime)) return datetime;
  const candidates = doc.querySelectorAll('.entry-info .entry-date, .entry-info time, .entry-info span');
  for (const element of Array.from(candidates)) {
    const match = ISO_DATE.exec(element.textContent ?? '');
    if (match) {
      const date = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
      return match[4] ? `${date}T${match[4].length === 5 ? `${match[4]}:00` : match[4]}` : date;
    }
  }
  return null;
}

const COPYRIGHT_SOURCE = /本文来自(.+?)[,，]\s*经授权后发布/;
const ORIGIN_LABEL = /^\s*(?:文章)?来源\s*[:：]\s*/;

function readSource(doc: Document, body: Element): string | null {
  const copyright = body.querySelector('.entry-copyright') ?? doc.querySelector('.entry-copyright');
  const fromCopyright = COPYRIGHT_SOURCE.exec(copyright?.textContent ?? '')?.[1]?.trim();
  if (fromCopyright) return fromCopyright;
  const origin = doc.querySelector('.entry-info .origin, .entry-info span.origin');
  const fromOrigin = origin?.textContent?.replace(ORIGIN_LABEL, '').trim();
  return fromOrigin || null;
}

function readCanonicalUrl(doc: Document, pageUrl: URL): string {
  const href = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (href) {
    try {
      const canonical = new URL(href, pageUrl);
      if (isPortalHost(canonical.hostname)) return canonical.href;
    } catch {
      // An unparsable canonical link is the page's problem; fall back to the page URL.
    }
  }
  return `${pageUrl.origin}${pageUrl.pathname}`;
}

/**
 * Reads the article when `doc` is a portal article page, else null (home, category lists, search, other sites,
 * pages missing a title or body). Never throws on odd markup.
 */
export function extractPortalArticle(doc: Document, url: string): PortalArticle | null {
  let pageUrl: URL;
  try {
    pageUrl = new URL(url);
  } catch {
    return null;
  }
  const postId = articlePostId(pageUrl);
  if (!postId) return null;
  const bodyClass = doc.body?.classList;
  if (bodyClass && (bodyClass.contains('home') || bodyClass.contains('archive') || bodyClass.contains('search'))) {
    return null;
  }
  const heading = doc.querySelector('h1.entry-title');
  const body = doc.querySelector(BODY_SELECTOR);
  if (!heading || !body) return null;
  const title = visibleText(heading);
  if (!title) return null;

  const map = buildTextMap([heading, body], { exclude: (element) => element.matches(BODY_EXCLUDED) });
  const headingLength = map.segments
    .filter((segment) => heading.contains(segment.node))
    .reduce((sum, segment) => sum + segment.node.data.length, 0);
  const author = doc.querySelector('.entry-info .nickname, .entry-info .vcard a')?.textContent?.trim() || null;

  return {
    key: `zaihaifangyu.cn/${postId}`,
    postId,
    url: readCanonicalUrl(doc, pageUrl),
    title,
    categories: readBreadcrumb(doc, title),
    publishedAt: readPublishedAt(doc),
    author,
    source: readSource(doc, body),
    text: map.text,
    bodyStart: map.text.length > headingLength ? headingLength + 1 : headingLength,
    map,
  };
}
