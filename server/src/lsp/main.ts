// Entry point of `planlint-ls`: the language server over stdio (`--stdio`, the default), node IPC (`--node-ipc`) or a socket (`--socket=N`); also the workspace index worker.
import { fileURLToPath } from 'node:url';
import { isMainThread, workerData } from 'node:worker_threads';
import { createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { isFramingError, lifecycleReader } from './lifecycle.js';
import { startServer } from './server.js';
import { runScanWorker } from './workspace-scan.js';

const USAGE = `planlint-ls — planlint 语言服务器 / the planlint language server

用法 / usage:
  planlint-ls [--stdio]        经标准输入输出通信（默认）/ speak LSP over stdin and stdout (default)
  planlint-ls --node-ipc       经 Node IPC 通信 / over node IPC
  planlint-ls --socket=PORT    经套接字通信 / over a socket
`;

function main(): void {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write('0.1.0\n');
    return;
  }
  // stdout carries the protocol: anything printed by mistake goes to stderr instead.
  console.log = console.info = console.debug = (...args: unknown[]) => process.stderr.write(args.map(String).join(' ') + '\n');
  const ipc = argv.includes('--node-ipc');
  const other = argv.some((a) => a.startsWith('--socket') || a.startsWith('--pipe'));
  let connection;
  if (other) {
    connection = createConnection(ProposedFeatures.all);
  } else {
    const writer = ipc ? new IPCMessageWriter(process) : new StreamMessageWriter(process.stdout);
    const reader = lifecycleReader(ipc ? new IPCMessageReader(process) : new StreamMessageReader(process.stdin), writer);
    // After a broken frame (a wrong Content-Length) no later message can be read: exit, non-zero, so
    // that the client restarts the server instead of waiting on it for ever.
    reader.onError((error) => {
      if (!isFramingError(error)) return;
      process.stderr.write(`planlint: the message stream is broken (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); exiting so that the client restarts the server\n`);
      process.exit(3);
    });
    // The client went away: exit, 0 only after a shutdown request (as the protocol asks).
    reader.onClose(() => process.exit(reader.phase() === 'shutdown' ? 0 : 1));
    connection = createConnection(ProposedFeatures.all, reader, writer);
  }
  const report = (what: string) => (error: unknown) => {
    try {
      connection.console.error(`planlint: ${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } catch {
      process.stderr.write(`planlint: ${what}: ${String(error)}\n`);
    }
  };
  process.on('uncaughtException', report('uncaught exception'));
  process.on('unhandledRejection', report('unhandled rejection'));
  let workerFile: string | null = null;
  try {
    workerFile = fileURLToPath(import.meta.url);
  } catch {
    workerFile = null; // bundled without import.meta: index in-process
  }
  startServer(connection, { workerFile });
}

if (!isMainThread && (workerData as { planlintScanWorker?: boolean } | null)?.planlintScanWorker) runScanWorker();
else main();
