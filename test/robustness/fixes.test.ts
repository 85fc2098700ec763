// Fix properties over generated plans: fix-all, quick fixes and `--fix` are idempotent and lose no text outside the spans they report.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { resolveConfig, type ResolvedConfig } from '../../server/src/config/config.js';
import { RULE_NAMES } from '../../server/src/config/rule-names.js';
import { applyEdits, quickFixes } from '../../server/src/features/code-actions.js';
import { applyFixes } from '../../server/src/lint/fixes.js';
import type { Fix, TextEdit } from '../../server/src/lint/types.js';
import { createPlanService } from '../../server/src/service.js';
import { cleanup, expectCode, planlint, tempDir } from '../cli/run.js';
import { isSubsequence, outside, runsFromEnv } from './generators.js';

const RUNS = runsFromEnv(150);
const everyRuleOn = Object.fromEntries(RULE_NAMES.map(([id]) => [id, 'warning' as const]));
const UNITS = [{ name: '市发展和改革委员会', aliases: ['市发改委'] }, { name: '市司法局' }, { name: '𠀾市局', aliases: ['𠀾局'] }];
const CONFIGS: [string, ResolvedConfig][] = [
  ['every rule', resolveConfig([{ rules: everyRuleOn }])],
  ['every rule and a unit list', resolveConfig([{ rules: everyRuleOn, units: UNITS }])],
];
const service = createPlanService({ today: '2025-06-30' });

const CHAPTER = ['一、', '二、', '三、', '四、', '五、', '六、'];
const HEADING = ['(一)', '(二)', '(三)', '(四)', '(五)', '(六)', '（七）', '(八)'];
const ITEM = ['1.', '2.', '3.', '4.', '5.', '6.', '７．', '8、', '9.'];
/** Units as written: right, with a stray space or full-width space, as an alias, outside the BMP. */
const UNIT = ['市司法局', '市司法 局', '市司法\u3000局', '市发改委', '市发展和改革委员会', '市教育局', '𠀾市局', '𠀾局', '各区县(市)人民政府'];
const DEADLINE = ['2025年6月底前', '2025年12月31日前', '长期坚持', '年内', '', '2025年13月底前'];

/** An attribution in one of the styles, sometimes broken (unclosed, empty field) so that fixes have work. */
const attribution: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('bracket', 'full-bracket', 'paren', 'sentence', 'none'),
    fc.array(fc.constantFrom(...UNIT), { minLength: 0, maxLength: 2 }),
    fc.array(fc.constantFrom(...UNIT), { minLength: 0, maxLength: 2 }),
    fc.constantFrom(...DEADLINE),
    fc.boolean(),
  )
  .map(([style, lead, resp, deadline, closed]) => {
    const l = lead.join('、');
    const r = resp.join('、');
    switch (style) {
      case 'bracket':
        return `[牵头单位:${l};责任单位:${r};完成时限:${deadline}${closed ? ']' : ''}`;
      case 'full-bracket':
        return `【牵头单位：${l}；完成时限：${deadline}${closed ? '】' : ''}`;
      case 'paren':
        return `(${l || '市司法局'}牵头,${r || '各部门'}按职责分工负责${closed ? ')' : ''}`;
      case 'sentence':
        return `此项工作由${l || '市司法局'}牵头负责${r ? `,${r}参加` : ''}。${deadline ? `${deadline}完成。` : ''}`;
      default:
        return '';
    }
  });

/** A task line: a marker from its level's list (possibly skipped, repeated or in another width), a title, an attribution. */
const task = (markers: readonly string[]) =>
  fc.tuple(fc.constantFrom(...markers), fc.constantFrom('清理规范性文件。', '推行执法公示。', '开展案卷评查。', '完善应诉机制𠀾。'), attribution).map(([m, t, a]) => `${m}${t}${a}`);

/** A plan: a title, chapters with headings and items, numbering and attributions imperfect in the ways the fixable rules catch. */
export const generatedPlan: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('某市2025年法治政府建设工作要点', '某县2025年数字政府建设实施方案'),
    fc.array(
      fc.tuple(fc.constantFrom(...CHAPTER), fc.array(fc.tuple(task(HEADING), fc.array(task(ITEM), { maxLength: 3 })), { minLength: 1, maxLength: 4 })),
      { minLength: 1, maxLength: 4 },
    ),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([title, chapters, nl]) =>
    [title, '', ...chapters.flatMap(([c, hs]) => [`${c}重点任务`, ...hs.flatMap(([h, items]) => [h, ...items])])].join(nl) + nl,
  );

function sameEdits(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  return a.length === b.length && a.every((e, i) => e.span.start === b[i]!.span.start && e.span.end === b[i]!.span.end && e.newText === b[i]!.newText);
}

function fixesOf(text: string, config: ResolvedConfig): Fix[] {
  return service.analyze(text, config).diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
}

describe('fix properties over generated plans', function () {
  this.timeout(Math.max(120_000, RUNS * 400));

  for (const [label, config] of CONFIGS) {
    describe(label, () => {
      let withFixes = 0;

      it(`fix-all: each pass keeps every character outside the reported fix spans; fixing twice equals fixing once (${RUNS} plans)`, () => {
        fc.assert(
          fc.property(generatedPlan, (text) => {
            let current = text;
            let fixes = fixesOf(current, config);
            if (fixes.length > 0) withFixes++;
            for (let pass = 0; pass < 10 && fixes.length > 0; pass++) {
              const result = applyFixes(current, fixes);
              assert.ok(isSubsequence(outside(current, fixes.flatMap((f) => f.edits.map((e) => e.span))), result.text), `pass ${pass} lost text:\n${current}\n→\n${result.text}`);
              if (result.applied === 0 || result.text === current) break;
              current = result.text;
              fixes = fixesOf(current, config);
            }
            const once = service.fixAll(text, config).text;
            assert.equal(once, current);
            assert.equal(service.fixAll(once, config).text, once, `fixing twice changed the text:\n${once}`);
            assert.deepEqual(fixesOf(once, config).map((f) => f.title), [], 'safe fixes are left after fix-all');
          }),
          { numRuns: RUNS },
        );
      });

      it('the generator makes fixable plans (otherwise the property proves nothing)', () => {
        assert.ok(withFixes > RUNS / 4, `only ${withFixes} of ${RUNS} generated plans had a safe fix`);
      });

      it(`quick fixes and suggestions: only their spans change, and applying one twice is a no-op (${RUNS} plans)`, () => {
        fc.assert(
          fc.property(generatedPlan, (text) => {
            const { diagnostics } = service.analyze(text, config);
            for (const d of diagnostics) {
              for (const q of quickFixes(diagnostics, d.span)) {
                const after = applyEdits(text, q.edits);
                assert.ok(isSubsequence(outside(text, q.edits.map((e) => e.span)), after), `${q.title} lost text`);
                if (!q.preferred) continue;
                // The same safe fix, offered again on the fixed text, would apply twice.
                const again = service.analyze(after, config).diagnostics;
                const same = again.filter((x) => x.ruleId === d.ruleId && x.fix && sameEdits(x.fix.edits, q.edits) && applyEdits(after, x.fix.edits) !== after);
                assert.deepEqual(same.map((x) => x.message), [], `${q.title}: offered again after it was applied`);
              }
            }
          }),
          { numRuns: Math.ceil(RUNS / 10) },
        );
      });
    });
  }
});

describe('planlint --fix over generated plans', function () {
  this.timeout(120_000);
  const dir = tempDir('planlint-fix-prop-');
  after(() => cleanup(dir));

  it('writes what fix-all gives; a second --fix changes nothing', () => {
    const plans = fc.sample(generatedPlan, { numRuns: 30, seed: 7 });
    plans.forEach((p, i) => fs.writeFileSync(path.join(dir, `p${i}.plan`), p));
    fs.writeFileSync(path.join(dir, '.planlintrc.json'), JSON.stringify({ rules: everyRuleOn }));
    const config = CONFIGS[0]![1];
    planlint(['--fix', '--max-severity', 'off', dir]);
    const once = plans.map((_, i) => fs.readFileSync(path.join(dir, `p${i}.plan`), 'utf8'));
    assert.ok(once.some((t, i) => t !== plans[i]), 'no generated plan was fixed: the test proves nothing');
    once.forEach((t, i) => assert.equal(t, service.fixAll(plans[i]!, config).text, `p${i}.plan`));
    const second = planlint(['--fix', '--format', 'json', '--max-severity', 'off', dir]);
    expectCode(second, 0);
    once.forEach((t, i) => assert.equal(fs.readFileSync(path.join(dir, `p${i}.plan`), 'utf8'), t, `p${i}.plan changed on the second --fix`));
  });
});
