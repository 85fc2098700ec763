// `textDocument/codeAction` and `codeAction/resolve`: the service's quick fixes, settings and directive comments as LSP code actions; fix-all (`source.fixAll.planlint`), resolved lazily.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Connection, type TextDocumentEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findConfigFiles } from '../../config/load.js';
import type { TextEdit } from '../../lint/types.js';
import type { DiagnosticRef, PlanCodeAction } from '../../service.js';
import { diagnosticData, offsetOf, rangeOf, toDiagnostic, uriOf } from '../convert.js';
import { cancelled, guardRequest } from '../guard.js';
import { uriToPath } from '../settings.js';
import type { Found, Server, ServerState } from '../state.js';

/** The code action kind of fix-all (`editor.codeActionsOnSave: { "source.fixAll.planlint": "explicit" }`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.planlint`;

/** Kind `a` is requested by `only` entry `k` when it equals it or lies under it (`source` covers `source.fixAll.planlint`). */
function kindRequested(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
}

/** The client applies snippet edits (`SnippetTextEdit`, LSP 3.18) in a workspace edit. */
function snippetEdits(state: ServerState): boolean {
  const edit = state.caps.workspace?.workspaceEdit;
  return edit?.documentChanges === true && (edit as { snippetEditSupport?: boolean }).snippetEditSupport === true;
}

/** A workspace edit whose edits that carry a snippet are sent as snippet edits (the caller checked the client takes them). */
function snippetWorkspaceEdit(doc: TextDocument, edits: readonly TextEdit[]): WorkspaceEdit {
  const lsp = edits.map((e) =>
    e.snippet ? { range: rangeOf(doc, e.span), snippet: { kind: 'snippet' as const, value: e.snippet } } : { range: rangeOf(doc, e.span), newText: e.newText },
  );
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: lsp as TextDocumentEdit['edits'] }] };
}

/**
 * "Count the plan's period as every task's deadline": sets `deadline.planPeriodSatisfies: true` in the nearest
 * JSON config file of the plan, or creates `.planlintrc.json` in its workspace folder (else beside it) when there
 * is none. Null for untitled documents, a nearest config in YAML, or a client that cannot create files.
 */
function configureAction(state: ServerState, { doc, entry }: Found, action: Extract<PlanCodeAction, { kind: 'configure' }>): CodeAction | null {
  const file = uriToPath(doc.uri);
  if (file === null) return null;
  const folder = state.configs.getFolders().find((f) => !path.relative(f, file).startsWith('..'));
  const nearest = findConfigFiles(path.dirname(file), folder)[0];
  const { title } = action;
  const diagnostics = [toDiagnostic(action.diagnostic, entry.version)];
  if (nearest !== undefined) {
    if (!nearest.endsWith('.json')) return null;
    let existing: string;
    try {
      existing = fs.readFileSync(nearest, 'utf8');
    } catch {
      return null;
    }
    const text = state.service.planPeriodConfigText(existing);
    if (text === null) return null;
    const uri = pathToFileURL(nearest).href;
    const lines = existing.split(/\r\n|\r|\n/);
    const range = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1]!.length } };
    return { title, kind: CodeActionKind.QuickFix, diagnostics, edit: { changes: { [uri]: [{ range, newText: text }] } } };
  }
  const ops = state.caps.workspace?.workspaceEdit?.resourceOperations ?? [];
  if (!state.caps.workspace?.workspaceEdit?.documentChanges || !ops.includes('create')) return null;
  const uri = pathToFileURL(path.join(folder ?? path.dirname(file), action.newFile)).href;
  const text = state.service.planPeriodConfigText(null)!;
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics,
    edit: {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] },
      ],
    },
  };
}

/** One of the service's actions as an LSP code action, or null when the client cannot take it. */
function toCodeAction(state: ServerState, found: Found, action: PlanCodeAction): CodeAction | null {
  const { doc, entry } = found;
  switch (action.kind) {
    case 'fix':
      return {
        title: action.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toDiagnostic(action.diagnostic, entry.version)],
        isPreferred: action.preferred,
        edit: action.snippet ? snippetWorkspaceEdit(doc, action.edits) : state.workspaceEdit([{ doc, edits: action.edits }]),
      };
    case 'configure':
      return configureAction(state, found, action);
    case 'directive':
      return { title: action.title, kind: CodeActionKind.QuickFix, diagnostics: [toDiagnostic(action.diagnostic, entry.version)], edit: state.workspaceEdit([{ doc, edits: [action.edit] }]) };
  }
}

export function registerCodeActions(connection: Connection, { state }: Server): void {
  connection.onRequest(
    'textDocument/codeAction',
    guardRequest(state.log, 'textDocument/codeAction', [], (params: CodeActionParams, token) => {
      const found = state.analysisOf(uriOf(params));
      if (!found) return [];
      const { doc, entry } = found;
      const range = params?.range;
      const start = offsetOf(doc, range?.start);
      const end = offsetOf(doc, range?.end);
      if (start === null || end === null) return [];
      const only = Array.isArray(params.context?.only) ? params.context.only : undefined;
      const actions: CodeAction[] = [];
      if (kindRequested(only, CodeActionKind.QuickFix)) {
        const refs: DiagnosticRef[] = [];
        for (const d of Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : []) {
          const data = diagnosticData(d?.data);
          // A diagnostic from another version says nothing about the current text: only its range counts.
          if (data && data.version === entry.version) refs.push({ ruleId: data.ruleId, span: data.span });
        }
        for (const action of state.service.quickFixes(entry, { start, end }, { refs, snippets: snippetEdits(state) })) {
          const lsp = toCodeAction(state, found, action);
          if (lsp) actions.push(lsp);
        }
      }
      if (token.isCancellationRequested) throw cancelled();
      const explicit = only?.some((k) => FIX_ALL_KIND === k || FIX_ALL_KIND.startsWith(k + '.')) ?? false;
      const title = state.service.fixAllTitle(entry);
      if (title !== null && (explicit || (!only && actions.length > 0))) {
        const lazy = !explicit && state.caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit') === true;
        if (lazy) {
          actions.push({ title, kind: FIX_ALL_KIND, data: { uri: doc.uri, version: doc.version } });
        } else {
          const edits = state.service.fixAllEdits(entry);
          if (edits.length > 0) actions.push({ title, kind: FIX_ALL_KIND, edit: state.workspaceEdit([{ doc, edits }]) });
        }
      }
      return actions;
    }),
  );

  connection.onRequest(
    'codeAction/resolve',
    guardRequest(state.log, 'codeAction/resolve', null, (action: CodeAction) => {
      const data = action?.data as { uri?: unknown; version?: unknown } | undefined;
      const found = state.analysisOf(data?.uri);
      if (!found || action.kind !== FIX_ALL_KIND || found.doc.version !== data?.version) return action;
      return { ...action, edit: state.workspaceEdit([{ doc: found.doc, edits: state.service.fixAllEdits(found.entry) }]) };
    }),
  );
}
