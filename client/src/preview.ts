// The task-table preview: a webview beside the plan, updated as you type. Strict CSP; document text is sent as data.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { effectiveLocale, t } from './i18n.js';
import type { TaskTableResult } from '../../server/src/protocol.js';
import type { TableSource } from './table-source.js';
import type { FromWebview, Labels, ToWebview } from './webview/preview.js';

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
    const dist = vscode.Uri.joinPath(this.context.extensionUri, 'dist');
    this.panel = vscode.window.createWebviewPanel('planlint.taskTable', t('Task table'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [media, dist],
      retainContextWhenHidden: true,
    });
    this.panel.webview.html = this.html(this.panel.webview, media, dist);
    this.panel.webview.onDidReceiveMessage((message: FromWebview) => this.receive(message));
    this.panel.onDidDispose(() => (this.panel = undefined));
    void this.source.refresh();
  }

  private receive(message: FromWebview): void {
    const uri = this.source.uri;
    if (message.type === 'ready') this.post(this.source.table);
    else if (message.type === 'reveal' && uri) void vscode.commands.executeCommand('planlint.revealTask', uri, message.line, message.character);
    else if (message.type === 'export') {
      // The preview's filters and its problems column go with the export: what is shown is what is written.
      void vscode.commands.executeCommand('planlint.exportTable', message.format, { filter: message.filter, problems: message.problems === true });
    }
  }

  private post(table: TaskTableResult | null): void {
    if (!this.panel) return;
    if (table) this.panel.title = `${t('Task table')} · ${table.title || t('Plan')}`;
    const message: ToWebview = { type: 'table', table, labels: labels() };
    void this.panel.webview.postMessage(message);
  }

  private html(webview: vscode.Webview, media: vscode.Uri, dist: vscode.Uri): string {
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'preview.js'));
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
<section id="table-view"><table id="tasks"><thead></thead><tbody></tbody></table></section>
<section id="timeline-view" hidden><div id="timeline"></div></section>
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
function labels(): Labels {
  return {
    locale: effectiveLocale(),
    viewTable: t('Table'),
    viewTimeline: t('Timeline'),
    number: t('No.'),
    task: t('Task'),
    lead: t('Lead units'),
    responsible: t('Responsible units'),
    deadline: t('Deadline'),
    problems: t('Problems'),
    problemsColumn: t('Problems column'),
    unitFilter: t('Tasks a unit leads or takes part in'),
    allUnits: t('All units'),
    allRows: t('All tasks'),
    withProblems: t('Tasks with problems'),
    withoutLead: t('Tasks without a lead unit'),
    withoutDeadline: t('Tasks without a deadline'),
    withOngoing: t('Ongoing tasks'),
    overdueTasks: t('Overdue tasks'),
    overdue: t('Overdue'),
    due: t('Due'),
    export: t('Export'),
    exportHint: t('Exports the tasks shown, with the filters above'),
    summary: t('{0} tasks · {1} problems · {2} overdue'),
    showing: t('showing {0}'),
    noMatch: t('No task matches the filters.'),
    timeline: t('Deadlines by lead unit'),
    today: t('Today'),
    period: t('Plan period'),
    spanKey: t('Span'),
    countMissing: t('{0} without a deadline'),
    countOngoing: t('{0} ongoing'),
    countUndated: t('{0} without a year'),
    showInTable: t('Show them in the table'),
    nothingToDraw: t('No task shown has a dated deadline.'),
    clickToReveal: t('Click to go to the task'),
    noPlan: t('Open a plan to see its task table.'),
    noLead: t('(no lead unit)'),
    inherited: t('inherited'),
  };
}
