// A highlight's text in W3C Web Annotation selector form: the exact quote with some context on each side, and
// its offsets in the article text (title + '\n' + body blocks joined by '\n'). Offsets are UTF-16 code units.

import { integer, object, oneOf, string, type Check } from './check';

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  /** Up to `contextLength` characters just before `exact` (fewer at the start of the article). */
  prefix: string;
  /** Up to `contextLength` characters just after `exact` (fewer at the end of the article). */
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** Offset of the first character of the quote in the article text. */
  start: number;
  /** Offset just past the last character (exclusive). */
  end: number;
}

export interface TextTarget {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** Longest quote we store: a highlight of a few paragraphs, not a whole report. */
export const MAX_QUOTE_LENGTH = 4_000;
export const MAX_CONTEXT_LENGTH = 256;
/** Article texts of the portal stay far below this; anything larger is not an offset we wrote. */
export const MAX_OFFSET = 10_000_000;

const quoteSelectorShape: Check = object({
  type: oneOf('TextQuoteSelector'),
  exact: string(MAX_QUOTE_LENGTH, { nonEmpty: true }),
  prefix: string(MAX_CONTEXT_LENGTH),
  suffix: string(MAX_CONTEXT_LENGTH),
});

const positionSelectorShape: Check = object({
  type: oneOf('TextPositionSelector'),
  start: integer(0, MAX_OFFSET),
  end: integer(0, MAX_OFFSET),
});

const targetShape: Check = object({ quote: quoteSelectorShape, position: positionSelectorShape });

/**
 * Checks a stored target (from storage or a message) before it is trusted.
 * Returns null when it is well-formed, else a reason naming the failing field.
 * Beyond the shape: the position must be a non-empty span as long as the quote, because describeSpan
 * always writes them together; a mismatch means the record was corrupted or hand-edited.
 */
export function validateTextTarget(value: unknown, path = 'target'): string | null {
  const shapeReason = targetShape(value, path);
  if (shapeReason) return shapeReason;
  const target = value as TextTarget;
  const { start, end } = target.position;
  if (end <= start) return `${path}.position: end (${end}) must be greater than start (${start})`;
  if (end - start !== target.quote.exact.length) {
    return `${path}.position: spans ${end - start} characters but the quote has ${target.quote.exact.length}`;
  }
  return null;
}

/** The same validator as a schema Check, for composing into larger message/record shapes. */
export const textTargetCheck: Check = (value, path) => validateTextTarget(value, path);
