// How wide the sidebar is drawn in a window of a given width, and how far the reader may resize it there.
// Pure: the frame (sidebar-frame.ts) applies the numbers; the unit tests check them without a browser.

import { SIDEBAR_MAX_WIDTH_PX, SIDEBAR_MIN_WIDTH_PX } from '../../records/preferences';

/** Narrower than this beside the sidebar, the page is covered rather than squeezed into a column. */
export const MIN_PAGE_WIDTH_PX = 560;
/** One press of ← or → on the sidebar's edge. */
export const SIDEBAR_WIDTH_STEP_PX = 20;

export interface SidebarLayout {
  /** The frame's width now. */
  width: number;
  /** Whether the page is pushed aside (it keeps MIN_PAGE_WIDTH_PX beside the sidebar) or covered. */
  pushing: boolean;
}

/** The reader's chosen width in this window: never wider than the window, the page pushed when it still fits. */
export function sidebarLayout(preferred: number, windowWidth: number): SidebarLayout {
  const window = Math.max(0, Math.floor(windowWidth));
  const width = Math.min(Math.max(Math.round(preferred), SIDEBAR_MIN_WIDTH_PX), SIDEBAR_MAX_WIDTH_PX, window);
  return { width, pushing: window - width >= MIN_PAGE_WIDTH_PX };
}

/** How far the reader may resize now. While the page is pushed, no wider than leaves it its minimum width (a
 * drag past that would suddenly flip to covering it); while covered, up to the window. */
export function widthRange(windowWidth: number, pushing: boolean): { min: number; max: number } {
  const window = Math.max(0, Math.floor(windowWidth));
  const max = Math.max(0, Math.min(SIDEBAR_MAX_WIDTH_PX, pushing ? window - MIN_PAGE_WIDTH_PX : window));
  return { min: Math.min(SIDEBAR_MIN_WIDTH_PX, max), max };
}

/** A width asked for (by a drag or a key), held to the range. */
export function clampWidth(wanted: number, range: { min: number; max: number }): number {
  return Math.min(Math.max(Math.round(wanted), range.min), range.max);
}

/** The width a key press on the edge asks for (the edge moves with ← and →), or null for other keys. */
export function widthForKey(key: string, width: number, range: { min: number; max: number }): number | null {
  switch (key) {
    case 'ArrowLeft':
      return clampWidth(width + SIDEBAR_WIDTH_STEP_PX, range);
    case 'ArrowRight':
      return clampWidth(width - SIDEBAR_WIDTH_STEP_PX, range);
    case 'Home':
      return range.min;
    case 'End':
      return range.max;
    default:
      return null;
  }
}
