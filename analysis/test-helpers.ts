// Small helpers shared by the unit tests (not part of the public API).
import { analyzeText } from './analyze';
import type { AnalysisResult, Person } from './types';

export function run(text: string): AnalysisResult {
  return analyzeText(text);
}

export function speakerNames(text: string): string[] {
  return run(text).speakers.map((s) => s.name);
}

export function person(text: string, name: string): Person | undefined {
  return run(text).people.find((p) => p.name === name);
}

export function phraseTexts(text: string): string[] {
  return run(text).phrases.map((p) => p.text);
}

/** The quoted passages of one speaker, as text. */
export function quotesOf(text: string, name: string): { text: string; via: string }[] {
  const p = run(text).speakers.find((s) => s.name === name);
  return (p?.quotes ?? []).map((q) => ({ text: text.slice(q.start, q.end), via: q.via }));
}
