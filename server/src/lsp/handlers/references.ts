// `textDocument/references`: the mentions of the unit under the cursor in every open plan and in the workspace index.
import type { Connection, Location, ReferenceParams } from 'vscode-languageserver/node';
import { cancelled, guardRequest } from '../guard.js';
import type { Server } from '../state.js';

export function registerReferences(connection: Connection, { state }: Server): void {
  connection.onRequest(
    'textDocument/references',
    guardRequest(state.log, 'textDocument/references', [], (params: ReferenceParams, token): Location[] => {
      const found = state.analysisAt(params);
      if (!found) return [];
      const { offset } = found;
      const locations = state.service.references(found.entry, offset, token);
      if (token.isCancellationRequested) throw cancelled();
      return locations;
    }),
  );
}
