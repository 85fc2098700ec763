// The client's commands: the server commands run at the cursor of the active plan, the task table opens, a task is
// revealed; without a plan they say so in the UI's language.
import assert from 'node:assert/strict';
import { TASK_TABLE_REQUEST } from '../../server/src/protocol.js';
import { loadClient, until, type LoadedClient } from './harness.js';
import { demoTable } from './table-fixture.js';

async function activated(options: Parameters<typeof loadClient>[0]): Promise<LoadedClient> {
  const loaded = await loadClient(options);
  loaded.server.handle = (method) => (method === TASK_TABLE_REQUEST ? demoTable() : null);
  await loaded.extension.activate(loaded.context);
  return loaded;
}

describe('client commands', () => {
  let loaded: LoadedClient | undefined;
  afterEach(() => loaded?.dispose());

  for (const [command, serverCommand] of [
    ['planlint.renumberSection', 'planlint.server.renumberSection'],
    ['planlint.insertAttribution', 'planlint.server.insertAttribution'],
    ['planlint.fixAll', 'planlint.server.fixAll'],
  ] as const) {
    it(`${command} runs ${serverCommand} at the cursor of the active plan`, async () => {
      loaded = await activated({});
      loaded.vscode.setActiveEditor(loaded.vscode.planEditor('/ws/demo.plan', 7, 3));
      await loaded.vscode.api.commands.executeCommand(command);
      const call = loaded.vscode.executed.find((e) => e.command === serverCommand);
      assert.deepEqual(call?.args, ['file:///ws/demo.plan', { line: 7, character: 3 }]);
    });
  }

  it('asks for a plan first, in English or in Chinese', async () => {
    loaded = await activated({ language: 'en' });
    await loaded.vscode.api.commands.executeCommand('planlint.renumberSection');
    assert.deepEqual(loaded.vscode.messages, [{ level: 'info', text: 'Open a plan first.' }]);
    assert.ok(!loaded.vscode.executed.some((e) => e.command.startsWith('planlint.server.')));
    loaded.dispose();
    loaded = await activated({ language: 'en', settings: { locale: 'zh-CN' } });
    await loaded.vscode.api.commands.executeCommand('planlint.fixAll');
    assert.deepEqual(loaded.vscode.messages, [{ level: 'info', text: '请先打开一份工作方案。' }]);
  });

  for (const [options, title] of [
    [{ language: 'en' }, 'Task table'],
    [{ language: 'zh-cn' }, '任务分解表'],
  ] as const) {
    it(`showTaskTable opens the preview titled "${title}"`, async () => {
      loaded = await activated(options);
      loaded.vscode.setActiveEditor(loaded.vscode.planEditor());
      await loaded.vscode.api.commands.executeCommand('planlint.showTaskTable');
      assert.equal(loaded.vscode.panels.length, 1);
      assert.equal(loaded.vscode.panels[0]!.viewType, 'planlint.taskTable');
      await until(() => loaded!.vscode.panels[0]!.posted.length > 0, 'the table posted to the preview');
      assert.ok(loaded.vscode.panels[0]!.title.startsWith(title), loaded.vscode.panels[0]!.title);
    });
  }

  it('revealTask opens the plan with the cursor on the task', async () => {
    loaded = await activated({});
    await loaded.vscode.api.commands.executeCommand('planlint.revealTask', 'file:///ws/demo.plan', 4, 2);
    const editor = loaded.vscode.api.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), 'file:///ws/demo.plan');
    assert.deepEqual([editor?.selection.active.line, editor?.selection.active.character], [4, 2]);
  });
});
