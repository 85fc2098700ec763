// The task decomposition table (任务分解表) of a plan: one row per task, as the CLI, the preview and exports show it.
import type { LintDiagnostic, Locale } from '../lint/types.js';
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

/** A finding shown in a task's 问题 (problems) column: a diagnostic that starts inside the task's text. */
export interface TaskProblem {
  ruleId: string;
  ruleName: string;
  severity: LintDiagnostic['severity'];
  message: string;
  /** 1-based line of the finding. */
  line: number;
}

/** A row with the findings on its task: what exports write when the problems column is asked for. */
export interface TaskRowWithProblems extends TaskRow {
  problems: TaskProblem[];
}

/**
 * The findings on each task, in task order (index `i` belongs to `plan.tasks[i]`): every diagnostic whose
 * start lies inside a task's span. Findings outside every task (a heading, the preamble) are left out.
 * Linear after sorting: tasks are disjoint leaves, so each diagnostic is placed by binary search.
 */
export function problemsByTask(plan: PlanDocument, diagnostics: readonly LintDiagnostic[]): TaskProblem[][] {
  const out: TaskProblem[][] = plan.tasks.map(() => []);
  const order = plan.tasks.map((t, i) => i).sort((a, b) => plan.tasks[a]!.span.start - plan.tasks[b]!.span.start);
  for (const d of diagnostics) {
    const at = d.span.start;
    let lo = 0;
    let hi = order.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (plan.tasks[order[mid]!]!.span.start <= at) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) continue;
    const index = order[found]!;
    const task = plan.tasks[index]!;
    if (at < task.span.end || (at === task.span.end && d.span.end === at)) {
      out[index]!.push({ ruleId: d.ruleId, ruleName: d.ruleName, severity: d.severity, message: d.message, line: d.range.start.line + 1 });
    }
  }
  return out;
}

/** The rows of the task table, each with the findings on its task. */
export function taskRowsWithProblems(plan: PlanDocument, diagnostics: readonly LintDiagnostic[]): TaskRowWithProblems[] {
  const problems = problemsByTask(plan, diagnostics);
  return taskRows(plan).map((row, i) => ({ ...row, problems: problems[i]! }));
}

/** The heading of the problems column. */
export const PROBLEMS_HEADING: Record<Locale, string> = { 'zh-CN': '问题', en: 'Problems' };

/** A problems cell: `PL001 任务…缺少牵头单位`, one finding per part, joined by `separator`. */
export function problemsCell(problems: readonly { ruleId: string; message: string }[], separator: string): string {
  return problems.map((p) => `${p.ruleId} ${p.message}`).join(separator);
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

/**
 * A Markdown pipe table; `|`, line breaks and HTML (`<` `>` `&` as entities) inside cells are escaped. With `problems`, a 问题 column
 * lists each row's findings (rows without a `problems` list get an empty cell).
 */
export function toMarkdown(
  rows: ReadonlyArray<TaskRow & { problems?: readonly { ruleId: string; message: string }[] }>,
  locale: keyof typeof TABLE_HEADINGS = 'zh-CN',
  options: { problems?: boolean } = {},
): string {
  // HTML is escaped too: a Markdown renderer would otherwise pass `<img onerror=…>` from the plan through.
  const esc = (s: string) =>
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/\\/g, '\\\\')
      .replace(/\|/g, '\\|')
      .replace(/\r?\n|\r/g, ' ');
  const head: string[] = [...TABLE_HEADINGS[locale], ...(options.problems ? [PROBLEMS_HEADING[locale]] : [])];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const row of rows) {
    const cells = rowCells(row);
    if (options.problems) cells.push(problemsCell(row.problems ?? [], locale === 'en' ? '; ' : '；'));
    lines.push(`| ${cells.map(esc).join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
}
