// Hostile or broken servers lose nothing and hang nothing: answers without end are cut off while they
// stream in, a CouchDB feed that never moves on is left after one page, documents this version cannot
// read are left untouched on the server (and the local change stays queued), and two page notes written
// on two devices become one. Against real servers: PouchDB Server, and a node HTTP server that misbehaves
// on purpose.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeProblem } from '../../components/SyncPanel';
import { createAnnotation, pageNoteOf, setPageNote, updateAnnotation } from '../../storage/annotations';
import { SyncError } from '../../sync/errors';
import { basicAuthorization } from '../../sync/webdav-backend';
import { makeCouchDevice } from './couchdb-devices';
import { COUCH_PASSWORD, COUCH_USERNAME, startCouchServer, type CouchServer } from './couchdb-server';
import { makeDevice, newAnnotationInput, type Device } from './devices';
import { startHostileServer, streamForever } from './hostile-server';

let time = 1_760_000_000_000;
const now = () => time;
const MB = 1024 * 1024;

describe('answers larger than 安阅 reads are cut off while they stream in', () => {
  it('WebDAV: a listing that never ends is refused after the cap, in plain words in both languages', async () => {
    const server = await startHostileServer((_request, response) => {
      response.writeHead(207, { 'Content-Type': 'application/xml' });
      streamForever(response, `<d:response><d:href>/x/${'a'.repeat(4000)}</d:href></d:response>`);
    });
    try {
      const device = makeDevice('endless-dav', server, '安阅', now, { maxReplyBytes: 2 * MB });
      const error = (await device.engine.syncOnce().catch((e: unknown) => e)) as SyncError;
      expect(error).toBeInstanceOf(SyncError);
      expect([error.kind, error.count]).toEqual(['too-large', 2]);
      expect(await device.db.annotations.count()).toBe(0);
      const status = await device.engine.status();
      expect(describeProblem(status.lastError!, 'zh-CN')).toContain('服务器的回答超过 2 MB');
      expect(describeProblem(status.lastError!, 'en')).toContain('larger than 2 MB');
    } finally {
      await server.stop();
    }
  }, 20_000);

  it('CouchDB: a declared Content-Length past the cap is refused before the body is read', async () => {
    const server = await startHostileServer((_request, response) => {
      // Declares a terabyte, sends a little, then stalls: reading "the whole body" would wait for ever.
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(2 ** 40) });
      response.write('{"results":[');
    });
    try {
      const device = makeCouchDevice('endless-couch', server, 'team', now, { maxReplyBytes: 2 * MB });
      const error = (await device.engine.syncOnce().catch((e: unknown) => e)) as SyncError;
      expect([error.kind, error.count]).toEqual(['too-large', 2]);
    } finally {
      await server.stop();
    }
  }, 20_000);
});

describe('a CouchDB feed that never moves on', () => {
  /** A `_changes` that answers every page full, of documents that are not 安阅's. */
  const feed = (advance: boolean) => {
    let seq = 7;
    return startHostileServer((_request, response, url) => {
      if (!url.pathname.endsWith('/_changes')) {
        response.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"not_found"}');
        return;
      }
      const limit = Number(url.searchParams.get('limit'));
      if (advance) seq += limit;
      const results = Array.from({ length: limit }, (_, i) => ({ id: `_design/x${i}`, seq, changes: [{ rev: '1-a' }] }));
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ results, last_seq: seq }));
    });
  };

  it('full pages that end where they began: one page, then the sync stops and says so', async () => {
    const server = await feed(false);
    try {
      const device = makeCouchDevice('stuck-feed', server, 'team', now, { pullPageSize: 5 });
      const error = (await device.engine.syncOnce().catch((e: unknown) => e)) as SyncError;
      expect(error).toBeInstanceOf(SyncError);
      expect(error.kind).toBe('server');
      expect(error.message).toContain('same changes');
      expect(server.requests.length).toBeLessThan(5);
    } finally {
      await server.stop();
    }
  }, 20_000);

  it('endless new pages: the pull stops at the page budget and resumes from there next time', async () => {
    const server = await feed(true);
    try {
      const device = makeCouchDevice('endless-feed', server, 'team', now, { pullPageSize: 5, pullPageBudget: 4 });
      const error = (await device.engine.syncOnce().catch((e: unknown) => e)) as SyncError;
      expect(error.message).toContain('more than 4 pages');
      expect(server.requests.length).toBeLessThanOrEqual(6);
      const pulled = (await device.db.syncState.get('pulled'))!.value as string;
      expect(JSON.parse(pulled).seq).toBeGreaterThan(7);
    } finally {
      await server.stop();
    }
  }, 20_000);
});

describe('on PouchDB Server', () => {
  let server: CouchServer;
  let counter = 0;
  const auth = { Authorization: basicAuthorization(COUCH_USERNAME, COUCH_PASSWORD), 'Content-Type': 'application/json' };
  const raw = async (database: string, path: string, init: RequestInit = {}) => {
    const response = await fetch(`${server.url}${database}${path}`, { ...init, headers: auth });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const team = (count = 2): { devices: Device[]; database: string } => {
    counter += 1;
    const database = `hostile-${counter}`;
    return { database, devices: Array.from({ length: count }, (_, i) => makeCouchDevice(`h${counter}x${i}`, server, database, now)) };
  };
  beforeAll(async () => {
    server = await startCouchServer();
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('a document this version cannot read is left untouched, the local edit stays queued, and the reader is told', async () => {
    const { devices: [a], database } = team(1);
    time += 1_000;
    const created = await createAnnotation(a!.db, a!.clock, { ...newAnnotationInput(Math.random), note: '原文' }, now());
    await a!.engine.syncOnce();
    // A newer 安阅 rewrote the document in a format this one does not know.
    const id = `annotation:${created.id}`;
    const current = (await raw(database, `/${encodeURIComponent(id)}`)).body;
    const future = { _id: id, _rev: current._rev, format: 'anyue-sync-2', type: 'annotation', annotation: { ...current.annotation, note: '新版本写的' }, extra: { v: 2 } };
    expect((await raw(database, `/${encodeURIComponent(id)}`, { method: 'PUT', body: JSON.stringify(future) })).status).toBe(201);
    const written = (await raw(database, `/${encodeURIComponent(id)}`)).body;

    time += 1_000;
    await updateAnnotation(a!.db, a!.clock, created.id, { note: '本机的修改' }, now());
    for (let round = 0; round < 2; round++) {
      const error = (await a!.engine.syncOnce().catch((e: unknown) => e)) as SyncError;
      expect(error).toBeInstanceOf(SyncError);
      expect([error.kind, error.count]).toEqual(['unreadable', 1]);
      expect(error.message).toContain('1 items from the server could not be read and were left untouched');
      // Byte for byte what the newer version wrote.
      expect((await raw(database, `/${encodeURIComponent(id)}`)).body).toEqual(written);
      // The local edit is neither lost nor counted as sent.
      expect(await a!.db.syncOutbox.count()).toBe(1);
      expect((await a!.db.annotations.get(created.id))!.note).toBe('本机的修改');
    }
    const status = await a!.engine.status();
    expect(describeProblem(status.lastError!, 'zh-CN')).toContain('服务器上有 1 项无法读取');
    expect(describeProblem(status.lastError!, 'en')).toContain('1 items from the server could not be read');
  }, 60_000);

  it('two page notes written on two devices for one article become one page note, keeping both texts', async () => {
    const { devices: [a, b] } = team(2);
    const article = { articleKey: 'zaihaifangyu.cn/7777', articleUrl: 'https://zaihaifangyu.cn/7777.html', articleTitle: '页面笔记' };
    time += 1_000;
    await setPageNote(a!.db, a!.clock, article, '甲设备的页面笔记', null, now());
    time += 1_000;
    await setPageNote(b!.db, b!.clock, article, '乙设备的页面笔记', null, now());
    for (const device of [a!, b!, a!, b!]) await device.engine.syncOnce();
    for (const device of [a!, b!]) {
      const live = (await device.db.annotations.where('articleKey').equals(article.articleKey).toArray()).filter((n) => n.kind === 'page-note' && !n.deleted);
      expect(live).toHaveLength(1);
      const texts = [live[0]!.note, ...(live[0]!.conflicts ?? []).map((c) => c.value)];
      expect(texts.sort()).toEqual(['乙设备的页面笔记', '甲设备的页面笔记'].sort());
      expect((await pageNoteOf(device.db, article.articleKey))!.id).toBe(live[0]!.id);
    }
    const [ids] = await Promise.all([a!.db.annotations.toCollection().primaryKeys(), b!.db.annotations.toCollection().primaryKeys()]);
    expect((await b!.db.annotations.toCollection().primaryKeys()).sort()).toEqual(ids.sort());
  }, 60_000);
});
