// The language server: one state per connection and the handlers over it (`handlers/`, one module per request family), wired here.
import type { Connection } from 'vscode-languageserver/node';
import { registerCodeActions } from './handlers/code-actions.js';
import { registerCommands } from './handlers/commands.js';
import { registerCompletion } from './handlers/completion.js';
import { Configuration, registerConfiguration } from './handlers/configuration.js';
import { Diagnostics } from './handlers/diagnostics.js';
import { registerDocxText } from './handlers/docx-text.js';
import { registerHover } from './handlers/hover.js';
import { Indexing } from './handlers/indexing.js';
import { registerInitialize } from './handlers/initialize.js';
import { registerReferences } from './handlers/references.js';
import { registerRename } from './handlers/rename.js';
import { registerStats } from './handlers/stats.js';
import { registerSymbols } from './handlers/symbols.js';
import { registerTaskTable } from './handlers/task-table.js';
import { registerTextSync } from './handlers/text-sync.js';
import { ServerState, type Server, type ServerOptions } from './state.js';

export { FIX_ALL_KIND } from './handlers/code-actions.js';
export { COMMANDS } from './handlers/commands.js';
export type { ServerOptions } from './state.js';

/** Wires every handler onto `connection` and starts listening. */
export function startServer(connection: Connection, options: ServerOptions): void {
  const state = new ServerState(connection, options);
  const diagnostics = new Diagnostics(state);
  const indexing = new Indexing(state);
  const server: Server = { state, diagnostics, indexing, configuration: new Configuration(state, diagnostics, indexing) };

  registerInitialize(connection, server);
  registerConfiguration(connection, server);
  registerTextSync(connection, server);
  // Requests are registered by method name on the bare connection: the typed helpers
  // (`connection.onHover` …) read `params.workDoneToken` before our guard runs, so a request with
  // `null` params would fail there instead of getting an empty answer.
  registerSymbols(connection, server);
  registerCompletion(connection, server);
  registerHover(connection, server);
  registerCodeActions(connection, server);
  registerReferences(connection, server);
  registerRename(connection, server);
  registerCommands(connection, server);
  registerTaskTable(connection, server);
  registerDocxText(connection, server);
  registerStats(connection, server);

  connection.listen();
}
