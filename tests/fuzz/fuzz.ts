// The fuzz suite: seeded random and mutated input at each of 安阅's boundaries, through the real code.
//   messages  — from each kind of sender (article page, sidebar, library, an unknown page) through the
//               background router over a real Dexie database (fake-indexeddb);
//   backups   — mutated backup files through the importer and the router's import;
//   webdav    — random answers to PROPFIND/GET/PUT/MKCOL/DELETE through the WebDAV backend and the engine;
//   couchdb   — random answers to _changes/_all_docs/_bulk_docs/_bulk_get through the CouchDB backend.
// Each case must end without an uncaught error or an unexpected exception, within its time limit, and with
// the database byte for byte as it was when the input was refused (every table snapshotted before and
// after), or, when it was accepted, holding only records that pass the records' own checks and every local
// edit it held before. A case replays from (seed, index).

import { describeSpan } from '../../anchoring/selectors';
import { exportBackup } from '../../exporters/web-annotation';
import { parseBackup, restoreBackup, type RestoreSlice } from '../../exporters/backup-import';
import { annotationCheck, type Annotation } from '../../records/annotation';
import { articleRecordCheck } from '../../records/article';
import { correctionCheck } from '../../records/correction';
import { createAnnotation } from '../../storage/annotations';
import { createCouchDbBackend } from '../../sync/couchdb-backend';
import { documentOf, readDocument } from '../../sync/couchdb-docs';
import { SyncError } from '../../sync/errors';
import { createClock } from '../../sync/hlc';
import { mergeAnnotation } from '../../sync/merge';
import { seededRandom, type Random } from '../../sync/random';
import { encodeSegment, encodeSnapshot } from '../../sync/segment';
import { SyncEngine } from '../../sync/sync-engine';
import { createWebDavBackend } from '../../sync/webdav-backend';
import type { AnyueDatabase } from '../../storage/database';
import { SAMPLE_ANNOTATIONS, SAMPLE_ARTICLES } from '../fixtures/exporters/sample';
import { databaseSnapshot, makeBackground, SENDERS, type SenderKind, type TestBackground } from './background';

export type Family = 'messages' | 'backups' | 'webdav' | 'couchdb';
export const FAMILIES: Family[] = ['messages', 'backups', 'webdav', 'couchdb'];

export interface FuzzFailure {
  family: Family;
  index: number;
  kind: 'crash' | 'hang' | 'database change on refused input' | 'invalid record stored' | 'local edit lost';
  detail: string;
}

export interface FuzzResult {
  seed: number;
  cases: number;
  byFamily: Record<Family, number>;
  refused: number;
  crashes: number;
  hangs: number;
  changesOnRefused: number;
  failures: FuzzFailure[];
}

export interface FuzzOptions {
  seed: number;
  cases: number;
  /** Per case; a case still running then is a hang. Default 5 000 ms. */
  timeoutMs?: number;
  /** Only these families (default all, in turn). */
  families?: Family[];
  onProgress?: (done: number) => void;
  /** Runs only the case of this index (a replay); its family is the one the full run gives it. */
  only?: number;
}

// ---------------------------------------------------------------- random values

const STRANGE_STRINGS = [
  '', ' ', '__proto__', 'constructor', 'toString', 'javascript:alert(1)', '<script>alert(1)</script>', '\u0000', '\ud800', '🔐',
  'a'.repeat(70_000), '9999999999999:99999:x', '1760000000000:00000:fuzz-device', 'zaihaifangyu.cn/5288', 'https://zaihaifangyu.cn/5288.html',
  'NaN', '-1', '1e309', '{"a":1}', '../..', 'urn:uuid:00000000-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000000',
];
const STRANGE_NUMBERS = [0, -0, -1, 1, 0.5, 2 ** 31, 2 ** 53, Number.MAX_VALUE, -Number.MAX_VALUE, NaN, Infinity, -Infinity, 1e21, 253402300800000];

function randomString(r: Random): string {
  if (r.chance(0.5)) return r.pick(STRANGE_STRINGS);
  const alphabet = 'abc安阅批注:/._-{}[]"\\ \n\t0123456789';
  return Array.from({ length: r.below(24) }, () => alphabet[r.below(alphabet.length)]).join('');
}

/** Any JSON-ish value, a little deeper each time round (not only JSON: undefined and prototype keys too). */
export function randomValue(r: Random, depth = 0): unknown {
  const roll = r.below(depth > 3 ? 5 : 8);
  switch (roll) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.pick(STRANGE_NUMBERS);
    case 3:
      return randomString(r);
    case 4:
      return undefined;
    case 5:
      return Array.from({ length: r.below(4) }, () => randomValue(r, depth + 1));
    default: {
      const value: Record<string, unknown> = {};
      for (let i = r.below(4); i > 0; i--) value[r.chance(0.2) ? '__proto__' : randomString(r).slice(0, 12)] = randomValue(r, depth + 1);
      return value;
    }
  }
}

/** All paths to values inside `value` (objects and arrays), the root included as []. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = [], limit = 400): (string | number)[][] {
  out.push(prefix);
  if (out.length >= limit || typeof value !== 'object' || value === null) return out;
  for (const [key, child] of Object.entries(value)) paths(child, [...prefix, Array.isArray(value) ? Number(key) : key], out, limit);
  return out;
}

/** `value` (cloned) changed in one to three places: a field dropped, replaced, retyped, an item doubled. */
export function mutate<T>(r: Random, value: T): T {
  let copy: unknown = structuredClone(value);
  for (let n = 1 + r.below(3); n > 0; n--) {
    const all = paths(copy);
    const path = r.pick(all);
    if (!path.length) {
      if (r.chance(0.3)) copy = randomValue(r);
      continue;
    }
    let parent: any = copy;
    for (const key of path.slice(0, -1)) parent = parent[key];
    const key = path[path.length - 1]!;
    const roll = r.below(6);
    if (roll === 0) {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (roll === 1 && Array.isArray(parent)) parent.push(structuredClone(parent[Number(key)]));
    else if (roll === 2 && typeof parent[key] === 'string') parent[key] = parent[key] + randomString(r);
    else if (roll === 3 && typeof parent[key] === 'number') parent[key] = r.pick(STRANGE_NUMBERS);
    else parent[key] = randomValue(r);
  }
  return copy as T;
}

// ---------------------------------------------------------------- database checks

/** The rows that do not pass their record's own check (records/): none may ever be stored. */
async function invalidRows(db: AnyueDatabase): Promise<string[]> {
  const bad: string[] = [];
  const check = annotationCheck(Date.now());
  for (const a of await db.annotations.toArray()) {
    const reason = check(a, 'annotation');
    if (reason) bad.push(reason);
  }
  for (const a of await db.articles.toArray()) {
    const reason = articleRecordCheck(a, 'article');
    if (reason) bad.push(reason);
  }
  for (const c of await db.corrections.toArray()) {
    const reason = correctionCheck(c, 'correction');
    if (reason) bad.push(reason);
  }
  return bad;
}

/** Annotations held before whose content the database lost (the later row does not include it). */
async function lostEdits(db: AnyueDatabase, before: Annotation[]): Promise<string[]> {
  const after = await db.annotations.bulkGet(before.map((a) => a.id));
  return before.filter((a, i) => !after[i] || mergeAnnotation(after[i], a).changed).map((a) => a.id);
}

// ---------------------------------------------------------------- messages

const ARTICLE = SAMPLE_ARTICLES[0]!;
const ARTICLE_META = (({ key, postId, url, title, categories, publishedAt, author, source, textLength }) => ({ key, postId, url, title, categories, publishedAt, author, source, textLength }))(ARTICLE);
const TEXT = '应急管理部召开会议，要坚持人民至上、生命至上，统筹发展和安全，全力做好防汛救灾工作。';

/** One valid message of each type, for the sender kinds that may send it (ids from the seeded database). */
function templates(ids: string[], stamp: string): { message: Record<string, unknown>; from: SenderKind }[] {
  const id = ids[0] ?? '00000000-0000-4000-8000-000000000000';
  const target = describeSpan(TEXT, 3, 9);
  const settings = { enabled: true, backend: 'webdav', url: 'https://dav.jianguoyun.com/dav/', username: 'me@example.com', password: '应用密码', location: '安阅' };
  const summary = { speakers: [], people: [], phrases: [{ text: '防汛救灾', category: 'meeting', source: 'lexicon', occurrences: [{ start: 30, end: 34 }] }] };
  return [
    { message: { type: 'article/opened', article: ARTICLE_META }, from: 'page' },
    { message: { type: 'sidebar/get-state' }, from: 'sidebar' },
    { message: { type: 'sidebar/set-open', open: true }, from: 'sidebar' },
    { message: { type: 'preferences/set-language', language: 'en' }, from: 'sidebar' },
    { message: { type: 'article/analysed', key: ARTICLE.key, summary }, from: 'page' },
    { message: { type: 'page/reveal', start: 1, end: 5 }, from: 'sidebar' },
    { message: { type: 'highlights/set-layers', layers: { speakers: true, quotes: false, phrases: true } }, from: 'sidebar' },
    { message: { type: 'corrections/add', correction: { kind: 'not-speaker', name: '袁宏永' } }, from: 'sidebar' },
    { message: { type: 'corrections/remove', id: 'x' }, from: 'sidebar' },
    { message: { type: 'corrections/export' }, from: 'library' },
    { message: { type: 'annotations/create', request: { kind: 'highlight', target, colour: 'green', speakers: [], edit: null } }, from: 'page' },
    { message: { type: 'annotations/of-page' }, from: 'page' },
    { message: { type: 'annotations/anchored', key: ARTICLE.key, anchors: { [id]: { status: 'anchored', start: 3, end: 9 } } }, from: 'page' },
    { message: { type: 'annotations/focus', id }, from: 'page' },
    { message: { type: 'library/open' }, from: 'sidebar' },
    { message: { type: 'sync/status' }, from: 'library' },
    { message: { type: 'sync/save-settings', settings }, from: 'library' },
    { message: { type: 'sync/test', settings: { ...settings, password: null } }, from: 'library' },
    { message: { type: 'sync/now' }, from: 'library' },
    { message: { type: 'annotations/update', id, changes: { note: '新的笔记', tags: ['防汛'] }, noteBase: stamp }, from: 'sidebar' },
    { message: { type: 'annotations/delete', id }, from: 'library' },
    { message: { type: 'annotations/restore', id }, from: 'library' },
    { message: { type: 'annotations/set-page-note', articleKey: ARTICLE.key, note: '页面笔记', base: null }, from: 'sidebar' },
    { message: { type: 'annotations/resolve-conflict', id, field: 'note', value: '选定' }, from: 'library' },
    { message: { type: 'backup/import-records', annotations: SAMPLE_ANNOTATIONS.slice(0, 2), articles: SAMPLE_ARTICLES.slice(0, 1), final: true }, from: 'library' },
    { message: { type: 'library/open-passage', articleKey: ARTICLE.key, url: ARTICLE.url, passage: { kind: 'annotation', id } }, from: 'library' },
    { message: { type: 'library/open-passage', articleKey: ARTICLE.key, url: ARTICLE.url, passage: { kind: 'text', target, length: 6 } }, from: 'library' },
    { message: { type: 'page/take-passage', key: ARTICLE.key }, from: 'page' },
    // Only the background sends these: always refused.
    { message: { type: 'library/changed', ids: [] }, from: 'library' },
    { message: { type: 'sidebar/toggle' }, from: 'page' },
    { message: { type: 'page/show-passage', passage: { kind: 'annotation', id } }, from: 'library' },
  ];
}

/** A background with a little data in it: an article, its annotations, a visit. */
async function seededBackground(): Promise<{ bg: TestBackground; ids: string[]; stamp: string }> {
  const bg = makeBackground();
  await bg.db.articles.bulkPut(SAMPLE_ARTICLES);
  await bg.db.annotations.bulkPut(SAMPLE_ANNOTATIONS);
  await bg.handle({ type: 'article/opened', article: ARTICLE_META }, SENDERS.page);
  const ids = SAMPLE_ANNOTATIONS.filter((a) => a.articleKey === ARTICLE.key).map((a) => a.id);
  return { bg, ids, stamp: SAMPLE_ANNOTATIONS[0]!.stamps.note };
}

interface Outcome {
  refused: boolean;
  failure?: Omit<FuzzFailure, 'family' | 'index'>;
}

/** Whether a router reply is a reply at all: an object with ok true or false, and an error text when false. */
const isReply = (reply: unknown): reply is { ok: boolean; error?: string } =>
  typeof reply === 'object' && reply !== null && typeof (reply as { ok?: unknown }).ok === 'boolean' && ((reply as { ok: boolean }).ok || typeof (reply as { error?: unknown }).error === 'string');

/** Exceptions a handler may end in for well-formed input (the router turns them into a reply); anything else is a crash. */
const EXPECTED_FAILURE = /no annotation with id|not found|unknown article|storage is full/i;

async function messageCase(r: Random, state: { bg: TestBackground; ids: string[]; stamp: string }): Promise<Outcome> {
  const { bg } = state;
  const all = templates(state.ids, state.stamp);
  const template = r.pick(all);
  const kinds = Object.keys(SENDERS) as SenderKind[];
  const from = r.chance(0.5) ? template.from : r.pick(kinds);
  const roll = r.below(10);
  const message = roll === 0 ? randomValue(r) : roll === 1 ? { type: template.message.type, ...(randomValue(r) as object) } : roll < 6 ? mutate(r, template.message) : template.message;
  const before = await databaseSnapshot(bg.db);
  const annotationsBefore = await bg.db.annotations.toArray();
  const logsBefore = bg.logs.length;
  let reply: unknown;
  try {
    reply = await bg.handle(message, SENDERS[from]);
  } catch (error) {
    return { refused: false, failure: { kind: 'crash', detail: `handleMessage threw: ${String(error)}` } };
  }
  if (!isReply(reply)) return { refused: false, failure: { kind: 'crash', detail: `not a reply: ${JSON.stringify(reply)?.slice(0, 200)}` } };
  const thrown = bg.logs.slice(logsBefore).filter((line) => / failed: /.test(line) && !EXPECTED_FAILURE.test(line));
  if (thrown.length) return { refused: !reply.ok, failure: { kind: 'crash', detail: thrown[0]!.slice(0, 300) } };
  if (!reply.ok) {
    const after = await databaseSnapshot(bg.db);
    if (after !== before) return { refused: true, failure: { kind: 'database change on refused input', detail: `${JSON.stringify(message)?.slice(0, 300)} from ${from}: ${reply.error}` } };
    return { refused: true };
  }
  const bad = await invalidRows(bg.db);
  if (bad.length) return { refused: false, failure: { kind: 'invalid record stored', detail: `${bad[0]} after ${JSON.stringify(message)?.slice(0, 300)}` } };
  const kept = (message as { type?: unknown }).type === 'annotations/delete' || (message as { type?: unknown }).type === 'annotations/resolve-conflict' ? [] : await lostEdits(bg.db, annotationsBefore);
  // A delete is a tombstone (kept), a resolution drops the versions the reader chose against: both by design.
  if (kept.length && (message as { type?: unknown }).type !== 'annotations/update') {
    return { refused: false, failure: { kind: 'local edit lost', detail: `${kept[0]} after ${JSON.stringify(message)?.slice(0, 300)}` } };
  }
  return { refused: false };
}

// ---------------------------------------------------------------- backups

const VALID_BACKUP = exportBackup(SAMPLE_ANNOTATIONS, SAMPLE_ARTICLES, { generated: Date.UTC(2024, 10, 1) });
const VALID_BACKUP_DOC = JSON.parse(VALID_BACKUP) as Record<string, unknown>;

function backupText(r: Random): string {
  const roll = r.below(10);
  if (roll === 0) return VALID_BACKUP;
  if (roll === 1) return VALID_BACKUP.slice(0, r.below(VALID_BACKUP.length));
  if (roll === 2) {
    // A few characters flipped in the text itself.
    const chars = [...VALID_BACKUP];
    for (let i = 1 + r.below(4); i > 0; i--) chars[r.below(chars.length)] = r.pick(['"', '{', '}', ',', '0', '安', '\\', ' ']);
    return chars.join('');
  }
  if (roll === 3) return JSON.stringify(randomValue(r)) ?? '';
  return JSON.stringify(mutate(r, VALID_BACKUP_DOC));
}

async function backupCase(r: Random, bg: TestBackground): Promise<Outcome> {
  const text = backupText(r);
  let parsed: ReturnType<typeof parseBackup>;
  try {
    parsed = parseBackup(text);
  } catch (error) {
    return { refused: false, failure: { kind: 'crash', detail: `parseBackup threw: ${String(error)}` } };
  }
  const before = await databaseSnapshot(bg.db);
  const annotationsBefore = await bg.db.annotations.toArray();
  let ok: boolean;
  try {
    if (r.chance(0.5)) {
      const reply = await bg.handle({ type: 'backup/import', text }, SENDERS.library);
      if (!isReply(reply)) return { refused: false, failure: { kind: 'crash', detail: 'not a reply' } };
      ok = reply.ok;
    } else {
      const send = async (slice: RestoreSlice) => (await bg.handle({ type: 'backup/import-records', ...slice }, SENDERS.library)) as never;
      const outcome = await restoreBackup(text, send, { sliceRecords: 1 + r.below(4) });
      if (!outcome.ok && 'stopped' in outcome) return { refused: false, failure: { kind: 'crash', detail: `a checked backup was refused by the background: ${outcome.stopped.error}` } };
      ok = outcome.ok;
    }
  } catch (error) {
    return { refused: false, failure: { kind: 'crash', detail: `import threw: ${String(error)}` } };
  }
  if (ok !== parsed.ok) return { refused: !ok, failure: { kind: 'crash', detail: `the importer said ${parsed.ok}, the import ${ok}` } };
  if (!ok) {
    if ((await databaseSnapshot(bg.db)) !== before) return { refused: true, failure: { kind: 'database change on refused input', detail: text.slice(0, 200) } };
    return { refused: true };
  }
  const bad = await invalidRows(bg.db);
  if (bad.length) return { refused: false, failure: { kind: 'invalid record stored', detail: bad[0]! } };
  const lost = await lostEdits(bg.db, annotationsBefore);
  if (lost.length) return { refused: false, failure: { kind: 'local edit lost', detail: lost[0]! } };
  return { refused: false };
}

// ---------------------------------------------------------------- servers

const STATUSES = [200, 201, 204, 207, 301, 400, 401, 403, 404, 405, 409, 412, 413, 429, 500, 502, 503, 507];
let clockTime = 1_760_000_000_000;

/** A device with a few local edits, whose engine talks to `fetch`. */
async function syncDevice(kind: 'webdav' | 'couchdb', fetchImpl: typeof fetch) {
  const bg = makeBackground();
  const now = () => clockTime;
  const clock = createClock('fuzzdev', now);
  for (let i = 0; i < 3; i++) {
    clockTime += 1_000;
    await createAnnotation(bg.db, clock, { articleKey: ARTICLE.key, articleUrl: ARTICLE.url, articleTitle: ARTICLE.title, kind: 'highlight', target: describeSpan(TEXT, i, i + 5), colour: 'yellow', note: `笔记 ${i}`, tags: [], speakers: [], excerpt: null }, now());
  }
  const common = { url: 'http://127.0.0.1:9/', username: 'reader', password: 'pässwörd', retries: 1, retryDelayMs: 0, fetch: fetchImpl, maxReplyBytes: 256 * 1024 };
  const backend = kind === 'webdav' ? createWebDavBackend({ ...common, folder: '安阅', compactEvery: 2, compactReads: 2 }) : createCouchDbBackend({ ...common, database: 'team', pullPageSize: 3, pullPageBudget: 20 });
  return { bg, engine: new SyncEngine(bg.db, clock, backend, { now, batchRecords: 2 }) };
}

/** A record another device might send: a sample annotation, sometimes changed, sometimes broken. */
function foreignAnnotation(r: Random): { annotation: Annotation; valid: boolean } {
  const base = structuredClone(r.pick(SAMPLE_ANNOTATIONS));
  if (r.chance(0.6)) return { annotation: base, valid: true };
  const mutated = mutate(r, base);
  return { annotation: mutated, valid: annotationCheck(Date.now())(mutated, 'a') === null };
}

/** A name as a server would put it in an href; one that cannot be encoded (a lone surrogate) goes raw. */
const encodeName = (name: string) => {
  try {
    return encodeURIComponent(name);
  } catch {
    return name;
  }
};

const response = (status: number, body: string, headers: Record<string, string> = {}) => new Response([101, 103, 204, 205, 304].includes(status) ? null : body, { status, headers });

/** Answers of a WebDAV server gone wrong: random statuses, listings of real and bogus names, real and broken files. */
function webdavServer(r: Random, served: { valid: boolean; accepted: boolean }): typeof fetch {
  return async (input, init) => {
    const method = init?.method ?? 'GET';
    const url = String(input);
    if (r.chance(0.05)) throw new TypeError('fetch failed (fuzz: connection dropped)');
    const status = r.chance(0.6) ? ({ PROPFIND: 207, GET: 200, PUT: 201, MKCOL: 201, DELETE: 204 } as Record<string, number>)[method] ?? 200 : r.pick(STATUSES);
    if (method === 'PUT' || method === 'MKCOL' || method === 'DELETE') {
      if (status >= 200 && status < 300 && method === 'PUT') served.accepted = true;
      return response(status, r.chance(0.2) ? randomString(r) : '');
    }
    if (method === 'PROPFIND') {
      const names = Array.from({ length: r.below(6) }, () =>
        r.pick([`other.${1 + r.below(3)}`, `other.${1 + r.below(3)}.snap`, `fuzzdev.${r.below(3)}`, randomString(r), `x.99999999999999`, `__proto__.1`]),
      );
      const hrefs = names.map((name) => `<d:response><d:href>/dav/${r.chance(0.1) ? '%E0%A4%A' : encodeName(name)}</d:href></d:response>`).join('');
      return response(status, r.chance(0.15) ? randomString(r) : `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:">${hrefs}</d:multistatus>`);
    }
    // GET of a segment or snapshot: the right file, a file of the wrong number, a broken one, junk.
    const match = /\/devices\/([^/]+)\/(?:\d+\/)?0*(\d+)\.(seg|snap)$/.exec(decodeURIComponent(url));
    const roll = r.below(6);
    if (match && roll < 3) {
      const [, device, number, type] = match;
      const records = Array.from({ length: r.below(3) }, () => foreignAnnotation(r));
      const batch = { annotations: records.map((x) => x.annotation), corrections: [], removedCorrections: r.chance(0.2) ? [randomString(r)] : [], articles: [], analyses: [] };
      const seq = roll === 2 ? Number(number) + 1 : Number(number);
      const text = type === 'seg' ? await encodeSegment(device!, seq, batch) : await encodeSnapshot(device!, seq, batch);
      if (roll < 2 && status === 200 && records.every((x) => x.valid) && batch.removedCorrections.length === 0 && records.length) served.valid = true;
      return response(status, text);
    }
    if (roll === 3 && match) return response(status, (await encodeSegment(match[1]!, Number(match[2]), { annotations: [], corrections: [], removedCorrections: [], articles: [], analyses: [] })).slice(0, -3));
    return response(status, randomString(r), r.chance(0.1) ? { 'Retry-After': String(r.pick([0, 1, 99999999, -5])) } : {});
  };
}

/** Answers of a CouchDB server gone wrong: feeds that repeat, rows that do not match, documents of every kind. */
function couchServer(r: Random, served: { valid: boolean; accepted: boolean }): typeof fetch {
  let seq = r.below(5);
  /** A document as served; whether it holds a record this version reads is decided by its own reader. */
  const serve = <T>(document: T): T => {
    if (readDocument(document).ok) served.valid = true;
    return document;
  };
  const doc = () => {
    const { annotation } = foreignAnnotation(r);
    const roll = r.below(5);
    const document: Record<string, unknown> = { ...documentOf({ type: 'annotation', annotation }, `1-${'a'.repeat(32)}`) };
    if (roll === 0) document.format = 'anyue-sync-2';
    if (roll === 1) return mutate(r, document);
    if (roll === 2 && r.chance(0.5)) document._conflicts = [`1-${'b'.repeat(32)}`];
    return document;
  };
  return async (input, init) => {
    const method = init?.method ?? 'GET';
    const url = new URL(String(input));
    if (r.chance(0.05)) throw new TypeError('fetch failed (fuzz: connection dropped)');
    const status = r.chance(0.7) ? 200 : r.pick(STATUSES);
    const path = url.pathname;
    let body: unknown;
    if (path.endsWith('/_changes')) {
      const limit = Number(url.searchParams.get('limit')) || 1;
      const count = r.chance(0.3) ? limit : r.below(limit + 1);
      if (r.chance(0.7)) seq += count;
      const results = Array.from({ length: count }, () => {
        const document = serve(doc() as Record<string, unknown>);
        return r.chance(0.1) ? randomValue(r) : { id: typeof document?._id === 'string' ? document._id : randomString(r), seq, changes: [{ rev: `1-${'a'.repeat(32)}` }], doc: document };
      });
      body = r.chance(0.1) ? randomValue(r) : { results, last_seq: r.chance(0.1) ? randomValue(r) : seq };
    } else if (path.endsWith('/_all_docs')) {
      const keys = (JSON.parse(String(init?.body ?? '{}')) as { keys?: string[] }).keys ?? [];
      const rows = keys.map((key) => {
        const roll = r.below(5);
        if (roll === 0) return { key, error: 'not_found' };
        const document = doc() as Record<string, unknown>;
        if (document && typeof document === 'object') document._id = key;
        serve(document);
        const rev = typeof document?._rev === 'string' ? document._rev : '1-x';
        return roll === 1 ? mutate(r, { key, id: key, value: { rev }, doc: document }) : { key, id: key, value: { rev }, doc: document };
      });
      body = r.chance(0.1) ? randomValue(r) : { total_rows: rows.length, rows: r.chance(0.1) ? rows.slice(1) : rows };
    } else if (path.endsWith('/_bulk_docs')) {
      const docs = (JSON.parse(String(init?.body ?? '{}')) as { docs?: { _id: string }[] }).docs ?? [];
      const results = docs.map((d) => r.pick([{ id: d._id, rev: `2-${'c'.repeat(32)}` }, { id: d._id, error: 'conflict' }, { id: d._id, error: r.pick(['forbidden', 'unauthorized', 'weird']) }, randomValue(r)]));
      const answered = r.chance(0.7) ? 201 : status;
      if (answered >= 200 && answered < 300) served.accepted = true;
      body = r.chance(0.1) ? randomValue(r) : results;
      return response(answered, JSON.stringify(body) ?? '');
    } else if (path.endsWith('/_bulk_get')) {
      const asked = (JSON.parse(String(init?.body ?? '{}')) as { docs?: { id: string; rev: string }[] }).docs ?? [];
      body = { results: [...asked.map(({ id, rev }) => ({ id, docs: [{ ok: serve({ ...(doc() as object), _id: id, _rev: rev }) }] })), { id: 'annotation:x', docs: [{ ok: doc() }] }] };
    } else if (method === 'PUT') {
      body = { ok: true };
    } else {
      body = { db_name: 'team' };
    }
    return response(status, r.chance(0.1) ? randomString(r) : JSON.stringify(body) ?? '', r.chance(0.1) ? { 'Retry-After': String(r.pick([0, 1, 99999999])) } : {});
  };
}

/** Tables a refused sync may not change (its own bookkeeping, syncState, records the attempt). */
async function dataSnapshot(db: AnyueDatabase): Promise<string> {
  const tables: Record<string, string[]> = {};
  for (const table of db.tables) if (table.name !== 'syncState') tables[table.name] = (await table.toArray()).map((row) => JSON.stringify(row)).sort();
  return JSON.stringify(tables);
}

/** Where two snapshots first differ, with a little context. */
const firstDifference = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: …${a.slice(Math.max(0, i - 120), i + 80)}… became …${b.slice(Math.max(0, i - 120), i + 80)}…`;
};

async function serverCase(r: Random, kind: 'webdav' | 'couchdb'): Promise<Outcome> {
  const served = { valid: false, accepted: false };
  const fetchImpl = kind === 'webdav' ? webdavServer(r, served) : couchServer(r, served);
  const { bg, engine } = await syncDevice(kind, fetchImpl);
  try {
    const before = await dataSnapshot(bg.db);
    const annotationsBefore = await bg.db.annotations.toArray();
    let failed = false;
    try {
      await engine.syncOnce();
    } catch (error) {
      if (!(error instanceof SyncError)) return { refused: true, failure: { kind: 'crash', detail: `sync threw ${error instanceof Error ? error.stack?.slice(0, 400) : String(error)}` } };
      failed = true;
    }
    const refused = failed && !served.valid && !served.accepted;
    const after = refused ? await dataSnapshot(bg.db) : before;
    if (after !== before) return { refused, failure: { kind: 'database change on refused input', detail: `${kind} sync: ${firstDifference(before, after)}` } };
    const bad = await invalidRows(bg.db);
    if (bad.length) return { refused, failure: { kind: 'invalid record stored', detail: bad[0]! } };
    const lost = await lostEdits(bg.db, annotationsBefore);
    if (lost.length) return { refused, failure: { kind: 'local edit lost', detail: lost[0]! } };
    return { refused };
  } finally {
    await bg.close();
  }
}

// ---------------------------------------------------------------- the run

const withTimeout = <T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> => {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([work, new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)))]).finally(() => clearTimeout(timer));
};

export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const families = options.families ?? FAMILIES;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const result: FuzzResult = { seed: options.seed, cases: 0, byFamily: { messages: 0, backups: 0, webdav: 0, couchdb: 0 }, refused: 0, crashes: 0, hangs: 0, changesOnRefused: 0, failures: [] };
  let messageState: Awaited<ReturnType<typeof seededBackground>> | null = null;
  let backupBg: TestBackground | null = null;
  for (let index = options.only ?? 0; index < (options.only !== undefined ? options.only + 1 : options.cases); index++) {
    const family = families[index % families.length]!;
    // Each case has its own generator, so one case replays alone: (seed, index).
    const r = seededRandom((options.seed * 1_000_003 + index) >>> 0);
    if (family === 'messages' && (!messageState || index % 200 < families.length)) {
      await messageState?.bg.close();
      messageState = await seededBackground();
    }
    if (family === 'backups' && (!backupBg || index % 200 < families.length)) {
      await backupBg?.close();
      backupBg = makeBackground();
    }
    const work =
      family === 'messages' ? messageCase(r, messageState!) : family === 'backups' ? backupCase(r, backupBg!) : serverCase(r, family);
    let outcome: Outcome | 'timeout';
    try {
      outcome = await withTimeout(work, timeoutMs);
    } catch (error) {
      outcome = { refused: false, failure: { kind: 'crash', detail: String(error) } };
    }
    result.cases += 1;
    result.byFamily[family] += 1;
    if (outcome === 'timeout') {
      result.hangs += 1;
      result.failures.push({ family, index, kind: 'hang', detail: `still running after ${timeoutMs} ms` });
      // The database may still be in use by the hung case: start afresh.
      messageState = null;
      backupBg = null;
    } else {
      if (outcome.refused) result.refused += 1;
      if (outcome.failure) {
        result.failures.push({ family, index, ...outcome.failure });
        if (outcome.failure.kind === 'database change on refused input') result.changesOnRefused += 1;
        else result.crashes += 1;
      }
    }
    options.onProgress?.(result.cases);
  }
  await messageState?.bg.close();
  await backupBg?.close();
  return result;
}

/** The line the suite prints. Every failure that is not a hang or a database change counts as a crash. */
export const fuzzLine = (result: FuzzResult) =>
  `fuzz: ${result.cases} cases, ${result.crashes} crashes, ${result.hangs} hangs, ${result.changesOnRefused} database changes on refused input`;
