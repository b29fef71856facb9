// Hybrid logical clock stamps as records carry them: 13-digit physical milliseconds, a 5-digit counter and the
// device id. Stamps compare as plain strings, so per-field "latest edit wins" needs no parsing.

import type { Check } from './check';

export type Stamp = string;

const MS_DIGITS = 13;
const COUNTER_DIGITS = 5;
export const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
export const MAX_STAMP_MS = 10 ** MS_DIGITS - 1;

/**
 * How far ahead of this device's clock a stamp from elsewhere may be. A stamp beyond it comes from a broken
 * peer clock, a hostile server or a crafted backup; adopting it would drag every later local edit to that
 * far time (or make the local counter overflow), so it is refused. One day covers any real clock drift
 * and time-zone mistake.
 */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

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

/** True when the stamp is no further ahead of `now` than the allowed skew. */
export const isStampWithinSkew = (stamp: Stamp, now: number): boolean => (parseStamp(stamp)?.ms ?? Infinity) <= now + MAX_CLOCK_SKEW_MS;

/** A stamp in form only (a page sending back the stamp it was shown; it is compared, never adopted). */
export const stampFormCheck: Check = (value, path) => (isStamp(value) ? null : `${path}: not an HLC stamp (13-digit ms, 5-digit counter, device id)`);

/** A stamp, and not from further ahead than MAX_CLOCK_SKEW_MS past `now` (the receiving device's time). */
export const stampCheck =
  (now: number): Check =>
  (value, path) => {
    if (!isStamp(value)) return `${path}: not an HLC stamp (13-digit ms, 5-digit counter, device id)`;
    if (!isStampWithinSkew(value, now)) return `${path}: stamp is more than a day ahead of this device's clock`;
    return null;
  };
