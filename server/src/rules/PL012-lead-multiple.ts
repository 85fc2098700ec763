// PL012 lead-multiple: a task that names more than one lead unit (牵头单位), where the practice is one lead per task (每项任务一个牵头单位).
import { leadsToResponsibleEdits } from '../lint/attribution-edits.js';
import type { Rule, RuleFix } from '../lint/rule.js';
import { taskLabel } from '../lint/templates.js';
import type { Span, Task } from '../model/types.js';

export const rule: Rule = {
  id: 'PL012',
  name: 'lead-multiple',
  defaultSeverity: 'info',
  tags: ['attribution'],
  fixable: 'suggest',
  description: {
    'zh-CN':
      '任务写有多个牵头单位。每项任务宜由一个单位牵头，其他单位列为责任单位；允许的牵头单位个数可由选项 maxLeads 设置（默认1）。沿用上级标题的牵头单位不在此检查',
    en: 'A task names more than one lead unit. One unit should lead each task, the others being responsible units; the option maxLeads sets how many lead units are allowed (1 by default). Leads inherited from a heading are not checked here',
  },
  messages: {
    multiple: {
      'zh-CN': '任务“{task}”有{count}个牵头单位（{units}），每项任务宜由一个单位牵头',
      en: 'Task "{task}" names {count} lead units ({units}); one unit should lead each task',
    },
    tooMany: {
      'zh-CN': '任务“{task}”有{count}个牵头单位（{units}），多于{max}个',
      en: 'Task "{task}" names {count} lead units ({units}), more than {max}',
    },
    keepFirst: { 'zh-CN': '以“{lead}”为牵头单位，其余改为责任单位', en: 'Keep "{lead}" as the lead unit; make the others responsible units' },
    keepFirstMany: { 'zh-CN': '保留前{max}个牵头单位，其余改为责任单位', en: 'Keep the first {max} lead units; make the others responsible units' },
  },
  check({ plan, options, report }) {
    const max = maxLeads(options['maxLeads']);
    for (const task of plan.tasks) {
      // No more leads than allowed, even before the names that repeat are counted once (almost every task).
      if (task.inherited.lead || task.lead.length <= max) continue;
      const names = [...new Map(task.lead.map((u) => [u.key, u.name])).values()];
      if (names.length <= max) continue;
      // The fix is written when it is asked for (a code action, JSON output), not for every finding.
      const fixes = (): RuleFix[] => {
        const edits = leadsToResponsibleEdits(plan, task, max);
        return edits ? [{ messageId: max === 1 ? 'keepFirst' : 'keepFirstMany', data: { lead: names[0]!, max }, edits }] : [];
      };
      report({
        messageId: max === 1 ? 'multiple' : 'tooMany',
        span: leadsSpan(plan.text, task),
        data: { task: taskLabel(task), count: names.length, units: names.join('、'), max },
        suggestions: fixes,
      });
    }
  },
};

/** The `maxLeads` option: a whole number of at least 1, else the default 1. */
function maxLeads(option: unknown): number {
  return typeof option === 'number' && Number.isInteger(option) && option >= 1 ? option : 1;
}

/** Where the finding goes: the lead units when they are written on one line, else the task's marker (or row). */
function leadsSpan(text: string, task: Task): Span {
  const start = Math.min(...task.lead.map((u) => u.span.start));
  const end = Math.max(...task.lead.map((u) => u.span.end));
  if (/[\r\n]/.test(text.slice(start, end))) return task.section ? task.section.marker.span : task.span;
  return { start, end };
}
