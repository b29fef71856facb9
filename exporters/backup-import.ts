// Reading a backup back. The file comes from outside (another device, an e-mail, a hand edit), so it is
// checked to the last field before anything of it is handed on: wrong files are refused with the first
// problems found, each saying where (a JSON path such as `items[3].body[0].value`) and what. Text fields
// may hold anything, markup included: it is kept verbatim as text, and only URL fields are restricted to
// http(s). Nothing here throws on bad input. Merging into the store (by id, by stamp) is the caller's job.

import {
  annotationCheck,
  excerptSnapshotCheck,
  HIGHLIGHT_COLOURS,
  MAX_NOTE_LENGTH,
  MAX_SPEAKERS,
  MAX_TAGS,
  MAX_TITLE_LENGTH,
  MAX_URL_LENGTH,
  speakerRefCheck, syncFieldsCheck, tagCheck, type Annotation, type AnnotationKind } from '../records/annotation';
import { articleKeyCheck } from '../records/article-key';
import { articleAnalysisRecordCheck, type ArticleAnalysisRecord } from '../records/analysis';
import { articleRecordCheck, type ArticleRecord } from '../records/article';
import { correctionCheck, type Correction } from '../records/correction';
import { preferencesCheck, type Preferences } from '../records/preferences';
import { array, boolean, httpUrl, integer, nullable, object, oneOf, string, type Check } from '../records/check';
import { stampCheck } from '../records/stamp';
import { MAX_QUOTE_LENGTH, validateTextTarget } from '../records/text-target';
import { runSliced, runSync, type ProgressOptions, type Steps } from './progress';
import {
  ANNO_CONTEXT,
  ANYUE_NAMESPACE,
  BACKUP_CONTEXT,
  BACKUP_CONTEXT_BEFORE_SYNC,
  BACKUP_CONTEXT_VERSION_1,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  MOTIVATION_OF_KIND,
} from './web-annotation';

/**
 * Bounds on the file as a whole: far above any real reader's data, low enough to refuse junk early. Each
 * record inside is held to the records' own limits (records/), the same that sync applies.
 */
export const BACKUP_LIMITS = {
  /** Whole file, UTF-8: room for the 200k annotations below at ~1.4 KB each (a generated 200k backup is ~285 MB). */
  maxBytes: 400 * 1024 * 1024,
  maxAnnotations: 200_000,
  maxArticles: 100_000,
  /** One analysis per article. */
  maxAnalyses: 100_000,
  /** Far above any reader's: each kind of correction is capped at 10,000 (records/correction.ts). */
  maxCorrections: 40_000,
  /** Problems reported before the rest are only counted. */
  maxErrors: 20,
} as const;

export interface BackupProblem {
  /** Where: a JSON path into the file (`$` is the file itself). */
  path: string;
  /** What is wrong. */
  message: string;
}

/** Everything a backup holds, checked. Files of version 1 hold no analyses, corrections or preferences. */
export interface BackupContents {
  annotations: Annotation[];
  articles: ArticleRecord[];
  analyses: ArticleAnalysisRecord[];
  corrections: Correction[];
  /** The reader's preferences as saved; null when the file has none. */
  preferences: Partial<Preferences> | null;
  generated: number;
}

export type BackupParseResult =
  | ({ ok: true } & BackupContents)
  | { ok: false; errors: BackupProblem[]; /** Problems found beyond those listed. */ moreErrors: number };

// ---------------------------------------------------------------- field checks (schema.ts style)

const LIMITS = BACKUP_LIMITS;

const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const annotationId: Check = (value, path) =>
  string(100)(value, path) ??
  (UUID_URN.test(value as string) ? null : `${path}: not an id of the form urn:uuid:<lower-case UUID>`);

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** The exact form the export writes (so re-export gives the same bytes), and a real instant. */
const isoTime: Check = (value, path) => {
  const reason = string(40)(value, path);
  if (reason) return reason;
  const text = value as string;
  const ms = Date.parse(text);
  if (!ISO_TIME.test(text) || Number.isNaN(ms) || new Date(ms).toISOString() !== text) {
    return `${path}: not a UTC time of the form YYYY-MM-DDTHH:mm:ss.sssZ`;
  }
  return null;
};

/** Exactly these items, in this order. */
const tuple =
  (...items: Check[]): Check =>
  (value, path) => {
    if (!Array.isArray(value) || value.length !== items.length) {
      return `${path}: expected an array of exactly ${items.length} items`;
    }
    for (let i = 0; i < items.length; i++) {
      const reason = items[i]!(value[i], `${path}[${i}]`);
      if (reason) return reason;
    }
    return null;
  };

// The file's own shape (W3C Web Annotation with 安阅's fields). Fields that hold a record's value use that
// record's check; the record built from an item then passes the record's one check (annotationCheck), so a
// backup holds exactly what sync would accept.
const quoteSelector = object({
  type: oneOf('TextQuoteSelector'),
  exact: string(MAX_QUOTE_LENGTH, { nonEmpty: true }),
  prefix: string(),
  suffix: string(),
});
const positionSelector = object({ type: oneOf('TextPositionSelector'), start: integer(0), end: integer(0) });
const specificTarget = object({ source: httpUrl(MAX_URL_LENGTH), selector: tuple(quoteSelector, positionSelector) });
/** The page IRI alone (no anchored text), or the page with quote and position selectors. */
const target: Check = (value, path) => (typeof value === 'string' ? httpUrl(MAX_URL_LENGTH)(value, path) : specificTarget(value, path));

const textualBody = object(
  { type: oneOf('TextualBody'), purpose: oneOf('commenting', 'tagging'), value: string(MAX_NOTE_LENGTH) },
  { format: oneOf('text/plain') },
);

function itemShape(now: number): Check {
  const stamp = stampCheck(now);
  return object(
    {
      id: annotationId,
      type: oneOf('Annotation'),
      motivation: oneOf('highlighting', 'bookmarking', 'commenting'),
      created: isoTime,
      modified: isoTime,
      target,
      'anyue:kind': oneOf<AnnotationKind>('highlight', 'excerpt', 'page-note'),
      'anyue:articleKey': articleKeyCheck,
      'anyue:articleTitle': string(MAX_TITLE_LENGTH),
      'anyue:colour': oneOf(...HIGHLIGHT_COLOURS),
      'anyue:speakers': array(speakerRefCheck, MAX_SPEAKERS),
      'anyue:excerpt': nullable(excerptSnapshotCheck),
      'anyue:deleted': boolean,
      'anyue:stamps': object({ created: stamp, colour: stamp, note: stamp, tags: stamp, deleted: stamp, target: stamp }),
    },
    { body: array(textualBody, MAX_TAGS + 1), 'anyue:sync': syncFieldsCheck(now) },
  );
}

// ---------------------------------------------------------------- the file

/** Paths come from the file's own keys: keep messages readable when a key is absurd. */
const shortPath = (path: string) => (path.length > 200 ? `${path.slice(0, 197)}…` : path);

/** schema.ts reasons are "path: message"; the message part never holds ": ", a key may. */
function problemOf(reason: string): BackupProblem {
  const cut = reason.lastIndexOf(': ');
  return cut < 0 ? { path: '$', message: reason } : { path: shortPath(reason.slice(0, cut)), message: reason.slice(cut + 2) };
}

class Problems {
  readonly list: BackupProblem[] = [];
  more = 0;
  add(path: string, message: string) {
    if (this.list.length < LIMITS.maxErrors) this.list.push({ path: shortPath(path), message });
    else this.more += 1;
  }
  addReason(reason: string | null) {
    if (!reason) return;
    const { path, message } = problemOf(reason);
    this.add(path, message);
  }
}

const describe = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** UTF-8 size without encoding the whole text. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

type Parsed = BackupContents;

/** The lists, and the file's time when it is not the collection's `generated` (a corrections file's `exportedAt`). */
type HeadLists = Omit<Lists, 'root'> & { generated?: string };

/** A list of the file that may be absent (version 1 files have no analyses and corrections). */
function optionalList(file: Record<string, unknown>, name: string, most: number, what: string, problems: Problems): unknown[] | null {
  if (!Object.hasOwn(file, name)) return [];
  const list = file[name];
  if (!Array.isArray(list)) problems.add(name, `expected array, got ${describe(list)}`);
  else if (list.length > most) problems.add(name, `${list.length} ${what}, more than the ${most} a backup may hold`);
  else return list;
  return null;
}

const CORRECTIONS_FORMAT = 'anyue-corrections';

/** The sidebar's corrections export (records/correction CorrectionsExport): imports as a backup of corrections only. */
function checkCorrectionsFile(file: Record<string, unknown>, problems: Problems): HeadLists | null {
  const before = problems.list.length;
  problems.addReason(
    object({ format: oneOf(CORRECTIONS_FORMAT), version: integer(1, 1), exportedAt: isoTime, corrections: array((_value, _path) => null, LIMITS.maxCorrections) })(file, '$'),
  );
  if (problems.list.length > before) return null;
  return { items: [], articles: [], analyses: [], corrections: file.corrections as unknown[], preferences: null, generated: file.exportedAt as string, correctionsField: 'corrections' };
}

/** Checks the collection itself; returns its lists when they can be walked. */
function checkHead(root: unknown, problems: Problems): HeadLists | null {
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    problems.add('$', `expected an 安阅 backup (a JSON object), got ${describe(root)}`);
    return null;
  }
  const file = root as Record<string, unknown>;
  if (file.format === CORRECTIONS_FORMAT) return checkCorrectionsFile(file, problems);
  // Format and version first: a file that is something else entirely gets one clear message.
  if (!Object.hasOwn(file, 'anyue:format')) {
    problems.add('anyue:format', `missing: this is not an 安阅 backup (expected "${BACKUP_FORMAT}")`);
    return null;
  }
  if (file['anyue:format'] !== BACKUP_FORMAT) {
    problems.add('anyue:format', `expected "${BACKUP_FORMAT}", this is another format`);
    return null;
  }
  const version = file['anyue:version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    problems.add('anyue:version', `missing or not a version number (this version of 安阅 reads version ${BACKUP_VERSION})`);
    return null;
  }
  if (version > BACKUP_VERSION) {
    problems.add('anyue:version', `version ${version} was written by a newer 安阅; this one reads version ${BACKUP_VERSION}: update the extension`);
    return null;
  }
  const allowed = new Set(['@context', 'type', 'anyue:format', 'anyue:version', 'generated', 'total', 'items', 'anyue:articles']);
  if (version >= 2) for (const name of ['anyue:analyses', 'anyue:corrections', 'anyue:preferences']) allowed.add(name);
  for (const key of Object.keys(file)) if (!allowed.has(key)) problems.add(key, 'unexpected field');
  const contexts = version >= 2 ? [BACKUP_CONTEXT] : [BACKUP_CONTEXT_VERSION_1, BACKUP_CONTEXT_BEFORE_SYNC];
  if (!Object.hasOwn(file, '@context')) problems.add('@context', 'missing');
  else if (!contexts.some((context) => sameJson(file['@context'], context))) {
    problems.add('@context', `expected ["${ANNO_CONTEXT}", {… "anyue": "${ANYUE_NAMESPACE}" …}] as exportBackup writes it`);
  }
  problems.addReason(oneOf('AnnotationCollection')(file.type, 'type'));
  problems.addReason(Object.hasOwn(file, 'generated') ? isoTime(file.generated, 'generated') : 'generated: missing');
  const items = file.items;
  const articles = file['anyue:articles'];
  let walkable = true;
  if (!Array.isArray(items)) {
    problems.add('items', Object.hasOwn(file, 'items') ? `expected array, got ${describe(items)}` : 'missing');
    walkable = false;
  } else if (items.length > LIMITS.maxAnnotations) {
    problems.add('items', `${items.length} annotations, more than the ${LIMITS.maxAnnotations} a backup may hold`);
    walkable = false;
  }
  if (!Array.isArray(articles)) {
    problems.add('anyue:articles', Object.hasOwn(file, 'anyue:articles') ? `expected array, got ${describe(articles)}` : 'missing');
    walkable = false;
  } else if (articles.length > LIMITS.maxArticles) {
    problems.add('anyue:articles', `${articles.length} articles, more than the ${LIMITS.maxArticles} a backup may hold`);
    walkable = false;
  }
  const analyses = optionalList(file, 'anyue:analyses', LIMITS.maxAnalyses, 'analyses', problems);
  const corrections = optionalList(file, 'anyue:corrections', LIMITS.maxCorrections, 'corrections', problems);
  const preferences = Object.hasOwn(file, 'anyue:preferences') ? file['anyue:preferences'] : null;
  if (preferences !== null) problems.addReason(preferencesCheck(preferences, 'anyue:preferences'));
  if (!Object.hasOwn(file, 'total')) problems.add('total', 'missing');
  else if (Array.isArray(items) && file.total !== items.length) {
    problems.add('total', `says ${JSON.stringify(file.total)?.slice(0, 40)} but items holds ${items.length} annotations`);
  }
  if (!walkable || !analyses || !corrections) return null;
  return { items: items as unknown[], articles: articles as unknown[], analyses, corrections, preferences: preferences as Partial<Preferences> | null };
}

/** The record for one item already shape-checked, or null after reporting what is inconsistent in it. */
function readItem(raw: Record<string, any>, path: string, problems: Problems): Annotation | null {
  const before = problems.list.length + problems.more;
  const kind = raw['anyue:kind'] as AnnotationKind;
  if (raw.motivation !== MOTIVATION_OF_KIND[kind]) {
    problems.add(`${path}.motivation`, `"${raw.motivation}" does not fit anyue:kind "${kind}" (expected "${MOTIVATION_OF_KIND[kind]}")`);
  }
  let note = '';
  const tags: string[] = [];
  const bodies: any[] = raw.body ?? [];
  let comments = 0;
  bodies.forEach((body, i) => {
    const at = `${path}.body[${i}]`;
    if (body.purpose === 'commenting') {
      comments += 1;
      if (comments > 1) problems.add(at, 'a second commenting body: an annotation has one note');
      note = body.value;
    } else {
      const reason = tagCheck(body.value, `${at}.value`);
      if (reason) problems.addReason(reason);
      else if (tags.includes(body.value)) problems.add(`${at}.value`, `duplicate tag "${body.value}"`);
      else tags.push(body.value);
    }
  });
  if (tags.length > MAX_TAGS) problems.add(`${path}.body`, `more than ${MAX_TAGS} tags`);
  let articleUrl: string;
  let textTarget: Annotation['target'] = null;
  if (typeof raw.target === 'string') articleUrl = raw.target;
  else {
    articleUrl = raw.target.source;
    const [quote, position] = raw.target.selector;
    textTarget = {
      quote: { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      position: { type: 'TextPositionSelector', start: position.start, end: position.end },
    };
    // The store's own rules for a target (non-empty span as long as the quote, its size limits), with the
    // path mapped from the stored shape {quote, position} to the file's selector list.
    const reason = validateTextTarget(textTarget, `${path}.target`);
    if (reason) {
      problems.addReason(
        reason.replace(`${path}.target.quote`, `${path}.target.selector[0]`).replace(`${path}.target.position`, `${path}.target.selector[1]`),
      );
    }
  }
  if (kind === 'excerpt' && raw['anyue:excerpt'] === null) {
    problems.add(`${path}.anyue:excerpt`, 'an excerpt must keep the snapshot of its source, got null');
  }
  if (problems.list.length + problems.more > before) return null;
  const excerpt = raw['anyue:excerpt'];
  const stamps = raw['anyue:stamps'];
  const sync = raw['anyue:sync'];
  return {
    id: (raw.id as string).slice('urn:uuid:'.length),
    articleKey: raw['anyue:articleKey'],
    articleUrl,
    articleTitle: raw['anyue:articleTitle'],
    kind,
    target: textTarget,
    colour: raw['anyue:colour'],
    note,
    tags,
    speakers: (raw['anyue:speakers'] as any[]).map(({ name, title, org }) => ({ name, title, org })),
    excerpt: excerpt
      ? {
          title: excerpt.title,
          url: excerpt.url,
          source: excerpt.source,
          publishedAt: excerpt.publishedAt,
          author: excerpt.author,
          siteName: excerpt.siteName,
          capturedAt: excerpt.capturedAt,
        }
      : null,
    createdAt: Date.parse(raw.created),
    updatedAt: Date.parse(raw.modified),
    deleted: raw['anyue:deleted'],
    stamps: {
      created: stamps.created,
      colour: stamps.colour,
      note: stamps.note,
      tags: stamps.tags,
      deleted: stamps.deleted,
      target: stamps.target,
    },
    ...(sync
      ? {
          seen: Object.fromEntries(Object.entries(sync.seen as Record<string, string>)),
          conflicts: (sync.conflicts as Record<string, any>[]).map((c) =>
            c.field === 'note'
              ? { field: 'note' as const, value: c.value as string, stamp: c.stamp as string }
              : { field: 'target' as const, value: c.value && structuredClone(c.value), stamp: c.stamp as string },
          ),
          tagStamps: (sync.tagStamps as Record<string, any>[]).map(({ tag, stamp, rank }) => ({ tag, stamp, rank })),
          liveBy: [...(sync.liveBy as string[])],
        }
      : {}),
  };
}

interface Lists {
  root: { generated: string };
  items: unknown[];
  articles: unknown[];
  analyses: unknown[];
  corrections: unknown[];
  preferences: Partial<Preferences> | null;
  /** The corrections' field in the file, for the problems' paths. */
  correctionsField?: string;
}

/** Size, JSON and the collection's head: one step, before the records are walked. */
function open(text: unknown, problems: Problems): Lists | null {
  if (typeof text !== 'string') {
    problems.add('$', `expected the file's text, got ${describe(text)}`);
    return null;
  }
  if (text.length > LIMITS.maxBytes || (text.length > LIMITS.maxBytes / 3 && utf8Length(text) > LIMITS.maxBytes)) {
    problems.add('$', `file larger than ${LIMITS.maxBytes / 1024 / 1024} MB`);
    return null;
  }
  let root: unknown;
  try {
    // A BOM added by an editor is not part of the data.
    root = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    problems.add('$', `not JSON (${error instanceof Error ? error.message : String(error)})`);
    return null;
  }
  const lists = checkHead(root, problems);
  if (!lists) return null;
  const { generated, ...rest } = lists;
  return { root: generated ? { generated } : (root as { generated: string }), ...rest };
}

function* walkSteps(lists: Lists, problems: Problems, out: { parsed: Parsed | null }, now: number): Steps {
  const item = itemShape(now);
  const record = annotationCheck(now);
  const annotations: Annotation[] = [];
  const firstSeen = new Map<string, number>();
  for (let i = 0; i < lists.items.length; i++) {
    const path = `items[${i}]`;
    const raw = lists.items[i];
    const reason = item(raw, path);
    if (reason) problems.addReason(reason);
    else {
      const id = (raw as { id: string }).id;
      const earlier = firstSeen.get(id);
      if (earlier !== undefined) problems.add(`${path}.id`, `duplicate id ${id} (also items[${earlier}].id)`);
      else firstSeen.set(id, i);
      const annotation = readItem(raw as Record<string, unknown>, path, problems);
      // The record's own check has the last word (its paths name the record's fields, e.g. items[3].updatedAt).
      const recordReason = annotation && record(annotation, path);
      if (recordReason) problems.addReason(recordReason);
      else if (annotation) annotations.push(annotation);
    }
    yield;
  }
  const articles: ArticleRecord[] = [];
  const keys = new Map<string, number>();
  for (let i = 0; i < lists.articles.length; i++) {
    const path = `anyue:articles[${i}]`;
    const raw = lists.articles[i] as ArticleRecord;
    const reason = articleRecordCheck(raw, path);
    if (reason) problems.addReason(reason);
    else if (keys.has(raw.key)) {
      problems.add(`${path}.key`, `duplicate article ${raw.key} (also anyue:articles[${keys.get(raw.key)}].key)`);
    } else {
      keys.set(raw.key, i);
      articles.push({
        key: raw.key,
        postId: raw.postId,
        url: raw.url,
        title: raw.title,
        categories: [...raw.categories],
        publishedAt: raw.publishedAt,
        author: raw.author,
        source: raw.source,
        textLength: raw.textLength,
        firstReadAt: raw.firstReadAt,
        lastReadAt: raw.lastReadAt,
        readCount: raw.readCount,
      });
    }
    yield;
  }
  const analyses: ArticleAnalysisRecord[] = [];
  const analysed = new Map<string, number>();
  for (let i = 0; i < lists.analyses.length; i++) {
    const path = `anyue:analyses[${i}]`;
    const raw = lists.analyses[i] as ArticleAnalysisRecord;
    const reason = articleAnalysisRecordCheck(raw, path);
    if (reason) problems.addReason(reason);
    else if (analysed.has(raw.articleKey)) {
      problems.add(`${path}.articleKey`, `a second analysis of ${raw.articleKey} (also anyue:analyses[${analysed.get(raw.articleKey)}])`);
    } else {
      analysed.set(raw.articleKey, i);
      // The checked value is plain JSON of the record's shape: a copy keeps nothing else of the file.
      analyses.push({ articleKey: raw.articleKey, analysedAt: raw.analysedAt, summary: structuredClone(raw.summary) });
    }
    yield;
  }
  const corrections: Correction[] = [];
  const made = new Map<string, number>();
  for (let i = 0; i < lists.corrections.length; i++) {
    const path = `${lists.correctionsField ?? 'anyue:corrections'}[${i}]`;
    const raw = lists.corrections[i] as Correction;
    const reason = correctionCheck(raw, path);
    if (reason) problems.addReason(reason);
    else if (made.has(raw.id)) problems.add(`${path}.id`, `duplicate correction ${raw.id} (also [${made.get(raw.id)}].id)`);
    else {
      made.set(raw.id, i);
      corrections.push({ ...raw });
    }
    yield;
  }
  out.parsed = {
    annotations,
    articles,
    analyses,
    corrections,
    preferences: lists.preferences && structuredClone(lists.preferences),
    generated: Date.parse(lists.root.generated),
  };
}

function result(problems: Problems, out: { parsed: Parsed | null }): BackupParseResult {
  if (problems.list.length || !out.parsed) {
    return { ok: false, errors: problems.list.length ? problems.list : [{ path: '$', message: 'not a readable backup' }], moreErrors: problems.more };
  }
  return { ok: true, ...out.parsed };
}

/**
 * Reads an 安阅 backup (exportBackup's output). Never throws: a bad file gives `ok: false` and its problems.
 * `now` is this device's time: stamps more than a day ahead of it are refused (records/stamp.ts).
 */
export function parseBackup(text: string, now = Date.now()): BackupParseResult {
  const problems = new Problems();
  const out: { parsed: Parsed | null } = { parsed: null };
  const lists = open(text, problems);
  if (lists) runSync(walkSteps(lists, problems, out, now));
  return result(problems, out);
}

/** The same, checking the records in slices so the page stays responsive (JSON.parse itself is one step). */
export async function parseBackupAsync(text: string, options: ProgressOptions = {}, now = Date.now()): Promise<BackupParseResult> {
  const problems = new Problems();
  const out: { parsed: Parsed | null } = { parsed: null };
  const lists = open(text, problems);
  if (lists) {
    const steps = lists.items.length + lists.articles.length + lists.analyses.length + lists.corrections.length;
    await runSliced(walkSteps(lists, problems, out, now), steps, options);
  }
  return result(problems, out);
}

// ---------------------------------------------------------------- restoring a large backup

/** One slice of a checked backup, as the background merges it (in its own transaction). */
export interface RestoreSlice {
  annotations: Annotation[];
  articles: ArticleRecord[];
  analyses: ArticleAnalysisRecord[];
  corrections: Correction[];
  /** In the last slice only. */
  preferences: Partial<Preferences> | null;
  /** The last slice. */
  final: boolean;
}

/** Characters of analyses per slice: one analysis may be large (hundreds of passages), a message is bounded. */
const SLICE_ANALYSIS_CHARACTERS = 8_000_000;

export interface RestoreCounts {
  added: number;
  updated: number;
  unchanged: number;
  articles: number;
}

export type RestoreOutcome =
  | ({ ok: true } & RestoreCounts)
  /** The file was refused whole: nothing was sent, nothing written. */
  | { ok: false; refused: { errors: BackupProblem[]; moreErrors: number } }
  /**
   * A slice failed after `restored` of `total` records were merged. Nothing is lost or doubled: merging is
   * idempotent, so importing the same file again finishes the restore.
   */
  | { ok: false; stopped: { restored: number; total: number; error: string } };

export interface RestoreOptions {
  /** Records per slice. */
  sliceRecords: number;
  onProgress?: (phase: 'checking' | 'restoring', done: number, total: number) => void;
}

/**
 * Restores a backup too large for one message: the whole file is read and checked here first (a broken
 * file is refused before anything is sent), then handed on in slices, articles first. `sendSlice` answers
 * with the counts of the slice, or an error.
 */
export async function restoreBackup(
  text: string,
  sendSlice: (slice: RestoreSlice) => Promise<({ ok: true } & RestoreCounts) | { ok: false; error: string } | undefined>,
  options: RestoreOptions,
  now = Date.now(),
): Promise<RestoreOutcome> {
  const size = Math.max(1, options.sliceRecords);
  const parsed = await parseBackupAsync(text, { onProgress: (done, total) => options.onProgress?.('checking', done, total) }, now);
  if (!parsed.ok) return { ok: false, refused: { errors: parsed.errors, moreErrors: parsed.moreErrors } };
  const total = parsed.articles.length + parsed.annotations.length + parsed.analyses.length + parsed.corrections.length;
  const counts: RestoreCounts = { added: 0, updated: 0, unchanged: 0, articles: 0 };
  type Slice = Omit<RestoreSlice, 'final' | 'preferences'>;
  const empty = (): Slice => ({ annotations: [], articles: [], analyses: [], corrections: [] });
  const slices: Slice[] = [];
  // Articles first (the library lists them), then what refers to them.
  for (let i = 0; i < parsed.articles.length; i += size) slices.push({ ...empty(), articles: parsed.articles.slice(i, i + size) });
  let analyses = empty();
  let characters = 0;
  for (const analysis of parsed.analyses) {
    const length = JSON.stringify(analysis.summary).length;
    if (analyses.analyses.length && (analyses.analyses.length >= size || characters + length > SLICE_ANALYSIS_CHARACTERS)) {
      slices.push(analyses);
      analyses = empty();
      characters = 0;
    }
    analyses.analyses.push(analysis);
    characters += length;
  }
  if (analyses.analyses.length) slices.push(analyses);
  for (let i = 0; i < parsed.corrections.length; i += size) slices.push({ ...empty(), corrections: parsed.corrections.slice(i, i + size) });
  for (let i = 0; i < parsed.annotations.length; i += size) slices.push({ ...empty(), annotations: parsed.annotations.slice(i, i + size) });
  if (!slices.length) slices.push(empty());
  let restored = 0;
  options.onProgress?.('restoring', 0, total);
  for (let i = 0; i < slices.length; i++) {
    const slice = slices[i]!;
    let reply: Awaited<ReturnType<typeof sendSlice>>;
    try {
      const final = i === slices.length - 1;
      reply = await sendSlice({ ...slice, preferences: final ? parsed.preferences : null, final });
    } catch (error) {
      reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    if (!reply?.ok) return { ok: false, stopped: { restored, total, error: reply?.error ?? 'no reply' } };
    counts.added += reply.added;
    counts.updated += reply.updated;
    counts.unchanged += reply.unchanged;
    counts.articles += reply.articles;
    restored += slice.annotations.length + slice.articles.length + slice.analyses.length + slice.corrections.length;
    options.onProgress?.('restoring', restored, total);
  }
  return { ok: true, ...counts };
}
