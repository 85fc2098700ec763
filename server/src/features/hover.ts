// Hover: on a unit, its canonical name, aliases and the tasks it leads and joins; on a task marker, the task's attribution and normalised deadline.
import type { Locale } from '../lint/types.js';
import { describeKind } from '../model/kind-words.js';
import type { Deadline, PlanDocument, Span, Task, UnitMention } from '../model/types.js';
import { sameUnitKeys, unitMentionAt } from './references.js';
import type { UnitCatalog, UnitUsage } from './workspace-index.js';

/** What a hover needs besides the plan. */
export interface HoverOptions {
  locale: Locale;
  /** Today, ISO `YYYY-MM-DD`, for days left or overdue. */
  today: string;
  catalog: UnitCatalog;
  /** Usage across the workspace, to say where else a unit appears. */
  usage?: ReadonlyMap<string, UnitUsage>;
  /** `planKey` of this plan (its mentions are not "elsewhere"). */
  docKey?: string;
}

/** Markdown to show and the text it is about. */
export interface PlanHover {
  markdown: string;
  span: Span;
}

/** At most this many tasks are listed per role. */
const MAX_TASKS = 15;

/** The hover at `offset`, or null when the cursor is on neither a unit nor a task marker. */
export function hoverAt(plan: PlanDocument, offset: number, opts: HoverOptions): PlanHover | null {
  const unit = unitMentionAt(plan, offset);
  if (unit) return { markdown: unitHover(plan, unit, opts), span: unit.span };
  const task = taskAtMarker(plan, offset);
  if (task) return { markdown: taskHover(task.task, opts), span: task.span };
  return titleHover(plan, offset, opts);
}

/** On the title: what the document was read as, and why (a report or another kind of document has no tasks). */
function titleHover(plan: PlanDocument, offset: number, opts: HoverOptions): PlanHover | null {
  if (plan.titleRange === null) return null;
  const span = { start: plan.lines.offsetAt(plan.titleRange.start), end: plan.lines.offsetAt(plan.titleRange.end) };
  if (offset < span.start || offset > span.end) return null;
  const tasks = opts.locale === 'en' ? `${plan.tasks.length} task(s)` : `${plan.tasks.length} 项任务`;
  return { markdown: `**${escapeMarkdown(plan.title)}**\n\n${escapeMarkdown(describeKind(plan.kindDecision, opts.locale))}\n\n${tasks}`, span };
}

/** The task whose marker (or table 序号 cell) holds `offset`. */
export function taskAtMarker(plan: PlanDocument, offset: number): { task: Task; span: Span } | null {
  for (const task of plan.tasks) {
    if (task.section) {
      const m = task.section.marker.span;
      if (offset >= m.start && offset <= m.end) return { task, span: m };
      if (m.start > offset) break;
    } else if (task.row && task.table) {
      const col = Math.max(0, task.table.columns.indexOf('number'));
      const span = task.row.cellSpans[col];
      if (span && offset >= span.start && offset <= span.end && span.end > span.start) return { task, span };
    }
  }
  return null;
}

/** Escapes text for Markdown so that a title or unit name shows as written. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => '\\' + c).replace(/\r?\n|\r/g, ' ');
}

function taskLabel(task: Task): string {
  return `${task.number} ${task.title}`.trim();
}

function unitHover(plan: PlanDocument, unit: UnitMention, opts: HoverOptions): string {
  const en = opts.locale === 'en';
  const keys = sameUnitKeys(unit.key, opts.catalog);
  const entry = opts.catalog.byKey.get(unit.key);
  const spellings = new Map<string, number>();
  for (const u of plan.units) if (keys.has(u.key)) spellings.set(u.name, (spellings.get(u.name) ?? 0) + 1);
  let canonical = entry?.name ?? unit.name;
  if (!entry) {
    let best = 0;
    for (const [name, n] of spellings) if (n > best) [canonical, best] = [name, n];
  }
  const aliases = new Set<string>(entry?.aliases ?? []);
  for (const name of spellings.keys()) aliases.add(name);
  let elsewhere = 0;
  const otherPlans = new Set<string>();
  for (const k of keys) {
    const u = opts.usage?.get(k);
    if (!u) continue;
    for (const name of u.names.keys()) aliases.add(name);
    for (const [file, n] of u.files) {
      if (file === opts.docKey) continue;
      otherPlans.add(file);
      elsewhere += n;
    }
  }
  aliases.delete(canonical);

  const leads = plan.tasks.filter((t) => t.lead.some((u) => keys.has(u.key)));
  const joins = plan.tasks.filter((t) => t.responsible.some((u) => keys.has(u.key)));
  const lines: string[] = [`**${escapeMarkdown(canonical)}**${entry ? (en ? ' (unit list)' : '（单位名单）') : ''}`, ''];
  if (aliases.size > 0) lines.push(`${en ? 'Also written' : '别名或其他写法'}: ${[...aliases].map(escapeMarkdown).join(en ? ', ' : '、')}`, '');
  const list = (title: string, tasks: Task[]) => {
    lines.push(title);
    for (const t of tasks.slice(0, MAX_TASKS)) lines.push(`- ${escapeMarkdown(taskLabel(t))}${en ? ` (line ${t.range.start.line + 1})` : `（第 ${t.range.start.line + 1} 行）`}`);
    if (tasks.length > MAX_TASKS) lines.push(`- ${en ? `… and ${tasks.length - MAX_TASKS} more` : `……另有 ${tasks.length - MAX_TASKS} 项`}`);
    lines.push('');
  };
  if (leads.length > 0) list(en ? `Leads ${leads.length} task(s):` : `牵头 ${leads.length} 项任务：`, leads);
  if (joins.length > 0) list(en ? `Takes part in ${joins.length} task(s):` : `参与 ${joins.length} 项任务：`, joins);
  if (leads.length === 0 && joins.length === 0) lines.push(en ? 'No task of this plan names it.' : '本方案没有任务列出该单位。', '');
  if (otherPlans.size > 0) lines.push(en ? `Mentioned ${elsewhere} time(s) in ${otherPlans.size} other plan(s).` : `其他 ${otherPlans.size} 个方案中出现 ${elsewhere} 次。`);
  return lines.join('\n').trimEnd();
}

function taskHover(task: Task, opts: HoverOptions): string {
  const en = opts.locale === 'en';
  // Where an inherited value was written: a heading above the task, the row above in a table (a merged cell, `同上`), or
  // elsewhere above (an item's `同上` or `下同`, a statement for every task).
  const from = (span: Span | undefined): string =>
    task.source === 'table'
      ? en ? ' (from the row above)' : '（沿用上一行）'
      : span !== undefined && inHeadingAbove(task, span)
        ? en ? ' (inherited from its heading)' : '（继承自上级）'
        : en ? ' (carried from above)' : '（沿用上文）';
  const units = (list: UnitMention[], inherited: boolean) =>
    list.length === 0 ? (en ? '—' : '无') : list.map((u) => escapeMarkdown(u.name)).join(en ? ', ' : '、') + (inherited ? from(list[0]!.span) : '');
  const lines = [
    `**${en ? 'Task' : '任务'} ${escapeMarkdown(task.number)}** ${escapeMarkdown(task.title)}`,
    '',
    `${en ? 'Lead' : '牵头单位'}: ${units(task.lead, task.inherited.lead)}  `,
    `${en ? 'Responsible' : '责任单位'}: ${units(task.responsible, task.inherited.responsible)}  `,
    `${en ? 'Deadline' : '完成时限'}: ${task.deadline ? deadlineText(task.deadline, opts) + (task.inherited.deadline ? from(task.deadline.span) : '') : en ? 'none' : '未写明'}`,
  ];
  return lines.join('\n');
}

/** Was `span` written in the own text of a section above `task` (a heading's line and the paragraphs under it before its items)? */
function inHeadingAbove(task: Task, span: Span): boolean {
  for (let up = task.section?.parent ?? null; up !== null; up = up.parent) {
    const own = up.bodySpan ?? up.span;
    if (span.start >= own.start && span.end <= own.end) return true;
  }
  return false;
}

/** `2021年底前 → 2021-12-31（还剩 30 天）`: the deadline as written, normalised, and how far off it is. */
export function deadlineText(d: Deadline, opts: Pick<HoverOptions, 'locale' | 'today'>): string {
  const en = opts.locale === 'en';
  let s = escapeMarkdown(d.text);
  if (d.ongoing) return s + (en ? ' → ongoing, no end date' : ' → 长期/持续，无截止日期');
  if (d.invalid) s += en ? ` (invalid: ${escapeMarkdown(d.invalid)})` : `（无效：${escapeMarkdown(d.invalid)}）`;
  if (d.end === null) return s + (en ? ' → date unknown' : ' → 无法确定日期');
  s += ` → ${d.start ? `${d.start} — ` : ''}${d.end}`;
  const notes: string[] = [];
  if (d.recurring) notes.push(en ? 'every year; first occurrence' : '每年重复，此为首次');
  if (d.yearInferred) notes.push(en ? 'year taken from the plan' : '年份据方案推定');
  if (d.damaged) notes.push(en ? 'damaged date, best reading' : '原文日期有损，按此理解');
  // A recurring deadline comes round again: neither days left to its first occurrence nor overdue.
  const days = d.recurring ? null : daysBetween(opts.today, d.end);
  if (days !== null) {
    if (days > 0) notes.push(en ? `${days} day(s) left` : `还剩 ${days} 天`);
    else if (days === 0) notes.push(en ? 'due today' : '今天到期');
    else notes.push(en ? `overdue by ${-days} day(s)` : `已逾期 ${-days} 天`);
  }
  if (notes.length > 0) s += en ? ` (${notes.join('; ')})` : `（${notes.join('；')}）`;
  return s;
}

function isoDay(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? t / 86400000 : null;
}

/** Whole days from `from` to `to` (ISO dates), or null when either is not a date. */
export function daysBetween(from: string, to: string): number | null {
  const a = isoDay(from);
  const b = isoDay(to);
  return a === null || b === null ? null : Math.round(b - a);
}
