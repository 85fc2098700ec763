// The outline of a plan as indented text lines (CLI `planlint outline`); the language server builds symbols from the same sections.
import type { Locale } from '../lint/types.js';
import { describeKind } from '../model/kind-words.js';
import type { PlanDocument, Section, Task } from '../model/types.js';

/**
 * Renders the section tree, one line per section, with each task's lead units and deadline, after the title and
 * what the document was read as (plan, report, other) and why.
 */
export function outlineLines(plan: PlanDocument, locale: Locale = 'zh-CN'): string[] {
  const taskOf = new Map<Section, Task>();
  for (const task of plan.tasks) if (task.section) taskOf.set(task.section, task);
  const out: string[] = [];
  if (plan.title) out.push(plan.title);
  out.push(`${plan.title ? '  ' : ''}〔${describeKind(plan.kindDecision, locale)}〕`);
  const walk = (sections: Section[], depth: number) => {
    for (const s of sections) {
      const task = taskOf.get(s);
      let line = `${'  '.repeat(depth)}${s.marker.text}${s.title}`;
      if (task) line += `  ${taskSummary(task)}`;
      else if (s.nonTask) line += '  〔非任务〕';
      out.push(line);
      walk(s.children, depth + 1);
    }
  };
  walk(plan.sections, plan.title ? 1 : 0);
  for (const table of plan.tables) {
    out.push(`${plan.title ? '  ' : ''}〔任务表〕${table.header.join(' | ')}`);
    for (const task of plan.tasks.filter((t) => t.table === table)) {
      out.push(`${plan.title ? '    ' : '  '}${task.number} ${task.title}  ${taskSummary(task)}`);
    }
  }
  return out;
}

/** `〔牵头：A、B；时限：2021年底前〕`, marking inherited values with `↑`. */
export function taskSummary(task: Task): string {
  const lead = task.lead.length > 0 ? task.lead.map((u) => u.name).join('、') + (task.inherited.lead ? '↑' : '') : '—';
  const deadline = task.deadline ? task.deadline.text + (task.inherited.deadline ? '↑' : '') : '—';
  return `〔牵头：${lead}；时限：${deadline}〕`;
}
