import { describe, expect, it } from 'vitest';
import { firstAtLeast, IntList } from './int-list';

describe('IntList', () => {
  it('keeps every value in order across growth', () => {
    const list = new IntList(1);
    for (let i = 0; i < 10_000; i++) list.push(i * 3 - 7);
    expect(list.length).toBe(10_000);
    expect(list.get(0)).toBe(-7);
    expect(list.get(9_999)).toBe(9_999 * 3 - 7);
    const copy = list.toArray();
    expect(copy.length).toBe(10_000);
    expect(Array.from(copy.subarray(0, 3))).toEqual([-7, -4, -1]);
    list.push(1);
    expect(copy.length).toBe(10_000); // a copy, not a view
  });
  it('overwrites in place and refuses an index outside the list', () => {
    const list = new IntList();
    list.push(5);
    list.set(0, 9);
    expect(list.get(0)).toBe(9);
    expect(() => list.set(1, 0)).toThrow(RangeError);
    expect(() => list.set(-1, 0)).toThrow(RangeError);
    expect(new IntList().toArray().length).toBe(0);
  });
});

describe('firstAtLeast', () => {
  it('finds the first index whose value is at least the one asked for', () => {
    const sorted = Int32Array.from([2, 4, 4, 9]);
    expect([0, 2, 3, 4, 5, 9, 10].map((v) => firstAtLeast(sorted, v))).toEqual([0, 0, 1, 1, 3, 3, 4]);
    expect(firstAtLeast([], 1)).toBe(0);
  });
});
