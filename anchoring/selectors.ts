// What a highlight stores about its text, in W3C Web Annotation selector form, so it can be found again
// after the page changes: the exact quote with some context on each side, and its offsets in the article
// text (title + '\n' + body blocks joined by '\n', as built by text-map.ts). Offsets are UTF-16 code units.

import type { TextTarget } from '../records/text-target';

// The stored shape and its check live with the other records.
export { MAX_QUOTE_LENGTH, textTargetCheck, validateTextTarget } from '../records/text-target';
export type { TextPositionSelector, TextQuoteSelector, TextTarget } from '../records/text-target';

export const DEFAULT_CONTEXT_LENGTH = 32;

/**
 * Describes text[start, end) for storage. Context stops at the article's edges rather than padding,
 * so a prefix shorter than `contextLength` means "the quote is near the start".
 * Throws on a span that is not inside the text: that is a caller bug, not a page change.
 */
export function describeSpan(text: string, start: number, end: number, contextLength = DEFAULT_CONTEXT_LENGTH): TextTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`describeSpan: [${start}, ${end}) is not a non-empty span of a ${text.length}-character text`);
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - contextLength), start),
      suffix: text.slice(end, Math.min(text.length, end + contextLength)),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
