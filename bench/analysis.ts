// Analysis throughput: lex, parse, model and rules timed separately and in total, in MB/s of UTF-8 bytes, medians of repeated runs.
//
// Each run times, one after another: the lexer (`tokenize`); the parser on those tokens, which builds
// the blocks (`parseBlocks`, what parseText adds to the lexer); parseText;
// parsePlan; lintPlan over every rule. parsePlan calls parseText, so the model's own cost is the
// difference of medians, model = parsePlan − parseText. `total` is timed on its own, through the
// service façade that the CLI and the language server call (parsePlan + every rule).
//
//   node out/bench/analysis.js [FILE…] [--runs N] [--clock cpu|wall] [--json]
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseText } from '../grammar/index.js';
import { tokenize } from '../grammar/lexer.js';
import { parseBlocks } from '../grammar/parser.js';
import { lintPlan } from '../server/src/lint/engine.js';
import { parsePlan } from '../server/src/model/plan.js';
import { allRules } from '../server/src/rules/index.js';
import { createPlanService } from '../server/src/service.js';
import { argValue, isMain, planPath, SIZES } from './corpus.js';
import { clockFrom, clockNow, collectGarbage, fmt, median, mbps, runsFor, table, type Clock } from './stats.js';

/** A fixed "today" so that overdue checks, and so the work done, do not change from day to day. */
export const TODAY = '2024-06-01';

/** Medians in milliseconds and throughputs in MB/s for one input. */
export interface AnalysisResult {
  name: string;
  bytes: number;
  runs: number;
  clock: Clock;
  /** total: `service.analyze` right after a forced full GC; warm: the same call again at once, on the heap the first left. */
  ms: { lex: number; parse: number; model: number; rules: number; total: number; warm: number; parseText: number; parsePlan: number };
  mbps: { lex: number; parse: number; model: number; rules: number; total: number; warm: number };
  /** What the analysis found (a sanity check that the work was real). */
  found: { tokens: number; sections: number; tasks: number; tables: number; diagnostics: number };
}

/** Times every phase on `text`. */
export function measureAnalysis(name: string, text: string, requestedRuns?: number, clock: Clock = 'wall'): AnalysisResult {
  const now = () => clockNow(clock);
  const bytes = Buffer.byteLength(text, 'utf8');
  const { warmup, runs } = runsFor(bytes, requestedRuns);
  const service = createPlanService({ today: TODAY });
  const settings = { today: TODAY };
  const series = { lex: [] as number[], parse: [] as number[], parseText: [] as number[], parsePlan: [] as number[], rules: [] as number[], total: [] as number[], warm: [] as number[] };
  let found: AnalysisResult['found'] = { tokens: 0, sections: 0, tasks: 0, tables: 0, diagnostics: 0 };
  for (let i = 0; i < warmup + runs; i++) {
    collectGarbage();
    const t0 = now();
    const lexed = tokenize(text);
    const t1 = now();
    parseBlocks(lexed.tokens);
    const t1b = now();
    parseText(text);
    const t2 = now();
    const plan = parsePlan(text);
    const t3 = now();
    const diagnostics = lintPlan(plan, { rules: allRules, settings });
    const t4 = now();
    collectGarbage();
    const t5 = now();
    service.analyze(text);
    const t6 = now();
    service.analyze(text);
    const t7 = now();
    if (i < warmup) continue;
    series.lex.push(t1 - t0);
    series.parse.push(t1b - t1);
    series.parseText.push(t2 - t1b);
    series.parsePlan.push(t3 - t2);
    series.rules.push(t4 - t3);
    series.total.push(t6 - t5);
    series.warm.push(t7 - t6);
    found = {
      tokens: lexed.tokens.length,
      sections: plan.allSections.length,
      tasks: plan.tasks.length,
      tables: plan.tables.length,
      diagnostics: diagnostics.length,
    };
  }
  const lex = median(series.lex);
  const parseTextMs = median(series.parseText);
  const parsePlanMs = median(series.parsePlan);
  const ms = {
    lex,
    parse: median(series.parse),
    model: Math.max(0, parsePlanMs - parseTextMs),
    rules: median(series.rules),
    total: median(series.total),
    warm: median(series.warm),
    parseText: parseTextMs,
    parsePlan: parsePlanMs,
  };
  return {
    name,
    bytes,
    runs,
    clock,
    ms,
    mbps: { lex: mbps(bytes, ms.lex), parse: mbps(bytes, ms.parse), model: mbps(bytes, ms.model), rules: mbps(bytes, ms.rules), total: mbps(bytes, ms.total), warm: mbps(bytes, ms.warm) },
    found,
  };
}

/** The corpus files by size name, or the files given. */
export function corpusInputs(files: string[]): { name: string; text: string }[] {
  if (files.length > 0) return files.map((f) => ({ name: basename(f), text: readFileSync(f, 'utf8') }));
  return Object.keys(SIZES).map((size) => {
    try {
      return { name: size, text: readFileSync(planPath(size), 'utf8') };
    } catch {
      throw new Error(`bench/out/plan-${size}.plan.txt is missing: run node out/bench/corpus.js first`);
    }
  });
}

export function analysisTable(results: AnalysisResult[]): string {
  return table(
    ['input', 'KB', 'runs', 'lex MB/s', 'parse MB/s', 'model MB/s', 'rules MB/s', 'total MB/s', 'total ms', 'warm MB/s', 'warm ms', 'tasks', 'diags'],
    results.map((r) => [
      r.name,
      fmt(r.bytes / 1024, 0),
      String(r.runs),
      fmt(r.mbps.lex),
      fmt(r.mbps.parse),
      fmt(r.mbps.model),
      fmt(r.mbps.rules),
      fmt(r.mbps.total),
      fmt(r.ms.total, 1),
      fmt(r.mbps.warm),
      fmt(r.ms.warm, 1),
      String(r.found.tasks),
      String(r.found.diagnostics),
    ]),
  );
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  const runs = argValue(argv, '--runs');
  const files = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--runs' && argv[i - 1] !== '--clock');
  const clock = clockFrom(argv);
  const results = corpusInputs(files).map((input) => measureAnalysis(input.name, input.text, runs ? Number(runs) : undefined, clock));
  if (argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
  else console.log(analysisTable(results));
}
