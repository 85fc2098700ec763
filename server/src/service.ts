// The one language service: parse, lint, fix and tabulate a plan. Knows nothing of LSP, files or argv; the CLI and the server are its clients.
import { defaultConfig, type ResolvedConfig } from './config/config.js';
import { lintPlan } from './lint/engine.js';
import { applyFixesUntilStable, type FixResult } from './lint/fixes.js';
import type { Rule } from './lint/rule.js';
import type { Fix, LintDiagnostic, Locale } from './lint/types.js';
import { parsePlan } from './model/plan.js';
import type { PlanDocument } from './model/types.js';
import { allRules } from './rules/index.js';

/** A plan read and linted. */
export interface Analysis {
  plan: PlanDocument;
  diagnostics: LintDiagnostic[];
}

/** Options fixed for the life of a service. */
export interface PlanServiceOptions {
  rules?: readonly Rule[];
  /** Overrides the configuration's locale (the editor's display language, `--locale`). */
  locale?: Locale;
  /** Today's date for overdue checks, ISO; defaults to the real date. */
  today?: string;
}

/** The façade every client uses. */
export interface PlanService {
  readonly rules: readonly Rule[];
  /** Reads and lints `text` under `config` (defaults when omitted). */
  analyze(text: string, config?: ResolvedConfig): Analysis;
  /** Applies every safe fix until nothing more applies. */
  fixAll(text: string, config?: ResolvedConfig): FixResult;
  /** Reads `text` without linting it (outline, units and tasks only: the workspace index of the language server). */
  parse(text: string, config?: ResolvedConfig): PlanDocument;
}

/** Creates the language service. */
export function createPlanService(options: PlanServiceOptions = {}): PlanService {
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

  return { rules, analyze, fixAll, parse };
}
