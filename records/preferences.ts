// The reader's interface preferences (storage.local) and the parts of them that messages carry.

import { boolean, integer, object, oneOf, type Check } from './check';
import { HIGHLIGHT_COLOURS, type HighlightColour } from './annotation';

export const UI_LANGUAGES = ['zh-CN', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const languageCheck: Check = oneOf<UiLanguage>(...UI_LANGUAGES);

export type LayerName = 'speakers' | 'quotes' | 'phrases';
export const LAYER_NAMES: LayerName[] = ['speakers', 'quotes', 'phrases'];
/** Which automatic highlight layers are painted. */
export type LayerVisibility = Record<LayerName, boolean>;
export const ALL_LAYERS_ON: LayerVisibility = { speakers: true, quotes: true, phrases: true };
export const layersCheck: Check = object({ speakers: boolean, quotes: boolean, phrases: boolean });

/** The reader's names for the highlight colours (`重要`, `待核实`, `可引用`…); a colour without one has none. */
export type ColourNames = Partial<Record<HighlightColour, string>>;
export const MAX_COLOUR_NAME = 12;

const colourName: Check = (value, path) =>
  typeof value === 'string' && value.trim() === value && value.length >= 1 && Array.from(value).length <= MAX_COLOUR_NAME && !/[\u0000-\u001f\u007f]/.test(value)
    ? null
    : `${path}: a colour name is 1–${MAX_COLOUR_NAME} characters without surrounding spaces`;
export const colourNamesCheck: Check = object({}, Object.fromEntries(HIGHLIGHT_COLOURS.map((colour) => [colour, colourName])));

/** Names as the reader typed them, made storable: trimmed, cut to length, empty ones dropped. */
export function cleanColourNames(names: Partial<Record<HighlightColour, string>>): ColourNames {
  const clean: ColourNames = {};
  for (const colour of HIGHLIGHT_COLOURS) {
    const name = Array.from((names[colour] ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim()).slice(0, MAX_COLOUR_NAME).join('').trim();
    if (name) clean[colour] = name;
  }
  return clean;
}

/** The width the reader gave the sidebar, in CSS pixels. A window too narrow for it shows it narrower
 * (entrypoints/portal.content/sidebar-width.ts); the preference keeps what the reader chose. */
export const SIDEBAR_MIN_WIDTH_PX = 300;
export const SIDEBAR_MAX_WIDTH_PX = 720;
export const SIDEBAR_DEFAULT_WIDTH_PX = 380;
export const sidebarWidthCheck: Check = integer(SIDEBAR_MIN_WIDTH_PX, SIDEBAR_MAX_WIDTH_PX);

/** The size of the extension's own text (sidebar, library, first-run page), in four steps. */
export const TEXT_SIZES = ['small', 'standard', 'large', 'x-large'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];
export const textSizeCheck: Check = oneOf<TextSize>(...TEXT_SIZES);

export interface Preferences {
  sidebarOpen: boolean;
  language: UiLanguage;
  layers: LayerVisibility;
  colourNames: ColourNames;
  sidebarWidth: number;
  textSize: TextSize;
}

export const DEFAULT_PREFERENCES: Preferences = {
  sidebarOpen: true,
  language: 'zh-CN',
  layers: ALL_LAYERS_ON,
  colourNames: {},
  sidebarWidth: SIDEBAR_DEFAULT_WIDTH_PX,
  textSize: 'standard',
};

/** Stored preferences: every field optional (older versions stored fewer). */
export const preferencesCheck: Check = object(
  {},
  { sidebarOpen: boolean, language: languageCheck, layers: layersCheck, colourNames: colourNamesCheck, sidebarWidth: sidebarWidthCheck, textSize: textSizeCheck },
);
