// Runs the rules over a plan: each rule isolated, severities and directives applied, messages rendered in a locale.
import { keepShape } from '../../../grammar/shapes.js';
import type { Directive, PlanDocument, Range, Span } from '../model/types.js';
import { coverOf } from '../model/ranges.js';
import { format, type Report, type Rule, type RuleFix, type RuleSettings } from './rule.js';
import type { Fix, LintDiagnostic, Locale, Severity } from './types.js';

/** How to run the rules. */
export interface LintOptions {
  rules: readonly Rule[];
  locale?: Locale;
  /** Severity per rule id; a rule not named runs at its default. */
  severities?: ReadonlyMap<string, Severity>;
  /** Options per rule id. */
  ruleOptions?: ReadonlyMap<string, Record<string, unknown>>;
  settings?: Partial<RuleSettings>;
}

/** The settings rules see when configuration says nothing; `today` when given (the clock is read only without it). */
export function defaultSettings(today?: string): RuleSettings {
  return {
    units: [],
    deadline: { inheritFromSection: true, planPeriodSatisfies: false },
    today: today ?? new Date().toISOString().slice(0, 10),
  };
}

/** How serious each severity is, for lowering a finding to its report's `severity`. */
const RANK: Record<Exclude<Severity, 'off'>, number> = { info: 0, warning: 1, error: 2 };

const INTERNAL = {
  'zh-CN': '规则 {rule} 运行出错，已跳过：{error}',
  en: 'Rule {rule} failed and was skipped: {error}',
};

/** Lints a parsed plan. Never throws: a failing rule becomes one diagnostic and the others still run. */
export function lintPlan(plan: PlanDocument, options: LintOptions): LintDiagnostic[] {
  const locale = options.locale ?? 'zh-CN';
  const settings = { ...defaultSettings(options.settings?.today), ...options.settings };
  const suppressed = suppression(plan.directives, plan, options.rules);
  const out: LintDiagnostic[] = [];
  // A text that is not a plan (a report, a notice, rules…) is checked only by the rules meant for any document.
  const isPlan = plan.kind === 'plan';
  for (const rule of options.rules) {
    const severity = options.severities?.get(rule.id) ?? rule.defaultSeverity;
    if (severity === 'off' || suppressed.file.has(rule.id) || (!isPlan && rule.documents !== 'any')) continue;
    const render = (r: RuleFix): Fix => ({ title: message(rule, r.messageId, r.data, locale), edits: r.edits });
    try {
      rule.check({
        plan,
        settings,
        options: options.ruleOptions?.get(rule.id) ?? {},
        report: (report: Report) => {
          if (suppressed.at(rule.id, report.span)) return;
          const diagnostic = newDiagnostic(
            rule,
            report.messageId,
            report.severity && RANK[report.severity] < RANK[severity] ? report.severity : severity,
            message(rule, report.messageId, report.data, locale),
            report.span,
            plan.lines.rangeOf(report.span),
          );
          if (report.fix) diagnostic.fix = render(report.fix);
          const suggestions = report.suggestions;
          if (typeof suggestions === 'function') deferSuggestions(diagnostic, () => suggestions().map(render));
          else if (suggestions?.length) diagnostic.suggestions = suggestions.map(render);
          out.push(diagnostic);
        },
      });
    } catch (error) {
      const span = { start: 0, end: 0 };
      out.push({
        ruleId: rule.id,
        ruleName: rule.name,
        severity: 'warning',
        message: format(INTERNAL[locale], { rule: rule.id, error: error instanceof Error ? error.message : String(error) }),
        span,
        range: plan.lines.rangeOf(span),
      });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
}

function message(rule: Rule, id: string, data: Record<string, string | number> | undefined, locale: Locale): string {
  const text = rule.messages[id];
  return text ? format(text[locale], data) : id;
}

/** Resolves `PL002` or `deadline-missing` to rule ids; an empty list means every rule. */
function ruleIds(names: string[], rules: readonly Rule[]): string[] {
  if (names.length === 0) return rules.map((r) => r.id);
  const ids: string[] = [];
  for (const name of names) {
    const rule = rules.find((r) => r.id.toLowerCase() === name.toLowerCase() || r.name === name);
    if (rule) ids.push(rule.id);
  }
  return ids;
}

/**
 * Directive comments, the markdownlint convention: `planlint-disable [rules]` until `planlint-enable
 * [rules]`; `planlint-disable-next-line [rules]`; `planlint-disable-file [rules]`.
 */
function suppression(directives: Directive[], plan: PlanDocument, rules: readonly Rule[]) {
  const file = new Set<string>();
  const ranges = new Map<string, { from: number; to: number }[]>();
  const open = new Map<string, number>();
  const add = (id: string, from: number, to: number) => {
    const list = ranges.get(id) ?? [];
    list.push({ from, to });
    ranges.set(id, list);
  };
  for (const d of directives) {
    const ids = ruleIds(d.rules, rules);
    if (d.kind === 'disable-file') ids.forEach((id) => file.add(id));
    else if (d.kind === 'disable') ids.forEach((id) => open.has(id) || open.set(id, d.span.end));
    else if (d.kind === 'enable') {
      for (const id of ids) {
        const from = open.get(id);
        if (from !== undefined) add(id, from, d.span.start);
        open.delete(id);
      }
    } else {
      const line = plan.lines.positionAt(d.span.end).line + 1;
      const from = plan.lines.lineStart(line);
      const to = line + 1 < plan.lines.lineCount ? plan.lines.lineStart(line + 1) : plan.text.length + 1;
      if (line < plan.lines.lineCount) ids.forEach((id) => add(id, from, to));
    }
  }
  for (const [id, from] of open) add(id, from, Infinity);
  const lookups = new Map([...ranges].map(([id, list]) => [id, coverOf(list)]));
  return {
    file,
    at: (id: string, span: Span) => lookups.get(id)?.(span.start) ?? false,
  };
}

/** A finding of `rule`, its optional fields added after (no spread of a temporary object per finding). */
function newDiagnostic(rule: Rule, messageId: string, severity: Exclude<Severity, 'off'>, message: string, span: Span, range: Range): LintDiagnostic {
  return { ruleId: rule.id, ruleName: rule.name, messageId, severity, message, span, range };
}

/**
 * Gives `diagnostic` suggestions found on first read, then kept: an own, enumerable property, so that JSON and a
 * structured clone carry them (read then) and `'suggestions' in diagnostic` says they may exist without finding
 * them. It reads as absent when there are none; a throwing finder gives none. Every deferred diagnostic has the same
 * getter (`DEFERRED`) and keeps its finder in a property of its own that nothing enumerates (`PENDING`): a getter
 * made per diagnostic gave each its own hidden class, which the collector then had to visit at every scavenge.
 */
function deferSuggestions(diagnostic: LintDiagnostic, find: () => Fix[]): void {
  Object.defineProperty(diagnostic, PENDING, { value: find, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(diagnostic, 'suggestions', DEFERRED);
}

/** Where a deferred diagnostic keeps its finder, then what the finder found. */
const PENDING = Symbol('planlint.pendingSuggestions');

type Pending = LintDiagnostic & { [PENDING]: (() => Fix[]) | Fix[] };

/** The one `suggestions` getter of deferred diagnostics: finds them on first read and keeps them. */
function readSuggestions(this: Pending): Fix[] | undefined {
  let found = this[PENDING];
  if (typeof found === 'function') {
    try {
      found = found();
    } catch {
      found = [];
    }
    this[PENDING] = found;
  }
  return found.length > 0 ? found : undefined;
}

const DEFERRED: PropertyDescriptor = Object.freeze({ enumerable: true, configurable: true, get: readSuggestions });

// A finding of each variant (a fix or not; suggestions deferred, given or none) kept for the process (`keepShape`):
// the findings of a document are dropped with it, and their shapes with them.
{
  const rule = { id: '', name: '' } as Rule;
  const at = { start: 0, end: 0 };
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const made = (fix: boolean, suggestions: 'none' | 'deferred' | 'given'): LintDiagnostic => {
    const diagnostic = newDiagnostic(rule, '', 'error', '', at, range);
    if (fix) diagnostic.fix = { title: '', edits: [] };
    if (suggestions === 'deferred') deferSuggestions(diagnostic, () => []);
    else if (suggestions === 'given') diagnostic.suggestions = [];
    return diagnostic;
  };
  keepShape([false, true].flatMap((fix) => [made(fix, 'none'), made(fix, 'deferred'), made(fix, 'given')]));
}
