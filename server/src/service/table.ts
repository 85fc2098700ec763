// The task table (任务分解表) as clients show and write it: the editor's rows with ranges and days left, the CLI's rows, exports.
import { exportTable, type ExportRow, type TableFormat } from '../features/export.js';
import { daysBetween } from '../features/hover.js';
import { filterRows, readFilter } from '../features/table-filter.js';
import { taskRows, taskRowsWithProblems } from '../features/task-table.js';
import type { ResolvedConfig } from '../config/config.js';
import type { Locale } from '../lint/types.js';
import type { PreviewRow, TaskTableResult } from '../protocol.js';
import type { AnalyzedDocument, ServiceContext } from './types.js';

/** The rows of a plan's task table, and the plan's title (the DOCX export's heading). */
export interface TableRows {
  title: string;
  rows: ExportRow[];
}

/** How to write the table. */
export interface ExportRequest {
  format: TableFormat;
  /** The file name written into the JSON export. */
  name: string;
  /** Only the rows this filter keeps (`{ unit?, status? }`, read as untrusted: unknown parts are dropped). */
  filter?: unknown;
  /** Today (ISO `YYYY-MM-DD`), for the `overdue` filter. */
  today: string;
  /** The headings' language. */
  locale: Locale;
  /** Add the problems column. */
  problems: boolean;
  /** The plan's title, for the DOCX export. */
  title: string;
}

/** The editor's task table: every task with its range, problems, days left from `today` and a span's first day; the plan's period; counts. */
export function taskTable(doc: AnalyzedDocument, today: string): TaskTableResult {
  const { plan, diagnostics } = doc.analysis;
  const rows: PreviewRow[] = taskRowsWithProblems(plan, diagnostics).map((row, i) => {
    const task = plan.tasks[i]!;
    const d = task.deadline;
    return {
      ...row,
      range: task.range,
      problems: row.problems.map((p) => ({ ruleId: p.ruleId, severity: p.severity, message: p.message })),
      // A recurring deadline (`每年第一季度`) comes round again: it is never overdue.
      daysLeft: d && !d.ongoing && !d.recurring && d.end ? daysBetween(today, d.end) : null,
      deadlineStart: d && !d.ongoing ? d.start : null,
    };
  });
  return {
    uri: doc.uri,
    version: doc.version,
    title: plan.title,
    period: plan.period ? { start: plan.period.start, end: plan.period.end } : null,
    today,
    rows,
    counts: { tasks: rows.length, problems: diagnostics.length, overdue: rows.filter((r) => r.daysLeft !== null && r.daysLeft < 0).length },
  };
}

/** The CLI's task table of `text`: from a parse alone, or with each task's findings when `problems` (the text is then linted). */
export function tableRows(ctx: ServiceContext, text: string, config: ResolvedConfig | undefined, problems: boolean): TableRows {
  if (problems) {
    const analysis = ctx.analyze(text, config);
    return { title: analysis.plan.title, rows: taskRowsWithProblems(analysis.plan, analysis.diagnostics) };
  }
  const plan = ctx.parse(text, config);
  return { title: plan.title, rows: taskRows(plan) };
}

/** The rows the request's filter keeps, written in its format. */
export function exportRows(rows: readonly ExportRow[], request: ExportRequest): Promise<Uint8Array> {
  const kept = filterRows(rows, readFilter(request.filter), request.today);
  return exportTable(request.format, request.name, kept, { locale: request.locale, problems: request.problems, title: request.title });
}
