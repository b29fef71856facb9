// Dates as the exports print them. Stored times are epoch milliseconds; the portal and its readers are in
// China (UTC+8 all year, no daylight saving), so calendar dates are computed at a fixed offset instead of
// the machine's zone: the same backup exports the same text on every computer.

export const CHINA_UTC_OFFSET_MINUTES = 480;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function shifted(ms: number, offsetMinutes: number): Date {
  return new Date(ms + offsetMinutes * 60_000);
}

/** YYYY-MM-DD of an instant, at the given offset from UTC. */
export function formatDay(ms: number, offsetMinutes = CHINA_UTC_OFFSET_MINUTES): string {
  const d = shifted(ms, offsetMinutes);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** YYYY-MM-DD HH:mm of an instant (Excel reads this as a date-time in every locale). */
export function formatDayTime(ms: number, offsetMinutes = CHINA_UTC_OFFSET_MINUTES): string {
  const d = shifted(ms, offsetMinutes);
  return `${formatDay(ms, offsetMinutes)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
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
