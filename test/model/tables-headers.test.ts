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

  it('reads a 承办单位 column as the lead and a 实施主体 column as responsible', () => {
    assert.deepEqual(['承办单位', '承办部门', '实施主体'].map(columnRole), ['lead', 'lead', 'responsible']);
    const plan = planOf([
      '# 松埠县2025年民生实事工作方案',
      '',
      '| 序号 | 工作任务 | 承办单位 | 办结时限 |',
      '|---|---|---|---|',
      '| 1 | 改造老旧小区12个 | 县住建局 | 2025年11月底前 |',
    ]);
    assert.deepEqual(plan.tasks.map((t) => [names(t.lead), t.deadline?.text ?? null]), [[['县住建局'], '2025年11月底前']]);
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

  describe('a header spaced out to fill its cells', () => {
    it('reads 责 任 单 位 as 责任单位, and the plan\'s convention names the first unit listed the lead', () => {
      const plan = planOf([
        '# 松埠县2025年集贸市场提升实施方案', // 0
        '', // 1
        '| 序 号 | 工 作 内 容 | 责 任 单 位 | 完 成 时 限 |', // 2
        '|---|---|---|---|', // 3
        '| 1 | 改造农贸市场排水沟 | 县商务局、县城管局 | 2025年7月底前 |', // 4
        '', // 5
        '注：责任单位中列第一位者为牵头单位。', // 6
      ]);
      assert.deepEqual(plan.tables[0]!.columns, ['number', 'task', 'responsible', 'deadline']);
      assert.deepEqual(plan.tasks.map((t) => [names(t.lead), names(t.responsible), t.deadline?.end]), [[['县商务局'], ['县城管局'], '2025-07-31']]);
    });
  });

  describe('one column for the lead and those who take part', () => {
    const rowsOf = (header: string, cells: string[]) =>
      planOf([
        '# 松埠县2025年夜间经济提升行动方案',
        '',
        `| 序号 | 重点任务 | ${header} | 完成时限 |`,
        '|---|---|---|---|',
        ...cells.map((cell, i) => `| ${i + 1} | 打造夜市街区第${i + 1}段 | ${cell} | 2025年8月底前 |`),
      ]).tasks.map((t) => [names(t.lead), names(t.responsible)]);

    it('makes the first unit listed under 牵头/配合单位 the lead and the others responsible', () => {
      assert.deepEqual(rowsOf('牵头/配合单位', ['县商务局、县文旅局、县城管局', '县市场监管局']), [
        [['县商务局'], ['县文旅局', '县城管局']],
        [['县市场监管局'], []],
      ]);
    });

    it('follows the cell where it says who leads, under 牵头单位及责任单位', () => {
      assert.deepEqual(rowsOf('牵头单位及责任单位', ['县城管局配合，县商务局牵头', '县文旅局、县商务局（牵头）']), [
        [['县商务局'], ['县城管局']],
        [['县商务局'], ['县文旅局']],
      ]);
    });

    it('keeps 牵头责任单位 and 牵头单位及责任人 columns of leads', () => {
      assert.deepEqual(rowsOf('牵头责任单位', ['县商务局、县文旅局']), [[['县商务局', '县文旅局'], []]]);
      assert.deepEqual(rowsOf('牵头单位及责任人', ['县商务局 李红']), [[['县商务局'], []]]);
    });
  });

  it('reads a space-separated table with a rule of dashes under its header', () => {
    const plan = planOf([
      '松埠县2025年口袋公园建设实施方案',
      '',
      '序号   建设内容             牵头单位     配合单位     完成时限',
      '-----  -------------------  -----------  -----------  ------------',
      '1      新建口袋公园8处      县住建局     各乡镇       2025年10月底前',
      '2      补植行道树           县林业局     县城管局     2025年4月底前',
      '=====  ===================  ===========  ===========  ============',
      '',
    ]);
    assert.equal(plan.tables[0]?.form, 'space');
    assert.deepEqual(plan.tasks.map((t) => [t.number, names(t.lead), names(t.responsible), t.deadline?.end]), [
      ['1', ['县住建局'], ['各乡镇'], '2025-10-31'],
      ['2', ['县林业局'], ['县城管局'], '2025-04-30'],
    ]);
  });
});
