// Test helpers around the language service: lint a text with one rule, render diagnostics as golden lines.
import { resolveConfig, validateConfig, type PlanlintConfig } from '../../server/src/config/config.js';
import type { LintDiagnostic, Locale } from '../../server/src/lint/types.js';
import { allRules } from '../../server/src/rules/index.js';
import { createPlanService } from '../../server/src/service.js';

/** A fixed "today" so that overdue checks give the same answer every day. */
export const TODAY = '2025-06-01';

/** Builds a resolved configuration from a raw object, failing loudly when it is invalid. */
export function configOf(raw: PlanlintConfig = {}) {
  const { config, problems } = validateConfig(raw, 'test-config');
  if (config === null) throw new Error(problems.map((p) => p.message).join('\n'));
  return resolveConfig([config]);
}

/** Lints `text` with every rule (or only `ruleId`), under an optional raw configuration. */
export function lint(text: string, options: { ruleId?: string; config?: PlanlintConfig; locale?: Locale } = {}): LintDiagnostic[] {
  const rules = options.ruleId ? allRules.filter((r) => r.id === options.ruleId) : allRules;
  const service = createPlanService({ rules, today: TODAY, ...(options.locale ? { locale: options.locale } : {}) });
  return service.analyze(text, configOf(options.config)).diagnostics;
}

/** `12:5-12:9 PL001 error 任务…缺少牵头单位` — 1-based line:column, UTF-16 columns. */
export function diagnosticLines(diagnostics: LintDiagnostic[]): string {
  return diagnostics
    .map((d) => {
      const s = d.range.start;
      const e = d.range.end;
      return `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1} ${d.ruleId} ${d.severity} ${d.message}`;
    })
    .join('\n');
}
