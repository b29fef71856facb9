// Finds the people in an article: names (see names.ts), every mention, the descriptor
// (organisation + title) written before a mention, reporter/editor credits and transcript labels.
import { CharClass } from './char-class';
import { K } from './lexicon';
import { adverbialEnd, boundaryAt, decideSites, Occurrences, siteReadings, surnameAt, type NameSite } from './names';
import { isCjk, isClausePunctCode, kindsAt, type Scan, wordAt, wordStartsOf } from './scan';

export interface Mention {
  /** Name key (normalised text of the name). */
  key: string;
  start: number;
  end: number;
  /** Start of the descriptor before the name (== start when none). */
  descStart: number;
  title: string;
  org: string;
  /** The mention is inside a reporter/editor/photographer credit. */
  credit: boolean;
  /** A later short form of a middle-dot name (塔拉斯 for 彼得里·塔拉斯); the key is the full name. */
  short: boolean;
}

export interface LabelTurn {
  /** Name key, or null for a label that is not a person (《…》栏目, 记者, 问). */
  key: string | null;
  nameStart: number;
  nameEnd: number;
  lineStart: number;
  lineEnd: number;
  /** Where the words on the label's own line begin (lineEnd when the label stands alone). */
  restStart: number;
  /** An interview's 答: nobody named, but the interviewee's turn when the lead names one (speakers.ts). */
  answer?: boolean;
}

export interface PeopleScan {
  mentions: Mention[];
  labels: LabelTurn[];
  /** Name keys seen in credits. */
  reporters: Set<string>;
  /** Spans of credits, e.g. “(记者 陈溯)”, so quotes can stop before them. */
  creditSpans: { start: number; end: number }[];
}

const CREDIT_END = new CharClass([')', '】', '\n', '。', ']']);
const SEPARATORS = new CharClass([' ', ':', '/', '|', '丨']);
const DESC_STOP = new CharClass('由在和与及的是为对向了据请将把被从让使到同给访');
const MAX_DESC = 48;
/** An organisation's last character that a title may start with and share (部长, 局长, 站长). */
const SHARED_HEAD = new CharClass('部厅局司处科委办院所站台队署社馆行组厂矿校团');
/** Bodies and places that end in no organisation word: 烟墩村, 世界气象组织, 某部队. */
const PLACE_END = /(?:村|镇|乡|街道|社区|组织|部队|集团|国|省|市|县|区|州|旗|盟|岛|港|澳门|香港|台湾)$/;
/** A place name and nothing else: no organisation word, ends in a region unit above the town. */
const REGION_ONLY = /^[\u4e00-\u9fff]{0,10}(?:省|市|县|自治区|自治州|自治县|州|旗|盟|特别行政区)$|^自治区$/;

export function isClauseStart(norm: string, p: number): boolean {
  let j = p - 1;
  while (j >= 0 && norm.charCodeAt(j) === 0x20) j--;
  return j < 0 || isClausePunctCode(norm.charCodeAt(j)) || norm.charCodeAt(j) === 0x3001;
}

/** Credits: (记者 陈溯) 【编辑:李岩】 审核:王诚 光明日报记者 马荣瑞 常河 (罗晓光) 徐想 摄 */
function findCredits(scan: Scan, dottedAt: Map<number, number>): { names: { start: number; end: number }[]; spans: { start: number; end: number }[] } {
  const { norm } = scan;
  const n = norm.length;
  const names: { start: number; end: number }[] = [];
  const spans: { start: number; end: number }[] = [];
  const readCreditName = (p: number): number => {
    const dotted = dottedAt.get(p);
    if (dotted) return dotted; // 新华社记者陈斌杰 玛蒂娜·福斯
    const sn = surnameAt(scan, p);
    if (!sn) return 0;
    for (const len of [sn.len + 2, sn.len + 1]) {
      if (p + len > n) continue;
      let ok = true;
      for (let i = p; i < p + len; i++) if (!isCjk(norm.charCodeAt(i))) ok = false;
      if (!ok || scan.lex.notNames.has(norm.slice(p, p + len))) continue;
      const after = p + len >= n ? 0x0a : norm.charCodeAt(p + len);
      if (after === 0x20 || after === 0x3001 || after === 0x6444 || after === 0x2f || CREDIT_END.has(after) || norm.startsWith('报道', p + len)) return len; // space 、 摄 /
    }
    return 0;
  };
  for (const start of wordStartsOf(scan, K.CREDIT)) {
    const end = scan.wordEndAt[start];
    let p = end;
    let sep = 0;
    while (p < n && SEPARATORS.has(norm.charCodeAt(p)) && sep < 4) {
      p++;
      sep++;
    }
    // 文/图 alone are everyday characters: only with a separator (文/张三, 图:李四) are they credits.
    if (end - start === 1 && sep === 0) continue;
    const found: { start: number; end: number }[] = [];
    for (let k = 0; k < 4 && p < n; k++) {
      const len = readCreditName(p);
      if (!len) break;
      found.push({ start: p, end: p + len });
      p += len;
      while (p < n && (norm[p] === ' ' || norm[p] === '、')) p++;
    }
    if (found.length === 0) continue;
    // (记者陈于嬿/台北报导): the place the report was filed from, after a slash.
    if (norm[p] === '/') {
      const filed = /^\/[\u4e00-\u9fff]{1,8}?报[道导]/.exec(norm.slice(p, p + 12));
      if (filed) p += filed[0].length;
    }
    const after = p >= n ? '\n' : norm[p];
    if (CREDIT_END.has(after.charCodeAt(0)) || after === '摄' || norm.startsWith('报道', p) || isCreditLabelAt(scan, p)) {
      names.push(...found);
      let s = start;
      if (s > 0 && (norm[s - 1] === '(' || norm[s - 1] === '【')) s--;
      spans.push({ start: s, end: Math.min(n, after === ')' || after === '】' ? p + 1 : p) });
    }
  }
  // (罗晓光) closing a paragraph; 徐想 摄 — only at those two characters, found by indexOf (no walk over every one).
  const at: number[] = [];
  for (let i = norm.indexOf('('); i !== -1; i = norm.indexOf('(', i + 1)) at.push(i);
  for (let i = norm.indexOf('摄'); i !== -1; i = norm.indexOf('摄', i + 1)) at.push(i);
  at.sort((a, b) => a - b);
  for (const i of at) {
    const c = norm[i];
    if (c === '(') {
      const len = readCreditName(i + 1);
      if (len && norm[i + 1 + len] === ')') {
        let j = i + 2 + len;
        while (j < n && norm[j] === ' ') j++;
        if (j >= n || norm[j] === '\n') {
          names.push({ start: i + 1, end: i + 1 + len });
          spans.push({ start: i, end: i + 2 + len });
        }
      }
    } else if (c === '摄' && i >= 2) {
      const after = i + 1 >= n ? 0x0a : norm.charCodeAt(i + 1);
      if (!(after === 0x20 || CREDIT_END.has(after))) continue;
      let s = i;
      if (norm[s - 1] === ' ') s--;
      for (const len of [3, 2]) {
        const p = s - len;
        if (p < 0 || !isClauseStartLoose(norm, p)) continue;
        if (readCreditName(p) === len) {
          names.push({ start: p, end: p + len });
          spans.push({ start: p, end: i + 1 });
          break;
        }
      }
    }
  }
  return { names, spans };
}

function isClauseStartLoose(norm: string, p: number): boolean {
  const c = p === 0 ? 0 : norm.charCodeAt(p - 1);
  return p === 0 || isClausePunctCode(c) || c === 0x20;
}

function isCreditLabelAt(scan: Scan, p: number): boolean {
  return (kindsAt(scan, p) & K.CREDIT) !== 0;
}

const TIMESTAMP = /^\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*/;

/** Labels of a question or of the host, with the words on the same line: nobody's turn. */
const ASKING_LABEL = /^(?:[\u4e00-\u9fff]{0,8}记者|问|提问|主持人|网友|观众|读者)$/;

/** Transcript and sound-bite labels: `<org><title> <name>:` at a line start, `【李  林】`, `董亚明:`. */
function findLabels(scan: Scan): { labels: LabelTurn[]; names: { start: number; end: number; key: string }[] } {
  const labels: LabelTurn[] = [];
  const names: { start: number; end: number; key: string }[] = [];
  // One call per line: optimised early (every article has lines), not only by on-stack replacement in long texts.
  for (const para of scan.paragraphs) labelOfLine(scan, para, labels, names);
  return { labels, names };
}

/** The label a line starts with, if any: a speaker's turn (names gets the name) or a boundary that is nobody's. */
function labelOfLine(scan: Scan, para: { start: number; end: number }, labels: LabelTurn[], names: { start: number; end: number; key: string }[]): void {
  const { norm, lex } = scan;
  let ls = para.start;
  while (ls < para.end && norm[ls] === ' ') ls++;
  if (ls >= para.end) return;
  const head = norm.slice(ls, Math.min(para.end, ls + 64));
  const ts = TIMESTAMP.exec(head);
  const off = ts ? ts[0].length : 0;
  let labelStart = ls + off;
  let labelEnd = -1;
  let restStart = para.end;
  if (norm[labelStart] === '【') {
    const close = head.indexOf('】', off);
    if (close > 0) {
      labelStart += 1;
      labelEnd = ls + close;
      let r = labelEnd + 1;
      while (r < para.end && (norm[r] === ' ' || norm[r] === ':')) r++;
      restStart = r;
    }
  }
  if (labelEnd < 0) {
    const colon = head.indexOf(':', off);
    if (colon < 0 || colon > 48) {
      // A short line with no sentence punctuation ends a transcript turn (《应急管理365》栏目).
      if (isBoundaryLine(norm, ls, para.end)) labels.push({ key: null, nameStart: ls, nameEnd: ls, lineStart: ls, lineEnd: para.end, restStart: para.end });
      return;
    }
    labelEnd = ls + colon;
    let r = labelEnd + 1;
    while (r < para.end && norm[r] === ' ') r++;
    restStart = r;
  }
  // The label must end with a name; what precedes it must be a descriptor ending in a title, or nothing.
  let e = labelEnd;
  while (e > labelStart && norm[e - 1] === ' ') e--;
  let found: { start: number; end: number; key: string } | null = null;
  // Names with spaces inside (【李  林】): compact them.
  const raw = norm.slice(labelStart, e);
  if (/^[\u4e00-\u9fff](?: +[\u4e00-\u9fff]){1,2}$/.test(raw) || /^[\u4e00-\u9fff]{1,2} +[\u4e00-\u9fff]{1,2}$/.test(raw)) {
    const key = raw.replace(/ +/g, '');
    const sn = surnameAt({ ...scan, norm: key } as Scan, 0);
    if (sn && sn.prior >= 0.3 && key.length >= 2 && key.length <= 4 && !lex.notNames.has(key)) found = { start: labelStart, end: e, key };
  }
  for (const len of [4, 3, 2]) {
    if (found) break;
    const p = e - len;
    if (p < labelStart) continue;
    const sn = surnameAt(scan, p);
    if (!sn || len - sn.len < 1 || len - sn.len > 2) continue;
    let ok = true;
    for (let i = p; i < e; i++) if (!isCjk(norm.charCodeAt(i))) ok = false;
    const key = norm.slice(p, e);
    if (!ok || lex.notNames.has(key)) continue;
    let q = p;
    const spaced = q > labelStart && norm[q - 1] === ' ';
    while (q > labelStart && norm[q - 1] === ' ') q--;
    if (q === labelStart) {
      if (sn.prior < 0.3) continue;
      if (isCreditLabelAt(scan, p)) continue;
    } else if (!spaced && !scan.titleEndAt.has(q)) continue;
    // No vocabulary word may begin inside the name (董主任 is an address, not a name).
    let clash = false;
    for (let i = p + sn.len; i < e; i++) {
      const kinds = kindsAt(scan, i);
      if (!(kinds & (K.TITLE | K.CUE | K.ORG | K.CREDIT | K.ATTEND | K.HOST | K.EVENT))) continue;
      // 文/图 alone are credits only with a separator (文/张三): inside 陈文俊 they are name characters.
      if (scan.wordEndAt[i] - i === 1 && (kinds & ~K.CREDIT) === 0) continue;
      clash = true;
    }
    if (clash) continue;
    found = { start: p, end: e, key };
  }
  if (!found && e - labelStart === 1 && norm[labelStart] === '答') {
    labels.push({ key: null, nameStart: labelStart, nameEnd: e, lineStart: ls, lineEnd: para.end, restStart, answer: true });
    return;
  }
  if (found) {
    names.push(found);
    labels.push({ key: found.key, nameStart: found.start, nameEnd: found.end, lineStart: ls, lineEnd: para.end, restStart });
  } else if ((restStart >= para.end && labelEnd - ls <= 40 && isBoundaryLine(norm, ls, para.end)) || (e - labelStart <= 12 && ASKING_LABEL.test(norm.slice(labelStart, e)))) {
    // `记者:` `问:` `主持人:` alone on a line, or `记者:今年汛情如何?` — a turn boundary that is not a person.
    labels.push({ key: null, nameStart: ls, nameEnd: ls, lineStart: ls, lineEnd: para.end, restStart: para.end });
  }
}

/**
 * A line that ends a transcript turn without being a person's label: `记者:` (up to 40 characters with its colon),
 * or a short unpunctuated line that is not a numbered heading (一、全国安全生产形势). Long lines are refused
 * before any string is made.
 */
function isBoundaryLine(norm: string, lineStart: number, lineEnd: number): boolean {
  let s = lineStart;
  let e = lineEnd;
  while (s < e && isSpaceCode(norm.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(norm.charCodeAt(e - 1))) e--;
  if (e - s > 40) return false;
  const line = norm.slice(s, e);
  if (line.endsWith(':')) return true;
  if (line.length > 24 || /[。!?,;]/.test(line)) return false;
  return !/^(?:[一二三四五六七八九十]+、|\(?[一二三四五六七八九十\d]+\)|\d+[.、])/.test(line);
}

/** What String.prototype.trim removes, for the characters the normalised text can hold. */
function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0b || code === 0x0c || code === 0x0d || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** 水利部长江水利委员会: the title word's last character opens a longer organisation (长江水利委员会), so it is no title. */
function titleOpensOrganisation(scan: Scan, start: number): boolean {
  const last = scan.wordEndAt[start] - 1;
  return (scan.wordKindsAt[last] & K.ORG) !== 0 && scan.wordEndAt[last] > last + 1;
}

/** Sites where a name may stand, by the contexts listed in names.ts. */
function collectSites(scan: Scan, titleStarts: Int32Array): NameSite[] {
  const { norm } = scan;
  const n = norm.length;
  const sites: NameSite[] = [];
  const push = (pos: number, mode: NameSite['mode']) => {
    const sn = surnameAt(scan, pos);
    if (sn) sites.push({ pos, surLen: sn.len, prior: sn.prior, mode });
  };
  for (const start of titleStarts) {
    if (titleOpensOrganisation(scan, start)) continue;
    let p = scan.wordEndAt[start];
    let spaces = 0;
    while (p < n && norm[p] === ' ' && spaces < 3) {
      p++;
      spaces++;
    }
    if (kindsAt(scan, p) & K.TITLE) continue; // a chain of titles: the name follows the last one
    push(p, 'title');
  }
  // 应急管理部王祥喜部长: after an organisation, a name needs a title right after it (nameAccepted).
  for (const start of wordStartsOf(scan, K.ORG)) {
    const p = scan.wordEndAt[start];
    // Only where a title starts two to four characters on: most organisation words are followed by no name.
    if (scan.wordKindsAt[start] & K.NOT_ORG || !((kindsAt(scan, p + 2) | kindsAt(scan, p + 3) | kindsAt(scan, p + 4)) & K.TITLE)) continue;
    push(p, 'org');
  }
  // Bare names need a speech verb soon after: look those up in the sorted cue positions.
  const cues = wordStartsOf(scan, K.CUE | K.EVENT);
  // Clause starts only move forward, so the first cue at or after p + 2 is found by a pointer that does too.
  let ci = 0;
  const cueWithin = (p: number, span: number) => {
    while (ci < cues.length && cues[ci] < p + 2) ci++;
    return ci < cues.length && cues[ci] <= p + span;
  };
  // Clause starts: the text's start and after each clause mark (positions from the scan's one pass); 、 lists.
  const marks = scan.clauseMarks;
  for (let k = -1; k < marks.length; k++) {
    const i = k < 0 ? 0 : marks[k];
    if (k >= 0 && i === 0) continue; // the text's start is visited once
    const code = norm.charCodeAt(i);
    if (code === 0x3001) {
      push(i + 1, 'list'); // 、
      continue;
    }
    let p = i === 0 && !isClausePunctCode(code) ? 0 : i + 1;
    while (p < n && norm.charCodeAt(p) === 0x20) p++;
    if (!cueWithin(p, 32)) continue;
    push(p, 'bare');
    if (norm[p] === '据' || norm[p] === '在') push(p + 1, 'bare'); // 据X介绍, 在X看来
  }
  return sites;
}

/** How a name found at a clause start must continue to count: a speech verb, maybe after 在…上/对记者. */
export function cueAfter(scan: Scan, pos: number, limit: number): { start: number; end: number; kinds: number } | null {
  const { norm } = scan;
  let i = skipAside(norm, pos, limit);
  let h = wordAt(scan, i);
  if (h && h.kinds & (K.HONORIFIC | K.TITLE) && !(h.kinds & (K.CUE | K.EVENT))) {
    i = h.end;
    h = wordAt(scan, i);
  }
  if (h && h.kinds & K.EVENT && !(h.kinds & K.CUE)) return verbAfterFrame(scan, h.end, limit) ?? h; // 讲话并指出
  if (h && h.kinds & (K.CUE | K.HOST | K.ATTEND)) return h;
  // 感激地说 / 语重心长地表示: an adverbial of two or four characters and 地 before the verb.
  const adverbial = adverbialEnd(scan, i - 1);
  if (adverbial > 0 && (adverbial - i === 2 || adverbial - i === 4)) return wordAt(scan, adverbial + 1)!;
  if (!gapStartsAt(norm, i)) return null;
  const end = Math.min(limit, i + 24);
  // 在致辞中指出 / 在演讲中谈到: an event word inside the gap does not end it; a content cue wins.
  let event: { start: number; end: number; kinds: number } | null = null;
  for (let j = i + 1; j < end; j++) {
    if (isClausePunctCode(norm.charCodeAt(j))) break; // by code unit: no string per step
    const kinds = kindsAt(scan, j);
    if (!kinds) continue;
    if (kinds & K.CUE) {
      // 在回答记者提问时表示: the verb of the occasion is not the one that gives the words.
      const cue = wordAt(scan, j)!;
      for (let t = cue.end; t < end && !isClausePunctCode(norm.charCodeAt(t)); t++) {
        if (norm[t] === '时' || norm[t] === '中') {
          const later = verbAfterFrame(scan, t, limit);
          if (later) return later;
        }
      }
      return cue;
    }
    if (kinds & (K.HOST | K.ATTEND)) return event ?? wordAt(scan, j)!;
    if (kinds & K.EVENT && !event) event = wordAt(scan, j)!;
    if (scan.wordEndAt[j] > j + 1) j = scan.wordEndAt[j] - 1;
  }
  return event;
}

/**
 * 讲话并指出 / 讲话时强调 / 讲话指出 / …提问时表示: the content verb right after an event word or an occasion, past
 * one joining 并/时/中 (from `p`, which may sit on that character). The verb, or null.
 */
function verbAfterFrame(scan: Scan, p: number, limit: number): { start: number; end: number; kinds: number } | null {
  const c = scan.norm[p];
  const at = c === '并' || c === '时' || c === '中' ? p + 1 : p;
  if (at >= limit) return null;
  const w = wordAt(scan, at);
  return w && w.kinds & K.CUE ? w : null;
}

const MAX_ASIDE = 6;
/** 吕梁(右一)表示 / 王芳(化名)说: a short aside in brackets after a name (photo position, pseudonym) is skipped. */
function skipAside(norm: string, pos: number, limit: number): number {
  if (norm.charCodeAt(pos) !== 0x28) return pos; // (
  for (let j = pos + 1; j < limit && j <= pos + MAX_ASIDE + 1; j++) {
    const c = norm.charCodeAt(j);
    if (c === 0x29) return j > pos + 1 ? j + 1 : pos; // )
    if (!isCjk(c)) return pos;
  }
  return pos;
}

const GAP_STARTERS = [
  '在', '对', '向', '最后', '首先', '也', '还', '又', '再', '则', '同时', '进一步', '特别', '随后', '接着', '就', '接受', '当天', '今天', '昨天', '日前', '近日', '曾', '已', '会上', '并', '再次', '多次', '一再', '反复', '笑着', '坦率地', '通过', '从', '于', '结合', '用', '深有感触地', '动情地', '一语道破', '补充', '总结', '一直', '一边', '一面', '始终', '今日', '昨日', '当日', '受访', '在受访', '第一时间', '带队', '撰文', '发文', '留言',
];
const GAP_FIRST = new Set(GAP_STARTERS.map((g) => g.charCodeAt(0)));
function gapStartsAt(norm: string, i: number): boolean {
  if (!GAP_FIRST.has(norm.charCodeAt(i))) return false; // most positions: no starter begins with this character
  for (const g of GAP_STARTERS) if (norm.startsWith(g, i)) return true;
  return false;
}

/**
 * The descriptor written before a name: walk back over the organisation and title chain
 * (省委副书记、省长; 中国工程院院士、深圳市…首席科学家) and split it at the first title.
 */
export function descriptorBefore(scan: Scan, nameStart: number, nameEnds: Set<number>, creditEnds: Set<number>): { start: number; org: string; title: string } {
  const { norm, text } = scan;
  let j = nameStart;
  let spaces = 0;
  while (j > 0 && norm[j - 1] === ' ' && spaces < 3) {
    j--;
    spaces++;
  }
  const right = j;
  let k = j;
  const floor = Math.max(0, nameStart - MAX_DESC);
  while (k > floor) {
    const orgStart = scan.orgEndAt.get(k);
    if (orgStart !== undefined && orgStart < k && orgStart >= floor) {
      k = orgStart; // 工业和信息化部: a whole organisation word, even with 和 inside
      continue;
    }
    const titleStart = scan.titleEndAt.get(k);
    if (titleStart !== undefined && titleStart < k && titleStart >= floor) {
      k = titleStart; // 少将副司令员: a whole title word, even with 将 inside
      continue;
    }
    if ((nameEnds.has(k) && k !== right) || creditEnds.has(k)) break; // another name, or a credit ((记者…报道))
    const c = norm[k - 1];
    if (c === '、') {
      // Continue through 、 only between titles, never across a person in a list.
      if (scan.titleEndAt.has(k - 1) && !nameEnds.has(k - 1)) {
        k--;
        continue;
      }
      break;
    }
    if (c === '(' || c === ')') {
      k--;
      continue;
    }
    if ((c === '和' || c === '与') && joinsOrganisation(scan, k, right, nameEnds)) {
      k--;
      continue;
    }
    const code = norm.charCodeAt(k - 1);
    if (!isCjk(code) || DESC_STOP.has(code)) break;
    k--;
  }
  // Parentheses at the edge are not part of it.
  while (k < right && (norm[k] === '(' || norm[k] === ')')) k++;
  if (k >= right) return { start: nameStart, org: '', title: '' };
  // Split at the first title word.
  let titleStart = -1;
  for (let i = k; i < right; i++) {
    if (kindsAt(scan, i) & K.TITLE && scan.wordEndAt[i] <= right && !titleOpensOrganisation(scan, i)) {
      titleStart = i;
      break;
    }
  }
  if (titleStart < 0) {
    // Only an organisation: keep it when it ends right before the name (…办公室董亚明主任).
    return scan.orgEndAt.has(right) ? { start: k, org: text.slice(k, right).trim(), title: '' } : { start: nameStart, org: '', title: '' };
  }
  // 自治区党委书记, 宁夏自治区副主席: a bare region before the title belongs to the title (a head of a regional
  // government or party committee), not an organisation; a town or village (罗湖镇烟墩村) stays one.
  if (REGION_ONLY.test(norm.slice(k, titleStart).trim())) return { start: k, org: '', title: text.slice(k, right).trim() };
  // 黄山市委常委: the region's unit sits inside the title word (市委常委), so the place before it is no body either.
  if (titleStart > k && titleStart - k <= 4 && /^[省市县区州]/.test(norm[titleStart]) && !scan.orgEndAt.has(titleStart)) {
    return { start: k, org: '', title: text.slice(k, right).trim() };
  }
  if (titleStart === k) {
    // 党委委员、市地震局局长X: no organisation before the chain, but one inside it, right before the last
    // title: that body is the person's organisation (the title keeps the whole chain, as written).
    const inner = innerOrganisation(scan, titleStart, right);
    if (inner) return { start: k, org: text.slice(inner.start, inner.end).trim(), title: text.slice(titleStart, right).trim() };
  }
  // 地质灾害监测员, 防汛值班员: before a worker's title (…员), words that end in no organisation or place word
  // qualify the title. (內政部長: the title's first character, 部, ends the organisation too.)
  if (norm.charCodeAt(right - 1) === 0x5458 && !scan.orgEndAt.has(titleStart) && !SHARED_HEAD.has(norm.charCodeAt(titleStart)) && !PLACE_END.test(norm.slice(k, titleStart))) return { start: k, org: '', title: text.slice(k, right).trim() };
  return { start: k, org: text.slice(k, titleStart).trim(), title: text.slice(titleStart, right).trim() };
}

/**
 * 应急减灾与公共服务司司长 / 安全生产执法和工贸安全监督管理局局长: a 和/与 inside an organisation name. True when the
 * words after the conjunction (from `k`) run, without a title, into an organisation word that ends where a title
 * begins, and the conjunction follows two plain characters (not a name: 市长王强和应急局局长…).
 */
function joinsOrganisation(scan: Scan, k: number, right: number, nameEnds: Set<number>): boolean {
  const { norm } = scan;
  if (k < 3 || nameEnds.has(k - 1) || !isCjk(norm.charCodeAt(k - 2)) || !isCjk(norm.charCodeAt(k - 3))) return false;
  if (DESC_STOP.has(norm.charCodeAt(k - 2)) || scan.titleEndAt.has(k - 1)) return false;
  for (let i = k; i < right; i++) {
    if (kindsAt(scan, i) & K.TITLE) return i > k && scan.orgEndAt.has(i);
  }
  return false;
}

/** 、<org><title> at the end of a title chain: the organisation segment, or null. */
function innerOrganisation(scan: Scan, from: number, right: number): { start: number; end: number } | null {
  const { norm } = scan;
  const last = scan.titleEndAt.get(right);
  if (last === undefined || last <= from || !scan.orgEndAt.has(last)) return null;
  let s = last;
  while (s > from && norm[s - 1] !== '、') {
    if (kindsAt(scan, s - 1) & K.TITLE && scan.wordEndAt[s - 1] <= last) return null; // a title inside: not one organisation
    s--;
  }
  if (s <= from || s >= last) return null;
  // A bare region (…、市委常委) is no organisation of its own.
  if (REGION_ONLY.test(norm.slice(s, last))) return null;
  return { start: s, end: last };
}

export function findPeople(scan: Scan): PeopleScan {
  const { norm, lex } = scan;
  // Foreign and minority names: 亚森·苏莱曼, and 古特雷斯 after a title.
  const titleStarts = wordStartsOf(scan, K.TITLE);
  const foreign = [...findDottedNames(scan), ...findUndottedForeignNames(scan, titleStarts)];
  const credits = findCredits(scan, new Map(foreign.map((d) => [d.start, d.end - d.start])));
  const { labels, names: labelNames } = findLabels(scan);
  const creditStarts = new Set(credits.names.map((c) => c.start));
  const sites = collectSites(scan, titleStarts).filter((s) => !creditStarts.has(s.pos));
  const foreignFull = new Set(foreign.map((d) => norm.slice(d.start, d.end)));
  const shortOf = shortForms(foreignFull);
  const creditKeys = credits.names.map((c) => norm.slice(c.start, c.end));
  const labelKeys = labelNames.filter((l) => !l.key.includes(' ')).map((l) => l.key);
  // One automaton pass finds every reading of every site (for the length choice) and every other name form,
  // so the mentions come from the same pass.
  const occurrences = new Occurrences(norm, [...new Set([...siteReadings(norm, sites), ...creditKeys, ...labelKeys, ...foreignFull, ...shortOf.keys()])]);
  const decided = decideSites(scan, sites, occurrences, (site, end) => nameAccepted(scan, site, end));
  const keys = new Set<string>();
  for (const d of decided) keys.add(norm.slice(d.start, d.end));
  for (const c of creditKeys) keys.add(c);
  for (const l of labelKeys) keys.add(l);
  for (const leader of lex.citedLeaders) keys.delete(leader);
  for (const full of foreignFull) keys.add(full);
  for (const [part, full] of shortOf) if (full) keys.add(part);
  const reporters = new Set(creditKeys);

  const raw = nameSpans(scan, occurrences, keys, shortOf, labelNames);
  const mentions = describeMentions(scan, raw, creditStarts, new Set(credits.spans.map((c) => c.end)));
  inheritListOrganisation(norm, mentions);
  resolveThisOrganisation(scan, mentions);
  return { mentions, labels, reporters, creditSpans: credits.spans };
}

/** Whether a decided name at a site stands: always in context (after a title, in a list…), a bare one only before a speech verb. */
function nameAccepted(scan: Scan, site: NameSite, end: number): boolean {
  const { norm } = scan;
  // After an organisation: a common surname that starts no word (宣传文员 is a title, 和 a conjunction), then a title.
  if (site.mode === 'org') return site.prior >= 0.5 && kindsAt(scan, site.pos) === 0 && (kindsAt(scan, end) & K.TITLE) !== 0 && !(kindsAt(scan, end) & K.ORG);
  if (site.mode !== 'bare') return true;
  // 简单来说 / 坦率地说 / 具体而言: a discourse marker, not a name before 说.
  if ((norm[end - 1] === '来' || norm[end - 1] === '地') && norm[end] === '说') return false;
  // 向救援队员表示 / 于当地群众表示: a preposition-like surname before a noun and a title is no name;
  // an ambiguous surname needs its verb right after the name.
  if (site.prior < 0.5) {
    const kinds = kindsAt(scan, end);
    if (kinds & K.TITLE && !(kinds & K.CUE)) return false;
  }
  // A bare name counts only before a speech verb, and not when it is an organisation's start.
  const cue = cueAfter(scan, end, norm.length);
  return !!cue && (cue.kinds & (K.CUE | K.EVENT)) !== 0 && !boundaryIsOrg(scan, end);
}

/** Middle-dot names' short forms (the first or last part standing alone) → the full name, or null when shared. */
function shortForms(dottedFull: Set<string>): Map<string, string | null> {
  const shortOf = new Map<string, string | null>();
  for (const full of dottedFull) {
    const parts = full.split('·');
    for (const part of [parts[0], parts[parts.length - 1]]) {
      if (part.length < 2) continue;
      // A part shared by two full names says nothing about which one is meant.
      const prev = shortOf.get(part);
      shortOf.set(part, prev === undefined || prev === full ? full : null);
    }
  }
  return shortOf;
}

interface NameSpan {
  start: number;
  end: number;
  key: string;
  short: boolean;
}

/** Every occurrence of every name, longest match first, no overlaps, in text order. */
function nameSpans(scan: Scan, occurrences: Occurrences, keys: Set<string>, shortOf: Map<string, string | null>, labelNames: { start: number; end: number; key: string }[]): NameSpan[] {
  const { norm } = scan;
  // Every field set at creation: one object shape keeps the rules' property reads monomorphic.
  const raw: NameSpan[] = [];
  if (keys.size > 0) {
    const { starts, strings } = occurrences.byStart((str) => keys.has(str));
    let lastEnd = -1;
    let lastStart = -1;
    for (let k = 0; k < starts.length; k++) {
      const s = starts[k];
      // Only the longest string at a start is read there.
      if (s === lastStart || s < lastEnd) continue;
      lastStart = s;
      const key = occurrences.string(strings[k]);
      const full = shortOf.get(key);
      if (full && full !== key) {
        // A short form counts only as a whole word: not inside a longer run of name characters.
        const before = s > 0 ? norm[s - 1] : '\n';
        if (before === '·' || norm[s + key.length] === '·' || !boundaryAt(scan, s + key.length)) continue;
        raw.push({ start: s, end: s + key.length, key: full, short: true });
      } else raw.push({ start: s, end: s + key.length, key, short: false });
      lastEnd = s + key.length;
    }
  }
  // Spaced label names are not found by the automaton.
  // (Indexed loops over lists that are often empty: an empty array has another shape, and for…of would be
  // re-optimised for it.)
  for (let i = 0; i < labelNames.length; i++) {
    const l = labelNames[i];
    if (l.end - l.start !== l.key.length) raw.push({ start: l.start, end: l.end, key: l.key, short: false });
  }
  raw.sort((a, b) => a.start - b.start);
  return raw;
}

/** Each name span with the descriptor (organisation, title) written before it. */
function describeMentions(scan: Scan, raw: NameSpan[], creditStarts: Set<number>, creditEnds: Set<number>): Mention[] {
  const nameEnds = new Set(raw.map((r) => r.end));
  return raw.map((r): Mention => {
    const credit = creditStarts.has(r.start);
    const d = credit ? { start: r.start, org: '', title: '' } : descriptorBefore(scan, r.start, nameEnds, creditEnds);
    const org = d.org || (credit ? '' : comesFrom(scan, d.start));
    return { key: r.key, start: r.start, end: r.end, descStart: d.start, title: d.title, org, credit, short: r.short };
  });
}

const MAX_THIS_BACK = 400;
/**
 * 该厅副厅长X / 该公司董事长Y: “this bureau” names the organisation last written before it with the same head
 * (记者从省应急管理厅获悉,该厅…). The organisation as written there, or 该厅 as it stands when none is found.
 */
function resolveThisOrganisation(scan: Scan, mentions: Mention[]): void {
  const { norm, text } = scan;
  for (const m of mentions) {
    if (m.org.length < 2 || m.org.length > 4 || m.org[0] !== '该') continue;
    const head = m.org.slice(1);
    const from = m.descStart;
    for (let p = from - 1; p > Math.max(0, from - MAX_THIS_BACK); p--) {
      const start = scan.orgEndAt.get(p);
      if (start === undefined || norm.slice(p - head.length, p) !== head || norm[start] === '该' || norm[p - head.length - 1] === '该') continue;
      // The whole name as written: back over the characters before the organisation word (省, 广东省佛山市).
      let k = start;
      while (k > 0 && start - k < 12 && isCjk(norm.charCodeAt(k - 1)) && !DESC_STOP.has(norm.charCodeAt(k - 1)) && !(kindsAt(scan, k - 1) & (K.TITLE | K.CUE))) k--;
      m.org = text.slice(k, p).trim();
      break;
    }
  }
}

/** 来自清华大学的专家李明: the organisation in 来自<org>的 right before the descriptor at `k`, or ''. */
function comesFrom(scan: Scan, k: number): string {
  const { norm, text } = scan;
  if (norm[k - 1] !== '的') return '';
  const orgStart = scan.orgEndAt.get(k - 1);
  if (orgStart === undefined) return '';
  for (let b = orgStart; b >= 2 && orgStart - b <= 12; b--) {
    if (norm[b - 2] === '来' && norm[b - 1] === '自') return text.slice(b, k - 1).trim();
    if (!isCjk(norm.charCodeAt(b - 1))) return '';
  }
  return '';
}

/** The office a title names, without deputy and rank marks: 常务副局长 → 局长, 党组成员、副部长 → 部长. */
function officeOf(title: string): string {
  const last = title.slice(title.lastIndexOf('、') + 1);
  return last.slice(-2);
}

/**
 * <org>局长A、副局长B / <org>副部长A,副部长B: a list member with only a title, the same office as the person just
 * before (a peer or deputy), shares that person's organisation. Another office (…司长A、监察专员B) may belong to
 * a body higher up, so it does not.
 */
function inheritListOrganisation(norm: string, mentions: Mention[]): void {
  for (let i = 1; i < mentions.length; i++) {
    const m = mentions[i];
    const prev = mentions[i - 1];
    if (m.credit || prev.credit || m.org || !m.title || !prev.org || !prev.title || prev.key === m.key) continue;
    const gap = norm.slice(prev.end, m.descStart).trim();
    if (gap !== '、' && gap !== ',') continue;
    if (officeOf(m.title) !== officeOf(prev.title) || /^[省市县区州镇乡村盟旗]/.test(m.title)) continue;
    m.org = prev.org;
  }
}

/** 马鞍山市… : a “name” immediately followed by an organisation word is the start of a place or body. */
function boundaryIsOrg(scan: Scan, end: number): boolean {
  const kinds = kindsAt(scan, end);
  return (kinds & K.ORG) !== 0 && !(kinds & (K.CUE | K.EVENT | K.TITLE)) && !boundaryAt(scan, end);
}

/** Characters of transliterated (foreign, Uyghur, Tibetan…) names: each part of a middle-dot name is a run of them. */
const TRANSLIT = new CharClass(
  ('阿埃艾爱安昂奥巴拜班得思罕默琴科夫基娃霍顿什蒂兹鲍来雪铁乎仁旦增措卓嘎央宗次珠桑曲玛洛叶依兰乌特其朝图额敦肯尼邦保贝本比彼毕别宾波伯博布查达代戴丹道德登迪蒂丁东杜顿多厄恩尔法凡范菲费芬丰弗福夫盖甘冈高戈格根古瓜哈海汉豪赫黑亨胡华霍基吉加贾杰金卡凯坎康考柯科克肯库夸奎昆拉莱兰朗劳勒雷里利连林琳卢鲁伦罗洛吕马玛迈麦曼芒梅门蒙米明姆莫穆纳乃奈南内尼努诺帕派潘庞佩彭皮普奇齐恰乔切钦琼丘萨塞桑瑟森沙莎尚舍什施舒斯松苏索塔泰坦汤唐特提图托瓦万旺威韦维温沃乌伍西希夏谢辛休雅亚扬耶伊因英尤扎泽詹兹佐祖买江热孜丽娜汗木合吐逊则力依玉素甫吾加肉音卜杜姆赖洁妮娅蕾莉琪黛露珍贝丝薇嘉茨策格朱绍赛瑞翁斐寇迦萝珀柏勃赞彻' as string).split(''),
);
const MAX_PART = 6;

const MIN_UNDOTTED = 4;
/**
 * 联合国秘书长古特雷斯在…指出: a foreign name written without a dot, right after a title — four to six
 * transliteration characters up to a word that may follow a name. (Chinese names are shorter; a three-character
 * run is left to the surname rules.)
 */
function findUndottedForeignNames(scan: Scan, titleStarts: Int32Array): { start: number; end: number }[] {
  const { norm } = scan;
  const out: { start: number; end: number }[] = [];
  for (const start of titleStarts) {
    const p = scan.wordEndAt[start];
    if (kindsAt(scan, p)) continue;
    let j = p;
    while (j < norm.length && j - p < MAX_PART && TRANSLIT.has(norm.charCodeAt(j)) && !(j - p >= MIN_UNDOTTED && boundaryAt(scan, j))) j++;
    if (j - p >= MIN_UNDOTTED && boundaryAt(scan, j) && norm[j] !== '·') out.push({ start: p, end: j });
  }
  return out;
}

/**
 * 亚森·苏莱曼, 阿卜杜勒·卡里姆·萨利赫: runs of transliteration characters joined by a middle dot. The left
 * edge stops at a title (村民英里买斯·拜西 → 英里买斯·拜西), the right edge at a word that may follow a name.
 */
export function findDottedNames(scan: Scan): { start: number; end: number }[] {
  const { norm } = scan;
  const out: { start: number; end: number }[] = [];
  for (let dot = norm.indexOf('·'); dot !== -1; dot = norm.indexOf('·', dot + 1)) {
    let s = dot;
    while (s > 0 && dot - s < MAX_PART && TRANSLIT.has(norm.charCodeAt(s - 1)) && !scan.titleEndAt.has(s) && !scan.orgEndAt.has(s)) s--;
    if (dot - s < 2) continue;
    // Further parts: ·X·Y…
    let e = dot;
    let parts = 0;
    while (norm[e] === '·') {
      let j = e + 1;
      while (j < norm.length && j - e - 1 < MAX_PART && TRANSLIT.has(norm.charCodeAt(j)) && !(j - e - 1 >= 2 && boundaryAt(scan, j))) j++;
      if (j - e - 1 < 2) break;
      e = j;
      parts++;
    }
    if (parts === 0) continue;
    out.push({ start: s, end: e });
    dot = e - 1;
  }
  return out;
}
