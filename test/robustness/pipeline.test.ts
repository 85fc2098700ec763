// Robustness: mutated samples, plan-piece soup and random strings through parse → model → every rule → fixes → every feature, in process.
//
// Each input goes through parseText, parsePlan, lintPlan (every rule on, with and without a unit list),
// applyFixes and fix-all, and every feature of server/src/features: outline, symbols, workspace symbols,
// completion and hover at several offsets, the quick fixes of every diagnostic, folding, references,
// rename, renumbering, attribution templates, the task table and every export format. Nothing may throw,
// every range must lie in the text, and fixes must keep every character outside the spans they report.
// `npm test` runs a few thousand inputs; `npm run fuzz` runs over 100,000 (PIPELINE_RUNS per property).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseText } from '../../grammar/index.js';
import { resolveConfig, type ResolvedConfig } from '../../server/src/config/config.js';
import { applyEdits, insertAttributionEdit, minimalEdits, quickFixes, renumberEdits } from '../../server/src/features/code-actions.js';
import { attributionSnippet, findCompletionContext, keywordItems, unitCandidates } from '../../server/src/features/completion.js';
import { exportTable, toCsv, toJson, toMarkdown } from '../../server/src/features/export.js';
import { foldingRanges } from '../../server/src/features/folding.js';
import { hoverAt } from '../../server/src/features/hover.js';
import { outlineLines } from '../../server/src/features/outline.js';
import { checkNewUnitName, mentionsOf, renameEdits, sameUnitKeys, unitMentionAt, variantKeys } from '../../server/src/features/references.js';
import { documentSymbols, workspaceSymbols, type PlanSymbol } from '../../server/src/features/symbols.js';
import { taskRowsWithProblems } from '../../server/src/features/task-table.js';
import { indexPlan, planKey, unitCatalog, WorkspaceIndex } from '../../server/src/features/workspace-index.js';
import { applyFixes } from '../../server/src/lint/fixes.js';
import type { Fix, LintDiagnostic, TextEdit } from '../../server/src/lint/types.js';
import type { PlanDocument, Range, Span } from '../../server/src/model/types.js';
import { RULE_NAMES } from '../../server/src/config/rule-names.js';
import { createPlanService } from '../../server/src/service.js';
import { alphabetSoup, isSubsequence, mutatedSample, outside, randomString, runsFromEnv, SAMPLE_TEXTS } from './generators.js';

/**
 * Mutated samples: 300 in `npm test`, `PIPELINE_RUNS` in `npm run fuzz`. Generated strings cost ~1/30
 * of a mutated sample (measured: 15 ms and 0.5 ms of CPU per input), so each kind runs 4.5 times as many:
 * 3,000 inputs in `npm test`, 100,000 with PIPELINE_RUNS=10000.
 */
const RUNS = runsFromEnv(300, 'PIPELINE_RUNS');
const STRING_RUNS = Math.round(4.5 * RUNS);
/** Every this many inputs also go through the XLSX writer (a zip per call: the slowest export by far). */
const XLSX_EVERY = 25;

const everyRuleOn = Object.fromEntries(RULE_NAMES.map(([id]) => [id, 'warning' as const]));
const UNITS = [
  { name: '市司法局' },
  { name: '市发展和改革委员会', aliases: ['市发改委', '发改委'] },
  { name: '𠀾市局', aliases: ['𠀾局'] },
  { name: '各区县(市)人民政府' },
];
/** Every rule on, no unit list, Chinese messages. */
const PLAIN: ResolvedConfig = resolveConfig([{ rules: everyRuleOn }]);
/** Every rule on, a unit list (so PL008 and aliases work), English messages. */
const WITH_UNITS: ResolvedConfig = resolveConfig([{ rules: everyRuleOn, units: UNITS, locale: 'en' }]);
const service = createPlanService({ today: '2025-06-30' });
const TODAY = '2025-06-30';

/** How many inputs went through the whole pipeline (printed at the end, for `npm run fuzz`). */
let inputs = 0;

function checkSpan(what: string, span: Span, length: number): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: non-integer span ${span.start}-${span.end}`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= length, `${what}: span ${span.start}-${span.end} outside 0-${length}`);
}

/** A zero-based line's length without its line break, as LSP counts characters. */
function lineLengths(plan: PlanDocument): number[] {
  const { text, lines } = plan;
  const out: number[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    let end = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
    if (end > start && text[end - 1] === '\n') end--;
    if (end > start && text[end - 1] === '\r') end--;
    out.push(end - start);
  }
  return out;
}

function checkRange(what: string, range: Range, lengths: readonly number[]): void {
  for (const p of [range.start, range.end]) {
    assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < lengths.length, `${what}: line ${p.line} of ${lengths.length}`);
    assert.ok(Number.isInteger(p.character) && p.character >= 0 && p.character <= lengths[p.line]!, `${what}: character ${p.character} past line ${p.line}`);
  }
  const { start, end } = range;
  assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${what}: range backwards`);
}

/** Edits within the text, in any order but never overlapping (two inserts at one point would be ambiguous). */
function checkEdits(what: string, edits: readonly TextEdit[], length: number): void {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  sorted.forEach((e, i) => {
    checkSpan(what, e.span, length);
    assert.equal(typeof e.newText, 'string', `${what}: newText`);
    const prev = sorted[i - 1];
    if (prev) assert.ok(prev.span.end <= e.span.start && !(prev.span.start === prev.span.end && e.span.start === e.span.end && prev.span.start === e.span.start), `${what}: edits overlap`);
  });
}

/** Applying `edits` keeps every character outside their spans, in order. */
function checkLossFree(what: string, text: string, edits: readonly TextEdit[], after: string): void {
  assert.ok(isSubsequence(outside(text, edits.map((e) => e.span)), after), `${what}: text outside the edited spans was lost`);
}

function checkSymbols(symbols: readonly PlanSymbol[], lengths: readonly number[]): void {
  for (const s of symbols) {
    assert.equal(typeof s.name, 'string');
    checkRange(`symbol ${s.kind}`, s.range, lengths);
    checkRange(`symbol ${s.kind} selection`, s.selectionRange, lengths);
    checkSymbols(s.children, lengths);
  }
}

/** A few offsets worth probing: ends, the middle, the edges of some diagnostics and units. */
function probeOffsets(plan: PlanDocument, diagnostics: readonly LintDiagnostic[]): number[] {
  const n = plan.text.length;
  const out = new Set([0, n, n >> 1, n >> 2, (3 * n) >> 2]);
  for (const d of diagnostics.slice(0, 4)) out.add(d.span.start).add(d.span.end);
  for (const u of plan.units.slice(0, 4)) out.add(u.span.start).add(u.span.end).add((u.span.start + u.span.end) >> 1);
  for (const t of plan.tasks.slice(0, 2)) out.add(t.span.start);
  return [...out];
}

/** Fix-all by hand, pass by pass, checking each pass; the result must equal the service's fixAll. */
function checkFixes(text: string, config: ResolvedConfig, diagnostics: readonly LintDiagnostic[]): string {
  let current = text;
  let fixes: Fix[] = diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
  for (let pass = 0; pass < 10 && fixes.length > 0; pass++) {
    fixes.forEach((f, i) => checkEdits(`pass ${pass} fix ${i} (${f.title})`, f.edits, current.length));
    const result = applyFixes(current, fixes);
    checkLossFree(`fix pass ${pass}`, current, fixes.flatMap((f) => f.edits), result.text);
    if (result.applied === 0 || result.text === current) break;
    current = result.text;
    fixes = service.analyze(current, config).diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
  }
  const fixed = service.fixAll(text, config).text;
  assert.equal(fixed, current, 'fixAll differs from applying the fixes pass by pass');
  assert.equal(service.fixAll(fixed, config).text, fixed, 'fixing twice changed the text the second time');
  const diff = minimalEdits(text, fixed);
  checkEdits('fix-all minimal edits', diff, text.length);
  assert.equal(applyEdits(text, diff), fixed, 'the minimal edits of fix-all do not give the fixed text');
  return fixed;
}

/** One input through everything under one configuration. */
async function checkPipeline(text: string, config: ResolvedConfig, xlsx: boolean): Promise<void> {
  const parsed = parseText(text);
  assert.deepEqual(parsed.errors, [], 'parser errors');
  const { plan, diagnostics } = service.analyze(text, config);
  assert.equal(plan.text, text);
  assert.deepEqual(plan.problems.filter((p) => /internal/i.test(p.message)).map((p) => p.message), [], 'the model failed inside');
  assert.deepEqual(diagnostics.filter((d) => /failed and was skipped|运行出错/.test(d.message)).map((d) => d.message), [], 'a rule threw');
  const lengths = lineLengths(plan);
  for (const d of diagnostics) {
    checkSpan(d.ruleId, d.span, text.length);
    checkRange(d.ruleId, d.range, lengths);
    assert.deepEqual(d.range, plan.lines.rangeOf(d.span), `${d.ruleId}: range and span disagree`);
    assert.ok(d.message.length > 0 && !/\{\w+\}/.test(d.message), `${d.ruleId}: message not rendered: ${d.message}`);
    for (const f of [...(d.fix ? [d.fix] : []), ...(d.suggestions ?? [])]) checkEdits(`${d.ruleId} fix ${f.title}`, f.edits, text.length);
  }

  checkFixes(text, config, diagnostics);

  // Quick fixes of every diagnostic, at its own span: each keeps what lies outside its edits.
  for (const d of diagnostics) {
    const offered = quickFixes(diagnostics, d.span);
    assert.ok(offered.length >= (d.fix ? 1 : 0) + (d.suggestions?.length ?? 0), `${d.ruleId}: its fixes are not offered at its span`);
    for (const q of offered) {
      checkEdits(`quick fix ${q.title}`, q.edits, text.length);
      checkLossFree(`quick fix ${q.title}`, text, q.edits, applyEdits(text, q.edits));
    }
  }

  assert.ok(outlineLines(plan).every((l) => typeof l === 'string'));
  checkSymbols(documentSymbols(plan, config.locale), lengths);
  const uri = 'file:///w/fuzz.plan';
  const index = new WorkspaceIndex();
  index.set(indexPlan(uri, plan));
  for (const query of ['', '清理', plan.tasks[0]?.title.slice(0, 2) ?? '任务']) {
    for (const s of workspaceSymbols(index.entries(), query)) {
      checkRange('workspace symbol', s.range, lengths);
      checkRange('workspace symbol selection', s.selectionRange, lengths);
    }
  }
  for (const f of foldingRanges(plan)) assert.ok(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < lengths.length, `fold ${f.startLine}-${f.endLine}`);

  const catalog = unitCatalog(config.units);
  const usage = index.units();
  for (const offset of probeOffsets(plan, diagnostics)) {
    const ctx = findCompletionContext(text, offset, plan);
    if (ctx) {
      checkSpan('completion', ctx.span, text.length);
      assert.ok(ctx.span.end <= offset, `completion span ${ctx.span.start}-${ctx.span.end} runs past the cursor ${offset}`);
      if (ctx.template) checkSpan('completion template', ctx.template, text.length);
      if (ctx.units) unitCandidates({ catalog, usage, docKey: planKey(uri), typing: ctx.prefix }, ctx.prefix, config.locale).items.forEach((c) => assert.ok(c.label.length > 0));
    }
    const hover = hoverAt(plan, offset, { locale: config.locale, today: TODAY, catalog, usage, docKey: planKey(uri) });
    if (hover) {
      checkSpan('hover', hover.span, text.length);
      assert.ok(hover.span.start <= offset && offset <= hover.span.end, 'hover span misses the cursor');
      assert.equal(typeof hover.markdown, 'string');
    }
    const mention = unitMentionAt(plan, offset);
    if (mention) {
      assert.ok(mention.span.start <= offset && offset <= mention.span.end);
      const keys = sameUnitKeys(mention.key, catalog);
      const all = variantKeys(mention.key, catalog, [{ plan, diagnostics }]);
      for (const k of keys) assert.ok(all.has(k), 'variants lack a same-unit key');
      for (const m of mentionsOf(plan, all)) checkRange('reference', m.range, lengths);
      for (const newName of ['市新局', '𠀾新局']) {
        assert.equal(checkNewUnitName(newName, config.locale), null);
        const edits = renameEdits(plan, keys, newName);
        checkEdits('rename', edits, text.length);
        assert.ok(edits.some((e) => e.span.start === mention.span.start && e.span.end === mention.span.end), 'rename misses the mention under the cursor');
        checkLossFree('rename', text, edits, applyEdits(text, edits));
      }
    }
    const renumber = renumberEdits(plan, offset);
    checkEdits('renumber', renumber, text.length);
    checkLossFree('renumber', text, renumber, applyEdits(text, renumber));
    const template = insertAttributionEdit(plan, offset);
    if ('edit' in template) {
      checkEdits('attribution template', [template.edit], text.length);
      assert.equal(template.edit.span.start, template.edit.span.end, 'a template replaces text');
    }
  }
  keywordItems(plan).forEach((k) => assert.ok(k.insert.length > 0));
  assert.ok(attributionSnippet(plan).text.length > 0);

  const rows = taskRowsWithProblems(plan, diagnostics);
  assert.equal(rows.length, plan.tasks.length);
  const options = { locale: config.locale, problems: true };
  const csv = toCsv(rows, options);
  assert.equal(csv.split('\r\n').length >= rows.length + 2, true, 'a CSV record per task and the header');
  assert.equal((JSON.parse(toJson('fuzz.plan', rows, options)) as { tasks: unknown[] }).tasks.length, rows.length);
  assert.equal(toMarkdown(rows, config.locale, options).trimEnd().split('\n').length, rows.length + 2, 'a Markdown row per task');
  if (xlsx) assert.ok((await exportTable('xlsx', 'fuzz.plan', rows, options)).length > 0);
}

/** The pipeline under both configurations. */
async function check(text: string): Promise<void> {
  const xlsx = inputs % XLSX_EVERY === 0;
  await checkPipeline(text, PLAIN, xlsx);
  await checkPipeline(text, WITH_UNITS, false);
  inputs++;
}

describe('robustness: every input through parse, model, rules, fixes and every feature', function () {
  // Runs take seconds in `npm test` and minutes in `npm run fuzz`; the timeout only stops a hang.
  this.timeout(Math.max(180_000, RUNS * 100));

  after(() => {
    console.log(`      robustness pipeline: ${inputs} inputs (${RUNS} mutated samples, ${STRING_RUNS} of each kind of string), each under 2 configurations`);
  });

  it('every sample as it is', async () => {
    for (const text of SAMPLE_TEXTS) await check(text);
  });

  it(`mutated samples (${RUNS} runs)`, async () => {
    await fc.assert(fc.asyncProperty(mutatedSample, check), { numRuns: RUNS });
  });

  it(`strings of plan pieces: markers, brackets, keywords, 、, line breaks, NUL, lone surrogates, astral characters, BOM (${STRING_RUNS} runs)`, async () => {
    await fc.assert(fc.asyncProperty(alphabetSoup, check), { numRuns: STRING_RUNS });
  });

  it(`arbitrary strings, lone surrogates included (${STRING_RUNS} runs)`, async () => {
    await fc.assert(fc.asyncProperty(randomString, check), { numRuns: STRING_RUNS });
  });
});
