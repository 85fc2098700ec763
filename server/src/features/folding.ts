// Folding ranges: one per section that spans several lines (its heading line stays visible), and one per task table.
import type { PlanDocument, Span } from '../model/types.js';

/** A foldable run of lines, zero-based and inclusive, as LSP counts them. */
export interface PlanFold {
  startLine: number;
  endLine: number;
}

/** The last offset of `span` that is not space, so that blank lines after a section do not fold with it. */
function lastInk(text: string, span: Span): number {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1]!)) end--;
  return Math.max(span.start, end - 1);
}

/** One fold per multi-line section and per task table, outermost first, in document order. */
export function foldingRanges(plan: PlanDocument): PlanFold[] {
  const folds: PlanFold[] = [];
  const add = (span: Span) => {
    const startLine = plan.lines.positionAt(span.start).line;
    const endLine = plan.lines.positionAt(lastInk(plan.text, span)).line;
    if (endLine > startLine) folds.push({ startLine, endLine });
  };
  for (const section of plan.allSections) add(section.span);
  for (const table of plan.tables) if (table.rows.length > 0) add(table.span);
  folds.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  // Two sections on one line (a plan that lost its line breaks) would give the same fold twice.
  return folds.filter((f, i) => i === 0 || f.startLine !== folds[i - 1]!.startLine || f.endLine !== folds[i - 1]!.endLine);
}
