// PL006 level-order: edge cases the fixtures show poorly — what counts as a skip, what is exempt, English text.
import assert from 'node:assert/strict';
import { lint } from '../helpers/lint.js';

const ID = 'PL006';
const findings = (text: string) => lint(text, { ruleId: ID });
const plan = (...lines: string[]) => ['岚川市2024年度工作要点', '', ...lines.flatMap((l) => [l, ''])].join('\n');

describe('PL006 level-order', () => {
  it('allows 一、 directly followed by 1. when the document has no （一） at all (GB/T two-level case)', () => {
    assert.deepEqual(findings(plan('一、甲', '1.任务', '2.任务', '二、乙', '3.任务')), []);
  });

  it('flags 1. directly under 一、 when the document uses （一） elsewhere', () => {
    const ds = findings(plan('一、甲', '（一）子项', '1.任务', '二、乙', '1.任务', '2.任务'));
    assert.deepEqual(
      ds.map((d) => `${d.range.start.line + 1} ${d.message}`),
      ['11 跳级：“1.”直接位于“二、”之下，跳过了本文其他位置使用的“（一）”一级'],
    );
  });

  it('reports a skip once per heading and level', () => {
    const ds = findings(plan('一、甲', '(一)子项', '1.任务', '二、乙', '(1)任务', '(2)任务', '(3)任务'));
    assert.equal(ds.length, 1);
    assert.match(ds[0]!.message, /“\(1\)”直接位于“二、”之下，跳过了本文其他位置使用的“\(一\)”“1\.”两级/);
  });

  it('names both markers when a higher level follows a lower one under one heading', () => {
    const ds = findings(plan('一、甲', '(一)子项', '(1)任务', '(2)任务', '1.任务'));
    assert.deepEqual(
      ds.map((d) => d.message),
      ['层级顺序颠倒：较高层级的“1.”排在同一上级下较低层级的“(2)”之后'],
    );
  });

  it('lets ① sit under any level', () => {
    assert.deepEqual(findings(plan('一、甲', '(一)子项', '1.任务', '(1)细项', '二、乙', '①任务', '②任务')), []);
  });

  it('does not judge markers before the first heading (no parent to compare with)', () => {
    assert.deepEqual(findings(plan('1.前言一', '2.前言二', '一、甲', '(一)任务')), []);
  });

  it('speaks English with locale en', () => {
    const [d] = lint(plan('一、甲', '1.任务', '(一)子项'), { ruleId: ID, locale: 'en' });
    assert.equal(d!.message, 'Levels out of order: "(一)" is a higher level than "1." before it under the same heading');
  });
});
