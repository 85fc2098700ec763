// Word documents through the built CLI and language server: lint, text, table, the Word export read back, other formats refused.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { JsonFileResult } from '../../server/src/cli/format/json.js';
import { readDocx } from '../../server/src/docx/read.js';
import { toDocx } from '../../server/src/features/export.js';
import { taskRows, type TaskRow } from '../../server/src/features/task-table.js';
import { parsePlan } from '../../server/src/model/plan.js';
import { DOCX_SCHEME, DOCX_TEXT_REQUEST, type DocxTextResult } from '../../server/src/protocol.js';
import { cleanup, planlint, tempDir } from '../cli/run.js';
import { gongwenNumbering, makeDocx, p } from '../helpers/docx.js';
import { SAMPLES } from '../helpers/paths.js';
import { startServer, type LspClient } from '../lsp/client.js';

const TITLE = '关于推进政务公开的工作方案';

/** A Word-numbered plan: task 1 has its attribution, task 2 has none (PL001 and PL002 find it in paragraph 5). */
function wordPlan(): Uint8Array {
  const body = [
    p(TITLE),
    p('主要任务', { num: [1, 0] }),
    p('深化公开', { num: [1, 1] }),
    p('公开权力清单。（牵头单位：市政府办公室；完成时限：2021年底前）', { num: [1, 2] }),
    p('公开办事指南。', { num: [1, 2] }),
  ].join('');
  return makeDocx({ body, numbering: gongwenNumbering(), comments: `<w:comment w:id="0">${p('意见')}</w:comment>` });
}

const rowFacts = (rows: TaskRow[]) => rows.map((r) => ({ title: r.title, lead: r.lead, responsible: r.responsible, deadline: r.deadline?.text ?? null }));

describe('docx: the CLI and the language server', () => {
  let dir: string;
  before(() => {
    dir = tempDir();
    fs.writeFileSync(path.join(dir, '方案.docx'), wordPlan());
  });
  after(() => cleanup(dir));

  it('lints a .docx: stylish names the paragraph and quotes it', () => {
    const r = planlint(['方案.docx'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /任务“2\.公开办事指南”缺少牵头单位（第 5 段“2\.公开办事指南。”）/);
  });

  it('json has a paragraph field beside line and column; sarif and github carry it in the message', () => {
    const json = JSON.parse(planlint(['方案.docx', '-f', 'json'], { cwd: dir }).stdout) as JsonFileResult[];
    const d = json[0]!.diagnostics.find((x) => x.ruleId === 'PL001')!;
    assert.equal(d.line, 5);
    assert.deepEqual(d.paragraph, { kind: 'paragraph', paragraph: 5, quote: '2.公开办事指南。', text: '第 5 段“2.公开办事指南。”' });
    const sarif = JSON.parse(planlint(['方案.docx', '-f', 'sarif'], { cwd: dir }).stdout) as { runs: Array<{ results: Array<{ message: { text: string } }> }> };
    assert.ok(sarif.runs[0]!.results.some((x) => x.message.text.includes('第 5 段')));
    assert.match(planlint(['方案.docx', '-f', 'github'], { cwd: dir }).stdout, /::error file=方案\.docx,line=5,.*第 5 段/);
    const en = JSON.parse(planlint(['方案.docx', '-f', 'json', '--locale', 'en'], { cwd: dir }).stdout) as JsonFileResult[];
    assert.ok(en[0]!.diagnostics.some((x) => x.message.endsWith('(paragraph 5 "2.公开办事指南。")')));
  });

  it('says that comments were ignored; --fix on a .docx is refused with exit 2 and leaves the file alone', () => {
    const before = fs.readFileSync(path.join(dir, '方案.docx'));
    const r = planlint(['--fix', '方案.docx'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /批注不属于方案正文，已忽略/);
    assert.match(r.stderr, /--fix 不改写 Word 文件/);
    assert.deepEqual(fs.readFileSync(path.join(dir, '方案.docx')), before);
  });

  it('planlint text prints the extracted text; table and outline read the .docx', () => {
    const text = planlint(['text', '方案.docx'], { cwd: dir });
    assert.equal(text.code, 0);
    assert.equal(text.stdout, `${TITLE}\n一、主要任务\n（一）深化公开\n1.公开权力清单。（牵头单位：市政府办公室；完成时限：2021年底前）\n2.公开办事指南。\n`);
    const table = JSON.parse(planlint(['table', '方案.docx', '--format', 'json'], { cwd: dir }).stdout) as { tasks: TaskRow[] };
    assert.deepEqual(table.tasks.map((t) => [t.number, t.title, t.lead]), [['1.', '公开权力清单', ['市政府办公室']], ['2.', '公开办事指南', []]]);
    assert.match(planlint(['outline', '方案.docx'], { cwd: dir }).stdout, /（一）深化公开/);
  });

  it('a folder gives its .docx plans and leaves other Word files out', () => {
    const sub = path.join(dir, 'folder');
    fs.mkdirSync(sub);
    fs.writeFileSync(path.join(sub, 'plan.docx'), wordPlan());
    fs.writeFileSync(path.join(sub, 'letter.docx'), makeDocx({ body: p('关于召开会议的通知') + p('请准时参加。') }));
    const json = JSON.parse(planlint(['folder', '-f', 'json'], { cwd: dir }).stdout) as JsonFileResult[];
    // The other is listed as skipped: its text is a notice, not a plan.
    assert.deepEqual(json.map((f) => [f.path, f.skipReason]), [['folder/plan.docx', undefined], ['folder/letter.docx', 'other']]);
  });

  it('.doc, .wps, .pdf, .xlsx and zip named on the command line: a message naming the format, exit 2', () => {
    const cfb = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    fs.writeFileSync(path.join(dir, '旧方案.doc'), cfb);
    fs.writeFileSync(path.join(dir, '方案.wps'), cfb);
    fs.writeFileSync(path.join(dir, '方案.pdf'), '%PDF-1.7\n%\xe2\xe3\n');
    const r = planlint(['旧方案.doc'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /旧方案\.doc：这是Word 97-2003 文档（\.doc），planlint 不能直接读取：请在 Word 或 WPS 中“另存为” Word 文档（\.docx）后再检查/);
    assert.match(planlint(['方案.wps', '--locale', 'en'], { cwd: dir }).stderr, /WPS Writer document \(\.wps\).*save it as a Word document \(\.docx\)/);
    assert.match(planlint(['方案.pdf'], { cwd: dir }).stderr, /PDF 文件/);
    assert.equal(planlint(['table', '方案.pdf'], { cwd: dir }).code, 2);
  });

  it('exports the task table as .docx (a text plan too); the export read back gives the same rows', async () => {
    const sample = path.join(SAMPLES, 'paren-style.plan.txt');
    const out = path.join(dir, '任务分解表.docx');
    const r = planlint(['table', sample, '--format', 'docx', '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    const plan = parsePlan(fs.readFileSync(sample, 'utf8'));
    const rows = taskRows(plan);
    const back = readDocx(fs.readFileSync(out));
    if ('error' in back) assert.fail(back.error);
    assert.match(back.text, /^附件\n.*任务分解表\n\| 序号 \| 工作任务 \| 牵头单位 \| 责任单位 \| 完成时限 \|/);
    const read = taskRows(parsePlan(back.text));
    assert.deepEqual(rowFacts(read), rowFacts(rows));
    assert.deepEqual(read.map((x) => x.number), rows.map((x) => x.fullNumber));
    // In process, with the problems column, and from the Word plan through `-o` alone.
    const withProblems = readDocx(await toDocx(rows, { problems: true, title: plan.title }));
    assert.ok(!('error' in withProblems) && withProblems.text.includes('| 序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 | 问题 |'));
    assert.equal(planlint(['table', '方案.docx', '-o', '表.docx'], { cwd: dir }).code, 0);
    const fromWord = readDocx(fs.readFileSync(path.join(dir, '表.docx')));
    assert.ok(!('error' in fromWord) && fromWord.text.includes('| 一（一）1. | 公开权力清单 | 市政府办公室 |  | 2021年底前 |'));
  });

  describe('language server', () => {
    let client: LspClient;
    before(async () => {
      ({ client } = await startServer({ folders: [dir] }));
    });
    after(async () => {
      await client.shutdown();
    });

    it('planlint/docxText gives the text; diagnostics of the planlint-docx: view name the paragraph', async () => {
      const file = pathToFileURL(path.join(dir, '方案.docx')).href;
      const view = `${DOCX_SCHEME}:${file.slice('file:'.length)}`;
      const result = await client.request<DocxTextResult>(DOCX_TEXT_REQUEST, { uri: view });
      assert.equal(result.error, undefined);
      assert.ok(result.text.startsWith(TITLE));
      assert.ok(result.notes.some((n) => n.includes('批注')));
      client.open(view, result.text);
      const published = await client.waitForDiagnostics(view, (d) => d.diagnostics.length > 0);
      assert.ok(published.diagnostics.some((d) => d.message.endsWith('（第 5 段“2.公开办事指南。”）')), JSON.stringify(published.diagnostics.map((d) => d.message)));
      const missing = await client.request<DocxTextResult>(DOCX_TEXT_REQUEST, { uri: `${DOCX_SCHEME}:/nonexistent/x.docx` });
      assert.ok(missing.error !== undefined && missing.text === '');
    });
  });
});

