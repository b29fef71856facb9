import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup } from '../exporters/web-annotation';
import { parseBackup } from '../exporters/backup-import';
import { makeAnnotation } from '../library/test-data';
import { formatStamp } from '../sync/hlc';
import { importIntoDatabase } from './backup-merge';
import { AnyueDatabase } from './database';
import { type ArticleRecord } from '../records/article';
import type { Annotation } from '../records/annotation';
import type { ArticleAnalysisRecord } from '../records/analysis';
import type { Correction } from '../records/correction';

const records = (annotations: Annotation[], articles: ArticleRecord[]) => ({ annotations, articles, analyses: [], corrections: [] });

const text = '应急管理部召开会议。要坚持人民至上、生命至上,统筹发展和安全。<script>alert(1)</script>';
const article: ArticleRecord = {
  key: 'zaihaifangyu.cn/5288', postId: '5288', url: 'https://zaihaifangyu.cn/5288.html', title: '标题', categories: ['动态信息'],
  publishedAt: '2020-11-23', author: null, source: '人民论坛网', textLength: text.length, firstReadAt: 1_000, lastReadAt: 2_000, readCount: 2,
};
const annotations = [
  makeAnnotation({ text, quote: '应急管理部召开会议', note: '要点', tags: ['防汛'] }),
  makeAnnotation({ text, quote: '人民至上、生命至上', colour: 'pink' }),
  makeAnnotation({ text, quote: '<script>alert(1)</script>', note: '<img src=x onerror=alert(2)>', deleted: true }),
];
const GENERATED = Date.UTC(2026, 10, 28);

const dbs: AnyueDatabase[] = [];
const fresh = () => {
  const db = new AnyueDatabase(`import-${Math.random()}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const backupOf = async (db: AnyueDatabase) =>
  exportBackup(await db.annotations.toArray(), await db.articles.toArray(), {
    generated: GENERATED,
    analyses: await db.analyses.toArray(),
    corrections: await db.corrections.toArray(),
  });

const analysis = (analysedAt: number, speaker: string): ArticleAnalysisRecord => ({
  articleKey: article.key,
  analysedAt,
  summary: { speakers: [{ name: speaker, title: '部长', org: '应急管理部', first: { start: 0, end: 2 }, passages: [] }], people: [], phrases: [] },
});
const correction: Correction = { kind: 'not-speaker', name: '王明', id: 'c-1', createdAt: 5 };

describe('importing a backup', () => {
  it('round-trips: export → wipe → import → export gives the same file', async () => {
    const db = fresh();
    await db.annotations.bulkAdd(annotations);
    await db.articles.add(article);
    await db.analyses.add(analysis(3_000, '王明'));
    await db.corrections.add(correction);
    const first = await backupOf(db);
    await db.delete();
    await db.open();
    const parsed = parseBackup(first);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(await importIntoDatabase(db, parsed)).toMatchObject({ added: 3, updated: 0, unchanged: 0, articles: 1 });
    expect(await backupOf(db)).toBe(first);
  });

  it('merges by id into a non-empty library: no duplicates, a newer local edit stays', async () => {
    const db = fresh();
    const newer = { ...structuredClone(annotations[0]!), note: '本地新改', stamps: { ...annotations[0]!.stamps, note: formatStamp(1_900_000_000_000, 0, 'local') } };
    await db.annotations.bulkAdd([newer, annotations[1]!]);
    await db.articles.add({ ...article, readCount: 5, lastReadAt: 9_000 });
    const summary = await importIntoDatabase(db, records(annotations, [article]));
    expect(summary).toMatchObject({ added: 1, updated: 0, unchanged: 2 });
    expect(await db.annotations.count()).toBe(3);
    expect((await db.annotations.get(newer.id))!.note).toBe('本地新改');
    expect(await db.articles.get(article.key)).toMatchObject({ readCount: 5, firstReadAt: 1_000, lastReadAt: 9_000 });
  });

  it('queues what it wrote for sync, and nothing it left unchanged', async () => {
    const db = fresh();
    await db.annotations.add(annotations[1]!);
    await importIntoDatabase(db, records(annotations, []));
    const queued = (await db.syncOutbox.toArray()).map((row) => row.id).sort();
    expect(queued).toEqual([annotations[0]!.id, annotations[2]!.id].sort());
  });

  it('takes a newer imported edit over an older local one', async () => {
    const db = fresh();
    await db.annotations.add(annotations[1]!);
    const edited = { ...structuredClone(annotations[1]!), colour: 'blue' as const, stamps: { ...annotations[1]!.stamps, colour: formatStamp(1_900_000_000_000, 0, 'other') } };
    expect(await importIntoDatabase(db, records([edited], []))).toMatchObject({ updated: 1 });
    expect((await db.annotations.get(edited.id))!.colour).toBe('blue');
  });

  it('brings back the analyses that feed the indexes (a newer one here stays) and the corrections', async () => {
    const db = fresh();
    await importIntoDatabase(db, { annotations: [], articles: [article], analyses: [analysis(3_000, '王明')], corrections: [correction] });
    expect((await db.analyses.get(article.key))!.summary.speakers[0]!.name).toBe('王明');
    expect(await db.corrections.toArray()).toEqual([correction]);
    // Re-analysed here since the backup: the backup's older analysis does not replace it.
    await db.analyses.put(analysis(9_000, '李强'));
    await importIntoDatabase(db, { annotations: [], articles: [], analyses: [analysis(3_000, '王明')], corrections: [] });
    expect((await db.analyses.get(article.key))!.summary.speakers[0]!.name).toBe('李强');
  });

  it('queues imported articles and analyses for sync, and not what it left unchanged', async () => {
    const db = fresh();
    await importIntoDatabase(db, { annotations: [], articles: [article], analyses: [analysis(3_000, '王明')], corrections: [] });
    expect((await db.articleOutbox.toArray()).map((row) => row.key)).toEqual([article.key]);
    await db.articleOutbox.clear();
    await importIntoDatabase(db, { annotations: [], articles: [article], analyses: [analysis(3_000, '王明')], corrections: [] });
    expect(await db.articleOutbox.count()).toBe(0);
  });

  it('does not bring back a correction the reader removed after sync carried it', async () => {
    const db = fresh();
    await db.correctionSync.put({ id: correction.id, removed: true });
    await importIntoDatabase(db, { annotations: [], articles: [], analyses: [], corrections: [correction] });
    expect(await db.corrections.count()).toBe(0);
  });

  it('writes nothing when a write fails midway', async () => {
    const db = fresh();
    await db.open();
    db.articles.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(importIntoDatabase(db, records(annotations, [article]))).rejects.toThrow(/disk full/);
    expect(await db.annotations.count()).toBe(0);
  });
});
