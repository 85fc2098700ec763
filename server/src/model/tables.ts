// Finds task tables (任务分解表) in three forms: Markdown pipes, tab-separated rows, and the flattened one-cell-per-line copy.
import { ListBuffer } from './buffer.js';
import { PlacedRow, PlacedTable } from './located.js';
import type { LineTable } from './positions.js';
import { isSpaceCode, isTrimCode, toSimplified, trimSpan } from './text.js';
import type { ColumnRole, Span, Table, TableRow } from './types.js';

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

/** The lines of a text, made into `Line`s only when a table reader asks (most lines are looked at once, by code unit). */
class LineView {
  readonly count: number;

  constructor(
    readonly text: string,
    readonly lines: LineTable,
  ) {
    this.count = lines.lineCount;
  }

  start(k: number): number {
    return this.lines.lineStart(k);
  }

  /** Where line `k` ends, before its line break. */
  end(k: number): number {
    const start = this.lines.lineStart(k);
    let end = k + 1 < this.count ? this.lines.lineStart(k + 1) : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return end;
  }

  line(k: number): Line {
    const start = this.start(k);
    const end = this.end(k);
    return { index: k, start, end, text: this.text.slice(start, end) };
  }

  /** Is line `k` blank, or only spaces of any width (`\u00a0` lines left by web copies)? */
  isNoise(k: number): boolean {
    const end = this.end(k);
    for (let i = this.start(k); i < end; i++) if (!isSpaceCode(this.text.charCodeAt(i))) return false;
    return true;
  }

  /** The first code unit of line `k` that `trim()` keeps, or its end. */
  firstKept(k: number): number {
    const end = this.end(k);
    let i = this.start(k);
    while (i < end && isTrimCode(this.text.charCodeAt(i))) i++;
    return i;
  }

  /** Does line `k`, spaces aside, start with a pipe (`|` `｜`)? */
  startsWithPipe(k: number): boolean {
    const i = this.firstKept(k);
    return i < this.end(k) && isPipe(this.text.charCodeAt(i));
  }

  /** The first tab at or after `#tabFrom` (-1: none), found once for all the lines before it. */
  #tab = -1;
  #tabFrom = -1;

  hasTab(k: number): boolean {
    const start = this.start(k);
    if (this.#tabFrom < 0 || start > this.#tab || start < this.#tabFrom) {
      this.#tabFrom = start;
      this.#tab = this.text.indexOf('\t', start);
      if (this.#tab < 0) this.#tab = this.text.length;
    }
    return this.#tab < this.end(k);
  }
}

const isPipe = (code: number): boolean => code === 0x7c || code === 0xff5c;

/** Blank, or only spaces of any width (`\u00a0` lines left by web copies). */
function isNoise(line: Line): boolean {
  for (let i = 0; i < line.text.length; i++) if (!isSpaceCode(line.text.charCodeAt(i))) return false;
  return true;
}

function cellSpan(text: string, start: number, end: number): Span {
  return trimSpan(text, start, end);
}

/** Finds every task table in `text`. Linear: each line is looked at a bounded number of times. */
export function findTables(text: string, lines: LineTable): Table[] {
  const view = new LineView(text, lines);
  const tables: Table[] = [];
  let i = 0;
  while (i < view.count) {
    let next = i + 1;
    const start = view.firstKept(i);
    let end = view.end(i);
    while (end > start && isTrimCode(text.charCodeAt(end - 1))) end--;
    if (start < end && isPipe(text.charCodeAt(start))) {
      const found = readPipeTable(view, i);
      next = found.next;
      if (found.table) tables.push(found.table);
    } else if (view.hasTab(i)) {
      const found = readTsvTable(view, i);
      next = found.next;
      if (found.table) tables.push(found.table);
    } else if (end > start && end - start <= 12 && columnRole(text.slice(start, end)) !== 'other') {
      const found = readFlatTable(view, i);
      next = found.next;
      if (found.table) tables.push(found.table);
    }
    i = Math.max(next, i + 1);
  }
  return tables;
}

/** The cell spans of the row being read (one buffer for every row: see `ListBuffer`). */
const ROW_SPANS = new ListBuffer<Span>();

/**
 * The cells of a pipe row [start, end) into `out`: after its first pipe, between pipes; a last cell of spaces
 * only is no cell.
 */
function pipeCells(text: string, start: number, end: number, out: ListBuffer<Span>): void {
  let s = start;
  while (s < end && !isPipe(text.charCodeAt(s))) s++;
  if (s >= end) return;
  let cellStart = s + 1;
  for (let k = cellStart; k <= end; k++) {
    if (k === end || isPipe(text.charCodeAt(k))) {
      if (k === end && onlySpaces(text, cellStart, k)) break;
      out.push(cellSpan(text, cellStart, k));
      cellStart = k + 1;
    }
  }
}

/** The cells of a tab-separated row [start, end) into `out`. */
function tabCells(text: string, start: number, end: number, out: ListBuffer<Span>): void {
  let s = start;
  for (let k = start; k <= end; k++) {
    if (k === end || text.charCodeAt(k) === 9) {
      out.push(cellSpan(text, s, k));
      s = k + 1;
    }
  }
}

/** Is [from, to) of `text` empty once trimmed? */
function onlySpaces(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isTrimCode(text.charCodeAt(i))) return false;
  return true;
}

const SEPARATOR_CELL = /^:?-{2,}:?$/;

/** Is the row whose cells are in `spans` a Markdown separator (`| --- | :--: |`), every cell dashes or empty? */
function isSeparatorRow(text: string, spans: ListBuffer<Span>): boolean {
  if (spans.length === 0) return false;
  for (let k = 0; k < spans.length; k++) {
    const c = text.slice(spans.items[k]!.start, spans.items[k]!.end);
    if (!(SEPARATOR_CELL.test(c.replace(/\s/g, '')) || c === '')) return false;
  }
  return true;
}

/** The texts of the cells in `spans`, taken out of the buffer. */
function headerOf(text: string, spans: ListBuffer<Span>): string[] {
  return spans.take().map((s) => text.slice(s.start, s.end));
}

function readPipeTable(view: LineView, first: number): { table: Table | null; next: number } {
  const { text } = view;
  let last = first;
  while (last + 1 < view.count && view.startsWithPipe(last + 1)) last++;
  const spans = ROW_SPANS;
  spans.clear();
  pipeCells(text, view.start(first), view.end(first), spans);
  const header = headerOf(text, spans);
  const columns = header.map(columnRole);
  if (!isTaskHeader(columns)) return { table: null, next: last + 1 };
  const rows: TableRow[] = [];
  for (let k = first + 1; k <= last; k++) {
    const start = view.start(k);
    const end = view.end(k);
    pipeCells(text, start, end, spans);
    if (isSeparatorRow(text, spans)) {
      spans.clear();
      continue;
    }
    rows.push(makeRow(view.lines, text, start, end, spans, header.length));
  }
  return { table: makeTable('markdown', view.lines, view.line(first), view.line(last), header, columns, rows), next: last + 1 };
}

function readTsvTable(view: LineView, first: number): { table: Table | null; next: number } {
  const { text } = view;
  let last = first;
  while (last + 1 < view.count && view.hasTab(last + 1)) last++;
  const spans = ROW_SPANS;
  spans.clear();
  tabCells(text, view.start(first), view.end(first), spans);
  const header = headerOf(text, spans);
  const columns = header.map(columnRole);
  if (!isTaskHeader(columns) || last === first) return { table: null, next: last + 1 };
  const rows: TableRow[] = [];
  for (let k = first + 1; k <= last; k++) {
    const start = view.start(k);
    const end = view.end(k);
    tabCells(text, start, end, spans);
    rows.push(makeRow(view.lines, text, start, end, spans, header.length));
  }
  return { table: makeTable('tsv', view.lines, view.line(first), view.line(last), header, columns, rows), next: last + 1 };
}

/** A cell of a flattened row while it is read: its text, span, and the last line it has taken. */
interface FlatCell {
  text: string;
  span: Span;
  last: number;
}

/** Where what `trim()` keeps of [from, to) of `text` starts (`to` when nothing is kept). */
function keptStart(text: string, from: number, to: number): number {
  while (from < to && isTrimCode(text.charCodeAt(from))) from++;
  return from;
}

/** Where what `trim()` keeps of [from, to) of `text` ends. */
function keptEnd(text: string, from: number, to: number): number {
  while (to > from && isTrimCode(text.charCodeAt(to - 1))) to--;
  return to;
}

/** The value of [from, to) of `text` when it is 1–4 ASCII digits (`/^\d{1,4}$/`), else -1. */
function smallNumber(text: string, from: number, to: number): number {
  if (to <= from || to - from > 4) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return -1;
    value = value * 10 + (c - 0x30);
  }
  return value;
}

/** The copy of a web table: header cells one per line, then rows opened by their number. */
function readFlatTable(view: LineView, first: number): { table: Table | null; next: number } {
  const { text } = view;
  const header: string[] = [];
  const headerLines: Line[] = [];
  let k = first;
  while (k < view.count && headerLines.length < 8) {
    const line = view.line(k);
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
  let lastLine = headerLines[headerLines.length - 1]!.index;
  // Lines are read here by offsets: a string is cut only for what a row keeps (its cell texts).
  while (k < view.count) {
    while (view.isNoise(k) && k + 1 < view.count) k++;
    if (view.isNoise(k)) break;
    const numberLine = k;
    const numberStart = view.start(k);
    const numberEnd = view.end(k);
    // The number line is 1–4 digits, spaces aside (`/^\s*\d{1,4}\s*$/`), the next in sequence.
    const value = smallNumber(text, keptStart(text, numberStart, numberEnd), keptEnd(text, numberStart, numberEnd));
    if (value < 0 || (expected >= 0 && value !== expected)) break;
    expected = value + 1;
    k++;
    // Gather cell lines until the next row number; a cell ending in `、` or `，` goes on.
    const cells: FlatCell[] = [];
    let open: FlatCell | null = null;
    while (k < view.count) {
      if (view.isNoise(k)) {
        k++;
        continue;
      }
      const lineStart = view.start(k);
      const lineEnd = view.end(k);
      // What `trim()` keeps of the line.
      const from = keptStart(text, lineStart, lineEnd);
      const to = keptEnd(text, from, lineEnd);
      if (open === null && smallNumber(text, from, to) === expected) break;
      if (open === null && cells.length >= width - 1) break;
      const span = cellSpan(text, lineStart, lineEnd);
      if (open !== null) {
        open.text += text.slice(from, to);
        open.span = { start: open.span.start, end: span.end };
        open.last = k;
      } else {
        open = { text: text.slice(from, to), span, last: k };
        cells.push(open);
      }
      const lastCode = to > from ? text.charCodeAt(to - 1) : -1;
      if (lastCode !== 0x3001 /* 、 */ && lastCode !== 0x2c /* , */ && lastCode !== 0xff0c /* ， */) open = null;
      k++;
    }
    if (cells.length === 0) break;
    const numberText = text.slice(keptStart(text, numberStart, numberEnd), keptEnd(text, numberStart, numberEnd));
    const numberSpan = cellSpan(text, numberStart, numberEnd);
    // Both lists are built at their exact size (`width`, every slot filled), so the row keeps them uncopied.
    const rowCells = new Array<string>(width);
    const rowSpans = new Array<Span>(width);
    let c = 0;
    for (let col = 0; col < width; col++) {
      if (col === numberCol) {
        rowCells[col] = numberText;
        rowSpans[col] = numberSpan;
      } else {
        const cell = cells[c++];
        rowCells[col] = cell ? cell.text : '';
        rowSpans[col] = cell ? cell.span : { start: numberSpan.end, end: numberSpan.end };
      }
    }
    lastLine = cells[cells.length - 1]!.last;
    rows.push(new PlacedRow(rowCells, rowSpans, { start: view.start(numberLine), end: view.end(lastLine) }, view.lines));
  }
  if (rows.length === 0) return { table: null, next: first + 1 };
  return { table: makeTable('flat', view.lines, headerLines[0]!, view.line(lastLine), header, columns, rows), next: lastLine + 1 };
}

/** A row of the line [start, end) from the cell spans in `spans` (taken out), padded to `width` cells; its lists at their exact size. */
function makeRow(lines: LineTable, text: string, start: number, end: number, spans: ListBuffer<Span>, width: number): TableRow {
  while (spans.length < width) spans.push({ start: end, end });
  const cellSpans = spans.take();
  return new PlacedRow(cellSpans.map((s) => text.slice(s.start, s.end)), cellSpans, { start, end }, lines);
}

function makeTable(form: Table['form'], lines: LineTable, first: Line, last: Line, header: string[], columns: ColumnRole[], rows: TableRow[]): Table {
  return new PlacedTable(form, header, columns, rows.slice(), { start: first.start, end: last.end }, lines);
}
