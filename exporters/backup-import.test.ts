import { describe, expect, it } from 'vitest';
import { BACKUP_LIMITS, parseBackup, parseBackupAsync, type BackupParseResult } from './backup-import';
import { exportBackup } from './web-annotation';
import { exportCorrections } from '../storage/corrections';
import { HOSTILE, SAMPLE_ANALYSES, SAMPLE_ANNOTATIONS, SAMPLE_ARTICLES, SAMPLE_CORRECTIONS, SAMPLE_PREFERENCES } from '../tests/fixtures/exporters/sample';

const GENERATED = Date.UTC(2024, 10, 1);
const VALID = exportBackup(SAMPLE_ANNOTATIONS, SAMPLE_ARTICLES, {
  generated: GENERATED,
  analyses: SAMPLE_ANALYSES,
  corrections: SAMPLE_CORRECTIONS,
  preferences: SAMPLE_PREFERENCES,
});
// Items in the file, by creation: 0 spoken highlight, 1 excerpt, 2 page note, 3 tombstone, 4 hostile, 5 orphan page note.
// Articles by key: 0 zaihaifangyu.cn/5288, 1 zaihaifangyu.cn/77, 2 zaihaifangyu.cn/9. One analysis (of 5288), two corrections.

type Doc = Record<string, any>;
/** A bad file: the valid backup changed by `edit`, or a whole text. */
type Bad = [kind: string, file: ((doc: Doc) => void) | string, path: string, message: RegExp];

const long = (n: number) => '长'.repeat(n);

const BAD_FILES: Bad[] = [
  // The file as a whole
  ['not JSON', '安阅备份 {', '$', /not JSON/],
  ['empty file', '', '$', /not JSON/],
  ['truncated file', VALID.slice(0, -40), '$', /not JSON/],
  ['JSON with a trailing comma', VALID.replace(/\}\}\n$/, '},}'), '$', /not JSON/],
  ['a JSON array', '[]', '$', /JSON object\), got array/],
  ['JSON null', 'null', '$', /got null/],
  ['a JSON string', '"backup"', '$', /got string/],
  // Sync fields (anyue:sync) of an item
  ['sync fields with a bad stamp in the context', (d) => (d.items[0]['anyue:sync'] = { seen: { a: 'yesterday' }, conflicts: [], tagStamps: [], liveBy: [] }), 'items[0].anyue:sync.seen.a', /not an HLC stamp/],
  ['sync context naming another device', (d) => (d.items[0]['anyue:sync'] = { seen: { a: '1729648801000:00000:b' }, conflicts: [], tagStamps: [], liveBy: [] }), 'items[0].anyue:sync.seen.a', /another device/],
  ['a conflict of an unknown field', (d) => (d.items[0]['anyue:sync'] = { seen: {}, conflicts: [{ field: 'colour', value: 'red', stamp: '1729648801000:00000:b' }], tagStamps: [], liveBy: [] }), 'items[0].anyue:sync.conflicts[0].field', /note or target/],
  ['sync fields missing a part', (d) => (d.items[0]['anyue:sync'] = { seen: {}, conflicts: [], tagStamps: [] }), 'items[0].anyue:sync.liveBy', /missing/],
  // The collection
  ['no format name', (d) => delete d['anyue:format'], 'anyue:format', /missing.*not an 安阅 backup/],
  ['a single W3C annotation, not our collection', '{"@context":"http://www.w3.org/ns/anno.jsonld","type":"Annotation","body":"x","target":"https://zaihaifangyu.cn/1.html"}', 'anyue:format', /missing/],
  ['another format name', (d) => (d['anyue:format'] = 'hypothesis-export'), 'anyue:format', /expected "anyue-backup"/],
  ['a newer version', (d) => (d['anyue:version'] = 3), 'anyue:version', /version 3 .*newer.*reads version 2/],
  // Analyses, corrections, preferences (version 2)
  ['analyses not a list', (d) => (d['anyue:analyses'] = {}), 'anyue:analyses', /expected array, got object/],
  ['an analysis of a malformed article key', (d) => (d['anyue:analyses'][0].articleKey = 'javascript:alert(1)'), 'anyue:analyses[0].articleKey', /./],
  ['an analysis passage attributed in an unknown way', (d) => (d['anyue:analyses'][0].summary.speakers[0].passages[0].via = 'rumour'), 'anyue:analyses[0].summary.speakers[0].passages[0].via', /./],
  ['an analysis with an extra field', (d) => (d['anyue:analyses'][0].summary.html = '<b>'), 'anyue:analyses[0].summary.html', /unexpected field/],
  ['a second analysis of one article', (d) => d['anyue:analyses'].push(structuredClone(d['anyue:analyses'][0])), 'anyue:analyses[1].articleKey', /a second analysis/],
  ['a correction of an unknown kind', (d) => (d['anyue:corrections'][0].kind = 'ban-speaker'), 'anyue:corrections[0].kind', /unknown correction kind/],
  ['a correction with an empty name', (d) => (d['anyue:corrections'][0].name = ''), 'anyue:corrections[0].name', /./],
  ['a duplicate correction', (d) => d['anyue:corrections'].push(structuredClone(d['anyue:corrections'][0])), 'anyue:corrections[2].id', /duplicate correction/],
  ['preferences with an unknown language', (d) => (d['anyue:preferences'].language = 'fr'), 'anyue:preferences.language', /./],
  ['preferences holding a password', (d) => (d['anyue:preferences'].password = 'secret'), 'anyue:preferences.password', /unexpected field/],
  ['version 0', (d) => (d['anyue:version'] = 0), 'anyue:version', /not a version number/],
  ['version as a string', (d) => (d['anyue:version'] = '1'), 'anyue:version', /not a version number/],
  ['version 1.5', (d) => (d['anyue:version'] = 1.5), 'anyue:version', /not a version number/],
  ['no @context', (d) => delete d['@context'], '@context', /missing/],
  ['a foreign @context', (d) => (d['@context'] = 'http://www.w3.org/ns/anno.jsonld'), '@context', /expected \["http:\/\/www.w3.org\/ns\/anno.jsonld".*urn:anyue:vocab:/],
  ['our context without the @json typing', (d) => (d['@context'] = ['http://www.w3.org/ns/anno.jsonld', { anyue: 'urn:anyue:vocab:' }]), '@context', /as exportBackup writes it/],
  ['collection type Annotation', (d) => (d.type = 'Annotation'), 'type', /expected one of AnnotationCollection/],
  ['generated not a time', (d) => (d.generated = 'yesterday'), 'generated', /not a UTC time/],
  ['generated missing', (d) => delete d.generated, 'generated', /missing/],
  ['items missing', (d) => delete d.items, 'items', /missing/],
  ['items an object', (d) => (d.items = {}), 'items', /expected array, got object/],
  ['articles missing', (d) => delete d['anyue:articles'], 'anyue:articles', /missing/],
  ['articles a string', (d) => (d['anyue:articles'] = 'none'), 'anyue:articles', /expected array, got string/],
  ['total not the item count', (d) => (d.total = 5), 'total', /says 5 but items holds 6/],
  ['an unknown top-level field', (d) => (d.password = 'x'), 'password', /unexpected field/],
  ['too many annotations', (d) => (d.items = new Array(BACKUP_LIMITS.maxAnnotations + 1).fill(0)), 'items', /200001 annotations, more than the 200000/],
  ['too many articles', (d) => (d['anyue:articles'] = new Array(BACKUP_LIMITS.maxArticles + 1).fill(0)), 'anyue:articles', /more than the 100000/],
  // An annotation's identity and times
  ['an item that is not an object', (d) => (d.items[0] = null), 'items[0]', /expected object, got null/],
  ['id missing', (d) => delete d.items[0].id, 'items[0].id', /missing/],
  ['id without urn:uuid:', (d) => (d.items[0].id = d.items[0].id.slice(9)), 'items[0].id', /urn:uuid:/],
  ['id not a UUID', (d) => (d.items[0].id = 'urn:uuid:not-a-uuid'), 'items[0].id', /urn:uuid:<lower-case UUID>/],
  ['id in upper case', (d) => (d.items[0].id = d.items[0].id.toUpperCase().replace('URN:UUID:', 'urn:uuid:')), 'items[0].id', /lower-case UUID/],
  ['duplicate id', (d) => (d.items[1].id = d.items[0].id), 'items[1].id', /duplicate id urn:uuid:6f1c2b3a.*items\[0\]/],
  ['item type not Annotation', (d) => (d.items[0].type = 'Highlight'), 'items[0].type', /expected one of Annotation/],
  ['unknown motivation', (d) => (d.items[0].motivation = 'editing'), 'items[0].motivation', /expected one of highlighting, bookmarking, commenting/],
  ['motivation not fitting the kind', (d) => (d.items[0].motivation = 'commenting'), 'items[0].motivation', /does not fit anyue:kind "highlight"/],
  ['created not an ISO time', (d) => (d.items[0].created = '2024-10-23 10:00'), 'items[0].created', /not a UTC time/],
  ['modified an impossible date', (d) => (d.items[0].modified = '2024-02-30T00:00:00.000Z'), 'items[0].modified', /not a UTC time/],
  ['created as a number', (d) => (d.items[0].created = 1729648801000), 'items[0].created', /expected string, got number/],
  // Bodies: note and tags
  ['body not an array', (d) => (d.items[0].body = { value: 'x' }), 'items[0].body', /expected array, got object/],
  ['body of another type', (d) => (d.items[0].body[0].type = 'SpecificResource'), 'items[0].body[0].type', /expected one of TextualBody/],
  ['body with an unknown purpose', (d) => (d.items[0].body[0].purpose = 'describing'), 'items[0].body[0].purpose', /expected one of commenting, tagging/],
  ['note not a string', (d) => (d.items[0].body[0].value = 42), 'items[0].body[0].value', /expected string, got number/],
  ['note too long', (d) => (d.items[0].body[0].value = long(20_001)), 'items[0].body[0].value', /longer than 20000/],
  ['note declared as HTML', (d) => (d.items[0].body[0].format = 'text/html'), 'items[0].body[0].format', /expected one of text\/plain/],
  ['two notes', (d) => (d.items[0].body[1] = { ...d.items[0].body[0] }), 'items[0].body[1]', /second commenting body/],
  ['duplicate tag', (d) => (d.items[0].body[2].value = d.items[0].body[1].value), 'items[0].body[2].value', /duplicate tag "安全生产"/],
  ['tag with a leading #', (d) => (d.items[0].body[1].value = '#标签'), 'items[0].body[1].value', /not a normalised tag/],
  ['tag too long', (d) => (d.items[0].body[1].value = long(41)), 'items[0].body[1].value', /longer than 40/],
  ['empty tag', (d) => (d.items[0].body[1].value = ''), 'items[0].body[1].value', /must not be empty/],
  ['too many bodies', (d) => (d.items[0].body = Array.from({ length: 52 }, (_, i) => ({ type: 'TextualBody', purpose: 'tagging', value: `t${i}` }))), 'items[0].body', /more than 51 items/],
  // Targets and URLs
  ['javascript: as a page target', (d) => (d.items[2].target = 'javascript:alert(document.cookie)'), 'items[2].target', /only http and https.*not javascript/],
  ['JavaScript: with spaces and capitals as a source', (d) => (d.items[0].target.source = '  JavaScript:alert(1)'), 'items[0].target.source', /not javascript/],
  ['data: URL as a source', (d) => (d.items[0].target.source = 'data:text/html,<script>alert(1)</script>'), 'items[0].target.source', /not data/],
  ['relative URL', (d) => (d.items[0].target.source = '/5288.html'), 'items[0].target.source', /no scheme/],
  ['URL with a space', (d) => (d.items[0].target.source = 'https://zaihaifangyu.cn/52 88.html'), 'items[0].target.source', /spaces or control characters/],
  ['URL that does not parse', (d) => (d.items[0].target.source = 'https://[zaihaifangyu/5288.html'), 'items[0].target.source', /not a valid URL/],
  ['target without selectors', (d) => delete d.items[0].target.selector, 'items[0].target.selector', /missing/],
  ['only one selector', (d) => d.items[0].target.selector.pop(), 'items[0].target.selector', /exactly 2 items/],
  ['selectors swapped', (d) => d.items[0].target.selector.reverse(), 'items[0].target.selector[0].start', /unexpected field/],
  ['empty quote', (d) => (d.items[0].target.selector[0].exact = ''), 'items[0].target.selector[0].exact', /must not be empty/],
  ['quote too long', (d) => (d.items[0].target.selector[0].exact = long(4_001)), 'items[0].target.selector[0].exact', /longer than 4000/],
  ['context too long for the store', (d) => (d.items[0].target.selector[0].prefix = long(300)), 'items[0].target.selector[0].prefix', /longer than 256/],
  ['negative start', (d) => (d.items[0].target.selector[1].start = -1), 'items[0].target.selector[1].start', /integer in \[0, /],
  ['end before start', (d) => (d.items[0].target.selector[1].end = 400), 'items[0].target.selector[1]', /end \(400\) must be greater than start \(420\)/],
  ['fractional offset', (d) => (d.items[0].target.selector[1].end = 440.5), 'items[0].target.selector[1].end', /expected an integer/],
  ['absurd offset', (d) => (d.items[0].target.selector[1].end = 1e12), 'items[0].target.selector[1].end', /integer in \[0, 10000000\]/],
  ['offset beyond what the store accepts', (d) => Object.assign(d.items[0].target.selector[1], { start: 20_000_000, end: 20_000_020 }), 'items[0].target.selector[1].start', /integer in \[0, 10000000\]/],
  ['span not the quote length', (d) => (d.items[0].target.selector[1].end = 445), 'items[0].target.selector[1]', /spans 25 characters but the quote has 20/],
  // The extension's own fields
  ['unknown kind', (d) => (d.items[0]['anyue:kind'] = 'note'), 'items[0].anyue:kind', /expected one of highlight, excerpt, page-note/],
  ['unknown colour', (d) => (d.items[0]['anyue:colour'] = 'red'), 'items[0].anyue:colour', /expected one of yellow, green, blue, pink, purple/],
  ['colour missing', (d) => delete d.items[0]['anyue:colour'], 'items[0].anyue:colour', /missing/],
  ['article key without a stable id', (d) => (d.items[0]['anyue:articleKey'] = 'zaihaifangyu.cn/'), 'items[0].anyue:articleKey', /<site>\/<stable id>/],
  ['speakers not a list', (d) => (d.items[0]['anyue:speakers'] = '申展利'), 'items[0].anyue:speakers', /expected array, got string/],
  ['speaker without organisation', (d) => delete d.items[0]['anyue:speakers'][0].org, 'items[0].anyue:speakers[0].org', /missing/],
  ['speaker name too long', (d) => (d.items[0]['anyue:speakers'][0].name = long(501)), 'items[0].anyue:speakers[0].name', /longer than 500/],
  ['excerpt without its snapshot', (d) => (d.items[1]['anyue:excerpt'] = null), 'items[1].anyue:excerpt', /must keep the snapshot/],
  ['excerpt source URL javascript:', (d) => (d.items[1]['anyue:excerpt'].url = 'javascript:void(0)'), 'items[1].anyue:excerpt.url', /not javascript/],
  ['excerpt captured before 1970', (d) => (d.items[1]['anyue:excerpt'].capturedAt = -1), 'items[1].anyue:excerpt.capturedAt', /integer in \[0, /],
  ['excerpt date not ISO', (d) => (d.items[1]['anyue:excerpt'].publishedAt = '昨天'), 'items[1].anyue:excerpt.publishedAt', /not an ISO date/],
  ['tombstone flag as a string', (d) => (d.items[0]['anyue:deleted'] = 'false'), 'items[0].anyue:deleted', /expected boolean, got string/],
  ['stamps missing', (d) => delete d.items[0]['anyue:stamps'], 'items[0].anyue:stamps', /missing/],
  ['stamp not an HLC stamp', (d) => (d.items[0]['anyue:stamps'].note = '2024-10-23'), 'items[0].anyue:stamps.note', /not an HLC stamp/],
  ['stamp with a bad device id', (d) => (d.items[0]['anyue:stamps'].colour = '1729648801000:00000:dev a'), 'items[0].anyue:stamps.colour', /not an HLC stamp/],
  ['stamp for a field missing', (d) => delete d.items[0]['anyue:stamps'].target, 'items[0].anyue:stamps.target', /missing/],
  ['an unknown item field', (d) => (d.items[0]['anyue:secret'] = 1), 'items[0].anyue:secret', /unexpected field/],
  ['a field named like a prototype member', (d) => (d.items[0].constructor = 1), 'items[0].constructor', /unexpected field/],
  ['a __proto__ field', VALID.replace('{"id":"urn:uuid:6f1c', '{"__proto__":{"deleted":true},"id":"urn:uuid:6f1c'), 'items[0].__proto__', /unexpected field/],
  // Article records
  ['article not an object', (d) => (d['anyue:articles'][0] = []), 'anyue:articles[0]', /expected object, got array/],
  ['article URL javascript:', (d) => (d['anyue:articles'][0].url = 'javascript:alert(1)'), 'anyue:articles[0].url', /not javascript/],
  ['article key not its post id', (d) => (d['anyue:articles'][0].key = 'zaihaifangyu.cn/5289'), 'anyue:articles[0].key', /does not match postId "5288"/],
  ['duplicate article', (d) => (d['anyue:articles'][1] = { ...d['anyue:articles'][0] }), 'anyue:articles[1].key', /duplicate article zaihaifangyu.cn\/5288/],
  ['negative text length', (d) => (d['anyue:articles'][0].textLength = -1), 'anyue:articles[0].textLength', /integer in \[0, /],
  ['read count as a string', (d) => (d['anyue:articles'][0].readCount = '2'), 'anyue:articles[0].readCount', /expected an integer/],
  ['category not a string', (d) => (d['anyue:articles'][0].categories = [7]), 'anyue:articles[0].categories[0]', /expected string, got number/],
  ['post id with a space', (d) => (d['anyue:articles'][0].postId = '52 88'), 'anyue:articles[0].postId', /not a stable article id/],
  ['article title too long', (d) => (d['anyue:articles'][0].title = long(1_001)), 'anyue:articles[0].title', /longer than 1000/],
  ['article without lastReadAt', (d) => delete d['anyue:articles'][0].lastReadAt, 'anyue:articles[0].lastReadAt', /missing/],
];

function fileOf(bad: Bad[1]): string {
  if (typeof bad === 'string') return bad;
  const doc = JSON.parse(VALID);
  bad(doc);
  return JSON.stringify(doc);
}

function refused(result: BackupParseResult) {
  if (result.ok) throw new Error('the bad file was accepted');
  return result.errors;
}

describe('parseBackup refuses a bad file, saying where and what', () => {
  it('accepts the unaltered file (so each case below fails for its own fault)', () => {
    expect(parseBackup(VALID).ok).toBe(true);
    expect(parseBackup(JSON.stringify(JSON.parse(VALID))).ok).toBe(true);
  });

  it(`covers at least 50 kinds of bad file (${BAD_FILES.length})`, () => {
    expect(BAD_FILES.length).toBeGreaterThanOrEqual(50);
    expect(new Set(BAD_FILES.map(([kind]) => kind)).size).toBe(BAD_FILES.length);
  });

  it.each(BAD_FILES.map(([kind, file, path, message]) => ({ kind, file, path, message })))('$kind → $path', ({ file, path, message }) => {
    const errors = refused(parseBackup(fileOf(file)));
    expect(errors[0]).toEqual({ path, message: expect.stringMatching(message) });
  });

  it('refuses a file over the size limit before parsing it, counting UTF-8 bytes', () => {
    expect(refused(parseBackup('x'.repeat(BACKUP_LIMITS.maxBytes + 1)))).toEqual([{ path: '$', message: 'file larger than 400 MB' }]);
    // Fewer characters than the limit, but three bytes each in UTF-8.
    expect(refused(parseBackup('中'.repeat(Math.floor(BACKUP_LIMITS.maxBytes / 3) + 1)))).toEqual([{ path: '$', message: 'file larger than 400 MB' }]);
  });

  it('refuses what is not text at all', () => {
    expect(refused(parseBackup(undefined as unknown as string))).toEqual([{ path: '$', message: "expected the file's text, got undefined" }]);
  });

  it('reports problems in several records at once, and caps the list', () => {
    const doc = JSON.parse(VALID);
    doc.items[0]['anyue:colour'] = 'red';
    doc['anyue:articles'][2].url = 'ftp://x';
    expect(refused(parseBackup(JSON.stringify(doc))).map((e) => e.path)).toEqual(['items[0].anyue:colour', 'anyue:articles[2].url']);

    const many = JSON.parse(VALID);
    many.items = Array.from({ length: 30 }, () => ({ ...many.items[0], 'anyue:kind': 'bogus' }));
    many.total = 30;
    const result = parseBackup(JSON.stringify(many));
    expect(refused(result)).toHaveLength(BACKUP_LIMITS.maxErrors);
    expect(result.ok === false && result.moreErrors).toBe(10);
    expect(refused(result)[19]!.path).toBe('items[19].anyue:kind');
  });

  it('never throws, whatever the bytes: seeded random corruptions of a valid file', () => {
    let seed = 12345;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = ['"', '{', '}', '[', ']', ',', ':', '0', '-', 'e', 'null', 'true', '\\', 'x', '中', ' '];
    for (let round = 0; round < 300; round++) {
      let text = VALID;
      for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) {
        const at = Math.floor(next() * text.length);
        const cut = Math.floor(next() * 4);
        text = text.slice(0, at) + alphabet[Math.floor(next() * alphabet.length)] + text.slice(at + cut);
      }
      const result = parseBackup(text);
      if (!result.ok) {
        expect(result.errors.length).toBeGreaterThan(0);
        for (const error of result.errors) {
          expect(typeof error.path).toBe('string');
          expect(error.message.length).toBeGreaterThan(0);
        }
      }
    }
  });
});

describe('parseBackup accepts what is legal', () => {
  it('keeps HTML and script text in text fields verbatim, as text', () => {
    const result = parseBackup(VALID);
    const hostile = result.ok && result.annotations.find((a) => a.id === HOSTILE.id);
    expect(hostile).toEqual(HOSTILE);
    expect(hostile && hostile.target!.quote.exact).toContain('<script>alert("x")</script>');
  });

  it('ignores a BOM an editor put before the JSON', () => {
    expect(parseBackup(`\uFEFF${VALID}`).ok).toBe(true);
  });

  it('reads a file whose items are in another order or pretty-printed', () => {
    const doc = JSON.parse(VALID);
    doc.items.reverse();
    const result = parseBackup(JSON.stringify(doc, null, 2));
    expect(result.ok && result.annotations.map((a) => a.id)).toEqual(doc.items.map((i: { id: string }) => i.id.slice(9)));
  });
});

describe('parseBackupAsync', () => {
  it('gives the same result, reporting progress up to the record count', async () => {
    const progress: [number, number][] = [];
    const result = await parseBackupAsync(VALID, { sliceSize: 2, onProgress: (done, total) => progress.push([done, total]) });
    expect(result).toEqual(parseBackup(VALID));
    // 6 annotations, 3 articles, 1 analysis, 2 corrections
    expect(progress.at(-1)).toEqual([12, 12]);
    expect(progress.map(([done]) => done)).toEqual([2, 4, 6, 8, 10, 12]);
  });

  it('refuses a bad file the same way', async () => {
    const bad = fileOf((d) => (d.items[3]['anyue:colour'] = 'black'));
    expect(await parseBackupAsync(bad)).toEqual(parseBackup(bad));
  });
});

describe('the sidebar’s corrections file', () => {
  const file = JSON.stringify(exportCorrections(SAMPLE_CORRECTIONS, new Date(GENERATED)), null, 2);

  it('imports back: its corrections, nothing else', () => {
    expect(parseBackup(file)).toEqual({ ok: true, annotations: [], articles: [], analyses: [], corrections: SAMPLE_CORRECTIONS, preferences: null, generated: GENERATED });
  });

  it.each<[string, (doc: Doc) => void, string]>([
    ['an unknown version', (d) => (d.version = 2), '$.version'],
    ['a correction of an unknown kind', (d) => (d.corrections[1].kind = 'ban'), 'corrections[1].kind'],
    ['an extra field', (d) => (d.owner = 'someone'), '$.owner'],
  ])('refuses %s, saying where', (_kind, edit, path) => {
    const doc = JSON.parse(file);
    edit(doc);
    expect(parseBackup(JSON.stringify(doc))).toMatchObject({ ok: false, errors: [{ path }] });
  });
});
