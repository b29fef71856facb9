import { useState } from 'preact/hooks';
import {
  exportBackupAsync,
  exportCsvAsync,
  exportMarkdownCombinedAsync,
  exportMarkdownZip,
} from '../exporters';
import type { Replies, ErrorReply, Message } from '../messaging/protocol';
import type { UiLanguage } from '../records/preferences';
import type { Annotation } from '../records/annotation';
import type { ArticleRecord } from '../records/article';
import { download, fileStamp } from './download';
import { translator } from './i18n';

interface Props {
  language: UiLanguage;
  /** What "the filtered results" means now. */
  filtered: Annotation[];
  all: Annotation[];
  articles: ArticleRecord[];
  /** Everything in the database, tombstones included: the backup is lossless. */
  loadEverything(): Promise<{ annotations: Annotation[]; articles: ArticleRecord[] }>;
  send(message: Message): Promise<unknown>;
}

type Format = 'markdown-zip' | 'markdown-one' | 'csv' | 'backup';

/** Export (in chunks, with progress, the page stays responsive) and import of a backup. */
export function ExportPanel({ language, filtered, all, articles, loadEverything, send }: Props) {
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
        download(`安阅批注-${stamp}.zip`, await exportMarkdownZip(chosen, articles, { onProgress }), 'application/zip');
      } else if (format === 'markdown-one') {
        download(`安阅批注-${stamp}.md`, await exportMarkdownCombinedAsync(chosen, articles, { onProgress }), 'text/markdown;charset=utf-8');
      } else if (format === 'csv') {
        download(`安阅批注-${stamp}.csv`, await exportCsvAsync(chosen, articles, { onProgress }), 'text/csv;charset=utf-8');
      } else {
        // The backup is lossless: everything, tombstones included, whatever the filter.
        const everything = await loadEverything();
        download(`anyue-backup-${stamp}.jsonld`, await exportBackupAsync(everything.annotations, everything.articles, { onProgress }), 'application/ld+json');
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
    const reply = (await send({ type: 'backup/import', text: await file.text() })) as Replies['backup/import'] | ErrorReply | undefined;
    if (reply?.ok) {
      setStatus(
        t('imported')
          .replace('{added}', String(reply.added))
          .replace('{updated}', String(reply.updated))
          .replace('{unchanged}', String(reply.unchanged)),
      );
    } else {
      setStatus(`${t('importRefused')}\n${reply?.error ?? 'no reply'}`);
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
