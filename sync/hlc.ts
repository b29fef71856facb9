// Hybrid logical clock: physical milliseconds, a counter for events within one millisecond (or when the wall
// clock went backwards), and the device id. The stamp format itself is a record (records/stamp.ts).

import { formatStamp, isStampWithinSkew, MAX_COUNTER, parseStamp, type Stamp } from '../records/stamp';

export { formatStamp, isStamp, parseStamp, type Stamp } from '../records/stamp';

export interface Clock {
  readonly device: string;
  /** A stamp later than every stamp this clock has made or seen. */
  tick(): Stamp;
  /** Takes in a stamp from elsewhere so later ticks order after it. */
  observe(stamp: Stamp): void;
}

export function createClock(device: string, now: () => number = Date.now): Clock {
  if (!/^[\w-]{1,64}$/.test(device)) throw new Error(`invalid device id: ${device}`);
  let lastMs = 0;
  let counter = 0;
  return {
    device,
    tick() {
      const ms = now();
      if (ms > lastMs) {
        lastMs = ms;
        counter = 0;
      } else if (counter < MAX_COUNTER) {
        counter += 1;
      } else {
        // The counter has five digits: past them the stamp would not parse and would sort wrongly, so
        // physical time moves on by a millisecond instead (still later than everything seen).
        lastMs += 1;
        counter = 0;
      }
      return formatStamp(lastMs, counter, device);
    },
    observe(stamp) {
      const parsed = parseStamp(stamp);
      // A stamp from far in the future (hostile or broken peer) is never adopted: boundaries refuse such
      // records, and the clock itself does not follow one that slipped through.
      if (!parsed || !isStampWithinSkew(stamp, now())) return;
      if (parsed.ms > lastMs || (parsed.ms === lastMs && parsed.counter > counter)) {
        lastMs = parsed.ms;
        counter = parsed.counter;
      }
    },
  };
}
