// Writing and reading the reader's annotations. Every write is one transaction; every change stamps the
// fields it touches; a delete is a tombstone that restore() lifts, so undo and sync never lose anything.
// Each write also queues the record in the sync outbox, in the same transaction, so sync finds what
// changed without scanning and a crash can never separate an edit from its queue entry.

import type { TextTarget } from '../anchoring/selectors';
import type { Clock, Stamp } from '../sync/hlc';
import { applyConflictResolution, applyLocalChanges, applyLocalDeleted, createdSyncState } from '../sync/merge';
import {
  normaliseTags,
  type Annotation,
  type AnnotationChanges,
  type ConflictField,
} from '../records/annotation';
import type { AnyueDatabase } from './database';

/** What a new annotation is made of; ids, times, stamps and sync state are added here. */
export type NewAnnotation = Pick<
  Annotation,
  'articleKey' | 'articleUrl' | 'articleTitle' | 'kind' | 'target' | 'colour' | 'note' | 'tags' | 'speakers' | 'excerpt'
>;

export class AnnotationNotFound extends Error {
  constructor(id: string) {
    super(`no annotation with id ${id}`);
  }
}

/**
 * Queues annotations for the next sync push. Writers outside this module (a backup import) call it inside
 * their own transaction, which must include `db.syncOutbox`, so the queue entry commits with the write.
 */
export async function queueForSync(db: AnyueDatabase, ids: readonly string[]): Promise<void> {
  if (ids.length) await db.syncOutbox.bulkAdd(ids.map((id) => ({ id })));
}

export async function createAnnotation(db: AnyueDatabase, clock: Clock, input: NewAnnotation, now = Date.now()): Promise<Annotation> {
  const stamp = clock.tick();
  const tags = normaliseTags(input.tags);
  const annotation: Annotation = {
    id: crypto.randomUUID(),
    ...input,
    tags,
    createdAt: now,
    updatedAt: now,
    deleted: false,
    stamps: { created: stamp, colour: stamp, note: stamp, tags: stamp, deleted: stamp, target: stamp },
    ...createdSyncState(tags, stamp),
  };
  await db.transaction('rw', db.annotations, db.syncOutbox, async () => {
    await db.annotations.add(annotation);
    await queueForSync(db, [annotation.id]);
  });
  return annotation;
}

/** Applies `edit` (null: nothing changes) to the stored record under a fresh stamp, in one transaction. */
async function change(db: AnyueDatabase, clock: Clock, id: string, edit: (annotation: Annotation, stamp: string) => Annotation | null): Promise<Annotation> {
  return db.transaction('rw', db.annotations, db.syncOutbox, async () => {
    const annotation = await db.annotations.get(id);
    if (!annotation) throw new AnnotationNotFound(id);
    // The new stamp must follow every stamp the record holds (another device's, or this device's before a
    // restart whose wall clock went back): sync takes a stamp at or below `seen` as already known.
    for (const stamp of Object.values(annotation.seen ?? annotation.stamps)) clock.observe(stamp);
    const next = edit(annotation, clock.tick());
    if (!next) return annotation;
    await db.annotations.put(next);
    await queueForSync(db, [id]);
    return next;
  });
}

/**
 * Changes colour, note or tags; only the fields that really change get new stamps. With `noteBase` (the
 * stamp of the note a draft started from) a note saved over a newer one keeps that one as a conflict.
 */
export function updateAnnotation(db: AnyueDatabase, clock: Clock, id: string, changes: AnnotationChanges, now = Date.now(), noteBase?: Stamp | null) {
  return change(db, clock, id, (annotation, stamp) => applyLocalChanges(annotation, changes, stamp, now, noteBase));
}

/**
 * Writes the article's page note (one per article), creating it on first use or lifting its tombstone, in
 * one transaction: two quick saves never make two page notes. `base` is the stamp of the note the draft
 * started from (null: there was none), so a save over a note written meanwhile keeps that one as a conflict.
 */
export async function setPageNote(db: AnyueDatabase, clock: Clock, article: Pick<Annotation, 'articleKey' | 'articleUrl' | 'articleTitle'>, note: string, base: Stamp | null, now = Date.now()): Promise<Annotation> {
  return db.transaction('rw', db.annotations, db.syncOutbox, async () => {
    const existing = await pageNoteOf(db, article.articleKey);
    if (!existing) {
      return createAnnotation(db, clock, { ...article, kind: 'page-note', target: null, colour: 'yellow', note, tags: [], speakers: [], excerpt: null }, now);
    }
    let annotation = await updateAnnotation(db, clock, existing.id, { note }, now, base);
    if (annotation.deleted && note) annotation = await setDeleted(db, clock, existing.id, false, now);
    return annotation;
  });
}

export function setDeleted(db: AnyueDatabase, clock: Clock, id: string, deleted: boolean, now = Date.now()) {
  return change(db, clock, id, (annotation, stamp) => applyLocalDeleted(annotation, deleted, stamp, now));
}

/**
 * The reader resolved a sync conflict of `field` (note, or an excerpt's target): `value` shows — the version
 * they picked, or text they merged by hand — and the other versions of that field are dropped everywhere.
 */
export function resolveConflict(db: AnyueDatabase, clock: Clock, id: string, field: ConflictField, value: string | TextTarget | null, now = Date.now()) {
  return change(db, clock, id, (annotation, stamp) => applyConflictResolution(annotation, field, value, stamp, now));
}

/** Live annotations of one article, in reading order (page notes first, then by position). */
export async function annotationsOfArticle(db: AnyueDatabase, articleKey: string): Promise<Annotation[]> {
  const all = await db.annotations.where('articleKey').equals(articleKey).toArray();
  return all
    .filter((annotation) => !annotation.deleted)
    .sort((a, b) => (a.target?.position.start ?? -1) - (b.target?.position.start ?? -1) || a.createdAt - b.createdAt);
}

/** The article's page note, if the reader wrote one (one per article). */
export async function pageNoteOf(db: AnyueDatabase, articleKey: string): Promise<Annotation | undefined> {
  const notes = await db.annotations.where('articleKey').equals(articleKey).filter((a) => a.kind === 'page-note').toArray();
  // A live note before a deleted one (page notes of two devices fold into the earliest live one, see foldPageNotes).
  return notes.sort((a, b) => Number(a.deleted) - Number(b.deleted) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
}
