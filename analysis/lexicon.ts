// Loads the versioned lexicon data and compiles it once into a single Aho–Corasick automaton.
// Reader corrections that change the vocabulary (added/removed terms) get their own cached build.
import { CharClass } from './char-class';
import { AhoCorasick } from './aho-corasick';
import { normalizeText } from './normalize';
import type { PhraseCategory, ReaderCorrections } from './types';
// Named imports: the bundle carries only the lists, not each file's description, sources and licence.
import { version as surnamesVersion, single as singleSurnames, compound as compoundSurnames } from './lexicon/surnames.json';
import { version as peopleVersion, titles, honorifics, anonymous as anonymousSubjects, orgSuffixes, notOrgWords } from './lexicon/people.json';
import { version as cuesVersion, content as contentCues, event as eventCues, attendance as attendanceCues, host as hostCues, creditLabels, functionWords } from './lexicon/speech-cues.json';
import { version as notNamesVersion, words as notNameWords, citedLeaders } from './lexicon/not-names.json';
import { version as policyTermsVersion, terms as policyTerms } from './lexicon/policy-terms.json';
import { version as patternsVersion, macros as regexMacros, regex as phraseRegexes, quotedSlogans, enumeration } from './lexicon/policy-patterns.json';

/** Bit flags: what a vocabulary hit is. One string may carry several. */
export const K = {
  TITLE: 1,
  HONORIFIC: 2,
  ANON: 4,
  ORG: 8,
  NOT_ORG: 16,
  CUE: 32,
  EVENT: 64,
  ATTEND: 128,
  HOST: 256,
  CREDIT: 512,
  FUNC: 1024,
  POLICY: 2048,
  /** A literal that an anchored phrase regex needs (see `anchorRegexes`): not a word of its own. */
  ANCHOR: 4096,
} as const;

export interface PolicyEntry {
  text: string;
  category: PhraseCategory;
  source: 'lexicon' | 'reader';
  /** Key into the lexicon's `sources` (where the term was curated from); '' for reader terms. */
  ref: string;
}

export interface RegexPattern {
  id: string;
  category: PhraseCategory;
  re: RegExp;
  /** Literals every match contains: the (sticky) regex is tried only near their occurrences. */
  anchors: string[];
  /** How far before an anchor a match may start. */
  reach: number;
  /** The regex behind a lazy skip of up to `reach` characters (group 1), sticky: one call tries a whole window. */
  windowed: RegExp;
}

export interface SloganGates {
  minLength: number;
  maxLength: number;
  numerals: string;
  numeralMaxLength: number;
  separators: string;
  partMinLength: number;
  partMaxLength: number;
  suffixes: string[];
  followers: string[];
  verbs: string[];
  themeMarkers: string[];
  citationMarkers: string[];
}

export interface CompiledLexicon {
  version: string;
  ac: AhoCorasick;
  /** Per automaton pattern: K flags. */
  kinds: Int32Array;
  /** Per automaton pattern: the policy entry when it is a policy term. */
  policy: (PolicyEntry | undefined)[];
  /** Per automaton pattern that is an anchor: the indices in `regexes` of the regexes it anchors. */
  anchorRegexes: (number[] | undefined)[];
  patternText: string[];
  /** Per code unit: the prior of a one-character surname, or -1 (a read per probe, no string made). */
  surnamePrior: Float32Array;
  /** Per code unit: 1 when some compound surname begins with it, so the two-character lookup is rare. */
  compoundFirst: Uint8Array;
  compoundSurname: Map<string, number>;
  notNames: Set<string>;
  citedLeaders: Set<string>;
  regexes: RegexPattern[];
  slogans: SloganGates;
  enumeration: { maxItemLength: number; minItems: number };
  removedTerms: Set<string>;
  /** Code units of one-character function words that may follow a name. */
  functionChars: CharClass;
  /** Milliseconds spent compiling (for the bench). */
  compileMs: number;
}

export const LEXICON_VERSION = [
  surnamesVersion,
  peopleVersion,
  cuesVersion,
  notNamesVersion,
  policyTermsVersion,
  patternsVersion,
].join('.');

/** The ways the parts of a slogan are set apart in print. */
const TERM_SEPARATORS = ['、', ',', ''];

const CATEGORIES: ReadonlySet<string> = new Set(['meeting', 'doctrine', 'programme', 'document', 'slogan', 'domain']);

function build(corrections: Pick<ReaderCorrections, 'addedTerms' | 'removedTerms'> | undefined): CompiledLexicon {
  const t0 = typeof performance !== 'undefined' ? performance.now() : Date.now();
  const index = new Map<string, number>();
  const strings: string[] = [];
  const kinds: number[] = [];
  const policy: (PolicyEntry | undefined)[] = [];
  const add = (raw: string, kind: number, entry?: PolicyEntry) => {
    const s = normalizeText(raw);
    if (s.length === 0) return;
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      index.set(s, i);
      strings.push(s);
      kinds.push(0);
      policy.push(undefined);
    }
    kinds[i] |= kind;
    if (entry && !policy[i]) policy[i] = entry;
  };
  for (const w of titles) add(w, K.TITLE);
  for (const w of honorifics) add(w, K.HONORIFIC);
  for (const w of anonymousSubjects) add(w, K.ANON);
  for (const w of orgSuffixes) add(w, K.ORG);
  for (const w of notOrgWords) add(w, K.NOT_ORG);
  for (const w of contentCues) add(w, K.CUE);
  for (const w of eventCues) add(w, K.EVENT);
  for (const w of attendanceCues) add(w, K.ATTEND);
  for (const w of hostCues) add(w, K.HOST);
  for (const w of creditLabels) add(w, K.CREDIT);
  // One-character function words (的 在 等…) are very frequent: they are tested by character
  // (see functionChars) instead of being automaton hits.
  for (const w of functionWords) if (w.length > 1) add(w, K.FUNC);

  const removed = new Set<string>((corrections?.removedTerms ?? []).filter((t) => typeof t === 'string').map(normalizeText));
  const addTerm = (text: string, category: PhraseCategory, source: 'lexicon' | 'reader', ref: string) => {
    const norm = normalizeText(text);
    if (removed.has(norm)) return;
    const entry: PolicyEntry = { text, category, source, ref };
    add(norm, K.POLICY, entry);
    // Slogans are printed with 、 in one place, a comma in another, or run together (宁听骂声、不听哭声 /
    // 宁听骂声不听哭声); themes with a comma also with a space: match each form.
    if (/[、,]/.test(norm)) for (const separator of TERM_SEPARATORS) add(norm.replace(/[、,]/g, separator), K.POLICY, entry);
    if (norm.includes(',')) add(norm.replace(/,/g, ' '), K.POLICY, entry);
  };
  for (const [text, category, ref] of policyTerms as [string, string, string][]) {
    if (CATEGORIES.has(category)) addTerm(text, category as PhraseCategory, 'lexicon', ref);
  }
  for (const t of corrections?.addedTerms ?? []) {
    if (t && typeof t.text === 'string' && t.text.trim() && CATEGORIES.has(t.category)) addTerm(t.text.trim(), t.category, 'reader', '');
  }

  const surnamePrior = new Float32Array(0x10000).fill(-1);
  for (const [c, prior] of Object.entries(singleSurnames as Record<string, number>)) surnamePrior[c.charCodeAt(0)] = prior;
  const compoundSurname = new Map<string, number>(Object.entries(compoundSurnames as Record<string, number>));
  const compoundFirst = new Uint8Array(0x10000);
  for (const c of compoundSurname.keys()) compoundFirst[c.charCodeAt(0)] = 1;
  const regexes: RegexPattern[] = (phraseRegexes as { id: string; category: string; re: string; anchors?: string[]; reach?: number }[]).map((r) => {
    // A regex tried at every character of a long text costs more than the rest of the analysis: each needs anchors.
    if (!r.anchors?.length || typeof r.reach !== 'number') throw new Error(`policy-patterns.json: regex ${r.id} needs anchors and a reach`);
    const source = expandMacros(r.id, r.re);
    const windowed = new RegExp(`([^]{0,${r.reach}}?)(?:${shiftBackReferences(source)})`, 'y');
    return { id: r.id, category: r.category as PhraseCategory, re: new RegExp(source, 'y'), anchors: r.anchors, reach: r.reach, windowed };
  });
  // Anchors go into the same automaton, so their occurrences come from the one pass over the text.
  const anchorRegexes: (number[] | undefined)[] = [];
  regexes.forEach((r, ri) => {
    for (const a of r.anchors) {
      add(a, K.ANCHOR);
      const i = index.get(normalizeText(a))!;
      (anchorRegexes[i] ??= []).push(ri);
    }
  });
  anchorRegexes.length = strings.length;
  const ac = new AhoCorasick(strings);
  const t1 = typeof performance !== 'undefined' ? performance.now() : Date.now();
  return {
    version: LEXICON_VERSION,
    ac,
    kinds: Int32Array.from(kinds),
    policy,
    anchorRegexes,
    patternText: strings,
    surnamePrior,
    compoundFirst,
    compoundSurname,
    notNames: new Set(notNameWords),
    citedLeaders: new Set(citedLeaders),
    regexes,
    slogans: quotedSlogans as SloganGates,
    enumeration,
    removedTerms: removed,
    functionChars: new CharClass(functionWords.filter((w) => w.length === 1).map((w) => normalizeText(w))),
    compileMs: t1 - t0,
  };
}

let base: CompiledLexicon | null = null;
const layered = new Map<string, CompiledLexicon>();
const LAYERED_CACHE_SIZE = 4;

/** A pattern with its {NAME} macros (shared alternations: the hazards, the level numerals) written out. */
function expandMacros(id: string, re: string): string {
  return re.replace(/\{([A-Z]+)\}/g, (_, name: string) => {
    const body = (regexMacros as Record<string, string>)[name];
    if (body === undefined) throw new Error(`policy-patterns.json: regex ${id} uses an unknown macro {${name}}`);
    return body;
  });
}

/** A regex source with its numbered back-references moved up one, for a group put in front of it. */
export function shiftBackReferences(source: string): string {
  return source.replace(/\\(\d+)|\\[^]/g, (escape, n: string | undefined) => (n === undefined || n === '0' ? escape : `\\${Number(n) + 1}`));
}

/**
 * The compiled lexicon, built on first use and cached. Reader corrections that change the
 * vocabulary (addedTerms/removedTerms) are layered over the built-in data in a separate cached build.
 */
export function compileLexicon(corrections?: ReaderCorrections): CompiledLexicon {
  const added = corrections?.addedTerms ?? [];
  const removed = corrections?.removedTerms ?? [];
  if ((!Array.isArray(added) || added.length === 0) && (!Array.isArray(removed) || removed.length === 0)) {
    if (!base) base = build(undefined);
    return base;
  }
  const key = JSON.stringify([added, removed]);
  let hit = layered.get(key);
  if (!hit) {
    hit = build({ addedTerms: Array.isArray(added) ? added : [], removedTerms: Array.isArray(removed) ? removed : [] });
    if (layered.size >= LAYERED_CACHE_SIZE) layered.delete(layered.keys().next().value as string);
    layered.set(key, hit);
  }
  return hit;
}

/** Drop cached builds (tests and the bench use it to time a cold compile). */
export function resetLexiconCache(): void {
  base = null;
  layered.clear();
}
