// Sync through a team's CouchDB (or an API-compatible server: PouchDB Server, Cloudant…), with `fetch`
// only, so it runs in an MV3 service worker or a Firefox background page.
//
// One document per record (see couchdb-docs.ts). A push reads the current versions of the batch's
// documents (one `_all_docs` request, plus one `_bulk_get` when some have conflict leaves), merges this
// device's record into them with the field rules, and writes the results with `_bulk_docs`, each as a
// child of the revision it read, deleting the conflict leaves it merged. A document another device changed
// in between is refused with a conflict (409) and goes round again: read, merge, write. Nothing is ever
// written blind, so no version on the server is overwritten without being merged.
// A pull walks the `_changes` feed from the stored checkpoint, page by page; a document that arrives with
// `_conflicts` (written by a CouchDB replication, or `new_edits=false`) has its leaves merged, and the
// merged winner is written back with the losers deleted.
// An idle sync is one request: `_changes?since=<checkpoint>&limit=1` says whether anything is new.
//
// Own echoes. A device's writes come back to it through the feed; fetching them again would cost as much as
// the push. So the push position remembers, per document, the revisions whose content this device is known
// to hold already: a revision it wrote whose merged body adds nothing to the local record (the server had
// nothing it lacked), or a current winner found equal to what it would have written (a push whose answer was
// lost). While that set is not empty, the feed is read without documents (`style=all_docs`: every leaf
// revision of each changed document), and a change is skipped only when every leaf it lists is one of those
// revisions; anything else (another device's edit on top of ours, a conflict leaf a replication added, a
// write of ours that absorbed someone else's edit) is read with `_all_docs` and merged as usual. A revision
// names its content, so a skip can never hide an edit; forgetting a pair only costs a download.
// Pairs carry the number of the push batch that made them; once a pull reads the feed to its end, the pull
// position records that every batch up to then has passed, and the next session forgets those pairs.

import { emptyBatch, type BackendSession, type ChangeBatch, type SyncBackend } from './backend';
import {
  ANALYSIS_PREFIX,
  ANNOTATION_PREFIX,
  ARTICLE_PREFIX,
  CORRECTION_PREFIX,
  documentIdOf,
  documentOf,
  isOurDocumentId,
  mergeAll,
  mergeBodies,
  readDocument,
  type RecordBody,
  type SyncDocument,
} from './couchdb-docs';
import { createRequester, serverUrl, type Reply, type RetryOptions } from './http';
import { SyncError } from './errors';
import { basicAuthorization, parseRetryAfter } from './webdav-backend';

export interface CouchDbConfig extends RetryOptions {
  /** The server's address, e.g. https://couch.example.org/ (a path prefix behind a proxy is fine). */
  url: string;
  /** The team's database, e.g. "anyue-team" (created on first use when the account may). */
  database: string;
  /** Empty for a server that lets anyone in (no Authorization header is sent). */
  username: string;
  /** Any Unicode characters (sent as UTF-8). */
  password: string;
  /** Documents per `_changes` page when pulling. Default 500. */
  pullPageSize?: number;
  /** `_changes` pages one sync reads at most; the rest waits for the next sync. Default PULL_PAGE_BUDGET. */
  pullPageBudget?: number;
}

/**
 * Far more pages than a whole library fills (200k records at 500 a page are 400), so only a server that
 * never stops sending (full pages that do not advance, or endless new changes) reaches it.
 */
export const PULL_PAGE_BUDGET = 2_000;

/** CouchDB's rule for database names. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]{0,237}$/;
/** Read–merge–write rounds for one batch before giving up (each lost round means another device wrote). */
const PUSH_ROUNDS = 8;

/** Positions the engine stores for this backend. */
interface PullPosition {
  /** CouchDB's `last_seq`: a number (CouchDB 1, PouchDB Server) or an opaque string (CouchDB 2+). */
  seq: string | number;
  /** Push batches up to this number were written before a pull that read the feed to its end. */
  passed?: number;
}
interface PushPosition {
  batches: number;
  /** Revisions this device holds the content of: [document id, push batch, ...revisions]. */
  own?: [string, number, ...string[]][];
}

/** Documents whose own revisions are remembered at most (the oldest are forgotten: that only costs a download). */
const MAX_OWN = 20_000;
/** A `_changes` page without documents holds this many times the documents of a page with them. */
const LEAN_FACTOR = 20;

/** Per document, revisions whose content this device already holds, and the push batch that recorded them. */
type OwnRevisions = Map<string, { batch: number; revs: string[] }>;

function parsePull(text: string | null): { seq: string | number; passed: number } {
  if (!text) return { seq: 0, passed: 0 };
  try {
    const value = JSON.parse(text) as Partial<PullPosition>;
    const seq = typeof value?.seq === 'string' || typeof value?.seq === 'number' ? value.seq : 0;
    const passed = typeof value?.passed === 'number' && Number.isFinite(value.passed) ? value.passed : 0;
    return { seq, passed };
  } catch {
    return { seq: 0, passed: 0 }; // pulling everything again is safe: merging is idempotent
  }
}

/** The push position's batch count and the own revisions not yet passed by a pull (`passed`). */
function parsePush(text: string | null, passed: number): { batches: number; own: OwnRevisions } {
  const own: OwnRevisions = new Map();
  let value: Partial<PushPosition> = {};
  try {
    value = (JSON.parse(text ?? '{}') as Partial<PushPosition>) ?? {};
  } catch {
    value = {};
  }
  const batches = Number(value.batches) || 0;
  if (Array.isArray(value.own)) {
    for (const entry of value.own) {
      if (!Array.isArray(entry)) continue;
      const [id, batch, ...revs] = entry as unknown[];
      if (typeof id !== 'string' || typeof batch !== 'number' || batch <= passed) continue;
      const strings = revs.filter((rev): rev is string => typeof rev === 'string');
      if (strings.length) own.set(id, { batch, revs: strings });
    }
  }
  return { batches, own };
}

/** What the server holds of one document: its winning revision (null: none, or deleted) and every readable version. */
interface ServerState {
  rev: string | null;
  /** The winner and its conflict leaves that could be read, winner first. */
  versions: RecordBody[];
  /** Conflict leaves to delete once their content is merged into the winner. */
  losingRevs: string[];
  /**
   * A version this version of 安阅 cannot read (a newer format, or damaged). Then nothing is written to the
   * document: what it holds may be an edit a newer device made, and writing over it would lose that edit.
   */
  unreadable: boolean;
}

/** Documents found unreadable in one sync, by id, with the reason. */
type Unreadable = Map<string, string>;

/** The reader's one report for every document left untouched because it could not be read. */
export function unreadableProblem(unreadable: Unreadable): SyncError {
  const listed = [...unreadable].slice(0, 3).map(([id, why]) => `${id}: ${why}`).join('; ');
  return new SyncError(
    'unreadable',
    `${unreadable.size} items from the server could not be read and were left untouched (${listed}${unreadable.size > 3 ? '; …' : ''}).`,
    { count: unreadable.size },
  );
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function batchOf(bodies: readonly RecordBody[]): ChangeBatch {
  const batch = emptyBatch();
  for (const body of bodies) {
    if (body.type === 'annotation') batch.annotations.push(body.annotation);
    else if (body.type === 'correction') batch.corrections.push(body.correction);
    else if (body.type === 'article') batch.articles.push(body.article);
    else if (body.type === 'analysis') batch.analyses.push(body.analysis);
    else batch.removedCorrections.push(body.id);
  }
  return batch;
}

function bodiesOf(batch: ChangeBatch): Map<string, RecordBody> {
  const bodies = new Map<string, RecordBody>();
  const add = (body: RecordBody) => {
    const key = documentIdOf(body);
    const had = bodies.get(key);
    bodies.set(key, had ? mergeBodies(had, body).merged : body);
  };
  for (const annotation of batch.annotations) add({ type: 'annotation', annotation });
  for (const correction of batch.corrections) add({ type: 'correction', correction });
  for (const id of batch.removedCorrections) add({ type: 'correction-removed', id });
  for (const article of batch.articles) add({ type: 'article', article });
  for (const analysis of batch.analyses) add({ type: 'analysis', analysis });
  return bodies;
}

export function createCouchDbBackend(config: CouchDbConfig): SyncBackend {
  const base = serverUrl(config.url);
  // A password in the address would end up in error messages and logs; it belongs in its own field.
  if (base.username || base.password) throw new SyncError('config', 'Put the user name and password in their own fields, not in the server address.');
  if (config.username.includes(':')) throw new SyncError('config', 'The user name must not contain ":".');
  if (!DATABASE_NAME.test(config.database)) {
    throw new SyncError('config', `"${config.database}" cannot be a CouchDB database name: use lower-case letters, digits and _$()+-/, starting with a letter.`);
  }
  const pageSize = config.pullPageSize ?? 500;
  const pageBudget = Math.max(1, config.pullPageBudget ?? PULL_PAGE_BUDGET);
  const authorization = config.username ? basicAuthorization(config.username, config.password) : null;
  const databaseHref = `${base.href.endsWith('/') ? base.href : `${base.href}/`}${encodeURIComponent(config.database)}`;
  const database = config.database;

  function failure(reply: Reply, what: string): SyncError {
    const { status } = reply;
    if (status === 401) return new SyncError('auth', `The server refused the user name or password (HTTP 401) while ${what}.`, { status });
    if (status === 403) return new SyncError('permission', `This account may not do that in the database ${database} (HTTP 403) while ${what}. Ask the server's administrator to make it a member.`, { status });
    if (status === 404) return new SyncError('path', `The database ${database} is not on the server (HTTP 404) while ${what}. Check the server address and database name.`, { status });
    if (status === 413) return new SyncError('server', `The server refused a request as too large (HTTP 413) while ${what}; its max_http_request_size or max_document_size is too small.`, { status });
    if (status === 429 || (status === 503 && reply.headers.get('Retry-After'))) {
      const retryAfterMs = parseRetryAfter(reply.headers.get('Retry-After')) ?? 60_000;
      return new SyncError('rate-limited', `The server asked 安阅 to slow down (HTTP ${status}); sync will try again in ${Math.ceil(retryAfterMs / 60_000)} min.`, { status, retryAfterMs });
    }
    return new SyncError('server', `The server failed (HTTP ${status}) while ${what}.`, { status });
  }

  // A 503 with Retry-After is the server asking us to wait, not a hiccup: never retried at once.
  const http = createRequester(config, (reply) => reply.status === 502 || reply.status === 504 || (reply.status === 503 && !reply.headers.get('Retry-After')));
  const { traffic } = http;

  /** One request (retried after a network error or a passing server failure); `path` is under the database. */
  function send(method: string, path: string, what: string, body?: unknown): Promise<Reply> {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (authorization) headers.Authorization = authorization;
    if (text !== undefined) headers['Content-Type'] = 'application/json';
    return http.request(databaseHref + path, { method, headers, body: text, cache: 'no-store', credentials: 'omit' }, what);
  }

  /** The JSON of a successful answer; anything else is the server's failure, said plainly. */
  function json(reply: Reply, what: string): unknown {
    try {
      return JSON.parse(reply.text) as unknown;
    } catch {
      throw new SyncError('server', `The server's answer while ${what} is not JSON (HTTP ${reply.status}): is this a CouchDB server?`, { status: reply.status });
    }
  }

  const unreadable = (what: string, why: string) => new SyncError('server', `The server's answer while ${what} cannot be read (${why}); nothing was changed.`);

  async function createDatabase(): Promise<void> {
    const what = `creating the database ${database}`;
    const reply = await send('PUT', '', what);
    if (reply.status === 201 || reply.status === 202 || reply.status === 412) return; // 412: another device made it first
    if (reply.status === 401 || reply.status === 403) {
      throw new SyncError('permission', `The database ${database} does not exist and this account may not create it (HTTP ${reply.status}). Ask the server's administrator to create it and make the account a member.`, { status: reply.status });
    }
    if (reply.status === 400) throw new SyncError('config', `The server does not accept ${database} as a database name (HTTP 400).`, { status: 400 });
    throw failure(reply, what);
  }

  /**
   * `_changes` after `since`: the documents (with conflicts) when `mode` is 'docs', every leaf revision of
   * each changed document when 'leaves', just ids otherwise; and the position after them.
   */
  async function changes(since: string | number, limit: number, mode: 'docs' | 'leaves' | 'ids'): Promise<{ results: Record<string, unknown>[]; lastSeq: string | number } | null> {
    const what = 'reading the changes feed';
    const extra = mode === 'docs' ? '&include_docs=true&conflicts=true' : mode === 'leaves' ? '&style=all_docs' : '';
    const query = `?since=${encodeURIComponent(String(since))}&limit=${limit}${extra}`;
    const reply = await send('GET', `/_changes${query}`, what);
    if (reply.status === 404) return null;
    if (reply.status !== 200) throw failure(reply, what);
    const answer = json(reply, what);
    if (!isObject(answer) || !Array.isArray(answer.results)) throw unreadable(what, 'no results list');
    const { results, last_seq: lastSeq } = answer;
    if (typeof lastSeq !== 'string' && typeof lastSeq !== 'number') throw unreadable(what, 'no last_seq');
    for (const result of results) if (!isObject(result) || typeof result.id !== 'string') throw unreadable(what, 'a result without an id');
    return { results: results as Record<string, unknown>[], lastSeq };
  }

  /** Conflict leaves by document id, in one `_bulk_get`; leaves already gone are skipped. */
  async function leaves(wanted: Map<string, string[]>): Promise<Map<string, { rev: string; document: unknown }[]>> {
    const found = new Map<string, { rev: string; document: unknown }[]>();
    if (!wanted.size) return found;
    const what = 'reading conflicting versions';
    const reply = await send('POST', '/_bulk_get', what, { docs: [...wanted].flatMap(([id, revs]) => revs.map((rev) => ({ id, rev }))) });
    if (reply.status !== 200) throw failure(reply, what);
    const answer = json(reply, what);
    if (!isObject(answer) || !Array.isArray(answer.results)) throw unreadable(what, 'no results list');
    for (const result of answer.results) {
      if (!isObject(result) || typeof result.id !== 'string' || !Array.isArray(result.docs)) throw unreadable(what, 'a result without id or docs');
      // Only the leaves asked for: a server answering with other documents must not slip them in.
      const asked = wanted.get(result.id);
      if (!asked) continue;
      for (const entry of result.docs) {
        const document = isObject(entry) && isObject(entry.ok) ? entry.ok : null;
        if (!document || typeof document._rev !== 'string' || !asked.includes(document._rev) || document._deleted === true) continue;
        const list = found.get(result.id) ?? [];
        list.push({ rev: document._rev, document });
        found.set(result.id, list);
      }
    }
    return found;
  }

  /**
   * Folds a document's readable versions into `states`. An unreadable one is noted and kept: the document is
   * then left as it is (a newer 安阅 may have written it; overwriting or deleting it could lose an edit).
   */
  function addVersion(state: ServerState, id: string, document: unknown, winner: boolean, unreadable: Unreadable): void {
    const read = readDocument(document);
    if (read.ok && documentIdOf(read.body) === id) {
      state.versions.push(read.body);
      if (!winner) state.losingRevs.push((document as { _rev: string })._rev);
      return;
    }
    state.unreadable = true;
    unreadable.set(id, read.ok ? 'wrong id' : read.reason.slice(0, 200));
  }

  /** The current state of each document, with conflict leaves read. */
  async function serverStates(ids: readonly string[], unread: Unreadable): Promise<Map<string, ServerState>> {
    const what = 'reading the current versions';
    const reply = await send('POST', '/_all_docs?include_docs=true&conflicts=true', what, { keys: ids });
    if (reply.status !== 200) throw failure(reply, what);
    const answer = json(reply, what);
    if (!isObject(answer) || !Array.isArray(answer.rows) || answer.rows.length !== ids.length) throw unreadable(what, 'rows do not match the keys asked for');
    const states = new Map<string, ServerState>();
    const conflicted = new Map<string, string[]>();
    answer.rows.forEach((row: unknown, i) => {
      const id = ids[i]!;
      if (!isObject(row) || row.key !== id) throw unreadable(what, `row ${i} is not ${id}`);
      const state: ServerState = { rev: null, versions: [], losingRevs: [], unreadable: false };
      states.set(id, state);
      if (row.error === 'not_found') return;
      const value = row.value;
      if (!isObject(value) || typeof value.rev !== 'string') throw unreadable(what, `row ${id} has no revision`);
      // A deleted document (not by 安阅: it never deletes a winner) is written anew, without a revision.
      if (value.deleted === true) return;
      const document = row.doc;
      if (!isObject(document) || document._rev !== value.rev) throw unreadable(what, `row ${id} has no document`);
      state.rev = value.rev;
      addVersion(state, id, document, true, unread);
      const conflicts = document._conflicts;
      if (Array.isArray(conflicts) && conflicts.length) conflicted.set(id, conflicts.filter((rev): rev is string => typeof rev === 'string'));
    });
    for (const [id, list] of await leaves(conflicted)) for (const { document } of list) addVersion(states.get(id)!, id, document, false, unread);
    return states;
  }

  /**
   * `_bulk_docs`: the ids written, those refused because another device wrote first, and the new revision of
   * each document (null when refused). Other refusals throw.
   */
  async function write(documents: readonly (SyncDocument | { _id: string; _rev: string; _deleted: true })[]): Promise<{ written: Set<string>; refused: Set<string>; revs: (string | null)[] }> {
    const what = `writing ${documents.length} documents`;
    const written = new Set<string>();
    const refused = new Set<string>();
    const revs: (string | null)[] = documents.map(() => null);
    if (!documents.length) return { written, refused, revs };
    const reply = await send('POST', '/_bulk_docs', what, { docs: documents });
    if (reply.status !== 201 && reply.status !== 200 && reply.status !== 202) throw failure(reply, what);
    const answer = json(reply, what);
    if (!Array.isArray(answer) || answer.length !== documents.length) throw unreadable(what, 'one result per document expected');
    answer.forEach((result: unknown, i) => {
      const id = documents[i]!._id;
      if (!isObject(result) || (result.id !== undefined && result.id !== id)) throw unreadable(what, `result ${i} is not about ${id}`);
      if (result.error === undefined && typeof result.rev === 'string') {
        written.add(id);
        revs[i] = result.rev;
      }
      else if (result.error === 'conflict') refused.add(id);
      else if (result.error === 'forbidden') throw new SyncError('permission', `The server refused to store ${id} (${String(result.reason ?? 'forbidden')}): the account may read but not write the database ${database}.`, { status: 403 });
      else if (result.error === 'unauthorized') throw new SyncError('auth', `The server refused the user name or password while ${what}.`, { status: 401 });
      else throw new SyncError('server', `The server could not store ${id} (${String(result.error ?? 'no revision')}: ${String(result.reason ?? '')}).`);
    });
    return { written, refused, revs };
  }

  /** What to write so the server holds `body` merged into `state`; empty when it already does. */
  function resolution(id: string, body: RecordBody | null, state: ServerState): (SyncDocument | { _id: string; _rev: string; _deleted: true })[] {
    const versions = body ? [...state.versions, body] : state.versions;
    if (!versions.length || state.unreadable) return [];
    const merged = mergeAll(versions);
    const winner = state.versions[0];
    const upToDate = winner !== undefined && state.rev !== null && !mergeBodies(winner, merged).changed && state.losingRevs.length === 0;
    if (upToDate) return [];
    return [documentOf(merged, state.rev), ...state.losingRevs.map((rev) => ({ _id: id, _rev: rev, _deleted: true as const }))];
  }

  /**
   * Writes `bodies` merged into the server's versions. Calls `hold(id, revs)` for revisions whose content
   * this device already holds (nothing in them is news to it): its own writes that absorbed nothing from the
   * server, and a current winner that already is exactly what it would write (its earlier answer was lost).
   */
  async function push(bodies: Map<string, RecordBody>, unreadable: Unreadable, hold: (id: string, revs: string[]) => void, notStored: Set<string>): Promise<void> {
    let pending = [...bodies.keys()];
    for (let round = 0; round < PUSH_ROUNDS && pending.length; round++) {
      const states = await serverStates(pending, unreadable);
      // Documents this version cannot read are left alone; their local changes stay queued for a later version.
      for (const id of pending) if (states.get(id)!.unreadable) notStored.add(id);
      pending = pending.filter((id) => !notStored.has(id));
      const documents = pending.flatMap((id) => resolution(id, bodies.get(id)!, states.get(id)!));
      const { refused, revs } = await write(documents);
      const indicesOf = new Map<string, number[]>();
      documents.forEach((d, i) => indicesOf.set(d._id, [...(indicesOf.get(d._id) ?? []), i]));
      for (const id of pending) {
        const body = bodies.get(id)!;
        const state = states.get(id)!;
        const indices = indicesOf.get(id) ?? [];
        if (!indices.length) {
          // Nothing written: the winner already holds our record. Held only if it holds nothing more.
          if (state.rev !== null && state.losingRevs.length === 0 && state.versions.length === 1 && !mergeBodies(body, state.versions[0]!).changed) hold(id, [state.rev]);
          continue;
        }
        const winner = indices.find((i) => !('_deleted' in documents[i]!));
        const winnerRev = winner === undefined ? null : revs[winner];
        const read = winner === undefined ? null : readDocument(documents[winner]);
        // Our write holds what the server had merged in; it is an echo only if that added nothing here.
        if (winnerRev && read?.ok && !mergeBodies(body, read.body).changed) {
          hold(id, [winnerRev, ...indices.filter((i) => i !== winner && revs[i] !== null).map((i) => revs[i]!)]);
        }
      }
      // A refused loser deletion alone is harmless (its content is merged in the winner); a refused winner goes round again.
      pending = pending.filter((id) => refused.has(id) && (indicesOf.get(id) ?? []).some((i) => !('_deleted' in documents[i]!)));
    }
    if (pending.length) throw new SyncError('server', `Other devices kept changing ${pending.length} records while 安阅 wrote them; sync will try again.`);
  }

  async function open(_device: string, pushedText: string | null, pulledText: string | null): Promise<BackendSession> {
    const start = parsePull(pulledText);
    let since = start.seq;
    let { batches, own } = parsePush(pushedText, start.passed);
    const leanLimit = pageSize * LEAN_FACTOR;

    /** A page of the feed, read with documents or (while own revisions are remembered) with leaf revisions only. */
    interface Page {
      /** The position it was read from (the engine's string), and how far into it the pull got. */
      position: string | null;
      offset: number;
      results: Record<string, unknown>[];
      lastSeq: string | number;
      lean: boolean;
      /** Fewer results than asked for: the feed's end at the time of reading. */
      last: boolean;
      /** Push batches written before it was read. */
      batchesAtRead: number;
    }
    let page: Page | null = null;
    let pagesRead = 0;
    /** Set when the feed misbehaved: the pull stops there for this sync and says why. */
    let stalled: SyncError | null = null;
    const readPage = async (position: string | null, from: string | number, lean: boolean): Promise<Page | null> => {
      const batchesAtRead = batches;
      const limit = lean ? leanLimit : pageSize;
      const answer = await changes(from, limit, lean ? 'leaves' : 'docs');
      if (!answer) return null;
      pagesRead += 1;
      let last = answer.results.length < limit;
      // A full page that ends where it started would be asked for again and again: a broken server.
      if (!last && String(answer.lastSeq) === String(from)) {
        stalled = new SyncError('server', `The server keeps sending the same changes without moving on (last_seq stays ${String(from).slice(0, 40)}); 安阅 stopped pulling for this sync.`);
        last = true;
      } else if (!last && pagesRead >= pageBudget) {
        stalled = new SyncError('server', `The server sent more than ${pageBudget} pages of changes in one sync; 安阅 stopped there and continues from that point next time.`);
        last = true;
      }
      return { position, offset: 0, results: answer.results, lastSeq: answer.lastSeq, lean, last, batchesAtRead };
    };

    let hasIncoming: boolean;
    if (own.size) {
      // Own writes may come back: read the feed without documents, so echoes cost a few bytes each.
      page = await readPage(pulledText, since, true);
      if (!page) {
        await createDatabase();
        since = 0;
        page = { position: pulledText, offset: 0, results: [], lastSeq: 0, lean: true, last: true, batchesAtRead: batches };
      }
      hasIncoming = page.results.length > 0;
    } else {
      let first = await changes(since, 1, 'ids');
      if (!first) {
        // First sync into a new database (or it was removed): make it; an empty database has nothing to pull.
        await createDatabase();
        since = 0;
        first = { results: [], lastSeq: 0 };
      }
      hasIncoming = first.results.length > 0;
    }
    const otherProblems: Error[] = [];
    const unreadable: Unreadable = new Map();
    /** Document ids whose local change this session did not store (the server's version is unreadable). */
    const notStoredDocs = new Set<string>();
    const notStored = { annotations: new Set<string>(), corrections: new Set<string>(), articles: new Set<string>() };
    let exhausted = !hasIncoming;

    /** True when every leaf revision a lean change lists is one whose content this device holds. */
    const isEcho = (result: Record<string, unknown>): boolean => {
      const held = own.get(result.id as string);
      const leaves = result.changes;
      if (!held || !Array.isArray(leaves) || !leaves.length) return false;
      return leaves.every((leaf: unknown) => isObject(leaf) && typeof leaf.rev === 'string' && held.revs.includes(leaf.rev));
    };
    const hold = (id: string, revs: string[]) => {
      const had = own.get(id);
      own.delete(id); // re-inserted last: the oldest are forgotten first
      own.set(id, { batch: batches + 1, revs: [...new Set([...(had?.revs ?? []), ...revs])] });
      if (own.size > MAX_OWN) own.delete(own.keys().next().value!);
    };

    /** States of the documents a page's changes name, merged with their conflict leaves; conflicted ones written back. */
    async function settle(states: Map<string, ServerState>, conflicted: Iterable<string>): Promise<ChangeBatch> {
      // Write the merged winner back and delete the leaves it absorbed; if another device got there first,
      // its write is a later change this feed will bring.
      // An account that may only read still gets the merged records; the leaves wait for a writer.
      await write([...conflicted].flatMap((id) => resolution(id, null, states.get(id)!))).catch((error: unknown) => {
        if (!(error instanceof SyncError && error.kind === 'permission')) throw error;
      });
      const merged = [...states.values()].filter((state) => state.versions.length).map((state) => mergeAll(state.versions));
      return batchOf(merged);
    }

    return {
      hasIncoming,
      get problems() {
        return unreadable.size ? [...otherProblems, unreadableProblem(unreadable)] : otherProblems;
      },
      notStored,
      async push(batch: ChangeBatch): Promise<string> {
        await push(bodiesOf(batch), unreadable, hold, notStoredDocs);
        for (const id of notStoredDocs) {
          if (id.startsWith(ANNOTATION_PREFIX)) notStored.annotations.add(id.slice(ANNOTATION_PREFIX.length));
          else if (id.startsWith(CORRECTION_PREFIX)) notStored.corrections.add(id.slice(CORRECTION_PREFIX.length));
          else if (id.startsWith(ARTICLE_PREFIX)) notStored.articles.add(id.slice(ARTICLE_PREFIX.length));
          else if (id.startsWith(ANALYSIS_PREFIX)) notStored.articles.add(id.slice(ANALYSIS_PREFIX.length));
        }
        batches += 1;
        const remembered = [...own].map(([id, { batch: made, revs }]) => [id, made, ...revs] as [string, number, ...string[]]);
        return JSON.stringify({ batches, own: remembered } satisfies PushPosition);
      },
      // `_bulk_docs` makes a write visible at once: there is nothing left to publish.
      async publish(): Promise<void> {},
      async pull(pulledPosition: string | null) {
        if (exhausted) return null;
        const position = parsePull(pulledPosition);
        if (!page || page.position !== pulledPosition) {
          page = await readPage(pulledPosition, pulledPosition === pulledText ? since : position.seq, own.size > 0);
          if (!page) throw new SyncError('path', `The database ${database} disappeared from the server during sync.`, { status: 404 });
        }
        const current: Page = page;
        let batch: ChangeBatch;
        let seq: string | number = current.lastSeq;
        if (!current.lean) {
          current.offset = current.results.length;
          const states = new Map<string, ServerState>();
          const conflicted = new Map<string, string[]>();
          for (const result of current.results) {
            const id = result.id as string;
            const document = result.doc;
            // Design documents and other applications' documents are not ours; a deleted winner holds nothing to apply.
            if (!isOurDocumentId(id) || result.deleted === true || !isObject(document) || document._deleted === true) continue;
            const state: ServerState = { rev: typeof document._rev === 'string' ? document._rev : null, versions: [], losingRevs: [], unreadable: false };
            addVersion(state, id, document, true, unreadable);
            states.set(id, state);
            const conflicts = document._conflicts;
            if (Array.isArray(conflicts) && conflicts.length) conflicted.set(id, conflicts.filter((rev): rev is string => typeof rev === 'string'));
          }
          for (const [id, list] of await leaves(conflicted)) for (const { document } of list) addVersion(states.get(id)!, id, document, false, unreadable);
          batch = await settle(states, conflicted.keys());
        } else {
          // Up to a page of documents to read; echoes and others' deletions and design documents cost nothing.
          const wanted: string[] = [];
          while (current.offset < current.results.length && wanted.length < pageSize) {
            const result = current.results[current.offset]!;
            current.offset += 1;
            const id = result.id as string;
            if (!isOurDocumentId(id) || result.deleted === true || isEcho(result) || wanted.includes(id)) continue;
            wanted.push(id);
          }
          if (current.offset < current.results.length) {
            // Stopped inside the page: the position is the last change taken (every change's seq is a valid `since`).
            const taken = current.results[current.offset - 1]!.seq;
            if (typeof taken === 'string' || typeof taken === 'number') seq = taken;
            else current.offset = current.results.length; // a server without per-change seqs: take the rest now
          }
          // Their current versions (possibly newer than the change: the feed brings that change again, harmlessly).
          const states = wanted.length ? await serverStates(wanted, unreadable) : new Map<string, ServerState>();
          batch = await settle(states, wanted.filter((id) => states.get(id)!.losingRevs.length));
        }
        const done = current.offset >= current.results.length;
        if (done && stalled && !otherProblems.includes(stalled)) otherProblems.push(stalled);
        // The feed read to its end: every push batch written before that read has passed, with its echoes.
        const passed = done && current.last ? Math.max(position.passed, current.batchesAtRead) : position.passed;
        const pulled = JSON.stringify({ seq, passed } satisfies PullPosition);
        if (done) {
          page = null;
          if (current.last) exhausted = true;
        } else {
          current.position = pulled;
        }
        if (passed > position.passed) for (const [id, { batch: made }] of own) if (made <= passed) own.delete(id);
        return { batch, pulled };
      },
    };
  }

  async function testConnection(): Promise<void> {
    const what = `opening the database ${database}`;
    const reply = await send('GET', '', what);
    if (reply.status === 404) {
      await createDatabase();
      return;
    }
    if (reply.status !== 200) throw failure(reply, what);
    const answer = json(reply, what);
    if (!isObject(answer) || answer.db_name === undefined) throw new SyncError('config', `The address does not lead to a CouchDB database (no db_name in the answer while ${what}).`);
  }

  return { traffic, testConnection, open };
}
