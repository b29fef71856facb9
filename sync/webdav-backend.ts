// Sync through any WebDAV server (坚果云 Jianguoyun, Nextcloud, Synology, lighttpd, nginx…), with `fetch`
// only, so it runs in an MV3 service worker or a Firefox background page.
//
// Layout under <folder>/sync-v1/ — no file is ever written by two devices, so nothing relies on If-Match
// or LOCK (nginx ignores preconditions, Apache's are not atomic):
//   devices/<device>/<bucket>/<seq>.seg  immutable, checksummed segments of one device's changes, numbered
//                                        1, 2, 3…; 500 per bucket folder, so no folder nears 坚果云's
//                                        750-entry listing cap and readers never list them at all.
//   devices/<device>/<through>.snap      immutable, checksummed snapshot: the merged state of that device's
//                                        segments 1…<through> (see Compaction below).
//   markers/<device>.<seq>               empty files: the highest <seq> is how far that device has published.
//   markers/<device>.<through>.snap      empty files: the highest <through> names that device's newest snapshot.
// One `PROPFIND Depth: 1` of markers/ tells every device's progress from file *names* (never ETags: nginx
// keeps an ETag across a same-size rewrite), so an idle sync is one request. A device publishes a new
// marker after its segments are stored, and again on any later sync if that failed; older markers of
// its own are deleted in batches. Parents are never assumed: a missing folder is created level by level.
//
// Compaction. Without it a new device reads every segment every device ever wrote (thousands of requests
// against 坚果云's ~600 per 30 minutes). Once a device has published `compactEvery` segments past its
// newest snapshot, its publish step (1) reads its previous snapshot and the segments after it back — at most
// `compactReads` per sync, so a long history is caught up over several syncs — and folds them into one
// batch (records merged by the field rules, tombstones kept); (2) PUTs that as a new immutable snapshot
// named by the last segment it covers; (3) PUTs the snapshot marker; only then (4) lists its own device
// folder and deletes the older snapshots and the segment folders the snapshot wholly covers, and (5)
// deletes its older snapshot markers. Killed anywhere, nothing readable is lost: before (3) no reader
// knows the new snapshot and every segment is still there; after (3) the snapshot holds everything the
// deleted files held; the next compaction redoes the tidying. A reader behind a device's newest snapshot
// reads the snapshot (one request) and then only the segments after it; a reader close behind reads the
// segments it lacks and falls back to the snapshot when one was deleted; a file missing after a listing
// makes it list the markers once more (a compaction may have run meanwhile). Records merge idempotently,
// so reading something twice changes nothing.

import type { BackendSession, ChangeBatch, SyncBackend } from './backend';
import { SyncError } from './errors';
import { createRequester, serverUrl, type Reply, type RetryOptions } from './http';
import { batchFolder, decodeSegment, decodeSnapshot, encodeSegment, encodeSnapshot } from './segment';

export interface WebDavConfig extends RetryOptions {
  /** The server's WebDAV root, e.g. https://dav.jianguoyun.com/dav/ */
  url: string;
  username: string;
  /** Any Unicode characters (sent as UTF-8). */
  password: string;
  /** Folder under the root for 安阅's files, e.g. "安阅" or "apps/anyue" (created when missing). */
  folder: string;
  /** Segments published past the newest own snapshot that make this device write a new one. 0: never. Default 32. */
  compactEvery?: number;
  /** Own segments read back by one compaction at most (a long history is caught up over several syncs). Default 64. */
  compactReads?: number;
  /**
   * What a compaction deletes once its snapshot is published: 'folders' (default) deletes whole segment
   * folders the snapshot covers (one request per 500 segments; the current folder's covered files stay
   * until it is full), 'files' also each covered segment (one request per segment).
   */
  compactDeletes?: 'folders' | 'files';
}

export const SEGMENTS_PER_FOLDER = 500;
/** Own markers kept before the older ones are deleted (bounded listing, few DELETEs). */
const MARKERS_KEPT = 4;
const MARKER_NAME = /^([\w-]{1,64})\.(\d{1,12})$/;
const SNAPSHOT_MARKER_NAME = /^([\w-]{1,64})\.(\d{1,12})\.snap$/;
const SNAPSHOT_FILE_NAME = /^(\d{8,12})\.snap$/;
const SEGMENT_FOLDER_NAME = /^\d{4,8}$/;
/** A reader at most this many segments behind a snapshot reads those segments rather than the whole snapshot. */
export const SEGMENTS_BEFORE_SNAPSHOT = 4;
/** Statuses servers give a PUT whose parent folder is missing (nginx: 500, 坚果云: 403/404/409). */
const MISSING_PARENT = new Set([403, 404, 409, 500]);

/** `Authorization` for Basic auth over the UTF-8 bytes of user:password (btoa alone breaks on non-Latin-1). */
export function basicAuthorization(username: string, password: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(`${username}:${password}`)) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** Retry-After as milliseconds (seconds or an HTTP date), or null. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Names of the entries a PROPFIND multistatus lists (last path segment, decoded), without DOMParser. */
export function listedNames(xml: string): string[] {
  const names: string[] = [];
  for (const match of xml.matchAll(/<(?:[\w-]+:)?href(?:\s[^>]*)?>([^<]*)<\/(?:[\w-]+:)?href\s*>/gi)) {
    const raw = match[1]!.trim().replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (entity, name: string) => {
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      if (named[name.toLowerCase()]) return named[name.toLowerCase()]!;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    });
    let path = raw.replace(/^[a-z]+:\/\/[^/]*/i, '').replace(/\/+$/, '');
    try {
      path = decodeURIComponent(path);
    } catch {
      continue; // not a name we wrote
    }
    names.push(path.slice(path.lastIndexOf('/') + 1));
  }
  return names;
}

/** Numbers carried by marker names matching `pattern` (device, number), per device, ascending. */
function numbersByDevice(names: readonly string[], pattern: RegExp): Map<string, number[]> {
  const byDevice = new Map<string, number[]>();
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    const list = byDevice.get(match[1]!) ?? [];
    list.push(Number(match[2]));
    byDevice.set(match[1]!, list);
  }
  for (const list of byDevice.values()) list.sort((a, b) => a - b);
  return byDevice;
}

/** Each device's published sequence numbers (progress markers), ascending. */
export const readMarkers = (names: readonly string[]) => numbersByDevice(names, MARKER_NAME);

/** Each device's snapshots (the last segment each covers), from the snapshot markers' names, ascending. */
export const readSnapshotMarkers = (names: readonly string[]) => numbersByDevice(names, SNAPSHOT_MARKER_NAME);

export const snapshotPath = (device: string, through: number) => ['devices', device, `${String(through).padStart(8, '0')}.snap`];

/** Segment folder names (as listed in devices/<device>/) that hold only segments up to `through`. */
export function coveredSegmentFolders(names: readonly string[], through: number): string[] {
  return names.filter((name) => SEGMENT_FOLDER_NAME.test(name) && (Number(name) + 1) * SEGMENTS_PER_FOLDER - 1 <= through);
}

/** Snapshot file names (as listed in devices/<device>/) older than the snapshot through `through`. */
export function olderSnapshotFiles(names: readonly string[], through: number): string[] {
  return names.filter((name) => {
    const match = SNAPSHOT_FILE_NAME.exec(name);
    return match !== null && Number(match[1]) < through;
  });
}

export const segmentPath = (device: string, seq: number) =>
  ['devices', device, String(Math.floor(seq / SEGMENTS_PER_FOLDER)).padStart(4, '0'), `${String(seq).padStart(8, '0')}.seg`];

/** Positions the engine stores for this backend. */
interface PushPosition {
  seq: number;
}
type PullPosition = Record<string, number>;

function parsePosition<T extends object>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as T) : fallback;
  } catch {
    return fallback;
  }
}

export function createWebDavBackend(config: WebDavConfig): SyncBackend {
  const base = serverUrl(config.url);
  if (!config.username || config.username.includes(':')) throw new SyncError('config', 'The user name must not be empty or contain ":".');
  const folderParts = config.folder.split('/').map((part) => part.trim()).filter(Boolean);
  if (!folderParts.length || folderParts.some((part) => part === '.' || part === '..')) {
    throw new SyncError('config', 'Choose a folder for 安阅 on the server (for example 安阅); the server root cannot hold files on 坚果云.');
  }
  const root = [...folderParts, 'sync-v1'];
  const authorization = basicAuthorization(config.username, config.password);
  const baseHref = base.href.endsWith('/') ? base.href : `${base.href}/`;
  const compactEvery = Math.max(0, config.compactEvery ?? 32);
  const compactReads = Math.max(1, config.compactReads ?? 64);
  const compactDeletes = config.compactDeletes ?? 'folders';

  const urlOf = (parts: readonly string[], folder = false) =>
    baseHref + [...root, ...parts].map(encodeURIComponent).join('/') + (folder ? '/' : '');
  const describePath = (parts: readonly string[]) => [...root, ...parts].join('/');

  function failure(reply: Reply, what: string): SyncError {
    const { status } = reply;
    if (status === 401) return new SyncError('auth', `The server refused the user name or password (HTTP 401) while ${what}. 坚果云 needs an app password (账户信息 → 安全选项 → 第三方应用管理), not the login password.`, { status });
    if (status === 403) return new SyncError('permission', `The server does not let this account do that (HTTP 403) while ${what}.`, { status });
    if (status === 404 || status === 409) return new SyncError('path', `The folder is missing on the server and could not be created (HTTP ${status}) while ${what}. Check the server address and folder.`, { status });
    if (status === 429 || (status === 503 && /BlockedTemporarily/i.test(reply.text))) {
      const retryAfterMs = parseRetryAfter(reply.headers.get('Retry-After')) ?? (status === 429 ? 60_000 : 30 * 60_000);
      return new SyncError('rate-limited', `The server asked 安阅 to slow down (HTTP ${status}); sync will try again in ${Math.ceil(retryAfterMs / 60_000)} min.`, { status, retryAfterMs });
    }
    if (status === 507) return new SyncError('server', 'The server has no space left (HTTP 507).', { status });
    return new SyncError('server', `The server failed (HTTP ${status}) while ${what}.`, { status });
  }

  // 坚果云's BlockedTemporarily 503 is a rate limit, not a hiccup: never retried at once.
  const http = createRequester(config, (reply) => reply.status === 502 || reply.status === 504 || (reply.status === 503 && !/BlockedTemporarily/i.test(reply.text)));
  const { traffic } = http;

  function send(method: string, url: string, what: string, init: { body?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
    return http.request(url, { method, headers: { Authorization: authorization, ...init.headers }, body: init.body, redirect: 'follow', cache: 'no-store' }, what);
  }

  /** Creates each folder level from the sync root down to `parts` (existing ones answer 405 or 301). */
  async function makeFolders(parts: readonly string[]): Promise<void> {
    const levels = [...folderParts.map((_, i) => folderParts.slice(0, i + 1)), root, ...parts.map((_, i) => [...root, ...parts.slice(0, i + 1)])];
    for (const level of levels) {
      const reply = await send('MKCOL', baseHref + level.map(encodeURIComponent).join('/') + '/', `creating the folder ${level.join('/')}`);
      if (reply.status === 201 || reply.status === 405 || reply.status === 301 || reply.status === 200) continue;
      throw failure(reply, `creating the folder ${level.join('/')}`);
    }
  }

  /** PUT that creates missing parent folders once and tries again. */
  async function put(parts: readonly string[], body: string): Promise<void> {
    const what = `writing ${describePath(parts)}`;
    const headers = { 'Content-Type': 'application/octet-stream' };
    let reply = await send('PUT', urlOf(parts), what, { body, headers });
    if (MISSING_PARENT.has(reply.status)) {
      await makeFolders(parts.slice(0, -1));
      reply = await send('PUT', urlOf(parts), what, { body, headers });
    }
    if (reply.status < 200 || reply.status >= 300) throw failure(reply, what);
  }

  /** Names in a folder (PROPFIND Depth: 1), or null when the folder does not exist. */
  async function list(parts: readonly string[], what: string): Promise<string[] | null> {
    const body = '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/></d:prop></d:propfind>';
    const headers = { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' };
    const reply = await send('PROPFIND', urlOf(parts, true), what, { body, headers });
    if (reply.status === 404) return null;
    if (reply.status !== 207) throw failure(reply, what);
    return listedNames(reply.text);
  }

  async function listMarkers(): Promise<string[]> {
    const names = await list(['markers'], 'reading the sync folder');
    if (names) return names;
    // First sync into this folder: make it, then there is nothing to read yet.
    await makeFolders(['markers']);
    return [];
  }

  /** DELETE that takes "already gone" for done. */
  async function remove(parts: readonly string[], what: string, folder = false): Promise<void> {
    const reply = await send('DELETE', urlOf(parts, folder), what);
    if ((reply.status < 200 || reply.status >= 300) && reply.status !== 404) throw failure(reply, what);
  }

  /** A file's text, or null when it does not exist. */
  async function read(parts: readonly string[]): Promise<string | null> {
    const what = `reading ${describePath(parts)}`;
    const reply = await send('GET', urlOf(parts), what);
    if (reply.status === 404) return null;
    if (reply.status !== 200) throw failure(reply, what);
    return reply.text;
  }

  /**
   * Writes a snapshot of `device`'s segments from its snapshot `from` (0: none) on, publishes it, then tidies
   * what it makes redundant. Resolves with the segment the new snapshot covers up to.
   */
  async function compact(device: string, from: number, published: number, ownSnapshots: readonly number[]): Promise<number> {
    const through = Math.min(published, from + compactReads);
    const folder = batchFolder();
    const missing = (parts: readonly string[]) =>
      new SyncError('corrupt', `The sync file ${describePath(parts)} of this device is missing; its changes cannot be compacted (other devices cannot read it either).`, { status: 404 });
    if (from > 0) {
      const parts = snapshotPath(device, from);
      const text = await read(parts);
      if (text === null) throw missing(parts);
      folder.add(await decodeSnapshot(text, device, from));
    }
    for (let seq = from + 1; seq <= through; seq++) {
      const parts = segmentPath(device, seq);
      const text = await read(parts);
      if (text === null) throw missing(parts);
      folder.add(await decodeSegment(text, device, seq));
    }
    await put(snapshotPath(device, through), await encodeSnapshot(device, through, folder.result()));
    await put(['markers', `${device}.${through}.snap`], '');
    // Published: from here on the snapshot holds everything the files below held.
    const what = 'tidying files the new snapshot covers';
    const names = (await list(['devices', device], what)) ?? [];
    for (const name of olderSnapshotFiles(names, through)) await remove(['devices', device, name], what);
    for (const name of coveredSegmentFolders(names, through)) await remove(['devices', device, name], what, true);
    if (compactDeletes === 'files') {
      for (let seq = from + 1; seq <= through; seq++) await remove(segmentPath(device, seq), what);
    }
    for (const old of ownSnapshots) if (old < through) await remove(['markers', `${device}.${old}.snap`], 'tidying old snapshot markers');
    return through;
  }

  async function open(device: string, pushedText: string | null, pulledText: string | null): Promise<BackendSession> {
    const names = await listMarkers();
    const markers = readMarkers(names);
    const own = markers.get(device) ?? [];
    let published = own.length ? own[own.length - 1]! : 0;
    let ownSnapshots = readSnapshotMarkers(names).get(device) ?? [];
    const latest = new Map<string, number>();
    const snapshots = new Map<string, number>();
    /** Takes in a listing of markers/ (others' progress and newest snapshots; numbers only ever grow). */
    const learn = (listed: readonly string[]) => {
      for (const [other, list] of readMarkers(listed)) if (other !== device) latest.set(other, Math.max(latest.get(other) ?? 0, list[list.length - 1]!));
      for (const [other, list] of readSnapshotMarkers(listed)) {
        if (other !== device) snapshots.set(other, Math.max(snapshots.get(other) ?? 0, list[list.length - 1]!));
      }
    };
    learn(names);
    let relisted = false;
    /** Lists the markers again, once per sync, after a published file was missing; true if it did. */
    const relist = async () => {
      if (relisted) return false;
      relisted = true;
      learn(await listMarkers());
      return true;
    };
    const startPulled = parsePosition<PullPosition>(pulledText, {});
    const failed = new Set<string>();
    const problems: Error[] = [];
    const hasIncoming = [...latest].some(([d, seq]) => seq > (Number(startPulled[d]) || 0));

    /** Reads `other`'s snapshot through `through` (null: missing); a damaged one fails that device for this sync. */
    async function readSnapshot(other: string, through: number): Promise<ChangeBatch | null | 'failed'> {
      const text = await read(snapshotPath(other, through));
      if (text === null) return null;
      try {
        return await decodeSnapshot(text, other, through);
      } catch (error) {
        failed.add(other);
        problems.push(error as Error);
        return 'failed';
      }
    }

    return {
      hasIncoming,
      problems,
      async push(batch: ChangeBatch, pushedPosition: string | null): Promise<string> {
        // Never reuse a number the server already shows (a restored profile), even if this device forgot it.
        const seq = Math.max(Number(parsePosition<PushPosition>(pushedPosition, { seq: 0 }).seq) || 0, published) + 1;
        await put(segmentPath(device, seq), await encodeSegment(device, seq, batch));
        return JSON.stringify({ seq } satisfies PushPosition);
      },
      async publish(pushedPosition: string | null): Promise<void> {
        const seq = Number(parsePosition<PushPosition>(pushedPosition, { seq: 0 }).seq) || 0;
        if (seq > published) {
          await put(['markers', `${device}.${seq}`], '');
          published = seq;
          const stale = own.filter((n) => n < seq);
          if (stale.length >= MARKERS_KEPT) {
            for (const n of stale) await remove(['markers', `${device}.${n}`], 'tidying old progress markers');
            own.splice(0, own.length);
          }
        }
        const newest = ownSnapshots.length ? ownSnapshots[ownSnapshots.length - 1]! : 0;
        if (compactEvery === 0 || published - newest < compactEvery) return;
        try {
          ownSnapshots = [await compact(device, newest, published, ownSnapshots)];
        } catch (error) {
          // Everything is published already: a compaction that could not finish is tried again next sync, and
          // must not keep this device from pulling. Being told to slow down (or killed) still stops the sync.
          if (!(error instanceof SyncError) || error.kind === 'rate-limited' || error.kind === 'auth' || error.kind === 'permission') throw error;
          problems.push(error);
        }
      },
      async pull(pulledPosition: string | null) {
        const pulled = parsePosition<PullPosition>(pulledPosition, {});
        const fromSnapshot = async (other: string, through: number) => {
          const batch = await readSnapshot(other, through);
          return batch === null || batch === 'failed' ? batch : { batch, pulled: JSON.stringify({ ...pulled, [other]: through }) };
        };
        retry: for (;;) {
          for (const [other, seq] of [...latest].sort(([a], [b]) => (a < b ? -1 : 1))) {
            const have = Number(pulled[other]) || 0;
            if (failed.has(other) || seq <= have) continue;
            const snapshot = snapshots.get(other) ?? 0;
            const next = have + 1;
            if (snapshot > have && (have === 0 || snapshot - have > SEGMENTS_BEFORE_SNAPSHOT)) {
              // Far behind this device's newest snapshot: one file instead of the segments up to it.
              const result = await fromSnapshot(other, snapshot);
              if (result === 'failed') continue;
              if (result) return result;
              // Replaced by a newer snapshot since the listing?
              if (await relist()) continue retry;
              failed.add(other);
              problems.push(new SyncError('corrupt', `The sync file ${describePath(snapshotPath(other, snapshot))} is missing although device ${other} published it; its later changes wait until it is back.`, { status: 404 }));
              continue;
            }
            const parts = segmentPath(other, next);
            const text = await read(parts);
            if (text === null) {
              // Compacted away: a snapshot covers it (known, or published since the listing).
              if (snapshot >= next || ((await relist()) && (snapshots.get(other) ?? 0) >= next)) {
                const result = await fromSnapshot(other, snapshots.get(other)!);
                if (result === 'failed') continue;
                if (result) return result;
                if (await relist()) continue retry;
              }
              failed.add(other);
              problems.push(new SyncError('corrupt', `The sync file ${describePath(parts)} is missing although device ${other} published it; its later changes wait until it is back.`, { status: 404 }));
              continue;
            }
            let batch: ChangeBatch;
            try {
              batch = await decodeSegment(text, other, next);
            } catch (error) {
              failed.add(other);
              problems.push(error as Error);
              continue;
            }
            return { batch, pulled: JSON.stringify({ ...pulled, [other]: next }) };
          }
          return null;
        }
      },
    };
  }

  async function testConnection(): Promise<void> {
    await listMarkers();
    // A write and a delete show whether the account may change files there, before any real data moves.
    const probe = ['markers', `probe-${crypto.randomUUID()}.tmp`];
    await put(probe, 'anyue');
    await remove(probe, 'removing the test file');
  }

  return { traffic, testConnection, open };
}
