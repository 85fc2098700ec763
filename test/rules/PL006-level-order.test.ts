// PL006 level-order: edge cases the fixtures show poorly — what counts as a skip, what is exempt, English text.
import assert from 'node:assert/strict';
import { parsePlan } from '../../server/src/model/plan.js';
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

  it('does not judge a skip under a section that assigns no work; a task chapter beside it still is', () => {
    const layout = (safeguards: string) =>
      plan('一、重点任务', '（一）修缮校舍。[牵头单位:县教育局;完成时限:2024年8月底前]', '二、新建项目', '1.新建食堂。[牵头单位:县教育局]', safeguards, '1.加强组织领导。', '2.强化资金保障。');
    for (const safeguards of ['三、保障措施', '三、工作要求', '三、强化组织保障']) {
      assert.deepEqual(
        findings(layout(safeguards)).map((d) => `${d.range.start.line + 1} ${d.message}`),
        ['9 跳级：“1.”直接位于“二、”之下，跳过了本文其他位置使用的“（一）”一级'],
        safeguards,
      );
    }
  });

  it('takes no level as used elsewhere that only the items of a section assigning no work use', () => {
    // The tasks number `1.` under their chapters; only the safeguards use `（一）`: no task skips a level.
    const text = plan('一、重点任务', '1.修缮校舍。[牵头单位:县教育局;完成时限:2024年8月底前]', '2.新建食堂。[牵头单位:县教育局]', '二、保障措施', '（一）加强组织领导。', '（二）强化资金保障。');
    assert.deepEqual(findings(text), []);
    // A task chapter that uses `（一）` still makes a skip elsewhere a skip.
    const used = plan('一、重点任务', '（一）修缮校舍。[牵头单位:县教育局]', '二、新建项目', '1.新建食堂。[牵头单位:县教育局]', '三、保障措施', '（一）加强组织领导。');
    assert.deepEqual(findings(used).map((d) => d.message), ['跳级：“1.”直接位于“二、”之下，跳过了本文其他位置使用的“（一）”一级']);
  });

  it('lets ① sit under any level', () => {
    assert.deepEqual(findings(plan('一、甲', '(一)子项', '1.任务', '(1)细项', '二、乙', '①任务', '②任务')), []);
  });

  it('does not judge markers before the first heading (no parent to compare with)', () => {
    assert.deepEqual(findings(plan('1.前言一', '2.前言二', '一、甲', '(一)任务')), []);
  });

  // A covering notice: its requirements 一、二、, then the list of what it attaches, then the plan it issues.
  const notice = (...attached: string[]) =>
    [
      '枫渡县人民政府办公室关于印发枫渡县集贸市场整治工作方案的通知',
      '各乡镇人民政府，县政府各部门：',
      '现将《枫渡县集贸市场整治工作方案》印发给你们，请认真组织实施。',
      '一、各乡镇要明确专人负责。',
      '二、请于2024年11月20日前报送整治情况。',
      ...attached,
      '枫渡县集贸市场整治工作方案',
      '一、重点任务',
      '（一）整治占道经营，2024年8月底前完成。县市场监管局牵头，县交通运输局配合。',
      '（二）规范计量器具，2024年10月底前完成。县市场监管局牵头。',
    ].join('\n');

  it('reads a covering notice\'s attachment list (附件：1.…) as no part of the outline: no level, number or style finding', () => {
    const text = notice('附件：1.枫渡县集贸市场整治工作方案', '　　　2.集贸市场整治任务清单');
    assert.deepEqual(findings(text), []);
    assert.deepEqual(lint(text).map((d) => `${d.ruleId} ${d.message}`), []);
    const model = parsePlan(text);
    assert.deepEqual(
      model.separateLists.filter((l) => l.kind === 'attachment').map((l) => text.slice(l.span.start, l.span.end)),
      ['1.枫渡县集贸市场整治工作方案\n　　　2.集贸市场整治任务清单'],
    );
    // Numbers and forms that would be findings in the outline are none in the list either.
    const odd = notice('附件：1.枫渡县集贸市场整治工作方案', '　　　3、集贸市场整治任务清单');
    assert.deepEqual(lint(odd).map((d) => `${d.ruleId} ${d.message}`), []);
  });

  it('still judges the outline after an attachment list', () => {
    const text = [notice('附件：1.枫渡县集贸市场整治工作方案', '　　　2.集贸市场整治任务清单'), '二、规范经营秩序', '1.清理占道摊点。'].join('\n');
    assert.deepEqual(
      findings(text).map((d) => d.message),
      ['跳级：“1.”直接位于“二、”之下，跳过了本文其他位置使用的“（一）”一级'],
    );
  });

  it('speaks English with locale en', () => {
    const [d] = lint(plan('一、甲', '1.任务', '(一)子项'), { ruleId: ID, locale: 'en' });
    assert.equal(d!.message, 'Levels out of order: "(一)" is a higher level than "1." before it under the same heading');
  });

  it('reads decimal markers as the levels below the markers they continue: no finding on a consistent scheme', () => {
    assert.deepEqual(findings(plan('一、甲', '1.1 任务', '1.2 子项', '1.2.1 任务', '1.2.2 任务', '二、乙', '（一）子项', '1.任务', '三、丙', '3.1 任务')), []);
    // …and a decimal marker that leaves out a number (`2.1.1` right under `二、`) skips the level of `1.1`.
    assert.deepEqual(
      findings(plan('一、甲', '1.1 任务', '1.2 任务', '二、乙', '2.1.1 任务')).map((d) => d.message),
      ['跳级：“2.1.1”直接位于“二、”之下，跳过了本文其他位置使用的“1.1”一级'],
    );
  });
});
