// The model's classes keep their hidden classes across a full collection between documents (`grammar/shapes.ts`):
// counted with V8's own trace of the optimized code it throws away because an object that code was compiled against
// was freed ("weak objects"), in a child process that reads the samples with a full collection before each round.
// Not a timing: the count is the same on a fast machine and a slow one.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const planModule = pathToFileURL(join(root, 'out', 'server', 'src', 'service.js')).href;
const samplesDir = join(root, 'samples');

/** Runs `rounds` rounds of analysing every sample, a full collection before each, and counts the code thrown away. */
function codeThrownAway(rounds: number): number {
  const texts = readdirSync(samplesDir)
    .filter((f) => /\.(?:plan|txt|md)$/.test(f) && f !== 'README.md')
    .map((f) => readFileSync(join(samplesDir, f), 'utf8'));
  const script = `
    const { createPlanService } = await import(${JSON.stringify(planModule)});
    const service = createPlanService({ today: '2026-06-15' });
    const texts = ${JSON.stringify(texts)};
    for (let round = 0; round < ${rounds}; round++) {
      globalThis.gc();
      for (const text of texts) service.analyze(text);
    }
  `;
  // One thread: the optimizing compiler runs in turn with the script, so the count does not depend on the machine's load.
  const run = spawnSync(process.execPath, ['--expose-gc', '--single-threaded', '--trace-deopt', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  assert.equal(run.status, 0, run.stderr);
  return (run.stdout.match(/for deoptimization, reason: weak objects/g) ?? []).length;
}

describe('model shapes across collections', function () {
  this.timeout(120_000);

  it('a full collection between documents throws away little optimized code', () => {
    const thrown = codeThrownAway(60);
    // 33 here with the kept instances; 290 without them (every round frees the classes' shapes again).
    assert.ok(thrown <= 80, `${thrown} optimized functions thrown away over 60 rounds`);
  });
});
