// The status bar item: how many tasks the active plan has and how many lack a lead unit (VS Code counts the problems); a click opens the preview.
import * as vscode from 'vscode';
import { t, tn } from './i18n.js';
import type { TaskTableResult } from '../../server/src/protocol.js';
import type { TableSource } from './table-source.js';

export class PlanStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('planlint.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;

  constructor(source: TableSource) {
    this.item.name = 'planlint';
    this.item.command = 'planlint.showTaskTable';
    this.subscription = source.onDidChange((table) => this.update(table));
  }

  private update(table: TaskTableResult | null): void {
    const editor = vscode.window.activeTextEditor;
    if (!table || !editor || editor.document.languageId !== 'plan') {
      this.item.hide();
      return;
    }
    const tasks = table.rows.length;
    const noLead = table.rows.filter((r) => r.lead.length === 0).length;
    const noDeadline = table.rows.filter((r) => r.deadline === null).length;
    this.item.text = `$(checklist) ${tn(tasks, '{0} task', '{0} tasks')}${noLead > 0 ? ` · ${t('{0} without a lead unit', noLead)}` : ''}`;
    this.item.tooltip = [
      t('Tasks: {0}', tasks),
      t('Without a lead unit: {0}', noLead),
      t('Without a deadline: {0}', noDeadline),
      t('Overdue: {0}', table.counts.overdue),
      t('Click to show the task table.'),
    ].join('\n');
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
