// `下同` ("the same below") written in an item's attribution (`（牵头单位：县文旅局，下同；责任单位：各景区）`,
// `（县应急局牵头，2025年底前完成，下同）`): the units and the deadline of that clause hold for the items after it that do
// not name their own, as a heading's hold for its items. And `同上` ("the same as above"), a field's or a table cell's
// whole value: it holds the value of the item or row above.
import { oneLine } from './text.js';
import type { Attribution, Deadline, RoleFlags, UnitMention } from './types.js';

/** `下同` closing a clause: after a comma, before the clause's end (`；` `。`), a comma, a closer or the end. */
const SAME_BELOW = /[，,、][ \t\u3000]*(?:以下同|下同|下文同)[ \t\u3000]*(?=[；;。，,)）\]】〕]|$)/g;
/**
 * A clause whose `下同` carries something other than its units: the plan's lead convention (`列第一位者为牵头单位，下同`,
 * `责任单位即为牵头单位，下同`: read apart), or a short name it defines (`县文化和旅游局牵头，以下简称县文旅局，下同`).
 */
const CARRIES_OTHER = /第一|首位|首[个個家]|最前|即[为為]|就是|[简簡]称|[简簡]稱|下称|下稱|以下称|以下稱|统称|統稱/;
/** Where a clause of an attribution ends: the units after it are another field's. */
const CLAUSE_END = /[；;。]/g;

/** What a `下同` carries: the units and the deadlines written in the clause it closes, null where it carries none. */
export interface CarriedBelow {
  units: Set<UnitMention> | null;
  deadlines: Deadline[] | null;
}

/**
 * What the `下同` of `own` (an item's attributions) carries to the items after it, null when no clause ends so. Only
 * the clause it closes: `（牵头单位：A，下同；责任单位：B）` carries A, not B; `（牵头单位：A；完成时限：2025年底前，下同）`
 * the deadline, not A.
 */
export function carriedBelow(own: readonly Attribution[], text: string): CarriedBelow | null {
  let units: Set<UnitMention> | null = null;
  let deadlines: Deadline[] | null = null;
  for (const a of own) {
    if (a.lead.length === 0 && a.responsible.length === 0 && a.deadlines.length === 0) continue;
    const written = text.slice(a.span.start, a.span.end);
    // The common case, no `下同` at all, costs one search of the attribution's text.
    if (!written.includes('下同')) continue;
    SAME_BELOW.lastIndex = 0;
    for (let m = SAME_BELOW.exec(written); m !== null; m = SAME_BELOW.exec(written)) {
      const from = clauseStart(written, m.index);
      if (CARRIES_OTHER.test(oneLine(written.slice(from, m.index)))) continue;
      const start = a.span.start + from;
      const end = a.span.start + m.index;
      for (const u of [...a.lead, ...a.responsible]) {
        if (u.span.start >= start && u.span.end <= end) (units ??= new Set()).add(u);
      }
      for (const d of a.deadlines) {
        if (d.span.start >= start && d.span.end <= end) (deadlines ??= []).push(d);
      }
    }
  }
  return units === null && deadlines === null ? null : { units, deadlines };
}

/** Where the clause that ends at `at` of `written` starts: after the last `；` or `。` before it. */
function clauseStart(written: string, at: number): number {
  let from = 0;
  CLAUSE_END.lastIndex = 0;
  for (let m = CLAUSE_END.exec(written); m !== null && m.index < at; m = CLAUSE_END.exec(written)) from = m.index + 1;
  return from;
}

/** What a value writes to say it repeats the one above it (`同上`, `同前`, the ditto marks `〃` `″` `”`), as alternatives. */
const SAME_ABOVE_MARKS = '同上|同前|〃+|″+|”+|"+';
const SAME_ABOVE = new RegExp(`^(?:${SAME_ABOVE_MARKS})[。.]?$`);
/** Any of those marks, for a quick look before a field is searched for one. */
const ANY_MARK = /同上|同前|[〃″”"]/;

/** Does `value` (a field's value or a table cell, spaces aside) say it repeats the one above it? */
export function saysSameAsAbove(value: string): boolean {
  return value.length <= 8 && SAME_ABOVE.test(value.trim());
}

/**
 * A field whose whole value is `同上` (`牵头单位：同上`, `完成时限：〃`): its name. The marks are those of a table's cell, which
 * the attribution reader also takes as no value of the field's own (`saysSameAsAbove`).
 */
const SAME_ABOVE_FIELD = new RegExp(
  `([^\\s：:；;，,。（(【\\[〔]{1,10})[ \\t\\u3000]*[：:][ \\t\\u3000]*(?:${SAME_ABOVE_MARKS})[ \\t\\u3000]*(?=[；;。，,)）\\]】〕\\r\\n]|$)`,
  'g',
);
/** The field names of a lead, of a deadline; any other unit field names responsible units. */
const LEAD_NAME = /牵头|牽頭|主办|主辦|主责|主責/;
const DEADLINE_NAME = /时限|時限|时间|時間|期限|节点|節點|日期|时序|時序/;

/** The roles whose field says `同上` in `own` (an item's attributions), null when none does. */
export function sameAsAboveRoles(own: readonly Attribution[], text: string): RoleFlags | null {
  let roles: RoleFlags | null = null;
  for (const a of own) {
    const written = text.slice(a.span.start, a.span.end);
    // The common case, no mark at all, costs one search of the attribution's text.
    if (!ANY_MARK.test(written)) continue;
    SAME_ABOVE_FIELD.lastIndex = 0;
    for (let m = SAME_ABOVE_FIELD.exec(written); m !== null; m = SAME_ABOVE_FIELD.exec(written)) {
      const name = m[1]!;
      roles ??= { lead: false, responsible: false, deadline: false };
      if (LEAD_NAME.test(name)) roles.lead = true;
      else if (DEADLINE_NAME.test(name)) roles.deadline = true;
      else roles.responsible = true;
    }
  }
  return roles;
}
