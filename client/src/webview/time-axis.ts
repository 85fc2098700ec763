// The timeline's arithmetic, apart from the DOM so that it can be tested: the domain, the axis ticks, the stacking of markers.
// Times are UTC milliseconds of whole days; a month is the unit of the domain.

/** One day in milliseconds. */
export const DAY = 86_400_000;

/** An ISO date (`2021-06-30`) as UTC milliseconds. */
export function utc(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

/** The span of time the axis shows: from the first day of a month to the first day of a later month (exclusive). */
export interface Domain {
  lo: number;
  hi: number;
}

/**
 * The domain of a timeline: every deadline (`from`–`to`) and the plan's period (whole years), widened to whole
 * months; today joins it when it lies within a third of the domain's length, else the axis only points to it.
 */
export function timeDomain(spans: readonly { from: number; to: number }[], period: { start: number; end: number } | null, today: number): Domain {
  let lo = Math.min(...spans.map((s) => s.from));
  let hi = Math.max(...spans.map((s) => s.to));
  if (period) {
    lo = Math.min(lo, Date.UTC(period.start, 0, 1));
    hi = Math.max(hi, Date.UTC(period.end, 11, 31));
  }
  const reach = Math.max(hi - lo, 90 * DAY) * 0.35;
  if (today >= lo - reach && today <= hi + reach) {
    lo = Math.min(lo, today);
    hi = Math.max(hi, today);
  }
  const start = new Date(lo);
  const end = new Date(hi);
  return { lo: Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1), hi: Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 1) };
}

/** Where `t` falls on the axis, in percent of its width. */
export function percent(domain: Domain, t: number): number {
  return ((t - domain.lo) / (domain.hi - domain.lo)) * 100;
}

/** A labelled stretch of the axis: a year, a month or a quarter. */
export interface AxisLabel {
  /** The year (a year label) or the month 0–11 (a month or quarter label, `quarter` = month / 3). */
  value: number;
  year: number;
  from: number;
  /** Where the label's room ends: the next label's start. */
  to: number;
}

/** The axis: its tick step in months, the year labels, the month or quarter labels, and the grid lines. */
export interface Axis {
  step: 1 | 3 | 12;
  years: AxisLabel[];
  ticks: AxisLabel[];
  /** Month starts that get a grid line (year starts get a stronger one). */
  lines: { t: number; year: boolean }[];
}

/**
 * Ticks for a domain `width` pixels wide: months up to a year and a half, quarters up to five years, years beyond;
 * labels every tick or every 2nd, 3rd or 6th (steps that divide a year, so that each year reads the same) as room
 * allows — `minLabel` pixels for a month or quarter label, `minYear` for a year label.
 */
export function axisTicks(domain: Domain, width: number, minLabel: { month: number; quarter: number }, minYear = 44): Axis {
  const first = new Date(domain.lo);
  const last = new Date(domain.hi);
  const months = (last.getUTCFullYear() - first.getUTCFullYear()) * 12 + last.getUTCMonth() - first.getUTCMonth();
  const step: 1 | 3 | 12 = months <= 18 ? 1 : months <= 60 ? 3 : 12;
  const perMonth = width / Math.max(1, months);
  const divisors = step === 1 ? [1, 2, 3, 6] : step === 3 ? [1, 2] : [];
  const need = step === 1 ? minLabel.month : minLabel.quarter;
  const every = divisors.find((k) => k * step * perMonth >= need) ?? 0;
  const monthAt = (m: number) => Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, 1);

  const years: AxisLabel[] = [];
  const lines: { t: number; year: boolean }[] = [];
  const y0 = first.getUTCFullYear();
  const y1 = new Date(domain.hi - 1).getUTCFullYear();
  const yearEvery = Math.max(1, Math.ceil(minYear / (12 * perMonth)));
  for (let y = y0; y <= y1; y++) {
    if (y > y0) lines.push({ t: Date.UTC(y, 0, 1), year: true });
    if ((y - y0) % yearEvery !== 0) continue;
    years.push({ value: y, year: y, from: Math.max(domain.lo, Date.UTC(y, 0, 1)), to: Math.min(domain.hi, Date.UTC(y + yearEvery, 0, 1)) });
  }
  const ticks: AxisLabel[] = [];
  if (step !== 12) {
    // Quarters start in January, April, July and October even when the domain starts between them.
    const offset = step === 3 ? (3 - (first.getUTCMonth() % 3)) % 3 : 0;
    for (let m = offset, i = 0; m < months; m += step, i++) {
      const t = monthAt(m);
      const d = new Date(t);
      if (d.getUTCMonth() !== 0 && m > 0) lines.push({ t, year: false });
      if (every === 0 || i % every !== 0) continue;
      ticks.push({ value: d.getUTCMonth(), year: d.getUTCFullYear(), from: t, to: Math.min(domain.hi, monthAt(m + step * every)) });
    }
  }
  return { step, years, ticks, lines };
}

/**
 * Stacks markers into rows so that none touches another in its row: each `[left, right]` (pixels) goes to the
 * first row whose last marker ends `gap` before it. Items must come sorted by `left`; returns each one's row.
 */
export function stackRows(items: readonly { left: number; right: number }[], gap = 2): { rows: number[]; count: number } {
  const ends: number[] = [];
  const rows = items.map(({ left, right }) => {
    const row = ends.findIndex((end) => end + gap <= left);
    if (row < 0) return ends.push(right) - 1;
    ends[row] = right;
    return row;
  });
  return { rows, count: ends.length };
}
