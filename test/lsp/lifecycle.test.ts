// Protocol tests of the server's life: diagnostics under rapid and random edits, configuration from files and settings, bad configs, malformed requests, cancellation.
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import fc from 'fast-check';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { cancellation, LspClient, positionAt, SERVER, startServer, uriOf, VSCODE_LIKE_CAPABILITIES, type Diagnostic, type PublishDiagnosticsParams } from './client.js';
import { sampleText, TempWorkspace } from './workspace.js';

const TODAY = '2025-06-01';
const sig = (ds: Diagnostic[]) => ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`).sort();

describe('language server over stdio: diagnostics under edits', function () {
  this.timeout(60000);
  let client: LspClient;

  before(async () => {
    ({ client } = await startServer({ initializationOptions: { today: TODAY, workspaceIndex: false } }));
  });
  after(async () => client?.shutdown());

  it('rapid successive edits: only the newest version ends up published, never an older one after it', async () => {
    const uri = 'untitled:rapid.plan';
    let text = sampleText('bracket-style.plan');
    client.open(uri, text);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const at = text.indexOf('为规范行政权力运行');
    for (let v = 2; v <= 60; v++) {
      const pos = positionAt(text, at);
      client.change(uri, v, [{ range: { start: pos, end: pos }, text: '改' }]);
      text = text.slice(0, at) + '改' + text.slice(at);
    }
    // Fix the PL005 finding in the same burst: the final diagnostics must show it gone.
    const bad = text.indexOf('12、');
    const from = positionAt(text, bad);
    client.change(uri, 61, [{ range: { start: from, end: positionAt(text, bad + 3) }, text: '12.' }]);
    text = text.slice(0, bad) + '12.' + text.slice(bad + 3);
    const last = await client.waitForDiagnostics(uri, (p) => p.version === 61);
    await client.settled(); // every publish the burst causes has arrived
    const versions = client.diagnostics.get(uri)!.map((p) => p.version!);
    assert.equal(versions[versions.length - 1], 61, `published versions: ${versions.join(',')}`);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i]! >= versions[i - 1]!, `versions never go back: ${versions.join(',')}`);
    assert.ok(versions.length < 61, `a burst is coalesced (${versions.length} publishes for 61 versions)`);
    assert.equal(last.diagnostics.some((d) => d.code === 'PL005'), false);
    client.open('untitled:rapid-fresh.plan', text);
    const fresh = await client.waitForDiagnostics('untitled:rapid-fresh.plan');
    assert.deepEqual(sig(last.diagnostics), sig(fresh.diagnostics));
  });

  it('after thousands of random incremental edits, diagnostics equal those of a fresh parse of the final text', async () => {
    const uri = 'untitled:random.plan';
    let text = sampleText('inline.plan.txt');
    let version = 1;
    client.open(uri, text);
    const alphabet = ['一、', '(一)', '1.', '①', '[牵头单位:', '市司法局', ';', '责任单位:', '完成时限:2022年底前', ']', '。', '\n', '、', '（', '）', '𠀀', '由', '牵头', '负责'];
    const edits = fc.sample(fc.tuple(fc.nat(), fc.nat(6), fc.constantFrom(...alphabet), fc.boolean()), { numRuns: 10000, seed: 42 });
    let sent = 0;
    for (const [at0, del, ins, insert] of edits) {
      const at = at0 % (text.length + 1);
      const end = Math.min(text.length, at + (insert ? 0 : del));
      const change = { range: { start: positionAt(text, at), end: positionAt(text, end) }, text: insert ? ins : '' };
      text = text.slice(0, at) + change.text + text.slice(end);
      client.change(uri, ++version, [change]);
      if (++sent % 500 === 0) await client.waitForDiagnostics(uri, (p) => p.version === version);
    }
    const last = await client.waitForDiagnostics(uri, (p) => p.version === version);
    client.open('untitled:random-fresh.plan', text);
    const fresh = await client.waitForDiagnostics('untitled:random-fresh.plan');
    assert.deepEqual(sig(last.diagnostics), sig(fresh.diagnostics));
    const symbolsA = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const symbolsB = await client.request('textDocument/documentSymbol', { textDocument: { uri: 'untitled:random-fresh.plan' } });
    assert.deepEqual(symbolsA, symbolsB);
  });
});

describe('language server over stdio: configuration', function () {
  this.timeout(30000);
  let ws: TempWorkspace;
  const clients: LspClient[] = [];
  const start = async (options: Parameters<typeof startServer>[0]) => {
    const { client } = await startServer(options);
    clients.push(client);
    return client;
  };

  beforeEach(() => {
    ws = new TempWorkspace();
  });
  afterEach(async () => {
    while (clients.length > 0) await clients.pop()!.shutdown();
    ws.dispose();
  });

  it('the config file nearest the document wins', async () => {
    const root = uriOf(ws.copySample('bracket-style.plan'));
    const sub = uriOf(ws.copySample('bracket-style.plan', 'sub/plan.plan'));
    ws.write('sub/.planlintrc.json', JSON.stringify({ rules: { 'deadline-missing': 'off', PL004: 'info' } }));
    const client = await start({ folders: [ws.root], initializationOptions: { today: TODAY, workspaceIndex: false } });
    client.open(root, sampleText('bracket-style.plan'));
    client.open(sub, sampleText('bracket-style.plan'));
    const a = await client.waitForDiagnostics(root);
    const b = await client.waitForDiagnostics(sub);
    assert.ok(a.diagnostics.some((d) => d.code === 'PL002'));
    assert.equal(b.diagnostics.some((d) => d.code === 'PL002'), false);
    assert.ok(b.diagnostics.filter((d) => d.code === 'PL004').every((d) => d.severity === 3));
    assert.deepEqual(client.messages, []);
  });

  it('planlint.* settings from workspace/configuration; a settings change re-lints open documents', async () => {
    const uri = uriOf(ws.copySample('bracket-style.plan'));
    const client = await start({ folders: [ws.root], settings: { rules: { PL004: 'off' }, locale: 'en' }, initializationOptions: { today: TODAY, workspaceIndex: false } });
    client.open(uri, sampleText('bracket-style.plan'));
    const en = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0 && !p.diagnostics.some((d) => d.code === 'PL004'));
    assert.ok(en.diagnostics.every((d) => /^[\x20-\x7e“”‘’—…\u4e00-\u9fff（）、，。：；\d.()]+$/.test(d.message)));
    assert.ok(en.diagnostics.some((d) => /lead unit|which one leads/i.test(d.message)), en.diagnostics.map((d) => d.message).join('\n'));
    assert.ok(client.registrations.some((r) => JSON.stringify(r).includes('workspace/didChangeConfiguration')));
    assert.ok(client.registrations.some((r) => JSON.stringify(r).includes('.planlintrc.json')));
    client.settings = {};
    const before = client.diagnostics.get(uri)!.length;
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const zh = await client.waitForDiagnostics(uri, (p) => client.diagnostics.get(uri)!.length > before && p.diagnostics.some((d) => d.code === 'PL004'));
    assert.ok(zh.diagnostics.some((d) => /缺少牵头单位|未写明由哪个单位牵头/.test(d.message)));
  });

  it('the first publish is already under the client’s settings, however slowly workspace/configuration is answered', async () => {
    const uri = uriOf(ws.copySample('bracket-style.plan'));
    // The answer takes 300 ms: a server that lints at once publishes the defaults (Chinese, PL004 on) first.
    const client = await start({ folders: [ws.root], settings: { rules: { PL004: 'off' }, locale: 'en' }, settingsDelayMs: 300, initializationOptions: { today: TODAY, workspaceIndex: false } });
    client.open(uri, sampleText('bracket-style.plan'));
    await client.waitForDiagnostics(uri);
    await client.settled(); // the settings are in and nothing is left to publish
    const all = client.diagnostics.get(uri)!;
    assert.equal(all.length, 1, `one publish (versions ${all.map((p) => p.version).join(',')})`);
    for (const p of all) {
      assert.ok(p.diagnostics.length > 0);
      assert.equal(p.diagnostics.some((d) => d.code === 'PL004'), false, 'PL004 is off from the first publish');
      // English: every message has English words (the Chinese ones quote the plan at most).
      assert.ok(p.diagnostics.every((d) => /[a-z]{2,} [a-z]{2,}/i.test(d.message)), p.diagnostics.map((d) => d.message).join('\n'));
    }
  });

  it('planlint/stats counts the work still to send (settings awaited, publishes scheduled); at 0 it has arrived', async () => {
    const uri = uriOf(ws.copySample('bracket-style.plan'));
    const client = await start({ folders: [ws.root], settings: { locale: 'en' }, settingsDelayMs: 300, initializationOptions: { today: TODAY, workspaceIndex: false, debounceMs: 300 } });
    client.open(uri, sampleText('bracket-style.plan'));
    const stats = () => client.request<{ pending: number }>('planlint/stats', null);
    assert.ok((await stats()).pending > 0, 'the settings are awaited');
    await client.settled();
    assert.equal((await stats()).pending, 0);
    assert.equal(client.diagnostics.get(uri)?.length, 1, 'the publish came before the answer that said nothing was pending');
    client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '某' }]);
    assert.ok((await stats()).pending > 0, 'a publish is scheduled (300 ms)');
    await client.settled();
    assert.deepEqual(client.diagnostics.get(uri)?.map((p) => p.version), [1, 2]);
  });

  it('a client that never answers workspace/configuration still gets diagnostics, under the defaults; one without it gets them at once', async () => {
    const uri = uriOf(ws.copySample('bracket-style.plan'));
    const silent = await start({ folders: [ws.root], settings: { rules: { PL004: 'off' } }, settingsDelayMs: Infinity, initializationOptions: { today: TODAY, workspaceIndex: false } });
    silent.open(uri, sampleText('bracket-style.plan'));
    const p = await silent.waitForDiagnostics(uri, () => true, 15000);
    assert.ok(p.diagnostics.some((d) => d.code === 'PL004'), 'the defaults');
    assert.ok(silent.logs.some((l) => /workspace\/configuration/.test(l.message)), 'the wait is logged');
    // No `workspace/configuration`: `initializationOptions.settings` apply from the first publish.
    const capabilities = { ...VSCODE_LIKE_CAPABILITIES, workspace: { ...VSCODE_LIKE_CAPABILITIES.workspace, configuration: false } };
    const bare = await start({ folders: [ws.root], capabilities, initializationOptions: { today: TODAY, workspaceIndex: false, settings: { rules: { PL004: 'off' } } } });
    bare.open(uri, sampleText('bracket-style.plan'));
    const q = await bare.waitForDiagnostics(uri);
    assert.equal(q.diagnostics.some((d) => d.code === 'PL004'), false);
  });

  it('with the workspace index off, a closed plan leaves the index', async () => {
    const uri = uriOf(ws.copySample('bracket-style.plan'));
    const client = await start({ folders: [ws.root], initializationOptions: { today: TODAY, workspaceIndex: false } });
    const symbols = () => client.request<{ location: { uri: string } }[]>('workspace/symbol', { query: '行政审批' });
    client.open(uri, sampleText('bracket-style.plan'));
    await client.waitForDiagnostics(uri);
    assert.ok((await symbols()).some((s) => s.location.uri === uri), 'the open plan is indexed');
    client.close(uri);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    assert.deepEqual(await symbols(), []);
    assert.equal((await client.request<{ indexedPlans: number }>('planlint/stats', null)).indexedPlans, 0);
  });

  it('locale auto follows the client: English for en-US, Chinese otherwise', async () => {
    const uri = uriOf(ws.copySample('bracket-style.plan'));
    const en = await start({ folders: [ws.root], locale: 'en-US', initializationOptions: { today: TODAY, workspaceIndex: false } });
    en.open(uri, sampleText('bracket-style.plan'));
    const p = await en.waitForDiagnostics(uri);
    assert.ok(p.diagnostics.some((d) => /lead unit|which one leads/i.test(d.message)));
    const zh = await start({ folders: [ws.root], locale: 'zh-TW', initializationOptions: { today: TODAY, workspaceIndex: false } });
    zh.open(uri, sampleText('bracket-style.plan'));
    assert.ok((await zh.waitForDiagnostics(uri)).diagnostics.some((d) => /缺少牵头单位|未写明由哪个单位牵头/.test(d.message)));
  });

  it('a bad config file is reported once (diagnostic on the file and one message); the defaults apply; fixing it re-lints', async () => {
    const config = ws.write('.planlintrc.json', '{\n  "rules": {\n    "PL002": "of"\n  }\n}\n');
    const a = uriOf(ws.copySample('bracket-style.plan'));
    const b = uriOf(ws.copySample('sentence-style.plan.txt'));
    const client = await start({ folders: [ws.root], initializationOptions: { today: TODAY, workspaceIndex: false } });
    client.open(a, sampleText('bracket-style.plan'));
    client.open(b, sampleText('sentence-style.plan.txt'));
    const da = await client.waitForDiagnostics(a);
    await client.waitForDiagnostics(b);
    const onConfig = await client.waitForDiagnostics(uriOf(config));
    await client.settled();
    assert.equal(client.messages.length, 1, JSON.stringify(client.messages));
    assert.equal(client.messages[0]!.type, 2);
    assert.match(client.messages[0]!.message, /配置文件 .*\.planlintrc\.json 有误，已改用默认配置/);
    assert.match(client.messages[0]!.message, /rules\.PL002/);
    assert.equal(client.diagnostics.get(uriOf(config))!.length, 1, 'published once');
    assert.equal(onConfig.diagnostics.length, 1);
    assert.deepEqual(onConfig.diagnostics[0]!.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 17 } });
    assert.match(onConfig.diagnostics[0]!.message, /^rules\.PL002: /);
    assert.ok(da.diagnostics.some((d) => d.code === 'PL002'), 'defaults: PL002 on');
    // Saved again with the same mistake: nothing new is said.
    const relints = client.diagnostics.get(a)!.length;
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 2 }] });
    await client.waitForDiagnostics(a, () => client.diagnostics.get(a)!.length > relints); // the change was taken in
    await client.settled();
    assert.equal(client.messages.length, 1);
    assert.equal(client.diagnostics.get(uriOf(config))!.length, 1);
    // Fixed on disk: the watcher's event clears the report and re-lints with the new configuration.
    ws.write('.planlintrc.json', '{ "rules": { "PL002": "off" } }\n');
    const count = client.diagnostics.get(a)!.length;
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 2 }] });
    await client.waitForDiagnostics(uriOf(config), (p) => p.diagnostics.length === 0);
    const relinted = await client.waitForDiagnostics(a, () => client.diagnostics.get(a)!.length > count);
    assert.equal(relinted.diagnostics.some((d) => d.code === 'PL002'), false);
    assert.equal(client.messages.length, 1);
  });

  it('bad settings are reported once in a message; their valid parts apply', async () => {
    const uri = uriOf(ws.copySample('bracket-style.plan'));
    const client = await start({ folders: [ws.root], settings: { rules: { PL004: 'off', PL999: 'error' } }, initializationOptions: { today: TODAY, workspaceIndex: false } });
    client.open(uri, sampleText('bracket-style.plan'));
    await client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'PL004'));
    await client.waitFor('a message', () => client.messages.length > 0);
    assert.match(client.messages[0]!.message, /planlint\.\* 设置有误/);
    const pulls = client.configurationRequests;
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.settled();
    assert.equal(client.configurationRequests, pulls + 1, 'the settings were read again');
    assert.equal(client.messages.length, 1, 'the same problem is not reported twice');
  });
});

describe('language server over stdio: robustness', function () {
  this.timeout(30000);
  let client: LspClient;
  const uri = 'untitled:robust.plan';
  const text = '江宁市工作方案\n\n一、任务\n\n（一）做事。[牵头单位：市司法局；完成时限：2025年底前]\n';
  const hover = () => client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 16 } });

  before(async () => {
    ({ client } = await startServer({ initializationOptions: { today: TODAY, workspaceIndex: false } }));
    client.open(uri, text);
    await client.waitForDiagnostics(uri);
  });
  after(async () => client?.shutdown());

  it('answers malformed requests empty, and the next request works', async () => {
    const cases: [string, unknown][] = [
      ['textDocument/hover', null],
      ['textDocument/hover', {}],
      ['textDocument/hover', { textDocument: { uri }, position: { line: -1, character: 0 } }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: 1e12, character: 1e12 } }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 1e15 } }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: '4', character: 'x' } }],
      ['textDocument/hover', { textDocument: { uri: 'file:///no/such/file.plan' }, position: { line: 0, character: 0 } }],
      ['textDocument/hover', { textDocument: { uri: 42 }, position: null }],
      ['textDocument/completion', { textDocument: {}, position: { line: 4, character: 3 } }],
      ['textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 2 ** 40 } }],
      ['textDocument/documentSymbol', { textDocument: { uri: 'nonsense' } }],
      ['textDocument/documentSymbol', []],
      ['textDocument/codeAction', { textDocument: { uri }, range: null, context: null }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } }, context: { diagnostics: [{ data: 'x' }, null], only: 'quickfix' } }],
      ['codeAction/resolve', { title: 'x', data: { uri: 5 } }],
      ['textDocument/foldingRange', { textDocument: null }],
      ['textDocument/references', { textDocument: { uri }, position: { line: 4, character: 16 }, context: null }],
      ['textDocument/prepareRename', { textDocument: { uri }, position: { line: 4.5, character: 0 } }],
      ['textDocument/rename', { textDocument: { uri }, position: { line: 2, character: 0 }, newName: 42 }],
      ['workspace/symbol', { query: { not: 'a string' } }],
      ['workspace/executeCommand', { command: 'planlint.renameUnitAllVariants', arguments: [null, null, null] }],
      ['workspace/executeCommand', { command: 'no.such.command' }],
      ['planlint/stats', 'x'],
    ];
    for (const [method, params] of cases) {
      const result = await client.request(method, params).catch((e: { code?: number; message?: string }) => ({ error: e.code }));
      assert.ok(result === null || Array.isArray(result) || typeof result === 'object', `${method} ${JSON.stringify(params)} → ${JSON.stringify(result)}`);
      assert.ok(!(result && typeof result === 'object' && 'error' in result), `${method} ${JSON.stringify(params)} answered with an error`);
    }
    // Not even well-formed messages: bad JSON, a batch, params by position, an unknown method.
    client.writeRaw('Content-Length: 7\r\n\r\n{"bad":');
    client.writeRaw(LspClient.frame([1, 2, 3]));
    client.writeRaw(LspClient.frame({ jsonrpc: '2.0', id: 'raw-1', method: 'textDocument/hover', params: [1, 2] }));
    client.writeRaw(LspClient.frame({ jsonrpc: '2.0', id: 'raw-2', method: 'no/such/method', params: {} }));
    await client.waitFor('raw responses', () => client.rawResponses.has('raw-2'));
    assert.equal(client.rawResponses.get('raw-2')!.error!.code, -32601);
    const h = await hover();
    assert.match(h!.contents.value, /\*\*市司法局\*\*/);
    assert.equal(client.exited, null);
  });

  it('survives malformed notifications and keeps documents in sync', async () => {
    client.notify('textDocument/didOpen', { textDocument: { uri: 'untitled:weird.plan', languageId: 7, version: 'x', text: 42 } });
    client.notify('textDocument/didOpen', null);
    client.notify('textDocument/didChange', { textDocument: { uri: 'untitled:not-open.plan', version: 2 }, contentChanges: [{ text: 'x' }] });
    client.notify('textDocument/didChange', { textDocument: { uri }, contentChanges: [{ range: { start: { line: -3, character: NaN }, end: null }, text: 'x' }, 'junk'] });
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: { not: 'a list' } });
    client.notify('textDocument/didClose', { textDocument: null });
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: 'file:///%E0%A4%A', type: 9 }, null] });
    client.notify('$/setTrace', { value: 'verbose' });
    const weird = await client.waitForDiagnostics('untitled:weird.plan');
    assert.deepEqual(weird.diagnostics, []);
    client.change(uri, 3, [{ range: { start: { line: 4, character: 12 }, end: { line: 4, character: 16 } }, text: '市财政局' }]);
    const p = await client.waitForDiagnostics(uri, (d) => d.version === 3);
    assert.ok(p);
    const h = await hover();
    assert.match(h!.contents.value, /\*\*市财政局\*\*/);
  });

  it('cancellation: a request cancelled before it runs is answered RequestCancelled; the server goes on', async () => {
    const request = { jsonrpc: '2.0', id: 'cancel-me', method: 'workspace/symbol', params: { query: '' } };
    client.writeRaw(LspClient.frame(request) + LspClient.frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 'cancel-me' } }));
    await client.waitFor('the cancelled response', () => client.rawResponses.get('cancel-me'));
    assert.equal(client.rawResponses.get('cancel-me')!.error!.code, -32800);
    // Through the client API: cancelled or answered, never a crash.
    const source = cancellation();
    const pending = client.request('textDocument/documentSymbol', { textDocument: { uri } }, source.token);
    source.cancel();
    const outcome = await pending.then(
      () => 'answered',
      (e: { code?: number }) => (e.code === -32800 ? 'cancelled' : `error ${e.code}`),
    );
    assert.ok(outcome === 'answered' || outcome === 'cancelled', outcome);
    assert.ok(await hover());
  });

  it('also speaks over node IPC (--node-ipc)', async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const conn = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published: PublishDiagnosticsParams[] = [];
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => void published.push(p));
    conn.listen();
    try {
      const init = await conn.sendRequest<{ capabilities: { hoverProvider: boolean } }>('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { workspaceIndex: false } });
      assert.equal(init.capabilities.hoverProvider, true);
      void conn.sendNotification('initialized', {});
      void conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:ipc.plan', languageId: 'plan', version: 1, text } });
      const symbols = await conn.sendRequest<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri: 'untitled:ipc.plan' } });
      assert.deepEqual(symbols.map((s) => s.name), ['江宁市工作方案', '一、任务', '（一）做事'], 'without hierarchical support: flat SymbolInformation');
      for (let i = 0; i < 100 && published.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      assert.equal(published[0]?.uri, 'untitled:ipc.plan');
      await conn.sendRequest('shutdown', null);
      void conn.sendNotification('exit', null);
    } finally {
      conn.dispose();
      await new Promise((r) => setTimeout(r, 100));
      child.kill();
    }
  });

  it('shuts down cleanly', async () => {
    const { client: c } = await startServer({ initializationOptions: { workspaceIndex: false } });
    await c.request('shutdown', null);
    c.notify('exit', null);
    await c.waitFor('exit', () => c.exited !== null);
    assert.equal(c.exited, 0);
    await c.shutdown();
  });
});

