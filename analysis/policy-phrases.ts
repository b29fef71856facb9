// Policy phrases: curated lexicon terms (one automaton pass, shared with the people rules),
// rule-made phrases (全会, 《…法》, 习近平总书记关于…的重要指示精神, named meetings, response levels),
// short quoted slogans that pass the gates in the pattern file, and short 一是…二是… items.
import { CharClass } from './char-class';
import { K } from './lexicon';
import { isCjk, kindsAt, type Scan } from './scan';
import type { RegexPattern, SloganGates } from './lexicon';
import type { PhraseCategory, PolicyPhrase } from './types';

const CLAUSE_CHARS = new CharClass([',', ';', '。', '!', '?', ':', '\n', '“', '”']);
const MAX_ORG_LOOKAHEAD = 8;
/** Words that begin with a unit character but are nouns that organisation names are made of. */
const NAME_NOUNS: ReadonlySet<string> = new Set(['科学', '科技', '科普', '社会', '司法']);

/** A term that is the start of an organisation name (安全生产司, 公共安全研究院) does not count. */
function insideOrganisation(scan: Scan, end: number): boolean {
  const kinds = kindsAt(scan, end);
  if (kinds & K.ORG && !(kinds & K.NOT_ORG)) return true;
  const { norm } = scan;
  for (let j = end + 1; j <= end + MAX_ORG_LOOKAHEAD && j <= norm.length; j++) {
    if (!isCjk(norm.charCodeAt(j - 1))) return false;
    const start = scan.orgEndAt.get(j);
    // A one-character unit (司, 局) counts only where a title follows it: 安全生产基础司司长.
    const unitBeforeTitle = start !== undefined && j - start === 1 && (kindsAt(scan, j) & K.TITLE) !== 0;
    if (start !== undefined && start >= end && (j - start >= 2 || unitBeforeTitle)) {
      // The words between must not be a verb phrase: only plain characters, no cue or function word.
      for (let k = end; k < start; k++) {
        const kinds = kindsAt(scan, k);
        if (kinds & (K.CUE | K.FUNC | K.EVENT | K.ATTEND | K.HOST)) return false;
        // 部署, 处理: a verb ends it; 科学, 社会 are nouns of a body's name (安全生产科学研究院).
        if (kinds & K.NOT_ORG && !NAME_NOUNS.has(norm.slice(k, scan.wordEndAt[k]))) return false;
        if (scan.lex.functionChars.has(norm.charCodeAt(k))) return false;
      }
      return true;
    }
  }
  return false;
}

/** A term inside a person's title (安全生产监察专员) is part of the title. */
function insideTitle(scan: Scan, start: number, end: number): boolean {
  for (let s = Math.max(0, start - 8); s <= start; s++) {
    const wordEnd = scan.wordEndAt[s];
    if (kindsAt(scan, s) & K.TITLE && wordEnd >= end && wordEnd - s > end - start) return true;
  }
  return false;
}

function lexiconPhrases(scan: Scan): PolicyPhrase[] {
  const out: PolicyPhrase[] = [];
  const { starts, ends, patterns } = scan.policyHits;
  for (let k = 0; k < starts.length; k++) {
    const entry = scan.lex.policy[patterns[k]];
    if (!entry) continue;
    const start = starts[k];
    const end = ends[k];
    if (insideOrganisation(scan, end) || insideTitle(scan, start, end)) continue;
    out.push({ start, end, text: scan.text.slice(start, end), category: entry.category, source: entry.source === 'reader' ? 'reader' : 'lexicon' });
  }
  return out;
}

/**
 * Matches of an anchored regex: leftmost-first like a global one, tried only near the anchors. Per anchor one
 * call of the windowed form (which skips lazily up to `reach` characters before the body) replaces trying the
 * sticky body at each of those starts in turn.
 */
export function anchoredMatches(norm: string, pattern: RegexPattern, positions: number[], each: (start: number, end: number) => void): void {
  const { re, windowed, reach } = pattern;
  // Occurrences of the anchors come from the lexicon pass (ordered by end); several anchors need a sort by start.
  if (pattern.anchors.length > 1) positions.sort((x, y) => x - y);
  let lastEnd = 0;
  let tried = 0; // starts below this were already tried and failed
  for (const a of positions) {
    if (a < lastEnd) continue;
    const from = Math.max(lastEnd, tried, a - reach);
    if (from <= a) {
      windowed.lastIndex = from;
      const m = windowed.exec(norm);
      if (m) {
        const s = from + m[1].length;
        const length = m[0].length - m[1].length;
        if (s <= a && length > 0) {
          each(s, s + length);
          lastEnd = s + length;
        } else if (s <= a) {
          // An empty body match stops the window early: the starts after it, one by one.
          for (let t = s + 1; t <= a; t++) {
            re.lastIndex = t;
            const r = re.exec(norm);
            if (r && r[0].length > 0) {
              each(t, t + r[0].length);
              lastEnd = t + r[0].length;
              break;
            }
          }
        }
      }
    }
    tried = Math.max(tried, a + 1);
  }
}

function regexPhrases(scan: Scan): PolicyPhrase[] {
  const out: PolicyPhrase[] = [];
  scan.lex.regexes.forEach((p, ri) => {
    anchoredMatches(scan.norm, p, scan.anchorAt[ri], (start, end) => {
      if (p.id === 'named-meeting' && insideOrganisation(scan, end)) return;
      out.push({ start, end, text: scan.text.slice(start, end), category: p.category, source: 'pattern' });
    });
  });
  return out;
}

const separatorClasses = new Map<string, CharClass>();
/** The slogan separators as a character class, built once per lexicon. */
function separatorClass(chars: string): CharClass {
  let set = separatorClasses.get(chars);
  if (!set) separatorClasses.set(chars, (set = new CharClass(chars)));
  return set;
}

/** Characters that make a quoted passage something other than a slogan: sentence punctuation, digits, quotes. */
const NOT_IN_SLOGAN = new CharClass('。!?;:\n0123456789“”');

/** Short quoted slogans: “四预” “封住山、看住人、管住火” “敲门行动”, but not quoted speech. */
function quotedSlogans(scan: Scan): PolicyPhrase[] {
  const g = scan.lex.slogans;
  const { norm } = scan;
  const out: PolicyPhrase[] = [];
  const separators = separatorClass(g.separators);
  const { keys: opens, values: closes } = scan.closeOf;
  for (let k = 0; k < opens.length; k++) {
    const open = opens[k];
    const close = closes[k];
    const len = close - open - 1;
    if (len < g.minLength || len > g.maxLength) continue;
    const s = open + 1;
    let cjk = 0;
    let plain = true;
    for (let i = s; i < close && plain; i++) {
      const c = norm.charCodeAt(i);
      if (NOT_IN_SLOGAN.has(c)) plain = false;
      else if (isCjk(c)) cjk++;
    }
    if (!plain || cjk < Math.max(2, len - 3)) continue;
    if (citedBefore(norm, g, open)) continue;
    if (!sloganShaped(norm, g, separators, open, close)) continue;
    out.push({ start: s, end: close, text: scan.text.slice(s, close), category: 'slogan', source: 'pattern' });
  }
  return out;
}

/** “…” right after 称 / 表示: (a citation marker), or after a colon that is not a theme's (主题是:): quoted words. */
function citedBefore(norm: string, g: SloganGates, open: number): boolean {
  let jb = open;
  while (jb > 0 && (norm.charCodeAt(jb - 1) === 0x2c || norm.charCodeAt(jb - 1) === 0x20)) jb--;
  // A marker ends within the two characters before the quote (past commas and spaces).
  for (const c of g.citationMarkers) if (c.length <= Math.min(2, jb) && norm.startsWith(c, jb - c.length)) return true;
  if (open > 0 && norm.charCodeAt(open - 1) === 0x3a) {
    for (const t of g.themeMarkers) if (norm.startsWith(t, open - t.length)) return false;
    return true;
  }
  return false;
}

/** Whether the quoted passage has a slogan's shape or setting (checked cheapest first; none allocates). */
function sloganShaped(norm: string, g: SloganGates, separators: CharClass, open: number, close: number): boolean {
  const s = open + 1;
  const len = close - s;
  if (len <= g.numeralMaxLength && g.numerals.includes(norm[s])) return true;
  for (const x of g.suffixes) if (len > x.length && norm.startsWith(x, close - x.length)) return true;
  // The five characters after the quote.
  for (const x of g.followers) if (x.length <= 5 && norm.startsWith(x, close + 1)) return true;
  // Two-character verbs anywhere in the clause before; a one-character one (以) right before the quote.
  let cs = open;
  while (cs > 0 && open - cs < 16 && !CLAUSE_CHARS.has(norm.charCodeAt(cs - 1))) cs--;
  for (const v of g.verbs) {
    if (v.length > 1) {
      // Within the clause only (at most 16 characters): an indexOf would run on through the rest of the text.
      for (let p = cs; p + v.length <= open; p++) if (norm.startsWith(v, p)) return true;
    } else if (open - v.length >= cs && norm.startsWith(v, open - v.length)) return true;
  }
  // A theme marker (主题是) ending at the quote or one character before it.
  for (const t of g.themeMarkers) {
    if (open - t.length >= 0 && norm.startsWith(t, open - t.length)) return true;
    if (open - t.length - 1 >= 0 && norm.startsWith(t, open - t.length - 1)) return true;
  }
  // 封住山、看住人、管住火: two or more parts, each of a slogan part's length.
  let parts = 1;
  let partStart = s;
  for (let i = s; i <= close; i++) {
    if (i < close && !separators.has(norm.charCodeAt(i))) continue;
    const partLength = i - partStart;
    if (partLength < g.partMinLength || partLength > g.partMaxLength) return false;
    if (i < close) parts++;
    partStart = i + 1;
  }
  return parts >= 2;
}

/** 一是地上搞结实,二是地下搞清楚,三是经常搞演习: short parallel items are slogans. */
function enumerationItems(scan: Scan): PolicyPhrase[] {
  const { norm } = scan;
  const { maxItemLength, minItems } = scan.lex.enumeration;
  const out: PolicyPhrase[] = [];
  const ordinals = '一二三四五六七八九十';
  // Every 是 once, in order (searching from each paragraph start would rescan the rest of the text).
  const shi: number[] = [];
  for (let i = norm.indexOf('是'); i !== -1; i = norm.indexOf('是', i + 1)) shi.push(i);
  let si = 0;
  for (const para of scan.paragraphs) {
    const items: { start: number; end: number; ord: number }[] = [];
    while (si < shi.length && shi[si] < para.start) si++;
    for (let k = si; k < shi.length && shi[k] < para.end; k++) {
      const idx = shi[k];
      const ord = ordinals.indexOf(norm[idx - 1]);
      const prev = idx >= 2 ? norm.charCodeAt(idx - 2) : 0x0a;
      if (ord >= 0 && (CLAUSE_CHARS.has(prev) || prev === 0x20 || idx - 1 === para.start)) {
        let e = idx + 1;
        while (e < para.end && e - idx <= maxItemLength + 1 && !CLAUSE_CHARS.has(norm.charCodeAt(e))) e++;
        if (e < para.end + 1 && e - idx - 1 <= maxItemLength && e - idx - 1 >= 2 && (e >= para.end || CLAUSE_CHARS.has(norm.charCodeAt(e)))) {
          items.push({ start: idx + 1, end: e, ord });
        } else items.push({ start: -1, end: -1, ord });
      }
    }
    if (items.length >= minItems && items.every((it) => it.start >= 0) && items.every((it, i) => it.ord === i)) {
      for (let k = 0; k < items.length; k++) {
        const it = items[k];
        out.push({ start: it.start, end: it.end, text: scan.text.slice(it.start, it.end), category: 'slogan', source: 'pattern' });
      }
    }
  }
  return out;
}

const SOURCE_RANK: Record<PolicyPhrase['source'], number> = { reader: 0, lexicon: 1, pattern: 2 };

export function findPolicyPhrases(scan: Scan): PolicyPhrase[] {
  const all = [...lexiconPhrases(scan), ...regexPhrases(scan), ...quotedSlogans(scan), ...enumerationItems(scan)];
  const removed = scan.lex.removedTerms;
  const kept = removed.size ? all.filter((p) => !removed.has(scan.norm.slice(p.start, p.end))) : all;
  // Longest first, so that a phrase inside a longer one (防灾减灾 in 防灾减灾救灾) can be dropped.
  kept.sort((a, b) => a.start - b.start || b.end - a.end || SOURCE_RANK[a.source] - SOURCE_RANK[b.source]);
  const out: PolicyPhrase[] = [];
  let coverEnd = -1;
  for (const p of kept) {
    const last = out[out.length - 1];
    if (last && last.start === p.start && last.end === p.end) continue; // exact duplicate span
    if (p.end <= coverEnd) continue; // strictly inside an earlier, longer phrase
    out.push(p);
    coverEnd = Math.max(coverEnd, p.end);
  }
  return out;
}

export type { PhraseCategory };
