// Single functions whose cost must grow linearly with their input, beside the pathological plans: each is measured
// at 1× and 4× in the perf child (linear-child.ts), never in the mocha process, and judged by linear.test.ts.
import { parseText, readAttributionSyntax } from '../../grammar/index.js';
import { compileGlob } from '../../server/src/cli/glob.js';
import { parseUnitsText } from '../../server/src/config/load.js';
import { minimalEdits } from '../../server/src/features/code-actions.js';
import { findCompletionContext } from '../../server/src/features/completion.js';
import { costRatio, measureTwice, type Ratio } from './harness.js';

export interface Phase {
  name: string;
  /** What a quadratic cost here would mean. */
  what: string;
  measure(): Ratio;
}

/** A units file of `bytes` (about): the three kinds of line, as test/config/load.test.ts's 10 MB list. */
function unitsText(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = i % 3 === 0 ? `某某市第${i}局 → 某某市第${i}局全称` : i % 3 === 1 ? `某某市第${i}委员会: 第${i}委, 某${i}委` : `某某市第${i}办公室`;
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return lines.join('\n');
}

/** `n` numbered lines, and the same with two of them changed (one near the start, one near the end). */
function editedLines(n: number): { a: string; b: string } {
  const a = Array.from({ length: n }, (_, i) => `第${i}行\n`).join('');
  return { a, b: a.replace('第10行', '第十行').replace(`第${n - 10}行`, '第一九九九〇行') };
}

export const PHASES: readonly Phase[] = [
  {
    name: 'comment openers',
    what: 'a line of unclosed `<!--` is lexed once, not searched again from each opener (grammar)',
    measure: () => measureTwice(() => costRatio('<!--'.repeat(12_500), '<!--'.repeat(50_000), (t) => t, (t) => void parseText(t))),
  },
  {
    name: 'attribution brackets',
    what: 'nested and unclosed brackets are matched by counting, each token read a bounded number of times (grammar/attribution.ts)',
    measure: () =>
      measureTwice(() =>
        costRatio('（县局牵头（甲（乙）（（（牵头单位：县局'.repeat(1500), '（县局牵头（甲（乙）（（（牵头单位：县局'.repeat(6000), (t) => parseText(t), (p) => {
          for (const b of p.blocks) if (b.kind === 'paragraph') readAttributionSyntax(p.tokens, b.first, b.last);
        }),
      ),
  },
  {
    name: 'units file',
    what: 'a units .txt list is read line by line (config/load.ts parseUnitsText)',
    measure: () => measureTwice(() => costRatio(256 * 1024, 1024 * 1024, unitsText, (t) => void parseUnitsText(t, 'units.txt'))),
  },
  {
    name: 'completion context on one long line',
    what: 'the completion context looks back a bounded distance (features/completion.ts findCompletionContext)',
    measure: () => measureTwice(() => costRatio('字'.repeat(250_000), '字'.repeat(1_000_000), (t) => t, (t) => void findCompletionContext(t, t.length, null))),
  },
  {
    name: 'minimal edits',
    what: 'the diff of two texts of many lines is linear in the lines (features/code-actions.ts minimalEdits)',
    measure: () => measureTwice(() => costRatio(5000, 20_000, editedLines, ({ a, b }) => void minimalEdits(a, b))),
  },
  {
    name: 'many-star glob',
    what: 'a glob with many stars matches a long name without backtracking (cli/glob.ts)',
    measure: () => {
      const glob = compileGlob('*a*a*a*a*a*a*a*a*a*a*a*a*ab');
      return measureTwice(() => costRatio('a'.repeat(5000), 'a'.repeat(20_000), (t) => t, (t) => void glob.test(t)));
    },
  },
];
