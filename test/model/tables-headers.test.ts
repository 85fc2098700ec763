// Task-table headers read by their meaning, however a plan words or spaces them, and the numbering a table's rows use.
import assert from 'node:assert/strict';
import { columnRole, columnRoles } from '../../server/src/model/tables.js';
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

  describe('columns of those in charge and of deadlines by other names', () => {
    const rowsOf = (header: string[], cells: string[][]) =>
      planOf([
        '# 松埠县2025年河湖治理工作方案',
        '',
        `| 序号 | 工作任务 | ${header.join(' | ')} |`,
        `|---|---|${header.map(() => '---').join('|')}|`,
        ...cells.map((row, i) => `| ${i + 1} | 清淤疏浚第${i + 1}段河道 | ${row.join(' | ')} |`),
      ]).tasks.map((t) => [names(t.lead), names(t.responsible), t.deadline?.end ?? null]);

    it('reads a lone 负责单位, 实施主体 or 承担单位 as the units in charge, one of them leading', () => {
      for (const head of ['负责单位', '实施主体', '承担单位']) {
        assert.deepEqual(rowsOf([head, '完成时限'], [['县水务局', '2025年6月底前']]), [[['县水务局'], [], '2025-06-30']], head);
      }
    });

    it('makes 责任主体, 实施主体, 责任单位 or 负责单位 the lead beside a 配合单位 column', () => {
      for (const head of ['责任主体', '实施主体', '责任单位', '负责单位']) {
        assert.deepEqual(columnRoles(['序号', '工作任务', head, '配合单位', '完成时限']), ['number', 'task', 'lead', 'responsible', 'deadline'], head);
        assert.deepEqual(rowsOf([head, '配合单位', '完成时限'], [['县水务局', '县财政局', '2025年6月底前']]), [[['县水务局'], ['县财政局'], '2025-06-30']], head);
      }
    });

    it('follows a 责任单位 cell beside 配合单位 where it says which of its units leads', () => {
      assert.deepEqual(rowsOf(['责任单位', '配合单位'], [['县水务局（牵头）、县城管局', '县财政局'], ['县水务局牵头，县林业局配合', '县财政局'], ['县水务局、县城管局', '']]), [
        [['县水务局'], ['县城管局', '县财政局'], null],
        [['县水务局'], ['县林业局', '县财政局'], null],
        [['县水务局', '县城管局'], [], null],
      ]);
    });

    it('keeps 责任单位 responsible beside a 牵头单位 column', () => {
      assert.deepEqual(columnRoles(['序号', '工作任务', '牵头单位', '责任单位', '配合单位']), ['number', 'task', 'lead', 'responsible', 'responsible']);
    });

    it('reads 推进时序, 完成日期 and 截止时点 as deadline columns', () => {
      for (const head of ['推进时序', '完成日期', '截止时点']) {
        assert.deepEqual(rowsOf(['牵头单位', head], [['县水务局', '2025年6月底前']]), [[['县水务局'], [], '2025-06-30']], head);
      }
    });
  });

  describe('a task column whose header is not a known task word', () => {
    const tasksOf = (header: string) =>
      planOf([
        '# 松埠县2025年河湖治理工作方案',
        '',
        `| 序号 | ${header} | 牵头单位 | 责任单位 | 完成时限 |`,
        '|---|---|---|---|---|',
        '| 1 | 清淤疏浚支流河道 | 县水务局 | 各乡镇 | 2025年6月底前 |',
        '| 2 | 加固汛期受损堤岸 | 县农业农村局 | 县财政局 | 2025年9月底前 |',
      ]).tasks.map((t) => [t.title, names(t.lead)]);
    const expected = [
      ['清淤疏浚支流河道', ['县水务局']],
      ['加固汛期受损堤岸', ['县农业农村局']],
    ];

    it('reads 具体工作, 工作举措, 具体举措 and 工作要求 as task columns', () => {
      for (const header of ['具体工作', '工作举措', '具体举措', '工作要求']) {
        assert.equal(columnRole(header), 'task', header);
        assert.deepEqual(tasksOf(header), expected, header);
      }
    });

    it('finds the task column by its rows when no header word names it (攻坚目标, 主攻方向)', () => {
      assert.deepEqual(tasksOf('攻坚目标'), expected);
      assert.deepEqual(tasksOf('主攻方向'), expected);
      const plan = planOf([
        '松埠县2025年攻坚任务清单',
        '',
        '序号\t片区\t攻坚方向\t分管领导\t牵头单位\t配合单位\t完成时限',
        '1\t东片\t完成沿河棚户征收200户\t赵明\t县住建局\t东城街道\t2025年8月底前',
        '2\t西片\t建成污水管网12公里\t钱红\t县水务局\t县财政局\t2025年10月底前',
      ]);
      assert.deepEqual(plan.tables[0]?.columns, ['number', 'other', 'task', 'leader', 'lead', 'responsible', 'deadline']);
      assert.deepEqual(plan.tasks.map((t) => [t.title, names(t.lead), t.deadline?.end]), [
        ['完成沿河棚户征收200户', ['县住建局'], '2025-08-31'],
        ['建成污水管网12公里', ['县水务局'], '2025-10-31'],
      ]);
    });

    it('finds it in a table copied one cell per line as well', () => {
      const plan = planOf([
        '松埠县2025年攻坚任务清单',
        '',
        ...['序号', '项目', '攻坚目标', '分管领导', '牵头单位', '配合单位', '完成时限'],
        ...['1', '东片改造', '完成沿河棚户征收200户', '赵明', '县住建局', '东城街道', '2025年8月底前'],
        ...['2', '西片管网', '建成污水管网12公里', '钱红', '县水务局', '县财政局', '2025年10月底前'],
      ]);
      assert.equal(plan.tables[0]?.form, 'flat');
      assert.deepEqual(plan.tasks.map((t) => [t.title, names(t.lead), t.deadline?.end]), [
        ['完成沿河棚户征收200户', ['县住建局'], '2025-08-31'],
        ['建成污水管网12公里', ['县水务局'], '2025-10-31'],
      ]);
    });

    it('reads no task table from a list of contacts, which names units but no work', () => {
      const plan = planOf([
        '# 松埠县2025年河湖治理工作方案',
        '',
        '| 序号 | 责任单位 | 联系人 | 联系电话 |',
        '|---|---|---|---|',
        '| 1 | 县水务局 | 孙丽 | 0571-81234567 |',
      ]);
      assert.equal(plan.tables.length, 0);
    });

    it('reads no task table from the standing duties of each unit: the tasks of the body stay the tasks', () => {
      const plan = planOf([
        '松埠县2025年河湖治理工作方案',
        '一、重点任务',
        '（一）清理河道。（牵头单位：县水务局；完成时限：2025年6月底前）',
        '二、组织保障',
        '成员单位职责如下：',
        '| 责任单位 | 主要职责 |',
        '|---|---|',
        '| 县水务局 | 负责统筹河湖治理工作，牵头开展河湖健康评价 |',
        '| 县自然资源局 | 负责河湖管理范围内的用地保障 |',
      ]);
      assert.deepEqual(plan.tasks.map((t) => [t.number, t.title, names(t.lead)]), [['（一）', '清理河道', ['县水务局']]]);
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

describe('a table with a two-row header (`责任单位` over `牵头 | 配合`)', () => {
  const rows = (second: string) =>
    planOf([
      '松埠县2025年乡村道路养护任务分解表',
      '序号\t工作事项\t责任单位\t\t完成时限',
      second,
      '1\t修补通村公路坑槽\t县交通运输局\t县财政局、各乡镇\t2025年5月底前',
      '2\t清理边沟淤积\t县公路中心\t县水务局\t2025年8月底前',
    ]);

  it('reads the second row as the names of the columns the first spans, no task', () => {
    const plan = rows('\t\t牵头\t配合\t');
    assert.deepEqual(plan.tables[0]!.columns, ['number', 'task', 'lead', 'responsible', 'deadline']);
    assert.deepEqual(plan.tasks.map((t) => [t.number, names(t.lead), names(t.responsible)]), [
      ['1', ['县交通运输局'], ['县财政局', '各乡镇']],
      ['2', ['县公路中心'], ['县水务局']],
    ]);
  });

  it('a Markdown table\'s second header row, under the separator, likewise', () => {
    const plan = planOf([
      '松埠县2025年乡村道路养护任务分解表',
      '| 序号 | 工作事项 | 责任单位 |  | 完成时限 |',
      '| --- | --- | --- | --- | --- |',
      '|  |  | 牵头 | 配合 |  |',
      '| 1 | 修补通村公路坑槽 | 县交通运输局 | 县财政局、各乡镇 | 2025年5月底前 |',
    ]);
    assert.deepEqual(plan.tasks.map((t) => [t.number, names(t.lead), names(t.responsible)]), [['1', ['县交通运输局'], ['县财政局', '各乡镇']]]);
  });

  it('a first row of units under the header is a row (a task whose number is lost)', () => {
    const plan = rows('\t整修危桥\t县交通运输局\t县财政局\t2025年6月底前');
    assert.equal(plan.tasks.length, 3);
  });

  describe('a second row shorter than the first, the copy having dropped its empty cells (`责任分工` over `牵头单位 | 配合单位`)', () => {
    const header = ['序号', '工作事项', '责任分工', '完成时限'];
    const parts = ['牵头单位', '配合单位'];
    const body = [
      ['1', '建设秸秆收储点6个', '县农业农村局', '县发展改革局、各乡镇', '2025年8月底前'],
      ['2', '推广秸秆还田12万亩', '县农技中心', '县财政局', '2025年11月底前'],
    ];
    const expected = [
      ['1', ['县农业农村局'], ['县发展改革局', '各乡镇'], '2025-08-31'],
      ['2', ['县农技中心'], ['县财政局'], '2025-11-30'],
    ];
    const readings = (lines: string[]) => {
      const plan = planOf(['松埠县2025年秸秆综合利用工作方案', '二、重点任务', '重点任务分工详见附表。', '附表', ...lines]);
      assert.deepEqual(plan.tables[0]?.columns, ['number', 'task', 'lead', 'responsible', 'deadline']);
      return plan.tasks.map((t) => [t.number, names(t.lead), names(t.responsible), t.deadline?.end ?? null]);
    };

    for (const [form, join] of [
      ['pipes between cells', (cells: string[]) => cells.join(' | ')],
      ['tabs', (cells: string[]) => cells.join('\t')],
      ['spaces', (cells: string[]) => cells.join('   ')],
    ] as const) {
      it(`reads the rows under it as tasks of five columns, and neither it nor the heading above the table as a task (${form})`, () => {
        assert.deepEqual(readings([header, parts, ...body].map(join)), expected);
      });
    }

    it('likewise in a Markdown table, the second row under the separator', () => {
      const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
      assert.deepEqual(readings([row(header), row(header.map(() => '---')), row(parts), ...body.map(row)]), expected);
    });

    it('and a Markdown table whose second row, above the separator, keeps its empty cells', () => {
      const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
      const lines = [row(['序号', '工作事项', '责任分工', '', '完成时限']), row(['', '', ...parts, '']), row(body[0]!.map(() => '---')), ...body.map(row)];
      assert.deepEqual(readings(lines), expected);
    });

    it('the two header rows printed again after a page break are no rows: the table goes on', () => {
      for (const row of [(cells: string[]) => `| ${cells.join(' | ')} |`, (cells: string[]) => cells.join('\t')]) {
        const [one, two] = body;
        const lines = [header, parts, one!].map(row).concat(['', '— 2 —', '', ...[header, parts, two!].map(row)]);
        assert.deepEqual(readings(lines), expected);
      }
    });

    it('a row of units, or of names of no unit or time column, is no second header row', () => {
      const units = planOf(['松埠县2025年秸秆综合利用任务分解表', ...[header, ['县农业农村局', '县财政局'], ...body].map((cells) => cells.join('\t'))]);
      assert.equal(units.tables[0]?.header.length, 4);
      const others = planOf(['松埠县2025年秸秆综合利用任务分解表', ...[header, ['类别', '备注'], ...body].map((cells) => cells.join('\t'))]);
      assert.equal(others.tables[0]?.header.length, 4);
    });
  });
});

describe('a flattened header whose names a narrow column wrapped onto two lines', () => {
  /** A one-cell-per-line table under `header`; its second row has no leader (a cell merged with the one above). */
  const flat = (header: string[]) =>
    planOf([
      '松埠县2025年背街小巷整治任务分解表',
      ...header,
      '1',
      '铺设沥青路面3.2公里。',
      '陈国栋',
      '县住建局',
      '县交通运输局、各社区',
      '2025年9月底前',
      '2',
      '更换老旧路灯260盏。',
      '县城管局',
      '县供电公司',
      '2025年5月底前',
    ]);
  const readings = (plan: ReturnType<typeof flat>) =>
    plan.tasks.map((t) => [t.number, names(t.lead), names(t.responsible), t.deadline?.end ?? null]);
  const expected = [
    ['1', ['县住建局'], ['县交通运输局', '各社区'], '2025-09-30'],
    ['2', ['县城管局'], ['县供电公司'], '2025-05-31'],
  ];

  it('reads `牵头` / `领导` as one column of the leading official: a shorter row keeps its lead apart from those who help', () => {
    const plan = flat(['序号', '整治任务', '牵头', '领导', '牵头单位', '配合单位', '完成时限']);
    assert.deepEqual(plan.tables[0]!.header, ['序号', '整治任务', '牵头领导', '牵头单位', '配合单位', '完成时限']);
    assert.deepEqual(plan.tables[0]!.columns, ['number', 'task', 'leader', 'lead', 'responsible', 'deadline']);
    assert.deepEqual(readings(plan), expected);
  });

  it('reads `完成` / `时限`, `分管` / `领导`, `责任` / `单位` and `配合` / `单位` each as one name: the deadlines are read, no date is a unit', () => {
    const plan = flat(['序号', '整治任务', '分管', '领导', '责任', '单位', '配合', '单位', '完成', '时限']);
    assert.deepEqual(plan.tables[0]!.header, ['序号', '整治任务', '分管领导', '责任单位', '配合单位', '完成时限']);
    assert.deepEqual(readings(plan), expected);
  });

  it('keeps names that are columns of their own apart (`类别` then `任务`, `牵头` then `配合`, `责任` then `时限`)', () => {
    const header = ['序号', '类别', '任务', '牵头', '配合', '责任', '时限'];
    const plan = planOf(['松埠县2025年背街小巷整治任务分解表', ...header, '1', '道路', '铺设沥青路面3.2公里。', '县住建局', '县交通运输局', '各社区', '2025年9月底前']);
    assert.deepEqual(plan.tables[0]!.header, header);
  });
});
