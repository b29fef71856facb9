import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../analysis/types';
import { analysisSummaryCheck } from '../records/analysis';
import { snippet, summarise } from './summary';

describe('snippet', () => {
  it('folds whitespace and cuts long passages with an ellipsis', () => {
    expect(snippet('甲 \n 乙', 0, 5)).toBe('甲 乙');
    expect(snippet('一二三四五六', 0, 6, 4)).toBe('一二三四…');
  });
  it('never splits a surrogate pair', () => {
    const text = '𠀀𠀁𠀂𠀃';
    expect(snippet(text, 0, text.length, 2)).toBe('𠀀𠀁…');
  });
});

describe('summarise', () => {
  const text = '李明表示,要落实《安全生产法》和《安全生产法》,坚持安全第一。王芳出席。';
  const result: AnalysisResult = {
    speakers: [{ name: '李明', title: '', org: '', role: 'speaker', mentions: [{ start: 0, end: 2 }], quotes: [{ start: 5, end: 31, via: 'direct' }] }],
    people: [
      { name: '李明', title: '', org: '', role: 'speaker', mentions: [{ start: 0, end: 2 }], quotes: [{ start: 5, end: 31, via: 'direct' }] },
      { name: '王芳', title: '', org: '', role: 'attendee', mentions: [{ start: 32, end: 34 }], quotes: [] },
    ],
    phrases: [
      { text: '《安全生产法》', category: 'document', start: 8, end: 15, source: 'pattern' },
      { text: '《安全生产法》', category: 'document', start: 16, end: 23, source: 'pattern' },
      { text: '安全第一', category: 'slogan', start: 26, end: 30, source: 'lexicon' },
    ],
  };

  it('groups phrase occurrences by term and maps each phrase to its group', () => {
    const { summary, phraseGroup } = summarise(text, result);
    expect(summary.phrases.map((p) => [p.text, p.occurrences.length])).toEqual([['《安全生产法》', 2], ['安全第一', 1]]);
    expect(phraseGroup).toEqual([0, 0, 1]);
  });

  it('lists people who are not speakers separately, with their role', () => {
    const { summary } = summarise(text, result);
    expect(summary.speakers.map((s) => s.name)).toEqual(['李明']);
    expect(summary.people).toEqual([{ name: '王芳', title: '', org: '', role: 'attendee', first: { start: 32, end: 34 } }]);
  });

  it('produces what the background accepts', () => {
    expect(analysisSummaryCheck(summarise(text, result).summary, 'summary')).toBeNull();
  });
});
