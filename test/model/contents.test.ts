// A plan's table of contents (`目录`) is no part of its outline: its entries are no tasks, and the body's headings
// count from `一、` after it. Texts written for this test.
import assert from 'node:assert/strict';
import { lintPlan } from '../../server/src/lint/engine.js';
import { parsePlan } from '../../server/src/model/plan.js';
import { allRules } from '../../server/src/rules/index.js';
import type { PlanDocument } from '../../server/src/model/types.js';

const read = (lines: string[]): PlanDocument => parsePlan(lines.join('\n'));
const numbers = (plan: PlanDocument) => plan.allSections.map((s) => s.marker.text);
const lint = (plan: PlanDocument) => lintPlan(plan, { rules: allRules, settings: { today: '2025-03-01' } }).map((d) => `${d.ruleId}:${d.range.start.line + 1}`);

const BODY = [
  '一、总体要求',
  '到2026年底，基本建成全域覆盖的便民服务网络。',
  '二、重点任务',
  '（一）建设服务站点。每个村建成一个便民服务站。（牵头单位：县民政局；完成时限：2025年12月底前）',
  '（二）培训服务人员。每年培训一次。（牵头单位：县人社局；完成时限：2025年9月底前）',
  '三、保障措施',
  '各乡镇要加强组织领导。',
];

describe('a table of contents', () => {
  it('with leader dots and page numbers: its entries are no sections, the body numbers from 一、, no finding', () => {
    const plan = read([
      '青禾县便民服务网络建设实施方案',
      '',
      '目  录',
      '一、总体要求 ………………………………… 1',
      '二、重点任务 ………………………………… 2',
      '  （一）建设服务站点 ……………………… 2',
      '  （二）培训服务人员 ……………………… 3',
      '三、保障措施 ………………………………… 4',
      '',
      ...BODY,
    ]);
    assert.deepEqual(numbers(plan), ['一、', '二、', '（一）', '（二）', '三、']);
    assert.deepEqual(plan.tasks.map((t) => [t.number, t.lead.map((u) => u.name)]), [['（一）', ['县民政局']], ['（二）', ['县人社局']]]);
    assert.deepEqual(plan.allSections[0]!.range.start.line, 9);
    assert.deepEqual(lint(plan), []);
  });

  it('as plain lines, ended where the body repeats its first heading', () => {
    const plan = read(['青禾县便民服务网络建设实施方案', '目录', '一、总体要求', '二、重点任务', '（一）建设服务站点', '（二）培训服务人员', '三、保障措施', ...BODY]);
    assert.deepEqual(numbers(plan), ['一、', '二、', '（一）', '（二）', '三、']);
    assert.equal(plan.tasks.length, 2);
    assert.deepEqual(lint(plan), []);
  });

  it('as a Markdown list under a bold `目录`, the body under `##` headings', () => {
    const plan = read([
      '# 青禾县便民服务网络建设实施方案',
      '',
      '**目录**',
      '',
      '- 一、总体要求',
      '- 二、重点任务',
      '  - （一）建设服务站点',
      '  - （二）培训服务人员',
      '- 三、保障措施',
      '',
      ...BODY.map((line) => (/^[一二三]、/.test(line) ? `## ${line}` : line)),
    ]);
    assert.deepEqual(numbers(plan), ['一、', '二、', '（一）', '（二）', '三、']);
    assert.equal(plan.tasks.length, 2);
  });

  it('a `目录` line over prose, or a task about a catalogue, is read as before', () => {
    const prose = read(['青禾县便民服务网络建设实施方案', '目录', '本方案分为三个部分。', ...BODY]);
    assert.deepEqual(numbers(prose), ['一、', '二、', '（一）', '（二）', '三、']);
    const catalogue = read(['青禾县数据资源管理工作方案', '一、重点任务', '（一）编制数据资源目录。（牵头单位：县数据局；完成时限：2025年6月底前）', '（二）目录', '（三）更新目录。（牵头单位：县数据局；完成时限：2025年12月底前）']);
    assert.deepEqual(numbers(catalogue), ['一、', '（一）', '（二）', '（三）']);
  });

  it('entries without page numbers and no heading repeated are no table of contents (read as before)', () => {
    const plan = read(['青禾县便民服务网络建设实施方案', '目录', '一、总体要求', '二、重点任务', '', '正文从略。']);
    assert.deepEqual(numbers(plan), ['一、', '二、']);
  });
});
