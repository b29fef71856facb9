// Scoring against the labelled corpus (tests/fixtures/corpus/README.md, "Suggested scoring").
// Shared by scripts/eval.ts and the unit test that holds the totals.
import type { AnalysisResult } from './types';

export interface GoldPerson {
  name: string;
  title: string;
  org: string;
}

export interface Gold {
  speakers: GoldPerson[];
  policyPhrases: string[];
  optionalSpeakers: GoldPerson[];
  notSpeakers: string[];
}

export interface ArticleScore {
  id: string;
  speakerTp: number;
  speakerFp: number;
  speakerFn: number;
  titleRight: number;
  orgRight: number;
  /** Title and organisation both right: the “role” figure of the targets. */
  roleRight: number;
  matched: number;
  phraseGold: number;
  phraseRecalled: number;
  phrasePredicted: number;
  phraseCorrect: number;
  missedSpeakers: string[];
  falseSpeakers: string[];
  titleMisses: string[];
  orgMisses: string[];
  missedPhrases: string[];
  extraPhrases: string[];
}

export interface Totals {
  speakerPrecision: number;
  speakerRecall: number;
  titleAccuracy: number;
  orgAccuracy: number;
  roleAccuracy: number;
  phraseRecall: number;
  phrasePrecision: number;
  counts: { tp: number; fp: number; fn: number; matched: number; phraseGold: number; phraseRecalled: number; phrasePredicted: number; phraseCorrect: number };
}

/** Lenient field match: containment either way; an empty side matches only an empty side. */
export function lenientMatch(gold: string, predicted: string): boolean {
  const g = gold.replace(/\s+/g, '');
  const p = predicted.replace(/\s+/g, '');
  if (g === '' || p === '') return g === p;
  return g.includes(p) || p.includes(g);
}

function occurrences(text: string, s: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (!s) return out;
  for (let i = text.indexOf(s); i !== -1; i = text.indexOf(s, i + 1)) out.push({ start: i, end: i + s.length });
  return out;
}

/** Two phrases match when one contains the other, or their spans in the text overlap by at least half the shorter. */
function phraseMatch(text: string, a: string, aSpans: { start: number; end: number }[], b: string): boolean {
  if (a.includes(b) || b.includes(a)) return true;
  const short = Math.min(a.length, b.length);
  for (const bs of occurrences(text, b)) {
    for (const as of aSpans) {
      const overlap = Math.min(as.end, bs.end) - Math.max(as.start, bs.start);
      if (overlap * 2 >= short) return true;
    }
  }
  return false;
}

export function scoreArticle(id: string, text: string, gold: Gold, result: AnalysisResult): ArticleScore {
  const goldNames = new Set(gold.speakers.map((s) => s.name));
  const optional = new Set(gold.optionalSpeakers.map((s) => s.name));
  const predicted = new Map(result.speakers.map((s) => [s.name, s]));
  const score: ArticleScore = {
    id,
    speakerTp: 0,
    speakerFp: 0,
    speakerFn: 0,
    titleRight: 0,
    orgRight: 0,
    roleRight: 0,
    matched: 0,
    phraseGold: 0,
    phraseRecalled: 0,
    phrasePredicted: 0,
    phraseCorrect: 0,
    missedSpeakers: [],
    falseSpeakers: [],
    titleMisses: [],
    orgMisses: [],
    missedPhrases: [],
    extraPhrases: [],
  };
  for (const g of gold.speakers) {
    const p = predicted.get(g.name);
    if (!p) {
      score.speakerFn++;
      score.missedSpeakers.push(g.name);
      continue;
    }
    score.speakerTp++;
    score.matched++;
    const titleOk = lenientMatch(g.title, p.title);
    const orgOk = lenientMatch(g.org, p.org);
    if (titleOk) score.titleRight++;
    else score.titleMisses.push(`${g.name}: “${p.title}” ≠ “${g.title}”`);
    if (orgOk) score.orgRight++;
    else score.orgMisses.push(`${g.name}: “${p.org}” ≠ “${g.org}”`);
    if (titleOk && orgOk) score.roleRight++;
  }
  for (const name of predicted.keys()) {
    if (goldNames.has(name) || optional.has(name)) continue;
    score.speakerFp++;
    score.falseSpeakers.push(name);
  }
  // Phrases: unique predicted strings against the gold strings.
  const spansByText = new Map<string, { start: number; end: number }[]>();
  for (const p of result.phrases) {
    const list = spansByText.get(p.text) ?? [];
    list.push({ start: p.start, end: p.end });
    spansByText.set(p.text, list);
  }
  score.phraseGold = gold.policyPhrases.length;
  for (const g of gold.policyPhrases) {
    let hit = false;
    for (const [t, spans] of spansByText) if (phraseMatch(text, t, spans, g)) hit = true;
    if (hit) score.phraseRecalled++;
    else score.missedPhrases.push(g);
  }
  score.phrasePredicted = spansByText.size;
  for (const [t, spans] of spansByText) {
    if (gold.policyPhrases.some((g) => phraseMatch(text, t, spans, g))) score.phraseCorrect++;
    else score.extraPhrases.push(t);
  }
  return score;
}

export function totals(scores: ArticleScore[]): Totals {
  const sum = (f: (s: ArticleScore) => number) => scores.reduce((a, s) => a + f(s), 0);
  const tp = sum((s) => s.speakerTp);
  const fp = sum((s) => s.speakerFp);
  const fn = sum((s) => s.speakerFn);
  const matched = sum((s) => s.matched);
  const phraseGold = sum((s) => s.phraseGold);
  const phraseRecalled = sum((s) => s.phraseRecalled);
  const phrasePredicted = sum((s) => s.phrasePredicted);
  const phraseCorrect = sum((s) => s.phraseCorrect);
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    speakerPrecision: ratio(tp, tp + fp),
    speakerRecall: ratio(tp, tp + fn),
    titleAccuracy: ratio(sum((s) => s.titleRight), matched),
    orgAccuracy: ratio(sum((s) => s.orgRight), matched),
    roleAccuracy: ratio(sum((s) => s.roleRight), matched),
    phraseRecall: ratio(phraseRecalled, phraseGold),
    phrasePrecision: ratio(phraseCorrect, phrasePredicted),
    counts: { tp, fp, fn, matched, phraseGold, phraseRecalled, phrasePredicted, phraseCorrect },
  };
}
