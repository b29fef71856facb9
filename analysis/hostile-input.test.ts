// Hostile and odd input: the analysis finishes and gives sensible, mostly empty, results.
// (Times are printed by tests/bench/analysis.bench.ts; here only correctness.)
import { describe, expect, it } from 'vitest';
import { analyzeText } from './index';

describe('hostile input', () => {
  it('5 MB of article-like text', () => {
    const para = '市长赵刚表示,要抓好安全生产。会议指出,要压实责任。(记者 丁一)\n';
    const text = para.repeat(Math.ceil(5_000_000 / para.length));
    const r = analyzeText(text);
    expect(r.speakers.map((s) => s.name)).toEqual(['赵刚']);
    expect(r.speakers[0].mentions.length).toBe(Math.ceil(5_000_000 / para.length));
    expect(r.people.find((p) => p.name === '丁一')?.role).toBe('reporter');
  }, 60_000);

  it('text with no Chinese at all, and binary garbage', () => {
    expect(analyzeText('lorem ipsum, dolor: "sit" amet. '.repeat(30_000))).toEqual({ speakers: [], people: [], phrases: [] });
    let s = '';
    let x = 1;
    for (let i = 0; i < 300_000; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      s += String.fromCharCode(x % 0xffff);
    }
    const r = analyzeText(s);
    expect(Array.isArray(r.people)).toBe(true);
    for (const p of r.phrases) expect(s.slice(p.start, p.end)).toBe(p.text);
  }, 60_000);

  it("'X指出，' ×100k: no person, no speaker", () => {
    expect(analyzeText('X指出，'.repeat(100_000)).speakers).toEqual([]);
  }, 60_000);

  it("a real name with a cue ×100k is one speaker with one quote per repetition", () => {
    const r = analyzeText('王强指出，要注意安全。'.repeat(100_000));
    expect(r.speakers.map((s) => s.name)).toEqual(['王强']);
    expect(r.speakers[0].mentions.length).toBe(100_000);
    expect(r.speakers[0].quotes.length).toBe(100_000);
  }, 60_000);

  it("'他强调，' ×100k with nobody to refer to: no speaker", () => {
    expect(analyzeText('他强调，'.repeat(100_000)).speakers).toEqual([]);
  }, 60_000);

  it("'“' ×1M, with and without Chinese, and deeply nested quotes", () => {
    expect(analyzeText('“'.repeat(1_000_000)).phrases).toEqual([]);
    expect(analyzeText('“安'.repeat(500_000)).phrases).toEqual([]);
    const nested = '“'.repeat(100_000) + '四不两直' + '”'.repeat(100_000);
    const r = analyzeText(nested);
    expect(r.phrases.map((p) => p.text)).toEqual(['四不两直']);
  }, 60_000);

  it("'《' ×1M and unterminated brackets", () => {
    expect(analyzeText('《'.repeat(1_000_000)).phrases).toEqual([]);
    expect(analyzeText('《安全生产法'.repeat(100_000)).phrases.every((p) => p.text === '安全生产')).toBe(true);
  }, 60_000);

  it('titles and list separators repeated', () => {
    expect(analyzeText('市长'.repeat(500_000)).people).toEqual([]);
    const r = analyzeText('省领导王一、'.repeat(50_000));
    expect(r.speakers).toEqual([]);
  }, 60_000);
});
