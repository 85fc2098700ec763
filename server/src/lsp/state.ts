// What the language server holds between requests: open documents and their analyses, configuration and client settings, the workspace index, the service.
import * as path from 'node:path';
import { MessageType, type ClientCapabilities, type Connection, type TextDocumentEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigProblem } from '../config/config.js';
import { CONFIG_FILE_NAMES } from '../config/load.js';
import type { Locale, TextEdit } from '../lint/types.js';
import { createPlanService, WorkspaceIndex, type OpenPlan, type PlanLanguageService, type PlanWorkspace } from '../service.js';
import { offsetOf, positionOf, toTextEdits, uriOf } from './convert.js';
import { DocxTexts } from './docx.js';
import { AnalysisCache, OpenDocuments, openPlanEntry, type CachedAnalysis } from './documents.js';
import { guarded } from './guard.js';
import { PlanConfigs, uriToPath } from './settings.js';
import { DEFAULT_SCAN_LIMITS, type WorkspaceScanner } from './workspace-scan.js';
import type { Configuration } from './handlers/configuration.js';
import type { Diagnostics } from './handlers/diagnostics.js';
import type { Indexing } from './handlers/indexing.js';

/** Options fixed when the server starts. */
export interface ServerOptions {
  /** The script the workspace index worker runs (this bundle), or null to index in-process. */
  workerFile: string | null;
}

/** What the client may pass in `initializationOptions`. */
export interface InitOptions {
  /** `planlint.*` settings for clients that cannot answer `workspace/configuration`. */
  settings?: unknown;
  /** Today's date (ISO) for deadline checks and hover; tests pin it. */
  today?: string;
  /** Scan the workspace folders for plans (default true). */
  workspaceIndex?: boolean;
  /** Milliseconds to wait after an edit before linting (default 2; bursts of edits coalesce). */
  debounceMs?: number;
}

/** Documents larger than this are not analysed (a 10 MB plan is not a plan); `planlint.maxDocumentChars` changes it. */
const MAX_ANALYZED_CHARS = 10_000_000;

/** The limits a user may raise (or lower) in the `planlint.*` settings. */
export interface Limits {
  /** `planlint.maxDocumentChars`: larger documents are not analysed. */
  maxDocumentChars: number;
  /** `planlint.maxIndexFiles`: the workspace index looks at no more plan files than this. */
  maxIndexFiles: number;
}

/** The limits in a `planlint` settings section: positive integers, else the defaults. */
export function readLimits(raw: unknown): Limits {
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const positive = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : fallback);
  return {
    maxDocumentChars: positive(obj['maxDocumentChars'], MAX_ANALYZED_CHARS),
    maxIndexFiles: positive(obj['maxIndexFiles'], DEFAULT_SCAN_LIMITS.maxFiles),
  };
}

function isoToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** An open plan's current version and its analysis, as requests find it. */
export interface Found {
  doc: TextDocument;
  entry: CachedAnalysis;
}

/** The server's state: one per connection. Handlers read it and ask the service; they keep nothing of their own but timers. */
export class ServerState {
  readonly documents = new OpenDocuments();
  readonly docxTexts = new DocxTexts();
  /** The workspace index: scanned plan files, and the newest analysis of every open document (see `currentIndex`). */
  readonly index = new WorkspaceIndex();
  readonly analyses: AnalysisCache;
  /** The open documents and the index, as the service sees them. */
  readonly workspace: PlanWorkspace;
  service: PlanLanguageService;
  configs: PlanConfigs;
  caps: ClientCapabilities = {};
  initOptions: InitOptions = {};
  debounceMs = 2;
  limits: Limits = readLimits(undefined);
  scanner: WorkspaceScanner | null = null;
  shuttingDown = false;
  /** Reports configuration problems (on the file and in a message); set by the configuration handlers. */
  reportConfigProblems: (problems: ConfigProblem[]) => void = () => {};
  private readonly unindexed = new Set<string>();
  private indexSoon: NodeJS.Timeout | undefined;

  constructor(
    readonly connection: Connection,
    readonly options: ServerOptions,
  ) {
    this.workspace = {
      openPlans: () => this.openPlans(),
      indexedPlans: () => this.currentIndex().entries(),
      unitUsage: () => this.currentIndex().units(),
    };
    this.service = createPlanService({ workspace: this.workspace });
    this.configs = new PlanConfigs('zh-CN', (problems) => this.reportConfigProblems(problems));
    const state = this;
    this.analyses = new AnalysisCache({
      get service() {
        return state.service;
      },
      configFor: (uri) => this.configs.forUri(uri),
      generation: () => this.configs.generation,
      // Indexed off the diagnostics path: once the publish is written (the connection serialises and
      // writes it in a `setImmediate`; a zero timeout runs after that), or before a request that reads
      // the index if one comes first. Soon, because the entry of the previous version holds the
      // previous plan (see `openPlanEntry`).
      analyzed: (entry) => {
        this.unindexed.add(entry.uri);
        this.indexSoon ??= setTimeout(() => this.currentIndex(), 0);
      },
    });
  }

  /** Logs to the client's output channel (stderr when the connection cannot). */
  readonly log = (message: string): void => {
    try {
      this.connection.console.error(message);
    } catch {
      process.stderr.write(message + '\n');
    }
  };

  /** Shows a message to the user (`window/showMessage`). */
  say(type: MessageType, message: string): void {
    void this.connection.sendNotification('window/showMessage', { type, message });
  }

  /** Today (ISO): pinned by `initializationOptions.today` or `PLANLINT_TODAY`, else the local date. */
  today(): string {
    return this.initOptions.today ?? process.env['PLANLINT_TODAY'] ?? isoToday();
  }

  /** The language of the server's own messages. */
  locale(): Locale {
    return this.configs.locale;
  }

  /** Not a config file a client sent along (those are the config report's). */
  isPlanDocument(doc: TextDocument): boolean {
    const name = path.basename(uriToPath(doc.uri) ?? doc.uri);
    return !['json', 'jsonc', 'yaml'].includes(doc.languageId) && !CONFIG_FILE_NAMES.includes(name);
  }

  /** A plan within `planlint.maxDocumentChars`. */
  isLintable(doc: TextDocument): boolean {
    return this.isPlanDocument(doc) && doc.getText().length <= this.limits.maxDocumentChars;
  }

  /** The analysis of the document's current version, or null when the document is not open or not a plan. */
  analysisOf(uri: unknown): Found | null {
    const doc = typeof uri === 'string' ? this.documents.get(uri) : undefined;
    if (!doc || !this.isLintable(doc)) return null;
    return { doc, entry: this.analyses.current(doc) };
  }

  /**
   * The analysis of the document a position request names, and the offset of its position (hover, references,
   * rename); null when the document is not an open plan or the position lies outside its text.
   */
  analysisAt(params: unknown): (Found & { offset: number }) | null {
    const found = this.analysisOf(uriOf(params));
    const offset = found && offsetOf(found.doc, positionOf(params));
    return found && offset !== null ? { ...found, offset } : null;
  }

  /** Every open document for the service: analysed when it reads one (a plan's current version), else null. */
  private *openPlans(): Iterable<OpenPlan> {
    for (const doc of this.documents.all()) {
      const state = this;
      yield {
        uri: doc.uri,
        get analysis() {
          return state.isLintable(doc) ? state.analyses.current(doc).analysis : null;
        },
      };
    }
  }

  /** The workspace index, with the newest analysis of every open document in it. */
  currentIndex(): WorkspaceIndex {
    clearTimeout(this.indexSoon);
    this.indexSoon = undefined;
    for (const uri of this.unindexed) {
      const entry = this.analyses.latest(uri);
      if (entry && this.documents.get(uri)) guarded(this.log, 'indexing', () => this.index.set(openPlanEntry(uri, entry.analysis.plan)));
    }
    this.unindexed.clear();
    return this.index;
  }

  /** Stops the pending index update (shutdown). */
  stopIndexing(): void {
    clearTimeout(this.indexSoon);
  }

  /** Text edits per document as one workspace edit: versioned document changes when the client takes them. */
  workspaceEdit(byDoc: { doc: TextDocument; edits: readonly TextEdit[] }[]): WorkspaceEdit {
    const nonEmpty = byDoc.filter((d) => d.edits.length > 0);
    if (this.caps.workspace?.workspaceEdit?.documentChanges) {
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
}


/** What the handlers share: the state, and the parts that keep timers or flags of their own. */
export interface Server {
  state: ServerState;
  diagnostics: Diagnostics;
  configuration: Configuration;
  indexing: Indexing;
}
