// PL001 lead-unit-missing: a task that names no lead unit (牵头单位), its own or inherited from a heading.
import type { Rule } from '../lint/rule.js';
import type { Task } from '../model/types.js';
import { insertTemplateEdit } from '../lint/templates.js';

export const rule: Rule = {
  id: 'PL001',
  name: 'lead-unit-missing',
  defaultSeverity: 'error',
  tags: ['attribution'],
  fixable: 'suggest',
  description: {
    'zh-CN': '任务没有牵头单位（本条或上级标题中均未写明）',
    en: 'A task names no lead unit, neither its own nor inherited from a heading',
  },
  messages: {
    missing: { 'zh-CN': '任务“{task}”缺少牵头单位', en: 'Task "{task}" has no lead unit' },
    onlyResponsible: {
      'zh-CN': '任务“{task}”列有多个责任单位，未写明由哪个单位牵头',
      en: 'Task "{task}" lists several responsible units but not which one leads',
    },
    insertTemplate: { 'zh-CN': '插入分工模板', en: 'Insert an attribution template' },
  },
  check({ plan, report }) {
    // An index loop: a for-of allocates per step until the code is optimised.
    const tasks = plan.tasks;
    for (let t = 0; t < tasks.length; t++) {
      const task = tasks[t]!;
      if (task.lead.length > 0) continue;
      const hasAttribution = task.section ? task.section.attributions.length > 0 : task.row !== null;
      report({
        messageId: task.responsible.length > 1 ? 'onlyResponsible' : 'missing',
        span: task.section ? task.section.marker.span : task.span,
        data: { task: taskLabel(task) },
        suggestions: hasAttribution || task.source === 'table' ? [] : [{ messageId: 'insertTemplate', edits: [insertTemplateEdit(plan, task)] }],
      });
    }
  },
};

/** How a message names a task: `2.做好政策解读…` in the body, `2 开展政策解读` for a table row (at most 20 characters of title). */
export function taskLabel(task: Task): string {
  const title = task.title.length > 20 ? task.title.slice(0, 20) + '…' : task.title;
  return task.source === 'table' ? `${task.number} ${title}` : `${task.number}${title}`;
}
