// One sync round between this device's database and a backend: push what changed here, publish it, pull
// what other devices published, merge it with the field rules. Every step is safe to repeat: the outbox
// entries leave only in the transaction that stores the new push position, and a pulled batch is applied
// in the same transaction as the pull position advances, so a service worker killed anywhere resumes
// without losing or double-applying anything (and applying twice would change nothing anyway).

import type { ArticleAnalysisRecord } from '../records/analysis';
import type { Annotation } from '../records/annotation';
import type { ArticleRecord } from '../records/article';
import type { Correction } from '../records/correction';
import type { AnyueDatabase, CorrectionSyncRow, SyncOutboxEntry } from '../storage/database';
import { mergeArticleAnalysis, mergeArticleRecord } from './article-merge';
import type { BackendSession, ChangeBatch, SyncBackend } from './backend';
import { SyncError, problemOf, type SyncProblem } from './errors';
import type { Clock } from './hlc';
import { foldPageNotes, mergeAnnotation } from './merge';
import { queueForSync } from '../storage/annotations';

export interface SyncReport {
  /** Annotations, correction changes, article records and analyses sent. */
  pushed: number;
  /** The same, received. */
  pulled: number;
  /** Versions newly kept as conflicts for the reader to resolve. */
  conflicts: number;
  requests: number;
  bytes: number;
}

export interface SyncStatus {
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  /** Local changes not yet pushed (annotations, corrections, articles with their analyses). */
  pendingChanges: number;
  lastError: SyncProblem | null;
  /** No request before this time: the server asked to slow down. */
  retryNotBefore: number | null;
  lastReport: SyncReport | null;
}

export interface SyncEngineOptions {
  now?: () => number;
  /** Annotations per pushed batch (WebDAV: per segment file). Default 500. */
  batchRecords?: number;
  /** Articles (each with its analysis, up to tens of kilobytes) per pushed batch. Default 50. */
  batchArticles?: number;
}

const KEYS = { pushed: 'pushed', pulled: 'pulled', status: 'status' } as const;

interface StoredStatus {
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  lastError: SyncProblem | null;
  retryNotBefore: number | null;
  lastReport: SyncReport | null;
}

const EMPTY_STATUS: StoredStatus = { lastAttemptAt: null, lastSuccessAt: null, lastError: null, retryNotBefore: null, lastReport: null };

async function readState<T>(db: AnyueDatabase, key: string, fallback: T): Promise<T> {
  const row = await db.syncState.get(key);
  return row ? (row.value as T) : fallback;
}

/** What corrections changed here since sync last carried them: new ones, and removals of carried ones. */
async function correctionChanges(db: AnyueDatabase): Promise<{ added: Correction[]; removed: string[] }> {
  const [local, rows] = await Promise.all([db.corrections.toArray(), db.correctionSync.toArray()]);
  const carried = new Map(rows.map((row) => [row.id, row]));
  const present = new Set(local.map((c) => c.id));
  return {
    added: local.filter((c) => !carried.has(c.id)),
    removed: rows.filter((row) => !row.removed && !present.has(row.id)).map((row) => row.id),
  };
}

/** Local changes waiting for a push. */
export async function pendingChanges(db: AnyueDatabase): Promise<number> {
  const ids = await db.syncOutbox.orderBy('id').uniqueKeys();
  const { added, removed } = await correctionChanges(db);
  return ids.length + added.length + removed.length + (await db.articleOutbox.count());
}

export async function getSyncStatus(db: AnyueDatabase): Promise<SyncStatus> {
  const stored = await readState(db, KEYS.status, EMPTY_STATUS);
  return { ...EMPTY_STATUS, ...stored, pendingChanges: await pendingChanges(db) };
}

export class SyncEngine {
  private readonly now: () => number;
  private readonly batchRecords: number;
  private readonly batchArticles: number;
  private running: Promise<SyncReport> | null = null;

  constructor(
    private readonly db: AnyueDatabase,
    private readonly clock: Clock,
    private readonly backend: SyncBackend,
    options: SyncEngineOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.batchRecords = options.batchRecords ?? 500;
    this.batchArticles = options.batchArticles ?? 50;
  }

  /** One full round. Concurrent calls share the round in progress. Throws a SyncError after recording it. */
  syncOnce(): Promise<SyncReport> {
    this.running ??= this.round().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  status(): Promise<SyncStatus> {
    return getSyncStatus(this.db);
  }

  private async round(): Promise<SyncReport> {
    const startedAt = this.now();
    const previous = await readState(this.db, KEYS.status, EMPTY_STATUS);
    if (previous.retryNotBefore !== null && startedAt < previous.retryNotBefore) {
      throw new SyncError('rate-limited', `The server asked 安阅 to slow down; sync resumes at ${new Date(previous.retryNotBefore).toISOString()}.`, {
        retryAfterMs: previous.retryNotBefore - startedAt,
      });
    }
    const before = { ...this.backend.traffic };
    const report: SyncReport = { pushed: 0, pulled: 0, conflicts: 0, requests: 0, bytes: 0 };
    const finish = () => {
      report.requests = this.backend.traffic.requests - before.requests;
      report.bytes = this.backend.traffic.bytes - before.bytes;
    };
    try {
      const session = await this.backend.open(
        this.clock.device,
        await readState<string | null>(this.db, KEYS.pushed, null),
        await readState<string | null>(this.db, KEYS.pulled, null),
      );
      await this.push(session, report);
      await this.pull(session, report);
      finish();
      if (session.problems.length) throw session.problems[0];
      await this.db.syncState.put({
        key: KEYS.status,
        value: { lastAttemptAt: startedAt, lastSuccessAt: this.now(), lastError: null, retryNotBefore: null, lastReport: report } satisfies StoredStatus,
      });
      return report;
    } catch (error) {
      finish();
      const retryAfterMs = error instanceof SyncError ? error.retryAfterMs : null;
      await this.db.syncState.put({
        key: KEYS.status,
        value: {
          ...previous,
          lastAttemptAt: startedAt,
          lastError: problemOf(error),
          retryNotBefore: retryAfterMs !== null ? this.now() + retryAfterMs : null,
          lastReport: report,
        } satisfies StoredStatus,
      });
      throw error;
    }
  }

  private async push(session: BackendSession, report: SyncReport): Promise<void> {
    const { db } = this;
    let pushed = await readState<string | null>(db, KEYS.pushed, null);
    const held = session.notStored ?? { annotations: new Set<string>(), corrections: new Set<string>() };
    const heldArticles = session.notStored?.articles ?? new Set<string>();
    for (;;) {
      // Records the backend held back stay queued, and are skipped for the rest of this sync.
      const entries = (await db.syncOutbox.orderBy('seq').toArray()).filter((e) => !held.annotations.has(e.id)).slice(0, this.batchRecords * 4);
      const ids = [...new Set(entries.map((e) => e.id))].slice(0, this.batchRecords);
      const included = entries.filter((e) => ids.includes(e.id));
      // Corrections ride with the first batch; later rounds of this loop find them carried.
      const all = await correctionChanges(db);
      const corrections = { added: all.added.filter((c) => !held.corrections.has(c.id)), removed: all.removed.filter((id) => !held.corrections.has(id)) };
      const queuedArticles = (await db.articleOutbox.toArray()).filter((row) => !heldArticles.has(row.key)).slice(0, this.batchArticles);
      if (!ids.length && !corrections.added.length && !corrections.removed.length && !queuedArticles.length) break;
      const annotations = (await db.annotations.bulkGet(ids)).filter((a): a is Annotation => a !== undefined);
      const keys = queuedArticles.map((row) => row.key);
      const articles = (await db.articles.bulkGet(keys)).filter((a): a is ArticleRecord => a !== undefined);
      const analyses = (await db.analyses.bulkGet(keys)).filter((a): a is ArticleAnalysisRecord => a !== undefined);
      const batch: ChangeBatch = { annotations, corrections: corrections.added, removedCorrections: corrections.removed, articles, analyses };
      pushed = await session.push(batch, pushed);
      await db.transaction('rw', [db.syncOutbox, db.syncState, db.correctionSync, db.articleOutbox], async () => {
        // Only the entries this batch carried: an edit made during the upload stays queued.
        await db.syncOutbox.bulkDelete(included.filter((e) => !held.annotations.has(e.id)).map((e: SyncOutboxEntry) => e.seq!));
        // An article read or analysed again during the upload has a new mark: it stays queued.
        const marks = new Map(queuedArticles.map((row) => [row.key, row.mark]));
        const now = await db.articleOutbox.bulkGet(keys);
        await db.articleOutbox.bulkDelete(now.filter((row) => row && !heldArticles.has(row.key) && marks.get(row.key) === row.mark).map((row) => row!.key));
        await db.syncState.put({ key: KEYS.pushed, value: pushed });
        const rows: CorrectionSyncRow[] = [
          ...corrections.added.filter((c) => !held.corrections.has(c.id)).map((c) => ({ id: c.id, removed: false })),
          ...corrections.removed.filter((id) => !held.corrections.has(id)).map((id) => ({ id, removed: true })),
        ];
        await db.correctionSync.bulkPut(rows);
      });
      report.pushed +=
        annotations.filter((a) => !held.annotations.has(a.id)).length +
        corrections.added.length +
        corrections.removed.length +
        articles.filter((a) => !heldArticles.has(a.key)).length +
        analyses.filter((a) => !heldArticles.has(a.articleKey)).length;
    }
    // Outside the loop on purpose: a publish that failed last time is retried even when nothing is new.
    await session.publish(pushed);
  }

  private async pull(session: BackendSession, report: SyncReport): Promise<void> {
    if (!session.hasIncoming) return;
    const { db } = this;
    for (;;) {
      const pulled = await readState<string | null>(db, KEYS.pulled, null);
      const next = await session.pull(pulled);
      if (!next) return;
      const { batch } = next;
      await db.transaction('rw', [db.annotations, db.corrections, db.correctionSync, db.syncState, db.syncOutbox, db.articles, db.analyses], async () => {
        const locals = await db.annotations.bulkGet(batch.annotations.map((a) => a.id));
        const writes = new Map<string, Annotation>();
        batch.annotations.forEach((incoming, i) => {
          // A batch may hold one record twice (the same id pushed in two edits): merge in order.
          const local = writes.get(incoming.id) ?? locals[i];
          const { merged, changed } = mergeAnnotation(local, incoming);
          if (!changed) return;
          report.conflicts += Math.max(0, (merged.conflicts?.length ?? 0) - (local?.conflicts?.length ?? 0));
          writes.set(merged.id, merged);
        });
        // Page notes another device wrote for an article that has one here: one note, both texts kept.
        const folded: string[] = [];
        const pageNoteArticles = new Set([...writes.values()].filter((a) => a.kind === 'page-note' && !a.deleted).map((a) => a.articleKey));
        for (const key of pageNoteArticles) {
          const stored = await db.annotations.where('articleKey').equals(key).filter((a) => a.kind === 'page-note').toArray();
          const notes = new Map(stored.map((a) => [a.id, writes.get(a.id) ?? a]));
          for (const written of writes.values()) if (written.articleKey === key && written.kind === 'page-note') notes.set(written.id, written);
          for (const merged of foldPageNotes([...notes.values()], this.clock.tick(), this.now())) {
            writes.set(merged.id, merged);
            folded.push(merged.id);
          }
        }
        await db.annotations.bulkPut([...writes.values()]);
        if (folded.length) await queueForSync(db, folded);
        const carried = new Map((await db.correctionSync.bulkGet(batch.corrections.map((c) => c.id))).filter((r) => r).map((r) => [r!.id, r!]));
        const fresh = batch.corrections.filter((c) => !carried.get(c.id)?.removed);
        await db.corrections.bulkPut(fresh);
        await db.corrections.bulkDelete(batch.removedCorrections);
        await db.correctionSync.bulkPut([
          ...fresh.map((c) => ({ id: c.id, removed: false })),
          ...batch.removedCorrections.map((id) => ({ id, removed: true })),
        ]);
        // Articles and analyses: the newest view wins. Not queued again: every device merges them the same way.
        const localArticles = await db.articles.bulkGet(batch.articles.map((a) => a.key));
        const articleWrites = new Map<string, ArticleRecord>();
        batch.articles.forEach((incoming, i) => {
          const { merged, changed } = mergeArticleRecord(articleWrites.get(incoming.key) ?? localArticles[i], incoming);
          if (changed) articleWrites.set(merged.key, merged);
        });
        await db.articles.bulkPut([...articleWrites.values()]);
        const localAnalyses = await db.analyses.bulkGet(batch.analyses.map((a) => a.articleKey));
        const analysisWrites = new Map<string, ArticleAnalysisRecord>();
        batch.analyses.forEach((incoming, i) => {
          const { merged, changed } = mergeArticleAnalysis(analysisWrites.get(incoming.articleKey) ?? localAnalyses[i], incoming);
          if (changed) analysisWrites.set(merged.articleKey, merged);
        });
        await db.analyses.bulkPut([...analysisWrites.values()]);
        await db.syncState.put({ key: KEYS.pulled, value: next.pulled });
      });
      // Later local edits must order after everything seen from elsewhere.
      for (const annotation of batch.annotations) for (const stamp of Object.values(annotation.seen ?? annotation.stamps)) this.clock.observe(stamp);
      report.pulled += batch.annotations.length + batch.corrections.length + batch.removedCorrections.length + batch.articles.length + batch.analyses.length;
    }
  }
}
