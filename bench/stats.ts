// Timing helpers shared by the benchmarks: the clocks, medians of repeated runs, MB/s, run counts, table printing.
import { performance } from 'node:perf_hooks';

/** 1 MB = 2^20 bytes, for file sizes and throughput alike. */
export const MB = 1024 * 1024;

export const now = () => performance.now();

/**
 * What a benchmark times. `wall` (the default): elapsed time, what a user waits. `cpu`: this process's CPU
 * time (user + system, every thread), which other load on the machine changes less — but it also counts
 * V8's collector and compiler threads working beside the main thread, so a JavaScript tool pays twice for
 * work done in parallel (a 1 MB analysis: ~115 ms wall, ~250 ms cpu here) while a single-threaded native
 * peer does not. The peers are timed interleaved with planlint, so their ratios hold under load either way.
 */
export type Clock = 'cpu' | 'wall';

/** Milliseconds on `clock` (an arbitrary origin: only differences mean anything). */
export function clockNow(clock: Clock): number {
  if (clock === 'wall') return performance.now();
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The clock named by `--clock cpu|wall` (default wall). */
export function clockFrom(argv: readonly string[]): Clock {
  const i = argv.indexOf('--clock');
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--clock='))?.slice(8);
  return v === 'cpu' ? 'cpu' : 'wall';
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** MB/s of `bytes` processed in `ms`. */
export const mbps = (bytes: number, ms: number) => (ms > 0 ? bytes / MB / (ms / 1000) : Infinity);

/** How many timed runs to make for an input of `bytes`, so that a size costs seconds, not minutes. */
export function runsFor(bytes: number, requested?: number): { warmup: number; runs: number } {
  if (requested !== undefined) return { warmup: Math.max(1, Math.min(3, requested)), runs: requested };
  if (bytes <= 256 * 1024) return { warmup: 10, runs: 41 };
  if (bytes <= 2 * MB) return { warmup: 3, runs: 11 };
  return { warmup: 1, runs: 5 };
}

/** Formats a number with `digits` significant-looking decimals. */
export function fmt(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return '∞';
  return x.toFixed(digits);
}

/** Prints rows as an aligned plain-text table (CJK-safe enough: the table holds ASCII). */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Runs `gc()` when node was started with --expose-gc (steadier numbers between large inputs). */
/** True when `--expose-gc` made `gc()` available (collectGarbage does nothing otherwise). */
export function canCollectGarbage(): boolean {
  return typeof (globalThis as { gc?: unknown }).gc === 'function';
}

export function collectGarbage(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
}
