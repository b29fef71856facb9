// Hybrid logical clock stamps: physical milliseconds, a counter for events within one millisecond (or when
// the wall clock went backwards), and the device id. Stamps compare as plain strings, so per-field
// "latest edit wins" and "what I had seen" checks need no parsing.

export type Stamp = string;

const MS_DIGITS = 13;
const COUNTER_DIGITS = 5;

export function formatStamp(ms: number, counter: number, device: string): Stamp {
  return `${String(ms).padStart(MS_DIGITS, '0')}:${String(counter).padStart(COUNTER_DIGITS, '0')}:${device}`;
}

export function parseStamp(stamp: Stamp): { ms: number; counter: number; device: string } | null {
  const match = /^(\d{13}):(\d{5}):([\w-]{1,64})$/.exec(stamp);
  return match ? { ms: Number(match[1]), counter: Number(match[2]), device: match[3]! } : null;
}

export function isStamp(value: unknown): value is Stamp {
  return typeof value === 'string' && parseStamp(value) !== null;
}

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
      } else {
        counter += 1;
      }
      return formatStamp(lastMs, counter, device);
    },
    observe(stamp) {
      const parsed = parseStamp(stamp);
      if (!parsed) return;
      if (parsed.ms > lastMs || (parsed.ms === lastMs && parsed.counter > counter)) {
        lastMs = parsed.ms;
        counter = parsed.counter;
      }
    },
  };
}
