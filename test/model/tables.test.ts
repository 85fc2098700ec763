// Task tables (任务分解表): Markdown pipes, tab-separated rows and the flattened one-cell-per-line copy; rows are tasks.
import assert from 'node:assert/strict';
import { columnRole } from '../../server/src/model/tables.js';
import { assertRangesAgree, at, names, planOf } from './helpers.js';

describe('task tables', () => {
  it('classifies header cells', () => {
    const roles = ['序号', '重点工作任务', '牵头单位', '责任单位', '配合单位', '完成时限', '完成时间', '备注', '牽頭單位'].map(columnRole);
    assert.deepEqual(roles, ['number', 'task', 'lead', 'responsible', 'responsible', 'deadline', 'deadline', 'other', 'lead']);
  });

  describe('Markdown pipe table', () => {
    const plan = planOf([
      '白石市2024年工作方案', // 0
      '一、总体要求', // 1
      '坚持依法行政,各牵头单位要加强统筹。', // 2
      '附件:重点任务分解表', // 3
      '| 序号 | 重点工作任务 | 牵头单位 | 责任单位 | 完成时限 |', // 4
      '| --- | --- | --- | --- | --- |', // 5
      '| 1 | 清理文件。逐件审核 | 市司法局 | 市直各部门、各区县(市)人民政府 | 2024年3月底前 |', // 6
      '| 2 | 公开目录 |  | 市政府办公室 | 持续推进 |', // 7
      '｜3｜编制清单｜市财政局｜市审计局｜2024年2月30日前｜', // 8
    ]);

    it('makes each row a task, the body none', () => {
      assert.equal(plan.tables.length, 1);
      assert.equal(plan.tables[0]!.form, 'markdown');
      assert.deepEqual(plan.tables[0]!.columns, ['number', 'task', 'lead', 'responsible', 'deadline']);
      assert.deepEqual(plan.tasks.map((t) => [t.source, t.number, t.numberValue, t.title]), [
        ['table', '1', 1, '清理文件'],
        ['table', '2', 2, '公开目录'],
        ['table', '3', 3, '编制清单'],
      ]);
      assert.deepEqual(plan.tasks.map((t) => t.range.start.line), [6, 7, 8]);
    });

    it('reads lead, responsible and deadline cells, empty cells as nothing', () => {
      const [first, second, third] = plan.tasks;
      assert.deepEqual(names(first!.lead), ['市司法局']);
      assert.deepEqual(names(first!.responsible), ['市直各部门', '各区县(市)人民政府']);
      assert.deepEqual([first!.deadline?.end, first!.deadline?.precision], ['2024-03-31', 'month']);
      assert.deepEqual(second!.lead, []);
      assert.equal(second!.deadline?.ongoing, true);
      assert.equal(third!.deadline?.end, null);
      assert.ok(third!.deadline?.invalid, 'February has no 30th');
    });

    it('places the cells exactly', () => {
      const line6 = '| 1 | 清理文件。逐件审核 | 市司法局 | 市直各部门、各区县(市)人民政府 | 2024年3月底前 |';
      const [first] = plan.tasks;
      const col = (s: string) => line6.indexOf(s);
      assert.equal(at(first!.lead[0]!.range), `6:${col('市司法局')}-6:${col('市司法局') + 4}`);
      assert.equal(at(first!.responsible[1]!.range), `6:${col('各区县')}-6:${col('各区县') + '各区县(市)人民政府'.length}`);
      assert.equal(at(first!.deadline!.range).split('-')[0], `6:${col('2024年3月')}`);
      assert.equal(at(first!.titleRange), `6:${col('清理')}-6:${col('清理') + 4}`);
      assertRangesAgree(plan);
    });
  });

  describe('a deadline cell repeated row after row', () => {
    const plan = planOf([
      '白石市2024年工作方案', // 0
      '| 序号 | 重点工作任务 | 牵头单位 | 完成时限 |', // 1
      '| --- | --- | --- | --- |', // 2
      '| 1 | 清理文件 | 市司法局 | 2024年6月底前 |', // 3
      '| 2 | 公开目录 | 市政府办公室 | 2024年6月底前 |', // 4
      '| 3 | 编制清单 | 市财政局 | 长期坚持 |', // 5
      '| 4 | 审核规章 | 市司法局 | 2024年6月底前 |', // 6
      '| 5 | 整理档案 | 市档案馆 | 2024年2月30日前 |', // 7
      '| 6 | 清理票据 | 市财政局 | 2024年2月30日前 |', // 8
    ]);

    it('reads it once and places each row its own deadline, in its own cell', () => {
      const lines = ['3', '4', '5', '6', '7', '8'];
      assert.deepEqual(
        plan.tasks.map((t) => [at(t.deadline!.range).split('-')[0]!.split(':')[0], t.deadline!.end, t.deadline!.ongoing, Boolean(t.deadline!.invalid)]),
        [
          [lines[0], '2024-06-30', false, false],
          [lines[1], '2024-06-30', false, false],
          [lines[2], null, true, false],
          [lines[3], '2024-06-30', false, false],
          [lines[4], null, false, true],
          [lines[5], null, false, true],
        ],
      );
      const [first, second] = plan.tasks;
      assert.notEqual(first!.deadline, second!.deadline);
      assert.equal(first!.deadline!.text, '2024年6月底前');
      assertRangesAgree(plan);
    });
  });

  describe('tab-separated table', () => {
    const plan = planOf([
      '望江市2023年工作方案',
      '附件:任务分解表',
      '序号\t重点工作任务\t牵头单位\t责任单位\t完成时限',
      '1\t清理执法主体\t市司法局\t市直各行政执法部门\t2023年4月底前',
      '2\t统一文书格式\t市司法局、市数据资源局\t\t',
      '3\t开展专项整治\t市交通运输局\t市公安局,各县(市)区人民政府\t长期坚持',
    ]);

    it('reads rows with literal tabs, empty trailing cells included', () => {
      assert.equal(plan.tables[0]!.form, 'tsv');
      assert.deepEqual(plan.tasks.map((t) => [t.number, t.title, names(t.lead), names(t.responsible)]), [
        ['1', '清理执法主体', ['市司法局'], ['市直各行政执法部门']],
        ['2', '统一文书格式', ['市司法局', '市数据资源局'], []],
        ['3', '开展专项整治', ['市交通运输局'], ['市公安局', '各县(市)区人民政府']],
      ]);
      assert.deepEqual(plan.tasks.map((t) => t.deadline?.end ?? null), ['2023-04-30', null, null]);
      assert.equal(plan.tasks[1]!.deadline, null);
      assert.equal(plan.tasks[2]!.deadline?.ongoing, true);
      assert.equal(at(plan.tasks[1]!.lead[1]!.range), `4:${'2\t统一文书格式\t市司法局、'.length}-4:${'2\t统一文书格式\t市司法局、市数据资源局'.length}`);
      assertRangesAgree(plan);
    });
  });

  describe('flattened table (one cell per line, as copied from a web page)', () => {
    const lines = [
      '云岭市2021年度法治政府建设重点任务', // 0
      '附件', // 1
      '\u00a0', // 2
      '序号', // 3
      '', // 4
      '重点工作任务', // 5
      '\u00a0\u00a0', // 6
      '牵头单位', // 7
      '责任单位', // 8
      '完成时限', // 9
      '1', // 10
      '清理规范性文件。逐件审核', // 11
      '市司法局', // 12
      '市发展改革委、市财政局、', // 13
      '各区县人民政府', // 14
      '2021年6月底前', // 15
      '\u00a0', // 16
      '2', // 17
      '公开决策目录', // 18
      '\u00a0', // 19
      '市政府办公室', // 20
      '市直各部门、', // 21
      '', // 22
      '市审计局', // 23
      '持续推进', // 24
      '3', // 25
      '评查执法案卷', // 26
      '市司法局、', // 27
      '市公安局', // 28
      '各行政执法部门', // 29
      '2021615', // 30
    ];

    for (const [label, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
      it(`skips blank and \\u00a0-only lines, and continues a cell ending in 、 (${label})`, () => {
        const plan = planOf(lines, {}, eol);
        assert.equal(plan.tables.length, 1);
        const table = plan.tables[0]!;
        assert.equal(table.form, 'flat');
        assert.deepEqual(table.header, ['序号', '重点工作任务', '牵头单位', '责任单位', '完成时限']);
        assert.deepEqual(plan.tasks.map((t) => [t.number, t.title]), [['1', '清理规范性文件'], ['2', '公开决策目录'], ['3', '评查执法案卷']]);
        const [first, second, third] = plan.tasks;
        assert.deepEqual(names(first!.lead), ['市司法局']);
        assert.deepEqual(names(first!.responsible), ['市发展改革委', '市财政局', '各区县人民政府']);
        assert.equal(at(first!.responsible[2]!.range), '14:0-14:7');
        assert.deepEqual([first!.deadline?.end, first!.deadline?.range.start.line], ['2021-06-30', 15]);
        assert.deepEqual(names(second!.lead), ['市政府办公室']);
        assert.deepEqual(names(second!.responsible), ['市直各部门', '市审计局']);
        assert.equal(at(second!.responsible[1]!.range), '23:0-23:4');
        assert.equal(second!.deadline?.ongoing, true);
        assert.deepEqual(names(third!.lead), ['市司法局', '市公安局']);
        assert.deepEqual(names(third!.responsible), ['各行政执法部门']);
        assert.deepEqual([third!.deadline?.end, third!.deadline?.damaged], ['2021-06-15', true]);
        assert.deepEqual(plan.tasks.map((t) => t.range.start.line), [10, 17, 25]);
        assertRangesAgree(plan);
      });
    }
  });

  describe('a row with no number continues the row above (cells merged in Word or Excel, copied as text)', () => {
    const read = (plan: ReturnType<typeof planOf>) =>
      plan.tasks.map((t) => [t.number, t.title, names(t.lead), names(t.responsible), t.deadline?.end ?? null, t.inherited.lead]);

    it('a Markdown row takes the lead, units and deadline of the row above where its cells are empty', () => {
      const plan = planOf([
        '青杉县2026年便民服务工作方案',
        '附件:任务分解表',
        '| 序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 |',
        '| --- | --- | --- | --- | --- |',
        '| 1 | 新建便民服务点6个 | 县商务局 | 县财政局 | 2026年6月底前 |',
        '|  | 升级便民服务点导视牌 |  | 县住建局 |  |',
        '|  | 培训便民服务点人员 |  |  | 2026年9月底前 |',
        '| 2 | 整修农贸市场2处 |  | 县市场监管局 | 2026年底前 |',
      ]);
      assert.deepEqual(read(plan), [
        ['1', '新建便民服务点6个', ['县商务局'], ['县财政局'], '2026-06-30', false],
        ['', '升级便民服务点导视牌', ['县商务局'], ['县住建局'], '2026-06-30', true],
        ['', '培训便民服务点人员', ['县商务局'], ['县住建局'], '2026-09-30', true],
        // A numbered row with an empty lead cell has no lead: nothing continues there.
        ['2', '整修农贸市场2处', [], ['县市场监管局'], '2026-12-31', false],
      ]);
      assert.deepEqual(plan.tasks.map((t) => t.inherited.deadline), [false, true, false, false]);
      assertRangesAgree(plan);
    });

    it('a tab-separated row does the same; a row with no task text of its own adds its units to the task above', () => {
      const plan = planOf([
        '青杉县2026年便民服务工作方案',
        '附件:任务分解表',
        '序号\t工作任务\t牵头单位\t配合单位\t完成时限',
        '1\t新建便民服务点6个\t县商务局\t县财政局\t2026年6月底前',
        '\t升级便民服务点导视牌\t\t县住建局\t2026年8月底前',
        '\t\t\t县交通局\t2026年8月底前',
        '2\t整修农贸市场2处\t县市场监管局\t\t2026年底前',
      ]);
      assert.deepEqual(read(plan), [
        ['1', '新建便民服务点6个', ['县商务局'], ['县财政局'], '2026-06-30', false],
        ['', '升级便民服务点导视牌', ['县商务局'], ['县住建局', '县交通局'], '2026-08-31', true],
        ['2', '整修农贸市场2处', ['县市场监管局'], [], '2026-12-31', false],
      ]);
    });

    it('a numbered row under a merged group cell takes the lead of the row above when its lead cell is empty', () => {
      const plan = planOf([
        '青杉县2026年便民服务工作方案',
        '附件:任务分解表',
        '序号\t重点任务\t具体举措\t牵头领导\t牵头单位\t配合单位\t完成时限',
        '1\t提升便民服务\t新建便民服务点6个\t周敏\t县商务局\t县财政局\t2026年6月底前',
        '2\t\t升级便民服务点导视牌\t\t\t县住建局\t2026年8月底前',
        '3\t\t培训便民服务点人员\t\t县人社局\t\t2026年9月底前',
        '4\t\t建立服务点巡查制度\t\t\t\t2026年10月底前',
        '5\t整治农贸市场\t整修农贸市场2处\t吴刚\t\t县市场监管局\t2026年底前',
      ]);
      assert.deepEqual(read(plan), [
        ['1', '新建便民服务点6个', ['县商务局'], ['县财政局'], '2026-06-30', false],
        ['2', '升级便民服务点导视牌', ['县商务局'], ['县住建局'], '2026-08-31', true],
        ['3', '培训便民服务点人员', ['县人社局'], [], '2026-09-30', false],
        // The merged cell runs from the nearest row above that fills it; a co-operating cell left empty names none.
        ['4', '建立服务点巡查制度', ['县人社局'], [], '2026-10-31', true],
        // A row that opens a group of its own fills its group cell: its empty lead cell is a missing lead.
        ['5', '整修农贸市场2处', [], ['县市场监管局'], '2026-12-31', false],
      ]);
    });

    it('of two task columns whose headers rank alike, the one some rows leave empty is the merged group', () => {
      // `项目名称 | 建设内容`: neither header says which holds the row's own work; the rows show the project cell merged.
      const plan = planOf([
        '青杉县2026年为民办实事项目分解表',
        '序号\t项目名称\t建设内容\t牵头单位\t责任单位\t完成时限',
        '1\t社区食堂建设\t新建社区食堂8个\t县民政局\t各街道办事处\t2026年7月底前',
        '2\t\t为独居老人安装烟感报警器\t\t县消防救援大队\t2026年9月底前',
        '3\t城区停车改善\t新增公共停车泊位600个\t县住建局\t县公安局交警大队\t2026年11月底前',
      ]);
      assert.deepEqual(read(plan), [
        ['1', '新建社区食堂8个', ['县民政局'], ['各街道办事处'], '2026-07-31', false],
        ['2', '为独居老人安装烟感报警器', ['县民政局'], ['县消防救援大队'], '2026-09-30', true],
        ['3', '新增公共停车泊位600个', ['县住建局'], ['县公安局交警大队'], '2026-11-30', false],
      ]);
      assertRangesAgree(plan);
    });

    it('two such columns that every row fills keep the headers\' order, and an empty lead cell stays missing', () => {
      const plan = planOf([
        '青杉县2026年为民办实事项目分解表',
        '序号\t项目名称\t建设内容\t牵头单位\t责任单位\t完成时限',
        '1\t社区食堂建设\t新建社区食堂8个\t县民政局\t各街道办事处\t2026年7月底前',
        '2\t消防安全提升\t为独居老人安装烟感报警器\t\t县消防救援大队\t2026年9月底前',
      ]);
      assert.deepEqual(read(plan), [
        ['1', '社区食堂建设', ['县民政局'], ['各街道办事处'], '2026-07-31', false],
        ['2', '消防安全提升', [], ['县消防救援大队'], '2026-09-30', false],
      ]);
    });

    it('a cell that says it repeats the one above (`同上`, `〃`) holds that cell\'s value, never a unit or a deadline of its own', () => {
      const plan = planOf([
        '青杉县2026年为民办实事项目分解表',
        '| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |',
        '| --- | --- | --- | --- | --- |',
        '| 1 | 新建社区食堂8个 | 县民政局 | 各街道办事处 | 2026年7月底前 |',
        '| 2 | 为独居老人安装烟感报警器 | 同上 | 县消防救援大队 | 〃 |',
        '| 3 | 新增公共停车泊位600个 | 县住建局 | 〃 | 同上。 |',
        '| 4 | 改造背街小巷10条 | 县城管局 | 县住建局 | 按同上级要求完成 |',
      ]);
      assert.deepEqual(read(plan), [
        ['1', '新建社区食堂8个', ['县民政局'], ['各街道办事处'], '2026-07-31', false],
        ['2', '为独居老人安装烟感报警器', ['县民政局'], ['县消防救援大队'], '2026-07-31', true],
        ['3', '新增公共停车泊位600个', ['县住建局'], ['县消防救援大队'], '2026-07-31', false],
        // Words that only hold `同上` are the cell's own.
        ['4', '改造背街小巷10条', ['县城管局'], ['县住建局'], null, false],
      ]);
      assert.deepEqual(plan.tasks.map((t) => [t.inherited.responsible, t.inherited.deadline]), [[false, false], [false, true], [true, true], [false, false]]);
      assert.equal(plan.tasks[3]!.deadline?.text, '按同上级要求完成');
    });

    it('a table that writes a group\'s lead again on its rows does not merge it: an empty lead cell there is missing', () => {
      const plan = planOf([
        '青杉县2026年便民服务工作方案',
        '附件:任务分解表',
        '| 序号 | 类别 | 具体任务 | 牵头单位 | 配合单位 | 完成时限 |',
        '| --- | --- | --- | --- | --- | --- |',
        '| 1 | 便民服务 | 新建便民服务点6个 | 县商务局 | 县财政局 | 2026年6月底前 |',
        '| 2 |  | 升级便民服务点导视牌 |  | 县住建局 | 2026年8月底前 |',
        '| 3 | 市场整治 | 整修农贸市场2处 | 县市场监管局 | 县城管局 | 2026年9月底前 |',
        '| 4 |  | 规范农贸市场摊位 | 县市场监管局 |  | 2026年10月底前 |',
      ]);
      assert.deepEqual(read(plan)[1], ['2', '升级便民服务点导视牌', [], ['县住建局'], '2026-08-31', false]);
    });

    it('a numbered row with an empty lead cell in a table with no group column has no lead', () => {
      const plan = planOf([
        '青杉县2026年便民服务工作方案',
        '附件:任务分解表',
        '序号\t具体举措\t牵头单位\t配合单位\t完成时限',
        '1\t新建便民服务点6个\t县商务局\t县财政局\t2026年6月底前',
        '2\t升级便民服务点导视牌\t\t县住建局\t2026年8月底前',
      ]);
      assert.deepEqual(read(plan)[1], ['2', '升级便民服务点导视牌', [], ['县住建局'], '2026-08-31', false]);
    });

    it('a Markdown row with no number whose cells go on with cells the row above leaves cut (`、`, a date) is that row\'s wrap', () => {
      const plan = planOf([
        '青杉县2026年便民服务工作方案',
        '附件:任务分解表',
        '| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |',
        '| --- | --- | --- | --- | --- |',
        '| 1 | 建设社区养老服务站，新增床位 | 县民政局 | 各乡镇人民政府、 | 2026年8月 |',
        '|  | 120张 |  | 县卫健局 | 底前 |',
        '| 2 | 新建便民服务点6个 | 县商务局 | 县财政局 | 2026年6月底前 |',
      ]);
      assert.deepEqual(read(plan), [
        ['1', '建设社区养老服务站，新增床位120张', ['县民政局'], ['各乡镇人民政府', '县卫健局'], '2026-08-31', false],
        ['2', '新建便民服务点6个', ['县商务局'], ['县财政局'], '2026-06-30', false],
      ]);
      assert.equal(plan.tables[0]!.rows.length, 2);
      assert.equal(plan.tasks[0]!.deadline?.text, '2026年8月底前');
      assertRangesAgree(plan);
    });

    it('a row with no number whose cells are whole values of their own, or in a table that numbers no row, is a row of its own', () => {
      // Its task is a sentence of its own, its units and its date whole: a task under the numbered row, not its wrap.
      const whole = planOf([
        '青杉县2026年便民服务工作方案',
        '附件:任务分解表',
        '| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |',
        '| --- | --- | --- | --- | --- |',
        '| 1 | 建设社区养老服务站 | 县民政局 | 各乡镇人民政府 | 2026年8月底前 |',
        '|  | 开展养老护理员培训。 | 县人社局 | 县卫健局 | 2026年10月底前 |',
      ]);
      assert.deepEqual(read(whole), [
        ['1', '建设社区养老服务站', ['县民政局'], ['各乡镇人民政府'], '2026-08-31', false],
        ['', '开展养老护理员培训', ['县人社局'], ['县卫健局'], '2026-10-31', false],
      ]);
      // No row is numbered: a cell ending in `、` is no wrap the number cells could show.
      const unnumbered = planOf([
        '青杉县2026年便民服务工作方案',
        '附件:任务分解表',
        '| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |',
        '| --- | --- | --- | --- | --- |',
        '|  | 建设社区养老服务站 | 县民政局 | 各乡镇人民政府、 | 2026年8月底前 |',
        '|  | 开展养老护理员培训 | 县人社局 | 县卫健局 | 2026年10月底前 |',
      ]);
      assert.equal(unnumbered.tables[0]!.rows.length, 2);
      assert.deepEqual(unnumbered.tasks.map((t) => t.title), ['建设社区养老服务站', '开展养老护理员培训']);
    });

    it('a table whose rows carry no number reads each row by itself', () => {
      const plan = planOf([
        '青杉县2026年便民服务工作方案',
        '附件:任务分解表',
        '| 序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 |',
        '| --- | --- | --- | --- | --- |',
        '|  | 新建便民服务点6个 | 县商务局 | 县财政局 | 2026年6月底前 |',
        '|  | 升级便民服务点导视牌 |  | 县住建局 |  |',
      ]);
      assert.deepEqual(read(plan)[1], ['', '升级便民服务点导视牌', [], ['县住建局'], null, false]);
    });
  });

  describe('a deadline column and the task text', () => {
    it('a row\'s deadline cell binds over a time its task text mentions; an empty cell leaves the text\'s', () => {
      const plan = planOf([
        '青杉县2026年便民服务工作方案',
        '附件:任务分解表',
        '| 序号 | 工作任务 | 牵头单位 | 完成时限 |',
        '| --- | --- | --- | --- |',
        '| 1 | 新建便民服务点，年内建成6个 | 县商务局 | 2026年12月底前 |',
        '| 2 | 整修农贸市场，6月底前完成主体 | 县市场监管局 | 2026年9月底前 |',
        '| 3 | 培训服务点人员，8月底前完成 | 县人社局 |  |',
      ]);
      assert.deepEqual(
        plan.tasks.map((t) => [t.deadline?.text, t.deadline?.end]),
        [
          ['2026年12月底前', '2026-12-31'],
          ['2026年9月底前', '2026-09-30'],
          ['8月底前', '2026-08-31'],
        ],
      );
      // The text's times are still read (the rules check every deadline written).
      assert.deepEqual(plan.tasks[1]!.deadlines.map((d) => d.text), ['6月底前', '2026年9月底前']);
    });
  });

  describe('a table with a project column and a column of the work asked', () => {
    it('takes each title from the work, the project column only when the work cell is empty', () => {
      const plan = planOf([
        '青杉县2026年城乡建设工作方案',
        '附件:任务分解表',
        '| 序号 | 项目名称 | 具体任务 | 牵头单位 | 完成时限 |',
        '| --- | --- | --- | --- | --- |',
        '| 1 | 城区排水改造 | 改造雨污管网8公里 | 县住建局 | 2026年9月底前 |',
        '| 2 | 乡村道路提升 |  | 县交通局 | 2026年底前 |',
      ]);
      assert.deepEqual(plan.tasks.map((t) => t.title), ['改造雨污管网8公里', '乡村道路提升']);
    });

    it('reads a column of the specific work before the column of the task it belongs to', () => {
      const plan = planOf([
        '青杉县2026年城乡建设工作方案',
        '附件:任务分解表',
        '序号\t重点任务\t具体措施\t牵头单位\t完成时限',
        '1\t城区排水改造\t新建污水泵站2座\t县住建局\t2026年9月底前',
      ]);
      assert.deepEqual(plan.tasks.map((t) => t.title), ['新建污水泵站2座']);
    });
  });
});

describe('task tables beside the body\'s own tasks', () => {
  const lines = (rows: string[]) => [
    '溪口县2025年安全生产工作方案', // 0
    '一、重点任务', // 1
    '（一）整治燃气隐患。完成老旧管道改造10公里。（县住建局牵头）', // 2
    '（二）开展消防检查。排查“九小场所”。（县消防救援大队负责，2025年6月底前）', // 3
    '附件：重点任务分解表', // 4
    '序号\t重点任务\t牵头单位\t配合单位\t完成时限', // 5
    ...rows,
  ];

  it('a body task that no row lists is a task, read and checked as the rows are, in text order', () => {
    const plan = planOf(lines(['1\t开展森林防火巡查\t县林业局\t各乡镇\t2025年4月底前', '2\t排查校园安全隐患\t县教育局\t县公安局\t2025年9月底前']));
    assert.deepEqual(
      plan.tasks.map((t) => [t.source, t.number, names(t.lead), t.deadline?.text ?? null]),
      [
        ['body', '（一）', ['县住建局'], null],
        ['body', '（二）', ['县消防救援大队'], '2025年6月底前'],
        ['table', '1', ['县林业局'], '2025年4月底前'],
        ['table', '2', ['县教育局'], '2025年9月底前'],
      ],
    );
    assert.deepEqual(plan.tasks.map((t) => t.index), [0, 1, 2, 3]);
  });

  it('a body task a row restates is read once, from the row; the one it leaves out stays', () => {
    const plan = planOf(lines(['1\t整治燃气隐患\t县住建局\t县应急局\t2025年10月底前', '2\t开展森林防火巡查\t县林业局\t各乡镇\t2025年4月底前']));
    assert.deepEqual(
      plan.tasks.map((t) => [t.source, t.number, t.title]),
      [
        ['body', '（二）', '开展消防检查'],
        ['table', '1', '整治燃气隐患'],
        ['table', '2', '开展森林防火巡查'],
      ],
    );
  });
});

describe('task tables beside a body that gives no work out', () => {
  it('a body item naming no unit and no deadline beside a table in other words is no task of its own (PL011 compares them); one that names its own is', () => {
    const plan = planOf([
      '溪口县2025年优化营商环境实施方案',
      '一、重点任务',
      '（一）强化要素保障。健全用地、用能、用工保障机制。',
      '（二）开展消防检查。排查“九小场所”。（县消防救援大队负责，2025年6月底前）',
      '附件：重点任务分解表',
      '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
      '1\t用地保障\t县自然资源局\t各乡镇\t2025年4月底前',
      '2\t用能保障\t县发改局\t县供电公司\t2025年9月底前',
    ]);
    assert.deepEqual(plan.tasks.map((t) => [t.source, t.title]), [
      ['body', '开展消防检查'],
      ['table', '用地保障'],
      ['table', '用能保障'],
    ]);
  });
});

describe('task tables: cells that say they are empty', () => {
  const plan = planOf([
    '白石市2024年重点工作任务分解表',
    '| 序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 |',
    '| --- | --- | --- | --- | --- |',
    '| 一 | 产业发展 | — | — | — |',
    '| 1 | 培育高新技术企业 | 市科技局 | / | 2024年12月底前 |',
    '| 2 | 建设孵化载体 | — | 市财政局 | 2024年10月底前 |',
    '| 二、 | 民生保障 | / | / | / |',
    '| 3 | 新建养老床位 | 市民政局 | 无 | 2024年9月底前 |',
  ]);

  it('a category row whose other cells hold dashes is no task', () => {
    assert.deepEqual(plan.tasks.map((t) => t.title), ['培育高新技术企业', '建设孵化载体', '新建养老床位']);
  });

  it('a dash, a slash or 无 in a unit cell names no unit', () => {
    assert.deepEqual(
      plan.tasks.map((t) => [names(t.lead), names(t.responsible)]),
      [
        [['市科技局'], []],
        [[], ['市财政局']],
        [['市民政局'], []],
      ],
    );
  });
});

describe('task tables: a line break written as HTML in a Markdown cell', () => {
  it('parts the names of a unit cell (`县住建局<br>县自然资源局`), in each of its forms, and keeps their places', () => {
    const plan = planOf([
      '白石市2024年重点工作任务分解表',
      '| 序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 |',
      '| --- | --- | --- | --- | --- |',
      '| 1 | 新建城区小学 | 市教育局 | 市住建局<br>市自然资源局 | 2024年8月底前 |',
      '| 2 | 改造学生宿舍 | 市教育局 | 市财政局<br/>市住建局<BR />市城管局 | 2024年9月底前 |',
    ]);
    assert.deepEqual(
      plan.tasks.map((t) => [names(t.lead), names(t.responsible)]),
      [
        [['市教育局'], ['市住建局', '市自然资源局']],
        [['市教育局'], ['市财政局', '市住建局', '市城管局']],
      ],
    );
    assertRangesAgree(plan);
  });
});

describe('task tables: the header printed again after a page break (a table copied over pages from a PDF or Word)', () => {
  const HEADER = ['序号', '工作任务', '牵头单位', '配合单位', '完成时限'];
  const ROWS = [
    ['1', '改造农村供水管网15公里', '县水务局', '各乡镇人民政府', '2025年8月底前'],
    ['2', '新建千吨万人水厂1座', '县水务局', '县发展改革局', '2025年11月底前'],
    ['3', '开展农村饮水水质抽检', '县卫健委', '县疾控中心', '2025年6月底前'],
    ['4', '完善供水应急预案', '县应急管理局', '县水务局', '2025年5月底前'],
  ];
  /** The plan whose table holds rows 1–2, then the lines `pageBreak` (the header again), then rows 3–4, each line made by `row`. */
  const paged = (row: (cells: string[]) => string[], pageBreak: string[], head: string[] = row(HEADER)) =>
    planOf([
      '松埠县2025年农村供水保障工作方案',
      '',
      '附件：农村供水保障重点任务分工表',
      ...head,
      ...ROWS.slice(0, 2).flatMap(row),
      ...pageBreak,
      ...ROWS.slice(2).flatMap(row),
    ]);
  const spaced = (cells: string[]) => [cells.join(' ')];
  const piped = (cells: string[]) => [`| ${cells.join(' | ')} |`];
  const tabbed = (cells: string[]) => [cells.join('\t')];
  const flat = (cells: string[]) => cells;

  /** One table of four rows numbered 1–4, each a task with its lead; the header again is no row and no task. */
  const assertOneTable = (plan: ReturnType<typeof planOf>, form: string) => {
    assert.deepEqual(plan.tables.map((t) => [t.form, t.rows.map((r) => r.cells[0])]), [[form, ['1', '2', '3', '4']]]);
    assert.deepEqual(
      plan.tasks.map((t) => [t.number, names(t.lead)]),
      ROWS.map((r) => [r[0], [r[2]]]),
    );
    assert.ok(plan.tables[0]!.rows.every((r) => !r.cells.some((c) => c.includes('序') || c.includes('—'))), 'no cell holds the header or the page number');
    assertRangesAgree(plan);
  };

  it('space-separated: the rows after it go on with the table, with or without the page number, however the header is spaced', () => {
    assertOneTable(paged(spaced, ['— 3 —', HEADER.join(' ')]), 'space');
    assertOneTable(paged(spaced, [HEADER.join(' ')]), 'space');
    assertOneTable(paged(spaced, ['', '- 3 -', '', '序 号  工作任务  牵头单位  配合单位  完成时限']), 'space');
    assertOneTable(paged(spaced, ['第 3 页 共 8 页', HEADER.join('  ')]), 'space');
  });

  it('space-separated: a row short of a cell (merged) before the break takes neither the page number nor the header', () => {
    const plan = planOf([
      '松埠县2025年农村供水保障工作方案',
      '附件：农村供水保障重点任务分工表',
      HEADER.join(' '),
      ROWS[0]!.join(' '),
      '2 新建千吨万人水厂1座 县水务局 2025年11月底前',
      '— 3 —',
      HEADER.join(' '),
      ROWS[2]!.join(' '),
    ]);
    assert.deepEqual(plan.tables.map((t) => t.rows.map((r) => r.cells[0])), [['1', '2', '3']]);
    assert.deepEqual(plan.tables[0]!.rows[1]!.cells, ['2', '新建千吨万人水厂1座', '县水务局', '', '2025年11月底前']);
  });

  it('Markdown: the pipe rows after the page number go on with the table, the header again (and its separator) no row', () => {
    const separator = '| --- | --- | --- | --- | --- |';
    assertOneTable(paged(piped, ['— 3 —', ...piped(HEADER), separator], [...piped(HEADER), separator]), 'markdown');
    assertOneTable(paged(piped, ['', '— 3 —', '', ...piped(HEADER)], [...piped(HEADER), separator]), 'markdown');
  });

  it('tab-separated: the header again, with its tabs or spaced out without them, after the page number', () => {
    assertOneTable(paged(tabbed, ['— 3 —', ...tabbed(HEADER)]), 'tsv');
    assertOneTable(paged(tabbed, ['— 3 —', '序号  工作任务  牵头单位  配合单位  完成时限']), 'tsv');
  });

  it('one cell a line: the header\'s cells again after the page number, and a row short of a cell before it', () => {
    assertOneTable(paged(flat, ['— 3 —', ...HEADER]), 'flat');
    assertOneTable(paged(flat, HEADER), 'flat');
    const merged = planOf([
      '松埠县2025年农村供水保障工作方案',
      '附件',
      ...HEADER,
      ...ROWS[0]!,
      ...['2', '新建千吨万人水厂1座', '县水务局', '2025年11月底前'],
      '— 3 —',
      ...HEADER,
      ...ROWS[2]!,
    ]);
    assert.deepEqual(merged.tables.map((t) => t.rows.map((r) => r.cells[0])), [['1', '2', '3']]);
    assert.deepEqual(merged.tables[0]!.rows[1]!.cells, ['2', '新建千吨万人水厂1座', '县水务局', '', '2025年11月底前']);
  });

  it('a table after the page break with a header of its own is a table of its own, and so is one whose numbers start again at 1', () => {
    const other = ['序号', '整改事项', '责任单位', '整改时限'];
    const second = [
      ['1', '排查老化供水设施', '各乡镇人民政府', '2025年4月底前'],
      ['2', '建立水厂运维台账', '县水务局', '2025年7月底前'],
    ];
    const restarted = ROWS.slice(2).map((r, i) => [`${i + 1}`, ...r.slice(1)]);
    for (const [row, form] of [[spaced, 'space'], [piped, 'markdown'], [flat, 'flat']] as const) {
      const before = [HEADER, ...ROWS.slice(0, 2)].flatMap(row);
      const plan = planOf(['松埠县2025年农村供水保障工作方案', '', ...before, '— 3 —', ...[other, ...second].flatMap(row)]);
      assert.deepEqual(
        plan.tables.map((t) => [t.form, t.header.length, t.rows.map((r) => r.cells[0])]),
        [
          [form, 5, ['1', '2']],
          [form, 4, ['1', '2']],
        ],
        form,
      );
      // The same header over rows numbered from 1 again: a second table of the same form (the pipe rows of a Markdown
      // table stay one table, whose numbering may start again after the heading between, as PL004 reads it).
      if (form === 'markdown') continue;
      const again = planOf(['松埠县2025年农村供水保障工作方案', '', ...before, '— 3 —', ...[HEADER, ...restarted].flatMap(row)]);
      assert.deepEqual(again.tables.map((t) => t.rows.map((r) => r.cells[0])), [['1', '2'], ['1', '2']], form);
    }
  });

  it('a Markdown or tab-separated table right under another, or after a page number, with a header of its own, is a table of its own: its header is no task', () => {
    const other = ['序号', '督办事项', '责任部门', '办结时间'];
    const second = [
      ['1', '核查水厂消毒设备', '县卫健委', '2025年3月底前'],
      ['2', '公布供水服务热线', '县水务局', '2025年2月底前'],
    ];
    for (const [row, form] of [[piped, 'markdown'], [tabbed, 'tsv']] as const) {
      for (const between of [[], ['— 3 —']]) {
        const lines = [HEADER, ...ROWS.slice(0, 2)].flatMap(row).concat(between, [other, ...second].flatMap(row));
        const plan = planOf(['松埠县2025年农村供水保障工作方案', '', ...lines]);
        const label = `${form}, ${between.length} line(s) between`;
        assert.deepEqual(
          plan.tables.map((t) => [t.form, t.header.length, t.rows.map((r) => r.cells[0])]),
          [
            [form, 5, ['1', '2']],
            [form, 4, ['1', '2']],
          ],
          label,
        );
        assert.deepEqual(plan.tasks.map((t) => [t.number, names(t.lead), t.deadline?.end ?? null]), [
          ['1', ['县水务局'], '2025-08-31'],
          ['2', ['县水务局'], '2025-11-30'],
          ['1', ['县卫健委'], '2025-03-31'],
          ['2', ['县水务局'], '2025-02-28'],
        ], label);
        assertRangesAgree(plan);
      }
    }
  });
});
