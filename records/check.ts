// The check combinators for every record and message that crosses a boundary (messages, storage, backups,
// sync). Each check returns null when the value fits, else a reason naming the path that failed.

export type Check = (value: unknown, path: string) => string | null;

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

export const string =
  (maxLength = 10_000, { nonEmpty = false } = {}): Check =>
  (value, path) => {
    if (typeof value !== 'string') return `${path}: expected string, got ${describe(value)}`;
    if (value.length > maxLength) return `${path}: longer than ${maxLength} characters`;
    if (nonEmpty && value.length === 0) return `${path}: must not be empty`;
    return null;
  };

export const integer =
  (min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Check =>
  (value, path) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? null
      : `${path}: expected an integer in [${min}, ${max}], got ${describe(value)}`;

/** Latest instant whose ISO form has a four-digit year: later times cannot be exported (toISOString). */
export const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
/** A time in epoch milliseconds that every export can write. */
export const epochMs: Check = integer(0, MAX_TIME);

export const boolean: Check = (value, path) =>
  typeof value === 'boolean' ? null : `${path}: expected boolean, got ${describe(value)}`;

export const oneOf =
  <T extends string>(...allowed: T[]): Check =>
  (value, path) =>
    typeof value === 'string' && (allowed as string[]).includes(value)
      ? null
      : `${path}: expected one of ${allowed.join(', ')}`;

export const nullable =
  (check: Check): Check =>
  (value, path) =>
    value === null ? null : check(value, path);

export const array =
  (item: Check, maxItems = 1_000): Check =>
  (value, path) => {
    if (!Array.isArray(value)) return `${path}: expected array, got ${describe(value)}`;
    if (value.length > maxItems) return `${path}: more than ${maxItems} items`;
    for (let i = 0; i < value.length; i++) {
      const reason = item(value[i], `${path}[${i}]`);
      if (reason) return reason;
    }
    return null;
  };

/** A plain object with exactly these keys (optional ones may be absent); unknown keys are refused. */
export const object =
  (shape: Record<string, Check>, optional: Record<string, Check> = {}): Check =>
  (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return `${path}: expected object, got ${describe(value)}`;
    }
    const record = value as Record<string, unknown>;
    // Own keys only: `in` would let 'constructor' or '__proto__' pass as declared fields.
    for (const key of Object.keys(record)) {
      if (!Object.hasOwn(shape, key) && !Object.hasOwn(optional, key)) return `${path}.${key}: unexpected field`;
    }
    for (const [key, check] of Object.entries(shape)) {
      if (!Object.hasOwn(record, key)) return `${path}.${key}: missing`;
      const reason = check(record[key], `${path}.${key}`);
      if (reason) return reason;
    }
    for (const [key, check] of Object.entries(optional)) {
      if (Object.hasOwn(record, key) && record[key] !== undefined) {
        const reason = check(record[key], `${path}.${key}`);
        if (reason) return reason;
      }
    }
    return null;
  };

const URL_SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * An http(s) URL, the only kind a record may link to (a `javascript:` or `data:` link in a record would run or
 * show something when the reader clicks it in the library or an export).
 */
export const httpUrl =
  (maxLength = 4_096): Check =>
  (value, path) => {
    const reason = string(maxLength, { nonEmpty: true })(value, path);
    if (reason) return reason;
    const text = value as string;
    const scheme = URL_SCHEME.exec(text.trimStart())?.[1]?.toLowerCase();
    if (scheme !== 'http' && scheme !== 'https') {
      return `${path}: only http and https URLs are allowed, ${scheme ? `not ${scheme}` : 'this has no scheme'}`;
    }
    if (!/^https?:\/\/[^\s\u0000-\u001f\u007f]+$/i.test(text)) return `${path}: not a valid URL (spaces or control characters)`;
    try {
      new URL(text);
    } catch {
      return `${path}: not a valid URL`;
    }
    return null;
  };

/** Checks in turn; the first reason wins. */
export const all =
  (...checks: Check[]): Check =>
  (value, path) => {
    for (const check of checks) {
      const reason = check(value, path);
      if (reason) return reason;
    }
    return null;
  };

/** A check's verdict as a typed result. */
export type Verdict<T> = { ok: true; value: T } | { ok: false; reason: string };
export function verdict<T>(check: Check, value: unknown, path: string): Verdict<T> {
  const reason = check(value, path);
  return reason ? { ok: false, reason } : { ok: true, value: value as T };
}
