// OCR's look-alikes: a dash for 一 and a letter l for 1 in a marker, a letter O for 0 in a date, read as what they stand for.
import assert from 'node:assert/strict';
import { createPlanService } from '../../server/src/service.js';
import { assertRangesAgree, planOf } from './helpers.js';

const service = createPlanService({ today: '2026-01-15' });
const codes = (text: string): string[] => service.analyze(text).diagnostics.map((d) => d.ruleId);

describe('OCR look-alikes in markers and dates', () => {
  const lines = [
    '溪川县2026年农村人居环境整治工作方案',
    '',
    '—、主要任务',
    '（—）开展村庄清洁行动。（牵头单位：县农业农村局；完成时限：2O26年6月底前）',
    '（二）推进厕所改造',
    'l.改造户厕。（牵头单位：县卫健局；完成时限：2026年9月3O日前）',
    '2.建设公厕。（牵头单位：县住建局；完成时限：2026年1O月底前）',
  ];
  const text = lines.join('\n');

  it('reads `—、` `（—）` as 一, `l.` as 1. and `2O26年` `3O日` `1O月` as dates', () => {
    const plan = planOf(lines);
    assert.deepEqual(
      plan.tasks.map((t) => [t.number, t.title, t.lead.map((u) => u.name), t.deadline?.end ?? null]),
      [
        ['（一）', '开展村庄清洁行动', ['县农业农村局'], '2026-06-30'],
        ['1.', '改造户厕', ['县卫健局'], '2026-09-30'],
        ['2.', '建设公厕', ['县住建局'], '2026-10-31'],
      ],
    );
    // The plan keeps the text as written; its ranges point into it.
    assert.equal(plan.text, text);
    assertRangesAgree(plan);
  });

  it('reports no unnumbered attribution, no gap and no missing deadline', () => {
    assert.deepEqual(codes(text), []);
  });

  it('leaves dashes, a Roman numeral and letters elsewhere as written', () => {
    const plan = planOf([
      '溪川县2026年工作方案',
      '',
      '一、主要任务',
      '1.实施减排行动，控制CO2排放，2021—2023年完成。（牵头单位：县生态环境局）',
      '——、这一行以破折号开头',
      'I.这一行以罗马数字开头',
      '2.推进Office 2O系统建设。（牵头单位：县数据局）',
    ]);
    assert.deepEqual(
      plan.allSections.map((s) => s.marker.text),
      ['一、', '1.', '2.'],
    );
    assert.equal(plan.tasks[0]!.deadline?.text, '2021—2023年');
    assert.equal(plan.tasks[1]!.deadline, null);
  });
});
