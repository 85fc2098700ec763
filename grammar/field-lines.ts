// A field's value on the line after its label: text copied out of a Word table or form puts each cell's paragraphs on
// lines of their own (`牵头单位：` / `市市场监管局` / `完成时限：` / `2025年6月30日前`). Where such a line break is layout,
// not the end of a paragraph (the block parser reads on, as over a hard wrap inside a bracket: `wrap.ts`).
import { EOF, type IToken } from 'chevrotain';
import { CLOSER, is, OPENER } from './categories.js';
import { MAX_BY_UNITS, namedList, namesUnitsText } from './attribution.js';
import { DeadlineScan } from './deadline.js';
import { Colon, Comma, DeadlineField, holdsColon, LeadField, Newline, ResponsibleField, Text } from './tokens.js';

/**
 * The label that ends the paragraph [first, at) with nothing after it but its colon (`牵头单位：`, `【完成时限】`, at a
 * line's start or after the item's words), when its value is units or a date; -1 otherwise. A person's field
 * (`牵头领导：`) is not one: its value cannot be told from a line of prose.
 */
export function emptyLabelAt(toks: readonly IToken[], first: number, at: number): number {
  let label = at - 1;
  if (label >= first && toks[label]!.tokenType === Colon) label--;
  if (label < first) return -1;
  const t = toks[label]!;
  const type = t.tokenType;
  if (type !== LeadField && type !== ResponsibleField && type !== DeadlineField) return -1;
  return label === at - 1 && !holdsColon(t) ? -1 : label;
}

/**
 * Does the line after the line break at `at` give the value of the field labelled at `label`? It opens with words (not
 * another label, a numbering marker or a table row) that read as the value: a unit's name first for a unit field
 * (`市市场监管局`, `各区人民政府，市住建局`, `县住建局牵头，县财政局配合`), a date phrase for a deadline field
 * (`2025年6月30日前`, `长期坚持`). A unit and its duties (`县发改局：负责…`) are a line of their own.
 */
export function valueLineAfter(toks: readonly IToken[], label: number, at: number): boolean {
  const value = toks[at + 1];
  if (value === undefined || value.tokenType !== Text) return false;
  if (toks[label]!.tokenType === DeadlineField) return new DeadlineScan(value.image, 'field').next()?.from === 0;
  const next = toks[at + 2];
  if (next !== undefined && next.tokenType === Colon) return false;
  return namesUnitsText(value.image.split(/[、，,；;]/, 1)[0]!);
}

/** Is the line break at `at` the one between a field's label left empty on its line and its value on the next? */
export function labelBeforeValue(toks: readonly IToken[], at: number): boolean {
  const label = emptyLabelAt(toks, 0, at);
  return label >= 0 && valueLineAfter(toks, label, at);
}

/**
 * Is the line after the line break at `at` units' names and nothing else (`县应急管理局`, `县公安局、县交通运输局`,
 * `各县（市、区）人民政府`)? A unit field whose value opened on the line after its label goes on over such lines, one
 * paragraph of a Word cell each. Reads one line, at most a list's length.
 */
export function namesLineAfter(toks: readonly IToken[], at: number): boolean {
  let names = '';
  let i = at + 1;
  for (; i < toks.length; i++) {
    const t = toks[i]!;
    // The parser's tokens end with its end-of-input token (a text without a last line break).
    if (t.tokenType === Newline || t.tokenType === EOF) break;
    if (t.tokenType === Comma) names += '、';
    else if (t.tokenType === Text || is(t, OPENER | CLOSER)) names += t.image;
    else return false;
    // No list of names is longer (`namedList`): a line of prose is not read to its end.
    if (names.length > MAX_BY_UNITS) return false;
  }
  // A unit above a date alone on its line signs the document (`县人民政府办公室` / `2026年3月1日`): no unit of the list.
  return namedList(names) && !dateLineAfter(toks, i);
}

/** A signature's date on a line of its own (`2024年2月8日`, `二〇二四年二月八日`): a document or a notice ends there. */
export const DATE_LINE = /^[ \t\u3000\u00a0]*(?:\d{4}|[〇○零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日[ \t\u3000\u00a0]*$/;

/** Is the line after the line break at `at` (none when `at` is the end) a signature's date alone (`DATE_LINE`)? */
function dateLineAfter(toks: readonly IToken[], at: number): boolean {
  let line = '';
  for (let i = at + 1; i < toks.length && toks[i]!.tokenType !== Newline; i++) {
    line += toks[i]!.image;
    if (line.length > 16) return false;
  }
  return line !== '' && DATE_LINE.test(line);
}
