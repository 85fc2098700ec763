// What a rule is: metadata, localised messages and a check that reports findings as message ids + data (ESLint style).
import type { PlanDocument, Span } from '../model/types.js';
import type { Locale, Severity, TextEdit } from './types.js';

/** Text in both locales. */
export type Localized = Record<Locale, string>;

/** A fix as a rule reports it: a message id for its title and the edits. */
export interface RuleFix {
  messageId: string;
  data?: Record<string, string | number>;
  edits: TextEdit[];
}

/** One finding as a rule reports it; the engine renders the text in the chosen locale. */
export interface Report {
  messageId: string;
  span: Span;
  data?: Record<string, string | number>;
  /**
   * At most this serious: the finding takes the rule's severity, lowered to this one (a deadline after the
   * plan's period is a warning where an impossible date is an error; per-task findings summed up by a
   * document-level one are information). Configuring the rule lower still lowers it.
   */
  severity?: 'warning' | 'info';
  /** A safe fix: applied by `--fix` and fix-all. */
  fix?: RuleFix;
  /**
   * Fixes offered in the editor only. A function is called when the diagnostic's suggestions are first read (a code
   * action, JSON output), not when the plan is checked: a rule whose fixes cost more to find than the finding itself
   * (the units a task's siblings are led by, the deadlines a plan uses) defers them.
   */
  suggestions?: RuleFix[] | (() => RuleFix[]);
}

/** A configured unit with its aliases (`市发改委` → `市发展和改革委员会`). */
export interface UnitEntry {
  name: string;
  aliases?: string[];
}

/** Settings the rules read, resolved from configuration. */
export interface RuleSettings {
  units: UnitEntry[];
  deadline: { inheritFromSection: boolean; planPeriodSatisfies: boolean };
  /** Today, for overdue checks (ISO date); tests pin it. */
  today: string;
}

/** What a rule's check receives. */
export interface RuleContext {
  plan: PlanDocument;
  settings: RuleSettings;
  /** This rule's options from configuration (`["warning", { … }]`). */
  options: Record<string, unknown>;
  report(report: Report): void;
}

/** A lint rule: one per file under `server/src/rules/`. */
export interface Rule {
  id: string;
  name: string;
  defaultSeverity: Exclude<Severity, 'off'> | 'off';
  tags: string[];
  /** `safe`: has fixes that `--fix` applies; `suggest`: offers fixes in the editor only. */
  fixable: 'none' | 'safe' | 'suggest';
  /**
   * Which documents the rule checks. `plans` (the default): a text read as a plan only — a report, a policy
   * reading, a notice or rules (`PlanDocument.kind` not `plan`) gets none of its findings, as its numbered items are
   * not tasks. `any`: every text, for what is wrong in any document (a date that does not exist).
   */
  documents?: 'plans' | 'any';
  description: Localized;
  messages: Record<string, Localized>;
  check(context: RuleContext): void;
}

/** Templates split at their placeholders: literal text at even indices, placeholder names at odd ones. */
const compiled = new Map<string, string[]>();
/** Rule messages are a few hundred templates; more than this are not kept (a rule building templates from data). */
const MAX_COMPILED = 2000;

/** Fills `{name}` placeholders (a name not in `data` stays as written). */
export function format(template: string, data: Record<string, string | number> = {}): string {
  let parts = compiled.get(template);
  if (!parts) {
    parts = [];
    let last = 0;
    for (const m of template.matchAll(/\{(\w+)\}/g)) {
      parts.push(template.slice(last, m.index), m[1]!);
      last = m.index + m[0].length;
    }
    parts.push(template.slice(last));
    if (compiled.size < MAX_COMPILED) compiled.set(template, parts);
  }
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!;
    out += (key in data ? String(data[key]) : `{${key}}`) + parts[i + 1]!;
  }
  return out;
}

/** A report's suggestions, found now when the rule deferred them. */
export function suggestionsOf(report: Report): RuleFix[] {
  const { suggestions } = report;
  return typeof suggestions === 'function' ? suggestions() : (suggestions ?? []);
}
