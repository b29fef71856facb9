// The library's query language, kept small enough to explain in one line: words separated by spaces are all
// required (应急管理部 防汛), a "quoted phrase" is one literal term, spaces included. Matching is by
// substring of the folded text (see foldForSearch), so Chinese needs no word segmentation.

/** Case and width folded, one UTF-16 unit for one: full-width ASCII to half-width, letters to lower case. */
export function foldForSearch(text: string): string {
  // Most Chinese text has nothing to fold but its full-width punctuation: regex passes, not a loop per
  // character (100k annotations are folded at load).
  let folded = /[\uff01-\uff5e\u3000]/.test(text)
    ? text.replace(/[\uff01-\uff5e]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
    : text;
  const lower = folded.toLowerCase();
  if (lower.length === folded.length) return lower;
  // A few letters lower-case to two units (İ): keep those as they are, so offsets carry over.
  folded = [...folded].map((char) => (char.toLowerCase().length === char.length ? char.toLowerCase() : char)).join('');
  return folded;
}

// Separators the search uses internally between fields and entries; a term must never contain them.
const INTERNAL = /[\u0001\u0002]/g;

/** The terms of a query, folded, each required; duplicates and terms inside longer ones dropped. */
export function parseQuery(query: string): string[] {
  const terms: string[] = [];
  // Straight or curly double quotes (Chinese input methods type “”); an unclosed quote runs to the end.
  const pattern = /["“”]([^"“”]*)(?:["“”]|$)|[^\s"“”]+/g;
  const text = foldForSearch(query.replace(INTERNAL, ''));
  for (const match of text.matchAll(pattern)) {
    const term = match[1] !== undefined ? match[1] : match[0];
    if (term.trim()) terms.push(match[1] !== undefined ? term : term.trim());
  }
  // A term contained in another adds nothing to the test: `应急 应急管理` is `应急管理`.
  const unique = [...new Set(terms)];
  return unique.filter((term, i) => !unique.some((other, j) => j !== i && other.length > term.length && other.includes(term)));
}

export interface TextPart {
  text: string;
  match: boolean;
}

/**
 * `text` cut into plain and matching parts, for rendering the matches marked (as text nodes and <mark>
 * elements, never HTML). Overlapping or touching matches of several terms merge into one mark.
 */
export function markMatches(text: string, terms: readonly string[]): TextPart[] {
  if (!text) return [];
  const folded = foldForSearch(text);
  const covered: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + term.length)) covered.push([at, at + term.length]);
  }
  if (covered.length === 0) return [{ text, match: false }];
  covered.sort((a, b) => a[0] - b[0]);
  const parts: TextPart[] = [];
  let done = 0;
  for (let i = 0; i < covered.length; ) {
    const start = covered[i]![0];
    let end = covered[i]![1];
    for (i++; i < covered.length && covered[i]![0] <= end; i++) end = Math.max(end, covered[i]![1]);
    if (start > done) parts.push({ text: text.slice(done, start), match: false });
    parts.push({ text: text.slice(start, end), match: true });
    done = end;
  }
  if (done < text.length) parts.push({ text: text.slice(done), match: false });
  return parts;
}
