// Edits that complete a task's attribution (分工) — a lead unit, a deadline — in the style the plan already uses, never leaving an empty field.
// Over 400 lines: every completion (a lead, a deadline, units moved between lead and 责任单位) writes through the one
// reader of where and how this plan writes its attributions.
import { perDocument } from '../model/remember.js';
import { unitKey } from '../model/text.js';
import type { Attribution, PlanDocument, Section, Task, UnitMention } from '../model/types.js';
import { attributionInsertOffset, attributionStyle } from './templates.js';
import type { TextEdit } from './types.js';

/**
 * How a plan writes attributions: `[牵头单位:X;…]` (bracket), `（牵头单位：X；…）` (paren-field), `（X牵头，…）`
 * (paren), a labelled line `牵头单位：X` (field), `此项工作由X牵头负责。` (sentence).
 */
export type AttributionKind = 'bracket' | 'paren-field' | 'paren' | 'field' | 'sentence';

/** Text inserted at `at`: `before`, the value (a unit, a deadline), then `after`. */
export interface Insertion {
  at: number;
  before: string;
  after: string;
}

const LEAD_FIELD = /^(?:牵头单位|牽頭單位|牵头部门|牽頭部門)/;
const DEADLINE_FIELD = /^(?:完成时限|完成時限|完成时间|完成時間|时限要求|時限要求|完成期限|时间节点|時間節點)/;
const ANY_FIELD = /(?:牵头单位|牽頭單位|牵头部门|牽頭部門|责任单位|責任單位|责任部门|責任部門|配合单位|配合單位|配合部门|配合部門|协办单位|協辦單位|参与单位|參與單位|参加单位|參加單位|完成时限|完成時限|完成时间|完成時間)\s*[:：]/;
const RESPONSIBLE_FIELD_END = /(?:责任单位|責任單位|责任部门|責任部門|配合单位|配合單位|配合部门|配合部門|协办单位|協辦單位|参与单位|參與單位|参加单位|參加單位)(\s*)$/;
const TRADITIONAL = /牽頭|責任單位|完成時限|負責/;
const SPACE = /[ \t\u3000\u00a0]/;

type Words = { lead: string; leads: string; deadline: string; by: string; leadsAll: string; responsible: string; shares: string };
const SIMPLIFIED_WORDS: Words = { lead: '牵头单位', leads: '牵头', deadline: '完成时限', by: '此项工作由', leadsAll: '牵头负责。', responsible: '责任单位', shares: '按职责分工负责' };
const TRADITIONAL_WORDS: Words = { lead: '牽頭單位', leads: '牽頭', deadline: '完成時限', by: '此項工作由', leadsAll: '牽頭負責。', responsible: '責任單位', shares: '按職責分工負責' };

/** The keywords a fix writes, in the plan's script (read once per plan: fixes are built for every task that needs one). */
const words = perDocument((plan: PlanDocument): Words => (TRADITIONAL.test(plan.text.slice(0, 50_000)) ? TRADITIONAL_WORDS : SIMPLIFIED_WORDS));

/** How one attribution is written; null for a table row and a heading that names a unit (`一、市司法局`), which no fix writes. */
export function kindOf(plan: PlanDocument, a: Attribution): AttributionKind | null {
  if (a.style === 'table' || a.style === 'heading') return null;
  if (a.style === 'field') return 'field';
  if (a.style === 'sentence') return 'sentence';
  const open = a.punctuation?.open ?? '';
  const keyed = ANY_FIELD.test(plan.text.slice(a.span.start, a.span.end));
  if (open === '(' || open === '（') return keyed ? 'paren-field' : 'paren';
  return keyed || open !== '' ? 'bracket' : 'paren';
}

const KIND_ORDER: AttributionKind[] = ['bracket', 'paren-field', 'paren', 'field', 'sentence'];
/** The kind most of the plan's attributions that name a lead are written in (brackets when none does). */
export const planAttributionKind = perDocument((plan: PlanDocument): AttributionKind => {
  const count = new Map<AttributionKind, number>();
  for (const section of plan.allSections) {
    for (const a of section.attributions) {
      const k = a.lead.length > 0 ? kindOf(plan, a) : null;
      if (k) count.set(k, (count.get(k) ?? 0) + 1);
    }
  }
  let best: AttributionKind = 'bracket';
  for (const k of KIND_ORDER) if ((count.get(k) ?? 0) > (count.get(best) ?? 0)) best = k;
  return best;
});

/** The line break the text uses. */
function lineBreak(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The spaces that open the line holding `offset`. */
function indentAt(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = start;
  while (end < text.length && SPACE.test(text[end]!)) end++;
  return text.slice(start, end);
}

function lineEndAt(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/**
 * Full-width punctuation (`（` `：` `；` `，`) when the plan leans to it, found once per plan as `attributionStyle` is:
 * a fix is built for every task that needs one. Written out, not spread: a spread that adds properties takes the
 * engine's slow path (a folder's JSON report, which finds every fix, spent 60 ms of its 2.8 s making these).
 */
const punct = perDocument((plan: PlanDocument) => {
  const s = attributionStyle(plan);
  const full = s.colon === '：';
  return { open: s.open, close: s.close, colon: s.colon, separator: s.separator, popen: full ? '（' : '(', pclose: full ? '）' : ')', comma: full ? '，' : ',' };
});

/** The task's own attributions (none for a table row, or when its units come from a heading). */
function ownAttributions(task: Task): readonly Attribution[] {
  return task.section?.attributions ?? [];
}

/**
 * The empty cell of a table row's column `role`, as an insertion point; null when the cell holds text or is
 * missing. In a Markdown row the value goes one space after the cell's `|`, as in the cells around it.
 */
function emptyCell(plan: PlanDocument, task: Task, role: 'lead' | 'responsible' | 'deadline'): Insertion | null {
  const { row, table } = task;
  if (!row || !table) return null;
  const i = table.columns.indexOf(role);
  const span = row.cellSpans[i];
  if (i < 0 || !span || (row.cells[i] ?? '').trim() !== '') return null;
  if (table.form === 'markdown') {
    const text = plan.text;
    let pipe = span.start;
    while (pipe > row.span.start && text[pipe - 1] !== '|' && text[pipe - 1] !== '｜' && SPACE.test(text[pipe - 1]!)) pipe--;
    if (pipe > row.span.start && (text[pipe - 1] === '|' || text[pipe - 1] === '｜')) {
      const at = SPACE.test(text[pipe] ?? '') ? pipe + 1 : pipe;
      const closes = text[at] === '|' || text[at] === '｜';
      return { at, before: at === pipe ? ' ' : '', after: closes ? ' ' : '' };
    }
  }
  return { at: span.start, before: '', after: '' };
}

/**
 * Where and how to write a lead unit for `task`: into its empty `牵头单位：` field, as a field at the start of its
 * own bracket, as `X牵头，` at the start of its own parenthesis, as a line above its `责任单位：` line, else as a new
 * attribution in the plan's style at the end of the task's first paragraph. Null for a table row whose lead cell
 * holds text.
 */
export function leadInsertion(plan: PlanDocument, task: Task): Insertion | null {
  if (task.source === 'table') return emptyCell(plan, task, 'lead');
  const w = words(plan);
  const p = punct(plan);
  const own = ownAttributions(task);
  for (const a of own) {
    for (const problem of a.problems) if (problem.kind === 'empty-field' && LEAD_FIELD.test(problem.detail)) return { at: problem.span.end, before: '', after: '' };
  }
  for (const a of own) {
    const kind = kindOf(plan, a);
    const open = a.punctuation?.open ?? '';
    if ((kind === 'bracket' || kind === 'paren-field') && open !== '' && plan.text.startsWith(open, a.span.start)) {
      const colon = a.punctuation?.colon ?? p.colon;
      const sep = a.punctuation?.separator ?? p.separator;
      return { at: a.span.start + open.length, before: `${w.lead}${colon}`, after: sep };
    }
    if (kind === 'paren' && open !== '' && plan.text.startsWith(open, a.span.start)) {
      return { at: a.span.start + open.length, before: '', after: `${w.leads}${open === '(' ? ',' : '，'}` };
    }
    if (kind === 'field') {
      const colon = a.punctuation?.colon || p.colon;
      return { at: a.span.start, before: `${w.lead}${colon}`, after: lineBreak(plan.text) + indentAt(plan.text, a.span.start) };
    }
  }
  return newAttribution(plan, task, 'lead');
}

/**
 * Where and how to write a deadline for `task`: into its empty `完成时限：` field, as a field before the closer of
 * its own bracket, as a line under its field lines, else as a new attribution (`（完成时限：X）` beside
 * parenthesis and sentence styles). Null for a table row whose deadline cell holds text.
 */
export function deadlineInsertion(plan: PlanDocument, task: Task): Insertion | null {
  if (task.source === 'table') return emptyCell(plan, task, 'deadline');
  const w = words(plan);
  const own = ownAttributions(task);
  for (const a of own) {
    for (const problem of a.problems) if (problem.kind === 'empty-field' && DEADLINE_FIELD.test(problem.detail)) return { at: problem.span.end, before: '', after: '' };
  }
  for (const a of own) {
    const kind = kindOf(plan, a);
    const close = a.punctuation?.close ?? '';
    const p = punct(plan);
    if ((kind === 'bracket' || kind === 'paren-field') && close !== '' && plan.text.startsWith(close, a.span.end - close.length)) {
      return { at: a.span.end - close.length, before: `${a.punctuation?.separator ?? p.separator}${w.deadline}${a.punctuation?.colon ?? p.colon}`, after: '' };
    }
    if (kind === 'field') {
      const last = own.filter((x) => x.style === 'field').reduce((m, x) => Math.max(m, x.span.end), a.span.end);
      const at = lineEndAt(plan.text, last);
      return { at, before: `${lineBreak(plan.text)}${indentAt(plan.text, a.span.start)}${w.deadline}${a.punctuation?.colon || p.colon}`, after: '' };
    }
  }
  return newAttribution(plan, task, 'deadline');
}

/** A paragraph may end a task's text here: after a sentence end or a closing bracket. */
const CLAUSE_END = /[。；;！!？?）)】\]”]$/;

/**
 * Where a new attribution goes: the end of the task's first paragraph when it ends a sentence, else (a sentence
 * wrapped over lines, a parenthesis left open at the line's end) the end of the task's text, so that it never
 * lands inside a sentence or a parenthesis.
 */
function newAttributionOffset(plan: PlanDocument, task: Task): number | null {
  const first = attributionInsertOffset(plan, task);
  let at = first;
  if (task.section && !CLAUSE_END.test(plan.text.slice(Math.max(0, first - 1), first))) {
    at = task.section.bodySpan.end;
    while (at > first && /[\s\u3000\u00a0]/.test(plan.text[at - 1]!)) at--;
  }
  // A parenthesis the task leaves open (damaged text): anything written there would land inside it.
  let depth = 0;
  for (let i = task.span.start; i < at; i++) {
    const ch = plan.text[i];
    if (ch === '(' || ch === '（' || ch === '[' || ch === '【') depth++;
    else if ((ch === ')' || ch === '）' || ch === ']' || ch === '】') && depth > 0) depth--;
  }
  return depth === 0 ? at : null;
}

function newAttribution(plan: PlanDocument, task: Task, what: 'lead' | 'deadline'): Insertion | null {
  const w = words(plan);
  const p = punct(plan);
  const at = newAttributionOffset(plan, task);
  if (at === null) return null;
  const kind = planAttributionKind(plan);
  const field = what === 'lead' ? w.lead : w.deadline;
  if (kind === 'field') {
    return { at, before: `${lineBreak(plan.text)}${indentAt(plan.text, task.span.start)}${field}${p.colon}`, after: '' };
  }
  if (kind === 'bracket') return { at, before: `${p.open}${field}${p.colon}`, after: p.close };
  if (what === 'lead' && kind === 'paren') return { at, before: p.popen, after: `${w.leads}${p.pclose}` };
  if (what === 'lead' && kind === 'sentence') return { at, before: w.by, after: w.leadsAll };
  return { at, before: `${p.popen}${field}${p.colon}`, after: p.pclose };
}

function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, (c) => '\\' + c);
}

function escapeChoice(s: string): string {
  return s.replace(/[\\$}|,]/g, (c) => '\\' + c);
}

/**
 * The edit writing `value` at an insertion. With `choices`, it also carries a snippet that offers them
 * (`${1|A,B|}`); `value` should then be the first choice, which editors without snippet edits get.
 */
export function insertionEdit(ins: Insertion, value: string, choices?: readonly string[]): TextEdit {
  const edit: TextEdit = { span: { start: ins.at, end: ins.at }, newText: `${ins.before}${value}${ins.after}` };
  if (choices && choices.length > 0) {
    edit.snippet = `${escapeSnippet(ins.before)}\${1|${choices.map(escapeChoice).join(',')}|}${escapeSnippet(ins.after)}\$0`;
  }
  return edit;
}

// ---------------------------------------------------------------------------------------------
// Making a responsible unit the lead

/** The attribution of `task` that holds `mention`. */
function holderOf(task: Task, mention: UnitMention): Attribution | null {
  for (const a of ownAttributions(task)) if (a.span.start <= mention.span.start && mention.span.end <= a.span.end) return a;
  return null;
}

/** Deletes `m` and one separator beside it (the one after, else the one before); null when neither is a separator. */
function removal(text: string, m: UnitMention, seps: string): TextEdit | null {
  if (seps.includes(text[m.span.end] ?? '\0')) return { span: { start: m.span.start, end: m.span.end + 1 }, newText: '' };
  if (seps.includes(text[m.span.start - 1] ?? '\0')) return { span: { start: m.span.start - 1, end: m.span.end }, newText: '' };
  return null;
}

/**
 * The edits that make `mention`, a responsible unit of `task`, its lead: in a field list (`责任单位：A、B`) the unit
 * moves to a `牵头单位` field (the empty one if there is one: `[牵头单位:;责任单位:A]` → `[牵头单位:A]`); a unit that
 * is alone in `责任单位：A` has its field renamed (`牵头单位：A`); in a parenthesis (`（A、B按职责分工负责）`) it moves to
 * `（A牵头，B…）`. The unit is never left listed twice (a lead also listed as responsible is an error of its own). Null
 * when the attribution is a heading's or the list cannot be edited safely.
 */
/** Field names of units that co-operate rather than answer for a task. */
const COOPERATING = /配合|协办|協辦|参与|參與|参加|參加|协同|協同|协作|協作/;

export function moveToLeadEdits(plan: PlanDocument, task: Task, mention: UnitMention): TextEdit[] | null {
  if (task.inherited.responsible) return null;
  if (task.source === 'table') return moveInTable(plan, task, mention);
  const a = holderOf(task, mention);
  if (!a) return null;
  const text = plan.text;
  const w = words(plan);
  const name = text.slice(mention.span.start, mention.span.end);
  // The nearest field colon, separator or opener before the unit says which list it is in.
  let i = mention.span.start - 1;
  while (i >= a.span.start && !':：;；[【(（'.includes(text[i]!)) i--;
  if (i < a.span.start) i = a.span.start - 1;
  const listed = (m: UnitMention) => m.span.start > i && !/[;；]/.test(text.slice(i + 1, m.span.start));
  const members = a.responsible.filter(listed);
  const emptyLead = a.problems.find((p) => p.kind === 'empty-field' && LEAD_FIELD.test(p.detail)) ?? null;
  const ch = text[i];
  if (ch === ':' || ch === '：') {
    const head = RESPONSIBLE_FIELD_END.exec(text.slice(Math.max(a.span.start, i - 12), i));
    if (!head) return null;
    const keyEnd = i - head[1]!.length;
    const keyStart = keyEnd - (head[0].length - head[1]!.length);
    const colon = ch;
    const sep = a.punctuation?.separator || (colon === '：' ? '；' : ';');
    if (members.length >= 2) {
      const out = removal(text, mention, '、，,');
      if (!out) return null;
      const lead = emptyLead
        ? { span: { start: emptyLead.span.end, end: emptyLead.span.end }, newText: name }
        : { span: { start: keyStart, end: keyStart }, newText: `${w.lead}${colon}${name}${sep}` };
      return [lead, out];
    }
    if (emptyLead) {
      // `[牵头单位:;责任单位:A]` → `[牵头单位:A]`: the unit fills the lead field and its own field goes.
      const before = text[keyStart - 1];
      const after = text[mention.span.end];
      const field = before === ';' || before === '；' ? { start: keyStart - 1, end: mention.span.end } : after === ';' || after === '；' ? { start: keyStart, end: mention.span.end + 1 } : { start: keyStart, end: mention.span.end };
      if (field.start < emptyLead.span.end && emptyLead.span.start < field.end) return null;
      return [
        { span: { start: emptyLead.span.end, end: emptyLead.span.end }, newText: name },
        { span: field, newText: '' },
      ];
    }
    // `责任单位：A` → `牵头单位：A`; a co-operating field (`配合部门：A`) is not renamed: its name would be lost.
    if (COOPERATING.test(text.slice(keyStart, keyEnd))) return null;
    return [{ span: { start: keyStart, end: keyEnd }, newText: w.lead }];
  }
  if ((ch === '(' || ch === '（') && kindOf(plan, a) === 'paren' && members.length >= 2) {
    const out = removal(text, mention, '、');
    if (!out) return null;
    return [{ span: { start: i + 1, end: i + 1 }, newText: `${name}${w.leads}${ch === '(' ? ',' : '，'}` }, out];
  }
  return null;
}

/** A table row: the unit goes into the empty lead cell and leaves the responsible cell (with a separator beside it). */
function moveInTable(plan: PlanDocument, task: Task, mention: UnitMention): TextEdit[] | null {
  const cell = emptyCell(plan, task, 'lead');
  const { row, table } = task;
  if (!cell || !row || !table) return null;
  const r = row.cellSpans[table.columns.indexOf('responsible')];
  if (!r || mention.span.start < r.start || mention.span.end > r.end) return null;
  const name = plan.text.slice(mention.span.start, mention.span.end);
  const out = task.responsible.length > 1 ? removal(plan.text, mention, '、，,') : { span: mention.span, newText: '' };
  if (!out) return null;
  return [insertionEdit(cell, name), out];
}

// ---------------------------------------------------------------------------------------------
// Making lead units responsible

/** A `责任单位：` field name and its colon (and the spaces after it), where a list of responsible units is written. */
const RESPONSIBLE_FIELD = /(?:责任单位|責任單位|责任部门|責任部門)[ \t\u3000]*[:：][ \t\u3000]*/g;
/** A field's value ends here (a list of units written up to a field boundary). */
const FIELD_END = /^[ \t\u3000]*(?:[;；。\]】)）\r\n]|$)/;

/**
 * The edits that keep the first `keep` lead units of `task` and make the others responsible units, in the style its
 * attribution is written in: `[牵头单位:A、B;责任单位:C]` → `[牵头单位:A;责任单位:B、C]`, with a `责任单位` field added
 * when there is none (`[牵头单位:A;责任单位:B]`, a line `责任单位：B` under a `牵头单位：` line); `（A、B牵头）` →
 * `（A牵头，B按职责分工负责）`, or into the units listed after `牵头` (`由A、B牵头负责，C参加` → `由A牵头负责，B、C参加`); a
 * table row's lead cell into its responsible cell. The units moved keep their text and order. Null when the leads are
 * not one list of the task's own, a unit would end up both lead and responsible, or the list is not followed by a
 * field boundary (`A、B等`).
 */
export function leadsToResponsibleEdits(plan: PlanDocument, task: Task, keep: number): TextEdit[] | null {
  const leads = [...task.lead].sort((x, y) => x.span.start - y.span.start);
  if (task.inherited.lead || keep < 1 || leads.length <= keep) return null;
  const text = plan.text;
  const kept = new Set(leads.slice(0, keep).map((u) => u.key));
  const responsible = new Set(task.responsible.map((u) => u.key));
  if (leads.some((u, i) => responsible.has(u.key) || (i >= keep && kept.has(u.key)))) return null;
  for (let i = 0; i + 1 < leads.length; i++) {
    if (!/^[、，,\s\u3000]+$/.test(text.slice(leads[i]!.span.end, leads[i + 1]!.span.start))) return null;
  }
  const last = leads[leads.length - 1]!;
  const before = leads[keep - 1]!.span.end;
  const moved = text.slice(leads[keep]!.span.start, last.span.end);
  const sep = text.slice(before, leads[keep]!.span.start).trim() || '、';
  const cut = { span: { start: before, end: last.span.end }, newText: '' };
  const insert = (at: number, newText: string): TextEdit => ({ span: { start: at, end: at }, newText });
  // Into a `责任单位：` field found in [from, to): before the units it lists, or filling it when it is empty.
  const intoField = (from: number, to: number): TextEdit[] | null => {
    RESPONSIBLE_FIELD.lastIndex = 0;
    const found = RESPONSIBLE_FIELD.exec(text.slice(from, to));
    if (!found) return null;
    const at = from + found.index + found[0].length;
    return [cut, insert(at, FIELD_END.test(text.slice(at)) ? moved : moved + sep)];
  };
  const w = words(plan);
  if (task.source === 'table') {
    const { row, table } = task;
    const column = table ? table.columns.indexOf('responsible') : -1;
    const cell = row && column >= 0 ? row.cellSpans[column] : undefined;
    if (!row || !table || !cell || (table.form !== 'markdown' && table.form !== 'tsv')) return null;
    const leadCell = row.cellSpans[table.columns.indexOf('lead')];
    if (!leadCell || leads[0]!.span.start < leadCell.start || last.span.end > leadCell.end || text.slice(last.span.end, leadCell.end).trim() !== '') return null;
    if ((row.cells[column] ?? '').trim() === '') {
      const ins = emptyCell(plan, task, 'responsible');
      return ins ? [cut, insertionEdit(ins, moved)] : null;
    }
    let at = cell.start;
    while (at < cell.end && SPACE.test(text[at]!)) at++;
    return [cut, insert(at, moved + sep)];
  }
  const a = holderOf(task, leads[0]!);
  if (!a || leads.some((u) => u.span.end > a.span.end)) return null;
  const kind = kindOf(plan, a);
  if (kind === null) return null;
  const p = punct(plan);
  if (kind === 'bracket' || kind === 'paren-field' || kind === 'field') {
    if (!FIELD_END.test(text.slice(last.span.end, a.span.end))) return null;
    if (kind !== 'field') return intoField(a.span.start, a.span.end) ?? [{ span: cut.span, newText: `${a.punctuation?.separator || p.separator}${w.responsible}${a.punctuation?.colon || p.colon}${moved}` }];
    const body = task.section?.bodySpan ?? a.span;
    const lineEnd = lineEndAt(text, last.span.end);
    return intoField(body.start, body.end) ?? [cut, insert(lineEnd, `${lineBreak(text)}${indentAt(text, a.span.start)}${w.responsible}${a.punctuation?.colon || p.colon}${moved}`)];
  }
  // `A、B牵头` (and `牵头负责`): the leads word right after the list.
  const word = /^(?:牵头|牽頭)(?:负责|負責)?/.exec(text.slice(last.span.end, a.span.end));
  if (!word) return null;
  const after = a.responsible.filter((u) => u.span.start > last.span.end).sort((x, y) => x.span.start - y.span.start)[0];
  if (after) return /[，,；;][ \t\u3000]*$/.test(text.slice(last.span.end, after.span.start)) ? [cut, insert(after.span.start, moved + sep)] : null;
  if (kind !== 'paren') return null;
  return [cut, insert(last.span.end + word[0].length, `${a.punctuation?.open === '(' ? ',' : '，'}${moved}${w.shares}`)];
}

// ---------------------------------------------------------------------------------------------
// Which units and deadlines to offer

/** The plan's lead units, most often leading first (each by its most used spelling). */
export function planLeads(plan: PlanDocument): string[] {
  const tally = new Map<string, { count: number; names: Map<string, number> }>();
  for (const t of plan.tasks) {
    for (const u of t.lead) {
      const e = tally.get(u.key) ?? { count: 0, names: new Map<string, number>() };
      e.count++;
      e.names.set(u.name, (e.names.get(u.name) ?? 0) + 1);
      tally.set(u.key, e);
    }
  }
  return [...tally.values()].sort((a, b) => b.count - a.count).map((e) => [...e.names].sort((a, b) => b[1] - a[1])[0]![0]);
}

/** The choices of a "choose a unit…" snippet: the plan's lead units, then the configured list; at most `limit`. */
export function unitChoices(plan: PlanDocument, configured: readonly { name: string }[], limit = 30, leads: readonly string[] = planLeads(plan)): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of [...leads, ...configured.map((u) => u.name)]) {
    const key = unitKey(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
    if (out.length >= limit) break;
  }
  return out;
}

/** Deadlines to offer: the end of the plan's period, its first year (or mid-year), then ongoing ones. */
export function deadlineChoices(plan: PlanDocument): string[] {
  const p = plan.period;
  if (!p) return ['年底前', '长期坚持', '持续推进'];
  const second = p.start < p.end ? `${p.start}年底前` : `${p.end}年6月底前`;
  return [`${p.end}年底前`, second, '长期坚持', '持续推进'];
}

/** Character pairs of a title, for finding tasks that read alike. */
function bigrams(title: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 1 < title.length; i++) out.add(title.slice(i, i + 2));
  return [...out];
}

/** A pair shared by more tasks than this says nothing about likeness (`推进`, `工作`). */
const COMMON_PAIR = 40;

/**
 * Suggests lead units for tasks that lack one, from the plan itself: what the task's siblings (the items
 * under the same heading) are led by, what the tasks whose titles share the most character pairs with it are
 * led by, and the plan's most frequent lead. Built once per plan; tasks are found through a pair index, never
 * by comparing every pair of tasks.
 */
export class LeadAdvisor {
  private readonly index = new Map<string, number[]>();
  private readonly bySection = new Map<Section, Task>();
  /** The most frequent lead among each heading's items, found once per heading (10,000 siblings stay linear). */
  private readonly siblingLead = new Map<Section, string | undefined>();
  private readonly top: string[];
  /** The choices of "choose a unit…", the same for every task. */
  readonly choices: string[];

  constructor(
    private readonly plan: PlanDocument,
    configured: readonly { name: string }[] = [],
  ) {
    this.top = planLeads(plan);
    this.choices = unitChoices(plan, configured, 30, this.top);
    for (const t of plan.tasks) {
      if (t.section) this.bySection.set(t.section, t);
      if (t.lead.length === 0) continue;
      for (const g of bigrams(t.title)) {
        const list = this.index.get(g) ?? [];
        if (list.length <= COMMON_PAIR) list.push(t.index);
        this.index.set(g, list);
      }
    }
  }

  /** Up to `limit` units with why each is offered, none of them already one of the task's units. */
  suggest(task: Task, limit = 3): { unit: string; reason: 'siblings' | 'similar' | 'plan' }[] {
    const taken = new Set([...task.lead, ...task.responsible].map((u) => u.key));
    const out: { unit: string; reason: 'siblings' | 'similar' | 'plan' }[] = [];
    const add = (name: string | undefined, reason: 'siblings' | 'similar' | 'plan') => {
      if (!name || out.length >= limit) return;
      const key = unitKey(name);
      if (taken.has(key)) return;
      taken.add(key);
      out.push({ unit: name, reason });
    };
    const parent = task.section?.parent;
    if (parent) {
      if (!this.siblingLead.has(parent)) {
        // The task itself has no lead, so its siblings' tally is the whole heading's.
        const tally = new Map<string, { name: string; n: number }>();
        for (const s of parent.children) {
          for (const u of this.bySection.get(s)?.lead ?? []) tally.set(u.key, { name: u.name, n: (tally.get(u.key)?.n ?? 0) + 1 });
        }
        let best: { name: string; n: number } | undefined;
        for (const t of tally.values()) if (!best || t.n > best.n) best = t;
        this.siblingLead.set(parent, best?.name);
      }
      add(this.siblingLead.get(parent), 'siblings');
    }
    const hits = new Map<number, number>();
    for (const g of bigrams(task.title)) {
      const list = this.index.get(g);
      if (!list || list.length > COMMON_PAIR) continue;
      for (const i of list) if (i !== task.index) hits.set(i, (hits.get(i) ?? 0) + 1);
    }
    let best = -1;
    let bestHits = 1; // one shared pair is chance
    for (const [i, n] of hits) if (n > bestHits) [best, bestHits] = [i, n];
    if (best >= 0) add(this.plan.tasks[best]?.lead[0]?.name, 'similar');
    add(this.top[0], 'plan');
    return out;
  }
}
