// Real plans as they arrive (issue: unseen plans), one category at a time, each from text written for this test:
// plan or not, covering notices, unit-named headings, numbering as typed, attribution vocabulary, lead conventions.
import assert from 'node:assert/strict';
import { decideKind } from '../../server/src/model/kind.js';
import { describeKind } from '../../server/src/model/kind-words.js';
import { parsePlan } from '../../server/src/model/plan.js';
import type { PlanDocument, Task } from '../../server/src/model/types.js';
import { allRules } from '../../server/src/rules/index.js';
import { lintPlan } from '../../server/src/lint/engine.js';

const read = (lines: string[]): PlanDocument => parsePlan(lines.join('\n'));
const row = (t: Task) => [t.number, t.lead.map((u) => u.name), t.responsible.map((u) => u.name)];
/** Every section: its marker, level and title. */
const outline = (plan: PlanDocument) => plan.allSections.map((s) => [s.marker.text, s.marker.level, s.title]);
const numbers = (plan: PlanDocument) => plan.tasks.map((t) => t.number);

describe('real plans: plan or not, on positive evidence', () => {
  it('a covering notice before the plan: the plan is read, the notice is not a task', () => {
    const plan = read([
      '首页 > 政务公开 > 通知公告',
      '溪川县人民政府办公室关于印发《溪川县2024年秸秆综合利用工作方案》的通知',
      '各乡镇人民政府，县直各单位：',
      '现将《溪川县2024年秸秆综合利用工作方案》印发给你们，请认真贯彻执行。',
      '溪川县人民政府办公室',
      '2024年3月1日',
      '溪川县2024年秸秆综合利用工作方案',
      '一、重点任务',
      '1.建设收储点。（县农业农村局牵头，各乡镇配合）',
      '2.开展宣传。（县委宣传部牵头）',
    ]);
    assert.equal(plan.kind, 'plan');
    assert.ok(plan.kindDecision.positive);
    assert.deepEqual(plan.tasks.map(row), [
      ['1.', ['县农业农村局'], ['各乡镇']],
      ['2.', ['县委宣传部'], []],
    ]);
  });

  it('a notice whose requirements follow (通知如下) and no plan after them: its items are no tasks', () => {
    const plan = read([
      '关于印发《溪川县2024年重点工作责任分解》的通知',
      '各乡镇人民政府：',
      '现将《溪川县2024年重点工作责任分解》印发给你们，并就有关事项通知如下：',
      '一、高度重视。各牵头单位要于2024年3月底前制定方案。',
      '二、加强督查。县政府督查室按季度通报。',
    ]);
    assert.deepEqual(numbers(plan), []);
    assert.ok(plan.allSections.every((s) => s.nonTask));
  });

  it('an attachment list (附件：1.… 2.…) names documents, not tasks', () => {
    const plan = read(['溪川县2024年工作方案', '附件：1.任务分解表', '2.联络员名单', '一、重点任务', '1.做好宣传。（县委宣传部牵头）']);
    assert.deepEqual(numbers(plan), ['1.']);
    assert.equal(plan.tasks[0]!.title, '做好宣传');
  });

  it('a report of work done: no tasks, and the reasons say why', () => {
    const text = ['溪川县卫生健康委2023年工作总结', '2023年，我委圆满完成年初确定的各项任务。', '一、主要成效', '（一）基层服务。全年累计完成体检1.2万人次，同比增长8%。'].join('\n');
    const plan = parsePlan(text);
    assert.equal(plan.kind, 'report');
    assert.deepEqual(plan.tasks, []);
    assert.match(describeKind(plan.kindDecision, 'zh-CN'), /^判断为报告：标题为报告或总结/);
    assert.match(describeKind(plan.kindDecision, 'en'), /^Read as a report: the title names a report or summary/);
  });

  it('a title laid out over two lines is read whole: a summary whose body names leads is a report, a plan a plan', () => {
    const summary = decideKind(['溪川县2023年优化营商环境', '工作总结', '', '一、主要工作', '1.企业开办提速。由县市场监管局牵头，2023年6月底前实现一日办结。'].join('\n'));
    assert.equal(summary.kind, 'report');
    assert.deepEqual(summary.reasons[0], { id: 'report-title', evidence: ['溪川县2023年优化营商环境工作总结'] });
    const plan = decideKind(['溪川县2024年农村人居环境整治', '实施方案', '', '为改善农村人居环境，制定本方案。'].join('\n'));
    assert.deepEqual([plan.kind, plan.positive, plan.reasons[0]?.evidence], ['plan', true, ['溪川县2024年农村人居环境整治实施方案']]);
    // A line of its own that is no title's end is not joined to the one before.
    assert.equal(decideKind(['溪川县人民政府办公室', '2024年3月5日', '', '一、主要工作'].join('\n')).reasons[0]?.id, 'no-evidence');
  });

  it('a reading of a policy, rules and a contingency plan are not plans', () => {
    assert.equal(decideKind('《溪川县乡村建设实施方案》政策解读\n近日，县政府印发了方案。现解读如下。\n一、出台背景').kind, 'other');
    assert.equal(decideKind('溪川县城市道路管理办法\n第一条 为了加强管理，制定本办法。').kind, 'other');
    assert.equal(decideKind('关于印发《溪川县防汛应急预案》的通知\n一、总则').kind, 'other');
  });

  it('the title read from a metadata field, past site navigation', () => {
    const d = decideKind('您当前的位置：首页 > 信息公开 > 工作报告\n索引号：123 | 分类：规划计划\n名称：溪川县教育局2024年工作要点 文号：\n一、重点工作');
    assert.equal(d.kind, 'plan');
    assert.deepEqual(d.reasons[0], { id: 'plan-title', evidence: ['溪川县教育局2024年工作要点'] });
  });

  it('a text with no title that assigns work is a plan; one with no evidence either way is a plan, not positively', () => {
    assert.deepEqual([decideKind('1.建设收储点。（县农业农村局牵头）').kind, decideKind('1.建设收储点。（县农业农村局牵头）').positive], ['plan', true]);
    assert.deepEqual([decideKind('1.建设收储点。').kind, decideKind('1.建设收储点。').positive], ['plan', false]);
  });

  it('documentation: a text whose Latin letters outnumber its Chinese characters, however the two are placed', () => {
    const han = '溪川县建设养老院'.repeat(40); // 320 Chinese characters
    const latin = 'the lead unit of each task '.repeat(20); // 420 Latin letters
    // Chinese first: the Latin letters at the end still outnumber them.
    assert.deepEqual(decideKind(`${han}\n${latin}`).reasons[0], { id: 'documentation', evidence: ['Latin text'] });
    assert.deepEqual(decideKind(`${latin}\n${han}`).reasons[0], { id: 'documentation', evidence: ['Latin text'] });
    // More Chinese characters than Latin letters, in either order: no documentation.
    assert.notEqual(decideKind(`${han}${han}\n${latin}`).reasons[0]!.id, 'documentation');
    assert.notEqual(decideKind(`${latin}\n${han}${han}`).reasons[0]!.id, 'documentation');
  });

  it('a plan title decides over narrative words in its body; without a title the narrative outweighs a few role words', () => {
    const body = '一、已完成了道路建设，累计投入资金。\n二、开展了培训，取得了成效。（县交通局牵头）';
    const titled = decideKind(`溪川县2024年交通工作要点\n${body}`);
    assert.deepEqual([titled.kind, titled.reasons.map((r) => r.id)], ['plan', ['plan-title', 'assigns-work']]);
    const untitled = decideKind(body);
    assert.deepEqual([untitled.kind, untitled.reasons.map((r) => r.id)], ['report', ['narrative']]);
  });

  it("a plan title's reasons, read when first asked, are a value to JSON and can be set", () => {
    const titled = decideKind('溪川县2024年交通工作要点\n一、修缮乡村道路（县交通局牵头，6月底前完成）');
    const expected = [
      { id: 'plan-title', evidence: ['溪川县2024年交通工作要点'] },
      { id: 'assigns-work', evidence: ['牵头'] },
      { id: 'deadlines', evidence: ['6月底前'] },
    ];
    assert.deepEqual(JSON.parse(JSON.stringify(titled)), { kind: 'plan', positive: true, reasons: expected });
    assert.deepEqual(titled.reasons, expected);
    titled.reasons = [];
    assert.deepEqual(titled.reasons, []);
  });

  it('configuration forces the kind', () => {
    const text = '溪川县2023年工作总结\n一、加强宣传。（县委宣传部牵头）';
    assert.deepEqual(numbers(parsePlan(text)), []);
    assert.deepEqual(numbers(parsePlan(text, { kind: 'plan' })), ['一、']);
  });

  it('situation, significance and goal sections assign no work; 主要任务及实施步骤 does', () => {
    const plan = read([
      '溪川县养老服务发展规划',
      '一、面临的形势',
      '（一）老年人口持续增长。',
      '二、建设目标',
      '（一）到2025年，床位达到2000张。',
      '三、主要任务及实施步骤',
      '（一）建设养老院。（县民政局牵头）',
    ]);
    assert.deepEqual(plan.tasks.map(row), [['（一）', ['县民政局'], []]]);
  });

  it('a closing part titled as one (组织实施, 保障机制, 有关要求…) holds safeguards; the same words inside a task\'s title do not', () => {
    for (const heading of ['组织实施', '保障机制', '有关要求', '监督考核', '组织领导。']) {
      const plan = read([
        '溪川县2024年农村人居环境整治工作方案',
        '一、重点任务',
        '（一）组织实施乡村建设行动。',
        '（二）健全农村改厕保障机制。（县农业农村局牵头）',
        `二、${heading}`,
        '（一）加强组织领导。各乡镇要高度重视，成立工作专班。',
        '（二）强化督查考核。县委督查室要定期督查。',
      ]);
      assert.deepEqual(plan.tasks.map(row), [['（一）', [], []], ['（二）', ['县农业农村局'], []]], heading);
    }
    // An item of that part that names its lead in brackets, as tasks are assigned, is a task still.
    const plan = read(['溪川县2024年工作方案', '一、重点任务', '（一）推进改革。（县发改局牵头）', '二、组织实施', '（一）建立联席会议制度。（县政府办牵头）']);
    assert.deepEqual(plan.tasks.map(row), [['（一）', ['县发改局'], []], ['（一）', ['县政府办'], []]]);
    // One that names it in its prose says who keeps the safeguard: no task.
    const prose = read(['溪川县2024年工作方案', '一、重点任务', '（一）推进改革。（县发改局牵头）', '二、组织实施', '（一）建立联席会议制度。县政府办牵头，每季度召开一次。']);
    assert.deepEqual(prose.tasks.map(row), [['（一）', ['县发改局'], []]]);
  });

  it('a part titled as how the work is checked or scored (考核方式, 督导检查, 结果运用…) assigns no work; the words inside a task\'s title do not', () => {
    for (const heading of ['考核方式', '考核办法', '考核评价', '督查方式', '督导检查', '评分办法', '结果运用', '考核结果运用', '考核方式及结果运用', '考核办法：']) {
      const plan = read([
        '溪川县2025年农村供水保障督查考核方案',
        '一、考核内容',
        '（一）开展督导检查。（县水利局牵头）',
        '（二）完善考核评价机制。（县委督查室牵头）',
        `二、${heading}`,
        '（一）季度抽查。县委督查室每季度随机抽查2个乡镇。',
        '（二）年度评分。年底按得分高低排出名次。',
      ]);
      assert.deepEqual(plan.tasks.map(row), [['（一）', ['县水利局'], []], ['（二）', ['县委督查室'], []]], heading);
    }
  });

  it('an event plan\'s programme (活动内容, 活动时间和地点, 会议议程…) lists what happens, not tasks; the words inside a task\'s title do not', () => {
    for (const heading of ['活动内容', '活動內容', '活动时间和地点', '会议议程', '活动流程：', '参加人员']) {
      const plan = read([
        '溪川县2025年读书节活动方案',
        '一、重点工作',
        '（一）丰富活动内容。',
        '（二）布置主会场。（县文广旅局牵头，9月10日前完成）',
        `二、${heading}`,
        '（一）开幕式及诵读展演。',
        '（二）图书展销。',
        '三、工作分工',
        '（一）宣传组。由县委宣传部牵头，县融媒体中心配合，9月15日前启动宣传。',
      ]);
      assert.deepEqual(plan.tasks.map(row), [['（一）', [], []], ['（二）', ['县文广旅局'], []], ['（一）', ['县委宣传部'], ['县融媒体中心']]], heading);
    }
    // An item of the programme that gives its work out as tasks are assigned is a task still.
    const plan = read(['溪川县2025年读书节活动方案', '一、活动内容', '（一）开幕式。', '（二）图书展销。（县商务局牵头，9月底前完成）']);
    assert.deepEqual(plan.tasks.map(row), [['（二）', ['县商务局'], []]]);
    // So is one that names its lead in a sentence: a programme's item is no safeguard whose keeper a sentence names.
    const prose = read([
      '溪川县2026年安全生产月活动方案',
      '一、活动内容',
      '（一）开展宣传咨询日活动。由县应急管理局牵头，2026年6月16日前完成。',
      '（二）开展隐患排查。县住建局负责，2026年6月底前完成。',
    ]);
    assert.deepEqual(prose.tasks.map(row), [['（一）', ['县应急管理局'], []], ['（二）', ['县住建局'], []]]);
  });

  it('the standards a plan sets (二、保洁标准 then 1．…) get no task finding and no skipped level; its tasks still do', () => {
    const plan = read([
      '云岭镇2025年集镇环境卫生整治工作方案',
      '　　一、整治任务',
      '　　（一）清运积存垃圾。（牵头单位：镇环卫所；完成时限：2025年4月底前）',
      '　　（二）整治占道经营。（牵头单位：镇综合执法队）',
      '　　二、清扫保洁标准',
      '　　1．路面无积存垃圾、无污水横流。',
      '　　2．公厕每日清扫两次以上。',
    ]);
    const findings = lintPlan(plan, { rules: allRules, settings: { today: '2025-01-01' } }).map((d) => `${d.range.start.line + 1} ${d.ruleId}`);
    assert.deepEqual(findings, ['4 PL002']);
  });

  it('the stages and safeguards of a plan that name who does them get no finding; a task beside them still does', () => {
    const plan = read([
      '溪川县2025年“清河行动”实施方案',
      '一、重点任务',
      '（一）清理河道垃圾。（牵头单位：县水利局；完成时限：2025年5月底前）',
      '（二）整治入河排污口。（牵头单位：县生态环境分局）',
      '（三）拆除河道违建。',
      '二、方法步骤',
      '（一）宣传发动阶段（2025年3月）。由县水利局负责制定方案，各乡镇召开动员会。',
      '（二）集中整治阶段（2025年4月至9月）。各乡镇负责组织整治，县水利局会同县生态环境分局开展巡查。',
      '三、组织保障',
      '（一）加强组织领导。成立县“清河行动”指挥部。',
      '（二）严格督查考核。县委督查室牵头，每月通报进展。',
    ]);
    const findings = lintPlan(plan, { rules: allRules, settings: { today: '2025-01-01' } }).map((d) => `${d.range.start.line + 1} ${d.ruleId}`);
    // Only the tasks: （二） has no deadline, （三） neither lead nor deadline.
    assert.deepEqual(findings, ['4 PL002', '5 PL001', '5 PL002']);
    assert.deepEqual(plan.tasks.map((t) => t.title), ['清理河道垃圾', '整治入河排污口', '拆除河道违建']);
  });

  it('notes after the tasks (注： ①…, 备注： 1.…) are explanations, not the last task\'s sub-items', () => {
    for (const [label, first, second] of [['注：', '①', '②'], ['备注：', '1.', '2.']] as const) {
      const plan = read([
        '溪川县2024年优化营商环境工作方案',
        '一、重点任务',
        '1.压缩审批时限。（牵头单位：县住建局；完成时限：2024年9月底前）',
        '2.开展无证明城市建设。（牵头单位：县司法局；完成时限：2024年12月底前）',
        label,
        `${first}审批时限不含技术审查，2023年12月31日前已受理项目按原规定执行。`,
        `${second}证明事项清单另行公布。`,
      ]);
      assert.deepEqual(plan.tasks.map((t) => [t.number, t.deadline?.text ?? null]), [['1.', '2024年9月底前'], ['2.', '2024年12月底前']], label);
    }
  });

  it('a box set in the body (专栏1 …) lists works that illustrate the task above: no tasks, and the task keeps its own', () => {
    const plan = read([
      '溪川县数字经济发展行动计划',
      '一、重点任务',
      '（一）加快5G网络建设。2024年底前实现乡镇连续覆盖。（牵头单位：县工信局）',
      '\u3000\u3000专栏1  5G网络建设重点工程',
      '1. 5G基站建设工程：新建5G基站300个。',
      '2. 千兆光网工程：新增端口2万个。',
      '（二）推进交通设施智能化改造。2026年底前完成。（牵头单位：县交通运输局）',
    ]);
    assert.deepEqual(plan.tasks.map((t) => [t.number, t.lead.map((u) => u.name), t.deadline?.text ?? null]), [
      ['（一）', ['县工信局'], '2024年底前'],
      ['（二）', ['县交通运输局'], '2026年底前'],
    ]);
  });

  it('a schedule (进度安排, 时间安排, 推进步骤) gives its stages periods, not tasks', () => {
    for (const heading of ['进度安排', '时间安排', '推进步骤', '步骤安排']) {
      const plan = read([
        '溪川县2024年垃圾分类工作方案',
        '一、重点任务',
        '（一）建设分类站点。（县城管局牵头）',
        `二、${heading}`,
        '（一）2024年3月底前，制定工作方案。',
        '（二）2024年12月底前，全面完成建设。',
      ]);
      assert.deepEqual(plan.tasks.map(row), [['（一）', ['县城管局'], []]], heading);
    }
  });
});

describe('real plans: a letter of responsibility', () => {
  it('its 乙方 leads each task it lists without a unit of its own; not in a plan of another title', () => {
    const letter = [
      '2025年度消防安全目标管理责任书',
      '为落实消防安全责任，县人民政府（甲方）与县教育局（乙方）签订本责任书。',
      '一、工作任务',
      '1.开展校园消防安全隐患排查整治，6月底前完成。',
      '2.组织师生开展消防疏散演练，年底前完成。',
      '3.更新学校消防器材。（责任单位：各中小学；完成时限：2025年9月底前）',
      '甲方（盖章）：县人民政府　　乙方（盖章）：县教育局',
    ];
    const plan = read(letter);
    assert.deepEqual(
      plan.tasks.map((t) => [t.number, t.lead.map((u) => u.name), t.responsible.map((u) => u.name), t.inherited.lead]),
      [
        ['1.', ['县教育局'], [], true],
        ['2.', ['县教育局'], [], true],
        ['3.', ['各中小学'], [], false],
      ],
    );
    // The same lines under a plan's title: the tasks name no lead.
    const other = read(['2025年度消防安全工作方案', ...letter.slice(1)]);
    assert.deepEqual(other.tasks.map((t) => t.lead.map((u) => u.name)), [[], [], ['各中小学']]);
    // Only the label names the party (`乙方：X`).
    const labelled = read(['2025年度消防安全目标责任状', '一、工作任务', '1.开展隐患排查，6月底前完成。', '甲方：县人民政府', '乙方：县教育局']);
    assert.deepEqual(labelled.tasks.map((t) => t.lead.map((u) => u.name)), [['县教育局']]);
  });
});

describe('real plans: unit-named headings', () => {
  it('a heading whose bracket gives its part of the work (`（本部分任务由X牵头，Y配合）`) gives its tasks that lead', () => {
    const plan = read([
      '溪川县2024年促消费工作方案',
      '一、培育消费新场景（本部分任务由县商务局牵头，各乡镇配合）',
      '（一）打造夜间消费街区。2025年6月底前完成。',
      '（二）举办购物节活动。2025年10月底前完成。',
    ]);
    assert.deepEqual(
      plan.tasks.map((t) => [t.number, t.lead.map((u) => u.name), t.responsible.map((u) => u.name), t.inherited.lead]),
      [
        ['（一）', ['县商务局'], ['各乡镇'], true],
        ['（二）', ['县商务局'], ['各乡镇'], true],
      ],
    );
  });

  it('a heading that names the lead and counts the tasks under it gives them the lead, not the count', () => {
    const plan = read([
      '溪川县2024年任务分工方案',
      '一、县交通运输局牵头（2项）',
      '1.新改建农村公路50公里。',
      '2.实施国道改造。',
      '二、牵头单位：县水务局（共1项）',
      '3.治理中小河流。',
    ]);
    assert.deepEqual(
      plan.tasks.map((t) => [t.number, t.lead.map((u) => u.name), t.inherited.lead]),
      [
        ['1.', ['县交通运输局'], true],
        ['2.', ['县交通运输局'], true],
        ['3.', ['县水务局'], true],
      ],
    );
    const named = read([
      '溪川县2024年任务分工方案',
      '（三）县交通运输局（8项）',
      '1.新改建农村公路50公里。',
      '（四）县水务局主要工作任务（共2项）',
      '2.治理中小河流。',
      '（五）县农业农村局、县水务局（1项）',
      '3.新建高标准农田2万亩。',
      '（六）农田建设、水利建设',
      '4.实施小型水库除险加固。',
    ]);
    assert.deepEqual(
      named.tasks.map((t) => [t.number, t.lead.map((u) => u.name), t.inherited.lead]),
      [
        ['1.', ['县交通运输局'], true],
        ['2.', ['县水务局'], true],
        // Two units named by the heading lead together; a heading of two kinds of work names none.
        ['3.', ['县农业农村局', '县水务局'], true],
        ['4.', [], false],
      ],
    );
  });

  it('a heading that names a unit leads the tasks under it; a person or a work heading does not', () => {
    const plan = read([
      '溪川县2024年重点工作安排',
      '一、县教育局',
      '1.改扩建学校。',
      '二、县卫健委主要工作任务',
      '1.建设卫生院。',
      '三、李明副县长',
      '1.抓好督办。',
      '四、加强组织领导',
      '1.成立工作专班。',
    ]);
    assert.deepEqual(
      plan.tasks.map((t) => [t.number, t.lead.map((u) => u.name), t.inherited.lead]),
      [
        ['1.', ['县教育局'], true],
        ['1.', ['县卫健委'], true],
        ['1.', [], false],
        ['1.', [], false],
      ],
    );
  });

  it('a heading whose sentence covers the items below (以下各项由X牵头) leads them', () => {
    const plan = read(['溪川县2024年工作方案', '一、以下各项由县发展改革委牵头', '1.编制项目库。', '2.争取专项债。']);
    assert.deepEqual(plan.tasks.map((t) => t.lead.map((u) => u.name)), [['县发展改革委'], ['县发展改革委']]);
  });
});

describe('real plans: numbering as it is typed', () => {
  it('a record\'s number field opens a task (任务编号：N, 序号：N), its title from the 任务名称 line, its fields the lines after', () => {
    const lines = [
      '溪川县2024年重点工作任务清单',
      '一、经济发展',
      '任务编号：1',
      '任务名称：推进重大项目建设',
      '牵头单位：县发改局',
      '责任单位：县财政局',
      '完成时限：2024年12月底',
      '  序号： 2',
      '工作任务：优化营商环境。持续压减审批时限',
      '牵头单位：县政务服务中心',
      '任务编号：4',
      '任务名称：做好招商',
      '牵头单位：县商务局',
    ];
    const plan = read(lines);
    assert.deepEqual(
      plan.tasks.map((t) => [t.number, t.numberValue, t.title, t.lead.map((u) => u.name), t.responsible.map((u) => u.name), t.deadline?.text ?? null]),
      [
        ['任务编号：1', 1, '推进重大项目建设', ['县发改局'], ['县财政局'], '2024年12月底'],
        ['序号： 2', 2, '优化营商环境', ['县政务服务中心'], [], null],
        ['任务编号：4', 4, '做好招商', ['县商务局'], [], null],
      ],
    );
    const diagnostics = lintPlan(plan, { rules: allRules, settings: { today: '2024-06-01' } });
    const pl004 = diagnostics.filter((d) => d.ruleId === 'PL004');
    assert.deepEqual(
      pl004.map((d) => [d.message, d.fix?.edits.map((e) => [lines.join('\n').slice(e.span.start, e.span.end), e.newText])]),
      [['编号“任务编号：4”跳号，应为“任务编号：3”', [['4', '3']]]],
    );
    assert.deepEqual(diagnostics.filter((d) => d.ruleId === 'PL003'), []);
  });

  it('a task numbered by name (【任务一】, 任务二：, 第三项任务：) is a task a level below its heading, numbered with its siblings', () => {
    const lines = [
      '溪川县2026年消防安全整治任务清单',
      '一、隐患整治',
      '【任务一】排查高层住宅消防通道',
      '具体内容：逐栋检查，建立台账。',
      '牵头单位：县消防救援大队',
      '完成时限：2026年5月底前',
      '任务三：整治电动自行车违规充电。（县住建局牵头，各社区配合；2026年8月底前）',
      '  1.增设集中充电桩。',
      '第四项任务：更新老旧小区消防器材',
      '牵头单位：县应急管理局',
      '二、宣传培训',
      '任务1：开展消防安全进社区活动。（牵头单位：县消防救援大队；完成时限：2026年11月底前）',
      '本任务一经部署，各单位不得推诿。',
    ];
    const plan = read(lines);
    assert.deepEqual(
      plan.allSections.filter((s) => s.marker.style === 'task').map((s) => [s.marker.text, s.marker.level, s.marker.value, s.title, s.parent?.marker.text]),
      [
        ['【任务一】', 2, 1, '排查高层住宅消防通道', '一、'],
        ['任务三：', 2, 3, '整治电动自行车违规充电', '一、'],
        ['第四项任务：', 2, 4, '更新老旧小区消防器材', '一、'],
        ['任务1：', 2, 1, '开展消防安全进社区活动', '二、'],
      ],
    );
    assert.deepEqual(
      plan.tasks.map((t) => [t.title, t.lead.map((u) => u.name), t.deadline?.text ?? null]),
      [
        ['排查高层住宅消防通道', ['县消防救援大队'], '2026年5月底前'],
        ['增设集中充电桩', ['县住建局'], '2026年8月底前'],
        ['更新老旧小区消防器材', ['县应急管理局'], null],
        ['开展消防安全进社区活动', ['县消防救援大队'], '2026年11月底前'],
      ],
    );
    const diagnostics = lintPlan(plan, { rules: allRules, settings: { today: '2026-03-01' } });
    // 任务一 then 任务三 skips 二 (the fix renumbers what follows), written as each marker writes its number; no paragraph is
    // left unnumbered.
    assert.deepEqual(
      diagnostics.filter((d) => d.ruleId === 'PL004').map((d) => [d.message, d.fix?.edits.map((e) => [lines.join('\n').slice(e.span.start, e.span.end), e.newText])]),
      [['编号“任务三：”跳号，应为“任务二：”（本文该级各部分分别编号）', [['三', '二'], ['四', '三']]]],
    );
    assert.deepEqual(diagnostics.filter((d) => d.ruleId === 'PL003' || d.ruleId === 'PL001'), []);
  });

  it('tasks numbered by name with no heading above them are the top level; an item under one is its child', () => {
    const plan = read(['溪川县2026年全民阅读重点任务清单', '', '[任务1] 建设城市书房', '牵头单位：县文旅局', '', '[任务2] 举办读书节', '1.组织诵读比赛。（县教育局牵头）', '[任务3] 配送图书下乡', '牵头单位：县图书馆']);
    assert.deepEqual(outline(plan), [
      ['[任务1]', 1, '建设城市书房'],
      ['[任务2]', 1, '举办读书节'],
      ['1.', 3, '组织诵读比赛'],
      ['[任务3]', 1, '配送图书下乡'],
    ]);
    assert.deepEqual(plan.tasks.map((t) => [t.title, t.lead.map((u) => u.name)]), [
      ['建设城市书房', ['县文旅局']],
      ['组织诵读比赛', ['县教育局']],
      ['配送图书下乡', ['县图书馆']],
    ]);
  });

  it('a task numbered by name under a heading holds the items of its level after it; the next one is its sibling, not their child', () => {
    const lines = [
      '某区城管局关于群众反映问题的整改方案',
      '（一）市容秩序方面',
      '问题1：背街小巷占道经营反弹。',
      '1．划定临时疏导点。',
      '（1）选址公示。',
      '（2）分批入驻。',
      '2．实行网格巡查。',
      '牵头单位：市容科',
      '整改时限：2025年8月底前',
      '问题2：夜间施工噪声扰民。',
      '1．严格夜间施工审批。',
      '2．开通噪声投诉专线。',
      '牵头单位：执法大队',
      '整改时限：2025年6月底前',
      '（二）环境卫生方面',
      '事项3：公厕保洁不及时。',
      '1．落实一厕一长。',
      '2．每日两次巡检。',
      '（牵头单位：环卫所；整改时限：2025年7月底前）',
    ];
    const plan = read(lines);
    assert.deepEqual(
      plan.allSections.map((s) => [s.marker.text, s.marker.level, s.parent?.marker.text ?? null]),
      [
        ['（一）', 2, null],
        ['问题1：', 3, '（一）'],
        ['1．', 3, '问题1：'],
        ['（1）', 4, '1．'],
        ['（2）', 4, '1．'],
        ['2．', 3, '问题1：'],
        ['问题2：', 3, '（一）'],
        ['1．', 3, '问题2：'],
        ['2．', 3, '问题2：'],
        ['（二）', 2, null],
        ['事项3：', 3, '（二）'],
        ['1．', 3, '事项3：'],
        ['2．', 3, '事项3：'],
      ],
    );
    assert.deepEqual(
      plan.tasks.map((t) => [t.number, t.lead.map((u) => u.name), t.deadline?.text ?? null]),
      [
        ['（1）', ['市容科'], '2025年8月底前'],
        ['（2）', ['市容科'], '2025年8月底前'],
        ['2．', ['市容科'], '2025年8月底前'],
        ['1．', ['执法大队'], '2025年6月底前'],
        ['2．', ['执法大队'], '2025年6月底前'],
        ['1．', ['环卫所'], '2025年7月底前'],
        ['2．', ['环卫所'], '2025年7月底前'],
      ],
    );
    // The tasks count on through the headings (1, 2, then 3), the measures from 1 under each task.
    const diagnostics = lintPlan(plan, { rules: allRules, settings: { today: '2025-03-01' } });
    assert.deepEqual(diagnostics.filter((d) => ['PL001', 'PL002', 'PL004', 'PL005', 'PL006'].includes(d.ruleId)), []);
    // A task skipped among them is found in their own count, whatever measures lie between.
    const skipped = lines.map((l) => l.replace('问题2：', '问题4：').replace('事项3：', '事项5：'));
    const pl004 = lintPlan(read(skipped), { rules: allRules, settings: { today: '2025-03-01' } }).filter((d) => d.ruleId === 'PL004');
    assert.deepEqual(pl004.map((d) => [d.message, d.fix?.edits.map((e) => [skipped.join('\n').slice(e.span.start, e.span.end), e.newText])]), [
      ['编号“问题4：”跳号，应为“问题2：”（本文该级全文连续编号）', [['4', '2'], ['5', '3']]],
    ]);
  });

  it('a problem numbered by name in a 整改方案 (问题1：, 存在问题2：) is a task with the fields after it; under 存在问题 it is none', () => {
    const plan = read([
      '溪川县市场监管局关于巡察反馈问题的整改方案',
      '一、存在问题',
      '问题1：食品抽检覆盖面不足。',
      '问题2：执法案卷归档不及时。',
      '二、整改任务',
      '问题1：食品抽检覆盖面不足。',
      '整改措施：扩大抽检品种和批次，向农村集市延伸。',
      '牵头单位：食品抽检科',
      '完成时限：2026年6月底前',
      '存在问题2：执法案卷归档不及时。',
      '整改措施：建立案卷月度核查制度。',
      '牵头单位：法规科',
      '责任单位：各市场监管所',
      '完成时限：2026年4月底前',
      '问题整改完成后，及时报送整改报告。',
    ]);
    assert.deepEqual(
      plan.tasks.map((t) => [t.number, t.title, t.lead.map((u) => u.name), t.responsible.map((u) => u.name), t.deadline?.text ?? null]),
      [
        ['问题1：', '食品抽检覆盖面不足', ['食品抽检科'], [], '2026年6月底前'],
        ['存在问题2：', '执法案卷归档不及时', ['法规科'], ['各市场监管所'], '2026年4月底前'],
      ],
    );
    const diagnostics = lintPlan(plan, { rules: allRules, settings: { today: '2026-03-01' } });
    assert.deepEqual(diagnostics.filter((d) => ['PL001', 'PL003', 'PL004'].includes(d.ruleId)), []);
  });

  it('a number field is one only at a line\'s start and as a short number (编号：2024-01 is a document\'s)', () => {
    const plan = read(['一、重点任务', '1.做好登记，序号：3 的表格另附。（县民政局牵头）', '编号：2024-01', '编号：12.5']);
    assert.deepEqual(numbers(plan), ['1.']);
  });

  it('⒈ and ⑴, 1﹒, a number before a year or a date, a marker after a closing bracket', () => {
    const plan = read([
      '溪川县2024年工作方案',
      '一、重点任务',
      '⒈建设收储点。（县农业农村局牵头）',
      '⑴选址。',
      '⑵建设。',
      '⒉开展宣传。（县委宣传部牵头）',
      '二、专项行动',
      '1﹒清理河道。（县水利局牵头）',
      '2.2024年底前完成验收。（县水利局牵头）',
      '3、3月21日召开推进会。（县水利局牵头）',
      '三、其他（略）4.开展督查。（县政府督查室牵头）',
    ]);
    assert.deepEqual(
      plan.allSections.map((s) => [s.marker.text, s.marker.level, s.marker.value]),
      [
        ['一、', 1, 1],
        ['⒈', 3, 1],
        ['⑴', 4, 1],
        ['⑵', 4, 2],
        ['⒉', 3, 2],
        ['二、', 1, 2],
        ['1﹒', 3, 1],
        ['2.', 3, 2],
        ['3、', 3, 3],
        ['三、', 1, 3],
        ['4.', 3, 4],
      ],
    );
    // `3.5%` and `1、2月` are still no markers.
    assert.deepEqual(numbers(read(['溪川县2024年工作方案', '一、目标任务。增长3.5%，1、2月完成。（县统计局牵头）'])), ['一、']);
  });

  it('㈠ ㈡ (WPS\'s numbering of （一） copied as text) are level-2 markers where a block opens, and number on in their form', () => {
    const plan = read([
      '溪川县2024年工作方案',
      '一、重点任务',
      '㈠垃圾治理',
      '⒈推行垃圾分类。（县城管局牵头，2024年6月底前）',
      '㈡污水治理',
      '⒈建设污水处理站。（县住建局牵头，2024年9月底前）',
      '㈣其他治理，见附表㈢。',
    ]);
    assert.deepEqual(
      plan.allSections.map((s) => [s.marker.text, s.marker.level, s.marker.value]),
      [
        ['一、', 1, 1],
        ['㈠', 2, 1],
        ['⒈', 3, 1],
        ['㈡', 2, 2],
        ['⒈', 3, 1],
        ['㈣', 2, 4],
      ],
    );
    const messages = lintPlan(plan, { rules: allRules, settings: { today: '2024-01-01' } }).filter((d) => d.ruleId === 'PL004').map((d) => d.message);
    assert.deepEqual(messages, ['编号“㈣”跳号，应为“㈢”']);
  });

  it('a first item glued to its heading (the break between them lost) is the heading\'s first item, with its own deadline', () => {
    const plan = read([
      '溪川县政务服务自助区建设工作方案',
      '二、主要任务及实施步骤1、制定部署计划。',
      '各乡镇要制定部署计划，5月6日前报县政务服务中心。',
      '2、搭建应用环境。',
      '各乡镇完成网络和电力改造。',
      '三、工作保障1、加强领导。',
      '各乡镇要明确责任人。',
    ]);
    assert.deepEqual(
      outline(plan),
      [
        ['二、', 1, '主要任务及实施步骤'],
        ['1、', 3, '制定部署计划'],
        ['2、', 3, '搭建应用环境'],
        ['三、', 1, '工作保障'],
        ['1、', 3, '加强领导'],
      ],
    );
    // 工作保障 assigns no work: its item is no task.
    assert.deepEqual(plan.tasks.map((t) => [t.number, t.deadline?.text ?? null]), [
      ['1、', '5月6日前'],
      ['2、', null],
    ]);
  });

  it('in a text that lost its line breaks, each item glued to the heading or sentence before it is an item', () => {
    const text =
      '溪川县2024年农村人居环境整治工作方案一、总体要求以改善农村人居环境为目标，全面推进乡村振兴。二、重点任务（一）推进厕所革命' +
      '1.完成户厕改造500户（县农业农村局牵头，2024年6月底前完成）。2.建立管护机制（县农业农村局牵头，2024年9月底前完成）。' +
      '（二）治理生活污水3.建设污水管网20公里（县住建局牵头，2024年10月底前完成）。4.推进黑臭水体整治（县生态环境局牵头，2024年12月底前完成）。' +
      '三、保障措施（一）加强组织领导。各乡镇要高度重视，投资1.5亿元完成2、3号站点。';
    const plan = parsePlan(text);
    assert.deepEqual(plan.tasks.map((t) => [t.number, t.title, t.lead.map((u) => u.name), t.deadline?.text ?? null]), [
      ['1.', '完成户厕改造500户', ['县农业农村局'], '2024年6月底前'],
      ['2.', '建立管护机制', ['县农业农村局'], '2024年9月底前'],
      ['3.', '建设污水管网20公里', ['县住建局'], '2024年10月底前'],
      ['4.', '推进黑臭水体整治', ['县生态环境局'], '2024年12月底前'],
    ]);
    assert.deepEqual(
      outline(plan).slice(1, 4),
      [
        ['（一）', 2, '推进厕所革命'],
        ['1.', 3, '完成户厕改造500户'],
        ['2.', 3, '建立管护机制'],
      ],
    );
    // The numbering runs on through the chapter: no item is out of sequence.
    const findings = lintPlan(plan, { rules: allRules, settings: { today: '2024-01-01' } }).map((d) => d.ruleId);
    assert.deepEqual(findings.filter((id) => id === 'PL004' || id === 'PL001'), []);
  });

  it('a Markdown page with bold headings and labels, and items flagged ★ ▲: every item read, no numbering finding', () => {
    const lines = [
      '# 溪川县2024年工作要点',
      '**一、重点任务**',
      '**（一）加强组织领导。**成立工作专班。（县政府办牵头，2024年6月底前完成）',
      '（二）**推进改革**。**牵头单位**：县发改局；**完成时限**：2024年9月底前。',
      '（三）其他任务',
      '★1. 严格落实决策程序。（牵头单位：县司法局；完成时限：2024年3月底前）',
      '2. 推行法律顾问制度。（牵头单位：县司法局；完成时限：2024年6月底前）',
      '▲3. 开展文件评估。（牵头单位：县司法局；完成时限：2024年10月底前）',
    ];
    const plan = read(lines);
    assert.deepEqual(plan.tasks.map((t) => [t.number, t.title, t.lead.map((u) => u.name), t.deadline?.text ?? null]), [
      ['（一）', '加强组织领导', ['县政府办'], '2024年6月底前'],
      ['（二）', '推进改革', ['县发改局'], '2024年9月底前'],
      ['1.', '严格落实决策程序', ['县司法局'], '2024年3月底前'],
      ['2.', '推行法律顾问制度', ['县司法局'], '2024年6月底前'],
      ['3.', '开展文件评估', ['县司法局'], '2024年10月底前'],
    ]);
    const findings = lintPlan(plan, { rules: allRules, settings: { today: '2024-01-01' } }).map((d) => d.ruleId);
    assert.deepEqual(findings.filter((id) => ['PL001', 'PL003', 'PL004', 'PL006'].includes(id)), []);
  });

  it('a first section glued to its chapter heading is the chapter\'s first section', () => {
    const plan = read(['溪川县2024年法治建设工作要点', '一、总体要求（一）指导思想。坚持依法行政。', '二、重点任务（一）深化改革。（县司法局牵头，2024年6月底前完成）', '（二）规范执法。（县司法局牵头）']);
    assert.deepEqual(
      outline(plan),
      [
        ['一、', 1, '总体要求'],
        ['（一）', 2, '指导思想'],
        ['二、', 1, '重点任务'],
        ['（一）', 2, '深化改革'],
        ['（二）', 2, '规范执法'],
      ],
    );
    assert.deepEqual(plan.tasks.map(row), [
      ['（一）', ['县司法局'], []],
      ['（二）', ['县司法局'], []],
    ]);
  });

  it('in a text that lost its line breaks, (一) glued to the word before it is a marker; (一)项 is a reference', () => {
    const filler = '为做好专项整治工作，结合实际，制定本方案，各单位要高度重视，认真组织实施，确保取得实效。'.repeat(12);
    const text = `溪川县专项整治工作方案${filler}实施专项整治工作(一)道路整治牵头领导:王强副局长责任部门:交通科、路政站(二)河道整治按照第(一)项的要求做好。牵头领导:李明副局长责任部门:水利科`;
    const plan = parsePlan(text);
    assert.deepEqual(plan.tasks.map(row), [
      ['(一)', [], ['交通科', '路政站']],
      ['(二)', ['水利科'], []],
    ]);
  });

  it('spaces inside a marker\'s brackets (Word\'s distributed alignment, an OCR) leave it the same marker', () => {
    const plan = read([
      '溪川县2026年河湖治理工作方案',
      '一、重点任务',
      '（一）清理河道淤泥。（牵头单位：县水利局；完成时限：2026年5月底前）',
      '（ 二 ）整治入河排污口。（牵头单位：县生态环境局；完成时限：2026年8月底前）',
      '(\u3000三\u3000)建设生态缓冲带。（县林业局牵头）',
      '1.规划缓冲带选址。',
      '（ 1 ）完成苗木采购。（ 详见附件 ）',
    ]);
    assert.deepEqual(
      plan.allSections.map((s) => [s.marker.text, s.marker.level, s.marker.value, s.title]),
      [
        ['一、', 1, 1, '重点任务'],
        ['（一）', 2, 1, '清理河道淤泥'],
        ['（ 二 ）', 2, 2, '整治入河排污口'],
        ['(\u3000三\u3000)', 2, 3, '建设生态缓冲带'],
        ['1.', 3, 1, '规划缓冲带选址'],
        ['（ 1 ）', 4, 1, '完成苗木采购'],
      ],
    );
    assert.deepEqual(plan.tasks.map((t) => t.number), ['（一）', '（ 二 ）', '（ 1 ）']);
    assert.deepEqual(row(plan.tasks[1]!), ['（ 二 ）', ['县生态环境局'], []]);
  });
});

describe('real plans: attribution vocabulary', () => {
  const one = (item: string): Task => {
    const plan = read(['溪川县2024年工作方案', '一、重点任务', `1.${item}`]);
    assert.equal(plan.tasks.length, 1, item);
    return plan.tasks[0]!;
  };
  const cases: [string, string[], string[]][] = [
    ['做好宣传。〔牵头单位：县委宣传部；责任单位：各乡镇〕', ['县委宣传部'], ['各乡镇']],
    ['做好宣传。（县委宣传部牵头。）', ['县委宣传部'], []],
    ['做好宣傳。(縣委宣傳部負(fù)責)', ['縣委宣傳部'], []],
    ['做好宣傳。(縣委宣傳部牽(qiān)頭,各鄉鎮配合)', ['縣委宣傳部'], ['各鄉鎮']],
    ['做好宣传。牵头责任单位：县委宣传部 协同责任单位：县文旅局、县教育局', ['县委宣传部'], ['县文旅局', '县教育局']],
    ['做好宣传。（主办单位：县委宣传部，协办单位：县文旅局，参与单位：县教育局）', ['县委宣传部'], ['县文旅局', '县教育局']],
    ['做好宣传，由县委宣传部负责统筹协调。', ['县委宣传部'], []],
    ['做好宣传。由县委宣传部牵头，县文旅局配合。', ['县委宣传部'], ['县文旅局']],
    ['做好宣传。县委宣传部负责落实。', ['县委宣传部'], []],
    ['做好宣传。（县委宣传部、县文旅局按职责分工落实）', ['县委宣传部', '县文旅局'], []],
    ['做好宣传。（县委宣传部牵头，县文旅局、县教育局按职责分工负责）', ['县委宣传部'], ['县文旅局', '县教育局']],
    ['研究政策，由县发展改革委会同县财政局、县税务局等部门提出意见。', ['县发展改革委'], ['县财政局', '县税务局']],
    ['做好宣传。（责任单位：县委宣传部、县文旅局，6月底前完成）', [], ['县委宣传部', '县文旅局']],
    ['做好审批。（牵头单位：市、县（市、区）审管办）', ['市、县（市、区）审管办'], []],
    ['落实政策。（责任单位：各市、县（市、区）人民政府）', ['各市、县（市、区）人民政府'], []],
    ['落实政策。（责任单位：各区、各部门）', [], ['各区', '各部门']],
    ['做好执法。（负责单位：县司法局；完成时限：2024年底前）', ['县司法局'], []],
    ['做好宣传。（负责部门：县委宣传部、县文旅局）', [], ['县委宣传部', '县文旅局']],
    ['推进改革，由县发改局负责单位内部管理。', ['县发改局'], []],
    ['整治人居环境。会议明确县农业农村局牵头，县住建局配合。', ['县农业农村局'], ['县住建局']],
    ['整治人居环境。会议要求县农业农村局牵头。', ['县农业农村局'], []],
    // A lead written with the work after it, no comma between.
    ['开展隐患排查。县应急局牵头组织开展安全大检查，2024年2月底前完成。', ['县应急局'], []],
    ['加强宣传。县委宣传部负责组织开展安全宣传。', ['县委宣传部'], []],
    ['加强宣传。县委宣传部负责同志要亲自抓。', [], []],
    ['禁烧秸秆。各乡镇人民政府负总责，县生态环境局负责督导检查，年底前完成。', ['各乡镇人民政府'], ['县生态环境局']],
    ['禁烧秸秆。县生态环境局负责监管。', ['县生态环境局'], []],
    ['加强宣传。各地牵头抓好宣传工作。', [], []],
    ['加强宣传。县委宣传部牵头组织开展了宣传活动。', [], []],
    // A 责任单位 field whose value a verb ends.
    ['加大融资支持。【责任单位：县金融服务中心牵头，县财政局配合；完成时限：2024年12月底前】', ['县金融服务中心'], ['县财政局']],
    ['强化扬尘管控。（责任单位：县住建局、县城管局按职责分工负责）', ['县住建局', '县城管局'], []],
    ['强化扬尘管控。（牵头单位：县住建局；责任单位：县城管局、县交通局按职责分工负责）', ['县住建局'], ['县城管局', '县交通局']],
    ['做好宣传。（牵头领导：王强副县长；牵头单位：县委宣传部）', ['县委宣传部'], []],
    ['做好宣传。（责任单位或牵头单位：县委宣传部）', ['县委宣传部'], []],
    ['做好宣传。主责单位：县委宣传部；协同单位：县文旅局', ['县委宣传部'], ['县文旅局']],
    ['推进固废减量。主要责任单位：县工信局；其他责任单位：县生态环境分局、县商务局', ['县工信局'], ['县生态环境分局', '县商务局']],
    ['推进固废减量。（主要责任单位：县工信局；其他责任单位：县商务局；完成时间：2025年底）', ['县工信局'], ['县商务局']],
    // A unit marked as the lead inside a list of responsible ones.
    ['清理欠款。责任单位：县工信局（牵头）、县财政局', ['县工信局'], ['县财政局']],
    ['做好培训。（责任单位：县人社局(牵头单位)、县教育局）', ['县人社局'], ['县教育局']],
    ['做好宣传。责任单位：县委宣传部*、县文旅局', ['县委宣传部'], ['县文旅局']],
    ['做好培训。（责任单位：县人社局〔牵头〕、县教育局）', ['县人社局'], ['县教育局']],
    // Units named before their field's name: `X为牵头单位，Y、Z为配合单位`; `以X为牵头单位`; not inside a sentence's words.
    ['推进信用建设。县发改局为牵头单位，县财政局、县审计局为配合单位，完成时限为2024年6月底前。', ['县发改局'], ['县财政局', '县审计局']],
    ['推进信用建设。确定以县发改局为牵头单位，2024年6月底前完成。', ['县发改局'], []],
    ['推进信用建设。全县上下要以县发改局为牵头单位。', [], []],
    // Units parted by spaces or a slash; a space inside one name (`县委 宣传部`) parts nothing.
    ['推进一体化。牵头单位：县卫健局；责任单位：县财政局 县医保局　各乡镇', ['县卫健局'], ['县财政局', '县医保局', '各乡镇']],
    ['推进打包付费。牵头单位：县医保局；责任单位：县卫健局/县财政局', ['县医保局'], ['县卫健局', '县财政局']],
    // A list longer than any one name, parted by spaces only: each name is read up to the next space.
    ['做好统计。牵头单位：县统计局；责任单位：县发改局 县财政局 县人社局 县教育局 县民政局 县司法局 县审计局 县商务局 县文旅局 县卫健局 县应急局 县林业局 县水利局 县交通局 县统计局 县气象局', ['县统计局'], ['县发改局', '县财政局', '县人社局', '县教育局', '县民政局', '县司法局', '县审计局', '县商务局', '县文旅局', '县卫健局', '县应急局', '县林业局', '县水利局', '县交通局', '县统计局', '县气象局']],
    ['做好宣传。牵头单位：县委 宣传部', ['县委 宣传部'], []],
    // A person after a space: a unit's (cut from its name), or an office's (no unit).
    ['项目封顶。牵头单位：县卫健局 王芳；配合单位：县发改局 刘军', ['县卫健局'], ['县发改局']],
    ['强化保障。（副县长 孙强负责；县自然资源局牵头；县财政局配合）', ['县自然资源局'], ['县财政局']],
    ['做好培训。责任单位：县人社局【牵头】、县教育局', ['县人社局'], ['县教育局']],
    ['推进信用建设。责任单位：县发改局、县人民银行，县发改局为牵头单位', ['县发改局'], ['县人民银行']],
    // Once a unit leads, the units that 负责 after it carry the work out.
    ['加强督查。（县政府督查室牵头，各乡镇负责）', ['县政府督查室'], ['各乡镇']],
    // Short labels (`牵头：` `配合：` `时限：`) where a clause opens; after a name `牵头` is the verb.
    ['深化一网通办。（牵头：县政务服务中心；配合：县发展改革局、县司法局；时限：2024年6月底前）', ['县政务服务中心'], ['县发展改革局', '县司法局']],
    ['压缩审批时限。牵头：县市场监管局；配合：县住建局；时限：2024年9月底前。', ['县市场监管局'], ['县住建局']],
    ['加强协调。（牽頭：縣發改局，協辦：縣財政局）', ['縣發改局'], ['縣財政局']],
    // …or after spaces that part them from the value before, fields in one line.
    ['加强应急值守。牵头：县应急局　配合：县卫健委、县公安局　时限：2025年6月底前', ['县应急局'], ['县卫健委', '县公安局']],
    ['加强应急值守。牵头：县应急局 配合：县卫健委', ['县应急局'], ['县卫健委']],
    // A field name, then `为` / `是` and its value right after it: units' names only.
    ['做好宣传。（牵头单位为县委宣传部；责任单位为县文旅局、县教育局；完成时限为2025年9月底）', ['县委宣传部'], ['县文旅局', '县教育局']],
    ['建设驿站。牵头单位是县总工会。', ['县总工会'], []],
    ['明确分工。责任单位是落实工作的主体。', [], []],
    // A field name that holds its colon, outside brackets.
    ['加强监管。负责单位：县市场监管局。', ['县市场监管局'], []],
    // Names alone after the lead, in the same bracket: they take part.
    ['开展出让。（市自然资源局牵头，市财政局、市住建局）', ['市自然资源局'], ['市财政局', '市住建局']],
    ['推进对接。（市金融工作局牵头；市人民银行、市工信局，6月底前完成）', ['市金融工作局'], ['市人民银行', '市工信局']],
    ['推进对接。（市金融工作局牵头，全面推进）', ['市金融工作局'], []],
    ['推进对接。（市金融工作局牵头，建设全市统一的服务平台）', ['市金融工作局'], []],
    ['推进改革。县发改局牵头，确保各项工作落到实处。', ['县发改局'], []],
    ['完善水价机制。县发展改革局负责，县财政局、县水利局落实，2024年第四季度出台方案。', ['县发展改革局'], ['县财政局', '县水利局']],
    ['实施管网延伸。（各乡镇人民政府负责，县水利局协助）', ['各乡镇人民政府'], ['县水利局']],
    ['实施管网延伸。（县水利局负责，年底前落实到位）', ['县水利局'], []],
    // `X会同Y` and the work, no `由` and no role verb: X leads (at the clause's start or after a comma), Y takes part.
    ['编制规划。县水利局会同县发展改革局、县自然资源局编制规划，2024年5月底前报县政府审定。', ['县水利局'], ['县发展改革局', '县自然资源局']],
    ['强化水质监测，县卫生健康局会同县水利局开展季度监测。', ['县卫生健康局'], ['县水利局']],
    ['强化水质监测，各地会同有关部门开展季度监测。', [], []],
    // The convention stated inside the list names no unit, and applies.
    ['做好通关。（责任单位：市商务局、市海关，列第一位的为牵头单位，下同）', ['市商务局'], ['市海关']],
    ['做好通关。（责任单位：市商务局、市海关，排在第一位的为牵头单位）', ['市商务局'], ['市海关']],
    // A 督办 sheet's 承办单位 handles the work (it leads); 实施主体 names the units that carry it out.
    ['新增普惠托位。（承办单位：县卫生健康委；协办单位：县教育局；办结时限：2024年12月底前）', ['县卫生健康委'], ['县教育局']],
    ['建设污水管网。（实施主体：各乡镇人民政府、县城投公司）', [], ['各乡镇人民政府', '县城投公司']],
    // A department's breakdown names its offices: 牵头处室, 责任处室, 责任科室, 配合处室.
    ['开展专项整治。（牵头处室：安全监督处；配合处室：运输服务处）', ['安全监督处'], ['运输服务处']],
    ['推进信用体系建设。责任处室：法规处。', ['法规处'], []],
    ['推进示范创建。责任科室：农村公路科、养护科', [], ['农村公路科', '养护科']],
    // Every role word goes with every unit word, a school's groups too (年级组, 教研组), in either script.
    ['组织期末复习。责任年级组：高二年级组', ['高二年级组'], []],
    ['编写校本作业。责任教研组：语文教研组、历史教研组', [], ['语文教研组', '历史教研组']],
    ['开展听评课。牵头教研组：英语教研组；参与年级组：初一年级组', ['英语教研组'], ['初一年级组']],
    ['优化挂号流程。牵头科室：门诊办；协同科室：信息中心、财务科', ['门诊办'], ['信息中心', '财务科']],
    ['规范病历书写。牵头科室：质控科；参与科室：病案室；协办科室：医务部', ['质控科'], ['病案室', '医务部']],
    ['清理闲置资产。牵头处室：财务处；协同处室：审计处', ['财务处'], ['审计处']],
    ['清理閒置資產。牽頭處室：財務處；協同處室：審計處', ['財務處'], ['審計處']],
    // A group's name ends a unit's name as an office's does.
    ['组织模拟考试。初三年级组负责，2026年4月底前完成。', ['初三年级组'], []],
    // The lead between commas in the task's sentence: a segment of units and their verb, nothing else.
    ['推出精品线路10条，市文旅局牵头，2024年5月底前完成。', ['市文旅局'], []],
    ['开发研学线路5条，市教育局牵头，市文旅局配合，2024年8月底前完成。', ['市教育局'], ['市文旅局']],
    ['推进水电气联合报装，县住建局负责，2024年9月底前完成。', ['县住建局'], []],
    ['推行告知承诺制，各县（市、区）人民政府负责，年底前完成。', ['各县（市、区）人民政府'], []],
    ['推进改革，县发改局、县财政局按职责分工负责。', ['县发改局', '县财政局'], []],
    ['建立健全工作机制，实行牵头联系制度。', [], []],
    ['推进改革，确保各项工作落实的部门牵头，年底前完成。', [], []],
    // A `、` right after a role verb parts two clauses as a comma would: `X牵头、Y负责` is `X牵头，Y负责`.
    ['整治校园周边环境。由县公安局牵头、各学校负责，2025年9月底前完成。', ['县公安局'], ['各学校']],
    ['整治校园周边环境。由縣公安局牽頭、各學校負責，2025年9月底前完成。', ['縣公安局'], ['各學校']],
    ['整治校园周边环境。县公安局负责、县教育局配合，2025年9月底前完成。', ['县公安局'], ['县教育局']],
    ['整治校园周边环境。（责任单位：县公安局牵头、县教育局配合）', ['县公安局'], ['县教育局']],
    ['整治校园周边环境。（县公安局牵头、县教育局）', ['县公安局'], ['县教育局']],
    // …and names listed right after the verb, in a sentence too, take part (`X牵头/Y/Z`, `X牵头、Y、Z`).
    ['整治占道经营。区城管局牵头/区交通局/区公安分局交警大队', ['区城管局'], ['区交通局', '区公安分局交警大队']],
    ['整治占道经营。区城管局牵头、区交通局、区市场监管局。', ['区城管局'], ['区交通局', '区市场监管局']],
    ['整治占道经营。区城管局牵头、区交通局配合，2025年6月底前完成。', ['区城管局'], ['区交通局']],
    // In a bracket, names alone before any lead are the units in charge: a `（牵头）` mark among them leads.
    ['整治校园周边环境。（县公安局（牵头）、县教育局；2025年9月底前）', ['县公安局'], ['县教育局']],
    ['整治校园周边环境。【县公安局（牵头）、县教育局，2025年9月底前】', ['县公安局'], ['县教育局']],
    ['整治校园周边环境。（县教育局、县城管局，县公安局牵头）', ['县公安局'], ['县教育局', '县城管局']],
    ['整治校园周边环境。（具体办法另行制定，县公安局负责）', ['县公安局'], []],
    // Names alone first, then the one of them that leads: it leads and is no longer listed to take part.
    ['落实稳岗政策。（县人社局、县财政局、县税务局，县人社局牵头）', ['县人社局'], ['县财政局', '县税务局']],
    // `责任单位：X，Y配合` / `X负责，Y配合`: the unit in charge leads, the one that co-operates takes part.
    ['发展林下经济。责任单位：县林业局，县农业农村局配合。', ['县林业局'], ['县农业农村局']],
    ['发展林下经济。（责任单位：县林业局、县供销社，县农业农村局配合）', ['县林业局', '县供销社'], ['县农业农村局']],
    ['发展林下经济。责任单位：县林业局负责，县农业农村局配合。', ['县林业局'], ['县农业农村局']],
    ['发展林下经济。（牵头单位：县林业局；责任单位：县财政局，县农业农村局配合）', ['县林业局'], ['县财政局', '县农业农村局']],
    ['发展林下经济。（牵头单位：县林业局；责任单位：县财政局负责）', ['县林业局'], ['县财政局']],
    ['发展林下经济。责任单位：县林业局、县农业农村局配合。', [], ['县林业局', '县农业农村局']],
    // Words of the work before `由` (`本项任务由X牵头`) are no part of the unit's name.
    ['推进消费扩容。（本项任务由县商务局牵头，各乡镇配合）', ['县商务局'], ['各乡镇']],
    ['推进消费扩容。（以下任务由县商务局负责）', ['县商务局'], []],
    // A county bureau's sections (股室) and a list of units with their persons.
    ['开展耕地保护督查。牵头股室：耕地保护股；配合股室：执法监察大队', ['耕地保护股'], ['执法监察大队']],
    ['开展耕地保护督查。（责任股室：耕地保护股）', ['耕地保护股'], []],
    ['改造农村危房。责任单位及责任人：县住建局（张华）、县财政局（李敏）', [], ['县住建局', '县财政局']],
  ];
  for (const [item, lead, responsible] of cases) {
    it(item, () => {
      const t = one(item);
      assert.deepEqual([t.lead.map((u) => u.name), t.responsible.map((u) => u.name)], [lead, responsible]);
    });
  }

  it('a field name spaced out to a label\'s width (牵 头 单 位：X), one a line under the item or in a bracket', () => {
    const plan = read([
      '溪川县2024年工作方案',
      '一、重点任务',
      '1.排查校舍隐患。',
      '牵 头 单 位：县教育局',
      '责　任　单　位：各乡镇中心学校',
      '完  成  时  限：2025年6月底前',
      '2.排查消防设施。（牵头单位：县消防救援大队；时　　限：2025年8月底前）',
    ]);
    assert.deepEqual(
      plan.tasks.map((t) => [t.number, t.lead.map((u) => u.name), t.responsible.map((u) => u.name), t.deadline?.text]),
      [
        ['1.', ['县教育局'], ['各乡镇中心学校'], '2025年6月底前'],
        ['2.', ['县消防救援大队'], [], '2025年8月底前'],
      ],
    );
    assert.deepEqual(lintPlan(plan, { rules: allRules, settings: { today: '2025-01-01' } }).filter((d) => d.ruleId === 'PL001' || d.ruleId === 'PL002').map((d) => d.message), []);
  });

  it('a field name and its value parted by spaces, no colon, one a line (a two-column table pasted as text)', () => {
    const plan = read([
      '溪川县2024年工作方案',
      '一、重点任务',
      '1.清理河道障碍物。',
      '牵头单位　县水利局',
      '责任单位　县交通局　各乡镇',
      '完成时限  2025年5月20日前',
      '2.加固病险水库。',
      '责任单位 要在汛前完成排查。',
    ]);
    assert.deepEqual(
      plan.tasks.map((t) => [t.number, t.lead.map((u) => u.name), t.responsible.map((u) => u.name), t.deadline?.text]),
      [
        ['1.', ['县水利局'], ['县交通局', '各乡镇'], '2025年5月20日前'],
        ['2.', [], [], '汛前'],
      ],
    );
  });

  it('spaced words that are no field name, or not followed by a colon, stay text', () => {
    const plan = read(['溪川县2024年工作方案', '一、重点任务', '1.排查校舍隐患。由 县教育局 牵 头 单 位 内部 分工。（牵头单位：县教育局）']);
    assert.deepEqual(plan.tasks.map((t) => [t.lead.map((u) => u.name), t.responsible.map((u) => u.name)]), [[['县教育局'], []]]);
  });

  it('a field name in black brackets is a label before its value (【牵头单位】X【完成时限】Y)', () => {
    const t = one('推进农贸市场改造。【牵头单位】县商务局【责任单位】县市场监管局【完成时限】2025年第三季度');
    assert.deepEqual([t.lead.map((u) => u.name), t.responsible.map((u) => u.name), t.deadline?.text], [['县商务局'], ['县市场监管局'], '2025年第三季度']);
    assert.deepEqual(t.section!.attributions.flatMap((a) => a.problems), []);
    const lines = parsePlan(['一、重点任务', '1.推进农贸市场改造。', '【牵头单位】县商务局', '【完成时限】2025年第三季度'].join('\n')).tasks[0]!;
    assert.deepEqual([lines.lead.map((u) => u.name), lines.deadline?.text], [['县商务局'], '2025年第三季度']);
  });

  it('a Markdown list of field lines under an item is the item\'s (- 责任单位：X, - **完成时限**：Y)', () => {
    const plan = parsePlan(['## 一、重点任务', '', '**（一）整治城区扬尘。** 完成工地围挡全覆盖。', '', '- 牵头单位：县住建局', '- 责任单位：县城管局、县交通局', '- **完成时限**：2025年9月底前'].join('\n'));
    assert.deepEqual(plan.tasks.map((t) => [t.lead.map((u) => u.name), t.responsible.map((u) => u.name), t.deadline?.text]), [[['县住建局'], ['县城管局', '县交通局'], '2025年9月底前']]);
    assert.deepEqual(lintPlan(plan, { rules: allRules, settings: { today: '2025-01-01' } }).map((d) => d.ruleId).filter((id) => id === 'PL002' || id === 'PL003'), []);
  });

  it('a cut-off or a pace asked for, with its colon, is a deadline field (截止时间：, 进度要求：)', () => {
    assert.equal(one('开展消防演练。牵头单位：县消防救援大队；截止时间：2025年6月30日').deadline?.text, '2025年6月30日');
    assert.equal(one('更新教学设备。牵头单位：县教育局；进度要求：2025年8月完成').deadline?.text, '2025年8月');
    assert.equal(one('公示名单。牵头单位：县民政局；截止日期：2025年5月20日').deadline?.text, '2025年5月20日');
  });

  it('a deadline field a hard wrap cuts is read joined (常态 / 化推进, 第三季 / 度)', () => {
    assert.equal(one('加强水质监测。（牵头单位：县疾控中心；完成时限：常态\n化推进）').deadline?.text, '常态化推进');
    assert.equal(one('完善管护机制。（牵头单位：县水利局；完成时限：2025年第三季\n度）').deadline?.text, '2025年第三季度');
  });

  it('a statement covering the items above (以上任务由…) gives each item that names none its lead and deadline', () => {
    const items = (lines: string[]) =>
      parsePlan(['山县2025年河道治理方案', '一、重点任务', ...lines, '二、保障措施', '（一）加强领导。'].join('\n')).tasks
        .filter((t) => t.number.startsWith('（') && t.section?.parent?.title === '重点任务')
        .map((t) => [t.number, t.lead.map((u) => u.name), t.deadline?.text ?? null]);
    assert.deepEqual(items(['（一）清理河道垃圾。', '（二）整治入河排口。', '以上任务由县水利局牵头，各乡镇配合，2025年11月底前完成。']), [
      ['（一）', ['县水利局'], '2025年11月底前'],
      ['（二）', ['县水利局'], '2025年11月底前'],
    ]);
    // the last item names its own: the others still get the covering one, and it keeps its own
    assert.deepEqual(items(['（一）清理河道垃圾。', '（二）整治入河排口。（县生态环境分局牵头，2025年9月底前）', '上述任务由县水利局牵头，2025年11月底前完成。']), [
      ['（一）', ['县水利局'], '2025年11月底前'],
      ['（二）', ['县生态环境分局'], '2025年9月底前'],
    ]);
    // without the covering words the line is the last item's
    assert.deepEqual(items(['（一）清理河道垃圾。', '（二）整治入河排口。', '由县水利局牵头，2025年11月底前完成。']), [
      ['（一）', [], null],
      ['（二）', ['县水利局'], '2025年11月底前'],
    ]);
  });

  it('a covering statement that names no noun (`以上由X牵头…`, `以上均由…`) covers the sub-items above it too', () => {
    for (const words of ['以上由县住建局牵头', '以上均由县住建局牵头']) {
      const plan = parsePlan(
        ['城南县2026年燃气安全整治方案', '一、整治内容', '1.推进老旧管网改造。具体包括：', '（1）改造中心城区老旧管道120公里；', '（2）为居民用户加装自闭阀8万户。', `${words}，各乡镇负责实施，2026年12月底前完成。`, '2.加强燃气具监管。（县市场监管局负责；2026年10月底前）'].join('\n'),
      );
      assert.deepEqual(
        plan.tasks.map((t) => [t.number, t.lead.map((u) => u.name), t.deadline?.text ?? null]),
        [
          ['（1）', ['县住建局'], '2026年12月底前'],
          ['（2）', ['县住建局'], '2026年12月底前'],
          ['2.', ['县市场监管局'], '2026年10月底前'],
        ],
        words,
      );
    }
  });

  it('a covering statement holds for the items above it back to the one before it, not for the items after it', () => {
    const items = (lines: string[]) =>
      parsePlan(['城东街道2025年垃圾分类工作方案', '二、主要任务', ...lines].join('\n')).tasks.map((t) => [
        t.number,
        t.lead.map((u) => u.name),
        t.responsible.map((u) => u.name),
        t.deadline?.text ?? null,
      ]);
    const first = ['（一）完善分类设施。完成36个小区桶站改造。', '（二）规范收运体系。实现厨余垃圾日产日清。'];
    const next = ['（三）深化宣传动员。组织入户宣传活动。', '（四）开展评价考核。对各社区开展检查考核。'];
    assert.deepEqual(items([...first, '以上工作由街道城管办牵头，各社区配合。', ...next, '以上两项工作由街道党群办牵头，各社区党委配合，2025年12月底前完成。']), [
      ['（一）', ['街道城管办'], ['各社区'], null],
      ['（二）', ['街道城管办'], ['各社区'], null],
      ['（三）', ['街道党群办'], ['各社区党委'], '2025年12月底前'],
      ['（四）', ['街道党群办'], ['各社区党委'], '2025年12月底前'],
    ]);
    // Items after the last such statement name what they name: nothing of the statement above them.
    assert.deepEqual(items([...first, '以上工作由街道城管办牵头，各社区配合，2025年9月底前完成。', ...next]), [
      ['（一）', ['街道城管办'], ['各社区'], '2025年9月底前'],
      ['（二）', ['街道城管办'], ['各社区'], '2025年9月底前'],
      ['（三）', [], [], null],
      ['（四）', [], [], null],
    ]);
  });

  it('a statement that every task is due by a time gives it to each task that has none (各项任务均需在…前完成)', () => {
    const deadlines = (last: string[]) =>
      parsePlan(['山县2025年政务服务要点', '一、优化服务', '（一）推行延时服务。（县政务服务中心牵头）', '（二）推进跨省通办。（县政务服务中心牵头，2025年6月底前）', '二、保障措施', '（一）加强督办。', ...last].join('\n')).tasks
        .filter((t) => t.section?.parent?.title === '优化服务')
        .map((t) => t.deadline?.text ?? null);
    assert.deepEqual(deadlines(['注：各项任务均需在2025年11月底前完成。']), ['2025年11月底前', '2025年6月底前']);
    assert.deepEqual(deadlines(['本要点所列各项工作，除明确时限外，均须于2025年11月底前完成。']), ['2025年11月底前', '2025年6月底前']);
    // a time to report by is no deadline of the work
    assert.deepEqual(deadlines(['各项任务均需于2025年11月底前报送进展情况。']), [null, '2025年6月底前']);
  });

  it('a closing request to report on the whole plan is no deadline of the last task; a report on the task\'s own work still is', () => {
    const last = (closing: string[]) =>
      parsePlan(['山县2025年政务服务要点', '一、优化服务', '1.推行延时服务。（县政务服务中心牵头，2025年6月底前）', '2.推进跨省通办。（县政务服务中心牵头）', ...closing].join('\n')).tasks.map((t) => t.deadline?.text ?? null);
    assert.deepEqual(last(['各乡镇、县直各单位要对照本方案抓好落实，于2025年11月底前将全年工作完成情况报送县政务服务中心。']), ['2025年6月底前', null]);
    assert.deepEqual(last(['请各单位于每季度末将各项任务推进情况上报县政务办。']), ['2025年6月底前', null]);
    // The task's own work, reported on or done by a time, keeps its deadline.
    assert.deepEqual(last(['各乡镇要于2025年9月底前将通办事项梳理情况报送县政务服务中心。']), ['2025年6月底前', '2025年9月底前']);
    assert.deepEqual(last(['2025年10月底前完成全部事项上线，确保本方案目标落实。']), ['2025年6月底前', '2025年10月底前']);
  });

  it('a deadline field with 为 before its value is read (完成时限为…)', () => {
    assert.equal(one('做好宣传。牵头单位：县委宣传部；完成时限为2025年9月底').deadline?.text, '2025年9月底');
  });

  it('a sentence attribution reads its dates as prose: a target or a quantity per year after the lead is no deadline', () => {
    assert.equal(one('推进基站建设。市通信管理局牵头，到2025年实现行政村全覆盖。').deadline, null);
    assert.equal(one('开展安全检查。市应急管理局牵头，每年减少较大事故10%。').deadline, null);
    // Work done so many times a year is a recurring deadline, in prose as in a field.
    assert.deepEqual([one('开展安全检查。市应急管理局牵头，每年开展一次。').deadline].map((d) => [d?.text, d?.recurring]), [['每年', true]]);
    assert.equal(one('开展安全检查。市应急管理局牵头，2024年5月底前完成。').deadline?.text, '2024年5月底前');
    assert.equal(one('开展安全检查（市应急管理局牵头，2024年5月）').deadline?.text, '2024年5月');
    // …but a segment a date opens says when the work is due.
    assert.equal(one('完善水价机制。县发展改革局负责，县财政局落实，2024年第四季度出台方案。').deadline?.text, '2024年第四季度');
    assert.equal(one('完善水价机制。县发展改革局牵头，上半年出台方案。').deadline?.text, '上半年');
  });

  it('a 会同 sentence with no role verb keeps the deadline its clause goes on to give', () => {
    assert.equal(one('研究政策。由县发改局会同县财政局等部门研究提出意见，2024年5月底前完成。').deadline?.text, '2024年5月底前');
    assert.equal(one('编制规划。县水利局会同县自然资源局编制规划，2024年5月底前报县政府审定。').deadline?.text, '2024年5月底前');
  });

  it('the title ends before a lead written between commas', () => {
    assert.equal(one('推进涉企收费清理，县发改局牵头，县财政局配合，2024年底前完成。').title, '推进涉企收费清理');
    // Not when the work follows the verb: the sentence is the title.
    assert.equal(one('2024年3月底前，市城管局牵头制定垃圾分类实施细则。').title, '2024年3月底前，市城管局牵头制定垃圾分类实施细则');
    assert.equal(one('压缩审批时限，牵头：县市场监管局。').title, '压缩审批时限');
  });

  it('a deadline ending a unit list is the deadline, not one more unit', () => {
    assert.equal(one('做好宣传。（责任单位：县委宣传部、县文旅局，6月底前完成）').deadline?.text, '6月底前');
  });

  it('时间要求 names a deadline field', () => {
    assert.equal(one('做好宣传。牵头单位：县委宣传部；时间要求：2024年9月底前').deadline?.text, '2024年9月底前');
  });

  it('prose that says 负责 is no attribution (敢于负责), and a person named by office is never a unit', () => {
    assert.deepEqual(one('坚持勇于担当、敢于负责，做好宣传。').lead, []);
    assert.deepEqual(one('做好宣传（王强副县长牵头）').lead, []);
  });
});

describe('real plans: fields written one a line under the item', () => {
  const lint = (lines: string[]) => lintPlan(read(lines), { rules: allRules, settings: { today: '2024-06-01' } });

  it('every field line that follows the item is the item\'s, and none is an unnumbered attribution', () => {
    const lines = ['溪川县2024年重点工作任务清单', '一、经济发展', '1.推进重大项目建设', '牵头单位：县发改局', '责任单位：县财政局、县自然资源局', '完成时限：2024年12月底', '2.优化营商环境', '牵头单位：县政务服务中心'];
    const plan = read(lines);
    assert.deepEqual(plan.tasks.map(row), [
      ['1.', ['县发改局'], ['县财政局', '县自然资源局']],
      ['2.', ['县政务服务中心'], []],
    ]);
    assert.equal(plan.tasks[0]!.deadline?.text, '2024年12月底');
    assert.deepEqual(lint(lines).filter((d) => d.ruleId === 'PL003'), []);
  });

  it('field lines after the item\'s prose, a person\'s line first, are the item\'s when it names nothing yet', () => {
    const lines = ['溪川镇2024年乡村振兴重点工作实施方案', '一、重点任务', '（一）发展特色产业', '建设高标准茶园示范基地2000亩。', '责任领导：王志刚', '责任单位：镇农业综合服务中心', '完成时限：2024年10月底前'];
    const plan = read(lines);
    assert.deepEqual(plan.tasks.map(row), [['（一）', ['镇农业综合服务中心'], []]]);
    assert.equal(plan.tasks[0]!.deadline?.text, '2024年10月底前');
    assert.deepEqual(lint(lines).filter((d) => d.ruleId === 'PL003' || d.ruleId === 'PL001'), []);
  });

  it('short labels and field names that hold their colon are field lines too', () => {
    const lines = ['溪川县2024年重点工作任务清单', '一、经济发展', '1.加强信用监管', '牵头：县发改局', '配合：县市场监管局、县税务局', '时限：2024年12月底前', '2.优化营商环境', '负责单位：县政务服务中心'];
    const plan = read(lines);
    assert.deepEqual(plan.tasks.map(row), [
      ['1.', ['县发改局'], ['县市场监管局', '县税务局']],
      ['2.', ['县政务服务中心'], []],
    ]);
    assert.equal(plan.tasks[0]!.deadline?.text, '2024年12月底前');
    assert.deepEqual(lint(lines).filter((d) => d.ruleId === 'PL003' || d.ruleId === 'PL001'), []);
  });

  it('a field line after a paragraph of prose is not the item\'s: it is an attribution without a number (PL003)', () => {
    const lines = ['一、经济发展', '1.推进重大项目建设（县发改局牵头）', '各乡镇要加强配合，形成合力。', '责任单位：县财政局'];
    const plan = read(lines);
    assert.deepEqual(plan.tasks.map(row), [['1.', ['县发改局'], []]]);
    assert.deepEqual(lint(lines).map((d) => d.ruleId).filter((id) => id === 'PL003'), ['PL003']);
  });
});

describe('real plans: an attribution written after an item\'s sub-items', () => {
  const deadlines = (plan: PlanDocument) => plan.tasks.map((t) => [t.number, t.deadline?.text ?? null, t.inherited.lead]);

  it('is the item\'s when none of them names its own: each sub-item inherits it', () => {
    const plan = read([
      '溪川县2024年文化建设方案',
      '一、主要任务',
      '1.培育文化产业。',
      '（1）建设产业园区2个；',
      '（2）举办消费季活动。',
      '（牵头单位：县文旅局；责任单位：县发改局；完成时限：2024年12月底前）',
      '2.做好宣传。（县委宣传部牵头）',
    ]);
    assert.deepEqual(plan.tasks.map(row), [
      ['（1）', ['县文旅局'], ['县发改局']],
      ['（2）', ['县文旅局'], ['县发改局']],
      ['2.', ['县委宣传部'], []],
    ]);
    assert.deepEqual(deadlines(plan).slice(0, 2), [
      ['（1）', '2024年12月底前', true],
      ['（2）', '2024年12月底前', true],
    ]);
    const fields = read(['溪川县2024年文化建设方案', '1.培育文化产业。', '①建设产业园区；', '②举办消费季活动。', '牵头单位：县文旅局', '完成时限：2024年12月底前']);
    assert.deepEqual(deadlines(fields), [
      ['①', '2024年12月底前', true],
      ['②', '2024年12月底前', true],
    ]);
  });

  it('reads a lone 责任单位 after the sub-items as their lead, as it would be the item\'s own', () => {
    const plan = read(['溪川县2024年治水方案', '1.推进排污口整治。', '（1）完成排污口溯源；', '（2）建立整治销号制度。', '责任单位：县生态环境局', '完成时限：2024年12月底前']);
    assert.deepEqual(plan.tasks.map((t) => [...row(t), t.inherited.lead]), [
      ['（1）', ['县生态环境局'], [], true],
      ['（2）', ['县生态环境局'], [], true],
    ]);
  });

  it('stays the last item\'s after the items of a chapter: the others\' missing lead is theirs', () => {
    const plan = read(['溪川县2024年治水方案', '一、重点任务', '1.推进排污口排查整治。', '2.保障饮用水水源安全。', '牵头单位：县水务局', '完成时限：2024年9月底前']);
    assert.deepEqual(plan.tasks.map((t) => [...row(t), t.deadline?.text ?? null]), [
      ['1.', [], [], null],
      ['2.', ['县水务局'], [], '2024年9月底前'],
    ]);
  });

  it('stays the last sub-item\'s when the sub-items name their own, when there is one sub-item, or when it follows words', () => {
    const own = read(['溪川县2024年文化建设方案', '1.培育文化产业。', '（1）建设产业园区。（县住建局牵头）', '（2）举办消费季活动。', '（县文旅局牵头）']);
    assert.deepEqual(own.tasks.map(row), [
      ['（1）', ['县住建局'], []],
      ['（2）', ['县文旅局'], []],
    ]);
    const single = read(['溪川县2024年文化建设方案', '1.培育文化产业。', '（1）建设产业园区。', '（县文旅局牵头）']);
    assert.deepEqual(single.tasks.map((t) => [...row(t), t.inherited.lead]), [['（1）', ['县文旅局'], [], false]]);
    const words = read(['溪川县2024年文化建设方案', '1.培育文化产业。', '（1）建设产业园区；', '（2）举办消费季活动。', '活动由县文旅局牵头。']);
    assert.deepEqual(words.tasks.map(row), [
      ['（1）', [], []],
      ['（2）', ['县文旅局'], []],
    ]);
  });

  it('is the item\'s under a （一） that lies in a chapter: its numbered lines are its measures', () => {
    const full = (plan: PlanDocument) => plan.tasks.map((t) => [...row(t), t.deadline?.text ?? null]);
    const lines = [
      '青川县2025年集贸市场提升方案',
      '一、主要任务',
      '（一）改造提升集贸市场',
      '1.完成城北集贸市场改造。',
      '2.整治市场周边占道经营。',
      '牵头单位：县商务局',
      '责任单位：县城管局',
      '完成时限：2025年10月底前',
      '（二）强化市场监管',
      '（1）开展农产品快检。',
      '（2）公示快检结果。',
      '（牵头单位：县市场监管局；完成时限：2025年11月底前）',
    ];
    assert.deepEqual(full(read(lines)), [
      ['1.', ['县商务局'], ['县城管局'], '2025年10月底前'],
      ['2.', ['县商务局'], ['县城管局'], '2025年10月底前'],
      ['（1）', ['县市场监管局'], [], '2025年11月底前'],
      ['（2）', ['县市场监管局'], [], '2025年11月底前'],
    ]);
    const found = lintPlan(read(lines), { rules: allRules, settings: { today: '2025-03-01' } }).filter((d) => d.ruleId === 'PL001' || d.ruleId === 'PL002');
    assert.deepEqual(found, []);
    // A rectification plan: a 整改措施 label under each problem, a leader's line before the units.
    const rectify = read([
      '某局关于巡察反馈问题的整改方案',
      '一、整改任务',
      '（一）关于档案管理不规范的问题',
      '整改措施：',
      '1.对近三年档案逐卷清查。',
      '2.修订档案管理制度。',
      '3.开展档案业务培训1次。',
      '责任领导：副局长 周某',
      '牵头单位：办公室',
      '整改时限：2025年6月底前',
    ]);
    assert.deepEqual(full(rectify), [
      ['1.', ['办公室'], [], '2025年6月底前'],
      ['2.', ['办公室'], [], '2025年6月底前'],
      ['3.', ['办公室'], [], '2025年6月底前'],
    ]);
  });

  it('is the item\'s under a （一） at the top of the outline (no 一、 above): its numbered lines are its measures', () => {
    const full = (plan: PlanDocument) => plan.tasks.map((t) => [...row(t), t.deadline?.text ?? null]);
    const lines = [
      '白沙镇2025年河道保洁工作方案',
      '（一）清理河道漂浮物',
      '1.每周打捞主河道漂浮物。',
      '2.清运岸边堆积垃圾。',
      '牵头单位：镇农业服务中心',
      '配合单位：各村委会',
      '完成时限：2025年9月底前',
      '（二）整治沿河排污口',
      '1.摸清排污口底数。',
      '2.封堵非法排污口。',
      '（牵头单位：镇生态环境办；完成时限：2025年11月底前）',
    ];
    assert.deepEqual(full(read(lines)), [
      ['1.', ['镇农业服务中心'], ['各村委会'], '2025年9月底前'],
      ['2.', ['镇农业服务中心'], ['各村委会'], '2025年9月底前'],
      ['1.', ['镇生态环境办'], [], '2025年11月底前'],
      ['2.', ['镇生态环境办'], [], '2025年11月底前'],
    ]);
    const found = lintPlan(read(lines), { rules: allRules, settings: { today: '2025-03-01' } }).filter((d) => d.ruleId === 'PL001' || d.ruleId === 'PL002');
    assert.deepEqual(found, []);
  });

  it('is the item\'s under a heading numbered by name at the top of the outline (问题1：, 【任务一】): its numbered lines are its measures', () => {
    const full = (plan: PlanDocument) => plan.tasks.map((t) => [...row(t), t.deadline?.text ?? null]);
    const lines = [
      '某县林业局关于审计反馈问题的整改方案',
      '问题1：生态护林员管护考核流于形式。',
      '1.修订护林员考核细则。',
      '2.按季度抽查巡护记录。',
      '牵头单位：资源管理股',
      '配合单位：各林业站',
      '整改时限：2025年8月底前',
      '问题2：造林补助资金拨付滞后。',
      '1.清理未拨付资金台账。',
      '2.建立资金拨付月报制度。',
      '（牵头单位：计划财务股；整改时限：2025年10月底前）',
    ];
    assert.deepEqual(full(read(lines)), [
      ['1.', ['资源管理股'], ['各林业站'], '2025年8月底前'],
      ['2.', ['资源管理股'], ['各林业站'], '2025年8月底前'],
      ['1.', ['计划财务股'], [], '2025年10月底前'],
      ['2.', ['计划财务股'], [], '2025年10月底前'],
    ]);
    const found = lintPlan(read(lines), { rules: allRules, settings: { today: '2025-03-01' } }).filter((d) => ['PL001', 'PL002', 'PL004'].includes(d.ruleId));
    assert.deepEqual(found, []);
    const task = read(['白沙镇2025年人居环境整治方案', '【任务一】整治村内残垣断壁', '1.登记危旧房屋。', '2.拆除无人居住残垣。', '牵头单位：镇规划建设办']);
    assert.deepEqual(task.tasks.map(row), [
      ['1.', ['镇规划建设办'], []],
      ['2.', ['镇规划建设办'], []],
    ]);
    // Titled as a chapter of tasks, it leaves its items tasks of their own.
    const chapter = read(['白沙镇2025年人居环境整治方案', '任务一：重点任务', '1.登记危旧房屋。', '2.拆除无人居住残垣。', '牵头单位：镇规划建设办']);
    assert.deepEqual(chapter.tasks.map(row), [
      ['1.', [], []],
      ['2.', ['镇规划建设办'], []],
    ]);
  });

  it('stays the last item\'s under a top-level （一） when an item names its own, when indented, or under a （一） named as a chapter', () => {
    const own = read(['白沙镇2025年河道保洁工作方案', '（一）清理河道漂浮物', '1.每周打捞主河道漂浮物。（镇农业服务中心牵头）', '2.清运岸边堆积垃圾。', '牵头单位：镇环卫所']);
    assert.deepEqual(own.tasks.map(row), [
      ['1.', ['镇农业服务中心'], []],
      ['2.', ['镇环卫所'], []],
    ]);
    const indented = read(['白沙镇2025年河道保洁工作方案', '（一）清理河道漂浮物', '1.每周打捞主河道漂浮物。', '2.清运岸边堆积垃圾。', '　　牵头单位：镇环卫所']);
    assert.deepEqual(indented.tasks.map(row), [
      ['1.', [], []],
      ['2.', ['镇环卫所'], []],
    ]);
    for (const title of ['重点任务', '主要目标和任务', '重点工作任务及分工', '工作措施']) {
      const chapter = read(['白沙镇2025年河道保洁工作方案', `（一）${title}`, '1.每周打捞主河道漂浮物。', '2.清运岸边堆积垃圾。', '牵头单位：镇环卫所']);
      assert.deepEqual(chapter.tasks.map(row), [
        ['1.', [], []],
        ['2.', ['镇环卫所'], []],
      ], title);
    }
  });

  it('is the item\'s under a chapter that labels its numbered lines as measures (整改措施：), at any level', () => {
    const full = (plan: PlanDocument) => plan.tasks.map((t) => [...row(t), t.deadline?.text ?? null]);
    const plan = read([
      '某中心关于审计问题的整改方案',
      '一、关于预算执行进度偏慢的问题',
      '具体措施：',
      '1.逐月通报预算执行进度。',
      '2.对执行滞后项目约谈督办。',
      '牵头单位：财务科',
      '整改时限：2025年9月底前',
      '二、关于固定资产账实不符的问题',
      '整改措施：',
      '1.开展资产全面清查。',
      '2.补登资产卡片。',
      '（牵头单位：资产管理科；整改时限：2025年10月底前）',
    ]);
    assert.deepEqual(full(plan), [
      ['1.', ['财务科'], [], '2025年9月底前'],
      ['2.', ['财务科'], [], '2025年9月底前'],
      ['1.', ['资产管理科'], [], '2025年10月底前'],
      ['2.', ['资产管理科'], [], '2025年10月底前'],
    ]);
  });

  it('stays the last sub-item\'s under a （一） when a sub-item names its own, or when it is indented under the last', () => {
    const head = ['青川县2025年集贸市场提升方案', '一、主要任务', '（一）改造提升集贸市场'];
    const own = read([...head, '1.完成城北集贸市场改造。（县住建局牵头）', '2.整治市场周边占道经营。', '牵头单位：县城管局']);
    assert.deepEqual(own.tasks.map(row), [
      ['1.', ['县住建局'], []],
      ['2.', ['县城管局'], []],
    ]);
    const indented = read([...head, '1.完成城北集贸市场改造。', '2.整治市场周边占道经营。', '    牵头单位：县城管局', '    完成时限：2025年8月底前']);
    assert.deepEqual(indented.tasks.map((t) => [...row(t), t.deadline?.text ?? null]), [
      ['1.', [], [], null],
      ['2.', ['县城管局'], [], '2025年8月底前'],
    ]);
    // A chapter's label that names no measures (`主要内容：`) leaves its items tasks of their own.
    const content = read(['青川县2025年集贸市场提升方案', '一、改造提升集贸市场', '主要内容：', '1.完成城北集贸市场改造。', '2.整治市场周边占道经营。', '牵头单位：县城管局']);
    assert.deepEqual(content.tasks.map(row), [
      ['1.', [], []],
      ['2.', ['县城管局'], []],
    ]);
  });
});

describe('real plans: a deadline line closing sub-items that name their own units', () => {
  const dated = (plan: PlanDocument) => plan.tasks.map((t) => [t.number, t.lead.map((u) => u.name), t.deadline?.text ?? null, t.inherited.deadline]);
  const head = ['松湖区2025年全民健身工作方案', '一、重点任务', '2.新建健身设施。'];

  it('is the item\'s: each sub-item that names no deadline inherits it, one that names its own keeps it', () => {
    const plan = read([...head, '①社区健身步道5条（牵头单位：区体育局）', '②多功能运动场3处（牵头单位：区住建局）', '③口袋公园2个（牵头单位：区城管局）', '完成时限：2025年10月底前', '3.举办全民健身运动会。（牵头单位：区体育局；完成时限：2025年9月底前）']);
    assert.deepEqual(dated(plan), [
      ['①', ['区体育局'], '2025年10月底前', true],
      ['②', ['区住建局'], '2025年10月底前', true],
      ['③', ['区城管局'], '2025年10月底前', true],
      ['3.', ['区体育局'], '2025年9月底前', false],
    ]);
    assert.equal(plan.tasks[0]!.deadline!.range.start.line, 6);
    const mixed = read([...head, '（1）社区健身步道5条（牵头单位：区体育局；完成时限：2025年6月底前）', '（2）多功能运动场3处（牵头单位：区住建局）', '（3）口袋公园2个（牵头单位：区城管局）', '完成时限：2025年10月底前']);
    assert.deepEqual(dated(mixed), [
      ['（1）', ['区体育局'], '2025年6月底前', false],
      ['（2）', ['区住建局'], '2025年10月底前', true],
      ['（3）', ['区城管局'], '2025年10月底前', true],
    ]);
  });

  it('stays the last sub-item\'s when the others name their own, when it is indented under it, or after a blank line', () => {
    const last = [['①', ['区体育局'], '2025年6月底前', false], ['②', ['区住建局'], '2025年10月底前', false]];
    const others = read([...head, '①社区健身步道5条（牵头单位：区体育局；完成时限：2025年6月底前）', '②多功能运动场3处（牵头单位：区住建局）', '完成时限：2025年10月底前']);
    assert.deepEqual(dated(others), last);
    const indented = read([...head, '①社区健身步道5条（牵头单位：区体育局）', '②多功能运动场3处（牵头单位：区住建局）', '\t完成时限：2025年10月底前']);
    assert.deepEqual(dated(indented), [['①', ['区体育局'], null, false], ['②', ['区住建局'], '2025年10月底前', false]]);
    const blank = read([...head, '①社区健身步道5条（牵头单位：区体育局）', '②多功能运动场3处（牵头单位：区住建局）', '', '完成时限：2025年10月底前']);
    assert.deepEqual(dated(blank), [['①', ['区体育局'], null, false], ['②', ['区住建局'], '2025年10月底前', false]]);
  });

  it('stays each sub-item\'s when each is followed by its own, and a line naming units stays the last\'s', () => {
    const each = read([...head, '①社区健身步道5条（牵头单位：区体育局）', '完成时限：2025年6月底前', '②多功能运动场3处（牵头单位：区住建局）', '完成时限：2025年10月底前']);
    assert.deepEqual(dated(each), [['①', ['区体育局'], '2025年6月底前', false], ['②', ['区住建局'], '2025年10月底前', false]]);
    const units = read([...head, '①社区健身步道5条（牵头单位：区体育局）', '②多功能运动场3处（牵头单位：区住建局）', '责任单位：各街道；完成时限：2025年10月底前']);
    assert.deepEqual(dated(units), [['①', ['区体育局'], null, false], ['②', ['区住建局'], '2025年10月底前', false]]);
  });
});

describe('real plans: lead conventions', () => {
  const plan = (convention: string, items: string[]) => read(['溪川县2024年工作方案', convention, '一、重点任务', ...items]);

  it('a task table with only a 责任单位 column follows the same conventions as items (配合单位 never leads)', () => {
    const table = (convention: string, respHeader: string) =>
      read([
        '溪川县2024年重点任务分解表',
        convention,
        `| 序号 | 重点任务 | ${respHeader} | 完成时限 |`,
        '| --- | --- | --- | --- |',
        '| 1 | 优化营商环境 | 县政务服务中心 | 2024年6月 |',
        '| 2 | 抓好招商 | 县商务局、县发改局 | 2024年9月 |',
      ]).tasks.map(row);
    assert.deepEqual(table('', '责任单位'), [
      ['1', ['县政务服务中心'], []],
      ['2', [], ['县商务局', '县发改局']],
    ]);
    assert.deepEqual(table('表中列第一位者为牵头单位。', '责任单位'), [
      ['1', ['县政务服务中心'], []],
      ['2', ['县商务局'], ['县发改局']],
    ]);
    assert.deepEqual(
      read(['| 序号 | 重点任务 | 责任单位 |', '| --- | --- | --- |', '| 1 | 抓好招商 | 县商务局（牵头）、县发改局 |', '| 2 | 做好宣传 | 县委宣传部、县文旅局＊ |']).tasks.map(row),
      [
        ['1', ['县商务局'], ['县发改局']],
        ['2', ['县文旅局'], ['县委宣传部']],
      ],
    );
    assert.deepEqual(table('', '配合单位'), [
      ['1', [], ['县政务服务中心']],
      ['2', [], ['县商务局', '县发改局']],
    ]);
  });

  it('列第一位者为牵头单位: the first listed unit leads, the others are responsible', () => {
    const p = plan('（各项任务列第一位者为牵头单位，下同）', ['1.做好宣传。（责任单位：县委宣传部、县文旅局）', '2.做好培训。（县教育局、县人社局负责）']);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县委宣传部'], ['县文旅局']],
      ['2.', ['县教育局'], ['县人社局']],
    ]);
  });

  it('the first listed leads, however the note words it; a note that says nothing of the first unit is no convention', () => {
    const notes = [
      '（注：责任单位中排在第一位的为牵头单位）',
      '排在首位的单位为牵头单位。',
      '各项任务中排名第一的单位为牵头单位。',
      '责任单位中第一个单位为牵头单位，下同。',
      '（首个单位为牵头单位）',
      '列在最前面的为牵头单位。',
      '有多个责任单位的，第一个为牵头单位。',
      '责任单位中，排在第一位的单位牵头。',
      '牵头单位为排在第一位的单位。',
      '首位单位为牵头单位。',
      '由第一责任单位牵头，其他单位配合。',
    ];
    for (const note of notes) {
      assert.deepEqual(plan(note, ['1.做好宣传。（责任单位：县委宣传部、县文旅局）']).tasks.map(row), [['1.', ['县委宣传部'], ['县文旅局']]], note);
    }
    for (const note of ['2024年第一季度完成首批试点。', '第一责任人为各单位主要负责人。', '牵头单位为第一次参加评审的单位提供指导。']) {
      assert.deepEqual(plan(note, ['1.做好宣传。（责任单位：县委宣传部、县文旅局）']).tasks.map(row), [['1.', [], ['县委宣传部', '县文旅局']]], note);
    }
  });

  it('under the first-listed convention a unit that only co-operates never leads: the heading\'s unit still does', () => {
    const p = read(['溪川县2024年工作方案', '列第一位者为牵头单位。', '一、县发展改革局（2项）', '1.推进重点项目建设。', '2.开展营商环境评价。（县政务服务中心配合）']);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县发展改革局'], []],
      ['2.', ['县发展改革局'], ['县政务服务中心']],
    ]);
    const fields = plan('列第一位者为牵头单位。', ['1.做好宣传。（配合单位：县文旅局；责任单位：县委宣传部、县教育局）']);
    assert.deepEqual(fields.tasks.map(row), [['1.', ['县委宣传部'], ['县文旅局', '县教育局']]]);
  });

  it('下同 after an item\'s units: the items after it in its list that name none take them, not the next heading\'s', () => {
    const p = read([
      '溪川县2025年养老服务提升工作方案',
      '一、完善服务网络',
      '（一）新建社区助餐点8个。（牵头单位：县民政局，下同；责任单位：各乡镇）',
      '（二）推进居家适老化改造200户。',
      '（三）培训养老护理员300人次。（责任单位：县民政局、县人社局）',
      '（四）建设智慧养老平台。（牵头单位：县数据局）',
      '（五）开展老年人能力评估。',
      '二、加强要素保障',
      '（六）落实运营补贴。',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['（一）', ['县民政局'], ['各乡镇']],
      ['（二）', ['县民政局'], []],
      ['（三）', ['县民政局'], ['县人社局']],
      ['（四）', ['县数据局'], []],
      ['（五）', ['县民政局'], []],
      ['（六）', [], []],
    ]);
    assert.deepEqual(p.tasks.map((t) => t.inherited.lead), [false, true, true, false, true, false]);
    const pl001 = lintPlan(p, { rules: allRules }).filter((d) => d.ruleId === 'PL001');
    assert.deepEqual(pl001.map((d) => d.message), ['任务“（六）落实运营补贴”缺少牵头单位']);
  });

  it('下同 closes one clause: the units of that clause hold below; a later 下同 replaces them', () => {
    const p = plan('', [
      '1.摸排困难群体。（牵头单位：县民政局；责任单位：各乡镇，下同）',
      '2.发放临时救助金。（牵头单位：县财政局）',
      '3.开展走访慰问。',
      '4.落实医疗救助。县医保局牵头，县卫健局配合，下同。',
      '5.落实教育资助。',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县民政局'], ['各乡镇']],
      ['2.', ['县财政局'], ['各乡镇']],
      ['3.', [], ['各乡镇']],
      ['4.', ['县医保局'], ['县卫健局']],
      ['5.', ['县医保局'], ['县卫健局']],
    ]);
  });

  it('下同 after a deadline: the items after it in its list that name none take it, as they take units', () => {
    const p = read([
      '溪川县2025年燃气安全整治工作方案',
      '一、排查整治',
      '（一）排查餐饮场所燃气隐患。（县住建局牵头，2025年6月底前完成，下同）',
      '（二）更换老旧燃气软管。',
      '（三）安装燃气报警装置。（县市场监管局牵头）',
      '（四）整治违规储存气瓶。（县消防救援大队牵头；完成时限：2025年8月底前）',
      '（五）开展入户安全宣传。',
      '二、执法检查',
      '（六）查处非法经营。（县市场监管局牵头）',
      '三、长效管理',
      '（七）建立巡检制度。（牵头单位：县住建局；完成时限：2025年9月底前，下同）',
      '（八）健全应急预案。（牵头单位：县应急局，下同）',
      '（九）组织应急演练。',
    ]);
    assert.deepEqual(
      p.tasks.map((t) => [...row(t), t.deadline?.text ?? null, t.inherited.deadline]),
      [
        ['（一）', ['县住建局'], [], '2025年6月底前', false],
        ['（二）', ['县住建局'], [], '2025年6月底前', true],
        ['（三）', ['县市场监管局'], [], '2025年6月底前', true],
        ['（四）', ['县消防救援大队'], [], '2025年8月底前', false],
        ['（五）', ['县住建局'], [], '2025年6月底前', true],
        ['（六）', ['县市场监管局'], [], null, false],
        // A clause of the deadline alone carries the deadline, not the lead; a later 下同 of units leaves it in force.
        ['（七）', ['县住建局'], [], '2025年9月底前', false],
        ['（八）', ['县应急局'], [], '2025年9月底前', true],
        ['（九）', ['县应急局'], [], '2025年9月底前', true],
      ],
    );
    const pl002 = lintPlan(p, { rules: allRules }).filter((d) => d.ruleId === 'PL002');
    assert.deepEqual(pl002.map((d) => d.message), ['任务“（六）查处非法经营”缺少完成时限']);
  });

  it('同上 in an item under a 下同: the item takes the value of the item above, not what the 下同 carries', () => {
    const p = plan('', [
      '1.修订村规民约。（县司法局牵头，2025年5月底前完成，下同）',
      '2.评选文明家庭。（牵头单位：县妇联；责任单位：各镇；完成时限：2025年7月底前）',
      '3.开展移风易俗宣传。（牵头单位：同上；责任单位：同上；完成时限：同上）',
      '4.建设法治广场。（完成时限：同上）',
      '5.培训人民调解员。',
    ]);
    assert.deepEqual(
      p.tasks.map((t) => [...row(t), t.deadline?.text ?? null]),
      [
        ['1.', ['县司法局'], [], '2025年5月底前'],
        ['2.', ['县妇联'], ['各镇'], '2025年7月底前'],
        ['3.', ['县妇联'], ['各镇'], '2025年7月底前'],
        ['4.', ['县司法局'], [], '2025年7月底前'],
        ['5.', ['县司法局'], [], '2025年5月底前'],
      ],
    );
  });

  it('同上 as a field\'s whole value: the item takes the value of the item above, with no empty-field error', () => {
    const p = plan('', [
      '1.推行开办一日办结。（牵头单位：县市场监管局；责任单位：县税务局；完成时限：2025年3月底前）',
      '2.推广电子营业执照。（牵头单位：同上；责任单位：〃；完成时限：同上）',
      '3.推广电子印章。',
      '牵头单位：县数据局',
      '完成时限：同上',
      // A value with more words than the mark is the field's own.
      '4.推广电子签名。（牵头单位：县数据局；完成时限：同上级部署）',
    ]);
    assert.deepEqual(p.tasks.map((t) => [...row(t), t.deadline?.text ?? null, t.inherited.lead, t.inherited.deadline]), [
      ['1.', ['县市场监管局'], ['县税务局'], '2025年3月底前', false, false],
      ['2.', ['县市场监管局'], ['县税务局'], '2025年3月底前', true, true],
      ['3.', ['县数据局'], [], '2025年3月底前', false, true],
      ['4.', ['县数据局'], [], null, false, false],
    ]);
    const found = lintPlan(p, { rules: allRules }).map((d) => d.ruleId);
    assert.ok(!found.includes('PL001') && !found.includes('PL010'), found.join(' '));
  });

  it('a field that is a ditto mark alone (″, ”) repeats the item above, as a table cell does', () => {
    const p = plan('', ['1.清理河道垃圾。（牵头单位：县水利局；完成时限：2025年6月底前）', '2.整治排污口。（牵头单位：″；完成时限：”）']);
    assert.deepEqual(p.tasks.map((t) => [...row(t), t.deadline?.text ?? null]), [
      ['1.', ['县水利局'], [], '2025年6月底前'],
      ['2.', ['县水利局'], [], '2025年6月底前'],
    ]);
  });

  it('同上 names the item right above, not the unit a 下同 further up carries', () => {
    const p = plan('', [
      '1.打造精品线路。（牵头单位：县文旅局，下同；完成时限：2025年6月底前）',
      '2.完善交通接驳。（牵头单位：县交通局；完成时限：2025年9月底前）',
      '3.建设旅游厕所。（牵头单位：同上；完成时限：同上）',
    ]);
    assert.deepEqual(p.tasks.map((t) => [...row(t), t.deadline?.text ?? null, t.inherited.lead]), [
      ['1.', ['县文旅局'], [], '2025年6月底前', false],
      ['2.', ['县交通局'], [], '2025年9月底前', false],
      ['3.', ['县交通局'], [], '2025年9月底前', true],
    ]);
  });

  it('下同 after the lead convention carries the convention, not the units of its clause', () => {
    const p = plan('', ['1.做好宣传。（责任单位：县委宣传部、县文旅局，列第一位的为牵头单位，下同）', '2.做好培训。（责任单位：县教育局、县人社局）', '3.做好总结。']);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县委宣传部'], ['县文旅局']],
      ['2.', ['县教育局'], ['县人社局']],
      ['3.', [], []],
    ]);
  });

  it('下同 after a short name the clause defines carries the name, not the units', () => {
    const p = plan('', ['1.做好宣传。（县文化和旅游局牵头，以下简称县文旅局，下同）', '2.做好培训。']);
    assert.deepEqual(p.tasks.map((t) => t.lead.map((u) => u.name)), [['县文化和旅游局'], []]);
  });

  it('未注明牵头单位的，责任单位即为牵头单位: the responsible units lead', () => {
    const p = plan('未注明牵头单位的，责任单位即为牵头单位。', ['1.做好宣传。（责任单位：县委宣传部、县文旅局）']);
    assert.deepEqual(p.tasks.map(row), [['1.', ['县委宣传部', '县文旅局'], []]]);
  });

  it('a bracket of unit names only at the end of an item names the units in charge (a 工作要点\'s usual way)', () => {
    const p = plan('', [
      '1.做好财政预决算公开。（县财政局）',
      '2.推进重大项目信息公开。（县发改局、县住建局）',
      '3.规范政府网站管理。【县政府办公室】',
      '4.落实区县任务（各区县(市)人民政府）',
      '5.开展专项行动（2024年）',
      '6.完善制度（试行）',
      // A name whose bracket holds a list of its own (`（市、区）`), alone or beside another name.
      '7.推行告知承诺制（各县（市、区）人民政府）',
      '8.深化一件事改革（县政务服务局，各乡（镇、街道）人民政府）',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县财政局'], []],
      ['2.', [], ['县发改局', '县住建局']],
      ['3.', ['县政府办公室'], []],
      ['4.', ['各区县(市)人民政府'], []],
      ['5.', [], []],
      ['6.', [], []],
      ['7.', ['各县（市、区）人民政府'], []],
      ['8.', [], ['县政务服务局', '各乡（镇、街道）人民政府']],
    ]);
    const dated = plan('', ['1.做好就业工作。（县人社局；2024年12月底前）', '2.做好社保工作（县人社局、县医保局，年内完成）']);
    assert.deepEqual(
      dated.tasks.map((t) => [...row(t), t.deadline?.text ?? null]),
      [
        ['1.', ['县人社局'], [], '2024年12月底前'],
        ['2.', [], ['县人社局', '县医保局'], '年内'],
      ],
    );
    const first = plan('（列第一位的为牵头单位）', ['1.推进重大项目信息公开。（县发改局、县住建局）']);
    assert.deepEqual(first.tasks.map(row), [['1.', ['县发改局'], ['县住建局']]]);
  });

  it('units that co-operate are not counted among those in charge, and never lead', () => {
    const p = plan('', [
      '1.做好宣传。责任单位：县委宣传部；配合单位：各乡镇',
      '2.做好培训。（县教育局负责，县人社局、县财政局配合）',
      '3.做好服务。（责任单位：县政务服务中心、县发改局；协同责任单位：各乡镇）',
      '4.做好保障。配合单位：县财政局',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县委宣传部'], ['各乡镇']],
      ['2.', ['县教育局'], ['县人社局', '县财政局']],
      ['3.', [], ['县政务服务中心', '县发改局', '各乡镇']],
      ['4.', [], ['县财政局']],
    ]);
    const all = plan('（未注明牵头单位的，责任单位即为牵头单位）', ['1.做好服务。（责任单位：县政务服务中心、县发改局；配合单位：各乡镇）']);
    assert.deepEqual(all.tasks.map(row), [['1.', ['县政务服务中心', '县发改局'], ['各乡镇']]]);
  });

  it('no convention: one responsible unit leads; several leave the lead open, and PL001 asks which one leads', () => {
    const p = plan('', ['1.做好宣传。（责任单位：县委宣传部）', '2.做好培训。（责任单位：县教育局、县人社局）']);
    assert.deepEqual(p.tasks.map(row), [
      ['1.', ['县委宣传部'], []],
      ['2.', [], ['县教育局', '县人社局']],
    ]);
    const pl001 = lintPlan(p, { rules: allRules }).filter((d) => d.ruleId === 'PL001');
    assert.deepEqual(
      pl001.map((d) => d.message),
      ['任务“2.做好培训”列有多个责任单位，未写明由哪个单位牵头'],
    );
  });
});

describe('real plans: headings whose work is told below them', () => {
  it('when one level-1 heading assigns work in its paragraphs, so do its siblings (one cut off by the text’s end)', () => {
    const plan = read([
      '溪川县2024年环保工作方案',
      '一、建设污水处理厂',
      '任务要求。年底前建成投用。牵头单位：县住建局。',
      '二、整治黑臭水体',
      '任务要求。完成三条河道整治。牵头单位：县水利局。',
      '三、实现重点企业达标排放',
    ]);
    assert.deepEqual(numbers(plan), ['一、', '二、', '三、']);
  });
});

describe('real plans: tables whose cells a sharing page glued together', () => {
  // A Word table as a document-sharing page extracts it: no separator between the header's names or a row's cells,
  // lines broken mid-word and opened with the page's own `2、`.
  const glued = [
    '1、2024年溪川县民生实事任务分解表序号项目名称主要内容分管领导牵头单位配合单位1修缮老旧小区完成改造12个,惠及居民3000户。王建国住建局各街道城投公司2扩大就业全县新增就业5000人,开展培训200场次。李娜人社局各乡镇(街',
    '2、道)团县委3改善供水建成水厂2座。王建国水利局供水公司推进管网延伸至偏远村组。赵明远农业农村局各乡镇4办好养老为老人提供上门服务。',
  ];

  it('rows are read by their numbers, units by how names end, the leader before the lead', () => {
    const plan = read(glued);
    assert.deepEqual(
      plan.tasks.map((t) => [t.number, t.lead.map((u) => u.name)]),
      [
        ['1', ['住建局']],
        ['2', ['人社局']],
        ['3', ['水利局', '农业农村局']],
        ['4', []],
      ],
    );
    assert.deepEqual(plan.tasks[0]!.responsible.map((u) => u.name), ['各街道', '城投公司']);
    // `2场次` counts, `12个` counts, `3000户` counts: none of them opens a row.
    assert.equal(plan.tasks[0]!.title, '修缮老旧小区完成改造12个,惠及居民3000户');
    // A row merged over two lines in Word: the second run of units is the same task's.
    assert.deepEqual(plan.tasks[2]!.responsible.map((u) => u.name), ['供水公司', '各乡镇']);
  });

  it('the leader\'s name is no unit: two characters when the unit would keep only two', () => {
    const plan = read(glued);
    assert.ok(plan.tasks.every((t) => [...t.lead, ...t.responsible].every((u) => !/王建国|李娜|赵明远/.test(u.name))));
  });

  it('words after a sentence that end like units (全县…) open no run of units', () => {
    const plan = read(['序号项目名称主要内容分管领导牵头单位配合单位1扩大就业落实政策。全区城镇新增就业5000人。李娜人社局各街道']);
    assert.deepEqual(plan.tasks.map(row), [['1', ['人社局'], ['各街道']]]);
  });

  it('a 序号 run in prose that is no header reads no table', () => {
    const plan = read(['一、重点任务', '1.按序号顺序完成登记工作。（县民政局牵头）']);
    assert.deepEqual(plan.tables, []);
    assert.deepEqual(plan.tasks.map(row), [['1.', ['县民政局'], []]]);
  });
});

describe('real plans: a community plan labels each task\'s time `时间：`', () => {
  it('reads `时间：` opening a line under a task as its deadline', () => {
    const plan = read([
      '春晖社区2026年平安建设工作计划',
      '一、工作内容',
      '1.开展楼道消防通道清理。',
      '责任单位：社区居委会',
      '时间：每月',
      '2.组织反诈宣传进小区。',
      '责任单位：社区警务室',
      '时间：2026年10月底前',
    ]);
    assert.deepEqual(plan.tasks.map((t) => [t.number, t.deadline?.text ?? null]), [
      ['1.', '每月'],
      ['2.', '2026年10月底前'],
    ]);
  });
});

describe('real plans: a section of units\' standing duties (`职责分工`)', () => {
  const plan = (duties: string[]) =>
    read([
      '溪川县2026年政务服务“一网通办”工作方案',
      '一、主要任务',
      '（一）梳理高频事项清单。牵头单位：县政务服务中心；完成时限：2026年4月底前。',
      '二、职责分工',
      ...duties,
      '三、保障措施',
      '（一）加强督查考核。',
    ]);

  it('gives no task: what each unit does for good bears no date, and no PL002 is asked of it', () => {
    const p = plan(['（一）县政务服务中心：负责统筹推进“一网通办”工作。', '（二）县大数据中心：负责平台建设和数据共享。']);
    assert.deepEqual(p.tasks.map((t) => t.title), ['梳理高频事项清单']);
    assert.deepEqual(lintPlan(p, { rules: allRules, settings: { today: '2026-01-01' } }).filter((d) => d.ruleId === 'PL002' || d.ruleId === 'PL001'), []);
  });

  it('a unit given work there with a deadline makes its items tasks, as before', () => {
    const p = plan(['（一）县政务服务中心：负责窗口改造，2026年6月底前完成。', '（二）县大数据中心：负责平台建设和数据共享。']);
    assert.deepEqual(p.tasks.map((t) => t.number), ['（一）', '（一）', '（二）']);
  });

  it('names such a section only as its whole title: a task whose title holds the words, or a chapter of measures beside them, is checked', () => {
    const p = read([
      '溪川县2026年安全生产工作方案',
      '一、重点任务',
      '（一）开展燃气安全整治。（牵头单位：县住建局；完成时限：2026年6月底前）',
      '（二）各行业主管部门按职责分工开展本行业领域隐患排查',
      '（三）明确职责分工，建立部门协同机制。2026年9月底前完成。',
      '二、工作措施及职责分工',
      '（一）开展河湖“清四乱”。（牵头单位：县水利局；完成时限：2026年10月底前）',
      '（二）加强执法巡查。',
      '三、部门职责分工',
      '（一）县水利局：负责河湖日常管护。',
    ]);
    assert.deepEqual(p.tasks.map(row), [
      ['（一）', ['县住建局'], []],
      ['（二）', [], []],
      ['（三）', [], []],
      ['（一）', ['县水利局'], []],
      ['（二）', [], []],
    ]);
    assert.deepEqual(lintPlan(p, { rules: allRules, settings: { today: '2026-01-01' } }).filter((d) => d.ruleId === 'PL001').map((d) => d.range.start.line), [3, 4, 7]);
  });
});

describe('real plans: a plan typed with Western punctuation', () => {
  it('ends a title at a half-width full stop after Chinese words; after Latin words the stop stays', () => {
    const plan = read([
      '溪川区2026年社区健康促进行动方案',
      '一、主要任务',
      '1. 建设健康主题公园2个. (牵头单位: 区城管局; 完成时限: 2026年11月底前)',
      '2. 推进“健康小屋”建设. (牵头单位: 区卫健局; 完成时限: 2026年9月底前)',
      '3. 推广AI. (牵头单位: 区卫健局; 完成时限: 2026年9月底前)',
    ]);
    assert.deepEqual(plan.tasks.map((t) => t.title), ['建设健康主题公园2个', '推进“健康小屋”建设', '推广AI.']);
  });
});

describe('real plans: a task due over a whole year (`2026年全年`)', () => {
  const plan = read([
    '溪川县2026年全民健身工作方案',
    '一、主要任务',
    '1.【县文体局、县教育局】组织中小学生体质健康监测，2026年全年。',
    '2.开展全民健身赛事进社区活动。牵头单位：县文体局；完成时限：2026年全年',
    '3.推动公共体育场馆免费开放。（县文体局牵头）2026年全年接待群众20万人次。',
  ]);

  it('reads the whole year as the deadline, in prose and in a field, and asks no PL002 of it', () => {
    assert.deepEqual(plan.tasks.map((t) => [t.number, t.deadline?.text ?? null]), [
      ['1.', '2026年全年'],
      ['2.', '2026年全年'],
      ['3.', null],
    ]);
    const missing = lintPlan(plan, { rules: allRules, settings: { today: '2026-01-01' } }).filter((d) => d.ruleId === 'PL002');
    assert.deepEqual(missing.map((d) => d.range.start.line), [4]);
  });
});

describe('real plans: tasks due in a season of farm work (`秋收期间`, `麦收前`)', () => {
  const plan = read([
    '溪川县2026年秸秆综合利用和禁烧工作方案',
    '一、重点任务',
    '（一）落实秸秆禁烧网格化管理。（县农业农村局牵头，各乡镇人民政府负责；2026年秋收期间）',
    '（二）完成收储点布设。牵头单位：县发展改革局；完成时限：2026年麦收前',
    '（三）组织秋冬季农机安全检查。（县农机中心牵头；2026年秋冬季）',
  ]);

  it('reads the season with its year as the deadline, not the whole year', () => {
    assert.deepEqual(plan.tasks.map((t) => [t.number, t.deadline?.text ?? null]), [
      ['（一）', '2026年秋收期间'],
      ['（二）', '2026年麦收前'],
      ['（三）', '2026年秋冬季'],
    ]);
  });
});
