// The analysis contract shared by the content script, the sidebar, the CLI and the evaluation.
// Offsets are UTF-16 code-unit offsets into the analysed text (end exclusive).

export interface Span {
  start: number;
  end: number;
}

/** How a passage was attributed to its speaker. */
export type AttributionVia =
  | 'direct' // 袁宏永指出，……
  | 'pronoun' // 他强调，……
  | 'zero-subject' // ……，强调……
  | 'quote-first' // “……”张少泉说
  | 'according-to' // 据X介绍，……
  | 'transcript' // 申展利:……
  | 'caption'; // 清华大学……袁宏永致辞 followed by the speech

export interface Quote extends Span {
  via: AttributionVia;
}

export type PersonRole = 'speaker' | 'attendee' | 'host' | 'reporter' | 'mentioned';

export interface Person {
  name: string;
  /** Descriptor between the organisation and the name, e.g. 党委书记、厅长; '' when none. */
  title: string;
  /** Organisation at the start of the descriptor, e.g. 江西省应急管理厅; '' when none. */
  org: string;
  role: PersonRole;
  mentions: Span[];
  /** Attributed passages; non-empty exactly when role === 'speaker'. */
  quotes: Quote[];
}

// Phrase categories and reader corrections are records (they cross messages and sync): defined there.
export type { PhraseCategory, ReaderCorrections } from '../records/correction';
import type { PhraseCategory } from '../records/correction';

export interface PolicyPhrase extends Span {
  text: string;
  category: PhraseCategory;
  /** 'lexicon' for a curated term, 'pattern' for a rule-made phrase, 'reader' for a reader's own term. */
  source: 'lexicon' | 'pattern' | 'reader';
}

export interface AnalysisResult {
  speakers: Person[];
  /** Every person found, speakers included. */
  people: Person[];
  phrases: PolicyPhrase[];
}

