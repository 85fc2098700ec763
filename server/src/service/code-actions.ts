// Code actions of one document as plain data: quick fixes (safe fixes, suggestions), the plan-period setting, directive comments, fix-all.
import { minimalEdits, quickFixes, suppressionEdits, suppressionTitles, type DiagnosticRef } from '../features/code-actions.js';
import { NEW_CONFIG_FILE } from '../features/config-edits.js';
import type { LintDiagnostic, Locale, TextEdit } from '../lint/types.js';
import type { Span } from '../model/types.js';
import type { AnalyzedDocument, ServiceContext } from './types.js';

/** What the client holds and takes. */
export interface QuickFixOptions {
  /** The findings the client sent back (possibly of an earlier version: only those still found count). */
  refs?: readonly DiagnosticRef[];
  /** The client applies snippet edits: a choice (`选择牵头单位…`) is offered as one, not as its first option. */
  snippets?: boolean;
}

/** One code action, in the order the client shows them. */
export type PlanCodeAction =
  /** A finding's safe fix (`preferred`) or a suggestion. `snippet`: send the edits that carry a snippet as snippet edits. */
  | { kind: 'fix'; title: string; diagnostic: LintDiagnostic; preferred: boolean; edits: TextEdit[]; snippet: boolean }
  /**
   * PL002's plan-level finding settled in the configuration: `deadline.planPeriodSatisfies: true` in the plan's nearest JSON
   * config file (its text from `planPeriodConfigText`), else in a new `newFile` in its workspace folder. The client has the files.
   */
  | { kind: 'configure'; title: string; diagnostic: LintDiagnostic; newFile: string }
  /** A directive comment that silences the finding's rule on its line or in the whole file. */
  | { kind: 'directive'; title: string; diagnostic: LintDiagnostic; edit: TextEdit };

function fixAllTitleIn(locale: Locale): string {
  return locale === 'en' ? 'Fix all auto-fixable planlint problems' : '修复所有可自动修复的 planlint 问题';
}

/** The title of fix-all, or null when no finding of the document has a safe fix. */
export function fixAllTitle(ctx: ServiceContext, doc: AnalyzedDocument): string | null {
  return doc.analysis.diagnostics.some((d) => d.fix) ? fixAllTitleIn(ctx.localeOf(doc.config)) : null;
}

/** Every safe fix, applied until stable, as the few edits that turn the text into the fixed one. */
export function fixAllEdits(ctx: ServiceContext, doc: AnalyzedDocument): TextEdit[] {
  if (!doc.analysis.diagnostics.some((d) => d.fix)) return [];
  const text = doc.analysis.plan.text;
  return minimalEdits(text, ctx.fixAll(text, doc.config).text);
}

/**
 * The actions for the findings under `range` (either way round) or matching `refs`: fixes and suggestions (one per distinct
 * edit: without snippets a choice is its first option, which another fix may already offer), then the configuration
 * setting of PL002's plan-level finding, then directive comments, one pair per rule.
 */
export function codeActions(ctx: ServiceContext, doc: AnalyzedDocument, range: Span, options: QuickFixOptions): PlanCodeAction[] {
  const { plan, diagnostics } = doc.analysis;
  const refs = options.refs ?? [];
  const snippets = options.snippets === true;
  const start = Math.min(range.start, range.end);
  const end = Math.max(range.start, range.end);
  const locale = ctx.localeOf(doc.config);
  const actions: PlanCodeAction[] = [];
  const offered = new Set<string>();
  for (const q of quickFixes(diagnostics, { start, end }, refs)) {
    const signature = JSON.stringify(q.edits.map((e) => [e.span.start, e.span.end, snippets && e.snippet ? e.snippet : e.newText]));
    if (offered.has(signature)) continue;
    offered.add(signature);
    const snippet = snippets && q.edits.some((e) => e.snippet);
    actions.push({ kind: 'fix', title: q.title, diagnostic: q.diagnostic, preferred: q.preferred, edits: q.edits, snippet });
  }
  const wanted = diagnostics.filter(
    (d) =>
      (d.span.start <= end && start <= d.span.end) || refs.some((r) => r.ruleId === d.ruleId && r.span.start === d.span.start && r.span.end === d.span.end),
  );
  for (const d of wanted) {
    if (d.ruleId === 'PL002' && d.messageId === 'mostMissing' && plan.period) {
      const title = locale === 'en' ? "Count the plan's period as every task's deadline (configuration)" : '以方案实施期限作为各项任务的完成时限（写入配置）';
      actions.push({ kind: 'configure', title, diagnostic: d, newFile: NEW_CONFIG_FILE });
    }
  }
  const silenced = new Set<string>();
  for (const d of wanted) {
    if (silenced.has(d.ruleId) || !/^PL\d{3}$/.test(d.ruleId)) continue;
    silenced.add(d.ruleId);
    const edits = suppressionEdits(plan, d.ruleId, d.span);
    const titles = suppressionTitles(d.ruleId, locale);
    if (edits.line) actions.push({ kind: 'directive', title: titles.line, diagnostic: d, edit: edits.line });
    actions.push({ kind: 'directive', title: titles.file, diagnostic: d, edit: edits.file });
  }
  return actions;
}
