// When and whether the background syncs: after local changes (debounced), on the periodic alarm and on
// demand; only with complete settings and the host permission for the server granted. Keeps one engine per
// settings, so a changed server or account starts afresh. Never runs in a content script.

import type { AnyueDatabase } from '../storage/database';
import type { SyncSettings } from '../storage/sync-settings';
import { serverPermission } from '../storage/sync-settings';
import type { SyncBackend } from './backend';
import { SyncError, problemOf, type SyncProblem } from './errors';
import type { Clock } from './hlc';
import { getSyncStatus, SyncEngine, type SyncReport, type SyncStatus } from './sync-engine';

export interface SyncRunnerDeps {
  db: AnyueDatabase;
  clock: Promise<Clock>;
  loadSettings(): Promise<SyncSettings | null>;
  /** Whether the optional host permission (a match pattern such as https://host/*) is granted. */
  hasPermission(pattern: string): Promise<boolean>;
  createBackend(settings: SyncSettings): SyncBackend;
  log(message: string): void;
  /** After a successful round (e.g. to repaint pages when changes arrived). */
  afterSync?(report: SyncReport): void;
  /** Delay between a local change and the sync it triggers. */
  debounceMs?: number;
}

export type SyncOutcome = { ok: true; report: SyncReport } | { ok: false; problem: SyncProblem };

/** Settings identity: a new engine when any of these change (never logged: it holds the password). */
const fingerprint = (settings: SyncSettings) =>
  JSON.stringify([settings.backend, settings.url, settings.username, settings.password, settings.location]);

export function createSyncRunner(deps: SyncRunnerDeps) {
  let engine: { key: string; engine: SyncEngine } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function engineFor(settings: SyncSettings): Promise<SyncEngine> {
    const key = fingerprint(settings);
    if (engine?.key !== key) engine = { key, engine: new SyncEngine(deps.db, await deps.clock, deps.createBackend(settings)) };
    return engine.engine;
  }

  async function ready(settings: SyncSettings | null): Promise<SyncSettings> {
    if (!settings) throw new SyncError('config', 'Sync is not set up.');
    const pattern = serverPermission(settings.url);
    if (!pattern) throw new SyncError('config', 'The server address must start with http:// or https://.');
    if (!(await deps.hasPermission(pattern))) {
      throw new SyncError('permission', `安阅 may not reach ${new URL(settings.url).host} yet: allow it in the sync settings.`);
    }
    return settings;
  }

  /** One sync round now, if sync is set up and enabled. */
  async function syncNow(): Promise<SyncOutcome> {
    clearTimeout(timer);
    try {
      const settings = await ready(await deps.loadSettings());
      if (!settings.enabled) throw new SyncError('config', 'Sync is switched off.');
      const report = await (await engineFor(settings)).syncOnce();
      deps.afterSync?.(report);
      return { ok: true, report };
    } catch (error) {
      const problem = problemOf(error);
      // Kind and status only: messages may quote server answers, never credentials, but keep logs lean.
      deps.log(`sync failed: ${problem.kind}${problem.status ? ` (HTTP ${problem.status})` : ''}`);
      return { ok: false, problem };
    }
  }

  return {
    syncNow,
    /** A local change happened: sync a little later, once edits settle. */
    changed(): void {
      clearTimeout(timer);
      timer = setTimeout(() => void syncNow(), deps.debounceMs ?? 5_000);
    },
    /** Checks settings before they are saved: reachable, accepted, folder usable. */
    async test(settings: SyncSettings): Promise<SyncOutcome | { ok: true; report: null }> {
      try {
        await deps.createBackend(await ready(settings)).testConnection();
        return { ok: true, report: null };
      } catch (error) {
        return { ok: false, problem: problemOf(error) };
      }
    },
    status(): Promise<SyncStatus> {
      return getSyncStatus(deps.db);
    },
    /** Settings changed: the next sync uses a new engine. */
    reset(): void {
      engine = null;
    },
  };
}

export type SyncRunner = ReturnType<typeof createSyncRunner>;
