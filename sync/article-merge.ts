// Merging two versions of an article's record or of its analysis (from another device or a backup). Both are
// derived from the page, not typed by the reader, so no edit can be lost: the newest view of the page wins,
// and the merge only has to be deterministic, idempotent and commutative so that every device ends the same.

import type { ArticleAnalysisRecord } from '../records/analysis';
import type { ArticleRecord } from '../records/article';

export interface Merged<T> {
  merged: T;
  /** True when the merged record differs from `local` (something must be written). */
  changed: boolean;
}

const json = (value: unknown) => JSON.stringify(value);
/** The later of two versions; equal times are decided by their content, the same way on every device. */
function later<T>(a: T, b: T, time: (value: T) => number): T {
  const ta = time(a);
  const tb = time(b);
  if (ta !== tb) return ta > tb ? a : b;
  return json(a) >= json(b) ? a : b;
}

/**
 * Reading history merges to the widest span (earliest first read, latest last read, most reads on one device);
 * the page's metadata comes from the latest read, and a field that read lacked (a page that lost its date for
 * a moment) keeps the other version's. With three devices disagreeing on such a field the result may depend on
 * the order of merges; it is derived data, so that is accepted rather than keeping a time per field.
 */
export function mergeArticleRecord(local: ArticleRecord | undefined, incoming: ArticleRecord): Merged<ArticleRecord> {
  if (!local) return { merged: incoming, changed: true };
  const newer = later(local, incoming, (record) => record.lastReadAt);
  const older = newer === local ? incoming : local;
  const merged: ArticleRecord = {
    ...newer,
    publishedAt: newer.publishedAt ?? older.publishedAt,
    source: newer.source ?? older.source,
    author: newer.author ?? older.author,
    firstReadAt: Math.min(local.firstReadAt, incoming.firstReadAt),
    lastReadAt: Math.max(local.lastReadAt, incoming.lastReadAt),
    readCount: Math.max(local.readCount, incoming.readCount),
  };
  return { merged, changed: json(merged) !== json(local) };
}

/** The latest analysis of the article wins (it ran on the newest text and the latest corrections). */
export function mergeArticleAnalysis(local: ArticleAnalysisRecord | undefined, incoming: ArticleAnalysisRecord): Merged<ArticleAnalysisRecord> {
  if (!local) return { merged: incoming, changed: true };
  const merged = later(local, incoming, (record) => record.analysedAt);
  return { merged, changed: merged !== local && json(merged) !== json(local) };
}
