// Lead and deadline fixes write a complete attribution in the style the plan already uses: brackets, parentheses, labelled lines, sentences, either script.
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/features/code-actions.js';
import { moveToLeadEdits } from '../../server/src/lint/attribution-edits.js';
import { parsePlan } from '../../server/src/model/plan.js';
import { lint } from '../helpers/lint.js';

/** The line `line` (0-based) of `text` after applying the fix titled `title` of the first `ruleId` finding on that line. */
function fixed(text: string, ruleId: string, line: number, title: string | RegExp): string {
  const d = lint(text, { ruleId }).find((x) => x.range.start.line === line && x.messageId !== 'mostMissing');
  assert.ok(d, `no ${ruleId} on line ${line + 1}`);
  const fix = (d.suggestions ?? []).find((f) => (typeof title === 'string' ? f.title === title : title.test(f.title)));
  assert.ok(fix, `no fix “${String(title)}” among ${(d.suggestions ?? []).map((f) => f.title).join(' | ')}`);
  return applyEdits(text, fix.edits).split('\n')[line]!;
}

const HEAD = '某市2025年工作要点\n\n一、重点任务\n\n';

describe('lead and deadline fixes in the plan’s own style', () => {
  it('brackets: a new `[牵头单位:X]` after the task’s first paragraph', () => {
    const text = HEAD + '1.清理文件。[牵头单位:市司法局;完成时限:2025年底前]\n2.推行公示。\n';
    assert.equal(fixed(text, 'PL001', 5, /市司法局/), '2.推行公示。[牵头单位:市司法局]');
  });

  it('full-width brackets keep their punctuation', () => {
    const text = HEAD + '1．清理文件。【牵头单位：市司法局；完成时限：2025年底前】\n2．推行公示。\n';
    assert.equal(fixed(text, 'PL001', 5, /市司法局/), '2．推行公示。【牵头单位：市司法局】');
  });

  it('parentheses: `（X牵头）`', () => {
    const text = HEAD + '1.清理文件。（市司法局牵头，各部门按职责分工负责）\n2.推行公示。（市财政局牵头）\n3.开展评查。\n';
    assert.equal(fixed(text, 'PL001', 6, /市司法局/), '3.开展评查。（市司法局牵头）');
  });

  it('labelled lines: a `牵头单位：X` line of its own', () => {
    const text = HEAD + '1.清理文件。\n牵头单位：市司法局\n2.推行公示。\n牵头单位：市司法局\n3.开展评查。\n';
    const after = applyEdits(text, lint(text, { ruleId: 'PL001' })[0]!.suggestions![0]!.edits).split('\n');
    assert.deepEqual(after.slice(8, 10), ['3.开展评查。', '牵头单位：市司法局']);
  });

  it('sentences: `此项工作由X牵头负责。`', () => {
    const text = HEAD + '1.清理文件。此项工作由市司法局牵头负责。\n2.推行公示。此项工作由市司法局牵头负责。\n3.开展评查。\n';
    assert.equal(fixed(text, 'PL001', 6, /市司法局/), '3.开展评查。此项工作由市司法局牵头负责。');
  });

  it('of several responsible units, the chosen one moves to a lead field', () => {
    const text = HEAD + '1.清理文件。[责任单位:市司法局、市财政局;完成时限:2025年底前]\n';
    assert.equal(fixed(text, 'PL001', 4, '将“市财政局”设为牵头单位'), '1.清理文件。[牵头单位:市财政局;责任单位:市司法局;完成时限:2025年底前]');
    assert.equal(fixed(text, 'PL001', 4, '将“市司法局”设为牵头单位'), '1.清理文件。[牵头单位:市司法局;责任单位:市财政局;完成时限:2025年底前]');
  });

  it('an empty `牵头单位:` is filled (by a responsible unit that moves there, or by another)', () => {
    const text = HEAD + '1.清理文件。[牵头单位:;责任单位:市司法局、市财政局;完成时限:2025年底前]\n2.推行公示。[牵头单位:;完成时限:2025年底前]\n3.开展评查。[牵头单位:市财政局]\n';
    assert.equal(fixed(text, 'PL001', 4, '将“市司法局”设为牵头单位'), '1.清理文件。[牵头单位:市司法局;责任单位:市财政局;完成时限:2025年底前]');
    assert.equal(fixed(text, 'PL001', 5, /市财政局/), '2.推行公示。[牵头单位:市财政局;完成时限:2025年底前]');
  });

  it('a parenthesis list: `（A、B配合）` → `（B牵头，A配合）`', () => {
    const text = HEAD + '1.清理文件。（市司法局、市财政局配合）\n';
    assert.equal(fixed(text, 'PL001', 4, '将“市财政局”设为牵头单位'), '1.清理文件。（市财政局牵头，市司法局配合）');
  });

  it('a labelled `责任单位：` line: the chosen unit moves to a `牵头单位：` field before it', () => {
    const text = HEAD + '1.清理文件。\n责任单位：市司法局、市财政局\n';
    const d = lint(text, { ruleId: 'PL001' })[0]!;
    const fix = d.suggestions!.find((f) => f.title === '将“市司法局”设为牵头单位')!;
    assert.equal(applyEdits(text, fix.edits).split('\n')[5], '牵头单位：市司法局；责任单位：市财政局');
  });

  it('the rename of a lone `责任单位` to `牵头单位`, for a plan read without the lone-unit convention', () => {
    const text = HEAD + '1.清理文件。[责任单位:市司法局]\n';
    const plan = parsePlan(text);
    const task = plan.tasks[0]!;
    // The model may read a lone responsible unit as the lead; the edit is checked on its own.
    const mention = [...task.responsible, ...task.lead][0]!;
    const edits = moveToLeadEdits(plan, { ...task, lead: [], responsible: [mention] }, { ...mention, role: 'responsible' });
    if (task.lead.length === 0) assert.deepEqual(edits && applyEdits(text, edits).split('\n')[4], '1.清理文件。[牵头单位:市司法局]');
    else assert.ok(edits === null || applyEdits(text, edits).split('\n')[4] === '1.清理文件。[牵头单位:市司法局]');
  });

  it('a table row: the chosen responsible unit moves into the empty lead cell', () => {
    const text = '某市2025年工作方案\n\n附件：任务分解表\n\n| 序号 | 重点工作任务 | 牵头单位 | 责任单位 | 完成时限 |\n| --- | --- | --- | --- | --- |\n| 1 | 做好一件事 | 市司法局 | 市财政局 | 2025年底前 |\n| 2 | 做好二件事 |  | 市财政局、市教育局 | 2025年底前 |\n';
    assert.equal(fixed(text, 'PL001', 7, '将“市教育局”设为牵头单位'), '| 2 | 做好二件事 | 市教育局 | 市财政局 | 2025年底前 |');
  });

  it('traditional script: `牽頭單位`', () => {
    const text = '某市2025年工作要點\n\n一、重點任務\n\n1.清理文件。[牽頭單位:市司法局;完成時限:2025年底前]\n2.推行公示。[責任單位:市財政局、市教育局]\n';
    assert.equal(fixed(text, 'PL001', 5, '将“市財政局”设为牵头单位'), '2.推行公示。[牽頭單位:市財政局;責任單位:市教育局]');
  });

  it('deadlines: a field before the bracket’s closer, else `（完成时限：X）` beside parentheses', () => {
    const bracket = HEAD + '1.清理文件。[牵头单位:市司法局]\n';
    assert.equal(fixed(bracket, 'PL002', 4, '完成时限写为“2025年底前”'), '1.清理文件。[牵头单位:市司法局;完成时限:2025年底前]');
    const paren = HEAD + '1.清理文件。（市司法局牵头，各部门按职责分工负责）\n';
    assert.equal(fixed(paren, 'PL002', 4, '完成时限写为“2025年底前”'), '1.清理文件。（市司法局牵头，各部门按职责分工负责）（完成时限：2025年底前）');
  });

  it('most tasks without a deadline: the plan-level finding offers the period’s end for every one of them, which settles it', () => {
    const text = '某市2021—2023年工作方案\n\n一、重点任务\n\n' + ['清理文件', '推行公示', '开展评查', '完善机制', '做好评估', '开展培训'].map((t, i) => `${i + 1}.${t}。[牵头单位:市司法局]`).join('\n') + '\n';
    const plan = lint(text, { ruleId: 'PL002' }).find((d) => d.messageId === 'mostMissing')!;
    assert.ok(plan);
    const [all] = plan.suggestions!;
    assert.equal(all!.title, '为这 6 项任务逐项写上完成时限“2023年底前”');
    const after = applyEdits(text, all!.edits);
    assert.equal(after.split('\n')[4], '1.清理文件。[牵头单位:市司法局;完成时限:2023年底前]');
    assert.deepEqual(lint(after, { ruleId: 'PL002' }), []);
  });

  it('“choose…” carries its choices as a snippet whose first choice is the plain text', () => {
    const text = HEAD + '1.清理文件。[牵头单位:市司法局;完成时限:2025年底前]\n2.推行公示。[牵头单位:市财政局;完成时限:2025年底前]\n3.开展评查。\n';
    const d = lint(text, { ruleId: 'PL001', config: { units: [{ name: '市审计局' }] } }).find((x) => x.range.start.line === 6)!;
    const choose = d.suggestions!.find((f) => f.title === '选择牵头单位…')!;
    assert.deepEqual(choose.edits.map((e) => [e.newText, e.snippet]), [['[牵头单位:市司法局]', '[牵头单位:${1|市司法局,市财政局,市审计局|}]$0']]);
  });
});
