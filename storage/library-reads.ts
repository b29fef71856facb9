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
 * Every annotation (tombstones included: the index drops them), `size` at a time in primary-key order,
 * each chunk in its own short transaction; `onChunk` runs between chunks (and may yield to the page).
 */
export async function readAnnotationsInChunks(db: AnyueDatabase, size: number, onChunk: (chunk: Annotation[]) => void | Promise<void>): Promise<number> {
  let after: string | null = null;
  let total = 0;
  for (;;) {
    const chunk: Annotation[] = await (after === null ? db.annotations.orderBy(':id') : db.annotations.where(':id').above(after)).limit(size).toArray();
    if (chunk.length === 0) return total;
    total += chunk.length;
    after = chunk[chunk.length - 1]!.id;
    await onChunk(chunk);
    if (chunk.length < size) return total;
  }
}
