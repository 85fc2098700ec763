// The task table's model: full numbers, the section column, the line, filters, the problems column, and every export format.
import assert from 'node:assert/strict';
import { exportTable, toCsv, toJson, toMarkdown } from '../../server/src/features/export.js';
import { filterRows, isOverdue, readFilter, rowMatches, type TableFilter } from '../../server/src/features/table-filter.js';
import { taskRows, taskRowsWithProblems, type TaskRow } from '../../server/src/features/task-table.js';
import { parsePlan } from '../../server/src/model/plan.js';
import { createPlanService } from '../../server/src/service.js';
import { unzip } from '../cli/run.js';
import { TODAY } from '../helpers/lint.js';

/** A plan whose parts each number their tasks from `1、`, with every marker level and a half-width heading. */
const NESTED = [
  '青禾县2025年依法行政工作方案',
  '一、总体要求',
  '坚持依法行政。',
  '二、主要任务',
  '(一)健全制度',
  '1、清理规范性文件。[牵头单位:县司法局;责任单位:县级各部门;完成时限:2025年6月底前]',
  '2、完善决策程序。[牵头单位:县政府办公室;完成时限:长期坚持]',
  '（二）规范执法',
  '1、推行执法公示。[牵头单位:县司法局、县市场监管局;责任单位:各执法部门]',
  '2、开展案卷评查。',
  '（1）制定评查标准。[牵头单位:县司法局;完成时限:2025年3月底前]',
  '（2）组织集中评查。[责任单位:各执法部门、县档案局;完成时限:2025年11月底前]',
  '三、监督问责',
  '1、落实备案审查。[牵头单位:县人大常委会办公室;完成时限:2025年9月底前]',
  '',
].join('\n');

function rowsOf(text: string): TaskRow[] {
  return taskRows(parsePlan(text));
}

describe('task table: numbers, sections, lines', () => {
  const rows = rowsOf(NESTED);

  it('gives each task its full number in standard form, so that three `1、` stay apart', () => {
    assert.deepEqual(
      rows.map((r) => r.number),
      ['1、', '2、', '1、', '（1）', '（2）', '1、'],
    );
    assert.deepEqual(
      rows.map((r) => r.fullNumber),
      ['二（一）1.', '二（一）2.', '二（二）1.', '二（二）2.（1）', '二（二）2.（2）', '三1.'],
    );
    assert.equal(new Set(rows.map((r) => r.fullNumber)).size, rows.length, 'full numbers are unique');
  });

  it('names the headings above each task, outermost first, with their markers in standard form', () => {
    assert.equal(rows[0]!.section, '二、主要任务 / （一）健全制度');
    assert.equal(rows[3]!.section, '二、主要任务 / （二）规范执法 / 2.开展案卷评查');
    assert.equal(rows[5]!.section, '三、监督问责');
  });

  it('keeps the 1-based line of each task', () => {
    const lines = NESTED.split('\n');
    for (const row of rows) assert.ok(lines[row.line - 1]!.includes(row.title), `${row.fullNumber} at line ${row.line}`);
  });

  it('a level-1 task keeps its `、`; a task of a task table keeps its 序号 cell and has no section', () => {
    const top = rowsOf('某市2025年工作要点\n一、建立台账。[牵头单位:市司法局;完成时限:2025年底前]\n二、开展培训。[牵头单位:市人社局;完成时限:2025年底前]\n');
    assert.deepEqual(top.map((r) => [r.fullNumber, r.section]), [['一、', ''], ['二、', '']]);
    const table = rowsOf(
      ['某市2025年工作方案', '', '| 序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 |', '| --- | --- | --- | --- | --- |', '| 1 | 清理文件 | 市司法局 | 市直各部门 | 2025年6月底前 |', ''].join('\n'),
    );
    assert.deepEqual(table.map((r) => [r.number, r.fullNumber, r.section]), [['1', '1', '']]);
  });

  it('gives a decimal marker its own numbers as its full number, past the markers they carry (`1.1` under `一、`)', () => {
    const decimal = rowsOf(
      [
        '某县2025年数字乡村建设工作方案',
        '一、重点任务',
        '1.1 完善光纤网络。[牵头单位:县工信局;完成时限:2025年9月底前]',
        '１．２ 建设信息站',
        '１．２．１ 新建站点。[牵头单位:县农业农村局;完成时限:2025年10月底前]',
        '二、推进机制',
        '（一）调度机制',
        '1.1、建立专班。[牵头单位:县政府办;完成时限:长期坚持]',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      decimal.map((r) => [r.number, r.fullNumber, r.section]),
      [
        ['1.1', '1.1', '一、重点任务'],
        ['１．２．１', '1.2.1', '一、重点任务 / 1.2建设信息站'],
        ['1.1、', '二1.1', '二、推进机制 / （一）调度机制'],
      ],
    );
  });

  it('Markdown and CSV carry the hierarchy: 序号 | 所属部分 | … | 行号', () => {
    const md = toMarkdown(rows).split('\n');
    assert.equal(md[0], '| 序号 | 所属部分 | 任务 | 牵头单位 | 责任单位 | 完成时限 | 行号 |');
    assert.equal(md[3], '| 二（一）2. | 二、主要任务 / （一）健全制度 | 完善决策程序 | 县政府办公室 |  | 长期坚持 | 7 |');
    const csv = toCsv(rows, { locale: 'en' }).slice(1).split('\r\n');
    assert.equal(csv[0], 'No.,Section,Task,Lead units,Responsible units,Deadline,Line');
    assert.equal(csv[6], '三1.,三、监督问责,落实备案审查,县人大常委会办公室,,2025年9月底前,14');
  });
});

describe('task table: filters', () => {
  const { plan, diagnostics } = createPlanService({ today: TODAY }).analyze(NESTED);
  const rows = taskRowsWithProblems(plan, diagnostics);
  const titles = (filter: TableFilter) => filterRows(rows, filter, TODAY).map((r) => r.title);

  it('an empty filter keeps every row, in order (a copy)', () => {
    const all = filterRows(rows, {}, TODAY);
    assert.deepEqual(all, rows);
    assert.notEqual(all, rows);
  });

  it('by unit: the tasks it leads or takes part in', () => {
    assert.deepEqual(titles({ unit: '县市场监管局' }), ['推行执法公示']);
    assert.deepEqual(titles({ unit: '各执法部门' }), ['推行执法公示', '组织集中评查']);
    assert.deepEqual(titles({ unit: '县司法局' }), ['清理规范性文件', '推行执法公示', '制定评查标准']);
    assert.deepEqual(titles({ unit: '没有这个单位' }), []);
  });

  it('by state: missing lead, missing deadline, ongoing, overdue, with problems', () => {
    assert.deepEqual(titles({ status: 'noLead' }), ['组织集中评查']);
    assert.deepEqual(titles({ status: 'noDeadline' }), ['推行执法公示']);
    assert.deepEqual(titles({ status: 'ongoing' }), ['完善决策程序']);
    // Today is 2025-06-01: the March deadline has passed, the end of June has not.
    assert.deepEqual(titles({ status: 'overdue' }), ['制定评查标准']);
    const withProblems = titles({ status: 'problems' });
    assert.ok(withProblems.includes('组织集中评查') && withProblems.includes('推行执法公示'), withProblems.join(','));
    assert.ok(!withProblems.includes('清理规范性文件'));
  });

  it('a task due every quarter is never overdue, though its first quarter has passed', () => {
    const rows = taskRows(parsePlan(['青禾县2025年统计工作方案', '1.定期调度。（牵头单位：县发改局；完成时限：每季度）', '2.报送年报。（牵头单位：县统计局；完成时限：2025年3月底前）'].join('\n')));
    assert.deepEqual(rows[0]!.deadline, { text: '每季度', end: '2025-03-31', ongoing: false, recurring: true });
    assert.deepEqual(filterRows(rows, { status: 'overdue' }, TODAY).map((r) => r.title), ['报送年报']);
  });

  it('unit and state together must both match', () => {
    assert.deepEqual(titles({ unit: '县司法局', status: 'overdue' }), ['制定评查标准']);
    assert.deepEqual(titles({ unit: '县司法局', status: 'ongoing' }), []);
  });

  it('overdue is strict: the last allowed day is not overdue; ongoing and undated never are', () => {
    const row = (end: string | null, ongoing = false) => ({ lead: [], responsible: [], deadline: { end, ongoing } });
    assert.equal(isOverdue(row('2025-05-31'), TODAY), true);
    assert.equal(isOverdue(row('2025-06-01'), TODAY), false);
    assert.equal(isOverdue(row(null, true), TODAY), false);
    assert.equal(isOverdue({ lead: [], responsible: [], deadline: null }, TODAY), false);
    // A recurring deadline (`每季度`) comes round again: its first end past is no overdue task.
    assert.equal(isOverdue({ lead: [], responsible: [], deadline: { end: '2025-03-31', ongoing: false, recurring: true } }, TODAY), false);
    assert.equal(rowMatches({ lead: [], responsible: [], deadline: null }, { status: 'problems' }, TODAY), false, 'a row without findings has none');
  });

  it('readFilter keeps only what it knows (requests and argv are untrusted)', () => {
    assert.deepEqual(readFilter({ unit: '县司法局', status: 'overdue' }), { unit: '县司法局', status: 'overdue' });
    assert.deepEqual(readFilter({ unit: 3, status: 'deleteAll', extra: 1 }), {});
    assert.deepEqual(readFilter({ unit: '' }), {});
    assert.deepEqual(readFilter(null), {});
    assert.deepEqual(readFilter('overdue'), {});
  });
});

describe('task table: the problems column and every format', () => {
  const { plan, diagnostics } = createPlanService({ today: TODAY }).analyze(NESTED);
  const rows = taskRowsWithProblems(plan, diagnostics);
  const noLead = rows.find((r) => r.title === '组织集中评查')!;

  it('the problems column is left out unless asked, in every format', async () => {
    const decode = (b: Uint8Array) => new TextDecoder().decode(b);
    assert.ok(!decode(await exportTable('md', 'a.plan', rows)).includes('问题'));
    assert.ok(!decode(await exportTable('csv', 'a.plan', rows)).split('\r\n')[0]!.includes('问题'));
    assert.ok(!('problems' in (JSON.parse(decode(await exportTable('json', 'a.plan', rows))) as { tasks: object[] }).tasks[0]!));
    const sheet = (bytes: Uint8Array) => unzip(Buffer.from(bytes)).get('xl/sharedStrings.xml')?.toString('utf8') ?? '';
    assert.ok(!sheet(await exportTable('xlsx', 'a.plan', rows)).includes('>问题<'));
    assert.ok(sheet(await exportTable('xlsx', 'a.plan', rows, { problems: true })).includes('>问题<'));
    assert.match(decode(await exportTable('md', 'a.plan', rows, { problems: true })).split('\n')[0]!, /\| 行号 \| 问题 \|$/);
  });

  it('with the column, each task lists its findings: `PL001 …`', () => {
    const csv = toCsv([noLead], { problems: true }).slice(1).split('\r\n')[1]!;
    assert.match(csv, /^二（二）2.（2）,二、主要任务 \/ （二）规范执法 \/ 2.开展案卷评查,组织集中评查,,各执法部门、县档案局,2025年11月底前,12,PL001 /);
    const json = JSON.parse(toJson('a.plan', [noLead], { problems: true })) as { tasks: { problems: { ruleId: string }[] }[] };
    assert.ok(json.tasks[0]!.problems.some((p) => p.ruleId === 'PL001'));
  });

  it('XLSX: the seven columns, the full numbers and the line numbers are in the sheet', async () => {
    const entries = unzip(Buffer.from(await exportTable('xlsx', 'a.plan', rows)));
    const strings = entries.get('xl/sharedStrings.xml')?.toString('utf8') ?? '';
    const sheet = entries.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    const all = strings + sheet;
    for (const text of ['所属部分', '行号', '二（二）2.（1）', '三、监督问责']) assert.ok(all.includes(text), text);
    assert.equal([...sheet.matchAll(/<col /g)].length, 7);
    assert.match(sheet, /orientation="landscape"/, 'prints across the page');
  });
});
