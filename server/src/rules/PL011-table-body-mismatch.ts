// PL011 table-body-mismatch: the task table (任务分解表) and the body disagree — a task in one and not the other, or a different lead unit.
import { foldWidth, stripNoise, toSimplified, unitKey } from '../model/text.js';
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
    // A row naming no unit and no deadline is a category heading inside the table (`一、放管服改革`), not a task.
    const rows = (plan.tasks ?? []).filter(
      (t) => t?.source === 'table' && t.row && ((t.lead ?? []).length > 0 || (t.responsible ?? []).length > 0 || (t.deadlines ?? []).length > 0),
    );
    if (rows.length === 0) return;
    const units = bodyUnits(plan);
    if (units.length === 0) return;
    const candidates = units.flatMap((u) => [u, ...u.items]);
    const tableRows = rows.map((task) => tableRowOf(plan, task)).filter((r) => r.titleKey.length > 0);
    const result = match(tableRows, candidates);

    for (const row of tableRows) {
      if (result.rowMatched.has(row)) continue;
      report({ messageId: 'rowMissing', span: row.span, data: { ...rowLabel(row.task), title: shorten(row.task.title) } });
    }
    // A section without a title cannot be matched, so its absence from the table is not reported either.
    const reportable = (c: Candidate) => c.titleKey.length > 0;
    for (const unit of units) {
      const matchedItems = unit.items.filter((i) => result.candMatched.has(i));
      if (!result.candMatched.has(unit) && matchedItems.length === 0) {
        if (!reportable(unit) && unit.items.length === 0) continue;
        report({ messageId: 'bodyMissing', span: unit.section.marker.span, data: bodyLabel(unit) });
        continue;
      }
      // Items are compared one by one only when the table goes down to them (some sibling has its own row).
      if (matchedItems.length === 0) continue;
      for (const item of unit.items) {
        if (!result.candMatched.has(item) && reportable(item)) report({ messageId: 'bodyMissing', span: item.section.marker.span, data: bodyLabel(item) });
      }
    }

    // Lead units are compared only for one-to-one title matches where both sides name a lead. A body that names
    // no unit at all (the table is often the only place units are written) thus never yields a lead finding.
    const canonical = aliasMap(settings.units ?? []);
    for (const [row, cand] of result.titlePairs) {
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

// ---------------------------------------------------------------------------------------------
// The body's tasks.

/** A task-like part of the body: a leaf section, or an inline item (`一是…`) of one. */
interface Candidate {
  section: Section;
  /** Inline items under a leaf section (empty for an item). */
  items: Candidate[];
  title: string;
  /** Normalised title and own text (the section's paragraphs without its children). */
  titleKey: string;
  textKey: string;
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
  for (const section of plan.allSections ?? []) {
    if (!section?.marker?.span || section.nonTask || levelOf(section) > 5) continue;
    const children = (section.children ?? []).filter((c) => c?.marker?.span);
    if (children.some((c) => levelOf(c) <= 5)) continue;
    if (levelOf(section) < 2 && (section.attributions ?? []).length === 0) continue;
    const unit = candidateOf(plan, section);
    unit.items = children.filter((c) => levelOf(c) === 6 && !c.nonTask).map((c) => candidateOf(plan, c));
    units.push(unit);
  }
  return units;
}

const levelOf = (s: Section | null | undefined): number => s?.marker?.level ?? 0;

function candidateOf(plan: PlanDocument, section: Section): Candidate {
  const title = typeof section.title === 'string' ? section.title : '';
  const body = section.bodySpan ?? section.span;
  const ownText = body ? plan.text.slice(section.marker.span.end, body.end) : '';
  return { section, items: [], title, titleKey: normalize(title), textKey: normalize(ownText) };
}

/**
 * Lead units of a body task: its own, else its paragraph's, else the nearest heading's. Inline items are parts
 * of their paragraph unless two or more of them carry an attribution each (the model's reading): otherwise an
 * attribution written after the last item speaks for the whole paragraph and for every item in it.
 */
function leadOf(cand: Candidate): UnitMention[] {
  const leadsIn = (s: Section) => (s.attributions ?? []).flatMap((a) => a.lead ?? []);
  const itemsOf = (s: Section) => (s.children ?? []).filter((c) => levelOf(c) === 6);
  const separate = (s: Section) => itemsOf(s).filter((c) => (c.attributions ?? []).length > 0).length >= 2;
  const paragraph = (s: Section) => (separate(s) ? leadsIn(s) : [...leadsIn(s), ...itemsOf(s).flatMap(leadsIn)]);
  const section = cand.section;
  let lead = levelOf(section) === 6 ? leadsIn(section) : paragraph(section);
  let up = section.parent;
  if (lead.length === 0 && levelOf(section) === 6 && up) {
    if (!separate(up)) lead = paragraph(up);
    up = up.parent;
  }
  for (; lead.length === 0 && up; up = up.parent) lead = leadsIn(up);
  return lead;
}

// ---------------------------------------------------------------------------------------------
// The table's rows.

interface TableRowInfo {
  task: Task;
  span: Span;
  leadSpan: Span | null;
  titleKey: string;
  /** The whole task cell, normalised. */
  textKey: string;
}

function tableRowOf(plan: PlanDocument, task: Task): TableRowInfo {
  const columns = task.table?.columns ?? [];
  const cell = (role: string): Span | null => {
    const k = columns.indexOf(role as never);
    const span = k >= 0 ? task.row?.cellSpans?.[k] : undefined;
    return span && span.end > span.start ? span : null;
  };
  const taskCell = cell('task');
  return {
    task,
    span: taskCell ?? task.span,
    leadSpan: cell('lead'),
    titleKey: normalize(task.title ?? ''),
    textKey: normalize(taskCell ? plan.text.slice(taskCell.start, taskCell.end) : task.title ?? ''),
  };
}

// ---------------------------------------------------------------------------------------------
// Matching.

interface MatchResult {
  rowMatched: Set<TableRowInfo>;
  candMatched: Set<Candidate>;
  /** One-to-one matches by title: the pairs whose lead units are compared. */
  titlePairs: [TableRowInfo, Candidate][];
}

/** Dice similarity on titles that one-to-one matching accepts. */
const DICE_MIN = 0.6;
/** Share of a title's bigrams that must occur in the other side's text for a restated-text match. */
const COVER_MIN = 0.8;
/** Above this many row × task pairs (far beyond real plans), only equal titles are matched: huge inputs stay linear. */
const PAIR_BUDGET = 200_000;

/**
 * Two passes. First, titles one-to-one: a pair matches when one normalised title contains the other or their
 * bigram Dice similarity is at least 0.6; the best pairs win, each row and task used once. Second, restated
 * text, many-to-one: a row still unmatched matches the task whose own text holds (nearly all of) its title —
 * tables often split one body item into several rows, each restating a sentence — unless its title matches
 * that task's title (then it is a second row for a task that already has one); and a task still unmatched is
 * matched when some row's task cell holds its whole title.
 */
function match(rows: TableRowInfo[], cands: Candidate[]): MatchResult {
  const result: MatchResult = { rowMatched: new Set(), candMatched: new Set(), titlePairs: [] };
  if (rows.length * cands.length > PAIR_BUDGET) return matchEqualTitles(rows, cands, result);

  const rowGrams = rows.map((r) => bigrams(r.titleKey));
  const candGrams = cands.map((c) => bigrams(c.titleKey));
  const pairs: { r: number; c: number; score: number }[] = [];
  rows.forEach((row, r) => {
    cands.forEach((cand, c) => {
      const score = titleScore(row.titleKey, cand.titleKey, rowGrams[r]!, candGrams[c]!);
      if (score > 0) pairs.push({ r, c, score });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.r - b.r || a.c - b.c);
  for (const { r, c } of pairs) {
    const row = rows[r]!;
    const cand = cands[c]!;
    if (result.rowMatched.has(row) || result.candMatched.has(cand)) continue;
    result.rowMatched.add(row);
    result.candMatched.add(cand);
    result.titlePairs.push([row, cand]);
  }

  const candTextGrams = cands.map((c) => bigrams(c.textKey));
  const newlyCovered = new Set<Candidate>();
  rows.forEach((row, r) => {
    if (result.rowMatched.has(row)) return;
    let best = -1;
    let bestScore = 0;
    cands.forEach((cand, c) => {
      if (titleScore(row.titleKey, cand.titleKey, rowGrams[r]!, candGrams[c]!) > 0) return;
      const score = coverage(row.titleKey, rowGrams[r]!, cand.textKey, candTextGrams[c]!);
      // On a tie the more specific inline item wins over the section that holds it.
      const better = score > bestScore || (score > 0 && score === bestScore && levelOf(cand.section) === 6 && levelOf(cands[best]?.section) !== 6);
      if (better) {
        best = c;
        bestScore = score;
      }
    });
    if (best >= 0) {
      result.rowMatched.add(row);
      newlyCovered.add(cands[best]!);
    }
  });
  cands.forEach((cand) => {
    if (result.candMatched.has(cand) || newlyCovered.has(cand) || cand.titleKey.length < 4) return;
    if (rows.some((row) => row.textKey.includes(cand.titleKey))) newlyCovered.add(cand);
  });
  newlyCovered.forEach((c) => result.candMatched.add(c));
  return result;
}

function matchEqualTitles(rows: TableRowInfo[], cands: Candidate[], result: MatchResult): MatchResult {
  const byTitle = new Map<string, Candidate[]>();
  for (const c of cands) {
    if (c.titleKey.length === 0) continue;
    const list = byTitle.get(c.titleKey) ?? [];
    list.push(c);
    byTitle.set(c.titleKey, list);
  }
  for (const row of rows) {
    const cand = byTitle.get(row.titleKey)?.shift();
    if (!cand) continue;
    result.rowMatched.add(row);
    result.candMatched.add(cand);
    result.titlePairs.push([row, cand]);
  }
  return result;
}

/** 0 when the titles do not match; otherwise how well (equal 1, containment 0.6–1, else the Dice similarity). */
function titleScore(a: string, b: string, ga: Set<string>, gb: Set<string>): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const contained = short.length >= 4 && long.includes(short) ? 0.6 + (0.4 * short.length) / long.length : 0;
  const d = dice(ga, gb);
  return Math.max(contained, d >= DICE_MIN ? d : 0);
}

/** How much of `title` the text restates: 1 when it holds it whole, else the share of its bigrams, 0 below the bar. */
function coverage(title: string, titleGrams: Set<string>, text: string, textGrams: Set<string>): number {
  if (title.length < 4 || text.length === 0) return 0;
  if (text.includes(title)) return 1;
  if (titleGrams.size < 4) return 0;
  let shared = 0;
  for (const g of titleGrams) if (textGrams.has(g)) shared++;
  const share = shared / titleGrams.size;
  return share >= COVER_MIN ? share : 0;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** Folds width and script, removes pinyin noise, punctuation, symbols and spaces. */
export function normalize(text: string): string {
  return toSimplified(foldWidth(stripNoise(text))).replace(/[\s\p{P}\p{S}]/gu, '');
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
