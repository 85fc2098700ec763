// The plan model: what `parsePlan` returns. Pure data, no behaviour; every consumer (rules, LSP, CLI) reads these types.
import type { KindDecision } from './kind.js';

/** A zero-based position in UTF-16 code units, as LSP counts. */
export interface Position {
  line: number;
  character: number;
}

/** A half-open range between two positions. */
export interface Range {
  start: Position;
  end: Position;
}

/** A half-open span of UTF-16 offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Something that sits at a place in the text: the offsets and the LSP range agree. In `parsePlan`'s output `range`
 * (and `titleRange`) is computed from the span when first read (`Placed` in positions.ts): JSON keeps it, a
 * structured clone does not — send copies of the values to workers.
 */
export interface Located {
  span: Span;
  range: Range;
}

/** How precise a normalised deadline is. */
export type DeadlinePrecision = 'day' | 'month' | 'quarter' | 'half' | 'year';

/**
 * A deadline (`完成时限`, time limit) found in the text, normalised.
 * `end` is the last day the deadline allows (ISO `YYYY-MM-DD`), null when ongoing or unknown.
 */
export interface Deadline extends Located {
  /** The deadline as written. */
  text: string;
  /**
   * ISO end date, or null for `ongoing`, a date whose year is unknown, or a holiday period (`清明节期间`, its
   * precision null too: the lunar holidays move from year to year).
   */
  end: string | null;
  /** For a range (`2016—2018年`), the first day; for an open period (`从3月8日起`, ongoing) its first day; else null. */
  start: string | null;
  precision: DeadlinePrecision | null;
  /** `长期坚持`, `持续推进`, `常态化`, `从3月8日起`…: no end. */
  ongoing: boolean;
  /** `每年第一季度`: recurs each year; `end` is the first occurrence within the plan. */
  recurring: boolean;
  /** The year was not written and was taken from the plan's year or period. */
  yearInferred: boolean;
  /** The text was damaged (`2020313`) and was reconstructed; `end` is the best reading. */
  damaged: boolean;
  /** Why the date cannot exist (`2月30日`), or null. */
  invalid: string | null;
}

/** The role a unit plays in a task. */
export type UnitRole = 'lead' | 'responsible';

/** One unit name (`市司法局`) at one place in the text. */
export interface UnitMention extends Located {
  /** The name as written (trimmed). */
  name: string;
  /** The name folded for comparison: full-width → half-width, traditional keywords → simplified, spaces removed. */
  key: string;
  role: UnitRole;
}

/** How an attribution was written. */
export type AttributionStyle =
  | 'bracket' // […牵头单位:…;责任单位:…]
  | 'paren' // (市政府办公室牵头,…按职责分工负责)
  | 'sentence' // 此项工作由…牵头负责,…参加。
  | 'field' // a line of its own: 责任单位:市司法局
  | 'heading' // a heading that names the unit whose tasks follow: 一、市司法局 / 二、区教育局主要工作任务
  | 'table'; // a task-table row

/** A problem noticed while reading an attribution (rule PL010 reports these). */
export interface AttributionProblem extends Located {
  kind: 'unclosed-bracket' | 'empty-field' | 'lead-also-responsible';
  /** The field keyword (`牵头单位`) or unit name concerned. */
  detail: string;
  /**
   * The reader is not sure of it: a bracket its paragraph leaves open may close in the lines after (past a blank line,
   * or further than a hard wrap reaches). Reported, never fixed.
   */
  unsure?: boolean;
}

/** Who leads, who takes part and by when, as one attribution in the text. */
export interface Attribution extends Located {
  style: AttributionStyle;
  lead: UnitMention[];
  responsible: UnitMention[];
  deadlines: Deadline[];
  problems: AttributionProblem[];
  /** For bracket and field styles: the keywords' own text style, used to insert templates alike. */
  punctuation: { colon: string; separator: string; open: string; close: string } | null;
}

/**
 * The numbering level of a marker: 1 `一、` 2 `(一)` 3 `1.` 4 `(1)` 5 `①`, 6 inline `一是`/`第一,`. A decimal marker
 * (`1.1`, `2.3.1`) takes the level below the marker its numbers continue (`1.1` under `一、`: 2; `1.1.1` under `1.1`).
 */
export type Level = 1 | 2 | 3 | 4 | 5 | 6;

/** The exact form a marker takes, so that siblings written differently can be told apart (PL005). */
export type MarkerStyle =
  | 'cn-dun' // 一、
  | 'cn-fwdot' // 一．
  | 'cn-paren-full' // （一）
  | 'cn-paren-half' // (一)
  | 'cn-paren-enclosed' // ㈠ (one character)
  | 'ar-dot' // 1.
  | 'ar-fwdot' // 1．
  | 'ar-dun' // 1、
  | 'ar-paren-full' // （1）
  | 'ar-paren-half' // (1)
  | 'ar-close-full' // 1）
  | 'ar-close-half' // 1)
  | 'circled' // ①
  | 'ar-enclosed' // ⒈ (one character)
  | 'ar-paren-enclosed' // ⑴ (one character)
  | 'inline-shi' // 一是
  | 'inline-di' // 第一,
  | 'field' // 序号：3 (a record's number field, level 3)
  | 'task' // 【任务一】 任务一： 第一项任务： (a task numbered by name; its level is one below the heading above it)
  | 'decimal'; // 1.1 2.3.1 １．２ 2.1、 (its level is its depth under the markers above it; its value, its last number)

/** A numbering marker in the text. */
export interface Marker extends Located {
  text: string;
  level: Level;
  style: MarkerStyle;
  /** The number it stands for (`十二` → 12). */
  value: number;
}

/** A numbered part of the plan and everything under it. */
export interface Section extends Located {
  marker: Marker;
  /** The heading or first clause after the marker, up to the first `。` or end of line. */
  title: string;
  titleSpan: Span;
  titleRange: Range;
  /** The text of this section's own paragraph(s), without its children. */
  bodySpan: Span;
  children: Section[];
  /** The parent section, null at the top. */
  parent: Section | null;
  /** Its title names a section that assigns no work (`指导思想`, `保障措施`…). */
  nonTask: boolean;
  /** Attributions written in this section's own body (not its children's). */
  attributions: Attribution[];
}

/** A row of a task table. */
export interface TableRow extends Located {
  /** The cells, trimmed, in column order of the header. */
  cells: string[];
  /** Where each cell stands; for a cell that wraps (see `parts`), its first piece. */
  cellSpans: Span[];
  /**
   * Only on a row whose cells wrap within their columns onto the next lines, the other columns blank there: a
   * fixed-width copy's (`pdftotext -layout`), or a Markdown row a copy of Word split over two rows, the second with no
   * number (`|  | 3200户 |  | 区财政局 | 底前 |`): each column's pieces in text order (none for an empty cell). Its
   * cell's text is the pieces joined (`joinedCell`).
   */
  parts?: Span[][];
}

/**
 * What the columns of a task table mean. `leader` is a person (`牵头领导`, `分管领导`, `责任领导`): never a unit.
 * `other` holds neither units nor deadlines of the task (`备注`, `评分部门`, `进展情况`, `工作评价`).
 */
export type ColumnRole = 'number' | 'task' | 'lead' | 'responsible' | 'leader' | 'deadline' | 'other';

/**
 * A task table (`任务分解表`): Markdown pipes, tab-separated, flattened one cell per line, or rows whose cells are
 * separated by spaces (a web page's table copied as text).
 */
export interface Table extends Located {
  form: 'markdown' | 'tsv' | 'flat' | 'space' | 'glued';
  header: string[];
  columns: ColumnRole[];
  rows: TableRow[];
}

/** One flag for each of a task's three values: its lead, its responsible units, its deadline. */
export interface RoleFlags {
  lead: boolean;
  responsible: boolean;
  deadline: boolean;
}

/** One task: a numbered item that assigns work, or a task-table row. */
export interface Task extends Located {
  /** Index in `PlanDocument.tasks`. */
  index: number;
  source: 'body' | 'table';
  /** The marker as written (`(三)`, `12.`, `一是`), or the table's 序号 cell. */
  number: string;
  /** The number's value, or null when the task is unnumbered. */
  numberValue: number | null;
  title: string;
  titleRange: Range;
  section: Section | null;
  row: TableRow | null;
  table: Table | null;
  lead: UnitMention[];
  responsible: UnitMention[];
  /** The deadline that binds the task (its own, else inherited), or null. */
  deadline: Deadline | null;
  /** Every deadline written in the task itself. */
  deadlines: Deadline[];
  inherited: RoleFlags;
}

/** A paragraph that is not numbered but carries an attribution (PL003 reports these). */
export interface UnnumberedAttribution extends Located {
  attribution: Attribution;
  /** The section it sits in, if any. */
  section: Section | null;
}

/** A `<!-- planlint-… -->` directive comment. */
export interface Directive extends Located {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-file';
  /** Rule ids or names; empty means every rule. */
  rules: string[];
}

/** A problem met while reading the text (not a rule finding). */
export interface ParseProblem extends Located {
  message: string;
}

/** What kind of document it is: a plan assigns tasks; a report describes work done; other (a policy reading, a news
 * story, rules, a contingency plan) does neither. */
export type DocumentKind = 'plan' | 'report' | 'other';

/** The year or span of years a plan covers. */
export interface PlanPeriod {
  start: number;
  end: number;
  /** Where it was read: the title, the body, or configuration. */
  source: 'title' | 'body' | 'config';
}

/** Whether numbering runs on through the document or starts again under each parent. */
export type NumberingMode = 'continuous' | 'per-parent' | 'unknown';

/**
 * A stretch of the text whose markers of `level` and deeper number among themselves, apart from the rest of the
 * document; the markers around it count on as if it were not there. A covering notice's own requirements (level 1:
 * the plan's `一、` after them is its first), a list under a label that names a section assigning no work
 * (`主要目标：` then `1.…` `2.…`), an attachment list (`附件：1.…` `2.…`), which is no part of the outline at all: its
 * numbers and levels are not checked; a part under a heading above `一、` (`第二章 保障措施`, level 1, up to the next such
 * heading), whose lists count from 1 again or on from the part before; an attachment that lists tasks (`附件` `重点任务清单`
 * then `一、…` `1.…`, level 1, from its first item to the attachment's end), whose items count from 1 again.
 */
export interface SeparateList {
  span: Span;
  level: Level;
  kind: 'notice' | 'labelled' | 'attachment' | 'part' | 'task-list';
}

/** Everything `parsePlan` finds in one document. */
export interface PlanDocument {
  text: string;
  title: string;
  titleRange: Range | null;
  kind: DocumentKind;
  /** Why the text was read as `kind` (see `decideKind`). */
  kindDecision: KindDecision;
  period: PlanPeriod | null;
  /** Top-level sections, in order. */
  sections: Section[];
  /** Every section at every level, in document order. */
  allSections: Section[];
  tasks: Task[];
  /** Every unit mention, in document order. */
  units: UnitMention[];
  tables: Table[];
  unnumbered: UnnumberedAttribution[];
  directives: Directive[];
  numbering: NumberingMode;
  /** Stretches numbered apart from the rest (`SeparateList`), by where they start. Usually empty. */
  separateLists: SeparateList[];
  /**
   * The text starts mid-document (an excerpt): nothing before its first numbered item reads as a title or a
   * heading, or that item is past the first of its list (`三、` after the title and preamble: the plan shown from its
   * task chapters). Its first list of a level with no heading above it may start at any number (`7.` `8.`, then `（四）`).
   */
  excerpt: boolean;
  problems: ParseProblem[];
  /** Converts offsets to positions and back. */
  lines: LineMap;
}

/** Offset ↔ position conversion for one text. */
export interface LineMap {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  rangeOf(span: Span): Range;
  readonly lineCount: number;
  /** The offset where a zero-based line starts. */
  lineStart(line: number): number;
}

/** Options that change how a plan is read (from configuration). */
export interface ParseOptions {
  /** Titles of sections that assign no work; replaces the default list when given. */
  nonTaskSections?: string[];
  /** The plan's year or period when the text does not say. */
  period?: { start: number; end: number };
  /** What the document is, whatever its text shows (configuration `kind`). */
  kind?: DocumentKind;
}
