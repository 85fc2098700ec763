// PL010 attribution-malformed: when closing a bracket is safe, what a removal suggestion removes, messages, odd models.
import assert from 'node:assert/strict';
import { defaultSettings } from '../../server/src/lint/engine.js';
import { applyFixes } from '../../server/src/lint/fixes.js';
import type { Report } from '../../server/src/lint/rule.js';
import { parsePlan } from '../../server/src/model/plan.js';
import type { PlanDocument } from '../../server/src/model/types.js';
import { rule } from '../../server/src/rules/PL010-attribution-malformed.js';
import { createPlanService } from '../../server/src/service.js';
import { configOf, lint, TODAY } from '../helpers/lint.js';

/** A plan whose tasks are the given lines (each after its own `（N）`). */
function planOf(lines: string[], eol = '\n'): string {
  const tasks = lines.map((l, i) => `（${'一二三四五六七八九十'[i]}）${l}`);
  return ['江宁市2021年法治政府建设工作要点', '', '一、重点任务', '', ...tasks].join(eol) + eol;
}

/** For each PL010 finding: what it reports, then `fix:` or `suggest:` with the text after the edit. */
function findings(text: string): string[] {
  return lint(text, { ruleId: 'PL010' }).map((d) => {
    const what = text.slice(d.span.start, d.span.end);
    const after = (edits: { span: { start: number; end: number }; newText: string }[]) => {
      const line = text.lastIndexOf('\n', d.span.start) + 1;
      const end = text.indexOf('\n', d.span.start);
      const shift = edits.reduce((n, e) => n + e.newText.length - (e.span.end - e.span.start), 0);
      return applyFixes(text, [{ title: '', edits }]).text.slice(line, (end < 0 ? text.length : end) + shift).replace(/\r$/, '');
    };
    if (d.fix) return `${what} fix:${after(d.fix.edits)}`;
    const s = d.suggestions?.[0];
    return s ? `${what} suggest:${after(s.edits)}` : what;
  });
}

function check(plan: PlanDocument): Report[] {
  const reports: Report[] = [];
  rule.check({ plan, settings: defaultSettings(), options: {}, report: (r) => reports.push(r) });
  return reports;
}

describe('PL010 attribution-malformed', () => {
  describe('unclosed brackets', () => {
    it('closes at the end of the line, before trailing spaces, in the opener\'s own width', () => {
      assert.deepEqual(findings(planOf(['推进工作。【牵头单位：市司法局；完成时限：2021年9月底前　 '])), [
        '【 fix:（一）推进工作。【牵头单位：市司法局；完成时限：2021年9月底前】　 ',
      ]);
      assert.deepEqual(findings(planOf(['推进工作(市司法局牵头,市直各部门按职责分工负责'])), [
        '( fix:（一）推进工作(市司法局牵头,市直各部门按职责分工负责)',
      ]);
    });

    it('closes before a CR of a CRLF line break', () => {
      const text = planOf(['推进工作。[牵头单位:市司法局;完成时限:2021年9月底前', '完善制度。[牵头单位:市财政局]'], '\r\n');
      assert.deepEqual(findings(text), ['[ fix:（一）推进工作。[牵头单位:市司法局;完成时限:2021年9月底前]']);
    });

    it('only suggests when the line ends in a sentence end or was cut short after a separator', () => {
      assert.deepEqual(findings(planOf(['推进工作。[牵头单位:市司法局;完成时限:2021年9月底前。', '完善制度。[牵头单位:市财政局;责任单位:'])), [
        '[ suggest:（一）推进工作。[牵头单位:市司法局;完成时限:2021年9月底前]。',
        '[ suggest:（二）完善制度。[牵头单位:市财政局;责任单位:]',
        '责任单位:',
      ]);
    });

    it('offers nothing where a closer that may be its own follows the paragraph: the reader is unsure', () => {
      // In the next item; past a blank line (a nested bracket before the stray closer changes nothing); further on
      // than a hard wrap reaches.
      assert.deepEqual(findings(planOf(['推进工作。[牵头单位:市司法局;完成时限:2021年9月底前', '责任单位:市财政局]'])), ['[']);
      assert.deepEqual(findings(planOf(['推进工作。[牵头单位:市司法局;完成时限:2021年9月底前']) + '\n(市财政局)配合]\n'), ['[']);
      assert.deepEqual(findings(planOf(['推进工作。[牵头单位:市司法局;完成时限:2021年']) + '9\n月\n底\n前]\n'), ['[']);
    });

    it('finds nothing in a bracket a hard wrap breaks over lines, and fixing leaves the text as it is', () => {
      const text = [
        '江宁市2026年法治政府建设工作要点', '', '一、重点任务', '',
        '（一）推进工作。（牵头单', '位：市司法局；完成时限：', '2026年9月底前）',
        '（二）完善制度。[牵头单位:市财政局;责任单位:市审', '计局;完成时', '限:2026年底前]', '',
      ].join('\n');
      assert.deepEqual(findings(text), []);
      const service = createPlanService({ today: TODAY });
      const config = configOf();
      assert.deepEqual(service.analyze(text, config).diagnostics.map((d) => d.ruleId), []);
      assert.equal(service.fixAll(text, config).text, text);
    });

    it('finds nothing in a long list of units a PDF copy sets over many full lines, and reads every unit', () => {
      const text = [
        '江宁市2026年优化营商环境实施方案', '', '一、重点任务', '',
        '（一）开展营商环境提升行动。（牵头单位：市发展改革委；责任单位：市工',
        '业和信息化局、市财政局、市人力资源社会保障局、市自然',
        '资源和规划局、市生态环境局、市住房城乡建设局、市交通运输',
        '局、市商务局、市市场监管局、市文化广电旅游局、市农业农村',
        '局、市水利局、市卫生健康委、市应急管理局、市统计局、市',
        '医疗保障局；完成时限：2026年10月底前）',
        '（二）扩大有效投资。（牵头单位：市发展改革委；完成时限：2026年11月底前）', '',
      ].join('\n');
      const service = createPlanService({ today: TODAY });
      const analysis = service.analyze(text, configOf());
      assert.deepEqual(analysis.diagnostics.map((d) => d.ruleId), []);
      assert.deepEqual(analysis.plan.tasks[0]!.responsible.map((u) => u.name), [
        '市工业和信息化局', '市财政局', '市人力资源社会保障局', '市自然资源和规划局', '市生态环境局', '市住房城乡建设局',
        '市交通运输局', '市商务局', '市市场监管局', '市文化广电旅游局', '市农业农村局', '市水利局', '市卫生健康委',
        '市应急管理局', '市统计局', '市医疗保障局',
      ]);
      assert.equal(analysis.plan.tasks[0]!.deadline?.text, '2026年10月底前');
    });

    it('still closes a bracket left open before a new item, at the end of the line a cut keyword carried it to', () => {
      assert.deepEqual(findings(planOf(['推进工作。（牵头单位：市司法局；完成时限：2026年9月底前', '完善制度。（牵头单位：市财政局）'])), [
        '（ fix:（一）推进工作。（牵头单位：市司法局；完成时限：2026年9月底前）',
      ]);
      const text = planOf(['推进工作。（牵头单', '位：市司法局', '完善制度。（牵头单位：市财政局）']).replace('\n（二）位', '\n位').replace('（三）', '（二）');
      const [d] = lint(text, { ruleId: 'PL010' });
      assert.ok(d?.fix, 'a fix');
      assert.equal(applyFixes(text, [d.fix]).text, text.replace('位：市司法局', '位：市司法局）'));
    });

    it('offers nothing when a nested bracket is unbalanced, prose follows, or the keywords sit in a nested bracket', () => {
      assert.deepEqual(findings(planOf(['推进工作。[牵头单位:市司法局;责任单位:各区县(市人民政府'])), ['[']);
      assert.deepEqual(findings(planOf(['推进工作(市司法局牵头。各部门抓好落实'])), ['(']);
      assert.deepEqual(findings(planOf(['加强监督(重点领域[牵头单位:市司法局]'])), ['(']);
    });

    it('treats scraping pinyin as noise, not as a bracket', () => {
      assert.deepEqual(findings(planOf(['推进工作。[牽頭單位:市司法局;責任單位:各縣(市、區(qū))人民政府'])), [
        '[ fix:（一）推进工作。[牽頭單位:市司法局;責任單位:各縣(市、區(qū))人民政府]',
      ]);
    });

    it('fixes a plan fully in one run, and a second run changes nothing', () => {
      const service = createPlanService({ rules: [rule], today: TODAY });
      const config = configOf();
      const text = planOf(['推进工作。[牵头单位:市司法局;完成时限:2021年9月底前', '完善制度(市财政局牵头,各区县配合', '落实责任。【牵头单位：市审计局】']);
      const once = service.fixAll(text, config);
      assert.equal(once.applied, 2);
      assert.deepEqual(service.analyze(once.text, config).diagnostics, []);
      assert.equal(service.fixAll(once.text, config).text, once.text);
    });
  });

  describe('a lead unit listed as responsible', () => {
    it('suggests removing the unit and one separator next to it, never as a safe fix', () => {
      assert.deepEqual(
        findings(planOf([
          '推进工作。[牵头单位:市司法局;责任单位:市司法局、市财政局]',
          '完善制度。[牵头单位:市司法局;责任单位:市财政局、市司法局等部门]',
          '落实责任。此项工作由市审计局牵头负责,市财政局、市审计局、市监察局参加。',
        ])),
        [
          '市司法局 suggest:（一）推进工作。[牵头单位:市司法局;责任单位:市财政局]',
          '市司法局 suggest:（二）完善制度。[牵头单位:市司法局;责任单位:市财政局等部门]',
          '市审计局 suggest:（三）落实责任。此项工作由市审计局牵头负责,市财政局、市监察局参加。',
        ],
      );
      assert.ok(lint(planOf(['推进工作。[牵头单位:市司法局;责任单位:市司法局、市财政局]']), { ruleId: 'PL010' }).every((d) => !d.fix));
    });

    it('takes a comma along only inside a field, where commas only separate units', () => {
      assert.deepEqual(findings(planOf(['推进工作。【牵头单位：市司法局；责任单位：市司法局，市财政局】', '完善制度(市财政局牵头,市财政局参加)'])), [
        '市司法局 suggest:（一）推进工作。【牵头单位：市司法局；责任单位：市财政局】',
        '市财政局',
      ]);
    });

    it('suggests nothing when the unit stands alone in its list', () => {
      assert.deepEqual(findings(planOf(['推进工作。[牵头单位:市司法局;责任单位:市司法局]'])), ['市司法局']);
    });
  });

  describe('messages', () => {
    it('names the field and the unit, in English when asked', () => {
      const text = planOf(['推进工作。[牵头单位:;配合单位:市财政局;完成时限:]', '完善制度。[牵头单位:市司法局;责任单位:市司法局、市财政局]']);
      assert.deepEqual(
        lint(text, { ruleId: 'PL010', locale: 'en' }).map((d) => d.message),
        [
          '"牵头单位" (lead unit) is left empty',
          '"完成时限" (deadline) is left empty',
          '"市司法局" is the lead unit and is also listed as a responsible unit',
        ],
      );
      const [d] = lint(planOf(['推进工作。[牵头单位:市司法局']), { ruleId: 'PL010', locale: 'en' });
      assert.equal(d!.message, 'The attribution bracket "[" has no closing "]"');
      assert.equal(d!.fix!.title, 'Close it with "]" at the end of the line');
    });
  });

  describe('empty fields', () => {
    it('reports an empty lead, 责任单位 or deadline, not an empty field of co-operating units', () => {
      const text = planOf([
        '推进工作。（牵头单位：市司法局；配合单位：；完成时限：2021年6月底前）',
        '完善制度。（牵头单位：市财政局；协办部门：无；责任单位：；完成时限：2021年9月底前）',
        '健全机制。（牵头单位：；参与单位：；完成时限：）',
      ]);
      assert.deepEqual(findings(text), ['责任单位：', '牵头单位：', '完成时限：']);
    });

    it('reports no field whose value is on the line after its label, nor a lead missing there; a label left empty before the next item still is', () => {
      const text = [
        '江宁市2026年法治政府建设工作要点', '', '一、重点任务', '',
        '（一）推进行政复议体制改革。', '牵头单位：', '市司法局', '责任单位：', '各区人民政府', '完成时限：', '2026年9月底前',
        '（二）规范行政执法行为。', '牽頭單位：', '市城管执法局', '時限：', '（三）深化府院联动机制。（牵头单位：', '市法院）', '',
      ].join('\n');
      const found = lint(text).filter((d) => d.ruleId === 'PL010' || d.ruleId === 'PL001');
      assert.deepEqual(
        found.map((d) => [d.ruleId, text.slice(d.span.start, d.span.end)]),
        [['PL010', '時限：']],
      );
    });
  });

  describe('plans without findings', () => {
    it('finds nothing in an empty plan or a plan without attributions', () => {
      assert.deepEqual(check(parsePlan('')), []);
      assert.deepEqual(check(parsePlan('江宁市工作要点\n\n一、主要任务\n\n（一）推进工作。\n')), []);
    });
  });
});
