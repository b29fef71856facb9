import { useEffect, useState } from 'preact/hooks';
import type { ErrorReply, Message, Replies, SyncSettingsInput, SyncSettingsView } from '../messaging/protocol';
import type { UiLanguage } from '../records/preferences';
import { isUnencryptedRemote, JIANGUOYUN_PRESET, serverPermission, type SyncBackendKind } from '../storage/sync-settings';
import type { SyncErrorKind, SyncProblem } from '../sync/errors';
import type { SyncStatus } from '../sync/sync-engine';
import { formatDateTime, translator, type MessageKey } from './i18n';

const ERROR_WORDS: Record<SyncErrorKind, MessageKey> = {
  auth: 'errorAuth',
  path: 'errorPath',
  permission: 'errorPermission',
  network: 'errorNetwork',
  'rate-limited': 'errorRateLimited',
  server: 'errorServer',
  corrupt: 'errorCorrupt',
  config: 'errorConfig',
  'too-large': 'errorTooLarge',
  unreadable: 'errorUnreadable',
};

/** A sync failure in plain words, with the HTTP status and the detail behind it. */
export function describeProblem(problem: SyncProblem, language: UiLanguage): string {
  const t = translator(language);
  const words = t(ERROR_WORDS[problem.kind] ?? 'errorServer').replace('{n}', String(problem.count ?? '?'));
  return `${words}${problem.status ? ` (HTTP ${problem.status})` : ''} ${problem.message}`;
}

interface Props {
  language: UiLanguage;
  send(message: Message): Promise<unknown>;
  /** Asks the reader to let 安阅 reach the server (an optional host permission pattern, inside the click). */
  requestPermission(pattern: string): Promise<boolean>;
}

const EMPTY: SyncSettingsInput = { enabled: true, backend: 'webdav', url: '', username: '', password: null, location: '安阅' };

/** Sync settings (坚果云 preset, test connection) and status: last sync, waiting changes, errors. */
export function SyncPanel({ language, send, requestPermission }: Props) {
  const t = translator(language);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [stored, setStored] = useState<SyncSettingsView | null>(null);
  const [form, setForm] = useState<SyncSettingsInput>(EMPTY);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const refresh = async () => {
    const reply = (await send({ type: 'sync/status' })) as Replies['sync/status'] | ErrorReply;
    if (!reply?.ok) return;
    setStatus(reply.status);
    setStored(reply.settings);
    return reply.settings;
  };
  useEffect(() => {
    void refresh().then((settings) => {
      if (settings) {
        const { hasPassword: _hasPassword, ...visible } = settings;
        setForm({ ...visible, password: null });
      }
    });
    const timer = setInterval(() => void refresh(), 5_000);
    return () => clearInterval(timer);
  }, []);

  const set = <K extends keyof SyncSettingsInput>(key: K, value: SyncSettingsInput[K]) => setForm({ ...form, [key]: value });

  /** Every server action starts in the reader's click: that is when the permission may be asked for. */
  const withPermission = async (action: () => Promise<void>) => {
    const pattern = serverPermission(form.url);
    if (!pattern) return setMessage(`${t('errorConfig')} ${t('syncUrl')}`);
    setBusy(true);
    try {
      if (!(await requestPermission(pattern))) return setMessage(t('syncPermissionDenied'));
      await action();
    } finally {
      setBusy(false);
    }
  };
  const test = () =>
    withPermission(async () => {
      const reply = (await send({ type: 'sync/test', settings: form })) as Replies['sync/test'] | ErrorReply;
      setMessage(!reply?.ok ? reply?.error ?? '' : reply.problem ? describeProblem(reply.problem, language) : t('syncTestOk'));
    });
  const save = () =>
    withPermission(async () => {
      const reply = (await send({ type: 'sync/save-settings', settings: form })) as Replies['sync/save-settings'] | ErrorReply;
      setMessage(reply?.ok ? t('syncSaved') : reply?.error ?? '');
      await refresh();
    });
  const syncNow = async () => {
    setBusy(true);
    setMessage(t('syncing'));
    const reply = (await send({ type: 'sync/now' })) as Replies['sync/now'] | ErrorReply;
    setBusy(false);
    if (!reply?.ok) return setMessage(reply?.error ?? '');
    setMessage(
      reply.report
        ? t('syncDone').replace('{pushed}', String(reply.report.pushed)).replace('{pulled}', String(reply.report.pulled)).replace('{conflicts}', String(reply.report.conflicts))
        : describeProblem(reply.problem!, language),
    );
    await refresh();
  };

  return (
    <section class="sync-panel" aria-label={t('syncTab')}>
      <dl class="facts sync-status">
        <div class="fact">
          <dt>{t('syncLastSuccess')}</dt>
          <dd data-testid="sync-last">{status?.lastSuccessAt ? formatDateTime(status.lastSuccessAt, language) : stored ? t('syncNever') : t('syncNotSetUp')}</dd>
        </div>
        <div class="fact">
          <dt>{t('syncPending')}</dt>
          <dd data-testid="sync-pending">{status?.pendingChanges ?? '–'}</dd>
        </div>
        {status?.lastError && (
          <div class="fact">
            <dt>{t('syncLastError')}</dt>
            <dd class="error">{describeProblem(status.lastError, language)}</dd>
          </div>
        )}
      </dl>
      {stored && (
        <button type="button" class="sync-now" disabled={busy} onClick={() => void syncNow()}>
          {t('syncNow')}
        </button>
      )}
      <form
        class="sync-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label class="inline">
          {/* Without a server there is no sync to be on: the box is unticked and waits for an address. */}
          <input
            type="checkbox"
            name="enabled"
            checked={form.enabled && form.url.trim() !== ''}
            disabled={form.url.trim() === ''}
            onChange={(e) => set('enabled', (e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {t('syncEnabled')}
        </label>
        <fieldset>
          <legend>{t('syncServerType')}</legend>
          {(['webdav', 'couchdb'] as SyncBackendKind[]).map((kind) => (
            <label key={kind} class="inline">
              <input type="radio" name="backend" value={kind} checked={form.backend === kind} onChange={() => set('backend', kind)} />
              {kind === 'webdav' ? ` ${t('syncWebdavKind')}` : ' CouchDB'}
            </label>
          ))}
        </fieldset>
        {form.backend === 'webdav' && (
          <div class="preset">
            <button type="button" onClick={() => setForm({ ...form, ...JIANGUOYUN_PRESET })}>
              {t('syncJianguoyun')}
            </button>
            <p class="meta">{t('syncJianguoyunHelp')}</p>
          </div>
        )}
        <label>
          {t('syncUrl')}
          <input name="url" type="url" required value={form.url} placeholder="https://dav.jianguoyun.com/dav/" onInput={(e) => set('url', (e.currentTarget as HTMLInputElement).value)} />
        </label>
        {isUnencryptedRemote(form.url) && (
          <p class="warning" role="alert">
            {t('syncUnencrypted')}
          </p>
        )}
        <label>
          {t('syncUser')}
          <input name="username" autocomplete="username" value={form.username} onInput={(e) => set('username', (e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          {t('syncPassword')}
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            value={form.password ?? ''}
            placeholder={stored?.hasPassword ? t('syncPasswordKept') : ''}
            onInput={(e) => set('password', (e.currentTarget as HTMLInputElement).value || null)}
          />
        </label>
        <label>
          {form.backend === 'webdav' ? t('syncFolder') : t('syncDatabase')}
          <input name="location" required value={form.location} onInput={(e) => set('location', (e.currentTarget as HTMLInputElement).value)} />
        </label>
        <div class="sync-buttons">
          <button type="button" class="sync-test" disabled={busy} onClick={() => void test()}>
            {t('syncTest')}
          </button>
          <button type="submit" class="sync-save" disabled={busy}>
            {t('syncSave')}
          </button>
        </div>
      </form>
      <p class="sync-message" role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
