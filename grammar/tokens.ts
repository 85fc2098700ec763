// The token vocabulary of a plan: line breaks, numbering markers, attribution keywords, brackets, punctuation and text.
// Over 400 lines: the one vocabulary — every token type with its matcher, in the order the lexer tries them.
import { createToken, Lexer, tokenMatcher, type CustomPatternMatcherFunc, type IToken, type TokenType } from 'chevrotain';
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from './numerals.js';
import { pageNumberLength } from './page.js';

// ---------------------------------------------------------------------------------------------
// Categories: the parser reads markers and inline tokens by category, which keeps it fast.

/** Any numbering marker (`一、` `(一)` `1.` `(1)` `①` `一是` `第一,`). */
export const Marker = createToken({ name: 'Marker', pattern: Lexer.NA });
/** Anything that may stand inside a paragraph. */
export const Inline = createToken({ name: 'Inline', pattern: Lexer.NA });
/** Attribution keywords (`牵头单位`, `负责`, `参加`…). */
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA, categories: [Inline] });

// Categories the attribution grammar (`attribution.ts`) reads by, as bit flags (`categories.ts`); the lexer and the
// block parser do not use them.

/** `[` `【` `〔` `(` `（`: opens a group (an attribution `（牵头单位：…）`, or part of a name: `各区县(市)`). */
export const Opener = createToken({ name: 'Opener', pattern: Lexer.NA });
/** `]` `】` `〕` `)` `）`: closes a group. */
export const Closer = createToken({ name: 'Closer', pattern: Lexer.NA });
/** A field's name, which a colon and a value follow: `牵头单位` `责任单位` `完成时限` `牵头领导`. */
export const FieldName = createToken({ name: 'FieldName', pattern: Lexer.NA });
/** A verb that gives the units before it a role: `牵头` `负责` `共同负责` `参加` `按职责分工负责`. */
export const RoleVerb = createToken({ name: 'RoleVerb', pattern: Lexer.NA });

// ---------------------------------------------------------------------------------------------
// Layout.

/** The spaces the lexer skips (every width but the tab): positions come from offsets. */
const SKIPPED_SPACE = '[ \\u00a0\\u1680\\u2000-\\u200b\\u202f\\u205f\\u3000\\ufeff]';

/**
 * A line break, with the blank lines that follow it (lines of skipped spaces only, which hold no token):
 * the parser ends a block at the first and reads nothing in the others, so one token does for the run.
 * A line holding a tab is not blank (a tab is a token: tab-separated cells).
 */
export const Newline = createToken({
  name: 'Newline',
  pattern: newlineMatcher(),
  start_chars_hint: ['\n', '\r'],
  line_breaks: true,
});

/** The code units of `SKIPPED_SPACE`. */
const SKIPPED_SPACE_CODES = (() => {
  const table = new Uint8Array(0x10000);
  for (const c of ' \u00a0\u1680\u202f\u205f\u3000\ufeff') table[c.charCodeAt(0)] = 1;
  for (let c = 0x2000; c <= 0x200b; c++) table[c] = 1;
  return table;
})();

/** The length of the line break at `i` (`\r\n`, `\r` or `\n`), 0 when there is none. */
function lineBreakAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 10) return 1;
  if (c !== 13) return 0;
  return text.charCodeAt(i + 1) === 10 ? 2 : 1;
}

/**
 * Does a `Newline` token's image hold a blank line (more than its first line break): a paragraph break, never a wrap?
 * Not when it holds a page number (`pageNumberAt`): the blank lines around it are the page's margins, and a paragraph
 * or a bracket the page break cut goes on after it.
 */
export function holdsBlankLine(image: string): boolean {
  const first = lineBreakAt(image, 0);
  if (image.length === first) return false;
  for (let i = first; i < image.length; i++) if (SKIPPED_SPACE_CODES[image.charCodeAt(i)] !== 1 && lineBreakAt(image, i) === 0) return false;
  return true;
}

/**
 * The length of a page number at `i` that is alone on its line (spaces aside) up to the line break that ends it (or the
 * text's end), its trailing spaces included; 0 when there is none. Asked after a line break only: a PDF's footer (or
 * header) that its text keeps between two lines of the same paragraph, even inside an attribution bracket
 * (`（牵头单位：` / `— 3 —` / `市生态环境局）`).
 */
function pageNumberAt(text: string, i: number): number {
  const length = pageNumberLength(text, i);
  if (length === 0) return 0;
  let j = i + length;
  while (SKIPPED_SPACE_CODES[text.charCodeAt(j)] === 1) j++;
  return j >= text.length || lineBreakAt(text, j) > 0 ? j - i : 0;
}

/**
 * The length of a hard wrap at `i`: spaces, one line break, spaces — where text copied out of a PDF broke a line at a
 * fixed width. 0 when there is no line break there. (What follows it is the caller's to read: a blank line is no wrap.)
 */
function wrapAt(text: string, i: number): number {
  let j = i;
  while (SKIPPED_SPACE_CODES[text.charCodeAt(j)] === 1) j++;
  const length = lineBreakAt(text, j);
  if (length === 0) return 0;
  j += length;
  while (SKIPPED_SPACE_CODES[text.charCodeAt(j)] === 1) j++;
  return j - i;
}

/**
 * How many line breaks a bracket may span and still be read as one (`（牵头单` / `位：…；完成时限：` / `2025年底前）`): a
 * line of a PDF copy holds 30–40 characters, an attribution up to ~100.
 */
export const WRAP_LINES = 3;

/**
 * `Newline`'s pattern, a line break then any `(SKIPPED_SPACE* (page-number SKIPPED_SPACE*)? line-break)*`, read by code
 * unit rather than by a regex: newlines are the second most frequent token. A page number alone on its line
 * (`pageNumberAt`) is part of the line break, as a blank line is: no paragraph, no word of a unit's name; a line break
 * before the text's end takes it too. A lone `\n` (most of them) is one shared image. The match is one shared array
 * (see `charMatcher`).
 */
function newlineMatcher(): CustomPatternMatcherFunc {
  const lf = '\n';
  const match: [string] = [lf];
  return (text, offset) => {
    let end = offset + lineBreakAt(text, offset);
    if (end === offset) return null;
    for (;;) {
      let j = end;
      while (SKIPPED_SPACE_CODES[text.charCodeAt(j)] === 1) j++;
      const page = pageNumberAt(text, j);
      if (page > 0) {
        j += page;
        if (j >= text.length) {
          end = j;
          break;
        }
      }
      const more = lineBreakAt(text, j);
      if (more === 0) break;
      end = j + more;
    }
    match[0] = end === offset + 1 && text.charCodeAt(offset) === 10 ? lf : text.slice(offset, end);
    return match;
  };
}

/**
 * A `start_chars_hint` of `chars`, in code-unit order. Chevrotain files a custom matcher under the 256-character block
 * of each hint, but skips only a hint in the same block as the one before it: out of order (`零〇○一二两兩三…`), the
 * matcher was filed, and so tried at every token in the block, once per run of hints there (ChapterMarker five times
 * in the block of `一`, each keyword type twice in the block of `责` and `负`).
 */
function startHint(chars: Iterable<string>): string[] {
  return [...new Set(chars)].sort((a, b) => a.charCodeAt(0) - b.charCodeAt(0));
}

/**
 * A one-character token (`，` `。` `(`…) of the characters `chars`, matched without a regex: its image is one
 * shared string per character, not a new string per token that the model keeps alive, and the match is one
 * shared array per character (Chevrotain reads `match[0]` at once and keeps nothing else of it).
 */
function charMatcher(chars: string): CustomPatternMatcherFunc {
  const codes = [...chars].map((c) => c.charCodeAt(0));
  const matches = [...chars].map((c): [string] => [c]);
  return (text, offset) => {
    const code = text.charCodeAt(offset);
    for (let k = 0; k < codes.length; k++) if (codes[k] === code) return matches[k]!;
    return null;
  };
}

/** A one-character token type (see `charMatcher`). */
function charToken(name: string, chars: string, categories: TokenType[]): TokenType {
  return createToken({ name, pattern: charMatcher(chars), start_chars_hint: startHint(chars), line_breaks: false, categories });
}

/** Spaces of every width, skipped. Tabs are kept (tab-separated tables). */
export const Whitespace = createToken({
  name: 'Whitespace',
  pattern: new RegExp(`${SKIPPED_SPACE}+`),
  group: Lexer.SKIPPED,
});
export const Tab = charToken('Tab', '\t', [Inline]);
/** The marks that flag a line or an item (`★1.` a key task, `▶（一）`, `● 加强…`): none is a word of the plan. */
const DECORATIONS = '★☆▲△●◆◇■□▶►•';
/**
 * Markdown's strong emphasis (`**一、重点任务**`, `**牵头单位**：`), as Word's bold comes out of a converter, and the marks
 * that flag an item (`DECORATIONS`): skipped, and no character before a marker (`atBoundary` looks past them). A lone
 * `*` is text (`县委宣传部*` marks the lead).
 */
export const Decoration = createToken({
  name: 'Decoration',
  pattern: new RegExp(`\\*\\*\\*?|[${DECORATIONS}]`),
  start_chars_hint: startHint('*' + DECORATIONS),
  line_breaks: false,
  group: Lexer.SKIPPED,
});

/**
 * Remembers where `needle` next occurs in one text: successive searches from growing offsets (the lexer's
 * order) then read each character once, however many searches there are.
 */
function forwardFinder(needle: string): (text: string, from: number) => number {
  let memoText: string | null = null;
  let lastFrom = Infinity;
  let found = -1; // the first occurrence at or after `lastFrom`, Infinity when there is none
  return (text, from) => {
    if (text !== memoText || from < lastFrom) {
      memoText = text;
      found = -1;
    }
    lastFrom = from;
    if (found < from) {
      const at = text.indexOf(needle, from);
      found = at < 0 ? Infinity : at;
    }
    return found;
  };
}

/**
 * Matches `<!-- … -->` on one line: the comment ends at the first `-->` after the opener, with no line break
 * before it. Searches are remembered, so a line full of unclosed `<!--` is read once, not once per opener.
 */
function commentMatcher(): CustomPatternMatcherFunc {
  const close = forwardFinder('-->');
  const lf = forwardFinder('\n');
  const cr = forwardFinder('\r');
  return (text, offset) => {
    if (!text.startsWith('<!--', offset)) return null;
    const from = offset + 4;
    const at = close(text, from);
    if (at === Infinity || lf(text, from) < at || cr(text, from) < at) return null;
    return [text.slice(offset, at + 3)];
  };
}

/** `<!-- planlint-disable PL002 -->` and any other HTML comment on one line. */
export const Comment = createToken({
  name: 'Comment',
  pattern: commentMatcher(),
  start_chars_hint: ['<'],
  line_breaks: false,
  group: 'comments',
});

/** Pinyin left by scraping after a character (`發(fā)展`): never a marker, never part of a unit. */
export const Pinyin = createToken({
  name: 'Pinyin',
  pattern: /[(（][a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]{0,6}[)）]/,
  group: 'noise',
});

// ---------------------------------------------------------------------------------------------
// Numbering markers. A marker counts only at a block boundary: the start of a line, after
// whitespace, or after a sentence end (`。` `；` `：`) when line breaks were lost. Each matcher
// checks that boundary by looking back from `offset`.

const WHITESPACE = ' \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff';
const BLOCK_BOUNDARY = '\n\r。！？!?；;：:]】〕）)>';
const INLINE_BOUNDARY = BLOCK_BOUNDARY + '，,、';
const NUMERAL = `[${CHINESE_NUMERAL_CHARS}]`;
/** A Chinese numeral of up to five characters: `一` … `一百九十九` … `九百九十九`. */
const CN_NUMBER = `(${NUMERAL}{1,5})`;
const DIGIT = '[0-9０-９]';
/**
 * Spaces inside a marker's brackets, a couple at most each side (`（ 三 ）`, `(　3　)`): Word's distributed alignment
 * or an OCR spreads a short bracket so. The marker's number is what stands between them.
 */
const BRACKET_SPACE = '[ \u3000]{0,2}';

/** Character classes as bit flags in one table, so that a boundary check is one array read. */
const IS_SPACE = 1;
const IS_BLOCK_BOUNDARY = 2;
const IS_INLINE_BOUNDARY = 4;
const IS_DECORATION = 8;
const CHAR_CLASS = new Uint8Array(65536);
for (const c of WHITESPACE) CHAR_CLASS[c.charCodeAt(0)]! |= IS_SPACE | IS_BLOCK_BOUNDARY | IS_INLINE_BOUNDARY;
for (const c of BLOCK_BOUNDARY) CHAR_CLASS[c.charCodeAt(0)]! |= IS_BLOCK_BOUNDARY | IS_INLINE_BOUNDARY;
for (const c of INLINE_BOUNDARY) CHAR_CLASS[c.charCodeAt(0)]! |= IS_INLINE_BOUNDARY;
for (const c of '*' + DECORATIONS) CHAR_CLASS[c.charCodeAt(0)]! |= IS_DECORATION;

/** True when the text before `offset` ends a block: line start, whitespace, or a character of the `boundary` class. */
function atBoundary(text: string, offset: number, boundary: number): boolean {
  let before = offset - 1;
  // Emphasis (`**`) and a mark (`★`) before a marker stand for nothing: the boundary is before them.
  for (let k = 0; k < 3 && before >= 0 && (CHAR_CLASS[text.charCodeAt(before)]! & IS_DECORATION) !== 0; k++) before--;
  return before < 0 || (CHAR_CLASS[text.charCodeAt(before)]! & boundary) !== 0;
}

/** A table of the characters a marker may start with: Chevrotain tries a custom matcher for every character
 * of the same 255-character block as its hints, so the matcher rejects the others with one array read. */
function startTable(chars: readonly string[]): Uint8Array {
  const table = new Uint8Array(65536);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}

/** What a marker must satisfy besides its boundary and its own pattern. */
interface MarkerRules {
  /** Must not match right after the marker (`3.5%`: a digit after `3.`). */
  veto?: RegExp;
  /** The pattern's first group is a Chinese numeral that must be a numbering numeral (see `isNumberingNumeral`). */
  numeral?: boolean;
}

/** A numeral that numbers things: `一`…`九`, or written with 十/百 (`十二`, `一百零五`); not `十十`, not a year `二〇二〇`. */
function isNumberingNumeral(text: string): boolean {
  return parseChineseNumeral(text) >= 1 && (text.length === 1 || /[十拾百佰千仟]/.test(text));
}

/** Builds a custom matcher from its first characters, a sticky regex, a boundary class and the marker's rules. */
function markerMatcher(starts: readonly string[], source: string, boundary: number, rules: MarkerRules = {}): CustomPatternMatcherFunc {
  const first = startTable(starts);
  const re = new RegExp(source, 'y');
  const { veto, numeral } = rules;
  return (text, offset) => {
    if (first[text.charCodeAt(offset)] === 0 || !atBoundary(text, offset, boundary)) return null;
    re.lastIndex = offset;
    const match = re.exec(text);
    if (match === null) return null;
    if (numeral && !isNumberingNumeral(match[1]!)) return null;
    if (veto !== undefined) {
      veto.lastIndex = offset + match[0].length;
      if (veto.test(text)) return null;
    }
    return match;
  };
}

const numeralStarts = [...CHINESE_NUMERAL_CHARS];
const digitStarts = [...'0123456789０１２３４５６７８９'];
const parenStarts = ['(', '（'];
const circledStarts = Array.from({ length: 20 }, (_, i) => String.fromCharCode(0x2460 + i));
/** `⑴` … `⒇`: level 4. */
const parenDigits = Array.from({ length: 20 }, (_, i) => String.fromCharCode(0x2474 + i));
/** `⒈` … `⒛`: level 3. */
const fullStopDigits = Array.from({ length: 20 }, (_, i) => String.fromCharCode(0x2488 + i));
/** `㈠` … `㈩`: level 2, as WPS's and Word's numbering of `（一）` becomes when copied as text. */
const parenNumerals = Array.from({ length: 10 }, (_, i) => String.fromCharCode(0x3220 + i));
const enclosedNumeralAt = markerMatcher(parenNumerals, '[\u3220-\u3229]', IS_BLOCK_BOUNDARY);
/** `㈠` where a block opens (see `parenNumerals`). */
const enclosedNumeral = (text: string, offset: number): RegExpExecArray | null => enclosedNumeralAt(text, offset, [], {}) as RegExpExecArray | null;

/** A line that lost its breaks: at least this many characters (a plan's paragraphs are shorter). */
const FLAT_LINE = 400;

/**
 * Whether the line holding `offset` lost its line breaks: no line break within `FLAT_LINE` characters before and after
 * `offset` together (at most `FLAT_LINE` characters read each way, so every call is bounded).
 */
function onFlatLine(text: string, offset: number): boolean {
  let before = 0;
  for (let i = offset - 1; i >= 0 && before < FLAT_LINE; i--, before++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) break;
  }
  let after = 0;
  for (let i = offset; i < text.length && before + after < FLAT_LINE; i++, after++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) break;
  }
  return before + after >= FLAT_LINE;
}

/** What makes a parenthesised numeral glued to a word a reference, not a marker: `第` before it… */
const isAfterDi = (text: string, offset: number): boolean => offset > 0 && text.charCodeAt(offset - 1) === 0x7b2c; /* 第 */
/** …or one of these after it (`（一）项` `（二）款` `（三）中的`). */
const REFERENCE_NEXT = '项項款条條中的';
const REFERENCE_NEXT_CODES = new Set([...REFERENCE_NEXT].map((c) => c.charCodeAt(0)));

/**
 * Is the marker [offset, end) the rest of a reference a hard wrap cut (`…办法》第八条` / `（一）项规定…`, `…第` /
 * `（二）款`: a PDF copy's fixed-width lines): right after the line break, the line before ending in `第` or an article
 * or a clause (`第八条`, `第3款`), and a word of a reference after it?
 */
function wrapsReference(text: string, offset: number, end: number): boolean {
  if (!REFERENCE_NEXT_CODES.has(text.charCodeAt(end))) return false;
  let k = offset - 1;
  while (k >= 0 && (CHAR_CLASS[text.charCodeAt(k)]! & IS_SPACE) !== 0) k--;
  const c = text.charCodeAt(k);
  if (c !== 0x0a && c !== 0x0d) return false;
  k -= c === 0x0a && text.charCodeAt(k - 1) === 0x0d ? 2 : 1;
  while (k >= 0 && (CHAR_CLASS[text.charCodeAt(k)]! & IS_SPACE) !== 0) k--;
  const last = text.charCodeAt(k);
  if (last === 0x6761 /* 条 */ || last === 0x689d /* 條 */ || last === 0x6b3e /* 款 */) {
    const after = k;
    for (k--; k >= 0 && after - k <= 4 && (isDigitCode(text.charCodeAt(k)) || CHINESE_NUMERAL_CHARS.includes(text[k]!)); k--);
    if (k === after - 1) return false;
  }
  return k >= 0 && text.charCodeAt(k) === 0x7b2c; /* 第 */
}

/** `matcher`, but not where its marker goes on a reference a hard wrap cut (`wrapsReference`). */
function notWrappedReference(matcher: CustomPatternMatcherFunc): CustomPatternMatcherFunc {
  return (text, offset, tokens, groups) => {
    const found = matcher(text, offset, tokens, groups);
    return found !== null && wrapsReference(text, offset, offset + found[0].length) ? null : found;
  };
}

/**
 * `matcher`, and on a line that lost its breaks also `glued` at any offset (a marker glued to the word before it), whose
 * second character is one of `seconds`.
 */
function gluedWhenFlat(matcher: CustomPatternMatcherFunc, glued: RegExp, seconds: string): CustomPatternMatcherFunc {
  // What may follow the parenthesis (`glued`'s second character): most parentheses of a plan are ruled out by it
  // before the line around them is measured.
  const second = new Set([...seconds].map((ch) => ch.charCodeAt(0)));
  return (text, offset, tokens, groups) => {
    const found = matcher(text, offset, tokens, groups);
    if (found !== null) return found;
    const c = text.charCodeAt(offset);
    if ((c !== 0x28 && c !== 0xff08) || !second.has(text.charCodeAt(offset + 1)) || !onFlatLine(text, offset)) return null;
    if (isAfterDi(text, offset)) return null;
    glued.lastIndex = offset;
    return glued.exec(text);
  };
}

/**
 * `matcher`, or a marker whose number and its `、` or `.` a copy set apart (`一 、政务服务…`, `1 . 全面推行…`: a WeChat
 * article's or a typesetter's spacing), `source` with the spaces between: only where a line opens and a Chinese
 * character follows. A Chinese numeral there must number things (`isNumberingNumeral`).
 */
function orSpaced(matcher: CustomPatternMatcherFunc, source: string, numeral: boolean): CustomPatternMatcherFunc {
  const spaced = new RegExp(`${source}(?=[ \u3000]*[\u4e00-\u9fff])`, 'y');
  return (text, offset, tokens, groups) => {
    const found = matcher(text, offset, tokens, groups);
    if (found !== null || !atLineStart(text, offset)) return found;
    spaced.lastIndex = offset;
    const match = spaced.exec(text);
    return match !== null && (!numeral || isNumberingNumeral(match[1]!)) ? match : null;
  };
}

/** Level 1: `三、` `一百四十、` `一、2023年度…` `一．` — not `一、二季度`, where a Chinese numeral follows; `一 、` where a line opens. */
export const ChapterMarker = createToken({
  name: 'ChapterMarker',
  pattern: orSpaced(
    markerMatcher(numeralStarts, `${CN_NUMBER}[、．]`, IS_BLOCK_BOUNDARY, { veto: new RegExp(NUMERAL, 'y'), numeral: true }),
    `${CN_NUMBER}[ \u3000]{1,2}[、．](?![ \u3000]*${NUMERAL}(?:季|[、，,]))`,
    true,
  ),
  start_chars_hint: startHint(numeralStarts),
  line_breaks: false,
  categories: [Marker],
});

/**
 * Level 2: `(十二)` `（十二）` `（ 十二 ）` `(一百九十九)`. On a line that lost its breaks (`…工作(一)建筑施工…`) it may also
 * follow a word: a parenthesised numeral there is a reference only after `第` or before `项` `款` `条` `中` `的`. A first
 * section glued to its chapter's heading counts (`一、总体要求（一）指导思想`: `firstSectionAfterHeading`). So does `㈠` … `㈩`
 * where a block opens.
 */
export const SectionMarker = createToken({
  name: 'SectionMarker',
  pattern: notWrappedReference(
    orGlued(
      orGlued(
        gluedWhenFlat(markerMatcher(parenStarts, `[(（]${BRACKET_SPACE}${CN_NUMBER}${BRACKET_SPACE}[)）]`, IS_BLOCK_BOUNDARY, { numeral: true }), new RegExp(`[(（]([一二三四五六七八九十]{1,3})[)）](?![${REFERENCE_NEXT}、,，)）])`, 'y'), '一二三四五六七八九十'),
        firstSectionAfterHeading,
      ),
      enclosedNumeral,
    ),
  ),
  start_chars_hint: [...parenStarts, ...parenNumerals],
  line_breaks: false,
  categories: [Marker],
});

/** The words of a heading: 2–30 characters, no punctuation, no digit, no space. */
const HEADING_WORDS = '[^\\s\\d０-９。！？!?；;：:，,、.．()（）【】[\\]〔〕《》“”"\'‘’]{2,30}';
/** A first section (`（一）`) that a title follows, not a reference (`（一）项`). */
const FIRST_SECTION = new RegExp(`[(（]一[)）](?![${REFERENCE_NEXT}])(?=[\\u4e00-\\u9fff])`, 'y');
/**
 * A heading as a line (or a sentence of a line that lost its breaks) opens: a chapter or section marker, then its words;
 * a section's heading may follow its chapter's, glued to it (`二、重点任务（一）推进厕所革命`).
 */
const HEADING_OPENING = new RegExp(
  `^[ \\t\\u3000]*(?:[一二三四五六七八九十]{1,3}、${HEADING_WORDS})?(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])${HEADING_WORDS}$`,
);
/** …a chapter's heading: its marker, then its words. */
const CHAPTER_OPENING = new RegExp(`^[ \\t\\u3000]*[一二三四五六七八九十]{1,3}、${HEADING_WORDS}$`);
/** How far back the opening of that heading is looked for (two headings glued together). */
const HEADING_REACH = 72;
/** Where the line or sentence that opens with such a heading starts: after a line break or a sentence end. */
const SENTENCE_END = new Set([...'\n\r。！？!?；;：:'].map((c) => c.charCodeAt(0)));

const isHan = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;

/**
 * Whether `offset` follows, right after a Chinese character, the words of a heading that `opening` finds opening its
 * line (or following `。` `；` `：`): a marker there is the heading's first child, glued to it when the break was lost.
 */
function afterHeading(text: string, offset: number, opening: RegExp): boolean {
  if (offset === 0 || !isHan(text.charCodeAt(offset - 1))) return false;
  let start = offset;
  while (start > 0 && !SENTENCE_END.has(text.charCodeAt(start - 1))) {
    if (offset - start >= HEADING_REACH) return false;
    start--;
  }
  return opening.test(text.slice(start, offset));
}

const isDigitCode = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
const isItemStop = (c: number): boolean => c === 0x2e || c === 0xff0e || c === 0x3001;

/** The number the digits (half or full width) from `from` in `text` write, up to `to`. */
function numberAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to && isDigitCode(text.charCodeAt(i)); i++) {
    const c = text.charCodeAt(i);
    n = n * 10 + (c >= 0xff10 ? c - 0xff10 : c - 0x30);
  }
  return n;
}

/** How many tokens back `continuesItems` looks for the item before (one item's text is a few dozen). */
const ITEM_REACH = 400;

/** Whether the last item marker among the `tokens` read so far (the last `ITEM_REACH` of them) numbers `n` − 1. */
function continuesItems(tokens: readonly IToken[] | undefined, n: number): boolean {
  if (tokens === undefined) return false;
  for (let j = tokens.length - 1; j >= 0 && j >= tokens.length - ITEM_REACH; j--) {
    const t = tokens[j]!;
    if (t.tokenType !== ItemMarker) continue;
    const c = t.image.charCodeAt(0);
    return (c >= 0x2488 && c <= 0x249b ? c - 0x2487 : numberAt(t.image, 0, t.image.length)) === n - 1;
  }
  return false;
}

/**
 * An item marker glued to the words before it at `offset` (the break before it was lost): 1–3 digits, their stop and a
 * title, right after a Chinese character. The first item when a heading's words are before it (`二、主要任务及实施步骤
 * 1、制定…`, `二、重点任务（一）推进厕所革命1.完成…`); a later one when it continues the items read so far (the last item
 * marker numbers one less) after a heading's words (`（二）治理生活污水3.建设…`) or anywhere on a line that lost its breaks
 * (`…，巩固提升2.推行…`). Not `1.5万亩`, `第1、2批`, nor `2、推进` with no item 1 before it. A text run ends before it.
 */
export function gluedItem(text: string, offset: number, tokens?: readonly IToken[]): RegExpExecArray | null {
  if (offset === 0 || !isHan(text.charCodeAt(offset - 1))) return null;
  let end = offset;
  while (end < text.length && end - offset < 3 && isDigitCode(text.charCodeAt(end))) end++;
  if (end === offset || !isItemStop(text.charCodeAt(end)) || !isHan(text.charCodeAt(end + 1))) return null;
  const n = numberAt(text, offset, end);
  const glued =
    n === 1
      ? afterHeading(text, offset, HEADING_OPENING)
      : n > 1 && continuesItems(tokens, n) && (onFlatLine(text, offset) || afterHeading(text, offset, HEADING_OPENING));
  if (!glued) return null;
  const match = [text.slice(offset, end + 1)] as unknown as RegExpExecArray;
  match.index = offset;
  return match;
}

/** A first section glued to the heading of a chapter (`一、总体要求（一）指导思想`): `（一）`, a title after it. */
function firstSectionAfterHeading(text: string, offset: number): RegExpExecArray | null {
  const c = text.charCodeAt(offset);
  if ((c !== 0x28 && c !== 0xff08) || text.charCodeAt(offset + 1) !== 0x4e00 /* 一 */) return null;
  if (isAfterDi(text, offset)) return null;
  FIRST_SECTION.lastIndex = offset;
  const match = FIRST_SECTION.exec(text);
  return match !== null && afterHeading(text, offset, CHAPTER_OPENING) ? match : null;
}

/** `matcher`, or a marker glued to the words before it (`glued`). */
function orGlued(matcher: CustomPatternMatcherFunc, glued: (text: string, offset: number, tokens: IToken[]) => RegExpExecArray | null): CustomPatternMatcherFunc {
  return (text, offset, tokens, groups) => matcher(text, offset, tokens, groups) ?? glued(text, offset, tokens);
}

/**
 * Level 3: `8.` `8．` `8、` `8﹒` `⒏` — not `3.5%` or `1、2月`, where a digit follows; but `4.2011年底前…` and
 * `4、3月21日召开…` are item 4 (a date follows). An item glued to the words before it counts (`gluedItem`); so does
 * `1 . ` where a line opens (`orSpaced`).
 */
export const ItemMarker = createToken({
  name: 'ItemMarker',
  pattern: orGlued(
    orSpaced(
      markerMatcher([...digitStarts, ...fullStopDigits], `(?:${DIGIT}{1,3}[.．、﹒]|[\u2488-\u249b])`, IS_BLOCK_BOUNDARY, {
        veto: new RegExp(`${DIGIT}(?!${DIGIT}{3}年|${DIGIT}?月${DIGIT}{1,2}日)`, 'y'),
      }),
      `${DIGIT}{1,3}[ \u3000]{1,2}[.．、﹒]`,
      false,
    ),
    gluedItem,
  ),
  start_chars_hint: startHint([...digitStarts, ...fullStopDigits]),
  line_breaks: false,
  categories: [Marker],
});

/**
 * A decimal marker's numbers: 2–4 components of 1–3 digits joined by `.` or `．`, none 0 or written with a leading 0
 * (`2.0`, `1.05` are quantities), the last not followed by another digit; then `、` `．` `.` or nothing.
 */
const DECIMAL = new RegExp(`[1-9１-９]${DIGIT}{0,2}(?:[.．][1-9１-９]${DIGIT}{0,2}){1,3}(?!${DIGIT})[、．.]?`, 'y');
/** How many spaces `openingAt` looks back over. */
const SPACE_REACH = 40;

/** Where the character before `offset` stands once the marks (`**` `★`, at most 3) and spaces (`SPACE_REACH`) before it are passed over; -1 at the text's start. */
function beforeMarksAndSpaces(text: string, offset: number): number {
  let before = offset - 1;
  for (let k = 0; k < 3 && before >= 0 && (CHAR_CLASS[text.charCodeAt(before)]! & IS_DECORATION) !== 0; k++) before--;
  for (let k = 0; k < SPACE_REACH && before >= 0 && (CHAR_CLASS[text.charCodeAt(before)]! & IS_SPACE) !== 0; k++) before--;
  return before;
}

/**
 * Whether `offset` opens a line or a sentence: the text before it, spaces and marks (`**` `★`) aside, is the start of
 * the text, a line break or a block boundary (`。` `；` `：` `）`…). Stricter than `atBoundary`, where a space alone
 * will do: a number after a word and a space (`智慧城市 2.1 版本`) opens nothing.
 */
function openingAt(text: string, offset: number): boolean {
  const before = beforeMarksAndSpaces(text, offset);
  if (before < 0) return true;
  const c = text.charCodeAt(before);
  // A colon between numbers is a ratio's or a time's (`26.2:30.5:43.3调整为…`, `10：30`), no sentence's end.
  if ((c === 0x3a || c === 0xff1a) && isDigitCode(text.charCodeAt(before - 1))) return false;
  return (CHAR_CLASS[c]! & IS_BLOCK_BOUNDARY) !== 0;
}

/**
 * What a quantity's decimal number is followed by, which a heading's title never starts with: a unit (`1.2万户`
 * `2.5亿元` `3.5%` `1.5倍`), a date or a time (`6.30前`, `9.30日前`, `1.12月底`), an ASCII letter (`1.2GB`: no title
 * start). `DECIMAL_UNITS_BEFORE_WORD` start titles too (`2.1分类推进`, `1.3年度目标`): a unit only when no Chinese
 * character follows it (`2.5分，`).
 */
const DECIMAL_UNITS = new Set([...'%％‰万萬亿億千百元个個倍米吨噸亩畝克斤升瓦月号號前之余餘多'].map((c) => c.charCodeAt(0)));
const DECIMAL_UNITS_BEFORE_WORD = new Set([...'分年天度级級期次人户戶项項'].map((c) => c.charCodeAt(0)));
/** Units of two characters (`1.5公里`, `12.5平方米`, `2.5小时`), as first × 0x10000 + second: a title's first word too (`公共`, `平安`). */
const DECIMAL_UNIT_PAIRS = new Set(['公里', '公顷', '公頃', '公斤', '平方', '立方', '小时', '小時'].map((p) => p.charCodeAt(0) * 0x10000 + p.charCodeAt(1)));
const RI = 0x65e5; // 日: a date's (`9.30日前`), unless a title's `日常`
const CHANG = 0x5e38; // 常
/** The characters a title may start with after a decimal marker: a Chinese character or an opening quote. */
const isTitleStart = (c: number): boolean => isHan(c) || c === 0x201c /* “ */ || c === 0x300a /* 《 */ || c === 0x300c /* 「 */;

/** How far `headsDecimals` looks for the first child of a bare number: line breaks, and characters. */
const HEAD_LINES = 6;
const HEAD_REACH = 600;

/** Whether the line holding `offset` holds only spaces (and marks) before it. */
function atLineStart(text: string, offset: number): boolean {
  const before = beforeMarksAndSpaces(text, offset);
  if (before < 0) return true;
  const c = text.charCodeAt(before);
  return c === 0x0a || c === 0x0d;
}

/**
 * Whether the last decimal marker among the `tokens` read so far (the last `ITEM_REACH` of them) opens with `n` − 1: a
 * bare `n` after it goes on with its scheme (`4.3.2 …` then `5 附则`, with no `5.1` after it).
 */
function continuesDecimals(tokens: readonly IToken[] | undefined, n: number): boolean {
  if (tokens === undefined) return false;
  for (let j = tokens.length - 1; j >= 0 && j >= tokens.length - ITEM_REACH; j--) {
    const t = tokens[j]!;
    if (t.tokenType !== DecimalMarker) continue;
    let end = 0;
    while (end < t.image.length && isDigitCode(t.image.charCodeAt(end))) end++;
    return numberAt(t.image, 0, end) === n - 1;
  }
  return false;
}

/**
 * A bare number heading a plan numbered `1` `1.1` `1.1.1` (`1 总体要求`, `2　重点任务`): 1–2 digits at a line's start,
 * spaces, a title; and one of the next `HEAD_LINES` lines (within `HEAD_REACH` characters) opens with its first child,
 * the same number, a dot and 1 (`1.1 …`), or with the next bare number, whose first child then does (`1 总体要求`, its
 * prose, `2 重点任务`, `2.1 …`); or it goes on with the scheme read so far (`continuesDecimals`). The length of the
 * number, 0 when it is none. Reads at most `HEAD_REACH` characters.
 */
function headsDecimals(text: string, offset: number, tokens: readonly IToken[] | undefined): number {
  let end = offset;
  while (end - offset < 2 && isDigitCode(text.charCodeAt(end))) end++;
  const first = text.charCodeAt(offset);
  if (end === offset || first === 0x30 || first === 0xff10 || isDigitCode(text.charCodeAt(end))) return 0;
  let next = end;
  while (next < text.length && (CHAR_CLASS[text.charCodeAt(next)]! & IS_SPACE) !== 0 && text.charCodeAt(next) !== 9) next++;
  const c = text.charCodeAt(next);
  if (next === end || !isTitleStart(c) || !atLineStart(text, offset)) return 0;
  // A count whose line a hard wrap started (`提高` / `2 个百分点`): a unit, never a title's first word here.
  if (DECIMAL_UNITS.has(c) || DECIMAL_UNITS_BEFORE_WORD.has(c) || c === RI || DECIMAL_UNIT_PAIRS.has(c * 0x10000 + text.charCodeAt(next + 1))) return 0;
  let n = numberAt(text, offset, end);
  if (n > 1 && continuesDecimals(tokens, n)) return end - offset;
  let lines = 0;
  for (let i = next; i < text.length && i - next < HEAD_REACH; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x0a && c !== 0x0d) continue;
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    if (++lines > HEAD_LINES) return 0;
    let j = i + 1;
    while (j < text.length && (CHAR_CLASS[text.charCodeAt(j)]! & IS_SPACE) !== 0) j++;
    let k = j;
    while (k - j < 2 && isDigitCode(text.charCodeAt(k))) k++;
    if (k === j || isDigitCode(text.charCodeAt(k))) continue;
    const number = numberAt(text, j, k);
    const dot = text.charCodeAt(k);
    const one = text.charCodeAt(k + 1);
    if (number === n && (dot === 0x2e || dot === 0xff0e) && (one === 0x31 || one === 0xff11) && !isDigitCode(text.charCodeAt(k + 2))) return end - offset;
    // The next bare number (`2 重点任务` after `1 总体要求` and its prose): its first child will do.
    if (number === n + 1 && (CHAR_CLASS[dot]! & IS_SPACE) !== 0 && dot !== 9) n++;
  }
  return 0;
}

/**
 * Level from context (the model's): a decimal marker, `1.1` `2.3.1` `１．２` `2.1、` `2.1．`, the numbering of a plan
 * whose items carry their parents' numbers (`1.1` under `一、`, `1.1.1` under `1.1`). Only where a line or a sentence
 * opens (`openingAt`), and only before a title: a Chinese character or an opening quote after spaces, and no unit
 * (`1.2万户`, `3.5%`, `2.5亿元`), time or letter; never a year (`2025.6`: four digits) nor a quantity (`2.0`). And the
 * bare number that heads such a scheme (`1 总体要求` with `1.1 …` on a line soon after: `headsDecimals`).
 */
export const DecimalMarker = createToken({
  name: 'DecimalMarker',
  pattern: (text, offset, tokens) => {
    // Most numbers that open a token are no decimal (`2025年`): 1–3 digits, a dot and a digit are read by code first.
    let dot = offset;
    while (dot - offset < 3 && isDigitCode(text.charCodeAt(dot))) dot++;
    const c0 = text.charCodeAt(dot);
    if (dot === offset) return null;
    if ((CHAR_CLASS[c0]! & IS_SPACE) !== 0) {
      // `1 总体要求` above `1.1 …`: the first number of the scheme.
      const length = headsDecimals(text, offset, tokens);
      if (length === 0) return null;
      const head = [text.slice(offset, offset + length)] as unknown as RegExpExecArray;
      head.index = offset;
      return head;
    }
    if ((c0 !== 0x2e && c0 !== 0xff0e) || !isDigitCode(text.charCodeAt(dot + 1)) || !openingAt(text, offset)) return null;
    DECIMAL.lastIndex = offset;
    const match = DECIMAL.exec(text);
    if (match === null) return null;
    let next = offset + match[0].length;
    const stop = isItemStop(text.charCodeAt(next - 1));
    while (next < text.length && (CHAR_CLASS[text.charCodeAt(next)]! & IS_SPACE) !== 0 && text.charCodeAt(next) !== 9) next++;
    const c = text.charCodeAt(next);
    if (!isTitleStart(c)) return null;
    // A unit after the number makes it a quantity; after a stop (`2.1、`) it is a title's word.
    if (!stop) {
      const after = text.charCodeAt(next + 1);
      if (DECIMAL_UNITS.has(c) || DECIMAL_UNIT_PAIRS.has(c * 0x10000 + after) || (c === RI && after !== CHANG)) return null;
      if (DECIMAL_UNITS_BEFORE_WORD.has(c) && !isHan(after)) return null;
    }
    return match;
  },
  start_chars_hint: startHint(digitStarts),
  line_breaks: false,
  categories: [Marker],
});

/**
 * Level 4: `(3)` `（3）` `（ 3 ）` `⑶`, and `3)` `3）` (a number and a closing parenthesis only, as many plans write the level
 * below `1.`) at a block boundary only: never `附件1）` or `（见表1）`, which follow a word.
 */
export const SubItemMarker = createToken({
  name: 'SubItemMarker',
  pattern: notWrappedReference(markerMatcher([...parenStarts, ...parenDigits, ...digitStarts], `(?:[(（]${BRACKET_SPACE}${DIGIT}{1,3}${BRACKET_SPACE}[)）]|${DIGIT}{1,3}[)）]|[\u2474-\u2487])`, IS_BLOCK_BOUNDARY)),
  start_chars_hint: startHint([...parenStarts, ...parenDigits, ...digitStarts]),
  line_breaks: false,
  categories: [Marker],
});

/** Level 5: `①` … `⑳`. */
export const CircledMarker = createToken({
  name: 'CircledMarker',
  pattern: markerMatcher(circledStarts, '[\u2460-\u2473]', IS_INLINE_BOUNDARY),
  start_chars_hint: startHint(circledStarts),
  line_breaks: false,
  categories: [Marker],
});

/** Inline: `一是` `二是` inside a paragraph. */
export const InlineShiMarker = createToken({
  name: 'InlineShiMarker',
  pattern: markerMatcher(numeralStarts, `(${NUMERAL}{1,3})是`, IS_INLINE_BOUNDARY, { numeral: true }),
  start_chars_hint: startHint(numeralStarts),
  line_breaks: false,
  categories: [Marker],
});

/** Inline: `第一,` `第二，` inside a paragraph (not `第一次`, `第3条`). */
export const InlineDiMarker = createToken({
  name: 'InlineDiMarker',
  pattern: markerMatcher(['第'], `第(${NUMERAL}{1,3})[,，、:：]`, IS_INLINE_BOUNDARY, { numeral: true }),
  start_chars_hint: ['第'],
  line_breaks: false,
  categories: [Marker],
});

const fieldNumberStarts = ['任', '序', '编', '編'];
const FIELD_NUMBER_START_CODES = fieldNumberStarts.map((c) => c.charCodeAt(0));
const FIELD_NUMBER = new RegExp(`(?:任务编号|任務編號|任务序号|任務序號|序号|序號|编号|編號)[ \\t\u3000]*[:：][ \\t\u3000]*${DIGIT}{1,3}(?![0-9０-９.．\\-—/])`, 'y');

/**
 * Level 3, a record's number field at the start of a line: `任务编号：80`, `序号：3` (a task list exported from a
 * form or a spreadsheet, one field a line: `任务名称：…` `牵头单位：…` follow).
 */
export const FieldMarker = createToken({
  name: 'FieldMarker',
  pattern: (text, offset) => {
    // Tried at every text position in the blocks of these characters: a code comparison, no one-character string.
    if (FIELD_NUMBER_START_CODES.indexOf(text.charCodeAt(offset)) < 0) return null;
    // Only at a line's start, spaces aside.
    for (let i = offset - 1; i >= 0; i--) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || c === 0x0d) break;
      if ((CHAR_CLASS[c]! & IS_SPACE) === 0) return null;
    }
    FIELD_NUMBER.lastIndex = offset;
    return FIELD_NUMBER.exec(text);
  },
  start_chars_hint: startHint(fieldNumberStarts),
  line_breaks: false,
  categories: [Marker],
});

const taskMarkerStarts = ['任', '问', '問', '事', '存', '反', '第', '[', '【', '〔'];
const TASK_MARKER_STARTS = startTable(taskMarkerStarts);
/**
 * What a task numbered by name is called: `任务` (a task), `问题` (a problem, in a 整改方案, rectification plan: each
 * problem found is the item of work its measures, units and deadline follow), `存在问题` `反馈问题`, or `事项` (a matter,
 * which such a plan or a list of matters to handle numbers as it numbers problems).
 */
const TASK_NAME = '(?:任[务務]|(?:存在|反馈|反饋)?[问問][题題]|事[项項])';
/** A task's number: a numbering numeral (`一` `十二`) or 1–3 digits. */
const TASK_NUMBER = `(${NUMERAL}{1,3}|${DIGIT}{1,3})`;
/**
 * `【任务一】` `[任务2]` `〔任务三〕` (a colon may follow), `任务一：` `任务1、` `任务2.`, `第一项任务：`, an article `第一条：`, or the
 * same before spaces (`任务一 建设…`, `第一条　压减…`). The first group that matched holds the number.
 */
const TASK_MARKER = new RegExp(
  `[【\\[〔]${TASK_NAME}${TASK_NUMBER}[】\\]〕](?:[ \t\u3000]*[:：])?|${TASK_NAME}${TASK_NUMBER}(?:[:：、．.]|(?=[ \u3000]))|第${TASK_NUMBER}[项項]任[务務](?:[:：、]|(?=[ \u3000]))|第${TASK_NUMBER}[条條](?:[:：]|(?=[ \u3000]))`,
  'y',
);

/** The number a task marker writes (`【任务一】` → `一`, `第3项任务：` → `3`): its first group that matched. */
function taskNumber(match: ArrayLike<string | undefined>): string {
  return match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
}

/**
 * A task numbered by name (a 任务清单, list of tasks, or the 重点任务 of a plan): `【任务一】` `任务一：` `任务1、`
 * `第一项任务：`, an article of a plan of measures (`第一条　压减审批时限。（县市场监管局牵头）`: a 若干措施's articles are its
 * tasks; a rule's articles are its outline, the rule no plan), and a problem of a 整改方案 (`问题1：` `存在问题二：`) or a matter (`事项1：`), at a line's start (spaces and marks aside), then a title on the same line (a Chinese character or an
 * opening quote, after spaces). Its level is the model's: a level below the heading it sits under, a sibling of the
 * task before it. Not `任务一览表` or `任务一是…` (no stop after the number), nor `本任务一经…` or `完成任务1项` (not at the
 * line's start), nor `任务1：2025年…` (no title), nor `问题整改后…` or `事项1项` (no stop after the number).
 */
export const TaskMarker = createToken({
  name: 'TaskMarker',
  pattern: (text, offset) => {
    if (TASK_MARKER_STARTS[text.charCodeAt(offset)] === 0 || !atLineStart(text, offset)) return null;
    TASK_MARKER.lastIndex = offset;
    const match = TASK_MARKER.exec(text);
    if (match === null) return null;
    const number = taskNumber(match);
    const first = number.charCodeAt(0);
    if (isDigitCode(first) ? first === 0x30 || first === 0xff10 : !isNumberingNumeral(number)) return null;
    let next = offset + match[0].length;
    while (next < text.length && (CHAR_CLASS[text.charCodeAt(next)]! & IS_SPACE) !== 0 && text.charCodeAt(next) !== 9) next++;
    return isTitleStart(text.charCodeAt(next)) ? match : null;
  },
  start_chars_hint: startHint(taskMarkerStarts),
  line_breaks: false,
  categories: [Marker],
});

// ---------------------------------------------------------------------------------------------
// Attribution keywords, longer before shorter. Both scripts.

/**
 * Words that open with an attribution keyword but are words of their own, text, where they end a phrase (no Chinese
 * character follows, or `的` `和` `及` `与`): `实行首问负责制）`, `岗位负责制、` (a system of responsibility) never say
 * who is in charge; `负责制定方案` and `负责制度建设` do.
 */
const TEXT_WORDS = ['负责制', '負責制'];
const TEXT_WORD_FIRST = new Uint8Array(0x10000);
for (const word of TEXT_WORDS) TEXT_WORD_FIRST[word.charCodeAt(0)] = 1;
const PHRASE_JOINERS = new Set([...'的和及与與'].map((c) => c.charCodeAt(0)));

/** Does one of `TEXT_WORDS` stand at `at` of `text`, ending its phrase? */
function textWordAt(text: string, at: number): boolean {
  if (TEXT_WORD_FIRST[text.charCodeAt(at)] !== 1) return false;
  for (const word of TEXT_WORDS) {
    if (!holdsAt(text, at, word, 0)) continue;
    const after = text.charCodeAt(at + word.length);
    return !isHan(after) || PHRASE_JOINERS.has(after);
  }
  return false;
}

/** Each keyword type's words, in the order they are tried. */
const KEYWORD_WORDS = new Map<TokenType, readonly string[]>();

/**
 * Each keyword first character's slot (1, 2…), 0 for every other character: a keyword type finds the words a character
 * starts by two array reads, where a `Map` from code units cost it a hash lookup at each of its ~135,000 tries a pass
 * over the 1,000 small plans.
 */
const KEYWORD_SLOT = new Uint8Array(0x10000);
/** How many slots there may be (the keywords start with ~35 characters). */
const MAX_KEYWORD_SLOTS = 255;
let keywordSlots = 0;

/**
 * Does `text` hold `word` at `at`, its first `from` characters taken as compared? Compares code units in a loop: the
 * words a character starts differ within their first few characters, where a call to `startsWith` costs more than
 * the comparisons.
 */
function holdsAt(text: string, at: number, word: string, from: number): boolean {
  for (let k = from; k < word.length; k++) if (text.charCodeAt(at + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** The words a keyword type reads, in the order they are tried (a longer word before a shorter one it starts with). */
export function keywordWords(type: TokenType): readonly string[] {
  return KEYWORD_WORDS.get(type) ?? [];
}

/** One word of a keyword type: its shared match, and the longer words of the type that it starts. */
interface KeywordWord {
  word: string;
  match: [string];
  longer: string[];
}

/**
 * A keyword token type: one of `words`, the first that the text holds. Matched by comparing words, not by a
 * regex: a keyword's first character shares its 255-character block with ordinary text, so the lexer tries the
 * keyword types there one after another, and a failed comparison costs a table read where a failed regex
 * costs a call into the regex engine. The image is the word itself (one shared string per word).
 */
function keywordToken(name: string, words: readonly string[], categories: TokenType[] = [], clauseStart: readonly string[] = []): TokenType {
  const onlyAtClauseStart = new Set(clauseStart);
  const spacedOut = categories.includes(FieldName);
  if (spacedOut) for (const word of words) (SPACED_LABELS[word.charCodeAt(0)] ??= []).push(word);
  /** May `word` stand at `offset` (a short label only where a clause opens)? */
  const standsAt = (text: string, offset: number, word: string): boolean =>
    onlyAtClauseStart.size === 0 || !onlyAtClauseStart.has(word) || startsClause(text, offset);
  // The words by the slot of their first code unit, in their order (longer first): a type is tried wherever a character
  // of its block stands, and its list of words (up to ~50) is read only where one of them may start.
  const bySlot = new Array<KeywordWord[] | undefined>(MAX_KEYWORD_SLOTS + 1).fill(undefined);
  for (const word of words) {
    const code = word.charCodeAt(0);
    if (KEYWORD_SLOT[code] === 0) {
      if (keywordSlots === MAX_KEYWORD_SLOTS) throw new Error('keywordToken: too many keyword first characters');
      KEYWORD_SLOT[code] = ++keywordSlots;
    }
    const list = (bySlot[KEYWORD_SLOT[code]!] ??= []);
    // The longer words before it that it starts (`牵头负责` for `牵头`).
    list.push({ word, match: [word], longer: list.filter((w) => w.word.startsWith(word)).map((w) => w.word) });
  }
  // How far a line break may stand and still cut one of the words: after its first character, before its last, with a
  // few spaces beside it.
  const reach = Math.max(...words.map((w) => w.length)) + 2;
  /** `word` cut by a hard wrap at `offset`, inside a bracket: its match (the line break in it), else null. */
  const cut = (text: string, offset: number, word: string, tokens: IToken[]): [string] | null => {
    const length = wrappedLength(text, offset, word, 1);
    return length > 0 && insideBracket(tokens) ? [text.slice(offset, offset + length)] : null;
  };
  const pattern: CustomPatternMatcherFunc = (text, offset, tokens) => {
    const candidates = bySlot[KEYWORD_SLOT[text.charCodeAt(offset)]!];
    if (candidates === undefined || textWordAt(text, offset)) return null;
    for (let c = 0; c < candidates.length; c++) {
      const { word, match, longer } = candidates[c]!;
      if (!holdsAt(text, offset, word, 1)) continue;
      if (!standsAt(text, offset, word)) continue;
      // A longer word it starts, cut by a hard wrap right after it (`牵头` / `负责`), is the longer word (most keywords
      // have no line break near: looked for first).
      if (longer.length > 0 && lineBreakWithin(text, offset + word.length, offset + reach)) {
        for (let k = 0; k < longer.length; k++) {
          const found = cut(text, offset, longer[k]!, tokens);
          if (found !== null) return found;
        }
      }
      return match;
    }
    // A web converter's pinyin inside the word (`負(fù)責`, `牽(qiān)頭單位`): the word with its noise is the keyword.
    const next = text.charCodeAt(offset + 1);
    if (next === 0x28 || next === 0xff08) {
      for (const { word } of candidates) {
        const length = withPinyin(text, offset, word);
        if (length > 0 && standsAt(text, offset, word)) return [text.slice(offset, offset + length)];
      }
    }
    // A field name spaced out to a label's width (`牵 头 单 位：`, `时  限：`, as Word's distributed alignment or a PDF's
    // text leaves it), where a clause opens and its colon follows: the word with its spaces is the field name.
    if (spacedOut && (next === 0x20 || next === 0x3000) && startsClause(text, offset)) {
      for (const { word } of candidates) {
        const length = withSpaces(text, offset, word);
        if (length > 0) return [text.slice(offset, offset + length)];
      }
    }
    // A word cut by a hard wrap inside a bracket (`（牵头单` / `位：`) is the word. A type that takes a word before
    // another type's shorter one takes it cut too (`牵头单位` before `牵头`). Most keywords have no line break near.
    if (!lineBreakWithin(text, offset + 1, offset + reach)) return null;
    for (const { word } of candidates) {
      const found = standsAt(text, offset, word) ? cut(text, offset, word, tokens) : null;
      if (found !== null) return found;
    }
    return null;
  };
  const type = createToken({ name, pattern, start_chars_hint: startHint(words.map((w) => w[0]!)), line_breaks: true, categories: [Keyword, ...categories] });
  KEYWORD_WORDS.set(type, words);
  return type;
}

/** What a clause may open after: a line's start, a bracket, a separator (a slash too: `【牵头：X/配合：Y/时限：Z】`). */
const CLAUSE_OPENERS = new Set([...'\n\r(（[【〔；;，,。/／'].map((c) => c.charCodeAt(0)));

/**
 * Does a clause open at `offset`: after a line's start, a bracket or a separator, or after spaces that part it from the
 * value before (`牵头：X　配合：Y　时限：Z`, fields in one line)? Short labels (`牵头：`) are field names only there.
 */
function startsClause(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09 || text.charCodeAt(i) === 0x3000)) i--;
  return i < offset - 1 || i < 0 || CLAUSE_OPENERS.has(text.charCodeAt(i));
}

/**
 * Does a field name's word hold its colon (`负责单位：`, `牵头：`), or stand in a label's brackets that do its work
 * (`【牵头单位】X`)?
 */
export function holdsColon(t: IToken): boolean {
  const c = t.image.charCodeAt(t.image.length - 1);
  return c === 0x3a || c === 0xff1a || c === 0x3011; /* 】 */
}

/** Is there a line break in [from, to) of `text`? */
function lineBreakWithin(text: string, from: number, to: number): boolean {
  const stop = Math.min(to, text.length);
  for (let i = from; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return true;
  }
  return false;
}

/**
 * The length of `word` at `offset` cut once by a hard wrap (`牵头单\n位`, `完成时\r\n限`), its first `read` characters
 * taken as compared: 0 when the text does not hold it so (whole, or cut before its first character or after its last).
 */
function wrappedLength(text: string, offset: number, word: string, read: number): number {
  let i = offset + read;
  let k = read;
  while (k < word.length && text.charCodeAt(i) === word.charCodeAt(k)) {
    i++;
    k++;
  }
  if (k === 0 || k === word.length) return 0;
  const wrap = wrapAt(text, i);
  if (wrap === 0) return 0;
  for (i += wrap; k < word.length; i++, k++) if (text.charCodeAt(i) !== word.charCodeAt(k)) return 0;
  return i - offset;
}

/** Is `t` a keyword cut by a hard wrap (a line break in its image)? It counts as a line break where wraps are counted. */
export function cutByWrap(t: IToken): boolean {
  return tokenMatcher(t, Keyword) && lineBreakWithin(t.image, 1, t.image.length);
}

/**
 * Does the text after `tokens` (the tokens read so far) stand inside a bracket that a keyword cut there may belong to:
 * one opened on its own line or close enough before that the bracket spans at most `WRAP_LINES` line breaks, the cut
 * one included, with no numbering marker, table row, cell border (a tab after a line's start) or blank line between?
 * There a line break that cuts a keyword is a hard wrap. Reads back fewer than `WRAP_LINES` lines, and is asked only
 * where a keyword is cut so: linear in the text.
 */
function insideBracket(tokens: readonly IToken[]): boolean {
  let depth = 0;
  let breaks = 0;
  for (let j = tokens.length - 1; j >= 0; j--) {
    const t = tokens[j]!;
    const type = t.tokenType;
    if (type === LParen || type === LBracket) {
      if (depth === 0) return true;
      depth--;
    } else if (type === RParen || type === RBracket) depth++;
    else if (type === Newline) {
      if (++breaks >= WRAP_LINES || holdsBlankLine(t.image)) return false;
    } else if (type === RowPipe || (type === Tab && j > 0 && tokens[j - 1]!.tokenType !== Newline) || tokenMatcher(t, Marker)) return false;
    else if (cutByWrap(t) && ++breaks >= WRAP_LINES) return false;
  }
  return false;
}

/** Pinyin a web converter puts after a character: `(fù)`, `（qiān）`. */
const PINYIN_AT = /[(（][a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]{0,6}[)）]/y;

/** The length of `word` at `offset` with pinyin after any of its characters, 0 when the text does not hold it. */
function withPinyin(text: string, offset: number, word: string): number {
  let i = offset;
  for (let k = 0; k < word.length; k++) {
    if (text.charCodeAt(i) !== word.charCodeAt(k)) return 0;
    i++;
    PINYIN_AT.lastIndex = i;
    if (k + 1 < word.length && PINYIN_AT.test(text)) i = PINYIN_AT.lastIndex;
  }
  return i - offset;
}

/** How many spaces may stand between two characters of a spaced-out field name (`时    限：` is aligned to `完成时限：`). */
const MAX_LABEL_GAP = 4;

/**
 * The length of `word` at `offset` with spaces between its characters (`牵 头 单 位`), a colon after it (in the word, or
 * after the spaces that follow it), 0 when the text does not hold it so.
 */
function withSpaces(text: string, offset: number, word: string): number {
  let i = offset;
  for (let k = 0; k < word.length; k++) {
    if (k > 0) for (let gap = 0; gap < MAX_LABEL_GAP && isLabelSpace(text.charCodeAt(i)); gap++) i++;
    if (text.charCodeAt(i) !== word.charCodeAt(k)) return 0;
    i++;
  }
  const last = word.charCodeAt(word.length - 1);
  if (last === 0x3a || last === 0xff1a) return i - offset;
  let j = i;
  while (isLabelSpace(text.charCodeAt(j))) j++;
  const colon = text.charCodeAt(j);
  return colon === 0x3a || colon === 0xff1a ? i - offset : 0;
}

const isLabelSpace = (c: number): boolean => c === 0x20 || c === 0x3000;

/** The field names by their first code unit, for `spacedLabelAt` (filled as the field types are made). */
const SPACED_LABELS: (string[] | undefined)[] = [];

/** Does a spaced-out field name start at `offset`, where a clause opens (`牵 头 单 位：`)? The text run ends before it. */
function spacedLabelAt(text: string, offset: number): boolean {
  const words = SPACED_LABELS[text.charCodeAt(offset)];
  if (words === undefined || !startsClause(text, offset)) return false;
  for (let k = 0; k < words.length; k++) if (withSpaces(text, offset, words[k]!) > 0) return true;
  return false;
}

/**
 * Short labels with their colon (`（牵头：X；配合：Y；时限：Z）`): field names only where a clause opens, after a bracket,
 * a separator or a line's start; after a name (`县发改局牵头：`) `牵头` stays the verb.
 */
const SHORT_LEAD_LABELS = ['牵头：', '牵头:', '牽頭：', '牽頭:'];
const SHORT_RESPONSIBLE_LABELS = ['配合：', '配合:', '协办：', '协办:', '協辦：', '協辦:'];
// `时间：每月` under a task (a community's or a village's plan); after a word (`活动时间：`) it stays the word's.
const SHORT_DEADLINE_LABELS = ['时限：', '时限:', '時限：', '時限:', '时间：', '时间:', '時間：', '時間:'];

/**
 * A field's name in black lenticular brackets as a label before its value (`【牵头单位】X【完成时限】Y`): the bracketed
 * name is the field name with its colon. Only the full names: `【牵头】` is a lead mark.
 */
function bracketLabels(words: readonly string[]): string[] {
  return words.filter((w) => !onlyWhereClauseOpens(w) && !w.endsWith('：') && !w.endsWith(':')).map((w) => `【${w}】`);
}

/** Is `word` a keyword only where a clause opens (a short label)? */
export function onlyWhereClauseOpens(word: string): boolean {
  return SHORT_LEAD_LABELS.includes(word) || SHORT_RESPONSIBLE_LABELS.includes(word) || SHORT_DEADLINE_LABELS.includes(word);
}

/**
 * The words a field name ends with, each naming a kind of unit, in both scripts: a government's units and departments, a
 * department's offices (`处室`, `科室`) and a county bureau's sections (`股室`), a school's year and subject groups
 * (`年级组`, `教研组`).
 */
const UNIT_WORDS: readonly (readonly [string, string])[] = [
  ['单位', '單位'], ['部门', '部門'], ['处室', '處室'], ['科室', '科室'], ['股室', '股室'], ['年级组', '年級組'], ['教研组', '教研組'],
];

/**
 * Every role word before every unit word, in each script (`配合` and `科室`: `配合科室`, `協同` and `處室`: `協同處室`): a
 * plan names its units by whatever words its writer's office uses, so the field names are the whole product, not the
 * pairs one plan happened to write. The words share the role words' first characters, which the keyword matcher
 * compares first: more of them cost nothing where no role word starts.
 */
function fieldNames(roles: readonly (readonly [string, string])[]): string[] {
  // A word written alike in both scripts (`配合科室`) once.
  return [...new Set(roles.flatMap(([role, traditional]) => UNIT_WORDS.flatMap(([unit, unitTraditional]) => [role + unit, traditional + unitTraditional])))];
}

/** `牵头单位` (lead unit) field name. */
const LEAD_FIELD_WORDS = [
  '牵头责任单位', '牽頭責任單位', '牵头责任部门', '牽頭責任部門', '牵头督导单位', '牽頭督導單位',
  // `主要责任单位：X；其他责任单位：Y`, `主要负责单位：X`: the main responsible unit leads.
  '主要责任单位', '主要責任單位', '主要责任部门', '主要責任部門', '主要负责单位', '主要負責單位', '主要负责部门', '主要負責部門',
  // A 督办 sheet or a proposal's handling names the unit that handles it (承办).
  ...fieldNames([['牵头', '牽頭'], ['主办', '主辦'], ['主责', '主責'], ['承办', '承辦']]),
  ...SHORT_LEAD_LABELS,
];
export const LeadField = keywordToken('LeadField', [...LEAD_FIELD_WORDS, ...bracketLabels(LEAD_FIELD_WORDS)], [FieldName], SHORT_LEAD_LABELS);
/**
 * Fields that name persons (`牵头领导` lead official, `责任人`), never units: their values are skipped. Before
 * `LeadField` and `LeadVerb`, which start the same way.
 */
export const PersonField = keywordToken('PersonField', [
  '牵头负责领导', '牽頭負責領導', '牵头市领导', '牽頭市領導', '牵头县领导', '牽頭縣領導', '牵头区领导', '牽頭區領導', '牵头领导', '牽頭領導',
  '责任领导', '責任領導', '分管市领导', '分管市領導', '分管县领导', '分管縣領導', '分管区领导', '分管區領導', '分管领导', '分管領導',
  '配合领导', '配合領導', '协调领导', '協調領導', '责任人', '責任人', '联系人', '聯繫人',
], [FieldName]);
/** `责任单位` / `配合单位` (responsible / cooperating units) field names. */
const RESPONSIBLE_FIELD_WORDS = [
  // `责任单位及责任人：县住建局（李明）、…`: units, each with its person in brackets (dropped from the name).
  '责任单位及责任人', '責任單位及責任人', '责任单位和责任人', '責任單位和責任人', '责任部门及责任人', '責任部門及責任人',
  '责任主体', '責任主體', '实施主体', '實施主體', // `负责单位` is a field only with its colon: `由X负责单位内部…` is a sentence.
  '负责单位：', '负责单位:', '負責單位：', '負責單位:', '负责部门：', '负责部门:', '負責部門：', '負責部門:',
  // The units that carry the work out (`实施单位：` `承担单位：` `落实单位：` `执行单位：`): fields only with their colon too.
  '实施单位：', '实施单位:', '實施單位：', '實施單位:', '承担单位：', '承担单位:', '承擔單位：', '承擔單位:',
  '落实单位：', '落实单位:', '落實單位：', '落實單位:', '执行单位：', '执行单位:', '執行單位：', '執行單位:',
  '配合责任单位', '配合責任單位', '协同责任单位', '協同責任單位',
  // `协同配合单位：` (before `配合单位`, which it holds).
  '协同配合单位', '協同配合單位', '主体责任单位', '主體責任單位', '主要协作单位', '主要協作單位', '主要配合单位', '主要配合單位',
  // The units in charge and those that co-operate or support the work (`支持单位：`).
  ...fieldNames([
    ['责任', '責任'], ['配合', '配合'], ['协同', '協同'], ['协作', '協作'], ['协办', '協辦'], ['协助', '協助'], ['参与', '參與'],
    ['参加', '參加'], ['支持', '支持'],
  ]),
  ...SHORT_RESPONSIBLE_LABELS,
];
export const ResponsibleField = keywordToken('ResponsibleField', [...RESPONSIBLE_FIELD_WORDS, ...bracketLabels(RESPONSIBLE_FIELD_WORDS)], [FieldName], SHORT_RESPONSIBLE_LABELS);
/** `完成时限` (deadline) field names. */
const DEADLINE_FIELD_WORDS = [
  '完成时限', '完成時限', '完成时间', '完成時間', '时间节点', '時間節點', '时限要求', '時限要求', '时间要求', '時間要求', '完成期限', '办结时限', '辦結時限',
  '整改时限', '整改時限', '整改期限',
  // A cut-off date or a pace asked for (`截止时间：2025年6月30日`, `进度要求：…前完成`): fields only with their colon
  // (`截止时间为…` is a sentence).
  '截止时间：', '截止时间:', '截止時間：', '截止時間:', '截止日期：', '截止日期:', '进度要求：', '进度要求:', '進度要求：', '進度要求:',
  ...SHORT_DEADLINE_LABELS,
];
export const DeadlineField = keywordToken('DeadlineField', [...DEADLINE_FIELD_WORDS, ...bracketLabels(DEADLINE_FIELD_WORDS)], [FieldName], SHORT_DEADLINE_LABELS);
/** `共同负责`: several joint leads. */
export const JointLead = keywordToken('JointLead', ['共同负责', '共同負責', '共同牵头', '共同牽頭'], [RoleVerb]);
/** `按职责分工负责`: responsible units. */
export const ByDivision = keywordToken('ByDivision', [
  '按照职责分工负责', '按照職責分工負責', '按职责分工负责', '按職責分工負責', '按职责分工落实', '按職責分工落實', '按照职责分工', '按照職責分工',
  '按职责分工', '按職責分工', '分别负责', '分別負責',
], [RoleVerb]);
/** `会同`: together with (`由X会同Y负责`: X leads, Y takes part). */
export const Together = keywordToken('Together', ['会同', '會同']);
/** `牵头负责` / `牵头`: lead. */
export const LeadVerb = keywordToken('LeadVerb', ['牵头负责', '牽頭負責', '牵头', '牽頭'], [RoleVerb]);
/** `参加` / `参与` / `配合` / `协助`: taking part. */
export const JoinVerb = keywordToken('JoinVerb', ['参加', '參加', '参与', '參與', '配合', '协助', '協助'], [RoleVerb]);
/** `负责` (`负总责`: in overall charge; `负主体责任`: bears the main responsibility): in charge (lead when after `由…`). */
export const ChargeVerb = keywordToken('ChargeVerb', ['负责', '負責', '负总责', '負總責', '负主体责任', '負主體責任'], [RoleVerb]);
/** `由`: by. */
export const By = keywordToken('By', ['由']);

// ---------------------------------------------------------------------------------------------
// Brackets and punctuation (full- and half-width alike).

export const LBracket = charToken('LBracket', '[【〔', [Inline, Opener]);
export const RBracket = charToken('RBracket', ']】〕', [Inline, Closer]);
export const LParen = charToken('LParen', '(（', [Inline, Opener]);
export const RParen = charToken('RParen', ')）', [Inline, Closer]);
export const SentenceEnd = charToken('SentenceEnd', '。！？!?', [Inline]);
export const Semicolon = charToken('Semicolon', ';；', [Inline]);
export const Colon = charToken('Colon', ':：', [Inline]);
export const Comma = charToken('Comma', ',，', [Inline]);
/**
 * `|` `｜` at the start of a line (after any spaces): it opens a Markdown pipe-table row. Looks back over
 * spaces only, so each pipe reads at most the spaces before it.
 */
function rowPipeMatcher(): CustomPatternMatcherFunc {
  // One shared match per pipe (see `charMatcher`).
  const half: [string] = ['|'];
  const full: [string] = ['｜'];
  return (text, offset) => {
    const c = text.charCodeAt(offset);
    if (c !== 0x7c && c !== 0xff5c) return null;
    let i = offset - 1;
    while (i >= 0 && WHITESPACE.includes(text[i]!)) i--;
    if (i >= 0 && text[i] !== '\n' && text[i] !== '\r') return null;
    return c === 0x7c ? half : full;
  };
}
export const RowPipe = createToken({ name: 'RowPipe', pattern: rowPipeMatcher(), start_chars_hint: ['|', '｜'], line_breaks: false });
/** `|` `｜` anywhere else: a cell border inside a table row, or plain text inside a paragraph (`公示|制度`). */
export const Pipe = charToken('Pipe', '|｜', [Inline]);

// ---------------------------------------------------------------------------------------------
// Text: a run of anything else. Written as positive ranges (no negated set) so that Chevrotain's
// first-character optimisation holds.

const KEYWORDS = [PersonField, LeadField, ResponsibleField, DeadlineField, JointLead, ByDivision, Together, LeadVerb, JoinVerb, ChargeVerb, By];

/** Each keyword's first character → the rest of every keyword it starts (`牵` → `头单位` `头部门` `头负责` `头`). */
function keywordRests(): Map<string, string[]> {
  const rests = new Map<string, string[]>();
  for (const type of KEYWORDS) {
    for (const word of keywordWords(type)) {
      const list = rests.get(word[0]!) ?? [];
      list.push(word.slice(1));
      rests.set(word[0]!, list);
    }
  }
  return rests;
}

/** The characters an inline marker (`一是` `第一,` `①`) starts with: after `、`, which ends an inline block, one may start. */
const INLINE_MARKER_STARTS = CHINESE_NUMERAL_CHARS + '第' + circledStarts.join('');

/** Characters that end a text run because some other token may start there (`、` and keyword starts: see below). */
const SPECIAL_OWN = '\n\r\t' + WHITESPACE + '<[]【】〔〕()（）。！？!?;；:：,，、|｜*' + DECORATIONS;
const SPECIAL = SPECIAL_OWN + [...keywordRests().keys()].join('');

/**
 * The keywords' first characters that text may hold, and the rests of their keywords: a character that is a token of
 * its own anyway (`【`, which opens a bracketed field label `【牵头单位】` as well as a bracket) is never text.
 */
function textKeywordRests(): [string, string[]][] {
  return [...keywordRests()].filter(([first]) => !SPECIAL_OWN.includes(first));
}

function positiveClass(excluded: string): string {
  const codes = [...new Set([...excluded].map((c) => c.charCodeAt(0)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let from = 0;
  const hex = (n: number) => '\\u' + n.toString(16).padStart(4, '0');
  for (const code of codes) {
    if (code > from) parts.push(code - 1 > from ? `${hex(from)}-${hex(code - 1)}` : hex(from));
    from = code + 1;
  }
  if (from <= 0xffff) parts.push(`${hex(from)}-\\uffff`);
  return `[${parts.join('')}]`;
}

/**
 * A text run: the model reads it as one piece of prose, however it is cut, so it is cut only where another
 * token may start. A keyword's first character stays in the run unless the keyword follows (`完善` is text,
 * `完成时限` a field); `、` stays in the run unless an inline marker may follow it (`甲、一是`), and then ends
 * it. (Before, every such character was a token of its own — `TextChar` `完`, `EnumComma` `、` — and cut the
 * run in three: 13,000 tokens of the 100,000 in the 1 MB corpus plan.) A keyword with no rest (`由`) is
 * never text.
 */
export function textPattern(): RegExp {
  const inRun = [positiveClass(SPECIAL)];
  // A keyword's rest, with the pinyin a web converter may put after each of its characters.
  const pinyin = `(?:${PINYIN_AT.source})?`;
  const spelled = (rest: string) => pinyin + [...rest].join(pinyin);
  // …or cut once by a hard wrap: spaces, a line break, spaces (`完成时\n限`; the wrap right after the first character too).
  const wrap = `${SKIPPED_SPACE}*(?:\r\n|\r|\n)${SKIPPED_SPACE}*`;
  const cut = (rest: string) => [...rest].map((_, k) => rest.slice(0, k) + wrap + rest.slice(k));
  for (const [first, rests] of textKeywordRests()) {
    if (rests.includes('')) continue;
    inRun.push(`${first}(?!${[...rests.map(spelled), ...rests.flatMap(cut)].join('|')})`);
  }
  inRun.push(`、(?![${INLINE_MARKER_STARTS}])`);
  return new RegExp(`(?:${inRun.join('|')})+、?|、`);
}

/**
 * `textPattern()` read by code unit: the most frequent token (30,000 of the 80,000 per MB) no longer pays a call
 * into the regex engine each (the grammar tests check the two agree). A run of characters that are not
 * `SPECIAL`, keyword first characters whose keyword does not follow (whole, or cut by a hard wrap), and `、` that no
 * inline-marker start follows; then one more `、` (the one before an inline marker ends the run); or a lone `、`. One
 * thing the regex cannot see: the run also ends before an item glued to the words before it (`gluedItem`, which
 * reads the line before it and the items read so far). The match is one shared array.
 */
function textMatcher(): CustomPatternMatcherFunc {
  const IN_RUN = 1;
  const KEYWORD_FIRST = 2;
  const kind = new Uint8Array(0x10000).fill(IN_RUN);
  for (const c of SPECIAL) kind[c.charCodeAt(0)] = 0;
  // Per keyword first character (its kind is KEYWORD_FIRST + its index here): the rests of its keywords, and the
  // code units they start with. Most such characters in a plan are words of their own (`时间` `会议` `主要`): the
  // character after them, compared with a few codes, rules the keywords out without comparing each rest.
  const restsOf: string[][] = [];
  const secondsOf: number[][] = [];
  /** Per code unit of `secondsOf`, the rests it starts: after `主要` the 4 rests of `主要…` are compared, not the 18 of `主`. */
  const restsBySecondOf: string[][][] = [];
  /** The keywords themselves, per first character (a keyword cut by a wrap is compared whole). */
  const wordsOf: string[][] = [];
  for (const [first, list] of textKeywordRests()) {
    if (list.includes('')) continue; // never text
    kind[first.charCodeAt(0)] = KEYWORD_FIRST + restsOf.length;
    restsOf.push(list);
    const seconds = [...new Set(list.map((rest) => rest.charCodeAt(0)))];
    secondsOf.push(seconds);
    restsBySecondOf.push(seconds.map((code) => list.filter((rest) => rest.charCodeAt(0) === code)));
    wordsOf.push(list.map((rest) => first + rest));
  }
  /** How far before a wrap a keyword cut by it may start: its longest rest. */
  const longestRest = Math.max(...restsOf.flat().map((rest) => rest.length));
  // The characters a keyword (not one that is never text) may be cut after, and before: what a run's last character and
  // the character after a wrap must be for a keyword to be cut there. Most runs ended by a line break fail the first.
  const cutAfter = new Uint8Array(0x10000);
  const cutBefore = new Uint8Array(0x10000);
  for (const word of wordsOf.flat()) {
    for (let k = 0; k + 1 < word.length; k++) cutAfter[word.charCodeAt(k)] = 1;
    for (let k = 1; k < word.length; k++) cutBefore[word.charCodeAt(k)] = 1;
  }
  const inlineStart = new Uint8Array(0x10000);
  for (const c of INLINE_MARKER_STARTS) inlineStart[c.charCodeAt(0)] = 1;
  const DUN = 0x3001; // 、
  // A digit stays in the run unless it starts an item glued to the words before it (`gluedItem`); its kind is the
  // table's last value, which the keyword first characters must leave free.
  const DIGIT = 0xff;
  if (KEYWORD_FIRST + restsOf.length > DIGIT) throw new Error('textMatcher: too many keyword first characters for its table');
  for (const d of '0123456789０１２３４５６７８９') kind[d.charCodeAt(0)] = DIGIT;
  /** Does the character at `i`, of `kind` k other than IN_RUN, stay in the run? */
  const staysInRun = (text: string, i: number, code: number, k: number, tokens: IToken[]): boolean => {
    // Most digits follow another digit, a space or punctuation: no item glued there.
    if (k === DIGIT) return !isHan(text.charCodeAt(i - 1)) || gluedItem(text, i, tokens) === null;
    if (k >= KEYWORD_FIRST) {
      if (textWordAt(text, i)) return true;
      const next = text.charCodeAt(i + 1);
      const second = secondsOf[k - KEYWORD_FIRST]!.indexOf(next);
      if (second >= 0) {
        const rests = restsBySecondOf[k - KEYWORD_FIRST]![second]!;
        for (let r = 0; r < rests.length; r++) if (holdsAt(text, i + 1, rests[r]!, 1)) return false;
      }
      if (next === 0x28 || next === 0xff08) {
        for (const rest of restsOf[k - KEYWORD_FIRST]!) if (withPinyin(text, i, text[i] + rest) > 0) return false;
      }
      if ((next === 0x20 || next === 0x3000) && spacedLabelAt(text, i)) return false;
      return true;
    }
    // `、` stays unless an inline marker may start after it (the end of the text is no start).
    return code === DUN && (i + 1 >= text.length || inlineStart[text.charCodeAt(i + 1)] === 0);
  };
  /** The first place in [from, to) where a keyword cut by the wrap at `to` starts, else `to`. */
  const beforeCutKeyword = (text: string, from: number, to: number): number => {
    for (let j = Math.max(from, to - longestRest); j < to; j++) {
      const k = kind[text.charCodeAt(j)]!;
      if (k < KEYWORD_FIRST || k === DIGIT) continue;
      for (const word of wordsOf[k - KEYWORD_FIRST]!) if (wrappedLength(text, j, word, 1) > 0) return j;
    }
    return to;
  };
  const match: [string] = [''];
  return (text, offset, tokens) => {
    let i = offset;
    // The usual character is IN_RUN, tested here in the loop; the rest in a call (a loop calling one function for
    // every character, once that function grew past what the compiler inlines, cost the lexer a fifth more).
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const k = kind[code]!;
      if (k !== IN_RUN && !staysInRun(text, i, code, k, tokens)) break;
    }
    // A run ended by a hard wrap ends before a keyword the wrap cuts (`…完成时` / `限：`), as before a whole one: the
    // keyword's first character stands within its longest rest before the wrap. Asked once per run so ended.
    if (i > offset && cutAfter[text.charCodeAt(i - 1)] === 1) {
      const wrap = wrapAt(text, i);
      if (wrap > 0 && cutBefore[text.charCodeAt(i + wrap)] === 1) i = beforeCutKeyword(text, offset, i);
    }
    if (i === offset && text.charCodeAt(offset) !== DUN) return null;
    if (text.charCodeAt(i) === DUN) i++; // the trailing `、?`, or the lone `、`
    match[0] = text.slice(offset, i);
    return match;
  };
}

/**
 * The code units a text run may start with (every one but the `SPECIAL` ones, keyword first characters and `、` aside),
 * as Chevrotain files them: each below 256, and above it one per block of 255 that holds any (Chevrotain files a
 * matcher under a character's block, `charCodeToOptimizedIndex`, and reads nothing else of the hint). The ~65,000 code
 * units listed one by one cost a one-shot run ~10 ms to list and file.
 */
export function textStarts(): number[] {
  const excluded = new Set([...SPECIAL].map((c) => c.charCodeAt(0)));
  for (const [first, list] of textKeywordRests()) if (!list.includes('')) excluded.delete(first.charCodeAt(0));
  excluded.delete(0x3001);
  const starts: number[] = [];
  for (let c = 0; c < 256; c++) if (!excluded.has(c)) starts.push(c);
  // Above 255, the block of `c` is `255 + floor(c / 255)`: its first code unit that may start a run.
  for (let block = 1; block * 255 <= 0xffff; block++) {
    const last = Math.min(0xffff, block * 255 + 254);
    for (let c = Math.max(256, block * 255); c <= last; c++) {
      if (excluded.has(c)) continue;
      starts.push(c);
      break;
    }
  }
  return starts;
}

export const Text = createToken({ name: 'Text', pattern: textMatcher(), start_chars_hint: textStarts(), line_breaks: false, categories: [Inline] });
/** One character no other token took (a lone `<`): text too. */
export const TextChar = createToken({ name: 'TextChar', pattern: /[\u0000-\uffff]/, categories: [Inline], line_breaks: true });

/**
 * Every token type, in matching order. The lexer tries, for each position, the token types filed under the
 * 256-character block of the character there (by their start hints), in this order, and takes the first that
 * matches. Two types need a fixed order only when one character can start both:
 *   - the markers that start with a numeral, a digit, `第`, `①`, `⑴`, `⒈` or `任` come before `Text` (which holds
 *     those), `TaskMarker` before `LBracket` (both start with `【` `[` `〔`), `ChapterMarker` before `InlineShiMarker` (both start with a numeral), and `ItemMarker` before
 *     `DecimalMarker` (`4.3月21日召开…` is item 4);
 *   - `Pinyin`, `SectionMarker`, `SubItemMarker` come before `LParen` (all start with `(` `（`), and in that order;
 *   - `RowPipe` before `Pipe`;
 *   - `Text` before the keywords whose first characters it holds (it gives way where the keyword follows);
 *   - a keyword type before one with a shorter word that starts one of its words (`牵头单位` `牵头领导` before
 *     `牵头`, `配合单位` `配合领导` before `配合`, `负责单位：` before `负责`): `LeadField` and `PersonField` before
 *     `LeadVerb`, `PersonField` and `ResponsibleField` before `JoinVerb`, `ResponsibleField` before `ChargeVerb`;
 *   - `TextChar`, which takes any character, comes last.
 * Every other pair is disjoint by first character (`Text` excludes every character another type starts with, and
 * the other keyword types share no word's beginning), so the rest of the order only decides how many failing tries a
 * token pays before its own type is tried, where the types share a block: by frequency in the bench plans (the 1,000
 * small plans and plan-1m). The frequent punctuation first (`，` `：` `；` `）` share the full-width block, `\n` `,` `:` the
 * ASCII one), then the markers and `Text`; the keywords, by frequency; then the rarer brackets, spaces and pipes.
 */
export const allTokens: TokenType[] = [
  Newline,
  Colon,
  Semicolon,
  Comma,
  RParen,
  Tab,
  Pinyin,
  SectionMarker,
  SubItemMarker,
  LParen,
  SentenceEnd,
  Decoration,
  ChapterMarker,
  InlineShiMarker,
  ItemMarker,
  DecimalMarker,
  InlineDiMarker,
  CircledMarker,
  FieldMarker,
  TaskMarker,
  Text,
  By,
  DeadlineField,
  LeadField,
  ResponsibleField,
  ChargeVerb,
  PersonField,
  JoinVerb,
  LeadVerb,
  ByDivision,
  JointLead,
  Together,
  LBracket,
  RBracket,
  Whitespace,
  RowPipe,
  Pipe,
  Comment,
  TextChar,
  Marker,
  Inline,
  Keyword,
];
