// What a suite does when the material beside the checkout (../shared/seeds, ../shared/corpus) is absent.
// In CI (CI=true) the material must be there — CI runs a fresh clone with a copy of shared/ beside it as ../shared —
// so its absence fails the suite. Elsewhere one test passes and says, visibly, what was not checked.
import assert from 'node:assert/strict';

/** True when the environment says this is CI (`CI` set to anything but empty, `0` or `false`). */
export const IN_CI = ((ci) => ci !== undefined && !['', '0', 'false'].includes(ci.trim().toLowerCase()))(process.env['CI']);

/** Call in a `describe` whose material at `dir` is missing, then return: one test that fails in CI and warns elsewhere. */
export function sharedMissing(what: string, dir: string): void {
  it(`${what}: ${dir} is present (required in CI, reported elsewhere)`, () => {
    if (IN_CI) assert.fail(`${dir} not found: CI must run with shared/ beside the checkout (../shared), so ${what} cannot be left out`);
    console.warn(`      ⚠ ${dir} not found: ${what} NOT checked (CI=true makes this a failure)`);
  });
}
