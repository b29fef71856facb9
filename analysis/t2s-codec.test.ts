import { describe, expect, it } from 'vitest';
import { pairs } from './lexicon/t2s.json';
import { decodePairs, encodePairs } from './t2s-codec';

const code = (s: string) => s.charCodeAt(0);

describe('the Traditional→Simplified table', () => {
  const table = new Map(decodePairs(pairs));

  it('holds the pairs the rules need, each a CJK character to another', () => {
    expect(table.size).toBeGreaterThan(800);
    for (const [t, s] of [['應', '应'], ['會', '会'], ['國', '国'], ['災', '灾'], ['颱', '台'], ['長', '长'], ['說', '说']]) expect(table.get(code(t)), t).toBe(code(s));
    for (const [t, s] of table) {
      expect(t).not.toBe(s);
      expect(t >= 0x3400 && t <= 0x9fff && s >= 0x3400 && s <= 0x9fff, `${String.fromCharCode(t)}→${String.fromCharCode(s)}`).toBe(true);
    }
  });

  it('encodes back to the same text', () => {
    expect(encodePairs([...table].reverse())).toBe(pairs);
  });
});

describe('decodePairs', () => {
  it('reads gaps and signed differences in base 36', () => {
    expect(decodePairs('ffq.380 2.-1 a.0')).toEqual([[20006, 20006 + 4176], [20008, 20007], [20018, 20018]]);
  });

  it('refuses a malformed item with a message that names it', () => {
    for (const bad of ['', 'ffq', 'ffq.', '0.1', 'ffq.3X0', 'ffq.380  2.1']) expect(() => decodePairs(bad), bad).toThrow(/t2s\.json: malformed pair/);
  });
});
