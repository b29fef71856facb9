import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../analysis/types';
import { paintSpans, spansAt } from './layers';

const text = '清华大学公共安全研究院常务副院长袁宏永致辞。他强调,要坚持总体国家安全观。袁宏永说,好。';
const result: AnalysisResult = {
  speakers: [
    {
      name: '袁宏永',
      title: '常务副院长',
      org: '清华大学公共安全研究院',
      role: 'speaker',
      mentions: [{ start: 16, end: 19 }, { start: 37, end: 40 }],
      quotes: [{ start: 26, end: 37, via: 'pronoun' }],
    },
  ],
  people: [],
  phrases: [{ text: '总体国家安全观', category: 'doctrine', start: 29, end: 36, source: 'lexicon' }],
};

describe('paintSpans', () => {
  it('paints names, the descriptor right before a name, passages and phrases, sorted by start', () => {
    expect(text.slice(16, 19)).toBe('袁宏永');
    const spans = paintSpans(text, result);
    expect(spans.map((s) => [s.style, text.slice(s.start, s.end)])).toEqual([
      ['descriptor', '清华大学公共安全研究院常务副院长'],
      ['speaker', '袁宏永'],
      ['quote', '要坚持总体国家安全观。'],
      ['phrase-doctrine', '总体国家安全观'],
      ['speaker', '袁宏永'],
    ]);
  });

  it('drops spans outside the text or empty', () => {
    const broken = { ...result, phrases: [{ ...result.phrases[0]!, start: 90, end: 99 }, { ...result.phrases[0]!, start: 5, end: 5 }] };
    expect(paintSpans(text, broken).filter((s) => s.style.startsWith('phrase'))).toEqual([]);
  });
});

describe('spansAt', () => {
  const spans = paintSpans(text, result);
  it('finds the innermost span first', () => {
    expect(spansAt(spans, 32).map((s) => s.style)).toEqual(['phrase-doctrine', 'quote']);
  });
  it('finds the name inside its descriptor run, nothing between spans', () => {
    expect(spansAt(spans, 17).map((s) => s.style)).toEqual(['speaker']);
    expect(spansAt(spans, 20)).toEqual([]);
    expect(spansAt(spans, 200)).toEqual([]);
  });
});
