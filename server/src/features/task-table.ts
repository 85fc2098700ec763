// The task decomposition table (任务分解表) of a plan: one row per task, as the CLI, the preview and exports show it.
import { formatChineseNumeral, parseDecimal } from '../../../grammar/numerals.js';
import type { LintDiagnostic, Locale } from '../lint/types.js';
import type { Marker, PlanDocument, Section, Task } from '../model/types.js';

/** One row of the task table. This JSON shape is consumed by other tools: keep it stable. */
export interface TaskRow {
  number: string;
  title: string;
  /** 1-based line of the task's start. */
  line: number;
  lead: string[];
  responsible: string[];
  /** `recurring` (present when true): it comes round again (`每季度`); its `end` is the first time only. */
  deadline: { text: string; end: string | null; ongoing: boolean; recurring?: true } | null;
  inherited: { lead: boolean; deadline: boolean };
  /**
   * The number with its parents' numbers, outermost first, in the standard forms: `二（三）4.` for `4.` under
   * `（三）` under `二、`; a table row's 序号 cell as written. Three parts that each number `1、` stay apart here.
   */
  fullNumber: string;
  /** The headings the task sits under, outermost first, joined by ` / ` (`二、依法全面履行政府职能`); empty when none. */
  section: string;
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
    deadline: task.deadline
      ? { text: task.deadline.text, end: task.deadline.end, ongoing: task.deadline.ongoing, ...(task.deadline.recurring ? { recurring: true as const } : {}) }
      : null,
    inherited: { lead: task.inherited.lead, deadline: task.inherited.deadline },
    fullNumber: fullNumber(task),
    section: sectionPath(task),
  };
}

/** Separates the headings of the section column. */
export const SECTION_SEPARATOR = ' / ';

/**
 * A marker in the standard form of its level (GB/T 9704: `一、` `（一）` `1.` `（1）`), whatever width or
 * punctuation it was written with; `inner` drops a level-1 marker's `、` (inside a full number: `二（三）`).
 */
export function markerLabel(marker: Marker, inner = false): string {
  const v = marker.value;
  if (!Number.isInteger(v) || v < 0) return marker.text.trim();
  // `１．２、` → `1.2`: its numbers, whatever its level.
  if (marker.style === 'decimal') return parseDecimal(marker.text).join('.');
  // `【任务三】`, `问题2：` → `任务三`, `问题2`: a name as written, not a level's standard form.
  if (marker.style === 'task') return marker.text.replace(/^[【[〔]|[】\]〕]?[ \t\u3000]*[:：、．.]?$/g, '');
  switch (marker.level) {
    case 1:
      return formatChineseNumeral(v) + (inner ? '' : '、');
    case 2:
      return `（${formatChineseNumeral(v)}）`;
    case 3:
      return `${v}.`;
    case 4:
      return `（${v}）`;
    case 5:
      return marker.text.trim();
    case 6:
      // `一是` stays; `第一,` loses its comma.
      return marker.text.trim().replace(/[，,、：:]$/, '');
  }
}

/** The sections above `section`, outermost first. */
function ancestors(section: Section): Section[] {
  const out: Section[] = [];
  for (let up = section.parent; up !== null; up = up.parent) out.push(up);
  return out.reverse();
}

function fullNumber(task: Task): string {
  if (!task.section) return task.number;
  const own = task.section;
  let chain = [...ancestors(own), own];
  if (own.marker.style === 'decimal') {
    // A decimal marker carries the numbers of the decimal markers above it and of the marker its first number
    // continues (`1.1` under `一、`): those are left out of its full number (`一1.1` under `（一）` under `一、`).
    let k = chain.length - 1;
    while (k > 0 && chain[k - 1]!.marker.style === 'decimal') k--;
    if (k > 0 && chain[k - 1]!.marker.value === parseDecimal(chain[k]!.marker.text)[0]) k--;
    chain = [...chain.slice(0, k).filter((s) => s.marker.style !== 'decimal'), own];
  }
  // A level-1 marker keeps its `、` before a task numbered by name (`一、任务二`, not `一任务二`).
  return chain.map((s, i) => markerLabel(s.marker, i < chain.length - 1 && chain[i + 1]!.marker.style !== 'task')).join('');
}

function sectionPath(task: Task): string {
  if (!task.section) return '';
  return ancestors(task.section)
    .map((s) => markerLabel(s.marker) + s.title)
    .join(SECTION_SEPARATOR);
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

/** Column headings, Chinese first: full number, section, task, lead, responsible, deadline, line. */
export const TABLE_HEADINGS = {
  'zh-CN': ['序号', '所属部分', '任务', '牵头单位', '责任单位', '完成时限', '行号'],
  en: ['No.', 'Section', 'Task', 'Lead units', 'Responsible units', 'Deadline', 'Line'],
} as const;

/** The row as display cells, in the order of `TABLE_HEADINGS`. */
export function rowCells(row: TaskRow): string[] {
  return [row.fullNumber, row.section, row.title, row.lead.join('、'), row.responsible.join('、'), row.deadline?.text ?? '', String(row.line)];
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
