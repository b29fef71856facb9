import { describe, expect, it } from 'vitest';
import type { Annotation } from '../records/annotation';
import { parseBackup } from './backup-import';
import { exportBackup } from './web-annotation';
import { generateDataSet } from '../tests/fixtures/exporters/generate';
import { EXCERPT, HIGHLIGHT_SPOKEN, PAGE_NOTE, SAMPLE_ANALYSES, SAMPLE_ANNOTATIONS, SAMPLE_ARTICLES, SAMPLE_CORRECTIONS, SAMPLE_PREFERENCES, T0, TOMBSTONE } from '../tests/fixtures/exporters/sample';

const GENERATED = Date.UTC(2024, 10, 1, 8, 30);

describe('exportBackup', () => {
  const text = exportBackup(SAMPLE_ANNOTATIONS, SAMPLE_ARTICLES, { generated: GENERATED });
  const json = JSON.parse(text);
  const item = (id: string) => json.items.find((i: { id: string }) => i.id === `urn:uuid:${id}`);

  it('is a W3C AnnotationCollection with our format name, version and context', () => {
    expect(json['@context']).toEqual([
      'http://www.w3.org/ns/anno.jsonld',
      {
        '@version': 1.1,
        anyue: 'urn:anyue:vocab:',
        'anyue:speakers': { '@type': '@json' },
        'anyue:excerpt': { '@type': '@json' },
        'anyue:stamps': { '@type': '@json' },
        'anyue:sync': { '@type': '@json' },
        'anyue:articles': { '@type': '@json' },
        'anyue:analyses': { '@type': '@json' },
        'anyue:corrections': { '@type': '@json' },
        'anyue:preferences': { '@type': '@json' },
      },
    ]);
    expect(json.type).toBe('AnnotationCollection');
    expect(json['anyue:format']).toBe('anyue-backup');
    expect(json['anyue:version']).toBe(2);
    expect(json.generated).toBe('2024-11-01T08:30:00.000Z');
    expect(json.total).toBe(6);
    expect(json.items).toHaveLength(6);
    expect(json['anyue:articles'].map((a: { key: string }) => a.key)).toEqual(['zaihaifangyu.cn/5288', 'zaihaifangyu.cn/77', 'zaihaifangyu.cn/9']);
  });

  it('writes a highlight in the model vocabulary: id, motivation, bodies, selectors, times', () => {
    expect(item(HIGHLIGHT_SPOKEN.id)).toEqual({
      id: 'urn:uuid:6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
      type: 'Annotation',
      motivation: 'highlighting',
      created: '2024-10-23T02:00:01.000Z',
      modified: '2024-10-23T02:00:05.000Z',
      body: [
        { type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: '可用于报告第二章\n对比去年同期' },
        { type: 'TextualBody', purpose: 'tagging', value: '安全生产' },
        { type: 'TextualBody', purpose: 'tagging', value: '形势研判' },
      ],
      target: {
        source: 'https://zaihaifangyu.cn/5288.html',
        selector: [
          { type: 'TextQuoteSelector', exact: '今年前三季度全国安全生产形势总体稳定向好', prefix: '一、全国安全生产形势\n\n', suffix: '。一是事故总量持续下降' },
          { type: 'TextPositionSelector', start: 420, end: 440 },
        ],
      },
      'anyue:kind': 'highlight',
      'anyue:articleKey': 'zaihaifangyu.cn/5288',
      'anyue:articleTitle': '应急管理部通报前三季度全国安全生产和自然灾害形势',
      'anyue:colour': 'yellow',
      'anyue:speakers': [{ name: '申展利', title: '新闻发言人、新闻宣传司司长', org: '应急管理部' }],
      'anyue:excerpt': null,
      'anyue:deleted': false,
      'anyue:stamps': {
        created: '1729648801000:00000:dev-a',
        colour: '1729648801000:00000:dev-a',
        note: '1729648805000:00000:dev-b',
        tags: '1729648801000:00000:dev-a',
        deleted: '1729648801000:00000:dev-a',
        target: '1729648801000:00000:dev-a',
      },
    });
  });

  it('marks excerpts as bookmarking with their snapshot, page notes as commenting on the page IRI, and keeps tombstones', () => {
    expect(item(EXCERPT.id).motivation).toBe('bookmarking');
    expect(item(EXCERPT.id)).not.toHaveProperty('body');
    expect(item(EXCERPT.id)['anyue:excerpt']).toEqual({ ...EXCERPT.excerpt });
    expect(item(PAGE_NOTE.id).motivation).toBe('commenting');
    expect(item(PAGE_NOTE.id).target).toBe('https://zaihaifangyu.cn/5288.html');
    expect(item(TOMBSTONE.id)['anyue:deleted']).toBe(true);
    expect(item(TOMBSTONE.id).body[0].value).toBe('这条已删除');
  });

  it('writes one record per line, items by creation time, whatever order it was given', () => {
    const lines = text.split('\n');
    // head + items, articles, then the (empty) analyses, corrections and the preferences on the closing line
    expect(lines).toHaveLength(1 + 6 + 1 + 3 + 2);
    expect(json.items.map((i: { created: string }) => Date.parse(i.created))).toEqual([1, 2, 3, 4, 7, 8].map((s) => T0 + s * 1000));
    expect(exportBackup([...SAMPLE_ANNOTATIONS].reverse(), [...SAMPLE_ARTICLES].reverse(), { generated: GENERATED })).toBe(text);
  });

  it('writes an empty store as a valid, empty collection', () => {
    const empty = exportBackup([], [], { generated: GENERATED });
    expect(JSON.parse(empty)).toMatchObject({ total: 0, items: [], 'anyue:articles': [], 'anyue:analyses': [], 'anyue:corrections': [], 'anyue:preferences': {} });
    expect(parseBackup(empty)).toEqual({ ok: true, annotations: [], articles: [], analyses: [], corrections: [], preferences: {}, generated: GENERATED });
  });
});

describe('export → parse → export', () => {
  it('gives back exactly the same annotations and articles, and the same bytes', () => {
    const text = exportBackup(SAMPLE_ANNOTATIONS, SAMPLE_ARTICLES, { generated: GENERATED });
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const byCreation = [...SAMPLE_ANNOTATIONS].sort((a, b) => a.createdAt - b.createdAt);
    expect(parsed.annotations).toEqual(byCreation);
    expect(parsed.articles).toEqual([...SAMPLE_ARTICLES].sort((a, b) => (a.key < b.key ? -1 : 1)));
    expect(parsed.generated).toBe(GENERATED);
    expect(exportBackup(parsed.annotations, parsed.articles, { generated: parsed.generated })).toBe(text);
  });

  it('holds over a large generated data set', () => {
    const { annotations, articles } = generateDataSet(2_000, 60, 7);
    const text = exportBackup(annotations, articles, { generated: GENERATED });
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.annotations).toHaveLength(2_000);
    expect(new Map(parsed.annotations.map((a) => [a.id, a]))).toEqual(new Map(annotations.map((a) => [a.id, a])));
    expect(exportBackup(parsed.annotations, parsed.articles, { generated: GENERATED })).toBe(text);
  });

  it('carries sync fields (context, kept conflicts, tag additions, reasons to live) losslessly', () => {
    const [first, second] = [SAMPLE_ANNOTATIONS[0]!, SAMPLE_ANNOTATIONS[1]!];
    const synced: Annotation[] = [
      {
        ...first,
        seen: { 'dev-a': '1729648801000:00000:dev-a', 'dev-c': '1729648803000:00002:dev-c' },
        conflicts: [
          { field: 'note' as const, value: '另一台设备的笔记', stamp: '1729648803000:00002:dev-c' },
          { field: 'target' as const, value: null, stamp: '1729648802000:00000:dev-c' },
        ],
        tagStamps: first.tags.map((tag, rank) => ({ tag, stamp: first.stamps.tags, rank })),
        liveBy: [first.stamps.note],
      },
      { ...second, seen: { 'dev-a': '1729648801000:00000:dev-a' }, conflicts: [], tagStamps: [], liveBy: [] },
    ];
    const text = exportBackup(synced, [], { generated: GENERATED });
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.annotations).toEqual([...synced].sort((a, b) => a.createdAt - b.createdAt));
    expect(exportBackup(parsed.annotations, [], { generated: GENERATED })).toBe(text);
  });

  it('carries the analyses, corrections and preferences, and gives the same bytes again', () => {
    const options = { generated: GENERATED, analyses: SAMPLE_ANALYSES, corrections: [...SAMPLE_CORRECTIONS].reverse(), preferences: SAMPLE_PREFERENCES };
    const text = exportBackup(SAMPLE_ANNOTATIONS, SAMPLE_ARTICLES, options);
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.analyses).toEqual(SAMPLE_ANALYSES);
    expect(parsed.corrections).toEqual(SAMPLE_CORRECTIONS);
    expect(parsed.preferences).toEqual(SAMPLE_PREFERENCES);
    expect(exportBackup(parsed.annotations, parsed.articles, { ...parsed })).toBe(text);
    // One analysis and one correction per line, as the annotations.
    expect(text.split('\n').filter((line) => line.startsWith('{"articleKey"'))).toHaveLength(1);
    expect(text.split('\n').filter((line) => line.startsWith('{"kind"'))).toHaveLength(2);
  });

  /** A file as version 1 wrote it: no analyses, corrections or preferences, and optionally no sync fields. */
  const versionOne = (withoutSync: boolean) => {
    const old = JSON.parse(exportBackup(SAMPLE_ANNOTATIONS, SAMPLE_ARTICLES, { generated: GENERATED }));
    const dropped = ['anyue:analyses', 'anyue:corrections', 'anyue:preferences', ...(withoutSync ? ['anyue:sync'] : [])];
    old['@context'][1] = Object.fromEntries(Object.entries(old['@context'][1]).filter(([key]) => !dropped.includes(key)));
    for (const key of dropped) delete old[key];
    old['anyue:version'] = 1;
    return old;
  };

  it.each([false, true])('still reads a version 1 backup (without sync fields: %s)', (withoutSync) => {
    const parsed = parseBackup(JSON.stringify(versionOne(withoutSync)));
    expect(parsed.ok && [parsed.annotations.length, parsed.articles.length, parsed.analyses, parsed.corrections, parsed.preferences]).toEqual([
      SAMPLE_ANNOTATIONS.length,
      SAMPLE_ARTICLES.length,
      [],
      [],
      null,
    ]);
  });

  it('refuses version 1 files that hold what version 2 added, and version 2 files with the old context', () => {
    const old = versionOne(false);
    old['anyue:corrections'] = [];
    expect(parseBackup(JSON.stringify(old))).toMatchObject({ ok: false, errors: [{ path: 'anyue:corrections', message: 'unexpected field' }] });
    const mixed = versionOne(false);
    mixed['anyue:version'] = 2;
    expect(parseBackup(JSON.stringify(mixed))).toMatchObject({ ok: false, errors: [{ path: '@context' }] });
  });

  it('keeps markup and odd characters in text fields verbatim', () => {
    const odd = { ...HIGHLIGHT_SPOKEN, note: '<script>alert(1)</script>\u2028\u0000"\\ 𠮷 \ud800', articleTitle: '<img src=x onerror=alert(1)>' };
    const parsed = parseBackup(exportBackup([odd], [], { generated: GENERATED }));
    expect(parsed.ok && parsed.annotations[0]).toEqual(odd);
  });
});
