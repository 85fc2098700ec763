// The accuracy ratchet: planlint's four figures on the annotated corpus (../shared/corpus, or PLANLINT_CORPUS), scored
// with score.py's definitions (bench/accuracy), may not fall below the figures in test/accuracy/ratchet.json.
// When the reader improves, raise the file: `npm run accuracy -- --update-ratchet` writes today's figures.
// Without the corpus: a failure in CI (CI=true), a visible warning elsewhere.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpusDir, haveCorpus, RATCHET_FILE, scoreCorpus } from '../../bench/accuracy/corpus.js';
import { CATEGORIES, figuresLine, type Figures, type Score } from '../../bench/accuracy/score.js';
import { sharedMissing } from '../helpers/shared.js';

const CORPUS = corpusDir();
/** Room for floating-point noise only: one task more or less moves a figure by far more. */
const EPS = 1e-9;

const FIGURES: ReadonlyArray<{ key: keyof Figures; label: string; higherIsBetter: boolean }> = [
  { key: 'taskF1', label: 'task F1', higherIsBetter: true },
  { key: 'leadAcc', label: 'lead exact-set accuracy', higherIsBetter: true },
  { key: 'deadlineF1', label: 'deadline F1', higherIsBetter: true },
  { key: 'falseMissingLead', label: 'false "missing lead" rate', higherIsBetter: false },
];

function readRatchet(): Figures {
  const data = JSON.parse(readFileSync(RATCHET_FILE, 'utf8')) as Record<string, unknown>;
  for (const { key } of FIGURES) {
    const v = data[key];
    assert.ok(typeof v === 'number' && v >= 0 && v <= 1, `${RATCHET_FILE}: ${key} must be a number in [0, 1], not ${JSON.stringify(v)}`);
  }
  return data as unknown as Figures;
}

describe('accuracy ratchet (../shared/corpus)', () => {
  if (!haveCorpus(CORPUS)) {
    sharedMissing('the accuracy ratchet', CORPUS); // fails in CI, warns elsewhere
    return;
  }

  let ratchet: Figures;
  let result: Score;
  before(function () {
    this.timeout(300_000); // the whole corpus through parse, on a busy 2-core machine
    ratchet = readRatchet();
    result = scoreCorpus(CORPUS, (message) => console.warn(`      ${message}`));
  });

  for (const { key, label, higherIsBetter } of FIGURES) {
    it(`${label} ${higherIsBetter ? 'does not fall below' : 'does not rise above'} test/accuracy/ratchet.json`, () => {
      const got = result.figures[key];
      const bar = ratchet[key];
      const ok = higherIsBetter ? got >= bar - EPS : got <= bar + EPS;
      if (ok) return;
      const totals = CATEGORIES.map((c) => `${c} ${result.files.reduce((n, f) => n + f.errors.filter((e) => e.category === c).length, 0)}`);
      assert.fail(
        `${label} ${higherIsBetter ? 'fell to' : 'rose to'} ${got.toFixed(4)} (ratchet ${bar})\n` +
          `  ${figuresLine(result.figures)}\n  errors: ${totals.join(', ')}\n  \`npm run accuracy\` lists them by file`,
      );
    });
  }
});
