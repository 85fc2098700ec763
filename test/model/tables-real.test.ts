// Task tables as web pages and documents really hand them over: cells with a closing pipe, leaders beside units,
// scoring and status columns, merged cells, a category cell before the first row, cells separated by spaces.
import assert from 'node:assert/strict';
import { alignCells, cellKind } from '../../server/src/model/table-cells.js';
import { columnRole } from '../../server/src/model/tables.js';
import type { UnitMention } from '../../server/src/model/types.js';
import { assertRangesAgree, names, planOf } from './helpers.js';

describe('task tables as they arrive', () => {
  it('reads a header by meaning: leaders are persons; scoring, status and schedule columns hold no units', () => {
    const header = ['序号 |', '牵头领导', '分管领导', '责任领导', '牵头责任单位', '主体责任单位', '协同责任单位', '配合部门', '评分部门', '工作评价', '进度安排', '时间节点', '完成时间'];
    assert.deepEqual(header.map(columnRole), [
      'number', 'leader', 'leader', 'leader', 'lead', 'responsible', 'responsible', 'responsible', 'other', 'other', 'other', 'deadline', 'deadline',
    ]);
  });

  it('a cell that says `同上` or `〃` holds the value of the cell above: the lead, the units and the date of the row above', () => {
    const row = (t: { number: string; lead: UnitMention[]; responsible: UnitMention[]; deadline: { text: string } | null; inherited: object }) => [
      t.number, names(t.lead), names(t.responsible), t.deadline?.text ?? null, t.inherited,
    ];
    const plan = planOf([
      '# 溪川县2025年政务服务提升任务分解表',
      '',
      '| 序号 | 具体措施 | 牵头单位 | 配合单位 | 完成时限 |',
      '| --- | --- | --- | --- | --- |',
      '| 1 | 推行开办一日办结 | 县市场监管局 | 县公安局、县税务局 | 2025年3月底前 |',
      '| 2 | 推广电子营业执照 | 同上 | 同上 | 同上 |',
      '| 3 | 扩大网上办税范围 | 县税务局 | 县财政局 | 2025年底前 |',
      '| 4 | 压缩退税时间 | 〃 | 县人行 | 〃 |',
      // An empty cell says nothing of the row above (the table merges no group).
      '| 5 | 对接上级平台 | 县政务服务中心 |  | 2025年6月底前 |',
    ]);
    const none = { lead: false, responsible: false, deadline: false };
    assert.deepEqual(plan.tasks.map(row), [
      ['1', ['县市场监管局'], ['县公安局', '县税务局'], '2025年3月底前', none],
      ['2', ['县市场监管局'], ['县公安局', '县税务局'], '2025年3月底前', { lead: true, responsible: true, deadline: true }],
      ['3', ['县税务局'], ['县财政局'], '2025年底前', none],
      ['4', ['县税务局'], ['县人行'], '2025年底前', { lead: true, responsible: false, deadline: true }],
      ['5', ['县政务服务中心'], [], '2025年6月底前', none],
    ]);
    // A tab-separated table with no 牵头 column: `同上` in its 责任单位 cell gives the lead of the row above too.
    const tabs = planOf(['溪川县2025年工作方案', '', '序号\t具体措施\t责任单位\t完成时限', '1\t推行一日办结\t县市场监管局\t2025年3月底前', '2\t推广电子执照\t同上\t同上']);
    assert.deepEqual(tabs.tasks.map((t) => [t.number, names(t.lead), t.deadline?.text ?? null]), [
      ['1', ['县市场监管局'], '2025年3月底前'],
      ['2', ['县市场监管局'], '2025年3月底前'],
    ]);
  });

  it('tells unit lists, names, dates and text apart', () => {
    assert.deepEqual(
      ['区水务局、区财政局', '各街道', '周明', '欧阳晓东', '2025年6月底前', '全年', '已完成', '组织开展河道清淤，完成12条河道整治', '≥95%'].map(cellKind),
      ['units', 'units', 'person', 'person', 'date', 'date', 'short', 'long', 'blank'],
    );
    // Work that builds something named like a unit is text; a short unit name that starts like work is a unit.
    assert.deepEqual(['建设养老服务中心', '新建社区服务站', '县住建局、县建设局', '12'].map(cellKind), ['short', 'short', 'units', 'number']);
  });

  it('puts the cells of a row with a missing cell and a list over two lines where their content fits', () => {
    // columns: task, measure, target, responsible, scoring bureau; the measure cell is missing, the list is on two lines
    const cells = ['河道保洁覆盖率', '100%', '区水务局', '区城管局', '市水务局'];
    const bounds = alignCells(cells, ['task', 'other', 'other', 'responsible', 'units']);
    // column c takes cells [bounds[c], bounds[c + 1]): the task one, the two units 责任部门, the last the scorer
    assert.deepEqual([bounds[0], bounds[1], bounds[3], bounds[4], bounds[5]], [0, 1, 2, 4, 5]);
  });

  describe('one cell per line, each closed by a pipe, a leader column and only 责任单位', () => {
    const plan = planOf([
      '青溪区2025年重点工作责任清单', // 0
      '序号 |', // 1
      '重点工作 |', // 2
      '责任领导 |', // 3
      '责任单位 |', // 4
      '完成时限 |', // 5
      '1 |', // 6
      '推进老旧小区改造，6月底前完成首批 12个小区的方案设计。 |', // 7
      '周明 |', // 8
      '区住建局、区财政局 |', // 9
      '年内 |', // 10
      '2 |', // 11
      '建设社区养老服务站，力争全年新增床位200张。 |', // 12
      '欧阳晓东 |', // 13
      '区民政局 |', // 14
      '全年 |', // 15
    ]);

    it('makes each numbered row a task on the line of its number', () => {
      assert.equal(plan.tables.length, 1);
      assert.deepEqual(plan.tables[0]!.columns, ['number', 'task', 'leader', 'responsible', 'deadline']);
      assert.deepEqual(plan.tasks.map((t) => [t.number, t.range.start.line]), [['1', 6], ['2', 11]]);
    });

    it('leaves the lead open for two responsible units, never takes a leader for a unit, and keeps pipes out of names', () => {
      // Only a 责任单位 column: a lone unit leads (区民政局), two leave the lead open (PL001 asks which one leads).
      assert.deepEqual(plan.tasks.map((t) => names(t.lead)), [[], ['区民政局']]);
      assert.deepEqual(plan.tasks.map((t) => names(t.responsible)), [['区住建局', '区财政局'], []]);
      assert.ok(plan.units.every((u) => !/[|｜]/.test(u.name) && u.name !== '周明' && u.name !== '欧阳晓东'));
      assertRangesAgree(plan);
    });

    it('binds a row to its deadline column: the column’s 年内, not the step the task text dates (6月底前…首批)', () => {
      const [first, second] = plan.tasks;
      // Both are read; the 完成时限 cell is the table's answer to when the task is done.
      assert.deepEqual(first!.deadlines.map((d) => d.text), ['6月底前', '年内']);
      assert.deepEqual([first!.deadline?.text, first!.deadline?.end], ['年内', '2025-12-31']);
      // `力争全年新增` is a target in the text; the column's 全年 is the deadline
      assert.deepEqual(second!.deadlines.map((d) => d.text), ['全年']);
    });
  });

  describe('one cell per line with blank lines, a category cell, merged cells and a scoring column', () => {
    const plan = planOf([
      '2023年青溪区生态保护任务清单', // 0
      '', // 1
      '类别', // 2
      '', // 3
      '序号', // 4
      '', // 5
      '考核指标', // 6
      '', // 7
      '单位', // 8
      '', // 9
      '年度目标', // 10
      '', // 11
      '责任部门', // 12
      '', // 13
      '评分部门', // 14
      '', // 15
      '水环境治理', // 16
      '', // 17
      '1', // 18
      '', // 19
      '河道保洁覆盖率', // 20
      '', // 21
      '%', // 22
      '', // 23
      '100', // 24
      '', // 25
      '区水务局', // 26
      '', // 27
      '区城管局', // 28
      '', // 29
      '市水务局', // 30
      '', // 31
      '2', // 32
      '', // 33
      '新建污水管网', // 34
      '', // 35
      '12', // 36
      '', // 37
      '区住建局', // 38
      '', // 39
      '市住建局', // 40
    ]);

    it('reads every numbered row past the category cell', () => {
      assert.equal(plan.tables.length, 1);
      assert.deepEqual(plan.tasks.map((t) => [t.number, t.range.start.line, t.title]), [['1', 18, '河道保洁覆盖率'], ['2', 32, '新建污水管网']]);
    });

    it('takes responsible units from 责任部门 only (two lines in row 1, the 单位 cell missing in row 2); a lone one leads', () => {
      // No 牵头 column: as in an item, a lone responsible unit leads and two leave the lead open.
      assert.deepEqual(plan.tasks.map((t) => names(t.responsible)), [['区水务局', '区城管局'], []]);
      assert.deepEqual(plan.tasks.map((t) => names(t.lead)), [[], ['区住建局']]);
      assert.ok(plan.units.every((u) => !u.name.startsWith('市')), 'the scoring bureau is no unit of the task');
      assert.ok(plan.tasks.every((t) => t.deadline === null), 'targets are not deadlines');
    });
  });

  it('reads numbering that starts again under each category cell', () => {
    const plan = planOf([
      '青溪区2024年营商环境重点任务', // 0
      '序号', // 1
      '重点任务', // 2
      '牵头单位', // 3
      '完成时限', // 4
      '一、政务服务', // 5
      '1', // 6
      '推行一窗通办', // 7
      '区政务服务中心', // 8
      '6月底前', // 9
      '2', // 10
      '压缩审批时限', // 11
      '区行政审批局', // 12
      '年底前', // 13
      '二、要素保障', // 14
      '1', // 15
      '盘活存量用地', // 16
      '区自然资源局', // 17
      '9月底前', // 18
    ]);
    assert.deepEqual(plan.tasks.map((t) => [t.number, t.range.start.line, names(t.lead), t.deadline?.text]), [
      ['1', 6, ['区政务服务中心'], '6月底前'],
      ['2', 10, ['区行政审批局'], '年底前'],
      ['1', 15, ['区自然资源局'], '9月底前'],
    ]);
  });

  it('reads a tab-separated row that lost a cell by content, not by position', () => {
    const plan = planOf([
      '青溪区2024年工作方案',
      '序号\t重点工作任务\t牵头单位\t责任单位\t完成时限',
      '1\t清理执法主体\t区司法局\t2024年4月底前',
      '2\t统一文书格式\t区司法局\t各街道\t年内',
    ]);
    assert.deepEqual(plan.tasks.map((t) => [names(t.lead), names(t.responsible), t.deadline?.end]), [
      [['区司法局'], [], '2024-04-30'],
      [['区司法局'], ['各街道'], '2024-12-31'],
    ]);
  });

  describe('cells separated by spaces, a header broken inside its names, rows that are a share of a list', () => {
    const plan = planOf([
      '青溪区2024年重点工作任务进展情况表', // 0
      '序号 重点工作任务 牵头  领导 牵头   责任单位 配合  责任单位 完成情况 备注', // 1
      '12 实施燃气管道更新改造，完成老旧管网改造20公里。 李  强 区住建局 区应急局', // 2
      '各街道 已完成', // 3
      '15 开展校园周边交通整治。 王小明 区公安分局 区教育局 区城管局 推进中', // 4
    ]);

    it('joins the broken header names and reads each row by content', () => {
      const table = plan.tables[0]!;
      assert.equal(table.form, 'space');
      assert.deepEqual(table.header, ['序号', '重点工作任务', '牵头领导', '牵头责任单位', '配合责任单位', '完成情况', '备注']);
      assert.deepEqual(plan.tasks.map((t) => [t.number, t.range.start.line]), [['12', 2], ['15', 4]]);
      assert.deepEqual(plan.tasks.map((t) => t.title), ['实施燃气管道更新改造，完成老旧管网改造20公里', '开展校园周边交通整治']);
    });

    it('takes the lead from the 牵头 column, responsible units from 配合 (over two lines), no leader and no status', () => {
      assert.deepEqual(plan.tasks.map((t) => names(t.lead)), [['区住建局'], ['区公安分局']]);
      assert.deepEqual(plan.tasks.map((t) => names(t.responsible)), [['区应急局', '各街道'], ['区教育局', '区城管局']]);
      assertRangesAgree(plan);
    });
  });

  describe('a table copied with spaces or ` | ` between its cells, one row a line, under a short header', () => {
    const rows = [
      ['1', '新建社区食堂15个', '区民政局、区商务局', '2026年9月底前'],
      ['2', '增设公共充电桩600个', '区发展改革局', '2026年11月底'],
      ['3', '改造雨污管网40公里', '区水务局', '2026年10月底前'],
    ];
    /** The tasks of the table whose header is `header`, its cells joined by `sep`, each as number, title, lead, units, end. */
    const read = (header: string[], sep: string) => {
      const plan = planOf(['东湖区2026年民生实事项目责任分解表', '', ...[header, ...rows.map((r) => r.slice(0, header.length))].map((cells) => cells.join(sep))]);
      assertRangesAgree(plan);
      return plan.tasks.map((t) => [t.number, t.title, names(t.lead), names(t.responsible), t.deadline?.end ?? null]);
    };
    const separators = [' ', '  ', '\u3000', ' | '];

    it('reads each row as the tab-separated copy of it is read: a task column named by one short word (`任务`, `事项`) before 责任单位 is a column of its own', () => {
      for (const header of [['序号', '任务', '责任单位', '完成时限'], ['序号', '事项', '责任单位', '完成时限']]) {
        const expected = [
          ['1', '新建社区食堂15个', [], ['区民政局', '区商务局'], '2026-09-30'],
          ['2', '增设公共充电桩600个', ['区发展改革局'], [], '2026-11-30'],
          ['3', '改造雨污管网40公里', ['区水务局'], [], '2026-10-31'],
        ];
        assert.deepEqual(read(header, '\t'), expected);
        for (const sep of separators) assert.deepEqual(read(header, sep), expected, `${header.join('')} ${JSON.stringify(sep)}`);
      }
    });

    it('and a column of no known role (`项目`) that the rows show to hold the work', () => {
      const header = ['序号', '项目', '责任单位', '完成时限'];
      for (const sep of separators) assert.deepEqual(read(header, sep), read(header, '\t'), JSON.stringify(sep));
    });

    it('reads a header of three names, without a time column', () => {
      const header = ['序号', '任务', '责任单位'];
      for (const sep of separators) {
        assert.deepEqual(read(header, sep).map((t) => [t[0], t[2], t[3]]), [['1', [], ['区民政局', '区商务局']], ['2', ['区发展改革局'], []], ['3', ['区水务局'], []]], JSON.stringify(sep));
      }
    });

    it('still joins a name a copy broke after a short word when another column holds the work (`牵头 领导`, `主体 责任单位`)', () => {
      const plan = planOf(['东湖区2026年工作方案', '序号 工作任务 主体 责任单位 完成时限', '1 新建社区食堂15个 区民政局 2026年9月底前']);
      assert.deepEqual(plan.tables[0]?.header, ['序号', '工作任务', '主体责任单位', '完成时限']);
      // Broken names beside a short task column's: `任务` opens none of them.
      const broken = planOf(['东湖区2026年工作方案', '序号 任务 责任 单位 完成 时限', '1 新建社区食堂15个 区民政局 2026年9月底前']);
      assert.deepEqual(broken.tables[0]?.header, ['序号', '任务', '责任单位', '完成时限']);
      // A header whose only names of who does the work are a leader's, broken (`牵头 领导`): persons, no task table.
      const leaders = planOf(['东湖区2026年工作方案', '序号 工作任务 牵头 领导 完成时限', '1 新建社区食堂15个 张明 2026年9月底前']);
      assert.deepEqual(leaders.tables, []);
    });

    it('keeps a short task column\'s name apart even where another column could hold text (`工作标准`)', () => {
      const plan = planOf([
        '东湖区2026年工作方案',
        '序号 任务 责任单位 完成时限 工作标准',
        '1 新建社区食堂15个 区民政局 2026年9月底前 每个食堂面积不少于一百平方米',
      ]);
      assert.deepEqual(plan.tables[0]?.columns, ['number', 'task', 'responsible', 'deadline', 'other']);
      assert.deepEqual(plan.tasks.map((t) => [t.title, names(t.lead)]), [['新建社区食堂15个', ['区民政局']]]);
    });

    it('makes no table of prose whose words are spaced, nor of a line that opens with `序号` in a sentence', () => {
      const plan = planOf([
        '东湖区2026年民生实事工作方案',
        '一、 总体要求',
        '各单位 要 按照 责任分工 抓好 落实，完成时限 不得 推迟。',
        '序号 1 至 3 的项目 由 区住建局 负责 完成时限 见 附件。',
        '2 各街道 要 做好 配合 区民政局 2026年9月底前 报送 进展。',
      ]);
      assert.deepEqual(plan.tables, []);
    });
  });

  describe('a space-separated table with category rows between its rows and a row wrapped onto the next line (a 为民办实事 list)', () => {
    /** The table's lines: each row's cells, a category row one name, a wrapped row's first line its task cut short. */
    const lines = (sep: string) => [
      '青川县2026年为民办实事项目责任分解表', // 0
      '', // 1
      '　　经县政府研究，确定2026年为民办实事项目6件，责任分解如下。', // 2
      '', // 3
      ['序号', '任务', '责任单位', '完成时限'].join(sep), // 4
      '就业创业类', // 5
      ['1', '开发城乡公益性岗位800个，帮扶困难人员就业', '县人社局、县财政局', '2026年10月底前'].join(sep), // 6
      ['2', '发放创业担保贷款1.2亿元', '县人社局'].join(sep), // 7
      '交通出行类', // 8
      ['3', '新增公交线路4条，优化调整线路6条', '县交通运输局', '2026年9月底前'].join(sep), // 9
      ['4', '实施农村公路提档升级，改造提升'].join(sep), // 10
      ['县乡道路85公里', '县交通运输局、县自然资源局', '2026年11月底前'].join(sep), // 11
      '生态环境类', // 12
      ['5', '新建城区口袋公园10处', '县住建局', '2026年8月底'].join(sep), // 13
      ['6', '完成农村生活污水治理行政村30个', '县生态环境分局', '每年12月'].join(sep), // 14
    ];
    const read = (sep: string) => {
      const plan = planOf(lines(sep));
      assertRangesAgree(plan);
      return plan.tasks.map((t) => [t.source, t.number, t.range.start.line, t.range.end.line, t.title, names(t.lead), names(t.responsible), t.deadline?.end ?? null]);
    };
    const expected = [
      ['table', '1', 6, 6, '开发城乡公益性岗位800个，帮扶困难人员就业', [], ['县人社局', '县财政局'], '2026-10-31'],
      ['table', '2', 7, 7, '发放创业担保贷款1.2亿元', ['县人社局'], [], null],
      ['table', '3', 9, 9, '新增公交线路4条，优化调整线路6条', ['县交通运输局'], [], '2026-09-30'],
      ['table', '4', 10, 11, '实施农村公路提档升级，改造提升县乡道路85公里', [], ['县交通运输局', '县自然资源局'], '2026-11-30'],
      ['table', '5', 13, 13, '新建城区口袋公园10处', ['县住建局'], [], '2026-08-31'],
      ['table', '6', 14, 14, '完成农村生活污水治理行政村30个', ['县生态环境分局'], [], '2026-12-31'],
    ];

    it('reads every row as the tab-separated copy is read: a category row is no task, nor a cell of the row above that lacks one', () => {
      assert.deepEqual(read('\t'), expected);
      for (const sep of [' ', '  ', '\u3000', ' | ']) assert.deepEqual(read(sep), expected, JSON.stringify(sep));
      const plan = planOf(lines(' '));
      assert.deepEqual(plan.tables.map((t) => [t.form, t.range.start.line, t.range.end.line, t.rows.length]), [['space', 4, 14, 6]]);
    });

    it('reads a category row right under the header, and one right under a wrapped row', () => {
      const plan = planOf(['青川县2026年为民办实事项目责任分解表', '序号 任务 责任单位 完成时限', '教育卫生类', '1 改扩建乡镇卫生院3所，新增床位', '120张 县卫健局、县发展改革局 2026年12月底前', '社会保障类', '2 新建村级互助养老站15个 县民政局 2026年10月底前']);
      assert.deepEqual(plan.tasks.map((t) => [t.number, t.title, names(t.responsible), t.deadline?.end ?? null]), [
        ['1', '改扩建乡镇卫生院3所，新增床位120张', ['县卫健局', '县发展改革局'], '2026-12-31'],
        ['2', '新建村级互助养老站15个', [], '2026-10-31'],
      ]);
    });

    it('keeps a deadline cell cut onto its own line as the row\'s (`按季度推进`, `逐年推进`): no category', () => {
      for (const pace of ['按季度推进', '逐年推进', '动态推进', '分年度实施', '日常']) {
        const plan = planOf(['青川县2026年为民办实事项目责任分解表', '序号 任务 责任单位 完成时限', '1 新建乡镇幼儿园2所 县教育局 2026年8月底前', '2 开展困难职工帮扶慰问 县总工会', pace, '3 新建村级互助养老站15个 县民政局 2026年10月底前']);
        assert.deepEqual(plan.tables[0]?.rows[1]?.cells[3], pace, pace);
      }
    });

    it('ends the table at prose or a heading after it: a category row is a short name only, no number, unit, date or sentence, with a row after it', () => {
      const head = ['青川县2026年为民办实事项目责任分解表', '序号 任务 责任单位 完成时限', '教育卫生类', '1 新建乡镇幼儿园2所 县教育局 2026年8月底前'];
      const rowsOf = (...after: string[]) => planOf([...head, ...after]).tables.map((t) => t.rows.map((r) => r.cells[0]));
      // A heading of the plan's next part, its number a marker, then a numbered line.
      assert.deepEqual(rowsOf('二、保障措施', '2 建立 工作 专班 县政府办 2026年3月底前'), [['1']]);
      // A sentence, short or long, before a numbered line.
      assert.deepEqual(rowsOf('请认真落实。', '2 建立 工作 专班 县政府办 2026年3月底前'), [['1']]);
      assert.deepEqual(rowsOf('各责任单位要细化工作方案，明确时间节点，确保项目按期完成', '2 建立 工作 专班 县政府办 2026年3月底前'), [['1']]);
      // A short line with a number, a unit's name or a date is no category's name.
      assert.deepEqual(rowsOf('2026年新增项目', '2 新建 村级 卫生室 县卫健局 2026年9月底前'), [['1']]);
      assert.deepEqual(rowsOf('2026年底前', '2 新建 村级 卫生室 县卫健局 2026年9月底前'), [['1']]);
      // Two short lines, or one with no row under it, or a row that does not go on with the numbers.
      assert.deepEqual(rowsOf('保障措施', '加强组织领导', '2 新建 村级 卫生室 县卫健局 2026年9月底前'), [['1']]);
      assert.deepEqual(rowsOf('保障措施', '', '2 新建 村级 卫生室 县卫健局 2026年9月底前'), [['1']]);
      assert.deepEqual(rowsOf('附则', '1 本方案 自印发之日起 施行 县政府办 2026年1月'), [['1']]);
    });
  });

  describe('a Markdown table without its outer pipes, under its delimiter row (GitHub Flavored Markdown)', () => {
    const body = [
      '1 | 企业开办“一网通办” | 县市场监管局 | 县税务局、县公安局 | 2026年5月底前',
      '2 | 不动产登记 “一窗受理” | 县自然资源局 | 县税务局 | 2026年8月底前',
    ];

    it('reads each row as a task, its cells between the pipes (a space inside a cell kept)', () => {
      for (const delimiter of ['--- | --- | --- | --- | ---', ':--|:---:|---|---|--:', '| --- | --- | --- | --- | --- |']) {
        const plan = planOf(['临川县2026年便民服务重点事项实施方案', '序号 | 重点事项 | 牵头单位 | 配合单位 | 完成时限', delimiter, ...body]);
        assert.deepEqual(plan.tables.map((t) => [t.form, t.columns]), [['markdown', ['number', 'task', 'lead', 'responsible', 'deadline']]], delimiter);
        assert.deepEqual(plan.tasks.map((t) => [t.number, t.title, names(t.lead), names(t.responsible), t.deadline?.end ?? null]), [
          ['1', '企业开办“一网通办”', ['县市场监管局'], ['县税务局', '县公安局'], '2026-05-31'],
          ['2', '不动产登记 “一窗受理”', ['县自然资源局'], ['县税务局'], '2026-08-31'],
        ], delimiter);
        assertRangesAgree(plan);
      }
    });

    it('reads a header that does not open with `序号`', () => {
      const plan = planOf(['临川县2026年便民服务重点事项实施方案', '重点事项 | 牵头单位 | 完成时限', '--- | --- | ---', '企业开办“一网通办” | 县市场监管局 | 2026年5月底前']);
      assert.deepEqual(plan.tasks.map((t) => [t.title, names(t.lead), t.deadline?.end ?? null]), [['企业开办“一网通办”', ['县市场监管局'], '2026-05-31']]);
    });

    it('is no table where the delimiter row counts other cells than the header, nor where the header names no unit column', () => {
      const uneven = planOf(['临川县2026年工作方案', '序号 | 重点事项 | 牵头单位 | 完成时限', '--- | ---', ...body]);
      assert.deepEqual(uneven.tables.filter((t) => t.form === 'markdown'), []);
      const figures = planOf(['临川县2026年工作方案', '指标 | 2025年 | 2026年', '--- | --- | ---', '人均公园绿地面积 | 12平方米 | 13平方米']);
      assert.deepEqual(figures.tables, []);
    });
  });

  describe('category headings and a repeated header inside the table are no tasks', () => {
    it('passes over category lines between tab-separated rows (a merged cell copied without tabs)', () => {
      const plan = planOf([
        '青溪区2024年重点任务分解表', // 0
        '序号\t重点任务\t牵头单位\t完成时限', // 1
        '一、强化创新平台', // 2
        '1\t新建研究中心10家\t区科技局\t2024年12月底前', // 3
        '2\t培育高新技术企业\t区科技局\t2024年11月底前', // 4
        '二、优化营商环境', // 5
        '3\t推进企业开办一日办结\t区市场监管局\t2024年6月底前', // 6
      ]);
      assert.equal(plan.tables.length, 1);
      assert.deepEqual(plan.tasks.map((t) => [t.source, t.number, t.range.start.line, names(t.lead), t.deadline?.end]), [
        ['table', '1', 3, ['区科技局'], '2024-12-31'],
        ['table', '2', 4, ['区科技局'], '2024-11-30'],
        ['table', '3', 6, ['区市场监管局'], '2024-06-30'],
      ]);
      assertRangesAgree(plan);
    });

    it('passes over Markdown category rows (one text, in one cell or in each) and the header printed again', () => {
      const plan = planOf([
        '青溪区2024年重点任务分解表',
        '| 序号 | 重点任务 | 牵头单位 | 完成时限 |',
        '| --- | --- | --- | --- |',
        '| 一、强化创新平台 | | | |',
        '| 1 | 新建研究中心10家 | 区科技局 | 2024年12月底前 |',
        '| 序号 | 重点任务 | 牵头单位 | 完成时限 |',
        '| 数字经济 | 数字经济 | 数字经济 | 数字经济 |',
        '| 2 | 推进企业开办一日办结 | 区市场监管局 | 2024年6月底前 |',
        '| | | | |',
      ]);
      assert.deepEqual(plan.tasks.map((t) => [t.number, t.title, names(t.lead)]), [
        ['1', '新建研究中心10家', ['区科技局']],
        ['2', '推进企业开办一日办结', ['区市场监管局']],
      ]);
    });

    it('keeps a row whose only filled cell is its task: a task whose lead and deadline are missing', () => {
      const plan = planOf(['青溪区2024年重点任务分解表', '| 重点任务 | 牵头单位 | 完成时限 |', '| --- | --- | --- |', '| 推进企业开办一日办结 | | |']);
      assert.deepEqual(plan.tasks.map((t) => [t.title, t.lead.length]), [['推进企业开办一日办结', 0]]);
    });
  });

  describe('unit cells that say more than names', () => {
    const read = (cells: string[], header = '责任单位', convention = '') =>
      planOf(['青溪区2024年重点任务分解表', convention, `| 序号 | 重点任务 | ${header} | 完成时限 |`, '| --- | --- | --- | --- |', ...cells.map((c, i) => `| ${i + 1} | 推进第${i + 1}项工作 | ${c} | 2024年9月 |`)]).tasks.map(
        (t) => [names(t.lead), names(t.responsible), t.deadline?.text ?? null],
      );

    it('reads who leads and who co-operates, by verb or by field name, in a 责任单位 cell', () => {
      assert.deepEqual(read(['区工信局牵头，区财政局、区发改局配合', '牵头单位：区工信局；配合单位：区科技局、区市场监管局', '区商务局牵头负责，区税务局参与']), [
        [['区工信局'], ['区财政局', '区发改局'], '2024年9月'],
        [['区工信局'], ['区科技局', '区市场监管局'], '2024年9月'],
        [['区商务局'], ['区税务局'], '2024年9月'],
      ]);
      assert.deepEqual(read(['区人社局牵头、区教育局', '区发改局牵头，区财政局、区税务局按职责分工负责']), [
        [['区人社局'], ['区教育局'], '2024年9月'],
        [['区发改局'], ['区财政局', '区税务局'], '2024年9月'],
      ]);
    });

    it('takes a schedule column for the time column when the table has no 完成时限', () => {
      const plan = planOf(['青溪区2024年重点任务分工', '| 序号 | 重点任务 | 牵头单位 | 进度安排 |', '| --- | --- | --- | --- |', '| 1 | 整治背街小巷 | 区城管局 | 2024年10月底前 |']);
      assert.deepEqual(plan.tasks.map((t) => t.deadline?.end), ['2024-10-31']);
      const both = planOf(['青溪区2024年重点任务分工', '| 序号 | 重点任务 | 牵头单位 | 进度安排 | 完成时限 |', '| --- | --- | --- | --- | --- |', '| 1 | 整治背街小巷 | 区城管局 | 6月底前启动 | 2024年10月底前 |']);
      assert.deepEqual(both.tables[0]!.columns, ['number', 'task', 'lead', 'other', 'deadline']);
    });

    it('keeps a verb of shared work and a deadline out of the names; units that share the work lead, as in the body', () => {
      assert.deepEqual(read(['区住建局、区城管局按职责分工负责', '区人社局、区医保局，6月底前完成', '区民政局负责落实']), [
        [['区住建局', '区城管局'], [], '2024年9月'],
        [[], ['区人社局', '区医保局'], '6月底前'],
        [['区民政局'], [], '2024年9月'],
      ]);
    });

    it('reads a column of units with their persons: the persons are no units', () => {
      assert.deepEqual(read(['区发改局 张明', '区财政局、区税务局 王芳'], '牵头单位及责任人'), [
        [['区发改局'], [], '2024年9月'],
        [['区财政局', '区税务局'], [], '2024年9月'],
      ]);
      assert.deepEqual(read(['区发改局'], '牵头单位（责任人）'), [[['区发改局'], [], '2024年9月']]);
    });

    it('leaves out a person written in brackets after a unit, never a place in brackets', () => {
      assert.deepEqual(read(['区发改局（张明）', '区财政局（欧阳晓东）、区税务局（王芳）', '区工委（高新园区）'], '牵头单位及责任人'), [
        [['区发改局'], [], '2024年9月'],
        [['区财政局', '区税务局'], [], '2024年9月'],
        [['区工委（高新园区）'], [], '2024年9月'],
      ]);
    });

    it('reads a note in the header as the plan\'s convention, not as a 牵头 column', () => {
      assert.deepEqual(read(['区市场监管局、区税务局'], '责任单位（列第一位的为牵头单位）'), [[['区市场监管局'], ['区税务局'], '2024年9月']]);
    });
  });

  it('reads a row that lost its merged category cell by content, its number included', () => {
    const plan = planOf([
      '青溪县2024年污染防治任务表',
      '类别\t序号\t重点任务\t牵头单位\t配合单位\t完成时限',
      '大气污染防治\t1\t改造燃煤锅炉12台\t县生态环境局\t县市场监管局\t2024年10月底前',
      '2\t治理挥发性有机物\t县生态环境局\t县工信局\t2024年12月底前',
    ]);
    assert.deepEqual(plan.tasks.map((t) => [t.number, t.title, names(t.lead), names(t.responsible), t.deadline?.end]), [
      ['1', '改造燃煤锅炉12台', ['县生态环境局'], ['县市场监管局'], '2024-10-31'],
      ['2', '治理挥发性有机物', ['县生态环境局'], ['县工信局'], '2024-12-31'],
    ]);
    assertRangesAgree(plan);
  });

  it('reads a cell a spreadsheet quoted over several lines as one cell of its row', () => {
    const plan = planOf([
      '青溪区2024年道路建设任务表',
      '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
      '1\t新建道路12条\t区交通局\t"区住建局',
      '区城管局',
      '区公安分局"\t2024年10月底前',
      '2\t建设口袋公园\t区城管局\t各街道\t2024年9月底前',
    ]);
    assert.deepEqual(plan.tasks.map((t) => [t.number, t.range.start.line, names(t.lead), names(t.responsible), t.deadline?.end]), [
      ['1', 2, ['区交通局'], ['区住建局', '区城管局', '区公安分局'], '2024-10-31'],
      ['2', 5, ['区城管局'], ['各街道'], '2024-09-30'],
    ]);
    assertRangesAgree(plan);
  });

  it('reads a unit cell of two lines each opened by its field name (a Word cell: `牵头：X` / `配合：Y`) as a lead and units that take part', () => {
    const plan = planOf([
      '岭南镇2026年人居环境整治任务表', // 0
      '序号\t工作任务\t责任单位\t完成时限', // 1
      '1\t清理河塘沟渠淤泥\t牵头单位：镇农业服务中心', // 2
      '协助单位：镇水利站、各村委会\t2026年4月底前', // 3
      '2\t整治房前屋后乱堆乱放\t镇规划建设办', // 4
      '各村委会\t2026年6月底前', // 5
    ]);
    assert.deepEqual(plan.tasks.map((t) => [t.number, names(t.lead), names(t.responsible), t.deadline?.end ?? null]), [
      ['1', ['镇农业服务中心'], ['镇水利站', '各村委会'], '2026-04-30'],
      // Two lines with no field name are one list, as before.
      ['2', [], ['镇规划建设办', '各村委会'], '2026-06-30'],
    ]);
    // The cell's second line is no paragraph assigning work without a number (PL003).
    assert.deepEqual(plan.unnumbered, []);
    assertRangesAgree(plan);
  });

  describe('a tab-separated table copied from Word whose cells hold line breaks', () => {
    const wrapped = [
      '枫林区2025年城市更新重点任务表', // 0
      '', // 1
      '序号\t工作任务\t牵头单位\t配合单位\t完成时限', // 2
      '1\t新建口袋公园8处\t区城管局\t区住建局\t2025年9月底前', // 3
      // The task cell holds a line break: the next line goes on with it, then fills the row's other cells.
      '2\t改造雨污管网12公里，', // 4
      '同步修复破损路面\t区水务局\t区城管局、区交通局\t2025年11月底前', // 5
      // The 配合单位 cell holds a line break: the deadline is on the next line.
      '3\t新建公共充电桩400个\t区发改局\t区供电公司、', // 6
      '各镇人民政府\t2025年12月底前', // 7
      '4\t新增公共停车泊位900个\t区交通局\t区公安分局\t长期坚持', // 8
    ];
    const read = (lines: string[], eol?: string) =>
      planOf(lines, {}, eol).tasks.map((t) => [t.number, t.range.start.line, t.range.end.line, t.title, names(t.lead), names(t.responsible), t.deadline?.end ?? null]);

    it('reads one row per number, the line that goes on with a cell joined to it', () => {
      const expected = [
        ['1', 3, 3, '新建口袋公园8处', ['区城管局'], ['区住建局'], '2025-09-30'],
        ['2', 4, 5, '改造雨污管网12公里，同步修复破损路面', ['区水务局'], ['区城管局', '区交通局'], '2025-11-30'],
        ['3', 6, 7, '新建公共充电桩400个', ['区发改局'], ['区供电公司', '各镇人民政府'], '2025-12-31'],
        ['4', 8, 8, '新增公共停车泊位900个', ['区交通局'], ['区公安分局'], null],
      ];
      assert.deepEqual(read(wrapped), expected);
      assert.deepEqual(read(wrapped, '\r\n'), expected);
      const plan = planOf(wrapped);
      assert.deepEqual(plan.tables[0]!.rows.map((r) => r.cells.length), [5, 5, 5, 5]);
      assert.equal(plan.tables[0]!.rows[1]!.cells[1], '改造雨污管网12公里，\n同步修复破损路面');
      assert.equal(plan.tables[0]!.rows[2]!.cells[3], '区供电公司、\n各镇人民政府');
      assert.ok(plan.tasks[3]!.deadline?.ongoing);
      assertRangesAgree(plan);
    });

    it('keeps a numbered list inside a cell in its cell: `2.` opening a line that goes on with a cell opens no row', () => {
      const plan = planOf([
        '石岭县2025年农村人居环境整治任务表', // 0
        '序号\t重点任务\t工作措施\t牵头单位\t协同单位\t完成时限', // 1
        '1\t提升农村供水保障\t1.改造老旧供水管网80公里；', // 2
        '2.新建水质检测点6处；', // 3
        '3.完成水厂提标改造。\t县水利局\t县卫健局、各乡镇\t2025年10月底前', // 4
        // A row of its own, opened by its number, whose measures cell also holds a line break.
        '2\t推进农村厕所改造\t1.改建户用卫生厕所1500座；', // 5
        '2.建立管护长效机制。\t县农业农村局\t县财政局\t2025年12月底前', // 6
        '3\t整治村庄环境\t清理垃圾堆放点120处\t县住建局\t各乡镇\t2025年6月底前', // 7
      ]);
      assert.deepEqual(plan.tasks.map((t) => [t.number, t.range.start.line, t.range.end.line, t.title, names(t.lead), names(t.responsible), t.deadline?.end]), [
        ['1', 2, 4, '提升农村供水保障', ['县水利局'], ['县卫健局', '各乡镇'], '2025-10-31'],
        ['2', 5, 6, '推进农村厕所改造', ['县农业农村局'], ['县财政局'], '2025-12-31'],
        ['3', 7, 7, '整治村庄环境', ['县住建局'], ['各乡镇'], '2025-06-30'],
      ]);
      assert.equal(plan.tables[0]!.rows[0]!.cells[2], '1.改造老旧供水管网80公里；\n2.新建水质检测点6处；\n3.完成水厂提标改造。');
      assertRangesAgree(plan);
    });

    it('keeps apart a row that lost its last cells and the numbered row after it, and a category line between them', () => {
      const plan = planOf([
        '枫林区2025年文化惠民任务表', // 0
        '序号\t工作任务\t牵头单位\t完成时限', // 1
        '1\t修缮综合文化站5个\t区文旅局', // 2
        // One tab more would fill the row above, but the line opens with its number: a row of its own.
        '2\t建设城市书房3个', // 3
        '二、群众文化活动', // 4
        '3\t开展送戏下乡120场\t区文旅局\t2025年10月底前', // 5
      ]);
      assert.deepEqual(plan.tasks.map((t) => [t.number, t.range.start.line, t.range.end.line, t.title, names(t.lead), t.deadline?.end ?? null]), [
        ['1', 2, 2, '修缮综合文化站5个', ['区文旅局'], null],
        ['2', 3, 3, '建设城市书房3个', [], null],
        ['3', 5, 5, '开展送戏下乡120场', ['区文旅局'], '2025-10-31'],
      ]);
      assertRangesAgree(plan);
    });
  });

  it('reads the last row of a one-cell-per-line table whose unit list runs over more lines than its cell', () => {
    const lines = ['青溪区2024年民生实事任务分解表', '序号', '项目名称', '牵头单位', '配合单位', '完成时限', '1', '接种流感疫苗', '区卫健委', '区财政局', '2024年11月底前', '2', '建设养老服务中心', '区民政局', '区住建局', '区自然资源局', '2024年12月底前'];
    const plan = planOf(lines);
    assert.deepEqual(plan.tasks.map((t) => [t.number, names(t.responsible), t.deadline?.end]), [
      ['1', ['区财政局'], '2024-11-30'],
      ['2', ['区住建局', '区自然资源局'], '2024-12-31'],
    ]);
    // After the table, a paragraph is not taken into its last row.
    const after = planOf([...lines.slice(0, 16), '各单位要高度重视，认真抓好落实，确保各项民生实事按期完成，取得实效。']);
    assert.deepEqual(after.tasks.map((t) => [t.number, names(t.responsible)]), [
      ['1', ['区财政局']],
      ['2', ['区住建局', '区自然资源局']],
    ]);
  });

  it('keeps a date whole when a category cell follows it on the next line (前 then 二、 is no 前二)', () => {
    const plan = planOf(['青溪区2024年科技创新任务分解表', '序号', '重点任务', '牵头单位', '完成时限', '一、强化平台', '1', '新建研究中心', '区科技局', '2024年12月底前', '二、培育主体', '2', '新增高新技术企业', '区科技局', '2024年11月底前']);
    assert.deepEqual(plan.tasks.map((t) => t.deadline?.text), ['2024年12月底前', '2024年11月底前']);
  });

  describe('a fixed-width copy (pdftotext -layout) whose cells wrap within their columns', () => {
    /** How many columns a fixed-width copy gives a character: two for a wide one (Han, full-width punctuation). */
    const widthOf = (cell: string) => [...cell].reduce((n, ch) => n + (ch.charCodeAt(0) >= 0x2e80 ? 2 : 1), 0);
    /** Lines laid out as such a copy writes them: each cell padded to its column's width (`widths`), the line's end trimmed. */
    const layout = (widths: number[], ...rows: string[][]) =>
      rows.map((cells) => cells.map((cell, c) => cell + ' '.repeat(Math.max(2, widths[c]! - widthOf(cell)))).join('').trimEnd());
    const widths = [8, 34, 16, 22, 16];
    const header = layout(widths, [' 序号', '主要任务', '牵头单位', '协同单位', '完成时间'])[0]!;

    it('reads every row: a wrapped line goes to the row above, each piece joined to the cell of its column', () => {
      const plan = planOf([
        '临江县2026年文明城市创建重点任务分工表', // 0
        '', // 1
        header, // 2
        ...layout(
          widths,
          ['  1', '开展农贸市场环境卫生综合', '县商务局', '县卫健局、县', '2026年5月'], // 3
          ['', '整治，规范经营秩序', '', '城管执法局', '底前'], // 4
          ['  2', '推进老旧小区楼道杂物清理', '县住建局', '各社区居委会', '2026年7月底前'], // 5
          ['  3', '完善公益广告设置', '县委宣传部', '县文旅局', '2026年6月'], // 6
          ['', '', '', '', '底前'], // 7
        ),
      ]);
      assert.deepEqual(plan.tasks.map((t) => [t.number, t.range.start.line, t.range.end.line, t.title, names(t.lead), names(t.responsible), t.deadline?.end ?? null]), [
        ['1', 3, 4, '开展农贸市场环境卫生综合整治，规范经营秩序', ['县商务局'], ['县卫健局', '县城管执法局'], '2026-05-31'],
        ['2', 5, 5, '推进老旧小区楼道杂物清理', ['县住建局'], ['各社区居委会'], '2026-07-31'],
        ['3', 6, 7, '完善公益广告设置', ['县委宣传部'], ['县文旅局'], '2026-06-30'],
      ]);
      assert.equal(plan.tables[0]!.rows[0]!.cells[3], '县卫健局、县城管执法局');
      // A name and a date a wrap cut are placed over both lines.
      const unit = plan.tasks[0]!.responsible[1]!;
      assert.deepEqual([unit.range.start.line, unit.range.end.line], [3, 4]);
      assertRangesAgree(plan);
    });

    it('joins a title wrapped over three lines, and a cell listing one unit a line keeps them apart', () => {
      const plan = planOf([
        '临江县2026年文明城市创建重点任务分工表', // 0
        header, // 1
        ...layout(
          widths,
          ['  1', '在主次干道、背街小巷和城乡结', '县城管执法局', '县交警大队', '2026年9月底前'], // 2
          ['', '合部开展占道经营、乱停乱放', '', '县市场监管局', ''], // 3
          ['', '集中治理', '', '', ''], // 4
          ['  2', '开展志愿服务进社区活动', '团县委', '县民政局、县', '持续推进'], // 5
          ['', '', '', '妇联', ''], // 6
        ),
      ]);
      assert.deepEqual(plan.tasks.map((t) => [t.number, t.title, names(t.lead), names(t.responsible)]), [
        ['1', '在主次干道、背街小巷和城乡结合部开展占道经营、乱停乱放集中治理', ['县城管执法局'], ['县交警大队', '县市场监管局']],
        ['2', '开展志愿服务进社区活动', ['团县委'], ['县民政局', '县妇联']],
      ]);
      assertRangesAgree(plan);
    });

    it('reads rows with empty cells of their own, and takes no paragraph or page number into the last row', () => {
      const rows = layout(
        widths,
        ['  1', '清理小广告和乱涂乱画', '县城管执法局', '', '2026年4月'], // 2
        ['', '', '', '', '底前'], // 3
        ['  2', '规范共享单车停放', '县交通运输局', '县公安局', '2026年5月底前'], // 4
      );
      const plan = planOf(['临江县2026年文明城市创建重点任务分工表', header, ...rows, '                      - 3 -', '    各单位要对照任务分工，细化工作措施，确保按时完成。']);
      assert.deepEqual(plan.tasks.map((t) => [t.number, t.range.end.line, t.title, names(t.lead), names(t.responsible), t.deadline?.end ?? null]), [
        ['1', 3, '清理小广告和乱涂乱画', ['县城管执法局'], [], '2026-04-30'],
        ['2', 4, '规范共享单车停放', ['县交通运输局'], ['县公安局'], '2026-05-31'],
      ]);
      assert.equal(plan.tables[0]!.range.end.line, 4);
    });
  });
});
