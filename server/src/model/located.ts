// The classes behind the model's located types (types.ts): plain data with a lazy `range` (see `Placed`), one hidden
// class each, so that the rules' property reads stay monomorphic and no intermediate object literals are built.
import { keepShape } from '../../../grammar/shapes.js';
import type { DeadlineValue } from './deadline.js';
import { LineTable, Placed } from './positions.js';
import type {
  Attribution,
  AttributionProblem,
  AttributionStyle,
  ColumnRole,
  Deadline,
  DeadlinePrecision,
  Directive,
  Level,
  Marker,
  MarkerStyle,
  ParseProblem,
  Range,
  Section,
  Span,
  Table,
  TableRow,
  Task,
  UnitMention,
  UnitRole,
  UnnumberedAttribution,
} from './types.js';

export class PlacedDeadline extends Placed implements Deadline {
  declare text: string;
  declare end: string | null;
  declare start: string | null;
  declare precision: DeadlinePrecision | null;
  declare ongoing: boolean;
  declare recurring: boolean;
  declare yearInferred: boolean;
  declare damaged: boolean;
  declare invalid: string | null;

  constructor(value: DeadlineValue, span: Span, lines: LineTable) {
    super(span, lines);
    this.text = value.text;
    this.end = value.end;
    this.start = value.start;
    this.precision = value.precision;
    this.ongoing = value.ongoing;
    this.recurring = value.recurring;
    this.yearInferred = value.yearInferred;
    this.damaged = value.damaged;
    this.invalid = value.invalid;
  }
}

export class PlacedUnit extends Placed implements UnitMention {
  declare name: string;
  declare key: string;
  declare role: UnitRole;

  constructor(name: string, key: string, role: UnitRole, span: Span, lines: LineTable) {
    super(span, lines);
    this.name = name;
    this.key = key;
    this.role = role;
  }
}

export class PlacedProblem extends Placed implements AttributionProblem {
  declare kind: AttributionProblem['kind'];
  declare detail: string;
  declare unsure?: boolean;

  constructor(kind: AttributionProblem['kind'], detail: string, span: Span, lines: LineTable, unsure = false) {
    super(span, lines);
    this.kind = kind;
    this.detail = detail;
    // Only when true: a problem the reader is sure of looks as it always did (JSON, goldens).
    if (unsure) this.unsure = true;
  }
}

export class PlacedAttribution extends Placed implements Attribution {
  declare style: AttributionStyle;
  declare lead: UnitMention[];
  declare responsible: UnitMention[];
  declare deadlines: Deadline[];
  declare problems: AttributionProblem[];
  declare punctuation: Attribution['punctuation'];

  constructor(
    style: AttributionStyle,
    lead: UnitMention[],
    responsible: UnitMention[],
    deadlines: Deadline[],
    problems: AttributionProblem[],
    span: Span,
    lines: LineTable,
  ) {
    super(span, lines);
    this.style = style;
    this.lead = lead;
    this.responsible = responsible;
    this.deadlines = deadlines;
    this.problems = problems;
    this.punctuation = null;
  }
}

export class PlacedMarker extends Placed implements Marker {
  declare text: string;
  declare level: Level;
  declare style: MarkerStyle;
  declare value: number;

  constructor(text: string, level: Level, style: MarkerStyle, value: number, span: Span, lines: LineTable) {
    super(span, lines);
    this.text = text;
    this.level = level;
    this.style = style;
    this.value = value;
  }
}

export class PlacedSection extends Placed implements Section {
  declare marker: Marker;
  declare title: string;
  declare titleSpan: Span;
  declare bodySpan: Span;
  declare children: Section[];
  declare parent: Section | null;
  declare nonTask: boolean;
  declare attributions: Attribution[];
  /** The line table until `titleRange` is first read, then the range. */
  #titleAt: LineTable | Range;

  constructor(marker: Marker, title: string, titleSpan: Span, span: Span, parent: Section | null, nonTask: boolean, attributions: Attribution[], lines: LineTable) {
    super(span, lines);
    this.marker = marker;
    this.title = title;
    this.titleSpan = titleSpan;
    this.bodySpan = span;
    this.children = [];
    this.parent = parent;
    this.nonTask = nonTask;
    this.attributions = attributions;
    this.#titleAt = lines;
  }

  get titleRange(): Range {
    const at = this.#titleAt;
    if (at instanceof LineTable) return (this.#titleAt = at.rangeOf(this.titleSpan));
    return at;
  }

  set titleRange(range: Range) {
    this.#titleAt = range;
  }

  override toJSON(): object {
    return { ...this, titleRange: this.titleRange, range: this.range };
  }
}

export class PlacedRow extends Placed implements TableRow {
  declare cells: string[];
  declare cellSpans: Span[];
  declare parts?: Span[][];

  constructor(cells: string[], cellSpans: Span[], span: Span, lines: LineTable, parts?: Span[][]) {
    super(span, lines);
    this.cells = cells;
    this.cellSpans = cellSpans;
    // Only on a row whose cells wrap: every other row looks as it always did (JSON, goldens).
    if (parts !== undefined) this.parts = parts;
  }
}

export class PlacedTable extends Placed implements Table {
  declare form: Table['form'];
  declare header: string[];
  declare columns: ColumnRole[];
  declare rows: TableRow[];

  constructor(form: Table['form'], header: string[], columns: ColumnRole[], rows: TableRow[], span: Span, lines: LineTable) {
    super(span, lines);
    this.form = form;
    this.header = header;
    this.columns = columns;
    this.rows = rows;
  }
}

/** What a task is, apart from its place. */
export interface TaskFields {
  source: Task['source'];
  number: string;
  numberValue: number | null;
  title: string;
  section: Section | null;
  row: TableRow | null;
  table: Table | null;
  lead: UnitMention[];
  responsible: UnitMention[];
  deadline: Deadline | null;
  deadlines: Deadline[];
  inherited: Task['inherited'];
}

export class PlacedTask extends Placed implements Task {
  declare index: number;
  declare source: Task['source'];
  declare number: string;
  declare numberValue: number | null;
  declare title: string;
  declare section: Section | null;
  declare row: TableRow | null;
  declare table: Table | null;
  declare lead: UnitMention[];
  declare responsible: UnitMention[];
  declare deadline: Deadline | null;
  declare deadlines: Deadline[];
  declare inherited: Task['inherited'];
  /** The title's span until `titleRange` is first read (a body task's is its section's), then the range. */
  #titleAt: Span | Range | null;
  readonly #lines: LineTable;

  /** `titleSpan` null: the title is the section's (`section.titleRange`). */
  constructor(fields: TaskFields, titleSpan: Span | null, span: Span, lines: LineTable) {
    super(span, lines);
    this.index = 0;
    this.source = fields.source;
    this.number = fields.number;
    this.numberValue = fields.numberValue;
    this.title = fields.title;
    this.section = fields.section;
    this.row = fields.row;
    this.table = fields.table;
    this.lead = fields.lead;
    this.responsible = fields.responsible;
    this.deadline = fields.deadline;
    this.deadlines = fields.deadlines;
    this.inherited = fields.inherited;
    this.#titleAt = titleSpan;
    this.#lines = lines;
  }

  get titleRange(): Range {
    const at = this.#titleAt;
    if (at === null) {
      if (this.section !== null) return this.section.titleRange;
      return (this.#titleAt = this.range);
    }
    if (typeof at.start !== 'number') return at as Range;
    return (this.#titleAt = this.#lines.rangeOf(at as Span));
  }

  set titleRange(range: Range) {
    this.#titleAt = range;
  }

  override toJSON(): object {
    return { ...this, titleRange: this.titleRange, range: this.range };
  }
}

export class PlacedUnnumbered extends Placed implements UnnumberedAttribution {
  declare attribution: Attribution;
  declare section: Section | null;

  constructor(attribution: Attribution, section: Section | null, lines: LineTable) {
    super(attribution.span, lines);
    this.attribution = attribution;
    this.section = section;
  }
}

export class PlacedDirective extends Placed implements Directive {
  declare kind: Directive['kind'];
  declare rules: string[];

  constructor(kind: Directive['kind'], rules: string[], span: Span, lines: LineTable) {
    super(span, lines);
    this.kind = kind;
    this.rules = rules;
  }
}

export class PlacedParseProblem extends Placed implements ParseProblem {
  declare message: string;

  constructor(message: string, span: Span, lines: LineTable) {
    super(span, lines);
    this.message = message;
  }
}

// One instance of each class, and of each optional field's variant, kept for the process (`keepShape`): the model of a
// document is dropped whole between documents, and its classes' shapes with it.
{
  const lines = new LineTable('');
  const at: Span = { start: 0, end: 0 };
  const deadline = new PlacedDeadline({ text: '', end: null, start: null, precision: null, ongoing: false, recurring: false, yearInferred: false, damaged: false, invalid: null }, at, lines);
  const unit = new PlacedUnit('', '', 'lead', at, lines);
  const attribution = new PlacedAttribution('bracket', [unit], [], [deadline], [], at, lines);
  const marker = new PlacedMarker('一、', 1, 'cn-dun', 1, at, lines);
  const section = new PlacedSection(marker, '', at, at, null, false, [attribution], lines);
  const row = new PlacedRow([''], [at], at, lines);
  const table = new PlacedTable('markdown', [''], ['task'], [row], at, lines);
  const fields: TaskFields = { source: 'body', number: '', numberValue: null, title: '', section, row: null, table: null, lead: [], responsible: [], deadline: null, deadlines: [], inherited: { lead: false, responsible: false, deadline: false } };
  keepShape([
    new PlacedTask(fields, null, at, lines),
    new PlacedProblem('empty-field', '', at, lines),
    new PlacedProblem('empty-field', '', at, lines, true),
    new PlacedRow([''], [at], at, lines, [[at]]),
    table,
    new PlacedUnnumbered(attribution, section, lines),
    new PlacedDirective('disable', [], at, lines),
    new PlacedParseProblem('', at, lines),
  ]);
}
