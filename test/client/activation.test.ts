// Activation of planlint's VS Code client: it starts in any display language, registers every command it contributes
// (before the server is up), and names its language client in the UI's language.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.js';
import { loadClient, type LoadedClient } from './harness.js';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string }[]; views: Record<string, { id: string }[]> };
};
const contributed = manifest.contributes.commands.map((c) => c.command);

describe('client activation', () => {
  let loaded: LoadedClient | undefined;
  afterEach(() => loaded?.dispose());

  it('activates in an English VS Code with no planlint settings', async () => {
    loaded = await loadClient({ language: 'en' });
    await loaded.extension.activate(loaded.context);
    assert.deepEqual(loaded.server.clients.map((c) => [c.name, c.started]), [['planlint language server', true]]);
    assert.deepEqual(contributed.filter((c) => !loaded!.vscode.commands.has(c)), [], 'contributed commands not registered');
    assert.ok(loaded.vscode.executed.some((e) => e.command === 'setContext' && e.args[0] === 'planlint.active' && e.args[1] === true));
  });

  it('activates in a Chinese VS Code and names the server in Chinese', async () => {
    loaded = await loadClient({ language: 'zh-cn' });
    await loaded.extension.activate(loaded.context);
    assert.equal(loaded.server.clients[0]?.name, 'planlint 语言服务器');
  });

  it('creates the contributed views, and the status bar item that opens the task table', async () => {
    loaded = await loadClient();
    await loaded.extension.activate(loaded.context);
    const views = Object.values(manifest.contributes.views).flat().map((v) => v.id);
    assert.deepEqual(views.filter((id) => !loaded!.vscode.treeViews.has(id)), []);
    assert.equal(loaded.vscode.statusBarItems.length, 1);
    assert.equal(loaded.vscode.statusBarItems[0]!.command, 'planlint.showTaskTable');
    assert.ok(contributed.includes('planlint.showTaskTable'));
  });

  it('keeps its commands when the server does not start, and says so in the UI language', async () => {
    loaded = await loadClient({ language: 'en', settings: { locale: 'zh-CN' } });
    loaded.server.startError = new Error('spawn ENOENT');
    await loaded.extension.activate(loaded.context);
    assert.deepEqual(contributed.filter((c) => !loaded!.vscode.commands.has(c)), []);
    assert.deepEqual(loaded.vscode.messages, [{ level: 'error', text: 'planlint 语言服务器未能启动：spawn ENOENT' }]);
  });

  it('stops the server on deactivate, and its disposables unregister the commands', async () => {
    loaded = await loadClient();
    await loaded.extension.activate(loaded.context);
    await loaded.extension.deactivate();
    assert.equal(loaded.server.clients[0]?.stopped, true);
    loaded.dispose();
    assert.equal(loaded.vscode.commands.size, 0);
    assert.ok(loaded.vscode.statusBarItems.every((i) => i.disposed));
  });
});
