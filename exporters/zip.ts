// Several files go out as one zip. Names must survive Windows (the readers' usual system): no reserved
// characters or device names, no trailing dot or space, bounded length, and unique regardless of case.

import { strToU8, zipSync } from 'fflate';

export interface ExportFile {
  name: string;
  content: string | Uint8Array;
}

/** Characters Windows refuses in a file name, control characters, and # ^ [ ] which break Obsidian links. */
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f#^[\]]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Characters of the name without extension: well under 255, leaving room for paths and " (12)". */
export const MAX_FILE_STEM_LENGTH = 80;

/**
 * A file name safe on Windows, macOS and Linux, unique within `taken` (which it updates; compared without
 * case, as Windows and macOS do). `extension` is given without the dot.
 */
export function safeFileName(stem: string, extension: string, taken: Set<string>, fallback = '未命名'): string {
  // Line breaks and tabs are spacing in a title: they become one space, other controls an underscore.
  let base = stem.replace(/\s+/g, ' ').replace(FORBIDDEN, '_').trim();
  // Cut by code points so a surrogate pair is never split.
  base = Array.from(base).slice(0, MAX_FILE_STEM_LENGTH).join('');
  base = base.replace(/[. ]+$/, '').replace(/^[. ]+/, '');
  if (!base) base = fallback;
  if (RESERVED.test(base)) base = `${base}_`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.${extension}` : `${base} (${n}).${extension}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

export interface ZipOptions {
  /** Modification time written into the archive (epoch ms); fixed for reproducible archives. */
  modifiedAt?: number;
}

/** A zip of the files (UTF-8 names, flagged as such). Names must already be unique. */
export function zipFiles(files: readonly ExportFile[], options: ZipOptions = {}): Uint8Array {
  const mtime = options.modifiedAt ?? Date.now();
  // No prototype: a file named like an Object.prototype member must stay a plain entry.
  const entries: Record<string, [Uint8Array, { mtime: number }]> = Object.create(null);
  for (const file of files) {
    if (Object.prototype.hasOwnProperty.call(entries, file.name)) throw new Error(`duplicate file name in zip: ${file.name}`);
    const bytes = typeof file.content === 'string' ? strToU8(file.content) : file.content;
    entries[file.name] = [bytes, { mtime }];
  }
  return zipSync(entries, { level: 6 });
}
