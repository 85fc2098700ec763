// Hostile input to the CLI (issue 17): config patterns that would backtrack, symlinks under --fix, -o onto
// FIFOs, quadratic JSON, file names that are not UTF-8. Each case bounds the run with a timeout, so a
// regression fails instead of hanging the suite.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, cleanup, expectCode, jsonOf, planlint, tempDir, type Run } from './run.js';

/** Runs the CLI with a hard time limit; a run killed by it gives code null and `timedOut`. */
function bounded(args: readonly string[], cwd: string, ms: number): Run & { timedOut: boolean; ms: number } {
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input: '', timeout: ms, maxBuffer: 256 * 1024 * 1024 });
  return {
    code: r.status,
    stdout: r.stdout?.toString('utf8') ?? '',
    stderr: r.stderr?.toString('utf8') ?? '',
    stdoutBytes: r.stdout ?? Buffer.alloc(0),
    timedOut: r.error !== undefined && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT',
    ms: Date.now() - started,
  };
}

function planWithLead(lead: string): string {
  return `青岚市2024年度工作要点\n\n一、主要任务\n\n（一）推进依法行政。【牵头单位：${lead}；完成时限：2024年底前】\n`;
}

describe('hardening: patterns from the configuration never backtrack', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => cleanup(dir));

  it('an ignorePatterns regex with nested repetition runs in linear time (40-character unit name)', () => {
    const config = { units: [{ name: '市司法局' }], rules: { 'unit-unknown': ['warning', { ignorePatterns: ['^(市+)+$'] }] } };
    fs.writeFileSync(path.join(dir, '.planlintrc.json'), JSON.stringify(config));
    fs.writeFileSync(path.join(dir, 'a.plan'), planWithLead('市'.repeat(40) + '局'));
    const r = bounded(['a.plan', '--format', 'json'], dir, 10_000);
    assert.equal(r.timedOut, false, `the run took over 10 s`);
    expectCode(r, 0);
    assert.ok(jsonOf(r)[0]!.diagnostics.some((d) => d.ruleId === 'PL008'));
  });

  it('a pattern the linear engine cannot run (look-ahead, back-reference) is a config error naming file, key and why', () => {
    const config = { rules: { 'unit-unknown': ['warning', { ignorePatterns: ['^各', '(?=各)市', '(市)\\1'] }] } };
    fs.writeFileSync(path.join(dir, '.planlintrc.json'), JSON.stringify(config));
    fs.writeFileSync(path.join(dir, 'a.plan'), planWithLead('市司法局'));
    const zh = planlint(['a.plan'], { cwd: dir });
    expectCode(zh, 2);
    assert.match(zh.stderr, /\.planlintrc\.json/);
    assert.match(zh.stderr, /ignorePatterns\[1\]/);
    assert.match(zh.stderr, /ignorePatterns\[2\]/);
    assert.match(zh.stderr, /正则表达式/);
    const en = planlint(['a.plan', '--locale', 'en'], { cwd: dir });
    expectCode(en, 2);
    assert.match(en.stderr, /ignorePatterns\[1\].*regular expression/);
  });

  it('a files glob with many stars does not hang the folder walk', () => {
    fs.writeFileSync(path.join(dir, '.planlintrc.json'), JSON.stringify({ files: ['*a*a*a*a*a*a*a*a*ab'] }));
    fs.mkdirSync(path.join(dir, 'docs'));
    fs.writeFileSync(path.join(dir, 'docs', 'a'.repeat(60)), planWithLead('市司法局'));
    fs.writeFileSync(path.join(dir, 'docs', 'a'.repeat(30) + 'b'), planWithLead('市司法局'));
    const r = bounded(['docs', '--format', 'json'], dir, 10_000);
    assert.equal(r.timedOut, false, 'the folder walk took over 10 s');
    expectCode(r, 0);
    assert.deepEqual(jsonOf(r).map((f) => f.path), ['docs/' + 'a'.repeat(30) + 'b']);
  });
});
