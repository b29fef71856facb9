// Merging an imported backup into the database: by id, in one transaction, with the rules sync uses. Nothing
// is duplicated, an older edit never overwrites a newer one, an older analysis never a newer one. If anything
// fails, nothing is written.

import type { ArticleAnalysisRecord } from '../records/analysis';
import type { Annotation } from '../records/annotation';
import type { ArticleRecord } from '../records/article';
import type { Correction } from '../records/correction';
import { mergeArticleAnalysis, mergeArticleRecord } from '../sync/article-merge';
import { mergeAnnotation } from '../sync/merge';
import { queueForSync } from './annotations';
import { queueArticlesForSync } from './articles';
import type { AnyueDatabase } from './database';

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

/** What a backup holds for the database (preferences live elsewhere: storage.local). */
export interface ImportedRecords {
  annotations: Annotation[];
  articles: ArticleRecord[];
  analyses: ArticleAnalysisRecord[];
  corrections: Correction[];
}

export async function importIntoDatabase(db: AnyueDatabase, records: ImportedRecords): Promise<ImportSummary> {
  const { annotations, articles, analyses, corrections } = records;
  // The sync outboxes are written in the same transaction: what was imported reaches the reader's other devices.
  const tables = [db.annotations, db.articles, db.analyses, db.corrections, db.correctionSync, db.syncOutbox, db.articleOutbox];
  return db.transaction('rw', tables, async () => {
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
    const articleWrites = articles.map((incoming, i) => mergeArticleRecord(localArticles[i], incoming)).filter((m) => m.changed).map((m) => m.merged);
    await db.articles.bulkPut(articleWrites);
    const localAnalyses = await db.analyses.bulkGet(analyses.map((a) => a.articleKey));
    const analysisWrites = analyses.map((incoming, i) => mergeArticleAnalysis(localAnalyses[i], incoming)).filter((m) => m.changed).map((m) => m.merged);
    await db.analyses.bulkPut(analysisWrites);
    const changedKeys = [...new Set([...articleWrites.map((a) => a.key), ...analysisWrites.map((a) => a.articleKey)])];
    await queueArticlesForSync(db, changedKeys);
    // A correction is immutable once made; one the reader removed after sync carried it stays removed.
    const carried = await db.correctionSync.bulkGet(corrections.map((c) => c.id));
    await db.corrections.bulkPut(corrections.filter((_, i) => !carried[i]?.removed));
    summary.articles = articles.length;
    summary.articleKeys = [...new Set([...writes.map((a) => a.articleKey), ...changedKeys])];
    return summary;
  });
}
