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
  {
    version: 4,
    stores: {
      // Annotations changed here and not yet pushed to the sync server (written with each edit).
      syncOutbox: '++seq, id',
      // Sync progress and status: one row per key (cursors, pushed sequence, last error). Never credentials.
      syncState: 'key',
      // Corrections sync has carried (pushed or pulled), and ids removed: removals travel as tombstones.
      correctionSync: 'id',
    },
    // Rows from before sync keep their shape (their sync fields are derived from the stamps when merged);
    // each is queued once, so the first sync pushes everything the reader already has.
    upgrade: async (transaction) => {
      const ids = await transaction.table('annotations').toCollection().primaryKeys();
      await transaction.table('syncOutbox').bulkAdd(ids.map((id) => ({ id })));
    },
  },
  {
    version: 5,
    stores: {
      // Articles whose record or analysis changed here and is not yet pushed: they travel with sync, so the
      // library's indexes (speakers, phrases, sites, dates) are the same on every device.
      articleOutbox: 'key',
    },
    // Every article the reader already has is queued once.
    upgrade: async (transaction) => {
      const keys = await transaction.table('articles').toCollection().primaryKeys();
      await transaction.table('articleOutbox').bulkPut(keys.map((key) => ({ key, mark: 0 })));
    },
  },
];
