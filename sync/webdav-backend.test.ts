import { describe, expect, it } from 'vitest';
import { SyncError } from './errors';
import {
  basicAuthorization,
  coveredSegmentFolders,
  createWebDavBackend,
  listedNames,
  olderSnapshotFiles,
  parseRetryAfter,
  readMarkers,
  readSnapshotMarkers,
  segmentPath,
  SEGMENTS_PER_FOLDER,
  snapshotPath,
} from './webdav-backend';

const config = { url: 'https://dav.example.cn/dav/', username: 'reader@example.cn', password: 'x', folder: '安阅', retries: 2, retryDelayMs: 0 };

/** A fetch that answers from a list, recording what was asked. */
function scripted(replies: (Response | Error)[]) {
  const asked: { method: string; url: string; headers: Record<string, string> }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    asked.push({ method: init.method!, url, headers: init.headers as Record<string, string> });
    const next = replies.shift();
    if (!next) throw new Error('no scripted reply left');
    if (next instanceof Error) throw next;
    return next;
  }) as unknown as typeof globalThis.fetch;
  return { fetch, asked };
}

const failureOf = async (promise: Promise<unknown>): Promise<SyncError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SyncError) return error;
    throw error;
  }
  throw new Error('expected a SyncError');
};

describe('basic auth', () => {
  it('encodes the UTF-8 bytes of any Unicode password (btoa alone throws on them)', () => {
    const password = 'pässwörd-安阅密码-🔐';
    expect(() => btoa(`u:${password}`)).toThrow();
    const header = basicAuthorization('u', password);
    expect(header.startsWith('Basic ')).toBe(true);
    expect(Buffer.from(header.slice(6), 'base64').toString('utf8')).toBe(`u:${password}`);
  });

  it('refuses settings that cannot work, in plain words', () => {
    expect(() => createWebDavBackend({ ...config, url: 'dav.jianguoyun.com' })).toThrow(/not a URL/);
    expect(() => createWebDavBackend({ ...config, url: 'ftp://x/' })).toThrow(/https/);
    expect(() => createWebDavBackend({ ...config, username: 'a:b' })).toThrow(/user name/);
    expect(() => createWebDavBackend({ ...config, folder: ' / ' })).toThrow(/folder/);
    expect(() => createWebDavBackend({ ...config, folder: '../x' })).toThrow(/folder/);
  });
});

describe('reading a PROPFIND listing without DOMParser', () => {
  it('takes names from hrefs with any namespace prefix, absolute or relative, percent- and entity-encoded', () => {
    const xml = `<?xml version="1.0"?><D:multistatus xmlns:D="DAV:">
      <D:response><D:href>/dav/%E5%AE%89%E9%98%85/sync-v1/markers/</D:href></D:response>
      <D:response><D:href>/dav/%E5%AE%89%E9%98%85/sync-v1/markers/deva.12</D:href></D:response>
      <d:response><d:href>http://127.0.0.1:8080/x/markers/devb.3</d:href></d:response>
      <response xmlns="DAV:"><href>/x/markers/a&amp;b</href></response>
      <lp1:response><lp1:href >/x/markers/%ZZ</lp1:href></lp1:response>
    </D:multistatus>`;
    expect(listedNames(xml)).toEqual(['markers', 'deva.12', 'devb.3', 'a&b']);
  });

  it('reads each device\'s markers from names only, ignoring anything else in the folder', () => {
    const markers = readMarkers(['markers', 'deva.12', 'deva.9', 'devb.3', 'probe-1.tmp', 'devc.x', '.DS_Store', 'deva.10']);
    expect([...markers]).toEqual([
      ['deva', [9, 10, 12]],
      ['devb', [3]],
    ]);
  });

  it('puts at most SEGMENTS_PER_FOLDER segments in one folder (坚果云 lists at most 750 entries)', () => {
    expect(SEGMENTS_PER_FOLDER).toBeLessThan(750);
    const folders = new Map<string, number>();
    for (let seq = 1; seq <= 3 * SEGMENTS_PER_FOLDER; seq++) {
      const folder = segmentPath('deva', seq).slice(0, -1).join('/');
      folders.set(folder, (folders.get(folder) ?? 0) + 1);
    }
    expect(Math.max(...folders.values())).toBeLessThanOrEqual(SEGMENTS_PER_FOLDER);
    expect(segmentPath('deva', 7)).toEqual(['devices', 'deva', '0000', '00000007.seg']);
  });
});

describe('compaction names', () => {
  it('reads snapshot markers apart from progress markers (older versions ignore them)', () => {
    const names = ['markers', 'deva.12', 'deva.8.snap', 'deva.4.snap', 'devb.3', 'devb.x.snap', 'deva.snap', 'deva.5.snap.tmp'];
    expect([...readSnapshotMarkers(names)]).toEqual([['deva', [4, 8]]]);
    expect([...readMarkers(names)]).toEqual([
      ['deva', [12]],
      ['devb', [3]],
    ]);
    expect(snapshotPath('deva', 300)).toEqual(['devices', 'deva', '00000300.snap']);
  });

  it('deletes only segment folders every segment of which a snapshot covers, and only older snapshots', () => {
    const listed = ['deva', '0000', '0001', '0002', '00000300.snap', '00000998.snap', '00001000.snap', 'notes.txt'];
    expect(coveredSegmentFolders(listed, 498)).toEqual([]);
    expect(coveredSegmentFolders(listed, 499)).toEqual(['0000']);
    expect(coveredSegmentFolders(listed, 1000)).toEqual(['0000', '0001']);
    expect(olderSnapshotFiles(listed, 1000)).toEqual(['00000300.snap', '00000998.snap']);
    expect(olderSnapshotFiles(listed, 300)).toEqual([]);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter(new Date(10_000 + 90_000).toUTCString(), 10_000)).toBe(90_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});

describe('typed failures the UI can show', () => {
  const open = (replies: (Response | Error)[]) => {
    const server = scripted(replies);
    const backend = createWebDavBackend({ ...config, fetch: server.fetch });
    return { server, backend, opened: backend.open('deva', null, null) };
  };

  it('401 → auth, naming the app password', async () => {
    const error = await failureOf(open([new Response('', { status: 401 })]).opened);
    expect([error.kind, error.status]).toEqual(['auth', 401]);
    expect(error.message).toMatch(/app password/);
  });

  it('sends the credentials only in the Authorization header, never in the URL', async () => {
    const { server, opened } = open([new Response('', { status: 401 })]);
    await opened.catch(() => {});
    expect(server.asked[0]!.url).not.toContain('reader');
    expect(server.asked[0]!.headers.Authorization).toBe(basicAuthorization(config.username, config.password));
  });

  it('403 → permission', async () => {
    expect((await failureOf(open([new Response('', { status: 403 })]).opened)).kind).toBe('permission');
  });

  it('a missing folder is made level by level; a parent the server will not make → path', async () => {
    const { server, opened } = open([new Response('', { status: 404 }), new Response('', { status: 201 }), new Response('', { status: 409 })]);
    const error = await failureOf(opened);
    expect([error.kind, error.status]).toEqual(['path', 409]);
    expect(server.asked.map((a) => `${a.method} ${decodeURIComponent(new URL(a.url).pathname)}`)).toEqual([
      'PROPFIND /dav/安阅/sync-v1/markers/',
      'MKCOL /dav/安阅/',
      'MKCOL /dav/安阅/sync-v1/',
    ]);
  });

  it('429 → rate-limited, honouring Retry-After, and not retried', async () => {
    const { server, opened } = open([new Response('', { status: 429, headers: { 'Retry-After': '120' } })]);
    const error = await failureOf(opened);
    expect([error.kind, error.retryAfterMs]).toEqual(['rate-limited', 120_000]);
    expect(server.asked).toHaveLength(1);
  });

  it('坚果云\'s 503 BlockedTemporarily → rate-limited for half an hour when no Retry-After', async () => {
    const blocked = '<?xml version="1.0"?><d:error xmlns:d="DAV:"><s:exception>BlockedTemporarily</s:exception></d:error>';
    const error = await failureOf(open([new Response(blocked, { status: 503 })]).opened);
    expect([error.kind, error.retryAfterMs]).toEqual(['rate-limited', 30 * 60_000]);
  });

  it('a passing 503 and network errors are retried, then reported', async () => {
    const ok = `<d:multistatus xmlns:d="DAV:"><d:response><d:href>/dav/x/markers/devb.2</d:href></d:response></d:multistatus>`;
    const { opened } = open([new Response('busy', { status: 503 }), new TypeError('fetch failed'), new Response(ok, { status: 207 })]);
    expect((await opened).hasIncoming).toBe(true);
    const down = await failureOf(open([new TypeError('a'), new TypeError('b'), new TypeError('c')]).opened);
    expect(down.kind).toBe('network');
    const failing = await failureOf(open([new Response('', { status: 502 }), new Response('', { status: 502 }), new Response('', { status: 500 })]).opened);
    expect([failing.kind, failing.status]).toEqual(['server', 500]);
  });
});
