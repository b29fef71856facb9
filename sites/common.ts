// Helpers shared by the site adapters and the generic extractor: URL ids, title suffixes, dates, 来源 lines,
// meta tags, and building a SiteArticle from live nodes. No site is named here.

import { buildTextMap, type TextMap } from '../anchoring/text-map';
import { formatArticleKey } from '../records/article-key';
import type { SiteAdapter, SiteArticle } from './types';

export function parseUrl(url: string | URL): URL | null {
  if (url instanceof URL) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

/** Hostname lowercased without a leading `www.`. */
export function bareHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

/** Whether `hostname` is `domain` or one of its subdomains. */
export function hostIsOrUnder(hostname: string, domain: string): boolean {
  const host = hostname.toLowerCase();
  return host === domain || host.endsWith(`.${domain}`);
}

const ID_CHARS = /[^A-Za-z0-9._~/-]+/g;
const SCRIPT_EXT = /\.(php|aspx?|jsp|do|cgi)$/i;

/**
 * Stable id from a URL path: without leading/trailing slashes and the page extension
 * (`/xw/yjglbgzdt/202401/t20240102_473120.shtml` → `xw/yjglbgzdt/202401/t20240102_473120`). A script path keeps
 * its extension and adds its query (`/plus/view.php?aid=1` → `plus/view.php/aid-1`). Null when nothing is left.
 */
export function pathId(url: URL, options: { dropSuffix?: RegExp } = {}): string | null {
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep the raw path
  }
  if (options.dropSuffix) path = path.replace(options.dropSuffix, '');
  if (SCRIPT_EXT.test(path) && url.search.length > 1) {
    const query = Array.from(url.searchParams.entries())
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}-${v}`)
      .join('/');
    path = `${path}/${query}`;
  } else {
    path = path.replace(/\.(s?html?|xhtml)$/i, '');
  }
  const id = path
    .replace(ID_CHARS, '-')
    .replace(/\/{2,}/g, '/')
    .replace(/^[/.]+|\/+$/g, '')
    .slice(0, 200)
    .replace(/\/+$/, '');
  return id === '' ? null : id;
}

const LIST_PATH = /(?:^|\/)(?:index|default|list|search|col\d*)(?:_\d+)?(?:\.\w+)?$|\/$/i;

/** Whether a path on a site no adapter knows is a home, list, index or search page (never an article). */
export const isListPath = (pathname: string): boolean => LIST_PATH.test(pathname) || /search/i.test(pathname);

/** `<meta name=…>` or `<meta property=…>` content, case-insensitive on the name; null when absent or blank. */
export function meta(doc: Document, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const element of Array.from(doc.querySelectorAll('meta[name], meta[property]'))) {
    const key = (element.getAttribute('name') ?? element.getAttribute('property') ?? '').toLowerCase();
    if (key === wanted) {
      const content = element.getAttribute('content')?.trim();
      if (content) return content;
    }
  }
  return null;
}

export function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

const BLOCKS = /^(?:ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|BR|DD|DIV|DL|DT|FOOTER|H[1-6]|HEADER|HR|LI|OL|P|SECTION|TABLE|TD|TH|TR|UL)$/;

/** An element's text as one line: block children (the parts of a date/source line) stay apart. */
export function textOf(element: Element | null | undefined): string {
  if (!element) return '';
  let text = '';
  const walk = (node: Node): void => {
    if (node.nodeType === 3) text += (node as Text).data;
    else if (node.nodeType === 1) {
      const tag = (node as Element).tagName.toUpperCase();
      if (tag === 'SCRIPT' || tag === 'STYLE') return;
      const block = BLOCKS.test(tag);
      if (block) text += ' ';
      for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
      if (block) text += ' ';
    }
  };
  walk(element);
  return squash(text);
}

export function first(doc: ParentNode, selectors: string): Element | null {
  for (const selector of selectors.split(/\s*;\s*/)) {
    try {
      const found = doc.querySelector(selector);
      if (found) return found;
    } catch {
      // an unsupported selector in this DOM: try the next one
    }
  }
  return null;
}

const SEPARATOR = /\s*(?:--|——|_|\||｜|-\s|\s-|—)\s*/;

/**
 * Title without a trailing site suffix. `suffixes` are names (or patterns) of the site; everything from the
 * first separator followed only by channel names and a suffix is cut, e.g. `标题--经济·科技--人民网` → `标题`.
 */
export function stripSiteSuffix(title: string, suffixes: readonly (string | RegExp)[], options: { channels?: number } = {}): string {
  let result = squash(title);
  // A bare hyphen before the site's name (`标题-新华网`) separates too; elsewhere it is part of names (中国-东盟).
  for (const suffix of suffixes) {
    if (typeof suffix === 'string' && /[^-\s]-$/.test(result.slice(0, -suffix.length)) && result.endsWith(suffix)) {
      result = result.slice(0, -suffix.length - 1).trim();
    }
  }
  const matchesSuffix = (part: string) =>
    suffixes.some((suffix) => (typeof suffix === 'string' ? part === suffix : suffix.test(part)));
  for (let round = 0; round < 4; round++) {
    const parts = result.split(SEPARATOR);
    if (parts.length < 2) break;
    const last = parts[parts.length - 1]!;
    if (!matchesSuffix(last)) break;
    // Drop the suffix, then up to `channels` short channel names before it (人民网's `--<频道>--人民网`).
    let keep = parts.length - 1;
    let channels = options.channels ?? 0;
    while (channels-- > 0 && keep > 1 && parts[keep - 1]!.length <= 12) keep--;
    const cut = nthSeparatorIndex(result, keep);
    if (cut <= 0) break;
    result = result.slice(0, cut).trim();
  }
  return result;
}

function nthSeparatorIndex(text: string, n: number): number {
  const global = new RegExp(SEPARATOR.source, 'g');
  let match: RegExpExecArray | null;
  let count = 0;
  while ((match = global.exec(text))) {
    if (match[0].length === 0) {
      global.lastIndex++;
      continue;
    }
    count++;
    if (count === n) return match.index;
  }
  return -1;
}

const DATE =
  /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT-]*(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?)?/;

/** First date (and time) in `text` as `YYYY-MM-DD` / `YYYY-MM-DDTHH:mm[:ss]`; null when none. */
export function parseDate(text: string | null | undefined): string | null {
  const match = DATE.exec(text ?? '');
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  if (h === undefined || Number(h) > 23) return date;
  return `${date}T${h.padStart(2, '0')}:${mi}${s ? `:${s}` : ''}`;
}

// A value ends at a space, a bar, the next label, or a share widget's 分享到 glued on without a space.
const LABEL_END = '(?=\\s|$|[|｜]|分享到|(?:作者|编辑|责编|责任编辑|发布时间|时间|日期|字号|浏览|阅读|分享|点击)[:：])';

/** Value after a label such as 来源 in a date/source line: `2024-01-02 10:00 来源：新华社` → `新华社`. */
export function labelled(text: string, labels: string): string | null {
  const match = new RegExp(`(?:${labels})\\s*[:：]\\s*(.+?)${LABEL_END}`).exec(text);
  const value = match?.[1]?.trim().replace(/[,，;；、。]$/, '');
  return value ? value : null;
}

export const SOURCE_LABELS = '来源|信息来源|文章来源|稿件来源';

export function editorFrom(text: string): string | null {
  const match = /(?:责任编辑|责编|编辑)\s*[:：]?\s*([^)）\]】|｜\n]+?)\s*[)）\]】]?\s*$/.exec(text.trim());
  return match?.[1]?.trim() || null;
}

/** The page's canonical link when it stays on an accepted host, else the URL without query and fragment. */
export function canonicalUrl(doc: Document, pageUrl: URL, sameSite: (hostname: string) => boolean, keepQuery = false): string {
  const href = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (href) {
    try {
      const canonical = new URL(href, pageUrl);
      if ((canonical.protocol === 'https:' || canonical.protocol === 'http:') && sameSite(canonical.hostname)) {
        canonical.hash = '';
        return canonical.href;
      }
    } catch {
      // fall back to the page URL
    }
  }
  return `${pageUrl.origin}${pageUrl.pathname}${keepQuery ? pageUrl.search : ''}`;
}

/** Cuts the map at the first line matching `stop` (a trailer such as 责编 / 扫一扫 inside the body block). */
export function cutMapAt(map: TextMap, stop: RegExp, from = 0): TextMap {
  let lineStart = from;
  while (lineStart < map.text.length) {
    const lineEnd = map.text.indexOf('\n', lineStart);
    const line = map.text.slice(lineStart, lineEnd < 0 ? map.text.length : lineEnd);
    if (stop.test(line.trim())) {
      const end = lineStart > 0 ? lineStart - 1 : 0;
      return { text: map.text.slice(0, end), segments: map.segments.filter((segment) => segment.start < end) };
    }
    if (lineEnd < 0) break;
    lineStart = lineEnd + 1;
  }
  return map;
}

export interface ArticleParts {
  site: string;
  siteName: string;
  siteNameEn: string;
  id: string;
  url: string;
  title: string;
  /** The headline element on the page, mapped before the body when it is not inside it. */
  heading: Element | null;
  body: Element;
  exclude?: (element: Element) => boolean;
  /** Trailer lines inside the body where the text stops (作者/责编/扫一扫…). */
  stopAt?: RegExp;
  publishedAt: string | null;
  source: string | null;
  author: string | null;
  editor: string | null;
  column?: string[];
}

/** Builds the SiteArticle from live nodes; null when the body holds no text. */
export function assemble(parts: ArticleParts): SiteArticle | null {
  const heading = parts.heading && !parts.heading.contains(parts.body) ? parts.heading : null;
  const roots = heading ? [heading, parts.body] : [parts.body];
  // A heading inside the body block (some templates) is mapped once, first, and skipped where it sits.
  let headingSeen = false;
  const exclude = (element: Element): boolean => {
    if (element === heading) {
      if (headingSeen) return true;
      headingSeen = true;
      return false;
    }
    return parts.exclude?.(element) ?? false;
  };
  let map = buildTextMap(roots, { exclude });
  const headingLength = heading
    ? map.segments.filter((segment) => heading.contains(segment.node)).reduce((sum, segment) => sum + segment.node.data.length, 0)
    : 0;
  const bodyStart = headingLength > 0 && map.text.length > headingLength ? headingLength + 1 : headingLength;
  if (parts.stopAt) map = cutMapAt(map, parts.stopAt, bodyStart);
  if (map.text.slice(bodyStart).trim() === '' || !parts.title) return null;
  return {
    site: parts.site,
    siteName: parts.siteName,
    siteNameEn: parts.siteNameEn,
    id: parts.id,
    key: formatArticleKey(parts.site, parts.id),
    url: parts.url,
    title: parts.title,
    publishedAt: parts.publishedAt,
    source: parts.source || null,
    author: parts.author || null,
    editor: parts.editor || null,
    column: parts.column ?? [],
    text: map.text,
    bodyStart,
    map,
  };
}

/** Host match patterns for a list of hosts (`*.people.com.cn` kept as is). */
export function matchPatterns(hosts: readonly string[]): string[] {
  return hosts.flatMap((host) => [`http://${host}/*`, `https://${host}/*`]);
}

/** Whether `hostname` is one of `hosts` (`*.x` accepts x and its subdomains). */
export function hostIn(hostname: string, hosts: readonly string[]): boolean {
  const host = hostname.toLowerCase();
  return hosts.some((entry) => (entry.startsWith('*.') ? hostIsOrUnder(host, entry.slice(2)) : host === entry));
}

/** The headline: the page's heading element, else `ArticleTitle`, else `<title>` without the site suffix. */
export function headline(
  doc: Document,
  heading: Element | null,
  suffixes: readonly (string | RegExp)[],
  channels = 0,
): string {
  return textOf(heading) || meta(doc, 'ArticleTitle') || stripSiteSuffix(doc.title, suffixes, { channels });
}

/** The headline element: the first of `selectors`, else a heading whose text is `title` (a page's logo may be an h1). */
export function findHeading(doc: ParentNode, selectors: string, title: string | null): Element | null {
  const found = selectors ? first(doc, selectors) : null;
  if (found || !title) return found;
  return Array.from(doc.querySelectorAll('h1, h2, h3, .title, .tit')).find((element) => textOf(element) === title) ?? null;
}

const CRUMB_SPLIT = /\s*(?:>>|>|›|»|→|\/)\s*/;
const CRUMB_NOISE = /^(?:首页|网站首页|主页|当前位置[:：]?.*|您现在的位置[:：]?.*|正文|详情|home)$/i;

/**
 * Breadcrumb items, outermost first, without the home item, the "you are here" label and 正文. Links when the
 * container has them, else its text split on `>`; `drop` names items to leave out as well (the site's own name).
 */
export function breadcrumb(container: Element | null, drop: readonly string[] = []): string[] {
  if (!container) return [];
  const links = Array.from(container.querySelectorAll('a')).map((a) => textOf(a));
  const items = links.length > 0 ? links : textOf(container).split(CRUMB_SPLIT);
  return items
    .map((item) => item.replace(/^(?:当前位置|您现在的位置|所在位置)[:：]\s*/, '').trim())
    .filter((item) => item !== '' && !CRUMB_NOISE.test(item) && !drop.includes(item));
}

/** Date, source, author and editor from a page's date/source line (`2024-01-02 10:00 来源：新华社 作者：…`). */
export function infoLine(text: string): { publishedAt: string | null; source: string | null; author: string | null } {
  return {
    publishedAt: parseDate(text),
    source: labelled(text, SOURCE_LABELS),
    author: labelled(text, '作者|记者|撰稿'),
  };
}

export interface AdapterSpec {
  site: string;
  siteName: string;
  siteNameEn: string;
  /** Exact hostnames; `*.x` for x and every subdomain. */
  hosts: readonly string[];
  /** Path shapes of article pages (lists, indexes and directories never match). */
  articlePaths: readonly RegExp[];
  /**
   * Reads an article page already known to be on the site with an article URL shape; the site's identity and
   * the canonical URL (kept on the site's own hosts) are filled in by defineAdapter.
   */
  read(doc: Document, url: URL): PageParts | null;
}

/** What an adapter reads off the page; ArticleParts without what the adapter's spec already says. */
export type PageParts = Omit<ArticleParts, 'site' | 'siteName' | 'siteNameEn' | 'url'>;

/** A SiteAdapter from its hosts, article path shapes and reader; read() never throws. */
export function defineAdapter(spec: AdapterSpec): SiteAdapter {
  const ownsHost = (hostname: string) => hostIn(hostname, spec.hosts);
  const matchesArticleUrl = (url: string | URL) => {
    const parsed = parseUrl(url);
    return !!parsed && ownsHost(parsed.hostname) && spec.articlePaths.some((shape) => shape.test(parsed.pathname));
  };
  return {
    site: spec.site,
    siteName: spec.siteName,
    siteNameEn: spec.siteNameEn,
    hostPatterns: matchPatterns(spec.hosts),
    ownsHost,
    matchesArticleUrl,
    read(doc: Document, url: string): SiteArticle | null {
      const parsed = parseUrl(url);
      if (!parsed || !matchesArticleUrl(parsed)) return null;
      try {
        const parts = spec.read(doc, parsed);
        if (!parts) return null;
        const { site, siteName, siteNameEn } = spec;
        return assemble({ ...parts, site, siteName, siteNameEn, url: canonicalUrl(doc, parsed, ownsHost) });
      } catch {
        return null;
      }
    },
  };
}
