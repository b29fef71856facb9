import { describe, expect, it } from 'vitest';
import { createClock, formatStamp, isStamp, parseStamp } from './hlc';

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
});
