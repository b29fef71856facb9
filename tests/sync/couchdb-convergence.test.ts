// The shared three-device convergence run (convergence.ts), with CouchDB devices, against a real CouchDB API
// (PouchDB Server on 127.0.0.1): seeded concurrent edits, deletes, restores and corrections while requests
// are dropped, answers lost and the "service worker" killed; then every device must hold the same data and
// the ledger must find 0 lost edits.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuthorization } from '../../sync/webdav-backend';
import { COUCH_PASSWORD, COUCH_USERNAME, startCouchServer, type CouchServer } from './couchdb-server';
import { runConvergence } from './convergence';
import { makeCouchDevice } from './couchdb-devices';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('three devices converge through CouchDB (PouchDB Server)', () => {
  let server: CouchServer;
  beforeAll(async () => {
    server = await startCouchServer();
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
  });

  it.each(SEEDS)('seed %i: identical data on every device and 0 lost edits, under faults and kills', async (seed) => {
    const result = await runConvergence({ server, seed, folder: `convergence-${seed}`, makeDevice: makeCouchDevice });
    // The faults really happened (a run without them would prove nothing).
    expect(result.faults.drop! + result.faults.loseResponse!).toBeGreaterThan(0);
    expect(result.failedSyncs).toBeGreaterThan(0);
    expect(result.lost).toEqual([]);
    expect(result.converged).toBe(true);
    // And it really went through CouchDB: the run's database holds the records.
    const info = await fetch(`${server.url}convergence-${seed}`, { headers: { Authorization: basicAuthorization(COUCH_USERNAME, COUCH_PASSWORD) } });
    expect(((await info.json()) as { doc_count: number }).doc_count).toBeGreaterThan(5);
  }, 60_000);
});
