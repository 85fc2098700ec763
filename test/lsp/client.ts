// A small LSP client for protocol tests and the bench: spawns the built server over stdio and speaks JSON-RPC to it (vscode-jsonrpc).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CancellationToken,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import { ROOT } from '../helpers/paths.js';

/** The bundled language server the tests speak to (`npm test` builds it first). */
export const SERVER = join(ROOT, 'dist', 'server.js');

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  data?: unknown;
}
export interface PublishDiagnosticsParams {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
  /** When the client received it (`performance.now()`); not part of the protocol. */
  receivedAt?: number;
}
export interface TextEdit {
  range: Range;
  newText: string;
}
/** An LSP 3.18 snippet edit (clients with `workspaceEdit.snippetEditSupport`). */
export interface SnippetTextEdit {
  range: Range;
  snippet: { kind: 'snippet'; value: string };
}
export interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[];
}

/** Client capabilities like VS Code's, for what these tests touch. */
export const VSCODE_LIKE_CAPABILITIES = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'], snippetEditSupport: true },
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    symbol: {},
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    completion: { completionItem: { snippetSupport: true, insertReplaceSupport: false } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
      resolveSupport: { properties: ['edit'] },
    },
    rename: { prepareSupport: true },
    foldingRange: { lineFoldingOnly: true },
    publishDiagnostics: { versionSupport: true },
  },
  window: { showMessage: {} },
};

export interface StartOptions {
  /** Workspace folder paths. */
  folders?: string[];
  capabilities?: unknown;
  initializationOptions?: unknown;
  locale?: string;
  /** What the client answers to `workspace/configuration` for `planlint`. */
  settings?: unknown;
  /** How long the client takes to answer `workspace/configuration` (ms; `Infinity`: never). Default 0. */
  settingsDelayMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Flags for node before the server script (`--max-semi-space-size=32`, `--cpu-prof`…). */
  execArgv?: string[];
}

/** A running server and what it has sent. */
export class LspClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  /** Every publishDiagnostics in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: { type: number; message: string }[] = [];
  readonly logs: { type: number; message: string }[] = [];
  readonly applied: WorkspaceEdit[] = [];
  readonly registrations: unknown[] = [];
  /** How many `workspace/configuration` requests the server has sent. */
  configurationRequests = 0;
  readonly stderr: string[] = [];
  settings: unknown;
  /** How long `workspace/configuration` takes to be answered (ms; `Infinity`: never). */
  settingsDelayMs = 0;
  exited: number | null = null;
  /** Every response the server wrote, by id, read straight off its stdout (for requests written raw). */
  readonly rawResponses = new Map<string | number, { id: string | number; result?: unknown; error?: { code: number; message: string } }>();
  private waiters: (() => void)[] = [];
  /** The server's output as the tap reads it: a frame's header so far, or how much of its body is still to come. */
  private tapHeader = Buffer.alloc(0);
  private tapBodyLeft = -1;
  private tapBody: Buffer[] = [];
  /** Bodies are decoded only once a raw request was written: before that no raw response can come. */
  private tapReads = false;

  /**
   * Reads the server's output frames a second time, to see responses to raw requests. Each chunk is read once: a
   * 1 MB publish arrives in many chunks, and joining them again for every chunk (and parsing every body a second time)
   * made this client, which stamps the arrivals, the slowest part of the latency it measured.
   */
  tapOutput(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.tapBodyLeft < 0) {
        this.tapHeader = Buffer.concat([this.tapHeader, chunk.subarray(at)]);
        at = chunk.length;
        const headerEnd = this.tapHeader.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const m = /Content-Length: *(\d+)/i.exec(this.tapHeader.subarray(0, headerEnd).toString('ascii'));
        this.tapBodyLeft = m ? Number(m[1]) : 0;
        // What followed the header goes back to be read as body.
        chunk = this.tapHeader.subarray(headerEnd + 4);
        at = 0;
        this.tapHeader = Buffer.alloc(0);
      }
      const take = Math.min(this.tapBodyLeft, chunk.length - at);
      if (this.tapReads) this.tapBody.push(chunk.subarray(at, at + take));
      at += take;
      this.tapBodyLeft -= take;
      if (this.tapBodyLeft === 0) {
        this.tapBodyLeft = -1;
        const body = this.tapBody;
        this.tapBody = [];
        if (body.length > 0) this.readRawFrame(Buffer.concat(body).toString('utf8'));
      }
    }
  }

  private readRawFrame(body: string): void {
    try {
      const msg = JSON.parse(body) as { id?: string | number; method?: string };
      if (msg.id !== undefined && msg.method === undefined) this.rawResponses.set(msg.id, msg as never);
    } catch {
      // not ours to judge here
    }
    this.notifyWaiters();
  }

  constructor(
    readonly child: ChildProcess,
    readonly conn: MessageConnection,
  ) {}

  /** Sends a request; rejects on an error response. */
  request<R = unknown>(method: string, params: unknown, token?: CancellationToken): Promise<R> {
    return token ? this.conn.sendRequest<R>(method, params, token) : this.conn.sendRequest<R>(method, params);
  }

  notify(method: string, params: unknown): void {
    void this.conn.sendNotification(method, params);
  }

  open(uri: string, text: string, version = 1, languageId = 'plan'): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: unknown[]): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Writes raw bytes to the server's stdin (several messages in one chunk, or garbage). */
  writeRaw(data: string | Buffer): void {
    this.tapReads = true;
    this.child.stdin!.write(data);
  }

  /** Frames one JSON-RPC message for `writeRaw`. */
  static frame(message: unknown): string {
    const body = JSON.stringify(message);
    return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
  }

  /** Resolves when `test()` holds after some message arrives (or already holds); rejects after `ms`. */
  async waitFor<T>(what: string, test: () => T | undefined | null | false, ms = 10000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = test();
      if (v) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; server stderr:\n${this.stderr.join('').slice(-2000)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 50));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /**
   * Resolves when the server says it has nothing left to send without a new message (`planlint/stats`: `pending`
   * 0: no publish scheduled, no settings awaited). What it was going to send has then arrived, so a test may assert
   * that nothing more came.
   */
  async settled(ms = 10000): Promise<void> {
    const deadline = Date.now() + ms;
    while ((await this.request<{ pending: number }>('planlint/stats', null)).pending !== 0) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for the server to settle; server stderr:\n${this.stderr.join('').slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** The newest diagnostics published for `uri` that satisfy `test`. */
  waitForDiagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, ms = 10000): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`diagnostics for ${uri}`, () => {
      const list = this.diagnostics.get(uri);
      const last = list?.[list.length - 1];
      return last && test(last) ? last : undefined;
    }, ms);
  }

  notifyWaiters(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  async shutdown(): Promise<void> {
    if (this.exited === null) {
      try {
        await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
        this.notify('exit', null);
      } catch {
        // already gone
      }
      await new Promise<void>((resolve) => {
        if (this.exited !== null) return resolve();
        const t = setTimeout(() => {
          this.child.kill('SIGKILL');
          resolve();
        }, 3000);
        this.child.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    this.conn.dispose();
  }
}

/** A `file://` URI for a path. */
export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

/** Spawns `node dist/server.js --stdio` without initializing it. */
export function spawnServer(env?: NodeJS.ProcessEnv, execArgv: string[] = []): LspClient {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: build it first (npm run build)`);
  const child = spawn(process.execPath, [...execArgv, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const client = new LspClient(child, conn);
  child.stderr!.on('data', (d: Buffer) => client.stderr.push(d.toString('utf8')));
  child.stdout!.on('data', (d: Buffer) => client.tapOutput(d));
  child.on('exit', (code) => {
    client.exited = code ?? -1;
    client.notifyWaiters();
  });
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    p.receivedAt = performance.now();
    const list = client.diagnostics.get(p.uri) ?? [];
    list.push(p);
    client.diagnostics.set(p.uri, list);
    client.published.push(p);
    client.notifyWaiters();
  });
  conn.onNotification('window/showMessage', (p: { type: number; message: string }) => {
    client.messages.push(p);
    client.notifyWaiters();
  });
  conn.onNotification('window/logMessage', (p: { type: number; message: string }) => {
    client.logs.push(p);
    client.notifyWaiters();
  });
  conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => {
    client.configurationRequests++;
    const answer = () => p.items.map((i) => (i.section === 'planlint' ? (client.settings ?? {}) : null));
    if (client.settingsDelayMs <= 0) return answer();
    if (client.settingsDelayMs === Infinity) return new Promise<never>(() => undefined);
    return new Promise((resolve) => setTimeout(() => resolve(answer()), client.settingsDelayMs));
  });
  conn.onRequest('client/registerCapability', (p: unknown) => {
    client.registrations.push(p);
    return null;
  });
  conn.onRequest('client/unregisterCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
    client.applied.push(p.edit);
    client.notifyWaiters();
    return { applied: true };
  });
  conn.onError(() => undefined);
  conn.listen();
  return client;
}

/** Spawns the server and completes `initialize` / `initialized`. */
export async function startServer(options: StartOptions = {}): Promise<{ client: LspClient; init: { capabilities: Record<string, any> } }> {
  const client = spawnServer(options.env, options.execArgv);
  client.settings = options.settings;
  client.settingsDelayMs = options.settingsDelayMs ?? 0;
  const folders = options.folders ?? [];
  const init = await client.request<{ capabilities: Record<string, any> }>('initialize', {
    processId: process.pid,
    rootUri: folders[0] ? uriOf(folders[0]) : null,
    workspaceFolders: folders.length > 0 ? folders.map((f, i) => ({ uri: uriOf(f), name: `folder${i}` })) : null,
    capabilities: options.capabilities ?? VSCODE_LIKE_CAPABILITIES,
    initializationOptions: options.initializationOptions ?? { today: '2025-06-01' },
    ...(options.locale ? { locale: options.locale } : {}),
  });
  client.notify('initialized', {});
  return { client, init };
}

/** A cancellation source, re-exported so tests need not import vscode-jsonrpc themselves. */
export function cancellation(): CancellationTokenSource {
  return new CancellationTokenSource();
}

/** Applies LSP text edits to a text (positions in UTF-16 code units, LF or CRLF line breaks). */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: Position) => Math.min(text.length, (starts[p.line] ?? text.length) + p.character);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** The LSP position of `offset` in `text` (LF line breaks). */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
