// The extension's own database. Opened only in the background (and extension pages), never in a content
// script: there Dexie would write into the page's origin, where the page's scripts can read it.

import Dexie, { type Table } from 'dexie';
import type { AnalysisSummary } from '../highlights/summary';
import type { Correction } from '../messaging/protocol';
import type { Annotation } from './annotation';
import { SCHEMA_VERSIONS, type SchemaVersion } from './schema';

export const DATABASE_NAME = 'anyue';

export interface ArticleRecord {
  key: string;
  postId: string;
  url: string;
  title: string;
  categories: string[];
  publishedAt: string | null;
  author: string | null;
  source: string | null;
  textLength: number;
  firstReadAt: number;
  lastReadAt: number;
  readCount: number;
}

export interface ArticleAnalysisRecord {
  articleKey: string;
  analysedAt: number;
  summary: AnalysisSummary;
}

export class AnyueDatabase extends Dexie {
  articles!: Table<ArticleRecord, string>;
  corrections!: Table<Correction, string>;
  annotations!: Table<Annotation, string>;
  analyses!: Table<ArticleAnalysisRecord, string>;

  constructor(name = DATABASE_NAME, versions: SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name);
    for (const { version, stores, upgrade } of versions) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}
