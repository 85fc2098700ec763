// Finding and indexing the plans in the workspace folders, bounded, off the main thread (a worker; in-process with pauses when no worker can start).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, parentPort } from 'node:worker_threads';
import { hasPlanExtension, hasTextExtension } from '../text/file-names.js';
import { decodeText } from '../text/encoding.js';
import type { PlanlintConfig } from '../config/config.js';
import { ConfigCache } from '../config/load.js';
import { readsAsPlan } from '../model/kind.js';
import type { DocumentKind } from '../model/types.js';
import { createPlanService, type IndexedPlan, type PlanLanguageService } from '../service.js';

/** Bounds of a scan: files looked at, file size, directory entries visited. */
export interface ScanLimits {
  maxFiles: number;
  maxBytes: number;
  maxEntries: number;
}

export const DEFAULT_SCAN_LIMITS: ScanLimits = { maxFiles: 2000, maxBytes: 5 * 1024 * 1024, maxEntries: 200_000 };

/** Work for the scanner: every folder, or some files (changed on disk, closed in the editor). */
export type ScanJob =
  | { kind: 'folders'; folders: string[]; base: PlanlintConfig[]; limits: ScanLimits }
  | { kind: 'files'; files: string[]; folders: string[]; base: PlanlintConfig[]; limits: ScanLimits };

/** What the scanner reports. */
export type ScanMessage =
  | { kind: 'entries'; entries: IndexedPlan[] }
  /** Files that are gone or are no longer plans: drop them from the index. */
  | { kind: 'missing'; uris: string[] }
  | { kind: 'done'; job: ScanJob['kind']; examined: number; indexed: number; truncated: boolean; ms: number }
  | { kind: 'log'; message: string };

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

/** `*.plan`, `*.plan.txt`, `*.plan.md`: plans by name (the CLI's rule, cli/classify.ts). */
export function isPlanFileName(file: string): boolean {
  return hasPlanExtension(file);
}

/** Files that may be plans: by name, or `.txt`, `.md`, `.text` files whose text reads as one. */
export function mayBePlanFileName(file: string): boolean {
  return hasPlanExtension(file) || hasTextExtension(file);
}

/**
 * True when the text reads as a plan on positive evidence (`readsAsPlan`, the model's one decision: a plan title,
 * work assigned, deadlines), with the configuration's `kind` when it sets one.
 */
export function namesPlan(text: string, kind?: DocumentKind | null): boolean {
  return readsAsPlan(text, kind);
}

/** Reads a candidate file; null when it is too large, unreadable, binary, or not a plan. */
function readPlan(file: string, maxBytes: number, kind: DocumentKind | null): string | null {
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat || !stat.isFile() || stat.size > maxBytes) return null;
    const decoded = decodeText(fs.readFileSync(file));
    if (!('text' in decoded)) return null;
    if (!isPlanFileName(file) && !namesPlan(decoded.text, kind)) return null;
    return decoded.text;
  } catch {
    return null;
  }
}

/** The path with links resolved; itself when it cannot be resolved. */
function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

function isInside(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Runs one job, reporting entries in batches through `post`. `pause` is awaited between files (a
 * no-op in the worker; a turn of the event loop in-process, so that requests are served meanwhile).
 * Never throws.
 */
export async function runScanJob(job: ScanJob, post: (m: ScanMessage) => void, pause: () => Promise<void>, service: PlanLanguageService = createPlanService()): Promise<void> {
  const t0 = Date.now();
  const folders = job.folders.map((f) => path.resolve(f)).sort((a, b) => b.length - a.length);
  const caches = new Map(folders.map((f) => [f, new ConfigCache({ stopAt: f, base: job.base })]));
  const outside = new ConfigCache({ base: job.base });
  let batch: IndexedPlan[] = [];
  let lastPost = Date.now();
  const flush = () => {
    if (batch.length > 0) post({ kind: 'entries', entries: batch });
    batch = [];
    lastPost = Date.now();
  };
  let examined = 0;
  let indexed = 0;
  let truncated = false;
  const index = (file: string): boolean => {
    examined++;
    const folder = folders.find((f) => isInside(f, file));
    const cache = (folder !== undefined ? caches.get(folder) : undefined) ?? outside;
    const config = cache.forFile(file).config;
    const text = readPlan(file, job.limits.maxBytes, config.kind);
    if (text === null) return false;
    const plan = service.parse(text, config);
    batch.push(service.indexEntry(pathToFileURL(file).href, plan));
    indexed++;
    if (batch.length >= 25 || Date.now() - lastPost > 200) flush();
    return true;
  };
  try {
    if (job.kind === 'files') {
      const missing: string[] = [];
      const realFolders = folders.map(realOrSelf);
      for (const file of job.files) {
        // As the folder scan (which follows no link): a file of a folder whose link leads out of every folder is not read.
        const escapes = folders.some((f) => isInside(f, file)) && !realFolders.some((f) => isInside(f, realOrSelf(file)));
        if (escapes || !index(file)) missing.push(pathToFileURL(file).href);
        await pause();
      }
      flush();
      if (missing.length > 0) post({ kind: 'missing', uris: missing });
    } else {
      let entries = 0;
      const stack = [...folders].reverse();
      outer: while (stack.length > 0) {
        const dir = stack.pop()!;
        let list: fs.Dirent[];
        try {
          list = fs.readdirSync(dir, { withFileTypes: true });
        } catch {
          continue;
        }
        list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        const subdirs: string[] = [];
        for (const d of list) {
          if (++entries > job.limits.maxEntries) {
            truncated = true;
            break outer;
          }
          const full = path.join(dir, d.name);
          if (d.isDirectory()) {
            if (!SKIP_DIRS.has(d.name) && !d.name.startsWith('.')) subdirs.push(full);
          } else if (d.isFile() && mayBePlanFileName(d.name)) {
            if (examined >= job.limits.maxFiles) {
              truncated = true;
              break outer;
            }
            index(full);
            await pause();
          }
        }
        for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
      }
      flush();
    }
  } catch (error) {
    flush();
    post({ kind: 'log', message: `planlint: workspace scan failed: ${error instanceof Error ? error.message : String(error)}` });
  }
  post({ kind: 'done', job: job.kind, examined, indexed, truncated, ms: Date.now() - t0 });
}

/** The worker side: runs jobs as they come, one at a time. */
export function runScanWorker(): void {
  const port = parentPort;
  if (!port) return;
  const service = createPlanService();
  let chain: Promise<void> = Promise.resolve();
  port.on('message', (job: ScanJob) => {
    chain = chain.then(() => runScanJob(job, (m) => port.postMessage(m), async () => {}, service));
  });
}

/** Options of the scanner. */
export interface ScannerOptions {
  /** The script a worker runs (this bundle), or null to scan in-process. */
  workerFile: string | null;
  onMessage(message: ScanMessage): void;
  log(message: string): void;
  /** A worker with nothing to do is stopped after this long (it is started again when needed). */
  idleMs?: number;
}

/** The main thread's side: sends jobs to a worker started on demand, or runs them in-process. */
export class WorkspaceScanner {
  private worker: Worker | null = null;
  private pending = 0;
  private idle: NodeJS.Timeout | null = null;
  private inProcess: Promise<void> = Promise.resolve();
  private disposed = false;
  private workerFailed = false;

  constructor(private readonly opts: ScannerOptions) {}

  /** Jobs not yet reported done. */
  get busy(): boolean {
    return this.pending > 0;
  }

  /** Where jobs run: in a worker thread (the normal case) or in-process (no worker could start). */
  get mode(): 'worker' | 'in-process' {
    return this.opts.workerFile && !this.workerFailed ? 'worker' : 'in-process';
  }

  run(job: ScanJob): void {
    if (this.disposed) return;
    if (this.idle) {
      clearTimeout(this.idle);
      this.idle = null;
    }
    this.pending++;
    const worker = this.ensureWorker();
    if (worker) {
      worker.postMessage(job);
      return;
    }
    const service = createPlanService();
    this.inProcess = this.inProcess.then(() =>
      runScanJob(job, (m) => this.receive(m), () => new Promise<void>((resolve) => setImmediate(resolve)), service),
    );
  }

  dispose(): void {
    this.disposed = true;
    if (this.idle) clearTimeout(this.idle);
    void this.worker?.terminate();
    this.worker = null;
  }

  private receive(m: ScanMessage): void {
    if (m.kind === 'done') {
      this.pending = Math.max(0, this.pending - 1);
      if (this.pending === 0 && this.worker) {
        this.idle = setTimeout(() => {
          this.idle = null;
          if (this.pending === 0) {
            void this.worker?.terminate();
            this.worker = null;
          }
        }, this.opts.idleMs ?? 10_000);
        this.idle.unref();
      }
    }
    try {
      this.opts.onMessage(m);
    } catch (error) {
      this.opts.log(`planlint: indexing failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    if (!this.opts.workerFile || this.workerFailed) return null;
    try {
      const worker = new Worker(this.opts.workerFile, {
        workerData: { planlintScanWorker: true },
        resourceLimits: { maxOldGenerationSizeMb: 1024 },
        stdout: true,
        stderr: true,
      });
      worker.unref();
      // Nothing the worker prints may reach our stdout: that is the LSP channel.
      worker.stdout.on('data', (chunk: Buffer) => process.stderr.write(chunk));
      worker.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
      worker.on('message', (m: ScanMessage) => this.receive(m));
      worker.on('error', (error) => {
        this.opts.log(`planlint: workspace index worker failed: ${error.message}`);
        this.workerFailed = true;
      });
      worker.on('exit', () => {
        if (this.worker === worker) {
          this.worker = null;
          // Jobs the worker did not finish are given up (their files are indexed when opened).
          this.pending = 0;
        }
      });
      this.worker = worker;
      return worker;
    } catch (error) {
      this.opts.log(`planlint: cannot start the workspace index worker (${error instanceof Error ? error.message : String(error)}); indexing in-process`);
      this.workerFailed = true;
      return null;
    }
  }
}
