// Quick fixes over every task of the samples and the seeds (../shared/seeds; the lead and deadline fixes also over ../shared/corpus): any offered fix or directive never raises the number of errors, and never drops user text.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig, type ResolvedConfig } from '../../server/src/config/config.js';
import { applyEdits, suppressionEdits } from '../../server/src/features/code-actions.js';
import type { Fix, LintDiagnostic, TextEdit } from '../../server/src/lint/types.js';
import type { Span } from '../../server/src/model/types.js';
import { createPlanService } from '../../server/src/service.js';
import { corpusDir, haveCorpus } from '../../bench/accuracy/corpus.js';
import { HAVE_SEEDS, SAMPLES, SEEDS } from '../helpers/paths.js';
import { sharedMissing } from '../helpers/shared.js';
import { isSubsequence, outside } from './generators.js';

const service = createPlanService({ today: '2025-06-01' });
const CONFIGS: [string, ResolvedConfig][] = [
  ['defaults', resolveConfig([])],
  ['no inherited deadlines, a unit list', resolveConfig([{ deadline: { inheritFromSection: false }, units: [{ name: '市司法局' }, { name: '市财政局' }], rules: { PL008: 'warning' } }])],
];

/** `../shared/corpus`: the development corpus, read (never copied), for the lead and deadline fixes. */
const CORPUS = corpusDir();
const HAVE_CORPUS = haveCorpus(CORPUS);

function documents(): [string, string][] {
  const read = (dir: string) =>
    readdirSync(dir)
      .filter((f) => !f.endsWith('.md') || f.endsWith('.plan.md'))
      .map((f): [string, string] => [f, readFileSync(join(dir, f), 'utf8')]);
  return [...read(SAMPLES), ...(HAVE_SEEDS ? read(SEEDS) : [])];
}

function corpus(): [string, string][] {
  return HAVE_CORPUS
    ? readdirSync(CORPUS)
        .filter((f) => f.endsWith('.txt'))
        .map((f): [string, string] => [`corpus/${f}`, readFileSync(join(CORPUS, f), 'utf8')])
    : [];
}

const errors = (diagnostics: readonly LintDiagnostic[]) => diagnostics.filter((d) => d.severity === 'error').length;

/**
 * Errors in `after` that `before` did not have (by rule and message, numbers aside: a renumbering renames the
 * tasks), as a multiset: a fix that trades one error for another adds one.
 */
function addedErrors(before: readonly LintDiagnostic[], after: readonly LintDiagnostic[]): string[] {
  const keyOf = (d: LintDiagnostic) => `${d.ruleId} ${d.message.replace(/\d+/g, '#')}`;
  const had = new Map<string, number>();
  for (const d of before) if (d.severity === 'error') had.set(keyOf(d), (had.get(keyOf(d)) ?? 0) + 1);
  const added: string[] = [];
  for (const d of after) {
    if (d.severity !== 'error') continue;
    const key = keyOf(d);
    const n = had.get(key) ?? 0;
    if (n > 0) had.set(key, n - 1);
    else added.push(key);
  }
  return added;
}

/** Field keywords, punctuation and spaces: what a fix may take away when it moves a unit (`责任单位：A` → `牵头单位：A`). */
const FORM = /牵头单位|牽頭單位|责任单位|責任單位|配合单位|配合單位|参加单位|参与单位|协办单位|[、，,；;：:\s\u3000]/g;

/**
 * Characters that the fix removes and does not write back (as a multiset), keywords and punctuation aside. A
 * numbering marker that a fix rewrites (`14.` → `15.`, `（八）` → `(八)`) is what it reports, not user text.
 */
function dropped(text: string, edits: readonly TextEdit[], markers: readonly Span[]): string {
  const written = new Map<string, number>();
  for (const e of edits) for (const ch of e.newText) written.set(ch, (written.get(ch) ?? 0) + 1);
  let lost = '';
  for (const e of edits) {
    if (markers.some((m) => m.start <= e.span.start && e.span.end <= m.end)) continue;
    for (const ch of text.slice(e.span.start, e.span.end).replace(FORM, '')) {
      const n = written.get(ch) ?? 0;
      if (n > 0) written.set(ch, n - 1);
      else lost += ch;
    }
  }
  return lost;
}

/** A snippet with every choice at its first option and the final tab stop removed: what clients without snippets get. */
function firstChoice(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|((?:\\.|[^|\\])*?)(?:,(?:\\.|[^|\\])*)*\|\}/g, (_m, first: string) => first)
    .replace(/\$0/g, '')
    .replace(/\\(.)/g, '$1');
}

describe('quick fixes over the samples and seeds', function () {
  this.timeout(300_000);
  const docs = documents();
  if (!HAVE_SEEDS) sharedMissing('quick fixes over the seeds', SEEDS);
  if (!HAVE_CORPUS) sharedMissing('the lead and deadline fixes over the corpus', CORPUS);

  it('finds documents and fixes to try (otherwise the properties prove nothing)', () => {
    assert.ok(docs.length >= 10, `${docs.length} documents`);
  });

  for (const [label, config] of CONFIGS) {
    it(`${label}: applying any offered fix never raises the number of errors, and drops no user text (and the lead and deadline fixes over the corpus)`, () => {
      let tried = 0;
      const failures: string[] = [];
      const leadAndDeadline = new Set(corpus().map(([name]) => name));
      for (const [name, text] of [...docs, ...corpus()]) {
        const { diagnostics, plan } = service.analyze(text, config);
        const markers = plan.allSections.map((x) => x.marker.span);
        const before = errors(diagnostics);
        for (const d of diagnostics) {
          if (leadAndDeadline.has(name) && d.ruleId !== 'PL001' && d.ruleId !== 'PL002') continue;
          const fixes: Fix[] = [...(d.fix ? [d.fix] : []), ...(d.suggestions ?? [])];
          for (const fix of fixes) {
            tried++;
            const after = applyEdits(text, fix.edits);
            const where = `${name} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.ruleId} “${fix.title}”`;
            const next = service.analyze(after, config).diagnostics;
            const now = errors(next);
            if (now > before) failures.push(`${where}: errors ${before} → ${now}`);
            const added = addedErrors(diagnostics, next);
            if (added.length > 0) failures.push(`${where}: new error ${added[0]}`);
            if (!isSubsequence(outside(text, fix.edits.map((e) => e.span)), after)) failures.push(`${where}: text outside its edits changed`);
            const lost = dropped(text, fix.edits, markers);
            if (lost !== '') failures.push(`${where}: drops “${lost}”`);
            for (const e of fix.edits) {
              if (e.snippet !== undefined && firstChoice(e.snippet) !== e.newText) failures.push(`${where}: snippet ${e.snippet} does not give ${e.newText}`);
            }
          }
        }
      }
      assert.ok(tried > 100, `only ${tried} fixes tried`);
      assert.deepEqual(failures.slice(0, 20), []);
    });
  }

  it('the fixes for a missing lead or deadline settle it: the task has no such finding afterwards', () => {
    const config = CONFIGS[0]![1];
    const failures: string[] = [];
    let tried = 0;
    for (const [name, text] of docs) {
      const { diagnostics, plan } = service.analyze(text, config);
      for (const d of diagnostics) {
        if ((d.ruleId !== 'PL001' && d.ruleId !== 'PL002') || d.messageId === 'mostMissing') continue;
        const task = plan.tasks.find((t) => (t.section ? t.section.marker.span.start : t.span.start) === d.span.start);
        if (!task) continue;
        for (const fix of d.suggestions ?? []) {
          tried++;
          const after = service.analyze(applyEdits(text, fix.edits), config);
          const again = after.plan.tasks[task.index];
          const settled = d.ruleId === 'PL001' ? (again?.lead.length ?? 0) > 0 : again?.deadline != null;
          if (!settled) failures.push(`${name} ${d.range.start.line + 1} ${d.ruleId} “${fix.title}”: task ${task.number} still lacks it`);
        }
      }
    }
    assert.ok(tried > 50, `only ${tried} fixes tried`);
    assert.deepEqual(failures.slice(0, 20), []);
  });

  it('"Disable for this line" and "for this file" silence the rule there, add no error and drop nothing', () => {
    const config = CONFIGS[0]![1];
    const failures: string[] = [];
    for (const [name, text] of docs) {
      const { diagnostics, plan } = service.analyze(text, config);
      const seen = new Set<string>();
      for (const d of diagnostics) {
        const edits = suppressionEdits(plan, d.ruleId, d.span);
        const where = `${name} ${d.range.start.line + 1} ${d.ruleId}`;
        if (edits.line === null) {
          if (d.range.start.line > 0 && !plan.tables.some((t) => t.span.start <= d.span.start && d.span.start <= t.span.end)) failures.push(`${where}: no line directive outside a table`);
          continue;
        }
        const line = applyEdits(text, [edits.line]);
        const lined = service.analyze(line, config);
        const afterLine = lined.diagnostics;
        const shape = (p: typeof plan) => p.tasks.map((t) => `${t.number} ${t.title} ${t.lead.length} ${t.deadline?.text ?? ''}`).join('\n');
        if (shape(lined.plan) !== shape(plan)) failures.push(`${where}: the line directive changed the plan's tasks`);
        if (errors(afterLine) > errors(diagnostics)) failures.push(`${where}: disabling the line adds errors`);
        if (afterLine.some((x) => x.ruleId === d.ruleId && x.message === d.message)) failures.push(`${where}: still reported after disabling its line`);
        if (!isSubsequence(text, line)) failures.push(`${where}: the line directive dropped text`);
        if (seen.has(d.ruleId)) continue;
        seen.add(d.ruleId);
        const file = applyEdits(text, [edits.file]);
        const afterFile = service.analyze(file, config);
        if (afterFile.diagnostics.some((x) => x.ruleId === d.ruleId)) failures.push(`${where}: still reported after disabling it for the file`);
        if (afterFile.plan.title !== plan.title || afterFile.plan.tasks.length !== plan.tasks.length) failures.push(`${where}: the file directive changed the plan`);
        if (!isSubsequence(text, file)) failures.push(`${where}: the file directive dropped text`);
      }
    }
    assert.deepEqual(failures.slice(0, 20), []);
  });
});
