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
  });

  it('requires every word, and a quoted phrase literally', () => {
    // 应急管理部 in a's quote, 防汛 in its note: both words, in two fields.
    expect(index.search('应急管理部 防汛').map((x) => x.id)).toEqual([a.id]);
    // Both in b (speaker org, tag) but 管理部 nowhere in b.
    expect(index.search('防汛 管理部').map((x) => x.id)).toEqual([a.id]);
    expect(index.search('防汛 不存在')).toEqual([]);
    const spaced = makeAnnotation({ text: 'Safety first, people first.', quote: 'Safety first, people first', createdAt: 4000 });
    const other = makeAnnotation({ text: 'first safety', quote: 'first safety', createdAt: 5000 });
    const words = new SearchIndex([spaced, other]);
    expect(words.search('safety first').map((x) => x.id)).toEqual([other.id, spaced.id]);
    expect(words.search('"safety first"').map((x) => x.id)).toEqual([spaced.id]);
    expect(words.search('“first safety”').map((x) => x.id)).toEqual([other.id]);
  });

  it('filters by kind, site and article publication date', () => {
    const excerpt = { ...makeAnnotation({ text, quote: '应急管理部召开会议', createdAt: 5000, articleKey: 'mem.gov.cn/a/1' }), kind: 'excerpt' as const };
    const pageNote = { ...makeAnnotation({ text, quote: '应急管理部召开会议', note: '整篇', createdAt: 6000, articleKey: 'mem.gov.cn/a/2' }), kind: 'page-note' as const, target: null };
    const days = new Map([
      ['zaihaifangyu.cn/5288', '2024-07-14'],
      ['zaihaifangyu.cn/6001', null],
      ['mem.gov.cn/a/1', '2024-07-15'],
    ]);
    const mixed = new SearchIndex([a, b, c, excerpt, pageNote], days);
    const ids = (list: { id: string }[]) => list.map((x) => x.id);
    expect(ids(mixed.search('', { kind: 'excerpt' }))).toEqual([excerpt.id]);
    expect(ids(mixed.search('', { kind: 'page-note' }))).toEqual([pageNote.id]);
    // "note": highlights and excerpts with a note; a page note is its own kind.
    expect(ids(mixed.search('', { kind: 'note' }))).toEqual([a.id]);
    expect(ids(mixed.search('', { kind: 'highlight' }))).toEqual([c.id, b.id, a.id]);
    expect(ids(mixed.search('', { site: 'mem.gov.cn' }))).toEqual([pageNote.id, excerpt.id]);
    expect(ids(mixed.search('', { publishedFrom: '2024-07-15' }))).toEqual([excerpt.id]);
    expect(ids(mixed.search('', { publishedTo: '2024-07-14' }))).toEqual([c.id, a.id]);
    // Undated articles (6001, and mem.gov.cn/a/2 unknown) fall outside every range.
    expect(ids(mixed.search('', { publishedFrom: '2000-01-01', publishedTo: '2999-12-31' }))).toEqual([excerpt.id, c.id, a.id]);
    expect(mixed.sites()).toEqual([['zaihaifangyu.cn', 3], ['mem.gov.cn', 2]]);
  });

  it('sorts by newest, oldest, article date and article', () => {
    const t1 = makeAnnotation({ text, quote: '人民至上', createdAt: 100, articleKey: 'zaihaifangyu.cn/1', articleTitle: '北京' });
    const t2 = makeAnnotation({ text, quote: '应急管理部', createdAt: 200, articleKey: 'zaihaifangyu.cn/1', articleTitle: '北京' });
    const t3 = makeAnnotation({ text, quote: '生命至上', createdAt: 300, articleKey: 'zaihaifangyu.cn/2', articleTitle: '安徽' });
    const t4 = makeAnnotation({ text, quote: '龙卿吉', createdAt: 400, articleKey: 'zaihaifangyu.cn/3', articleTitle: '重庆' });
    const days = new Map([['zaihaifangyu.cn/1', '2024-01-01'], ['zaihaifangyu.cn/2', '2024-05-01'], ['zaihaifangyu.cn/3', null]]);
    const sorted = new SearchIndex([t3, t1, t4, t2], days);
    const ids = (list: { id: string }[]) => list.map((x) => x.id);
    expect(ids(sorted.search('', {}, 'newest'))).toEqual(ids([t4, t3, t2, t1]));
    expect(ids(sorted.search('', {}, 'oldest'))).toEqual(ids([t1, t2, t3, t4]));
    // Newest article first, undated last; inside an article, reading order (t2 comes before t1 in the text).
    expect(ids(sorted.search('', {}, 'article-date'))).toEqual(ids([t3, t2, t1, t4]));
    // Titles in pinyin order: 安徽 (an), 北京 (bei), 重庆 (chong).
    expect(ids(sorted.search('', {}, 'article'))).toEqual(ids([t3, t2, t1, t4]));
    expect(ids(sorted.search('至上', {}, 'oldest'))).toEqual(ids([t1, t3]));
  });

  it('keeps answering right after edits, deletes and restores made once the joined text exists', async () => {
    const live = new SearchIndex([a, b, c]);
    expect(live.search('部署防汛')).toEqual([a]); // builds the joined text
    live.put({ ...a, note: '改为汛期值守' });
    expect(live.search('部署防汛')).toEqual([]);
    expect(live.search('汛期值守').map((x) => x.id)).toEqual([a.id]);
    expect(live.search('应急管理 汛期').map((x) => x.id)).toEqual([a.id]);
    live.put({ ...b, deleted: true });
    expect(live.search('龙卿吉')).toEqual([]);
    expect(live.all().map((x) => x.id)).toEqual([c.id, a.id]);
    live.put(b);
    expect(live.search('龙卿吉').map((x) => x.id)).toEqual([b.id]);
    // Prepared in steps ahead of the first query: the same answers.
    const prepared = new SearchIndex([a, b, c]);
    await prepared.prepare(async () => {}, 1);
    expect(prepared.search('应急管理').map((x) => x.id)).toEqual([b.id, a.id]);
    prepared.put({ ...c, note: '新增防汛' });
    expect(prepared.search('防汛').map((x) => x.id)).toEqual([c.id, b.id, a.id]);
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
