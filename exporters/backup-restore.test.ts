// Restoring a backup too large for one runtime message: checked whole in the library page, sent in slices
// through the real background router into a real Dexie database (fake-indexeddb).

import { afterEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_CHARACTERS, MAX_IMPORT_RECORDS } from '../messaging/protocol';
import { databaseSnapshot, makeBackground, SENDERS, type TestBackground } from '../tests/fuzz/background';
import { generateDataSet } from '../tests/fixtures/exporters/generate';
import { restoreBackup, type RestoreSlice } from './backup-import';
import { exportBackup } from './web-annotation';
import { SAMPLE_ANALYSES, SAMPLE_CORRECTIONS, SAMPLE_PREFERENCES } from '../tests/fixtures/exporters/sample';
import { buildSpeakerIndex } from '../library/cross-article';
import { loadPreferences, savePreferences } from '../storage/preferences';

const GENERATED = Date.UTC(2026, 10, 28);
let background: TestBackground;
afterEach(async () => background?.close());

const viaRouter = (bg: TestBackground) => async (slice: RestoreSlice) => (await bg.handle({ type: 'backup/import-records', ...slice }, SENDERS.library)) as never;

describe('restoring on another device', () => {
  it('brings back what the indexes are built from, the corrections and the preferences (a colour named only here keeps its name)', async () => {
    const { annotations, articles } = generateDataSet(300, 20, 8);
    const analyses = articles.map((article, i) => ({ ...SAMPLE_ANALYSES[0]!, articleKey: article.key, analysedAt: GENERATED + i }));
    const text = exportBackup(annotations, articles, { generated: GENERATED, analyses, corrections: SAMPLE_CORRECTIONS, preferences: SAMPLE_PREFERENCES });
    background = makeBackground();
    await savePreferences(background.preferences, { colourNames: { green: '可引用', yellow: '旧名' } });
    // Small slices, so analyses, corrections and annotations each take several and the preferences ride on the last.
    const slices: RestoreSlice[] = [];
    const outcome = await restoreBackup(text, async (slice) => (slices.push(slice), viaRouter(background)(slice)), { sliceRecords: 7 });
    expect(outcome).toMatchObject({ ok: true, added: 300 });
    expect(slices.filter((slice) => slice.preferences !== null)).toEqual([slices.at(-1)]);
    const stored = await background.db.analyses.toArray();
    expect(stored.map((record) => record.articleKey).sort()).toEqual(articles.map((article) => article.key).sort());
    expect(buildSpeakerIndex(stored, new Map(articles.map((article) => [article.key, article])))[0]).toMatchObject({ name: '王明' });
    expect(await background.db.corrections.orderBy('createdAt').toArray()).toEqual(SAMPLE_CORRECTIONS);
    expect(await loadPreferences(background.preferences)).toMatchObject({
      language: 'en',
      layers: SAMPLE_PREFERENCES.layers,
      colourNames: { yellow: '重要', pink: '待核实', green: '可引用' },
    });
    // Open pages and the library hear of it.
    expect(background.broadcasts.some((m) => m.type === 'preferences/changed' && m.language === 'en')).toBe(true);
  }, 60_000);
});

describe('restoring a large backup in slices', () => {
  it('restores a backup larger than one message may carry (30,000 annotations), all of it', async () => {
    const { annotations, articles } = generateDataSet(30_000, 400, 5);
    const text = exportBackup(annotations, articles, { generated: GENERATED });
    expect(text.length).toBeGreaterThan(MAX_IMPORT_CHARACTERS);
    background = makeBackground();
    // The one-message import refuses it: this is the fault.
    expect(await background.handle({ type: 'backup/import', text }, SENDERS.library)).toMatchObject({ ok: false });
    const phases = new Set<string>();
    const outcome = await restoreBackup(text, viaRouter(background), { sliceRecords: MAX_IMPORT_RECORDS, onProgress: (phase) => phases.add(phase) });
    expect(outcome).toEqual({ ok: true, added: 30_000, updated: 0, unchanged: 0, articles: articles.length });
    expect(await background.db.annotations.count()).toBe(30_000);
    expect(await background.db.articles.count()).toBe(articles.length);
    expect([...phases]).toEqual(['checking', 'restoring']);
    expect(background.broadcasts.filter((m) => m.type === 'library/changed')).toHaveLength(1);
  }, 120_000);

  it('refuses a broken file whole: nothing is sent, the database is byte for byte unchanged', async () => {
    const { annotations, articles } = generateDataSet(3_000, 50, 6);
    const doc = JSON.parse(exportBackup(annotations, articles, { generated: GENERATED }));
    doc.items[2_999]['anyue:colour'] = 'ultraviolet';
    background = makeBackground();
    const before = await databaseSnapshot(background.db);
    let sent = 0;
    const outcome = await restoreBackup(JSON.stringify(doc), async (slice) => (sent++, viaRouter(background)(slice)), { sliceRecords: 500 });
    expect(outcome).toMatchObject({ ok: false, refused: { errors: [{ path: 'items[2999].anyue:colour' }] } });
    expect(sent).toBe(0);
    expect(await databaseSnapshot(background.db)).toBe(before);
  }, 60_000);

  it('a restore cut short loses nothing, says how far it got, and importing the file again finishes it without doubles', async () => {
    const { annotations, articles } = generateDataSet(3_000, 50, 7);
    const text = exportBackup(annotations, articles, { generated: GENERATED });
    background = makeBackground();
    let calls = 0;
    const failing = async (slice: RestoreSlice) => (++calls === 4 ? { ok: false as const, error: 'the background stopped' } : viaRouter(background)(slice));
    const cut = await restoreBackup(text, failing, { sliceRecords: 500 });
    // Slices: the articles, then annotations 500 at a time; the fourth failed.
    expect(cut).toEqual({ ok: false, stopped: { restored: articles.length + 1_000, total: articles.length + 3_000, error: 'the background stopped' } });
    expect(await background.db.annotations.count()).toBe(1_000);
    const again = await restoreBackup(text, viaRouter(background), { sliceRecords: 500 });
    expect(again).toMatchObject({ ok: true, added: 2_000, unchanged: 1_000, articles: articles.length });
    expect(await background.db.annotations.count()).toBe(3_000);
  }, 60_000);

  it('refuses a slice holding a record the records/ checks refuse, and from a page that is not the extension', async () => {
    const { annotations, articles } = generateDataSet(10, 2, 8);
    background = makeBackground();
    const before = await databaseSnapshot(background.db);
    const bad = [{ ...annotations[0]!, articleUrl: 'javascript:alert(1)' }];
    expect(await background.handle({ type: 'backup/import-records', annotations: bad, articles, final: true }, SENDERS.library)).toMatchObject({ ok: false });
    expect(await background.handle({ type: 'backup/import-records', annotations, articles, final: true }, SENDERS.page)).toMatchObject({ ok: false });
    const tooMany = Array.from({ length: MAX_IMPORT_RECORDS + 1 }, () => annotations[0]!);
    expect(await background.handle({ type: 'backup/import-records', annotations: tooMany, articles: [], final: true }, SENDERS.library)).toMatchObject({ ok: false });
    expect(await databaseSnapshot(background.db)).toBe(before);
  });
});
