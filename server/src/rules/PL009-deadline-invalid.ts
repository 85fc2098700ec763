// PL009 deadline-invalid: a deadline (完成时限) that names no real date, was garbled in copying, or falls outside the plan's period.
import { parseDeadline } from '../model/deadline.js';
import type { Deadline, PlanDocument } from '../model/types.js';
import type { Report, Rule } from '../lint/rule.js';

/**
 * Every deadline the model read is judged once (one finding per span, however many tasks share it): an
 * impossible date first, else a damaged one, else one outside `plan.period`. Outside means ending after the
 * last day of the period or before its first day; a range is judged by its end (`2020—2021年` fits a 2021
 * plan), and recurring (`每年第一季度`) and ongoing (`长期坚持`) deadlines are never outside. A deadline outside the
 * period is a warning; an impossible or garbled one keeps the rule's severity (an error by default). A date that does
 * not exist is wrong in any document, so the rule checks every text; only a plan has a period to be outside of.
 */
export const rule: Rule = {
  id: 'PL009',
  name: 'deadline-invalid',
  defaultSeverity: 'error',
  tags: ['deadline'],
  fixable: 'none',
  documents: 'any',
  description: {
    'zh-CN': '完成时限不是有效日期（如“2月30日”）、日期残缺（如“2020313”），或超出方案的实施期限（后者为警告）',
    en: 'A deadline is not a real date (such as 2月30日), is garbled (such as 2020313), or falls outside the plan\'s period (a warning)',
  },
  messages: {
    invalid: { 'zh-CN': '完成时限“{text}”不是有效日期：{reason}', en: 'Deadline "{text}" is not a valid date: {reasonEn}' },
    damaged: {
      'zh-CN': '日期“{text}”残缺不全，疑为“{reading}”',
      en: 'Date "{text}" is garbled; it probably means "{reading}"',
    },
    damagedAmbiguous: {
      'zh-CN': '日期“{text}”残缺不全，可理解为{readings}，请核实',
      en: 'Date "{text}" is garbled and could mean {readingsEn}; please check it',
    },
    damagedUnreadable: { 'zh-CN': '日期“{text}”残缺不全，请核实', en: 'Date "{text}" is garbled; please check it' },
    afterPeriod: {
      'zh-CN': '完成时限“{text}”晚于方案实施期限（{period}）',
      en: 'Deadline "{text}" falls after the plan\'s period ({periodEn})',
    },
    beforePeriod: {
      'zh-CN': '完成时限“{text}”早于方案实施期限（{period}）',
      en: 'Deadline "{text}" falls before the plan\'s period ({periodEn})',
    },
    rewrite: { 'zh-CN': '改为“{reading}”', en: 'Change to "{reading}"' },
  },
  check({ plan, report }) {
    const period = plan.kind === 'plan' ? periodOf(plan) : null;
    const length = plan.text.length;
    // Spans seen (a deadline is met through its task and its attribution): the end first seen at each start, other
    // ends as strings. A string key for every span costs PL009 0.5 → 1.2 ms on the 1 MB bench plan.
    const endAt = new Map<number, number>();
    const more = new Set<string>();
    const seenBefore = (start: number, end: number): boolean => {
      const first = endAt.get(start);
      if (first === undefined) {
        endAt.set(start, end);
        return false;
      }
      if (first === end) return true;
      const key = `${start}:${end}`;
      if (more.has(key)) return true;
      more.add(key);
      return false;
    };
    const visit = (deadline: Deadline | null | undefined) => {
      const span = deadline?.span;
      if (!deadline || !span || !(span.start >= 0 && span.end > span.start && span.end <= length)) return;
      if (seenBefore(span.start, span.end)) return;
      const finding = judge(plan, deadline, period);
      if (finding) report(finding);
    };
    forEachDeadline(plan, visit);
  },
};

/** Every deadline the plan writes: each task's own and binding ones, every attribution's, and unnumbered paragraphs'. */
function forEachDeadline(plan: PlanDocument, visit: (d: Deadline | null | undefined) => void): void {
  const each = (list: readonly (Deadline | null | undefined)[] | null | undefined) => {
    if (list) for (const d of list) visit(d);
  };
  for (const task of plan.tasks ?? []) {
    each(task.deadlines);
    visit(task.deadline);
  }
  // Attributions in the body also when a task table supplies the tasks, and on headings and non-task sections.
  for (const section of plan.allSections ?? []) for (const a of section.attributions ?? []) each(a.deadlines);
  for (const u of plan.unnumbered ?? []) each(u.attribution?.deadlines);
}

interface Period {
  first: string;
  last: string;
  zh: string;
  en: string;
}

function periodOf(plan: PlanDocument): Period | null {
  const p = plan.period;
  if (!p || !Number.isInteger(p.start) || !Number.isInteger(p.end) || p.start > p.end || p.start < 1000 || p.end > 9999) return null;
  return {
    first: `${p.start}-01-01`,
    last: `${p.end}-12-31`,
    zh: p.start === p.end ? `${p.start}年` : `${p.start}—${p.end}年`,
    en: p.start === p.end ? `${p.start}` : `${p.start}–${p.end}`,
  };
}

/** One finding per deadline: an impossible date first, then damage, then the period. */
function judge(plan: PlanDocument, d: Deadline, period: Period | null): Report | null {
  // The text is read only for a finding: most deadlines have none.
  if (d.invalid) {
    return { messageId: 'invalid', span: d.span, data: { text: textOf(plan, d), reason: d.invalid, reasonEn: reasonInEnglish(d.invalid) } };
  }
  if (d.damaged) return damagedReport(plan, d, textOf(plan, d));
  if (!period || d.ongoing || d.recurring || typeof d.end !== 'string' || !ISO_DATE.test(d.end)) return null;
  // Outside the period is a warning (the plan may mean it); an impossible or garbled date stays an error.
  if (d.end > period.last) return { messageId: 'afterPeriod', severity: 'warning', span: d.span, data: { text: textOf(plan, d), period: period.zh, periodEn: period.en } };
  if (d.end < period.first) return { messageId: 'beforePeriod', severity: 'warning', span: d.span, data: { text: textOf(plan, d), period: period.zh, periodEn: period.en } };
  return null;
}

/** A deadline's text as the model read it, else as written. */
function textOf(plan: PlanDocument, d: Deadline): string {
  return typeof d.text === 'string' ? d.text : plan.text.slice(d.span.start, d.span.end);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The model's reasons (`2月没有30日`, `没有13月`, `2021年2月没有29日`, `起始晚于结束`) in English. */
export function reasonInEnglish(reason: string): string {
  let m = /^(\d+)年2月没有29日$/.exec(reason);
  if (m) return `February ${m[1]} has no 29th day`;
  m = /^(\d+)月没有(\d+)日$/.exec(reason);
  if (m) return `month ${m[1]} has no day ${m[2]}`;
  m = /^没有(-?\d+|NaN)月$/.exec(reason);
  if (m) return `there is no month ${m[1]}`;
  if (reason === '起始晚于结束') return 'the range starts after it ends';
  return reason;
}

// ---------------------------------------------------------------------------------------------
// Damaged dates (`2020313`, `202031日`, `2020321430日`, `20152020年`, `320日`): what they can mean.

/** One way to read a damaged digit run: the text that replaces it. */
interface Reading {
  /** The replacement for [start, end) of the deadline text. */
  start: number;
  end: number;
  newText: string;
}

function damagedReport(plan: PlanDocument, d: Deadline, text: string): Report {
  // Readings are built on the document's own characters, so that the edits land exactly on them.
  const source = plan.text.slice(d.span.start, d.span.end);
  const runs = damagedRuns(source);
  // Every damaged run must have exactly one reading for the date as a whole to have one.
  const options = runs.map((r) => r.readings);
  if (options.length === 0 || options.some((o) => o.length === 0)) {
    return { messageId: 'damagedUnreadable', span: d.span, data: { text } };
  }
  if (options.every((o) => o.length === 1)) {
    const chosen = options.map((o) => o[0]!);
    const reading = rewrite(source, chosen);
    // The reading is clear only when the rewrite means what the model read (the same end and start).
    if (!agrees(plan, reading, d)) return { messageId: 'damagedUnreadable', span: d.span, data: { text } };
    const edits = chosen.map((c) => ({ span: { start: d.span.start + c.start, end: d.span.start + c.end }, newText: c.newText }));
    return { messageId: 'damaged', span: d.span, data: { text, reading }, suggestions: [{ messageId: 'rewrite', data: { reading }, edits }] };
  }
  // Ambiguous: list the readings of the first ambiguous run (the others, if any, rewritten their first way).
  const at = options.findIndex((o) => o.length > 1);
  const readings = options[at]!.map((alt) => rewrite(source, options.map((o, k) => (k === at ? alt : o[0]!))));
  return {
    messageId: 'damagedAmbiguous',
    span: d.span,
    data: { text, readings: readings.map((r) => `“${r}”`).join('或'), readingsEn: readings.map((r) => `"${r}"`).join(' or ') },
  };
}

/** Does the rewritten text read as the same deadline? */
function agrees(plan: PlanDocument, rewritten: string, d: Deadline): boolean {
  const p = plan.period;
  const ctx = { period: p && Number.isInteger(p.start) && Number.isInteger(p.end) ? { start: p.start, end: p.end } : null };
  const value = parseDeadline(rewritten, ctx);
  return value !== null && !value.damaged && value.invalid === null && value.end === d.end && value.start === d.start;
}

function rewrite(text: string, readings: Reading[]): string {
  let out = '';
  let cursor = 0;
  for (const r of [...readings].sort((a, b) => a.start - b.start)) {
    out += text.slice(cursor, r.start) + r.newText;
    cursor = r.end;
  }
  return out + text.slice(cursor);
}

const FULL_ZERO = 0xff10;
const isAsciiDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isFullDigit = (c: string | undefined): boolean => c !== undefined && c >= '０' && c <= '９';
const isAnyDigit = (c: string | undefined): boolean => isAsciiDigit(c) || isFullDigit(c);
const asciiDigit = (c: string): string => (isFullDigit(c) ? String.fromCharCode(c.charCodeAt(0) - FULL_ZERO + 48) : c);

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
function daysIn(year: number | null, month: number): number {
  if (month === 2) return year === null || isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
const validMonthDay = (m: number, d: number, year: number | null): boolean => m >= 1 && m <= 12 && d >= 1 && d <= daysIn(year, m);
const validYear = (y: number): boolean => y >= 1900 && y <= 2099;

/** Every reading of `digits` as month + day (1–2 digits each). */
function monthDays(digits: string, year: number | null): { m: number; d: number }[] {
  const out: { m: number; d: number }[] = [];
  for (const ml of [2, 1]) {
    const dl = digits.length - ml;
    if (dl < 1 || dl > 2) continue;
    const m = Number(digits.slice(0, ml));
    const d = Number(digits.slice(ml));
    if (validMonthDay(m, d, year)) out.push({ m, d });
  }
  return out;
}

/** Every reading of `digits` as month + day + month + day, in order (a range that lost its `—`). */
function monthDayRanges(digits: string, year: number | null): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (const ml of [2, 1]) {
    for (const dl of [1, 2]) {
      if (ml + dl >= digits.length) continue;
      const m1 = Number(digits.slice(0, ml));
      const d1 = Number(digits.slice(ml, ml + dl));
      if (!validMonthDay(m1, d1, year)) continue;
      for (const b of monthDays(digits.slice(ml + dl), year)) if (m1 * 100 + d1 <= b.m * 100 + b.d) out.push([m1, d1, b.m, b.d]);
    }
  }
  return out;
}

/** The digit runs of a deadline's text that are damaged, each with every reading it allows. */
function damagedRuns(text: string): { readings: Reading[] }[] {
  const runs: { readings: Reading[] }[] = [];
  for (let i = 0; i < text.length; ) {
    if (!isAnyDigit(text[i])) {
      i++;
      continue;
    }
    let e = i;
    while (e < text.length && isAnyDigit(text[e])) e++;
    const readings = readRun(text, i, e);
    if (readings !== null) runs.push({ readings });
    i = e;
  }
  return runs;
}

/** Readings of the digit run [i, e), or null when the run is not damaged. */
function readRun(text: string, i: number, e: number): Reading[] | null {
  const digits = [...text.slice(i, e)].map(asciiDigit).join('');
  const full = isFullDigit(text[i]);
  const num = (n: number | string): string => (full ? [...String(n)].map((c) => String.fromCharCode(c.charCodeAt(0) - 48 + FULL_ZERO)).join('') : String(n));
  const suffix = text[e];
  const day = suffix === '日' || suffix === '号';
  const out = (start: number, end: number, newText: string): Reading => ({ start, end, newText });
  if (digits.length >= 5) {
    const y = Number(digits.slice(0, 4));
    const rest = digits.slice(4);
    if (!validYear(y)) return null;
    // `20152020年`: a range of years that lost its dash.
    if (suffix === '年') return rest.length === 4 && validYear(Number(rest)) ? [out(i, e, `${num(y)}—${num(rest)}`)] : null;
    // `20203月`: the year lost its `年`.
    if (suffix === '月') return rest.length <= 2 ? [out(i, e, `${num(y)}年${num(Number(rest))}`)] : null;
    const to = day ? e + 1 : e;
    const singles = rest.length <= 4 ? monthDays(rest, y) : [];
    // A clean `20200313` (four digits, so a two-digit month) is not damage.
    if (rest.length === 4 && singles.length > 0) return null;
    if (singles.length > 0) return singles.map((r) => out(i, to, `${num(y)}年${num(r.m)}月${num(r.d)}日`));
    const ranges = day ? monthDayRanges(rest, y) : [];
    return ranges.map(([m1, d1, m2, d2]) => out(i, to, `${num(y)}年${num(m1)}月${num(d1)}日—${num(m2)}月${num(d2)}日`));
  }
  // `320日`: a month and a day that lost their `月`.
  if (day && text[e + 1] !== '内' && digits.length >= 2 && digits.length <= 4 && !(digits.length === 2 && Number(digits) <= 31)) {
    return monthDays(digits, null).map((r) => out(i, e + 1, `${num(r.m)}月${num(r.d)}日`));
  }
  return null;
}
