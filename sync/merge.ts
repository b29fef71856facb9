// Merging two versions of the same annotation (from an import, or from another device), losing no edit.
//
// Every record carries a causal context `seen` (per device, the latest stamp of that device's edits it
// includes). Each mutable field is then a small CRDT whose elements are tagged with the stamp of the edit
// that made them; an element one side lacks is dropped only if that side has seen its stamp (it was
// superseded there), otherwise it is kept (it is news). That one rule gives:
// - note and target (excerpt text): multi-value registers — the newest version shows, concurrent ones are
//   kept in `conflicts` until the reader resolves them;
// - tags: an add-wins set (a tag added on one device survives a concurrent removal elsewhere);
// - life: `liveBy` holds the stamps of creations, edits and restores no delete has seen; a delete empties
//   it, so an edit or restore concurrent with a delete keeps the record;
// - colour: last writer wins by stamp (a colour is cheap to pick again).
// Merging is commutative, associative and idempotent (property-tested), so every device converges.
// Records written before the sync fields existed get a context derived from their stamps.

import type { TextTarget } from '../anchoring/selectors';
import {
  CONFLICT_FIELDS,
  normaliseTags,
  type Annotation,
  type AnnotationChanges,
  type ConflictField,
  type FieldConflict,
  type TagStamp,
} from '../records/annotation';
import { parseStamp, type Stamp } from './hlc';

export interface MergeResult {
  merged: Annotation;
  /** True when the merged record differs from `local` (something must be written). */
  changed: boolean;
}

/** An annotation with its sync fields present. */
export type SyncedAnnotation = Annotation & Required<Pick<Annotation, 'seen' | 'conflicts' | 'tagStamps' | 'liveBy'>>;

const deviceOf = (stamp: Stamp): string => parseStamp(stamp)?.device ?? '';
const maxStamp = (a: Stamp, b: Stamp): Stamp => (a > b ? a : b);
/** Whether a record whose context is `seen` has seen the edit stamped `stamp`. */
const hasSeen = (seen: Record<string, Stamp>, stamp: Stamp): boolean => {
  const device = deviceOf(stamp);
  // Own keys only: a device hostile enough to call itself "__proto__" must not read the prototype.
  return Object.hasOwn(seen, device) && seen[device]! >= stamp;
};

function allStamps(annotation: Annotation): Stamp[] {
  return Object.values(annotation.stamps).filter((stamp): stamp is Stamp => typeof stamp === 'string');
}

/** The record with its sync fields, derived from its stamps when it predates them (deterministically). */
export function withSyncState(annotation: Annotation): SyncedAnnotation {
  const latestOf = new Map<string, Stamp>();
  for (const stamp of allStamps(annotation)) {
    const device = deviceOf(stamp);
    if (device) latestOf.set(device, maxStamp(latestOf.get(device) ?? '', stamp));
  }
  const derivedSeen = Object.fromEntries(latestOf);
  const latest = allStamps(annotation).reduce(maxStamp, '');
  return {
    ...annotation,
    seen: annotation.seen ?? derivedSeen,
    conflicts: annotation.conflicts ?? [],
    tagStamps: annotation.tagStamps ?? annotation.tags.map((tag, rank) => ({ tag, stamp: annotation.stamps.tags, rank })),
    liveBy: annotation.liveBy ?? (annotation.deleted ? [] : [latest]),
  };
}

/**
 * The elements of two observed-remove sets that survive a merge: those both hold, and those one holds that
 * the other has not seen. `key` names an element; `stampOf` gives the edit that made it.
 */
function survivors<T>(
  mine: readonly T[],
  theirs: readonly T[],
  mySeen: Record<string, Stamp>,
  theirSeen: Record<string, Stamp>,
  key: (item: T) => string,
  stampOf: (item: T) => Stamp,
): T[] {
  const theirKeys = new Map(theirs.map((item) => [key(item), item]));
  const myKeys = new Set(mine.map(key));
  const kept = new Map<string, T>();
  for (const item of mine) {
    const k = key(item);
    const other = theirKeys.get(k);
    if (other !== undefined) {
      // Both hold it; if hostile data gave one stamp two values, pick one the same way on every device.
      kept.set(k, JSON.stringify(other) < JSON.stringify(item) ? other : item);
    } else if (!hasSeen(theirSeen, stampOf(item))) kept.set(k, item);
  }
  for (const item of theirs) {
    const k = key(item);
    if (!myKeys.has(k) && !hasSeen(mySeen, stampOf(item))) kept.set(k, item);
  }
  return [...kept.values()];
}

interface Version<V> {
  value: V;
  stamp: Stamp;
}

function versionsOf(annotation: SyncedAnnotation, field: ConflictField): Version<unknown>[] {
  const shown = { value: annotation[field] as unknown, stamp: annotation.stamps[field] };
  return [shown, ...annotation.conflicts.filter((c) => c.field === field).map(({ value, stamp }) => ({ value, stamp }))];
}

const byStampDescending = (a: { stamp: Stamp }, b: { stamp: Stamp }) => (a.stamp < b.stamp ? 1 : a.stamp > b.stamp ? -1 : 0);

function mergeSeen(a: Record<string, Stamp>, b: Record<string, Stamp>): Record<string, Stamp> {
  const get = (seen: Record<string, Stamp>, device: string) => (Object.hasOwn(seen, device) ? seen[device]! : '');
  // fromEntries defines own keys, whatever their names.
  return Object.fromEntries([...new Set([...Object.keys(a), ...Object.keys(b)])].sort().map((device) => [device, maxStamp(get(a, device), get(b, device))]));
}

const byStampThenTag = (a: TagStamp, b: TagStamp) =>
  a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : a.rank - b.rank || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0);

/** The visible tag list of a tag set: in the order tags were added, each once. */
export function tagsOf(tagStamps: readonly TagStamp[]): string[] {
  return [...new Set([...tagStamps].sort(byStampThenTag).map((t) => t.tag))];
}

/** Builds a record in one fixed shape (key order included), so equal states serialise equally. */
function assemble(base: Annotation, parts: {
  note: Version<string>;
  target: Version<TextTarget | null>;
  colour: Version<Annotation['colour']>;
  conflicts: FieldConflict[];
  tagStamps: TagStamp[];
  liveBy: Stamp[];
  seen: Record<string, Stamp>;
  stamps: Annotation['stamps'];
  createdAt: number;
  updatedAt: number;
}): SyncedAnnotation {
  return {
    id: base.id,
    articleKey: base.articleKey,
    articleUrl: base.articleUrl,
    articleTitle: base.articleTitle,
    kind: base.kind,
    target: structuredClone(parts.target.value),
    colour: parts.colour.value,
    note: parts.note.value,
    tags: tagsOf(parts.tagStamps),
    speakers: structuredClone(base.speakers),
    excerpt: structuredClone(base.excerpt),
    createdAt: parts.createdAt,
    updatedAt: parts.updatedAt,
    deleted: parts.liveBy.length === 0,
    stamps: {
      created: parts.stamps.created,
      colour: parts.colour.stamp,
      note: parts.note.stamp,
      tags: parts.stamps.tags,
      deleted: parts.stamps.deleted,
      target: parts.target.stamp,
    },
    seen: parts.seen,
    conflicts: structuredClone(parts.conflicts),
    tagStamps: parts.tagStamps.map(({ tag, stamp, rank }) => ({ tag, stamp, rank })),
    liveBy: [...parts.liveBy],
  };
}

function mergeStates(a: SyncedAnnotation, b: SyncedAnnotation): SyncedAnnotation {
  const conflicts: FieldConflict[] = [];
  const shown: Record<string, Version<unknown>> = {};
  for (const field of CONFLICT_FIELDS) {
    const versions = survivors(versionsOf(a, field), versionsOf(b, field), a.seen, b.seen, (v) => v.stamp, (v) => v.stamp).sort(byStampDescending);
    // Only hostile data could leave none; then the newest of all wins rather than nothing.
    const [first, ...rest] = versions.length ? versions : [...versionsOf(a, field), ...versionsOf(b, field)].sort(byStampDescending);
    shown[field] = first!;
    for (const version of rest) conflicts.push({ field, value: version.value, stamp: version.stamp } as FieldConflict);
  }
  conflicts.sort((x, y) => byStampDescending(x, y) || (x.field < y.field ? -1 : x.field > y.field ? 1 : 0));
  const colourA = { value: a.colour, stamp: a.stamps.colour };
  const colourB = { value: b.colour, stamp: b.stamps.colour };
  const colour = colourA.stamp !== colourB.stamp ? (colourA.stamp > colourB.stamp ? colourA : colourB) : colourA.value <= colourB.value ? colourA : colourB;
  const tagStamps = survivors(a.tagStamps, b.tagStamps, a.seen, b.seen, (t) => `${t.stamp}\u0000${t.tag}`, (t) => t.stamp).sort(byStampThenTag);
  const liveBy = survivors(a.liveBy, b.liveBy, a.seen, b.seen, (s) => s, (s) => s).sort();
  // Immutable facts: the earliest creation wins, so both sides agree even if they disagree.
  const base = b.stamps.created < a.stamps.created ? b : a;
  return assemble(base, {
    note: shown.note as Version<string>,
    target: shown.target as Version<TextTarget | null>,
    colour,
    conflicts,
    tagStamps,
    liveBy,
    seen: mergeSeen(a.seen, b.seen),
    stamps: {
      ...base.stamps,
      tags: maxStamp(a.stamps.tags, b.stamps.tags),
      deleted: maxStamp(a.stamps.deleted, b.stamps.deleted),
    },
    createdAt: base.createdAt,
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
  });
}

export function mergeAnnotation(local: Annotation | undefined, incoming: Annotation): MergeResult {
  // A record we did not have is taken as it is (an old backup stays byte-for-byte the same).
  if (!local) return { merged: structuredClone(incoming), changed: true };
  if (local.id !== incoming.id) throw new Error(`cannot merge ${local.id} with ${incoming.id}`);
  const mine = withSyncState(local);
  const merged = mergeStates(mine, withSyncState(incoming));
  // Merging a state with itself gives its canonical form: the same text means nothing new arrived.
  if (JSON.stringify(merged) === JSON.stringify(mergeStates(mine, mine))) return { merged: structuredClone(local), changed: false };
  return { merged, changed: true };
}

// ——— Local edits: each one stamps what it changes and records, in `seen`, that this device made it. ———

function begin(annotation: Annotation, stamp: Stamp, now: number): SyncedAnnotation {
  const next = structuredClone(withSyncState(annotation));
  next.seen = mergeSeen(next.seen, { [deviceOf(stamp)]: stamp });
  next.updatedAt = now;
  return next;
}

/** An edit keeps a live record alive against deletes that have not seen it; a tombstone stays one. */
function touch(next: SyncedAnnotation, stamp: Stamp): void {
  if (next.liveBy.length) next.liveBy = [stamp];
}

/** The sync fields of a record just created. */
export function createdSyncState(tags: string[], stamp: Stamp): Required<Pick<Annotation, 'seen' | 'conflicts' | 'tagStamps' | 'liveBy'>> {
  return { seen: { [deviceOf(stamp)]: stamp }, conflicts: [], tagStamps: tags.map((tag, rank) => ({ tag, stamp, rank })), liveBy: [stamp] };
}

/**
 * The record after a local change of colour, note or tags; null when nothing really changes. `noteBase` is
 * the stamp of the note the reader's draft started from: when the stored note has changed since (another
 * device, another tab), the draft still shows, and the version it would overwrite is kept as a conflict
 * the reader resolves, as for concurrent edits that meet in sync.
 */
export function applyLocalChanges(annotation: Annotation, changes: AnnotationChanges, stamp: Stamp, now: number, noteBase?: Stamp | null): SyncedAnnotation | null {
  const next = begin(annotation, stamp, now);
  let changed = false;
  if (changes.colour !== undefined && changes.colour !== next.colour) {
    next.colour = changes.colour;
    next.stamps.colour = stamp;
    changed = true;
  }
  if (changes.note !== undefined && changes.note !== next.note) {
    const stale = noteBase !== undefined && noteBase !== next.stamps.note && next.note !== '';
    if (stale && !next.conflicts.some((c) => c.field === 'note' && c.stamp === next.stamps.note)) {
      next.conflicts = [...next.conflicts, { field: 'note', value: next.note, stamp: next.stamps.note }];
    }
    // Replaces the shown version only: versions kept as conflicts stay until the reader resolves them.
    next.note = changes.note;
    next.stamps.note = stamp;
    changed = true;
  }
  if (changes.tags !== undefined) {
    const wanted = normaliseTags(changes.tags);
    const had = new Set(next.tags);
    const removed = next.tags.filter((tag) => !wanted.includes(tag));
    const added = wanted.filter((tag) => !had.has(tag));
    if (removed.length || added.length) {
      next.tagStamps = [...next.tagStamps.filter((t) => !removed.includes(t.tag)), ...added.map((tag) => ({ tag, stamp, rank: wanted.indexOf(tag) }))].sort(byStampThenTag);
      next.tags = tagsOf(next.tagStamps);
      next.stamps.tags = stamp;
      changed = true;
    }
  }
  if (!changed) return null;
  touch(next, stamp);
  return next;
}

/** The record deleted or restored; null when it already is. */
export function applyLocalDeleted(annotation: Annotation, deleted: boolean, stamp: Stamp, now: number): SyncedAnnotation | null {
  if (annotation.deleted === deleted) return null;
  const next = begin(annotation, stamp, now);
  // A delete removes every reason to live it has seen; a restore is a new one.
  next.liveBy = deleted ? [] : [stamp];
  next.deleted = deleted;
  next.stamps.deleted = stamp;
  return next;
}

/** The reader's answer to a conflict: `value` shows, every other version of `field` is dropped. */
export function applyConflictResolution(annotation: Annotation, field: ConflictField, value: string | TextTarget | null, stamp: Stamp, now: number): SyncedAnnotation {
  const next = begin(annotation, stamp, now);
  if (field === 'note') {
    if (typeof value !== 'string') throw new Error('a note is text');
    next.note = value;
  } else {
    next.target = structuredClone(value as TextTarget | null);
  }
  next.stamps[field] = stamp;
  next.conflicts = next.conflicts.filter((c) => c.field !== field);
  touch(next, stamp);
  return next;
}

/**
 * Two devices that each wrote the article's first page note made two records (two ids) for what the reader
 * knows as one note. Folds the live page notes of one article into the earliest (by creation, then id, the
 * same on every device, and the one `pageNoteOf` shows): every note text is kept, the newest shown and the
 * others as conflicts the reader resolves; the others are deleted with `stamp` (a delete an edit made
 * elsewhere meanwhile undoes, and then they fold again). Returns the records to write; empty when there
 * is one note or none.
 */
export function foldPageNotes(notes: readonly Annotation[], stamp: Stamp, now: number): SyncedAnnotation[] {
  const live = notes.filter((n) => n.kind === 'page-note' && !n.deleted).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (live.length < 2) return [];
  const [keeper, ...others] = live.map(withSyncState) as [SyncedAnnotation, ...SyncedAnnotation[]];
  const byStamp = new Map<Stamp, string>();
  for (const note of [keeper, ...others]) {
    for (const version of versionsOf(note, 'note')) if (!byStamp.has(version.stamp)) byStamp.set(version.stamp, version.value as string);
  }
  const versions = [...byStamp].map(([s, value]) => ({ stamp: s, value })).sort(byStampDescending);
  // An empty page note holds nothing worth a conflict; a text always shows before it.
  const texts = versions.filter((v) => v.value !== '');
  const [shown, ...rest] = texts.length ? texts : versions;
  const folded = structuredClone(keeper);
  folded.note = shown!.value;
  folded.stamps.note = shown!.stamp;
  folded.conflicts = [...keeper.conflicts.filter((c) => c.field !== 'note'), ...rest.map((v) => ({ field: 'note' as const, value: v.value, stamp: v.stamp }))].sort(byStampDescending);
  folded.updatedAt = now;
  return [folded, ...others.map((other) => applyLocalDeleted(other, true, stamp, now)!)];
}
