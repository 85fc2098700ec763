// The plan model alone: its time on text the grammar has already read, and the heap a kept PlanDocument holds.
//
//   node --expose-gc out/bench/model.js [FILE…] [--runs N] [--clock wall] [--json]
//
// time: `planFromParsed(text, parseText(text))` with the grammar's result made once beforehand, so the figure
// is the model's own (bench/analysis.ts reports the model as parsePlan − parseText, a difference of two
// medians that other load on the machine makes noisy). memory: after a full gc, the heap before and after
// `parsePlan(text)` with the result kept (the text itself was allocated before, so it is not counted), ÷ the
// text's UTF-8 bytes. Needs --expose-gc for the memory figure; without it only the time is printed.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseText } from '../grammar/index.js';
import { parsePlan, planFromParsed } from '../server/src/model/plan.js';
import type { PlanDocument } from '../server/src/model/types.js';
import { isMain, planPath } from './corpus.js';
import { clockFrom, clockNow, collectGarbage, fmt, mbps, median, runsFor, table, type Clock } from './stats.js';

export interface ModelResult {
  name: string;
  bytes: number;
  runs: number;
  /** Median ms of the model's own work. */
  modelMs: number;
  modelMbps: number;
  /** Heap kept by one PlanDocument ÷ UTF-8 bytes, null without --expose-gc. */
  heapRatio: number | null;
  heapBytes: number | null;
  tasks: number;
}

const hasGc = () => typeof (globalThis as { gc?: unknown }).gc === 'function';

/** Heap bytes a kept PlanDocument of `text` holds (median of `times` measurements). */
export function keptHeap(text: string, times = 3): number {
  const sizes: number[] = [];
  for (let i = 0; i < times; i++) {
    collectGarbage();
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    let plan: PlanDocument | null = parsePlan(text);
    collectGarbage();
    collectGarbage();
    sizes.push(process.memoryUsage().heapUsed - before);
    if (plan.tasks.length < 0) console.log(plan); // keeps `plan` alive until here
    plan = null;
  }
  return median(sizes);
}

export function measureModel(name: string, text: string, requestedRuns?: number, clock: Clock = 'wall'): ModelResult {
  const bytes = Buffer.byteLength(text, 'utf8');
  const { warmup, runs } = runsFor(bytes, requestedRuns);
  const parsed = parseText(text);
  const times: number[] = [];
  let tasks = 0;
  for (let i = 0; i < warmup + runs; i++) {
    collectGarbage();
    const t0 = clockNow(clock);
    const plan = planFromParsed(text, parsed);
    const t1 = clockNow(clock);
    tasks = plan.tasks.length;
    if (i >= warmup) times.push(t1 - t0);
  }
  const modelMs = median(times);
  const heapBytes = hasGc() ? keptHeap(text) : null;
  return { name, bytes, runs, modelMs, modelMbps: mbps(bytes, modelMs), heapBytes, heapRatio: heapBytes === null ? null : heapBytes / bytes, tasks };
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : undefined;
  const files = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--runs' && argv[i - 1] !== '--clock');
  const inputs = files.length > 0 ? files : ['40k', '1m'].map((s) => planPath(s));
  const results = inputs.map((f) => measureModel(basename(f), readFileSync(f, 'utf8'), runs, clockFrom(argv)));
  if (argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
  else {
    console.log(
      table(
        ['input', 'KB', 'runs', 'model ms', 'model MB/s', 'ms per MB', 'kept heap MB', 'heap ÷ bytes', 'tasks'],
        results.map((r) => [
          r.name,
          fmt(r.bytes / 1024, 0),
          String(r.runs),
          fmt(r.modelMs, 1),
          fmt(r.modelMbps),
          fmt(r.modelMs / (r.bytes / 1024 / 1024), 1),
          r.heapBytes === null ? '—' : fmt(r.heapBytes / 1024 / 1024, 1),
          r.heapRatio === null ? '— (--expose-gc)' : `${fmt(r.heapRatio)}×`,
          String(r.tasks),
        ]),
      ),
    );
  }
}
