// A small card over the page saying what a highlighted name or phrase is. Highlight ranges receive no
// events, so the point under the pointer is resolved to a text offset here and looked up in the painted spans.
// The card is filled with textContent only. Its shadow root is closed, like the toolbar's: it never shows the
// reader's notes, but it does say which highlights are the reader's and what the analysis found, and the page's
// scripts have no business reading either. Browser tests read it through the driver (evaluateInClosedRoot).

import { rangeFor, textOffsetOf, type TextMap } from '../anchoring/text-map';
import type { UiLanguage } from '../records/preferences';
import { spansAt, type PaintSpan } from './layers';
import type { AnalysisSummary } from '../records/analysis';
import { categoryLabel, viaLabel, type Labels } from './labels';
import { mountShadowHost } from './shadow-host';

export interface HoverSource {
  map: TextMap;
  spans: PaintSpan[];
  summary: AnalysisSummary;
  /** Index of summary.phrases for a result.phrases index (phrases are grouped by term in the summary). */
  phraseGroup: number[];
  language: UiLanguage;
}

/** Both caret APIs may be missing (caretPositionFromPoint arrived in Chromium 128). */
type CaretDocument = {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

/** The text offset of the character under a viewport point, or null when the point is not over article text. */
export function offsetAtPoint(doc: Document, map: TextMap, x: number, y: number): number | null {
  const caretDoc = doc as unknown as CaretDocument;
  let node: Node | null = null;
  let offset = 0;
  if (caretDoc.caretPositionFromPoint) {
    const position = caretDoc.caretPositionFromPoint(x, y);
    if (position) ({ offsetNode: node, offset } = position);
  } else if (caretDoc.caretRangeFromPoint) {
    const range = caretDoc.caretRangeFromPoint(x, y);
    if (range) [node, offset] = [range.startContainer, range.startOffset];
  }
  if (!node) return null;
  const at = textOffsetOf(map, node, offset);
  if (at === null) return null;
  // The caret sits between characters: the character under the point is the one whose box holds it.
  for (const candidate of [at, at - 1]) {
    const range = rangeFor(map, candidate, candidate + 1);
    if (!range) continue;
    for (const rect of Array.from(range.getClientRects())) {
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return candidate;
    }
  }
  return null;
}

const CARD_STYLE = `
.card {
  position: fixed; z-index: 2147483647; max-width: 320px; padding: 8px 10px; border-radius: 6px;
  background: #1f2328; color: #fff; box-shadow: 0 4px 14px rgba(0,0,0,.25);
  font: 13px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; pointer-events: none;
}
.name { font-weight: 600; font-size: 14px; }
.meta { color: #d0d7de; }
[hidden] { display: none !important; }
`;

/** The span a card or click is about: the innermost, but a name or phrase before the passage around it. */
export function spanUnder(spans: PaintSpan[], offset: number): PaintSpan | undefined {
  const hits = spansAt(spans, offset);
  return hits.find((span) => span.style !== 'quote') ?? hits[0];
}

export interface HoverCard {
  /** Shows the card for whatever highlighted span is under the point and returns it; hides it when none. */
  showAt(x: number, y: number, source: HoverSource): PaintSpan | null;
  hide(): void;
  /** The text the card shows now (tests and screen readers). */
  readonly text: string;
}

export function mountHoverCard(doc: Document, labels: (language: UiLanguage) => Labels): HoverCard {
  const shadow = mountShadowHost(doc, 'anyue-card', CARD_STYLE, 'closed');
  const card = doc.createElement('div');
  card.className = 'card';
  card.setAttribute('role', 'tooltip');
  card.hidden = true;
  shadow.append(card);

  const line = (className: string, text: string) => {
    const element = doc.createElement('div');
    element.className = className;
    element.textContent = text;
    return element;
  };

  return {
    showAt(x, y, source) {
      const offset = offsetAtPoint(doc, source.map, x, y);
      const span = offset === null ? undefined : spanUnder(source.spans, offset);
      if (!span) {
        card.hidden = true;
        return null;
      }
      const l = labels(source.language);
      const lines: HTMLElement[] = [];
      if (span.style.startsWith('user-')) {
        lines.push(line('meta', l.mine));
      } else if (span.style === 'speaker' || span.style === 'descriptor' || span.style === 'quote') {
        const speaker = source.summary.speakers[span.ref];
        if (!speaker) return null;
        lines.push(line('name', speaker.name));
        const descriptor = [speaker.org, speaker.title].filter(Boolean).join(' · ');
        if (descriptor) lines.push(line('meta', descriptor));
        lines.push(line('meta', l.passages(speaker.passages.length)));
        if (span.style === 'quote') {
          const passage = speaker.passages.find((p) => p.start <= offset! && p.end > offset!);
          if (passage) lines.push(line('meta', viaLabel(passage.via, source.language)));
        }
      } else {
        const phrase = source.summary.phrases[source.phraseGroup[span.ref] ?? -1];
        if (!phrase) return null;
        lines.push(line('name', phrase.text));
        lines.push(line('meta', `${categoryLabel(phrase.category, source.language)} · ${l.occurrences(phrase.occurrences.length)}`));
      }
      card.replaceChildren(...lines);
      card.hidden = false;
      const view = doc.defaultView!;
      const left = Math.min(x + 12, view.innerWidth - 330);
      const top = y + 18 + 120 > view.innerHeight ? y - 12 - card.getBoundingClientRect().height : y + 18;
      card.style.left = `${Math.max(4, left)}px`;
      card.style.top = `${Math.max(4, top)}px`;
      return span;
    },
    hide() {
      card.hidden = true;
    },
    get text() {
      return card.hidden ? '' : card.textContent ?? '';
    },
  };
}
