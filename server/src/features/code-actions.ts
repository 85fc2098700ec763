// Code actions and edit commands: quick fixes of the diagnostics under a range (from the current text), fix-all as a minimal diff, renumbering, attribution templates.
import { insertTemplateEdit } from '../lint/templates.js';
import type { LintDiagnostic, TextEdit } from '../lint/types.js';
import { carriedSpans, digitsLike } from '../model/decimal.js';
import { markerWithNumber, siblingRuns } from '../model/numbering.js';
import type { PlanDocument, Section, Span, Task } from '../model/types.js';

/** One quick fix offered for one diagnostic. */
export interface QuickFix {
  title: string;
  edits: TextEdit[];
  /** The diagnostic's safe fix (preferred); false for a suggestion. */
  preferred: boolean;
  diagnostic: LintDiagnostic;
}

/** Where a diagnostic the client sent back says it was: rule and offsets in the current text. */
export interface DiagnosticRef {
  ruleId: string;
  span: Span;
}

function touches(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/**
 * The fixes and suggestions of the current diagnostics that touch `span` or that match one of
 * `refs` (the diagnostics the client holds, possibly from an earlier version: only those that still
 * exist in the current analysis count), safe fixes first.
 */
export function quickFixes(diagnostics: readonly LintDiagnostic[], span: Span, refs: readonly DiagnosticRef[] = []): QuickFix[] {
  const out: QuickFix[] = [];
  const seen = new Set<LintDiagnostic>();
  for (const d of diagnostics) {
    const wanted = touches(d.span, span) || refs.some((r) => r.ruleId === d.ruleId && r.span.start === d.span.start && r.span.end === d.span.end);
    if (!wanted || seen.has(d)) continue;
    seen.add(d);
    if (d.fix && d.fix.edits.length > 0) out.push({ title: d.fix.title, edits: d.fix.edits, preferred: true, diagnostic: d });
    for (const s of d.suggestions ?? []) if (s.edits.length > 0) out.push({ title: s.title, edits: s.edits, preferred: false, diagnostic: d });
  }
  return out.sort((a, b) => Number(b.preferred) - Number(a.preferred));
}

// ---------------------------------------------------------------------------------------------
// Minimal diff

/** Splits into lines that keep their line breaks, so that joining them gives the text back. */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      lines.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/**
 * Myers' O((N+M)·D) diff over lines; null when more than `maxD` lines differ (the caller then
 * replaces the whole differing middle). Memory O(D²).
 */
function diffLines(a: string[], b: string[], maxD: number): Hunk[] | null {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    if (d > maxD) return null;
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) return hunksOf(backtrack(trace, n, m), n, m);
    }
  }
  return null;
}

/** The pairs of equal lines on the shortest edit path, in order. */
function backtrack(trace: Int32Array[], n: number, m: number): [number, number][] {
  const pairs: [number, number][] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const snap = trace[d]!;
    const at = (k: number) => snap[k + d + 1]!;
    const k = x - y;
    let prevX = 0;
    let prevY = 0;
    if (d > 0) {
      const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
      prevX = at(prevK);
      prevY = prevX - prevK;
    }
    while (x > prevX && y > prevY) {
      x--;
      y--;
      pairs.push([x, y]);
    }
    x = prevX;
    y = prevY;
  }
  return pairs.reverse();
}

function hunksOf(pairs: [number, number][], n: number, m: number): Hunk[] {
  const hunks: Hunk[] = [];
  let pa = 0;
  let pb = 0;
  for (const [i, j] of pairs) {
    if (i > pa || j > pb) hunks.push({ aStart: pa, aEnd: i, bStart: pb, bEnd: j });
    pa = i + 1;
    pb = j + 1;
  }
  if (pa < n || pb < m) hunks.push({ aStart: pa, aEnd: n, bStart: pb, bEnd: m });
  return hunks;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** One edit replacing `a[from, to)` by `b[bFrom, bTo)`, narrowed to what differs (never splitting a surrogate pair). */
function narrowed(a: string, from: number, to: number, b: string, bFrom: number, bTo: number): TextEdit | null {
  let p = 0;
  const n = Math.min(to - from, bTo - bFrom);
  while (p < n && a.charCodeAt(from + p) === b.charCodeAt(bFrom + p)) p++;
  if (p > 0 && isHigh(a.charCodeAt(from + p - 1))) p--;
  let s = 0;
  while (s < n - p && a.charCodeAt(to - 1 - s) === b.charCodeAt(bTo - 1 - s)) s++;
  if (s > 0 && isLow(a.charCodeAt(to - s))) s--;
  const span = { start: from + p, end: to - s };
  const newText = b.slice(bFrom + p, bTo - s);
  if (span.start === span.end && newText === '') return null;
  return { span, newText };
}

/**
 * The edits that turn `before` into `after`, touching only what changed: a line diff, then each
 * changed run of lines narrowed to its differing characters. Offsets are into `before`; the edits
 * do not overlap and are in document order. Falls back to one edit over the differing middle when
 * more than `maxLines` lines differ.
 */
export function minimalEdits(before: string, after: string, maxLines = 2000): TextEdit[] {
  if (before === after) return [];
  const whole = narrowed(before, 0, before.length, after, 0, after.length);
  if (!whole) return [];
  // Diff only the differing middle: equal heads and tails cost nothing.
  // Widened to whole lines: the text before `aFrom` and after `aTo` is the same in both.
  const aFrom = whole.span.start === 0 ? 0 : before.lastIndexOf('\n', whole.span.start - 1) + 1;
  const aToNl = before.indexOf('\n', whole.span.end);
  const aTo = aToNl < 0 ? before.length : aToNl + 1;
  const bFrom = aFrom;
  const bTo = after.length - (before.length - aTo);
  if (bTo < bFrom) return [whole];
  const la = splitLines(before.slice(aFrom, aTo));
  const lb = splitLines(after.slice(bFrom, bTo));
  const hunks = diffLines(la, lb, maxLines);
  if (!hunks) return [whole];
  const aOffsets = offsets(la, aFrom);
  const bOffsets = offsets(lb, bFrom);
  const edits: TextEdit[] = [];
  for (const h of hunks) {
    const e = narrowed(before, aOffsets[h.aStart]!, aOffsets[h.aEnd]!, after, bOffsets[h.bStart]!, bOffsets[h.bEnd]!);
    if (e) edits.push(e);
  }
  return edits;
}

function offsets(lines: string[], base: number): number[] {
  const out = [base];
  for (const l of lines) out.push(out[out.length - 1]! + l.length);
  return out;
}

/** Applies non-overlapping edits (offsets into `text`); for tests and checks. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let cursor = 0;
  for (const e of sorted) {
    out += text.slice(cursor, e.span.start) + e.newText;
    cursor = e.span.end;
  }
  return out + text.slice(cursor);
}

// ---------------------------------------------------------------------------------------------
// Commands: renumber a section's items, insert an attribution template

/** The deepest section whose text holds `offset` (its end included), or null. */
export function sectionAt(plan: PlanDocument, offset: number): Section | null {
  let found: Section | null = null;
  for (const s of plan.allSections) {
    if (s.span.start > offset) break;
    if (offset <= s.span.end) found = s;
  }
  return found;
}

/**
 * Edits that renumber the items under the section at `offset` (or, on an item without items of its
 * own, the item and its siblings): each run of siblings is numbered 1, 2, 3… in its own form (from its
 * first number when an excerpt shows it from its middle, `SiblingRun.first`); a run
 * numbered continuously through the document is renumbered whole. Only markers whose number changes
 * are edited; a number the form cannot hold (`㉑`) is left alone.
 */
export function renumberEdits(plan: PlanDocument, offset: number): TextEdit[] {
  const at = sectionAt(plan, offset);
  if (!at) return [];
  const items = at.children.filter((c) => c.marker.level <= 6);
  const targets = new Set(items.length > 0 ? items : [at]);
  const edits: TextEdit[] = [];
  for (const run of siblingRuns(plan)) {
    if (!run.sections.some((s) => targets.has(s))) continue;
    run.sections.forEach((s, i) => {
      if (s.marker.value === run.first + i) return;
      const text = markerWithNumber(s.marker, run.first + i);
      if (text === null || text === s.marker.text) return;
      edits.push({ span: s.marker.span, newText: text });
      // The decimal markers under it carry its number (`1.3` → `1.2`: `1.3.1` → `1.2.1`).
      for (const span of carriedSpans(s)) edits.push({ span, newText: digitsLike(plan.text, span, run.first + i) });
    });
  }
  return edits.sort((a, b) => a.span.start - b.span.start);
}

/** The task whose text holds `offset`, or null. */
export function taskAt(plan: PlanDocument, offset: number): Task | null {
  for (const t of plan.tasks) if (offset >= t.span.start && offset <= t.span.end) return t;
  return null;
}

/**
 * The edit that inserts an attribution template (`[牵头单位:;责任单位:;完成时限:]`, in the plan's
 * style) at the end of the first paragraph of the task at `offset`; null with the reason when there
 * is no body task there or it already has an attribution of its own.
 */
export function insertAttributionEdit(plan: PlanDocument, offset: number): { edit: TextEdit } | { reason: 'no-task' | 'table' | 'has-attribution' } {
  const task = taskAt(plan, offset);
  if (!task) return { reason: 'no-task' };
  if (task.source === 'table') return { reason: 'table' };
  if (task.section && task.section.attributions.length > 0) return { reason: 'has-attribution' };
  return { edit: insertTemplateEdit(plan, task) };
}

// ---------------------------------------------------------------------------------------------
// Directive comments: silence one rule on a line or in the whole file

/** The edits of "Disable PLxxx for this line" (null on the first line, or inside a task table, which a line would cut) and "for this file". */
export interface SuppressionEdits {
  line: TextEdit | null;
  file: TextEdit;
}

function lineBreakOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Adds `ruleId` to a directive that names rules (`<!-- planlint-disable-file PL001 -->` → `… PL001 PL002 -->`). */
function addToDirective(plan: PlanDocument, span: Span, ruleId: string): TextEdit | null {
  const image = plan.text.slice(span.start, span.end);
  const close = image.lastIndexOf('-->');
  if (close < 0) return null;
  let at = span.start + close;
  while (at > span.start && /\s/.test(plan.text[at - 1]!)) at--;
  return { span: { start: at, end: at }, newText: ` ${ruleId}` };
}

/**
 * Directive comments that silence `ruleId` where `span` starts: `<!-- planlint-disable-next-line PLxxx -->` on a line
 * of its own above (or the rule added to such a comment already there; none on the first line or inside a task table), and `<!-- planlint-disable-file PLxxx -->`
 * at the end of the file (where it moves no line of the plan and cannot be taken for its title), or the rule added
 * to the file's directive. Only text is inserted.
 */
export function suppressionEdits(plan: PlanDocument, ruleId: string, span: Span): SuppressionEdits {
  const eol = lineBreakOf(plan.text);
  const line = plan.lines.positionAt(span.start).line;
  const lineStart = plan.lines.lineStart(line);
  let lineEdit: TextEdit | null = null;
  let fileEdit: TextEdit | null = null;
  for (const d of plan.directives) {
    if (d.rules.length === 0) continue;
    if (d.kind === 'disable-next-line' && line > 0 && plan.lines.positionAt(d.span.end).line === line - 1) lineEdit ??= addToDirective(plan, d.span, ruleId);
    if (d.kind === 'disable-file') fileEdit ??= addToDirective(plan, d.span, ruleId);
  }
  // A comment line inside a task table would end the table there: its rows below would stop being tasks.
  // Nor above the first line: the comment would become the document's first line, where its title is looked for.
  const inTable = line === 0 || plan.tables.some((t) => t.span.start <= lineStart && span.start <= t.span.end);
  if (!inTable) lineEdit ??= { span: { start: lineStart, end: lineStart }, newText: `<!-- planlint-disable-next-line ${ruleId} -->${eol}` };
  if (!fileEdit) {
    const end = plan.text.length;
    const needsBreak = end > 0 && !/[\r\n]$/.test(plan.text);
    fileEdit = { span: { start: end, end }, newText: `${needsBreak ? eol : ''}<!-- planlint-disable-file ${ruleId} -->${eol}` };
  }
  return { line: inTable ? null : lineEdit, file: fileEdit };
}

/** The titles of the two directive actions. */
export function suppressionTitles(ruleId: string, locale: 'zh-CN' | 'en'): { line: string; file: string } {
  return locale === 'en'
    ? { line: `Disable ${ruleId} for this line`, file: `Disable ${ruleId} for this file` }
    : { line: `在此行停用 ${ruleId}`, file: `在本文件停用 ${ruleId}` };
}
