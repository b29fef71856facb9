import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { recordVisit } from './articles';
import { AnyueDatabase } from './database';
import { SCHEMA_VERSIONS } from './schema';

const meta = {
  key: 'zaihaifangyu.cn/1',
  postId: '1',
  url: 'https://zaihaifangyu.cn/1.html',
  title: '标题',
  categories: [],
  publishedAt: null,
  author: null,
  source: null,
  textLength: 10,
};

describe('the database schema', () => {
  it('numbers its versions from 1 upwards without gaps', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
  });

  it('runs a later version\'s upgrade over existing rows, keeping them', async () => {
    const name = `migration-${Math.random()}`;
    const v1 = new AnyueDatabase(name);
    await recordVisit(v1, meta, 1_000);
    v1.close();

    const v2 = new AnyueDatabase(name, [
      ...SCHEMA_VERSIONS,
      {
        version: SCHEMA_VERSIONS.length + 1,
        stores: { articles: 'key, lastReadAt, postId, title' },
        upgrade: (tx) =>
          tx.table('articles').toCollection().modify((row: { title: string }) => {
            row.title = `${row.title} (upgraded)`;
          }),
      },
    ]);
    const row = await v2.articles.get(meta.key);
    expect(row).toMatchObject({ title: '标题 (upgraded)', readCount: 1, firstReadAt: 1_000 });
    expect(await v2.articles.where('title').equals('标题 (upgraded)').count()).toBe(1);
    await v2.delete();
  });

  it('counts visits and keeps the first read time', async () => {
    const db = new AnyueDatabase(`visits-${Math.random()}`);
    await recordVisit(db, meta, 1_000);
    const visit = await recordVisit(db, meta, 5_000);
    expect(visit).toEqual({ firstReadAt: 1_000, lastReadAt: 5_000, readCount: 2 });
    await db.delete();
  });
});

describe('opening a database made by every earlier version', () => {
  const samples: Record<string, object> = {
    articles: { ...meta, firstReadAt: 1, lastReadAt: 2, readCount: 1 },
    corrections: { id: 'c1', kind: 'not-speaker', name: '胡悦鑫', createdAt: 5 },
    annotations: {
      id: '7b0c3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
      articleKey: meta.key,
      articleUrl: meta.url,
      articleTitle: meta.title,
      kind: 'highlight',
      target: { quote: { type: 'TextQuoteSelector', exact: '标题', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 2 } },
      colour: 'yellow',
      note: '笔记',
      tags: ['防汛'],
      speakers: [],
      excerpt: null,
      createdAt: 1,
      updatedAt: 1,
      deleted: false,
      stamps: {},
    },
    analyses: { articleKey: meta.key, analysedAt: 3, summary: { speakers: [], people: [], phrases: [] } },
    syncOutbox: { seq: 1, id: '7b0c3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b' },
    syncState: { key: 'pulled', value: 'device-a:3' },
    correctionSync: { id: 'c-1', removed: true },
  };

  it.each(SCHEMA_VERSIONS.slice(0, -1).map((v) => v.version))('keeps every row written under version %i', async (version) => {
    const name = `upgrade-from-${version}-${Math.random()}`;
    const old = new AnyueDatabase(name, SCHEMA_VERSIONS.slice(0, version));
    await old.open();
    const tables = old.tables.map((table) => table.name);
    for (const table of tables) await old.table(table).add(structuredClone(samples[table]!));
    old.close();

    const current = new AnyueDatabase(name);
    await current.open();
    expect(current.verno).toBe(SCHEMA_VERSIONS.length);
    for (const table of tables) {
      expect(await current.table(table).toArray()).toEqual([samples[table]]);
    }
    await current.delete();
  });

  it('queues every article already read for its first sync (version 5)', async () => {
    const name = `upgrade-articles-${Math.random()}`;
    const old = new AnyueDatabase(name, SCHEMA_VERSIONS.slice(0, 4));
    await old.open();
    await old.table('articles').add(structuredClone(samples.articles!));
    old.close();
    const current = new AnyueDatabase(name);
    expect((await current.articleOutbox.toArray()).map((row) => row.key)).toEqual([meta.key]);
    await current.delete();
  });
});
