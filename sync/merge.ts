// Merging two versions of the same annotation (from an import, or from another device). Each mutable field
// is a last-writer-wins register ordered by its HLC stamp, so the merge is commutative, associative and
// idempotent: every replica that has seen the same versions holds the same record, whatever the order.
// An older edit never overwrites a newer one.

import { MUTABLE_FIELDS, type Annotation, type MutableField } from '../storage/annotation';

export interface MergeResult {
  merged: Annotation;
  /** True when the merged record differs from `local` (something must be written). */
  changed: boolean;
}

function takeField<F extends MutableField>(into: Annotation, from: Annotation, field: F): void {
  (into as unknown as Record<F, unknown>)[field] = structuredClone((from as unknown as Record<F, unknown>)[field]);
  into.stamps[field] = from.stamps[field];
}

export function mergeAnnotation(local: Annotation | undefined, incoming: Annotation): MergeResult {
  if (!local) return { merged: structuredClone(incoming), changed: true };
  if (local.id !== incoming.id) throw new Error(`cannot merge ${local.id} with ${incoming.id}`);
  const merged = structuredClone(local);
  let changed = false;
  for (const field of MUTABLE_FIELDS) {
    if (incoming.stamps[field] > local.stamps[field]) {
      takeField(merged, incoming, field);
      changed = true;
    }
  }
  // Immutable facts: the earliest creation wins, so both sides agree even if they disagree.
  if (incoming.stamps.created < local.stamps.created) {
    merged.stamps.created = incoming.stamps.created;
    merged.createdAt = incoming.createdAt;
    changed = true;
  }
  if (changed) merged.updatedAt = Math.max(local.updatedAt, incoming.updatedAt);
  return { merged, changed };
}
