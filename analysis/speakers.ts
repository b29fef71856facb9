// Attribution: which person's words each passage reports, and how the article says so.
// Speakers are the people with at least one attributed passage.
import { CharClass } from './char-class';
import { firstAtLeast } from './int-list';
import { K } from './lexicon';
import { cueAfter, isClauseStart, type LabelTurn, type Mention, type PeopleScan } from './people';
import { isCjk, kindsAt, paragraphIndex, type Scan, wordAt, wordStartsOf } from './scan';
import type { AttributionVia, Quote } from './types';

export interface Attribution {
  key: string;
  /** Where the attribution sits (cue or label), for ordering. */
  pos: number;
  quotes: Quote[];
}

const SENTENCE_END = new CharClass(['。', '!', '?']);
const CLAUSE_END = new CharClass([',', ';', '。', '!', '?', ':', '\n']);
const SPACE = new CharClass([' ']);
const SPACE_COMMA = new CharClass([' ', ',']);
const ADVERBS = ['同时还', '进一步', '同时', '并且', '再次', '特别', '着重', '随后', '最后', '首先', '还', '也', '又', '再', '并', '则'];
const MAX_QUOTE = 4000;

interface Event {
  key: string | null;
  pos: number;
  cueEnd: number;
  via: AttributionVia;
  /** Passages already known (quote-first, transcript); the quote after the cue runs from cueEnd. */
  fixed: { start: number; end: number; via: AttributionVia }[] | null;
  /** Quote after the cue is wanted (false for transcript/caption events that carry fixed spans only). */
  follow: boolean;
  /** Where the sentence part introducing this attribution starts; a previous quote stops here. */
  from: number;
}

function skipBack(norm: string, p: number, chars: CharClass): number {
  while (p > 0 && chars.has(norm.charCodeAt(p - 1))) p--;
  return p;
}

/** Adverbs at a clause start before a cue: “，并强调”. Returns the clause start or -1. */
function clauseStartBefore(scan: Scan, cueStart: number): number {
  const { norm } = scan;
  let p = cueStart;
  for (let round = 0; round < 2; round++) {
    let moved = false;
    for (const a of ADVERBS) {
      if (p - a.length >= 0 && norm.startsWith(a, p - a.length)) {
        p -= a.length;
        moved = true;
        break;
      }
    }
    if (!moved) break;
  }
  return p;
}

/** “…”X说 : the closing quote right before the attribution, if any. */
function quoteBefore(scan: Scan, p: number): { start: number; end: number } | null {
  const q = skipBack(scan.norm, p, SPACE_COMMA) - 1;
  if (q < 0 || scan.norm[q] !== '”') return null;
  const o = scan.openOf.get(q);
  if (o === undefined || q - o - 1 <= 0 || q - o > MAX_QUOTE) return null;
  return { start: o + 1, end: q };
}

/** What the attribution passes share. */
interface Context {
  scan: Scan;
  people: PeopleScan;
  events: Event[];
  claimedCues: Set<number>;
  /** Mentions by paragraph index, in text order. */
  byPara: Map<number, Mention[]>;
  speakerCapable: (key: string) => boolean;
  /** For a mention's index: the people coordinated before it (A、B…要求). */
  coordinated: (mi: number) => Mention[];
  indexOfMention: Map<Mention, number>;
}

// Each pass is a function of its own: small functions are optimised sooner and independently, which the first
// analyses of a page (and of a long text) feel most.
export function attribute(scan: Scan, people: PeopleScan): Attribution[] {
  const context = attributionContext(scan, people);
  directEvents(context);
  pronounEvents(context);
  zeroSubjectEvents(context);
  transcriptEvents(context);
  captionEvents(context);
  return quotesOf(context);
}

function attributionContext(scan: Scan, people: PeopleScan): Context {
  const { norm, lex } = scan;
  const events: Event[] = [];
  const claimedCues = new Set<number>();
  const byPara = new Map<number, Mention[]>();
  for (const m of people.mentions) {
    const pi = paragraphIndex(scan, m.start);
    let list = byPara.get(pi);
    if (!list) byPara.set(pi, (list = []));
    list.push(m);
  }
  const speakerCapable = (key: string) => !people.reporters.has(key) && !lex.citedLeaders.has(key);

  // A、B…要求 / A和B表示: people coordinated before one verb all speak. For each mention, the ones joined to it.
  const mentions = people.mentions;
  const indexOfMention = new Map(mentions.map((m, i) => [m, i]));
  const coordinated = (mi: number): Mention[] => {
    const out: Mention[] = [];
    let cur = mentions[mi];
    for (let j = mi - 1; j >= 0 && out.length < 6; j--) {
      const prev = mentions[j];
      if (prev.credit || !speakerCapable(prev.key)) break;
      const gap = norm.slice(prev.end, cur.descStart).trim();
      if (gap !== '、' && gap !== '和' && gap !== '与' && gap !== '及') break;
      out.push(prev);
      cur = prev;
    }
    return out;
  };
  return { scan, people, events, claimedCues, byPara, speakerCapable, coordinated, indexOfMention };
}

// 1. Direct: X表示 / X在致辞中指出 / 据X介绍 / “…”X说
function directEvents(context: Context): void {
  // One call per mention: optimised early, while ordinary articles are read (see zeroSubjectEvents).
  for (let mi = 0; mi < context.people.mentions.length; mi++) directEvent(context, mi);
}

/** The direct cue after one mention (X表示, X在…时说, 据X介绍, X笑着说:“…”), as an event. */
function directEvent(context: Context, mi: number): void {
  const { scan, people, events, claimedCues, speakerCapable, coordinated } = context;
  const { norm } = scan;
  const m = people.mentions[mi];
  if (m.credit || !speakerCapable(m.key)) return;
  const para = scan.paragraphs[paragraphIndex(scan, m.start)];
  const before = skipBack(norm, m.descStart, SPACE);
  let cue = cueAfter(scan, m.end, para.end);
  // 在X看来: the opinion frame needs its 在; 看来 alone (看来今年…) is an adverb.
  if (cue && isFramedCue(scan, cue) && !(before > 0 && norm[before - 1] === '在')) cue = null;
  if (!cue || !(cue.kinds & K.CUE)) cue = representsFrame(scan, m.end, para.end) ?? cue;
  if (!cue || !(cue.kinds & K.CUE)) {
    // X笑着摇了摇头:“…” — a speech frame: the name, a short gesture or adverbial, a colon, a quote.
    const colon = colonFrame(scan, m.end, para.end);
    if (colon < 0) return;
    cue = { start: colon, end: colon + 1, kinds: K.CUE };
  }
  // 介绍了情况 / 表示了感谢 / 说过这一点: the verb reports an act, not words.
  if (norm[cue.end] === '了' || norm[cue.end] === '过') return;
  claimedCues.add(cue.start);
  // 请X介绍 / 邀请X发言: an invitation to speak, not the words.
  if (before > 0 && norm[before - 1] === '请') return;
  if (invitedInList(scan, before)) return;
  let via: AttributionVia = 'direct';
  if (before > 0 && norm[before - 1] === '据') via = 'according-to';
  const qb = quoteBefore(scan, m.descStart);
  const ev: Event = { key: m.key, pos: cue.start, cueEnd: cue.end, via, fixed: qb && [{ ...qb, via: 'quote-first' }], follow: true, from: m.descStart };
  events.push(ev);
  for (const c of coordinated(mi)) events.push({ ...ev, key: c.key, from: c.descStart });
}

// 2. Pronoun: 他强调 / 她表示 / “…”他说
function pronounEvents(context: Context): void {
  const { scan, events, claimedCues, byPara, speakerCapable } = context;
  const { norm } = scan;
  for (const i of scan.pronouns) {
    if (norm[i + 1] === '们' || !isClauseStart(norm, i)) continue;
    const pi = paragraphIndex(scan, i);
    const para = scan.paragraphs[pi];
    const cue = cueAfter(scan, i + 1, para.end);
    if (!cue || !(cue.kinds & K.CUE) || claimedCues.has(cue.start)) continue;
    if (isFramedCue(scan, cue)) continue;
    // Antecedent: the latest person mentioned before, in this or the two previous paragraphs.
    let key: string | null = null;
    for (let p = pi; p >= Math.max(0, pi - 2) && key === null; p--) {
      const list = byPara.get(p) ?? [];
      // The last mention before the pronoun, then back over credits.
      for (let k = firstMentionFrom(list, i) - 1, tries = 0; k >= 0 && tries < 8; k--, tries++) {
        const m = list[k];
        if (!m.credit && speakerCapable(m.key)) {
          key = m.key;
          break;
        }
      }
    }
    if (key === null) continue;
    claimedCues.add(cue.start);
    const qb = quoteBefore(scan, i);
    const ev: Event = { key, pos: cue.start, cueEnd: cue.end, via: 'pronoun', fixed: qb && [{ ...qb, via: 'quote-first' }], follow: true, from: i };
    events.push(ev);
  }
}

// 3. Zero subject: …,强调要… continues the current subject of the paragraph.
function zeroSubjectEvents(context: Context): void {
  const { scan, people, events } = context;
  const keyAtCue = new Map<number, string | null>();
  for (const e of events) keyAtCue.set(e.pos, e.key);
  // Only cue and anonymous-subject words act here; the other words are not visited.
  const walk: ZeroSubjectWalk = { context, wordStarts: wordStartsOf(scan, K.CUE | K.ANON), mentionEnds: new Set(people.mentions.map((m) => m.end)), keyAtCue, wi: 0, se: 0 };
  // One call per paragraph: a small function that every article calls often is optimised early, and stays so
  // for long texts (a single loop over a whole long text waits for on-stack replacement instead).
  for (let pi = 0; pi < scan.paragraphs.length; pi++) zeroSubjectParagraph(walk, pi);
}

/** The zero-subject pass's cursors (word and sentence-end pointers only move forward) and lookups. */
interface ZeroSubjectWalk {
  context: Context;
  wordStarts: Int32Array;
  mentionEnds: Set<number>;
  keyAtCue: Map<number, string | null>;
  wi: number;
  se: number;
}

const NO_MENTIONS: Mention[] = [];

/** One paragraph of the zero-subject pass: the current subject carries over clauses that start with a cue. */
function zeroSubjectParagraph(walk: ZeroSubjectWalk, pi: number): void {
  const { context, wordStarts, mentionEnds, keyAtCue } = walk;
  const { scan, events, claimedCues, byPara, speakerCapable, coordinated, indexOfMention } = context;
  const { norm, wordEndAt, wordKindsAt } = scan;
  const ends = scan.sentenceEnds;
  const para = scan.paragraphs[pi];
  let { wi, se } = walk;
  // The paragraph's mentions; the pointer below steps over credits.
  const mentions = byPara.get(pi) ?? NO_MENTIONS;
  let mi = 0;
  let subject: string | null = null;
  let group: string[] = [];
  while (wi < wordStarts.length && wordStarts[wi] < para.start) wi++;
  // Only three kinds of position matter here: sentence starts, mentions and those words. Visit those
  // (in text order) rather than every character.
  let next = para.start;
  while (true) {
    while (se < ends.length && ends[se] + 1 < next) se++;
    while (mi < mentions.length && (mentions[mi].credit || mentions[mi].descStart < next)) mi++;
    while (wi < wordStarts.length && wordStarts[wi] < next) wi++;
    let i = para.end;
    if (se < ends.length && ends[se] + 1 < i && ends[se] + 1 > para.start) i = ends[se] + 1;
    if (mi < mentions.length && mentions[mi].descStart < i) i = mentions[mi].descStart;
    if (wi < wordStarts.length && wordStarts[wi] < i) i = wordStarts[wi];
    if (i >= para.end) break;
    next = i + 1;
    // Sentence start: keep the subject only when the sentence goes on with it.
    if (se < ends.length && ends[se] + 1 === i && i > para.start) {
      let s = i;
      while (s < para.end && norm[s] === ' ') s++;
      const startsWithMention = mi < mentions.length && (mentions[mi].descStart === s || mentions[mi].start === s);
      const startsWithCue = (kindsAt(scan, clauseStartAfterAdverbs(scan, s)) & K.CUE) !== 0;
      if (!startsWithMention && !startsWithCue && norm[s] !== '他' && norm[s] !== '她') subject = null;
    }
    if (mi < mentions.length && mentions[mi].descStart === i) {
      const m = mentions[mi];
      if (isClauseStart(norm, i) && speakerCapable(m.key)) {
        const verb = clauseVerb(scan, m.end, para.end);
        if (!(verb & K.ATTEND)) {
          // Indexed: the list is usually empty, and an empty array has another shape.
          const joined = coordinated(indexOfMention.get(m) ?? 0);
          let withSubject = false;
          for (let k = 0; k < joined.length; k++) if (joined[k].key === subject) withSubject = true;
          if (subject !== null && withSubject) {
            group = joined.map((c) => c.key);
            group.push(m.key);
          } else group = [m.key];
          subject = m.key;
        }
      }
    }
    if (wi >= wordStarts.length || wordStarts[wi] !== i) continue;
    const kinds = wordKindsAt[i];
    if (kinds & K.ANON && isClauseStart(norm, i)) subject = null;
    if (!(kinds & K.CUE)) continue;
    const h = { start: i, end: wordEndAt[i] };
    if (claimedCues.has(h.start)) {
      const k = keyAtCue.get(h.start);
      if (k) subject = k;
      continue;
    }
    if (isFramedCue(scan, h)) continue;
    const cs = clauseStartBefore(scan, h.start);
    const prev = skipBack(norm, cs, SPACE);
    const atClauseStart = prev > para.start && CLAUSE_END.has(norm.charCodeAt(prev - 1)) && norm[prev - 1] !== ':';
    if (atClauseStart && subject) {
      claimedCues.add(h.start);
      events.push({ key: subject, pos: h.start, cueEnd: h.end, via: 'zero-subject', fixed: null, follow: true, from: cs });
      if (group.includes(subject)) for (const k of group) if (k !== subject) events.push({ key: k, pos: h.start, cueEnd: h.end, via: 'zero-subject', fixed: null, follow: true, from: cs });
    } else if (!atClauseStart) {
      // 会议指出 / 中国地震局负责同志…要求 : someone else speaks; the person's turn is over.
      // Only an explicit non-person subject (会议, 负责同志, 专家…) in the clause ends the turn;
      // an ordinary verb (…等判断) does not.
      if (!mentionEnds.has(h.start) && anonInClause(scan, h.start, para.start)) {
        subject = null;
        let j = h.start;
        while (j > para.start && !CLAUSE_END.has(norm.charCodeAt(j - 1))) j--;
        events.push({ key: null, pos: h.start, cueEnd: h.end, via: 'direct', fixed: null, follow: false, from: j });
      }
    }
    next = h.end;
  }
  walk.wi = wi;
  walk.se = se;
}

// 4. Transcript turns: a label line, then its paragraphs until the next label.
function transcriptEvents(context: Context): void {
  const { scan, people, events, speakerCapable } = context;
  const { norm } = scan;
  const n = norm.length;
  const labels = people.labels;
  const interviewee = intervieweeOf(context);
  for (let li = 0; li < labels.length; li++) {
    const l = labels[li];
    const key = l.answer ? interviewee : l.key;
    if (key === null || !speakerCapable(key)) continue;
    const fixed: { start: number; end: number; via: AttributionVia }[] = [];
    if (l.restStart < l.lineEnd) fixed.push(trimSpan(norm, l.restStart, l.lineEnd, 'transcript'));
    else {
      const stop = li + 1 < labels.length ? labels[li + 1].lineStart : n;
      const first = paragraphIndex(scan, l.lineEnd) + (l.lineEnd < n ? 1 : 0);
      for (let p = first; p < scan.paragraphs.length && scan.paragraphs[p].start < stop; p++) {
        const para = scan.paragraphs[p];
        if (para.start <= l.lineStart) continue;
        fixed.push(trimSpan(norm, para.start, para.end, 'transcript'));
      }
    }
    const spans = fixed.filter((f) => f.end > f.start);
    if (spans.length) events.push({ key, pos: l.nameStart, cueEnd: l.nameEnd, via: 'transcript', fixed: spans, follow: false, from: l.lineStart });
  }
}

const INTERVIEW_WORDS = /专访|采访|访谈|对话/;
/**
 * 本报记者专访了省应急管理厅厅长王强。问:… 答:…: in an interview, the one person the text names before the first
 * 答, in a sentence that says it is an interview, gives the answers. Null when there is none, or several.
 */
function intervieweeOf(context: Context): string | null {
  const { scan, people } = context;
  const first = people.labels.find((l) => l.answer);
  if (!first) return null;
  let key: string | null = null;
  // Each paragraph is read once, however many mentions it holds.
  const interviewParagraph = new Map<number, boolean>();
  for (const m of people.mentions) {
    if (m.start >= first.lineStart) break;
    if (m.credit) continue;
    const pi = paragraphIndex(scan, m.start);
    let says = interviewParagraph.get(pi);
    if (says === undefined) {
      const para = scan.paragraphs[pi];
      says = INTERVIEW_WORDS.test(scan.norm.slice(para.start, para.end));
      interviewParagraph.set(pi, says);
    }
    if (!says) continue;
    if (key !== null && key !== m.key) return null;
    key = m.key;
  }
  return key;
}

// 5. Captions: a line “<descriptor><name>致辞” with the speech in the next paragraph.
function captionEvents(context: Context): void {
  const { scan, people, events, byPara, speakerCapable } = context;
  const { norm } = scan;
  const eventPositions = Int32Array.from(events, (e) => e.pos).sort();
  const hasEventIn = (s0: number, e0: number) => {
    const lo = firstAtLeast(eventPositions, s0);
    return lo < eventPositions.length && eventPositions[lo] < e0;
  };
  for (const m of people.mentions) {
    if (m.credit || !speakerCapable(m.key)) continue;
    const pi = paragraphIndex(scan, m.start);
    const para = scan.paragraphs[pi];
    if (skipBack(norm, m.descStart, SPACE) !== para.start) continue;
    const h = wordAt(scan, m.end);
    if (!h || !(h.kinds & K.EVENT) || para.end - h.end > 1) continue;
    const next = scan.paragraphs[pi + 1];
    if (!next) continue;
    const nextHasEvent = hasEventIn(next.start, next.end);
    const nextStartsWithPerson = (byPara.get(pi + 1) ?? []).some((x) => x.descStart <= next.start + 2);
    if (nextHasEvent || nextStartsWithPerson || next.end - next.start < 20) continue;
    events.push({ key: m.key, pos: m.start, cueEnd: m.end, via: 'caption', fixed: [trimSpan(norm, next.start, next.end, 'caption')], follow: false, from: m.descStart });
  }
}

// Quotes: a following “…”, or the words up to the next attribution in the paragraph.
function quotesOf(context: Context): Attribution[] {
  const { people, events } = context;
  events.sort((a, b) => a.pos - b.pos);
  const creditStarts = Int32Array.from(people.creditSpans, (s) => s.start).sort();
  const out = new Map<string, Attribution>();
  for (let ei = 0; ei < events.length; ei++) {
    const ev = events[ei];
    if (ev.key === null) continue;
    const quotes: Quote[] = [];
    for (const f of ev.fixed ?? []) quotes.push({ start: f.start, end: f.end, via: f.via });
    if (ev.follow) wordsAfterCue(context, ei, ev.key, creditStarts, quotes);
    if (quotes.length === 0) continue;
    let a = out.get(ev.key);
    if (!a) out.set(ev.key, (a = { key: ev.key, pos: ev.pos, quotes: [] }));
    a.quotes.push(...quotes);
  }
  // One passage is quoted once: 萨利赫说,希望加强合作 gives the passage after 说 and, from the cue 希望, the part
  // after it; the part inside the whole is dropped (as is an exact repeat).
  for (const a of out.values()) {
    a.quotes.sort((x, y) => x.start - y.start || y.end - x.end);
    let coverEnd = -1;
    a.quotes = a.quotes.filter((q) => {
      if (q.end <= coverEnd) return false;
      coverEnd = q.end;
      return true;
    });
  }
  return [...out.values()];
}

/**
 * The words an event's cue introduces, up to the next event, a credit or another person's sentence: pushed to
 * `quotes`. A function of its own, called per event: optimised early, while ordinary articles are read.
 */
function wordsAfterCue(context: Context, ei: number, key: string, creditStarts: Int32Array, quotes: Quote[]): void {
  const { scan, events, byPara } = context;
  const { norm } = scan;
  const ev = events[ei];
  const pi = paragraphIndex(scan, ev.cueEnd > 0 ? ev.cueEnd - 1 : 0);
  const para = scan.paragraphs[pi];
  let s = ev.cueEnd;
  // 分析称, / 介绍道: a speech verb's own 称/道/说 before the punctuation belongs to the verb, not the words.
  if ((norm[s] === '称' || norm[s] === '道' || norm[s] === '说') && (norm[s + 1] === ',' || norm[s + 1] === ':')) s++;
  // 分析认为, / 调查发现: a second speech verb right after the first, before the punctuation, is the frame too.
  const second = wordAt(scan, s);
  if (second && second.kinds & K.CUE && (norm[second.end] === ',' || norm[second.end] === ':')) s = second.end;
  s = afterAddressee(norm, ev.pos, s, para.end);
  while (s < para.end && (norm[s] === ' ' || norm[s] === ',' || norm[s] === ':')) s++;
  const close = norm[s] === '“' ? scan.closeOf.get(s) : undefined;
  // A quote that closes the sentence is the passage; “七下八上”期间,… is just a quoted phrase in it.
  const closesSentence = close !== undefined && (close + 1 >= para.end || SENTENCE_END.at(norm, close + 1) || norm[close - 1] === '。');
  if (close !== undefined && closesSentence) {
    if (close - s <= MAX_QUOTE) quotes.push({ start: s + 1, end: close, via: ev.via });
  } else if (s < para.end && !SENTENCE_END.has(norm.charCodeAt(s))) {
    let e = para.end;
    for (let k = ei + 1; k < events.length; k++) {
      if (events[k].pos >= para.end) break;
      if (events[k].pos > s) {
        e = Math.min(e, Math.max(s, events[k].from));
        break;
      }
    }
    // First credit after s: a quote stops before “(记者 …)”.
    const lo = firstAtLeast(creditStarts, s + 1);
    if (lo < creditStarts.length && creditStarts[lo] < e) e = creditStarts[lo];
    e = sentenceOfSomeoneElse(scan, byPara.get(pi), key, s, e);
    if (e - s > MAX_QUOTE) e = s + MAX_QUOTE;
    const span = trimSpan(norm, s, e, ev.via);
    if (span.end > span.start) quotes.push(span);
  }
}

/**
 * 省长王凯强调,…。副省长刘玉江主持会议。: a sentence that opens with another person's mention is about them, not
 * more of the words. Where the words end (the start of that sentence), or `e`.
 */
function sentenceOfSomeoneElse(scan: Scan, mentions: Mention[] | undefined, key: string, s: number, e: number): number {
  e = sentenceOfUnknownSpeaker(scan, s, e);
  if (!mentions) return e;
  const { norm } = scan;
  // From the first mention after s (a paragraph may hold thousands).
  for (let k = firstMentionFrom(mentions, s + 1); k < mentions.length; k++) {
    const m = mentions[k];
    if (m.descStart >= e) break;
    if (m.descStart <= s || m.credit || m.key === key) continue;
    let j = m.descStart;
    while (j > s && norm[j - 1] === ' ') j--;
    if (j > s && SENTENCE_END.has(norm.charCodeAt(j - 1))) return j;
  }
  return e;
}

/** The first of a paragraph's mentions (in text order) that starts at or after `pos` (binary search). */
function firstMentionFrom(mentions: Mention[], pos: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const MAX_UNKNOWN_SUBJECT = 4;
/**
 * …。琼色强调,…: a sentence that opens with a short subject and a speech verb before its comma or colon is
 * someone else speaking, even one the name rules do not know (a name without a surname, 次仁多吉). Not 我们/
 * 大家…们 (the speaker's own 我们认为). Only sentence ends inside the words are visited (binary search).
 */
function sentenceOfUnknownSpeaker(scan: Scan, s: number, e: number): number {
  const { norm, sentenceEnds: ends } = scan;
  for (let k = firstAtLeast(ends, s); k < ends.length && ends[k] + 1 < e; k++) {
    const start = ends[k] + 1;
    if (norm[start] === '“' || norm[start] === '”') continue;
    let j = start;
    while (j < e && j - start <= MAX_UNKNOWN_SUBJECT && isCjk(norm.charCodeAt(j)) && !(kindsAt(scan, j) & K.CUE)) j++;
    if (j - start < 2 || j - start > MAX_UNKNOWN_SUBJECT || !(kindsAt(scan, j) & K.CUE)) continue;
    const after = scan.wordEndAt[j];
    if (norm[after] !== ',' && norm[after] !== ':') continue;
    const subject = norm.slice(start, j);
    // Not the speaker's own subject (我们认为) or an adverb (还特别指出: more of the same words).
    if (/^[我咱你]|们|大家|这|那|此|其/.test(subject) || kindsAt(scan, start) & (K.FUNC | K.ANON) || scan.lex.functionChars.has(norm.charCodeAt(start))) continue;
    return start;
  }
  return e;
}

/** Verbs said to someone: 提醒市民, 呼吁广大群众, 告诫游客. */
const ADDRESSING_CUES = ['提醒', '呼吁', '号召', '告诫', '叮嘱', '嘱咐', '倡议'];
/** Who is addressed: the last word of the addressee before the comma. */
const ADDRESSEES = /(?:市民|群众|居民|游客|公众|大家|朋友们|网友|家长|学生|驾驶员|司机|村民|民众|人员|旅客|乘客|消费者|各界|朋友|部门|单位|企业|各地)(?:们)?$/;
const MAX_ADDRESSEE = 10;

/**
 * 提醒市民,注意防范强降雨 / 告诫大家:“…”: the people addressed, up to a comma or colon right after them, are not
 * the words said. Returns where the words start (past the mark), or `s` unchanged.
 */
function afterAddressee(norm: string, cueStart: number, s: number, limit: number): number {
  let cue = false;
  for (const c of ADDRESSING_CUES) if (norm.startsWith(c, cueStart) && cueStart + c.length === s) cue = true;
  if (!cue) return s;
  const end = Math.min(limit, s + MAX_ADDRESSEE + 1);
  for (let j = s; j < end; j++) {
    const c = norm.charCodeAt(j);
    if (c === 0x2c || c === 0x3a) return j > s && ADDRESSEES.test(norm.slice(s, j)) ? j + 1 : s; // , :
    if (!isCjk(c)) return s;
  }
  return s;
}

const MAX_REPRESENTS = 60;
/**
 * A代表B和C,向…表示感谢: A speaks on behalf of others; the cue comes after the list of those represented, past a
 * comma. The first content cue in the sentence after 代表, or null. (B and C get no cue of their own.)
 */
function representsFrame(scan: Scan, from: number, limit: number): { start: number; end: number; kinds: number } | null {
  const { norm } = scan;
  if (!norm.startsWith('代表', from)) return null;
  const end = Math.min(limit, from + MAX_REPRESENTS);
  for (let j = from + 2; j < end; j++) {
    const c = norm.charCodeAt(j);
    if (c === 0x3002 || c === 0x21 || c === 0x3f || c === 0x3b || c === 0x0a) return null;
    if (kindsAt(scan, j) & K.CUE) return wordAt(scan, j)!;
  }
  return null;
}

/** Cues that attribute only inside a frame: 在X看来. */
function isFramedCue(scan: Scan, cue: { start: number; end: number }): boolean {
  return cue.end - cue.start === 2 && scan.norm.startsWith('看来', cue.start);
}

const MAX_GESTURE = 16;
/** Characters that make the words before a colon something other than a gesture (的口号是:, 指出的是:). */
const NOT_GESTURE = new CharClass('的是为');

/**
 * <name><gesture>:“…” — the colon right after a name and a short stretch without clause punctuation, followed by
 * an opening quote. Returns the colon's position, or -1.
 */
function colonFrame(scan: Scan, from: number, limit: number): number {
  const { norm } = scan;
  const end = Math.min(limit, from + MAX_GESTURE + 1);
  for (let j = from; j < end; j++) {
    const c = norm.charCodeAt(j);
    if (c === 0x3a) {
      let q = j + 1;
      while (q < limit && norm.charCodeAt(q) === 0x20) q++;
      return norm.charCodeAt(q) === 0x201c ? j : -1;
    }
    // , ; 。 ! ? \n “ ” ( and 的 是 为 (char codes: no string per step)
    if (c === 0x2c || c === 0x3b || c === 0x3002 || c === 0x21 || c === 0x3f || c === 0x0a || c === 0x201c || c === 0x201d || c === 0x28 || NOT_GESTURE.has(c)) return -1;
    if (kindsAt(scan, j) & (K.ATTEND | K.HOST | K.ANON | K.TITLE)) return -1;
  }
  return -1;
}

/**
 * 请A,B,C介绍…情况: the 请 governs the whole list of people before the verb, so the last one in the list is
 * invited too. True when the sentence has a 请 before the mention and no speech verb between them.
 */
function invitedInList(scan: Scan, before: number): boolean {
  const { norm } = scan;
  for (let j = before - 1; j >= 0 && before - j <= 200; j--) {
    const c = norm[j];
    if (c === '。' || c === '!' || c === '?' || c === '\n' || c === ';' || c === ':') return false;
    if (c === '请') return j === 0 || norm[j - 1] !== '申'; // 申请 is “apply”
    if (kindsAt(scan, j) & K.CUE && scan.wordEndAt[j] <= before) return false;
  }
  return false;
}

function anonInClause(scan: Scan, cue: number, floor: number): boolean {
  for (let j = cue - 1; j >= floor && cue - j <= 30; j--) {
    if (CLAUSE_END.has(scan.norm.charCodeAt(j))) return false;
    if (kindsAt(scan, j) & K.ANON && scan.wordEndAt[j] <= cue) return true;
  }
  return false;
}

function clauseStartAfterAdverbs(scan: Scan, s: number): number {
  for (const a of ADVERBS) if (scan.norm.startsWith(a, s)) return s + a.length;
  return s;
}

/** First hit kind in the clause after a name: attending (出席/参加) names are not subjects. */
export function clauseVerb(scan: Scan, from: number, limit: number): number {
  const end = Math.min(limit, from + 80);
  const { norm } = scan;
  for (let j = from; j < end; j++) {
    const c = norm.charCodeAt(j); // char codes: a CJK one-character string would be allocated per step
    if (c === 0x2c || c === 0x3b || c === 0x3002 || c === 0x21 || c === 0x3f || c === 0x0a) return 0;
    const verb = kindsAt(scan, j) & (K.CUE | K.EVENT | K.ATTEND | K.HOST);
    if (verb) return verb;
  }
  return 0;
}

/** First such hit up to the sentence end (lists: 胡忠雄、…,…李洪晖在主会场参加). */
export function sentenceVerb(scan: Scan, from: number, limit: number): number {
  const end = Math.min(limit, from + 240);
  const { norm } = scan;
  for (let j = from; j < end; j++) {
    const c = norm.charCodeAt(j);
    if (c === 0x3002 || c === 0x21 || c === 0x3f || c === 0x3b || c === 0x0a) return 0;
    const verb = kindsAt(scan, j) & (K.CUE | K.EVENT | K.ATTEND | K.HOST);
    if (verb) return verb;
  }
  return 0;
}

function trimSpan(norm: string, s: number, e: number, via: AttributionVia): { start: number; end: number; via: AttributionVia } {
  while (s < e && (norm[s] === ' ' || norm[s] === '\n')) s++;
  while (e > s && (norm[e - 1] === ' ' || norm[e - 1] === '\n')) e--;
  return { start: s, end: e, via };
}

export type { LabelTurn };
