// `parsePlan`: from plan text to the PlanDocument model — outline, tasks, attribution, deadlines, tables. Never throws.
import {
  parseArabic,
  parseChineseNumeral,
  parseCircled,
  parseText,
  tokens as T,
  type Block,
  type IToken,
} from '../../../grammar/index.js';
import { proseDeadlines, readAttributions, unitsIn, type AttributionContext } from './attribution.js';
import { findDeadlines, findPlanPeriod } from './deadline.js';
import { createLineMap } from './positions.js';
import { findTables } from './tables.js';
import { isSpace, stripNoise, toSimplified, trimSpan } from './text.js';
import type {
  Attribution,
  Deadline,
  Directive,
  DocumentKind,
  Level,
  LineMap,
  Marker,
  MarkerStyle,
  NumberingMode,
  ParseOptions,
  PlanDocument,
  PlanPeriod,
  Section,
  Span,
  Table,
  Task,
  UnitMention,
  UnnumberedAttribution,
} from './types.js';

/** Section titles that assign no work (DESIGN §1.1); matched as parts of a title, either script. */
export const DEFAULT_NON_TASK_SECTIONS = [
  '指导思想',
  '总体要求',
  '基本原则',
  '工作目标',
  '主要目标',
  '实施步骤',
  '方法步骤',
  '步骤安排',
  '保障措施',
  '组织保障',
  '工作要求',
  '组织领导',
];

const end = (t: IToken) => t.startOffset + t.image.length;

/** Reads a plan. Never throws: on an internal failure it returns an empty model with one problem. */
export function parsePlan(text: string, options: ParseOptions = {}): PlanDocument {
  const lines = createLineMap(text);
  try {
    return buildPlan(text, lines, options);
  } catch (error) {
    const span = { start: 0, end: 0 };
    return {
      ...emptyPlan(text, lines),
      problems: [{ message: `internal error while reading the plan: ${String(error)}`, span, range: lines.rangeOf(span) }],
    };
  }
}

function emptyPlan(text: string, lines: LineMap): PlanDocument {
  return {
    text,
    title: '',
    titleRange: null,
    kind: 'plan',
    period: null,
    sections: [],
    allSections: [],
    tasks: [],
    units: [],
    tables: [],
    unnumbered: [],
    directives: [],
    numbering: 'unknown',
    problems: [],
    lines,
  };
}

function buildPlan(text: string, lines: LineMap, options: ParseOptions): PlanDocument {
  const parsed = parseText(text);
  const plan = emptyPlan(text, lines);
  plan.problems = parsed.errors.map((e) => ({ message: e.message, span: { start: e.offset, end: e.offset }, range: lines.rangeOf({ start: e.offset, end: e.offset }) }));
  plan.directives = readDirectives(parsed.comments, lines);

  const title = findTitle(text, lines);
  plan.title = title?.text ?? '';
  plan.titleRange = title ? lines.rangeOf(title.span) : null;
  plan.period = readPeriod(title?.text ?? '', text, options);
  plan.kind = documentKind(plan.title, text);

  const ctx: AttributionContext = {
    text,
    lines,
    deadlines: { period: plan.period ? { start: plan.period.start, end: plan.period.end } : null },
  };
  const bodyEnd = attachmentStart(text, parsed.blocks);
  const nonTask = (options.nonTaskSections ?? DEFAULT_NON_TASK_SECTIONS).map(toSimplified);
  const built = buildSections(parsed.blocks, bodyEnd, ctx, nonTask);
  plan.sections = built.roots;
  plan.allSections = built.all;
  plan.unnumbered = built.unnumbered;
  plan.numbering = numberingMode(built.all);

  plan.tables = findTables(text, lines);
  const taskTables = plan.tables.filter((t) => t.rows.length > 0);
  if (plan.kind === 'plan') {
    plan.tasks = taskTables.length > 0 ? tableTasks(taskTables, ctx) : bodyTasks(built, ctx);
  }
  plan.tasks.forEach((task, index) => (task.index = index));
  plan.units = collectUnits(plan);
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Title, period, kind

const PLAN_WORDS = /实施方案|工作方案|工作要点|工作安排|年度安排|分工方案|行动方案|行动计划|工作计划|实施意见|实施细则|方案|要点|安排|计划/;
const REPORT_WORDS = /报告|总结|情况|成效|实效|进展|回顾|综述/;

/**
 * The plan's title: the first short line naming a plan, else the `《…》` that a covering notice prints
 * (`关于印发《X》的通知`), else the first line. A title broken over lines (`…法治政府建设` / `工作实施方案`) is
 * named whole by the notice. A long line (a document that lost its line breaks) is read piece by piece.
 */
function findTitle(text: string, lines: LineMap): { text: string; span: Span } | null {
  let first: { text: string; span: Span } | null = null;
  let notice: { text: string; span: Span } | null = null;
  const limit = Math.min(lines.lineCount, 60);
  for (let i = 0; i < limit; i++) {
    const start = lines.lineStart(i);
    const stop = i + 1 < lines.lineCount ? lines.lineStart(i + 1) : text.length;
    for (const span of titlePieces(text, trimSpan(text, start, Math.min(stop, start + 1000)))) {
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

/** A title line is short; a longer line is cut into its space-separated pieces, each a possible title. */
function titlePieces(text: string, span: Span): Span[] {
  if (span.end - span.start <= 80) return span.end > span.start ? [span] : [];
  const pieces: Span[] = [];
  let from = span.start;
  for (let k = span.start; k <= span.end; k++) {
    if (k < span.end && !isSpace(text[k])) continue;
    if (k > from) pieces.push({ start: from, end: k });
    from = k + 1;
  }
  return pieces;
}

/** The document a covering notice names: `印发《X》` whatever X is called, or `《X》…通知` when X names a plan. */
function noticeBook(line: string): { start: number; end: number } | null {
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
  if (fromTitle) return { ...fromTitle, source: 'title' };
  if (options.period) return { ...options.period, source: 'config' };
  const heading = (line: string) => {
    const l = line.trim();
    return l.length <= 60 && !/[。；;]/.test(l) && (PLAN_WORDS.test(toSimplified(l)) || /^[(（][^()（）]*[)）]$/.test(l));
  };
  const line = text.slice(0, 2000).split(/[\r\n]/).find((l) => heading(l) && findPlanPeriod(l) !== null);
  const fromBody = line === undefined ? null : findPlanPeriod(line);
  return fromBody ? { ...fromBody, source: 'body' } : null;
}

function documentKind(title: string, text: string): DocumentKind {
  const simple = toSimplified(title);
  if (REPORT_WORDS.test(simple) && !PLAN_WORDS.test(simple)) return 'report';
  if (title.length > 0 && !PLAN_WORDS.test(simple) && !/[:：]\s*\S/.test(text.slice(0, 20000)) && !/牵头单位|牽頭單位/.test(text)) return 'report';
  return 'plan';
}

/** Where the attachments (`附件`) begin: the body's sections end there. */
function attachmentStart(text: string, blocks: Block[]): number {
  const re = /(^|[\r\n])[ \t\u3000\u00a0]*附件[0-9一二三四五六七八九十]*[ \t\u3000]*(?:[:：]|[\r\n]|$)/g;
  let m: RegExpExecArray | null;
  const firstMarker = blocks.find((b) => b.marker !== null)?.start ?? 0;
  while ((m = re.exec(text)) !== null) {
    const at = m.index + m[1]!.length;
    if (at > firstMarker) return at;
  }
  return text.length;
}

// ---------------------------------------------------------------------------------------------
// Sections

const LEVELS: Record<string, { level: Level; style: (image: string) => MarkerStyle; value: (image: string) => number }> = {
  ChapterMarker: { level: 1, style: () => 'cn-dun', value: (s) => parseChineseNumeral(s.slice(0, -1)) },
  SectionMarker: { level: 2, style: (s) => (s[0] === '(' ? 'cn-paren-half' : 'cn-paren-full'), value: (s) => parseChineseNumeral(s.slice(1, -1)) },
  ItemMarker: { level: 3, style: (s) => (s.endsWith('、') ? 'ar-dun' : s.endsWith('．') ? 'ar-fwdot' : 'ar-dot'), value: (s) => parseArabic(s.slice(0, -1)) },
  SubItemMarker: { level: 4, style: (s) => (s[0] === '(' ? 'ar-paren-half' : 'ar-paren-full'), value: (s) => parseArabic(s.slice(1, -1)) },
  CircledMarker: { level: 5, style: () => 'circled', value: (s) => parseCircled(s) },
  InlineShiMarker: { level: 6, style: () => 'inline-shi', value: (s) => parseChineseNumeral(s.slice(0, -1)) },
  InlineDiMarker: { level: 6, style: () => 'inline-di', value: (s) => parseChineseNumeral(s.slice(1, -1)) },
};

function toMarker(tok: IToken, lines: LineMap): Marker {
  const kind = LEVELS[tok.tokenType.name]!;
  const span = { start: tok.startOffset, end: end(tok) };
  return { text: tok.image, level: kind.level, style: kind.style(tok.image), value: kind.value(tok.image), span, range: lines.rangeOf(span) };
}

interface SectionInfo {
  section: Section;
  /** This section's own blocks (its marker paragraph and the unnumbered paragraphs after it). */
  blocks: Block[];
  /** Attributions from its own blocks (and from its inline items when they are parts of its paragraph). */
  own: Attribution[];
  nonTask: boolean;
  /** Its inline items (`一是…`) are tasks of their own, each with its own attribution. */
  inlineTasks: boolean;
  /** Its inline items were folded into its paragraph: its task covers them. */
  foldedInline: boolean;
}

interface BuiltSections {
  roots: Section[];
  all: Section[];
  info: Map<Section, SectionInfo>;
  unnumbered: UnnumberedAttribution[];
}

function buildSections(blocks: Block[], bodyEnd: number, ctx: AttributionContext, nonTask: string[]): BuiltSections {
  const roots: Section[] = [];
  const all: Section[] = [];
  const info = new Map<Section, SectionInfo>();
  const unnumbered: UnnumberedAttribution[] = [];
  const stack: SectionInfo[] = [];
  for (const block of blocks) {
    if (block.start >= bodyEnd) break;
    if (block.kind !== 'paragraph') continue;
    if (block.marker === null) {
      const current = stack[stack.length - 1];
      const found = readAttributions(block.tokens, ctx);
      if (current === undefined || current.own.length > 0 || current.nonTask) {
        for (const attribution of found) {
          if (current?.nonTask) continue;
          unnumbered.push({ attribution, section: current?.section ?? null, span: attribution.span, range: attribution.range });
        }
      } else {
        current.own.push(...found);
        current.section.attributions.push(...found);
      }
      if (current) current.blocks.push(block);
      continue;
    }
    const marker = toMarker(block.marker, ctx.lines);
    while (stack.length > 0 && stack[stack.length - 1]!.section.marker.level >= marker.level) stack.pop();
    const parent = stack[stack.length - 1] ?? null;
    const titleSpan = titleOf(block, ctx.text);
    const title = stripNoise(ctx.text.slice(titleSpan.start, titleSpan.end));
    const own = readAttributions(block.tokens, ctx);
    const span = { start: marker.span.start, end: block.end };
    const section: Section = {
      marker,
      title,
      titleSpan,
      titleRange: ctx.lines.rangeOf(titleSpan),
      bodySpan: { ...span },
      span,
      range: ctx.lines.rangeOf(span),
      children: [],
      parent: parent?.section ?? null,
      nonTask: (parent?.nonTask ?? false) || isNonTaskTitle(toSimplified(title), nonTask),
      attributions: own,
    };
    const entry: SectionInfo = { section, blocks: [block], own: [...own], nonTask: section.nonTask, inlineTasks: false, foldedInline: false };
    info.set(section, entry);
    (parent ? parent.section.children : roots).push(section);
    all.push(section);
    stack.push(entry);
  }
  // Spans: a section's body ends with its last own block; its whole span with its last descendant.
  for (let i = all.length - 1; i >= 0; i--) {
    const section = all[i]!;
    const entry = info.get(section)!;
    const lastBlock = entry.blocks[entry.blocks.length - 1]!;
    section.bodySpan = { start: section.marker.span.start, end: lastBlock.end };
    const lastChild = section.children[section.children.length - 1];
    const spanEnd = Math.max(section.bodySpan.end, lastChild ? lastChild.span.end : 0);
    section.span = { start: section.marker.span.start, end: spanEnd };
    section.range = ctx.lines.rangeOf(section.span);
  }
  for (const section of all) foldInlineItems(info.get(section)!, info);
  // A section named like `组织保障` still assigns work when something under it names a lead or responsible unit.
  for (let i = all.length - 1; i >= 0; i--) {
    const section = all[i]!;
    const entry = info.get(section)!;
    if (!entry.nonTask) continue;
    if (assignsWork(section, info)) clearNonTask(section, info);
  }
  return { roots, all, info, unnumbered };
}

/**
 * Inline items (`一是…二是…`, `第一,…`) are parts of the paragraph that holds them, and an attribution written
 * after the last of them speaks for the whole paragraph. They are tasks of their own only when two or more of
 * them carry an attribution each. Otherwise their attributions and text are folded into the parent.
 */
function foldInlineItems(entry: SectionInfo, info: Map<Section, SectionInfo>): void {
  const inline = entry.section.children.filter((c) => c.marker.level === 6).map((c) => info.get(c)!);
  if (inline.length === 0) return;
  entry.inlineTasks = inline.filter((item) => item.own.length > 0).length >= 2;
  if (entry.inlineTasks) return;
  entry.foldedInline = true;
  for (const item of inline) {
    entry.own.push(...item.own);
    entry.blocks.push(...item.blocks);
  }
  entry.own.sort((a, b) => a.span.start - b.span.start);
  entry.blocks.sort((a, b) => a.start - b.start);
}

/** The (simplified) title names a section that assigns no work. */
function isNonTaskTitle(title: string, nonTask: string[]): boolean {
  return nonTask.some((name) => title.includes(name));
}

function assignsWork(section: Section, info: Map<Section, SectionInfo>): boolean {
  if (info.get(section)!.own.some((a) => a.lead.length > 0 || a.responsible.length > 0)) return true;
  return section.children.some((c) => assignsWork(c, info));
}

function clearNonTask(section: Section, info: Map<Section, SectionInfo>): void {
  section.nonTask = false;
  info.get(section)!.nonTask = false;
  for (let up = section.parent; up !== null && info.get(up)!.nonTask; up = up.parent) {
    up.nonTask = false;
    info.get(up)!.nonTask = false;
  }
  for (const child of section.children) clearNonTask(child, info);
}

/** Keywords that make a parenthesis in a heading an attribution (`…工作(市政府办公室牵头,…)`) rather than part of the title. */
const TITLE_ENDING_KEYWORDS = new Set([T.LeadField, T.ResponsibleField, T.DeadlineField, T.LeadVerb, T.JointLead]);

/** The title: from after the marker to the first sentence end, attribution bracket or parenthesis, or gap of spaces. */
function titleOf(block: Block, text: string): Span {
  const start = block.marker ? end(block.marker) : block.start;
  const toks = block.tokens;
  let stop = block.end;
  let prevEnd = -1;
  // The parenthesis scan: tokens before `scanEnd` (the first `)` after the last scanned `(`) were read once;
  // `lastKeyword` is the last attribution keyword among them.
  let scanEnd = -1;
  let lastKeyword = -1;
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i]!;
    const type = tok.tokenType;
    if (type === T.SentenceEnd || type === T.Semicolon || type === T.LBracket || type === T.Tab) {
      stop = tok.startOffset;
      break;
    }
    if (prevEnd >= 0 && tok.startOffset > prevEnd && /\s/.test(text.slice(prevEnd, tok.startOffset)) && !/^[A-Za-z0-9]/.test(tok.image)) {
      stop = prevEnd;
      break;
    }
    if (type === T.LParen) {
      if (i >= scanEnd) {
        lastKeyword = -1;
        for (scanEnd = i + 1; scanEnd < toks.length && toks[scanEnd]!.tokenType !== T.RParen; scanEnd++) {
          if (TITLE_ENDING_KEYWORDS.has(toks[scanEnd]!.tokenType)) lastKeyword = scanEnd;
        }
      }
      if (lastKeyword > i) {
        stop = tok.startOffset;
        break;
      }
    }
    prevEnd = end(tok);
  }
  const span = trimSpan(text, start, Math.max(start, stop));
  // Drop trailing punctuation (`完善制度,` → `完善制度`).
  while (span.end > span.start && /[,，、:：;；]/.test(text[span.end - 1]!)) span.end--;
  return span;
}

/** Continuous numbering runs on across parents; per-parent restarts at 1 under each. */
function numberingMode(all: Section[]): NumberingMode {
  let continuous = 0;
  let restart = 0;
  const byParentLevel = new Map<string, Section[]>();
  const parents = new Map<Section | null, number>();
  for (const s of all) {
    if (s.marker.level === 6) continue;
    if (!parents.has(s.parent)) parents.set(s.parent, parents.size);
    const key = `${s.marker.level}`;
    const list = byParentLevel.get(key) ?? [];
    list.push(s);
    byParentLevel.set(key, list);
  }
  for (const list of byParentLevel.values()) {
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1]!;
      const cur = list[i]!;
      if (prev.parent === cur.parent || cur.parent === null) continue;
      if (cur.marker.value === 1) restart++;
      else if (cur.marker.value === prev.marker.value + 1) continuous++;
    }
  }
  if (continuous === 0 && restart === 0) return 'unknown';
  return continuous > restart ? 'continuous' : 'per-parent';
}

// ---------------------------------------------------------------------------------------------
// Tasks

function bodyTasks(built: BuiltSections, ctx: AttributionContext): Task[] {
  const tasks: Task[] = [];
  const maxLevel = built.all.reduce((m, s) => (s.marker.level <= 5 ? Math.max(m, s.marker.level) : m), 0);
  for (const section of built.all) {
    const entry = built.info.get(section)!;
    if (entry.nonTask) continue;
    if (!isTaskSection(section, built, maxLevel)) continue;
    tasks.push(sectionTask(section, built, ctx));
  }
  return tasks;
}

function isTaskSection(section: Section, built: BuiltSections, maxLevel: number): boolean {
  const entry = built.info.get(section)!;
  if (section.marker.level === 6) return section.parent !== null && built.info.get(section.parent)!.inlineTasks;
  const structural = section.children.some((c) => c.marker.level <= 5);
  if (structural || entry.inlineTasks) return false;
  return section.marker.level >= 2 || entry.own.length > 0 || maxLevel === 1;
}

function sectionTask(section: Section, built: BuiltSections, ctx: AttributionContext): Task {
  const entry = built.info.get(section)!;
  const lead = entry.own.flatMap((a) => a.lead);
  const responsible = entry.own.flatMap((a) => a.responsible);
  const explicit = entry.own.flatMap((a) => a.deadlines);
  const prose = explicit.length > 0 ? [] : ownProseDeadlines(entry, ctx);
  const deadlines = [...explicit, ...prose].sort((a, b) => a.span.start - b.span.start);
  const inherited = { lead: false, responsible: false, deadline: false };
  let finalLead = lead;
  let finalResponsible = responsible;
  let deadline = pickDeadline(explicit.length > 0 ? explicit : prose);
  for (let up = section.parent; up !== null; up = up.parent) {
    const above = built.info.get(up)!.own;
    if (finalLead.length === 0 && above.some((a) => a.lead.length > 0)) {
      finalLead = above.flatMap((a) => a.lead);
      inherited.lead = true;
    }
    if (finalResponsible.length === 0 && above.some((a) => a.responsible.length > 0)) {
      finalResponsible = above.flatMap((a) => a.responsible);
      inherited.responsible = true;
    }
    if (deadline === null) {
      const d = pickDeadline(above.flatMap((a) => a.deadlines));
      if (d) {
        deadline = d;
        inherited.deadline = true;
      }
    }
  }
  // A paragraph whose inline items were folded into it spans them too.
  const taskSpan = entry.foldedInline ? section.span : section.bodySpan;
  return {
    index: 0,
    source: 'body',
    number: section.marker.text,
    numberValue: Number.isNaN(section.marker.value) ? null : section.marker.value,
    title: section.title,
    titleRange: section.titleRange,
    section,
    row: null,
    table: null,
    lead: finalLead,
    responsible: finalResponsible,
    deadline,
    deadlines,
    inherited,
    span: taskSpan,
    range: ctx.lines.rangeOf(taskSpan),
  };
}

/** Deadlines in the task's own text outside its attributions (each attribution lies inside one block; both are in text order). */
function ownProseDeadlines(entry: SectionInfo, ctx: AttributionContext): Deadline[] {
  const found: Deadline[] = [];
  const skip = entry.own.map((a) => a.span).sort((a, b) => a.start - b.start);
  let k = 0;
  for (const block of entry.blocks) {
    let from = block.marker ? end(block.marker) : block.start;
    while (k < skip.length && skip[k]!.end <= from) k++;
    for (; k < skip.length && skip[k]!.start < block.end; k++) {
      const s = skip[k]!;
      if (s.start > from) found.push(...proseDeadlines({ start: from, end: s.start }, ctx));
      from = Math.max(from, s.end);
    }
    if (from < block.end) found.push(...proseDeadlines({ start: from, end: block.end }, ctx));
  }
  return found;
}

/** The binding deadline: the latest end among those written; an ongoing one when no date is given. */
function pickDeadline(deadlines: Deadline[]): Deadline | null {
  let best: Deadline | null = null;
  for (const d of deadlines) {
    if (best === null) best = d;
    else if (d.end !== null && (best.end === null || d.end > best.end)) best = d;
  }
  return best;
}

function tableTasks(tables: Table[], ctx: AttributionContext): Task[] {
  const tasks: Task[] = [];
  for (const table of tables) {
    const col = (role: string) => table.columns.indexOf(role as never);
    const [numberCol, taskCol, leadCol, respCol, deadlineCol] = ['number', 'task', 'lead', 'responsible', 'deadline'].map(col);
    for (const row of table.rows) {
      const cell = (c: number) => (c! >= 0 ? row.cellSpans[c!]! : null);
      const numberText = numberCol! >= 0 ? row.cells[numberCol!]! : '';
      const taskSpan = cell(taskCol!) ?? row.span;
      const titleEnd = ctx.text.slice(taskSpan.start, taskSpan.end).search(/[。；;]/);
      const titleSpan = trimSpan(ctx.text, taskSpan.start, titleEnd >= 0 ? taskSpan.start + titleEnd : taskSpan.end);
      const leadSpan = cell(leadCol!);
      const respSpan = cell(respCol!);
      const deadlineSpan = cell(deadlineCol!);
      const deadlines: Deadline[] = deadlineSpan
        ? findDeadlines(ctx.text.slice(deadlineSpan.start, deadlineSpan.end), ctx.deadlines, 'field').map((d) => {
            const s = { start: deadlineSpan.start + d.start, end: deadlineSpan.start + d.end };
            return { ...d.value, span: s, range: ctx.lines.rangeOf(s) };
          })
        : [];
      const numberValue = parseArabic(numberText.trim());
      tasks.push({
        index: 0,
        source: 'table',
        number: numberText,
        numberValue: Number.isNaN(numberValue) ? null : numberValue,
        title: stripNoise(ctx.text.slice(titleSpan.start, titleSpan.end)).replace(/\s*[\r\n]+\s*/g, ''),
        titleRange: ctx.lines.rangeOf(titleSpan),
        section: null,
        row,
        table,
        lead: leadSpan ? unitsIn(leadSpan, 'lead', ctx) : [],
        responsible: respSpan ? unitsIn(respSpan, 'responsible', ctx) : [],
        deadline: pickDeadline(deadlines),
        deadlines,
        inherited: { lead: false, responsible: false, deadline: false },
        span: row.span,
        range: row.range,
      });
    }
  }
  return tasks;
}

function collectUnits(plan: PlanDocument): UnitMention[] {
  const seen = new Set<number>();
  const units: UnitMention[] = [];
  const add = (u: UnitMention) => {
    if (!seen.has(u.span.start)) {
      seen.add(u.span.start);
      units.push(u);
    }
  };
  for (const s of plan.allSections) for (const a of s.attributions) [...a.lead, ...a.responsible].forEach(add);
  for (const u of plan.unnumbered) [...u.attribution.lead, ...u.attribution.responsible].forEach(add);
  for (const t of plan.tasks) if (t.source === 'table') [...t.lead, ...t.responsible].forEach(add);
  return units.sort((a, b) => a.span.start - b.span.start);
}

// ---------------------------------------------------------------------------------------------
// Directives

const DIRECTIVE = /^<!--\s*planlint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)\s*-->$/;

function readDirectives(comments: IToken[], lines: LineMap): Directive[] {
  const out: Directive[] = [];
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.image);
    if (!m) continue;
    const span = { start: c.startOffset, end: end(c) };
    const rules = m[2]!.split(/[\s,，]+/).filter((r) => r.length > 0);
    out.push({ kind: m[1] as Directive['kind'], rules, span, range: lines.rangeOf(span) });
  }
  return out;
}
