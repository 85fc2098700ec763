// Invariants as tests: rule ids, files, fixtures, config names, schema and README agree; import boundaries hold.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
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

/** Every module a file names: static imports and re-exports, `import()` (and `typeof import()`), `require()`. */
function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [
    ...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm),
  ].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]!);
}

/** The README's rule table, generated from the rules themselves. */
export function rulesTable(): string {
  const severity: Record<string, string> = { error: '错误 error', warning: '警告 warning', info: '提示 info', off: '关闭 off' };
  const fix: Record<string, string> = { safe: '自动修复 --fix', suggest: '建议 quick fix', none: '—' };
  const rows = allRules.map((r) => `| [${r.id}](docs/rules/${r.id}.md) | \`${r.name}\` | ${severity[r.defaultSeverity]} | ${fix[r.fixable]} | ${r.description['zh-CN']} | ${r.description.en} |`);
  return ['| 编号 | 名称 name | 默认级别 default | 修复 fix | 说明 | Description |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
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

  it('import boundaries hold', () => {
    const offences: string[] = [];
    const check = (dir: string, bad: RegExp, why: string) => {
      for (const file of sourceFiles(dir)) for (const spec of imports(file)) if (bad.test(spec)) offences.push(`${file} imports ${spec} (${why})`);
    };
    check('grammar', /^node:|server\/|vscode/, 'the grammar knows nothing of the model, Node or LSP');
    check('server/src/model', /^node:|\/(lint|rules|lsp|cli|features)\/|vscode/, 'the model is pure');
    check('server/src/rules', /^node:|\/(lsp|cli)\/|vscode/, 'rules are pure');
    check('server/src/lint', /^node:|\/(lsp|cli)\/|vscode/, 'the engine is pure');
    for (const file of [...sourceFiles('grammar'), ...sourceFiles('server/src')]) {
      if (file.startsWith('server/src/lsp/')) continue;
      for (const spec of imports(file)) if (/^vscode-languageserver/.test(spec)) offences.push(`${file} imports ${spec} (only server/src/lsp speaks LSP)`);
    }
    for (const file of sourceFiles('server')) for (const spec of imports(file)) if (spec === 'vscode') offences.push(`${file} imports vscode`);
    for (const dir of ['grammar', 'server', 'client']) check(dir, /(^|\/)(bench|test)\//, 'dev tools (bench/, test/) stay out of the bundles');
    // The language service knows nothing of files, argv, the connection or its clients.
    for (const file of ['server/src/service.ts', ...sourceFiles('server/src/service')]) {
      for (const spec of imports(file)) if (/^node:|^vscode|\/(lsp|cli)\//.test(spec)) offences.push(`${file} imports ${spec} (the service is transport-free)`);
    }
    // Its clients reach the features through it. `cli/args.ts` names the table's formats before any command (and so the
    // service) is loaded: the help, a usage error and `--version` stay fast.
    for (const dir of ['server/src/lsp', 'server/src/cli']) {
      for (const file of sourceFiles(dir)) {
        if (file === 'server/src/cli/args.ts') continue;
        for (const spec of imports(file)) if (/\/features\//.test(spec)) offences.push(`${file} imports ${spec} (clients go through service.ts)`);
      }
    }
    assert.deepEqual(offences, []);
  });

  it('no test is focused with .only', () => {
    const focused = sourceFiles('test').filter((f) => /\b(describe|it)\.only\(/.test(readFileSync(join(ROOT, f), 'utf8')));
    assert.deepEqual(focused.map((f) => relative(ROOT, join(ROOT, f))), []);
  });
});
