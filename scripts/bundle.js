// Bundles the CLI, the language server and the VS Code client with esbuild into dist/ (single files: fast cold start, no node_modules at run time).
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';

/** Node ESM bundles need `require` for the CommonJS dependencies they inline. */
const banner = {
  js: "#!/usr/bin/env node\nimport { createRequire as __planlintRequire } from 'node:module'; const require = __planlintRequire(import.meta.url);",
};

const entries = [
  { entry: 'server/src/cli/bin.ts', out: 'dist/planlint.js' },
  // The CLI's worker threads load this file beside dist/planlint.js (see server/src/cli/pool.ts).
  { entry: 'server/src/cli/worker.ts', out: 'dist/worker.js' },
  { entry: 'server/src/lsp/main.ts', out: 'dist/server.js' },
];

for (const { entry, out } of entries) {
  await build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    banner,
    logLevel: 'warning',
  });
  chmodSync(out, 0o755);
}

// The VS Code client: CommonJS (the extension host requires it), `vscode` provided by the host.
await build({
  entryPoints: ['client/src/extension.ts'],
  outfile: 'dist/client.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});

// The configuration schema, for `jsonValidation` in the extension and for other editors.
mkdirSync('dist', { recursive: true });
copyFileSync('server/src/config/schema.json', 'dist/schema.json');
