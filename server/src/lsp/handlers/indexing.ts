// The workspace index: scans of the workspace folders (and of changed files) in a worker, their results taken into the index, folder changes.
import { MessageType, type Connection } from 'vscode-languageserver/node';
import { planKey } from '../../service.js';
import { guardNotification } from '../guard.js';
import { uriToPath } from '../settings.js';
import type { Limits, Server, ServerState } from '../state.js';
import { DEFAULT_SCAN_LIMITS, WorkspaceScanner, type ScanLimits, type ScanMessage } from '../workspace-scan.js';

/** Runs the scans and takes in what they find. No request waits for it. */
export class Indexing {
  /** Whether the user has been told that the index is full (once, until the limit is raised). */
  private saidIndexFull = false;

  constructor(private readonly state: ServerState) {}

  /** Starts the scanner (at `initialize`). */
  start(): void {
    this.state.scanner = new WorkspaceScanner({ workerFile: this.state.options.workerFile, onMessage: (m) => this.onScan(m), log: this.state.log });
  }

  /** Scans the workspace folders, or some files of them; nothing when the client asked for no index. */
  scan(kind: 'folders' | 'files', files: string[] = []): void {
    const { state } = this;
    if (state.initOptions.workspaceIndex === false || !state.scanner) return;
    const folders = [...state.configs.getFolders()];
    if (kind === 'folders') {
      if (folders.length > 0) state.scanner.run({ kind, folders, base: state.configs.baseLayers(), limits: this.scanLimits() });
    } else if (files.length > 0) {
      state.scanner.run({ kind, files, folders, base: state.configs.baseLayers(), limits: this.scanLimits() });
    }
  }

  /** Scans folders just added to the workspace. */
  scanFolders(folders: string[]): void {
    const { state } = this;
    if (folders.length > 0 && state.scanner) state.scanner.run({ kind: 'folders', folders, base: state.configs.baseLayers(), limits: this.scanLimits() });
  }

  /** The settings' limits changed: a raised index limit, once the index was full, indexes again. */
  limitChanged(before: Limits): void {
    if (this.state.limits.maxIndexFiles > before.maxIndexFiles && this.saidIndexFull) {
      this.saidIndexFull = false;
      this.scan('folders');
    }
  }

  private scanLimits(): ScanLimits {
    return { ...DEFAULT_SCAN_LIMITS, maxFiles: this.state.limits.maxIndexFiles };
  }

  private onScan(m: ScanMessage): void {
    const { state } = this;
    if (m.kind === 'entries') {
      for (const entry of m.entries) if (!state.documents.byPlanKey(planKey(entry.uri))) state.index.set(entry);
    } else if (m.kind === 'missing') {
      for (const uri of m.uris) if (!state.documents.byPlanKey(planKey(uri))) state.index.delete(uri);
    } else if (m.kind === 'log') state.log(m.message);
    else if (m.kind === 'done') {
      state.connection.console.log(`planlint: indexed ${m.indexed} plan(s) of ${m.examined} file(s) in ${m.ms} ms${m.truncated ? ' (limit reached)' : ''}`);
      if (m.truncated && !this.saidIndexFull) {
        this.saidIndexFull = true;
        const limit = state.limits.maxIndexFiles;
        const message =
          state.locale() === 'en'
            ? `planlint: the workspace index stopped at its limit (${limit} files); plans beyond it are not offered in completion, symbols and references. Raise the setting planlint.maxIndexFiles to index them`
            : `planlint：工作区索引已达上限（${limit} 个文件），其余方案不参与补全、符号和引用；可在设置 planlint.maxIndexFiles 中调高上限`;
        state.say(MessageType.Warning, message);
      }
    }
  }
}

/** `workspace/didChangeWorkspaceFolders` (for clients that send it): the configuration follows the folders, new folders are scanned. */
export function registerWorkspaceFolders(connection: Connection, server: Server): void {
  const { state, diagnostics, indexing } = server;
  connection.workspace.onDidChangeWorkspaceFolders(
    guardNotification(state.log, 'workspace/didChangeWorkspaceFolders', (event) => {
      const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
      const kept = state.configs.getFolders().filter((f) => !removed.has(f));
      const added = event.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== null);
      state.configs.setFolders([...kept, ...added]);
      diagnostics.relintAll();
      indexing.scanFolders(added);
    }),
  );
}
