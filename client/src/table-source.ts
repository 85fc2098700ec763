// Fetches the task table of the active plan from the server and tells the views when it changes (debounced).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TASK_TABLE_REQUEST, type TaskTableParams, type TaskTableResult } from '../../server/src/protocol.js';

/** The current plan's table, shared by the preview, the tree view and the status bar. */
export class TableSource implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TaskTableResult | null>();
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private current: TaskTableResult | null = null;
  private documentUri: string | null = null;

  /** Fires with the new table (or null when no plan is active). */
  readonly onDidChange = this.emitter.event;

  constructor(readonly client: LanguageClient) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.documentUri) this.schedule(150);
      }),
      vscode.languages.onDidChangeDiagnostics(() => this.schedule(50)),
    );
    this.schedule(0);
  }

  /** The last table fetched. */
  get table(): TaskTableResult | null {
    return this.current;
  }

  /** The plan the table belongs to (stays on the last plan while a preview has focus). */
  get uri(): string | null {
    return this.documentUri;
  }

  /** Fetches now. */
  async refresh(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (editor && editor.document.languageId === 'plan') this.documentUri = editor.document.uri.toString();
    if (this.documentUri === null) {
      this.publish(null);
      return;
    }
    try {
      const params: TaskTableParams = { uri: this.documentUri };
      const result = await this.client.sendRequest<TaskTableResult | null>(TASK_TABLE_REQUEST, params);
      this.publish(result);
    } catch {
      // The server answers empty on errors; a failed request (server restarting) leaves the last table.
    }
  }

  private publish(table: TaskTableResult | null): void {
    this.current = table;
    this.emitter.fire(table);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.emitter.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
