// Records that arrive from a server are untrusted: each is checked field by field before it may touch the
// database, and a batch with one bad record is refused whole (the reason names the path that failed).

import { textTargetCheck } from '../anchoring/selectors';
import { array, boolean, integer, nullable, object, oneOf, string, type Check } from '../records/check';
import { HIGHLIGHT_COLOURS, MAX_NOTE_LENGTH, MAX_TAG_LENGTH, MAX_TAGS } from '../records/annotation';
import type { ChangeBatch } from './backend';
import { isStamp } from './hlc';

const stamp: Check = (value, path) => (isStamp(value) ? null : `${path}: not an HLC stamp`);
const id: Check = (value, path) =>
  typeof value === 'string' && /^[\w-]{1,100}$/.test(value) ? null : `${path}: expected an id (letters, digits, - and _)`;
const MAX_DEVICES = 1_000;

const seenMap: Check = (value, path) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${path}: expected object`;
  const entries = Object.entries(value);
  if (entries.length > MAX_DEVICES) return `${path}: more than ${MAX_DEVICES} devices`;
  for (const [device, latest] of entries) {
    const reason = stamp(latest, `${path}.${device}`);
    if (reason) return reason;
    if (!(latest as string).endsWith(`:${device}`)) return `${path}.${device}: stamp of another device`;
  }
  return null;
};

const conflict: Check = (value, path) => {
  const field = (value as { field?: unknown } | null)?.field;
  if (field === 'note') return object({ field: string(), value: string(MAX_NOTE_LENGTH), stamp })(value, path);
  if (field === 'target') return object({ field: string(), value: nullable(textTargetCheck), stamp })(value, path);
  return `${path}.field: expected note or target`;
};

const excerpt = object({
  title: string(1_000),
  url: string(2_000),
  source: nullable(string(1_000)),
  publishedAt: nullable(string(100)),
  author: nullable(string(1_000)),
  siteName: string(1_000),
  capturedAt: integer(0),
});

const syncFields = {
  seen: seenMap,
  conflicts: array(conflict, 1_000),
  tagStamps: array(object({ tag: string(MAX_TAG_LENGTH, { nonEmpty: true }), stamp, rank: integer(0, 10_000) }), 10_000),
  liveBy: array(stamp, 10_000),
};

/** A record's sync fields as a backup carries them (`anyue:sync`). */
export const syncFieldsCheck: Check = object(syncFields);

export const annotationCheck: Check = object(
  {
    id,
    articleKey: string(200, { nonEmpty: true }),
    articleUrl: string(2_000),
    articleTitle: string(1_000),
    kind: oneOf('highlight', 'excerpt', 'page-note'),
    target: nullable(textTargetCheck),
    colour: oneOf(...HIGHLIGHT_COLOURS),
    note: string(MAX_NOTE_LENGTH),
    tags: array(string(MAX_TAG_LENGTH), MAX_TAGS * 4),
    speakers: array(object({ name: string(100), title: string(200), org: string(200) }), 100),
    excerpt: nullable(excerpt),
    createdAt: integer(0),
    updatedAt: integer(0),
    deleted: boolean,
    stamps: object({ created: stamp, colour: stamp, note: stamp, tags: stamp, deleted: stamp, target: stamp }),
  },
  syncFields,
);

const shortText = string(200, { nonEmpty: true });
const correctionShapes: Record<string, Check> = {
  'not-speaker': object({ id, createdAt: integer(0), kind: string(), name: shortText }),
  'fix-person': object({ id, createdAt: integer(0), kind: string(), name: shortText, fixedName: shortText, title: string(200), org: string(200) }),
  'add-term': object({ id, createdAt: integer(0), kind: string(), text: shortText, category: oneOf('meeting', 'doctrine', 'programme', 'document', 'slogan', 'domain') }),
  'remove-term': object({ id, createdAt: integer(0), kind: string(), text: shortText }),
};

export const correctionCheck: Check = (value, path) => {
  const kind = (value as { kind?: unknown } | null)?.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(correctionShapes, kind)) return `${path}.kind: unknown correction kind`;
  return correctionShapes[kind]!(value, path);
};

export const MAX_BATCH_RECORDS = 100_000;

export const changeBatchCheck: Check = object({
  annotations: array(annotationCheck, MAX_BATCH_RECORDS),
  corrections: array(correctionCheck, MAX_BATCH_RECORDS),
  removedCorrections: array(id, MAX_BATCH_RECORDS),
});

/** The batch, or the reason it cannot be one. */
export function checkChangeBatch(value: unknown, path = 'batch'): { ok: true; batch: ChangeBatch } | { ok: false; reason: string } {
  const reason = changeBatchCheck(value, path);
  return reason ? { ok: false, reason } : { ok: true, batch: value as ChangeBatch };
}
