// A small Aho–Corasick automaton over UTF-16 code units.
// Every closed vocabulary (titles, organisation suffixes, cues, policy terms) goes into one
// automaton so that a whole article is scanned once, in time linear in its length.

export interface AcMatch {
  start: number;
  end: number;
  /** Index of the pattern in the list given to the constructor. */
  pattern: number;
}

export class AhoCorasick {
  /** Per state: child transitions keyed by code unit. */
  private readonly goto: Map<number, number>[] = [new Map()];
  private fail: Int32Array = new Int32Array(1);
  /** Pattern index ending at this state, or -1. */
  private out: Int32Array = new Int32Array(1);
  /** Nearest state on the failure chain (excluding self) that ends a pattern, or -1. */
  private dictLink: Int32Array = new Int32Array(1);
  private readonly lengths: number[];
  /** Root transitions as a flat table: most characters of a text fall back to the root. */
  private rootNext: Int32Array = new Int32Array(0x10000);
  /** The other states' transitions, flattened for the scan: state s owns codes/targets[first[s] .. first[s + 1]). */
  private first: Int32Array = new Int32Array(1);
  private codes: Uint16Array = new Uint16Array(0);
  private targets: Int32Array = new Int32Array(0);

  constructor(patterns: readonly string[]) {
    this.lengths = patterns.map((p) => p.length);
    const outs: number[] = [-1];
    patterns.forEach((p, index) => {
      if (p.length === 0) return;
      let state = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        let next = this.goto[state].get(c);
        if (next === undefined) {
          next = this.goto.length;
          this.goto.push(new Map());
          outs.push(-1);
          this.goto[state].set(c, next);
        }
        state = next;
      }
      // Duplicate patterns keep the first index; callers merge duplicates beforehand.
      if (outs[state] === -1) outs[state] = index;
    });
    const n = this.goto.length;
    for (const [c, child] of this.goto[0]) this.rootNext[c] = child;
    this.fail = new Int32Array(n);
    this.out = Int32Array.from(outs);
    this.dictLink = new Int32Array(n).fill(-1);
    // Breadth-first construction of failure and dictionary links.
    const queue: number[] = [];
    for (const child of this.goto[0].values()) queue.push(child);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      for (const [c, child] of this.goto[state]) {
        let f = this.fail[state];
        while (f !== 0 && !this.goto[f].has(c)) f = this.fail[f];
        const target = this.goto[f].get(c);
        const fc = target !== undefined && target !== child ? target : 0;
        this.fail[child] = fc;
        this.dictLink[child] = this.out[fc] !== -1 ? fc : this.dictLink[fc];
        queue.push(child);
      }
    }
    // Map lookups dominate a scan; a state has only a few children, so a short linear search in flat arrays wins.
    this.first = new Int32Array(n + 1);
    let total = 0;
    for (let st = 0; st < n; st++) {
      this.first[st] = total;
      if (st !== 0) total += this.goto[st].size;
    }
    this.first[n] = total;
    this.codes = new Uint16Array(total);
    this.targets = new Int32Array(total);
    for (let st = 1; st < n; st++) {
      let k = this.first[st];
      for (const [c, child] of this.goto[st]) {
        this.codes[k] = c;
        this.targets[k++] = child;
      }
    }
  }

  /** Transition from a non-root state, or -1. */
  private step(state: number, c: number): number {
    const { codes } = this;
    for (let k = this.first[state], e = this.first[state + 1]; k < e; k++) if (codes[k] === c) return this.targets[k];
    return -1;
  }

  get stateCount(): number {
    return this.goto.length;
  }

  /** All (possibly overlapping) matches, ordered by end position, then longest first. */
  findAll(text: string): AcMatch[] {
    const matches: AcMatch[] = [];
    this.forEachMatch(text, (start, end, pattern) => matches.push({ start, end, pattern }));
    return matches;
  }

  /** Calls back for every match without allocating match objects (hot path for long texts). */
  forEachMatch(text: string, onMatch: (start: number, end: number, pattern: number) => void): void {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (state === 0) state = this.rootNext[c];
      else {
        let next = this.step(state, c);
        while (next === -1) {
          state = this.fail[state];
          next = state === 0 ? this.rootNext[c] : this.step(state, c);
        }
        state = next;
      }
      let s = this.out[state] !== -1 ? state : this.dictLink[state];
      while (s !== -1) {
        const pattern = this.out[s];
        onMatch(i + 1 - this.lengths[pattern], i + 1, pattern);
        s = this.dictLink[s];
      }
    }
  }
}
