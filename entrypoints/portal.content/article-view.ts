// Everything the content script does on an article page once it is read: analyse, paint, explain under
// the pointer, follow late text, and obey the sidebar (reveal, layers, corrections).

import type { AnalysisResult, ReaderCorrections } from '../../analysis/types';
import { anchorTargets } from '../../anchoring/reanchor';
import { textOffsetAtBoundary, type TextMap } from '../../anchoring/text-map';
import { mountHoverCard } from '../../highlights/hover-card';
import { labels } from '../../highlights/labels';
import { paintSpans, type PaintSpan } from '../../highlights/layers';
import { type LayerVisibility } from '../../records/preferences';
import { createPainter } from '../../highlights/painter';
import { summarise } from '../../highlights/summary';
import type { AnalysisSummary } from '../../records/analysis';
import type { AnchorStatus, PaintableAnnotation, PassageTarget } from '../../messaging/protocol';
import type { UiLanguage } from '../../records/preferences';
import type { SpeakerRef } from '../../records/annotation';
import type { SiteArticle } from '../../sites';

export type Analyse = (text: string, corrections: ReaderCorrections) => AnalysisResult;

export type PassageOutcome = { status: 'shown' } | { status: 'orphan'; reason: string } | { status: 'gone' };

export interface ArticleView {
  readonly summary: AnalysisSummary;
  setCorrections(corrections: ReaderCorrections): void;
  setLayers(layers: LayerVisibility): void;
  setLanguage(language: UiLanguage): void;
  /** Scrolls to a span of the article text and flashes it; false when the span is not in the page. */
  reveal(start: number, end: number): boolean;
  /** The reader's highlights of this article: anchored again on every call and on every text change. */
  setAnnotations(annotations: PaintableAnnotation[]): void;
  /** The current selection as a span of the article text, trimmed; null when it is not in the article (or too long). */
  selectedSpan(): { start: number; end: number } | null;
  /** The selection is in the article but longer than a highlight may be. */
  selectionTooLong(): boolean;
  /** The reader's annotation of this kind placed exactly on this span on this visit, if any. */
  annotationAt(start: number, end: number, kind: PaintableAnnotation['kind']): string | null;
  /** Scrolls to a passage the library linked to and flashes it; else says why it cannot be placed. */
  showPassage(passage: PassageTarget): PassageOutcome;
  /** Speakers whose attributed passages a span falls in. */
  speakersIn(start: number, end: number): SpeakerRef[];
  readonly text: string;
}

interface Options {
  doc: Document;
  article: SiteArticle;
  analyse: Analyse;
  /** Re-reads the article from the page (after late or re-rendered text). */
  reread(): SiteArticle | null;
  /** Called after each analysis with what the sidebar shows. */
  onAnalysed(summary: AnalysisSummary, key: string): void;
  /** Called after the reader's highlights were anchored, with where each landed. */
  onAnchored(anchors: Record<string, AnchorStatus>, key: string): void;
  /** The reader clicked one of their highlights. */
  onOwnHighlightClick(id: string): void;
}

const LATE_TEXT_DELAY_MS = 250;

export const MAX_SELECTION = 4_000;

export function startArticleView({ doc, article, analyse, reread, onAnalysed, onAnchored, onOwnHighlightClick }: Options): ArticleView {
  let corrections: ReaderCorrections = {};
  let language: UiLanguage = 'zh-CN';
  let map: TextMap = article.map;
  let spans: PaintSpan[] = [];
  let summary: AnalysisSummary = { speakers: [], people: [], phrases: [] };
  let phraseGroup: number[] = [];
  let annotations: PaintableAnnotation[] = [];
  /** Anchored annotations, indexed by the `ref` of their painted spans. */
  let placed: { id: string; start: number; end: number }[] = [];
  let anchorsById: Record<string, AnchorStatus> = {};
  let anchoredText: string | null = null;
  const painter = createPainter(doc);
  const card = mountHoverCard(doc, labels);
  const view = doc.defaultView!;

  // Late text: the site (or an ad script) may add or re-render body text after we ran. Watched, and where a
  // selection counts: the elements the site adapter mapped (headline and body), whatever the site.
  const observed = articleRoots(article.map, article.bodyStart);
  let lateTimer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(lateTimer);
    lateTimer = setTimeout(() => {
      const again = reread();
      if (again) {
        map = again.map;
        refresh();
      }
    }, LATE_TEXT_DELAY_MS);
  });
  const observe = () => {
    for (const element of observed) observer.observe(element, { childList: true, subtree: true, characterData: true });
  };

  let analysisSpans: PaintSpan[] = [];

  /** Places the reader's highlights in the current text (again only when the text or the list changed). */
  function anchorAnnotations(): void {
    if (anchoredText === map.text) return;
    anchoredText = map.text;
    const results = anchorTargets(map.text, annotations.map((annotation) => annotation.target));
    const anchors: Record<string, AnchorStatus> = {};
    placed = [];
    results.forEach((result, i) => {
      const { id } = annotations[i]!;
      if (result.status === 'anchored') {
        anchors[id] = { status: 'anchored', start: result.start, end: result.end };
        placed.push({ id, start: result.start, end: result.end });
      } else {
        anchors[id] = { status: 'orphan', reason: result.reason };
      }
    });
    anchorsById = anchors;
    onAnchored(anchors, article.key);
  }

  /** The selection as a trimmed span of the article text, whatever its length. */
  function measureSelection(): { start: number; end: number } | null {
    const selection = doc.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    if (!observed.some((root) => range.intersectsNode(root))) return null;
    let start = textOffsetAtBoundary(map, range.startContainer, range.startOffset, 'start');
    let end = textOffsetAtBoundary(map, range.endContainer, range.endOffset, 'end');
    if (start === null || end === null) return null;
    while (start < end && /\s/.test(map.text[start]!)) start++;
    while (end > start && /\s/.test(map.text[end - 1]!)) end--;
    return start < end ? { start, end } : null;
  }

  function reveal(start: number, end: number): boolean {
    const range = painter.flash(map, start, end);
    if (!range) return false;
    const rect = range.getBoundingClientRect();
    view.scrollBy({ top: rect.top - view.innerHeight / 3, behavior: 'smooth' });
    return true;
  }

  function paint(): void {
    anchorAnnotations();
    const colours = new Map(annotations.map((annotation) => [annotation.id, annotation.colour]));
    const userSpans: PaintSpan[] = placed.map((span, ref) => ({ start: span.start, end: span.end, style: `user-${colours.get(span.id)!}`, ref }));
    spans = [...analysisSpans, ...userSpans].sort((a, b) => a.start - b.start || b.end - a.end);
    observer.disconnect();
    // The <mark> fallback splits text nodes: the map must then be read again (the text stays the same).
    if (painter.paint(spans, map)) map = reread()?.map ?? map;
    observer.takeRecords();
    observe();
  }

  function refresh(): void {
    const result = analyse(map.text, corrections);
    analysisSpans = paintSpans(map.text, result);
    ({ summary, phraseGroup } = summarise(map.text, result));
    paint();
    onAnalysed(summary, article.key);
  }

  let pending = false;
  let lastPointer = { x: 0, y: 0 };
  doc.addEventListener(
    'pointermove',
    (event) => {
      lastPointer = { x: event.clientX, y: event.clientY };
      // While the reader drags a selection the toolbar matters, not the card.
      if (event.buttons !== 0) return card.hide();
      if (pending) return;
      pending = true;
      view.requestAnimationFrame(() => {
        pending = false;
        card.showAt(lastPointer.x, lastPointer.y, { map, spans, summary, phraseGroup, language });
      });
    },
    { passive: true },
  );
  doc.addEventListener(
    'click',
    (event) => {
      const span = card.showAt(event.clientX, event.clientY, { map, spans, summary, phraseGroup, language });
      if (span?.style.startsWith('user-') && doc.getSelection()?.isCollapsed !== false) {
        const own = placed[span.ref];
        if (own) onOwnHighlightClick(own.id);
      }
    },
    { passive: true },
  );
  doc.addEventListener('scroll', () => card.hide(), { passive: true });

  refresh();

  return {
    get summary() {
      return summary;
    },
    setCorrections(next) {
      corrections = next;
      refresh();
    },
    setLayers(layers) {
      painter.setLayers(layers);
    },
    setLanguage(next) {
      language = next;
    },
    get text() {
      return map.text;
    },
    setAnnotations(next) {
      annotations = next;
      anchoredText = null;
      paint();
    },
    selectedSpan() {
      const span = measureSelection();
      return span && span.end - span.start <= MAX_SELECTION ? span : null;
    },
    selectionTooLong() {
      const span = measureSelection();
      return !!span && span.end - span.start > MAX_SELECTION;
    },
    annotationAt(start, end, kind) {
      const kinds = new Map(annotations.map((annotation) => [annotation.id, annotation.kind]));
      return placed.find((span) => span.start === start && span.end === end && kinds.get(span.id) === kind)?.id ?? null;
    },
    showPassage(passage) {
      if (passage.kind === 'annotation') {
        const anchor = anchorsById[passage.id];
        if (!anchor) return { status: 'gone' };
        if (anchor.status === 'orphan') return { status: 'orphan', reason: anchor.reason };
        return reveal(anchor.start, anchor.end) ? { status: 'shown' } : { status: 'orphan', reason: 'not-found' };
      }
      // A span of an analysis: found again by its quote (the text may have changed since it was analysed).
      const [result] = anchorTargets(map.text, [passage.target]);
      if (!result || result.status === 'orphan') return { status: 'orphan', reason: result?.reason ?? 'not-found' };
      const end = Math.min(map.text.length, Math.max(result.end, result.start + passage.length));
      return reveal(result.start, end) ? { status: 'shown' } : { status: 'orphan', reason: 'not-found' };
    },
    speakersIn(start, end) {
      return summary.speakers
        .filter((speaker) => speaker.passages.some((passage) => passage.start < end && passage.end > start))
        .map(({ name, title, org }) => ({ name, title, org }));
    },
    reveal,
  };
}

/**
 * The elements holding the mapped text: the headline's (text before `bodyStart`) and the body's, each the
 * nearest element containing all of its text nodes.
 */
export function articleRoots(map: TextMap, bodyStart: number): Element[] {
  const common = (nodes: Node[]): Element | null => {
    if (nodes.length === 0) return null;
    let root: Element | null = nodes[0]!.parentElement;
    for (const node of nodes.slice(1)) while (root && !root.contains(node)) root = root.parentElement;
    return root;
  };
  const heading = map.segments.filter((segment) => segment.start < bodyStart).map((segment) => segment.node);
  const body = map.segments.filter((segment) => segment.start >= bodyStart).map((segment) => segment.node);
  const roots = [common(heading), common(body)].filter((root): root is Element => root !== null);
  // A headline inside the body block is covered by the body.
  return roots.filter((root, index) => !roots.some((other, j) => j !== index && other !== root && other.contains(root)));
}
