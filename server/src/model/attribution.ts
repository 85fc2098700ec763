// Reads who leads, who takes part and by when from a run of tokens: bracket, parenthesis, sentence and field styles.
import { tokens as T, type IToken } from '../../../grammar/index.js';
import { findDeadlines, type DeadlineContext } from './deadline.js';
import { stripNoise, trimSpan, unitKey } from './text.js';
import type {
  Attribution,
  AttributionProblem,
  AttributionStyle,
  Deadline,
  LineMap,
  Span,
  UnitMention,
  UnitRole,
} from './types.js';

/** What attribution reading needs besides the tokens. */
export interface AttributionContext {
  text: string;
  lines: LineMap;
  deadlines: DeadlineContext;
}

const LEAD_VERBS = new Set([T.LeadVerb, T.ChargeVerb, T.JointLead]);
const JOIN_VERBS = new Set([T.JoinVerb, T.ByDivision]);
/** Verbs that make the units after `由` leads: `由X负责`, `由X、Y分别负责`, `由X按职责分工负责`. */
const BY_VERBS = new Set([...LEAD_VERBS, T.ByDivision]);
const FIELDS = new Set([T.LeadField, T.ResponsibleField, T.DeadlineField]);
const OPENERS = new Set([T.LBracket, T.LParen]);
const CLOSERS = new Set([T.RBracket, T.RParen]);
const isKeyword = (t: IToken) => FIELDS.has(t.tokenType) || LEAD_VERBS.has(t.tokenType) || JOIN_VERBS.has(t.tokenType);
const end = (t: IToken) => t.startOffset + t.image.length;

/**
 * Finds every attribution in `toks` (one section's own paragraphs, marker excluded).
 * Returns them with the spans they occupy, so that titles and prose deadlines can skip them.
 */
export function readAttributions(toks: IToken[], ctx: AttributionContext): Attribution[] {
  const found: Attribution[] = [];
  let cursor = 0;
  for (const group of topLevelGroups(toks)) {
    const inner = toks.slice(group.open + 1, group.close ?? group.lineEnd);
    // Only a group that holds attribution keywords is an attribution; `(市编办)` stays part of the clause.
    if (!inner.some(isKeyword)) continue;
    readClauses(toks.slice(cursor, group.open), ctx, found);
    const openTok = toks[group.open]!;
    const closeTok = group.close !== null ? toks[group.close]! : null;
    const style: AttributionStyle = openTok.tokenType === T.LBracket ? 'bracket' : 'paren';
    const spanEnd = closeTok ? end(closeTok) : end(inner[inner.length - 1] ?? openTok);
    const attribution = readContent(inner, style, { start: openTok.startOffset, end: spanEnd }, ctx);
    attribution.punctuation = punctuationOf(inner, openTok.image, closeTok?.image ?? '');
    if (closeTok === null) {
      attribution.problems.push(problem(ctx, 'unclosed-bracket', openTok.image, { start: openTok.startOffset, end: end(openTok) }));
    }
    found.push(attribution);
    cursor = (group.close ?? group.lineEnd - 1) + 1;
  }
  readClauses(toks.slice(cursor), ctx, found);
  return found;
}

interface Group {
  open: number;
  close: number | null;
  /** Index after the last token of the opener's line, used when the group never closes. */
  lineEnd: number;
}

/** Matches brackets with a stack (linear, any depth); returns the outermost groups. */
function topLevelGroups(toks: IToken[]): Group[] {
  const groups: Group[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < toks.length; i++) {
    const type = toks[i]!.tokenType;
    if (OPENERS.has(type)) {
      if (depth === 0) open = i;
      depth++;
    } else if (CLOSERS.has(type) && depth > 0) {
      depth--;
      if (depth === 0) groups.push({ open, close: i, lineEnd: i + 1 });
    } else if (type === T.Newline && depth > 0) {
      groups.push({ open, close: null, lineEnd: i });
      depth = 0;
    }
  }
  if (depth > 0) groups.push({ open, close: null, lineEnd: toks.length });
  return groups;
}

/** Splits tokens outside groups into clauses (`。` `；` line ends) and reads field and sentence styles. */
function readClauses(toks: IToken[], ctx: AttributionContext, out: Attribution[]): void {
  let start = 0;
  let fieldRun: IToken[] = [];
  const flushFields = () => {
    if (fieldRun.length > 0) {
      const span = { start: fieldRun[0]!.startOffset, end: end(fieldRun[fieldRun.length - 1]!) };
      const attribution = readContent(fieldRun, 'field', span, ctx);
      attribution.punctuation = punctuationOf(fieldRun, '', '');
      out.push(attribution);
      fieldRun = [];
    }
  };
  for (let i = 0; i <= toks.length; i++) {
    const tok = toks[i];
    const boundary = tok === undefined || tok.tokenType === T.SentenceEnd || tok.tokenType === T.Semicolon || tok.tokenType === T.Newline;
    if (!boundary) continue;
    const clause = toks.slice(start, i);
    if (clause.length > 0 && FIELDS.has(clause[0]!.tokenType) && clause[1]?.tokenType === T.Colon) {
      if (fieldRun.length > 0) fieldRun.push(toks[start - 1]!); // the `;` between two fields
      fieldRun.push(...clause);
    } else {
      flushFields();
      const sentence = readSentence(clause, ctx);
      if (sentence !== null) out.push(sentence);
    }
    if (tok?.tokenType !== T.Semicolon) flushFields();
    start = i + 1;
  }
  flushFields();
}

/** `此项工作由X牵头负责,Y参加` / `X牵头,Y按职责分工负责`: a clause whose first segment ends with a lead verb. */
function readSentence(clause: IToken[], ctx: AttributionContext): Attribution | null {
  const byIndex = clause.findIndex((t) => t.tokenType === T.By);
  let leadEnd = -1;
  if (byIndex >= 0) {
    // `由 … 负责`: the verb may come after commas (`由A,B等部门共同负责`), never after another keyword.
    for (let i = byIndex + 1; i < clause.length; i++) {
      const type = clause[i]!.tokenType;
      if (BY_VERBS.has(type)) {
        if (segmentEndsAt(clause, i)) leadEnd = i;
        break;
      }
      if (isKeyword(clause[i]!) || type === T.By) break;
    }
  } else {
    const first = clause.findIndex((t) => t.tokenType === T.Comma);
    const last = first < 0 ? clause.length - 1 : first - 1;
    const verb = clause[last];
    if (verb && (verb.tokenType === T.LeadVerb || verb.tokenType === T.JointLead) && last > 0) leadEnd = last;
  }
  if (leadEnd < 0) return null;
  const from = byIndex >= 0 && byIndex < leadEnd ? byIndex : 0;
  const span = { start: clause[from]!.startOffset, end: end(clause[clause.length - 1]!) };
  return readContent(clause.slice(from), 'sentence', span, ctx);
}

function segmentEndsAt(toks: IToken[], i: number): boolean {
  const next = toks[i + 1];
  return next === undefined || next.tokenType === T.Comma || next.tokenType === T.SentenceEnd || next.tokenType === T.Semicolon;
}

/**
 * Reads the content of one attribution: parts split at `;` are fields (`牵头单位:…`) or verb
 * segments split at `,` (`X牵头` `Y参加` `由X负责` `2021年底前`).
 */
function readContent(toks: IToken[], style: AttributionStyle, span: Span, ctx: AttributionContext): Attribution {
  const attribution: Attribution = {
    style,
    span,
    range: ctx.lines.rangeOf(span),
    lead: [],
    responsible: [],
    deadlines: [],
    problems: [],
    punctuation: null,
  };
  for (const { from, to } of splitTop(toks, (t) => t.tokenType === T.Semicolon)) {
    const part = toks.slice(from, to);
    if (part.length === 0) continue;
    const head = part[0]!;
    if (FIELDS.has(head.tokenType)) {
      readField(part, attribution, ctx);
      continue;
    }
    readVerbSegments(part, attribution, ctx);
  }
  markLeadAlsoResponsible(attribution, ctx);
  return attribution;
}

/** `牵头单位:A、B` / `完成时限:2021年底前`. */
function readField(part: IToken[], attribution: Attribution, ctx: AttributionContext): void {
  const head = part[0]!;
  let valueStart = 1;
  if (part[1]?.tokenType === T.Colon) valueStart = 2;
  const value = part.slice(valueStart);
  const from = value.length > 0 ? value[0]!.startOffset : end(part[valueStart - 1]!);
  const to = value.length > 0 ? end(value[value.length - 1]!) : from;
  const span = trimSpan(ctx.text, from, to);
  if (span.start >= span.end) {
    attribution.problems.push(problem(ctx, 'empty-field', head.image, { start: head.startOffset, end: end(part[valueStart - 1]!) }));
    return;
  }
  if (head.tokenType === T.DeadlineField) {
    attribution.deadlines.push(...deadlinesIn(span, ctx, 'field'));
    return;
  }
  const role: UnitRole = head.tokenType === T.LeadField ? 'lead' : 'responsible';
  const units = unitsIn(span, role, ctx);
  if (units.length === 0) {
    attribution.problems.push(problem(ctx, 'empty-field', head.image, { start: head.startOffset, end: to }));
  }
  (role === 'lead' ? attribution.lead : attribution.responsible).push(...units);
}

/** Verb style: `由X牵头负责` `X牵头` `Y参加` `Y按职责分工负责` and a bare deadline segment. */
function readVerbSegments(part: IToken[], attribution: Attribution, ctx: AttributionContext): void {
  // `由A,B,` waits for its verb in a later segment: `pendingFrom` is where it starts. The wait is known from the
  // new segment alone (the pending run holds `由` and no lead verb), so a long run is not re-read each time.
  let pendingFrom = -1;
  for (const segment of splitTop(part, (t) => t.tokenType === T.Comma)) {
    const from = pendingFrom >= 0 ? pendingFrom : segment.from;
    const to = segment.to;
    const waiting = pendingFrom >= 0;
    pendingFrom = -1;
    if (to <= from) continue;
    const last = part[to - 1]!;
    if (LEAD_VERBS.has(last.tokenType) || JOIN_VERBS.has(last.tokenType)) {
      const first = part[from]!;
      const by = first.tokenType === T.By;
      const unitsFrom = by ? end(first) : first.startOffset;
      const role: UnitRole = (by ? BY_VERBS : LEAD_VERBS).has(last.tokenType) ? 'lead' : 'responsible';
      const units = unitsIn(trimSpan(ctx.text, unitsFrom, last.startOffset), role, ctx);
      (role === 'lead' ? attribution.lead : attribution.responsible).push(...units);
      continue;
    }
    const ownBy = indexOfType(part, T.By, segment.from, to);
    if ((waiting || ownBy >= 0) && !hasType(part, BY_VERBS, segment.from, to)) {
      pendingFrom = from;
      continue;
    }
    const byAt = waiting ? indexOfType(part, T.By, from, to) : ownBy;
    if (byAt >= 0) {
      // `此项工作由X牵头负责` where text precedes `由`.
      let verbAt = byAt + 1;
      while (verbAt < to && !BY_VERBS.has(part[verbAt]!.tokenType)) verbAt++;
      if (verbAt < to) {
        const units = unitsIn(trimSpan(ctx.text, end(part[byAt]!), part[verbAt]!.startOffset), 'lead', ctx);
        attribution.lead.push(...units);
        continue;
      }
    }
    const span = trimSpan(ctx.text, part[from]!.startOffset, end(last));
    attribution.deadlines.push(...deadlinesIn(span, ctx, 'field'));
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

/** A run `[from, to)` of a token list, between separators. */
interface Segment {
  from: number;
  to: number;
}

/** Splits at separators outside nested brackets (unit names hold parentheses: `各区县(市)人民政府`). */
function splitTop(toks: IToken[], isSeparator: (t: IToken) => boolean): Segment[] {
  const parts: Segment[] = [];
  let from = 0;
  let depth = 0;
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i]!;
    if (OPENERS.has(tok.tokenType)) depth++;
    else if (CLOSERS.has(tok.tokenType) && depth > 0) depth--;
    if (depth === 0 && isSeparator(tok)) {
      parts.push({ from, to: i });
      from = i + 1;
    }
  }
  parts.push({ from, to: toks.length });
  return parts;
}

const TRAILING_ETC = /(?:等(?:有关|相关)?(?:部门|单位|單位|部門)?)$/;
const LEADING_FILLER = /^(?:(?:此|该|本|這|該)项(?:工作|任务|任務)?|(?:此|该)(?:工作|任务))?(?:由|會同|会同)?/;

/** Splits `A、B及C等部门` into unit mentions with exact spans (nested parentheses kept inside names). */
export function unitsIn(span: { start: number; end: number }, role: UnitRole, ctx: Pick<AttributionContext, 'text' | 'lines'>): UnitMention[] {
  const { text } = ctx;
  const units: UnitMention[] = [];
  const slice = text.slice(span.start, span.end);
  let depth = 0;
  let pieceStart = 0;
  const pieces: [number, number][] = [];
  for (let i = 0; i < slice.length; i++) {
    const ch = slice[i]!;
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
    else if (depth === 0) {
      const width = ch === '、' || ch === ',' || ch === '，' || ch === '及' ? 1 : ch === '以' && slice[i + 1] === '及' ? 2 : 0;
      if (width > 0) {
        pieces.push([pieceStart, i]);
        pieceStart = i + width;
        i = pieceStart - 1;
      }
    }
  }
  pieces.push([pieceStart, slice.length]);
  for (const [a, b] of pieces) {
    let s = span.start + a;
    let e = span.start + b;
    ({ start: s, end: e } = trimSpan(text, s, e));
    const lead = LEADING_FILLER.exec(text.slice(s, e));
    if (lead !== null) s += lead[0].length;
    const etc = TRAILING_ETC.exec(text.slice(s, e));
    if (etc !== null && etc[0].length > 0) e -= etc[0].length;
    ({ start: s, end: e } = trimSpan(text, s, e));
    if (e <= s) continue;
    const name = stripNoise(text.slice(s, e));
    if (name.length === 0 || name.length > 60) continue;
    const unitSpan = { start: s, end: e };
    units.push({ name, key: unitKey(name), role, span: unitSpan, range: ctx.lines.rangeOf(unitSpan) });
  }
  return units;
}

function deadlinesIn(span: { start: number; end: number }, ctx: AttributionContext, mode: 'field' | 'prose'): Deadline[] {
  return findDeadlines(ctx.text.slice(span.start, span.end), ctx.deadlines, mode).map((d) => {
    const s = { start: span.start + d.start, end: span.start + d.end };
    return { ...d.value, span: s, range: ctx.lines.rangeOf(s) };
  });
}

/** Deadlines found in free task text (prose mode). */
export function proseDeadlines(span: { start: number; end: number }, ctx: AttributionContext): Deadline[] {
  return deadlinesIn(span, ctx, 'prose');
}

function markLeadAlsoResponsible(attribution: Attribution, ctx: AttributionContext): void {
  const leads = new Set(attribution.lead.map((u) => u.key));
  for (const unit of attribution.responsible) {
    if (leads.has(unit.key)) attribution.problems.push(problem(ctx, 'lead-also-responsible', unit.name, unit.span));
  }
}

function problem(ctx: AttributionContext, kind: AttributionProblem['kind'], detail: string, span: Span): AttributionProblem {
  return { kind, detail, span, range: ctx.lines.rangeOf(span) };
}

/** The punctuation an attribution was written with, so an inserted template matches it. */
function punctuationOf(toks: IToken[], open: string, close: string): Attribution['punctuation'] {
  const colon = toks.find((t) => t.tokenType === T.Colon)?.image ?? '：';
  const separator = toks.find((t) => t.tokenType === T.Semicolon)?.image ?? (colon === ':' ? ';' : '；');
  return { colon, separator, open, close };
}
