// A fixed set of characters, tested by code unit. The rules test a character at nearly every step of their walks;
// a Set of strings would make a one-character string per test (CJK characters are not interned) and a Set of
// numbers hashes, where a bit in a small array is one read.
export class CharClass {
  private readonly lo: number;
  private readonly size: number;
  private readonly bits: Uint8Array;

  constructor(chars: Iterable<string>) {
    const codes = [...chars].map((c) => {
      if (c.length !== 1) throw new Error(`CharClass: “${c}” is not one UTF-16 code unit`);
      return c.charCodeAt(0);
    });
    this.lo = codes.length ? Math.min(...codes) : 0;
    this.size = codes.length ? Math.max(...codes) - this.lo + 1 : 0;
    this.bits = new Uint8Array((this.size + 7) >> 3);
    for (const code of codes) {
      const i = code - this.lo;
      this.bits[i >> 3] |= 1 << (i & 7);
    }
  }

  has(code: number): boolean {
    const i = code - this.lo;
    return i >= 0 && i < this.size && (this.bits[i >> 3] & (1 << (i & 7))) !== 0;
  }

  /** Whether the character at pos of text is in the class (false past either end). */
  at(text: string, pos: number): boolean {
    return pos >= 0 && pos < text.length && this.has(text.charCodeAt(pos));
  }
}
