// A segment is one immutable file of a device's changes. Its first line carries the SHA-256 of the rest,
// so a file cut short by a broken upload (or altered on the server) is recognised and refused whole.
// A snapshot has the same shape: the merged state of everything one device wrote in its segments
// 1…<through>, so a reader that is behind reads it once instead of those segments one by one.

import type { ArticleAnalysisRecord } from '../records/analysis';
import type { Annotation } from '../records/annotation';
import type { ArticleRecord } from '../records/article';
import type { Correction } from '../records/correction';
import { mergeArticleAnalysis, mergeArticleRecord } from './article-merge';
import type { ChangeBatch } from './backend';
import { SyncError } from './errors';
import { mergeAnnotation } from './merge';
import { checkChangeBatch } from './validate';

const MAGIC = 'anyue-sync-segment 1';
const SNAPSHOT_MAGIC = 'anyue-sync-snapshot 1';
/** Larger than any segment we write (they are cut at a few hundred kilobytes). */
export const MAX_SEGMENT_CHARACTERS = 64 * 1024 * 1024;

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function encodeSegment(device: string, seq: number, batch: ChangeBatch): Promise<string> {
  const body = JSON.stringify({ device, seq, ...batch });
  return `${MAGIC} sha256:${await sha256Hex(body)}\n${body}`;
}

/** A snapshot of everything `device` wrote in its segments 1…`through`, merged. */
export async function encodeSnapshot(device: string, through: number, batch: ChangeBatch): Promise<string> {
  const body = JSON.stringify({ device, through, ...batch });
  return `${SNAPSHOT_MAGIC} sha256:${await sha256Hex(body)}\n${body}`;
}

/** The batch in a segment file written by `device` as number `seq`; throws SyncError('corrupt') otherwise. */
export function decodeSegment(text: string, device: string, seq: number): Promise<ChangeBatch> {
  return decodeFile(text, device, seq, { magic: MAGIC, numberField: 'seq', where: `segment ${seq} of device ${device}`, says: 'segment' });
}

/** The batch in the snapshot `device` wrote through its segment `through`; throws SyncError('corrupt') otherwise. */
export function decodeSnapshot(text: string, device: string, through: number): Promise<ChangeBatch> {
  return decodeFile(text, device, through, { magic: SNAPSHOT_MAGIC, numberField: 'through', where: `snapshot through ${through} of device ${device}`, says: 'the snapshot through' });
}

async function decodeFile(
  text: string,
  device: string,
  seq: number,
  kind: { magic: string; numberField: 'seq' | 'through'; where: string; says: string },
): Promise<ChangeBatch> {
  const { where } = kind;
  const corrupt = (why: string) => new SyncError('corrupt', `The sync file ${where} is damaged or not from 安阅 (${why}); nothing from it was applied.`);
  if (text.length > MAX_SEGMENT_CHARACTERS) throw corrupt('too large');
  const newline = text.indexOf('\n');
  const head = newline < 0 ? text : text.slice(0, newline);
  const match = /^(anyue-sync-(?:segment|snapshot) 1) sha256:([0-9a-f]{64})$/.exec(head);
  if (!match || match[1] !== kind.magic) throw corrupt('unknown header');
  const body = text.slice(newline + 1);
  if ((await sha256Hex(body)) !== match[2]) throw corrupt('checksum mismatch: incomplete upload?');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw corrupt('not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw corrupt('not an object');
  const { device: writer, [kind.numberField]: number, ...rest } = parsed as Record<string, unknown>;
  if (writer !== device || number !== seq) throw corrupt(`says it is ${kind.says} ${String(number)} of ${String(writer)}`);
  const checked = checkChangeBatch(rest, kind.numberField === 'seq' ? 'segment' : 'snapshot');
  if (!checked.ok) throw corrupt(checked.reason);
  return checked.value;
}

/**
 * Folds batches, in the order they were written, into one batch whose effect on any database is the same
 * as applying them one by one: each record merged with the field rules (commutative, associative and
 * idempotent, so merging first changes nothing), corrections added and not removed, and every removal kept
 * as a tombstone (never inferred from absence).
 */
export function batchFolder() {
  const annotations = new Map<string, Annotation>();
  const corrections = new Map<string, Correction>();
  const removed = new Set<string>();
  const articles = new Map<string, ArticleRecord>();
  const analyses = new Map<string, ArticleAnalysisRecord>();
  return {
    add(batch: ChangeBatch): void {
      for (const incoming of batch.articles) articles.set(incoming.key, mergeArticleRecord(articles.get(incoming.key), incoming).merged);
      for (const incoming of batch.analyses) analyses.set(incoming.articleKey, mergeArticleAnalysis(analyses.get(incoming.articleKey), incoming).merged);
      for (const incoming of batch.annotations) annotations.set(incoming.id, mergeAnnotation(annotations.get(incoming.id), incoming).merged);
      for (const correction of batch.corrections) if (!removed.has(correction.id)) corrections.set(correction.id, correction);
      for (const id of batch.removedCorrections) {
        removed.add(id);
        corrections.delete(id);
      }
    },
    result(): ChangeBatch {
      return {
        annotations: [...annotations.values()],
        corrections: [...corrections.values()],
        removedCorrections: [...removed],
        articles: [...articles.values()],
        analyses: [...analyses.values()],
      };
    },
  };
}
