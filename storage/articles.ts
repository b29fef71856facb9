// Reading history: which portal articles the reader opened, and when.

import type { ArticleMeta, VisitInfo } from '../records/article';
import type { AnyueDatabase } from './database';
import type { ArticleRecord } from '../records/article';

/** Records a visit: creates the article on first read, refreshes its metadata and counts later reads. */
export async function recordVisit(db: AnyueDatabase, article: ArticleMeta, now = Date.now()): Promise<VisitInfo> {
  return db.transaction('rw', db.articles, async () => {
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
    return { firstReadAt: record.firstReadAt, lastReadAt: record.lastReadAt, readCount: record.readCount };
  });
}

export async function getVisit(db: AnyueDatabase, key: string): Promise<VisitInfo | null> {
  const record = await db.articles.get(key);
  return record
    ? { firstReadAt: record.firstReadAt, lastReadAt: record.lastReadAt, readCount: record.readCount }
    : null;
}
