// The reader's own work: highlights, excerpts and page notes. One record per annotation, kept by the
// background in the extension's database. Every mutable field carries the stamp of its last change and a
// deletion is a tombstone, so sync can merge field by field and never infer a delete from absence.

import type { TextTarget } from '../anchoring/selectors';
import type { Stamp } from '../sync/hlc';

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
  /** `zaihaifangyu.cn/<postId>` */
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
