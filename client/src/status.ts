// The status bar item: tasks · problems · overdue for the active plan; a click opens the preview.
import * as vscode from 'vscode';
import { t } from './i18n.js';
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
    const { tasks, problems, overdue } = table.counts;
    this.item.text = `$(checklist) ${t('{0} tasks', tasks)} · $(warning) ${problems}${overdue > 0 ? ` · $(clock) ${t('{0} overdue', overdue)}` : ''}`;
    this.item.tooltip = t('{0} tasks · {1} problems · {2} overdue', tasks, problems, overdue);
    this.item.backgroundColor = overdue > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
