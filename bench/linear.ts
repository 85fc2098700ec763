// Linear cost (DESIGN §8): every pathological input at 1× and 4×, every phase timed, and the 4×/1× ratio; above 6 is super-linear.
//
// Each (input, size) runs in its own node process with a time limit, so that a quadratic phase shows
// up as a ratio or a timeout instead of hanging the bench, and one input's garbage does not slow the
// next. A phase's time is the minimum of its runs (noise only ever adds time); ratios near 4 are linear,
// up to ~6 is noise or cache effects, 16 is quadratic.
//
//   node out/bench/linear.js [--scale 0.25] [--case NAME] [--clock cpu|wall] [--json]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseText } from '../grammar/index.js';
import { tokenize } from '../grammar/lexer.js';
import { parseBlocks } from '../grammar/parser.js';
import { lintPlan } from '../server/src/lint/engine.js';
import { parsePlan } from '../server/src/model/plan.js';
import { allRules } from '../server/src/rules/index.js';
import { TODAY } from './analysis.js';
import { argValue, isMain } from './corpus.js';
import { CASES, type PathologicalCase } from './pathological.js';
import { clockFrom, clockNow, collectGarbage, fmt, table, type Clock } from './stats.js';

export const PHASES = ['lex', 'parse', 'model', 'rules', 'total'] as const;
export type Phase = (typeof PHASES)[number];

/** Minimum milliseconds per phase of `runs` runs on `text`. */
export function timePhases(text: string, runs: number, clock: Clock = 'cpu'): Record<Phase, number> {
  const settings = { today: TODAY };
  const best = { lex: Infinity, parse: Infinity, parseText: Infinity, parsePlan: Infinity, rules: Infinity, total: Infinity };
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    const t0 = clockNow(clock);
    const lexed = tokenize(text);
    const t1 = clockNow(clock);
    parseBlocks(lexed.tokens);
    const t1b = clockNow(clock);
    collectGarbage();
    const t1c = clockNow(clock);
    parseText(text);
    const t2 = clockNow(clock);
    collectGarbage();
    const t2b = clockNow(clock);
    const plan = parsePlan(text);
    const t3 = clockNow(clock);
    lintPlan(plan, { rules: allRules, settings });
    const t4 = clockNow(clock);
    best.lex = Math.min(best.lex, t1 - t0);
    best.parse = Math.min(best.parse, t1b - t1);
    best.parseText = Math.min(best.parseText, t2 - t1c);
    best.parsePlan = Math.min(best.parsePlan, t3 - t2b);
    best.rules = Math.min(best.rules, t4 - t3);
    best.total = Math.min(best.total, t4 - t2b);
  }
  return {
    lex: best.lex,
    parse: best.parse,
    model: Math.max(0, best.parsePlan - best.parseText),
    rules: best.rules,
    total: best.total,
  };
}

export interface LinearRow {
  name: string;
  what: string;
  units: [number, number];
  bytes: [number, number];
  ms: [Record<Phase, number> | null, Record<Phase, number> | null];
  ratio: Partial<Record<Phase, number>>;
  superLinear: Phase[];
  error?: string;
  /** Flagged at first, measured once more: the figures are the minimum of both measurements. */
  remeasured?: boolean;
}

/** Ratios above this are reported as super-linear. */
export const SUPER_LINEAR = 6;
/** Phases under this many milliseconds at 1× are too small for a ratio to mean anything. */
const TOO_SMALL_MS = 2;
/**
 * A ratio over SUPER_LINEAR is flagged only when the time beyond linear (4× time − 6 × 1× time) is at least
 * this share of the whole 4× analysis: a phase that is a difference of two timings (model = parsePlan −
 * parseText), or one that a garbage collection happened to land in, can read 7× on a few milliseconds of
 * noise, while a quadratic phase reads ~16× and dominates the 4× run.
 */
const MATERIAL_SHARE = 0.05;

interface OneResult {
  bytes: number;
  ms: Record<Phase, number>;
}

/** Measures one case at `units` in a child process. */
function measureInChild(c: PathologicalCase, units: number, clock: Clock, timeoutMs: number): OneResult | { error: string } {
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=8192', fileURLToPath(import.meta.url), '--one', c.name, String(units), '--clock', clock],
    { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 24 },
  );
  if (r.error || r.status !== 0) {
    const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM';
    return { error: timedOut ? `timeout after ${timeoutMs / 1000} s` : `exit ${r.status}: ${(r.stderr ?? '').trim().split('\n').slice(-2).join(' / ')}` };
  }
  return JSON.parse(r.stdout) as OneResult;
}

/** The row of one case from its 1× measurement and (when that succeeded) its 4× one. */
function judge(c: PathologicalCase, units: [number, number], one: OneResult | { error: string }, measureFour: () => OneResult | { error: string }): LinearRow {
  const four = 'error' in one ? ({ error: 'skipped: 1× failed' } as const) : measureFour();
  const row: LinearRow = {
    name: c.name,
    what: `${c.what} (1× = ${c.benchSize})`,
    units,
    bytes: ['error' in one ? NaN : one.bytes, 'error' in four ? NaN : four.bytes],
    ms: ['error' in one ? null : one.ms, 'error' in four ? null : four.ms],
    ratio: {},
    superLinear: [],
  };
  if ('error' in one) row.error = `1×: ${one.error}`;
  else if ('error' in four) {
    row.error = `4×: ${four.error}`;
    row.superLinear = [...PHASES];
  } else {
    for (const p of PHASES) {
      const ratio = four.ms[p] / Math.max(one.ms[p], 1e-3);
      row.ratio[p] = ratio;
      // The model's time is parsePlan − parseText: when it is under 2 ms at 1× that difference is noise, so the
      // verdict is on the whole of parsePlan (lex + parse + model) instead.
      const [a, b] =
        p === 'model' && one.ms.model < TOO_SMALL_MS
          ? [one.ms.lex + one.ms.parse + one.ms.model, four.ms.lex + four.ms.parse + four.ms.model]
          : [one.ms[p], four.ms[p]];
      const excess = b - SUPER_LINEAR * a;
      if (b / Math.max(a, 1e-3) > SUPER_LINEAR && b >= TOO_SMALL_MS * 4 && excess >= MATERIAL_SHARE * four.ms.total) row.superLinear.push(p);
    }
  }
  return row;
}

/** Runs every case at 1× and 4× of `scale` × its bench size. */
export function measureLinear(options: { scale?: number; only?: string; clock?: Clock; timeoutMs?: number } = {}): LinearRow[] {
  const scale = options.scale ?? 1;
  const clock = options.clock ?? 'cpu';
  const rows: LinearRow[] = [];
  for (const c of CASES) {
    if (options.only && c.name !== options.only) continue;
    const u1 = Math.max(1, Math.round(c.benchUnits * scale));
    const u4 = u1 * 4;
    const timeout = options.timeoutMs ?? 300_000;
    let row = judge(c, [u1, u4], measureInChild(c, u1, clock, timeout), () => measureInChild(c, u4, clock, timeout));
    // A collection that lands in one child's best run bends one measurement, a super-linear phase every one:
    // a flagged case is measured once more in fresh children, and each phase keeps its minimum of the two.
    if (row.superLinear.length > 0 && !row.error && row.ms[0] && row.ms[1]) {
      const again = [measureInChild(c, u1, clock, timeout), measureInChild(c, u4, clock, timeout)] as const;
      const [a, b] = [row.ms[0], row.ms[1]];
      const bytes = row.bytes;
      const best = (first: Record<Phase, number>, other: OneResult | { error: string }) =>
        'error' in other ? first : (Object.fromEntries(PHASES.map((p) => [p, Math.min(first[p], other.ms[p])])) as Record<Phase, number>);
      row = judge(c, [u1, u4], { bytes: bytes[0], ms: best(a, again[0]) }, () => ({ bytes: bytes[1], ms: best(b, again[1]) }));
      row.remeasured = true;
    }
    rows.push(row);
  }
  return rows;
}

export function linearTable(rows: LinearRow[]): string {
  return table(
    ['input', '1× KB', ...PHASES.map((p) => `${p} 1× ms`), ...PHASES.map((p) => `${p} ×`), 'verdict (ratio > 6 and material)'],
    rows.map((r) => [
      r.name,
      fmt(r.bytes[0] / 1024, 0),
      ...PHASES.map((p) => fmt(r.ms[0]?.[p], 1)),
      ...PHASES.map((p) => (r.ms[0] && r.ms[0][p] < TOO_SMALL_MS ? `~${fmt(r.ratio[p], 1)}` : fmt(r.ratio[p], 1))),
      (r.error ?? (r.superLinear.length > 0 ? `SUPER-LINEAR: ${r.superLinear.join(', ')}` : 'linear')) + (r.remeasured ? ' (measured twice)' : ''),
    ]),
  );
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  const clock = clockFrom(argv);
  const oneAt = argv.indexOf('--one');
  if (oneAt >= 0) {
    // Child mode: one case at one size; warm the JIT on a small build first.
    const c = CASES.find((x) => x.name === argv[oneAt + 1]);
    if (!c) throw new Error(`no case ${argv[oneAt + 1]}`);
    const units = Number(argv[oneAt + 2]);
    // Warm the JIT on a quarter-size build (so that the 4× child warms on the 1× input), then time the full one.
    timePhases(c.build(Math.max(1, Math.round(units / 4))), 2, clock);
    const text = c.build(units);
    const bytes = Buffer.byteLength(text, 'utf8');
    const ms = timePhases(text, bytes > 8 * 1024 * 1024 ? 3 : 5, clock);
    process.stdout.write(JSON.stringify({ bytes, ms }));
  } else {
    const only = argValue(argv, '--case');
    const rows = measureLinear({ scale: Number(argValue(argv, '--scale') ?? 1), clock, ...(only ? { only } : {}) });
    if (argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
    else {
      console.log(linearTable(rows));
      const bad = rows.filter((r) => r.superLinear.length > 0 || r.error);
      console.log(bad.length === 0 ? `\nevery phase linear (4×/1× ≤ ${SUPER_LINEAR})` : `\n${bad.length} input(s) super-linear or failed: ${bad.map((r) => r.name).join(', ')}`);
    }
  }
}
