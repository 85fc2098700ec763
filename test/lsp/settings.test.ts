// The client's planlint.* settings as configuration: the Settings UI's deadline and period options reach the rules.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../../server/src/config/config.js';
import { readSettings } from '../../server/src/lsp/settings.js';
import { ROOT } from '../helpers/paths.js';

/** What VS Code sends for `workspace/configuration` section `planlint` with every setting at its default. */
const DEFAULTS = {
  locale: 'auto',
  files: [],
  rules: {},
  units: [],
  deadline: { inheritFromSection: true, planPeriodSatisfies: false },
  period: { start: null, end: null },
  trace: { server: 'off' },
};

describe('settings from the client', () => {
  it('package.json offers the deadline and period options in the Settings UI, described in both languages', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { default: unknown; markdownDescription: string }> } } };
    const props = pkg.contributes.configuration.properties;
    for (const [key, value] of Object.entries({ 'planlint.deadline.inheritFromSection': true, 'planlint.deadline.planPeriodSatisfies': false, 'planlint.period.start': null, 'planlint.period.end': null })) {
      assert.ok(props[key], key);
      assert.equal(props[key]!.default, value, key);
      for (const nls of ['package.nls.json', 'package.nls.zh-cn.json']) {
        const strings = JSON.parse(readFileSync(join(ROOT, nls), 'utf8')) as Record<string, string>;
        assert.ok(strings[props[key]!.markdownDescription.replace(/%/g, '')], `${nls} describes ${key}`);
      }
    }
  });

  it('every option at its default: a valid layer that changes nothing', () => {
    const { layer, problems } = readSettings(DEFAULTS);
    assert.deepEqual(problems, []);
    assert.equal(layer.period, undefined, 'an empty period is no period');
    const config = resolveConfig([layer]);
    assert.deepEqual(config.deadline, { inheritFromSection: true, planPeriodSatisfies: false });
    assert.equal(config.period, null);
  });

  it('ticked and filled in: the plan period counts for every task, the period is the one given', () => {
    const { layer, problems } = readSettings({ ...DEFAULTS, deadline: { inheritFromSection: false, planPeriodSatisfies: true }, period: { start: 2021, end: 2025 } });
    assert.deepEqual(problems, []);
    const config = resolveConfig([layer]);
    assert.deepEqual(config.deadline, { inheritFromSection: false, planPeriodSatisfies: true });
    assert.deepEqual(config.period, { start: 2021, end: 2025 });
  });

  it('one year filled in: an annual plan', () => {
    assert.deepEqual(resolveConfig([readSettings({ ...DEFAULTS, period: { start: 2024, end: null } }).layer]).period, { start: 2024, end: 2024 });
    assert.deepEqual(resolveConfig([readSettings({ ...DEFAULTS, period: { start: null, end: 2023 } }).layer]).period, { start: 2023, end: 2023 });
  });

  it('a bad period is reported, and the valid settings still apply', () => {
    const { layer, problems } = readSettings({ ...DEFAULTS, deadline: { inheritFromSection: true, planPeriodSatisfies: true }, period: { start: 2025, end: 2021 } });
    assert.ok(problems.length > 0);
    assert.equal(resolveConfig([layer]).deadline.planPeriodSatisfies, true);
  });
});
