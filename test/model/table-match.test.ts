// The table-to-body matcher (model/table-match.ts) against the all-pairs reference: the same matches on random and generated inputs.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldWidth, stripNoise, toSimplified } from '../../server/src/model/text.js';
import { parsePlan } from '../../server/src/model/plan.js';
import { match, normalize, sidesOf, type MatchCandidate, type MatchResult, type MatchRow } from '../../server/src/model/table-match.js';

// ---------------------------------------------------------------------------------------------
// The reference: the three steps of model/table-match.ts's header, every row scored against every task.

/** The reference's result: sets of the matched rows and tasks, and the title pairs. */
interface ReferenceResult {
  rowMatched: Set<number>;
  candMatched: Set<number>;
  titlePairs: [number, number][];
}

function referenceMatch(rows: readonly MatchRow[], cands: readonly MatchCandidate[]): ReferenceResult {
  const result: ReferenceResult = { rowMatched: new Set(), candMatched: new Set(), titlePairs: [] };
  const rowGrams = rows.map((r) => bigrams(r.titleKey));
  const candGrams = cands.map((c) => bigrams(c.titleKey));
  const pairs: { r: number; c: number; score: number }[] = [];
  rows.forEach((row, r) => {
    cands.forEach((cand, c) => {
      const score = titleScore(row.titleKey, cand.titleKey, rowGrams[r]!, candGrams[c]!);
      if (score > 0) pairs.push({ r, c, score });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.r - b.r || a.c - b.c);
  for (const { r, c } of pairs) {
    if (result.rowMatched.has(r) || result.candMatched.has(c)) continue;
    result.rowMatched.add(r);
    result.candMatched.add(c);
    result.titlePairs.push([r, c]);
  }
  const candTextGrams = cands.map((c) => bigrams(c.textKey()));
  const newlyCovered = new Set<number>();
  rows.forEach((row, r) => {
    if (result.rowMatched.has(r)) return;
    let best = -1;
    let bestScore = 0;
    cands.forEach((cand, c) => {
      if (titleScore(row.titleKey, cand.titleKey, rowGrams[r]!, candGrams[c]!) > 0) return;
      const score = coverage(row.titleKey, rowGrams[r]!, cand.textKey(), candTextGrams[c]!);
      const better = score > bestScore || (score > 0 && score === bestScore && cand.item && !(cands[best]?.item ?? false));
      if (better) {
        best = c;
        bestScore = score;
      }
    });
    if (best >= 0) {
      result.rowMatched.add(r);
      newlyCovered.add(best);
    }
  });
  cands.forEach((cand, c) => {
    if (result.candMatched.has(c) || newlyCovered.has(c) || cand.titleKey.length < 4) return;
    if (rows.some((row) => row.textKey().includes(cand.titleKey))) newlyCovered.add(c);
  });
  newlyCovered.forEach((c) => result.candMatched.add(c));
  return result;
}

function titleScore(a: string, b: string, ga: Set<string>, gb: Set<string>): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const contained = short.length >= 4 && long.includes(short) ? 0.6 + (0.4 * short.length) / long.length : 0;
  const d = dice(ga, gb);
  return Math.max(contained, d >= 0.6 ? d : 0);
}

function coverage(title: string, titleGrams: Set<string>, text: string, textGrams: Set<string>): number {
  if (title.length < 4 || text.length === 0) return 0;
  if (text.includes(title)) return 1;
  if (titleGrams.size < 4) return 0;
  let shared = 0;
  for (const g of titleGrams) if (textGrams.has(g)) shared++;
  const share = shared / titleGrams.size;
  return share >= 0.8 ? share : 0;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

// ---------------------------------------------------------------------------------------------

/** A result as plain data, for deepEqual: the matched indices ascending, the pairs as [row, task]. */
function plain(r: MatchResult) {
  const indices = (flags: Uint8Array) => [...flags.keys()].filter((i) => flags[i] === 1);
  const pairs: [number, number][] = [];
  for (let i = 0; i < r.titlePairs.length; i += 2) pairs.push([r.titlePairs[i]!, r.titlePairs[i + 1]!]);
  return { rows: indices(r.rowMatched), cands: indices(r.candMatched), pairs };
}

function plainReference(r: ReferenceResult) {
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
  return { rows: sorted(r.rowMatched), cands: sorted(r.candMatched), pairs: r.titlePairs };
}

function same(rows: readonly MatchRow[], cands: readonly MatchCandidate[]): void {
  assert.deepEqual(plain(match(rows, cands)), plainReference(referenceMatch(rows, cands)));
}

const row = (titleKey: string, text = titleKey): MatchRow => ({ titleKey, textKey: () => text });
const cand = (titleKey: string, text = titleKey, item = false): MatchCandidate => ({ titleKey, item, textKey: () => text });

/** Few characters, so that titles share bigrams, contain each other and repeat characters. */
const word = (max: number) => fc.array(fc.constantFrom('推', '进', '行', '政', '执', '法'), { maxLength: max }).map((a) => a.join(''));

/** Chinese numerals up to 99, for `（十二）` markers. */
function cn(n: number): string {
  const d = '〇一二三四五六七八九';
  if (n < 10) return d[n]!;
  return (n >= 20 ? d[Math.floor(n / 10)]! : '') + '十' + (n % 10 ? d[n % 10]! : '');
}

describe('table matching (against the all-pairs reference)', () => {
  it('matches like the reference on random titles and texts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: word(8).filter((t) => t.length > 0), extra: word(10), before: fc.boolean() }), { maxLength: 12 }),
        fc.array(fc.record({ title: word(8), extra: word(16), item: fc.boolean() }), { maxLength: 12 }),
        (rs, cs) => {
          const rows = rs.map((r) => row(r.title, r.before ? r.extra + r.title : r.title + r.extra));
          const cands = cs.map((c) => cand(c.title, c.title + c.extra, c.item));
          same(rows, cands);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('matches like the reference when texts restate other titles', () => {
    fc.assert(
      fc.property(
        fc.array(word(7), { minLength: 1, maxLength: 10 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 10 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 10 }),
        (pool, cs, rs) => {
          const pick = (i: number) => pool[i % pool.length]!;
          const cands = cs.map(([a, b, item]) => cand(pick(a), pick(a) + pick(b) + pick(a + b), item));
          const rows = rs.map(([a, b]) => row(pick(a) || '行', pick(b) + pick(a))).filter((r) => r.titleKey.length > 0);
          same(rows, cands);
        },
      ),
      { numRuns: 800 },
    );
  });

  it('takes titles with equal bigram sets as equal, in row order, like the reference', () => {
    // `推进推进` and `进推进推` share the bigrams {推进, 进推}: Dice 1, as good as equal titles.
    same([row('进推进推'), row('推进推进')], [cand('推进推进'), cand('进推进推')]);
    assert.deepEqual(plain(match([row('进推进推'), row('推进推进')], [cand('推进推进'), cand('进推进推')])).pairs, [
      [0, 0],
      [1, 1],
    ]);
  });

  it('matches like the reference when one run meets more code units than bigram numbering holds', function () {
    this.timeout(30000);
    // A first row whose title holds ~38,000 distinct code units (besides 推 and 进) is looked at first and
    // uses up the 32,767 numbers: the other titles' bigrams then take the exact fallback key, some (推进)
    // between two numbered units, others between a numbered and an unnumbered one, most between two unnumbered.
    const alphabet = new Set('推进行政执法');
    const units: string[] = ['推', '进'];
    for (const [from, to] of [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xac00, 0xd7a3]] as const) {
      for (let code = from; code <= to; code++) if (!alphabet.has(String.fromCharCode(code))) units.push(String.fromCharCode(code));
    }
    const filler = units.join('');
    assert.ok(filler.length > 0x8000);
    fc.assert(
      fc.property(
        fc.array(word(8).filter((t) => t.length > 0), { maxLength: 8 }),
        fc.array(fc.record({ title: word(8), extra: word(8) }), { maxLength: 8 }),
        (rs, cs) => {
          const rows = [row(filler), ...rs.map((t) => row(t))];
          const cands = cs.map((c) => cand(c.title, c.title + c.extra));
          same(rows, cands);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('matches like the reference on generated plans with a task table', () => {
    const phrase = fc.array(fc.constantFrom('推进', '行政', '执法', '完善', '清单', '制度', '监督', '改革', '服务', '公示'), { minLength: 1, maxLength: 4 });
    let compared = 0;
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: phrase, items: fc.array(phrase, { maxLength: 3 }), lead: fc.boolean() }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.record({ title: phrase, cell: fc.array(phrase, { maxLength: 2 }) }), { minLength: 1, maxLength: 12 }),
        (body, table) => {
          const lines = ['江宁市法治政府建设工作方案', '', '一、重点任务', ''];
          body.forEach((b, i) => {
            const items = b.items.map((p, k) => `${cn(k + 1)}是${p.join('')}`).join('；');
            lines.push(`（${cn(i + 1)}）${b.title.join('')}。${items}${items ? '。' : ''}${b.lead ? '[牵头单位:市司法局]' : ''}`, '');
          });
          lines.push('附件：重点任务分解表', '', '| 序号 | 重点工作任务 | 牵头单位 | 完成时限 |', '| --- | --- | --- | --- |');
          table.forEach((t, i) => lines.push(`| ${i + 1} | ${[t.title, ...t.cell].map((p) => p.join('')).join('，')} | 市司法局 | 2024年底前 |`));
          const sides = sidesOf(parsePlan(lines.join('\n') + '\n'));
          if (!sides) return;
          compared++;
          same(sides.tableRows, sides.candidates);
        },
      ),
      { numRuns: 150 },
    );
    assert.ok(compared > 120, `only ${compared} of 150 generated plans had both a table and body tasks`);
  });
});

describe('table matching: normalize', () => {
  it('equals folding width and script, stripping noise, then removing punctuation, symbols and spaces', () => {
    const reference = (t: string) => toSimplified(foldWidth(stripNoise(t))).replace(/[\s\p{P}\p{S}]/gu, '');
    const piece = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom('發(fā)', '（ｚｈè）', '政務', '１２', '　', '\u00a0', '＋', '“', '。', '😀', '\ud83d', '\ude00', '𠀀', 'a b', '(1)'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        assert.equal(normalize(text), reference(text));
      }),
      { numRuns: 1000 },
    );
  });
});
