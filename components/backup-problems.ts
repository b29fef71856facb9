// What is wrong with a refused backup, said in the reader's language. The importer's problems name a place in
// the file (a JSON path) and what is wrong there in technical English; a reader of the Chinese interface gets
// the common ones in plain Chinese, and the rest as "this field is not valid" with the detail kept for whoever
// helps them.

import type { BackupProblem } from '../exporters/backup-import';
import type { UiLanguage } from '../records/preferences';

type Rule = [pattern: RegExp, say: (match: RegExpExecArray) => string];

const TYPES: Record<string, string> = { object: '对象', array: '列表', string: '文字', number: '数字', boolean: '是/否', null: '空值', undefined: '无' };
const typeName = (name: string | undefined) => TYPES[name ?? ''] ?? name ?? '';

/** File-level problems first: they are what a reader most often meets (the wrong file, a damaged one). */
const ZH_RULES: Rule[] = [
  [/^not JSON/, () => '文件不是有效的 JSON：可能已损坏、被截断，或不是安阅的备份。'],
  [/^expected an 安阅 backup \(a JSON object\), got (\w+)/, () => '这不是安阅的备份文件。'],
  [/^missing: this is not an 安阅 backup/, () => '这不是安阅的备份文件（缺少格式标记）。'],
  [/^expected "anyue-backup", this is another format/, () => '这是另一种格式的文件，不是安阅的备份。'],
  [/^version (\d+) was written by a newer 安阅; this one reads version (\d+)/, (m) => `这份备份由更新版本的安阅写出（格式 ${m[1]}），本版本只能读取格式 ${m[2]}：请先更新扩展。`],
  [/^missing or not a version number/, () => '缺少备份的格式版本号。'],
  [/^unknown version (\d+)/, (m) => `无法识别的备份格式版本 ${m[1]}。`],
  [/^file larger than (\d+) MB/, (m) => `文件超过 ${m[1]} MB，太大，无法导入。`],
  [/^(\d+) (annotations|articles|analyses|corrections), more than the (\d+) a backup may hold/, (m) => `含 ${m[1]} 条，超过一份备份可容纳的 ${m[3]} 条。`],
  [/^says .* but items holds (\d+) annotations/, (m) => `记录的总数与实际的 ${m[1]} 条不一致：文件可能被改动过。`],
  [/^missing$/, () => '缺少这一项。'],
  [/^unexpected field$/, () => '多出了不认识的一项。'],
  [/^expected (\w+), got (\w+)/, (m) => `应为${typeName(m[1])}，实际是${typeName(m[2])}。`],
  [/^expected one of (.+)$/, (m) => `取值不在允许的范围内（${m[1]}）。`],
  [/^longer than (\d+) characters/, (m) => `超过 ${m[1]} 个字符。`],
  [/^more than (\d+) (items|tags)/, (m) => `超过 ${m[1]} 项。`],
  [/^must not be empty/, () => '不能为空。'],
  [/^only http and https URLs are allowed/, () => '只允许 http 或 https 网址。'],
  [/^not a valid URL/, () => '不是有效的网址。'],
  [/^stamp is more than a day ahead/, () => '时间戳比本机时间超前一天以上，已拒绝（可能来自时钟错误的设备）。'],
  [/^not an HLC stamp/, () => '不是有效的修改时间戳。'],
  [/^not an article key/, () => '不是有效的文章标识。'],
  [/^duplicate (id|article|correction|tag)/, () => '与文件中另一条重复。'],
  [/^a second analysis of/, () => '同一篇文章有第二份分析。'],
  [/^unknown correction kind/, () => '无法识别的更正类型。'],
  [/^an excerpt must keep the snapshot of its source/, () => '摘录缺少其来源信息。'],
];

/** The place in the file, shown so that a helper can find it; `$` is the file as a whole. */
const where = (path: string, language: UiLanguage) => (path === '$' ? '' : language === 'en' ? `${path}: ` : `位置 ${path}：`);

export function describeBackupProblem(problem: BackupProblem, language: UiLanguage): string {
  if (language === 'en') return `${where(problem.path, language)}${problem.message}`;
  for (const [pattern, say] of ZH_RULES) {
    const match = pattern.exec(problem.message);
    if (match) return `${where(problem.path, language)}${say(match)}`;
  }
  return `${where(problem.path, language)}内容不符合要求（${problem.message}）。`;
}
