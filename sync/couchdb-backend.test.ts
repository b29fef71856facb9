// The CouchDB backend against a scripted server: settings it refuses, what each failure is reported as,
// answers it cannot read (a clear error, nothing written), and where the credentials go (a header, never a
// body, a URL or a message). The real-server cases live in tests/sync/couchdb.test.ts.

import { describe, expect, it } from 'vitest';
import { makeAnnotation } from '../library/test-data';
import { createCouchDbBackend, type CouchDbConfig } from './couchdb-backend';
import { documentOf, mergeBodies, readDocument, type RecordBody } from './couchdb-docs';
import { SyncError } from './errors';
import { withSyncState } from './merge';

const PASSWORD = '密码-pässwörd-🔐';

interface Seen {
  method: string;
  url: string;
  body: string | undefined;
  headers: Record<string, string>;
}

/** A fetch that answers from `route` and records every request. */
function scripted(route: (method: string, path: string, body: string | undefined) => { status: number; body?: string; headers?: Record<string, string> }) {
  const seen: Seen[] = [];
  const fetchStub: typeof fetch = async (input, init) => {
    const url = String(input);
    const body = typeof init?.body === 'string' ? init.body : undefined;
    seen.push({ method: init?.method ?? 'GET', url, body, headers: init?.headers as Record<string, string> });
    const answer = route(init?.method ?? 'GET', new URL(url).pathname + new URL(url).search, body);
    return new Response(answer.body ?? '', { status: answer.status, headers: answer.headers });
  };
  return { fetch: fetchStub, seen };
}

const backend = (fetchStub: typeof fetch, extra: Partial<CouchDbConfig> = {}) =>
  createCouchDbBackend({ url: 'https://couch.example.org/', database: 'team', username: '读者', password: PASSWORD, fetch: fetchStub, retries: 0, ...extra });

const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as SyncError);

const annotation = withSyncState(makeAnnotation({ text: '要坚持人民至上、生命至上。', quote: '人民至上', note: '笔记' }));
const batch = { annotations: [annotation], corrections: [], removedCorrections: [], articles: [], analyses: [] };

describe('CouchDB backend settings', () => {
  it('refuses an address carrying credentials, a bad database name, and a user name with ":"', () => {
    const build = (config: Partial<CouchDbConfig>) => () => createCouchDbBackend({ url: 'https://couch.example.org/', database: 'team', username: 'u', password: 'p', ...config });
    expect(build({ url: 'https://u:secret@couch.example.org/' })).toThrow(/own fields/);
    expect(build({ url: 'ftp://couch.example.org/' })).toThrow(SyncError);
    expect(build({ url: 'not a url' })).toThrow(SyncError);
    expect(build({ database: 'Team' })).toThrow(/database name/);
    expect(build({ database: '_users' })).toThrow(/database name/);
    expect(build({ username: 'a:b' })).toThrow(/":"/);
  });

  it('sends the credentials only as a UTF-8 Basic header, under a path prefix, never in URLs or bodies', async () => {
    const { fetch: stub, seen } = scripted((method, path) => {
      if (path.startsWith('/couchdb/team/_changes')) return { status: 200, body: '{"results":[],"last_seq":0}' };
      if (path.startsWith('/couchdb/team/_all_docs')) return { status: 200, body: JSON.stringify({ rows: [{ key: `annotation:${annotation.id}`, error: 'not_found' }] }) };
      if (path === '/couchdb/team/_bulk_docs') return { status: 201, body: JSON.stringify([{ ok: true, id: `annotation:${annotation.id}`, rev: '1-a' }]) };
      return { status: 500, body: `${method} ${path}` };
    });
    const session = await backend(stub, { url: 'https://couch.example.org/couchdb' }).open('dev1', null, null);
    await session.push(batch, null);
    const expected = `Basic ${Buffer.from(`读者:${PASSWORD}`, 'utf8').toString('base64')}`;
    expect(seen.map((s) => s.headers.Authorization)).toEqual(seen.map(() => expected));
    for (const request of seen) {
      expect(request.url).not.toContain('读者');
      expect(request.body ?? '').not.toContain(PASSWORD);
      expect(request.body ?? '').not.toContain(expected.slice(6));
    }
    expect(seen.map((s) => `${s.method} ${new URL(s.url).pathname}`)).toEqual(['GET /couchdb/team/_changes', 'POST /couchdb/team/_all_docs', 'POST /couchdb/team/_bulk_docs']);
  });

  it('sends no Authorization header when the user name is empty (a server open to all)', async () => {
    const { fetch: stub, seen } = scripted(() => ({ status: 200, body: '{"db_name":"team"}' }));
    await backend(stub, { username: '', password: '' }).testConnection();
    expect(seen[0]!.headers.Authorization).toBeUndefined();
  });
});

describe('CouchDB backend: testConnection says what failed', () => {
  it('creates a missing database when the account may', async () => {
    const { fetch: stub, seen } = scripted((method) => (method === 'PUT' ? { status: 201, body: '{"ok":true}' } : { status: 404, body: '{"error":"not_found"}' }));
    await backend(stub).testConnection();
    expect(seen.map((s) => s.method)).toEqual(['GET', 'PUT']);
  });

  it('says plainly when the database is missing and the account may not create it', async () => {
    for (const status of [401, 403]) {
      const { fetch: stub } = scripted((method) => (method === 'PUT' ? { status, body: '{"error":"forbidden"}' } : { status: 404, body: '{}' }));
      const error = await failureOf(backend(stub).testConnection());
      expect(error).toMatchObject({ kind: 'permission', status });
      expect(error!.message).toMatch(/does not exist and this account may not create it/);
    }
  });

  it('tells auth (401), membership (403), a non-CouchDB address and a network failure apart', async () => {
    const kindFor = async (answer: { status: number; body?: string }) => (await failureOf(backend(scripted(() => answer).fetch).testConnection()))?.kind;
    expect(await kindFor({ status: 401, body: '{"error":"unauthorized"}' })).toBe('auth');
    expect(await kindFor({ status: 403, body: '{"error":"forbidden"}' })).toBe('permission');
    expect(await kindFor({ status: 200, body: '<html>login</html>' })).toBe('server');
    expect(await kindFor({ status: 200, body: '{"welcome":"not couch"}' })).toBe('config');
    const offline: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    expect((await failureOf(backend(offline).testConnection()))?.kind).toBe('network');
  });

  it('honours Retry-After on 429 and never puts the password in a message', async () => {
    const { fetch: stub } = scripted(() => ({ status: 429, body: '{}', headers: { 'Retry-After': '120' } }));
    const error = await failureOf(backend(stub).testConnection());
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterMs: 120_000 });
    expect(error!.message).not.toContain(PASSWORD);
  });
});

describe('CouchDB backend: answers it cannot read change nothing', () => {
  const feed = (body: string) =>
    scripted((method, path) => {
      // open's idle check: something is new
      if (path.endsWith('limit=1')) return { status: 200, body: '{"results":[{"id":"x","changes":[]}],"last_seq":1}' };
      if (path.includes('/_changes')) return { status: 200, body };
      return { status: 500, body: `unexpected ${method} ${path}` };
    });

  it.each([
    ['not JSON', '<html>proxy error</html>'],
    ['no results list', '{"last_seq":3}'],
    ['no last_seq', '{"results":[]}'],
    ['a result without an id', '{"results":[{"seq":1}],"last_seq":1}'],
  ])('a _changes answer with %s is a server error', async (_, body) => {
    const { fetch: stub, seen } = feed(body);
    const session = await backend(stub).open('dev1', null, null);
    expect(session.hasIncoming).toBe(true);
    expect(await failureOf(session.pull(null))).toMatchObject({ kind: 'server' });
    expect(seen.every((s) => s.method === 'GET')).toBe(true);
  });

  it('a _bulk_docs answer that does not match the documents sent is a server error', async () => {
    const { fetch: stub } = scripted((_, path) => {
      if (path.includes('/_changes')) return { status: 200, body: '{"results":[],"last_seq":0}' };
      if (path.includes('/_all_docs')) return { status: 200, body: JSON.stringify({ rows: [{ key: `annotation:${annotation.id}`, error: 'not_found' }] }) };
      return { status: 201, body: '[]' };
    });
    const session = await backend(stub).open('dev1', null, null);
    expect(await failureOf(session.push(batch, null))).toMatchObject({ kind: 'server' });
  });

  it('an _all_docs answer about other keys is a server error, and nothing is written', async () => {
    const { fetch: stub, seen } = scripted((_, path) => {
      if (path.includes('/_changes')) return { status: 200, body: '{"results":[],"last_seq":0}' };
      if (path.includes('/_all_docs')) return { status: 200, body: JSON.stringify({ rows: [{ key: 'annotation:someone-else', error: 'not_found' }] }) };
      return { status: 201, body: '[]' };
    });
    const session = await backend(stub).open('dev1', null, null);
    expect(await failureOf(session.push(batch, null))).toMatchObject({ kind: 'server' });
    expect(seen.some((s) => s.url.endsWith('/_bulk_docs'))).toBe(false);
  });

  it('a write the server forbids (a validate_doc_update, a read-only member) is a permission error', async () => {
    const { fetch: stub } = scripted((_, path) => {
      if (path.includes('/_changes')) return { status: 200, body: '{"results":[],"last_seq":0}' };
      if (path.includes('/_all_docs')) return { status: 200, body: JSON.stringify({ rows: [{ key: `annotation:${annotation.id}`, error: 'not_found' }] }) };
      return { status: 201, body: JSON.stringify([{ id: `annotation:${annotation.id}`, error: 'forbidden', reason: 'read only' }]) };
    });
    const session = await backend(stub).open('dev1', null, null);
    expect(await failureOf(session.push(batch, null))).toMatchObject({ kind: 'permission' });
  });

  it('retries a dropped request, then reports the network', async () => {
    let calls = 0;
    const flaky: typeof fetch = async () => {
      calls += 1;
      if (calls === 1) throw new TypeError('connection reset');
      return new Response('{"results":[],"last_seq":0}', { status: 200 });
    };
    const session = await backend(flaky, { retries: 1, retryDelayMs: 0 }).open('dev1', null, null);
    expect([calls, session.hasIncoming]).toEqual([2, false]);
  });
});

describe('CouchDB documents', () => {
  it('round-trips a record and refuses documents that are not 安阅 records', () => {
    const body: RecordBody = { type: 'annotation', annotation };
    expect(readDocument(documentOf(body, '3-x'))).toEqual({ ok: true, body });
    const document = documentOf(body, null);
    expect(readDocument({ ...document, _id: 'annotation:other' })).toMatchObject({ ok: false });
    expect(readDocument({ ...document, format: 'something-else' })).toMatchObject({ ok: false });
    expect(readDocument({ ...document, annotation: { ...annotation, note: 7 } })).toMatchObject({ ok: false, reason: expect.stringContaining('note') });
    expect(readDocument({ ...document, type: 'segment' })).toMatchObject({ ok: false });
    expect(readDocument(null)).toMatchObject({ ok: false });
  });

  it('merges corrections: immutable once made, a removal wins from either side', () => {
    const added: RecordBody = { type: 'correction', correction: { id: 'c1', createdAt: 1, kind: 'not-speaker', name: '张三' } };
    const removed: RecordBody = { type: 'correction-removed', id: 'c1' };
    expect(mergeBodies(added, removed)).toEqual({ merged: removed, changed: true });
    expect(mergeBodies(removed, added)).toEqual({ merged: removed, changed: false });
    expect(mergeBodies(added, added)).toEqual({ merged: added, changed: false });
  });
});

describe('CouchDB backend: answers about documents it did not ask for (found by the fuzz suite)', () => {
  it('ignores _bulk_get results for other documents or revisions instead of failing with a TypeError', async () => {
    const id = `annotation:${annotation.id}`;
    const stranger = documentOf({ type: 'annotation', annotation: withSyncState(makeAnnotation({ text: '别的文章。', quote: '别的', note: '不请自来' })) }, '1-z');
    const { fetch: stub } = scripted((_method, path) => {
      if (path.startsWith('/team/_changes')) return { status: 200, body: '{"results":[],"last_seq":0}' };
      if (path.startsWith('/team/_all_docs')) {
        const winner = { ...documentOf({ type: 'annotation', annotation }, '2-w'), _conflicts: ['1-c'] };
        return { status: 200, body: JSON.stringify({ rows: [{ key: id, id, value: { rev: '2-w' }, doc: winner }] }) };
      }
      if (path === '/team/_bulk_get') return { status: 200, body: JSON.stringify({ results: [{ id: stranger._id, docs: [{ ok: stranger }] }, { id, docs: [{ ok: { ...stranger, _id: id, _rev: '9-not-asked' } }] }] }) };
      if (path === '/team/_bulk_docs') return { status: 201, body: JSON.stringify([{ ok: true, id, rev: '3-a' }, { ok: true, id, rev: '2-d' }]) };
      return { status: 500 };
    });
    const session = await backend(stub).open('dev1', null, null);
    await expect(session.push(batch, null)).resolves.toBeTypeOf('string');
  });
});
