import { describe, expect, it } from 'vitest';
import { foldForSearch, markMatches, parseQuery } from './query';

describe('parseQuery', () => {
  it.each([
    ['应急管理部 防汛', ['应急管理部', '防汛']],
    ['  应急管理部\u3000防汛  ', ['应急管理部', '防汛']],
    ['"人民 至上" 防汛', ['人民 至上', '防汛']],
    ['“安全 第一”', ['安全 第一']],
    ['"未闭合 的引号', ['未闭合 的引号']],
    ['ＡＢＣ Def', ['abc', 'def']],
    ['应急 应急管理 应急', ['应急管理']],
    ['""', []],
    ['', []],
    ['a\u0001b', ['ab']],
  ])('%j → %j', (query, terms) => {
    expect(parseQuery(query)).toEqual(terms);
  });
});

describe('markMatches', () => {
  it('cuts text into plain and marked parts for every term', () => {
    expect(markMatches('应急管理部召开防汛会议', ['应急管理部', '防汛'])).toEqual([
      { text: '应急管理部', match: true },
      { text: '召开', match: false },
      { text: '防汛', match: true },
      { text: '会议', match: false },
    ]);
  });

  it('merges overlapping matches, marks every occurrence, keeps the original characters', () => {
    expect(markMatches('人民至上生命至上', ['民至', '至上'])).toEqual([
      { text: '人', match: false },
      { text: '民至上', match: true },
      { text: '生命', match: false },
      { text: '至上', match: true },
    ]);
    expect(markMatches('ＡＢＣ测试', ['abc'])).toEqual([
      { text: 'ＡＢＣ', match: true },
      { text: '测试', match: false },
    ]);
  });

  it('leaves text without a match whole', () => {
    expect(markMatches('没有', ['防汛'])).toEqual([{ text: '没有', match: false }]);
    expect(markMatches('', ['防汛'])).toEqual([]);
  });
});

describe('foldForSearch', () => {
  it('keeps one unit per unit, so offsets carry over', () => {
    const text = 'İstanbul ＡＢＣ　应急';
    expect(foldForSearch(text)).toHaveLength(text.length);
    expect(foldForSearch('ＡＢＣ，ｘ　Y')).toBe('abc,x y');
  });
});
