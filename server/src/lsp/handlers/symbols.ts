// `textDocument/documentSymbol` (the outline: hierarchical, or flat for old clients), `workspace/symbol` (tasks of every indexed plan), `textDocument/foldingRange`.
import { SymbolKind, type Connection, type DocumentSymbol, type DocumentSymbolParams, type FoldingRangeParams, type SymbolInformation, type WorkspaceSymbolParams } from 'vscode-languageserver/node';
import type { PlanSymbol } from '../../service.js';
import { symbolKind, uriOf } from '../convert.js';
import { cancelled, guardRequest } from '../guard.js';
import type { Server } from '../state.js';

const toDocumentSymbol = (s: PlanSymbol): DocumentSymbol => ({
  name: s.name,
  detail: s.detail,
  kind: symbolKind(s.kind),
  range: s.range,
  selectionRange: s.selectionRange,
  children: s.children.map(toDocumentSymbol),
});

export function registerSymbols(connection: Connection, { state }: Server): void {
  const log = state.log;

  connection.onRequest(
    'textDocument/documentSymbol',
    guardRequest<DocumentSymbolParams, unknown>(log, 'textDocument/documentSymbol', [], (params) => {
      const found = state.analysisOf(uriOf(params));
      if (!found) return [];
      const symbols = state.service.documentSymbols(found.entry);
      if (state.caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport) return symbols.map(toDocumentSymbol);
      const flat: SymbolInformation[] = [];
      const walk = (list: PlanSymbol[], container: string | undefined) => {
        for (const s of list) {
          flat.push({ name: s.name, kind: symbolKind(s.kind), location: { uri: found.doc.uri, range: s.range }, ...(container ? { containerName: container } : {}) });
          walk(s.children, s.name);
        }
      };
      walk(symbols, undefined);
      return flat;
    }),
  );

  connection.onRequest(
    'workspace/symbol',
    guardRequest(log, 'workspace/symbol', [], (params: WorkspaceSymbolParams, token) => {
      const query = typeof params?.query === 'string' ? params.query : '';
      const found = state.service.workspaceSymbols(query, token);
      if (token.isCancellationRequested) throw cancelled();
      return found.map(
        (t): SymbolInformation => ({ name: t.name, kind: SymbolKind.Function, location: { uri: t.uri, range: t.selectionRange }, containerName: t.container }),
      );
    }),
  );

  connection.onRequest(
    'textDocument/foldingRange',
    guardRequest(log, 'textDocument/foldingRange', [], (params: FoldingRangeParams) => {
      const found = state.analysisOf(uriOf(params));
      if (!found) return [];
      const folds = state.service.foldingRanges(found.entry);
      const limit = state.caps.textDocument?.foldingRange?.rangeLimit;
      return typeof limit === 'number' && limit > 0 ? folds.slice(0, limit) : folds;
    }),
  );
}
