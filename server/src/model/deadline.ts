// Deadlines (完成时限): what the phrases the grammar finds (grammar/deadline.ts) mean — ISO dates read against the plan's
// period, invalid dates, open periods — and a table cell read as one deadline.

import { daysIn, DeadlineScan, onlyFillerAround, type DeadlineExpr, type DeadlinePhrase, type DeadlineWindow, type YearRef } from '../../../grammar/index.js';
import type { Sink } from './buffer.js';
import type { Deadline } from './types.js';

export { findPlanPeriod } from '../../../grammar/index.js';

/** A deadline's value without its location. */
export type DeadlineValue = Omit<Deadline, 'span' | 'range'>;

/**
 * What a deadline is read against: the plan's year or period.
 * A date written without a year takes `period.start` — the plan's year for an annual plan, and for a
 * multi-year plan its first year (the earliest reading; a reviewer is warned early rather than late).
 * With no period such a date keeps its precision but gets `end: null`.
 */
export interface DeadlineContext {
  period: { start: number; end: number } | null;
  /**
   * The ISO dates written so far for this document, by `y * 10000 + m * 100 + d`, when given: a plan names the same
   * few dates again and again, and every deadline keeps its strings for the document's life, so each is made once.
   */
  dates?: Map<number, string>;
  /**
   * The deadlines of each field value read so far (mode 'field': a `完成时限:` value, a deadline cell, a group's
   * deadline; at most `SHARED_FIELD_LENGTH` long), null where the reader failed, when given: a task table repeats the
   * same few deadline cells row after row (`2024年12月底前`, `长期坚持`), and each distinct one is read once. The model
   * gives the process's memo for the plan's year (`fieldMemo`). Prose is not kept: task texts rarely repeat.
   */
  fields?: Map<string, readonly FoundDeadline[] | null>;
}

/** Field values longer than this are not kept across documents (a field's value is short; a long one is a sentence). */
const SHARED_FIELD_LENGTH = 80;
/** How many field values the process keeps per plan year before it starts again (a bound on the memory they hold). */
const SHARED_FIELDS = 4096;
const sharedFields = new Map<number | null, Map<string, readonly FoundDeadline[] | null>>();

/**
 * The memo of field values for plans read against `year` (`DeadlineContext.fields`), shared by every document of this
 * process: the values a field holds are few (`2025年12月底前`, `长期坚持`), and each document of a folder, and each
 * edit of a document in the editor, met them again. Kept per year (a date written without one takes it); emptied
 * when it holds `SHARED_FIELDS` values.
 */
export function fieldMemo(year: number | null): Map<string, readonly FoundDeadline[] | null> {
  let memo = sharedFields.get(year);
  if (memo === undefined) {
    if (sharedFields.size >= 64) sharedFields.clear();
    memo = new Map();
    sharedFields.set(year, memo);
  } else if (memo.size >= SHARED_FIELDS) memo.clear();
  return memo;
}

/** A deadline found in a text: UTF-16 offsets into that text (end exclusive), and its value. */
export interface FoundDeadline {
  start: number;
  end: number;
  value: DeadlineValue;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** `YYYY-MM-DD`, the one string of that date in `dates` (the document's, see `DeadlineContext.dates`) when given. */
function iso(y: number, m: number, d: number, dates: Map<number, string> | undefined): string {
  const cacheable = Number.isInteger(y) && y >= 0 && y <= 9999 && Number.isInteger(m) && m >= 0 && m < 100 && Number.isInteger(d) && d >= 0 && d < 100;
  if (dates === undefined || !cacheable) return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
  const key = y * 10000 + m * 100 + d;
  let date = dates.get(key);
  if (date === undefined) {
    date = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
    dates.set(key, date);
  }
  return date;
}
// ---------------------------------------------------------------------------------------------
// Values.

const ctxYear = (ctx: DeadlineContext | null | undefined): number | null => {
  const y = ctx?.period?.start;
  return typeof y === 'number' && Number.isInteger(y) ? y : null;
};

/** The year a part stands in, and whether it was taken from the plan. */
function resolveYear(ref: YearRef, other: YearRef | null, base: number | null): { year: number | null; inferred: boolean } {
  if (ref.kind === 'written') return { year: ref.value, inferred: false };
  if (ref.kind === 'relative') {
    return base === null ? { year: null, inferred: false } : { year: base + ref.delta, inferred: true };
  }
  if (other && other.kind !== 'none') return resolveYear(other, null, base);
  return base === null ? { year: null, inferred: false } : { year: base, inferred: true };
}

/** Why a window cannot exist (`2月没有30日`, `没有13月`), or null. */
function invalidWin(w: DeadlineWindow, year: number | null): string | null {
  if (!(w.m1 >= 1 && w.m1 <= 12)) return `没有${w.m1}月`;
  if (!(w.m2 >= 1 && w.m2 <= 12)) return `没有${w.m2}月`;
  if (w.precision !== 'day' || typeof w.d2 !== 'number') return null;
  const d = w.d2;
  if (d >= 1 && d <= daysIn(year, w.m2)) return null;
  return w.m2 === 2 && d === 29 && year !== null ? `${year}年2月没有29日` : `${w.m2}月没有${d}日`;
}

const endOf = (w: DeadlineWindow, y: number, dates: Map<number, string> | undefined): string => iso(y, w.m2, w.d2 === 'last' ? daysIn(y, w.m2) : w.d2, dates);
const startOf = (w: DeadlineWindow, y: number, dates: Map<number, string> | undefined): string => iso(y, w.m1, w.d1, dates);

/** The normalised value of a parsed expression. */
function valueOf(e: DeadlineExpr, text: string, ctx: DeadlineContext | null | undefined): DeadlineValue {
  const base = ctxYear(ctx);
  const endY = resolveYear(e.last.year, e.first?.year ?? null, base);
  const startY = e.first ? resolveYear(e.first.year, e.last.year, base) : null;
  let invalid = invalidWin(e.last.win, endY.year) ?? (e.first ? invalidWin(e.first.win, startY?.year ?? null) : null);
  const dates = ctx?.dates;
  let end = invalid || endY.year === null ? null : endOf(e.last.win, endY.year, dates);
  let start = e.first && !invalid && startY?.year != null ? startOf(e.first.win, startY.year, dates) : null;
  if (start && end && start > end) {
    invalid = '起始晚于结束';
    start = end = null;
  }
  return {
    text, end, start, precision: e.last.win.precision, ongoing: false, recurring: e.recurring,
    yearInferred: endY.inferred, damaged: e.damaged, invalid,
  };
}

/** A period named by a holiday: no computed end (the lunar holidays move; the seasons are not a day). */
function holidayValue(text: string): DeadlineValue {
  return {
    text, end: null, start: null, precision: null, ongoing: false, recurring: false, yearInferred: false, damaged: false, invalid: null,
  };
}

/** `从3月8日起`: ongoing from the first day the date names. */
function sinceValue(v: DeadlineValue): DeadlineValue {
  const start =
    v.start ?? (v.end === null ? null : v.precision === 'month' ? `${v.end.slice(0, 8)}01` : v.precision === 'year' ? `${v.end.slice(0, 5)}01-01` : v.end);
  return { ...v, start, end: null, ongoing: true };
}


function ongoingValue(text: string): DeadlineValue {
  return {
    text, end: null, start: null, precision: null, ongoing: true, recurring: false, yearInferred: false, damaged: false, invalid: null,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading a text.

/**
 * Finds deadline expressions in `text` (the phrases a `DeadlineScan` finds, in `mode`) and normalises them against the
 * plan's period. Never throws; linear in the length of `text`.
 */
export function findDeadlines(text: string, ctx: DeadlineContext, mode: 'field' | 'prose'): FoundDeadline[] {
  const out: FoundDeadline[] = [];
  return collectDeadlines(text, ctx, mode, out) ? out : [];
}

/**
 * `findDeadlines` into `out` (an array, or a buffer the model reuses). Returns false when the reader failed;
 * what it had added by then is then to be dropped (`findDeadlines` returns nothing).
 */
export function collectDeadlines(text: string, ctx: DeadlineContext, mode: 'field' | 'prose', out: Sink<FoundDeadline>): boolean {
  const memo = ctx?.fields;
  if (mode === 'field' && memo !== undefined && typeof text === 'string' && text.length <= SHARED_FIELD_LENGTH) {
    let found = memo.get(text);
    if (found === undefined) {
      const list: FoundDeadline[] = [];
      found = scanDeadlines(text, ctx, mode, list) ? list : null;
      memo.set(text, found);
    }
    if (found === null) return false;
    // Shared between the calls that read the same text: what is found is read, never changed.
    for (let k = 0; k < found.length; k++) out.push(found[k]!);
    return true;
  }
  return scanDeadlines(text, ctx, mode, out);
}

/** `collectDeadlines` without the document's memo. */
function scanDeadlines(text: string, ctx: DeadlineContext, mode: 'field' | 'prose', out: Sink<FoundDeadline>): boolean {
  try {
    if (typeof text !== 'string') return true;
    const scan = new DeadlineScan(text, mode);
    for (let phrase = scan.next(); phrase !== null; phrase = scan.next()) {
      const value = phraseValue(text, phrase, ctx);
      if (phrase.since && startsBefore(value, text.slice(phrase.from, phrase.to), ctx)) continue;
      out.push({ start: phrase.from, end: phrase.to, value });
    }
    return true;
  } catch {
    return false;
  }
}

/** The first month of the year before a plan's period that may still start its work (a winter plan's). */
const LATE_MONTH = 10;

/**
 * Does an open period (`raw`, its value `value`) start before the plan's period: a year alone before its first year
 * (`自2019年起实施` in a plan for 2026: what was done then, no time the task is given), or a month before the last months of the
 * year before it (`自2025年1月起`; `自2025年12月起` in a 2026 winter plan is its start)? False when the plan names no period.
 */
function startsBefore(value: DeadlineValue, raw: string, ctx: DeadlineContext | null | undefined): boolean {
  const period = ctx?.period;
  if (period == null || value.start === null) return false;
  const year = Number(value.start.slice(0, 4));
  if (!/月/.test(raw) || year < period.start - 1) return year < period.start;
  // The last months of the year before (`自2025年12月起` in a 2026 winter plan) start the plan's season; earlier ones are past.
  return year === period.start - 1 && Number(value.start.slice(5, 7)) < LATE_MONTH;
}

/** The value of a phrase found in `text`. */
function phraseValue(text: string, phrase: DeadlinePhrase, ctx: DeadlineContext | null | undefined): DeadlineValue {
  const raw = text.slice(phrase.from, phrase.to);
  const value = phrase.holiday ? holidayValue(raw) : phrase.expr === null ? ongoingValue(raw) : valueOf(phrase.expr, raw, ctx);
  return phrase.since ? sinceValue(value) : value;
}

/**
 * Parses one deadline expression as a whole (a table's 完成时限 cell, a field's value); null when the text is
 * not exactly one deadline (nothing, two of them, or other words beside it). Never throws.
 */
export function parseDeadline(text: string, ctx: DeadlineContext): DeadlineValue | null {
  try {
    if (typeof text !== 'string') return null;
    // One phrase and nothing else: the scan stops at a second one, and only the first is given a value. (The
    // document's memo of field values is not asked: what it holds is what this reads.)
    const scan = new DeadlineScan(text, 'field');
    const phrase = scan.next();
    if (phrase === null || scan.next() !== null) return null;
    return onlyFillerAround(text, phrase.from, phrase.to) ? phraseValue(text, phrase, ctx) : null;
  } catch {
    return null;
  }
}
