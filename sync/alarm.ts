// The periodic sync alarm. alarms.create with an existing name replaces the alarm and restarts its period,
// and the background runs this on every worker start: a worker woken more often than every 15 minutes
// (messages, tab events) would push the alarm back each time and periodic sync would never fire. So the
// alarm is created only when it is missing.

export const SYNC_ALARM = 'anyue-sync';
export const SYNC_PERIOD_MINUTES = 15;

interface Alarms {
  get(name: string): Promise<{ name: string } | undefined | null>;
  create(name: string, info: { periodInMinutes: number }): Promise<void> | void;
}

/** Creates the periodic sync alarm unless it already exists; true when it was created. */
export async function ensureSyncAlarm(alarms: Alarms): Promise<boolean> {
  if (await alarms.get(SYNC_ALARM)) return false;
  await alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
  return true;
}
