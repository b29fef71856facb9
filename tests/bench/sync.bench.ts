// Sync costs and safety, against real local servers: prints figures (run: npx tsx tests/bench/sync.bench.ts).
// - requests and bytes of an idle sync and of a one-change sync (坚果云 allows ~600 requests / 30 min);
// - time to first sync 10,000 annotations to the local lighttpd server, and for a second device to pull them;
// - a new device's first sync after a long history of small pushes (lighttpd): requests before compaction,
//   what catching up on compaction costs, requests after; and what compacting as it goes adds to a push;
// - convergence runs (three devices, injected faults and kills) on lighttpd and nginx, and lost edits (must be 0);
//   and the same with aggressive compaction (every second segment, every covered segment deleted).

import { createAnnotation, updateAnnotation } from '../../storage/annotations';
import { seededRandom } from '../../sync/random';
import { SyncEngine } from '../../sync/sync-engine';
import { createWebDavBackend } from '../../sync/webdav-backend';
import { describeConvergence, runConvergenceSeeds } from '../sync/convergence';
import { makeDevice, newAnnotationInput, snapshot, type Device } from '../sync/devices';
import { missingServer, PASSWORD, startServer, USERNAME, type ServerName } from '../sync/servers';

const ANNOTATIONS = 10_000;
const SEEDS = Array.from({ length: 10 }, (_, i) => 100 + i);
const HISTORY = 2_000;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

for (const name of ['lighttpd', 'nginx'] as ServerName[]) {
  const missing = missingServer(name);
  if (missing) {
    console.log(`${name}: skipped — ${missing}`);
    continue;
  }
  const server = await startServer(name);
  try {
    console.log(`\n== ${name}`);
    let time = 1_760_000_000_000;
    const now = () => time;
    const random = seededRandom(7);
    const [a, b] = ['bencha', 'benchb'].map((device) => makeDevice(`${device}${name}`, server, `bench/${name}`, now));

    const first = await createAnnotation(a!.db, a!.clock, { ...newAnnotationInput(() => random.next()), note: '第一条' }, now());
    await a!.engine.syncOnce();
    await b!.engine.syncOnce();
    const idle = await b!.engine.syncOnce();
    console.log(`idle sync                       ${idle.requests} request(s), ${kb(idle.bytes)}`);
    time += 1_000;
    await updateAnnotation(a!.db, a!.clock, first.id, { note: '改了一个字' }, now());
    const push = await a!.engine.syncOnce();
    const pull = await b!.engine.syncOnce();
    console.log(`one-change sync, pushing side   ${push.requests} request(s), ${kb(push.bytes)}`);
    console.log(`one-change sync, pulling side   ${pull.requests} request(s), ${kb(pull.bytes)}`);

    if (name === 'lighttpd') {
      const [big, fresh] = ['bigsrc', 'bigdst'].map((device) => makeDevice(device, server, 'bench/first-sync', now));
      const makeStart = performance.now();
      for (let i = 0; i < ANNOTATIONS; i++) {
        time += 1;
        await createAnnotation(big!.db, big!.clock, { ...newAnnotationInput(() => random.next(), `zaihaifangyu.cn/${i % 300}`), note: `笔记 ${i}`, tags: ['防汛'] }, now());
      }
      console.log(`(made ${ANNOTATIONS} annotations locally in ${((performance.now() - makeStart) / 1000).toFixed(1)} s)`);
      let start = performance.now();
      const up = await big!.engine.syncOnce();
      console.log(`first sync of ${ANNOTATIONS} annotations (push)  ${((performance.now() - start) / 1000).toFixed(2)} s, ${up.requests} requests, ${kb(up.bytes)}`);
      start = performance.now();
      const down = await fresh!.engine.syncOnce();
      console.log(`new device pulls them            ${((performance.now() - start) / 1000).toFixed(2)} s, ${down.requests} requests, ${kb(down.bytes)}`);
      console.log(`both hold the same data          ${(await snapshot(big!.db)) === (await snapshot(fresh!.db))}`);

      // A long history: HISTORY syncs of one small change each (a new record, or every third an edit).
      const history = async (device: Device) => {
        let requests = 0;
        for (let i = 0; i < HISTORY; i++) {
          time += 1_000;
          const records = i % 3 === 1 ? await device.db.annotations.limit(50).toArray() : [];
          if (records.length) await updateAnnotation(device.db, device.clock, records[i % records.length]!.id, { note: `改 ${i}` }, now());
          else await createAnnotation(device.db, device.clock, { ...newAnnotationInput(() => random.next()), note: `笔记 ${i}` }, now());
          requests += (await device.engine.syncOnce()).requests;
        }
        return requests / HISTORY;
      };
      const firstSync = async (device: Device, of: Device, what: string) => {
        const start = performance.now();
        const report = await device.engine.syncOnce();
        const same = (await snapshot(device.db)) === (await snapshot(of.db));
        console.log(`${what.padEnd(56)} ${report.requests} requests, ${kb(report.bytes)}, ${((performance.now() - start) / 1000).toFixed(2)} s, same data: ${same}`);
      };
      const legacy = makeDevice('histold', server, 'bench/history', now, { compactEvery: 0 });
      const plainPush = await history(legacy);
      await firstSync(makeDevice('histnew1', server, 'bench/history', now), legacy, `new device after ${HISTORY} pushes, no compaction`);
      // The same device switches compaction on: its long history is folded in over a few syncs.
      const backend = createWebDavBackend({ url: server.url, username: USERNAME, password: PASSWORD, folder: 'bench/history', retries: 1, retryDelayMs: 0 });
      const compacting = new SyncEngine(legacy.db, legacy.clock, backend, { now });
      const catchUp: number[] = [];
      for (let round = 0; round < 100; round++) {
        const report = await compacting.syncOnce();
        if (report.requests === 1) break;
        catchUp.push(report.requests);
      }
      console.log(`catching up on compaction                                ${catchUp.length} syncs, ${catchUp.reduce((a, b) => a + b, 0)} requests, at most ${Math.max(...catchUp)} in one sync`);
      await firstSync(makeDevice('histnew2', server, 'bench/history', now), legacy, `new device after ${HISTORY} pushes, compacted`);
      const ongoing = makeDevice('histcompact', server, 'bench/history-compacting', now);
      const compactingPush = await history(ongoing);
      console.log(`requests per push over ${HISTORY} pushes                     ${plainPush.toFixed(2)} without compaction, ${compactingPush.toFixed(2)} compacting every 32`);
      await firstSync(makeDevice('histnew3', server, 'bench/history-compacting', now), ongoing, `new device after ${HISTORY} pushes, compacting as it went`);
    }

    console.log(describeConvergence('convergence', await runConvergenceSeeds(SEEDS, (seed) => ({ server, seed, folder: `bench/convergence-${name}-${seed}` }))));
    const compactingDevice: typeof makeDevice = (device, at, folder, clock, extra = {}) =>
      makeDevice(device, at, folder, clock, { ...extra, compactEvery: 2, compactReads: 3, compactDeletes: 'files' });
    const compacting = await runConvergenceSeeds(SEEDS, (seed) => ({
      server,
      seed,
      folder: `bench/convergence-compacting-${name}-${seed}`,
      makeDevice: compactingDevice,
    }));
    console.log(describeConvergence('convergence while compacting every 2nd segment', compacting));
  } finally {
    await server.stop();
  }
}
