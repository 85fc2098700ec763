// What the extension does when the language server exits: restart it (vscode-languageclient's default policy) and say so once per session.
import { CloseAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type Message } from 'vscode-languageclient/node';
import { t } from './i18n.js';

/**
 * An error handler that defers to the client's default one (restart, up to its limit) and adds a
 * message to the first restart only: the server exits on purpose after a broken message stream
 * (server/src/lsp/lifecycle.ts), and the user should learn it happened without being told each time.
 */
export function restartOnceSaid(defaults: () => ErrorHandler): ErrorHandler {
  let said = false;
  return {
    error: (error: Error, message: Message | undefined, count: number | undefined): ErrorHandlerResult | Promise<ErrorHandlerResult> =>
      defaults().error(error, message, count),
    closed: async (): Promise<CloseHandlerResult> => {
      const result = await defaults().closed();
      if (result.action !== CloseAction.Restart || said || result.message !== undefined) return result;
      said = true;
      return { ...result, message: t('The planlint language server stopped unexpectedly and was restarted.') };
    },
  };
}
