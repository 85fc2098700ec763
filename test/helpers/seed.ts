// Loaded before every test file (.mocharc.json `require`): one fast-check seed for the whole run, so that a
// property test fails the same way on every machine. `FC_SEED=N` picks another (a failure prints its seed);
// `FC_SEED=random` lets fast-check choose one per property.
import fc from 'fast-check';

const DEFAULT_SEED = 20261202;
const chosen = process.env['FC_SEED'];
if (chosen !== 'random') {
  const seed = chosen === undefined || chosen === '' ? DEFAULT_SEED : Number(chosen);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", not ${JSON.stringify(chosen)}`);
  fc.configureGlobal({ seed });
}
