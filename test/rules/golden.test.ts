// Rule golden tests: every fixture under test/rules/fixtures/<id>-<name>/ beside its expected diagnostics and fixed text.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanlintConfig } from '../../server/src/config/config.js';
import { applyFixesUntilStable } from '../../server/src/lint/fixes.js';
import type { Fix } from '../../server/src/lint/types.js';
import { allRules } from '../../server/src/rules/index.js';
import { expectGolden } from '../helpers/golden.js';
import { coveredText, diagnosticLines, lint } from '../helpers/lint.js';
import { RULE_FIXTURES } from '../helpers/paths.js';

const isFixture = (name: string) => /\.plan(\.txt|\.md)?$/.test(name);

function fixesOf(text: string, ruleId: string, config?: PlanlintConfig): Fix[] {
  return lint(text, { ruleId, ...(config ? { config } : {}) })
    .map((d) => d.fix)
    .filter((f): f is Fix => f !== undefined);
}

describe('rule fixtures', () => {
  it('show the text each diagnostic covers on one line: breaks escaped, a long span cut in the middle', () => {
    const text = '一、甲\r\n（一）乙\t丙\\丁𠀾' + '字'.repeat(50) + '尾';
    assert.equal(coveredText(text, { start: 0, end: 2 }), '一、');
    assert.equal(coveredText(text, { start: 2, end: 15 }), '甲\\r\\n（一）乙\\t丙\\\\丁𠀾');
    assert.equal(coveredText(text, { start: 3, end: 3 }), '');
    assert.equal(coveredText(text, { start: 5, end: text.length }), '（一）乙\\t丙\\\\丁𠀾' + '字'.repeat(15) + '…' + '字'.repeat(11) + '尾');
  });

  for (const rule of allRules) {
    const folder = join(RULE_FIXTURES, `${rule.id}-${rule.name}`);
    describe(`${rule.id} ${rule.name}`, () => {
      it('has a fixture folder with valid and invalid plans', () => {
        assert.ok(existsSync(folder), `missing ${folder}`);
        const names = readdirSync(folder).filter(isFixture);
        assert.ok(names.some((n) => n.startsWith('valid')), 'needs a valid-*.plan fixture');
        assert.ok(names.some((n) => n.startsWith('invalid')), 'needs an invalid-*.plan fixture');
      });
      if (!existsSync(folder)) return;
      for (const name of readdirSync(folder).filter(isFixture).sort()) {
        const file = join(folder, name);
        const configFile = `${file}.config.json`;
        const config = existsSync(configFile) ? (JSON.parse(readFileSync(configFile, 'utf8')) as PlanlintConfig) : undefined;
        it(`${name}: diagnostics match ${name}.diagnostics`, () => {
          const text = readFileSync(file, 'utf8');
          const diagnostics = lint(text, { ruleId: rule.id, ...(config ? { config } : {}) });
          if (name.startsWith('valid')) assert.deepEqual(diagnosticLines(diagnostics, text), '', 'a valid fixture has no findings');
          else assert.ok(diagnostics.length > 0, 'an invalid fixture has findings');
          expectGolden(`${file}.diagnostics`, diagnosticLines(diagnostics, text) + '\n');
        });
        if (rule.fixable !== 'safe' || !name.startsWith('invalid')) continue;
        it(`${name}: --fix gives ${name}.fixed, leaves nothing fixable and is idempotent`, () => {
          const text = readFileSync(file, 'utf8');
          if (fixesOf(text, rule.id, config).length === 0) return assert.ok(!existsSync(`${file}.fixed`), 'no fix offered, but a .fixed file exists');
          const fixed = applyFixesUntilStable(text, (t) => fixesOf(t, rule.id, config)).text;
          assert.notEqual(fixed, text);
          expectGolden(`${file}.fixed`, fixed);
          assert.deepEqual(fixesOf(fixed, rule.id, config), [], 'fixed text still has fixable findings');
          assert.equal(applyFixesUntilStable(fixed, (t) => fixesOf(t, rule.id, config)).text, fixed, 'fixing twice changed the text');
        });
      }
    });
  }
});
