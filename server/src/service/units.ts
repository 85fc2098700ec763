// Units across plans: hover, references and rename, over the document, the client's other open plans and its workspace index.
import { hoverAt, type PlanHover } from '../features/hover.js';
import { checkNewUnitName, mentionsOf, renameEdits, sameUnitKeys, unitMentionAt, variantKeys } from '../features/references.js';
import { planKey, unitCatalog } from '../features/workspace-index.js';
import type { TextEdit } from '../lint/types.js';
import type { PlanDocument, Range, Span } from '../model/types.js';
import type { Analysis, AnalyzedDocument, Cancellation, ServiceContext } from './types.js';

/** A place in some plan of the workspace. */
export interface PlanLocation {
  uri: string;
  range: Range;
}

/** A rename: the edits of each open plan (in the client's order; a plan with nothing to change has none), or why the name is refused. */
export type RenameResult = { edits: { uri: string; edits: TextEdit[] }[] } | { problem: string };

/** The hover at `offset`: a unit, a task marker or 序号 cell, or the title. */
export function hover(ctx: ServiceContext, doc: AnalyzedDocument, offset: number, today: string): PlanHover | null {
  return hoverAt(doc.analysis.plan, offset, {
    locale: ctx.localeOf(doc.config),
    today,
    catalog: unitCatalog(doc.config.units),
    usage: ctx.workspace.unitUsage(),
    docKey: planKey(doc.uri),
  });
}

/**
 * Every mention of the unit at `offset` (same key, and the unit list's aliases): this document's first, then each other
 * open plan's, then the indexed plans that are not open. An open document not read as a plan hides its indexed copy too.
 */
export function references(ctx: ServiceContext, doc: AnalyzedDocument, offset: number, token?: Cancellation): PlanLocation[] {
  const mention = unitMentionAt(doc.analysis.plan, offset);
  if (!mention) return [];
  const keys = sameUnitKeys(mention.key, unitCatalog(doc.config.units));
  const out: PlanLocation[] = [];
  const openKeys = new Set<string>();
  const visit = (uri: string, plan: PlanDocument | null) => {
    openKeys.add(planKey(uri));
    if (plan) for (const u of mentionsOf(plan, keys)) out.push({ uri, range: u.range });
  };
  visit(doc.uri, doc.analysis.plan);
  for (const open of ctx.workspace.openPlans()) {
    if (token?.isCancellationRequested) return out;
    if (open.uri !== doc.uri) visit(open.uri, open.analysis?.plan ?? null);
  }
  for (const plan of ctx.workspace.indexedPlans()) {
    if (openKeys.has(planKey(plan.uri))) continue;
    for (const m of plan.mentions) if (keys.has(m.key)) out.push({ uri: plan.uri, range: m.range });
  }
  return out;
}

/** The mention a rename at `offset` changes, and its text. */
export function prepareRename(doc: AnalyzedDocument, offset: number): { span: Span; placeholder: string } | null {
  const mention = unitMentionAt(doc.analysis.plan, offset);
  if (!mention) return null;
  return { span: mention.span, placeholder: doc.analysis.plan.text.slice(mention.span.start, mention.span.end) };
}

/**
 * Renames the unit at `offset` over every open plan: the mentions with its key, or with `allVariants` every spelling
 * variant (the unit list's aliases and the variants PL007 finds in the open plans). Null off a mention.
 */
export function renameUnit(ctx: ServiceContext, doc: AnalyzedDocument, offset: number, newName: unknown, allVariants: boolean): RenameResult | null {
  const mention = unitMentionAt(doc.analysis.plan, offset);
  if (!mention) return null;
  const problem = checkNewUnitName(newName as string, ctx.localeOf(doc.config));
  if (problem) return { problem };
  const open: { uri: string; analysis: Analysis }[] = [];
  for (const p of ctx.workspace.openPlans()) {
    const analysis = p.analysis;
    if (analysis) open.push({ uri: p.uri, analysis });
  }
  const catalog = unitCatalog(doc.config.units);
  const keys = allVariants ? variantKeys(mention.key, catalog, open.map((o) => o.analysis)) : new Set([mention.key]);
  return { edits: open.map((o) => ({ uri: o.uri, edits: renameEdits(o.analysis.plan, keys, newName as string) })) };
}
