// Tests for deadline finding and normalisation: every form of DESIGN §1.3, damage, invalid dates, non-dates and pathological input.

import assert from 'node:assert/strict';
import {
  findDeadlines,
  findPlanPeriod,
  parseDeadline,
  type DeadlineContext,
  type DeadlineValue,
  type FoundDeadline,
} from '../../server/src/model/deadline.js';
import type { DeadlinePrecision } from '../../server/src/model/types.js';

const Y2020: DeadlineContext = { period: { start: 2020, end: 2020 } };
const Y2021: DeadlineContext = { period: { start: 2021, end: 2021 } };
const P2021_2025: DeadlineContext = { period: { start: 2021, end: 2025 } };
const NO_PERIOD: DeadlineContext = { period: null };

/** An expected value; flags left out are false / null. */
interface Expect {
  text: string;
  end: string | null;
  precision: DeadlinePrecision | null;
  start?: string;
  ongoing?: true;
  recurring?: true;
  yearInferred?: true;
  damaged?: true;
  invalid?: string;
}

function value(e: Expect): DeadlineValue {
  return {
    text: e.text,
    end: e.end,
    start: e.start ?? null,
    precision: e.precision,
    ongoing: e.ongoing ?? false,
    recurring: e.recurring ?? false,
    yearInferred: e.yearInferred ?? false,
    damaged: e.damaged ?? false,
    invalid: e.invalid ?? null,
  };
}

interface Row {
  input: string;
  ctx?: DeadlineContext;
  expect: Expect;
}

const ONGOING = (text: string): Expect => ({ text, end: null, precision: null, ongoing: true });

/** Field mode: each input holds exactly one deadline; expectations worked out from the calendar. */
const FIELD_ROWS: Row[] = [
  // years
  { input: '2020年底前', expect: { text: '2020年底前', end: '2020-12-31', precision: 'year' } },
  { input: '2023年年底前', expect: { text: '2023年年底前', end: '2023-12-31', precision: 'year' } },
  { input: '2024年末', expect: { text: '2024年末', end: '2024-12-31', precision: 'year' } },
  { input: '2019年', expect: { text: '2019年', end: '2019-12-31', precision: 'year' } },
  { input: '年内', expect: { text: '年内', end: '2020-12-31', precision: 'year', yearInferred: true } },
  { input: '年底前', ctx: P2021_2025, expect: { text: '年底前', end: '2021-12-31', precision: 'year', yearInferred: true } },
  { input: '本年度内', ctx: Y2021, expect: { text: '本年度内', end: '2021-12-31', precision: 'year', yearInferred: true } },
  // months
  { input: '2021年12月底前', expect: { text: '2021年12月底前', end: '2021-12-31', precision: 'month' } },
  { input: '2022年10月底前编制并公布', expect: { text: '2022年10月底前', end: '2022-10-31', precision: 'month' } },
  { input: '7月底之前完成', expect: { text: '7月底之前', end: '2020-07-31', precision: 'month', yearInferred: true } },
  { input: '2021年6月', expect: { text: '2021年6月', end: '2021-06-30', precision: 'month' } },
  { input: '完成时限:2021年6月', expect: { text: '2021年6月', end: '2021-06-30', precision: 'month' } },
  { input: '2月', ctx: Y2021, expect: { text: '2月', end: '2021-02-28', precision: 'month', yearInferred: true } },
  { input: '1、2月', expect: { text: '2月', end: '2020-02-29', precision: 'month', yearInferred: true } },
  { input: '6月份', ctx: Y2021, expect: { text: '6月份', end: '2021-06-30', precision: 'month', yearInferred: true } },
  { input: '元月底前', ctx: Y2021, expect: { text: '元月底前', end: '2021-01-31', precision: 'month', yearInferred: true } },
  { input: '2021.12', expect: { text: '2021.12', end: '2021-12-31', precision: 'month' } },
  { input: '明年6月底前', ctx: Y2021, expect: { text: '明年6月底前', end: '2022-06-30', precision: 'month', yearInferred: true } },
  // days
  { input: '于3月20日之前', expect: { text: '3月20日之前', end: '2020-03-20', precision: 'day', yearInferred: true } },
  { input: '6月30日前', ctx: Y2021, expect: { text: '6月30日前', end: '2021-06-30', precision: 'day', yearInferred: true } },
  { input: '2020年3月13日', expect: { text: '2020年3月13日', end: '2020-03-13', precision: 'day' } },
  { input: '2021-06-30', expect: { text: '2021-06-30', end: '2021-06-30', precision: 'day' } },
  { input: '2021/9/1', expect: { text: '2021/9/1', end: '2021-09-01', precision: 'day' } },
  { input: '2024年2月29日', expect: { text: '2024年2月29日', end: '2024-02-29', precision: 'day' } },
  // 旬: the last day of the ten-day period, precision day
  { input: '9月中旬', expect: { text: '9月中旬', end: '2020-09-20', precision: 'day', yearInferred: true } },
  { input: '9月上旬', expect: { text: '9月上旬', end: '2020-09-10', precision: 'day', yearInferred: true } },
  { input: '2021年2月下旬', expect: { text: '2021年2月下旬', end: '2021-02-28', precision: 'day' } },
  { input: '11月下旬', expect: { text: '11月下旬', end: '2020-11-30', precision: 'day', yearInferred: true } },
  // halves and quarters
  { input: '2021年上半年', expect: { text: '2021年上半年', end: '2021-06-30', precision: 'half' } },
  { input: '2021年下半年', expect: { text: '2021年下半年', end: '2021-12-31', precision: 'half' } },
  { input: '上半年', ctx: Y2021, expect: { text: '上半年', end: '2021-06-30', precision: 'half', yearInferred: true } },
  { input: '2021年第一季度', expect: { text: '2021年第一季度', end: '2021-03-31', precision: 'quarter' } },
  { input: '2021年一季度', expect: { text: '2021年一季度', end: '2021-03-31', precision: 'quarter' } },
  { input: '2021年1季度', expect: { text: '2021年1季度', end: '2021-03-31', precision: 'quarter' } },
  { input: '2022年第二季度末', expect: { text: '2022年第二季度末', end: '2022-06-30', precision: 'quarter' } },
  { input: '2021Q3', expect: { text: '2021Q3', end: '2021-09-30', precision: 'quarter' } },
  { input: '2021年Q2', expect: { text: '2021年Q2', end: '2021-06-30', precision: 'quarter' } },
  { input: 'Q4', ctx: Y2021, expect: { text: 'Q4', end: '2021-12-31', precision: 'quarter', yearInferred: true } },
  { input: '第四季度', expect: { text: '第四季度', end: '2020-12-31', precision: 'quarter', yearInferred: true } },
  { input: '2020年前三季度', expect: { text: '2020年前三季度', end: '2020-09-30', precision: 'quarter' } },
  // recurring: the first occurrence within the plan
  {
    input: '每年第一季度',
    ctx: P2021_2025,
    expect: { text: '每年第一季度', end: '2021-03-31', precision: 'quarter', recurring: true, yearInferred: true },
  },
  { input: '每年', ctx: P2021_2025, expect: { text: '每年', end: '2021-12-31', precision: 'year', recurring: true, yearInferred: true } },
  { input: '每年年底前', expect: { text: '每年年底前', end: '2020-12-31', precision: 'year', recurring: true, yearInferred: true } },
  { input: '每季度末', ctx: Y2021, expect: { text: '每季度末', end: '2021-03-31', precision: 'quarter', recurring: true, yearInferred: true } },
  { input: '每月5日前', ctx: Y2021, expect: { text: '每月5日前', end: '2021-01-05', precision: 'day', recurring: true, yearInferred: true } },
  // ongoing
  { input: '长期坚持', expect: ONGOING('长期坚持') },
  { input: '持续推进', expect: ONGOING('持续推进') },
  { input: '常态化推进', expect: ONGOING('常态化推进') },
  { input: '长期', expect: ONGOING('长期') },
  // ranges
  { input: '2016—2018年', expect: { text: '2016—2018年', start: '2016-01-01', end: '2018-12-31', precision: 'year' } },
  { input: '2016-2018年', expect: { text: '2016-2018年', start: '2016-01-01', end: '2018-12-31', precision: 'year' } },
  { input: '2016–2018年', expect: { text: '2016–2018年', start: '2016-01-01', end: '2018-12-31', precision: 'year' } },
  { input: '2016~2018年', expect: { text: '2016~2018年', start: '2016-01-01', end: '2018-12-31', precision: 'year' } },
  { input: '2016至2018年', expect: { text: '2016至2018年', start: '2016-01-01', end: '2018-12-31', precision: 'year' } },
  { input: '2016到2018年', expect: { text: '2016到2018年', start: '2016-01-01', end: '2018-12-31', precision: 'year' } },
  { input: '2016年——2018年', expect: { text: '2016年——2018年', start: '2016-01-01', end: '2018-12-31', precision: 'year' } },
  { input: '2021年6月—9月', expect: { text: '2021年6月—9月', start: '2021-06-01', end: '2021-09-30', precision: 'month' } },
  { input: '2021年1—3月', expect: { text: '2021年1—3月', start: '2021-01-01', end: '2021-03-31', precision: 'month' } },
  {
    input: '3月1日—20日',
    expect: { text: '3月1日—20日', start: '2020-03-01', end: '2020-03-20', precision: 'day', yearInferred: true },
  },
  {
    input: '5月1日至7月31日',
    ctx: Y2021,
    expect: { text: '5月1日至7月31日', start: '2021-05-01', end: '2021-07-31', precision: 'day', yearInferred: true },
  },
  // full-width, traditional script, Chinese numerals
  { input: '２０２１年６月底前', expect: { text: '２０２１年６月底前', end: '2021-06-30', precision: 'month' } },
  { input: '２０２１年', expect: { text: '２０２１年', end: '2021-12-31', precision: 'year' } },
  { input: '長期堅持', expect: ONGOING('長期堅持') },
  { input: '持續推進', expect: ONGOING('持續推進') },
  { input: '常態化', expect: ONGOING('常態化') },
  { input: '持續(xù)推進', expect: ONGOING('持續(xù)推進') },
  { input: '2022年年底前', expect: { text: '2022年年底前', end: '2022-12-31', precision: 'year' } },
  { input: '於6月底前', ctx: Y2021, expect: { text: '6月底前', end: '2021-06-30', precision: 'month', yearInferred: true } },
  { input: '二〇二〇年十二月底前', expect: { text: '二〇二〇年十二月底前', end: '2020-12-31', precision: 'month' } },
  { input: '二○○八年四月十四日', expect: { text: '二○○八年四月十四日', end: '2008-04-14', precision: 'day' } },
  { input: '二OO八年四月', expect: { text: '二OO八年四月', end: '2008-04-30', precision: 'month' } },
  { input: '二〇二一年三十一日', expect: { text: '二〇二一年', end: '2021-12-31', precision: 'year' } },
  { input: '十二月三十一日前', ctx: Y2021, expect: { text: '十二月三十一日前', end: '2021-12-31', precision: 'day', yearInferred: true } },
  // damaged (seed 001 style): 年 月 日 or the dash lost in scraping
  { input: '2020313', expect: { text: '2020313', end: '2020-03-13', precision: 'day', damaged: true } },
  // `202031日`: year 2020, then month + day from `31`; a two-digit month 31 cannot be, so 3月1日
  { input: '202031日', expect: { text: '202031日', end: '2020-03-01', precision: 'day', damaged: true } },
  { input: '20203月底前', expect: { text: '20203月底前', end: '2020-03-31', precision: 'month', damaged: true } },
  { input: '(20152020年)', expect: { text: '20152020年', start: '2015-01-01', end: '2020-12-31', precision: 'year', damaged: true } },
  {
    input: '202031日—320日',
    expect: { text: '202031日—320日', start: '2020-03-01', end: '2020-03-20', precision: 'day', damaged: true },
  },
  {
    input: '2020321430日',
    expect: { text: '2020321430日', start: '2020-03-21', end: '2020-04-30', precision: 'day', damaged: true },
  },
  {
    input: '202051731日',
    expect: { text: '202051731日', start: '2020-05-01', end: '2020-07-31', precision: 'day', damaged: true },
  },
  // yearless `128日`: two-digit month first, so 12月8日 (not 1月28日)
  { input: '于128日之前', expect: { text: '128日之前', end: '2020-12-08', precision: 'day', yearInferred: true, damaged: true } },
  { input: '于35日之前', ctx: Y2021, expect: { text: '35日之前', end: '2021-03-05', precision: 'day', yearInferred: true, damaged: true } },
  // a clean YYYYMMDD is read but is not damage
  { input: '20211231', expect: { text: '20211231', end: '2021-12-31', precision: 'day' } },
  // invalid dates
  { input: '2月30日', expect: { text: '2月30日', end: null, precision: 'day', yearInferred: true, invalid: '2月没有30日' } },
  { input: '13月', expect: { text: '13月', end: null, precision: 'month', yearInferred: true, invalid: '没有13月' } },
  { input: '4月31日前', expect: { text: '4月31日前', end: null, precision: 'day', yearInferred: true, invalid: '4月没有31日' } },
  { input: '2021年2月29日', expect: { text: '2021年2月29日', end: null, precision: 'day', invalid: '2021年2月没有29日' } },
  { input: '2018—2016年', expect: { text: '2018—2016年', end: null, precision: 'year', invalid: '起始晚于结束' } },
  // no plan period: the precision stays, the end is unknown
  { input: '3月底前', ctx: NO_PERIOD, expect: { text: '3月底前', end: null, precision: 'month' } },
  { input: '年内', ctx: NO_PERIOD, expect: { text: '年内', end: null, precision: 'year' } },
  { input: '2021年6月', ctx: NO_PERIOD, expect: { text: '2021年6月', end: '2021-06-30', precision: 'month' } },
];

/** Prose mode: the deadlines expected in a sentence, as [text, end]. */
const PROSE_ROWS: { input: string; ctx?: DeadlineContext; expect: [string, string | null][] }[] = [
  { input: '清单在3月底向社会公布，县级在4月底之前完成。', expect: [['3月底', '2020-03-31'], ['4月底之前', '2020-04-30']] },
  { input: '2020年底前，各级服务平台全部开展评价。', expect: [['2020年底前', '2020-12-31']] },
  { input: '各部门2022年10月底前编制并公布清单。', expect: [['2022年10月底前', '2022-10-31']] },
  { input: '报告于8月5日以前报送市司法局。', expect: [['8月5日以前', '2020-08-05']] },
  { input: '确保年内完成清理工作。', expect: [['年内', '2020-12-31']] },
  { input: '工作方案于320日之前报送。', expect: [['320日之前', '2020-03-20']] },
  { input: '新办法将于202041日正式实施。', expect: [['202041日', '2020-04-01']] },
  { input: '各区县每年第一季度向市政府报告。', ctx: P2021_2025, expect: [['每年第一季度', '2021-03-31']] },
  { input: '[牵头单位:市司法局;完成时限:2021年6月]', expect: [['2021年6月', '2021-06-30']] },
  { input: '2021年上半年完成试点。', expect: [['2021年上半年', '2021-06-30']] },
  { input: '截至2021年底，清理完毕。', expect: [['2021年底', '2021-12-31']] },
  { input: '规范审批流程。长期坚持。', expect: [['长期坚持', null]] },
  // Work done so many times a year: a recurring deadline, its first occurrence the plan's year's end.
  { input: '各单位每年至少举办一次培训。', expect: [['每年', '2020-12-31']] },
  { input: '规范审批流程(长期坚持)', expect: [['长期坚持', null]] },
  // A period that fills a bracket of its own is when the work is done (a stage carries its period).
  { input: '全面实施阶段(2016—2018年)。', expect: [['2016—2018年', '2018-12-31']] },
  { input: '推动工作落实。持續(xù)推進。', expect: [['持續(xù)推進', null]] },
  // A period opening its clause, the work run into it, is when the work is done.
  { input: '5月1日至7月31日开展自查。', expect: [['5月1日至7月31日', '2020-07-31']] },
  // no cue: not deadlines in prose
  { input: '市人民政府\n2016年3月25日', expect: [] },
  { input: '2020313', expect: [] },
  { input: '持续推进审批制度改革。', expect: [] },
  { input: '(二)持續(xù)推進“放管服”改革', expect: [] },
  { input: '建设法治政府是一项长期、艰巨的任务。', expect: [] },
  { input: '2016年至2018年为全面实施阶段。', expect: [] },
  { input: '2021年上半年，全市新增案件较多。', expect: [] },
  { input: '9月中旬召开会议。', expect: [] },
  // a quantity per year sets no time (work done so many times a year does: below)
  { input: '各单位每年新增培训500人次。', expect: [] },
  // targets: `到` and a date with no `前` after it states a goal (到2025年，基本建成…), not a time bound
  { input: '力争到2025年基本建成法治政府。', expect: [] },
  // starting points, not deadlines
  { input: '在2019年的基础上继续推进。', expect: [] },
  { input: '自2014年起，出庭率逐年提高。', expect: [] },
  { input: '2016年以来，共清理文件30件。', expect: [] },
  { input: '于2020年3月底后启动。', expect: [] },
  // look-alikes
  { input: '2021年内蒙古自治区将开展督察。', expect: [] },
  { input: '印发《2020年度工作要点》的通知', expect: [] },
  { input: '发布时间:2022-01-21 08:00', expect: [] },
];

/** Texts with numbers that are not dates: nothing in either mode. */
const NOT_DATES = [
  '2次',
  '3.5%',
  '第3条',
  '3年内',
  '一年内',
  '半年内',
  '5个月内',
  '30日内',
  '15个工作日内',
  '自收到之日起120日内',
  '120日',
  '每2年申报一次',
  '统一月度报表',
  '238607户',
  '63120170001',
  '11150500MB1901732U/2024-02759',
  '〔2015〕3号',
  '0475-2020313',
  '12345年',
  '第十二条',
  '一是建立制度',
  '05.12.2017',
  '',
];

function only(found: FoundDeadline[], input: string): FoundDeadline {
  assert.equal(found.length, 1, `one deadline in ${JSON.stringify(input)}, got ${JSON.stringify(found.map((f) => f.value.text))}`);
  return found[0] as FoundDeadline;
}

describe('deadline', () => {
  describe('findDeadlines, field mode', () => {
    for (const row of FIELD_ROWS) {
      it(`${row.input} → ${row.expect.end ?? row.expect.invalid ?? 'no end'}`, () => {
        const f = only(findDeadlines(row.input, row.ctx ?? Y2020, 'field'), row.input);
        assert.deepEqual(f.value, value(row.expect));
        assert.equal(row.input.slice(f.start, f.end), f.value.text);
      });
    }
  });

  describe('findDeadlines, prose mode', () => {
    for (const row of PROSE_ROWS) {
      it(`${JSON.stringify(row.input)} → ${row.expect.length}`, () => {
        const found = findDeadlines(row.input, row.ctx ?? Y2020, 'prose');
        assert.deepEqual(
          found.map((f) => [f.value.text, f.value.end]),
          row.expect,
        );
        for (const f of found) assert.equal(row.input.slice(f.start, f.end), f.value.text);
      });
    }

    it('finds the same value in prose as in a field', () => {
      const [f] = findDeadlines('于2021年12月底前完成。', Y2020, 'prose');
      assert.deepEqual(f?.value, parseDeadline('2021年12月底前', Y2020));
    });

    it('marks damage and inference in prose too', () => {
      const [f] = findDeadlines('各单位于128日之前报送。', Y2021, 'prose');
      assert.deepEqual(f?.value, value({ text: '128日之前', end: '2021-12-08', precision: 'day', yearInferred: true, damaged: true }));
    });
  });

  describe('not dates', () => {
    for (const input of NOT_DATES) {
      it(`${JSON.stringify(input)} → nothing`, () => {
        assert.deepEqual(findDeadlines(input, Y2020, 'field'), []);
        assert.deepEqual(findDeadlines(input, Y2020, 'prose'), []);
      });
    }
  });

  describe('parseDeadline', () => {
    const cases: [string, string | null | 'ongoing'][] = [
      ['2021年12月底前', '2021-12-31'],
      ['  2021年12月底前完成。', '2021-12-31'],
      ['完成时限：2021年6月', '2021-06-30'],
      ['于3月20日之前', '2020-03-20'],
      ['2016—2018年', '2018-12-31'],
      ['长期坚持', 'ongoing'],
      ['2021年6月底前完成初稿，2021年12月底前印发', null],
      ['2021年底前建成平台', null],
      ['市司法局', null],
      ['', null],
    ];
    for (const [input, want] of cases) {
      it(`${JSON.stringify(input)} → ${want}`, () => {
        const v = parseDeadline(input, Y2020);
        if (want === null) assert.equal(v, null);
        else if (want === 'ongoing') assert.equal(v?.ongoing, true);
        else assert.equal(v?.end, want);
      });
    }
  });

  describe('findPlanPeriod', () => {
    const cases: [string, { start: number; end: number } | null][] = [
      ['通辽市2020年度法治政府建设工作实施方案', { start: 2020, end: 2020 }],
      ['青海省法治政府建设实施方案(2021—2025年)', { start: 2021, end: 2025 }],
      ['湖北省法治政府建设实施方案（2016-2020年）', { start: 2016, end: 2020 }],
      ['巴中市人民政府全面推进依法行政工作2008年度安排', { start: 2008, end: 2008 }],
      ['法治政府建设实施纲要（20152020年）', { start: 2015, end: 2020 }],
      ['二〇二〇年度工作要点', { start: 2020, end: 2020 }],
      ['２０２２年法治政府建设工作要点', { start: 2022, end: 2022 }],
      ['某市法治政府建设规划（2021-2025）', { start: 2021, end: 2025 }],
      ['2021年度重点任务（2021—2023年）', { start: 2021, end: 2023 }],
      ['关于深入推进依法行政加快建设法治政府的实施方案', null],
      ['2020年3月13日', null],
      ['2018—2016年工作', null],
      ['', null],
      // Five-year plans by number, read only when no year is written.
      ['某市“十四五”法治政府建设实施方案', { start: 2021, end: 2025 }],
      ['某省十三五时期依法行政规划', { start: 2016, end: 2020 }],
      ['“十五”计划纲要', { start: 2001, end: 2005 }],
      ['“十四五”时期2022年工作要点', { start: 2022, end: 2022 }],
      ['第十五条', null],
      ['二十五项重点任务', null],
      // A year that names the matter the plan deals with (a review and what it found, a meeting's spirit) is no period.
      ['关于落实2024年审计发现问题整改的工作方案', null],
      ['溪川县2023年度经济责任审计查出问题整改方案', null],
      ['2023年度民主生活会查摆问题整改方案', null],
      ['关于贯彻落实2024年全县经济工作会议精神的实施方案', null],
      ['审计查出问题整改方案（2024—2026年）', { start: 2024, end: 2026 }],
      ['溪川县2025年优化营商环境工作方案', { start: 2025, end: 2025 }],
      ['溪川县2025年审计工作方案', { start: 2025, end: 2025 }],
      ['关于开展2025年度安全生产大检查的工作方案', { start: 2025, end: 2025 }],
    ];
    for (const [input, want] of cases) {
      it(`${JSON.stringify(input)} → ${JSON.stringify(want)}`, () => {
        assert.deepEqual(findPlanPeriod(input), want);
      });
    }
  });

  describe('robustness', function () {
    this.timeout(120_000); // the 1 MB inputs on a slow machine; nothing here measures time
    it('never throws on wrong inputs', () => {
      const bad = [undefined, null, 42, {}, []] as unknown as string[];
      for (const x of bad) {
        assert.deepEqual(findDeadlines(x, Y2020, 'prose'), []);
        assert.equal(parseDeadline(x, Y2020), null);
        assert.equal(findPlanPeriod(x), null);
      }
      assert.deepEqual(findDeadlines('3月底前', null as unknown as DeadlineContext, 'field')[0]?.value.end, null);
      assert.deepEqual(findDeadlines('3月底前', { period: { start: NaN, end: NaN } }, 'field')[0]?.value.end, null);
    });

    it('keeps its invariants on random text', () => {
      const alphabet = [...'0123456789２０年月日底前内之以完成于在到至—-~、，。()（）上下半季度第一二三四十〇每长期坚持续推进旬中号Q.'];
      let seed = 12345;
      const rand = (n: number): number => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % n;
      };
      for (let k = 0; k < 2000; k++) {
        let text = '';
        const len = rand(30);
        for (let j = 0; j < len; j++) text += alphabet[rand(alphabet.length)];
        for (const mode of ['field', 'prose'] as const) {
          let last = 0;
          for (const f of findDeadlines(text, Y2020, mode)) {
            assert.ok(f.start >= last && f.end > f.start, `ordered spans in ${text}`);
            assert.equal(text.slice(f.start, f.end), f.value.text);
            assert.ok(f.value.end === null || /^\d{4}-\d{2}-\d{2}$/.test(f.value.end), `ISO end in ${text}`);
            assert.ok(f.value.start === null || (f.value.end !== null && f.value.start <= f.value.end), `start ≤ end in ${text}`);
            last = f.end;
          }
        }
        parseDeadline(text, Y2020);
        findPlanPeriod(text);
      }
    });

    const MB = 1 << 20;
    const big = (unit: string): string => unit.repeat(Math.ceil(MB / unit.length));

    it('completes on 1 MB of digits', () => {
      const text = big('7');
      assert.deepEqual(findDeadlines(text, Y2020, 'field'), []);
      assert.deepEqual(findDeadlines(text, Y2020, 'prose'), []);
      assert.equal(parseDeadline(text, Y2020), null);
      assert.equal(findPlanPeriod(text), null);
    });

    it('completes on 1 MB of 年', () => {
      const text = big('年');
      assert.deepEqual(findDeadlines(text, Y2020, 'field'), []);
      assert.deepEqual(findDeadlines(text, Y2020, 'prose'), []);
      assert.equal(parseDeadline(text, Y2020), null);
      assert.equal(findPlanPeriod(text), null);
    });

    it('completes on 1 MB of 月底前', () => {
      const text = big('月底前');
      assert.deepEqual(findDeadlines(text, Y2020, 'field'), []);
      assert.deepEqual(findDeadlines(text, Y2020, 'prose'), []);
      assert.equal(parseDeadline(text, Y2020), null);
    });

    it('completes on 1 MB of repeated deadlines and finds each', () => {
      const unit = '于3月底前完成，';
      const text = big(unit);
      const found = findDeadlines(text, Y2020, 'prose');
      assert.equal(found.length, text.length / unit.length);
      assert.ok(found.every((f) => f.value.end === '2020-03-31'));
    });

    it('completes on 1 MB of near-misses', () => {
      for (const unit of ['一', '2016—', '1—', '持续(', '(xù', '2020年3月—', '长期']) {
        const found = findDeadlines(big(unit), Y2020, 'prose');
        assert.ok(Array.isArray(found));
        findPlanPeriod(big(unit));
      }
    });
  });
});
