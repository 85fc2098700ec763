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
}

const LEAD_VERBS = new Set([T.LeadVerb, T.ChargeVerb, T.JointLead]);
const JOIN_VERBS = new Set([T.JoinVerb, T.ByDivision]);
/** Verbs that make the units after `由` leads: `由X负责`, `由X、Y分别负责`, `由X按职责分工负责`. */
const BY_VERBS = new Set([...LEAD_VERBS, T.ByDivision]);
type TokenType = IToken['tokenType'];
// Comparisons rather than Set lookups: these run once per token.
const isOpener = (type: TokenType): boolean => type === T.LBracket || type === T.LParen;
const isCloser = (type: TokenType): boolean => type === T.RBracket || type === T.RParen;
const isField = (type: TokenType): boolean => type === T.LeadField || type === T.ResponsibleField || type === T.DeadlineField;
const isKeyword = (t: IToken) => isField(t.tokenType) || LEAD_VERBS.has(t.tokenType) || JOIN_VERBS.has(t.tokenType);
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
  const byIndex = indexOfType(toks, T.By, from, to);
  let leadEnd = -1;
  if (byIndex >= 0) {
    // `由 … 负责`: the verb may come after commas (`由A,B等部门共同负责`), never after another keyword.
    for (let i = byIndex + 1; i < to; i++) {
      const type = toks[i]!.tokenType;
      if (BY_VERBS.has(type)) {
        if (segmentEndsAt(toks, i, to)) leadEnd = i;
        break;
      }
      if (isKeyword(toks[i]!) || type === T.By) break;
    }
  } else {
    const first = indexOfType(toks, T.Comma, from, to);
    const last = first < 0 ? to - 1 : first - 1;
    const verb = last >= from ? toks[last] : undefined;
    if (verb && (verb.tokenType === T.LeadVerb || verb.tokenType === T.JointLead) && last > from) leadEnd = last;
  }
  if (leadEnd < 0) return null;
  const start = byIndex >= 0 && byIndex < leadEnd ? byIndex : from;
  const span = { start: toks[start]!.startOffset, end: end(toks[to - 1]!) };
  return readContent(toks, start, to, 'sentence', span, ctx);
}

/** Does the segment end right after `i` (within a run ending at `to`)? */
function segmentEndsAt(toks: IToken[], i: number, to: number): boolean {
  const next = i + 1 < to ? toks[i + 1] : undefined;
  return next === undefined || next.tokenType === T.Comma || next.tokenType === T.SentenceEnd || next.tokenType === T.Semicolon;
}

/** The lists of one attribution while it is read. */
interface Lists {
  lead: ListBuffer<UnitMention>;
  responsible: ListBuffer<UnitMention>;
  deadlines: ListBuffer<Deadline>;
  problems: ListBuffer<AttributionProblem>;
}

/** The lists being read, one set for every attribution: reading never re-enters `readContent`. */
const READING: Lists = { lead: new ListBuffer(), responsible: new ListBuffer(), deadlines: new ListBuffer(), problems: new ListBuffer() };

/**
 * Reads the content [from, to) of one attribution: parts split at `;` are fields (`牵头单位:…`) or verb
 * segments split at `,` (`X牵头` `Y参加` `由X负责` `2021年底前`).
 */
function readContent(toks: IToken[], from: number, to: number, style: AttributionStyle, span: Span, ctx: AttributionContext): PlacedAttribution {
  const lists = READING;
  lists.lead.clear();
  lists.responsible.clear();
  lists.deadlines.clear();
  lists.problems.clear();
  // Parts split at `;` outside nested brackets (unit names hold parentheses: `各区县(市)人民政府`).
  let partFrom = from;
  let depth = 0;
  for (let i = from; i <= to; i++) {
    if (i < to) {
      const type = toks[i]!.tokenType;
      if (isOpener(type)) depth++;
      else if (isCloser(type) && depth > 0) depth--;
      if (depth !== 0 || type !== T.Semicolon) continue;
    }
    if (i > partFrom) {
      if (isField(toks[partFrom]!.tokenType)) readField(toks, partFrom, i, lists, ctx);
      else readVerbSegments(toks, partFrom, i, lists, ctx);
    }
    partFrom = i + 1;
  }
  markLeadAlsoResponsible(lists, ctx);
  const lead = lists.lead.take();
  const responsible = lists.responsible.take();
  const deadlines = lists.deadlines.take();
  return new PlacedAttribution(style, lead, responsible, deadlines, lists.problems.take(), span, ctx.lines);
}

/** `牵头单位:A、B` / `完成时限:2021年底前`, the field [from, to). */
function readField(toks: IToken[], from: number, to: number, attribution: Lists, ctx: AttributionContext): void {
  const head = toks[from]!;
  let valueStart = from + 1;
  if (from + 1 < to && toks[from + 1]!.tokenType === T.Colon) valueStart = from + 2;
  const hasValue = valueStart < to;
  const valueFrom = hasValue ? toks[valueStart]!.startOffset : end(toks[valueStart - 1]!);
  const valueTo = hasValue ? end(toks[to - 1]!) : valueFrom;
  const span = trimSpan(ctx.text, valueFrom, valueTo);
  if (span.start >= span.end) {
    attribution.problems.push(problem(ctx, 'empty-field', head.image, { start: head.startOffset, end: end(toks[valueStart - 1]!) }));
    return;
  }
  if (head.tokenType === T.DeadlineField) {
    pushDeadlines(attribution.deadlines, span, ctx, 'field');
    return;
  }
  const role: UnitRole = head.tokenType === T.LeadField ? 'lead' : 'responsible';
  const count = pushUnits(role === 'lead' ? attribution.lead : attribution.responsible, span, role, ctx);
  if (count === 0) {
    attribution.problems.push(problem(ctx, 'empty-field', head.image, { start: head.startOffset, end: valueTo }));
  }
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
    if (LEAD_VERBS.has(last.tokenType) || JOIN_VERBS.has(last.tokenType)) {
      const first = toks[from]!;
      const by = first.tokenType === T.By;
      const unitsFrom = by ? end(first) : first.startOffset;
      const role: UnitRole = (by ? BY_VERBS : LEAD_VERBS).has(last.tokenType) ? 'lead' : 'responsible';
      pushUnits(role === 'lead' ? attribution.lead : attribution.responsible, trimSpan(ctx.text, unitsFrom, last.startOffset), role, ctx);
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
        pushUnits(attribution.lead, trimSpan(ctx.text, end(toks[byAt]!), toks[verbAt]!.startOffset), 'lead', ctx);
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

const LEADING_FILLER = /^(?:(?:此|该|本|這|該)项(?:工作|任务|任務)?|(?:此|该)(?:工作|任务))?(?:由|會同|会同)?/;
/** The characters `LEADING_FILLER` can start with: a piece starting otherwise has no filler. */
const FILLER_FIRST = new Set([...'此该本這該由會会'].map((c) => c.charCodeAt(0)));
/** What may follow the `等` that ends a unit list (`A、B等` `C等有关部门`): the piece's end is cut from that `等`. */
const ETC_TAILS = new Set(['', '有关', '相关'].flatMap((a) => ['', '部门', '单位', '單位', '部門'].map((b) => a + b)));
const ETC = '等'.charCodeAt(0);

/** Splits `A、B及C等部门` into unit mentions with exact spans (nested parentheses kept inside names), in a list of its exact size. */
export function unitsIn(span: { start: number; end: number }, role: UnitRole, ctx: Pick<AttributionContext, 'text' | 'lines' | 'names' | 'units'>): UnitMention[] {
  const units = UNITS_READ;
  units.clear();
  pushUnits(units, span, role, ctx);
  return units.take();
}

/** The list `unitsIn` fills before copying it out. */
const UNITS_READ = new ListBuffer<UnitMention>();

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
function pushUnits(out: ListBuffer<UnitMention>, span: { start: number; end: number }, role: UnitRole, ctx: Pick<AttributionContext, 'text' | 'lines' | 'names' | 'units'>): number {
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

function pushPiece(out: ListBuffer<UnitMention>, from: number, to: number, role: UnitRole, ctx: Pick<AttributionContext, 'text' | 'lines' | 'names' | 'units'>): void {
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
  if (raw.length === 0 || raw.length > 60) return;
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

/** What `collectDeadlines` finds, before it is placed (one buffer for every reading). */
const FOUND = new ListBuffer<FoundDeadline>();

/**
 * The deadlines of [from, to) of the document, placed in it (their offsets moved by `from`), added to `out`.
 * Nothing is added when the reader fails, as `findDeadlines` then finds nothing.
 */
export function placeDeadlines(out: Sink<Deadline>, from: number, to: number, ctx: Pick<AttributionContext, 'text' | 'lines' | 'deadlines'>, mode: 'field' | 'prose'): void {
  const found = FOUND;
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
