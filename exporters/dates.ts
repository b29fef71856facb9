// The one rule for dates, used by the sidebar, the library's filter, CSV, Markdown and citations:
// - a time the reader did something (read, annotated, exported, cited) is shown in the reader's own time
//   zone, so the CSV, the sidebar and the library's date filter put a row on the same day;
// - an article's date is its own publication day, as the page printed it, never converted, and an article
//   without one is "未注明日期" / "undated", never silently the day it was read.
// Stored times are epoch milliseconds.

/** The reader's offset from UTC at that instant, in minutes (east positive; daylight saving included). */
export function readerOffsetMinutes(ms: number): number {
  return -new Date(ms).getTimezoneOffset();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function shifted(ms: number, offsetMinutes: number): Date {
  return new Date(ms + offsetMinutes * 60_000);
}

/** YYYY-MM-DD of an instant in the reader's time zone (or at a fixed offset from UTC, for tests). */
export function formatDay(ms: number, offsetMinutes = readerOffsetMinutes(ms)): string {
  const d = shifted(ms, offsetMinutes);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** YYYY-MM-DD HH:mm of an instant in the reader's time zone (Excel reads this as a date-time in every locale). */
export function formatDayTime(ms: number, offsetMinutes = readerOffsetMinutes(ms)): string {
  const d = shifted(ms, offsetMinutes);
  return `${formatDay(ms, offsetMinutes)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The first instant of a YYYY-MM-DD day in the reader's time zone (NaN for anything else). */
export function localDayStart(day: string): number {
  const match = DAY.exec(day);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime() : Number.NaN;
}

/** The last millisecond of a YYYY-MM-DD day in the reader's time zone (NaN for anything else). */
export function localDayEnd(day: string): number {
  const match = DAY.exec(day);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1).getTime() - 1 : Number.NaN;
}

const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/;
const CHINESE_DAY = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

/**
 * The calendar day of a published date as the page printed it (`2024-07-14`, `2024-07-14T09:00:00+08:00`,
 * `2024年7月14日`), or null when there is none or it is not a real date. The page's own day is kept, not
 * converted: it is what the reader saw and what a citation must repeat.
 */
export function publishedDay(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = value.trim();
  const match = ISO_DAY.exec(text) ?? CHINESE_DAY.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export const UNDATED = { 'zh-CN': '未注明日期', en: 'undated' } as const;

/** An article's date for display: its publication day, or the words for "undated" in that language. */
export function articleDateLabel(publishedAt: string | null | undefined, language: keyof typeof UNDATED = 'zh-CN'): string {
  return publishedDay(publishedAt) ?? UNDATED[language];
}
