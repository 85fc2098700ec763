// The rules on a plan whose tasks are listed in an attachment as numbered items: findings on the list's tasks, none
// twice for a list that repeats the body, and the list numbered apart from the body.
import assert from 'node:assert/strict';
import { lint } from '../helpers/lint.js';

/** `ruleId: message` for each finding, in order. */
const findings = (text: string) => lint(text).map((d) => `${d.ruleId}: ${d.message}`);

describe('rules on an attachment that lists tasks', () => {
  it('PL001 on the listed task that names no lead, where the body assigns no work', () => {
    const text = [
      '石门县2025年乡村道路养护工作方案',
      '',
      '一、工作目标',
      '全县农村公路优良路率达到80%。',
      '',
      '附件',
      '',
      '2025年乡村道路养护重点任务清单',
      '',
      '一、日常养护',
      '1.清理边沟杂草。（牵头单位：县交通运输局；完成时限：2025年6月底前）',
      '2.修补路面坑槽。（完成时限：2025年9月底前）',
      '二、安全整治',
      '3.增设波形护栏。（牵头单位：县公路中心；完成时限：2025年11月底前）',
    ].join('\n');
    assert.deepEqual(findings(text), ['PL001: 任务“2.修补路面坑槽”缺少牵头单位']);
  });

  it('reports a task that the list repeats from the body once, and none that one side completes', () => {
    const text = [
      '石门县2025年乡村道路养护工作方案',
      '一、主要任务',
      // No deadline in the body: the list gives it. No lead on either side: one finding, on the list's item.
      '（一）清理边沟杂草。全面清理农村公路边沟。（牵头单位：县交通运输局）',
      '（二）修补路面坑槽。及时修补坑槽。',
      '',
      '附件：重点任务分解',
      '1.清理边沟杂草。（完成时限：2025年6月底前）',
      '2.修补路面坑槽。（完成时限：2025年9月底前）',
    ].join('\n');
    assert.deepEqual(findings(text), ['PL001: 任务“2.修补路面坑槽”缺少牵头单位']);
  });

  it('numbers the list apart: it counts from 1 again, with its own levels and its own mode', () => {
    const text = [
      '石门县2025年乡村道路养护工作方案',
      '一、主要任务',
      '（一）日常养护',
      '1.清理边沟。（牵头单位：县交通运输局；完成时限：2025年6月底前）',
      '2.修补坑槽。（牵头单位：县交通运输局；完成时限：2025年9月底前）',
      '（二）安全整治',
      '1.增设护栏。（牵头单位：县公路中心；完成时限：2025年11月底前）',
      '2.增设标志。（牵头单位：县公路中心；完成时限：2025年11月底前）',
      '二、保障措施',
      '（一）强化资金保障。',
      '',
      '附件',
      '重点工作任务台账',
      // `1.` right under `一、` (the body uses `（一）`), counting on through `二、` (the body counts from 1 under each `（一）`).
      '一、桥梁养护',
      '1.检测危桥。（牵头单位：县公路中心；完成时限：2025年5月底前）',
      '2.加固危桥。（牵头单位：县公路中心；完成时限：2025年10月底前）',
      '二、路域整治',
      '3.清理路障。（牵头单位：县交通运输局；完成时限：2025年7月底前）',
      '4.绿化路肩。（牵头单位：县交通运输局；完成时限：2025年8月底前）',
    ].join('\n');
    assert.deepEqual(findings(text), []);
    // A number skipped in the list is the list's own: it counts from its `1.`, not on from the body's.
    const skipped = text.replace('4.绿化路肩', '5.绿化路肩');
    assert.deepEqual(findings(skipped), ['PL004: 编号“5.”跳号，应为“4.”（本文该级全文连续编号）']);
  });
});
