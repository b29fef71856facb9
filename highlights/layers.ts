// What to paint for an analysis: pure data, no DOM. Each painted span belongs to a layer the reader can
// switch off, and to a style (one colour per layer and per phrase category).

import type { AnalysisResult, PhraseCategory } from '../analysis/types';
import type { HighlightColour } from '../records/annotation';
import type { LayerName } from '../records/preferences';

export type HighlightStyle = 'speaker' | 'descriptor' | 'quote' | `phrase-${PhraseCategory}` | `user-${HighlightColour}`;

/** The layer a style belongs to; the reader's own highlights (null) are always shown. */
export const STYLE_LAYER: Record<HighlightStyle, LayerName | null> = {
  speaker: 'speakers',
  descriptor: 'speakers',
  quote: 'quotes',
  'phrase-meeting': 'phrases',
  'phrase-doctrine': 'phrases',
  'phrase-programme': 'phrases',
  'phrase-document': 'phrases',
  'phrase-slogan': 'phrases',
  'phrase-domain': 'phrases',
  'user-yellow': null,
  'user-green': null,
  'user-blue': null,
  'user-pink': null,
  'user-purple': null,
};

/** Colours, shared by the page's ::highlight rules, the <mark> fallback and the sidebar legend. */
export const STYLE_COLOURS: Record<HighlightStyle, { background: string; underline?: string }> = {
  speaker: { background: '#ffc078', underline: '#d9480f' },
  descriptor: { background: '#ffe8cc' },
  quote: { background: '#e7f5ff', underline: '#74c0fc' },
  'phrase-meeting': { background: '#b2f2bb' },
  'phrase-doctrine': { background: '#ffc9c9' },
  'phrase-programme': { background: '#d0bfff' },
  'phrase-document': { background: '#ffec99' },
  'phrase-slogan': { background: '#99e9f2' },
  'phrase-domain': { background: '#dee2e6' },
  'user-yellow': { background: '#fff176' },
  'user-green': { background: '#a5e8a0' },
  'user-blue': { background: '#a5d8ff' },
  'user-pink': { background: '#ffb3c7' },
  'user-purple': { background: '#d7b8f3' },
};

/** Later styles paint over earlier ones where spans overlap (a phrase inside a quote stays visible). */
export const STYLE_PRIORITY: HighlightStyle[] = [
  'quote',
  'descriptor',
  'phrase-domain',
  'phrase-slogan',
  'phrase-document',
  'phrase-programme',
  'phrase-doctrine',
  'phrase-meeting',
  'speaker',
  'user-yellow',
  'user-green',
  'user-blue',
  'user-pink',
  'user-purple',
];

export interface PaintSpan {
  start: number;
  end: number;
  style: HighlightStyle;
  /** Index into result.speakers for speaker/descriptor/quote spans, into result.phrases for phrase spans,
   * into the reader's anchored annotations for user spans. */
  ref: number;
}

/** The spans to paint, sorted by start. The descriptor (organisation + title) is painted where it stands
 * right before a mention of the name. */
export function paintSpans(text: string, result: AnalysisResult): PaintSpan[] {
  const spans: PaintSpan[] = [];
  result.speakers.forEach((speaker, ref) => {
    const descriptor = speaker.org + speaker.title;
    for (const mention of speaker.mentions) {
      spans.push({ start: mention.start, end: mention.end, style: 'speaker', ref });
      if (descriptor && mention.start >= descriptor.length) {
        const before = mention.start - descriptor.length;
        if (text.startsWith(descriptor, before)) spans.push({ start: before, end: mention.start, style: 'descriptor', ref });
      }
    }
    for (const quote of speaker.quotes) spans.push({ start: quote.start, end: quote.end, style: 'quote', ref });
  });
  result.phrases.forEach((phrase, ref) => {
    spans.push({ start: phrase.start, end: phrase.end, style: `phrase-${phrase.category}`, ref });
  });
  return spans.filter((span) => span.start < span.end && span.start >= 0 && span.end <= text.length).sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The spans covering `offset`, innermost (shortest) first. */
export function spansAt(spans: PaintSpan[], offset: number): PaintSpan[] {
  // Spans are sorted by start; those starting after the offset cannot cover it.
  let high = spans.length;
  let low = 0;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid]!.start <= offset) low = mid + 1;
    else high = mid;
  }
  const hits: PaintSpan[] = [];
  for (let i = low - 1; i >= 0; i--) {
    const span = spans[i]!;
    if (span.end > offset) hits.push(span);
  }
  return hits.sort((a, b) => a.end - a.start - (b.end - b.start));
}
