// A segment is one immutable file of a device's changes. Its first line carries the SHA-256 of the rest,
// so a file cut short by a broken upload (or altered on the server) is recognised and refused whole.

import type { ChangeBatch } from './backend';
import { SyncError } from './errors';
import { checkChangeBatch } from './validate';

const MAGIC = 'anyue-sync-segment 1';
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

/** The batch in a segment file written by `device` as number `seq`; throws SyncError('corrupt') otherwise. */
export async function decodeSegment(text: string, device: string, seq: number): Promise<ChangeBatch> {
  const where = `segment ${seq} of device ${device}`;
  const corrupt = (why: string) => new SyncError('corrupt', `The sync file ${where} is damaged or not from 安阅 (${why}); nothing from it was applied.`);
  if (text.length > MAX_SEGMENT_CHARACTERS) throw corrupt('too large');
  const newline = text.indexOf('\n');
  const head = newline < 0 ? text : text.slice(0, newline);
  const match = /^anyue-sync-segment 1 sha256:([0-9a-f]{64})$/.exec(head);
  if (!match) throw corrupt('unknown header');
  const body = text.slice(newline + 1);
  if ((await sha256Hex(body)) !== match[1]) throw corrupt('checksum mismatch: incomplete upload?');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw corrupt('not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw corrupt('not an object');
  const { device: writer, seq: number, ...rest } = parsed as Record<string, unknown>;
  if (writer !== device || number !== seq) throw corrupt(`says it is segment ${String(number)} of ${String(writer)}`);
  const checked = checkChangeBatch(rest, 'segment');
  if (!checked.ok) throw corrupt(checked.reason);
  return checked.batch;
}
