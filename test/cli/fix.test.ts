// CLI --fix tests on temporary copies: idempotent, only changed files rewritten, no text lost, encodings and BOMs kept, stdin.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SAMPLES } from '../helpers/paths.js';
import { CLI_FIXTURES, cleanup, expectCode, fixEdits, jsonOf, planlint, tempDir } from './run.js';

/** A time well in the past, so that any rewrite shows in the modification time. */
const OLD = new Date('2020-01-01T00:00:00Z');

function mtimeMs(file: string): number {
  return fs.statSync(file).mtimeMs;
}

/**
 * Asserts that `fixed` keeps every character of `original` outside `replaced` (the spans that reported
 * fixes replace), in order: each kept stretch must be found after the previous one.
 */
function assertNothingLost(original: string, fixed: string, replaced: Array<{ start: number; end: number }>, label: string): void {
  const spans = replaced.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  let cursor = 0;
  let from = 0;
  const kept: string[] = [];
  for (const s of spans) {
    if (s.start > cursor) kept.push(original.slice(cursor, s.start));
    cursor = Math.max(cursor, s.end);
  }
  kept.push(original.slice(cursor));
  for (const piece of kept) {
    if (piece === '') continue;
    const at = fixed.indexOf(piece, from);
    assert.ok(at >= 0, `${label}: text lost or reordered: ${JSON.stringify(piece.slice(0, 60))}`);
    from = at + piece.length;
  }
}

describe('planlint --fix on every sample', () => {
  let dir: string;
  const names = fs.readdirSync(SAMPLES).filter((n) => /\.plan/.test(n)).sort();
  const originals = new Map<string, string>();
  let initial: ReturnType<typeof jsonOf>;
  let first: ReturnType<typeof jsonOf>;

  before(() => {
    dir = tempDir();
    for (const name of names) {
      const file = path.join(dir, name);
      fs.copyFileSync(path.join(SAMPLES, name), file);
      fs.utimesSync(file, OLD, OLD);
      originals.set(name, fs.readFileSync(file, 'utf8'));
    }
    initial = jsonOf(planlint(['.', '--format', 'json'], { cwd: dir }));
    first = jsonOf(planlint(['.', '--fix', '--format', 'json', '--max-severity', 'off'], { cwd: dir }));
  });
  after(() => cleanup(dir));

  it('some sample has fixable problems (otherwise this test proves nothing)', () => {
    assert.ok(initial.some((f) => f.fixableCount > 0));
    assert.ok(first.some((f) => f.fixed));
  });

  it('rewrites exactly the files whose content changed, and marks them `fixed`', () => {
    for (const name of names) {
      const file = path.join(dir, name);
      const changed = fs.readFileSync(file, 'utf8') !== originals.get(name);
      const result = first.find((f) => f.path === name)!;
      assert.equal(result.fixed === true, changed, `${name}: fixed flag`);
      if (changed) assert.notEqual(mtimeMs(file), OLD.getTime(), `${name} was rewritten`);
      else assert.equal(mtimeMs(file), OLD.getTime(), `${name} must not be touched`);
    }
  });

  it('leaves nothing fixable behind', () => {
    for (const f of first) assert.equal(f.fixableCount, 0, `${f.path}: ${JSON.stringify(f.diagnostics.filter((d) => d.fix))}`);
  });

  it('never loses text: every character outside a reported fix span is still there, in order', () => {
    for (const name of names) {
      const fixed = fs.readFileSync(path.join(dir, name), 'utf8');
      const file = initial.find((f) => f.path === name)!;
      const spans = file.diagnostics.flatMap((d) => fixEdits(file, d).map((e) => e.span));
      assertNothingLost(originals.get(name)!, fixed, spans, name);
    }
  });

  it('is idempotent: a second --fix changes and touches nothing', () => {
    const contents = new Map(names.map((n) => [n, fs.readFileSync(path.join(dir, n), 'utf8')]));
    for (const n of names) fs.utimesSync(path.join(dir, n), OLD, OLD);
    const second = jsonOf(planlint(['.', '--fix', '--format', 'json', '--max-severity', 'off'], { cwd: dir }));
    assert.ok(second.every((f) => !f.fixed));
    for (const n of names) {
      assert.equal(fs.readFileSync(path.join(dir, n), 'utf8'), contents.get(n), n);
      assert.equal(mtimeMs(path.join(dir, n)), OLD.getTime(), `${n} touched by the second run`);
    }
  });

  it('leaves no temporary files behind', () => {
    assert.deepEqual(fs.readdirSync(dir).sort(), names);
  });

  it('reports what is left after fixing, like a plain run on the fixed files', () => {
    const plain = jsonOf(planlint(['.', '--format', 'json'], { cwd: dir }));
    assert.deepEqual(first.map((f) => ({ ...f, fixed: undefined })), plain.map((f) => ({ ...f, fixed: undefined })));
  });
});

describe('planlint --fix and encodings', () => {
  let dir: string;
  const utf8Text = fs.readFileSync(path.join(CLI_FIXTURES, 'fixable.plan.txt'), 'utf8');
  let expected: string;

  before(() => {
    dir = tempDir();
    for (const name of ['fixable.plan.txt', 'fixable.gb18030.plan.txt', 'fixable.utf16le-bom.plan.txt']) {
      fs.copyFileSync(path.join(CLI_FIXTURES, name), path.join(dir, name));
    }
    const r = planlint(['fixable.plan.txt', '--fix', '--format', 'json'], { cwd: dir });
    expectCode(r, 0);
    expected = fs.readFileSync(path.join(dir, 'fixable.plan.txt'), 'utf8');
  });
  after(() => cleanup(dir));

  it('the UTF-8 fixture gets both fixes (renumbered, restyled)', () => {
    assert.notEqual(expected, utf8Text);
    assert.match(expected, /\n3\.推进政务公开/);
    assert.match(expected, /\n4\.深化放管服改革/);
  });

  it('a GB18030 file is fixed and written back in GB18030, characters outside the BMP included', () => {
    const r = planlint(['fixable.gb18030.plan.txt', '--fix', '--format', 'json'], { cwd: dir });
    expectCode(r, 0);
    assert.equal(jsonOf(r)[0]!.fixed, true);
    const bytes = fs.readFileSync(path.join(dir, 'fixable.gb18030.plan.txt'));
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'still GB18030, not UTF-8');
    assert.equal(new TextDecoder('gb18030', { fatal: true }).decode(bytes), expected);
    assert.ok(bytes.includes(Buffer.from([0x95, 0x34, 0xb2, 0x35])), '𠮷 as its four GB18030 bytes');
  });

  it('a UTF-16LE file keeps its BOM and encoding', () => {
    const r = planlint(['fixable.utf16le-bom.plan.txt', '--fix'], { cwd: dir });
    expectCode(r, 0);
    const bytes = fs.readFileSync(path.join(dir, 'fixable.utf16le-bom.plan.txt'));
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
    assert.equal(new TextDecoder('utf-16le', { ignoreBOM: false }).decode(bytes), expected);
  });

  it('a UTF-8 BOM stays', () => {
    const file = path.join(dir, 'bom.plan.txt');
    fs.writeFileSync(file, '\uFEFF' + utf8Text);
    expectCode(planlint(['bom.plan.txt', '--fix'], { cwd: dir }), 0);
    assert.deepEqual([...fs.readFileSync(file).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(fs.readFileSync(file, 'utf8'), '\uFEFF' + expected);
  });

  it('keeps the file mode', function () {
    if (process.platform === 'win32') this.skip();
    const file = path.join(dir, 'mode.plan.txt');
    fs.writeFileSync(file, utf8Text);
    fs.chmodSync(file, 0o640);
    expectCode(planlint(['mode.plan.txt', '--fix'], { cwd: dir }), 0);
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.equal(fs.readFileSync(file, 'utf8'), expected);
  });

  it('follows a symbolic link and keeps the link', function () {
    if (process.platform === 'win32') this.skip();
    const target = path.join(dir, 'target.plan.txt');
    fs.writeFileSync(target, utf8Text);
    fs.symlinkSync('target.plan.txt', path.join(dir, 'link.plan.txt'));
    expectCode(planlint(['link.plan.txt', '--fix'], { cwd: dir }), 0);
    assert.ok(fs.lstatSync(path.join(dir, 'link.plan.txt')).isSymbolicLink());
    assert.equal(fs.readFileSync(target, 'utf8'), expected);
  });

  it('with stdin (-): input it cannot read passes through unchanged', () => {
    const binary = fs.readFileSync(path.join(CLI_FIXTURES, 'binary.plan'));
    const r = planlint(['-', '--fix'], { input: binary });
    expectCode(r, 0);
    assert.deepEqual(r.stdoutBytes, binary);
    assert.match(r.stderr, /已跳过 <stdin>：二进制文件/);
  });

  it('with stdin (-): the fixed text on stdout in the input encoding, the report on stderr', () => {
    const gb = fs.readFileSync(path.join(CLI_FIXTURES, 'fixable.gb18030.plan.txt'));
    const r = planlint(['-', '--fix', '--format', 'json'], { input: gb });
    expectCode(r, 0);
    assert.equal(new TextDecoder('gb18030', { fatal: true }).decode(r.stdoutBytes), expected);
    const report = JSON.parse(r.stderr) as Array<{ path: string; fixed?: boolean }>;
    assert.equal(report[0]!.path, '<stdin>');
    assert.equal(report[0]!.fixed, true);
  });
});

describe('planlint --fix on a plan hard-wrapped inside its attribution brackets (a PDF copy)', () => {
  let dir: string;
  const wrapped = [
    '云岭县2026年优化营商环境工作方案', '', '一、重点任务',
    '（一）降低融资成本。推广信用贷款。（牵头单', '位：县金融服务中心；完成时限：2026年6月底前）',
    '（二）规范涉企收费。（牵头单位：县发展改革局；完成时限：', '2026年9月底前）',
    '',
  ].join('\n');
  // The same plan with a bracket truly left open: the next line opens a new item.
  const unclosed = wrapped.replace('（二）规范涉企收费。（牵头单位：县发展改革局；完成时限：\n2026年9月底前）', '（二）规范涉企收费。（牵头单位：县发展改革局；完成时限：2026年9月底前\n（三）清理拖欠账款。（牵头单位：县财政局）');

  before(() => {
    dir = tempDir();
    fs.writeFileSync(path.join(dir, 'wrapped.plan.txt'), wrapped);
    fs.writeFileSync(path.join(dir, 'unclosed.plan.txt'), unclosed);
    fs.utimesSync(path.join(dir, 'wrapped.plan.txt'), OLD, OLD);
  });
  after(() => cleanup(dir));

  it('reads each bracket as one attribution: the lead and the deadline, no finding', () => {
    const report = jsonOf(planlint(['wrapped.plan.txt', '--format', 'json'], { cwd: dir }));
    assert.deepEqual(report[0]!.diagnostics.map((d) => d.ruleId), []);
    const r = planlint(['table', 'wrapped.plan.txt', '--format', 'json'], { cwd: dir });
    expectCode(r, 0);
    const rows = (JSON.parse(r.stdout) as { tasks: { number: string; lead: string[]; deadline: { text: string } | null }[] }).tasks;
    assert.deepEqual(rows.map((t) => [t.number, t.lead, t.deadline?.text]), [
      ['（一）', ['县金融服务中心'], '2026年6月底前'],
      ['（二）', ['县发展改革局'], '2026年9月底前'],
    ]);
  });

  it('leaves the file as it is: no byte changed, not even rewritten', () => {
    expectCode(planlint(['wrapped.plan.txt', '--fix'], { cwd: dir }), 0);
    assert.equal(fs.readFileSync(path.join(dir, 'wrapped.plan.txt'), 'utf8'), wrapped);
    assert.equal(mtimeMs(path.join(dir, 'wrapped.plan.txt')), OLD.getTime());
  });

  it('still closes a bracket left open before a new item, at the end of its line', () => {
    expectCode(planlint(['unclosed.plan.txt', '--fix'], { cwd: dir }), 0);
    assert.equal(fs.readFileSync(path.join(dir, 'unclosed.plan.txt'), 'utf8'), unclosed.replace('2026年9月底前\n（三）', '2026年9月底前）\n（三）'));
  });
});
