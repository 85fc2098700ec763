// Page furniture a PDF's text keeps between the lines of a page: its page number, alone on a line (`— 3 —`, `第3页`).

/** A dash around a page number (`— 3 —`, `- 3 -`, `－3－`): em dash, en dash, horizontal bar, hyphen, full-width hyphen. */
const PAGE_DASH = '[—–―\\-－]{1,2}';
/** A page number's digits and the spaces that may stand around them. */
const PAGE_DIGITS = '[ \\u3000]*[0-9０-９]{1,4}[ \\u3000]*';

/**
 * A page number as a PDF's text keeps it (the source of a regular expression): `— 3 —` (the footer of GB/T 9704, the
 * format of official documents), `- 3 -`, `－3－`, `第 3 页`, `第3页 共12页`, `共12页 第3页`. What a line holds besides it
 * is the caller's to check: only a line of its own is one.
 */
export const PAGE_NUMBER_SOURCE =
  `${PAGE_DASH}${PAGE_DIGITS}${PAGE_DASH}` +
  `|第${PAGE_DIGITS}[页頁](?:[ \\u3000,，、/／]*共${PAGE_DIGITS}[页頁])?` +
  `|共${PAGE_DIGITS}[页頁][ \\u3000,，、/／]*第${PAGE_DIGITS}[页頁]`;

const PAGE_NUMBER = new RegExp(PAGE_NUMBER_SOURCE, 'y');
/** The characters a page number starts with. */
const PAGE_NUMBER_STARTS = new Set([...'—–―-－第共'].map((c) => c.charCodeAt(0)));

/** The length of the page number at `i` of `text`, 0 when none starts there. */
export function pageNumberLength(text: string, i: number): number {
  if (!PAGE_NUMBER_STARTS.has(text.charCodeAt(i))) return 0;
  PAGE_NUMBER.lastIndex = i;
  const match = PAGE_NUMBER.exec(text);
  return match === null ? 0 : match[0].length;
}

const isBreak = (c: number): boolean => c === 0x0a || c === 0x0d;
/** A space on a line (not a line break): what may stand around a page number on its line. */
const isLineSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0;
/** The longest line a page number fills (`第 12 页 ， 共 120 页` with spaces around it). */
const PAGE_LINE = 40;

/**
 * Where the line that a page number alone fills, opening at `i` of `text` (a line break, spaces aside, before `i`), ends
 * (after its line break; the text's end); -1 when there is none. `end` bounds the read.
 */
export function pageLineEnd(text: string, i: number, end: number): number {
  if (!PAGE_NUMBER_STARTS.has(text.charCodeAt(i))) return -1;
  let before = i - 1;
  while (before >= 0 && isLineSpace(text.charCodeAt(before))) before--;
  if (before < 0 || !isBreak(text.charCodeAt(before))) return -1;
  const length = pageNumberLength(text, i);
  if (length === 0) return -1;
  let j = i + length;
  while (j < end && isLineSpace(text.charCodeAt(j))) j++;
  if (j >= end) return j;
  if (!isBreak(text.charCodeAt(j))) return -1;
  return text.charCodeAt(j) === 0x0d && text.charCodeAt(j + 1) === 0x0a ? j + 2 : j + 1;
}

/**
 * Where the line that a page number alone fills, ending at `i` of `text` (its last character before `i`, a line break,
 * spaces or the text's end after it), opens (after the line break before it); -1 when there is none. Reads at most
 * `PAGE_LINE` characters back, and never before `start`.
 */
export function pageLineStart(text: string, i: number, start: number): number {
  const last = text.charCodeAt(i - 1);
  // A page number ends with a digit or a dash (`— 3 —`) or `页`.
  if (!(last >= 0x30 && last <= 0x39) && !(last >= 0xff10 && last <= 0xff19) && !PAGE_NUMBER_STARTS.has(last) && last !== 0x9875 && last !== 0x9801) return -1;
  let from = i - 1;
  while (from > start && i - from < PAGE_LINE && !isBreak(text.charCodeAt(from - 1))) from--;
  if (from <= start || !isBreak(text.charCodeAt(from - 1))) return -1;
  let first = from;
  while (first < i && isLineSpace(text.charCodeAt(first))) first++;
  return pageNumberLength(text, first) === i - first ? from : -1;
}
