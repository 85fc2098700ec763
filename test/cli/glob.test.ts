// Tests for the command-line glob matcher and the splitting of a pattern into its folder and the rest.
import assert from 'node:assert/strict';
import { globToRegExp, hasMagic, splitPattern } from '../../server/src/cli/glob.js';

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

describe('globToRegExp', () => {
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
