// Attribution templates written in a document's own style (brackets, colon, separator), for fixes and completion.
import { perDocument } from '../model/remember.js';
import type { PlanDocument, Task } from '../model/types.js';
import type { TextEdit } from './types.js';

type BracketStyle = { open: string; close: string; colon: string; separator: string };

/** The punctuation a plan uses for bracket attributions: its first one, else what its text leans to (found once per plan: every task without an attribution asks for it, and finding it reads every section). */
export const attributionStyle = perDocument(findAttributionStyle);

function findAttributionStyle(plan: PlanDocument): BracketStyle {
  for (const section of plan.allSections) {
    for (const a of section.attributions) {
      if (a.style === 'bracket' && a.punctuation) return { ...a.punctuation, close: a.punctuation.close || (a.punctuation.open === '[' ? ']' : '】') };
    }
  }
  const sample = plan.text.slice(0, 20000);
  const full = (sample.match(/[：；，（]/g) ?? []).length;
  const half = (sample.match(/[:;,(]/g) ?? []).length;
  return full >= half ? { open: '【', close: '】', colon: '：', separator: '；' } : { open: '[', close: ']', colon: ':', separator: ';' };
}

/** `[牵头单位:;责任单位:;完成时限:]` in the plan's style. */
export function attributionTemplate(plan: PlanDocument): string {
  const s = attributionStyle(plan);
  return `${s.open}牵头单位${s.colon}${s.separator}责任单位${s.colon}${s.separator}完成时限${s.colon}${s.close}`;
}

/** Where a task's attribution goes: the end of its first paragraph (before trailing spaces). */
export function attributionInsertOffset(plan: PlanDocument, task: Task): number {
  let end = task.section ? firstParagraphEnd(plan, task.section.bodySpan.start, task.section.bodySpan.end) : task.span.end;
  while (end > task.span.start && /[\s\u3000\u00a0]/.test(plan.text[end - 1]!)) end--;
  return end;
}

function firstParagraphEnd(plan: PlanDocument, start: number, end: number): number {
  const nl = plan.text.slice(start, end).search(/[\r\n]/);
  return nl < 0 ? end : start + nl;
}

/** The edit that inserts a template attribution for `task`. */
export function insertTemplateEdit(plan: PlanDocument, task: Task): TextEdit {
  const at = attributionInsertOffset(plan, task);
  return { span: { start: at, end: at }, newText: attributionTemplate(plan) };
}

/** How a message names a task: `2.做好政策解读…` in the body, `2 开展政策解读` for a table row (at most 20 characters of title). */
export function taskLabel(task: Task): string {
  const title = task.title.length > 20 ? task.title.slice(0, 20) + '…' : task.title;
  // A table's number and a record's number field (`任务编号：4`) stand apart from the title; a marker is glued to it.
  const apart = task.source === 'table' || task.section?.marker.style === 'field';
  // A table row with no number (it continues the row above) is named by its title alone.
  return apart ? (task.number.trim() === '' ? title : `${task.number} ${title}`) : `${task.number}${title}`;
}
