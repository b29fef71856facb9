import { describe, expect, it } from 'vitest';
import { foldForSearch, SearchIndex } from './search-index';
import { makeAnnotation } from './test-data';

const text = '应急管理部召开会议。江西省应急管理厅党委书记、厅长龙卿吉表示,要坚持人民至上、生命至上。ＡＢＣ测试。';
const a = makeAnnotation({ text, quote: '应急管理部召开会议', note: '部署防汛', tags: ['防汛'], colour: 'green', createdAt: 1000 });
const b = makeAnnotation({
  text,
  quote: '要坚持人民至上、生命至上',
  note: '',
  tags: ['理念', '防汛'],
  createdAt: 2000,
  articleKey: 'zaihaifangyu.cn/6001',
  speakers: [{ name: '龙卿吉', title: '党委书记、厅长', org: '江西省应急管理厅' }],
});
const c = makeAnnotation({ text, quote: 'ＡＢＣ测试', createdAt: 3000 });

describe('SearchIndex', () => {
  const index = new SearchIndex([a, b, c]);

  it.each([
    ['管理部', [a]],
    ['应急管理', [b, a]], // b through its speaker's organisation
    ['至上、生命', [b]],
    ['部署防汛', [a]],
    ['理念', [b]],
    ['龙卿吉', [b]],
    ['应急管理厅', [b]],
    ['城市安全管理峰会', [c, b, a]],
    ['abc', [c]],
    ['ＡＢＣ', [c]],
    ['不存在的词', []],
  ])('finds %s by substring, newest first', (query, expected) => {
    expect(index.search(query).map((x) => x.id)).toEqual(expected.map((x) => x.id));
  });

  it('does not match across two fields', () => {
    // The quote of a ends with 会议 and its note starts with 部署.
    expect(index.search('会议部署')).toEqual([]);
  });

  it('filters by colour, tag, article, date, speaker and article set', () => {
    expect(index.search('', { colour: 'green' })).toEqual([a]);
    expect(index.search('', { tag: '防汛' }).map((x) => x.id)).toEqual([b.id, a.id]);
    expect(index.search('', { articleKey: 'zaihaifangyu.cn/6001' })).toEqual([b]);
    expect(index.search('', { from: 1500, to: 2500 })).toEqual([b]);
    expect(index.search('', { speaker: '龙卿吉' })).toEqual([b]);
    expect(index.search('', { articleKeys: new Set(['zaihaifangyu.cn/5288']) }).map((x) => x.id)).toEqual([c.id, a.id]);
  });

  it('updates in place and drops tombstones', () => {
    const live = new SearchIndex([a, b]);
    live.put({ ...a, note: '改为汛期值守' });
    expect(live.search('汛期值守')).toHaveLength(1);
    expect(live.search('部署防汛')).toHaveLength(0);
    live.put({ ...b, deleted: true });
    expect(live.size).toBe(1);
    expect(live.search('龙卿吉')).toEqual([]);
  });

  it('lists an annotation once however often the query occurs in it, and finds the last one', () => {
    const many = Array.from({ length: 50 }, (_, i) => makeAnnotation({ text, quote: '应急管理部召开会议', note: `防汛防汛防汛${i}`, createdAt: 10_000 + i }));
    const big = new SearchIndex(many);
    expect(big.search('防汛')).toHaveLength(50);
    expect(big.search('防汛0').map((x) => x.note)).toEqual(['防汛防汛防汛0']);
    expect(big.search('防汛49').map((x) => x.note)).toEqual(['防汛防汛防汛49']);
    expect(big.search('防汛', {}, 3)).toHaveLength(3);
  });

  it('counts tags', () => {
    expect(index.tags()).toEqual([['防汛', 2], ['理念', 1]]);
  });
});

describe('foldForSearch', () => {
  it('folds width and case character for character', () => {
    expect(foldForSearch('ＡＢＣ，ｘ　Y')).toBe('abc,x y');
    expect(foldForSearch('应急管理部')).toBe('应急管理部');
  });
});
