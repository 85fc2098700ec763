// PL007 unit-inconsistent: the abbreviation and one-character tests, canonical choice, aliases and odd models.
import assert from 'node:assert/strict';
import { defaultSettings } from '../../server/src/lint/engine.js';
import { suggestionsOf, type Report, type UnitEntry } from '../../server/src/lint/rule.js';
import { parsePlan } from '../../server/src/model/plan.js';
import type { PlanDocument, UnitMention } from '../../server/src/model/types.js';
import { isAbbreviation, isOneCharVariant } from '../../server/src/model/units.js';
import { rule } from '../../server/src/rules/PL007-unit-inconsistent.js';
import { allRules } from '../../server/src/rules/index.js';
import { createPlanService } from '../../server/src/service.js';
import { configOf, diagnosticLines, lint, TODAY } from '../helpers/lint.js';

/** A plan with one bracket task per unit list: `units` is a list of `[lead, responsible]` names. */
function planOf(rows: [string, string][]): string {
  const tasks = rows.map(([lead, resp], i) => `（${'一二三四五六七八九十'[i]}）推进第${i + 1}项工作。【牵头单位：${lead}；责任单位：${resp}；完成时限：2024年底前】`);
  return ['青岚市2024年度工作要点', '', '一、主要任务', '', ...tasks.flatMap((t) => [t, ''])].join('\n');
}

/** The PL007 findings of `text`: `variant → canonical` for each, in order. */
function findings(text: string, units?: UnitEntry[]): string[] {
  return lint(text, { ruleId: 'PL007', ...(units ? { config: { units } } : {}) }).map((d) => {
    const written = text.slice(d.span.start, d.span.end);
    const to = d.fix ? `fix:${d.fix.edits[0]!.newText}` : (d.suggestions ?? []).map((s) => `suggest:${s.edits[0]!.newText}`).join(',');
    return `${written} → ${to}`;
  });
}

/** Runs the rule directly on a hand-made model, as the engine would. */
function check(plan: PlanDocument, units: unknown = []): Report[] {
  const reports: Report[] = [];
  rule.check({ plan, settings: { ...defaultSettings(), units: units as UnitEntry[] }, options: {}, report: (r) => reports.push(r) });
  return reports;
}

describe('PL007 unit-inconsistent', () => {
  describe('isAbbreviation', () => {
    const same: [string, string][] = [
      ['市政府法制办', '市法制办'],
      ['市发改委', '市发展和改革委员会'],
      ['市发展改革委', '市发展和改革委员会'],
      ['市委办', '市委办公室'],
      ['市政府办', '市人民政府办公室'],
      ['区政府', '区人民政府'],
      ['市人社局', '市人力资源和社会保障局'],
      ['市卫健委', '市卫生健康委员会'],
      ['市妇联', '市妇女联合会'],
      ['市科协', '市科学技术协会'],
      ['区法院', '区人民法院'],
      ['市场监管局', '市场监督管理局'],
    ];
    const different: [string, string][] = [
      ['市委办', '市政府办'],
      ['市司法局', '市公安局'],
      ['各区县(市)人民政府', '各县(区)人民政府'],
      ['市政府办', '市政府法制办'],
      ['青岚市政府办', '青岚市政府法制办'],
      ['市政局', '市民政局'],
      ['市人民法院', '市中级人民法院'],
      ['市委办', '市委宣传部办公室'],
      ['市公安局', '市公安分局'],
      ['市政府', '市政府办'],
      ['县监察局', '县纪委监察局'],
      ['市委', '市委办公室'], // too short to tell
      ['市办', '市政府办'], // too short to tell
    ];
    for (const [a, b] of same) {
      it(`${a} and ${b} are one unit`, () => {
        assert.equal(isAbbreviation(a, b), true);
        assert.equal(isAbbreviation(b, a), true, 'the test is symmetric');
      });
    }
    for (const [a, b] of different) {
      it(`${a} and ${b} are two units`, () => {
        assert.equal(isAbbreviation(a, b), false);
        assert.equal(isAbbreviation(b, a), false);
      });
    }
  });

  describe('isOneCharVariant', () => {
    it('accepts a slip between characters that sound alike', () => {
      assert.equal(isOneCharVariant('市法制办', '市法治办'), true);
      assert.equal(isOneCharVariant('市规划局', '市规化局'), true);
    });
    it('refuses real pairs of units one character apart', () => {
      assert.equal(isOneCharVariant('市财政局', '市民政局'), false);
      assert.equal(isOneCharVariant('市审计局', '市统计局'), false);
      assert.equal(isOneCharVariant('市教育局', '市体育局'), false);
      assert.equal(isOneCharVariant('市纪委办', '市计委办'), false);
    });
    it('needs four characters, one difference and the same suffix', () => {
      assert.equal(isOneCharVariant('市法制', '市法治'), false);
      assert.equal(isOneCharVariant('市法制办', '市法治局'), false);
      assert.equal(isOneCharVariant('市法制办', '市法制办'), false);
      assert.equal(isOneCharVariant('市法制办', '市法制办公'), false);
    });
  });

  describe('canonical form', () => {
    it('on a tie, prefers the full name', () => {
      const text = planOf([
        ['市发改委', '市财政局'],
        ['市发展和改革委员会', '市司法局'],
      ]);
      assert.deepEqual(findings(text), ['市发改委 → suggest:市发展和改革委员会']);
    });

    it('prefers the form used more often, even when it is the short one', () => {
      const text = planOf([
        ['市人社局', '市财政局'],
        ['市人社局', '市司法局'],
        ['市人力资源和社会保障局', '市司法局'],
      ]);
      assert.deepEqual(findings(text), ['市人力资源和社会保障局 → suggest:市人社局']);
    });

    it('prefers a name of the unit list over the majority, still as a suggestion when only likely', () => {
      const text = planOf([
        ['市法制办', '市财政局'],
        ['市法制办', '市司法局'],
        ['市政府法制办', '市司法局'],
      ]);
      assert.deepEqual(findings(text, [{ name: '市政府法制办' }]), ['市法制办 → suggest:市政府法制办', '市法制办 → suggest:市政府法制办']);
    });

    it('links a short ending to its full form (`办` / `办公室`)', () => {
      const text = planOf([
        ['市政府办公室', '市财政局'],
        ['市政府办公室', '市司法局'],
        ['市司法局', '市政府办'],
      ]);
      assert.deepEqual(findings(text), ['市政府办 → suggest:市政府办公室']);
    });

    it('never makes two units of the list variants of each other', () => {
      const text = planOf([
        ['市法制办', '市财政局'],
        ['市法制办', '市司法局'],
        ['市政府法制办', '市司法局'],
      ]);
      assert.deepEqual(findings(text, [{ name: '市政府法制办' }, { name: '市法制办' }]), []);
    });

    it('never chooses a spelling with a space inside, even when it is the majority', () => {
      const text = planOf([
        ['市数据 资源局', '市财政局'],
        ['市数据 资源局', '市司法局'],
        ['市数据资源局', '市司法局'],
      ]);
      assert.deepEqual(findings(text), ['市数据 资源局 → fix:市数据资源局', '市数据 资源局 → fix:市数据资源局']);
    });

    it('fixes a configured name written with other brackets to the configured spelling, even when used alone', () => {
      const text = planOf([['市委党校(行政学院)', '市司法局']]);
      assert.deepEqual(findings(text, [{ name: '市委党校（行政学院）' }]), ['市委党校(行政学院) → fix:市委党校（行政学院）']);
      assert.deepEqual(findings(text), [], 'without the unit list one spelling is consistent');
    });
  });

  describe('aliases from the unit list', () => {
    it('flags an alias even when the plan never writes the full name', () => {
      const text = planOf([['市发改委', '市财政局']]);
      assert.deepEqual(findings(text, [{ name: '市发展和改革委员会', aliases: ['市发改委'] }]), ['市发改委 → fix:市发展和改革委员会']);
    });

    it('offers every unit an alias may mean, and fixes none', () => {
      const text = planOf([['市统战部', '市财政局']]);
      const units = [
        { name: '中共青岚市委统一战线工作部', aliases: ['市统战部'] },
        { name: '青岚市统一战线工作办公室', aliases: ['市统战部'] },
      ];
      assert.deepEqual(findings(text, units), ['市统战部 → suggest:中共青岚市委统一战线工作部,suggest:青岚市统一战线工作办公室']);
      const [d] = lint(text, { ruleId: 'PL007', config: { units } });
      assert.equal(d!.message, '“市统战部”在单位名单中可指多个单位（中共青岚市委统一战线工作部、青岚市统一战线工作办公室），请写明全称');
    });

    it('only offers a configured name that would not read back as one unit', () => {
      const text = planOf([['市科工局', '市财政局']]);
      assert.deepEqual(findings(text, [{ name: '市科学技术及工业信息化局', aliases: ['市科工局'] }]), ['市科工局 → suggest:市科学技术及工业信息化局']);
      const inBrackets = [{ name: '各县（市、区）人民政府', aliases: ['各县市区政府'] }];
      assert.deepEqual(findings(planOf([['市司法局', '各县市区政府']]), inBrackets), ['各县市区政府 → fix:各县（市、区）人民政府']);
    });

    it('treats an alias that is also a name of the list as that name', () => {
      const text = planOf([['市发改委', '市财政局']]);
      const units = [{ name: '市发改委' }, { name: '市发展和改革委员会', aliases: ['市发改委'] }];
      assert.deepEqual(findings(text, units), []);
    });

    it('folds width, script and spaces when matching aliases', () => {
      const text = planOf([['市發改委', '市财政局']]);
      assert.deepEqual(findings(text, [{ name: '市发展和改革委员会', aliases: ['市发改委'] }]), ['市發改委 → fix:市发展和改革委员会']);
    });
  });

  describe('short names the plan defines', () => {
    it('a short name defined after the full name (`（以下简称…）`) is that unit: no finding; one used without a definition still is', () => {
      const text = ['青岚市2024年度工作要点', '', '一、主要任务', '',
        '（一）推进第1项工作。市卫生健康委员会（以下简称市卫健委）牵头，2024年底前完成。', '',
        '（二）推进第2项工作。市卫健委牵头，2024年底前完成。', '',
        '（三）推进第3项工作。（牵头单位：市卫生健康委员会；完成时限：2024年底前）', '',
        '（四）推进第4项工作。（牵头单位：市发改委；责任单位：市发展和改革委员会；完成时限：2024年底前）', ''].join('\n');
      assert.deepEqual(findings(text), ['市发改委 → suggest:市发展和改革委员会']);
    });
  });

  describe('false friends and collective names', () => {
    it('never compares collective names', () => {
      const text = planOf([
        ['市司法局', '各部门、市级各部门'],
        ['市财政局', '各有关部门、市级各有关部门、市直相关单位、市直单位'],
      ]);
      assert.deepEqual(findings(text), []);
    });

    it('leaves units one or two characters apart alone', () => {
      const text = planOf([
        ['市委办', '市政府办、市政府法制办'],
        ['市司法局', '市公安局、市财政局、市民政局'],
        ['市审计局', '市统计局'],
      ]);
      assert.deepEqual(findings(text), []);
    });
  });

  describe('messages and fixes', () => {
    it('speaks English when asked, and titles its fix', () => {
      const text = planOf([
        ['各区县（市）人民政府', '市财政局'],
        ['各区县（市）人民政府', '市司法局'],
        ['各区县(市)人民政府', '市司法局'],
      ]);
      const [d] = lint(text, { ruleId: 'PL007', locale: 'en' });
      assert.equal(
        d!.message,
        '"各区县(市)人民政府" and "各区县（市）人民政府" are the same unit written with different brackets, spaces or script; write "各区县（市）人民政府" throughout',
      );
      assert.equal(d!.fix!.title, 'Replace with "各区县（市）人民政府"');
      assert.equal(text.slice(d!.span.start, d!.span.end), '各区县(市)人民政府', 'reports exactly the name');
    });

    it('fixes a plan fully in one run, and a second run changes nothing', () => {
      const text = planOf([
        ['市发改委', '各区县（市）人民政府'],
        ['市发展改革委', '各区县(市)人民政府'],
        ['市审计局', '各区县（市）人民政府、市審計局'],
      ]);
      const service = createPlanService({ rules: allRules.filter((r) => r.id === 'PL007'), today: TODAY });
      const config = configOf({ units: [{ name: '市发展和改革委员会', aliases: ['市发改委', '市发展改革委'] }] });
      const once = service.fixAll(text, config).text;
      assert.deepEqual(
        once.split('\n').filter((l) => l.startsWith('（')),
        [
          '（一）推进第1项工作。【牵头单位：市发展和改革委员会；责任单位：各区县（市）人民政府；完成时限：2024年底前】',
          '（二）推进第2项工作。【牵头单位：市发展和改革委员会；责任单位：各区县（市）人民政府；完成时限：2024年底前】',
          '（三）推进第3项工作。【牵头单位：市审计局；责任单位：各区县（市）人民政府、市审计局；完成时限：2024年底前】',
        ],
      );
      assert.equal(service.fixAll(once, config).text, once);
    });
  });

  describe('odd models', () => {
    it('finds nothing in an empty plan or a plan without units', () => {
      assert.deepEqual(check(parsePlan('')), []);
      assert.deepEqual(check(parsePlan('青岚市工作要点\n\n一、主要任务\n\n（一）推进工作。\n')), []);
    });

    it('offers a replacement over a line break as a suggestion, never as a safe fix', () => {
      const text = '青岚市工作要点\n市数据\n资源局 市数据资源局 市数据资源局\n';
      const plan = parsePlan(text);
      const mention = (start: number, end: number): UnitMention => ({
        name: text.slice(start, end),
        key: text.slice(start, end).replace(/\s+/g, ''),
        role: 'responsible',
        span: { start, end },
        range: plan.lines.rangeOf({ start, end }),
      });
      const first = text.indexOf('市数据\n');
      const second = text.indexOf(' 市数据资源局') + 1;
      plan.units = [mention(first, first + 7), mention(second, second + 6), mention(second + 7, second + 13)];
      const [report, ...rest] = check(plan);
      assert.equal(rest.length, 0);
      assert.equal(report!.messageId, 'spelling');
      assert.equal(report!.fix, undefined);
      assert.deepEqual(suggestionsOf(report!)[0]!.edits, [{ span: { start: first, end: first + 7 }, newText: '市数据资源局' }]);
    });

    it('reports nothing when the text already reads as the fix would write it', () => {
      const text = '青岚市工作要点\n市数据资源局 市数据资源局 市数据资源局\n';
      const plan = parsePlan(text);
      const at = text.indexOf('市数据资源局');
      plan.units = [0, 7, 14].map((d, i) => ({
        name: i === 0 ? '市数据 资源局' : '市数据资源局', // as if the model had read a name other than the text
        key: '市数据资源局',
        role: 'lead' as const,
        span: { start: at + d, end: at + d + 6 },
        range: plan.lines.rangeOf({ start: at + d, end: at + d + 6 }),
      }));
      assert.deepEqual(check(plan), []);
    });

    it('stays quiet and quick on thousands of distinct names', () => {
      const rows: string[] = [];
      for (let i = 0; i < 3000; i++) rows.push(`（${i + 1}）任务。【牵头单位：市${String.fromCharCode(0x4e00 + i)}${String.fromCharCode(0x5000 + i)}局；完成时限：2024年底前】`);
      const text = ['青岚市工作要点', '一、主要任务', ...rows].join('\n');
      assert.equal(diagnosticLines(lint(text, { ruleId: 'PL007' }), text), '');
    });
  });
});
