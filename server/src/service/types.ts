// What the language service reads besides a text: a document's analysis, the client's workspace, a cancellation flag.
import type { ResolvedConfig } from '../config/config.js';
import type { IndexedPlan, UnitUsage } from '../features/workspace-index.js';
import type { FixResult } from '../lint/fixes.js';
import type { LintDiagnostic, Locale } from '../lint/types.js';
import type { PlanDocument } from '../model/types.js';

/** A plan read and linted. */
export interface Analysis {
  plan: PlanDocument;
  diagnostics: LintDiagnostic[];
}

/**
 * A document as the editor features read it: one version of its text (`analysis.plan.text`), analysed under its
 * configuration. Clients make one per version with `analyze` and pass it back to every request on that version.
 */
export interface AnalyzedDocument {
  /** Where the text comes from (a URI); the workspace index keys plans by it. */
  uri: string;
  version: number;
  config: ResolvedConfig;
  analysis: Analysis;
}

/** An open document of the client's workspace. */
export interface OpenPlan {
  readonly uri: string;
  /** Its analysis (read when first asked for), or null when it is not read as a plan (too large, a config file). */
  readonly analysis: Analysis | null;
}

/** What the service may ask of the client's workspace: the open documents and an index of the plan files. */
export interface PlanWorkspace {
  /** Every open document, in the client's order. */
  openPlans(): Iterable<OpenPlan>;
  /** The indexed plans (open documents among them, under their own URIs). */
  indexedPlans(): Iterable<IndexedPlan>;
  /** Mentions per unit key across the indexed plans. */
  unitUsage(): ReadonlyMap<string, UnitUsage>;
}

/** Polled by the requests that walk many plans; once set, they stop and answer what they have. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** What the service's parts share: the workspace, the locale rule, and the service's own reading and fixing. */
export interface ServiceContext {
  workspace: PlanWorkspace;
  /** The language of what the service writes for a document under `config` (the service's `locale` option wins). */
  localeOf(config: ResolvedConfig): Locale;
  parse(text: string, config?: ResolvedConfig): PlanDocument;
  analyze(text: string, config?: ResolvedConfig): Analysis;
  fixAll(text: string, config?: ResolvedConfig): FixResult;
}
