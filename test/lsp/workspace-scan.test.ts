// Tests for the workspace scan (run in-process here): which files are plans, the bounds, and what each entry holds.
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { isPlanFileName, mayBePlanFileName, namesPlan, runScanJob, type ScanMessage } from '../../server/src/lsp/workspace-scan.js';
import { sampleText, TempWorkspace } from './workspace.js';

const LIMITS = { maxFiles: 2000, maxBytes: 5 * 1024 * 1024, maxEntries: 200_000 };

async function run(job: Parameters<typeof runScanJob>[0]): Promise<ScanMessage[]> {
  const messages: ScanMessage[] = [];
  await runScanJob(job, (m) => messages.push(m), async () => {});
  return messages;
}

describe('workspace scan', () => {
  let ws: TempWorkspace;
  beforeEach(() => {
    ws = new TempWorkspace('planlint-scan-');
  });
  afterEach(() => ws.dispose());

  it('knows plans by name, or by a first line that names a plan', () => {
    assert.ok(isPlanFileName('a.plan') && isPlanFileName('x/a.plan.txt') && isPlanFileName('A.PLAN.MD'));
    assert.ok(!isPlanFileName('a.txt') && mayBePlanFileName('a.txt') && mayBePlanFileName('a.md') && !mayBePlanFileName('a.json'));
    assert.ok(namesPlan('\ufeff\n\n# 江宁市2025年法治政府建设工作要点\n…'));
    assert.ok(namesPlan('  青岚市法治政府建设實施方案\n'));
    assert.ok(!namesPlan('# 会议记录\n工作方案见附件'));
  });

  it("reads a file as a plan by the CLI's decision: the text, not its first line; the configuration's kind wins", async () => {
    assert.ok(mayBePlanFileName('a.text'));
    assert.ok(namesPlan('一、重点任务\n1.开展执法检查。由市司法局负责，2025年6月底前完成。\n'), 'work assigned, no title');
    assert.ok(!namesPlan('江宁市2024年法治政府建设情况的报告\n\n一年来，我市开展了执法检查。\n'), 'a report');
    assert.ok(namesPlan('江宁市2024年法治政府建设情况的报告\n', 'plan'));
    const body = ws.write('b/body.text', '一、重点任务\n1.开展执法检查。由市司法局负责，2025年6月底前完成。\n');
    ws.write('b/report.txt', '江宁市2024年法治政府建设情况的报告\n\n一年来，我市开展了执法检查。\n');
    ws.write('c/.planlintrc.json', JSON.stringify({ kind: 'report' }));
    ws.write('c/plan.txt', '江宁市2025年法治政府建设工作方案\n');
    const messages = await run({ kind: 'folders', folders: [ws.root], base: [], limits: LIMITS });
    const entries = messages.flatMap((m) => (m.kind === 'entries' ? m.entries : []));
    assert.deepEqual(entries.map((e) => e.uri), [pathToFileURL(body).href]);
  });

  it('indexes plan files in every folder, skipping node_modules, dot folders, non-plans and large files', async () => {
    const a = ws.copySample('bracket-style.plan', 'a/bracket.plan');
    const b = ws.copySample('sentence-style.plan.txt', 'b/sentence.txt');
    ws.write('b/notes.md', '# 会议记录\n\n不是方案。\n');
    ws.copySample('clean.plan.md', 'node_modules/pkg/clean.plan.md');
    ws.copySample('clean.plan.md', '.hidden/clean.plan.md');
    ws.write('big.plan', '江宁市工作方案\n' + '字'.repeat(3000));
    const messages = await run({ kind: 'folders', folders: [ws.root], base: [], limits: { ...LIMITS, maxBytes: 8000 } });
    const entries = messages.flatMap((m) => (m.kind === 'entries' ? m.entries : []));
    assert.deepEqual(entries.map((e) => e.uri).sort(), [pathToFileURL(a).href, pathToFileURL(b).href].sort());
    const bracket = entries.find((e) => e.uri === pathToFileURL(a).href)!;
    assert.equal(bracket.title, '青岚市法治政府建设实施方案(2017—2019年)');
    assert.equal(bracket.tasks.length, 15);
    assert.equal(bracket.tasks[0]!.number, '3.');
    assert.deepEqual(bracket.tasks[0]!.lead, ['市委编办']);
    assert.equal(bracket.tasks[0]!.deadline, '2017年12月底前');
    assert.ok(bracket.mentions.some((m) => m.name === '市政府法制办' && m.role === 'lead'));
    const done = messages.find((m) => m.kind === 'done');
    assert.deepEqual(done && { ...done, ms: 0 }, { kind: 'done', job: 'folders', examined: 4, indexed: 2, truncated: false, ms: 0 });
  });

  it('stops at the file limit and says so', async () => {
    for (let i = 0; i < 5; i++) ws.write(`p${i}.plan`, sampleText('inline.plan.txt'));
    const messages = await run({ kind: 'folders', folders: [ws.root], base: [], limits: { ...LIMITS, maxFiles: 3 } });
    const done = messages.find((m) => m.kind === 'done') as Extract<ScanMessage, { kind: 'done' }>;
    assert.equal(done.indexed, 3);
    assert.equal(done.truncated, true);
  });

  it('re-indexes named files; a file gone or no longer a plan is reported missing', async () => {
    const kept = ws.copySample('inline.plan.txt', 'kept.plan');
    const notPlan = ws.write('was-plan.txt', '会议记录\n');
    const gone = ws.path('gone.plan');
    const messages = await run({ kind: 'files', files: [kept, notPlan, gone], folders: [ws.root], base: [], limits: LIMITS });
    assert.deepEqual(messages.flatMap((m) => (m.kind === 'entries' ? m.entries.map((e) => e.uri) : [])), [pathToFileURL(kept).href]);
    assert.deepEqual(messages.find((m) => m.kind === 'missing'), { kind: 'missing', uris: [pathToFileURL(notPlan).href, pathToFileURL(gone).href] });
  });

  it('parses under the nearest config (non-task sections) and the settings layer', async () => {
    const text = '江宁市2025年工作方案\n\n一、专项行动\n\n（一）开展调研。\n\n（二）形成报告。\n\n二、日常工作\n\n（一）整理台账。\n';
    const plain = ws.write('plain.plan', text);
    const configured = ws.write('x/plan.plan', text);
    ws.write('x/.planlintrc.json', JSON.stringify({ extraNonTaskSections: ['专项行动'] }));
    const tasksOf = async (file: string, base: { extraNonTaskSections?: string[] }[] = []) => {
      const messages = await run({ kind: 'files', files: [file], folders: [ws.root], base, limits: LIMITS });
      return messages.flatMap((m) => (m.kind === 'entries' ? m.entries : []))[0]!.tasks.length;
    };
    assert.equal(await tasksOf(plain), 3);
    assert.equal(await tasksOf(configured), 1, '专项行动 assigns no work under x/');
    assert.equal(await tasksOf(plain, [{ extraNonTaskSections: ['日常工作'] }]), 2, 'the settings layer');
  });
});
