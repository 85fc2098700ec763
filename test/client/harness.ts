// Loads planlint's VS Code client in plain Node: the client's sources are bundled once with esbuild (as
// scripts/bundle.js does for dist/client.cjs) but with `vscode` and `vscode-languageclient/node` left as imports,
// which resolve to the fakes of the current test.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import Module from 'node:module';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.js';
import { createFakeLanguageClient, type FakeServer } from './fake-language-client.js';
import { createFakeVscode, Uri, type FakeOptions, type FakeVscode } from './fake-vscode.js';

const OUT = join(ROOT, 'out', 'test', 'client', 'bundle');
const require = createRequire(import.meta.url);
let built: Promise<void> | undefined;

/** Bundles client/src/extension.ts and client/src/i18n.ts into out/test/client/bundle/ (once per run). */
function bundle(): Promise<void> {
  built ??= build({
    entryPoints: { extension: join(ROOT, 'client/src/extension.ts'), i18n: join(ROOT, 'client/src/i18n.ts') },
    outdir: OUT,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'vscode-languageclient/node'],
    sourcemap: 'inline',
    logLevel: 'warning',
  }).then(() => undefined);
  return built;
}

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const loader = Module as unknown as { _load: Load };
const originalLoad = loader._load;
let current: { vscode: unknown; languageClient: unknown } | undefined;

loader._load = function load(this: unknown, request: string, parent: unknown, isMain: boolean): unknown {
  if (current && request === 'vscode') return current.vscode;
  if (current && request === 'vscode-languageclient/node') return current.languageClient;
  return originalLoad.call(this, request, parent, isMain);
};

/** The extension module's exports. */
export interface ExtensionModule {
  activate(context: FakeContext): Promise<void>;
  deactivate(): Promise<void>;
}

/** The i18n module's exports. */
export interface I18nModule {
  t(message: string, ...args: (string | number)[]): string;
  effectiveLocale(): 'zh-CN' | 'en';
}

/** The subset of vscode.ExtensionContext the client uses. */
export interface FakeContext {
  subscriptions: { dispose(): unknown }[];
  extensionUri: Uri;
  asAbsolutePath(relative: string): string;
}

/** One loaded client with its fakes. */
export interface LoadedClient {
  vscode: FakeVscode;
  server: FakeServer;
  context: FakeContext;
  extension: ExtensionModule;
  i18n: I18nModule;
  /** Disposes what activate registered (timers included). */
  dispose(): void;
}

/** A fresh copy of the client (new module state) over fresh fakes. */
export async function loadClient(options: FakeOptions = {}): Promise<LoadedClient> {
  await bundle();
  const vscode = createFakeVscode(options);
  const { api, server } = createFakeLanguageClient();
  current = { vscode: vscode.api, languageClient: api };
  const load = (name: string) => {
    const file = join(OUT, `${name}.cjs`);
    delete require.cache[file];
    return require(file) as unknown;
  };
  const context: FakeContext = { subscriptions: [], extensionUri: Uri.file(ROOT), asAbsolutePath: (p) => join(ROOT, p) };
  return {
    vscode,
    server,
    context,
    extension: load('extension') as ExtensionModule,
    i18n: load('i18n') as I18nModule,
    dispose: () => context.subscriptions.splice(0).forEach((d) => d.dispose()),
  };
}

/** Waits until `check` returns a value other than undefined/false (the client works on timers). */
export async function until<T>(check: () => T | undefined | false, what: string, ms = 2000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
