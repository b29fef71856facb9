// The reader's own work: highlights, excerpts and page notes. One record per annotation, kept by the
// background in the extension's database. Every mutable field carries the stamp of its last change and a
// deletion is a tombstone, so sync can merge field by field and never infer a delete from absence.

import { articleKeyCheck } from './article-key';
import { array, boolean, epochMs, httpUrl, integer, nullable, object, oneOf, string, type Check } from './check';
import { stampCheck } from './stamp';
import { textTargetCheck, type TextTarget } from './text-target';
import type { Stamp } from './stamp';

export const HIGHLIGHT_COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColour = (typeof HIGHLIGHT_COLOURS)[number];

export type AnnotationKind = 'highlight' | 'excerpt' | 'page-note';

export interface SpeakerRef {
  name: string;
  title: string;
  org: string;
}

/** What an excerpt remembers of its source, as it was when saved. */
export interface ExcerptSnapshot {
  title: string;
  url: string;
  /** Original source (本文来自… / 文章来源), null when the portal is the source. */
  source: string | null;
  publishedAt: string | null;
  author: string | null;
  siteName: string;
  capturedAt: number;
}

export interface Annotation {
  /** Random UUID, the same on every device. */
  id: string;
  /** `<site>/<stable id>` (records/article-key.ts) */
  articleKey: string;
  /** The article's canonical URL when created. */
  articleUrl: string;
  articleTitle: string;
  kind: AnnotationKind;
  /** W3C-style selectors of the annotated text; null for a page note. */
  target: TextTarget | null;
  colour: HighlightColour;
  note: string;
  tags: string[];
  /** Speakers whose attributed words the annotated text falls in (empty when none). */
  speakers: SpeakerRef[];
  /** Set for kind 'excerpt'. */
  excerpt: ExcerptSnapshot | null;
  createdAt: number;
  updatedAt: number;
  /** Tombstone: deleted annotations stay (for undo and sync) but are not shown. */
  deleted: boolean;
  /** Stamp of the last change of each mutable field (and of creation). */
  stamps: Record<MutableField | 'created', Stamp>;
  // Sync state (absent on records written before schema version 4 and in old backups; `syncStateOf`
  // derives it from `stamps` then). Together these make every field a CRDT: nothing is lost to a merge.
  /** Causal context: per device, the latest stamp of that device's edits this record includes. */
  seen?: Record<string, Stamp>;
  /** Versions of the note or target (excerpt text) written concurrently with the shown one, kept for the reader. */
  conflicts?: FieldConflict[];
  /** Each tag with the stamp of the edit that added it (a tag added concurrently on two devices has two). */
  tagStamps?: TagStamp[];
  /** Stamps of the creation, edits and restores no delete has seen: empty means deleted. */
  liveBy?: Stamp[];
}

/** Fields whose concurrent edits are both kept: text the reader wrote or chose. */
export const CONFLICT_FIELDS = ['note', 'target'] as const;
export type ConflictField = (typeof CONFLICT_FIELDS)[number];

export type FieldConflict =
  | { field: 'note'; value: string; stamp: Stamp }
  | { field: 'target'; value: TextTarget | null; stamp: Stamp };

export interface TagStamp {
  tag: string;
  stamp: Stamp;
  /** Position in the list the reader typed, so tags added together keep the reader's order. */
  rank: number;
}

export const MUTABLE_FIELDS = ['colour', 'note', 'tags', 'deleted', 'target'] as const;
export type MutableField = (typeof MUTABLE_FIELDS)[number];

/** What a change may touch. */
export type AnnotationChanges = Partial<Pick<Annotation, 'colour' | 'note' | 'tags'>>;

export const MAX_NOTE_LENGTH = 20_000;
export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 40;

/** Tags as the reader means them: trimmed, '#' dropped, no empties, no duplicates, bounded. */
export function normaliseTags(tags: string[]): string[] {
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = raw.trim().replace(/^[#＃]+/, '').trim().slice(0, MAX_TAG_LENGTH);
    if (tag) seen.add(tag);
    if (seen.size >= MAX_TAGS) break;
  }
  return [...seen];
}

/** Splits what a reader typed into a tag field: commas (both widths), 、, semicolons, whitespace. */
export function splitTags(input: string): string[] {
  return normaliseTags(input.split(/[,，、;；\s]+/));
}

// ---------------------------------------------------------------- the one check of an annotation

export const MAX_TITLE_LENGTH = 1_000;
export const MAX_URL_LENGTH = 2_000;
/** Speaker name/title/org, excerpt source, author, site name. */
export const MAX_NAME_LENGTH = 500;
export const MAX_SPEAKERS = 100;
const MAX_DEVICES = 1_000;
const MAX_CONFLICTS = 1_000;
const MAX_STAMP_LIST = 10_000;

/** Annotation ids are random UUIDs in lower case (crypto.randomUUID); an export writes them as urn:uuid:<id>. */
export const ANNOTATION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const annotationIdCheck: Check = (value, path) =>
  typeof value === 'string' && ANNOTATION_ID.test(value) ? null : `${path}: not an annotation id (a lower-case UUID)`;


/** A published date as site adapters store it: ISO date, optionally with a time. */
export const publishedAtCheck: Check = nullable((value, path) =>
  string(40)(value, path) ?? (/^\d{4}-\d{2}-\d{2}/.test(value as string) ? null : `${path}: not an ISO date (YYYY-MM-DD…)`),
);

export const tagCheck: Check = (value, path) => {
  const reason = string(MAX_TAG_LENGTH, { nonEmpty: true })(value, path);
  if (reason) return reason;
  return normaliseTags([value as string])[0] === value ? null : `${path}: not a normalised tag (surrounding spaces or a leading #)`;
};

/** Tags as normaliseTags leaves them: each normalised, none twice, at most MAX_TAGS. */
export const tagsCheck: Check = (value, path) => {
  const reason = array(tagCheck, MAX_TAGS)(value, path);
  if (reason) return reason;
  const tags = value as string[];
  const duplicate = tags.findIndex((tag, i) => tags.indexOf(tag) !== i);
  return duplicate < 0 ? null : `${path}[${duplicate}]: duplicate tag "${tags[duplicate]}"`;
};

const name = string(MAX_NAME_LENGTH);
export const speakerRefCheck: Check = object({ name, title: name, org: name });

export const excerptSnapshotCheck: Check = object({
  title: string(MAX_TITLE_LENGTH),
  url: httpUrl(MAX_URL_LENGTH),
  source: nullable(name),
  publishedAt: publishedAtCheck,
  author: nullable(name),
  siteName: name,
  capturedAt: epochMs,
});

const seenMap =
  (stamp: Check): Check =>
  (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${path}: expected object`;
    const entries = Object.entries(value);
    if (entries.length > MAX_DEVICES) return `${path}: more than ${MAX_DEVICES} devices`;
    for (const [device, latest] of entries) {
      const reason = stamp(latest, `${path}.${device}`);
      if (reason) return reason;
      if (!(latest as string).endsWith(`:${device}`)) return `${path}.${device}: stamp of another device`;
    }
    return null;
  };

const conflictCheck =
  (stamp: Check): Check =>
  (value, path) => {
    const field = (value as { field?: unknown } | null)?.field;
    if (field === 'note') return object({ field: string(), value: string(MAX_NOTE_LENGTH), stamp })(value, path);
    if (field === 'target') return object({ field: string(), value: nullable(textTargetCheck), stamp })(value, path);
    return `${path}.field: expected note or target`;
  };

const syncFields = (now: number): Record<string, Check> => {
  const stamp = stampCheck(now);
  return {
    seen: seenMap(stamp),
    conflicts: array(conflictCheck(stamp), MAX_CONFLICTS),
    tagStamps: array(object({ tag: tagCheck, stamp, rank: integer(0, MAX_STAMP_LIST) }), MAX_STAMP_LIST),
    liveBy: array(stamp, MAX_STAMP_LIST),
  };
};

/** A record's sync fields alone, as a backup carries them (`anyue:sync`). */
export const syncFieldsCheck = (now: number): Check => object(syncFields(now));

/**
 * The one check of an annotation record, wherever it comes from (sync pull, backup import). `now` is the
 * receiving device's time: stamps further ahead than MAX_CLOCK_SKEW_MS are refused.
 */
export function annotationCheck(now: number): Check {
  const stamp = stampCheck(now);
  const shape = object(
    {
      id: annotationIdCheck,
      articleKey: articleKeyCheck,
      articleUrl: httpUrl(MAX_URL_LENGTH),
      articleTitle: string(MAX_TITLE_LENGTH),
      kind: oneOf<AnnotationKind>('highlight', 'excerpt', 'page-note'),
      target: nullable(textTargetCheck),
      colour: oneOf(...HIGHLIGHT_COLOURS),
      note: string(MAX_NOTE_LENGTH),
      tags: tagsCheck,
      speakers: array(speakerRefCheck, MAX_SPEAKERS),
      excerpt: nullable(excerptSnapshotCheck),
      createdAt: epochMs,
      updatedAt: epochMs,
      deleted: boolean,
      stamps: object({ created: stamp, colour: stamp, note: stamp, tags: stamp, deleted: stamp, target: stamp }),
    },
    syncFields(now),
  );
  return (value, path) => {
    const reason = shape(value, path);
    if (reason) return reason;
    const annotation = value as Annotation;
    if (annotation.kind === 'excerpt' && annotation.excerpt === null) return `${path}.excerpt: an excerpt must keep the snapshot of its source, got null`;
    return null;
  };
}
