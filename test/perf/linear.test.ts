// Linear cost (DESIGN §8) as a test: each pathological input at 1× (up to 32 KB) and 4×; parse, model and rules must cost < 8× at 4×;
// and the same for the single functions of phases.ts (a comment opener run, a units list, a long line, a diff, a glob).
// Every such ratio is measured here, in the child, and nowhere else in the mocha process.
//
// Never an absolute time: only the ratio of two runs of the same phase on the same machine — CPU time,
// which other load on the machine changes far less than wall time; the minimum of three interleaved
// measurements (noise only ever adds time); equal work on both sides (the 1× input four times, the 4×
// input once). A linear phase gives ~4, a quadratic one ~16; a ratio over 8 is measured once more before
// it fails (a quadratic phase fails both times).
//
// The measuring runs in a child node with a 1 MB young generation (`--max-semi-space-size=1`). With
// the default, an input whose objects all fit in the young generation is much cheaper per byte than
// one whose objects get promoted (measured: only-markers' model costs ~1.3 µs/B up to 32 KB, ~2.7 µs/B
// from 64 KB), so a 1× / 4× pair straddling that step reads ~8× for a phase that is linear on both sides
// of it. With a small young generation every size is past the step, and what remains is the code's own
// growth. The harness is checked on a deliberately quadratic function in the same child, so this test
// can fail. The full-size version, with the lexer and a table of ratios, is bench/linear.ts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CASES } from '../../bench/pathological.js';
import { MAX_RATIO, type Ratio } from './harness.js';
import { PHASES } from './phases.js';
import type { ChildReport } from './linear-child.js';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'linear-child.js');

function describeRatio(what: string, r: Ratio & { bytes: number }): string {
  const size = r.bytes > 0 ? ` (${((4 * r.bytes) / 1024).toFixed(0)} KB)` : '';
  return `${what}: the 4× input${size} cost ${r.ratio.toFixed(1)}× the 1× input (${r.oneMs.toFixed(2)} → ${r.fourMs.toFixed(2)} ms CPU); linear is ~4, quadratic ~16`;
}

function assertLinear(what: string, r: (Ratio & { bytes: number }) | undefined): void {
  assert.ok(r, `${what}: not measured`);
  assert.ok(r.ratio < MAX_RATIO, describeRatio(what, r));
}

describe('linear cost on pathological inputs (4× input < 8× cost)', function () {
  let report: ChildReport = {};

  before(function () {
    this.timeout(120_000);
    const r = spawnSync(process.execPath, ['--max-semi-space-size=1', CHILD], { encoding: 'utf8', timeout: 110_000 });
    assert.equal(r.status, 0, `linear-child failed: ${r.error?.message ?? ''} ${(r.stderr ?? '').trim().slice(-2000)}`);
    report = JSON.parse(r.stdout) as ChildReport;
  });

  describe('the harness', () => {
    it('flags a quadratic phase', () => {
      const r = report['control: quadratic']?.['phase'];
      assert.ok(r, 'quadratic control not measured');
      assert.ok(r.ratio > MAX_RATIO, `a quadratic function measured ${r.ratio.toFixed(1)}×: the harness cannot tell`);
      assert.throws(() => assertLinear('quadratic', r), /quadratic ~16/);
    });

    it('passes a linear phase', () => {
      assertLinear('linear control', report['control: linear']?.['phase']);
    });
  });

  describe('single functions', () => {
    for (const p of PHASES) it(`${p.name}: ${p.what}`, () => assertLinear(p.name, report['functions']?.[p.name]));
  });

  for (const c of CASES) {
    describe(`${c.name}: ${c.what}`, () => {
      const phases = [
        ['parse', 'parse (lexer + parser) is linear'],
        ['model', 'model (parsePlan, with the parse it contains) is linear'],
        ['rules', 'rules (lintPlan, every rule) are linear'],
      ] as const;
      for (const [phase, title] of phases) it(title, () => assertLinear(`${c.name} ${phase}`, report[c.name]?.[phase]));
    });
  }
});
