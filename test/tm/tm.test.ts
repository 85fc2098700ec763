// TextMate highlighting: runs vscode-tmgrammar-test over test/tm/*.plan (scope assertions written under each line).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.js';

describe('TextMate grammar', () => {
  it('every scope assertion in test/tm/*.plan holds', function () {
    this.timeout(60000);
    const cli = join(ROOT, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
    const run = spawnSync(process.execPath, [cli, '-g', 'syntaxes/plan.tmLanguage.json', 'test/tm/*.plan'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /attribution\.plan run successful/);
    assert.match(run.stdout, /markers\.plan run successful/);
  });
});
