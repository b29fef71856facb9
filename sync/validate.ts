// Records that arrive from a server are untrusted: each is checked with the records' own checks (the same
// that backup import uses) before it may touch the database, and a batch with one bad record is refused
// whole (the reason names the path that failed).

import { articleAnalysisRecordCheck } from '../records/analysis';
import { annotationCheck } from '../records/annotation';
import { articleRecordCheck } from '../records/article';
import { array, object, verdict, type Check, type Verdict } from '../records/check';
import { correctionCheck, correctionIdCheck } from '../records/correction';
import type { ChangeBatch } from './backend';

export const MAX_BATCH_RECORDS = 100_000;

/**
 * A batch as segments and snapshots carry it; `now` is this device's time (stamps far ahead are refused).
 * Articles and analyses are absent from segments written before they travelled.
 */
export const changeBatchCheck = (now: number): Check =>
  object(
    {
      annotations: array(annotationCheck(now), MAX_BATCH_RECORDS),
      corrections: array(correctionCheck, MAX_BATCH_RECORDS),
      removedCorrections: array(correctionIdCheck, MAX_BATCH_RECORDS),
    },
    { articles: array(articleRecordCheck, MAX_BATCH_RECORDS), analyses: array(articleAnalysisRecordCheck, MAX_BATCH_RECORDS) },
  );

/** The batch, or the reason it cannot be one. */
export function checkChangeBatch(value: unknown, path = 'batch', now = Date.now()): Verdict<ChangeBatch> {
  const checked = verdict<Partial<ChangeBatch>>(changeBatchCheck(now), value, path);
  return checked.ok ? { ok: true, value: { ...checked.value, articles: checked.value.articles ?? [], analyses: checked.value.analyses ?? [] } as ChangeBatch } : checked;
}
