// The measuring side of test/perf/linear.test.ts, run in its own node with a 1 MB young generation (see the test for why).
// Prints one JSON object: for each pathological input and phase, the 4×/1× cost ratio; the same for the single
// functions of phases.ts (under `functions`), and for two controls.
import { parseText } from '../../grammar/index.js';
import { lintPlan } from '../../server/src/lint/engine.js';
import { parsePlan } from '../../server/src/model/plan.js';
import type { PlanDocument } from '../../server/src/model/types.js';
import { allRules } from '../../server/src/rules/index.js';
import { CASES, unitsForBytes } from '../../bench/pathological.js';
import { costRatio, cpuMs, MAX_RATIO, measureTwice, type Ratio } from './harness.js';
import { PHASES } from './phases.js';

/** Size of the 1× input: at most this, less for inputs that are slow per byte (see below). */
const BASE_BYTES = 32 * 1024;
/** A 1× input is shrunk until one full analysis of it costs about this much CPU, to keep the test near 20 s. */
const BASE_ANALYSIS_MS = 15;

const settings = { today: '2024-06-01' };

export type ChildReport = Record<string, Record<string, Ratio & { bytes: number }>>;

function controls(): ChildReport {
  const base = '推进法治政府建设由市司法局牵头负责'.repeat(BASE_BYTES / 51);
  const bytes = Buffer.byteLength(base, 'utf8');
  // Each step searches from its position to the end for a character that is not there: O(n²).
  const quadratic = (text: string) => {
    let found = 0;
    for (let i = 0; i < text.length; i += 8) found += text.indexOf('\u0001', i);
    return found;
  };
  // A hash of every character: work per character, not memory traffic, so cache sizes do not bend the ratio.
  const linear = (text: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) for (let k = 0; k < 8; k++) h = Math.imul(h ^ (text.charCodeAt(i) + k), 16777619);
    return h;
  };
  return {
    'control: quadratic': { phase: { ...costRatio(base, base.repeat(4), (t) => t, quadratic), bytes } },
    'control: linear': { phase: { ...measureTwice(() => costRatio(base, base.repeat(4), (t) => t, linear)), bytes } },
  };
}

function measureCase(name: string): Record<string, Ratio & { bytes: number }> {
  const c = CASES.find((x) => x.name === name)!;
  let units = unitsForBytes(c, BASE_BYTES);
  const probe = c.build(units);
  lintPlan(parsePlan(probe), { rules: allRules, settings });
  // The least of three: one probe that a collector pause lengthens would shrink the input to a size too cheap to measure.
  let ms = Infinity;
  for (let k = 0; k < 3; k++) {
    const t0 = cpuMs();
    lintPlan(parsePlan(probe), { rules: allRules, settings });
    ms = Math.min(ms, cpuMs() - t0);
  }
  if (ms > BASE_ANALYSIS_MS) units = Math.max(Math.ceil(units / 8), Math.round((units * BASE_ANALYSIS_MS) / ms), c.minTestUnits ?? 0);
  const one = c.build(units);
  const four = c.build(units * 4);
  const bytes = Buffer.byteLength(one, 'utf8');
  // The same ratio one size up (2× → 8×), built only when needed: a step in the garbage collector's regime
  // (the 4× input's tokens outgrowing a space the 1× input's fit in) bends one pair of sizes, while a
  // super-linear phase bends every pair.
  const onePairUp = <P>(prepare: (t: string) => P, phase: (p: P) => void) => (): Ratio => costRatio(c.build(units * 2), c.build(units * 8), prepare, phase);
  const judged = <P>(prepare: (t: string) => P, phase: (p: P) => void): Ratio => {
    const r = measureTwice(() => costRatio(one, four, prepare, phase));
    return r.ratio < MAX_RATIO ? r : measureTwice(onePairUp(prepare, phase));
  };

  const parse = judged((t) => t, (t) => void parseText(t));
  // parsePlan contains parseText, so the model is judged with the parse it contains: a difference of two
  // measured times is too noisy at these sizes, and the model's own work is half or more of parsePlan on
  // every input here, so a quadratic model would still read over 10× (4 × ½ + 16 × ½).
  const model = judged((t) => t, (t) => void parsePlan(t));
  const rules = judged((t): PlanDocument => parsePlan(t), (plan) => void lintPlan(plan, { rules: allRules, settings }));
  return { parse: { ...parse, bytes }, model: { ...model, bytes }, rules: { ...rules, bytes } };
}

const only = process.argv.slice(2);
const report: ChildReport = only.length > 0 ? {} : controls();
for (const c of CASES) if (only.length === 0 || only.includes(c.name)) report[c.name] = measureCase(c.name);
if (only.length === 0 || only.includes('functions')) report['functions'] = Object.fromEntries(PHASES.map((p) => [p.name, { ...p.measure(), bytes: 0 }]));
process.stdout.write(JSON.stringify(report));
