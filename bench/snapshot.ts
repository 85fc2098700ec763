// Equivalence aid for performance work: writes what the product makes of many inputs (model JSON and diagnostics),
// so that a build before and a build after an optimisation can be compared byte for byte.
//
//   node out/bench/snapshot.js OUT.json [--random N] [--seed S]
//   node out/bench/snapshot.js --compare A.json B.json
//
// Inputs: the samples, the CLI and grammar fixtures, the bench corpus (bench/out, when written), the shared seeds
// (../shared/seeds, when present), and N random strings of plan pieces and mutated samples (seeded, default 3,000).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { createPlanService } from '../server/src/service.js';
import { argValue, isMain, OUT_DIR, ROOT, rng } from './corpus.js';

const TODAY = '2026-06-15';

/** Every readable file directly in `dir` (not recursive), in name order; nothing when `dir` is missing. */
function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((f) => join(dir, f))
    .filter((p) => statSync(p).isFile() && statSync(p).size < 20 * 1024 * 1024);
}

/** Fixed inputs: name → text. */
export function fixedInputs(): Map<string, string> {
  const out = new Map<string, string>();
  const dirs = [
    join(ROOT, 'samples'),
    join(ROOT, 'test', 'fixtures', 'cli'),
    join(ROOT, 'test', 'fixtures', 'grammar'),
    join(ROOT, 'test', 'fixtures', 'encoding'),
    OUT_DIR,
    join(ROOT, '..', 'shared', 'seeds'),
  ];
  for (const dir of dirs) for (const file of filesIn(dir)) out.set(file.replace(ROOT + '/', ''), readFileSync(file, 'utf8'));
  return out;
}

const PIECES = [
  '一、', '十二、', '(一)', '（一）', '(十一)', '1.', '１．', '2、', '(3)', '（3）', '①', '㉑', '一是', '第一,', '二是',
  '[', ']', '【', '】', '(', ')', '（', '）', '<!--', '-->', '<!-- planlint-disable-next-line PL001 -->', '|', '｜', '| --- |', '\t',
  '牵头单位：', '牽頭單位:', '责任单位：', '配合单位：', '完成时限：', '牵头', '牵头负责', '共同负责', '按职责分工负责', '负责', '参加', '由',
  '市司法局', '市发改委', '市发展和改革委员会', '各区县(市)人民政府', '𠀾市局', '等部门', '、', '。', '；', '：', ';', ':', ',', '，',
  '\n', '\n\n', '\r\n', '\u3000', ' ', '2021年6月底前', '2025年12月31日前', '年内', '长期坚持', '每年第一季度', '13月', '附件', '序号',
  '重点工作任务', '实施方案', '完善制度', '推进改革',
];

/** `n` random inputs from a seeded generator: strings of plan pieces, and samples with pieces inserted and cut. */
export function randomInputs(n: number, seed: number, samples: string[]): Map<string, string> {
  const next = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const out = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    let text: string;
    if (i % 2 === 0 || samples.length === 0) {
      const parts: string[] = [];
      const len = 1 + Math.floor(next() * 120);
      for (let k = 0; k < len; k++) parts.push(next() < 0.1 ? String.fromCharCode(Math.floor(next() * 0x10000)) : pick(PIECES));
      text = parts.join('');
    } else {
      text = pick(samples);
      const edits = 1 + Math.floor(next() * 8);
      for (let k = 0; k < edits; k++) {
        const at = Math.floor(next() * (text.length + 1));
        text = next() < 0.5 ? text.slice(0, at) + pick(PIECES) + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 30));
      }
    }
    out.set(`random-${i}`, text);
  }
  return out;
}

/** The model (as JSON) and the diagnostics of `text`, as one string. */
export function readingOf(text: string): string {
  const service = createPlanService({ today: TODAY });
  const analysis = service.analyze(text);
  return JSON.stringify({ plan: { ...analysis.plan, lines: undefined }, diagnostics: analysis.diagnostics }, backReferences);
}

/** The model's back references (a section's parent, a task's section and table) written as the span they point to. */
function backReferences(this: unknown, key: string, value: unknown): unknown {
  if ((key === 'parent' || key === 'section' || key === 'table') && value !== null && typeof value === 'object') {
    const span = (value as { span?: { start: number; end: number } }).span;
    return span ? `ref:${span.start}-${span.end}` : 'ref:?';
  }
  return value;
}

function main(argv: string[]): void {
  if (argv[0] === '--compare') {
    const a = JSON.parse(readFileSync(argv[1]!, 'utf8')) as Record<string, string>;
    const b = JSON.parse(readFileSync(argv[2]!, 'utf8')) as Record<string, string>;
    const names = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    const differ = names.filter((k) => a[k] !== b[k]);
    for (const k of differ.slice(0, 20)) console.log(`differs: ${k}`);
    console.log(`${names.length} inputs, ${differ.length} differ`);
    process.exitCode = differ.length === 0 ? 0 : 1;
    return;
  }
  const outFile = argv.find((a) => !a.startsWith('--') && a !== argValue(argv, '--random') && a !== argValue(argv, '--seed'));
  if (!outFile) throw new Error('usage: snapshot.js OUT.json [--random N] [--seed S] | --compare A.json B.json');
  const fixed = fixedInputs();
  const samples = [...fixed].filter(([k]) => k.startsWith('samples/')).map(([, v]) => v);
  const random = randomInputs(Number(argValue(argv, '--random') ?? 3000), Number(argValue(argv, '--seed') ?? 7), samples);
  const out: Record<string, string> = {};
  for (const [name, text] of [...fixed, ...random]) {
    const reading = readingOf(text);
    // Large readings are kept as a hash (the 10 MB plan's model is hundreds of MB of JSON).
    out[name] = reading.length > 1_000_000 ? `sha256:${createHash('sha256').update(reading).digest('hex')}` : reading;
  }
  writeFileSync(outFile, JSON.stringify(out));
  console.log(`${Object.keys(out).length} inputs → ${outFile}`);
}

if (isMain(import.meta.url)) main(process.argv.slice(2));
