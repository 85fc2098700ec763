// Deadline phrases as real plans write them: spaces inside dates, halves and quarters, holiday periods, open periods
// from a day on, schedules, ranges; and what is no deadline: targets, past years, other documents' periods.
import assert from 'node:assert/strict';
import { findDeadlines, parseDeadline, type DeadlineContext } from '../../server/src/model/deadline.js';
import { planOf, task } from './helpers.js';

const Y2024: DeadlineContext = { period: { start: 2024, end: 2024 } };

/** [text found, end, extra facts] for each deadline `findDeadlines` finds in `input` (prose unless told). */
function found(input: string, mode: 'field' | 'prose' = 'prose'): [string, string | null, string][] {
  return findDeadlines(input, Y2024, mode).map((f) => {
    const v = f.value;
    const facts = [v.ongoing ? 'ongoing' : '', v.recurring ? 'recurring' : '', v.start ? `from ${v.start}` : ''].filter(Boolean).join(' ');
    assert.equal(input.slice(f.start, f.end), v.text);
    return [v.text, v.end, facts];
  });
}

describe('deadline phrases as plans write them', () => {
  it('reads a date typed with spaces inside it', () => {
    assert.deepEqual(found('各单位于 12 月底前报送总结。'), [['12 月底前', '2024-12-31', '']]);
    assert.deepEqual(found('2025 年 6 月底前完成验收。'), [['2025 年 6 月底前', '2025-06-30', '']]);
    assert.deepEqual(found('6月 开展', 'field'), [['6月', '2024-06-30', '']]);
  });

  it('reads the forms a 完成时限 cell holds, recurrences marked as such', () => {
    const cells: [string, string | null, string][] = [
      ['上半年', '2024-06-30', ''],
      ['下半年', '2024-12-31', ''],
      ['年内', '2024-12-31', ''],
      ['年底前', '2024-12-31', ''],
      ['第一季度', '2024-03-31', ''],
      ['每季度', '2024-03-31', 'recurring'],
      ['每月', '2024-01-31', 'recurring'],
      ['长期坚持', null, 'ongoing'],
      ['持续推进', null, 'ongoing'],
      ['2021—2023年', '2023-12-31', 'from 2021-01-01'],
      ['2024年7月底前', '2024-07-31', ''],
      ['2024年8月—2025年9月', '2025-09-30', 'from 2024-08-01'],
      ['即日-4月10日', '2024-04-10', ''],
    ];
    for (const [cell, end, facts] of cells) {
      assert.deepEqual(found(cell, 'field'), [[cell, end, facts]], cell);
      assert.equal(parseDeadline(cell, Y2024)?.end, end, cell);
    }
  });

  it('reads work due now as a clause of its own (即时, 立即启动, 即日起), not inside a sentence', () => {
    for (const mode of ['field', 'prose'] as const) {
      assert.deepEqual(found('即时', mode), [['即时', null, 'ongoing']], mode);
      assert.deepEqual(found('立即启动', mode), [['立即启动', null, 'ongoing']], mode);
      assert.deepEqual(found('即日起', mode), [['即日起', null, 'ongoing']], mode);
    }
    assert.deepEqual(found('（县交通局牵头，即时）'), [['即时', null, 'ongoing']]);
    // a range from today stays a range; inside a sentence 立即 is no time bound
    assert.deepEqual(found('即日起至10月31日', 'field'), [['即日起至10月31日', '2024-10-31', '']]);
    assert.deepEqual(found('发现问题立即整改到位。'), []);
  });

  it('reads a season alone as a clause (汛期, 汛前) as a period', () => {
    assert.deepEqual(found('（县河道站负责，汛期）'), [['汛期', null, '']]);
    assert.deepEqual(found('汛前', 'field'), [['汛前', null, '']]);
    assert.deepEqual(found('（县河道站负责，汛前完成）'), [['汛前', null, '']]);
    // inside a sentence it names a time of year
    assert.deepEqual(found('做好汛期巡查工作。'), []);
  });

  it('reads a year written with 全年 as that whole year, a clause of its own in prose', () => {
    assert.deepEqual(found('完成农村公路养护，2025年全年。'), [['2025年全年', '2025-12-31', '']]);
    assert.deepEqual(found('2025年全年', 'field'), [['2025年全年', '2025-12-31', '']]);
    // the year's figures are no bound
    assert.deepEqual(found('2025年全年接待游客120万人次。'), []);
  });

  it('reads an ongoing phrase with its verb that ends a clause opening with a period', () => {
    assert.deepEqual(found('由县城管局负责，全年持续开展。'), [['持续开展', null, 'ongoing']]);
    assert.deepEqual(found('县林业局负责，禁牧期内常态化推进。'), [['常态化推进', null, 'ongoing']]);
    // what the work becomes, or words before it that are no period: no deadline
    assert.deepEqual(found('推动监督检查常态化开展。'), []);
    assert.deepEqual(found('县林业局负责，禁牧期内常态化。'), []);
    assert.deepEqual(found('全年持续开展执法检查。'), []);
  });

  it('reads a quarter run into a verb that says the work is done (建成, 完工, 投用) as its bound, as with 完成', () => {
    assert.deepEqual(found('新建自动雨量站20处，2024年第三季度建成投入使用。'), [['2024年第三季度', '2024-09-30', '']]);
    assert.deepEqual(found('改造排涝泵站，2024年三季度完工。'), [['2024年三季度', '2024-09-30', '']]);
    assert.deepEqual(found('新建污水管网，第四季度投用。'), [['第四季度', '2024-12-31', '']]);
    // …not a verb that dates one activity, nor what was done before the plan, nor a target set off by a comma
    assert.deepEqual(found('2024年第三季度开展一次联合演练。'), []);
    assert.deepEqual(found('改造2019年第三季度建成的泵站。'), []);
    assert.deepEqual(found('到2025年，基本建成智慧水利体系。'), []);
    // …nor a fact the words around it tell (`多为…竣工`, `通车以来`); a subject, `为` or `…后` around it is an aim still
    assert.deepEqual(found('城东片区小区多为2000年竣工，设施老化。'), []);
    assert.deepEqual(found('环城路2023年通车以来客流增长。'), []);
    assert.deepEqual(found('城南小学2024年8月建成投用。'), [['2024年8月', '2024-08-31', '']]);
    assert.deepEqual(found('建设工期为2024年12月竣工。'), [['2024年12月', '2024-12-31', '']]);
    assert.deepEqual(found('县体育馆2024年10月竣工后由县文旅局接管。'), [['2024年10月', '2024-10-31', '']]);
  });

  it('reads holiday periods and open periods as the time of a clause', () => {
    assert.deepEqual(found('清明节期间，各乡镇组织巡查。'), [['清明节期间', null, '']]);
    assert.deepEqual(found('2、國慶節(jié)前后，區領導帶隊督查。'), [['國慶節(jié)前后', null, '']]);
    // two seasons or holidays joined are one period
    assert.deepEqual(found('汛期和暑假期间，对重点水域开展巡查。'), [['汛期和暑假期间', null, '']]);
    assert.deepEqual(found('元旦、春节期间，加强值班值守。'), [['元旦、春节期间', null, '']]);
    assert.deepEqual(found('从3月8日起，组织宣传车巡回宣传。'), [['3月8日起', null, 'ongoing from 2024-03-08']]);
    assert.deepEqual(found('自5月起开展夜查。'), [['5月起', null, 'ongoing from 2024-05-01']]);
    // a month opening its clause, `起` after it; a period opening its clause, the work run into it; the work's time said to be one
    assert.deepEqual(found('3月起集中开展整治。'), [['3月起', null, 'ongoing from 2024-03-01']]);
    assert.deepEqual(found('2025年3月至10月集中开展整治。'), [['2025年3月至10月', '2025-10-31', 'from 2025-03-01']]);
    assert.deepEqual(found('集中整治时间为2025年3月至10月。'), [['2025年3月至10月', '2025-10-31', 'from 2025-03-01']]);
    assert.deepEqual(found('建立管护制度，实施期限为2025年至2027年。'), [['2025年至2027年', '2027-12-31', 'from 2025-01-01']]);
    // …not a single date run into its verb (it dates one activity), nor a range inside a clause
    assert.deepEqual(found('2025年第三季度开展一次专项检查。'), []);
    assert.deepEqual(found('比较2023年至2024年增长情况。'), []);
    // …not when the work starts, a plan's horizon, a past result, history
    assert.deepEqual(found('项目开工时间为2025年5月。'), []);
    assert.deepEqual(found('规划期限为2021年至2035年。'), []);
    assert.deepEqual(found('2021年至2025年全面完成农村改厕1.2万户，今年重点抓好管护。'), []);
    assert.deepEqual(found('2019年6月起推行河长制，成效明显。'), []);
    // inside a phrase a holiday only names a time of year
    assert.deepEqual(found('针对春节前后群众办事集中的特点，优化窗口服务。'), []);
  });

  it('reads holidays listed with 等 and the period they stand for (等重点时段, 等节假日期间) as the holidays\' period', () => {
    assert.deepEqual(found('端午、中秋等重点时段，组织干部包片值守。'), [['端午、中秋等重点时段', null, '']]);
    assert.deepEqual(found('（县文旅局负责，国庆等节假日期间）'), [['国庆等节假日期间', null, '']]);
    assert.deepEqual(found('春节等时段', 'field'), [['春节等时段', null, '']]);
    // …not the holidays named as a kind of thing, nor inside a phrase
    assert.deepEqual(found('做好春节等传统节日慰问工作。'), []);
    assert.deepEqual(found('针对春节等重点时段客流集中的特点，加密班次。'), []);
  });

  it('reads a date with its year that the work is put into effect from, or recurs from, as an open period', () => {
    assert.deepEqual(found('建立闲置用地清理机制，2024年起实施。'), [['2024年起', null, 'ongoing from 2024-01-01']]);
    assert.deepEqual(found('推行项目联审制度，2024年7月起全面施行。'), [['2024年7月起', null, 'ongoing from 2024-07-01']]);
    assert.deepEqual(found('自2025年起施行。'), [['2025年起', null, 'ongoing from 2025-01-01']]);
    assert.deepEqual(found('2024年起每年开展一次河道清淤。'), [
      ['2024年起', null, 'ongoing from 2024-01-01'],
      ['每年', '2024-12-31', 'recurring'],
    ]);
    // …not history told in the clause, a quantity per year, nor the date of another document's title
    assert.deepEqual(found('2019年起推行河长制，成效明显。'), []);
    assert.deepEqual(found('2020年起每年减少化肥用量3%。'), []);
    assert.deepEqual(found('落实《关于2024年起实施新标准的通知》要求。'), []);
    assert.deepEqual(found('按照关于2024年起实施新标准的通知要求。'), []);
    // a task binds to the open period it starts in, not to the first of its recurrences
    const plan = planOf(['青溪区2024年土地管理工作方案', '一、重点任务', '(一)清理闲置土地。2024年起每年开展一次专项清理。(牵头单位:区自然资源局)']);
    const d = task(plan, '(一)').deadline;
    assert.deepEqual([d?.text, d?.start, d?.ongoing], ['2024年起', '2024-01-01', true]);
    // …nor a start before the plan's period: what was done then (`自2019年起实施` in a plan for 2024)
    const past = planOf(['青溪区2024年农村人居环境整治方案', '一、重点任务', '(一)整治村容村貌。自2019年起实施。(牵头单位:区农业农村局)']);
    assert.equal(task(past, '(一)').deadline, null);
  });

  it('reads a schedule: a date opening a clause, the dates listed with it, then a verb', () => {
    assert.deepEqual(found('认真落实会议制度，今年5月和8月，召开两次联席会议。'), [
      ['今年5月', '2024-05-31', ''],
      ['8月', '2024-08-31', ''],
    ]);
    assert.deepEqual(found('3月21日下午召开全区动员会议。'), [['3月21日', '2024-03-21', '']]);
    assert.deepEqual(found('2024年8月—2025年9月，实施管网改造。'), [['2024年8月—2025年9月', '2025-09-30', 'from 2024-08-01']]);
    // a coarser date run into its verb dates an activity
    assert.deepEqual(found('做好反馈工作，第三季度开展一次评估。'), []);
  });

  it('finds no deadline in targets, past years, history or other documents’ periods', () => {
    assert.deepEqual(found('到2025年，基本建成数字政府。'), []);
    assert.deepEqual(found('到2023年底,全市优良天数比例达到90%。'), []);
    assert.deepEqual(found('到6月底前完成清理。'), [['6月底前', '2024-06-30', '']]);
    for (const text of ['比上年度增长5%', '较去年底下降3个百分点', '近年来我区不断加大投入', '历年数据表明', '上一年完成情况']) {
      assert.deepEqual(found(text, 'field'), [], text);
      assert.deepEqual(found(text), [], text);
    }
    assert.deepEqual(found('落实《青溪区治水三年行动方案(2023—2025年)》，年底前完成评估。', 'field'), [['年底前', '2024-12-31', '']]);
  });

  it('reads a date the work starts from in a field as a start, not a bound', () => {
    assert.deepEqual(found('2024年起持续推进', 'field'), [
      ['2024年起', null, 'ongoing from 2024-01-01'],
      ['持续推进', null, 'ongoing'],
    ]);
    assert.deepEqual(found('2024年开始，2025年底前完成', 'field'), [
      ['2024年开始', null, 'ongoing from 2024-01-01'],
      ['2025年底前', '2025-12-31', ''],
    ]);
    // `启动` alone is a bound (started by then); followed by when the work is done, a start.
    assert.deepEqual(found('2024年9月启动', 'field'), [['2024年9月', '2024-09-30', '']]);
    assert.deepEqual(found('2024年启动，2025年底前完成', 'field'), [
      ['2024年启动', null, 'ongoing from 2024-01-01'],
      ['2025年底前', '2025-12-31', ''],
    ]);
    const plan = planOf(['青溪区数字政府建设方案', '一、重点任务', '(一)建设平台。(牵头单位:区数据局；完成时限:2024年起实施，2025年底前完成)']);
    assert.deepEqual([task(plan, '(一)').deadline?.text, task(plan, '(一)').deadline?.end], ['2025年底前', '2025-12-31']);
  });

  it('binds a task to the first bound it must meet, not the latest', () => {
    const plan = planOf([
      '青溪区2024年河湖治理工作方案',
      '一、重点任务',
      '(一)清理河道。5月底前完成摸底，年底前全面完成清理。(牵头单位:区水务局)',
      '(二)建设步道。年底前建成；9月底前完成设计。(牵头单位:区住建局)',
    ]);
    assert.deepEqual([task(plan, '(一)').deadline?.text, task(plan, '(一)').deadline?.end], ['5月底前', '2024-05-31']);
    assert.deepEqual([task(plan, '(二)').deadline?.text, task(plan, '(二)').deadline?.end], ['9月底前', '2024-09-30']);
  });
});

describe('a deadline written in words that name no date', () => {
  const plan = planOf([
    '青溪区教育提质工作方案',
    '一、重点任务',
    '(一)排查校舍安全。(牵头单位:区教育局；完成时限:秋季开学前)',
    '(二)监测学生体质。(牵头单位:区教育局；完成时限：每学期)',
    '(三)修订招生办法。(牵头单位:区教育局；完成时限:待定)',
    '(四)改造学校食堂。(牵头单位:区教育局；完成时限:暑期前后)，2024年8月底前完成验收。',
    '(五)培训骨干教师。(牵头单位:区教育局；完成时限:区教育局)',
  ]);

  it('is the task deadline as written, with no date to check', () => {
    for (const [number, text] of [['(一)', '秋季开学前'], ['(二)', '每学期']]) {
      const d = task(plan, number).deadline;
      assert.deepEqual([d?.text, d?.end, d?.precision, d?.ongoing], [text, null, null, false], number);
    }
  });

  it('is none when it says there is none yet, or names a unit', () => {
    assert.equal(task(plan, '(三)').deadline, null);
    assert.equal(task(plan, '(五)').deadline, null);
  });

  it('in a task table\'s 完成时限 column too', () => {
    const table = planOf([
      '青溪区教育提质任务分解表',
      '| 序号 | 工作任务 | 牵头单位 | 完成时限 |',
      '| --- | --- | --- | --- |',
      '| 1 | 排查校舍安全 | 区教育局 | 秋季开学前 |',
      '| 2 | 修订招生办法 | 区教育局 | — |',
    ]);
    assert.deepEqual(table.tasks.map((t) => t.deadline?.text ?? null), ['秋季开学前', null]);
  });

  it('in the task text too, for a term of the school year (`秋季开学前完成`): no false PL002, no year for a term', () => {
    const school = planOf([
      '青溪区校园安全工作方案',
      '一、重点任务',
      '(一)完善安防设施。区教育局牵头，秋季开学前完成。',
      '(二)开展安全教育。区教育局牵头，2025年秋季开学前完成。',
    ]);
    assert.deepEqual(
      school.tasks.map((t) => [t.deadline?.text, t.deadline?.end]),
      [
        ['秋季开学前', null],
        ['2025年秋季开学前', null],
      ],
    );
  });

  it('gives way to a date the task text states', () => {
    assert.deepEqual([task(plan, '(四)').deadline?.text, task(plan, '(四)').deadline?.end], ['2024年8月底前', '2024-08-31']);
  });
});

describe('a rectification plan\'s 整改时限', () => {
  it('is a deadline field: dates, 持续整改 (ongoing) and 立行立改 (written, no date)', () => {
    const plan = planOf([
      '关于巡察反馈问题的整改方案',
      '一、整改任务',
      '1.修订财务制度。',
      '责任单位：财务科',
      '整改时限：持续整改',
      '2.清理违规报销。',
      '责任单位：财务科',
      '整改时限：立行立改',
      '3.建立整改台账。（责任单位：办公室；整改期限：2024年6月底前）',
    ]);
    assert.deepEqual(
      plan.tasks.map((t) => [t.deadline?.text, t.deadline?.ongoing, t.deadline?.end]),
      [
        ['持续整改', true, null],
        ['立行立改', false, null],
        ['2024年6月底前', false, '2024-06-30'],
      ],
    );
  });
});

describe('a period set beside the work', () => {
  it('in brackets or as a clause of its own is when the work is done; a lone year in brackets is none', () => {
    const plan = planOf([
      '青溪区市容整治工作方案',
      '一、整治内容',
      '（一）集中开展整治（2024年3月16日—6月30日）。区城管局负责。',
      '（二）巩固整治成效，2024年7月至12月。区城管局负责。',
      '（三）开展满意度调查，较基期（2020年）提高10个百分点。区城管局负责。',
    ]);
    assert.deepEqual(
      plan.tasks.map((t) => [t.deadline?.text ?? null, t.deadline?.start ?? null, t.deadline?.end ?? null]),
      [
        ['2024年3月16日—6月30日', '2024-03-16', '2024-06-30'],
        ['2024年7月至12月', '2024-07-01', '2024-12-31'],
        [null, null, null],
      ],
    );
  });
});
