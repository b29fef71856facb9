// CouchDB sync costs and safety against a real CouchDB API (PouchDB Server on 127.0.0.1, in memory):
// prints figures (run: npx tsx tests/bench/couchdb.bench.ts).
// - requests and bytes of an idle sync and of a one-change sync, and of the pusher's next sync (its own echo);
// - time to first sync 10,000 annotations, for a second device to pull them, and the pusher's next sync;
// - convergence runs (the shared three-device harness, injected faults and kills) and lost edits (must be 0).

import { createAnnotation, updateAnnotation } from '../../storage/annotations';
import { seededRandom } from '../../sync/random';
import { describeConvergence, runConvergenceSeeds } from '../sync/convergence';
import { makeCouchDevice } from '../sync/couchdb-devices';
import { startCouchServer } from '../sync/couchdb-server';
import { newAnnotationInput, snapshot } from '../sync/devices';


const ANNOTATIONS = 10_000;
const SEEDS = Array.from({ length: 10 }, (_, i) => 100 + i);
const kb = (n: number) => (n < 10_240 ? `${n} bytes` : `${(n / 1024).toFixed(1)} KB`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const server = await startCouchServer();
try {
  console.log('== CouchDB (PouchDB Server 4.2.0, in memory, 127.0.0.1)');
  let time = 1_760_000_000_000;
  const now = () => time;
  const random = seededRandom(7);
  const [a, b] = ['bencha', 'benchb'].map((device) => makeCouchDevice(device, server, 'bench-costs', now));

  const first = await createAnnotation(a!.db, a!.clock, { ...newAnnotationInput(() => random.next()), note: '第一条' }, now());
  await a!.engine.syncOnce();
  await b!.engine.syncOnce();
  const afterFirst = await a!.engine.syncOnce(); // its own write comes back as an id and a revision, skipped
  console.log(`pusher's next sync after its first push ${afterFirst.requests} request(s), ${kb(afterFirst.bytes)}, ${afterFirst.pulled} pulled`);
  const idle = await b!.engine.syncOnce();
  console.log(`idle sync                        ${idle.requests} request(s), ${kb(idle.bytes)}`);
  time += 1_000;
  await updateAnnotation(a!.db, a!.clock, first.id, { note: '改了一个字' }, now());
  const push = await a!.engine.syncOnce();
  const pull = await b!.engine.syncOnce();
  const echo = await a!.engine.syncOnce();
  console.log(`one-change sync, pushing side    ${push.requests} request(s), ${kb(push.bytes)}`);
  console.log(`one-change sync, pulling side    ${pull.requests} request(s), ${kb(pull.bytes)}`);
  console.log(`pushing side's next sync (echo)  ${echo.requests} request(s), ${kb(echo.bytes)}, ${echo.pulled} pulled  (its own write, recognised by its revision)`);

  const [big, fresh] = ['bigsrc', 'bigdst'].map((device) => makeCouchDevice(device, server, 'bench-first-sync', now));
  const makeStart = performance.now();
  for (let i = 0; i < ANNOTATIONS; i++) {
    time += 1;
    await createAnnotation(big!.db, big!.clock, { ...newAnnotationInput(() => random.next(), `zaihaifangyu.cn/${i % 300}`), note: `笔记 ${i}`, tags: ['防汛'] }, now());
  }
  console.log(`(made ${ANNOTATIONS} annotations locally in ${seconds(performance.now() - makeStart)})`);
  let start = performance.now();
  const up = await big!.engine.syncOnce();
  console.log(`first sync of ${ANNOTATIONS} annotations (push)  ${seconds(performance.now() - start)}, ${up.requests} requests, ${kb(up.bytes)}`);
  start = performance.now();
  const down = await fresh!.engine.syncOnce();
  console.log(`new device pulls them                   ${seconds(performance.now() - start)}, ${down.requests} requests, ${kb(down.bytes)}`);
  start = performance.now();
  const back = await big!.engine.syncOnce();
  console.log(`pushing device's next sync (echo)       ${seconds(performance.now() - start)}, ${back.requests} requests, ${kb(back.bytes)}, ${back.pulled} pulled`);
  const after = await big!.engine.syncOnce();
  console.log(`and the one after (idle)                ${after.requests} request(s), ${kb(after.bytes)}`);
  console.log(`both hold the same data                 ${(await snapshot(big!.db)) === (await snapshot(fresh!.db))}`);

  const totals = await runConvergenceSeeds(SEEDS, (seed) => ({ server, seed, folder: `bench-convergence-${seed}`, makeDevice: makeCouchDevice }));
  console.log(describeConvergence('convergence', totals));
} finally {
  await server.stop();
}
