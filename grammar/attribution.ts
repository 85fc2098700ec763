// The syntax of attribution clauses — who leads (`牵头单位`), who takes part (`责任单位`) and by when (`完成时限`):
// where a paragraph writes them (a bracket `（牵头单位：X；完成时限：Z）`, labelled fields `牵头单位：X`, a sentence
// `由X牵头，Y配合`) and the parts each is made of. The model reads units, roles and deadlines from what this recognises
// (server/src/model/attribution.ts).
// Over 400 lines: the look-ahead that finds where a paragraph attributes its task and the parser of what each attribution
// is made of share one token window and its marks.
import { createToken, Lexer, type IOrAlt, type IToken, type TokenType } from 'chevrotain';
import { CLOSER, FIELD, is, isGroupKeyword, KEYWORD, OPENER, ROLE_VERB } from './categories.js';
import {
  allTokens,
  By,
  ByDivision,
  ChargeVerb,
  Closer,
  Colon,
  Comma,
  DeadlineField,
  FieldName,
  holdsColon,
  Inline,
  JointLead,
  LeadField,
  LeadVerb,
  Newline,
  Opener,
  Plain,
  RoleVerb,
  Semicolon,
  SentenceEnd,
  Text,
  Together,
} from './tokens.js';
import { markOf, PAST, SUB_PARSER_CONFIG, WindowParser } from './window.js';
import { closesLater } from './wrap.js';

/** An attribution a paragraph holds, by token indexes into the vector read (`to` exclusive). */
export type AttributionSyntax =
  /**
   * `（牵头单位：X；…）` `[X牵头]`: a group holding a field name, a role verb or `会同`; its content [from, to), `close` -1
   * when the paragraph ends first, and then `closesLater` when a closer that may be its own stands in the lines after
   * the paragraph (past a blank line, or further than a hard wrap reaches): whether it is left open is uncertain.
   */
  | { kind: 'group'; open: number; close: number; from: number; to: number; parts: AttributionPart[]; closesLater: boolean }
  /** `牵头单位：X；责任单位：Y`: labelled fields, a run of them joined by `；`. */
  | { kind: 'fields'; from: number; to: number; parts: AttributionPart[] }
  /** `此项工作由X牵头，Y参加` `X负责`: a sentence whose first segment names the lead; `from` is its `由`, else its start. */
  | { kind: 'sentence'; from: number; to: number; parts: AttributionPart[] }
  /**
   * `由X会同Y研究提出…`, `X会同Y编制规划…`: `会同` with no role verb (X leads); `by` is the `由` (-1 when none) and the
   * units X start at `from`.
   */
  | { kind: 'together'; by: number; from: number; together: number; to: number };

/** A part of one attribution, in text order. */
export type AttributionPart =
  /** `牵头单位：X、Y` `完成时限：2024年底前`: the field name at `head`, its value [value, to). */
  | { kind: 'field'; head: number; value: number; to: number; end: number }
  /** `X牵头` `由X负责` `会同Y参加` `X会同Y负责`: the units from `from` (a leading `由` or `会同` included) to the verb at `verb`; `together` is a `会同` between them, -1 when none. */
  | { kind: 'verb'; from: number; together: number; verb: number }
  /** `会同Y` after a segment that names the lead: Y, [from + 1, to), takes part. */
  | { kind: 'with'; from: number; to: number }
  /** `此项工作由X牵头负责`: words, then `由` at `by`, the units, an optional `会同` and a verb that gives a lead. */
  | { kind: 'by'; by: number; together: number; verb: number }
  /** Any other segment [from, to): a deadline (`2024年6月底前`), or nothing. */
  | { kind: 'other'; from: number; to: number };

/** How far `由` may stand from its verb: a list of a few units (`由市发展改革委、市财政局等部门共同负责`). */
export const MAX_BY_UNITS = 60;
/** How a unit's name ends (`市司法局`, `各区县政府`, `市政府办公室`, `各乡镇`, `国网供电公司`, `区人武部`…). */
export const UNIT_END = /(?:局|委|办|辦|厅|廳|部|府|院|会|會|处|處|室|中心|队|隊|站|所|街道|乡镇|鄉鎮|镇|鎮|乡|鄉|社区|社區|集团|集團|公司|单位|單位|部门|部門|组|組|署|馆|館|台|校|团|團|联|聯|行|司|社)[)）]?$/;

const end = (t: IToken): number => t.startOffset + t.image.length;

/** A verb that gives the units before it the lead, after `由` or as a sentence's first segment: `牵头` `负责` `共同负责` `按职责分工负责`. */
export function leadsAfterBy(t: IToken): boolean {
  const type = t.tokenType;
  return type === LeadVerb || type === ChargeVerb || type === JointLead || type === ByDivision;
}

/** A verb that gives a lead (`leadsAfterBy`), or `会同`: what every sentence and `会同` clause holds. */
const leadsOrJoins = (t: IToken): boolean => leadsAfterBy(t) || t.tokenType === Together;

/** How many characters of words may follow a verb before its segment ends: `牵头落实`, `牵头卖力`, `负责落实`. */
const VERB_TAIL = 4;

/**
 * The verb that ends the tokens [from, to) of `toks` when `isVerb` says it is one: the last token, or a verb followed by
 * a few characters of what is done (`牵头落实`, `牵头卖力`, `负责落实`: two for `负责`, whose longer tails are sentences of
 * their own). -1 when there is none.
 */
function verbAtEnd(toks: readonly IToken[], from: number, to: number, isVerb: (t: IToken) => boolean): number {
  let last = to - 1;
  // A hard wrap after the verb (`市商务局牵头` / `，…`) is layout.
  while (last >= from && toks[last]!.tokenType === Newline) last--;
  // A count of the tasks after it (`市交通运输局牵头（2项）`, a heading over them) is no part of the segment.
  if (last - from >= 3 && is(toks[last]!, CLOSER) && is(toks[last - 2]!, OPENER) && COUNT.test(toks[last - 1]!.image)) last -= 3;
  if (last < from) return -1;
  if (isVerb(toks[last]!)) return last;
  const verb = last - 1;
  if (verb >= from && isVerb(toks[verb]!) && toks[last]!.tokenType === Text) {
    const tail = toks[last]!.image.trim();
    const max = toks[verb]!.tokenType === ChargeVerb ? 2 : VERB_TAIL;
    if (tail.length <= max && /^[\u4e00-\u9fff]+$/.test(tail)) return verb;
  }
  return verbAfterName(toks, from, to, isVerb);
}

/** What a bracket of a task count holds: `2项`, `共3项`, `5条任务`. */
const COUNT_WORDS = '共?[0-9０-９一二三四五六七八九十]{1,3}(?:项|項|条|條|个|個)(?:任务|任務|工作)?';
const COUNT = new RegExp(`^${COUNT_WORDS}$`);
/** The same count in its brackets at the end of a text (`市水务局（1项）`): what the model cuts from a name. */
export const TASK_COUNT_END = new RegExp(`[(（]${COUNT_WORDS}[)）]$`);

/** Work that `负责` names right after it when the units before it lead (`县委宣传部负责组织开展…`; `负责同志` is a person). */
const CHARGED_WORK = /^(?:组织|組織|开展|開展|推进|推進|落实|落實|抓好|做好|实施|實施|制定|编制|編制|建立|完善|统筹|統籌|指导|指導|协调|協調|督促|监督|監督)/;

/**
 * The first role verb of [from, to) when it follows a unit's name and the work it leads follows it (`市司法局牵头开展专项清理`,
 * `县委宣传部负责组织开展宣传`), the rest holding no other keyword or bracket; -1 otherwise.
 */
function verbAfterName(toks: readonly IToken[], from: number, to: number, isVerb: (t: IToken) => boolean): number {
  let v = from + 1;
  while (v < to && !is(toks[v]!, ROLE_VERB | KEYWORD | OPENER)) v++;
  if (v + 1 >= to || !is(toks[v]!, ROLE_VERB) || !isVerb(toks[v]!)) return -1;
  const verb = toks[v]!;
  const before = toks[v - 1]!;
  const next = toks[v + 1]!;
  if (verb.tokenType !== LeadVerb && verb.tokenType !== ChargeVerb) return -1;
  if (before.tokenType !== Text || end(before) !== verb.startOffset || !UNIT_END.test(before.image)) return -1;
  if (next.tokenType !== Text || next.startOffset !== end(verb)) return -1;
  if (verb.tokenType === ChargeVerb && !CHARGED_WORK.test(next.image)) return -1;
  // Work told as done (`市司法局牵头组织开展了…评查`, a report's narrative) names no lead.
  for (let i = v + 1; i < to; i++) if (is(toks[i]!, KEYWORD | OPENER) || toks[i]!.image.includes('了')) return -1;
  return v;
}

/** Characters after `由` that make it a word, not `by`: `由于` (because), `由此`, `由来`, `由衷`. */
const NOT_BY = new Set([...'于於此来來衷浅淺表'].map((c) => c.charCodeAt(0)));

/** Does the `由` at `i` mean `by`? Not when the character after it makes a word (`由于`, `由此`): the next token's first, when nothing stands between them. */
function meansBy(toks: readonly IToken[], i: number): boolean {
  const next = toks[i + 1];
  return next === undefined || next.startOffset !== end(toks[i]!) || !NOT_BY.has(next.image.charCodeAt(0));
}

/** `；` and `。` (`！` `？`): they end a clause, and a part of an attribution. */
const isClauseEnd = (t: IToken): boolean => t.tokenType === Semicolon || t.tokenType === SentenceEnd;
/** Separators a part cut before a glued field name leaves behind it: `，` `、`, spaces. */
const isTrailingSeparator = (t: IToken): boolean => t.tokenType === Comma || /^[\s、]*$/.test(t.image);

// ---------------------------------------------------------------------------------------------
// Where a paragraph attributes its task.

/** An attribution found in a paragraph; its parts (`NO_PARTS` until then) are read by the parser. */
type Found = AttributionSyntax;

/** The parts of an attribution not read yet (frozen: shared until the parser gives each its own). */
const NO_PARTS = Object.freeze([]) as unknown as AttributionPart[];

/**
 * The attributions of the paragraph [from, to) of `toks`, in text order. The paragraph's outermost brackets that hold an
 * attribution keyword (a field name, a role verb, `会同`) are attributions; the text around them is cut into clauses at
 * `；` `。` and before a field name glued to the prose before it (`…工作牵头单位：X`). Clauses opening with a field name
 * and its colon, joined by `；`, make one attribution of fields; another clause is a sentence when it names the lead
 * (`sentenceAt`). Brackets are matched by counting their depth, never by recursion: linear at any depth.
 */
function findAttributions(toks: readonly IToken[], from: number, to: number): Found[] {
  const found: Found[] = [];
  let cursor = from;
  let depth = 0;
  let open = -1;
  let keyword = false;
  for (let i = from; i < to; i++) {
    const t = toks[i]!;
    if (is(t, OPENER)) {
      if (depth === 0) {
        open = i;
        keyword = false;
      }
      depth++;
    } else if (is(t, CLOSER) && depth > 0) {
      depth--;
      if (depth === 0 && keyword && !isLeadMark(toks, open, i)) {
        findClauses(toks, cursor, open, found);
        found.push({ kind: 'group', open, close: i, from: open + 1, to: i, parts: NO_PARTS, closesLater: false });
        cursor = i + 1;
      }
    } else if (depth > 0 && !keyword && isGroupKeyword(t)) keyword = true;
  }
  if (depth > 0 && keyword) {
    findClauses(toks, cursor, open, found);
    found.push({ kind: 'group', open, close: -1, from: open + 1, to, parts: NO_PARTS, closesLater: closesLater(toks, to, depth) });
    cursor = to;
  }
  findClauses(toks, cursor, to, found);
  return found;
}

/**
 * Is the group [open, close] a lead mark on the name it follows (`县工信局（牵头）`, `县人社局（牵头单位）`): `牵头` or a lead
 * field's name alone in brackets, glued to a name? It is part of a unit list, not an attribution of its own.
 */
export function isLeadMark(toks: readonly IToken[], open: number, close: number): boolean {
  if (close !== open + 2 || open === 0 || close >= toks.length || !is(toks[open]!, OPENER) || !is(toks[close]!, CLOSER)) return false;
  const inner = toks[open + 1]!.tokenType;
  const before = toks[open - 1]!;
  return (inner === LeadVerb || inner === LeadField) && before.tokenType === Text && before.startOffset + before.image.length === toks[open]!.startOffset;
}

/** Does a field clause start at `i` (a field name and its colon before `to`)? */
function fieldClauseAt(toks: readonly IToken[], i: number, to: number): boolean {
  return i < to && is(toks[i]!, FIELD) && (holdsColon(toks[i]!) || (i + 1 < to && toks[i + 1]!.tokenType === Colon));
}

/** Where the clause from `from` ends: at `；` `。`, at `to`, or (in prose) before a glued field name. */
function clauseEnd(toks: readonly IToken[], from: number, to: number, prose: boolean): number {
  for (let i = from; i < to; i++) {
    if (isClauseEnd(toks[i]!)) return i;
    if (prose && i > from && fieldClauseAt(toks, i, to)) return i;
  }
  return to;
}

/** The attributions among the clauses of [from, to), text outside the attribution groups. */
function findClauses(toks: readonly IToken[], from: number, to: number, found: Found[]): void {
  let at = from;
  while (at < to) {
    if (isClauseEnd(toks[at]!)) {
      at++;
      continue;
    }
    if (fieldClauseAt(toks, at, to)) {
      // A run of field clauses joined by `；`.
      let runTo = clauseEnd(toks, at, to, false);
      while (runTo < to && toks[runTo]!.tokenType === Semicolon && fieldClauseAt(toks, runTo + 1, to)) runTo = clauseEnd(toks, runTo + 1, to, false);
      found.push({ kind: 'fields', from: at, to: runTo, parts: NO_PARTS });
      at = runTo;
      continue;
    }
    const clauseTo = clauseEnd(toks, at, to, true);
    const sentence = sentenceAt(toks, at, clauseTo);
    if (sentence !== null) found.push(sentence);
    at = clauseTo;
  }
}

/**
 * The attribution a prose clause [from, to) is, or null. With a `由` meaning "by", the units after it run to a verb: a
 * lead verb near it that ends its segment or follows no comma makes a sentence (`由A,B等部门共同负责。`, not
 * `全部由政府收储,财政负责…`); another keyword, `由` or a sentence end stop the units, and a `会同` met on the way makes
 * `由X会同Y…`. Without, a lead verb ending the first segment after a unit's name does (`敢于负责` is prose).
 */
function sentenceAt(toks: readonly IToken[], from: number, to: number): Found | null {
  // Every way below ends at a verb that gives a lead or at `会同`: a clause with neither (most of a task's prose) is
  // none, known in one walk.
  if (!some(toks, leadsOrJoins, from, to)) return null;
  let by = from;
  while (by < to && !(toks[by]!.tokenType === By && meansBy(toks, by))) by++;
  if (by < to) {
    let together = -1;
    let comma = false;
    for (let i = by + 1; i < to; i++) {
      const t = toks[i]!;
      if (leadsAfterBy(t)) {
        const next = i + 1 < to ? toks[i + 1]! : undefined;
        const endsSegment = next === undefined || next.tokenType === Comma || isClauseEnd(next);
        if (t.startOffset - end(toks[by]!) <= MAX_BY_UNITS && (endsSegment || !comma)) return { kind: 'sentence', from: by, to, parts: NO_PARTS };
        break;
      }
      if (t.tokenType === Together && together < 0) together = i;
      if (t.tokenType === Comma) comma = true;
      if ((isGroupKeyword(t) && t.tokenType !== Together) || t.tokenType === By || t.tokenType === SentenceEnd) break;
    }
    return together < 0 ? null : { kind: 'together', by, from: by + 1, together, to };
  }
  let comma = from;
  while (comma < to && toks[comma]!.tokenType !== Comma) comma++;
  const verb = verbAtEnd(toks, from, comma, leadsAfterBy);
  // `负责` and `按职责分工` after anything but a unit's name are prose (`敢于负责`): a unit's name ends the run before them.
  const named = verb > from && (toks[verb]!.tokenType === LeadVerb || toks[verb]!.tokenType === JointLead || UNIT_END.test(toks[verb - 1]!.image));
  if (named) return { kind: 'sentence', from, to, parts: NO_PARTS };
  const together = unitsThenTogether(toks, from, comma);
  if (together >= 0) return { kind: 'together', by: -1, from, together, to };
  // `推出精品线路10条，市文旅局牵头，5月底前完成`: a later segment that is units and their verb, and nothing else, starts it;
  // so does one that is units and `会同` (`…，县水利局会同县发改局编制规划`).
  for (let at = comma + 1; at < to; at = comma + 1) {
    comma = at;
    while (comma < to && toks[comma]!.tokenType !== Comma) comma++;
    if (unitsThenVerb(toks, at, comma)) return { kind: 'sentence', from: at, to, parts: NO_PARTS };
    const joined = unitsThenTogether(toks, at, comma);
    if (joined >= 0) return { kind: 'together', by: -1, from: at, together: joined, to };
  }
  return null;
}

/** The `会同` of the segment [from, to) when units alone stand before it (`县水利局会同…`), else -1. */
function unitsThenTogether(toks: readonly IToken[], from: number, to: number): number {
  let together = from;
  while (together < to && toks[together]!.tokenType !== Together) together++;
  return together < to && together > from && namesUnits(toks, from, together) ? together : -1;
}

/**
 * Is the segment [from, to) names of units and the verb that makes them lead, nothing more (`市文旅局牵头`,
 * `县发改局、县财政局负责`, `县应急局牵头组织开展…`)? Its words open with a unit's name: a run of text before the verb that
 * ends like one, with `、` between names.
 */
export function unitsThenVerb(toks: readonly IToken[], from: number, to: number): boolean {
  let first = from;
  while (first < to && toks[first]!.tokenType === Newline) first++;
  const verb = verbAtEnd(toks, first, to, leadsAfterBy);
  return verb > first && UNIT_END.test(toks[verb - 1]!.image) && namesUnits(toks, first, verb);
}

/** Are the tokens [from, to) a list of units' names and nothing else (text and the brackets inside names)? */
function namesUnits(toks: readonly IToken[], from: number, to: number): boolean {
  let names = '';
  for (let i = from; i < to; i++) {
    const t = toks[i]!;
    if (t.tokenType !== Text && t.tokenType !== Newline && !is(t, OPENER | CLOSER)) return false;
    names += t.image;
  }
  if (names.length > MAX_BY_UNITS) return false;
  // Each name of the list (`、` inside brackets is no separator: `各县（市、区）人民政府`) ends like a unit's.
  return names
    .replace(/[(（][^()（）]*[)）]/g, '')
    .split('、')
    .every((name) => NAME_LIKE.test(name.trim()) && UNIT_END.test(name.trim()));
}

/** A unit's name in a list before its verb: a few words, no digit, none of the words of a sentence (`的` `须` `要` `了`). */
const NAME_LIKE = /^[^0-9０-９的须須要了把，,。]{3,16}$/;

// ---------------------------------------------------------------------------------------------
// What each attribution says.

/** Marks the window holds besides the tokens (they stand in no text): what opens each kind of attribution, and ends. */
export const GroupStart = createToken({ name: 'GroupStart', pattern: Lexer.NA });
export const FieldsStart = createToken({ name: 'FieldsStart', pattern: Lexer.NA });
export const SentenceStart = createToken({ name: 'SentenceStart', pattern: Lexer.NA });
export const TogetherStart = createToken({ name: 'TogetherStart', pattern: Lexer.NA });
/** The end of one part of an attribution (the separators a glued field name drops stand before it, outside the window). */
export const PartEnd = createToken({ name: 'PartEnd', pattern: Lexer.NA });
/** The end of an attribution's content. */
export const End = createToken({ name: 'End', pattern: Lexer.NA });
const STARTS = { group: markOf(GroupStart), fields: markOf(FieldsStart), sentence: markOf(SentenceStart), together: markOf(TogetherStart) };
const PART_END = markOf(PartEnd);
const END = markOf(End);

/** The vocabulary of the attribution parser: the plan's tokens, the categories they are read by, and the marks. */
const VOCABULARY: TokenType[] = [
  ...allTokens, Opener, Closer, FieldName, RoleVerb, Plain, GroupStart, FieldsStart, SentenceStart, TogetherStart, PartEnd, End,
];

/**
 * What each attribution of a paragraph is made of. The parser reads a window of the paragraph's tokens that holds
 * only its attributions, each announced by a mark of its kind and its parts ended by marks (`readParagraph` writes
 * it), so every choice is LL(1) and no rule looks ahead:
 *
 *   attributions := ( group | fields | sentence | together )*
 *   group     := GroupStart Opener content End Closer?   — `（牵头单位：X；责任单位：Y）` `[X牵头]`; unclosed when its paragraph ends first
 *   fields    := FieldsStart content End                 — `牵头单位：X；完成时限：Z`
 *   sentence  := SentenceStart content End               — `由X牵头，Y配合` `X负责`
 *   together  := TogetherStart By Inline*                — `由X会同Y研究提出…`
 *   content   := ( SentenceEnd | Semicolon | field | segments )*     — parts, cut at `；` `。`
 *   field     := FieldName Colon? Inline* PartEnd         — the value; in a unit field a role verb or `由` ends it, the rest unread
 *   segments  := ( Opener | Closer | Comma | Inline )+ PartEnd   — cut at the commas outside nested brackets: `X牵头`
 *                                                          `由X负责` `会同Y` `2024年底前`; `由X，Y` waits for its verb in the next
 *
 * A part ends at `；` `。` outside nested brackets, or before a field name glued to it (`…，责任单位：Y`), the separators
 * before that name dropped, unread (`partAt`).
 */
export class AttributionParser extends WindowParser {
  private parts: AttributionPart[] = [];
  /** The attributions being read, as `findAttributions` found them, and the next one's index. */
  private queue: Found[] = [];
  private next = 0;
  /** Where the part `partAt` measured ends (a separator, a glued field name or the content's end), and its last read token. */
  private partEnd = 0;
  private partTo = 0;
  private depth = 0;
  private head = 0;
  private unitField = false;
  /** The value of the field being read still goes on; where it ends so far. */
  private valueOpen = false;
  private valueTo = 0;
  /** Where a segment that waits for its verb (`由A,B,`) starts, -1 when none waits. */
  private pending = -1;
  /** Where the segment being read starts. */
  private segmentFrom = 0;

  // Every closure and option object the rules give Chevrotain is made once, here: made at every call they would cost
  // more than the parse (see parser.ts).
  private readonly attributionAlts: IOrAlt<unknown>[] = [
    { ALT: () => this.SUBRULE(this.group) },
    { ALT: () => this.SUBRULE(this.fields) },
    { ALT: () => this.SUBRULE(this.sentence) },
    { ALT: () => this.SUBRULE(this.together) },
  ];
  private readonly attribution = (): void => void this.OR(this.attributionAlts);
  private readonly closer = (): void => void this.take(1, Closer);
  private readonly readAll = (): void => this.attributions();
  private readonly skip = (): void => void this.take(1, Inline);
  private readonly contentAlts: IOrAlt<unknown>[] = [
    ...this.kinds(1, [SentenceEnd, Semicolon]),
    { ALT: () => this.SUBRULE(this.field) },
    // A part opening with anything else; a separator or a field name here is taken by the alternatives before.
    { ALT: () => this.SUBRULE(this.segments), IGNORE_AMBIGUITIES: true },
  ];
  private readonly contentItem = (): void => void this.OR(this.contentAlts);
  private readonly colon = (): void => void this.take(1, Colon);
  private readonly value = (): void => {
    const i = this.take(1, Inline);
    if (this.valueOpen && this.inValue(i)) this.valueTo = i + 1;
    else this.valueOpen = false;
  };
  private readonly segmentAlts: IOrAlt<unknown>[] = [
    {
      ALT: () => {
        this.take(1, Opener);
        this.depth++;
      },
    },
    {
      ALT: () => {
        this.take(1, Closer);
        if (this.depth > 0) this.depth--;
      },
    },
    {
      ALT: () => {
        const i = this.take(1, Comma);
        // A comma outside nested brackets ends a segment.
        if (this.depth === 0 && !this.RECORDING_PHASE) {
          this.segmentRead(this.segmentFrom, i);
          // The next segment starts at the next token read (a hard wrap after the comma is none), `i + 1` at a mark.
          this.segmentFrom = this.at === PAST ? i + 1 : this.at;
        }
      },
    },
    { ALT: this.skip, IGNORE_AMBIGUITIES: true },
  ];
  private readonly segmentItem = (): void => void this.OR(this.segmentAlts);

  constructor(config = SUB_PARSER_CONFIG) {
    super(VOCABULARY, config);
    this.performSelfAnalysis();
  }

  public attributions = this.RULE('attributions', () => {
    this.MANY(this.attribution);
  });

  public group = this.RULE('group', () => {
    this.take(1, GroupStart);
    const found = this.begin();
    this.take(1, Opener);
    this.SUBRULE(this.content);
    this.take(1, End);
    this.OPTION(this.closer);
    this.giveParts(found);
  });

  public fields = this.RULE('fields', () => {
    this.take(1, FieldsStart);
    const found = this.begin();
    this.SUBRULE(this.content);
    this.take(1, End);
    this.giveParts(found);
  });

  public sentence = this.RULE('sentence', () => {
    this.take(1, SentenceStart);
    const found = this.begin();
    this.SUBRULE(this.content);
    this.take(1, End);
    this.giveParts(found);
  });

  /** `由X会同Y…`, `X会同Y…`: what the look-ahead found is all there is to it; the rule reads it through. */
  public together = this.RULE('together', () => {
    this.take(1, TogetherStart);
    this.begin();
    this.MANY(this.skip);
  });

  public content = this.RULE('content', () => {
    this.MANY(this.contentItem);
  });

  public field = this.RULE('field', () => {
    const head = (this.head = this.take(1, FieldName));
    this.unitField = !this.RECORDING_PHASE && this.toks[head]!.tokenType !== DeadlineField;
    this.OPTION(this.colon);
    const value = (this.valueTo = this.after);
    this.valueOpen = true;
    this.MANY(this.value);
    // Where the part ends: a unit field's value may end before it, at a role verb (`责任单位：X牵头，Y配合`).
    const partEnd = this.after;
    this.take(1, PartEnd);
    if (!this.RECORDING_PHASE) this.parts.push({ kind: 'field', head, value, to: this.valueTo, end: Math.max(partEnd, this.valueTo) });
  });

  public segments = this.RULE('segments', () => {
    this.depth = 0;
    this.pending = -1;
    this.segmentFrom = this.at;
    this.AT_LEAST_ONE(this.segmentItem);
    const to = this.after;
    this.take(1, PartEnd);
    if (!this.RECORDING_PHASE) this.segmentRead(this.segmentFrom, to);
  });

  /** The attributions of the paragraph [from, to) of `toks`, in text order. */
  readParagraph(toks: readonly IToken[], from: number, to: number): AttributionSyntax[] {
    const attributions = findAttributions(toks, from, to);
    if (attributions.length === 0) return attributions;
    for (let k = 0; k < attributions.length; k++) {
      const found = attributions[k]!;
      this.mark(STARTS[found.kind]);
      if (found.kind === 'together') {
        this.stretch(toks, found.by >= 0 ? found.by : found.from, found.to);
        continue;
      }
      if (found.kind === 'group') this.stretch(toks, found.open, found.from);
      this.contentWindow(toks, found.from, found.to);
      if (found.kind === 'group' && found.close >= 0) this.stretch(toks, found.close, found.close + 1);
    }
    this.queue = attributions;
    this.next = 0;
    this.read(toks, this.readAll);
    this.queue = [];
    return attributions;
  }

  /** Writes the content [from, to) of one attribution into the window: its separators, and each part with its end mark. */
  private contentWindow(toks: readonly IToken[], from: number, to: number): void {
    let at = from;
    while (at < to) {
      if (isClauseEnd(toks[at]!)) {
        this.stretch(toks, at, at + 1);
        at++;
        continue;
      }
      this.partAt(toks, at, to);
      // A part of nothing but dropped separators is read by no one.
      if (this.partTo > at) {
        this.stretch(toks, at, this.partTo);
        this.mark(PART_END);
      }
      at = this.partEnd;
    }
    this.mark(END);
  }

  /** The attribution whose mark was just read (none while the grammar is recorded): its parts go to it. */
  private begin(): Found | undefined {
    return this.queue[this.next++];
  }

  /** The parts just read go to the attribution `found` (none is being read while the grammar is recorded). */
  private giveParts(found: Found | undefined): void {
    if (found === undefined || found.kind === 'together') return;
    found.parts = this.parts;
    this.parts = [];
  }

  /**
   * Where the part starting at `at` ends (`partEnd`), before `limit`: at `；` `。` outside nested groups, or before a
   * glued field name (`…，责任单位：`), the separators before it dropped (`partTo`: the end of what is read).
   */
  private partAt(toks: readonly IToken[], at: number, limit: number): void {
    let depth = 0;
    for (let i = at; i < limit; i++) {
      const t = toks[i]!;
      if (is(t, OPENER)) depth++;
      else if (is(t, CLOSER) && depth > 0) depth--;
      if (depth !== 0) continue;
      if (i > at && fieldClauseAt(toks, i, limit)) {
        let partTo = i;
        while (partTo > at && isTrailingSeparator(toks[partTo - 1]!)) partTo--;
        this.partEnd = i;
        this.partTo = partTo;
        return;
      }
      if (isClauseEnd(t)) {
        this.partEnd = this.partTo = i;
        return;
      }
    }
    this.partEnd = this.partTo = limit;
  }

  /**
   * Is the token at `i` part of the field's value? A unit's name holds no role verb or `由`, which ends it
   * (`责任部门:园林局配合做好…`; the token right after the field's name always counts).
   */
  private inValue(i: number): boolean {
    if (!this.unitField || i < this.head + 2) return true;
    const t = this.toks[i]!;
    // `县工信局（牵头）、县财政局`: the mark is part of the list.
    if (is(t, ROLE_VERB) && i + 1 < this.toks.length && isLeadMark(this.toks, i - 1, i + 1)) return true;
    return !is(t, ROLE_VERB) && t.tokenType !== By;
  }

  /**
   * The segment [segmentFrom, to) was read: what it says, joined to the segments before it when `由` waits for its
   * verb (`由A,B,C牵头`: one segment of three pieces).
   */
  private segmentRead(segmentFrom: number, to: number): void {
    const toks = this.toks;
    const waiting = this.pending >= 0;
    const from = waiting ? this.pending : segmentFrom;
    this.pending = -1;
    if (to <= from) return;
    const verb = verbAtEnd(toks, from, to, (t) => is(t, ROLE_VERB));
    if (verb >= 0) {
      this.parts.push({ kind: 'verb', from, together: indexOf(toks, Together, from + 1, verb), verb });
      return;
    }
    if (toks[from]!.tokenType === Together) {
      this.parts.push({ kind: 'with', from, to });
      return;
    }
    const ownBy = indexOf(toks, By, segmentFrom, to);
    if ((waiting || ownBy >= 0) && !some(toks, leadsAfterBy, segmentFrom, to)) {
      this.pending = from;
      return;
    }
    const by = waiting ? indexOf(toks, By, from, to) : ownBy;
    if (by >= 0) {
      let verbAt = by + 1;
      while (verbAt < to && !leadsAfterBy(toks[verbAt]!)) verbAt++;
      if (verbAt < to) {
        this.parts.push({ kind: 'by', by, together: indexOf(toks, Together, by + 1, verbAt), verb: verbAt });
        return;
      }
    }
    this.parts.push({ kind: 'other', from, to });
  }
}

function indexOf(toks: readonly IToken[], type: TokenType, from: number, to: number): number {
  for (let i = from; i < to; i++) if (toks[i]!.tokenType === type) return i;
  return -1;
}

function some(toks: readonly IToken[], test: (t: IToken) => boolean, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (test(toks[i]!)) return true;
  return false;
}

/** Does [from, to) of `toks` hold an attribution keyword? Every attribution does: a paragraph without one is prose. */
function holdsKeyword(toks: readonly IToken[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (is(toks[i]!, KEYWORD)) return true;
  return false;
}

let shared: AttributionParser | null = null;

/** The one attribution parser, built on first use. */
export function attributionParser(): AttributionParser {
  return (shared ??= new AttributionParser());
}

/** The attributions a paragraph holds, its tokens being [from, to) of `toks` (marker excluded), in text order. */
export function readAttributionSyntax(toks: readonly IToken[], from: number, to: number): AttributionSyntax[] {
  if (!holdsKeyword(toks, from, to)) return [];
  return attributionParser().readParagraph(toks, from, to);
}
