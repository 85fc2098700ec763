// Lints many files: in this thread, or in this thread and a small pool of worker threads when there are many.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { FileLinter, type FileOutcome, type LintFileOptions } from './lint-file.js';

/** `auto` starts workers only above this many files… */
export const WORKER_THRESHOLD = 8;

/**
 * …and only when there is this much text. A worker costs ~0.1–0.2 s of CPU before its first file (it
 * loads the bundle and builds the grammar) and is JIT-cold for its first files, while the main thread
 * lints meanwhile: an estimate, not a measurement, puts the break-even near 0.5 MB (0.2 s at 2–3 MB/s),
 * so 1 MB leaves a margin.
 */
export const WORKER_MIN_BYTES = 1024 * 1024;

/** Files queued to one worker at a time: one being linted and two waiting, so that it never waits on the main thread. */
export const WORKER_QUEUE = 3;

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

/**
 * How many workers to start for `fileCount` files of `totalBytes` (0: lint in this thread only). The main
 * thread lints beside its workers, and `auto` leaves one core to V8's own threads: one linting thread
 * keeps ~1.5 cores busy (concurrent GC and JIT: 3.4 s of CPU in 2.3 s on the 1,000 bench plans), and two
 * threads running at once cost ~25 % more CPU for the same files (measured on two cores, bench/cli.ts).
 * So `auto` starts cores − 2 workers: none on two cores, where a worker cannot make the run shorter.
 */
export function workerCount(concurrency: Concurrency, fileCount: number, totalBytes: number, cores = availableParallelism()): number {
  if (concurrency === 'off') return 0;
  if (concurrency === 'auto') {
    if (fileCount <= WORKER_THRESHOLD || totalBytes < WORKER_MIN_BYTES) return 0;
    return Math.max(0, Math.min(cores - 2, Math.ceil(fileCount / WORKER_THRESHOLD)));
  }
  return Math.max(0, Math.min(concurrency, fileCount));
}

/** What `lintFiles` reports while it runs, and how it ran. */
export interface PoolHooks {
  /** Called after each file, in completion order. */
  onProgress?(done: number, total: number, abs: string): void;
}

/** The outcomes, in the order of `files`, and how the work was shared. */
export interface PoolResult {
  outcomes: FileOutcome[];
  /** Workers started (the main thread lints beside them). */
  workers: number;
  /** Files this thread linted (all of them without workers). */
  here: number;
  /** Files a failed worker left behind that this thread linted instead. */
  recovered: number;
}

/** The worker script beside this module (dist/worker.js beside dist/planlint.js; out/…/worker.js under tsc). */
function workerUrl(): URL {
  return new URL('./worker.js', import.meta.url);
}

/**
 * Lints `files` (absolute paths) and returns their outcomes in the same order, whatever order they
 * finish in, so that output never depends on scheduling. With `workers` > 0, the workers and this thread
 * take files from one queue: each worker holds up to `WORKER_QUEUE` files (to hide the message round
 * trip and this thread's own files), and this thread lints the next file whenever it is free, yielding
 * between files to refill the workers. A worker that fails hands its files back to this thread. Never
 * rejects.
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
  let here = 0;
  const lintHere = (id: number): void => {
    local ??= new FileLinter(options);
    here++;
    finish(id, local.lintFile(files[id]!));
  };
  /** Lets replies, a TTY progress bar and signals through. */
  const yieldNow = (): Promise<void> => new Promise((r) => setImmediate(r));

  if (workers <= 0) {
    for (let id = 0; id < files.length; id++) {
      lintHere(id);
      if (hooks.onProgress && id % 16 === 15) await yieldNow();
    }
    return { outcomes: outcomes as FileOutcome[], workers: 0, here, recovered: 0 };
  }

  let next = 0;
  const workersDone = new Promise<void>((resolveAll) => {
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
        while (inFlight.size < WORKER_QUEUE && next < files.length) {
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
  // This thread takes files from the same queue while the workers start up and run.
  while (next < files.length) {
    lintHere(next++);
    await yieldNow();
  }
  await workersDone;
  // Whatever a failed worker held is linted here.
  let recovered = 0;
  for (let id = 0; id < files.length; id++) {
    if (outcomes[id] === undefined) {
      recovered++;
      lintHere(id);
    }
  }
  return { outcomes: outcomes as FileOutcome[], workers, here, recovered };
}
