// The Traditional→Simplified pairs of lexicon/t2s.json, written compactly: in a bundle every CJK character of a
// string costs a six-byte escape, while these base-36 numbers cost two or three bytes and compress well.
// `pairs`: one pair per space-separated item, in order of the Traditional code unit: that unit's distance from the
// previous pair's, then `.`, then the Simplified unit's signed difference from it (base 36 both).

/** Decodes `pairs` into [traditional, simplified] code units. Throws on a malformed item. */
export function decodePairs(pairs: string): [number, number][] {
  const out: [number, number][] = [];
  let traditional = 0;
  for (const item of pairs.split(' ')) {
    const [gap, difference] = item.split('.');
    const step = parseInt(gap, 36);
    const offset = parseInt(difference, 36);
    if (!/^[0-9a-z]+$/.test(gap) || !/^-?[0-9a-z]+$/.test(difference ?? '') || step <= 0) throw new Error(`t2s.json: malformed pair “${item}”`);
    traditional += step;
    out.push([traditional, traditional + offset]);
  }
  return out;
}

/** Encodes pairs (any order, one per Traditional unit) as `decodePairs` reads them. */
export function encodePairs(pairs: [number, number][]): string {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
  let previous = 0;
  return sorted
    .map(([traditional, simplified]) => {
      const item = `${(traditional - previous).toString(36)}.${(simplified - traditional).toString(36)}`;
      previous = traditional;
      return item;
    })
    .join(' ');
}
