// Reading history (which articles the reader opened, and when) and each article's latest analysis. Both are
// queued for sync where they are written, in the same transaction.

import type { AnalysisSummary, ArticleAnalysisRecord } from '../records/analysis';
import type { ArticleMeta, ArticleRecord, VisitInfo } from '../records/article';
import type { AnyueDatabase } from './database';

/** Marks articles whose record or analysis changed here; a new mark tells the push a change came after it read. */
export async function queueArticlesForSync(db: AnyueDatabase, keys: readonly string[]): Promise<void> {
  if (keys.length) await db.articleOutbox.bulkPut(keys.map((key) => ({ key, mark: Math.random() })));
}

/** Keeps the article's latest analysis (the library's speaker and phrase indexes read it). */
export async function recordAnalysis(db: AnyueDatabase, articleKey: string, summary: AnalysisSummary, now = Date.now()): Promise<void> {
  const record: ArticleAnalysisRecord = { articleKey, analysedAt: now, summary };
  await db.transaction('rw', db.analyses, db.articleOutbox, async () => {
    await db.analyses.put(record);
    await queueArticlesForSync(db, [articleKey]);
  });
}

/** Records a visit: creates the article on first read, refreshes its metadata and counts later reads. */
export async function recordVisit(db: AnyueDatabase, article: ArticleMeta, now = Date.now()): Promise<VisitInfo> {
  return db.transaction('rw', db.articles, db.articleOutbox, async () => {
    const existing = await db.articles.get(article.key);
    const record: ArticleRecord = {
      ...article,
      // A page that temporarily lost a field (theme change, partial load) must not erase what we knew.
      publishedAt: article.publishedAt ?? existing?.publishedAt ?? null,
      author: article.author ?? existing?.author ?? null,
      source: article.source ?? existing?.source ?? null,
      firstReadAt: existing?.firstReadAt ?? now,
      lastReadAt: now,
      readCount: (existing?.readCount ?? 0) + 1,
    };
    await db.articles.put(record);
    await queueArticlesForSync(db, [article.key]);
    return { firstReadAt: record.firstReadAt, lastReadAt: record.lastReadAt, readCount: record.readCount };
  });
}

export async function getVisit(db: AnyueDatabase, key: string): Promise<VisitInfo | null> {
  const record = await db.articles.get(key);
  return record
    ? { firstReadAt: record.firstReadAt, lastReadAt: record.lastReadAt, readCount: record.readCount }
    : null;
}
