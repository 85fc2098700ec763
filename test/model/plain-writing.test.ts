// Plans as plain text writes them: a space for a comma, a lead written in a remark, fields indented by a tab, a title
// whose year names the matter, not the period. Each case is a misreading once made, in text written for this test.
import assert from 'node:assert/strict';
import { parsePlan } from '../../server/src/model/plan.js';
import type { PlanDocument, Task } from '../../server/src/model/types.js';

const read = (lines: string[]): PlanDocument => parsePlan(lines.join('\n'));
const names = (units: { name: string }[]) => units.map((u) => u.name);
const row = (t: Task) => [t.number, t.lead.map((u) => u.name), t.responsible.map((u) => u.name), t.deadline?.text ?? null];

describe('plain writing: a space after the verb parts the lead from the deadline', () => {
  it('`X负责 2025年…前完成` names the lead and the deadline', () => {
    const plan = read(['溪川县2025年安全生产工作方案', '一、重点任务', '（一）排查隐患。全面排查重点企业。县安监站负责 2025年10月底前完成。']);
    assert.deepEqual(plan.tasks.map(row), [['（一）', ['县安监站'], [], '2025年10月底前']]);
  });
  it('`X牵头 2025年…前完成` too; `X负责同志` after a space is still no lead', () => {
    const plan = read(['溪川县2025年安全生产工作方案', '一、重点任务', '1.排查隐患。县安监站牵头 2025年9月底前完成。', '2.做好宣传。县文旅局负责 同志要亲自抓。']);
    assert.deepEqual(plan.tasks.map((t) => [t.number, t.lead.map((u) => u.name)]), [['1.', ['县安监站']], ['2.', []]]);
  });
});

describe('plain writing: a dash-led line after the task names who does it', () => {
  it('`——X，长期坚持` on the line under the task, or after its last sentence, names the unit and the deadline', () => {
    const plan = read([
      '溪川县2025年安全生产工作方案',
      '一、重点任务',
      '（一）排查隐患。全面排查重点企业。',
      '——县安监站，长期坚持',
      '（二）做好宣传。开展宣传月活动。——县文旅局、县教育局；2025年6月底前',
      '（三）加强值守。——县安监站牵头，2025年12月底前',
    ]);
    assert.deepEqual(plan.tasks.map(row), [
      ['（一）', ['县安监站'], [], '长期坚持'],
      ['（二）', [], ['县文旅局', '县教育局'], '2025年6月底前'],
      ['（三）', ['县安监站'], [], '2025年12月底前'],
    ]);
  });
  it('a dash before words that name no unit is no attribution', () => {
    const plan = read(['溪川县2025年安全生产工作方案', '一、重点任务', '（一）排查隐患。全面排查重点企业。', '——以排查促整改']);
    assert.deepEqual(plan.tasks.map(row), [['（一）', [], [], null]]);
  });
});

describe('plain writing: a task table that says who leads in a remark or inside the unit cell', () => {
  const table = (rows: string[]) =>
    read(['溪川县2025年城乡建设工作方案', '一、重点任务', '', '| 序号 | 任务 | 责任单位 | 完成时限 | 备注 |', '| --- | --- | --- | --- | --- |', ...rows]);
  const units = (plan: PlanDocument) => plan.tasks.map((t) => [t.number, t.lead.map((u) => u.name), t.responsible.map((u) => u.name)]);
  it('`X牵头` in the 备注 cell, X one of the row\'s units, gives X the lead', () => {
    const plan = table([
      '| 1 | 铺设雨水管网 | 县建设局、县财务局 | 2025年6月底前 | 县建设局牵头 |',
      '| 2 | 修缮老旧小区 | 县建设局、县民生局 | 2025年9月底前 | 牵头单位：县民生局 |',
      '| 3 | 建设口袋公园 | 县建设局、县财务局 | 2025年9月底前 | 由县园林站牵头 |',
    ]);
    assert.deepEqual(units(plan), [
      ['1', ['县建设局'], ['县财务局']],
      ['2', ['县民生局'], ['县建设局']],
      ['3', ['县园林站'], ['县建设局', '县财务局']],
    ]);
  });
  it('a person who leads in the remark is no lead unit', () => {
    const plan = table(['| 1 | 铺设雨水管网 | 县建设局、县财务局 | 2025年6月底前 | 王立新牵头 |', '| 2 | 修缮老旧小区 | 县建设局、县民生局 | 2025年9月底前 | 分管副县长牵头 |']);
    assert.deepEqual(units(plan), [
      ['1', [], ['县建设局', '县财务局']],
      ['2', [], ['县建设局', '县民生局']],
    ]);
  });
  it('a unit cell that names its lead again, after a comma or in a bracket, lists it once, as the lead', () => {
    const plan = table([
      '| 1 | 铺设雨水管网 | 县建设局、县财务局（县建设局牵头） | 2025年6月底前 | |',
      '| 2 | 修缮老旧小区 | 县建设局、县民生局，县民生局牵头 | 2025年9月底前 | |',
    ]);
    assert.deepEqual(units(plan), [
      ['1', ['县建设局'], ['县财务局']],
      ['2', ['县民生局'], ['县建设局']],
    ]);
  });
});

describe('plain writing: field lines indented by a tab, as Word saves plain text', () => {
  it('`\\t牵头单位：` `\\t责任单位：` `\\t完成时限：` under an item are all the item\'s', () => {
    const plan = read([
      '溪川县2025年营商环境工作方案',
      '一、重点任务',
      '（一）压缩审批时间。全面推行并联审批。',
      '\t牵头单位：县改革办',
      '\t责任单位：县审批局、县便民中心',
      '\t完成时限：2025年11月底前',
      '（二）优化纳税服务。推行线上办税。',
      '\t牵头单位：县税务分局',
      '\t完成时限：2025年10月底前',
    ]);
    assert.deepEqual(plan.tasks.map(row), [
      ['（一）', ['县改革办'], ['县审批局', '县便民中心'], '2025年11月底前'],
      ['（二）', ['县税务分局'], [], '2025年10月底前'],
    ]);
    assert.equal(plan.unnumbered.length, 0);
  });
});

describe('plain writing: a tab after a marker, as Word saves a numbered list as plain text', () => {
  it('`\\t1.\\t推进…` is the marker\'s spacing: the title is the work after it', () => {
    const plan = read([
      '溪川县2026年医疗卫生工作要点',
      '一、重点任务',
      '\t1.\t完善分级诊疗制度。（牵头单位：县卫健局；完成时限：2026年6月底前）',
      '\t2.\t\t建设县域影像中心。（牵头单位：县人民医院；完成时限：2026年10月底前）',
      '（一）\t推进家庭医生签约。（县卫健局负责）',
    ]);
    assert.deepEqual(plan.tasks.map((t) => [t.number, t.title]), [
      ['1.', '完善分级诊疗制度'],
      ['2.', '建设县域影像中心'],
      ['（一）', '推进家庭医生签约'],
    ]);
    assert.deepEqual(plan.tasks.map((t) => t.lead.map((u) => u.name)), [['县卫健局'], ['县人民医院'], ['县卫健局']]);
  });
  it('a tab-separated row still ends its title at the next cell', () => {
    const plan = read([
      '溪川县2026年医疗卫生重点任务分解表',
      '序号\t工作任务\t牵头单位\t完成时限',
      '1\t完善分级诊疗制度\t县卫健局\t2026年6月底前',
      '2\t建设县域影像中心\t县人民医院\t2026年10月底前',
    ]);
    assert.deepEqual(plan.tasks.map((t) => [t.title, t.lead.map((u) => u.name), t.deadline?.text ?? null]), [
      ['完善分级诊疗制度', ['县卫健局'], '2026年6月底前'],
      ['建设县域影像中心', ['县人民医院'], '2026年10月底前'],
    ]);
  });
});

describe('plain writing: a title whose year names the matter, not the period', () => {
  it('a rectification plan for a year\'s audit takes no period from that year', () => {
    const plan = read(['关于落实2024年审计发现问题整改的工作方案', '一、整改任务', '（一）规范资金管理。牵头单位：县财务局；完成时限：2025年6月底前']);
    assert.equal(plan.period, null);
    assert.equal(plan.tasks[0]!.deadline?.end, '2025-06-30');
  });
  it('a plan for the year keeps it', () => {
    const plan = read(['溪川县2025年优化营商环境工作方案', '一、重点任务', '（一）压缩审批时间。牵头单位：县改革办；完成时限：6月底前']);
    assert.deepEqual([plan.period?.start, plan.period?.end], [2025, 2025]);
  });
});

describe('plain writing: 会同 inside a unit field', () => {
  it('`牵头单位：X会同Y` gives X the lead and Y a part', () => {
    const plan = read([
      '溪川县2025年项目建设工作方案',
      '一、重点任务',
      '（一）加快项目审批。',
      '牵头单位：县改革办会同县财务局',
      '完成时限：2025年6月底前',
      '（二）做好项目储备。（牵头单位：县改革办会同县财务局、县税务分局；完成时限：2025年9月底前）',
      '（三）开展项目评估。责任单位：县改革办会同县财务局负责',
    ]);
    assert.deepEqual(plan.tasks.map((t) => [t.number, t.lead.map((u) => u.name), t.responsible.map((u) => u.name)]), [
      ['（一）', ['县改革办'], ['县财务局']],
      ['（二）', ['县改革办'], ['县财务局', '县税务分局']],
      ['（三）', ['县改革办'], ['县财务局']],
    ]);
  });
});

describe('plain writing: a deadline after a unit field that a verb ended', () => {
  it('`责任单位：X牵头，Y配合，2025年6月底前完成` and `牵头单位：X会同Y，长期坚持` name their deadlines', () => {
    const plan = read([
      '溪川县2025年项目建设工作方案',
      '一、重点任务',
      '（一）加快项目审批。责任单位：县改革办牵头，县财务局配合，2025年6月底前完成',
      '（二）做好项目储备。（牵头单位：县改革办会同县财务局，长期坚持）',
    ]);
    assert.deepEqual(plan.tasks.map(row), [
      ['（一）', ['县改革办'], ['县财务局'], '2025年6月底前'],
      ['（二）', ['县改革办'], ['县财务局'], '长期坚持'],
    ]);
  });
});

describe('plain writing: a marker whose number and stop a copy set apart (a WeChat article)', () => {
  const lines = [
    '青原高新区2026年优化营商环境工作方案',
    '一 、 政务服务提效行动',
    '1 . 全面推行“高效办成一件事”。',
    '责任单位 ： 高新区政务服务中心（牵头）、经济发展局',
    '完成时限 ： 2026年12月底前',
    '2　．　推行告知承诺制。（牵头单位：高新区政务服务中心；完成时限：2026年10月底前）',
    '二 、 要素保障行动',
  ];
  it('`一 、` and `1 . ` where a line opens are markers, with their numbers and the task\'s fields', () => {
    const plan = read(lines);
    assert.deepEqual(
      plan.allSections.map((s) => [s.marker.text, s.marker.level, s.marker.value, s.title]),
      [
        ['一 、', 1, 1, '政务服务提效行动'],
        ['1 .', 3, 1, '全面推行“高效办成一件事”'],
        ['2　．', 3, 2, '推行告知承诺制'],
        ['二 、', 1, 2, '要素保障行动'],
      ],
    );
    assert.deepEqual(plan.tasks.map(row), [
      ['1 .', ['高新区政务服务中心'], ['经济发展局'], '2026年12月底前'],
      ['2　．', ['高新区政务服务中心'], [], '2026年10月底前'],
    ]);
    assert.deepEqual(plan.unnumbered, []);
  });
  it('not `一 、` before a numeral (`一 、二季度完成摸底`: a list of quarters, no chapter)', () => {
    const plan = read(['青原县2026年工作方案', '一、主要任务', '（一）推进垃圾分类，分两步实施：', '一 、二季度完成摸底，三季度完成整改。县城管局牵头，2026年9月底前完成。']);
    assert.deepEqual(plan.allSections.map((s) => s.marker.text), ['一、', '（一）']);
    assert.deepEqual(plan.tasks.map(row), [['（一）', ['县城管局'], [], '2026年9月底前']]);
  });
  it('not inside a line, nor before a number or no Chinese character (`共 3 . 5万户`, `第 1 、2 批`)', () => {
    const plan = read(['青原县2026年工作方案', '一、重点任务', '1.改造老旧小区，共 3 . 5万户。（牵头单位：县住建局）', '2 . 2026年完成。', '3 、 ', '4.推进第 1 、 2 批项目。（牵头单位：县发改局）']);
    assert.deepEqual(plan.allSections.map((s) => s.marker.text), ['一、', '1.', '4.']);
  });
});

describe('plain writing: an item that opens with `X负责` and the work', () => {
  it('the units before `负责` lead, whatever word of the work follows, a bracket in their name or not', () => {
    const plan = read([
      '青原市学前教育行动计划',
      '一、扩大普惠性资源供给',
      '1.各县(市、区)人民政府负责新建、改扩建公办幼儿园,2026年底前新增学位2000个。',
      '2.市住房城乡建设局负责城镇小区配套幼儿园治理,2026年10月底前完成排查。',
      '3.各县（市、区）教育局负责摸排适龄儿童底数，2026年6月底前完成。',
    ]);
    assert.deepEqual(plan.tasks.map(row), [
      ['1.', ['各县(市、区)人民政府'], [], '2026年底前'],
      ['2.', ['市住房城乡建设局'], [], '2026年10月底前'],
      ['3.', ['各县（市、区）教育局'], [], '2026年6月底前'],
    ]);
  });
  it('when another part names the lead, the units that only 负责 carry the work out; named to lead, listed once', () => {
    const plan = read([
      '青原县2026年城乡管理工作方案',
      '一、重点任务',
      '1.落实属地责任。各乡镇负责期间的属地巡查，县城管局牵头，2026年9月底前完成。',
      '2.推进改造。县住建局牵头，县财政局配合，县住建局负责项目实施，2026年11月底前完成。',
      '3.完善水价机制。县发展改革局负责，县财政局、县水利局落实，2026年第四季度前出台方案。',
    ]);
    assert.deepEqual(plan.tasks.map(row), [
      ['1.', ['县城管局'], ['各乡镇'], '2026年9月底前'],
      ['2.', ['县住建局'], ['县财政局'], '2026年11月底前'],
      ['3.', ['县发展改革局'], ['县财政局', '县水利局'], '2026年第四季度前'],
    ]);
    assert.deepEqual(plan.allSections.flatMap((s) => s.attributions.flatMap((a) => a.problems.map((x) => x.kind))), []);
  });
  it('a unit listed to take part, then given its share of the work (`其中各镇负责开展…`), is listed once', () => {
    const plan = read([
      '青原县2024年校园安全工作方案',
      '一、重点任务',
      '1.整治校园周边。县公安局牵头，县市场监管局、各镇配合，其中各镇负责开展日常巡查，2024年11月底前完成。',
      '2.排查校舍隐患。县教育局牵头，县住建局配合，各学校负责开展自查，2024年9月底前完成。',
    ]);
    assert.deepEqual(plan.tasks.map(row), [
      ['1.', ['县公安局'], ['县市场监管局', '各镇'], '2024年11月底前'],
      ['2.', ['县教育局'], ['县住建局', '各学校'], '2024年9月底前'],
    ]);
  });
  it('not a person, a duty in general words or each unit\'s own share (`负责同志`, `负责人`, `负责领导`, `负责对`, `负责本地区`)', () => {
    const plan = read([
      '青原市学前教育行动计划',
      '一、扩大普惠性资源供给',
      '1.加强督导。县教育局负责同志每季度带队督导一次。',
      '2.加强培训。县人民政府负责本地区园长培训，2026年底前完成。',
      '3.压实责任。县教育局负责人要亲自抓。',
      '4.强化考核。县教育局负责对各园进行考核。',
      '5.强化领导。县直各单位主要负责领导要亲自部署。',
      '6.压实责任。各乡镇负责干部要包村到户。',
    ]);
    assert.deepEqual(
      plan.tasks.map((t) => [t.number, t.lead.map((u) => u.name)]),
      [['1.', []], ['2.', []], ['3.', []], ['4.', []], ['5.', []], ['6.', []]],
    );
  });
});

describe('plain writing: `由X会同Y` and what the work is about (`对…`, `就…`)', () => {
  it('the units after `会同` take part when a preposition opens the work after them', () => {
    const plan = read([
      '青原市2026年养老服务实施方案',
      '一、重点任务',
      '（一）加强资金监管。由市民政局会同市财政局对资金使用情况开展督查，2026年12月底前完成。',
      '（二）完善补贴制度。由市民政局会同市财政局、市医保局就补贴标准提出调整意见，2026年9月底前完成。',
      '（三）规范机构管理。由市民政局会同市消防救援支队围绕消防安全开展排查，2026年6月底前完成。',
    ]);
    assert.deepEqual(plan.tasks.map(row), [
      ['（一）', ['市民政局'], ['市财政局'], '2026年12月底前'],
      ['（二）', ['市民政局'], ['市财政局', '市医保局'], '2026年9月底前'],
      ['（三）', ['市民政局'], ['市消防救援支队'], '2026年6月底前'],
    ]);
  });
  it('not a preposition inside the work after other words (`会同…加强对…`)', () => {
    const plan = read(['青原市2026年养老服务实施方案', '一、重点任务', '（一）加强资金监管。由市民政局会同市财政局加强对资金的监管，2026年12月底前完成。']);
    assert.deepEqual(plan.tasks.map(row), [['（一）', ['市民政局'], ['市财政局'], '2026年12月底前']]);
  });
});

describe('plain writing: a heading that lost its number (Word saves a list\'s automatic numbering so)', () => {
  const plan = (heading: string) =>
    read([
      '青原市2026年养老服务体系建设实施方案',
      '\t重点任务',
      '（一）扩大普惠养老服务供给。（市民政局牵头，市财政局配合；2026年10月底前完成）',
      '（二）发展社区养老服务。（市民政局牵头；2026年12月底前完成）',
      heading,
      '（一）加强组织领导。建立市养老服务工作联席会议制度。',
      '（二）强化资金保障。福彩公益金用于养老服务的比例不低于55%。',
    ]);
  for (const heading of ['\t保障措施', '保障措施', '　　工作要求：']) {
    it(`\`${heading.trim()}\` alone on its line before a list from （一） heads a part that assigns no work`, () => {
      const p = plan(heading);
      assert.deepEqual(p.tasks.map(row), [
        ['（一）', ['市民政局'], ['市财政局'], '2026年10月底前'],
        ['（二）', ['市民政局'], [], '2026年12月底前'],
      ]);
      // The list after it is its own: no step back from （二） to （一）.
      assert.deepEqual(p.separateLists.map((l) => [l.kind, p.text.slice(l.span.start, l.span.end).trim().split('\n')[0]]), [['part', heading.trim()]]);
    });
  }
  it('not under an open chapter: the tasks of the chapters after it stay tasks', () => {
    const p = read([
      '青原县2026年城乡环境整治工作方案',
      '一、河道整治',
      '（一）清理河道垃圾。县水利局牵头，2026年6月底前完成。',
      '（二）整治沿河排污口。县生态环境局牵头，2026年9月底前完成。',
      '工作要求',
      '（一）各乡镇要明确专人负责。',
      '二、垃圾分类',
      '（一）建设分类收集点。县城管局牵头，2026年12月底前完成。',
    ]);
    assert.deepEqual(p.separateLists.filter((l) => l.kind === 'part'), []);
    assert.deepEqual(
      p.tasks.filter((t) => t.lead.length > 0).map(row),
      [
        ['（一）', ['县水利局'], [], '2026年6月底前'],
        ['（二）', ['县生态环境局'], [], '2026年9月底前'],
        ['（一）', ['县城管局'], [], '2026年12月底前'],
      ],
    );
  });
  it('not a line that goes on with the count, a sentence, or a section that holds tasks', () => {
    const goesOn = plan('保障措施').text.replace('（一）加强组织领导', '（三）加强组织领导').replace('（二）强化资金保障', '（四）强化资金保障');
    assert.deepEqual(parsePlan(goesOn).separateLists, []);
    assert.deepEqual(plan('以下为保障措施。').separateLists, []);
    assert.deepEqual(plan('重点工作').separateLists, []);
  });
});

describe('plain writing: shapes a second review found read worse, read as before again', () => {
  it('`二 、一网通办提质`: a spaced chapter marker before a title that opens with a numeral', () => {
    const plan = read(['青原县2026年政务服务工作方案', '一 、总体要求', '二 、一网通办提质', '（一）推进事项上网。（牵头单位：县数据局；完成时限：2026年6月底前）']);
    assert.deepEqual(plan.allSections.map((s) => s.marker.text), ['一 、', '二 、', '（一）']);
  });
  it('`负责干部教育培训`, `负责领导全县…`: the work of the units before them', () => {
    const plan = read(['青原县2026年干部工作要点', '一、重点任务', '1.县委组织部负责干部教育培训，2026年12月底前完成。', '2.县委宣传部负责领导全县理论宣讲工作，2026年11月底前完成。']);
    assert.deepEqual(plan.tasks.map((t) => [t.number, t.lead.map((u) => u.name)]), [['1.', ['县委组织部']], ['2.', ['县委宣传部']]]);
  });
  it('`确保完成年度目标`, `全力完成减排目标`, `兑现考核目标`: a title of work ending in 目标 is a task', () => {
    // No unit named: the items are tasks by their titles alone (PL001 checks them).
    const plan = read(['青原县2026年节能减排工作方案', '一、重点任务', '（一）确保完成年度目标。各乡镇要抓好落实，2026年12月底前完成。', '（二）全力完成减排目标。关停落后产能企业5家，2026年10月底前完成。', '（三）兑现考核目标。2026年12月底前完成。']);
    assert.deepEqual(plan.tasks.map((t) => t.title), ['确保完成年度目标', '全力完成减排目标', '兑现考核目标']);
  });
  it('`以上由X负责…` with no lead verb after an item\'s own figures is that item\'s, not its siblings\'', () => {
    const plan = read(['青原县2026年养老服务方案', '一、重点任务', '（一）开展敬老月活动。2026年10月底前完成。', '（二）发放高龄津贴。80至89周岁每人每月100元。', '以上由县民政局负责按月发放到人。']);
    assert.deepEqual(plan.tasks.map((t) => [t.number, t.lead.map((u) => u.name)]), [['（一）', []], ['（二）', ['县民政局']]]);
  });
  it('a month start a few weeks before the plan\'s year is its start (`自2025年12月起` in a 2026 winter plan)', () => {
    const plan = read(['青原县2026年冬春季森林防火工作方案', '一、重点任务', '（一）开展专项巡查。自2025年12月起开展森林防火专项巡查。（牵头单位：县林业局）']);
    assert.equal(plan.tasks[0]!.deadline?.text, '2025年12月起');
  });
  it('a heading that lost its number after a numbered chapter, before a list from （一）, heads a part when no chapter follows', () => {
    const plan = read(['青原县2026年养老服务方案', '一、重点任务', '（一）发展社区养老。（县民政局牵头；2026年12月底前完成）', '（二）培育养老机构。（县民政局牵头；2026年10月底前完成）', '\t保障措施', '（一）加强组织领导。', '（二）强化资金保障。']);
    assert.deepEqual(plan.tasks.map((t) => t.title), ['发展社区养老', '培育养老机构']);
  });
});

describe('plain writing: the title of the list a notice issues, after the notice\'s own items', () => {
  it('`2026年重点工作责任分工` then `一、` from 1: the list counts apart from the notice\'s `一、` `二、` (no step back)', () => {
    const text = ['青原县人民政府办公室关于印发重点工作责任分工的通知', '一、各责任单位要于每季度末报送工作进展。', '二、牵头单位对牵头事项负总责。', '2026年重点工作责任分工', '一、重点工作', '1.新改建农村公路100公里，10月底前完工。', '牵头单位：县交通运输局'].join('\n');
    const plan = read(text.split('\n'));
    assert.deepEqual(plan.tasks.map(row), [['1.', ['县交通运输局'], [], '10月底前']]);
    assert.ok(plan.separateLists.some((l) => l.kind === 'part' && text.slice(l.span.start, l.span.end).startsWith('2026年重点工作责任分工')));
  });
});

describe('plain writing: field lines under an item of a section that assigns no work', () => {
  it('`一、主要预期目标` whose items each give their lead on a field line: tasks, as with a bracket', () => {
    const lines = (fields: boolean) => [
      '青原县2026年政府工作报告重点工作责任分工',
      '一、主要预期目标',
      '1.地区生产总值增长6%左右。',
      ...(fields ? ['牵头单位：县发展改革局', '责任单位：县统计局'] : []),
      '2.一般公共预算收入增长5%。',
      ...(fields ? ['牵头单位：县财政局'] : []),
      '二、重点工作',
      '（一）实施工业技改项目40个。（牵头单位：县工信局）',
    ];
    assert.deepEqual(read(lines(true)).tasks.map((t) => [t.number, t.lead.map((u) => u.name)]), [['1.', ['县发展改革局']], ['2.', ['县财政局']], ['（一）', ['县工信局']]]);
    // Without them the targets are goals, no tasks.
    assert.deepEqual(read(lines(false)).tasks.map((t) => t.number), ['（一）']);
  });
});

describe('plain writing: shapes a third review found read worse, read as before again', () => {
  const plan = (...lines: string[]) => read(['青原县2026年营商环境工作方案', '一、重点任务', '（一）推进企业开办便利化。压缩开办时间，2026年6月底前完成。', ...lines]);
  it('a sentence about who follows up tasks with no lead, or two units, is no default lead', () => {
    const preface = (line: string) => read(['青原县2026年营商环境工作方案', line, '一、重点任务', '（一）推进企业开办便利化。压缩开办时间，2026年6月底前完成。']);
    assert.deepEqual(preface('未标明牵头单位的，由县督查室负责督促落实。').tasks[0]!.lead, []);
    assert.deepEqual(preface('未标明牵头单位的，均由县发改局会同县财政局牵头。').tasks[0]!.lead, []);
    assert.deepEqual(names(preface('未标明牵头单位的，均由县发改局牵头。').tasks[0]!.lead), ['县发改局']);
  });
  it('`县应急局负责领导、…要亲自部署`, `负责领导同志`: a person, no lead', () => {
    for (const line of ['（二）压实责任。县应急局负责领导、各乡镇主要领导要亲自部署。', '（二）压实责任。县应急局负责领导同志定期调度。']) {
      assert.deepEqual(plan(line).tasks[1]!.lead, [], line);
    }
  });
  it('`二、工作落实要求`, `考核执行标准`: the ending\'s kind, no work; their items are no tasks', () => {
    const p = read(['青原县2026年营商环境工作方案', '一、重点任务', '（一）推进企业开办便利化。（县市场监管局牵头）', '二、工作落实要求', '（一）加强组织领导。各乡镇要高度重视。']);
    assert.deepEqual(p.tasks.map((t) => t.title), ['推进企业开办便利化']);
  });
  it('`任务清单` alone on a line before a list from 一、 is no other list\'s title: the step back is reported', () => {
    const p = read(['青原县2026年人居环境整治方案', '一、治理农村垃圾。（县住建局牵头）', '二、治理农村污水。（县生态环境分局牵头）', '任务清单', '一、开展厕所革命。（县农业农村局牵头）']);
    assert.deepEqual(p.separateLists.filter((l) => l.kind === 'part'), []);
  });
  it('a heading that lost its number before an attachment numbered from 一、 still heads a part (the look-ahead stops at 附件)', () => {
    const p = read(['青原县2026年河道整治方案', '（一）清理河道垃圾。（县水利局牵头；2026年9月底前）', '（二）拆除违章建筑。（县自然资源局牵头；2026年10月底前）', '保障措施', '（一）加强组织领导。', '（二）强化督导考核。', '附件', '一、乱占问题清单', '二、乱建问题清单']);
    assert.deepEqual(p.tasks.map((t) => t.title), ['清理河道垃圾', '拆除违章建筑']);
  });
  it('`建成之后`, `都是…建成`: a fact, no deadline; `自2025年1月起` in a 2026 plan is past, no deadline', () => {
    assert.equal(plan('（二）加强养护。城南大道2025年建成之后交通流量大增，由县交通局牵头开展日常养护。').tasks[1]!.deadline, null);
    assert.equal(plan('（二）改造管网。城区管网都是1998年建成，由县住建局牵头改造。').tasks[1]!.deadline, null);
    assert.equal(plan('（二）落实返还。对自2025年1月起参保的企业，由县人社局牵头落实返还。').tasks[1]!.deadline, null);
  });
});
