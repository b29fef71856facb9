// A growable list of 32-bit integers in a typed array. The passes collect hundreds of thousands of positions;
// in a JS array each growth step leaves garbage for the collector, while a typed array's memory lies outside
// the collected heap and doubles rarely.
export class IntList {
  private buf: Int32Array;
  length = 0;

  constructor(capacity = 256) {
    this.buf = new Int32Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.buf.length) {
      const grown = new Int32Array(this.buf.length * 2);
      grown.set(this.buf);
      this.buf = grown;
    }
    this.buf[this.length++] = value;
  }

  get(index: number): number {
    return this.buf[index];
  }

  set(index: number, value: number): void {
    if (index < 0 || index >= this.length) throw new RangeError(`IntList.set: index ${index} outside 0..${this.length - 1}`);
    this.buf[index] = value;
  }

  /** The values, as an array of their own (later pushes do not change it). */
  toArray(): Int32Array {
    return this.buf.slice(0, this.length);
  }
}

/** The first index of an ascending list whose value is at least `value` (the list's length when none is). */
export function firstAtLeast(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
