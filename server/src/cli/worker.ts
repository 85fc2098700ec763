// The worker thread of the lint pool (bundled as dist/worker.js): lints the files the main thread sends, one message each.
import { parentPort, workerData } from 'node:worker_threads';
import { FileLinter, type LintFileOptions } from './lint-file.js';
import type { WorkerReply, WorkerRequest } from './pool.js';

if (parentPort) {
  const port = parentPort;
  const linter = new FileLinter(workerData as LintFileOptions);
  port.on('message', (request: WorkerRequest) => {
    const reply: WorkerReply = { id: request.id, outcome: linter.lintFile(request.abs) };
    port.postMessage(reply);
  });
}
