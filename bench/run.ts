// `npm run bench`: writes the corpus if needed, runs every benchmark, prints one table against DESIGN §8, writes bench/out/results.json.
//
//   node --expose-gc out/bench/run.js [--runs N] [--clock cpu|wall] [--regen] [--skip lsp,cli,peers,linear] [--linear-scale S]
//
// The language-server figures come from bench/lsp-latency.ts, run as `node out/bench/lsp-latency.js --json`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { analysisTable, measureAnalysis, type AnalysisResult } from './analysis.js';
import { cliTable, measureCli, type CliResult } from './cli.js';
import { argValue, isMain, MANY_DIR, OUT_DIR, planPath, ROOT, SIZES, writeCorpus } from './corpus.js';
import type { LspLatency } from './lsp-latency.js';
import { linearTable, measureLinear, SUPER_LINEAR, type LinearRow } from './linear.js';
import { measurePeers, type PeerResult } from './peers.js';
import { canCollectGarbage, clockFrom, fmt, table, type Clock } from './stats.js';

/** DESIGN §8, as numbers. */
export const TARGETS = {
  analysisMBps1m: 30,
  vsAutocorrect: 1.7,
  vsMarkdownlint: 12,
  diagnostics40kMs: 20,
  diagnostics1mMs: 100,
  completionMs: 10,
  memoryTimesText: 20,
  coldStartMs: 200,
  thousandFilesMs: 3000,
  linearRatio: SUPER_LINEAR,
};

export const LSP_SCRIPT = join(ROOT, 'out', 'bench', 'lsp-latency.js');

export interface LspFigures {
  ran: boolean;
  note: string;
  raw?: LspLatency;
  diag40kP50: number | null;
  diag40kP95: number | null;
  /** 1 MB, one edit at a time (each waits for its diagnostics): the target's measure. */
  diag1mP50: number | null;
  diag1mP95: number | null;
  /** 1 MB, an edit every 50 ms whatever the server is doing (typing faster than it analyses). */
  diag1mPacedP50: number | null;
  diag1mPacedP95: number | null;
  completionP50: number | null;
  completionP95: number | null;
  memoryTimesText: number | null;
}

/** Runs bench/lsp-latency.ts (`--json`) and reads its figures. */
export function runLsp(): LspFigures {
  const none = { diag40kP50: null, diag40kP95: null, diag1mP50: null, diag1mP95: null, diag1mPacedP50: null, diag1mPacedP95: null, completionP50: null, completionP95: null, memoryTimesText: null };
  if (!existsSync(LSP_SCRIPT)) return { ran: false, note: 'out/bench/lsp-latency.js does not exist: run npm run build', ...none };
  const r = spawnSync(process.execPath, [LSP_SCRIPT, '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 900_000, maxBuffer: 1 << 26 });
  if (r.status !== 0) return { ran: false, note: `lsp-latency exited ${r.status}: ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' / ')}`, ...none };
  const last = r.stdout.trim().split('\n').pop() ?? '';
  let raw: LspLatency;
  try {
    raw = JSON.parse(last) as LspLatency;
  } catch {
    return { ran: false, note: 'lsp-latency --json printed no JSON on its last line', ...none };
  }
  const small = raw.sizes.find((s) => s.label === '40 KB');
  const large = raw.sizes.find((s) => s.label === '1 MB' && s.mode === 'sequential');
  const paced = raw.sizes.find((s) => s.label === '1 MB' && s.mode === 'paced');
  return {
    ran: true,
    note: '',
    raw,
    diag40kP50: small?.diagnostics.p50 ?? null,
    diag40kP95: small?.diagnostics.p95 ?? null,
    diag1mP50: large?.diagnostics.p50 ?? null,
    diag1mP95: large?.diagnostics.p95 ?? null,
    diag1mPacedP50: paced?.diagnostics.p50 ?? null,
    diag1mPacedP95: paced?.diagnostics.p95 ?? null,
    completionP50: large?.completion.p50 ?? small?.completion.p50 ?? null,
    completionP95: Math.max(large?.completion.p95 ?? -Infinity, small?.completion.p95 ?? -Infinity),
    memoryTimesText: Math.max(large?.retainedTimesText ?? -Infinity, small?.retainedTimesText ?? -Infinity),
  };
}

export interface Results {
  when: string;
  machine: { cpus: number; model: string; node: string; loadavg: number[] };
  clock: Clock;
  corpus: { seed: number | null; sizes: Record<string, number>; manyFiles: number };
  analysis: AnalysisResult[];
  peers: Record<string, PeerResult[]>;
  /** From the interleaved rounds on the heap the previous calls left (see measurePeers). */
  ratios: Record<string, Ratios>;
  /** The same rounds, each call after a forced full GC. */
  peersAfterGc: Record<string, PeerResult[]>;
  ratiosAfterGc: Record<string, Ratios>;
  lsp: LspFigures | null;
  cli: CliResult | null;
  linear: LinearRow[] | null;
  targets: { name: string; target: string; measured: string; met: boolean | null }[];
}

type Ratios = { vsAutocorrect: number | null; vsMarkdownlint: number | null; vsFloor: number | null };

function ratiosOf(peers: PeerResult[]): Ratios {
  const of = (tool: string) => {
    const p = peers.find((x) => x.tool === tool);
    return p?.ratio !== undefined && Number.isFinite(p.ratio) ? p.ratio : null;
  };
  return { vsAutocorrect: of('autocorrect-node'), vsMarkdownlint: of('markdownlint'), vsFloor: of('regex floor') };
}

type Verdict = { name: string; target: string; measured: string; met: boolean | null };

function verdicts(r: Results): Verdict[] {
  const out: Verdict[] = [];
  const a1m = r.analysis.find((a) => a.name === '1m');
  const ratio1m = r.ratios['1m'];
  const gc1m = r.ratiosAfterGc['1m'];
  const afterGc = (v: number | null | undefined, show: (v: number) => string) => (v === null || v === undefined ? '' : ` (after a forced GC: ${show(v)})`);
  const check = (name: string, target: string, value: number | null | undefined, ok: (v: number) => boolean, show: (v: number) => string) =>
    out.push({ name, target, measured: value === null || value === undefined || Number.isNaN(value) ? 'not measured' : show(value), met: value === null || value === undefined || Number.isNaN(value) ? null : ok(value) });
  const x = (v: number) => `${fmt(v, 2)}×`;
  check('analysis, 1 MB plan', `≥ ${TARGETS.analysisMBps1m} MB/s`, a1m?.mbps.warm, (v) => v >= TARGETS.analysisMBps1m, (v) => `${fmt(v)} MB/s${afterGc(a1m?.mbps.total, (t) => `${fmt(t)} MB/s`)}`);
  check('vs autocorrect-node, 1 MB', `≥ ${TARGETS.vsAutocorrect}×`, ratio1m?.vsAutocorrect, (v) => v >= TARGETS.vsAutocorrect, (v) => x(v) + afterGc(gc1m?.vsAutocorrect, x));
  check('vs markdownlint, 1 MB', `≥ ${TARGETS.vsMarkdownlint}×`, ratio1m?.vsMarkdownlint, (v) => v >= TARGETS.vsMarkdownlint, (v) => x(v) + afterGc(gc1m?.vsMarkdownlint, x));
  const l = r.lsp;
  check('diagnostics after an edit, 40 KB (p95)', `≤ ${TARGETS.diagnostics40kMs} ms`, l?.diag40kP95 ?? l?.diag40kP50, (v) => v <= TARGETS.diagnostics40kMs, (v) => `${fmt(v)} ms`);
  check('diagnostics after an edit, 1 MB (p95)', `≤ ${TARGETS.diagnostics1mMs} ms`, l?.diag1mP95 ?? l?.diag1mP50, (v) => v <= TARGETS.diagnostics1mMs, (v) => `${fmt(v)} ms (p50 ${fmt(l?.diag1mP50)}; an edit every 50 ms: p95 ${fmt(l?.diag1mPacedP95)})`);
  check('completion (p95)', `≤ ${TARGETS.completionMs} ms`, l?.completionP95 ?? l?.completionP50, (v) => v <= TARGETS.completionMs, (v) => `${fmt(v)} ms`);
  check('server memory / text', `< ${TARGETS.memoryTimesText}×`, l?.memoryTimesText, (v) => v < TARGETS.memoryTimesText, (v) => `${fmt(v)}×`);
  const cold = r.cli?.cold.find((c) => c.what === 'planlint one small plan');
  check('CLI cold start, one file (wall)', `≤ ${TARGETS.coldStartMs} ms`, cold?.wallMs, (v) => v <= TARGETS.coldStartMs, (v) => `${fmt(v, 0)} ms (cpu ${fmt(cold?.cpuMs, 0)} ms)`);
  const many = r.cli?.many[0];
  check('CLI, 1,000 plans (wall)', `≤ ${TARGETS.thousandFilesMs / 1000} s`, many && many.linted > 0 ? many.wallMs : null, (v) => v <= TARGETS.thousandFilesMs, (v) => `${fmt(v / 1000, 2)} s (${fmt(many?.filesPerSec, 0)} files/s)`);
  if (r.linear) {
    // The worst ratio among phases long enough at 1× (≥ 2 ms) for a ratio to mean something.
    const worst = Math.max(
      ...r.linear.flatMap((row) =>
        row.error ? [Infinity] : Object.entries(row.ratio).flatMap(([p, x]) => (x !== undefined && (row.ms[0]?.[p as keyof typeof row.ratio] ?? 0) >= 2 ? [x] : [])),
      ),
    );
    const bad = r.linear.filter((row) => row.superLinear.length > 0 || row.error).map((row) => row.name);
    out.push({ name: 'linear cost (4×/1×, every phase)', target: `≤ ${TARGETS.linearRatio}`, measured: bad.length ? `super-linear: ${bad.join(', ')}` : `worst ${fmt(worst, 1)}`, met: bad.length === 0 });
  }
  return out;
}

export async function runAll(argv: string[]): Promise<Results> {
  const skip = new Set((argValue(argv, '--skip') ?? '').split(',').filter(Boolean));
  const runs = argValue(argv, '--runs') ? Number(argValue(argv, '--runs')) : undefined;
  const clock = clockFrom(argv);
  const log = (s: string) => process.stderr.write(s + '\n');

  let seed: number | null = null;
  const haveCorpus = Object.keys(SIZES).every((s) => existsSync(planPath(s))) && existsSync(MANY_DIR);
  if (argv.includes('--regen') || !haveCorpus) {
    log('writing the corpus…');
    seed = writeCorpus().seed;
  } else {
    try {
      seed = (JSON.parse(readFileSync(join(OUT_DIR, 'corpus.json'), 'utf8')) as { seed: number }).seed;
    } catch {
      seed = null;
    }
  }
  const inputs = Object.keys(SIZES).map((name) => ({ name, text: readFileSync(planPath(name), 'utf8') }));

  const results: Results = {
    when: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', node: process.version, loadavg: loadavg() },
    clock,
    corpus: { seed, sizes: Object.fromEntries(inputs.map((i) => [i.name, Buffer.byteLength(i.text, 'utf8')])), manyFiles: 1000 },
    analysis: [],
    peers: {},
    ratios: {},
    peersAfterGc: {},
    ratiosAfterGc: {},
    lsp: null,
    cli: null,
    linear: null,
    targets: [],
  };

  for (const input of inputs) {
    log(`analysis ${input.name}…`);
    results.analysis.push(measureAnalysis(input.name, input.text, runs, clock));
    if (!skip.has('peers')) {
      log(`peers ${input.name}…`);
      // The ratios come from the interleaved rounds of measurePeers, where planlint ran beside each peer.
      results.peers[input.name] = await measurePeers(input.text, runs, clock, false);
      results.ratios[input.name] = ratiosOf(results.peers[input.name]!);
      // Without --expose-gc nothing can be collected: the second regime would repeat the first under its name.
      if (canCollectGarbage()) {
        results.peersAfterGc[input.name] = await measurePeers(input.text, runs, clock, true);
        results.ratiosAfterGc[input.name] = ratiosOf(results.peersAfterGc[input.name]!);
      }
    }
  }
  if (!skip.has('lsp')) {
    log('language server (bench/lsp-latency)…');
    results.lsp = runLsp();
  }
  if (!skip.has('cli')) {
    log('CLI…');
    results.cli = measureCli(runs ?? 20);
  }
  if (!skip.has('linear')) {
    log('linear cost…');
    results.linear = measureLinear({ scale: Number(argValue(argv, '--linear-scale') ?? 1), clock });
  }
  results.targets = verdicts(results);
  return results;
}

export function report(r: Results): string {
  const parts: string[] = [];
  const load = r.machine.loadavg[0] ?? 0;
  parts.push(`planlint bench — ${r.when} — ${r.machine.cpus} × ${r.machine.model}, node ${r.machine.node}, load ${r.machine.loadavg.map((x) => x.toFixed(1)).join(' ')}, clock: ${r.clock}`);
  if (load > r.machine.cpus) parts.push(`(!) the machine was busy (load ${load.toFixed(1)} on ${r.machine.cpus} cores): wall times are inflated; cpu times much less so.`);
  parts.push('', 'Analysis (MB/s of UTF-8 bytes, medians; 1 MB = 2^20 bytes; total right after a forced full GC, warm the same call again at once)', analysisTable(r.analysis));
  if (Object.keys(r.peers).length > 0) {
    const rows: string[][] = [];
    for (const a of r.analysis) {
      for (const p of r.peers[a.name] ?? []) {
        const g = (r.peersAfterGc[a.name] ?? []).find((q) => q.tool === p.tool);
        const ratio = (q: PeerResult | undefined) => (q === undefined || q.tool === 'planlint' ? '' : fmt(q.ratio ?? NaN, 2) + '×');
        rows.push([a.name, p.tool, fmt(p.mbps), ratio(p), g ? fmt(g.mbps) : '', ratio(g), p.error ?? p.note ?? '']);
      }
    }
    parts.push(
      '',
      'Same bytes, same process, interleaved rounds (ratio = median over rounds of the tool\'s time ÷ planlint\'s: how many times faster planlint is; first on the heap the previous calls left, then with a forced full GC before every call)',
      table(['input', 'tool', 'MB/s', 'planlint ×', 'after GC: MB/s', 'planlint ×', ''], rows),
    );
  }
  if (r.lsp) {
    parts.push('', 'Language server (bench/lsp-latency)');
    if (!r.lsp.ran) parts.push(`  not measured: ${r.lsp.note}`);
    else {
      if (r.lsp.note) parts.push(`  (${r.lsp.note})`);
      parts.push(
        table(
          ['LSP', 'p50', 'p95'],
          [
            ['didChange → publishDiagnostics, 40 KB (ms)', fmt(r.lsp.diag40kP50), fmt(r.lsp.diag40kP95)],
            ['didChange → publishDiagnostics, 1 MB (ms)', fmt(r.lsp.diag1mP50), fmt(r.lsp.diag1mP95)],
            ['… 1 MB, an edit every 50 ms (ms)', fmt(r.lsp.diag1mPacedP50), fmt(r.lsp.diag1mPacedP95)],
            ['completion (ms)', fmt(r.lsp.completionP50), fmt(r.lsp.completionP95)],
            ['resident memory ÷ text size', fmt(r.lsp.memoryTimesText), ''],
          ],
        ),
      );
    }
  }
  if (r.cli) parts.push('', cliTable(r.cli));
  if (r.linear) parts.push('', `Linear cost: 4×/1× per phase (min of runs; > ${SUPER_LINEAR} is super-linear; ~ marks phases under 2 ms)`, linearTable(r.linear));
  parts.push(
    '',
    'DESIGN §8 targets',
    table(
      ['target', 'wanted', 'measured', 'met'],
      r.targets.map((t) => [t.name, t.target, t.measured, t.met === null ? '—' : t.met ? 'yes' : 'NO']),
    ),
  );
  return parts.join('\n');
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  const results = await runAll(argv);
  mkdirSync(OUT_DIR, { recursive: true });
  const path = join(OUT_DIR, 'results.json');
  writeFileSync(path, JSON.stringify(results, null, 2) + '\n');
  console.log(report(results));
  console.log(`\nwritten: ${path}`);
}
