// Profiling aid: runs one analysis phase in a loop under `node --cpu-prof`, and summarises a .cpuprofile by self and total time.
//
//   node --cpu-prof --cpu-prof-dir=bench/out/prof out/bench/profile.js run FILE [model|parse|lex|rules|total|RULEID] [seconds]
//   node out/bench/profile.js top bench/out/prof/X.cpuprofile [N]
import { readFileSync } from 'node:fs';
import { parseText } from '../grammar/index.js';
import { tokenize } from '../grammar/lexer.js';
import { lintPlan } from '../server/src/lint/engine.js';
import { parsePlan } from '../server/src/model/plan.js';
import { allRules } from '../server/src/rules/index.js';
import { TODAY } from './analysis.js';
import { isMain, ROOT } from './corpus.js';
import { now } from './stats.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** Function → self and total milliseconds, heaviest self time first. */
export function summarise(profile: CpuProfile): { fn: string; selfMs: number; totalMs: number; selfPct: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Time per sample: the deltas, attributed to the node sampled.
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0));
  const label = (n: ProfileNode) => {
    const { functionName, url, lineNumber } = n.callFrame;
    const file = url.replace(/^file:\/\//, '').replace(ROOT + '/', '');
    return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  for (const [id, us] of selfUs) {
    all += us;
    const node = byId.get(id)!;
    self.set(label(node), (self.get(label(node)) ?? 0) + us);
    // Total: once per distinct function on the stack (recursion counted once).
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const l = label(byId.get(at)!);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + us);
    }
  }
  return [...total.keys()]
    .map((fn) => ({ fn, selfMs: (self.get(fn) ?? 0) / 1000, totalMs: total.get(fn)! / 1000, selfPct: (100 * (self.get(fn) ?? 0)) / all }))
    .sort((a, b) => b.selfMs - a.selfMs);
}

function runPhase(text: string, phase: string, seconds: number): number {
  const settings = { today: TODAY };
  const plan = parsePlan(text);
  const rule = allRules.find((r) => r.id === phase);
  const once = (): void => {
    if (phase === 'lex') tokenize(text);
    else if (phase === 'parse') parseText(text);
    else if (phase === 'model') parsePlan(text);
    else if (phase === 'rules') lintPlan(plan, { rules: allRules, settings });
    else if (rule) lintPlan(plan, { rules: [rule], settings });
    else lintPlan(parsePlan(text), { rules: allRules, settings });
  };
  const until = now() + seconds * 1000;
  let n = 0;
  while (now() < until || n === 0) {
    once();
    n++;
  }
  return n;
}

if (isMain(import.meta.url)) {
  const [command, file, arg, extra] = process.argv.slice(2);
  if (command === 'run' && file) {
    const n = runPhase(readFileSync(file, 'utf8'), arg ?? 'total', Number(extra ?? 5));
    console.log(`${arg ?? 'total'}: ${n} runs`);
  } else if (command === 'top' && file) {
    const rows = summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile).slice(0, Number(arg ?? 25));
    for (const r of rows) console.log(`${r.selfPct.toFixed(1).padStart(5)}%  self ${r.selfMs.toFixed(0).padStart(6)} ms  total ${r.totalMs.toFixed(0).padStart(6)} ms  ${r.fn}`);
  } else {
    console.error('usage: profile.js run FILE [lex|parse|model|rules|total|PL0NN] [seconds] | top PROFILE [N]');
    process.exitCode = 2;
  }
}
