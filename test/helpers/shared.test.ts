// The rule for suites over ../shared (helpers/shared.ts): every such suite uses the helper, and with ../shared
// absent each fails under CI=true and is reported (pending, with a warning) elsewhere — checked by running them so.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from './paths.js';
import { isCi, missing, MISSING_TITLE } from './shared.js';

/** Test sources under test/ (not the helpers themselves), relative to the root. */
function testSources(dir = 'test'): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== join('test', 'helpers') && path !== join('test', 'e2e')) out.push(...testSources(path));
    } else if (/\.(test|check)\.ts$/.test(entry.name)) out.push(path);
  }
  return out.sort();
}

/** The suites that read material from ../shared: they name the seeds, the shared folder or the corpus. */
const SHARED_SUITES = testSources().filter((f) => /\b(SEEDS|HAVE_SEEDS|SHARED|corpusDir)\b/.test(readFileSync(join(ROOT, f), 'utf8')));

interface MochaJson {
  stats: { tests: number; failures: number; pending: number };
  tests: { fullTitle: string; file: string; err: { message?: string } }[];
  failures: { fullTitle: string; file: string }[];
  pending: { fullTitle: string; file: string }[];
}

/** Runs the missing-material tests of `files` (compiled) with ../shared pointing at nothing. */
function runWithoutShared(files: string[], ci: string): { json: MochaJson; stderr: string } {
  const none = mkdtempSync(join(tmpdir(), 'planlint-no-shared-'));
  try {
    const title = MISSING_TITLE.replace(/[()]/g, '\\$&');
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--no-config', '--require', 'out/test/helpers/seed.js', '--reporter', 'json', '--grep', title, ...files],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, CI: ci, PLANLINT_SHARED: join(none, 'shared'), PLANLINT_CORPUS: join(none, 'shared', 'corpus') } },
    );
    assert.ok(r.stdout.trim().startsWith('{'), `mocha printed no report: ${r.error?.message ?? ''}\n${r.stderr.slice(-2000)}`);
    return { json: JSON.parse(r.stdout) as MochaJson, stderr: r.stderr };
  } finally {
    rmSync(none, { recursive: true, force: true });
  }
}

describe('suites over ../shared (helpers/shared.ts)', function () {
  this.timeout(180_000);

  it('isCi: CI set to anything but empty, 0 or false', () => {
    for (const value of ['true', '1', 'TRUE', ' yes ', 'github']) assert.equal(isCi(value), true, value);
    for (const value of [undefined, '', '0', 'false', 'False', ' false ']) assert.equal(isCi(value), false, String(value));
  });

  it('missing: a failure naming the folder in CI; elsewhere a warning and a pending test', () => {
    const skipped = new Error('skipped');
    const test = { skip: () => { throw skipped; } } as unknown as Mocha.Context;
    assert.throws(() => missing(test, 'the seed regression', '/x/shared/seeds', true), (e: Error) => e.name === 'AssertionError' && /\/x\/shared\/seeds not found.*the seed regression/.test(e.message));
    const warn = console.warn;
    const warned: string[] = [];
    console.warn = (line: string) => void warned.push(line);
    try {
      assert.throws(() => missing(test, 'the seed regression', '/x/shared/seeds', false), (e) => e === skipped);
    } finally {
      console.warn = warn;
    }
    assert.deepEqual(warned.map((w) => w.trim()), ['⚠ /x/shared/seeds not found: the seed regression NOT checked (CI=true makes this a failure)']);
  });

  it('every suite that reads ../shared says what it did not check when it is missing', () => {
    assert.ok(SHARED_SUITES.length >= 9, SHARED_SUITES.join(', '));
    const silent = SHARED_SUITES.filter((f) => !/\b(sharedMissing|missing)\(/.test(readFileSync(join(ROOT, f), 'utf8')));
    assert.deepEqual(silent, [], 'these suites read ../shared without helpers/shared.ts');
  });

  describe('run with ../shared absent', () => {
    const compiled = SHARED_SUITES.filter((f) => f.endsWith('.test.ts')).map((f) => join('out', f.replace(/\.ts$/, '.js')));
    const byFile = (list: { file: string }[]) => new Set(list.map((t) => relative(ROOT, t.file)));

    it('CI=true: every suite fails, none goes pending', () => {
      const { json } = runWithoutShared(compiled, 'true');
      assert.equal(json.stats.pending, 0, JSON.stringify(json.pending.map((t) => t.fullTitle)));
      assert.equal(json.stats.failures, json.stats.tests, 'every missing-material test fails');
      assert.deepEqual([...byFile(json.failures)].sort(), [...compiled].sort());
    });

    it('CI unset: every suite is reported, pending with a warning, and none fails', () => {
      const { json, stderr } = runWithoutShared(compiled, '');
      assert.equal(json.stats.failures, 0, JSON.stringify(json.failures.map((t) => t.fullTitle)));
      assert.equal(json.stats.pending, json.stats.tests);
      assert.deepEqual([...byFile(json.pending)].sort(), [...compiled].sort());
      assert.equal(stderr.match(/NOT checked/g)?.length, json.stats.pending, stderr);
    });
  });
});
