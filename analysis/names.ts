// Person-name recognition without word segmentation: a surname (single or compound) plus one or
// two characters, found only where Chinese news puts names — after a title, in a list after a
// named person, at a clause start before a speech verb, between an organisation and a title (…局王强局长),
// in credits and in transcript labels.
// Whether the given name has one or two characters is decided by what follows and by how the
// shorter form is used elsewhere in the same article.
import { AhoCorasick } from './aho-corasick';
import { CharClass } from './char-class';
import { IntList } from './int-list';
import { K } from './lexicon';
import { isCjk, kindsAt, type Scan } from './scan';

export type SiteMode = 'title' | 'list' | 'bare' | 'org' | 'credit' | 'label';

export interface NameSite {
  pos: number;
  surLen: number;
  prior: number;
  mode: SiteMode;
}

/** Kinds of vocabulary words that may follow (and so end) a name. */
const BOUNDARY_KINDS = K.TITLE | K.HONORIFIC | K.CUE | K.EVENT | K.ATTEND | K.HOST | K.FUNC | K.CREDIT;
/** Kinds of words that may not begin inside a given name. */
const BLOCK_KINDS = BOUNDARY_KINDS | K.ORG | K.NOT_ORG | K.ANON;
/** Characters that do not start a given name (function words, units of organisations). */
const NEVER_GIVEN = new CharClass('的了是在与及等对于将把被从就都还并而或即该其所这那各每们没已要需让使由给说表称市省县局厅部处司委办院队员到里个');
/** One-character words after which a two-character name is preferred when both readings end well. */
const STRONG_FOLLOW = new CharClass('说等在和与及对向称');

export function surnameAt(scan: Scan, pos: number): { len: number; prior: number } | null {
  const { norm, lex } = scan;
  if (pos < 0 || pos >= norm.length) return null;
  const code = norm.charCodeAt(pos);
  if (lex.compoundFirst[code] && pos + 1 < norm.length) {
    const c2 = lex.compoundSurname.get(norm.slice(pos, pos + 2));
    if (c2 !== undefined) return { len: 2, prior: c2 };
  }
  const c1 = lex.surnamePrior[code];
  return c1 >= 0 ? { len: 1, prior: c1 } : null;
}

/** Can norm[pos]..norm[pos+len) be the name? */
function optionOk(scan: Scan, site: NameSite, len: number): boolean {
  const { norm, lex } = scan;
  const { pos, surLen } = site;
  if (pos + len > norm.length) return false;
  for (let i = pos; i < pos + len; i++) if (!isCjk(norm.charCodeAt(i))) return false;
  const name = norm.slice(pos, pos + len);
  if (lex.notNames.has(name)) return false;
  if (len === surLen + 2 && site.prior < 0.9 && lex.notNames.has(norm.slice(pos, pos + surLen + 1))) return false;
  if (NEVER_GIVEN.has(norm.charCodeAt(pos + surLen))) return false;
  for (let i = pos + surLen; i < pos + len; i++) {
    if (!(kindsAt(scan, i) & BLOCK_KINDS)) continue;
    const end = scan.wordEndAt[i];
    // 王指出 / 江学者: a vocabulary word right at the given name; 吴强主持: a word running past the end.
    if (i === pos + surLen && end - i >= 2) return false;
    if (end > pos + len) return false;
  }
  return true;
}

export function boundaryAt(scan: Scan, i: number): boolean {
  const { norm } = scan;
  if (i >= norm.length) return true;
  const code = norm.charCodeAt(i);
  if (!isCjk(code) || scan.lex.functionChars.has(code)) return true;
  return (kindsAt(scan, i) & BOUNDARY_KINDS) !== 0;
}

/** Length chosen for the name at the site, or 0 when no reading is acceptable. */
function decide(scan: Scan, site: NameSite, counts: Occurrences): number {
  const { norm } = scan;
  const { pos, surLen, mode, prior } = site;
  const l2 = surLen + 1;
  const l3 = surLen + 2;
  let ok2 = optionOk(scan, site, l2);
  let ok3 = optionOk(scan, site, l3);
  // Ambiguous surname characters (国 全 通 安…) need a two-character given name, and in some modes more.
  if (prior < 0.3) ok2 = false;
  if (mode === 'bare' && prior < 0.7) ok2 = false;
  if (!ok2 && !ok3) return 0;
  // After a title a name need not end well (局长王强调研), unless its surname is an everyday character
  // (市民应做好…: 应 starts a verb phrase far more often than a name).
  const lenient = mode === 'title' && prior >= 0.3;
  const f2 = ok2 && boundaryAt(scan, pos + l2);
  const f3 = ok3 && boundaryAt(scan, pos + l3);
  if (ok2 && !ok3) return f2 || lenient ? l2 : 0;
  if (!ok2 && ok3) return f3 || lenient ? l3 : 0;
  if (f3 && !f2) return l3;
  if (f2 && !f3) return l2;
  if (f2 && f3) {
    const c2 = counts.count(norm.slice(pos, pos + l2));
    const c3 = counts.count(norm.slice(pos, pos + l3));
    // 马军以“四不两直”… : 马军 also occurs without 以 elsewhere, so 以 is not part of the name.
    if (c2 > c3) return l2;
    return STRONG_FOLLOW.has(norm.charCodeAt(pos + l2)) ? l2 : l3;
  }
  // 陈刚语重心长地表示 / 王秀英感激地说: before 地 and a speech verb, the adverb has two or four characters.
  const adverbial = adverbialEnd(scan, pos + l2);
  if (adverbial > 0) {
    if (ok2 && (adverbial - pos - l2 === 2 || adverbial - pos - l2 === 4)) return l2;
    if (ok3 && (adverbial - pos - l3 === 2 || adverbial - pos - l3 === 4)) return l3;
  }
  return lenient ? l3 : 0;
}

const MAX_ADVERB = 5;
/** Where the 地 of an adverbial before a speech verb stands (…感激地说), searched from `from`; 0 when none. */
export function adverbialEnd(scan: Scan, from: number): number {
  const { norm } = scan;
  for (let j = from + 1; j <= from + MAX_ADVERB && j < norm.length; j++) {
    if (!isCjk(norm.charCodeAt(j))) return 0;
    if (norm[j] === '地' && kindsAt(scan, j + 1) & K.CUE) return j;
  }
  return 0;
}

export interface DecidedName {
  start: number;
  end: number;
  mode: SiteMode;
}

/** The strings a site may be read as: surname + one or two characters. */
export function siteReadings(norm: string, sites: readonly NameSite[]): string[] {
  const out = new Set<string>();
  for (const s of sites) {
    out.add(norm.slice(s.pos, s.pos + s.surLen + 1));
    if (s.pos + s.surLen + 2 <= norm.length) out.add(norm.slice(s.pos, s.pos + s.surLen + 2));
  }
  return [...out];
}

/**
 * Every occurrence of a set of strings in the text, from one automaton pass: how often each occurs (to choose a
 * name's length) and, for the strings finally taken as names, the longest at each position (to find mentions).
 */
export class Occurrences {
  private readonly index = new Map<string, number>();
  private readonly counts: Int32Array;
  private readonly starts = new IntList(1024);
  private readonly patterns = new IntList(1024);

  constructor(text: string, private readonly strings: readonly string[]) {
    strings.forEach((str, i) => this.index.set(str, i));
    this.counts = new Int32Array(strings.length);
    if (strings.length === 0) return;
    new AhoCorasick(strings).forEachMatch(text, (start, _end, pattern) => {
      this.counts[pattern]++;
      this.starts.push(start);
      this.patterns.push(pattern);
    });
  }

  count(str: string): number {
    const i = this.index.get(str);
    return i === undefined ? 0 : this.counts[i];
  }

  /**
   * The occurrences of the wanted strings, by start and, at one start, longest first: a list as long as the
   * occurrences (not the text), each entry a start and an index into `strings`.
   */
  byStart(wanted: (str: string) => boolean): { starts: Int32Array; strings: Int32Array } {
    const take = Uint8Array.from(this.strings, (str) => (wanted(str) ? 1 : 0));
    // One sortable number per occurrence: start, then 15 − length (longer first), then the string's index. The
    // product stays below 2^53: starts < 2^23 (MAX_TEXT_LENGTH), and there are at most two strings per site.
    const slots = 2 ** Math.ceil(Math.log2(this.strings.length + 1));
    const keys: number[] = [];
    for (let k = 0; k < this.patterns.length; k++) {
      const p = this.patterns.get(k);
      if (!take[p]) continue;
      keys.push((this.starts.get(k) * 16 + (15 - Math.min(15, this.strings[p].length))) * slots + p);
    }
    const sorted = Float64Array.from(keys).sort();
    const starts = new Int32Array(sorted.length);
    const strings = new Int32Array(sorted.length);
    for (let i = 0; i < sorted.length; i++) {
      strings[i] = sorted[i] % slots;
      starts[i] = Math.floor(sorted[i] / slots / 16);
    }
    return { starts, strings };
  }

  string(index: number): string {
    return this.strings[index];
  }
}

/**
 * Decide all sites together: choose lengths by how often each reading occurs in the article (`occurrences`
 * must cover siteReadings). Sites are processed in text order, and list sites (after 、) are kept only when
 * the previous name was accepted.
 */
export function decideSites(scan: Scan, sites: NameSite[], occurrences: Occurrences, accept: (site: NameSite, end: number) => boolean): DecidedName[] {
  sites.sort((a, b) => a.pos - b.pos);
  const decided: DecidedName[] = [];
  const acceptedEnds = new Set<number>();
  let lastPos = -1;
  for (const s of sites) {
    if (s.pos === lastPos) continue;
    if (s.mode === 'list') {
      // Only continue a list: 省领导胡忠雄、吴胜华、李睿
      let j = s.pos - 1; // the 、
      if (!acceptedEnds.has(j)) continue;
    }
    const len = decide(scan, s, occurrences);
    if (len === 0) continue;
    if (!accept(s, s.pos + len)) continue;
    decided.push({ start: s.pos, end: s.pos + len, mode: s.mode });
    acceptedEnds.add(s.pos + len);
    // 陈胜先生、边卫华先生: an honorific may sit between the name and the 、
    if (kindsAt(scan, s.pos + len) & K.HONORIFIC) acceptedEnds.add(scan.wordEndAt[s.pos + len]);
    lastPos = s.pos;
  }
  return decided;
}
