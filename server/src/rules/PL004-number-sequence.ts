// PL004 number-sequence: a gap, a duplicate or a backwards number among sibling markers (per part, or through the whole document when numbering is continuous), and in a task table's `序号` (number) column.
import { formatChineseNumeral, formatCircled } from '../../../grammar/numerals.js';
import { coverOf } from '../lint/ranges.js';
import type { Report, Rule, RuleFix } from '../lint/rule.js';
import type { Level, Marker, PlanDocument, Section, Span } from '../model/types.js';

/** How the numbers of one level run: on through the whole document, or from 1 again under each parent. */
export type SequenceMode = 'continuous' | 'per-parent';

/**
 * A run of markers that must count 1, 2, 3…: the children of one parent at one level, the whole
 * document's markers of one level when that level numbers continuously, or one inline enumeration
 * (`一是…二是…`). `mode` is null when it makes no difference (level 1, a level used under one parent
 * only, inline runs).
 */
export interface SiblingRun {
  level: Level;
  mode: SequenceMode | null;
  sections: Section[];
}

/**
 * Sections the model found inside a task table: a cell such as `| 二、 | 规范执法 |` is a category
 * row of the table, not a part of the plan's outline. Usually empty.
 */
export function tableSections(plan: PlanDocument): Set<Section> {
  const found = new Set<Section>();
  if (plan.tables.length === 0) return found;
  const inTable = coverOf(plan.tables.map((t) => ({ from: t.span.start, to: t.span.end })));
  const sections = plan.allSections;
  for (let i = 0; i < sections.length; i++) if (inTable(sections[i]!.marker.span.start)) found.add(sections[i]!);
  return found;
}

/** The outline's sections in document order, without those inside a task table. */
export function outlineSections(plan: PlanDocument): Section[] {
  const excluded = tableSections(plan);
  return excluded.size === 0 ? plan.allSections : plan.allSections.filter((s) => !excluded.has(s));
}

/** Per level 1–5 (indexed by level): its numbering mode, and how many parents have children at that level. */
interface LevelReading {
  mode: SequenceMode[];
  parents: number[];
}

function readLevels(plan: PlanDocument, excluded: Set<Section>): LevelReading {
  const last: (Section | undefined)[] = [];
  const restart = [0, 0, 0, 0, 0, 0];
  const carry = [0, 0, 0, 0, 0, 0];
  const parents = [0, 0, 0, 0, 0, 0];
  // Index loops over the sections (here and below): a for-of allocates per step until the code is optimised,
  // and these run once per analysis over every section.
  const sections = plan.allSections;
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i]!;
    const level = s.marker.level;
    if (level > 5 || (excluded.size > 0 && excluded.has(s))) continue;
    const prev = last[level];
    last[level] = s;
    // A parent's children of one level are contiguous in document order, so a change of parent is a new parent.
    if (prev !== undefined && prev.parent === s.parent) continue;
    parents[level]!++;
    if (prev === undefined || !Number.isFinite(s.marker.value) || !Number.isFinite(prev.marker.value)) continue;
    if (s.marker.value === 1) restart[level]!++;
    else if (s.marker.value > prev.marker.value) carry[level]!++;
  }
  const fallback: SequenceMode = plan.numbering === 'continuous' ? 'continuous' : 'per-parent';
  const mode = restart.map((r, level): SequenceMode => (r === carry[level] ? fallback : carry[level]! > r ? 'continuous' : 'per-parent'));
  return { mode, parents };
}

/**
 * The numbering mode of each level 1–5, read from that level's own evidence: where consecutive
 * markers of the level sit under different parents, a `1` votes for restarting and a larger number
 * than the previous one votes for continuous. A tie (or no evidence) falls back to the document's
 * mode (`plan.numbering`), and to per-parent when that is unknown. Per level, because a document
 * commonly numbers `（一）` through the whole text while `1.` starts again under each `（一）`.
 */
export function levelModes(plan: PlanDocument): Map<number, SequenceMode> {
  const { mode } = readLevels(plan, tableSections(plan));
  return new Map([1, 2, 3, 4, 5].map((level) => [level, mode[level]!]));
}

/**
 * Every run of sibling markers in the body, each in document order: per parent and level, or the
 * whole level when it numbers continuously; inline runs per parent and form, a `一是` starting a new
 * one. One pass: a parent's children of one level are contiguous in document order.
 */
export function siblingRuns(plan: PlanDocument): SiblingRun[] {
  const excluded = tableSections(plan);
  const { mode, parents } = readLevels(plan, excluded);
  const runs: SiblingRun[] = [];
  const open: (SiblingRun | undefined)[] = [];
  let shi: SiblingRun | undefined;
  let di: SiblingRun | undefined;
  const sections = plan.allSections;
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i]!;
    if (excluded.size > 0 && excluded.has(s)) continue;
    const level = s.marker.level;
    if (level === 6) {
      const isShi = s.marker.style === 'inline-shi';
      let run = isShi ? shi : di;
      if (run === undefined || run.sections[0]!.parent !== s.parent || s.marker.value === 1) {
        run = { level, mode: null, sections: [] };
        runs.push(run);
        if (isShi) shi = run;
        else di = run;
      }
      run.sections.push(s);
      continue;
    }
    let run = open[level];
    const runMode = parents[level]! > 1 ? mode[level]! : null;
    if (run === undefined || (runMode !== 'continuous' && run.sections[0]!.parent !== s.parent)) {
      run = { level, mode: runMode, sections: [] };
      runs.push(run);
      open[level] = run;
    }
    run.sections.push(s);
  }
  return runs;
}

/**
 * Sections that come after a deeper sibling under the same parent (`（一）` after `2.` under one
 * `一、`), each mapped to that sibling. Such a section is out of order (PL006); numbers around it are
 * not renumbered automatically. Top-level sections have no parent to compare under. Linear.
 */
export function invertedSections(plan: PlanDocument): Map<Section, Section> {
  const excluded = tableSections(plan);
  const inverted = new Map<Section, Section>();
  const sections = plan.allSections;
  for (let i = 0; i < sections.length; i++) {
    const parent = sections[i]!;
    if (parent.children.length < 2 || (excluded.size > 0 && excluded.has(parent))) continue;
    let previous: Section | null = null;
    for (let k = 0; k < parent.children.length; k++) {
      const child = parent.children[k]!;
      if (child.marker.level > 5 || (excluded.size > 0 && excluded.has(child))) continue;
      if (previous !== null && previous.marker.level > child.marker.level) inverted.set(child, previous);
      previous = child;
    }
  }
  return inverted;
}

/** The span of the number inside a marker: `十二` in `(十二)`, `8` in `8.`, the whole `③`. */
export function numberSpan(marker: Marker): Span {
  const { start } = marker.span;
  const end = start + marker.text.length;
  switch (marker.style) {
    case 'cn-paren-full':
    case 'cn-paren-half':
    case 'ar-paren-full':
    case 'ar-paren-half':
    case 'inline-di':
      return { start: start + 1, end: end - 1 };
    case 'circled':
    case 'ar-enclosed':
    case 'ar-paren-enclosed':
      return { start, end };
    case 'field': {
      // `序号：12`: the digits that end it.
      let from = end;
      while (from > start && /[0-9０-９]/.test(marker.text[from - start - 1]!)) from--;
      return { start: from, end };
    }
    default:
      return { start, end: end - 1 };
  }
}

const CHINESE = /^[一二三四五六七八九十百零]+$/;
const toFullWidth = (digits: string) => digits.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/**
 * `value` written the way `marker` writes its number (`十二` for levels 1, 2 and inline; digits,
 * full-width when the marker's are; `⑫`), or null when the grammar might not read it back as the
 * same kind of marker: at most four Chinese characters (three inline), three digits, ⑳.
 */
export function formatNumber(marker: Marker, value: number): string | null {
  if (!Number.isInteger(value) || value < 1) return null;
  switch (marker.level) {
    case 3:
    case 4: {
      if (marker.style === 'ar-enclosed') return value <= 20 ? String.fromCharCode(0x2487 + value) : null;
      if (marker.style === 'ar-paren-enclosed') return value <= 20 ? String.fromCharCode(0x2473 + value) : null;
      if (value > 999) return null;
      return /[０-９]/.test(marker.text) ? toFullWidth(String(value)) : String(value);
    }
    case 5:
      return value <= 20 ? formatCircled(value) : null;
    default: {
      const text = formatChineseNumeral(value);
      return CHINESE.test(text) && text.length <= (marker.level === 6 ? 3 : 4) ? text : null;
    }
  }
}

/** The marker as it would read with `value` (`(十二)` → `(十三)`), or null when it cannot be written. */
export function markerWithNumber(marker: Marker, value: number): string | null {
  const number = formatNumber(marker, value);
  if (number === null) return null;
  const span = numberSpan(marker);
  const from = span.start - marker.span.start;
  return marker.text.slice(0, from) + number + marker.text.slice(from + span.end - span.start);
}

/** One numbered thing in a sequence: a marker or a table row's `序号` cell. */
export interface Item {
  value: number;
  /** The marker or cell as written. */
  text: string;
  /** Where the finding goes. */
  span: Span;
  /** The characters of the number, replaced by a fix. */
  number: Span;
  /** The marker, whose form a new number takes; null for a table cell (digits, `full` says which width). */
  marker: Marker | null;
  full: boolean;
  /** Its parent differs from the previous item's (a part boundary in a continuous run). */
  newParent: boolean;
  /** Where the text before it starts that a missing marker would sit in (-1: do not look). */
  after: number;
}

/** The number written for `value` in the item's form, or null when it cannot be. */
function format(item: Item, value: number): string | null {
  if (item.marker !== null) return formatNumber(item.marker, value);
  if (!Number.isInteger(value) || value < 1 || value > 9999) return null;
  return item.full ? toFullWidth(String(value)) : String(value);
}

type Kind = 'gap' | 'duplicate' | 'backwards' | 'restart' | 'first';
type Family = 'plain' | 'continuous' | 'perParent' | 'table';

const MESSAGE_IDS: Record<Family, Partial<Record<Kind, string>>> = {
  plain: { gap: 'gap', duplicate: 'duplicate', backwards: 'backwards' },
  continuous: { gap: 'gapContinuous', duplicate: 'duplicateContinuous', backwards: 'backwardsContinuous', restart: 'restartContinuous' },
  perParent: { gap: 'gapPerParent', duplicate: 'duplicatePerParent', backwards: 'backwardsPerParent', first: 'firstPerParent' },
  table: { gap: 'tableGap', duplicate: 'tableDuplicate', backwards: 'tableBackwards' },
};

export const rule: Rule = {
  id: 'PL004',
  name: 'number-sequence',
  defaultSeverity: 'error',
  tags: ['numbering'],
  fixable: 'safe',
  description: {
    'zh-CN':
      '同级编号跳号、重号或倒退。同级指同一上级下的同一层级编号；若某一层级全文连续编号（如各部分的“1.”至“43.”一路排下来），则按全文顺序检查，各部分分别编号时每部分从1开始。行内“一是、二是”和任务表的“序号”列同样检查。修复：从第一个错误处起依次重新编号，只改编号中的数字，保留原有写法',
    en: 'A gap, a duplicate or a backwards number among sibling markers: markers of one level under one parent, or of one level through the whole document when that level is numbered continuously (tasks 1.–43. across every part); with numbering that restarts under each part, each part starts at 1. Inline 一是/二是 runs and the 序号 column of a task table are checked too. Fix: renumber in order from the first wrong number, changing only the number inside each marker and keeping its form',
  },
  messages: {
    gap: { 'zh-CN': '编号“{found}”跳号，应为“{expected}”', en: 'Number "{found}" skips ahead; expected "{expected}"' },
    duplicate: { 'zh-CN': '编号“{found}”与前一项重复，应为“{expected}”', en: 'Number "{found}" repeats the previous number; expected "{expected}"' },
    backwards: { 'zh-CN': '编号“{found}”倒退，应为“{expected}”', en: 'Number "{found}" goes backwards; expected "{expected}"' },
    gapContinuous: {
      'zh-CN': '编号“{found}”跳号，应为“{expected}”（本文该级全文连续编号）',
      en: 'Number "{found}" skips ahead; expected "{expected}" (this level uses continuous numbering)',
    },
    duplicateContinuous: {
      'zh-CN': '编号“{found}”与前一项重复，应为“{expected}”（本文该级全文连续编号）',
      en: 'Number "{found}" repeats the previous number; expected "{expected}" (this level uses continuous numbering)',
    },
    backwardsContinuous: {
      'zh-CN': '编号“{found}”倒退，应为“{expected}”（本文该级全文连续编号）',
      en: 'Number "{found}" goes backwards; expected "{expected}" (this level uses continuous numbering)',
    },
    restartContinuous: {
      'zh-CN': '编号“{found}”重新从头编起，但本文该级全文连续编号，应为“{expected}”',
      en: 'Number "{found}" starts again from the beginning, but this level uses continuous numbering; expected "{expected}"',
    },
    gapPerParent: {
      'zh-CN': '编号“{found}”跳号，应为“{expected}”（本文该级各部分分别编号）',
      en: 'Number "{found}" skips ahead; expected "{expected}" (numbering at this level restarts under each part)',
    },
    duplicatePerParent: {
      'zh-CN': '编号“{found}”与前一项重复，应为“{expected}”（本文该级各部分分别编号）',
      en: 'Number "{found}" repeats the previous number; expected "{expected}" (numbering at this level restarts under each part)',
    },
    backwardsPerParent: {
      'zh-CN': '编号“{found}”倒退，应为“{expected}”（本文该级各部分分别编号）',
      en: 'Number "{found}" goes backwards; expected "{expected}" (numbering at this level restarts under each part)',
    },
    firstPerParent: {
      'zh-CN': '编号“{found}”是本部分的第一项，应为“{expected}”（本文该级各部分分别编号）',
      en: 'Number "{found}" is the first item of its part; expected "{expected}" (numbering at this level restarts under each part)',
    },
    tableGap: { 'zh-CN': '任务表序号“{found}”跳号，应为“{expected}”', en: 'Task table number "{found}" skips ahead; expected "{expected}"' },
    tableDuplicate: {
      'zh-CN': '任务表序号“{found}”与上一行重复，应为“{expected}”',
      en: 'Task table number "{found}" repeats the row above; expected "{expected}"',
    },
    tableBackwards: { 'zh-CN': '任务表序号“{found}”倒退，应为“{expected}”', en: 'Task table number "{found}" goes backwards; expected "{expected}"' },
    renumber: { 'zh-CN': '从“{found}”起依次重新编号', en: 'Renumber in order from "{found}"' },
  },
  check({ plan, report }) {
    const inverted = invertedSections(plan);
    for (const run of siblingRuns(plan)) {
      if (counts(run.sections)) continue; // the common case: 1, 2, 3… with nothing to say
      const items = run.sections.map((s, i): Item => {
        const before = i > 0 ? run.sections[i - 1]! : null;
        return {
          value: s.marker.value,
          text: s.marker.text,
          span: s.marker.span,
          number: numberSpan(s.marker),
          marker: s.marker,
          full: false,
          newParent: before !== null && s.parent !== before.parent,
          after: before ? before.marker.span.end : s.parent ? s.parent.marker.span.end : 0,
        };
      });
      const family: Family = run.mode === 'continuous' ? 'continuous' : run.mode === 'per-parent' ? 'perParent' : 'plain';
      // Around a misplaced level (PL006) the intended numbering is unclear: report, but do not renumber.
      const first = run.sections[0]!;
      const misplaced = inverted.has(first) || (first.parent !== null && inverted.has(first.parent));
      checkSequence(plan.text, items, family, run.mode === 'continuous' || !misplaced, report);
    }
    for (const table of plan.tables) {
      const column = table.columns.indexOf('number');
      if (column < 0) continue;
      // The numbered cells, read in place (no string or object per row): runs of cell spans and their values,
      // and items built only for a run that does not count 1, 2, 3… (the common case has nothing to say).
      let spans: Span[] = [];
      let values: number[] = [];
      const runs = [{ spans, values }];
      let afterHeading = false;
      const rows = table.rows;
      for (let r = 0; r < rows.length; r++) {
        const span = rows[r]!.cellSpans[column];
        if (span === undefined) continue;
        const value = cellNumber(plan.text, span);
        if (value < 0) {
          // A category row (`一、…`) between task rows: numbering may start again at 1 after it.
          if (!blank(plan.text, span)) afterHeading = true;
          continue;
        }
        if (afterHeading && value === 1 && spans.length > 0) runs.push({ spans: (spans = []), values: (values = []) });
        afterHeading = false;
        spans.push(span);
        values.push(value);
      }
      for (const run of runs) {
        if (countsFromOne(run.values)) continue;
        const items = run.spans.map((span) => tableItem(plan.text, span)!);
        checkSequence(plan.text, items, 'table', true, report);
      }
    }
  },
};

/** True when the sections count 1, 2, 3… without a break. */
function counts(sections: Section[]): boolean {
  for (let i = 0; i < sections.length; i++) if (sections[i]!.marker.value !== i + 1) return false;
  return true;
}

/** True when the values count 1, 2, 3… without a break. */
function countsFromOne(values: readonly number[]): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== i + 1) return false;
  return true;
}

/** What `\s` matches (ECMAScript white space and line terminators), by code unit. */
function isRegExpSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** True when the span holds only white space (what `trim` removes). */
function blank(text: string, span: Span): boolean {
  if (!(span.start >= 0 && span.end <= text.length && span.start <= span.end)) return text.slice(span.start, span.end).trim() === '';
  for (let i = span.start; i < span.end; i++) if (!isRegExpSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Where the digits of the cell `cellNumber` read last start, how many there are, and whether any is full-width. */
const CELL = { start: 0, digits: 0, full: false };

/**
 * The number a `序号` cell holds (`12`, `１２`, `12.`), or −1 when it holds something else, read in place (no
 * string, no match): what `patternItem`'s pattern reads, by code unit. Where its digits are is left in `CELL`.
 * A span outside the text (a hand-made model) is read as `slice` reads it, by the pattern.
 */
function cellNumber(text: string, span: Span): number {
  if (!(span.start >= 0 && span.end <= text.length && span.start <= span.end)) {
    const item = patternItem(text, span);
    return item === null ? -1 : item.value;
  }
  let i = span.start;
  const end = span.end;
  while (i < end && isRegExpSpace(text.charCodeAt(i))) i++;
  const start = i;
  let value = 0;
  let full = false;
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) value = value * 10 + code - 0x30;
    else if (code >= 0xff10 && code <= 0xff19) {
      value = value * 10 + code - 0xff10;
      full = true;
    } else break;
  }
  const digits = i - start;
  if (digits < 1 || digits > 4) return -1;
  const code = text.charCodeAt(i);
  if (i < end && (code === 0x2e || code === 0xff0e || code === 0x3001)) i++; // . ． 、
  while (i < end && isRegExpSpace(text.charCodeAt(i))) i++;
  if (i !== end) return -1;
  CELL.start = start;
  CELL.digits = digits;
  CELL.full = full;
  return value;
}

/** A `序号` cell holding a number (`12`, `１２`, `12.`), or null. */
export function tableItem(text: string, span: Span): Item | null {
  if (!(span.start >= 0 && span.end <= text.length && span.start <= span.end)) return patternItem(text, span);
  const value = cellNumber(text, span);
  if (value < 0) return null;
  const { start, digits, full } = CELL;
  return {
    value,
    text: text.slice(start, start + digits),
    span: { start, end: start + digits },
    number: { start, end: start + digits },
    marker: null,
    full,
    newParent: false,
    after: -1,
  };
}

/** `tableItem` by its pattern, on the text that `slice` gives (and the reference its tests compare it with). */
export function patternItem(text: string, span: Span): Item | null {
  const raw = text.slice(span.start, span.end);
  const m = /^(\s*)([0-9０-９]{1,4})[.．、]?\s*$/.exec(raw);
  if (m === null) return null;
  const start = span.start + m[1]!.length;
  const digits = m[2]!;
  const full = /[０-９]/.test(digits);
  return {
    value: Number(digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))),
    text: digits,
    span: { start, end: start + digits.length },
    number: { start, end: start + digits.length },
    marker: null,
    full,
    newParent: false,
    after: -1,
  };
}

/**
 * Checks that `items` count 1, 2, 3…. An item is reported where the count breaks: it does not follow
 * the number before it (the message says what would follow, `应为“8.”`). A number that comes back to
 * its place in the count after an earlier break (`1.`–`5.`, `1.` `2.`, then `8.`) is a return to
 * order, not a new break; a duplicate is always reported. One fix renumbers the run from its first
 * wrong item to its end (each item gets its place in the run); every finding of the run carries that
 * same fix, and applying it once settles them all (applyFixes skips the copies).
 */
function checkSequence(text: string, items: Item[], family: Family, fixable: boolean, report: (r: Report) => void): void {
  const wrong: { index: number; kind: Kind; expected: number }[] = [];
  let firstWrong = -1;
  let canFix = fixable;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (!Number.isFinite(item.value)) {
      canFix = false; // an unreadable number: its place in the count is unknown
      continue;
    }
    if (firstWrong < 0 && item.value !== i + 1) firstWrong = i;
    const prev = i > 0 ? items[i - 1]!.value : 0;
    const expected = Number.isFinite(prev) ? prev + 1 : i + 1;
    if (item.value === expected) continue;
    const kind = kindOf(items, i, family);
    if (wrong.length > 0 && item.value === i + 1 && kind !== 'duplicate') continue;
    if (item.value > expected && missedMarker(text, item, expected)) {
      // The "missing" number is written right there, but was not read as a marker: renumbering would
      // distort the text, and the finding would be false.
      canFix = false;
      continue;
    }
    wrong.push({ index: i, kind, expected });
  }
  if (wrong.length === 0) return;
  let fix: RuleFix | undefined;
  if (canFix && firstWrong >= 0) {
    const edits = [];
    for (let i = firstWrong; i < items.length; i++) {
      const item = items[i]!;
      if (item.value === i + 1) continue;
      const newText = format(item, i + 1);
      if (newText === null) {
        edits.length = 0;
        break;
      }
      edits.push({ span: item.number, newText });
    }
    if (edits.length > 0) fix = { messageId: 'renumber', data: { found: items[firstWrong]!.text }, edits };
  }
  for (const { index, kind, expected } of wrong) {
    const item = items[index]!;
    report({
      messageId: MESSAGE_IDS[family][kind] ?? MESSAGE_IDS.plain[kind === 'duplicate' || kind === 'backwards' ? kind : 'gap']!,
      span: item.span,
      data: { found: item.text, expected: withNumber(item, expected) },
      ...(fix ? { fix } : {}),
    });
  }
}

/** The item as written, with `value` in place of its number. */
function withNumber(item: Item, value: number): string {
  const number = format(item, value) ?? String(value);
  return item.text.slice(0, item.number.start - item.span.start) + number + item.text.slice(item.number.end - item.span.start);
}

/** True when the marker for `value` is written at a block boundary between the previous item and this one. */
function missedMarker(text: string, item: Item, value: number): boolean {
  if (item.after < 0 || item.after >= item.span.start) return false;
  const marker = withNumber(item, value);
  const between = text.slice(item.after, item.span.start);
  for (let at = between.indexOf(marker); at >= 0; at = between.indexOf(marker, at + 1)) {
    const before = at > 0 ? between[at - 1]! : item.after > 0 ? text[item.after - 1]! : '\n';
    if (/[\s。；;：:！？!?]/.test(before)) return true;
  }
  return false;
}

function kindOf(items: Item[], i: number, family: Family): Kind {
  const { value, newParent } = items[i]!;
  if (i === 0) return family === 'perParent' ? 'first' : value < 1 ? 'backwards' : 'gap';
  if (family === 'continuous' && newParent && value === 1) return 'restart';
  const prev = items[i - 1]!.value;
  if (!Number.isFinite(prev)) return value > i + 1 ? 'gap' : 'backwards';
  if (value === prev) return 'duplicate';
  return value > prev ? 'gap' : 'backwards';
}
