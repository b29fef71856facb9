// An analysis summarised for the sidebar and the indexes (records/analysis.ts holds its shape): built in the
// content script, which has the text, validated by the background, rendered as text by the sidebar.

import type { AnalysisResult, AttributionVia } from '../analysis/types';
import { MAX_SUMMARY_ITEMS as MAX_ITEMS, SNIPPET_LENGTH, type AnalysisSummary, type PassageVia, type PersonSummary, type PhraseSummary } from '../records/analysis';

// The record's list of attributions is the analysis's own: a new one added there without the record fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const viasAgree: Same<AttributionVia, PassageVia> = true;
void viasAgree;

/** A passage's opening words, whitespace folded, cut at a character boundary with an ellipsis. */
export function snippet(text: string, start: number, end: number, length = SNIPPET_LENGTH): string {
  const passage = text.slice(start, end).replace(/\s+/g, ' ').trim();
  const chars = Array.from(passage);
  return chars.length <= length ? passage : `${chars.slice(0, length).join('')}…`;
}

export interface Summarised {
  summary: AnalysisSummary;
  /** For each result.phrases index, the index of its group in summary.phrases. */
  phraseGroup: number[];
}

export function summarise(text: string, result: AnalysisResult): Summarised {
  const speakers = result.speakers.slice(0, MAX_ITEMS).map((speaker) => ({
    name: speaker.name,
    title: speaker.title,
    org: speaker.org,
    first: speaker.mentions[0] ?? speaker.quotes[0] ?? { start: 0, end: 0 },
    passages: speaker.quotes.slice(0, MAX_ITEMS).map((quote) => ({
      start: quote.start,
      end: quote.end,
      via: quote.via,
      snippet: snippet(text, quote.start, quote.end),
    })),
  }));
  const people = result.people
    .filter((person) => person.role !== 'speaker')
    .slice(0, MAX_ITEMS)
    .map((person) => ({
      name: person.name,
      title: person.title,
      org: person.org,
      role: person.role as PersonSummary['role'],
      first: person.mentions[0] ?? { start: 0, end: 0 },
    }));
  const groups = new Map<string, number>();
  const phrases: PhraseSummary[] = [];
  const phraseGroup = result.phrases.map((phrase) => {
    const key = `${phrase.category}\u0000${phrase.text}`;
    let index = groups.get(key);
    if (index === undefined) {
      if (phrases.length >= MAX_ITEMS) return -1;
      index = phrases.push({ text: phrase.text, category: phrase.category, source: phrase.source, occurrences: [] }) - 1;
      groups.set(key, index);
    }
    const occurrences = phrases[index]!.occurrences;
    if (occurrences.length < MAX_ITEMS) occurrences.push({ start: phrase.start, end: phrase.end });
    return index;
  });
  return { summary: { speakers, people, phrases }, phraseGroup };
}
