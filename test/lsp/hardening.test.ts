// Hostile input to the language server (issue 17): framing errors, requests out of the lifecycle, versions going backwards, links out of the workspace, silent limits.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { LspClient, spawnServer, startServer, uriOf, VSCODE_LIKE_CAPABILITIES } from './client.js';
import { TempWorkspace } from './workspace.js';

const TEXT = '江宁市工作方案\n\n一、任务\n\n（一）做事。[牵头单位：市司法局；完成时限：2025年底前]\n';

describe('hardening: the server and the protocol', function () {
  this.timeout(30000);

  it('exits non-zero after a framing error (a wrong Content-Length) instead of hanging', async () => {
    const { client } = await startServer({ initializationOptions: { workspaceIndex: false } });
    try {
      const body = JSON.stringify({ jsonrpc: '2.0', id: 'short', method: 'workspace/symbol', params: { query: '' } });
      client.writeRaw(`Content-Length: ${Buffer.byteLength(body) - 10}\r\n\r\n${body}`);
      client.writeRaw(LspClient.frame({ jsonrpc: '2.0', id: 'after', method: 'workspace/symbol', params: { query: '' } }));
      await client.waitFor('the server to exit', () => client.exited !== null, 8000);
      assert.notEqual(client.exited, 0);
    } finally {
      await client.shutdown();
    }
  });

  it('a body that is not JSON but correctly framed is still survived', async () => {
    const { client } = await startServer({ initializationOptions: { workspaceIndex: false } });
    try {
      client.writeRaw('Content-Length: 7\r\n\r\n{"bad":');
      client.writeRaw(LspClient.frame({ jsonrpc: '2.0', id: 'next', method: 'workspace/symbol', params: { query: '' } }));
      await client.waitFor('the next answer', () => client.rawResponses.get('next'));
      assert.equal(client.exited, null);
    } finally {
      await client.shutdown();
    }
  });

  it('answers ServerNotInitialized (-32002) before initialize and InvalidRequest (-32600) after shutdown', async () => {
    const client = spawnServer();
    try {
      client.writeRaw(LspClient.frame({ jsonrpc: '2.0', id: 'early', method: 'textDocument/hover', params: { textDocument: { uri: 'untitled:a.plan' }, position: { line: 0, character: 0 } } }));
      await client.waitFor('the early answer', () => client.rawResponses.get('early'));
      assert.equal(client.rawResponses.get('early')!.error?.code, -32002);
      await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: VSCODE_LIKE_CAPABILITIES, initializationOptions: { workspaceIndex: false } });
      client.notify('initialized', {});
      await client.request('shutdown', null);
      client.writeRaw(LspClient.frame({ jsonrpc: '2.0', id: 'late', method: 'textDocument/hover', params: { textDocument: { uri: 'untitled:a.plan' }, position: { line: 0, character: 0 } } }));
      await client.waitFor('the late answer', () => client.rawResponses.get('late'));
      assert.equal(client.rawResponses.get('late')!.error?.code, -32600);
      client.notify('exit', null);
      await client.waitFor('the server to exit', () => client.exited !== null);
      assert.equal(client.exited, 0);
    } finally {
      await client.shutdown();
    }
  });

  it('publishes diagnostics for the newest version even when its number goes backwards', async () => {
    const { client } = await startServer({ initializationOptions: { workspaceIndex: false } });
    const uri = 'untitled:backwards.plan';
    try {
      client.open(uri, TEXT, 10);
      await client.waitForDiagnostics(uri, (p) => p.version === 10);
      // The lead unit removed: PL001 must appear, under version 3 (a client that restarted its numbering).
      client.change(uri, 3, [{ range: { start: { line: 4, character: 6 }, end: { line: 4, character: 36 } }, text: '' }]);
      const p = await client.waitForDiagnostics(uri, (d) => d.version === 3, 5000);
      assert.ok(p.diagnostics.some((d) => d.code === 'PL001'), JSON.stringify(p.diagnostics));
    } finally {
      await client.shutdown();
    }
  });
});

describe('hardening: links out of the workspace', function () {
  this.timeout(30000);
  let ws: TempWorkspace;
  let outside: TempWorkspace;
  beforeEach(() => {
    ws = new TempWorkspace();
    outside = new TempWorkspace();
  });
  afterEach(() => {
    ws.dispose();
    outside.dispose();
  });

  it('a config file linking outside the workspace is refused and never quoted', async () => {
    const secret = outside.write('secret.txt', 'SECRET-TOKEN-4711 do not print\n');
    fs.symlinkSync(secret, ws.path('.planlintrc.json'));
    const plan = ws.write('a.plan', TEXT);
    const { client } = await startServer({ folders: [ws.root], initializationOptions: { workspaceIndex: false } });
    try {
      client.open(uriOf(plan), TEXT);
      await client.waitForDiagnostics(uriOf(plan));
      await client.waitFor('a message', () => client.messages.length > 0);
      const said = JSON.stringify([client.messages, client.published, client.logs]);
      assert.ok(!said.includes('SECRET'), said.slice(0, 2000));
      assert.match(client.messages[0]!.message, /之外|outside/);
    } finally {
      await client.shutdown();
    }
  });

  it('a watched-file event for a link to a plan outside the workspace does not index it', async () => {
    const target = outside.write('far.plan', '云溪市2025年工作要点\n\n一、任务\n\n（一）建设外部秘密平台。[牵头单位：市数据资源局；完成时限：2025年底前]\n');
    const link = ws.path('near.plan');
    fs.symlinkSync(target, link);
    const own = ws.write('own.plan', '云溪市2025年工作要点\n\n一、任务\n\n（一）建设内部测试平台。[牵头单位：市数据资源局；完成时限：2025年底前]\n');
    const { client } = await startServer({ folders: [ws.root] });
    try {
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(link), type: 1 }, { uri: uriOf(own), type: 1 }] });
      type Found = { name: string }[];
      let mine: Found = [];
      for (let i = 0; i < 100 && mine.length === 0; i++) {
        mine = await client.request<Found>('workspace/symbol', { query: '内部测试' });
        if (mine.length === 0) await new Promise((r) => setTimeout(r, 50));
      }
      assert.equal(mine.length, 1, 'the plan inside the workspace is indexed');
      assert.deepEqual(await client.request<Found>('workspace/symbol', { query: '外部秘密' }), []);
    } finally {
      await client.shutdown();
    }
  });
});

describe('hardening: limits are said, once, and can be raised', function () {
  this.timeout(30000);
  let ws: TempWorkspace;
  beforeEach(() => (ws = new TempWorkspace()));
  afterEach(() => ws.dispose());

  const planOf = (i: number) => `云溪市2025年工作要点\n\n一、任务\n\n（一）建设第${i}号平台。[牵头单位：市数据资源局；完成时限：2025年底前]\n`;

  it('a document over the size limit: one message naming the setting; raising it analyses the document', async () => {
    const big = TEXT + '（二）补充说明。'.repeat(200);
    const { client } = await startServer({ settings: { maxDocumentChars: 1000 }, initializationOptions: { workspaceIndex: false, settings: { maxDocumentChars: 1000 } } });
    try {
      client.open('untitled:big.plan', big);
      client.open('untitled:big2.plan', big);
      await client.waitFor('a message', () => client.messages.some((m) => /maxDocumentChars/.test(m.message)), 5000);
      client.change('untitled:big.plan', 2, [{ text: big + '。' }]);
      await client.settled(); // the change was handled: anything it says has arrived
      assert.equal(client.messages.filter((m) => /maxDocumentChars/.test(m.message)).length, 1, JSON.stringify(client.messages));
      assert.match(client.messages[0]!.message, /big\.plan|big2\.plan/);
    } finally {
      await client.shutdown();
    }
    const { client: raised } = await startServer({ settings: { maxDocumentChars: 100_000 }, initializationOptions: { workspaceIndex: false, settings: { maxDocumentChars: 100_000 } } });
    try {
      raised.open('untitled:big.plan', big);
      const p = await raised.waitForDiagnostics('untitled:big.plan');
      assert.ok(p.diagnostics.length > 0);
      assert.equal(raised.messages.length, 0);
    } finally {
      await raised.shutdown();
    }
  });

  it('the workspace index at its file limit: one message naming the setting; raising it indexes everything', async () => {
    for (let i = 0; i < 5; i++) ws.write(`p${i}.plan`, planOf(i));
    const { client } = await startServer({ folders: [ws.root], settings: { maxIndexFiles: 2 }, initializationOptions: { settings: { maxIndexFiles: 2 } } });
    try {
      await client.waitFor('a message', () => client.messages.some((m) => /maxIndexFiles/.test(m.message)), 8000);
      assert.equal(client.messages.filter((m) => /maxIndexFiles/.test(m.message)).length, 1);
    } finally {
      await client.shutdown();
    }
    const { client: raised } = await startServer({ folders: [ws.root], settings: { maxIndexFiles: 10 }, initializationOptions: { settings: { maxIndexFiles: 10 } } });
    try {
      type Found = { name: string }[];
      let found: Found = [];
      for (let i = 0; i < 100 && found.length < 5; i++) {
        found = await raised.request<Found>('workspace/symbol', { query: '号平台' });
        if (found.length < 5) await new Promise((r) => setTimeout(r, 50));
      }
      assert.equal(found.length, 5);
      assert.equal(raised.messages.length, 0);
    } finally {
      await raised.shutdown();
    }
  });
});

describe('hardening: a backtracking pattern in the configuration does not block the server', function () {
  this.timeout(30000);
  let ws: TempWorkspace;
  beforeEach(() => (ws = new TempWorkspace()));
  afterEach(() => ws.dispose());

  it('ignorePatterns ^(市+)+$ against a 40-character unit name: diagnostics come, and the next request is answered', async () => {
    ws.write('.planlintrc.json', JSON.stringify({ units: [{ name: '市司法局' }], rules: { 'unit-unknown': ['warning', { ignorePatterns: ['^(市+)+$'] }] } }));
    const text = `江宁市工作方案\n\n一、任务\n\n（一）做事。[牵头单位：${'市'.repeat(40)}局；完成时限：2025年底前]\n`;
    const plan = ws.write('a.plan', text);
    const { client } = await startServer({ folders: [ws.root], initializationOptions: { workspaceIndex: false } });
    try {
      // A backtracking engine takes minutes here: the waits' time limits are the guard.
      client.open(uriOf(plan), text);
      const p = await client.waitForDiagnostics(uriOf(plan), () => true, 10_000);
      assert.ok(p.diagnostics.some((d) => d.code === 'PL008'));
      assert.ok((await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf(plan) } })).length > 0);
    } finally {
      await client.shutdown();
    }
  });
});
