// Sync costs and safety, against real local servers: prints figures (run: npx tsx tests/bench/sync.bench.ts).
// - requests and bytes of an idle sync and of a one-change sync (坚果云 allows ~600 requests / 30 min);
// - time to first sync 10,000 annotations to the local lighttpd server, and for a second device to pull them;
// - convergence runs (three devices, injected faults and kills) on lighttpd and nginx, and lost edits (must be 0).

import { createAnnotation, updateAnnotation } from '../../storage/annotations';
import { seededRandom } from '../../sync/random';
import { runConvergence } from '../sync/convergence';
import { makeDevice, newAnnotationInput, snapshot } from '../sync/devices';
import { missingServer, startServer, type ServerName } from '../sync/servers';

const ANNOTATIONS = 10_000;
const SEEDS = Array.from({ length: 10 }, (_, i) => 100 + i);
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
    }

    let lost = 0;
    let converged = 0;
    let edits = 0;
    let faults = 0;
    let kills = 0;
    let conflicts = 0;
    const start = performance.now();
    for (const seed of SEEDS) {
      const result = await runConvergence({ server, seed, folder: `bench/convergence-${name}-${seed}` });
      lost += result.lost.length;
      converged += result.converged ? 1 : 0;
      edits += result.edits;
      faults += result.faults.drop! + result.faults.loseResponse! + result.faults.truncate!;
      kills += result.kills;
      conflicts += result.conflicts;
      for (const line of result.lost) console.log(`  LOST (seed ${seed}): ${line}`);
    }
    console.log(
      `convergence: ${converged}/${SEEDS.length} runs converged, ${lost} lost edits, ${edits} edits, ${faults} injected faults, ${kills} kills, ${conflicts} conflicts kept  (${((performance.now() - start) / 1000).toFixed(1)} s)`,
    );
  } finally {
    await server.stop();
  }
}
