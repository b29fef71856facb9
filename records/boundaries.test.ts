// One definition per record: whatever sync accepts, backup import accepts, and the reverse. Each case is a
// fault a review found where the two used to disagree (or where a record passed both and broke later).

import { describe, expect, it } from 'vitest';
import { exportBackup } from '../exporters/web-annotation';
import { parseBackup } from '../exporters/backup-import';
import { checkChangeBatch } from '../sync/validate';
import { foldCorrections } from '../storage/corrections';
import { parseMessage } from '../messaging/protocol';
import { ARTICLE_WITH_SOURCE, EXCERPT, HIGHLIGHT_SPOKEN, PAGE_NOTE } from '../tests/fixtures/exporters/sample';
import type { Annotation } from './annotation';
import type { ArticleRecord } from './article';
import { correctionCheck, CORRECTION_LIMITS, type Correction } from './correction';
import { formatStamp, MAX_CLOCK_SKEW_MS } from './stamp';

const NOW = Date.UTC(2026, 11, 4, 8, 0, 0);
const HOSTILE_STAMP = '9999999999999:99999:x';

const syncAccepts = (annotation: Annotation) =>
  checkChangeBatch({ annotations: [annotation], corrections: [], removedCorrections: [] }, 'batch', NOW).ok;

/** Import's verdict; a record an export cannot even write is one import can never receive. */
function importAccepts(annotation: Annotation, article: ArticleRecord = ARTICLE_WITH_SOURCE): boolean {
  let file: string;
  try {
    file = exportBackup([annotation], [article]);
  } catch {
    return false;
  }
  return parseBackup(file, NOW).ok;
}

const withStamp = (annotation: Annotation, stamp: string): Annotation => ({
  ...annotation,
  stamps: { ...annotation.stamps, note: stamp },
});

/** Sync state present but empty, so a backup writes it (`anyue:sync`) and the case below it is what differs. */
const NO_SYNC_STATE = { seen: {}, conflicts: [], tagStamps: [], liveBy: [] } satisfies Partial<Annotation>;

const FAULTS: [string, Annotation][] = [
  ['an empty article URL', { ...HIGHLIGHT_SPOKEN, articleUrl: '' }],
  ['a javascript: article URL', { ...HIGHLIGHT_SPOKEN, articleUrl: 'javascript:alert(1)' }],
  ['a malformed article key', { ...HIGHLIGHT_SPOKEN, articleKey: 'zaihaifangyu.cn' }],
  ['an article key with a path-like site', { ...HIGHLIGHT_SPOKEN, articleKey: '/5288' }],
  ['an un-normalised tag', { ...HIGHLIGHT_SPOKEN, tags: [' 台风'] }],
  ['a tag with a leading #', { ...HIGHLIGHT_SPOKEN, tags: ['#台风'] }],
  ['a duplicate tag', { ...HIGHLIGHT_SPOKEN, tags: ['台风', '台风'] }],
  ['an excerpt without its snapshot', { ...EXCERPT, excerpt: null }],
  ['updatedAt past the year 9999', { ...HIGHLIGHT_SPOKEN, updatedAt: Date.UTC(10_000, 0, 1) }],
  ['createdAt past the year 9999', { ...HIGHLIGHT_SPOKEN, createdAt: Date.UTC(10_000, 0, 1) }],
  ['a stamp from the year 2286 (clock poisoning)', withStamp(HIGHLIGHT_SPOKEN, HOSTILE_STAMP)],
  ['a stamp two days ahead of this device', withStamp(HIGHLIGHT_SPOKEN, formatStamp(NOW + 2 * MAX_CLOCK_SKEW_MS, 0, 'dev-b'))],
  ['a far-future stamp in the causal context', { ...HIGHLIGHT_SPOKEN, ...NO_SYNC_STATE, seen: { x: HOSTILE_STAMP } }],
  ['a far-future stamp on a tag', { ...HIGHLIGHT_SPOKEN, ...NO_SYNC_STATE, tagStamps: [{ tag: '安全生产', stamp: HOSTILE_STAMP, rank: 0 }] }],
  ['a far-future reason to live', { ...HIGHLIGHT_SPOKEN, ...NO_SYNC_STATE, liveBy: [HOSTILE_STAMP] }],
];

const GOOD: [string, Annotation][] = [
  ['a highlight with a speaker', HIGHLIGHT_SPOKEN],
  ['an excerpt', EXCERPT],
  ['a page note', PAGE_NOTE],
  ['a highlight of another site', { ...HIGHLIGHT_SPOKEN, articleKey: 'mem.gov.cn/xw/yjglbgzdt/202407/t20240710_494112' }],
  ['a stamp an hour ahead (ordinary clock drift)', withStamp(HIGHLIGHT_SPOKEN, formatStamp(NOW + 3_600_000, 0, 'dev-b'))],
];

describe('sync and backup import judge an annotation alike', () => {
  it.each(FAULTS)('both refuse %s', (_fault, annotation) => {
    expect({ sync: syncAccepts(annotation), import: importAccepts(annotation) }).toEqual({ sync: false, import: false });
  });

  it.each(GOOD)('both accept %s', (_case, annotation) => {
    expect({ sync: syncAccepts(annotation), import: importAccepts(annotation) }).toEqual({ sync: true, import: true });
  });

  it('the far-future stamp is refused with a reason a reader can act on', () => {
    const verdict = checkChangeBatch({ annotations: [withStamp(HIGHLIGHT_SPOKEN, HOSTILE_STAMP)], corrections: [], removedCorrections: [] }, 'segment', NOW);
    expect(verdict).toEqual({ ok: false, reason: 'segment.annotations[0].stamps.note: stamp is more than a day ahead of this device\'s clock' });
    const parsed = parseBackup(exportBackup([withStamp(HIGHLIGHT_SPOKEN, HOSTILE_STAMP)], [ARTICLE_WITH_SOURCE]), NOW);
    expect(parsed.ok ? [] : parsed.errors).toEqual([{ path: 'items[0].anyue:stamps.note', message: "stamp is more than a day ahead of this device's clock" }]);
  });
});

describe('page-derived article fields', () => {
  it('an article of another site round-trips through a backup', () => {
    const article: ArticleRecord = { ...ARTICLE_WITH_SOURCE, key: 'www.gov.cn/zhengce/202401/content_6925301', postId: 'zhengce/202401/content_6925301' };
    const parsed = parseBackup(exportBackup([{ ...HIGHLIGHT_SPOKEN, articleKey: article.key }], [article]), NOW);
    expect(parsed.ok && parsed.articles).toEqual([article]);
  });
});

describe('corrections: one set of limits for sync and for the tabs', () => {
  const long = (n: number) => '张'.repeat(n);
  const synced: Correction[] = [
    { id: 'c1', createdAt: NOW, kind: 'not-speaker', name: long(CORRECTION_LIMITS.name) },
    { id: 'c2', createdAt: NOW, kind: 'fix-person', name: '王某', fixedName: '王某某', title: long(CORRECTION_LIMITS.descriptor), org: long(CORRECTION_LIMITS.descriptor) },
    { id: 'c3', createdAt: NOW, kind: 'add-term', text: long(CORRECTION_LIMITS.term), category: 'programme' },
  ];

  it('every correction sync accepts folds into corrections every tab accepts', () => {
    for (const correction of synced) expect(correctionCheck(correction, 'correction')).toBeNull();
    const message = { type: 'analysis/set-corrections', corrections: foldCorrections(synced) };
    expect(parseMessage(message)).toEqual({ ok: true, value: message });
  });

  it('a correction past the limits is refused by sync itself, not later by a tab', () => {
    const tooLong = { id: 'c4', createdAt: NOW, kind: 'not-speaker', name: long(CORRECTION_LIMITS.name + 1) };
    expect(checkChangeBatch({ annotations: [], corrections: [tooLong], removedCorrections: [] }, 'batch', NOW).ok).toBe(false);
  });
});
