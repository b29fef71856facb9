import { describe, expect, it } from 'vitest';
import { AhoCorasick } from './aho-corasick';

function naive(text: string, patterns: string[]) {
  const out: string[] = [];
  patterns.forEach((p, i) => {
    if (!p) return;
    for (let s = text.indexOf(p); s !== -1; s = text.indexOf(p, s + 1)) out.push(`${s}:${s + p.length}:${i}`);
  });
  return out.sort();
}

describe('AhoCorasick', () => {
  it('finds overlapping and nested patterns with their offsets', () => {
    const ac = new AhoCorasick(['部长', '副部长', '长江学者', '学者']);
    const found = ac.findAll('教育部副部长江学者').map((m) => `${m.start}-${m.end}:${m.pattern}`);
    expect(found.sort()).toEqual(['3-6:1', '4-6:0', '5-9:2', '7-9:3'].sort());
  });

  it('reports nothing when no pattern occurs, and ignores empty patterns', () => {
    const ac = new AhoCorasick(['', '应急']);
    expect(ac.findAll('安全生产')).toEqual([]);
    expect(ac.findAll('')).toEqual([]);
  });

  it('agrees with a naive search on random texts over a small alphabet', () => {
    const alphabet = '安全生产应急管理部';
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const word = (len: number) => Array.from({ length: len }, () => alphabet[rnd(alphabet.length)]).join('');
    for (let round = 0; round < 30; round++) {
      const patterns = Array.from({ length: 8 }, () => word(1 + rnd(4)));
      const unique = [...new Set(patterns)];
      const text = word(300);
      const got = new AhoCorasick(unique)
        .findAll(text)
        .map((m) => `${m.start}:${m.end}:${m.pattern}`)
        .sort();
      expect(got).toEqual(naive(text, unique));
    }
  });
});
