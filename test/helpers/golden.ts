// Golden-file comparison: compare with the file, or rewrite it under UPDATE_GOLDEN=1 (then read the diff before committing).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { UPDATE_GOLDEN } from './paths.js';

/** Asserts that `actual` equals the golden file's text; with UPDATE_GOLDEN=1 writes it instead. */
export function expectGolden(file: string, actual: string): void {
  if (UPDATE_GOLDEN) {
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `golden file missing: ${file} (run UPDATE_GOLDEN=1 npm test, then read the diff)`);
  assert.equal(actual, readFileSync(file, 'utf8'), `differs from ${file}`);
}
