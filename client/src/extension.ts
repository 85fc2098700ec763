// The VS Code extension: starts the language server, and adds the task-table preview, the tasks-by-unit view, the status bar and commands.
import * as vscode from 'vscode';
import { t } from './i18n.js';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_COMMANDS } from '../../server/src/protocol.js';
import { registerPlanDetection } from './detect.js';
import { registerDocx } from './docx.js';
import { registerExport } from './export.js';
import { TaskTablePreview } from './preview.js';
import { restartOnceSaid } from './restart.js';
import { PlanStatusBar } from './status.js';
import { TableSource } from './table-source.js';
import { createUnitTree } from './unit-tree.js';

let client: LanguageClient | undefined;

/** Activates on plan documents: starts the bundled server and wires the UI to it. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio },
  };
  let defaultErrors: ReturnType<LanguageClient['createDefaultErrorHandler']> | undefined;
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'plan' }],
    synchronize: {
      configurationSection: 'planlint',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{.planlintrc.json,.planlintrc.yaml,.planlintrc.yml,planlint.config.json}'),
    },
    initializationOptions: { displayLanguage: vscode.env.language },
    errorHandler: restartOnceSaid(() => (defaultErrors ??= client!.createDefaultErrorHandler())),
  };
  client = new LanguageClient('planlint', t('planlint language server'), serverOptions, clientOptions);

  // The commands and views exist before the server is up, so no command is ever "not found".
  const source = new TableSource(client);
  const preview = new TaskTablePreview(context, source);
  const status = new PlanStatusBar(source);
  context.subscriptions.push(
    source,
    preview,
    status,
    createUnitTree(source),
    vscode.commands.registerCommand('planlint.showTaskTable', () => preview.show()),
    vscode.commands.registerCommand('planlint.revealTask', (uri: string, line: number, character: number) => revealTask(uri, line, character)),
    vscode.commands.registerCommand('planlint.renumberSection', () => runAtCursor(SERVER_COMMANDS.renumberSection)),
    vscode.commands.registerCommand('planlint.insertAttribution', () => runAtCursor(SERVER_COMMANDS.insertAttribution)),
    vscode.commands.registerCommand('planlint.fixAll', () => runAtCursor(SERVER_COMMANDS.fixAll)),
    registerExport(source),
    registerPlanDetection(vscode),
    registerDocx(client),
    vscode.workspace.onDidOpenTextDocument(adoptPlanFiles),
    // Every view reads its strings when it draws: a new table redraws them in the new locale.
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('planlint.locale')) void source.refresh();
    }),
  );
  vscode.workspace.textDocuments.forEach(adoptPlanFiles);
  try {
    await client.start();
    void vscode.commands.executeCommand('setContext', 'planlint.active', true);
  } catch (error) {
    // The client has written the details to its output channel; the views stay empty.
    void vscode.window.showErrorMessage(t('The planlint language server did not start: {0}', error instanceof Error ? error.message : String(error)));
  }
}

/** Stops the server. */
export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** Opens a document at a position (a preview row or tree item was clicked). */
async function revealTask(uri: string, line: number, character: number): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const position = new vscode.Position(line, character);
  const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Runs a server command on the active plan at the cursor. */
async function runAtCursor(command: string): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'plan') {
    void vscode.window.showInformationMessage(t('Open a plan first.'));
    return;
  }
  const position = editor.selection.active;
  await vscode.commands.executeCommand(command, editor.document.uri.toString(), { line: position.line, character: position.character });
}

/** Files matching `planlint.files` globs are plans too. */
function adoptPlanFiles(document: vscode.TextDocument): void {
  if (document.languageId === 'plan' || document.uri.scheme !== 'file') return;
  const patterns = vscode.workspace.getConfiguration('planlint').get<string[]>('files', []);
  if (patterns.some((p) => vscode.languages.match({ pattern: p }, document) > 0)) {
    void vscode.languages.setTextDocumentLanguage(document, 'plan');
  }
}
