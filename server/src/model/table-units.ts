// The units a task table's 牵头 and 责任 cells name. A cell usually lists names; some say more, as a body's attribution
// would: who leads and who co-operates (`县工信局牵头，县财政局配合`), labelled fields (`牵头单位：X；配合单位：Y`), how the
// units share the work (`X、Y按职责分工负责`), a deadline (`X、Y，6月底前完成`), or the persons in charge beside their
// units (a column `责任单位及责任人`).
import { UNIT_END as NAME_END } from '../../../grammar/index.js';
import { placeDeadlines, unitsIn, type AttributionContext } from './attribution.js';
import type { ListBuffer } from './buffer.js';
import { cellKind } from './table-cells.js';
import { gluedUnits } from './tables.js';
import { isPlaceholder, isTrimCode } from './text.js';
import type { Deadline, Span, UnitMention, UnitRole } from './types.js';

/** Where a row's unit cells are read into, and how. */
interface Into {
  ctx: AttributionContext;
  options: UnitCellOptions;
  lead: UnitMention[];
  responsible: UnitMention[];
  deadlines: ListBuffer<Deadline>;
}

/** How the cells of one table are cut into names. */
export interface UnitCellOptions {
  /** Cut at spaces too (a space-separated table; a column of units with their persons: `市发展改革委 张明`). */
  splitAtSpaces: boolean;
  /** Cut at the end of each unit's name (a glued table: `经开区各街道`). */
  glued: boolean;
  /** Leave out what reads as a person's name (a column of units with their persons). */
  dropPersons: boolean;
}

/** Words that make a unit cell more than a list of names. */
const ROLE_WORDS = /牵头|牽頭|配合|参与|參與|协同|協同|协助|協助|协办|協辦|负责|負責|落实|落實|[:：]|\d月|年底|年内|年內|季度|半年/;
/** A character one of `ROLE_WORDS` holds: most cells hold none, and are not searched for the words. */
const ROLE_CHARS = /[牵牽配参參协協负負落:：月底内內季半]/;
/** A field name opening a part of a cell: `牵头单位：` (`主办单位：` `主责单位：`) gives the lead, the others (`配合单位：` `责任单位：`) take part. */
const LABEL = /^(?:(牵头|牽頭|主办|主辦|主责|主責|承办|承辦)(?:责任|責任)?|(?:主体责任|主體責任|责任|責任|负责|負責|配合|协同|協同|协办|協辦|协助|協助|参与|參與|协作|協作)(?:责任|責任)?)(?:单位|單位|部门|部門)?\s*[:：]\s*/;
/** A verb after the units that gives them the lead: `县工信局牵头`. */
const LEAD_TAIL = /(?:牵头|牽頭)(?:负责|負責|落实|落實)?$/;
/** A verb after the units that has them co-operate: `县财政局配合`. */
const HELP_TAIL = /(?:配合|参与|參與|协同|協同|协助|協助|协办|協辦)(?:落实|落實)?$/;
/** A verb after the units that shares the work among them: they lead when nothing before them in the row does. */
const DIVISION_TAIL = /(?:按照?职责分工|按照?職責分工|分别|分別|共同)(?:负责|負責|落实|落實)?$/;
/** A verb after the units that leaves their column's role: `县民政局负责落实`. */
const CHARGE_TAIL = /(?:按职责|按職責)?(?:负责|負責)(?:落实|落實)?$|(?:抓好)?(?:落实|落實)$/;

const SEMICOLON = 0xff1b;
const COMMA_FULL = 0xff0c;
const FULL_STOP = 0x3002;

/**
 * Adds the units of the cells `cells` (spans of the document), read in the column role `role`, to `lead` or `responsible`
 * as the cell says, and the deadlines written among them to `deadlines`.
 */
export function readUnitCells(
  cells: readonly (Span | null)[],
  role: UnitRole,
  ctx: AttributionContext,
  options: UnitCellOptions,
  lead: UnitMention[],
  responsible: UnitMention[],
  deadlines: ListBuffer<Deadline>,
): void {
  const { text } = ctx;
  const into: Into = { ctx, options, lead, responsible, deadlines };
  // Index loops here and in `names`: they run for every unit cell of every row (see `tableTasks`).
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k] as Span | null;
    if (cell === null || cell.end <= cell.start) continue;
    const words = text.slice(cell.start, cell.end);
    // `—`, `/`: a cell that says it is empty names no unit.
    if (isPlaceholder(words.trim())) continue;
    if (!ROLE_CHARS.test(words) || !ROLE_WORDS.test(words)) {
      names(cell.start, cell.end, role, into);
      continue;
    }
    // Parts cut at `；` `，` `。` outside brackets, and before a line that opens with a field name (a Word cell of two
    // lines, `牵头：县城管局` / `配合：县住建局`), each read on its own.
    let depth = 0;
    let from = cell.start;
    for (let i = cell.start; i <= cell.end; i++) {
      const code = i < cell.end ? text.charCodeAt(i) : -1;
      if (code === 0x28 || code === 0xff08) depth++;
      else if ((code === 0x29 || code === 0xff09) && depth > 0) depth--;
      else if (code === -1 || (depth === 0 && (code === SEMICOLON || code === 0x3b || code === COMMA_FULL || code === 0x2c || code === FULL_STOP || opensField(text, i, cell.end)))) {
        part(from, i, role, into);
        from = i + 1;
      }
    }
  }
}

/** Is the code unit at `i` a line break before a line that opens with a field name (`配合单位：`), before `end`? */
function opensField(text: string, i: number, end: number): boolean {
  const code = text.charCodeAt(i);
  if (code !== 10 && code !== 13) return false;
  let k = i + 1;
  while (k < end && isTrimCode(text.charCodeAt(k))) k++;
  return LABEL.test(text.slice(k, Math.min(end, k + 12)));
}

/** One part of a cell [from, to): a deadline, or units in the role its field name or verb gives (else the column's). */
function part(from: number, to: number, role: UnitRole, into: Into): void {
  const { ctx, lead } = into;
  const { text } = ctx;
  while (from < to && isTrimCode(text.charCodeAt(from))) from++;
  while (to > from && isTrimCode(text.charCodeAt(to - 1))) to--;
  if (to <= from) return;
  let words = text.slice(from, to);
  let partRole = role;
  const label = LABEL.exec(words);
  if (label !== null) {
    partRole = label[1] !== undefined ? 'lead' : 'responsible';
    from += label[0].length;
    words = words.slice(label[0].length);
  }
  // `县住建局、县财政局（县住建局牵头）`: a bracket closing the part that says who leads is a part of its own.
  const last = words.charCodeAt(words.length - 1);
  if (last === 0xff09 || last === 0x29) {
    const open = Math.max(words.lastIndexOf('（'), words.lastIndexOf('('));
    const inner = open > 0 ? LEAD_TAIL.exec(words.slice(open + 1, -1)) : null;
    if (inner !== null && inner.index > 0) {
      part(from, from + open, partRole, into);
      part(from + open + 1, to - 1, partRole, into);
      return;
    }
  }
  const tail = LEAD_TAIL.exec(words) ?? HELP_TAIL.exec(words) ?? DIVISION_TAIL.exec(words) ?? CHARGE_TAIL.exec(words);
  if (tail !== null && tail.index > 0) {
    if (LEAD_TAIL.test(tail[0])) {
      // `县住建局、县民政局，县民政局牵头`: the cell names its lead again; it leads and is no longer listed apart.
      const before = lead.length;
      names(from, from + tail.index, 'lead', into);
      for (let k = before; k < lead.length; k++) dropKey(into.responsible, lead[k]!.key);
      return;
    }
    if (HELP_TAIL.test(tail[0])) partRole = 'responsible';
    // `X、Y按职责分工负责` leads as in a body's attribution, unless the row named its lead before.
    else if (DIVISION_TAIL.test(tail[0])) partRole = lead.length === 0 ? 'lead' : 'responsible';
    to = from + tail.index;
    words = words.slice(0, tail.index);
  }
  if (cellKind(words) === 'date') {
    placeDeadlines(into.deadlines, from, to, ctx, 'field');
    return;
  }
  names(from, to, partRole, into);
}

/** Removes from `units` the units whose key is `key`. */
function dropKey(units: UnitMention[], key: string): void {
  let kept = 0;
  for (const u of units) if (u.key !== key) units[kept++] = u;
  units.length = kept;
}

/**
 * The names of [from, to) in `role`. Cut at line breaks and table pipes (a list written one unit a line, a pipe left by
 * the copy), at spaces when `splitAtSpaces`, and at the end of each unit's name when `glued`, so that no unit name holds
 * them. A unit marked as the lead (`县工信局（牵头）`) leads whatever its column.
 */
function names(from: number, to: number, role: UnitRole, into: Into): void {
  const { ctx, options } = into;
  const { text } = ctx;
  let start = from;
  for (let i = from; i <= to; i++) {
    const code = i < to ? text.charCodeAt(i) : -1;
    // `县住建局（张伟）` in a column of units with their persons: the bracket names the unit's person, no part of its name.
    const personEnd = options.dropPersons && (code === 0x28 || code === 0xff08) ? personBracketEnd(text, i, to) : -1;
    const cut = personEnd >= 0 || code === -1 || code === 10 || code === 13 || code === 0x7c || code === 0xff5c || (options.splitAtSpaces && isTrimCode(code));
    if (!cut) continue;
    if (i > start) {
      const pieces = options.glued ? gluedUnits(text, start, i) : [{ start, end: i }];
      for (let p = 0; p < pieces.length; p++) {
        const units = unitsIn(pieces[p]!, role, ctx);
        for (let u = 0; u < units.length; u++) {
          const unit = units[u]!;
          if (options.dropPersons && cellKind(unit.name) === 'person') continue;
          (unit.role === 'lead' ? into.lead : into.responsible).push(unit);
        }
      }
    }
    start = i + 1;
    if (personEnd >= 0) start = (i = personEnd) + 1;
  }
}

/** The longest person's name a bracket after a unit holds (`（欧阳晓东）`). */
const MAX_BRACKET_PERSON = 4;

/**
 * The closing bracket of the bracket opened at `open` when it holds a person's name alone (`（张伟）`), else -1; never
 * a role (`（牵头）`, `（配合）`) or a unit (`（邹区镇）`).
 */
function personBracketEnd(text: string, open: number, to: number): number {
  for (let k = open + 3; k < to && k <= open + MAX_BRACKET_PERSON + 1; k++) {
    const c = text.charCodeAt(k);
    if (c !== 0x29 && c !== 0xff09) continue;
    const inside = text.slice(open + 1, k);
    return !ROLE_WORDS.test(inside) && cellKind(inside) === 'person' ? k : -1;
  }
  return -1;
}

/** A remark column's header (`备注`, `说明`): its cell may say which unit leads the row's work (`县住建局牵头`). */
export const REMARK_HEADER = /备注|備註|说明|說明|附注|附註/;

/** `牵头` in a remark, and a field name's ending after it with its colon or `为` (`牵头单位：X`, `牵头部门为X`). */
const REMARK_LEAD = /(?:牵头|牽頭)((?:单位|單位|部门|部門)?\s*(?:[:：]|为|為|是)\s*)?/g;
/** What ends a name in a remark: punctuation, a bracket, a space. */
const REMARK_STOP = /[，,；;。：:（()）\s]/;

/**
 * Marks the lead a row's remark cells name (`| 县住建局、县财政局 | … | 县住建局牵头 |`, `由县住建局牵头`,
 * `牵头单位：县住建局`) when no unit cell did: a unit of the row's list is marked in `listed` (the row's reading promotes
 * it, as `县住建局（牵头）` in the cell would be), another name that ends like a unit's is added to `lead`. A person
 * (`王局长牵头`, `张明牵头`) names no unit. Only a cell holding `牵头` is read.
 */
export function readRemarkLead(cells: readonly (Span | null)[], ctx: AttributionContext, lead: UnitMention[], listed: UnitMention[]): void {
  const { text } = ctx;
  for (const cell of cells) {
    if (cell === null || cell.end <= cell.start) continue;
    const words = text.slice(cell.start, cell.end);
    if (!words.includes('牵头') && !words.includes('牽頭')) continue;
    REMARK_LEAD.lastIndex = 0;
    for (let m = REMARK_LEAD.exec(words); m !== null; m = REMARK_LEAD.exec(words)) {
      let from = m.index;
      let to = m.index;
      if (m[1] !== undefined) {
        // `牵头单位：X`: the name after it.
        from = to = m.index + m[0].length;
        while (to < words.length && !REMARK_STOP.test(words[to]!)) to++;
      } else {
        // `X牵头`, `由X牵头`: the name before it.
        while (from > 0 && !REMARK_STOP.test(words[from - 1]!)) from--;
      }
      if (to > from) markLead(unitsIn({ start: cell.start + from, end: cell.start + to }, 'lead', ctx), lead, listed);
    }
  }
}

/** Gives the lead to `named`: a unit `listed` holds is marked there, another that is named like a unit joins `lead`. */
function markLead(named: UnitMention[], lead: UnitMention[], listed: UnitMention[]): void {
  for (const unit of named) {
    const inList = listed.find((u) => u.key === unit.key);
    if (inList !== undefined) inList.role = 'lead';
    else if (NAME_END.test(unit.name) && !lead.some((u) => u.key === unit.key)) lead.push(unit);
  }
}
