// PL005 number-style: edge cases the fixtures show poorly — scope of comparison, ties, digit width, fixes beside PL004's, English text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configOf, lint } from '../helpers/lint.js';
import { applyFixes } from '../../server/src/lint/fixes.js';
import { SAMPLES } from '../helpers/paths.js';
import { createPlanService } from '../../server/src/service.js';
import { allRules } from '../../server/src/rules/index.js';

const ID = 'PL005';
const findings = (text: string) => lint(text, { ruleId: ID });
/** `text` with every PL005 fix applied once. */
const applyAll = (text: string) => applyFixes(text, findings(text).flatMap((d) => (d.fix ? [d.fix] : []))).text;
const plan = (...lines: string[]) => ['岚川市2024年度工作要点', '', ...lines.flatMap((l) => [l, ''])].join('\n');

describe('PL005 number-style', () => {
  it('compares siblings under one parent only when numbering restarts under each part', () => {
    const text = plan('一、甲', '1.任务', '2.任务', '二、乙', '1、任务', '2、任务');
    assert.deepEqual(findings(text), []);
  });

  it('compares the whole level when it is numbered continuously', () => {
    const text = plan('一、甲', '1.任务', '2.任务', '3.任务', '二、乙', '4、任务', '5、任务');
    assert.deepEqual(
      findings(text).map((d) => d.message),
      ['编号“4、”与同级编号“3.”写法不一致，应改为“4.”', '编号“5、”与同级编号“3.”写法不一致，应改为“5.”'],
    );
  });

  it('lets the first sibling decide a tie', () => {
    const text = plan('一、甲', '（一）任务', '(二)任务');
    assert.deepEqual(
      findings(text).map((d) => d.message),
      ['编号“(二)”与同级编号“（一）”写法不一致，应改为“（二）”'],
    );
  });

  it('treats digit width as part of the form and converts only punctuation and width', () => {
    const text = plan('一、甲', '（１）任务', '（２）任务', '(3)任务');
    const [d] = findings(text);
    assert.equal(d!.message, '编号“(3)”与同级编号“（２）”写法不一致，应改为“（３）”');
    assert.deepEqual(
      d!.fix!.edits.map((e) => e.newText),
      ['（', '３', '）'],
    );
  });

  it('leaves inline markers alone (一是 beside 第一, are two enumerations, not two forms)', () => {
    const text = plan('一、甲', '(一)任务。一是甲;二是乙;第一,丙;第二,丁。');
    assert.deepEqual(findings(text), []);
  });

  it('fixes together with PL004 without losing either edit (bracket-style sample)', () => {
    const text = readFileSync(join(SAMPLES, 'bracket-style.plan'), 'utf8');
    const service = createPlanService({ rules: allRules.filter((r) => r.id === 'PL004' || r.id === ID) });
    const fixed = service.fixAll(text, configOf()).text;
    assert.match(fixed, /\n11\.规范行政处罚裁量权/);
    assert.deepEqual(
      service.analyze(fixed, configOf()).diagnostics.filter((d) => d.fix),
      [],
    );
  });

  it('speaks English with locale en', () => {
    const text = plan('一、甲', '1.任务', '2、任务', '3.任务');
    assert.equal(lint(text, { ruleId: ID, locale: 'en' })[0]!.message, 'Marker "2、" is written differently from its sibling "1."; change it to "2."');
  });

  it('finds one form in decimal markers written alike, and restyles one written otherwise (numbers kept)', () => {
    const text = ['岚川市2024年度工作要点', '一、重点任务', '1.1 任务', '1.2 任务', '１．３ 任务', '1.4、任务', '二、保障', '２．１ 任务', '２．２ 任务'].join('\n');
    assert.deepEqual(
      findings(text).map((d) => d.message),
      ['编号“１．３”与同级编号“1.2”写法不一致，应改为“1.3”', '编号“1.4、”与同级编号“1.2”写法不一致，应改为“1.4”'],
    );
    const fixedText = applyAll(text);
    assert.equal(fixedText, text.replace('１．３', '1.3').replace('1.4、', '1.4'));
  });
});
