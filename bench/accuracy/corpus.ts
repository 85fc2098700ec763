// The annotated corpus beside the checkout, and planlint's score on it (used by `npm run accuracy` and the ratchet test).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { score, type Figures, type FileInput, type GoldTask, type PredTask, type Score } from './score.js';
import { TableReader } from './table.js';

/** The repository root (this module runs from out/bench/accuracy/). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The corpus: `PLANLINT_CORPUS` when set (relative to the working folder), else `../shared/corpus` beside the checkout. */
export function corpusDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env['PLANLINT_CORPUS'];
  return override ? resolve(override) : resolve(ROOT, '..', 'shared', 'corpus');
}

/** Whether `dir` holds a corpus (at least one NNN.txt). */
export function haveCorpus(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.txt'));
}

/**
 * Reads every `*.txt` of `dir` (name order) with its annotation (`*.json`) and planlint's task table, and scores
 * them. A file planlint gives no table for counts as no task found (as in score.py) and is reported to `warn`.
 */
export function scoreCorpus(dir: string, warn: (message: string) => void = (m) => process.stderr.write(m + '\n')): Score {
  const reader = new TableReader();
  const inputs: FileInput[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const annotation = JSON.parse(readFileSync(join(dir, name.slice(0, -4) + '.json'), 'utf8')) as { tasks: GoldTask[] };
    let pred: PredTask[] = [];
    const table = reader.json(join(dir, name));
    if ('json' in table) pred = (JSON.parse(table.json) as { tasks: PredTask[] }).tasks;
    else warn(`${name}: no JSON (${table.error})`);
    inputs.push({ name, gold: annotation.tasks, pred });
  }
  return score(inputs);
}

/** The figures `npm test` holds the build to (test/accuracy/ratchet.test.ts; `npm run accuracy -- --update-ratchet`). */
export const RATCHET_FILE = join(ROOT, 'test', 'accuracy', 'ratchet.json');

/** The ratchet for `figures`: floors (a ceiling for the false "missing lead" rate) at 4 decimals. */
export function ratchetOf(figures: Figures): Figures {
  const down = (x: number) => Math.floor(x * 1e4 + 1e-9) / 1e4;
  const up = (x: number) => Math.ceil(x * 1e4 - 1e-9) / 1e4;
  return { taskF1: down(figures.taskF1), leadAcc: down(figures.leadAcc), deadlineF1: down(figures.deadlineF1), falseMissingLead: up(figures.falseMissingLead) };
}
