// Where and how the reader syncs. Kept in storage.local only: never storage.sync (it does not reach mainland
// China and would copy the password to Google), never in synced files, never in logs.

import { object, oneOf, string, boolean } from '../records/check';
import type { KeyValueArea } from './preferences';

export type SyncBackendKind = 'webdav' | 'couchdb';

export interface SyncSettings {
  enabled: boolean;
  backend: SyncBackendKind;
  /** WebDAV root (https://dav.jianguoyun.com/dav/) or CouchDB server (https://couch.example.org/). */
  url: string;
  username: string;
  /** App password; any Unicode. */
  password: string;
  /** WebDAV: folder under the root. CouchDB: database name. */
  location: string;
}

export const JIANGUOYUN_PRESET = { backend: 'webdav', url: 'https://dav.jianguoyun.com/dav/', location: '安阅' } as const;

const SETTINGS_KEY = 'syncSettings';

export const syncSettingsShape = object({
  enabled: boolean,
  backend: oneOf<SyncBackendKind>('webdav', 'couchdb'),
  url: string(2_000, { nonEmpty: true }),
  username: string(200),
  password: string(1_000),
  location: string(200, { nonEmpty: true }),
});

/** The host permission sync needs for a server: scheme and host, any port (Firefox ignores ports in
 * match patterns, so a pattern with one would be granted yet not let requests through). Null when the
 * address is not http(s). */
export function serverPermission(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? `${parsed.protocol}//${parsed.hostname}/*` : null;
  } catch {
    return null;
  }
}

/** A reason the settings cannot work, or null. */
export function checkSyncSettings(value: unknown): string | null {
  const shape = syncSettingsShape(value, 'settings');
  if (shape) return shape;
  const settings = value as SyncSettings;
  if (!serverPermission(settings.url)) return 'settings.url: must be an http(s) address';
  if (settings.backend === 'couchdb' && !/^[a-z][a-z0-9_$()+/-]*$/.test(settings.location)) {
    return 'settings.location: a CouchDB database name is lower-case letters, digits and _$()+-/, starting with a letter';
  }
  return null;
}

/** Settings as a page sends them: no password (null) means "keep the stored one". */
export type SyncSettingsDraft = Omit<SyncSettings, 'password'> & { password: string | null };

/**
 * The settings to test or save from what the reader typed. A password left empty keeps the stored one only
 * for the same server and account: once the backend type, the address or the user name differs, the stored
 * secret is forgotten (it must never travel to a server the reader has just typed in).
 */
export function resolveSettingsInput(stored: SyncSettings | null, input: SyncSettingsDraft): SyncSettings {
  if (input.password !== null) return { ...input, password: input.password };
  const sameAccount = stored !== null && stored.backend === input.backend && stored.url === input.url && stored.username === input.username;
  return { ...input, password: sameAccount ? stored.password : '' };
}


export async function loadSyncSettings(area: KeyValueArea): Promise<SyncSettings | null> {
  const stored = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
  return stored !== undefined && checkSyncSettings(stored) === null ? (stored as SyncSettings) : null;
}

export async function saveSyncSettings(area: KeyValueArea, settings: SyncSettings): Promise<void> {
  const reason = checkSyncSettings(settings);
  if (reason) throw new Error(reason);
  await area.set({ [SETTINGS_KEY]: settings });
}

/**
 * Whether a server address sends the password and the reader's notes across the network unencrypted:
 * http:// to anything but this machine (a local test server or a NAS on 127.0.0.1 is the reader's own).
 */
export function isUnencryptedRemote(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:') return false;
  return !['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
}
