// The CLI as a user meets it: cold start on one file (spawn the bundle, 20 times, median) and 1,000 files in a folder (files/s).
//
// Each run is timed twice: wall time around the spawn, and the child's CPU time (user + system, every
// thread) read with bash's `times` — the second barely moves when other work shares the machine.
// `node -e 0` is timed the same way: the part of a cold start that no bundle can remove. The load
// average is recorded before and after. `--cli A --cli B` times other bundles (e.g. a copy of an older
// dist/, with its worker.js and chunks beside it) interleaved with each other, run by run, so that a
// change in the machine's load falls on all of them alike.
//
//   node out/bench/cli.js [--runs N] [--json] [--cli PATH]…
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { argValue, isMain, MANY_DIR, planPath, ROOT } from './corpus.js';
import { fmt, median, now, table } from './stats.js';

export const CLI = join(ROOT, 'dist', 'planlint.js');

/** One spawn: wall and CPU milliseconds, exit code, and what it printed. */
interface Spawned {
  wallMs: number;
  cpuMs: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node ARGS` under bash and reads the child's CPU time from `times` (printed on fd 3). */
function spawnTimed(args: string[], cwd = ROOT): Spawned {
  const quoted = [process.execPath, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const script = `${quoted}; s=$?; times >&3; exit $s`;
  const t0 = now();
  const r = spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const wallMs = now() - t0;
  // `times` prints the shell's own times, then its children's: `0m0.123s 0m0.045s`.
  const fd3 = (r.output[3] as string | null) ?? '';
  const lines = fd3.trim().split('\n');
  const child = lines[lines.length - 1] ?? '';
  const secs = [...child.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  const cpuMs = secs.length === 2 ? (secs[0]! + secs[1]!) * 1000 : NaN;
  return { wallMs, cpuMs, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

export interface ColdStart {
  what: string;
  runs: number;
  wallMs: number;
  cpuMs: number;
  status: number | null;
  error?: string;
}

/** Runs each of `argsOf(cli)` `runs` times, interleaved (a, b, a, b…); one result per CLI. */
function interleave(clis: readonly string[], argsOf: (cli: string) => string[], runs: number): Spawned[][] {
  const all = clis.map(() => [] as Spawned[]);
  for (let i = 0; i < runs; i++) clis.forEach((cli, k) => all[k]!.push(spawnTimed(argsOf(cli))));
  return all;
}

function coldOf(what: string, all: Spawned[], runs: number): ColdStart {
  const last = all[all.length - 1]!;
  const failed = last.status !== 0 && last.status !== 1;
  return {
    what,
    runs,
    wallMs: median(all.map((s) => s.wallMs)),
    cpuMs: median(all.map((s) => s.cpuMs)),
    status: last.status,
    ...(failed ? { error: last.stderr.trim().split('\n').slice(0, 3).join(' / ') } : {}),
  };
}

export interface ManyFiles {
  what: string;
  runs: number;
  files: number;
  linted: number;
  wallMs: number;
  cpuMs: number;
  filesPerSec: number;
  status: number | null;
  error?: string;
}

function manyOf(what: string, all: Spawned[], runs: number): ManyFiles {
  const files = existsSync(MANY_DIR) ? readdirSync(MANY_DIR).length : 0;
  const last = all[all.length - 1]!;
  let linted = 0;
  let error: string | undefined;
  try {
    linted = (JSON.parse(last.stdout) as unknown[]).length;
  } catch {
    error = `no JSON report (exit ${last.status}): ${last.stderr.trim().split('\n').slice(0, 3).join(' / ')}`;
  }
  // A run that checked fewer files than the folder holds measured something else: say so, never a figure.
  if (error === undefined && linted !== files) error = `linted ${linted} of ${files} files (exit ${last.status}): not a figure of this run`;
  const wallMs = median(all.map((s) => s.wallMs));
  return { what, runs, files, linted, wallMs, cpuMs: median(all.map((s) => s.cpuMs)), filesPerSec: (linted / wallMs) * 1000, status: last.status, ...(error ? { error } : {}) };
}

export interface CliResult {
  bundle: { path: string; bytes: number; built: string } | null;
  cold: ColdStart[];
  many: ManyFiles[];
  /** The 1-, 5- and 15-minute load averages before and after. */
  load?: { before: number[]; after: number[] };
}

/** The `--concurrency` values timed on the 1,000 files. */
const CONCURRENCY = ['auto', 'off', '1', '2'] as const;

/** Times the bundled CLI (`clis`: other bundles too, interleaved; labels then name each). */
export function measureCli(runs = 20, clis: readonly string[] = [CLI]): CliResult {
  const found = clis.filter((c) => existsSync(c));
  if (found.length === 0) return { bundle: null, cold: [], many: [] };
  const before = loadavg();
  const st = statSync(found[0]!);
  const label = (what: string, k: number) => (found.length > 1 ? `${what} [${relative(ROOT, found[k]!) || found[k]}]` : what);
  const small = existsSync(MANY_DIR) ? join(MANY_DIR, readdirSync(MANY_DIR).sort()[0]!) : join(ROOT, 'samples', 'bracket-style.plan');
  const cold: ColdStart[] = [coldOf('node -e 0 (floor)', interleave(['-'], () => ['-e', '0'], runs)[0]!, runs)];
  const coldCases: Array<[string, string[]]> = [
    ['planlint --version', ['--version']],
    ['planlint --help', ['--help']],
    ['planlint one small plan', [small, '--no-color']],
  ];
  if (existsSync(planPath('40k'))) coldCases.push(['planlint 40 KB plan', [planPath('40k'), '--no-color']]);
  for (const [what, args] of coldCases) {
    interleave(found, (cli) => [cli, ...args], runs).forEach((all, k) => cold.push(coldOf(label(what, k), all, runs)));
  }
  const manyRuns = Math.max(1, Math.min(5, Math.round(runs / 4)));
  const manyResults: ManyFiles[] = [];
  if (existsSync(MANY_DIR)) {
    for (const c of CONCURRENCY) {
      const what = c === 'auto' ? '1,000 files, --concurrency auto' : `1,000 files, --concurrency ${c}`;
      // `--no-ignore`: bench/out/ is git-ignored, and a folder run passes over what .gitignore names (without it the
      // run linted nothing and exited 2, which the table showed as `0/1000 files`).
      const all = interleave(found, (cli) => [cli, MANY_DIR, '--no-ignore', '--format', 'json', '--no-progress', '--no-color', '--concurrency', c], manyRuns);
      all.forEach((runsOfCli, k) => manyResults.push(manyOf(label(what, k), runsOfCli, manyRuns)));
    }
  }
  return { bundle: { path: found[0]!, bytes: st.size, built: st.mtime.toISOString() }, cold, many: manyResults, load: { before, after: loadavg() } };
}

export function cliTable(r: CliResult): string {
  if (r.bundle === null) return 'dist/planlint.js not found: run npm run build first';
  const rows = [
    ...r.cold.map((c) => [c.what, fmt(c.wallMs, 0), fmt(c.cpuMs, 0), '', c.error ?? `exit ${c.status}`]),
    ...r.many.map((m) => [m.what, fmt(m.wallMs, 0), fmt(m.cpuMs, 0), fmt(m.filesPerSec, 0), m.error ?? `${m.linted}/${m.files} files, exit ${m.status}`]),
  ];
  const load = r.load ? `\nload average before ${r.load.before.map((x) => x.toFixed(2)).join(' ')}, after ${r.load.after.map((x) => x.toFixed(2)).join(' ')}` : '';
  return table(['CLI', 'wall ms', 'cpu ms', 'files/s', ''], rows) + load;
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  const clis = argv.flatMap((a, i) => (argv[i - 1] === '--cli' ? [resolve(a)] : []));
  const result = measureCli(Number(argValue(argv, '--runs') ?? 20), clis.length > 0 ? clis : [CLI]);
  if (argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else console.log(cliTable(result));
}
