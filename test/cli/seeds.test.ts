// The facts of the grammar issue, through the CLI, on the real documents in ../shared/seeds (absent: a failure in CI, a warning elsewhere).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HAVE_SEEDS, ROOT, SEEDS } from '../helpers/paths.js';
import { sharedMissing } from '../helpers/shared.js';
import { jsonOf, planlint } from './run.js';

describe('planlint on the seeds (../shared/seeds)', () => {
  if (!HAVE_SEEDS) {
    sharedMissing('the CLI seed tests', SEEDS); // fails in CI, warns elsewhere
    return;
  }

  it('seed 000: `planlint ../shared/seeds/000_*.txt --format json` reports exactly one PL001, on item 25', () => {
    const seed = fs.readdirSync(SEEDS).find((n) => /^000_.*\.txt$/.test(n));
    assert.ok(seed, 'seed 000 is in ../shared/seeds');
    const lines = fs.readFileSync(path.join(SEEDS, seed), 'utf8').split(/\r\n|\r|\n/);
    const item25 = lines.findIndex((l) => l.trim().startsWith('25.')) + 1;
    assert.ok(item25 > 0, 'item 25 is in the seed');

    // The glob is passed as is (no shell): planlint expands it.
    const relative = path.relative(ROOT, SEEDS).split(path.sep).join('/');
    const run = planlint([`${relative}/000_*.txt`, '--format', 'json']);
    const files = jsonOf(run);
    assert.equal(files.length, 1, run.stderr);
    assert.equal(files[0]!.path, `${relative}/${seed}`);
    const pl001 = files[0]!.diagnostics.filter((d) => d.ruleId === 'PL001');
    assert.equal(pl001.length, 1, JSON.stringify(pl001, null, 2));
    assert.equal(pl001[0]!.line, item25);
    assert.equal(run.code, 1, 'an error fails the run');
  });

  it('every seed is read and linted without an internal error', () => {
    const run = planlint([path.relative(ROOT, SEEDS) + '/*.txt', '--format', 'json', '--max-severity', 'off']);
    assert.equal(run.code, 0, run.stderr);
    const files = jsonOf(run);
    assert.equal(files.length, fs.readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).length);
    for (const f of files) {
      assert.equal(f.error, undefined, `${f.path}: ${f.error}`);
      assert.ok(!f.diagnostics.some((d) => /运行出错/.test(d.message)), `${f.path}: a rule failed`);
    }
  });
});
