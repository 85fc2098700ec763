// The lint engine's helpers that replaced simpler code for speed: message templates and directive ranges, against that code.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { coverOf } from '../../server/src/model/ranges.js';
import { format } from '../../server/src/lint/rule.js';

describe('lint engine helpers', () => {
  it('format fills placeholders as a regular-expression replace does', () => {
    const reference = (template: string, data: Record<string, string | number>) =>
      template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
    const piece = fc.constantFrom('{a}', '{b}', '{ab}', '{constructor}', '{', '}', '{}', '{{a}}', '任务', '$&', '$1', 'x');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 10 }).map((p) => p.join('')),
        fc.dictionary(fc.constantFrom('a', 'b', 'ab', 'c'), fc.oneof(fc.string(), fc.integer(), fc.constantFrom('$&', '{a}'))),
        (template, data) => {
          assert.equal(format(template, data), reference(template, data));
          assert.equal(format(template, data), reference(template, data), 'again, from the compiled template');
        },
      ),
      { numRuns: 2000 },
    );
    assert.equal(format('第{n}项，{missing}'), '第{n}项，{missing}');
  });

  it('coverOf finds a range holding a point as testing every range does', () => {
    const bound = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constant(Number.NaN));
    const range = fc.tuple(bound, bound, fc.boolean(), fc.boolean()).map(([a, b, open, swapped]) => ({
      from: swapped ? Math.max(a, b) : Math.min(a, b),
      to: open ? Infinity : swapped ? Math.min(a, b) : Math.max(a, b),
    }));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 8 }), (list) => {
        const covers = coverOf(list);
        for (let p = -1; p <= 42; p++) assert.equal(covers(p), list.some((r) => p >= r.from && p < r.to), `point ${p}`);
      }),
      { numRuns: 2000 },
    );
  });
});
