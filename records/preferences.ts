// The reader's interface preferences (storage.local) and the parts of them that messages carry.

import { boolean, object, oneOf, type Check } from './check';

export const UI_LANGUAGES = ['zh-CN', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const languageCheck: Check = oneOf<UiLanguage>(...UI_LANGUAGES);

export type LayerName = 'speakers' | 'quotes' | 'phrases';
export const LAYER_NAMES: LayerName[] = ['speakers', 'quotes', 'phrases'];
/** Which automatic highlight layers are painted. */
export type LayerVisibility = Record<LayerName, boolean>;
export const ALL_LAYERS_ON: LayerVisibility = { speakers: true, quotes: true, phrases: true };
export const layersCheck: Check = object({ speakers: boolean, quotes: boolean, phrases: boolean });

export interface Preferences {
  sidebarOpen: boolean;
  language: UiLanguage;
  layers: LayerVisibility;
}

export const DEFAULT_PREFERENCES: Preferences = { sidebarOpen: true, language: 'zh-CN', layers: ALL_LAYERS_ON };

/** Stored preferences: every field optional (older versions stored fewer). */
export const preferencesCheck: Check = object({}, { sidebarOpen: boolean, language: languageCheck, layers: layersCheck });
