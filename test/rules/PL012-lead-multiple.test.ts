// PL012 lead-multiple: what counts, the maxLeads option, and the quick fix in every attribution style (keeps the first lead, moves the others to 责任单位, drops nothing, settles the finding).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { PlanlintConfig } from '../../server/src/config/config.js';
import { applyFixes } from '../../server/src/lint/fixes.js';
import type { Fix } from '../../server/src/lint/types.js';
import { parsePlan } from '../../server/src/model/plan.js';
import { lint } from '../helpers/lint.js';

const ID = 'PL012';

/** A plan whose tasks are the given lines, numbered `1.` `2.`…. */
function planOf(...lines: string[]): string {
  return ['临川市2025年营商环境优化工作要点', '', '一、重点任务', '', ...lines.map((l, i) => `${i + 1}.${l}`)].join('\n') + '\n';
}

function fixesOf(text: string, config?: PlanlintConfig): Fix[] {
  return lint(text, { ruleId: ID, ...(config ? { config } : {}) }).flatMap((d) => d.suggestions ?? []);
}

/** The text after the first PL012 fix (the only one each finding offers), or null when none is offered. */
function fixed(text: string, config?: PlanlintConfig): string | null {
  const [fix] = fixesOf(text, config);
  return fix ? applyFixes(text, [fix]).text : null;
}

/** The one task line of a one-task plan after its fix (with the lines under it). */
function fixedTask(line: string, config?: PlanlintConfig): string | null {
  const after = fixed(planOf(line), config);
  return after === null ? null : after.slice(after.indexOf('1.'), -1);
}

/** The characters of a text as a multiset, field names, separators and spaces aside (what a move may add or take). */
function units(text: string): string {
  return [...text.replace(/牵头单位|责任单位|責任單位|按职责分工负责|[、，,；;：:\s]/g, '')].sort().join('');
}

describe('PL012 lead-multiple', () => {
  it('reports a task that names two lead units, as information, on the lead units', () => {
    const text = planOf('推行企业开办“一网通办”。[牵头单位:市市场监管局、市政务服务中心;完成时限:2025年6月底前]');
    const [d, ...rest] = lint(text, { ruleId: ID });
    assert.equal(rest.length, 0);
    assert.equal(d!.severity, 'info');
    assert.equal(text.slice(d!.span.start, d!.span.end), '市市场监管局、市政务服务中心');
    assert.equal(d!.message, '任务“1.推行企业开办“一网通办””有2个牵头单位（市市场监管局、市政务服务中心），每项任务宜由一个单位牵头');
    assert.equal(lint(text, { ruleId: ID, locale: 'en' })[0]!.message, 'Task "1.推行企业开办“一网通办”" names 2 lead units (市市场监管局、市政务服务中心); one unit should lead each task');
  });

  it('counts a unit written twice once, and leaves inherited leads alone', () => {
    const twice = planOf('推行企业开办。[牵头单位:市市场监管局、市市场监管局;完成时限:2025年6月底前]');
    assert.deepEqual(lint(twice, { ruleId: ID }), []);
    const inherited = ['临川市2025年营商环境优化工作要点', '', '一、重点任务', '', '（一）压缩企业开办时间[牵头单位:市市场监管局、市政务服务中心]', '1.推行企业开办。[完成时限:2025年6月底前]', ''].join('\n');
    assert.equal(parsePlan(inherited).tasks[0]!.lead.length, 2);
    assert.deepEqual(lint(inherited, { ruleId: ID }), []);
  });

  it('maxLeads allows more lead units, and its fix keeps that many', () => {
    const config = { rules: { PL012: ['info', { maxLeads: 2 }] } } as PlanlintConfig;
    const two = planOf('推广电子执照。[牵头单位:市市场监管局、市数据局;完成时限:2025年9月底前]');
    assert.deepEqual(lint(two, { ruleId: ID, config }), []);
    const three = '推广电子执照。[牵头单位:市市场监管局、市数据局、市政务服务中心;完成时限:2025年9月底前]';
    const [d] = lint(planOf(three), { ruleId: ID, config });
    assert.equal(d!.message, '任务“1.推广电子执照”有3个牵头单位（市市场监管局、市数据局、市政务服务中心），多于2个');
    assert.equal(fixedTask(three, config), '1.推广电子执照。[牵头单位:市市场监管局、市数据局;责任单位:市政务服务中心;完成时限:2025年9月底前]');
    // An option that is not a whole number of at least 1 is the default.
    for (const maxLeads of [0, 1.5, '2', null]) {
      assert.equal(lint(two, { ruleId: ID, config: { rules: { PL012: ['info', { maxLeads }] } } as PlanlintConfig }).length, 1, String(maxLeads));
    }
  });

  describe('the fix, in the style of the attribution', () => {
    const cases: [string, string, string][] = [
      [
        'a bracket with a 责任单位 field: the others go first in it',
        '推行企业开办。[牵头单位:市市场监管局、市政务服务中心;责任单位:市税务局;完成时限:2025年6月底前]',
        '1.推行企业开办。[牵头单位:市市场监管局;责任单位:市政务服务中心、市税务局;完成时限:2025年6月底前]',
      ],
      [
        'a bracket without one: a field is added after the leads',
        '推广电子执照。[牵头单位:市市场监管局、市数据局、市政务服务中心;完成时限:2025年9月底前]',
        '1.推广电子执照。[牵头单位:市市场监管局;责任单位:市数据局、市政务服务中心;完成时限:2025年9月底前]',
      ],
      [
        'in traditional script, the field added is 責任單位',
        '推廣電子執照。[牽頭單位:市財政局、市統計局;完成時限:2025年9月底前]',
        '1.推廣電子執照。[牽頭單位:市財政局;責任單位:市統計局;完成時限:2025年9月底前]',
      ],
      [
        'an empty 责任单位 field is filled',
        '推广电子执照。[牵头单位:市市场监管局、市数据局;责任单位:;完成时限:2025年9月底前]',
        '1.推广电子执照。[牵头单位:市市场监管局;责任单位:市数据局;完成时限:2025年9月底前]',
      ],
      [
        'a parenthesis with fields, full-width',
        '开展评价。（牵头单位：市发展改革委、市统计局；责任单位：各区县人民政府）',
        '1.开展评价。（牵头单位：市发展改革委；责任单位：市统计局、各区县人民政府）',
      ],
      [
        'a parenthesis `A、B牵头`: the others share the work',
        '清理涉企收费。（市财政局、市发展改革委牵头）',
        '1.清理涉企收费。（市财政局牵头，市发展改革委按职责分工负责）',
      ],
      [
        'a parenthesis `A、B牵头负责`, half-width',
        '清理涉企收费。(市财政局、市发展改革委牵头负责)',
        '1.清理涉企收费。(市财政局牵头负责,市发展改革委按职责分工负责)',
      ],
      [
        'a parenthesis that lists responsible units already',
        '规范中介收费。（市发展改革委、市财政局牵头，市市场监管局按职责分工负责）',
        '1.规范中介收费。（市发展改革委牵头，市财政局、市市场监管局按职责分工负责）',
      ],
      [
        'a sentence: into the units that take part',
        '开展评价。此项工作由市发展改革委、市统计局牵头负责，各区县人民政府参加。',
        '1.开展评价。此项工作由市发展改革委牵头负责，市统计局、各区县人民政府参加。',
      ],
      [
        'a 牵头单位 line: a 责任单位 line under it, indented alike',
        '优化报装服务。\n   牵头单位：市住房城乡建设局、市城管局\n   完成时限：2025年底前',
        '1.优化报装服务。\n   牵头单位：市住房城乡建设局\n   责任单位：市城管局\n   完成时限：2025年底前',
      ],
      [
        'a 牵头单位 line with a 责任单位 line: merged into it',
        '优化报装服务。\n牵头单位：市住房城乡建设局、市城管局\n责任单位：市水务局\n完成时限：2025年底前',
        '1.优化报装服务。\n牵头单位：市住房城乡建设局\n责任单位：市城管局、市水务局\n完成时限：2025年底前',
      ],
    ];
    for (const [what, line, expected] of cases) {
      it(what, () => {
        const text = planOf(line);
        const after = fixed(text);
        assert.equal(after === null ? null : after.slice(after.indexOf('1.'), -1), expected);
        assert.equal(units(after!), units(text), 'the fix drops or adds a unit');
        assert.deepEqual(lint(after!, { ruleId: ID }), [], 'the finding is settled');
        assert.deepEqual(fixesOf(after!), [], 'a second fix would change the text again');
      });
    }

    it('a table row: from the lead cell into the responsible cell, empty or not', () => {
      const text = [
        '# 临川市2025年营商环境优化工作要点',
        '',
        '| 序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限 |',
        '| --- | --- | --- | --- | --- |',
        '| 1 | 推行企业开办 | 市市场监管局、市政务服务中心 | 市税务局 | 2025年6月底前 |',
        '| 2 | 推广电子执照 | 市市场监管局、市数据局 |  | 2025年9月底前 |',
        '',
      ].join('\n');
      const rows = fixesOf(text).map((f) => applyFixes(text, [f]).text.split('\n'));
      assert.equal(rows.length, 2);
      assert.equal(rows[0]![4], '| 1 | 推行企业开办 | 市市场监管局 | 市政务服务中心、市税务局 | 2025年6月底前 |');
      assert.equal(rows[1]![5], '| 2 | 推广电子执照 | 市市场监管局 | 市数据局 | 2025年9月底前 |');
    });

    it('offers none where moving would change the meaning or list a unit twice', () => {
      for (const line of [
        // 等 follows the leads: it would stay with the first one.
        '加强机构建设。[牵头单位:市委编办、市财政局等;完成时限:2025年底前]',
        // A lead that is also responsible (PL010's finding): moved, it would be listed twice.
        '加强机构建设。[牵头单位:市委编办、市财政局;责任单位:市财政局;完成时限:2025年底前]',
        // Not `A、B牵头`: the words after the leads are not the lead verb.
        '加强机构建设。此项工作由市委编办、市财政局共同负责，各区县人民政府参加。',
      ]) {
        const text = planOf(line);
        assert.equal(lint(text, { ruleId: ID }).length, 1, line);
        assert.deepEqual(fixesOf(text), [], line);
      }
    });

    it('on generated plans: the first lead stays, the others become responsible in order, nothing is dropped, and the finding is settled', () => {
      const unit = fc.constantFrom('市财政局', '市发展改革委', '市统计局', '市数据局', '市市场监管局', '市政务服务中心', '市住房城乡建设局');
      const style = fc.constantFrom('bracket', 'bracket-responsible', 'paren-field', 'paren', 'paren-responsible', 'sentence');
      fc.assert(
        fc.property(fc.uniqueArray(unit, { minLength: 2, maxLength: 4 }), fc.uniqueArray(unit, { maxLength: 2 }), style, (leads, others, kind) => {
          const responsible = others.filter((u) => !leads.includes(u));
          const r = responsible.join('、');
          const list = leads.join('、');
          const line = {
            bracket: `推进改革。[牵头单位:${list};完成时限:2025年底前]`,
            'bracket-responsible': `推进改革。[牵头单位:${list};责任单位:${r || '各区县人民政府'};完成时限:2025年底前]`,
            'paren-field': `推进改革。（牵头单位：${list}；责任单位：${r || '各区县人民政府'}）`,
            paren: `推进改革。（${list}牵头）`,
            'paren-responsible': `推进改革。（${list}牵头，${r || '各区县人民政府'}按职责分工负责）`,
            sentence: `推进改革。此项工作由${list}牵头负责，${r || '各区县人民政府'}参加。`,
          }[kind];
          const text = planOf(line);
          const before = parsePlan(text).tasks[0]!;
          const after = fixed(text);
          assert.ok(after !== null, `no fix for ${line}`);
          const task = parsePlan(after).tasks[0]!;
          assert.deepEqual(task.lead.map((u) => u.name), [leads[0]]);
          assert.deepEqual(task.responsible.map((u) => u.name), [...leads.slice(1), ...before.responsible.map((u) => u.name)]);
          assert.equal(units(after), units(text));
          assert.deepEqual(fixesOf(after), []);
        }),
        { numRuns: 300 },
      );
    });
  });
});
