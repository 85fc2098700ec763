// Reads who leads, who takes part and by when from the attributions the grammar recognised (grammar/attribution.ts).
// Over 400 lines: the meaning of every part the grammar finds (fields, verb segments, 会同, a unit-named heading) and the
// unit-list reader they all share.
import {
  beforeModal,
  copulaValueAt,
  deadlineStartsAt,
  leadsAfterBy,
  MAX_BY_UNITS,
  mayHoldDeadline,
  readAttributionSyntax,
  TASK_COUNT_END,
  tokens as T,
  UNIT_END,
  withoutModal,
  type AttributionPart,
  type AttributionSyntax,
  type IToken,
} from '../../../grammar/index.js';
import { ListBuffer, type Sink } from './buffer.js';
import { collectDeadlines, type DeadlineContext, type FoundDeadline } from './deadline.js';
import { PlacedAttribution, PlacedDeadline, PlacedProblem, PlacedUnit } from './located.js';
import { saysSameAsAbove } from './same-below.js';
import { isSubsequence } from './units.js';
import type { LineTable } from './positions.js';
import { isPlaceholder, isSpaceCode, oneLine, stripNoise, toSimplified, trimSpan, unitKey, unwrapped } from './text.js';
import type { Attribution, AttributionProblem, AttributionStyle, Deadline, Span, UnitMention, UnitRole } from './types.js';

/** What attribution reading needs besides the tokens. */
export interface AttributionContext {
  text: string;
  lines: LineTable;
  deadlines: DeadlineContext;
  /**
   * Unit names met so far in this document, each to its one kept copy and key (names repeat: a plan names the same
   * units again and again). Optional: without it each mention gets its own strings.
   */
  names?: Map<string, { name: string; key: string }>;
  /**
   * Every unit mention read, in the order read, when given. Each is kept in the attribution or table task it was
   * read for, so the document's units (`PlanDocument.units`) are these, sorted, without gathering them again.
   */
  units?: UnitMention[];
  /** False when the document is read for its outline only (a report): headings then name no leads. */
  readsTasks?: boolean;
  /** The reader's scratch space for this document (`newScratch()`). */
  scratch: Scratch;
}

/**
 * What the reader fills while it reads one attribution, one unit list or one text's deadlines, before it copies the
 * result out at its exact size: one per document (the reader never re-enters itself), nothing shared between documents.
 */
export interface Scratch {
  lists: Lists;
  units: ListBuffer<UnitMention>;
  found: ListBuffer<FoundDeadline>;
}

/** A fresh scratch space for one document's `AttributionContext`. */
export function newScratch(): Scratch {
  const lists = {
    lead: new ListBuffer<UnitMention>(),
    charged: new ListBuffer<UnitMention>(),
    division: new ListBuffer<UnitMention>(),
    responsible: new ListBuffer<UnitMention>(),
    deadlines: new ListBuffer<Deadline>(),
    problems: new ListBuffer<AttributionProblem>(),
  };
  return { lists, units: new ListBuffer(), found: new ListBuffer() };
}

/** What the unit reader needs of the context. */
type UnitContext = Pick<AttributionContext, 'text' | 'lines' | 'names' | 'units' | 'scratch'>;

/** `牵头` in a verb (`共同牵头` names joint leads, `共同负责` after a lead the units that carry the work out). */
const LEAD_WORD = /牵头|牽頭/;
/** `负总责`: in overall charge of the work, over the units that lead or carry it out with it. */
const OVERALL_CHARGE = /负总责|負總責/;
/** `负责` itself, not `负总责` or `负主体责任`. */
const PLAIN_CHARGE = new Set(['负责', '負責']);
/** Verbs that give the units before them the lead (without `由`, `按职责分工负责` shares the work instead). */
const LEAD_VERBS = new Set([T.LeadVerb, T.ChargeVerb, T.JointLead]);
/** Words that join a field's name to the next one (`责任单位或牵头单位:`): the two name one field. */
const FIELD_JOINERS = new Set(['或', '和', '及', '/', '／', '、']);
const end = (t: IToken) => t.startOffset + t.image.length;

// Token runs are read in place: `toks` with a half-open index range [from, to), never copied out.

/**
 * Reads every attribution the grammar finds in the tokens [from, to) of `toks` (one paragraph, marker excluded) and
 * appends them to `out`, in text order, with the spans they occupy, so that titles and prose deadlines can skip them.
 * Returns `out`.
 */
export function readAttributions(toks: IToken[], from: number, to: number, ctx: AttributionContext, out: Attribution[]): Attribution[] {
  const found = readAttributionSyntax(toks, from, to);
  for (let k = 0; k < found.length; k++) {
    const syntax = found[k]!;
    const unitsBefore = ctx.units?.length ?? 0;
    const attribution = readAttribution(toks, syntax, ctx);
    if (attribution === null) continue;
    // `重点任务分解见下表（列第一位者为牵头单位）。`, `（责任单位中列第一位的为牵头单位）`: a bracket that names no unit
    // and no deadline, only how the plan names its leads (the words a field's name opens are no unit), assigns nothing.
    if (syntax.kind === 'group' && namesNothing(attribution) && statesConvention(toks, syntax.open, syntax.to, ctx.text)) {
      if (ctx.units) ctx.units.length = unitsBefore;
      continue;
    }
    out.push(attribution);
  }
  if (found.length === 0) {
    const units = bareUnits(toks, from, to, ctx) ?? verbedUnits(toks, from, to, ctx) ?? leadingUnits(toks, from, to, ctx) ?? dashedUnits(toks, from, to, ctx) ?? colonUnits(toks, from, to, ctx) ?? verbedSentence(toks, from, to, ctx);
    if (units !== null) out.push(units);
  }
  return out;
}

/**
 * How a plan says its lead is read when no `牵头` is written: `first` — the first unit listed leads
 * (`列第一位者为牵头单位`); `all` — the responsible units lead (`未注明牵头单位的，责任单位即为牵头单位`); `none` —
 * no convention stated: a lone responsible unit leads, several leave the lead open (PL001 asks which).
 */
export type LeadConvention = 'first' | 'all' | 'none';

/**
 * The first unit listed leads, in the convention's wordings: `列第一位者为牵头单位`, `排在第一位的单位牵头`, `第一个为牵头单位`,
 * `首位单位为牵头单位`, `由第一责任单位牵头`, and the other way round, `牵头单位为排在第一位的单位`; or the fields of a
 * bracket named in order, the lead's first (`括号内依次为牵头单位、配合单位、完成时限`).
 */
const FIRST_LISTED = new RegExp(
  '(?:(?:列|排|排列|排序|排名|名列)(?:在|于)?(?:第一位|第一个|首位|第一|最前面?)|(?:第一个|第一家|首个|首家|首位|第一)(?:责任)?(?:单位|部门)?)' +
    '(?:的|者)?(?:责任单位|单位|部门)?(?:为|是|即为|就是|系)?(?:工作)?牵头' +
    '|牵头(?:单位|部门)(?:为|是|即为|系)(?:列|排|排列|名列)?(?:在|于)?(?:第一位|首位|第一个|最前面?)' +
    // The fields a bracket holds in order, the lead's first: `括号内依次为牵头单位、配合单位、完成时限`.
    '|依次(?:为|是|列明|写明|标明|注明)?(?:牵头单位|牵头部门)[、，,和及与]',
);
/** The responsible units lead where no lead is named: `未注明牵头单位的，责任单位即为牵头单位`. */
const RESPONSIBLE_LEADS = /(?:未注明|未明确|无|没有|未列)牵头单位的?[,，]?(?:其)?责任单位(?:即|就)?(?:为|是)牵头单位/;

/** The lead convention that `words` (simplified, noise and spaces removed) state, `none` when they state none. */
export function conventionIn(words: string): LeadConvention {
  if (FIRST_LISTED.test(words)) return 'first';
  return RESPONSIBLE_LEADS.test(words) ? 'all' : 'none';
}

/** Does `a` name no deadline and no unit, but words that end like none (`中列第一位的`, a convention's)? */
function namesNothing(a: Attribution): boolean {
  if (a.deadlines.length > 0) return false;
  for (const u of a.lead) if (UNIT_END.test(u.name)) return false;
  for (const u of a.responsible) if (UNIT_END.test(u.name)) return false;
  return true;
}

/** The most a bracket stating the lead convention holds (`（责任单位中列第一位的为牵头单位，下同）`); a longer one is read as written. */
const MAX_CONVENTION_GROUP = 60;

/**
 * Does the group opened at token `open`, its content ending before token `to`, state the plan's lead convention, with
 * no field in it (`：`)? Reads the group's text once; a long group is not read.
 */
function statesConvention(toks: IToken[], open: number, to: number, text: string): boolean {
  if (to <= open + 1) return false;
  const from = end(toks[open]!);
  const until = end(toks[to - 1]!);
  if (until - from > MAX_CONVENTION_GROUP) return false;
  const words = toSimplified(stripNoise(text.slice(from, until))).replace(/[\s\u3000]+/g, '');
  return !/[:：]/.test(words) && conventionIn(words) !== 'none';
}

const isOpener = (type: IToken['tokenType']): boolean => type === T.LParen || type === T.LBracket;
const isCloser = (type: IToken['tokenType']): boolean => type === T.RParen || type === T.RBracket;

/** Is there a text run among the tokens [from, to)? */
function hasText(toks: IToken[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (toks[i]!.tokenType === T.Text) return true;
  return false;
}

/** Words that make a bracket's content something other than a list of units (`的` tells of a thing, never names a unit). */
const NOT_A_UNIT = /[0-9０-９。：:！？?!的]|等$/;

/**
 * A paragraph that ends with a bracket holding nothing but unit names (`1.做好财政预决算公开。（县财政局）`,
 * `（县发改局、县住建局）`, `【县政府办公室】`): the units in charge of the work, written without a field name (a
 * 工作要点's usual way). They are responsible units; the plan's lead convention decides who leads.
 */
function bareUnits(toks: IToken[], from: number, to: number, ctx: AttributionContext): Attribution | null {
  const group = closingGroup(toks, from, to);
  if (group === null) return null;
  const { open, last } = group;
  const inner = trimSpan(ctx.text, end(toks[open]!), toks[last]!.startOffset);
  // `（县人社局；2024年12月底前）`: a deadline may end the list.
  const cut = deadlineInList(ctx.text, inner);
  const span = { start: inner.start, end: trimListEnd(ctx.text, { start: inner.start, end: cut }) };
  // Spaces part names; a hard wrap cuts one (`县商` / `务局`); a bracket inside a name keeps its separators (`各县（市、区）人民政府`).
  if (!onlyUnitNames(ctx.text.slice(span.start, span.end))) return null;
  const lists = emptyLists(ctx);
  if (pushUnits(lists.responsible, span, 'responsible', ctx) === 0) return null;
  if (cut < inner.end) pushDeadlines(lists.deadlines, trimSpan(ctx.text, cut, inner.end), ctx, 'field');
  const style: AttributionStyle = toks[open]!.tokenType === T.LBracket ? 'bracket' : 'paren';
  return new PlacedAttribution(style, [], lists.responsible.take(), lists.deadlines.take(), [], { start: toks[open]!.startOffset, end: end(toks[last]!) }, ctx.lines);
}

/**
 * The bracket that ends the paragraph [from, to) (a sentence end after it aside), as the indexes of its opener and its
 * closer, when the work is written before it (a bracket alone is a title, not who does it); null when there is none.
 */
function closingGroup(toks: IToken[], from: number, to: number): { open: number; last: number } | null {
  let last = to - 1;
  while (last > from && (toks[last]!.tokenType === T.SentenceEnd || /^\s*$/.test(toks[last]!.image))) last--;
  if (last <= from || !isCloser(toks[last]!.tokenType)) return null;
  // Its opener, counting the brackets of unit names inside it (`各区县(市)人民政府`).
  let depth = 0;
  let open = -1;
  for (let i = last; i >= from; i--) {
    const type = toks[i]!.tokenType;
    if (isCloser(type)) depth++;
    else if (isOpener(type) && --depth === 0) {
      open = i;
      break;
    }
  }
  if (open < 0 || open === last - 1 || !hasText(toks, from, open)) return null;
  return { open, last };
}

/**
 * Verbs other than the role verbs of the grammar (`牵头` `负责` `配合`) that a bracket or a field writes after units'
 * names to say what part they play, by the part: `统筹` `抓总` name the unit over the work (it leads); `具体实施` `落实`
 * name those who carry it out (they lead when no unit is over them: `（县乡村振兴局指导，各乡镇人民政府落实）`); `协同`
 * `指导` `督导` name those who help or oversee (they take part). Only at the end of a clause after names alone, the
 * first opening with a level of government: in prose (`统筹推进乡村建设`, `抓好落实`) they are the work's words.
 */
const CLAUSE_VERB = /^(.+?)(?:(统筹推进|统筹协调|统筹指导|统筹|抓总|主抓)|(具体实施|组织实施|实施|具体落实|抓好落实|落实|具体承办|承办|具体执行|执行)|(协同推进|协同|协助|协办|指导|督导|支持))$/;

/** The part a clause of names and a `CLAUSE_VERB` gives them: the lead, the units in charge, those who take part. */
type ClausePart = 'lead' | 'charge' | 'help';

/**
 * The names of the clause [start, end) of `text` and the part its verb gives them, when the clause is units' names
 * and a `CLAUSE_VERB` (`县农业农村局统筹`, `各乡镇人民政府具体实施`); null otherwise.
 */
function verbedClause(text: string, start: number, end: number): { names: Span; part: ClausePart } | null {
  const m = CLAUSE_VERB.exec(text.slice(start, end));
  // As with no role verb of the grammar (`colonUnits`), only names that open with a level of government (`县…` `各…`)
  // are units: words of the work may end like a body's name (`抓紧部署实施`, `分步部署实施`).
  if (m === null || !LEVEL_FIRST.has(m[1]!.charCodeAt(0)) || !onlyUnitNames(m[1]!)) return null;
  return { names: trimSpan(text, start, start + m[1]!.length), part: m[2] ? 'lead' : m[3] ? 'charge' : 'help' };
}

/** The clause separators of a bracket's list (`，` `；`), outside the brackets of names. */
const CLAUSE_SEPARATORS = new Set([...',，;；'].map((c) => c.charCodeAt(0)));

/** Any verb of `CLAUSE_VERB`: a field's value without one is read as names at once. */
const ANY_CLAUSE_VERB = /统筹|抓总|主抓|实施|落实|承办|执行|协同|协助|协办|指导|督导|支持/;

/**
 * The clauses of [from, to), parted by `，` `；` outside the brackets of names, each units' names and the verb of their
 * part (`verbedClause`) or names alone, up to the first that is neither (`rest`, its start; -1 when every clause is
 * read); whether any had a verb. Null when a clause is empty.
 */
function readClauses(text: string, from: number, to: number): { clauses: { names: Span; part: ClausePart | null }[]; verbed: boolean; rest: number } | null {
  const clauses: { names: Span; part: ClausePart | null }[] = [];
  let verbed = false;
  for (let start = from; start <= to; ) {
    const i = clauseEnd(text, start, to, CLAUSE_SEPARATORS);
    const clause = trimSpan(text, start, i);
    start = i + 1;
    if (clause.end <= clause.start) return null;
    const read = verbedClause(text, clause.start, clause.end);
    if (read === null && !onlyUnitNames(text.slice(clause.start, clause.end))) return { clauses, verbed, rest: clause.start };
    verbed ||= read !== null;
    clauses.push(read ?? { names: clause, part: null });
  }
  return { clauses, verbed, rest: -1 };
}

/** Where the clause that starts at `from` ends: the first of `separators` in [from, to) outside the brackets of names, else `to`. */
function clauseEnd(text: string, from: number, to: number, separators: ReadonlySet<number>): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_PAREN || c === OPEN_PAREN_FULL) depth++;
    else if ((c === CLOSE_PAREN || c === CLOSE_PAREN_FULL) && depth > 0) depth--;
    else if (depth === 0 && separators.has(c)) return i;
  }
  return to;
}

/**
 * Pushes the units of `clauses` (each names and the verb of their part) into `lists`: the units over the work lead;
 * without one, those who carry it out lead; the rest take part.
 */
function pushClauseUnits(clauses: readonly { names: Span; part: ClausePart | null }[], lists: Lists, ctx: AttributionContext): void {
  const overall = clauses.some((c) => c.part === 'lead');
  for (const { names, part } of clauses) {
    const leads = part === 'lead' || (part === 'charge' && !overall);
    pushUnits(leads ? lists.lead : lists.responsible, names, leads ? 'lead' : 'responsible', ctx);
  }
}

/**
 * Reads the unit list [span) of a field in `role` as clauses of names and the verb of their part (`verbedClause`),
 * when it is such clauses, at least one with a verb, the others names alone (`县农业农村局统筹，各乡镇具体实施`): the
 * units over the work lead, those who carry it out share the work (they lead when nothing else does), the rest take
 * part, names alone the field's role. Returns how many units were read, or null when the list is no such clauses.
 */
function verbedList(span: Span, role: UnitRole, lists: Lists, ctx: AttributionContext): number | null {
  const { text } = ctx;
  if (!ANY_CLAUSE_VERB.test(text.slice(span.start, span.end))) return null;
  const read = readClauses(text, span.start, span.end);
  if (read === null || !read.verbed || read.rest >= 0) return null;
  const { clauses } = read;
  let count = 0;
  for (const { names, part } of clauses) {
    const into = part === 'lead' ? lists.lead : part === 'charge' ? lists.division : part === 'help' ? lists.responsible : role === 'lead' ? lists.lead : lists.responsible;
    count += pushUnits(into, names, part === 'lead' || (part === null && role === 'lead') ? 'lead' : 'responsible', ctx);
  }
  return count;
}

/**
 * A paragraph that ends with a bracket of clauses, each units' names and a `CLAUSE_VERB` (or names alone), a deadline
 * perhaps closing it, with none of the grammar's role verbs (`（县农业农村局统筹，各乡镇人民政府具体实施，2026年11月底前）`,
 * `（县邮政管理局抓总，县商务局、县交通运输局协同）`, `（县乡村振兴局指导，各乡镇人民政府落实）`): the units over the work
 * lead; without one, those who carry it out lead; the rest take part. Names alone take part once a clause has a verb.
 */
function verbedUnits(toks: IToken[], from: number, to: number, ctx: AttributionContext): Attribution | null {
  const group = closingGroup(toks, from, to);
  if (group === null) return null;
  const { open, last } = group;
  const { text } = ctx;
  const inner = trimSpan(text, end(toks[open]!), toks[last]!.startOffset);
  const cut = deadlineInList(text, inner);
  const listEnd = trimListEnd(text, { start: inner.start, end: cut });
  const read = readClauses(text, inner.start, listEnd);
  // After the units, what no date opens may still say when the work is due (`常态化推进`): read below.
  if (read === null || !read.verbed || read.clauses.length === 0) return null;
  const { clauses } = read;
  // Where the clauses stop being units' (`cut` when a deadline opens after a separator, as `deadlineInList` finds).
  const tail = read.rest >= 0 ? read.rest : cut;
  const lists = emptyLists(ctx);
  if (tail < cut) {
    pushDeadlines(lists.deadlines, trimSpan(text, tail, inner.end), ctx, 'field');
    if (lists.deadlines.length === 0) return null;
  }
  pushClauseUnits(clauses, lists, ctx);
  if (lists.lead.length === 0 && lists.responsible.length === 0) return null;
  if (tail === cut && cut < inner.end) pushDeadlines(lists.deadlines, trimSpan(text, cut, inner.end), ctx, 'field');
  const style: AttributionStyle = toks[open]!.tokenType === T.LBracket ? 'bracket' : 'paren';
  return new PlacedAttribution(style, lists.lead.take(), lists.responsible.take(), lists.deadlines.take(), [], { start: toks[open]!.startOffset, end: end(toks[last]!) }, ctx.lines);
}

/** What ends a clause of a sentence: `，` `；` `。` and their half-width forms. */
const SENTENCE_CLAUSE_ENDS = new Set([...',，;；。'].map((c) => c.charCodeAt(0)));
/** `由` meaning "by" opening a clause (`由县商务局统筹`). */
const BY_CHAR = '由'.charCodeAt(0);

/**
 * Clauses of a sentence after the work, each units' names and the verb of their part (`verbedClause`), the first
 * perhaps opened by `由` (`…，由县商务局统筹，各乡镇具体实施，2026年12月底前完成。`), in a paragraph that names no role
 * of the grammar: read as in a bracket (`verbedUnits`), the deadline left to the task's prose. Null when there are none.
 */
function verbedSentence(toks: IToken[], from: number, to: number, ctx: AttributionContext): Attribution | null {
  if (from >= to) return null;
  const { text } = ctx;
  const start = toks[from]!.startOffset;
  const stop = end(toks[to - 1]!);
  if (!ANY_CLAUSE_VERB.test(text.slice(start, stop))) return null;
  const clauses: { names: Span; part: ClausePart }[] = [];
  let runStart = -1;
  let runEnd = -1;
  for (let at = start; at <= stop; ) {
    const i = clauseEnd(text, at, stop, SENTENCE_CLAUSE_ENDS);
    const clause = trimSpan(text, at, i);
    at = i + 1;
    // Only the first clause of the run may open with `由`.
    const by = clauses.length === 0 && text.charCodeAt(clause.start) === BY_CHAR ? 1 : 0;
    const read = clause.end - clause.start > by ? verbedClause(text, clause.start + by, clause.end) : null;
    if (read !== null) {
      if (runStart < 0) runStart = clause.start;
      runEnd = clause.end;
      clauses.push(read);
    } else if (clauses.length > 0) break;
  }
  if (clauses.length === 0) return null;
  const lists = emptyLists(ctx);
  pushClauseUnits(clauses, lists, ctx);
  if (lists.lead.length === 0 && lists.responsible.length === 0) return null;
  return new PlacedAttribution('sentence', lists.lead.take(), lists.responsible.take(), [], [], { start: runStart, end: runEnd }, ctx.lines);
}

/**
 * A paragraph that opens with a bracket holding nothing but unit names, the work after it (`【县发改局】推进项目储备…`,
 * `[县财政局、县审计局]开展…`): the units in charge, as a closing bracket of names gives them (`bareUnits`).
 */
function leadingUnits(toks: IToken[], from: number, to: number, ctx: AttributionContext): Attribution | null {
  let open = from;
  while (open < to && /^\s*$/.test(toks[open]!.image)) open++;
  if (open >= to || !isOpener(toks[open]!.tokenType)) return null;
  let depth = 0;
  let close = -1;
  for (let i = open; i < to; i++) {
    const type = toks[i]!.tokenType;
    if (isOpener(type)) depth++;
    else if (isCloser(type) && --depth === 0) {
      close = i;
      break;
    }
  }
  if (close < 0 || close === open + 1 || !hasText(toks, close + 1, to)) return null;
  const span = trimSpan(ctx.text, end(toks[open]!), toks[close]!.startOffset);
  if (!onlyUnitNames(ctx.text.slice(span.start, span.end))) return null;
  const lists = emptyLists(ctx);
  if (pushUnits(lists.responsible, span, 'responsible', ctx) === 0) return null;
  const style: AttributionStyle = toks[open]!.tokenType === T.LBracket ? 'bracket' : 'paren';
  return new PlacedAttribution(style, [], lists.responsible.take(), [], [], { start: toks[open]!.startOffset, end: end(toks[close]!) }, ctx.lines);
}

/** The dash that opens an attribution line (`——`, `—`), and what `pushPiece` drops before a name. */
const DASH = 0x2014;

/**
 * A last clause that a dash opens, naming units and perhaps a deadline after them (`——县应急局，长期坚持`,
 * `——县财政局、县审计局；2025年6月底前`), on a line under the task or after its last sentence: the units in charge, as a
 * closing bracket of names gives them (`bareUnits`). Only a text run that starts with the dash, first in the paragraph or
 * after a sentence's end, is looked at.
 */
function dashedUnits(toks: IToken[], from: number, to: number, ctx: AttributionContext): Attribution | null {
  let last = to - 1;
  while (last > from && (toks[last]!.tokenType === T.SentenceEnd || /^\s*$/.test(toks[last]!.image))) last--;
  let dash = last;
  while (dash >= from && toks[dash]!.tokenType !== T.SentenceEnd && toks[dash]!.tokenType !== T.Newline) dash--;
  dash++;
  const first = toks[dash];
  if (first === undefined || dash > last || first.tokenType !== T.Text || first.image.charCodeAt(0) !== DASH) return null;
  let start = first.startOffset;
  while (ctx.text.charCodeAt(start) === DASH) start++;
  const inner = trimSpan(ctx.text, start, end(toks[last]!));
  const cut = deadlineInList(ctx.text, inner);
  const span = { start: inner.start, end: trimListEnd(ctx.text, { start: inner.start, end: cut }) };
  if (span.end <= span.start || !onlyUnitNames(ctx.text.slice(span.start, span.end))) return null;
  const lists = emptyLists(ctx);
  if (pushUnits(lists.responsible, span, 'responsible', ctx) === 0) return null;
  if (cut < inner.end) pushDeadlines(lists.deadlines, trimSpan(ctx.text, cut, inner.end), ctx, 'field');
  return new PlacedAttribution('sentence', [], lists.responsible.take(), lists.deadlines.take(), [], { start: first.startOffset, end: end(toks[last]!) }, ctx.lines);
}

/** The first characters of a unit's name that opens with its level of government (`县` `市` `各`, `团县委`, `国网…`). */
const LEVEL_FIRST = new Set([...'省市州盟县縣区區旗乡鄉镇鎮街各团團国國中'].map((c) => c.charCodeAt(0)));
/** Words that end like a bureau's name (`局`) but name none (`市场布局`, `发展格局`). */
const NOT_A_BODY = /(?:布局|格局|大局|全局|开局|開局|新局|结局|結局|僵局|残局|殘局)(?:、|$)/;
/** How many tokens a unit list before its colon holds at most (`各乡镇（街道）：`: a name, its bracket). */
const MAX_COLON_NAMES = 6;

/**
 * A paragraph that opens with units' names and a colon, the work they do right after it (`县商务局：推动商贸流通企业…`,
 * `各乡镇（街道）：做好…`, a list of duties written without `负责`): the units lead, as `X：负责…` gives them the lead. The
 * work opens with a verb of work (`WORK_AFTER_UNITS`) and is not told as done (`了`).
 */
function colonUnits(toks: IToken[], from: number, to: number, ctx: AttributionContext): Attribution | null {
  let first = from;
  while (first < to && toks[first]!.tokenType === T.Newline) first++;
  if (first >= to || toks[first]!.tokenType !== T.Text) return null;
  let colon = first + 1;
  while (colon < to && colon - first <= MAX_COLON_NAMES && toks[colon]!.tokenType !== T.Colon) colon++;
  if (colon + 1 >= to || toks[colon]!.tokenType !== T.Colon) return null;
  const work = toks[colon + 1]!;
  if (work.tokenType !== T.Text || work.startOffset !== end(toks[colon]!) || !WORK_AFTER_UNITS.test(work.image) || work.image.includes('了')) return null;
  const span = trimSpan(ctx.text, toks[first]!.startOffset, toks[colon]!.startOffset);
  const names = ctx.text.slice(span.start, span.end);
  // With no role verb, only names that open with a level of government (`县…` `各…`) and end as a body does are units:
  // a label before its colon may end like one (`网点布局：`, `市场格局：`).
  if (span.end <= span.start || !LEVEL_FIRST.has(names.charCodeAt(0)) || NOT_A_BODY.test(names) || !onlyUnitNames(names)) return null;
  const lists = emptyLists(ctx);
  if (pushUnits(lists.lead, span, 'lead', ctx) === 0) return null;
  return new PlacedAttribution('sentence', lists.lead.take(), [], [], [], { start: toks[first]!.startOffset, end: end(toks[colon]!) }, ctx.lines);
}

/** Does a date open the text at `at` (`2024年…`, `6月…`, `第四季度…`, `上半年…`), not a target's `到` or a recurrence's `每`? */
function opensWithDate(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19) || /^(?:第[一二三四]季度|[上下]半年|年底|年内)/.test(text.slice(at, at + 5))) && deadlineStartsAt(text, at);
}

/** A piece of a unit list that states the lead convention or refers to it (`列第一位的为牵头单位`, `下同`), not a unit. */
const CONVENTION_PIECE = /^(?:列|排|排列|排名|名列)(?:在|于)?(?:第一|首位|最前)|^(?:下同|同上|以下同|下文同)$/;
/** The characters a `CONVENTION_PIECE` starts with: a piece starting otherwise is not tried. */
const CONVENTION_FIRST = new Set([...'列排名下同以'].map((c) => c.charCodeAt(0)));

/** A verb after names that carry out the work another unit leads (`县财政局、县水利局落实`, `县林业局协助`). */
const CARRIES_OUT = /(?:具体|抓好|负责)?(?:落实|落實|协助|協助)/;

/** Is `list` names of units and nothing else (`县发改局、县住建局`, `各县（市、区）人民政府`)? */
function onlyUnitNames(list: string): boolean {
  const pieces = splitNames(oneLine(list));
  // Two characters name a unit only as the places of a level (`各镇`, `各村`): `（试行）` is no unit.
  const unitLike = (p: string) => (p.length >= 3 || (p.length === 2 && p.charCodeAt(0) === EACH)) && p.length <= 30 && !NOT_A_UNIT.test(p) && UNIT_END.test(p.replace(/[(（][^()（）]*[)）]$/, ''));
  return pieces.length > 0 && pieces.every(unitLike);
}

const NAME_SEPARATORS = new Set([...'、，,；; \t\u3000'].map((c) => c.charCodeAt(0)));

/** The names of a list, parted at `、` `，` `；` and spaces outside brackets (`各县（市、区）人民政府` is one). */
function splitNames(list: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i <= list.length; i++) {
    const c = i < list.length ? list.charCodeAt(i) : -1;
    if (c === 0x28 || c === 0xff08) depth++;
    else if ((c === 0x29 || c === 0xff09) && depth > 0) depth--;
    else if (c === -1 || (depth === 0 && NAME_SEPARATORS.has(c))) {
      if (i > from) names.push(list.slice(from, i));
      from = i + 1;
    }
  }
  return names;
}

function readAttribution(toks: IToken[], syntax: AttributionSyntax, ctx: AttributionContext): Attribution | null {
  switch (syntax.kind) {
    case 'group':
      return readGroup(toks, syntax.open, syntax.close, syntax.to, syntax.parts, syntax.closesLater, ctx);
    case 'fields': {
      const span = { start: toks[syntax.from]!.startOffset, end: end(toks[syntax.to - 1]!) };
      const attribution = readContent(toks, syntax.parts, 'field', span, ctx);
      attribution.punctuation = punctuationOf(toks, syntax.from, syntax.to, '', '');
      return attribution;
    }
    case 'sentence': {
      const span = { start: toks[syntax.from]!.startOffset, end: end(toks[syntax.to - 1]!) };
      return readContent(toks, syntax.parts, 'sentence', span, ctx);
    }
    case 'together':
      return readTogether(toks, syntax, ctx);
  }
}

/**
 * One group holding an attribution: opened at `open`, closed at `close` (-1 when its paragraph ends first: `closesLater`
 * when a closer that may be its own follows), its content [open + 1, innerTo) made of `parts`.
 */
function readGroup(toks: IToken[], open: number, close: number, innerTo: number, parts: AttributionPart[], closesLater: boolean, ctx: AttributionContext): PlacedAttribution {
  const innerFrom = open + 1;
  const openTok = toks[open]!;
  const closeTok = close >= 0 ? toks[close]! : null;
  const style: AttributionStyle = openTok.tokenType === T.LBracket ? 'bracket' : 'paren';
  const spanEnd = closeTok ? end(closeTok) : end(innerTo > innerFrom ? toks[innerTo - 1]! : openTok);
  const attribution = readContent(toks, parts, style, { start: openTok.startOffset, end: spanEnd }, ctx);
  attribution.punctuation = punctuationOf(toks, innerFrom, innerTo, openTok.image, closeTok?.image ?? '');
  if (closeTok === null) {
    attribution.problems.push(problem(ctx, 'unclosed-bracket', openTok.image, { start: openTok.startOffset, end: end(openTok) }, closesLater));
    // A text cut off inside an attribution (`（牵头单位：市发`, an excerpt's end): its last name is cut too, no unit.
    if (trimSpan(ctx.text, spanEnd, ctx.text.length).start >= ctx.text.length) {
      attribution.lead = attribution.lead.filter((u) => u.span.end < spanEnd);
      attribution.responsible = attribution.responsible.filter((u) => u.span.end < spanEnd);
    }
  }
  return attribution;
}

/** Verbs a heading starts with when it names work, not a unit (`成立领导小组`). */
export const WORK_START =
  /^(?:成立|建立|健全|加强|推进|推动|完善|强化|落实|开展|实施|深化|提升|优化|做好|坚持|加快|构建|打造|严格|全面|积极|切实|组织|明确|规范|创新|提高|发挥|抓好|统筹|培育|扩大|支持|鼓励|保障|聚焦|着力|大力|持续|进一步|建设|建設|搭建|促进|促進|推行|实行|實行|改善|巩固|鞏固|拓展|营造|營造|激发|激發|壮大|壯大|引进|引進|培养|培養|增强|增強|深入|夯实|夯實|筑牢|築牢|稳步|穩步|扎实|紮實|狠抓|发展|發展|做强|做強|做大|做优|做優|建强|建強|办好|辦好|办强|辦強)/;
/** What a heading adds after a unit's name (`区教育局主要工作任务`, `由县卫健委负责的任务` is a sentence). */
const UNIT_HEADING_TAIL = /(?:主要工作任务|重点工作任务|工作任务|重点任务|主要任务|重点工作|任务清单|责任清单|工作清单)$/;

/**
 * The lead a heading gives the tasks under it when it names a unit: `一、市司法局`, `（二）区教育局主要工作任务`,
 * `三、各乡镇`. The heading [span) is its title; null when it names work, a person or no unit.
 */
export function unitHeading(span: Span, ctx: AttributionContext): Attribution | null {
  const marked = markedHeadingEnd(span, ctx.text);
  return (marked > span.end ? namedByHeading({ start: span.start, end: marked }, ctx) : null) ?? namedByHeading(span, ctx);
}

/** A lead mark right after a heading's title (`（三）县城管局（牵头）、县住建局`: the title ends at its bracket). */
const MARK_AFTER_TITLE = /^[（(](?:牵头|牽頭)(?:单位|單位|部门|部門)?[)）]/;

/**
 * Where the heading whose title is [span) ends when a lead mark follows its title (`县城管局（牵头）、县住建局`): the end of
 * its line, spaces aside; `span.end` otherwise.
 */
function markedHeadingEnd(span: Span, text: string): number {
  if (!MARK_AFTER_TITLE.test(text.slice(span.end, span.end + 8))) return span.end;
  let e = text.indexOf('\n', span.end);
  if (e < 0) e = text.length;
  while (e > span.end && isSpaceCode(text.charCodeAt(e - 1))) e--;
  return e;
}

/** A mark after a name in a heading (`县城管局（牵头）`): no part of the name. */
const HEADING_MARK_END = /[（(](?:牵头|牽頭)(?:单位|單位|部门|部門)?[)）]$/;

/** The units the heading [span) names (`unitHeading`): a marked unit leads and the others take part; unmarked, all lead. */
function namedByHeading(span: Span, ctx: AttributionContext): Attribution | null {
  const title = ctx.text.slice(span.start, span.end);
  // Most headings name work (`加强组织领导`): their first name below would open with that word whatever is cut from
  // their end (no ending cut starts inside it), so they are answered before anything is cut.
  if (WORK_START.test(title)) return null;
  // `（三）市交通运输局（8项）`: the count of its tasks is no part of the unit's name.
  const raw = title.replace(/[:：。]$/, '').replace(TASK_COUNT_END, '').replace(UNIT_HEADING_TAIL, '');
  // One name, or a few joined by `、` (`一、县农业农村局、县水利局（2项）`: they lead together).
  const names = splitNames(stripNoise(raw));
  if (names.length === 0 || names.length > 4) return null;
  let marks = false;
  for (const written of names) {
    const name = written.replace(HEADING_MARK_END, '');
    if (name.length < written.length) marks = true;
    if (name.length < 2 || name.length > 24 || WORK_START.test(name) || PERSON_END.test(name) || !UNIT_END.test(name)) return null;
    if (/[，,；;。、（(]/.test(name.replace(/[(（][^()（）]*[)）]/g, ''))) return null;
  }
  const lists = emptyLists(ctx);
  const units = { start: span.start, end: span.start + raw.length };
  if (!marks) {
    pushUnits(lists.lead, units, 'lead', ctx);
    if (lists.lead.length === 0) return null;
    return new PlacedAttribution('heading', lists.lead.take(), [], [], [], span, ctx.lines);
  }
  pushUnits(lists.responsible, units, 'responsible', ctx);
  const responsible = promoteMarked(lists.lead, lists.responsible.take());
  if (lists.lead.length === 0) return null;
  return new PlacedAttribution('heading', lists.lead.take(), responsible, [], [], span, ctx.lines);
}

/** The end of a unit list that a verb phrase follows: `…等部门研究提出意见` ends after `等部门`. */
const LIST_END = /等(?:有关|相关)?(?:部门|单位|部門|單位)/;

/** The work a list of units after `会同` goes on with, glued to its last name (`会同县教育局组织实施`, `会同县住建局开展排查`). */
const WORK_AFTER_UNITS =
  /^(?:组织|組織|开展|開展|推进|推進|推动|推動|落实|落實|抓好|做好|实施|實施|制定|制订|編制|编制|起草|拟定|擬定|研究|提出|出台|建立|完善|统筹|統籌|指导|指導|协调|協調|督促|监督|監督|检查|檢查|排查|清理|核查|整治|审核|審核|部署|召开|召開|印发|印發|建设|建設|加强|加強|规范|規範|联合|聯合)/;

/**
 * Where the units named at the start of `rest` end when the work follows them with no separator (`县住建局开展违建排查`),
 * or what the work is about (`市财政局对资金使用情况开展督查`, `就…`, `围绕…`): the first place where what comes before ends
 * like a unit's name and is a list of names, and the work or its preposition starts; 0 when there is none. Tried from
 * the fourth character on, a name being at least three long.
 */
function unitsBeforeWork(rest: string): number {
  for (let k = 3; k < rest.length; k++) {
    const c = rest.charCodeAt(k);
    const work = WORK_FIRST.has(c) && WORK_AFTER_UNITS.test(rest.slice(k, k + 2));
    if (!work && !(PREPOSITION_FIRST.has(c) && PREPOSITION_AFTER_UNITS.test(rest.slice(k, k + 2)))) continue;
    const names = rest.slice(0, k);
    if (/[，,；;。：:]/.test(names)) return 0;
    if (onlyUnitNames(names)) return k;
  }
  return 0;
}
/** A preposition that opens what the work after a list of units is about (`会同市财政局对资金使用情况开展督查`). */
const PREPOSITION_AFTER_UNITS = /^(?:对|對|就|围绕|圍繞|针对|針對)/;
/** The characters a `PREPOSITION_AFTER_UNITS` word starts with. */
const PREPOSITION_FIRST = new Set([...'对對就围圍针針'].map((c) => c.charCodeAt(0)));
/** The characters a `WORK_AFTER_UNITS` word starts with. */
const WORK_FIRST = new Set([...'组組开開推落抓做实實制编編起拟擬研提出建完统統指协協督监監检檢排清核整审審部召印加规規联聯'].map((c) => c.charCodeAt(0)));

/**
 * `由X会同Y研究提出…`, `X会同Y编制规划…`, with no role verb: X leads, and Y takes part when its list ends with `等部门`.
 * The clause is the tokens [by, to), or [from, to) with no `由`.
 */
function readTogether(toks: IToken[], syntax: Extract<AttributionSyntax, { kind: 'together' }>, ctx: AttributionContext): Attribution | null {
  const { by, from, together, to } = syntax;
  const lists = emptyLists(ctx);
  const unitsFrom = end(toks[together]!);
  const clauseEnd = end(toks[to - 1]!);
  const rest = ctx.text.slice(unitsFrom, Math.min(clauseEnd, unitsFrom + MAX_BY_UNITS * 2));
  const list = LIST_END.exec(rest);
  const leadSpan = trimSpan(ctx.text, toks[from]!.startOffset, toks[together]!.startOffset);
  const named = unitsBeforeWork(rest);
  // `各级发展改革部门要会同人社、财税等部门，建立…`: a sentence that says what a unit should do (a word of obligation
  // before `会同`) assigns the task only when it names the units it works with (`县自然资源局要会同县住建局开展…`).
  if (named === 0 && withoutModal(ctx.text.slice(leadSpan.start, leadSpan.end)).length < leadSpan.end - leadSpan.start) return null;
  if (pushUnits(lists.lead, leadSpan, 'lead', ctx) === 0) return null;
  const listEnd = list !== null ? list.index + list[0].length : named;
  if (listEnd > 0) pushUnits(lists.responsible, trimSpan(ctx.text, unitsFrom, unitsFrom + listEnd), 'responsible', ctx);
  // The clause goes on with the work and may say when it is due (`…编制规划，2024年5月底前报县政府审定`).
  pushDeadlines(lists.deadlines, { start: unitsFrom, end: clauseEnd }, ctx, 'prose');
  const span = { start: toks[by >= 0 ? by : from]!.startOffset, end: clauseEnd };
  return new PlacedAttribution('sentence', lists.lead.take(), lists.responsible.take(), lists.deadlines.take(), [], span, ctx.lines);
}

/** The lists of one attribution while it is read. */
interface Lists {
  lead: ListBuffer<UnitMention>;
  /** The leads of `lead` that only 负责 (`demoteCharged`). */
  charged: ListBuffer<UnitMention>;
  /** Units of `按职责分工负责` / `分别负责`: leads when the attribution names no other, else responsible. */
  division: ListBuffer<UnitMention>;
  responsible: ListBuffer<UnitMention>;
  deadlines: ListBuffer<Deadline>;
  problems: ListBuffer<AttributionProblem>;
}

/** The lists of the attribution about to be read (the document's one set: reading never re-enters `readContent`), emptied. */
function emptyLists(ctx: AttributionContext): Lists {
  const lists = ctx.scratch.lists;
  lists.lead.clear();
  lists.charged.clear();
  lists.division.clear();
  lists.responsible.clear();
  lists.deadlines.clear();
  lists.problems.clear();
  return lists;
}

/**
 * Reads one attribution part by part as the grammar found them: fields (`牵头单位:…`), verb segments (`X牵头` `Y参加`
 * `由X负责` `会同Y`) and the rest (`2021年底前`).
 */
function readContent(toks: IToken[], parts: AttributionPart[], style: AttributionStyle, span: Span, ctx: AttributionContext): PlacedAttribution {
  const lists = emptyLists(ctx);
  // A sentence's segments are prose: a date there counts with a cue only (`到2025年实现…` is a target).
  const mode = style === 'sentence' ? 'prose' : 'field';
  for (let k = 0; k < parts.length; k++) readPart(toks, parts[k]!, lists, ctx, mode, k > 0 ? parts[k - 1]! : null);
  if (lists.charged.length > 0) demoteCharged(lists);
  if (lists.lead.length > 1) singleOutLead(lists, ctx.text);
  if (holdsMarked(lists.responsible)) for (const u of promoteMarked(lists.lead, lists.responsible.take())) lists.responsible.push(u);
  if (holdsMarked(lists.division)) for (const u of promoteMarked(lists.lead, lists.division.take())) lists.division.push(u);
  // Units that a plan says share the work (`X、Y按职责分工负责`) lead when nothing else in the attribution does.
  const division = lists.division.take();
  const divisionLeads = lists.lead.length === 0;
  for (const unit of division) {
    if (divisionLeads) unit.role = 'lead';
    // Listed first, then named to lead (`（X、Y、Z，X牵头）`): it leads, and is not listed again. Named to lead first and
    // then to share the work (`（X牵头，X按职责分工负责）`) it stays listed twice, a slip PL010 reports.
    else if (namedToLeadAfter(lists.lead, unit)) continue;
    (divisionLeads ? lists.lead : lists.responsible).push(unit);
  }
  markLeadAlsoResponsible(lists, ctx);
  const lead = lists.lead.take();
  const responsible = lists.responsible.take();
  const deadlines = lists.deadlines.take();
  return new PlacedAttribution(style, lead, responsible, deadlines, lists.problems.take(), span, ctx.lines);
}

/** One part of an attribution: the units and deadlines it names (read as `mode` says), into `lists`; `before` is the part before it. */
function readPart(toks: IToken[], part: AttributionPart, lists: Lists, ctx: AttributionContext, mode: 'field' | 'prose', before: AttributionPart | null): void {
  const { text } = ctx;
  switch (part.kind) {
    case 'field': {
      // The list the field's value goes to: a verb after the value may give its units another role.
      const into = toks[part.head]!.tokenType === T.LeadField ? lists.lead : lists.responsible;
      const before = into.length;
      readField(toks, part.head, part.value, part.to, lists, ctx);
      if (part.end > part.to) readAfterValue(toks, part.head, part.to, part.end, into.length - before, lists, ctx);
      return;
    }
    case 'verb': {
      const first = toks[part.from]!;
      const verb = toks[part.verb]!;
      const by = first.tokenType === T.By;
      const unitsFrom = by || first.tokenType === T.Together ? end(first) : first.startOffset;
      if (part.together >= 0) {
        // `由X会同Y负责` / `X会同Y负责`: X leads, Y takes part.
        const together = toks[part.together]!;
        pushUnits(lists.lead, trimSpan(text, unitsFrom, together.startOffset), 'lead', ctx);
        pushUnits(lists.responsible, trimSpan(text, end(together), verb.startOffset), 'responsible', ctx);
        return;
      }
      // `县住建局：负责…`: the colon after the names is no part of them.
      const span = trimSpan(text, unitsFrom, colonBefore(toks, part.from, part.verb) ?? verb.startOffset);
      if (first.tokenType === T.Together) pushUnits(lists.responsible, span, 'responsible', ctx);
      else if (!by && verb.tokenType === T.ByDivision) pushUnits(lists.division, span, 'responsible', ctx);
      else {
        // `X牵头，Y负责`, `X牵头，Y、Z共同负责`: once a unit leads, the units after it that 负责 carry the work out (responsible).
        // One of the leads named again as in overall charge (`X、Y牵头，X负总责`, `X、Y负责，其中X负总责`) is singled out from
        // them (`singleOutLead`): it leads, the others carry the work out; another unit that 负总责 after a lead is responsible.
        const overall = !by && lists.lead.length > 0 && verb.tokenType === T.ChargeVerb && OVERALL_CHARGE.test(verb.image);
        const carriesOut = !by && lists.lead.length > 0 && (verb.tokenType === T.ChargeVerb || (verb.tokenType === T.JointLead && !LEAD_WORD.test(verb.image)));
        const role: UnitRole = !carriesOut && (by ? leadsAfterBy(verb) : LEAD_VERBS.has(verb.tokenType)) ? 'lead' : 'responsible';
        if (overall) {
          const before = lists.lead.length;
          pushUnits(lists.lead, span, 'lead', ctx);
          if (!namesAgain(lists.lead, before)) moveLast(lists.lead, lists.lead.length - before, lists.responsible, 'responsible');
        } else if (carriesOut) {
          // `X牵头，Y、Z配合，其中Z负责日常巡查`, `X牵头，Y配合，X负责项目实施`: a unit already named, given its share of the work,
          // is not listed again.
          const before = lists.responsible.length;
          pushUnits(lists.responsible, span, role, ctx);
          dropNamedBefore(lists.responsible, before, lists.lead);
        } else if (role === 'lead' && !by && PLAIN_CHARGE.has(verb.image)) {
          // `X负责…，Y牵头`: the units that 负责 lead unless another part names a lead (`demoteCharged`).
          const before = lists.lead.length;
          pushUnits(lists.lead, span, 'lead', ctx);
          for (let k = before; k < lists.lead.length; k++) lists.charged.push(lists.lead.items[k]!);
        } else pushUnits(role === 'lead' ? lists.lead : lists.responsible, span, role, ctx);
      }
      return;
    }
    case 'work':
      // `县住建局：负责老旧小区改造（2025年底前）`: the work the verb names is prose, read for when it is due.
      pushDeadlines(lists.deadlines, trimSpan(text, toks[part.from]!.startOffset, end(toks[part.to - 1]!)), ctx, 'prose');
      return;
    case 'with':
      // `X牵头,会同Y`: Y takes part.
      pushUnits(lists.responsible, trimSpan(text, end(toks[part.from]!), end(toks[part.to - 1]!)), 'responsible', ctx);
      return;
    case 'by': {
      // `此项工作由X牵头负责` where text precedes `由`.
      const together = part.together >= 0 ? toks[part.together]! : null;
      const verb = toks[part.verb]!;
      pushUnits(lists.lead, trimSpan(text, end(toks[part.by]!), together ? together.startOffset : verb.startOffset), 'lead', ctx);
      if (together) pushUnits(lists.responsible, trimSpan(text, end(together), verb.startOffset), 'responsible', ctx);
      return;
    }
    case 'other': {
      const span = trimSpan(text, toks[part.from]!.startOffset, end(toks[part.to - 1]!));
      // `（县农业农村局统筹，各乡镇负责）`, `（县乡村振兴局指导，各乡镇负责）`: names and a verb of their part other than the
      // grammar's role verbs (`verbedClause`); those who carry the work out lead when nothing else does, as
      // `按职责分工` units do.
      const verbed = mode === 'field' ? verbedClause(text, span.start, span.end) : null;
      if (verbed !== null) {
        const into = verbed.part === 'lead' ? lists.lead : verbed.part === 'charge' ? lists.division : lists.responsible;
        pushUnits(into, verbed.names, verbed.part === 'lead' ? 'lead' : 'responsible', ctx);
        return;
      }
      // `（县交通局为牵头单位，县财政局为配合单位）`: names whose last says the field they fill name units, as the same
      // words in prose do (`pushPiece` cuts the words off and marks the lead); in a sentence too, after its first clause
      // (`X、Y、Z共同负责，其中X为牵头单位，…`: a clause that opens a sentence so is the grammar's, `copulaFieldAt`).
      // The names before those words must be units' (`责任单位即为牵头单位` states a convention).
      const copula = mode === 'field' || endsLikeField(text, span.end) ? COPULA_ROLE_END.exec(text.slice(span.start, span.end)) : null;
      if (copula !== null && onlyUnitNames(text.slice(span.start, span.start + copula.index))) {
        pushUnits(lists.responsible, span, 'responsible', ctx);
        return;
      }
      // `（X牵头，Y、Z）`: once a unit leads, a segment of names alone in a bracket or field (a deadline may end it) names
      // those who take part; so do names that carry the work out, in a sentence too (`X负责，Y、Z落实`, `Y协助`). In a
      // bracket, names alone before any lead are the units in charge, as a bracket of names alone is (`bareUnits`), and
      // share the work as `按职责分工` units do: they lead when nothing else does (`（县财政局、县教育局，县林业局配合）`),
      // else take part (`（县财政局、县教育局，县发改局牵头）`; the one of them named to lead is no longer listed to take part:
      // `（县人社局、县财政局，县人社局牵头）`); a `（牵头）` mark among them leads (`（县市场监管局（牵头）、县教育局；…）`).
      // Names alone after a field of units that take part and its `；` go on with its list (`配合单位：县财政局；县税务局`,
      // `责任单位：X；Y`): they take part too, never lead.
      const first = lists.lead.length === 0 && !(before?.kind === 'field' && toks[before.head]!.tokenType === T.ResponsibleField);
      // In a sentence too, names listed right after the verb (`X牵头、Y、Z`, `X牵头/Y/Z`: the segment opens with the
      // separator) take part.
      const afterVerb = LISTED_AFTER_VERB.has(text.charCodeAt(span.start));
      if (afterVerb) span.start++;
      // In a sentence, names one of which a lead mark follows (`…。县应急管理局（牵头）、县住建局，6月底前完成。`) are read as
      // in a bracket: the mark leads.
      const marked = mode === 'prose' && first && BRACKETED_LEAD_MARK.test(text.slice(span.start, span.end));
      const listed = mode === 'field' || afterVerb || marked;
      if (!first || marked || (mode === 'field' && copula === null && !verbOutsideBrackets(toks, part.from, part.to))) {
        const carry = CARRIES_OUT.exec(text.slice(span.start, span.end));
        const cut = carry !== null ? span.start + carry.index : listed ? deadlineInList(text, span) : span.start;
        const units = trimSpan(text, span.start, cut);
        const names = text.slice(units.start, units.end);
        if (units.end > units.start && onlyUnitNames(afterVerb ? names.replace(SLASHES, '、') : names)) {
          pushUnits(first ? lists.division : lists.responsible, { start: units.start, end: trimListEnd(text, units) }, 'responsible', ctx);
          if (carry === null && cut < span.end) pushDeadlines(lists.deadlines, trimSpan(text, cut, span.end), ctx, mode);
          return;
        }
      }
      // A segment a date opens (`2024年第四季度出台方案`, after `X负责，`) says when the work is due, as a field would;
      // `到2025年实现…` (a target) and `每年开展…` (a recurrence) stay prose.
      pushDeadlines(lists.deadlines, span, ctx, mode === 'prose' && opensWithDate(text, span.start) ? 'field' : mode);
      return;
    }
  }
}

/** Does the text before `end` end as a unit field's name does (`单位`, `部门`)? Only then is a `COPULA_ROLE_END` tried in prose. */
function endsLikeField(text: string, end: number): boolean {
  const last = text.charCodeAt(end - 1);
  return last === WEI_END || last === MEN || last === MEN_TRAD;
}

/** A lead mark in brackets after a unit's name, anywhere in a list (`县应急管理局（牵头）、…`; see `LEAD_MARK`). */
const BRACKETED_LEAD_MARK = /[(（〔【[](?:牵头|牽頭)(?:单位|單位|部门|部門)?[)）〕】\]]/;

/** The separators a segment split off right after its verb opens with (`readSegments`). */
const LISTED_AFTER_VERB = new Set([...'、/／'].map((c) => c.charCodeAt(0)));
const SLASHES = /[/／]/g;

/** Does a role verb stand in [from, to) outside the brackets there (where it is a mark: `县发改局（牵头）`)? */
function verbOutsideBrackets(toks: IToken[], from: number, to: number): boolean {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const type = toks[i]!.tokenType;
    if (isOpener(type)) depth++;
    else if (isCloser(type) && depth > 0) depth--;
    else if (depth === 0 && SEGMENT_VERBS.has(type)) return true;
  }
  return false;
}

/** Where the colon that closes a unit list before its verb at `verb` starts (`县住建局：负责`), skipping line breaks; undefined when none. */
function colonBefore(toks: IToken[], from: number, verb: number): number | undefined {
  let i = verb - 1;
  while (i > from && toks[i]!.tokenType === T.Newline) i--;
  return i > from && toks[i]!.tokenType === T.Colon ? toks[i]!.startOffset : undefined;
}

/** `牵头单位:A、B` / `完成时限:2021年底前`: the field named at `from`, its value [valueStart, to). */
function readField(toks: IToken[], from: number, valueStart: number, to: number, attribution: Lists, ctx: AttributionContext): void {
  const head = toks[from]!;
  const hasValue = valueStart < to;
  // `牵头单位是X` `完成时限为Y`: the `是` / `为` is no part of the value.
  const copula = hasValue && valueStart === from + 1 && copulaValueAt(toks, from) ? 1 : 0;
  const valueFrom = hasValue ? toks[valueStart]!.startOffset + copula : end(toks[valueStart - 1]!);
  const valueTo = hasValue ? end(toks[to - 1]!) : valueFrom;
  const span = trimSpan(ctx.text, valueFrom, valueTo);
  if (head.tokenType === T.PersonField) return; // a person (`牵头领导:…副市长`), never a unit
  // `责任单位或牵头单位:X`: this name joins the next field's.
  if (valueStart === from + 1 && FIELD_JOINERS.has(ctx.text.slice(span.start, span.end))) return;
  if (span.start >= span.end) {
    // `县发改局为牵头单位，县财政局为配合单位`: the units named before the field's name, glued to it by `为` / `是`.
    const named = head.tokenType === T.DeadlineField ? null : unitsBeforeCopula(toks, from, ctx.text);
    if (named !== null) {
      const role: UnitRole = head.tokenType === T.LeadField ? 'lead' : 'responsible';
      pushUnits(role === 'lead' ? attribution.lead : attribution.responsible, named, role, ctx);
      return;
    }
    // `配合单位：` left empty says no unit co-operates, which a task may well say; an empty lead, 责任单位 or deadline is a gap.
    if (!COOPERATING_FIELD.test(unspaced(head.image))) attribution.problems.push(problem(ctx, 'empty-field', oneLine(head.image), { start: head.startOffset, end: end(toks[valueStart - 1]!) }));
    return;
  }
  // `牵头单位：同上`: the value of the item above, which the task takes from there (`sameAsAboveRoles`); no unit, no date.
  if (span.end - span.start <= 8 && saysSameAsAbove(ctx.text.slice(span.start, span.end))) return;
  if (head.tokenType === T.DeadlineField) {
    placeWrittenDeadline(attribution.deadlines, span.start, span.end, ctx);
    return;
  }
  // `责任单位:X、Y,2025年6月底前完成`: the deadline that ends the list is no unit.
  const cut = deadlineInList(ctx.text, span);
  if (cut < span.end) pushDeadlines(attribution.deadlines, trimSpan(ctx.text, cut, span.end), ctx, 'field');
  const units = trimSpan(ctx.text, span.start, cut);
  const list = { start: units.start, end: trimListEnd(ctx.text, units) };
  // `承办单位：县住建局（牵头），县生态环境分局、县城投公司`: a lead mark in a lead field's value says which of its units leads;
  // the others take part (read as a 责任单位's list is, whose marked unit leads).
  const marked = head.tokenType === T.LeadField && BRACKETED_LEAD_MARK.test(ctx.text.slice(list.start, list.end));
  const role: UnitRole = head.tokenType === T.LeadField && !marked ? 'lead' : 'responsible';
  // `责任单位：县农业农村局统筹，各乡镇具体实施`: clauses of names and the verb of their part, as in a bracket.
  const into = role === 'lead' ? attribution.lead : attribution.responsible;
  // A value the line after its label opens (`配合单位：` / `县交通运输局` / `县应急管理局`, a Word cell's lines) may give a list a line.
  const count = verbedList(list, role, attribution, ctx) ?? (toks[valueStart]!.tokenType === T.Newline ? pushUnitLines(into, list, role, ctx) : pushUnits(into, list, role, ctx));
  if (count === 0 && !COOPERATING_FIELD.test(unspaced(head.image))) {
    attribution.problems.push(problem(ctx, 'empty-field', oneLine(head.image), { start: head.startOffset, end: valueTo }));
  }
}

/**
 * `pushUnits` for a unit field's value on the lines after its label, a list a line (a Word cell's paragraphs:
 * `县交通运输局` / `县应急管理局`): when each line is units' names alone, a line break parts two names; otherwise the
 * value is read as written (a hard wrap cuts a name, `市金融` / `工作局`). Returns how many units it added.
 */
function pushUnitLines(out: ListBuffer<UnitMention>, list: Span, role: UnitRole, ctx: AttributionContext): number {
  const { text } = ctx;
  const lines: Span[] = [];
  for (let from = list.start; from < list.end; ) {
    let to = from;
    while (to < list.end && text.charCodeAt(to) !== LF && text.charCodeAt(to) !== CR) to++;
    const line = trimSpan(text, from, to);
    if (line.start < line.end) {
      if (!onlyUnitNames(text.slice(line.start, line.end))) return pushUnits(out, list, role, ctx);
      lines.push(line);
    }
    from = to + 1;
  }
  let count = 0;
  for (const line of lines) count += pushUnits(out, { start: line.start, end: trimListEnd(text, line) }, role, ctx);
  return count;
}
const LF = 0x0a;
const CR = 0x0d;

/** The words of a co-operating unit's field or part (`配合` `协办` `参与` `支持`…), as a pattern's alternatives. */
export const COOPERATING_WORDS = '配合|协同|協同|协作|協作|协办|協辦|协助|協助|参与|參與|参加|參加|支持';
/** The names of the fields of co-operating units (`配合单位`, `协办部门`, `参与单位`…), which a task may leave empty. */
const COOPERATING_FIELD = new RegExp(COOPERATING_WORDS);
/** A field's name without the spaces a label spaced out to its width holds (`配 合 单 位`). */
const unspaced = (name: string): string => name.replace(/[ \u3000]/g, '');


/** The verbs that end a segment after a unit field's value (`Y配合`, `Y负责`). */
const SEGMENT_VERBS = new Set([T.JoinVerb, T.LeadVerb, T.ByDivision, T.ChargeVerb, T.JointLead]);

/**
 * The units a field's name follows with `为` or `是` between (`县发改局为牵头单位`, `县财政局、县审计局为配合单位`): the text
 * glued before the name, holding unit names only once `为` is cut; null otherwise. Whether such a clause opens where it
 * stands (`…全县上下要以县发改局为牵头单位` does not) is the grammar's to say (`copulaFieldAt`).
 */
function unitsBeforeCopula(toks: IToken[], head: number, text: string): Span | null {
  const before = toks[head - 1];
  if (before === undefined || before.tokenType !== T.Text || end(before) !== toks[head]!.startOffset) return null;
  const image = before.image;
  const last = image.charCodeAt(image.length - 1);
  if (last !== WEI && last !== WEI_TRAD && last !== SHI) return null;
  const names = trimSpan(text, before.startOffset, end(before) - 1);
  // `（确定）以县发改局为牵头单位`: the units after `以`.
  const leadIn = COPULA_LEAD_IN.exec(text.slice(names.start, names.end));
  if (leadIn !== null) names.start += leadIn[0].length;
  return names.end > names.start && onlyUnitNames(text.slice(names.start, names.end)) ? names : null;
}
/** What may open `以X为牵头单位`: a verb of deciding, then `以`. */
const COPULA_LEAD_IN = /^(?:明确|明確|确定|確定|决定|決定|指定)?以/;
const WEI = '为'.charCodeAt(0);
const WEI_TRAD = '為'.charCodeAt(0);
const SHI = '是'.charCodeAt(0);

/**
 * A unit field's value that a role verb or `会同` ended (`责任单位：X牵头，Y配合`, `责任单位：X、Y按职责分工负责`,
 * `牵头单位：X会同Y`): the verb at `verb` says what the units before it do (before `会同` they lead), the units right after
 * `会同` take part, and each segment after it that ends with a role verb (`Y配合`) is read as a sentence's segment would
 * be; [verb, to) is the rest of the field's part.
 */
function readAfterValue(toks: IToken[], head: number, verb: number, to: number, read: number, lists: Lists, ctx: AttributionContext): void {
  const type = toks[head]!.tokenType;
  if (type !== T.LeadField && type !== T.ResponsibleField) return;
  const verbType = toks[verb]!.tokenType;
  // The `read` units a 责任单位 field just gave the responsible list move when the verb gives them another role
  // (`X会同Y`: X leads, as in a sentence).
  if (type === T.ResponsibleField && (verbType === T.LeadVerb || verbType === T.JointLead || verbType === T.Together)) moveLast(lists.responsible, read, lists.lead, 'lead');
  else if (type === T.ResponsibleField && verbType === T.ByDivision) moveLast(lists.responsible, read, lists.division, 'responsible');
  // `责任单位：X负责，Y配合`: with no lead named before, the units in charge lead, as `X牵头` would make them.
  else if (type === T.ResponsibleField && verbType === T.ChargeVerb && lists.lead.length === 0) moveLast(lists.responsible, read, lists.lead, 'lead');
  // `责任单位：X，Y配合`: the units before the last comma are in charge and lead; those the verb ends with co-operate.
  else if (type === T.ResponsibleField && verbType === T.JoinVerb && lists.lead.length === 0) leadBeforeCooperating(toks, head, verb, read, lists);
  // `牵头单位：X，Y配合`: the units after the value's last comma, which the verb ends with, take part; X alone leads.
  else if (type === T.LeadField && verbType === T.JoinVerb) cooperatingAfterLead(toks, head, verb, read, lists);
  let from = verb + 1;
  for (let i = verb + 1; i <= to; i++) {
    if (i < to && toks[i]!.tokenType !== T.Comma) continue;
    // `牵头单位：X会同Y`: Y, up to the first comma, takes part.
    if (verbType === T.Together && from === verb + 1 && i > from) {
      // `X会同Y负责`: the verb after Y is no part of its name.
      const last = i - 1 > from && SEGMENT_VERBS.has(toks[i - 1]!.tokenType) ? i - 2 : i - 1;
      const span = trimSpan(ctx.text, toks[from]!.startOffset, end(toks[last]!));
      const cut = deadlineInList(ctx.text, span);
      pushUnits(lists.responsible, { start: span.start, end: trimListEnd(ctx.text, { start: span.start, end: cut }) }, 'responsible', ctx);
      if (cut < span.end) pushDeadlines(lists.deadlines, trimSpan(ctx.text, cut, span.end), ctx, 'field');
      from = i + 1;
      continue;
    }
    let last = i - 1;
    while (last >= from && /^\s*$/.test(toks[last]!.image)) last--;
    const segmentVerb = last >= from ? toks[last]!.tokenType : null;
    if (last > from && (segmentVerb === T.JoinVerb || segmentVerb === T.LeadVerb || segmentVerb === T.ByDivision || segmentVerb === T.ChargeVerb)) {
      const span = trimSpan(ctx.text, toks[from]!.startOffset, toks[last]!.startOffset);
      if (segmentVerb === T.LeadVerb && lists.lead.length === 0) pushUnits(lists.lead, span, 'lead', ctx);
      else pushUnits(lists.responsible, span, 'responsible', ctx);
    } else if (last >= from) {
      // `责任单位：X牵头，Y配合，2025年6月底前完成`: a segment a date opens says when the work is due.
      const span = trimSpan(ctx.text, toks[from]!.startOffset, end(toks[last]!));
      if (deadlineStartsAt(ctx.text, span.start)) pushDeadlines(lists.deadlines, span, ctx, 'field');
      // `责任单位：X牵头，Y、Z`: once a unit leads, names alone after it take part (as in a bracket).
      else if (lists.lead.length > 0 && onlyUnitNames(ctx.text.slice(span.start, span.end))) pushUnits(lists.responsible, { start: span.start, end: trimListEnd(ctx.text, span) }, 'responsible', ctx);
    }
    from = i + 1;
  }
}

/**
 * `责任单位：X、Y，Z配合`: of the `read` units the field's value just gave the responsible list, those before the value's last
 * comma (X, Y) lead; those after it, which the verb `配合` ends with, co-operate. A value with no comma is left as read.
 */
function leadBeforeCooperating(toks: IToken[], head: number, verb: number, read: number, lists: Lists): void {
  const before = beforeLastComma(toks, head, verb, read, lists.responsible);
  if (before < 0) return;
  const first = lists.responsible.length - read;
  const units = lists.responsible.take();
  for (let k = 0; k < units.length; k++) {
    const unit = units[k]!;
    if (k < first || k >= first + before) lists.responsible.push(unit);
    else {
      unit.role = 'lead';
      lists.lead.push(unit);
    }
  }
}

/**
 * `牵头单位：X，Y配合`: of the `read` units the field's value just gave the lead list, those after the value's last comma,
 * which the verb `配合` ends with, take part (responsible). A value with no comma, or with no unit before it, is left as
 * read.
 */
function cooperatingAfterLead(toks: IToken[], head: number, verb: number, read: number, lists: Lists): void {
  const before = beforeLastComma(toks, head, verb, read, lists.lead);
  if (before >= 0) moveLast(lists.lead, read - before, lists.responsible, 'responsible');
}

/**
 * Of the last `read` units of `list` (a field's value, its name at `head`, ended by the verb at `verb`), how many stand
 * before the value's last comma; -1 when there is no comma, or the units stand all on one side of it (nothing to part).
 */
function beforeLastComma(toks: IToken[], head: number, verb: number, read: number, list: ListBuffer<UnitMention>): number {
  let comma = verb - 1;
  while (comma > head && toks[comma]!.tokenType !== T.Comma) comma--;
  if (comma <= head) return -1;
  const at = toks[comma]!.startOffset;
  const first = list.length - read;
  let before = 0;
  while (before < read && list.items[first + before]!.span.start < at) before++;
  return before === 0 || before === read ? -1 : before;
}

/**
 * `X负责…，Y牵头`, `X、Y负责，其中X牵头`: when a part names a lead (牵头, a lead field), the units that only 负责 carry the work
 * out (responsible), and one of them named to lead there is listed once, as the lead. Else they lead (`X负责，Y配合`).
 */
function demoteCharged(lists: Lists): void {
  const charged = lists.charged.take();
  const leads = lists.lead.take();
  const named = leads.filter((u) => !charged.includes(u));
  if (named.length === 0) {
    for (const u of leads) lists.lead.push(u);
    return;
  }
  for (const u of leads) {
    if (!charged.includes(u)) lists.lead.push(u);
    else if (!named.some((l) => l.key === u.key)) {
      u.role = 'responsible';
      lists.responsible.push(u);
    }
  }
}

/** Drops the units after the first `before` of `list` that it or `others` names already, by key (none pushed twice). */
function dropNamedBefore(list: ListBuffer<UnitMention>, before: number, others: ListBuffer<UnitMention>): void {
  const named = (unit: UnitMention, upTo: number): boolean => {
    for (let j = 0; j < upTo; j++) if (list.items[j]!.key === unit.key) return true;
    for (let j = 0; j < others.length; j++) if (others.items[j]!.key === unit.key) return true;
    return false;
  };
  let kept = before;
  for (let k = before; k < list.length; k++) {
    const unit = list.items[k]!;
    if (!named(unit, kept)) list.items[kept++] = unit;
  }
  list.clear(kept);
}

/** Is each of the units after the first `before` of `list` one of those first ones, by its key? */
function namesAgain(list: ListBuffer<UnitMention>, before: number): boolean {
  if (list.length === before) return false;
  for (let k = before; k < list.length; k++) {
    let again = false;
    for (let j = 0; j < before && !again; j++) again = list.items[j]!.key === list.items[k]!.key;
    if (!again) return false;
  }
  return true;
}

/** Moves the last `count` units of `from` to `to`, in `role`. */
function moveLast(from: ListBuffer<UnitMention>, count: number, to: ListBuffer<UnitMention>, role: UnitRole): void {
  const units = from.take();
  for (let k = 0; k < units.length; k++) {
    const unit = units[k]!;
    if (k < units.length - count) from.push(unit);
    else {
      unit.role = role;
      to.push(unit);
    }
  }
}

/** Where a deadline starts after a separator in the unit list [span), else `span.end`. */
function deadlineInList(text: string, span: Span): number {
  let depth = 0;
  for (let i = span.start; i < span.end; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_PAREN || c === OPEN_PAREN_FULL) depth++;
    else if ((c === CLOSE_PAREN || c === CLOSE_PAREN_FULL) && depth > 0) depth--;
    else if (depth === 0 && (c === COMMA || c === COMMA_FULL || c === ENUM_COMMA || c === 0x3b || c === 0xff1b || isSpaceCode(c))) {
      let k = i + 1;
      while (k < span.end && isSpaceCode(text.charCodeAt(k))) k++;
      if (k < span.end && deadlineStartsAt(text, k)) return k;
    }
  }
  return span.end;
}

/** The end of a unit list without the separators a cut left behind it (`市教育局/` before `/配合：…`). */
function trimListEnd(text: string, span: Span): number {
  let e = span.end;
  while (e > span.start && /[\s,，、;；/／]/.test(text[e - 1]!)) e--;
  return e;
}

function indexOfType(toks: IToken[], type: IToken['tokenType'], from: number, to: number): number {
  for (let i = from; i < to; i++) if (toks[i]!.tokenType === type) return i;
  return -1;
}

/** A name, a space, and a person's name of two or three characters (`县卫健局 王芳`, `副县长 孙强`). */
const PERSON_AFTER_SPACE = /^([^\s\u3000]+)[ \t\u3000]+([\u4e00-\u9fff]{2,3})$/;
/** An office, not a unit (`县长`, `常务副县长`, `县委书记`, `办公室主任`). */
const OFFICE_END = /(?:长|長|书记|書記|主任|常委)$/;
/**
 * A person named by office (`王纲市长`, `张明副局长`), or leaders named by their charge (`包村领导`, `分管领导`): persons
 * lead meetings, never tasks' units.
 */
const PERSON_END = /(?:市长|市長|县长|縣長|区长|區長|镇长|鎮長|乡长|鄉長|书记|書記|主任|局长|局長|厅长|廳長|部长|部長|秘书长|秘書長|处长|處長|科长|科長|常委|同志|领导|領導)$/;
/** The characters a `PERSON_END` ends with: a name ending otherwise (`…局`, `…委` but `…常委`) is not tried. */
const PERSON_LAST = new Set([...'长長记記任志导導委'].map((c) => c.charCodeAt(0)));
/** A value that says no unit is named (`配合单位：无`, `暂无`, `/`). */
const NO_UNIT = /^(?:无|無|暂无|暫無|没有|沒有|不涉及|[/／—－-]+)$/;

/**
 * Words before a unit's name that are no part of it: the work or meeting it is said of (`此项工作由`, `会议明确由`), and
 * `其中` that singles one unit out of a list named before (`X、Y、Z共同负责，其中X牵头`).
 */
const LEADING_FILLER =
  /^(?:(?:此|该|本|這|該)项(?:工作|任务|任務)?|(?:此|该)(?:工作|任务)|会议|會議|会上|會上|其中)?(?:明确|明確|要求|责成|責成|指定|确定|確定|决定|決定|督促|请|請)?(?:由|會同|会同)?/;
/** The last characters of a `LEAD_MARK`. */
const MARK_ENDS = new Set([...')）〕】]*＊位門门头頭'].map((c) => c.charCodeAt(0)));
/**
 * What marks a unit of a list as the lead: `（牵头）` `(牵头单位)` `〔牵头〕` `【牵头】` `*` after it, or `为牵头单位`
 * (`县发改局为牵头单位`).
 */
const LEAD_MARK = /(?:[（(〔【[](?:牵头|牽頭)(?:单位|單位|部门|部門)?[)）〕】\]]|[*＊]|(?:为|為)(?:牵头|牽頭)(?:单位|單位|部门|部門)|(?<=[局委办辦厅廳部院署所站队隊会會心府室处處科组組社校馆館])(?:牵头|牽頭))$/;
const STAR = 0x2a;
const STAR_FULL = 0xff0a;
const QIAN = '牵'.charCodeAt(0);
const QIAN_TRAD = '牽'.charCodeAt(0);

/** A unit's name, then the field it fills (`县交通局为牵头单位`, `县财政局为配合单位`). */
const COPULA_ROLE_END = /(?:为|為|是)(?:牵头|牽頭|责任|責任|配合|协办|協辦|参与|參與)(?:单位|單位|部门|部門)$/;
/** A unit's name, then the field it fills other than the lead's (`县财政局为配合单位`, `各乡镇为责任单位`). */
const ROLE_AFTER_NAME = /(?:为|為|是)(?:责任|責任|配合|协办|協辦|参与|參與)(?:单位|單位|部门|部門)$/;
/** May `piece` end in a `ROLE_AFTER_NAME`: `单位` or `部门` at its end, `为` `是` five characters before? */
function mayEndInRole(piece: string): boolean {
  const n = piece.length;
  const last = piece.charCodeAt(n - 1);
  if (n < 8 || (last !== WEI_END && last !== MEN && last !== MEN_TRAD)) return false;
  const c = piece.charCodeAt(n - 5);
  return c === WEI || c === WEI_TRAD || c === SHI;
}
/** The last character of `单位` (`單位` alike). */
const WEI_END = '位'.charCodeAt(0);
const MEN = '门'.charCodeAt(0);
const MEN_TRAD = '門'.charCodeAt(0);

/**
 * May `piece` end in a `LEAD_MARK`? Every mark ends in one of a few characters (`MARK_ENDS`), and every one but `*`
 * has its `牵头` in the last five (`（牵头单位）`, `为牵头单位`, `局牵头`): a name that ends like a mark but holds no
 * `牵头` there (`有关部门`, `各乡镇（街道）`) is not searched.
 */
function mayEndInMark(piece: string): boolean {
  const n = piece.length;
  const last = piece.charCodeAt(n - 1);
  if (!MARK_ENDS.has(last)) return false;
  if (last === STAR || last === STAR_FULL) return true;
  for (let k = Math.max(0, n - 5); k < n - 1; k++) {
    const c = piece.charCodeAt(k);
    if (c === QIAN || c === QIAN_TRAD) return true;
  }
  return false;
}

/**
 * Units marked as the lead inside a list of responsible ones (`责任单位：县工信局（牵头）、县财政局`) lead; a unit the
 * list names again with its mark (`县发改局、县人民银行，县发改局为牵头单位`) is not also responsible.
 */
/** Does `list` hold a unit marked as the lead (`pushPiece` gives it the role)? Most lists hold none: nothing is copied. */
function holdsMarked(list: ListBuffer<UnitMention>): boolean {
  for (let k = 0; k < list.length; k++) if (list.items[k]!.role === 'lead') return true;
  return false;
}

export function promoteMarked<T extends UnitMention>(lead: T[] | ListBuffer<T>, responsible: T[]): T[] {
  const marked = responsible.filter((u) => u.role === 'lead');
  if (marked.length === 0) return responsible;
  const keys = new Set(marked.map((u) => u.key));
  const leadKeys = new Set((Array.isArray(lead) ? lead : lead.items.slice(0, lead.length)).map((u) => u.key));
  for (const u of marked) {
    if (leadKeys.has(u.key)) continue;
    leadKeys.add(u.key);
    lead.push(u);
  }
  return responsible.filter((u) => u.role !== 'lead' && !keys.has(u.key));
}

/** The characters `LEADING_FILLER` can start with: a piece starting otherwise has no filler. */
const FILLER_FIRST = new Set([...'此该本這該由會会明要责責指确確督请請其'].map((c) => c.charCodeAt(0)));
/** What may follow the `等` that ends a unit list (`A、B等` `C等有关部门`): the piece's end is cut from that `等`. */
const ETC_TAILS = new Set(['', '有关', '相关'].flatMap((a) => ['', '部门', '单位', '單位', '部門'].map((b) => a + b)));
const ETC = '等'.charCodeAt(0);

/** Splits `A、B及C等部门` into unit mentions with exact spans (nested parentheses kept inside names), in a list of its exact size. */
export function unitsIn(span: { start: number; end: number }, role: UnitRole, ctx: UnitContext): UnitMention[] {
  const units = ctx.scratch.units;
  units.clear();
  pushUnits(units, span, role, ctx);
  return units.take();
}

/** The levels of government a name may list before its body (`省、市、县三级政府`, `市、县（市、区）审管办`). */
const ADMIN_LEVELS = new Set([...'省市县縣区區乡鄉镇鎮村'].map((c) => c.charCodeAt(0)));
const OPEN_PAREN = 0x28;
const OPEN_PAREN_FULL = 0xff08;
const CLOSE_PAREN = 0x29;
const CLOSE_PAREN_FULL = 0xff09;
const ENUM_COMMA = 0x3001; // 、
const COMMA = 0x2c;
const COMMA_FULL = 0xff0c;
const AND = '及'.charCodeAt(0);
const WITH = '以'.charCodeAt(0);
/** `和` `与` (`與`): between two units' names they join two units; inside one they join its words (`住房和城乡建设局`). */
const JOINERS = new Set([...'和与與'].map((c) => c.charCodeAt(0)));
/** The longest unit name read (longer: a sentence, not a name). */
const MAX_NAME = 60;
const SPACE = 0x20;
const IDEOGRAPHIC_SPACE = 0x3000;
const SLASH = 0x2f;
const LESS_THAN = 0x3c;
/** A line break written as HTML in a Markdown table's cell (`县住建局<br>县自然资源局`): it parts two names. */
const LINE_BREAK_TAG = /<br\s*\/?>/iy;

/** The length of a `<br>` (`<br/>`, `<br />`) at `at`, before `to`; 0 when none stands there. */
function lineBreakTagAt(text: string, at: number, to: number): number {
  LINE_BREAK_TAG.lastIndex = at;
  const m = LINE_BREAK_TAG.exec(text);
  return m !== null && at + m[0].length <= to ? m[0].length : 0;
}
const SLASH_FULL = 0xff0f;

/**
 * Does the space or slash at `at` part two units' names of a list (`县财政局 县医保局`, `县卫健局/县财政局`), not the words
 * of one (`县委 宣传部`)? Both end like a unit's name, as `joinsTwoUnits` reads them around `和`, and the name after it
 * opens as the name before it does (the same place, `县`…`县`…) or with `各`, or the name before it ends with its person
 * (`县教育局（责任人：陈立新） 人民银行某支行`).
 */
function partsTwoNames(text: string, from: number, at: number, to: number): boolean {
  let next = at + 1;
  while (next < to && isSpaceCode(text.charCodeAt(next))) next++;
  let first = from;
  while (first < at && isSpaceCode(text.charCodeAt(first))) first++;
  const opens = text.charCodeAt(next);
  return (opens === text.charCodeAt(first) || opens === EACH || endsWithPerson(text, first, at)) && unitNameBefore(text, from, at) && unitNameFrom(text, next, to, true);
}

/** Does [from, at) end with the bracket of a person after a unit's name (`县教育局（责任人：陈立新）`)? That ends the name. */
function endsWithPerson(text: string, from: number, at: number): boolean {
  let e = at;
  while (e > from && isSpaceCode(text.charCodeAt(e - 1))) e--;
  return e > from && isCloseParen(text.charCodeAt(e - 1)) && withoutPerson(text, from, e) < e;
}

/** A name as `joinsTwoUnits` tests it: without a bracket at its end (`县财政局（牵头）`, `各镇（街道）`) and `等部门` after it. */
function bareName(name: string): string {
  return name
    .trim()
    .replace(/等(?:有关|相关)?(?:部门|单位|部門|單位)?$/, '')
    .replace(/[(（][^()（）]*[)）]$/, '');
}

/**
 * Does the `和` or `与` at `at` join two units (`区林业局和区公安分局`, `区财政局和各镇人民政府`), not the words of one
 * name (`住房和城乡建设局`, `人力资源和社会保障局`, `市发展和改革委员会`, `工业和信息化局`)? The piece before it, from
 * `from`, ends like a unit's name, and so does the piece after it, up to the next separator before `to`.
 */
function joinsTwoUnits(text: string, from: number, at: number, to: number): boolean {
  return unitNameBefore(text, from, at) && unitNameFrom(text, at + 1, to, false);
}

/**
 * Does [from, at) end like a unit's name, one a separator may follow? Not a list closed by `等`
 * (`…能源局等省有关部门和各地级以上市人民政府` names kinds of units; it is left as written), nor words much longer than a
 * name (a list's words not yet parted).
 */
function unitNameBefore(text: string, from: number, at: number): boolean {
  if (at - from > 2 * MAX_NAME) return false;
  const before = bareName(text.slice(from, at));
  return before.length >= 2 && !before.includes('等') && UNIT_END.test(before);
}

/**
 * Does a unit's name run from `from` to the next separator before `to` (`、`, a comma, `及`; a space or a slash too when
 * `spaced`)? No name is longer than `MAX_NAME` (`pushPiece` reads none): the search ends there, so that a list of many
 * `和`, spaces or slashes stays linear.
 */
function unitNameFrom(text: string, from: number, to: number, spaced: boolean): boolean {
  let depth = 0;
  let end = from;
  for (; end < to; end++) {
    if (end - from > MAX_NAME) return false;
    const c = text.charCodeAt(end);
    if (c === OPEN_PAREN || c === OPEN_PAREN_FULL) depth++;
    else if ((c === CLOSE_PAREN || c === CLOSE_PAREN_FULL) && depth > 0) depth--;
    else if (depth === 0 && (c === ENUM_COMMA || c === COMMA || c === COMMA_FULL || c === AND || (spaced && (c === SLASH || c === SLASH_FULL || isSpaceCode(c))))) break;
  }
  const after = bareName(text.slice(from, end));
  return after.length >= 2 && UNIT_END.test(after);
}

/** `unitsIn` into `out`; returns how many units it added. */
function pushUnits(out: ListBuffer<UnitMention>, span: { start: number; end: number }, role: UnitRole, ctx: UnitContext): number {
  const { text } = ctx;
  const before = out.length;
  let depth = 0;
  let pieceStart = span.start;
  for (let i = span.start; i < span.end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === OPEN_PAREN || ch === OPEN_PAREN_FULL) depth++;
    else if ((ch === CLOSE_PAREN || ch === CLOSE_PAREN_FULL) && depth > 0) depth--;
    else if (depth === 0) {
      // `以及` is one separator when both characters lie in the span.
      const width =
        ch === ENUM_COMMA || ch === COMMA || ch === COMMA_FULL || ch === AND
          ? 1
          : ch === WITH && i + 1 < span.end && text.charCodeAt(i + 1) === AND
            ? 2
            : JOINERS.has(ch) && joinsTwoUnits(text, pieceStart, i, span.end)
              ? 1
              : (ch === SPACE || ch === IDEOGRAPHIC_SPACE || ch === SLASH || ch === SLASH_FULL) && partsTwoNames(text, pieceStart, i, span.end)
                ? 1
                : ch === LESS_THAN
                  ? lineBreakTagAt(text, i, span.end)
                  : 0;
      // `市、县（市、区）审管办`: a lone level (`市`, `县`) before `、` is part of the name after it.
      // So is `各市` before `、` (`各市、县（市、区）人民政府`).
      if (width === 1 && ch === ENUM_COMMA && isLoneLevel(text, pieceStart, i) && ADMIN_LEVELS.has(text.charCodeAt(i + 1))) continue;
      if (width > 0) {
        pushPiece(out, pieceStart, i, role, ctx);
        pieceStart = i + width;
        i = pieceStart - 1;
      }
    }
  }
  pushPiece(out, pieceStart, span.end, role, ctx);
  return out.length - before;
}

const isCloseParen = (c: number): boolean => c === CLOSE_PAREN || c === CLOSE_PAREN_FULL;

/** Is [from, to) a level of government alone: `市`, `县`, `各市`? */
function isLoneLevel(text: string, from: number, to: number): boolean {
  if (to - from === 2 && text.charCodeAt(from) === EACH) from++;
  return to - from === 1 && ADMIN_LEVELS.has(text.charCodeAt(from));
}
const EACH = '各'.charCodeAt(0);

function pushPiece(out: ListBuffer<UnitMention>, from: number, to: number, role: UnitRole, ctx: UnitContext): void {
  const { text } = ctx;
  let s = from;
  let e = to;
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  // A dash that opens an attribution line (`——县应急局牵头`) is no part of the name.
  while (s < e && text.charCodeAt(s) === DASH) s++;
  if (e <= s) return;
  // What a piece names depends on its words alone: each distinct piece is read once per process.
  const words = text.slice(s, e);
  let piece = pieces.get(words);
  if (piece === undefined) {
    piece = readPiece(words);
    if (pieces.size >= MAX_PIECES) pieces.clear();
    pieces.set(words, piece);
  }
  if (piece === null) return;
  if (piece.name === '') {
    // `县文化和旅游局，以下简称县文旅局`: the short name of the unit just before it.
    const last = out.length > 0 ? out.items[out.length - 1]! : null;
    if (last !== null && onlySeparators(text, last.span.end, from)) nameShort(piece.short!, last.name, last.key, ctx);
    return;
  }
  let name = piece.name;
  let key = piece.key;
  const known = ctx.names?.get(name);
  if (known !== undefined) {
    name = known.name;
    key = known.key;
  } else ctx.names?.set(name, { name, key });
  if (piece.short !== null) nameShort(piece.short, name, key, ctx);
  const unit = new PlacedUnit(name, key, piece.marked ? 'lead' : role, { start: s + piece.start, end: s + piece.end }, ctx.lines);
  out.push(unit);
  ctx.units?.push(unit);
}

/**
 * A piece of a unit list read (`readPiece`): the unit it names, where in the piece, whether it is marked as the lead,
 * and the short name it defines for the unit (`县文化和旅游局（以下简称县文旅局）`), null when none. A piece that only
 * defines a short name for the unit before it (`，以下简称县文旅局`) names no unit: its name is empty.
 */
interface Piece {
  name: string;
  key: string;
  start: number;
  end: number;
  marked: boolean;
  short: string | null;
}
/** Pieces read so far in this process, by their words (emptied when it holds `MAX_PIECES`: a bound on its memory). */
const pieces = new Map<string, Piece | null>();
const MAX_PIECES = 8192;

/** The unit that a piece of a list names (its spaces and an opening dash already trimmed), null when it names none. */
function readPiece(text: string): Piece | null {
  let s = 0;
  let e = text.length;
  if (FILLER_FIRST.has(text.charCodeAt(s))) {
    const lead = LEADING_FILLER.exec(text);
    if (lead !== null) s += lead[0].length;
  }
  // A trailing `等…` can only start in the last five characters (`等` + at most four).
  for (let k = e - 1; k >= s && k >= e - 5; k--) {
    if (text.charCodeAt(k) === ETC) {
      if (ETC_TAILS.has(text.slice(k + 1, e))) e = k;
      break;
    }
  }
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (e <= s) return null;
  // Words of manner before the verb (`县城管局要牵头`, `县卫健委具体负责`) are no part of the name.
  e = s + beforeModal(text.slice(s, e)).length;
  // A person written after a space: an office's (`副县长 孙强`, no unit), or a unit's (`县卫健局 王芳`: the unit).
  const spaced = PERSON_AFTER_SPACE.exec(text.slice(s, e));
  if (spaced !== null) {
    if (OFFICE_END.test(spaced[1]!)) return null;
    if (UNIT_END.test(spaced[1]!) && !UNIT_END.test(spaced[2]!)) e = s + spaced[1]!.length;
  }
  // The person in charge after the name (`县公安局（责任人：孙海）`, `县教育局（陈立新）`) is no part of it.
  if (isCloseParen(text.charCodeAt(e - 1))) e = withoutPerson(text, s, e);
  // A count after the name (`牵头单位：市水务局（1项）`, a heading over that unit's tasks) is no part of it.
  if (isCloseParen(text.charCodeAt(e - 1))) {
    const count = TASK_COUNT_END.exec(text.slice(Math.max(s, e - 12), e));
    if (count !== null) e -= count[0].length;
  }
  // A short name defined after the name (`县文化和旅游局（以下简称县文旅局）`) is no part of it.
  let short: string | null = null;
  if (isCloseParen(text.charCodeAt(e - 1))) {
    const open = openOfLast(text, s, e);
    short = open > s ? shortNameIn(text.slice(open + 1, e - 1)) : null;
    if (short !== null) {
      e = open;
      while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    }
  } else if (SHORT_NAME_FIRST.has(text.charCodeAt(s))) {
    const defined = shortNameIn(text.slice(s, e));
    if (defined !== null) return { name: '', key: '', start: s, end: e, marked: false, short: defined };
  }
  // A unit marked as the lead inside a list: `县工信局（牵头）`, `县委宣传部*`, `县发改局为牵头单位`.
  let marked = false;
  const piece = text.slice(s, e);
  // The plan's convention stated inside the list (`市商务局、某海关，列第一位的为牵头单位，下同`) names no unit.
  if (CONVENTION_FIRST.has(piece.charCodeAt(0)) && CONVENTION_PIECE.test(piece)) return null;
  const mark = mayEndInMark(piece) ? LEAD_MARK.exec(piece) : null;
  if (mark !== null && mark.index >= 2) {
    e = s + mark.index;
    marked = true;
  } else if (mayEndInRole(piece)) {
    // `…，市公路事务中心、各县市区人民政府为责任单位`: the role the list's last name says is no part of that name.
    const role = ROLE_AFTER_NAME.exec(piece);
    if (role !== null && UNIT_END.test(piece.slice(0, role.index))) e = s + role.index;
  }
  // A name a hard wrap cut (`市金融` / `工作局`) is the name as written.
  const raw = oneLine(stripNoise(e - s < piece.length ? piece.slice(0, e - s) : piece));
  if (raw.length === 0 || raw.length > MAX_NAME || (PERSON_LAST.has(raw.charCodeAt(raw.length - 1)) && PERSON_END.test(raw)) || NO_UNIT.test(raw)) return null;
  return { name: raw, key: unitKey(raw), start: s, end: e, marked, short };
}

/**
 * The definition of a short name (`以下简称县文旅局`, `简称“县文旅局”`, `下称县文旅局`, `以下称县文旅局`): what a plan
 * calls a unit from there on. The group is the short name, its quotes left out.
 */
const SHORT_NAME = /^(?:(?:以下|下文|下)(?:简称|簡稱|称|稱)|简称|簡稱)(?:为|為)?[：:]?[ \u3000]*[“"「『‘']?([^“”"「」『』‘’'，,、；;：:。（）()\s]{2,30})[”"」』’']?$/;
/** The characters a `SHORT_NAME` starts with: a piece starting otherwise is not tried. */
const SHORT_NAME_FIRST = new Set([...'以下简簡'].map((c) => c.charCodeAt(0)));

/** The short name that `words` define (`以下简称县文旅局` → `县文旅局`), null when they define none. */
function shortNameIn(words: string): string | null {
  if (!SHORT_NAME_FIRST.has(words.charCodeAt(0))) return null;
  const m = SHORT_NAME.exec(words);
  return m === null ? null : m[1]!;
}

/**
 * From here on, `short` names the unit `name` (key `key`): a later mention of it is that unit, written short
 * (`县文旅局牵头` after `县文化和旅游局（以下简称县文旅局）`), so that PL007 does not call the two a unit written two
 * ways. Only when the short name's characters are the full name's, in order: `两办` for two offices names no one unit.
 */
function nameShort(short: string, name: string, key: string, ctx: UnitContext): void {
  const shortKey = unitKey(short);
  if (ctx.names === undefined || shortKey.length >= key.length || !isSubsequence(shortKey, key)) return;
  ctx.names.set(short, { name, key });
}

/** Is [from, to) of `text` separators of a list and spaces alone (`，`, `、`)? */
function onlySeparators(text: string, from: number, to: number): boolean {
  if (to - from > 4) return false;
  for (let i = from; i < to; i++) if (!NAME_SEPARATORS.has(text.charCodeAt(i))) return false;
  return true;
}

/**
 * The end of the name [s, e) of `text` without the bracket of a person that closes it: a person field and a name
 * (`（责任人：孙海）`, `（联系人：陈立，电话：…）`), or a person's name alone after a name that ends like a unit's
 * (`县教育局（陈立新）`: two or three characters, a common surname first, no unit's ending). `e` when there is none.
 */
function withoutPerson(text: string, s: number, e: number): number {
  const open = openOfLast(text, s, e);
  if (open <= s) return e;
  const inner = text.slice(open + 1, e - 1).trim();
  const labelled = PERSON_LABEL.test(inner);
  if (!labelled && !(PERSON_NAME.test(inner) && SURNAMES.has(inner.charCodeAt(0)) && !UNIT_END.test(inner))) return e;
  let cut = open;
  while (cut > s && isSpaceCode(text.charCodeAt(cut - 1))) cut--;
  return labelled || UNIT_END.test(text.slice(s, cut)) ? cut : e;
}

/** The opener of the bracket that closes [s, e) of `text` (its last character a closer), or -1; a nested bracket is none. */
function openOfLast(text: string, s: number, e: number): number {
  for (let i = e - 2; i >= s && i >= e - MAX_PERSON_BRACKET; i--) {
    const c = text.charCodeAt(i);
    if (c === OPEN_PAREN || c === OPEN_PAREN_FULL) return i;
    if (isCloseParen(c)) return -1;
  }
  return -1;
}
/** The longest bracket of a person read (`（联系人：陈立新，电话：0735-1234567）`). */
const MAX_PERSON_BRACKET = 40;
/**
 * A person field opening a bracket (`责任人：`), with or without its colon, or an office, its colon and a person's name
 * (`（站长：何军）`, `（副局长：孙海）`, a cell of a `责任单位（责任人）` column).
 */
const PERSON_LABEL = /^(?:(?:责任人|責任人|联系人|聯繫人|联络人|聯絡人|负责人|負責人|责任领导|責任領導|分管领导|分管領導)[：:\s]|[\u4e00-\u9fff]{0,3}(?:长|長|主任|书记|書記)[：:][\u4e00-\u9fff]{2,3}$)/;
/** A person's name alone: two or three characters. */
const PERSON_NAME = /^[\u4e00-\u9fff]{2,3}$/;
/**
 * Common surnames: a bracket of two or three characters after a unit that opens with one of these names a person. Those
 * that also open common words (`金融`, `高新区`, `石化`, `任务`) are left out.
 */
const SURNAMES = new Set(
  [...'王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫朱胡郭何罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭董袁潘蒋蔣蔡杜叶葉苏蘇魏吕呂丁沈姚卢盧姜崔钟鍾谭譚陆陸汪范廖贾賈韦韋邹鄒孟熊秦邱尹薛闫閆侯陶黎贺賀顾顧郝龚龔邵覃戴'].map((c) => c.charCodeAt(0)),
);

function pushDeadlines(out: Sink<Deadline>, span: { start: number; end: number }, ctx: AttributionContext, mode: 'field' | 'prose'): void {
  placeDeadlines(out, span.start, span.end, ctx, mode);
}

/**
 * The deadlines of [from, to) of the document, placed in it (their offsets moved by `from`), added to `out`.
 * Nothing is added when the reader fails, as `findDeadlines` then finds nothing.
 */
export function placeDeadlines(out: Sink<Deadline>, from: number, to: number, ctx: Pick<AttributionContext, 'text' | 'lines' | 'deadlines' | 'scratch'>, mode: 'field' | 'prose'): void {
  // A span with no character a phrase may start with holds none (unwrapping only takes characters out).
  if (!mayHoldDeadline(ctx.text, from, to)) return;
  const found = ctx.scratch.found;
  found.clear();
  const slice = ctx.text.slice(from, to);
  // A phrase a hard wrap cut (`2025年6` / `月底前`, in a paragraph joined over it) is read joined, placed as written.
  const joined = unwrapped(slice, cutsDate);
  if (collectDeadlines(joined?.text ?? slice, ctx.deadlines, mode, found)) {
    for (let k = 0; k < found.length; k++) {
      const d = found.items[k]!;
      const span = joined === null ? { start: from + d.start, end: from + d.end } : { start: from + joined.at[d.start]!, end: from + joined.at[d.end - 1]! + 1 };
      out.push(new PlacedDeadline(d.value, span, ctx.lines));
    }
  }
  found.clear();
}

/**
 * The deadline a 完成时限 field or column writes in [from, to): the phrases read in it, or, when it names no date that
 * is read (`秋季开学前`, `每学期`, `全年`), the value as written with no date, as a holiday period is: the task has its
 * deadline, which no date check can judge. A value that says there is none (`无`, `待定`, `—`) gives none.
 */
export function placeWrittenDeadline(out: Sink<Deadline>, from: number, to: number, ctx: Pick<AttributionContext, 'text' | 'lines' | 'deadlines' | 'scratch'>): void {
  const before = out.length;
  placeDeadlines(out, from, to, ctx, 'field');
  if (out.length > before) return;
  const span = trimSpan(ctx.text, from, to);
  const written = ctx.text.slice(span.start, span.end);
  if (written.length === 0 || written.length > MAX_WRITTEN_DEADLINE || isPlaceholder(written) || NOT_YET.test(written) || !HAS_WORD.test(written)) return;
  // Units or a role in the deadline's place (a list under the wrong label, a cell out of its column) are no deadline.
  if (NOT_A_TIME.test(written) || UNIT_END.test(written)) return;
  const value = { text: written, end: null, start: null, precision: null, ongoing: false, recurring: false, yearInferred: false, damaged: false, invalid: null };
  out.push(new PlacedDeadline(value, span, ctx.lines));
}
/** A deadline field's value that says there is none yet, or that it is still to be set (a placeholder aside). */
const NOT_YET = /^(?:暂无|暫無|待定|另定|另行通知|另行确定|另行確定|不限|不定期)$/;
/** Roles, labels and layout that no time is written with. */
const NOT_A_TIME = /牵头|牽頭|负责|負責|配合|单位|單位|部门|部門|[|｜【】[\]<>\r\n]/;
/** A written deadline holds a word (digits alone are a date the reader could not read). */
const HAS_WORD = /[\u4e00-\u9fff]/;
/** Longer than this, a field's value is a sentence about the work, not its deadline. */
const MAX_WRITTEN_DEADLINE = 24;

/**
 * Does a line break between the characters at `before` and `after` of `text` cut a date (`2025年6` / `月底前`, `12月` /
 * `底前`, `3月底` / `前完成`, `6月30日` / `之前`) or the word that opens an ongoing phrase (`常态` / `化推进`, `持` / `续推进`)? For
 * a date, a digit or `年` `月` `季` before it, a digit or what a date goes on with after it (`第三季` / `度`); or the end of a
 * date (`底` `末` `日` `号` `旬` `度` `初` `份`) before it and the cue that follows a date after it (`前` `之前` `以前` `以内` `为止`).
 * Elsewhere a line break separates (`…12月底前` / `二、…`: `前二` would read as "the first two").
 */
function cutsDate(text: string, before: number, after: number): boolean {
  const b = text.charCodeAt(before);
  const a = text.charCodeAt(after);
  return (
    (DATE_BEFORE_CUT.has(b) && DATE_AFTER_CUT.has(a)) ||
    ONGOING_CUTS.has(b * 0x10000 + a) ||
    (DATE_END_CUT.has(b) && DATE_CUES.some((w) => text.startsWith(w, after)))
  );
}
/** The pairs of characters inside the words that open an ongoing phrase, as `before * 0x10000 + after`. */
const ONGOING_CUTS = new Set(
  ['常态化', '常態化', '长期', '長期', '持续', '持續', '常年', '长效', '長效', '即时', '即時', '立即'].flatMap((w) =>
    [...w].slice(1).map((c, k) => w.charCodeAt(k) * 0x10000 + c.charCodeAt(0)),
  ),
);
const DATE_BEFORE_CUT = new Set([...'0123456789０１２３４５６７８９年月季'].map((c) => c.charCodeAt(0)));
const DATE_AFTER_CUT = new Set([...'0123456789０１２３４５６７８９年月日底前中上下旬内度末'].map((c) => c.charCodeAt(0)));
/** The last characters of a date that a cue may follow, and the cues (`3月底` / `前`, `6月30日` / `之前`). */
const DATE_END_CUT = new Set([...'底末日号旬度初份'].map((c) => c.charCodeAt(0)));
const DATE_CUES = ['前', '之前', '以前', '以内', '为止'];

/** Deadlines found in free task text (prose mode), added to `out`. */
export function proseDeadlines(span: { start: number; end: number }, ctx: AttributionContext, out: Deadline[] = []): Deadline[] {
  pushDeadlines(out, span, ctx, 'prose');
  return out;
}

function markLeadAlsoResponsible(attribution: Lists, ctx: AttributionContext): void {
  const { lead, responsible } = attribution;
  if (lead.length === 0 || responsible.length === 0) return;
  // A few leads are compared one by one; a long list through a set, to stay linear.
  const leads = lead.length > 8 ? new Set(lead.items.slice(0, lead.length).map((u) => u.key)) : null;
  for (let i = 0; i < responsible.length; i++) {
    const unit = responsible.items[i]!;
    if (leads !== null ? leads.has(unit.key) : hasKey(lead, unit.key)) attribution.problems.push(problem(ctx, 'lead-also-responsible', unit.name, unit.span));
  }
}

/** The most leads `singleOutLead` compares (pair by pair): a longer list is left as read. */
const MAX_SINGLED = 32;

/**
 * `X、Y、Z共同负责，其中X牵头`, `责任单位：X、Y、Z，X牵头`, `X、Y负责，X为牵头单位`: a list of units read as leads, then one of
 * them named to lead again (a lead verb or a lead mark after its name): that one leads, and the others of its list carry
 * the work out (responsible); its first mention is no longer listed, the one that names it to lead stands. A list is
 * names parted by separators alone: leads of clauses of their own (`X牵头推进…，Y牵头推进…，X牵头…`) are left as read.
 */
function singleOutLead(lists: Lists, text: string): void {
  const { lead, responsible } = lists;
  if (lead.length + responsible.length > MAX_SINGLED) return;
  for (let i = 0; i < lead.length; i++) {
    const first = lead.items[i]!;
    const again = namedToLeadAgain(lists, first);
    if (again === null) continue;
    // The list `first` stands in: the leads before and after it that only separators part from it.
    let from = i;
    while (from > 0 && onlySeparators(text, lead.items[from - 1]!.span.end, lead.items[from]!.span.start)) from--;
    let to = i + 1;
    while (to < lead.length && lead.items[to] !== again && onlySeparators(text, lead.items[to - 1]!.span.end, lead.items[to]!.span.start)) to++;
    // A name written twice in one list (`区财政局、区税务局、区财政局`) is a slip, not one singled out.
    if (to - from < 2 || onlyEnumerated(text, lead.items[to - 1]!.span.end, again.span.start)) continue;
    // Each of the list named to lead again (`其中X、Y牵头`) leads from there; its first mention is dropped.
    const singled: boolean[] = [];
    for (let k = from; k < to; k++) singled.push(lead.items[k]!.key === first.key || namedToLeadAgain(lists, lead.items[k]!) !== null);
    const units = lead.take();
    for (let k = 0; k < units.length; k++) {
      const unit = units[k]!;
      if (k < from || k >= to) lead.push(unit);
      else if (!singled[k - from]) {
        unit.role = 'responsible';
        responsible.push(unit);
      }
    }
    return;
  }
}

/** Is [from, to) of `text` a `、` and spaces alone: do the names it parts stand in one list? */
function onlyEnumerated(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== ENUM_COMMA && !isSpaceCode(c)) return false;
  }
  return true;
}

/** The mention after `unit` that names its unit to lead (a lead, or a responsible unit marked as the lead), null when none. */
function namedToLeadAgain(lists: Lists, unit: UnitMention): UnitMention | null {
  for (let i = 0; i < lists.lead.length; i++) {
    const other = lists.lead.items[i]!;
    if (other.key === unit.key && other.span.start > unit.span.end) return other;
  }
  for (let i = 0; i < lists.responsible.length; i++) {
    const other = lists.responsible.items[i]!;
    if (other.role === 'lead' && other.key === unit.key && other.span.start > unit.span.end) return other;
  }
  return null;
}

/** Is `unit` among `leads` by its key, named there after it in the text? */
function namedToLeadAfter(leads: ListBuffer<UnitMention>, unit: UnitMention): boolean {
  for (let i = 0; i < leads.length; i++) {
    const lead = leads.items[i]!;
    if (lead.key === unit.key && lead.span.start > unit.span.start) return true;
  }
  return false;
}

function hasKey(units: ListBuffer<UnitMention>, key: string): boolean {
  for (let i = 0; i < units.length; i++) if (units.items[i]!.key === key) return true;
  return false;
}

function problem(ctx: AttributionContext, kind: AttributionProblem['kind'], detail: string, span: Span, unsure = false): AttributionProblem {
  return new PlacedProblem(kind, detail, span, ctx.lines, unsure);
}

/** The punctuation an attribution [from, to) was written with, so an inserted template matches it. */
function punctuationOf(toks: IToken[], from: number, to: number, open: string, close: string): Attribution['punctuation'] {
  const colonAt = indexOfType(toks, T.Colon, from, to);
  const colon = colonAt >= 0 ? toks[colonAt]!.image : '：';
  const semicolonAt = indexOfType(toks, T.Semicolon, from, to);
  const separator = semicolonAt >= 0 ? toks[semicolonAt]!.image : colon === ':' ? ';' : '；';
  return { colon, separator, open, close };
}
