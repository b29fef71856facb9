// The one typed protocol between the portal content script, the sidebar and the background.
// Every message is validated on arrival (parseMessage); anything malformed or unknown is refused with a reason.

import type { PhraseCategory, ReaderCorrections } from '../analysis/types';
import { analysisSummaryShape, type AnalysisSummary } from '../highlights/summary';
import type { LayerName } from '../highlights/layers';
import { array, boolean, integer, nullable, object, oneOf, string, type Check } from './schema';

export type UiLanguage = 'zh-CN' | 'en';

/** What the content script tells the background about the article it is showing. */
export interface ArticleMeta {
  key: string;
  postId: string;
  url: string;
  title: string;
  categories: string[];
  publishedAt: string | null;
  author: string | null;
  source: string | null;
  /** Length of the article text in UTF-16 code units. */
  textLength: number;
}

export interface VisitInfo {
  firstReadAt: number;
  lastReadAt: number;
  readCount: number;
}

export type LayerVisibility = Record<LayerName, boolean>;

/** One correction the reader made to the analysis; applied to every later analysis. */
export type CorrectionInput =
  | { kind: 'not-speaker'; name: string }
  | { kind: 'fix-person'; name: string; fixedName: string; title: string; org: string }
  | { kind: 'add-term'; text: string; category: PhraseCategory }
  | { kind: 'remove-term'; text: string };

export type Correction = CorrectionInput & { id: string; createdAt: number };

export interface SidebarState {
  article: ArticleMeta | null;
  visit: VisitInfo | null;
  language: UiLanguage;
  analysis: AnalysisSummary | null;
  layers: LayerVisibility;
  corrections: Correction[];
}

export type Message =
  /** content → background: an article page was recognised; records the visit. */
  | { type: 'article/opened'; article: ArticleMeta }
  /** sidebar → background: the state to show for the tab the sidebar sits in. */
  | { type: 'sidebar/get-state' }
  /** sidebar or background → content: show or hide the sidebar (remembered as the reader's choice). */
  | { type: 'sidebar/set-open'; open: boolean }
  /** background → content: the toolbar button or keyboard command was used. */
  | { type: 'sidebar/toggle' }
  /** sidebar → background: the reader picked a UI language. */
  | { type: 'preferences/set-language'; language: UiLanguage }
  /** content → background: the analysis of the article the tab shows, for the sidebar. */
  | { type: 'article/analysed'; key: string; summary: AnalysisSummary }
  /** sidebar → background → content: scroll to a span of the article text and flash it. */
  | { type: 'page/reveal'; start: number; end: number }
  /** sidebar → background → content: which highlight layers are shown (remembered). */
  | { type: 'highlights/set-layers'; layers: LayerVisibility }
  /** sidebar → background: record a correction; background → content: the corrections to apply now. */
  | { type: 'corrections/add'; correction: CorrectionInput }
  | { type: 'corrections/remove'; id: string }
  | { type: 'corrections/export' }
  | { type: 'analysis/set-corrections'; corrections: ReaderCorrections };

export type MessageType = Message['type'];

/** Replies, by request type. */
export interface Replies {
  'article/opened': {
    ok: true;
    sidebarOpen: boolean;
    language: UiLanguage;
    layers: LayerVisibility;
    corrections: ReaderCorrections;
  };
  'sidebar/get-state': { ok: true; state: SidebarState };
  'sidebar/set-open': { ok: true };
  'sidebar/toggle': { ok: true; open: boolean };
  'preferences/set-language': { ok: true };
  'article/analysed': { ok: true };
  'page/reveal': { ok: true; found: boolean };
  'highlights/set-layers': { ok: true };
  'corrections/add': { ok: true; correction: Correction };
  'corrections/remove': { ok: true };
  'corrections/export': { ok: true; data: CorrectionsExport };
  'analysis/set-corrections': { ok: true };
}

/** The reader's corrections as a data file (exported from the sidebar). */
export interface CorrectionsExport {
  format: 'anyue-corrections';
  version: 1;
  exportedAt: string;
  corrections: Correction[];
}

export type ErrorReply = { ok: false; error: string };

const articleMeta: Check = object({
  key: string(200, { nonEmpty: true }),
  postId: string(20, { nonEmpty: true }),
  url: string(2_000, { nonEmpty: true }),
  title: string(1_000),
  categories: array(string(200), 20),
  publishedAt: nullable(string(40)),
  author: nullable(string(200)),
  source: nullable(string(500)),
  textLength: integer(0, 50_000_000),
});

const language = oneOf<UiLanguage>('zh-CN', 'en');
const category = oneOf<PhraseCategory>('meeting', 'doctrine', 'programme', 'document', 'slogan', 'domain');
const personName = string(20, { nonEmpty: true });
const term = string(100, { nonEmpty: true });
const offset = integer(0, 50_000_000);

export const layersShape: Check = object({ speakers: boolean, quotes: boolean, phrases: boolean });

/** A correction as the sidebar sends it: each kind with exactly its fields. */
const correctionShapes: Record<CorrectionInput['kind'], Check> = {
  'not-speaker': object({ kind: string(), name: personName }),
  'fix-person': object({ kind: string(), name: personName, fixedName: personName, title: string(100), org: string(100) }),
  'add-term': object({ kind: string(), text: term, category }),
  'remove-term': object({ kind: string(), text: term }),
};
const correctionInput: Check = (value, path) => {
  const kind = (value as { kind?: unknown } | null)?.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(correctionShapes, kind)) return `${path}.kind: unknown correction kind`;
  return correctionShapes[kind as CorrectionInput['kind']](value, path);
};

const readerCorrections: Check = object(
  {},
  {
    notSpeakers: array(personName, 10_000),
    personFixes: array(object({ name: personName }, { fixedName: personName, title: string(100), org: string(100) }), 10_000),
    addedTerms: array(object({ text: term, category }), 10_000),
    removedTerms: array(term, 10_000),
  },
);

const messageShapes: Record<MessageType, Check> = {
  'article/opened': object({ type: string(), article: articleMeta }),
  'sidebar/get-state': object({ type: string() }),
  'sidebar/set-open': object({ type: string(), open: boolean }),
  'sidebar/toggle': object({ type: string() }),
  'preferences/set-language': object({ type: string(), language }),
  'article/analysed': object({ type: string(), key: string(200, { nonEmpty: true }), summary: analysisSummaryShape }),
  'page/reveal': object({ type: string(), start: offset, end: offset }),
  'highlights/set-layers': object({ type: string(), layers: layersShape }),
  'corrections/add': object({ type: string(), correction: correctionInput }),
  'corrections/remove': object({ type: string(), id: string(100, { nonEmpty: true }) }),
  'corrections/export': object({ type: string() }),
  'analysis/set-corrections': object({ type: string(), corrections: readerCorrections }),
};

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export function parseMessage(raw: unknown): Parsed<Message> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: 'message: expected an object' };
  }
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(messageShapes, type)) {
    return { ok: false, reason: `message.type: unknown type ${JSON.stringify(String(type).slice(0, 60))}` };
  }
  const reason = messageShapes[type as MessageType](raw, 'message');
  return reason ? { ok: false, reason } : { ok: true, value: raw as Message };
}

export function isArticleMeta(value: unknown): value is ArticleMeta {
  return articleMeta(value, 'article') === null;
}
