import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConvergence } from './convergence';
import { missingServer, startServer, type ServerName, type WebDavServer } from './servers';

const SEEDS = [1, 2, 3, 4];

for (const name of ['lighttpd', 'nginx'] as ServerName[]) {
  const missing = missingServer(name);
  describe.skipIf(missing !== null)(`three devices converge through ${name}${missing ? ` — SKIPPED: ${missing}` : ''}`, () => {
    let server: WebDavServer;
    beforeAll(async () => {
      server = await startServer(name);
    });
    afterAll(async () => {
      await server?.stop();
    });

    it.each(SEEDS)('seed %i: identical data on every device and 0 lost edits, under faults and kills', async (seed) => {
      const result = await runConvergence({ server, seed, folder: `convergence/${name}-${seed}` });
      // The faults really happened (a run without them would prove nothing).
      expect(result.faults.drop! + result.faults.loseResponse! + result.faults.truncate!).toBeGreaterThan(0);
      expect(result.failedSyncs).toBeGreaterThan(0);
      expect(result.lost).toEqual([]);
      expect(result.converged).toBe(true);
    }, 60_000);
  });
}
