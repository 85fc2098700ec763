// Applies fixes (lists of text edits) to a text: one pure function used by --fix, fix-all and quick fixes.
import type { Fix, TextEdit } from './types.js';

/** The result of applying fixes: the new text and how many fixes went in. */
export interface FixResult {
  text: string;
  applied: number;
  skipped: number;
}

/**
 * Applies as many fixes as fit without overlapping, in document order. A fix goes in whole or not at
 * all; a fix whose edits overlap an earlier fix is skipped (a second pass picks it up).
 */
export function applyFixes(text: string, fixes: Fix[]): FixResult {
  const ordered = fixes
    .filter((f) => f.edits.length > 0)
    .map((f) => ({ fix: f, edits: [...f.edits].sort(byStart), start: Math.min(...f.edits.map((e) => e.span.start)) }))
    .sort((a, b) => a.start - b.start);
  const accepted: TextEdit[] = [];
  let applied = 0;
  let skipped = 0;
  for (const { edits } of ordered) {
    if (!valid(edits, text.length) || edits.some((e) => accepted.some((a) => overlaps(a, e)))) {
      skipped++;
      continue;
    }
    accepted.push(...edits);
    applied++;
  }
  accepted.sort(byStart);
  let out = '';
  let cursor = 0;
  for (const edit of accepted) {
    out += text.slice(cursor, edit.span.start) + edit.newText;
    cursor = edit.span.end;
  }
  out += text.slice(cursor);
  return { text: out, applied, skipped };
}

/** Applies fixes repeatedly until none applies or the text stops changing (at most `passes` times). */
export function applyFixesUntilStable(text: string, lintFixes: (text: string) => Fix[], passes = 10): FixResult {
  let current = text;
  let applied = 0;
  for (let i = 0; i < passes; i++) {
    const result = applyFixes(current, lintFixes(current));
    if (result.applied === 0 || result.text === current) break;
    applied += result.applied;
    current = result.text;
  }
  return { text: current, applied, skipped: 0 };
}

function byStart(a: TextEdit, b: TextEdit): number {
  return a.span.start - b.span.start || a.span.end - b.span.end;
}

function valid(edits: TextEdit[], length: number): boolean {
  for (let i = 0; i < edits.length; i++) {
    const e = edits[i]!;
    if (e.span.start < 0 || e.span.end > length || e.span.start > e.span.end) return false;
    if (i > 0 && edits[i - 1]!.span.end > e.span.start) return false;
  }
  return true;
}

/** Two edits conflict when their spans overlap, or both insert at the same point. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.span.start === a.span.end && b.span.start === b.span.end) return a.span.start === b.span.start;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}
