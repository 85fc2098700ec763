// The rules on a tab-separated task table copied from Word whose cells hold line breaks: each numbered row is one task
// with its cells joined across the lines, so a correct table gives no finding.
import assert from 'node:assert/strict';
import { lint } from '../helpers/lint.js';

/** `ruleId: message` for each finding, in order. */
const findings = (text: string) => lint(text).map((d) => `${d.ruleId}: ${d.message}`);

describe('rules on a tab-separated table whose cells hold line breaks', () => {
  it('finds nothing missing in rows whose task, measures or unit cells run over lines', () => {
    const text = [
      '枫林区2025年城市更新重点任务表',
      '',
      '序号\t工作任务\t具体措施\t牵头单位\t配合单位\t完成时限',
      '1\t口袋公园建设\t新建口袋公园8处\t区城管局\t区住建局\t2025年9月底前',
      '2\t雨污分流改造\t1.改造雨污管网12公里；',
      '2.同步修复破损路面。\t区水务局\t区城管局、区交通局\t2025年11月底前',
      '3\t充电设施建设\t新建公共充电桩400个，',
      '覆盖全部镇区\t区发改局\t区供电公司、',
      '各镇人民政府\t2025年12月底前',
      '4\t停车设施提升\t新增公共停车泊位900个\t区交通局\t区公安分局\t长期坚持',
    ].join('\n');
    assert.deepEqual(findings(text), []);
  });

  it('still reports a numbered row that names no lead, beside rows whose cells run over lines', () => {
    const text = [
      '枫林区2025年城市更新重点任务表',
      '',
      '序号\t工作任务\t具体措施\t牵头单位\t配合单位\t完成时限',
      '1\t雨污分流改造\t1.改造雨污管网12公里；',
      '2.同步修复破损路面。\t区水务局\t区城管局\t2025年11月底前',
      '2\t停车设施提升\t新增公共停车泊位900个\t\t区公安分局\t2025年10月底前',
    ].join('\n');
    // The title is the 具体措施 cell's, the row's specific work.
    assert.deepEqual(findings(text), ['PL001: 任务“2 新增公共停车泊位900个”缺少牵头单位']);
  });
});
