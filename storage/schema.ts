// Numbered schema versions of the extension's database. Never edit a released version: add the next one,
// with an upgrade function when existing rows must change. Dexie runs the upgrades in order on open.

import type { Transaction } from 'dexie';

export interface SchemaVersion {
  version: number;
  /** Dexie store definitions that change in this version (primary key first, then indexes). */
  stores: Record<string, string | null>;
  upgrade?: (transaction: Transaction) => PromiseLike<unknown> | void;
}

export const SCHEMA_VERSIONS: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // One row per article the reader has opened.
      articles: 'key, lastReadAt, postId',
    },
  },
  {
    version: 2,
    stores: {
      // The reader's corrections to the analysis (not a speaker, fixed names, added/removed terms).
      corrections: 'id, createdAt, kind',
    },
  },
  {
    version: 3,
    stores: {
      // Highlights, excerpts and page notes (tombstones included).
      annotations: 'id, articleKey, updatedAt, createdAt, kind, colour, *tags',
      // The latest analysis summary of each article the reader opened: the cross-article indexes.
      analyses: 'articleKey, analysedAt',
    },
  },
];
