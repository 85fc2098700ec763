// PL004 number-sequence: a gap, a duplicate or a backwards number among sibling markers (per part, or through the whole document when numbering is continuous), a decimal marker not led by its parent's number, and in a task table's `序号` (number) column.
import type { Report, Rule, RuleFix } from '../lint/rule.js';
import { carriedSpans, decimalWithLeading, digitsLike } from '../model/decimal.js';
import { decimalParentMismatches, formatNumber, invertedSections, numberSpan, siblingRuns, toFullWidthDigits } from '../model/numbering.js';
import type { Marker, Section, Span } from '../model/types.js';

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
  /** Where the decimal markers under it write its number (`2` in `2.1` `2.1.3` under `2.`… or `2.2` under `2.`): renumbered with it. */
  carried?: Span[];
}


/** The number written for `value` in the item's form, or null when it cannot be. */
function format(item: Item, value: number): string | null {
  if (item.marker !== null) return formatNumber(item.marker, value);
  if (!Number.isInteger(value) || value < 1 || value > 9999) return null;
  return item.full ? toFullWidthDigits(String(value)) : String(value);
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
      '同级编号跳号、重号或倒退。同级指同一上级下的同一层级编号；若某一层级全文连续编号（如各部分的“1.”至“43.”一路排下来），则按全文顺序检查，各部分分别编号时每部分从1开始。多级数字编号（如“一、”下的“1.1”“1.2”，“1.1”下的“1.1.1”）按末位数字在同一上级、同一前缀下检查，前几位应与上级编号一致（“二、”下应为“2.1”）；前缀不一致只报告，不自动修复。行内“一是、二是”和任务表的“序号”列同样检查。修复：从第一个错误处起依次重新编号，只改编号中的数字，保留原有写法',
    en: 'A gap, a duplicate or a backwards number among sibling markers: markers of one level under one parent, or of one level through the whole document when that level is numbered continuously (tasks 1.–43. across every part); with numbering that restarts under each part, each part starts at 1. Decimal markers (1.1 and 1.2 under 一、, 1.1.1 under 1.1) are checked by their last number among the siblings that share their leading numbers, and those must be the parent\'s number (2.1 under 二、); a wrong leading number is reported, not fixed. Inline 一是/二是 runs and the 序号 column of a task table are checked too. Fix: renumber in order from the first wrong number, changing only the number inside each marker and keeping its form',
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
    decimalParent: {
      'zh-CN': '编号“{found}”的前几位与上级“{parent}”不符，应为“{expected}”',
      en: 'Number "{found}" does not begin with the number of "{parent}" above it; expected "{expected}"',
    },
  },
  check({ plan, report }) {
    // A decimal marker leads with its parent's numbers (`2.1` under `二、`, `2.1.3` under `2.1`). Which of the two is
    // wrong is not known: no fix.
    for (const [section, leading] of decimalParentMismatches(plan)) {
      const parent = section.parent!.marker.text;
      report({ messageId: 'decimalParent', span: section.marker.span, data: { found: section.marker.text, parent, expected: decimalWithLeading(section.marker, leading) } });
    }
    const inverted = invertedSections(plan);
    for (const run of siblingRuns(plan)) {
      if (counts(run.sections, run.first)) continue; // the common case: 1, 2, 3… with nothing to say
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
          carried: carriedSpans(s),
        };
      });
      const family: Family = run.mode === 'continuous' ? 'continuous' : run.mode === 'per-parent' ? 'perParent' : 'plain';
      // Around a misplaced level (PL006) the intended numbering is unclear: report, but do not renumber.
      const first = run.sections[0]!;
      const misplaced = inverted.has(first) || (first.parent !== null && inverted.has(first.parent));
      checkSequence(plan.text, items, family, run.mode === 'continuous' || !misplaced, report, run.first);
    }
    for (const table of plan.tables) {
      const column = table.columns.indexOf('number');
      if (column < 0) continue;
      // Runs of numbered cells; items are built only for a run that does not count 1, 2, 3… (the common case has nothing to say).
      const runs: NumberCell[][] = [[]];
      let afterHeading = false;
      let previousEnd = -1;
      for (const row of table.rows) {
        // A category heading the model left out of the rows (`一、政务服务` on a line of its own between tab-separated
        // rows, a merged Markdown row): numbering may start again at 1 after it, as after a category row it kept.
        if (previousEnd >= 0 && holdsText(plan.text, previousEnd, row.span.start)) afterHeading = true;
        previousEnd = row.span.end;
        const span = row.cellSpans[column];
        if (span === undefined) continue;
        const cell = readNumberCell(plan.text, span);
        if (cell === null) {
          // A category row (`一、…`) between task rows: numbering may start again at 1 after it.
          if (plan.text.slice(span.start, span.end).trim() !== '') afterHeading = true;
          continue;
        }
        let run = runs[runs.length - 1]!;
        if (afterHeading && cell.value === 1 && run.length > 0) runs.push((run = []));
        afterHeading = false;
        run.push(cell);
      }
      for (const run of runs) {
        if (run.every((cell, i) => cell.value === i + 1)) continue;
        checkSequence(plan.text, run.map(cellItem), 'table', true, report);
      }
    }
  },
};

/** True when the sections count `first`, `first + 1`… (1, 2, 3… as a rule) without a break. */
function counts(sections: readonly Section[], first: number): boolean {
  return sections.every((s, i) => s.marker.value === first + i);
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

/**
 * Does `text` between `from` and `to` (the gap between two rows of a table) hold anything but white space and table
 * borders (`|` `｜` `-` `:` `+`)? Read by code unit; each gap of a table is read once.
 */
function holdsText(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (isRegExpSpace(code) || code === 0x7c || code === 0xff5c || code === 0x2d || code === 0x3a || code === 0x2b) continue;
    return true;
  }
  return false;
}

/** The number a `序号` cell holds: its value, its digits as written, where they start, and whether any is full-width. */
interface NumberCell {
  value: number;
  digits: string;
  start: number;
  full: boolean;
}

/**
 * The number a `序号` cell holds (`12`, `１２`, `12.`: one to four digits, then `.` `．` or `、`, white space around),
 * or null when it holds something else; read in place, by code unit. A span outside the text (a hand-made model) is
 * read as `slice` gives it.
 */
function readNumberCell(text: string, span: Span): NumberCell | null {
  if (!(span.start >= 0 && span.end <= text.length && span.start <= span.end)) {
    const raw = text.slice(span.start, span.end);
    const cell = readNumberCell(raw, { start: 0, end: raw.length });
    return cell && { ...cell, start: span.start + cell.start };
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
  const count = i - start;
  if (count < 1 || count > 4) return null;
  const code = text.charCodeAt(i);
  if (i < end && (code === 0x2e || code === 0xff0e || code === 0x3001)) i++; // . ． 、
  while (i < end && isRegExpSpace(text.charCodeAt(i))) i++;
  if (i !== end) return null;
  return { value, digits: text.slice(start, start + count), start, full };
}

function cellItem(cell: NumberCell): Item {
  const span = { start: cell.start, end: cell.start + cell.digits.length };
  return { value: cell.value, text: cell.digits, span, number: span, marker: null, full: cell.full, newParent: false, after: -1 };
}

/** A `序号` cell holding a number (`12`, `１２`, `12.`), as an item of its column's sequence; null when it holds none. */
export function tableItem(text: string, span: Span): Item | null {
  const cell = readNumberCell(text, span);
  return cell && cellItem(cell);
}

/**
 * Checks that `items` count 1, 2, 3… (from `first` when an excerpt shows a list from its middle: 7, 8, 9…). An
 * item is reported where the count breaks: it does not follow the number before it (the message says what would
 * follow, `应为“8.”`). A number that comes back to its place in the count after an earlier break (`1.`–`5.`, `1.`
 * `2.`, then `8.`) is a return to order, not a new break; a duplicate is always reported. One fix renumbers the run
 * from its first wrong item to its end (each item gets its place in the run); every finding of the run carries
 * that same fix, and applying it once settles them all (applyFixes skips the copies).
 */
function checkSequence(text: string, items: Item[], family: Family, fixable: boolean, report: (r: Report) => void, first = 1): void {
  // Each item's place in the count: `first + i`.
  const at = (i: number) => first + i;
  const wrong: { index: number; kind: Kind; expected: number }[] = [];
  let firstWrong = -1;
  let canFix = fixable;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (!Number.isFinite(item.value)) {
      canFix = false; // an unreadable number: its place in the count is unknown
      continue;
    }
    if (firstWrong < 0 && item.value !== at(i)) firstWrong = i;
    const prev = i > 0 ? items[i - 1]!.value : first - 1;
    const expected = Number.isFinite(prev) ? prev + 1 : at(i);
    if (item.value === expected) continue;
    const kind = kindOf(items, i, family, first);
    if (wrong.length > 0 && item.value === at(i) && kind !== 'duplicate') continue;
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
      if (item.value === at(i)) continue;
      const newText = format(item, at(i));
      if (newText === null) {
        edits.length = 0;
        break;
      }
      edits.push({ span: item.number, newText });
      // The decimal markers under it carry its number (`2.2` → `2.1`: `2.2.1` → `2.1.1`).
      for (const span of item.carried ?? []) edits.push({ span, newText: digitsLike(text, span, at(i)) });
    }
    if (edits.length > 0) fix = { messageId: 'renumber', data: { found: items[firstWrong]!.text }, edits };
  }
  for (const { index, kind, expected } of wrong) {
    const item = items[index]!;
    report({
      messageId: MESSAGE_IDS[family][kind] ?? MESSAGE_IDS.plain[kind === 'duplicate' || kind === 'backwards' ? kind : 'gap']!,
      span: item.span,
      data: { found: item.text, expected: withNumber(item, expected) },
      fix,
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

function kindOf(items: Item[], i: number, family: Family, first: number): Kind {
  const { value, newParent } = items[i]!;
  if (i === 0) return family === 'perParent' ? 'first' : value < first ? 'backwards' : 'gap';
  if (family === 'continuous' && newParent && value === 1) return 'restart';
  const prev = items[i - 1]!.value;
  if (!Number.isFinite(prev)) return value > first + i ? 'gap' : 'backwards';
  if (value === prev) return 'duplicate';
  return value > prev ? 'gap' : 'backwards';
}
