// The README's main job: lint every sample plan (they carry deliberate problems), then show a task table.
// Exits 0 when the linter ran (finding problems is the point of the demo), non-zero when it could not run.
import { spawnSync } from 'node:child_process';

const run = (args) => spawnSync(process.execPath, ['dist/planlint.js', ...args], { stdio: 'inherit' }).status;

console.log('== planlint samples/ ==');
const lintStatus = run(['samples']);
console.log('\n== planlint table samples/paren-style.plan.txt ==');
const tableStatus = run(['table', 'samples/paren-style.plan.txt', '--format', 'md']);
process.exitCode = lintStatus === 0 || lintStatus === 1 ? (tableStatus ?? 2) : 2;
