// Writers of the task table (任务分解表) as CSV, XLSX, DOCX, JSON and Markdown; shared by the CLI and the task-table preview.
import type { Locale } from '../lint/types.js';
import { PROBLEMS_HEADING, TABLE_HEADINGS, problemsCell, rowCells, toMarkdown, type TaskRow } from './task-table.js';

export { toMarkdown };

/** The formats the table can be written in. */
export type TableFormat = 'csv' | 'md' | 'json' | 'xlsx' | 'docx';

export const TABLE_FORMATS: readonly TableFormat[] = ['csv', 'md', 'json', 'xlsx', 'docx'];

/** The usual file extension of each format. */
export const TABLE_EXTENSIONS: Record<TableFormat, string> = { csv: '.csv', md: '.md', json: '.json', xlsx: '.xlsx', docx: '.docx' };

/** A finding as the problems column shows it; `TaskProblem` and the preview's `RowProblem` both fit. */
export interface ExportProblem {
  ruleId: string;
  message: string;
  ruleName?: string;
  severity?: string;
  line?: number;
}

/** A row to write: the stable `TaskRow`, optionally with its findings (other fields are ignored). */
export type ExportRow = TaskRow & { problems?: readonly ExportProblem[] };

/** How to write the table. */
export interface ExportOptions {
  /** Heading language (default zh-CN). */
  locale?: Locale;
  /** Add the 问题 (problems) column, or `problems` to each JSON task. */
  problems?: boolean;
  /** DOCX: the plan's title, for the document's title (`…任务分解表`). */
  title?: string;
}

/**
 * The table as a Word document: A4 landscape in the 公文 layout (附件 label, title, a bordered table whose
 * header row repeats on every page, 黑体 headings and 仿宋 cells), numbers shown with their parents'.
 * Written by the `docx` library, in a chunk of its own loaded on first use.
 */
export async function toDocx(rows: readonly ExportRow[], options: ExportOptions = {}): Promise<Uint8Array> {
  const { writeTaskTableDocx } = await import('./export-docx.js');
  const locale = options.locale ?? 'zh-CN';
  const head = locale === 'en' ? ['No.', 'Task', 'Lead units', 'Responsible units', 'Deadline'] : ['序号', '工作任务', '牵头单位', '责任单位', '完成时限'];
  if (options.problems) head.push(PROBLEMS_HEADING[locale]);
  const cells = rows.map((row) =>
    [row.fullNumber, row.title, row.lead.join('、'), row.responsible.join('、'), row.deadline?.text ?? '', ...(options.problems ? [problemsCell(row.problems ?? [], '\n')] : [])].map((c) =>
      c.replace(NOT_XML, ''),
    ),
  );
  const title = (options.title ?? '').trim() || (locale === 'en' ? 'Plan' : '工作方案');
  return writeTaskTableDocx({ title, attachment: locale === 'en' ? 'Attachment' : '附件', headings: head, rows: cells, locale });
}

/** Excel's limit on the characters in one cell. */
const MAX_CELL = 32767;

/**
 * Defuses spreadsheet formula injection: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return would be read as a formula by Excel or LibreOffice, so it gets a leading `'` and stays text. So
 * does one starting with NUL or NEL (U+0085), which some readers drop or take as a line break before
 * the formula behind them, and with the full-width ＝ ＋ － ＠ that an input method types and some
 * spreadsheets fold to their ASCII forms.
 */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r\0\u0085\uff1d\uff0b\uff0d\uff20]/.test(cell) ? `'${cell}` : cell;
}

function headings(options: ExportOptions): string[] {
  const locale = options.locale ?? 'zh-CN';
  return [...TABLE_HEADINGS[locale], ...(options.problems ? [PROBLEMS_HEADING[locale]] : [])];
}

/** The display cells of a row, with the problems cell (findings one per line) when asked. */
function cellsOf(row: ExportRow, options: ExportOptions): string[] {
  const cells = rowCells(row);
  if (options.problems) cells.push(problemsCell(row.problems ?? [], '\n'));
  return cells;
}

/** One RFC 4180 field: quoted when it holds a quote, comma or line break; quotes doubled. */
function csvField(value: string): string {
  const s = neutralizeFormula(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The table as CSV (RFC 4180: CRLF between records, quoted fields), beginning with a UTF-8 BOM so that
 * Excel opens Chinese text correctly; every cell is defused against formula injection.
 */
export function toCsv(rows: readonly ExportRow[], options: ExportOptions = {}): string {
  const records = [headings(options), ...rows.map((r) => cellsOf(r, options))];
  return '\uFEFF' + records.map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Only the stable fields of a row, in their order (callers may hand richer rows, e.g. the preview's). */
function stableRow(row: ExportRow, options: ExportOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {
    number: row.number,
    title: row.title,
    line: row.line,
    lead: row.lead,
    responsible: row.responsible,
    deadline: row.deadline ? { text: row.deadline.text, end: row.deadline.end, ongoing: row.deadline.ongoing } : null,
    inherited: { lead: row.inherited.lead, deadline: row.inherited.deadline },
    fullNumber: row.fullNumber,
    section: row.section,
  };
  if (options.problems) out['problems'] = (row.problems ?? []).map((p) => ({ ...p }));
  return out;
}

/**
 * The table as JSON: `{"file","tasks":[{number,title,line,lead,responsible,deadline,inherited,fullNumber,section}]}` —
 * a shape other tools consume, so fields are only ever added (`problems`, when asked).
 */
export function toJson(file: string, rows: readonly ExportRow[], options: ExportOptions = {}): string {
  return JSON.stringify({ file, tasks: rows.map((r) => stableRow(r, options)) }, null, 2) + '\n';
}

/**
 * What XML 1.0 cannot hold — C0 controls other than tab and line breaks, lone surrogates, U+FFFE and
 * U+FFFF — which the XLSX writer leaves out. Removed before defusing, so that the check sees the cell
 * as Excel will (`\u0000=1` would otherwise arrive as `=1`).
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Display columns a cell needs (a CJK character counts two), for the column widths. */
function cellWidth(s: string): number {
  let widest = 0;
  for (const line of s.split('\n')) {
    let w = 0;
    for (const ch of line) w += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
    widest = Math.max(widest, w);
  }
  return widest;
}

/**
 * The table as an XLSX workbook (one landscape sheet, 任务分解表): a bold, frozen Chinese header row, column widths
 * fitted to the content, long cells wrapped, every cell text and defused against formula injection.
 * Written by the `write-excel-file` library (its platform-neutral build: Node and browsers alike).
 */
export async function toXlsx(rows: readonly ExportRow[], options: ExportOptions = {}): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const head = headings(options);
  const body = rows.map((r) => cellsOf(r, options).map((c) => neutralizeFormula(c.replace(NOT_XML, '')).slice(0, MAX_CELL)));
  const wrapColumns = new Set([1, 2, 3, 4, 5, 7]); // all but 序号 and 行号
  const data = [
    head.map((value) => ({ value, type: String, fontWeight: 'bold' as const, backgroundColor: '#DDEBF7', alignVertical: 'center' as const })),
    ...body.map((cells) =>
      cells.map((value, i) => ({ value, type: String, alignVertical: 'top' as const, ...(wrapColumns.has(i) ? { wrap: true } : {}) })),
    ),
  ];
  // [min, max] width of each column in characters: 序号, 所属部分, 任务, 牵头单位, 责任单位, 完成时限, 行号, 问题.
  const limits = [[8, 16], [14, 30], [20, 56], [10, 30], [12, 40], [10, 20], [6, 8], [20, 70]] as const;
  const columns = head.map((h, i) => {
    const natural = Math.max(cellWidth(h), ...body.map((cells) => cellWidth(cells[i] ?? ''))) + 2;
    const [min, max] = limits[i] ?? [8, 40];
    return { width: Math.min(max, Math.max(min, natural)) };
  });
  const sheet = (options.locale ?? 'zh-CN') === 'en' ? 'Tasks' : '任务分解表';
  // Landscape: seven or eight columns print on one page width.
  const blob = await writeXlsxFile(data, { columns, sheet, stickyRowsCount: 1, orientation: 'landscape' }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

/** The table in `format` as bytes (text formats in UTF-8; CSV with its BOM). */
export async function exportTable(format: TableFormat, file: string, rows: readonly ExportRow[], options: ExportOptions = {}): Promise<Uint8Array> {
  switch (format) {
    case 'csv':
      return new TextEncoder().encode(toCsv(rows, options));
    case 'md':
      return new TextEncoder().encode(toMarkdown(rows, options.locale ?? 'zh-CN', { problems: options.problems ?? false }));
    case 'json':
      return new TextEncoder().encode(toJson(file, rows, options));
    case 'xlsx':
      return toXlsx(rows, options);
    case 'docx':
      return toDocx(rows, options);
  }
}
