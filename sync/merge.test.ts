import { describe, expect, it } from 'vitest';
import { makeAnnotation } from '../library/test-data';
import type { Annotation } from '../storage/annotation';
import { formatStamp } from './hlc';
import { mergeAnnotation } from './merge';

const text = '要坚持人民至上、生命至上,统筹发展和安全。';
const base = makeAnnotation({ text, quote: '人民至上、生命至上', note: '原注', createdAt: 1_000 });
const at = (ms: number, device = 'a') => formatStamp(ms, 0, device);
const edit = (from: Annotation, changes: Partial<Annotation>, stamp: string): Annotation => {
  const next = structuredClone(from);
  Object.assign(next, changes);
  for (const key of Object.keys(changes)) (next.stamps as Record<string, string>)[key] = stamp;
  return next;
};

describe('mergeAnnotation', () => {
  const noteB = edit(base, { note: '乙改' }, at(5_000, 'b'));
  const colourC = edit(base, { colour: 'pink' }, at(4_000, 'c'));
  const deleteD = edit(base, { deleted: true }, at(6_000, 'd'));

  it('takes the newer edit of each field and keeps the rest', () => {
    const { merged, changed } = mergeAnnotation(noteB, colourC);
    expect(changed).toBe(true);
    expect([merged.note, merged.colour]).toEqual(['乙改', 'pink']);
  });

  it('never lets an older edit overwrite a newer one', () => {
    const older = edit(base, { note: '旧' }, at(2_000, 'c'));
    expect(mergeAnnotation(noteB, older)).toEqual({ merged: noteB, changed: false });
  });

  it('is commutative, associative and idempotent', () => {
    const versions = [noteB, colourC, deleteD, base];
    const fold = (list: Annotation[]) => list.slice(1).reduce((acc, v) => mergeAnnotation(acc, v).merged, list[0]!);
    const reference = fold(versions);
    for (const order of [[3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]]) {
      const result = fold(order.map((i) => versions[i]!));
      expect({ ...result, updatedAt: 0 }).toEqual({ ...reference, updatedAt: 0 });
    }
    expect(mergeAnnotation(reference, reference).changed).toBe(false);
  });

  it('adopts a record it did not have', () => {
    expect(mergeAnnotation(undefined, base)).toEqual({ merged: base, changed: true });
  });

  it('refuses to merge two different annotations', () => {
    const other = makeAnnotation({ text, quote: '统筹发展和安全' });
    expect(() => mergeAnnotation(base, other)).toThrow(/cannot merge/);
  });
});
