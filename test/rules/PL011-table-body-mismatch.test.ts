// PL011 table-body-mismatch: which body parts count as tasks, inline items, restated rows, lead comparison, odd models.
import assert from 'node:assert/strict';
import { defaultSettings } from '../../server/src/lint/engine.js';
import type { Report } from '../../server/src/lint/rule.js';
import { parsePlan } from '../../server/src/model/plan.js';
import type { PlanDocument } from '../../server/src/model/types.js';
import { normalize } from '../../server/src/model/table-match.js';
import { rule } from '../../server/src/rules/PL011-table-body-mismatch.js';
import { lint } from '../helpers/lint.js';

/** A plan: body lines under `二、重点任务`, then a task table with rows `[task, lead]`. */
function planOf(body: string[], rows: [string, string][]): string {
  return [
    '江宁市2023年法治政府建设工作方案',
    '',
    '一、指导思想',
    '',
    '坚持依法行政，建设法治政府。',
    '',
    '二、重点任务',
    '',
    ...body,
    '',
    '附件：重点任务分解表',
    '',
    '| 序号 | 重点工作任务 | 牵头单位 | 责任单位 |',
    '| --- | --- | --- | --- |',
    ...rows.map(([task, lead], i) => `| ${i + 1} | ${task} | ${lead} | 市直各部门 |`),
  ].join('\n') + '\n';
}

/** The PL011 findings: what each reports, then the message. */
function findings(text: string, locale?: 'en'): string[] {
  return lint(text, { ruleId: 'PL011', ...(locale ? { locale } : {}) }).map((d) => `${text.slice(d.span.start, d.span.end)}: ${d.message}`);
}

function check(plan: PlanDocument): Report[] {
  const reports: Report[] = [];
  rule.check({ plan, settings: defaultSettings(), options: {}, report: (r) => reports.push(r) });
  return reports;
}

describe('PL011 table-body-mismatch', () => {
  describe('leads', () => {
    it('never compares leads when the body names none, even for equal titles', () => {
      const text = planOf(['（一）编制重大行政决策事项目录。', '（二）推行行政执法公示制度。'], [
        ['编制重大行政决策事项目录', '市政府办公室'],
        ['推行行政执法公示制度', '市司法局'],
      ]);
      assert.deepEqual(findings(text), []);
    });

    it('compares leads of title matches as sets of unit keys', () => {
      const text = planOf(['（一）编制重大行政决策事项目录。[牵头单位:市政府办公室、市司法局]', '（二）推行行政执法公示制度。[牵头单位:市司法局]'], [
        ['编制重大行政决策事项目录', '市司法局、市政府办公室'],
        ['推行行政执法公示制度', '市政府办公室'],
      ]);
      assert.deepEqual(findings(text), ['市政府办公室: 任务分解表第2项的牵头单位（市政府办公室）与正文“（二）推行行政执法公示制度”的牵头单位（市司法局）不一致']);
    });

    it('leaves a short and a full name of one unit to PL007 (`市医保局` / `市医疗保障局`); another unit still differs', () => {
      const text = planOf(['（一）编制重大行政决策事项目录。[牵头单位:市医保局]', '（二）推行行政执法公示制度。[牵头单位:市司法局]'], [
        ['编制重大行政决策事项目录', '市医疗保障局'],
        ['推行行政执法公示制度', '市政府办公室'],
      ]);
      assert.deepEqual(findings(text), ['市政府办公室: 任务分解表第2项的牵头单位（市政府办公室）与正文“（二）推行行政执法公示制度”的牵头单位（市司法局）不一致']);
      assert.deepEqual(lint(text, { ruleId: 'PL007' }).map((d) => text.slice(d.span.start, d.span.end)), ['市医保局'], 'PL007 reports the short name');
    });

    it('reads a unit named with and without the body it belongs to as one (`基层卫生健康科` / `市卫生健康委基层卫生健康科`)', () => {
      const text = planOf(['（一）加强机构标准化建设。[牵头单位:市卫生健康委基层卫生健康科]', '（二）推行家庭医生签约。[牵头单位:市卫生健康委]'], [
        ['加强机构标准化建设', '基层卫生健康科'],
        ['推行家庭医生签约', '卫健委'],
      ]);
      // The second pair names two bodies (a name of three characters tells nothing by its ending): still reported.
      assert.deepEqual(findings(text), ['卫健委: 任务分解表第2项的牵头单位（卫健委）与正文“（二）推行家庭医生签约”的牵头单位（市卫生健康委）不一致']);
      // A place before the same bureau's name is another bureau (`高新区住建局` is not `区住建局`).
      const place = planOf(['（一）加强机构标准化建设。[牵头单位:区住建局]'], [['加强机构标准化建设', '高新区住建局']]);
      assert.equal(findings(place).length, 1);
    });

    it('gives inline items the lead written after the last of them, for the whole paragraph', () => {
      const text = planOf(['（一）规范行政决策。一是编制决策事项目录；二是落实合法性审查。[牵头单位:市司法局]'], [
        ['编制决策事项目录', '市政府办公室'],
        ['落实合法性审查', '市司法局'],
      ]);
      assert.deepEqual(findings(text), ['市政府办公室: 任务分解表第1项的牵头单位（市政府办公室）与正文“（一）一是编制决策事项目录”的牵头单位（市司法局）不一致']);
    });

    it('skips a pair when either side names no lead', () => {
      const text = planOf(['（一）编制重大行政决策事项目录。[责任单位:市司法局]', '（二）推行行政执法公示制度。[牵头单位:市司法局]'], [
        ['编制重大行政决策事项目录', '市政府办公室'],
        ['推行行政执法公示制度', ''],
      ]);
      assert.deepEqual(findings(text), []);
    });
  });

  describe('matching', () => {
    it('matches by containment and by bigram similarity, one to one', () => {
      const text = planOf(['（一）编制重大行政决策事项目录。', '（二）全面推行行政执法公示制度。', '（三）落实重大行政决策合法性审查。'], [
        ['编制并公布重大行政决策事项目录', '市政府办公室'], // bigram Dice 0.8 with the body title
        ['推行行政执法公示制度', '市司法局'], // contained in the body title
        ['落实重大行政决策合法性审查', '市司法局'], // equal
        ['落实重大行政决策合法性审查', '市司法局'], // a second row for a task that has one
      ]);
      assert.deepEqual(findings(text), ['落实重大行政决策合法性审查: 任务分解表第4项“落实重大行政决策合法性审查”在正文中找不到对应任务']);
    });

    it('lets several rows restate sentences of one body section', () => {
      const text = planOf(['（一）深化“放管服”改革。公布市本级权责清单，建立动态调整机制；全面清理无法律依据的证明事项。'], [
        ['公布市本级权责清单，建立动态调整机制', '市委编办'],
        ['全面清理无法律依据的证明事项', '市司法局'],
      ]);
      assert.deepEqual(findings(text), []);
    });

    it('matches a body item whose title a row restates inside its task text', () => {
      const text = planOf(['（一）加强执法监督。一是推行执法公示；二是开展案卷评查。'], [
        ['按照省里部署，推行执法公示', '市司法局'],
        ['各地要认真组织，全面开展案卷评查', '市司法局'],
      ]);
      assert.deepEqual(findings(text), []);
    });

    it('reports inline items only when the table goes down to them', () => {
      const items = ['（一）规范行政决策。一是编制决策事项目录；二是落实合法性审查。', '（二）严格行政执法。一是推行执法公示；二是开展案卷评查。'];
      // The table has a row per section: the items are not missing.
      assert.deepEqual(findings(planOf(items, [['规范行政决策', '市政府办公室'], ['严格行政执法', '市司法局']])), []);
      // The table has rows per item: a missing item is reported; a section with no row at all is reported once.
      assert.deepEqual(findings(planOf(items, [['编制决策事项目录', '市政府办公室']])), [
        '二是: 正文任务“（一）二是落实合法性审查”在任务分解表中没有对应的行',
        '（二）: 正文任务“（二）严格行政执法”在任务分解表中没有对应的行',
      ]);
    });

    it('ignores category rows of the table, which name no unit and no deadline', () => {
      const text = planOf(['（一）编制决策事项目录。', '（二）推行执法公示。'], [
        ['一、规范行政决策', ''],
        ['编制决策事项目录', '市政府办公室'],
        ['推行执法公示', '市司法局'],
      ]).replace('| 1 | 一、规范行政决策 |  | 市直各部门 |', '| 1 | 一、规范行政决策 |  |  |');
      assert.deepEqual(findings(text), []);
    });

    it('ignores non-task sections and chapters that only hold prose', () => {
      const text = planOf(['全年实施重点任务2项，分工见附件。'], [['编制决策事项目录', '市政府办公室'], ['推行执法公示', '市司法局']]);
      assert.deepEqual(findings(text), [], 'no numbered body task: nothing to compare');
    });

    it('normalises width, script, punctuation and spaces', () => {
      assert.equal(normalize('推行“互联网＋政務服務” （一网通办）'), normalize('推行互联网+政务服务一网通办'));
    });
  });

  describe('messages', () => {
    it('speaks English when asked', () => {
      const text = planOf(['（一）编制重大行政决策事项目录。[牵头单位:市司法局]', '（二）推行行政执法公示制度。'], [
        ['编制重大行政决策事项目录', '市政府办公室'],
        ['建立行政复议咨询委员会', '市司法局'],
      ]);
      assert.deepEqual(findings(text, 'en'), [
        '（二）: Body task "（二）推行行政执法公示制度" has no matching row in the task table',
        '市政府办公室: Row 1 of the task table names the lead unit(s) 市政府办公室, but body task "（一）编制重大行政决策事项目录" names 市司法局',
        '建立行政复议咨询委员会: Row 2 of the task table, "建立行政复议咨询委员会", has no matching task in the body',
      ]);
    });
  });

  describe('tables of an item’s own sub-tasks', () => {
    /** A plan whose item `（二）` has a table right under its text; `between` is written between the two. */
    const ownTable = (rows: string[], between: string[] = []) =>
      [
        '# 青岚县2026年生态环境保护工作要点',
        '',
        '## 一、打好蓝天保卫战',
        '',
        '**（一）开展扬尘污染专项治理。** 加强建筑工地扬尘管控。（牵头单位：县住建局；完成时限：2026年10月底前）',
        '',
        '## 二、推进碧水保卫战',
        '',
        '**（二）加强河湖生态修复。** 持续改善重点河湖水质。',
        '',
        ...between,
        '| 序号 | 任务 | 牵头单位 | 完成时限 |',
        '|---|---|---|---|',
        ...rows,
      ].join('\n') + '\n';
    const subTasks = ['| 1 | 清理河道垃圾和漂浮物 | 县水利局 | 2026年6月底前 |', '| 2 | 建设人工湿地两处 | 县生态环境分局 | 2026年12月底前 |'];

    it('compares no table under an item that restates no body task: it lists that item’s own work', () => {
      const text = ownTable(subTasks);
      assert.deepEqual(findings(text), []);
      // Its rows are tasks, and so is the body task that gives its own work out.
      const plan = parsePlan(text);
      assert.deepEqual(
        plan.tasks.map((t) => `${t.source} ${t.title}`),
        ['body 开展扬尘污染专项治理', 'table 清理河道垃圾和漂浮物', 'table 建设人工湿地两处'],
      );
    });

    it('compares a table under an item when its rows restate body tasks', () => {
      const text = ownTable(['| 1 | 开展扬尘污染专项治理 | 县住建局 | 2026年10月底前 |', subTasks[1]!]);
      assert.deepEqual(findings(text), [
        '（二）: 正文任务“（二）加强河湖生态修复”在任务分解表中没有对应的行',
        '建设人工湿地两处: 任务分解表第2项“建设人工湿地两处”在正文中找不到对应任务',
      ]);
    });

    it('compares a table that a caption of its own names a list of tasks, whatever its rows', () => {
      assert.equal(findings(ownTable(subTasks, ['表1 重点任务分解表', ''])).length, 4);
    });

    it('compares no attached list of other things (`附件：重点项目清单`) none of whose rows restates a body task', () => {
      const body = ['（一）打造精品旅游线路。推出精品线路10条。', '（二）推进非遗传承。新建非遗工坊10家。[牵头单位:市文物局]'];
      const rows: [string, string][] = [
        ['清河古城提升工程', '清河古城管委会'],
        ['龙湾山地度假区建设', '龙湾旅游公司'],
      ];
      const other = planOf(body, rows).replace('附件：重点任务分解表', '附件：2026年文旅重点项目清单');
      assert.deepEqual(findings(other), []);
      assert.deepEqual(findings(planOf(body, rows).replace('附件：重点任务分解表', '附件2\n\n重点项目一览表')), []);
      // The tasks are read as beside any table: the rows, and the body task that gives its own work out.
      assert.deepEqual(
        parsePlan(other).tasks.map((t) => `${t.source} ${t.title}`),
        ['body 推进非遗传承', 'table 清河古城提升工程', 'table 龙湾山地度假区建设'],
      );
      // Under a caption that names tasks, one that names no list, or a bare table's (`推进表`), the table is compared.
      assert.equal(findings(planOf(body, rows)).length, 4);
      assert.equal(findings(planOf(body, rows).replace('附件：重点任务分解表', '附件2')).length, 4);
      assert.equal(findings(planOf(body, rows).replace('附件：重点任务分解表', '附件：重点项目推进表')).length, 4);
      assert.equal(findings(planOf(body, rows).replace('附件：重点任务分解表', '附件：2026年民生实事清单')).length, 4);
    });

    it('still reports a body task that an attached task table leaves out', () => {
      const text = planOf(['（一）开展扬尘污染专项治理。[牵头单位:县住建局]', '（二）加强河湖生态修复。[牵头单位:县水利局]', '（三）推进土壤污染防治。'], [
        ['开展扬尘污染专项治理', '县住建局'],
        ['加强河湖生态修复', '县水利局'],
      ]);
      assert.deepEqual(findings(text), ['（三）: 正文任务“（三）推进土壤污染防治”在任务分解表中没有对应的行']);
    });
  });

  describe('plans with little to compare', () => {
    it('finds nothing in an empty plan or a plan without a table', () => {
      assert.deepEqual(check(parsePlan('')), []);
      assert.deepEqual(check(parsePlan('江宁市工作要点\n\n一、主要任务\n\n（一）推进工作。[牵头单位:市司法局]\n')), []);
    });

    it('finds nothing to compare in a table without a lead column, a row without a task, a heading without a title', () => {
      const text = ['江宁市2023年工作方案', '', '一、重点任务', '', '（一）', '（二）推进工作。[牵头单位:市司法局]', '', '附件：任务表', '', '| 工作内容 | 责任单位 |', '| --- | --- |', '| 推进工作 | 市财政局 |', '|  | 市司法局 |'].join('\n');
      const plan = parsePlan(text);
      assert.deepEqual(plan.tables.map((t) => t.columns), [['task', 'responsible']]);
      assert.deepEqual(check(plan), []);
    });

    it('takes no item of a part on how the work is checked (`二、考核方式`) for a body task missing from the table', () => {
      const text = [
        '澄湖县2025年政务服务提质督查考核方案',
        '一、考核内容及分值',
        '| 序号 | 考核内容 | 分值 | 责任单位 | 完成时限 |',
        '| --- | --- | --- | --- | --- |',
        '| 1 | 推行证照联办 | 30 | 县行政审批局 | 2025年6月底前 |',
        '| 2 | 延长窗口服务时间 | 20 | 县政务服务中心 | 2025年9月底前 |',
        '二、考核方式',
        '（一）随机暗访。县委督查室每月暗访窗口一次。',
        '（二）年终评分。2025年12月底前汇总得分。',
      ].join('\n');
      assert.deepEqual(findings(text), []);
      assert.deepEqual(lint(text).filter((d) => d.ruleId === 'PL001' || d.ruleId === 'PL002').map((d) => d.message), []);
    });

    it('takes no category row of the table (`| （一）窗口服务 |`) for a body task', () => {
      const text = [
        '# 澄湖县2025年便民服务重点任务清单',
        '',
        '| 序号 | 重点任务 | 牵头单位 | 完成时限 |',
        '|---|---|---|---|',
        '| （一）窗口服务 |',
        '| 1 | 延长午间办事时间 | 县行政审批局 | 2025年6月底前 |',
        '| （二）网上服务 |  |  |  |',
        '| 2 | 上线掌上办事专区 | 县数据局 | 2025年9月底前 |',
      ].join('\n');
      assert.deepEqual(findings(text), []);
    });

    it('takes no heading for a task by a bracket that only states the lead convention', () => {
      const text = [
        '# 澄湖县2025年便民服务实施方案',
        '',
        '## 一、重点任务',
        '',
        '重点任务分工见下表（排在首位的单位为牵头单位）。',
        '',
        '| 序号 | 工作内容 | 责任单位 | 完成时限 |',
        '|---|---|---|---|',
        '| 1 | 延长午间办事时间 | 县行政审批局、县人社局 | 2025年6月底前 |',
      ].join('\n');
      assert.deepEqual(findings(text), []);
      const plan = parsePlan(text);
      assert.deepEqual(plan.allSections.map((s) => s.attributions.length), [0]);
      assert.deepEqual(plan.tasks.map((t) => [t.lead.map((u) => u.name), t.responsible.map((u) => u.name)]), [[['县行政审批局'], ['县人社局']]]);
    });

    it('matches a large plan as it matches a small one (no pair budget)', () => {
      const body = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}.推进第${i + 1}项重点工作。`);
      const title = (i: number) => (i === 7 ? '建立行政复议咨询委员会' : i === 8 ? '推进第9项重点工作任务' : `推进第${i + 1}项重点工作`);
      const rows = (n: number) => Array.from({ length: n }, (_, i): [string, string] => [title(i), '市司法局']);
      // Row 9 contains body task 9's title (and is similar to task 8's, less so): they match at any size,
      // as they did below the old 200,000-pair budget; row 8 and task 8 match nothing.
      const expected = [
        '8.: 正文任务“8.推进第8项重点工作”在任务分解表中没有对应的行',
        '建立行政复议咨询委员会: 任务分解表第8项“建立行政复议咨询委员会”在正文中找不到对应任务',
      ];
      assert.deepEqual(findings(planOf(body(20), rows(20))), expected);
      assert.deepEqual(findings(planOf(body(600), rows(600))), expected);
    });
  });
});
