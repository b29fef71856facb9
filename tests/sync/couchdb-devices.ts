// The thin adapter that runs the shared convergence harness (convergence.ts) against CouchDB: a device
// built like devices.ts builds one, with a CouchDB backend instead of WebDAV (pass it as `makeDevice`).
// `folder` becomes the database name.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { AnyueDatabase } from '../../storage/database';
import { SCHEMA_VERSIONS } from '../../storage/schema';
import { createCouchDbBackend, type CouchDbConfig } from '../../sync/couchdb-backend';
import { createClock } from '../../sync/hlc';
import { SyncEngine } from '../../sync/sync-engine';
import { COUCH_PASSWORD, COUCH_USERNAME } from './couchdb-server';
import type { Device } from './devices';

/** Same signature as devices.ts's makeDevice; `database` is the harness's `folder`. */
export function makeCouchDevice(name: string, server: { url: string }, database: string, now: () => number, extra: Partial<CouchDbConfig> = {}): Device {
  const db = new AnyueDatabase(`couch-device-${name}-${Math.random()}`, SCHEMA_VERSIONS, { indexedDB: new IDBFactory(), IDBKeyRange });
  const config: CouchDbConfig = { url: server.url, database, username: COUCH_USERNAME, password: COUCH_PASSWORD, retries: 1, retryDelayMs: 0, ...extra };
  const device = {} as Device;
  const build = () => {
    device.clock = createClock(name, now);
    device.backend = createCouchDbBackend(config);
    device.engine = new SyncEngine(db, device.clock, device.backend, { now });
  };
  Object.assign(device, { name, db, restart: build });
  build();
  return device;
}
