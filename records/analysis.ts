// What is kept of an article's analysis: speakers with their passages as short snippets, other people, policy
// phrases grouped by term. The content script builds it (it has the text), the background stores one per
// article, and it travels with sync and the backup, so the library's speaker and phrase indexes are the same
// on every device and after a restore. One shape and one check for every boundary.

import { array, epochMs, integer, object, oneOf, string, type Check } from './check';
import { articleKeyCheck } from './article-key';
import { PHRASE_CATEGORIES, type PhraseCategory } from './correction';

/** How a passage was attributed (analysis/types AttributionVia, checked equal where both meet). */
export const ATTRIBUTION_VIAS = ['direct', 'pronoun', 'zero-subject', 'quote-first', 'according-to', 'transcript', 'caption'] as const;
export type PassageVia = (typeof ATTRIBUTION_VIAS)[number];
export const NON_SPEAKER_ROLES = ['attendee', 'host', 'reporter', 'mentioned'] as const;

export const SNIPPET_LENGTH = 60;
export const MAX_SUMMARY_ITEMS = 500;

export interface Passage {
  start: number;
  end: number;
  via: PassageVia;
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
  role: (typeof NON_SPEAKER_ROLES)[number];
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

/** The latest analysis of one article: the cross-article indexes' source. */
export interface ArticleAnalysisRecord {
  articleKey: string;
  analysedAt: number;
  summary: AnalysisSummary;
}

const span: Check = object({ start: integer(0), end: integer(0) });
const MAX = MAX_SUMMARY_ITEMS;

export const analysisSummaryCheck: Check = object({
  speakers: array(
    object({
      name: string(50),
      title: string(200),
      org: string(200),
      first: span,
      passages: array(object({ start: integer(0), end: integer(0), via: oneOf(...ATTRIBUTION_VIAS), snippet: string(SNIPPET_LENGTH + 1) }), MAX),
    }),
    MAX,
  ),
  people: array(object({ name: string(50), title: string(200), org: string(200), role: oneOf(...NON_SPEAKER_ROLES), first: span }), MAX),
  phrases: array(
    object({ text: string(200), category: oneOf(...PHRASE_CATEGORIES), source: oneOf('lexicon', 'pattern', 'reader'), occurrences: array(span, MAX) }),
    MAX,
  ),
});

export const articleAnalysisRecordCheck: Check = object({ articleKey: articleKeyCheck, analysedAt: epochMs, summary: analysisSummaryCheck });
