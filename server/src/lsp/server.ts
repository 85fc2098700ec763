// The language server: LSP handlers over one connection. Each handler is thin: it checks its input, asks the service and the features, and converts the answer.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InsertTextFormat,
  LSPErrorCodes,
  MarkupKind,
  MessageType,
  ResponseError,
  SymbolKind,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Connection,
  type Diagnostic,
  type DocumentSymbol,
  type InitializeParams,
  type InitializeResult,
  type Location,
  type SymbolInformation,
  type CodeActionParams,
  type CompletionParams,
  type DocumentSymbolParams,
  type ExecuteCommandParams,
  type FoldingRangeParams,
  type HoverParams,
  type PrepareRenameParams,
  type ReferenceParams,
  type RenameParams,
  type TextDocumentEdit,
  type WorkspaceEdit,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatConfigProblem, type ConfigProblem } from '../config/config.js';
import { CONFIG_FILE_NAMES, findConfigFiles, loadConfigFile } from '../config/load.js';
import { insertAttributionEdit, minimalEdits, quickFixes, renumberEdits, suppressionEdits, suppressionTitles, type DiagnosticRef } from '../features/code-actions.js';
import { NEW_CONFIG_FILE, planPeriodConfigText } from '../features/config-edits.js';
import { exportTable, TABLE_FORMATS, type TableFormat } from '../features/export.js';
import { filterRows, readFilter } from '../features/table-filter.js';
import { attributionAround, attributionSnippet, loadPinyin, findCompletionContext, keywordItems, unitCandidates } from '../features/completion.js';
import { foldingRanges } from '../features/folding.js';
import { daysBetween, hoverAt } from '../features/hover.js';
import { checkNewUnitName, mentionsOf, renameEdits, sameUnitKeys, unitMentionAt, variantKeys } from '../features/references.js';
import { documentSymbols, workspaceSymbols, type PlanSymbol } from '../features/symbols.js';
import { taskRowsWithProblems } from '../features/task-table.js';
import { indexPlan, planKey, unitCatalog, WorkspaceIndex } from '../features/workspace-index.js';
import type { LintDiagnostic, Locale, TextEdit } from '../lint/types.js';
import {
  DOCX_TEXT_REQUEST,
  EXPORT_TABLE_REQUEST,
  SERVER_COMMANDS,
  TASK_TABLE_REQUEST,
  type DocxTextParams,
  type DocxTextResult,
  type ExportTableParams,
  type ExportTableResult,
  type PreviewRow,
  type TaskTableParams,
  type TaskTableResult,
} from '../protocol.js';
import { createPlanService, type PlanService } from '../service.js';
import { diagnosticData, markdownToPlain, offsetOf, rangeOf, symbolKind, toDiagnostic, toTextEdits } from './convert.js';
import { DocxTexts } from './docx.js';
import { AnalysisCache, OpenDocuments, openPlanEntry, type CachedAnalysis } from './documents.js';
import { cancelled, guarded, guardNotification, guardRequest } from './guard.js';
import { clientLocale, PlanConfigs, uriToPath } from './settings.js';
import { DEFAULT_SCAN_LIMITS, mayBePlanFileName, WorkspaceScanner, type ScanLimits, type ScanMessage } from './workspace-scan.js';

/** The code action kind of fix-all (`editor.codeActionsOnSave: { "source.fixAll.planlint": "explicit" }`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.planlint`;
/**
 * Commands the server executes (`workspace/executeCommand`). The VS Code client registers commands of
 * its own (`planlint.fixAll` …) that call these, so none of these names may be one of the client's.
 */
export const COMMANDS = {
  /** `[uri, position, newName]`: renames a unit and every spelling variant of it in the open plans. */
  renameUnitAllVariants: 'planlint.renameUnitAllVariants',
  ...SERVER_COMMANDS,
} as const;

/** Options fixed when the server starts. */
export interface ServerOptions {
  /** The script the workspace index worker runs (this bundle), or null to index in-process. */
  workerFile: string | null;
}

/** What the client may pass in `initializationOptions`. */
interface InitOptions {
  /** `planlint.*` settings for clients that cannot answer `workspace/configuration`. */
  settings?: unknown;
  /** Today's date (ISO) for deadline checks and hover; tests pin it. */
  today?: string;
  /** Scan the workspace folders for plans (default true). */
  workspaceIndex?: boolean;
  /** Milliseconds to wait after an edit before linting (default 2; bursts of edits coalesce). */
  debounceMs?: number;
}

/**
 * How long the first diagnostics wait for the client's answer to `workspace/configuration` before
 * they are published under the settings the server has (a client that never answers still gets them).
 */
const SETTINGS_TIMEOUT_MS = 2000;

/** Documents larger than this are not analysed (a 10 MB plan is not a plan); `planlint.maxDocumentChars` changes it. */
const MAX_ANALYZED_CHARS = 10_000_000;

/** The limits a user may raise (or lower) in the `planlint.*` settings. */
interface Limits {
  /** `planlint.maxDocumentChars`: larger documents are not analysed. */
  maxDocumentChars: number;
  /** `planlint.maxIndexFiles`: the workspace index looks at no more plan files than this. */
  maxIndexFiles: number;
}

/** The limits in a `planlint` settings section: positive integers, else the defaults. */
function readLimits(raw: unknown): Limits {
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const positive = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : fallback);
  return {
    maxDocumentChars: positive(obj['maxDocumentChars'], MAX_ANALYZED_CHARS),
    maxIndexFiles: positive(obj['maxIndexFiles'], DEFAULT_SCAN_LIMITS.maxFiles),
  };
}

const EMPTY_COMPLETION: CompletionList = { isIncomplete: false, items: [] };

function isoToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Kind `a` is requested by `only` entry `k` when it equals it or lies under it (`source` covers `source.fixAll.planlint`). */
function kindRequested(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
}

/** Wires every handler onto `connection` and starts listening. */
export function startServer(connection: Connection, options: ServerOptions): void {
  const log = (message: string) => {
    try {
      connection.console.error(message);
    } catch {
      process.stderr.write(message + '\n');
    }
  };
  const documents = new OpenDocuments();
  const docxTexts = new DocxTexts();
  const index = new WorkspaceIndex();
  let service: PlanService = createPlanService();
  let configs = new PlanConfigs('zh-CN', reportConfigProblems);
  let caps: ClientCapabilities = {};
  let initOptions: InitOptions = {};
  let today = () => initOptions.today ?? process.env['PLANLINT_TODAY'] ?? isoToday();
  let debounceMs = 2;
  let limits: Limits = readLimits(undefined);
  let scanner: WorkspaceScanner | null = null;
  let shuttingDown = false;

  const analyses = new AnalysisCache({
    get service() {
      return service;
    },
    configFor: (uri) => configs.forUri(uri),
    generation: () => configs.generation,
    // Indexed off the diagnostics path: once the publish is written (the connection serialises and
    // writes it in a `setImmediate`; a zero timeout runs after that), or before a request that reads
    // the index if one comes first. Soon, because the entry of the previous version holds the
    // previous plan (see `openPlanEntry`).
    analyzed: (entry) => {
      unindexed.add(entry.uri);
      indexSoon ??= setTimeout(currentIndex, 0);
    },
  });
  const unindexed = new Set<string>();
  let indexSoon: NodeJS.Timeout | undefined;
  /** The workspace index, with the newest analysis of every open document in it. */
  function currentIndex(): WorkspaceIndex {
    clearTimeout(indexSoon);
    indexSoon = undefined;
    for (const uri of unindexed) {
      const entry = analyses.latest(uri);
      if (entry && documents.get(uri)) guarded(log, 'indexing', () => index.set(openPlanEntry(uri, entry.analysis.plan)));
    }
    unindexed.clear();
    return index;
  }

  // -------------------------------------------------------------------------------------------
  // Helpers

  const locale = (): Locale => configs.locale;
  const isPlanDocument = (doc: TextDocument) => {
    const name = path.basename(uriToPath(doc.uri) ?? doc.uri);
    return !['json', 'jsonc', 'yaml'].includes(doc.languageId) && !CONFIG_FILE_NAMES.includes(name);
  };
  const isLintable = (doc: TextDocument) => isPlanDocument(doc) && doc.getText().length <= limits.maxDocumentChars;
  /** The analysis of the document's current version, or null when the document is not open or not a plan. */
  const analysisOf = (uri: unknown): { doc: TextDocument; entry: CachedAnalysis } | null => {
    const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!doc || !isLintable(doc)) return null;
    return { doc, entry: analyses.current(doc) };
  };
  const uriOf = (params: unknown): string | undefined => {
    const td = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument;
    return typeof td?.uri === 'string' ? td.uri : undefined;
  };
  const positionOf = (params: unknown): unknown => (params as { position?: unknown } | null)?.position;

  function workspaceEdit(byDoc: { doc: TextDocument; edits: TextEdit[] }[]): WorkspaceEdit {
    const nonEmpty = byDoc.filter((d) => d.edits.length > 0);
    if (caps.workspace?.workspaceEdit?.documentChanges) {
      const documentChanges: TextDocumentEdit[] = nonEmpty.map(({ doc, edits }) => ({
        textDocument: { uri: doc.uri, version: doc.version },
        edits: toTextEdits(doc, edits),
      }));
      return { documentChanges };
    }
    const changes: Record<string, ReturnType<typeof toTextEdits>> = {};
    for (const { doc, edits } of nonEmpty) changes[doc.uri] = toTextEdits(doc, edits);
    return { changes };
  }

  // -------------------------------------------------------------------------------------------
  // Configuration problems: reported once per distinct problem set, on the file and in a message.

  const reportedConfig = new Map<string, string>();

  function configFileDiagnostics(file: string, problems: ConfigProblem[]): Diagnostic[] {
    let lines: string[] = [];
    try {
      if (fs.statSync(file).size < 4 * 1024 * 1024) lines = fs.readFileSync(file, 'utf8').split(/\r\n|\r|\n/);
    } catch {
      // the file may be gone; the problems still show at its first line
    }
    const lc = locale();
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

  function reportConfigProblems(problems: ConfigProblem[]): void {
    const byFile = new Map<string, ConfigProblem[]>();
    for (const p of problems) (byFile.get(p.file) ?? byFile.set(p.file, []).get(p.file)!).push(p);
    for (const [file, list] of byFile) {
      const signature = JSON.stringify(list.map((p) => [p.path, p.line, p.messageEn]));
      if (reportedConfig.get(file) === signature) continue;
      reportedConfig.set(file, signature);
      const lc = locale();
      const isFile = path.isAbsolute(file);
      if (isFile) {
        connection.sendDiagnostics({ uri: pathToUri(file), diagnostics: configFileDiagnostics(file, list) });
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
      connection.sendNotification('window/showMessage', { type: MessageType.Warning, message });
      log(message);
    }
  }

  const pathToUri = (file: string): string => pathToFileURL(file).href;

  /**
   * A config file changed on disk: check it now. Still bad with the same problems: nothing new is
   * said; other problems: reported (once); good or gone: its diagnostics are cleared. A units file
   * is cleared here and checked again with the config that names it, when a plan is linted.
   */
  function recheckConfigFile(file: string, deleted: boolean): void {
    const problems = !deleted && CONFIG_FILE_NAMES.includes(path.basename(file)) ? loadConfigFile(file).problems : [];
    const own = problems.filter((p) => path.resolve(p.file) === path.resolve(file));
    if (own.length === 0 && reportedConfig.has(file)) {
      reportedConfig.delete(file);
      void connection.sendDiagnostics({ uri: pathToUri(file), diagnostics: [] });
    }
    if (problems.length > 0) reportConfigProblems(problems);
  }

  // -------------------------------------------------------------------------------------------
  // Diagnostics: a tiny debounce coalesces bursts; the newest version is always the one published.

  const timers = new Map<string, NodeJS.Timeout>();
  const published = new Map<string, number>();
  /** Whether the user has been told that a document is too large to analyse (once per session) or that the index is full. */
  let saidTooLarge = false;
  let saidIndexFull = false;

  /** Tells the user, once, that a document is over `planlint.maxDocumentChars` and so not analysed. */
  function sayTooLarge(doc: TextDocument): void {
    if (saidTooLarge) return;
    saidTooLarge = true;
    const name = path.basename(uriToPath(doc.uri) ?? doc.uri);
    const chars = doc.getText().length;
    const message =
      locale() === 'en'
        ? `planlint: ${name} is too large to check (${chars} characters, limit ${limits.maxDocumentChars}); raise the setting planlint.maxDocumentChars to check it`
        : `planlint：${name} 过大（${chars} 个字符，上限 ${limits.maxDocumentChars}），未作检查；可在设置 planlint.maxDocumentChars 中调高上限`;
    void connection.sendNotification('window/showMessage', { type: MessageType.Warning, message });
    log(message);
  }

  /**
   * Lints `uri` after a pause in its changes. The pause is a few milliseconds; for a document whose
   * analysis is slow (a 1 MB plan: hundreds of ms) it grows to an eighth of that, at most 50 ms,
   * so that the edits that queued up during one analysis are all taken in before the next starts
   * (otherwise the server falls further behind with every keystroke). The connection hands queued
   * messages over one per turn of the event loop, and a turn that writes a large publish or collects
   * garbage can outlast 2 ms: the timer then fires between two queued edits. Measured on the 1 MB
   * plan (bench/lsp-latency.ts, medians of 3–7 alternated runs on 2 busy cores): a flat 2 ms doubles
   * the paced p50 (~200 → ~460 ms) and gains sequential edits nothing (p50 ~93 vs ~97 ms, noise);
   * a quarter makes sequential edits slower (p50 ~140 ms) and paced ones no faster.
   */
  function schedule(uri: string): void {
    const old = timers.get(uri);
    if (old) clearTimeout(old);
    const slow = analyses.latest(uri)?.ms ?? 0;
    const delay = Math.max(debounceMs, Math.min(50, Math.round(slow / 8)));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        guarded(log, 'diagnostics', () => publish(uri));
      }, delay),
    );
  }

  function cancelScheduled(uri: string): void {
    const old = timers.get(uri);
    if (old) clearTimeout(old);
    timers.delete(uri);
  }

  function publish(uri: string): void {
    if (shuttingDown) return;
    // Until the client's settings are in, a publish would show the defaults and then change.
    if (settingsPending) {
      waitingForSettings.add(uri);
      return;
    }
    const doc = documents.get(uri);
    // Not a plan (a config file a client sent along): its diagnostics, if any, are the config report's.
    if (!doc || !isPlanDocument(doc)) return;
    if (!isLintable(doc)) {
      sayTooLarge(doc);
      // Whatever was published for a smaller version no longer holds.
      if (published.delete(uri)) void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
      return;
    }
    const entry = analyses.current(doc);
    const version = entry.version;
    const found = entry.analysis.diagnostics;
    // In a Word document's text view, each message also names its paragraph (第 N 段) or table cell.
    const diagnostics = docxTexts.decorate(uri, doc.getText(), found.map((d) => toDiagnostic(d, entry.version)), (_, i) => found[i]!.span.start, entry.config.locale);
    // Analysis is synchronous, so this is the current version; the check guards any future change.
    // Only the version's identity counts, not its size: a client may number versions backwards (one
    // that restarted its count), and the newest text must still get its diagnostics.
    if (documents.get(uri)?.version !== version) return;
    published.set(uri, version);
    void connection.sendDiagnostics({ uri, version, diagnostics });
  }

  function relintAll(): void {
    for (const doc of documents.all()) schedule(doc.uri);
  }

  // -------------------------------------------------------------------------------------------
  // Settings

  let lastSettings: string | undefined;
  /**
   * True from `initialize` until the first answer to `workspace/configuration` (or its failure, or
   * `SETTINGS_TIMEOUT_MS`), for clients that have it: no diagnostics are published meanwhile, so
   * that the first publish of a document is already under the client's locale and rule settings.
   */
  let settingsPending = false;
  let settingsTimer: NodeJS.Timeout | undefined;
  /** Documents whose publish waits for the settings. */
  const waitingForSettings = new Set<string>();

  function settingsArrived(): void {
    if (!settingsPending) return;
    settingsPending = false;
    clearTimeout(settingsTimer);
    for (const uri of waitingForSettings) if (documents.get(uri)) schedule(uri);
    waitingForSettings.clear();
  }

  function applySettings(raw: unknown): void {
    // The first pull usually repeats what the server started with: no need to lint everything again.
    const signature = JSON.stringify(raw ?? {});
    if (signature === lastSettings) return;
    lastSettings = signature;
    const before = limits;
    limits = readLimits(raw);
    // A raised index limit: index again, now that more files may be taken.
    if (limits.maxIndexFiles > before.maxIndexFiles && saidIndexFull) {
      saidIndexFull = false;
      scan('folders');
    }
    if (limits.maxDocumentChars !== before.maxDocumentChars) saidTooLarge = false;
    const problems = configs.setSettings(raw);
    if (problems.length > 0) reportConfigProblems(problems);
    relintAll();
  }

  /** Settings requests awaiting the client's answer (part of `planlint/stats`' `pending`). */
  let pulling = 0;

  async function pullSettings(): Promise<void> {
    if (!caps.workspace?.configuration) return;
    pulling++;
    try {
      const [section] = (await connection.workspace.getConfiguration([{ section: 'planlint' }])) as unknown[];
      applySettings(section ?? {});
    } finally {
      pulling--;
      // Answered or failed: what the server has now is all it will get; the waiting documents go ahead.
      settingsArrived();
    }
  }

  // -------------------------------------------------------------------------------------------
  // Workspace index

  function folderPaths(params: InitializeParams): string[] {
    const folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f?.uri)).filter((p): p is string => p !== null);
    if (folders.length > 0) return folders;
    const root = uriToPath(params.rootUri) ?? (typeof params.rootPath === 'string' ? params.rootPath : null);
    return root ? [root] : [];
  }

  function onScan(m: ScanMessage): void {
    if (m.kind === 'entries') {
      for (const entry of m.entries) if (!documents.byPlanKey(planKey(entry.uri))) index.set(entry);
    } else if (m.kind === 'missing') {
      for (const uri of m.uris) if (!documents.byPlanKey(planKey(uri))) index.delete(uri);
    } else if (m.kind === 'log') log(m.message);
    else if (m.kind === 'done') {
      connection.console.log(`planlint: indexed ${m.indexed} plan(s) of ${m.examined} file(s) in ${m.ms} ms${m.truncated ? ' (limit reached)' : ''}`);
      if (m.truncated && !saidIndexFull) {
        saidIndexFull = true;
        const message =
          locale() === 'en'
            ? `planlint: the workspace index stopped at its limit (${limits.maxIndexFiles} files); plans beyond it are not offered in completion, symbols and references. Raise the setting planlint.maxIndexFiles to index them`
            : `planlint：工作区索引已达上限（${limits.maxIndexFiles} 个文件），其余方案不参与补全、符号和引用；可在设置 planlint.maxIndexFiles 中调高上限`;
        void connection.sendNotification('window/showMessage', { type: MessageType.Warning, message });
      }
    }
  }

  function scanLimits(): ScanLimits {
    return { ...DEFAULT_SCAN_LIMITS, maxFiles: limits.maxIndexFiles };
  }

  function scan(kind: 'folders' | 'files', files: string[] = []): void {
    if (initOptions.workspaceIndex === false || !scanner) return;
    const folders = [...configs.getFolders()];
    if (kind === 'folders') {
      if (folders.length > 0) scanner.run({ kind, folders, base: configs.baseLayers(), limits: scanLimits() });
    } else if (files.length > 0) {
      scanner.run({ kind, files, folders, base: configs.baseLayers(), limits: scanLimits() });
    }
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    try {
      caps = params.capabilities ?? {};
      initOptions = params.initializationOptions && typeof params.initializationOptions === 'object' ? (params.initializationOptions as InitOptions) : {};
      if (typeof initOptions.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(initOptions.today)) {
        service = createPlanService({ today: initOptions.today });
      } else {
        initOptions.today = undefined;
        const pinned = process.env['PLANLINT_TODAY'];
        if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) service = createPlanService({ today: pinned });
      }
      today = () => initOptions.today ?? process.env['PLANLINT_TODAY'] ?? isoToday();
      if (typeof initOptions.debounceMs === 'number' && initOptions.debounceMs >= 0 && initOptions.debounceMs <= 1000) debounceMs = initOptions.debounceMs;
      // VS Code sends `locale`; the planlint extension also passes `displayLanguage`.
      const displayLanguage = (initOptions as { displayLanguage?: unknown }).displayLanguage;
      configs = new PlanConfigs(clientLocale(params.locale ?? displayLanguage), reportConfigProblems);
      configs.setFolders(folderPaths(params));
      if (initOptions.settings !== undefined) {
        limits = readLimits(initOptions.settings);
        const problems = configs.setSettings(initOptions.settings);
        lastSettings = JSON.stringify(initOptions.settings);
        if (problems.length > 0) queueMicrotask(() => reportConfigProblems(problems));
      } else lastSettings = JSON.stringify({});
      scanner = new WorkspaceScanner({ workerFile: options.workerFile, onMessage: onScan, log });
      if (caps.workspace?.configuration) {
        settingsPending = true;
        settingsTimer = setTimeout(() => {
          if (settingsPending) log(`planlint: no answer to workspace/configuration in ${SETTINGS_TIMEOUT_MS} ms; linting under the settings so far`);
          settingsArrived();
        }, SETTINGS_TIMEOUT_MS);
      }
    } catch (error) {
      log(`planlint: initialize: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    const prepareSupport = caps.textDocument?.rename?.prepareSupport === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        documentSymbolProvider: { label: 'planlint' },
        workspaceSymbolProvider: true,
        completionProvider: { triggerCharacters: ['：', ':', '、', '，', ','], resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        foldingRangeProvider: true,
        referencesProvider: true,
        renameProvider: prepareSupport ? { prepareProvider: true } : true,
        executeCommandProvider: { commands: Object.values(COMMANDS) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'planlint-ls', version: '0.1.0' },
    };
  });

  connection.onInitialized(
    guardNotification(log, 'initialized', async () => {
      if (caps.workspace?.didChangeConfiguration?.dynamicRegistration) {
        connection.client.register(DidChangeConfigurationNotification.type, { section: 'planlint' }).catch((e: unknown) => log(`planlint: cannot register for configuration changes: ${String(e)}`));
      }
      if (caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        connection.client
          .register(DidChangeWatchedFilesNotification.type, {
            watchers: [{ globPattern: `**/{${CONFIG_FILE_NAMES.join(',')}}` }, { globPattern: '**/*.{plan,txt,md,json,yaml,yml}' }],
          })
          .catch((e: unknown) => log(`planlint: cannot watch files: ${String(e)}`));
      }
      if (caps.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          guardNotification(log, 'workspace/didChangeWorkspaceFolders', (event) => {
            const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
            const kept = configs.getFolders().filter((f) => !removed.has(f));
            const added = event.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== null);
            configs.setFolders([...kept, ...added]);
            relintAll();
            if (added.length > 0 && scanner) scanner.run({ kind: 'folders', folders: added, base: configs.baseLayers(), limits: scanLimits() });
          }),
        );
      }
      scan('folders');
      // The pinyin dictionary of unit completion, off the start-up path.
      void loadPinyin();
      await pullSettings();
    }),
  );

  connection.onShutdown(() => {
    shuttingDown = true;
    clearTimeout(settingsTimer);
    clearTimeout(indexSoon);
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
    scanner?.dispose();
  });

  connection.onDidChangeConfiguration(
    guardNotification(log, 'workspace/didChangeConfiguration', async (params) => {
      if (caps.workspace?.configuration) await pullSettings();
      else applySettings((params?.settings as { planlint?: unknown } | undefined)?.planlint ?? {});
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
        if (configs.isConfigSource(file)) {
          configs.invalidate(file);
          recheckConfigFile(file, deleted);
          configChanged = true;
        }
        if (mayBePlanFileName(file) && !documents.byPlanKey(planKey(change.uri))) {
          if (deleted) index.delete(change.uri);
          else toIndex.push(file);
        }
      }
      if (configChanged) relintAll();
      scan('files', toIndex);
    }),
  );

  // -------------------------------------------------------------------------------------------
  // Text synchronisation

  connection.onDidOpenTextDocument(
    guardNotification(log, 'textDocument/didOpen', (params) => {
      const td = params?.textDocument;
      if (!td || typeof td.uri !== 'string') return;
      documents.open(td.uri, td.languageId, td.version, td.text);
      published.delete(td.uri);
      schedule(td.uri);
    }),
  );

  connection.onDidChangeTextDocument(
    guardNotification(log, 'textDocument/didChange', (params) => {
      const td = params?.textDocument;
      if (!td || typeof td.uri !== 'string') return;
      if (documents.change(td.uri, td.version, params.contentChanges)) schedule(td.uri);
    }),
  );

  connection.onDidCloseTextDocument(
    guardNotification(log, 'textDocument/didClose', (params) => {
      const uri = params?.textDocument?.uri;
      if (typeof uri !== 'string' || !documents.close(uri)) return;
      cancelScheduled(uri);
      waitingForSettings.delete(uri);
      const last = analyses.latest(uri);
      analyses.drop(uri);
      if (published.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
      // The file on disk (if it is a plan in the workspace, and the workspace is indexed) takes the
      // place of the closed buffer. Until the scan has read it, the index keeps a copy of the buffer's
      // entry: the entry made from the analysis holds the whole plan (see `openPlanEntry`).
      const file = uriToPath(uri);
      const inFolder = file !== null && configs.getFolders().some((f) => !path.relative(f, file).startsWith('..'));
      if (file !== null && inFolder && mayBePlanFileName(file) && initOptions.workspaceIndex !== false && scanner) {
        if (last && index.has(uri)) guarded(log, 'indexing', () => index.set(indexPlan(uri, last.analysis.plan)));
        scan('files', [file]);
      } else index.delete(uri);
    }),
  );

  // -------------------------------------------------------------------------------------------
  // Requests are registered by method name on the bare connection: the typed helpers
  // (`connection.onHover` …) read `params.workDoneToken` before our guard runs, so a request with
  // `null` params would fail there instead of getting an empty answer.

  // -------------------------------------------------------------------------------------------
  // Document symbols, workspace symbols, folding

  const toDocumentSymbol = (s: PlanSymbol): DocumentSymbol => ({
    name: s.name,
    detail: s.detail,
    kind: symbolKind(s.kind),
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children.map(toDocumentSymbol),
  });

  connection.onRequest(
    'textDocument/documentSymbol',
    guardRequest<DocumentSymbolParams, unknown>(log, 'textDocument/documentSymbol', [], (params) => {
      const found = analysisOf(uriOf(params));
      if (!found) return [];
      const symbols = documentSymbols(found.entry.analysis.plan, found.entry.config.locale);
      if (caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport) return symbols.map(toDocumentSymbol);
      const flat: SymbolInformation[] = [];
      const walk = (list: PlanSymbol[], container: string | undefined) => {
        for (const s of list) {
          flat.push({ name: s.name, kind: symbolKind(s.kind), location: { uri: found.doc.uri, range: s.range }, ...(container ? { containerName: container } : {}) });
          walk(s.children, s.name);
        }
      };
      walk(symbols, undefined);
      return flat;
    }),
  );

  connection.onRequest(
    'workspace/symbol',
    guardRequest(log, 'workspace/symbol', [], (params: WorkspaceSymbolParams, token) => {
      const query = typeof params?.query === 'string' ? params.query : '';
      const found = workspaceSymbols(currentIndex().entries(), query, 500, () => token.isCancellationRequested);
      if (token.isCancellationRequested) throw cancelled();
      return found.map(
        (t): SymbolInformation => ({ name: t.name, kind: SymbolKind.Function, location: { uri: t.uri, range: t.selectionRange }, containerName: t.container }),
      );
    }),
  );

  connection.onRequest(
    'textDocument/foldingRange',
    guardRequest(log, 'textDocument/foldingRange', [], (params: FoldingRangeParams) => {
      const found = analysisOf(uriOf(params));
      if (!found) return [];
      const folds = foldingRanges(found.entry.analysis.plan);
      const limit = caps.textDocument?.foldingRange?.rangeLimit;
      return typeof limit === 'number' && limit > 0 ? folds.slice(0, limit) : folds;
    }),
  );

  // -------------------------------------------------------------------------------------------
  // Completion

  connection.onRequest(
    'textDocument/completion',
    guardRequest(log, 'textDocument/completion', EMPTY_COMPLETION, (params: CompletionParams): CompletionList => {
      const uri = uriOf(params);
      const doc = uri !== undefined ? documents.get(uri) : undefined;
      if (!doc || !isLintable(doc)) return EMPTY_COMPLETION;
      const offset = offsetOf(doc, positionOf(params));
      if (offset === null) return EMPTY_COMPLETION;
      const text = doc.getText();
      // Completion never waits for an analysis of the newest keystroke: the previous one is enough
      // to know the tables and units (the context itself is read from the current text).
      const latest = analyses.latest(doc.uri) ?? analyses.current(doc);
      const plan = latest.analysis.plan;
      const ctx = findCompletionContext(text, offset, plan);
      if (!ctx) return EMPTY_COMPLETION;
      const items: CompletionItem[] = [];
      const range = rangeOf(doc, ctx.span);
      const lc = latest.config.locale;
      let incomplete = false;
      if (ctx.units) {
        const result = unitCandidates(
          {
            catalog: unitCatalog(latest.config.units),
            usage: currentIndex().units(),
            docKey: planKey(doc.uri),
            typing: ctx.prefix,
            plan,
            typingSpan: ctx.span,
            around: attributionAround(text, ctx),
          },
          ctx.prefix,
          lc,
        );
        incomplete = result.incomplete;
        for (const c of result.items) {
          items.push({
            label: c.label,
            kind: CompletionItemKind.Value,
            detail: c.detail,
            ...(c.documentation ? { documentation: c.documentation } : {}),
            filterText: c.filterText,
            sortText: `1${c.sortText}`,
            // The order is the server's: a client that sorts by its own fuzzy score first keeps it among equals.
            textEdit: { range, newText: c.label },
          });
        }
      }
      if (ctx.keywords) {
        for (const k of keywordItems(plan)) {
          items.push({
            label: k.label,
            kind: CompletionItemKind.Keyword,
            detail: lc === 'en' ? 'attribution field' : '归属字段',
            sortText: `0${k.label}`,
            filterText: k.label,
            textEdit: { range, newText: k.insert },
          });
        }
      }
      if (ctx.template) {
        const { snippet, text: plain } = attributionSnippet(plan);
        const snippets = caps.textDocument?.completion?.completionItem?.snippetSupport === true;
        const typed = text.slice(ctx.template.start, ctx.span.start);
        items.push({
          label: lc === 'en' ? `${plain} (attribution)` : `${plain}（归属模板）`,
          kind: CompletionItemKind.Snippet,
          detail: lc === 'en' ? 'lead unit, responsible units and deadline, in this plan’s style' : '牵头单位、责任单位、完成时限（按本方案的写法）',
          sortText: '0~',
          filterText: `${typed}牵头单位 ${typed}${plain}`,
          insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
          textEdit: { range: rangeOf(doc, ctx.template), newText: snippets ? snippet : plain },
        });
      }
      return { isIncomplete: incomplete, items };
    }),
  );

  // -------------------------------------------------------------------------------------------
  // Hover

  connection.onRequest(
    'textDocument/hover',
    guardRequest(log, 'textDocument/hover', null, (params: HoverParams) => {
      const found = analysisOf(uriOf(params));
      if (!found) return null;
      const offset = offsetOf(found.doc, positionOf(params));
      if (offset === null) return null;
      const { entry, doc } = found;
      const hover = hoverAt(entry.analysis.plan, offset, {
        locale: entry.config.locale,
        today: today(),
        catalog: unitCatalog(entry.config.units),
        usage: currentIndex().units(),
        docKey: planKey(doc.uri),
      });
      if (!hover) return null;
      const formats = caps.textDocument?.hover?.contentFormat;
      const markdown = !formats || formats.includes(MarkupKind.Markdown);
      return {
        contents: markdown ? { kind: MarkupKind.Markdown, value: hover.markdown } : { kind: MarkupKind.PlainText, value: markdownToPlain(hover.markdown) },
        range: rangeOf(doc, hover.span),
      };
    }),
  );

  // -------------------------------------------------------------------------------------------
  // Code actions

  function fixAllEdits(doc: TextDocument, entry: CachedAnalysis): TextEdit[] {
    if (!entry.analysis.diagnostics.some((d) => d.fix)) return [];
    const text = doc.getText();
    const fixed = service.fixAll(text, entry.config).text;
    return minimalEdits(text, fixed);
  }

  /** The client applies snippet edits (`SnippetTextEdit`, LSP 3.18) in a workspace edit. */
  const snippetEdits = (): boolean =>
    caps.workspace?.workspaceEdit?.documentChanges === true && (caps.workspace.workspaceEdit as { snippetEditSupport?: boolean }).snippetEditSupport === true;

  /** A workspace edit whose edits that carry a snippet are sent as snippet edits (the caller checked the client takes them). */
  function snippetWorkspaceEdit(doc: TextDocument, edits: readonly TextEdit[]): WorkspaceEdit {
    const lsp = edits.map((e) =>
      e.snippet ? { range: rangeOf(doc, e.span), snippet: { kind: 'snippet' as const, value: e.snippet } } : { range: rangeOf(doc, e.span), newText: e.newText },
    );
    return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: lsp as TextDocumentEdit['edits'] }] };
  }

  /**
   * "Count the plan's period as every task's deadline": sets `deadline.planPeriodSatisfies: true` in the nearest
   * JSON config file of the plan, or creates `.planlintrc.json` in its workspace folder (else beside it) when there
   * is none. Null for untitled documents, a nearest config in YAML, or a client that cannot create files.
   */
  function planPeriodSettingAction(doc: TextDocument, d: LintDiagnostic, entry: CachedAnalysis): CodeAction | null {
    const file = uriToPath(doc.uri);
    if (file === null) return null;
    const folder = configs.getFolders().find((f) => !path.relative(f, file).startsWith('..'));
    const nearest = findConfigFiles(path.dirname(file), folder)[0];
    const lc = entry.config.locale;
    const title = lc === 'en' ? "Count the plan's period as every task's deadline (configuration)" : '以方案实施期限作为各项任务的完成时限（写入配置）';
    const diagnostics = [toDiagnostic(d, entry.version)];
    if (nearest !== undefined) {
      if (!nearest.endsWith('.json')) return null;
      let existing: string;
      try {
        existing = fs.readFileSync(nearest, 'utf8');
      } catch {
        return null;
      }
      const text = planPeriodConfigText(existing);
      if (text === null) return null;
      const uri = pathToUri(nearest);
      const lines = existing.split(/\r\n|\r|\n/);
      const range = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1]!.length } };
      return { title, kind: CodeActionKind.QuickFix, diagnostics, edit: { changes: { [uri]: [{ range, newText: text }] } } };
    }
    const ops = caps.workspace?.workspaceEdit?.resourceOperations ?? [];
    if (!caps.workspace?.workspaceEdit?.documentChanges || !ops.includes('create')) return null;
    const uri = pathToUri(path.join(folder ?? path.dirname(file), NEW_CONFIG_FILE));
    const text = planPeriodConfigText(null)!;
    return {
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics,
      edit: {
        documentChanges: [
          { kind: 'create', uri, options: { ignoreIfExists: true } },
          { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] },
        ],
      },
    };
  }

  function fixAllTitle(lc: Locale): string {
    return lc === 'en' ? 'Fix all auto-fixable planlint problems' : '修复所有可自动修复的 planlint 问题';
  }

  connection.onRequest(
    'textDocument/codeAction',
    guardRequest(log, 'textDocument/codeAction', [], (params: CodeActionParams, token) => {
      const found = analysisOf(uriOf(params));
      if (!found) return [];
      const { doc, entry } = found;
      const range = params?.range;
      const start = offsetOf(doc, range?.start);
      const end = offsetOf(doc, range?.end);
      if (start === null || end === null) return [];
      const only = Array.isArray(params.context?.only) ? params.context.only : undefined;
      const lc = entry.config.locale;
      const actions: CodeAction[] = [];
      if (kindRequested(only, CodeActionKind.QuickFix)) {
        const refs: DiagnosticRef[] = [];
        for (const d of Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : []) {
          const data = diagnosticData(d?.data);
          // A diagnostic from another version says nothing about the current text: only its range counts.
          if (data && data.version === entry.version) refs.push({ ruleId: data.ruleId, span: data.span });
        }
        const snippets = snippetEdits();
        const offered = new Set<string>();
        const fixes = quickFixes(entry.analysis.diagnostics, { start: Math.min(start, end), end: Math.max(start, end) }, refs);
        for (const q of fixes) {
          // Without snippet edits a choice is its first option, which another fix already offers.
          const signature = JSON.stringify(q.edits.map((e) => [e.span.start, e.span.end, snippets && e.snippet ? e.snippet : e.newText]));
          if (offered.has(signature)) continue;
          offered.add(signature);
          actions.push({
            title: q.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [toDiagnostic(q.diagnostic, entry.version)],
            isPreferred: q.preferred,
            edit: snippets && q.edits.some((e) => e.snippet) ? snippetWorkspaceEdit(doc, q.edits) : workspaceEdit([{ doc, edits: q.edits }]),
          });
        }
        const wanted = entry.analysis.diagnostics.filter(
          (d) =>
            (d.span.start <= Math.max(start, end) && Math.min(start, end) <= d.span.end) ||
            refs.some((r) => r.ruleId === d.ruleId && r.span.start === d.span.start && r.span.end === d.span.end),
        );
        for (const d of wanted) {
          if (d.ruleId === 'PL002' && d.messageId === 'mostMissing' && entry.analysis.plan.period) {
            const settle = planPeriodSettingAction(doc, d, entry);
            if (settle) actions.push(settle);
          }
        }
        // Directive comments last: one pair per rule among the diagnostics asked about.
        const silenced = new Set<string>();
        for (const d of wanted) {
          if (silenced.has(d.ruleId) || !/^PL\d{3}$/.test(d.ruleId)) continue;
          silenced.add(d.ruleId);
          const edits = suppressionEdits(entry.analysis.plan, d.ruleId, d.span);
          const titles = suppressionTitles(d.ruleId, lc);
          const diagnostics = [toDiagnostic(d, entry.version)];
          if (edits.line) actions.push({ title: titles.line, kind: CodeActionKind.QuickFix, diagnostics, edit: workspaceEdit([{ doc, edits: [edits.line] }]) });
          actions.push({ title: titles.file, kind: CodeActionKind.QuickFix, diagnostics, edit: workspaceEdit([{ doc, edits: [edits.file] }]) });
        }
      }
      if (token.isCancellationRequested) throw cancelled();
      const explicit = only?.some((k) => FIX_ALL_KIND === k || FIX_ALL_KIND.startsWith(k + '.')) ?? false;
      const fixable = entry.analysis.diagnostics.some((d) => d.fix);
      if (fixable && (explicit || (!only && actions.length > 0))) {
        const lazy = !explicit && caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit') === true;
        if (lazy) {
          actions.push({ title: fixAllTitle(lc), kind: FIX_ALL_KIND, data: { uri: doc.uri, version: doc.version } });
        } else {
          const edits = fixAllEdits(doc, entry);
          if (edits.length > 0) actions.push({ title: fixAllTitle(lc), kind: FIX_ALL_KIND, edit: workspaceEdit([{ doc, edits }]) });
        }
      }
      return actions;
    }),
  );

  connection.onRequest(
    'codeAction/resolve',
    guardRequest(log, 'codeAction/resolve', null, (action: CodeAction) => {
      const data = action?.data as { uri?: unknown; version?: unknown } | undefined;
      const found = analysisOf(data?.uri);
      if (!found || action.kind !== FIX_ALL_KIND || found.doc.version !== data?.version) return action;
      return { ...action, edit: workspaceEdit([{ doc: found.doc, edits: fixAllEdits(found.doc, found.entry) }]) };
    }),
  );

  // -------------------------------------------------------------------------------------------
  // References and rename

  connection.onRequest(
    'textDocument/references',
    guardRequest(log, 'textDocument/references', [], (params: ReferenceParams, token) => {
      const found = analysisOf(uriOf(params));
      if (!found) return [];
      const offset = offsetOf(found.doc, positionOf(params));
      if (offset === null) return [];
      const mention = unitMentionAt(found.entry.analysis.plan, offset);
      if (!mention) return [];
      const keys = sameUnitKeys(mention.key, unitCatalog(found.entry.config.units));
      const out: Location[] = [];
      const openKeys = new Set<string>();
      const ordered = [found.doc, ...documents.all().filter((d) => d.uri !== found.doc.uri)];
      for (const doc of ordered) {
        if (token.isCancellationRequested) throw cancelled();
        openKeys.add(planKey(doc.uri));
        if (!isLintable(doc)) continue;
        for (const u of mentionsOf(analyses.current(doc).analysis.plan, keys)) out.push({ uri: doc.uri, range: u.range });
      }
      for (const plan of currentIndex().entries()) {
        if (openKeys.has(planKey(plan.uri))) continue;
        for (const m of plan.mentions) if (keys.has(m.key)) out.push({ uri: plan.uri, range: m.range });
      }
      return out;
    }),
  );

  connection.onRequest(
    'textDocument/prepareRename',
    guardRequest(log, 'textDocument/prepareRename', null, (params: PrepareRenameParams) => {
      const found = analysisOf(uriOf(params));
      if (!found) return null;
      const offset = offsetOf(found.doc, positionOf(params));
      if (offset === null) return null;
      const mention = unitMentionAt(found.entry.analysis.plan, offset);
      if (!mention) return null;
      return { range: rangeOf(found.doc, mention.span), placeholder: found.doc.getText().slice(mention.span.start, mention.span.end) };
    }),
  );

  /** Edits renaming the unit at a position over every open plan; `all` takes every spelling variant. */
  function renameUnit(uri: unknown, position: unknown, newName: unknown, all: boolean): WorkspaceEdit | null {
    const found = analysisOf(uri);
    if (!found) return null;
    const offset = offsetOf(found.doc, position);
    if (offset === null) return null;
    const mention = unitMentionAt(found.entry.analysis.plan, offset);
    if (!mention) return null;
    const problem = checkNewUnitName(newName as string, found.entry.config.locale);
    if (problem) throw new ResponseError(LSPErrorCodes.RequestFailed, problem);
    const open = documents.all().filter(isLintable);
    const catalog = unitCatalog(found.entry.config.units);
    const keys = all ? variantKeys(mention.key, catalog, open.map((d) => analyses.current(d).analysis)) : new Set([mention.key]);
    return workspaceEdit(open.map((doc) => ({ doc, edits: renameEdits(analyses.current(doc).analysis.plan, keys, newName as string) })));
  }

  connection.onRequest(
    'textDocument/rename',
    guardRequest(log, 'textDocument/rename', null, (params: RenameParams) => renameUnit(uriOf(params), positionOf(params), params?.newName, false)),
  );

  connection.onRequest(
    'workspace/executeCommand',
    guardRequest(log, 'workspace/executeCommand', null, async (params: ExecuteCommandParams): Promise<{ applied: boolean; edits?: number } | null> => {
      const args = Array.isArray(params?.arguments) ? params.arguments : [];
      if (params?.command === COMMANDS.renameUnitAllVariants) {
        const edit = renameUnit(args[0], args[1], args[2], true);
        if (!edit) return { applied: false };
        const result = await connection.workspace.applyEdit({ label: locale() === 'en' ? 'Rename unit' : '重命名单位', edit });
        return { applied: result.applied };
      }
      const found = analysisOf(args[0]);
      if (!found) return null;
      const { doc, entry } = found;
      const lc = entry.config.locale;
      let edits: TextEdit[] | null = null;
      let label = '';
      if (params.command === COMMANDS.fixAll) {
        edits = fixAllEdits(doc, entry);
        label = fixAllTitle(lc);
      } else if (params.command === COMMANDS.renumberSection) {
        const offset = offsetOf(doc, args[1]);
        if (offset === null) return { applied: false };
        edits = renumberEdits(entry.analysis.plan, offset);
        label = lc === 'en' ? 'Renumber items' : '重新编号';
      } else if (params.command === COMMANDS.insertAttribution) {
        const offset = offsetOf(doc, args[1]);
        if (offset === null) return { applied: false };
        const r = insertAttributionEdit(entry.analysis.plan, offset);
        if ('reason' in r) {
          const why = {
            'no-task': lc === 'en' ? 'The cursor is not in a task.' : '光标不在任务中。',
            table: lc === 'en' ? 'A task-table row takes its units in the table’s columns.' : '任务表的行在表格各列中填写单位。',
            'has-attribution': lc === 'en' ? 'This task already has an attribution.' : '该任务已写有分工。',
          }[r.reason];
          void connection.sendNotification('window/showMessage', { type: MessageType.Info, message: `planlint${lc === 'en' ? ': ' : '：'}${why}` });
          return { applied: false };
        }
        edits = [r.edit];
        label = lc === 'en' ? 'Insert attribution' : '插入分工模板';
      }
      if (edits === null) return null;
      if (edits.length === 0) return { applied: true, edits: 0 };
      const result = await connection.workspace.applyEdit({ label, edit: workspaceEdit([{ doc, edits }]) });
      return { applied: result.applied, edits: edits.length };
    }),
  );

  // -------------------------------------------------------------------------------------------
  // The task table (the client's preview, tree view, status bar and export)

  function taskTable(doc: TextDocument, entry: CachedAnalysis): TaskTableResult {
    const { plan, diagnostics } = entry.analysis;
    const now = today();
    const rows: PreviewRow[] = taskRowsWithProblems(plan, diagnostics).map((row, i) => {
      const task = plan.tasks[i]!;
      const d = task.deadline;
      return {
        ...row,
        range: task.range,
        problems: row.problems.map((p) => ({ ruleId: p.ruleId, severity: p.severity, message: p.message })),
        // A recurring deadline (`每年第一季度`) comes round again: it is never overdue.
        daysLeft: d && !d.ongoing && !d.recurring && d.end ? daysBetween(now, d.end) : null,
        deadlineStart: d && !d.ongoing ? d.start : null,
      };
    });
    return {
      uri: doc.uri,
      version: doc.version,
      title: plan.title,
      period: plan.period ? { start: plan.period.start, end: plan.period.end } : null,
      today: now,
      rows,
      counts: { tasks: rows.length, problems: diagnostics.length, overdue: rows.filter((r) => r.daysLeft !== null && r.daysLeft < 0).length },
    };
  }

  connection.onRequest(
    TASK_TABLE_REQUEST,
    guardRequest(log, TASK_TABLE_REQUEST, null, (params: TaskTableParams): TaskTableResult | null => {
      const found = analysisOf(params?.uri);
      return found ? taskTable(found.doc, found.entry) : null;
    }),
  );

  connection.onRequest(
    EXPORT_TABLE_REQUEST,
    guardRequest(log, EXPORT_TABLE_REQUEST, null, async (params: ExportTableParams): Promise<ExportTableResult | null> => {
      const found = analysisOf(params?.uri);
      const format = params?.format;
      if (!found || !TABLE_FORMATS.includes(format as TableFormat)) return null;
      const table = taskTable(found.doc, found.entry);
      const file = uriToPath(found.doc.uri) ?? found.doc.uri;
      const rows = filterRows(table.rows, readFilter(params.filter), table.today);
      const bytes = await exportTable(format, path.basename(file), rows, { locale: found.entry.config.locale, problems: params.problems === true, title: found.entry.analysis.plan.title });
      return format === 'xlsx' || format === 'docx'
        ? { data: Buffer.from(bytes).toString('base64'), encoding: 'base64' }
        : { data: Buffer.from(bytes).toString('utf8'), encoding: 'utf8' };
    }),
  );

  // -------------------------------------------------------------------------------------------
  // Stats (for the bench and for support)

  // A Word document's text, for the client's read-only view of it (the client cannot read .docx itself).
  connection.onRequest(
    DOCX_TEXT_REQUEST,
    guardRequest<DocxTextParams, DocxTextResult | null>(log, DOCX_TEXT_REQUEST, null, (params) => docxTexts.read(params?.uri, configs.forUri(String(params?.uri)).locale)),
  );

  connection.onRequest(
    'planlint/stats',
    guardRequest(log, 'planlint/stats', null, (params: { gc?: boolean } | null) => {
      // With `--expose-gc` (the bench sets it), `{ gc: true }` collects first so that the heap is what is retained.
      const gc = (globalThis as { gc?: () => void }).gc;
      if (params && typeof params === 'object' && params.gc === true && typeof gc === 'function') gc();
      const m = process.memoryUsage();
      return {
        rss: m.rss,
        heapUsed: m.heapUsed,
        heapTotal: m.heapTotal,
        external: m.external,
        arrayBuffers: m.arrayBuffers,
        documents: documents.size,
        documentChars: documents.all().reduce((n, d) => n + d.getText().length, 0),
        indexedPlans: currentIndex().size,
        indexing: scanner?.busy ?? false,
        indexer: scanner?.mode ?? null,
        analyses: { count: analyses.count, totalMs: analyses.totalMs, lastMs: analyses.lastMs },
        // Work that will still send something with no further message: publishes scheduled, settings awaited.
        // At 0, all of it has been written before this answer (tests wait for it rather than sleep).
        pending: timers.size + (settingsPending ? 1 : 0) + pulling,
      };
    }),
  );

  connection.listen();
}
