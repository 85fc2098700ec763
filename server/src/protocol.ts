// planlint's own LSP requests and commands, shared by the server and the VS Code client (types and names only).
import type { TableFilter } from './features/table-filter.js';
import type { TaskRow } from './features/task-table.js';
import type { Range } from './model/types.js';

/** `planlint/taskTable`: the task table of an open document, for the preview, the tree view and the status bar. */
export const TASK_TABLE_REQUEST = 'planlint/taskTable';

export interface TaskTableParams {
  uri: string;
}

/** A problem shown in the table's 问题 column. */
export interface RowProblem {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

/** One row of the preview: the stable TaskRow plus where it is and what is wrong with it. */
export interface PreviewRow extends TaskRow {
  range: Range;
  problems: RowProblem[];
  /** Days until the deadline's end (negative: overdue), null when it has none or it is ongoing. */
  daysLeft: number | null;
  /** The first day of a deadline that is a span (`2021—2023年`), else null: the timeline draws a bar. */
  deadlineStart: string | null;
}

export interface TaskTableResult {
  uri: string;
  version: number;
  title: string;
  /** The years the plan covers (`2021—2025年` → 2021, 2025), null when the text does not say. */
  period: { start: number; end: number } | null;
  /** The server's today (ISO date): what `daysLeft` and the overdue filter count from. */
  today: string;
  rows: PreviewRow[];
  counts: { tasks: number; problems: number; overdue: number };
}

/** `planlint/exportTable`: the task table written as a file. */
export const EXPORT_TABLE_REQUEST = 'planlint/exportTable';

export interface ExportTableParams {
  uri: string;
  format: 'csv' | 'md' | 'json' | 'xlsx' | 'docx';
  /** Only the rows that pass this filter (the preview's): none, every row. */
  filter?: TableFilter;
  /** Add the 问题 (problems) column; off unless asked. */
  problems?: boolean;
}

export interface ExportTableResult {
  /** The file's content: text for csv/md/json, base64 for xlsx and docx. */
  data: string;
  encoding: 'utf8' | 'base64';
}

/**
 * The URI scheme of a Word document's extracted text, opened read-only in the editor as a plan:
 * `planlint-docx:` + the path of the .docx (`planlint-docx:/home/me/方案.docx`).
 */
export const DOCX_SCHEME = 'planlint-docx';

/** `planlint/docxText`: the text of a Word document (its `file:` or `planlint-docx:` URI), read by the server. */
export const DOCX_TEXT_REQUEST = 'planlint/docxText';

export interface DocxTextParams {
  uri: string;
}

/** The text, and how it was read (tracked changes accepted, comments ignored); or why it could not be read (`text` then empty). */
export interface DocxTextResult {
  text: string;
  notes: string[];
  error?: string;
}

/** Server commands (workspace/executeCommand); the client's own commands call these. */
export const SERVER_COMMANDS = {
  /** Arguments: uri, position — renumbers the children of the section at the position. */
  renumberSection: 'planlint.server.renumberSection',
  /** Arguments: uri, position — inserts an attribution template into the task at the position. */
  insertAttribution: 'planlint.server.insertAttribution',
  /** Arguments: uri — applies every safe fix. */
  fixAll: 'planlint.server.fixAll',
} as const;
