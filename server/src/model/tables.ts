// Finds task tables (任务分解表) in the forms they arrive in: Markdown pipes, tab-separated rows, the flattened
// one-cell-per-line copy, space-separated rows, and a sharing page's copy with no separator at all (glued), and reads
// what they mean: columns by their header's meaning, rows built from the cells. Where a row's cells are and where a
// row starts is the grammar's (grammar/table.ts); what a cell holds and where it goes is `table-cells.ts`.
// Over 400 lines: one reader per form, each short, beside the row builders they share.
import {
  type Chunk,
  continuesCell,
  digitEnd,
  displayWidth,
  endsSentence,
  gluedLabels,
  gluedRowStart,
  hasSpace,
  indexIn,
  isDigitCode,
  isHanCode,
  isPipe,
  isSeparatorRow,
  keptEnd,
  layoutChunks,
  LineView,
  type Line,
  pipeCells,
  rowNumberEnd,
  smallNumber,
  spacePieces,
  tabCells,
  withoutPipes,
} from '../../../grammar/table.js';
import { keepShape } from '../../../grammar/shapes.js';
import { ListBuffer } from './buffer.js';
import { PlacedRow, PlacedTable } from './located.js';
import { LineTable } from './positions.js';
import { alignCells, cellKinds, slotOf, UNIT_END, type KindOf, type Slot } from './table-cells.js';
import { isPlaceholder, isSpaceCode, isTrimCode, toSimplified, trimSpan } from './text.js';
import type { ColumnRole, Span, Table, TableRow } from './types.js';

/**
 * The words of a header cell as its meaning is read: pipes and every space dropped (`责 任 单 位`, a header spaced out
 * to fill its cell, is `责任单位`), traditional characters simplified.
 */
export function headerWords(cell: string): string {
  const bare = withoutPipes(cell);
  // Most cells hold no space: a look by code unit spares them the replacement's search.
  return toSimplified(hasSpace(bare, 0, bare.length) ? bare.replace(/\s+/g, '') : bare);
}

/**
 * Classifies a header cell by its meaning: persons (`牵头领导`, `分管领导`, `责任领导`) before units, columns that
 * are neither responsibility nor time (`评分部门`, `备注`, `进展情况`, `工作评价`, `进度安排`) before both. The unit in
 * charge is named by `牵头`, `主办` or `主责` (`主办单位`, `主责部门`); those who take part by `责任`, `配合`, `协办`,
 * `协助` and the like.
 */
export function columnRole(cell: string): ColumnRole {
  const folded = headerWords(cell);
  // A note after the name (`责任单位（列第一位的为牵头单位）`, `牵头单位（责任人）`) does not change what the column holds.
  const last = folded.charCodeAt(folded.length - 1);
  const c = last === 0x29 || last === 0xff09 ? folded.replace(/^(.+?)[(（][^()（）]*[)）]$/, '$1') : folded;
  if (/^(序号|编号|no\.?|#)$/i.test(c)) return 'number';
  // Most cells asked about (short lines of the text) name no role: one search says so.
  if (!ROLE_WORD.test(c)) return 'other';
  // Persons, unless the column names units too (`责任单位及责任人`: its persons are left out of the units).
  if (PERSON_HEADER.test(c) && !/单位|部门/.test(c)) return 'leader';
  if (NOT_TASK_HEADER.test(c)) return 'other';
  if (LEAD_HEADER.test(c)) return 'lead';
  if (IN_CHARGE_HEADER.test(c) || COOPERATE_HEADER.test(c)) return 'responsible';
  if (DEADLINE_HEADER.test(c)) return 'deadline';
  if (TASK_HEADER.test(c)) return 'task';
  return 'other';
}

/** Words of a header (simplified) of a column that is neither responsibility nor time nor the task: status, remarks, scores. */
const NOT_TASK_HEADER = /评分|评价|备注|进展|情况|安排|说明|状态|成效/;

/**
 * Words of a header (simplified) naming the work of a row: the task asked (`工作任务`, `重点事项`, `工作内容`), the
 * measures it takes (`具体措施`, `工作举措`), the work or what it must reach (`具体工作`, `工作要求`, `年度指标`), a
 * project's name. A target (`年度目标`, `攻坚目标`) is not one: beside a task column it states what the task must
 * reach; alone, the rows show it holds the task (`taskColumnByContent`).
 */
const TASK_HEADER = /任务|事项|工作内容|措施|举措|工作要点|内容|项目名称|重点工作|具体工作|工作要求|指标/;

/** Words of a header (simplified) naming the unit in charge: `牵头单位`, `主办单位`, `主责部门`, `承办单位`. */
const LEAD_HEADER = /牵头|主办|主责|承办/;

/**
 * Words of a header (simplified) naming the units in charge of the work, without saying that one leads:
 * `责任单位`, `责任主体`, `负责单位`, `实施主体`, `实施单位`, `承担部门`, `落实单位`.
 */
const IN_CHARGE_HEADER = /责任|负责(?:单位|部门|主体|处室|科室)|(?:实施|承担|落实|执行)(?:单位|部门|主体|处室|科室)/;

/** Words of a header (simplified) naming units that co-operate with those in charge: `配合单位`, `协办单位`, `参与部门`. */
const COOPERATE_HEADER = /配合|协办|协助|参与|参加|协同|协作/;

/** Words of a header (simplified) naming a deadline column: `完成时限`, `时间节点`, `截止日期`. */
const DEADLINE_HEADER = /时限|时间|期限|节点|进度|时序|日期|截止/;

/** A schedule column (`进度安排`, `时间安排`): the table's time column when it has no 完成时限 column. */
const SCHEDULE_HEADER = /^(?:进度|时间|進度|時間)(?:安排|要求)|^时间进度|^時間進度|^推进时间|^推進時間/;

/** A task column's header naming the work asked (`工作任务`, `任务内容`, `重点事项`, `具体措施`). */
const WORK_HEADER = /任务|任務|事项|事項|具体|具體/;
/** A task column's header naming the very work of the row (`具体任务`, `具体措施`). */
const SPECIFIC_HEADER = /具体|具體/;

/**
 * The task columns of `header` (their roles in `columns`), in the order a row's title is looked for: a column of the
 * row's specific work (`具体任务`) first, then columns naming the work asked (`工作任务`, `任务内容`), then the
 * others, which name what the work belongs to (`项目名称`, `整治内容`, `重点工作`: a cell often merged over the rows
 * of its tasks); in order within each, unless the `rows` show which of two such columns is merged (`mergedLeftFirst`).
 * A table with one task column has nothing to order.
 */
export function titleColumns(header: readonly string[], columns: readonly ColumnRole[], rows: readonly TableRow[] = []): number[] {
  const out: number[] = [];
  for (let c = 0; c < columns.length; c++) if (columns[c] === 'task') out.push(c);
  if (out.length < 2) return out;
  const rank = (c: number) => {
    const words = headerWords(header[c]!);
    return SPECIFIC_HEADER.test(words) ? 0 : WORK_HEADER.test(words) ? 1 : 2;
  };
  const ranked = out.map((c) => ({ c, r: rank(c) })).sort((a, b) => a.r - b.r || a.c - b.c);
  const full = filledThroughout(ranked, rows);
  if (full > 0) ranked.unshift(ranked.splice(full, 1)[0]!);
  return ranked.map((x) => x.c);
}

/**
 * Of task columns ranked alike by their headers (`项目名称 | 建设内容`, `重点工作 | 工作内容`: neither says which holds the
 * row's own work), the index in `ranked` of one the rows fill throughout, right of the first ranked, which some rows
 * leave empty where it is filled: the first is a group's cell merged over the rows of its tasks (`| 1 | 城区学位扩容 |
 * 新建城东小学 |` / `| 2 |  | 改扩建城南幼儿园 |`), so the rows' titles come from the other and the first groups them.
 * 0 when the rows show no such thing (the headers' order stands).
 */
function filledThroughout(ranked: readonly { c: number; r: number }[], rows: readonly TableRow[]): number {
  const first = ranked[0]!;
  const filled = (row: TableRow, c: number) => (row.cells[c] ?? '').trim() !== '';
  for (let k = 1; k < ranked.length; k++) {
    const { c, r } = ranked[k]!;
    if (r !== first.r || c < first.c) continue;
    let gaps = 0;
    let full = true;
    let seen = 0;
    for (let i = 0; i < rows.length && full; i++) {
      const row = rows[i]!;
      if (filled(row, c)) {
        seen++;
        if (!filled(row, first.c)) gaps++;
      } else if (filled(row, first.c)) full = false;
    }
    if (full && gaps > 0 && gaps < seen) return k;
  }
  return 0;
}

/** A column of a unit's standing duties (`主要职责`, `工作职能`), simplified. */
const DUTIES_HEADER = /职责|职能/;

/** How many rows are read to find a task column by content. */
const SAMPLED_ROWS = 40;

/**
 * The task column of a table whose header names units (a 牵头 or 责任 column) but no task column in words known here
 * (`主攻方向`, `攻坚目标`), found by what the rows hold: of the columns of no role (not a status, remark or unit
 * column by its header), the one with the most text that is neither a unit list, a date nor a number, such text
 * filling at least half of the rows that fill the column. -1 when no column holds such text: the table names no
 * work (a contact list: `责任单位 | 联系人 | 联系电话`). A column of duties (`职责`, `职能`) is no task column: a table of
 * each unit's standing duties (`责任单位 | 主要职责`, under a leading group) gives out no task, and read as one it would
 * take the place of the body's tasks.
 */
export function taskColumnByContent(header: readonly string[], columns: readonly ColumnRole[], rows: readonly TableRow[], kindOf: KindOf): number {
  let best = -1;
  let bestLength = 0;
  for (let c = 0; c < columns.length; c++) {
    const words = headerWords(header[c]!);
    if (columns[c] !== 'other' || NOT_TASK_HEADER.test(words) || DUTIES_HEADER.test(words) || slotOf(words, 'other') === 'units') continue;
    let filled = 0;
    let prose = 0;
    let length = 0;
    for (let r = 0; r < rows.length && r < SAMPLED_ROWS; r++) {
      const cell = (rows[r]!.cells[c] ?? '').trim();
      if (cell.length === 0 || isPlaceholder(cell)) continue;
      filled++;
      const kind = kindOf(cell);
      if (kind === 'units' || kind === 'date' || kind === 'number' || kind === 'blank') continue;
      prose++;
      length += cell.length;
    }
    if (prose * 2 >= filled && length > bestLength) {
      best = c;
      bestLength = length;
    }
  }
  return best;
}

/**
 * The columns of a table read with `columns` by its header: the same when the header names a task column, else with
 * the column its rows show to hold the task (`taskColumnByContent`); null when none does.
 */
function withTaskColumn(header: readonly string[], columns: ColumnRole[], rows: readonly TableRow[], kindOf: KindOf): ColumnRole[] | null {
  if (columns.includes('task')) return columns;
  const c = taskColumnByContent(header, columns, rows, kindOf);
  if (c < 0) return null;
  const out = columns.slice();
  out[c] = 'task';
  return out;
}

/**
 * The roles of a header's cells: by meaning, a schedule column taking the deadline's role when no column has it, and
 * with no 牵头 column the column of those in charge (`责任单位`, `责任主体`, `实施主体`, `负责单位`) leading when a
 * column of co-operating units stands beside it (`配合单位`): set against those who help, it names who leads.
 */
export function columnRoles(header: readonly string[]): ColumnRole[] {
  const roles = header.map(columnRole);
  if (!roles.includes('lead')) leadBesideCooperating(header, roles);
  if (roles.includes('deadline')) return roles;
  return roles.map((role, c) => (role === 'other' && SCHEDULE_HEADER.test(headerWords(header[c]!)) ? 'deadline' : role));
}

/** Makes the responsible columns of `roles` that name those in charge leads when another names co-operating units. */
function leadBesideCooperating(header: readonly string[], roles: ColumnRole[]): void {
  const helps = (c: number) => COOPERATE_HEADER.test(headerWords(header[c]!));
  if (!roles.some((role, c) => role === 'responsible' && helps(c))) return;
  for (let c = 0; c < roles.length; c++) {
    if (roles[c] === 'responsible' && !helps(c) && IN_CHARGE_HEADER.test(headerWords(header[c]!))) roles[c] = 'lead';
  }
}

/** A column header naming persons (`分管领导`, `责任人`); with `单位` in it as well, a column of units with their persons. */
export const PERSON_HEADER = /领导|负责人|责任人|联系人/;

/**
 * Any of the words that give a header cell a role other than its number (a unit, person, time or task column):
 * a cell with none of them is of no role.
 */
const ROLE_WORD = new RegExp([PERSON_HEADER, LEAD_HEADER, IN_CHARGE_HEADER, COOPERATE_HEADER, DEADLINE_HEADER, TASK_HEADER].map((re) => re.source).join('|'));

/** Words a header cell of no known role is made of (`单位`, `年度目标`, `考核项目`); a cell without one ends the header. */
const HEADER_WORD = /序号|单位|部门|领导|目标|指标|内容|项目|名称|备注|进展|评价|情况|时限|时间|节点|类别|分类|要求|标准|措施|任务|事项|进度|安排|说明|依据|计划|金额|资金|主体|分值|评分|考核/;

/** Could `cell` (trimmed, pipes dropped) be a header cell: a short column name? */
function isHeaderCell(cell: string): boolean {
  const words = headerWords(cell);
  if (words.length === 0 || words.length > 12) return false;
  return columnRole(cell) !== 'other' || HEADER_WORD.test(words);
}

/**
 * The header cell `first` and `second` make when they are the two lines of one name, split where a narrow column wrapped it
 * (`牵头` / `领导`, `完成` / `时限`, `责任` / `单位`), as `first` and `second` joined; null when they are two names. They are
 * one when `second` is nothing but how a column's name ends (`领导`, `单位`, `时限`: `LABEL_END`), `first` is no name
 * alone (no such ending, no word a header is made of: `类别` / `任务` are two columns) and the two together name a column
 * of the kind `second` says: persons, units, a time or the task (`牵头` / `配合` and `责任` / `时限` stay two).
 */
function joinedHeaderCell(first: string, second: string): string | null {
  const a = headerWords(first);
  const b = headerWords(second);
  const end = LABEL_END.exec(b);
  if (a.length === 0 || a.length + b.length > 12 || end === null || end.index !== 0 || LABEL_END.test(a) || HEADER_WORD.test(a)) return null;
  const role = columnRole(a + b);
  const alone = columnRole(b);
  const agrees = alone === 'other' ? /单位|部门/.test(b) && (role === 'lead' || role === 'responsible') : role === alone;
  return agrees ? first + second : null;
}

/** A header names a task table when it has a task column and a lead or responsible column. */
function isTaskHeader(roles: ColumnRole[]): boolean {
  return roles.includes('task') && namesUnits(roles);
}

/**
 * Does a header have a lead or responsible column? A table with such a column is a task table even when its task
 * column's header is not one known here: its rows show which column holds the task (`withTaskColumn`; a glued
 * table, whose cells are found by its header's words, still needs a known task column).
 */
function namesUnits(roles: ColumnRole[]): boolean {
  return roles.includes('lead') || roles.includes('responsible');
}

/** The lines of the text being read, with the model's line table. */
type Lines = LineView<LineTable>;

keepShape(new LineView('', new LineTable('')));

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
    } else if (headsPipelessTable(view, i)) {
      const found = readPipeTable(view, i, false);
      next = found.next;
      if (found.table) tables.push(found.table);
    } else if (isSpaceHeader(text, start, end)) {
      const found = readSpaceTable(view, i);
      next = found.next;
      if (found.table) tables.push(found.table);
    } else if (end > start && end - start <= 14 && columnRole(text.slice(start, end)) !== 'other') {
      const found = readFlatTable(view, i);
      next = found.next;
      if (found.table) tables.push(found.table);
    } else if (end - start > 12) {
      const at = view.serialWord(i);
      if (at >= 0) {
        const found = readGluedTable(view, i, at);
        next = found.next;
        if (found.table) tables.push(found.table);
      }
    }
    i = Math.max(next, i + 1);
  }
  return tables;
}

/**
 * Does line `k` head a Markdown table written without its outer pipes (`序号 | 重点事项 | 牵头单位`, GitHub's Markdown
 * allows it): a line with a pipe, the next its delimiter row (`--- | :---:`) of as many cells? A delimiter row that
 * counts otherwise makes no table in GitHub's Markdown either. Only a next line that opens with `-`, `:` or a pipe is
 * cut into cells, and each line is the next line once: the text is read once over.
 */
function headsPipelessTable(view: Lines, k: number): boolean {
  if (k + 1 >= view.count) return false;
  const { text } = view;
  const open = text.charCodeAt(view.firstKept(k + 1));
  if ((open !== 0x2d /* - */ && open !== 0x3a /* : */ && !isPipe(open)) || !view.hasPipe(k)) return false;
  const cells: Span[] = [];
  pipeCells(text, view.start(k + 1), view.end(k + 1), cells);
  const count = cells.length;
  if (count < 2 || !isSeparatorRow(text, cells, count) || indexIn(text, '-', view.start(k + 1), view.end(k + 1)) < 0) return false;
  cells.length = 0;
  pipeCells(text, view.start(k), view.end(k), cells);
  return cells.length === count;
}

/** The texts of the cells in `spans`, taken out of the buffer. */
function headerOf(text: string, spans: ListBuffer<Span>): string[] {
  return spans.take().map((s) => text.slice(s.start, s.end));
}

/**
 * The header of a table whose first row under it names the parts of a column the header spans (`责任单位` over
 * `牵头 | 配合`, `责任分工` over `牵头单位 | 配合单位`: a spreadsheet's or Word's two-row header copied as text); the
 * header's other names stay. The row's filled cells are short names of a unit or time column (`牵头`, `配合单位`,
 * `完成时限`) and nothing else, and either stand where they belong, at least one of them under an empty cell of the
 * header (each then names its column), or open the row, fewer than the header's names and two at least, the copy having
 * dropped the empty cells around them (they then take the place of the header cell they divide: `spannedColumn`). Null
 * when `row` is no such row.
 */
function withSubHeader(header: readonly string[], row: readonly string[]): string[] | null {
  let under = false;
  let names = 0;
  // Whether the filled cells open the row, one after another.
  let opening = true;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c]!.trim();
    if (cell === '') continue;
    const role = cell.length <= 8 && !/[0-9０-９]/.test(cell) ? columnRole(cell) : 'other';
    if (role !== 'lead' && role !== 'responsible' && role !== 'deadline') return null;
    if ((header[c] ?? '').trim() === '') under = true;
    if (c !== names) opening = false;
    names++;
  }
  if (under) return header.map((name, c) => ((row[c] ?? '').trim() !== '' ? row[c]!.trim() : name));
  if (!opening || names < 2 || names >= header.filter((name) => name.trim() !== '').length) return null;
  const parts = row.slice(0, names).map((cell) => cell.trim());
  const c = spannedColumn(header, parts.map(columnRole));
  return c < 0 ? null : [...header.slice(0, c), ...parts, ...header.slice(c + 1)];
}

/**
 * The header cell a second header row's names (roles `parts`) divide, when the copy kept none of the row's empty cells:
 * the first that names a column of their kind (units for `牵头单位 | 配合单位`: `责任分工`, `责任单位`; a time for
 * `开始时间 | 完成时间`: `时间安排`), else the only one of no role (`分工`). -1 when none is.
 */
function spannedColumn(header: readonly string[], parts: readonly ColumnRole[]): number {
  const units = (role: ColumnRole) => role === 'lead' || role === 'responsible' || role === 'leader';
  const time = (role: ColumnRole) => role === 'deadline';
  const kind = parts.every(units) ? units : parts.every(time) ? time : null;
  const roles = columnRoles(header);
  if (kind !== null) {
    const c = roles.findIndex(kind);
    if (c >= 0) return c;
  }
  let other = -1;
  for (let c = 0; c < roles.length; c++) {
    if (roles[c] !== 'other' || header[c]!.trim() === '') continue;
    if (other >= 0) return -1;
    other = c;
  }
  return other;
}

/** A chapter or section marker opening a cell: `一、` `（一）` `第一部分` `第二类`. */
const CATEGORY_START = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+(?:部分|类|類|章|节|節|方面|项|項))/;
/** A cell holding a row number and nothing else. */
const NUMBER_ONLY = /^[0-9０-９]{1,4}[.、．]?$/;
/** A category's number alone in a row's number cell (`一`, `二、`), its name in the next cell. */
const CATEGORY_NUMBER = /^[一二三四五六七八九十]{1,3}[、.．]?$/;

/**
 * Is the row whose cells are `spans` no task: empty, a repeat of the header (a table printed over several pages), or a
 * category heading inside the table (`一、强化创新平台建设`, its cell merged across the row: one text, in one cell or
 * repeated in each)? A row whose one filled cell is its task cell stays a task, with its lead missing.
 */
function isHeadingRow(text: string, spans: readonly Span[], count: number, header: readonly string[], columns: readonly ColumnRole[]): boolean {
  let filled = 0;
  let repeatsHeader = true;
  let only: string | null = null;
  let onlyColumn = -1;
  let oneText = true;
  // A row with a number in its first cell is a task's (the usual row): no cell needs reading.
  if (count > 1 && columns[0] === 'number' && smallNumber(text, spans[0]!.start, spans[0]!.end) >= 0) return false;
  let categoryNumber = false;
  for (let c = 0; c < count; c++) {
    const cell = withoutPipes(text.slice(spans[c]!.start, spans[c]!.end)).replace(/\s+/g, '');
    if (cell.length === 0 || isPlaceholder(cell)) continue;
    // `| 一 | 产业发展 | — | — |`: the category's number, then its name.
    if (c === 0 && columns[0] === 'number' && CATEGORY_NUMBER.test(cell)) {
      categoryNumber = true;
      continue;
    }
    filled++;
    if (c >= header.length || cell !== header[c]!.replace(/\s+/g, '')) repeatsHeader = false;
    if (only === null) {
      only = cell;
      onlyColumn = c;
    } else if (cell !== only) oneText = false;
  }
  if (only === null) return true;
  if (repeatsHeader && filled >= 2) return true;
  if (!oneText || NUMBER_ONLY.test(only)) return false;
  return categoryNumber || CATEGORY_START.test(only) || filled >= 2 || columns[onlyColumn] !== 'task';
}

/** A line between the rows of a tab-separated table that is a category heading (its cell merged across the row, copied without tabs). */
function isCategoryLine(view: Lines, k: number): boolean {
  if (view.isNoise(k)) return false;
  const from = view.firstKept(k);
  const to = keptEnd(view.text, from, view.end(k));
  return to - from <= 40 && !isPipe(view.text.charCodeAt(from));
}

/** How many blank or page-number lines may stand between a table's last row and its header printed again. */
const MAX_PAGE_BREAK = 4;
/** How many lines a header printed again may take (a flattened copy's, one cell a line: `MAX_COLUMNS` and blank lines). */
const MAX_HEADER_LINES = 20;

/** Is `c` left out of a header's words as a repeat is matched: a space of any width, a pipe? */
const isHeaderGap = (c: number): boolean => isSpaceCode(c) || isPipe(c);

/**
 * The words of a table's header on lines [first, last] as its repeat is matched (`headerRepeatEnd`): every character
 * but spaces and pipes, so that `| 序号 | 重点任务 |`, `序号\t重点任务` and `序 号  重点任务` are one header.
 */
function headerKey(view: Lines, first: number, last: number): string {
  const { text } = view;
  let key = '';
  for (let k = first; k <= last; k++) {
    const end = view.end(k);
    let from = -1;
    for (let i = view.start(k); i <= end; i++) {
      const gap = i === end || isHeaderGap(text.charCodeAt(i));
      if (gap && from >= 0) {
        key += text.slice(from, i);
        from = -1;
      } else if (!gap && from < 0) from = i;
    }
  }
  return key;
}

/**
 * Where a table's header, whose words are `key` (`headerKey`), is printed again from line `k`: the line after it, or
 * -1. A table copied from a PDF or a Word document over several pages repeats its header at the top of each page,
 * after the blank lines and the page number (`— 5 —`) the copy kept; the header may be spaced otherwise than the
 * first (`序 号`) and take several lines (one cell a line). Its rows go on with the table's: the repeat is no row
 * and no new table. Reads at most `MAX_PAGE_BREAK + MAX_HEADER_LINES` lines, and each only as far as it matches.
 */
function headerRepeatEnd(view: Lines, k: number, key: string): number {
  const { text } = view;
  if (key.length === 0) return -1;
  for (let skipped = 0; k < view.count && (view.isNoise(k) || view.isPageNumber(k)); k++) if (++skipped > MAX_PAGE_BREAK) return -1;
  let p = 0;
  for (const stop = k + MAX_HEADER_LINES; p < key.length && k < view.count && k < stop; k++) {
    const end = view.end(k);
    for (let i = view.start(k); i < end; i++) {
      const c = text.charCodeAt(i);
      if (isHeaderGap(c)) continue;
      if (p === key.length || c !== key.charCodeAt(p)) return -1;
      p++;
    }
  }
  return p === key.length ? k : -1;
}

/**
 * Does line `k`, whose cells are in `spans` (cleared here), open another task table: a header of its own, not this
 * table's printed again (`key`, `headerRepeatEnd`), its first cell `序号` and its other filled cells names of columns,
 * one of them of units? A table of another kind printed right after the first in the same form (or after a page
 * number) starts so; read as a row it was a task named `序号 工作内容`.
 */
function opensTable(view: Lines, k: number, spans: ListBuffer<Span>, key: string): boolean {
  const { text } = view;
  // A row's first cell is its number: one look says it is no header.
  const first = spans.length >= 3 ? spans.items[0]! : null;
  if (first === null || columnRole(text.slice(first.start, first.end)) !== 'number') {
    spans.clear();
    return false;
  }
  const header = headerOf(text, spans).map((cell) => withoutPipes(cell).trim());
  return header.every((cell) => cell === '' || isHeaderCell(cell)) && namesUnits(columnRoles(header)) && headerRepeatEnd(view, k, key) < 0;
}

/**
 * A Markdown table from its header on line `first`. Its rows open with a pipe, as the header does, or — a table written
 * without its outer pipes (`outer` false: `headsPipelessTable`) — hold one.
 */
function readPipeTable(view: Lines, first: number, outer = true): { table: Table | null; next: number } {
  const { text } = view;
  const isRow = (k: number) => (outer ? view.startsWithPipe(k) : view.hasPipe(k));
  // The cell spans of the row being read, one buffer for every row of the table (see `ListBuffer`).
  const spans = new ListBuffer<Span>();
  pipeCells(text, view.start(first), view.end(first), spans);
  let header = headerOf(text, spans);
  // A second header row, above the separator or under it, naming the parts of a column the first spans (`责任单位`
  // over `牵头 | 配合`); the rows start after it.
  let from = first + 1;
  if (from < view.count && isRow(from)) {
    pipeCells(text, view.start(from), view.end(from), spans);
    let sub = from;
    if (isSeparatorRow(text, spans.items, spans.length)) {
      spans.clear();
      sub = from + 1 < view.count && isRow(from + 1) ? from + 1 : -1;
      if (sub >= 0) pipeCells(text, view.start(sub), view.end(sub), spans);
    }
    const parts = sub >= 0 ? withSubHeader(header, headerOf(text, spans).map((cell) => withoutPipes(cell))) : null;
    spans.clear();
    if (parts !== null) {
      header = parts;
      from = sub + 1;
    }
  }
  // A header printed again is matched with its second row when that row is right under the first.
  const key = headerKey(view, first, from === first + 2 ? first + 1 : first);
  let last = first;
  for (;;) {
    while (last + 1 < view.count && isRow(last + 1)) {
      // A row that is another table's header ends this table (the rows start at `from`, after this table's header).
      if (last + 1 >= from) {
        pipeCells(text, view.start(last + 1), view.end(last + 1), spans);
        if (opensTable(view, last + 1, spans, key)) break;
      }
      last++;
    }
    // The header printed again after a page break (`— 5 —`): the rows after it go on with the table. The lines between
    // hold no cells, and the header's repeat is a heading row (`isHeadingRow`): neither is a row.
    const after = last > first ? headerRepeatEnd(view, last + 1, key) : -1;
    if (after < 0 || after >= view.count || !isRow(after)) break;
    last = after;
  }
  const columns = columnRoles(header);
  if (!namesUnits(columns)) return { table: null, next: last + 1 };
  const slots = columns.map((role, c) => slotOf(headerWords(header[c]!), role));
  const kindOf = cellKinds();
  const rows: TableRow[] = [];
  for (let k = from; k <= last; k++) {
    // The header printed again, with its second row (which is no repeat of the header's names) and the page break
    // before it: no rows.
    const after = headerRepeatEnd(view, k, key);
    if (after > k) {
      k = after - 1;
      continue;
    }
    const start = view.start(k);
    const end = view.end(k);
    pipeCells(text, start, end, spans);
    if (isSeparatorRow(text, spans.items, spans.length) || isHeadingRow(text, spans.items, spans.length, header, columns)) {
      spans.clear();
      continue;
    }
    const whole = spans.length === columns.length;
    const row = makeRow(view.lines, text, start, end, spans, slots, kindOf);
    const above = rows[rows.length - 1];
    if (whole && above !== undefined && wrapsRow(text, above, row, columns, kindOf)) rows[rows.length - 1] = withWrap(text, above, row, view.lines);
    else rows.push(row);
  }
  const roles = withTaskColumn(header, columns, rows, kindOf);
  if (roles === null) return { table: null, next: last + 1 };
  return { table: makeTable('markdown', view.lines, view.line(first), view.line(last), header, roles, rows), next: last + 1 };
}

/**
 * Does `row`, a Markdown row with a cell for each column, go on with the cells of the row above (`above`): a row
 * whose long cells Word wrapped onto a second row of the copy (`| 1 | 推进老旧小区改造，惠及居民 | 区住建局 |
 * 各街道办事处、 | 2025年10月 |` over `|  | 3200户 |  | 区财政局 | 底前 |`)? Only in a table that numbers its rows:
 * its number cell is empty under a numbered row; each cell it fills goes on with a cell the row above fills, that one
 * of fewer than `MAX_WRAP_LINES` pieces; and one of them shows the cut: the cell above stops in the middle of a list
 * or a sentence (`、` `，`), or a deadline cell that is no date alone makes one with the cell above (`2025年10月` +
 * `底前`). A row that holds whole values of its own (a task under the numbered row, its number cell merged: `|  |
 * 开展培训 | 区人社局 | 区卫健局 | 2025年10月底前 |`) shows no cut and stays a row; a table that numbers no row has
 * no row to go on with.
 */
function wrapsRow(text: string, above: TableRow, row: TableRow, columns: readonly ColumnRole[], kindOf: KindOf): boolean {
  const number = columns.indexOf('number');
  if (number < 0 || row.cells[number] !== '' || above.cells[number] === '') return false;
  let cut = false;
  for (let c = 0; c < columns.length; c++) {
    const cell = row.cells[c]!;
    if (cell === '') continue;
    const pieces = above.parts?.[c];
    if (above.cells[c] === '' || (pieces?.length ?? 1) >= MAX_WRAP_LINES) return false;
    const piece = pieces === undefined ? above.cellSpans[c]! : pieces[pieces.length - 1]!;
    if (endsInList(text, piece)) cut = true;
    else if (columns[c] === 'deadline' && kindOf(cell) !== 'date' && kindOf(text.slice(piece.start, piece.end) + cell) === 'date') cut = true;
  }
  return cut;
}

/** Does the piece of a cell at `piece` stop in the middle of a list or a clause (`各街道办事处、`, `…，`): its cell goes on? */
function endsInList(text: string, piece: Span): boolean {
  const end = text.charCodeAt(piece.end - 1);
  return end === 0x3001 /* 、 */ || end === 0xff0c /* ， */ || end === 0x2c /* , */;
}

/** The row `above` with `row`'s cells as the next pieces of its own (`wrapsRow`), each cell its pieces joined (`joinedCell`). */
function withWrap(text: string, above: TableRow, row: TableRow, lines: LineTable): TableRow {
  const parts = above.parts?.map((pieces) => pieces.slice()) ?? above.cellSpans.map((span) => (span.end > span.start ? [span] : []));
  const cells = above.cells.slice();
  for (let c = 0; c < parts.length; c++) {
    const span = row.cellSpans[c]!;
    if (span.end === span.start) continue;
    parts[c]!.push(span);
    cells[c] = joinedCell(text, parts[c]!).text;
  }
  return new PlacedRow(cells, above.cellSpans, { start: above.span.start, end: row.span.end }, lines, parts);
}

function readTsvTable(view: Lines, first: number): { table: Table | null; next: number } {
  const { text } = view;
  // The cell spans of the row being read, one buffer for every row of the table (see `ListBuffer`).
  const spans = new ListBuffer<Span>();
  tabCells(text, view.start(first), view.end(first), spans);
  let header = headerOf(text, spans);
  // A second header row naming the parts of a column the first spans (`责任单位` over `牵头 | 配合`) is no row: the
  // header ends with it, and its cells are the columns the rows' tabs separate.
  let headerEnd = first;
  if (first + 1 < view.count && view.hasTab(first + 1)) {
    tabCells(text, view.start(first + 1), view.end(first + 1), spans);
    const parts = withSubHeader(header, headerOf(text, spans));
    if (parts !== null) {
      header = parts;
      headerEnd = first + 1;
    }
  }
  const headerTabs = header.length - 1;
  // Each row's first and last line (a quoted cell or a cell with line breaks runs on over lines), and the table's last line.
  const rowLines: number[] = [];
  const key = headerKey(view, first, headerEnd);
  let last = headerEnd;
  for (let k = headerEnd + 1; k < view.count; k++) {
    if (view.hasTab(k)) {
      // Another table's header (right under this table, or after a page number) ends it.
      tabCells(text, view.start(k), view.end(k), spans);
      if (opensTable(view, k, spans, key)) break;
      last = tsvRowEnd(view, k);
      if (last === k) last = cutRowEnd(view, k, headerTabs);
      rowLines.push(k, last);
      k = last;
    } else if (!(k + 1 < view.count && view.hasTab(k + 1) && isCategoryLine(view, k))) {
      // The header printed again after a page break, without its tabs (`序号  重点任务…`): the rows after it go on.
      const after = rowLines.length > 0 ? headerRepeatEnd(view, k, key) : -1;
      if (after < 0 || after >= view.count || !view.hasTab(after)) break;
      k = after - 1;
    }
  }
  const columns = columnRoles(header);
  if (!namesUnits(columns) || last === first) return { table: null, next: last + 1 };
  const slots = columns.map((role, c) => slotOf(headerWords(header[c]!), role));
  const kindOf = cellKinds();
  const rows: TableRow[] = [];
  // The lines between rows that hold no tab are category headings.
  for (let r = 0; r < rowLines.length; r += 2) {
    const start = view.start(rowLines[r]!);
    const end = view.end(rowLines[r + 1]!);
    tabCells(text, start, end, spans);
    if (isHeadingRow(text, spans.items, spans.length, header, columns)) {
      spans.clear();
      continue;
    }
    rows.push(makeRow(view.lines, text, start, end, spans, slots, kindOf));
  }
  const roles = withTaskColumn(header, columns, rows, kindOf);
  if (roles === null) return { table: null, next: last + 1 };
  return { table: makeTable('tsv', view.lines, view.line(first), view.line(last), header, roles, rows), next: last + 1 };
}

/**
 * The last line of the tab-separated row that opens line `k`: a cell in double quotes (a spreadsheet's copy of a cell
 * with line breaks: `"区住建局⏎区城管局"`) runs on over the lines it holds, at most `MAX_ROW_LINES`; a quote never
 * closed leaves the row on its line.
 */
function tsvRowEnd(view: Lines, k: number): number {
  const { text } = view;
  let quoted = false;
  for (let line = k; line < view.count && line - k < MAX_ROW_LINES; line++) {
    let cellStart = !quoted;
    const end = view.end(line);
    for (let i = view.start(line); i < end; i++) {
      const c = text.charCodeAt(i);
      if (quoted) {
        if (c === QUOTE) {
          if (text.charCodeAt(i + 1) === QUOTE) i++;
          else quoted = false;
        }
      } else if (cellStart && c === QUOTE) quoted = true;
      cellStart = !quoted && c === 9;
    }
    if (!quoted) return line;
  }
  return k;
}

const QUOTE = 0x22;

/** How many lines a tab-separated row whose cells hold line breaks may run on (a list of measures in one cell). */
const MAX_CELL_LINES = 12;

/**
 * The last line of the tab-separated row that opens line `k` with fewer tabs than the header's `headerTabs`: a cell
 * that holds line breaks, copied from Word, goes on over the next lines (`新增托位300个，⏎建成服务中心1个\t区卫健局\t…`),
 * the text before each line's first tab going on with the cut cell, the rest filling the next cells. The row runs
 * on over lines that open no row (their first cell is no row number, so a list `2.…；` inside a cell is no row) until
 * its tabs are the header's; a blank line, a line opening a row, more tabs than the header's or `MAX_CELL_LINES`
 * lines leave the row on its line (a row that lost its last cells is read as it is).
 */
function cutRowEnd(view: Lines, k: number, headerTabs: number): number {
  let tabs = view.tabCount(k);
  if (tabs >= headerTabs) return k;
  for (let line = k + 1; line < view.count && line - k < MAX_CELL_LINES; line++) {
    if (view.isNoise(line) || opensRow(view, line)) return k;
    tabs += view.tabCount(line);
    if (tabs === headerTabs) return line;
    if (tabs > headerTabs) return k;
  }
  return k;
}

/** Does line `k` open a table row: its first cell, before a tab, a row number (`2`, `3、`)? Reads the cell's first characters only. */
function opensRow(view: Lines, k: number): boolean {
  const { text } = view;
  const from = view.firstKept(k);
  const end = view.end(k);
  let to = from;
  while (to < end && to - from < 8 && text.charCodeAt(to) !== 9) to++;
  if (to < end && text.charCodeAt(to) !== 9) return false;
  while (to > from && isTrimCode(text.charCodeAt(to - 1))) to--;
  return to > from && to - from <= 5 && NUMBER_ONLY.test(text.slice(from, to));
}

/**
 * A line that opens with `序号` (`序號`, `编号`) and a space, two names at least after it (the work and who does it,
 * `序号 任务 责任单位`): the header of a table whose cells are separated by spaces. A flattened copy's header cell
 * (`序号 |`) names nothing after it.
 */
function isSpaceHeader(text: string, start: number, end: number): boolean {
  if (end - start > 400 || !isTrimCode(text.charCodeAt(start + 2)) || columnRole(text.slice(start, start + 2)) !== 'number') return false;
  let names = 0;
  for (let k = start + 2, inName = false; k < end && names < 2; k++) {
    const gap = isTrimCode(text.charCodeAt(k)) || isPipe(text.charCodeAt(k));
    if (!gap && !inName) names++;
    inName = !gap;
  }
  return names >= 2;
}

/** The fewest rule characters a rule line holds. */
const MIN_RULE = 3;

/**
 * Is [start, end) a rule line of a plain-text table: rule characters (`-` `=` `_` `—` `─` `━` `═` `+`) and spaces
 * only, at least `MIN_RULE` of them? Read by code unit.
 */
function isRuleLine(text: string, start: number, end: number): boolean {
  let marks = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2d || c === 0x3d || c === 0x5f || c === 0x2b || c === 0x2014 || c === 0x2500 || c === 0x2501 || c === 0x2550) marks++;
    else if (!isTrimCode(c)) return false;
  }
  return marks >= MIN_RULE;
}

/** How many lines a row of a space-separated table may run on (a cell of several lines). */
const MAX_ROW_LINES = 6;
/** The longest run-on line of a space-separated row that holds one cell only. */
const MAX_RUN_ON = 20;

/**
 * A table copied with spaces between its cells, one row a line (a cell may run on over the next lines): the header's
 * pieces are joined where a column name was broken (`牵头  领导`, `主体 责任单位`: `joinedNames`), unless the joined
 * names leave the table no column that its rows show to hold the work — then each piece names a column (`任务 责任单位`,
 * `项目 责任单位`: a short name before a unit column's, not its first word); each row's pieces go to the columns their
 * content fits (`alignCells`). Rows open with increasing numbers (a department's share of a list: 81, 85, 87), a
 * category row between them passed over (`教育卫生类`: `isCategoryRow`). A
 * fixed-width copy (`pdftotext -layout`) wraps a long cell within its column onto the next lines, the other columns
 * blank there: those lines go to the row above, each piece to the cell of its column (`wrapLine`).
 */
function readSpaceTable(view: Lines, first: number): { table: Table | null; next: number } {
  const { text } = view;
  const pieces: Span[] = [];
  spacePieces(text, view.firstKept(first), view.end(first), pieces);
  const names = pieces.map((piece) => text.slice(piece.start, piece.end));
  const joined = joinedNames(names);
  const found = readSpaceRows(view, first, joined);
  if (found.table !== null || joined.length === names.length) return found;
  // Refused with units named and no task column named: a join took the work's column. Refused for want of units, the
  // pieces are no table either (`牵头 领导` apart would make a 牵头 column of a leader's).
  const roles = columnRoles(joined);
  return namesUnits(roles) && !roles.includes('task') ? readSpaceRows(view, first, names) : found;
}

/**
 * The names of a space-separated header from its pieces, a name broken after a short modifier joined: `牵头` + `领导`,
 * `主体` + `责任单位`. A short name of the work or of a time (`任务`, `事项`, `时限`) is a column's whole name: it opens
 * no name of another kind (`任务 责任单位` are two columns), though one of its own may go on with it (`时间 节点`).
 */
function joinedNames(pieces: readonly string[]): string[] {
  const header: string[] = [];
  for (let p = 0; p < pieces.length; p++) {
    let cell = pieces[p]!;
    const alone = columnRole(cell);
    while (p + 1 < pieces.length && cell.length <= 2 && alone !== 'number') {
      const next = pieces[p + 1]!;
      const role = next.length > 6 ? 'other' : columnRole(cell + next);
      if (role === 'other' || ((alone === 'task' || alone === 'deadline') && role !== alone) || !isHeaderCell(next)) break;
      cell += next;
      p++;
    }
    header.push(cell);
  }
  return header;
}

/** The space-separated table whose header on line `first` has the names `names`, its rows from the lines under it. */
function readSpaceRows(view: Lines, first: number, names: readonly string[]): { table: Table | null; next: number } {
  const { text } = view;
  const pieces: Span[] = [];
  const header = names.slice();
  // A rule under the header (`------ ----------`, a plain-text table's border) is no row; nor is a second header row
  // naming the parts of a column the first spans (`责任分工` over `牵头单位  配合单位`), which ends the header.
  let headerEnd = first;
  let k = first + 1 < view.count && isRuleLine(text, view.start(first + 1), view.end(first + 1)) ? first + 2 : first + 1;
  if (k < view.count && !view.isNoise(k)) {
    pieces.length = 0;
    spacePieces(text, view.firstKept(k), view.end(k), pieces);
    const parts = withSubHeader(header, pieces.map((piece) => text.slice(piece.start, piece.end)));
    if (parts !== null) {
      header.splice(0, header.length, ...parts);
      headerEnd = k;
      k = k + 1 < view.count && isRuleLine(text, view.start(k + 1), view.end(k + 1)) ? k + 2 : k + 1;
    }
  }
  const columns = columnRoles(header);
  if (columns[0] !== 'number' || !namesUnits(columns) || header.length > MAX_COLUMNS) return { table: null, next: first + 1 };
  // Where each column starts, in display columns (a fixed-width copy's): the header's cells', until a row with a cell
  // a column says better (a header's names may stand centred over their columns).
  let starts = lineStarts(text, view.start(first), view.firstKept(first), view.end(first), header.length);
  const dataColumns = columns.map((role, c) => slotOf(headerWords(header[c]!), role)).slice(1);
  const key = headerKey(view, first, headerEnd);
  const kindOf = cellKinds();
  const rows: TableRow[] = [];
  let lastLine = first;
  let previous = -1;
  // Where the text of the row above ends: its last piece (a category row is no piece of it).
  let aboveEnd: Span | null = null;
  while (k < view.count) {
    const start = view.firstKept(k);
    const end = view.end(k);
    const numberEnd = rowNumberEnd(text, start, end);
    if (numberEnd < 0) {
      // A category row (`教育卫生类`): no row, the rows after it go on.
      if (isCategoryRow(view, k, previous, aboveEnd, kindOf)) {
        k++;
        continue;
      }
      // The header printed again after a page break (`— 5 —`, then `序号 重点任务…`): the rows after it go on, their
      // numbers still increasing (a row 1 after it opens a table of its own).
      const after = rows.length > 0 ? headerRepeatEnd(view, k, key) : -1;
      if (after < 0) break;
      k = after;
      continue;
    }
    const value = smallNumber(text, start, numberEnd);
    if (value <= previous) break;
    previous = value;
    const cells: Span[] = [];
    spacePieces(text, numberEnd, end, cells);
    if (cells.length === dataColumns.length) starts = lineStarts(text, view.start(k), start, end, header.length) ?? starts;
    let last = k;
    // The row runs on over lines that open with no number while it has fewer cells than columns: short cells or
    // cells with spaces between them (a paragraph after the table is neither, nor a category row before the next row:
    // the row lacks a cell, as a tab-separated one may).
    for (let j = k + 1; j < view.count && j - k < MAX_ROW_LINES && cells.length < dataColumns.length; j++) {
      if (view.isNoise(j) || headerRepeatEnd(view, j, key) >= 0) break;
      const from = view.firstKept(j);
      const to = keptEnd(text, from, view.end(j));
      if (rowNumberEnd(text, from, to) >= 0 || (to - from > MAX_RUN_ON && !hasSpace(text, from, to))) break;
      if (cells.length > 0 && isCategoryRow(view, j, value, cells[cells.length - 1]!, kindOf)) break;
      spacePieces(text, from, to, cells);
      last = j;
    }
    const numberSpan = { start, end: numberEnd };
    const placed = placeCells(
      cells.map((span) => ({ text: text.slice(span.start, span.end), span })),
      dataColumns,
      numberEnd,
      kindOf,
    );
    const rowCells = [text.slice(start, numberEnd), ...placed.cells];
    const rowSpans = [numberSpan, ...placed.spans];
    // The lines its wrapped cells go on over, each piece in its column's cell.
    let parts: Span[][] | undefined;
    const lastCell = last;
    for (let j = last + 1; starts !== null && j < view.count && j - lastCell <= MAX_WRAP_LINES; j++) {
      const wrapped = wrapLine(view, j, starts, rowCells);
      if (wrapped === null) break;
      parts ??= rowSpans.map((span) => (span.end > span.start ? [span] : []));
      for (const piece of wrapped) parts[piece.column]!.push(piece);
      last = j;
    }
    if (parts !== undefined) for (let c = 1; c < parts.length; c++) if (parts[c]!.length > 1) rowCells[c] = joinedCell(text, parts[c]!).text;
    rows.push(new PlacedRow(rowCells, rowSpans, { start: view.start(k), end: view.end(last) }, view.lines, parts));
    aboveEnd = lastPiece(rowSpans, parts) ?? aboveEnd;
    lastLine = last;
    k = last + 1;
  }
  const roles = withTaskColumn(header, columns, rows, kindOf);
  if (rows.length === 0 || roles === null) return { table: null, next: first + 1 };
  return { table: makeTable('space', view.lines, view.line(first), view.line(lastLine), header, roles, rows), next: lastLine + 1 };
}

/** The longest category row of a space-separated table (`教育卫生类`, `城乡建设类`): a short name. */
const MAX_CATEGORY = 20;

/**
 * Is line `k` a category row of a space-separated table (`教育卫生类`, `城乡建设类`: a cell merged across the row,
 * copied as its one name), the rows numbered up to `previous` and the text of the row above ending with the piece
 * `above` (null before the first row)? A short name, one piece: no space, no sentence's or field's punctuation, no
 * number (no digit, no chapter's or section's marker: `二、保障措施` is the plan's next part), neither units nor a date;
 * what goes on with the row above is no category either (a list cut after `、` or `，`, a date cut short: `2026年9月`
 * + `底前`); and the next line opens a row whose number goes on. Reads line `k` and the next line's number only.
 */
function isCategoryRow(view: Lines, k: number, previous: number, above: Span | null, kindOf: KindOf): boolean {
  if (k + 1 >= view.count || view.isNoise(k)) return false;
  const { text } = view;
  const from = view.firstKept(k);
  const to = keptEnd(text, from, view.end(k));
  if (to - from < 2 || to - from > MAX_CATEGORY || hasSpace(text, from, to) || isPipe(text.charCodeAt(from))) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c) || (c >= 0xff10 && c <= 0xff19) || NOT_IN_CATEGORY.includes(text[i]!)) return false;
  }
  const name = text.slice(from, to);
  if (CATEGORY_START.test(name) || NOT_CATEGORY.test(name)) return false;
  const kind = kindOf(name);
  if (kind !== 'short' && kind !== 'long' && kind !== 'person') return false;
  if (above !== null) {
    if (endsInList(text, above) || kindOf(text.slice(above.start, above.end) + name) === 'date') return false;
  }
  const next = view.firstKept(k + 1);
  const numberEnd = rowNumberEnd(text, next, view.end(k + 1));
  return numberEnd >= 0 && smallNumber(text, next, numberEnd) > previous;
}

/**
 * A deadline cell cut onto its own line (`按季度推进`, `逐年推进`, `动态推进`, `分年度实施`, `日常`): words of a time or a pace,
 * or a verb of doing at the end, which a category's name (`教育卫生类`) has not.
 */
const NOT_CATEGORY = /季度|年度|逐年|逐月|按月|按年|每[年季月周日]|日常|常年|常态|动态|长期|長期|持续|持續|(?:推进|推進|实施|實施|开展|開展|进行|進行|落实|落實|完成|办理|辦理|执行|執行)$/;

/** Characters a category's name does not hold: a sentence's, a clause's or a field's punctuation. */
const NOT_IN_CATEGORY = '。，；：,;:！？!?';

/** The last piece of text of a row whose cells stand at `spans` (their pieces `parts`, when they wrap); null for none. */
function lastPiece(spans: readonly Span[], parts: readonly Span[][] | undefined): Span | null {
  let last: Span | null = null;
  for (let c = 0; c < spans.length; c++) {
    const pieces = parts?.[c];
    const span = pieces === undefined ? spans[c]! : pieces[pieces.length - 1];
    if (span !== undefined && span.end > span.start && (last === null || span.end > last.end)) last = span;
  }
  return last;
}

/** How many lines a wrapped cell of a fixed-width row may go on over. */
const MAX_WRAP_LINES = 8;
/** How far a piece of a wrapped cell may stand left of its column's start (a copy's rounding of positions). */
const WRAP_SLACK = 2;

/**
 * The display columns where the `count` cells of line [lineStart, end) start, its text from `from` in chunks one a
 * cell (`layoutChunks`); null when its chunks are not one a cell (a cell holding a wide gap, a cell left empty).
 */
function lineStarts(text: string, lineStart: number, from: number, end: number, count: number): number[] | null {
  const chunks: Chunk[] = [];
  layoutChunks(text, lineStart, from, end, chunks);
  return chunks.length === count ? chunks.map((chunk) => chunk.from) : null;
}

/**
 * The pieces of line `k` when it goes on with the cells `cells` of the row above (a fixed-width copy that wrapped
 * them: `        隐患排查，实现全覆盖          市场监管局      底前`), each with its column; else null. Each piece stands
 * under a column of the row that is not its number (`starts`: where the columns start, in display columns), within
 * it (it ends before the next column starts), and that column's cell above holds text (a wrap goes on with a cell);
 * each holds a wide character (a page number `- 2 -` does not). A line with a row number, a blank line and a
 * paragraph (one run of text over several columns, or from the number's column) go on with nothing.
 */
function wrapLine(view: Lines, k: number, starts: readonly number[], cells: readonly string[]): (Span & { column: number })[] | null {
  if (view.isNoise(k)) return null;
  const { text } = view;
  const from = view.firstKept(k);
  const end = keptEnd(text, from, view.end(k));
  if (rowNumberEnd(text, from, end) >= 0) return null;
  const chunks: Chunk[] = [];
  layoutChunks(text, view.start(k), from, end, chunks);
  const out: (Span & { column: number })[] = [];
  for (const chunk of chunks) {
    let column = 0;
    while (column + 1 < starts.length && starts[column + 1]! <= chunk.from + WRAP_SLACK) column++;
    if (column === 0 || (column + 1 < starts.length && chunk.to > starts[column + 1]! + WRAP_SLACK)) return null;
    if ((cells[column] ?? '') === '' || !holdsWide(text, chunk.start, chunk.end)) return null;
    out.push({ start: chunk.start, end: chunk.end, column });
  }
  return out.length > 0 ? out : null;
}

/** Does [from, to) of `text` hold a wide character (`displayWidth`: Han, full-width punctuation)? */
function holdsWide(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (displayWidth(text.charCodeAt(i)) === 2) return true;
  return false;
}

/** Places of government a unit's name opens with (`区市场监管局`, `各街道`). */
const NAME_OPENS = /^[省市县縣区區乡鄉镇鎮村各]/;

/**
 * The text of a cell that wraps over the pieces `parts`, with the offset in `text` of each of its code units (and of
 * its end). The pieces are joined as written: a wrap cuts a title, a unit's name or a date anywhere (`区工信局、区` +
 * `市场监管局`, `2025年6月` + `底前`). Where a piece ends with a whole unit's name and the next is one too
 * (`区应急管理局` + `区消防救援大队`: a cell listing a unit a line), a line break parts them, as in a cell with line breaks.
 */
export function joinedCell(text: string, parts: readonly Span[]): { text: string; at: Int32Array } {
  let length = parts.length - 1;
  for (const part of parts) length += part.end - part.start;
  const at = new Int32Array(length + 1);
  let out = '';
  let k = 0;
  for (let p = 0; p < parts.length; p++) {
    const { start, end } = parts[p]!;
    if (p > 0 && listsUnits(text, parts[p - 1]!, parts[p]!)) {
      at[k++] = parts[p - 1]!.end;
      out += '\n';
    }
    for (let i = start; i < end; i++) at[k++] = i;
    out += text.slice(start, end);
  }
  at[k] = parts[parts.length - 1]!.end;
  return { text: out, at: at.subarray(0, k + 1) };
}

/** Does the piece `before` end with a whole unit's name, and `after` open with another (one unit a line)? */
function listsUnits(text: string, before: Span, after: Span): boolean {
  let from = before.end;
  while (from > before.start && !isListMark(text.charCodeAt(from - 1))) from--;
  if (before.end - from < 3 || !UNIT_END.test(text.slice(from, before.end))) return false;
  let to = after.start;
  while (to < after.end && !isListMark(text.charCodeAt(to))) to++;
  const name = text.slice(after.start, to);
  return name.length >= 3 && NAME_OPENS.test(name) && UNIT_END.test(name);
}

/** `、` `，` `,` `；`: what parts the names of a list. */
const isListMark = (c: number): boolean => c === 0x3001 || c === 0xff0c || c === 0x2c || c === 0xff1b;

/** A cell of a flattened row while it is read: its text, span, and the last line it has taken. */
interface FlatCell {
  text: string;
  span: Span;
  last: number;
}

/** How many short cells may stand between the header and the first row (a category cell merged over rows). */
const LEADING_CELLS = 2;
/** How far past a full row the next row number is looked for (merged cells give a row more lines than columns). */
const LOOKAHEAD = 4;

/**
 * The copy of a web table: header cells one per line (a closing ` |` allowed), then rows opened by their number in
 * sequence. A row's cells are the lines up to the next number; when they are as many as the columns they are
 * taken in order, else each goes to the column its content fits (`alignCells`).
 */
function readFlatTable(view: Lines, first: number): { table: Table | null; next: number } {
  const { text } = view;
  const header: string[] = [];
  const headerLines: Line[] = [];
  let k = first;
  // The header's last line: a name split over two lines (`牵头` / `领导`) has the line of its first part in `headerLines`.
  let headerEnd = first;
  while (k < view.count && headerLines.length < MAX_COLUMNS) {
    if (view.isNoise(k)) {
      k++;
      continue;
    }
    const from = view.firstKept(k);
    const to = keptEnd(text, from, view.end(k));
    let cell = text.slice(from, to);
    let end = k;
    if (k + 1 < view.count && !view.isNoise(k + 1)) {
      const next = view.firstKept(k + 1);
      const joined = joinedHeaderCell(cell, text.slice(next, keptEnd(text, next, view.end(k + 1))));
      if (joined !== null) {
        cell = joined;
        end = k + 1;
      }
    }
    if (!isHeaderCell(cell)) break;
    header.push(cell);
    headerLines.push(view.line(k));
    headerEnd = end;
    k = end + 1;
  }
  if (headerLines.length === 0) return { table: null, next: first + 1 };
  let columns = columnRoles(header);
  // A header with units but no task column known by its words may hold the task in a column of no role.
  if (!namesUnits(columns) || !(columns.includes('task') || columns.includes('other'))) return { table: null, next: first + 1 };
  // The header may lack its `序号` cell while rows still open with a number.
  const implicitNumber = !columns.includes('number');
  if (implicitNumber) {
    header.unshift('序号');
    columns = ['number', ...columns];
  }
  const numberCol = columns.indexOf('number');
  const hasDeadlineColumn = columns.includes('deadline');
  const key = headerKey(view, headerLines[0]!.index, headerEnd);
  // Whether the header was printed again since the last row (a page break): the next row's number may not be the one
  // expected, and is read as a gap rather than as the end of the table.
  let repeated = false;
  const width = header.length;
  const dataColumns = columns.map((role, c) => slotOf(headerWords(header[c]!), role)).filter((_, c) => c !== numberCol);
  const kindOf = cellKinds();
  const rows: TableRow[] = [];
  let expected = -1;
  let leading = 0;
  let lastLine = headerEnd;
  // Lines are read here by offsets: a string is cut only for what a row keeps (its cell texts).
  while (k < view.count) {
    while (view.isNoise(k) && k + 1 < view.count) k++;
    if (view.isNoise(k)) break;
    const numberLine = k;
    const numberStart = view.firstKept(k);
    const numberEnd = keptEnd(text, numberStart, view.end(k));
    // The number line is 1–4 digits, spaces and a closing pipe aside, the next in sequence — or 1 again after a
    // category cell (`二、优化服务`: numbering that starts again under each category).
    const value = smallNumber(text, numberStart, numberEnd);
    if (value < 0 && leading === 0 && rows.length > 0) {
      // The header printed again after a page break (`— 5 —`, then its cells one a line): the rows after it go on.
      const after = headerRepeatEnd(view, k, key);
      if (after >= 0) {
        repeated = true;
        k = after;
        continue;
      }
    }
    if (value < 0 && leading < LEADING_CELLS && numberEnd - numberStart <= 12 && (rows.length === 0 || restartAhead(view, k + 1, LEADING_CELLS - leading - 1))) {
      leading++;
      k++;
      continue;
    }
    const restart = value === 1 && leading > 0;
    if (value < 0 || (expected >= 0 && value !== expected && !restart && !(repeated && value > expected))) break;
    leading = 0;
    repeated = false;
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
      const from = view.firstKept(k);
      const to = keptEnd(text, from, view.end(k));
      if (open === null && smallNumber(text, from, to) === expected) break;
      // A page break and the header printed again end the row: its cells are above them.
      if (open === null && headerRepeatEnd(view, k, key) >= 0) break;
      if (open === null && cells.length >= dataColumns.length) {
        // A full row: it goes on only when the next row number follows soon (merged cells), or — the table's last row,
        // a list of units over more lines than its cell — when its date is still to come; and never far.
        if (cells.length >= dataColumns.length + LOOKAHEAD) break;
        if (!numberAhead(view, k, expected) && !(hasDeadlineColumn && !cells.some((cell) => kindOf(cell.text) === 'date') && dateAhead(view, k, kindOf))) break;
      }
      const span = { start: from, end: to };
      if (open !== null) {
        open.text += text.slice(from, to);
        open.span = { start: open.span.start, end: to };
        open.last = k;
      } else {
        open = { text: text.slice(from, to), span, last: k };
        cells.push(open);
      }
      if (!continuesCell(text, from, to)) open = null;
      k++;
    }
    if (cells.length === 0) break;
    const numberText = text.slice(numberStart, numberEnd);
    const numberSpan = { start: numberStart, end: numberEnd };
    const placed = placeCells(cells, dataColumns, numberSpan.end, kindOf);
    // Both lists are built at their exact size (`width`, every slot filled), so the row keeps them uncopied.
    const rowCells = new Array<string>(width);
    const rowSpans = new Array<Span>(width);
    let c = 0;
    for (let col = 0; col < width; col++) {
      if (col === numberCol) {
        rowCells[col] = numberText;
        rowSpans[col] = numberSpan;
      } else {
        rowCells[col] = placed.cells[c]!;
        rowSpans[col] = placed.spans[c++]!;
      }
    }
    lastLine = cells[cells.length - 1]!.last;
    rows.push(new PlacedRow(rowCells, rowSpans, { start: view.start(numberLine), end: view.end(lastLine) }, view.lines));
  }
  const roles = withTaskColumn(header, columns, rows, kindOf);
  if (rows.length === 0 || roles === null) return { table: null, next: first + 1 };
  return { table: makeTable('flat', view.lines, headerLines[0]!, view.line(lastLine), header, roles, rows), next: lastLine + 1 };
}

/** Is one of the next `LOOKAHEAD` lines that are not blank, from line `k`, a date, the lines before it short (unit names)? */
function dateAhead(view: Lines, k: number, kindOf: KindOf): boolean {
  return ahead(view, k, (from, to) => (kindOf(view.text.slice(from, to)) === 'date' ? true : to - from > 30 ? false : undefined));
}

/**
 * Reads the next `LOOKAHEAD` lines that are not blank from line `k`, each as its kept text [from, to), until `see` answers
 * (true or false); false when none does.
 */
function ahead(view: Lines, k: number, see: (from: number, to: number) => boolean | undefined): boolean {
  for (let seen = 0; k < view.count && seen < LOOKAHEAD; k++) {
    if (view.isNoise(k)) continue;
    seen++;
    const from = view.firstKept(k);
    const answer = see(from, keptEnd(view.text, from, view.end(k)));
    if (answer !== undefined) return answer;
  }
  return false;
}

/** Is the first line that is not blank from line `k`, after at most `skip` short cells, a row number 1? */
function restartAhead(view: Lines, k: number, skip: number): boolean {
  const { text } = view;
  for (let skipped = 0; k < view.count; k++) {
    if (view.isNoise(k)) continue;
    const from = view.firstKept(k);
    const to = keptEnd(text, from, view.end(k));
    if (smallNumber(text, from, to) === 1) return true;
    if (skipped++ >= skip || to - from > 12) return false;
  }
  return false;
}

/** Is one of the next `LOOKAHEAD` lines that are not blank, from line `k`, the row number `expected`? */
function numberAhead(view: Lines, k: number, expected: number): boolean {
  return ahead(view, k, (from, to) => (smallNumber(view.text, from, to) === expected ? true : undefined));
}

/**
 * A row's cell texts and spans, one per column of `columns`, from the cells read, each cell in the column its content
 * fits (as many cells as columns are often not one a column: a merged cell dropped, a list over two lines); an
 * empty column gets an empty span at `at`.
 */
/** The most header cells a table is read with. */
const MAX_COLUMNS = 16;

function placeCells(cells: { text: string; span: Span }[], columns: Slot[], at: number, kindOf: KindOf): { cells: string[]; spans: Span[] } {
  const out = { cells: new Array<string>(columns.length), spans: new Array<Span>(columns.length) };
  const bounds = alignCells(cells.map((cell) => cell.text), columns, kindOf);
  let empty = at;
  for (let c = 0; c < columns.length; c++) {
    const from = bounds[c]!;
    const to = bounds[c + 1]!;
    if (from === to) {
      out.cells[c] = '';
      out.spans[c] = { start: empty, end: empty };
      continue;
    }
    // Most columns take one cell: its text as it is, with no list to join.
    out.cells[c] = to - from === 1 ? cells[from]!.text : cells.slice(from, to).map((cell) => cell.text).join('\n');
    out.spans[c] = { start: cells[from]!.span.start, end: cells[to - 1]!.span.end };
    empty = cells[to - 1]!.span.end;
  }
  return out;
}

/**
 * A row of the line [start, end) from the cell spans in `spans` (taken out), one cell per column of `slots`; its lists
 * at their exact size. A row with as many cells as columns is read in order; one with more or fewer (a cell lost
 * or split by the copy) keeps its number first and puts its other cells where their content fits.
 */
function makeRow(lines: LineTable, text: string, start: number, end: number, spans: ListBuffer<Span>, slots: Slot[], kindOf: KindOf): TableRow {
  const width = slots.length;
  // A row that lost a cell before its number (a category cell merged over rows) is read by content, number and all.
  if (spans.length !== width && spans.length > 1 && slots[0] !== 'number' && slots.includes('number')) {
    const cells = spans.take();
    const placed = placeCells(cells.map((span) => ({ text: text.slice(span.start, span.end), span })), slots, start, kindOf);
    return new PlacedRow(placed.cells, placed.spans, { start, end }, lines);
  }
  if (spans.length !== width && spans.length > 1 && slots[0] === 'number') {
    const cells = spans.take();
    const placed = placeCells(
      cells.slice(1).map((span) => ({ text: text.slice(span.start, span.end), span })),
      slots.slice(1),
      cells[0]!.end,
      kindOf,
    );
    return new PlacedRow([text.slice(cells[0]!.start, cells[0]!.end), ...placed.cells], [cells[0]!, ...placed.spans], { start, end }, lines);
  }
  while (spans.length < width) spans.push({ start: end, end });
  const cellSpans = spans.take();
  return new PlacedRow(cellSpans.map((s) => text.slice(s.start, s.end)), cellSpans, { start, end }, lines);
}

function makeTable(form: Table['form'], lines: LineTable, first: Line, last: Line, header: string[], columns: ColumnRole[], rows: TableRow[]): Table {
  return new PlacedTable(form, header, columns, rows.slice(), { start: first.start, end: last.end }, lines);
}

// ---------------------------------------------------------------------------------------------
// Glued tables: a Word table whose text a document-sharing page extracted with no separator at all, the header's
// names one after another and each row's cells run together:
//   序号项目名称主要内容分管领导牵头单位配合单位1修缮老旧小区完成改造12个。王建国住建局各街道城投公司2…
// The page also breaks lines at a fixed length, mid-word, and opens each line with its own `2、`.

/** How the name of a column ends: the header is cut after the shortest run of Han that ends so. */
const LABEL_END = /(?:序号|编号|名称|内容|领导|单位|部门|时限|时间|期限|节点|备注|措施|举措|任务|事项|目标|指标|负责人|责任人|联系人|情况|要求|标准|进度)$/;
/** The longest column name of a glued header (`区政府分管领导`, `牵头责任单位`). */
const MAX_LABEL = 10;
/** The longest unit name read from a glued run (`高新园(邹区镇)` counts its brackets). */
const MAX_GLUED_UNIT = 16;
/** How far a row's text may run before the next row number is given up (a row with a long description). */
const MAX_GLUED_ROW = 4000;
/**
 * Words that open a task's text, not a unit's name: after the units of a merged row the description goes on
 * (`…住建局五星街道推进老街改造`).
 */
const OPENS_TEXT = /^(?:推进|推动|完成|实施|开展|提升|加强|加快|建设|新建|改建|扩建|落实|组织|强化|健全|完善|深化|促进|做好|抓好|打造|持续|全面|进一步|启动|改造|整治|支持|新增|增加|优化|提供|实现|确保|力争|争取|举办|培育|发展|保障|开工|竣工|为|对|在|将|按)/;
/** What makes a name that already ends like a unit's a longer one (`人社局`, `区政府`, `乡镇`). */
const LONGER_END = /^(?:局|委|办|厅|政府|镇|街道)/;
const OPEN_BRACKET = new Set([0x28, 0xff08]);
const CLOSE_BRACKET = new Set([0x29, 0xff09]);

/** A glued header at `at` (its `序号`), ending where the first row's number begins: its column names, or null. */
function gluedHeader(text: string, at: number, limit: number): { header: string[]; end: number } | null {
  const { labels: header, end: k } = gluedLabels(text, at, limit, (label) => LABEL_END.test(toSimplified(label)), MAX_LABEL, MAX_COLUMNS);
  const columns = columnRoles(header);
  if (header.length < 3 || columns[0] !== 'number' || !isTaskHeader(columns) || !isDigitCode(text.charCodeAt(k))) return null;
  return { header, end: k };
}

/** Does the text before `i` end a cell: a unit's name, a sentence, a bracket, or the glued header? */
function endsCell(text: string, i: number, headerEnd: number): boolean {
  if (i === headerEnd) return true;
  const c = text.charCodeAt(i - 1);
  if (c === 0x3002 /* 。 */ || CLOSE_BRACKET.has(c) || c === 0x201d /* ” */) return true;
  return isHanCode(c) && UNIT_END.test(toSimplified(text.slice(Math.max(0, i - 4), i)));
}

/**
 * The unit names glued one after another at `from` (`经开区高新园(邹区镇)各街道`): each the shortest run of three Han
 * characters or more that ends like a unit (`市司法局`, not `市司` + `法局`; its brackets kept whole), none opening like
 * a task's text. Stops at anything else.
 */
export function gluedUnits(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let s = from;
  while (s < to) {
    let e = -1;
    for (let k = s + 1; k < to && k - s < MAX_GLUED_UNIT; k++) {
      const c = text.charCodeAt(k);
      if (!isHanCode(c)) break;
      if (k + 1 - s >= 3 && UNIT_END.test(toSimplified(text.slice(Math.max(s, k - 3), k + 1)))) {
        e = k + 1;
        break;
      }
    }
    // An ending followed by a bureau's is part of the name: `人社` + `局`, `区` + `政府`.
    if (e > 0 && e < to) e += LONGER_END.exec(toSimplified(text.slice(e, e + 2)))?.[0].length ?? 0;
    if (e < 0 || OPENS_TEXT.test(text.slice(s, e))) break;
    // A bracket after the name belongs to it: `高新园(邹区镇)`.
    if (OPEN_BRACKET.has(text.charCodeAt(e))) {
      const close = closeOf(text, e, Math.min(to, e + MAX_GLUED_UNIT));
      if (close > 0) e = close + 1;
    }
    out.push({ start: s, end: e });
    s = e;
  }
  return out;
}

/** The closing bracket of the one at `open`, before `limit`, or -1. */
function closeOf(text: string, open: number, limit: number): number {
  for (let k = open + 1; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (CLOSE_BRACKET.has(c)) return k;
    if (OPEN_BRACKET.has(c)) return -1;
  }
  return -1;
}

/**
 * The length of a person's name glued before a unit's (`王建国住建局`, `李娜民政局`): none when the run is too short
 * to hold both (a unit of two characters and more after a name of two or three), three when the unit keeps three
 * characters (most names have three), else two.
 */
function personLength(run: Span): number {
  const len = run.end - run.start;
  return len < 5 ? 0 : len - 3 >= 3 ? 3 : 2;
}

/**
 * The rows of a glued table. A row runs from its number to the next row's; its units follow a sentence's end
 * (`。`): after the leader's name when the header has a 分管领导 before the units, the lead unit, then the others. A
 * row whose cells were merged over several lines in Word gives several such runs: each after the first is a row
 * of its own with no number, read as the same task.
 */
function readGluedTable(view: Lines, first: number, at: number): { table: Table | null; next: number } {
  const { text } = view;
  const found = gluedHeader(text, at, view.end(first));
  if (!found) return { table: null, next: first + 1 };
  const { header, end: headerEnd } = found;
  const columns = columnRoles(header);
  // The page breaks lines mid-word: the table runs on while a line ends without a sentence's end.
  let last = first;
  while (last + 1 < view.count && !view.isNoise(last + 1) && !endsSentence(text, view.end(last))) last++;
  const tableEnd = view.end(last);
  const headerText = text.slice(at, headerEnd);
  const taskCol = columns.indexOf('task');
  const withUnits = columns.some((role, c) => c > taskCol && (role === 'lead' || role === 'responsible'));
  const rows: TableRow[] = [];
  let n = smallNumber(text, headerEnd, digitEnd(text, headerEnd));
  let start = headerEnd;
  // The next place the header is repeated (a page break in Word), found again only once a row has passed it.
  let repeated = -1;
  while (start >= 0 && start < tableEnd && n >= 0) {
    const numberEnd = digitEnd(text, start);
    if (repeated < numberEnd) {
      const at = indexIn(text, headerText, numberEnd, tableEnd);
      repeated = at >= 0 ? at : Infinity;
    }
    let rowEnd = Math.min(repeated, tableEnd);
    const cellEnd = repeated + headerText.length;
    const next = gluedRowStart(text, n + 1, numberEnd, Math.min(tableEnd, numberEnd + MAX_GLUED_ROW), (i) => endsCell(text, i, cellEnd));
    if (next >= 0 && next < rowEnd) rowEnd = next;
    rows.push(...gluedRow(view, columns, start, numberEnd, rowEnd, withUnits));
    start = next;
    n++;
  }
  if (rows.length === 0) return { table: null, next: first + 1 };
  return { table: makeTable('glued', view.lines, view.line(first), view.line(last), header, columns, rows), next: last + 1 };
}

/** One glued row [start, end) (its number ends at `numberEnd`): a row per run of units, the first numbered. */
function gluedRow(view: Lines, columns: ColumnRole[], start: number, numberEnd: number, end: number, withUnits: boolean): TableRow[] {
  const { text } = view;
  const taskCol = columns.indexOf('task');
  const leaderCol = columns.indexOf('leader');
  const leadCol = columns.indexOf('lead');
  const respCol = columns.indexOf('responsible');
  // The runs of units, each after a sentence's end: [leader + lead][the other units].
  const runs: Span[][] = [];
  const withLeader = leaderCol > taskCol && leaderCol < leadCol;
  for (let i = withUnits ? indexIn(text, '。', numberEnd, end) : -1; i >= 0; i = indexIn(text, '。', i + 1, end)) {
    const units = gluedUnits(text, i + 1, end);
    // A name glued to a place's level reads as a unit of its own (`王建国市` + `司法局`): the two are one.
    if (withLeader && units.length > 1 && personLength(units[0]!) === 0) units.splice(0, 2, { start: units[0]!.start, end: units[1]!.end });
    // The words after a sentence may end like units (`全区城镇新增…`): a run opens with the leader's name and the
    // lead unit when the header has both, and its first unit has three characters or more.
    const first = units[0];
    if (!first) continue;
    const lead = first.end - first.start - (withLeader ? personLength(first) : 0);
    if ((withLeader && personLength(first) === 0) || lead < 3) continue;
    runs.push(units);
  }
  const rows: TableRow[] = [];
  let from = numberEnd;
  for (let r = 0; r === 0 || r < runs.length; r++) {
    const run = runs[r];
    const textEnd = run ? run[0]!.start : end;
    const rowEnd = r === runs.length - 1 || !run ? end : run[run.length - 1]!.end;
    const spans = columns.map(() => ({ start: textEnd, end: textEnd }));
    spans[0] = r === 0 ? { start, end: numberEnd } : { start: from, end: from };
    if (taskCol >= 0) spans[taskCol] = trimSpan(text, from, textEnd);
    if (run) {
      let units = run;
      if (withLeader) {
        const split = units[0]!.start + personLength(units[0]!);
        spans[leaderCol] = { start: units[0]!.start, end: split };
        units = [{ start: split, end: units[0]!.end }, ...units.slice(1)];
      }
      if (leadCol > taskCol) {
        spans[leadCol] = units[0]!;
        units = units.slice(1);
      }
      if (respCol > taskCol && units.length > 0) spans[respCol] = { start: units[0]!.start, end: units[units.length - 1]!.end };
      from = run[run.length - 1]!.end;
    }
    const rowStart = r === 0 ? start : spans[0]!.start;
    rows.push(new PlacedRow(spans.map((s) => text.slice(s.start, s.end)), spans, { start: rowStart, end: rowEnd }, view.lines));
  }
  return rows;
}
