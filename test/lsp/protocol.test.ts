// Protocol tests: the built server (dist/server.js) over stdio, real JSON-RPC, one capability at a time, with exact ranges, labels and edits.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { parsePlan } from '../../server/src/model/plan.js';
import { unitKey } from '../../server/src/model/text.js';
import { createPlanService } from '../../server/src/service.js';
import { applyTextEdits, positionAt, startServer, uriOf, type Diagnostic, type LspClient, type Range, type TextEdit, type WorkspaceEdit } from './client.js';
import { sampleText, TempWorkspace } from './workspace.js';

const TODAY = '2025-06-01';

interface CompletionItem {
  label: string;
  kind?: number;
  detail?: string;
  filterText?: string;
  sortText?: string;
  insertTextFormat?: number;
  textEdit?: TextEdit;
}
interface CompletionList {
  isIncomplete: boolean;
  items: CompletionItem[];
}
interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: number;
  range: Range;
  selectionRange: Range;
  children?: DocumentSymbol[];
}
interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit?: WorkspaceEdit;
  data?: unknown;
}

const TYPING = ['江宁市2025年法治政府建设工作方案', '', '一、重点任务', '', '（一）完善行政决策机制。严格执行重大行政决策程序。[牵头单位：市发'].join('\n');

/** The edits a workspace edit makes to `uri` (documentChanges or changes). */
function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.documentChanges) return edit.documentChanges.filter((d) => d.textDocument.uri === uri).flatMap((d) => d.edits);
  return edit.changes?.[uri] ?? [];
}

describe('language server over stdio: features', function () {
  this.timeout(30000);
  let ws: TempWorkspace;
  let client: LspClient;
  let init: { capabilities: Record<string, any> };
  const uris: Record<string, string> = {};
  const texts: Record<string, string> = {};

  before(async () => {
    ws = new TempWorkspace();
    for (const f of ['bracket-style.plan', 'clean.plan.md', 'sentence-style.plan.txt', 'table-markdown.plan.md']) {
      uris[f] = uriOf(ws.copySample(f));
      texts[f] = sampleText(f);
    }
    ws.write('notes.md', '# 会议记录\n\n不是方案。\n');
    ws.write('node_modules/x/ignored.plan', sampleText('paren-style.plan.txt'));
    ws.write('typing/.planlintrc.json', JSON.stringify({ units: [{ name: '市发展和改革委员会', aliases: ['市发改委', '发改委'] }, { name: '市司法局', aliases: ['司法局'] }] }));
    uris.typing = uriOf(ws.write('typing/typing.plan', TYPING));
    texts.typing = TYPING;
    ({ client, init } = await startServer({ folders: [ws.root], initializationOptions: { today: TODAY } }));
    for (const f of ['bracket-style.plan', 'table-markdown.plan.md']) client.open(uris[f]!, texts[f]!);
    client.open(uris.typing!, TYPING);
    await client.waitForDiagnostics(uris['bracket-style.plan']!);
    // The workspace index is built in the background: wait until it has read the folder.
    for (let i = 0; i < 400; i++) {
      const stats = await client.request<{ indexedPlans: number; indexing: boolean }>('planlint/stats', null);
      if (!stats.indexing && stats.indexedPlans >= 5) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  });

  after(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  it('initialize: incremental sync and every capability', () => {
    const c = init.capabilities;
    assert.equal(c.textDocumentSync.change, 2);
    assert.equal(c.textDocumentSync.openClose, true);
    assert.deepEqual(c.completionProvider.triggerCharacters, ['：', ':', '、', '，', ',']);
    assert.equal(c.hoverProvider, true);
    assert.ok(c.documentSymbolProvider);
    assert.equal(c.workspaceSymbolProvider, true);
    assert.deepEqual(c.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.planlint']);
    assert.equal(c.foldingRangeProvider, true);
    assert.equal(c.referencesProvider, true);
    assert.deepEqual(c.renameProvider, { prepareProvider: true });
    assert.deepEqual(c.executeCommandProvider.commands, [
      'planlint.renameUnitAllVariants',
      'planlint.server.renumberSection',
      'planlint.server.insertAttribution',
      'planlint.server.fixAll',
    ]);
  });

  it('publishes diagnostics on open: rule id as code, source planlint, Chinese messages, data to find them again', async () => {
    const p = await client.waitForDiagnostics(uris['bracket-style.plan']!);
    assert.equal(p.version, 1);
    const at = p.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);
    for (const want of ['PL004@35:0', 'PL007@41:70', 'PL005@43:0', 'PL001@45:0', 'PL001@51:0', 'PL004@51:0', 'PL010@51:64', 'PL002@53:0']) {
      assert.ok(at.includes(want), `${want} in ${at.join(' ')}`);
    }
    const pl005 = p.diagnostics.find((d) => d.code === 'PL005')!;
    assert.deepEqual(pl005.range, { start: { line: 43, character: 0 }, end: { line: 43, character: 3 } });
    assert.equal(pl005.source, 'planlint');
    assert.equal(pl005.severity, 2);
    assert.match(pl005.message, /编号“12、”/);
    assert.deepEqual(pl005.data, { ruleId: 'PL005', span: { start: texts['bracket-style.plan']!.indexOf('12、'), end: texts['bracket-style.plan']!.indexOf('12、') + 3 }, version: 1, fixable: true });
    const pl001 = p.diagnostics.find((d) => d.code === 'PL001')!;
    assert.equal(pl001.severity, 1);
    assert.match(pl001.codeDescription!.href, /\/blob\/main\/docs\/rules\/PL001\.md$/, 'linked to the rule page');
    assert.match(pl001.message, /缺少牵头单位|未写明由哪个单位牵头/);
    const table = await client.waitForDiagnostics(uris['table-markdown.plan.md']!);
    assert.ok(table.diagnostics.some((d) => d.code === 'PL009' && d.range.start.line === 27 && /2月没有30日/.test(d.message)));
  });

  it('document symbols: chapters → tasks with lead and deadline, exact ranges', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uris['bracket-style.plan'] } });
    assert.equal(symbols[0]!.name, '青岚市法治政府建设实施方案(2017—2019年)');
    assert.equal(symbols[0]!.kind, 1);
    const chapter = symbols.find((s) => s.name === '二、依法全面履行政府职能')!;
    assert.equal(chapter.kind, 3);
    assert.deepEqual(chapter.range, { start: { line: 21, character: 0 }, end: { line: 27, character: 118 } });
    assert.deepEqual(chapter.selectionRange, { start: { line: 21, character: 0 }, end: { line: 21, character: 12 } });
    const task3 = chapter.children![0]!;
    assert.equal(task3.name, '3.深化行政审批制度改革');
    assert.equal(task3.kind, 12);
    assert.equal(task3.detail, '牵头：市委编办；时限：2017年12月底前');
    assert.deepEqual(task3.range, { start: { line: 23, character: 0 }, end: { line: 23, character: texts['bracket-style.plan']!.split('\n')[23]!.length } });
    assert.deepEqual(task3.selectionRange, { start: { line: 23, character: 0 }, end: { line: 23, character: 12 } });
    const table = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uris['table-markdown.plan.md'] } });
    const t = table.find((s) => s.kind === 23)!;
    assert.equal(t.name, '任务分解表（10 项）');
    assert.equal(t.children!.length, 10);
    assert.equal(t.children![5]!.detail, '牵头：—；时限：2024年8月底前');
    assert.equal(t.children![5]!.range.start.line, 25);
  });

  it('workspace symbols: tasks of open and unopened plans', async () => {
    const found = await client.request<{ name: string; location: { uri: string; range: Range }; containerName?: string }[]>('workspace/symbol', { query: '行政审批' });
    const byUri = new Set(found.map((s) => s.location.uri));
    assert.ok(byUri.has(uris['bracket-style.plan']!));
    assert.ok(byUri.has(uris['sentence-style.plan.txt']!), 'from the workspace index');
    const task3 = found.find((s) => s.location.uri === uris['bracket-style.plan'])!;
    assert.equal(task3.name, '3. 深化行政审批制度改革');
    assert.deepEqual(task3.location.range, { start: { line: 23, character: 2 }, end: { line: 23, character: 12 } });
    assert.equal(task3.containerName, '青岚市法治政府建设实施方案(2017—2019年)');
    assert.ok(!found.some((s) => s.location.uri.includes('node_modules')), 'node_modules is skipped');
    const stats = await client.request<{ indexedPlans: number; indexer: string }>('planlint/stats', null);
    assert.equal(stats.indexer, 'worker');
    // bracket, clean, sentence, table (open or scanned) and typing; notes.md names no plan.
    assert.equal(stats.indexedPlans, 5);
  });

  it('completes a unit after 牵头单位：, replacing exactly the Chinese run typed; aliases find it', async () => {
    const line = TYPING.split('\n')[4]!;
    const position = { line: 4, character: line.length };
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uris.typing }, position, context: { triggerKind: 1 } });
    const ndrc = list.items.find((i) => i.label === '市发展和改革委员会');
    assert.ok(ndrc, list.items.map((i) => i.label).join(' '));
    assert.deepEqual(ndrc.textEdit, { range: { start: { line: 4, character: line.length - 2 }, end: position }, newText: '市发展和改革委员会' });
    assert.match(ndrc.filterText!, /(^| )发改委( |$)/);
    assert.match(ndrc.filterText!, /(^| )市发改委( |$)/);
    assert.match(ndrc.detail!, /^单位名单/);
    const bureau = list.items.find((i) => i.label === '市委编办');
    assert.ok(bureau, 'units of other plans in the workspace');
    assert.match(bureau.detail!, /其他方案 \d+ 个/);
    assert.ok(list.items.every((i) => i.textEdit && i.textEdit.range.start.character === line.length - 2));
    const counties = list.items.find((i) => i.label === '各区县(市)人民政府')!;
    const once = list.items.find((i) => i.label === '市工商局')!;
    assert.ok(counties.sortText! < once.sortText!, 'a unit used 12 times sorts before one used once');
  });

  it('completes after the trigger characters 、 and ： with an empty replace range', async () => {
    const text = TYPING + '展和改革委员会；责任单位：市司法局、';
    client.change(uris.typing!, 2, [{ text }]);
    const end = positionAt(text, text.length);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uris.typing }, position: end, context: { triggerKind: 2, triggerCharacter: '、' } });
    assert.ok(list.items.length > 0);
    assert.deepEqual(list.items[0]!.textEdit!.range, { start: end, end });
    const colon = positionAt(text, text.lastIndexOf('：') + 1);
    const afterColon = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uris.typing }, position: colon, context: { triggerKind: 2, triggerCharacter: '：' } });
    assert.ok(afterColon.items.length > 0);
    assert.ok(!afterColon.items.some((i) => i.label === '市司法局'), 'already in this attribution (after the cursor)');
    assert.ok(!afterColon.items.some((i) => i.label === '市发展和改革委员会'), 'already the lead of this attribution');
  });

  it('completes in the lead column of a task table, and nothing in prose', async () => {
    const lines = texts['table-markdown.plan.md']!.split('\n');
    const row6 = lines[25]!;
    const cell = row6.indexOf('|  |') + 2;
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uris['table-markdown.plan.md'] }, position: { line: 25, character: cell } });
    assert.ok(list.items.some((i) => i.label === '市发展改革委'));
    assert.deepEqual(list.items[0]!.textEdit!.range, { start: { line: 25, character: cell }, end: { line: 25, character: cell } });
    const deadline = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uris['table-markdown.plan.md'] }, position: { line: 25, character: row6.lastIndexOf('2024') } });
    assert.deepEqual(deadline, { isIncomplete: false, items: [] });
    const prose = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uris['bracket-style.plan'] }, position: { line: 14, character: 20 } });
    assert.deepEqual(prose, { isIncomplete: false, items: [] });
  });

  it('offers the attribution template as a snippet in the plan’s own style after an opening bracket', async () => {
    const line = texts['bracket-style.plan']!.split('\n')[23]!;
    const open = line.indexOf('[');
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uris['bracket-style.plan'] }, position: { line: 23, character: open + 1 } });
    const snippet = list.items.find((i) => i.kind === 15)!;
    assert.ok(snippet);
    assert.equal(snippet.insertTextFormat, 2);
    assert.deepEqual(snippet.textEdit, { range: { start: { line: 23, character: open }, end: { line: 23, character: open + 1 } }, newText: '[牵头单位:${1};责任单位:${2};完成时限:${3}]$0' });
    assert.ok(list.items.some((i) => i.label === '牵头单位' && i.textEdit!.newText === '牵头单位:'));
  });

  it('hover on a unit: the tasks it leads and joins; on a task marker: attribution and deadline', async () => {
    const text = texts['bracket-style.plan']!;
    const at = positionAt(text, text.indexOf('市委编办'));
    const unit = await client.request<{ contents: { kind: string; value: string }; range: Range }>('textDocument/hover', {
      textDocument: { uri: uris['bracket-style.plan'] },
      position: { line: at.line, character: at.character + 1 },
    });
    assert.equal(unit.contents.kind, 'markdown');
    assert.deepEqual(unit.range, { start: at, end: { line: at.line, character: at.character + 4 } });
    assert.match(unit.contents.value, /^\*\*市委编办\*\*/);
    assert.match(unit.contents.value, /牵头 3 项任务：\n- 3\\\. 深化行政审批制度改革（第 24 行）\n- 4\\\. 推行权力清单和责任清单制度（第 26 行）\n- 10\\\. 深化综合行政执法改革（第 40 行）/);
    const marker = await client.request<{ contents: { value: string }; range: Range }>('textDocument/hover', { textDocument: { uri: uris['bracket-style.plan'] }, position: { line: 23, character: 1 } });
    assert.deepEqual(marker.range, { start: { line: 23, character: 0 }, end: { line: 23, character: 2 } });
    assert.match(marker.contents.value, /牵头单位: 市委编办/);
    assert.match(marker.contents.value, /完成时限: 2017年12月底前 → 2017-12-31（已逾期 2709 天）/);
    const none = await client.request('textDocument/hover', { textDocument: { uri: uris['bracket-style.plan'] }, position: { line: 14, character: 3 } });
    assert.equal(none, null);
  });

  it('quick fix from the diagnostic, recomputed from the current text, as a versioned edit', async () => {
    const p = await client.waitForDiagnostics(uris['bracket-style.plan']!);
    const pl005 = p.diagnostics.find((d) => d.code === 'PL005')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uris['bracket-style.plan'] },
      range: pl005.range,
      context: { diagnostics: [pl005], only: ['quickfix'] },
    });
    // The fix, then "disable for this line" and "for this file".
    assert.deepEqual(
      actions.map((a) => a.title),
      [actions[0]!.title, '在此行停用 PL005', '在本文件停用 PL005'],
    );
    const fix = actions[0]!;
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.diagnostics![0]!.code, 'PL005');
    assert.deepEqual(fix.edit!.documentChanges![0]!.textDocument, { uri: uris['bracket-style.plan'], version: 1 });
    const fixed = applyTextEdits(texts['bracket-style.plan']!, editsFor(fix.edit, uris['bracket-style.plan']!));
    assert.ok(fixed.split('\n')[43]!.startsWith('12.规范'));
    // A suggestion is offered, not preferred.
    const pl007 = p.diagnostics.find((d) => d.code === 'PL007')!;
    const sugg = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uris['bracket-style.plan'] }, range: pl007.range, context: { diagnostics: [pl007], only: ['quickfix'] } });
    assert.ok(sugg.some((a) => a.isPreferred === false && editsFor(a.edit, uris['bracket-style.plan']!)[0]!.newText === '市政府法制办'));
  });

  it('source.fixAll.planlint: the service’s fixAll as a minimal whole-document edit', async () => {
    const uri = uris['bracket-style.plan']!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.planlint'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.kind, 'source.fixAll.planlint');
    const edits = editsFor(actions[0]!.edit, uri);
    const expected = createPlanService({ today: TODAY }).fixAll(texts['bracket-style.plan']!).text;
    assert.notEqual(expected, texts['bracket-style.plan']);
    assert.equal(applyTextEdits(texts['bracket-style.plan']!, edits), expected);
    for (const e of edits) assert.equal(e.range.start.line, e.range.end.line, 'only changed spans, never whole lines or the whole text');
    // Asked without `only`, fix-all comes lazily and is resolved on demand.
    const lazy = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 43, character: 0 }, end: { line: 43, character: 0 } },
      context: { diagnostics: [] },
    });
    const fixAll = lazy.find((a) => a.kind === 'source.fixAll.planlint')!;
    assert.equal(fixAll.edit, undefined);
    const resolved = await client.request<CodeAction>('codeAction/resolve', fixAll);
    assert.equal(applyTextEdits(texts['bracket-style.plan']!, editsFor(resolved.edit, uri)), expected);
  });

  it('folding ranges per section', async () => {
    const folds = await client.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument: { uri: uris['bracket-style.plan'] } });
    // The closing paragraph (line 61) is part of the last section's body, as the model reads it.
    assert.deepEqual(folds, [
      { startLine: 15, endLine: 19 },
      { startLine: 21, endLine: 27 },
      { startLine: 29, endLine: 35 },
      { startLine: 37, endLine: 45 },
      { startLine: 47, endLine: 53 },
      { startLine: 55, endLine: 61 },
      { startLine: 59, endLine: 61 },
    ]);
  });

  it('references of a unit across the document and the workspace', async () => {
    const text = texts['bracket-style.plan']!;
    const at = positionAt(text, text.indexOf('市政府法制办'));
    const refs = await client.request<{ uri: string; range: Range }[]>('textDocument/references', { textDocument: { uri: uris['bracket-style.plan'] }, position: at, context: { includeDeclaration: true } });
    const here = refs.filter((r) => r.uri === uris['bracket-style.plan']);
    assert.equal(here.length, 7);
    assert.deepEqual(here[0]!.range, { start: at, end: { line: at.line, character: at.character + 6 } });
    assert.ok(refs.some((r) => r.uri === uris['sentence-style.plan.txt']), 'mentions in a plan that is not open');
  });

  it('prepareRename only on units; rename every mention across open plans', async () => {
    client.open(uris['clean.plan.md']!, texts['clean.plan.md']!);
    const bracket = texts['bracket-style.plan']!;
    const at = positionAt(bracket, bracket.indexOf('市司法局'));
    const prep = await client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: uris['bracket-style.plan'] }, position: at });
    assert.deepEqual(prep, { range: { start: at, end: { line: at.line, character: at.character + 4 } }, placeholder: '市司法局' });
    assert.equal(await client.request('textDocument/prepareRename', { textDocument: { uri: uris['bracket-style.plan'] }, position: { line: 14, character: 2 } }), null);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uris['bracket-style.plan'] }, position: at, newName: '市司法厅' });
    const count = (text: string) => parsePlan(text).units.filter((u) => u.key === unitKey('市司法局')).length;
    for (const f of ['bracket-style.plan', 'clean.plan.md']) {
      const edits = editsFor(edit, uris[f]!);
      assert.equal(edits.length, count(texts[f]!), f);
      const renamed = applyTextEdits(texts[f]!, edits);
      assert.equal(count(renamed), 0);
      assert.ok(edits.every((e) => e.newText === '市司法厅'));
    }
    assert.equal(edit.documentChanges!.find((d) => d.textDocument.uri === uris['clean.plan.md'])!.textDocument.version, 1);
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri: uris['bracket-style.plan'] }, position: at, newName: '甲、乙' }), /顿号/);
  });

  it('planlint.renameUnitAllVariants renames every spelling of a unit through workspace/applyEdit', async () => {
    const text = texts['bracket-style.plan']!;
    const at = positionAt(text, text.indexOf('市政府法制办'));
    const before = client.applied.length;
    const result = await client.request<{ applied: boolean }>('workspace/executeCommand', { command: 'planlint.renameUnitAllVariants', arguments: [uris['bracket-style.plan'], at, '市司法局'] });
    assert.deepEqual(result, { applied: true });
    const edit = client.applied[before]!;
    const renamed = applyTextEdits(text, editsFor(edit, uris['bracket-style.plan']!));
    assert.equal(renamed.includes('市政府法制办'), false);
    assert.equal(renamed.includes('市法制办'), false, 'the variant 市法制办 too');
  });

  it('planlint.server.renumberSection renumbers a run of items in its own form', async () => {
    const uri = uris['bracket-style.plan']!;
    const before = client.applied.length;
    const result = await client.request<{ applied: boolean; edits: number }>('workspace/executeCommand', { command: 'planlint.server.renumberSection', arguments: [uri, { line: 21, character: 1 }] });
    assert.equal(result.applied, true);
    const text = applyTextEdits(texts['bracket-style.plan']!, editsFor(client.applied[before], uri));
    const items = parsePlan(text).allSections.filter((x) => x.marker.level === 3);
    assert.deepEqual(items.map((x) => x.marker.value), Array.from({ length: 17 }, (_, i) => i + 1), 'continuous numbering: the whole run');
    assert.ok(items.some((x) => x.marker.text === '11、'), 'a marker keeps its form (PL005 is another fix)');
    assert.equal(result.edits, 6, '9.–14. (the first 14.) each move down by one');
  });

  it('planlint.server.insertAttribution inserts the template in the plan’s style, only where none is', async () => {
    client.open(uris['sentence-style.plan.txt']!, texts['sentence-style.plan.txt']!);
    const uri = uris['sentence-style.plan.txt']!;
    const before = client.applied.length;
    const result = await client.request<{ applied: boolean }>('workspace/executeCommand', { command: 'planlint.server.insertAttribution', arguments: [uri, { line: 36, character: 5 }] });
    assert.equal(result.applied, true);
    const line = applyTextEdits(texts['sentence-style.plan.txt']!, editsFor(client.applied[before], uri)).split('\n')[36]!;
    assert.ok(line.endsWith('减少执法的随意性。[牵头单位:;责任单位:;完成时限:]'), line);
    const messages = client.messages.length;
    const again = await client.request<{ applied: boolean }>('workspace/executeCommand', { command: 'planlint.server.insertAttribution', arguments: [uri, { line: 26, character: 5 }] });
    assert.equal(again.applied, false);
    await client.waitFor('a message', () => client.messages.length > messages);
    assert.match(client.messages[client.messages.length - 1]!.message, /该任务已写有分工/);
    client.close(uri);
  });

  it('planlint/taskTable: rows with ranges, problems and days left; planlint/exportTable writes it', async () => {
    const uri = uris['table-markdown.plan.md']!;
    const table = await client.request<{
      version: number;
      title: string;
      rows: { number: string; lead: string[]; range: Range; problems: { ruleId: string }[]; daysLeft: number | null }[];
      counts: { tasks: number; problems: number; overdue: number };
      period: { start: number; end: number } | null;
      today: string;
    }>('planlint/taskTable', { uri });
    assert.deepEqual(table.period, { start: 2024, end: 2024 });
    assert.match(table.today, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(table.title, '白川市2024年优化法治化营商环境工作方案');
    assert.equal(table.rows.length, 10);
    assert.deepEqual(table.rows[0]!.lead, ['市发展改革委']);
    assert.equal(table.rows[0]!.range.start.line, 20);
    assert.equal(table.rows[0]!.daysLeft, -427);
    assert.ok(table.rows[5]!.problems.some((p) => p.ruleId === 'PL001'));
    assert.ok(table.rows[7]!.problems.some((p) => p.ruleId === 'PL009'));
    assert.equal(table.rows[8]!.daysLeft, null, '持续推进 has no end');
    assert.equal(table.counts.tasks, 10);
    assert.equal(table.counts.problems, (await client.waitForDiagnostics(uri)).diagnostics.length);
    assert.equal(table.counts.overdue, table.rows.filter((r) => r.daysLeft !== null && r.daysLeft < 0).length);
    const csv = await client.request<{ data: string; encoding: string }>('planlint/exportTable', { uri, format: 'csv' });
    assert.equal(csv.encoding, 'utf8');
    assert.ok(csv.data.startsWith('\ufeff序号,所属部分,任务,牵头单位,责任单位,完成时限,行号\r\n1,'), csv.data.slice(0, 60));
    assert.equal(csv.data.trimEnd().split('\r\n').length, 1 + 10, 'every row without a filter');
    // The preview's filters and its problems column travel with the request.
    const filtered = await client.request<{ data: string }>('planlint/exportTable', { uri, format: 'csv', filter: { status: 'noLead' }, problems: true });
    const lines = filtered.data.trimEnd().split('\r\n');
    assert.equal(lines[0], '\ufeff序号,所属部分,任务,牵头单位,责任单位,完成时限,行号,问题');
    assert.equal(lines.length, 1 + table.rows.filter((r) => r.lead.length === 0).length);
    assert.match(lines[1]!, /PL001/);
    const byUnit = await client.request<{ data: string }>('planlint/exportTable', { uri, format: 'json', filter: { unit: '市发展改革委', status: 'bogus' } });
    const units = (JSON.parse(byUnit.data) as { tasks: { lead: string[]; responsible: string[] }[] }).tasks;
    assert.ok(units.length > 0 && units.every((t) => t.lead.includes('市发展改革委') || t.responsible.includes('市发展改革委')));
    const xlsx = await client.request<{ data: string; encoding: string }>('planlint/exportTable', { uri, format: 'xlsx' });
    assert.equal(xlsx.encoding, 'base64');
    assert.equal(Buffer.from(xlsx.data, 'base64').subarray(0, 2).toString('latin1'), 'PK');
    assert.equal(await client.request('planlint/exportTable', { uri, format: 'exe' }), null);
    assert.equal(await client.request('planlint/taskTable', { uri: 'file:///nope.plan' }), null);
  });

  it('keeps the workspace index current from watched-file events', async () => {
    const file = ws.write('later/新方案.plan', ['云溪市2025年工作要点', '', '一、任务', '', '（一）建设智慧法务平台。[牵头单位：市数据资源局；完成时限：2025年底前]'].join('\n'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type: 1 }] });
    type Found = { name: string; location: { uri: string } }[];
    let symbols: Found = [];
    for (let i = 0; i < 100 && symbols.length === 0; i++) {
      symbols = await client.request<Found>('workspace/symbol', { query: '智慧法务' });
      if (symbols.length === 0) await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0]!.location.uri, uriOf(file), 'a path with Chinese characters, percent-encoded as clients do');
    rmSync(ws.path('later'), { recursive: true, force: true });
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type: 3 }] });
    for (let i = 0; i < 100 && symbols.length > 0; i++) {
      symbols = await client.request<Found>('workspace/symbol', { query: '智慧法务' });
      if (symbols.length > 0) await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(symbols.length, 0);
  });

  it('clears diagnostics on close', async () => {
    const n = client.diagnostics.get(uris.typing!)?.length ?? 0;
    client.close(uris.typing!);
    const cleared = await client.waitFor('cleared diagnostics', () => {
      const list = client.diagnostics.get(uris.typing!) ?? [];
      return list.length > n && list[list.length - 1]!.diagnostics.length === 0;
    });
    assert.ok(cleared);
  });
});
