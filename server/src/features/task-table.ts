// The task decomposition table (任务分解表) of a plan: one row per task, as the CLI, the preview and exports show it.
import type { PlanDocument, Task } from '../model/types.js';

/** One row of the task table. This JSON shape is consumed by other tools: keep it stable. */
export interface TaskRow {
  number: string;
  title: string;
  /** 1-based line of the task's start. */
  line: number;
  lead: string[];
  responsible: string[];
  deadline: { text: string; end: string | null; ongoing: boolean } | null;
  inherited: { lead: boolean; deadline: boolean };
}

/** Builds the rows of the task table. */
export function taskRows(plan: PlanDocument): TaskRow[] {
  return plan.tasks.map(toRow);
}

function toRow(task: Task): TaskRow {
  return {
    number: task.number,
    title: task.title,
    line: task.range.start.line + 1,
    lead: task.lead.map((u) => u.name),
    responsible: task.responsible.map((u) => u.name),
    deadline: task.deadline ? { text: task.deadline.text, end: task.deadline.end, ongoing: task.deadline.ongoing } : null,
    inherited: { lead: task.inherited.lead, deadline: task.inherited.deadline },
  };
}

/** Column headings, Chinese first. */
export const TABLE_HEADINGS = {
  'zh-CN': ['序号', '任务', '牵头单位', '责任单位', '完成时限'],
  en: ['No.', 'Task', 'Lead units', 'Responsible units', 'Deadline'],
} as const;

/** The row as display cells: number, task, lead, responsible, deadline. */
export function rowCells(row: TaskRow): string[] {
  return [row.number, row.title, row.lead.join('、'), row.responsible.join('、'), row.deadline?.text ?? ''];
}

/** A Markdown pipe table; `|` and line breaks inside cells are escaped. */
export function toMarkdown(rows: TaskRow[], locale: keyof typeof TABLE_HEADINGS = 'zh-CN'): string {
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ');
  const head = TABLE_HEADINGS[locale];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${rowCells(row).map(esc).join(' | ')} |`);
  return lines.join('\n') + '\n';
}
