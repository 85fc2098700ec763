// Which row of a task table (任务分解表) stands for which task of the body: the sides compared, and the matching.
// Over 400 lines: the three steps of the matching below and their indexes, each step needing the one before.
//
// The matching, in plain words. A title or a text is compared by its key (`normalize`: width and script folded, pinyin
// noise, punctuation, symbols and spaces removed); a bigram is two adjacent code units of a key.
//
// 1. Titles, one to one. A row and a task score 1 when their title keys are equal or have the same bigrams; else
//    0.6 + 0.4 × short / long when the longer key contains the shorter one and that has 4 or more characters; else
//    their bigram Dice similarity (2 × shared / (a + b), over distinct bigrams) when it is at least 0.6 — the higher
//    of the last two when both apply; else 0, no match. A task with an empty title scores 0. Pairs are taken best
//    score first, then in row order, then in task order, each row and each task at most once: the title pairs.
// 2. Restated rows, many to one (a table often splits one body item into rows that each restate a sentence). A row
//    still unmatched, with a title of 4 or more characters, matches the task whose own text covers its title best,
//    among the tasks whose title scores 0 against it: 1 when the text holds the title whole, else the share of the
//    title's bigrams that the text holds, when the title has 4 or more bigrams and the share is at least 0.8, else 0.
//    Among the tasks that cover it best (above 0), the first inline item wins, else the first task. That task
//    counts as matched; the pair is no title pair.
// 3. Restated tasks. A task still unmatched, not taken in 2, with a title of 4 or more characters, counts as matched
//    when some row's task cell holds its whole title.
//
// `test/model/table-match.test.ts` holds these steps as a reference that scores every pair, and checks `match`
// against it. `match` looks only at the pairs that can score, so its cost follows the number of similar pairs, not
// rows × tasks: pairs scoring 1 (a table copied from the body: the usual case) are taken first through a map, in
// the order step 1 would take them; the other pairs come from indexes by bigram of the rows left, probed with each
// task's rarest bigrams (a prefix filter: a pair at Dice ≥ 0.6 shares at least ⌈3n/7⌉ of a side's n bigrams, so it
// shares one of that side's n − ⌈3n/7⌉ + 1 rarest; a contained title shares all its bigrams, so its rarest one).
// Step 2 uses the same kind of filter on task texts; step 3 looks for each title left at the places of a rare
// bigram of it in the row cells. Texts and cells are normalised only when some row or task is left for them.
import { keepShape } from '../../../grammar/shapes.js';
import { onlySpaces } from '../../../grammar/table.js';
import { outsideOutline } from './numbering.js';
import { perDocument } from './remember.js';
import { isTrimCode, stripNoise, toSimplified } from './text.js';
import type { PlanDocument, Section, Span, Table, Task } from './types.js';

// ---------------------------------------------------------------------------------------------
// The two sides.

/** A table row as the matcher sees it. */
export interface MatchRow {
  /** Normalised title (never empty). */
  titleKey: string;
  /** The whole task cell, normalised; read only by step 3 (restated tasks). */
  textKey(): string;
}

/** A body task as the matcher sees it. */
export interface MatchCandidate {
  /** Normalised title (may be empty: such a task matches nothing by title). */
  titleKey: string;
  /** An inline item (`一是…`): wins a step-2 tie over the section that holds it. */
  item: boolean;
  /** Its own text, normalised; read only by step 2 (restated rows). */
  textKey(): string;
}

/** A task-like part of the body: a leaf section, or an inline item (`一是…`) of one. */
export interface Candidate extends MatchCandidate {
  section: Section;
  /** Inline items under a leaf section (empty for an item). */
  items: Candidate[];
  title: string;
}

/** A task row of the table. */
export interface TableRowInfo extends MatchRow {
  task: Task;
  /** The task cell, else the row. */
  span: Span;
  /** The lead cell, when it holds something. */
  leadSpan: Span | null;
}

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
    const row = new TableRowTask(plan.text, rows[r]!);
    if (row.titleKey.length > 0) tableRows.push(row);
  }
  return { tableRows, units, candidates };
}

/**
 * The body's task sections, mirroring the model's `isTaskSection` for a plan without a table: leaf sections
 * (no numbered level 1–5 children), not under a non-task heading (`指导思想`, `保障措施`…), at level 2 or
 * deeper or carrying an attribution. (The model's rule that a plan numbered only `一、二、` has level-1 tasks is
 * left out: beside a task table such headings are chapters like `二、重点任务`, not tasks.) A heading the model found
 * inside a task table is one of its category rows, no body task. Each keeps its
 * inline items (`一是…二是…`), because in annual plans a table row often stands for one inline item.
 */
function bodyUnits(plan: PlanDocument): Candidate[] {
  const units: Candidate[] = [];
  const sections = plan.allSections ?? [];
  // A heading inside a task table (`| （一）政务服务 |`, a category row) is the table's, not a body task (nor is an
  // attachment list's item, which names a document).
  const inTable = Array.isArray(plan.tables) && Array.isArray(plan.separateLists) && Array.isArray(plan.allSections) ? outsideOutline(plan) : null;
  // Index loops and no list per section: this runs over every section of the plan on every analysis.
  next: for (let i = 0; i < sections.length; i++) {
    const section = sections[i];
    if (!section?.marker?.span || section.nonTask || levelOf(section) > 5 || inTable?.has(section)) continue;
    const children = section.children ?? [];
    let items = 0;
    for (let k = 0; k < children.length; k++) {
      const c = children[k];
      if (!c?.marker?.span) continue;
      if (levelOf(c) <= 5) continue next;
      if (levelOf(c) === 6 && !c.nonTask) items++;
    }
    if (levelOf(section) < 2 && (section.attributions ?? []).length === 0) continue;
    const unit = new BodyTask(plan.text, section);
    if (items > 0) {
      unit.items = [];
      for (let k = 0; k < children.length; k++) {
        const c = children[k];
        if (c?.marker?.span && levelOf(c) === 6 && !c.nonTask) unit.items.push(new BodyTask(plan.text, c));
      }
    }
    units.push(unit);
  }
  return units;
}

/** The items of a body task that has none (most): one frozen list for all. */
const NO_ITEMS: Candidate[] = Object.freeze([]) as unknown as Candidate[];

/** A section's numbering level (0 for a damaged one). */
export const levelOf = (s: Section | null | undefined): number => s?.marker?.level ?? 0;

/** A body task; its text is normalised on first use only (step 2 reads it, and only when a row is left for it). */
class BodyTask implements Candidate {
  readonly section: Section;
  /** Filled by `bodyUnits` for a unit with inline items; shared and empty otherwise. */
  items: Candidate[] = NO_ITEMS;
  readonly title: string;
  readonly titleKey: string;
  readonly item: boolean;
  readonly #text: string;
  #textKey: string | undefined = undefined;

  constructor(text: string, section: Section) {
    this.section = section;
    this.title = typeof section.title === 'string' ? section.title : '';
    this.titleKey = normalize(this.title);
    this.item = levelOf(section) === 6;
    this.#text = text;
  }

  /** The own text: the section's paragraphs without its children. */
  textKey(): string {
    if (this.#textKey === undefined) {
      const body = this.section.bodySpan ?? this.section.span;
      this.#textKey = normalize(body ? this.#text.slice(this.section.marker.span.end, body.end) : '');
    }
    return this.#textKey;
  }
}

/** A table row; its task cell is normalised on first use only (step 3 reads it). */
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

  /** The task cell, normalised (the cell usually is the title, whose key is known). */
  textKey(): string {
    if (this.#textKey === undefined) {
      const title = this.task.title ?? '';
      const cell = this.#taskCell;
      const text = cell ? wrappedTaskCell(this.task) ?? this.#text.slice(cell.start, cell.end) : title;
      this.#textKey = text === title ? this.titleKey : normalize(text);
    }
    return this.#textKey;
  }
}

/** The task cell of a row whose cells wrap (`TableRow.parts`): its pieces joined, as the row holds it; else null. */
function wrappedTaskCell(task: Task): string | null {
  const row = task.row;
  const k = task.table?.columns.indexOf('task') ?? -1;
  return row?.parts && k >= 0 && row.parts[k]!.length > 1 ? row.cells[k]! : null;
}

/** The span of a row's cell in the column of `role`, when it holds something. */
function cellOf(task: Task, columns: readonly string[], role: string): Span | null {
  const k = columns.indexOf(role);
  const span = k >= 0 ? task.row?.cellSpans?.[k] : undefined;
  return span && span.end > span.start ? span : null;
}

/** The two sides of a plan and how they match, or null when either side is empty (`matchOf`). */
export interface PlanMatch {
  tableRows: TableRowInfo[];
  units: Candidate[];
  candidates: Candidate[];
  result: MatchResult;
}

/**
 * The table's rows and the body's tasks of `plan` (`sidesOf`) and how they match, found once per plan (kept on the plan:
 * the reader asks first, PL011 after it). The rows are the plan's table tasks and the body's tasks its sections: the
 * body tasks the reader adds to `plan.tasks` after asking (those no row lists) change neither side. The rows of a table
 * that lists a body item's own work (`ownWorkTables`) restate nothing of the body: they are left out of the sides, and
 * the rest matched again without them; `tableRows` is empty when no other table is left (nothing to compare, and no
 * body task is listed by a row).
 */
export const matchOf: (plan: PlanDocument) => PlanMatch | null = perDocument((plan: PlanDocument) => {
  const sides = sidesOf(plan);
  if (sides === null) return null;
  const result = match(sides.tableRows, sides.candidates);
  const own = ownWorkTables(plan, sides.tableRows, sides.units, result);
  if (own.size === 0) return { ...sides, result };
  const tableRows = sides.tableRows.filter((row) => row.task.table === null || !own.has(row.task.table));
  return { ...sides, tableRows, result: match(tableRows, sides.candidates) };
});

/**
 * The tables that list other work than the body's tasks, none of whose rows matches a body task: a table that follows the
 * text of a body task (`（二）深化“一网通办”改革。推动…` then `| 1 | 新增“一件事”集成服务 |…`), with nothing but blank
 * lines or that text between them and no caption naming it a list of the plan's tasks (`TASK_TABLE_CAPTION`), lists that
 * item's own work; one anywhere under a caption that names a list of other things (`附件：2026年重点项目清单`:
 * `listsOtherWork`) lists those. A task breakdown restates the body: some of its rows match, or its caption names tasks.
 * Usually none: only the tables none of whose rows matched are placed, in one walk over the sections.
 */
function ownWorkTables(plan: PlanDocument, rows: readonly TableRowInfo[], units: readonly Candidate[], result: MatchResult): Set<Table> {
  const own = new Set<Table>();
  const matched = new Set<Table>();
  for (let r = 0; r < rows.length; r++) {
    const table = rows[r]!.task.table;
    if (table) (result.rowMatched[r] === 1 ? matched : own).add(table);
  }
  for (const table of matched) own.delete(table);
  if (own.size === 0) return own;
  const isUnit = new Set<Section>();
  for (let u = 0; u < units.length; u++) isUnit.add(units[u]!.section);
  const sections = plan.allSections;
  const text = plan.text;
  let i = -1;
  for (const table of [...own].sort((a, b) => a.span.start - b.span.start)) {
    while (i + 1 < sections.length && sections[i + 1]!.marker.span.start < table.span.start) i++;
    // The item the table follows: the last section before it (an inline item's, `一是…`, is its paragraph's).
    let item: Section | null = i >= 0 ? sections[i]! : null;
    if (item !== null && levelOf(item) === 6) item = item.parent;
    const itemsOwn = item !== null && isUnit.has(item) && onlySpaces(text, item.span.end, table.span.start) && !captioned(text, item, table.span.start);
    if (!itemsOwn && !listsOtherWork(text, table.span.start)) own.delete(table);
  }
  return own;
}

/** A caption's words that name a list of things (`清单`, `一览表`, `名单`; not a bare `表`: `推进表` may be a breakdown). */
const LIST_WORDS = /清单|清單|一览|一覽|名单|名單|目录|目錄/;
/**
 * A caption's words that name the plan's tasks or their breakdown (`重点任务`, `分工`, `责任分解`, `工作台账`, `事项`, `民生实事`).
 */
const TASK_WORDS = /任务|任務|分工|分解|责任|責任|工作|台账|臺賬|事项|事項|实事|實事/;
/** How many lines above a table its caption may take (`附件2` then its title). */
const CAPTION_LINES = 2;
/** The longest line read as a caption. */
const MAX_CAPTION = 60;

/**
 * Whether the lines right above the table at `at` (blank lines aside; an attachment's label and title) caption it as a
 * list of other things than the plan's tasks: the line above it, or the one above that when the first names neither,
 * names a list (`LIST_WORDS`) and no tasks (`TASK_WORDS`): `附件：2026年文旅重点项目清单`, `重点项目一览表` under `附件2`; not
 * `附件：重点任务分解表`, `民生实事清单`. A sentence is no caption. Only PL011's comparison leaves such a table out: the body's
 * tasks are read as beside any table.
 */
function listsOtherWork(text: string, at: number): boolean {
  let end = at;
  for (let n = 0; n < CAPTION_LINES; n++) {
    while (end > 0 && isTrimCode(text.charCodeAt(end - 1))) end--;
    if (end === 0) return false;
    const start = text.lastIndexOf('\n', end - 1) + 1;
    if (end - start > MAX_CAPTION) return false;
    const line = toSimplified(text.slice(start, end));
    if (/[。；;]/.test(line) || TASK_WORDS.test(line)) return false;
    if (LIST_WORDS.test(line)) return true;
    end = start;
  }
  return false;
}

/**
 * A caption of a table that names it a list of the plan's tasks or their division (`重点任务分解表`, `表1 年度任务清单`,
 * `责任分工表`, `重点工作台账`), or an attachment's head (`附件2`), in simplified script: a short line of its own, no sentence.
 * A line that only leads into a list (`具体任务如下：`) names no table.
 */
const TASK_TABLE_CAPTION = /^附件|(?:任务|分工|分解|工作)[^，,。；;]{0,12}(?:表|清单|台账)$/;

/**
 * Whether the last line before `at` (where a table starts), within `item` after the line of its marker, is a caption
 * naming a list of tasks (`TASK_TABLE_CAPTION`). Reads that line only.
 */
function captioned(text: string, item: Section, at: number): boolean {
  let end = at;
  while (end > item.marker.span.end && isTrimCode(text.charCodeAt(end - 1))) end--;
  const start = text.lastIndexOf('\n', end - 1) + 1;
  if (start <= item.marker.span.start || end - start > MAX_CAPTION) return false;
  const line = toSimplified(stripNoise(text.slice(start, end))).replace(/^[#>*_\s\u3000]+|[*_:：\s\u3000]+$/g, '');
  return !/[。；;]/.test(line) && TASK_TABLE_CAPTION.test(line);
}

// ---------------------------------------------------------------------------------------------
// Matching.

/** Which rows and candidates matched (1 at their index), and the title pairs in the order they were taken. */
export interface MatchResult {
  rowMatched: Uint8Array;
  candMatched: Uint8Array;
  /** Step 1's pairs, whose lead units PL011 compares: row, task, row, task… */
  titlePairs: number[];
}

/** Dice similarity on titles that step 1 accepts. */
const DICE_MIN = 0.6;
/** Share of a title's bigrams that a task text must hold for step 2. */
const COVER_MIN = 0.8;

/** Matches table rows to body tasks: the three steps of this file's header. */
export function match(rows: readonly MatchRow[], cands: readonly MatchCandidate[]): MatchResult {
  const result: MatchResult = { rowMatched: new Uint8Array(rows.length), candMatched: new Uint8Array(cands.length), titlePairs: [] };
  const { rowMatched, candMatched, titlePairs } = result;
  const grams = new Bigrams();
  const take = (r: number, c: number) => {
    rowMatched[r] = 1;
    candMatched[c] = 1;
    titlePairs.push(r, c);
  };
  // Title bigrams, computed on first use: the equal-titles pass needs none.
  const rowCache: (number[] | undefined)[] = [];
  const candCache: (number[] | undefined)[] = [];
  const rowGrams = (r: number) => (rowCache[r] ??= grams.of(rows[r]!.titleKey));
  const candGrams = (c: number) => (candCache[c] ??= grams.of(cands[c]!.titleKey));
  const score = (r: number, c: number) => titleScore(rows[r]!.titleKey, cands[c]!.titleKey, rowGrams(r), candGrams(c));

  // Score 1: equal titles, or (rarely, with repeated characters) equal bigram sets. Step 1 takes these before any
  // other pair, row by row, each row the first task not yet taken with its key: the tasks of each key's hash are
  // chained in task order (`next`) from the first not yet taken (`first`), and a row takes the first of its chain
  // whose key is its own.
  const { keys, hashes } = perfectKeys(rows, cands);
  const first = new Map<number, number>();
  const next = new Int32Array(cands.length);
  for (let c = cands.length - 1; c >= 0; c--) {
    if (cands[c]!.titleKey.length === 0) continue;
    const h = hashes[rows.length + c]!;
    next[c] = first.get(h) ?? -1;
    first.set(h, c);
  }
  for (let r = 0; r < rows.length; r++) {
    const key = keys[r]!;
    const h = hashes[r]!;
    let c = first.get(h) ?? -1;
    let before = -1;
    while (c >= 0 && keys[rows.length + c] !== key) {
      before = c;
      c = next[c]!;
    }
    if (c < 0) continue;
    if (before < 0) first.set(h, next[c]!);
    else next[before] = next[c]!;
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
    for (const r of leftRows) for (const g of rowGrams(r)) freq.set(g, (freq.get(g) ?? 0) + 1);
    const rowPrefix = new Postings(); // bigram → rows holding it among their dice prefix
    const rowAll = new Postings(); // bigram → rows holding it
    const rowRarest = new Postings(); // bigram → rows (titles of 4 or more) whose rarest bigram it is
    for (const r of leftRows) {
      const order = rarestFirst(rowGrams(r), freq);
      const prefix = dicePrefix(order.length);
      for (let i = 0; i < prefix && i < order.length; i++) rowPrefix.add(order[i]!, r);
      for (const g of order) rowAll.add(g, r);
      if (rows[r]!.titleKey.length >= 4 && order.length > 0) rowRarest.add(order[0]!, r);
    }
    // Each task's candidate rows, each scored once (`seen` holds the task that last looked at a row): rows
    // sharing a bigram of its dice prefix; rows holding its rarest bigram (a title of 4 or more contained in
    // the row's: all its bigrams are the row's); rows whose rarest bigram it holds (the row's title contained
    // in the task's).
    const seen = new Int32Array(rows.length).fill(-1);
    const pairs: { r: number; c: number; score: number }[] = [];
    const consider = (index: Postings, key: number, c: number) => {
      for (const r of index.get(key)) {
        if (seen[r] === c) continue;
        seen[r] = c;
        const s = score(r, c);
        if (s > 0) pairs.push({ r, c, score: s });
      }
    };
    for (const c of leftCands) {
      // A task's bigrams that no row holds come first in the order and find nothing: only the others (`held`,
      // usually few) are ordered and probed; `absent` of the task's bigrams are not held.
      const grams = candGrams(c);
      const held = grams.filter((g) => freq.has(g));
      if (held.length === 0) continue;
      const absent = grams.length - held.length;
      const order = rarestFirst(held, freq);
      const prefix = dicePrefix(grams.length) - absent;
      for (let i = 0; i < prefix && i < order.length; i++) consider(rowPrefix, order[i]!, c);
      // Contained in a row: every bigram held.
      if (cands[c]!.titleKey.length >= 4 && absent === 0) consider(rowAll, order[0]!, c);
      for (const g of order) consider(rowRarest, g, c);
    }
    pairs.sort((x, y) => y.score - x.score || x.r - y.r || x.c - y.c);
    for (const { r, c } of pairs) if (rowMatched[r] === 0 && candMatched[c] === 0) take(r, c);
  }

  const newlyCovered = new Uint8Array(cands.length);
  restatedRows(rows, cands, grams, rowGrams, score, result, newlyCovered);
  restatedTasks(rows, cands, result, newlyCovered);
  for (let c = 0; c < cands.length; c++) if (newlyCovered[c] === 1) candMatched[c] = 1;
  return result;
}

/** Lists of numbers by key. */
class Postings {
  readonly #lists = new Map<number, number[]>();

  add(key: number, value: number): void {
    const list = this.#lists.get(key);
    if (list) list.push(value);
    else this.#lists.set(key, [value]);
  }

  get(key: number): readonly number[] {
    return this.#lists.get(key) ?? NONE;
  }
}

const NONE: readonly number[] = [];

keepShape(new Postings());

/** A title's bigrams, rarest first (fewest rows left holding it, none for a bigram no row holds, then the smaller key): a total order. */
function rarestFirst(grams: readonly number[], freq: Map<number, number>): number[] {
  if (grams.length > 48) return [...grams].sort((a, b) => (freq.get(a) ?? 0) - (freq.get(b) ?? 0) || a - b);
  // A title's few dozen bigrams by insertion, each count looked up once: sorting with a comparator that looks both up
  // costs the matching a sixth more where titles differ (the 1 MB bench plan with 748 table titles altered: 35 → 40 ms).
  const out: number[] = [];
  const counts: number[] = [];
  for (const g of grams) {
    const f = freq.get(g) ?? 0;
    let j = out.length;
    for (; j > 0 && (counts[j - 1]! > f || (counts[j - 1] === f && out[j - 1]! > g)); j--) {
      out[j] = out[j - 1]!;
      counts[j] = counts[j - 1]!;
    }
    out[j] = g;
    counts[j] = f;
  }
  return out;
}

/**
 * Step 2. A task text can cover a title only if it holds ⌈0.8n⌉ of its n bigrams, so one of the n − ⌈0.8n⌉ + 1
 * rarest: each row left is compared with the tasks whose text holds one of those.
 */
function restatedRows(
  rows: readonly MatchRow[],
  cands: readonly MatchCandidate[],
  grams: Bigrams,
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
      const g = grams.key(text.charCodeAt(i), text.charCodeAt(i + 1));
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
    const titleGrams = rowGrams(r);
    const order = [...titleGrams].sort((a, b) => (index.get(a)?.length ?? 0) - (index.get(b)?.length ?? 0) || a - b);
    const found = new Set<number>();
    for (const g of order.slice(0, titleGrams.length - Math.ceil((4 * titleGrams.length) / 5) + 1)) for (const c of index.get(g) ?? []) found.add(c);
    let best = -1;
    let bestScore = 0;
    for (const c of [...found].sort((a, b) => a - b)) {
      if (score(r, c) > 0) continue;
      const s = coverage(title, titleGrams, cands[c]!.textKey(), held.get(c));
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
 * Step 3. Each title left is anchored at one of its bigrams, the one whose bucket (a hash of the bigram's two code
 * units) the cells hold least often; where a cell holds a bigram of that bucket, the titles anchored there are
 * compared in place. Any anchor finds a title a cell holds (at the anchor's place in it), so the buckets' counts
 * only choose rare ones, and a title whose anchor's bucket no cell holds is in no cell. Two passes over the cells,
 * with no index of them and no lookup but an array's.
 */
function restatedTasks(rows: readonly MatchRow[], cands: readonly MatchCandidate[], result: MatchResult, newlyCovered: Uint8Array): void {
  const left: number[] = [];
  let size = 0;
  for (let c = 0; c < cands.length; c++) {
    const title = cands[c]!.titleKey;
    if (result.candMatched[c] === 0 && newlyCovered[c] === 0 && title.length >= 4) {
      left.push(c);
      size += title.length;
    }
  }
  if (left.length === 0) return;
  // Buckets: four or more per bigram of the titles left.
  let log = 10;
  while (1 << log < size * 4 && log < 20) log++;
  const shift = 32 - log;
  const held = new Int32Array(1 << log);
  for (const row of rows) {
    const text = row.textKey();
    for (let i = 0; i + 1 < text.length; i++) held[bucketOf(text.charCodeAt(i), text.charCodeAt(i + 1), shift)]!++;
  }
  // Bucket → the titles anchored there (their index + 1 in `anchorOf`, chained by `nextAnchor`), each with where in
  // its title the anchor is.
  const first = new Int32Array(1 << log);
  const anchorOf: number[] = [0];
  const offsetOf: number[] = [0];
  const nextAnchor: number[] = [0];
  for (const c of left) {
    const title = cands[c]!.titleKey;
    let offset = 0;
    let bucket = bucketOf(title.charCodeAt(0), title.charCodeAt(1), shift);
    for (let i = 1; i + 1 < title.length; i++) {
      const b = bucketOf(title.charCodeAt(i), title.charCodeAt(i + 1), shift);
      if (held[b]! < held[bucket]!) {
        bucket = b;
        offset = i;
      }
    }
    // A bucket no cell holds: no cell holds the title.
    if (held[bucket] === 0) continue;
    anchorOf.push(c);
    offsetOf.push(offset);
    nextAnchor.push(first[bucket]!);
    first[bucket] = anchorOf.length - 1;
  }
  if (anchorOf.length === 1) return;
  for (const row of rows) {
    const text = row.textKey();
    for (let i = 0; i + 1 < text.length; i++) {
      for (let a = first[bucketOf(text.charCodeAt(i), text.charCodeAt(i + 1), shift)]!; a !== 0; a = nextAnchor[a]!) {
        const c = anchorOf[a]!;
        const offset = offsetOf[a]!;
        if (newlyCovered[c] === 0 && i >= offset && text.startsWith(cands[c]!.titleKey, i - offset)) newlyCovered[c] = 1;
      }
    }
  }
}

/** The bucket of the bigram of code units `a` then `b`, among 2^(32 − `shift`). */
function bucketOf(a: number, b: number, shift: number): number {
  return Math.imul((a << 16) | b, 0x9e3779b1) >>> shift;
}

/** How many of a title's n rarest bigrams a Dice match at 0.6 must share one of: n − ⌈3n/7⌉ + 1. */
function dicePrefix(n: number): number {
  return n - Math.ceil((3 * n) / 7) + 1;
}

/**
 * Keys equal for two titles exactly when they score 1 (rows' titles, then tasks'), each with a hash (equal keys, equal
 * hashes). Equal titles, or equal bigram sets: two different titles have the same bigram set only if both repeat a
 * character (without one, the bigrams form a simple path that no other string shares) and they hold the same
 * characters; so the title itself is its key unless another title that repeats a character has the same character
 * set (by hash), and only those few get their sorted bigram set as key (marked by a leading U+0000, which
 * `normalize` keeps, so a title could hold it: a title's key is then U+0001 plus the title). A title's hash is read
 * in the same pass as its character set; the few bigram-set keys are hashed apart.
 */
function perfectKeys(rows: readonly MatchRow[], cands: readonly MatchCandidate[]): { keys: string[]; hashes: Int32Array } {
  const titles: string[] = [];
  for (let r = 0; r < rows.length; r++) titles.push(rows[r]!.titleKey);
  for (let c = 0; c < cands.length; c++) titles.push(cands[c]!.titleKey);
  const { sets, hashes } = titleHashes(titles);
  // The first title with each character set's hash, and the hashes that two different titles share.
  const firstWith = new Map<number, string>();
  const crowded = new Set<number>();
  for (let i = 0; i < titles.length; i++) {
    const h = sets[i]!;
    if (h < 0) continue;
    const first = firstWith.get(h);
    if (first === undefined) firstWith.set(h, titles[i]!);
    else if (first !== titles[i]) crowded.add(h);
  }
  const keys: string[] = [];
  for (let i = 0; i < titles.length; i++) {
    const t = titles[i]!;
    if (crowded.size > 0 && crowded.has(sets[i]!)) {
      const key = '\u0000' + gramKey(t);
      keys.push(key);
      hashes[i] = stringHash(key);
    } else keys.push(t.charCodeAt(0) <= 1 ? '\u0001' + t : t);
  }
  return { keys, hashes };
}

/**
 * For each title, a hash of its set of code units when it repeats one, else −1 (`sets`), and a hash of the title
 * (`hashes`); 30 bits, which a Map keeps unboxed.
 */
function titleHashes(titles: readonly string[]): { sets: Int32Array; hashes: Int32Array } {
  // The title in which each code unit was last seen (+1; 0: none): a repeat is found without a set per title.
  const seenIn = SEEN_IN.reset();
  const sets = new Int32Array(titles.length);
  const hashes = new Int32Array(titles.length);
  for (let t = 0; t < titles.length; t++) {
    const title = titles[t]!;
    let repeats = false;
    let h = 0;
    let whole = 0;
    for (let i = 0; i < title.length; i++) {
      const code = title.charCodeAt(i);
      whole = (Math.imul(whole, 31) + code) | 0;
      if (seenIn.get(code) === t + 1) {
        repeats = true;
        continue;
      }
      seenIn.set(code, t + 1);
      h = (h + Math.imul(code ^ 0x5bd1e995, 0x9e3779b1)) | 0;
    }
    sets[t] = repeats ? h >>> 2 : -1;
    hashes[t] = whole >>> 2;
  }
  return { sets, hashes };
}

/** A hash of `s` (30 bits), as `titleHashes` gives a title's. */
function stringHash(s: string): number {
  let whole = 0;
  for (let i = 0; i < s.length; i++) whole = (Math.imul(whole, 31) + s.charCodeAt(i)) | 0;
  return whole >>> 2;
}

/** The sorted bigram set of `title` as a string (two code units per bigram). */
function gramKey(title: string): string {
  const pairs = new Set<number>();
  for (let i = 0; i + 1 < title.length; i++) pairs.add(title.charCodeAt(i) * 0x10000 + title.charCodeAt(i + 1));
  let key = '';
  for (const p of [...pairs].sort((a, b) => a - b)) key += String.fromCharCode(Math.floor(p / 0x10000), p % 0x10000);
  return key;
}

/** Step 1's score of two title keys (0: no match); `ga`, `gb` their bigrams, sorted. */
function titleScore(a: string, b: string, ga: readonly number[], gb: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a === b) return 1;
  const short = a.length <= b.length ? a : b;
  const long = a.length <= b.length ? b : a;
  const contained = short.length >= 4 && long.includes(short) ? 0.6 + (0.4 * short.length) / long.length : 0;
  const d = dice(ga, gb);
  return Math.max(contained, d >= DICE_MIN ? d : 0);
}

/** Step 2's coverage of `title` by a task text (`textHolds`: the title's bigrams the text holds), 0 below the bar. */
function coverage(title: string, titleGrams: readonly number[], text: string, textHolds: Set<number> | undefined): number {
  if (title.length < 4 || text.length === 0) return 0;
  if (text.includes(title)) return 1;
  if (titleGrams.length < 4 || !textHolds) return 0;
  let shared = 0;
  for (const g of titleGrams) if (textHolds.has(g)) shared++;
  const share = shared / titleGrams.length;
  return share >= COVER_MIN ? share : 0;
}

/** Dice similarity of two sorted sets of bigrams. */
function dice(a: readonly number[], b: readonly number[]): number {
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
 * A number per UTF-16 code unit (0 until set), for one matching. The storage is made on first use and kept for the
 * process: a stamp per entry says which matching wrote it, so `reset` forgets every value at once. (A table made and
 * cleared per plan — whole, or in pages made as code units were met — cost a small plan more than its matching.)
 * Each entry's stamp and value lie side by side, so that a lookup reads one place of the table, not two: a plan's
 * characters are scattered over it, and a small plan's matching waits on memory more than it computes.
 * Matchings never overlap (each runs to its end in one call), so each use has one table of its own below.
 */
class CodeTable {
  /** Stamp, value, stamp, value… by code unit. */
  private entries: Int32Array | null = null;
  private stamp = 0;

  /** Forgets every value: the start of a matching. */
  reset(): this {
    if (this.entries === null || this.stamp === 0x7fffffff) {
      this.entries = new Int32Array(0x20000);
      this.stamp = 0;
    }
    this.stamp++;
    return this;
  }

  get(code: number): number {
    return this.entries![2 * code] === this.stamp ? this.entries![2 * code + 1]! : 0;
  }

  set(code: number, value: number): void {
    this.entries![2 * code] = this.stamp;
    this.entries![2 * code + 1] = value;
  }
}

/** `titleHashes`' table: the title in which each code unit was last seen. */
const SEEN_IN = new CodeTable();
/** `Bigrams`' table: each code unit's number. */
const CODE_IDS = new CodeTable();
/** Room for `Bigrams.of` to sort one title's keys, grown as needed. */
let sorting = new Float64Array(256);

/**
 * The bigram keys of one matching: a number per pair of code units, the same pair always the same number. Code
 * units are numbered in the order first seen, 15 bits each, so that a bigram is a small integer (below 2^30; V8
 * keeps those unboxed as Map and Set keys, where the plain 32-bit pair is a heap number allocated on each lookup);
 * past the 32,767 numbers, the units left over give the exact key 2^30 + a·2^16 + b, disjoint from the small ones.
 */
class Bigrams {
  /** Code unit → its number (0: none yet). */
  private readonly ids = CODE_IDS.reset();
  private next = 1;

  /** The key of the bigram of code units `a` then `b`. */
  key(a: number, b: number): number {
    const ia = this.id(a);
    const ib = this.id(b);
    return ia !== 0 && ib !== 0 ? (ia << 15) | ib : 0x40000000 + a * 0x10000 + b;
  }

  /** The distinct bigrams of `s`, as keys, in ascending order. */
  of(s: string): number[] {
    const n = Math.max(0, s.length - 1);
    // Sorted in a typed array, then copied without repeats: a set and a sorted copy per title cost PL011 more than the rest of the matching (1 MB bench plan: 4.7 → 10 ms).
    if (n > sorting.length) sorting = new Float64Array(Math.max(n, 2 * sorting.length));
    const keys = sorting.subarray(0, n);
    for (let i = 0; i < n; i++) keys[i] = this.key(s.charCodeAt(i), s.charCodeAt(i + 1));
    keys.sort();
    const out: number[] = [];
    for (let i = 0; i < n; i++) if (i === 0 || keys[i] !== keys[i - 1]) out.push(keys[i]!);
    return out;
  }

  private id(code: number): number {
    const id = this.ids.get(code);
    if (id !== 0 || this.next > 0x7fff) return id;
    this.ids.set(code, this.next);
    return this.next++;
  }
}

keepShape(new Bigrams());

// ---------------------------------------------------------------------------------------------
// Keys.

/** Never a punctuation mark, symbol or space after folding: what `normalize` removes. */
const DROPPED = /^[\s\p{P}\p{S}]$/u;

/**
 * Per UTF-16 code unit: what `normalize` turns it into (−1 removed, −2 not yet known). Filled on first use of each
 * code unit: a table of a pure function, the same for every document.
 */
const FOLDED = new Int32Array(0x10000).fill(-2);
/**
 * A bit per UTF-16 code unit that `normalize` is known to keep as it is: most characters of a title. Their lookups
 * read this small table only (the Han block is 2.6 KB of it), not the scattered places of `FOLDED`.
 */
const KEPT = new Int32Array(0x10000 >> 5);

function foldedOf(code: number): number {
  const width = code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code === 0x3000 || code === 0xa0 ? 0x20 : code;
  const ch = toSimplified(String.fromCharCode(width));
  return DROPPED.test(ch) ? -1 : ch.charCodeAt(0);
}

/**
 * A title's or a text's key: width and script folded, pinyin noise, punctuation, symbols and spaces removed — the
 * string `toSimplified(foldWidth(stripNoise(text))).replace(/[\s\p{P}\p{S}]/gu, '')` (the test's reference), in one
 * pass with a table per code unit. Both mappings are per code unit and never touch surrogates, so a surrogate pair
 * is one code point before and after them.
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
    const bit = 1 << (code & 31);
    if ((KEPT[code >> 5]! & bit) !== 0) continue;
    let to = FOLDED[code]!;
    if (to === -2) to = FOLDED[code] = foldedOf(code);
    if (to === code) {
      KEPT[code >> 5]! |= bit;
      continue;
    }
    out += s.slice(from, i);
    if (to >= 0) out += String.fromCharCode(to);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}
