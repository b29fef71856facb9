// The complete backup: W3C Web Annotation Data Model JSON-LD (https://www.w3.org/TR/annotation-model/).
// Standard terms carry what they can (id, motivation, note and tags as TextualBody, target with
// TextQuoteSelector + TextPositionSelector, created/modified); everything else of the extension's record
// (kind, colour, speakers, excerpt snapshot, tombstone, HLC stamps) sits under the `anyue:` prefix, and the
// reading-history records ride along as `anyue:articles`, so a backup restores exactly what was saved.
//
// Layout: one item or article per line. Items are sorted (createdAt, id) and articles by key, so the same
// data always gives the same bytes whatever order the store returned it in, and two backups diff by line.

import type { Annotation, AnnotationKind } from '../records/annotation';
import type { ArticleRecord } from '../records/article';
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
  },
] as const;
/** The context backups had before records carried sync fields (`anyue:sync`); import still reads them. */
const { 'anyue:sync': _sync, ...contextBeforeSync } = BACKUP_CONTEXT[1];
export const BACKUP_CONTEXT_BEFORE_SYNC = [ANNO_CONTEXT, contextBeforeSync] as const;
export const BACKUP_FORMAT = 'anyue-backup';
export const BACKUP_VERSION = 1;

/** What the reader meant, in the model's motivations; `anyue:kind` keeps the exact kind. */
export const MOTIVATION_OF_KIND: Record<AnnotationKind, 'highlighting' | 'bookmarking' | 'commenting'> = {
  highlight: 'highlighting',
  // An excerpt is a passage kept for later use, with where it came from: the model's bookmarking.
  excerpt: 'bookmarking',
  'page-note': 'commenting',
};

export interface BackupOptions {
  /** The collection's `generated` time (epoch ms); pass a fixed one for reproducible files. Defaults to now. */
  generated?: number;
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
const byKey = (a: ArticleRecord, b: ArticleRecord) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function* backupSteps(annotations: readonly Annotation[], articles: readonly ArticleRecord[], out: string[], options: BackupOptions): Steps {
  const items = [...annotations].sort(byCreation);
  const records = [...articles].sort(byKey);
  const head = {
    '@context': BACKUP_CONTEXT,
    type: 'AnnotationCollection',
    'anyue:format': BACKUP_FORMAT,
    'anyue:version': BACKUP_VERSION,
    generated: new Date(options.generated ?? Date.now()).toISOString(),
    total: items.length,
  };
  // The head is the collection without its two lists; the lists are written line by line after it.
  out.push(JSON.stringify(head).slice(0, -1), ',"items":[');
  for (let i = 0; i < items.length; i++) {
    out.push(i ? ',\n' : '\n', JSON.stringify(toWebAnnotation(items[i]!)));
    yield;
  }
  out.push(items.length ? '\n],"anyue:articles":[' : '],"anyue:articles":[');
  for (let i = 0; i < records.length; i++) {
    out.push(i ? ',\n' : '\n', JSON.stringify(articleJson(records[i]!)));
    yield;
  }
  out.push(records.length ? '\n]}\n' : ']}\n');
}

/** Every annotation (tombstones included) and article record, as one JSON-LD text. */
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
  await runSliced(backupSteps(annotations, articles, out, options), annotations.length + articles.length, options);
  return out.join('');
}
