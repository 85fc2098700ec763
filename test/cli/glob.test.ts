// Tests for the command-line glob matcher and the splitting of a pattern into its folder and the rest.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileGlob as globToRegExp, hasMagic, splitPattern } from '../../server/src/cli/glob.js';
import { referenceGlobToRegExp } from './glob-reference.js';

function matches(glob: string, paths: string[]): string[] {
  const re = globToRegExp(glob);
  return paths.filter((p) => re.test(p));
}

const TREE = [
  'a.plan',
  'b.plan.txt',
  'c.md',
  '.hidden.plan',
  'docs/x.plan',
  'docs/deep/y.plan.md',
  'docs/.git/z.plan',
  'other/w.plan',
  '计划/实施方案.plan',
];

describe('compileGlob', () => {
  it('`*` stays within a segment and skips hidden files', () => {
    assert.deepEqual(matches('*.plan', TREE), ['a.plan']);
    assert.deepEqual(matches('*.plan*', TREE), ['a.plan', 'b.plan.txt']);
  });

  it('`**` spans any number of segments, including none', () => {
    assert.deepEqual(matches('**/*.plan', TREE), ['a.plan', 'docs/x.plan', 'other/w.plan', '计划/实施方案.plan']);
    assert.deepEqual(matches('docs/**/*.plan*', TREE), ['docs/x.plan', 'docs/deep/y.plan.md']);
    assert.deepEqual(matches('docs/**', TREE), ['docs/x.plan', 'docs/deep/y.plan.md']);
  });

  it('`?` is one character, CJK included', () => {
    assert.deepEqual(matches('?.plan', TREE), ['a.plan']);
    assert.deepEqual(matches('计划/????.plan', TREE), ['计划/实施方案.plan']);
  });

  it('`{a,b}` alternatives, nested', () => {
    assert.deepEqual(matches('{docs,other}/*.plan', TREE), ['docs/x.plan', 'other/w.plan']);
    assert.deepEqual(matches('*.{plan,md}', TREE), ['a.plan', 'c.md']);
    assert.deepEqual(matches('{a,b.plan.{txt,md}}*', TREE), ['a.plan', 'b.plan.txt']);
  });

  it('character classes, negated classes and escapes', () => {
    assert.deepEqual(matches('[ab].plan*', TREE), ['a.plan', 'b.plan.txt']);
    assert.deepEqual(matches('[!a].plan*', TREE), ['b.plan.txt']);
    assert.deepEqual(matches('[a-b].plan', TREE), ['a.plan']);
    assert.ok(globToRegExp('\\*.plan').test('*.plan'));
    assert.ok(!globToRegExp('\\*.plan').test('a.plan'));
  });

  it('regular-expression characters are literal', () => {
    assert.ok(globToRegExp('a+(b).plan').test('a+(b).plan'));
    assert.ok(!globToRegExp('a.plan').test('aXplan'));
    assert.ok(globToRegExp('[').test('['), 'an unclosed class is a literal');
    assert.ok(globToRegExp('{a').test('{a'), 'an unclosed brace is a literal');
  });

  it('ignores case when asked', () => {
    assert.ok(globToRegExp('*.PLAN', { ignoreCase: true }).test('a.plan'));
    assert.ok(globToRegExp('[A-C].plan', { ignoreCase: true }).test('b.plan'));
    assert.ok(!globToRegExp('*.PLAN').test('a.plan'));
  });

  it('many stars against a long name: the right answers (that the cost is linear is measured in test/perf)', () => {
    const glob = globToRegExp('*a*a*a*a*a*a*a*a*a*a*a*a*ab');
    assert.equal(glob.test('a'.repeat(5000)), false);
    assert.equal(glob.test('a'.repeat(5000) + 'b'), true);
    assert.equal(globToRegExp('{*a,*a}{*a,*a}{*a,*a}{*a,*a}{*a,*a}b').test('a'.repeat(2000)), false);
  });

  it('agrees with the regular-expression reference on random globs and paths', () => {
    const globChar = fc.constantFrom('a', 'b', '.', '/', '*', '**', '?', '[ab]', '[!a]', '[a-b]', '{', '}', ',', '\\*', '计', 'A');
    const pathChar = fc.constantFrom('a', 'b', '.', '/', '*', '计', 'A', 'c');
    fc.assert(
      fc.property(fc.array(globChar, { maxLength: 10 }), fc.array(fc.array(pathChar, { maxLength: 12 }).map((a) => a.join('')), { minLength: 1, maxLength: 6 }), fc.boolean(), (parts, paths, ignoreCase) => {
        const glob = parts.join('');
        const reference = referenceGlobToRegExp(glob, { ignoreCase });
        const linear = globToRegExp(glob, { ignoreCase });
        for (const p of paths) assert.equal(linear.test(p), reference.test(p), `${JSON.stringify(glob)} on ${JSON.stringify(p)}`);
      }),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 300) * 3 },
    );
  });
});

describe('splitPattern', () => {
  it('takes the folders without glob syntax as the base', () => {
    assert.deepEqual(splitPattern('samples/**/*.plan*', false), { base: 'samples', rest: '**/*.plan*' });
    assert.deepEqual(splitPattern('./samples/*.plan', false), { base: 'samples', rest: '*.plan' });
    assert.deepEqual(splitPattern('../shared/seeds/000_*.txt', false), { base: '../shared/seeds', rest: '000_*.txt' });
    assert.deepEqual(splitPattern('*.plan', false), { base: '.', rest: '*.plan' });
    assert.deepEqual(splitPattern('/abs/dir/*.plan', false), { base: '/abs/dir', rest: '*.plan' });
    assert.deepEqual(splitPattern('/*.plan', false), { base: '/', rest: '*.plan' });
  });

  it('reads backslashes as separators on Windows', () => {
    assert.deepEqual(splitPattern('C:\\plans\\*.plan', true), { base: 'C:/plans', rest: '*.plan' });
  });

  it('hasMagic', () => {
    assert.equal(hasMagic('samples/a.plan'), false);
    assert.equal(hasMagic('samples/*.plan'), true);
    assert.equal(hasMagic('{a,b}'), true);
  });
});
