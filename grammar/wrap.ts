// Hard wraps inside brackets: text copied out of a PDF keeps the lines it was set in, and a line may end inside an
// attribution bracket (`（牵头单` / `位：市金融工作局；完成时限：2025年6月底前）`). Where such a line break is layout, not
// the end of a paragraph (the block parser reads on), and whether a bracket its paragraph leaves open closes further on.
import type { IToken } from 'chevrotain';
import { CLOSER, is, isGroupKeyword, KEYWORD, MARKER, OPENER } from './categories.js';
import { cutByWrap, holdsBlankLine, Newline, RowPipe, SentenceEnd, Tab, WRAP_LINES } from './tokens.js';

/**
 * The brackets a paragraph has open so far: how many, and whether the outermost holds an attribution keyword (a field
 * name, a role verb, `会同`), as `findAttributions` counts them (nesting counted, a stray closer ignored).
 */
export interface OpenBrackets {
  depth: number;
  keyword: boolean;
}

/** Adds the tokens [from, to) of `toks` to the brackets `open` counts. */
export function countBrackets(toks: readonly IToken[], from: number, to: number, open: OpenBrackets): void {
  for (let i = from; i < to; i++) {
    const t = toks[i]!;
    if (is(t, OPENER)) {
      if (open.depth++ === 0) open.keyword = false;
    } else if (is(t, CLOSER)) {
      if (open.depth > 0) open.depth--;
    } else if (open.depth > 0 && !open.keyword && isGroupKeyword(t)) open.keyword = true;
  }
}

/** Does `t`, at `i` of `toks`, start something of its own: a numbering marker, a table row, a cell border (a tab after a line's start)? */
function startsBlock(toks: readonly IToken[], i: number): boolean {
  const t = toks[i]!;
  return is(t, MARKER) || t.tokenType === RowPipe || (t.tokenType === Tab && i > 0 && toks[i - 1]!.tokenType !== Newline);
}

/**
 * Can the line break `newline`, `next` after it, be a hard wrap at all? Not before a blank line, a numbering marker, a
 * table row or the text's end: most paragraphs end so, and are let go before their brackets are counted.
 */
export function mayWrap(newline: IToken, next: IToken | undefined): boolean {
  return next !== undefined && !holdsBlankLine(newline.image) && !is(next, MARKER) && next.tokenType !== RowPipe;
}

/**
 * How many line breaks a bracket may span when each line it runs through is a full line of a PDF copy
 * (`FULL_LINE` characters or more, no sentence's end): a long list of units set in fixed-width lines (`（牵头单位：市发展改革委；
 * 责任单位：市工业和信息化局、` / `市人力资源社会保障局、市自然资源和规划局、市生态` / … / `水利局；完成时限：2025年12月底前）`).
 */
const LONG_WRAP_LINES = 12;
/** The fewest characters of a full line (a PDF's line of body text holds 25–40). */
const FULL_LINE = 15;

/**
 * Is the line break at `at` (a `Newline` of `toks`) a hard wrap inside the brackets `open` counts? It is when the
 * outermost closes on one of the `WRAP_LINES` lines after it (a keyword cut by a wrap counts as a line break), or of
 * the `LONG_WRAP_LINES` lines after it when every line it runs through whole is full (`FULL_LINE`), an attribution
 * bracket by then (it holds a keyword, before or after the break), and nothing between starts a block of its own: a
 * numbering marker (the next line opening with one is a new item), a table row, a cell border, a blank line. A break
 * `valueBreak` says is layout (a field's label before its value on the next line: `field-lines.ts`) is not counted, so
 * a bracket that gives each field two lines still closes in reach. Reads at most `LONG_WRAP_LINES` lines on (and the
 * value lines between): a line is read by the breaks of the few lines before it only, so a text's wraps cost time
 * linear in it.
 */
export function wrapsInBracket(
  toks: readonly IToken[],
  at: number,
  open: OpenBrackets,
  valueBreak: (toks: readonly IToken[], at: number) => boolean = () => false,
): boolean {
  if (open.depth === 0) return false;
  let depth = open.depth;
  let keyword = open.keyword;
  let breaks = 0;
  // Whether every line read whole so far is full, and where the line being read starts (none before the first break).
  let full = true;
  let lineStart = -1;
  const reach = () => (full ? LONG_WRAP_LINES : WRAP_LINES);
  for (let i = at; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.tokenType === Newline) {
      if (holdsBlankLine(t.image)) return false;
      if (lineStart >= 0 && t.startOffset - lineStart < FULL_LINE) full = false;
      lineStart = t.startOffset + t.image.length;
      if (!valueBreak(toks, i) && ++breaks > reach()) return false;
    } else if (startsBlock(toks, i)) return false;
    else if (is(t, OPENER)) depth++;
    else if (is(t, CLOSER)) {
      if (--depth === 0) return keyword;
    } else if (t.tokenType === SentenceEnd) full = false;
    else if (is(t, KEYWORD)) {
      // A keyword cut by a wrap (`牵头单` / `位`) is a line break too.
      if (cutByWrap(t) && ++breaks > reach()) return false;
      if (!keyword && isGroupKeyword(t)) keyword = true;
    }
  }
  return false;
}

/** How far after its paragraph a closer is looked for (`closesLater`): lines, and characters (a text that lost its breaks). */
const NEAR_LINES = 2 * WRAP_LINES;
const NEAR_CHARS = 600;

/**
 * Does a closer that may close the `depth` brackets a paragraph leaves open stand after it (from `from`, the token
 * after the paragraph), within `NEAR_LINES` lines and `NEAR_CHARS` characters? The lines were not joined (a blank
 * line between, further than a wrap reaches, a new item or a table between), yet the bracket may close there: that it
 * is left open is then uncertain. (A new item's own brackets balance; a closer that would close this one in it says
 * the brackets are confused.) Reads a bounded stretch: linear in the text however many brackets are left open.
 */
export function closesLater(toks: readonly IToken[], from: number, depth: number): boolean {
  const limit = from < toks.length ? toks[from]!.startOffset + NEAR_CHARS : 0;
  let breaks = 0;
  for (let i = from; i < toks.length && depth > 0; i++) {
    const t = toks[i]!;
    if (t.startOffset > limit) return false;
    if (t.tokenType === Newline) {
      if (++breaks > NEAR_LINES) return false;
    } else if (is(t, OPENER)) depth++;
    else if (is(t, CLOSER)) depth--;
  }
  return depth === 0;
}
