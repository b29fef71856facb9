import { describe, expect, it } from 'vitest';
import { CharClass } from './char-class';

describe('CharClass', () => {
  it('holds exactly its characters, across ASCII, punctuation and CJK', () => {
    const set = new CharClass([',', '。', '在', '\n', '”']);
    for (const c of [',', '。', '在', '\n', '”']) expect(set.has(c.charCodeAt(0))).toBe(true);
    for (const c of ['.', '、', '再', ' ', '“', '\u0000', '\uffff']) expect(set.has(c.charCodeAt(0))).toBe(false);
  });
  it('is empty when built from nothing and answers false beyond the text', () => {
    const empty = new CharClass([]);
    expect(empty.has(0)).toBe(false);
    expect(empty.has(0x5728)).toBe(false);
    const set = new CharClass('的是'.split(''));
    expect(set.at('的是', 0)).toBe(true);
    expect(set.at('的是', -1)).toBe(false);
    expect(set.at('的是', 2)).toBe(false);
  });
  it('refuses a member that is not one code unit', () => {
    expect(() => new CharClass(['在这'])).toThrow(/one UTF-16 code unit/);
    expect(() => new CharClass(['😀'])).toThrow(/one UTF-16 code unit/);
  });
});
