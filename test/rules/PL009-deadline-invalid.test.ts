// PL009 deadline-invalid: rewrites of damaged dates, what counts as outside the period, one finding per deadline, odd models.
import assert from 'node:assert/strict';
import { defaultSettings } from '../../server/src/lint/engine.js';
import { applyFixes } from '../../server/src/lint/fixes.js';
import type { Report } from '../../server/src/lint/rule.js';
import { parsePlan } from '../../server/src/model/plan.js';
import type { PlanDocument } from '../../server/src/model/types.js';
import { reasonInEnglish, rule } from '../../server/src/rules/PL009-deadline-invalid.js';
import { lint } from '../helpers/lint.js';

/** A plan of the given year with one bracket task per deadline. */
function planOf(deadlines: string[], title = '青岚市2022年度法治政府建设工作要点'): string {
  const tasks = deadlines.map((d, i) => `（${'一二三四五六七八九十'[i]}）推进第${i + 1}项工作。[牵头单位:市司法局;完成时限:${d}]`);
  return [title, '', '一、主要任务', '', ...tasks].join('\n') + '\n';
}

/** `written → message` for each PL009 finding. */
function findings(text: string, locale?: 'en'): string[] {
  return lint(text, { ruleId: 'PL009', ...(locale ? { locale } : {}) }).map((d) => `${text.slice(d.span.start, d.span.end)} → ${d.message}`);
}

function check(plan: PlanDocument): Report[] {
  const reports: Report[] = [];
  rule.check({ plan, settings: defaultSettings(), options: {}, report: (r) => reports.push(r) });
  return reports;
}

describe('PL009 deadline-invalid', () => {
  describe('damaged dates', () => {
    it('suggests a rewrite that replaces exactly the damaged text and reads as the same date', () => {
      const text = planOf(['2022315', '202231日前', '2022321430日', '20226月底前']);
      const diagnostics = lint(text, { ruleId: 'PL009' });
      assert.equal(diagnostics.length, 4);
      const replaced = diagnostics.map((d) => {
        assert.equal(d.fix, undefined, 'a rewrite is never a safe fix');
        const edits = d.suggestions?.[0]?.edits ?? [];
        assert.equal(edits.length, 1);
        return `${text.slice(edits[0]!.span.start, edits[0]!.span.end)} → ${edits[0]!.newText}`;
      });
      assert.deepEqual(replaced, [
        '2022315 → 2022年3月15日',
        '202231日 → 2022年3月1日',
        '2022321430日 → 2022年3月21日—4月30日',
        '20226 → 2022年6',
      ]);
      const rewritten = applyFixes(text, diagnostics.flatMap((d) => d.suggestions ?? [])).text;
      assert.ok(rewritten.includes('完成时限:2022年3月1日前]'), 'the trailing 前 stays');
      assert.deepEqual(findings(rewritten), [], 'the rewritten plan has no PL009 finding');
    });

    it('names both readings of an ambiguous run and suggests neither', () => {
      const [d] = lint(planOf(['2022111']), { ruleId: 'PL009' });
      assert.match(d!.message, /“2022年11月1日”或“2022年1月11日”/);
      assert.equal(d!.suggestions, undefined);
    });

    it('keeps full-width digits full-width', () => {
      const [d] = lint(planOf(['２０２２３１３']), { ruleId: 'PL009' });
      assert.equal(d!.suggestions?.[0]?.edits[0]?.newText, '２０２２年３月１３日');
    });

    it('rewrites a yearless damaged date without inventing a year', () => {
      const text = planOf(['2022年3月1日—315日']);
      const [d] = lint(text, { ruleId: 'PL009' });
      const edit = d!.suggestions![0]!.edits[0]!;
      assert.equal(`${text.slice(edit.span.start, edit.span.end)} → ${edit.newText}`, '315日 → 3月15日');
    });

    it('leaves a clean eight-digit date alone', () => {
      assert.deepEqual(findings(planOf(['20220630'])), []);
    });
  });

  describe('the plan period', () => {
    it('never counts recurring or ongoing deadlines, nor a range that ends inside the period', () => {
      assert.deepEqual(findings(planOf(['每年第一季度', '每半年', '长期坚持', '持续推进', '2020—2022年'])), []);
    });

    it('never counts a recurring deadline, whatever its first occurrence', () => {
      const plan = parsePlan(planOf(['每年第一季度']));
      const recurring = plan.tasks[0]!.deadlines[0]!;
      assert.equal(recurring.recurring, true);
      recurring.end = '2030-03-31'; // as if the first occurrence fell after the plan
      assert.deepEqual(check(plan), []);
      recurring.recurring = false;
      assert.equal(check(plan).length, 1, 'the same date, not recurring, is outside');
    });

    it('flags a range that ends after the period, and a date before it', () => {
      assert.deepEqual(findings(planOf(['2022—2023年', '2021年12月31日'])), [
        '2022—2023年 → 完成时限“2022—2023年”晚于方案实施期限（2022年）',
        '2021年12月31日 → 完成时限“2021年12月31日”早于方案实施期限（2022年）',
      ]);
    });

    it('accepts the first and the last day of a multi-year period', () => {
      assert.deepEqual(findings(planOf(['2021年1月1日', '2025年12月31日'], '云溪市法治政府建设实施方案（2021—2025年）')), []);
    });

    it('checks nothing against a period when the plan has none', () => {
      assert.deepEqual(findings(planOf(['2035年底前'], '青岚市法治政府建设工作要点')), []);
    });

    it('reports a heading deadline once, though every task under it inherits it', () => {
      const text = '青岚市2022年度工作要点\n\n一、主要任务[完成时限:2023年6月底前]\n\n（一）推进甲项工作。[牵头单位:市司法局]\n（二）推进乙项工作。[牵头单位:市财政局]\n';
      assert.equal(findings(text).length, 1);
    });
  });

  describe('messages', () => {
    it('speaks English when asked, with the reason translated', () => {
      assert.deepEqual(findings(planOf(['2022年2月30日', '2022年13月底前', '2023年6月底前', '2022315']), 'en'), [
        '2022年2月30日 → Deadline "2022年2月30日" is not a valid date: month 2 has no day 30',
        '2022年13月底前 → Deadline "2022年13月底前" is not a valid date: there is no month 13',
        '2023年6月底前 → Deadline "2023年6月底前" falls after the plan\'s period (2022)',
        '2022315 → Date "2022315" is garbled; it probably means "2022年3月15日"',
      ]);
    });

    it('translates every reason the model gives', () => {
      assert.equal(reasonInEnglish('2023年2月没有29日'), 'February 2023 has no 29th day');
      assert.equal(reasonInEnglish('起始晚于结束'), 'the range starts after it ends');
      assert.equal(reasonInEnglish('没有0月'), 'there is no month 0');
    });
  });

  describe('plans without findings', () => {
    it('finds nothing in an empty plan', () => {
      assert.deepEqual(check(parsePlan('')), []);
    });
  });
});
