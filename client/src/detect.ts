// The editor's language detection: a plain-text document becomes a `plan` document once its text reads as one (the
// model's one decision, `readsAsPlan`, as the CLI and the workspace scan use it), unless `files.associations` names
// its language or the user turned it back to plain text.
import type * as vscode from 'vscode';
import { readsAsPlan } from '../../server/src/model/kind.js';

/** The part of the VS Code API detection uses: the `vscode` module itself, or a test's stand-in. */
export interface DetectApi {
  workspace: Pick<typeof vscode.workspace, 'onDidOpenTextDocument' | 'onDidChangeTextDocument' | 'textDocuments' | 'getConfiguration'>;
  languages: Pick<typeof vscode.languages, 'setTextDocumentLanguage' | 'match'>;
  Range: typeof vscode.Range;
}

/** How much of a document is read: the decision reads the head of a text. */
const HEAD_CHARS = 30_000;

/** Edits are read this long after typing stops. */
const DEBOUNCE_MS = 400;

/** True when a `files.associations` pattern names this document's file: the user's choice wins. */
function associated(api: DetectApi, document: vscode.TextDocument): boolean {
  if (document.uri.scheme !== 'file') return false;
  const associations = api.workspace.getConfiguration('files', document.uri).get<Record<string, string>>('associations') ?? {};
  // A pattern without a slash names files by their name, in any folder (as VS Code reads it).
  return Object.keys(associations).some((p) => api.languages.match({ pattern: p.includes('/') ? p : `**/${p}` }, document) > 0);
}

/**
 * Watches plain-text documents (files and untitled ones) as they open and change, and sets the language of
 * those whose text reads as a plan to `plan`. A document the user turns back to plain text is left alone.
 */
export function registerPlanDetection(api: DetectApi): vscode.Disposable {
  const adopted = new Set<string>();
  const pending = new Set<string>();
  const released = new Set<string>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const consider = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    if (document.languageId !== 'plaintext' || (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled')) return;
    if (pending.has(key)) return;
    if (adopted.has(key)) {
      // It was a plan and is plain text again: the user chose so.
      adopted.delete(key);
      released.add(key);
    }
    if (released.has(key) || associated(api, document)) return;
    const end = document.positionAt(HEAD_CHARS);
    if (!readsAsPlan(document.getText(new api.Range(0, 0, end.line, end.character)))) return;
    pending.add(key);
    void Promise.resolve(api.languages.setTextDocumentLanguage(document, 'plan')).then(
      () => (pending.delete(key), adopted.add(key)),
      () => pending.delete(key),
    );
  };

  const subscriptions = [
    api.workspace.onDidOpenTextDocument(consider),
    api.workspace.onDidChangeTextDocument((e) => {
      if (e.document.languageId !== 'plaintext') return;
      const key = e.document.uri.toString();
      clearTimeout(timers.get(key));
      timers.set(
        key,
        setTimeout(() => {
          timers.delete(key);
          if (!e.document.isClosed) consider(e.document);
        }, DEBOUNCE_MS),
      );
    }),
  ];
  api.workspace.textDocuments.forEach(consider);
  return {
    dispose() {
      subscriptions.forEach((s) => s.dispose());
      timers.forEach((t) => clearTimeout(t));
      timers.clear();
    },
  };
}
