// The reader's interface preferences, in storage.local (never storage.sync: it does not reach mainland
// China and never crosses between browsers).

import { DEFAULT_PREFERENCES, preferencesCheck, type Preferences } from '../records/preferences';

export { DEFAULT_PREFERENCES, type Preferences };

const PREFERENCES_KEY = 'preferences';


export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Stored preferences over the defaults; a damaged stored value is ignored, not trusted. */
export async function loadPreferences(area: KeyValueArea): Promise<Preferences> {
  const stored = (await area.get(PREFERENCES_KEY))[PREFERENCES_KEY];
  if (stored === undefined || preferencesCheck(stored, 'preferences') !== null) return { ...DEFAULT_PREFERENCES };
  return { ...DEFAULT_PREFERENCES, ...(stored as Partial<Preferences>) };
}

export async function savePreferences(area: KeyValueArea, change: Partial<Preferences>): Promise<Preferences> {
  const next = { ...(await loadPreferences(area)), ...change };
  await area.set({ [PREFERENCES_KEY]: next });
  return next;
}
