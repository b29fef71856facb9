// How the library reads a large database without making the reader wait: the newest page first, straight
// from the createdAt index (milliseconds, whatever the size), then everything in chunks by primary key, so
// the page stays responsive between chunks while the search index is built.

import type { Annotation } from '../records/annotation';
import type { AnyueDatabase } from './database';

/** The `limit` newest live annotations, newest first. */
export async function newestAnnotations(db: AnyueDatabase, limit: number): Promise<Annotation[]> {
  return db.annotations
    .orderBy('createdAt')
    .reverse()
    .filter((annotation) => !annotation.deleted)
    .limit(limit)
    .toArray();
}

/**
 * Every annotation (tombstones included: the index drops them), about `size` at a time in primary-key order,
 * each chunk in its own short transaction; `onChunk` runs between chunks (and may yield to the page). The
 * keys are read first (getAllKeys), so each chunk is a key range read with getAll: a cursor, or a limit
 * on a range, walks row by row and takes several times longer at 100k rows.
 */
export async function readAnnotationsInChunks(db: AnyueDatabase, size: number, onChunk: (chunk: Annotation[]) => void | Promise<void>): Promise<number> {
  const keys = await db.annotations.toCollection().primaryKeys();
  let total = 0;
  for (let i = 0; i < keys.length; i += size) {
    const lower = keys[i]!;
    const upper = keys[i + size];
    // The last range is open: rows added meanwhile past the last key are read too.
    const range = upper === undefined ? db.annotations.where(':id').aboveOrEqual(lower) : db.annotations.where(':id').between(lower, upper, true, false);
    const chunk = await range.toArray();
    total += chunk.length;
    await onChunk(chunk);
  }
  return total;
}
