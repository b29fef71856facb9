// The reader's interface preferences, in storage.local (never storage.sync: it does not reach mainland
// China and never crosses between browsers).

import { ALL_LAYERS_ON } from '../highlights/layers';
import { boolean, object, oneOf } from '../records/check';
import { layersShape, type LayerVisibility, type UiLanguage } from '../messaging/protocol';

export interface Preferences {
  sidebarOpen: boolean;
  language: UiLanguage;
  /** Which highlight layers are painted. */
  layers: LayerVisibility;
}

export const DEFAULT_PREFERENCES: Preferences = {
  sidebarOpen: true,
  language: 'zh-CN',
  layers: ALL_LAYERS_ON,
};

const PREFERENCES_KEY = 'preferences';

const preferencesShape = object({}, { sidebarOpen: boolean, language: oneOf('zh-CN', 'en'), layers: layersShape });

export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Stored preferences over the defaults; a damaged stored value is ignored, not trusted. */
export async function loadPreferences(area: KeyValueArea): Promise<Preferences> {
  const stored = (await area.get(PREFERENCES_KEY))[PREFERENCES_KEY];
  if (stored === undefined || preferencesShape(stored, 'preferences') !== null) return { ...DEFAULT_PREFERENCES };
  return { ...DEFAULT_PREFERENCES, ...(stored as Partial<Preferences>) };
}

export async function savePreferences(area: KeyValueArea, change: Partial<Preferences>): Promise<Preferences> {
  const next = { ...(await loadPreferences(area)), ...change };
  await area.set({ [PREFERENCES_KEY]: next });
  return next;
}
