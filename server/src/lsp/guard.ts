// The one wrapper every handler goes through: it honours cancellation, catches, logs and answers empty, so that no request stops the server.
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

/** Where handler failures go (the client's output channel through `window/logMessage`). */
export type ErrorLog = (message: string) => void;

/** Thrown (inside a handler) to answer a request with the LSP "request cancelled" error. */
export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  try {
    return String(error);
  } catch {
    return 'unprintable error';
  }
}

/**
 * Wraps a request handler: a cancelled request is answered with `RequestCancelled`; any other
 * throw (or rejection) is logged with the method name and answered with `empty`.
 */
export function guardRequest<P, R>(
  log: ErrorLog,
  method: string,
  empty: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => R | Promise<R> {
  const fail = (error: unknown): R => {
    if (error instanceof ResponseError) throw error;
    log(`planlint: ${method} failed: ${describe(error)}`);
    return empty;
  };
  return (params, token) => {
    if (token?.isCancellationRequested) throw cancelled();
    let result: R | Promise<R>;
    try {
      result = handler(params, token);
    } catch (error) {
      return fail(error);
    }
    if (result instanceof Promise) {
      return result.then((r) => {
        if (token?.isCancellationRequested) throw cancelled();
        return r;
      }, fail);
    }
    return result;
  };
}

/** Wraps a notification handler: any throw is logged and swallowed. */
export function guardNotification<P>(log: ErrorLog, method: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params) => {
    try {
      const r = handler(params);
      if (r instanceof Promise) r.catch((error: unknown) => log(`planlint: ${method} failed: ${describe(error)}`));
    } catch (error) {
      log(`planlint: ${method} failed: ${describe(error)}`);
    }
  };
}

/** Runs `fn`, logging and swallowing a throw (timers, file watchers, worker messages). */
export function guarded(log: ErrorLog, what: string, fn: () => void): void {
  try {
    fn();
  } catch (error) {
    log(`planlint: ${what} failed: ${describe(error)}`);
  }
}
