import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ensureSyncAlarm, SYNC_ALARM } from './alarm';

describe('periodic sync alarm', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is created once and not replaced (its period not restarted) when the worker starts again', async () => {
    expect(await ensureSyncAlarm(fakeBrowser.alarms)).toBe(true);
    const first = await fakeBrowser.alarms.get(SYNC_ALARM);
    expect(first?.periodInMinutes).toBe(15);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await ensureSyncAlarm(fakeBrowser.alarms)).toBe(false);
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.scheduledTime).toBe(first?.scheduledTime);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
  });
});
