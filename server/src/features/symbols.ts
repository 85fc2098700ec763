// Document symbols (the outline tree: chapters → sections → tasks, table rows under their table) and workspace symbols (tasks across plans).
import type { Locale } from '../lint/types.js';
import type { PlanDocument, Range, Section, Table, Task } from '../model/types.js';
import { contains, type IndexedPlan, type IndexedTask } from './workspace-index.js';

/** What a symbol stands for; the server maps these to LSP symbol kinds. */
export type PlanSymbolKind = 'title' | 'chapter' | 'heading' | 'task' | 'item' | 'table' | 'row';

/** One node of the outline. `selectionRange` always lies within `range`. */
export interface PlanSymbol {
  name: string;
  detail: string;
  kind: PlanSymbolKind;
  range: Range;
  selectionRange: Range;
  children: PlanSymbol[];
}

/** `牵头：A、B；时限：2021年底前` (`↑` marks what is inherited from a heading). */
export function taskDetail(task: Task, locale: Locale): string {
  const lead = task.lead.length > 0 ? task.lead.map((u) => u.name).join('、') + (task.inherited.lead ? '↑' : '') : '—';
  const deadline = task.deadline ? task.deadline.text + (task.inherited.deadline ? '↑' : '') : '—';
  return locale === 'en' ? `lead: ${lead}; deadline: ${deadline}` : `牵头：${lead}；时限：${deadline}`;
}

function nonEmpty(name: string, fallback: string): string {
  const n = name.replace(/\s+/g, ' ').trim();
  return n.length > 0 ? n : fallback;
}

function clampSelection(range: Range, selection: Range): Range {
  return contains(range, selection) ? selection : { start: range.start, end: range.start };
}

/** The outline of a plan: its title, its section tree, then each task table with its rows. */
export function documentSymbols(plan: PlanDocument, locale: Locale = 'zh-CN'): PlanSymbol[] {
  const taskOf = new Map<Section, Task>();
  for (const task of plan.tasks) if (task.section) taskOf.set(task.section, task);
  const out: PlanSymbol[] = [];
  if (plan.title && plan.titleRange) {
    out.push({ name: plan.title, detail: plan.period ? periodText(plan, locale) : '', kind: 'title', range: plan.titleRange, selectionRange: plan.titleRange, children: [] });
  }
  const walk = (section: Section): PlanSymbol => {
    const task = taskOf.get(section);
    const kind: PlanSymbolKind = task ? 'task' : section.marker.level === 1 ? 'chapter' : section.children.length > 0 ? 'heading' : 'item';
    const selection = plan.lines.rangeOf({ start: section.marker.span.start, end: Math.max(section.titleSpan.end, section.marker.span.end) });
    const detail = task ? taskDetail(task, locale) : section.nonTask ? (locale === 'en' ? '(no tasks)' : '〔非任务〕') : '';
    return {
      name: nonEmpty(`${section.marker.text}${section.title}`, section.marker.text || '—'),
      detail,
      kind,
      range: section.range,
      selectionRange: clampSelection(section.range, selection),
      children: section.children.map(walk),
    };
  };
  for (const section of plan.sections) out.push(walk(section));
  for (const table of plan.tables) {
    if (table.rows.length === 0) continue;
    out.push(tableSymbol(plan, table, locale));
  }
  return out;
}

function periodText(plan: PlanDocument, locale: Locale): string {
  const p = plan.period!;
  const years = p.start === p.end ? `${p.start}` : `${p.start}—${p.end}`;
  return locale === 'en' ? `period ${years}` : `${years}年`;
}

function tableSymbol(plan: PlanDocument, table: Table, locale: Locale): PlanSymbol {
  const headerEnd = Math.min(table.span.end, lineEnd(plan.text, table.span.start));
  const selection = plan.lines.rangeOf({ start: table.span.start, end: headerEnd });
  const rows = plan.tasks.filter((t) => t.table === table);
  const children = rows.map((task): PlanSymbol => {
    const range = task.range;
    return {
      name: nonEmpty(`${task.number} ${task.title}`, task.number || '—'),
      detail: taskDetail(task, locale),
      kind: 'row',
      range,
      selectionRange: clampSelection(range, task.titleRange),
      children: [],
    };
  });
  return {
    name: locale === 'en' ? `Task table (${rows.length} rows)` : `任务分解表（${rows.length} 项）`,
    detail: table.header.join(' | '),
    kind: 'table',
    range: table.range,
    selectionRange: clampSelection(table.range, selection),
    children,
  };
}

function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

// ---------------------------------------------------------------------------------------------
// Workspace symbols

/** A task found by a workspace symbol query. */
export interface TaskSymbol {
  uri: string;
  name: string;
  /** The plan's title. */
  container: string;
  range: Range;
  selectionRange: Range;
  score: number;
}

function fold(s: string): string {
  return s.replace(/\s+/g, '').toLowerCase();
}

/** 0 no match; higher is better: whole substring > in order with gaps. */
function score(haystack: string, query: string): number {
  if (query === '') return 1;
  const at = haystack.indexOf(query);
  if (at >= 0) return 3 + (at === 0 ? 1 : 0);
  let i = 0;
  for (let k = 0; k < haystack.length && i < query.length; k++) if (haystack[k] === query[i]) i++;
  return i === query.length ? 2 : 0;
}

function taskName(t: IndexedTask): string {
  return `${t.number} ${t.title}`.trim() || t.number || '—';
}

/**
 * Tasks across plans whose number, title or units match `query` (a substring, or its characters in
 * order), best first, at most `limit`. `cancelled` is polled so that a long query can stop.
 */
export function workspaceSymbols(plans: Iterable<IndexedPlan>, query: string, limit = 500, cancelled: () => boolean = () => false): TaskSymbol[] {
  const q = fold(query);
  const found: TaskSymbol[] = [];
  let n = 0;
  for (const plan of plans) {
    if ((++n & 63) === 0 && cancelled()) break;
    for (const t of plan.tasks) {
      const name = taskName(t);
      const s = Math.max(score(fold(name), q), q === '' ? 0 : score(fold([...t.lead, ...t.responsible].join(' ')), q) - 1);
      if (s <= 0) continue;
      found.push({ uri: plan.uri, name, container: plan.title, range: t.range, selectionRange: t.selectionRange, score: s });
    }
  }
  found.sort((a, b) => b.score - a.score || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line));
  return found.slice(0, limit);
}
