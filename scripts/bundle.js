// Bundles the CLI, the language server and the VS Code client with esbuild into dist/ (no node_modules at run time).
//
// Start-up is most of a one-file run, so a bundle compiles only what a run needs:
// - code splitting (ESM): what the source loads with import() becomes a chunk of its own, compiled when
//   first used — the CLI's commands (not needed for --help, --version or a usage error), the XLSX writer;
// - the `yaml` library is dist/yaml.cjs, which server/src/config/load.ts requires only to read a YAML file;
// - re2js (user patterns from configuration) is dist/re2.cjs, which server/src/lint/patterns.ts requires only when a
//   configuration holds a pattern;
// - the Word reader (fflate, xmldom) is dist/docx.cjs, which server/src/docx/load.ts requires only when a
//   file's first bytes are an office document or an archive;
// - whitespace and syntax are minified but names are kept, so a stack trace still names the functions;
//   each file has its source map beside it (node --enable-source-maps reads it), never inline.
// Every output stays in dist/ itself: chunks find dist/yaml.cjs and dist/worker.js beside them.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Node ESM bundles need `require` for the CommonJS dependencies they inline. */
const banner = {
  js: "#!/usr/bin/env node\nimport { createRequire as __planlintRequire } from 'node:module'; const require = __planlintRequire(import.meta.url);",
};

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  // jsonc-parser's `main` is UMD, whose inner requires esbuild cannot see; its ESM build bundles whole.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

// Chunks are named after their bundle (planlint-*, server-*: .vscodeignore ships only the server's);
// a build's hashes change with the code, so the previous build's chunks go first.
mkdirSync('dist', { recursive: true });
for (const name of readdirSync('dist')) {
  if (/^(planlint|server)-.*\.js(\.map)?$/.test(name)) rmSync(`dist/${name}`);
}

/** An ESM bundle with code splitting: entry files dist/NAME.js, chunks dist/PREFIX-*.js. */
async function esm(entryPoints, chunkPrefix) {
  await build({
    ...node,
    entryPoints,
    outdir: 'dist',
    entryNames: '[name]',
    chunkNames: `${chunkPrefix}-[name]-[hash]`,
    format: 'esm',
    splitting: true,
    banner,
    // Read by server/src/config/load.ts: where the yaml library lies, relative to any file in dist/.
    define: {
      PLANLINT_YAML_FILE: JSON.stringify('./yaml.cjs'),
      PLANLINT_DOCX_FILE: JSON.stringify('./docx.cjs'),
      PLANLINT_RE2_FILE: JSON.stringify('./re2.cjs'),
    },
  });
  for (const name of Object.keys(entryPoints)) chmodSync(`dist/${name}.js`, 0o755);
}

// The CLI and its worker threads' script (loaded beside it, see server/src/cli/pool.ts) share chunks.
await esm({ planlint: 'server/src/cli/bin.ts', worker: 'server/src/cli/worker.ts' }, 'planlint');
await esm({ server: 'server/src/lsp/main.ts' }, 'server');

// The yaml library, CommonJS so that it can be required synchronously (config lookups are synchronous).
await build({
  ...node,
  entryPoints: [createRequire(import.meta.url).resolve('yaml')],
  outfile: 'dist/yaml.cjs',
  format: 'cjs',
});

// re2js, CommonJS for the same reason (configuration checks and rules are synchronous).
await build({
  ...node,
  entryPoints: [createRequire(import.meta.url).resolve('re2js')],
  outfile: 'dist/re2.cjs',
  format: 'cjs',
});

// The Word reader, CommonJS for the same reason (reading a plan file is synchronous).
await build({
  ...node,
  entryPoints: ['server/src/docx/index.ts'],
  outfile: 'dist/docx.cjs',
  format: 'cjs',
});

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

// The task-table webview's script: one classic script for the browser (its page allows it by nonce, nothing else).
await build({
  entryPoints: ['client/src/webview/preview.ts'],
  outfile: 'dist/preview.js',
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});

// The configuration schema, for `jsonValidation` in the extension and for other editors.
copyFileSync('server/src/config/schema.json', 'dist/schema.json');
