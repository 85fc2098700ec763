// Quick fixes over the protocol: a missing lead from the responsible units or a choice (snippet edits where the client takes them), directive comments, and the configuration that settles a plan-level finding.
import assert from 'node:assert/strict';
import { applyTextEdits, startServer, uriOf, VSCODE_LIKE_CAPABILITIES, type LspClient, type SnippetTextEdit, type TextEdit } from './client.js';
import { TempWorkspace } from './workspace.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLES } from '../helpers/paths.js';

interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: { code?: string }[];
  edit?: {
    changes?: Record<string, TextEdit[]>;
    documentChanges?: ({ textDocument: { uri: string; version: number | null }; edits: (TextEdit | SnippetTextEdit)[] } | { kind: 'create'; uri: string })[];
  };
}

/** A plan of our own: task 2 names only responsible units, and most tasks have no deadline. */
const PLAN = [
  '岚山市“十四五”数字政府建设实施方案',
  '',
  '一、重点任务',
  '',
  '1.建设统一数据平台。[牵头单位:市数据局;责任单位:市财政局]',
  '2.推进电子证照互认。[责任单位:市教育局、市财政局]',
  '3.开展数据质量评估。[牵头单位:市数据局]',
  '4.完善数据安全制度。[牵头单位:市数据局]',
  '5.推广掌上办事服务。[牵头单位:市教育局]',
  '6.整合部门业务系统。[牵头单位:市数据局]',
  '',
].join('\n');

function textEdits(action: CodeAction | undefined, uri: string): (TextEdit | SnippetTextEdit)[] {
  const changes = action?.edit?.documentChanges ?? [];
  return changes.flatMap((c) => ('textDocument' in c && c.textDocument.uri === uri ? c.edits : [])).concat(action?.edit?.changes?.[uri] ?? []);
}

async function actionsAt(client: LspClient, uri: string, line: number, code: string): Promise<CodeAction[]> {
  const published = await client.waitForDiagnostics(uri);
  const d = published.diagnostics.find((x) => x.code === code && x.range.start.line === line);
  assert.ok(d, `no ${code} on line ${line + 1}: ${published.diagnostics.map((x) => `${x.code}@${x.range.start.line}`).join(' ')}`);
  return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
}

describe('language server over stdio: quick fixes', function () {
  this.timeout(30000);

  describe('a client with snippet edits and file creation (VS Code)', () => {
    let ws: TempWorkspace;
    let client: LspClient;
    let uri: string;

    before(async () => {
      ws = new TempWorkspace();
      uri = uriOf(ws.write('plans/digital.plan', PLAN));
      ({ client } = await startServer({ folders: [ws.root], initializationOptions: { today: '2025-06-01', workspaceIndex: false } }));
      client.open(uri, PLAN);
    });

    after(async () => {
      await client?.shutdown();
      ws?.dispose();
    });

    it('a task with only 责任单位: make each of them the lead (moved, not listed twice), or choose one (a snippet)', async () => {
      const actions = await actionsAt(client, uri, 5, 'PL001');
      const titles = actions.map((a) => a.title);
      assert.equal(titles[0], '将“市教育局”设为牵头单位');
      assert.equal(titles[1], '将“市财政局”设为牵头单位');
      const first = applyTextEdits(PLAN, textEdits(actions[0], uri) as TextEdit[]);
      assert.equal(first.split('\n')[5], '2.推进电子证照互认。[牵头单位:市教育局;责任单位:市财政局]');
      const choose = actions.find((a) => a.title === '选择牵头单位…')!;
      const [edit] = textEdits(choose, uri) as SnippetTextEdit[];
      assert.ok(edit && 'snippet' in edit, 'sent as a snippet edit');
      // The plan's leads, less the task's own units (those are moved by the fixes above, never listed twice).
      assert.equal(edit.snippet.value, '牵头单位:${1|市数据局|};$0');
      // Directives last, one pair for each rule found at the range (the task's PL002 sits on the same marker).
      assert.deepEqual(titles.slice(-4), ['在此行停用 PL001', '在本文件停用 PL001', '在此行停用 PL002', '在本文件停用 PL002']);
    });

    it('most tasks without a deadline: one plan-level warning on the title, info per task, settled by writing the configuration', async () => {
      const published = await client.waitForDiagnostics(uri);
      const pl002 = published.diagnostics.filter((d) => d.code === 'PL002');
      const plan = pl002.filter((d) => d.range.start.line === 0);
      assert.equal(plan.length, 1);
      assert.equal(plan[0]!.severity, 2);
      assert.match(plan[0]!.message, /6 项任务中有 6 项未写完成时限.*2021—2025年.*deadline\.planPeriodSatisfies: true/);
      assert.ok(pl002.filter((d) => d.range.start.line > 0).every((d) => d.severity === 3), 'per-task findings are information');
      const actions = await actionsAt(client, uri, 0, 'PL002');
      const settle = actions.find((a) => a.title === '以方案实施期限作为各项任务的完成时限（写入配置）');
      assert.ok(settle, actions.map((a) => a.title).join(' | '));
      const created = settle.edit!.documentChanges![0]!;
      assert.deepEqual(created, { kind: 'create', uri: uriOf(ws.path('.planlintrc.json')), options: { ignoreIfExists: true } });
      const [write] = textEdits(settle, uriOf(ws.path('.planlintrc.json'))) as TextEdit[];
      assert.deepEqual(JSON.parse(write!.newText), { deadline: { planPeriodSatisfies: true } });
      // With a config file beside the plan, that file is edited (its other keys kept).
      ws.write('plans/.planlintrc.json', JSON.stringify({ rules: { PL008: 'off' } }));
      const again = await actionsAt(client, uri, 0, 'PL002');
      const edit = again.find((a) => a.title === settle.title)!;
      const [whole] = edit.edit!.changes![uriOf(ws.path('plans/.planlintrc.json'))]!;
      assert.deepEqual(JSON.parse(whole!.newText), { rules: { PL008: 'off' }, deadline: { planPeriodSatisfies: true } });
    });
  });

  describe('unit completion from the bundle', () => {
    let ws: TempWorkspace;
    let client: LspClient;

    after(async () => {
      await client?.shutdown();
      ws?.dispose();
    });

    it('the bundled server loads its pinyin chunk: sfj finds 市司法局, this plan’s most frequent lead comes first', async () => {
      ws = new TempWorkspace();
      const text = PLAN + '7.建设校园数据中心。[牵头单位:sfj';
      ws.write('.planlintrc.json', JSON.stringify({ units: [{ name: '市司法局' }] }));
      const uri = uriOf(ws.write('typing.plan', text));
      ({ client } = await startServer({ folders: [ws.root], initializationOptions: { today: '2025-06-01', workspaceIndex: false } }));
      client.open(uri, text);
      await client.waitForDiagnostics(uri);
      const lines = text.split('\n');
      const position = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
      let items: { label: string; filterText?: string; sortText?: string; detail?: string }[] = [];
      // The chunk loads after `initialized`; the first answers may come before it.
      for (let i = 0; i < 50; i++) {
        items = (await client.request<{ items: typeof items }>('textDocument/completion', { textDocument: { uri }, position })).items;
        if (items.some((x) => / sfj( |$)/.test(x.filterText ?? ''))) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const justice = items.find((x) => x.label === '市司法局');
      assert.ok(justice && / sfj( |$)/.test(justice.filterText!), JSON.stringify(justice));
      assert.equal(justice.detail, '单位名单');
      const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
      assert.equal(sorted[0]!.label, '市数据局');
      assert.equal(sorted[0]!.detail, '本文 牵头 4 次，共 4 处');
    });
  });

  describe('the task table', () => {
    let ws: TempWorkspace;
    let client: LspClient;

    after(async () => {
      await client?.shutdown();
      ws?.dispose();
    });

    it('a recurring deadline (每年第一季度) is never counted overdue', async () => {
      ws = new TempWorkspace();
      const text = readFileSync(join(SAMPLES, 'paren-style.plan.txt'), 'utf8');
      const uri = uriOf(ws.write('paren.plan', text));
      ({ client } = await startServer({ folders: [ws.root], initializationOptions: { today: '2025-06-01', workspaceIndex: false } }));
      client.open(uri, text);
      await client.waitForDiagnostics(uri);
      const table = await client.request<{ rows: { number: string; deadline: { text: string } | null; daysLeft: number | null }[]; counts: { overdue: number } }>('planlint/taskTable', { uri });
      const recurring = table.rows.find((r) => r.deadline?.text === '每年第一季度');
      assert.ok(recurring, table.rows.map((r) => r.deadline?.text).join(' '));
      assert.equal(recurring.daysLeft, null);
      const dated = table.rows.filter((r) => r.daysLeft !== null);
      assert.ok(dated.length > 0 && dated.every((r) => r.daysLeft! < 0), 'the 2021 deadlines are overdue in 2025');
      assert.equal(table.counts.overdue, dated.length);
    });
  });

  describe('a client without snippet edits', () => {
    let ws: TempWorkspace;
    let client: LspClient;
    let uri: string;

    before(async () => {
      ws = new TempWorkspace();
      uri = uriOf(ws.write('digital.plan', PLAN));
      const capabilities = { ...VSCODE_LIKE_CAPABILITIES, workspace: { ...VSCODE_LIKE_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true } } };
      ({ client } = await startServer({ folders: [ws.root], capabilities, initializationOptions: { today: '2025-06-01', workspaceIndex: false } }));
      client.open(uri, PLAN);
    });

    after(async () => {
      await client?.shutdown();
      ws?.dispose();
    });

    it('gets plain edits only, and no choice that repeats another fix', async () => {
      const actions = await actionsAt(client, uri, 5, 'PL001');
      for (const a of actions) for (const e of textEdits(a, uri)) assert.ok('newText' in e, `${a.title}: a plain edit`);
      const signatures = actions.map((a) => JSON.stringify(textEdits(a, uri)));
      assert.equal(new Set(signatures).size, signatures.length, 'no two actions make the same edit');
    });
  });
});
