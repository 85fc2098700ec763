// PL011 table-body-mismatch: the task table (任务分解表) and the body disagree — a task in one and not the other, or a different lead unit.
import type { Rule, UnitEntry } from '../lint/rule.js';
import { levelOf, matchOf, type Candidate } from '../model/table-match.js';
import { unitKey } from '../model/text.js';
import type { Section, Task, UnitMention } from '../model/types.js';
import { isAbbreviation, isOneCharVariant } from '../model/units.js';

export const rule: Rule = {
  id: 'PL011',
  name: 'table-body-mismatch',
  defaultSeverity: 'warning',
  tags: ['table', 'attribution'],
  fixable: 'none',
  description: {
    'zh-CN': '任务分解表与正文不一致：一方有而另一方没有的任务，或同一任务的牵头单位不同',
    en: 'The task table and the body disagree: a task found in only one of them, or a task whose lead units differ',
  },
  messages: {
    rowMissing: {
      'zh-CN': '任务分解表{row}“{title}”在正文中找不到对应任务',
      en: '{rowEn} of the task table, "{title}", has no matching task in the body',
    },
    bodyMissing: {
      'zh-CN': '正文任务“{number}{title}”在任务分解表中没有对应的行',
      en: 'Body task "{number}{title}" has no matching row in the task table',
    },
    leadDiffers: {
      'zh-CN': '任务分解表{row}的牵头单位（{tableLead}）与正文“{number}{title}”的牵头单位（{bodyLead}）不一致',
      en: '{rowEn} of the task table names the lead unit(s) {tableLead}, but body task "{number}{title}" names {bodyLead}',
    },
  },
  check({ plan, settings, report }) {
    const found = matchOf(plan);
    // No table is left to compare when each lists other work (a body item's own, or other things under their caption).
    if (!found || found.tableRows.length === 0) return;
    const { tableRows, units, candidates, result } = found;
    // Matched candidates by index: `candidates` lists each unit, then its items.
    const matched = result.candMatched;

    for (let r = 0; r < tableRows.length; r++) {
      if (result.rowMatched[r] === 1) continue;
      const row = tableRows[r]!;
      report({ messageId: 'rowMissing', span: row.span, data: { ...rowLabel(row.task), title: shorten(row.task.title) } });
    }
    // A section without a title cannot be matched, so its absence from the table is not reported either.
    const reportable = (c: Candidate) => c.titleKey.length > 0;
    for (let u = 0, at = 0; u < units.length; at += 1 + units[u]!.items.length, u++) {
      const unit = units[u]!;
      const items = unit.items;
      let matchedItems = 0;
      for (let k = 0; k < items.length; k++) matchedItems += matched[at + 1 + k]!;
      if (matched[at] === 0 && matchedItems === 0) {
        if (!reportable(unit) && items.length === 0) continue;
        report({ messageId: 'bodyMissing', span: unit.section.marker.span, data: bodyLabel(unit) });
        continue;
      }
      // Items are compared one by one only when the table goes down to them (some sibling has its own row).
      if (matchedItems === 0) continue;
      for (let k = 0; k < items.length; k++) {
        const item = items[k]!;
        if (matched[at + 1 + k] === 0 && reportable(item)) report({ messageId: 'bodyMissing', span: item.section.marker.span, data: bodyLabel(item) });
      }
    }

    // Lead units are compared only for one-to-one title matches where both sides name a lead. A body that names
    // no unit at all (the table is often the only place units are written) thus never yields a lead finding, nor
    // does a table with no 牵头 column (its leads are the plan's convention read into a 责任单位 column).
    const canonical = aliasMap(settings.units ?? []);
    const pairs = result.titlePairs;
    for (let p = 0; p + 1 < pairs.length; p += 2) {
      const r = pairs[p]!;
      const c = pairs[p + 1]!;
      const row = tableRows[r]!;
      const cand = candidates[c]!;
      const tableLead = row.task.table?.columns.includes('lead') ? row.task.lead : [];
      const bodyLead = leadOf(cand);
      if (tableLead.length === 0 || bodyLead.length === 0) continue;
      if (sameUnits(tableLead, bodyLead, canonical)) continue;
      // A short and a full name of one unit (`县医保局` / `县医疗保障局`) are PL007's to report, once for each mention.
      if (sameUpToNames(tableLead, bodyLead, canonical)) continue;
      report({
        messageId: 'leadDiffers',
        span: row.leadSpan ?? row.span,
        data: { ...rowLabel(row.task), ...bodyLabel(cand), tableLead: names(tableLead), bodyLead: names(bodyLead) },
      });
    }
  },
};

/**
 * Lead units of a body task: its own, else its paragraph's, else the nearest heading's. Inline items are parts
 * of their paragraph unless two or more of them carry an attribution each (the model's reading): otherwise an
 * attribution written after the last item speaks for the whole paragraph and for every item in it.
 */
function leadOf(cand: Candidate): readonly UnitMention[] {
  const section = cand.section;
  let lead = levelOf(section) === 6 ? leadsIn(section) : paragraphLeads(section);
  let up = section.parent;
  if (lead.length === 0 && levelOf(section) === 6 && up) {
    if (!separate(up)) lead = paragraphLeads(up);
    up = up.parent;
  }
  for (; lead.length === 0 && up; up = up.parent) lead = leadsIn(up);
  return lead;
}

const NO_UNITS: readonly UnitMention[] = [];

/**
 * The lead units of a section's own attributions, in order. Read only: the usual single attribution's own
 * list is returned as it is (this runs for every matched pair), so a caller that adds to it copies it first.
 */
function leadsIn(s: Section): readonly UnitMention[] {
  const attributions = s.attributions ?? [];
  if (attributions.length === 0) return NO_UNITS;
  if (attributions.length === 1 && Array.isArray(attributions[0]!.lead)) return attributions[0]!.lead;
  const out: UnitMention[] = [];
  for (const a of attributions) {
    const lead = a.lead ?? [];
    if (Array.isArray(lead)) for (const u of lead) out.push(u);
    else out.push(lead);
  }
  return out;
}

/** A paragraph's leads: its own, and its inline items' unless they are read separately. */
function paragraphLeads(s: Section): readonly UnitMention[] {
  const own = leadsIn(s);
  if (separate(s)) return own;
  let out: UnitMention[] | null = null;
  for (const c of s.children ?? []) {
    if (levelOf(c) !== 6) continue;
    const items = leadsIn(c);
    if (items.length === 0) continue;
    out ??= own.slice();
    for (const u of items) out.push(u);
  }
  return out ?? own;
}

/** Two or more inline items carry an attribution each: each speaks for itself. */
function separate(s: Section): boolean {
  let n = 0;
  for (const c of s.children ?? []) if (levelOf(c) === 6 && (c.attributions ?? []).length > 0 && ++n >= 2) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Units and labels.

/** A unit key's canonical form: the key of the configured name it is an alias of, else the key itself. */
type Canonical = (key: string) => string;

/** The canonical forms of unit keys, from the configured unit list's aliases. */
function aliasMap(units: UnitEntry[]): Canonical {
  const map = new Map<string, string>();
  for (const u of units) {
    if (typeof u?.name !== 'string') continue;
    const canonical = unitKey(u.name);
    for (const alias of u.aliases ?? []) if (typeof alias === 'string') map.set(unitKey(alias), canonical);
  }
  // Usually no unit is configured: every key is then its own, and none is looked up (a lead is compared per matched row).
  return map.size === 0 ? (key) => key : (key) => map.get(key) ?? key;
}

function sameUnits(a: readonly UnitMention[], b: readonly UnitMention[], canonical: Canonical): boolean {
  // The usual case, one unit on each side, without building sets.
  if (a.length === 1 && b.length === 1) return canonical(a[0]!.key) === canonical(b[0]!.key);
  // A few units: the same sets when each side's every key is among the other's, without building sets.
  if (a.length <= 8 && b.length <= 8) return within(a, b, canonical) && within(b, a, canonical);
  const keys = (list: readonly UnitMention[]) => new Set(list.map((u) => canonical(u.key)));
  const ka = keys(a);
  const kb = keys(b);
  return ka.size === kb.size && [...ka].every((k) => kb.has(k));
}

/**
 * Names of one unit: those PL007 reads so (a short and a full name, a one-character difference), and a unit's name with
 * and without the body it belongs to (`基层卫生健康科` / `市卫生健康委基层卫生健康科`: the longer ends with the other, of
 * four characters at least, after a body's name, `BODY_END`; `区住建局` / `高新区住建局` are two); collective names never.
 */
function oneUnitsNames(a: string, b: string): boolean {
  if (COLLECTIVE.test(a) || COLLECTIVE.test(b)) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return isAbbreviation(a, b) || isOneCharVariant(a, b) || (short.length >= MIN_OWN_NAME && long.endsWith(short) && BODY_END.test(long.slice(0, long.length - short.length)));
}
/** How the name of a body that units belong to ends (`市卫生健康委`, `县教育局`): not a place (`高新区住建局` is another bureau). */
const BODY_END = /(?:委|局|办|辦|厅|廳|部|署|院|中心|政府|公司|集团|集團)$/;
/** The shortest name a unit is known by without the body it belongs to (`基层科` is too short to tell). */
const MIN_OWN_NAME = 4;
const COLLECTIVE = /各|相关|有关/;

/** `sameUnits`, a unit's other name (`oneUnitsNames`) counting as the unit. */
function sameUpToNames(a: readonly UnitMention[], b: readonly UnitMention[], canonical: Canonical): boolean {
  const within = (x: readonly UnitMention[], y: readonly UnitMention[]) =>
    x.every((u) => y.some((v) => canonical(u.key) === canonical(v.key) || oneUnitsNames(canonical(u.key), canonical(v.key))));
  return within(a, b) && within(b, a);
}

/** Whether every unit of `a` is one of `b` (by canonical key). */
function within(a: readonly UnitMention[], b: readonly UnitMention[], canonical: Canonical): boolean {
  next: for (let i = 0; i < a.length; i++) {
    const key = canonical(a[i]!.key);
    for (let j = 0; j < b.length; j++) if (canonical(b[j]!.key) === key) continue next;
    return false;
  }
  return true;
}

function names(list: readonly UnitMention[]): string {
  const unique = [...new Set(list.map((u) => u.name))];
  return unique.slice(0, 4).join('、') + (unique.length > 4 ? '等' : '');
}

function rowLabel(task: Task): { row: string; rowEn: string } {
  const n = (task.number ?? '').trim();
  return n ? { row: `第${n}项`, rowEn: `Row ${n}` } : { row: '中的一行', rowEn: 'A row' };
}

/** `（六）二是…` for an inline item, so that it can be found. */
function bodyLabel(c: Candidate): { number: string; title: string } {
  const parent = levelOf(c.section) === 6 ? c.section.parent?.marker?.text ?? '' : '';
  return { number: parent + c.section.marker.text, title: shorten(c.title) };
}

/** Keeps messages readable: at most 20 characters of a title. */
function shorten(title: string): string {
  return title.length > 20 ? title.slice(0, 20) + '…' : title;
}
