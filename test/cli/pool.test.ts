// The lint pool: how many workers `auto` starts, and outcomes in the order of the files whoever lints them.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileLinter } from '../../server/src/cli/lint-file.js';
import { lintFiles, WORKER_MIN_BYTES, WORKER_THRESHOLD, workerCount } from '../../server/src/cli/pool.js';
import { SAMPLES } from '../helpers/paths.js';

/** The samples that are plans, by name. */
const plans = fs
  .readdirSync(SAMPLES)
  .filter((n) => /\.plan/.test(n))
  .sort()
  .map((n) => path.join(SAMPLES, n));

describe('cli pool: workerCount', () => {
  const many = 1000;
  const big = 8 * 1024 * 1024;

  it('auto: one worker per core but two (the main thread lints, V8 keeps a core busy), none on two cores', () => {
    assert.equal(workerCount('auto', many, big, 1), 0);
    assert.equal(workerCount('auto', many, big, 2), 0);
    assert.equal(workerCount('auto', many, big, 3), 1);
    assert.equal(workerCount('auto', many, big, 8), 6);
  });

  it('auto: no workers for few files or little text, and no more than one per 8 files', () => {
    assert.equal(workerCount('auto', WORKER_THRESHOLD, big, 8), 0);
    assert.equal(workerCount('auto', WORKER_THRESHOLD + 1, big, 8), 2);
    assert.equal(workerCount('auto', many, WORKER_MIN_BYTES - 1, 8), 0);
    assert.equal(workerCount('auto', many, WORKER_MIN_BYTES, 8), 6);
  });

  it('off and a number: as asked, never more workers than files', () => {
    assert.equal(workerCount('off', many, big, 8), 0);
    assert.equal(workerCount(3, many, big, 2), 3);
    assert.equal(workerCount(3, 2, big, 2), 2);
  });
});

describe('cli pool: lintFiles', () => {
  // A missing file in the middle: its outcome is an error, in its place.
  const files = [...plans.slice(0, 5), path.join(SAMPLES, 'missing.plan'), ...plans.slice(5), ...plans];
  const options = { fix: false, uiLocale: 'zh-CN' as const };

  it('one worker and the main thread give, file by file, what one thread gives', async function () {
    this.timeout(60_000);
    const linter = new FileLinter(options);
    const expected = files.map((f) => linter.lintFile(f));
    const progress: string[] = [];
    const pooled = await lintFiles(files, options, 1, { onProgress: (_done, _total, abs) => progress.push(abs) });
    assert.equal(pooled.workers, 1);
    assert.equal(pooled.recovered, 0);
    assert.ok(pooled.here > 0 && pooled.here < files.length, `both threads linted (${pooled.here} of ${files.length} here)`);
    assert.deepEqual(pooled.outcomes, expected);
    assert.match(pooled.outcomes[5]!.error ?? '', /ENOENT/);
    assert.deepEqual([...progress].sort(), [...files].sort(), 'each file reported once');
  });
});

describe('cli: the findings a run keeps until its report', () => {
  /** Does any finding of `outcomes` have a property computed on read (which would hold the file's analysis)? */
  const accessors = (outcomes: ReturnType<FileLinter['lintFile']>[]) =>
    outcomes.flatMap((o) => o.diagnostics).filter((d) => Object.values(Object.getOwnPropertyDescriptors(d)).some((p) => p.get !== undefined));

  it('are plain data without suggestions when the report does not show them', () => {
    const outcomes = plans.map((f) => new FileLinter({ fix: false, uiLocale: 'zh-CN' }).lintFile(f));
    assert.ok(outcomes.flatMap((o) => o.diagnostics).length > 20, 'the samples give findings');
    assert.deepEqual(accessors(outcomes), []);
    assert.equal(outcomes.flatMap((o) => o.diagnostics).filter((d) => 'suggestions' in d).length, 0);
  });

  it('are plain data with their suggestions found when the report shows them (JSON)', () => {
    const outcomes = plans.map((f) => new FileLinter({ fix: false, uiLocale: 'zh-CN', suggestions: true }).lintFile(f));
    assert.deepEqual(accessors(outcomes), []);
    const withFixes = outcomes.flatMap((o) => o.diagnostics).filter((d) => d.ruleId === 'PL001' && (d.suggestions?.length ?? 0) > 0);
    assert.ok(withFixes.length > 0, 'PL001 findings carry their suggested leads');
    // The same findings, without suggestions, otherwise equal.
    const plain = plans.map((f) => new FileLinter({ fix: false, uiLocale: 'zh-CN' }).lintFile(f));
    const strip = (o: ReturnType<FileLinter['lintFile']>) => o.diagnostics.map(({ suggestions: _, ...rest }) => rest);
    assert.deepEqual(outcomes.map(strip), plain.map(strip));
  });
});
