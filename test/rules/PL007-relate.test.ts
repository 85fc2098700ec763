// PL007's search for related units against the all-pairs reference it replaced: the same partners for every key, at any size.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { UnitEntry } from '../../server/src/lint/rule.js';
import { unitKey } from '../../server/src/model/text.js';
import type { UnitMention } from '../../server/src/model/types.js';
import { isAbbreviation, isOneCharVariant, linkShortForms } from '../../server/src/model/units.js';
import { groupByKey, indexUnits, ranked, relate, type KeyGroup, type Partner, type Relation } from '../../server/src/rules/PL007-unit-inconsistent.js';
import { lint } from '../helpers/lint.js';

// ---------------------------------------------------------------------------------------------
// The reference: every pair of distinct keys compared (what the buckets and, before, the 200,000-pair budget
// cut down), linked as the rule links them: to the better-known or more used key, never two known keys.

function referenceRelate(groups: KeyGroup[]): Map<KeyGroup, Partner[]> {
  const out = new Map<KeyGroup, Partner[]>();
  const known = (g: KeyGroup) => g.configuredName || g.aliasOf.length === 1;
  const score = (g: KeyGroup) => [known(g) ? 1 : 0, g.mentions.length, g.key.length, -g.first];
  const rank = (a: KeyGroup, b: KeyGroup) => {
    const x = score(a);
    const y = score(b);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return 0;
  };
  const link = (a: KeyGroup, b: KeyGroup, relation: Relation) => {
    const [minor, major] = rank(a, b) < 0 ? [a, b] : [b, a];
    if (known(minor)) return;
    out.set(minor, [...(out.get(minor) ?? []), { group: major, relation }]);
  };
  const nodes = groups.filter((g) => g.key.length >= 3 && !/各|相关|有关/.test(g.key) && g.aliasOf.length <= 1);
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i]!;
      const b = nodes[j]!;
      if (isAbbreviation(a.key, b.key)) link(a, b, 'abbreviation');
      if (isOneCharVariant(a.key, b.key)) link(a, b, 'typo');
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/** Mentions of `names`, one after another, as the model would give them. */
function mentionsOf(names: string[]): UnitMention[] {
  let at = 0;
  return names.map((name) => {
    const span = { start: at, end: at + name.length };
    at += name.length + 1;
    return { name, key: unitKey(name), role: 'lead', span, range: { start: { line: 0, character: span.start }, end: { line: 0, character: span.end } } };
  });
}

/** Each group's partners as the findings use them (ranked: the relation to the best, the names), by key. */
function partnersByKey(groups: KeyGroup[], related: Map<KeyGroup, Partner[]>) {
  return groups.map((g) => [g.key, ranked(related.get(g))] as const);
}

function same(names: string[], units: UnitEntry[] = []): void {
  const groups = groupByKey(mentionsOf(names), indexUnits(units));
  assert.deepEqual(partnersByKey(groups, relate(groups)), partnersByKey(groups, referenceRelate(groups)));
}

/**
 * Unit names from few parts, so that they abbreviate each other, differ by a character that sounds alike,
 * hold filler (`人民` `政府` `和`), branches (`分`), collective words (`各` `有关`) and endings that shorten.
 */
const part = fc.constantFrom('发', '展', '改', '革', '法', '制', '治', '政', '正', '府', '人民', '和', '公', '工', '安', '分', '各', '有关', '市', '委', '办', '局');
const ending = fc.constantFrom('局', '委', '委员会', '办', '办公室', '办公厅', '人民政府', '政府', '协会', '联合会', '');
const unitName = fc
  .tuple(fc.constantFrom('市', '区', '县', '市政府', '市人民政府'), fc.array(part, { maxLength: 5 }), ending)
  .map(([head, middle, end]) => head + middle.join('') + end);

describe('PL007 related units (against the all-pairs reference)', () => {
  it('finds the partners of every key as comparing every pair does', () => {
    fc.assert(
      fc.property(fc.array(unitName, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 40 }), (names, repeats) => {
        // Some names more than once, so that the better-used key differs from the longer one.
        const written = names.flatMap((n, i) => Array.from({ length: 1 + ((repeats[i] ?? 0) % 3) }, () => n));
        same(written);
      }),
      { numRuns: 1500 },
    );
  });

  it('finds them as comparing every pair does with a unit list (names and aliases)', () => {
    fc.assert(
      fc.property(
        fc.array(unitName, { maxLength: 30 }),
        fc.array(fc.record({ name: unitName, aliases: fc.array(unitName, { maxLength: 2 }) }), { maxLength: 6 }),
        (names, units) => same([...names, ...units.slice(0, 2).map((u) => u.name)], units),
      ),
      { numRuns: 800 },
    );
  });

  it('links short forms in the order of comparing every pair', () => {
    // The call order decides the partners' order before ranking: it must be the all-pairs loop's. On keys
    // whose endings are shortened already and both at least 3 long, isAbbreviation is the test proper.
    const shortens = (s: string, l: string) => isAbbreviation(s, l, s, l);
    fc.assert(
      fc.property(fc.array(fc.array(part, { maxLength: 6 }), { maxLength: 40 }), (middles) => {
        // A bucket: one first and one last character, sorted by length (as the rule sorts it).
        const shorts = [...new Set(middles.map((m) => '市' + m.join('') + '局'))].sort((a, b) => a.length - b.length);
        const list = shorts.map((short) => ({ short }));
        const fast: [number, number][] = [];
        linkShortForms(list, (i, j) => fast.push([i, j]));
        const slow: [number, number][] = [];
        for (let i = 0; i < list.length; i++) {
          for (let j = i + 1; j < list.length; j++) {
            if (shorts[j]!.length > shorts[i]!.length && shorts[i]!.length >= 3 && shortens(shorts[i]!, shorts[j]!)) slow.push([i, j]);
          }
        }
        assert.deepEqual(
          fast.filter(([i]) => shorts[i]!.length >= 3),
          slow,
        );
      }),
      { numRuns: 800 },
    );
  });

  it('finds the same abbreviation in a plan with thousands of names as in a small one (no pair budget)', () => {
    // 700 distinct names of 4 to 9 characters in one bucket (`市…局`) come first: comparing each with the
    // longer ones is over 200,000 pairs, which used up the old budget, and `市法制办` then went unreported.
    const filler = (i: number) => {
      let name = '市';
      for (let k = 0; k <= i % 6; k++) name += String.fromCharCode(0x4e00 + ((i * 7 + k * 1013) % 20000));
      return name + '局';
    };
    const planOf = (n: number) => {
      const lines = ['青岚市2024年度工作要点', '', '一、主要任务', ''];
      for (let i = 0; i < n; i++) lines.push(`（${i + 1}）推进第${i + 1}项工作。【牵头单位：${filler(i)}；完成时限：2024年底前】`, '');
      lines.push(`（${n + 1}）推进法治工作。【牵头单位：市政府法制办；责任单位：市法制办；完成时限：2024年底前】`, '');
      return lines.join('\n');
    };
    const found = (text: string) =>
      lint(text, { ruleId: 'PL007' })
        .filter((d) => d.message.includes('市法制办'))
        .map((d) => d.message);
    const expected = ['“市法制办”与“市政府法制办”可能是同一单位的简称和全称，建议统一写作“市政府法制办”'];
    assert.deepEqual(found(planOf(5)), expected);
    assert.deepEqual(found(planOf(700)), expected);
  });
});
