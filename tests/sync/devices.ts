// Simulated devices for sync tests: each has its own IndexedDB (a separate fake-indexeddb factory), its
// own clock and its own backend instance; "killing" one throws its in-memory state away, as the browser
// does to an idle service worker, and keeps only its database.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describeSpan } from '../../anchoring/selectors';
import type { Annotation } from '../../records/annotation';
import type { NewAnnotation } from '../../storage/annotations';
import { recordAnalysis, recordVisit } from '../../storage/articles';
import { AnyueDatabase } from '../../storage/database';
import { SCHEMA_VERSIONS } from '../../storage/schema';
import { withSyncState } from '../../sync/merge';
import { createClock, type Clock } from '../../sync/hlc';
import { SyncEngine } from '../../sync/sync-engine';
import { createWebDavBackend, type WebDavConfig } from '../../sync/webdav-backend';
import type { SyncBackend } from '../../sync/backend';
import { PASSWORD, USERNAME } from './servers';

export interface Device {
  name: string;
  db: AnyueDatabase;
  clock: Clock;
  backend: SyncBackend;
  engine: SyncEngine;
  /** Throws away everything but the database (a killed service worker), keeping the same settings. */
  restart(): void;
}

export function makeDevice(name: string, server: { url: string }, folder: string, now: () => number, extra: Partial<WebDavConfig> = {}): Device {
  const db = new AnyueDatabase(`device-${name}`, SCHEMA_VERSIONS, { indexedDB: new IDBFactory(), IDBKeyRange });
  const config: WebDavConfig = { url: server.url, username: USERNAME, password: PASSWORD, folder, retries: 1, retryDelayMs: 0, ...extra };
  const device = {} as Device;
  const build = () => {
    device.clock = createClock(name, now);
    device.backend = createWebDavBackend(config);
    device.engine = new SyncEngine(db, device.clock, device.backend, { now });
  };
  Object.assign(device, { name, db, restart: build });
  build();
  return device;
}

const TEXT = '应急管理部召开会议,要坚持人民至上、生命至上,统筹发展和安全,全力做好防汛救灾工作。'.repeat(3);

export function newAnnotationInput(random: () => number, articleKey = 'zaihaifangyu.cn/5288'): NewAnnotation {
  const start = Math.floor(random() * (TEXT.length - 12));
  return {
    articleKey,
    articleUrl: `https://${articleKey}.html`,
    articleTitle: '防汛救灾',
    kind: 'highlight',
    target: describeSpan(TEXT, start, start + 6),
    colour: 'yellow',
    note: '',
    tags: [],
    speakers: [],
    excerpt: null,
  };
}

/** The reader opens article `n` at `at` and the analysis finds `speaker`: a visit and an analysis, as the handlers write them. */
export async function readArticle(db: AnyueDatabase, n: number, at: number, speaker: string): Promise<void> {
  const key = `zaihaifangyu.cn/${n}`;
  const meta = { key, postId: String(n), url: `https://zaihaifangyu.cn/${n}.html`, title: `文章${n}`, categories: ['新闻播报'], publishedAt: '2024-06-01', author: null, source: null, textLength: 900 };
  await recordVisit(db, meta, at);
  const summary = { speakers: [{ name: speaker, title: '局长', org: '应急管理局', first: { start: 0, end: speaker.length }, passages: [] }], people: [], phrases: [] };
  await recordAnalysis(db, key, summary, at);
}

/** A device's records in a form two devices holding the same data print identically. */
export async function snapshot(db: AnyueDatabase): Promise<string> {
  const byKey = <T>(key: (value: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : 1);
  const annotations = (await db.annotations.toArray()).map((a: Annotation) => withSyncState(a)).sort(byKey((a) => a.id));
  const corrections = (await db.corrections.toArray()).sort(byKey((c) => c.id));
  const articles = (await db.articles.toArray()).sort(byKey((a) => a.key));
  const analyses = (await db.analyses.toArray()).sort(byKey((a) => a.articleKey));
  return stableJson({ annotations, corrections, articles, analyses });
}

/** JSON with object keys sorted, so equal data prints equally whatever order fields were set in. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}
