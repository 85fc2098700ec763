// A fake of `vscode-languageclient/node` for the client's unit tests: no server process; requests are answered by
// the test's handler and recorded.

/** What a test sets and reads. */
export interface FakeServer {
  /** Answers `sendRequest`; the default answers null. */
  handle: (method: string, params: unknown) => unknown;
  /** When set, `start()` rejects with it. */
  startError?: Error;
  requests: { method: string; params: unknown }[];
  clients: { id: string; name: string; started: boolean; stopped: boolean }[];
}

/** A fresh fake module and the server state behind it. */
export function createFakeLanguageClient() {
  const server: FakeServer = { handle: () => null, requests: [], clients: [] };
  class LanguageClient {
    private readonly record: FakeServer['clients'][number];
    constructor(id: string, name: string) {
      this.record = { id, name, started: false, stopped: false };
      server.clients.push(this.record);
    }
    async start(): Promise<void> {
      if (server.startError) throw server.startError;
      this.record.started = true;
    }
    async stop(): Promise<void> {
      this.record.stopped = true;
    }
    async sendRequest(method: string, params: unknown): Promise<unknown> {
      server.requests.push({ method, params });
      return server.handle(method, params);
    }
  }
  const api = { LanguageClient, TransportKind: { stdio: 0, ipc: 1, pipe: 2, socket: 3 } };
  return { api, server };
}
