// The "tasks by unit" view in the explorer: each unit with the tasks it leads (牵头) or is responsible for (责任), the tasks
// without a lead unit under a node of their own, and the number of tasks with problems as the view's badge.
import * as vscode from 'vscode';
import { t, tn } from './i18n.js';
import type { PreviewRow, TaskTableResult } from '../../server/src/protocol.js';
import type { TableSource } from './table-source.js';

/** A unit's part in a task; `none` for the tasks listed under "no lead unit". */
type Role = 'lead' | 'responsible' | 'none';
type TaskNode = { kind: 'task'; row: PreviewRow; role: Role };
type GroupNode = { kind: 'unit' | 'noLead'; name: string; tasks: TaskNode[] };
type Node = GroupNode | TaskNode;

const ROLE_ICONS: Record<Role, string> = { lead: 'star-full', responsible: 'person', none: 'circle-large-outline' };

/** Creates the view `planlint.tasksByUnit` over the active plan's table. */
export function createUnitTree(source: TableSource): vscode.Disposable {
  const provider = new UnitTreeProvider(source);
  const view = vscode.window.createTreeView('planlint.tasksByUnit', { treeDataProvider: provider, showCollapseAll: true });
  const update = (table: TaskTableResult | null) => {
    provider.update(table);
    const withProblems = table ? table.rows.filter((r) => r.problems.length > 0).length : 0;
    view.badge = withProblems > 0 ? { value: withProblems, tooltip: tn(withProblems, '{0} task with problems', '{0} tasks with problems') } : undefined;
    view.message = table ? undefined : t('Open a plan to see its tasks by unit.');
  };
  update(source.table);
  const subscription = source.onDidChange(update);
  return vscode.Disposable.from(subscription, view, provider);
}

export class UnitTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private groups: GroupNode[] = [];

  constructor(private readonly source: TableSource) {}

  /** Regroups the tasks (labels are made in getTreeItem, so a locale change only needs this to fire). */
  update(table: TaskTableResult | null): void {
    this.groups = group(table);
    this.emitter.fire();
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.groups;
    return node.kind === 'task' ? [] : node.tasks;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind !== 'task') {
      const noLead = node.kind === 'noLead';
      const item = new vscode.TreeItem(noLead ? t('(no lead unit)') : node.name, noLead ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.description = noLead ? tn(node.tasks.length, '{0} task', '{0} tasks') : roleCounts(node.tasks);
      item.iconPath = new vscode.ThemeIcon(noLead ? 'question' : 'organization');
      item.contextValue = node.kind;
      return item;
    }
    const { row, role } = node;
    const item = new vscode.TreeItem(taskLabel(row), vscode.TreeItemCollapsibleState.None);
    const problems = row.problems.length > 0 ? tn(row.problems.length, '{0} problem', '{0} problems') : '';
    item.description = [role === 'lead' ? t('lead') : role === 'responsible' ? t('responsible') : '', row.deadline?.text ?? '', problems].filter(Boolean).join(' · ');
    item.tooltip = [taskLabel(row), ...row.problems.map((p) => p.message)].join('\n');
    item.iconPath = new vscode.ThemeIcon(ROLE_ICONS[role]);
    item.contextValue = 'task';
    const uri = this.source.uri;
    if (uri) item.command = { title: t('Reveal task'), command: 'planlint.revealTask', arguments: [uri, row.range.start.line, row.range.start.character] };
    return item;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/** Number and title as a plan writes them: `(一)完善…`, `12、规范…`, `3. 深化…` (a space only after an ASCII marker). */
function taskLabel(row: PreviewRow): string {
  if (!row.number) return row.title;
  return /[\x21-\x7e]$/.test(row.number) ? `${row.number} ${row.title}` : `${row.number}${row.title}`;
}

/** "leads 3 · responsible for 2" in the UI's words, leaving out a role the unit does not have. */
function roleCounts(tasks: readonly TaskNode[]): string {
  const lead = tasks.filter((n) => n.role === 'lead').length;
  const responsible = tasks.length - lead;
  return [lead > 0 ? t('leads {0}', lead) : '', responsible > 0 ? t('responsible for {0}', responsible) : ''].filter(Boolean).join(' · ');
}

/**
 * The tasks without a lead unit first, then each unit with the tasks it leads and then those it is responsible for (in
 * document order), the units that lead most first; a unit that leads a task is not also listed as responsible for it.
 */
function group(table: TaskTableResult | null): GroupNode[] {
  if (!table) return [];
  const byUnit = new Map<string, TaskNode[]>();
  const add = (name: string, row: PreviewRow, role: Role) => {
    const list = byUnit.get(name) ?? [];
    if (!list.some((n) => n.row === row)) list.push({ kind: 'task', row, role });
    byUnit.set(name, list);
  };
  const noLead: TaskNode[] = [];
  for (const row of table.rows) {
    if (row.lead.length === 0) noLead.push({ kind: 'task', row, role: 'none' });
    row.lead.forEach((u) => add(u, row, 'lead'));
    row.responsible.forEach((u) => add(u, row, 'responsible'));
  }
  const leads = (tasks: TaskNode[]) => tasks.filter((n) => n.role === 'lead').length;
  const units = [...byUnit.entries()]
    .sort((a, b) => leads(b[1]) - leads(a[1]) || b[1].length - a[1].length || a[0].localeCompare(b[0], 'zh-CN'))
    .map(([name, tasks]): GroupNode => ({ kind: 'unit', name, tasks: [...tasks.filter((n) => n.role === 'lead'), ...tasks.filter((n) => n.role !== 'lead')] }));
  return noLead.length > 0 ? [{ kind: 'noLead', name: '', tasks: noLead }, ...units] : units;
}
