// One pass of the lexicon automaton over the normalised text, indexed for the local rules.
import { K, type CompiledLexicon } from './lexicon';
import { firstAtLeast, IntList } from './int-list';
import { normalizeText } from './normalize';

/** Policy-term occurrences in the order the automaton reports them (by end), as parallel arrays. */
export interface PolicyHits {
  starts: Int32Array;
  ends: Int32Array;
  patterns: Int32Array;
}

export interface Paragraph {
  start: number;
  end: number;
}

export interface Scan {
  text: string;
  norm: string;
  lex: CompiledLexicon;
  /**
   * The longest vocabulary word (not a policy term) at each start, in per-position arrays rather than an object
   * per word: the rules probe them at nearly every character they walk. End is 0 where no word starts.
   */
  wordEndAt: Int32Array;
  wordKindsAt: Int32Array;
  /** Where those words start, ascending. */
  wordStarts: Int32Array;
  /** Longest organisation hit ending at each position → its start. */
  orgEndAt: PositionMap;
  /** End positions of title hits (longest at their start). */
  titleEndAt: PositionMap;
  policyHits: PolicyHits;
  paragraphs: Paragraph[];
  /** Matching quote marks (same paragraph): index of ” → index of its “, and back. */
  openOf: SortedPositions;
  closeOf: SortedPositions;
  /** Positions of 。 ! ? in text order (sentence ends). */
  sentenceEnds: Int32Array;
  /** Positions of clause punctuation (isClausePunctCode) and of 、 in text order. */
  clauseMarks: Int32Array;
  /** Positions of 他 and 她 in text order (pronoun candidates). */
  pronouns: Int32Array;
  /** Per anchored phrase regex (index in lex.regexes): start positions of its anchors, ascending. */
  anchorAt: number[][];
}

/**
 * Position → position for every text offset, with a Map's get/has: the rules probe it at nearly every character
 * they walk over, and an array read beats hashing a number. Stores value + 1, so a fresh (zeroed) array is empty.
 */
export class PositionMap {
  private readonly at: Int32Array;
  constructor(length: number) {
    this.at = new Int32Array(length + 1);
  }
  get(pos: number): number | undefined {
    const v = pos >= 0 && pos < this.at.length ? this.at[pos] : 0;
    return v === 0 ? undefined : v - 1;
  }
  has(pos: number): boolean {
    return pos >= 0 && pos < this.at.length && this.at[pos] !== 0;
  }
  set(pos: number, value: number): void {
    this.at[pos] = value + 1;
  }
}

/**
 * Position → position for a few keys (quote marks): ascending keys and binary search, a few bytes per pair
 * where a PositionMap would take four per character of the text.
 */
export class SortedPositions {
  constructor(
    /** Ascending. */
    readonly keys: Int32Array,
    readonly values: Int32Array,
  ) {}
  get(pos: number): number | undefined {
    const { keys } = this;
    const lo = firstAtLeast(keys, pos);
    return lo < keys.length && keys[lo] === pos ? this.values[lo] : undefined;
  }
}

const LF = 10;
const OPEN_Q = 0x201c;
const CLOSE_Q = 0x201d;

/** Clause punctuation of the normalised text: , ; 。 ! ? : LF “ ” ( ) 【 】 … 《 》 (a code switch: no string allocation). */
export function isClausePunctCode(code: number): boolean {
  switch (code) {
    case 0x2c: case 0x3b: case 0x3002: case 0x21: case 0x3f: case 0x3a: case 0x0a:
    case 0x201c: case 0x201d: case 0x28: case 0x29: case 0x3010: case 0x3011: case 0x2026: case 0x300a: case 0x300b:
      return true;
    default:
      return false;
  }
}

export function isCjk(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

export function scanText(text: string, lex: CompiledLexicon): Scan {
  const norm = normalizeText(text);
  // Three passes, each a function of its own (optimised on its own, soon).
  const { wordEndAt, wordKindsAt, policyHits, anchorAt } = lexiconPass(norm, lex);
  const { wordStarts, orgEndAt, titleEndAt } = wordIndex(wordEndAt, wordKindsAt, norm.length);
  const { paragraphs, openOf, closeOf, sentenceEnds, clauseMarks, pronouns } = characterPass(norm);
  // Every field named, in one order: one object shape for the scan that every rule reads.
  return {
    text, norm, lex, wordEndAt, wordKindsAt, wordStarts, orgEndAt, titleEndAt, policyHits, paragraphs,
    openOf, closeOf, sentenceEnds, clauseMarks, pronouns, anchorAt,
  };
}

/** The automaton over the text: the longest own word at each start, the policy terms, the regexes' anchors. */
function lexiconPass(norm: string, lex: CompiledLexicon): Pick<Scan, 'wordEndAt' | 'wordKindsAt' | 'policyHits' | 'anchorAt'> {
  const n = norm.length;
  // Matches arrive by end position; words are wanted by start, longest at each start.
  const wordEndAt = new Int32Array(n + 1);
  const wordKindsAt = new Int32Array(n + 1);
  const hitStarts = new IntList();
  const hitEnds = new IntList();
  const hitPatterns = new IntList();
  const kindsOf = lex.kinds;
  const anchorAt: number[][] = lex.regexes.map(() => []);
  const ownMask = ~(K.POLICY | K.ANCHOR);
  lex.ac.forEachMatch(norm, (start, end, pattern) => {
    const kinds = kindsOf[pattern];
    if (kinds & K.POLICY) {
      hitStarts.push(start);
      hitEnds.push(end);
      hitPatterns.push(pattern);
    }
    if (kinds & K.ANCHOR) for (const ri of lex.anchorRegexes[pattern]!) anchorAt[ri].push(start);
    if ((kinds & ownMask) !== 0 && end > wordEndAt[start]) {
      wordEndAt[start] = end;
      wordKindsAt[start] = kinds & ownMask;
    }
  });
  return { wordEndAt, wordKindsAt, policyHits: { starts: hitStarts.toArray(), ends: hitEnds.toArray(), patterns: hitPatterns.toArray() }, anchorAt };
}

/** Where words start, and the longest organisation and title ending at each position. */
function wordIndex(wordEndAt: Int32Array, wordKindsAt: Int32Array, n: number): Pick<Scan, 'wordStarts' | 'orgEndAt' | 'titleEndAt'> {
  const starts = new IntList(n >> 4);
  const orgEndAt = new PositionMap(n);
  const titleEndAt = new PositionMap(n);
  for (let start = 0; start < n; start++) {
    const end = wordEndAt[start];
    if (end === 0) continue;
    starts.push(start);
    const kinds = wordKindsAt[start];
    // Starts ascend, so the first word to claim an end is the longest ending there.
    if (kinds & K.ORG && !(kinds & K.NOT_ORG) && !orgEndAt.has(end)) orgEndAt.set(end, start);
    if (kinds & K.TITLE && !titleEndAt.has(end)) titleEndAt.set(end, start);
  }
  return { wordStarts: starts.toArray(), orgEndAt, titleEndAt };
}

/**
 * One pass over the characters: paragraphs, quote pairs (a stack per paragraph: linear even for a million
 * unmatched “), sentence ends, clause marks and pronouns, so that later rules visit these positions only.
 */
function characterPass(norm: string): Pick<Scan, 'paragraphs' | 'openOf' | 'closeOf' | 'sentenceEnds' | 'clauseMarks' | 'pronouns'> {
  const n = norm.length;
  const paragraphs: Paragraph[] = [];
  // Quote pairs: closes ascend as they are met; each “ gets a slot when met (so slots ascend by open), filled
  // with its ” if one comes in the paragraph.
  const closes = new IntList();
  const opensOfCloses = new IntList();
  const opens = new IntList();
  const closesOfOpens = new IntList();
  const stack: number[] = []; // slots of the unclosed “
  const ends = new IntList(n >> 6);
  const pronouns = new IntList();
  const marks = new IntList(n >> 3);
  let ps = 0;
  for (let i = 0; i < n; i++) {
    const c = norm.charCodeAt(i);
    if (isClausePunctCode(c) || c === 0x3001) marks.push(i);
    if (c < 0x2000) {
      if (c === LF) {
        if (i > ps) paragraphs.push({ start: ps, end: i });
        ps = i + 1;
        stack.length = 0;
      } else if (c === 0x21 || c === 0x3f) ends.push(i);
    } else if (c === 0x3002) ends.push(i);
    else if (c === OPEN_Q) {
      stack.push(opens.length);
      opens.push(i);
      closesOfOpens.push(-1);
    } else if (c === CLOSE_Q) {
      const slot = stack.pop();
      if (slot !== undefined) {
        closes.push(i);
        opensOfCloses.push(opens.get(slot));
        closesOfOpens.set(slot, i);
      }
    } else if (c === 0x4ed6 || c === 0x5979) pronouns.push(i); // 他 她
  }
  if (n > ps) paragraphs.push({ start: ps, end: n });
  return {
    paragraphs,
    openOf: new SortedPositions(closes.toArray(), opensOfCloses.toArray()),
    closeOf: pairedByOpen(opens, closesOfOpens),
    sentenceEnds: ends.toArray(),
    clauseMarks: marks.toArray(),
    pronouns: pronouns.toArray(),
  };
}

function pairedByOpen(opens: IntList, closes: IntList): SortedPositions {
  let paired = 0;
  for (let k = 0; k < closes.length; k++) if (closes.get(k) >= 0) paired++;
  const keys = new Int32Array(paired);
  const values = new Int32Array(paired);
  for (let k = 0, j = 0; k < opens.length; k++) {
    if (closes.get(k) < 0) continue;
    keys[j] = opens.get(k);
    values[j++] = closes.get(k);
  }
  return new SortedPositions(keys, values);
}

/** Index of the paragraph containing pos (binary search). */
export function paragraphIndex(scan: Scan, pos: number): number {
  const ps = scan.paragraphs;
  let lo = 0;
  let hi = ps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ps[mid].start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where words of any of the kinds in `mask` start, in order: for the rules that visit only some words. */
export function wordStartsOf(scan: Scan, mask: number): Int32Array {
  const { wordStarts, wordKindsAt } = scan;
  const out = new IntList(wordStarts.length >> 3);
  for (let i = 0; i < wordStarts.length; i++) if (wordKindsAt[wordStarts[i]] & mask) out.push(wordStarts[i]);
  return out.toArray();
}

/** Kinds of the longest vocabulary word (not a policy term) starting at pos; 0 when none. */
export function kindsAt(scan: Scan, pos: number): number {
  return pos >= 0 && pos < scan.wordKindsAt.length ? scan.wordKindsAt[pos] : 0;
}

/** A vocabulary word as an object, for the rules that hand one on (most only test kindsAt). */
export interface Word {
  start: number;
  end: number;
  kinds: number;
}

/** The longest vocabulary word (not a policy term) starting at pos, if any. */
export function wordAt(scan: Scan, pos: number): Word | undefined {
  const kinds = kindsAt(scan, pos);
  return kinds === 0 ? undefined : { start: pos, end: scan.wordEndAt[pos], kinds };
}
