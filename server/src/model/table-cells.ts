// Cells by content: what a cell of a task table holds (a unit list, a person's name, a date, text) and which column a
// cell of a row with merged, lost or split cells belongs to (a dynamic programme over the row's cells × columns).
import { parseDeadline, type DeadlineContext } from './deadline.js';
import { remembered } from './remember.js';
import { toSimplified } from './text.js';
import type { ColumnRole } from './types.js';


/**
 * What a column expects, for the alignment: its role, or `units` for a column of no task role that names units
 * (`评分部门`, the bureau that scores: units fit it, but they are not the task's).
 */
export type Slot = ColumnRole | 'units';

/** The slot of a column from its header cell and role. */
export function slotOf(header: string, role: ColumnRole): Slot {
  return role === 'other' && header.length > 2 && /部门|单位|單位|部門/.test(header) ? 'units' : role;
}

/** What a cell holds, as far as its column is concerned. */
type CellKind = 'units' | 'person' | 'date' | 'number' | 'long' | 'short' | 'blank';

/** Endings of unit names (`…局` `…委` `…办` `…政府` `…街道` `…公司`); a person's name has none of them. */
export const UNIT_END = /(?:局|委|办|厅|部|院|署|所|站|队|会|联|协|关|中心|公司|集团|街道|镇|乡|区|县|市|处|科|股|室|组|社|校|中学|馆|台|府|单位|部门|机关|机构|园|村|行|团|盟|旗|州|省|司|网)$/;
/** A cell that holds only a list of unit names, separated by `、` `，` `;` or spaces; a trailing `等` is allowed. */
function isUnitList(cell: string): boolean {
  const pieces = toSimplified(cell).split(/[、，,；;\s]+/);
  let count = 0;
  for (const raw of pieces) {
    if (raw.length === 0) continue;
    const piece = raw.replace(/等(?:有关|相关)?(?:部门|单位)?$/, '');
    if (piece.length < 2 || piece.length > 30 || /[。:：！？]/.test(piece) || !UNIT_END.test(piece.replace(/[(（][^()（）]*[)）]$/, ''))) return false;
    // Work that builds something named like a unit (`建设养老服务中心`) is a task, not a unit (`建设局` is short).
    if (piece.length >= 6 && WORK_OPENING.test(piece)) return false;
    count++;
  }
  return count > 0;
}

const HAN = /[\u3400-\u9fff]/;
/** Verbs a task's text opens with. */
const WORK_OPENING = /^(?:新建|建设|建成|改建|扩建|推进|推动|开展|实施|完成|加强|加快|提升|打造|改造|组织|落实|培育|完善|健全|设立|成立|组建|筹建)/;
/** A row's number: `3`, `12.`, `4、`. */
const ROW_NUMBER = /^[0-9０-９]{1,4}[.、．]?$/;
/** A person's name: 1–4 Han characters, not opening like a unit (`市妇联`, `各乡镇`). */
const PERSON = /^(?![市县区省州镇乡各全])[\u3400-\u9fff·]{1,4}$/;
/** Words that make a short cell a status or a target rather than a name (`已完成`, `全年`, `良好以上`). */
const NOT_NAME = /完成|进度|推进|全年|年|月|以上|以下|良好|合格|达标|正常|暂无|无$/;

/** What `cell` holds: a unit list, a person's name (1–4 Han characters), a deadline, text, or no Han at all. */
export function cellKind(cell: string): CellKind {
  const c = cell.replace(/\s+/g, ' ').trim();
  if (ROW_NUMBER.test(c)) return 'number';
  if (c.length === 0 || !HAN.test(c)) return parseDeadline(c, NO_PERIOD) !== null ? 'date' : 'blank';
  if (parseDeadline(c, NO_PERIOD) !== null) return 'date';
  if (isUnitList(c)) return 'units';
  if (PERSON.test(c) && !NOT_NAME.test(c)) return 'person';
  return c.length > 12 ? 'long' : 'short';
}

const NO_PERIOD: DeadlineContext = { period: null };

/** What a cell holds, by its text. */
export type KindOf = (cell: string) => CellKind;

/** `cellKind` remembered per text, for the cells of one table: its unit lists and dates recur row after row. */
export function cellKinds(): KindOf {
  return remembered(cellKind, new Map<string, CellKind>());
}

/** How well a cell of `kind` fits a column of `role` (higher is better). */
function fit(role: Slot, kind: CellKind): number {
  if (role === 'number') return kind === 'number' ? 3 : kind === 'blank' ? -1 : -3;
  // Elsewhere a number fits as little as a cell with no Han in it.
  if (kind === 'number') kind = 'blank';
  switch (role) {
    case 'task':
      return kind === 'long' ? 3 : kind === 'short' ? 1.5 : kind === 'blank' ? -1 : 0;
    case 'lead':
    case 'responsible':
      return kind === 'units' ? 3 : kind === 'person' || kind === 'date' ? -3 : kind === 'long' ? -2 : -1;
    case 'leader':
      return kind === 'person' ? 3 : kind === 'units' || kind === 'date' ? -3 : -2;
    case 'deadline':
      return kind === 'date' ? 3 : kind === 'units' ? -3 : kind === 'person' ? -2 : -1;
    case 'units':
      return kind === 'units' ? 2 : kind === 'person' ? -1 : -2;
    default:
      // Measures, targets, status, remarks: numbers and short words fit them a little, unit lists not.
      return kind === 'blank' ? 0.5 : kind === 'units' ? -0.5 : 0;
  }
}

/**
 * Does `cell` fit a column of `role` (`fit` ≥ 0)? Any text with Han in it fits a task column, so a task's text is
 * not searched for a deadline here; other cells are classified.
 */
function fitsColumn(cell: string, role: Slot, kindOf: KindOf): boolean {
  return (role === 'task' && HAN.test(cell)) || fit(role, kindOf(cell)) >= 0;
}

/** Does each of `cells` fit the column of `columns` at its place (as many of both)? A loop: it is asked of every row. */
function fitsInOrder(cells: string[], columns: Slot[], kindOf: KindOf): boolean {
  for (let i = 0; i < cells.length; i++) if (!fitsColumn(cells[i]!, columns[i]!, kindOf)) return false;
  return true;
}

/** What a second (third…) cell in one column costs: a unit list or a leader's name split over lines is common. */
function more(role: Slot): number {
  return role === 'responsible' || role === 'task' ? -1 : role === 'leader' ? -0.5 : role === 'lead' ? -1.5 : -2;
}

/** What a column left empty costs. */
const EMPTY_COLUMN = -1.5;
/** Rows longer than this are taken in order: the alignment is quadratic in nothing, but bounded all the same. */
const MAX_ALIGNED = 64;

/**
 * The score and parent tables of `alignCells`, kept from row to row (a typed array costs far more to make than to
 * fill): numbers only, each row filling what it reads first, so nothing of a document stays in them.
 */
let bestRoom = new Float64Array(0);
let parentRoom = new Int32Array(0);

/** Score and parent tables of at least `size` states, grown as needed (each row fills what it uses first). */
function scratch(size: number): { best: Float64Array; parent: Int32Array } {
  if (bestRoom.length < size) {
    // Room to spare, so that a table's rows rarely grow them again; a row is bounded (`MAX_ALIGNED`).
    bestRoom = new Float64Array(size * 2);
    parentRoom = new Int32Array(size * 2);
  }
  return { best: bestRoom, parent: parentRoom };
}

/**
 * Splits a row's cells (in order) among its columns (in order) by content, each column taking a run of zero or
 * more cells: the best-scoring split (dynamic programming over cells × columns, linear in the row). Returns the
 * bounds: column c takes cells [bounds[c], bounds[c + 1]).
 */
export function alignCells(cells: string[], columns: Slot[], kindOf: KindOf = cellKind): number[] {
  const n = cells.length;
  const m = columns.length;
  const bounds = new Array<number>(m + 1).fill(n);
  if (m === 0) return bounds;
  if (n > MAX_ALIGNED) {
    for (let c = 0; c < m; c++) bounds[c] = Math.min(c, n);
    bounds[m] = n;
    return bounds;
  }
  // As many cells as columns, each fitting its own: one each, in order (the search is for rows whose cells were
  // merged, lost or split over lines).
  if (n === m && fitsInOrder(cells, columns, kindOf)) {
    for (let c = 0; c <= m; c++) bounds[c] = c;
    return bounds;
  }
  const kinds = cells.map(kindOf);
  // State (i, c, u): i cells taken, column c open, u = 1 when it holds a cell. Moves: put cell i in column c, or
  // close column c. `parent` is the state each best score came from.
  const size = (n + 1) * (m + 1) * 2;
  const { best, parent } = scratch(size);
  best.fill(-Infinity, 0, size);
  parent.fill(-1, 0, size);
  const at = (i: number, c: number, u: number): number => (i * (m + 1) + c) * 2 + u;
  best[at(0, 0, 0)] = 0;
  for (let i = 0; i <= n; i++) {
    for (let c = 0; c < m; c++) {
      for (let u = 0; u < 2; u++) {
        const from = at(i, c, u);
        const here = best[from]!;
        if (here === -Infinity) continue;
        // A tie keeps the split found first (strict `>`): states are visited by cells taken, so of two splits that
        // score alike the one that gives a cell to the earlier column wins (a lone unit goes to 牵头 before 责任).
        if (i < n) {
          const to = at(i + 1, c, 1);
          const score = here + fit(columns[c]!, kinds[i]!) + (u === 1 ? more(columns[c]!) : 0);
          if (score > best[to]!) {
            best[to] = score;
            parent[to] = from;
          }
        }
        const to = at(i, c + 1, 0);
        const score = here + (u === 1 ? 0 : EMPTY_COLUMN);
        if (score > best[to]!) {
          best[to] = score;
          parent[to] = from;
        }
      }
    }
  }
  // Walk back from (n, m, 0): each step that took a cell says which column took it.
  const columnOf = new Array<number>(n).fill(m - 1);
  for (let state = at(n, m, 0); parent[state]! >= 0; state = parent[state]!) {
    const prev = parent[state]!;
    const i = Math.floor(prev / ((m + 1) * 2));
    const c = Math.floor(prev / 2) % (m + 1);
    if (Math.floor(state / ((m + 1) * 2)) > i) columnOf[i] = c;
  }
  for (let c = m - 1, i = n; c >= 0; c--) {
    while (i > 0 && columnOf[i - 1]! >= c) i--;
    bounds[c] = i;
  }
  bounds[m] = n;
  return bounds;
}
