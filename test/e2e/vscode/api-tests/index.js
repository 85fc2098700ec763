// planlint's extension tests, run INSIDE code-server's extension host (like @vscode/test-electron's
// extensionTestsPath): the extension under test is the one installed from the .vsix.
// E2E_LOCALE (from run-e2e.sh through code-server's environment) says what the UI must speak: `default` (no planlint
// setting in an English VS Code: English) or `zh-CN` (`planlint.locale: zh-CN`: Chinese).
const assert = require('assert');
const vscode = require('vscode');

const MODE = process.env.E2E_LOCALE;
/** What the extension shows in each mode. */
const EXPECT = {
  default: { leadMissing: /no lead unit|not which one leads/, renumber: /^Renumber/, taskTable: /^Task table/ },
  'zh-CN': { leadMissing: /缺少牵头单位|未写明由哪个单位牵头/, renumber: /重新编号/, taskTable: /^任务分解表/ },
}[MODE];

async function waitFor(fn, ms = 30000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const planDiagnostics = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'planlint');

const tests = {
  async 'the run is set up as its locale mode says'() {
    assert.ok(EXPECT, `E2E_LOCALE is ${JSON.stringify(MODE)}: expected default or zh-CN`);
    assert.ok(vscode.env.language.startsWith('en'), `VS Code's display language is ${vscode.env.language}`);
    const locale = vscode.workspace.getConfiguration('planlint').inspect('locale');
    const set = [locale.globalValue, locale.workspaceValue, locale.workspaceFolderValue].filter((v) => v !== undefined);
    assert.deepEqual(set, MODE === 'zh-CN' ? ['zh-CN'] : [], 'planlint.locale as set in this run');
  },
  async 'the extension is installed and active'() {
    const ext = vscode.extensions.getExtension('planlint.planlint');
    assert.ok(ext, 'planlint.planlint is not installed');
    await ext.activate();
    assert.ok(ext.isActive);
  },
  async 'every command the extension contributes is registered'() {
    const contributed = vscode.extensions.getExtension('planlint.planlint').packageJSON.contributes.commands.map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), []);
  },
  async 'a .plan file opens as language plan'(uri) {
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(doc.languageId, 'plan');
  },
  async 'diagnostics carry rule codes and messages in the UI language'(uri) {
    const diags = await waitFor(() => (planDiagnostics(uri).length ? planDiagnostics(uri) : null));
    const codes = new Set(diags.map((d) => String(typeof d.code === 'object' ? d.code.value : d.code)));
    for (const code of ['PL001', 'PL004']) assert.ok(codes.has(code), `missing ${code} in ${[...codes]}`);
    const lead = diags.find((d) => EXPECT.leadMissing.test(d.message));
    assert.ok(lead, `no PL001 message like ${EXPECT.leadMissing} in ${diags.map((d) => d.message).join(' | ')}`);
  },
  async 'document symbols are the outline tree'(uri) {
    const symbols = await waitFor(() => vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri).then((s) => (s && s.length ? s : null)));
    const chapter = symbols.find((s) => /依法全面履行政府职能/.test(s.name));
    assert.ok(chapter, `chapters: ${symbols.map((s) => s.name).join(' | ')}`);
    assert.ok(chapter.children.length > 0, 'a chapter has its tasks as children');
  },
  async 'unit completion after 牵头单位：'(uri) {
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    await editor.edit((e) => e.insert(end, '\n18.新增一项任务。[牵头单位:'));
    const pos = doc.lineAt(doc.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, pos, ':');
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('市政府法制办'), `labels: ${labels.slice(0, 20).join(',')}`);
    await vscode.commands.executeCommand('undo');
  },
  async 'a quick fix renumbers the gap'(uri) {
    const doc = await vscode.workspace.openTextDocument(uri);
    const gap = await waitFor(() => planDiagnostics(uri).find((d) => String(d.code && d.code.value ? d.code.value : d.code) === 'PL004' && doc.lineAt(d.range.start.line).text.startsWith('9.')));
    // The fourth argument asks VS Code to resolve the actions' edits, as it does when a person picks one.
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, gap.range, vscode.CodeActionKind.QuickFix.value, 10);
    const fix = actions.find((a) => a.edit && EXPECT.renumber.test(a.title));
    assert.ok(fix, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    const line = gap.range.start.line;
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(doc.lineAt(line).text.startsWith('8.'), doc.lineAt(line).text.slice(0, 10));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  },
  async 'a plain-text file whose text reads as a plan opens as a plan; one that does not stays plain text'() {
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const plan = vscode.Uri.joinPath(folder, 'detected.txt');
    const notes = vscode.Uri.joinPath(folder, 'notes.txt');
    const utf8 = (s) => new TextEncoder().encode(s);
    await vscode.workspace.fs.writeFile(plan, utf8('江宁市2025年法治政府建设工作方案\n\n一、重点任务\n（一）完善制度。牵头单位：市司法局；完成时限：2025年6月底前。\n'));
    await vscode.workspace.fs.writeFile(notes, utf8('会议记录\n\n今天讨论了下一步安排。\n'));
    await vscode.workspace.openTextDocument(plan);
    await vscode.workspace.openTextDocument(notes);
    await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === plan.toString() && d.languageId === 'plan'));
    const kept = vscode.workspace.textDocuments.find((d) => d.uri.toString() === notes.toString());
    assert.strictEqual(kept && kept.languageId, 'plaintext');
  },
  async 'a Word document opens as a read-only plan view whose diagnostics name the paragraph'() {
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const file = vscode.Uri.joinPath(folder, '政务公开方案.docx');
    await vscode.commands.executeCommand('planlint.openDocx', file);
    const editor = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.scheme === 'planlint-docx' ? e : null;
    });
    assert.strictEqual(editor.document.languageId, 'plan');
    assert.ok(editor.document.getText().includes('（一）深化公开'), editor.document.getText().slice(0, 80));
    const diags = await waitFor(() => (planDiagnostics(editor.document.uri).length ? planDiagnostics(editor.document.uri) : null));
    // In the UI language: Chinese, or English in an English VS Code.
    assert.ok(diags.some((d) => /（第 5 段“2\.公开办事指南。”）$|\(paragraph 5 "2\.公开办事指南。"\)$/.test(d.message)), diags.map((d) => d.message).join(' | '));
    const symbols = await waitFor(() => vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', editor.document.uri).then((s) => (s && s.length ? s : null)));
    assert.ok(symbols.some((s) => /主要任务/.test(s.name)), symbols.map((s) => s.name).join(' | '));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // Opening the .docx itself shows the same view (the custom editor hands over to it).
    await vscode.commands.executeCommand('vscode.open', file);
    await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.scheme === 'planlint-docx' && e.document.uri.path === file.path;
    });
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  },
  async 'the task table preview opens'() {
    await vscode.commands.executeCommand('planlint.showTaskTable');
    const tab = await waitFor(() =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /planlint\.taskTable/.test(t.input.viewType)),
    );
    assert.ok(EXPECT.taskTable.test(tab.label), tab.label);
  },
};

exports.run = async function run() {
  const folder = vscode.workspace.workspaceFolders[0].uri;
  const uri = vscode.Uri.joinPath(folder, 'bracket-style.plan');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  let failed = 0;
  for (const [name, fn] of Object.entries(tests)) {
    const t = Date.now();
    try {
      await fn(uri);
      console.log(`ok   ${name} (${Date.now() - t} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name}: ${e.message}`);
    }
  }
  console.log(`${Object.keys(tests).length - failed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} test(s) failed`);
};
