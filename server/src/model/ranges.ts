// Point-in-ranges lookups in logarithmic time, for the engine's directive ranges and the table spans that numbering leaves out.

/**
 * Whether some range holds a point (from ≤ point < to), by binary search: the ranges sorted by start, with
 * the furthest end among each prefix. For directive ranges (a plan with a directive per line would
 * otherwise cost findings × directives) and table spans (sections × tables).
 */
export function coverOf(list: readonly { from: number; to: number }[]): (point: number) => boolean {
  // A range with from ≥ to (or a NaN bound) holds nothing: left out, so that the sort stays consistent.
  const sorted = list.filter((r) => r.from < r.to).sort((a, b) => a.from - b.from);
  const reach: number[] = [];
  for (const r of sorted) reach.push(Math.max(reach[reach.length - 1] ?? -Infinity, r.to));
  return (point) => {
    // The last range starting at or before the point.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]!.from <= point) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1]! > point;
  };
}
