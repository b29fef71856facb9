import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AnyueDatabase } from './database';
import { newestAnnotations, readAnnotationsInChunks } from './library-reads';
import { makeAnnotation } from '../library/test-data';

const text = '应急管理部召开会议，部署防汛工作。';

describe('library reads', () => {
  it('reads the newest live annotations first, and everything in chunks without losing or repeating one', async () => {
    const db = new AnyueDatabase(`library-reads-${Math.random()}`);
    const rows = Array.from({ length: 23 }, (_, i) => makeAnnotation({ text, quote: '防汛', createdAt: 1000 + ((i * 7) % 23), deleted: i === 5 }));
    await db.annotations.bulkPut(rows);
    const live = rows.filter((row) => !row.deleted).sort((a, b) => b.createdAt - a.createdAt);
    expect((await newestAnnotations(db, 4)).map((a) => a.id)).toEqual(live.slice(0, 4).map((a) => a.id));

    const sizes: number[] = [];
    const seen: string[] = [];
    const total = await readAnnotationsInChunks(db, 5, (chunk) => {
      sizes.push(chunk.length);
      seen.push(...chunk.map((a) => a.id));
    });
    expect(total).toBe(23);
    expect(sizes).toEqual([5, 5, 5, 5, 3]);
    expect(new Set(seen).size).toBe(23);
    expect([...seen].sort()).toEqual(rows.map((a) => a.id).sort());
    db.close();
  });

  it('reads an empty database as one empty pass', async () => {
    const db = new AnyueDatabase(`library-reads-${Math.random()}`);
    let calls = 0;
    expect(await readAnnotationsInChunks(db, 5, () => void (calls += 1))).toBe(0);
    expect(calls).toBe(0);
    db.close();
  });
});
