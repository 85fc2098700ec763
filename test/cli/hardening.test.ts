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

/** A plan with one fixable problem (two items numbered 1.). */
const FIXABLE = '青岚市2024年度工作要点\n\n一、主要任务\n\n1. 推进依法行政。【牵头单位：市司法局；完成时限：2024年底前】\n\n1. 加强执法监督。【牵头单位：市司法局；完成时限：2024年底前】\n';

describe('hardening: --fix never writes through a symbolic link out of what was named', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => cleanup(dir));

  it('a link in a folder to a file outside it is reported as skipped and the outside file is untouched', () => {
    const outside = path.join(dir, 'outside.plan');
    fs.writeFileSync(outside, FIXABLE);
    fs.mkdirSync(path.join(dir, 'docs'));
    fs.writeFileSync(path.join(dir, 'docs', 'own.plan'), FIXABLE);
    fs.symlinkSync(outside, path.join(dir, 'docs', 'link.plan'));
    const r = planlint(['docs', '--fix', '--format', 'json', '--max-severity', 'off'], { cwd: dir });
    expectCode(r, 0);
    assert.equal(fs.readFileSync(outside, 'utf8'), FIXABLE, 'the file outside the folder was rewritten');
    assert.ok(fs.lstatSync(path.join(dir, 'docs', 'link.plan')).isSymbolicLink());
    assert.notEqual(fs.readFileSync(path.join(dir, 'docs', 'own.plan'), 'utf8'), FIXABLE, 'the file inside was not fixed');
    const link = jsonOf(r).find((f) => f.path === 'docs/link.plan');
    assert.ok(link?.skipped, `docs/link.plan is not reported as skipped: ${JSON.stringify(link)}`);
    assert.match(r.stderr, /docs\/link\.plan/);
  });

  it('a glob reaching a link out of its folder is refused too; a link inside the folder is fixed', () => {
    const outside = path.join(dir, 'outside.plan');
    fs.writeFileSync(outside, FIXABLE);
    fs.mkdirSync(path.join(dir, 'docs'));
    fs.writeFileSync(path.join(dir, 'docs', 'real.plan.txt'), FIXABLE);
    fs.symlinkSync(outside, path.join(dir, 'docs', 'out.plan'));
    fs.symlinkSync(path.join(dir, 'docs', 'real.plan.txt'), path.join(dir, 'docs', 'in.plan'));
    const r = planlint(['docs/*.plan', '--fix', '--format', 'json', '--max-severity', 'off'], { cwd: dir });
    expectCode(r, 0);
    assert.equal(fs.readFileSync(outside, 'utf8'), FIXABLE);
    assert.notEqual(fs.readFileSync(path.join(dir, 'docs', 'real.plan.txt'), 'utf8'), FIXABLE);
    assert.ok(fs.lstatSync(path.join(dir, 'docs', 'in.plan')).isSymbolicLink());
  });
});

describe('hardening: -o onto something that is not a regular file writes to it, never replaces it', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => cleanup(dir));

  /** Runs the CLI writing to a FIFO that `cat` reads; gives what cat read and whether the FIFO is still one. */
  async function throughFifo(args: string[]): Promise<{ code: number | null; read: string; stillFifo: boolean }> {
    const { spawn } = await import('node:child_process');
    const fifo = path.join(dir, 'report.fifo');
    spawnSync('mkfifo', [fifo]);
    assert.ok(fs.lstatSync(fifo).isFIFO());
    const reader = spawn('cat', [fifo]);
    const readerDone = new Promise<void>((resolve) => reader.on('exit', () => resolve()));
    let read = '';
    reader.stdout.on('data', (b: Buffer) => (read += b.toString('utf8')));
    const cli = spawn(process.execPath, [BIN, ...args, '-o', fifo], { cwd: dir, stdio: ['ignore', 'ignore', 'ignore'] });
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => cli.kill('SIGKILL'), 15_000);
      cli.on('exit', (c) => (clearTimeout(timer), resolve(c)));
    });
    const stillFifo = fs.lstatSync(fifo).isFIFO();
    // The reader ends when the writer closes; if the FIFO was replaced it waits forever: stop it.
    const stop = setTimeout(() => reader.kill('SIGKILL'), 3000);
    await readerDone;
    clearTimeout(stop);
    return { code, read, stillFifo };
  }

  it('the lint report goes into a FIFO, which stays a FIFO', async () => {
    fs.writeFileSync(path.join(dir, 'a.plan'), FIXABLE);
    const r = await throughFifo(['a.plan', '--format', 'json']);
    assert.equal(r.stillFifo, true, 'the FIFO was replaced by a regular file');
    assert.equal(r.code, 1);
    assert.equal(JSON.parse(r.read)[0].path, 'a.plan');
  });

  it('the task table goes into a FIFO, which stays a FIFO', async () => {
    fs.writeFileSync(path.join(dir, 'a.plan'), FIXABLE);
    const r = await throughFifo(['table', 'a.plan', '--format', 'csv']);
    assert.equal(r.stillFifo, true, 'the FIFO was replaced by a regular file');
    assert.equal(r.code, 0);
    assert.match(r.read, /推进依法行政/);
  });

  it('a regular file is still replaced atomically, keeping its mode', () => {
    fs.writeFileSync(path.join(dir, 'a.plan'), FIXABLE);
    const out = path.join(dir, 'report.json');
    fs.writeFileSync(out, 'old');
    fs.chmodSync(out, 0o640);
    expectCode(planlint(['a.plan', '--format', 'json', '-o', 'report.json'], { cwd: dir }), 1);
    assert.equal(JSON.parse(fs.readFileSync(out, 'utf8'))[0].path, 'a.plan');
    assert.equal(fs.statSync(out).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.plan', 'report.json']);
  });
});

/** A plan of `n` tasks all numbered `1.`: every one but the first is a PL004 finding with the one renumbering fix. */
function allOnes(n: number): string {
  const items = Array.from({ length: n }, (_, i) => `1. 任务${i}。【牵头单位：市司法局；完成时限：2024年底前】`);
  return `青岚市2024年度工作要点\n\n一、主要任务\n\n${items.join('\n')}\n`;
}

describe('hardening: a fix shared by many findings is written once', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => cleanup(dir));

  it('999 items numbered 1.: the JSON report stays small and each PL004 fix resolves to the one renumbering', () => {
    fs.writeFileSync(path.join(dir, 'ones.plan'), allOnes(999));
    const r = planlint(['ones.plan', '--format', 'json', '-o', 'report.json'], { cwd: dir });
    expectCode(r, 1);
    const bytes = fs.statSync(path.join(dir, 'report.json')).size;
    assert.ok(bytes < 4 * 1024 * 1024, `the JSON report is ${(bytes / 1048576).toFixed(1)} MB`);
    const [file] = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as Array<{
      sharedEdits?: Array<Array<{ span: { start: number; end: number }; newText: string }>>;
      diagnostics: Array<{ ruleId: string; fix?: { title: string; edits?: unknown[]; editsRef?: number } }>;
    }>;
    const pl004 = file!.diagnostics.filter((d) => d.ruleId === 'PL004');
    assert.equal(pl004.length, 998);
    assert.equal(file!.sharedEdits?.length, 1);
    assert.equal(file!.sharedEdits![0]!.length, 998);
    for (const d of pl004) {
      assert.equal(d.fix?.editsRef, 0);
      assert.equal(d.fix?.edits, undefined);
      assert.ok(d.fix?.title);
    }
  });

  it('the SARIF report of the same plan stays small', () => {
    fs.writeFileSync(path.join(dir, 'ones.plan'), allOnes(999));
    expectCode(planlint(['ones.plan', '--format', 'sarif', '-o', 'report.sarif'], { cwd: dir }), 1);
    const bytes = fs.statSync(path.join(dir, 'report.sarif')).size;
    assert.ok(bytes < 4 * 1024 * 1024, `the SARIF report is ${(bytes / 1048576).toFixed(1)} MB`);
  });

  it('100,000 findings stream through the JSON and SARIF writers in a 96 MB heap', () => {
    // Each finding carries its own message and a fix of its own: nothing to share, so only streaming helps.
    const script = `
      const { json } = await import(${JSON.stringify(new URL('../../server/src/cli/format/json.js', import.meta.url).href)});
      const { sarif } = await import(${JSON.stringify(new URL('../../server/src/cli/format/sarif.js', import.meta.url).href)});
      const diagnostics = [];
      for (let i = 0; i < 100000; i++) {
        const span = { start: i * 10, end: i * 10 + 4 };
        diagnostics.push({ ruleId: 'PL001', ruleName: 'lead-unit-missing', severity: 'error', message: '任务“推进依法行政第' + i + '项工作”缺少牵头单位，请在本条或上级标题中写明牵头单位', span,
          range: { start: { line: i, character: 0 }, end: { line: i, character: 4 } },
          fix: { title: '插入牵头单位' + i, edits: [{ span: { start: span.end, end: span.end }, newText: '【牵头单位：' + i + '】' }] } });
      }
      const files = [{ path: 'big.plan', diagnostics }];
      const ctx = { locale: 'zh-CN', colors: null, rules: [], cwd: process.cwd(), version: '0' };
      let total = 0, largest = 0;
      for (const format of [json, sarif]) {
        const out = format(files, ctx);
        for (const chunk of typeof out === 'string' ? [out] : out) { total += chunk.length; largest = Math.max(largest, chunk.length); }
      }
      console.log(JSON.stringify({ total, largest, heap: process.memoryUsage().heapUsed }));
    `;
    const r = spawnSync(process.execPath, ['--max-old-space-size=96', '--input-type=module', '-e', script], { timeout: 120_000 });
    assert.equal(r.status, 0, `the writers ran out of memory or failed: ${r.stderr?.toString().slice(-1500)}`);
    const { total, largest } = JSON.parse(r.stdout.toString()) as { total: number; largest: number };
    assert.ok(total > 50_000_000, `only ${total} characters written`);
    assert.ok(largest < 1024 * 1024, `a chunk of ${largest} characters: the writer does not stream`);
  });
});

describe('hardening: file names that are not UTF-8', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => cleanup(dir));

  // 实施方案 in GBK, as unzip leaves the names of a Windows archive: not valid UTF-8.
  const GBK_NAME = Buffer.from([0xca, 0xb5, 0xca, 0xa9, 0xb7, 0xbd, 0xb0, 0xb8]);
  const SHOWN = '\\xCA\\xB5\\xCA\\xA9\\xB7\\xBD\\xB0\\xB8';

  function makeFile(folder: Buffer, name: Buffer, text: string): Buffer {
    const file = Buffer.concat([folder, Buffer.from('/'), name]);
    fs.writeFileSync(file, text);
    return file;
  }

  it('a plan in a folder whose name is GBK bytes is read, linted, fixed and shown escaped', () => {
    const docs = Buffer.from(path.join(dir, 'docs'));
    fs.mkdirSync(docs);
    const plan = makeFile(docs, Buffer.concat([GBK_NAME, Buffer.from('.plan')]), FIXABLE);
    const sub = Buffer.concat([docs, Buffer.from('/'), GBK_NAME]);
    fs.mkdirSync(sub);
    const txt = makeFile(sub, Buffer.concat([GBK_NAME, Buffer.from('.txt')]), FIXABLE);
    const r = planlint(['docs', '--format', 'json'], { cwd: dir });
    expectCode(r, 1);
    const paths = jsonOf(r).map((f) => f.path);
    assert.deepEqual(paths.sort(), [`docs/${SHOWN}.plan`, `docs/${SHOWN}/${SHOWN}.txt`].sort());
    assert.ok(jsonOf(r).every((f) => f.diagnostics.some((d) => d.ruleId === 'PL004')));
    const stylish = planlint(['docs'], { cwd: dir });
    assert.ok(stylish.stdout.includes(`docs/${SHOWN}.plan`), stylish.stdout);
    const fixed = planlint(['docs', '--fix', '--format', 'json', '--max-severity', 'off'], { cwd: dir });
    expectCode(fixed, 0);
    assert.notEqual(fs.readFileSync(plan, 'utf8'), FIXABLE);
    assert.notEqual(fs.readFileSync(txt, 'utf8'), FIXABLE);
    assert.equal(fs.readdirSync(docs).length, 2, 'a temporary file was left behind');
  });
});

describe('hardening: a config file that links out of its folder is refused, never quoted', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => cleanup(dir));

  it('the CLI refuses .planlintrc.json linking outside its folder (exit 2) without quoting the file', () => {
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'SECRET-TOKEN-4711 do not print\n');
    fs.mkdirSync(path.join(dir, 'ws'));
    fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(dir, 'ws', '.planlintrc.json'));
    fs.writeFileSync(path.join(dir, 'ws', 'a.plan'), FIXABLE);
    for (const locale of ['zh-CN', 'en']) {
      const r = planlint(['ws/a.plan', '--locale', locale], { cwd: dir });
      expectCode(r, 2);
      assert.ok(!r.stderr.includes('SECRET') && !r.stdout.includes('SECRET'), r.stderr);
      assert.match(r.stderr, locale === 'en' ? /\.planlintrc\.json.*outside.*refused/ : /\.planlintrc\.json.*之外.*拒绝读取/);
    }
  });

  it('a link to a config file inside the same folder tree is still read', () => {
    fs.mkdirSync(path.join(dir, 'ws', 'shared'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'ws', 'shared', 'team.json'), JSON.stringify({ rules: { PL004: 'off' } }));
    fs.symlinkSync(path.join(dir, 'ws', 'shared', 'team.json'), path.join(dir, 'ws', '.planlintrc.json'));
    fs.writeFileSync(path.join(dir, 'ws', 'a.plan'), FIXABLE);
    expectCode(planlint(['ws/a.plan'], { cwd: dir }), 0);
  });
});
