import { describe, expect, it } from 'vitest';
import { makeAnnotation } from '../library/test-data';
import type { ChangeBatch } from './backend';
import { withSyncState } from './merge';
import { batchFolder, decodeSegment, decodeSnapshot, encodeSegment, encodeSnapshot, sha256Hex } from './segment';
import { mergeAnnotation } from './merge';
import { emptyBatch } from './backend';
import { ARTICLE_WITH_SOURCE, SAMPLE_ANALYSES } from '../tests/fixtures/exporters/sample';

const text = '要坚持人民至上、生命至上,统筹发展和安全。';
const batch: ChangeBatch = {
  annotations: [withSyncState(makeAnnotation({ text, quote: '人民至上', note: '笔记 <b>', tags: ['防汛'] }))],
  corrections: [{ id: 'c1', createdAt: 5, kind: 'not-speaker', name: '胡悦鑫' }],
  removedCorrections: ['c0'],
  articles: [ARTICLE_WITH_SOURCE],
  analyses: SAMPLE_ANALYSES,
};

const corruptReason = async (file: string, device = 'deva', seq = 3) => {
  try {
    await decodeSegment(file, device, seq);
  } catch (error) {
    expect((error as { kind: string }).kind).toBe('corrupt');
    return (error as Error).message;
  }
  throw new Error('expected the segment to be refused');
};

describe('segment files', () => {
  it('reads a segment written before articles and analyses travelled as holding none', async () => {
    const { articles: _a, analyses: _b, ...older } = batch;
    const body = JSON.stringify({ device: 'deva', seq: 3, ...older });
    const file = `anyue-sync-segment 1 sha256:${await sha256Hex(body)}\n${body}`;
    expect(await decodeSegment(file, 'deva', 3)).toEqual({ ...older, articles: [], analyses: [] });
  });

  it('round-trips a batch', async () => {
    const file = await encodeSegment('deva', 3, batch);
    expect(file.split('\n')[0]).toMatch(/^anyue-sync-segment 1 sha256:[0-9a-f]{64}$/);
    expect(await decodeSegment(file, 'deva', 3)).toEqual(batch);
  });

  it('refuses a file cut short at any point (a broken upload)', async () => {
    const file = await encodeSegment('deva', 3, batch);
    for (const length of [0, 10, file.indexOf('\n'), file.indexOf('\n') + 1, file.length - 1]) {
      expect(await corruptReason(file.slice(0, length))).toMatch(/header|checksum/);
    }
  });

  it('refuses a file altered on the server, or filed under another name', async () => {
    const file = await encodeSegment('deva', 3, batch);
    expect(await corruptReason(file.replace('笔记', '改了'))).toMatch(/checksum/);
    expect(await corruptReason(file, 'devb', 3)).toMatch(/says it is segment 3 of deva/);
    expect(await corruptReason(file, 'deva', 4)).toMatch(/says it is segment 3 of deva/);
  });

  it('refuses well-checksummed hostile content, naming the path', async () => {
    const hostile = async (body: string) => corruptReason(`anyue-sync-segment 1 sha256:${await sha256Hex(body)}\n${body}`);
    expect(await hostile('{"device":"deva","seq":3')).toMatch(/not JSON/);
    expect(await hostile('[]')).toMatch(/not an object/);
    const good = JSON.parse(JSON.stringify({ device: 'deva', seq: 3, ...batch }));
    const variant = (edit: (doc: any) => void) => {
      const doc = structuredClone(good);
      edit(doc);
      return hostile(JSON.stringify(doc));
    };
    expect(await variant((d) => (d.annotations[0].note = 42))).toMatch(/annotations\[0\]\.note/);
    expect(await variant((d) => (d.annotations[0].stamps.note = '2024-01-01'))).toMatch(/stamps\.note: not an HLC stamp/);
    expect(await variant((d) => (d.annotations[0].colour = 'red'))).toMatch(/colour/);
    expect(await variant((d) => (d.annotations[0].constructor = {}))).toMatch(/unexpected field/);
    expect(await variant((d) => (d.annotations[0].liveBy = ['x']))).toMatch(/liveBy\[0\]/);
    expect(await variant((d) => (d.corrections[0].kind = 'drop-table'))).toMatch(/unknown correction kind/);
    expect(await variant((d) => (d.removedCorrections = ['../../etc']))).toMatch(/removedCorrections\[0\]/);
    expect(await variant((d) => (d.extra = 1))).toMatch(/unexpected field/);
    expect(await variant((d) => (d.articles[0].url = 'javascript:alert(1)'))).toMatch(/articles\[0\]\.url/);
    expect(await variant((d) => (d.analyses[0].summary.speakers[0].passages[0].via = 'rumour'))).toMatch(/analyses\[0\]\.summary\.speakers\[0\]\.passages\[0\]\.via/);
    expect(await hostile(JSON.stringify({ device: 'deva', seq: 3, ...batch }).replace('"annotations"', '"__proto__":{"x":1},"annotations"'))).toMatch(/__proto__: unexpected field/);
  });
});

describe('snapshots', () => {
  it('round-trip, and are never taken for a segment (or a segment for them)', async () => {
    const file = await encodeSnapshot('deva', 300, batch);
    expect(file.split('\n')[0]).toMatch(/^anyue-sync-snapshot 1 sha256:[0-9a-f]{64}$/);
    expect(await decodeSnapshot(file, 'deva', 300)).toEqual(batch);
    await expect(decodeSnapshot(file, 'deva', 299)).rejects.toThrow(/says it is the snapshot through 300 of deva/);
    await expect(decodeSnapshot(file.slice(0, -2), 'deva', 300)).rejects.toThrow(/checksum/);
    await expect(decodeSegment(file, 'deva', 300)).rejects.toThrow(/unknown header/);
    await expect(decodeSnapshot(await encodeSegment('deva', 300, batch), 'deva', 300)).rejects.toThrow(/unknown header/);
  });

  it('fold batches into one that applies the same: records merged, corrections minus removals, tombstones kept', () => {
    const first = batch.annotations[0]!;
    const second = withSyncState({ ...first, note: '改了', stamps: { ...first.stamps, note: first.stamps.note.replace(/^\d+/, (ms) => String(Number(ms) + 1)) } });
    const folder = batchFolder();
    folder.add(batch);
    folder.add({ annotations: [second], corrections: [{ id: 'c2', createdAt: 6, kind: 'not-speaker', name: '甲' }], removedCorrections: ['c1'], articles: [], analyses: [] });
    folder.add({ annotations: [first], corrections: [{ id: 'c1', createdAt: 5, kind: 'not-speaker', name: '胡悦鑫' }], removedCorrections: [], articles: [], analyses: [] });
    const folded = folder.result();
    expect(folded.annotations).toEqual([mergeAnnotation(mergeAnnotation(first, second).merged, first).merged]);
    expect(folded.annotations[0]!.note).toBe('改了');
    expect(folded.corrections.map((c) => c.id)).toEqual(['c2']);
    expect(folded.removedCorrections.sort()).toEqual(['c0', 'c1']);
  });

  it('fold articles and analyses to the newest view, whatever order the batches come in', () => {
    const article = batch.articles[0]!;
    const analysis = batch.analyses[0]!;
    const later = { ...emptyBatch(), articles: [{ ...article, lastReadAt: article.lastReadAt + 1, readCount: 9, title: '新标题' }], analyses: [{ ...analysis, analysedAt: analysis.analysedAt + 1 }] };
    const results = [[batch, later], [later, batch]].map((order) => {
      const folder = batchFolder();
      for (const one of order) folder.add(one);
      return folder.result();
    });
    expect(results[0]).toEqual(results[1]);
    expect(results[0]!.articles).toEqual([{ ...article, lastReadAt: article.lastReadAt + 1, readCount: 9, title: '新标题' }]);
    expect(results[0]!.analyses).toEqual(later.analyses);
  });
});
