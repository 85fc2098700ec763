// Entry point of `planlint-ls`: the language server over stdio (`--stdio`) or node IPC (`--node-ipc`).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';

const connection = createConnection(ProposedFeatures.all);
connection.onInitialize(() => ({ capabilities: {} }));
connection.listen();
