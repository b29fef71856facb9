// Re-attaching stored highlights (TextTarget) to the current article text.
//
// Order of evidence, cheapest and surest first:
//   1. position: the stored offsets still hold the quote and its full context;
//   2. quote: exact occurrences of the quote (after folding punctuation width and ignoring whitespace),
//      each scored by how much of the stored prefix/suffix agrees around it, then by distance from the
//      stored offset;
//   3. fuzzy: only for quotes long enough that a small edit budget cannot slide onto a neighbouring word,
//      only with agreeing context, and only when both boundaries of the match are certain.
// Anything else is an orphan with a reason. A wrong attachment is worse than an orphan: the reader sees
// their note on someone else's words, while an orphan is listed and can be re-placed by hand.

import search from 'approx-string-match';
import type { TextTarget } from './selectors';

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export type OrphanReason =
  /** The stored target is unusable (empty quote, inverted span). */
  | 'invalid-target'
  /** Neither the quote nor anything close enough to it occurs in the text. */
  | 'not-found'
  /** The quote occurs, but nowhere with enough agreeing context to tell it is the same passage. */
  | 'weak-context'
  /** Two or more places fit nearly equally well. */
  | 'ambiguous'
  /** Something close to the quote occurs, but too edited, too short to match loosely, or with unsure ends. */
  | 'quote-changed';

export type AnchorResult =
  | {
      status: 'anchored';
      start: number;
      end: number;
      method: AnchorMethod;
      /** 0–1: share of the stored quote + context that agrees with the text at the anchor. */
      confidence: number;
    }
  | { status: 'orphan'; reason: OrphanReason };

export interface AnchorOptions {
  /** Allow approximate matching of edited quotes (default true). */
  fuzzy?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Tuning. Lengths are in folded characters (whitespace removed).

/** A quote plus agreeing context must total this many characters before we trust an exact hit:
 *  a 2-character name needs ~14 characters of agreeing context, a 16-character sentence very little. */
const MIN_EVIDENCE = 16;
// ...and one side of the stored context must agree whole (see wholeBefore). A real page edit breaks the
// context on one side of a highlight (the paragraph above was cut, a word next to it changed); a caption
// that repeats the opening words of the next paragraph, or a stock phrase, agrees partly on both sides.
/** Two candidates whose context agreement differs by less than this are "nearly equally good". */
const AMBIGUITY_MARGIN = 6;
/** When context cannot separate candidates, the nearer one wins only if every rival is much farther:
 *  beyond 4× its distance, distances counting this slack from the stored offset (edits elsewhere shift
 *  offsets by a paragraph or so: a rival must be ~4·d + 256 away)... */
const STORED_SLACK = 85;
/** ...and this much from where the previous highlight's shift predicts it, which already absorbs the
 *  edits above: a copy one short paragraph away from the prediction is then clearly farther. */
const PREDICTED_SLACK = 8;
/** Below this length the quote must occur exactly: one edit in `李明` or `应急管理部` is a different word. */
const FUZZY_MIN_LENGTH = 6;
/** Below this length fuzzy matching allows one edit and needs strong context on both sides. */
const FUZZY_SHORT_LENGTH = 16;
/** A second copy of this many characters of the quote (all of it, if shorter) seen in its own stored
 *  context marks a locally repeated passage (see repeatsNearby). Eight Han characters recur by chance
 *  only in repetitive text: headings printed twice, captions that open the paragraph below. */
const REPEAT_RUN = 8;
/** Exact run of stored context next to a fuzzy boundary that pins that boundary down. */
const BOUNDARY_CONFIRM = 6;

/** Edit budget of a fuzzy match: about one edit per 6 characters, enough for typo fixes and a short
 *  deleted phrase, far below Hypothesis's len/2, which lets a 5-character quote become a 3-character one. */
function editBudget(quoteLength: number): number {
  if (quoteLength < FUZZY_MIN_LENGTH) return 0;
  if (quoteLength < FUZZY_SHORT_LENGTH) return 1;
  return Math.floor(quoteLength / 6);
}

// ---------------------------------------------------------------------------------------------
// Folding: one code unit in, one code unit (or nothing, for whitespace) out.

/** Folds full-width and typographic punctuation to one form, so `，`/`,`, `：`/`:`, `（`/`(`, `“`/`"`
 *  compare equal; returns -1 for whitespace, which is ignored when matching (pages re-indent, add
 *  ideographic spaces and blank lines; Chinese text has no meaningful inter-word spaces). */
function foldCode(code: number): number {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d) ? -1 : code;
  if (code < 0x7f) return code;
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0; // full-width ASCII: ，：（）！？；０-９Ａ-ｚ
  switch (code) {
    case 0x00a0: case 0x1680: case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000:
    case 0xfeff: case 0x200b: case 0x200c: case 0x200d: case 0x0085:
      return -1;
    case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x301d: case 0x301e:
      return 0x22; // “ ” „ ‟ 〝 〞 → "
    case 0x2018: case 0x2019: case 0x201a: case 0x201b:
      return 0x27; // ‘ ’ ‚ ‛ → '
    case 0x3002: return 0x2e; // 。 → .
    case 0x3010: case 0x3014: return 0x5b; // 【 〔 → [
    case 0x3011: case 0x3015: return 0x5d; // 】 〕 → ]
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return 0x2d; // dashes → -
    case 0x30fb: case 0x2022: case 0x2027: case 0xff65: return 0xb7; // ・ • ‧ → ·
  }
  if (code >= 0x2000 && code <= 0x200a) return -1;
  return code;
}

/** Folded copy of `text` with whitespace removed. */
export function foldText(text: string): string {
  const codes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const folded = foldCode(text.charCodeAt(i));
    if (folded >= 0) codes.push(folded);
  }
  return codesToString(codes);
}

function codesToString(codes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) {
    out += String.fromCharCode(...Array.prototype.slice.call(codes, i, i + 8192));
  }
  return out;
}

/** The article text folded once, with the map back to real offsets; shared by every target. */
export interface PreparedText {
  text: string;
  folded: string;
  /** folded index → text index; one extra entry equal to text.length. */
  toText: Int32Array;
}

export function prepareText(text: string): PreparedText {
  const codes = new Uint16Array(text.length);
  const toText = new Int32Array(text.length + 1);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const folded = foldCode(text.charCodeAt(i));
    if (folded < 0) continue;
    codes[length] = folded;
    toText[length] = i;
    length += 1;
  }
  toText[length] = text.length;
  return { text, folded: codesToString(codes.subarray(0, length)), toText: toText.slice(0, length + 1) };
}

// ---------------------------------------------------------------------------------------------
// Context agreement.

/** Exact common length of `needle`'s tail and the text ending at `at`. */
function runBackward(hay: string, at: number, needle: string, needleEnd = needle.length): number {
  let i = 0;
  while (i < needleEnd && at - 1 - i >= 0 && hay.charCodeAt(at - 1 - i) === needle.charCodeAt(needleEnd - 1 - i)) i++;
  return i;
}

/** Exact common length of `needle`'s head and the text starting at `at`. */
function runForward(hay: string, at: number, needle: string, needleStart = 0): number {
  let i = 0;
  while (needleStart + i < needle.length && at + i < hay.length && hay.charCodeAt(at + i) === needle.charCodeAt(needleStart + i)) i++;
  return i;
}

/** A run after a single edit only counts when this long: a 1–2 character coincidence is noise. */
const MIN_RUN_AFTER_EDIT = 3;

/**
 * How many characters of the stored prefix agree with the text just before `at`: the exact run, then,
 * after one substitution/insertion/deletion, a second exact run. One edit is what a corrected typo or a
 * changed punctuation mark next to the quote costs; the first mismatch alone should not erase the rest.
 */
function agreeBefore(hay: string, at: number, prefix: string): number {
  const run = runBackward(hay, at, prefix);
  if (run >= prefix.length || at - run <= 0) return run;
  const hayAt = at - run;
  const needleEnd = prefix.length - run;
  const extra = Math.max(
    runBackward(hay, hayAt - 1, prefix, needleEnd - 1), // substitution
    runBackward(hay, hayAt - 1, prefix, needleEnd), // a character inserted into the page
    runBackward(hay, hayAt, prefix, needleEnd - 1), // a character deleted from the page
  );
  return extra >= MIN_RUN_AFTER_EDIT ? run + extra : run;
}

function agreeAfter(hay: string, at: number, suffix: string): number {
  const run = runForward(hay, at, suffix);
  if (run >= suffix.length || at + run >= hay.length) return run;
  const hayAt = at + run;
  const extra = Math.max(
    runForward(hay, hayAt + 1, suffix, run + 1),
    runForward(hay, hayAt + 1, suffix, run),
    runForward(hay, hayAt, suffix, run + 1),
  );
  return extra >= MIN_RUN_AFTER_EDIT ? run + extra : run;
}

// ---------------------------------------------------------------------------------------------
// Edit distance, banded: we only ever ask "is it within k edits", so O(|a|·k) instead of O(|a|·|b|).

function editDistanceWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = 2 * limit + 1;
  const INF = limit + 1;
  // row[d] holds the cost for b index j = i + d - limit.
  let previous = new Int32Array(width).fill(INF);
  let current = new Int32Array(width).fill(INF);
  for (let d = limit; d < width; d++) previous[d] = d - limit; // i = 0: cost j
  for (let i = 1; i <= a.length; i++) {
    current.fill(INF);
    let rowMin = INF;
    for (let d = 0; d < width; d++) {
      const j = i + d - limit;
      if (j < 0 || j > b.length) continue;
      let cost = INF;
      if (j === 0) cost = i;
      else {
        const substitution = previous[d] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
        const deletion = d + 1 < width ? previous[d + 1] + 1 : INF; // a[i-1] unmatched
        const insertion = d > 0 ? current[d - 1] + 1 : INF; // b[j-1] unmatched
        cost = Math.min(substitution, deletion, insertion);
      }
      current[d] = cost > INF ? INF : cost;
      if (current[d] < rowMin) rowMin = current[d];
    }
    if (rowMin >= INF) return INF;
    [previous, current] = [current, previous];
  }
  const last = b.length - a.length + limit;
  return last >= 0 && last < width ? Math.min(previous[last], INF) : INF;
}

// ---------------------------------------------------------------------------------------------
// Candidates and the choice between them.

interface Candidate {
  /** Folded offsets. */
  start: number;
  end: number;
  errors: number;
  before: number;
  after: number;
  /** Distance in real offsets from where the target is expected (stored start, or where its neighbours moved). */
  distance: number;
}

type Refusal = 'ambiguous' | 'weak-context';
type Choice = { candidate: Candidate } | { reason: Refusal };
/** null when the candidate may be used, else why not. */
type Acceptance = (c: Candidate) => Refusal | null;

const contextOf = (c: Candidate) => c.before + c.after;

/**
 * Best candidate by context agreement; when rivals are within the ambiguity margin, by distance, but only
 * if the nearest is clearly nearer. `acceptable` is checked on the winner only: a strong rival that fails
 * it still makes the choice ambiguous (better an orphan than the wrong twin).
 */
function choose(candidates: Candidate[], acceptable: Acceptance, score: (c: Candidate) => number, ownPlace?: OwnPlace): Choice | null {
  if (candidates.length === 0) return null;
  const choice = chooseAmong(candidates, acceptable, score);
  if (!ownPlace || !choice || !('candidate' in choice)) return choice;
  const winner = choice.candidate;
  if (!ownPlace.changedNearer(winner, candidates)) return choice;
  // The passage's own place still shows pieces of it: the winner is a twin elsewhere. Only a candidate
  // much nearer than the winner may be the passage itself (its copy with an edit next to it).
  const nearer = candidates.filter((c) => 4 * c.distance < winner.distance);
  const local = nearer.length > 0 ? chooseAmong(nearer, acceptable, score) : null;
  return local && 'candidate' in local ? local : { reason: 'ambiguous' };
}

function chooseAmong(candidates: Candidate[], acceptable: Acceptance, score: (c: Candidate) => number): Choice | null {
  if (candidates.length === 0) return null;
  let top = -Infinity;
  for (const c of candidates) top = Math.max(top, score(c));
  const contenders = candidates.filter((c) => score(c) > top - AMBIGUITY_MARGIN);
  contenders.sort((a, b) => a.distance - b.distance || score(b) - score(a));
  const nearest = contenders[0];
  for (let i = 1; i < contenders.length; i++) {
    if (contenders[i].distance < 4 * nearest.distance) return { reason: 'ambiguous' };
  }
  const refusal = acceptable(nearest);
  return refusal ? { reason: refusal } : { candidate: nearest };
}

interface FoldedTarget {
  quote: string;
  prefix: string;
  suffix: string;
  /** Where the quote is expected to start, in real offsets: the stored start, and in anchorTargets also
   *  the stored start shifted as much as the previous highlight was. */
  hints: number[];
}

/** Distance from the nearer hint, plus that hint's slack (hints[0] is the stored offset). */
function distanceFromHints(hints: number[], at: number): number {
  let best = Math.abs(at - hints[0]) + STORED_SLACK;
  for (let i = 1; i < hints.length; i++) best = Math.min(best, Math.abs(at - hints[i]) + PREDICTED_SLACK);
  return best;
}

/** The stored prefix agrees up to its far end (one edit allowed when it is long), or, when none was
 *  stored because the quote began the article, the candidate begins the text. */
function wholeBefore(target: FoldedTarget, c: Candidate): boolean {
  const length = target.prefix.length;
  return length === 0 ? c.start === 0 : c.before >= length || (length >= 8 && c.before >= length - 1);
}

function wholeAfter(target: FoldedTarget, c: Candidate, foldedLength: number): boolean {
  const length = target.suffix.length;
  return length === 0 ? c.end === foldedLength : c.after >= length || (length >= 8 && c.after >= length - 1);
}

/** Pieces of the stored neighbourhood looked for around the expected place; see ownPlaceChanged. */
const PIECE = 8;
/** Shortest stored context side that still makes a piece: 3 characters match anywhere. */
const MIN_PIECE = 4;

interface OwnPlace {
  /** Some piece of the stored quote or context survives much nearer the expected place than `c`, and
   *  not as part of `c`'s own neighbourhood. */
  changedNearer: (c: Candidate, all: Candidate[]) => boolean;
}

/**
 * When the best match is far from where the passage is expected, look there for what is left of it:
 * the last characters of the prefix, the first of the suffix, the head or tail of a long quote. Finding
 * any means the passage's own copy is still there, changed (a name corrected, words cut); the far
 * match is then the untouched twin of a repeated passage, not the passage moved.
 */
function ownPlace(prepared: PreparedText, target: FoldedTarget, budget: number): OwnPlace {
  const { folded, toText } = prepared;
  const q = target.quote.length;
  const pieces: { text: string; toStart: number }[] = [];
  const prefixPiece = Math.min(PIECE, target.prefix.length);
  if (prefixPiece >= MIN_PIECE) pieces.push({ text: target.prefix.slice(-prefixPiece), toStart: prefixPiece });
  const suffixPiece = Math.min(PIECE, target.suffix.length);
  if (suffixPiece >= MIN_PIECE) pieces.push({ text: target.suffix.slice(0, suffixPiece), toStart: -q });
  if (q >= PIECE) {
    pieces.push({ text: target.quote.slice(0, PIECE), toStart: 0 });
    pieces.push({ text: target.quote.slice(-PIECE), toStart: PIECE - q });
  }
  const hintsFolded = target.hints.map((h) => lowerBound(toText, Math.min(h, toText[toText.length - 1])));
  return {
    changedNearer(c, all) {
      const nearer = (at: number) => 4 * distanceFromHints(target.hints, toText[Math.max(0, Math.min(at, toText.length - 1))]) < c.distance;
      const notC = (start: number) => Math.abs(start - c.start) > budget + 2;
      // Another exact copy of the quote nearer, with enough agreeing context to be more than chance.
      for (const o of all) if (o !== c && q + contextOf(o) >= PIECE && notC(o.start) && 4 * o.distance < c.distance) return true;
      const radius = Math.min(LOCAL_WINDOW, Math.floor(c.distance / 4));
      if (radius <= 0) return false;
      for (const hf of hintsFolded) {
        const from = Math.max(0, hf - radius - PIECE);
        const to = Math.min(folded.length, hf + radius + q + PIECE);
        for (const piece of pieces) {
          for (let at = folded.indexOf(piece.text, from); at >= 0 && at + piece.text.length <= to; at = folded.indexOf(piece.text, at + 1)) {
            const start = at + piece.toStart;
            if (notC(start) && nearer(start)) return true;
          }
        }
      }
      return false;
    },
  };
}

function exactCandidates(prepared: PreparedText, target: FoldedTarget): Candidate[] {
  const { folded, toText } = prepared;
  const candidates: Candidate[] = [];
  for (let at = folded.indexOf(target.quote); at >= 0; at = folded.indexOf(target.quote, at + 1)) {
    const end = at + target.quote.length;
    candidates.push({
      start: at,
      end,
      errors: 0,
      before: agreeBefore(folded, at, target.prefix),
      after: agreeAfter(folded, end, target.suffix),
      distance: distanceFromHints(target.hints, toText[at]),
    });
  }
  return candidates;
}

/**
 * For a candidate backed by its `wholeSide` only: the passage is one of two copies printed next to each
 * other (a heading printed twice, a caption above the paragraph that opens with the same words), and the
 * page now shows what cutting either copy would leave. From inside the stored neighbourhood that looks
 * like this: beyond the quote, on the broken side, the neighbourhood shows a second copy of the quote
 * and of what still agrees on that side — the stored text shifted toward the broken side agrees with it
 * from where the agreement with the page stops (or the stored context ends) back over the quote
 * (REPEAT_RUN characters of it, or all of a shorter one). The page then cannot say which copy was cut.
 *
 * A copy on the whole side proves nothing of the kind: the whole side agreeing verbatim pins the
 * candidate next to it. Nor does a run shared in the middle (an org and title recurring in a speaker
 * list, each time with another name), or one in the context alone, which is no copy of the quote.
 */
function repeatsNearby(target: FoldedTarget, c: Candidate, wholeSide: 'before' | 'after'): boolean {
  const nb = target.prefix + target.quote + target.suffix;
  const quoteStart = target.prefix.length;
  const quoteEnd = quoteStart + target.quote.length;
  const from = wholeSide === 'before' ? quoteStart : quoteStart - Math.min(c.before, target.prefix.length);
  const to = wholeSide === 'after' ? quoteEnd : quoteEnd + Math.min(c.after, target.suffix.length);
  const need = Math.min(target.quote.length, REPEAT_RUN);
  const sign = wholeSide === 'before' ? 1 : -1;
  for (let d = 1; d < nb.length; d++) {
    const shift = sign * d;
    const low = Math.max(from, -shift);
    const high = Math.min(to, nb.length - shift);
    if (high - low < need) continue;
    // The agreeing run that starts at the far end of the overlap and grows toward the whole side.
    let runStart = high;
    let runEnd = low;
    if (sign > 0) {
      while (runStart > low && nb.charCodeAt(runStart - 1) === nb.charCodeAt(runStart - 1 + shift)) runStart--;
      runEnd = high;
    } else {
      while (runEnd < high && nb.charCodeAt(runEnd) === nb.charCodeAt(runEnd + shift)) runEnd++;
      runStart = low;
    }
    const run = runEnd - runStart;
    const ofQuote = Math.min(runEnd, quoteEnd) - Math.max(runStart, quoteStart);
    if (ofQuote >= need && (run >= REPEAT_RUN || run === high - low)) return true;
  }
  // A copy on the whole side, of the quote's near part only: the repeated unit ends inside the quote,
  // and what follows it there, up to where the page stops agreeing, is all that tells this copy's
  // continuation from any other text that happens to start the same way ("…峰会在京举行\n\n11" onto
  // the next paragraph's "11月21日" when "11月20日…" was cut).
  for (let d = 1; d < nb.length; d++) {
    const shift = -sign * d;
    let run = 0;
    if (sign > 0) while (quoteStart + run < to && quoteStart + run + shift >= 0 && nb.charCodeAt(quoteStart + run) === nb.charCodeAt(quoteStart + run + shift)) run++;
    else while (quoteEnd - run > from && quoteEnd - run - 1 + shift < nb.length && nb.charCodeAt(quoteEnd - run - 1) === nb.charCodeAt(quoteEnd - run - 1 + shift)) run++;
    if (run >= REPEAT_RUN && run < target.quote.length && to - from - run < REPEAT_RUN) return true;
  }
  return false;
}

/** Backed by one side only: that side is the whole evidence, so it must agree verbatim (after folding),
 *  and the passage must not repeat nearby. */
function oneSideRefusal(target: FoldedTarget, c: Candidate, before: boolean): Refusal | null {
  if (before ? c.before < target.prefix.length : c.after < target.suffix.length) return 'weak-context';
  return repeatsNearby(target, c, before ? 'before' : 'after') ? 'ambiguous' : null;
}

function exactAcceptable(prepared: PreparedText, target: FoldedTarget): Acceptance {
  const needed = Math.min(target.prefix.length + target.suffix.length, MIN_EVIDENCE - target.quote.length);
  return (c) => {
    if (contextOf(c) < needed) return 'weak-context';
    const before = wholeBefore(target, c);
    const after = wholeAfter(target, c, prepared.folded.length);
    if (before && after) return null;
    if (!before && !after) return 'weak-context';
    return oneSideRefusal(target, c, before);
  };
}

/**
 * Where a fuzzy hit's ends really are. The search reports one alignment, but with edits near an end
 * several alignments cost the same (`应急管理部` → `应急管理` or `应急管理厅`), and a loose alignment can
 * swallow a neighbouring word that happens to match. So an end counts only where the stored context pins
 * it: an exact run of the prefix ends there (of the suffix starts there), at one place near the hit.
 * Where the context around an end changed too, the end is unsure and the hit is refused.
 */
function settleBoundaries(folded: string, target: FoldedTarget, hitStart: number, hitEnd: number, budget: number): { start: number; end: number } | null {
  const { prefix, suffix } = target;
  const slack = budget + 1;
  const confirmStart = Math.min(prefix.length, BOUNDARY_CONFIRM);
  const confirmEnd = Math.min(suffix.length, BOUNDARY_CONFIRM);

  let start = -1;
  if (confirmStart > 0) {
    for (let s = Math.max(0, hitStart - slack); s <= Math.min(folded.length, hitStart + slack); s++) {
      if (runBackward(folded, s, prefix) >= confirmStart) {
        if (start >= 0) return null; // the context itself fits two places
        start = s;
      }
    }
  } else if (hitStart <= slack) start = 0; // the quote began the article
  let end = -1;
  if (confirmEnd > 0) {
    for (let e = Math.max(0, hitEnd - slack); e <= Math.min(folded.length, hitEnd + slack); e++) {
      if (runForward(folded, e, suffix) >= confirmEnd) {
        if (end >= 0) return null;
        end = e;
      }
    }
  } else if (folded.length - hitEnd <= slack) end = folded.length; // the quote ended the article
  return start >= 0 && end > start ? { start, end } : null;
}

/** Half-width of the window searched first around the stored position, in folded characters. */
const LOCAL_WINDOW = 1024;

function fuzzyCandidates(prepared: PreparedText, target: FoldedTarget, budget: number): { candidates: Candidate[]; unsure: boolean } {
  const { folded, toText } = prepared;
  // The library reports only the lowest-error matches of one search, so an edited original can be hidden
  // by a cleaner copy elsewhere (or the reverse). Search near the stored position and in the whole text,
  // and judge both sets of hits by our own criteria.
  const hintFolded = lowerBound(toText, target.hints[target.hints.length - 1]);
  const windowStart = Math.max(0, hintFolded - LOCAL_WINDOW - target.quote.length);
  const windowEnd = Math.min(folded.length, hintFolded + LOCAL_WINDOW + 2 * target.quote.length);
  const hits = search(folded.slice(windowStart, windowEnd), target.quote, budget).map((m) => ({ start: m.start + windowStart, end: m.end + windowStart }));
  for (const m of search(folded, target.quote, budget)) hits.push({ start: m.start, end: m.end });
  hits.sort((a, b) => a.start - b.start || a.end - b.end);

  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  let unsure = false;
  let lastEnd = -1;
  for (const hit of hits) {
    // The search reports every end of an equally good alignment; neighbouring ends are one hit.
    if (hit.start < lastEnd) continue;
    lastEnd = hit.end;
    const settled = settleBoundaries(folded, target, hit.start, hit.end, budget);
    if (!settled) {
      unsure = true;
      continue;
    }
    const key = `${settled.start}:${settled.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const errors = editDistanceWithin(target.quote, folded.slice(settled.start, settled.end), budget);
    if (errors > budget) continue;
    candidates.push({
      start: settled.start,
      end: settled.end,
      errors,
      before: agreeBefore(folded, settled.start, target.prefix),
      after: agreeAfter(folded, settled.end, target.suffix),
      distance: distanceFromHints(target.hints, toText[settled.start]),
    });
  }
  return { candidates, unsure };
}

/** A short edited quote needs its whole context on both sides; a long one on one side at least
 *  (both, when it repeats nearby). */
function fuzzyAcceptable(prepared: PreparedText, target: FoldedTarget): Acceptance {
  const short = target.quote.length < FUZZY_SHORT_LENGTH;
  return (c) => {
    const before = wholeBefore(target, c);
    const after = wholeAfter(target, c, prepared.folded.length);
    if (before && after) return null;
    if (short || (!before && !after)) return 'weak-context';
    return oneSideRefusal(target, c, before);
  };
}

function lowerBound(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

// ---------------------------------------------------------------------------------------------

const isSpace = (code: number) => foldCode(code) < 0 && code !== 0xfeff && !(code >= 0x200b && code <= 0x200d);

/** Real offsets of a folded span, giving back the whitespace the stored quote began or ended with. */
function toTextSpan(prepared: PreparedText, exact: string, start: number, end: number): { start: number; end: number } {
  const { text, toText } = prepared;
  let realStart = toText[start];
  let realEnd = toText[end - 1] + 1;
  for (let i = 0; i < exact.length && isSpace(exact.charCodeAt(i)) && realStart > 0 && isSpace(text.charCodeAt(realStart - 1)); i++) realStart -= 1;
  for (let i = exact.length - 1; i >= 0 && isSpace(exact.charCodeAt(i)) && realEnd < text.length && isSpace(text.charCodeAt(realEnd)); i--) realEnd += 1;
  return { start: realStart, end: realEnd };
}

/** The quote and all of its stored context are at [start, end) verbatim. */
function holdsVerbatim(text: string, target: TextTarget, start: number): boolean {
  const { exact, prefix, suffix } = target.quote;
  return (
    start - prefix.length >= 0 &&
    text.startsWith(exact, start) &&
    text.startsWith(prefix, start - prefix.length) &&
    text.startsWith(suffix, start + exact.length)
  );
}

/** The verbatim quote with its context, known to be at `start`, occurs nowhere else in `text`. */
function verbatimOnce(text: string, target: TextTarget, start: number): boolean {
  const { exact, prefix, suffix } = target.quote;
  const whole = prefix + exact + suffix;
  const at = start - prefix.length;
  return text.indexOf(whole) === at && text.indexOf(whole, at + 1) < 0;
}

function invalid(target: TextTarget): boolean {
  const { quote, position } = target ?? ({} as TextTarget);
  return (
    !quote || !position || typeof quote.exact !== 'string' || quote.exact.length === 0 ||
    typeof quote.prefix !== 'string' || typeof quote.suffix !== 'string' ||
    !Number.isInteger(position.start) || !Number.isInteger(position.end) || position.start < 0 || position.end < position.start
  );
}

function anchorPrepared(text: string, prepare: () => PreparedText, target: TextTarget, options: AnchorOptions, predictedStart?: number): AnchorResult {
  if (invalid(target)) return { status: 'orphan', reason: 'invalid-target' };
  const { exact } = target.quote;
  const stored = target.position;

  // 1. Position. Requiring the whole stored context, not just the quote, keeps a shifted page from
  //    matching a different copy of a short quote that happens to sit at the old offset.
  if (holdsVerbatim(text, target, stored.start)) {
    return { status: 'anchored', start: stored.start, end: stored.start + exact.length, method: 'position', confidence: 1 };
  }
  // Same test where the neighbouring highlights moved to (anchorTargets): a paragraph inserted above
  // shifts every later highlight by the same amount.
  // Only if nothing else on the page holds it verbatim: when the neighbour was put on the twin of a
  // repeated passage, its shift points at the twin too, and the full search must weigh both copies.
  if (predictedStart !== undefined && predictedStart !== stored.start && holdsVerbatim(text, target, predictedStart) && verbatimOnce(text, target, predictedStart)) {
    return { status: 'anchored', start: predictedStart, end: predictedStart + exact.length, method: 'quote', confidence: 1 };
  }

  // Folding the page costs more than all the position checks together; only pay for it when needed.
  const prepared = prepare();
  const folded: FoldedTarget = {
    quote: foldText(exact),
    prefix: foldText(target.quote.prefix),
    suffix: foldText(target.quote.suffix),
    // A prediction equal to the stored offset still counts: the neighbour's zero shift confirms it.
    hints: predictedStart === undefined ? [stored.start] : [stored.start, predictedStart],
  };
  if (folded.quote.length === 0) return { status: 'orphan', reason: 'invalid-target' };
  const total = folded.quote.length + folded.prefix.length + folded.suffix.length;
  const anchored = (c: Candidate, method: AnchorMethod): AnchorResult => {
    const span = toTextSpan(prepared, exact, c.start, c.end);
    const sameSpan = span.start === stored.start && span.end === stored.end;
    return {
      status: 'anchored',
      ...span,
      method: method === 'quote' && sameSpan ? 'position' : method,
      confidence: Math.max(0, Math.min(1, (folded.quote.length - c.errors + contextOf(c)) / total)),
    };
  };

  // 2. Exact quote, context first, distance to break near-ties.
  const exactHits = exactCandidates(prepared, folded);
  const place = ownPlace(prepared, folded, 0);
  const exactChoice = choose(exactHits, exactAcceptable(prepared, folded), contextOf, place);
  if (exactChoice && 'candidate' in exactChoice) return anchored(exactChoice.candidate, 'quote');
  // Two equally good exact copies: an approximate match cannot be better evidence than either.
  if (exactChoice?.reason === 'ambiguous') return { status: 'orphan', reason: 'ambiguous' };

  // 3. Fuzzy.
  const budget = editBudget(folded.quote.length);
  if (options.fuzzy === false || budget === 0) {
    return { status: 'orphan', reason: exactHits.length > 0 ? 'weak-context' : 'not-found' };
  }
  const { candidates, unsure } = fuzzyCandidates(prepared, folded, budget);
  // Fewer edits are worth more than context: one edit ≈ AMBIGUITY_MARGIN characters of context.
  const fuzzyChoice = choose(candidates, fuzzyAcceptable(prepared, folded), (c) => contextOf(c) - c.errors * AMBIGUITY_MARGIN, ownPlace(prepared, folded, budget));
  if (fuzzyChoice && 'candidate' in fuzzyChoice) return anchored(fuzzyChoice.candidate, 'fuzzy');
  if (fuzzyChoice) return { status: 'orphan', reason: fuzzyChoice.reason };
  if (exactHits.length > 0) return { status: 'orphan', reason: 'weak-context' };
  return { status: 'orphan', reason: unsure ? 'quote-changed' : 'not-found' };
}

/** Re-attaches one stored target to `text`. */
export function anchorTarget(text: string, target: TextTarget, options: AnchorOptions = {}): AnchorResult {
  return anchorPrepared(text, () => prepareText(text), target, options);
}

/**
 * Re-attaches many targets to the same text: folds the text once (and only if some target needs it),
 * and visits targets in stored order so each can first be tried where its predecessor moved to (a page
 * edit shifts a whole run of highlights by the same amount). Results are in the order of `targets`.
 *
 * Then the placements are read together. A passage printed twice whose highlighted copy was deleted
 * whole leaves nothing at its own place, so on its own it looks exactly like a moved passage: the twin
 * holds the same quote and context. What tells them apart is the other highlights: the longest run of
 * placements in stored order (the backbone) says which text stayed where it was. A moved passage lands
 * in a gap between backbone highlights that grew by at least its length; a twin was there all along, so
 * it lands on a backbone highlight or in a gap that did not grow. Those are orphaned as ambiguous. With
 * no highlights around the landing place there is no such evidence, and a lone far match is still taken
 * as a move (reanchor.repeated.test.ts counts what that rule leaves).
 */
export function anchorTargets(text: string, targets: readonly TextTarget[], options: AnchorOptions = {}): AnchorResult[] {
  let prepared: PreparedText | undefined;
  const prepare = () => (prepared ??= prepareText(text));
  const results: AnchorResult[] = new Array(targets.length);
  const order = targets.map((_, i) => i);
  const storedStart = (i: number) => (Number.isInteger(targets[i]?.position?.start) ? targets[i].position.start : 0);
  order.sort((a, b) => storedStart(a) - storedStart(b));
  // shift undefined: no neighbour placed yet, so no prediction (a lone target gets anchorTarget's answer).
  const run = (i: number, shift: number | undefined) => {
    const target = targets[i];
    return anchorPrepared(text, prepare, target, options, invalid(target) || shift === undefined ? undefined : target.position.start + shift);
  };
  let shift: number | undefined;
  for (const i of order) {
    const result = run(i, shift);
    if (result.status === 'anchored') shift = result.start - targets[i].position.start;
    results[i] = result;
  }
  if (targets.length < 2) return results;

  const dropped = dropWeakerClaims(order, targets, results);
  const backbone = longestChain(order, targets, results);
  const onBackbone = new Uint8Array(targets.length);
  for (const i of backbone) onBackbone[i] = 1;
  // Off the backbone: try again where the backbone says the text now is (the first pass may have
  // followed a neighbour onto a twin), then keep the placement only if there is room for a move.
  let backboneShift: number | undefined;
  for (const i of order) {
    if (onBackbone[i]) {
      const r = results[i] as Extract<AnchorResult, { status: 'anchored' }>;
      backboneShift = r.start - targets[i].position.start;
      continue;
    }
    const first = dropped.get(i) ?? results[i];
    if (first.status !== 'anchored') {
      // Ambiguous on its own, but the backbone says where its stretch of text now is: tried there once.
      if (first.reason === 'ambiguous' && !dropped.has(i) && backboneShift !== undefined) {
        const retry = run(i, backboneShift);
        if (retry.status === 'anchored' && !landsOnStayingText(targets, results, backbone, i, retry)) results[i] = retry;
      }
      continue;
    }
    let result: AnchorResult = dropped.has(i) ? { status: 'orphan', reason: 'ambiguous' } : first;
    const retry = run(i, backboneShift);
    if (retry.status !== 'anchored' || retry.start !== first.start) result = retry;
    if (result.status === 'anchored' && landsOnStayingText(targets, results, backbone, i, result)) result = { status: 'orphan', reason: 'ambiguous' };
    results[i] = result;
  }
  return results;
}

/**
 * Two placements of targets stored apart that overlap on the page cannot both be right: a page
 * character has one origin. Placements move in blocks (consecutive in stored order, same shift: one
 * story, "this stretch of text moved by d"), so blocks are compared, by how well their context agrees
 * on average. A block that agrees clearly worse than one it collides with sits on the twin of a
 * repeated passage (often led there by a neighbour's shift): it is set aside, retried where the
 * backbone says the text is, and orphaned as ambiguous if it lands there again. Blocks that agree about
 * equally are left to the backbone, which weighs where the text around them stayed.
 */
function dropWeakerClaims(order: number[], targets: readonly TextTarget[], results: AnchorResult[]): Map<number, Anchored> {
  const dropped = new Map<number, Anchored>();
  const ids = order.filter((i) => results[i].status === 'anchored');
  if (ids.length < 2) return dropped;
  const placed = (i: number) => results[i] as Anchored;
  const shiftOf = (i: number) => placed(i).start - targets[i].position.start;
  const block = new Int32Array(targets.length).fill(-1);
  const sums: number[] = [];
  const counts: number[] = [];
  for (let k = 0; k < ids.length; k++) {
    const i = ids[k];
    if (k === 0 || shiftOf(i) !== shiftOf(ids[k - 1])) {
      sums.push(0);
      counts.push(0);
    }
    const b = sums.length - 1;
    block[i] = b;
    sums[b] += placed(i).confidence;
    counts[b] += 1;
  }
  const mean = (b: number) => sums[b] / counts[b];
  const byPage = [...ids].sort((a, b) => placed(a).start - placed(b).start);
  const weaker = new Set<number>();
  for (let x = 0; x < byPage.length; x++) {
    const a = byPage[x];
    for (let y = x + 1; y < byPage.length && placed(byPage[y]).start < placed(a).end; y++) {
      const b = byPage[y];
      const sa = targets[a].position;
      const sb = targets[b].position;
      if (block[a] === block[b] || !(sa.end <= sb.start || sb.end <= sa.start)) continue;
      const gap = mean(block[a]) - mean(block[b]);
      if (gap > CLAIM_MARGIN) weaker.add(block[b]);
      else if (-gap > CLAIM_MARGIN) weaker.add(block[a]);
    }
  }
  for (const i of ids) {
    if (!weaker.has(block[i])) continue;
    dropped.set(i, placed(i));
    results[i] = { status: 'orphan', reason: 'ambiguous' };
  }
  return dropped;
}

type Anchored = Extract<AnchorResult, { status: 'anchored' }>;

/**
 * The placements that best explain the page as text kept in place: a chain, in stored order, of anchored
 * targets whose new starts do not decrease, scored by how much stored text it vouches for — each
 * target's own characters, plus the stored gap to the previous one, less however much the shift
 * changed across it (a paragraph cut between them still vouches for the rest of the gap). Counting
 * targets instead would let a large group on the twin of a deleted copy outvote the few highlights in
 * the text between the copies; by characters, the twin group is the shorter story. O(n²) in anchored
 * targets, a few hundred per page.
 */
/** Most a gap between two chain members can vouch for: unhighlighted text is only weak evidence, and a
 *  link must not be worth more than the highlights it skips. */
const GAP_CREDIT = 32;
/** Colliding blocks whose mean confidence differs by more than this are not equally good. */
const CLAIM_MARGIN = 0.1;

function longestChain(order: number[], targets: readonly TextTarget[], results: AnchorResult[]): number[] {
  const ids = order.filter((i) => results[i].status === 'anchored');
  const n = ids.length;
  const newStart = ids.map((i) => (results[i] as Anchored).start);
  const newEnd = ids.map((i) => (results[i] as Anchored).end);
  const sure = ids.map((i) => (results[i] as Anchored).confidence);
  const start = ids.map((i) => targets[i].position.start);
  const end = ids.map((i) => targets[i].position.end);
  const score = new Float64Array(n);
  const previous = new Int32Array(n).fill(-1);
  let best = -1;
  for (let b = 0; b < n; b++) {
    score[b] = sure[b] * (end[b] - start[b]);
    for (let a = 0; a < b; a++) {
      if (newStart[a] > newStart[b] || end[b] <= end[a]) continue; // out of order, or nested: vouches for nothing more
      // Apart in the stored text, so apart on the page: one page character has one origin.
      if (start[b] >= end[a] && newStart[b] < newEnd[a]) continue;
      const own = sure[b] * Math.max(0, end[b] - Math.max(start[b], end[a]));
      const gap = Math.max(0, start[b] - end[a]);
      const drift = Math.abs(newStart[b] - start[b] - (newStart[a] - start[a]));
      const s = score[a] + own + Math.min(GAP_CREDIT, Math.max(0, gap - drift));
      if (s > score[b]) {
        score[b] = s;
        previous[b] = a;
      }
    }
    if (best < 0 || score[b] > score[best]) best = b;
  }
  const chain: number[] = [];
  for (let k = best; k >= 0; k = previous[k]) chain.push(ids[k]);
  return chain.reverse();
}

/**
 * `placed` (for target i, off the backbone) covers text the backbone shows stayed in place: it overlaps a
 * backbone highlight whose stored span is elsewhere, or it lies in a gap between two backbone highlights
 * that did not grow by its length, so nothing was moved in there.
 */
function landsOnStayingText(targets: readonly TextTarget[], results: AnchorResult[], backbone: number[], i: number, placed: Anchored): boolean {
  const own = targets[i].position;
  const span = (k: number) => results[k] as Anchored;
  const storedApart = (k: number) => targets[k].position.end <= own.start || targets[k].position.start >= own.end;
  // First backbone highlight starting at or after the placement's start.
  let low = 0;
  let high = backbone.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (span(backbone[mid]).start < placed.start) low = mid + 1;
    else high = mid;
  }
  // Overlaps: the highlight just before (it may reach into the placement) and those starting inside it.
  for (let k = Math.max(0, low - 1); k < backbone.length && span(backbone[k]).start < placed.end; k++) {
    const b = backbone[k];
    if (span(b).end > placed.start && span(b).start < placed.end && storedApart(b)) return true;
  }
  let after = low;
  while (after < backbone.length && span(backbone[after]).start < placed.end) after++;
  if (after >= backbone.length) return false; // nothing after it: no gap to measure
  const before = low - 1;
  const newGapStart = before >= 0 ? span(backbone[before]).end : 0;
  const storedGapStart = before >= 0 ? targets[backbone[before]].position.end : 0;
  const y = backbone[after];
  // In stored order between its neighbours: not a jump, just a highlight the chain did not need.
  if ((before < 0 || targets[backbone[before]].position.start <= own.start) && own.start <= targets[y].position.start) return false;
  const grew = span(y).start - newGapStart - (targets[y].position.start - storedGapStart);
  return grew < placed.end - placed.start;
}
