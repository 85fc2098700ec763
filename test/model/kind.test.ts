// What a text is (model/kind.ts, `decideKind`): the documents around plans that name plans, their tasks and their
// units but are none — drafting notes, bulletins, minutes, explainers, news stories, notices of requirements, a
// folder's README — and, beside each, the plan it must not be confused with. Every text is written for this test.
import assert from 'node:assert/strict';
import { decideKind, type KindReason } from '../../server/src/model/kind.js';
import { describeKind } from '../../server/src/model/kind-words.js';
import type { DocumentKind } from '../../server/src/model/types.js';

/** The decision on `lines` (joined by line breaks): its kind, and the ids of its reasons in order. */
function check(lines: string[], kind: DocumentKind, reasons: KindReason['id'][]): void {
  const decision = decideKind(lines.join('\n'));
  assert.deepEqual([decision.kind, decision.reasons.map((r) => r.id)], [kind, reasons], lines[0]);
  assert.ok(decision.positive, lines[0]);
}

/** A body that reads as a plan when nothing else is known: numbered items, units leading them, deadlines. */
const PLAN_BODY = ['一、重点任务', '1.改造农村公路。（县交通运输局牵头，2024年10月底前完成）', '2.新建污水管网。（县住建局牵头，2024年12月底前完成）'];

describe('kind: notes on a plan, bulletins and minutes are not plans', () => {
  it('a title ending 说明 (起草说明, 编制说明, 政策说明) is notes on a plan, whatever plan it names', () => {
    check(['关于《柳岸县农村公路提档升级实施方案》的起草说明', ...PLAN_BODY], 'other', ['notes-title']);
    check(['柳岸县国土空间总体规划编制说明', ...PLAN_BODY], 'other', ['notes-title']);
    check(['关于柳岸县稳岗就业若干措施的政策说明', ...PLAN_BODY], 'other', ['notes-title']);
  });

  it('a plan whose title holds 说明 before its kind word is a plan', () => {
    check(['柳岸县政策说明会筹备工作方案', ...PLAN_BODY], 'plan', ['plan-title', 'assigns-work', 'deadlines']);
  });

  it('a title ending 通报 is a report of work done (落实情况通报, 关于…的通报)', () => {
    check(['柳岸县2024年上半年重点任务落实情况通报', ...PLAN_BODY], 'report', ['bulletin-title']);
    check(['关于全县为民办实事项目推进情况的通报', ...PLAN_BODY], 'report', ['bulletin-title']);
  });

  it('meeting minutes (会议纪要) are not a plan, though they say who leads what by when', () => {
    check(['柳岸县人民政府第二十三次常务会议纪要', '会议研究了以下事项：', ...PLAN_BODY], 'other', ['minutes-title']);
    check(['柳岸县安全生产工作调度会议议定事项', '会议议定如下：', ...PLAN_BODY], 'other', ['minutes-title']);
  });

  it('a meeting notice (召开…会议) is named as one, not as a covering notice', () => {
    check(['关于召开全县防汛工作会议的通知', '一、会议时间', '二、参会人员'], 'other', ['meeting-notice']);
  });
});

describe('kind: speeches and letters about a plan are not plans', () => {
  it('a title ending 讲话, 致辞 or 发言 is a speech, though it says who is to lead what by when', () => {
    check(['在柳岸县安全生产工作会议上的讲话', '（2024年3月5日）', '同志们：', ...PLAN_BODY], 'other', ['speech-title']);
    check(['在全县乡村振兴推进会上的发言提纲', ...PLAN_BODY], 'other', ['speech-title']);
  });

  it('a plan named after a speech it carries out is a plan', () => {
    check(['柳岸县学习贯彻重要讲话精神实施方案', ...PLAN_BODY], 'plan', ['plan-title', 'assigns-work', 'deadlines']);
  });

  it('a letter (函) asking for comments on a draft plan, or answering one, is not the plan', () => {
    check(['关于征求《柳岸县农村公路提档升级实施方案（征求意见稿）》意见的函', '县直各有关单位：', ...PLAN_BODY], 'other', ['letter-title']);
    check(['柳岸县交通运输局关于养护工作分工的复函', ...PLAN_BODY], 'other', ['letter-title']);
  });

  it('a letter that issues a plan is read by the plan it issues', () => {
    check(['关于印发柳岸县农村公路提档升级实施方案的函', ...PLAN_BODY], 'plan', ['plan-title', 'assigns-work', 'deadlines']);
  });
});

describe('kind: explainers without the word 解读', () => {
  it('a title opening 一图读懂, 图解, 划重点, 一文读懂 or 速览 is an explainer, whatever document it names', () => {
    check(['一图读懂《柳岸县优化营商环境实施方案》', ...PLAN_BODY], 'other', ['interpretation']);
    check(['图解：柳岸县2024年政府工作报告重点任务分工方案', ...PLAN_BODY], 'other', ['interpretation']);
    check(['划重点！柳岸县就业创业十条措施来了', ...PLAN_BODY], 'other', ['interpretation']);
    check(['一文读懂柳岸县养老服务三年行动计划', ...PLAN_BODY], 'other', ['interpretation']);
    // The explainer's words as a piece of their own before the title they explain.
    check(['速览｜柳岸县数字乡村建设实施方案', ...PLAN_BODY], 'other', ['interpretation']);
  });

  it('a title opening with the kind of reading and a colon (图文解读：, 政策解读｜, 解读：) is an explainer', () => {
    check(['图文解读：柳岸县优化营商环境实施方案', ...PLAN_BODY], 'other', ['interpretation']);
    check(['政策解读｜柳岸县养老服务三年行动计划', ...PLAN_BODY], 'other', ['interpretation']);
    check(['解读：柳岸县数字乡村建设实施方案', ...PLAN_BODY], 'other', ['interpretation']);
  });

  it('but a page under such a label that carries the notice issuing the document is the document', () => {
    const page = ['政策解读：柳岸县数字乡村建设实施方案', '各乡镇人民政府，县直各有关单位：', '现将《柳岸县数字乡村建设实施方案》印发给你们，请认真贯彻执行。', ...PLAN_BODY];
    check(page, 'plan', ['plan-title', 'assigns-work', 'deadlines']);
    assert.deepEqual(decideKind(page.join('\n')).reasons[0]!.evidence, ['柳岸县数字乡村建设实施方案']);
  });

  it('or ending with them (…实施方案图解)', () => {
    check(['柳岸县优化营商环境实施方案图解', ...PLAN_BODY], 'other', ['interpretation']);
  });
});

describe('kind: news stories', () => {
  const story = [
    '我市出台实施方案推动文旅产业融合发展',
    '来源：柳岸日报　　发布时间：2024-04-02',
    '近日，市政府办公室印发《柳岸市文旅产业融合发展实施方案》。一是打造精品线路，由市文旅局牵头；二是培育夜间消费，2024年底前建成三个街区；三是完善配套设施。',
  ];

  it('a headline opening 我市 and a verb, a newspaper source and a lead telling of a plan issued: a story', () => {
    check(story, 'other', ['news']);
    const evidence = decideKind(story.join('\n')).reasons[0]!.evidence;
    assert.equal(evidence[0], '我市出台实施方案推动文旅产业融合发展');
  });

  it('without a headline, a newspaper source and a lead together make a story; either alone does not', () => {
    const [, source, lead] = story;
    check(['文旅融合迎来新政', source!, lead!], 'other', ['news']);
    check(['文旅融合迎来新政', source!, ...PLAN_BODY], 'plan', ['assigns-work', 'deadlines']);
    // The lead names the plan issued: it stands for the title, as any `印发《X》` does.
    check(['文旅融合迎来新政', lead!, ...PLAN_BODY], 'plan', ['plan-title', 'assigns-work', 'deadlines']);
  });

  it('a headline alone is a story (我县召开…推进会)', () => {
    check(['我县召开农村公路建设推进会', '4月8日，县政府召开推进会。会议要求，县交通运输局牵头抓好落实，6月底前完成。'], 'other', ['news']);
  });

  it('a page that carries the plan itself is the plan, whoever reprinted it', () => {
    // The story's words, then the covering notice and the plan.
    check(
      [
        ...story.slice(0, 2),
        '柳岸市人民政府办公室关于印发柳岸市文旅产业融合发展实施方案的通知',
        '各区人民政府，市政府各部门：',
        '现将《柳岸市文旅产业融合发展实施方案》印发给你们，请认真贯彻执行。',
        ...PLAN_BODY,
      ],
      'plan',
      ['plan-title', 'assigns-work', 'deadlines'],
    );
    // A plan's own preamble telling that a higher plan was issued lately, on a page naming its source.
    check(
      ['柳岸县文旅产业融合发展工作方案', '来源：柳岸县人民政府网', '近日，省政府办公厅印发了《柳岸省文旅产业融合发展行动计划》，为抓好落实，制定本方案。', ...PLAN_BODY],
      'plan',
      ['plan-title', 'assigns-work', 'deadlines'],
    );
  });
});

describe('kind: notices that issue nothing', () => {
  it('a notice of an activity, its body requirements: not a plan', () => {
    check(
      [
        '关于开展2024年“安全生产月”活动的通知',
        '各乡镇人民政府，县直各单位：',
        '经县政府同意，决定在全县开展“安全生产月”活动，现将有关事项通知如下：',
        '一、活动时间',
        '2024年6月1日至30日。',
        '二、活动内容',
        '1.开展安全宣传咨询日活动。县应急管理局负责组织。',
        '2.开展隐患排查整治。各单位6月底前完成自查。',
        '三、有关要求',
        '请各单位于7月5日前报送活动总结。',
      ],
      'other',
      ['notice-requirements'],
    );
  });

  it('a notice asking that some work be done well (关于做好…工作的通知): not a plan, though units are named in its items', () => {
    check(
      [
        '关于做好2024年春节期间安全生产工作的通知',
        '各乡镇人民政府，县直有关单位：',
        '春节将至，为做好节日期间安全生产工作，现就有关事项通知如下：',
        '一、提高思想认识',
        '二、强化隐患排查',
        '1.县应急管理局牵头开展联合检查，1月底前完成。',
        '2.县市场监管局负责节日食品安全抽检。',
        '三、严格值班值守',
      ],
      'other',
      ['notice-requirements'],
    );
  });

  it('a notice that cites a plan (按照…印发《X》要求) but issues none: not a plan', () => {
    check(
      ['关于做好2024年秸秆禁烧工作的通知', '各乡镇人民政府：', '按照市政府办公室印发《柳岸市秸秆禁烧工作方案》要求，现就有关事项通知如下：', '一、加强巡查', '各乡镇6月底前完成巡查。'],
      'other',
      ['notice-requirements'],
    );
  });

  it('a covering notice that issues a plan, the plan after it: a plan', () => {
    check(
      ['关于印发《柳岸县农村公路提档升级实施方案》的通知', '各乡镇人民政府：', '现将《柳岸县农村公路提档升级实施方案》印发给你们，请认真贯彻执行。', '柳岸县农村公路提档升级实施方案', ...PLAN_BODY],
      'plan',
      ['plan-title', 'assigns-work', 'deadlines'],
    );
    // A notice titled for its work, whose body issues the plan.
    check(
      ['关于做好2024年秸秆禁烧工作的通知', '各乡镇人民政府：', '现将《柳岸县2024年秸秆禁烧工作方案》印发给你们，请认真贯彻执行。', ...PLAN_BODY],
      'plan',
      ['plan-title', 'assigns-work', 'deadlines'],
    );
  });

  it('a notice that gives its work out item by item (a lead and a deadline in brackets): a plan', () => {
    check(['关于开展2024年道路交通安全专项整治的通知', '各乡镇人民政府：', '现将有关事项通知如下：', ...PLAN_BODY], 'plan', ['assigns-work', 'deadlines']);
    // One bracket is no division of work.
    check(['关于开展2024年道路交通安全专项整治的通知', '现将有关事项通知如下：', PLAN_BODY[0]!, PLAN_BODY[1]!, '2.加强宣传。'], 'other', ['notice-requirements']);
  });

  it('a notice whose items each name the unit that leads in a sentence (X牵头，…完成): a plan', () => {
    const items = ['一、完善应急预案。县应急管理局牵头，2024年4月底前完成。', '二、储备防汛物资。县应急管理局牵头，县发展改革局配合，2024年5月底前完成。'];
    check(['关于做好2024年防汛工作的通知', '各乡镇人民政府，县直有关部门：', ...items], 'plan', ['assigns-work', 'deadlines']);
    // One such item among requirements is no division of work.
    check(['关于做好2024年防汛工作的通知', '各乡镇人民政府：', items[0]!, '二、加强值班值守。各地要严格落实24小时值班制度。'], 'other', ['notice-requirements']);
  });

  it('a notice with a task table (序号…牵头单位): a plan', () => {
    check(['关于下达2024年民生实事项目的通知', '序号\t项目名称\t牵头单位\t完成时限', '1\t改造农村公路\t县交通运输局\t10月底前', '2\t新建污水管网\t县住建局\t12月底前'], 'plan', ['assigns-work', 'deadlines']);
  });
});

describe('kind: a Markdown page about plans', () => {
  const readme = ['# 说明', '', '本文件夹存放本局历年的工作方案和实施方案，供科室查阅。', '', '1. 文件按年份存放。', '2. 每个方案的牵头单位以正文为准。', '3. 新增文件请在年底前交办公室。', ''];

  it('headings with no plan title and items that give no work out: notes, not a plan', () => {
    check(readme, 'other', ['markdown-notes']);
    assert.deepEqual(decideKind(readme.join('\n')).reasons[0]!.evidence, ['# 说明']);
  });

  it('a Markdown plan: a plan title, items that give work out, or a task table', () => {
    check(['# 柳岸县2024年交通工作要点', '', '## 一、重点任务', '', '1. 改造农村公路。'], 'plan', ['plan-title']);
    check(['## 重点任务', '', '1. 改造农村公路。（县交通运输局牵头）', '2. 新建污水管网。'], 'plan', ['assigns-work']);
    check(['## 工作安排', '', '1. 县交通运输局牵头改造农村公路。'], 'plan', ['assigns-work']);
    check(['## 任务分解', '', '| 序号 | 任务 | 牵头单位 | 完成时限 |', '| --- | --- | --- | --- |', '| 1 | 改造农村公路 | 县交通运输局 | 10月底前 |'], 'plan', ['assigns-work', 'deadlines']);
  });

  it("a scraped page's noise opening a line with # is no heading", () => {
    check(['# k2 d# n! 各单位要在6月底前完成排查，县应急管理局负责汇总。', ...PLAN_BODY], 'plan', ['assigns-work', 'deadlines']);
  });
});

describe('kind: the reasons say what the text is', () => {
  const zh = (lines: string[]) => describeKind(decideKind(lines.join('\n')), 'zh-CN');
  const en = (lines: string[]) => describeKind(decideKind(lines.join('\n')), 'en');

  it('a meeting notice, a notice of requirements and a news story are not called covering notices', () => {
    const meeting = ['关于召开全县防汛工作会议的通知', '一、会议时间'];
    assert.equal(zh(meeting), '判断为非方案文件：会议通知（关于召开全县防汛工作会议的通知）');
    assert.equal(en(meeting), 'Read as not a plan: a meeting notice (关于召开全县防汛工作会议的通知)');
    const requirements = ['各乡镇人民政府：', '现将有关事项通知如下：', '一、提高认识'];
    assert.equal(zh(requirements), '判断为非方案文件：通知只提工作要求，未逐项分工');
    assert.equal(en(requirements), 'Read as not a plan: a notice that states requirements and gives no work out item by item');
    const story = ['我县召开农村公路建设推进会', '会议要求各乡镇抓好落实。'];
    assert.equal(zh(story), '判断为非方案文件：新闻报道（我县召开农村公路建设推进会）');
    assert.equal(en(story), 'Read as not a plan: a news story (我县召开农村公路建设推进会)');
  });

  it('a covering notice whose plan is not in the text is still one', () => {
    assert.equal(zh(['各乡镇人民政府：', '现将实施方案印发给你们，请认真贯彻执行。']), '判断为非方案文件：只有印发通知');
  });

  it('notes, bulletins, minutes, speeches, letters and a Markdown page are named in both languages', () => {
    assert.match(zh(['柳岸县国土空间总体规划编制说明']), /^判断为非方案文件：标题为说明/);
    assert.match(en(['柳岸县国土空间总体规划编制说明']), /^Read as not a plan: the title names explanatory notes/);
    assert.match(zh(['柳岸县2024年上半年重点任务落实情况通报']), /^判断为报告：标题为通报/);
    assert.match(en(['柳岸县2024年上半年重点任务落实情况通报']), /^Read as a report: the title names a bulletin/);
    assert.match(zh(['柳岸县人民政府第二十三次常务会议纪要']), /^判断为非方案文件：会议纪要/);
    assert.match(en(['柳岸县人民政府第二十三次常务会议纪要']), /^Read as not a plan: meeting minutes/);
    assert.match(zh(['# 说明', '1. 文件按年份存放。']), /^判断为非方案文件：Markdown 说明文档/);
    assert.match(en(['# 说明', '1. 文件按年份存放。']), /^Read as not a plan: a Markdown document with no plan title/);
    assert.match(zh(['在柳岸县安全生产工作会议上的讲话']), /^判断为非方案文件：标题为讲话或发言/);
    assert.match(en(['在柳岸县安全生产工作会议上的讲话']), /^Read as not a plan: the title names a speech/);
    assert.match(zh(['关于征求柳岸县防汛预案修订意见的函']), /^判断为非方案文件：标题为函/);
    assert.match(en(['关于征求柳岸县防汛预案修订意见的函']), /^Read as not a plan: the title names a letter/);
  });
});
