// Sync against real WebDAV servers, one fault or case per test.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnnotation, setDeleted, updateAnnotation } from '../../storage/annotations';
import { addCorrection, removeCorrection } from '../../storage/corrections';
import { SyncError } from '../../sync/errors';
import { SimulatedKill } from '../../sync/fault-fetch';
import { getSyncStatus, SyncEngine } from '../../sync/sync-engine';
import { basicAuthorization, createWebDavBackend, type WebDavConfig } from '../../sync/webdav-backend';
import { runConvergence } from './convergence';
import { makeDevice, newAnnotationInput, readArticle, snapshot, type Device } from './devices';
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

    it('syncs what the library indexes are built from: each article read and its latest analysis, the newest reading winning', async () => {
      const [a, b] = pair();
      await readArticle(a!.db, 7, now(), '王明');
      expect(await getSyncStatus(a!.db)).toMatchObject({ pendingChanges: 1 });
      expect((await a!.engine.syncOnce()).pushed).toBe(2);
      expect(await getSyncStatus(a!.db)).toMatchObject({ pendingChanges: 0 });
      await b!.engine.syncOnce();
      expect((await b!.db.analyses.get('zaihaifangyu.cn/7'))!.summary.speakers[0]!.name).toBe('王明');
      expect(await b!.db.articles.get('zaihaifangyu.cn/7')).toMatchObject({ readCount: 1, title: '文章7' });
      // Read again on b, later: its analysis wins on both; the reading history spans both devices.
      time += 60_000;
      await readArticle(b!.db, 7, now(), '李强');
      await b!.engine.syncOnce();
      await a!.engine.syncOnce();
      expect((await a!.db.analyses.get('zaihaifangyu.cn/7'))!.summary.speakers[0]!.name).toBe('李强');
      expect(await a!.db.articles.get('zaihaifangyu.cn/7')).toMatchObject({ readCount: 2, lastReadAt: now() });
      expect(await snapshot(a!.db)).toBe(await snapshot(b!.db));
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

    /** Devices sharing one fresh folder, each with its own settings. */
    const group = (...options: Partial<WebDavConfig>[]) => {
      counter += 1;
      const folder = `tests/${name}-${counter}/安阅`;
      return { folder, devices: options.map((o, i) => makeDevice(`d${counter}x${i}`, server, folder, now, o)) };
    };
    const syncRoot = (folder: string) => join(server.root, ...folder.split('/'), 'sync-v1');
    /** One small change and one sync: a new record, or a note edit, a delete, a correction added or removed. */
    const smallPush = async (device: Device, i: number) => {
      time += 1_000;
      const records = await device.db.annotations.toArray();
      const corrections = await device.db.corrections.toArray();
      if (i % 23 === 7) await addCorrection(device.db, { kind: 'not-speaker', name: `人${i}` }, now());
      else if (i % 23 === 8 && corrections.length) await removeCorrection(device.db, corrections[0]!.id);
      else if (i % 3 === 1 && records.length) await updateAnnotation(device.db, device.clock, records[i % records.length]!.id, { note: `改 ${i}` }, now());
      else if (i % 17 === 5 && records.length) await setDeleted(device.db, device.clock, records[0]!.id, !records[0]!.deleted, now());
      else await edit(device, `笔记 ${i}`);
      const report = await device.engine.syncOnce();
      expect(report.pushed).toBeGreaterThan(0);
      return report;
    };
    const engineWith = (device: Device, options: Partial<WebDavConfig>, folder: string) => {
      const backend = createWebDavBackend({ url: server.url, username: USERNAME, password: PASSWORD, folder, retries: 1, retryDelayMs: 0, ...options });
      return { backend, engine: new SyncEngine(device.db, device.clock, backend, { now }) };
    };

    it('compacts a long history: a new device then needs a few requests, and readers left halfway lose nothing', async () => {
      // 300 pushes from a device without compaction (as before it existed), with readers stopping on the way.
      const { folder, devices } = group({ compactEvery: 0 }, {}, {}, {}, {});
      const [writer, halfway, nearEnd, before, after] = devices as [Device, Device, Device, Device, Device];
      for (let i = 0; i < 300; i++) {
        await smallPush(writer, i);
        if (i === 149) await halfway.engine.syncOnce();
        if (i === 297) await nearEnd.engine.syncOnce();
      }
      const uncompacted = await before.engine.syncOnce();
      // Now it compacts, deleting every covered segment: a long history is caught up over a few syncs.
      const compacting = engineWith(writer, { compactDeletes: 'files' }, folder);
      const catchUp: number[] = [];
      for (let round = 0; round < 8; round++) {
        const report = await compacting.engine.syncOnce();
        catchUp.push(report.requests);
        if (report.requests === 1) break;
      }
      const root = syncRoot(folder);
      expect((await readdir(join(root, 'markers'))).filter((n) => n.endsWith('.snap'))).toEqual([`${writer.name}.300.snap`]);
      expect(await readdir(join(root, 'devices', writer.name))).toEqual(['0000', '00000300.snap']);
      expect(await readdir(join(root, 'devices', writer.name, '0000'))).toEqual([]);
      const compacted = await after.engine.syncOnce();
      console.log(`[${name}] new device's first sync after 300 pushes: ${uncompacted.requests} requests uncompacted, ${compacted.requests} compacted; catching up took ${catchUp.join(' + ')} requests`);
      expect(uncompacted.requests).toBe(301);
      expect(compacted.requests).toBeLessThanOrEqual(3);
      // Readers whose next segments were deleted: far behind → the snapshot; close behind → a 404, then it.
      expect((await halfway.engine.syncOnce()).requests).toBe(2);
      expect((await nearEnd.engine.syncOnce()).requests).toBe(3);
      const expected = await snapshot(writer.db);
      for (const reader of [before, after, halfway, nearEnd]) expect(await snapshot(reader.db)).toBe(expected);
      // Correction tombstones came through the snapshot too (never inferred from absence).
      const tombstones = async (device: Device) => (await device.db.correctionSync.toArray()).sort((x, y) => (x.id < y.id ? -1 : 1));
      expect((await tombstones(writer)).filter((row) => row.removed).length).toBeGreaterThan(0);
      for (const reader of [before, after, halfway, nearEnd]) expect(await tombstones(reader)).toEqual(await tombstones(writer));
      expect((await writer.db.annotations.toArray()).some((a) => a.deleted)).toBe(true);
    }, 120_000);

    it('compacting as it goes costs a push about one request more on average; a new device\'s first sync stays bounded', async () => {
      /** 300 pushes from two devices (every tenth from the second), and what they cost. */
      const history = async (options: Partial<WebDavConfig>) => {
        const { folder, devices } = group(options, options, options);
        const [writer, other, fresh] = devices as [Device, Device, Device];
        let requests = 0;
        for (let i = 0; i < 300; i++) {
          requests += (await smallPush(i % 10 === 9 ? other : writer, i)).requests;
          if (i % 10 === 9) requests += (await writer.engine.syncOnce()).requests;
        }
        await other.engine.syncOnce();
        const first = await fresh.engine.syncOnce();
        expect(await snapshot(fresh.db)).toBe(await snapshot(writer.db));
        expect(await snapshot(other.db)).toBe(await snapshot(writer.db));
        return { folder, writer, perPush: requests / 300, first: first.requests };
      };
      const plain = await history({ compactEvery: 0 });
      const compacting = await history({});
      console.log(
        `[${name}] 300 pushes from two devices: ${plain.perPush.toFixed(2)} → ${compacting.perPush.toFixed(2)} requests per push with compaction every 32; ` +
          `a new device's first sync ${plain.first} → ${compacting.first} requests`,
      );
      expect(plain.first).toBe(301);
      // One listing, then per device its newest snapshot and fewer than 32 segments after it.
      expect(compacting.first).toBeLessThanOrEqual(1 + 2 * 32);
      expect(compacting.perPush - plain.perPush).toBeLessThan(1.5);
      const root = syncRoot(compacting.folder);
      expect((await readdir(join(root, 'markers'))).length).toBeLessThanOrEqual(2 * 7);
      expect((await readdir(join(root, 'devices', compacting.writer.name))).filter((n) => n.endsWith('.snap'))).toHaveLength(1);
    }, 120_000);

    it('by default deletes whole segment folders once a snapshot covers them (one request per 500 segments)', async () => {
      const { folder, devices } = group({}, {});
      const [writer, fresh] = devices as [Device, Device];
      // 520 one-record segments straight through the backend (the engine would add nothing here).
      let pushed: string | null = null;
      const records = [];
      for (let i = 0; i < 520; i++) {
        time += 1_000;
        const record = await createAnnotation(writer.db, writer.clock, { ...newAnnotationInput(Math.random), note: `第${i}条` }, now());
        records.push(record);
        const session = await writer.backend.open(writer.name, pushed, null);
        pushed = await session.push({ annotations: [record], corrections: [], removedCorrections: [], articles: [], analyses: [] }, pushed);
        await session.publish(pushed);
        expect(session.problems).toEqual([]);
      }
      const own = join(syncRoot(folder), 'devices', writer.name);
      expect((await readdir(own)).sort()).toEqual(['00000512.snap', '0001']);
      expect((await readdir(join(own, '0001'))).length).toBe(21);
      const first = await fresh.engine.syncOnce();
      expect(first.requests).toBe(2 + 8);
      expect(await fresh.db.annotations.count()).toBe(520);
    }, 60_000);

    it('a kill mid-compaction leaves everything readable, and the next compaction finishes the job', async () => {
      let killAt: ((url: string, method: string) => boolean) | null = null;
      const killing: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        if (killAt?.(decodeURIComponent(String(input)), init?.method ?? 'GET')) {
          killAt = null;
          await response.arrayBuffer();
          throw new SimulatedKill();
        }
        return response;
      };
      const options = { compactEvery: 4, compactDeletes: 'files' as const };
      const { folder, devices } = group({ ...options, fetch: killing }, options, options, options, options);
      const [writer, reader, fresh1, fresh2, fresh3] = devices as [Device, Device, Device, Device, Device];
      const root = syncRoot(folder);
      for (let i = 0; i < 3; i++) await smallPush(writer, i);
      await reader.engine.syncOnce();
      // Killed after the snapshot's PUT, before its marker: nobody knows the snapshot; every segment is there.
      killAt = (url, method) => method === 'PUT' && url.endsWith('.snap') && !url.includes('/markers/');
      await edit(writer);
      await expect(writer.engine.syncOnce()).rejects.toBeInstanceOf(SimulatedKill);
      writer.restart();
      expect((await readdir(join(root, 'markers'))).filter((n) => n.endsWith('.snap'))).toEqual([]);
      expect((await fresh1.engine.syncOnce()).requests).toBe(5);
      expect(await snapshot(fresh1.db)).toBe(await snapshot(writer.db));
      // The next sync, idle as it is, compacts again.
      expect((await writer.engine.syncOnce()).pushed).toBe(0);
      expect(await readdir(join(root, 'markers'))).toContain(`${writer.name}.4.snap`);
      // Killed after the next snapshot's marker, before any delete: old and new are both there, both whole.
      for (let i = 0; i < 3; i++) await smallPush(writer, 10 + i);
      killAt = (url, method) => method === 'PUT' && url.endsWith('.snap') && url.includes('/markers/');
      await edit(writer);
      await expect(writer.engine.syncOnce()).rejects.toBeInstanceOf(SimulatedKill);
      writer.restart();
      expect((await readdir(join(root, 'markers'))).filter((n) => n.endsWith('.snap')).sort()).toEqual([`${writer.name}.4.snap`, `${writer.name}.8.snap`]);
      expect((await readdir(join(root, 'devices', writer.name))).sort()).toEqual(['0000', '00000004.snap', '00000008.snap']);
      expect((await fresh2.engine.syncOnce()).requests).toBe(2);
      expect(await snapshot(fresh2.db)).toBe(await snapshot(writer.db));
      // The reader stopped at 3 reads segments 4… (deleted: 404) and falls back on the snapshot.
      await reader.engine.syncOnce();
      expect(await snapshot(reader.db)).toBe(await snapshot(writer.db));
      // The next compaction deletes what the killed one left.
      for (let i = 0; i < 4; i++) await smallPush(writer, 20 + i);
      expect((await readdir(join(root, 'markers'))).filter((n) => n.endsWith('.snap'))).toEqual([`${writer.name}.12.snap`]);
      expect((await readdir(join(root, 'devices', writer.name))).sort()).toEqual(['0000', '00000012.snap']);
      for (const device of [reader, fresh1, fresh2, fresh3]) {
        await device.engine.syncOnce();
        expect(await snapshot(device.db)).toBe(await snapshot(writer.db));
      }
    });

    it('a reader that listed before a compaction finds the segment gone, lists again and reads the snapshot', async () => {
      const options = { compactEvery: 4, compactDeletes: 'files' as const };
      let compactMeanwhile: (() => Promise<void>) | null = null;
      const racing: typeof fetch = async (input, init) => {
        if (compactMeanwhile && init?.method === 'GET') {
          const run = compactMeanwhile;
          compactMeanwhile = null;
          await run();
        }
        return fetch(input, init);
      };
      const { devices } = group(options, { ...options, fetch: racing });
      const [writer, reader] = devices as [Device, Device];
      for (let i = 0; i < 3; i++) await smallPush(writer, i);
      compactMeanwhile = async () => {
        await smallPush(writer, 3);
      };
      const report = await reader.engine.syncOnce();
      // Listing, GET segment 1 (gone), listing again, GET the snapshot through 4.
      expect(report.requests).toBe(4);
      expect(await snapshot(reader.db)).toBe(await snapshot(writer.db));
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

// The three-device convergence run (faults, lost answers, cut uploads, kills) with compaction on every
// second segment and every covered segment deleted, so readers keep meeting files compacted away.
for (const name of ['lighttpd', 'nginx'] as ServerName[]) {
  const missing = missingServer(name);
  describe.skipIf(missing !== null)(`three devices converge through ${name} while compacting${missing ? ` — SKIPPED: ${missing}` : ''}`, () => {
    let server: WebDavServer;
    beforeAll(async () => {
      server = await startServer(name);
    });
    afterAll(async () => {
      await server?.stop();
    });
    const compacting: typeof makeDevice = (device, at, folder, now, extra = {}) =>
      makeDevice(device, at, folder, now, { ...extra, compactEvery: 2, compactReads: 3, compactDeletes: 'files' });

    it.each([1, 2, 3, 4])('seed %i: identical data on every device and 0 lost edits', async (seed) => {
      const result = await runConvergence({ server, seed, folder: `convergence-compacting/${name}-${seed}`, makeDevice: compacting, steps: 200 });
      expect(result.faults.drop! + result.faults.loseResponse! + result.faults.truncate!).toBeGreaterThan(0);
      expect(result.lost).toEqual([]);
      expect(result.converged).toBe(true);
      const snapshots = (await readdir(join(server.root, 'convergence-compacting', `${name}-${seed}`, 'sync-v1', 'markers'))).filter((n) => n.endsWith('.snap'));
      expect(snapshots.length).toBeGreaterThan(0);
    }, 60_000);
  });
}
