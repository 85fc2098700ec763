// Reads who leads, who takes part and by when from a run of tokens: bracket, parenthesis, sentence and field styles.
import { tokens as T, type IToken } from '../../../grammar/index.js';
import { ListBuffer, type Sink } from './buffer.js';
import { collectDeadlines, type DeadlineContext, type FoundDeadline } from './deadline.js';
import { PlacedAttribution, PlacedDeadline, PlacedProblem, PlacedUnit } from './located.js';
import type { LineTable } from './positions.js';
import { isSpaceCode, stripNoise, trimSpan, unitKey } from './text.js';
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
  const lists = { lead: new ListBuffer<UnitMention>(), division: new ListBuffer<UnitMention>(), responsible: new ListBuffer<UnitMention>(), deadlines: new ListBuffer<Deadline>(), problems: new ListBuffer<AttributionProblem>() };
  return { lists, units: new ListBuffer(), found: new ListBuffer() };
}

/** What the unit reader needs of the context. */
type UnitContext = Pick<AttributionContext, 'text' | 'lines' | 'names' | 'units' | 'scratch'>;

const LEAD_VERBS = new Set([T.LeadVerb, T.ChargeVerb, T.JointLead]);
const JOIN_VERBS = new Set([T.JoinVerb, T.ByDivision]);
/** Every verb that ends a segment of an attribution. */
const SEGMENT_VERBS = new Set([...LEAD_VERBS, ...JOIN_VERBS]);
/** Verbs that make the units after `由` leads: `由X负责`, `由X、Y分别负责`, `由X按职责分工负责`. */
const BY_VERBS = new Set([...LEAD_VERBS, T.ByDivision]);
type TokenType = IToken['tokenType'];
// Comparisons rather than Set lookups: these run once per token.
const isOpener = (type: TokenType): boolean => type === T.LBracket || type === T.LParen;
const isCloser = (type: TokenType): boolean => type === T.RBracket || type === T.RParen;
const isField = (type: TokenType): boolean =>
  type === T.LeadField || type === T.ResponsibleField || type === T.DeadlineField || type === T.PersonField;
const isKeyword = (t: IToken) => isField(t.tokenType) || LEAD_VERBS.has(t.tokenType) || JOIN_VERBS.has(t.tokenType) || t.tokenType === T.Together;
/** A part boundary inside an attribution: `;` and `。` (`(X牵头。)`). */
const isPartEnd = (type: TokenType): boolean => type === T.Semicolon || type === T.SentenceEnd;
/** How many characters of words may follow a verb before its segment ends: `牵头落实`, `牵头卖力`, `负责落实`. */
const VERB_TAIL = 4;
/** Words that join a field's name to the next one (`责任单位或牵头单位:`): the two name one field. */
const FIELD_JOINERS = new Set(['或', '和', '及', '/', '／', '、']);
const end = (t: IToken) => t.startOffset + t.image.length;

// Token runs are read in place: `toks` with a half-open index range [from, to), never copied out.

/**
 * Finds every attribution in the tokens [from, to) of `toks` (one paragraph, marker excluded) and appends them to
 * `out`, in text order, with the spans they occupy, so that titles and prose deadlines can skip them. Returns `out`.
 *
 * Brackets are matched with a depth count (linear, any depth) in the same pass that reads them: each outermost
 * group is read when it closes (or when its line ends unclosed), the clauses before it first.
 */
export function readAttributions(toks: IToken[], from: number, to: number, ctx: AttributionContext, out: Attribution[]): Attribution[] {
  let cursor = from;
  let depth = 0;
  let open = -1;
  for (let i = from; i < to; i++) {
    const type = toks[i]!.tokenType;
    if (isOpener(type)) {
      if (depth === 0) open = i;
      depth++;
    } else if (isCloser(type) && depth > 0) {
      depth--;
      if (depth === 0) cursor = readGroup(toks, open, i, i + 1, cursor, ctx, out);
    } else if (type === T.Newline && depth > 0) {
      cursor = readGroup(toks, open, -1, i, cursor, ctx, out);
      depth = 0;
    }
  }
  if (depth > 0) cursor = readGroup(toks, open, -1, to, cursor, ctx, out);
  readClauses(toks, cursor, to, ctx, out);
  return out;
}

/**
 * One outermost group: opened at `open`, closed at `close` (-1 when it never closes), `lineEnd` the index after
 * the last token of the opener's line. Only a group that holds attribution keywords is an attribution
 * (`(市编办)` stays part of the clause); then the clauses since `cursor` are read first and the cursor moves past
 * the group. Returns the cursor.
 */
function readGroup(toks: IToken[], open: number, close: number, lineEnd: number, cursor: number, ctx: AttributionContext, out: Attribution[]): number {
  const innerFrom = open + 1;
  const innerTo = close >= 0 ? close : lineEnd;
  if (!someKeyword(toks, innerFrom, innerTo)) return cursor;
  readClauses(toks, cursor, open, ctx, out);
  const openTok = toks[open]!;
  const closeTok = close >= 0 ? toks[close]! : null;
  const style: AttributionStyle = openTok.tokenType === T.LBracket ? 'bracket' : 'paren';
  const spanEnd = closeTok ? end(closeTok) : end(innerTo > innerFrom ? toks[innerTo - 1]! : openTok);
  const attribution = readContent(toks, innerFrom, innerTo, style, { start: openTok.startOffset, end: spanEnd }, ctx);
  attribution.punctuation = punctuationOf(toks, innerFrom, innerTo, openTok.image, closeTok?.image ?? '');
  if (closeTok === null) {
    attribution.problems.push(problem(ctx, 'unclosed-bracket', openTok.image, { start: openTok.startOffset, end: end(openTok) }));
    // A text cut off inside an attribution (`（牵头单位：市发`, an excerpt's end): its last name is cut too, no unit.
    if (trimSpan(ctx.text, spanEnd, ctx.text.length).start >= ctx.text.length) {
      attribution.lead = attribution.lead.filter((u) => u.span.end < spanEnd);
      attribution.responsible = attribution.responsible.filter((u) => u.span.end < spanEnd);
    }
  }
  out.push(attribution);
  return (close >= 0 ? close : lineEnd - 1) + 1;
}

function someKeyword(toks: IToken[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isKeyword(toks[i]!)) return true;
  return false;
}

/** Splits tokens [from, to) outside groups into clauses (`。` `；` line ends) and reads field and sentence styles. */
function readClauses(toks: IToken[], from: number, to: number, ctx: AttributionContext, out: Attribution[]): void {
  let start = from;
  // The run of field clauses joined by `;` waiting to be read as one attribution: [runFrom, runTo), empty when equal.
  let runFrom = from;
  let runTo = from;
  for (let i = from; i <= to; i++) {
    const tok = i < to ? toks[i] : undefined;
    // A field name glued to the prose before it (`道路整治牵头单位:X`, a text that lost its breaks) starts a clause.
    if (tok !== undefined && i > start && isFieldAt(toks, i, to) && !isFieldAt(toks, start, to)) {
      runFrom = flushFields(toks, runFrom, runTo, ctx, out);
      const sentence = readSentence(toks, start, i, ctx);
      if (sentence !== null) out.push(sentence);
      start = i;
      continue;
    }
    const boundary = tok === undefined || tok.tokenType === T.SentenceEnd || tok.tokenType === T.Semicolon || tok.tokenType === T.Newline;
    if (!boundary) continue;
    if (i > start && isField(toks[start]!.tokenType) && start + 1 < i && toks[start + 1]!.tokenType === T.Colon) {
      // A field clause: it joins the run (with the `;` before it, when the run goes on).
      if (runTo <= runFrom) runFrom = start;
      runTo = i;
    } else {
      runFrom = flushFields(toks, runFrom, runTo, ctx, out);
      const sentence = readSentence(toks, start, i, ctx);
      if (sentence !== null) out.push(sentence);
    }
    if (tok?.tokenType !== T.Semicolon) runFrom = flushFields(toks, runFrom, runTo, ctx, out);
    start = i + 1;
  }
  flushFields(toks, runFrom, runTo, ctx, out);
}

/** Is token `i` (before `to`) a field name followed by its colon? */
function isFieldAt(toks: IToken[], i: number, to: number): boolean {
  return i + 1 < to && isField(toks[i]!.tokenType) && toks[i + 1]!.tokenType === T.Colon;
}

/** Reads the run of field clauses [runFrom, runTo) as one attribution, when it is not empty; returns the run's new start. */
function flushFields(toks: IToken[], runFrom: number, runTo: number, ctx: AttributionContext, out: Attribution[]): number {
  if (runTo <= runFrom) return runFrom;
  const span = { start: toks[runFrom]!.startOffset, end: end(toks[runTo - 1]!) };
  const attribution = readContent(toks, runFrom, runTo, 'field', span, ctx);
  attribution.punctuation = punctuationOf(toks, runFrom, runTo, '', '');
  out.push(attribution);
  return runTo;
}

/** `此项工作由X牵头负责,Y参加` / `X牵头,Y按职责分工负责`: a clause [from, to) whose first segment ends with a lead verb. */
function readSentence(toks: IToken[], from: number, to: number, ctx: AttributionContext): Attribution | null {
  const byIndex = indexOfBy(toks, from, to, ctx.text);
  let leadEnd = -1;
  let together = -1;
  if (byIndex >= 0) {
    // `由 … 负责`: the verb may come after commas (`由A,B等部门共同负责`) and be followed by what is done
    // (`由各乡镇负责督促落实`), never after another keyword but `会同`, and the units before it are a short run.
    for (let i = byIndex + 1; i < to; i++) {
      const type = toks[i]!.tokenType;
      if (BY_VERBS.has(type)) {
        const near = toks[i]!.startOffset - end(toks[byIndex]!) <= MAX_BY_UNITS;
        // `由A,B等部门共同负责。` may list units across commas; `由A负责督促落实` may not (`全部由政府收储,财政负责…`).
        if (near && (segmentEndsAt(toks, i, to) || indexOfType(toks, T.Comma, byIndex, i) < 0)) leadEnd = i;
        break;
      }
      if (type === T.Together && together < 0) together = i;
      if ((isKeyword(toks[i]!) && type !== T.Together) || type === T.By || type === T.SentenceEnd) break;
    }
  } else {
    const first = indexOfType(toks, T.Comma, from, to);
    const segmentTo = first < 0 ? to : first;
    const verb = segmentVerb(toks, from, segmentTo, SENTENCE_VERBS);
    // `负责` and `按职责分工` after anything but a unit's name are prose (`敢于负责`): a unit name ends the run before them.
    const named = verb > from && (toks[verb]!.tokenType === T.LeadVerb || toks[verb]!.tokenType === T.JointLead || UNIT_END.test(toks[verb - 1]!.image));
    if (named) leadEnd = verb;
  }
  if (leadEnd < 0 && together > byIndex && byIndex >= 0) return readTogether(toks, byIndex, together, to, ctx);
  if (leadEnd < 0) return null;
  const start = byIndex >= 0 && byIndex < leadEnd ? byIndex : from;
  const span = { start: toks[start]!.startOffset, end: end(toks[to - 1]!) };
  return readContent(toks, start, to, 'sentence', span, ctx);
}

/** How far `由` may stand from its verb: a list of a few units (`由市发展改革委、市财政局等部门共同负责`). */
const MAX_BY_UNITS = 60;
/** Verbs that make the first segment of a sentence an attribution (`X牵头,Y配合` `X、Y按职责分工负责` `X负责落实`). */
const SENTENCE_VERBS = new Set([T.LeadVerb, T.JointLead, T.ChargeVerb, T.ByDivision]);
/** How a unit's name ends (`市司法局`, `各区县政府`, `市政府办公室`, `各乡镇`, `国网供电公司`, `区人武部`…). */
const UNIT_END = /(?:局|委|办|辦|厅|廳|部|府|院|会|會|处|處|室|中心|队|隊|站|所|街道|乡镇|鄉鎮|镇|鎮|乡|鄉|社区|社區|集团|集團|公司|单位|單位|部门|部門|组|組|署|馆|館|台|校|团|團|联|聯|行|司|社)[)）]?$/;

/** Verbs a heading starts with when it names work, not a unit (`成立领导小组`). */
const WORK_START = /^(?:成立|建立|健全|加强|推进|推动|完善|强化|落实|开展|实施|深化|提升|优化|做好|坚持|加快|构建|打造|严格|全面|积极|切实|组织|明确|规范|创新|提高|发挥|抓好|统筹|培育|扩大|支持|鼓励|保障|聚焦|着力|大力|持续|进一步)/;
/** What a heading adds after a unit's name (`区教育局主要工作任务`, `由县卫健委负责的任务` is a sentence). */
const UNIT_HEADING_TAIL = /(?:主要工作任务|重点工作任务|工作任务|重点任务|主要任务|重点工作|任务清单|责任清单|工作清单)$/;

/**
 * The lead a heading gives the tasks under it when it names a unit: `一、市司法局`, `（二）区教育局主要工作任务`,
 * `三、各乡镇`. The heading [span) is its title; null when it names work, a person or no unit.
 */
export function unitHeading(span: Span, ctx: AttributionContext): Attribution | null {
  const raw = ctx.text.slice(span.start, span.end).replace(/[:：。]$/, '').replace(UNIT_HEADING_TAIL, '');
  const name = stripNoise(raw);
  if (name.length < 2 || name.length > 24 || WORK_START.test(name) || PERSON_END.test(name) || !UNIT_END.test(name)) return null;
  if (/[，,；;。、（(]/.test(name.replace(/[(（][^()（）]*[)）]/g, ''))) return null;
  const lists = emptyLists(ctx);
  pushUnits(lists.lead, { start: span.start, end: span.start + raw.length }, 'lead', ctx);
  if (lists.lead.length === 0) return null;
  return new PlacedAttribution('heading', lists.lead.take(), [], [], [], span, ctx.lines);
}

/** Characters after `由` that make it a word, not `by`: `由于` (because), `由此`, `由来`, `由衷`. */
const NOT_BY = new Set([...'于於此来來衷浅淺表'].map((c) => c.charCodeAt(0)));

/** The first `由` in [from, to) that means `by`. */
function indexOfBy(toks: IToken[], from: number, to: number, text: string): number {
  for (let i = from; i < to; i++) {
    const tok = toks[i]!;
    if (tok.tokenType === T.By && !NOT_BY.has(text.charCodeAt(end(tok)))) return i;
  }
  return -1;
}

/**
 * The verb that ends the segment [from, to) when it is one of `verbs`: its last token, or a verb followed by a few
 * characters of what is done (`牵头落实`, `牵头卖力`, `负责落实`: two for `负责`, whose longer tails are sentences of
 * their own). -1 when there is none.
 */
function segmentVerb(toks: IToken[], from: number, to: number, verbs: ReadonlySet<TokenType>): number {
  const last = to - 1;
  if (last < from) return -1;
  if (verbs.has(toks[last]!.tokenType)) return last;
  const verb = last - 1;
  if (verb < from || !verbs.has(toks[verb]!.tokenType) || toks[last]!.tokenType !== T.Text) return -1;
  const tail = toks[last]!.image.trim();
  const max = toks[verb]!.tokenType === T.ChargeVerb ? 2 : VERB_TAIL;
  return tail.length <= max && /^[\u4e00-\u9fff]+$/.test(tail) ? verb : -1;
}

/** The end of a unit list that a verb phrase follows: `…等部门研究提出意见` ends after `等部门`. */
const LIST_END = /等(?:有关|相关)?(?:部门|单位|部門|單位)/;

/**
 * `由X会同Y研究提出…`, with no role verb: X leads, and Y takes part when its list ends with `等部门`. The clause is
 * the tokens [by, to).
 */
function readTogether(toks: IToken[], by: number, together: number, to: number, ctx: AttributionContext): Attribution | null {
  const lists = emptyLists(ctx);
  const unitsFrom = end(toks[together]!);
  const clauseEnd = end(toks[to - 1]!);
  const rest = ctx.text.slice(unitsFrom, Math.min(clauseEnd, unitsFrom + MAX_BY_UNITS * 2));
  const list = LIST_END.exec(rest);
  if (pushUnits(lists.lead, trimSpan(ctx.text, end(toks[by]!), toks[together]!.startOffset), 'lead', ctx) === 0) return null;
  if (list !== null) pushUnits(lists.responsible, trimSpan(ctx.text, unitsFrom, unitsFrom + list.index + list[0].length), 'responsible', ctx);
  const span = { start: toks[by]!.startOffset, end: clauseEnd };
  return new PlacedAttribution('sentence', lists.lead.take(), lists.responsible.take(), [], [], span, ctx.lines);
}

/** Does the segment end right after `i` (within a run ending at `to`)? */
function segmentEndsAt(toks: IToken[], i: number, to: number): boolean {
  const next = i + 1 < to ? toks[i + 1] : undefined;
  return next === undefined || next.tokenType === T.Comma || next.tokenType === T.SentenceEnd || next.tokenType === T.Semicolon;
}

/** The lists of one attribution while it is read. */
interface Lists {
  lead: ListBuffer<UnitMention>;
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
  lists.division.clear();
  lists.responsible.clear();
  lists.deadlines.clear();
  lists.problems.clear();
  return lists;
}

/**
 * Reads the content [from, to) of one attribution: parts split at `;` are fields (`牵头单位:…`) or verb
 * segments split at `,` (`X牵头` `Y参加` `由X负责` `2021年底前`).
 */
function readContent(toks: IToken[], from: number, to: number, style: AttributionStyle, span: Span, ctx: AttributionContext): PlacedAttribution {
  const lists = emptyLists(ctx);
  // Parts split at `;` outside nested brackets (unit names hold parentheses: `各区县(市)人民政府`).
  let partFrom = from;
  let depth = 0;
  for (let i = from; i <= to; i++) {
    if (i < to) {
      const type = toks[i]!.tokenType;
      if (isOpener(type)) depth++;
      else if (isCloser(type) && depth > 0) depth--;
      // A field name glued to the part before it starts a part of its own (`牵头单位:X 责任单位:Y`, `…,責任單位:Y`).
      const gluedField = depth === 0 && i > partFrom && isField(type) && i + 1 < to && toks[i + 1]!.tokenType === T.Colon;
      if (gluedField) {
        readPart(toks, partFrom, trimSeparators(toks, partFrom, i), lists, ctx);
        partFrom = i;
        continue;
      }
      if (depth !== 0 || !isPartEnd(type)) continue;
    }
    readPart(toks, partFrom, i, lists, ctx);
    partFrom = i + 1;
  }
  // Units that a plan says share the work (`X、Y按职责分工负责`) lead when nothing else in the attribution does.
  const division = lists.division.take();
  const divisionLeads = lists.lead.length === 0;
  for (const unit of division) {
    if (divisionLeads) unit.role = 'lead';
    (divisionLeads ? lists.lead : lists.responsible).push(unit);
  }
  markLeadAlsoResponsible(lists, ctx);
  const lead = lists.lead.take();
  const responsible = lists.responsible.take();
  const deadlines = lists.deadlines.take();
  return new PlacedAttribution(style, lead, responsible, deadlines, lists.problems.take(), span, ctx.lines);
}

/** One part [from, to) of an attribution: a field, or verb segments. */
function readPart(toks: IToken[], from: number, to: number, lists: Lists, ctx: AttributionContext): void {
  if (to <= from) return;
  if (isField(toks[from]!.tokenType)) readField(toks, from, to, lists, ctx);
  else readVerbSegments(toks, from, to, lists, ctx);
}

/** [from, to) without the `,` `、` and spaces that end it (a part cut before a glued field name). */
function trimSeparators(toks: IToken[], from: number, to: number): number {
  while (to > from && (toks[to - 1]!.tokenType === T.Comma || /^[\s、]*$/.test(toks[to - 1]!.image))) to--;
  return to;
}

/** `牵头单位:A、B` / `完成时限:2021年底前`, the field [from, to). */
function readField(toks: IToken[], from: number, to: number, attribution: Lists, ctx: AttributionContext): void {
  const head = toks[from]!;
  // A unit's name holds no role verb: a verb ends the value (`责任部门:园林局配合做好…`, a heading that lost its break).
  if (head.tokenType !== T.DeadlineField) {
    for (let i = from + 2; i < to; i++) {
      if (SEGMENT_VERBS.has(toks[i]!.tokenType) || toks[i]!.tokenType === T.By) {
        to = i;
        break;
      }
    }
  }
  let valueStart = from + 1;
  if (from + 1 < to && toks[from + 1]!.tokenType === T.Colon) valueStart = from + 2;
  const hasValue = valueStart < to;
  const valueFrom = hasValue ? toks[valueStart]!.startOffset : end(toks[valueStart - 1]!);
  const valueTo = hasValue ? end(toks[to - 1]!) : valueFrom;
  const span = trimSpan(ctx.text, valueFrom, valueTo);
  if (head.tokenType === T.PersonField) return; // a person (`牵头领导:…副市长`), never a unit
  // `责任单位或牵头单位:X`: this name joins the next field's.
  if (valueStart === from + 1 && FIELD_JOINERS.has(ctx.text.slice(span.start, span.end))) return;
  if (span.start >= span.end) {
    attribution.problems.push(problem(ctx, 'empty-field', head.image, { start: head.startOffset, end: end(toks[valueStart - 1]!) }));
    return;
  }
  if (head.tokenType === T.DeadlineField) {
    pushDeadlines(attribution.deadlines, span, ctx, 'field');
    return;
  }
  const role: UnitRole = head.tokenType === T.LeadField ? 'lead' : 'responsible';
  // `责任单位:X、Y,2025年6月底前完成`: the deadline that ends the list is no unit.
  const cut = deadlineInList(ctx.text, span);
  if (cut < span.end) pushDeadlines(attribution.deadlines, trimSpan(ctx.text, cut, span.end), ctx, 'field');
  const units = trimSpan(ctx.text, span.start, cut);
  const count = pushUnits(role === 'lead' ? attribution.lead : attribution.responsible, { start: units.start, end: trimListEnd(ctx.text, units) }, role, ctx);
  if (count === 0) {
    attribution.problems.push(problem(ctx, 'empty-field', head.image, { start: head.startOffset, end: valueTo }));
  }
}

/** What starts a deadline written at the end of a unit list. */
const DEADLINE_START = /(?:(?:20|19)\d{2}\s*年|\d{1,2}\s*月|年底|年内|年中|上半年|下半年|全年|长期|長期|持续|持續|每[年季月周]|第[一二三四]季度|[一二三四]季度|(?:完成)?时[限间]|(?:完成)?時[限間])/y;

/** Where a deadline starts after a separator in the unit list [span), else `span.end`. */
function deadlineInList(text: string, span: Span): number {
  let depth = 0;
  for (let i = span.start; i < span.end; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_PAREN || c === OPEN_PAREN_FULL) depth++;
    else if ((c === CLOSE_PAREN || c === CLOSE_PAREN_FULL) && depth > 0) depth--;
    else if (depth === 0 && (c === COMMA || c === COMMA_FULL || c === ENUM_COMMA || isSpaceCode(c))) {
      let k = i + 1;
      while (k < span.end && isSpaceCode(text.charCodeAt(k))) k++;
      DEADLINE_START.lastIndex = k;
      if (k < span.end && DEADLINE_START.test(text)) return k;
    }
  }
  return span.end;
}

/** The end of a unit list without the separators a cut left behind it. */
function trimListEnd(text: string, span: Span): number {
  let e = span.end;
  while (e > span.start && /[\s,，、]/.test(text[e - 1]!)) e--;
  return e;
}

/** Verb style, the part [from, to): `由X牵头负责` `X牵头` `Y参加` `Y按职责分工负责` and a bare deadline segment. */
function readVerbSegments(toks: IToken[], partFrom: number, partTo: number, attribution: Lists, ctx: AttributionContext): void {
  // `由A,B,` waits for its verb in a later segment: `pendingFrom` is where it starts. The wait is known from the
  // new segment alone (the pending run holds `由` and no lead verb), so a long run is not re-read each time.
  let pendingFrom = -1;
  // Segments split at `,` outside nested brackets.
  let segFrom = partFrom;
  let depth = 0;
  for (let i = partFrom; i <= partTo; i++) {
    if (i < partTo) {
      const type = toks[i]!.tokenType;
      if (isOpener(type)) depth++;
      else if (isCloser(type) && depth > 0) depth--;
      if (depth !== 0 || type !== T.Comma) continue;
    }
    const segmentFrom = segFrom;
    segFrom = i + 1;
    const from = pendingFrom >= 0 ? pendingFrom : segmentFrom;
    const to = i;
    const waiting = pendingFrom >= 0;
    pendingFrom = -1;
    if (to <= from) continue;
    const last = toks[to - 1]!;
    const verbAt = segmentVerb(toks, from, to, SEGMENT_VERBS);
    if (verbAt >= 0) {
      const verb = toks[verbAt]!;
      const first = toks[from]!;
      const by = first.tokenType === T.By;
      const unitsFrom = by || first.tokenType === T.Together ? end(first) : first.startOffset;
      const together = indexOfType(toks, T.Together, from + 1, verbAt);
      if (together >= 0) {
        // `由X会同Y负责` / `X会同Y负责`: X leads, Y takes part.
        pushUnits(attribution.lead, trimSpan(ctx.text, unitsFrom, toks[together]!.startOffset), 'lead', ctx);
        pushUnits(attribution.responsible, trimSpan(ctx.text, end(toks[together]!), verb.startOffset), 'responsible', ctx);
        continue;
      }
      const span = trimSpan(ctx.text, unitsFrom, verb.startOffset);
      if (first.tokenType === T.Together) pushUnits(attribution.responsible, span, 'responsible', ctx);
      else if (!by && verb.tokenType === T.ByDivision) pushUnits(attribution.division, span, 'responsible', ctx);
      else {
        const role: UnitRole = (by ? BY_VERBS : LEAD_VERBS).has(verb.tokenType) ? 'lead' : 'responsible';
        pushUnits(role === 'lead' ? attribution.lead : attribution.responsible, span, role, ctx);
      }
      continue;
    }
    if (toks[from]!.tokenType === T.Together) {
      // `X牵头,会同Y`: Y takes part.
      pushUnits(attribution.responsible, trimSpan(ctx.text, end(toks[from]!), end(last)), 'responsible', ctx);
      continue;
    }
    const ownBy = indexOfType(toks, T.By, segmentFrom, to);
    if ((waiting || ownBy >= 0) && !hasType(toks, BY_VERBS, segmentFrom, to)) {
      pendingFrom = from;
      continue;
    }
    const byAt = waiting ? indexOfType(toks, T.By, from, to) : ownBy;
    if (byAt >= 0) {
      // `此项工作由X牵头负责` where text precedes `由`.
      let verbAt = byAt + 1;
      while (verbAt < to && !BY_VERBS.has(toks[verbAt]!.tokenType)) verbAt++;
      if (verbAt < to) {
        const together = indexOfType(toks, T.Together, byAt + 1, verbAt);
        const leadTo = together >= 0 ? toks[together]!.startOffset : toks[verbAt]!.startOffset;
        pushUnits(attribution.lead, trimSpan(ctx.text, end(toks[byAt]!), leadTo), 'lead', ctx);
        if (together >= 0) pushUnits(attribution.responsible, trimSpan(ctx.text, end(toks[together]!), toks[verbAt]!.startOffset), 'responsible', ctx);
        continue;
      }
    }
    const span = trimSpan(ctx.text, toks[from]!.startOffset, end(last));
    pushDeadlines(attribution.deadlines, span, ctx, 'field');
  }
}

function indexOfType(toks: IToken[], type: IToken['tokenType'], from: number, to: number): number {
  for (let i = from; i < to; i++) if (toks[i]!.tokenType === type) return i;
  return -1;
}

function hasType(toks: IToken[], types: Set<IToken['tokenType']>, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (types.has(toks[i]!.tokenType)) return true;
  return false;
}

/** A person named by office (`王纲市长`, `张明副局长`): persons lead meetings, never tasks' units. */
const PERSON_END = /(?:市长|市長|县长|縣長|区长|區長|镇长|鎮長|乡长|鄉長|书记|書記|主任|局长|局長|厅长|廳長|部长|部長|秘书长|秘書長|处长|處長|科长|科長|同志)$/;

const LEADING_FILLER = /^(?:(?:此|该|本|這|該)项(?:工作|任务|任務)?|(?:此|该)(?:工作|任务))?(?:由|會同|会同)?/;
/** The characters `LEADING_FILLER` can start with: a piece starting otherwise has no filler. */
const FILLER_FIRST = new Set([...'此该本這該由會会'].map((c) => c.charCodeAt(0)));
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
      const width = ch === ENUM_COMMA || ch === COMMA || ch === COMMA_FULL || ch === AND ? 1 : ch === WITH && i + 1 < span.end && text.charCodeAt(i + 1) === AND ? 2 : 0;
      // `市、县（市、区）审管办`: a lone level (`市`, `县`) before `、` is part of the name after it.
      if (width === 1 && ch === ENUM_COMMA && i - pieceStart === 1 && ADMIN_LEVELS.has(text.charCodeAt(pieceStart))) continue;
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

function pushPiece(out: ListBuffer<UnitMention>, from: number, to: number, role: UnitRole, ctx: UnitContext): void {
  const { text } = ctx;
  let s = from;
  let e = to;
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (e <= s) return;
  if (FILLER_FIRST.has(text.charCodeAt(s))) {
    const lead = LEADING_FILLER.exec(text.slice(s, e));
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
  if (e <= s) return;
  const raw = stripNoise(text.slice(s, e));
  if (raw.length === 0 || raw.length > 60 || PERSON_END.test(raw)) return;
  let name = raw;
  let key: string;
  const known = ctx.names?.get(raw);
  if (known !== undefined) {
    name = known.name;
    key = known.key;
  } else {
    key = unitKey(raw);
    ctx.names?.set(raw, { name: raw, key });
  }
  const unit = new PlacedUnit(name, key, role, { start: s, end: e }, ctx.lines);
  out.push(unit);
  ctx.units?.push(unit);
}

function pushDeadlines(out: Sink<Deadline>, span: { start: number; end: number }, ctx: AttributionContext, mode: 'field' | 'prose'): void {
  placeDeadlines(out, span.start, span.end, ctx, mode);
}

/**
 * The deadlines of [from, to) of the document, placed in it (their offsets moved by `from`), added to `out`.
 * Nothing is added when the reader fails, as `findDeadlines` then finds nothing.
 */
export function placeDeadlines(out: Sink<Deadline>, from: number, to: number, ctx: Pick<AttributionContext, 'text' | 'lines' | 'deadlines' | 'scratch'>, mode: 'field' | 'prose'): void {
  const found = ctx.scratch.found;
  found.clear();
  if (collectDeadlines(ctx.text.slice(from, to), ctx.deadlines, mode, found)) {
    for (let k = 0; k < found.length; k++) {
      const d = found.items[k]!;
      out.push(new PlacedDeadline(d.value, { start: from + d.start, end: from + d.end }, ctx.lines));
    }
  }
  found.clear();
}

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

function hasKey(units: ListBuffer<UnitMention>, key: string): boolean {
  for (let i = 0; i < units.length; i++) if (units.items[i]!.key === key) return true;
  return false;
}

function problem(ctx: AttributionContext, kind: AttributionProblem['kind'], detail: string, span: Span): AttributionProblem {
  return new PlacedProblem(kind, detail, span, ctx.lines);
}

/** The punctuation an attribution [from, to) was written with, so an inserted template matches it. */
function punctuationOf(toks: IToken[], from: number, to: number, open: string, close: string): Attribution['punctuation'] {
  const colonAt = indexOfType(toks, T.Colon, from, to);
  const colon = colonAt >= 0 ? toks[colonAt]!.image : '：';
  const semicolonAt = indexOfType(toks, T.Semicolon, from, to);
  const separator = semicolonAt >= 0 ? toks[semicolonAt]!.image : colon === ':' ? ';' : '；';
  return { colon, separator, open, close };
}
