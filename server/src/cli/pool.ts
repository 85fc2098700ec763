// Lints many files: in this thread, or spread over a small pool of worker threads when there are many.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { FileLinter, type FileOutcome, type LintFileOptions } from './lint-file.js';

/** `auto` starts workers only above this many files… */
export const WORKER_THRESHOLD = 8;

/**
 * …and only when there is this much text: a worker costs ~0.2 s of CPU to start (it loads the bundle and
 * builds the lexer), which about 100 small plans or 15 long ones pay back on two cores.
 */
export const WORKER_MIN_BYTES = 128 * 1024;

/** A file sent to a worker. */
export interface WorkerRequest {
  id: number;
  abs: string;
}

/** A worker's answer. */
export interface WorkerReply {
  id: number;
  outcome: FileOutcome;
}

/** `--concurrency`: `auto` (workers when there are many files), `off`, or a number of workers. */
export type Concurrency = 'auto' | 'off' | number;

/** How many workers to start for `fileCount` files of `totalBytes` (0: lint in this thread). */
export function workerCount(concurrency: Concurrency, fileCount: number, totalBytes: number): number {
  if (concurrency === 'off') return 0;
  if (concurrency === 'auto') {
    if (fileCount <= WORKER_THRESHOLD || totalBytes < WORKER_MIN_BYTES) return 0;
    const cores = availableParallelism();
    return cores < 2 ? 0 : Math.min(cores, Math.ceil(fileCount / WORKER_THRESHOLD));
  }
  return Math.max(0, Math.min(concurrency, fileCount));
}

/** What `lintFiles` reports while it runs, and how it ran. */
export interface PoolHooks {
  /** Called after each file, in completion order. */
  onProgress?(done: number, total: number, abs: string): void;
}

/** The outcomes, in the order of `files`, and how many workers did the work. */
export interface PoolResult {
  outcomes: FileOutcome[];
  workers: number;
  /** Files a failed worker left behind that this thread linted instead. */
  recovered: number;
}

/** The worker script beside this module (dist/worker.js beside dist/planlint.js; out/…/worker.js under tsc). */
function workerUrl(): URL {
  return new URL('./worker.js', import.meta.url);
}

/**
 * Lints `files` (absolute paths) and returns their outcomes in the same order, whatever order they
 * finish in, so that output never depends on scheduling. With `workers` > 0, each worker gets one file
 * at a time (plus one queued, to hide the message round trip); a worker that fails hands its files back
 * to this thread. Never rejects.
 */
export async function lintFiles(files: readonly string[], options: LintFileOptions, workers: number, hooks: PoolHooks = {}): Promise<PoolResult> {
  const outcomes = new Array<FileOutcome | undefined>(files.length);
  let done = 0;
  const finish = (id: number, outcome: FileOutcome): void => {
    if (outcomes[id] !== undefined) return;
    outcomes[id] = outcome;
    done++;
    hooks.onProgress?.(done, files.length, files[id]!);
  };
  let local: FileLinter | undefined;
  const lintHere = (id: number): void => {
    local ??= new FileLinter(options);
    finish(id, local.lintFile(files[id]!));
  };

  if (workers <= 0) {
    for (let id = 0; id < files.length; id++) {
      lintHere(id);
      // Let a TTY progress bar and signals through between files.
      if (hooks.onProgress && id % 16 === 15) await new Promise((r) => setImmediate(r));
    }
    return { outcomes: outcomes as FileOutcome[], workers: 0, recovered: 0 };
  }

  let next = 0;
  let recovered = 0;
  await new Promise<void>((resolveAll) => {
    let alive = workers;
    const settle = (): void => {
      if (--alive === 0) resolveAll();
    };
    for (let w = 0; w < workers; w++) {
      const inFlight = new Set<number>();
      let worker: Worker;
      try {
        worker = new Worker(workerUrl(), { workerData: options });
      } catch {
        settle();
        continue;
      }
      const feed = (): void => {
        while (inFlight.size < 2 && next < files.length) {
          const id = next++;
          inFlight.add(id);
          worker.postMessage({ id, abs: files[id]! } satisfies WorkerRequest);
        }
        if (inFlight.size === 0) void worker.terminate();
      };
      let ended = false;
      const end = (): void => {
        if (ended) return;
        ended = true;
        inFlight.clear(); // linted below, in this thread
        settle();
      };
      worker.on('message', (reply: WorkerReply) => {
        inFlight.delete(reply.id);
        finish(reply.id, reply.outcome);
        feed();
      });
      worker.on('error', () => {
        void worker.terminate();
        end();
      });
      worker.on('exit', end);
      feed();
    }
  });
  // Whatever a failed worker held, and whatever no worker took (all failed to start), is linted here.
  for (let id = 0; id < files.length; id++) {
    if (outcomes[id] === undefined) {
      recovered++;
      lintHere(id);
    }
  }
  return { outcomes: outcomes as FileOutcome[], workers, recovered };
}
