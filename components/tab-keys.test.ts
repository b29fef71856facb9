import { describe, expect, it } from 'vitest';
import { tabIndexForKey } from './tab-keys';

describe('the tab row keys', () => {
  it('move right and left, wrapping round at the ends', () => {
    expect(tabIndexForKey('ArrowRight', 0, 8)).toBe(1);
    expect(tabIndexForKey('ArrowRight', 7, 8)).toBe(0);
    expect(tabIndexForKey('ArrowLeft', 0, 8)).toBe(7);
    expect(tabIndexForKey('ArrowLeft', 3, 8)).toBe(2);
  });
  it('jump to the first and last tab with Home and End', () => {
    expect(tabIndexForKey('Home', 5, 8)).toBe(0);
    expect(tabIndexForKey('End', 2, 8)).toBe(7);
  });
  it('leave every other key (and an empty row) alone', () => {
    for (const key of ['ArrowUp', 'ArrowDown', 'Enter', ' ', 'Tab', 'a']) expect(tabIndexForKey(key, 2, 8)).toBeNull();
    expect(tabIndexForKey('ArrowRight', 0, 0)).toBeNull();
  });
});
