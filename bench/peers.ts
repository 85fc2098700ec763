// The peers on the same bytes, in the same process: autocorrect-node (lintFor) and markdownlint (sync lint), and a bare regex scan as the floor.
//
// autocorrect-node is a native (Rust, N-API) CJK copywriting linter: `lintFor(text, filepath)` picks its
// parser from the file name; `text.md` reads the plan as Markdown, as the issue asks. markdownlint
// 0.40 is ESM; its sync API is `lint` from `markdownlint/sync` (`{ strings: { name: text } }`), all
// rules at their defaults. The floor is one pass of one regular expression that finds what a reader
// of plans must find at least — markers, attribution keywords, line breaks — and builds nothing.
//
//   node out/bench/peers.js [FILE…] [--runs N] [--clock cpu|wall] [--json]
import { createRequire } from 'node:module';
import { argValue, isMain } from './corpus.js';
import { corpusInputs } from './analysis.js';
import { clockFrom, clockNow, collectGarbage, fmt, median, mbps, runsFor, table, type Clock } from './stats.js';

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

function time(label: string, text: string, runs: { warmup: number; runs: number }, clock: Clock, fn: () => number): PeerResult {
  const bytes = Buffer.byteLength(text, 'utf8');
  const series: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs.warmup + runs.runs; i++) {
    collectGarbage();
    const t0 = clockNow(clock);
    findings = fn();
    const t1 = clockNow(clock);
    if (i >= runs.warmup) series.push(t1 - t0);
  }
  const ms = median(series);
  return { tool: label, ms, mbps: mbps(bytes, ms), findings };
}

/** Times the peers and the floor on `text`. */
export async function measurePeers(text: string, requestedRuns?: number, clock: Clock = 'cpu'): Promise<PeerResult[]> {
  const bytes = Buffer.byteLength(text, 'utf8');
  const runs = runsFor(bytes, requestedRuns);
  const peers = await loadPeers();
  const out: PeerResult[] = [];
  if (typeof peers.autocorrect === 'string') out.push({ tool: 'autocorrect-node', ms: NaN, mbps: NaN, findings: 0, error: peers.autocorrect });
  else {
    const ac = peers.autocorrect;
    const whole = ac.lintFor(text, 'text.md');
    if (whole.error === '') out.push(time('autocorrect-node', text, runs, clock, () => ac.lintFor(text, 'text.md').lines.length));
    else {
      // On a large plan one call stops early (`call limit reached` in its parser, at a long table) and so does
      // little of the work: the same bytes are then given in pieces that it reads whole, and the pieces' times add up.
      const pieces = paragraphChunks(text, AUTOCORRECT_CHUNK);
      const r = time('autocorrect-node', text, runs, clock, () => pieces.reduce((n, p) => n + ac.lintFor(p, 'text.md').lines.length, 0));
      const failed = pieces.filter((p) => ac.lintFor(p, 'text.md').error !== '').length;
      r.note = `one call fails (${whole.error.trim().split('\n').pop()!.replace(/^=\s*/, '')}); timed in ${pieces.length} pieces of ≤ ${AUTOCORRECT_CHUNK / 1024}K characters${failed ? `, ${failed} still failing` : ''}`;
      out.push(r);
    }
  }
  if (typeof peers.markdownlint === 'string') out.push({ tool: 'markdownlint', ms: NaN, mbps: NaN, findings: 0, error: peers.markdownlint });
  else {
    const lint = peers.markdownlint;
    // markdownlint grows faster than linearly (~100 s for the 10 MB plan here): one run on the largest input.
    const mdRuns = bytes > 4 * 1024 * 1024 ? { warmup: 0, runs: 1 } : runs;
    out.push(time('markdownlint', text, mdRuns, clock, () => (lint({ strings: { plan: text } })['plan'] ?? []).length));
  }
  out.push(time('regex floor', text, runs, clock, () => regexFloor(text)));
  return out;
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  const runs = argValue(argv, '--runs');
  const files = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--runs' && argv[i - 1] !== '--clock');
  const clock = clockFrom(argv);
  const rows: string[][] = [];
  const all: Record<string, PeerResult[]> = {};
  for (const input of corpusInputs(files)) {
    const results = await measurePeers(input.text, runs ? Number(runs) : undefined, clock);
    all[input.name] = results;
    for (const r of results) rows.push([input.name, r.tool, fmt(r.ms, 1), fmt(r.mbps), String(r.findings), r.error ?? r.note ?? '']);
  }
  if (argv.includes('--json')) console.log(JSON.stringify(all, null, 2));
  else console.log(table(['input', 'tool', 'ms', 'MB/s', 'findings', ''], rows));
}
