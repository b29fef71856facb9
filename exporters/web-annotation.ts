// The complete backup: W3C Web Annotation Data Model JSON-LD (https://www.w3.org/TR/annotation-model/).
// Standard terms carry what they can (id, motivation, note and tags as TextualBody, target with
// TextQuoteSelector + TextPositionSelector, created/modified); everything else of the extension's record
// (kind, colour, speakers, excerpt snapshot, tombstone, HLC stamps) sits under the `anyue:` prefix. The rest
// of what the reader keeps rides along: reading history (`anyue:articles`), each article's analysis, which feeds
// the library's indexes (`anyue:analyses`), corrections to the analysis and preferences. Never credentials:
// they are not in any of these records.
//
// Layout: one item, article, analysis or correction per line. Lists are sorted (items by createdAt and id,
// articles and analyses by key, corrections by createdAt and id), so the same data always gives the same bytes
// whatever order the store returned it in, and two backups diff by line.

import type { ArticleAnalysisRecord } from '../records/analysis';
import type { Annotation, AnnotationKind } from '../records/annotation';
import type { ArticleRecord } from '../records/article';
import type { Correction } from '../records/correction';
import type { Preferences } from '../records/preferences';
import { runSliced, runSync, type ProgressOptions, type Steps } from './progress';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Our own vocabulary prefix. A URN: the extension owns no web domain to put a vocabulary document on. */
export const ANYUE_NAMESPACE = 'urn:anyue:vocab:';
/**
 * The model's context, then ours: the prefix, and our structured fields typed @json (JSON-LD 1.1) so a
 * JSON-LD processor keeps them as opaque literals; otherwise their inner keys (created, source, title…)
 * would be read as the model's terms or dropped.
 */
export const BACKUP_CONTEXT = [
  ANNO_CONTEXT,
  {
    '@version': 1.1,
    anyue: ANYUE_NAMESPACE,
    'anyue:speakers': { '@type': '@json' },
    'anyue:excerpt': { '@type': '@json' },
    'anyue:stamps': { '@type': '@json' },
    'anyue:sync': { '@type': '@json' },
    'anyue:articles': { '@type': '@json' },
    'anyue:analyses': { '@type': '@json' },
    'anyue:corrections': { '@type': '@json' },
    'anyue:preferences': { '@type': '@json' },
  },
] as const;
/** Earlier contexts import still reads: version 1 (annotations and articles only), and before `anyue:sync`. */
const { 'anyue:analyses': _a, 'anyue:corrections': _c, 'anyue:preferences': _p, ...contextVersion1 } = BACKUP_CONTEXT[1];
const { 'anyue:sync': _sync, ...contextBeforeSync } = contextVersion1;
export const BACKUP_CONTEXT_VERSION_1 = [ANNO_CONTEXT, contextVersion1] as const;
export const BACKUP_CONTEXT_BEFORE_SYNC = [ANNO_CONTEXT, contextBeforeSync] as const;
export const BACKUP_FORMAT = 'anyue-backup';
/** 2: analyses, corrections and preferences added. Import reads 1 and 2. */
export const BACKUP_VERSION = 2;

/** What the reader meant, in the model's motivations; `anyue:kind` keeps the exact kind. */
export const MOTIVATION_OF_KIND: Record<AnnotationKind, 'highlighting' | 'bookmarking' | 'commenting'> = {
  highlight: 'highlighting',
  // An excerpt is a passage kept for later use, with where it came from: the model's bookmarking.
  excerpt: 'bookmarking',
  'page-note': 'commenting',
};

/** What a backup is written from. */
export interface BackupData {
  annotations: Annotation[];
  articles: ArticleRecord[];
  analyses: ArticleAnalysisRecord[];
  corrections: Correction[];
  preferences: Partial<Preferences>;
}

export interface BackupOptions {
  /** The collection's `generated` time (epoch ms); pass a fixed one for reproducible files. Defaults to now. */
  generated?: number;
  /** The rest of what the reader keeps (empty or absent when not given). */
  analyses?: readonly ArticleAnalysisRecord[];
  corrections?: readonly Correction[];
  preferences?: Partial<Preferences> | null;
}

function body(annotation: Annotation): object[] {
  const bodies: object[] = [];
  // An empty note has no body: the model's way of saying "no comment". Import reads it back as ''.
  if (annotation.note !== '') {
    bodies.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: annotation.note });
  }
  for (const tag of annotation.tags) bodies.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  return bodies;
}

/** One annotation as a W3C Annotation (key order fixed: it decides the bytes). */
export function toWebAnnotation(annotation: Annotation): object {
  const { target } = annotation;
  const bodies = body(annotation);
  return {
    id: `urn:uuid:${annotation.id}`,
    type: 'Annotation',
    motivation: MOTIVATION_OF_KIND[annotation.kind],
    created: new Date(annotation.createdAt).toISOString(),
    modified: new Date(annotation.updatedAt).toISOString(),
    ...(bodies.length ? { body: bodies } : {}),
    // A page note (or a passage whose anchor was cleared) targets the whole page: the bare IRI.
    target: target
      ? {
          source: annotation.articleUrl,
          selector: [
            { type: 'TextQuoteSelector', exact: target.quote.exact, prefix: target.quote.prefix, suffix: target.quote.suffix },
            { type: 'TextPositionSelector', start: target.position.start, end: target.position.end },
          ],
        }
      : annotation.articleUrl,
    'anyue:kind': annotation.kind,
    'anyue:articleKey': annotation.articleKey,
    'anyue:articleTitle': annotation.articleTitle,
    'anyue:colour': annotation.colour,
    'anyue:speakers': annotation.speakers.map(({ name, title, org }) => ({ name, title, org })),
    'anyue:excerpt': annotation.excerpt
      ? {
          title: annotation.excerpt.title,
          url: annotation.excerpt.url,
          source: annotation.excerpt.source,
          publishedAt: annotation.excerpt.publishedAt,
          author: annotation.excerpt.author,
          siteName: annotation.excerpt.siteName,
          capturedAt: annotation.excerpt.capturedAt,
        }
      : null,
    'anyue:deleted': annotation.deleted,
    'anyue:stamps': {
      created: annotation.stamps.created,
      colour: annotation.stamps.colour,
      note: annotation.stamps.note,
      tags: annotation.stamps.tags,
      deleted: annotation.stamps.deleted,
      target: annotation.stamps.target,
    },
    // Sync's causal context, kept conflicts, tag additions and reasons to live: without them a restored
    // backup would merge as if every edit were new, and conflicts the reader has not resolved would be lost.
    ...(annotation.seen
      ? {
          'anyue:sync': {
            seen: annotation.seen,
            conflicts: annotation.conflicts ?? [],
            tagStamps: annotation.tagStamps ?? [],
            liveBy: annotation.liveBy ?? [],
          },
        }
      : {}),
  };
}

function articleJson(record: ArticleRecord): object {
  return {
    key: record.key,
    postId: record.postId,
    url: record.url,
    title: record.title,
    categories: record.categories,
    publishedAt: record.publishedAt,
    author: record.author,
    source: record.source,
    textLength: record.textLength,
    firstReadAt: record.firstReadAt,
    lastReadAt: record.lastReadAt,
    readCount: record.readCount,
  };
}

const byCreation = (a: Annotation, b: Annotation) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byKey = (a: ArticleRecord, b: ArticleRecord) => order(a.key, b.key);
const byArticle = (a: ArticleAnalysisRecord, b: ArticleAnalysisRecord) => order(a.articleKey, b.articleKey);
const byMaking = (a: Correction, b: Correction) => a.createdAt - b.createdAt || order(a.id, b.id);

function* listLines<T>(name: string, list: readonly T[], out: string[], line: (value: T) => object): Steps {
  out.push(`,"${name}":[`);
  for (let i = 0; i < list.length; i++) {
    out.push(i ? ',\n' : '\n', JSON.stringify(line(list[i]!)));
    yield;
  }
  out.push(list.length ? '\n]' : ']');
}

function* backupSteps(annotations: readonly Annotation[], articles: readonly ArticleRecord[], out: string[], options: BackupOptions): Steps {
  const items = [...annotations].sort(byCreation);
  const records = [...articles].sort(byKey);
  const analyses = [...(options.analyses ?? [])].sort(byArticle);
  const corrections = [...(options.corrections ?? [])].sort(byMaking);
  const head = {
    '@context': BACKUP_CONTEXT,
    type: 'AnnotationCollection',
    'anyue:format': BACKUP_FORMAT,
    'anyue:version': BACKUP_VERSION,
    generated: new Date(options.generated ?? Date.now()).toISOString(),
    total: items.length,
  };
  // The head is the collection without its lists; the lists are written line by line after it.
  out.push(JSON.stringify(head).slice(0, -1));
  yield* listLines('items', items, out, toWebAnnotation);
  yield* listLines('anyue:articles', records, out, articleJson);
  yield* listLines('anyue:analyses', analyses, out, (record) => ({ articleKey: record.articleKey, analysedAt: record.analysedAt, summary: record.summary }));
  yield* listLines('anyue:corrections', corrections, out, (correction) => correction);
  out.push(`,"anyue:preferences":${JSON.stringify(options.preferences ?? {})}}\n`);
}

/** Every annotation (tombstones included), article record and the rest in `options`, as one JSON-LD text. */
export function exportBackup(annotations: readonly Annotation[], articles: readonly ArticleRecord[], options: BackupOptions = {}): string {
  const out: string[] = [];
  runSync(backupSteps(annotations, articles, out, options));
  return out.join('');
}

export async function exportBackupAsync(
  annotations: readonly Annotation[],
  articles: readonly ArticleRecord[],
  options: BackupOptions & ProgressOptions = {},
): Promise<string> {
  const out: string[] = [];
  const steps = annotations.length + articles.length + (options.analyses?.length ?? 0) + (options.corrections?.length ?? 0);
  await runSliced(backupSteps(annotations, articles, out, options), steps, options);
  return out.join('');
}
