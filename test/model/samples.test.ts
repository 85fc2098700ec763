// The facts samples/README.md states about each sample, checked against the model (README line numbers are 1-based).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlan } from '../../server/src/model/plan.js';
import type { PlanDocument, Task } from '../../server/src/model/types.js';
import { SAMPLES } from '../helpers/paths.js';
import { assertRangesAgree, names } from './helpers.js';

const read = (name: string): PlanDocument => parsePlan(readFileSync(join(SAMPLES, name), 'utf8'));
/** 1-based line of a task's start, as the README counts. */
const lineOf = (t: Task) => t.range.start.line + 1;
const lines = (plan: PlanDocument) => plan.tasks.map(lineOf);
/** The task starting on README line `line`. */
const on = (plan: PlanDocument, line: number): Task => {
  const found = plan.tasks.filter((t) => lineOf(t) === line);
  assert.equal(found.length, 1, `one task on line ${line}`);
  return found[0]!;
};
const withoutLead = (plan: PlanDocument) => plan.tasks.filter((t) => t.lead.length === 0).map(lineOf);
const withoutDeadline = (plan: PlanDocument) => plan.tasks.filter((t) => t.deadline === null).map(lineOf);

describe('samples (facts from samples/README.md)', () => {
  describe('clean.plan.md', () => {
    const plan = read('clean.plan.md');
    it('9 tasks, （一）–（三） restarting under 三、四、五', () => {
      assert.equal(plan.title, '江宁市2025年度法治政府建设工作要点');
      assert.deepEqual(plan.period, { start: 2025, end: 2025, source: 'title' });
      assert.deepEqual(lines(plan), [27, 29, 31, 35, 37, 39, 43, 45, 47]);
      assert.deepEqual(plan.tasks.map((t) => t.number), ['（一）', '（二）', '（三）', '（一）', '（二）', '（三）', '（一）', '（二）', '（三）']);
      assert.equal(plan.numbering, 'per-parent');
      assert.deepEqual(plan.sections.map((s) => s.range.start.line + 1), [13, 17, 25, 33, 41, 49]);
    });
    it('every task has a lead, responsible units and a deadline; 工作目标 and 保障措施 items are not tasks', () => {
      assert.ok(plan.tasks.every((t) => t.lead.length > 0 && t.responsible.length > 0 && t.deadline !== null && !t.inherited.lead));
      const nonTask = plan.allSections.filter((s) => s.nonTask).map((s) => s.range.start.line + 1);
      assert.deepEqual(nonTask, [13, 17, 19, 21, 23, 49, 51, 53, 55]);
      // `负责人` (23, 51) and `公众参与` (35) are not attributions: every unit stands in a task's bracket.
      assert.equal(plan.unnumbered.length, 0);
      assert.deepEqual([...new Set(plan.units.map((u) => u.range.start.line + 1))], [27, 29, 31, 35, 37, 39, 43, 45, 47]);
      assert.deepEqual(names(on(plan, 35).responsible), ['市司法局', '市直各部门']);
      assertRangesAgree(plan);
    });
  });

  describe('bracket-style.plan', () => {
    const plan = read('bracket-style.plan');
    it('15 tasks numbered continuously 3–17 through six chapters; 1–2 under 总体要求 are not tasks', () => {
      assert.equal(plan.title, '青岚市法治政府建设实施方案(2017—2019年)');
      assert.deepEqual(plan.period, { start: 2017, end: 2019, source: 'title' });
      assert.deepEqual(lines(plan), [24, 26, 28, 32, 34, 36, 40, 42, 44, 46, 50, 52, 54, 58, 60]);
      assert.deepEqual(plan.tasks.map((t) => t.numberValue), [3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 14, 15, 16, 17]);
      assert.equal(on(plan, 44).number, '12、');
      assert.equal(plan.numbering, 'continuous');
      assert.deepEqual(plan.allSections.filter((s) => s.nonTask && s.marker.level === 3).map((s) => s.range.start.line + 1), [18, 20]);
    });
    it('13. (only 责任单位) and the second 14. (empty 牵头单位) have no lead; 15. has no deadline', () => {
      assert.deepEqual(withoutLead(plan), [46, 52]);
      assert.deepEqual(withoutDeadline(plan), [54]);
      const empty = on(plan, 52).section!.attributions[0]!.problems;
      assert.deepEqual(empty.map((p) => [p.kind, p.detail]), [['empty-field', '牵头单位']]);
    });
    it('reads deadlines from the body text and 长期坚持 as ongoing', () => {
      assert.equal(on(plan, 26).deadline?.end, '2017-09-30');
      assert.equal(on(plan, 36).deadline?.end, '2018-12-31');
      assert.equal(on(plan, 46).deadline?.ongoing, true);
      assert.equal(on(plan, 24).deadline?.end, '2017-12-31');
    });
    it('keeps parentheses inside unit names', () => {
      assert.deepEqual(names(on(plan, 58).responsible), ['市委党校(行政学院)', '市直有关部门', '各区县(市)人民政府']);
      assert.deepEqual(names(on(plan, 42).lead), ['市法制办']);
      const keys = new Set(plan.units.map((u) => u.key));
      assert.ok(keys.has('市政府法制办') && keys.has('市法制办') && keys.has('各区县(市)人民政府'));
      assertRangesAgree(plan);
    });
  });

  describe('sentence-style.plan.txt', () => {
    const plan = read('sentence-style.plan.txt');
    it('8 tasks, 一、 → (一) → 1、 restarting under each parent; year 2009', () => {
      assert.equal(plan.title, '云溪市人民政府2009年度推进依法行政工作安排');
      assert.deepEqual(plan.period, { start: 2009, end: 2009, source: 'title' });
      assert.deepEqual(lines(plan), [27, 29, 31, 35, 37, 39, 45, 47]);
      assert.deepEqual(plan.tasks.map((t) => t.number), ['1、', '2、', '3、', '1、', '2、', '3、', '1、', '2、']);
      assert.equal(plan.numbering, 'per-parent');
    });
    it('leads and responsible units as the README lists them', () => {
      const expected: [number, string[], string[]][] = [
        [27, ['市政府办公室'], ['监察', '财政', '审计']],
        [29, ['市编委办'], ['市级相关部门']],
        [31, ['市政务服务中心'], []],
        [35, ['市政府法制办'], ['市级各执法部门']],
        [37, [], []],
        [39, ['市政府法制办'], ['市级各执法部门']],
        [45, ['市政府法制办'], ['财政', '人事']],
        [47, ['各县(区)人民政府', '财政', '人事'], ['市级各部门']],
      ];
      for (const [line, lead, responsible] of expected) {
        assert.deepEqual([names(on(plan, line).lead), names(on(plan, line).responsible)], [lead, responsible], `line ${line}`);
      }
    });
    it('line 41 is an unnumbered attribution (PL003), and deadlines take the year 2009', () => {
      assert.deepEqual(plan.unnumbered.map((u) => [u.range.start.line + 1, names(u.attribution.lead)]), [[41, ['市政府法制办']]]);
      assert.deepEqual([29, 35, 47].map((l) => [on(plan, l).deadline?.end, on(plan, l).deadline?.yearInferred]), [
        ['2009-06-30', true],
        ['2009-12-31', true],
        ['2009-07-31', true],
      ]);
      assert.deepEqual(withoutDeadline(plan), [27, 31, 37, 39, 45]);
      assert.ok(plan.tasks.every((t) => lineOf(t) < 49), '四、工作要求 (49–51) holds no task');
      assertRangesAgree(plan);
    });
  });

  describe('paren-style.plan.txt', () => {
    const plan = read('paren-style.plan.txt');
    it('13 tasks, (一)–(十二) continuous; (三) is a heading whose 1. and 2. inherit its attribution', () => {
      assert.deepEqual(plan.period, { start: 2021, end: 2021, source: 'title' });
      assert.deepEqual(lines(plan), [11, 13, 17, 19, 23, 25, 27, 31, 33, 35, 39, 41, 43]);
      assert.equal(plan.numbering, 'continuous');
      assert.deepEqual([on(plan, 41).number, on(plan, 41).numberValue, on(plan, 43).number, on(plan, 43).numberValue], ['(十一)', 11, '(十二)', 12]);
      assert.equal(on(plan, 33).number, '（八）');
      assert.deepEqual(withoutLead(plan), []);
      assert.deepEqual([on(plan, 17).inherited.lead, on(plan, 19).inherited.lead], [true, true]);
      assert.deepEqual(names(on(plan, 17).lead), ['市政务服务局']);
      assert.deepEqual(names(on(plan, 11).responsible), ['市级各有关部门', '各县市区政府']);
      assert.deepEqual(names(on(plan, 13).responsible), ['市市场监管局', '市司法局']);
    });
    it('one deadline per task, as the README lists them', () => {
      const expected: [number, string | null, string | null, Partial<{ ongoing: boolean; recurring: boolean }>][] = [
        [11, '2021-06-30', 'half', {}],
        [13, '2021-03-31', 'quarter', {}],
        [17, null, null, { ongoing: true }],
        [19, '2021-03-20', 'day', {}],
        [23, '2023-12-31', 'year', {}],
        [25, '2021-12-31', 'month', {}],
        [27, '2021-03-31', 'quarter', { recurring: true }],
        [31, null, null, { ongoing: true }],
        [33, '2021-07-31', 'month', {}],
        [35, '2021-12-31', 'year', {}],
        [39, '2021-09-30', 'month', {}],
        [41, '2021-12-31', 'year', {}],
      ];
      for (const [line, end, precision, flags] of expected) {
        const d = on(plan, line).deadline;
        assert.ok(d !== null, `line ${line} has a deadline`);
        assert.deepEqual([d.end, d.precision], [end, precision], `line ${line}`);
        if (flags.ongoing) assert.equal(d.ongoing, true);
        if (flags.recurring) assert.equal(d.recurring, true);
      }
      assert.equal(on(plan, 23).deadline?.start, '2021-01-01');
      // `公众参与` (27) and `负责人` (43, 47) are not attributions.
      assert.deepEqual([...new Set(plan.units.map((u) => u.range.start.line + 1))], [11, 13, 15, 23, 25, 27, 31, 33, 35, 39, 41, 43]);
      assert.deepEqual(names(on(plan, 27).responsible), ['市级各有关部门', '各县市区政府']);
      assertRangesAgree(plan);
    });
    it('line 43 has no deadline: `2021年第三季度开展…` dates one activity in prose, with no deadline cue', () => {
      assert.deepEqual(withoutDeadline(plan), [43]);
    });
  });

  describe('table-markdown.plan.md', () => {
    const plan = read('table-markdown.plan.md');
    it('10 table rows on lines 21–30; the body has no numbered tasks', () => {
      assert.deepEqual(plan.period, { start: 2024, end: 2024, source: 'title' });
      assert.equal(plan.tables[0]?.form, 'markdown');
      assert.deepEqual(lines(plan), [21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
      assert.ok(plan.tasks.every((t) => t.source === 'table'));
      assert.deepEqual(plan.tasks.map((t) => t.numberValue), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });
    it('row 6 has no lead, row 8 an impossible date, row 9 is ongoing', () => {
      assert.deepEqual(withoutLead(plan), [26]);
      const row8 = on(plan, 28).deadline!;
      assert.equal(row8.end, null);
      assert.ok(row8.invalid);
      assert.equal(on(plan, 29).deadline?.ongoing, true);
      assert.ok(!plan.units.some((u) => u.name.includes('各牵头单位')), '各牵头单位 in prose is not an attribution');
      assertRangesAgree(plan);
    });
  });

  describe('table-tsv.plan.txt', () => {
    const plan = read('table-tsv.plan.txt');
    it('9 table rows on lines 20–28: row 4 no deadline, row 7 impossible, row 9 ongoing', () => {
      assert.deepEqual(plan.period, { start: 2023, end: 2023, source: 'title' });
      assert.equal(plan.tables[0]?.form, 'tsv');
      assert.deepEqual(lines(plan), [20, 21, 22, 23, 24, 25, 26, 27, 28]);
      assert.deepEqual(withoutDeadline(plan), [23]);
      assert.ok(on(plan, 26).deadline?.invalid);
      assert.equal(on(plan, 28).deadline?.ongoing, true);
      assert.deepEqual(withoutLead(plan), []);
      assertRangesAgree(plan);
    });
  });

  describe('table-flat.plan.txt', () => {
    const text = readFileSync(join(SAMPLES, 'table-flat.plan.txt'), 'utf8');
    const plan = parsePlan(text);
    it('8 rows opened on lines 51 63 74 86 96 108 120 130, every one with a lead', () => {
      assert.equal(plan.title, '岚溪市2021年度法治政府建设重点任务');
      assert.deepEqual(plan.period, { start: 2021, end: 2021, source: 'title' });
      const table = plan.tables[0]!;
      assert.equal(table.form, 'flat');
      assert.deepEqual(table.header, ['序号', '重点工作任务', '牵头单位', '责任单位', '完成时限']);
      assert.equal(table.range.start.line + 1, 41);
      assert.deepEqual(lines(plan), [51, 63, 74, 86, 96, 108, 120, 130]);
      assert.deepEqual(withoutLead(plan), []);
    });
    it('the noise lines hold only \\u00a0 (line 39 two), and are skipped', () => {
      const all = text.split('\n');
      for (const n of [11, 29, 35, 57, 84, 102, 140, 142]) assert.equal(all[n - 1], '\u00a0', `line ${n}`);
      assert.equal(all[38], '\u00a0\u00a0');
    });
    it('continues a responsible cell after a trailing 、 (rows 2 and 6), reads the damaged date of row 5', () => {
      const row2 = on(plan, 63);
      assert.deepEqual(names(row2.responsible), ['市发展改革委', '市财政局', '各区县人民政府']);
      assert.deepEqual(row2.responsible.map((u) => u.range.start.line + 1), [69, 69, 70]);
      const row6 = on(plan, 108);
      assert.deepEqual(names(row6.responsible), ['市人民检察院', '市司法局', '市直各行政执法部门']);
      assert.deepEqual(row6.responsible.map((u) => u.range.start.line + 1), [114, 114, 116]);
      const row5 = on(plan, 96).deadline!;
      assert.deepEqual([row5.end, row5.damaged, row5.range.start.line + 1], ['2021-06-15', true, 106]);
      assert.equal(on(plan, 130).deadline?.ongoing, true);
      assert.equal(on(plan, 130).deadline?.range.start.line, 137);
      assertRangesAgree(plan);
    });
  });

  describe('traditional.plan.txt', () => {
    const plan = read('traditional.plan.txt');
    it('8 tasks (一)–(八) continuous, each with a lead and a deadline; 組織保障 is no task section', () => {
      assert.deepEqual(plan.period, { start: 2022, end: 2025, source: 'title' });
      assert.deepEqual(lines(plan), [15, 17, 19, 23, 25, 29, 31, 33]);
      assert.equal(plan.numbering, 'continuous');
      assert.deepEqual(withoutLead(plan), []);
      assert.deepEqual(withoutDeadline(plan), []);
      assert.equal(on(plan, 17).deadline?.end, '2022-12-31');
      assert.equal(on(plan, 25).deadline?.end, '2023-06-30');
      assert.deepEqual([on(plan, 31).deadline?.ongoing, on(plan, 33).deadline?.ongoing], [true, true]);
      assert.ok(plan.allSections.some((s) => s.nonTask && s.range.start.line + 1 === 35));
    });
    it('never takes scraping pinyin for a marker or a unit', () => {
      assert.ok(plan.units.length > 0);
      for (const u of plan.units) assert.doesNotMatch(u.name, /[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/, u.name);
      assert.ok(plan.allSections.every((s) => /^[(（一二三四五六七八九十]/.test(s.marker.text)));
      assert.ok(plan.tasks.every((t) => !/\(/.test(t.title) || !/[a-z]/.test(t.title)));
      assertRangesAgree(plan);
    });
  });

  describe('one-line.plan.txt', () => {
    const text = readFileSync(join(SAMPLES, 'one-line.plan.txt'), 'utf8');
    const plan = parsePlan(text);
    it('has no line break, and its markers sit at the offsets the README gives', () => {
      assert.equal(/[\r\n]/.test(text), false);
      assert.deepEqual(plan.allSections.map((s) => [s.marker.text, s.marker.span.start]), [
        ['一、', 209], ['二、', 285], ['(一)', 309], ['1、', 342], ['2、', 449], ['3、', 555], ['(二)', 626],
        ['1、', 658], ['2、', 751], ['(三)', 837], ['1、', 872], ['2、', 933], ['三、', 1021],
      ]);
      assert.ok(plan.allSections.every((s) => s.marker.range.start.line === 0 && s.marker.range.start.character === s.marker.span.start));
    });
    it('7 tasks, every one with a lead; decoys are text', () => {
      assert.equal(plan.title, '青石县2011年度依法行政工作安排');
      assert.deepEqual(plan.tasks.map((t) => t.span.start), [342, 449, 555, 658, 751, 872, 933]);
      assert.deepEqual(withoutLead(plan), []);
      assert.deepEqual(names(plan.tasks[4]!.lead), ['县监察局', '县政府法制办']);
      assert.deepEqual(names(plan.tasks[5]!.lead), ['县政府法制办']);
      for (const [decoy, offset] of [['第3条', 376], ['2次', 475], ['1、2月', 674], ['3.5%', 798]] as const) {
        assert.equal(text.indexOf(decoy), offset, decoy);
        assert.ok(!plan.allSections.some((s) => s.marker.span.start >= offset && s.marker.span.start < offset + decoy.length), decoy);
      }
    });
    it('deadlines at 503, 592, 971 (year 2011); none for 342 658 751 872; 于12月15日前 is no task’s', () => {
      const expected: [number, string, number, string][] = [
        [449, '于6月底前', 503, '2011-06-30'],
        [555, '年内', 592, '2011-12-31'],
        [933, '于9月底前', 971, '2011-09-30'],
      ];
      for (const [start, written, offset, end] of expected) {
        const t = plan.tasks.find((x) => x.span.start === start)!;
        assert.equal(text.indexOf(written, start), offset);
        const d = t.deadline!;
        assert.equal(d.end, end);
        assert.ok(d.span.start >= offset && d.span.end <= offset + written.length, `${written} at ${offset}: ${d.span.start}-${d.span.end}`);
      }
      assert.deepEqual(plan.tasks.filter((t) => t.deadline === null).map((t) => t.span.start), [342, 658, 751, 872]);
      assert.equal(text.indexOf('于12月15日前'), 1082);
      assert.ok(plan.tasks.every((t) => t.span.end <= 1021));
      assertRangesAgree(plan);
    });
  });

  describe('inline.plan.txt', () => {
    const plan = read('inline.plan.txt');
    it('12 tasks: inline items are parts of their paragraph; (1)(2)(3), （1）（2）, ①②③ are tasks', () => {
      assert.deepEqual(lines(plan), [11, 13, 15, 23, 25, 27, 31, 33, 39, 41, 43, 45]);
      assert.deepEqual(plan.tasks.map((t) => t.number), ['(一)', '(二)', '(三)', '(1)', '(2)', '(3)', '（1）', '（2）', '①', '②', '③', '2.']);
      assert.deepEqual(withoutLead(plan), []);
      assert.deepEqual(withoutDeadline(plan), []);
    });
    it('the headings at 19 21 29 35 37 are not tasks; (一) restarts under 三、', () => {
      const headings = plan.allSections.filter((s) => [19, 21, 29, 35, 37].includes(s.range.start.line + 1));
      assert.deepEqual(headings.map((s) => s.marker.text), ['(一)', '1.', '2.', '(二)', '1.']);
      assert.ok(headings.every((s) => !plan.tasks.some((t) => t.section === s)));
      assert.equal(headings[0]!.parent?.marker.text, '三、');
      assert.equal(headings[0]!.marker.value, 1);
      const inline = plan.allSections.filter((s) => s.marker.level === 6);
      assert.deepEqual(inline.map((s) => s.marker.text), ['一是', '二是', '三是', '第一,', '第二,', '第三,', '一是', '二是']);
      assert.deepEqual(on(plan, 11).deadline?.end, '2022-10-31');
      assert.deepEqual(names(on(plan, 13).lead), ['市政府办公室']);
      assertRangesAgree(plan);
    });
  });

  describe('report.txt', () => {
    const plan = read('report.txt');
    it('is a report: no tasks, but an outline', () => {
      assert.equal(plan.kind, 'report');
      assert.equal(plan.title, '望川市人民政府关于2023年度法治政府建设情况的报告');
      assert.deepEqual(plan.tasks, []);
      // `市司法局牵头组织开展了…` (13), `牵头单位和责任单位` (15), `牵头单位` (23), `参加` (19) name no unit.
      assert.deepEqual(plan.units, []);
      const at = (level: number) => plan.allSections.filter((s) => s.marker.level === level).map((s) => s.range.start.line + 1);
      assert.deepEqual(at(1), [7, 17, 21, 25]);
      assert.deepEqual(at(2), [9, 11, 13, 15]);
      assert.deepEqual([...new Set(at(6))], [9, 11, 13, 23, 27]);
    });
  });

  describe('full-width.plan.txt', () => {
    const plan = read('full-width.plan.txt');
    it('7 tasks numbered １．２． per parent, each with a lead and a deadline; 保障措施 items are not tasks', () => {
      assert.equal(plan.title, '北汀市２０２４年度依法行政工作要点');
      assert.deepEqual(plan.period, { start: 2024, end: 2024, source: 'title' });
      assert.deepEqual(lines(plan), [13, 15, 19, 21, 23, 27, 29]);
      assert.deepEqual(plan.tasks.map((t) => t.numberValue), [1, 2, 1, 2, 3, 1, 2]);
      assert.ok(plan.tasks.every((t) => t.number.endsWith('．') && t.range.start.character === 2));
      assert.deepEqual(withoutLead(plan), []);
      assert.deepEqual(withoutDeadline(plan), []);
      assert.equal(on(plan, 13).deadline?.end, '2024-03-31');
      assert.ok(plan.allSections.filter((s) => [33, 35].includes(s.range.start.line + 1)).every((s) => s.nonTask));
    });
    it('line 21: a lead unit with a no-break space at character 54; line 19: units separated by `，`', () => {
      const lead = on(plan, 21).lead[0]!;
      assert.equal(lead.name, '市数据\u00a0资源局');
      assert.equal(lead.key, '市数据资源局');
      assert.equal(lead.range.start.line, 20);
      assert.equal(lead.range.start.character + '市数据'.length, 54);
      assert.deepEqual(names(on(plan, 19).responsible), ['各行政执法部门', '各区人民政府']);
      assertRangesAgree(plan);
    });
  });
});
