// Text synchronisation: `didOpen`, `didChange` (incremental), `didClose`; each schedules or clears the document's diagnostics.
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { guarded, guardNotification } from '../guard.js';
import { uriToPath } from '../settings.js';
import type { Server } from '../state.js';
import { mayBePlanFileName } from '../workspace-scan.js';

export function registerTextSync(connection: Connection, server: Server): void {
  const { state, diagnostics, indexing } = server;
  const log = state.log;

  connection.onDidOpenTextDocument(
    guardNotification(log, 'textDocument/didOpen', (params) => {
      const td = params?.textDocument;
      if (!td || typeof td.uri !== 'string') return;
      state.documents.open(td.uri, td.languageId, td.version, td.text);
      diagnostics.opened(td.uri);
    }),
  );

  connection.onDidChangeTextDocument(
    guardNotification(log, 'textDocument/didChange', (params) => {
      const td = params?.textDocument;
      if (!td || typeof td.uri !== 'string') return;
      if (state.documents.change(td.uri, td.version, params.contentChanges)) diagnostics.schedule(td.uri);
    }),
  );

  connection.onDidCloseTextDocument(
    guardNotification(log, 'textDocument/didClose', (params) => {
      const uri = params?.textDocument?.uri;
      if (typeof uri !== 'string' || !state.documents.close(uri)) return;
      const last = state.analyses.latest(uri);
      state.analyses.drop(uri);
      diagnostics.closed(uri);
      // The file on disk (if it is a plan in the workspace, and the workspace is indexed) takes the
      // place of the closed buffer. Until the scan has read it, the index keeps a copy of the buffer's
      // entry: the entry made from the analysis holds the whole plan (see `openPlanEntry`).
      const file = uriToPath(uri);
      const inFolder = file !== null && state.configs.getFolders().some((f) => !path.relative(f, file).startsWith('..'));
      if (file !== null && inFolder && mayBePlanFileName(file) && state.initOptions.workspaceIndex !== false && state.scanner) {
        if (last && state.index.has(uri)) guarded(log, 'indexing', () => state.index.set(state.service.indexEntry(uri, last.analysis.plan)));
        indexing.scan('files', [file]);
      } else state.index.delete(uri);
    }),
  );
}
