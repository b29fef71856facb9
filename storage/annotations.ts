// Writing and reading the reader's annotations. Every write is one transaction; every change stamps the
// fields it touches; a delete is a tombstone that restore() lifts, so undo and sync never lose anything.

import type { TextTarget } from '../anchoring/selectors';
import type { Clock } from '../sync/hlc';
import {
  normaliseTags,
  type Annotation,
  type AnnotationChanges,
  type AnnotationKind,
  type ExcerptSnapshot,
  type HighlightColour,
  type SpeakerRef,
} from './annotation';
import type { AnyueDatabase } from './database';

export interface NewAnnotation {
  articleKey: string;
  articleUrl: string;
  articleTitle: string;
  kind: AnnotationKind;
  target: TextTarget | null;
  colour: HighlightColour;
  note: string;
  tags: string[];
  speakers: SpeakerRef[];
  excerpt: ExcerptSnapshot | null;
}

export class AnnotationNotFound extends Error {
  constructor(id: string) {
    super(`no annotation with id ${id}`);
  }
}

export async function createAnnotation(db: AnyueDatabase, clock: Clock, input: NewAnnotation, now = Date.now()): Promise<Annotation> {
  const stamp = clock.tick();
  const annotation: Annotation = {
    id: crypto.randomUUID(),
    ...input,
    tags: normaliseTags(input.tags),
    createdAt: now,
    updatedAt: now,
    deleted: false,
    stamps: { created: stamp, colour: stamp, note: stamp, tags: stamp, deleted: stamp, target: stamp },
  };
  await db.annotations.add(annotation);
  return annotation;
}

async function change(
  db: AnyueDatabase,
  clock: Clock,
  id: string,
  apply: (annotation: Annotation, stamp: string) => void,
  now: number,
): Promise<Annotation> {
  return db.transaction('rw', db.annotations, async () => {
    const annotation = await db.annotations.get(id);
    if (!annotation) throw new AnnotationNotFound(id);
    const stamp = clock.tick();
    apply(annotation, stamp);
    annotation.updatedAt = now;
    await db.annotations.put(annotation);
    return annotation;
  });
}

/** Changes colour, note or tags; only the fields that really change get new stamps. */
export function updateAnnotation(db: AnyueDatabase, clock: Clock, id: string, changes: AnnotationChanges, now = Date.now()) {
  return change(
    db,
    clock,
    id,
    (annotation, stamp) => {
      if (changes.colour !== undefined && changes.colour !== annotation.colour) {
        annotation.colour = changes.colour;
        annotation.stamps.colour = stamp;
      }
      if (changes.note !== undefined && changes.note !== annotation.note) {
        annotation.note = changes.note;
        annotation.stamps.note = stamp;
      }
      if (changes.tags !== undefined) {
        const tags = normaliseTags(changes.tags);
        if (tags.join('\u0000') !== annotation.tags.join('\u0000')) {
          annotation.tags = tags;
          annotation.stamps.tags = stamp;
        }
      }
    },
    now,
  );
}

export function setDeleted(db: AnyueDatabase, clock: Clock, id: string, deleted: boolean, now = Date.now()) {
  return change(
    db,
    clock,
    id,
    (annotation, stamp) => {
      if (annotation.deleted !== deleted) {
        annotation.deleted = deleted;
        annotation.stamps.deleted = stamp;
      }
    },
    now,
  );
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
  return notes.sort((a, b) => a.createdAt - b.createdAt)[0];
}
