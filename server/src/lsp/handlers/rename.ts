// `textDocument/prepareRename` and `textDocument/rename` (one spelling of a unit across the open plans); the all-variants command shares `renameUnit`.
import { LSPErrorCodes, ResponseError, type Connection, type PrepareRenameParams, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver/node';
import { offsetOf, positionOf, rangeOf, uriOf } from '../convert.js';
import { guardRequest } from '../guard.js';
import type { Server, ServerState } from '../state.js';

/** Edits renaming the unit at a position over every open plan; `all` takes every spelling variant. A refused name fails the request. */
export function renameUnit(state: ServerState, uri: unknown, position: unknown, newName: unknown, all: boolean): WorkspaceEdit | null {
  const found = state.analysisOf(uri);
  if (!found) return null;
  const offset = offsetOf(found.doc, position);
  if (offset === null) return null;
  const result = state.service.renameUnit(found.entry, offset, newName, all);
  if (!result) return null;
  if ('problem' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.problem);
  return state.workspaceEdit(result.edits.map(({ uri, edits }) => ({ doc: state.documents.get(uri)!, edits })));
}

export function registerRename(connection: Connection, { state }: Server): void {
  connection.onRequest(
    'textDocument/prepareRename',
    guardRequest(state.log, 'textDocument/prepareRename', null, (params: PrepareRenameParams) => {
      const found = state.analysisAt(params);
      if (!found) return null;
      const { offset } = found;
      const target = state.service.prepareRename(found.entry, offset);
      return target ? { range: rangeOf(found.doc, target.span), placeholder: target.placeholder } : null;
    }),
  );

  connection.onRequest(
    'textDocument/rename',
    guardRequest(state.log, 'textDocument/rename', null, (params: RenameParams) => renameUnit(state, uriOf(params), positionOf(params), params?.newName, false)),
  );
}
