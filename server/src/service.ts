// The one language service: read, lint, fix, outline, complete, explain, act on and tabulate a plan. Knows nothing of LSP, files or argv; the CLI and the server are its clients.
import { defaultConfig, type ResolvedConfig } from './config/config.js';
import { insertAttributionEdit, renumberEdits, type DiagnosticRef } from './features/code-actions.js';
import { loadPinyin } from './features/completion.js';
import { planPeriodConfigText } from './features/config-edits.js';
import type { ExportRow } from './features/export.js';
import { foldingRanges, type PlanFold } from './features/folding.js';
import type { PlanHover } from './features/hover.js';
import { outlineLines } from './features/outline.js';
import { documentSymbols, workspaceSymbols, type PlanSymbol, type TaskSymbol } from './features/symbols.js';
import { indexPlan, type IndexedPlan, type UnitUsage } from './features/workspace-index.js';
import { lintPlan } from './lint/engine.js';
import { applyFixesUntilStable, type FixResult } from './lint/fixes.js';
import type { Rule } from './lint/rule.js';
import type { Fix, LintDiagnostic, Locale, TextEdit } from './lint/types.js';
import { parsePlan } from './model/plan.js';
import type { PlanDocument, Span } from './model/types.js';
import type { TaskTableResult } from './protocol.js';
import { allRules } from './rules/index.js';
import { codeActions, fixAllEdits, fixAllTitle, type PlanCodeAction, type QuickFixOptions } from './service/code-actions.js';
import { completion, type PlanCompletion } from './service/completion.js';
import { exportRows, tableRows, taskTable, type ExportRequest, type TableRows } from './service/table.js';
import type { Analysis, AnalyzedDocument, Cancellation, PlanWorkspace, ServiceContext } from './service/types.js';
import { hover, prepareRename, references, renameUnit, type PlanLocation, type RenameResult } from './service/units.js';

// What clients name besides the service itself: the shapes of its answers, the table's formats, the workspace index they keep.
export type { Analysis, AnalyzedDocument, Cancellation, OpenPlan, PlanWorkspace } from './service/types.js';
export type { PlanCodeAction, QuickFixOptions } from './service/code-actions.js';
export type { PlanCompletion, PlanCompletionItem } from './service/completion.js';
export type { ExportRequest, TableRows } from './service/table.js';
export type { PlanLocation, RenameResult } from './service/units.js';
export type { DiagnosticRef, PlanFold, PlanHover, PlanSymbol, TaskSymbol };
export type { PlanSymbolKind } from './features/symbols.js';
export { TABLE_EXTENSIONS, TABLE_FORMATS, type ExportRow, type TableFormat } from './features/export.js';
export type { TableFilter, TaskStatus } from './features/table-filter.js';
export type { TaskRow } from './features/task-table.js';
export { contains, planKey, WorkspaceIndex, type IndexedPlan, type IndexedTask, type UnitUsage } from './features/workspace-index.js';

/** Options fixed for the life of a service. */
export interface PlanServiceOptions {
  rules?: readonly Rule[];
  /** Overrides the configuration's locale (the editor's display language, `--locale`). */
  locale?: Locale;
  /** Today's date for overdue checks, ISO; defaults to the real date. */
  today?: string;
  /** The client's other plans (open documents, the workspace index); none when omitted (the CLI). */
  workspace?: PlanWorkspace;
}

/**
 * The façade every client uses. Offsets are UTF-16 code units of the document's text; ranges come from the model.
 * A document is an `AnalyzedDocument`: the client analyses it once per version (`analyze`) and passes that back.
 */
export interface PlanLanguageService {
  readonly rules: readonly Rule[];

  // Reading and checking
  /** Reads and lints `text` under `config` (defaults when omitted). */
  analyze(text: string, config?: ResolvedConfig): Analysis;
  /** The findings on `text` alone. */
  diagnostics(text: string, config?: ResolvedConfig): LintDiagnostic[];
  /** Applies every safe fix until nothing more applies. */
  fixAll(text: string, config?: ResolvedConfig): FixResult;
  /** Reads `text` without linting it (outline, units and tasks only: the workspace index, the CLI's outline). */
  parse(text: string, config?: ResolvedConfig): PlanDocument;

  // The shape of a plan
  /** The outline tree: title, chapters → sections → tasks, task tables with their rows. */
  documentSymbols(doc: AnalyzedDocument): PlanSymbol[];
  /** Tasks of the workspace's plans matching `query`, best first, at most 500; stops early once `token` is cancelled. */
  workspaceSymbols(query: string, token?: Cancellation): TaskSymbol[];
  /** One fold per multi-line section and per task table. */
  foldingRanges(doc: AnalyzedDocument): PlanFold[];
  /** The outline of `text` as indented text lines (`planlint outline`); read, not linted. */
  outline(text: string, config?: ResolvedConfig): string[];
  /** The workspace index entry of a plan (it copies every range it keeps). */
  indexEntry(uri: string, plan: PlanDocument): IndexedPlan;

  // Editing
  /**
   * Completion at `offset` of `text` (the current text), read with `basis`, the document's latest analysis, which may be
   * of an earlier version (completion never waits for the newest keystroke's). Null when nothing is expected there.
   */
  completion(text: string, offset: number, basis: AnalyzedDocument): PlanCompletion | null;
  /** Loads what completion reads besides the plans (the pinyin dictionary), off the start-up path; true once loaded. */
  prepareCompletion(): Promise<boolean>;
  /** On a unit: where it comes from and what it leads; on a task marker: its attribution and deadline; on the title: the kind. */
  hover(doc: AnalyzedDocument, offset: number, today: string): PlanHover | null;
  /** Quick fixes, configuration settings and directive comments for the findings that touch `span` or match `options.refs`. */
  quickFixes(doc: AnalyzedDocument, span: Span, options?: QuickFixOptions): PlanCodeAction[];
  /** The title of fix-all in the document's language, or null when no finding has a safe fix. */
  fixAllTitle(doc: AnalyzedDocument): string | null;
  /** Every safe fix at once, as a minimal diff of the document's text (empty when nothing is fixable). */
  fixAllEdits(doc: AnalyzedDocument): TextEdit[];
  /** The text of a JSON config file with `deadline.planPeriodSatisfies: true` (`existing` null: a new file), or null when it cannot say. */
  planPeriodConfigText(existing: string | null): string | null;
  /** Numbers the items under the section at `offset` 1, 2, 3… in their own form. */
  renumberEdits(doc: AnalyzedDocument, offset: number): TextEdit[];
  /** Inserts the attribution template into the task at `offset`, or says why not. */
  insertAttribution(doc: AnalyzedDocument, offset: number): { edit: TextEdit } | { reason: 'no-task' | 'table' | 'has-attribution' };

  // Units across plans
  /** Mentions of the unit at `offset` (its spellings and the unit list's aliases): this plan, the other open plans, the index. */
  references(doc: AnalyzedDocument, offset: number, token?: Cancellation): PlanLocation[];
  /** The unit mention a rename at `offset` would change, and its text; null off a mention. */
  prepareRename(doc: AnalyzedDocument, offset: number): { span: Span; placeholder: string } | null;
  /** Renames the unit at `offset` in every open plan: its own spelling, or with `allVariants` every spelling variant. */
  renameUnit(doc: AnalyzedDocument, offset: number, newName: unknown, allVariants: boolean): RenameResult | null;

  // The task table
  /** The task table of a document as the editor shows it: rows with ranges, problems and days left from `today`. */
  taskTable(doc: AnalyzedDocument, today: string): TaskTableResult;
  /** The task table of `text` (`planlint table`): with each task's problems when `problems` (the text is then linted). */
  tableRows(text: string, config: ResolvedConfig | undefined, problems: boolean): TableRows;
  /** The rows that pass the request's filter, written in its format (text formats in UTF-8). */
  exportTable(rows: readonly ExportRow[], request: ExportRequest): Promise<Uint8Array>;
}


/** The service's earlier name, kept for callers that only analyse and fix. */
export type PlanService = PlanLanguageService;

/** No other plans: the CLI's view of the world. */
const NO_WORKSPACE: PlanWorkspace = {
  openPlans: () => [],
  indexedPlans: () => [],
  unitUsage: () => new Map<string, UnitUsage>(),
};

/** Creates the language service. */
export function createPlanService(options: PlanServiceOptions = {}): PlanLanguageService {
  const rules = options.rules ?? allRules;
  const fallback = defaultConfig();

  function parse(text: string, config: ResolvedConfig = fallback): PlanDocument {
    return parsePlan(text, {
      nonTaskSections: config.nonTaskSections,
      ...(config.period ? { period: config.period } : {}),
      ...(config.kind ? { kind: config.kind } : {}),
    });
  }

  function analyze(text: string, config: ResolvedConfig = fallback): Analysis {
    const plan = parse(text, config);
    const diagnostics = lintPlan(plan, {
      rules,
      locale: options.locale ?? config.locale,
      severities: config.ruleSeverity,
      ruleOptions: config.ruleOptions,
      settings: {
        units: config.units,
        deadline: {
          inheritFromSection: config.deadline.inheritFromSection ?? true,
          planPeriodSatisfies: config.deadline.planPeriodSatisfies ?? false,
        },
        ...(options.today ? { today: options.today } : {}),
      },
    });
    return { plan, diagnostics };
  }

  function fixAll(text: string, config: ResolvedConfig = fallback): FixResult {
    return applyFixesUntilStable(text, (current) =>
      analyze(current, config)
        .diagnostics.map((d) => d.fix)
        .filter((f): f is Fix => f !== undefined),
    );
  }

  const ctx: ServiceContext = {
    workspace: options.workspace ?? NO_WORKSPACE,
    localeOf: (config) => options.locale ?? config.locale,
    fixAll,
    analyze,
    parse,
  };

  return {
    rules,
    analyze,
    diagnostics: (text, config) => analyze(text, config).diagnostics,
    fixAll,
    parse,
    documentSymbols: (doc) => documentSymbols(doc.analysis.plan, ctx.localeOf(doc.config)),
    workspaceSymbols: (query, token) => workspaceSymbols(ctx.workspace.indexedPlans(), query, 500, () => token?.isCancellationRequested === true),
    foldingRanges: (doc) => foldingRanges(doc.analysis.plan),
    outline: (text, config = fallback) => outlineLines(parse(text, config), ctx.localeOf(config)),
    indexEntry: indexPlan,
    completion: (text, offset, basis) => completion(ctx, text, offset, basis),
    prepareCompletion: loadPinyin,
    hover: (doc, offset, today) => hover(ctx, doc, offset, today),
    quickFixes: (doc, span, opts = {}) => codeActions(ctx, doc, span, opts),
    fixAllTitle: (doc) => fixAllTitle(ctx, doc),
    fixAllEdits: (doc) => fixAllEdits(ctx, doc),
    planPeriodConfigText,
    renumberEdits: (doc, offset) => renumberEdits(doc.analysis.plan, offset),
    insertAttribution: (doc, offset) => insertAttributionEdit(doc.analysis.plan, offset),
    references: (doc, offset, token) => references(ctx, doc, offset, token),
    prepareRename: (doc, offset) => prepareRename(doc, offset),
    renameUnit: (doc, offset, newName, all) => renameUnit(ctx, doc, offset, newName, all),
    taskTable: (doc, today) => taskTable(doc, today),
    tableRows: (text, config, problems) => tableRows(ctx, text, config, problems),
    exportTable: exportRows,
  };
}
