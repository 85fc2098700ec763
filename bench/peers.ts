// The peers on the same bytes, in the same process: autocorrect-node (lintFor) and markdownlint (sync lint), and a bare regex scan as the floor.
//
// autocorrect-node is a native (Rust, N-API) CJK copywriting linter: `lintFor(text, filepath)` picks its
// parser from the file name; `text.md` reads the plan as Markdown, as the issue asks. markdownlint
// 0.40 is ESM; its sync API is `lint` from `markdownlint/sync` (`{ strings: { name: text } }`), all
// rules at their defaults. The floor is one pass of one regular expression that finds what a reader
// of plans must find at least — markers, attribution keywords, line breaks — and builds nothing.
// planlint's full analysis (`service.analyze`) is timed in the same interleaved rounds, so the ratios
// compare runs made under the same load.
//
//   node [--expose-gc] out/bench/peers.js [FILE…] [--runs N] [--clock cpu|wall] [--gc] [--json]
import { createRequire } from 'node:module';
import { argValue, isMain } from './corpus.js';
import { createPlanService } from '../server/src/service.js';
import { corpusInputs, TODAY } from './analysis.js';
import { canCollectGarbage, clockFrom, clockNow, collectGarbage, fmt, median, mbps, runsFor, table, type Clock } from './stats.js';

const require = createRequire(import.meta.url);

interface AutocorrectModule {
  lintFor(text: string, filepath: string): { filepath: string; lines: unknown[]; error: string };
}
type MarkdownlintSync = (options: { strings: Record<string, string>; config?: Record<string, unknown> }) => Record<string, unknown[]>;

/** One tool's median time on one input. */
export interface PeerResult {
  tool: string;
  ms: number;
  mbps: number;
  findings: number;
  error?: string;
  /** How the figure was obtained when not in one plain call. */
  note?: string;
  /** This tool's time ÷ planlint's in the same rounds (median): how many times faster planlint is. */
  ratio?: number;
}

/** Pieces of autocorrect input: at most this many UTF-16 units, cut at a blank line. */
export const AUTOCORRECT_CHUNK = 64 * 1024;

/** Cuts `text` into pieces of about `size` characters at paragraph breaks (blank lines). */
export function paragraphChunks(text: string, size: number): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + size);
    if (end < text.length) {
      const back = text.lastIndexOf('\n\n', end);
      end = back > at ? back + 2 : end;
    }
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}

/** The floor: markers of every level, attribution keywords and line breaks, found and counted, nothing built. */
export const FLOOR_RE =
  /[一二三四五六七八九十百零〇]{1,5}、|[(（][一二三四五六七八九十百零〇]{1,5}[)）]|[0-9０-９]{1,3}[.．、]|[(（][0-9０-９]{1,3}[)）]|[\u2460-\u2473]|牵头单位|牽頭單位|责任单位|責任單位|完成时限|完成時限|牵头|牽頭|负责|負責|参加|參加|\n/g;

export function regexFloor(text: string): number {
  FLOOR_RE.lastIndex = 0;
  let n = 0;
  while (FLOOR_RE.exec(text) !== null) n++;
  return n;
}

/** Loads the peers; a missing one is reported, not fatal. */
export async function loadPeers(): Promise<{ autocorrect: AutocorrectModule | string; markdownlint: MarkdownlintSync | string }> {
  let autocorrect: AutocorrectModule | string;
  try {
    autocorrect = require('autocorrect-node') as AutocorrectModule;
  } catch (error) {
    autocorrect = `autocorrect-node not installed (npm install --save-dev autocorrect-node): ${String(error)}`;
  }
  let markdownlint: MarkdownlintSync | string;
  try {
    markdownlint = ((await import('markdownlint/sync')) as { lint: MarkdownlintSync }).lint;
  } catch (error) {
    markdownlint = `markdownlint not installed (npm install --save-dev markdownlint): ${String(error)}`;
  }
  return { autocorrect, markdownlint };
}

/** One contender of an interleaved round: a name and a call that returns its finding count (or -1 when the call failed). */
interface Contender {
  tool: string;
  run: () => number;
  /** Rounds to time it in, when fewer than the others (markdownlint on the 10 MB plan). */
  rounds?: number;
  note?: string;
  error?: string;
}

/**
 * Times the contenders in interleaved rounds — planlint, then each peer, then the floor, round after round — so
 * that a change of load on this shared machine falls on all of them alike; a peer's ratio is the median over
 * rounds of its time ÷ planlint's time in the same round.
 */
function interleaved(text: string, contenders: Contender[], runs: { warmup: number; runs: number }, clock: Clock, collect: boolean): PeerResult[] {
  const bytes = Buffer.byteLength(text, 'utf8');
  const series = contenders.map(() => [] as number[]);
  const findings = contenders.map(() => 0);
  const failures = contenders.map(() => 0);
  const total = runs.warmup + runs.runs;
  for (let i = 0; i < total; i++) {
    contenders.forEach((c, k) => {
      // A contender timed in fewer rounds takes the last ones (after everyone's warm-up).
      if (c.error !== undefined || (c.rounds !== undefined && i < total - c.rounds)) return;
      if (collect) collectGarbage();
      const t0 = clockNow(clock);
      const n = c.run();
      const t1 = clockNow(clock);
      if (n < 0) failures[k]!++;
      else findings[k] = n;
      if (i >= runs.warmup || c.rounds !== undefined) series[k]!.push(t1 - t0);
    });
  }
  const ours = series[0]!;
  return contenders.map((c, k) => {
    if (c.error !== undefined) return { tool: c.tool, ms: NaN, mbps: NaN, findings: 0, error: c.error };
    const ms = median(series[k]!);
    // Per-round ratios where both were timed in the round; else the ratio of medians.
    const mine = series[k]!;
    const offset = ours.length - mine.length;
    const ratio = k === 0 ? 1 : mine.length === ours.length ? median(mine.map((x, r) => x / ours[r]!)) : median(mine) / median(ours.slice(offset));
    const failed = failures[k]! > 0 ? `${failures[k]} timed calls failed: the figure is not of the whole input` : undefined;
    const note = [c.note, failed].filter(Boolean).join('; ') || undefined;
    return { tool: c.tool, ms, mbps: mbps(bytes, ms), findings: findings[k]!, ratio, ...(note ? { note } : {}) };
  });
}

/**
 * Times planlint's full analysis, the peers and the floor on `text`, interleaved (see `interleaved`).
 * `collect`: force a full garbage collection before every timed call (needs `--expose-gc`). Off, each call
 * runs on the heap the previous calls left, as in a CI loop or an editor; on, each starts from a collected
 * heap — planlint's analysis of the 1 MB plan then reads 2–3× slower on this machine (the native
 * autocorrect-node not at all), so both are reported.
 */
export async function measurePeers(text: string, requestedRuns?: number, clock: Clock = 'wall', collect = false): Promise<PeerResult[]> {
  const bytes = Buffer.byteLength(text, 'utf8');
  const runs = runsFor(bytes, requestedRuns);
  const peers = await loadPeers();
  const service = createPlanService({ today: TODAY });
  const contenders: Contender[] = [{ tool: 'planlint', run: () => service.analyze(text).diagnostics.length }];
  if (typeof peers.autocorrect === 'string') contenders.push({ tool: 'autocorrect-node', run: () => -1, error: peers.autocorrect });
  else {
    const ac = peers.autocorrect;
    // On a large plan a call can stop early (`call limit reached` in its parser, at a long table) and so do little
    // of the work — and not always on the first call: a call that read the whole plan can be followed by ones
    // that fail. The whole plan is timed only when three calls in a row read it; else the same bytes are given in
    // pieces that it reads whole, and the pieces' times add up. Every timed call is checked again.
    const lint = (t: string) => {
      const r = ac.lintFor(t, 'text.md');
      return r.error === '' ? r.lines.length : -1;
    };
    const wholeError = [0, 1, 2].map(() => ac.lintFor(text, 'text.md').error).find((e) => e !== '');
    if (wholeError === undefined) contenders.push({ tool: 'autocorrect-node', run: () => lint(text) });
    else {
      const pieces = paragraphChunks(text, AUTOCORRECT_CHUNK);
      contenders.push({
        tool: 'autocorrect-node',
        run: () => {
          let n = 0;
          for (const p of pieces) {
            const k = lint(p);
            if (k < 0) return -1;
            n += k;
          }
          return n;
        },
        note: `one call fails (${wholeError.trim().split('\n').pop()!.replace(/^=\s*/, '')}); timed in ${pieces.length} pieces of ≤ ${AUTOCORRECT_CHUNK / 1024}K characters`,
      });
    }
  }
  if (typeof peers.markdownlint === 'string') contenders.push({ tool: 'markdownlint', run: () => -1, error: peers.markdownlint });
  else {
    const lint = peers.markdownlint;
    // markdownlint grows faster than linearly (~100 s for the 10 MB plan here): one round on the largest input.
    contenders.push({ tool: 'markdownlint', run: () => (lint({ strings: { plan: text } })['plan'] ?? []).length, ...(bytes > 4 * 1024 * 1024 ? { rounds: 1 } : {}) });
  }
  contenders.push({ tool: 'regex floor', run: () => regexFloor(text) });
  return interleaved(text, contenders, runs, clock, collect);
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  const runs = argValue(argv, '--runs');
  const files = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--runs' && argv[i - 1] !== '--clock');
  const clock = clockFrom(argv);
  if (argv.includes('--gc') && !canCollectGarbage()) {
    console.error('--gc needs node --expose-gc (nothing would be collected)');
    process.exit(2);
  }
  const rows: string[][] = [];
  const all: Record<string, PeerResult[]> = {};
  for (const input of corpusInputs(files)) {
    const results = await measurePeers(input.text, runs ? Number(runs) : undefined, clock, argv.includes('--gc'));
    all[input.name] = results;
    for (const r of results) rows.push([input.name, r.tool, fmt(r.ms, 1), fmt(r.mbps), r.ratio === undefined ? '' : `${fmt(r.ratio, 2)}×`, String(r.findings), r.error ?? r.note ?? '']);
  }
  if (argv.includes('--json')) console.log(JSON.stringify(all, null, 2));
  else console.log(table(['input', 'tool', 'ms', 'MB/s', 'tool ÷ planlint', 'findings', ''], rows));
}
