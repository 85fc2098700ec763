// `textDocument/completion`: the service's items (units, field keywords, the attribution template) as LSP completion items.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type CompletionParams, type Connection, type Range } from 'vscode-languageserver/node';
import type { PlanCompletionItem } from '../../service.js';
import { offsetOf, positionOf, rangeOf, uriOf } from '../convert.js';
import { guardRequest } from '../guard.js';
import type { Server } from '../state.js';

const EMPTY_COMPLETION: CompletionList = { isIncomplete: false, items: [] };

export function registerCompletion(connection: Connection, { state }: Server): void {
  connection.onRequest(
    'textDocument/completion',
    guardRequest(state.log, 'textDocument/completion', EMPTY_COMPLETION, (params: CompletionParams): CompletionList => {
      const uri = uriOf(params);
      const doc = uri !== undefined ? state.documents.get(uri) : undefined;
      if (!doc || !state.isLintable(doc)) return EMPTY_COMPLETION;
      const offset = offsetOf(doc, positionOf(params));
      if (offset === null) return EMPTY_COMPLETION;
      // Completion never waits for an analysis of the newest keystroke: the previous one is enough
      // to know the tables and units (the context itself is read from the current text).
      const latest = state.analyses.latest(doc.uri) ?? state.analyses.current(doc);
      const found = state.service.completion(doc.getText(), offset, latest);
      if (!found) return EMPTY_COMPLETION;
      const snippets = state.caps.textDocument?.completion?.completionItem?.snippetSupport === true;
      const items = found.items.map((item): CompletionItem => {
        const range = rangeOf(doc, item.span);
        switch (item.kind) {
          case 'unit':
            return {
              label: item.label,
              kind: CompletionItemKind.Value,
              detail: item.detail,
              ...(item.documentation ? { documentation: item.documentation } : {}),
              filterText: item.filterText,
              sortText: item.sortText,
              textEdit: { range, newText: item.newText },
            };
          case 'keyword':
            return { label: item.label, kind: CompletionItemKind.Keyword, detail: item.detail, sortText: item.sortText, filterText: item.filterText, textEdit: { range, newText: item.newText } };
          case 'template':
            return template(item, range, snippets);
        }
      });
      return { isIncomplete: found.incomplete, items };
    }),
  );
}

/** The attribution template: a snippet with a tab stop per field for clients that take snippets, else plain text. */
function template(item: PlanCompletionItem, range: Range, snippets: boolean): CompletionItem {
  const snippet = snippets && item.snippet !== undefined;
  return {
    label: item.label,
    kind: CompletionItemKind.Snippet,
    detail: item.detail,
    sortText: item.sortText,
    filterText: item.filterText,
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range, newText: snippet ? item.snippet! : item.newText },
  };
}
