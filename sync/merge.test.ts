import { describe, expect, it } from 'vitest';
import { makeAnnotation } from '../library/test-data';
import type { Annotation, HighlightColour } from '../records/annotation';
import { createClock, formatStamp, type Clock } from './hlc';
import { applyConflictResolution, applyLocalChanges, applyLocalDeleted, mergeAnnotation, withSyncState } from './merge';
import { seededRandom } from './random';

const text = '要坚持人民至上、生命至上,统筹发展和安全。';
const at = (ms: number, device = 'a') => formatStamp(ms, 0, device);
const merge = (a: Annotation, b: Annotation) => withSyncState(mergeAnnotation(a, b).merged);

/** A record as device `origin` created it, with its sync fields. */
const created = (note = '原注') => withSyncState(makeAnnotation({ text, quote: '人民至上、生命至上', note, tags: ['防汛'], createdAt: 1_000 }));

describe('mergeAnnotation: fields', () => {
  const base = created();

  it('takes the newer edit of each field and keeps the rest', () => {
    const noteB = applyLocalChanges(base, { note: '乙改' }, at(5_000, 'b'), 5_000)!;
    const colourC = applyLocalChanges(base, { colour: 'pink' }, at(4_000, 'c'), 4_000)!;
    const { merged, changed } = mergeAnnotation(noteB, colourC);
    expect(changed).toBe(true);
    expect([merged.note, merged.colour, merged.conflicts]).toEqual(['乙改', 'pink', []]);
  });

  it('drops an edit the other side had seen and replaced (no conflict)', () => {
    const first = applyLocalChanges(base, { note: '甲一' }, at(2_000, 'a'), 2_000)!;
    const second = applyLocalChanges(merge(base, first), { note: '乙二' }, at(3_000, 'b'), 3_000)!;
    expect(mergeAnnotation(second, first)).toEqual({ merged: second, changed: false });
    expect(merge(first, second)).toMatchObject({ note: '乙二', conflicts: [] });
  });

  it('keeps both concurrent note edits: the newer shows, the other is a conflict', () => {
    const a = applyLocalChanges(base, { note: '甲的笔记' }, at(2_000, 'a'), 2_000)!;
    const b = applyLocalChanges(base, { note: '乙的笔记' }, at(3_000, 'b'), 3_000)!;
    for (const merged of [merge(a, b), merge(b, a)]) {
      expect(merged.note).toBe('乙的笔记');
      expect(merged.conflicts).toEqual([{ field: 'note', value: '甲的笔记', stamp: at(2_000, 'a') }]);
    }
  });

  it('keeps a concurrent edit even when its clock is far behind (no wall-clock trust)', () => {
    const slow = applyLocalChanges(base, { note: '慢钟' }, at(1_001, 'slow'), 1_001)!;
    const fast = applyLocalChanges(base, { note: '快钟' }, at(9_000_000, 'fast'), 9_000_000)!;
    expect(merge(fast, slow).conflicts.map((c) => c.value)).toEqual(['慢钟']);
  });

  it('keeps concurrent excerpt-text (target) edits as a conflict too', () => {
    const otherTarget = makeAnnotation({ text, quote: '统筹发展和安全' }).target;
    const a = applyConflictResolution(base, 'target', otherTarget, at(2_000, 'a'), 2_000);
    const b = applyConflictResolution(base, 'target', null, at(3_000, 'b'), 3_000);
    const merged = merge(a, b);
    expect(merged.target).toBeNull();
    expect(merged.conflicts).toEqual([{ field: 'target', value: otherTarget, stamp: at(2_000, 'a') }]);
  });

  it('a later plain edit keeps the conflict; resolving it clears it on every device', () => {
    const a = applyLocalChanges(base, { note: '甲' }, at(2_000, 'a'), 2_000)!;
    const b = applyLocalChanges(base, { note: '乙' }, at(3_000, 'b'), 3_000)!;
    const onA = merge(a, b);
    const edited = applyLocalChanges(onA, { note: '乙加' }, at(4_000, 'a'), 4_000)!;
    expect(edited.conflicts.map((c) => c.value)).toEqual(['甲']);
    const resolved = applyConflictResolution(edited, 'note', '甲乙合', at(5_000, 'a'), 5_000);
    expect(resolved.conflicts).toEqual([]);
    const onB = merge(merge(b, a), resolved);
    expect([onB.note, onB.conflicts]).toEqual(['甲乙合', []]);
  });

  it('resolves colour by stamp, without a conflict', () => {
    const a = applyLocalChanges(base, { colour: 'pink' }, at(2_000, 'a'), 2_000)!;
    const b = applyLocalChanges(base, { colour: 'blue' }, at(3_000, 'b'), 3_000)!;
    expect([merge(a, b).colour, merge(b, a).colour, merge(a, b).conflicts]).toEqual(['blue', 'blue', []]);
  });

  it('keeps tags as an add-wins set: concurrent adds both stay, an unseen add survives a removal', () => {
    const a = applyLocalChanges(base, { tags: ['防汛', '台风'] }, at(2_000, 'a'), 2_000)!;
    const b = applyLocalChanges(base, { tags: ['防汛', '地震'] }, at(3_000, 'b'), 3_000)!;
    expect(merge(a, b).tags).toEqual(['防汛', '台风', '地震']);
    // b removes 防汛 (which it had seen) while a re-adds nothing: the removal wins over the seen add.
    const removed = applyLocalChanges(b, { tags: ['地震'] }, at(4_000, 'b'), 4_000)!;
    expect(merge(a, removed).tags).toEqual(['台风', '地震']);
    // a concurrently adds 防汛 again (a new add b never saw): it stays.
    const readded = applyLocalChanges(applyLocalChanges(base, { tags: [] }, at(2_500, 'c'), 2_500)!, { tags: ['防汛'] }, at(5_000, 'c'), 5_000)!;
    expect(merge(removed, readded).tags).toContain('防汛');
  });
});

describe('mergeAnnotation: deletes', () => {
  const base = created();

  it('an edit concurrent with a delete keeps the record', () => {
    const deleted = applyLocalDeleted(base, true, at(5_000, 'a'), 5_000)!;
    const edited = applyLocalChanges(base, { note: '同时改' }, at(4_000, 'b'), 4_000)!;
    for (const merged of [merge(deleted, edited), merge(edited, deleted)]) expect([merged.deleted, merged.note]).toEqual([false, '同时改']);
  });

  it('a delete that had seen every edit deletes', () => {
    const edited = applyLocalChanges(base, { note: '先改' }, at(4_000, 'b'), 4_000)!;
    const deleted = applyLocalDeleted(merge(base, edited), true, at(5_000, 'a'), 5_000)!;
    expect(merge(edited, deleted).deleted).toBe(true);
    expect(merge(deleted, edited).deleted).toBe(true);
  });

  it('a restore concurrent with a delete keeps the record; two deletes delete', () => {
    const gone = applyLocalDeleted(base, true, at(2_000, 'a'), 2_000)!;
    const restored = applyLocalDeleted(gone, false, at(3_000, 'a'), 3_000)!;
    const deletedAgain = applyLocalDeleted(gone, true, at(2_000, 'b'), 2_000);
    expect(deletedAgain).toBeNull(); // already deleted there: nothing to do
    const otherDelete = applyLocalDeleted(base, true, at(4_000, 'b'), 4_000)!;
    expect(merge(otherDelete, restored).deleted).toBe(false);
    expect(merge(gone, otherDelete).deleted).toBe(true);
  });

  it('an edit of a tombstone does not bring it back by itself', () => {
    const gone = applyLocalDeleted(base, true, at(2_000, 'a'), 2_000)!;
    expect(applyLocalChanges(gone, { note: '垃圾箱里改' }, at(3_000, 'a'), 3_000)!.deleted).toBe(true);
  });
});

describe('mergeAnnotation: records from before sync fields existed', () => {
  it('derives a context from the stamps and lets the newer stamp win when one side saw the other', () => {
    const legacy = makeAnnotation({ text, quote: '人民至上、生命至上', note: '旧' });
    expect(legacy.seen).toBeUndefined();
    const edited = applyLocalChanges(legacy, { note: '新' }, at(1_900_000_000_000, 'b'), 1_900_000_000_000)!;
    expect(mergeAnnotation(legacy, edited).merged).toMatchObject({ note: '新', conflicts: [] });
    expect(mergeAnnotation(edited, legacy).changed).toBe(false);
  });

  it('adopts a record it did not have as it is', () => {
    const legacy = makeAnnotation({ text, quote: '人民至上、生命至上' });
    expect(mergeAnnotation(undefined, legacy)).toEqual({ merged: legacy, changed: true });
    expect(mergeAnnotation(legacy, structuredClone(legacy))).toEqual({ merged: legacy, changed: false });
  });

  it('refuses to merge two different annotations', () => {
    const one = makeAnnotation({ text, quote: '人民至上、生命至上' });
    const other = makeAnnotation({ text, quote: '统筹发展和安全' });
    expect(() => mergeAnnotation(one, other)).toThrow(/cannot merge/);
  });
});

// ——— Property tests: seeded random histories on several replicas of one record ———

interface LedgerEntry {
  value: string;
  stamp: string;
  /** Set when a causally later local edit replaced it (on a device where it was the shown version). */
  superseded: boolean;
}

function randomHistory(seed: number, steps = 60) {
  const random = seededRandom(seed);
  const devices = ['a', 'b', 'c'];
  let ms = 10_000;
  const clocks: Record<string, Clock> = Object.fromEntries(devices.map((d) => [d, createClock(d, () => ms)]));
  const start = created(`seed-${seed}`);
  const replicas: Record<string, Annotation> = Object.fromEntries(devices.map((d) => [d, structuredClone(start)]));
  const noteLedger = new Map<string, LedgerEntry>([[start.note, { value: start.note, stamp: start.stamps.note, superseded: false }]]);
  const states: Annotation[] = [start];
  for (let step = 0; step < steps; step++) {
    // Random clock skew: sometimes time stands still or a device's clock lags.
    ms += random.below(3) * random.below(500);
    const device = random.pick(devices);
    const clock = clocks[device]!;
    const replica = replicas[device]!;
    for (const stamp of Object.values(withSyncState(replica).seen)) clock.observe(stamp);
    const roll = random.next();
    let next: Annotation | null = null;
    if (roll < 0.3) {
      const value = `${device}${step}`;
      next = applyLocalChanges(replica, { note: value }, clock.tick(), ms);
      noteLedger.get(replica.note)!.superseded = true;
      noteLedger.set(value, { value, stamp: next!.stamps.note, superseded: false });
    } else if (roll < 0.4) {
      next = applyLocalChanges(replica, { colour: random.pick<HighlightColour>(['yellow', 'green', 'blue', 'pink']) }, clock.tick(), ms);
    } else if (roll < 0.5) {
      const tags = ['防汛', '台风', '地震', '应急'].filter(() => random.chance(0.5));
      next = applyLocalChanges(replica, { tags }, clock.tick(), ms);
    } else if (roll < 0.6) {
      next = applyLocalDeleted(replica, !replica.deleted, clock.tick(), ms);
    } else if (roll < 0.65 && (replica.conflicts ?? []).some((c) => c.field === 'note')) {
      for (const c of replica.conflicts!) if (c.field === 'note') noteLedger.get(c.value)!.superseded = true;
      noteLedger.get(replica.note)!.superseded = true;
      const value = `${device}${step}r`;
      next = applyConflictResolution(replica, 'note', value, clock.tick(), ms);
      noteLedger.set(value, { value, stamp: next.stamps.note, superseded: false });
    } else {
      const from = random.pick(devices);
      next = merge(replica, replicas[from]!);
    }
    if (next) {
      replicas[device] = next;
      states.push(next);
    }
  }
  return { states, replicas: devices.map((d) => replicas[d]!), noteLedger };
}

const comparable = (a: Annotation) => JSON.stringify({ ...withSyncState(a), updatedAt: 0 });

describe('mergeAnnotation: properties over seeded random histories', () => {
  const seeds = Array.from({ length: 40 }, (_, i) => i + 1);

  it.each(seeds)('seed %i: commutative, associative, idempotent', (seed) => {
    const random = seededRandom(seed * 7919);
    const { states } = randomHistory(seed);
    for (let i = 0; i < 30; i++) {
      const [x, y, z] = [random.pick(states), random.pick(states), random.pick(states)];
      expect(comparable(merge(x, y))).toBe(comparable(merge(y, x)));
      expect(comparable(merge(merge(x, y), z))).toBe(comparable(merge(x, merge(y, z))));
      const xy = merge(x, y);
      expect(mergeAnnotation(xy, xy).changed).toBe(false);
      expect(mergeAnnotation(xy, x).changed).toBe(false);
    }
  });

  it.each(seeds)('seed %i: every replica converges and no note edit is lost', (seed) => {
    const { replicas, noteLedger } = randomHistory(seed);
    const orders = [[0, 1, 2], [2, 1, 0], [1, 0, 2]];
    const results = orders.map((order) => order.map((i) => replicas[i]!).reduce((acc, r) => merge(acc, r)));
    expect(new Set(results.map(comparable)).size).toBe(1);
    const final = results[0]!;
    const kept = new Set([final.note, ...(final.conflicts ?? []).filter((c) => c.field === 'note').map((c) => c.value)]);
    const lost = [...noteLedger.values()].filter((entry) => !entry.superseded && !kept.has(entry.value));
    expect(lost).toEqual([]);
    // And nothing superseded comes back.
    for (const value of kept) expect(noteLedger.get(value)?.superseded).toBe(false);
  });
});
