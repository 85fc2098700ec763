// The transport under the language server: the LSP lifecycle enforced on every message, and a broken frame ending the process.
import type { DataCallback, Disposable, Message, MessageReader, MessageWriter, RequestMessage } from 'vscode-languageserver/node';

/** JSON-RPC error codes of the lifecycle (LSP: ServerNotInitialized; JSON-RPC: InvalidRequest). */
const SERVER_NOT_INITIALIZED = -32002;
const INVALID_REQUEST = -32600;

/** Where the session is: before `initialize`, running, or after `shutdown`. */
export type Phase = 'new' | 'running' | 'shutdown';

function isRequest(m: Message): m is RequestMessage {
  const r = m as Partial<RequestMessage>;
  return typeof r.method === 'string' && r.id !== undefined && r.id !== null;
}

/**
 * Wraps a reader so that the LSP lifecycle holds whatever the handlers do: a request before
 * `initialize` is answered ServerNotInitialized and a notification then dropped (except `exit`); a
 * request after `shutdown` is answered InvalidRequest. Answers go straight to `writer`.
 */
export function lifecycleReader(reader: MessageReader, writer: MessageWriter): MessageReader & { phase(): Phase } {
  let phase: Phase = 'new';
  const refuse = (m: RequestMessage, code: number, message: string) =>
    void writer.write({ jsonrpc: '2.0', id: m.id, error: { code, message } } as Message).catch(() => undefined);
  return {
    phase: () => phase,
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    dispose: () => reader.dispose(),
    listen(callback: DataCallback): Disposable {
      return reader.listen((m: Message) => {
        const method = (m as { method?: unknown }).method;
        if (phase === 'new') {
          if (isRequest(m) && method !== 'initialize') return refuse(m, SERVER_NOT_INITIALIZED, `the server is not initialized: ${String(method)}`);
          if (!isRequest(m) && method !== undefined && method !== 'exit') return; // a notification before initialize
          if (method === 'initialize') phase = 'running';
        } else if (phase === 'shutdown') {
          if (isRequest(m)) return refuse(m, INVALID_REQUEST, `the server is shut down: ${String(method)}`);
        } else if (isRequest(m) && method === 'shutdown') {
          phase = 'shutdown';
        }
        callback(m);
      });
    },
  };
}

/**
 * True when a reader error means the byte stream can no longer be split into messages (a header
 * without a usable Content-Length, which is where a wrong length leaves the reader). A body that is
 * not JSON (a SyntaxError) leaves the framing intact and is survived.
 */
export function isFramingError(error: unknown): boolean {
  return !(error instanceof SyntaxError);
}
