// PL011 table-body-mismatch: the task table (任务分解表) and the body disagree — a task in one and not the other, or a different lead unit.
import { stripNoise, toSimplified, unitKey } from '../model/text.js';
import type { PlanDocument, Section, Span, Task, UnitMention } from '../model/types.js';
import type { Rule, UnitEntry } from '../lint/rule.js';

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
    const sides = sidesOf(plan);
    if (!sides) return;
    const { tableRows, units, candidates } = sides;
    const result = match(tableRows, candidates);
    // Matched candidates by index: `candidates` lists each unit, then its items.
    const matched = new Uint8Array(candidates.length);
    result.candMatched.forEach((i) => (matched[i] = 1));

    for (let r = 0; r < tableRows.length; r++) {
      if (result.rowMatched.has(r)) continue;
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
    // no unit at all (the table is often the only place units are written) thus never yields a lead finding.
    const canonical = aliasMap(settings.units ?? []);
    for (let p = 0; p < result.titlePairs.length; p++) {
      const pair = result.titlePairs[p]!;
      const r = pair[0];
      const c = pair[1];
      const row = tableRows[r]!;
      const cand = candidates[c]!;
      const tableLead = row.task.lead ?? [];
      const bodyLead = leadOf(cand);
      if (tableLead.length === 0 || bodyLead.length === 0) continue;
      if (sameUnits(tableLead, bodyLead, canonical)) continue;
      report({
        messageId: 'leadDiffers',
        span: row.leadSpan ?? row.span,
        data: { ...rowLabel(row.task), ...bodyLabel(cand), tableLead: names(tableLead), bodyLead: names(bodyLead) },
      });
    }
  },
};

/**
 * What is compared: the table's task rows (with a title) and the body's task-like parts (units, each followed
 * by its inline items, in `candidates`); null when either side is empty.
 */
export function sidesOf(plan: PlanDocument): { tableRows: TableRowInfo[]; units: Candidate[]; candidates: Candidate[] } | null {
  // A row naming no unit and no deadline is a category heading inside the table (`一、放管服改革`), not a task.
  const rows = (plan.tasks ?? []).filter(
    (t) => t?.source === 'table' && t.row && ((t.lead ?? []).length > 0 || (t.responsible ?? []).length > 0 || (t.deadlines ?? []).length > 0),
  );
  if (rows.length === 0) return null;
  const units = bodyUnits(plan);
  if (units.length === 0) return null;
  const candidates: Candidate[] = [];
  for (let u = 0; u < units.length; u++) {
    candidates.push(units[u]!);
    for (const item of units[u]!.items) candidates.push(item);
  }
  const tableRows = rows.map((task) => tableRowOf(plan, task)).filter((r) => r.titleKey.length > 0);
  return { tableRows, units, candidates };
}

// ---------------------------------------------------------------------------------------------
// The body's tasks.

/** A task-like part of the body: a leaf section, or an inline item (`一是…`) of one. */
export interface Candidate extends MatchCandidate {
  section: Section;
  /** Inline items under a leaf section (empty for an item). */
  items: Candidate[];
  title: string;
}

/**
 * The body's task sections, mirroring the model's `isTaskSection` for a plan without a table: leaf sections
 * (no numbered level 1–5 children), not under a non-task heading (`指导思想`, `保障措施`…), at level 2 or
 * deeper or carrying an attribution. (The model's rule that a plan numbered only `一、二、` has level-1 tasks is
 * left out: beside a task table such headings are chapters like `二、重点任务`, not tasks.) Each keeps its
 * inline items (`一是…二是…`), because in annual plans a table row often stands for one inline item.
 */
function bodyUnits(plan: PlanDocument): Candidate[] {
  const units: Candidate[] = [];
  const sections = plan.allSections ?? [];
  // Index loops, no arrays per section: this runs over every section of the plan on every analysis.
  next: for (let i = 0; i < sections.length; i++) {
    const section = sections[i];
    if (!section?.marker?.span || section.nonTask || levelOf(section) > 5) continue;
    const children = section.children ?? [];
    let items = 0;
    for (let k = 0; k < children.length; k++) {
      const c = children[k];
      if (!c?.marker?.span) continue;
      if (levelOf(c) <= 5) continue next;
      if (levelOf(c) === 6 && !c.nonTask) items++;
    }
    if (levelOf(section) < 2 && (section.attributions ?? []).length === 0) continue;
    const unit = candidateOf(plan, section);
    if (items > 0) {
      for (let k = 0; k < children.length; k++) {
        const c = children[k];
        if (c?.marker?.span && levelOf(c) === 6 && !c.nonTask) unit.items.push(candidateOf(plan, c));
      }
    }
    units.push(unit);
  }
  return units;
}

const levelOf = (s: Section | null | undefined): number => s?.marker?.level ?? 0;

function candidateOf(plan: PlanDocument, section: Section): Candidate {
  const title = typeof section.title === 'string' ? section.title : '';
  const body = section.bodySpan ?? section.span;
  // The own text (the section's paragraphs without its children) is normalised on first use only.
  let textKey: string | undefined;
  const ownText = () => (body ? plan.text.slice(section.marker.span.end, body.end) : '');
  return { section, items: [], title, titleKey: normalize(title), item: levelOf(section) === 6, textKey: () => (textKey ??= normalize(ownText())) };
}

/**
 * Lead units of a body task: its own, else its paragraph's, else the nearest heading's. Inline items are parts
 * of their paragraph unless two or more of them carry an attribution each (the model's reading): otherwise an
 * attribution written after the last item speaks for the whole paragraph and for every item in it.
 */
function leadOf(cand: Candidate): UnitMention[] {
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

/** The lead units of a section's own attributions, in order. */
function leadsIn(s: Section): UnitMention[] {
  const out: UnitMention[] = [];
  for (const a of s.attributions ?? []) {
    const lead = a.lead ?? [];
    if (Array.isArray(lead)) for (const u of lead) out.push(u);
    else out.push(lead);
  }
  return out;
}

/** A paragraph's leads: its own, and its inline items' unless they are read separately. */
function paragraphLeads(s: Section): UnitMention[] {
  const own = leadsIn(s);
  if (separate(s)) return own;
  for (const c of s.children ?? []) if (levelOf(c) === 6) for (const u of leadsIn(c)) own.push(u);
  return own;
}

/** Two or more inline items carry an attribution each: each speaks for itself. */
function separate(s: Section): boolean {
  let n = 0;
  for (const c of s.children ?? []) if (levelOf(c) === 6 && (c.attributions ?? []).length > 0 && ++n >= 2) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// The table's rows.

export interface TableRowInfo extends MatchRow {
  task: Task;
  span: Span;
  leadSpan: Span | null;
}

function tableRowOf(plan: PlanDocument, task: Task): TableRowInfo {
  const columns = task.table?.columns ?? [];
  const cell = (role: string): Span | null => {
    const k = columns.indexOf(role as never);
    const span = k >= 0 ? task.row?.cellSpans?.[k] : undefined;
    return span && span.end > span.start ? span : null;
  };
  const taskCell = cell('task');
  let textKey: string | undefined;
  const title = task.title ?? '';
  const titleKey = normalize(title);
  // The task cell usually is the title: then its key is the title's, not normalised a second time.
  const textOf = () => {
    const text = taskCell ? plan.text.slice(taskCell.start, taskCell.end) : title;
    return text === title ? titleKey : normalize(text);
  };
  return {
    task,
    span: taskCell ?? task.span,
    leadSpan: cell('lead'),
    titleKey,
    textKey: () => (textKey ??= textOf()),
  };
}

// ---------------------------------------------------------------------------------------------
// Matching.

/** A table row as the matcher sees it. */
export interface MatchRow {
  /** Normalised title (never empty). */
  titleKey: string;
  /** The whole task cell, normalised; read only by the restated-text pass. */
  textKey(): string;
}

/** A body task as the matcher sees it. */
export interface MatchCandidate {
  /** Normalised title (may be empty: such a task matches nothing by title). */
  titleKey: string;
  /** An inline item (`一是…`): wins a restated-text tie over the section that holds it. */
  item: boolean;
  /** Its own text, normalised; read only by the restated-text pass. */
  textKey(): string;
}

/** Which rows and candidates matched (by index), and the one-to-one title pairs in the order they were made. */
export interface MatchResult {
  rowMatched: Set<number>;
  candMatched: Set<number>;
  /** One-to-one matches by title: the pairs whose lead units are compared. */
  titlePairs: [number, number][];
}

/** Dice similarity on titles that one-to-one matching accepts. */
const DICE_MIN = 0.6;
/** Share of a title's bigrams that must occur in the other side's text for a restated-text match. */
const COVER_MIN = 0.8;

/**
 * Two passes. First, titles one-to-one: a pair matches when one normalised title contains the other or their
 * bigram Dice similarity is at least 0.6; the best pairs win (score, then row order, then task order), each row
 * and task used once. Second, restated text, many-to-one: a row still unmatched matches the task whose own text
 * holds (nearly all of) its title — tables often split one body item into several rows, each restating a
 * sentence — unless its title matches that task's title (then it is a second row for a task that already has
 * one); and a task still unmatched is matched when some row's task cell holds its whole title.
 *
 * The result is that of scoring every pair, but only pairs that can score are looked at, so the cost follows
 * the number of similar pairs, not rows × tasks: pairs scoring 1 (equal titles, the usual case of a table
 * copied from the body) are matched first through a map, in the order the greedy pass would take them; the
 * rest come from inverted indexes by bigram, probed with each title's rarest bigrams (a prefix filter: a pair
 * at Dice ≥ 0.6 shares at least ⌈3n/7⌉ of a side's n bigrams, so it shares one of that side's n − ⌈3n/7⌉ + 1
 * rarest; a contained title shares all of its bigrams, so its rarest one). Task texts, the expensive part,
 * are normalised only when some row is left for the restated-text pass.
 */
export function match(rows: readonly MatchRow[], cands: readonly MatchCandidate[]): MatchResult {
  const result: MatchResult = { rowMatched: new Set(), candMatched: new Set(), titlePairs: [] };
  refreshUnitIds();
  const take = (r: number, c: number) => {
    result.rowMatched.add(r);
    result.candMatched.add(c);
    result.titlePairs.push([r, c]);
  };
  // Title bigrams, computed on first use: the equal-titles pass needs none.
  const rowCache: (number[] | undefined)[] = [];
  const candCache: (number[] | undefined)[] = [];
  const rowGrams = (r: number) => (rowCache[r] ??= bigrams(rows[r]!.titleKey));
  const candGrams = (c: number) => (candCache[c] ??= bigrams(cands[c]!.titleKey));
  const score = (r: number, c: number) => titleScore(rows[r]!.titleKey, cands[c]!.titleKey, rowGrams, candGrams, r, c);

  // Score 1: equal titles, or (rarely, with repeated characters) equal bigram sets. The greedy pass takes
  // these before any other pair, row by row, each row the first task not yet taken.
  const keys = perfectKeys([...rows.map((r) => r.titleKey), ...cands.map((c) => c.titleKey)]);
  const byKey = new Map<string, number[]>();
  cands.forEach((cand, c) => {
    if (cand.titleKey.length === 0) return;
    const key = keys[rows.length + c]!;
    const list = byKey.get(key);
    if (list) list.push(c);
    else byKey.set(key, [c]);
  });
  const queueAt = new Map<string, number>();
  rows.forEach((_, r) => {
    const key = keys[r]!;
    const list = byKey.get(key);
    if (!list) return;
    const at = queueAt.get(key) ?? 0;
    if (at >= list.length) return;
    queueAt.set(key, at + 1);
    take(r, list[at]!);
  });

  // The other pairs that can score, from the rows and tasks left.
  const leftRows = rows.map((_, r) => r).filter((r) => !result.rowMatched.has(r));
  const leftCands = cands.map((_, c) => c).filter((c) => !result.candMatched.has(c) && cands[c]!.titleKey.length > 0);
  if (leftRows.length > 0 && leftCands.length > 0) {
    const freq = new Map<number, number>();
    const count = (grams: number[]) => grams.forEach((g) => freq.set(g, (freq.get(g) ?? 0) + 1));
    leftRows.forEach((r) => count(rowGrams(r)));
    leftCands.forEach((c) => count(candGrams(c)));
    const rarestFirst = (grams: number[]) => [...grams].sort((a, b) => freq.get(a)! - freq.get(b)! || a - b);
    const diceIndex = new Map<number, number[]>(); // bigram → tasks holding it among their dice prefix
    const candIndex = new Map<number, number[]>(); // bigram → tasks holding it
    const rowIndex = new Map<number, number[]>(); // bigram → rows holding it
    const push = (index: Map<number, number[]>, g: number, i: number) => {
      const list = index.get(g);
      if (list) list.push(i);
      else index.set(g, [i]);
    };
    // Index loops throughout (a for-of allocates an iterator result per step until the code is optimised).
    const none: number[] = [];
    const rowOrder = new Map<number, number[]>();
    for (let k = 0; k < leftRows.length; k++) {
      const r = leftRows[k]!;
      const grams = rowGrams(r);
      rowOrder.set(r, rarestFirst(grams));
      for (let i = 0; i < grams.length; i++) push(rowIndex, grams[i]!, r);
    }
    const candOrder = new Map<number, number[]>();
    for (let k = 0; k < leftCands.length; k++) {
      const c = leftCands[k]!;
      const order = rarestFirst(candGrams(c));
      candOrder.set(c, order);
      const prefix = dicePrefix(order.length);
      for (let i = 0; i < prefix && i < order.length; i++) push(diceIndex, order[i]!, c);
      for (let i = 0; i < order.length; i++) push(candIndex, order[i]!, c);
    }
    // Tasks whose title may be contained in a row's, reached from the task's side: row → tasks.
    const shorter = new Map<number, number[]>();
    for (let k = 0; k < leftCands.length; k++) {
      const c = leftCands[k]!;
      const order = candOrder.get(c)!;
      if (cands[c]!.titleKey.length < 4 || order.length === 0) continue;
      const holders = rowIndex.get(order[0]!) ?? none;
      for (let i = 0; i < holders.length; i++) push(shorter, holders[i]!, c);
    }
    // Each row's candidate tasks, each scored once (`seen` holds the row that last looked at a task), in task
    // order; pairs are kept by score, each score's pairs in row then task order, which is the greedy order
    // (best score first, then row, then task) without sorting every pair: scores take few distinct values.
    const seen = new Int32Array(cands.length).fill(-1);
    const byScore = new Map<number, number[]>();
    const found: number[] = [];
    for (let k = 0; k < leftRows.length; k++) {
      const r = leftRows[k]!;
      found.length = 0;
      const considerAll = (list: number[]) => {
        for (let i = 0; i < list.length; i++) {
          const c = list[i]!;
          if (seen[c] === r) continue;
          seen[c] = r;
          found.push(c);
        }
      };
      const order = rowOrder.get(r)!;
      const prefix = dicePrefix(order.length);
      for (let i = 0; i < prefix && i < order.length; i++) considerAll(diceIndex.get(order[i]!) ?? none);
      if (rows[r]!.titleKey.length >= 4 && order.length > 0) considerAll(candIndex.get(order[0]!) ?? none);
      considerAll(shorter.get(r) ?? none);
      if (found.length === 0) continue;
      const sorted = Int32Array.from(found).sort();
      for (let i = 0; i < sorted.length; i++) {
        const c = sorted[i]!;
        const s = score(r, c);
        if (s <= 0) continue;
        const list = byScore.get(s);
        if (list) list.push(r, c);
        else byScore.set(s, [r, c]);
      }
    }
    for (const s of [...byScore.keys()].sort((a, b) => b - a)) {
      const list = byScore.get(s)!;
      for (let i = 0; i < list.length; i += 2) {
        const r = list[i]!;
        const c = list[i + 1]!;
        if (!result.rowMatched.has(r) && !result.candMatched.has(c)) take(r, c);
      }
    }
  }

  const newlyCovered = new Set<number>();
  restatedRows(rows, cands, rowGrams, score, result, newlyCovered);
  restatedTasks(rows, cands, candGrams, result, newlyCovered);
  newlyCovered.forEach((c) => result.candMatched.add(c));
  return result;
}

/**
 * A row still unmatched matches the task whose own text covers its title best (among tasks whose title does
 * not match the row's); on a tie the earlier task, or an inline item over the section holding it. A task
 * text can cover a title only if it holds ⌈0.8n⌉ of its n bigrams, so one of the n − ⌈0.8n⌉ + 1 rarest.
 */
function restatedRows(
  rows: readonly MatchRow[],
  cands: readonly MatchCandidate[],
  rowGrams: (r: number) => number[],
  score: (r: number, c: number) => number,
  result: MatchResult,
  newlyCovered: Set<number>,
): void {
  const left = rows.map((_, r) => r).filter((r) => !result.rowMatched.has(r) && rows[r]!.titleKey.length >= 4);
  if (left.length === 0) return;
  const wanted = new Set<number>();
  for (const r of left) for (const g of rowGrams(r)) wanted.add(g);
  // Bigram → tasks whose text holds it, and per task the wanted bigrams its text holds.
  const index = new Map<number, number[]>();
  const held = new Map<number, Set<number>>();
  cands.forEach((cand, c) => {
    const text = cand.textKey();
    let mine: Set<number> | undefined;
    for (let i = 0; i + 1 < text.length; i++) {
      const g = gramOf(text.charCodeAt(i), text.charCodeAt(i + 1));
      if (!wanted.has(g)) continue;
      if (!mine) held.set(c, (mine = new Set()));
      if (mine.has(g)) continue;
      mine.add(g);
      const list = index.get(g);
      if (list) list.push(c);
      else index.set(g, [c]);
    }
  });
  for (const r of left) {
    const title = rows[r]!.titleKey;
    const grams = rowGrams(r);
    const order = [...grams].sort((a, b) => (index.get(a)?.length ?? 0) - (index.get(b)?.length ?? 0) || a - b);
    const found = new Set<number>();
    for (const g of order.slice(0, grams.length - Math.ceil((4 * grams.length) / 5) + 1)) for (const c of index.get(g) ?? []) found.add(c);
    let best = -1;
    let bestScore = 0;
    for (const c of [...found].sort((a, b) => a - b)) {
      if (score(r, c) > 0) continue;
      const s = coverage(title, grams, cands[c]!.textKey(), held.get(c));
      // On a tie the more specific inline item wins over the section that holds it.
      const better = s > bestScore || (s > 0 && s === bestScore && cands[c]!.item && !(cands[best]?.item ?? false));
      if (better) {
        best = c;
        bestScore = s;
      }
    }
    if (best >= 0) {
      result.rowMatched.add(r);
      newlyCovered.add(best);
    }
  }
}

/** A task still unmatched is matched when some row's task cell holds its whole title (so its rarest bigram). */
function restatedTasks(
  rows: readonly MatchRow[],
  cands: readonly MatchCandidate[],
  candGrams: (c: number) => number[],
  result: MatchResult,
  newlyCovered: Set<number>,
): void {
  const left = cands.map((_, c) => c).filter((c) => !result.candMatched.has(c) && !newlyCovered.has(c) && cands[c]!.titleKey.length >= 4);
  if (left.length === 0) return;
  const wanted = new Set<number>();
  for (let k = 0; k < left.length; k++) {
    const grams = candGrams(left[k]!);
    for (let i = 0; i < grams.length; i++) wanted.add(grams[i]!);
  }
  const index = new Map<number, number[]>();
  rows.forEach((row, r) => {
    const text = row.textKey();
    for (let i = 0; i + 1 < text.length; i++) {
      const g = gramOf(text.charCodeAt(i), text.charCodeAt(i + 1));
      if (!wanted.has(g)) continue;
      const list = index.get(g);
      if (!list) index.set(g, [r]);
      else if (list[list.length - 1] !== r) list.push(r);
    }
  });
  const none: number[] = [];
  for (let k = 0; k < left.length; k++) {
    const c = left[k]!;
    const grams = candGrams(c);
    let rarest = none;
    for (let i = 0; i < grams.length; i++) {
      const list = index.get(grams[i]!) ?? none;
      if (i === 0 || list.length < rarest.length) rarest = list;
    }
    const title = cands[c]!.titleKey;
    for (let i = 0; i < rarest.length; i++) {
      if (rows[rarest[i]!]!.textKey().includes(title)) {
        newlyCovered.add(c);
        break;
      }
    }
  }
}

/** How many of a title's n rarest bigrams a Dice match at 0.6 must share one of: n − ⌈3n/7⌉ + 1. */
function dicePrefix(n: number): number {
  return n - Math.ceil((3 * n) / 7) + 1;
}

/** When each code unit was last seen, by `charSetHash` call: finds a repeated character without a set. */
const SEEN = new Uint32Array(0x10000);
let seenStamp = 0;

/** A hash of the set of code units of `title` when it repeats one, else −1. */
function charSetHash(title: string): number {
  if (++seenStamp === 0xffffffff) {
    SEEN.fill(0);
    seenStamp = 1;
  }
  let repeats = false;
  let h = 0;
  for (let i = 0; i < title.length; i++) {
    const code = title.charCodeAt(i);
    if (SEEN[code] === seenStamp) {
      repeats = true;
      continue;
    }
    SEEN[code] = seenStamp;
    h = (h + Math.imul(code ^ 0x5bd1e995, 0x9e3779b1)) | 0;
  }
  return repeats ? h >>> 1 : -1;
}

/**
 * Keys equal for two titles exactly when they score 1: equal titles, or equal bigram sets. Two different
 * titles have the same bigram set only if both repeat a character (without one, the bigrams form a simple
 * path that no other string shares) and they hold the same characters; so the title itself is its key
 * unless another title that repeats a character has the same character set (by hash), and only those few
 * get their sorted bigram set as key (marked by a leading U+0000, which `normalize` keeps, so a title
 * could hold it: a title's key is then U+0001 plus the title).
 */
function perfectKeys(titles: string[]): string[] {
  const hashes = titles.map(charSetHash);
  const firstOf = new Map<number, string>();
  const crowded = new Set<number>();
  titles.forEach((t, i) => {
    const h = hashes[i]!;
    if (h < 0) return;
    const first = firstOf.get(h);
    if (first === undefined) firstOf.set(h, t);
    else if (first !== t) crowded.add(h);
  });
  return titles.map((t, i) => {
    if (!crowded.has(hashes[i]!)) return t.charCodeAt(0) <= 1 ? '\u0001' + t : t;
    return '\u0000' + gramKey(t);
  });
}

/** The sorted bigram set of `title` as a string (two code units per bigram). */
function gramKey(title: string): string {
  const sorted = new Float64Array(Math.max(0, title.length - 1));
  for (let i = 0; i + 1 < title.length; i++) sorted[i] = title.charCodeAt(i) * 0x10000 + title.charCodeAt(i + 1);
  sorted.sort();
  const units: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) continue;
    units.push(Math.floor(sorted[i]! / 0x10000), sorted[i]! % 0x10000);
  }
  // In slices: spreading a huge array into one call would overflow the stack.
  let key = '';
  for (let i = 0; i < units.length; i += 4096) key += String.fromCharCode(...units.slice(i, i + 4096));
  return key;
}

/** 0 when the titles do not match; otherwise how well (equal 1, containment 0.6–1, else the Dice similarity). */
function titleScore(
  a: string,
  b: string,
  rowGrams: (r: number) => number[],
  candGrams: (c: number) => number[],
  r: number,
  c: number,
): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a === b) return 1;
  const short = a.length <= b.length ? a : b;
  const long = a.length <= b.length ? b : a;
  const contained = short.length >= 4 && long.includes(short) ? 0.6 + (0.4 * short.length) / long.length : 0;
  const d = dice(rowGrams(r), candGrams(c));
  return Math.max(contained, d >= DICE_MIN ? d : 0);
}

/** How much of `title` the text restates: 1 when it holds it whole, else the share of its bigrams, 0 below the bar. */
function coverage(title: string, titleGrams: number[], text: string, textHolds: Set<number> | undefined): number {
  if (title.length < 4 || text.length === 0) return 0;
  if (text.includes(title)) return 1;
  if (titleGrams.length < 4 || !textHolds) return 0;
  let shared = 0;
  for (const g of titleGrams) if (textHolds.has(g)) shared++;
  const share = shared / titleGrams.length;
  return share >= COVER_MIN ? share : 0;
}

/** Dice similarity of two sorted sets of bigrams. */
function dice(a: number[], b: number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}

/**
 * Bigram keys. A pair of code units takes 32 bits, past V8's small integers (31 bits, signed), so as a key of
 * a Map or Set every CJK bigram was a heap number, allocated on each lookup: much of the rule's garbage. Code
 * units are instead numbered in the order first seen (15 bits each, shared by all runs: numbering restarts at
 * the start of `match` once half the numbers are used), so a bigram of numbered units is a small integer
 * below 2^30. Only when one run meets more than the 32,767 numbers a table holds do the units left over get
 * the exact key 2^30 + a·2^16 + b, disjoint from the small ones. A unit keeps its number for the whole run,
 * so each bigram has one key throughout; nothing depends on the keys' order beyond its being a total order.
 */
const UNIT_ID = new Uint16Array(0x10000);
let nextUnitId = 1;
const LAST_UNIT_ID = 0x7fff;

/** Starts the numbering over when fewer than half the numbers are left (at the start of a run only). */
function refreshUnitIds(): void {
  if (nextUnitId <= 0x4000) return;
  UNIT_ID.fill(0);
  nextUnitId = 1;
}

function unitId(code: number): number {
  const id = UNIT_ID[code]!;
  if (id !== 0 || nextUnitId > LAST_UNIT_ID) return id;
  UNIT_ID[code] = nextUnitId;
  return nextUnitId++;
}

/** The key of the bigram of code units `a` then `b`. */
function gramOf(a: number, b: number): number {
  const ia = unitId(a);
  const ib = unitId(b);
  return ia !== 0 && ib !== 0 ? (ia << 15) | ib : 0x40000000 + a * 0x10000 + b;
}

/** The distinct bigrams (pairs of UTF-16 code units) of `s`, as keys (`gramOf`), in ascending order. */
function bigrams(s: string): number[] {
  const all = new Float64Array(Math.max(0, s.length - 1));
  for (let i = 0; i + 1 < s.length; i++) all[i] = gramOf(s.charCodeAt(i), s.charCodeAt(i + 1));
  all.sort();
  const out: number[] = [];
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) out.push(all[i]!);
  return out;
}

/** Never a punctuation mark, symbol or space after folding: what `normalize` removes. */
const DROPPED = /^[\s\p{P}\p{S}]$/u;
/** Per UTF-16 code unit: what `normalize` turns it into (−1 removed, −2 not yet known). */
const FOLDED = new Int32Array(0x10000).fill(-2);

function foldedOf(code: number): number {
  const width = code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code === 0x3000 || code === 0xa0 ? 0x20 : code;
  const ch = toSimplified(String.fromCharCode(width));
  return DROPPED.test(ch) ? -1 : ch.charCodeAt(0);
}

/**
 * Folds width and script, removes pinyin noise, punctuation, symbols and spaces: the same string as
 * `toSimplified(foldWidth(stripNoise(text))).replace(/[\s\p{P}\p{S}]/gu, '')`, in one pass over the text with
 * a table per code unit (the model's helpers each build a new string, and `toSimplified` calls back per
 * match, which made this half of the rule's time on large plans). Both mappings are per code unit and never
 * touch surrogates, so a surrogate pair is one code point before and after them.
 */
export function normalize(text: string): string {
  const s = stripNoise(text);
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        if (DROPPED.test(s.slice(i, i + 2))) {
          out += s.slice(from, i);
          from = i + 2;
        }
        i++;
        continue;
      }
    }
    let to = FOLDED[code]!;
    if (to === -2) to = FOLDED[code] = foldedOf(code);
    if (to === code) continue;
    out += s.slice(from, i);
    if (to >= 0) out += String.fromCharCode(to);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

// ---------------------------------------------------------------------------------------------
// Units and labels.

/** Unit key → the key of its canonical name, from the configured unit list's aliases. */
function aliasMap(units: UnitEntry[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const u of units) {
    if (typeof u?.name !== 'string') continue;
    const canonical = unitKey(u.name);
    for (const alias of u.aliases ?? []) if (typeof alias === 'string') map.set(unitKey(alias), canonical);
  }
  return map;
}

function sameUnits(a: UnitMention[], b: UnitMention[], canonical: Map<string, string>): boolean {
  // The usual case, one unit on each side, without building sets.
  if (a.length === 1 && b.length === 1) return (canonical.get(a[0]!.key) ?? a[0]!.key) === (canonical.get(b[0]!.key) ?? b[0]!.key);
  const keys = (list: UnitMention[]) => new Set(list.map((u) => canonical.get(u.key) ?? u.key));
  const ka = keys(a);
  const kb = keys(b);
  return ka.size === kb.size && [...ka].every((k) => kb.has(k));
}

function names(list: UnitMention[]): string {
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
