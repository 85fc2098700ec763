// The accuracy tool reads task tables in process (bench/accuracy/table.ts); they must be byte for byte what
// `planlint table FILE --format json` prints, or its figures would not be score.py's.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusDir, haveCorpus } from '../../bench/accuracy/corpus.js';
import { TableReader } from '../../bench/accuracy/table.js';
import { planlint, tempDir, cleanup } from '../cli/run.js';
import { ROOT, SAMPLES } from '../helpers/paths.js';
import { sharedMissing } from '../helpers/shared.js';

describe('accuracy: the in-process task table', () => {
  const reader = new TableReader();

  function sameAsCli(file: string): void {
    const cli = planlint(['table', file, '--format', 'json']);
    assert.equal(cli.code, 0, cli.stderr);
    const mine = reader.json(file, ROOT);
    assert.ok('json' in mine, `${file}: ${'error' in mine ? mine.error : ''}`);
    assert.equal(mine.json, cli.stdout, file);
  }

  it('is the CLI\'s JSON on every sample', function () {
    this.timeout(120_000);
    const files = fs.readdirSync(SAMPLES).filter((f) => f !== 'README.md');
    assert.ok(files.length >= 10);
    for (const f of files) sameAsCli(path.join('samples', f));
  });

  const corpus = corpusDir();
  if (!haveCorpus(corpus)) sharedMissing("the table reader against the CLI's JSON on the corpus", corpus);
  else {
    it("is the CLI's JSON on every tenth corpus file", function () {
      this.timeout(120_000);
      const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();
      for (let i = 0; i < files.length; i += 10) sameAsCli(path.relative(ROOT, path.join(corpus, files[i]!)));
    });
  }

  it('gives no table where the CLI gives none, and follows the nearest config file', function () {
    this.timeout(60_000);
    const dir = tempDir();
    try {
      fs.writeFileSync(path.join(dir, 'plan.txt'), '测试工作方案\n一、主要任务\n（一）开展检查。（牵头单位：市甲局）\n');
      // A config that names 主要任务 as a section without tasks changes the table: the reader must see it too.
      fs.writeFileSync(path.join(dir, '.planlintrc.json'), JSON.stringify({ extraNonTaskSections: ['主要任务'] }));
      const file = path.join(dir, 'plan.txt');
      const cli = planlint(['table', file, '--format', 'json']);
      const mine = reader.json(file);
      assert.ok('json' in mine);
      assert.equal(mine.json, cli.stdout);

      fs.writeFileSync(path.join(dir, '.planlintrc.json'), '{ "rules": { "PL999": "error" } }');
      assert.equal(planlint(['table', file, '--format', 'json']).code, 2);
      assert.ok('error' in new TableReader().json(file));
      assert.ok('error' in reader.json(path.join(dir, 'missing.txt')));
    } finally {
      cleanup(dir);
    }
  });
});
