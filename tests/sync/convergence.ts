// The convergence run: three devices, real sync code, real HTTP to a real WebDAV server, seeded random
// concurrent edits, deletes, restores and correction changes, while a fault layer drops requests, loses
// answers, cuts uploads short and kills the "service worker" mid-sync. Then the faults heal, every device
// syncs until nothing moves, and two things are checked: all devices hold identical data, and a ledger of
// every edit finds none lost.
//
// "Lost", precisely:
// - a note version (its text is unique per edit) is lost if it is neither the shown note nor a kept
//   conflict of its record, unless a later edit made on a device where it was showing replaced it, or the
//   reader resolved a conflict while it was one of the versions on that device;
// - a tag addition is lost if the tag is missing, unless a device that held that very addition removed the tag;
// - a colour is lost if the record does not show the colour of its latest-stamped colour edit;
// - a record is wrongly deleted if it ends deleted while some creation, edit or restore of it was seen by no
//   delete (an edit concurrent with a delete must keep the record);
// - a correction is lost if it was added and never removed but is missing, or removed but still present.

import type { Correction } from '../../records/correction';
import type { Annotation, HighlightColour } from '../../records/annotation';
import { createAnnotation, resolveConflict, setDeleted, updateAnnotation } from '../../storage/annotations';
import { addCorrection, removeCorrection } from '../../storage/corrections';
import { faultyFetch, NO_FAULTS, SimulatedKill, type FaultRates, type FaultyFetch } from '../../sync/fault-fetch';
import { withSyncState } from '../../sync/merge';
import { seededRandom } from '../../sync/random';
import { makeDevice, newAnnotationInput, readArticle, snapshot, type Device } from './devices';

export interface ConvergenceOptions {
  server: { url: string };
  /** Builds one simulated device; WebDAV devices unless another backend's are given. */
  makeDevice?: typeof makeDevice;
  seed: number;
  folder: string;
  steps?: number;
  rates?: FaultRates;
}

export interface ConvergenceResult {
  converged: boolean;
  lost: string[];
  edits: number;
  syncs: number;
  failedSyncs: number;
  kills: number;
  faults: Record<string, number>;
  healRounds: number;
  /** Versions kept as conflicts, as the sync reports counted them. */
  conflicts: number;
}

export const DEFAULT_RATES: FaultRates = { drop: 0.06, loseResponse: 0.06, truncate: 0.2, kill: 0.03 };

interface NoteEdit {
  id: string;
  value: string;
  superseded: boolean;
}
interface TagAdd {
  id: string;
  tag: string;
  stamp: string;
  superseded: boolean;
}
interface LifeEvent {
  id: string;
  stamp: string;
}

const COLOURS: HighlightColour[] = ['yellow', 'green', 'blue', 'pink', 'purple'];
const TAGS = ['防汛', '台风', '地震', '应急', '森林防火'];

export async function runConvergence(options: ConvergenceOptions): Promise<ConvergenceResult> {
  const { seed } = options;
  const random = seededRandom(seed);
  let simulatedNow = 1_760_000_000_000;
  const now = () => simulatedNow;
  const faults: FaultyFetch[] = [];
  const devices: Device[] = ['a', 'b', 'c'].map((letter, i) => {
    const fault = faultyFetch(globalThis.fetch, seededRandom(seed * 31 + i), { ...(options.rates ?? DEFAULT_RATES) });
    faults.push(fault);
    return (options.makeDevice ?? makeDevice)(`dev${letter}${seed}`, options.server, options.folder, now, { fetch: fault.fetch });
  });

  const notes = new Map<string, NoteEdit>();
  const tagAdds: TagAdd[] = [];
  const life: LifeEvent[] = [];
  const deletes: { id: string; seen: Record<string, string> }[] = [];
  const colours = new Map<string, { stamp: string; colour: string }>();
  const addedCorrections = new Set<string>();
  const removedCorrections = new Set<string>();
  const result: ConvergenceResult = { converged: false, lost: [], edits: 0, syncs: 0, failedSyncs: 0, kills: 0, faults: {}, healRounds: 0, conflicts: 0 };

  const noteEdit = (id: string, value: string) => notes.set(value, { id, value, superseded: false });
  const supersede = (value: string) => {
    const entry = notes.get(value);
    if (entry) entry.superseded = true;
  };
  const recordColour = (a: Annotation) => {
    const known = colours.get(a.id);
    if (!known || a.stamps.colour > known.stamp) colours.set(a.id, { stamp: a.stamps.colour, colour: a.colour });
  };

  async function sync(device: Device): Promise<void> {
    result.syncs += 1;
    try {
      result.conflicts += (await device.engine.syncOnce()).conflicts;
    } catch (error) {
      result.failedSyncs += 1;
      if (error instanceof SimulatedKill) {
        result.kills += 1;
        device.restart();
      }
    }
  }

  const steps = options.steps ?? 150;
  for (let step = 0; step < steps; step++) {
    simulatedNow += random.below(4) * 250;
    const device = random.pick(devices);
    const { db, clock } = device;
    const live = (await db.annotations.toArray()).map(withSyncState);
    const roll = random.next();
    if (roll < 0.35) {
      await sync(device);
      continue;
    }
    result.edits += 1;
    // Now and then the reader (re)opens one of a few articles: its record and analysis travel too.
    if (random.chance(0.1)) await readArticle(db, 1 + random.below(4), now(), `读者${device.name}${step}`);
    const target = live.length ? random.pick(live) : null;
    if (!target || roll < 0.45) {
      const created = await createAnnotation(db, clock, { ...newAnnotationInput(() => random.next()), note: `n${seed}-${step}` }, now());
      noteEdit(created.id, created.note);
      life.push({ id: created.id, stamp: created.stamps.created });
      recordColour(created);
    } else if (roll < 0.6) {
      const value = `n${seed}-${step}-${device.name}`;
      supersede(target.note);
      const next = await updateAnnotation(db, clock, target.id, { note: value }, now());
      noteEdit(target.id, value);
      if (!target.deleted) life.push({ id: target.id, stamp: next.stamps.note });
    } else if (roll < 0.67) {
      const next = await updateAnnotation(db, clock, target.id, { colour: random.pick(COLOURS.filter((c) => c !== target.colour)) }, now());
      recordColour(next);
      if (!target.deleted) life.push({ id: target.id, stamp: next.stamps.colour });
    } else if (roll < 0.75) {
      const wanted = TAGS.filter(() => random.chance(0.4));
      const removed = target.tags.filter((t) => !wanted.includes(t));
      for (const add of tagAdds) {
        if (add.id === target.id && removed.includes(add.tag) && target.tagStamps.some((t) => t.tag === add.tag && t.stamp === add.stamp)) add.superseded = true;
      }
      const next = withSyncState(await updateAnnotation(db, clock, target.id, { tags: wanted }, now()));
      for (const t of next.tagStamps) if (t.stamp === next.stamps.tags && !target.tags.includes(t.tag)) tagAdds.push({ id: target.id, tag: t.tag, stamp: t.stamp, superseded: false });
      if (!target.deleted && next.stamps.tags !== target.stamps.tags) life.push({ id: target.id, stamp: next.stamps.tags });
    } else if (roll < 0.85) {
      const next = withSyncState(await setDeleted(db, clock, target.id, !target.deleted, now()));
      if (!target.deleted) deletes.push({ id: target.id, seen: { ...next.seen } });
      else life.push({ id: target.id, stamp: next.stamps.deleted });
    } else if (roll < 0.9 && target.conflicts.some((c) => c.field === 'note')) {
      const value = `n${seed}-${step}-resolved`;
      supersede(target.note);
      for (const c of target.conflicts) if (c.field === 'note') supersede(c.value);
      const next = await resolveConflict(db, clock, target.id, 'note', value, now());
      noteEdit(target.id, value);
      if (!target.deleted) life.push({ id: target.id, stamp: next.stamps.note });
    } else {
      const corrections = await db.corrections.toArray();
      if (corrections.length && random.chance(0.4)) {
        const gone = random.pick(corrections);
        await removeCorrection(db, gone.id);
        removedCorrections.add(gone.id);
      } else {
        const added = await addCorrection(db, { kind: 'not-speaker', name: `人${step}` }, now());
        addedCorrections.add(added.id);
      }
    }
  }

  // Heal: no more faults; sync everyone until a whole round moves nothing.
  for (const fault of faults) fault.rates = { ...NO_FAULTS };
  for (let round = 0; round < 8; round++) {
    result.healRounds += 1;
    let moved = 0;
    for (const device of devices) {
      const report = await device.engine.syncOnce().catch((error: Error) => {
        throw new Error(`device ${device.name} could not sync after healing: ${error.message}`);
      });
      moved += report.pushed + report.pulled;
      result.conflicts += report.conflicts;
    }
    if (moved === 0) break;
  }
  for (const fault of faults) for (const [kind, count] of Object.entries(fault.injected)) result.faults[kind] = (result.faults[kind] ?? 0) + count;

  const snapshots = await Promise.all(devices.map((d) => snapshot(d.db)));
  result.converged = snapshots.every((s) => s === snapshots[0]);

  // The ledger, against the first device (they are identical when converged).
  const final = new Map((await devices[0]!.db.annotations.toArray()).map((a) => [a.id, withSyncState(a)]));
  for (const entry of notes.values()) {
    const record = final.get(entry.id);
    const kept = record && (record.note === entry.value || record.conflicts.some((c) => c.field === 'note' && c.value === entry.value));
    if (!entry.superseded && !kept) result.lost.push(`note "${entry.value}" of ${entry.id}`);
  }
  for (const add of tagAdds) {
    if (!add.superseded && !final.get(add.id)?.tags.includes(add.tag)) result.lost.push(`tag ${add.tag} added at ${add.stamp} to ${add.id}`);
  }
  for (const [id, expected] of colours) {
    if (final.get(id)?.colour !== expected.colour) result.lost.push(`colour ${expected.colour} of ${id}`);
  }
  for (const event of life) {
    const record = final.get(event.id);
    if (!record) {
      result.lost.push(`record ${event.id} missing`);
      continue;
    }
    if (!record.deleted) continue;
    const device = event.stamp.slice(event.stamp.lastIndexOf(':') + 1);
    const covered = deletes.some((d) => d.id === event.id && (d.seen[device] ?? '') >= event.stamp);
    if (!covered) result.lost.push(`record ${event.id} deleted though its change ${event.stamp} was seen by no delete`);
  }
  const corrections = new Set((await devices[0]!.db.corrections.toArray()).map((c: Correction) => c.id));
  for (const id of addedCorrections) {
    if (removedCorrections.has(id) === corrections.has(id)) result.lost.push(`correction ${id} ${removedCorrections.has(id) ? 'came back' : 'missing'}`);
  }
  for (const device of devices) device.db.close();
  return result;
}

/** Runs the convergence test over several seeds and adds up the results (for the benchmarks' one line each). */
export async function runConvergenceSeeds(
  seeds: readonly number[],
  options: (seed: number) => ConvergenceOptions,
): Promise<{ runs: number; converged: number; lost: string[]; edits: number; faults: number; kills: number; conflicts: number; seconds: number }> {
  const started = performance.now();
  const totals = { runs: seeds.length, converged: 0, lost: [] as string[], edits: 0, faults: 0, kills: 0, conflicts: 0, seconds: 0 };
  for (const seed of seeds) {
    const result = await runConvergence(options(seed));
    totals.converged += result.converged ? 1 : 0;
    totals.lost.push(...result.lost.map((line) => `seed ${seed}: ${line}`));
    totals.edits += result.edits;
    totals.faults += (result.faults.drop ?? 0) + (result.faults.loseResponse ?? 0) + (result.faults.truncate ?? 0);
    totals.kills += result.kills;
    totals.conflicts += result.conflicts;
  }
  totals.seconds = (performance.now() - started) / 1000;
  return totals;
}

/** The benchmarks' line for a series: runs converged, lost edits (each listed), edits, faults, kills, conflicts. */
export function describeConvergence(label: string, totals: Awaited<ReturnType<typeof runConvergenceSeeds>>): string {
  return [
    ...totals.lost.map((line) => `  LOST (${line})`),
    `${label}: ${totals.converged}/${totals.runs} runs converged, ${totals.lost.length} lost edits, ${totals.edits} edits, ${totals.faults} injected faults, ${totals.kills} kills, ${totals.conflicts} conflicts kept  (${totals.seconds.toFixed(1)} s)`,
  ].join('\n');
}
