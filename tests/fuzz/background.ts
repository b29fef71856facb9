// The real background router over a real Dexie database (fake-indexeddb in Node), with in-memory storage
// areas and recording fakes for what only a browser has (tabs, broadcasts). Used by the restore tests and
// the fuzz suite; the same wiring messaging/background-router.test.ts uses.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createBackground, type BackgroundDeps, type MessageSender } from '../../messaging/background-router';
import type { Message } from '../../messaging/protocol';
import { AnyueDatabase } from '../../storage/database';
import { SCHEMA_VERSIONS } from '../../storage/schema';
import { createClock } from '../../sync/hlc';

export const EXTENSION = 'chrome-extension://abcdefghijklmnop/';

/** The senders a message can come from: the article page's content script, the sidebar, the library, anyone else. */
export const SENDERS = {
  page: { tab: { id: 7 }, frameId: 0, url: 'https://zaihaifangyu.cn/5288.html' },
  sidebar: { tab: { id: 7 }, frameId: 3, url: `${EXTENSION}sidebar.html` },
  library: { url: `${EXTENSION}library.html` },
  unknown: { tab: { id: 9 }, frameId: 0, url: 'https://example.com/evil.html' },
} satisfies Record<string, MessageSender>;
export type SenderKind = keyof typeof SENDERS;

function memoryArea() {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key: string) => (data.has(key) ? { [key]: structuredClone(data.get(key)) } : {}),
    set: async (items: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
    },
    remove: async (key: string) => void data.delete(key),
  };
}

export interface TestBackground {
  db: AnyueDatabase;
  handle(raw: unknown, sender: MessageSender): ReturnType<ReturnType<typeof createBackground>['handleMessage']>;
  broadcasts: Message[];
  logs: string[];
  /** storage.local, where the preferences live. */
  preferences: ReturnType<typeof memoryArea>;
  close(): Promise<void>;
}

export function makeBackground(name = `bg-${Math.random()}`, now: () => number = Date.now): TestBackground {
  const db = new AnyueDatabase(name, SCHEMA_VERSIONS, { indexedDB: new IDBFactory(), IDBKeyRange });
  const broadcasts: Message[] = [];
  const logs: string[] = [];
  const preferences = memoryArea();
  const deps: BackgroundDeps = {
    db,
    clock: Promise.resolve(createClock('fuzz-device', now)),
    preferences,
    session: memoryArea(),
    sendToTab: async (_tabId, message) => (message.type === 'sidebar/toggle' ? { ok: true, open: false } : { ok: true }),
    extensionBase: EXTENSION,
    broadcast: (message) => void broadcasts.push(message),
    openTab: async () => undefined,
    openUrl: async () => undefined,
    focusTab: async () => undefined,
    setTabPopup: () => undefined,
    sync: {
      syncNow: async () => ({ ok: true, report: { pushed: 0, pulled: 0, conflicts: 0, requests: 0, bytes: 0 } }),
      changed: () => undefined,
      test: async () => ({ ok: true, report: null }),
      status: async () => ({ lastAttemptAt: null, lastSuccessAt: null, pendingChanges: 0, lastError: null, retryNotBefore: null, lastReport: null }),
      reset: () => undefined,
    },
    log: (reason) => void logs.push(reason),
  };
  const background = createBackground(deps);
  return { db, handle: background.handleMessage, broadcasts, logs, preferences, close: () => db.delete() };
}

/** Every table of the database, each row as JSON, sorted: equal strings mean byte-for-byte equal data. */
export async function databaseSnapshot(db: AnyueDatabase): Promise<string> {
  const tables: Record<string, string[]> = {};
  for (const table of db.tables) tables[table.name] = (await table.toArray()).map((row) => JSON.stringify(row)).sort();
  return JSON.stringify(tables);
}
