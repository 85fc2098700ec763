// Task-table headers read by their meaning, however a plan words or spaces them, and the numbering a table's rows use.
import assert from 'node:assert/strict';
import { columnRole } from '../../server/src/model/tables.js';
import { names, planOf } from './helpers.js';

describe('task-table headers by meaning', () => {
  it('reads 主办 and 主责 columns as the lead, 协助 and 协办 columns as responsible', () => {
    const header = ['主办单位', '主责部门', '主责单位', '协办单位', '协助单位', '协助部门', '配合部门'];
    assert.deepEqual(header.map(columnRole), ['lead', 'lead', 'lead', 'responsible', 'responsible', 'responsible', 'responsible']);
  });

  describe('a table whose lead column is headed 主办单位 and whose helpers are 协助单位', () => {
    const plan = planOf([
      '# 松埠县2025年乡村道路养护工作方案', // 0
      '', // 1
      '| 序号 | 工作事项 | 主办单位 | 协助单位 | 办结时限 |', // 2
      '|---|---|---|---|---|', // 3
      '| 1 | 修补通村公路坑槽 | 县交通运输局 | 县财政局、各乡镇 | 2025年5月底前 |', // 4
      '| 2 | 清理边沟淤积 | 县公路中心 | 县水务局 | 2025年8月底前 |', // 5
    ]);

    it('takes each row its lead from the 主办 column and its responsible units from the 协助 column', () => {
      assert.deepEqual(plan.tables[0]!.columns, ['number', 'task', 'lead', 'responsible', 'deadline']);
      assert.deepEqual(plan.tasks.map((t) => [names(t.lead), names(t.responsible)]), [
        [['县交通运输局'], ['县财政局', '各乡镇']],
        [['县公路中心'], ['县水务局']],
      ]);
    });
  });

  it('reads a 主责部门 column as the lead', () => {
    const plan = planOf([
      '# 松埠县湿地保护责任清单',
      '',
      '| 序号 | 工作任务 | 主责部门 | 配合部门 | 完成时限 |',
      '|---|---|---|---|---|',
      '| 1 | 设立湿地界桩 | 县林业局 | 县自然资源局 | 2025年10月底前 |',
    ]);
    assert.deepEqual(plan.tasks.map((t) => [names(t.lead), names(t.responsible)]), [[['县林业局'], ['县自然资源局']]]);
  });

  it('reads a unit cell labelled 主责单位： and 协助单位：', () => {
    const plan = planOf([
      '# 松埠县湿地保护责任清单',
      '',
      '| 序号 | 工作任务 | 责任单位 | 完成时限 |',
      '|---|---|---|---|',
      '| 1 | 设立湿地界桩 | 主责单位：县林业局；协助单位：县水务局、县自然资源局 | 2025年10月底前 |',
    ]);
    assert.deepEqual(plan.tasks.map((t) => [names(t.lead), names(t.responsible)]), [[['县林业局'], ['县水务局', '县自然资源局']]]);
  });
});
