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

export type LineStyle = 'solid' | 'dotted' | 'dashed';

/**
 * How each style is drawn, shared by the page's ::highlight rules, the <mark> fallback and the legends. Two
 * kinds of mark that cannot be confused: the machine's layers are underlines over at most a faint tint (a
 * line colour that stays at 3:1 or more against both white and near-black pages), the reader's own
 * highlights are solid colours with dark text (legible on dark pages too). Lines are solid: Chromium draws
 * highlight underlines 1px thin whatever the thickness, and dashes that thin are hard to see.
 */
export interface StyleLook {
  background: string;
  underline?: string;
  line?: LineStyle;
  /** Text colour over the background; absent: the page's own. */
  text?: string;
}

const tint = (rgb: string) => `rgba(${rgb}, 0.14)`;
const USER_TEXT = '#1a1a1a';

export const STYLE_COLOURS: Record<HighlightStyle, StyleLook> = {
  speaker: { background: 'rgba(255, 146, 43, 0.24)', underline: '#d9480f', line: 'solid' },
  descriptor: { background: 'transparent', underline: '#e8590c', line: 'dotted' },
  quote: { background: 'transparent', underline: '#1c7ed6', line: 'solid' },
  'phrase-meeting': { background: tint('47, 158, 68'), underline: '#2f9e44', line: 'solid' },
  'phrase-doctrine': { background: tint('224, 49, 49'), underline: '#e03131', line: 'solid' },
  'phrase-programme': { background: tint('132, 94, 247'), underline: '#845ef7', line: 'solid' },
  'phrase-document': { background: tint('214, 51, 108'), underline: '#d6336c', line: 'solid' },
  'phrase-slogan': { background: tint('12, 133, 153'), underline: '#0c8599', line: 'solid' },
  'phrase-domain': { background: tint('134, 142, 150'), underline: '#868e96', line: 'solid' },
  'user-yellow': { background: '#fff176', text: USER_TEXT },
  'user-green': { background: '#a5e8a0', text: USER_TEXT },
  'user-blue': { background: '#a5d8ff', text: USER_TEXT },
  'user-pink': { background: '#ffb3c7', text: USER_TEXT },
  'user-purple': { background: '#d7b8f3', text: USER_TEXT },
};

/** The CSS declarations that draw a style (page rules and legends alike). */
export function lookCss(look: StyleLook): string {
  const line = look.underline ? ` text-decoration: underline ${look.line ?? 'solid'} 2px ${look.underline};` : ' text-decoration: none;';
  return `background-color: ${look.background}; color: ${look.text ?? 'inherit'};${line}`;
}

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
