// The generic reader for article pages of sites no adapter knows, when the reader asks for one. A content
// extractor (sites/generic-bundle.ts picks which) finds the article's text on a COPY of the page; this module
// only uses that text to find the live element that holds the body, then maps the page's own nodes and
// reads title, date and source with the same helpers as the built-in adapters. Not imported by the registry:
// it travels in its own bundle, so the portal's content script does not carry an extractor.

import { buildTextMap } from '../anchoring/text-map';
import { isSiteId } from '../records/article-key';
import { assemble, bareHost, canonicalUrl, editorFrom, first, infoLine, isListPath, labelled, meta, parseDate, parseUrl, pathId, squash, SOURCE_LABELS, stripSiteSuffix, textOf } from './common';
import type { SiteArticle } from './types';

/** What an extractor found on its copy of the page: the body's text, and its title when it has one. */
export interface ExtractedCopy {
  text: string;
  title: string | null;
}

/** Runs an extractor on a copy of `doc` (never the live page: extractors rewrite what they get). */
export type Extractor = (doc: Document, url: string) => ExtractedCopy | null;

const MIN_BODY_CHARS = 80;
// Lines of the extractor's text that are long enough to locate in the live page (short ones recur in menus).
const MIN_PROBE_CHARS = 12;
const PROBE_PREFIX = 24;
// The body is the deepest element that holds this share of the probes' text.
const BODY_SHARE = 0.85;
// Where the body's text stops: editor and credits lines (also 作者：… 责编：… on one line), share and print bars.
const TRAILER = /^[(（【]?(?:责任编辑|责编|编辑|审核|校对)[:：]|^(?:作者|记者)[:：].{0,40}?(?:责编|责任编辑|编辑)[:：]|^扫一扫|^【?(?:打印|关闭|纠错)】?$|^分享到/;
const SITE_WORDS = /(?:网|站|部|局|委|厅|办|政府|中心|报|台|频道|新闻|在线|门户)$/;
const DATE_METAS = ['PubDate', 'article:published_time', 'publishdate', 'pubdate', 'firstpublishedtime', 'datePublished', 'date'];

/** Reads the article on `doc` at `url`, or null when the extractor finds no article there. Never throws. */
export function readGenericArticle(doc: Document, url: string, extract: Extractor): SiteArticle | null {
  try {
    return read(doc, url, extract);
  } catch {
    return null;
  }
}

function read(doc: Document, url: string, extract: Extractor): SiteArticle | null {
  const page = parseUrl(url);
  const site = page ? bareHost(page.hostname) : '';
  const id = page ? pathId(page) : null;
  if (!page || !id || !isSiteId(site) || isListPath(page.pathname) || !doc.body) return null;
  const copy = extract(doc, url);
  if (!copy || squash(copy.text).length < MIN_BODY_CHARS) return null;
  const body = liveBody(doc, copy.text);
  if (!body) return null;
  const siteName = meta(doc, 'SiteName') ?? meta(doc, 'og:site_name') ?? site;
  const title = cleanTitle(meta(doc, 'ArticleTitle') ?? copy.title ?? doc.title, siteName);
  const heading = liveHeading(doc, title, body);
  // The date/source line sits between headline and body, or opens the body; unlabelled dates are read only
  // there. Labelled facts (来源：, 发布日期：, a 政府信息公开 table) may also stand just before the body.
  const between = heading ? textBetween(heading, body) : '';
  const info = infoLine(`${between} ${textOf(body).slice(0, 200)}`);
  const near = `${textBefore(body)} ${between}`;
  const editorLine = Array.from(body.querySelectorAll('p, div')).map((element) => textOf(element)).find((text) => TRAILER.test(text) && /编/.test(text));
  return assemble({
    site,
    siteName,
    siteNameEn: site,
    id,
    url: canonicalUrl(doc, page, (host) => bareHost(host) === site),
    title: heading ? textOf(heading) : title,
    heading,
    body,
    exclude: (element) => element.matches('script, style, noscript, nav, aside, form, button, iframe'),
    stopAt: TRAILER,
    publishedAt:
      DATE_METAS.map((name) => parseDate(meta(doc, name))).find(Boolean) ??
      // A labelled publication date beats the first date of the line (成文日期 often comes first).
      parseDate(/(?:发布日期|发布时间|发稿时间)\s*[:：]\s*(.{0,40})/.exec(near)?.[1]) ??
      info.publishedAt,
    source: meta(doc, 'ContentSource') ?? labelled(near, `${SOURCE_LABELS}|发文单位|发布机构`) ?? info.source ?? sourceMeta(doc),
    author: info.author,
    editor: editorLine ? editorFrom(editorLine) : null,
    column: [],
  });
}

/** The `<title>` (or extractor title) without a trailing site name: only a part that names a site is cut. */
export function cleanTitle(title: string, siteName: string): string {
  const stripped = stripSiteSuffix(title, [siteName, SITE_WORDS], { channels: 2 });
  // A bare hyphen before a site's name (`标题-某某县人民政府`); elsewhere hyphens join names (中国-东盟).
  const bare = /^(.{4,}?)-([^-]{2,30})$/.exec(stripped);
  return bare && SITE_WORDS.test(bare[2]!) ? bare[1]!.trim() : stripped;
}

/**
 * The live element holding the body: each long line of the extractor's text is found in the page's own text,
 * and the deepest element holding most of them wins. Whitespace is ignored on both sides (extractors
 * re-space text).
 */
function liveBody(doc: Document, extracted: string): Element | null {
  const map = buildTextMap([doc.body], { exclude: (element) => element.matches('script, style, noscript, template') });
  // The page's text without whitespace, with each character's offset in map.text.
  let dense = '';
  const offsets: number[] = [];
  for (let i = 0; i < map.text.length; i++) {
    const ch = map.text[i]!;
    if (/\s/.test(ch)) continue;
    dense += ch;
    offsets.push(i);
  }
  const weights = new Map<Element, number>();
  let located = 0;
  let from = 0;
  for (const line of extracted.split(/\n+/)) {
    const probe = line.replace(/\s+/g, '');
    if (probe.length < MIN_PROBE_CHARS) continue;
    const prefix = probe.slice(0, PROBE_PREFIX);
    // In reading order first; a line the extractor moved (a caption) is looked for from the top.
    let at = dense.indexOf(prefix, from);
    if (at < 0) at = dense.indexOf(prefix);
    if (at < 0) continue;
    from = at + prefix.length;
    const node = nodeAt(map, offsets[at]!);
    const element = node?.parentElement;
    if (!element) continue;
    located += probe.length;
    for (let ancestor: Element | null = element; ancestor; ancestor = ancestor.parentElement) {
      weights.set(ancestor, (weights.get(ancestor) ?? 0) + probe.length);
    }
  }
  if (located === 0) return null;
  let best: Element | null = null;
  let bestDepth = -1;
  for (const [element, weight] of weights) {
    if (weight < located * BODY_SHARE) continue;
    const depth = depthOf(element);
    if (depth > bestDepth) {
      best = element;
      bestDepth = depth;
    }
  }
  return best && best !== doc.documentElement ? best : doc.body;
}

function nodeAt(map: ReturnType<typeof buildTextMap>, offset: number): Text | null {
  let low = 0;
  let high = map.segments.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const segment = map.segments[mid]!;
    if (offset < segment.start) high = mid - 1;
    else if (offset >= segment.start + segment.node.data.length) low = mid + 1;
    else return segment.node;
  }
  return null;
}

function depthOf(element: Element): number {
  let depth = 0;
  for (let node: Element | null = element; node; node = node.parentElement) depth++;
  return depth;
}

/** The headline element: a heading whose text is the title (or starts it), outside the body or opening it. */
function liveHeading(doc: Document, title: string, body: Element): Element | null {
  const wanted = squash(title);
  if (!wanted) return null;
  const candidates = Array.from(doc.querySelectorAll('h1, h2, h3, .title, .tit, .article-title, #title'));
  // Old templates set the headline in <font>/<b> inside a table cell: those count only when their text is the title.
  const exact =
    candidates.find((element) => textOf(element) === wanted) ??
    Array.from(doc.querySelectorAll('b, strong, font, td, p, div')).find(
      // The length test first: a container's text is long, and squashing every one would cost the page a lot.
      (element) => (element.textContent?.length ?? 0) < wanted.length * 2 + 40 && !element.contains(body) && textOf(element) === wanted,
    );
  const found = exact ?? candidates.find((element) => textOf(element).length >= 6 && wanted.startsWith(textOf(element)));
  if (found && (!body.contains(found) || body.firstElementChild === found || first(body, 'h1, h2, h3') === found)) return found;
  return null;
}

/**
 * The last few hundred characters of the page's text before the body (menus first, facts last), one space
 * between text nodes so that table cells (发文单位 | 应急管理部 | 所属机构) stay apart.
 */
function textBefore(body: Element): string {
  const doc = body.ownerDocument;
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  const pieces: string[] = [];
  for (let node = walker.nextNode(); node && !body.contains(node); node = walker.nextNode()) {
    if (body.compareDocumentPosition(node) & 4 /* DOCUMENT_POSITION_FOLLOWING */) break;
    if (node.parentElement?.closest('script, style, noscript, template')) continue;
    const text = squash(node.nodeValue);
    if (text) pieces.push(text);
    if (pieces.length > 80) pieces.shift();
  }
  return pieces.join(' ').slice(-500);
}

/** `meta name=source`, which some sites fill with the label too (来源：人民日报). */
function sourceMeta(doc: Document): string | null {
  const value = meta(doc, 'source');
  return value ? (labelled(value, SOURCE_LABELS) ?? value) : null;
}

/** Text of the page between the end of `heading` and the start of `body` (the date/source line), bounded. */
function textBetween(heading: Element, body: Element): string {
  const doc = heading.ownerDocument;
  const range = doc.createRange();
  try {
    range.setStartAfter(heading);
    if (body.contains(heading)) range.setEnd(body, body.childNodes.length);
    else range.setEndBefore(body);
  } catch {
    return '';
  }
  return squash(range.toString()).slice(0, 300);
}
