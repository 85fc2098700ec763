// `parsePlan`: from plan text to the PlanDocument model — outline, tasks, attribution, deadlines, tables. Never throws.
// Over 400 lines: the section tree, what assigns no work (notices, attachments, named sections), the lead conventions
// and the tasks are one reading of the body; attributions, deadlines and tables are read in their own modules.
import {
  DATE_LINE,
  leadsAfterBy,
  markedUnits,
  namedList,
  parseArabic,
  parseChineseNumeral,
  parseCircled,
  parseDecimal,
  parseText,
  spacedValueAt,
  tokens as T,
  unitsThenVerb,
  type Block,
  type IToken,
  type ParsedText,
} from '../../../grammar/index.js';
import { keepShape } from '../../../grammar/shapes.js';
import { conventionIn, COOPERATING_WORDS, newScratch, placeDeadlines, placeWrittenDeadline, promoteMarked, proseDeadlines, readAttributions, unitHeading, unitsIn, WORK_START, type AttributionContext, type LeadConvention } from './attribution.js';
import { joinListedTasks, taskListAttachments } from './attachments.js';
import { matchOf } from './table-match.js';
import { ListBuffer } from './buffer.js';
import { contentsSpan } from './contents.js';
import { fieldMemo, findPlanPeriod } from './deadline.js';
import { PlacedDirective, PlacedMarker, PlacedParseProblem, PlacedRow, PlacedSection, PlacedTask, PlacedUnnumbered, type TaskFields } from './located.js';
import { createLineMap, type LineTable } from './positions.js';
import { withMemoSlot } from './remember.js';
import { DEFAULT_NON_TASK_SECTIONS } from '../config/config.js';
import { decideKind, findNoticeIssues, findNoticeRequires } from './kind.js';
import { NUMBERING_SLOTS, numberingSlot, restartsNewPart, separateListWalker } from './numbering.js';
import { defaultLead, responsibleParty } from './party.js';
import { carriedBelow, sameAsAboveRoles, saysSameAsAbove } from './same-below.js';
import { columnRole, findTables, headerWords, joinedCell, PERSON_HEADER, titleColumns } from './tables.js';
import { readRemarkLead, readUnitCells, REMARK_HEADER, type UnitCellOptions } from './table-units.js';
import { isSpace, isSpaceCode, isTrimCode, oneLine, readableText, stripNoise, toSimplified, trimSpan } from './text.js';
import type {
  Attribution,
  Deadline,
  Directive,
  Level,
  Marker,
  MarkerStyle,
  NumberingMode,
  ParseOptions,
  PlanDocument,
  PlanPeriod,
  RoleFlags,
  Section,
  SeparateList,
  Span,
  Table,
  TableRow,
  Task,
  UnitMention,
  UnitRole,
  UnnumberedAttribution,
} from './types.js';

/** Section titles that assign no work (DESIGN §1.1): the configuration's default list, the one definition. */
export { DEFAULT_NON_TASK_SECTIONS };

const end = (t: IToken) => t.startOffset + t.image.length;

/** Reads a plan. Never throws: on an internal failure it returns an empty model with one problem. */
export function parsePlan(text: string, options: ParseOptions = {}): PlanDocument {
  return planOf(text, null, options);
}

/**
 * The model's own work on a text the grammar has already read (`parsed` = `parseText(readableText(text))`): what the
 * model benchmark times apart from the grammar. `parsePlan(text)` is `planFromParsed(text, parseText(readableText(text)))`.
 */
export function planFromParsed(text: string, parsed: ParsedText, options: ParseOptions = {}): PlanDocument {
  return planOf(text, parsed, options);
}

/**
 * Reads `written` as `readableText` gives it (colons of other forms as `：`, code unit for code unit); the plan keeps the
 * text as written, which its ranges, the features and the fixes read.
 */
function planOf(written: string, parsed: ParsedText | null, options: ParseOptions): PlanDocument {
  const text = readableText(written);
  const lines = createLineMap(text);
  try {
    const plan = emptyPlan(text, lines);
    // Two steps, so that nothing holds the grammar's result past the first: its tokens (80,000 per MB) are then
    // garbage while the tables and tasks are read, and a collection meanwhile does not copy them.
    const body = readBody(plan, lines, parsed ?? parseText(text), options);
    readTasks(plan, body);
    plan.text = written;
    return plan;
  } catch (error) {
    const span = { start: 0, end: 0 };
    const plan = emptyPlan(written, lines);
    plan.problems = [new PlacedParseProblem(`internal error while reading the plan: ${String(error)}`, span, lines)];
    return plan;
  }
}

function emptyPlan(text: string, lines: LineTable): PlanDocument {
  return withMemoSlot({
    text,
    title: '',
    titleRange: null,
    kind: 'plan',
    kindDecision: { kind: 'plan', positive: false, reasons: [] },
    period: null,
    sections: [],
    allSections: [],
    tasks: [],
    units: [],
    tables: [],
    unnumbered: [],
    directives: [],
    numbering: 'unknown',
    separateLists: [],
    excerpt: false,
    problems: [],
    lines,
  });
}

// The shape of a plan, kept for the process (`keepShape`).
keepShape(emptyPlan('', createLineMap('')));

/** What the section tree gives the tasks. */
interface Body {
  built: BuiltSections;
  ctx: AttributionContext;
  convention: LeadConvention;
  /** The attachments that list tasks (`附件` `重点任务清单` `一、…` `1.…`), each its own section tree; usually none. */
  lists: TaskList[];
  /** The document's tables (`findTables`). */
  tables: Table[];
}

/** An attachment's list of tasks, read as the body is. */
interface TaskList {
  built: BuiltSections;
  /** From its first numbered item to the attachment's end: its items number among themselves. */
  span: Span;
  /** Another plan the covering notice issues: its tasks are its own, matched to none of the body's. */
  issuedPlan: boolean;
}

/** The convention a plan states about leads (anywhere: its covering notice, its first attribution, a note). */
export function leadConvention(text: string): LeadConvention {
  // Only the sentences around a `牵头单位` near `第一位` / `首位` / `即为` / `依次` are folded and read, not the whole text.
  let convention: LeadConvention = 'none';
  // An `exec` loop: `matchAll` copies the pattern and makes an iterator for every text, the larger cost on a small plan.
  CONVENTION_HINT.lastIndex = 0;
  for (let hit = CONVENTION_HINT.exec(text); hit !== null; hit = CONVENTION_HINT.exec(text)) {
    const window = toSimplified(stripNoise(text.slice(Math.max(0, hit.index - 60), hit.index + 60))).replace(/[\s\u3000]+/g, '');
    const stated = conventionIn(window);
    if (stated === 'first') return 'first';
    if (stated === 'all') convention = 'all';
  }
  return convention;
}

/** Where a convention may be stated: the words it cannot do without (either script, pinyin noise aside). */
const CONVENTION_HINT = /第一[位个個家的责責]|首位|首[个個家]|最前|即[为為]|就是|依次/g;

/** From the grammar's result: problems, directives, title, period, kind and the section tree. */
function readBody(plan: PlanDocument, lines: LineTable, parsed: ParsedText, options: ParseOptions): Body {
  const { text } = plan;
  plan.problems = parsed.errors.map((e) => new PlacedParseProblem(e.message, { start: e.offset, end: e.offset }, lines));
  plan.directives = readDirectives(parsed.comments, lines);

  const title = findTitle(text, lines);
  plan.title = title?.text ?? '';
  plan.titleRange = title ? lines.rangeOf(title.span) : null;
  plan.period = readPeriod(title?.text ?? '', text, options);
  plan.kindDecision = decideKind(text, options.kind);
  plan.kind = plan.kindDecision.kind;

  const ctx: AttributionContext = {
    text,
    lines,
    readsTasks: plan.kind === 'plan',
    deadlines: { period: plan.period ? { start: plan.period.start, end: plan.period.end } : null, dates: new Map(), fields: fieldMemo(plan.period?.start ?? null) },
    names: new Map(),
    units: [],
    scratch: newScratch(),
  };
  const notice = noticeEnd(text, lines);
  // A table of contents lists the headings: no part of the outline (the attachments are looked for after it).
  const contents = contentsSpan(text, lines);
  const bodyEnd = attachmentStart(text, parsed.blocks, Math.max(notice, contents?.end ?? 0));
  const nonTask = nonTaskPatternOf(options.nonTaskSections ?? DEFAULT_NON_TASK_SECTIONS);
  const built = buildSections(parsed.tokens, parsed.blocks, bodyEnd, ctx, nonTask, notice, contents);
  if (plan.kind === 'plan') {
    built.party = responsibleParty(text, plan.title, ctx);
    // `以下任务未标明牵头单位的，均由县发改局牵头`: the statement's unit leads the tasks that name none; the statement names no
    // task of its own (no unnumbered attribution).
    const stated = built.party.length === 0 ? defaultLead(text, ctx) : null;
    if (stated !== null) {
      built.party = stated.units;
      built.unnumbered = built.unnumbered.filter((u) => u.span.end <= stated.span.start || u.span.start >= stated.span.end);
    }
  }
  plan.sections = built.roots;
  plan.allSections = built.all;
  plan.unnumbered = built.unnumbered;
  plan.separateLists = built.separateLists;
  plan.numbering = numberingMode(built.all, built.separateLists);
  plan.excerpt = built.all.length > 0 && (!headingBefore(text, built.all[0]!.marker.span.start) || startsPastOne(built.all[0]!));
  // The tables are found before the attachments' lists are read: a task table is the plan's list of tasks, and a
  // numbered list beside it is not read (reading one only to drop it cost a small plan with both more than finding
  // the tables).
  const tables = findTables(text, lines);
  const lists = plan.kind === 'plan' && bodyEnd < text.length && !tables.some(holdsRows) ? readTaskLists(parsed, bodyEnd, ctx, nonTask, notice) : [];
  return { built, ctx, convention: leadConvention(text), lists, tables };
}

const holdsRows = (table: Table): boolean => table.rows.length > 0;

/**
 * The attachments after `bodyEnd` whose title says they list tasks (`taskListAttachments`), read as the body is, each
 * its own section tree: those whose items assign work (a unit or a deadline named in one), or that the title calls
 * tasks (`任务清单`, `分工方案`) whatever their items say; so is another plan the covering notice (to `notice`) issues.
 */
function readTaskLists(parsed: ParsedText, bodyEnd: number, ctx: AttributionContext, nonTask: NonTaskNames, notice: number): TaskList[] {
  const lists: TaskList[] = [];
  const { blocks } = parsed;
  const noticeWords = notice > 0 ? toSimplified(stripNoise(ctx.text.slice(0, notice))) : '';
  for (const attachment of taskListAttachments(ctx.text, bodyEnd, noticeWords)) {
    const units = ctx.units!.length;
    const first = firstBlockFrom(blocks, attachment.span.start);
    const built = buildSections(parsed.tokens, blocks, attachment.span.end, ctx, nonTask, 0, null, first);
    const assigns = built.all.length > 0 && (attachment.namesTasks || built.all.some((s) => built.info.get(s)!.own.length > 0));
    if (!assigns) {
      ctx.units!.length = units;
      continue;
    }
    lists.push({ built, span: { start: built.all[0]!.marker.span.start, end: attachment.span.end }, issuedPlan: attachment.issuedPlan });
  }
  return lists;
}

/** The index of the first of `blocks` (in text order) that starts at `offset` or after it. */
function firstBlockFrom(blocks: Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (blocks[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** From the text and the section tree: tables, tasks and units. */
function readTasks(plan: PlanDocument, { built, ctx, convention, lists, tables }: Body): void {
  plan.tables = tables;
  const taskTables = tables.filter(holdsRows);
  if (plan.kind === 'plan' && taskTables.length > 0) {
    // A task table is the plan's list of tasks: an attachment's numbered list beside it was not read (`readBody`).
    plan.tasks = tableTasks(taskTables, ctx, convention);
    // What the body's reading found inside the table is its cells (`配合：县住建局` on a cell's second line), read as
    // rows: no paragraph lacking its number.
    plan.unnumbered = outsideTables(plan.unnumbered, taskTables);
    // The body's tasks that no row lists (a table of other work beside them) are tasks too, in text order.
    const unlisted = unlistedBodyTasks(plan, built, ctx, convention);
    if (unlisted.length > 0) plan.tasks = byPosition(unlisted, plan.tasks);
  } else if (plan.kind === 'plan') {
    // The body's first: the lists' sections join the plan's lists of sections, which are the body's own.
    const own = bodyTasks(built, ctx, convention);
    const listed: Task[] = [];
    const issued: Task[] = [];
    for (const list of lists) {
      addTaskList(plan, list);
      // A statement in the body that gives every task its deadline gives the lists' tasks theirs too; another plan
      // issued beside the body states its own.
      if (!list.issuedPlan) for (const d of built.everyTask) list.built.everyTask.push(d);
      for (const t of bodyTasks(list.built, ctx, convention)) (list.issuedPlan ? issued : listed).push(t);
    }
    plan.tasks = joinListedTasks(plan.text, own, listed);
    for (const t of issued) plan.tasks.push(t);
  }
  plan.tasks.forEach((task, index) => (task.index = index));
  plan.units = collectUnits(ctx.units!);
}

/**
 * The body's tasks that no row of the plan's task tables lists (`matchOf`, as PL011 matches them): a body task a row
 * restates is read once, from the row; one the table leaves out is read and checked as the rows are when it gives its
 * own work out (a unit or a deadline written in it: a table of other work beside it). A body item that names none beside
 * a table that gives the units out, its rows in other words (`强化要素保障` over the rows `用地保障` `用能保障`), is the
 * table's: PL011 compares the two, no task is read twice.
 */
function unlistedBodyTasks(plan: PlanDocument, built: BuiltSections, ctx: AttributionContext, convention: LeadConvention): Task[] {
  const found = matchOf(plan);
  if (found === null) return [];
  const { units, result } = found;
  const unlisted = new Set<Section>();
  for (let u = 0, at = 0; u < units.length; at += 1 + units[u]!.items.length, u++) {
    const unit = units[u]!;
    let listed = result.candMatched[at] === 1;
    for (let k = 0; k < unit.items.length && !listed; k++) listed = result.candMatched[at + 1 + k] === 1;
    if (listed) continue;
    unlisted.add(unit.section);
    for (const item of unit.items) unlisted.add(item.section);
  }
  if (unlisted.size === 0) return [];
  const givesWork = (t: Task) => (!t.inherited.lead && t.lead.length > 0) || (!t.inherited.responsible && t.responsible.length > 0) || (t.deadline !== null && !t.inherited.deadline);
  return bodyTasks(built, ctx, convention).filter((t) => t.section !== null && unlisted.has(t.section) && givesWork(t));
}

/** Two lists of tasks, each in text order, as one in text order. */
function byPosition(a: readonly Task[], b: readonly Task[]): Task[] {
  const out: Task[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i]!.span.start <= b[j]!.span.start) ? a[i++]! : b[j++]!);
  return out;
}

/**
 * The paragraphs of `unnumbered` that lie outside every table of `tables`; both lists in text order (the body's
 * paragraphs, the tables as found), walked together once.
 */
function outsideTables(unnumbered: UnnumberedAttribution[], tables: readonly Table[]): UnnumberedAttribution[] {
  let t = 0;
  return unnumbered.filter((u) => {
    while (t < tables.length && tables[t]!.span.end < u.span.end) t++;
    return !(t < tables.length && tables[t]!.span.start <= u.span.start);
  });
}

/** An attachment's list of tasks joins the outline after the body, numbered apart (`SeparateList` of kind `task-list`). */
function addTaskList(plan: PlanDocument, { built, span }: TaskList): void {
  // Loops, not spread arguments: a list may hold more sections than a call takes arguments.
  for (const s of built.roots) plan.sections.push(s);
  for (const s of built.all) plan.allSections.push(s);
  for (const u of built.unnumbered) plan.unnumbered.push(u);
  plan.separateLists.push({ span, level: 1, kind: 'task-list' });
  for (const l of built.separateLists) plan.separateLists.push(l);
}

// ---------------------------------------------------------------------------------------------
// Title, period, kind

const PLAN_WORDS = /实施方案|工作方案|工作要点|工作安排|年度安排|分工方案|行动方案|行动计划|工作计划|实施意见|实施细则|方案|要点|安排|计划/;

/**
 * The plan's title: the first short line naming a plan, else the `《…》` that a covering notice prints
 * (`关于印发《X》的通知`), else the first line. A title broken over lines (`…法治政府建设` / `工作实施方案`) is
 * named whole by the notice. A long line (a document that lost its line breaks) is read piece by piece. A table's
 * row (`| 4 | 推进…计划 |`) and an attachment's label (`附件`, `附件2`) are no title, nor, under a covering notice, the
 * list of what it attaches (`附件：1.…实施方案`: the notice names the plan).
 */
function findTitle(text: string, lines: LineTable): { text: string; span: Span } | null {
  let first: { text: string; span: Span } | null = null;
  let notice: { text: string; span: Span } | null = null;
  const limit = Math.min(lines.lineCount, 60);
  for (let i = 0; i < limit; i++) {
    const start = lines.lineStart(i);
    const stop = i + 1 < lines.lineCount ? lines.lineStart(i + 1) : text.length;
    const whole = trimSpan(text, start, Math.min(stop, start + 1000));
    if (notTitleLine(text, whole, notice !== null)) continue;
    for (const span of titlePieces(text, whole)) {
      let line = text.slice(span.start, span.end).replace(/[\r\n]+$/, '').replace(/^#+\s*/, '');
      if (line.length === 0) continue;
      line = stripNoise(line);
      const simple = toSimplified(line);
      if (first === null && line.length <= 80) first = { text: line, span };
      const book = noticeBook(simple);
      if (book !== null) {
        notice ??= { text: line.slice(book.start, book.end), span };
        continue;
      }
      if (line.length <= 60 && !/[。；;]/.test(line) && PLAN_WORDS.test(simple) && !/^[一二三四五六七八九十]+、|^[(（]/.test(line)) {
        const candidate = line.replace(/\s+/g, ' ');
        if (notice && notice.text.replace(/\s+/g, '').includes(candidate.replace(/\s+/g, ''))) return { text: notice.text, span };
        return { text: candidate, span };
      }
    }
  }
  return notice ?? first;
}

/**
 * Is the line `span` none that may be the title: a table's row (a pipe or a tab opens or parts its cells), an
 * attachment's label alone, or, `inNotice`, a line of the notice's list of attachments (`附件：1.…` and the lines under
 * it, `2.…`)?
 */
function notTitleLine(text: string, span: Span, inNotice: boolean): boolean {
  if (span.end <= span.start) return false;
  const c = text.charCodeAt(span.start);
  if (c === 0x7c /* | */ || c === 0xff5c /* ｜ */) return true;
  const line = text.slice(span.start, Math.min(span.end, span.start + 40));
  if (line.includes('\t')) return true;
  if (ATTACHMENT_LINE.test(line)) return true;
  return inNotice && (ATTACHMENT_LIST.test(line) || LISTED_ATTACHMENT.test(line));
}

/** The first line of a notice's list of attachments: `附件：1.…`, `附件：…方案`. */
const ATTACHMENT_LIST = /^附件[0-9一二三四五六七八九十]*[ \t\u3000]*[:：]/;
/** A later line of that list, a number then a name (`2.县…联系人名单`): under a notice, no title. */
const LISTED_ATTACHMENT = /^[0-9０-９]{1,2}[.．、]/;

/** A title line is short; a longer line is cut into its space-separated pieces, each a possible title. */
function titlePieces(text: string, span: Span): Span[] {
  if (span.end - span.start <= 80) return span.end > span.start ? [span] : [];
  const pieces: Span[] = [];
  let from = span.start;
  for (let k = span.start; k <= span.end; k++) {
    if (k < span.end && !isSpaceCode(text.charCodeAt(k))) continue;
    if (k > from) pieces.push({ start: from, end: k });
    from = k + 1;
  }
  return pieces;
}

/** The document a covering notice names: `印发《X》` whatever X is called, or `《X》…通知` when X names a plan. */
function noticeBook(line: string): { start: number; end: number } | null {
  if (!line.includes('《')) return null; // both forms name the document in `《…》`
  const printed = /印发了?《([^《》]{4,80})》/.exec(line);
  const book = printed ?? (/通知/.test(line) ? /《([^《》]{4,80})》/.exec(line) : null);
  if (book === null || (printed === null && !PLAN_WORDS.test(book[1]!))) return null;
  const start = book.index + book[0].length - book[1]!.length - 1;
  return { start, end: start + book[1]!.length };
}

/**
 * The plan's period: from its title, else the configuration, else a heading-like line near the top (short, no
 * sentence end) that names a plan or is a period on its own (`(2021—2025年)` under a title broken over lines).
 * Sentences are not read: the years they hold are stages or other documents (`《纲要(2015-2020年)》`).
 */
function readPeriod(title: string, text: string, options: ParseOptions): PlanPeriod | null {
  const fromTitle = findPlanPeriod(title);
  if (fromTitle) return { start: fromTitle.start, end: fromTitle.end, source: 'title' };
  if (options.period) return { ...options.period, source: 'config' };
  const heading = (line: string) => {
    const l = line.trim();
    return l.length <= 60 && !/[。；;]/.test(l) && (PLAN_WORDS.test(toSimplified(l)) || /^[(（][^()（）]*[)）]$/.test(l));
  };
  const line = text.slice(0, 2000).split(/[\r\n]/).find((l) => heading(l) && findPlanPeriod(l) !== null);
  const fromBody = line === undefined ? null : findPlanPeriod(line);
  return fromBody ? { start: fromBody.start, end: fromBody.end, source: 'body' } : null;
}

const ATTACHMENT_LINE = /^[ \t\u3000\u00a0]*附件[0-9一二三四五六七八九十]*[ \t\u3000\u00a0]*$/;

/**
 * Where a covering notice (`关于印发…的通知`) ends and the plan begins, 0 when the text has none. The notice's own
 * numbered items (its requirements: `一、高度重视…`, an attachment list `附件:1.…`) are not tasks. The notice ends at
 * the plan's own title (the `《…》` the notice names, on a line of its own), at a line `附件1`, or after the
 * signature's date; a notice that states requirements and is followed by none of these is the whole text.
 */
function noticeEnd(text: string, lines: LineTable): number {
  // A notice that issues nothing (`关于…分工的通知…通知如下`) is the document itself: its items are read as they are.
  // Every wording that issues holds `印`: a head without one (noise removed or not) issues nothing, and is not copied.
  const firstYin = text.indexOf('印');
  if (firstYin < 0 || firstYin >= 20_000) return 0;
  // Pinyin noise removed (`印發(fā)給你們`): removing it keeps every line break, so lines are counted in the copy.
  const head = stripNoise(text.slice(0, 20_000));
  const issues = findNoticeIssues(head);
  if (issues === null) return 0;
  const requires = findNoticeRequires(head);
  const at = Math.min(issues?.index ?? Infinity, requires?.index ?? Infinity);
  const named = head.slice(0, at + 200);
  const books: string[] = [];
  // `exec` loops: `matchAll` copies the pattern and makes an iterator for every text, the larger cost on a small plan.
  for (const re of [QUOTED_BOOK, ISSUED_UNQUOTED]) {
    re.lastIndex = 0;
    for (let m = re.exec(named); m !== null; m = re.exec(named)) books.push(foldTitle(m[1] ?? m[2]!));
  }
  let first = 0;
  for (let i = head.indexOf('\n'); i >= 0 && i < at; i = head.indexOf('\n', i + 1)) first++;
  const limit = Math.min(lines.lineCount, first + 80);
  for (let i = first + 1; i < limit; i++) {
    const start = lines.lineStart(i);
    const line = text.slice(start, i + 1 < lines.lineCount ? lines.lineStart(i + 1) : text.length).replace(/[\r\n]+$/, '');
    if (DATE_LINE.test(line) || ATTACHMENT_LINE.test(line)) return i + 1 < lines.lineCount ? lines.lineStart(i + 1) : text.length;
    const folded = foldTitle(line);
    if (folded.length >= 6 && folded.length <= 80 && books.some((b) => b === folded || (b.length >= 8 && folded.startsWith(b.slice(0, 8)) && b.endsWith(folded.slice(-4))))) return start;
  }
  // A notice of requirements with no plan after it (in the text we have): all of it is the notice.
  return requires !== null && requires.index >= issues.index ? text.length : 0;
}

/** A document a notice names in `《》`. */
const QUOTED_BOOK = /《([^《》]{4,80})》/g;
/** A document a notice names without `《》`: `关于印发X的通知`, `现将X印发给你们`. */
const ISSUED_UNQUOTED = /(?:关于|關於)(?:印发|印發)([^《》\r\n。，,]{4,60}?)的通知|(?:现将|現將)([^《》\r\n。，,]{4,60}?)(?:印发给你们|印發給你們)/g;

/** A title compared with the one a notice names: pinyin noise, spaces and quotes dropped, script folded. */
function foldTitle(title: string): string {
  return toSimplified(stripNoise(title)).replace(/[\s\u3000“”"《》〈〉]+/g, '');
}

/** `附件:` or `附:` on the line before a marker: the items after it name attached documents. */
const ATTACHMENT_PREFIX = /(?:^|[\r\n])[ \t\u3000]*附件?[0-9]*[ \t\u3000]*[:：][ \t\u3000]*$/;
/** A title that is a file's name (`…细则.docx`): an attachment, not a task. */
const FILE_NAME = /\.(?:docx?|xlsx?|wps|pdf|et|ofd)$/i;

/**
 * Where the attachments (`附件`) begin after the plan's first marker (from `from`): the body's sections end there. What
 * `/(^|[\r\n])[ \t\u3000\u00a0]*附件[0-9一二三四五六七八九十]*[ \t\u3000]*(?:[:：]|[\r\n]|$)/g` finds from `from`, read by
 * hand from a native search for `附件` (the pattern tried every character of the text), each head's line start returned
 * when it is past the first marker. As the pattern does, a head that ends at its line's break takes that break: a head
 * on the next line is not read.
 */
function attachmentStart(text: string, blocks: Block[], from: number): number {
  const firstMarker = blocks.find((b) => b.marker !== null && b.start >= from)?.start ?? from;
  // Where the pattern's search goes on from: after the last head read.
  let resume = from;
  for (let at = text.indexOf('附件', from); at >= 0; at = text.indexOf('附件', at + 2)) {
    // The line's start: only spaces before `附件` on its line, its break read from `resume` on (or the text's start).
    let start = at;
    while (start > 0 && isHeadSpace(text.charCodeAt(start - 1))) start--;
    const opened = start === 0 ? resume === 0 : start - 1 >= resume && isBreakCode(text.charCodeAt(start - 1));
    if (!opened) continue;
    // Numbers, spaces, then a colon, a line break or the text's end.
    let end = at + 2;
    while (end < text.length && isAttachmentNumber(text.charCodeAt(end))) end++;
    while (end < text.length && isTailSpace(text.charCodeAt(end))) end++;
    if (end < text.length) {
      const c = text.charCodeAt(end);
      if (c !== 0x3a && c !== 0xff1a && !isBreakCode(c)) continue;
      end++;
    }
    if (start > firstMarker) return start;
    resume = end;
  }
  return text.length;
}

const isBreakCode = (c: number): boolean => c === 0x0a || c === 0x0d;
/** Before `附件` on its line: spaces, tabs, the ideographic and the no-break space. */
const isHeadSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0;
/** After its number: spaces, tabs and the ideographic space. */
const isTailSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x3000;
/** An attachment's number: `0`–`9`, `一`–`十`. */
const isAttachmentNumber = (c: number): boolean => (c >= 0x30 && c <= 0x39) || ATTACHMENT_NUMERALS.has(c);
const ATTACHMENT_NUMERALS = new Set([...'一二三四五六七八九十'].map((c) => c.charCodeAt(0)));

// ---------------------------------------------------------------------------------------------
// Sections

/** What stands inside a marker's brackets, without the spaces an OCR or Word's distributed alignment leaves there (`（ 三 ）`: `三`). */
const inBrackets = (image: string, from: number): string => image.slice(from, -1).trim();
/** The number before a marker's `、` or `.`, without the spaces a copy set between them (`1 .`: `1`). */
const beforeStop = (image: string): string => image.slice(0, -1).trimEnd();

const LEVELS: Record<string, { level: Level | 0; style: (image: string) => MarkerStyle; value: (image: string) => number }> = {
  ChapterMarker: { level: 1, style: (s) => (s.endsWith('、') ? 'cn-dun' : 'cn-fwdot'), value: (s) => parseChineseNumeral(beforeStop(s)) },
  SectionMarker: {
    level: 2,
    style: (s) => (s.length === 1 ? 'cn-paren-enclosed' : s[0] === '(' ? 'cn-paren-half' : 'cn-paren-full'),
    value: (s) => (s.length === 1 ? s.charCodeAt(0) - 0x321f : parseChineseNumeral(inBrackets(s, 1))),
  },
  ItemMarker: {
    level: 3,
    style: (s) => (s.length === 1 ? 'ar-enclosed' : s.endsWith('、') ? 'ar-dun' : s.endsWith('．') ? 'ar-fwdot' : 'ar-dot'),
    value: (s) => (s.length === 1 ? s.charCodeAt(0) - 0x2487 : parseArabic(beforeStop(s))),
  },
  SubItemMarker: {
    level: 4,
    style: (s) => (s.length === 1 ? 'ar-paren-enclosed' : s[0] === '(' ? 'ar-paren-half' : s[0] === '（' ? 'ar-paren-full' : s.endsWith(')') ? 'ar-close-half' : 'ar-close-full'),
    value: (s) => (s.length === 1 ? s.charCodeAt(0) - 0x2473 : parseArabic(inBrackets(s, s[0] === '(' || s[0] === '（' ? 1 : 0))),
  },
  CircledMarker: { level: 5, style: () => 'circled', value: (s) => parseCircled(s) },
  InlineShiMarker: { level: 6, style: () => 'inline-shi', value: (s) => parseChineseNumeral(s.slice(0, -1)) },
  InlineDiMarker: { level: 6, style: () => 'inline-di', value: (s) => parseChineseNumeral(s.slice(1, -1)) },
  FieldMarker: { level: 3, style: () => 'field', value: (s) => parseArabic(/[0-9０-９]+$/.exec(s)?.[0] ?? '') },
  // Its level is read from the sections open above it (`taskLevel`); 0 stands for that.
  TaskMarker: { level: 0, style: () => 'task', value: (s) => taskValue(s) },
  // Its level is read from the sections open above it (`decimalLevel`); 0 stands for that.
  DecimalMarker: { level: 0, style: () => 'decimal', value: (s) => parseDecimal(s).pop() ?? NaN },
};

/**
 * The level of a decimal marker of `depth` numbers (`1.1`: 2, `2.3.1`: 3) under the sections open above it (`stack`,
 * outermost first): the level of an open decimal marker of its depth (a sibling), or one level deeper per number more
 * than an open decimal marker has (`1.1.1` under `1.1`); else, when an open decimal marker has more numbers, the level
 * of its ancestor of `depth` numbers, written or not (`3` after `2.2` is a sibling of the `2` that `2.2` implies), so
 * long as that is below the other marker the decimal lies under: items of another form after the decimal (`2.2`
 * `（1）` `（2）` then `3`) say nothing of where `3` stands. Else one level per number past the first below the innermost
 * other marker (`1.1` under `一、` is level 2, under `（一）` level 3; a bare `1` heading a scheme, one level below), or
 * its depth when nothing is open (`1` `1.1` `1.1.1` from the top). At most 5. The stack holds one section per level.
 */
function decimalLevel(depth: number, stack: readonly SectionInfo[]): Level {
  let base = 0;
  /** The level of the ancestor of `depth` numbers of the innermost deeper decimal marker open, 0 when there is none. */
  let ancestor = 0;
  /** The level of the innermost other marker above that decimal marker, 0 when there is none. */
  let under = 0;
  for (let i = stack.length - 1; i >= 0; i--) {
    const marker = stack[i]!.section.marker;
    if (marker.level > 5) continue;
    if (marker.style === 'decimal') {
      const above = parseDecimal(marker.text).length;
      if (above <= depth) return Math.min(5, marker.level + depth - above) as Level;
      if (ancestor === 0) ancestor = marker.level - (above - depth);
    } else {
      if (base === 0) base = marker.level;
      if (ancestor !== 0 && under === 0) under = marker.level;
    }
  }
  if (ancestor > under) return ancestor as Level;
  return Math.min(5, base === 0 ? depth : base + Math.max(1, depth - 1)) as Level;
}

/**
 * The level of a task numbered by name (`【任务一】`, `任务二：`) under the sections open above it (`stack`, outermost
 * first): that of an open task marker (a sibling: `任务二` after `任务一` and the items under it), else one level below the
 * innermost other marker (`任务一` under `一、重点任务` is level 2, under `（一）` level 3), or 1 when nothing is open (a
 * list of tasks with no heading above them). At most 5.
 */
function taskLevel(stack: readonly SectionInfo[]): Level {
  let base = 0;
  for (let i = stack.length - 1; i >= 0; i--) {
    const marker = stack[i]!.section.marker;
    if (marker.level > 5) continue;
    if (marker.style === 'task') return marker.level;
    if (base === 0) base = marker.level;
  }
  return Math.min(5, base + 1) as Level;
}

/**
 * Does the marker `next` (read from `tok`) close the open section `open`: is it of `open`'s level or above? A task
 * numbered by name under a heading takes the level below it (`taskLevel`), which the items of a fixed level written
 * under the task may share (`（一）` `问题1：` `1.` `2.`: the problem and its measures are all level 3); those items are
 * the task's, not its siblings, and the next task (`问题2：`, a sibling of the open one) closes them and it. A marker whose
 * level is read from the sections open (a task, a decimal marker) closes it at its level, as does any marker after a
 * task with no heading above it (level 1 because nothing is open: a `一、` after it starts a chapter).
 */
function closedBy(open: Section, next: Marker, tok: IToken): boolean {
  const { level, style } = open.marker;
  if (level !== next.level) return level > next.level;
  return style !== 'task' || open.parent === null || LEVELS[tok.tokenType.name]!.level === 0;
}

/** The number a task marker writes (`【任务一】` → 1, `第3项任务：` → 3). */
function taskValue(image: string): number {
  const digits = /[0-9０-９]+/.exec(image);
  return digits !== null ? parseArabic(digits[0]) : parseChineseNumeral(/[零〇一二两兩三四五六七八九十拾百佰]+/.exec(image)?.[0] ?? '');
}

/** The level of the marker `tok` opens a section at, under the sections open (`stack`). */
function markerLevel(tok: IToken, stack: readonly SectionInfo[]): Level {
  const level = LEVELS[tok.tokenType.name]!.level;
  if (level !== 0) return level;
  return tok.tokenType.name === 'TaskMarker' ? taskLevel(stack) : decimalLevel(parseDecimal(tok.image).length, stack);
}

function toMarker(tok: IToken, level: Level, lines: LineTable): Marker {
  const kind = LEVELS[tok.tokenType.name]!;
  return new PlacedMarker(tok.image, level, kind.style(tok.image), kind.value(tok.image), { start: tok.startOffset, end: end(tok) }, lines);
}

interface SectionInfo {
  section: Section;
  /** This section's own blocks (its marker paragraph and the unnumbered paragraphs after it). */
  blocks: Block[];
  /** Attributions from its own blocks (and from its inline items when they are parts of its paragraph). */
  own: Attribution[];
  nonTask: boolean;
  /**
   * It is a section that assigns no work by its title itself (`三、保障措施`, `二、实施步骤`, `四、强化保障措施`) or lies
   * under one: a unit its prose names (`县委督查室牵头，定期开展督查`, `由县委办公室负责制定方案`) says who keeps the safeguard
   * or the stage, and makes no task, unless the section holds tasks after all (`holdsTasks`). A title that only holds
   * such a name among other words (`九、强化法治政府建设的组织保障`) is not firm: an item there that names a unit is a task.
   */
  firm: boolean;
  /** The top firm section it lies in (itself at the top), null when not firm. */
  firmTop: SectionInfo | null;
  /** How far below `firmTop` it lies (0: that section; its items 1). */
  firmDepth: number;
  /** For a top firm section: whether it holds tasks after all (`holdsTasks`), once known. */
  holdsTasks?: boolean;
  /** It is a requirement of a covering notice, an item of an attachment list or a clause about the document: never a task, whatever it names. */
  notice: boolean;
  /** It is an item of a list under a label naming a non-task section (`主要目标：` `1.…`): its parent's goals, not its parts. */
  labelled: boolean;
  /** Its inline items (`一是…`) are tasks of their own, each with its own attribution. */
  inlineTasks: boolean;
  /** Its inline items were folded into its paragraph: its task covers them. */
  foldedInline: boolean;
  /** Only field lines (`责任单位：…`) have followed its marker's paragraph so far: the next one is still its own. */
  fieldsFollow: boolean;
  /** An attribution after it went to its parent (`sharedBySiblings`): the attribution lines after that go there too. */
  passesUp: boolean;
  /** The deadline its heading ends with (`headingDeadline`): undefined until read, null when it names none. */
  headingDeadline: Deadline | null | undefined;
  /** What of `own` holds for each of its items when some is written after them (`attributionsFor`): undefined until read. */
  forItems: Map<Section, Attribution[]> | undefined;
}

/** Field names that open a line of one field (`牵头单位：` `责任单位：` `完成时限：` `牵头领导：`). */
const FIELD_LINE_KEYWORDS = new Set([T.LeadField, T.ResponsibleField, T.DeadlineField, T.PersonField]);

/** A Markdown list item's bullet, alone before the line's words. */
const LIST_BULLETS = new Set(['-', '*', '+']);

/** A short label before a colon (`任务名称` `工作目标`): a line of a record. */
const LABEL = /^[\u3400-\u9fff]{2,8}$/;

/**
 * Where the value of a labelled line starts: after `牵头单位：`, `任务名称：`, `工作目标：` (spaces aside), or -1 when
 * `block` does not open with a field's name or a short label and a colon.
 */
function labelEnd(toks: IToken[], block: Block): number {
  let i = block.first;
  // A line indented by a tab (Word's plain text: `\t牵头单位：X` under an item) opens where its words do.
  while (i < block.last && (toks[i]!.tokenType === T.Whitespace || toks[i]!.tokenType === T.Tab)) i++;
  // So does a Markdown list's line (`- 牵头单位：X`, `- **完成时限**：Y` under an item): its bullet is no label.
  if (i < block.last && toks[i]!.tokenType === T.Text && LIST_BULLETS.has(toks[i]!.image)) i++;
  if (i >= block.last) return -1;
  const first = toks[i]!;
  if (!FIELD_LINE_KEYWORDS.has(first.tokenType) && !(first.tokenType === T.Text && LABEL.test(first.image))) return -1;
  // A field's name and its value after spaces, no colon (`牵头单位　镇应急办`: a two-column table pasted as text).
  if (FIELD_LINE_KEYWORDS.has(first.tokenType) && i + 1 < block.last && spacedValueAt(toks, i)) return i + 1;
  i++;
  if (T.holdsColon(first)) return i < block.last ? i : -1;
  while (i < block.last && toks[i]!.tokenType === T.Whitespace) i++;
  return i < block.last && toks[i]!.tokenType === T.Colon ? i + 1 : -1;
}

/** Does `block` open with a field's name or a short label and a colon (`责任单位：` `任务名称：`)? */
function isFieldLine(toks: IToken[], block: Block): boolean {
  return labelEnd(toks, block) >= 0;
}

/** The labels of a record's title field. */
const TITLE_LABEL = /^(?:任务名称|任務名稱|工作任务|工作任務|重点任务|重點任務|任务内容|任務內容|工作内容|工作內容|主要任务|主要任務|具体任务|具體任務|项目名称|項目名稱|事项名称|事項名稱|工作事项|工作事項|任务事项|任務事項|任务|任務)$/;

/**
 * The title of the record whose number field opens `blocks[at]`: the value of its first title field (`任务名称：…`)
 * among the labelled lines that follow, up to its first `。` or `；`; null when it has none.
 */
function recordTitle(toks: IToken[], blocks: Block[], at: number, text: string): Span | null {
  for (let b = at + 1; b < blocks.length && blocks[b]!.kind === 'paragraph' && blocks[b]!.marker === null; b++) {
    const block = blocks[b]!;
    const from = labelEnd(toks, block);
    if (from < 0) return null;
    let i = block.first;
    while (toks[i]!.tokenType === T.Whitespace) i++;
    if (!TITLE_LABEL.test(toSimplified(toks[i]!.image))) continue;
    let to = from;
    while (to < block.last && toks[to]!.tokenType !== T.SentenceEnd && toks[to]!.tokenType !== T.Semicolon) to++;
    if (to === from) return null;
    return trimSpan(text, toks[from]!.startOffset, end(toks[to - 1]!));
  }
  return null;
}

/**
 * Is `parent` an item whose sub-items (two or more so far, its parts: `holdsParts`) and itself name no attribution: the
 * attribution line `block` written after them, not indented under the last, is then the item's?
 */
function sharedBySiblings(parent: SectionInfo | undefined, info: Map<Section, SectionInfo>, block: Block, ctx: AttributionContext): boolean {
  if (parent === undefined) return false;
  const children = parent.section.children;
  if (parent.own.length > 0 || children.length < 2 || parent.nonTask) return false;
  const last = children[children.length - 1]!;
  if (!holdsParts(parent, last, ctx.text)) return false;
  for (let k = 0; k < children.length - 1; k++) if (info.get(children[k]!)!.own.length > 0) return false;
  // A line indented past the last sub-item's marker is written under that one (`2.整治…` `    牵头单位：…`).
  const indent = indentOf(ctx.text, block.start, ctx);
  return indent === 0 || indent <= indentOf(ctx.text, last.marker.span.start, ctx);
}

/**
 * Does the item `entry` label its numbered lines as its measures, on the line before the first (`整改措施：`, `具体措施：`,
 * `主要举措：`) or at the end of its heading's line (`（一）关于…的问题。整改措施：`)? Those lines are then the parts of one
 * task, as sub-items are, whatever the item's level.
 */
function listsMeasures(entry: SectionInfo, text: string): boolean {
  const first = entry.section.children[0];
  if (first === undefined) return false;
  let label: Block | undefined;
  for (const block of entry.blocks) if (block.end <= first.marker.span.start) label = block;
  if (label === undefined) return false;
  return MEASURES_LABEL.test(text.slice(Math.max(label.start, label.end - 12), label.end));
}

/** A label of measures closing a line: `整改措施：`, `具体措施：`, `工作举措:`. */
const MEASURES_LABEL = /(?:措施|举措|舉措)[ \t\u3000]*[：:][\s\u3000]*$/;

/**
 * May the sections under `parent` (`last` the last so far) be the parts of its one task, which an attribution written
 * after them speaks for? Sub-items of an item are (`1.` over `（1）`, `（一）` over `1.` under `一、` or at the top of the
 * outline, anything over `①` or `一是`); the items of a chapter, a heading above `1.` at the top of the outline (`一、`
 * over `1.` `2.`, or a `（一）` named as one: `（一）重点任务`), are tasks of their own, whose last the attribution after
 * them is (the others' missing lead is theirs), unless the chapter says its items are its measures (`一、关于…的问题`
 * `整改措施：` `1.…`). A heading numbered by name (`问题1：` `【任务一】`) is an item of work whatever its level, as a
 * `（一）` at the top is: no chapter unless its title names one.
 */
function holdsParts(parent: SectionInfo, last: Section, text: string): boolean {
  const { section } = parent;
  const { level, style } = section.marker;
  const chapter = section.parent === null && (style === 'task' ? namesChapter(section.title) : level === 1 || (level === 2 && namesChapter(section.title)));
  return !chapter || last.marker.level >= 5 || listsMeasures(parent, text);
}

/**
 * A heading's title that names a chapter of tasks, not an item of work: `重点任务`, `主要措施`, `具体举措`, `工作内容`,
 * `主要目标和任务`, `重点工作任务及分工`.
 */
const CHAPTER_TITLE =
  /^(?:(?:主要|重点|重點|具体|具體|工作|目标|目標|年度)(?:及|和|与|與|、)?){0,3}(?:任务|任務|措施|举措|舉措|内容|內容|工作)(?:(?:及|和|与|與|、)?(?:责任分工|責任分工|分工|安排|要求|步骤|步驟|措施|举措|舉措|任务|任務|目标|目標|进度|進度)){0,2}[。.：:]?$/;
const namesChapter = (title: string): boolean => CHAPTER_TITLE.test(title.trim());

/**
 * Is the field line `blocks[at]`, just read into the last sub-item `last` (its attributions from `read` on), a deadline
 * that closes the list of `parent`'s sub-items and speaks for each (`5.建设示范点。` `①…（牵头单位：A）` `②…（牵头单位：B）`
 * then `完成时限：2025年11月底前`)? It names a deadline and nothing else; the sub-items (two or more, of an item as in
 * `sharedBySiblings`) are a run of one line each with no blank line between them or before it, `last` and at least one
 * other naming no deadline, and the item none; it is one line, not indented past the item (a line indented under the
 * last sub-item is that one's), and no sub-item or field line follows it. Otherwise it stays the last sub-item's own, as
 * a field line after an item is.
 */
function closesSubItems(
  tokens: IToken[],
  blocks: Block[],
  at: number,
  bodyEnd: number,
  last: SectionInfo,
  parent: SectionInfo,
  read: number,
  info: Map<Section, SectionInfo>,
  ctx: AttributionContext,
): boolean {
  const { text } = ctx;
  const own = last.own;
  for (let k = read; k < own.length; k++) if (own[k]!.deadlines.length === 0 || own[k]!.lead.length > 0 || own[k]!.responsible.length > 0) return false;
  for (let k = 0; k < read; k++) if (own[k]!.deadlines.length > 0) return false;
  const children = parent.section.children;
  if (parent.nonTask || children.length < 2 || last.blocks.length !== 1 || last.section !== children[children.length - 1]) return false;
  if (!holdsParts(parent, last.section, text)) return false;
  if (pickDeadlineOf(parent.own) !== null) return false;
  const block = blocks[at]!;
  if (!onlyAttributions(block, own.slice(read), text)) return false;
  // One field line, closing the list: no sub-item of its level or deeper, nor another field line, after it.
  const next = blocks[at + 1];
  if (next !== undefined && next.start < bodyEnd && next.kind === 'paragraph') {
    if (next.marker !== null ? LEVELS[next.marker.tokenType.name]!.level >= last.section.marker.level : isFieldLine(tokens, next)) return false;
  }
  const indent = indentOf(text, block.start, ctx);
  if (indent > 0 && indent > indentOf(text, parent.section.marker.span.start, ctx)) return false;
  // A run of one-line sub-items, the line right under the last.
  if (!oneBreakBetween(text, last.blocks[0]!.end, block.start)) return false;
  let without = 0;
  for (let k = 0; k < children.length - 1; k++) {
    const sibling = info.get(children[k]!)!;
    if (sibling.blocks.length !== 1 || children[k]!.children.length > 0) return false;
    if (!oneBreakBetween(text, sibling.blocks[0]!.end, children[k + 1]!.marker.span.start)) return false;
    if (!sibling.own.some((a) => a.deadlines.length > 0)) without++;
  }
  return without > 0;
}

/** How far the line holding `offset` is indented: the spaces and tabs that open it. */
function indentOf(text: string, offset: number, ctx: AttributionContext): number {
  const start = ctx.lines.lineStart(ctx.lines.lineAt(offset));
  let i = start;
  while (i < text.length && INDENT_CODES.has(text.charCodeAt(i))) i++;
  return i - start;
}

/** Spaces that indent a line: space, tab, ideographic and no-break space. */
const INDENT_CODES = new Set([0x20, 0x09, 0x3000, 0xa0]);

/**
 * Words that open a statement about the items above it (`以上任务`, `上述各项工作`, `以上3项任务`; `以上由…牵头`, `以上均由…`):
 * the attribution that follows is theirs, each of them, not the last one's.
 */
const COVERED_ITEMS = /^[ \t\u3000]*(?:以上|上述)(?:各项|所有|全部|[0-9０-９一二两兩三四五六七八九十]{1,2}项)?(?:(重点任务|工作任务|任务|工作|事项)|(?:均|统一)?(?=由))/;

/** Where the words that say `block` covers the items above it end (`以上任务` in `以上任务由县水利局牵头…`), or -1. */
function coveredItemsEnd(text: string, block: Block): number {
  let i = block.start;
  while (i < block.end && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x3000 || text.charCodeAt(i) === 0x09)) i++;
  const c = text.charCodeAt(i);
  if (c !== 0x4ee5 /* 以 */ && c !== 0x4e0a /* 上 */) return -1;
  const m = COVERED_ITEMS.exec(text.slice(block.start, Math.min(block.end, block.start + 24)));
  if (m === null) return -1;
  // With no noun (`以上由…`), only a statement of who leads covers the items: `以上由县民政局负责按月发放到人` after an item's
  // figures is that item's.
  if (m[1] === undefined && !/牵头|牽頭/.test(text.slice(block.start, block.end))) return -1;
  return block.start + m[0].length;
}

/**
 * What says that every task of the plan is due by one time (`各项任务均需在2025年12月底前完成`, `本要点涉及的各项任务，除明确
 * 时限外，均需在…完成`): `各项` `所有` `全部` before the tasks or work, then `均` `都` and the time the work is completed by, in one sentence.
 */
const EVERY_TASK = /(?:各项|所有|全部)(?:重点)?(?:任务|工作)[^。；;]{0,16}?[均都](?:需|须|应|要)?[^。；;]{0,4}/;

/** The deadlines of the statement in `block` that gives every task of the plan its deadline, added to `out`. */
function everyTaskDeadlines(ctx: AttributionContext, block: Block, out: Deadline[]): void {
  const text = ctx.text;
  const paragraph = text.slice(block.start, block.end);
  // Most paragraphs hold no `均` or `都`: ruled out by a search for a character.
  if (paragraph.indexOf('均') < 0 && paragraph.indexOf('都') < 0) return;
  const m = EVERY_TASK.exec(paragraph);
  if (m === null) return;
  let end = m.index + m[0].length;
  while (end < paragraph.length && !'。；;\n'.includes(paragraph[end]!)) end++;
  // Only a time the work is completed by (`…前完成`): `均需于每月5日前报送进展` asks for reports, not the work.
  if (!paragraph.slice(m.index, end).includes('完成')) return;
  for (const d of proseDeadlines({ start: block.start + m.index, end: block.start + end }, ctx)) if (!d.recurring) out.push(d);
}

/**
 * May a statement that covers the items above it (`coveredItemsEnd`) give its attribution to their parent, from which each
 * item that names none of its own inherits it: a parent that names none itself and holds two or more items, under an
 * item or a chapter alike.
 */
function coversSiblings(parent: SectionInfo | undefined): boolean {
  if (parent === undefined || parent.nonTask || parent.section.children.length < 2) return false;
  // A statement after its first items already covers them (`以上工作由X牵头` then `（三）` `（四）` `以上两项工作由Y牵头`); its
  // attributions are in text order, so the first says whether the heading names one itself.
  return parent.own.length === 0 || parent.own[0]!.span.start > parent.section.children[0]!.span.start;
}

/**
 * The attributions of the heading `up` that hold for its item `child`: those written with the heading, before its first
 * item, for every item; one written after items, a statement that covers the items above it (`以上工作由X牵头，Y配合`),
 * for the items above it back to the statement before it (`（一）（二）以上工作由X牵头` `（三）（四）以上两项工作由Y牵头`).
 */
function attributionsFor(up: SectionInfo, child: Section): Attribution[] {
  const own = up.own;
  const items = up.section.children;
  // Most headings: nothing written after their first item.
  if (own.length === 0 || items.length === 0 || own[own.length - 1]!.span.start < items[0]!.span.start) return own;
  up.forItems ??= itemAttributions(own, items);
  return up.forItems.get(child) ?? own.filter((a) => a.span.start < items[0]!.span.start);
}

/**
 * For each of `items` (in text order) the attributions of `own` (in text order) that hold for it (`attributionsFor`), in
 * one walk over both: those before the first item, and the statement after the item, whose lines run to the next item.
 */
function itemAttributions(own: Attribution[], items: Section[]): Map<Section, Attribution[]> {
  const first = items[0]!.span.start;
  let j = 0;
  while (j < own.length && own[j]!.span.start < first) j++;
  const heading = own.slice(0, j);
  const out = new Map<Section, Attribution[]>();
  let statementAt = -1;
  let statement: Attribution[] = heading;
  let next = 0;
  for (const item of items) {
    while (j < own.length && own[j]!.span.start <= item.span.start) j++;
    if (j >= own.length) {
      out.set(item, heading);
      continue;
    }
    if (statementAt !== j) {
      statementAt = j;
      while (next < items.length && items[next]!.span.start <= own[j]!.span.start) next++;
      const until = next < items.length ? items[next]!.span.start : Infinity;
      statement = heading.slice();
      for (let k = j; k < own.length && own[k]!.span.start < until; k++) statement.push(own[k]!);
    }
    out.set(item, statement);
  }
  return out;
}

/** Does the paragraph `block` hold nothing but `attributions` (its punctuation and spaces aside) from `from` on? */
function onlyAttributions(block: Block, attributions: readonly Attribution[], text: string, from = block.start): boolean {
  let at = from;
  const blockEnd = block.end;
  for (const a of attributions) {
    if (!/^[\s\u3000。；;，,、]*$/.test(text.slice(at, a.span.start))) return false;
    at = Math.max(at, a.span.end);
  }
  return /^[\s\u3000。；;，,、]*$/.test(text.slice(at, blockEnd));
}

interface BuiltSections {
  roots: Section[];
  all: Section[];
  info: Map<Section, SectionInfo>;
  unnumbered: UnnumberedAttribution[];
  separateLists: SeparateList[];
  /** The deadlines a statement gives every task of the plan (`各项任务均需在2025年12月底前完成`). */
  everyTask: Deadline[];
  /** The lead of every task that names none: a letter of responsibility's 乙方 (`responsibleParty`). */
  party?: UnitMention[];
}

/** The tail of a paragraph that labels a list (`主要目标：`, `…制定本方案。工作目标：`): after its last sentence end, a colon at its end. */
const LABEL_TAIL = /(?:^|[。；;！？!?])[ \t\u3000\u00a0]*([^。；;！？!?：:]{2,16})[：:][ \t\u3000\u00a0\r\n]*$/;

/**
 * The level of the list that the unnumbered paragraph `blocks[at]` labels, or 0: the paragraph ends with a label
 * naming a section that assigns no work (`主要目标：`), and the next paragraph opens with a marker deeper than the
 * section the label sits in (`1.` at the top or under `一、`, not a sibling `2.` of the item the label ends). The
 * items of that level after it, until a marker of a higher level, are that section's: goals, not tasks, a list of
 * their own.
 */
function labelledListLevel(blocks: Block[], at: number, bodyEnd: number, stack: readonly SectionInfo[], text: string, nonTask: NonTaskNames): Level | 0 {
  const next = blocks[at + 1];
  if (next === undefined || next.kind !== 'paragraph' || next.marker === null || next.start >= bodyEnd) return 0;
  const current = stack[stack.length - 1];
  const level = markerLevel(next.marker, stack);
  if (level > 5) return 0;
  const block = blocks[at]!;
  let last = block.end - 1;
  while (last > block.start && isTrimCode(text.charCodeAt(last))) last--;
  // A box set in the body (`专栏1  5G网络建设重点工程`): the works it lists illustrate the task above, at any level.
  let first = block.start;
  while (first < last && isTrimCode(text.charCodeAt(first))) first++;
  if (text.charCodeAt(first) === 0x4e13 /* 专 */ && last - first <= 40 && BOX_LABEL.test(text.slice(first, last + 1))) return level;
  if (text[last] !== '：' && text[last] !== ':') return 0; // most paragraphs: no label at their end
  // Notes on a line of their own (`注：` `①…`, `备注：` `1.…`): explanations, at any level, never tasks.
  if (last - block.start <= 6 && NOTES_LABEL.test(text.slice(block.start, last + 1).trim())) return level;
  if (current !== undefined && current.section.marker.level >= level) return 0;
  const label = LABEL_TAIL.exec(text.slice(Math.max(block.start, last - 40), last + 1));
  return label !== null && isNonTaskTitle(toSimplified(stripNoise(label[1]!)), nonTask) ? level : 0;
}

/** A box's heading: `专栏1`, `专栏 2：重点工程`, `专栏三 …` (its title, if any, short). */
const BOX_LABEL = /^专栏\s*[0-9０-９一二三四五六七八九十]{1,3}(?:[\s:：、.．]|$)/;

/** A line that labels notes: `注：`, `注释：`, `备注：`, `附注：`, `说明：`. */
const NOTES_LABEL = /^(?:注|註|注释|註釋|备注|備註|附注|附註|说明|說明)[：:]$/;

/** An unnumbered paragraph that ends a labelled list: another label (`重点任务：`), or a short heading with no punctuation. */
function endsLabelledList(text: string, block: Block): boolean {
  const line = text.slice(block.start, block.end).trim();
  return /[：:]$/.test(line) || (line.length <= 30 && !/[。；;，,、！？!?：:]/.test(line));
}

/**
 * A heading of a part above `一、` on a line of its own: `第一章 重点任务`, `第二部分：保障措施`, `## 第三章`, its title short
 * and no sentence. `第一章` alone has no title (the empty string). Reads the one line of the paragraph `block`; null when
 * it is no such heading.
 */
function partHeading(text: string, block: Block): string | null {
  if (block.end - block.start > 48) return null; // most paragraphs
  const line = text.slice(block.start, block.end);
  if (line.indexOf('第') < 0) return null;
  const m = PART_HEADING.exec(line);
  return m === null ? null : m[1]!.trim();
}

/**
 * The title of another plan that the text goes on with after the first plan's sections (two plans pasted into one
 * file: `金川县2026年森林防火工作方案` on a line of its own, then `一、…` from 1 again), read as a part's heading, so that its
 * list is its own (its `一、` no step back). The line of the paragraph `blocks[b]` is short, no sentence, and ends in a
 * plan's name; the next numbered paragraph before `bodyEnd` is a `一、`. Null otherwise. `next.at` keeps the index of
 * that paragraph between calls (`numberedAfter`): each line of a run of such lines would look ahead over the same
 * blocks, a cost that grew with the square of the run.
 */
function nextPlanTitle(text: string, blocks: Block[], b: number, bodyEnd: number, next: { at: number }): string | null {
  const block = blocks[b]!;
  if (block.end - block.start > 48) return null;
  const line = text.slice(block.start, block.end).trim();
  if (!PLAN_NAME_END.test(line) || /[。；;，,、！？!?：:]/.test(line)) return null;
  // `任务清单`, `工作安排`, `具体分工` alone are headings of the plan itself: a list's title says more (`2026年重点工作责任分工`).
  if (!PLAN_NAME_STRICT_END.test(line) && line.length < MIN_LIST_TITLE) return null;
  if (next.at <= b) next.at = numberedAfter(blocks, b, bodyEnd);
  const marker = next.at < blocks.length ? blocks[next.at]!.marker : null;
  if (marker === null) return null;
  const kind = LEVELS[marker.tokenType.name];
  return kind !== undefined && kind.level === 1 && kind.value(marker.image) === 1 ? line : null;
}

/**
 * The title of a heading that lost its number, as Word saves a list's automatic numbering (`\t保障措施` on a line of its
 * own, after the plan's tasks), read as a part's heading, so that its items are its own: the line is the name of a
 * section that assigns no work and nothing else, and the paragraph right after it opens a list at 1 (`（一）加强组织领导`,
 * which would otherwise go on with the tasks above as their step back), no deeper than the item open above it, and no
 * marker of a higher level after it. Null otherwise.
 */
function headingWithoutNumber(text: string, blocks: Block[], b: number, nonTask: NonTaskNames, stack: readonly SectionInfo[], bodyEnd: number): string | null {
  const block = blocks[b]!;
  if (block.end - block.start > 24) return null;
  const line = text.slice(block.start, block.end).trim().replace(/[：:]$/, '');
  if (line.length < 2 || /[。；;，,、！？!?：:\s]/.test(line) || !isFirmNonTaskTitle(toSimplified(stripNoise(line)), nonTask)) return null;
  const marker = b + 1 < blocks.length && blocks[b + 1]!.kind === 'paragraph' ? blocks[b + 1]!.marker : null;
  const kind = marker === null ? undefined : LEVELS[marker.tokenType.name];
  if (kind === undefined || kind.level === 0 || kind.value(marker!.image) !== 1) return null;
  // A list deeper than the item open above is that item's, under a label (`工作要求：` then `1.…`: `labelledListLevel`).
  const level = markerLevel(marker!, stack);
  const open = stack[stack.length - 1];
  if (open !== undefined && level > open.section.marker.level) return null;
  // Nor is it a part when a marker of a higher level follows (`一、河道整治` … `工作要求` `（一）…` then `二、垃圾分类`): the line
  // heads a list inside that chapter, and a part would take the chapters after it for its own.
  return higherMarkerAfter(blocks, b + 1, level, bodyEnd) ? null : line;
}

/** How many paragraphs `higherMarkerAfter` looks over (a plan's last part is rarely longer; past it, none is taken to follow). */
const PART_REACH = 400;

/** Does a marker of a level higher than `level` open a paragraph among the `PART_REACH` after `blocks[from]`, before `bodyEnd`? */
function higherMarkerAfter(blocks: Block[], from: number, level: number, bodyEnd: number): boolean {
  for (let k = from; k < blocks.length && k - from < PART_REACH && blocks[k]!.start < bodyEnd; k++) {
    const marker = blocks[k]!.kind === 'paragraph' ? blocks[k]!.marker : null;
    const kind = marker === null ? undefined : LEVELS[marker.tokenType.name];
    if (kind !== undefined && kind.level !== 0 && kind.level < level) return true;
  }
  return false;
}

/** The index of the first numbered paragraph after `blocks[b]` that starts before `bodyEnd`; `blocks.length` when none. */
function numberedAfter(blocks: Block[], b: number, bodyEnd: number): number {
  for (let k = b + 1; k < blocks.length && blocks[k]!.start < bodyEnd; k++) {
    if (blocks[k]!.kind === 'paragraph' && blocks[k]!.marker !== null) return k;
  }
  return blocks.length;
}

/** The last words of a plan's title (`…实施方案`, `…工作要点`, `…行动计划`, `…重点工作责任分工`, `…任务清单`, `…工作安排`). */
const PLAN_NAME_END = /(?:方案|要点|要點|计划|計劃|分工|清单|清單|安排)$/;
/** The endings that name a plan whatever the length of the line. */
const PLAN_NAME_STRICT_END = /(?:方案|要点|要點|计划|計劃)$/;
/** The shortest title of a list ending in `分工`, `清单` or `安排`. */
const MIN_LIST_TITLE = 8;

/** `第X章` or `第X部分`, then its title (no sentence, no clause), alone on its line. */
const PART_HEADING = /^[ \t\u3000\u00a0]*(?:#{1,6}[ \t]+)?第[一二三四五六七八九十]{1,3}(?:章|部分)[ \t\u3000\u00a0:：]*([^。；;，,、！？!?\r\n:：]{0,30})[ \t\u3000\u00a0]*\r?\n?$/;

/**
 * Builds the section tree from the blocks of the body (those from `blocks[firstBlock]` to `bodyEnd`, the table of
 * contents `contents` aside); `tokens` is the vector they index. An attachment's list of tasks is read by it too.
 */
function buildSections(
  tokens: IToken[],
  blocks: Block[],
  bodyEnd: number,
  ctx: AttributionContext,
  nonTask: NonTaskNames,
  noticeEnd: number,
  contents: Span | null,
  firstBlock = 0,
): BuiltSections {
  const roots: Section[] = [];
  const all: Section[] = [];
  const info = new Map<Section, SectionInfo>();
  const unnumbered: UnnumberedAttribution[] = [];
  const separateLists: SeparateList[] = [];
  const stack: SectionInfo[] = [];
  /** The sections that were named as assigning no work, in order. */
  const nonTaskEntries: SectionInfo[] = [];
  /** The attributions of one unnumbered paragraph, until they are wrapped (one list for all). */
  const found: Attribution[] = [];
  const everyTask: Deadline[] = [];
  let inNoticeStack = noticeEnd > 0;
  /** The level of the attachment list being read (`附件:1.… 2.…`), 0 when none. */
  let attachmentLevel = 0;
  /** That list's stretch (no part of the outline: its items are the names of attached documents), null when none. */
  let attachments: SeparateList | null = null;
  /** The list under a label naming a non-task section being read (`主要目标：` `1.…`), null when none. */
  let labelled: SeparateList | null = null;
  const endLabelled = (at: number) => {
    if (labelled !== null) labelled.span.end = at;
    labelled = null;
  };
  /**
   * The part under a heading above `一、` being read (`第二章 保障措施`: its `一、` counts from 1 again), null when none;
   * whether its title names a part that assigns no work.
   */
  let part: SeparateList | null = null;
  let partNonTask = false;
  let partFirm = false;
  /** How many sections of `all` the covering notice holds: the plan's own come after them. */
  let planFrom = 0;
  /** The next numbered paragraph, as `nextPlanTitle` last found it. */
  const nextNumbered = { at: -1 };
  let lastEnd = 0;
  for (let b = firstBlock; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.start >= bodyEnd) break;
    if (block.kind !== 'paragraph') continue;
    if (contents !== null && block.start >= contents.start && block.start < contents.end) continue;
    // The plan starts after its covering notice: nothing of the notice's outline encloses it.
    if (inNoticeStack && block.start >= noticeEnd) {
      inNoticeStack = false;
      while (stack.length > 0) closeSection(stack.pop()!, info, ctx);
      // The notice's own requirements (`一、…` `二、…`) are a list of their own: the plan counts from 1 again.
      if (all.length > 0) separateLists.push({ span: { start: 0, end: noticeEnd }, level: 1, kind: 'notice' });
      endLabelled(noticeEnd);
      planFrom = all.length;
    }
    lastEnd = block.end;
    const partTitle =
      block.marker === null && block.start >= noticeEnd
        ? (partHeading(ctx.text, block) ??
          (all.length > planFrom ? (nextPlanTitle(ctx.text, blocks, b, bodyEnd, nextNumbered) ?? headingWithoutNumber(ctx.text, blocks, b, nonTask, stack, bodyEnd)) : null))
        : null;
    if (partTitle !== null) {
      // A part's heading closes everything above it: its items are its own, a list of their own.
      while (stack.length > 0) closeSection(stack.pop()!, info, ctx);
      endLabelled(block.start);
      if (part !== null) part.span.end = block.start;
      part = { span: { start: block.start, end: block.end }, level: 1, kind: 'part' };
      separateLists.push(part);
      const simple = toSimplified(stripNoise(partTitle));
      partNonTask = isNonTaskTitle(simple, nonTask);
      partFirm = partNonTask && isFirmNonTaskTitle(simple, nonTask);
      attachmentLevel = 0;
      continue;
    }
    if (block.marker === null) {
      const current = stack[stack.length - 1];
      // A labelled list ends at a line that opens something else (another label, a heading of no level).
      if (labelled !== null && endsLabelledList(ctx.text, block)) endLabelled(block.start);
      const listLevel = labelledListLevel(blocks, b, bodyEnd, stack, ctx.text, nonTask);
      if (listLevel !== 0) {
        labelled = { span: { start: block.start, end: block.end }, level: listLevel, kind: 'labelled' };
        separateLists.push(labelled);
      }
      // An unnumbered paragraph: its attributions are the current section's own while it has none yet; else
      // they are unnumbered (PL003), except under a section that assigns no work, where nothing is kept (so
      // nothing is read). Right under a part's heading no section is open: the part's title says whether it assigns
      // work (`第四章 组织实施` then `领导小组负责统筹推进…`: no unnumbered task).
      // Fields written one a line under the item (`牵头单位：…` `责任单位：…` `完成时限：…`) are all the item's: right
      // under its marker's line, or after its prose when it names nothing yet (a `责任领导：` line first included).
      const fieldLine = current !== undefined && (current.fieldsFollow || current.own.length === 0) && isFieldLine(tokens, block);
      if (current !== undefined) current.fieldsFollow = fieldLine;
      // A statement that gives every task its deadline (`各项任务均需在…前完成`), in a section of requirements too:
      // each task that has none takes it.
      everyTaskDeadlines(ctx, block, everyTask);
      // A statement that covers the items above it (`以上任务由…`), the last of which names its own: its parent's.
      const covering = current !== undefined && !current.nonTask && current.own.length > 0 && !fieldLine ? coveredItemsEnd(ctx.text, block) : -1;
      if (covering >= 0 && coversSiblings(stack[stack.length - 2])) {
        const read = readAttributions(tokens, block.first, block.last, ctx, []);
        const parent = stack[stack.length - 2]!;
        if (read.length > 0 && onlyAttributions(block, read, ctx.text, covering)) {
          parent.own.push(...read);
          parent.blocks.push(block);
        } else {
          for (const attribution of read) unnumbered.push(new PlacedUnnumbered(attribution, current!.section, ctx.lines));
          current!.blocks.push(block);
        }
        attachmentLevel = 0;
        continue;
      }
      // Under a section that assigns no work, an item's own field lines (`牵头单位：…` under `1.地区生产总值增长6%左右`) are
      // read as its bracket would be: they may show the section to hold tasks after all (`holdsTasks`). Not the section's
      // own lines (`三、工作要求` … a web page's footer `主办单位：…`).
      if (current !== undefined && current.nonTask && stack.length >= 2 && stack[stack.length - 2]!.nonTask && !current.notice && fieldLine) {
        readAttributions(tokens, block.first, block.last, ctx, current.own);
      } else if (current === undefined ? !partNonTask : !current.nonTask) {
        if (current !== undefined && (current.own.length === 0 || fieldLine)) {
          const parent = stack[stack.length - 2];
          const before = current.own.length;
          readAttributions(tokens, block.first, block.last, ctx, current.own);
          // An attribution on its own line after the last of several sub-items, none of which names its own, is
          // their item's (`1.培育文化产业。（1）…（2）…` then `（牵头单位：…）`): they inherit it from there.
          // So is one that says it covers the items above (`以上任务由县水利局牵头，…`), under an item or a chapter.
          const covering = coveredItemsEnd(ctx.text, block);
          const passes = current.passesUp || sharedBySiblings(parent, info, block, ctx) || (covering >= 0 && coversSiblings(parent));
          if (parent !== undefined && before === 0 && current.own.length > 0 && passes && onlyAttributions(block, current.own, ctx.text, Math.max(covering, block.start))) {
            parent.own.push(...current.own);
            current.own.length = 0;
            // Its other field lines (`完成时限：…` after `责任单位：…`) go up too.
            current.passesUp = true;
            parent.blocks.push(block);
            attachmentLevel = 0;
            continue;
          }
          // A deadline line closing a list of sub-items that name their units but no deadline (`①…（牵头单位：A）`
          // `②…（牵头单位：B）` then `完成时限：…`) is their item's: each sub-item without one inherits it.
          if (parent !== undefined && before > 0 && current.own.length > before && closesSubItems(tokens, blocks, b, bodyEnd, current, parent, before, info, ctx)) {
            parent.own.push(...current.own.splice(before));
            parent.blocks.push(block);
            attachmentLevel = 0;
            continue;
          }
        } else {
          for (const attribution of readAttributions(tokens, block.first, block.last, ctx, found)) {
            unnumbered.push(new PlacedUnnumbered(attribution, current?.section ?? null, ctx.lines));
          }
          found.length = 0;
        }
      }
      if (current) current.blocks.push(block);
      attachmentLevel = 0;
      continue;
    }
    const marker = toMarker(block.marker, markerLevel(block.marker, stack), ctx.lines);
    if (ATTACHMENT_PREFIX.test(ctx.text.slice(Math.max(0, marker.span.start - 12), marker.span.start))) {
      attachmentLevel = marker.level;
      attachments = { span: { start: marker.span.start, end: block.end }, level: marker.level, kind: 'attachment' };
      separateLists.push(attachments);
    } else if (marker.level < attachmentLevel) attachmentLevel = 0;
    // The list covers its items and what is under them.
    if (attachmentLevel !== 0 && attachments !== null) attachments.span.end = block.end;
    // A labelled list (`主要目标：` `1.…` `2.…`) runs until a marker of a higher level.
    if (labelled !== null && marker.level < labelled.level) endLabelled(block.start);
    while (stack.length > 0 && closedBy(stack[stack.length - 1]!.section, marker, block.marker)) closeSection(stack.pop()!, info, ctx);
    const parent = stack[stack.length - 1] ?? null;
    // A record's number field (`任务编号：3`) has its title in a field of its own on a later line (`任务名称：…`).
    const titleSpan = (marker.style === 'field' && recordTitle(tokens, blocks, b, ctx.text)) || titleOf(tokens, block, ctx.text);
    // A title a hard wrap cut (the paragraph was joined over it) is read as written.
    const title = oneLine(stripNoise(ctx.text.slice(titleSpan.start, titleSpan.end)));
    const own = readAttributions(tokens, block.first, block.last, ctx, []);
    const span = { start: marker.span.start, end: block.end };
    const inNotice = block.start < noticeEnd;
    const inAttachmentList = marker.level === attachmentLevel || FILE_NAME.test(title);
    const inLabelledList = labelled !== null && marker.level === labelled.level;
    const inNonTaskPart = parent === null && partNonTask;
    const simpleTitle = toSimplified(title);
    const namedNonTask = isNonTaskTitle(simpleTitle, nonTask);
    // `本方案由县商务局负责解释`: the unit it names interprets the document, no work is given out.
    const aboutDocument = DOCUMENT_CLAUSE.test(simpleTitle);
    const isNonTask = inNotice || inAttachmentList || inLabelledList || inNonTaskPart || (parent?.nonTask ?? false) || namedNonTask || aboutDocument;
    // Firm: under a firm section, or a top-level section (in a part that assigns no work, or titled as one itself) whose
    // title is the name itself. A sub-item of a chapter that assigns work keeps the safety valve whatever its title.
    const firm =
      parent !== null ? parent.firm : (inNonTaskPart && partFirm) || (namedNonTask && isFirmNonTaskTitle(simpleTitle, nonTask));
    const firmDepth = firm && parent !== null ? parent.firmDepth + 1 : 0;
    // `own` grows with the attributions of the paragraphs that follow; the section gets its copy below.
    const section = new PlacedSection(marker, title, titleSpan, span, parent?.section ?? null, isNonTask, own, ctx.lines);
    const entry: SectionInfo = {
      section,
      blocks: [block],
      own,
      nonTask: section.nonTask,
      firm,
      firmTop: null,
      firmDepth,
      notice: inNotice || inAttachmentList || aboutDocument,
      labelled: inLabelledList,
      inlineTasks: false,
      foldedInline: false,
      fieldsFollow: true,
      passesUp: false,
      headingDeadline: undefined,
      forItems: undefined,
    };
    if (firm) entry.firmTop = parent?.firmTop ?? entry;
    info.set(section, entry);
    (parent ? parent.section.children : roots).push(section);
    all.push(section);
    stack.push(entry);
    if (entry.nonTask) nonTaskEntries.push(entry);
  }
  while (stack.length > 0) closeSection(stack.pop()!, info, ctx);
  endLabelled(lastEnd);
  if (part !== null) part.span.end = lastEnd;
  // The notice's list starts at 0, before any labelled list read inside the notice.
  separateLists.sort((x, y) => x.span.start - y.span.start);
  // A section whose title only holds a name like `组织保障` among other words still assigns work when something under
  // it names a lead or responsible unit (last first: clearing one clears those above and below it); a firm one only
  // when it holds tasks after all.
  for (let i = nonTaskEntries.length - 1; i >= 0; i--) {
    const entry = nonTaskEntries[i]!;
    if (!entry.nonTask || entry.notice) continue;
    if (entry.firmTop !== null && !holdsTasks(entry.firmTop, info)) continue;
    if (assignsWork(entry.section, info)) clearNonTask(entry.section, info);
  }
  return { roots, all, info, unnumbered, separateLists, everyTask };
}

/**
 * Completes a section when its last block has been read and its children are complete (it leaves the stack):
 * its spans, its lists at their exact size, and its inline items folded in.
 */
function closeSection(entry: SectionInfo, info: Map<Section, SectionInfo>, ctx: AttributionContext): void {
  const { section } = entry;
  // Spans: a section's body ends with its last own block; its whole span with its last descendant. A leaf's two
  // spans are one object (spans are never changed once built).
  const lastBlock = entry.blocks[entry.blocks.length - 1]!;
  const start = section.marker.span.start;
  const body = section.span.end === lastBlock.end ? section.span : { start, end: lastBlock.end };
  const lastChild = section.children[section.children.length - 1];
  const spanEnd = Math.max(body.end, lastChild ? lastChild.span.end : 0);
  section.bodySpan = body;
  section.span = spanEnd === body.end ? body : { start, end: spanEnd };
  if (section.children.length > 0) section.children = section.children.slice();
  takeGluedItemsAttribution(entry, info, ctx);
  // A heading that names a unit leads the tasks under it (and only a heading: a leaf's title is its task).
  if (section.children.length > 0 && !entry.nonTask && ctx.readsTasks !== false && !entry.own.some((a) => a.lead.length > 0)) {
    const named = unitHeading(section.titleSpan, ctx);
    if (named !== null) entry.own.push(named);
  }
  // Its own attributions, before `foldInlineItems` adds its inline items' to `entry.own`.
  section.attributions = entry.own.slice();
  foldInlineItems(entry, info, ctx.text);
}

/** How long a line may be whose sub-items are glued to their item (longer: a text that lost its line breaks). */
const GLUED_LINE = 400;

/**
 * Sub-items glued to their item on its line (`4、开展环境整治。（1）清理乱堆乱放；（2）规范车辆停放。牵头单位：…；完成时限：…`):
 * an attribution that ends the line after the last one's sentence speaks for the whole item, as it does after inline
 * items (`takeClosingAttribution`). It moves from the last sub-item to the item, and each sub-item inherits it. Only where
 * the item opens its line and the line holds nothing else: not on a line that lost its breaks (a chapter's items glued one
 * after another, each with its own `此项工作由X负责`), nor where a sub-item opens a line of its own.
 */
function takeGluedItemsAttribution(entry: SectionInfo, info: Map<Section, SectionInfo>, ctx: AttributionContext): void {
  const { section } = entry;
  const children = section.children;
  if (children.length < 2 || isInlineItem(children[0]!)) return;
  const { text, lines } = ctx;
  const line = lines.lineAt(section.marker.span.start);
  const lineStart = lines.lineStart(line);
  const lineEnd = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
  // The item opens its line, which holds nothing but it and its sub-items.
  if (lineEnd - lineStart > GLUED_LINE || !/^[\s\u3000#*]*$/.test(text.slice(lineStart, section.marker.span.start))) return;
  for (const child of children) if (child.span.end > lineEnd || child.children.length > 0) return;
  const last = info.get(children[children.length - 1]!)!;
  if (last.own.length === 0) return;
  const closing = last.own[last.own.length - 1]!;
  const sentenceFrom = last.own.length > 1 ? last.own[last.own.length - 2]!.span.end : last.section.marker.span.end;
  if (!/[。；;]/.test(text.slice(sentenceFrom, closing.span.start))) return;
  if (!/^[\s\u3000。；;，,、]*$/.test(text.slice(closing.span.end, lineEnd))) return;
  last.own.pop();
  last.section.attributions = last.own.slice();
  entry.own.push(closing);
}

/**
 * Inline items (`一是…二是…`, `第一,…`) are parts of the paragraph that holds them, and an attribution written
 * after the last of them speaks for the whole paragraph. They are tasks of their own only when two or more of
 * them carry an attribution each. Otherwise their attributions and text are folded into the parent.
 */
function foldInlineItems(entry: SectionInfo, info: Map<Section, SectionInfo>, text: string): void {
  if (!entry.section.children.some(isInlineItem)) return;
  const inline = entry.section.children.filter(isInlineItem).map((c) => info.get(c)!);
  entry.inlineTasks = inline.filter((item) => item.own.length > 0).length >= 2 || loneLineTask(entry, inline, text);
  if (entry.inlineTasks) {
    takeClosingAttribution(entry, inline[inline.length - 1]!, text);
    return;
  }
  entry.foldedInline = true;
  for (const item of inline) {
    entry.own.push(...item.own);
    entry.blocks.push(...item.blocks);
  }
  entry.own.sort((a, b) => a.span.start - b.span.start);
  entry.blocks.sort((a, b) => a.start - b.start);
}

const isInlineItem = (section: Section): boolean => section.marker.level === 6;

/**
 * Is the one inline item under `entry` a task of its own: it opens a line of its own and names its attribution, under a
 * heading that names none (`三、组织振兴方面` then `一是推进…。责任单位：乡党建办。`), as its siblings' `一是` `二是` lines are
 * under theirs? It is no part of the heading's sentence, and nothing else is there to share its attribution.
 */
function loneLineTask(entry: SectionInfo, inline: readonly SectionInfo[], text: string): boolean {
  if (inline.length !== 1 || entry.own.length > 0) return false;
  const item = inline[0]!;
  return item.own.length > 0 && opensLine(text, item.section.marker.span.start);
}

/** Is `offset` the first of its line's words (spaces before it aside)? */
function opensLine(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && INDENT_CODES.has(text.charCodeAt(i))) i--;
  return i < 0 || text.charCodeAt(i) === 0x0a || text.charCodeAt(i) === 0x0d;
}

/**
 * When the inline items are tasks of their own, an attribution that closes the paragraph after the last item's own
 * (`二是…，由县人社局负责，10月底前完成。（牵头单位：县人社局；完成时限：2025年12月底前）`: a sentence ends between them)
 * speaks for the whole item, as it does when they are folded: it moves from the last item to the paragraph's item,
 * whose attribution each inline task inherits where it names none of its own.
 */
function takeClosingAttribution(entry: SectionInfo, last: SectionInfo, text: string): void {
  const own = last.own;
  if (own.length < 2) return;
  const closing = own[own.length - 1]!;
  const before = own[own.length - 2]!;
  const block = last.blocks[last.blocks.length - 1]!;
  // An item that opens a line of its own (`一是…。责任单位：X。` `二是…。责任单位：Y。完成时间：…。`) is a paragraph of its
  // own, whose end is its own; a field line after it (`完成时限：…`) still closes them all.
  if (block === last.blocks[0] && opensLine(text, last.section.marker.span.start)) return;
  if (!/[。；;]/.test(text.slice(before.span.end, closing.span.start))) return;
  if (!/^[\s\u3000。；;，,、]*$/.test(text.slice(closing.span.end, block.end))) return;
  own.pop();
  last.section.attributions = own.slice();
  entry.own.push(closing);
  entry.section.attributions = entry.own.slice();
}

/**
 * The names of the sections that assign no work, as patterns: `any` finds one anywhere in a title (`二、保障措施`,
 * `九、强化法治政府建设的组织保障`); `firm` takes a title that is such a name itself (`实施步骤（2025年3月至12月）`), after at
 * most two characters (`强化保障措施`, `主要工作目标`), or several joined (`指导思想、工作目标、基本原则和实施步骤`,
 * `组织实施与保障措施`), or a closing part's title (`组织实施`).
 */
interface NonTaskNames {
  any: RegExp;
  firm: RegExp;
}

/**
 * The patterns of a list of non-task names as configured (either script), found by the list itself first: a run reads
 * every document with the same list object (the default, or its configuration's), and folding, quoting and joining
 * it again cost each small plan more than its titles take to read. A list is never changed once configured.
 */
function nonTaskPatternOf(list: readonly string[]): NonTaskNames {
  let pattern = PATTERN_OF_LIST.get(list);
  if (pattern === undefined) PATTERN_OF_LIST.set(list, (pattern = nonTaskPattern(list.map(toSimplified))));
  return pattern;
}

/** `nonTaskPatternOf`'s patterns by list object (the lists live as long as their configuration; so do these). */
const PATTERN_OF_LIST = new WeakMap<readonly string[], NonTaskNames>();

/**
 * The patterns that find the (simplified) non-task names in a title: one native search per title. A name written with
 * `…` before it (`…标准`) is a title's last word: it names a section of standards or requirements when it ends a short
 * title that opens with no verb of work (`保洁标准`, `验收评分标准`, `具体要求`; not `提高补助标准`, `严格执行标准`, nor
 * `推进标准化建设`).
 */
function nonTaskPattern(names: string[]): NonTaskNames {
  const quote = (name: string) => String(name).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  const whole = names.filter((name) => !ENDING_MARK.test(name)).map(quote).join('|');
  const endings = names.filter((name) => ENDING_MARK.test(name)).map((name) => quote(name.replace(ENDING_MARK, ''))).filter((name) => name !== '');
  const key = `${whole}\u0000${endings.join('|')}`;
  let pattern = NON_TASK_PATTERNS.get(key);
  if (pattern === undefined) {
    if (NON_TASK_PATTERNS.size >= 64) NON_TASK_PATTERNS.clear();
    const ending = endings.length === 0 ? '' : `^(?!${WORK_OPENING})(?!.*${WORK_INSIDE}.+(?:${endings.join('|')})${FIRM_TAIL}$)[^、，,；;：:。]{1,6}${NOT_DEGREE}(?:${endings.join('|')})${FIRM_TAIL}$`;
    const any = whole === '' && ending === '' ? '(?!)' : [whole, ending].filter((s) => s !== '').join('|'); // `(?!)`: nothing
    // One name with what may stand before it (no joining word), or a closing part's title; then those joined.
    const piece = whole === '' ? WHOLE_TITLE_WORDS : `(?:[^、，,和与及暨]{0,2}(?:${whole})|${WHOLE_TITLE_WORDS})`;
    const firm = new RegExp(`^${piece}(?:(?:以及|[、，,和与及暨])${piece})*${FIRM_TAIL}$`);
    pattern = { any: new RegExp(any), firm };
    NON_TASK_PATTERNS.set(key, pattern);
  }
  return pattern;
}

/** What marks a configured name as a title's last word (`…标准`, `...标准`). */
const ENDING_MARK = /^(?:…|\.\.\.)+/;

/** Verbs of work that may open a title ending in a standard or requirement (`提高…标准` raises one: work). */
const WORK_OPENING = `(?:${WORK_START.source.slice(1)}|制定|制订|修订|修改|细化|统一|执行|完成|实现|出台|贯彻|遵守|达到|对照|按照|研究|起草|编写)`;

/**
 * Verbs of reaching or keeping to what the ending names, with words between them and it (`确保完成年度目标`, `全面落实管理要求`):
 * work. Right before the ending they name its kind (`工作落实要求`, `考核执行标准`).
 */
const WORK_INSIDE = '(?:完成|实现|确保|力争|兑现|紧盯|锚定|对标|压实|达到|达成|瞄准|落实|执行|围绕|聚焦)';

/** An ending word used as an adjective (`执法行为更加规范`: a goal, or a task, never a list of standards). */
const NOT_DEGREE = '(?<!更加|更为|更|日益|日趋|逐步|进一步|基本|全面|持续|不断|切实|严格|较为|十分|相对|高度|有序)';

/**
 * The patterns made by `nonTaskPattern`, by source: every document of a run reads with the same list, and compiling
 * its pattern anew cost a small plan more than its own titles take to read. A cache of a pure function (a pattern
 * without the `g` flag keeps no state between tests).
 */
const NON_TASK_PATTERNS = new Map<string, NonTaskNames>();

/**
 * Titles read only as a whole title (`WHOLE_TITLE`), as a pattern's alternatives: the closing part's (how the plan is
 * carried out, its safeguards, checks and requirements), how the work is checked and scored and what the scores are
 * used for (`二、考核方式` `（一）日常督查…`, `考核办法`, `督导检查`, `考核结果运用`: an inspection plan's ways of checking
 * the tasks it lists elsewhere), an event's programme (what happens, when and where, and who attends: an activity
 * plan's `二、活动内容` `（一）开幕式…`, whose work its `工作分工` gives out) and units' standing duties (`三、职责分工`,
 * `三、部门职责分工`). As a substring they name tasks: `组织实施乡村建设行动`, `健全养老服务保障机制`, `开展督导检查`,
 * `完善考核评价机制`, `丰富活动内容`, `各部门按职责分工开展排查`, `二、工作措施及职责分工`.
 */
const PROGRAMME_WORDS = '(?:(?:活动|会议)?(?:时间|地点|主题|内容|流程|议程|日程)|日程安排|议程安排|参加人员|参会人员|出席人员)';
const WHOLE_TITLE_WORDS =
  '(?:组织实施|组织领导|实施保障|保障机制|保障体系|推进机制|工作机制|有关要求|相关要求|其他要求|其他事项|监督考核|督查考核|督导考核|考核督导|考核评估|监督检查|督查督办|附则' +
  '|(?:考核|考评|督查|督导|监督|检查|评估|评分|计分)(?:方式|办法|方法)|考核评价|督导检查|(?:考核)?结果(?:运用|应用)' +
  `|${PROGRAMME_WORDS}|(?:各?(?:部门|单位|成员单位))?职责分工)`;

/** What may close a firm title: the period of a stage in brackets (`（2025年3月）`), a full stop or colon, spaces. */
const FIRM_TAIL = '(?:[(（][^()（）]{0,30}[)）])?[。.:：\\s]*';

/** A title that is one of `WHOLE_TITLE_WORDS`, or several joined (`活动时间和地点`, `组织实施与监督考核`). */
const WHOLE_TITLE = new RegExp(`^${WHOLE_TITLE_WORDS}(?:(?:以及|[、，,和与及暨])${WHOLE_TITLE_WORDS})*${FIRM_TAIL}$`);
/** The (simplified) title of an event's programme (`活动内容`, `活动时间和地点`), one of `WHOLE_TITLE`'s. */
const PROGRAMME_TITLE = new RegExp(`^${PROGRAMME_WORDS}(?:(?:以及|[、，,和与及暨])${PROGRAMME_WORDS})*${FIRM_TAIL}$`);

/**
 * The (simplified) title names a section that assigns no work, and no tasks beside it (`主要任务及实施步骤` holds tasks),
 * or is the title of the plan's closing part (`四、组织实施`) or of an event's programme (`二、活动内容`).
 */
function isNonTaskTitle(title: string, nonTask: NonTaskNames): boolean {
  return (nonTask.any.test(title) && !/任务|重点工作/.test(title)) || WHOLE_TITLE.test(title);
}

/**
 * A closing clause about the document itself, no work: when it takes effect, until when, who interprets it
 * (`本方案自印发之日起施行`, `本措施有效期至2025年12月31日`, `本方案由县商务局负责解释`).
 */
const DOCUMENT_CLAUSE = /^本(?:实施|工作|行动)?(?:方案|措施|意见|办法|细则|计划|要点|规定|通知|规划|政策)[^。；;]{0,30}?(?:施行|生效|废止|有效期|负责解释|解释权)/;

/** A title `isNonTaskTitle` takes that is the name itself, not a longer title holding it (`NonTaskNames.firm`). */
function isFirmNonTaskTitle(title: string, nonTask: NonTaskNames): boolean {
  return nonTask.firm.test(title);
}

function assignsWork(section: Section, info: Map<Section, SectionInfo>): boolean {
  if (info.get(section)!.own.some((a) => a.lead.length > 0 || a.responsible.length > 0)) return true;
  return section.children.some((c) => assignsWork(c, info));
}

/**
 * A firm non-task section (`SectionInfo.firm`) holds tasks after all, and its items that name a unit are tasks, when
 * something in it names a unit as tasks are assigned: in brackets or labelled fields (`（牵头单位：…；完成时限：…）`,
 * `（县政府办牵头）`), or in a sentence two levels or more below its title (`一、总体要求` over `（一）…` over
 * `1.…此项工作由县司法局牵头负责`: a list of tasks that a lost chapter heading left under it). Units named only in the
 * prose of its own items (`县委督查室牵头，定期开展督查`) say who keeps the safeguard or the stage: no task. In a section
 * of units' duties (`三、职责分工` `（一）县教育局：负责…`), standing duties bear no date: a unit named there with a deadline
 * (`县教育局：负责…，2026年6月底前完成全面自查`) is given a task. An event's programme keeps nothing: an item of it whose
 * prose names a unit (`（一）开展宣传咨询日活动。由县应急管理局牵头，…`) is work given out. Read once per top firm section.
 */
function holdsTasks(top: SectionInfo, info: Map<Section, SectionInfo>): boolean {
  const title = top.section.title;
  top.holdsTasks ??= assignedAsTasks(top.section, 0, info, DUTIES_TITLE.test(title) ? 'duties' : PROGRAMME_TITLE.test(toSimplified(title)) ? 'programme' : null);
  return top.holdsTasks;
}

/** The title of a section of units' standing duties (`职责分工`). */
const DUTIES_TITLE = /职责|職責/;

/** What a top firm section is, where that changes which sentences give out work (`holdsTasks`). */
type FirmKind = 'duties' | 'programme' | null;

function assignedAsTasks(section: Section, depth: number, info: Map<Section, SectionInfo>, kind: FirmKind): boolean {
  const named = info
    .get(section)!
    .own.some(
      (a) =>
        (a.lead.length > 0 || a.responsible.length > 0) &&
        (a.style !== 'sentence' || depth >= 2 || (kind === 'programme' && depth >= 1) || (kind === 'duties' && a.deadlines.length > 0)),
    );
  return named || section.children.some((c) => assignedAsTasks(c, depth + 1, info, kind));
}

function clearNonTask(section: Section, info: Map<Section, SectionInfo>): void {
  section.nonTask = false;
  info.get(section)!.nonTask = false;
  for (let up = section.parent; up !== null && info.get(up)!.nonTask && !info.get(up)!.notice; up = up.parent) {
    up.nonTask = false;
    info.get(up)!.nonTask = false;
  }
  for (const child of section.children) clearNonTask(child, info);
}

/** Keywords that make a parenthesis in a heading an attribution (`…工作(市政府办公室牵头,…)`) rather than part of the title. */
const TITLE_ENDING_KEYWORDS = new Set([T.LeadField, T.ResponsibleField, T.DeadlineField, T.PersonField, T.LeadVerb, T.JointLead]);

/** The title: from after the marker to the first sentence end, attribution bracket or parenthesis, or gap of spaces. */
function titleOf(toks: IToken[], block: Block, text: string): Span {
  let start = block.marker ? end(block.marker) : block.start;
  const to = block.last;
  let first = block.first;
  // Tabs right after the marker are its spacing (`\t1.\t推进…`: Word's numbered list saved as plain text), not a cell's
  // border: a tab ends the title only after its words.
  while (first < to && toks[first]!.tokenType === T.Tab) first++;
  // A bracket that opens the item, the work after it (`【县发改局】推进…`, `【专项行动】开展…`), tags it: the title is the work.
  const tag = first < to && toks[first]!.tokenType === T.LBracket ? closingBracketAt(toks, first, to) : -1;
  if (tag > 0 && tag + 1 < to) {
    start = end(toks[tag]!);
    first = tag + 1;
  }
  let stop = block.end;
  let prevEnd = -1;
  // The parenthesis scan: tokens before `scanEnd` (the first `)` after the last scanned `(`) were read once;
  // `lastKeyword` is the last attribution keyword among them.
  let scanEnd = -1;
  let lastKeyword = -1;
  // The last `负责` among them: a parenthesis that holds one after units' names and closes the item is its attribution
  // (`…系统（县委办、县政府办负责，5月底前完成）`); one of words (`推行首问责任制（实行首问负责制）`) is the title's.
  let lastCharge = -1;
  for (let i = first; i < to; i++) {
    const tok = toks[i]!;
    const type = tok.tokenType;
    const gluedField = TITLE_ENDING_KEYWORDS.has(type) && (T.holdsColon(tok) || (i + 1 < to && toks[i + 1]!.tokenType === T.Colon));
    if (type === T.SentenceEnd || type === T.Semicolon || type === T.LBracket || type === T.Tab || gluedField || (type === T.Comma && leadSegmentAfter(toks, i, to))) {
      stop = tok.startOffset;
      break;
    }
    if (prevEnd >= 0 && tok.startOffset > prevEnd && hasTrimSpace(text, prevEnd, tok.startOffset) && !startsAlphanumeric(tok.image)) {
      stop = prevEnd;
      break;
    }
    if (type === T.LParen) {
      if (i >= scanEnd) {
        lastKeyword = -1;
        lastCharge = -1;
        for (scanEnd = i + 1; scanEnd < to && toks[scanEnd]!.tokenType !== T.RParen; scanEnd++) {
          const inner = toks[scanEnd]!.tokenType;
          if (TITLE_ENDING_KEYWORDS.has(inner)) lastKeyword = scanEnd;
          else if (inner === T.ChargeVerb) lastCharge = scanEnd;
        }
      }
      if (lastKeyword > i || (lastCharge > i && closesItem(toks, scanEnd, to) && namesUnitsBefore(toks, i, lastCharge, text))) {
        stop = tok.startOffset;
        break;
      }
    }
    prevEnd = end(tok);
  }
  const span = trimSpan(text, start, Math.max(start, stop));
  // Drop trailing punctuation (`完善制度,` → `完善制度`) and Markdown's emphasis around the title (`**完善制度**`).
  while (span.end > span.start && TITLE_TRAILING.has(text.charCodeAt(span.end - 1))) span.end--;
  // A half-width full stop after Chinese words (`建设健康主题公园2个.`, a text typed with Western punctuation) too; after
  // Latin words it may be an abbreviation's.
  if (span.end - span.start >= 2 && text.charCodeAt(span.end - 1) === 0x2e && HAN_BEFORE_STOP.test(text[span.end - 2]!)) span.end--;
  while (span.start < span.end && text.charCodeAt(span.start) === 0x2a) span.start++;
  return span;
}

/** Are the words between the `(` at `open` and the verb at `verb` units' names (`县委办、县政府办` before `负责`)? */
function namesUnitsBefore(toks: IToken[], open: number, verb: number, text: string): boolean {
  const names = text.slice(end(toks[open]!), toks[verb]!.startOffset).replace(/^由/, '');
  return namedList(names);
}

/** Does the `)` at `close` end the item [.., to): nothing but a full stop or a semicolon after it? */
function closesItem(toks: IToken[], close: number, to: number): boolean {
  if (close >= to) return false;
  for (let k = close + 1; k < to; k++) if (toks[k]!.tokenType !== T.SentenceEnd && toks[k]!.tokenType !== T.Semicolon) return false;
  return true;
}

/** A character after which a half-width `.` ends a Chinese title: a Chinese character or a closing quote or bracket. */
const HAN_BEFORE_STOP = /[\u4e00-\u9fff”’）》]/;

/** The `】` `]` that closes the bracket opened at `open`, before `to`; -1 when none does. */
function closingBracketAt(toks: IToken[], open: number, to: number): number {
  let depth = 0;
  for (let i = open; i < to; i++) {
    const type = toks[i]!.tokenType;
    if (type === T.LBracket) depth++;
    else if (type === T.RBracket && --depth === 0) return i;
  }
  return -1;
}

/**
 * Does the comma at `comma` open a segment of units and their lead verb and nothing after it (`推进清理，县发改局牵头，…`:
 * where the title ends)? Not when the work follows the verb (`2024年3月底前，市城管局牵头制定细则`: that is the title).
 */
function leadSegmentAfter(toks: IToken[], comma: number, to: number): boolean {
  let next = comma + 1;
  while (next < to && toks[next]!.tokenType !== T.Comma && toks[next]!.tokenType !== T.SentenceEnd && toks[next]!.tokenType !== T.Semicolon) next++;
  let last = next - 1;
  while (last > comma && toks[last]!.tokenType === T.Newline) last--;
  // `…，县应急局（牵头）、县住建局，…`: names one of which a lead mark follows say who leads as a verb would.
  return last > comma && ((leadsAfterBy(toks[last]!) && unitsThenVerb(toks, comma + 1, next)) || markedUnits(toks, comma + 1, next));
}

const TITLE_TRAILING = new Set([...',，、:：;；*'].map((c) => c.charCodeAt(0)));

/** Does [from, to) of `text` hold a space that `\s` matches? */
function hasTrimSpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isTrimCode(text.charCodeAt(i))) return true;
  return false;
}

/** Does `image` start with an ASCII letter or digit? */
function startsAlphanumeric(image: string): boolean {
  const c = image.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Continuous numbering runs on across parents; per-parent restarts at 1 under each. Markers are compared with the
 * previous one of their level in the same list (`SeparateList`, or the rest of the document); a part that assigns no
 * work starting again at 1, or the tasks after one, says nothing either way (`restartsNewPart`).
 */
function numberingMode(all: Section[], separate: readonly SeparateList[]): NumberingMode {
  let continuous = 0;
  let restart = 0;
  // Each section is compared with the one before it of its level (1–5) and list, in document order, tasks numbered by
  // name with the tasks of their level (`numberingSlot`): the last one read of each is kept. Inline items (6) and decimal
  // markers do not count.
  const last: (Section | undefined)[] = new Array(NUMBERING_SLOTS * (separate.length + 1));
  const listOf = separateListWalker(separate);
  for (const cur of all) {
    const list = listOf(cur); // -1: none
    // A decimal marker starts again under each parent by its form (`1.1` `1.2` `2.1`): it says nothing of the others.
    if (cur.marker.level === 6 || cur.marker.style === 'decimal') continue;
    const slot = NUMBERING_SLOTS * (list + 1) + numberingSlot(cur.marker);
    const prev = last[slot];
    last[slot] = cur;
    if (prev === undefined || prev.parent === cur.parent || cur.parent === null || restartsNewPart(prev, cur)) continue;
    if (cur.marker.value === 1) restart++;
    else if (cur.marker.value === prev.marker.value + 1) continuous++;
  }
  if (continuous === 0 && restart === 0) return 'unknown';
  return continuous > restart ? 'continuous' : 'per-parent';
}

/**
 * Is `first`, the text's first numbered item, past the first of its list (`三、` after the title and preamble, `（四）`,
 * `7.`)? Nothing before it held the items it follows: the text shows the plan from the middle (a copy of its task
 * chapters), whatever stands above.
 */
function startsPastOne(first: Section): boolean {
  const { value, level } = first.marker;
  return level <= 5 && Number.isInteger(value) && value > 1;
}

/** A line break (`\r`, `\n`), searched from a line's start. */
const LINE_BREAK = /[\r\n]/g;

/**
 * Does a line before `offset` (the first marker) read as a title or a heading: short, and not ending as a sentence
 * or a clause does? A longer line (a text that lost its line breaks) is read piece by piece between spaces, as the
 * title is. Blank lines and directive comments do not count. A text with none starts mid-document.
 */
function headingBefore(text: string, offset: number): boolean {
  // Line by line from the start, up to the first that reads as a heading (usually the first: a split made them all).
  for (let from = 0; from < offset; ) {
    LINE_BREAK.lastIndex = from;
    const to = LINE_BREAK.test(text) ? Math.min(LINE_BREAK.lastIndex - 1, offset) : offset;
    const line = text.slice(from, to);
    from = to + 1;
    const pieces = line.length > 80 ? line.split(/[ \t\u3000\u00a0]+/) : [line];
    for (const piece of pieces) {
      const words = piece.replace(/^[ \t\u3000\u00a0\ufeff#]+|[ \t\u3000\u00a0]+$/g, '');
      if (words.length === 0 || words.startsWith('<!--')) continue;
      if (words.length <= 80 && !/[。；;，,：:、！？!?…]$/.test(words)) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Tasks

function bodyTasks(built: BuiltSections, ctx: AttributionContext, convention: LeadConvention): Task[] {
  const tasks: Task[] = [];
  const maxLevel = built.all.reduce((m, s) => (s.marker.level <= 5 ? Math.max(m, s.marker.level) : m), 0);
  // Level-1 headings whose work is told by unnumbered paragraphs are tasks (`四、…` then `任务要求。…牵头单位:X`):
  // when one of them assigns work, so do its siblings that say nothing yet (one cut off, one without attribution).
  // One whose inline items are tasks (`一是…` lines, each with its own attribution) tells its work by them.
  const leafChapters = new Set(built.roots.filter((s) => !built.info.get(s)!.nonTask && !built.info.get(s)!.inlineTasks && !s.children.some((c) => c.marker.level <= 5)));
  const chaptersAreTasks = [...leafChapters].some((s) => built.info.get(s)!.own.length > 0);
  const carries: Carries = new Map();
  for (const section of built.all) {
    const entry = built.info.get(section)!;
    if (entry.nonTask) continue;
    const isTask = isTaskSection(section, built, maxLevel) || (chaptersAreTasks && leafChapters.has(section));
    const task = isTask ? sectionTask(section, built, ctx, convention, carries, tasks[tasks.length - 1] ?? null) : null;
    if (task !== null) tasks.push(task);
    // After its own task is read: a `下同` holds for the items after it, not for its own.
    if (entry.own.length > 0) carryOn(section, task, built, ctx, convention, carries);
  }
  return tasks;
}

/**
 * Units and a deadline an item's `下同` gives the items after it that name none of their own (`（牵头单位：县文旅局，下同）`,
 * `（县应急局牵头，2025年底前完成，下同）`), by the section whose items they are: the rest of that list, as far as a
 * heading's units or deadline reach (its items, not the next heading's, which may say otherwise). A later `下同` in the
 * list replaces what it carries (units, a deadline) and leaves the rest in force; an item that names its own keeps them
 * and leaves the `下同` in force for the items after it (`下同` states it once for all of them).
 */
type Carries = Map<Section | null, Carried>;
interface Carried {
  lead: UnitMention[];
  responsible: UnitMention[];
  /** Was the lead written as such (`牵头单位：X，下同`), not read from a lone responsible unit (`责任单位：X，下同`)? */
  leadWritten: boolean;
  /** The deadline carried, null when the `下同` carries none. */
  deadline: Deadline | null;
}

/** Record what `section`'s own attributions carry to the items after it, read as its task reads them. */
function carryOn(section: Section, task: Task | null, built: BuiltSections, ctx: AttributionContext, convention: LeadConvention, carries: Carries): void {
  const own = built.info.get(section)!.own;
  const below = carriedBelow(own, ctx.text);
  if (below === null) return;
  const before = carries.get(section.parent);
  let lead = before?.lead ?? NO_UNITS;
  let responsible = before?.responsible ?? NO_UNITS;
  let leadWritten = before?.leadWritten ?? false;
  const units = below.units;
  if (units !== null) {
    const written = gather(own, LEAD);
    const read = task ?? applyConvention(written, gather(own, RESPONSIBLE), own, ctx.text, convention);
    const carriedLead = read.lead.filter((u) => units.has(u));
    const carriedResponsible = read.responsible.filter((u) => units.has(u));
    if (carriedLead.length > 0 || carriedResponsible.length > 0) {
      lead = carriedLead;
      responsible = carriedResponsible;
      leadWritten = carriedLead.some((u) => written.includes(u));
    }
  }
  const deadline = below.deadlines !== null ? pickDeadline(below.deadlines) : null;
  if (lead.length === 0 && responsible.length === 0 && deadline === null) return;
  carries.set(section.parent, { lead, responsible, leadWritten, deadline: deadline ?? before?.deadline ?? null });
}
const NO_UNITS: UnitMention[] = [];

/**
 * The units a `下同` before `section` in its list gives it, else one in an enclosing list, unless a heading between
 * names units of its own (the heading's are nearer).
 */
function carriedTo(section: Section, built: BuiltSections, carries: Carries): Carried | null {
  if (carries.size === 0) return null;
  for (let node = section; ; node = node.parent) {
    const carried = carries.get(node.parent);
    if (carried !== undefined && (carried.lead.length > 0 || carried.responsible.length > 0)) return carried;
    if (node.parent === null) return null;
    if (built.info.get(node.parent)!.own.some((a) => a.lead.length > 0 || a.responsible.length > 0)) return null;
  }
}

/** The deadline a `下同` before `section` in its list gives it, else one in an enclosing list, unless a heading between names a deadline. */
function carriedDeadlineTo(section: Section, built: BuiltSections, carries: Carries): Deadline | null {
  if (carries.size === 0) return null;
  for (let node = section; ; node = node.parent) {
    const carried = carries.get(node.parent);
    if (carried !== undefined && carried.deadline !== null) return carried.deadline;
    if (node.parent === null) return null;
    if (built.info.get(node.parent)!.own.some((a) => a.deadlines.length > 0)) return null;
  }
}

/**
 * A task's own lead and responsible units, with what a `下同` gives it: all of them where it names none; the lead
 * written with `下同` where it names only responsible units (`（责任单位：X）` after `（牵头单位：A，下同）`: A leads, X is
 * responsible, not led by X alone as the plan's default reading would have it, unless the plan states a convention).
 */
function ownUnits(
  own: Attribution[],
  carried: Carried | null,
  text: string,
  convention: LeadConvention,
): { lead: UnitMention[]; responsible: UnitMention[]; carriedLead: boolean; carriedResponsible: boolean } {
  const lead = gather(own, LEAD);
  const responsible = gather(own, RESPONSIBLE);
  if (carried !== null && lead.length === 0 && responsible.length === 0) {
    return { lead: carried.lead, responsible: carried.responsible, carriedLead: carried.lead.length > 0, carriedResponsible: carried.responsible.length > 0 };
  }
  if (carried !== null && lead.length === 0 && carried.leadWritten && convention === 'none') {
    // The lead listed again among them (`（责任单位：县文旅局、县交通局）`) leads: it is not also responsible.
    const others = responsible.filter((u) => !carried.lead.some((l) => l.key === u.key));
    return { lead: carried.lead, responsible: others, carriedLead: true, carriedResponsible: false };
  }
  const read = applyConvention(lead, responsible, own, text, convention);
  if (carried !== null && read.responsible.length === 0 && carried.responsible.length > 0) {
    return { lead: read.lead, responsible: carried.responsible, carriedLead: false, carriedResponsible: true };
  }
  // Written out: a spread that adds properties (`{ ...read, carriedLead: false }`) takes the engine's slow path, ~1 µs a
  // task, a sixth of the model's time over small plans.
  return { lead: read.lead, responsible: read.responsible, carriedLead: false, carriedResponsible: false };
}

function isTaskSection(section: Section, built: BuiltSections, maxLevel: number): boolean {
  const entry = built.info.get(section)!;
  if (section.marker.level === 6) return section.parent !== null && built.info.get(section.parent)!.inlineTasks;
  // Items of a labelled list under it (`工作要求：` `1.…`) are no parts of it: it is still a task.
  const structural = section.children.some((c) => c.marker.level <= 5 && !built.info.get(c)!.labelled);
  if (structural || entry.inlineTasks) return false;
  return section.marker.level >= 2 || entry.own.length > 0 || maxLevel === 1;
}

/** The task of `section`; `previous`, the task read before it (the item above, for a field that says `同上`). */
function sectionTask(section: Section, built: BuiltSections, ctx: AttributionContext, convention: LeadConvention, carries: Carries, previous: Task | null): Task {
  const entry = built.info.get(section)!;
  // `（牵头单位：同上；完成时限：同上）`: a field that says it repeats the item above holds that item's value, before
  // what a `下同` higher up carries (the item says itself where its value is).
  const same = previous !== null && entry.own.length > 0 ? sameAsAboveRoles(entry.own, ctx.text) : null;
  const carried = same !== null && (same.lead || same.responsible) ? null : carriedTo(section, built, carries);
  const { lead, responsible, carriedLead, carriedResponsible } = ownUnits(entry.own, carried, ctx.text, convention);
  const explicit = gather(entry.own, DEADLINES);
  // A field's deadline that names no date (`完成时限：秋季开学前`) leaves the dates the task's text gives a say.
  const written = explicit.some(hasDate) ? explicit : explicit.length > 0 ? [...explicit, ...ownProseDeadlines(entry, ctx)] : ownProseDeadlines(entry, ctx);
  const inherited = { lead: carriedLead, responsible: carriedResponsible, deadline: false };
  let finalLead = lead;
  let finalResponsible = responsible;
  let deadline = pickDeadline(written);
  if (same !== null && previous !== null) {
    if (same.lead && lead.length === 0 && previous.lead.length > 0) {
      finalLead = previous.lead;
      inherited.lead = true;
    }
    if (same.responsible && responsible.length === 0 && previous.responsible.length > 0) {
      finalResponsible = previous.responsible;
      inherited.responsible = true;
    }
    if (same.deadline && deadline === null && previous.deadline !== null) {
      deadline = previous.deadline;
      inherited.deadline = true;
    }
  }
  // `（县应急局牵头，2025年底前完成，下同）` above it in its list.
  if (deadline === null) {
    deadline = carriedDeadlineTo(section, built, carries);
    inherited.deadline = deadline !== null;
  }
  for (let child = section, up = section.parent; up !== null; child = up, up = up.parent) {
    const above = attributionsFor(built.info.get(up)!, child);
    // What the heading's attributions say under the plan's convention (`责任单位：X` alone: X leads), as for a task's own.
    const given = above.length > 0 && (finalLead.length === 0 || finalResponsible.length === 0) ? applyConvention(gather(above, LEAD), gather(above, RESPONSIBLE), above, ctx.text, convention) : null;
    if (given !== null && finalLead.length === 0 && given.lead.length > 0) {
      finalLead = given.lead;
      inherited.lead = true;
    }
    if (given !== null && finalResponsible.length === 0 && given.responsible.length > 0) {
      finalResponsible = given.responsible;
      inherited.responsible = true;
    }
    if (deadline === null) {
      const d = pickDeadlineOf(above) ?? headingDeadline(built.info.get(up)!, ctx);
      if (d) {
        deadline = d;
        inherited.deadline = true;
      }
    }
  }
  // Last, what the plan gives every task: a letter of responsibility's party leads, a statement sets the deadline.
  if (finalLead.length === 0 && built.party !== undefined && built.party.length > 0) {
    finalLead = built.party;
    inherited.lead = true;
  }
  if (deadline === null && built.everyTask.length > 0) {
    deadline = pickDeadline(built.everyTask);
    inherited.deadline = deadline !== null;
  }
  // Sorted after the pick: among equal ends the first written binds.
  const deadlines = written.sort((a, b) => a.span.start - b.span.start);
  // A paragraph whose inline items were folded into it spans them too.
  const taskSpan = entry.foldedInline ? section.span : section.bodySpan;
  const fields = {
    source: 'body' as const,
    number: section.marker.text,
    numberValue: Number.isNaN(section.marker.value) ? null : section.marker.value,
    title: section.title,
    section,
    row: null,
    table: null,
    lead: finalLead,
    responsible: finalResponsible,
    deadline,
    deadlines,
    inherited,
  };
  return new PlacedTask(fields, null, taskSpan, ctx.lines);
}

/**
 * A task's own lead and responsible units under the plan's convention. With no `牵头` written: the first listed
 * leads (`first`), the responsible units lead (`all`), or a lone responsible unit leads (`none`, several leave the lead
 * open). Where `牵头` is written, it is kept as written.
 */
function applyConvention(
  lead: UnitMention[],
  responsible: UnitMention[],
  own: Attribution[],
  text: string,
  convention: LeadConvention,
): { lead: UnitMention[]; responsible: UnitMention[] } {
  const explicitLead = own.some((a) => a.lead.length > 0 && leadWritten(text, a.span));
  if (explicitLead) return { lead, responsible };
  const listed = lead.length > 0 ? [...lead, ...responsible] : responsible;
  if (listed.length === 0) return { lead, responsible };
  if (convention === 'first' && (lead.length > 1 || lead.length === 0)) {
    // The first listed of those in charge: a unit that only co-operates (`（县政务服务中心配合）`) never leads.
    const cooperating = cooperation(own, text);
    const first = lead.length > 0 ? lead[0]! : responsible.find((u) => !cooperating(u));
    return first === undefined ? { lead, responsible } : asLead([first], listed.filter((u) => u !== first));
  }
  if (lead.length > 0) return { lead, responsible };
  // Only units named responsible (`责任单位`) may lead; units that only co-operate (`配合单位`, `参与单位`) never do.
  if (!own.some((a) => foundIn(RESPONSIBLE_WRITTEN, text, a.span) || namesUnitsOnly(a, text))) return { lead, responsible };
  // `责任单位：X；配合单位：Y`: X is the one unit in charge, and leads; Y still only co-operates.
  const cooperating = cooperation(own, text);
  const inCharge = responsible.filter((u) => !cooperating(u));
  return leadsInCharge(inCharge, responsible, convention) ?? { lead, responsible };
}

/** A role written in an attribution: a field name or a verb. */
const ROLE_WRITTEN = /牵头|牽頭|负责|負責|配合|参与|參與|参加|參加|协办|協辦|协同|協同|会同|會同|[责責]任|[单單]位|部[门門]/;

/** Is `a` a bracket of unit names only (`（县财政局）`): the units in charge, written without a role? */
function namesUnitsOnly(a: Attribution, text: string): boolean {
  return a.lead.length === 0 && a.responsible.length > 0 && !ROLE_WRITTEN.test(spanText(text, a.span));
}

/** The text of `span`, a hard wrap in it dropped: an attribution's words as written (`责任单` / `位` is `责任单位`). */
function spanText(text: string, span: Span): string {
  return oneLine(text.slice(span.start, span.end));
}

/**
 * The words a field name of units ends with, in both scripts, as the grammar's field names have them: units, departments,
 * offices (`处室` `科室` `股室`) and a school's groups (`年级组` `教研组`).
 */
const FIELD_UNIT_WORDS = '单位|單位|部门|部門|处室|處室|科室|股室|年级组|年級組|教研组|教研組';
/** Field names of units that co-operate (`配合单位` `协办单位` `参与单位` `协同责任单位` `支持单位`). */
const COOPERATE_FIELD = new RegExp(`(?:${COOPERATING_WORDS})(?:(?:责任|責任)?(?:${FIELD_UNIT_WORDS})|[:：])`, 'g');
/** Field names of units in charge (`责任单位` `责任部门` `责任主体`). */
const IN_CHARGE_FIELD = new RegExp(`(?:责任|責任)(?:${FIELD_UNIT_WORDS}|主体|主體)|[实實]施主[体體]|(?:[实實]施|承[担擔]|落[实實]|[执執]行)(?:单位|單位)[:：]`, 'g');
/** A verb after a list that makes its units co-operate (`县发改局、县财政局配合`). */
const COOPERATE_AFTER = /^[^，,；;。:：]{0,40}?(?:配合|参与|參與|参加|參加|协助|協助)/;

/**
 * Whether a unit only co-operates (`cooperation(own, text)(unit)`): named under a co-operating field (the last field
 * name before it in its attribution, `配合责任单位` not read as `责任单位`), or in a list a co-operating verb ends?
 */
function cooperation(own: Attribution[], text: string): (unit: UnitMention) => boolean {
  // The field names of each attribution, found once for all its units (per unit, a list of many units was read
  // again for each: a time that grew with the square of the list).
  const fields = new Map<Attribution, { coop: number[]; charge: number[] }>();
  const fieldsOf = (a: Attribution) => {
    let found = fields.get(a);
    if (found === undefined) {
      const written = spanText(text, a.span);
      found = { coop: matchSpans(COOPERATE_FIELD, written), charge: matchSpans(IN_CHARGE_FIELD, written.replace(COOPERATE_FIELD, (m) => '\u0000'.repeat(m.length))) };
      fields.set(a, found);
    }
    return found;
  };
  return (unit) => {
    const a = own.find((x) => x.span.start <= unit.span.start && unit.span.end <= x.span.end);
    if (a === undefined) return false;
    const { coop: coopSpans, charge: chargeSpans } = fieldsOf(a);
    const at = unit.span.start - a.span.start;
    const coop = lastBefore(coopSpans, at);
    const charge = lastBefore(chargeSpans, at);
    if (coop >= 0 || charge >= 0) return coop > charge;
    return COOPERATE_AFTER.test(spanText(text, { start: unit.span.end, end: a.span.end }));
  };
}

/** The starts and ends of `re`'s matches in `s`, in pairs. */
function matchSpans(re: RegExp, s: string): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) out.push(m.index, m.index + m[0].length);
  return out;
}

/** The start of the last match (of `spans`, `matchSpans`'s) that ends by `at`, -1 when none. */
function lastBefore(spans: readonly number[], at: number): number {
  let last = -1;
  for (let k = 0; k + 1 < spans.length && spans[k + 1]! <= at; k += 2) last = spans[k]!;
  return last;
}

/** A field that names the responsible units (not the co-operating ones), in either script. */
const RESPONSIBLE_WRITTEN = new RegExp(`[责責]任(?:${FIELD_UNIT_WORDS}|主体|主體)|[实實]施主[体體]|(?:[实實]施|承[担擔]|落[实實]|[执執]行)(?:单位|單位)[:：]|負責|负责`, 'g');

/** A convention stated inside an attribution (`…等负责,列第一位者为牵头单位,下同`): it writes `牵头` but names no lead. */
const CONVENTION_CLAUSE = /列(?:第一位|首位|在第一位|在首位|第一)[^,，;；)）]{0,16}(?:牵头|牽頭)(?:单位|單位)?/g;

/** `牵头` in either script, or a lead field name. */
const LEAD_WRITTEN = /牵头|牽頭|主办单位|主辦單位|主责单位|主責單位|主责部门|主責部門|主办处室|主辦處室|主责处室|主責處室|承办单位|承辦單位|承办部门|承辦部門/g;

/**
 * Does `re` (global) match inside `span` of `text`? Searched in the span's slice (a slice of a long text is a view,
 * not a copy): a search from the span on through the rest of the text, for every attribution, made reading a plan
 * quadratic in its length (10,000 tasks: a second).
 */
function foundIn(re: RegExp, text: string, span: Span): boolean {
  re.lastIndex = 0;
  return re.test(spanText(text, span));
}

/** Does the attribution at `span` write its lead (`牵头`), other than inside a stated convention (`列第一位者为牵头单位`)? */
function leadWritten(text: string, span: Span): boolean {
  if (!foundIn(LEAD_WRITTEN, text, span)) return false;
  if (!foundIn(CONVENTION_START, text, span)) return true;
  return LEAD_WRITTEN_ONLY.test(spanText(text, span).replace(CONVENTION_CLAUSE, ''));
}

/** Where a convention clause may start: `列` before `第一位` / `首位`. */
const CONVENTION_START = /列(?:第一|首位|在)/g;
const LEAD_WRITTEN_ONLY = /牵头|牽頭|主办单位|主辦單位|主办处室|主辦處室|承办单位|承辦單位/;

function asLead(lead: UnitMention[], responsible: UnitMention[]): { lead: UnitMention[]; responsible: UnitMention[] } {
  for (const u of lead) u.role = 'lead';
  for (const u of responsible) u.role = 'responsible';
  return { lead, responsible };
}

const LEAD = (a: Attribution): UnitMention[] => a.lead;
const RESPONSIBLE = (a: Attribution): UnitMention[] => a.responsible;
const DEADLINES = (a: Attribution): Deadline[] => a.deadlines;

/** `list.flatMap(pick)` at its exact size (the model keeps these arrays). */
function gather<T>(list: Attribution[], pick: (a: Attribution) => T[]): T[] {
  if (list.length === 1) {
    const only = pick(list[0]!);
    return only.length > 0 ? only.slice() : [];
  }
  const out: T[] = [];
  for (const a of list) for (const x of pick(a)) out.push(x);
  return out.length > 0 ? out.slice() : out;
}

/** Deadlines in the task's own text outside its attributions (each attribution lies inside one block; both are in text order). */
function ownProseDeadlines(entry: SectionInfo, ctx: AttributionContext): Deadline[] {
  const found: Deadline[] = [];
  const skip = entry.own.map((a) => a.span);
  for (let b = 1; b < entry.blocks.length; b++) if (entry.blocks[b]!.marker === null) planReports(ctx.text, entry.blocks[b]!, skip);
  skip.sort((a, b) => a.start - b.start);
  let k = 0;
  const blocks = entry.blocks;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    let from = block.marker ? end(block.marker) : block.start;
    // Lines that a hard wrap parted (one line break between them, no blank line) are read as one, so that a date the
    // wrap cut (`2024年6月` / `底前…`) is read whole.
    let until = block.end;
    while (b + 1 < blocks.length && oneBreakBetween(ctx.text, until, blocks[b + 1]!.start)) until = blocks[++b]!.end;
    while (k < skip.length && skip[k]!.end <= from) k++;
    for (; k < skip.length && skip[k]!.start < until; k++) {
      const s = skip[k]!;
      if (s.start > from) proseDeadlines({ start: from, end: s.start }, ctx, found);
      from = Math.max(from, s.end);
    }
    if (from < until) proseDeadlines({ start: from, end: until }, ctx, found);
  }
  return found.length > 0 ? found.slice() : found;
}

/**
 * The sentences of the unnumbered paragraph `block` that ask for a report on the plan as a whole (`各地各部门要对照本要点，
 * …于2025年12月底前将全年工作完成情况报送省数据局。`), added to `out`: their dates are when to report, not when the task
 * above them is due. A sentence names the plan or all its work (`本要点`, `本方案`, `全年工作`, `各项任务`) and a report of
 * how it went (`…情况报送`, `…总结上报`); a report on one task's work (`将排查情况报送县应急局`) names neither.
 */
function planReports(text: string, block: Block, out: Span[]): void {
  let from = block.start;
  while (from < block.end) {
    let to = from;
    let reports = false;
    for (; to < block.end && !SENTENCE_ENDS.has(text.charCodeAt(to)); to++) reports = reports || text.charCodeAt(to) === 0x62a5; /* 报 */
    // Most sentences hold no `报`: only those are searched further.
    if (reports) {
      const sentence = text.slice(from, to);
      if (REPORT_OF_WORK.test(sentence) && WHOLE_PLAN.test(sentence)) out.push({ start: from, end: to });
    }
    from = to + 1;
  }
}

/** `。` `！` `？` `；` and their half-width forms: where a sentence of a requirement ends. */
const SENTENCE_ENDS = new Set([...'。！？；!?;'].map((c) => c.charCodeAt(0)));

/** A report of how the work went: `完成情况报送`, `落实情况上报`, `工作总结报`. */
const REPORT_OF_WORK = /(?:情况|总结)[^，,]{0,12}?(?:报送|上报|报)/;

/** Words that name the plan itself or all its work (`本要点`, `本方案`, `全年工作`, `各项任务`). */
const WHOLE_PLAN = /本(?:要点|方案|计划|意见|清单)|(?:全年|年度|各项)(?:重点)?(?:工作|任务)/;

/** Is [from, to) of `text` spaces around one line break (a hard wrap, not a blank line)? */
function oneBreakBetween(text: string, from: number, to: number): boolean {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) breaks++;
    else if (c !== 0x0d && !isSpace(text[i])) return false;
  }
  return breaks === 1;
}

/** Does `d` name a date, or a period that recurs or goes on (not a written time that names none)? */
function hasDate(d: Deadline): boolean {
  return d.end !== null || d.start !== null || d.ongoing || d.recurring || d.precision !== null;
}

/**
 * The binding deadline: the first bound the task must meet, that is the earliest end among the dated deadlines
 * written (`5月底前…年底前` → 5月底前; a range binds by its end); when no single date is given, the first written of
 * those that recur or run on from a date they name (`每季度`, `2026年起每年开展一次…` → 2026年起), else the first written
 * (an ongoing phrase, a holiday period). Among equal ends the first written binds.
 */
function pickDeadline(deadlines: Deadline[]): Deadline | null {
  let best: Deadline | null = null;
  for (const d of deadlines) if (bindsBefore(d, best)) best = d;
  return best;
}

/**
 * How early a deadline binds: 0 a date's end; 1 a period that recurs or runs on from a date it names (`每季度`, `2026年起`,
 * ongoing with a start); 2 the rest (an ongoing phrase, a holiday period).
 */
function bindRank(x: Deadline): number {
  if (x.end !== null && !x.recurring) return 0;
  return x.recurring || (x.ongoing && x.start !== null) ? 1 : 2;
}

/** Does `d` bind before `best` (null: nothing yet)? */
function bindsBefore(d: Deadline, best: Deadline | null): boolean {
  if (best === null) return true;
  const a = bindRank(d);
  const b = bindRank(best);
  if (a !== b) return a < b;
  return a === 0 && d.end! < best.end!;
}

/**
 * The deadline a heading ends with, in its bracket or as its last clause (`一、第一阶段：基础整治（2025年6月底前完成）`,
 * `二、改造提升，2025年10月底前完成`, `（2025年7月至10月）`): the deadline of its part, which each task under it that names
 * none inherits. Read in the title as prose (a cue asked for: `到2025年，基本建成…` is a target), and only where nothing
 * but `完成` and the bracket's close follows it: a date inside the heading's words (`…，2025年底前完成100个小区改造`) is
 * a goal of the part, not the bound of its tasks. A heading that is a task reads its own text (`ownProseDeadlines`); this
 * is read only for the tasks under one. Read once per heading.
 */
function headingDeadline(entry: SectionInfo, ctx: AttributionContext): Deadline | null {
  if (entry.headingDeadline !== undefined) return entry.headingDeadline;
  const { titleSpan } = entry.section;
  let found: Deadline | null = null;
  if (titleSpan.end > titleSpan.start) {
    const written = proseDeadlines(titleSpan, ctx);
    const last = written[written.length - 1];
    if (last !== undefined && HEADING_DEADLINE_TAIL.test(ctx.text.slice(last.span.end, titleSpan.end)) && !isPlanPeriod(last, ctx)) found = last;
  }
  entry.headingDeadline = found;
  return found;
}

/**
 * Is `d` the plan's whole period written again (`二、重点任务（2021—2025年）` in a plan for 2021–2025)? That says when the
 * plan runs, not when its part is due: whether it counts is `deadline.planPeriodSatisfies`'s to say.
 */
function isPlanPeriod(d: Deadline, ctx: AttributionContext): boolean {
  const period = ctx.deadlines.period;
  return period !== null && d.start === `${period.start}-01-01` && d.end === `${period.end}-12-31`;
}

/** What may follow a heading's deadline to its end: `完成` (`全部完成`), the bracket's close, spaces. */
const HEADING_DEADLINE_TAIL = /^[\s\u3000]*(?:(?:全部|全面)?完成)?[\s\u3000]*[）)]?[\s\u3000]*$/;

/** `pickDeadline` over the deadlines of `attributions`, in order. */
function pickDeadlineOf(attributions: Attribution[]): Deadline | null {
  let best: Deadline | null = null;
  for (const a of attributions) for (const d of a.deadlines) if (bindsBefore(d, best)) best = d;
  return best;
}

/**
 * The tasks of task tables, a row each. Columns are read by their role: every 牵头 column gives leads, every
 * 责任/配合 column responsible units (a table with no 牵头 column reads its 责任单位 by the plan's lead convention), every 完成时限 column
 * deadlines, and the task text its own prose deadlines (binding only when no 完成时限 cell names a date); leaders
 * (persons) and other columns give nothing.
 */
function tableTasks(tables: Table[], ctx: AttributionContext, convention: LeadConvention): Task[] {
  const tasks: Task[] = [];
  const rowDeadlines = new ListBuffer<Deadline>();
  const { text } = ctx;
  for (const table of tables) {
    const numberCol = table.columns.indexOf('number');
    // The title is read from the first task column filled, a column of the work asked before a project's name.
    const taskCols = titleColumns(table.header, table.columns, table.rows);
    // A column of the lead and those who take part together (`牵头/配合单位`, `牵头单位及责任单位`) is read as a list
    // of responsible units, read first, whose first unit leads unless a cell says who leads (`X牵头，Y配合`).
    const combined = columnsOf(table, 'lead').filter((c) => COMBINED_LEAD_HEADER.test(headerWords(table.header[c]!)));
    const leadCols = columnsOf(table, 'lead').filter((c) => !combined.includes(c));
    // A column of those in charge that leads beside a 配合 column (`责任单位`, `实施主体`: its header names no lead).
    const inChargeCols = leadCols.filter((c) => columnRole(table.header[c]!) !== 'lead');
    const respCols = [...combined, ...columnsOf(table, 'responsible')];
    const deadlineCols = columnsOf(table, 'deadline');
    const remarkCols = columnsOf(table, 'other').filter((c) => REMARK_HEADER.test(headerWords(table.header[c]!)));
    // A column of units with their persons (`责任单位及责任人`): its names are cut at spaces, its persons left out.
    const withPersons = [...leadCols, ...respCols].some((c) => PERSON_HEADER.test(headerWords(table.header[c]!)));
    const cellOptions = { splitAtSpaces: table.form === 'space' || withPersons, glued: table.form === 'glued', dropPersons: withPersons };
    // A table with no 牵头 column whose 责任单位 column names the units in charge: its units lead by the plan's
    // convention, as an item's do (one unit leads; several leave the lead open unless the plan says who leads).
    const byConvention = leadCols.length === 0 && respCols.some((c) => RESPONSIBLE_WRITTEN_HEADER.test(headerWords(table.header[c]!)));
    const glued = table.form === 'glued';
    // Group columns, when the table merges its 牵头 cells over a group (see `mergesGroupLead`).
    const groupCols = groupColumns(table, taskCols);
    if (groupCols.length > 0 && !mergesGroupLead(table, groupCols, leadCols)) groupCols.length = 0;
    let previous: Task | null = null;
    // Does the run of rows the row continues open with a numbered row (the table numbers its rows)?
    let numbered = false;
    // Has a row above filled a group column (so a row that leaves it empty is in that row's group)?
    let grouped = false;
    // Index loops here and in the helpers below: they run for every cell of every row, and a `for…of` makes an
    // iterator and a result object per step wherever the engine has not optimised the loop (a table's first rows).
    for (let r = 0; r < table.rows.length; r++) {
      const row = table.rows[r]!;
      const numberText = numberCol >= 0 ? row.cells[numberCol]! : '';
      // A row whose cells wrap (a fixed-width copy: `区工信局、区` / `市场监管局`) is read in a text of its own, each
      // cell its pieces joined; what is read there is placed back in the document (`placeBack`).
      const wrapped = row.parts ? wrappedRow(text, row, ctx.lines) : null;
      const cells = wrapped?.row ?? row;
      const rctx = wrapped ? { ...ctx, text: wrapped.text, units: wrapped.units } : ctx;
      const rtext = rctx.text;
      // A row with no number under a numbered one continues it: its cells merged with the row above in Word or
      // Excel, whose copy as text keeps a merged cell's value in its first row only.
      const above: Task | null = previous;
      const continues = numberCol >= 0 && numberText.trim() === '' && above !== null && numbered;
      if (!continues) numbered = numberText.trim() !== '';
      // A row under a group cell merged over it (`| 2 |  | 落实以旧换新补贴 |  |`, its `重点任务` left empty by the copy).
      const inGroup = groupCols.length > 0 && above !== null && grouped && allEmpty(row, groupCols);
      if (!allEmpty(row, groupCols)) grouped = true;
      // A glued row's second run of units (its cells merged over lines in Word) belongs to the numbered row above, as
      // does a continuing row with no task text of its own (its task cell merged).
      if (previous && ((glued && numberText === '') || (continues && allEmpty(row, taskCols)))) {
        readLeadCells(cells, leadCols, inChargeCols, rctx, cellOptions, previous.lead, previous.responsible, rowDeadlines);
        readUnitCells(respCols.map((c) => cellOf(cells, c)), 'responsible', rctx, cellOptions, previous.lead, previous.responsible, rowDeadlines);
        if (wrapped) placeBack(wrapped, ctx, []);
        rowDeadlines.clear();
        continue;
      }
      // A cell that says `同上` (`〃`) holds the value of the cell above: it names no unit and no date of its own.
      const ditto = above !== null ? dittoColumns(row, leadCols, respCols, deadlineCols) : null;
      const rowLeadCols = ditto?.lead ? leadCols.filter((c) => !isDitto(row, c)) : leadCols;
      const rowRespCols = ditto?.responsible ? respCols.filter((c) => !isDitto(row, c)) : respCols;
      const rowDeadlineCols = ditto?.deadline ? deadlineCols.filter((c) => !isDitto(row, c)) : deadlineCols;
      // The units first: a unit cell may hold a deadline too (`县人社局、县医保局，6月底前完成`).
      const lead: UnitMention[] = [];
      const listed: UnitMention[] = [];
      readLeadCells(cells, rowLeadCols, inChargeCols, rctx, cellOptions, lead, listed, rowDeadlines);
      readUnitCells(rowRespCols.map((c) => cellOf(cells, c)), 'responsible', rctx, cellOptions, lead, listed, rowDeadlines);
      // `| 县住建局、县财政局 | … | 县住建局牵头 |`: a remark may say who leads.
      if (lead.length === 0 && remarkCols.length > 0) readRemarkLead(remarkCols.map((c) => cellOf(cells, c)), rctx, lead, listed);
      const taskSpan = firstFilled(cells, taskCols) ?? cells.span;
      // The title ends at the first `。` or `；`.
      let titleEnd = taskSpan.end;
      for (let i = taskSpan.start; i < taskSpan.end; i++) {
        const c = rtext.charCodeAt(i);
        if (c === 0x3002 /* 。 */ || c === 0xff1b /* ； */ || c === 0x3b /* ; */) {
          titleEnd = i;
          break;
        }
      }
      let titleSpan = trimSpan(rtext, taskSpan.start, titleEnd);
      // A row's deadlines, placed in the document, in text order, in a list of their exact size: its deadline
      // cells', and those its task text states (`…，6月底前完成`).
      for (let k = 0; k < taskCols.length; k++) {
        const cell = cellOf(cells, taskCols[k]!);
        if (cell !== null && cell.end > cell.start) placeDeadlines(rowDeadlines, cell.start, cell.end, rctx, 'prose');
      }
      for (let k = 0; k < rowDeadlineCols.length; k++) {
        const cell = cellOf(cells, rowDeadlineCols[k]!);
        if (cell !== null && cell.end > cell.start) placeWrittenDeadline(rowDeadlines, cell.start, cell.end, rctx);
      }
      const deadlines = rowDeadlines.take().sort((a, b) => a.span.start - b.span.start);
      const numberValue = parseArabic(numberText.trim());
      const attribution = tableAttribution(lead, listed, combined.length > 0 ? 'first' : byConvention ? convention : null);
      let deadline: Deadline | null = pickDeadline(besideTaskText(deadlines, cells, deadlineCols, taskCols) ?? deadlines);
      const inherited = { lead: false, responsible: false, deadline: false };
      // A continuing row's empty unit and deadline cells were merged with the row above: they hold its values.
      if (continues && above) {
        const leadEmpty = allEmpty(row, leadCols);
        const respEmpty = allEmpty(row, respCols);
        // With no 牵头 column the lead comes from the 责任单位 cell: inherited only when that cell is empty too.
        if (attribution.lead.length === 0 && leadEmpty && (leadCols.length > 0 || respEmpty) && above.lead.length > 0) {
          attribution.lead = above.lead.slice();
          inherited.lead = true;
        }
        if (attribution.responsible.length === 0 && respCols.length > 0 && respEmpty && above.responsible.length > 0) {
          attribution.responsible = above.responsible.slice();
          inherited.responsible = true;
        }
        if (deadline === null && deadlineCols.length > 0 && allEmpty(row, deadlineCols) && above.deadline !== null) {
          deadline = above.deadline;
          inherited.deadline = true;
        }
      } else if (inGroup && above && attribution.lead.length === 0 && leadCols.length > 0 && allEmpty(row, leadCols) && above.lead.length > 0) {
        // A numbered row in a merged group whose 牵头 cell is empty: that cell was merged with the group's too (one lead
        // for the group's tasks, kept in its first row). Its other cells are its own: an empty 配合单位 names none.
        attribution.lead = above.lead.slice();
        inherited.lead = true;
      }
      if (ditto !== null && above !== null) {
        // With no 牵头 column the lead comes from the 责任单位 cell: `同上` there says the lead of the row above too.
        if (attribution.lead.length === 0 && (ditto.lead || (ditto.responsible && leadCols.length === 0)) && above.lead.length > 0) {
          attribution.lead = above.lead.slice();
          inherited.lead = true;
        }
        if (attribution.responsible.length === 0 && ditto.responsible && above.responsible.length > 0) {
          attribution.responsible = above.responsible.slice();
          inherited.responsible = true;
        }
        if (deadline === null && ditto.deadline && above.deadline !== null) {
          deadline = above.deadline;
          inherited.deadline = true;
        }
      }
      const fields: TaskFields = {
        source: 'table',
        number: numberText,
        numberValue: Number.isNaN(numberValue) ? null : numberValue,
        title: oneLine(stripNoise(rtext.slice(titleSpan.start, titleSpan.end))),
        section: null,
        row,
        table,
        ...attribution,
        deadline,
        deadlines,
        inherited,
      };
      if (wrapped) {
        titleSpan = placeBack(wrapped, ctx, deadlines, titleSpan);
        deadlines.sort((a, b) => a.span.start - b.span.start);
      }
      previous = new PlacedTask(fields, titleSpan, row.span, ctx.lines);
      tasks.push(previous);
    }
  }
  return tasks;
}

/** A row whose cells wrap, as a text of its own: its cells one after another, and where each code unit stands in the document. */
interface WrappedRow {
  text: string;
  at: Int32Array;
  /** The row with its cells placed in `text`. */
  row: TableRow;
  /** The units read in `text`, to be placed back. */
  units: UnitMention[];
}

/**
 * `row` (whose cells wrap: `parts`) as a text of its own, its cells' pieces joined (`joinedCell`) and the cells parted
 * by a tab, so that a name or a date a wrap cut is read whole while the other columns' text between its pieces is not.
 */
function wrappedRow(text: string, row: TableRow, lines: LineTable): WrappedRow {
  const parts = row.parts!;
  const joined = parts.map((pieces, c) => (pieces.length > 1 ? joinedCell(text, pieces) : null));
  let length = 0;
  for (let c = 0; c < parts.length; c++) length += (joined[c]?.text.length ?? row.cellSpans[c]!.end - row.cellSpans[c]!.start) + 1;
  const at = new Int32Array(length + 1);
  const spans: Span[] = [];
  let out = '';
  for (let c = 0; c < parts.length; c++) {
    const cell = joined[c];
    const span = row.cellSpans[c]!;
    spans.push({ start: out.length, end: out.length + (cell ? cell.text.length : span.end - span.start) });
    if (cell) {
      at.set(cell.at.subarray(0, cell.text.length), out.length);
      out += cell.text;
    } else {
      for (let i = span.start; i < span.end; i++) at[out.length + i - span.start] = i;
      out += text.slice(span.start, span.end);
    }
    at[out.length] = cell ? cell.at[cell.text.length]! : span.end;
    out += '\t';
  }
  at[out.length] = row.span.end;
  return { text: out, at, row: new PlacedRow(row.cells, spans, { start: 0, end: out.length }, lines), units: [] };
}

/**
 * Places what was read in a wrapped row's own text back in the document: its units, `deadlines`, and `span` (returned;
 * a span over a wrap covers both lines, and the other columns' text between its pieces). A unit whose name lies in one
 * piece joins the document's units (`ctx.units`); one a wrap cut (`区` / `市场监管局`) stays the row's only: the
 * document's units are renamed and corrected in place, and its span holds more than its name.
 */
function placeBack(wrapped: WrappedRow, ctx: AttributionContext, deadlines: readonly Deadline[], span?: Span): Span {
  const { at } = wrapped;
  const place = (s: Span): Span => ({ start: at[s.start]!, end: s.end > s.start ? at[s.end - 1]! + 1 : at[s.start]! });
  for (const unit of wrapped.units) {
    const { start, end } = unit.span;
    unit.span = place(unit.span);
    if (unit.span.end - unit.span.start === end - start) ctx.units?.push(unit);
  }
  wrapped.units.length = 0;
  for (const d of deadlines) d.span = place(d.span);
  return span ? place(span) : { start: 0, end: 0 };
}

/**
 * Reads the lead cells (`leadCols`) of `row` into `lead` (and `listed`, the responsible units a cell names). A column of
 * those in charge that leads beside a 配合 column (`inChargeCols`) gives leads too, unless its cell says who leads among
 * its units (`县水务局（牵头）、县城管局`, `县水务局牵头，县城管局配合`): then it is read as the units in charge, the one
 * it marks leading.
 */
function readLeadCells(
  row: TableRow,
  leadCols: number[],
  inChargeCols: number[],
  ctx: AttributionContext,
  options: UnitCellOptions,
  lead: UnitMention[],
  listed: UnitMention[],
  deadlines: ListBuffer<Deadline>,
): void {
  for (let k = 0; k < leadCols.length; k++) {
    const c = leadCols[k]!;
    const cell = cellOf(row, c);
    const marks = inChargeCols.includes(c) && cell !== null && LEAD_MARK_WORDS.test(ctx.text.slice(cell.start, cell.end));
    readUnitCells([cell], marks ? 'responsible' : 'lead', ctx, options, lead, listed, deadlines);
  }
}

/** What a cell writes when it says which of its units leads: `牵头`, `主办`, `主责`, a star (`县委宣传部*`). */
const LEAD_MARK_WORDS = /牵头|牽頭|主办|主辦|主责|主責|[*＊]/;

/**
 * A header naming the lead and the units that take part in one column (`牵头/配合单位`, `牵头单位及责任单位`,
 * `牵头、协办部门`), folded by `headerWords`; `牵头责任单位` (the lead's column) and `牵头单位及责任人` (the lead with its
 * persons) are not.
 */
const COMBINED_LEAD_HEADER = /(?:牵头|主办|主责)(?:单位|部门)?(?:[/／、,，]|及|和|与)(?:配合|责任|协办|协助|参与|参加|协同|协作)(?!人|领导)/;

/**
 * A header of the units in charge (`责任单位`, `主体责任单位`, `负责单位`, `实施主体`, `承担单位`), not of those who
 * co-operate (`配合单位`, `协办单位`).
 */
const RESPONSIBLE_WRITTEN_HEADER = /^(?!.*(?:配合|协|参与|参加)).*(?:责任|负责|实施|承担|落实|执行)/;

/** A row's lead and responsible units, by the plan's lead convention when the table has only a 责任单位 column. */
function tableAttribution(lead: UnitMention[], listed: UnitMention[], convention: LeadConvention | null): { lead: UnitMention[]; responsible: UnitMention[] } {
  // `县工信局（牵头）`, `县委宣传部*` in a 责任单位 cell: that unit leads.
  const responsible = promoteMarked(lead, listed);
  if (convention === null || lead.length > 0 || responsible.length === 0) return { lead, responsible };
  if (convention === 'first') return asLead(responsible.slice(0, 1), responsible.slice(1));
  return leadsInCharge(responsible, responsible, convention) ?? { lead, responsible };
}

/**
 * When a plan names no lead: the units in charge lead if the plan says they do (`责任单位即为牵头单位`) or there is one
 * of them; the other units stay responsible. Null when several are in charge and nothing says which one leads.
 */
function leadsInCharge(inCharge: UnitMention[], responsible: UnitMention[], convention: LeadConvention): { lead: UnitMention[]; responsible: UnitMention[] } | null {
  if (convention !== 'all' && inCharge.length !== 1) return null;
  return asLead(inCharge, responsible.filter((u) => !inCharge.includes(u)));
}

/**
 * The deadlines of a row (`deadlines`) that bind when one of its deadline cells (`deadlineCols`) names a date: all but
 * those its task text mentions (`taskCols`). The table's own answer to when binds over a time the text mentions
 * (`…，年内新增10个场景` under a 完成时限 of `2025年12月底前`; `…，6月底前完成首批设计` under `年内`: a step of the
 * work); a deadline a unit cell adds (`区人社局，6月底前完成`) still competes. Null when no deadline cell names a date
 * (empty, or words with no date), or the text mentions none: then every deadline competes.
 */
function besideTaskText(deadlines: Deadline[], row: TableRow, deadlineCols: number[], taskCols: number[]): Deadline[] | null {
  if (deadlines.length < 2 || !deadlines.some((d) => hasDate(d) && inCells(d.span, row, deadlineCols))) return null;
  const out = deadlines.filter((d) => !inCells(d.span, row, taskCols));
  return out.length < deadlines.length ? out : null;
}

/** Does `span` lie inside one of the cells `cols` of `row`? */
function inCells(span: Span, row: TableRow, cols: number[]): boolean {
  for (let k = 0; k < cols.length; k++) if (inSpan(span, cellOf(row, cols[k]!))) return true;
  return false;
}

/** Does `span` lie inside `cell`? */
function inSpan(span: Span, cell: Span | null): boolean {
  return cell !== null && span.start >= cell.start && span.end <= cell.end;
}

/**
 * The columns of `table` that group its rows: those before the column its titles are read from first, other than
 * the number (`重点任务` before `具体举措`, `类别`, `领域`), a cell often merged over the rows of its group. A numbered
 * row that leaves them all empty, under a row that filled one, is in that row's group: the table shows that it
 * merges cells over the group, so the group's one 牵头 cell is merged too when the row leaves its own empty (unless
 * the table writes a group's lead again, `mergesGroupLead`). A table with no such column shows nothing of the kind,
 * and a row's empty 牵头 cell is a missing lead.
 */
function groupColumns(table: Table, taskCols: number[]): number[] {
  const out: number[] = [];
  const titleCol = taskCols[0] ?? -1;
  for (let c = 0; c < titleCol; c++) if (table.columns[c] === 'task' || table.columns[c] === 'other') out.push(c);
  return out;
}

/**
 * May `table` merge its 牵头 cells (`leadCols`) over a group? Not when a row inside a group (its group cells empty)
 * writes the same lead as the row above: its author writes a group's lead again on each row, so an empty 牵头 cell
 * there is a missing lead, not a merged one.
 */
function mergesGroupLead(table: Table, groupCols: number[], leadCols: number[]): boolean {
  if (leadCols.length === 0) return false;
  let above = '';
  let grouped = false;
  for (const row of table.rows) {
    const lead = leadCols.map((c) => (row.cells[c] ?? '').trim()).join('\n');
    const inGroup = allEmpty(row, groupCols);
    if (inGroup && grouped && lead !== '' && lead === above) return false;
    if (!inGroup) grouped = true;
    above = lead;
  }
  return true;
}

/** The indexes of the columns of `table` that play `role`, in order. */
function columnsOf(table: Table, role: Table['columns'][number]): number[] {
  const out: number[] = [];
  for (let c = 0; c < table.columns.length; c++) if (table.columns[c] === role) out.push(c);
  return out;
}

/** Does `row`'s cell in column `c` say `同上` (`saysSameAsAbove`)? */
const isDitto = (row: TableRow, c: number): boolean => {
  const cell = row.cells[c];
  return cell !== undefined && saysSameAsAbove(cell);
};

/** Which of a row's unit and deadline columns say `同上` (`isDitto`); null when none does (most rows: one test a cell). */
function dittoColumns(row: TableRow, leadCols: number[], respCols: number[], deadlineCols: number[]): RoleFlags | null {
  const lead = anyDitto(row, leadCols);
  const responsible = anyDitto(row, respCols);
  const deadline = anyDitto(row, deadlineCols);
  return lead || responsible || deadline ? { lead, responsible, deadline } : null;
}

/** Does any of `cols` in `row` say `同上`? (A loop: asked for every row of every task table.) */
function anyDitto(row: TableRow, cols: number[]): boolean {
  for (let k = 0; k < cols.length; k++) if (isDitto(row, cols[k]!)) return true;
  return false;
}

/** Are the cells of `cols` in `row` all empty (white space only)? */
function allEmpty(row: TableRow, cols: number[]): boolean {
  for (let k = 0; k < cols.length; k++) if ((row.cells[cols[k]!] ?? '').trim() !== '') return false;
  return true;
}

/** The span of the first of `cols` that is not empty in `row`, or null. */
function firstFilled(row: TableRow, cols: number[]): Span | null {
  for (let k = 0; k < cols.length; k++) {
    const cell = cellOf(row, cols[k]!);
    if (cell !== null && cell.end > cell.start) return cell;
  }
  return null;
}

/** The span of column `c` of a row, null when there is no such column. */
const cellOf = (row: TableRow, c: number): Span | null => (c >= 0 ? (row.cellSpans[c] ?? null) : null);


/**
 * Every unit mention once (the first met at each offset), in document order, from `read`: every mention in the
 * order it was read (the body's attributions in text order, then the task tables').
 */
function collectUnits(read: UnitMention[]): UnitMention[] {
  // A stable sort keeps the first met of two at one offset first; the rest are dropped. The mentions are read
  // nearly in order, which the sort (a merge of runs) finds cheap.
  const units = read.sort((a, b) => a.span.start - b.span.start);
  let kept = 0;
  for (let i = 0; i < units.length; i++) {
    if (kept > 0 && units[kept - 1]!.span.start === units[i]!.span.start) continue;
    units[kept++] = units[i]!;
  }
  units.length = kept;
  return units;
}

// ---------------------------------------------------------------------------------------------
// Directives

const DIRECTIVE = /^<!--\s*planlint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)\s*-->$/;

function readDirectives(comments: IToken[], lines: LineTable): Directive[] {
  const out: Directive[] = [];
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.image);
    if (!m) continue;
    const span = { start: c.startOffset, end: end(c) };
    const rules = m[2]!.split(/[\s,，]+/).filter((r) => r.length > 0);
    out.push(new PlacedDirective(m[1] as Directive['kind'], rules, span, lines));
  }
  return out;
}
