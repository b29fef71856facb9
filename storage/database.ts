// The extension's own database. Opened only in the background (and extension pages), never in a content
// script: there Dexie would write into the page's origin, where the page's scripts can read it.

import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { ArticleAnalysisRecord } from '../records/analysis';
import type { ArticleRecord } from '../records/article';
import type { Correction } from '../records/correction';
import type { Annotation } from '../records/annotation';
import { SCHEMA_VERSIONS, type SchemaVersion } from './schema';

export const DATABASE_NAME = 'anyue';


/** An annotation waiting to be pushed; `seq` orders the queue. */
export interface SyncOutboxEntry {
  seq?: number;
  id: string;
}

/** An article whose record or analysis changed here and is not yet pushed; `mark` tells a later change from this one. */
export interface ArticleOutboxEntry {
  key: string;
  mark: number;
}

/** One piece of sync bookkeeping (see sync/sync-engine.ts for the keys). */
export interface SyncStateRow {
  key: string;
  value: unknown;
}

/** A correction sync has carried: `removed` once its removal was seen (here or on another device). */
export interface CorrectionSyncRow {
  id: string;
  removed: boolean;
}

export class AnyueDatabase extends Dexie {
  articles!: Table<ArticleRecord, string>;
  corrections!: Table<Correction, string>;
  annotations!: Table<Annotation, string>;
  analyses!: Table<ArticleAnalysisRecord, string>;
  syncOutbox!: Table<SyncOutboxEntry, number>;
  syncState!: Table<SyncStateRow, string>;
  correctionSync!: Table<CorrectionSyncRow, string>;
  articleOutbox!: Table<ArticleOutboxEntry, string>;

  /** `options` lets tests give each simulated device its own IndexedDB factory. */
  constructor(name = DATABASE_NAME, versions: SchemaVersion[] = SCHEMA_VERSIONS, options?: DexieOptions) {
    super(name, options);
    for (const { version, stores, upgrade } of versions) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}
