// Article text ⇄ DOM text nodes.
// The article text is the concatenation of the visible text nodes under a root, with a virtual '\n'
// between blocks. The virtual newlines belong to no node; every other character maps to exactly one
// (node, offset) pair, so an analysis span [start, end) becomes a DOM Range without drift.

export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in the article text. */
  start: number;
}

export interface TextMap {
  text: string;
  /** Ordered by start; each covers node.data.length characters of text. */
  segments: TextSegment[];
}

export interface TextMapOptions {
  /** Elements whose subtree is left out (besides scripts, styles, hidden elements and form controls). */
  exclude?: (element: Element) => boolean;
}

const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'CANVAS',
  'INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'OPTION', 'HEAD', 'TITLE', 'META', 'LINK',
]);

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH',
  'THEAD', 'TR', 'UL', 'IMG', 'VIDEO',
]);

function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = (element as HTMLElement).style;
  return !!style && (style.display === 'none' || style.visibility === 'hidden');
}

/** Walks the roots once, in order, as consecutive blocks; cost is linear in the number of nodes. */
export function buildTextMap(roots: Node | Node[], options: TextMapOptions = {}): TextMap {
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  // A block boundary is only written once real text follows it, so leading/trailing/double breaks vanish.
  let pendingBreak = false;

  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data.length === 0) return;
      // Whitespace-only nodes between blocks carry no reading text.
      if (pendingBreak && data.trim() === '') return;
      if (pendingBreak && length > 0) {
        parts.push('\n');
        length += 1;
      }
      pendingBreak = false;
      segments.push({ node: node as Text, start: length });
      parts.push(data);
      length += data.length;
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11 && node.nodeType !== 9) return;
    if (node.nodeType === 1) {
      const element = node as Element;
      if (SKIPPED_TAGS.has(element.tagName.toUpperCase())) return;
      if (isHidden(element) || options.exclude?.(element)) return;
    }
    const block = node.nodeType === 1 && BLOCK_TAGS.has((node as Element).tagName.toUpperCase());
    if (block) pendingBreak = true;
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    if (block) pendingBreak = true;
  };
  for (const root of Array.isArray(roots) ? roots : [roots]) {
    pendingBreak = true;
    visit(root);
  }
  return { text: parts.join(''), segments };
}

export interface DomPoint {
  node: Text;
  offset: number;
}

/** Index of the last segment starting at or before (`inclusive`) or strictly before `offset`; -1 if none. */
function lastSegmentBefore(segments: TextSegment[], offset: number, inclusive: boolean): number {
  let low = 0;
  let high = segments.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const start = segments[mid]!.start;
    if (start < offset || (inclusive && start === offset)) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/**
 * The DOM position of a text offset. A start on a node boundary or a virtual break moves forward into the
 * next node, an end moves back into the previous one, so ranges never begin or end in no man's land.
 */
export function pointAt(map: TextMap, offset: number, side: 'start' | 'end'): DomPoint | null {
  const { segments } = map;
  if (offset < 0 || offset > map.text.length) return null;
  const index = lastSegmentBefore(segments, offset, side === 'start');
  const segment = segments[index];
  if (side === 'start') {
    if (segment && offset < segment.start + segment.node.data.length) {
      return { node: segment.node, offset: offset - segment.start };
    }
    const next = segments[index + 1];
    return next ? { node: next.node, offset: 0 } : null;
  }
  if (!segment) return null;
  return { node: segment.node, offset: Math.min(offset - segment.start, segment.node.data.length) };
}

/** A DOM Range for text span [start, end), or null when the span is empty or outside the text. */
export function rangeFor(map: TextMap, start: number, end: number): Range | null {
  if (!(start < end)) return null;
  const from = pointAt(map, start, 'start');
  const to = pointAt(map, end, 'end');
  if (!from || !to) return null;
  const range = from.node.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

const nodeStarts = new WeakMap<TextMap, Map<Text, number>>();

/** The text offset of a DOM position inside one of the map's text nodes; null for any other node. */
export function textOffsetOf(map: TextMap, node: Node, offset: number): number | null {
  let starts = nodeStarts.get(map);
  if (!starts) {
    starts = new Map(map.segments.map((segment) => [segment.node, segment.start]));
    nodeStarts.set(map, starts);
  }
  const start = starts.get(node as Text);
  return start === undefined ? null : start + Math.min(Math.max(offset, 0), (node as Text).data.length);
}

/**
 * The text offset of a Range boundary (a selection's start or end), which may sit in an element rather
 * than a text node, or in text the map leaves out. A start moves forward to the next mapped character,
 * an end back to the previous one.
 */
export function textOffsetAtBoundary(map: TextMap, container: Node, offset: number, side: 'start' | 'end'): number | null {
  const direct = textOffsetOf(map, container, offset);
  if (direct !== null) return direct;
  const { segments } = map;
  if (segments.length === 0) return null;
  const doc = container.ownerDocument ?? (container as Document);
  const boundary = doc.createRange();
  boundary.setStart(container, offset);
  boundary.collapse(true);
  // First segment whose node lies after the boundary (comparePoint: 1 means "after the range").
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (boundary.comparePoint(segments[mid]!.node, 0) >= 0) high = mid;
    else low = mid + 1;
  }
  if (side === 'start') return low < segments.length ? segments[low]!.start : null;
  const previous = segments[low - 1];
  return previous ? previous.start + previous.node.data.length : null;
}
