import { useState } from 'preact/hooks';
import {
  exportBackupAsync,
  exportCsvAsync,
  exportMarkdownCombinedAsync,
  exportMarkdownZip,
} from '../exporters';
import { MAX_IMPORT_RECORDS, type Replies, type ErrorReply, type Message } from '../messaging/protocol';
import { restoreBackup } from '../exporters/backup-import';
import type { ColourNames, UiLanguage } from '../records/preferences';
import type { Annotation } from '../records/annotation';
import type { BackupData } from '../exporters/web-annotation';
import type { ArticleRecord } from '../records/article';
import { describeBackupProblem } from './backup-problems';
import { download, fileStamp } from './download';
import { translator } from './i18n';

interface Props {
  language: UiLanguage;
  /** What "the filtered results" means now. */
  filtered: Annotation[];
  all: Annotation[];
  articles: ArticleRecord[];
  /** Everything the reader keeps, tombstones included: the backup is lossless. */
  loadBackup(): Promise<BackupData>;
  send(message: Message): Promise<unknown>;
  /** The reader's names for the colours, written into Markdown and CSV. */
  colourNames?: ColourNames;
}

type Format = 'markdown-zip' | 'markdown-one' | 'csv' | 'backup';

/** Export (in chunks, with progress, the page stays responsive) and import of a backup. */
export function ExportPanel({ language, filtered, all, articles, loadBackup, send, colourNames }: Props) {
  const t = translator(language);
  const [scope, setScope] = useState<'filtered' | 'all'>('filtered');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [status, setStatus] = useState('');

  const run = async (format: Format) => {
    const chosen = scope === 'all' ? all : filtered;
    const onProgress = (done: number, total: number) => setProgress({ done, total });
    setStatus(t('exporting'));
    const stamp = fileStamp();
    try {
      if (format === 'markdown-zip') {
        download(`安阅批注-${stamp}.zip`, await exportMarkdownZip(chosen, articles, { onProgress, colourNames }), 'application/zip');
      } else if (format === 'markdown-one') {
        download(`安阅批注-${stamp}.md`, await exportMarkdownCombinedAsync(chosen, articles, { onProgress, colourNames }), 'text/markdown;charset=utf-8');
      } else if (format === 'csv') {
        download(`安阅批注-${stamp}.csv`, await exportCsvAsync(chosen, articles, { onProgress, colourNames }), 'text/csv;charset=utf-8');
      } else {
        // The backup is lossless: everything, tombstones included, whatever the filter.
        const { annotations, articles: records, ...rest } = await loadBackup();
        download(`anyue-backup-${stamp}.jsonld`, await exportBackupAsync(annotations, records, { ...rest, onProgress }), 'application/ld+json');
      }
      setStatus(`${t('exported')}${format === 'backup' ? '✓' : chosen.length}`);
    } catch (error) {
      setStatus(String(error instanceof Error ? error.message : error));
    } finally {
      setProgress(null);
    }
  };

  const importFile = async (file: File) => {
    setStatus(t('importing'));
    const count = (n: number) => n.toLocaleString(language);
    // Read and checked whole here, then sent in slices: a large backup does not fit one message.
    const outcome = await restoreBackup(
      await file.text(),
      async (slice) => (await send({ type: 'backup/import-records', ...slice })) as Replies['backup/import-records'] | ErrorReply | undefined,
      {
        sliceRecords: MAX_IMPORT_RECORDS,
        onProgress: (phase, done, total) => {
          setProgress({ done, total });
          setStatus(t(phase === 'checking' ? 'importChecking' : 'importRestoring').replace('{done}', count(done)).replace('{total}', count(total)));
        },
      },
    );
    setProgress(null);
    if (outcome.ok) {
      setStatus(
        t('imported')
          .replace('{added}', String(outcome.added))
          .replace('{updated}', String(outcome.updated))
          .replace('{unchanged}', String(outcome.unchanged)),
      );
    } else if ('refused' in outcome) {
      const { errors, moreErrors } = outcome.refused;
      const listed = errors.map((problem) => describeBackupProblem(problem, language)).join('\n');
      setStatus(`${t('importRefused')}\n${listed}${moreErrors ? `\n… (+${moreErrors})` : ''}`);
    } else {
      const { restored, total, error } = outcome.stopped;
      setStatus(`${t('importStopped').replace('{done}', count(restored)).replace('{total}', count(total))}\n${error}`);
    }
  };

  return (
    <section class="export-panel" aria-label={t('exportImport')}>
      <fieldset>
        <legend>{t('exportScope')}</legend>
        <label>
          <input type="radio" name="scope" checked={scope === 'filtered'} onChange={() => setScope('filtered')} /> {t('scopeFiltered')} ({filtered.length})
        </label>
        <label>
          <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} /> {t('scopeAll')} ({all.length})
        </label>
      </fieldset>
      <div class="export-buttons">
        <button type="button" data-format="markdown-zip" disabled={!!progress} onClick={() => void run('markdown-zip')}>
          {t('exportMarkdownZip')}
        </button>
        <button type="button" data-format="markdown-one" disabled={!!progress} onClick={() => void run('markdown-one')}>
          {t('exportMarkdownOne')}
        </button>
        <button type="button" data-format="csv" disabled={!!progress} onClick={() => void run('csv')}>
          {t('exportCsv')}
        </button>
        <button type="button" data-format="backup" disabled={!!progress} onClick={() => void run('backup')}>
          {t('exportBackup')}
        </button>
      </div>
      {progress && <progress max={progress.total} value={progress.done} aria-label={t('exporting')} />}
      <label class="import">
        {t('importBackup')}
        <input
          type="file"
          accept=".jsonld,.json,application/ld+json,application/json"
          onChange={(event) => {
            const file = (event.currentTarget as HTMLInputElement).files?.[0];
            if (file) void importFile(file);
            (event.currentTarget as HTMLInputElement).value = '';
          }}
        />
      </label>
      <pre class="export-status" role="status" aria-live="polite">
        {status}
      </pre>
    </section>
  );
}
