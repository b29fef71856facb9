import { describe, expect, it } from 'vitest';
import { exportCsv, exportCsvAsync } from './csv';
import { exportMarkdownCombined, exportMarkdownCombinedAsync, exportMarkdownFiles, exportMarkdownFilesAsync } from './markdown';
import { exportBackup, exportBackupAsync } from './web-annotation';
import { generateDataSet } from '../tests/fixtures/exporters/generate';

const { annotations, articles } = generateDataSet(1_200, 40, 3);
const live = annotations.filter((a) => !a.deleted).length;

describe('sliced (async) exports', () => {
  it('give the same output as the one-go exports', async () => {
    expect(await exportCsvAsync(annotations, articles)).toBe(exportCsv(annotations, articles));
    expect(await exportBackupAsync(annotations, articles, { generated: 0 })).toBe(exportBackup(annotations, articles, { generated: 0 }));
    expect(await exportMarkdownCombinedAsync(annotations, articles, { exportedAt: 0 })).toBe(exportMarkdownCombined(annotations, articles, { exportedAt: 0 }));
    expect(await exportMarkdownFilesAsync(annotations, articles)).toEqual(exportMarkdownFiles(annotations, articles));
  });

  it('report progress per slice, rising to the record count, and hand the event loop back between slices', async () => {
    const progress: number[] = [];
    let timersRan = 0;
    const ticker = setInterval(() => (timersRan += 1), 0);
    await exportCsvAsync(annotations, articles, {
      sliceSize: 100,
      onProgress: (done, total) => {
        expect(total).toBe(live);
        progress.push(done);
      },
    });
    clearInterval(ticker);
    expect(progress).toEqual([...Array.from({ length: Math.floor(live / 100) }, (_, i) => (i + 1) * 100), live]);
    // Another task got to run while the export was going: the page could paint.
    expect(timersRan).toBeGreaterThan(0);
  });

  it('counts the article records too in a backup', async () => {
    let last: [number, number] = [0, 0];
    await exportBackupAsync(annotations, articles, { onProgress: (done, total) => (last = [done, total]) });
    expect(last).toEqual([1_240, 1_240]);
  });

  it('stops when the UI aborts', async () => {
    const controller = new AbortController();
    const run = exportBackupAsync(annotations, articles, {
      sliceSize: 50,
      signal: controller.signal,
      onProgress: (done) => {
        if (done >= 100) controller.abort(new Error('cancelled by the reader'));
      },
    });
    await expect(run).rejects.toThrow('cancelled by the reader');
  });
});
