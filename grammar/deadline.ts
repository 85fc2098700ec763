// Deadline phrases (`完成时限`, deadline): `2024年6月底前`, `上半年`, `第一季度`, `每季度`, `长期坚持`, `清明节期间`, ranges
// `2021—2023年`, damaged digit runs: where a text holds them and how each is built (year, months, days, range, cues).
// The model turns what is found into ISO dates against the plan's period (server/src/model/deadline.ts).
//
// Read character by character over the text (`DeadlineScan`), not by Chevrotain rules: a phrase lies inside the plan
// lexer's text runs (which are cut only where another token may start), whether it is one depends on the characters
// around it (`3年内` and `去年底` are no `年内`, `统一月度` holds no month, `内蒙古` no `内`, a `《…》` title's years are
// another document's), and the 1 MB bench plan has ~22,000 places where one may start: a lexer and parser run at each
// would cost several times the whole model's budget.
// Over 400 lines: every shape of deadline phrase, read in one scan (why not by Chevrotain rules: above).

/** How precisely a phrase names its time. */
export type DeadlinePrecision = 'day' | 'month' | 'quarter' | 'half' | 'year';

// ---------------------------------------------------------------------------------------------
// Folding: one code unit for one code unit, so offsets in the folded text are offsets in the text.

const FOLD_FROM = '０１２３４５６７８９ＱｑＯ－～〜．／：長續堅態開實執進動於內當為遲時間號後幾兩個務設陸資數該歷週節國慶勞從';
const FOLD_TO = '0123456789QqO-~~./:长续坚态开实执进动于内当为迟时间号后几两个务设陆资数该历周节国庆劳从';

/**
 * A set of code units, as a table of 8 KB: one bit each. It is read at every character of the texts scanned, and so
 * small a table stays in the processor's nearest cache, where one of a byte per code unit (64 KB) would not while
 * the texts' Han characters are looked up in it.
 */
function codeSet(chars: string): Int32Array {
  const set = new Int32Array(0x800);
  for (let k = 0; k < chars.length; k++) {
    const c = chars.charCodeAt(k);
    set[c >>> 5]! |= 1 << (c & 31);
  }
  return set;
}

/** Is code unit `c` (0–0xFFFF) in `set`? */
const inCodeSet = (set: Int32Array, c: number): boolean => (set[c >>> 5]! & (1 << (c & 31))) !== 0;

/** The code units `fold` changes, and what to. */
const FOLDS = codeSet(FOLD_FROM);
const FOLD_TO_CODE = new Map([...FOLD_FROM].map((c, k) => [c.charCodeAt(0), FOLD_TO.charCodeAt(k)]));

/** Full-width digits and punctuation to ASCII, traditional keyword characters to simplified; same length. */
export function fold(text: string): string {
  return foldFrom(text, 0);
}

/** `fold(text)`, when no character before `from` changes. */
function foldFrom(text: string, from: number): string {
  // The first character that changes: a regex over the class of `FOLD_FROM` costs several times more.
  let first = from;
  while (first < text.length && !inCodeSet(FOLDS, text.charCodeAt(first))) first++;
  if (first === text.length) return text;
  // Few characters change: copy the runs between them.
  let out = '';
  let last = 0;
  for (let k = first; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (inCodeSet(FOLDS, code)) {
      out += text.slice(last, k) + String.fromCharCode(FOLD_TO_CODE.get(code)!);
      last = k + 1;
    }
  }
  return out + text.slice(last);
}

// ---------------------------------------------------------------------------------------------
// Character classes: code-unit sets (`codeSet`), asked about by position (`isAt(s, k, CLASS)`). A `Set` of
// one-character strings would make a string of each character asked about (the engine keeps no one-character
// strings beyond Latin-1), and the scanner asks at every candidate.

/**
 * Is the character at `k` of `s` in `set`? False outside `s` (no set holds U+0000, which a position outside reads as:
 * `charCodeAt` gives NaN, and `inCodeSet` reads NaN as 0).
 */
const isAt = (s: string, k: number, set: Int32Array): boolean => inCodeSet(set, s.charCodeAt(k));

const CJK_DIGIT: Record<string, number> = {
  〇: 0, '○': 0, 零: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
/** Characters that make up a Chinese numeral run (`十二`, `二〇二〇`). */
const CJK_NUMERAL = codeSet('〇○零一二三四五六七八九十');
/**
 * Han characters that may stand right before a Chinese-numeral month or quarter (`于三月`, `二〇二〇年十二月`), the last
 * of a word that sets a time (`力争三季度完成`, `争取四月底`, `确保三月底前`, `计划四季度`).
 */
const CJK_MONTH_PREV = codeSet('于在到至止迟晚底前内年月、每争取保划');
/** Characters before a Chinese numeral that make it part of a longer number (`第一`, `百二`, `十二`). */
const CJK_NUMBER_PREV = codeSet('〇○零一二三四五六七八九十第百千两');
/** Characters before a bare `年底` / `年内` that make it part of something else (`3年内`, `半年内`, `去年底`). */
const BARE_YEAR_DENY = codeSet('0123456789〇○零一二三四五六七八九十百千两半几多每今本当全明次翌去上下前后近往同该历数逐整跨');
/** Characters after `年中` that make `中` part of a word (`年中央`, `年中心`, `年中小学`, `年中秋`, `年中期`, `年中旬`). */
const MID_YEAR_DENY = codeSet('央心小学国华秋考层期间旬途外共医药');
/** Characters after `内` that make it part of a word (`内蒙古`, `内部`), not "within". */
const INNER_DENY = codeSet('蒙部容外控设涵地务资需在河江陆核');
/** The time of the work, said to be a date or a period (`实施时间为2025年至2027年`, `整治期限为…`). */
const TIME_NOUNS = ['时间', '时限', '期限', '时段'];
/** …but not when something starts, is issued or counted, nor a plan's horizon (`开工时间为`, `发布时间为`, `规划期限为`). */
const NOT_WORK_TIME = ['开工', '开始', '启动', '发布', '印发', '统计', '规划', '出生', '成立', '注册', '申报', '受理'];
/** Range separators (one code unit each; `——` is read as two). */
const RANGE_SEP = codeSet('—–―‐-~至到');
/** Single characters before a date that make it a deadline in prose (`于` `在` `到` `截至` `截止` `最迟`). */
const PREFIX_CUE = codeSet('于在到至止迟晚');
/** Clause boundaries for a stand-alone ongoing phrase in prose. */
const CLAUSE_BOUNDARY_CHARS = '。，,；;：:！!？?（）()【】[]〔〕\n\r';
const CLAUSE_BOUNDARY = codeSet(CLAUSE_BOUNDARY_CHARS);
/** Spaces, inside a date or around it. */
const SPACE_CHARS = ' \t\u3000\u00a0';
const SPACE = codeSet(SPACE_CHARS);
/** Characters before a digit that make it part of something else (`v2`, `1.5`, `a_3`, `2/3`, `2-3`). */
const DIGIT_JOIN = codeSet('._/\\-');
/** Characters a bare damaged date with no `日` may end before (`2020313` before `前`, a space, a clause end). */
const BARE_END = codeSet(`前之以)）${SPACE_CHARS}${CLAUSE_BOUNDARY_CHARS}`);
/** The first characters of the holidays (`HOLIDAYS`), for the candidate scan. */
const HOLIDAY_START = '元旦|春节|清明|五一|劳动节|端午|中秋|国庆|主汛期|汛期|汛前|暑假|暑期|寒假|两节|双节|秋季|春季|' +
  '三夏|三秋|春耕|春播|夏收|夏种|夏播|秋收|秋种|秋播|冬种|麦收|秋冬季|冬春季';
/**
 * Where a deadline or an ongoing phrase may start; the scan jumps from one to the next. Bounded quantifiers only:
 * linear on any input. Tried only where one of `CANDIDATE_FIRSTS` stands (sticky): a lookahead tried at every
 * position cost the scan more than the phrases it found.
 */
const CANDIDATE_SOURCES = [
  '[0-9]', '[〇○零O一二三四五六七八九十]{1,4}[年月季日号]', '元月', '第[一二三四1-4]季', '[Qq][1-4]', '每[年季半月]',
  '年度?[底末内]', '年中', '[上下]半年', '(?:本|今|当|全|明|次|翌|去|上一?|下一)年', '长期|持续|常态化|常年|长效', '即日', '即时|立即',
  HOLIDAY_START, '贯穿全年',
];
export const CANDIDATE = new RegExp(CANDIDATE_SOURCES.join('|'), 'y');
/** The first characters of `CANDIDATE`'s alternatives, in their order (a test checks the two agree). */
export const CANDIDATE_FIRSTS = '0123456789〇○零O一二三四五六七八九十元第Qq每年上下本今当全明次翌去长持常即立元春清五劳端中国主汛暑寒两双秋三夏冬麦贯';
const CANDIDATE_FIRST = codeSet(CANDIDATE_FIRSTS);
/** Where the scan of a text may start: a character that folds, or one that may start a candidate (as written). */
const SCAN_FROM = codeSet(FOLD_FROM + CANDIDATE_FIRSTS);
/** The characters that start a candidate once folded (`２` as well as `2`). */
const FOLDS_TO_CANDIDATE_FIRST = codeSet(
  [...CANDIDATE_FIRSTS].filter((c) => !FOLD_FROM.includes(c)).join('') +
    [...FOLD_FROM].filter((_, k) => CANDIDATE_FIRSTS.includes(FOLD_TO[k]!)).join(''),
);
/**
 * What starts an ongoing phrase: the work goes on (`长期坚持` `持续推进` `常态化推进`, `贯穿全年`), or starts now and has no
 * end to compute either (`即时` `立即启动` `即日起`; `即日起至10月31日` is a range, read as a date).
 */
const ONGOING_KEYS = ['常态化', '长期', '持续', '常年', '长效', '即时', '立即', '即日起', '贯穿全年'];
/**
 * Seasons of farm work (`秋收期间`, `春耕前`, `三夏期间`, `麦收前`) and the seasons a campaign runs in (`秋冬季`), which
 * plans for farming, burning bans and air quality are scheduled by; their days move with the weather and the region.
 */
const FARM_SEASONS = ['三夏', '三秋', '春耕', '春播', '夏收', '夏种', '夏播', '秋收', '秋种', '秋播', '冬种', '麦收', '秋冬季', '冬春季'];
/**
 * Holidays and seasons a schedule is written against (`清明节期间`, `国庆节前`, `汛期`, `秋收期间`), and the terms of the
 * school year (`秋季开学前`, `春季学期期间`); longer names first. Their dates move from year to year (the lunar ones, the
 * day a term starts, the harvest) or are not a day (a season): they are read as a period with no computed end.
 */
const HOLIDAYS = [
  '秋季学期开学', '春季学期开学', '秋季开学', '春季开学', '秋季学期', '春季学期', '元旦春节', '元旦', '春节', '清明节', '清明', '五一',
  '劳动节', '端午节', '端午', '中秋节', '中秋', '国庆节', '国庆', '主汛期', '汛期', '汛前', '暑假', '暑期', '寒假', '两节', '双节',
  ...FARM_SEASONS,
];
/**
 * Seasons that are a time bound with no word after them when they are a clause of their own (`（县防汛办负责，汛期）`,
 * `完成时限：汛前`, `2026年秋冬季`): the season is the period. `汛前` holds its bound, and is one anywhere a holiday's period
 * is (`汛前完成`).
 */
const SEASONS = new Set([
  '主汛期', '汛期', '汛前', '暑假', '暑期', '寒假', '秋季学期开学', '春季学期开学', '秋季开学', '春季开学', '秋季学期', '春季学期',
  ...FARM_SEASONS,
]);
/** What may join two holidays or seasons into one period (`汛期和暑假期间`, `元旦、春节期间`). */
const HOLIDAY_JOINERS = codeSet('和及与與、');
/** What makes a holiday a time bound: `期间` `前后` `之前` `以前` `前` (not `的临近`, not `后`). */
const HOLIDAY_BOUNDS = ['期间', '前后', '之前', '以前', '前'];
/** The first characters of `HOLIDAYS` and of `ONGOING_KEYS`. */
const HOLIDAY_FIRST = codeSet(HOLIDAYS.map((w) => w[0]).join(''));
const ONGOING_FIRST = codeSet(ONGOING_KEYS.map((w) => w[0]).join(''));
/** The verbs an ongoing key may go on with (`长期坚持`, `立即启动`, `即时办理` `即时办结`: work done as it comes). */
const ONGOING_VERBS = ['坚持', '推进', '开展', '实施', '执行', '落实', '进行', '抓好', '深化', '推动', '有效', '整改', '启动', '办理', '办结'];

/** Is the character at `k` of `s` an ASCII digit (false outside `s`)? */
function isDigit(s: string, k: number): boolean {
  const c = s.charCodeAt(k);
  return c >= 0x30 && c <= 0x39;
}

/** Is the character at `k` of `s` an ASCII letter (false outside `s`)? */
function isAsciiLetter(s: string, k: number): boolean {
  const c = s.charCodeAt(k);
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

const isSpace = (s: string, k: number): boolean => isAt(s, k, SPACE);

/** Is the character at `k` of `s` a Han character (false outside `s`)? */
function isHan(s: string, k: number): boolean {
  const x = s.charCodeAt(k);
  return (x >= 0x4e00 && x <= 0x9fff) || (x >= 0x3400 && x <= 0x4dbf) || x === 0x3007;
}

function digitRunEnd(s: string, i: number): number {
  let j = i;
  while (isDigit(s, j)) j++;
  return j;
}

/** `Number(s.slice(from, to))` for a run of ASCII digits [from, to), without cutting the string. */
function digitsValue(s: string, from: number, to: number): number {
  let value = 0;
  for (let k = from; k < to; k++) value = value * 10 + (s.charCodeAt(k) - 48);
  return value;
}

function cjkRunEnd(s: string, i: number): number {
  let j = i;
  while (isAt(s, j, CJK_NUMERAL)) j++;
  return j;
}

/** What a date's pieces are glued with, when a space was typed between them (`12 月底前`, `2024 年 6 月`). */
const DATE_GLUE = codeSet('年月日号底末前季度之以内');

/**
 * Past the spaces at `k` (at most two) when a date goes on after them (`12 月`: the `月`; with `digits`, `年 6月`:
 * the `6`); else `k`. Typed dates carry such spaces; `6月 开展` does not go on.
 */
function gap(s: string, k: number, digits = false): number {
  if (!isSpace(s, k)) return k;
  let j = k;
  while (j < s.length && j - k < 2 && isSpace(s, j)) j++;
  return isAt(s, j, DATE_GLUE) || (digits && isDigit(s, j)) ? j : k;
}

/** Length of a range separator at `j` (`—` `——` `-` `~` `至` `到`), 0 when none. */
function sepAt(s: string, j: number): number {
  if (!isAt(s, j, RANGE_SEP)) return 0;
  return s[j] === '—' && s[j + 1] === '—' ? 2 : 1;
}

// ---------------------------------------------------------------------------------------------
// Calendar.

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The days of `month` (February has 29 when the year is unknown). */
export function daysIn(year: number | null, month: number): number {
  if (month === 2) return year === null || isLeap(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const validYear = (y: number): boolean => y >= 1900 && y <= 2099;

function validMonthDay(m: number, d: number, year: number | null): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(year, m);
}

// ---------------------------------------------------------------------------------------------
// The parsed form.

export type YearRef = { kind: 'written'; value: number } | { kind: 'relative'; delta: number } | { kind: 'none' };

/** A window inside one year: months m1..m2, days d1 (of m1) .. d2 (of m2); 'last' = the month's last day. */
export interface Win {
  m1: number;
  m2: number;
  d1: number;
  d2: number | 'last';
  precision: DeadlinePrecision;
}

export interface Part {
  year: YearRef;
  win: Win;
}

/** A parsed expression, in offsets of the folded text. `first` is set for a range. */
export interface Expr {
  from: number;
  to: number;
  first: Part | null;
  last: Part;
  recurring: boolean;
  damaged: boolean;
  /** The expression itself says "by" (`底` `末` `内`, a recurring schedule). */
  cue: boolean;
  /** A day-only second half of a range (`3月1日—20日`): its month comes from the first half. */
  inheritMonth: boolean;
}

/** What follows a year or a month: the window it narrows to, and where it ends. */
interface Tail {
  to: number;
  win: Win;
  cue: boolean;
  first?: Win;
}

interface Env {
  /** Parsing the second half of a range. */
  afterSep: boolean;
  /** A prefix cue (`于320日之前`): a yearless damaged `320日` may be read. */
  loose: boolean;
}

const NO_YEAR: YearRef = { kind: 'none' };
// Year references and windows are never changed once made (a range copies a window to change it), so the
// common ones are made once: the reader then builds a handful of objects per deadline rather than a dozen.

/** `written(y)` for the years a plan can name (1900–2099), by `y - 1900`. */
const WRITTEN_YEARS: YearRef[] = Array.from({ length: 200 }, (_, k) => ({ kind: 'written', value: 1900 + k }));
const written = (value: number): YearRef =>
  Number.isInteger(value) && value >= 1900 && value <= 2099 ? WRITTEN_YEARS[value - 1900]! : { kind: 'written', value };

const YEAR_WIN: Win = { m1: 1, m2: 12, d1: 1, d2: 'last', precision: 'year' };
const HALF_WINS: Win[] = [1, 2].map((h) => ({ m1: h === 1 ? 1 : 7, m2: h === 1 ? 6 : 12, d1: 1, d2: 'last', precision: 'half' }));
/** By quarter 1–4 (index 0 unused). */
const QUARTER_WINS: Win[] = [0, 1, 2, 3, 4].map((q) => ({ m1: 3 * q - 2, m2: 3 * q, d1: 1, d2: 'last', precision: 'quarter' }));
/** By month 0–12 (0: the `1—3月` range's unwritten month, kept as read). */
const MONTH_WINS: Win[] = Array.from({ length: 13 }, (_, m) => ({ m1: m, m2: m, d1: 1, d2: 'last', precision: 'month' }));

const yearWin = (): Win => YEAR_WIN;
const halfWin = (h: number): Win => HALF_WINS[h === 1 ? 0 : 1]!;
const quarterWin = (q: number): Win =>
  Number.isInteger(q) && q >= 1 && q <= 4 ? QUARTER_WINS[q]! : { m1: 3 * q - 2, m2: 3 * q, d1: 1, d2: 'last', precision: 'quarter' };
const monthWin = (m: number): Win =>
  Number.isInteger(m) && m >= 0 && m <= 12 ? MONTH_WINS[m]! : { m1: m, m2: m, d1: 1, d2: 'last', precision: 'month' };
const dayWin = (m: number, d1: number, d2: number | 'last'): Win => ({ m1: m, m2: m, d1, d2, precision: 'day' });

type Flags = Partial<Pick<Expr, 'recurring' | 'damaged' | 'cue' | 'inheritMonth'>>;

function expr(from: number, to: number, year: YearRef, win: Win, flags: Flags = {}): Expr {
  return {
    from, to, first: null, last: { year, win },
    recurring: flags.recurring === true,
    damaged: flags.damaged === true,
    cue: flags.cue === true,
    inheritMonth: flags.inheritMonth === true,
  };
}

/** Marks `e` as a range starting at `first`. */
function ranged(e: Expr, first: Part): Expr {
  e.first = first;
  return e;
}

function fromTail(from: number, year: YearRef, tail: Tail, flags: Flags = {}): Expr {
  const e = expr(from, tail.to, year, tail.win, flags);
  e.cue = e.cue || tail.cue;
  return tail.first ? ranged(e, { year, win: tail.first }) : e;
}

// ---------------------------------------------------------------------------------------------
// Numbers.

/** `十` `十二` `二十` `三十一` `五` → value; null for anything else. */
function cjkSmall(run: string): number | null {
  const d = (c: string | undefined): number | null => {
    const v = c === undefined ? undefined : CJK_DIGIT[c];
    return v === undefined || v === 0 ? null : v;
  };
  if (run.length === 1) return run === '十' ? 10 : d(run);
  if (run.length === 2 && run[0] === '十') return (d(run[1]) ?? -100) + 10;
  if (run.length === 2 && run[1] === '十') return (d(run[0]) ?? -100) * 10;
  if (run.length === 3 && run[1] === '十') return (d(run[0]) ?? -100) * 10 + (d(run[2]) ?? -100);
  return null;
}

/** A small number at `k`: 1–2 Arabic digits or a Chinese numeral up to `三十一`; the whole run must be it. */
function readNumber(s: string, k: number): { value: number; to: number } | null {
  if (isDigit(s, k)) {
    const e = digitRunEnd(s, k);
    return e - k <= 2 ? { value: digitsValue(s, k, e), to: e } : null;
  }
  if (!isAt(s, k, CJK_NUMERAL)) return null;
  const e = cjkRunEnd(s, k);
  const value = e - k <= 3 ? cjkSmall(s.slice(k, e)) : null;
  return value === null || value < 1 ? null : { value, to: e };
}

/** A four-character Chinese year (`二〇二〇` `二○○八` `二OO八`) at `k`, followed by `年`. */
function readCjkYear(s: string, k: number): number | null {
  if (s[k] !== '一' && s[k] !== '二') return null;
  let y = 0;
  for (let j = k; j < k + 4; j++) {
    const v = CJK_DIGIT[s[j] as string];
    if (v === undefined) return null;
    y = y * 10 + v;
  }
  return s[k + 4] === '年' && !isAt(s, k - 1, CJK_NUMERAL) && validYear(y) ? y : null;
}

// ---------------------------------------------------------------------------------------------
// Pieces: month, quarter, half, and what follows a year or a month.

/** `6月` `十二月` `元月` at `k`. */
function readMonth(s: string, k: number): { month: number; to: number } | null {
  if (s[k] === '元' && s[k + 1] === '月') return { month: 1, to: k + 2 };
  const n = readNumber(s, k);
  const m = n ? gap(s, n.to) : -1;
  return n && s[m] === '月' ? { month: n.value, to: m + 1 } : null;
}

/** `第一季度` `一季度` `1季度` `第4季度` `三季末` `Q3` at `k`, with an optional `末` / `底`. */
function readQuarter(s: string, k: number): Tail | null {
  let j = k;
  let q = 0;
  if ((s[j] === 'Q' || s[j] === 'q') && !isAsciiLetter(s, j - 1)) {
    q = Number(s[j + 1]);
    j += 2;
    if (isDigit(s, j) || isAsciiLetter(s, j)) return null;
  } else {
    if (s[j] === '第') j++;
    q = isDigit(s, j) ? (isDigit(s, j + 1) ? 0 : Number(s[j])) : (CJK_DIGIT[s[j] as string] ?? 0);
    j++;
    if (s[j] === '季' && s[j + 1] === '度') j += 2;
    else if (s[j] === '季' && (s[j + 1] === '末' || s[j + 1] === '底')) j += 1;
    else return null;
  }
  if (!(q >= 1 && q <= 4)) return null;
  const cue = s[j] === '末' || s[j] === '底';
  return { to: cue ? j + 1 : j, win: quarterWin(q), cue };
}

/** `上半年` / `下半年` (`上半年度`) at `k`. */
function readHalf(s: string, k: number): Tail | null {
  if ((s[k] !== '上' && s[k] !== '下') || s[k + 1] !== '半' || s[k + 2] !== '年') return null;
  const to = s[k + 3] === '度' ? k + 4 : k + 3;
  return { to, win: halfWin(s[k] === '上' ? 1 : 2), cue: false };
}

/** `内` meaning "within" (not `内蒙古`, `内部`). */
const isWithin = (s: string, k: number): boolean => s[k] === '内' && !isAt(s, k + 1, INNER_DENY);

/** What follows `N月`: `底` `末` `上旬` `中旬` `下旬` `初` `N日` `份` `内`, or nothing. */
function monthTail(s: string, written: number, m: number): Tail {
  const k = gap(s, written, true);
  const c = s[k];
  if (c === '底' || c === '末') return { to: k + 1, win: monthWin(m), cue: true };
  if (s[k + 1] === '旬' && (c === '上' || c === '中' || c === '下')) {
    const win = c === '上' ? dayWin(m, 1, 10) : c === '中' ? dayWin(m, 11, 20) : dayWin(m, 21, 'last');
    return { to: k + 2, win, cue: false };
  }
  if (c === '初') return { to: k + 1, win: dayWin(m, 1, 10), cue: false };
  const d = readNumber(s, k);
  const day = d ? gap(s, d.to) : -1;
  if (d && (s[day] === '日' || s[day] === '号')) return { to: day + 1, win: dayWin(m, d.value, d.value), cue: false };
  if (c === '份') return { to: k + 1, win: monthWin(m), cue: false };
  if (isWithin(s, k)) return { to: k + 1, win: monthWin(m), cue: true };
  return { to: written, win: monthWin(m), cue: false };
}

/** `1—3月` at `k`: a range of months. */
function readMonthRange(s: string, k: number): Tail | null {
  const a = readNumber(s, k);
  const sep = a ? sepAt(s, a.to) : 0;
  if (!a || !sep) return null;
  const b = readMonth(s, a.to + sep);
  if (!b) return null;
  const tail = monthTail(s, b.to, b.month);
  tail.first = monthWin(a.value);
  return tail;
}

/**
 * What follows `2020年`: `底` `年底` `内` `上半年` `第一季度` `前三季度` `6月…` `1—3月`, `全年` (the whole year, said
 * twice: `2026年全年`), or nothing (the whole year).
 */
function yearTail(s: string, j: number): Tail {
  let k = gap(s, j, true);
  if (s[k] === '全' && s[k + 1] === '年') return { to: k + 2, win: yearWin(), cue: false };
  if (s[k] === '年' && (s[k + 1] === '底' || s[k + 1] === '末' || isWithin(s, k + 1))) k++;
  if (s[k] === '底' || s[k] === '末' || isWithin(s, k)) return { to: k + 1, win: yearWin(), cue: true };
  const piece = readHalf(s, k) ?? readQuarter(s, s[k] === '前' ? k + 1 : k) ?? readMonthRange(s, k);
  if (piece) return piece;
  const m = readMonth(s, k);
  if (m) return monthTail(s, m.to, m.month);
  return { to: j, win: yearWin(), cue: false };
}

// ---------------------------------------------------------------------------------------------
// Damaged digit runs (seed 001): `2020313` → 2020年3月13日, `202031日` → 3月1日, `2020321430日` → 3月21日—4月30日.

/**
 * Every valid month + day reading of `d`, two-digit month first (`128` → 12月8日 before 1月28日; `313` → 3月13日).
 * `ml` is the month's digit count, so a clean `YYYYMMDD` can be told from damage.
 */
function monthDaySplits(d: string, year: number | null): { m: number; d: number; ml: number }[] {
  const out: { m: number; d: number; ml: number }[] = [];
  for (const ml of [2, 1]) {
    const dl = d.length - ml;
    if (dl < 1 || dl > 2) continue;
    const m = Number(d.slice(0, ml));
    const day = Number(d.slice(ml));
    if (validMonthDay(m, day, year)) out.push({ m, d: day, ml });
  }
  return out;
}

/** Splits digits into month, day, month, day in order (`321430` → 3.21–4.30); two-digit months and one-digit days first. */
function splitMonthDayRange(d: string, year: number | null): [number, number, number, number] | null {
  for (const ml1 of [2, 1]) {
    for (const dl1 of [1, 2]) {
      const m1 = Number(d.slice(0, ml1));
      const d1 = Number(d.slice(ml1, ml1 + dl1));
      if (ml1 + dl1 >= d.length || !validMonthDay(m1, d1, year)) continue;
      const second = monthDaySplits(d.slice(ml1 + dl1), year).find((b) => m1 * 100 + d1 <= b.m * 100 + b.d);
      if (second) return [m1, d1, second.m, second.d];
    }
  }
  return null;
}

/** May a bare damaged date with no `日` end before `k` (`2020313` at line end, before `前`)? */
const endsBare = (s: string, k: number): boolean => k >= s.length || isAt(s, k, BARE_END);

/** A damaged run of 5–12 digits starting with a year at [i, e). */
function damagedWithYear(s: string, i: number, e: number): Expr | null {
  const y = digitsValue(s, i, i + 4);
  const rest = s.slice(i + 4, e);
  const suffix = s[e];
  if (!validYear(y)) return null;
  const year = written(y);
  const dmg = { damaged: true };
  if (suffix === '年' && rest.length === 4 && validYear(Number(rest))) {
    const tail = yearTail(s, e + 1);
    return ranged(fromTail(i, written(Number(rest)), tail, dmg), { year, win: yearWin() });
  }
  if (suffix === '月' && rest.length <= 2) return fromTail(i, year, monthTail(s, e + 1, Number(rest)), dmg);
  const withDay = suffix === '日';
  if (!withDay && (!endsBare(s, e) || rest.length < 3)) return null;
  const to = withDay ? e + 1 : e;
  const md = rest.length <= 4 ? monthDaySplits(rest, y)[0] : undefined;
  if (md) return expr(i, to, year, dayWin(md.m, md.d, md.d), { damaged: !(rest.length === 4 && md.ml === 2) });
  const r = withDay ? splitMonthDayRange(rest, y) : null;
  if (!r) return null;
  return ranged(expr(i, to, year, dayWin(r[2], r[3], r[3]), dmg), { year, win: dayWin(r[0], r[1], r[1]) });
}

/** A yearless damaged `320日` (3月20日) at [i, e): only after a cue (`于`) or a range dash, never `120日内`. */
function damagedNoYear(s: string, i: number, e: number, env: Env): Expr | null {
  const digits = s.slice(i, e);
  if (s[e] !== '日' || s[e + 1] === '内' || !(env.loose || env.afterSep)) return null;
  if (digits.length < 2 || digits.length > 4 || (digits.length === 2 && Number(digits) <= 31)) return null;
  const md = monthDaySplits(digits, null)[0];
  return md ? expr(i, e + 1, NO_YEAR, dayWin(md.m, md.d, md.d), { damaged: true }) : null;
}

// ---------------------------------------------------------------------------------------------
// Expressions starting with a number.

/** After a four-digit year `2020` at [i, e): `年…`, `.6.30` / `-06-30`, `Q1`, or `—2018年` (a range of years). */
function afterYearDigits(s: string, i: number, e: number, y: number, env: Env): Expr | null {
  const g = gap(s, e);
  if (s[g] === '年') return fromTail(i, written(y), yearTail(s, s[g + 1] === '度' ? g + 2 : g + 1));
  const c = s[e];
  if ((c === '.' || c === '-' || c === '/') && isDigit(s, e + 1)) {
    const iso = isoLike(s, i, e, y, c);
    if (iso) return iso;
  }
  if (c === 'Q' || c === 'q') {
    const q = readQuarter(s, e);
    if (q) return fromTail(i, written(y), q);
  }
  const sep = sepAt(s, e);
  if (sep && isDigit(s, e + sep) && digitRunEnd(s, e + sep) - (e + sep) === 4 && s[e + sep + 4] === '年') {
    const second = numberAt(s, e + sep, { afterSep: true, loose: env.loose });
    if (second && second.first === null && second.last.year.kind === 'written') {
      second.from = i;
      return ranged(second, { year: written(y), win: yearWin() });
    }
  }
  return null;
}

/** `2021.6` `2021-06-30` `2021/6/30` (the year already read at [i, e)). */
function isoLike(s: string, i: number, e: number, y: number, sep: string): Expr | null {
  const me = digitRunEnd(s, e + 1);
  if (me - (e + 1) > 2) return null;
  const m = digitsValue(s, e + 1, me);
  if (m < 1 || m > 12) return null;
  let to = me;
  let win = monthWin(m);
  if (s[me] === sep && isDigit(s, me + 1)) {
    const de = digitRunEnd(s, me + 1);
    if (de - (me + 1) > 2) return null;
    const d = digitsValue(s, me + 1, de);
    win = dayWin(m, d, d);
    to = de;
  }
  const next = s[to];
  if (next === '%' || next === '.' || isAsciiLetter(s, to) || (next === sep && isDigit(s, to + 1))) return null;
  return expr(i, to, written(y), win);
}

/** After a small number at [i, to) (`6`, `十二`): `月…`, `季度`, `—3月`, or a day `20日` in a range's second half. */
function afterSmallNumber(s: string, i: number, n: { value: number; to: number }, env: Env): Expr | null {
  const g = gap(s, n.to);
  const c = s[g];
  if (c === '月') return fromTail(i, NO_YEAR, monthTail(s, g + 1, n.value));
  const q = readQuarter(s, i);
  if (q) return fromTail(i, NO_YEAR, q);
  const range = readMonthRange(s, i);
  if (range) return fromTail(i, NO_YEAR, range);
  if (env.afterSep && (c === '日' || c === '号')) {
    return expr(i, g + 1, NO_YEAR, dayWin(0, n.value, n.value), { inheritMonth: true });
  }
  return monthSlashDay(s, i, n);
}

/** `6/30前`, `6.30前`: a month and a day written with digits, a bound only with `前` after it (`3.5%`, `1/2` are no dates). */
function monthSlashDay(s: string, i: number, n: { value: number; to: number }): Expr | null {
  const c = s[n.to];
  if ((c !== '/' && c !== '.') || !isDigit(s, i) || !isDigit(s, n.to + 1) || n.value < 1 || n.value > 12) return null;
  const de = digitRunEnd(s, n.to + 1);
  const d = digitsValue(s, n.to + 1, de);
  if (de - (n.to + 1) > 2 || d < 1 || d > 31 || !/^(?:前|之前|以前)/.test(s.slice(de, de + 2))) return null;
  return expr(i, de, NO_YEAR, dayWin(n.value, d, d));
}

/** An expression starting with Arabic digits at `i` (the start of a digit run). */
function numberAt(s: string, i: number, env: Env): Expr | null {
  const e = digitRunEnd(s, i);
  const len = e - i;
  if (len > 12) return null;
  if (len <= 2) {
    const n = { value: digitsValue(s, i, e), to: e };
    return afterSmallNumber(s, i, n, env) ?? (len === 2 ? damagedNoYear(s, i, e, env) : null);
  }
  if (s[e] === '日' && len <= 4) return damagedNoYear(s, i, e, env);
  if (len === 4) {
    const y = digitsValue(s, i, e);
    return validYear(y) ? afterYearDigits(s, i, e, y, env) : null;
  }
  return len >= 5 ? damagedWithYear(s, i, e) : null;
}

/**
 * An expression starting with a Chinese numeral or `元` at `i`: `二〇二〇年…` anywhere; `十二月…` `元月` `一季度`
 * `二十日` (range end) only where a numeral may start a date (not `统一月度`).
 */
function cjkOrMonthAt(s: string, i: number, env: Env): Expr | null {
  const y = readCjkYear(s, i);
  if (y !== null) return fromTail(i, written(y), yearTail(s, s[i + 5] === '度' ? i + 6 : i + 5));
  if (!env.afterSep && !cjkMayStart(s, i)) return null;
  if (s[i] === '元') {
    const m = readMonth(s, i);
    return m ? fromTail(i, NO_YEAR, monthTail(s, m.to, m.month)) : null;
  }
  const n = readNumber(s, i);
  return n ? afterSmallNumber(s, i, n, env) : null;
}

// ---------------------------------------------------------------------------------------------
// Expressions starting with a word.

const RELATIVE_YEARS: [string, number][] = [
  ['本年度', 0], ['今年', 0], ['本年', 0], ['当年', 0], ['全年', 0],
  ['下一年', 1], ['明年', 1], ['次年', 1], ['翌年', 1],
  ['上一年', -1], ['去年', -1], ['上年', -1],
];

/**
 * `每年…` `每季度` `每半年` `每月…`: a recurring deadline; `end` is its first occurrence in the plan. In prose it is one
 * with a time in the period (`每年12月`, `每季度末`), or where work done so many times in it follows (`每年开展一次`:
 * `recursWork`); a quantity per period (`每年减少排放5%`, `每年培训500人次`) sets no time.
 */
function recurringAt(s: string, i: number): Expr | null {
  if (s[i] !== '每') return null;
  if (s[i + 1] === '年') {
    const j = s[i + 2] === '度' ? i + 3 : i + 2;
    const tail = yearTail(s, j);
    return fromTail(i, NO_YEAR, tail, { recurring: true, cue: tail.to > j || recursWork(s, j) });
  }
  if (s[i + 1] === '季' && s[i + 2] === '度') {
    const cue = s[i + 3] === '末' || s[i + 3] === '底';
    return expr(i, cue ? i + 4 : i + 3, NO_YEAR, quarterWin(1), { recurring: true, cue: cue || recursWork(s, i + 3) });
  }
  if (s[i + 1] === '半' && s[i + 2] === '年') return expr(i, i + 3, NO_YEAR, halfWin(1), { recurring: true, cue: recursWork(s, i + 3) });
  if (s[i + 1] === '月') {
    const tail = monthTail(s, i + 2, 1);
    return fromTail(i, NO_YEAR, tail, { recurring: true, cue: tail.to > i + 2 || recursWork(s, i + 2) });
  }
  return null;
}

/** Verbs of work done again each period (`开展` `召开` `通报` `演练`…), two characters each. */
const RECURRING_VERBS = [
  '开展', '组织', '举办', '召开', '举行', '进行', '实施', '通报', '调度', '更新', '评估', '检查', '督查', '督导', '巡查',
  '演练', '培训', '考核', '评选', '排查', '分析', '研判', '报告', '报送', '发布', '公布', '修订', '监测', '会商', '讲评', '总结',
];
/** The characters of a small count of times (`一次` `两次` `2次`). */
const TIMES_DIGIT = codeSet('一二两三四五六123456');

/**
 * Does work done so many times follow a period's `每…` at `k` (`开展一次`, `至少召开一次`, `组织开展两次`, `演练一轮`)? Up to
 * two verbs (`RECURRING_VERBS`) then a count of one character: the recurrence is the task's time.
 */
function recursWork(s: string, k: number): boolean {
  let j = s.startsWith('至少', k) ? k + 2 : k;
  const from = j;
  for (let n = 0; n < 2; n++) {
    const verb = wordAt(RECURRING_VERBS, s, j);
    if (verb === null) break;
    j += verb.length;
  }
  return j > from && isAt(s, j, TIMES_DIGIT) && (s[j + 1] === '次' || s[j + 1] === '轮');
}

/**
 * `今年…` `本年度…` `明年…`: a year relative to the plan's. A past year (`去年` `上年度` `上一年`) is a comparison
 * (`比上年度增长`), never a time bound: it is read whole and gives nothing.
 */
function relativeYearAt(s: string, i: number): Expr | null {
  for (const [word, delta] of RELATIVE_YEARS) {
    if (s.startsWith(word, i)) {
      if (delta < 0) return null;
      const j = i + word.length;
      if (word === '全年') {
        const through = allYearWork(s, i, j);
        if (through >= 0) return expr(i, through, { kind: 'relative', delta }, yearWin(), { cue: true });
      }
      return fromTail(i, { kind: 'relative', delta }, yearTail(s, s[j] === '度' ? j + 1 : j));
    }
  }
  return null;
}

/**
 * `全年推进` `全年开展` as a clause of its own (`…，全年推进。`): the work goes on through the plan's year, by its end, as
 * `在全年` says; its end, or -1. Inside a clause (`全年开展培训`) it is `全年` alone, read as before.
 */
function allYearWork(s: string, i: number, j: number): number {
  const verb = wordAt(ONGOING_VERBS, s, j);
  return verb !== null && standsAlone(s, i, j + verb.length) ? j + verb.length : -1;
}

/** `即日-4月10日` `即日起至10月31日`: from the day the plan is issued to a date (the range's start is not a date). */
function fromTodayAt(s: string, i: number, env: Env): Expr | null {
  if (!s.startsWith('即日', i)) return null;
  const j = s[i + 2] === '起' ? i + 3 : i + 2;
  const sep = sepAt(s, j);
  if (!sep) return null;
  const b = parseAt(s, j + sep, { afterSep: true, loose: env.loose });
  if (b === null || b.recurring || b.first !== null) return null;
  return expr(i, b.to, b.last.year, b.last.win, { damaged: b.damaged, cue: true });
}

/**
 * A bare `年底` `年末` `年内` `年度内` (the plan's year), or `年中` (mid-year: its first half). `年中` says no "by" of its
 * own: in prose it is a deadline only with a cue (`年中完成`, `年中前`, `于年中`), and never inside a word (`年中央`,
 * `少年中心`, `年中考`).
 */
function bareYearAt(s: string, i: number): Expr | null {
  if (s[i] !== '年' || isAt(s, i - 1, BARE_YEAR_DENY)) return null;
  if (s[i + 1] === '中') return isAt(s, i + 2, MID_YEAR_DENY) ? null : expr(i, i + 2, NO_YEAR, halfWin(1));
  const j = s[i + 1] === '度' ? i + 2 : i + 1;
  if (s[j] === '底' || s[j] === '末' || isWithin(s, j)) return expr(i, j + 1, NO_YEAR, yearWin(), { cue: true });
  return null;
}

/** May a Chinese numeral at `i` start a date? Not inside a word (`统一月度`) or a longer numeral. */
function cjkMayStart(s: string, i: number): boolean {
  if (i === 0) return true;
  if (isAt(s, i - 1, CJK_NUMBER_PREV)) return false;
  return !isHan(s, i - 1) || isAt(s, i - 1, CJK_MONTH_PREV);
}

/** Any expression starting at `i`, or null. */
function parseAt(s: string, i: number, env: Env): Expr | null {
  if (isDigit(s, i)) return numberAt(s, i, env);
  const c = s[i] as string;
  if (isAt(s, i, CJK_NUMERAL) || c === '元') return cjkOrMonthAt(s, i, env);
  if (c === '第' || c === 'Q' || c === 'q') {
    const q = readQuarter(s, i);
    return q ? fromTail(i, NO_YEAR, q) : null;
  }
  if (c === '每') return recurringAt(s, i);
  if (c === '年') return bareYearAt(s, i);
  if (c === '即') return fromTodayAt(s, i, env);
  const half = readHalf(s, i);
  if (half) return fromTail(i, NO_YEAR, half);
  return relativeYearAt(s, i);
}

// ---------------------------------------------------------------------------------------------
// Ranges, cues and the scan.

/** `A—B`: joins two expressions into one range; B takes A's year and month when it leaves them out. */
function joinRange(a: Expr, b: Expr): Expr {
  const aLast = a.last;
  const win = b.inheritMonth ? { ...b.last.win, m1: aLast.win.m2, m2: aLast.win.m2 } : b.last.win;
  const year = b.last.year.kind === 'none' ? aLast.year : b.last.year;
  const e = expr(a.from, b.to, year, win, { damaged: a.damaged || b.damaged, cue: a.cue || b.cue });
  return ranged(e, a.first ?? aLast);
}

/** After an expression: a range separator and a second half. */
function withRange(s: string, a: Expr, env: Env): Expr {
  const sep = a.recurring ? 0 : sepAt(s, a.to);
  if (!sep) return a;
  const b = parseAt(s, a.to + sep, { afterSep: true, loose: env.loose });
  return b && !b.recurring && b.first === null ? joinRange(a, b) : a;
}

const TRAILING_CUES = ['之前', '以前', '以内', '为止', '前', '内', '止'];

/** Consumes a trailing `前` `之前` `以前` `以内` `内` `为止`; returns the new end (past `to` when one was found). */
function trailingCue(s: string, end: number): number {
  const to = gap(s, end);
  for (const w of TRAILING_CUES) {
    if (!s.startsWith(w, to)) continue;
    if (w === '前' && (s[to + 1] === '后' || isAt(s, to + 1, CJK_NUMERAL))) continue;
    if (w === '内' && !isWithin(s, to)) continue;
    return to + w.length;
  }
  return end;
}

/**
 * A cue written before the date: `于` `在` `到` `截至` `截止` `最迟`, a `完成时限:` label (not `发布时间:`), or the time of the
 * work said to be it (`实施时间为`, `整治期限为`).
 */
function prefixCue(s: string, from: number): boolean {
  let k = from - 1;
  while (k >= 0 && from - k < 8 && isSpace(s, k)) k--;
  if (isAt(s, k, PREFIX_CUE)) return true;
  if (k >= 2 && (s[k] === '为' || s[k] === '是') && TIME_NOUNS.includes(s.slice(k - 2, k)) && !NOT_WORK_TIME.includes(s.slice(k - 4, k - 2))) return true;
  if (s[k] === ':') k--;
  return k >= 1 && s[k] === '限' && (s[k - 1] === '时' || s[k - 1] === '期');
}

const STARTING_WORDS = ['以来', '开始', '之后', '以后'];

/** A date followed by `的` `以来` `起` `开始` `之后` `以后` marks a starting point, not a deadline. */
function startsSomething(s: string, to: number): boolean {
  const c = s[to];
  return c === '的' || c === '起' || c === '后' || wordAt(STARTING_WORDS, s, to) !== null;
}

/**
 * A verb of a few characters and `的` right after the date (`2000年底前建成的小区`, `2023年底前形成的欠款`): the date tells
 * when something it names was done, not when the task is due.
 */
function describesThing(s: string, to: number): boolean {
  for (let k = to; k < s.length && k - to <= 4; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x7684 /* 的 */) return k > to;
    if (c < 0x4e00 || c > 0x9fff) return false;
  }
  return false;
}

const WORK_STARTS = ['开始', '以来'];

/**
 * `起` `开始` `以来` right after the date: the work starts then (a field's `2024年起持续推进`); so does `启动` when the field
 * goes on to say when the work is done (`2024年启动，2025年底前完成`; `2024年9月启动` alone is a bound: started by then).
 * Where that word ends, or -1.
 */
function startsWork(s: string, to: number): number {
  const k = gap(s, to);
  if (s[k] === '起') return k + 1;
  if (s.startsWith('启动', k)) return s.indexOf('完成', k + 2) >= 0 ? k + 2 : -1;
  return wordAt(WORK_STARTS, s, k) !== null ? k + 2 : -1;
}

/**
 * Verbs that say the work is finished (`完成`, `建成`, `完工`, `投用`): right after a date, the date is when it must be
 * finished by (`第三季度建成`), where a verb of one activity only dates it (`第三季度开展一次…`).
 */
const COMPLETION_VERBS = ['完成', '建成', '完工', '竣工', '投用', '投运', '投产', '办结', '通车'];

/** Past the spaces at `to` (at most 8). */
function pastSpaces(s: string, to: number): number {
  let k = to;
  while (k < s.length && k - to < 8 && isSpace(s, k)) k++;
  return k;
}

/** `完成` right after the date (`7月底之前完成`). */
const completes = (s: string, to: number): boolean => s.startsWith('完成', pastSpaces(s, to));

/** Words before a date that make what it dates a fact (`小区多为2000年竣工`, `已于…`, `均为…`), not an aim. */
const FACT_BEFORE = ['已', '曾', '多为', '均为', '皆为', '都为', '多是', '都是', '均是', '大多'];
/** Words after the verb that make the date a fact's (`2025年通车以来`, `2000年竣工的小区`). */
const FACT_AFTER = ['以来', '之后', '以后', '开始', '起', '的'];

/**
 * A verb of finished work right after the date: `完成` anywhere (`7月底之前完成`); another (`建成`, `竣工`, `通车`) unless the
 * words around it make it a fact: before the date (`小区多为2000年竣工`, `都是…`, `已…`) or after the verb (`2025年通车以来`,
 * `建成之后`, `建成起`); a bare `后` may be an aim's (`2026年10月竣工后移交`).
 * `，2026年第三季度建成投入使用`, `城南小学2026年8月建成投用`, `工期为2026年12月竣工`, `2026年10月竣工后移交` are aims.
 */
function finishes(s: string, e: Expr): boolean {
  const k = pastSpaces(s, e.to);
  const verb = wordAt(COMPLETION_VERBS, s, k);
  if (verb === null) return false;
  if (verb === '完成') return true;
  if (wordAt(FACT_AFTER, s, k + verb.length) !== null) return false;
  const at = before(s, e.from);
  return !FACT_BEFORE.some((w) => at + 1 >= w.length && s.startsWith(w, at + 1 - w.length));
}

/** Is the expression a deadline in prose? Only with a cue, and never a starting point. */
function proseDeadline(s: string, e: Expr, trailing: boolean): boolean {
  if (startsSomething(s, e.to)) return false;
  return e.cue || trailing || prefixCue(s, e.from) || finishes(s, e) || periodInBrackets(s, e) || wholeYearClause(s, e);
}

/**
 * `2026年全年` or `全年` as a clause of its own, a verb of ongoing work after it or not (`…专项行动，2026年全年。`,
 * `（县农业农村局牵头，全年）`, `，2026年全年推进。`): the work runs through that year, due by its end. Inside a clause
 * (`2026年全年地区生产总值`, `完成全年目标`) it names the year's figures, no bound; nor does a year alone (`，2026年。`).
 */
function wholeYearClause(s: string, e: Expr): boolean {
  if (e.first !== null || e.to < 2 || s[e.to - 2] !== '全' || s[e.to - 1] !== '年') return false;
  return standsAlone(s, e.from, e.to) || allYearWork(s, e.from, e.to) >= 0;
}

/**
 * Is the expression a period that stands on its own, in a bracket (`集中整治（2025年3月16日—6月30日）`, `总结验收阶段（2025年
 * 11月至12月）`) or as a clause (`集中开展整治，2025年3月16日—6月30日。`)? Set beside the work, it is when the work is
 * done. Only a range: a lone year in brackets is often a reference (`较基期（2020年）`).
 */
function periodInBrackets(s: string, e: Expr): boolean {
  if (e.first === null) return false;
  let a = e.from - 1;
  while (a >= 0 && isSpace(s, a)) a--;
  const b = gap(s, e.to);
  if ((s[a] === '（' || s[a] === '(') && (s[b] === '）' || s[b] === ')')) return true;
  // As a clause, or opening one that the work follows (`2025年3月至10月集中开展整治`).
  return (a < 0 || isAt(s, a, CLAUSE_BOUNDARY)) && (b >= s.length || isAt(s, b, CLAUSE_BOUNDARY) || wordAt(PERIOD_WORK, s, b) !== null);
}

/** Words of work a period opening its clause may run into (`集中开展`, `全面排查`, `开展`…). */
const PERIOD_WORK = ['集中', '持续', '开展', '组织', '实施', '推进', '进行', '排查', '整治', '巡查', '督查'];

/** A lower-case pinyin letter, tone marks included (`xù` `fā` `ǎ`). */
const PINYIN_LETTER = /^[a-zü\u00e0-\u00fc\u0101-\u01dc\u0144\u0148\u01f9\u1e3f]$/;
const isPinyin = (c: string | undefined): boolean => c !== undefined && PINYIN_LETTER.test(c);

/** Scraping noise `(xù)` starting at `k` (seed 002: `持續(xù)推進`): the index after it, else `k`. */
function skipPinyin(s: string, k: number): number {
  if (s[k] !== '(' && s[k] !== '（') return k;
  let j = k + 1;
  while (j < s.length && j - k <= 8 && isPinyin(s[j])) j++;
  return j > k + 1 && (s[j] === ')' || s[j] === '）') ? j + 1 : k;
}

/** An ongoing phrase (`长期坚持` `持续推进` `常态化`) at `i`: its end, or -1. */
function ongoingAt(s: string, i: number): number {
  // Most candidates are digits: the first character rules out every key at once.
  if (!isAt(s, i, ONGOING_FIRST)) return -1;
  const key = wordAt(ONGOING_KEYS, s, i);
  if (key === null) return -1;
  // `即日起至10月31日`, `即日-4月10日`: a range to a date (`fromTodayAt`).
  if (key === '即日起' && sepAt(s, i + key.length)) return -1;
  const j = skipPinyin(s, i + key.length);
  const verb = wordAt(ONGOING_VERBS, s, j);
  return verb !== null ? j + verb.length : i + key.length;
}

/** The first of `words` that `s` holds at `i`, or null (a loop: this runs at every candidate). */
function wordAt(words: readonly string[], s: string, i: number): string | null {
  for (const w of words) if (s.startsWith(w, i)) return w;
  return null;
}

/** In prose an ongoing phrase counts only as a clause of its own (`…。长期坚持。`), pinyin noise aside. */
function standsAlone(s: string, from: number, to: number): boolean {
  let a = from - 1;
  while (a >= 0 && isSpace(s, a)) a--;
  let b = skipPinyin(s, to);
  while (b < s.length && isSpace(s, b)) b++;
  return (a < 0 || isAt(s, a, CLAUSE_BOUNDARY)) && (b >= s.length || isAt(s, b, CLAUSE_BOUNDARY));
}

/** A period an ongoing phrase may follow in its clause (`全年`, `防火期内`, `汛期间`). */
const PERIOD_BEFORE = /^(?:全年|常年|[\u4e00-\u9fff]{0,4}期(?:内|间|間)?)$/;
/** How far before an ongoing phrase its clause may start for `afterPeriod`. */
const PERIOD_REACH = 7;

/**
 * In prose, an ongoing phrase with its verb that ends a clause opening with a period says how the work runs in it
 * (`，全年持续开展。` `，防火期内常态化开展。`): it counts as one standing alone would. Its verb is asked for: `常态化` alone
 * after words is what the work becomes, not how it runs.
 */
function afterPeriod(s: string, from: number, to: number): boolean {
  if (!isAt(s, from - 1, PERIOD_LAST) || to - from <= (wordAt(ONGOING_KEYS, s, from)?.length ?? to - from)) return false;
  let b = skipPinyin(s, to);
  while (b < s.length && isSpace(s, b)) b++;
  if (b < s.length && !isAt(s, b, CLAUSE_BOUNDARY)) return false;
  let a = from - 1;
  while (a >= 0 && from - a <= PERIOD_REACH && !isAt(s, a, CLAUSE_BOUNDARY)) a--;
  return (a < 0 || isAt(s, a, CLAUSE_BOUNDARY)) && PERIOD_BEFORE.test(s.slice(a + 1, from).trim());
}
/** The last characters of `PERIOD_BEFORE`: most ongoing phrases follow none of them, and are ruled out at once. */
const PERIOD_LAST = codeSet('年期内间間');

/** May a date start at `i`? Arabic digits must begin their run and not follow a letter or `.` `/` `-` `_`. */
function mayStart(s: string, i: number): boolean {
  return !isDigit(s, i) || !(isDigit(s, i - 1) || isAsciiLetter(s, i - 1) || isAt(s, i - 1, DIGIT_JOIN));
}

/** Where to look next after a failed attempt at `i`: past the whole number run, so each run is read once. */
function skipFrom(s: string, i: number): number {
  if (isDigit(s, i)) return digitRunEnd(s, i);
  if (isAt(s, i, CJK_NUMERAL)) return cjkRunEnd(s, i);
  return i + 1;
}

/**
 * A deadline at [from, to) (`expr` null for an ongoing phrase or a holiday period), or, with `expr` undefined, only
 * where to look next. `since`: an open period from the date on (`从3月8日起`); `holiday`: a period named by a
 * holiday; `chain`: in prose, where a schedule's list of dates ends (`今年5月和8月`: the dates up to it count).
 */
type Hit = { from: number; to: number; expr?: Expr | null; since?: boolean; holiday?: boolean; chain?: number };

/**
 * One attempt at `i`: a holiday period, a date (possibly a range) or an ongoing phrase. A date that does not count
 * is skipped whole. `chained`: `i` lies in the list of dates of a schedule already found.
 */
function hitAt(s: string, i: number, prose: boolean, chained: boolean): Hit {
  const holidayEnd = holidayAt(s, i);
  if (holidayEnd >= 0) {
    // In prose only as the time of a clause (`清明节期间，…`, `在春节前…`, `元旦、春节期间`), not inside a phrase
    // (`1、2月春节前后群众…`).
    const p = before(s, i);
    const opens = p < 0 || s[p] === '、' || isAt(s, p, CLAUSE_BOUNDARY) || isAt(s, p, PREFIX_CUE);
    return !prose || opens ? { from: i, to: holidayEnd, expr: null, holiday: true } : { from: i, to: holidayEnd };
  }
  const ongoingEnd = ongoingAt(s, i);
  if (ongoingEnd >= 0) return !prose || standsAlone(s, i, ongoingEnd) || afterPeriod(s, i, ongoingEnd) ? { from: i, to: ongoingEnd, expr: null } : missAt(s, i);
  if (!mayStart(s, i)) return missAt(s, i);
  const env: Env = { afterSep: false, loose: isDigit(s, i) && prefixCue(s, i) };
  const first = parseAt(s, i, env);
  if (!first) return missAt(s, i);
  const e = withRange(s, first, env);
  // A year and a holiday or season of it (`2025年春节前`, `2024年主汛期前`): the holiday's bound, not the whole year's.
  if (e.first === null && e.last.win.precision === 'year' && !e.recurring) {
    const holidayEnd = holidayAt(s, e.to, e.from);
    if (holidayEnd >= 0) return { from: e.from, to: holidayEnd, expr: null, holiday: true };
  }
  const to = trailingCue(s, e.to);
  // In a field too, a date the work starts from is no bound (`2024年起持续推进`, `2024年启动，2025年底前完成`).
  if (!prose) {
    const startEnd = to === e.to ? startsWork(s, e.to) : -1;
    return startEnd >= 0 ? { from: e.from, to: startEnd, expr: e, since: true } : { from: e.from, to, expr: e };
  }
  const sinceEnd = sinceAt(s, e);
  if (sinceEnd >= 0) return { from: e.from, to: sinceEnd, expr: e, since: true };
  const trailing = to > e.to;
  if (isTarget(s, e, trailing) || describesThing(s, to)) return { from: i, to: Math.max(i + 1, to) };
  if (chained || proseDeadline(s, e, trailing)) return { from: e.from, to, expr: e };
  const chain = scheduleAt(s, e, to);
  return chain >= 0 ? { from: e.from, to, expr: e, chain } : { from: i, to: Math.max(i + 1, to) };
}

/**
 * A holiday period at `i` (`清明节期间`, `國慶節前`, `清明節(jié)前后`): its end, or -1. A season with no bound counts as
 * a clause of its own, which starts at `clause` (`2025年暑假`: at its year).
 */
function holidayAt(s: string, i: number, clause = i): number {
  if (!isAt(s, i, HOLIDAY_FIRST)) return -1;
  let name = wordAt(HOLIDAYS, s, i);
  if (name === null) return -1;
  let j = i + name.length;
  // Two seasons or holidays run together are one period (`秋收秋种期间`, `夏收夏种`, `国庆中秋期间`), joined too
  // (`汛期和暑假期间`, `元旦、春节期间`); the last one's word decides, as for one.
  for (let n = 0; n < 2; n++) {
    const from = isAt(s, j, HOLIDAY_JOINERS) ? j + 1 : j;
    const more = wordAt(HOLIDAYS, s, from);
    if (more === null) break;
    name = more;
    j = from + more.length;
  }
  j = skipPinyin(s, j);
  if (s[j] === '”' || s[j] === '"') j++;
  // `汛前` holds its bound.
  if (name.endsWith('前')) return j;
  // Holidays listed as the kind of period they stand for (`清明、春节等重点时段`, `国庆等节假日期间`): that period.
  if (s[j] === '等') return listedPeriodEnd(s, j + 1);
  const bound = wordAt(HOLIDAY_BOUNDS, s, j);
  if (bound === null && SEASONS.has(name) && standsAlone(s, clause, j)) return j;
  if (bound === null || (bound === '前' && (s[j + 1] === '后' || isAt(s, j + 1, CJK_NUMERAL)))) return -1;
  return j + bound.length;
}

/** Nouns of the period that holidays listed with `等` stand for (`等重点时段`, `等节假日期间`, `等重要时期`). */
const PERIOD_NOUNS = ['期间', '时段', '时期'];
/** How many characters may stand between `等` and its period noun (`重点`, `节假日`, `重大节日`). */
const LISTED_PERIOD_REACH = 4;

/**
 * After holidays and their `等` at `k`: the end of the period noun a few Han characters on (`重点时段`), or -1 when the
 * holidays are named as a kind of thing (`春节等传统节日慰问`).
 */
function listedPeriodEnd(s: string, k: number): number {
  for (let j = k; j <= k + LISTED_PERIOD_REACH; j++) {
    const noun = wordAt(PERIOD_NOUNS, s, j);
    if (noun !== null) return j + noun.length;
    if (!isHan(s, j)) return -1;
  }
  return -1;
}

/** The character before `from`, spaces aside, and where it is (-1: none). */
function before(s: string, from: number): number {
  let k = from - 1;
  while (k >= 0 && from - k <= 8 && isSpace(s, k)) k--;
  return k;
}

/**
 * `从3月8日起` `自6月1日开始`, `3月起` opening a clause: an open period from a month or a day on (the end of `起`, or -1). A
 * year (`自2014年起`), or a date with its year (`2019年6月起推行河长制`), tells history, unless what follows `起` says the
 * work is put into effect then (`，2026年起实施。`) or recurs from then on (`2026年起每年开展一次…`: `takesEffect`).
 */
function sinceAt(s: string, e: Expr): number {
  if (e.first !== null) return -1;
  const k = gap(s, e.to);
  const end = s[k] === '起' ? k + 1 : s.startsWith('开始', k) ? k + 2 : -1;
  if (end < 0) return -1;
  const at = before(s, e.from);
  const p = s[at];
  const from = p === '从' || p === '自';
  if (!from && !(at < 0 || isAt(s, at, CLAUSE_BOUNDARY))) return -1;
  // `从3月8日起`, `自5月起`; and a month or a day of no year written that opens its clause (`3月起集中开展整治`).
  const precision = e.last.win.precision;
  if ((precision === 'month' || precision === 'day') && (from || s.lastIndexOf('年', e.to) < e.from)) return end;
  return !e.recurring && takesEffect(s, end) ? end : -1;
}

/** Verbs of a rule or a practice put into effect (`实施` `施行` `执行`), and words that may stand before them (`全面实施`). */
const EFFECT_VERBS = ['实施', '施行', '执行', '推行', '运行', '生效'];
const EFFECT_ADVERBS = ['全面', '正式', '统一', '逐步'];

/**
 * Does what follows a date's `起` at `k` say the work is put into effect then, a verb that ends the clause (`2026年起实施。`,
 * `2026年1月起全面施行`), or that it recurs from then on (`2026年起每年开展一次`, not `2026年起每年减少3%`)? A verb with
 * more words after it (`2019年起推行河长制，成效明显`) tells what was done.
 */
function takesEffect(s: string, k: number): boolean {
  const j = wordAt(EFFECT_ADVERBS, s, k) === null ? k : k + 2;
  const verb = wordAt(EFFECT_VERBS, s, j);
  if (verb !== null) return j + verb.length >= s.length || isAt(s, j + verb.length, CLAUSE_BOUNDARY);
  return recurringAt(s, k)?.cue === true;
}

/**
 * A target, not a deadline: `到2025年，基本建成…` `到2023年底全市…达到` — `到` and a date, with no `前` after it and
 * no `完成` right after it (`到6月底前`, `到6月底完成` are deadlines; `到2027年建成…` is a goal). `截止到` / `直到` are not targets.
 */
function isTarget(s: string, e: Expr, trailing: boolean): boolean {
  if (trailing || completes(s, e.to)) return false;
  const k = before(s, e.from);
  return s[k] === '到' && s[k - 1] !== '止' && s[k - 1] !== '截' && s[k - 1] !== '直';
}

/** Verbs that make a date opening a clause a schedule (`3月21日下午召开会议`, `今年5月和8月，召开…`). */
const SCHEDULE_VERBS = [
  '召开', '举办', '举行', '开展', '组织', '启动', '印发', '出台', '制定', '部署', '报送', '上报', '提交', '实施', '进行',
  '完成', '开通', '编制', '发布', '公布', '集中', '召集', '建成', '检查', '督查', '验收', '评估', '总结', '安排', '推出',
];
const DAY_PARTS = ['上午', '下午', '中午', '晚上', '前后'];
const LIST_JOINS = codeSet('和、及与');

/**
 * A schedule: a date that opens a clause (text start, `，` `。` …), with the dates listed after it (`和8月`), then a
 * verb of work — after a comma (`今年5月和8月，召开…`: the date set off as the time of the clause), or right after
 * one day (`3月21日下午召开…`). A coarser date run into its verb (`2021年第三季度开展一次…`, `9月中旬召开…`) dates
 * an activity and binds nothing. Returns where its list of dates ends, or -1.
 */
function scheduleAt(s: string, e: Expr, to: number): number {
  const p = before(s, e.from);
  if (p >= 0 && !isAt(s, p, CLAUSE_BOUNDARY)) return -1;
  const win = e.last.win;
  const oneDay = e.first === null && win.precision === 'day' && win.d1 === win.d2;
  let k = to;
  for (let listed = 0; listed < 4; listed++) {
    const part = wordAt(DAY_PARTS, s, k);
    if (part !== null) k += part.length;
    if (!isAt(s, k, LIST_JOINS)) break;
    const next = parseAt(s, k + 1, { afterSep: false, loose: false });
    if (next === null) break;
    k = trailingCue(s, next.to);
  }
  const chainEnd = k;
  let comma = false;
  while (k < s.length && k - chainEnd < 4 && (isSpace(s, k) || s[k] === ',' || s[k] === '，')) {
    comma = comma || !isSpace(s, k);
    k++;
  }
  return (comma || oneDay) && wordAt(SCHEDULE_VERBS, s, k) !== null ? chainEnd : -1;
}

/** A failed attempt at `i`: where to look next. */
const missAt = (s: string, i: number): Hit => ({ from: i, to: Math.max(i + 1, skipFrom(s, i)) });

/** The next place at or after `from` where a deadline may start, or -1. */
export function nextCandidate(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!inCodeSet(CANDIDATE_FIRST, c)) continue;
    // A digit is one by `CANDIDATE`'s first alternative, `[0-9]`.
    if (c >= 0x30 && c <= 0x39) return i;
    CANDIDATE.lastIndex = i;
    if (CANDIDATE.test(s)) return i;
  }
  return -1;
}

/**
 * May [from, to) of `text` hold a deadline phrase? Not when none of its characters starts a candidate once folded:
 * most spans the model reads for deadlines hold no digit or date word, and need not be cut out, unwrapped or scanned.
 */
export function mayHoldDeadline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (inCodeSet(FOLDS_TO_CANDIDATE_FIRST, text.charCodeAt(k))) return true;
  return false;
}

const BOOK_SPAN = 80;

/** A deadline phrase found in a text, by offsets into it: `expr` its structure, null for an ongoing phrase or a holiday period. */
export interface DeadlinePhrase {
  readonly from: number;
  readonly to: number;
  readonly expr: Expr | null;
  /** A period named by a holiday (`清明节期间`). */
  readonly holiday?: boolean;
  /** An open period from the date on (`从3月8日起`). */
  readonly since?: boolean;
}

/**
 * The deadline phrases of a text, in order: `next()` gives each, then null. Linear in the length of the text.
 * mode 'field': the text is the value of a `完成时限:` field or sits inside an attribution group — any date or
 * ongoing phrase counts. mode 'prose': free task text — only a date with a deadline cue counts (`底前` `前`
 * `之前` `以前` `底` `内`, `完成` or another verb of finished work, or preceded by `于`/`在`/`到`/`截至`/`最迟` or a
 * `时限:` label), never one followed by `的` `起` `以来` (a starting point; an open period from a date that opens its clause,
 * `3月起`, `2026年起实施`, is read as such); ongoing phrases count only as a whole clause of their own. A date in the name
 * of another document (`《…规划(2023—2025年)》`) is not this one's.
 */
export class DeadlineScan {
  readonly #s: string;
  readonly #prose: boolean;
  /** The next candidate position, -1 at the end. */
  #i: number;
  /** In prose, where a schedule's list of dates ends (`今年5月和8月`: the dates up to it count). */
  #chainEnd = -1;
  // Where `《` … `》` book titles lie, read once from left to right as candidates are asked about in order: a title is
  // at most `BOOK_SPAN` long, so an unclosed `《` hides nothing far after it.
  #bookAt = 0;
  #bookOpen = -1;
  /** Does the text hold a `《` at all? Most do not, and need no walk. */
  readonly #books: boolean;

  constructor(text: string, mode: 'field' | 'prose') {
    // Many texts hold no character a phrase may start with (a clause with no date, a lone `。`): such a text is
    // neither folded nor scanned. Else both start where the first character that matters stands.
    let first = 0;
    while (first < text.length && !inCodeSet(SCAN_FROM, text.charCodeAt(first))) first++;
    const any = first < text.length;
    this.#s = any ? foldFrom(text, first) : text;
    this.#prose = mode === 'prose';
    this.#i = any ? nextCandidate(this.#s, first) : -1;
    this.#books = any && this.#s.indexOf('《') >= 0;
  }

  next(): DeadlinePhrase | null {
    const s = this.#s;
    while (this.#i >= 0) {
      const i = this.#i;
      const hit = this.#inBook(i) ? missAt(s, i) : hitAt(s, i, this.#prose, i < this.#chainEnd);
      this.#i = nextCandidate(s, Math.max(hit.to, i + 1));
      if (hit.expr !== undefined) {
        if (hit.chain !== undefined) this.#chainEnd = hit.chain;
        return hit as DeadlinePhrase;
      }
    }
    return null;
  }

  #inBook(i: number): boolean {
    if (!this.#books) return false;
    const s = this.#s;
    for (; this.#bookAt < i; this.#bookAt++) {
      const c = s.charCodeAt(this.#bookAt);
      if (c === 0x300a /* 《 */) this.#bookOpen = this.#bookAt;
      else if (c === 0x300b /* 》 */) this.#bookOpen = -1;
    }
    return this.#bookOpen >= 0 && i - this.#bookOpen <= BOOK_SPAN;
  }
}

/** What starts a deadline written at the end of a unit list. */
const DEADLINE_START = /(?:(?:20|19)\d{2}\s*年|\d{1,2}\s*月|年底|年内|年中|上半年|下半年|全年|长期|長期|持续|持續|每[年季月周]|第[一二三四]季度|[一二三四]季度|(?:完成)?时[限间]|(?:完成)?時[限間])/y;

/** Does a deadline start at `k` of `text` (`2025年…`, `年底`, `长期`, `完成时限`…)? Read where a list of units may end in one. */
export function deadlineStartsAt(text: string, k: number): boolean {
  DEADLINE_START.lastIndex = k;
  return DEADLINE_START.test(text);
}

/** What may surround a deadline in a 完成时限 cell: punctuation, spaces, `完成`, `前`, `于`, a `完成时限:` label. */
const FILLER = /[\s\p{P}\p{S}]|完成时限|完成时间|时限|完成|截至|截止|最迟|之前|以前|为止|以内|左右|于|在|到|至|前|内|止/gu;

/** Is `text` nothing but filler (`FILLER`) around its phrase [from, to)? A cell `2024年底前完成` is one deadline. */
export function onlyFillerAround(text: string, from: number, to: number): boolean {
  return fold(`${text.slice(0, from)} ${text.slice(to)}`).replace(FILLER, '') === '';
}


// ---------------------------------------------------------------------------------------------
// Periods: the years a title names.

/** A four-digit (or four-character Chinese) year at `i` that begins its run: value and end, or null. */
function yearAt(s: string, i: number): { y: number; to: number } | null {
  if (isDigit(s, i)) {
    if (isDigit(s, i - 1)) return null;
    const e = digitRunEnd(s, i);
    const y = digitsValue(s, i, e);
    return e - i === 4 && validYear(y) ? { y, to: e } : null;
  }
  const c = readCjkYear(s, i);
  return c === null ? null : { y: c, to: i + 4 };
}

/** Is the year at `i` the end of a range (`2018—2016年`, rejected as a whole)? */
const secondHalf = (s: string, i: number): boolean =>
  isAt(s, i - 1, RANGE_SEP) && (isDigit(s, i - 2) || s[i - 2] === '年');

/** The digits of a Chinese year (`二〇二〇` `二○○八` `二OO八`). */
const CJK_YEAR_DIGIT = codeSet('〇○零O一二三四五六七八九');

/**
 * May a year start at `i`: a digit run's first digit, or a Chinese year `二〇二〇年`? (Read at every character of a
 * heading: a regex of these two alternatives is tried at every position.)
 */
function yearStarts(s: string, i: number): boolean {
  if (isDigit(s, i)) return !isDigit(s, i - 1);
  const c = s.charCodeAt(i);
  return (
    (c === 0x4e00 /* 一 */ || c === 0x4e8c /* 二 */) &&
    isAt(s, i + 1, CJK_YEAR_DIGIT) && isAt(s, i + 2, CJK_YEAR_DIGIT) && isAt(s, i + 3, CJK_YEAR_DIGIT) &&
    s[i + 4] === '年'
  );
}

type PeriodFind = { start: number; end: number; rank: number };

/** The period a heading names at `i`: rank 0 a range of years, 1 `N年度`, 2 a plain `N年`. */
function periodAt(s: string, i: number): PeriodFind | null {
  if (isDigit(s, i) && !isDigit(s, i - 1)) {
    const e = digitRunEnd(s, i);
    const a = Number(s.slice(i, i + 4));
    const b = Number(s.slice(i + 4, e));
    if (e - i === 8 && s[e] === '年' && validYear(a) && validYear(b) && a <= b) return { start: a, end: b, rank: 0 };
  }
  const y = yearAt(s, i);
  if (!y || secondHalf(s, i)) return null;
  const k = s[y.to] === '年' ? y.to + 1 : y.to;
  const sep = sepAt(s, k);
  const second = sep ? yearAt(s, k + sep) : null;
  if (second && second.y >= y.y) {
    const after = s[second.to];
    if (after === '年' || after === ')' || after === '）') return { start: y.y, end: second.y, rank: 0 };
  }
  if (s[y.to] !== '年') return null;
  if (s[k] === '度') return { start: y.y, end: y.y, rank: 1 };
  const next = s[k];
  const continues = isDigit(s, k) || isAt(s, k, CJK_NUMERAL) || sep > 0 || '底末前内以之起来'.includes(next ?? '_');
  return continues ? null : { start: y.y, end: y.y, rank: 2 };
}

/**
 * What a year names when it is the time of a matter the plan deals with, not the plan's own period: a review (an audit,
 * an inspection tour, an assessment) a few words after it and what it found or the rectification of it after that
 * (`2024年审计发现问题`, `2023年度经济责任审计查出问题整改`, `2024年省委巡视反馈意见`); what a meeting or a review found,
 * named by its finding (`2023年度民主生活会查摆问题整改`); a meeting's spirit that the plan carries out
 * (`落实2024年中央经济工作会议精神`: the plan runs after the meeting). A plan for the review itself (`2025年审计工作方案`,
 * `2025年度安全生产大检查方案`) names nothing found, and keeps its year.
 */
const REVIEWED = new RegExp(
  '^[^，,。；;（(《]{0,10}?(?:审计|審計|巡视|巡視|巡察|督察|督查|檢查|检查|考核|评估|評估|评价|評價|体检|體檢|验收|驗收|核查|抽查|暗访|暗訪)' +
    '[^，,。；;]{0,20}?(?:发现|發現|查出|指出|反馈|反饋|问题|問題|整改)' +
    '|^[^，,。；;（(《]{0,16}?(?:(?:发现|發現|查出|指出|查摆|查擺|反馈|反饋|检视|檢視)的?(?:问题|問題|意见|意見)|(?:会议|會議|大会|大會|全会|全會|两会|兩會)精神)',
);

/** Does the year at `i` of `s` name a matter the plan deals with (`REVIEWED`), not the plan's period? */
function namesReview(s: string, i: number): boolean {
  let k = s.indexOf('年', i);
  if (k < 0) return false;
  k++;
  if (s[k] === '度') k++;
  return REVIEWED.test(s.slice(k, k + 48));
}

/**
 * Reads the plan year or period from a title or heading: `2020年度…` → {2020, 2020}; `(2021—2025年)` /
 * `（2016-2020年）` → {2021, 2025}; `…2008年度安排` → 2008; `（20152020年）` (damaged, dash lost) → {2015, 2020};
 * a plain `2021年…工作要点` → 2021; with no year written, a five-year plan by number: `“十四五”…` → {2021, 2025}. A range
 * wins over `年度`, which wins over a plain year, which wins over a five-year plan; null when none. A single year that
 * names a matter the plan deals with (`关于落实2024年审计发现问题整改的工作方案`, `…2024年…会议精神…`) is no period.
 */
export function findPlanPeriod(text: string): { start: number; end: number } | null {
  try {
    if (typeof text !== 'string') return null;
    const s = fold(text);
    let best: PeriodFind | null = null;
    for (let i = 0; i < s.length && best?.rank !== 0; i++) {
      if (!yearStarts(s, i)) continue;
      const p = periodAt(s, i);
      if (p && (!best || p.rank < best.rank) && (p.rank === 0 || !namesReview(s, i))) best = p;
    }
    return best ? { start: best.start, end: best.end } : fiveYearPlan(s);
  } catch {
    return null;
  }
}

/** `十一五` … `十九五`, or `十五` in quotes: the five-year plan a title names without writing its years. */
const FIVE_YEAR = /(?<![一二三四五六七八九十百第])十([一二三四五六七八九])五(?![一二三四五六七八九十])|[“"「『]十五[”"」』]/;

/**
 * The years of a five-year plan named by number (`“十四五”` → 2021–2025, `十三五` → 2016–2020): the third ran from
 * 1966, and every one since has followed the last. Read only when the text writes no year at all.
 */
function fiveYearPlan(s: string): { start: number; end: number } | null {
  const m = FIVE_YEAR.exec(s);
  if (!m) return null;
  const n = m[1] ? 10 + CN_DIGIT.indexOf(m[1]) + 1 : 10;
  const start = 1966 + 5 * (n - 3);
  return { start, end: start + 4 };
}

const CN_DIGIT = '一二三四五六七八九';
