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
    // no unit at all (the table is often the only place units are written) thus never yields a lead finding.
    const canonical = aliasMap(settings.units ?? []);
    const pairs = result.titlePairs;
    for (let p = 0; p + 1 < pairs.length; p += 2) {
      const r = pairs[p]!;
      const c = pairs[p + 1]!;
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
    const items = units[u]!.items;
    candidates.push(units[u]!);
    for (let k = 0; k < items.length; k++) candidates.push(items[k]!);
  }
  const tableRows: TableRowInfo[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = tableRowOf(plan, rows[r]!);
    if (row.titleKey.length > 0) tableRows.push(row);
  }
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
      unit.items = [];
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

/** The items of a body task that has none (most): one frozen list for all. */
const NO_ITEMS: Candidate[] = Object.freeze([]) as unknown as Candidate[];

function candidateOf(plan: PlanDocument, section: Section): Candidate {
  return new BodyTask(plan.text, section);
}

/** A body task as a class, not a literal with closures: one of these per leaf section and inline item. */
class BodyTask implements Candidate {
  readonly section: Section;
  /** Filled by `bodyUnits` for a unit with inline items; shared and empty otherwise. */
  items: Candidate[] = NO_ITEMS;
  readonly title: string;
  readonly titleKey: string;
  readonly item: boolean;
  readonly #text: string;
  /** The own text (the section's paragraphs without its children), normalised on first use only. */
  #textKey: string | undefined = undefined;

  constructor(text: string, section: Section) {
    this.section = section;
    this.title = typeof section.title === 'string' ? section.title : '';
    this.titleKey = normalize(this.title);
    this.item = levelOf(section) === 6;
    this.#text = text;
  }

  textKey(): string {
    if (this.#textKey === undefined) {
      const body = this.section.bodySpan ?? this.section.span;
      this.#textKey = normalize(body ? this.#text.slice(this.section.marker.span.end, body.end) : '');
    }
    return this.#textKey;
  }
}

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
// The table's rows.

export interface TableRowInfo extends MatchRow {
  task: Task;
  span: Span;
  leadSpan: Span | null;
}

function tableRowOf(plan: PlanDocument, task: Task): TableRowInfo {
  return new TableRowTask(plan.text, task);
}

/** A table row as a class, not a literal with closures: one of these per task row. */
class TableRowTask implements TableRowInfo {
  readonly task: Task;
  readonly span: Span;
  readonly leadSpan: Span | null;
  readonly titleKey: string;
  readonly #text: string;
  readonly #taskCell: Span | null;
  #textKey: string | undefined = undefined;

  constructor(text: string, task: Task) {
    const columns = task.table?.columns ?? [];
    const taskCell = cellOf(task, columns, 'task');
    this.task = task;
    this.span = taskCell ?? task.span;
    this.leadSpan = cellOf(task, columns, 'lead');
    this.titleKey = normalize(task.title ?? '');
    this.#text = text;
    this.#taskCell = taskCell;
  }

  /** The task cell, normalised; the cell usually is the title, and then its key is the title's, not normalised a second time. */
  textKey(): string {
    if (this.#textKey === undefined) {
      const title = this.task.title ?? '';
      const cell = this.#taskCell;
      const text = cell ? this.#text.slice(cell.start, cell.end) : title;
      this.#textKey = text === title ? this.titleKey : normalize(text);
    }
    return this.#textKey;
  }
}

/** The span of a row's cell in the column of `role`, when it holds something. */
function cellOf(task: Task, columns: readonly string[], role: string): Span | null {
  const k = columns.indexOf(role);
  const span = k >= 0 ? task.row?.cellSpans?.[k] : undefined;
  return span && span.end > span.start ? span : null;
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

/** Which rows and candidates matched (1 at their index), and the one-to-one title pairs in the order they were made. */
export interface MatchResult {
  rowMatched: Uint8Array;
  candMatched: Uint8Array;
  /** One-to-one matches by title, the pairs whose lead units are compared: row, task, row, task… */
  titlePairs: number[];
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
 * rest come from inverted indexes by bigram of the rows left, probed with each task's rarest bigrams (a prefix
 * filter: a pair at Dice ≥ 0.6 shares at least ⌈3n/7⌉ of a side's n bigrams, so it shares one of that side's
 * n − ⌈3n/7⌉ + 1 rarest; a contained title shares all of its bigrams, so its rarest one). Task texts, the
 * expensive part, are normalised only when some row is left for the restated-text pass.
 */
export function match(rows: readonly MatchRow[], cands: readonly MatchCandidate[]): MatchResult {
  const result: MatchResult = { rowMatched: new Uint8Array(rows.length), candMatched: new Uint8Array(cands.length), titlePairs: [] };
  const { rowMatched, candMatched, titlePairs } = result;
  refreshUnitIds();
  const take = (r: number, c: number) => {
    rowMatched[r] = 1;
    candMatched[c] = 1;
    titlePairs.push(r, c);
  };
  // Title bigrams, computed on first use: the equal-titles pass needs none.
  const rowCache: (number[] | undefined)[] = [];
  const candCache: (number[] | undefined)[] = [];
  const rowGrams = (r: number) => (rowCache[r] ??= bigrams(rows[r]!.titleKey));
  const candGrams = (c: number) => (candCache[c] ??= bigrams(cands[c]!.titleKey));
  const score = (r: number, c: number) => titleScore(rows[r]!.titleKey, cands[c]!.titleKey, rowGrams, candGrams, r, c);

  // Score 1: equal titles, or (rarely, with repeated characters) equal bigram sets. The greedy pass takes
  // these before any other pair, row by row, each row the first task not yet taken: the tasks of each key
  // are chained in task order (`next`), and `first` holds the key's first task not yet taken.
  const keys = perfectKeys(rows, cands);
  const first = new Map<string, number>();
  const next = new Int32Array(cands.length);
  for (let c = cands.length - 1; c >= 0; c--) {
    if (cands[c]!.titleKey.length === 0) continue;
    const key = keys[rows.length + c]!;
    next[c] = first.get(key) ?? -1;
    first.set(key, c);
  }
  for (let r = 0; r < rows.length; r++) {
    const key = keys[r]!;
    const c = first.get(key);
    if (c === undefined || c < 0) continue;
    first.set(key, next[c]!);
    take(r, c);
  }

  // The other pairs that can score, from the rows and tasks left.
  const leftRows: number[] = [];
  for (let r = 0; r < rows.length; r++) if (rowMatched[r] === 0) leftRows.push(r);
  const leftCands: number[] = [];
  for (let c = 0; c < cands.length; c++) if (candMatched[c] === 0 && cands[c]!.titleKey.length > 0) leftCands.push(c);
  if (leftRows.length > 0 && leftCands.length > 0) {
    // The indexes hold the rows left, which are few (most rows have an equal title), and each task left
    // probes them. The prefix filter works with any total order of bigrams shared by both sides; here it is
    // rarest first among the rows left (then the smaller key), so that a task's prefix starts with the
    // bigrams no row holds, which find nothing, and only the rows' bigrams are counted.
    const freq = new Map<number, number>();
    let rowGramCount = 0;
    for (let k = 0; k < leftRows.length; k++) {
      const grams = rowGrams(leftRows[k]!);
      rowGramCount += grams.length;
      for (let i = 0; i < grams.length; i++) freq.set(grams[i]!, (freq.get(grams[i]!) ?? 0) + 1);
    }
    const rowPrefix = new Postings(rowGramCount); // bigram → rows holding it among their dice prefix
    const rowAll = new Postings(rowGramCount); // bigram → rows holding it
    const rowRarest = new Postings(leftRows.length); // bigram → rows (titles of 4 or more) whose rarest bigram it is
    // Index loops throughout (a for-of allocates an iterator result per step until the code is optimised).
    for (let k = 0; k < leftRows.length; k++) {
      const r = leftRows[k]!;
      const order = rarestFirst(rowGrams(r), freq);
      const prefix = dicePrefix(order.length);
      for (let i = 0; i < prefix && i < order.length; i++) rowPrefix.add(order[i]!, r);
      for (let i = 0; i < order.length; i++) rowAll.add(order[i]!, r);
      if (rows[r]!.titleKey.length >= 4 && order.length > 0) rowRarest.add(order[0]!, r);
    }
    // Each task's candidate rows, each scored once (`seen` holds the task that last looked at a row): rows
    // sharing a bigram of its dice prefix; rows holding its rarest bigram (a title of 4 or more contained in
    // the row's: all its bigrams are the row's); rows whose rarest bigram it holds (the row's title contained
    // in the task's).
    const seen = new Int32Array(rows.length).fill(-1);
    const pairRow: number[] = [];
    const pairCand: number[] = [];
    const pairScore: number[] = [];
    const consider = (index: Postings, key: number, c: number) => {
      for (let at = index.first(key); at >= 0; at = index.next(at)) {
        const r = index.value(at);
        if (seen[r] === c) continue;
        seen[r] = c;
        const s = score(r, c);
        if (s <= 0) continue;
        pairRow.push(r);
        pairCand.push(c);
        pairScore.push(s);
      }
    };
    // A task's bigrams that no row holds come first in the order and find nothing: only the others (`held`,
    // usually few) are ordered and probed; `absent` of the task's bigrams are not held.
    const held: number[] = [];
    for (let k = 0; k < leftCands.length; k++) {
      const c = leftCands[k]!;
      const grams = candGrams(c);
      held.length = 0;
      for (let i = 0; i < grams.length; i++) if (freq.has(grams[i]!)) held.push(grams[i]!);
      if (held.length === 0) continue;
      const absent = grams.length - held.length;
      const order = rarestFirst(held, freq);
      const prefix = dicePrefix(grams.length) - absent;
      for (let i = 0; i < prefix && i < order.length; i++) consider(rowPrefix, order[i]!, c);
      // Contained in a row: every bigram held.
      if (cands[c]!.titleKey.length >= 4 && absent === 0) consider(rowAll, order[0]!, c);
      for (let i = 0; i < order.length; i++) consider(rowRarest, order[i]!, c);
    }
    // The greedy pass: best score first, then row order, then task order, each row and task used once.
    const byOrder = Array.from(pairRow.keys()).sort(
      (x, y) => pairScore[y]! - pairScore[x]! || pairRow[x]! - pairRow[y]! || pairCand[x]! - pairCand[y]!,
    );
    for (let i = 0; i < byOrder.length; i++) {
      const r = pairRow[byOrder[i]!]!;
      const c = pairCand[byOrder[i]!]!;
      if (rowMatched[r] === 0 && candMatched[c] === 0) take(r, c);
    }
  }

  const newlyCovered = new Uint8Array(cands.length);
  restatedRows(rows, cands, rowGrams, score, result, newlyCovered);
  restatedTasks(rows, cands, candGrams, result, newlyCovered);
  for (let c = 0; c < cands.length; c++) if (newlyCovered[c] === 1) candMatched[c] = 1;
  return result;
}

/**
 * Lists of numbers by key, chained through flat arrays: one map entry per key and no array per key (the
 * matcher's indexes have a key per distinct bigram). A key's values come latest first.
 */
class Postings {
  readonly #first = new Map<number, number>();
  #values: Int32Array;
  #next: Int32Array;
  /** The length of the list that starts at each position. */
  #sizes: Int32Array;
  #length = 0;

  /** `capacity`: how many values are expected (more are taken, by growing). */
  constructor(capacity: number) {
    const n = Math.max(16, capacity);
    this.#values = new Int32Array(n);
    this.#next = new Int32Array(n);
    this.#sizes = new Int32Array(n);
  }

  add(key: number, value: number): void {
    const at = this.#length++;
    if (at === this.#values.length) this.#grow();
    const head = this.#first.get(key);
    this.#values[at] = value;
    this.#next[at] = head ?? -1;
    this.#sizes[at] = head === undefined ? 1 : this.#sizes[head]! + 1;
    this.#first.set(key, at);
  }

  /** The position of the key's latest value, −1 when it has none. */
  first(key: number): number {
    return this.#first.get(key) ?? -1;
  }

  next(at: number): number {
    return this.#next[at]!;
  }

  value(at: number): number {
    return this.#values[at]!;
  }

  /** How many values the list from `at` holds (0 for −1). */
  size(at: number): number {
    return at < 0 ? 0 : this.#sizes[at]!;
  }

  #grow(): void {
    const grown = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.#values = grown(this.#values);
    this.#next = grown(this.#next);
    this.#sizes = grown(this.#sizes);
  }
}

/** Title bigrams up to this many are ordered by insertion: no comparator calls, no map lookups while sorting. */
const SMALL_SORT = 48;

/** A title's bigrams, rarest first (fewest rows left holding it, none for a bigram no row holds, then the smaller key): a total order. */
function rarestFirst(grams: readonly number[], freq: Map<number, number>): number[] {
  const n = grams.length;
  if (n > SMALL_SORT) return [...grams].sort((a, b) => (freq.get(a) ?? 0) - (freq.get(b) ?? 0) || a - b);
  const out = new Array<number>(n);
  const counts = rarityScratch;
  for (let i = 0; i < n; i++) {
    const g = grams[i]!;
    const f = freq.get(g) ?? 0;
    let j = i;
    for (; j > 0 && (counts[j - 1]! > f || (counts[j - 1] === f && out[j - 1]! > g)); j--) {
      out[j] = out[j - 1]!;
      counts[j] = counts[j - 1]!;
    }
    out[j] = g;
    counts[j] = f;
  }
  return out;
}

/** Scratch space for `rarestFirst`: the counts beside the bigrams being ordered. */
const rarityScratch = new Float64Array(SMALL_SORT);

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
  newlyCovered: Uint8Array,
): void {
  const left: number[] = [];
  for (let r = 0; r < rows.length; r++) if (result.rowMatched[r] === 0 && rows[r]!.titleKey.length >= 4) left.push(r);
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
      result.rowMatched[r] = 1;
      newlyCovered[best] = 1;
    }
  }
}

/**
 * A task still unmatched is matched when some row's task cell holds its whole title. Each such title is
 * anchored at its bigram that the cells hold least often (its first occurrence in the title); the cells are
 * then read once, and where an anchor occurs, the titles anchored there are compared in place. Two passes
 * over the cells, and no index of them.
 */
function restatedTasks(
  rows: readonly MatchRow[],
  cands: readonly MatchCandidate[],
  candGrams: (c: number) => number[],
  result: MatchResult,
  newlyCovered: Uint8Array,
): void {
  const left: number[] = [];
  for (let c = 0; c < cands.length; c++) {
    if (result.candMatched[c] === 0 && newlyCovered[c] === 0 && cands[c]!.titleKey.length >= 4) left.push(c);
  }
  if (left.length === 0) return;
  // The bigrams of the titles left, with how often the cells hold each.
  const held = new Map<number, number>();
  for (let k = 0; k < left.length; k++) {
    const grams = candGrams(left[k]!);
    for (let i = 0; i < grams.length; i++) held.set(grams[i]!, 0);
  }
  for (let r = 0; r < rows.length; r++) {
    const text = rows[r]!.textKey();
    for (let i = 0; i + 1 < text.length; i++) {
      const g = gramOf(text.charCodeAt(i), text.charCodeAt(i + 1));
      const n = held.get(g);
      if (n !== undefined) held.set(g, n + 1);
    }
  }
  // Anchor bigram → the titles anchored there (chained through `nextAnchored`), and where in its title.
  const anchored = new Map<number, number>();
  const nextAnchored = new Int32Array(left.length);
  const offset = new Int32Array(left.length);
  for (let k = 0; k < left.length; k++) {
    const grams = candGrams(left[k]!);
    let anchor = grams[0]!;
    for (let i = 1; i < grams.length; i++) if (held.get(grams[i]!)! < held.get(anchor)!) anchor = grams[i]!;
    // A bigram no cell holds: no cell holds the title.
    if (held.get(anchor) === 0) continue;
    const title = cands[left[k]!]!.titleKey;
    let at = 0;
    while (gramOf(title.charCodeAt(at), title.charCodeAt(at + 1)) !== anchor) at++;
    offset[k] = at;
    nextAnchored[k] = anchored.get(anchor) ?? -1;
    anchored.set(anchor, k);
  }
  if (anchored.size === 0) return;
  for (let r = 0; r < rows.length; r++) {
    const text = rows[r]!.textKey();
    for (let i = 0; i + 1 < text.length; i++) {
      const first = anchored.get(gramOf(text.charCodeAt(i), text.charCodeAt(i + 1)));
      if (first === undefined) continue;
      for (let k = first; k >= 0; k = nextAnchored[k]!) {
        const c = left[k]!;
        if (newlyCovered[c] === 0 && i >= offset[k]! && text.startsWith(cands[c]!.titleKey, i - offset[k]!)) newlyCovered[c] = 1;
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
function perfectKeys(rows: readonly MatchRow[], cands: readonly MatchCandidate[]): string[] {
  const n = rows.length + cands.length;
  const title = (i: number) => (i < rows.length ? rows[i]!.titleKey : cands[i - rows.length]!.titleKey);
  const hashes = new Int32Array(n);
  for (let i = 0; i < n; i++) hashes[i] = charSetHash(title(i));
  const crowded = crowdedHashes(hashes, title);
  const keys: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const t = title(i);
    if (crowded !== null && crowded.has(hashes[i]!)) keys[i] = '\u0000' + gramKey(t);
    else keys[i] = t.charCodeAt(0) <= 1 ? '\u0001' + t : t;
  }
  return keys;
}

/**
 * The hashes (≥ 0) that two different titles share, or null when there are none. The titles that repeat a
 * character are sorted by hash (hash and index packed in one number: no map of every such title), and each
 * run of equal hashes is checked for two different titles.
 */
function crowdedHashes(hashes: Int32Array, title: (i: number) => string): Set<number> | null {
  let count = 0;
  for (let i = 0; i < hashes.length; i++) if (hashes[i]! >= 0) count++;
  if (count < 2) return null;
  // hash · 2^22 + index stays below 2^53 (a hash is below 2^31); past 2^22 titles, a map instead.
  if (hashes.length > 1 << 22) return crowdedByMap(hashes, title);
  const packed = new Float64Array(count);
  for (let i = 0, k = 0; i < hashes.length; i++) if (hashes[i]! >= 0) packed[k++] = hashes[i]! * 0x400000 + i;
  packed.sort();
  let crowded: Set<number> | null = null;
  for (let k = 0; k < count; ) {
    const hash = Math.floor(packed[k]! / 0x400000);
    const first = title(packed[k]! % 0x400000);
    let e = k + 1;
    let differs = false;
    for (; e < count && Math.floor(packed[e]! / 0x400000) === hash; e++) if (!differs && title(packed[e]! % 0x400000) !== first) differs = true;
    if (differs) (crowded ??= new Set()).add(hash);
    k = e;
  }
  return crowded;
}

/** `crowdedHashes` through a map from each hash to the first title with it. */
function crowdedByMap(hashes: Int32Array, title: (i: number) => string): Set<number> | null {
  const firstOf = new Map<number, string>();
  let crowded: Set<number> | null = null;
  for (let i = 0; i < hashes.length; i++) {
    const h = hashes[i]!;
    if (h < 0) continue;
    const first = firstOf.get(h);
    if (first === undefined) firstOf.set(h, title(i));
    else if (first !== title(i)) (crowded ??= new Set()).add(h);
  }
  return crowded;
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

/** Scratch space for `bigrams`: one array for every title, grown when a title needs more. */
let gramScratch = new Float64Array(256);

/** The distinct bigrams (pairs of UTF-16 code units) of `s`, as keys (`gramOf`), in ascending order. */
function bigrams(s: string): number[] {
  const n = Math.max(0, s.length - 1);
  if (n > gramScratch.length) gramScratch = new Float64Array(Math.max(n, 2 * gramScratch.length));
  const all = gramScratch;
  for (let i = 0; i < n; i++) {
    // Insertion sort: a title has a few dozen bigrams; a long text is sorted natively below.
    const g = gramOf(s.charCodeAt(i), s.charCodeAt(i + 1));
    if (n > SMALL_SORT) {
      all[i] = g;
      continue;
    }
    let j = i;
    for (; j > 0 && all[j - 1]! > g; j--) all[j] = all[j - 1]!;
    all[j] = g;
  }
  if (n > SMALL_SORT) all.subarray(0, n).sort();
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (i === 0 || all[i] !== all[i - 1]) out.push(all[i]!);
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

function sameUnits(a: readonly UnitMention[], b: readonly UnitMention[], canonical: Map<string, string>): boolean {
  // The usual case, one unit on each side, without building sets.
  if (a.length === 1 && b.length === 1) return (canonical.get(a[0]!.key) ?? a[0]!.key) === (canonical.get(b[0]!.key) ?? b[0]!.key);
  // A few units: the same sets when each side's every key is among the other's, without building sets.
  if (a.length <= 8 && b.length <= 8) return within(a, b, canonical) && within(b, a, canonical);
  const keys = (list: readonly UnitMention[]) => new Set(list.map((u) => canonical.get(u.key) ?? u.key));
  const ka = keys(a);
  const kb = keys(b);
  return ka.size === kb.size && [...ka].every((k) => kb.has(k));
}

/** Whether every unit of `a` is one of `b` (by canonical key). */
function within(a: readonly UnitMention[], b: readonly UnitMention[], canonical: Map<string, string>): boolean {
  next: for (let i = 0; i < a.length; i++) {
    const key = canonical.get(a[i]!.key) ?? a[i]!.key;
    for (let j = 0; j < b.length; j++) if ((canonical.get(b[j]!.key) ?? b[j]!.key) === key) continue next;
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
