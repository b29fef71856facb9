// Sync failures the UI can show in plain words: what kind of thing went wrong, the HTTP status when there
// was one, and when to try again after the server asked us to slow down. Never carries credentials.

export type SyncErrorKind =
  /** The server refused the user name or password (401). */
  | 'auth'
  /** The folder or file is not where it should be and could not be created (404/409). */
  | 'path'
  /** The account may not read or write there (403). */
  | 'permission'
  /** No answer: offline, DNS, refused connection, dropped response. */
  | 'network'
  /** The server asked us to slow down (429, or 坚果云's 503 BlockedTemporarily). */
  | 'rate-limited'
  /** The server failed (5xx, or an answer we cannot read). */
  | 'server'
  /** A file on the server is damaged or was not written by 安阅 (bad checksum, bad JSON, bad record). */
  | 'corrupt'
  /** The settings cannot work (bad URL, empty user). */
  | 'config'
  /** The server's answer was larger than 安阅 reads (`count`: the limit in MB); reading stopped, nothing changed. */
  | 'too-large'
  /** Records on the server this version cannot read (`count` of them) were left untouched; the rest synced. */
  | 'unreadable';

export class SyncError extends Error {
  readonly kind: SyncErrorKind;
  readonly status: number | null;
  /** Milliseconds to wait before the next attempt, when the server said (or we chose) so. */
  readonly retryAfterMs: number | null;
  /** A number the reader's words need (see SyncErrorKind), or null. */
  readonly count: number | null;

  constructor(kind: SyncErrorKind, message: string, options: { status?: number | null; retryAfterMs?: number | null; count?: number | null; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SyncError';
    this.kind = kind;
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.count = options.count ?? null;
  }
}

/** What the UI stores and shows of a failure. */
export interface SyncProblem {
  kind: SyncErrorKind;
  message: string;
  status: number | null;
  /** See SyncError.count; absent in problems stored before it existed. */
  count?: number | null;
}

export function problemOf(error: unknown): SyncProblem {
  if (error instanceof SyncError) return { kind: error.kind, message: error.message, status: error.status, count: error.count };
  return { kind: 'server', message: `Sync failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`, status: null };
}
