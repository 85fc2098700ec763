// What a suite does when the material beside the checkout (../shared/seeds, ../shared/corpus) is absent.
// In CI (CI=true) the material must be there — CI runs a fresh clone with a copy of shared/ beside it as ../shared —
// so its absence fails the suite. Elsewhere the suite's one test is pending (counted in mocha's summary) and says,
// visibly, what was not checked. test/helpers/shared.test.ts checks that every suite over ../shared does this.
import assert from 'node:assert/strict';

/** True when `value` (the `CI` variable) says this is CI: set to anything but empty, `0` or `false`. */
export function isCi(value: string | undefined): boolean {
  return value !== undefined && !['', '0', 'false'].includes(value.trim().toLowerCase());
}

/** True when this run is CI. */
export const IN_CI = isCi(process.env['CI']);

/** The title of the test that stands for material that is missing. */
export const MISSING_TITLE = 'is present (required in CI, reported elsewhere)';

/**
 * Inside a test whose material (`what`, at `where`) is missing: fails in CI; elsewhere prints a warning and marks
 * the test pending.
 */
export function missing(test: Mocha.Context, what: string, where: string, ci = IN_CI): never {
  if (ci) assert.fail(`${where} not found: CI must run with shared/ beside the checkout (../shared), so ${what} cannot be left out`);
  console.warn(`      ⚠ ${where} not found: ${what} NOT checked (CI=true makes this a failure)`);
  return test.skip();
}

/** Call in a `describe` whose material at `dir` is missing, instead of its tests: one test that fails in CI and is pending elsewhere. */
export function sharedMissing(what: string, dir: string): void {
  it(`${what}: ${dir} ${MISSING_TITLE}`, function () {
    missing(this, what, dir);
  });
}
