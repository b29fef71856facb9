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
