// Which rows of the task table a filter keeps: one definition for the preview (bundled into the webview), its export and the CLI.
// No imports with a run-time cost: the webview bundles this file as it is.

/** What the status filter keeps. */
export type TaskStatus = 'all' | 'problems' | 'noLead' | 'noDeadline' | 'ongoing' | 'overdue';

/** Every status, in the order the preview offers them. */
export const TASK_STATUSES: readonly TaskStatus[] = ['all', 'problems', 'noLead', 'noDeadline', 'ongoing', 'overdue'];

/** A filter of the task table: both parts must match; an empty filter keeps every row. */
export interface TableFilter {
  /** Keep the tasks this unit leads or takes part in (exact name, as the table shows it). */
  unit?: string;
  /** Keep only tasks in this state. */
  status?: TaskStatus;
}

/** What a filter reads of a row: `TaskRow` fits, with or without its findings. */
export interface FilterableRow {
  lead: readonly string[];
  responsible: readonly string[];
  deadline: { end: string | null; ongoing: boolean; recurring?: boolean } | null;
  problems?: readonly unknown[];
}

/**
 * The deadline has passed: its end (ISO date) is before `today` (ISO date). Ongoing, recurring (`每季度`: it comes round
 * again, as the hover says) and undated tasks never are.
 */
export function isOverdue(row: FilterableRow, today: string): boolean {
  const d = row.deadline;
  return d !== null && !d.ongoing && d.recurring !== true && d.end !== null && d.end < today;
}

/** Whether `row` passes `filter` on `today` (ISO `YYYY-MM-DD`, for `overdue`). */
export function rowMatches(row: FilterableRow, filter: TableFilter, today: string): boolean {
  if (filter.unit && !row.lead.includes(filter.unit) && !row.responsible.includes(filter.unit)) return false;
  switch (filter.status ?? 'all') {
    case 'problems':
      return (row.problems?.length ?? 0) > 0;
    case 'noLead':
      return row.lead.length === 0;
    case 'noDeadline':
      return row.deadline === null;
    case 'ongoing':
      return row.deadline !== null && row.deadline.ongoing;
    case 'overdue':
      return isOverdue(row, today);
    default:
      return true;
  }
}

/** The rows that pass `filter`, in order. */
export function filterRows<R extends FilterableRow>(rows: readonly R[], filter: TableFilter, today: string): R[] {
  if (!filter.unit && (filter.status ?? 'all') === 'all') return rows.slice();
  return rows.filter((row) => rowMatches(row, filter, today));
}

/** A filter read from untrusted input (a request, argv): unknown statuses and non-string units are dropped. */
export function readFilter(value: unknown): TableFilter {
  if (value === null || typeof value !== 'object') return {};
  const { unit, status } = value as { unit?: unknown; status?: unknown };
  const out: TableFilter = {};
  if (typeof unit === 'string' && unit !== '') out.unit = unit;
  if (typeof status === 'string' && (TASK_STATUSES as readonly string[]).includes(status)) out.status = status as TaskStatus;
  return out;
}
