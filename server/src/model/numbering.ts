// Numbering runs: which markers must count 1, 2, 3… together (per parent, or through the document), levels out of order, and a marker written with another number.
// Over 400 lines: every form of marker (Chinese and Arabic numerals, circled, decimal, inline, by name) is renumbered in
// its own form, and the runs each form makes are read in the one pass the rules share.
import { formatChineseNumeral, formatCircled, parseDecimal } from '../../../grammar/numerals.js';
import { coverOf } from './ranges.js';
import { decimalPrefix, isDecimal } from './decimal.js';
import { perDocument } from './remember.js';
import type { Level, Marker, PlanDocument, SeparateList, Section, Span } from './types.js';

/** How the numbers of one level run: on through the whole document, or from 1 again under each parent. */
export type SequenceMode = 'continuous' | 'per-parent';

/**
 * A run of markers that must count 1, 2, 3…: the children of one parent at one level, the whole
 * document's markers of one level when that level numbers continuously, or one inline enumeration
 * (`一是…二是…`). `mode` is null when it makes no difference (level 1, a level used under one parent
 * only, inline runs). A run lies in one stretch numbered apart (`plan.separateLists`) or outside them all.
 */
export interface SiblingRun {
  readonly level: Level;
  readonly mode: SequenceMode | null;
  readonly sections: readonly Section[];
  /**
   * The number the run counts from: 1, or in an excerpt (`plan.excerpt`) the first number of the first run of a
   * level when nothing above it is in the text (`7.` `8.` at the top of a page cut out of a plan: its list started
   * before the page did) or what is above it belongs to a run that starts mid-way too (`（三）` then `5.`, or
   * `（三）` `（四）` then `5.`: the items of a level numbered on through the plan may have come under the siblings
   * the page left out).
   */
  readonly first: number;
}

/**
 * Which stretch numbered apart (`lists`, by start) each section lies in, asked in document order: its index, or -1
 * for the rest of the document. A section of a level above the list's (the model ends a list before one) is not
 * in it. Linear over the sections.
 */
export function separateListWalker(lists: readonly SeparateList[]): (s: Section) => number {
  const active: number[] = [];
  let k = 0;
  return (s) => {
    const at = s.marker.span.start;
    for (; k < lists.length && lists[k]!.span.start <= at; k++) active.push(k);
    while (active.length > 0 && lists[active[active.length - 1]!]!.span.end <= at) active.pop();
    for (let i = active.length - 1; i >= 0; i--) {
      const list = lists[active[i]!]!;
      if (list.span.end > at && s.marker.level >= list.level) return active[i]!;
    }
    return -1;
  };
}

/** Per-list state: one slot for the rest of the document (index 0) and one per separate list. */
function perList<T>(lists: readonly SeparateList[], make: () => T): T[] {
  const out: T[] = [];
  for (let k = 0; k <= lists.length; k++) out.push(make());
  return out;
}

// PL004, PL005, PL006 and the quick fixes each ask for the same runs and sets of one plan, which is never changed once
// read: each is read once per plan (`perDocument`) and is read-only.

/**
 * Sections that are no part of the plan's outline: the model found them inside a task table (a cell such as
 * `| 二、 | 规范执法 |` is a category row of the table), or they are the items of an attachment list (`附件：1.…`, a
 * `SeparateList` of kind `attachment`: names of attached documents). Their numbers and levels are not checked.
 * Usually empty; reads the tables' spans and the separate lists.
 */
export const outsideOutline = perDocument((plan: PlanDocument): ReadonlySet<Section> => {
  const found = new Set<Section>();
  const attached = plan.separateLists.some((l) => l.kind === 'attachment');
  if (plan.tables.length === 0 && !attached) return found;
  const inTable = coverOf(plan.tables.map((t) => ({ from: t.span.start, to: t.span.end })));
  const listOf = separateListWalker(plan.separateLists);
  for (const s of plan.allSections) {
    const list = listOf(s);
    if (inTable(s.marker.span.start) || (list >= 0 && plan.separateLists[list]!.kind === 'attachment')) found.add(s);
  }
  return found;
});

/**
 * The part of the plan a section lies in, as its numbering is judged: the outermost section above it (or itself) that
 * assigns no work (`二、保障措施`), or null for the parts that hold tasks. Such a part may number its items from 1 again
 * whether the tasks count on through the document or not; it reads the section's ancestors only.
 */
export function nonTaskPartOf(s: Section): Section | null {
  let part: Section | null = null;
  for (let up: Section | null = s; up !== null; up = up.parent) if (up.nonTask) part = up;
  return part;
}

/**
 * Does `s`, the next marker of its level after `prev` (under another parent), start a list of its own: a `1` where the
 * part of the plan changes (`nonTaskPartOf`), into or out of a part that assigns no work, or where the parent's parent does
 * (`一、` `（一）1.` `（二）2.` then `二、` `（一）1.`: the items count on through each chapter and start again in the next)? Such
 * a restart says nothing of how the tasks are numbered, and a continuous level's run ends there.
 */
export function restartsNewPart(prev: Section, s: Section): boolean {
  if (s.marker.value !== 1 || prev.parent === s.parent) return false;
  if (nonTaskPartOf(prev) !== nonTaskPartOf(s)) return true;
  // Items two levels below their chapters (`1.` under `（一）` under `一、`) whose chapter changes.
  const [was, is] = [prev.parent?.parent ?? null, s.parent?.parent ?? null];
  return was !== null && is !== null && was !== is;
}

/**
 * Where a marker of levels 1–5 counts among the markers of its level: at its level, or for a task numbered by name
 * (`问题1：` `【任务一】`) at its level + 5 (`NUMBERING_SLOTS` in all, 0 unused). Such tasks count apart from the items of
 * their level, which they may head (`（一）` `问题1：` `1.` `2.` `问题2：`: the problems and the measures under each are all
 * level 3, and `问题2：` follows `问题1：` as `2.` follows `1.`).
 */
export function numberingSlot(marker: Marker): number {
  return marker.style === 'task' ? marker.level + 5 : marker.level;
}

/** How many numbering slots there are (`numberingSlot`): levels 1–5, tasks of levels 1–5, and an unused 0. */
export const NUMBERING_SLOTS = 11;

/** Per numbering slot (`numberingSlot`): its numbering mode, and how many parents have children counted there. */
interface LevelReading {
  mode: SequenceMode[];
  parents: number[];
}

/**
 * The outlines of a plan: 0, its body; k, the k-th attachment that lists tasks (`SeparateList` of kind `task-list`),
 * whose levels and numbering modes are its own (a body numbering `1.` from 1 under each `（一）` beside a list whose `1.`
 * count on through its `一、`). `of(s)`: the outline `s` lies in. Usually the body alone.
 */
export const outlinesOf = perDocument((plan: PlanDocument): Outlines => {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const l of plan.separateLists) {
    if (l.kind !== 'task-list') continue;
    starts.push(l.span.start);
    ends.push(l.span.end);
  }
  if (starts.length === 0) return BODY_ONLY;
  return {
    count: starts.length + 1,
    of: (s) => {
      const at = s.marker.span.start;
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (starts[mid]! <= at) lo = mid + 1;
        else hi = mid;
      }
      return lo > 0 && at < ends[lo - 1]! ? lo : 0;
    },
  };
});

/** How many outlines a plan has, and which one a section lies in (`outlinesOf`). */
export interface Outlines {
  count: number;
  of: (s: Section) => number;
}

const BODY_ONLY: Outlines = Object.freeze({ count: 1, of: () => 0 });

/** Each outline's reading of its levels (`outlinesOf`: the body's first). */
function readLevels(plan: PlanDocument, excluded: ReadonlySet<Section>): LevelReading[] {
  const lasts = perList(plan.separateLists, (): (Section | undefined)[] => []);
  const outlines = outlinesOf(plan);
  const restart: number[][] = [];
  const carry: number[][] = [];
  const parentsOf: number[][] = [];
  for (let k = 0; k < outlines.count; k++) {
    restart.push(new Array<number>(NUMBERING_SLOTS).fill(0));
    carry.push(new Array<number>(NUMBERING_SLOTS).fill(0));
    parentsOf.push(new Array<number>(NUMBERING_SLOTS).fill(0));
  }
  const listOf = separateListWalker(plan.separateLists);
  for (const s of plan.allSections) {
    // The previous marker of its level (and slot) is the previous one in its own list.
    const last = lasts[listOf(s) + 1]!;
    // Decimal markers start again under each parent by their form (`1.2` then `2.1`): no vote, no parent counted.
    if (s.marker.level > 5 || excluded.has(s) || isDecimal(s.marker)) continue;
    const slot = numberingSlot(s.marker);
    const prev = last[slot];
    last[slot] = s;
    // A parent's children of one slot are contiguous in document order, so a change of parent is a new parent.
    if (prev !== undefined && prev.parent === s.parent) continue;
    const outline = outlines.of(s);
    parentsOf[outline]![slot]!++;
    if (prev === undefined || !Number.isFinite(s.marker.value) || !Number.isFinite(prev.marker.value)) continue;
    // A part that assigns no work starting again at 1 (`二、保障措施` `1.…` after tasks 1.–3.) is no vote.
    if (restartsNewPart(prev, s)) continue;
    if (s.marker.value === 1) restart[outline]![slot]!++;
    else if (s.marker.value > prev.marker.value) carry[outline]![slot]!++;
  }
  const fallback: SequenceMode = plan.numbering === 'continuous' ? 'continuous' : 'per-parent';
  return restart.map((votes, k) => ({
    mode: votes.map((r, slot): SequenceMode => (r === carry[k]![slot] ? fallback : carry[k]![slot]! > r ? 'continuous' : 'per-parent')),
    parents: parentsOf[k]!,
  }));
}

/**
 * The numbering mode of each level 1–5 in the plan's body (an attachment's list of tasks reads its own), read from that level's own evidence: where consecutive
 * markers of the level sit under different parents, a `1` votes for restarting (unless it starts a part that assigns
 * no work, or the tasks after one: `restartsNewPart`) and a larger number than the previous one votes for continuous. A tie (or no evidence) falls back to the document's
 * mode (`plan.numbering`), and to per-parent when that is unknown. Per level, because a document
 * commonly numbers `（一）` through the whole text while `1.` starts again under each `（一）`.
 */
export function levelModes(plan: PlanDocument): Map<number, SequenceMode> {
  const { mode } = readLevels(plan, outsideOutline(plan))[0]!;
  return new Map([1, 2, 3, 4, 5].map((level) => [level, mode[level]!]));
}

/**
 * Every run of sibling markers in the body, each in document order: per parent and level, or the
 * whole level when it numbers continuously, tasks numbered by name apart from the other markers of their level
 * (`numberingSlot`); inline runs per parent and form, a `一是` starting a new one. A part under a heading above `一、` (`SeparateList` of kind `part`) numbers apart, its first run of a level
 * counting from 1 or on from the part before. One pass: a parent's children of one level are contiguous in document
 * order.
 */
export const siblingRuns = perDocument((plan: PlanDocument): readonly SiblingRun[] => {
  const excluded = outsideOutline(plan);
  const readings = readLevels(plan, excluded);
  const outlines = outlinesOf(plan);
  /** `midway`: the run starts mid-way in an excerpt, so each of its sections heads lists that may too. */
  const runs: { level: Level; mode: SequenceMode | null; sections: Section[]; first: number; midway: boolean; prefix?: string }[] = [];
  const opens = perList(plan.separateLists, (): (typeof runs)[number][] => []);
  /** The runs of decimal markers (`1.1` `1.2`), apart from the other markers of their levels. */
  const openDecimal = perList(plan.separateLists, (): (typeof runs)[number][] => []);
  const seenDecimal = [false, false, false, false, false, false];
  let shi: (typeof runs)[number] | undefined;
  let di: (typeof runs)[number] | undefined;
  const listOf = separateListWalker(plan.separateLists);
  /** Slots (`numberingSlot`) that have had a run: only the first run of a level may start mid-way. */
  const seen = new Array<boolean>(NUMBERING_SLOTS).fill(false);
  /**
   * The sections of runs that start mid-way: the excerpt leaves out siblings before each, so what it shows of a list
   * under one (`5.` under `（四）` after `（三）` at the top of the page) may have started before it too.
   */
  const midwayHeads = new Set<Section>();
  /** The last marker of each level in the parts (`第一章`…) and the rest: a part's first list may count on from it. */
  const lastInParts: (Section | undefined)[] = [];
  for (const s of plan.allSections) {
    // The runs of its own list (a labelled list's, or the rest of the document's, which go on after it).
    const list = listOf(s);
    const open = opens[list + 1]!;
    if (excluded.has(s)) continue;
    const level = s.marker.level;
    // Runs are kept per slot: tasks numbered by name apart from the items of their level.
    const slot = numberingSlot(s.marker);
    const inPart = list < 0 || plan.separateLists[list]!.kind === 'part';
    const before = inPart ? lastInParts[slot] : undefined;
    if (inPart) lastInParts[slot] = s;
    if (level === 6) {
      const isShi = s.marker.style === 'inline-shi';
      let run = isShi ? shi : di;
      if (run === undefined || run.sections[0]!.parent !== s.parent || s.marker.value === 1) {
        run = { level, mode: null, sections: [], first: 1, midway: false };
        runs.push(run);
        if (isShi) shi = run;
        else di = run;
      }
      run.sections.push(s);
      continue;
    }
    if (isDecimal(s.marker)) {
      // A run per parent (`2.1` `2.2` under `二、`; leading numbers not the parent's are `decimalParentMismatches`), and at
      // the top, where no marker stands for the leading numbers, per leading numbers (`1.1` `1.2`, then `2.1`).
      const prefix = s.parent === null ? decimalPrefix(s.marker) : '';
      let run = openDecimal[list + 1]![level];
      if (run === undefined || run.sections[0]!.parent !== s.parent || run.prefix !== prefix) {
        const midway = plan.excerpt && !seenDecimal[level] && (s.parent === null || midwayHeads.has(s.parent)) && Number.isInteger(s.marker.value) && s.marker.value > 1;
        run = { level, mode: null, sections: [], first: midway ? s.marker.value : 1, midway, prefix };
        runs.push(run);
        openDecimal[list + 1]![level] = run;
        seenDecimal[level] = true;
      }
      run.sections.push(s);
      if (run.midway) midwayHeads.add(s);
      continue;
    }
    let run = open[slot];
    const { mode, parents } = readings[outlines.of(s)]!;
    const runMode = parents[slot]! > 1 ? mode[slot]! : null;
    // A continuous level's run ends where a part that assigns no work starts again at 1, or the tasks after it do.
    const newPart = run !== undefined && restartsNewPart(run.sections[run.sections.length - 1]!, s);
    // A `1` in another shape than the marker before it (`(1)` after `1）` `2）` `3）`) starts a list of its own.
    const reshaped = run !== undefined && s.marker.value === 1 && shapeOf(run.sections[run.sections.length - 1]!.marker) !== shapeOf(s.marker);
    if (run === undefined || newPart || reshaped || (runMode !== 'continuous' && run.sections[0]!.parent !== s.parent)) {
      const midway =
        plan.excerpt && !seen[slot] && (s.parent === null || midwayHeads.has(s.parent)) && Number.isInteger(s.marker.value) && s.marker.value > 1;
      // A part's first list of a level starts at 1, or counts on from the part before (`第二章` then `三、`).
      const countsOn = run === undefined && list >= 0 && before !== undefined && before.marker.value + 1 === s.marker.value;
      run = { level, mode: runMode, sections: [], first: midway || countsOn ? s.marker.value : 1, midway };
      runs.push(run);
      open[slot] = run;
      seen[slot] = true;
    }
    run.sections.push(s);
    if (run.midway) midwayHeads.add(s);
  }
  return runs;
});

/** A marker's shape, whatever the width of its characters: `(1)` and `（1）` are one, `1）` another, `1.` and `1．` a third. */
function shapeOf(marker: Section['marker']): string {
  return marker.style.replace(/-(?:full|half)$/, '').replace('fwdot', 'dot');
}

/**
 * Sections that come after a deeper sibling under the same parent (`（一）` after `2.` under one
 * `一、`), each mapped to that sibling. Such a section is out of order (PL006); numbers around it are
 * not renumbered automatically. Top-level sections have no parent to compare under. Linear.
 */
export const invertedSections = perDocument((plan: PlanDocument): ReadonlyMap<Section, Section> => {
  const excluded = outsideOutline(plan);
  const inverted = new Map<Section, Section>();
  for (const parent of plan.allSections) {
    if (parent.children.length < 2 || excluded.has(parent)) continue;
    let previous: Section | null = null;
    for (const child of parent.children) {
      if (child.marker.level > 5 || excluded.has(child)) continue;
      if (previous !== null && previous.marker.level > child.marker.level) inverted.set(child, previous);
      previous = child;
    }
  }
  return inverted;
});

/**
 * Decimal markers whose leading numbers are not their parent's (`1.2` under `二、`, `2.1.1` under `2.2`), each mapped to
 * the numbers it should lead with: the parent's own numbers when it is a decimal marker one number shorter; the parent's
 * number when it is another marker and the decimal has two numbers, unless the number is that of a marker further up
 * (`1.1` under `（一）` under `一、` reads both ways). A decimal marker with no parent, or more numbers than its parent's
 * and one (a skipped level, PL006), is not judged. Linear.
 */
export const decimalParentMismatches = perDocument((plan: PlanDocument): ReadonlyMap<Section, readonly number[]> => {
  const excluded = outsideOutline(plan);
  const found = new Map<Section, readonly number[]>();
  for (const s of plan.allSections) {
    const parent = s.parent;
    if (!isDecimal(s.marker) || parent === null || excluded.has(s) || parent.marker.level > 5) continue;
    const parts = parseDecimal(s.marker.text);
    if (isDecimal(parent.marker)) {
      const above = parseDecimal(parent.marker.text);
      if (above.length + 1 === parts.length && above.some((n, i) => n !== parts[i])) found.set(s, above);
      continue;
    }
    if (parts.length !== 2 || !Number.isInteger(parent.marker.value)) continue;
    let matches = false;
    for (let up: Section | null = parent; up !== null && !matches; up = up.parent) {
      matches = up.marker.level <= 5 && !isDecimal(up.marker) && up.marker.value === parts[0];
    }
    if (!matches) found.set(s, [parent.marker.value]);
  }
  return found;
});

/** The span of the number inside a marker: `十二` in `(十二)`, `8` in `8.`, the whole `③`, the last number of `2.3.1`. */
export function numberSpan(marker: Marker): Span {
  const { start } = marker.span;
  const end = start + marker.text.length;
  switch (marker.style) {
    case 'cn-paren-full':
    case 'cn-paren-half':
    case 'ar-paren-full':
    case 'ar-paren-half': {
      // Inside the brackets, without the spaces beside the number (`（ 三 ）`): a fix keeps them as written.
      let from = 1;
      let to = marker.text.length - 1;
      while (from < to && isBracketSpace(marker.text.charCodeAt(from))) from++;
      while (to > from && isBracketSpace(marker.text.charCodeAt(to - 1))) to--;
      return { start: start + from, end: start + to };
    }
    case 'inline-di':
      return { start: start + 1, end: end - 1 };
    case 'circled':
    case 'ar-enclosed':
    case 'ar-paren-enclosed':
    case 'cn-paren-enclosed':
      return { start, end };
    case 'decimal': {
      // `2.3.1`, `2.1、`: the digits after the last `.` or `．`.
      let to = end;
      while (to > start && !/[0-9０-９]/.test(marker.text[to - start - 1]!)) to--;
      let from = to;
      while (from > start && /[0-9０-９]/.test(marker.text[from - start - 1]!)) from--;
      return { start: from, end: to };
    }
    case 'task': {
      // `【任务十二】`, `第3项任务：`: its one run of digits or numerals.
      const number = TASK_NUMBER_IN.exec(marker.text);
      return number === null ? { start, end } : { start: start + number.index, end: start + number.index + number[0].length };
    }
    case 'field': {
      // `序号：12`: the digits that end it.
      let from = end;
      while (from > start && /[0-9０-９]/.test(marker.text[from - start - 1]!)) from--;
      return { start: from, end };
    }
    default: {
      // `8.`, `三、`: before the stop, without the spaces a copy set before it (`1 .`): a fix keeps them as written.
      let to = marker.text.length - 1;
      while (to > 1 && isBracketSpace(marker.text.charCodeAt(to - 1))) to--;
      return { start, end: start + to };
    }
  }
}

/** A space a marker may hold inside its brackets or before its stop: the ASCII and the ideographic one. */
const isBracketSpace = (c: number): boolean => c === 0x20 || c === 0x3000;

const CHINESE = /^[一二三四五六七八九十百零]+$/;
/** The number in a task marker (`任务十二：` `【任务3】`). */
const TASK_NUMBER_IN = /[0-9０-９]+|[零〇一二两兩三四五六七八九十拾百佰]+/;

/** ASCII digits as full-width ones (`12` → `１２`). */
export const toFullWidthDigits = (digits: string) => digits.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/**
 * `value` written the way `marker` writes its number (`十二` for levels 1, 2 and inline; digits,
 * full-width when the marker's are; `⑫`), or null when the grammar might not read it back as the
 * same kind of marker: at most four Chinese characters (three inline), three digits, ⑳.
 */
export function formatNumber(marker: Marker, value: number): string | null {
  if (!Number.isInteger(value) || value < 1) return null;
  if (isDecimal(marker)) {
    if (value > 999) return null;
    const span = numberSpan(marker);
    return /[０-９]/.test(marker.text.slice(span.start - marker.span.start, span.end - marker.span.start)) ? toFullWidthDigits(String(value)) : String(value);
  }
  if (marker.style === 'task') {
    // Written as it was: digits (`任务3`) or a Chinese numeral (`任务三`), at whatever level it stands.
    const span = numberSpan(marker);
    const written = marker.text.slice(span.start - marker.span.start, span.end - marker.span.start);
    if (/[0-9０-９]/.test(written)) return value > 999 ? null : /[０-９]/.test(written) ? toFullWidthDigits(String(value)) : String(value);
    const text = formatChineseNumeral(value);
    return CHINESE.test(text) && text.length <= 3 ? text : null;
  }
  switch (marker.level) {
    case 3:
    case 4: {
      if (marker.style === 'ar-enclosed') return value <= 20 ? String.fromCharCode(0x2487 + value) : null;
      if (marker.style === 'ar-paren-enclosed') return value <= 20 ? String.fromCharCode(0x2473 + value) : null;
      if (value > 999) return null;
      return /[０-９]/.test(marker.text) ? toFullWidthDigits(String(value)) : String(value);
    }
    case 5:
      return value <= 20 ? formatCircled(value) : null;
    default: {
      if (marker.style === 'cn-paren-enclosed') return value <= 10 ? String.fromCharCode(0x321f + value) : null;
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
