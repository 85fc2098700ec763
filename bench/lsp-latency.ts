// Language server latency bench (DESIGN §8): didChange → publishDiagnostics on a ~40 KB and a ~1 MB plan, completion latency, server memory.
// Run after `npm run build`: node out/bench/lsp-latency.js [--edits N] [--interval MS] [--server-flags "FLAGS"] [--json]. Prints a
// table (and, with --json, `LspLatency` as JSON on the last line); asserts nothing. `--server-flags` are node's flags for the
// server process (A/B of V8 flags such as `--max-semi-space-size=32`, or `--cpu-prof --cpu-prof-dir=DIR` to profile it).
import { pathToFileURL } from 'node:url';
import { positionAt, startServer, type LspClient } from '../test/lsp/client.js';

interface Stats {
  rss: number;
  heapUsed: number;
  documentChars: number;
  analyses: { count: number; totalMs: number; lastMs: number };
}

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 && Number.isFinite(Number(args[i + 1])) ? Number(args[i + 1]) : fallback;
};
const EDITS = arg('--edits', 200);
const INTERVAL = arg('--interval', 50);
const JSON_OUT = args.includes('--json');
const SERVER_FLAGS = args.includes('--server-flags') ? (args[args.indexOf('--server-flags') + 1] ?? '').split(/\s+/).filter(Boolean) : [];

/** One plan's figures, in milliseconds and bytes. */
export interface LspSizeFigures {
  label: '40 KB' | '1 MB';
  bytes: number;
  mode: 'sequential' | 'paced';
  edits: number;
  publishes: number;
  openMs: number;
  analysisMs: number;
  diagnostics: { p50: number; p95: number; max: number };
  completion: { p50: number; p95: number };
  rssBytes: number;
  /** The server's heap after GC with the document open, after every edit and completion. */
  heapBytes: number;
  /** The same once the document is closed (same warm server: compiled code, caches and feedback stay). */
  heapClosedBytes: number;
  /**
   * Heap the open document keeps per UTF-8 byte of its text: (heap with it open − heap once it is
   * closed) / bytes, both after GC. What DESIGN §8's "memory < 20× the text" is measured by.
   */
  retainedTimesText: number;
  /**
   * The former figure: (heap with it open − heap of the server after a 4 KB warm-up) / bytes. It also
   * counts what serving this document created once for any document (code compiled, inline caches,
   * type feedback, grown tables), so it overstates a small plan's cost.
   */
  retainedOverBaselineTimesText: number;
}

/** What `--json` prints. Sizes: 40 KB sequential, 1 MB paced, then 1 MB sequential (readers take the first of a label). */
export interface LspLatency {
  node: string;
  /** Node's flags for the server process (`--server-flags`). */
  serverFlags: string[];
  sizes: LspSizeFigures[];
}

const UNITS = ['市司法局', '市财政局', '市发展改革委', '市委编办', '市政务服务中心', '市市场监管局', '市生态环境局', '市应急管理局', '市人力资源社会保障局', '各区县(市)人民政府', '市直有关部门'];
const ACTIONS = ['深化', '健全', '规范', '推行', '加强', '完善', '落实', '推进'];
const THINGS = ['行政审批制度改革', '重大行政决策程序', '行政执法“三项制度”', '行政复议工作', '政务公开', '领导干部学法用法制度', '法治政府建设考核评价', '涉企行政检查'];
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Chinese numeral for 1–99. */
function cn(n: number): string {
  if (n <= 10) return CN[n - 1]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? CN[tens - 1] : ''}十${ones ? CN[ones - 1] : ''}`;
}

/**
 * A plan of about `bytes` UTF-8 bytes: chapters `一、` with continuously numbered bracket-style tasks, each
 * with lead and responsible units and a deadline, built by repeating and renumbering one task pattern.
 */
export function generatePlan(bytes: number): string {
  const parts = ['江宁市法治政府建设实施方案(2024—2026年)', '', '为推进依法行政，结合我市实际，制定本实施方案。', ''];
  let size = Buffer.byteLength(parts.join('\n'));
  let task = 0;
  for (let chapter = 1; size < bytes; chapter++) {
    const heading = `${cn(((chapter - 1) % 99) + 1)}、重点任务第${chapter}部分`;
    parts.push(heading, '');
    size += Buffer.byteLength(heading) + 2;
    for (let k = 0; k < 8 && size < bytes; k++) {
      task++;
      const lead = UNITS[task % UNITS.length]!;
      const resp = `${UNITS[(task + 3) % UNITS.length]}、${UNITS[(task + 5) % UNITS.length]}`;
      const month = (task % 12) + 1;
      const line = `${task}.${ACTIONS[task % ACTIONS.length]}${THINGS[task % THINGS.length]}。对照法律法规立改废释情况，全面梳理权责事项，及时调整并向社会公布，确保各项措施落到实处。[牵头单位:${lead};责任单位:${resp};完成时限:${2024 + (task % 3)}年${month}月底前]`;
      parts.push(line, '');
      size += Buffer.byteLength(line) + 2;
    }
  }
  return parts.join('\n');
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

/** Where single-character edits go: inside task titles, spread over the document. */
function editOffsets(text: string, n: number): number[] {
  const spots: number[] = [];
  const re = /\n\d+\.(?=[\u4e00-\u9fff])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) spots.push(m.index + m[0].length + 1);
  return Array.from({ length: n }, (_, i) => spots[Math.floor((i * spots.length) / n)]!);
}

/** Sequential: each edit waits for its diagnostics. Returns latencies (ms). */
async function sequentialEdits(client: LspClient, uri: string, text: string, version: number, n: number): Promise<{ latencies: number[]; text: string; version: number }> {
  const latencies: number[] = [];
  let offset = 0;
  for (const at of editOffsets(text, n)) {
    const o = at + offset;
    const pos = positionAt(text, o);
    const v = ++version;
    const t0 = performance.now();
    client.change(uri, v, [{ range: { start: pos, end: pos }, text: '改' }]);
    text = text.slice(0, o) + '改' + text.slice(o);
    offset++;
    await client.waitForDiagnostics(uri, (p) => (p.version ?? 0) >= v, 120_000);
    latencies.push(performance.now() - t0);
  }
  return { latencies, text, version };
}

/** Paced: edits every `interval` ms as a person types; latency of an edit = until diagnostics of it or a later version arrive. */
async function pacedEdits(client: LspClient, uri: string, text: string, version: number, n: number, interval: number): Promise<{ latencies: number[]; publishes: number; text: string; version: number }> {
  const sent = new Map<number, number>();
  const latencies: number[] = [];
  const before = client.published.length;
  let offset = 0;
  for (const at of editOffsets(text, n)) {
    const o = at + offset;
    const pos = positionAt(text, o);
    const v = ++version;
    sent.set(v, performance.now());
    client.change(uri, v, [{ range: { start: pos, end: pos }, text: '改' }]);
    text = text.slice(0, o) + '改' + text.slice(o);
    offset++;
    await new Promise((r) => setTimeout(r, interval));
  }
  await client.waitForDiagnostics(uri, (p) => p.version === version, 600_000);
  // The client timestamps publishes as they arrive.
  const arrivals = client.published.slice(before).filter((p) => p.uri === uri);
  for (const [v, t] of sent) {
    const first = arrivals.find((p) => (p.version ?? 0) >= v);
    if (first?.receivedAt !== undefined) latencies.push(first.receivedAt - t);
  }
  return { latencies, publishes: arrivals.length, text, version };
}

async function completionLatency(client: LspClient, uri: string, text: string, n: number): Promise<number[]> {
  const at = text.indexOf('[牵头单位:') + 6;
  const position = positionAt(text, at);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await client.request('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 1 } });
    out.push(performance.now() - t0);
  }
  return out;
}

/** The server's memory after GC (twice: the first may leave what finalizers release). */
async function collected(client: LspClient): Promise<Stats> {
  await client.request<Stats>('planlint/stats', { gc: true });
  await new Promise((r) => setTimeout(r, 20));
  return client.request<Stats>('planlint/stats', { gc: true });
}

async function main(): Promise<void> {
  const rows: string[][] = [];
  const sizes: LspSizeFigures[] = [];
  const { client } = await startServer({ initializationOptions: { workspaceIndex: false }, execArgv: ['--expose-gc', ...SERVER_FLAGS] });
  // Warm up (code compiled, caches filled) on a small plan.
  client.open('untitled:warmup.plan', generatePlan(4 * 1024));
  await client.waitForDiagnostics('untitled:warmup.plan', () => true, 60_000);
  client.close('untitled:warmup.plan');
  await new Promise((r) => setTimeout(r, 100));
  const base = await collected(client);
  for (const [label, bytes, mode] of [
    ['40 KB', 40 * 1024, 'sequential'],
    ['1 MB', 1024 * 1024, 'paced'],
    ['1 MB', 1024 * 1024, 'sequential'],
  ] as const) {
    const text = generatePlan(bytes);
    const uri = `untitled:bench-${label.replace(' ', '')}-${mode}.plan`;
    const t0 = performance.now();
    client.open(uri, text);
    await client.waitForDiagnostics(uri, () => true, 600_000);
    const openMs = performance.now() - t0;
    const firstAnalysis = (await client.request<Stats>('planlint/stats', null)).analyses.lastMs;
    const run =
      mode === 'sequential'
        ? { ...(await sequentialEdits(client, uri, text, 1, EDITS)), publishes: EDITS }
        : await pacedEdits(client, uri, text, 1, EDITS, INTERVAL);
    const completion = await completionLatency(client, uri, run.text, 200);
    const peak = await client.request<Stats>('planlint/stats', null);
    const open = await collected(client);
    client.close(uri);
    await new Promise((r) => setTimeout(r, 100));
    const closed = await collected(client);
    const textBytes = Buffer.byteLength(run.text);
    const figures: LspSizeFigures = {
      label,
      bytes: Buffer.byteLength(text),
      mode,
      edits: EDITS,
      publishes: run.publishes,
      openMs,
      analysisMs: firstAnalysis,
      diagnostics: { p50: percentile(run.latencies, 50), p95: percentile(run.latencies, 95), max: Math.max(...run.latencies) },
      completion: { p50: percentile(completion, 50), p95: percentile(completion, 95) },
      rssBytes: peak.rss,
      heapBytes: open.heapUsed,
      heapClosedBytes: closed.heapUsed,
      retainedTimesText: (open.heapUsed - closed.heapUsed) / textBytes,
      retainedOverBaselineTimesText: (open.heapUsed - base.heapUsed) / textBytes,
    };
    sizes.push(figures);
    rows.push([
      `${label} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KB, ${text.length} chars)`,
      mode === 'sequential' ? `${EDITS} sequential` : `${EDITS} every ${INTERVAL} ms (${run.publishes} publishes)`,
      fmt(openMs),
      fmt(firstAnalysis),
      fmt(figures.diagnostics.p50),
      fmt(figures.diagnostics.p95),
      fmt(figures.diagnostics.max),
      fmt(figures.completion.p50),
      fmt(figures.completion.p95),
      mb(peak.rss),
      mb(open.heapUsed),
      figures.retainedTimesText.toFixed(1),
      figures.retainedOverBaselineTimesText.toFixed(1),
    ]);
  }
  await client.shutdown();
  const head = ['plan', 'edits', 'open→diag ms', 'analysis ms', 'diag p50', 'diag p95', 'diag max', 'compl p50', 'compl p95', 'RSS MB', 'heap MB (after GC)', 'retained / text', 'over warm-up / text'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  console.log(line(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(line(r));
  console.log(`\nbudget (DESIGN §8): diagnostics ≤ 20 ms after an edit on 40 KB, ≤ 100 ms on 1 MB; completion ≤ 10 ms; memory < 20× the text.`);
  console.log(`"analysis ms" is one analyze() in the server (lex + parse + model + rules).`);
  console.log(`"retained / text" is what the open document keeps: the server's heap after GC with the document open (after its edits and completions) minus the heap after GC once it is closed, per UTF-8 byte of its text.`);
  console.log(`"over warm-up / text" is the former figure: heap with the document open minus the heap after a 4 KB warm-up; it also counts what serving the document built once for any document (compiled code, inline caches, type feedback).`);
  console.log(`node ${process.version}, ${process.platform} ${process.arch}${SERVER_FLAGS.length > 0 ? `; server flags ${SERVER_FLAGS.join(' ')}` : ''}`);
  if (JSON_OUT) console.log(JSON.stringify({ node: process.version, serverFlags: SERVER_FLAGS, sizes } satisfies LspLatency));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
