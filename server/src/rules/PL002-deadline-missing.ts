// PL002 deadline-missing: a task with no deadline (完成时限); inherited and plan-level deadlines count as configured. When most tasks lack one, one plan-level finding says so and the per-task ones are information.
import { deadlineChoices, deadlineInsertion, insertionEdit } from '../lint/attribution-edits.js';
import type { Rule, RuleFix } from '../lint/rule.js';
import { taskLabel } from '../lint/templates.js';
import type { PlanDocument, Span, Task } from '../model/types.js';

/** A plan-level finding needs at least this many tasks without a deadline… */
const MOST_MIN = 5;
/** …and more than this share of all tasks. */
const MOST_SHARE = 0.5;

export const rule: Rule = {
  id: 'PL002',
  name: 'deadline-missing',
  defaultSeverity: 'warning',
  tags: ['deadline'],
  fixable: 'suggest',
  description: {
    'zh-CN': '任务没有完成时限（“长期坚持”等也算时限；是否承认上级标题或整个方案的时限可配置）。多数任务都没有时限时，在标题处汇总为一条，逐项的降为提示',
    en: 'A task has no deadline ("ongoing" counts; whether a heading\'s or the plan\'s period counts is configurable). When most tasks have none, one finding on the title sums them up and the per-task ones become information',
  },
  messages: {
    missing: { 'zh-CN': '任务“{task}”缺少完成时限', en: 'Task "{task}" has no deadline' },
    mostMissing: {
      'zh-CN': '本方案 {total} 项任务中有 {count} 项未写完成时限{settle}',
      en: '{count} of the plan\'s {total} tasks have no deadline{settleEn}',
    },
    addDeadline: { 'zh-CN': '完成时限写为“{deadline}”', en: 'Set the deadline to "{deadline}"' },
    addDeadlineAll: {
      'zh-CN': '为这 {count} 项任务逐项写上完成时限“{deadline}”',
      en: 'Give each of these {count} tasks the deadline "{deadline}"',
    },
    chooseDeadline: { 'zh-CN': '选择完成时限…', en: 'Choose a deadline…' },
  },
  check({ plan, settings, report }) {
    const missing: Task[] = [];
    const tasks = plan.tasks;
    for (const task of tasks) {
      if (task.deadline && (!task.inherited.deadline || settings.deadline.inheritFromSection)) continue;
      if (settings.deadline.planPeriodSatisfies && plan.period !== null) continue;
      missing.push(task);
    }
    const most = missing.length >= MOST_MIN && missing.length > tasks.length * MOST_SHARE;
    // The deadlines to offer are found when a task's suggestions are first asked for (a lint in the CLI never asks).
    let choices: ReturnType<typeof deadlineChoices> | null = null;
    const choicesOf = () => (choices ??= deadlineChoices(plan));
    if (most) {
      const p = plan.period;
      const years = p ? (p.start === p.end ? `${p.end}年` : `${p.start}—${p.end}年`) : '';
      const yearsEn = p ? (p.start === p.end ? `${p.end}` : `${p.start}–${p.end}`) : '';
      report({
        messageId: 'mostMissing',
        span: titleSpan(plan),
        data: {
          count: missing.length,
          total: tasks.length,
          settle: p
            ? `。如各项任务均以方案实施期限（${years}）为限，可在配置中设置 deadline.planPeriodSatisfies: true；否则请逐项补写完成时限`
            : '。请逐项补写完成时限，或在标题中写明实施期限（如“（2021—2025年）”）并在配置中设置 deadline.planPeriodSatisfies: true',
          settleEn: p
            ? `. If every task runs for the plan's period (${yearsEn}), set deadline.planPeriodSatisfies: true in the configuration; otherwise give each task a deadline`
            : '. Give each task a deadline, or state the plan\'s period in its title (such as "(2021—2025年)") and set deadline.planPeriodSatisfies: true in the configuration',
        },
        // With a period, its end written into every task that has none (the editor also offers the configuration).
        suggestions: p ? () => everyDeadline(plan, missing, choicesOf()[0]!) : [],
      });
    }
    for (const task of missing) {
      report({
        messageId: 'missing',
        span: task.section ? task.section.marker.span : task.span,
        data: { task: taskLabel(task) },
        // Summed up by the plan-level finding: each task is then only information. (Written out: a spread of an
        // object into the report took the engine's slow path for every task without a deadline.)
        severity: most ? 'info' : undefined,
        suggestions: () => deadlineFixes(plan, task, choicesOf()),
      });
    }
  },
};

/** The span of the plan's title (its first character when there is none): where plan-level findings point. */
function titleSpan(plan: PlanDocument): Span {
  const r = plan.titleRange;
  if (!r) return { start: 0, end: Math.min(1, plan.text.length) };
  return { start: plan.lines.offsetAt(r.start), end: plan.lines.offsetAt(r.end) };
}

/** One fix writing `deadline` into every task of `missing` (each in its own place and style). */
function everyDeadline(plan: PlanDocument, missing: readonly Task[], deadline: string): RuleFix[] {
  const at = new Set<number>();
  const edits = [];
  for (const task of missing) {
    const ins = deadlineInsertion(plan, task);
    if (!ins || at.has(ins.at)) continue;
    at.add(ins.at);
    edits.push(insertionEdit(ins, deadline));
  }
  return edits.length > 0 ? [{ messageId: 'addDeadlineAll', data: { deadline, count: edits.length }, edits }] : [];
}

/** The first two deadlines as fixes of their own, and a choice among all of them (a snippet). */
function deadlineFixes(plan: PlanDocument, task: Task, choices: string[]): RuleFix[] {
  const at = deadlineInsertion(plan, task);
  if (!at) return [];
  const fixes: RuleFix[] = choices.slice(0, 2).map((deadline) => ({ messageId: 'addDeadline', data: { deadline }, edits: [insertionEdit(at, deadline)] }));
  fixes.push({ messageId: 'chooseDeadline', edits: [insertionEdit(at, choices[0]!, choices)] });
  return fixes;
}
