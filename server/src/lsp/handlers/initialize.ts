// `initialize` (client capabilities and options in, server capabilities out), `initialized` (registrations, the first scan and settings), `shutdown`.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { CONFIG_FILE_NAMES } from '../../config/load.js';
import { createPlanService } from '../../service.js';
import { guardNotification } from '../guard.js';
import { clientLocale, PlanConfigs, uriToPath } from '../settings.js';
import type { InitOptions, Server } from '../state.js';
import { FIX_ALL_KIND } from './code-actions.js';
import { COMMANDS } from './commands.js';
import { registerWorkspaceFolders } from './indexing.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function folderPaths(params: InitializeParams): string[] {
  const folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f?.uri)).filter((p): p is string => p !== null);
  if (folders.length > 0) return folders;
  const root = uriToPath(params.rootUri) ?? (typeof params.rootPath === 'string' ? params.rootPath : null);
  return root ? [root] : [];
}

/** The lifecycle handlers. */
export function registerInitialize(connection: Connection, server: Server): void {
  const { state, configuration, diagnostics, indexing } = server;
  const log = state.log;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    try {
      state.caps = params.capabilities ?? {};
      const init = params.initializationOptions && typeof params.initializationOptions === 'object' ? (params.initializationOptions as InitOptions) : {};
      state.initOptions = init;
      // Today pins the service's deadline checks too (hover and the task table read `state.today()`).
      if (typeof init.today === 'string' && ISO_DATE.test(init.today)) {
        state.service = createPlanService({ today: init.today, workspace: state.workspace });
      } else {
        init.today = undefined;
        const pinned = process.env['PLANLINT_TODAY'];
        if (pinned && ISO_DATE.test(pinned)) state.service = createPlanService({ today: pinned, workspace: state.workspace });
      }
      if (typeof init.debounceMs === 'number' && init.debounceMs >= 0 && init.debounceMs <= 1000) state.debounceMs = init.debounceMs;
      // VS Code sends `locale`; the planlint extension also passes `displayLanguage`.
      const displayLanguage = (init as { displayLanguage?: unknown }).displayLanguage;
      state.configs = new PlanConfigs(clientLocale(params.locale ?? displayLanguage), (problems) => state.reportConfigProblems(problems));
      state.configs.setFolders(folderPaths(params));
      configuration.initial(init.settings);
      indexing.start();
      if (state.caps.workspace?.configuration) diagnostics.waitForSettings();
    } catch (error) {
      log(`planlint: initialize: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    const caps = state.caps;
    const prepareSupport = caps.textDocument?.rename?.prepareSupport === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        documentSymbolProvider: { label: 'planlint' },
        workspaceSymbolProvider: true,
        completionProvider: { triggerCharacters: ['：', ':', '、', '，', ','], resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        foldingRangeProvider: true,
        referencesProvider: true,
        renameProvider: prepareSupport ? { prepareProvider: true } : true,
        executeCommandProvider: { commands: Object.values(COMMANDS) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'planlint-ls', version: '0.1.0' },
    };
  });

  connection.onInitialized(
    guardNotification(log, 'initialized', async () => {
      const caps = state.caps;
      if (caps.workspace?.didChangeConfiguration?.dynamicRegistration) {
        connection.client.register(DidChangeConfigurationNotification.type, { section: 'planlint' }).catch((e: unknown) => log(`planlint: cannot register for configuration changes: ${String(e)}`));
      }
      if (caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        connection.client
          .register(DidChangeWatchedFilesNotification.type, {
            watchers: [{ globPattern: `**/{${CONFIG_FILE_NAMES.join(',')}}` }, { globPattern: '**/*.{plan,txt,md,json,yaml,yml}' }],
          })
          .catch((e: unknown) => log(`planlint: cannot watch files: ${String(e)}`));
      }
      if (caps.workspace?.workspaceFolders) registerWorkspaceFolders(connection, server);
      indexing.scan('folders');
      // The pinyin dictionary of unit completion, off the start-up path.
      void state.service.prepareCompletion();
      await configuration.pull();
    }),
  );

  connection.onShutdown(() => {
    state.shuttingDown = true;
    diagnostics.dispose();
    state.stopIndexing();
    state.scanner?.dispose();
  });
}
