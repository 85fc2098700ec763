// Property tests: the grammar and the model survive mutated samples, random strings and pathological inputs.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseText } from '../../grammar/index.js';
import { parsePlan } from '../../server/src/model/plan.js';
import type { PlanDocument, Range, Span } from '../../server/src/model/types.js';
import { alphabetSoup, mutatedSample, randomString, runsFromEnv, SAMPLE_TEXTS } from '../robustness/generators.js';

/** Runs per property; `FUZZ_RUNS=5000` for a longer search. */
const RUNS = runsFromEnv(300);

/** Every span and range the plan holds, with a label for messages. */
function located(plan: PlanDocument): [string, Span, Range | null][] {
  const out: [string, Span, Range | null][] = [];
  const add = (what: string, x: { span: Span; range: Range }) => out.push([what, x.span, x.range]);
  const addAttribution = (a: PlanDocument['allSections'][number]['attributions'][number]) => {
    add('attribution', a);
    [...a.lead, ...a.responsible].forEach((u) => add('attribution unit', u));
    a.deadlines.forEach((d) => add('attribution deadline', d));
    a.problems.forEach((p) => add('attribution problem', p));
  };
  for (const s of plan.allSections) {
    add('section', s);
    add('marker', s.marker);
    out.push(['section title', s.titleSpan, s.titleRange], ['section body', s.bodySpan, null]);
    s.attributions.forEach(addAttribution);
  }
  for (const t of plan.tasks) {
    add('task', t);
    out.push(['task title', { start: 0, end: 0 }, t.titleRange]);
    [...t.lead, ...t.responsible].forEach((u) => add('task unit', u));
    t.deadlines.forEach((d) => add('task deadline', d));
    if (t.deadline) add('task binding deadline', t.deadline);
  }
  plan.units.forEach((u) => add('unit', u));
  for (const table of plan.tables) {
    add('table', table);
    for (const row of table.rows) {
      add('row', row);
      row.cellSpans.forEach((c) => out.push(['cell', c, null]));
    }
  }
  plan.unnumbered.forEach((u) => {
    add('unnumbered', u);
    addAttribution(u.attribution);
  });
  plan.directives.forEach((d) => add('directive', d));
  plan.problems.forEach((p) => add('problem', p));
  return out;
}

/** Parses and checks every invariant; returns a plain snapshot for the determinism check. */
function checkPlan(text: string): string {
  const plan = parsePlan(text);
  assert.equal(plan.text, text);
  const internal = plan.problems.filter((p) => /internal/.test(p.message));
  assert.deepEqual(internal.map((p) => p.message), [], 'the model failed inside');
  const lineCount = plan.lines.lineCount;
  const lineLength = (line: number) => {
    const start = plan.lines.lineStart(line);
    let end = line + 1 < lineCount ? plan.lines.lineStart(line + 1) : text.length;
    if (end > start && text[end - 1] === '\n') end--;
    if (end > start && text[end - 1] === '\r') end--;
    return end - start;
  };
  for (const [what, span, range] of located(plan)) {
    if (what !== 'task title') {
      assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: non-integer span`);
      assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what}: span ${span.start}-${span.end} of ${text.length}`);
    }
    if (range === null) continue;
    for (const p of [range.start, range.end]) {
      assert.ok(p.line >= 0 && p.line < lineCount, `${what}: line ${p.line} of ${lineCount}`);
      assert.ok(p.character >= 0 && p.character <= lineLength(p.line), `${what}: character ${p.character} past line ${p.line}`);
    }
    assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${what}: range backwards`);
    if (what !== 'task title') {
      const expected = plan.lines.rangeOf(span);
      const same = (a: Range['start'], b: Range['start']) => a.line === b.line && a.character === b.character;
      assert.ok(same(range.start, expected.start) && same(range.end, expected.end), `${what}: range and span disagree`);
    }
  }
  assert.deepEqual(plan.tasks.map((t) => t.index), plan.tasks.map((_, i) => i), 'task indexes are consecutive');
  if (plan.kind === 'report') assert.equal(plan.tasks.length, 0);
  return JSON.stringify(plan, (key, value: unknown) => (['parent', 'lines', 'section', 'row', 'table', 'text'].includes(key) ? undefined : value));
}

/** Parses twice: same invariants, same result. */
function checkDeterministic(text: string): void {
  assert.equal(checkPlan(text), checkPlan(text), 'parsing is not deterministic');
}

describe('fuzz: parsePlan never throws and keeps its invariants', function () {
  // Property runs take seconds, more on a loaded machine; a quadratic phase would take minutes.
  this.timeout(120_000);

  it(`mutated samples (${RUNS} runs)`, () => {
    fc.assert(fc.property(mutatedSample, checkDeterministic), { numRuns: RUNS });
  });

  it(`strings of plan pieces (${RUNS} runs)`, () => {
    fc.assert(fc.property(alphabetSoup, checkDeterministic), { numRuns: RUNS });
  });

  it(`arbitrary strings, lone surrogates included (${RUNS} runs)`, () => {
    fc.assert(fc.property(randomString, checkDeterministic), { numRuns: RUNS });
  });

  it('every sample as it is', () => {
    for (const text of SAMPLE_TEXTS) checkDeterministic(text);
  });

  describe('pathological inputs (each must stay linear: a quadratic phase would time out)', () => {
    const cases: [string, () => string][] = [
      ['10,000 nested `(`', () => '(一)任务' + '('.repeat(10_000)],
      ['10,000 nested `(` closed', () => '1.任务' + '('.repeat(10_000) + '牵头' + ')'.repeat(10_000)],
      ['10,000 nested `[` with fields', () => '1.任务' + '[牵头单位:'.repeat(10_000)],
      ['10,000 sibling `1.` lines', () => '某市2021年工作方案\n一、重点任务\n' + '1.清理文件。[牵头单位:市司法局]\n'.repeat(10_000)],
      ['5,000 sibling inline items', () => '(一)任务。' + '一是清理;'.repeat(5_000) + '[牵头单位:市司法局]'],
      ['5,000 inline items each with an attribution', () => '(一)任务。' + '一是清理(市司法局牵头);'.repeat(5_000)],
      ['a 200 KB line with no punctuation', () => '某'.repeat(200_000)],
      ['100 KB of `、`', () => '、'.repeat(100_000)],
      ['100 KB of `、` in a lead field', () => '1.任务。[牵头单位:' + '、'.repeat(100_000) + ']'],
      ['`由A,` 50,000 times without a verb', () => '1.任务。此项工作由' + '市司法局,'.repeat(50_000) + '参加。'],
      ['5,000 brackets on one line, then 5,000 lines under the task', () => '1.任务。' + '[牵头单位:甲]'.repeat(5_000) + '\n于6月底前完成。'.repeat(5_000)],
      ['50,000 unclosed comment openers', () => '<!--'.repeat(50_000)],
      ['5,000 pipe-table rows', () => '| 序号 | 重点工作任务 | 牵头单位 |\n' + '| 1 | 清理 | 市司法局 |\n'.repeat(5_000)],
      ['5,000 tab-separated rows', () => '序号\t重点工作任务\t牵头单位\n' + '1\t清理\t市司法局\n'.repeat(5_000)],
      ['a flattened table of 3,000 rows', () => '序号\n重点工作任务\n牵头单位\n' + Array.from({ length: 3_000 }, (_, i) => `${i + 1}\n清理\n市司法局`).join('\n')],
      ['5,000 header-like short lines', () => '牵头单位\n\u00a0\n'.repeat(5_000)],
      ['5,000 chapters', () => '一、重点任务\n'.repeat(5_000)],
      ['10,000 `(` in a heading title', () => '(一)' + '(甲'.repeat(10_000) + '\n1.乙。'],
      ['5,000 deadlines on one line', () => '1.任务。' + '于6月底前完成,'.repeat(5_000)],
      ['10,000 NULs and lone surrogates', () => '\u0000\ud800'.repeat(10_000)],
    ];
    for (const [label, build] of cases) {
      it(label, () => {
        const text = build();
        const parsed = parseText(text);
        assert.deepEqual(parsed.errors, []);
        checkPlan(text);
      });
    }
  });
});
