import { describe, expect, it } from 'vitest';
import { createClock, formatStamp, isStamp, parseStamp } from './hlc';
import { MAX_CLOCK_SKEW_MS, MAX_COUNTER } from '../records/stamp';

describe('hybrid logical clock', () => {
  it('orders stamps as strings in the order they were made, within one millisecond too', () => {
    let now = 1_700_000_000_000;
    const clock = createClock('dev-a', () => now);
    const stamps = [clock.tick(), clock.tick(), clock.tick()];
    now += 1;
    stamps.push(clock.tick());
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(4);
  });

  it('keeps counting when the wall clock goes backwards', () => {
    let now = 2_000;
    const clock = createClock('a', () => now);
    const first = clock.tick();
    now = 1_000;
    const second = clock.tick();
    expect(second > first).toBe(true);
    expect(parseStamp(second)).toEqual({ ms: 2_000, counter: 1, device: 'a' });
  });

  it('orders its next stamp after a stamp seen from another device', () => {
    const clock = createClock('a', () => 1_000);
    const remote = formatStamp(5_000, 7, 'b');
    clock.observe(remote);
    expect(clock.tick() > remote).toBe(true);
  });

  it('refuses malformed stamps and device ids', () => {
    expect(isStamp('0000000001000:00000:a')).toBe(true);
    for (const bad of ['', '1000:0:a', '0000000001000:00000:', '0000000001000:00000:a b', 42, null]) expect(isStamp(bad)).toBe(false);
    expect(() => createClock('no spaces')).toThrow(/device id/);
  });

  it('rolls its time forward instead of overflowing the counter, so every stamp still parses and sorts last', () => {
    const clock = createClock('a', () => 1_000);
    clock.observe(formatStamp(1_000, MAX_COUNTER - 1, 'b'));
    const stamps = [clock.tick(), clock.tick(), clock.tick()];
    expect(stamps.map(parseStamp)).toEqual([
      { ms: 1_000, counter: MAX_COUNTER, device: 'a' },
      { ms: 1_001, counter: 0, device: 'a' },
      { ms: 1_001, counter: 1, device: 'a' },
    ]);
    expect([...stamps].sort()).toEqual(stamps);
  });

  it('does not follow a stamp from far in the future (a hostile server, a crafted backup, a broken peer clock)', () => {
    const now = 1_700_000_000_000;
    const clock = createClock('a', () => now);
    clock.observe('9999999999999:99999:x');
    clock.observe(formatStamp(now + MAX_CLOCK_SKEW_MS + 1, 0, 'b'));
    const next = clock.tick();
    expect(parseStamp(next)).toEqual({ ms: now, counter: 0, device: 'a' });
    // Drift within the allowed skew is followed as before.
    const near = formatStamp(now + 60_000, 3, 'b');
    clock.observe(near);
    expect(clock.tick() > near).toBe(true);
  });
});
