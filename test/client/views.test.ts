// The status bar item and the tasks-by-unit view speak the drafter's words, in the UI's language: tasks and tasks
// without a lead unit (VS Code counts the problems itself); units with the tasks they lead (牵头) or are responsible
// for (责任), role icons, tasks without a lead listed plainly, tasks with problems as the view's badge.
import assert from 'node:assert/strict';
import { TASK_TABLE_REQUEST, type TaskTableResult } from '../../server/src/protocol.js';
import type { FakeTreeView, TreeItem } from './fake-vscode.js';
import { loadClient, until, type LoadedClient } from './harness.js';
import { demoTable } from './table-fixture.js';

/** Activates with an open plan whose table is `table` and waits until the views have it. */
async function withPlan(options: Parameters<typeof loadClient>[0], table: TaskTableResult | null = demoTable()): Promise<LoadedClient> {
  const loaded = await loadClient(options);
  loaded.server.handle = (method) => (method === TASK_TABLE_REQUEST ? table : null);
  loaded.vscode.setActiveEditor(loaded.vscode.planEditor());
  await loaded.extension.activate(loaded.context);
  await until(() => loaded.server.requests.length > 0, 'a table request');
  await new Promise((r) => setTimeout(r, 10));
  return loaded;
}

const status = (loaded: LoadedClient) => loaded.vscode.statusBarItems[0]!;
const view = (loaded: LoadedClient): FakeTreeView => loaded.vscode.treeViews.get('planlint.tasksByUnit')!;
/** Each node as [label, description, icon], children indented. */
function render(tree: FakeTreeView, node?: unknown, depth = 0): string[] {
  return tree.provider.getChildren(node).flatMap((child) => {
    const item: TreeItem = tree.provider.getTreeItem(child);
    return [`${'  '.repeat(depth)}${item.label} | ${item.description ?? ''} | ${item.iconPath?.id ?? ''}`, ...render(tree, child, depth + 1)];
  });
}

describe('client status bar', () => {
  let loaded: LoadedClient | undefined;
  afterEach(() => loaded?.dispose());

  it('counts tasks and tasks without a lead unit, in English by default', async () => {
    loaded = await withPlan({ language: 'en' });
    assert.equal(status(loaded).visible, true);
    assert.equal(status(loaded).text, '$(checklist) 3 tasks · 1 without a lead unit');
    assert.equal(status(loaded).tooltip, 'Tasks: 3\nWithout a lead unit: 1\nWithout a deadline: 1\nOverdue: 1\nClick to show the task table.');
  });

  it('speaks Chinese when planlint.locale says so', async () => {
    loaded = await withPlan({ language: 'en', settings: { locale: 'zh-CN' } });
    assert.equal(status(loaded).text, '$(checklist) 3 项任务 · 1 项缺牵头');
    assert.equal(status(loaded).tooltip, '任务：3 项\n缺牵头单位：1 项\n缺完成时限：1 项\n已逾期：1 项\n点击显示任务分解表。');
  });

  it('leaves out the lead count when every task has a lead, and never repeats the problem count', async () => {
    const table = demoTable();
    table.rows = table.rows.filter((r) => r.lead.length > 0);
    loaded = await withPlan({ language: 'zh-cn' }, table);
    assert.equal(status(loaded).text, '$(checklist) 2 项任务');
    assert.doesNotMatch(status(loaded).text, /问题|problem|\$\(warning\)/);
  });

  it('says "1 task" in English, not "1 tasks"', async () => {
    const table = demoTable();
    table.rows = table.rows.slice(1, 2);
    loaded = await withPlan({ language: 'en' }, table);
    assert.equal(status(loaded).text, '$(checklist) 1 task · 1 without a lead unit');
  });

  it('redraws in the new language when planlint.locale changes', async () => {
    loaded = await withPlan({ language: 'en' });
    const before = loaded.server.requests.length;
    loaded.vscode.setSetting('locale', 'zh-CN');
    await until(() => loaded!.server.requests.length > before && status(loaded!).text.includes('项任务'), 'a Chinese status bar');
    assert.equal(status(loaded).text, '$(checklist) 3 项任务 · 1 项缺牵头');
  });

  it('hides when the active editor is not a plan', async () => {
    loaded = await withPlan({});
    loaded.vscode.setActiveEditor({ ...loaded.vscode.planEditor('/ws/notes.txt'), document: { uri: loaded.vscode.api.Uri.file('/ws/notes.txt'), languageId: 'plaintext' } });
    await until(() => !status(loaded!).visible, 'the status bar item hidden');
  });
});

describe('client tasks-by-unit view', () => {
  let loaded: LoadedClient | undefined;
  afterEach(() => loaded?.dispose());

  it('lists tasks without a lead first and plainly, then units with the tasks they lead before those they are responsible for, units that lead most first (zh)', async () => {
    loaded = await withPlan({ language: 'zh-cn' });
    assert.deepEqual(render(view(loaded)), [
      '（无牵头单位） | 1 项任务 | question',
      '  2. 清理行政规范性文件 | 2 个问题 | circle-large-outline',
      '市财政局 | 牵头 1 项 · 责任 2 项 | organization',
      '  3、公开权责清单 | 牵头 · 年内 | star-full',
      '  1. 完善合同审查制度 | 责任 · 2025年6月底前 | person',
      '  2. 清理行政规范性文件 | 责任 · 2 个问题 | person',
      '市司法局 | 牵头 1 项 | organization',
      '  1. 完善合同审查制度 | 牵头 · 2025年6月底前 | star-full',
      '各区县(市)人民政府 | 责任 3 项 | organization',
      '  1. 完善合同审查制度 | 责任 · 2025年6月底前 | person',
      '  2. 清理行政规范性文件 | 责任 · 2 个问题 | person',
      '  3、公开权责清单 | 责任 · 年内 | person',
    ]);
    assert.doesNotMatch(render(view(loaded)).join('\n'), /参与/);
  });

  it('speaks English in an English VS Code', async () => {
    loaded = await withPlan({ language: 'en' });
    assert.deepEqual(view(loaded).badge, { value: 1, tooltip: '1 task with problems' });
    assert.deepEqual(render(view(loaded)).slice(0, 3), [
      '(no lead unit) | 1 task | question',
      '  2. 清理行政规范性文件 | 2 problems | circle-large-outline',
      '市财政局 | leads 1 · responsible for 2 | organization',
    ]);
    assert.match(render(view(loaded))[3]!, /\| lead · 年内 \| star-full$/);
    assert.match(render(view(loaded))[4]!, /\| responsible · 2025年6月底前 \| person$/);
  });

  it('shows the tasks with problems as the badge of the view', async () => {
    loaded = await withPlan({ language: 'zh-cn' });
    assert.deepEqual(view(loaded).badge, { value: 1, tooltip: '1 项任务有问题' });
    assert.equal(view(loaded).message, undefined);
  });

  it('has no badge and a hint without a plan', async () => {
    loaded = await withPlan({ language: 'en' }, null);
    assert.equal(view(loaded).badge, undefined);
    assert.equal(view(loaded).message, 'Open a plan to see its tasks by unit.');
    assert.deepEqual(render(view(loaded)), []);
  });

  it('reveals a task when it is clicked, with its problems in the tooltip', async () => {
    loaded = await withPlan({});
    const tree = view(loaded);
    const [noLead] = tree.provider.getChildren();
    const item = tree.provider.getTreeItem(tree.provider.getChildren(noLead)[0]);
    assert.deepEqual(item.command && [item.command.command, ...(item.command.arguments ?? [])], ['planlint.revealTask', 'file:///ws/demo.plan', 3, 0]);
    assert.match(String(item.tooltip), /缺少完成时限/);
  });
});
