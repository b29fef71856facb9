// What the sidebar shows of an analysis: speakers with their passages as short snippets, other people,
// policy phrases grouped by term. Built in the content script (which has the text), validated by the
// background, rendered as text by the sidebar.

import type { AnalysisResult, AttributionVia, PersonRole, PhraseCategory } from '../analysis/types';
import { array, integer, object, oneOf, string, type Check } from '../records/check';

export const SNIPPET_LENGTH = 60;
const MAX_ITEMS = 500;

export interface Passage {
  start: number;
  end: number;
  via: AttributionVia;
  snippet: string;
}

export interface SpeakerSummary {
  name: string;
  title: string;
  org: string;
  /** First mention, where a click on the name scrolls to. */
  first: { start: number; end: number };
  passages: Passage[];
}

export interface PersonSummary {
  name: string;
  title: string;
  org: string;
  role: Exclude<PersonRole, 'speaker'>;
  first: { start: number; end: number };
}

export interface PhraseSummary {
  text: string;
  category: PhraseCategory;
  source: 'lexicon' | 'pattern' | 'reader';
  occurrences: { start: number; end: number }[];
}

export interface AnalysisSummary {
  speakers: SpeakerSummary[];
  people: PersonSummary[];
  phrases: PhraseSummary[];
}

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

const span: Check = object({ start: integer(0), end: integer(0) });
const via = oneOf<AttributionVia>('direct', 'pronoun', 'zero-subject', 'quote-first', 'according-to', 'transcript', 'caption');
const category = oneOf<PhraseCategory>('meeting', 'doctrine', 'programme', 'document', 'slogan', 'domain');

export const analysisSummaryShape: Check = object({
  speakers: array(
    object({
      name: string(50),
      title: string(200),
      org: string(200),
      first: span,
      passages: array(object({ start: integer(0), end: integer(0), via, snippet: string(SNIPPET_LENGTH + 1) }), MAX_ITEMS),
    }),
    MAX_ITEMS,
  ),
  people: array(
    object({
      name: string(50),
      title: string(200),
      org: string(200),
      role: oneOf('attendee', 'host', 'reporter', 'mentioned'),
      first: span,
    }),
    MAX_ITEMS,
  ),
  phrases: array(
    object({ text: string(200), category, source: oneOf('lexicon', 'pattern', 'reader'), occurrences: array(span, MAX_ITEMS) }),
    MAX_ITEMS,
  ),
});
