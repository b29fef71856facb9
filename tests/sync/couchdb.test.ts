// CouchDB sync against a real CouchDB API (PouchDB Server on 127.0.0.1), one case per test: costs,
// conflicts (concurrent edits, edit against delete, a stale revision refused with 409, a document that
// arrives with _conflicts), kills, cut-short uploads and documents 安阅 did not write.
// PouchDB Server is weak on authentication, so nothing here tests security; the 401 case only checks that
// a refusal is reported as one.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../storage/annotation';
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
import { newAnnotationInput, snapshot, type Device } from './devices';

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
    // a's own write comes back once through the feed (it cannot tell it from another device's), then idle.
    await a!.engine.syncOnce();
    expect(await a!.engine.syncOnce()).toMatchObject({ requests: 1, pushed: 0, pulled: 0 });
    time += 1_000;
    await updateAnnotation(a!.db, a!.clock, created.id, { note: '改过' }, now());
    // _changes (idle check) + _all_docs (current version) + _bulk_docs.
    expect(await a!.engine.syncOnce()).toMatchObject({ requests: 3, pushed: 1 });
    expect(await b!.engine.syncOnce()).toMatchObject({ requests: 2, pulled: 1 });
    expect(await snapshot(b!.db)).toBe(await snapshot(a!.db));
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
    expect(error).toMatchObject({ kind: 'corrupt' });
    expect((error as SyncError).message).toContain('00000000dead');
    expect((await b!.db.annotations.get(good.id))!.note).toBe('好的');
    expect(await b!.db.annotations.count()).toBe(1);
    // Reported once: the checkpoint moved past it, so the next sync is clean.
    expect((await b!.engine.syncOnce()).pulled).toBe(0);
  });
});
