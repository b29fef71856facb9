// Character-for-character normalisation. The output always has exactly the input's length, so
// every offset found in the normalised text is also an offset into the original text.
// Never add a mapping that changes length (no NFKC, no whitespace collapsing, no phrase-level T→S).
import { pairs } from './lexicon/t2s.json';
import { decodePairs } from './t2s-codec';

let table: Uint16Array | null = null;

function buildTable(): Uint16Array {
  const map = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) map[c] = c;
  // Full-width ASCII variants → ASCII, so rules test one form of ， ： （ ） ； ！ ？ etc.
  for (let c = 0xff01; c <= 0xff5e; c++) map[c] = c - 0xfee0;
  map[0x3000] = 0x20; // ideographic space
  map[0x00a0] = 0x20; // no-break space
  map[0x2002] = 0x20;
  map[0x2003] = 0x20;
  map[0x2009] = 0x20;
  map[0x200b] = 0x20; // zero-width space (keeps its slot)
  map[0xfeff] = 0x20;
  map[0x09] = 0x20; // tab
  map[0x0d] = 0x0a; // lone CR separates blocks like LF
  map[0x2028] = 0x0a;
  map[0x2029] = 0x0a;
  // Corner and straight quotes behave like curly ones for quote rules.
  map[0x300c] = 0x201c; // 「
  map[0x300d] = 0x201d; // 」
  map[0x300e] = 0x2018; // 『
  map[0x300f] = 0x2019; // 』
  map[0xff0e] = 0x2e;
  map[0x2236] = 0x3a; // ∶ ratio sign used as a colon
  map[0xfe30] = 0x3a;
  map[0xfe55] = 0x3a; // small colon
  map[0xfe50] = 0x2c; // small comma
  map[0x2014] = 0x2014;
  // Middle dots of transliterated names (亚森·苏莱曼) come in several code points: one form for the name rule.
  map[0x2027] = 0xb7; // ‧ (Traditional pages)
  map[0x30fb] = 0xb7; // ・
  map[0xff65] = 0xb7; // ･
  map[0x2022] = 0xb7; // •
  map[0x2219] = 0xb7; // ∙
  for (const [traditional, simplified] of decodePairs(pairs)) map[traditional] = simplified;
  return map;
}

/** The shared normalisation table (built once, ≈128 KB, lazily). */
export function normalizationTable(): Uint16Array {
  if (!table) table = buildTable();
  return table;
}

let decoder: TextDecoder | null = null;

/** Normalise one string char→char (UTF-16 code units; surrogates map to themselves). */
export function normalizeText(text: string): string {
  const map = normalizationTable();
  const n = text.length;
  const buf = new Uint16Array(n);
  for (let i = 0; i < n; i++) buf[i] = map[text.charCodeAt(i)];
  // A UTF-16LE decode is the fastest way back to a string; a lone surrogate becomes U+FFFD,
  // which is still one code unit, so offsets are unchanged. U+FEFF never reaches the decoder
  // (mapped to a space above), so no BOM can be stripped.
  if (!decoder) decoder = new TextDecoder('utf-16le');
  return decoder.decode(buf);
}
