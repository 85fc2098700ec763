// Tests for the config shape: the schema, its generated validator and RULE_NAMES, validation messages, merging of layers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import AjvModule from 'ajv';
import {
  DEFAULT_NON_TASK_SECTIONS,
  SUPPORTED_SCHEMA_KEYWORDS,
  didYouMean,
  formatConfigPath,
  formatConfigProblem,
  parseConfigPath,
  resolveConfig,
  validateConfig,
  validateUnitList,
  type ConfigProblem,
  type PlanlintConfig,
} from '../../server/src/config/config.js';
import { RULE_KEY_TO_ID, RULE_NAMES } from '../../server/src/config/rule-names.js';
import CONFIG_SCHEMA from '../../server/src/config/schema.json' with { type: 'json' };
import { ROOT } from '../helpers/paths.js';

const FILE = '/proj/.planlintrc.json';

/** Validates and returns the problems, checking the invariants every result keeps. */
function problemsOf(raw: unknown): ConfigProblem[] {
  const r = validateConfig(raw, FILE);
  assert.equal(r.config === null, r.problems.length > 0, 'config is null exactly when there are problems');
  for (const p of r.problems) {
    assert.equal(p.file, FILE);
    assert.ok(p.message.length > 0 && p.messageEn.length > 0);
    assert.match(p.message, /[\u4e00-\u9fff]/, `zh message has Chinese: ${p.message}`);
  }
  return r.problems;
}

/** The one problem at `path`. */
function problemAt(raw: unknown, path: string): ConfigProblem {
  const ps = problemsOf(raw).filter((p) => p.path === path);
  assert.equal(ps.length, 1, `one problem at ${path}, got ${JSON.stringify(problemsOf(raw))}`);
  return ps[0];
}

function makeAjv(): import('ajv').default {
  const ajv = new AjvModule.default({ allErrors: true, strict: true, strictTuples: false });
  ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
  return ajv;
}

describe('RULE_NAMES and the schema', () => {
  it('lists PL001–PL012 once each, with unique names', () => {
    assert.deepEqual(
      RULE_NAMES.map(([id]) => id),
      Array.from({ length: 12 }, (_, i) => `PL${String(i + 1).padStart(3, '0')}`),
    );
    assert.equal(new Set(RULE_NAMES.map(([, n]) => n)).size, RULE_NAMES.length);
    for (const [, name] of RULE_NAMES) assert.match(name, /^[a-z]+(-[a-z]+)+$/);
  });

  it('keys the schema rules by exactly the ids and names of RULE_NAMES', () => {
    const keys = Object.keys(CONFIG_SCHEMA.properties?.rules?.properties ?? {}).sort();
    assert.deepEqual(keys, RULE_NAMES.flat().sort());
    assert.equal(RULE_KEY_TO_ID.get('deadline-missing'), 'PL002');
    assert.equal(RULE_KEY_TO_ID.get('PL002'), 'PL002');
  });

  it('is a draft-07 schema that ajv compiles in strict mode', () => {
    assert.equal(CONFIG_SCHEMA.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.doesNotThrow(() => makeAjv().compile(CONFIG_SCHEMA));
  });

  it('uses only keywords whose failures have messages of their own', () => {
    const walk = (n: unknown, at: string, inProperties: boolean): void => {
      if (!n || typeof n !== 'object') return;
      for (const [k, v] of Object.entries(n)) {
        if (!inProperties) assert.ok(SUPPORTED_SCHEMA_KEYWORDS.has(k), `unsupported keyword ${k} at ${at}`);
        if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}/${k}/${i}`, false));
        else walk(v, `${at}/${k}`, !inProperties && (k === 'properties' || k === 'definitions'));
      }
    };
    walk(CONFIG_SCHEMA, '#', false);
  });

  it('is compiled into schema-validator.ts as it is now (npm run schema)', async () => {
    const generator = (await import(pathToFileURL(join(ROOT, 'scripts/config-validator.js')).href)) as { validatorSource(): string };
    const committed = readFileSync(join(ROOT, 'server/src/config/schema-validator.ts'), 'utf8');
    assert.ok(committed === generator.validatorSource(), 'server/src/config/schema-validator.ts is stale: run npm run schema');
  });

  it('writes every title, description and errorMessage as "中文 / English"', () => {
    const texts: string[] = [];
    const walk = (n: unknown): void => {
      if (!n || typeof n !== 'object') return;
      for (const [k, v] of Object.entries(n)) {
        if ((k === 'title' || k === 'description' || k === 'errorMessage') && typeof v === 'string') texts.push(v);
        else walk(v);
      }
    };
    walk(CONFIG_SCHEMA);
    assert.ok(texts.length > 30);
    for (const t of texts) {
      const [zh, en] = t.split(' / ', 2);
      assert.ok(en !== undefined, `no " / " in ${t}`);
      assert.match(zh, /[\u4e00-\u9fff]/, t);
      // English, except Chinese quoted in backticks (`1、`).
      assert.match(en.replace(/`[^`]*`/g, ''), /^[\x20-\x7e…–]+$/, t);
    }
  });
});

describe('validateConfig agrees with ajv on the schema', () => {
  const ajvValidate = makeAjv().compile(CONFIG_SCHEMA);
  const agree = (raw: unknown): void => {
    const ours = validateConfig(raw, FILE);
    // validateConfig adds two checks the schema cannot express; leave those inputs out.
    const semantic = ours.problems.some((p) => /set twice|is after the last year/.test(p.messageEn));
    if (semantic) return;
    assert.equal(ours.problems.length === 0, ajvValidate(raw), `${JSON.stringify(raw)}: ours ${JSON.stringify(ours.problems)} ajv ${JSON.stringify(ajvValidate.errors)}`);
  };

  const samples: unknown[] = [
    {},
    { locale: 'en' },
    { locale: 'fr' },
    { rules: { PL001: 'off', 'deadline-missing': ['warning', { x: 1 }], PL003: ['info'] } },
    { rules: { PL001: [] } },
    { rules: { PL001: ['error', {}, 1] } },
    { rules: { PL001: ['error', []] } },
    { rules: { PL001: ['error', null] } },
    { rules: { PL001: 2 } },
    { rules: { PL999: 'off' } },
    { rules: [] },
    { units: [{ name: '市司法局', aliases: ['司法局'] }] },
    { units: [{ name: '' }] },
    { units: [{ name: 'a', aliases: [''] }] },
    { units: [{ aliases: ['a'] }] },
    { units: [{ name: 'a', extra: 1 }] },
    { units: {} },
    { unitsFile: 'units.txt' },
    { unitsFile: '' },
    { nonTaskSections: ['保障措施'], extraNonTaskSections: ['附则'] },
    { nonTaskSections: [1] },
    { deadline: { inheritFromSection: false, planPeriodSatisfies: true } },
    { deadline: { inheritFromSection: 'no' } },
    { deadline: { inherit: true } },
    { period: 2021 },
    { period: 2021.5 },
    { period: 1800 },
    { period: { start: 2021, end: 2025 } },
    { period: { start: 2021 } },
    { period: { start: 2021, end: 2025, step: 1 } },
    { period: '2021' },
    { files: ['**/*.plan'] },
    { files: '**/*.plan' },
    { $schema: './node_modules/planlint/schema.json' },
    { unknown: true },
    [],
    null,
    'text',
    42,
  ];

  it('on hand-picked valid and invalid configs', () => {
    for (const s of samples) agree(s);
  });

  it('on generated configs', () => {
    const severity = fc.constantFrom('error', 'warning', 'info', 'off', 'warn', 'ERROR', '');
    const ruleKey = fc.constantFrom(...RULE_NAMES.flat(), 'PL012', 'pl001', 'deadline');
    const anyJson = fc.jsonValue({ maxDepth: 2 });
    const setting = fc.oneof(severity, fc.tuple(severity), fc.tuple(severity, fc.oneof(fc.dictionary(fc.string(), anyJson, { maxKeys: 2 }), anyJson)), anyJson);
    const year = fc.oneof(fc.integer({ min: 1890, max: 2210 }), fc.double(), fc.constant('2021'));
    const unit = fc.oneof(
      fc.record({ name: fc.string({ maxLength: 3 }), aliases: fc.array(fc.string({ maxLength: 2 }), { maxLength: 2 }) }, { requiredKeys: ['name'] }),
      anyJson,
    );
    const config = fc.record(
      {
        locale: fc.oneof(fc.constantFrom('zh-CN', 'en', 'zh'), anyJson),
        rules: fc.oneof(fc.dictionary(ruleKey, setting, { maxKeys: 4 }), anyJson),
        units: fc.oneof(fc.array(unit, { maxLength: 3 }), anyJson),
        unitsFile: fc.oneof(fc.string({ maxLength: 4 }), anyJson),
        nonTaskSections: fc.oneof(fc.array(fc.string({ maxLength: 2 }), { maxLength: 2 }), anyJson),
        extraNonTaskSections: fc.array(fc.oneof(fc.string({ maxLength: 2 }), anyJson), { maxLength: 2 }),
        deadline: fc.oneof(fc.record({ inheritFromSection: fc.oneof(fc.boolean(), anyJson), planPeriodSatisfies: fc.boolean() }, { requiredKeys: [] }), anyJson),
        period: fc.oneof(year, fc.record({ start: year, end: year }, { requiredKeys: [] }), anyJson),
        files: fc.oneof(fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }), anyJson),
        extra: anyJson,
      },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(config, (c) => agree(c)), { numRuns: 1500 });
  });

  it('never throws, on anything', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const r = validateConfig(x, FILE);
        assert.ok(Array.isArray(r.problems));
      }),
      { numRuns: 500 },
    );
  });
});

describe('validateConfig messages', () => {
  it('accepts a full valid config and returns it', () => {
    const raw: PlanlintConfig = {
      $schema: './schema.json',
      locale: 'en',
      rules: { PL001: 'error', 'deadline-missing': ['warning', { allowOngoing: true }], PL008: 'off' },
      units: [{ name: '市发展和改革委员会', aliases: ['市发改委'] }],
      unitsFile: 'units.txt',
      nonTaskSections: ['指导思想'],
      extraNonTaskSections: ['附则'],
      deadline: { inheritFromSection: false, planPeriodSatisfies: true },
      period: { start: 2021, end: 2025 },
      files: ['docs/**/*.txt'],
    };
    const r = validateConfig(raw, FILE);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.config, raw);
  });

  it('names an unknown rule and suggests the near one', () => {
    const p = problemAt({ rules: { PL099: 'error' } }, 'rules.PL099');
    assert.match(p.message, /未知规则“PL099”.*是否想写“PL009”/);
    assert.match(p.messageEn, /unknown rule "PL099".*did you mean "PL009"\?/);
    assert.match(problemAt({ rules: { 'deadline-mising': 'off' } }, 'rules.deadline-mising').messageEn, /did you mean "deadline-missing"/);
    assert.match(problemAt({ rules: { pl001: 'off' } }, 'rules.pl001').messageEn, /did you mean "PL001"/);
    assert.doesNotMatch(problemAt({ rules: { 'no-such-thing': 'off' } }, 'rules.no-such-thing').messageEn, /did you mean/);
  });

  it('names an unknown key, with "did you mean" for near misses only', () => {
    assert.match(problemAt({ unit: [] }, 'unit').messageEn, /unknown key "unit"; did you mean "units"\?/);
    assert.match(problemAt({ nonTaskSection: [] }, 'nonTaskSection').message, /未知的配置项“nonTaskSection”；是否想写“nonTaskSections”/);
    assert.match(problemAt({ deadline: { inheritFromSections: true } }, 'deadline.inheritFromSections').messageEn, /did you mean "inheritFromSection"/);
    assert.equal(problemAt({ foo: 1 }, 'foo').messageEn, 'unknown key "foo"');
    assert.match(problemAt({ units: [{ name: 'a', alias: ['b'] }] }, 'units[0].alias').messageEn, /did you mean "aliases"/);
  });

  it('rejects a bad severity, suggesting the right one', () => {
    const p = problemAt({ rules: { PL001: 'warn' } }, 'rules.PL001');
    assert.match(p.messageEn, /invalid value "warn"; allowed: "error", "warning", "info", "off"; did you mean "warning"\?/);
    assert.match(p.message, /取值 "warn" 无效/);
    assert.match(problemAt({ rules: { PL001: ['eror', {}] } }, 'rules.PL001[0]').messageEn, /did you mean "error"/);
  });

  it('explains a rule setting of the wrong shape', () => {
    assert.match(problemAt({ rules: { PL001: 2 } }, 'rules.PL001').messageEn, /must be a severity .* or \[severity, options object\]/);
    assert.match(problemAt({ rules: { PL001: ['error', 5] } }, 'rules.PL001[1]').messageEn, /must be an object, got an integer 5/);
    assert.match(problemAt({ rules: { PL001: ['error', {}, {}] } }, 'rules.PL001').messageEn, /at most 2 items/);
    assert.match(problemAt({ rules: { PL001: [] } }, 'rules.PL001').messageEn, /at least 1 item/);
  });

  it('reports wrong types with what was expected and what was found', () => {
    assert.match(problemAt({ units: '市司法局' }, 'units').messageEn, /must be an array, got a string "市司法局"/);
    assert.match(problemAt({ units: '市司法局' }, 'units').message, /应为数组，实际是字符串/);
    assert.match(problemAt({ deadline: { inheritFromSection: 'yes' } }, 'deadline.inheritFromSection').messageEn, /must be a boolean/);
    assert.match(problemAt({ locale: 'fr' }, 'locale').messageEn, /invalid value "fr"; allowed: "zh-CN", "en"/);
    assert.match(problemAt({ locale: 'zh' }, 'locale').messageEn, /did you mean "zh-CN"/);
    assert.match(problemAt({ files: [''] }, 'files[0]').messageEn, /empty string/);
    assert.match(problemAt({ nonTaskSections: '保障措施' }, 'nonTaskSections').messageEn, /must be an array/);
  });

  it('explains a bad period', () => {
    assert.match(problemAt({ period: '2021' }, 'period').messageEn, /must be a year \(e\.g\. 2021\) or \{"start": year, "end": year\}/);
    assert.match(problemAt({ period: 1800 }, 'period').messageEn, /at least 1900/);
    assert.match(problemAt({ period: { start: 2021 } }, 'period').messageEn, /missing required key "end"/);
    assert.match(problemAt({ period: { start: 2025, end: 2021 } }, 'period').messageEn, /first year 2025 is after the last year 2021/);
  });

  it('reports a rule set twice, by id and by name', () => {
    assert.match(problemAt({ rules: { PL002: 'off', 'deadline-missing': 'error' } }, 'rules.deadline-missing').messageEn, /rule PL002 is set twice/);
  });

  it('reports a unit without a name', () => {
    assert.match(problemAt({ units: [{ name: 'a' }, { aliases: ['b'] }] }, 'units[1]').messageEn, /missing required key "name"/);
  });

  it('reports a top level that is not an object', () => {
    for (const raw of [[], null, 'rules', 3]) {
      const ps = problemsOf(raw);
      assert.equal(ps.length, 1);
      assert.equal(ps[0].path, '');
      assert.match(ps[0].messageEn, /top level must be an object/);
    }
  });

  it('reports every problem, not just the first', () => {
    const ps = problemsOf({ rules: { PL099: 'x', PL001: 'warn' }, locale: 1, foo: 2 });
    assert.deepEqual(ps.map((p) => p.path).sort(), ['foo', 'locale', 'rules.PL001', 'rules.PL099']);
  });

  it('lists at most 100 problems and counts the rest', () => {
    const units = Array.from({ length: 150 }, () => ({ name: '' }));
    const ps = problemsOf({ units });
    assert.equal(ps.length, 101);
    assert.match(ps[100].messageEn, /50 more problem/);
  });

  it('keeps a "__proto__" key as data and reports it', () => {
    const raw = JSON.parse('{"__proto__": {"x": 1}}') as unknown;
    assert.match(problemAt(raw, '__proto__').messageEn, /unknown key "__proto__"/);
  });
});

describe('validateUnitList', () => {
  it('accepts a list of units and reports a bad one', () => {
    assert.deepEqual(validateUnitList([{ name: '市司法局' }], 'u.json'), { units: [{ name: '市司法局' }], problems: [] });
    const r = validateUnitList([{ name: '市司法局', aliases: 'x' }], 'u.json');
    assert.equal(r.units, null);
    assert.equal(r.problems[0].path, '[0].aliases');
    assert.equal(r.problems[0].file, 'u.json');
    assert.match(validateUnitList({ units: [] }, 'u.json').problems[0].messageEn, /must be an array/);
  });
});

describe('paths, suggestions and formatting', () => {
  it('writes and reads back paths', () => {
    const cases: Array<[Array<string | number>, string]> = [
      [[], ''],
      [['rules', 'PL099'], 'rules.PL099'],
      [['rules', 'deadline-missing'], 'rules.deadline-missing'],
      [['units', 3, 'name'], 'units[3].name'],
      [['rules', '含 空格.点'], 'rules["含 空格.点"]'],
      [[0, 'aliases', 1], '[0].aliases[1]'],
    ];
    for (const [segs, text] of cases) {
      assert.equal(formatConfigPath(segs), text);
      assert.deepEqual(parseConfigPath(text), segs);
    }
    assert.equal(parseConfigPath('.x'), null);
    assert.equal(parseConfigPath('a b'), null);
  });

  it('suggests near misses, case slips and prefixes, and nothing for strangers', () => {
    assert.equal(didYouMean('PL099', ['PL001', 'PL009', 'PL010']), 'PL009');
    assert.equal(didYouMean('rule', ['rules', 'units']), 'rules');
    assert.equal(didYouMean('LOCALE', ['locale']), 'locale');
    assert.equal(didYouMean('lead-unit', RULE_NAMES.map(([, n]) => n)), 'lead-unit-missing');
    assert.equal(didYouMean('xyz', ['rules', 'units']), undefined);
  });

  it('formats a problem with file, line, key and message in either locale', () => {
    const p: ConfigProblem = { file: FILE, path: 'rules.PL099', message: '未知规则“PL099”', messageEn: 'unknown rule "PL099"', line: 3 };
    assert.equal(formatConfigProblem(p), '/proj/.planlintrc.json:3: rules.PL099: 未知规则“PL099”');
    assert.equal(formatConfigProblem({ ...p, line: undefined }, 'en'), '/proj/.planlintrc.json: rules.PL099: unknown rule "PL099"');
  });
});

describe('DEFAULT_NON_TASK_SECTIONS', () => {
  it('holds the design list in both scripts, and not 目标任务', () => {
    for (const t of ['指导思想', '总体要求', '基本原则', '工作目标', '主要目标', '实施步骤', '方法步骤', '保障措施', '组织保障', '工作要求']) {
      assert.ok(DEFAULT_NON_TASK_SECTIONS.includes(t), t);
    }
    for (const t of ['指導思想', '總體要求', '基本原則', '工作目標', '主要目標', '實施步驟', '方法步驟', '組織保障']) {
      assert.ok(DEFAULT_NON_TASK_SECTIONS.includes(t), t);
    }
    assert.ok(!DEFAULT_NON_TASK_SECTIONS.some((t) => '目标任务'.includes(t) || t.includes('目标任务')));
    assert.ok(Object.isFrozen(DEFAULT_NON_TASK_SECTIONS));
  });
});

describe('resolveConfig', () => {
  it('gives the defaults with no layers', () => {
    const r = resolveConfig([]);
    assert.equal(r.locale, 'zh-CN');
    assert.equal(r.ruleSeverity.size, 0);
    assert.deepEqual(r.units, []);
    assert.deepEqual(r.nonTaskSections, [...DEFAULT_NON_TASK_SECTIONS]);
    assert.deepEqual(r.deadline, { inheritFromSection: true, planPeriodSatisfies: false });
    assert.equal(r.period, null);
    assert.deepEqual(r.files, []);
    assert.deepEqual(r.sources, []);
  });

  it('turns rule names into ids; a later layer overrides, a bare severity keeps earlier options', () => {
    const r = resolveConfig([
      { rules: { 'deadline-missing': ['warning', { allowOngoing: true }], PL001: 'off' } },
      { rules: { PL002: 'error', 'lead-unit-missing': ['info'] } },
    ]);
    assert.deepEqual([...r.ruleSeverity].sort(), [['PL001', 'info'], ['PL002', 'error']]);
    assert.deepEqual([...r.ruleOptions], [['PL002', { allowOngoing: true }]]);
  });

  it('starts from the default severities it is given', () => {
    const r = resolveConfig([{ rules: { PL008: 'warning' } }], { ruleSeverity: new Map([['PL001', 'error'], ['PL008', 'off']]) });
    assert.deepEqual([...r.ruleSeverity].sort(), [['PL001', 'error'], ['PL008', 'warning']]);
  });

  it('replaces nonTaskSections and adds extraNonTaskSections', () => {
    assert.deepEqual(resolveConfig([{ extraNonTaskSections: ['附则'] }]).nonTaskSections, [...DEFAULT_NON_TASK_SECTIONS, '附则']);
    assert.deepEqual(resolveConfig([{ extraNonTaskSections: ['附则'] }, { nonTaskSections: ['总体要求'] }]).nonTaskSections, ['总体要求']);
    assert.deepEqual(resolveConfig([{ nonTaskSections: ['总体要求'], extraNonTaskSections: ['附则', '总体要求'] }]).nonTaskSections, ['总体要求', '附则']);
  });

  it('reads a period as a year or a span; deadline options merge per field', () => {
    assert.deepEqual(resolveConfig([{ period: 2021 }]).period, { start: 2021, end: 2021 });
    assert.deepEqual(resolveConfig([{ period: 2020 }, { period: { start: 2021, end: 2025 } }]).period, { start: 2021, end: 2025 });
    assert.deepEqual(resolveConfig([{ deadline: { planPeriodSatisfies: true } }, { deadline: { inheritFromSection: false } }]).deadline, {
      inheritFromSection: false,
      planPeriodSatisfies: true,
    });
  });

  it('takes the latest units and locale, merges unit entries and gathers files and sources', () => {
    const r = resolveConfig(
      [
        { locale: 'en', units: [{ name: 'x' }], files: ['a/*.txt'] },
        { units: [{ name: '市发改委全称', aliases: ['市发改委'] }, { name: '市发改委全称', aliases: ['发改委', '市发改委'] }], files: ['b/*.txt', 'a/*.txt'] },
      ],
      {},
      ['/p/.planlintrc.json', '/p/units.txt'],
    );
    assert.equal(r.locale, 'en');
    assert.deepEqual(r.units, [{ name: '市发改委全称', aliases: ['市发改委', '发改委'] }]);
    assert.deepEqual(r.files, ['a/*.txt', 'b/*.txt']);
    assert.deepEqual(r.sources, ['/p/.planlintrc.json', '/p/units.txt']);
  });

  it('dedupes long alias lists too', () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `别名${i % 25}`);
    const r = resolveConfig([{ units: [{ name: '甲', aliases }, { name: '甲', aliases: ['别名3', '别名30', '甲'] }] }]);
    assert.deepEqual(r.units, [{ name: '甲', aliases: [...Array.from({ length: 25 }, (_, i) => `别名${i}`), '别名30'] }]);
  });

  it('tolerates unvalidated garbage without throwing', () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 3 }), (layers) => {
        const r = resolveConfig(layers as PlanlintConfig[]);
        assert.ok(r.locale === 'zh-CN' || r.locale === 'en');
      }),
      { numRuns: 300 },
    );
    const r = resolveConfig([{ rules: { PL999: 'off', PL001: 'loud' as never }, period: { start: 'x' } as never }]);
    assert.equal(r.ruleSeverity.size, 0);
    assert.equal(r.period, null);
  });
});
