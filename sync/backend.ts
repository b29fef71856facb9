// What the sync engine needs from a server, whatever it is (WebDAV folder, CouchDB database). A backend
// moves batches of whole records; the engine owns the database, the merge rules and the bookkeeping, and
// stores the two opaque positions a backend hands back (how far this device pushed, how far it pulled)
// in the same transaction as the data they describe, so a killed service worker resumes exactly there.

import type { ArticleAnalysisRecord } from '../records/analysis';
import type { Annotation } from '../records/annotation';
import type { ArticleRecord } from '../records/article';
import type { Correction } from '../records/correction';

/**
 * Records as they travel: whole annotations (merged field by field on arrival), corrections, and the articles
 * with their latest analyses, from which every device builds the library's indexes (merged by time).
 */
export interface ChangeBatch {
  annotations: Annotation[];
  /** Corrections added (immutable once made). */
  corrections: Correction[];
  /** Ids of corrections removed: tombstones, never inferred from absence. */
  removedCorrections: string[];
  articles: ArticleRecord[];
  analyses: ArticleAnalysisRecord[];
}

export const emptyBatch = (): ChangeBatch => ({ annotations: [], corrections: [], removedCorrections: [], articles: [], analyses: [] });

/** Requests made and bytes moved (request and response bodies), counted by the backend. */
export interface Traffic {
  requests: number;
  bytes: number;
}

/** One sync's view of the server, opened with as few requests as the backend can manage (WebDAV: one). */
export interface BackendSession {
  /** True when other devices have published changes past the pull position given to `open`. */
  readonly hasIncoming: boolean;
  /** Stores one batch durably; resolves with the push position to keep once the batch is off the outbox. */
  push(batch: ChangeBatch, pushed: string | null): Promise<string>;
  /** Makes everything pushed up to `pushed` visible to other devices. Safe to repeat; cheap when done. */
  publish(pushed: string | null): Promise<void>;
  /** The next batch from other devices after `pulled`, with the position to store once it is applied; null when none. */
  pull(pulled: string | null): Promise<{ batch: ChangeBatch; pulled: string } | null>;
  /** Batches that could not be read this time (damaged files), reported after everything else was pulled. */
  readonly problems: readonly Error[];
  /**
   * Records whose pushed change the backend did not store (the server's version of them could not be read and
   * was left untouched): their outbox entries stay, and this sync does not offer them again.
   */
  readonly notStored?: { readonly annotations: ReadonlySet<string>; readonly corrections: ReadonlySet<string>; readonly articles?: ReadonlySet<string> };
}

export interface SyncBackend {
  readonly traffic: Traffic;
  /** Checks the settings: reachable, credentials accepted, folder usable. Throws a SyncError saying what failed. */
  testConnection(): Promise<void>;
  /** Starts a sync for `device`, given the positions the engine stored last time. */
  open(device: string, pushed: string | null, pulled: string | null): Promise<BackendSession>;
}
