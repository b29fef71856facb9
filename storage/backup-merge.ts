// Merging an imported backup into the database: by id, in one transaction. Nothing is duplicated, and an
// older edit never overwrites a newer one (the same field-by-field rule sync uses). If anything fails,
// nothing is written.

import { mergeAnnotation } from '../sync/merge';
import type { Annotation } from '../records/annotation';
import { queueForSync } from './annotations';
import type { AnyueDatabase } from './database';
import type { ArticleRecord } from '../records/article';

export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  articles: number;
  /** Ids of the annotations written. */
  ids: string[];
  /** Article keys touched. */
  articleKeys: string[];
}

/** Reading history merges to the widest span: earliest first read, latest last read, most reads. */
function mergeArticle(local: ArticleRecord | undefined, incoming: ArticleRecord): ArticleRecord {
  if (!local) return incoming;
  const newer = incoming.lastReadAt > local.lastReadAt ? incoming : local;
  return {
    ...newer,
    publishedAt: newer.publishedAt ?? local.publishedAt ?? incoming.publishedAt,
    source: newer.source ?? local.source ?? incoming.source,
    author: newer.author ?? local.author ?? incoming.author,
    firstReadAt: Math.min(local.firstReadAt, incoming.firstReadAt),
    lastReadAt: Math.max(local.lastReadAt, incoming.lastReadAt),
    readCount: Math.max(local.readCount, incoming.readCount),
  };
}

export async function importIntoDatabase(db: AnyueDatabase, annotations: Annotation[], articles: ArticleRecord[]): Promise<ImportSummary> {
  // The sync outbox is written in the same transaction: imported edits reach the reader's other devices.
  return db.transaction('rw', db.annotations, db.articles, db.syncOutbox, async () => {
    const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, articles: 0, ids: [], articleKeys: [] };
    const existing = await db.annotations.bulkGet(annotations.map((a) => a.id));
    const writes: Annotation[] = [];
    annotations.forEach((incoming, i) => {
      const local = existing[i];
      const { merged, changed } = mergeAnnotation(local, incoming);
      if (!changed) {
        summary.unchanged += 1;
        return;
      }
      if (local) summary.updated += 1;
      else summary.added += 1;
      writes.push(merged);
      summary.ids.push(merged.id);
    });
    await db.annotations.bulkPut(writes);
    await queueForSync(db, summary.ids);
    const localArticles = await db.articles.bulkGet(articles.map((a) => a.key));
    const articleWrites = articles.map((incoming, i) => mergeArticle(localArticles[i], incoming));
    await db.articles.bulkPut(articleWrites);
    summary.articles = articleWrites.length;
    summary.articleKeys = [...new Set([...writes.map((a) => a.articleKey), ...articles.map((a) => a.key)])];
    return summary;
  });
}
