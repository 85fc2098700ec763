// The language service as a library, with no connection: a fake workspace of open and indexed plans, and the plain data each request returns.
import assert from 'node:assert/strict';
import { applyEdits } from '../server/src/features/code-actions.js';
import { createPlanService, WorkspaceIndex, type AnalyzedDocument, type PlanWorkspace } from '../server/src/service.js';
import { configOf, TODAY } from './helpers/lint.js';

const A = [
  '柳溪镇2025年环境整治工作方案',
  '一、重点任务',
  '（一）清理河道垃圾。【牵头单位：镇农业农村办；责任单位：各村委会；完成时限：2025年6月底前】',
  '（二）整治违规排污。【牵头单位：镇生态环境办；完成时限：2025年9月底前】',
  '（三）修复沿河绿地。【责任单位：镇农业农村办】',
  '（四）建立巡河制度。（牵头单位：镇农业农村办',
  '',
].join('\n');
const B = ['柳溪镇2025年防汛工作方案', '一、任务', '（一）疏通排水管网。【牵头单位：镇农业农村办；完成时限：2025年5月底前】', ''].join('\n');
const C = ['柳溪镇2024年工作方案', '一、任务', '（一）整修堤坝。【牵头单位：镇农业农村办】', ''].join('\n');
const URI = { a: 'file:///w/a.plan', b: 'file:///w/b.plan', c: 'file:///w/c.plan' };

const config = configOf();
const reader = createPlanService({ today: TODAY });
const open = new Map([
  [URI.a, reader.analyze(A, config)],
  [URI.b, reader.analyze(B, config)],
]);
// The index holds C (a file not open) and an older copy of B, which the open B hides.
const index = new WorkspaceIndex();
index.set(reader.indexEntry(URI.c, reader.parse(C, config)));
index.set(reader.indexEntry(URI.b, reader.parse(B, config)));
const workspace: PlanWorkspace = {
  openPlans: () => [...open].map(([uri, analysis]) => ({ uri, analysis })),
  indexedPlans: () => index.entries(),
  unitUsage: () => index.units(),
};
const service = createPlanService({ today: TODAY, workspace });
const a: AnalyzedDocument = { uri: URI.a, version: 1, config, analysis: open.get(URI.a)! };
/** Inside the first mention of 镇农业农村办 (line 3). */
const onUnit = A.indexOf('镇农业农村办') + 2;

describe('service: units across plans', () => {
  it('references: this plan first, then the other open plan, then indexed plans that are not open', () => {
    const found = service.references(a, onUnit).map((l) => `${l.uri.slice(-6)}:${l.range.start.line}`);
    assert.deepEqual(found, ['a.plan:2', 'a.plan:4', 'a.plan:5', 'b.plan:2', 'c.plan:2']);
  });

  it('references: once cancelled, only what was found so far', () => {
    const found = service.references(a, onUnit, { isCancellationRequested: true });
    assert.deepEqual(new Set(found.map((l) => l.uri)), new Set([URI.a]));
  });

  it('references: without a workspace, this plan only', () => {
    const alone = createPlanService({ today: TODAY });
    assert.deepEqual(new Set(alone.references(a, onUnit).map((l) => l.uri)), new Set([URI.a]));
  });

  it('rename: edits in every open plan, a refused name says why, off a mention nothing', () => {
    const result = service.renameUnit(a, onUnit, '镇农业农村局', false);
    assert.ok(result && 'edits' in result);
    assert.deepEqual(result.edits.map((e) => [e.uri, e.edits.length]), [[URI.a, 3], [URI.b, 1]]);
    assert.ok(applyEdits(A, result.edits[0]!.edits).includes('【牵头单位：镇农业农村局；责任单位：各村委会'));
    assert.deepEqual(service.renameUnit(a, onUnit, '', false), { problem: '新名称不能为空。' });
    assert.equal(service.renameUnit(a, 3, '镇农业农村局', false), null);
    assert.deepEqual(service.prepareRename(a, onUnit)?.placeholder, '镇农业农村办');
  });

  it('hover on a unit counts the other plans from the index, not this one', () => {
    const hover = service.hover(a, onUnit, TODAY);
    assert.ok(hover);
    assert.equal(A.slice(hover.span.start, hover.span.end), '镇农业农村办');
    assert.match(hover.markdown, /其他 2 个方案/);
  });
});

describe('service: completion', () => {
  it('in a lead field: units replacing the typed run, this plan’s most frequent lead first', () => {
    const field = '（二）整治违规排污。【牵头单位：';
    const at = A.indexOf(field) + field.length;
    const text = A.slice(0, at) + '镇' + A.slice(at + '镇生态环境办'.length);
    const found = service.completion(text, at + 1, a);
    assert.ok(found && found.items.length > 0);
    assert.ok(found.items.every((i) => i.kind === 'unit'));
    assert.equal(found.items[0]!.label, '镇农业农村办');
    assert.deepEqual(found.items[0]!.span, { start: at, end: at + 1 });
  });

  it('after an opening bracket: the field keywords, then the template with a snippet, over the bracket', () => {
    const after = '（二）整治违规排污。';
    const at = A.indexOf(after) + after.length;
    const text = A.slice(0, at) + '【' + A.slice(A.indexOf('\n', at));
    const found = service.completion(text, at + 1, a);
    assert.deepEqual(found?.items.map((i) => i.kind), ['keyword', 'keyword', 'keyword', 'keyword', 'template']);
    const template = found!.items[4]!;
    assert.deepEqual(template.span, { start: at, end: at + 1 });
    assert.match(template.snippet ?? '', /\$\{1\}.*\$\{2\}.*\$\{3\}/);
    assert.equal(template.newText, '【牵头单位：；责任单位：；完成时限：】');
  });

  it('nowhere a unit or a field is expected: null', () => {
    assert.equal(service.completion(A, 3, a), null);
  });
});

describe('service: code actions', () => {
  const start = A.indexOf('（四）');

  it('fixes first, then one pair of directive comments per rule; a choice is its own action only for snippet clients', () => {
    const plain = service.quickFixes(a, { start: start + 2, end: start });
    const snippets = service.quickFixes(a, { start, end: start + 2 }, { snippets: true });
    const shape = (list: typeof plain) => list.map((q) => `${q.kind} ${q.diagnostic.ruleId}${q.kind === 'fix' && q.snippet ? ' snippet' : ''}`);
    assert.deepEqual(shape(plain), ['fix PL001', 'directive PL001', 'directive PL001', 'directive PL002', 'directive PL002']);
    assert.deepEqual(shape(snippets), ['fix PL001', 'fix PL001 snippet', 'directive PL001', 'directive PL001', 'directive PL002', 'directive PL002']);
  });

  it('fix-all: a title while something is fixable, and edits that leave nothing fixable', () => {
    assert.equal(service.fixAllTitle(a), '修复所有可自动修复的 planlint 问题');
    const fixed = applyEdits(A, service.fixAllEdits(a));
    assert.notEqual(fixed, A);
    const after: AnalyzedDocument = { ...a, analysis: service.analyze(fixed, config) };
    assert.equal(service.fixAllTitle(after), null);
    assert.deepEqual(service.fixAllEdits(after), []);
  });
});

describe('service: the task table', () => {
  it('days left from the given today; the overdue count follows', () => {
    const table = service.taskTable(a, '2025-07-01');
    assert.deepEqual(table.rows.map((r) => r.daysLeft), [-1, 91, null, null]);
    assert.equal(table.counts.overdue, 1);
    assert.equal(table.counts.problems, a.analysis.diagnostics.length);
  });

  it('export writes only the rows the filter keeps', async () => {
    const { title, rows } = service.tableRows(A, config, true);
    const request = { format: 'csv' as const, name: 'a.plan', today: '2025-07-01', locale: 'zh-CN' as const, problems: true, title };
    const csv = new TextDecoder().decode(await service.exportTable(rows, { ...request, filter: { unit: '镇生态环境办', status: 'bogus' } }));
    assert.deepEqual(csv.trim().split('\n').slice(1).map((l) => l.split(',')[0]), ['一（二）']);
    // Without the problems column, one line per row (a cell of several problems spans lines).
    const all = new TextDecoder().decode(await service.exportTable(rows, { ...request, problems: false }));
    assert.equal(all.trim().split('\n').length, 1 + rows.length);
  });
});
