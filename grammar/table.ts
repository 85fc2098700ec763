// The syntax of task-table rows as they arrive in plain text: where a row's cells are and where a row starts, in the
// five forms a table is copied in — Markdown pipe rows, tab-separated rows, the flattened copy (one cell a line, a
// closing ` |` allowed), space-separated rows (`81 科学精准… 市卫健委`) and the glued copy of a sharing page that
// removed every separator (`序号项目名称…牵头单位配合单位1修缮…`). What the columns and cells mean is the model's
// (server/src/model/tables.ts, table-cells.ts).
//
// Read character by character over the text's lines, not by Chevrotain rules: the lexer skips spaces, so a
// space-separated or flattened row's cell borders are gone from its tokens; a glued row is one text run, its cells
// told apart only by the characters around a row number (`12个` counts, `1修缮` opens a row) and by what a cell ends
// with; and the model reads tables after the token vector is dropped (server/src/model/plan.ts), by lines.

import { isSpaceCode, isTrimCode, trimSpan } from './chars.js';
import { pageLineEnd } from './page.js';

/** A range [start, end) of the text. */
export interface Span {
  start: number;
  end: number;
}

/** What a reader pushes cell spans into (an array, or the model's reused buffer). */
export interface SpanSink {
  push(span: Span): void;
}

/** Where each line of a text starts (the model's line table). */
export interface LineStarts {
  readonly lineCount: number;
  lineStart(line: number): number;
}

export const isPipe = (code: number): boolean => code === 0x7c || code === 0xff5c;
export const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;
export const isHanCode = (c: number): boolean => c >= 0x3400 && c <= 0x9fff;

/** `cell` without the table pipes at its ends (`序号 |`, `| 1 |`). */
export function withoutPipes(cell: string): string {
  let from = 0;
  let to = cell.length;
  while (from < to && (isTrimCode(cell.charCodeAt(from)) || isPipe(cell.charCodeAt(from)))) from++;
  while (to > from && (isTrimCode(cell.charCodeAt(to - 1)) || isPipe(cell.charCodeAt(to - 1)))) to--;
  return from === 0 && to === cell.length ? cell : cell.slice(from, to);
}

/** Is [from, to) of `text` empty once trimmed? */
export function onlySpaces(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isTrimCode(text.charCodeAt(i))) return false;
  return true;
}

/** Does [from, to) of `text` hold a space? */
export function hasSpace(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isTrimCode(text.charCodeAt(k))) return true;
  return false;
}

/** A line of the text: its index, offsets and text. */
export interface Line {
  index: number;
  start: number;
  end: number; // before the line break
  text: string;
}

/** The lines of a text, made into `Line`s only when a table reader asks (most lines are looked at once, by code unit). */
export class LineView<L extends LineStarts = LineStarts> {
  readonly count: number;

  constructor(
    readonly text: string,
    readonly lines: L,
  ) {
    this.count = lines.lineCount;
  }

  start(k: number): number {
    return this.lines.lineStart(k);
  }

  /** The line whose end was found last, and its end: a line is asked for its end several times over in a row. */
  #endLine = -1;
  #endAt = 0;

  /** Where line `k` ends, before its line break. */
  end(k: number): number {
    if (k === this.#endLine) return this.#endAt;
    const start = this.lines.lineStart(k);
    let end = k + 1 < this.count ? this.lines.lineStart(k + 1) : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    this.#endLine = k;
    this.#endAt = end;
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

  /** Is line `k` a page number alone (`— 5 —`, `第3页`: the footer a PDF's text keeps between two pages)? */
  isPageNumber(k: number): boolean {
    return pageLineEnd(this.text, this.firstKept(k), this.end(k)) >= 0;
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

  /** Does line `k` hold a pipe (`|` `｜`)? Read within the line. */
  hasPipe(k: number): boolean {
    const end = this.end(k);
    for (let i = this.start(k); i < end; i++) if (isPipe(this.text.charCodeAt(i))) return true;
    return false;
  }

  /** The next `序号` (`序號`) that a Han character follows: where a glued header may open. */
  #serial = new NextOccurrence((from) => serialWordFrom(this.text, from));

  /** Where on line `k` a `序号` opens a glued header (`序号项目名称…`), or -1. */
  serialWord(k: number): number {
    const at = this.#serial.from(this.start(k));
    return at < this.end(k) ? at : -1;
  }

  /** The next tab. */
  #tab = new NextOccurrence((from) => this.text.indexOf('\t', from));

  hasTab(k: number): boolean {
    return this.#tab.from(this.start(k)) < this.end(k);
  }

  /** How many tabs line `k` holds (read within the line: a line with none does not look on for the next tab). */
  tabCount(k: number): number {
    const end = this.end(k);
    let count = 0;
    for (let i = this.start(k); i < end; i++) if (this.text.charCodeAt(i) === 9) count++;
    return count;
  }
}

/**
 * The next place something occurs at or after a position, found once for all the positions before it (the lines of a
 * text are asked in order: each search starts where the last one found nothing before, so all of them read the text
 * once).
 */
class NextOccurrence {
  #at = -1;
  #from = -1;

  constructor(private readonly find: (from: number) => number) {}

  /** The first occurrence at or after `from`, or +∞ when there is none. */
  from(from: number): number {
    if (this.#from < 0 || from > this.#at || from < this.#from) {
      this.#from = from;
      const at = this.find(from);
      this.#at = at < 0 ? Infinity : at;
    }
    return this.#at;
  }
}

/**
 * The cells of a pipe row [start, end) into `out`: between pipes, the outer pipes optional as GitHub's Markdown makes
 * them (`| 1 | 修补河堤 |`, `1 | 修补河堤`: before the first pipe a cell only when more than spaces stand there); a last
 * cell of spaces only is no cell. A line with no pipe has none.
 */
export function pipeCells(text: string, start: number, end: number, out: SpanSink): void {
  let s = start;
  while (s < end && !isPipe(text.charCodeAt(s))) s++;
  if (s >= end) return;
  let cellStart = onlySpaces(text, start, s) ? s + 1 : start;
  for (let k = cellStart; k <= end; k++) {
    if (k === end || isPipe(text.charCodeAt(k))) {
      if (k === end && onlySpaces(text, cellStart, k)) break;
      out.push(trimSpan(text, cellStart, k));
      cellStart = k + 1;
    }
  }
}

/** The cells of a tab-separated row [start, end) into `out`. */
export function tabCells(text: string, start: number, end: number, out: SpanSink): void {
  let s = start;
  for (let k = start; k <= end; k++) {
    if (k === end || text.charCodeAt(k) === 9) {
      const cell = trimSpan(text, s, k);
      // A spreadsheet quotes a cell that holds line breaks: the quotes are no part of it.
      const quoted = cell.end - cell.start >= 2 && text.charCodeAt(cell.start) === 0x22 && text.charCodeAt(cell.end - 1) === 0x22;
      out.push(quoted ? trimSpan(text, cell.start + 1, cell.end - 1) : cell);
      s = k + 1;
    }
  }
}

const SEPARATOR_CELL = /^:?-{2,}:?$/;

/** Is the row whose `count` cells are the first of `spans` a Markdown separator (`| --- | :--: |`), every cell dashes or empty? */
export function isSeparatorRow(text: string, spans: readonly Span[], count: number): boolean {
  if (count === 0) return false;
  for (let k = 0; k < count; k++) {
    const c = text.slice(spans[k]!.start, spans[k]!.end);
    if (!(SEPARATOR_CELL.test(c.replace(/\s/g, '')) || c === '')) return false;
  }
  return true;
}

/** The spans of the space-separated pieces of [start, end) into `out` (a pipe separates too). */
export function spacePieces(text: string, start: number, end: number, out: SpanSink): void {
  let from = -1;
  for (let k = start; k <= end; k++) {
    const space = k === end || isTrimCode(text.charCodeAt(k)) || isPipe(text.charCodeAt(k));
    if (!space && from < 0) from = k;
    else if (space && from >= 0) {
      out.push({ start: from, end: k });
      from = -1;
    }
  }
}

/**
 * How many columns the code unit `c` takes in a fixed-width copy of a table (`pdftotext -layout`): two for a wide or
 * full-width character (East Asian width: Han, kana, Hangul, full-width forms, CJK punctuation `，` `、` `（`), one
 * for the others. A low surrogate counts nothing: its pair counted once, by its high half.
 */
export function displayWidth(c: number): number {
  if (c < 0x1100) return 1;
  if (c >= 0xdc00 && c <= 0xdfff) return 0;
  // Hangul jamo; CJK radicals to Yi (Han, kana, `，` `、` `（`… but the half-width `〿`); Hangul syllables; compatibility
  // ideographs; vertical forms; full-width forms; the high halves of the supplementary ideographs (`𠀋`).
  const wide =
    c <= 0x115f ||
    (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0xd840 && c <= 0xd87f);
  return wide ? 2 : 1;
}

/** A run of a fixed-width line between wide gaps: its span and the display columns it starts and ends at. */
export interface Chunk extends Span {
  from: number;
  to: number;
}

/**
 * The chunks of the line [lineStart, end) from `from` into `out`: runs of text between gaps of two spaces or more (or a
 * full-width space), each with the display columns it covers from the line's start (`displayWidth`). One space
 * stays inside a chunk (`PM2.5 浓度`): a fixed-width copy pads between its cells with more.
 */
export function layoutChunks(text: string, lineStart: number, from: number, end: number, out: Chunk[]): void {
  let col = 0;
  for (let i = lineStart; i < from; i++) col += displayWidth(text.charCodeAt(i));
  let open: Chunk | null = null;
  let gap = 0;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    const w = displayWidth(c);
    if (isTrimCode(c)) {
      gap += w;
      if (open !== null && gap >= 2) open = null;
    } else {
      if (open === null) {
        open = { start: i, end: i + 1, from: col, to: col + w };
        out.push(open);
      } else {
        open.end = i + 1;
        open.to = col + w;
      }
      gap = 0;
    }
    col += w;
  }
}

/** A row opens with its number and a space: `81 科学精准…`. The number's end, or -1. */
export function rowNumberEnd(text: string, start: number, end: number): number {
  let k = start;
  while (k < end && k - start < 4 && isDigitCode(text.charCodeAt(k))) k++;
  return k > start && k < end && isTrimCode(text.charCodeAt(k)) ? k : -1;
}

/** Where what `trim()` keeps of [from, to) of `text` ends, a cell's closing pipe dropped (`招商工作部 |`). */
export function keptEnd(text: string, from: number, to: number): number {
  while (to > from && isTrimCode(text.charCodeAt(to - 1))) to--;
  if (to > from && isPipe(text.charCodeAt(to - 1))) {
    to--;
    while (to > from && isTrimCode(text.charCodeAt(to - 1))) to--;
  }
  return to;
}

/** Does a flattened cell that ends at `to` go on over the next line (it ends with `、` or a comma)? */
export function continuesCell(text: string, from: number, to: number): boolean {
  const last = to > from ? text.charCodeAt(to - 1) : -1;
  return last === 0x3001 /* 、 */ || last === 0x2c /* , */ || last === 0xff0c /* ， */;
}

/** The value of [from, to) of `text` when it is 1–4 ASCII digits (`/^\d{1,4}$/`), else -1. */
export function smallNumber(text: string, from: number, to: number): number {
  if (to <= from || to - from > 4) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isDigitCode(c)) return -1;
    value = value * 10 + (c - 0x30);
  }
  return value;
}

/** Where the digits at `i` end. */
export function digitEnd(text: string, i: number): number {
  while (isDigitCode(text.charCodeAt(i))) i++;
  return i;
}

/** Where `part` first occurs in [from, to) of `text`, or -1 (the search stops at `to`). */
export function indexIn(text: string, part: string, from: number, to: number): number {
  const first = part.charCodeAt(0);
  for (let i = from; i + part.length <= to; i++) if (text.charCodeAt(i) === first && text.startsWith(part, i)) return i;
  return -1;
}

/** Does the line ending at `end` end with a sentence's end (`。` `；` `！` `？` `;`)? */
export function endsSentence(text: string, end: number): boolean {
  let k = end;
  while (k > 0 && isTrimCode(text.charCodeAt(k - 1))) k--;
  const c = text.charCodeAt(k - 1);
  return c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f || c === 0x3b;
}

// ---------------------------------------------------------------------------------------------
// Glued tables: the header's names one after another, each row's cells run together, a row opened by its number.

/** The next `序号` (`序號`) at or after `from` that a Han character follows (where a glued header may open), or -1. */
export function serialWordFrom(text: string, from: number): number {
  let at = text.indexOf('序', from);
  while (at >= 0 && !(/[号號]/.test(text[at + 1] ?? '') && isHanCode(text.charCodeAt(at + 2)))) at = text.indexOf('序', at + 1);
  return at;
}

/**
 * A glued header's column names from `at`, before `limit`: each the shortest run of Han characters, two to `maxLabel`
 * long, that `endsLabel` accepts (the model knows how a column's name ends); at most `maxColumns`. Returns the
 * names and where they end (where a row's number should begin).
 */
export function gluedLabels(
  text: string,
  at: number,
  limit: number,
  endsLabel: (label: string) => boolean,
  maxLabel: number,
  maxColumns: number,
): { labels: string[]; end: number } {
  const labels: string[] = [];
  let k = at;
  while (k < limit && labels.length < maxColumns) {
    let len = 0;
    for (let l = 2; l <= maxLabel && k + l <= limit && isHanCode(text.charCodeAt(k + l - 1)); l++) {
      if (endsLabel(text.slice(k, k + l))) {
        len = l;
        break;
      }
    }
    if (len === 0) break;
    labels.push(text.slice(k, k + len));
    k += len;
  }
  return { labels, end: k };
}

/** Counters and units of measure: a number followed by one counts something (`建成12个`), it opens no row. */
const COUNTER = /[个人年月日号%％项家万千百亿元次期批条所座名户处类件台辆吨米亩天周岁倍栋套间张场份余多]/;

/**
 * Where row `n` of a glued table opens at or after `from`, before `to`: the number written alone (no digit beside
 * it), before a Han character that counts nothing, where `endsCell` says the text before it ends a cell. -1 when it
 * is not there.
 */
export function gluedRowStart(text: string, n: number, from: number, to: number, endsCell: (at: number) => boolean): number {
  const digits = String(n);
  for (let i = indexIn(text, digits, from, to); i >= 0; i = indexIn(text, digits, i + 1, to)) {
    const after = i + digits.length;
    if (isDigitCode(text.charCodeAt(i - 1)) || isDigitCode(text.charCodeAt(after))) continue;
    const next = text.charCodeAt(after);
    if (!isHanCode(next) || COUNTER.test(text[after]!)) continue;
    if (endsCell(i)) return i;
  }
  return -1;
}
