// Faults the fuzz suite found, each kept as a plain test (the CouchDB one lives in sync/couchdb-backend.test.ts).

import { describe, expect, it } from 'vitest';
import { databaseSnapshot, makeBackground, SENDERS } from './background';

describe('found by the fuzz suite', () => {
  it('a message whose type is an object without a prototype is refused, not thrown on', async () => {
    const background = makeBackground();
    try {
      const before = await databaseSnapshot(background.db);
      for (const from of Object.values(SENDERS)) {
        const reply = await background.handle({ type: Object.create(null) }, from);
        expect(reply).toEqual({ ok: false, error: expect.stringContaining('unknown type object') });
      }
      expect(await databaseSnapshot(background.db)).toBe(before);
    } finally {
      await background.close();
    }
  });
});
