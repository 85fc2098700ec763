// The task-table preview: a webview beside the plan, updated as you type. Strict CSP; document text is sent as data.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { t } from './i18n.js';
import type { TaskTableResult } from '../../server/src/protocol.js';
import type { TableSource } from './table-source.js';

/** Messages the webview sends. */
type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; line: number; character: number }
  | { type: 'export'; format: 'csv' | 'md' | 'xlsx' };

/** One preview panel at a time, reused. */
export class TaskTablePreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly context: vscode.ExtensionContext, private readonly source: TableSource) {
    this.subscription = source.onDidChange((table) => this.post(table));
  }

  /** Opens (or reveals) the preview beside the active editor. */
  show(): void {
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
      void this.source.refresh();
      return;
    }
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'client', 'media');
    this.panel = vscode.window.createWebviewPanel('planlint.taskTable', t('Task table'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [media],
      retainContextWhenHidden: true,
    });
    this.panel.webview.html = this.html(this.panel.webview, media);
    this.panel.webview.onDidReceiveMessage((message: FromWebview) => this.receive(message));
    this.panel.onDidDispose(() => (this.panel = undefined));
    void this.source.refresh();
  }

  private receive(message: FromWebview): void {
    const uri = this.source.uri;
    if (message.type === 'ready') this.post(this.source.table);
    else if (message.type === 'reveal' && uri) void vscode.commands.executeCommand('planlint.revealTask', uri, message.line, message.character);
    else if (message.type === 'export') void vscode.commands.executeCommand('planlint.exportTable', message.format);
  }

  private post(table: TaskTableResult | null): void {
    if (!this.panel) return;
    if (table) this.panel.title = `${t('Task table')} · ${table.title || t('Plan')}`;
    void this.panel.webview.postMessage({ type: 'table', table, labels: labels(), today: new Date().toISOString().slice(0, 10) });
  }

  private html(webview: vscode.Webview, media: vscode.Uri): string {
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
      `img-src ${webview.cspSource}`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>planlint</title>
</head>
<body>
<div id="toolbar"></div>
<div id="summary"></div>
<table id="tasks"><thead></thead><tbody></tbody></table>
<div id="timeline"></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }
}

/** Every label the webview shows, localised here (the webview has no l10n of its own). */
function labels(): Record<string, string> {
  
  return {
    number: t('No.'),
    task: t('Task'),
    lead: t('Lead units'),
    responsible: t('Responsible units'),
    deadline: t('Deadline'),
    problems: t('Problems'),
    allUnits: t('All units'),
    allRows: t('All tasks'),
    withProblems: t('Tasks with problems'),
    withoutLead: t('Tasks without a lead unit'),
    withoutDeadline: t('Tasks without a deadline'),
    overdue: t('Overdue'),
    ongoing: t('Ongoing'),
    exportCsv: t('Export CSV'),
    exportXlsx: t('Export XLSX'),
    exportMd: t('Export Markdown'),
    summary: t('{0} tasks · {1} problems · {2} overdue'),
    timeline: t('Deadlines by lead unit'),
    noPlan: t('Open a plan to see its task table.'),
    noLead: t('(no lead unit)'),
    inherited: t('inherited'),
  };
}
