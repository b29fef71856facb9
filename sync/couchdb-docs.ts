// How 安阅's records live in a CouchDB database, and how versions of one document are merged. Pure: no
// fetch here, so every rule is testable on its own.
//
// One document per annotation (`annotation:<id>`), per correction (`correction:<id>`), per article's record
// (`article:<key>`) and per article's latest analysis (`analysis:<key>`). Per record,
// not per device batch, because CouchDB's own machinery then does the work: `_changes` lists each record
// once at its latest state (a reader never replays history), a team member's CouchDB-to-CouchDB
// replication keeps working, and two devices only ever collide on the one record both touched.
// The record travels nested under `annotation` / `correction`, never spread into the document, so no
// field of ours can clash with CouchDB's `_id`, `_rev`, `_conflicts`.
//
// Versions of a document (the server's winner, its conflict leaves, this device's record) are merged with
// the same field rules as every other sync path (`mergeAnnotation`); a correction is immutable once made,
// so its only change is removal, and a removal wins; articles and analyses merge by time (article-merge.ts).

import { articleAnalysisRecordCheck, type ArticleAnalysisRecord } from '../records/analysis';
import { annotationCheck, type Annotation } from '../records/annotation';
import { articleRecordCheck, type ArticleRecord } from '../records/article';
import { correctionCheck, correctionIdCheck, type Correction } from '../records/correction';
import { mergeArticleAnalysis, mergeArticleRecord } from './article-merge';
import { mergeAnnotation } from './merge';

export const FORMAT = 'anyue-sync-1';
export const ANNOTATION_PREFIX = 'annotation:';
export const CORRECTION_PREFIX = 'correction:';
export const ARTICLE_PREFIX = 'article:';
export const ANALYSIS_PREFIX = 'analysis:';

export type RecordBody =
  | { type: 'annotation'; annotation: Annotation }
  | { type: 'correction'; correction: Correction }
  | { type: 'correction-removed'; id: string }
  | { type: 'article'; article: ArticleRecord }
  | { type: 'analysis'; analysis: ArticleAnalysisRecord };

/** A stored document as it travels: `_rev` absent when it is new. */
export interface SyncDocument {
  _id: string;
  _rev?: string;
  format: typeof FORMAT;
  type: RecordBody['type'];
  annotation?: Annotation;
  correction?: Correction;
  id?: string;
  article?: ArticleRecord;
  analysis?: ArticleAnalysisRecord;
}

export function documentIdOf(body: RecordBody): string {
  if (body.type === 'annotation') return ANNOTATION_PREFIX + body.annotation.id;
  if (body.type === 'correction') return CORRECTION_PREFIX + body.correction.id;
  if (body.type === 'article') return ARTICLE_PREFIX + body.article.key;
  if (body.type === 'analysis') return ANALYSIS_PREFIX + body.analysis.articleKey;
  return CORRECTION_PREFIX + body.id;
}

const PREFIXES = [ANNOTATION_PREFIX, CORRECTION_PREFIX, ARTICLE_PREFIX, ANALYSIS_PREFIX];
/** True for ids this backend writes; other documents in the database (design docs, other apps) are left alone. */
export const isOurDocumentId = (id: string): boolean => PREFIXES.some((prefix) => id.startsWith(prefix));

export function documentOf(body: RecordBody, rev: string | null): SyncDocument {
  const document: SyncDocument = { _id: documentIdOf(body), format: FORMAT, type: body.type };
  if (rev) document._rev = rev;
  if (body.type === 'annotation') document.annotation = body.annotation;
  else if (body.type === 'correction') document.correction = body.correction;
  else if (body.type === 'article') document.article = body.article;
  else if (body.type === 'analysis') document.analysis = body.analysis;
  else document.id = body.id;
  return document;
}

/** The record a stored document holds, or why it is not one of ours (nothing from it may be applied). */
export function readDocument(document: unknown, now = Date.now()): { ok: true; body: RecordBody } | { ok: false; reason: string } {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return { ok: false, reason: 'not an object' };
  const { _id: docId, format, type } = document as Record<string, unknown>;
  if (typeof docId !== 'string') return { ok: false, reason: 'no _id' };
  if (format !== FORMAT) return { ok: false, reason: `format is ${JSON.stringify(format)}, expected ${FORMAT}` };
  const fields = document as Partial<SyncDocument>;
  if (type === 'annotation') {
    const reason = annotationCheck(now)(fields.annotation, 'annotation');
    if (reason) return { ok: false, reason };
    if (docId !== ANNOTATION_PREFIX + fields.annotation!.id) return { ok: false, reason: `_id does not match annotation ${fields.annotation!.id}` };
    return { ok: true, body: { type, annotation: fields.annotation! } };
  }
  if (type === 'correction') {
    const reason = correctionCheck(fields.correction, 'correction');
    if (reason) return { ok: false, reason };
    if (docId !== CORRECTION_PREFIX + fields.correction!.id) return { ok: false, reason: `_id does not match correction ${fields.correction!.id}` };
    return { ok: true, body: { type, correction: fields.correction! } };
  }
  if (type === 'correction-removed') {
    const reason = correctionIdCheck(fields.id, 'id');
    if (reason) return { ok: false, reason };
    if (docId !== CORRECTION_PREFIX + fields.id) return { ok: false, reason: '_id does not match the removed correction' };
    return { ok: true, body: { type, id: fields.id as string } };
  }
  if (type === 'article') {
    const reason = articleRecordCheck(fields.article, 'article');
    if (reason) return { ok: false, reason };
    if (docId !== ARTICLE_PREFIX + fields.article!.key) return { ok: false, reason: `_id does not match article ${fields.article!.key}` };
    return { ok: true, body: { type, article: fields.article! } };
  }
  if (type === 'analysis') {
    const reason = articleAnalysisRecordCheck(fields.analysis, 'analysis');
    if (reason) return { ok: false, reason };
    if (docId !== ANALYSIS_PREFIX + fields.analysis!.articleKey) return { ok: false, reason: `_id does not match the analysis of ${fields.analysis!.articleKey}` };
    return { ok: true, body: { type, analysis: fields.analysis! } };
  }
  return { ok: false, reason: `unknown type ${JSON.stringify(type)}` };
}

/**
 * `current` with `incoming` merged in, and whether that differs from `current` (something must be written).
 * Both must be versions of the same document.
 */
export function mergeBodies(current: RecordBody, incoming: RecordBody): { merged: RecordBody; changed: boolean } {
  if (documentIdOf(current) !== documentIdOf(incoming)) throw new Error(`cannot merge ${documentIdOf(current)} with ${documentIdOf(incoming)}`);
  if (current.type === 'annotation' && incoming.type === 'annotation') {
    const { merged, changed } = mergeAnnotation(current.annotation, incoming.annotation);
    return { merged: { type: 'annotation', annotation: merged }, changed };
  }
  if (current.type === 'article' && incoming.type === 'article') {
    const { merged, changed } = mergeArticleRecord(current.article, incoming.article);
    return { merged: { type: 'article', article: merged }, changed };
  }
  if (current.type === 'analysis' && incoming.type === 'analysis') {
    const { merged, changed } = mergeArticleAnalysis(current.analysis, incoming.analysis);
    return { merged: { type: 'analysis', analysis: merged }, changed };
  }
  if (current.type === 'annotation' || incoming.type === 'annotation') throw new Error('an annotation cannot merge with a correction');
  if (current.type === 'article' || incoming.type === 'article' || current.type === 'analysis' || incoming.type === 'analysis') {
    throw new Error(`a ${current.type} cannot merge with a ${incoming.type}`);
  }
  // Corrections never change after they are made; the one move is removal, and it is final.
  if (current.type === 'correction-removed') return { merged: current, changed: false };
  if (incoming.type === 'correction-removed') return { merged: incoming, changed: true };
  return { merged: current, changed: false };
}

/** All versions merged into one, whatever order they came in (the merge rules are commutative). */
export function mergeAll(versions: readonly RecordBody[]): RecordBody {
  if (!versions.length) throw new Error('nothing to merge');
  return versions.slice(1).reduce((merged, version) => mergeBodies(merged, version).merged, versions[0]!);
}
