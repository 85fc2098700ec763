// Word documents in VS Code: a .docx opens as its extracted text, a read-only plan document (`planlint-docx:` scheme) with every plan feature.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DOCX_SCHEME, DOCX_TEXT_REQUEST, type DocxTextParams, type DocxTextResult } from '../../server/src/protocol.js';
import { effectiveLocale } from './i18n.js';

/** The custom editor that redirects a .docx to its text view (package.json `customEditors`). */
const VIEW_TYPE = 'planlint.docx';

const chinese = (): boolean => effectiveLocale() === 'zh-CN';

const say = (zh: string, en: string): string => (chinese() ? zh : en);

/**
 * The text of Word documents, asked of the language server (which reads the file), for URIs
 * `planlint-docx:/path/方案.docx`. Read-only: VS Code gives a content provider's documents no save.
 */
class DocxContentProvider implements vscode.TextDocumentContentProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  /** The last notes and errors per document, shown once when it is opened. */
  readonly notes = new Map<string, string[]>();

  constructor(private readonly client: LanguageClient) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const params: DocxTextParams = { uri: uri.toString() };
    const result = await this.client.sendRequest<DocxTextResult | null>(DOCX_TEXT_REQUEST, params);
    if (!result) return '';
    if (result.error !== undefined) {
      void vscode.window.showErrorMessage(`planlint: ${uri.path.replace(/^.*\//, '')}: ${result.error}`);
      return '';
    }
    this.notes.set(uri.toString(), result.notes);
    return result.text;
  }

  /** The .docx changed on disk: its open view is read again. */
  changed(file: vscode.Uri): void {
    this.emitter.fire(file.with({ scheme: DOCX_SCHEME }));
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/** Opens the text view of a .docx as a plan (language `plan`: diagnostics, outline, hovers, task table). */
async function openDocx(provider: DocxContentProvider, file: vscode.Uri | undefined, column?: vscode.ViewColumn): Promise<void> {
  let target = file;
  if (!target) {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Word: ['docx'] }, openLabel: say('检查', 'Check') });
    target = picked?.[0];
  }
  if (!target) return;
  const uri = target.with({ scheme: DOCX_SCHEME });
  let document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== 'plan') document = await vscode.languages.setTextDocumentLanguage(document, 'plan');
  await vscode.window.showTextDocument(document, { preview: false, ...(column !== undefined ? { viewColumn: column } : {}) });
  const notes = provider.notes.get(uri.toString()) ?? [];
  const intro = say('Word 文档以只读文本显示，问题请在 Word 中修改', 'The Word document is shown as read-only text; make changes in Word');
  void vscode.window.showInformationMessage([intro, ...notes].join(chinese() ? '；' : '; '));
}

/**
 * Opening a .docx in the editor shows its text view instead: this read-only custom editor opens the view
 * in its place and closes itself.
 */
class DocxRedirectEditor implements vscode.CustomReadonlyEditorProvider {
  constructor(private readonly provider: DocxContentProvider) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    panel.webview.options = { enableScripts: false };
    panel.webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body></body></html>`;
    const column = panel.viewColumn;
    await openDocx(this.provider, document.uri, column);
    panel.dispose();
  }
}

/** Registers the `planlint-docx:` text views, the "Check with planlint" command and the .docx editor; one disposable for all. */
export function registerDocx(client: LanguageClient): vscode.Disposable {
  const provider = new DocxContentProvider(client);
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.docx', true, false, true);
  return vscode.Disposable.from(
    provider,
    watcher,
    watcher.onDidChange((file) => provider.changed(file)),
    vscode.workspace.registerTextDocumentContentProvider(DOCX_SCHEME, provider),
    vscode.commands.registerCommand('planlint.openDocx', (file?: vscode.Uri) => openDocx(provider, file instanceof vscode.Uri ? file : undefined)),
    vscode.window.registerCustomEditorProvider(VIEW_TYPE, new DocxRedirectEditor(provider), { supportsMultipleEditorsPerDocument: true }),
  );
}
