// The engine's deferred suggestions: found on first read and kept, carried by JSON and structured clones, never found
// for a diagnostic nobody reads, and read through one getter shared by every deferred diagnostic. Which rules check a
// text that is not a plan.
import assert from 'node:assert/strict';
import { lintPlan } from '../../server/src/lint/engine.js';
import type { Rule, RuleFix } from '../../server/src/lint/rule.js';
import type { LintDiagnostic } from '../../server/src/lint/types.js';
import { parsePlan } from '../../server/src/model/plan.js';
import type { DocumentKind } from '../../server/src/model/types.js';
import { allRules } from '../../server/src/rules/index.js';

const TEXT = '临川市2025年营商环境优化工作要点\n\n一、重点任务\n\n1.优化审批流程。\n2.推进数据共享。\n';

/** A rule reporting every task, its suggestions found by `find` (counted in `calls`) on read. */
function deferringRule(find: (title: string) => RuleFix[], calls: { n: number }): Rule {
  return {
    id: 'PL999',
    name: 'test-deferred',
    defaultSeverity: 'info',
    tags: [],
    fixable: 'suggest',
    description: { 'zh-CN': '测试', en: 'test' },
    messages: { found: { 'zh-CN': '任务', en: 'task' }, fix: { 'zh-CN': '修改', en: 'fix' } },
    check({ plan, report }) {
      for (const task of plan.tasks) {
        report({
          messageId: 'found',
          span: task.span,
          suggestions: () => {
            calls.n++;
            return find(task.title);
          },
        });
      }
    },
  };
}

const insertTitle = (title: string): RuleFix[] => [{ messageId: 'fix', edits: [{ span: { start: 0, end: 0 }, newText: title }] }];

function lintWith(rule: Rule): LintDiagnostic[] {
  return lintPlan(parsePlan(TEXT), { rules: [rule], settings: { today: '2025-06-01' } }).filter((d) => d.ruleId === 'PL999');
}

describe('engine: deferred suggestions', () => {
  it('are found on first read only, and once', () => {
    const calls = { n: 0 };
    const diagnostics = lintWith(deferringRule(insertTitle, calls));
    assert.equal(diagnostics.length, 2);
    assert.equal(calls.n, 0, 'linting finds no suggestion');
    assert.ok('suggestions' in diagnostics[0]!, 'a deferred diagnostic says it may have suggestions');
    assert.equal(diagnostics[0]!.suggestions?.[0]?.edits[0]?.newText, '优化审批流程');
    assert.equal(diagnostics[0]!.suggestions?.[0]?.edits[0]?.newText, '优化审批流程');
    assert.equal(calls.n, 1, 'read twice, found once');
    assert.equal(diagnostics[1]!.suggestions?.[0]?.edits[0]?.newText, '推进数据共享');
    assert.equal(calls.n, 2);
  });

  it('are carried by JSON and by a structured clone, and nothing else of the deferral is', () => {
    const [diagnostic] = lintWith(deferringRule(insertTitle, { n: 0 }));
    const json = JSON.parse(JSON.stringify(diagnostic)) as LintDiagnostic;
    assert.equal(json.suggestions?.[0]?.edits[0]?.newText, '优化审批流程');
    const clone = structuredClone(diagnostic!);
    assert.deepEqual(clone.suggestions, json.suggestions);
    assert.deepEqual(Object.keys(json).sort(), Object.keys(diagnostic!).sort());
  });

  it('read as absent when there are none, or when the finder throws', () => {
    const none = lintWith(deferringRule(() => [], { n: 0 }));
    assert.equal(none[0]!.suggestions, undefined);
    const failing = lintWith(
      deferringRule(() => {
        throw new Error('boom');
      }, { n: 0 }),
    );
    assert.equal(failing[0]!.suggestions, undefined);
    assert.equal(JSON.parse(JSON.stringify(failing[0])).suggestions, undefined);
  });

  it('are read through one getter shared by every deferred diagnostic (no hidden class per diagnostic)', () => {
    const a = lintWith(deferringRule(insertTitle, { n: 0 }));
    const b = lintWith(deferringRule(insertTitle, { n: 0 }));
    const getters = [...a, ...b].map((d) => Object.getOwnPropertyDescriptor(d, 'suggestions')?.get);
    assert.equal(typeof getters[0], 'function');
    for (const g of getters) assert.equal(g, getters[0]);
  });
});

describe('engine: a text that is not a plan', () => {
  /** `[rule id, message id, line]` of every finding on `lines`, all rules at their defaults. */
  const findings = (lines: string[], kind?: DocumentKind) =>
    lintPlan(parsePlan(lines.join('\n'), kind ? { kind } : {}), { rules: allRules, settings: { today: '2024-06-01' } }).map((d) => [
      d.ruleId,
      d.messageId,
      d.range.start.line + 1,
    ]);

  const contingency = ['柳岸县森林火灾应急预案', '1 总则', '1.1 编制目的', '为科学有序处置森林火灾，制定本预案。', '1.3 适用范围', '5 附则', '5.1 本预案由县林业局负责解释。'];
  const readme = [
    '# Notes on the plans folder',
    '',
    'This folder holds the plans we lint in CI. Each plan is read for its tasks, and the report lists every finding by line.',
    '',
    '1. Plans are kept one per file, by year.',
    '3. 二、主要任务 headings are where the tasks start; the numbering under them is checked.',
    '4. Every task names its lead unit (牵头单位) and its deadline.',
    '',
    'More about the rules and the configuration is in the docs folder of the repository, with examples for each rule.',
  ];
  const report = [
    '柳岸县2023年农村公路建设情况的报告',
    '一、主要工作',
    '（一）改造农村公路。（县交通运输局牵头，2023年2月30日前完成）',
    '（三）新建桥梁。（县交通运输局牵头，2025年底前完成）',
    '（二）整治危桥。县交通运输局负责，全年完成12座。',
  ];

  it('gets no plan findings: no number missing, no numbering, no attribution, no deadline outside a period', () => {
    assert.deepEqual(findings(contingency), [], 'a contingency plan: 5.1 names who explains it (PL003)');
    assert.deepEqual(findings(readme), [], 'documentation: its list skips 2 (PL004), an empty 牵头单位 (PL010)');
  });

  it('still gets the findings of a rule meant for any document: a date that does not exist (PL009)', () => {
    // 2025年底前 is after the report's year, but a report has no period of its own; its numbers go backwards.
    assert.deepEqual(findings(report), [['PL009', 'invalid', 3]]);
  });

  it('read as a plan by the configuration, it gets them all again', () => {
    // Its decimal headings are tasks then: 1.1 and 1.3 name no lead and no deadline, 1.2 is missing, 2–4 are; 5.1,
    // under 附则, says in its prose who explains the plan: no task.
    assert.deepEqual(findings(contingency, 'plan'), [
      ['PL001', 'missing', 3],
      ['PL002', 'missing', 3],
      ['PL001', 'missing', 5],
      ['PL002', 'missing', 5],
      ['PL004', 'gap', 5],
      ['PL004', 'gap', 6],
    ]);
    assert.deepEqual(findings(report, 'plan').map(([id]) => id), ['PL009', 'PL004', 'PL009', 'PL004']);
  });

  it("a rule's `documents` says which texts it checks: plans unless it says `any`", () => {
    const every = (documents?: 'plans' | 'any'): Rule => ({
      id: 'PL999',
      name: 'test-every-text',
      defaultSeverity: 'info',
      tags: [],
      fixable: 'none',
      ...(documents ? { documents } : {}),
      description: { 'zh-CN': '测试', en: 'test' },
      messages: { found: { 'zh-CN': '文本', en: 'text' } },
      check: ({ report }) => report({ messageId: 'found', span: { start: 0, end: 1 } }),
    });
    const run = (rule: Rule, lines: string[]) => lintPlan(parsePlan(lines.join('\n')), { rules: [rule] }).length;
    assert.deepEqual([run(every(), contingency), run(every('plans'), contingency), run(every('any'), contingency)], [0, 0, 1]);
    assert.deepEqual([run(every(), [TEXT]), run(every('any'), [TEXT])], [1, 1]);
    // The CLI's note on such a file says only dates are checked: PL009 is the one rule for any document.
    assert.deepEqual(allRules.filter((r) => r.documents === 'any').map((r) => r.id), ['PL009']);
  });
});
