// The one typed protocol between the portal content script, the sidebar and the background.
// Every message is validated on arrival (parseMessage); anything malformed or unknown is refused with a reason.

import { textTargetCheck, type TextTarget } from '../records/text-target';
import type { SyncProblem } from '../sync/errors';
import type { SyncReport, SyncStatus } from '../sync/sync-engine';
import { syncSettingsShape, type SyncSettings, type SyncSettingsDraft } from '../storage/sync-settings';
import {
  annotationCheck,
  annotationIdCheck,
  HIGHLIGHT_COLOURS,
  MAX_NOTE_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  speakerRefCheck,
  type Annotation,
  type AnnotationChanges,
  type HighlightColour,
  type SpeakerRef,
} from '../records/annotation';
import { articleKeyCheck } from '../records/article-key';
import { stampFormCheck, type Stamp } from '../records/stamp';
import { articleMetaCheck, articleRecordCheck, type ArticleMeta, type ArticleRecord, type VisitInfo } from '../records/article';
import { correctionCheck, correctionIdCheck, correctionInputCheck, readerCorrectionsCheck, type Correction, type CorrectionInput, type CorrectionsExport, type ReaderCorrections } from '../records/correction';
import {
  colourNamesCheck,
  languageCheck,
  layersCheck,
  preferencesCheck,
  sidebarWidthCheck,
  textSizeCheck,
  type ColourNames,
  type LayerVisibility,
  type Preferences,
  type TextSize,
  type UiLanguage,
} from '../records/preferences';
import { analysisSummaryCheck, articleAnalysisRecordCheck, type AnalysisSummary, type ArticleAnalysisRecord } from '../records/analysis';
import { array, boolean, httpUrl, integer, nullable, object, oneOf, string, type Check } from '../records/check';


/** Where each of the article's annotations landed on this visit (reported by the page). */
export type AnchorStatus = { status: 'anchored'; start: number; end: number } | { status: 'orphan'; reason: string };

/** What the page may know of an annotation: where and how to paint it, never its note or tags. */
export interface PaintableAnnotation {
  id: string;
  kind: Annotation['kind'];
  colour: HighlightColour;
  target: TextTarget;
}

/** A highlight or excerpt as the page asks for it; the background fills in the article and the stamps. */
export interface AnnotationRequest {
  kind: 'highlight' | 'excerpt';
  target: TextTarget;
  colour: HighlightColour;
  speakers: SpeakerRef[];
  /** Open the sidebar's editor on it (the page never takes note text: it would be typed into the page). */
  edit: 'note' | 'tags' | null;
}

export interface SidebarState {
  article: ArticleMeta | null;
  visit: VisitInfo | null;
  language: UiLanguage;
  /** The reader's names for the highlight colours. */
  colourNames: ColourNames;
  /** The size of the sidebar's own text. */
  textSize: TextSize;
  analysis: AnalysisSummary | null;
  layers: LayerVisibility;
  corrections: Correction[];
  /** This article's live annotations (page note included). */
  annotations: Annotation[];
  anchors: Record<string, AnchorStatus>;
  /** An annotation the reader just asked to edit, and which field. */
  focus: { id: string; field: 'note' | 'tags' } | null;
}

export type Message =
  /** content → background: an article page was recognised; records the visit. */
  | { type: 'article/opened'; article: ArticleMeta }
  /** sidebar → background: the state to show for the tab the sidebar sits in. */
  | { type: 'sidebar/get-state' }
  /** content → background: a one-time token for the sidebar frame it is about to create (in the frame's URL). */
  | { type: 'sidebar/frame-token' }
  /** sidebar → background: the frame proves it is the one the content script created; nothing is shown before. */
  | { type: 'sidebar/redeem'; token: string }
  /** sidebar → background → content: whether the sidebar was visibly shown since before the reader pressed
   * (`pressedAgo` ms ago), before a destructive click counts. */
  | { type: 'sidebar/check-shown'; pressedAgo: number }
  /** sidebar or background → content: show or hide the sidebar (remembered as the reader's choice). */
  | { type: 'sidebar/set-open'; open: boolean }
  /** background → content: the toolbar button or keyboard command was used. */
  | { type: 'sidebar/toggle' }
  /** content → background: the reader resized the sidebar (a trusted drag or key press on its edge); remembered. */
  | { type: 'sidebar/set-width'; width: number }
  /** background → content: the reader resized the sidebar in another tab; this one follows. */
  | { type: 'page/set-sidebar-width'; width: number }
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
  | { type: 'analysis/set-corrections'; corrections: ReaderCorrections }
  /** background → content: the reader chose another language; the toolbar, hover card and notices follow. */
  | { type: 'page/set-language'; language: UiLanguage }
  /** background → content: the reader named the colours; the toolbar's buttons say the names. */
  | { type: 'page/set-colour-names'; colourNames: ColourNames }
  /** background → extension pages: the reader's preferences changed (another page or tab changed them). */
  | { type: 'preferences/changed'; language: UiLanguage; colourNames: ColourNames; textSize: TextSize }
  /** extension page → background: the reader's names for the colours. */
  | { type: 'preferences/set-colour-names'; colourNames: ColourNames }
  /** extension page → background: the size of the extension's own text. */
  | { type: 'preferences/set-text-size'; textSize: TextSize }
  /** content → background: the reader highlighted or excerpted a selection. */
  | { type: 'annotations/create'; request: AnnotationRequest }
  /** content → background: the paintable annotations of the page's article. */
  | { type: 'annotations/of-page' }
  /** content → background: where the annotations landed; orphans are listed in the sidebar. */
  | { type: 'annotations/anchored'; key: string; anchors: Record<string, AnchorStatus> }
  /** content → background: the reader clicked a highlight of theirs in the page. */
  | { type: 'annotations/focus'; id: string }
  /** background → content: this article's annotations changed; ask again. */
  | { type: 'annotations/changed' }
  /** extension pages → background: sync status and settings (never the password), save, test, sync now. */
  | { type: 'sync/status' }
  | { type: 'sync/save-settings'; settings: SyncSettingsInput }
  | { type: 'sync/test'; settings: SyncSettingsInput }
  | { type: 'sync/now' }
  /** library → background: merge a JSON-LD backup into the database (by id, newer edits kept, one transaction). */
  | { type: 'backup/import'; text: string }
  /**
   * library → background: one slice of a backup the library page has read and checked whole (large backups
   * do not fit one message). Each slice is merged in its own transaction; merging is idempotent, so a restore
   * cut short is finished by importing the file again. `final`: the last slice (the library reloads).
   */
  | {
      type: 'backup/import-records';
      annotations: Annotation[];
      articles: ArticleRecord[];
      analyses: ArticleAnalysisRecord[];
      corrections: Correction[];
      /** The backup's preferences, in the last slice only. */
      preferences: Partial<Preferences> | null;
      final: boolean;
    }
  /** sidebar → background: open the library in a tab (Firefox gives framed extension pages no tabs API). */
  | { type: 'library/open' }
  /** background → extension pages (the library): these annotations changed (none listed: everything may
   * have); read them again. */
  | { type: 'library/changed'; ids: string[] }
  /** background → content: the context menu or a keyboard command asked to annotate the selection. */
  | { type: 'selection/annotate'; kind: 'highlight' | 'excerpt' }
  /** extension pages → background: edit, delete (tombstone), undo a delete, write the page note. */
  /** `noteBase`: the stamp of the note the reader's draft started from (a save over a newer note keeps it as a conflict). */
  | { type: 'annotations/update'; id: string; changes: AnnotationChanges; noteBase?: Stamp }
  | { type: 'annotations/delete'; id: string }
  | { type: 'annotations/restore'; id: string }
  | { type: 'annotations/set-page-note'; articleKey: string; note: string; base: Stamp | null }
  /** extension pages → background: the reader chose which version of a conflicting field shows. */
  | { type: 'annotations/resolve-conflict'; id: string; field: 'note'; value: string }
  | { type: 'annotations/resolve-conflict'; id: string; field: 'target'; value: TextTarget | null }
  /** library → background: open (or bring forward) the article's tab and show the passage there (null: the article only). */
  | { type: 'library/open-passage'; articleKey: string; url: string; passage: PassageTarget | null }
  /** background → content: show this passage (scroll, flash, or say why it cannot be placed). */
  | { type: 'page/show-passage'; passage: PassageTarget }
  /** content → background: the page is read and anchored; the passage the library asked this tab to show, if any. */
  | { type: 'page/take-passage'; key: string };

/** A passage the library links to: one of the reader's annotations, or a span of the analysis (a speaker's
 * passage, a phrase occurrence) located again by its quote, flashing `length` characters from where it lands. */
export type PassageTarget = { kind: 'annotation'; id: string } | { kind: 'text'; target: TextTarget; length: number };

/** Sync settings as a page sends them: `password` null keeps the stored one (pages never read it back). */
export type SyncSettingsInput = SyncSettingsDraft;

/** What pages may know of the sync settings. */
export type SyncSettingsView = Omit<SyncSettings, 'password'> & { hasPassword: boolean };

export type MessageType = Message['type'];

/** Replies, by request type. */
export interface Replies {
  'article/opened': {
    ok: true;
    sidebarOpen: boolean;
    language: UiLanguage;
    layers: LayerVisibility;
    colourNames: ColourNames;
    sidebarWidth: number;
    corrections: ReaderCorrections;
  };
  'sidebar/get-state': { ok: true; state: SidebarState };
  'sidebar/frame-token': { ok: true; token: string };
  'sidebar/redeem': { ok: true };
  'sidebar/check-shown': { ok: true; shown: boolean };
  'sidebar/set-open': { ok: true };
  'sidebar/toggle': { ok: true; open: boolean };
  'sidebar/set-width': { ok: true };
  'page/set-sidebar-width': { ok: true };
  'preferences/set-language': { ok: true };
  'article/analysed': { ok: true };
  'page/reveal': { ok: true; found: boolean };
  'highlights/set-layers': { ok: true };
  'corrections/add': { ok: true; correction: Correction };
  'corrections/remove': { ok: true };
  'corrections/export': { ok: true; data: CorrectionsExport };
  'analysis/set-corrections': { ok: true };
  'page/set-language': { ok: true };
  'page/set-colour-names': { ok: true };
  'preferences/changed': { ok: true };
  'preferences/set-colour-names': { ok: true };
  'preferences/set-text-size': { ok: true };
  'annotations/create': { ok: true; id: string };
  'annotations/of-page': { ok: true; annotations: PaintableAnnotation[] };
  'annotations/anchored': { ok: true };
  'annotations/focus': { ok: true };
  'annotations/changed': { ok: true };
  'selection/annotate': { ok: true; created: boolean };
  'library/changed': { ok: true };
  'library/open': { ok: true };
  'backup/import': { ok: true; added: number; updated: number; unchanged: number; articles: number };
  'backup/import-records': { ok: true; added: number; updated: number; unchanged: number; articles: number };
  'sync/status': { ok: true; status: SyncStatus; settings: SyncSettingsView | null };
  'sync/save-settings': { ok: true };
  'sync/test': { ok: true; problem: SyncProblem | null };
  'sync/now': { ok: true; report: SyncReport | null; problem: SyncProblem | null };
  'annotations/update': { ok: true; annotation: Annotation };
  'annotations/delete': { ok: true; annotation: Annotation };
  'annotations/restore': { ok: true; annotation: Annotation };
  'annotations/set-page-note': { ok: true; annotation: Annotation };
  'annotations/resolve-conflict': { ok: true; annotation: Annotation };
  'library/open-passage': { ok: true; reused: boolean };
  'page/show-passage': { ok: true; shown: boolean };
  'page/take-passage': { ok: true; passage: PassageTarget | null };
}


export type ErrorReply = { ok: false; error: string };


const offset = integer(0, 50_000_000);

const colour = oneOf<HighlightColour>(...HIGHLIGHT_COLOURS);
export const MAX_IMPORT_CHARACTERS = 30_000_000;
/** Records per `backup/import-records` slice: a few MB, far below the 64 MiB a runtime message may carry. */
export const MAX_IMPORT_RECORDS = 2_000;
const annotationChanges: Check = (value, path) =>
  object({}, { colour, note: string(MAX_NOTE_LENGTH), tags: array(string(MAX_TAG_LENGTH * 4), MAX_TAGS * 4) })(value, path) ??
  (Object.keys(value as object).length === 0 ? `${path}: nothing to change` : null);
const anchorStatus: Check = (value, path) =>
  (value as AnchorStatus | null)?.status === 'orphan'
    ? object({ status: oneOf('orphan'), reason: string(200) })(value, path)
    : object({ status: oneOf('anchored'), start: offset, end: offset })(value, path);
const anchorMap: Check = (value, path) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${path}: expected object`;
  const entries = Object.entries(value);
  if (entries.length > 10_000) return `${path}: too many annotations`;
  for (const [id, status] of entries) {
    const reason = annotationIdCheck(id, `${path} key`) ?? anchorStatus(status, `${path}.${id}`);
    if (reason) return reason;
  }
  return null;
};

/** The stored-settings shape, with a password that may be null ("keep the stored one"). */
const syncSettingsInput: Check = (value, path) =>
  typeof value === 'object' && value !== null && (value as { password?: unknown }).password === null
    ? syncSettingsShape({ ...(value as object), password: '' }, path)
    : syncSettingsShape(value, path);


const passageTarget: Check = (value, path) =>
  (value as { kind?: unknown } | null)?.kind === 'text'
    ? object({ kind: oneOf('text'), target: textTargetCheck, length: integer(1, 20_000) })(value, path)
    : object({ kind: oneOf('annotation'), id: annotationIdCheck })(value, path);
const messageShapes: Record<MessageType, Check> = {
  'article/opened': object({ type: string(), article: articleMetaCheck }),
  'sidebar/get-state': object({ type: string() }),
  'sidebar/frame-token': object({ type: string() }),
  'sidebar/redeem': object({ type: string(), token: string(64) }),
  'sidebar/check-shown': object({ type: string(), pressedAgo: integer(0, 3_600_000) }),
  'sidebar/set-open': object({ type: string(), open: boolean }),
  'sidebar/toggle': object({ type: string() }),
  'sidebar/set-width': object({ type: string(), width: sidebarWidthCheck }),
  'page/set-sidebar-width': object({ type: string(), width: sidebarWidthCheck }),
  'preferences/set-language': object({ type: string(), language: languageCheck }),
  'article/analysed': object({ type: string(), key: articleKeyCheck, summary: analysisSummaryCheck }),
  'page/reveal': object({ type: string(), start: offset, end: offset }),
  'highlights/set-layers': object({ type: string(), layers: layersCheck }),
  'corrections/add': object({ type: string(), correction: correctionInputCheck }),
  'corrections/remove': object({ type: string(), id: correctionIdCheck }),
  'corrections/export': object({ type: string() }),
  'analysis/set-corrections': object({ type: string(), corrections: readerCorrectionsCheck }),
  'page/set-language': object({ type: string(), language: languageCheck }),
  'page/set-colour-names': object({ type: string(), colourNames: colourNamesCheck }),
  'preferences/changed': object({ type: string(), language: languageCheck, colourNames: colourNamesCheck, textSize: textSizeCheck }),
  'preferences/set-colour-names': object({ type: string(), colourNames: colourNamesCheck }),
  'preferences/set-text-size': object({ type: string(), textSize: textSizeCheck }),
  'annotations/create': object({
    type: string(),
    request: object({
      kind: oneOf('highlight', 'excerpt'),
      target: textTargetCheck,
      colour,
      speakers: array(speakerRefCheck, 20),
      edit: nullable(oneOf('note', 'tags')),
    }),
  }),
  'annotations/of-page': object({ type: string() }),
  'annotations/anchored': object({ type: string(), key: articleKeyCheck, anchors: anchorMap }),
  'annotations/focus': object({ type: string(), id: annotationIdCheck }),
  'annotations/changed': object({ type: string() }),
  'selection/annotate': object({ type: string(), kind: oneOf('highlight', 'excerpt') }),
  'library/changed': object({ type: string(), ids: array(annotationIdCheck, 100_000) }),
  'library/open': object({ type: string() }),
  'sync/status': object({ type: string() }),
  'sync/save-settings': object({ type: string(), settings: syncSettingsInput }),
  'sync/test': object({ type: string(), settings: syncSettingsInput }),
  'sync/now': object({ type: string() }),
  // Runtime messages carry at most 64 MiB in Chromium; the text is UTF-16 in transit.
  'backup/import': object({ type: string(), text: string(MAX_IMPORT_CHARACTERS) }),
  // Each record held to its one check (records/), the same that backup import and sync apply.
  'backup/import-records': (value, path) =>
    object({
      type: string(),
      annotations: array(annotationCheck(Date.now()), MAX_IMPORT_RECORDS),
      articles: array(articleRecordCheck, MAX_IMPORT_RECORDS),
      analyses: array(articleAnalysisRecordCheck, MAX_IMPORT_RECORDS),
      corrections: array(correctionCheck, MAX_IMPORT_RECORDS),
      preferences: nullable(preferencesCheck),
      final: boolean,
    })(value, path),
  'annotations/update': object({ type: string(), id: annotationIdCheck, changes: annotationChanges }, { noteBase: stampFormCheck }),
  'annotations/delete': object({ type: string(), id: annotationIdCheck }),
  'annotations/restore': object({ type: string(), id: annotationIdCheck }),
  'annotations/set-page-note': object({ type: string(), articleKey: articleKeyCheck, note: string(MAX_NOTE_LENGTH), base: nullable(stampFormCheck) }),
  'annotations/resolve-conflict': (value, path) =>
    (value as { field?: unknown } | null)?.field === 'target'
      ? object({ type: string(), id: annotationIdCheck, field: oneOf('target'), value: nullable(textTargetCheck) })(value, path)
      : object({ type: string(), id: annotationIdCheck, field: oneOf('note'), value: string(MAX_NOTE_LENGTH) })(value, path),
  'library/open-passage': object({ type: string(), articleKey: articleKeyCheck, url: httpUrl(), passage: nullable(passageTarget) }),
  'page/show-passage': object({ type: string(), passage: passageTarget }),
  'page/take-passage': object({ type: string(), key: articleKeyCheck }),
};

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export function parseMessage(raw: unknown): Parsed<Message> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: 'message: expected an object' };
  }
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(messageShapes, type)) {
    // Named without String(): an object without a prototype cannot be turned into text (found by the fuzz suite).
    return { ok: false, reason: `message.type: unknown type ${typeof type === 'string' ? JSON.stringify(type.slice(0, 60)) : typeof type}` };
  }
  const reason = messageShapes[type as MessageType](raw, 'message');
  return reason ? { ok: false, reason } : { ok: true, value: raw as Message };
}

export function isArticleMeta(value: unknown): value is ArticleMeta {
  return articleMetaCheck(value, 'article') === null;
}
