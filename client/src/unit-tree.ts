// The "tasks by unit" view in the explorer: each unit with the tasks it leads or joins, a count and a problems badge.
import * as vscode from 'vscode';
import { t } from './i18n.js';
import type { PreviewRow, TaskTableResult } from '../../server/src/protocol.js';
import type { TableSource } from './table-source.js';

type Node = { kind: 'unit'; name: string; rows: { row: PreviewRow; role: 'lead' | 'responsible' }[] } | { kind: 'task'; row: PreviewRow; role: 'lead' | 'responsible' };

export class UnitTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private units: Node[] = [];

  constructor(private readonly source: TableSource) {
    source.onDidChange((table) => {
      this.units = group(table);
      this.emitter.fire();
    });
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.units;
    return node.kind === 'unit' ? node.rows.map((r) => ({ kind: 'task', row: r.row, role: r.role })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'unit') {
      const problems = node.rows.filter((r) => r.row.problems.length > 0).length;
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = t('{0} tasks', node.rows.length) + (problems > 0 ? ` · ${t('{0} with problems', problems)}` : '');
      item.iconPath = new vscode.ThemeIcon(problems > 0 ? 'warning' : 'organization');
      item.contextValue = 'unit';
      return item;
    }
    const { row } = node;
    const item = new vscode.TreeItem(`${row.number} ${row.title}`, vscode.TreeItemCollapsibleState.None);
    item.description = [node.role === 'lead' ? t('lead') : t('takes part'), row.deadline?.text ?? ''].filter(Boolean).join(' · ');
    item.tooltip = row.problems.map((p) => p.message).join('\n') || undefined;
    item.iconPath = new vscode.ThemeIcon(row.problems.length > 0 ? 'warning' : node.role === 'lead' ? 'star-full' : 'circle-outline');
    const uri = this.source.uri;
    if (uri) item.command = { title: t('Reveal task'), command: 'planlint.revealTask', arguments: [uri, row.range.start.line, row.range.start.character] };
    return item;
  }
}

/** Unit → rows, most tasks first; tasks without a lead unit gather under a node of their own. */
function group(table: TaskTableResult | null): Node[] {
  if (!table) return [];
  const byUnit = new Map<string, { row: PreviewRow; role: 'lead' | 'responsible' }[]>();
  const add = (name: string, row: PreviewRow, role: 'lead' | 'responsible') => {
    const list = byUnit.get(name) ?? [];
    if (!list.some((r) => r.row === row)) list.push({ row, role });
    byUnit.set(name, list);
  };
  const noLead = t('(no lead unit)');
  for (const row of table.rows) {
    if (row.lead.length === 0) add(noLead, row, 'lead');
    row.lead.forEach((u) => add(u, row, 'lead'));
    row.responsible.forEach((u) => add(u, row, 'responsible'));
  }
  return [...byUnit.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0], 'zh-CN'))
    .map(([name, rows]) => ({ kind: 'unit', name, rows }));
}
