import { describe, expect, it } from 'vitest';
import { checkSyncSettings, loadSyncSettings, resolveSettingsInput, saveSyncSettings, serverPermission, isUnencryptedRemote, type SyncSettings } from './sync-settings';

const area = () => {
  const data: Record<string, unknown> = {};
  return { data, get: async (key: string) => (key in data ? { [key]: data[key] } : {}), set: async (items: Record<string, unknown>) => void Object.assign(data, items) };
};
const webdav: SyncSettings = { enabled: true, backend: 'webdav', url: 'https://dav.jianguoyun.com/dav/', username: 'reader@example.com', password: '密码🔑 with spaces', location: '安阅' };

describe('sync settings', () => {
  it('keep a Unicode password as it is', async () => {
    const storage = area();
    await saveSyncSettings(storage, webdav);
    expect(await loadSyncSettings(storage)).toEqual(webdav);
  });
  it.each([
    ['a javascript: URL', { ...webdav, url: 'javascript:alert(1)' }, /http\(s\)/],
    ['a missing folder', { ...webdav, location: '' }, /location/],
    ['a bad CouchDB name', { ...webdav, backend: 'couchdb', location: 'Anyue Notes' }, /database name/],
    ['an unknown backend', { ...webdav, backend: 'ftp' }, /backend/],
    ['an extra field', { ...webdav, token: 'x' }, /unexpected field/],
  ])('refuse %s', async (_what, settings, reason) => {
    expect(checkSyncSettings(settings)).toMatch(reason);
    await expect(saveSyncSettings(area(), settings as SyncSettings)).rejects.toThrow(reason);
  });
  it('ignore damaged stored settings', async () => {
    const storage = area();
    storage.data.syncSettings = { url: 5 };
    expect(await loadSyncSettings(storage)).toBeNull();
  });
  it('name the host permission the server needs, without a port', () => {
    expect(serverPermission('https://dav.jianguoyun.com/dav/')).toBe('https://dav.jianguoyun.com/*');
    expect(serverPermission('http://127.0.0.1:8080/webdav/')).toBe('http://127.0.0.1/*');
    expect(serverPermission('file:///etc/passwd')).toBeNull();
  });
  it('forget the stored password when the backend, address or user changes, keep it otherwise', () => {
    const keep = { ...webdav, password: null };
    expect(resolveSettingsInput(webdav, keep).password).toBe(webdav.password);
    expect(resolveSettingsInput(webdav, { ...keep, location: '别处', enabled: false }).password).toBe(webdav.password);
    expect(resolveSettingsInput(webdav, { ...keep, url: 'https://evil.example/dav/' }).password).toBe('');
    expect(resolveSettingsInput(webdav, { ...keep, username: 'other@example.com' }).password).toBe('');
    expect(resolveSettingsInput(webdav, { ...keep, backend: 'couchdb', location: 'anyue' }).password).toBe('');
    expect(resolveSettingsInput(null, keep).password).toBe('');
    expect(resolveSettingsInput(webdav, { ...keep, url: 'https://evil.example/', password: 'typed' }).password).toBe('typed');
  });
});

describe('isUnencryptedRemote', () => {
  it.each([
    ['http://dav.example.com/dav/', true],
    ['HTTP://nas.home.lan:5005/', true],
    ['https://dav.jianguoyun.com/dav/', false],
    ['http://127.0.0.1:5984/', false],
    ['http://localhost/dav/', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isUnencryptedRemote(url)).toBe(expected);
  });
});
