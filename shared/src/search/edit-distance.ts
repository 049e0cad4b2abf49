/**
 * Approximate substring matching (Sellers' algorithm) with optimal-string-alignment distance:
 * the fewest substitutions, insertions, deletions or adjacent swaps that turn `pattern` into some
 * substring of `text`. Returns the distance and where that substring ends (exclusive), or null
 * when it exceeds `maxDistance`.
 */
export function approximateSubstring(
  pattern: readonly string[] | string,
  text: readonly string[] | string,
  maxDistance: number,
): { distance: number; end: number } | null {
  const m = pattern.length;
  const n = text.length;
  if (m === 0) return { distance: 0, end: 0 };
  let beforePrevious = new Array<number>(n + 1).fill(0);
  let previous = new Array<number>(n + 1).fill(0);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    let rowMin = i;
    const p = pattern[i - 1];
    for (let j = 1; j <= n; j++) {
      const t = text[j - 1];
      let best = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (p === t ? 0 : 1),
      );
      if (i > 1 && j > 1 && p === text[j - 2] && pattern[i - 2] === t)
        best = Math.min(best, (beforePrevious[j - 2] as number) + 1);
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    // Every later row is at least this row's minimum: stop early once it is out of reach.
    if (rowMin > maxDistance) return null;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  let distance = Number.POSITIVE_INFINITY;
  let end = 0;
  for (let j = 0; j <= n; j++) {
    const d = previous[j] as number;
    if (d < distance) {
      distance = d;
      end = j;
    }
  }
  return distance <= maxDistance ? { distance, end } : null;
}
