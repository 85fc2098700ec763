// `npm run accuracy [-- options]`: planlint's task extraction scored on the annotated corpus (../shared/corpus, or
// PLANLINT_CORPUS), with the definitions of the corpus's score.py: the four figures, and each file's errors by category.
//
//   --figures          the figures only (no error list)
//   --json             figures, counts and errors as JSON
//   --update-ratchet   raise test/accuracy/ratchet.json (what `npm test` holds the build to) to today's figures where
//                      they are better; it never lowers a figure
//   --strict           exit 1 when a figure misses score.py's bars (as score.py does)
import { readFileSync, writeFileSync } from 'node:fs';
import { corpusDir, haveCorpus, RATCHET_FILE, ratchetOf, scoreCorpus } from './corpus.js';
import { BARS, CATEGORIES, figuresLine, fixed3, meetsBars, type Figures, type ScoreError } from './score.js';

function describeError(e: ScoreError): string {
  const where = `line ${e.line ?? '?'} ${e.number || '(no number)'} ${e.title.length > 30 ? e.title.slice(0, 30) + '…' : e.title}`;
  const values = [e.gold !== undefined ? `gold ${e.gold || '—'}` : '', e.got !== undefined ? `got ${e.got || '—'}` : ''].filter(Boolean).join(', ');
  return values ? `${where}  (${values})` : where;
}

function main(argv: readonly string[]): number {
  const dir = corpusDir();
  if (!haveCorpus(dir)) {
    process.stderr.write(`no corpus at ${dir} (put it at ../shared/corpus beside the checkout, or set PLANLINT_CORPUS)\n`);
    return 2;
  }
  const result = scoreCorpus(dir);
  const { figures: f, counts: c } = result;

  if (argv.includes('--json')) {
    process.stdout.write(JSON.stringify({ corpus: dir, figures: f, counts: c, files: result.files.filter((x) => x.errors.length > 0) }, null, 2) + '\n');
  } else {
    if (!argv.includes('--figures')) {
      const totals = new Map<string, number>(CATEGORIES.map((k) => [k, 0]));
      for (const file of result.files) {
        if (file.errors.length === 0) continue;
        process.stdout.write(`${file.name}\n`);
        for (const category of CATEGORIES) {
          const errors = file.errors.filter((e) => e.category === category);
          if (errors.length === 0) continue;
          totals.set(category, totals.get(category)! + errors.length);
          process.stdout.write(`  ${category} (${errors.length})\n`);
          for (const e of errors) process.stdout.write(`    ${describeError(e)}\n`);
        }
      }
      process.stdout.write(`\nerrors: ${CATEGORIES.map((k) => `${k} ${totals.get(k)}`).join(', ')}\n`);
    }
    process.stdout.write(`corpus ${dir}: ${result.files.length} files\n`);
    process.stdout.write(`tasks gold=${c.goldTasks} pred=${c.predTasks} matched=${c.matched} gold_leads=${c.goldLeads} gold_deadlines=${c.goldDeadlines}\n`);
    process.stdout.write(`deadline_text_agree=${c.deadlineTextAgree}/${c.deadlineTextCompared} (informational)\n`);
    process.stdout.write(
      `task F1 ${fixed3(f.taskF1)} (bar ${BARS.taskF1}) · lead exact-set accuracy ${fixed3(f.leadAcc)} (bar ${BARS.leadAcc}) · ` +
        `deadline F1 ${fixed3(f.deadlineF1)} (bar ${BARS.deadlineF1}) · false "missing lead" rate ${fixed3(f.falseMissingLead)} (bar ≤ ${BARS.falseMissingLead})\n`,
    );
    process.stdout.write(figuresLine(f) + '\n');
  }

  if (argv.includes('--update-ratchet')) {
    // A ratchet only tightens: each figure keeps the better of the stored one and today's.
    let stored: Partial<Figures> = {};
    try {
      stored = JSON.parse(readFileSync(RATCHET_FILE, 'utf8')) as Partial<Figures>;
    } catch {
      // none yet
    }
    const today = ratchetOf(f);
    const better = (key: keyof Figures, pick: (a: number, b: number) => number): number => (typeof stored[key] === 'number' ? pick(stored[key]!, today[key]) : today[key]);
    const next: Figures = { taskF1: better('taskF1', Math.max), leadAcc: better('leadAcc', Math.max), deadlineF1: better('deadlineF1', Math.max), falseMissingLead: better('falseMissingLead', Math.min) };
    writeFileSync(RATCHET_FILE, JSON.stringify(next, null, 2) + '\n');
    process.stderr.write(`${RATCHET_FILE}: ${JSON.stringify(stored)} → ${JSON.stringify(next)}\n`);
  }
  return argv.includes('--strict') && !meetsBars(f) ? 1 : 0;
}

// `npm run accuracy | head`: a closed pipe ends the output, not in a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});
process.exitCode = main(process.argv.slice(2));
