// Config robustness: wrong types for every key, unknown rules, broken JSON and YAML, huge unit lists, unitsFile outside — a clear error or it works, never a crash.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { resolveConfig, validateConfig } from '../../server/src/config/config.js';
import { loadConfigFile, MAX_CONFIG_FILE_BYTES } from '../../server/src/config/load.js';
import CONFIG_SCHEMA from '../../server/src/config/schema.json' with { type: 'json' };
import { createPlanService } from '../../server/src/service.js';
import { cleanup, planlint, tempDir } from '../cli/run.js';
import { SAMPLES } from '../helpers/paths.js';
import { runsFromEnv } from './generators.js';

const RUNS = runsFromEnv(200);
const SAMPLE = path.join(SAMPLES, 'bracket-style.plan');

/** Values of every JSON type; each key gets all of those its schema rejects. */
const VALUES: [string, unknown][] = [
  ['an integer', 5],
  ['a string', 'x'],
  ['true', true],
  ['null', null],
  ['an empty array', []],
  ['an array of numbers', [1, 2]],
  ['an object', { a: 1 }],
];
const KEYS = Object.keys(CONFIG_SCHEMA.properties ?? {});
/** A good config to mutate, JSON and YAML, touching every key. */
const GOOD = {
  locale: 'en',
  rules: { PL001: 'error', 'deadline-missing': ['warning', {}], PL008: 'off' },
  units: [{ name: '市发展和改革委员会', aliases: ['市发改委'] }, '市司法局'],
  nonTaskSections: ['指导思想'],
  extraNonTaskSections: ['保障措施'],
  deadline: { inheritFromSection: true, planPeriodSatisfies: false },
  period: { start: 2021, end: 2025 },
  files: ['*.txt'],
  ignores: ['drafts/'],
  kind: 'plan',
};
const GOOD_YAML = [
  'locale: en',
  'rules:',
  '  PL001: error',
  '  deadline-missing: [warning, {}]',
  'units:',
  '  - name: 市发展和改革委员会',
  '    aliases: [市发改委]',
  '  - 市司法局',
  'nonTaskSections: [指导思想]',
  'deadline:',
  '  inheritFromSection: true',
  'period: {start: 2021, end: 2025}',
  'files: ["*.txt"]',
  'ignores: [drafts/]',
  '',
].join('\n');

/** A config as a linted run sees it: loads, resolves and lints a sample without throwing. */
function useConfig(file: string): void {
  const { config, problems } = loadConfigFile(file);
  for (const p of problems) {
    assert.ok(p.message.length > 0 && p.messageEn.length > 0, 'a problem without a message');
    assert.ok(p.file.length > 0, 'a problem without a file');
    if (p.line !== undefined) assert.ok(Number.isInteger(p.line) && p.line >= 1, `line ${p.line}`);
  }
  if (config === null) assert.ok(problems.length > 0, 'no config and no problem');
  const resolved = resolveConfig(config ? [config] : []);
  createPlanService().analyze(fs.readFileSync(SAMPLE, 'utf8'), resolved);
}

describe('config robustness', function () {
  this.timeout(180_000);
  const dir = tempDir('planlint-config-robust-');
  after(() => cleanup(dir));
  let n = 0;
  const write = (name: string, content: string | Buffer) => {
    const file = path.join(dir, `${n++}`, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  };

  it('the schema lists the keys this test covers', () => {
    assert.deepEqual(KEYS.sort(), ['$schema', 'deadline', 'extraNonTaskSections', 'files', 'ignores', 'kind', 'locale', 'nonTaskSections', 'period', 'rules', 'units', 'unitsFile'].sort());
  });

  for (const key of KEYS) {
    it(`${key}: a value of each wrong type is reported with the key, in JSON and YAML; the rest of the config still loads`, () => {
      for (const [label, value] of VALUES) {
        const accepted = validateConfig({ [key]: value }, 'probe').problems.length === 0;
        for (const [name, text] of [
          ['.planlintrc.json', JSON.stringify(key === 'locale' ? { locale: value } : { locale: 'en', [key]: value })],
          ['.planlintrc.yaml', `${JSON.stringify(key)}: ${JSON.stringify(value)}\n${key === 'locale' ? '' : 'locale: en\n'}`],
        ] as const) {
          const file = write(name, text);
          const r = loadConfigFile(file);
          if (accepted) continue; // e.g. an empty array where a list is wanted
          assert.ok(r.problems.length > 0, `${name}: ${key} = ${label} passed`);
          assert.ok(r.problems.some((p) => p.path === key || p.path.startsWith(`${key}.`) || p.path.startsWith(`${key}[`)), `${name}: ${key} = ${label}: problems do not name the key: ${r.problems.map((p) => `${p.path}: ${p.messageEn}`).join('; ')}`);
          assert.ok(r.problems.every((p) => p.line === 1 || p.line === undefined || name.endsWith('.yaml')), `${name}: a JSON config on one line has problems on line 1`);
          useConfig(file);
        }
      }
    });
  }

  it('wrong types inside deadline, period, rules and units are reported with their path', () => {
    const cases: [unknown, string][] = [
      [{ deadline: { inheritFromSection: 'yes' } }, 'deadline.inheritFromSection'],
      [{ deadline: { planPeriodSatisfies: 1 } }, 'deadline.planPeriodSatisfies'],
      [{ deadline: { unknown: true } }, 'deadline.unknown'],
      [{ period: { start: '2021', end: 2025 } }, 'period'],
      [{ period: 2021.5 }, 'period'],
      [{ rules: { PL001: 5 } }, 'rules.PL001'],
      [{ rules: { PL001: ['error', 'x'] } }, 'rules.PL001'],
      [{ rules: { PL001: [] } }, 'rules.PL001'],
      [{ units: [5] }, 'units[0]'],
      [{ units: [{ name: 5 }] }, 'units[0]'],
      [{ units: [{ name: '甲', aliases: '乙' }] }, 'units[0]'],
      [{ nonTaskSections: [5] }, 'nonTaskSections[0]'],
    ];
    for (const [config, where] of cases) {
      const r = loadConfigFile(write('.planlintrc.json', JSON.stringify(config)));
      assert.ok(r.problems.some((p) => p.path.startsWith(where)), `${JSON.stringify(config)}: ${r.problems.map((p) => `${p.path}: ${p.messageEn}`).join('; ') || 'no problem'}`);
    }
  });

  it('unknown rules, by id and by name, are reported with a suggestion where one is near', () => {
    const r = loadConfigFile(write('.planlintrc.json', JSON.stringify({ rules: { PL099: 'error', 'deadline-mising': 'warning', '': 'off', '__proto__': 'error' } })));
    const paths = r.problems.map((p) => p.path);
    for (const key of ['rules.PL099', 'rules.deadline-mising']) assert.ok(paths.includes(key), `${key} not reported: ${paths.join(', ')}`);
    assert.ok(r.problems.some((p) => /deadline-missing/.test(p.messageEn)), 'no suggestion of deadline-missing');
  });

  it(`broken JSON: every mutation of a good config loads or is reported, never throws (${RUNS} runs)`, () => {
    const good = JSON.stringify(GOOD, null, 2);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(5), fc.constantFrom('', '{', '}', '[', ']', '"', ',', ':', '\\', '\n', 'null', '1e999', '\u0000', '\ud800', '/*', '//', '\ufeff', '𠀾')), { minLength: 1, maxLength: 6 }), (muts) => {
        let text = good;
        for (const [at, del, ins] of muts) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + ins + text.slice(i + del);
        }
        useConfig(write('.planlintrc.json', text));
      }),
      { numRuns: RUNS },
    );
  });

  it(`broken YAML: every mutation of a good config loads or is reported, never throws (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(5), fc.constantFrom('', ':', '- ', '  ', '\t', '\n', '&a', '*a', '!!js/function', '!!binary', '? ', '|', '>', '{', '[', '"', "'", '#', '%YAML 1.1', '---', '...', '\u0000', '\ud800', '<<: *a')), { minLength: 1, maxLength: 6 }), (muts) => {
        let text = GOOD_YAML;
        for (const [at, del, ins] of muts) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + ins + text.slice(i + del);
        }
        useConfig(write('.planlintrc.yaml', text));
      }),
      { numRuns: RUNS },
    );
  });

  it('random bytes as a config file are reported, never thrown', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('.planlintrc.json', '.planlintrc.yaml', 'planlint.config.json'), (bytes, name) => {
        useConfig(write(name, Buffer.from(bytes)));
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  describe('through the CLI', () => {
    it('every key with a wrong type: exit 2, one line per problem naming the file and key, no stack trace', () => {
      for (const [label, value] of VALUES.filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))) {
        const config = Object.fromEntries(KEYS.filter((k) => validateConfig({ [k]: value }, 'probe').problems.length > 0).map((k) => [k, value]));
        const file = write('bad.json', JSON.stringify(config));
        const r = planlint(['-c', file, '--locale', 'en', SAMPLE]);
        assert.equal(r.code, 2, `${label}: exit ${r.code}\n${r.stderr}`);
        assert.doesNotMatch(r.stderr, /\n\s+at |TypeError|RangeError/, `${label}: a stack trace`);
        for (const key of Object.keys(config)) assert.ok(r.stderr.includes(`${key}`), `${label}: ${key} not named:\n${r.stderr}`);
      }
    });

    it('broken JSON and broken YAML: exit 2 with the line, no stack trace', () => {
      for (const [name, text, line] of [
        ['b.json', '{\n  "rules": {\n    "PL001": "error"\n    "PL002": "off"\n  }\n}\n', '4'],
        ['b.yaml', 'rules:\n  PL001: error\n   PL002: off\n', '\\d+'],
      ] as const) {
        const r = planlint(['-c', write(name, text), SAMPLE]);
        assert.equal(r.code, 2, r.stderr);
        assert.match(r.stderr, new RegExp(`${name.replace('.', '\\.')}:${line}:`), r.stderr);
        assert.doesNotMatch(r.stderr, /\n\s+at /);
      }
    });

    it('a config file over the size limit is refused, not read', () => {
      const big = write('.planlintrc.json', `{"units": [${'"某某市某某局",'.repeat(Math.ceil(MAX_CONFIG_FILE_BYTES / 18) + 10)}"末"]}`);
      assert.ok(fs.statSync(big).size > MAX_CONFIG_FILE_BYTES);
      const r = planlint(['-c', big, SAMPLE]);
      assert.equal(r.code, 2, r.stderr);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
      assert.ok(loadConfigFile(big).problems.length > 0);
    });

    it('a 10 MB unit list works: the run lints with it (a unit from the list is known to PL008)', () => {
      const lines: string[] = [];
      let size = 0;
      for (let i = 0; size < 10 * 1024 * 1024; i++) {
        const line = i % 2 === 0 ? `某某市第${i}局: 第${i}局` : `某某市第${i}委员会`;
        lines.push(line);
        size += Buffer.byteLength(line) + 1;
      }
      lines.push('市法规局');
      const file = write('units.txt', lines.join('\n'));
      const folder = path.dirname(file);
      fs.writeFileSync(path.join(folder, '.planlintrc.json'), JSON.stringify({ unitsFile: 'units.txt', rules: { PL008: 'warning' } }));
      const plan = path.join(folder, 'p.plan');
      fs.writeFileSync(plan, '某市2025年工作方案\n一、重点任务\n1.清理文件。[牵头单位:市法规局;完成时限:2025年6月底前]\n2.推行公示。[牵头单位:市不在名单局;完成时限:2025年6月底前]\n');
      const r = planlint(['--format', 'json', '--max-severity', 'off', plan]);
      assert.equal(r.code, 0, r.stderr);
      const unknown = (JSON.parse(r.stdout) as { diagnostics: { ruleId: string; line: number }[] }[])[0]!.diagnostics.filter((d) => d.ruleId === 'PL008');
      assert.deepEqual(unknown.map((d) => d.line), [4], 'only the unit missing from the list is unknown');
    });

    it('a unitsFile outside the config folder is refused with a clear error, and the units are not read', () => {
      const outsideFile = write('secret-units.txt', '市法规局\n');
      const folder = path.join(path.dirname(outsideFile), 'project');
      fs.mkdirSync(folder);
      for (const ref of ['../secret-units.txt', outsideFile, 'sub/../../secret-units.txt']) {
        fs.writeFileSync(path.join(folder, '.planlintrc.json'), JSON.stringify({ unitsFile: ref }));
        const plan = path.join(folder, 'p.plan');
        fs.writeFileSync(plan, '某市2025年工作方案\n一、重点任务\n1.清理文件。[牵头单位:市法规局;完成时限:2025年6月底前]\n');
        const r = planlint(['--locale', 'en', plan]);
        assert.equal(r.code, 2, `${ref}: exit ${r.code}\n${r.stderr}`);
        assert.match(r.stderr, /outside/, `${ref}: ${r.stderr}`);
        const loaded = loadConfigFile(path.join(folder, '.planlintrc.json'));
        assert.equal(loaded.config?.units?.length ?? 0, 0, `${ref}: units were read`);
      }
    });
  });
});
