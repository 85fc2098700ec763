// Test helpers around the language service: lint a text with one rule, render diagnostics as golden lines (with the text each covers).
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

/** The longest covered text a golden line shows whole; a longer one shows its start, `…` and its end. */
const COVERED_MAX = 40;

/** The text `span` covers in `text`, on one line: line breaks and tabs escaped, a long span cut in the middle. */
export function coveredText(text: string, span: { start: number; end: number }): string {
  const chars = Array.from(text.slice(span.start, span.end)); // code points: a cut never splits a pair
  const shown = chars.length > COVERED_MAX ? [...chars.slice(0, 24), '…', ...chars.slice(-12)] : chars;
  return shown.join('').replace(/\\/g, '\\\\').replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

/**
 * `12:5-12:9 «（一）» PL001 error 任务…缺少牵头单位` — 1-based line:column (UTF-16 columns), the text the diagnostic
 * covers in `text`, rule, severity, message.
 */
export function diagnosticLines(diagnostics: LintDiagnostic[], text: string): string {
  return diagnostics
    .map((d) => {
      const s = d.range.start;
      const e = d.range.end;
      return `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1} «${coveredText(text, d.span)}» ${d.ruleId} ${d.severity} ${d.message}`;
    })
    .join('\n');
}
