// Invariants as tests: rule ids, files, fixtures, config names, schema and README agree; import boundaries hold.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import ts from 'typescript';
import { RULE_NAMES } from '../server/src/config/rule-names.js';
import { allRules } from '../server/src/rules/index.js';
import { ROOT, RULE_FIXTURES, UPDATE_GOLDEN } from './helpers/paths.js';

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|js|cjs)$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** One import of a source file. */
export interface Import {
  /** The module: a package (`chevrotain`, `node:fs`) or, for a relative specifier, a path from the repository root without its extension (`server/src/model/types`). */
  target: string;
  /** Erased from the build: `import type`, `export type`, an import whose every name is a type, `typeof import('x')`. */
  typeOnly: boolean;
  /** `import('x')` or a `require` call (also one made by `createRequire`): loaded when the code runs there, not at start. */
  dynamic: boolean;
}

/**
 * Every import of a source text, read by the TypeScript parser: static imports and re-exports, `import()`, `require`
 * calls (any function whose name starts with `require`) and import types. A call whose module is not written as a
 * string literal (in either branch of a `?:`) gives the target `<computed>`, which no rule allows.
 */
export function importsOf(file: string, text: string): Import[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const out: Import[] = [];
  const add = (spec: string, typeOnly: boolean, dynamic: boolean) => {
    const target = spec.startsWith('.') ? posix.join(posix.dirname(file), spec).replace(/\.(ts|js|cjs|mjs)$/, '') : spec;
    out.push({ target, typeOnly, dynamic });
  };
  const literals = (node: ts.Expression): string[] => {
    if (ts.isStringLiteralLike(node)) return [node.text];
    if (ts.isConditionalExpression(node)) return [...literals(node.whenTrue), ...literals(node.whenFalse)];
    if (ts.isParenthesizedExpression(node)) return literals(node.expression);
    return [];
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const names = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : null;
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && names !== null && names.length > 0 && names.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier.text, typeOnly, false);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly, false);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      for (const spec of literals(node.moduleReference.expression)) add(spec, node.isTypeOnly, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, true, false);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const loads = callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && /^require/i.test(callee.text));
      if (loads) {
        const specs = node.arguments[0] ? literals(node.arguments[0]) : [];
        if (specs.length === 0) add('<computed>', false, true);
        for (const spec of specs) add(spec, false, true);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The README's rule table, generated from the rules themselves. */
export function rulesTable(): string {
  const severity: Record<string, string> = { error: '错误 error', warning: '警告 warning', info: '提示 info', off: '关闭 off' };
  const fix: Record<string, string> = { safe: '自动修复 --fix', suggest: '建议 quick fix', none: '—' };
  const rows = allRules.map((r) => `| [${r.id}](docs/rules/${r.id}.md) | \`${r.name}\` | ${severity[r.defaultSeverity]} | ${fix[r.fixable]} | ${r.description['zh-CN']} | ${r.description.en} |`);
  return ['| 编号 | 名称 name | 默认级别 default | 修复 fix | 说明 | Description |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** Every import of the shipped code (grammar/, server/, client/), by importing file (a path from the repository root). */
function shippedImports(): [string, Import[]][] {
  const files = ['grammar', 'server', 'client'].flatMap((dir) => sourceFiles(dir)).filter((f) => !f.includes('node_modules'));
  return files.map((f) => [f, importsOf(f, readFileSync(join(ROOT, f), 'utf8'))]);
}

const within = (dir: string) => (path: string) => path === dir || path.startsWith(dir + '/');
const isPackage = (target: string) => !/^(grammar|server|client|bench|test|l10n)\//.test(target) && target !== '<computed>';
const FS = /^(node:)?fs(\/promises)?$/;

/**
 * The import rules of ARCHITECTURE.md ("Import rules"), each as a test of one import: what it forbids, and why.
 * `file` is the importing file, `imp` one of its imports.
 */
const IMPORT_RULES: { why: string; forbids(file: string, imp: Import): boolean }[] = [
  {
    why: 'every import names its module as a string literal',
    forbids: (_file, imp) => imp.target === '<computed>',
  },
  {
    why: 'grammar/ imports only chevrotain and itself',
    forbids: (file, imp) => within('grammar')(file) && imp.target !== 'chevrotain' && !within('grammar')(imp.target),
  },
  {
    why: 'the model imports only itself, the grammar and the configuration defaults (config/config.ts): no Node, no engine, no clients',
    forbids: (file, imp) =>
      within('server/src/model')(file) &&
      !(within('server/src/model')(imp.target) || within('grammar')(imp.target) || imp.target === 'server/src/config/config'),
  },
  {
    why: 'a rule imports only the engine (lint/) and the model; only rules/index.ts imports the rule files',
    forbids: (file, imp) =>
      within('server/src/rules')(file) &&
      !(within('server/src/lint')(imp.target) || within('server/src/model')(imp.target) || (file === 'server/src/rules/index.ts' && /^server\/src\/rules\/PL\d{3}-/.test(imp.target))),
  },
  {
    why: 'the engine (lint/) knows no rule, feature, client, Node or LSP (lint/patterns.ts loads re2js with node:module on first use)',
    forbids: (file, imp) =>
      within('server/src/lint')(file) &&
      ((/^node:/.test(imp.target) && !(file === 'server/src/lint/patterns.ts' && imp.target === 'node:module')) || /^vscode/.test(imp.target) || /^server\/src\/(rules|features|lsp|cli|docx|text)\//.test(imp.target)),
  },
  {
    why: 'features/ never import a rule or a client',
    forbids: (file, imp) => within('server/src/features')(file) && /^server\/src\/(rules|lsp|cli)\//.test(imp.target),
  },
  {
    why: 'features/table-filter.ts has no run-time imports (the webview bundles it)',
    forbids: (file, imp) => file === 'server/src/features/table-filter.ts' && !imp.typeOnly,
  },
  {
    why: 'nothing outside cli/ imports cli/',
    forbids: (file, imp) => !within('server/src/cli')(file) && within('server/src/cli')(imp.target),
  },
  {
    why: 'cli/commands.ts is loaded with import(), after argv is read',
    forbids: (_file, imp) => imp.target === 'server/src/cli/commands' && !imp.dynamic,
  },
  {
    why: 'the service (service.ts, service/) knows nothing of files, argv, the connection or its clients',
    forbids: (file, imp) =>
      (file === 'server/src/service.ts' || within('server/src/service')(file)) && (/^node:|^vscode/.test(imp.target) || /^server\/src\/(lsp|cli)\//.test(imp.target)),
  },
  {
    why: 'the clients reach the features through the service (cli/args.ts names the table formats before the service is loaded)',
    forbids: (file, imp) =>
      (within('server/src/lsp')(file) || within('server/src/cli')(file)) && file !== 'server/src/cli/args.ts' && within('server/src/features')(imp.target),
  },
  {
    why: 'only server/src/lsp/ imports vscode-languageserver',
    forbids: (file, imp) => /^vscode-languageserver/.test(imp.target) && !within('server/src/lsp')(file),
  },
  {
    why: 'only client/ imports vscode',
    forbids: (file, imp) => imp.target === 'vscode' && !within('client')(file),
  },
  {
    why: 'outside cli/ and lsp/, only config/load.ts reads files',
    forbids: (file, imp) =>
      FS.test(imp.target) && within('server')(file) && !within('server/src/cli')(file) && !within('server/src/lsp')(file) && file !== 'server/src/config/load.ts',
  },
  {
    why: 'worker threads are the CLI pool\'s and the workspace scan\'s',
    forbids: (file, imp) => /^(node:)?worker_threads$/.test(imp.target) && !within('server/src/cli')(file) && !within('server/src/lsp')(file),
  },
  {
    why: 'text/ (bytes and names of plan files) imports nothing of planlint and reads no file',
    forbids: (file, imp) => within('server/src/text')(file) && !within('server/src/text')(imp.target) && (!isPackage(imp.target) || FS.test(imp.target)),
  },
  {
    why: 'the Word reader is loaded by docx/load.ts only when a file is an office document: elsewhere docx/ gives only load.ts and places.ts at run time',
    forbids: (file, imp) =>
      !within('server/src/docx')(file) && within('server/src/docx')(imp.target) && !imp.typeOnly && !['server/src/docx/load', 'server/src/docx/places'].includes(imp.target),
  },
  {
    why: 'pinyin-pro is a chunk of its own, loaded after start-up: import() only',
    forbids: (_file, imp) => imp.target === 'pinyin-pro' && !imp.typeOnly && !imp.dynamic,
  },
  {
    why: 'yaml is required by config/load.ts only when it reads YAML',
    forbids: (file, imp) => imp.target === 'yaml' && !imp.typeOnly && (!imp.dynamic || file !== 'server/src/config/load.ts'),
  },
  {
    why: 'dev tools (bench/, test/) stay out of the bundles',
    forbids: (_file, imp) => within('bench')(imp.target) || within('test')(imp.target),
  },
];

/** Each import that breaks a rule: the file, what it imports, and the rule. */
function importOffences(imports: [string, Import[]][] = shippedImports()): string[] {
  const offences: string[] = [];
  for (const [file, list] of imports) {
    for (const imp of list) for (const rule of IMPORT_RULES) if (rule.forbids(file, imp)) offences.push(`${file} imports ${imp.target}: ${rule.why}`);
  }
  return offences;
}

describe('tidy', () => {
  it('rule ids are unique, in order, and match their file names', () => {
    const files = readdirSync(join(ROOT, 'server/src/rules')).filter((f) => /^PL\d{3}-/.test(f));
    assert.deepEqual(allRules.map((r) => `${r.id}-${r.name}.ts`), [...files].sort());
    assert.equal(new Set(allRules.map((r) => r.id)).size, allRules.length);
    assert.equal(new Set(allRules.map((r) => r.name)).size, allRules.length);
  });

  it('the configuration knows exactly the rules there are', () => {
    assert.deepEqual(RULE_NAMES.map(([id, name]) => `${id} ${name}`), allRules.map((r) => `${r.id} ${r.name}`));
    const schema = readFileSync(join(ROOT, 'server/src/config/schema.json'), 'utf8');
    for (const r of allRules) {
      assert.ok(schema.includes(`"${r.id}"`), `schema lacks ${r.id}`);
      assert.ok(schema.includes(`"${r.name}"`), `schema lacks ${r.name}`);
    }
  });

  it('every rule has zh-CN and en text for its description and every message', () => {
    for (const r of allRules) {
      assert.ok(r.description['zh-CN'] && r.description.en, r.id);
      assert.ok(/[\u4e00-\u9fff]/.test(r.description['zh-CN']), `${r.id} zh description is not Chinese`);
      for (const [id, text] of Object.entries(r.messages)) assert.ok(text['zh-CN'] && text.en, `${r.id}.${id}`);
    }
  });

  it('every rule has a fixture folder', () => {
    for (const r of allRules) assert.ok(existsSync(join(RULE_FIXTURES, `${r.id}-${r.name}`)), `${r.id}-${r.name}`);
  });

  it("the README's rule table matches the rules", () => {
    const file = join(ROOT, 'README.md');
    const readme = readFileSync(file, 'utf8');
    const start = readme.indexOf('<!-- rules:start -->');
    const end = readme.indexOf('<!-- rules:end -->');
    assert.ok(start >= 0 && end > start, 'README needs <!-- rules:start --> … <!-- rules:end -->');
    const actual = readme.slice(start + '<!-- rules:start -->'.length, end).trim();
    if (UPDATE_GOLDEN && actual !== rulesTable()) {
      writeFileSync(file, readme.slice(0, start) + '<!-- rules:start -->\n' + rulesTable() + '\n' + readme.slice(end));
      return;
    }
    assert.equal(actual, rulesTable(), 'run UPDATE_GOLDEN=1 npm test to regenerate the README rule table');
  });

  it('the import reader sees static, type, dynamic and required imports', () => {
    const text = [
      "import a from 'pkg-a';",
      "import type { T } from './types.js';",
      "import { type U, type V } from '../model/types.js';",
      "import { type W, x } from './mixed.js';",
      "export { y } from './y.js';",
      "export type { Z } from './z.js';",
      "import './side-effect.js';",
      "type L = typeof import('pkg-l');",
      "const r = createRequire(import.meta.url);",
      "const m = await import('./lazy.js');",
      "const q = requireHere(typeof X === 'string' ? X : 'pkg-q');",
      "const c = require(name);",
    ].join('\n');
    assert.deepEqual(importsOf('server/src/lint/demo.ts', text), [
      { target: 'pkg-a', typeOnly: false, dynamic: false },
      { target: 'server/src/lint/types', typeOnly: true, dynamic: false },
      { target: 'server/src/model/types', typeOnly: true, dynamic: false },
      { target: 'server/src/lint/mixed', typeOnly: false, dynamic: false },
      { target: 'server/src/lint/y', typeOnly: false, dynamic: false },
      { target: 'server/src/lint/z', typeOnly: true, dynamic: false },
      { target: 'server/src/lint/side-effect', typeOnly: false, dynamic: false },
      { target: 'pkg-l', typeOnly: true, dynamic: false },
      { target: 'server/src/lint/lazy', typeOnly: false, dynamic: true },
      { target: 'pkg-q', typeOnly: false, dynamic: true },
      { target: '<computed>', typeOnly: false, dynamic: true },
    ]);
  });

  it("ARCHITECTURE.md's import rules hold", () => {
    assert.deepEqual(importOffences(), []);
  });

  it('no source file is over ~400 lines without a line at its top saying why', () => {
    const LIMIT = 420;
    const unexplained = ['server/src', 'grammar', 'client/src'].flatMap(sourceFiles).filter((f) => {
      const lines = readFileSync(join(ROOT, f), 'utf8').split('\n');
      return lines.length > LIMIT && !lines.slice(0, 16).some((l) => /^\/\/ (?:Over 400 lines: \S|Generated by )/.test(l));
    });
    assert.deepEqual(unexplained, []);
  });

  it('no module holds mutable state a document could leave behind: no top-level `let`, no top-level ListBuffer', () => {
    // Lazily built, document-independent singletons, each named with why it is safe to share.
    const allowed = new Set([
      'grammar/lexer.ts: shared', // the lexer, built on first use; it keeps nothing of a text
      'grammar/parser.ts: shared', // the block parser, built on first use; its input is reset per parse
      'server/src/config/load.ts: yamlLibrary', // yaml, required on first use
      'server/src/docx/load.ts: library', // the Word reader's bundle, required on first use
      'server/src/lint/patterns.ts: re2Library', // re2js, required on first use (a configuration's pattern)
      'server/src/model/table-match.ts: sorting', // PL011's room to sort one title's bigrams, written before each read
      'server/src/model/table-cells.ts: bestRoom', // the alignment's score and parent tables for one row, numbers
      'server/src/model/table-cells.ts: parentRoom', // only, filled before each read (grown together for a wider row)
      'server/src/model/text.ts: foldRoom', // the fold's room for one text's code units, written before each read,
      'server/src/model/text.ts: foldUnits', // and its two views (grown together when a longer text comes)
      'server/src/model/text.ts: foldBytes',
      'grammar/tokens.ts: keywordSlots', // slots given to keyword first characters as the token types are defined, at load
      'server/src/text/encoding.ts: gbTable', // the GB18030 table, a pure function of nothing, filled on first use
      'server/src/features/completion.ts: pinyinFn', // pinyin-pro, loaded as a chunk of its own after start-up
      'server/src/features/completion.ts: pinyinLoading',
    ]);
    const found: string[] = [];
    for (const file of ['grammar', 'server/src'].flatMap(sourceFiles).filter((f) => f.endsWith('.ts'))) {
      const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, false);
      for (const statement of source.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        const isLet = (statement.declarationList.flags & ts.NodeFlags.Let) !== 0;
        for (const d of statement.declarationList.declarations) {
          const init = d.initializer;
          const buffer = init !== undefined && ts.isNewExpression(init) && init.expression.getText(source) === 'ListBuffer';
          if (isLet || buffer) found.push(`${file.split(posix.sep).join('/')}: ${d.name.getText(source)}`);
        }
      }
    }
    assert.deepEqual(found.filter((f) => !allowed.has(f)), []);
  });

  it('whether a text is a plan is asked of model/kind.ts by the model, the CLI, the workspace scan and the editor', () => {
    const askers = ['server/src/model/plan.ts', 'server/src/cli/classify.ts', 'server/src/lsp/workspace-scan.ts', 'client/src/detect.ts'];
    const notAsking = askers.filter((f) => !importsOf(f, readFileSync(join(ROOT, f), 'utf8')).some((i) => i.target === 'server/src/model/kind' && !i.typeOnly));
    assert.deepEqual(notAsking, []);
  });

  it('no test is focused with .only', () => {
    const focused = sourceFiles('test').filter((f) => /\b(describe|it)\.only\(/.test(readFileSync(join(ROOT, f), 'utf8')));
    assert.deepEqual(focused.map((f) => relative(ROOT, join(ROOT, f))), []);
  });
});
