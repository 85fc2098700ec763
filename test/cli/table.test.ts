// `planlint table` (csv, md, json, xlsx, the problems column) through the built binary, and the export writers in-process.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { neutralizeFormula, toCsv, toJson, type ExportRow } from '../../server/src/features/export.js';
import { problemsByTask, taskRows } from '../../server/src/features/task-table.js';
import { lint } from '../helpers/lint.js';
import { parsePlan } from '../../server/src/model/plan.js';
import { spawnSync } from 'node:child_process';
import { ROOT } from '../helpers/paths.js';
import { BIN, cleanup, expectCode, planlint, tempDir, unzip } from './run.js';

const ROW: ExportRow = {
  number: '1.',
  title: '完成“三项制度”, 其中 "公示"\n部分',
  line: 3,
  lead: ['=HYPERLINK("http://x")', '市司法局'],
  responsible: ['+各区县', '@市直'],
  deadline: { text: '-2025年底前', end: '2025-12-31', ongoing: false },
  inherited: { lead: false, deadline: false },
  fullNumber: '二（三）1.',
  section: '二、重点任务 / （三）深化改革',
  problems: [{ ruleId: 'PL002', message: '缺少完成时限' }],
};

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF records). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

describe('export writers', () => {
  it('neutralizeFormula defuses = + - @ tab CR and leaves other text alone', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '\0=1', '\u0085=1', '＝1+1', '＋1', '－1', '＠SUM(A1)']) assert.equal(neutralizeFormula(s), `'${s}`);
    for (const s of ['市司法局', '1.', '', ' =1', '（一）']) assert.equal(neutralizeFormula(s), s);
  });

  it('CSV: BOM, CRLF records, RFC 4180 quoting, defused cells, the problems column', () => {
    const csv = toCsv([ROW], { problems: true });
    assert.ok(csv.startsWith('\uFEFF序号,所属部分,任务,牵头单位,责任单位,完成时限,行号,问题\r\n'));
    assert.ok(csv.endsWith('\r\n'));
    const rows = parseCsv(csv.slice(1));
    assert.deepEqual(rows[1], [
      '二（三）1.',
      '二、重点任务 / （三）深化改革',
      '完成“三项制度”, 其中 "公示"\n部分',
      '\'=HYPERLINK("http://x")、市司法局',
      "'+各区县、@市直",
      "'-2025年底前",
      '3',
      'PL002 缺少完成时限',
    ]);
    assert.ok(csv.includes('"完成“三项制度”, 其中 ""公示""\n部分"'), 'quotes doubled inside a quoted field');
    assert.equal(parseCsv(toCsv([ROW]).slice(1))[0]!.length, 7, 'no problems column unless asked');
    assert.equal(parseCsv(toCsv([ROW], { locale: 'en' }).slice(1))[0]!.join(','), 'No.,Section,Task,Lead units,Responsible units,Deadline,Line');
  });

  it('JSON keeps the stable shape and drops fields it does not know', () => {
    const rich = { ...ROW, range: { start: 0 }, daysLeft: 3 } as ExportRow;
    const parsed = JSON.parse(toJson('a.plan', [rich])) as { file: string; tasks: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(parsed), ['file', 'tasks']);
    assert.deepEqual(Object.keys(parsed.tasks[0]!), ['number', 'title', 'line', 'lead', 'responsible', 'deadline', 'inherited', 'fullNumber', 'section']);
    assert.equal(parsed.tasks[0]!['fullNumber'], '二（三）1.');
    const withProblems = JSON.parse(toJson('a.plan', [rich], { problems: true })) as { tasks: Record<string, unknown>[] };
    assert.deepEqual(withProblems.tasks[0]!['problems'], [{ ruleId: 'PL002', message: '缺少完成时限' }]);
  });

  it('problemsByTask puts each finding on the task whose text holds it', () => {
    const text = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'cli', 'one-error.plan'), 'utf8');
    const plan = parsePlan(text);
    const problems = problemsByTask(plan, lint(text));
    assert.deepEqual(problems.map((p) => p.map((x) => x.ruleId)), [[], ['PL001']]);
    assert.equal(problems[1]![0]!.line, 5);
    assert.equal(taskRows(plan).length, 2);
  });
});

describe('planlint table', () => {
  it('md by default, the current shape', () => {
    const r = planlint(['table', 'samples/clean.plan.md']);
    expectCode(r, 0);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines[0], '| 序号 | 所属部分 | 任务 | 牵头单位 | 责任单位 | 完成时限 | 行号 |');
    assert.equal(lines.length, 2 + 9, 'header, rule, nine tasks');
  });

  it('md with --problems adds the 问题 column', () => {
    const r = planlint(['table', 'test/fixtures/cli/one-error.plan', '--problems']);
    expectCode(r, 0);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines[0], '| 序号 | 所属部分 | 任务 | 牵头单位 | 责任单位 | 完成时限 | 行号 | 问题 |');
    assert.match(lines[3]!, /^\| 一（二） \| 一、重点任务 \| 加强行政执法监督 \|  \| 市财政局、市审计局 \| 2025年9月底前 \| 5 \| PL001 任务“（二）加强行政执法监督”列有多个责任单位，未写明由哪个单位牵头 \|$/);
    assert.match(lines[2]!, / \|  \|$/, 'a task without findings has an empty cell');
  });

  it('json: {file, tasks:[{number,title,line,lead,responsible,deadline,inherited}]}', () => {
    const r = planlint(['table', 'samples/paren-style.plan.txt', '--format', 'json']);
    expectCode(r, 0);
    const t = JSON.parse(r.stdout) as { file: string; tasks: Array<Record<string, unknown>> };
    assert.equal(t.file, 'samples/paren-style.plan.txt');
    assert.equal(t.tasks.length, 13);
    for (const task of t.tasks) assert.deepEqual(Object.keys(task), ['number', 'title', 'line', 'lead', 'responsible', 'deadline', 'inherited', 'fullNumber', 'section']);
    const inherited = t.tasks.find((x) => x['line'] === 17)!;
    assert.deepEqual(inherited['inherited'], { lead: true, deadline: false });
    const ongoing = t.tasks.find((x) => x['line'] === 31)!;
    assert.deepEqual(ongoing['deadline'], { text: '长期坚持', end: null, ongoing: true });
  });

  it('csv: BOM, header, one record per task, defused', () => {
    const r = planlint(['table', 'samples/bracket-style.plan', '--format', 'csv', '--problems']);
    expectCode(r, 0);
    assert.deepEqual([...r.stdoutBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = parseCsv(r.stdout.slice(1));
    assert.deepEqual(rows[0], ['序号', '所属部分', '任务', '牵头单位', '责任单位', '完成时限', '行号', '问题']);
    assert.equal(rows.length, 1 + 15);
    assert.ok(rows.every((row) => row.length === 8));
    const dup = rows.filter((row) => row[0]!.endsWith('14.'))[1]!;
    assert.deepEqual(dup[7]!.split('\n').map((p) => p.slice(0, 5)), ['PL001', 'PL004', 'PL010']);
  });

  it('xlsx to a file: a zip with the sheet, the Chinese header and the defused cells', () => {
    const dir = tempDir();
    try {
      const plan = path.join(dir, 'inject.plan');
      fs.writeFileSync(plan, '测试工作方案\n一、重点任务\n（一）=HYPERLINK("x")任务。[牵头单位：@市司法局；完成时限：2025年底前]\n');
      const out = path.join(dir, 'tasks.xlsx');
      const r = planlint(['table', plan, '-o', out, '--problems']);
      expectCode(r, 0);
      const bytes = fs.readFileSync(out);
      assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
      const entries = unzip(bytes);
      assert.ok(entries.has('xl/worksheets/sheet1.xml'), [...entries.keys()].join(', '));
      const xml = [...entries.values()].map((b) => b.toString('utf8')).join('\n');
      for (const heading of ['序号', '所属部分', '任务', '牵头单位', '责任单位', '完成时限', '行号', '问题']) assert.ok(xml.includes(`>${heading}<`), heading);
      assert.ok(xml.includes('任务分解表'), 'the sheet is named');
      assert.ok(xml.includes('&apos;@市司法局') || xml.includes("'@市司法局"), 'the lead cell is defused');
      assert.ok(!/<f>/.test(xml), 'no formula anywhere');
      assert.match(entries.get('xl/worksheets/sheet1.xml')!.toString('utf8'), /<col [^>]*width=/);
    } finally {
      cleanup(dir);
    }
  });

  it('xlsx to a pipe is allowed (binary on stdout)', () => {
    const r = planlint(['table', 'samples/clean.plan.md', '--format', 'xlsx']);
    expectCode(r, 0);
    assert.ok(unzip(r.stdoutBytes).has('xl/worksheets/sheet1.xml'));
  });

  it('xlsx is refused on a terminal (through script(1)), exit 2', function () {
    if (spawnSync('script', ['--version']).error || process.platform !== 'linux') this.skip();
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} table samples/clean.plan.md --format xlsx; echo "exit=$?"`;
    const r = spawnSync('script', ['-qfec', cmd, '/dev/null'], { cwd: ROOT, timeout: 60_000 });
    const out = r.stdout.toString('utf8');
    assert.match(out, /XLSX 是二进制文件，不输出到终端/);
    assert.match(out, /exit=2/);
    assert.ok(!out.includes('PK\u0003\u0004'), 'no zip bytes on the terminal');
  });

  it('-o with a .csv extension picks the format; the file is written atomically', () => {
    const dir = tempDir();
    try {
      const r = planlint(['table', 'samples/clean.plan.md', '-o', path.join(dir, 'out.csv')]);
      expectCode(r, 0);
      assert.ok(fs.readFileSync(path.join(dir, 'out.csv'), 'utf8').startsWith('\uFEFF序号,'));
      assert.deepEqual(fs.readdirSync(dir), ['out.csv']);
    } finally {
      cleanup(dir);
    }
  });

  it('reads GB18030 and stdin', () => {
    const gb = planlint(['table', 'test/fixtures/encoding/gb18030.plan.txt', '--format', 'json']);
    expectCode(gb, 0);
    assert.deepEqual((JSON.parse(gb.stdout) as { tasks: Array<{ lead: string[] }> }).tasks.map((t) => t.lead), [['市司法局'], ['市政府办公室']]);
    const stdin = planlint(['table', '-', '--format', 'json'], { input: fs.readFileSync(path.join(ROOT, 'test/fixtures/encoding/gb18030.plan.txt')) });
    expectCode(stdin, 0);
    assert.equal((JSON.parse(stdin.stdout) as { file: string; tasks: unknown[] }).tasks.length, 2);
  });

  it('--unit and --only keep the tasks a unit leads or joins, in a state; --only problems needs no --problems', () => {
    const unit = planlint(['table', 'samples/inline.plan.txt', '--format', 'json', '--unit', '市委编办']);
    expectCode(unit, 0);
    const tasks = (JSON.parse(unit.stdout) as { tasks: { lead: string[]; responsible: string[]; fullNumber: string }[] }).tasks;
    assert.deepEqual(tasks.map((t) => t.fullNumber), ['三（一）2.（2）']);
    const noLead = planlint(['table', 'samples/bracket-style.plan', '--format', 'csv', '--only', 'no-lead']);
    expectCode(noLead, 0);
    const rows = parseCsv(noLead.stdout.slice(1));
    assert.ok(rows.length > 1 && rows.slice(1).every((r) => r[3] === ''), JSON.stringify(rows));
    const overdue = planlint(['table', 'samples/inline.plan.txt', '--format', 'json', '--only', 'overdue'], { env: { PLANLINT_TODAY: '2022-06-15' } });
    expectCode(overdue, 0);
    assert.deepEqual((JSON.parse(overdue.stdout) as { tasks: { deadline: { end: string } }[] }).tasks.map((t) => t.deadline.end), ['2022-05-31']);
    const problems = planlint(['table', 'samples/bracket-style.plan', '--only', 'problems']);
    expectCode(problems, 0);
    assert.ok(problems.stdout.trim().split('\n').length > 2);
    const bad = planlint(['table', 'samples/clean.plan.md', '--only', 'nolead']);
    expectCode(bad, 2);
    assert.match(bad.stderr, /no-lead/);
  });

  it('usage errors: no file, two files, an unknown format, a binary file', () => {
    expectCode(planlint(['table']), 2);
    expectCode(planlint(['table', 'a.plan', 'b.plan']), 2);
    const bad = planlint(['table', 'samples/clean.plan.md', '--format', 'xls']);
    expectCode(bad, 2);
    assert.match(bad.stderr, /是否想写“xlsx”/);
    expectCode(planlint(['table', 'test/fixtures/cli/binary.plan']), 2);
    expectCode(planlint(['table', 'no-such.plan']), 2);
  });
});

describe('planlint outline', () => {
  it('prints the outline with leads and deadlines', () => {
    const r = planlint(['outline', 'test/fixtures/cli/one-error.plan']);
    expectCode(r, 0);
    assert.equal(
      r.stdout,
      [
        '江宁市2025年度测试工作要点',
        '  〔判断为方案：标题为方案类文件（江宁市2025年度测试工作要点）；正文分配任务（牵头、责任单位、完成时限）；写有完成时限（2025年6月底前、2025年9月底前）〕',
        '  一、重点任务',
        '    （一）完善行政决策制度  〔牵头：市司法局；时限：2025年6月底前〕',
        '    （二）加强行政执法监督  〔牵头：—；时限：2025年9月底前〕',
        '',
      ].join('\n'),
    );
  });

  it('reads GB18030', () => {
    const r = planlint(['outline', 'test/fixtures/encoding/gb18030.plan.txt']);
    expectCode(r, 0);
    assert.match(r.stdout, /^市司法局2021年法治政府建设工作方案\n  〔判断为方案/);
  });
});
