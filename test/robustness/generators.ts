// Input generators for the robustness suites: mutated samples, strings of plan pieces, arbitrary strings; run counts from the environment.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { SAMPLES } from '../helpers/paths.js';

/**
 * Inputs per property: the environment variable `name` (`FUZZ_RUNS`, like the other fuzz suites, or
 * `PIPELINE_RUNS` for the pipeline), else `fallback`. `npm test` keeps the fallbacks; `npm run fuzz`
 * sets the large counts.
 */
export function runsFromEnv(fallback: number, name: 'FUZZ_RUNS' | 'PIPELINE_RUNS' = 'FUZZ_RUNS'): number {
  const raw = process.env[name];
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The samples' texts (README.md excluded), in name order. */
export const SAMPLE_TEXTS: readonly string[] = readdirSync(SAMPLES)
  .filter((f) => f !== 'README.md')
  .sort()
  .map((f) => readFileSync(join(SAMPLES, f), 'utf8'));

/**
 * What plans are made of, and what breaks parsers: markers, brackets, keywords, punctuation, line
 * breaks, a BOM, NUL, lone surrogates and characters outside the BMP (`𠀾`, `𝟙`, an emoji).
 */
export const ALPHABET: readonly string[] = [
  '一、', '十二、', '(一)', '（一）', '(十一)', '1.', '１．', '2、', '(3)', '（3）', '①', '㉑', '一是', '第一,', '二是', '第一条',
  '[', ']', '【', '】', '(', ')', '（', '）', '<!--', '-->', '<!-- planlint-disable -->', '<!-- planlint-disable-next-line PL001 -->',
  '|', '｜', '| --- |', '\t', '#', '## ',
  '牵头单位', '牽頭單位', '责任单位', '配合单位', '完成时限', '牵头', '牵头负责', '共同负责', '按职责分工负责', '负责', '参加', '由',
  '此项工作', '市司法局', '市发改委', '市发展和改革委员会', '各区县(市)人民政府', '𠀾市局', '(fā)', '等部门',
  '、', '。', '；', '：', ';', ':', ',', '，', '\n', '\r\n', '\r', '\u2028', '\u00a0', '\u3000', ' ', '\ufeff',
  '\ud800', '\udfff', '\udbff\udfff', '\u0000', '𠀾', '𝟙', '😀', '=cmd', '+1', '-2', '@A', '<b>', '&amp;', '"', "'",
  '2021年6月底前', '2025年12月31日前', '年内', '长期坚持', '每年第一季度', '2021615', '13月', '附件', '序号', '重点工作任务', '实施方案',
];

type Mutation = { at: number; kind: 'insert' | 'delete' | 'replace'; piece: string; length: number };

const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ALPHABET) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom('insert', 'delete', 'replace'),
  piece,
  length: fc.integer({ min: 1, max: 40 }),
});

function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = Math.floor(m.at * out.length);
    if (m.kind === 'insert') out = out.slice(0, at) + m.piece + out.slice(at);
    else if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + m.length);
    else out = out.slice(0, at) + m.piece + out.slice(at + m.piece.length);
  }
  return out;
}

/** A sample with 1–30 random insertions, deletions and replacements. */
export const mutatedSample: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: SAMPLE_TEXTS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 30 }))
  .map(([i, ms]) => mutate(SAMPLE_TEXTS[i]!, ms));

/** Up to 300 plan pieces in any order. */
export const alphabetSoup: fc.Arbitrary<string> = fc.array(piece, { maxLength: 300 }).map((parts) => parts.join(''));

/** Any string of UTF-16 code units, lone surrogates included. */
export const randomString: fc.Arbitrary<string> = fc.string({ unit: 'binary', maxLength: 400 });

/** True when `needle` is a subsequence of `hay` (every character of it, in order). */
export function isSubsequence(needle: string, hay: string): boolean {
  let j = 0;
  for (let i = 0; i < hay.length && j < needle.length; i++) if (hay.charCodeAt(i) === needle.charCodeAt(j)) j++;
  return j === needle.length;
}

/** `text` without the characters inside any of `spans` (spans may overlap). */
export function outside(text: string, spans: readonly { start: number; end: number }[]): string {
  const cut = new Uint8Array(text.length);
  for (const s of spans) for (let i = Math.max(0, s.start); i < Math.min(text.length, s.end); i++) cut[i] = 1;
  let out = '';
  for (let i = 0; i < text.length; i++) if (!cut[i]) out += text[i];
  return out;
}
