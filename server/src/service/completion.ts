// Completion as plain data: unit names (this plan's, the unit list's, other plans'), field keywords and the attribution template.
import { attributionAround, attributionSnippet, findCompletionContext, keywordItems, unitCandidates } from '../features/completion.js';
import { planKey, unitCatalog } from '../features/workspace-index.js';
import type { Span } from '../model/types.js';
import type { AnalyzedDocument, ServiceContext } from './types.js';

/** One completion item: what it writes over `span` (plain text, and as a snippet with tab stops where there is one). */
export interface PlanCompletionItem {
  /** `unit`: a unit name; `keyword`: a field keyword (`牵头单位：`); `template`: a whole attribution. */
  kind: 'unit' | 'keyword' | 'template';
  label: string;
  /** Where it comes from (units: 本文 / 单位名单 / 其他方案), or what it is. */
  detail: string;
  /** Aliases and other spellings of a unit, or null. */
  documentation: string | null;
  filterText: string;
  /** The server's order: a client that sorts by its own fuzzy score first keeps it among equals. */
  sortText: string;
  /** The text replaced (the run being typed; for the template, with the opener typed before it). */
  span: Span;
  newText: string;
  /** The template with a tab stop per field, for clients that take snippets. */
  snippet?: string;
}

/** The items at a position, and whether the client should ask again as the user types (more units than were sent). */
export interface PlanCompletion {
  incomplete: boolean;
  items: PlanCompletionItem[];
}

/** The completion at `offset` of `text`; the plan's tables and units come from `basis`, possibly of an earlier version. */
export function completion(ctx: ServiceContext, text: string, offset: number, basis: AnalyzedDocument): PlanCompletion | null {
  const plan = basis.analysis.plan;
  const at = findCompletionContext(text, offset, plan);
  if (!at) return null;
  const locale = ctx.localeOf(basis.config);
  const items: PlanCompletionItem[] = [];
  let incomplete = false;
  if (at.units) {
    const result = unitCandidates(
      {
        catalog: unitCatalog(basis.config.units),
        usage: ctx.workspace.unitUsage(),
        docKey: planKey(basis.uri),
        typing: at.prefix,
        plan,
        typingSpan: at.span,
        around: attributionAround(text, at),
      },
      at.prefix,
      locale,
    );
    incomplete = result.incomplete;
    for (const c of result.items) {
      items.push({ kind: 'unit', label: c.label, detail: c.detail, documentation: c.documentation, filterText: c.filterText, sortText: `1${c.sortText}`, span: at.span, newText: c.label });
    }
  }
  if (at.keywords) {
    const detail = locale === 'en' ? 'attribution field' : '归属字段';
    for (const k of keywordItems(plan)) {
      items.push({ kind: 'keyword', label: k.label, detail, documentation: null, filterText: k.label, sortText: `0${k.label}`, span: at.span, newText: k.insert });
    }
  }
  if (at.template) {
    const { snippet, text: plain } = attributionSnippet(plan);
    const typed = text.slice(at.template.start, at.span.start);
    items.push({
      kind: 'template',
      label: locale === 'en' ? `${plain} (attribution)` : `${plain}（归属模板）`,
      detail: locale === 'en' ? 'lead unit, responsible units and deadline, in this plan’s style' : '牵头单位、责任单位、完成时限（按本方案的写法）',
      documentation: null,
      filterText: `${typed}牵头单位 ${typed}${plain}`,
      sortText: '0~',
      span: at.template,
      newText: plain,
      snippet,
    });
  }
  return { incomplete, items };
}
