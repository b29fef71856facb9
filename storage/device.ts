// This browser profile's device id: random, made once, kept in storage.local. It names the device in
// change stamps (and, for sync, in the files it writes).

import { createClock, type Clock } from '../sync/hlc';
import type { KeyValueArea } from './preferences';

const DEVICE_KEY = 'device';

export async function loadDeviceClock(area: KeyValueArea): Promise<Clock> {
  const stored = (await area.get(DEVICE_KEY))[DEVICE_KEY];
  let device = typeof stored === 'string' && /^[\w-]{8,64}$/.test(stored) ? stored : null;
  if (!device) {
    device = crypto.randomUUID().replace(/-/g, '').slice(0, 16);
    await area.set({ [DEVICE_KEY]: device });
  }
  return createClock(device);
}
