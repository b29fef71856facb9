import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, preferencesCheck, sidebarWidthCheck, textSizeCheck } from './preferences';

describe('the comfort preferences', () => {
  it('default to the sidebar width it always had and the standard text size', () => {
    expect(DEFAULT_PREFERENCES.sidebarWidth).toBe(380);
    expect(DEFAULT_PREFERENCES.textSize).toBe('standard');
    expect(preferencesCheck(DEFAULT_PREFERENCES, 'preferences')).toBeNull();
  });

  it('hold a sidebar width to whole pixels from 300 to 720', () => {
    for (const width of [300, 380, 720]) expect(sidebarWidthCheck(width, 'w')).toBeNull();
    for (const width of [299, 721, 380.5, Number.NaN, Infinity, '380', null]) expect(sidebarWidthCheck(width, 'w'), String(width)).not.toBeNull();
  });

  it('know four text sizes and no others', () => {
    for (const size of ['small', 'standard', 'large', 'x-large']) expect(textSizeCheck(size, 't')).toBeNull();
    for (const size of ['huge', '', 'Large', 16, null]) expect(textSizeCheck(size, 't'), String(size)).not.toBeNull();
  });

  it('refuse a stored value with a damaged width or size (the defaults are used then)', () => {
    expect(preferencesCheck({ sidebarWidth: 4000 }, 'preferences')).not.toBeNull();
    expect(preferencesCheck({ textSize: 'enormous' }, 'preferences')).not.toBeNull();
    expect(preferencesCheck({ sidebarWidth: 500, textSize: 'large' }, 'preferences')).toBeNull();
  });
});
