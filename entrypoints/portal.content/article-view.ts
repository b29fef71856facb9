// Everything the content script does on an article page once it is read: analyse, paint, explain under
// the pointer, follow late text, and obey the sidebar (reveal, layers, corrections).

import type { AnalysisResult, ReaderCorrections } from '../../analysis/types';
import type { TextMap } from '../../anchoring/text-map';
import { mountHoverCard } from '../../highlights/hover-card';
import { labels } from '../../highlights/labels';
import { paintSpans, type PaintSpan } from '../../highlights/layers';
import { createPainter, type LayerVisibility } from '../../highlights/painter';
import { summarise, type AnalysisSummary } from '../../highlights/summary';
import type { UiLanguage } from '../../messaging/protocol';
import type { PortalArticle } from '../../sites/zaihaifangyu';

export type Analyse = (text: string, corrections: ReaderCorrections) => AnalysisResult;

export interface ArticleView {
  readonly summary: AnalysisSummary;
  setCorrections(corrections: ReaderCorrections): void;
  setLayers(layers: LayerVisibility): void;
  setLanguage(language: UiLanguage): void;
  /** Scrolls to a span of the article text and flashes it; false when the span is not in the page. */
  reveal(start: number, end: number): boolean;
}

interface Options {
  doc: Document;
  article: PortalArticle;
  analyse: Analyse;
  /** Re-reads the article from the page (after late or re-rendered text). */
  reread(): PortalArticle | null;
  /** Called after each analysis with what the sidebar shows. */
  onAnalysed(summary: AnalysisSummary, key: string): void;
}

const LATE_TEXT_DELAY_MS = 250;

export function startArticleView({ doc, article, analyse, reread, onAnalysed }: Options): ArticleView {
  let corrections: ReaderCorrections = {};
  let language: UiLanguage = 'zh-CN';
  let map: TextMap = article.map;
  let spans: PaintSpan[] = [];
  let summary: AnalysisSummary = { speakers: [], people: [], phrases: [] };
  let phraseGroup: number[] = [];
  const painter = createPainter(doc);
  const card = mountHoverCard(doc, labels);
  const view = doc.defaultView!;

  // Late text: the portal (or an ad script) may add or re-render body text after we ran.
  const observed = [doc.querySelector('h1.entry-title'), doc.querySelector('.entry-content')].filter(Boolean) as Element[];
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

  function refresh(): void {
    const result = analyse(map.text, corrections);
    spans = paintSpans(map.text, result);
    ({ summary, phraseGroup } = summarise(map.text, result));
    observer.disconnect();
    // The <mark> fallback splits text nodes: the map must then be read again (the text stays the same).
    if (painter.paint(spans, map)) map = reread()?.map ?? map;
    observer.takeRecords();
    observe();
    onAnalysed(summary, article.key);
  }

  let pending = false;
  let lastPointer = { x: 0, y: 0 };
  doc.addEventListener(
    'pointermove',
    (event) => {
      lastPointer = { x: event.clientX, y: event.clientY };
      if (pending) return;
      pending = true;
      view.requestAnimationFrame(() => {
        pending = false;
        card.showAt(lastPointer.x, lastPointer.y, { map, spans, summary, phraseGroup, language });
      });
    },
    { passive: true },
  );
  doc.addEventListener('click', (event) => card.showAt(event.clientX, event.clientY, { map, spans, summary, phraseGroup, language }), { passive: true });
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
    reveal(start, end) {
      const range = painter.flash(map, start, end);
      if (!range) return false;
      const rect = range.getBoundingClientRect();
      view.scrollBy({ top: rect.top - view.innerHeight / 3, behavior: 'smooth' });
      return true;
    },
  };
}

