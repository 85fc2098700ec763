// Helpers for model tests: build a plan from lines, pick tasks, and read names, numbers and ranges compactly.
import assert from 'node:assert/strict';
import { parsePlan } from '../../server/src/model/plan.js';
import { oneLine, stripNoise } from '../../server/src/model/text.js';
import type { ParseOptions, PlanDocument, Range, Task, UnitMention } from '../../server/src/model/types.js';

/** Parses the lines joined by `eol` (LF unless told). */
export function planOf(lines: string[], options: ParseOptions = {}, eol = '\n'): PlanDocument {
  return parsePlan(lines.join(eol), options);
}

/** Unit names, in order. */
export const names = (units: UnitMention[]): string[] => units.map((u) => u.name);

/** `line:character-line:character`, 0-based as LSP counts. */
export const at = (range: Range): string => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

/** The one task numbered `number` (fails when there is not exactly one). */
export function task(plan: PlanDocument, number: string): Task {
  const found = plan.tasks.filter((t) => t.number === number);
  assert.equal(found.length, 1, `expected one task numbered ${number}, found ${found.length}: ${plan.tasks.map((t) => t.number).join(' ')}`);
  return found[0]!;
}

/** Checks that every located thing in the plan points at text that exists and matches its own span. */
export function assertRangesAgree(plan: PlanDocument): void {
  const { lines, text } = plan;
  const check = (what: string, span: { start: number; end: number }, range: Range) => {
    assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what}: bad span ${span.start}-${span.end}`);
    assert.deepEqual(range, lines.rangeOf(span), `${what}: range and span disagree`);
  };
  for (const s of plan.allSections) {
    check('section', s.span, s.range);
    check('marker', s.marker.span, s.marker.range);
    check('title', s.titleSpan, s.titleRange);
  }
  for (const t of plan.tasks) {
    check('task', t.span, t.range);
    for (const d of t.deadlines) check('deadline', d.span, d.range);
  }
  for (const u of plan.units) {
    check('unit', u.span, u.range);
    assert.equal(oneLine(stripNoise(text.slice(u.span.start, u.span.end))), u.name, 'a unit name is the text of its span, noise and hard wraps removed');
  }
}
