// devices.ts as the shared convergence harness sees it, with CouchDB devices: for scripts (the bench) that
// cannot use vi.mock, a module-resolution hook points the harness's import of './devices' here.

export * from './devices';
export { makeCouchDevice as makeDevice } from './couchdb-devices';
