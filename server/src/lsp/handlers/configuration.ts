// Configuration: the client's `planlint.*` settings (initial, pulled, changed), config files changed on disk, and their problems reported once.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType, MessageType, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { formatConfigProblem, type ConfigProblem } from '../../config/config.js';
import { CONFIG_FILE_NAMES, loadConfigFile } from '../../config/load.js';
import { planKey } from '../../service.js';
import { guardNotification } from '../guard.js';
import { uriToPath } from '../settings.js';
import { readLimits, type Server, type ServerState } from '../state.js';
import type { Diagnostics } from './diagnostics.js';
import type { Indexing } from './indexing.js';
import { mayBePlanFileName } from '../workspace-scan.js';

const pathToUri = (file: string): string => pathToFileURL(file).href;

/** The settings in force and the configuration problems already reported. */
export class Configuration {
  /** Problems reported per file, as a signature: each distinct set is said once. */
  private readonly reported = new Map<string, string>();
  private lastSettings: string | undefined;
  /** Settings requests awaiting the client's answer (part of `planlint/stats`' `pending`). */
  pulling = 0;

  constructor(
    private readonly state: ServerState,
    private readonly diagnostics: Diagnostics,
    private readonly indexing: Indexing,
  ) {
    state.reportConfigProblems = (problems) => this.report(problems);
  }

  /** The settings passed in `initializationOptions` (clients without `workspace/configuration`), or none. */
  initial(settings: unknown): void {
    const state = this.state;
    if (settings !== undefined) {
      state.limits = readLimits(settings);
      const problems = state.configs.setSettings(settings);
      this.lastSettings = JSON.stringify(settings);
      if (problems.length > 0) queueMicrotask(() => this.report(problems));
    } else this.lastSettings = JSON.stringify({});
  }

  /** New settings: limits, configuration layer and locale; every open document is linted again. */
  apply(raw: unknown): void {
    // The first pull usually repeats what the server started with: no need to lint everything again.
    const signature = JSON.stringify(raw ?? {});
    if (signature === this.lastSettings) return;
    this.lastSettings = signature;
    const state = this.state;
    const before = state.limits;
    state.limits = readLimits(raw);
    this.indexing.limitChanged(before);
    if (state.limits.maxDocumentChars !== before.maxDocumentChars) this.diagnostics.limitChanged();
    const problems = state.configs.setSettings(raw);
    if (problems.length > 0) this.report(problems);
    this.diagnostics.relintAll();
  }

  /** Asks the client for its settings (`workspace/configuration`); the documents waiting for them go ahead either way. */
  async pull(): Promise<void> {
    const state = this.state;
    if (!state.caps.workspace?.configuration) return;
    this.pulling++;
    try {
      const [section] = (await state.connection.workspace.getConfiguration([{ section: 'planlint' }])) as unknown[];
      this.apply(section ?? {});
    } finally {
      this.pulling--;
      // Answered or failed: what the server has now is all it will get; the waiting documents go ahead.
      this.diagnostics.settingsArrived();
    }
  }

  /** Reports configuration problems once per distinct set per file: a diagnostic on the file (at the line) and one message. */
  report(problems: ConfigProblem[]): void {
    const state = this.state;
    const byFile = new Map<string, ConfigProblem[]>();
    for (const p of problems) (byFile.get(p.file) ?? byFile.set(p.file, []).get(p.file)!).push(p);
    for (const [file, list] of byFile) {
      const signature = JSON.stringify(list.map((p) => [p.path, p.line, p.messageEn]));
      if (this.reported.get(file) === signature) continue;
      this.reported.set(file, signature);
      const lc = state.locale();
      const isFile = path.isAbsolute(file);
      if (isFile) {
        state.connection.sendDiagnostics({ uri: pathToUri(file), diagnostics: fileDiagnostics(file, list, lc) });
      }
      const first = formatConfigProblem(list[0]!, lc);
      const more = list.length > 1 ? (lc === 'en' ? ` (and ${list.length - 1} more)` : `（另有 ${list.length - 1} 个问题）`) : '';
      const message = isFile
        ? lc === 'en'
          ? `planlint: the configuration ${file} has problems; using the defaults instead. ${first}${more}`
          : `planlint：配置文件 ${file} 有误，已改用默认配置。${first}${more}`
        : lc === 'en'
          ? `planlint: the planlint.* settings have problems; the valid ones apply. ${first}${more}`
          : `planlint：planlint.* 设置有误，仅采用其中有效的部分。${first}${more}`;
      state.say(MessageType.Warning, message);
      state.log(message);
    }
  }

  /**
   * A config file changed on disk: check it now. Still bad with the same problems: nothing new is
   * said; other problems: reported (once); good or gone: its diagnostics are cleared. A units file
   * is cleared here and checked again with the config that names it, when a plan is linted.
   */
  recheck(file: string, deleted: boolean): void {
    const problems = !deleted && CONFIG_FILE_NAMES.includes(path.basename(file)) ? loadConfigFile(file).problems : [];
    const own = problems.filter((p) => path.resolve(p.file) === path.resolve(file));
    if (own.length === 0 && this.reported.has(file)) {
      this.reported.delete(file);
      void this.state.connection.sendDiagnostics({ uri: pathToUri(file), diagnostics: [] });
    }
    if (problems.length > 0) this.report(problems);
  }
}

/** The problems of a config file as diagnostics on it, each at its line (the first line when the file is gone). */
function fileDiagnostics(file: string, problems: ConfigProblem[], lc: string): Diagnostic[] {
  let lines: string[] = [];
  try {
    if (fs.statSync(file).size < 4 * 1024 * 1024) lines = fs.readFileSync(file, 'utf8').split(/\r\n|\r|\n/);
  } catch {
    // the file may be gone; the problems still show at its first line
  }
  return problems.map((p) => {
    const line = p.line !== undefined ? Math.max(0, p.line - 1) : 0;
    const length = lines[line]?.length ?? 0;
    const text = lc === 'en' ? p.messageEn : p.message;
    return {
      range: { start: { line, character: 0 }, end: { line, character: length } },
      severity: 1,
      source: 'planlint',
      message: p.path ? `${p.path}: ${text}` : text,
    };
  });
}

/** `workspace/didChangeConfiguration` and `workspace/didChangeWatchedFiles` (config files, and plan files for the index). */
export function registerConfiguration(connection: Connection, server: Server): void {
  const { state, configuration, diagnostics, indexing } = server;
  const log = state.log;

  connection.onDidChangeConfiguration(
    guardNotification(log, 'workspace/didChangeConfiguration', async (params) => {
      if (state.caps.workspace?.configuration) await configuration.pull();
      else configuration.apply((params?.settings as { planlint?: unknown } | undefined)?.planlint ?? {});
    }),
  );

  connection.onDidChangeWatchedFiles(
    guardNotification(log, 'workspace/didChangeWatchedFiles', (params) => {
      let configChanged = false;
      const toIndex: string[] = [];
      for (const change of params?.changes ?? []) {
        const file = uriToPath(change?.uri);
        if (file === null) continue;
        const deleted = change.type === FileChangeType.Deleted;
        if (state.configs.isConfigSource(file)) {
          state.configs.invalidate(file);
          configuration.recheck(file, deleted);
          configChanged = true;
        }
        if (mayBePlanFileName(file) && !state.documents.byPlanKey(planKey(change.uri))) {
          if (deleted) state.index.delete(change.uri);
          else toIndex.push(file);
        }
      }
      if (configChanged) diagnostics.relintAll();
      indexing.scan('files', toIndex);
    }),
  );
}
