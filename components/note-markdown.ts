// The reader's notes may be plain text or Markdown. This reads the common part of Markdown (paragraphs,
// headings, lists, quotes, code, **bold**, *italic*, `code`, [links](https://…)) into a small tree that the
// library renders with Preact elements and text nodes only: nothing in a note ever reaches the DOM as HTML,
// and a link is kept only for an http(s) address. Pure: no DOM.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block =
  | { kind: 'paragraph'; lines: Inline[][] }
  | { kind: 'heading'; level: 1 | 2 | 3; children: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'quote'; lines: Inline[][] }
  | { kind: 'code'; text: string };

const MAX_NOTE = 20_000;

/** Whether a note uses any Markdown worth rendering (else it is shown as the plain text it is). */
export function looksLikeMarkdown(note: string): boolean {
  return /(^|\n)\s{0,3}(#{1,3}\s|[-*+]\s|\d{1,3}[.)]\s|>\s?|```)|\*\*[^*\n]+\*\*|(^|[^*])\*[^*\s][^*\n]*\*|`[^`\n]+`|\[[^\]\n]+\]\([^)\s]+\)/.test(note);
}

export function parseNoteMarkdown(note: string): Block[] {
  const lines = note.slice(0, MAX_NOTE).replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    if (/^\s{0,3}```/.test(line)) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !/^\s{0,3}```/.test(lines[i]!)) body.push(lines[i++]!);
      i++;
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    const heading = /^\s{0,3}(#{1,3})\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length as 1 | 2 | 3, children: parseInline(heading[2]!.replace(/\s#+\s*$/, '')) });
      i++;
      continue;
    }
    const bullet = /^\s{0,3}([-*+]|\d{1,3}[.)])\s+/;
    if (bullet.test(line)) {
      const ordered = /^\s{0,3}\d/.test(line);
      const items: Inline[][] = [];
      while (i < lines.length && bullet.test(lines[i]!) && /^\s{0,3}\d/.test(lines[i]!) === ordered) items.push(parseInline(lines[i++]!.replace(bullet, '')));
      blocks.push({ kind: 'list', ordered, items });
      continue;
    }
    if (/^\s{0,3}>/.test(line)) {
      const quoted: Inline[][] = [];
      while (i < lines.length && /^\s{0,3}>/.test(lines[i]!)) quoted.push(parseInline(lines[i++]!.replace(/^\s{0,3}>\s?/, '')));
      blocks.push({ kind: 'quote', lines: quoted });
      continue;
    }
    const paragraph: Inline[][] = [];
    while (i < lines.length && lines[i]!.trim() !== '' && !/^\s{0,3}(#{1,3}\s|```|>|[-*+]\s|\d{1,3}[.)]\s)/.test(lines[i]!)) paragraph.push(parseInline(lines[i++]!));
    blocks.push({ kind: 'paragraph', lines: paragraph });
  }
  return blocks;
}

/** Only http(s) addresses become links; anything else (javascript:, data:, relative) stays text. */
export function safeLink(href: string): string | null {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const INLINE = /`([^`\n]+)`|\*\*([^*\n]+?)\*\*|__([^_\n]+?)__|\*([^*\s][^*\n]*?)\*|\[([^\]\n]+)\]\(([^)\s]+)\)/;

export function parseInline(text: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest) {
    const match = depth < 4 ? INLINE.exec(rest) : null;
    if (!match) {
      out.push({ kind: 'text', text: rest });
      break;
    }
    if (match.index > 0) out.push({ kind: 'text', text: rest.slice(0, match.index) });
    const [whole, code, strong, strongAlt, em, label, href] = match;
    if (code !== undefined) out.push({ kind: 'code', text: code });
    else if (strong !== undefined || strongAlt !== undefined) out.push({ kind: 'strong', children: parseInline(strong ?? strongAlt!, depth + 1) });
    else if (em !== undefined) out.push({ kind: 'em', children: parseInline(em, depth + 1) });
    else {
      const safe = safeLink(href!);
      out.push(safe ? { kind: 'link', href: safe, children: parseInline(label!, depth + 1) } : { kind: 'text', text: whole });
    }
    rest = rest.slice(match.index + whole.length);
  }
  return out;
}
