// PL008 unit-unknown: when it runs at all, folding, collective names, ignorePatterns, suggestions and odd settings.
import assert from 'node:assert/strict';
import type { PlanlintConfig } from '../../server/src/config/config.js';
import { defaultSettings } from '../../server/src/lint/engine.js';
import type { Report, UnitEntry } from '../../server/src/lint/rule.js';
import { parsePlan } from '../../server/src/model/plan.js';
import { DEFAULT_IGNORE_PATTERNS, rule, unitDistance } from '../../server/src/rules/PL008-unit-unknown.js';
import { lint } from '../helpers/lint.js';

const UNITS: UnitEntry[] = [
  { name: '市政府办公室', aliases: ['市政府办'] },
  { name: '市政府法制办', aliases: ['市法制办'] },
  { name: '市发展和改革委员会', aliases: ['市发改委'] },
  { name: '市人力资源和社会保障局' },
  { name: '市司法局' },
  { name: '市财政局' },
  { name: '市公安局' },
  { name: '市委党校（行政学院）' },
];

/** A plan whose only task names `lead` and `responsible`. */
function planOf(lead: string, responsible = '市司法局'): string {
  return `青岚市2024年度工作要点\n\n一、主要任务\n\n（一）推进依法行政。【牵头单位：${lead}；责任单位：${responsible}；完成时限：2024年底前】\n`;
}

const ON: PlanlintConfig = { rules: { PL008: 'warning' }, units: UNITS };

/** `name → suggestion, suggestion` for each finding. */
function findings(text: string, config: PlanlintConfig = ON): string[] {
  return lint(text, { ruleId: 'PL008', config }).map((d) => {
    const written = text.slice(d.span.start, d.span.end);
    return [written, ...(d.suggestions ?? []).map((s) => s.edits[0]!.newText)].join(' → ');
  });
}

function check(units: UnitEntry[], options: Record<string, unknown> = {}, text = planOf('市档案局')): Report[] {
  const reports: Report[] = [];
  rule.check({ plan: parsePlan(text), settings: { ...defaultSettings(), units }, options, report: (r) => reports.push(r) });
  return reports;
}

describe('PL008 unit-unknown', () => {
  describe('when it runs', () => {
    it('is off by default, even with a unit list', () => {
      assert.equal(rule.defaultSeverity, 'off');
      assert.deepEqual(findings(planOf('市档案局'), { units: UNITS }), []);
    });

    it('stays silent when turned on without a unit list', () => {
      assert.deepEqual(findings(planOf('市档案局'), { rules: { PL008: 'warning' } }), []);
      assert.deepEqual(check([]), []);
    });

    it('reports a unit missing from the list once turned on', () => {
      assert.deepEqual(findings(planOf('市档案局')), ['市档案局']);
    });
  });

  describe('what counts as listed', () => {
    it('accepts names and aliases, folding width, script and spaces', () => {
      assert.deepEqual(findings(planOf('市委党校(行政学院)', '市發改委、市政府 办公室、市法制办')), []);
    });

    it('skips collective names by default', () => {
      const collective = '各区县（市）人民政府、市直相关单位、各有关部门、市级各部门、市直单位、其他相关部门、领导小组成员单位';
      assert.deepEqual(findings(planOf('市司法局', collective)), []);
      assert.ok(DEFAULT_IGNORE_PATTERNS.length > 0);
    });

    it('replaces the default with ignorePatterns, matching the name as written or its key', () => {
      const text = planOf('市司法局', '各有关部门、各区县（市）人民政府、市属国有企业');
      const config: PlanlintConfig = { rules: { PL008: ['warning', { ignorePatterns: ['^各区县\\(市\\)', '^市属'] }] }, units: UNITS };
      assert.deepEqual(findings(text, config), ['各有关部门']);
    });

    it('reads a pattern that is not a regular expression as plain text', () => {
      const text = planOf('市司法局', '市社会主义学院(市中华文化学院)');
      assert.equal(check(UNITS, { ignorePatterns: ['(市中华文化学院'] }, text).length, 0);
      assert.equal(check(UNITS, { ignorePatterns: ['其他'] }, text).length, 1);
    });
  });

  describe('suggestions', () => {
    it('offers a name one slip away, through its alias', () => {
      assert.deepEqual(findings(planOf('市法治办')), ['市法治办 → 市政府法制办']);
    });

    it('offers the full name of an abbreviation', () => {
      assert.deepEqual(findings(planOf('市人社局')), ['市人社局 → 市人力资源和社会保障局']);
      assert.deepEqual(findings(planOf('市发展改革委')), ['市发展改革委 → 市发展和改革委员会']);
    });

    it('offers nothing for a different unit that only looks close', () => {
      assert.deepEqual(findings(planOf('市委办')), ['市委办'], 'not 市政府办');
      assert.deepEqual(findings(planOf('市民政局')), ['市民政局'], 'not 市财政局');
      assert.deepEqual(findings(planOf('市政府督查室')), ['市政府督查室'], 'not 市政府办公室');
      assert.deepEqual(findings(planOf('县人力资源和社会保障局')), ['县人力资源和社会保障局'], 'not 市…: another level');
      assert.deepEqual(findings(planOf('市人力资源和社会保障厅')), ['市人力资源和社会保障厅'], 'not …局: another kind of unit');
      const config: PlanlintConfig = { rules: { PL008: 'warning' }, units: [{ name: '市政府法制办' }] };
      assert.deepEqual(findings(planOf('市政府办', '市政府法制办'), config), ['市政府办'], 'not 市政府法制办: another office');
    });

    it('orders suggestions nearest first, then full names, at most three, each replacing exactly the name', () => {
      const units = ['市规划院', '市统计局', '市规划和自然资源局', '市规化局', '市归化局', '市归划局', '市规划和建设局'].map((name) => ({ name }));
      const [d] = lint(planOf('市规划局'), { ruleId: 'PL008', config: { rules: { PL008: 'warning' }, units } });
      // 市规划院: another kind of unit; 市统计局, 市归化局: too far; 市规划和建设局: a fourth.
      assert.deepEqual(
        d!.suggestions!.map((s) => s.edits),
        ['市规化局', '市归划局', '市规划和自然资源局'].map((newText) => [{ span: d!.span, newText }]),
      );
      assert.equal(d!.message, '单位“市规划局”不在单位名单中，是否应为“市规化局”？');
    });

    it('speaks English when asked', () => {
      const [d] = lint(planOf('市法治办'), { ruleId: 'PL008', config: ON, locale: 'en' });
      assert.equal(d!.message, 'Unit "市法治办" is not in the unit list; did you mean "市政府法制办"?');
      assert.equal(d!.suggestions![0]!.title, 'Replace with "市政府法制办"');
      const [plain] = lint(planOf('市档案局'), { ruleId: 'PL008', config: ON, locale: 'en' });
      assert.equal(plain!.message, 'Unit "市档案局" is not in the unit list');
    });
  });

  describe('unitDistance', () => {
    it('counts a slip between alike characters as one, another replacement as two', () => {
      assert.equal(unitDistance('市法治办', '市法制办', 3), 1);
      assert.equal(unitDistance('市民政局', '市财政局', 3), 2);
      assert.equal(unitDistance('市发展改革委', '市发展和改革委员会', 3), 3);
      assert.equal(unitDistance('市档案局', '市档案局', 0), 0);
    });

    it('gives up past the limit', () => {
      assert.equal(unitDistance('市民政局', '市财政局', 1), Infinity);
      assert.equal(unitDistance('市司法局', '市人力资源和社会保障局', 3), Infinity);
      assert.equal(unitDistance('', '市司法局', 3), Infinity);
      assert.equal(unitDistance('市司法局', '市司法局', Number.NaN), Infinity);
    });

    it('agrees with a plain full-table computation', () => {
      const full = (a: string, b: string): number => {
        const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
        for (let i = 1; i <= a.length; i++) {
          for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : '制治'.includes(a[i - 1]!) && '制治'.includes(b[j - 1]!) ? 1 : 2;
            rows[i]![j] = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
          }
        }
        return rows[a.length]![b.length]!;
      };
      const words = ['市法制办', '市法治办', '市政府法制办', '市法制办公室', '法制办', '市政法委', '市司法局', '市法制局', '区法制办', '市法院'];
      for (const a of words) {
        for (const b of words) {
          const expected = full(a, b);
          assert.equal(unitDistance(a, b, 3), expected <= 3 ? expected : Infinity, `${a} / ${b}`);
        }
      }
    });
  });

  describe('settings a user can write', () => {
    it('finds nothing in an empty plan', () => {
      assert.deepEqual(check(UNITS, {}, ''), []);
    });

    it('ignorePatterns entries that are no pattern (rule options are not checked by the schema) ignore nothing', () => {
      const plain = findings(planOf('市档案局'));
      assert.equal(plain.length, 1);
      assert.deepEqual(findings(planOf('市档案局'), { ...ON, rules: { PL008: ['warning', { ignorePatterns: [5, null, ''] }] } }), plain);
    });
  });
});
