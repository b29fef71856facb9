// Export and import of the reader's annotations: pure functions from records to text or bytes and back.
// Saving files, picking what to export and merging an import into the store are the callers' part.

export { citeArticle, citeExcerpt, type CitableArticle, type CitationOptions } from './gbt7714';
export {
  exportMarkdownCombined,
  exportMarkdownCombinedAsync,
  exportMarkdownFiles,
  exportMarkdownFilesAsync,
  exportMarkdownZip,
  type MarkdownOptions,
} from './markdown';
export { exportCsv, exportCsvAsync, CSV_HEADERS, type CsvOptions } from './csv';
export { exportBackup, exportBackupAsync, BACKUP_FORMAT, BACKUP_VERSION, type BackupOptions } from './web-annotation';
export { parseBackup, parseBackupAsync, BACKUP_LIMITS, type BackupParseResult, type BackupProblem } from './backup-import';
export { safeFileName, zipFiles, type ExportFile, type ZipOptions } from './zip';
export type { ProgressOptions } from './progress';
