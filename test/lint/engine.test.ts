// The engine's deferred suggestions: found on first read and kept, carried by JSON and structured clones, never found
// for a diagnostic nobody reads, and read through one getter shared by every deferred diagnostic.
import assert from 'node:assert/strict';
import { lintPlan } from '../../server/src/lint/engine.js';
import type { Rule, RuleFix } from '../../server/src/lint/rule.js';
import type { LintDiagnostic } from '../../server/src/lint/types.js';
import { parsePlan } from '../../server/src/model/plan.js';

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
