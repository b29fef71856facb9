// CouchDB sync against a real CouchDB API (PouchDB Server on 127.0.0.1), one case per test: costs,
// conflicts (concurrent edits, edit against delete, a stale revision refused with 409, a document that
// arrives with _conflicts), kills, cut-short uploads and documents 安阅 did not write.
// PouchDB Server is weak on authentication, so nothing here tests security; the 401 case only checks that
// a refusal is reported as one.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../records/annotation';
import { createAnnotation, setDeleted, updateAnnotation } from '../../storage/annotations';
import { addCorrection, removeCorrection } from '../../storage/corrections';
import { createCouchDbBackend } from '../../sync/couchdb-backend';
import { SyncError } from '../../sync/errors';
import { SimulatedKill } from '../../sync/fault-fetch';
import { formatStamp } from '../../sync/hlc';
import { applyLocalChanges, withSyncState } from '../../sync/merge';
import { basicAuthorization } from '../../sync/webdav-backend';
import { makeCouchDevice } from './couchdb-devices';
import { COUCH_PASSWORD, COUCH_USERNAME, startCouchServer, type CouchServer } from './couchdb-server';
import { newAnnotationInput, readArticle, snapshot, type Device } from './devices';

let server: CouchServer;
let counter = 0;
let time = 1_760_000_000_000;
const now = () => time;
const auth = { Authorization: basicAuthorization(COUCH_USERNAME, COUCH_PASSWORD), 'Content-Type': 'application/json' };

beforeAll(async () => {
  server = await startCouchServer();
}, 300_000);
afterAll(async () => {
  await server?.stop();
});

/** Devices sharing a fresh database. */
function team(count = 2, extra: Parameters<typeof makeCouchDevice>[4] = {}): { devices: Device[]; database: string } {
  counter += 1;
  const database = `cases-${counter}`;
  return { database, devices: Array.from({ length: count }, (_, i) => makeCouchDevice(`c${counter}x${i}`, server, database, now, extra)) };
}
const edit = async (device: Device, note = `note ${time}`) => {
  time += 1_000;
  return createAnnotation(device.db, device.clock, { ...newAnnotationInput(Math.random), note }, now());
};
/** A raw request to the database, as another CouchDB client (or a replication) would make it. */
const raw = async (database: string, path: string, init: RequestInit = {}) => {
  const response = await fetch(`${server.url}${database}${path}`, { ...init, headers: auth });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('CouchDB backend on PouchDB Server', () => {
  it('accepts the Unicode password, creates the missing database, and reports a wrong password as auth', async () => {
    const database = 'connection-test';
    const good = createCouchDbBackend({ url: server.url, database, username: COUCH_USERNAME, password: COUCH_PASSWORD });
    expect((await raw(database, '')).status).toBe(404);
    await good.testConnection();
    expect((await raw(database, '')).status).toBe(200);
    await good.testConnection();
    const bad = createCouchDbBackend({ url: server.url, database, username: COUCH_USERNAME, password: `${COUCH_PASSWORD}x` });
    const error = await bad.testConnection().catch((e: SyncError) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect([(error as SyncError).kind, (error as SyncError).status]).toEqual(['auth', 401]);
    expect((error as SyncError).message).not.toContain(COUCH_PASSWORD);
  });

  it('reports a server that does not answer as a network error', async () => {
    const closed = createCouchDbBackend({ url: 'http://127.0.0.1:9/', database: 'x', username: COUCH_USERNAME, password: COUCH_PASSWORD, retries: 0 });
    expect(await closed.testConnection().catch((e: SyncError) => e.kind)).toBe('network');
  });

  it('syncs a record and a later edit; an idle sync is one request; a one-change push three', async () => {
    const { devices: [a, b] } = team();
    const created = await edit(a!, '第一条');
    expect((await a!.engine.syncOnce()).pushed).toBe(1);
    expect((await b!.engine.syncOnce()).pulled).toBe(1);
    expect((await b!.db.annotations.get(created.id))!.note).toBe('第一条');
    expect(await b!.engine.syncOnce()).toMatchObject({ requests: 1, pushed: 0, pulled: 0 });
    // a's own write comes back through the feed as ids and revisions only: one request, no document read.
    expect(await a!.engine.syncOnce()).toMatchObject({ requests: 1, pushed: 0, pulled: 0 });
    expect(await a!.engine.syncOnce()).toMatchObject({ requests: 1, pushed: 0, pulled: 0 });
    time += 1_000;
    await updateAnnotation(a!.db, a!.clock, created.id, { note: '改过' }, now());
    // _changes (idle check) + _all_docs (current version) + _bulk_docs.
    expect(await a!.engine.syncOnce()).toMatchObject({ requests: 3, pushed: 1 });
    expect(await b!.engine.syncOnce()).toMatchObject({ requests: 2, pulled: 1 });
    expect(await snapshot(b!.db)).toBe(await snapshot(a!.db));
  });

  it('syncs each article read and its latest analysis as documents of their own, the newest reading winning', async () => {
    const { database, devices: [a, b] } = team();
    await readArticle(a!.db, 7, now(), '王明');
    expect((await a!.engine.syncOnce()).pushed).toBe(2);
    const stored = await raw(database, `/${encodeURIComponent('analysis:zaihaifangyu.cn/7')}`);
    expect(stored.body).toMatchObject({ type: 'analysis', analysis: { articleKey: 'zaihaifangyu.cn/7' } });
    await b!.engine.syncOnce();
    expect((await b!.db.analyses.get('zaihaifangyu.cn/7'))!.summary.speakers[0]!.name).toBe('王明');
    time += 60_000;
    await readArticle(b!.db, 7, now(), '李强');
    await b!.engine.syncOnce();
    await a!.engine.syncOnce();
    expect((await a!.db.analyses.get('zaihaifangyu.cn/7'))!.summary.speakers[0]!.name).toBe('李强');
    expect(await a!.db.articles.get('zaihaifangyu.cn/7')).toMatchObject({ readCount: 2, lastReadAt: now() });
    expect(await snapshot(a!.db)).toBe(await snapshot(b!.db));
  });

  it('keeps concurrent note edits from two devices: one shows, the other is a conflict, on both and on the server', async () => {
    const { devices: [a, b], database } = team();
    const created = await edit(a!, '原文');
    await a!.engine.syncOnce();
    await b!.engine.syncOnce();
    time += 1_000;
    await updateAnnotation(a!.db, a!.clock, created.id, { note: '甲改' }, now());
    time += 1_000;
    await updateAnnotation(b!.db, b!.clock, created.id, { note: '乙改' }, now());
    await a!.engine.syncOnce();
    expect((await b!.engine.syncOnce()).conflicts).toBe(1);
    await a!.engine.syncOnce();
    for (const device of [a!, b!]) {
      const record = withSyncState((await device.db.annotations.get(created.id))!);
      expect(record.note).toBe('乙改');
      expect(record.conflicts.map((c) => c.value)).toEqual(['甲改']);
    }
    const stored = (await raw(database, `/annotation:${created.id}?conflicts=true`)).body;
    expect(stored._conflicts).toBeUndefined();
    expect((stored.annotation as Annotation).conflicts!.map((c) => c.value)).toEqual(['甲改']);
    expect(await snapshot(b!.db)).toBe(await snapshot(a!.db));
  });

  it('keeps a record edited on one device while another deleted it', async () => {
    const { devices: [a, b] } = team();
    const created = await edit(a!, '要留下');
    await a!.engine.syncOnce();
    await b!.engine.syncOnce();
    time += 1_000;
    await setDeleted(b!.db, b!.clock, created.id, true, now());
    await b!.engine.syncOnce();
    time += 1_000;
    await updateAnnotation(a!.db, a!.clock, created.id, { note: '删除时我在改' }, now());
    await a!.engine.syncOnce();
    await b!.engine.syncOnce();
    for (const device of [a!, b!]) {
      const record = (await device.db.annotations.get(created.id))!;
      expect([record.deleted, record.note]).toEqual([false, '删除时我在改']);
    }
  });

  it('goes round again when its write is refused with 409 (another device wrote in between), losing neither edit', async () => {
    let interfere: (() => Promise<void>) | null = null;
    let refused = 0;
    const racing: typeof fetch = async (input, init) => {
      if (interfere && String(input).endsWith('/_bulk_docs')) {
        const run = interfere;
        interfere = null;
        await run(); // between a's read of the current version and a's write
      }
      const response = await fetch(input, init);
      if (String(input).endsWith('/_bulk_docs')) refused += ((await response.clone().json()) as { error?: string }[]).filter((r) => r.error === 'conflict').length;
      return response;
    };
    const { devices: [a, b] } = team(2, { fetch: racing });
    const created = await edit(a!, '原文');
    await a!.engine.syncOnce();
    await b!.engine.syncOnce();
    time += 1_000;
    await updateAnnotation(a!.db, a!.clock, created.id, { colour: 'pink' }, now());
    await updateAnnotation(b!.db, b!.clock, created.id, { tags: ['台风'] }, now());
    interfere = async () => {
      await b!.engine.syncOnce();
    };
    refused = 0;
    expect((await a!.engine.syncOnce()).pushed).toBe(1);
    expect(refused).toBe(1);
    await b!.engine.syncOnce();
    await a!.engine.syncOnce();
    for (const device of [a!, b!]) expect((await device.db.annotations.get(created.id))!).toMatchObject({ colour: 'pink', tags: ['台风'] });
    expect(await snapshot(b!.db)).toBe(await snapshot(a!.db));
  });

  it('merges a document that arrives with _conflicts, writes the merged winner back and deletes the losing leaf', async () => {
    const { devices: [a, b], database } = team();
    const created = await edit(a!, '原文');
    await a!.engine.syncOnce();
    time += 1_000;
    await updateAnnotation(a!.db, a!.clock, created.id, { note: '甲的版本' }, now());
    await a!.engine.syncOnce();
    // A concurrent version from elsewhere (it never saw a's edit), stored as a CouchDB replication stores
    // one: a second branch of the revision tree, which loses to a's revision 2 and shows as _conflicts.
    const elsewhere = applyLocalChanges(created, { note: '别处的版本' }, formatStamp(time + 5_000, 0, 'elsewhere'), time + 5_000)!;
    const leaf = { _id: `annotation:${created.id}`, _rev: `1-${'f'.repeat(32)}`, format: 'anyue-sync-1', type: 'annotation', annotation: elsewhere };
    expect((await raw(database, '/_bulk_docs', { method: 'POST', body: JSON.stringify({ docs: [leaf], new_edits: false }) })).status).toBe(201);
    expect((await raw(database, `/annotation:${created.id}?conflicts=true`)).body._conflicts).toEqual([leaf._rev]);
    const report = await b!.engine.syncOnce();
    expect([report.pulled, report.conflicts]).toEqual([1, 1]);
    const onB = withSyncState((await b!.db.annotations.get(created.id))!);
    expect(onB.note).toBe('别处的版本');
    expect(onB.conflicts.map((c) => c.value)).toEqual(['甲的版本']);
    const stored = (await raw(database, `/annotation:${created.id}?conflicts=true`)).body;
    expect(stored._conflicts).toBeUndefined();
    // The leaf's branch now ends in a deletion: one live leaf is left, the merged winner.
    const leaves = await fetch(`${server.url}${database}/annotation:${created.id}?open_revs=all`, { headers: { ...auth, Accept: 'application/json' } });
    const live = ((await leaves.json()) as { ok: { _rev: string; _deleted?: boolean } }[]).filter((l) => !l.ok._deleted);
    expect(live.map((l) => l.ok._rev)).toEqual([stored._rev]);
    expect((stored.annotation as Annotation).note).toBe('别处的版本');
    expect((stored.annotation as Annotation).conflicts!.map((c) => c.value)).toEqual(['甲的版本']);
    await a!.engine.syncOnce();
    expect(await snapshot(a!.db)).toBe(await snapshot(b!.db));
  });

  it('syncs corrections: an addition, and a removal that an old copy cannot undo', async () => {
    const { devices: [a, b] } = team();
    const added = await addCorrection(a!.db, { kind: 'not-speaker', name: '张三' }, now());
    await a!.engine.syncOnce();
    await b!.engine.syncOnce();
    expect(await b!.db.corrections.get(added.id)).toEqual(added);
    await removeCorrection(b!.db, added.id);
    await b!.engine.syncOnce();
    await a!.engine.syncOnce();
    expect(await a!.db.corrections.get(added.id)).toBeUndefined();
    await b!.engine.syncOnce();
    expect(await b!.db.corrections.get(added.id)).toBeUndefined();
  });

  it('resumes after the worker is killed once the server stored the batch: nothing lost or duplicated', async () => {
    let kill = true;
    const killAfterWrite: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (kill && String(input).endsWith('/_bulk_docs')) {
        kill = false;
        await response.arrayBuffer();
        throw new SimulatedKill();
      }
      return response;
    };
    const { devices: [a, b] } = team(2, { fetch: killAfterWrite });
    const first = await edit(a!);
    await expect(a!.engine.syncOnce()).rejects.toBeInstanceOf(SimulatedKill);
    a!.restart();
    expect(await a!.db.syncOutbox.count()).toBe(1);
    await edit(a!);
    expect((await a!.engine.syncOnce()).pushed).toBe(2);
    expect((await b!.engine.syncOnce()).pulled).toBe(2);
    expect(await b!.db.annotations.get(first.id)).toBeDefined();
    await a!.engine.syncOnce();
    expect(await snapshot(b!.db)).toBe(await snapshot(a!.db));
  });

  it('survives a _bulk_docs body cut short on the way: the server refuses it, the outbox keeps the edit', async () => {
    let cut = true;
    const cutShort: typeof fetch = async (input, init) => {
      if (cut && String(input).endsWith('/_bulk_docs') && typeof init?.body === 'string') {
        cut = false;
        return fetch(input, { ...init, body: init.body.slice(0, init.body.length / 2) });
      }
      return fetch(input, init);
    };
    const { devices: [a, b] } = team(2, { fetch: cutShort });
    const created = await edit(a!, '完整');
    expect(await a!.engine.syncOnce().catch((e: SyncError) => e.kind)).toBe('server');
    expect(await a!.db.syncOutbox.count()).toBe(1);
    expect((await a!.engine.syncOnce()).pushed).toBe(1);
    await b!.engine.syncOnce();
    expect((await b!.db.annotations.get(created.id))!.note).toBe('完整');
  });

  it('skips and reports a damaged document, applies the rest, and leaves design documents alone', async () => {
    const { devices: [a, b], database } = team();
    const good = await edit(a!, '好的');
    await a!.engine.syncOnce();
    const damaged = { _id: 'annotation:00000000-0000-4000-8000-00000000dead', format: 'anyue-sync-1', type: 'annotation', annotation: { id: 'x' } };
    const design = { _id: '_design/team', views: {} };
    expect((await raw(database, '/_bulk_docs', { method: 'POST', body: JSON.stringify({ docs: [damaged, design] }) })).status).toBe(201);
    const error = await b!.engine.syncOnce().catch((e: SyncError) => e);
    // Left untouched on the server (a newer 安阅 may have written it), and the reader is told.
    expect(error).toMatchObject({ kind: 'unreadable', count: 1 });
    expect((error as SyncError).message).toContain('00000000dead');
    expect((await b!.db.annotations.get(good.id))!.note).toBe('好的');
    expect(await b!.db.annotations.count()).toBe(1);
    // Reported once: the checkpoint moved past it, so the next sync is clean.
    expect((await b!.engine.syncOnce()).pulled).toBe(0);
  });
});

describe('CouchDB: a device does not pull its own writes back, and still pulls everything else', () => {
  /** Counts requests by path, for asserting that no document was read. */
  const counting = () => {
    const paths: string[] = [];
    const wrapped: typeof fetch = async (input, init) => {
      paths.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname.replace(/^\/[^/]+/, '')}`);
      return fetch(input, init);
    };
    return { paths, fetch: wrapped };
  };

  it('after a push, the next sync is one small request that reads no document; then idle', async () => {
    const spy = counting();
    const { devices: [a, b] } = team(2, { fetch: spy.fetch });
    const created = await Promise.all([edit(a!, '一'), edit(a!, '二'), edit(a!, '三')]);
    await a!.engine.syncOnce();
    spy.paths.length = 0;
    const next = await a!.engine.syncOnce();
    expect(next).toMatchObject({ requests: 1, pushed: 0, pulled: 0 });
    expect(next.bytes).toBeLessThan(1_000);
    expect(spy.paths).toEqual(['GET /_changes']);
    expect(await a!.engine.syncOnce()).toMatchObject({ requests: 1, pushed: 0, pulled: 0 });
    // One change, many times: each push's echo is skipped the same way.
    for (let i = 0; i < 3; i++) {
      time += 1_000;
      await updateAnnotation(a!.db, a!.clock, created[0]!.id, { note: `第 ${i} 次` }, now());
      expect((await a!.engine.syncOnce()).pushed).toBe(1);
      expect(await a!.engine.syncOnce()).toMatchObject({ requests: 1, pulled: 0 });
    }
    expect((await b!.engine.syncOnce()).pulled).toBe(3);
    expect(await snapshot(b!.db)).toBe(await snapshot(a!.db));
  });

  it('pulls another device\'s edit of the same document made between its push and its next pull (both edits kept)', async () => {
    const { devices: [a, b] } = team();
    const created = await edit(a!, '原文');
    await a!.engine.syncOnce();
    await b!.engine.syncOnce();
    time += 1_000;
    await updateAnnotation(a!.db, a!.clock, created.id, { colour: 'pink' }, now());
    await a!.engine.syncOnce(); // a's push; its echo is now remembered
    await b!.engine.syncOnce(); // b pulls a's edit …
    time += 1_000;
    await updateAnnotation(b!.db, b!.clock, created.id, { tags: ['台风'] }, now());
    await b!.engine.syncOnce(); // … and writes on top of a's revision
    const report = await a!.engine.syncOnce();
    expect(report.pulled).toBe(1);
    for (const device of [a!, b!]) expect((await device.db.annotations.get(created.id))!).toMatchObject({ colour: 'pink', tags: ['台风'] });
    expect(await snapshot(b!.db)).toBe(await snapshot(a!.db));
  });

  it('pulls a concurrent edit that its own write absorbed on the server (written before its push, never pulled)', async () => {
    const { devices: [a, b] } = team();
    const created = await edit(a!, '原文');
    await a!.engine.syncOnce();
    await b!.engine.syncOnce();
    time += 1_000;
    await updateAnnotation(b!.db, b!.clock, created.id, { note: '乙改' }, now());
    await b!.engine.syncOnce();
    time += 1_000;
    await updateAnnotation(a!.db, a!.clock, created.id, { colour: 'blue' }, now());
    // a's push merges b's note into its write: that revision holds news for a, so it is pulled, not skipped.
    await a!.engine.syncOnce();
    expect((await a!.db.annotations.get(created.id))!).toMatchObject({ note: '乙改', colour: 'blue' });
    await b!.engine.syncOnce();
    expect(await snapshot(b!.db)).toBe(await snapshot(a!.db));
  });

  it('pulls a conflict leaf a replication added after its write, even when its own revision still wins', async () => {
    const { devices: [a], database } = team(1);
    const created = await edit(a!, '原文');
    await a!.engine.syncOnce();
    time += 1_000;
    await updateAnnotation(a!.db, a!.clock, created.id, { note: '甲的版本' }, now());
    await a!.engine.syncOnce(); // revision 2, a's own
    const elsewhere = applyLocalChanges(created, { tags: ['别处'] }, formatStamp(time + 5_000, 0, 'elsewhere'), time + 5_000)!;
    const leaf = { _id: `annotation:${created.id}`, _rev: `1-${'0'.repeat(32)}`, format: 'anyue-sync-1', type: 'annotation', annotation: elsewhere };
    expect((await raw(database, '/_bulk_docs', { method: 'POST', body: JSON.stringify({ docs: [leaf], new_edits: false }) })).status).toBe(201);
    // The winner is still a's revision 2; the feed's leaf list shows the stranger.
    expect((await raw(database, `/annotation:${created.id}?conflicts=true`)).body._conflicts).toEqual([leaf._rev]);
    expect((await a!.engine.syncOnce()).pulled).toBe(1);
    expect((await a!.db.annotations.get(created.id))!).toMatchObject({ note: '甲的版本', tags: ['别处'] });
    expect((await raw(database, `/annotation:${created.id}?conflicts=true`)).body._conflicts).toBeUndefined();
  });

  it('killed between push and pull: another device\'s later edit of the same record still arrives', async () => {
    const { devices: [a, b] } = team();
    const created = await edit(a!, '原文');
    await a!.engine.syncOnce();
    await b!.engine.syncOnce();
    time += 1_000;
    await updateAnnotation(a!.db, a!.clock, created.id, { note: '甲改' }, now());
    // Push stored, then the worker dies before the pull (the engine's pull never runs).
    a!.engine['pull'] = async () => {
      throw new SimulatedKill();
    };
    await expect(a!.engine.syncOnce()).rejects.toBeInstanceOf(SimulatedKill);
    a!.restart(); // a new engine, with its real pull
    expect(await a!.db.syncOutbox.count()).toBe(0);
    await b!.engine.syncOnce();
    time += 1_000;
    await updateAnnotation(b!.db, b!.clock, created.id, { tags: ['乙加'] }, now());
    await b!.engine.syncOnce();
    expect((await a!.engine.syncOnce()).pulled).toBe(1);
    for (const device of [a!, b!]) expect((await device.db.annotations.get(created.id))!).toMatchObject({ note: '甲改', tags: ['乙加'] });
    expect(await a!.engine.syncOnce()).toMatchObject({ requests: 1, pulled: 0 });
    expect(await snapshot(b!.db)).toBe(await snapshot(a!.db));
  });

  it('killed after the server stored the push, or the answer lost: consistent, nothing lost, and no re-download', async () => {
    let fault: 'kill' | 'lose' | null = null;
    const faulty: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (fault && String(input).endsWith('/_bulk_docs')) {
        const which = fault;
        fault = null;
        await response.arrayBuffer();
        if (which === 'kill') throw new SimulatedKill();
        throw new TypeError('fetch failed (answer lost)');
      }
      return response;
    };
    const { devices: [a, b] } = team(2, { fetch: faulty, retries: 0 });
    const created = await edit(a!, '原文');
    await a!.engine.syncOnce();
    await b!.engine.syncOnce();
    for (const which of ['kill', 'lose'] as const) {
      time += 1_000;
      await updateAnnotation(a!.db, a!.clock, created.id, { note: `甲改 ${which}` }, now());
      fault = which;
      await expect(a!.engine.syncOnce()).rejects.toBeTruthy();
      if (which === 'kill') a!.restart();
      expect(await a!.db.syncOutbox.count()).toBe(1);
      // Another device edits the same record before a syncs again.
      await b!.engine.syncOnce();
      time += 1_000;
      await updateAnnotation(b!.db, b!.clock, created.id, { tags: [`乙 ${which}`] }, now());
      await b!.engine.syncOnce();
      await a!.engine.syncOnce();
      await b!.engine.syncOnce();
      for (const device of [a!, b!]) expect((await device.db.annotations.get(created.id))!).toMatchObject({ note: `甲改 ${which}`, tags: [`乙 ${which}`] });
      expect(await snapshot(b!.db)).toBe(await snapshot(a!.db));
    }
    // The retried push found its own earlier write on the server and remembers it: a's next sync stays one request.
    time += 1_000;
    await updateAnnotation(a!.db, a!.clock, created.id, { colour: 'green' }, now());
    fault = 'lose';
    await expect(a!.engine.syncOnce()).rejects.toBeTruthy();
    expect((await a!.engine.syncOnce()).pushed).toBe(1);
    expect(await a!.engine.syncOnce()).toMatchObject({ requests: 1, pulled: 0 });
    expect((await b!.engine.syncOnce()).pulled).toBe(1);
    expect(await snapshot(b!.db)).toBe(await snapshot(a!.db));
  });

  it('reads the feed in pages when many echoes and others\' changes are mixed, and keeps the remembered set small', async () => {
    const { devices: [a, b] } = team(2, { pullPageSize: 2 });
    for (let i = 0; i < 7; i++) await edit(a!, `甲 ${i}`);
    await a!.engine.syncOnce();
    for (let i = 0; i < 5; i++) await edit(b!, `乙 ${i}`);
    await b!.engine.syncOnce();
    for (let i = 0; i < 45; i++) await edit(a!, `甲后 ${i}`);
    // This round's pull reads a feed of a's 7 echoes and b's 5 records, two documents at a time.
    expect(await a!.engine.syncOnce()).toMatchObject({ pushed: 45, pulled: 5 });
    // Stored with the push, before this round's pull passed the first 7 (the next session forgets those).
    expect(JSON.parse((await a!.db.syncState.get('pushed'))!.value as string).own).toHaveLength(52);
    // The next: 45 echoes over two pages of ids, nothing read.
    expect(await a!.engine.syncOnce()).toMatchObject({ requests: 2, pulled: 0 });
    expect(await a!.db.annotations.count()).toBe(57);
    expect(await a!.engine.syncOnce()).toMatchObject({ requests: 1, pulled: 0 });
    // The next push starts from a set the pull has emptied.
    await edit(a!, '最后');
    await a!.engine.syncOnce();
    expect(JSON.parse((await a!.db.syncState.get('pushed'))!.value as string).own).toHaveLength(1);
    await b!.engine.syncOnce();
    expect(await snapshot(b!.db)).toBe(await snapshot(a!.db));
  });
});
