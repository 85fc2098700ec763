// Server soak (DESIGN §9): thousands of random incremental edits compared with fresh analyses of the same text, and memory over open/close cycles of a 1 MB plan.
// Sizes: SOAK_EDITS and SOAK_CYCLES (`npm run fuzz` sets 10,000 and 200); small by default so that `npm test` stays quick.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { generatePlan } from '../../bench/lsp-latency.js';
import { positionAt, startServer, type Diagnostic, type LspClient } from '../lsp/client.js';
import { sampleText } from '../lsp/workspace.js';

const EDITS = Number(process.env['SOAK_EDITS'] ?? 600);
const CYCLES = Number(process.env['SOAK_CYCLES'] ?? 12);
const TODAY = '2025-06-01';

/** A diagnostic without its `data` (which names the version it was computed for). */
const sig = (ds: Diagnostic[]) => ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.message}`).sort();

/** What the server says about a document: diagnostics of `version`, symbols, folding ranges. */
async function viewOf(client: LspClient, uri: string, version: number): Promise<{ diagnostics: string[]; symbols: unknown; folding: unknown }> {
  const published = await client.waitForDiagnostics(uri, (p) => p.version === version, 60_000);
  const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  const folding = await client.request('textDocument/foldingRange', { textDocument: { uri } });
  return { diagnostics: sig(published.diagnostics), symbols, folding };
}

/** Pieces edits insert: markers, attribution clauses, units, deadlines, breaks (LF and CRLF), an astral character. */
const PIECES = ['一、', '（一）', '(二)', '1.', '2、', '①', '一是', '【牵头单位：', '[牵头单位:', '市司法局', '市财政局', '；', '责任单位：', '完成时限：2025年底前', '】', ']', '。', '\n', '\r\n', '\n\n', '、', '（', '）', '𠀀', '由', '牵头', '负责', '| 序号 | 任务 | 牵头单位 |\n', '长期坚持', ' '];

describe('server soak: incremental edits against fresh analyses', function () {
  this.timeout(0);
  let client: LspClient;
  before(async () => {
    ({ client } = await startServer({ initializationOptions: { today: TODAY, workspaceIndex: false } }));
  });
  after(async () => client?.shutdown());

  it(`${EDITS} random incremental edits (ranges, several changes per notification): diagnostics, symbols and folding equal a fresh analysis at every checkpoint`, async () => {
    const uri = 'untitled:soak.plan';
    let text = sampleText('bracket-style.plan');
    let version = 1;
    client.open(uri, text);
    const edit = fc.tuple(fc.nat(), fc.nat(12), fc.constantFrom(...PIECES), fc.constantFrom('insert', 'delete', 'replace'));
    const batches = fc.sample(fc.array(edit, { minLength: 1, maxLength: 3 }), { numRuns: EDITS, seed: Number(process.env['FC_SEED'] ?? 17) || 17 });
    const checkEvery = Math.max(25, Math.floor(EDITS / 100));
    let mismatches = 0;
    let checkpoints = 0;
    const check = async () => {
      checkpoints++;
      const fresh = `untitled:soak-fresh-${checkpoints}.plan`;
      const edited = await viewOf(client, uri, version);
      client.open(fresh, text);
      const reference = await viewOf(client, fresh, 1);
      client.close(fresh);
      try {
        assert.deepEqual(edited, reference);
      } catch (e) {
        mismatches++;
        if (mismatches <= 3) console.error(`checkpoint ${checkpoints} (version ${version}): ${String(e).slice(0, 1500)}`);
      }
    };
    for (let n = 0; n < batches.length; n++) {
      const changes = [];
      for (const [at0, len, piece, kind] of batches[n]!) {
        // Each change applies to the text left by the previous one, as LSP says.
        let at = at0 % (text.length + 1);
        // Never split a surrogate pair or a CRLF: clients send whole characters.
        if (at > 0 && at < text.length && /[\udc00-\udfff\n]/.test(text[at]!) && /[\ud800-\udbff\r]/.test(text[at - 1]!)) at--;
        let end = kind === 'insert' ? at : Math.min(text.length, at + len);
        if (end > 0 && end < text.length && /[\udc00-\udfff\n]/.test(text[end]!) && /[\ud800-\udbff\r]/.test(text[end - 1]!)) end++;
        const newText = kind === 'delete' ? '' : piece;
        changes.push({ range: { start: positionAt(text, at), end: positionAt(text, end) }, text: newText });
        text = text.slice(0, at) + newText + text.slice(end);
      }
      client.change(uri, ++version, changes);
      if ((n + 1) % checkEvery === 0) await check();
    }
    await check();
    assert.equal(mismatches, 0, `${mismatches} of ${checkpoints} checkpoints differ from a fresh analysis`);
  });
});

describe('server soak: memory over open/close cycles of a 1 MB plan', function () {
  this.timeout(0);
  let client: LspClient;
  before(async () => {
    ({ client } = await startServer({ execArgv: ['--expose-gc'], initializationOptions: { today: TODAY, workspaceIndex: false } }));
  });
  after(async () => client?.shutdown());

  it(`RSS and the heap stay flat over ${CYCLES} cycles`, async () => {
    type Stats = { rss: number; heapUsed: number; documents: number };
    const text = generatePlan(1024 * 1024);
    const warmup = Math.max(2, Math.floor(CYCLES / 10));
    const every = Math.max(1, Math.floor((CYCLES - warmup) / 10));
    const samples: Array<{ cycle: number } & Stats> = [];
    for (let i = 1; i <= CYCLES; i++) {
      const uri = `untitled:big-${i}.plan`;
      client.open(uri, text);
      await client.waitForDiagnostics(uri, () => true, 120_000);
      client.close(uri);
      await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, 60_000);
      client.diagnostics.delete(uri); // the test client's own memory
      if (i === CYCLES || (i >= warmup && (i - warmup) % every === 0)) samples.push({ cycle: i, ...(await client.request<Stats>('planlint/stats', { gc: true })) });
    }
    const mb = (n: number) => (n / 1048576).toFixed(1);
    console.log(`      ${CYCLES} cycles of a ${mb(Buffer.byteLength(text))} MB plan, after GC (cycle: RSS / heap MB): ${samples.map((s) => `${s.cycle}: ${mb(s.rss)}/${mb(s.heapUsed)}`).join(', ')}`);
    const base = samples[0]!;
    const end = samples[samples.length - 1]!;
    // RSS after GC moves between two plateaus tens of MB apart as the allocator keeps or returns pages (a sample may
    // fall on either): growth in the second half is measured from the first half's highest sample, not from one.
    const firstHalfHigh = Math.max(...samples.slice(0, Math.floor(samples.length / 2) + 1).map((s) => s.rss));
    assert.equal(end.documents, 0);
    // A leak of one document's analysis per cycle would add several MB a cycle (over a GB in all); the
    // allocator's own settling (RSS a few tens of MB above the first sample, flat in the second half) is allowed.
    assert.ok(end.heapUsed - base.heapUsed < 16 * 1048576, `heap grew ${mb(end.heapUsed - base.heapUsed)} MB`);
    assert.ok(end.rss - base.rss < 64 * 1048576, `RSS grew ${mb(end.rss - base.rss)} MB`);
    assert.ok(end.rss - firstHalfHigh < 32 * 1048576, `RSS still growing in the second half: ${mb(end.rss - firstHalfHigh)} MB`);
  });
});
