// Sync against real WebDAV servers, one fault or case per test.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnnotation, updateAnnotation } from '../../storage/annotations';
import { addCorrection, removeCorrection } from '../../storage/corrections';
import { SyncError } from '../../sync/errors';
import { SimulatedKill } from '../../sync/fault-fetch';
import { getSyncStatus } from '../../sync/sync-engine';
import { basicAuthorization, createWebDavBackend } from '../../sync/webdav-backend';
import { makeDevice, newAnnotationInput, snapshot, type Device } from './devices';
import { missingServer, PASSWORD, startServer, USERNAME, type ServerName, type WebDavServer } from './servers';

let counter = 0;

for (const name of ['lighttpd', 'nginx'] as ServerName[]) {
  const missing = missingServer(name);
  describe.skipIf(missing !== null)(`WebDAV sync on ${name}${missing ? ` — SKIPPED: ${missing}` : ''}`, () => {
    let server: WebDavServer;
    let time = 1_760_000_000_000;
    const now = () => time;
    beforeAll(async () => {
      server = await startServer(name);
    });
    afterAll(async () => {
      await server?.stop();
    });

    /** Two or more devices sharing a fresh folder (nested and non-ASCII: every level must be made). */
    const pair = (count = 2, options: Parameters<typeof makeDevice>[4] = {}) => {
      counter += 1;
      const folder = `tests/${name}-${counter}/安阅`;
      return Array.from({ length: count }, (_, i) => makeDevice(`d${counter}x${i}`, server, folder, now, options));
    };
    const edit = async (device: Device, note = `note ${time}`) => {
      time += 1_000;
      return createAnnotation(device.db, device.clock, { ...newAnnotationInput(Math.random), note }, now());
    };

    it('accepts the Unicode password and refuses a wrong one with an auth error', async () => {
      const good = createWebDavBackend({ url: server.url, username: USERNAME, password: PASSWORD, folder: `tests/${name}-auth` });
      await good.testConnection();
      const bad = createWebDavBackend({ url: server.url, username: USERNAME, password: `${PASSWORD}x`, folder: `tests/${name}-auth` });
      const error = await bad.testConnection().catch((e: SyncError) => e);
      expect(error).toBeInstanceOf(SyncError);
      expect([(error as SyncError).kind, (error as SyncError).status]).toEqual(['auth', 401]);
    });

    it('reports a server that does not answer as a network error', async () => {
      const closed = createWebDavBackend({ url: 'http://127.0.0.1:9/', username: USERNAME, password: PASSWORD, folder: 'x', retries: 0 });
      expect(await closed.testConnection().catch((e: SyncError) => e.kind)).toBe('network');
    });

    it('syncs an annotation and a later edit; an idle sync is one request; a one-change sync three', async () => {
      const [a, b] = pair();
      const created = await edit(a!, '第一条');
      expect((await a!.engine.syncOnce()).pushed).toBe(1);
      expect((await b!.engine.syncOnce()).pulled).toBe(1);
      expect((await b!.db.annotations.get(created.id))!.note).toBe('第一条');
      const idle = await b!.engine.syncOnce();
      expect([idle.requests, idle.pushed, idle.pulled]).toEqual([1, 0, 0]);
      await updateAnnotation(a!.db, a!.clock, created.id, { note: '改过' }, now());
      const one = await a!.engine.syncOnce();
      expect([one.requests, one.pushed]).toEqual([3, 1]);
      expect((await b!.engine.syncOnce()).pulled).toBe(1);
      expect(await snapshot(b!.db)).toBe(await snapshot(a!.db));
    });

    it('sees progress published twice within one second (markers are read by name, never by ETag)', async () => {
      const [a, b] = pair();
      await edit(a!);
      await a!.engine.syncOnce();
      await b!.engine.syncOnce();
      // Same wall-clock second, same-size marker name length: nginx would keep the ETag of a rewritten file.
      const second = await edit(a!);
      await a!.engine.syncOnce();
      expect((await b!.engine.syncOnce()).pulled).toBe(1);
      expect(await b!.db.annotations.get(second.id)).toBeDefined();
    });

    it('publishes progress on the next sync when the marker write failed (not only inside the upload loop)', async () => {
      let failMarker = true;
      const fetchFailingMarker: typeof fetch = async (input, init) => {
        if (failMarker && init?.method === 'PUT' && String(input).includes('/markers/')) {
          failMarker = false;
          throw new TypeError('marker write lost');
        }
        return fetch(input, init);
      };
      const [a, b] = pair(2, { fetch: fetchFailingMarker, retries: 0 });
      const created = await edit(a!);
      expect((await a!.engine.syncOnce().catch((e: SyncError) => e)) as SyncError).toMatchObject({ kind: 'network' });
      expect(await b!.engine.syncOnce()).toMatchObject({ pulled: 0 });
      // Nothing left in the outbox; the publish must still happen.
      expect(await a!.db.syncOutbox.count()).toBe(0);
      expect((await a!.engine.syncOnce()).pushed).toBe(0);
      expect((await b!.engine.syncOnce()).pulled).toBe(1);
      expect(await b!.db.annotations.get(created.id)).toBeDefined();
    });

    it('resumes after the worker is killed once the server stored the segment: nothing lost or duplicated', async () => {
      let kill = true;
      const killAfterSegment: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        if (kill && init?.method === 'PUT' && String(input).endsWith('.seg')) {
          kill = false;
          await response.arrayBuffer();
          throw new SimulatedKill();
        }
        return response;
      };
      const [a, b] = pair(2, { fetch: killAfterSegment });
      const first = await edit(a!);
      await expect(a!.engine.syncOnce()).rejects.toBeInstanceOf(SimulatedKill);
      a!.restart();
      expect(await a!.db.syncOutbox.count()).toBe(1);
      await edit(a!);
      expect((await a!.engine.syncOnce()).pushed).toBe(2);
      expect((await b!.engine.syncOnce()).pulled).toBe(2);
      expect(await b!.db.annotations.count()).toBe(2);
      expect(await b!.db.annotations.get(first.id)).toBeDefined();
      expect(await snapshot(b!.db)).toBe(await snapshot(a!.db));
    });

    it('refuses a damaged segment, applies nothing from it, reports it, and still pulls other devices', async () => {
      const [a, b, c] = pair(3);
      await edit(a!, '会被截断');
      await a!.engine.syncOnce();
      const fromB = await edit(b!, '完好');
      await b!.engine.syncOnce();
      // Cut a's segment short through the server, as a broken upload could leave it.
      const folder = join(server.root, 'tests', `${name}-${counter}`, '安阅', 'sync-v1', 'devices', a!.name, '0000');
      const [file] = await readdir(folder);
      const bytes = await readFile(join(folder, file!), 'utf8');
      const url = `${server.url}tests/${name}-${counter}/${encodeURIComponent('安阅')}/sync-v1/devices/${a!.name}/0000/${file}`;
      const overwrite = (body: string) => fetch(url, { method: 'PUT', body, headers: { Authorization: basicAuthorization(USERNAME, PASSWORD) } });
      expect((await overwrite(bytes.slice(0, bytes.length - 30))).ok).toBe(true);
      const error = await c!.engine.syncOnce().catch((e: SyncError) => e);
      expect(error).toMatchObject({ kind: 'corrupt' });
      expect((error as Error).message).toMatch(/damaged.*checksum/);
      expect((await c!.db.annotations.toArray()).map((x) => x.id)).toEqual([fromB.id]);
      const status = await getSyncStatus(c!.db);
      expect(status.lastError).toMatchObject({ kind: 'corrupt' });
      // Repaired (a device re-uploading it), it applies.
      expect((await overwrite(bytes)).ok).toBe(true);
      await c!.engine.syncOnce();
      expect(await c!.db.annotations.count()).toBe(2);
    });

    it('syncs corrections: an addition, and a removal as a tombstone that an old copy cannot undo', async () => {
      const [a, b] = pair();
      const correction = await addCorrection(a!.db, { kind: 'not-speaker', name: '胡悦鑫' }, now());
      await a!.engine.syncOnce();
      await b!.engine.syncOnce();
      expect(await b!.db.corrections.get(correction.id)).toBeDefined();
      await removeCorrection(b!.db, correction.id);
      expect(await getSyncStatus(b!.db)).toMatchObject({ pendingChanges: 1 });
      await b!.engine.syncOnce();
      await a!.engine.syncOnce();
      expect(await a!.db.corrections.count()).toBe(0);
      expect(await a!.db.correctionSync.get(correction.id)).toEqual({ id: correction.id, removed: true });
    });

    it('keeps concurrent note edits from two devices as a conflict on both', async () => {
      const [a, b] = pair();
      const created = await edit(a!, '原文');
      await a!.engine.syncOnce();
      await b!.engine.syncOnce();
      await updateAnnotation(a!.db, a!.clock, created.id, { note: '甲改' }, now());
      time += 5;
      await updateAnnotation(b!.db, b!.clock, created.id, { note: '乙改' }, now());
      await a!.engine.syncOnce();
      expect((await b!.engine.syncOnce()).conflicts).toBe(1);
      await a!.engine.syncOnce();
      for (const device of [a!, b!]) {
        const record = await device.db.annotations.get(created.id);
        expect(new Set([record!.note, record!.conflicts![0]!.value])).toEqual(new Set(['甲改', '乙改']));
      }
      expect(await snapshot(a!.db)).toBe(await snapshot(b!.db));
    });

    it('keeps the marker folder small: old markers of a device are deleted', async () => {
      const [a] = pair(1);
      for (let i = 0; i < 12; i++) {
        await edit(a!);
        await a!.engine.syncOnce();
      }
      const markers = await readdir(join(server.root, 'tests', `${name}-${counter}`, '安阅', 'sync-v1', 'markers'));
      expect(markers.length).toBeLessThanOrEqual(5);
      expect(markers).toContain(`${a!.name}.12`);
    });

    it('waits as the server asked after a 429, without a request, and says so', async () => {
      const limited: typeof fetch = async () => new Response('', { status: 429, headers: { 'Retry-After': '600' } });
      const [a] = pair(1, { fetch: limited });
      await edit(a!);
      expect(await a!.engine.syncOnce().catch((e: SyncError) => e.kind)).toBe('rate-limited');
      const before = a!.backend.traffic.requests;
      time += 60_000;
      expect(await a!.engine.syncOnce().catch((e: SyncError) => e.kind)).toBe('rate-limited');
      expect(a!.backend.traffic.requests).toBe(before);
      const status = await getSyncStatus(a!.db);
      expect(status.retryNotBefore).toBe(time - 60_000 + 600_000);
      expect(status.lastError!.message).toMatch(/slow down/);
      expect(status.pendingChanges).toBe(1);
    });
  });
}
