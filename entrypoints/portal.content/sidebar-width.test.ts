import { describe, expect, it } from 'vitest';
import { clampWidth, MIN_PAGE_WIDTH_PX, sidebarLayout, widthForKey, widthRange } from './sidebar-width';

describe('the sidebar width in a window', () => {
  it('pushes the page at the reader\u2019s width while the page keeps its minimum beside it', () => {
    expect(sidebarLayout(380, 1280)).toEqual({ width: 380, pushing: true });
    expect(sidebarLayout(600, 1280)).toEqual({ width: 600, pushing: true });
    // 1280 − 720 = 560: just enough.
    expect(sidebarLayout(720, 1280)).toEqual({ width: 720, pushing: true });
    // As before resizing existed: 380 beside a 1024 px window leaves 644 px.
    expect(sidebarLayout(380, 1024)).toEqual({ width: 380, pushing: true });
  });

  it('covers the page when the window is too narrow for both, and is never wider than the window', () => {
    expect(sidebarLayout(380, 900)).toEqual({ width: 380, pushing: false });
    // A narrower sidebar makes room again in the same window.
    expect(sidebarLayout(300, 900)).toEqual({ width: 300, pushing: true });
    expect(sidebarLayout(600, 400)).toEqual({ width: 400, pushing: false });
    expect(sidebarLayout(380, 250)).toEqual({ width: 250, pushing: false });
  });

  it('holds a stored width to 300..720 whatever it says', () => {
    expect(sidebarLayout(100, 1600).width).toBe(300);
    expect(sidebarLayout(5000, 1600).width).toBe(720);
  });

  it('lets a drag go no wider than leaves the pushed page its minimum; up to the window while covering', () => {
    expect(widthRange(1280, true)).toEqual({ min: 300, max: 720 });
    expect(widthRange(1000, true)).toEqual({ min: 300, max: 1000 - MIN_PAGE_WIDTH_PX });
    expect(widthRange(900, false)).toEqual({ min: 300, max: 720 });
    expect(widthRange(500, false)).toEqual({ min: 300, max: 500 });
    expect(widthRange(250, false)).toEqual({ min: 250, max: 250 });
    expect(clampWidth(1000, widthRange(1000, true))).toBe(440);
    expect(clampWidth(120.4, widthRange(1280, true))).toBe(300);
    expect(clampWidth(433.6, widthRange(1280, true))).toBe(434);
  });

  it('moves the edge by a step with \u2190 and \u2192, to the ends with Home and End, and ignores other keys', () => {
    const range = widthRange(1280, true);
    expect(widthForKey('ArrowLeft', 380, range)).toBe(400);
    expect(widthForKey('ArrowRight', 380, range)).toBe(360);
    expect(widthForKey('ArrowRight', 310, range)).toBe(300);
    expect(widthForKey('ArrowLeft', 715, range)).toBe(720);
    expect(widthForKey('Home', 500, range)).toBe(300);
    expect(widthForKey('End', 500, range)).toBe(720);
    expect(widthForKey('ArrowUp', 500, range)).toBeNull();
    expect(widthForKey('a', 500, range)).toBeNull();
  });
});
