// A correction the reader made to the analysis, applied to every later analysis. One set of limits for
// every boundary: the sidebar's message, sync and the corrections the background hands each tab
// (`analysis/set-corrections`), so a correction one of them accepts is never refused by another.

import { array, epochMs, object, oneOf, string, type Check } from './check';

export const PHRASE_CATEGORIES = [
  'meeting', // 十九届五中全会, 全省森林防火工作电视电话会议
  'doctrine', // 总体国家安全观, 人民至上、生命至上
  'programme', // 安全生产治本攻坚三年行动, 城市生命线
  'document', // 《安全生产法》, 规划, 意见 in 《》
  'slogan', // quoted slogans: 四预, 七下八上
  'domain', // core domain terms: 安全生产, 防灾减灾救灾
] as const;
export type PhraseCategory = (typeof PHRASE_CATEGORIES)[number];

/** A reader's corrections, layered over the built-in lexicon (applied on every analysis). */
export interface ReaderCorrections {
  /** Names the reader marked "not a speaker" (still people, role becomes 'mentioned'). */
  notSpeakers?: string[];
  /** Name or title fixes: found name → replacement fields. */
  personFixes?: { name: string; fixedName?: string; title?: string; org?: string }[];
  /** Extra policy terms. */
  addedTerms?: { text: string; category: PhraseCategory }[];
  /** Terms never to mark. */
  removedTerms?: string[];
}

export const CORRECTION_LIMITS = {
  /** A person's name, found or fixed. */
  name: 100,
  /** A title or organisation. */
  descriptor: 200,
  /** A policy term. */
  term: 200,
  /** Corrections of each kind a reader keeps. */
  count: 10_000,
} as const;

export type CorrectionInput =
  | { kind: 'not-speaker'; name: string }
  | { kind: 'fix-person'; name: string; fixedName: string; title: string; org: string }
  | { kind: 'add-term'; text: string; category: PhraseCategory }
  | { kind: 'remove-term'; text: string };

export type Correction = CorrectionInput & { id: string; createdAt: number };

/** The reader's corrections as a data file (exported from the sidebar). */
export interface CorrectionsExport {
  format: 'anyue-corrections';
  version: 1;
  exportedAt: string;
  corrections: Correction[];
}

const personName = string(CORRECTION_LIMITS.name, { nonEmpty: true });
const descriptor = string(CORRECTION_LIMITS.descriptor);
const term = string(CORRECTION_LIMITS.term, { nonEmpty: true });
const category = oneOf<PhraseCategory>(...PHRASE_CATEGORIES);
const id: Check = (value, path) =>
  typeof value === 'string' && /^[\w-]{1,100}$/.test(value) ? null : `${path}: expected an id (letters, digits, - and _)`;

const inputFields: Record<CorrectionInput['kind'], Record<string, Check>> = {
  'not-speaker': { kind: string(), name: personName },
  'fix-person': { kind: string(), name: personName, fixedName: personName, title: descriptor, org: descriptor },
  'add-term': { kind: string(), text: term, category },
  'remove-term': { kind: string(), text: term },
};

const byKind =
  (extra: Record<string, Check>): Check =>
  (value, path) => {
    const kind = (value as { kind?: unknown } | null)?.kind;
    if (typeof kind !== 'string' || !Object.hasOwn(inputFields, kind)) return `${path}.kind: unknown correction kind`;
    return object({ ...inputFields[kind as CorrectionInput['kind']], ...extra })(value, path);
  };

/** A correction as the sidebar sends it: each kind with exactly its fields. */
export const correctionInputCheck: Check = byKind({});
/** A correction as stored and synced. */
export const correctionCheck: Check = byKind({ id, createdAt: epochMs });
export const correctionIdCheck = id;

/** The corrections folded for the analysis (analysis/types ReaderCorrections), with the same limits. */
export const readerCorrectionsCheck: Check = object(
  {},
  {
    notSpeakers: array(personName, CORRECTION_LIMITS.count),
    personFixes: array(object({ name: personName }, { fixedName: personName, title: descriptor, org: descriptor }), CORRECTION_LIMITS.count),
    addedTerms: array(object({ text: term, category }), CORRECTION_LIMITS.count),
    removedTerms: array(term, CORRECTION_LIMITS.count),
  },
);
