// The syntax of attribution clauses — who leads (`牵头单位`), who takes part (`责任单位`) and by when (`完成时限`):
// where a paragraph writes them (a bracket `（牵头单位：X；完成时限：Z）`, labelled fields `牵头单位：X`, a sentence
// `由X牵头，Y配合`) and the parts each is made of. The model reads units, roles and deadlines from what this recognises
// (server/src/model/attribution.ts).
// Over 400 lines: the look-ahead that finds where a paragraph attributes its task and the reading of what each
// attribution is made of cut clauses and parts by the same tests (clause ends, glued field names, verbs).
// Read by hand, not by Chevrotain rules: the look-ahead already knows where each attribution and each of its parts
// starts and ends, which decided every choice a parser would make; a parser's fixed cost per paragraph was all it added.
import type { IToken, TokenType } from 'chevrotain';
import { CLOSER, FIELD, is, isGroupKeyword, KEYWORD, OPENER, ROLE_VERB } from './categories.js';
import {
  By,
  ByDivision,
  ChargeVerb,
  Colon,
  Comma,
  DeadlineField,
  holdsColon,
  JointLead,
  LeadField,
  ResponsibleField,
  LeadVerb,
  Newline,
  PersonField,
  Semicolon,
  SentenceEnd,
  Text,
  Together,
} from './tokens.js';
import { deadlineStartsAt } from './deadline.js';
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
  /**
   * The words of the work after the verb of a `verb` segment, [from, to) (`县住建局：负责老旧小区改造（2025年底前）`,
   * `市司法局牵头开展清理`): prose, which names no unit but may say when the work is due.
   */
  | { kind: 'work'; from: number; to: number }
  /** `会同Y` after a segment that names the lead: Y, [from + 1, to), takes part. */
  | { kind: 'with'; from: number; to: number }
  /** `此项工作由X牵头负责`: words, then `由` at `by`, the units, an optional `会同` and a verb that gives a lead. */
  | { kind: 'by'; by: number; together: number; verb: number }
  /** Any other segment [from, to): a deadline (`2024年6月底前`), or nothing. */
  | { kind: 'other'; from: number; to: number };

/** How far `由` may stand from its verb: a list of a few units (`由市发展改革委、市财政局等部门共同负责`). */
export const MAX_BY_UNITS = 60;
/**
 * How a unit's name ends (`市司法局`, `各区县政府`, `市政府办公室`, `各乡镇`, `国网供电公司`, `区人武部`, `某海关`, `县科协`,
 * `县政协`, `市警备区`, `市属国有企业`, `各金融机构`, a bureau's own sections `人事科` `基础教育股`, a school `县第一中学`…), or a name that is the places of one level of government, each
 * in charge of its own part (`各县市区`, `各区县`, `各县（市、区）`, `各镇`, `各村（居）`, `各行政村`): `各` and a few
 * words ending in a level. A bare place (`城区`, `美丽乡村`) is no unit: only after `各` does a level name one.
 */
export const UNIT_END =
  /(?:局|委|办|辦|厅|廳|部|府|院|会|會|处|處|室|中心|队|隊|站|所|街道|乡镇|鄉鎮|镇|鎮|乡|鄉|社区|社區|集团|集團|公司|单位|單位|部门|部門|组|組|署|科|股|馆|館|台|校|中学|中學|团|團|联|聯|协|協|行|司|社|海关|海關|军分区|軍分區|警备区|警備區|企业|企業|国企|國企|机构|機構)[)）]?$|^各[^，,；;。:：\s]{0,8}(?:省|市|州|盟|县|縣|区|區|旗|乡|鄉|镇|鎮|村|居)[)）]?$/;

const end = (t: IToken): number => t.startOffset + t.image.length;

/** A verb that gives the units before it the lead, after `由` or as a sentence's first segment: `牵头` `负责` `共同负责` `按职责分工负责`. */
export function leadsAfterBy(t: IToken): boolean {
  const type = t.tokenType;
  return type === LeadVerb || type === ChargeVerb || type === JointLead || type === ByDivision;
}

/** A verb that gives a lead (`leadsAfterBy`), or `会同`: what every sentence and `会同` clause holds. */
const leadsOrJoins = (t: IToken): boolean => leadsAfterBy(t) || t.tokenType === Together;
/** An opening bracket (`（` `【`…), which a lead mark after a name needs. */
const isOpenerToken = (t: IToken): boolean => is(t, OPENER);
/** `leadsOrJoins`, or a lead field's name, which a lead mark may hold (`县城管局（牵头单位）、…`: `markedUnits`). */
const leadsJoinsOrMarks = (t: IToken): boolean => leadsOrJoins(t) || t.tokenType === LeadField;

/** How many characters of words may follow a verb before its segment ends: `牵头落实`, `牵头卖力`, `负责落实`. */
const VERB_TAIL = 4;
/** What makes `负责` a person's title when it alone follows the verb (`企业负责人`). */
const PERSON_AFTER_CHARGE = '人';

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
    const charge = toks[verb]!.tokenType === ChargeVerb;
    // `约谈企业负责人`: `负责人` ending a segment is a person (the one in charge), not `负责` and its work.
    const person = charge && tail === PERSON_AFTER_CHARGE;
    if (!person && tail.length <= (charge ? 2 : VERB_TAIL) && /^[\u4e00-\u9fff]+$/.test(tail)) return verb;
  }
  const named = verbAfterName(toks, from, to, isVerb);
  return named >= 0 ? named : verbAfterColon(toks, from, to, isVerb);
}

/**
 * The verb of a unit's duties written after its name and a colon (`县住建局：负责老旧小区改造`, `各乡镇（街道）：牵头做好…`,
 * a 职责分工 list): the role verb right after the colon, the units' names alone before it; -1 otherwise. Only a segment
 * whose second or later token is a colon is looked at further.
 */
function verbAfterColon(toks: readonly IToken[], from: number, to: number, isVerb: (t: IToken) => boolean): number {
  let colon = from + 1;
  // A name is a text run, with its brackets (`各乡镇（街道）`): a few tokens at most before the colon.
  while (colon < to && colon - from <= 6 && toks[colon]!.tokenType !== Colon) colon++;
  if (colon >= to || toks[colon]!.tokenType !== Colon) return -1;
  const v = firstToken(toks, colon + 1, to);
  if (v >= to || !isVerb(toks[v]!)) return -1;
  const type = toks[v]!.tokenType;
  if (type !== LeadVerb && type !== ChargeVerb && type !== JointLead) return -1;
  return namesUnits(toks, from, colon) ? v : -1;
}

/** What a bracket of a task count holds: `2项`, `共3项`, `5条任务`. */
const COUNT_WORDS = '共?[0-9０-９一二三四五六七八九十]{1,3}(?:项|項|条|條|个|個)(?:任务|任務|工作)?';
const COUNT = new RegExp(`^${COUNT_WORDS}$`);
/** The same count in its brackets at the end of a text (`市水务局（1项）`): what the model cuts from a name. */
export const TASK_COUNT_END = new RegExp(`[(（]${COUNT_WORDS}[)）]$`);

/**
 * What `负责` after units' names is followed by when it tells no lead of this task: a person (`县发改局负责同志`,
 * `…负责人`, `主要负责领导要亲自部署`, `负责干部要…`; not `负责干部教育培训`, `负责领导全县…`: work), a duty in general
 * words (`负责对…`, `负责《方案》的…`, `负责的`), each unit's own share of a duty (`县级以上人民政府负责本地区…`,
 * `…负责各自…`), a scope (`县住建局负责范围内…`), an appointment (`负责任`). Anything else is the work the units lead, a
 * verb or its object (`县委宣传部负责组织开展…`, `各县（市、区）人民政府负责新建…`, `市住建局负责城镇小区配套幼儿园治理`).
 */
const NOT_CHARGED_WORK = /^(?:同志|人|(?:领导|領導|干部|幹部|班子)(?=要|須|须|应|應|亲自|親自|带头|帶頭|同志|干部|幹部|班子|成员|成員|[、，,和及与與]|$)|的|对|對|任|《|〈|本|各自|范围|範圍|区域|區域|领域|領域|片区|片區|辖区|轄區|地区|地區)/;

/**
 * Words of manner or obligation a sentence puts between its subject and the verb (`县城管局要牵头`, `县卫健委具体负责`,
 * `县发改局应当会同…`, `县教育局积极配合`, `县水利局按职责配合`): no part of the unit's name.
 */
const MODAL_END = /(?:要|应当|應當|应|應|必须|必須|须|須|需要|需|具体|具體|统一|統一|主要|继续|繼續|积极|積極|主动|主動|切实|切實|全力|认真|認真|大力|按照职责|按照職責|按职责|按職責|按职能|按職能)+$/;
/** The last characters of a `MODAL_END`: a name ending otherwise is not searched. */
const MODAL_LAST = new Set([...'要当當应應须須需体體一续續极極动動实實力真责責能'].map((c) => c.charCodeAt(0)));

/** `name` without the words of manner that follow it (`县城管局要` → `县城管局`), when what is left ends like a unit; else `name`. */
export function withoutModal(name: string): string {
  if (!MODAL_LAST.has(name.charCodeAt(name.length - 1))) return name;
  const modal = MODAL_END.exec(name);
  if (modal === null || modal.index === 0) return name;
  const rest = name.slice(0, modal.index);
  return UNIT_END.test(rest) ? rest : name;
}

/**
 * `name` without the words of manner that follow it, whatever is left (`包村领导具体` → `包村领导`): in a list of units
 * before its verb (`包村领导具体负责`) they are never part of a name. `name` when nothing would be left.
 */
export function beforeModal(name: string): string {
  if (!MODAL_LAST.has(name.charCodeAt(name.length - 1))) return name;
  const modal = MODAL_END.exec(name);
  return modal === null || modal.index === 0 ? name : name.slice(0, modal.index);
}

/** Does `text` end like a unit's name, words of manner after it aside (`县城管局要`)? */
const endsLikeUnit = (text: string): boolean => UNIT_END.test(withoutModal(text));

/**
 * Does the token before the verb at `verb` end like the name of the units it gives a role? Words of manner may stand
 * between them (`县城管局要牵头`), but not before `按职责分工`: `各单位要按照职责分工，…` is a plan's general requirement.
 */
const subjectBefore = (toks: readonly IToken[], verb: number): boolean => {
  const last = nameEndBefore(toks, verb);
  return last >= 0 && (toks[verb]!.tokenType === ByDivision ? UNIT_END.test(toks[last]!.image) : endsLikeUnit(toks[last]!.image));
};

/** How many tokens a bracket inside a unit's name holds at most (`各县（市、区）`, `县市场监管局（县知识产权局）`). */
const MAX_NAME_BRACKET = 8;

/**
 * The closer of the bracket opened at `open` when it is a bracket of a unit's name (`各县（市、区）`): it closes within
 * `MAX_NAME_BRACKET` tokens, holds no keyword, no other bracket and no line break, and a text run follows it at once; -1
 * otherwise.
 */
function nameBracketEnd(toks: readonly IToken[], open: number, to: number): number {
  for (let i = open + 1; i < to && i - open <= MAX_NAME_BRACKET; i++) {
    const t = toks[i]!;
    if (is(t, CLOSER)) return i + 1 < to && toks[i + 1]!.tokenType === Text && toks[i + 1]!.startOffset === end(t) ? i : -1;
    if (is(t, OPENER | KEYWORD | ROLE_VERB) || t.tokenType === Newline) return -1;
  }
  return -1;
}

/**
 * The token whose words end the name before `at`: the one before it, or, when that closes a bracket of the name
 * (`各乡镇（街道）负责`, `县市场监管局（县知识产权局）负责`), the one before the bracket. -1 when there is none.
 */
function nameEndBefore(toks: readonly IToken[], at: number): number {
  const before = at - 1;
  if (before < 0 || !is(toks[before]!, CLOSER)) return before;
  let depth = 0;
  for (let i = before; i >= 0 && before - i <= MAX_NAME_BRACKET; i--) {
    if (is(toks[i]!, CLOSER)) depth++;
    else if (is(toks[i]!, OPENER) && --depth === 0) return i - 1 >= 0 && toks[i - 1]!.tokenType === Text ? i - 1 : -1;
  }
  return -1;
}

/**
 * The first role verb of [from, to) when it follows a unit's name (a bracket of the name passed over: `各县（市、区）`) and
 * the work it leads follows it (`市司法局牵头开展专项清理`, `县委宣传部负责组织开展宣传`, `市住建局负责城镇小区治理`, after a
 * space a deadline: `县应急局负责 2025年底前完成`; not `NOT_CHARGED_WORK`), the rest holding no other keyword or bracket;
 * -1 otherwise.
 */
function verbAfterName(toks: readonly IToken[], from: number, to: number, isVerb: (t: IToken) => boolean): number {
  let v = from + 1;
  for (; v < to && !is(toks[v]!, ROLE_VERB | KEYWORD); v++) {
    if (!is(toks[v]!, OPENER)) continue;
    // A bracket inside the name (`各县(市、区)人民政府负责…`) is passed over; any other ends the search.
    const close = nameBracketEnd(toks, v, to);
    if (close < 0) return -1;
    v = close;
  }
  if (v + 1 >= to || !is(toks[v]!, ROLE_VERB) || !isVerb(toks[v]!)) return -1;
  const verb = toks[v]!;
  const before = toks[v - 1]!;
  const next = toks[v + 1]!;
  if (verb.tokenType !== LeadVerb && verb.tokenType !== ChargeVerb) return -1;
  if (before.tokenType !== Text || end(before) !== verb.startOffset || !endsLikeUnit(before.image)) return -1;
  if (next.tokenType !== Text) return -1;
  if (verb.tokenType === ChargeVerb && NOT_CHARGED_WORK.test(next.image)) return -1;
  // Work told as done (`市司法局牵头组织开展了…评查`, a report's narrative) names no lead.
  for (let i = v + 1; i < to; i++) if (is(toks[i]!, KEYWORD | OPENER) || toks[i]!.image.includes('了')) return -1;
  return v;
}

/** Characters after `由` that make it a word, not `by`: `由于` (because), `由此`, `由来`, `由衷`. */
const NOT_BY = new Set([...'于於此来來衷浅淺表'].map((c) => c.charCodeAt(0)));
/** Characters before `由` that make it a word, not `by`: `理由` (reason: `无理由退货`), `自由`, `缘由`, `事由`, `来由`. */
const NOT_BY_AFTER = new Set([...'理自缘緣事来來'].map((c) => c.charCodeAt(0)));

/**
 * Does the `由` at `i` mean `by`? Not when the character after it makes a word (`由于`, `由此`), nor the character before
 * it (`理由`): the next token's first or the last of the token before, when nothing stands between them.
 */
function meansBy(toks: readonly IToken[], i: number): boolean {
  const next = toks[i + 1];
  if (next !== undefined && next.startOffset === end(toks[i]!) && NOT_BY.has(next.image.charCodeAt(0))) return false;
  const before = i > 0 ? toks[i - 1]! : undefined;
  return before === undefined || end(before) !== toks[i]!.startOffset || !NOT_BY_AFTER.has(before.image.charCodeAt(before.image.length - 1));
}

/** `；` and `。` (`！` `？`): they end a clause, and a part of an attribution. */
const isClauseEnd = (t: IToken): boolean => t.tokenType === Semicolon || t.tokenType === SentenceEnd;
/** Separators a part cut before a glued field name leaves behind it: `，` `、`, spaces. */
const isTrailingSeparator = (t: IToken): boolean => t.tokenType === Comma || /^[\s、]*$/.test(t.image);

// ---------------------------------------------------------------------------------------------
// Where a paragraph attributes its task.

/** An attribution found in a paragraph; its parts (`NO_PARTS` until then) are read after (`readParts`). */
type Found = AttributionSyntax;

/** The parts of an attribution not read yet (frozen: shared until each is given its own). */
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
      if (depth === 0 && keyword && !isLeadMark(toks, open, i) && !isPersonMark(toks, open, i)) {
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

/**
 * Is the group [open, close] the person in charge at the unit it follows (`县公安局（责任人：孙海）`,
 * `县教育局（联系人：陈立）`): a person field, its colon and a name, glued to a unit's name? It is part of a unit list
 * (the model drops it from the name), not an attribution of its own, and ends no field before it.
 */
function isPersonMark(toks: readonly IToken[], open: number, close: number): boolean {
  const field = open + 1;
  if (open === 0 || field >= close || toks[field]!.tokenType !== PersonField) return false;
  const before = toks[open - 1]!;
  if (before.tokenType !== Text || end(before) !== toks[open]!.startOffset || !endsLikeUnit(before.image)) return false;
  for (let i = field + 1; i < close; i++) if (is(toks[i]!, KEYWORD | OPENER | CLOSER)) return false;
  return true;
}

/**
 * Does a field clause start at `i`: a field name and its colon before `to`, or the name, `为` / `是` and its value right after
 * it (`牵头单位是县总工会`, `完成时限为2025年9月底`)?
 */
function fieldClauseAt(toks: readonly IToken[], i: number, to: number): boolean {
  return i < to && is(toks[i]!, FIELD) && (holdsColon(toks[i]!) || (i + 1 < to && (toks[i + 1]!.tokenType === Colon || copulaValueAt(toks, i) || spacedValueAt(toks, i))));
}

/**
 * Does the field named at `head` open its line and give its value after spaces instead of a colon, as a two-column table
 * of labels and values pasted as text leaves it (`牵头单位　镇应急办`, `完成时限  2025年3月15日前`)? The value must read as
 * one: a unit's name first (`镇供电所　各村委会`), or a date for a deadline field; `责任单位 要…` is prose.
 */
export function spacedValueAt(toks: readonly IToken[], head: number): boolean {
  const value = toks[head + 1]!;
  if (value.tokenType !== Text || value.startOffset === end(toks[head]!) || (head > 0 && toks[head - 1]!.tokenType !== Newline)) return false;
  if (toks[head]!.tokenType === DeadlineField) return deadlineStartsAt(value.image, 0);
  const first = value.image.split(/[、，,；;]/, 1)[0]!;
  return namesUnitsText(first);
}

/**
 * Does the field named at `head` give its value after `为` / `是` glued to it (`牵头单位是县总工会`)? A unit field's value is
 * then units' names only (`责任单位是落实工作的主体` is a sentence); a deadline field's, a date.
 */
export function copulaValueAt(toks: readonly IToken[], head: number): boolean {
  const value = toks[head + 1];
  if (value === undefined || value.tokenType !== Text || value.startOffset !== end(toks[head]!)) return false;
  const c = value.image.charCodeAt(0);
  if ((c !== 0x4e3a /* 为 */ && c !== 0x662f /* 是 */) || value.image.length < 2) return false;
  if (toks[head]!.tokenType === DeadlineField) return deadlineStartsAt(value.image, 1);
  return namesUnitsText(value.image.slice(1));
}

/**
 * Does the clause at `at` name its units and then, after `为` / `是`, the field they fill (`县发改局为牵头单位，`,
 * `县财政局、县审计局为配合单位；`)? Units' names only before `为`, a unit field's name right after it, and the clause ends
 * there.
 */
function copulaFieldAt(toks: readonly IToken[], at: number, to: number, from: number): boolean {
  const words = toks[at]!;
  const field = toks[at + 1];
  if (words.tokenType !== Text || field === undefined || at + 1 >= to || field.startOffset !== end(words)) return false;
  if (field.tokenType !== LeadField && field.tokenType !== ResponsibleField) return false;
  if (at > from && !COPULA_CLAUSE_OPENERS.has(toks[at - 1]!.tokenType)) return false;
  if (at + 2 < to && !isClauseEnd(toks[at + 2]!) && toks[at + 2]!.tokenType !== Comma) return false;
  const c = words.image.charCodeAt(words.image.length - 1);
  if (c !== 0x4e3a /* 为 */ && c !== 0x70ba /* 為 */ && c !== 0x662f /* 是 */) return false;
  return words.image.length > 2 && namesUnitsText(words.image.slice(0, -1));
}
/** What stands before a clause that opens with units' names. */
const COPULA_CLAUSE_OPENERS = new Set<TokenType>([Comma, Semicolon, SentenceEnd, Newline]);

/** Are the names in `text` (parted by `、`) units' names? */
export function namesUnitsText(text: string): boolean {
  return text.split('、').every((name) => {
    const bare = withoutModal(name.trim());
    return NAME_LIKE.test(bare) && UNIT_END.test(bare);
  });
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
    if (copulaFieldAt(toks, at, to, from)) {
      // `县发改局为牵头单位，`: the field's name alone, its units before it (the model reads them there).
      found.push({ kind: 'fields', from: at + 1, to: at + 2, parts: NO_PARTS });
      at += 2;
      // The comma after it opens the next clause (`，县财政局为配合单位`).
      if (at < to && toks[at]!.tokenType === Comma) at++;
      continue;
    }
    if (fieldClauseAt(toks, at, to)) {
      // A run of field clauses joined by `；`.
      let runTo = clauseEnd(toks, at, to, false);
      while (runTo < to && toks[runTo]!.tokenType === Semicolon) {
        const next = clauseEnd(toks, runTo + 1, to, false);
        // `配合单位：县财政局；县税务局`: names alone after a `；` go on with the field before them.
        if (!fieldClauseAt(toks, runTo + 1, to) && !namesAlone(toks, runTo + 1, next)) break;
        runTo = next;
      }
      found.push({ kind: 'fields', from: at, to: runTo, parts: NO_PARTS });
      at = runTo;
      continue;
    }
    let clauseTo = clauseEnd(toks, at, to, true);
    const sentence = sentenceAt(toks, at, clauseTo);
    if (sentence !== null) {
      found.push(sentence);
      // `县发改局牵头；县财政局配合；`: the clauses after it that are units and their role verb go on with it.
      while (sentence.kind === 'sentence' && clauseTo < to && toks[clauseTo]!.tokenType === Semicolon) {
        const next = clauseEnd(toks, clauseTo + 1, to, true);
        if (!unitsThenRoleVerb(toks, clauseTo + 1, next)) break;
        sentence.to = clauseTo = next;
      }
    }
    at = clauseTo;
  }
}

/**
 * Is [from, to) units' names alone (`县财政局、县税务局`, `各县（市、区）`): text and its separators, no keyword, no line
 * break, its last words a unit's?
 */
function namesAlone(toks: readonly IToken[], from: number, to: number): boolean {
  let last = -1;
  for (let i = from; i < to; i++) {
    const t = toks[i]!;
    if (t.tokenType === Text) last = i;
    else if (t.tokenType === Newline || is(t, KEYWORD | ROLE_VERB | FIELD)) return false;
  }
  return last >= 0 && endsLikeUnit(toks[last]!.image);
}

/**
 * The attribution a prose clause [from, to) is, or null. With a `由` meaning "by", the units after it run to a verb: a
 * lead verb near it that ends its segment or follows no comma makes a sentence (`由A,B等部门共同负责。`, not
 * `全部由政府收储,财政负责…`); another keyword, `由` or a sentence end stop the units, and a `会同` met on the way makes
 * `由X会同Y…`. Without, a lead verb ending the first segment after a unit's name does (`敢于负责` is prose); so does a
 * unit's name, a colon and its verb opening the clause, a `由` after it or not (`县商务局：负责落实“无理由退货”`).
 */
function sentenceAt(toks: readonly IToken[], from: number, to: number): Found | null {
  // Every way below ends at a verb that gives a lead or at `会同`: a clause with neither (most of a task's prose) is
  // none, known in one walk.
  if (!some(toks, leadsJoinsOrMarks, from, to)) return null;
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
    if (together >= 0) return { kind: 'together', by, from: by + 1, together, to };
    // A `由` whose units reach no verb, after a unit's name, a colon and its verb that open the clause
    // (`县住建局：负责由县政府部署的改造`), is the work's: the clause is the unit's duty. Elsewhere such a `由` leaves the
    // clause prose.
    if (verbAfterColon(toks, from, to, leadsAfterBy) < 0) return null;
  }
  let comma = segmentEnd(toks, from, to);
  const verb = verbAtEnd(toks, from, comma, leadsAfterBy);
  // `负责` and `按职责分工` after anything but a unit's name are prose (`敢于负责`): a unit's name ends the run before them.
  // After a colon the names were checked (`verbAfterColon`).
  const named =
    verb > from && (toks[verb]!.tokenType === LeadVerb || toks[verb]!.tokenType === JointLead || subjectBefore(toks, verb) || toks[verb - 1]!.tokenType === Colon);
  if (named || markedUnits(toks, from, comma)) return { kind: 'sentence', from, to, parts: NO_PARTS };
  const together = unitsThenTogether(toks, from, comma);
  if (together >= 0) return { kind: 'together', by: -1, from, together, to };
  // `推出精品线路10条，市文旅局牵头，5月底前完成`: a later segment that is units and their verb, and nothing else, starts it;
  // so does one that is units and `会同` (`…，县水利局会同县发改局编制规划`).
  for (let at = nextSegment(toks, comma); at < to; at = nextSegment(toks, comma)) {
    comma = segmentEnd(toks, at, to);
    if (unitsThenVerb(toks, at, comma) || markedUnits(toks, at, comma)) return { kind: 'sentence', from: at, to, parts: NO_PARTS };
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
  return verb > first && subjectBefore(toks, verb) && namesUnits(toks, first, verb);
}

/**
 * Is the segment [from, to) a list of units' names one of which a lead mark follows, nothing more
 * (`县应急管理局（牵头）、县住建局、县交通运输局`, written after the task's sentence with no bracket around it)? The mark
 * says who leads as a verb would.
 */
export function markedUnits(toks: readonly IToken[], from: number, to: number): boolean {
  // Most segments hold no bracket, so no mark: known before any name is gathered.
  if (!some(toks, isOpenerToken, from, to)) return false;
  const first = firstToken(toks, from, to);
  const last = trimEnd(toks, first, to);
  let marked = false;
  let names = '';
  for (let i = first; i < last; i++) {
    const t = toks[i]!;
    if (is(t, OPENER) && isLeadMark(toks, i, i + 2)) {
      marked = true;
      i += 2;
      continue;
    }
    if (t.tokenType !== Text && t.tokenType !== Newline && !is(t, OPENER | CLOSER)) return false;
    names += t.image;
  }
  return marked && namedList(names);
}

/** Is the clause [from, to) units' names and the role verb that ends it, nothing more (`县财政局配合`, `各乡镇负责`)? */
function unitsThenRoleVerb(toks: readonly IToken[], from: number, to: number): boolean {
  const first = firstToken(toks, from, to);
  const last = trimEnd(toks, first, to) - 1;
  return last > first && isRoleVerb(toks[last]!) && subjectBefore(toks, last) && namesUnits(toks, first, last);
}

/** Are the tokens [from, to) a list of units' names and nothing else (text and the brackets inside names)? */
function namesUnits(toks: readonly IToken[], from: number, to: number): boolean {
  let names = '';
  for (let i = from; i < to; i++) {
    const t = toks[i]!;
    if (t.tokenType !== Text && t.tokenType !== Newline && !is(t, OPENER | CLOSER)) return false;
    names += t.image;
  }
  return namedList(names);
}

/** Is `names` a list of units' names (the text of `namesUnits`' tokens)? */
export function namedList(names: string): boolean {
  if (names.length === 0 || names.length > MAX_BY_UNITS) return false;
  // Each name of the list (`、` inside brackets is no separator: `各县（市、区）人民政府`) ends like a unit's; words of
  // manner may follow the last (`县城管局要`).
  return names
    .replace(/[(（][^()（）]*[)）]/g, '')
    .split('、')
    .every((name) => {
      const bare = withoutModal(name.trim());
      return NAME_LIKE.test(bare) && UNIT_END.test(bare);
    });
}

/**
 * A unit's name in a list before its verb: a few words, no digit, none of the words of a sentence (`的` `须` `要` `了`);
 * two characters only for the places of a level (`各镇`, `各村`).
 */
const NAME_LIKE = /^[^0-9０-９的须須要了把，,。]{3,16}$|^各[^0-9０-９的须須要了把，,。]$/;

// ---------------------------------------------------------------------------------------------
// What each attribution says.
//
//   content  := ( `；` | `。` | field | segments )*      — parts, cut at `；` `。` outside nested brackets
//   field    := FieldName `：`? value rest               — in a unit field a role verb or `由` ends the value, the rest unread
//   segments := segment ( `，` segment )*               — cut at the commas outside nested brackets: `X牵头` `由X负责`
//                                                        `会同Y` `2024年底前`; `由X，Y` waits for its verb in the next
//
// A part ends at `；` `。` outside nested brackets, or before a field name glued to it (`…，责任单位：Y`), the separators
// before that name dropped, unread. What a part is, is known from its first token: it is read by walking the tokens
// once, line breaks left out (a paragraph holds one only where it was joined over a hard wrap: layout, not syntax).

/** A role verb: what ends a verb segment (`X牵头`, `由X负责`, `Y配合`). */
const isRoleVerb = (t: IToken): boolean => is(t, ROLE_VERB);

/** The first token of [from, to) that is no line break, `to` when there is none. */
function firstToken(toks: readonly IToken[], from: number, to: number): number {
  while (from < to && toks[from]!.tokenType === Newline) from++;
  return from;
}

/** The end of [from, to) without the line breaks that close it. */
function trimEnd(toks: readonly IToken[], from: number, to: number): number {
  while (to > from && toks[to - 1]!.tokenType === Newline) to--;
  return to;
}

/** The parts of the content [from, to) of an attribution, in text order. */
function readParts(toks: readonly IToken[], from: number, to: number): AttributionPart[] {
  const parts: AttributionPart[] = [];
  let at = from;
  while (at < to) {
    if (isClauseEnd(toks[at]!)) {
      at++;
      continue;
    }
    const partEnd = partEndAt(toks, at, to);
    // Before a glued field name, the separators the part ends with are dropped.
    let readTo = partEnd;
    if (fieldClauseAt(toks, partEnd, to)) while (readTo > at && isTrailingSeparator(toks[readTo - 1]!)) readTo--;
    // A part of nothing but dropped separators and line breaks is read by no one.
    const first = firstToken(toks, at, readTo);
    if (first < readTo) {
      if (is(toks[first]!, FIELD)) parts.push(fieldAt(toks, first, readTo));
      else readSegments(toks, first, readTo, parts);
    }
    at = partEnd;
  }
  return parts;
}

/**
 * Where the part starting at `at` ends, before `limit`: at `；` `。` outside nested groups, or at a field name glued to it
 * (`…，责任单位：`).
 */
function partEndAt(toks: readonly IToken[], at: number, limit: number): number {
  let depth = 0;
  for (let i = at; i < limit; i++) {
    const t = toks[i]!;
    if (is(t, OPENER)) depth++;
    else if (is(t, CLOSER) && depth > 0) depth--;
    if (depth !== 0) continue;
    if ((i > at && (fieldClauseAt(toks, i, limit) || spacedField(toks, at, i))) || isClauseEnd(t)) return i;
  }
  return limit;
}

/**
 * Does a field name at `i` follow a space, in a part that a field name opens at `at` (`牵头单位 县发改局　配合单位 县财政局`,
 * labels written without colons)? It opens the next part: a unit's name holds no field name.
 */
function spacedField(toks: readonly IToken[], at: number, i: number): boolean {
  if (!is(toks[i]!, FIELD) || toks[i]!.startOffset === end(toks[i - 1]!)) return false;
  return is(toks[firstToken(toks, at, i)]!, FIELD);
}

/**
 * The field named at `head`, its part ending at `to`: `牵头单位：X、Y`, `完成时限：2024年底前`. The value follows the colon
 * (when there is one) and runs to the part's end, but a unit field's ends at a role verb or `由` (`责任单位：X牵头，Y配合`).
 */
function fieldAt(toks: readonly IToken[], head: number, to: number): AttributionPart {
  const colon = firstToken(toks, head + 1, to);
  const value = colon < to && toks[colon]!.tokenType === Colon ? colon + 1 : head + 1;
  let valueTo = value;
  for (let i = value; i < to; i++) {
    if (toks[i]!.tokenType === Newline) continue;
    if (!inValue(toks, head, i)) break;
    valueTo = i + 1;
  }
  return { kind: 'field', head, value, to: valueTo, end: trimEnd(toks, head, to) };
}

/**
 * Is the token at `i` part of the value of the field named at `head`? A unit's name holds no role verb, `由` or `会同`,
 * which ends it (`责任部门:园林局配合做好…`, `牵头单位：县发改局会同县财政局`; the token right after the field's name always
 * counts); a deadline holds anything.
 */
function inValue(toks: readonly IToken[], head: number, i: number): boolean {
  if (toks[head]!.tokenType === DeadlineField || i < head + 2) return true;
  const t = toks[i]!;
  // `县工信局（牵头）、县财政局`: the mark is part of the list.
  if (is(t, ROLE_VERB) && i + 1 < toks.length && isLeadMark(toks, i - 1, i + 1)) return true;
  return !is(t, ROLE_VERB) && t.tokenType !== By && t.tokenType !== Together;
}

/** Reads the segments of the part [from, to) (its first token at `from`) into `parts`: cut at the commas outside nested brackets. */
function readSegments(toks: readonly IToken[], from: number, to: number, parts: AttributionPart[]): void {
  let depth = 0;
  let waiting = -1;
  let segmentFrom = from;
  for (let i = from; i < to; i++) {
    const t = toks[i]!;
    if (is(t, OPENER)) depth++;
    else if (is(t, CLOSER)) {
      if (depth > 0) depth--;
    } else if (t.tokenType === Comma && depth === 0) {
      waiting = readSegment(toks, waiting, segmentFrom, i, parts);
      // The next segment starts at the next token (a hard wrap after the comma is none).
      segmentFrom = firstToken(toks, i + 1, to);
    } else if (depth === 0 && enumeratesAfter(toks, i, to)) {
      // `由X牵头、Y负责`: a `、` right after a role verb ends its segment as a comma would (the `、` opens the next one, and
      // no unit's name holds it); a verb inside a bracket (`县工信局（牵头）、县财政局`) is a mark, not a segment's end.
      waiting = readSegment(toks, waiting, segmentFrom, i + 1, parts);
      segmentFrom = i + 1;
    }
  }
  readSegment(toks, waiting, segmentFrom, trimEnd(toks, from, to), parts);
}

/**
 * Where the segment of a clause from `at` ends, before `to`: at its comma, or after a role verb a `、` follows (`X负责、Y配合`:
 * see `readSegments`).
 */
function segmentEnd(toks: readonly IToken[], at: number, to: number): number {
  for (let i = at; i < to; i++) {
    const t = toks[i]!;
    if (t.tokenType === Comma) return i;
    if (enumeratesAfter(toks, i, to)) return i + 1;
  }
  return to;
}

/** Where the segment after the one that ends at `end` (`segmentEnd`) starts: after its comma, or at its `、`. */
function nextSegment(toks: readonly IToken[], end: number): number {
  return end < toks.length && toks[end]!.tokenType === Comma ? end + 1 : end;
}

/** Is the token at `verb` a role verb that a `、` or a slash glued to it follows, before `to` (`X牵头、Y负责`, `X牵头/Y/Z`)? */
function enumeratesAfter(toks: readonly IToken[], verb: number, to: number): boolean {
  if (verb + 1 >= to || !is(toks[verb]!, ROLE_VERB)) return false;
  const next = toks[verb + 1]!;
  const c = next.image.charCodeAt(0);
  return (c === ENUM_COMMA || c === SLASH || c === SLASH_FULL) && next.startOffset === end(toks[verb]!);
}
const ENUM_COMMA = '、'.charCodeAt(0);
const SLASH = 0x2f;
const SLASH_FULL = 0xff0f;

/**
 * Reads the segment [segmentFrom, to) into `parts`, joined to the segments before it when `由` waits for its verb
 * (`waiting`: where they start, -1 when none waits; `由A,B,C牵头` is one segment of three pieces). Returns where the
 * segments that wait for their verb start, -1 when none waits.
 */
function readSegment(toks: readonly IToken[], waiting: number, segmentFrom: number, to: number, parts: AttributionPart[]): number {
  const from = waiting >= 0 ? waiting : segmentFrom;
  if (to <= from) return -1;
  const verb = verbAtEnd(toks, from, to, isRoleVerb);
  if (verb >= 0) {
    // `本部分任务由县商务局牵头`: words before a `由` meaning "by" are the work's, the units follow it.
    const by = leadsAfterBy(toks[verb]!) ? indexOf(toks, By, from + 1, verb) : -1;
    if (by > from && meansBy(toks, by)) parts.push({ kind: 'by', by, together: indexOf(toks, Together, by + 1, verb), verb });
    else parts.push({ kind: 'verb', from, together: indexOf(toks, Together, from + 1, verb), verb });
    // A space after the verb ends the segment as a comma would (`县应急局负责 2025年底前完成`): what follows is read apart.
    // Glued to the verb, what follows is the work it names (`县住建局：负责老旧小区改造（2025年底前）`).
    const after = toks[verb + 1];
    if (verb + 1 < to && after!.tokenType !== Newline) parts.push({ kind: after!.startOffset !== end(toks[verb]!) ? 'other' : 'work', from: verb + 1, to });
    return -1;
  }
  if (toks[from]!.tokenType === Together) {
    parts.push({ kind: 'with', from, to });
    return -1;
  }
  const ownBy = indexOf(toks, By, segmentFrom, to);
  if ((waiting >= 0 || ownBy >= 0) && !some(toks, leadsAfterBy, segmentFrom, to)) return from;
  const by = waiting >= 0 ? indexOf(toks, By, from, to) : ownBy;
  if (by >= 0) {
    let verbAt = by + 1;
    while (verbAt < to && !leadsAfterBy(toks[verbAt]!)) verbAt++;
    if (verbAt < to) {
      parts.push({ kind: 'by', by, together: indexOf(toks, Together, by + 1, verbAt), verb: verbAt });
      return -1;
    }
  }
  parts.push({ kind: 'other', from, to });
  return -1;
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

/** The attributions a paragraph holds, its tokens being [from, to) of `toks` (marker excluded), in text order. */
export function readAttributionSyntax(toks: readonly IToken[], from: number, to: number): AttributionSyntax[] {
  if (!holdsKeyword(toks, from, to)) return [];
  const attributions = findAttributions(toks, from, to);
  for (const found of attributions) if (found.kind !== 'together') found.parts = readParts(toks, found.from, found.to);
  return attributions;
}
