import { describe, expect, it } from 'vitest';
import { analyzeText, compileLexicon } from './index';

describe('analyzeText API', () => {
  it('rejects non-strings with a TypeError that says what it got', () => {
    for (const bad of [undefined, null, 42, {}, ['文本']]) {
      expect(() => analyzeText(bad as unknown as string)).toThrow(TypeError);
    }
    expect(() => analyzeText(null as unknown as string)).toThrow(/string, got null/);
  });

  it('rejects corrections that are not an object', () => {
    expect(() => analyzeText('安全生产', 'x' as never)).toThrow(TypeError);
  });

  it('returns empty results for empty and non-Chinese text', () => {
    const empty = { speakers: [], people: [], phrases: [] };
    expect(analyzeText('')).toEqual(empty);
    expect(analyzeText('   \n\n')).toEqual(empty);
    expect(analyzeText('The minister said: "safety first".')).toEqual(empty);
  });

  it('never throws on random strings, and every offset is inside the text', () => {
    const alphabet = '王李张市长部长表示指出强调他说“”,。、:\n(记者 )安全生产《法》一是二是全会会议请据 abc12';
    let seed = 99;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      let text = '';
      const len = rnd(120);
      for (let i = 0; i < len; i++) text += alphabet[rnd(alphabet.length)];
      const r = analyzeText(text);
      const spans = [
        ...r.people.flatMap((p) => [...p.mentions, ...p.quotes]),
        ...r.phrases,
      ];
      for (const s of spans) {
        expect(s.start).toBeGreaterThanOrEqual(0);
        expect(s.end).toBeLessThanOrEqual(text.length);
        expect(s.end).toBeGreaterThan(s.start);
      }
      for (const p of r.phrases) expect(text.slice(p.start, p.end)).toBe(p.text);
      for (const s of r.speakers) expect(s.quotes.length).toBeGreaterThan(0);
      for (const p of r.people) if (p.role !== 'speaker') expect(p.quotes).toEqual([]);
    }
  });

  it('sorts people and speakers by first mention and lists speakers among people', () => {
    const text = '副市长钱林参加会议。省应急管理厅厅长孙强表示,要抓好落实。\n市长赵刚强调,要守牢底线。';
    const r = analyzeText(text);
    expect(r.people.map((p) => p.name)).toEqual(['钱林', '孙强', '赵刚']);
    expect(r.speakers.map((p) => p.name)).toEqual(['孙强', '赵刚']);
    for (const s of r.speakers) expect(r.people).toContainEqual(s);
  });

  it('offsets are UTF-16 offsets into the input, also after characters outside the BMP and full-width punctuation', () => {
    const text = '𠀀𠀀市长赵刚表示，要守牢底线。';
    const r = analyzeText(text);
    const m = r.speakers[0].mentions[0];
    expect(text.slice(m.start, m.end)).toBe('赵刚');
    const q = r.speakers[0].quotes[0];
    expect(text.slice(q.start, q.end)).toBe('要守牢底线。');
  });

  it('compiles the lexicon once and caches it', () => {
    expect(compileLexicon()).toBe(compileLexicon());
    const withTerms = compileLexicon({ addedTerms: [{ text: '平安校园', category: 'programme' }] });
    expect(withTerms).not.toBe(compileLexicon());
    expect(compileLexicon({ addedTerms: [{ text: '平安校园', category: 'programme' }] })).toBe(withTerms);
  });
});
