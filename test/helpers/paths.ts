// Paths shared by tests: the repository root (tests run from out/test/…), samples, fixtures, the seeds beside the checkout.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const SAMPLES = join(ROOT, 'samples');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const RULE_FIXTURES = join(ROOT, 'test', 'rules', 'fixtures');
/** `../shared` beside the checkout, or `PLANLINT_SHARED` (relative to the working folder) when set. */
export const SHARED = process.env['PLANLINT_SHARED'] ? resolve(process.env['PLANLINT_SHARED']) : resolve(ROOT, '..', 'shared');
/** `../shared/seeds` — real documents, present on developer machines and in CI, absent elsewhere (see helpers/shared.ts). */
export const SEEDS = join(SHARED, 'seeds');
export const HAVE_SEEDS = existsSync(SEEDS);
/** True when golden files should be rewritten (`UPDATE_GOLDEN=1 npm test`). */
export const UPDATE_GOLDEN = process.env['UPDATE_GOLDEN'] === '1';
