// Paints analysis spans into the page. With the CSS Custom Highlight API nothing in the page's DOM changes:
// one named Highlight per style, drawn by ::highlight() rules in a small document stylesheet. Where the API
// is missing, spans are wrapped in <mark> elements instead (and the text map must be rebuilt afterwards).

import { rangeFor, type TextMap } from '../anchoring/text-map';
import {
  STYLE_COLOURS,
  lookCss,
  STYLE_LAYER,
  STYLE_PRIORITY,
  type HighlightStyle,
  type PaintSpan,
} from './layers';
import { ALL_LAYERS_ON, type LayerVisibility } from '../records/preferences';


const PREFIX = 'anyue-';
const FLASH = `${PREFIX}flash`;
const STYLES = Object.keys(STYLE_COLOURS) as HighlightStyle[];
/** Long enough to find with the eye after a scroll, short enough not to stay as a mark of its own. */
export const FLASH_MS = 2_000;

export interface Painter {
  /** Replaces everything painted with these spans. Returns true when the page's DOM was changed (fallback). */
  paint(spans: PaintSpan[], map: TextMap): boolean;
  setLayers(layers: LayerVisibility): void;
  /** Briefly marks a span (after a click in the sidebar scrolled to it). */
  flash(map: TextMap, start: number, end: number): Range | null;
  /** How many ranges each style holds now while its layer is visible (for tests and the legend). */
  counts(): Partial<Record<HighlightStyle, number>>;
  clear(): void;
}

function isShown(style: HighlightStyle, layers: LayerVisibility): boolean {
  const layer = STYLE_LAYER[style];
  return layer === null || layers[layer];
}

function stylesheet(useHighlightApi: boolean): string {
  const rule = (style: HighlightStyle | 'flash') => {
    // Underlined too, so the flash shows over a yellow highlight of the reader's.
    if (style === 'flash') return 'background-color: #ffd43b; color: #1a1a1a; text-decoration: underline 3px #e8590c;';
    return lookCss(STYLE_COLOURS[style]);
  };
  const all = [...STYLES, 'flash' as const];
  return useHighlightApi
    ? all.map((style) => `::highlight(${PREFIX}${style}) { ${rule(style)} }`).join('\n')
    : all.map((style) => `mark[data-anyue="${style}"] { ${rule(style)} padding: 0; }`).join('\n') +
        `\nmark[data-anyue][hidden-layer] { background: none; text-decoration: none; }`;
}

function hasHighlightApi(doc: Document): boolean {
  const view = doc.defaultView as unknown as { Highlight?: unknown; CSS?: { highlights?: unknown } } | null;
  return !!view && typeof view.Highlight === 'function' && !!view.CSS?.highlights;
}

export function createPainter(doc: Document): Painter {
  const api = hasHighlightApi(doc);
  const style = doc.createElement('style');
  style.dataset.anyue = 'highlights';
  style.textContent = stylesheet(api);
  (doc.head ?? doc.documentElement).append(style);
  return api ? highlightApiPainter(doc) : markPainter(doc);
}

function highlightApiPainter(doc: Document): Painter {
  const view = doc.defaultView as unknown as {
    Highlight: new (...ranges: Range[]) => Highlight;
    CSS: { highlights: Map<string, Highlight> };
  };
  const registry = view.CSS.highlights;
  let layers: LayerVisibility = { ...ALL_LAYERS_ON };
  let byStyle = new Map<HighlightStyle, Highlight>();
  let flashTimer: ReturnType<typeof setTimeout> | undefined;

  const register = () => {
    for (const name of STYLES) registry.delete(`${PREFIX}${name}`);
    for (const [name, highlight] of byStyle) {
      if (isShown(name, layers)) registry.set(`${PREFIX}${name}`, highlight);
    }
  };

  return {
    paint(spans, map) {
      const ranges = new Map<HighlightStyle, Range[]>();
      for (const span of spans) {
        const range = rangeFor(map, span.start, span.end);
        if (!range) continue;
        const list = ranges.get(span.style) ?? [];
        list.push(range);
        ranges.set(span.style, list);
      }
      byStyle = new Map();
      for (const [name, list] of ranges) {
        const highlight = new view.Highlight(...list);
        highlight.priority = STYLE_PRIORITY.indexOf(name);
        byStyle.set(name, highlight);
      }
      register();
      return false;
    },
    setLayers(next) {
      layers = { ...next };
      register();
    },
    flash(map, start, end) {
      const range = rangeFor(map, start, end);
      if (!range) return null;
      const highlight = new view.Highlight(range);
      highlight.priority = STYLE_PRIORITY.length;
      registry.set(FLASH, highlight);
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => registry.delete(FLASH), FLASH_MS);
      return range;
    },
    counts() {
      const counts: Partial<Record<HighlightStyle, number>> = {};
      for (const [name, highlight] of byStyle) if (isShown(name, layers)) counts[name] = highlight.size;
      return counts;
    },
    clear() {
      byStyle = new Map();
      register();
      registry.delete(FLASH);
    },
  };
}

/**
 * The fallback: each text node is cut at span boundaries and each piece wrapped in one <mark> per style that
 * covers it (lowest priority outermost). Text is unchanged, but nodes are split: rebuild the text map after.
 */
function markPainter(doc: Document): Painter {
  let outerMarks: HTMLElement[] = [];
  let layers: LayerVisibility = { ...ALL_LAYERS_ON };

  const allMarks = () => outerMarks.flatMap((mark) => [mark, ...Array.from(mark.querySelectorAll<HTMLElement>('mark[data-anyue]'))]);

  const unwrapAll = () => {
    for (const mark of outerMarks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      parent.replaceChild(doc.createTextNode(mark.textContent ?? ''), mark);
      parent.normalize();
    }
    outerMarks = [];
  };

  const applyLayers = () => {
    for (const mark of allMarks()) {
      const name = mark.dataset.anyue as HighlightStyle;
      mark.toggleAttribute('hidden-layer', !isShown(name, layers));
    }
  };

  const paintSegment = (node: Text, segmentStart: number, spans: PaintSpan[]) => {
    const length = node.data.length;
    const segmentEnd = segmentStart + length;
    const covering = spans.filter((span) => span.start < segmentEnd && span.end > segmentStart);
    if (covering.length === 0) return;
    const cuts = new Set<number>([0, length]);
    for (const span of covering) {
      cuts.add(Math.max(span.start - segmentStart, 0));
      cuts.add(Math.min(span.end - segmentStart, length));
    }
    const points = [...cuts].sort((a, b) => a - b);
    // Split from the end so earlier offsets stay valid in `node`.
    const pieces: { text: Text; from: number; to: number }[] = [];
    for (let i = points.length - 2; i >= 0; i--) {
      const from = points[i]!;
      const to = points[i + 1]!;
      const text = from > 0 ? node.splitText(from) : node;
      pieces.unshift({ text, from, to });
    }
    for (const { text, from, to } of pieces) {
      const styles = [...new Set(
        covering
          .filter((span) => span.start <= segmentStart + from && span.end >= segmentStart + to)
          .map((span) => span.style),
      )].sort((a, b) => STYLE_PRIORITY.indexOf(a) - STYLE_PRIORITY.indexOf(b));
      if (styles.length === 0) continue;
      let outer: HTMLElement | null = null;
      let inner: HTMLElement | null = null;
      for (const name of styles) {
        const mark = doc.createElement('mark');
        mark.dataset.anyue = name;
        if (inner) inner.append(mark);
        else outer = mark;
        inner = mark;
      }
      text.parentNode!.insertBefore(outer!, text);
      inner!.append(text);
      outerMarks.push(outer!);
    }
  };

  return {
    paint(spans, map) {
      unwrapAll();
      for (const segment of map.segments) paintSegment(segment.node, segment.start, spans);
      applyLayers();
      return outerMarks.length > 0;
    },
    setLayers(next) {
      layers = { ...next };
      applyLayers();
    },
    flash(map, start, end) {
      return rangeFor(map, start, end);
    },
    counts() {
      const counts: Partial<Record<HighlightStyle, number>> = {};
      for (const mark of allMarks()) {
        const name = mark.dataset.anyue as HighlightStyle;
        if (isShown(name, layers)) counts[name] = (counts[name] ?? 0) + 1;
      }
      return counts;
    },
    clear: unwrapAll,
  };
}
