import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, loadPreferences, savePreferences } from './preferences';

const area = (initial: Record<string, unknown> = {}) => {
  const data: Record<string, unknown> = { ...initial };
  return { data, get: async (key: string) => (key in data ? { [key]: data[key] } : {}), set: async (items: Record<string, unknown>) => void Object.assign(data, items) };
};

describe('preferences', () => {
  it('start from the defaults', async () => {
    expect(await loadPreferences(area())).toEqual(DEFAULT_PREFERENCES);
  });
  it('keep what was saved, field by field', async () => {
    const storage = area();
    await savePreferences(storage, { language: 'en' });
    await savePreferences(storage, { sidebarOpen: false });
    expect(await loadPreferences(storage)).toEqual({ ...DEFAULT_PREFERENCES, language: 'en', sidebarOpen: false });
  });
  it.each([['a string', 'open'], ['a layer map with a missing layer', { layers: { speakers: false } }], ['a wrong language', { language: 'xx' }], ['a wrong type', { sidebarOpen: 'no' }], ['unknown keys', { evil: 1 }]])(
    'ignore a damaged stored value (%s)',
    async (_what, stored) => {
      expect(await loadPreferences(area({ preferences: stored }))).toEqual(DEFAULT_PREFERENCES);
    },
  );
});
