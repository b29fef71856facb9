// Sync settings and runs, as extension pages ask for them. Pages never read the stored password back.

import { checkSyncSettings, loadSyncSettings, resolveSettingsInput, saveSyncSettings } from '../../storage/sync-settings';
import type { Handler, Handlers } from './context';

const saveOrTest: Handler<'sync/save-settings' | 'sync/test'> = async (message, sender, context) => {
  if (!context.fromExtensionPage(sender)) return context.refuse(`${message.type}: not from an extension page`);
  const { deps } = context;
  const settings = resolveSettingsInput(await loadSyncSettings(deps.preferences), message.settings);
  const reason = checkSyncSettings(settings);
  if (reason) return context.refuse(`${message.type}: ${reason}`);
  if (message.type === 'sync/test') {
    const outcome = await deps.sync.test(settings);
    return { ok: true, problem: outcome.ok ? null : outcome.problem };
  }
  await saveSyncSettings(deps.preferences, settings);
  deps.sync.reset();
  if (settings.enabled) deps.sync.changed();
  return { ok: true };
};

export const syncHandlers: Handlers = {
  async 'sync/status'(_message, sender, context) {
    if (!context.fromExtensionPage(sender)) return context.refuse('sync/status: not from an extension page');
    const [status, settings] = await Promise.all([context.deps.sync.status(), loadSyncSettings(context.deps.preferences)]);
    if (!settings) return { ok: true, status, settings: null };
    const { password, ...visible } = settings;
    return { ok: true, status, settings: { ...visible, hasPassword: password.length > 0 } };
  },
  'sync/save-settings': saveOrTest as Handler<'sync/save-settings'>,
  'sync/test': saveOrTest as Handler<'sync/test'>,
  async 'sync/now'(_message, sender, context) {
    if (!context.fromExtensionPage(sender)) return context.refuse('sync/now: not from an extension page');
    const outcome = await context.deps.sync.syncNow();
    return outcome.ok ? { ok: true, report: outcome.report, problem: null } : { ok: true, report: null, problem: outcome.problem };
  },
};
