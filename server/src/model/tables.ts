// Finds task tables (任务分解表) in three forms: Markdown pipes, tab-separated rows, and the flattened one-cell-per-line copy.
import { toSimplified, trimSpan } from './text.js';
import type { ColumnRole, LineMap, Span, Table, TableRow } from './types.js';

/** Classifies a header cell. */
export function columnRole(cell: string): ColumnRole {
  const c = toSimplified(cell.replace(/\s+/g, ''));
  if (/^(序号|编号|no\.?|#)$/i.test(c)) return 'number';
  if (/牵头/.test(c)) return 'lead';
  if (/责任|配合|协办|参与|参加/.test(c)) return 'responsible';
  if (/时限|时间|期限|节点|进度/.test(c)) return 'deadline';
  if (/任务|事项|工作内容|措施|工作要点|内容/.test(c)) return 'task';
  return 'other';
}

/** A header names a task table when it has a task column and a lead or responsible column. */
function isTaskHeader(roles: ColumnRole[]): boolean {
  return roles.includes('task') && (roles.includes('lead') || roles.includes('responsible'));
}

interface Line {
  index: number;
  start: number;
  end: number; // before the line break
  text: string;
}

function splitLines(text: string, lines: LineMap): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.lineCount; i++) {
    const start = lines.lineStart(i);
    let end = i + 1 < lines.lineCount ? lines.lineStart(i + 1) : text.length;
    while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    out.push({ index: i, start, end, text: text.slice(start, end) });
  }
  return out;
}

/** Blank, or only spaces of any width (`\u00a0` lines left by web copies). */
function isNoise(line: Line): boolean {
  return /^[\s\u00a0\u3000\u200b\ufeff]*$/.test(line.text);
}

function cellSpan(text: string, start: number, end: number): Span {
  return trimSpan(text, start, end);
}

/** Finds every task table in `text`. Linear: each line is looked at a bounded number of times. */
export function findTables(text: string, lines: LineMap): Table[] {
  const all = splitLines(text, lines);
  const tables: Table[] = [];
  let i = 0;
  while (i < all.length) {
    const line = all[i]!;
    const trimmed = line.text.trim();
    let next = i + 1;
    if (/^[|｜]/.test(trimmed)) {
      const found = readPipeTable(text, all, i, lines);
      next = found.next;
      if (found.table) tables.push(found.table);
    } else if (line.text.includes('\t')) {
      const found = readTsvTable(text, all, i, lines);
      next = found.next;
      if (found.table) tables.push(found.table);
    } else if (trimmed.length > 0 && trimmed.length <= 12 && columnRole(trimmed) !== 'other') {
      const found = readFlatTable(text, all, i, lines);
      next = found.next;
      if (found.table) tables.push(found.table);
    }
    i = Math.max(next, i + 1);
  }
  return tables;
}

function pipeCells(text: string, line: Line): Span[] {
  const spans: Span[] = [];
  let s = line.text.search(/[|｜]/);
  if (s < 0) return spans;
  let cellStart = s + 1;
  for (let k = cellStart; k <= line.text.length; k++) {
    const ch = line.text[k];
    if (ch === '|' || ch === '｜' || k === line.text.length) {
      if (k === line.text.length && line.text.slice(cellStart).trim() === '') break;
      spans.push(cellSpan(text, line.start + cellStart, line.start + k));
      cellStart = k + 1;
    }
  }
  return spans;
}

function readPipeTable(text: string, all: Line[], first: number, lines: LineMap): { table: Table | null; next: number } {
  let last = first;
  while (last + 1 < all.length && /^\s*[|｜]/.test(all[last + 1]!.text)) last++;
  const headerSpans = pipeCells(text, all[first]!);
  const header = headerSpans.map((s) => text.slice(s.start, s.end));
  const columns = header.map(columnRole);
  if (!isTaskHeader(columns)) return { table: null, next: last + 1 };
  const rows: TableRow[] = [];
  for (let k = first + 1; k <= last; k++) {
    const spans = pipeCells(text, all[k]!);
    const cells = spans.map((s) => text.slice(s.start, s.end));
    if (cells.length > 0 && cells.every((c) => /^:?-{2,}:?$/.test(c.replace(/\s/g, '')) || c === '')) continue;
    rows.push(makeRow(text, lines, all[k]!, all[k]!, cells, spans, header.length));
  }
  return { table: makeTable('markdown', text, lines, all[first]!, all[last]!, header, columns, rows), next: last + 1 };
}

function readTsvTable(text: string, all: Line[], first: number, lines: LineMap): { table: Table | null; next: number } {
  let last = first;
  while (last + 1 < all.length && all[last + 1]!.text.includes('\t')) last++;
  const split = (line: Line): Span[] => {
    const spans: Span[] = [];
    let s = 0;
    for (let k = 0; k <= line.text.length; k++) {
      if (k === line.text.length || line.text[k] === '\t') {
        spans.push(cellSpan(text, line.start + s, line.start + k));
        s = k + 1;
      }
    }
    return spans;
  };
  const headerSpans = split(all[first]!);
  const header = headerSpans.map((s) => text.slice(s.start, s.end));
  const columns = header.map(columnRole);
  if (!isTaskHeader(columns) || last === first) return { table: null, next: last + 1 };
  const rows: TableRow[] = [];
  for (let k = first + 1; k <= last; k++) {
    const spans = split(all[k]!);
    rows.push(makeRow(text, lines, all[k]!, all[k]!, spans.map((s) => text.slice(s.start, s.end)), spans, header.length));
  }
  return { table: makeTable('tsv', text, lines, all[first]!, all[last]!, header, columns, rows), next: last + 1 };
}

/** The copy of a web table: header cells one per line, then rows opened by their number. */
function readFlatTable(text: string, all: Line[], first: number, lines: LineMap): { table: Table | null; next: number } {
  const header: string[] = [];
  const headerLines: Line[] = [];
  let k = first;
  while (k < all.length && headerLines.length < 8) {
    const line = all[k]!;
    if (isNoise(line)) {
      k++;
      continue;
    }
    const cell = line.text.trim();
    if (cell.length > 12 || columnRole(cell) === 'other') break;
    header.push(cell);
    headerLines.push(line);
    k++;
  }
  let columns = header.map(columnRole);
  if (!isTaskHeader(columns)) return { table: null, next: first + 1 };
  // The header may lack its `序号` cell while rows still open with a number.
  const implicitNumber = !columns.includes('number');
  if (implicitNumber) {
    header.unshift('序号');
    columns = ['number', ...columns];
  }
  const numberCol = columns.indexOf('number');
  const width = header.length;
  const rows: TableRow[] = [];
  let expected = -1;
  let lastLine = headerLines[headerLines.length - 1]!;
  while (k < all.length) {
    while (k < all.length && isNoise(all[k]!)) k++;
    const numberLine = all[k];
    if (numberLine === undefined) break;
    const value = Number(numberLine.text.trim());
    if (!/^\s*\d{1,4}\s*$/.test(numberLine.text) || (expected >= 0 && value !== expected)) break;
    expected = value + 1;
    k++;
    // Gather cell lines until the next row number; a cell ending in `、` or `，` goes on.
    const cells: { text: string; span: Span; first: Line; last: Line }[] = [];
    let open: (typeof cells)[number] | null = null;
    while (k < all.length) {
      const line = all[k]!;
      if (isNoise(line)) {
        k++;
        continue;
      }
      const trimmed = line.text.trim();
      if (open === null && /^\d{1,4}$/.test(trimmed) && Number(trimmed) === expected) break;
      if (open === null && cells.length >= width - 1) break;
      const span = cellSpan(text, line.start, line.end);
      if (open !== null) {
        open.text += trimmed;
        open.span = { start: open.span.start, end: span.end };
        open.last = line;
      } else {
        open = { text: trimmed, span, first: line, last: line };
        cells.push(open);
      }
      open = /[、,，]$/.test(trimmed) ? open : null;
      k++;
    }
    if (cells.length === 0) break;
    const numberSpan = cellSpan(text, numberLine.start, numberLine.end);
    const rowCells: string[] = [];
    const rowSpans: Span[] = [];
    let c = 0;
    for (let col = 0; col < width; col++) {
      if (col === numberCol) {
        rowCells.push(numberLine.text.trim());
        rowSpans.push(numberSpan);
      } else {
        const cell = cells[c++];
        rowCells.push(cell ? cell.text : '');
        rowSpans.push(cell ? cell.span : { start: numberSpan.end, end: numberSpan.end });
      }
    }
    lastLine = cells[cells.length - 1]!.last;
    rows.push(makeRow(text, lines, numberLine, lastLine, rowCells, rowSpans, width));
  }
  if (rows.length === 0) return { table: null, next: first + 1 };
  return { table: makeTable('flat', text, lines, headerLines[0]!, lastLine, header, columns, rows), next: lastLine.index + 1 };
}

function makeRow(text: string, lines: LineMap, first: Line, last: Line, cells: string[], spans: Span[], width: number): TableRow {
  const span = { start: first.start, end: last.end };
  while (cells.length < width) {
    cells.push('');
    spans.push({ start: last.end, end: last.end });
  }
  return { cells, cellSpans: spans, span, range: lines.rangeOf(span) };
}

function makeTable(form: Table['form'], text: string, lines: LineMap, first: Line, last: Line, header: string[], columns: ColumnRole[], rows: TableRow[]): Table {
  const span = { start: first.start, end: last.end };
  return { form, header, columns, rows, span, range: lines.rangeOf(span) };
}
