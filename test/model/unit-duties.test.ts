// Ways plans write who does a task that were misread once: a unit's name and a colon opening the item, persons in
// brackets after units, `为责任单位` after a list, `即时办理` as a deadline of its own. Each text is written for this test.
import assert from 'node:assert/strict';
import { parsePlan } from '../../server/src/model/plan.js';
import type { PlanDocument, Task } from '../../server/src/model/types.js';
import { lint } from '../helpers/lint.js';

const read = (lines: string[]): PlanDocument => parsePlan(lines.join('\n'));
const row = (t: Task) => [t.number, t.lead.map((u) => u.name), t.responsible.map((u) => u.name), t.deadline?.text ?? null];
/** The rules that find a task without its lead or its deadline, as `rule@line` (0-based lines). */
const missing = (lines: string[]): string[] =>
  lint(lines.join('\n'))
    .filter((d) => d.ruleId === 'PL001' || d.ruleId === 'PL002')
    .map((d) => `${d.ruleId}@${d.range.start.line}`);

describe('unit duties: a unit, a colon and its duty open the item, a deadline in brackets closes it', () => {
  const plan = [
    '青禾县2025年农贸市场提质工作方案',
    '一、重点任务',
    '（一）县供销社：负责推进农产品直供网点建设（2025年8月底前）。',
    '（二）县卫健局：负责落实“无理由”食品抽检复核（2025年7月底前）。',
    '（三）县住建局：牵头改造老旧市场顶棚（持续推进）。',
    '（四）县城管局：负责由县政府统一部署的摊区整治（2025年10月底前）。',
  ];
  it('the unit leads and the bracket at the end is the deadline', () => {
    assert.deepEqual(read(plan).tasks.map(row), [
      ['（一）', ['县供销社'], [], '2025年8月底前'],
      ['（二）', ['县卫健局'], [], '2025年7月底前'],
      ['（三）', ['县住建局'], [], '持续推进'],
      ['（四）', ['县城管局'], [], '2025年10月底前'],
    ]);
  });
  it('finds no task without a lead or a deadline', () => {
    assert.deepEqual(missing(plan), []);
  });
  it('`理由` `自由` hold no `由` meaning "by"; a `由` after a colon\'s duty that reaches no verb leaves the clause the duty\'s', () => {
    const near = read([
      '青禾县2025年农贸市场提质工作方案',
      '一、重点任务',
      '（一）保障商户自由经营，县市场监管局负责，2025年9月底前完成。',
      '（二）说明整改理由，县商务局牵头。',
      // No unit and colon open this one: a `由` whose units reach no verb leaves it prose, as before.
      '（三）推动摊位全部由政府收储，统一管理（2025年9月底前）。',
    ]);
    assert.deepEqual(near.tasks.map(row), [
      ['（一）', ['县市场监管局'], [], '2025年9月底前'],
      ['（二）', ['县商务局'], [], null],
      ['（三）', [], [], '2025年9月底前'],
    ]);
  });
  it('a date inside the work after `负责` in prose still needs its cue: a target year is no deadline', () => {
    const near = read(['青禾县2025年农贸市场提质工作方案', '一、重点任务', '（一）县供销社：负责到2027年建成直供网点体系。']);
    assert.deepEqual(near.tasks.map(row), [['（一）', ['县供销社'], [], null]]);
  });
});

describe('unit duties: a unit, a colon and a verb of work with no `负责`', () => {
  const plan = [
    '青禾县2025年农贸市场提质工作方案',
    '一、重点任务',
    '（一）县供销社：推进农产品直供网点建设（2025年8月底前）。',
    '（二）各乡镇（街道）：做好辖区摊贩疏导（2025年9月底前）。',
  ];
  it('the units before the colon lead', () => {
    assert.deepEqual(read(plan).tasks.map(row), [
      ['（一）', ['县供销社'], [], '2025年8月底前'],
      ['（二）', ['各乡镇（街道）'], [], '2025年9月底前'],
    ]);
    assert.deepEqual(missing(plan), []);
  });
  it('work told as done, words that name no unit or no verb of work after the colon name no lead', () => {
    const near = read([
      '青禾县2025年农贸市场提质工作方案',
      '一、重点任务',
      '（一）县供销社：推进了直供网点建设（2025年8月底前）。',
      '（二）网点布局：推进直供网点建设（2025年8月底前）。',
      '（三）县供销社：直供网点建设（2025年8月底前）。',
      '（四）市场布局：推进直供网点建设（2025年8月底前）。',
    ]);
    assert.deepEqual(near.tasks.map((t) => t.lead.map((u) => u.name)), [[], [], [], []]);
  });
});

describe('unit duties: the person in charge in brackets after each unit', () => {
  const plan = [
    '青禾县2025年校园安全工作方案',
    '一、重点任务',
    '1．排查校园周边隐患。',
    '牵头单位：县教育局（责任人：邓志远）',
    '配合单位：县公安局（责任人：邹平）、县交通局（联系人：韦强，电话：0739-5550123）、各乡镇人民政府',
    '完成时限：2025年9月底前',
    '2．整治校车运营秩序。',
    '牵头单位：县交通局（责任人：韦强） 县公安局交警大队（责任人：邹平）',
    '配合单位：县教育局（邓志远）',
    '完成时限：2025年10月底前',
  ];
  it('every unit is read, the persons dropped from the names and their spans', () => {
    const tasks = read(plan).tasks;
    assert.deepEqual(tasks.map(row), [
      ['1．', ['县教育局'], ['县公安局', '县交通局', '各乡镇人民政府'], '2025年9月底前'],
      ['2．', ['县交通局', '县公安局交警大队'], ['县教育局'], '2025年10月底前'],
    ]);
    const text = plan.join('\n');
    for (const t of tasks) for (const u of [...t.lead, ...t.responsible]) assert.equal(text.slice(u.span.start, u.span.end), u.name);
  });
  it('finds no task without a lead or a deadline', () => {
    assert.deepEqual(missing(plan), []);
  });
  it('a bracket of a unit or of places stays in the name; a person field with a deadline in a bracket is still read', () => {
    const near = read([
      '青禾县2025年校园安全工作方案',
      '一、重点任务',
      '1．排查校园周边隐患。',
      '牵头单位：县市场监管局（县知识产权局）',
      '配合单位：各县（市、区）人民政府、县财政局（国资办）、县统计局（普查）',
      '2．整治校车运营秩序（牵头单位：县交通局；责任人：韦强；完成时限：2025年10月底前）。',
    ]);
    assert.deepEqual(near.tasks.map(row), [
      ['1．', ['县市场监管局（县知识产权局）'], ['各县（市、区）人民政府', '县财政局（国资办）', '县统计局（普查）'], null],
      ['2．', ['县交通局'], [], '2025年10月底前'],
    ]);
  });
});

describe('unit duties: an office and its holder in brackets after a unit (`镇水利站（站长：何军）`)', () => {
  it('drops them from the name, in a field and in a `责任单位（责任人）` column; an office\'s own unit stays', () => {
    const body = read([
      '青禾县2025年河湖整治工作方案',
      '一、重点任务',
      '1．修编一河一策方案。（牵头单位：县水利局（副局长：邹平）；完成时限：2025年4月底前）',
      '2．设立河长办窗口。（牵头单位：县水利局（局长办公室）；完成时限：2025年5月底前）',
    ]);
    assert.deepEqual(body.tasks.map(row), [
      ['1．', ['县水利局'], [], '2025年4月底前'],
      ['2．', ['县水利局（局长办公室）'], [], '2025年5月底前'],
    ]);
    const table = read([
      '青禾县2025年河湖整治任务清单',
      '序号\t工作任务\t责任单位（责任人）\t完成时间',
      '1\t修编一河一策方案\t县水利局（站长：何军）\t2025年4月30日前',
      '2\t清理河道垃圾\t县城管局（主任：冯丽）\t2025年6月30日前',
    ]);
    assert.deepEqual(table.tasks.map((t) => t.lead.map((u) => u.name)), [['县水利局'], ['县城管局']]);
  });
});

describe('unit duties: `为责任单位` `为配合单位` after the last name of a list', () => {
  it('is no part of the name, in a field or a bracket, as `为牵头单位` is none', () => {
    const plan = read([
      '青禾县2025年道路养护工作方案',
      '一、重点任务',
      '1.整治国省干线路域环境。',
      '责任单位：县交通局为牵头单位，县公路中心、各乡镇人民政府为责任单位',
      '完成时限：2025年11月底前',
      '2.修复农村公路水毁路段（县交通局为牵头单位，县财政局、县应急局为配合单位；2025年8月底前）。',
    ]);
    assert.deepEqual(plan.tasks.map(row), [
      ['1.', ['县交通局'], ['县公路中心', '各乡镇人民政府'], '2025年11月底前'],
      ['2.', ['县交通局'], ['县财政局', '县应急局'], '2025年8月底前'],
    ]);
  });
  it('a name that only ends in those words, or words that name no unit before them, are left as written', () => {
    const plan = read([
      '青禾县2025年道路养护工作方案',
      '一、重点任务',
      '1.整治国省干线路域环境。',
      '牵头单位：县交通局',
      '责任单位：县公路中心、县路政配合单位',
      '2.修复农村公路水毁路段。',
      '牵头单位：县交通局',
      '责任单位：县公路中心、沿线养护为责任单位',
    ]);
    assert.deepEqual(plan.tasks.map((t) => t.responsible.map((u) => u.name)), [['县公路中心', '县路政配合单位'], ['县公路中心', '沿线养护为责任单位']]);
  });
  it('a bracket stating the lead convention in those words names no unit', () => {
    const plan = read(['青禾县2025年道路养护工作方案', '一、重点任务（无牵头单位的，责任单位即为牵头单位）', '1.整治国省干线路域环境（责任单位：县交通局；2025年11月底前）。']);
    assert.deepEqual(plan.units.map((u) => u.name), ['县交通局']);
  });
});

describe('unit duties: `即时办理` as the deadline of its own clause', () => {
  const plan = [
    '青禾县2025年政务服务提质工作方案',
    '一、重点任务',
    '（一）县政务服务中心',
    '1.做好企业开办登记服务，即时办理。',
    '2.受理群众来电诉求，由县12345热线中心负责，县信访局配合，即时办结。',
    '3.处置窗口投诉，县政务服务中心牵头，立即办理。',
  ];
  it('a clause of its own after the work or after the attribution is the deadline', () => {
    assert.deepEqual(read(plan).tasks.map(row), [
      ['1.', ['县政务服务中心'], [], '即时办理'],
      ['2.', ['县12345热线中心'], ['县信访局'], '即时办结'],
      ['3.', ['县政务服务中心'], [], '立即办理'],
    ]);
  });
  it('finds no task without a lead or a deadline', () => {
    assert.deepEqual(missing(plan), []);
  });
  it('words of another clause are none: a rate, a mechanism, the work after it', () => {
    const near = read([
      '青禾县2025年政务服务提质工作方案',
      '一、重点任务',
      '（一）县政务服务中心',
      '1.提高即时办理率，即时办结率达到98%。',
      '2.建立即时办理机制。',
      '3.做好企业开办登记，即时办理群众诉求。',
    ]);
    assert.deepEqual(near.tasks.map((t) => t.deadline?.text ?? null), [null, null, null]);
  });
});
