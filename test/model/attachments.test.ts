// Attachments that list the plan's tasks as numbered items (`附件` / `重点任务清单` / `一、…` / `1.…`): their tasks, and the
// attachments that list none.
import assert from 'node:assert/strict';
import { taskListAttachments } from '../../server/src/model/attachments.js';
import { lintPlan } from '../../server/src/lint/engine.js';
import { allRules } from '../../server/src/rules/index.js';
import { assertRangesAgree, names, planOf, task } from './helpers.js';

/** A plan whose body assigns no work, then `attachment` (its lines). */
const withAttachment = (...attachment: string[]) =>
  planOf(['石门县2025年乡村道路养护工作方案', '', '一、工作目标', '全县农村公路优良路率达到80%。', '二、保障措施', '（一）强化资金保障。县财政安排养护资金。', '', ...attachment]);

describe('attachments that list tasks', () => {
  it('reads the numbered items of an attachment titled as a list of key tasks, with their parts, leads and deadlines', () => {
    const plan = withAttachment(
      '附件',
      '',
      '2025年乡村道路养护重点任务清单',
      '',
      '一、日常养护',
      '1.清理边沟杂草。（牵头单位：县交通运输局；完成时限：2025年6月底前）',
      '2.修补路面坑槽。（完成时限：2025年9月底前）',
      '二、安全整治',
      '3.增设波形护栏。（牵头单位：县公路中心；责任单位：各乡镇人民政府；完成时限：2025年11月底前）',
    );
    assert.deepEqual(
      plan.tasks.map((t) => [t.number, t.title, names(t.lead), names(t.responsible), t.deadline?.end ?? null, t.section?.parent?.title]),
      [
        ['1.', '清理边沟杂草', ['县交通运输局'], [], '2025-06-30', '日常养护'],
        ['2.', '修补路面坑槽', [], [], '2025-09-30', '日常养护'],
        ['3.', '增设波形护栏', ['县公路中心'], ['各乡镇人民政府'], '2025-11-30', '安全整治'],
      ],
    );
    // The body's sections and the list's, in the outline; the list numbered apart from the body.
    assert.deepEqual(plan.sections.map((s) => s.marker.text + s.title), ['一、工作目标', '二、保障措施', '一、日常养护', '二、安全整治']);
    assert.deepEqual(plan.separateLists.map((l) => [l.kind, l.level, plan.text.slice(l.span.start, l.span.start + 6)]), [['task-list', 1, '一、日常养护']]);
    assertRangesAgree(plan);
  });

  it('reads the title after the head on its line, or over two lines, and what the heading above an item gives it', () => {
    const sameLine = withAttachment('附件1：部门责任分工方案', '（一）更换破损标志牌。（牵头单位：县交通运输局；完成时限：2025年8月底前）');
    assert.deepEqual(sameLine.tasks.map((t) => [t.number, names(t.lead)]), [['（一）', ['县交通运输局']]]);
    const twoLines = withAttachment(
      '附件',
      '石门县乡村道路养护',
      '工作任务台账',
      '一、桥梁养护（牵头单位：县公路中心）',
      '1.检测危桥3座。（完成时限：2025年5月底前）',
      '2.加固危桥1座。（完成时限：2025年10月底前）',
    );
    const inherited = task(twoLines, '2.');
    assert.deepEqual([names(inherited.lead), inherited.inherited.lead, inherited.deadline?.end], [['县公路中心'], true, '2025-10-31']);
  });

  it('reads no task from attachments that list no tasks: people, scores, another document, a list of attached files', () => {
    for (const attachment of [
      // Each title below holds words of a list of work (`重点工作`, `任务`, `清单`) beside what it is.
      ['附件', '', '乡村道路养护重点工作领导小组成员名单', '', '1.组长：县政府分管副县长', '2.副组长：县交通运输局局长（完成时限：2025年底前）'],
      ['附件2', '乡村道路养护重点任务考核评分细则', '1.路面完好率（30分）。由县交通运输局负责考核。', '2.群众满意度（20分）。'],
      ['附件3', '重点任务联系人清单', '1.县交通运输局：王某，电话0000000（牵头单位：县交通运输局）'],
      ['附件', '关于下达2025年乡村道路养护目标任务的通知', '一、目标任务', '全县养护农村公路300公里。（牵头单位：县交通运输局）'],
      ['附件：1.重点任务清单.docx', '      2.联系人名单.docx'],
      ['附件', '1.重点任务清单', '2.联系人名单'],
    ]) {
      const plan = withAttachment(...attachment);
      assert.deepEqual(plan.tasks, [], attachment.join(' / '));
      assert.deepEqual(plan.sections.map((s) => s.title), ['工作目标', '保障措施'], attachment.join(' / '));
    }
  });

  it('reads an attachment list whose title says only `清单` when its items assign work, and not when none does', () => {
    const assigns = withAttachment('附件', '2025年乡村道路养护项目清单', '1.县道X012养护。（责任单位：县公路中心；完成时限：2025年7月底前）');
    assert.deepEqual(assigns.tasks.map((t) => t.title), ['县道X012养护']);
    const names_ = withAttachment('附件', '2025年乡村道路养护项目清单', '1.县道X012', '2.乡道Y105');
    assert.deepEqual(names_.tasks, []);
  });

  it('reads a task the attachment repeats from the body once, from the list, which takes the lead only the body names', () => {
    const plan = planOf([
      '石门县2025年乡村道路养护工作方案',
      '一、主要任务',
      '（一）清理边沟杂草。全面清理农村公路边沟。（牵头单位：县交通运输局）',
      '（二）修补路面坑槽。及时修补坑槽。（牵头单位：县公路中心；完成时限：2025年9月底前）',
      '（三）开展爱路护路宣传。（牵头单位：县委宣传部；完成时限：2025年12月底前）',
      '',
      '附件：重点任务分解',
      '1.清理边沟杂草。（完成时限：2025年6月底前）',
      '2.修补路面坑槽。（牵头单位：县公路中心；完成时限：2025年9月底前）',
      '3.增设波形护栏。（完成时限：2025年11月底前）',
    ]);
    assert.deepEqual(
      plan.tasks.map((t) => [t.number, t.title, names(t.lead), t.inherited.lead, t.deadline?.end ?? null]),
      [
        ['（三）', '开展爱路护路宣传', ['县委宣传部'], false, '2025-12-31'],
        ['1.', '清理边沟杂草', ['县交通运输局'], true, '2025-06-30'],
        ['2.', '修补路面坑槽', ['县公路中心'], false, '2025-09-30'],
        ['3.', '增设波形护栏', [], false, '2025-11-30'],
      ],
    );
    assert.deepEqual(plan.tasks.map((t) => t.index), [0, 1, 2, 3]);
  });

  it('leaves an attachment list beside a task table unread: the table is the list of tasks', () => {
    const plan = withAttachment(
      '附件1',
      '重点任务分解表',
      '| 序号 | 工作任务 | 牵头单位 | 完成时限 |',
      '| --- | --- | --- | --- |',
      '| 1 | 清理边沟杂草 | 县交通运输局 | 2025年6月底前 |',
      '',
      '附件2',
      '重点任务清单',
      '1.修补路面坑槽。（牵头单位：县公路中心；完成时限：2025年9月底前）',
    );
    assert.deepEqual(plan.tasks.map((t) => [t.source, t.title]), [['table', '清理边沟杂草']]);
    assert.deepEqual(plan.sections.map((s) => s.title), ['工作目标', '保障措施']);
    assert.equal(plan.units.some((u) => u.name === '县公路中心'), false);
  });

  it('finds each attachment from its head to the next, and its title by what it says', () => {
    const text = ['正文', '附件1', '任务分工', '1.甲', '附件2', '联系人名单', '1.乙', '附件3：工作任务台账', '1.丙'].join('\n');
    const found = taskListAttachments(text, 2);
    assert.deepEqual(
      found.map((a) => [text.slice(a.span.start, a.span.end), a.namesTasks]),
      [
        ['1.甲\n', true],
        ['1.丙', true],
      ],
    );
  });
});

describe('a covering notice that issues two plans, each in an attachment', () => {
  /** A notice issuing two plans (`附件1`, `附件2`), the second plan's title being `second`. */
  const twoPlans = (listed: string, second: string) =>
    planOf([
      '关于印发溪川县防汛和抗旱两个工作方案的通知',
      '各乡镇人民政府，县直各单位：',
      '现将两个工作方案印发给你们，请认真贯彻执行。',
      '附件：1.溪川县2026年防汛工作方案',
      `　　　2.${listed}`,
      '附件1',
      '溪川县2026年防汛工作方案',
      '一、重点任务',
      '1.清理河道行洪障碍。牵头单位：县水利局；完成时限：2026年5月底前。',
      '2.开展防汛应急演练。牵头单位：县应急管理局；完成时限：2026年6月底前。',
      '二、工作要求',
      '各单位要落实值班制度。',
      '附件2',
      second,
      '一、重点任务',
      '1.建设抗旱应急水源。牵头单位：县水利局；完成时限：2026年9月底前。',
      '2.开展防汛应急演练。牵头单位：县农业农村局；完成时限：2026年7月底前。',
    ]);

  it('reads the tasks of both plans, each plan numbered apart, none of the second joined to the first', () => {
    const plan = twoPlans('溪川县2026年抗旱工作方案', '溪川县2026年抗旱工作方案');
    assert.deepEqual(
      plan.tasks.map((t) => [t.number, t.title, names(t.lead), t.deadline?.end ?? null]),
      [
        ['1.', '清理河道行洪障碍', ['县水利局'], '2026-05-31'],
        ['2.', '开展防汛应急演练', ['县应急管理局'], '2026-06-30'],
        ['1.', '建设抗旱应急水源', ['县水利局'], '2026-09-30'],
        ['2.', '开展防汛应急演练', ['县农业农村局'], '2026-07-31'],
      ],
    );
    // the second plan's list is one apart: its `一、` and `1.` count from one again
    assert.equal(plan.separateLists.filter((l) => l.kind === 'task-list').length, 1);
    assert.deepEqual(lintPlan(plan, { rules: allRules, settings: { today: '2026-01-01' } }).filter((d) => d.ruleId === 'PL004'), []);
  });

  it('reads no tasks of an attached plan the notice does not name', () => {
    const plan = twoPlans('溪川县2026年抗旱工作方案', '溪川县2025年水利工程建设工作方案');
    assert.deepEqual(plan.tasks.map((t) => t.title), ['清理河道行洪障碍', '开展防汛应急演练']);
  });
});
