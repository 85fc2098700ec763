// PL002 deadline-missing: a task with no deadline (完成时限); inherited and plan-level deadlines count as configured.
import type { Rule } from '../lint/rule.js';
import { insertTemplateEdit } from '../lint/templates.js';
import type { Attribution } from '../model/types.js';
import { taskLabel } from './PL001-lead-unit-missing.js';

export const rule: Rule = {
  id: 'PL002',
  name: 'deadline-missing',
  defaultSeverity: 'warning',
  tags: ['deadline'],
  fixable: 'suggest',
  description: {
    'zh-CN': '任务没有完成时限（“长期坚持”等也算时限；是否承认上级标题或整个方案的时限可配置）',
    en: 'A task has no deadline ("ongoing" counts; whether a heading\'s or the plan\'s period counts is configurable)',
  },
  messages: {
    missing: { 'zh-CN': '任务“{task}”缺少完成时限', en: 'Task "{task}" has no deadline' },
    addField: { 'zh-CN': '添加“完成时限”', en: 'Add a deadline field' },
    insertTemplate: { 'zh-CN': '插入分工模板', en: 'Insert an attribution template' },
  },
  check({ plan, settings, report }) {
    // An index loop, no closure per task: a for-of allocates per step until the code is optimised.
    const tasks = plan.tasks;
    for (let t = 0; t < tasks.length; t++) {
      const task = tasks[t]!;
      if (task.deadline && (!task.inherited.deadline || settings.deadline.inheritFromSection)) continue;
      if (settings.deadline.planPeriodSatisfies && plan.period !== null) continue;
      const own = task.section ? bracketOf(task.section.attributions) : undefined;
      const suggestions = [];
      if (own && own.punctuation && own.punctuation.close) {
        const at = own.span.end - own.punctuation.close.length;
        suggestions.push({ messageId: 'addField', edits: [{ span: { start: at, end: at }, newText: `${own.punctuation.separator}完成时限${own.punctuation.colon}` }] });
      } else if (task.section && task.section.attributions.length === 0) {
        suggestions.push({ messageId: 'insertTemplate', edits: [insertTemplateEdit(plan, task)] });
      }
      report({
        messageId: 'missing',
        span: task.section ? task.section.marker.span : task.span,
        data: { task: taskLabel(task) },
        suggestions,
      });
    }
  },
};

/** The first attribution in brackets or parentheses (the form a field can be added to). */
function bracketOf(attributions: readonly Attribution[]): Attribution | undefined {
  for (let i = 0; i < attributions.length; i++) {
    const a = attributions[i]!;
    if (a.style === 'bracket' || a.style === 'paren') return a;
  }
  return undefined;
}
