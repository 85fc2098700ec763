// Tests for finding and reading config files and unit lists: nearest wins, JSON/YAML, line numbers, unitsFile safety, size.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_NON_TASK_SECTIONS, type ConfigProblem } from '../../server/src/config/config.js';
import {
  CONFIG_FILE_NAMES,
  ConfigCache,
  findConfigFiles,
  loadConfigFile,
  loadConfigFromPath,
  parseUnitsText,
} from '../../server/src/config/load.js';

let root: string;

/** Writes a file under the temporary root, creating folders; returns its absolute path. */
function write(rel: string, content: string | Uint8Array): string {
  const p = path.join(root, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, content);
  return p;
}

function only(problems: ConfigProblem[]): ConfigProblem {
  assert.equal(problems.length, 1, JSON.stringify(problems, null, 1));
  return problems[0];
}

beforeEach(() => {
  // realpath: on some systems the temp folder is itself behind a symbolic link.
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-config-')));
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('findConfigFiles', () => {
  it('lists one config per folder, nearest first, up to stopAt', () => {
    const a = write('a/.planlintrc.yaml', 'locale: en\n');
    const b = write('a/b/.planlintrc.json', '{}');
    fs.mkdirSync(path.join(root, 'a/b/c/d'), { recursive: true });
    const found = findConfigFiles(path.join(root, 'a/b/c/d'), root);
    assert.deepEqual(found, [b, a]);
    assert.deepEqual(findConfigFiles(path.join(root, 'a/b/c'), path.join(root, 'a/b')), [b]);
    assert.deepEqual(findConfigFiles(path.join(root, 'a/b/c'), path.join(root, 'a/b/c')), []);
  });

  it('in one folder, takes the first of CONFIG_FILE_NAMES', () => {
    assert.deepEqual(CONFIG_FILE_NAMES, ['.planlintrc.json', '.planlintrc.yaml', '.planlintrc.yml', 'planlint.config.json']);
    write('planlint.config.json', '{}');
    const yml = write('.planlintrc.yml', '');
    assert.deepEqual(findConfigFiles(root, root), [yml]);
    const yaml = write('.planlintrc.yaml', '');
    assert.deepEqual(findConfigFiles(root, root), [yaml]);
    const json = write('.planlintrc.json', '{}');
    assert.deepEqual(findConfigFiles(root, root), [json]);
  });

  it('ignores a folder named like a config file', () => {
    fs.mkdirSync(path.join(root, '.planlintrc.json'));
    const cfg = write('planlint.config.json', '{}');
    assert.deepEqual(findConfigFiles(root, root), [cfg]);
  });
});

describe('loadConfigFile', () => {
  it('reads JSON', () => {
    const f = write('.planlintrc.json', JSON.stringify({ locale: 'en', rules: { PL001: 'off' }, period: 2021 }));
    assert.deepEqual(loadConfigFile(f), { config: { locale: 'en', rules: { PL001: 'off' }, period: 2021 }, problems: [] });
  });

  it('reads YAML', () => {
    const f = write(
      '.planlintrc.yaml',
      ['# 配置', 'locale: zh-CN', 'rules:', '  deadline-missing: [warning, {allowOngoing: true}]', 'period:', '  start: 2021', '  end: 2025', ''].join('\n'),
    );
    const r = loadConfigFile(f);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.config, { locale: 'zh-CN', rules: { 'deadline-missing': ['warning', { allowOngoing: true }] }, period: { start: 2021, end: 2025 } });
  });

  it('reads an empty file as an empty config', () => {
    assert.deepEqual(loadConfigFile(write('.planlintrc.yml', '\n')), { config: {}, problems: [] });
    assert.deepEqual(loadConfigFile(write('.planlintrc.json', '  ')), { config: {}, problems: [] });
  });

  it('reads a UTF-16 file with a BOM and a UTF-8 file with a BOM', () => {
    const text = '{"locale": "en"}';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    assert.deepEqual(loadConfigFile(write('x/.planlintrc.json', le)).config, { locale: 'en' });
    assert.deepEqual(loadConfigFile(write('y/.planlintrc.json', '\ufeff' + text)).config, { locale: 'en' });
  });

  it('reads JSON with comments and trailing commas', () => {
    const f = write(
      '.planlintrc.json',
      ['// 本方案的配置', '{', '  /* 语言 */ "locale": "en",', '  "rules": {', '    "PL001": "off", // 不查牵头单位', '  },', '  "period": 2021,', '}', ''].join('\n'),
    );
    assert.deepEqual(loadConfigFile(f), { config: { locale: 'en', rules: { PL001: 'off' }, period: 2021 }, problems: [] });
    assert.deepEqual(loadConfigFile(write('a/.planlintrc.json', '{"files": ["*.txt",],}')).config, { files: ['*.txt'] });
    // Nothing but a comment configures nothing, as an empty file.
    assert.deepEqual(loadConfigFile(write('b/.planlintrc.json', '// 暂无配置\n')), { config: {}, problems: [] });
  });

  it('gives the line and column of broken JSON', () => {
    const f = write('.planlintrc.json', '{\n  "locale": "en",\n  "rules": {"PL001": "off" "PL002": "off"}\n}\n');
    const p = only(loadConfigFile(f).problems);
    assert.equal(p.file, f);
    assert.equal(p.line, 3);
    assert.match(p.messageEn, /^JSON syntax error: expected "," or "}" \(line 3, column 28\)$/);
    assert.match(p.message, /^JSON 语法错误：应为逗号“,”或“}”（第 3 行第 28 列）$/);
    assert.equal(loadConfigFile(f).config, null);
  });

  it('gives the line and column of every kind of JSON mistake, comments and all', () => {
    const cases: Array<[string, number, number, RegExp]> = [
      ['{\n"a": 1\n"b": 2}', 3, 1, /expected "," or "}"/],
      ['{"units": [\n  "甲"\n  "乙"]}', 3, 3, /expected "," or "]"/],
      ['{\n  "locale": "en"\n', 3, 1, /missing "}"/],
      ['{"files": ["a"\n', 2, 1, /missing "]"/],
      ["{\n 'locale': 'en'}", 2, 2, /keys and strings take double quotes/],
      ['{"locale": "en",\n "locale": "zh-CN"}', 2, 2, /duplicate key "locale"/],
      ['{"a": tru}', 1, 7, /unexpected "tru"/],
      ['{"a": "x\ny"}', 1, 7, /unterminated string, or a line break inside it/],
      ['{"a": "x\ty"}', 1, 7, /unescaped control character/],
      ['{"a": "\\q"}', 1, 7, /bad escape/],
      ['{"a": 1e}', 1, 7, /incomplete number/],
      ['{"a" 1}', 1, 6, /expected ":" after the key/],
      ['{"a": }', 1, 7, /expected a value/],
      ['{"a":', 1, 6, /unexpected end of the file/],
      ['{} {}', 1, 4, /unexpected content after the end/],
      ['// 说明\n{"a": 1} /* 未完', 2, 10, /unterminated comment/],
      ['/* 说明 */ {\n  "a": 1,\n  // 注释\n  "b" 2}', 4, 7, /expected ":"/],
      ['['.repeat(5000), 1, 257, /nested too deeply/],
      ['['.repeat(1_000_000), 1, 257, /nested too deeply/],
    ];
    for (const [text, line, column, re] of cases) {
      const p = only(loadConfigFile(write('.planlintrc.json', text)).problems);
      assert.equal(p.line, line, text);
      assert.match(p.messageEn, re, text);
      assert.ok(p.messageEn.endsWith(`(line ${line}, column ${column})`), `${text}: ${p.messageEn}`);
      assert.ok(p.message.endsWith(`（第 ${line} 行第 ${column} 列）`), `${text}: ${p.message}`);
    }
  });

  it('gives the line of broken YAML', () => {
    const f = write('.planlintrc.yaml', 'locale: en\nrules:\n  PL001: off\n\tPL002: error\n');
    const p = only(loadConfigFile(f).problems);
    assert.equal(p.file, f);
    assert.equal(p.line, 4);
    assert.match(p.messageEn, /^YAML syntax error: Tabs are not allowed as indentation \(line 4, column 1\)$/);
    assert.match(p.message, /^YAML 语法错误：.*（第 4 行第 1 列）$/);
    const q = only(loadConfigFile(write('.planlintrc.yaml', 'locale: en\nrules:\n  PL002: [error\nperiod: 2021\n')).problems);
    assert.equal(q.line, 4); // the unclosed `[` runs on until the next key
  });

  it('names the file, the key and the line of an unknown rule, with a suggestion', () => {
    const f = write('.planlintrc.json', '{\n  "rules": {\n    "PL001": "off",\n    "PL099": "error"\n  }\n}\n');
    const r = loadConfigFile(f);
    assert.equal(r.config, null);
    const p = only(r.problems);
    assert.deepEqual({ file: p.file, path: p.path, line: p.line }, { file: f, path: 'rules.PL099', line: 4 });
    assert.match(p.messageEn, /unknown rule "PL099".*did you mean "PL009"/);
  });

  it('gives the line of every schema problem in JSON with comments', () => {
    const f = write(
      '.planlintrc.json',
      [
        '/* 第一行注释', '   第二行注释 */', '{', '  // 规则', '  "rules": {', '    "PL001": "warn", // 级别写错', '    "PL099": "off",', '  },',
        '  "units": [', '    { "name": "市司法局" },', '    { "nam": "市财政局" }, // 键名写错', '  ],', '  "period": "二〇二一",', '}',
      ].join('\n'),
    );
    const byPath = new Map(loadConfigFile(f).problems.map((p) => [p.path, p]));
    assert.deepEqual([...byPath.keys()], ['rules.PL001', 'rules.PL099', 'units[1]', 'units[1].nam', 'period']);
    assert.deepEqual([...byPath.values()].map((p) => p.line), [6, 7, 11, 11, 13]);
    assert.match(byPath.get('rules.PL001')!.message, /取值 "warn" 无效.*是否想写“warning”/);
    assert.match(byPath.get('units[1].nam')!.messageEn, /unknown key "nam"; did you mean "name"\?/);
  });

  it('gives lines for wrong types in YAML', () => {
    const f = write('.planlintrc.yaml', 'locale: en\nunits:\n  - name: 市司法局\n  - nam: 市财政局\ndeadline:\n  inheritFromSection: "yes"\nperiod: 二〇二一\n');
    const problems = loadConfigFile(f).problems;
    const byPath = new Map(problems.map((p) => [p.path, p]));
    assert.equal(byPath.get('units[1]')?.line, 4); // missing "name"
    assert.equal(byPath.get('units[1].nam')?.line, 4);
    assert.match(byPath.get('units[1].nam')!.messageEn, /did you mean "name"/);
    assert.equal(byPath.get('deadline.inheritFromSection')?.line, 6);
    assert.match(byPath.get('deadline.inheritFromSection')!.messageEn, /must be a boolean/);
    assert.equal(byPath.get('period')?.line, 7);
    assert.equal(problems.length, 4);
  });

  it('treats YAML tags as data, never as code', () => {
    const f = write('.planlintrc.yaml', 'locale: !!js/function "function(){ globalThis.pwned = true }"\n');
    const r = loadConfigFile(f);
    assert.equal(r.config, null);
    assert.ok(r.problems.length >= 1);
    assert.equal((globalThis as Record<string, unknown>).pwned, undefined);
  });

  it('refuses an alias bomb', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const r = loadConfigFile(write('.planlintrc.yaml', lines.join('\n')));
    assert.equal(r.config, null);
    assert.ok(r.problems.length >= 1);
  });

  it('reports a missing file', () => {
    const p = only(loadConfigFile(path.join(root, 'nope.json')).problems);
    assert.match(p.messageEn, /file not found/);
  });
});

describe('unitsFile', () => {
  it('reads a .txt list with arrows, colons, comments and a BOM', () => {
    write(
      'cfg/units.txt',
      '\ufeff# 单位名单\r\n市司法局\r\n\r\n市发改委 → 市发展和改革委员会\r\n发改委 -> 市发展和改革委员会\r\n市政府法制办: 市法制办, 法制办、市政府法制办公室\r\n',
    );
    const f = write('cfg/.planlintrc.json', '{"unitsFile": "units.txt", "units": [{"name": "市财政局"}]}');
    const r = loadConfigFile(f);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.config?.units, [
      { name: '市财政局' },
      { name: '市司法局' },
      { name: '市发展和改革委员会', aliases: ['市发改委', '发改委'] },
      { name: '市政府法制办', aliases: ['市法制办', '法制办', '市政府法制办公室'] },
    ]);
  });

  it('reads a YAML list and a JSON list', () => {
    write('cfg/units.yaml', '- name: 市发展和改革委员会\n  aliases: [市发改委]\n- name: 市司法局\n');
    const y = loadConfigFile(write('cfg/.planlintrc.yaml', 'unitsFile: units.yaml\n'));
    assert.deepEqual(y, { config: { unitsFile: 'units.yaml', units: [{ name: '市发展和改革委员会', aliases: ['市发改委'] }, { name: '市司法局' }] }, problems: [] });
    write('cfg/sub/units.json', JSON.stringify([{ name: '市司法局', aliases: ['司法局'] }]));
    const j = loadConfigFile(write('cfg/.planlintrc.json', '{"unitsFile": "sub/units.json"}'));
    assert.deepEqual(j.config?.units, [{ name: '市司法局', aliases: ['司法局'] }]);
  });

  it('reports a bad line of a .txt list with its line number', () => {
    const u = write('cfg/units.txt', '市司法局\n → 市财政局\n');
    const r = loadConfigFile(write('cfg/.planlintrc.json', '{"unitsFile": "units.txt"}'));
    assert.equal(r.config, null);
    const p = only(r.problems);
    assert.deepEqual({ file: p.file, line: p.line }, { file: u, line: 2 });
    assert.match(p.messageEn, /line 2 should read "short name → full name"/);
  });

  it('reports a bad JSON list with the line of the entry', () => {
    const u = write('cfg/units.json', '[\n  {"name": "市司法局"},\n  {"name": ""}\n]');
    const p = only(loadConfigFile(write('cfg/.planlintrc.json', '{"unitsFile": "units.json"}')).problems);
    assert.deepEqual({ file: p.file, path: p.path, line: p.line }, { file: u, path: '[1].name', line: 3 });
    const broken = write('cfg/broken.json', '[\n  {"name": "a"}\n  {"name": "b"}\n]');
    const q = only(loadConfigFile(write('cfg/.planlintrc.json', '{"unitsFile": "broken.json"}')).problems);
    assert.deepEqual({ file: q.file, line: q.line }, { file: broken, line: 3 });
  });

  it('reads a JSON list with comments, and gives the line of a bad entry after them', () => {
    write('cfg/units.json', '// 单位名单\n[\n  {"name": "市司法局"}, // 司法\n  /* 财政 */ {"name": "市财政局"},\n]\n');
    assert.deepEqual(loadConfigFile(write('cfg/.planlintrc.json', '{"unitsFile": "units.json"}')).config?.units, [{ name: '市司法局' }, { name: '市财政局' }]);
    const u = write('cfg/units.json', '// 单位名单\n[\n  {"name": "市司法局"}, // 司法\n  /* 财政 */ {"name": ""},\n]\n');
    const p = only(loadConfigFile(write('cfg/.planlintrc.json', '{"unitsFile": "units.json"}')).problems);
    assert.deepEqual({ file: p.file, path: p.path, line: p.line }, { file: u, path: '[1].name', line: 4 });
  });

  it('refuses a path that climbs out of the config folder', () => {
    write('secret.txt', '市司法局\n');
    const f = write('cfg/.planlintrc.json', '{\n  "locale": "en",\n  "unitsFile": "../secret.txt"\n}');
    const r = loadConfigFile(f);
    assert.equal(r.config, null);
    const p = only(r.problems);
    assert.deepEqual({ file: p.file, path: p.path, line: p.line }, { file: f, path: 'unitsFile', line: 3 });
    assert.match(p.messageEn, /outside the config file's folder; refused/);
    assert.match(p.message, /拒绝读取/);
    assert.match(only(loadConfigFile(write('cfg/.planlintrc.json', '{"unitsFile": "sub/../../secret.txt"}')).problems).messageEn, /refused/);
    // Refused for where it points, before (and whether or not) anything is there.
    assert.match(only(loadConfigFile(write('cfg/.planlintrc.json', '{"unitsFile": "../missing.txt"}')).problems).messageEn, /refused/);
  });

  it('refuses an absolute path elsewhere, accepts one inside', () => {
    const outside = write('secret.txt', '市司法局\n');
    const inside = write('cfg/units.txt', '市司法局\n');
    const refused = loadConfigFile(write('cfg/.planlintrc.json', JSON.stringify({ unitsFile: outside })));
    assert.match(only(refused.problems).messageEn, /refused/);
    const ok = loadConfigFile(write('cfg/.planlintrc.json', JSON.stringify({ unitsFile: inside })));
    assert.deepEqual(ok.config?.units, [{ name: '市司法局' }]);
  });

  it('refuses a symbolic link that leads outside', function () {
    const outside = write('secret.txt', '市司法局\n');
    fs.mkdirSync(path.join(root, 'cfg'), { recursive: true });
    try {
      fs.symlinkSync(outside, path.join(root, 'cfg/units.txt'));
    } catch {
      this.skip(); // no symlinks here (e.g. Windows without the privilege)
    }
    const r = loadConfigFile(write('cfg/.planlintrc.json', '{"unitsFile": "units.txt"}'));
    assert.match(only(r.problems).messageEn, /refused/);
  });

  it('reports a missing units file and an unsupported type', () => {
    const missing = loadConfigFile(write('cfg/.planlintrc.json', '{"unitsFile": "none.txt"}'));
    assert.match(only(missing.problems).messageEn, /file not found/);
    assert.equal(only(missing.problems).file, path.join(root, 'cfg/none.txt'));
    write('cfg/units.csv', 'a\n');
    assert.match(only(loadConfigFile(write('cfg/.planlintrc.json', '{"unitsFile": "units.csv"}')).problems).messageEn, /unsupported type/);
  });

  it('loads a 10 MB list', () => {
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < 10 * 1024 * 1024; i++) {
      const line = i % 3 === 0 ? `某某市第${i}局 → 某某市第${i}局全称` : i % 3 === 1 ? `某某市第${i}委员会: 第${i}委, 某${i}委` : `某某市第${i}办公室`;
      lines.push(line);
      size += Buffer.byteLength(line) + 1;
    }
    write('big/units.txt', lines.join('\n'));
    const r = loadConfigFile(write('big/.planlintrc.json', '{"unitsFile": "units.txt"}'));
    assert.deepEqual(r.problems, []);
    assert.equal(r.config?.units?.length, lines.length);
    assert.deepEqual(r.config?.units?.[1], { name: '某某市第1委员会', aliases: ['第1委', '某1委'] });
    // That reading it is linear in the list is measured in test/perf (phases.ts, 'units file'), out of this process.
  });
});

describe('parseUnitsText', () => {
  it('merges repeated names and drops an alias equal to its name', () => {
    const r = parseUnitsText('甲: 乙\n丙 → 甲\n甲: 甲, 乙\n', 'u.txt');
    assert.deepEqual(r, { units: [{ name: '甲', aliases: ['乙', '丙'] }], problems: [] });
  });

  it('takes several short names left of an arrow', () => {
    assert.deepEqual(parseUnitsText('市发改委、发改委 => 市发展和改革委员会', 'u.txt').units, [{ name: '市发展和改革委员会', aliases: ['市发改委', '发改委'] }]);
  });

  it('reports a colon with nothing before it and an arrow with nothing after', () => {
    const r = parseUnitsText('：别名\n甲 →\n', 'u.txt');
    assert.deepEqual(r.problems.map((p) => p.line), [1, 2]);
  });
});

describe('ConfigCache', () => {
  it('uses the nearest config file alone: parents do not cascade', () => {
    write('a/.planlintrc.json', '{"locale": "en", "rules": {"PL001": "off"}}');
    write('a/b/.planlintrc.yaml', 'rules:\n  deadline-missing: warning\n');
    const cache = new ConfigCache({ stopAt: root });
    const inner = cache.forFile(path.join(root, 'a/b/c/plan.txt'));
    assert.deepEqual(inner.problems, []);
    assert.deepEqual([...inner.config.ruleSeverity], [['PL002', 'warning']]);
    assert.equal(inner.config.locale, 'zh-CN');
    assert.deepEqual(inner.config.sources, [path.join(root, 'a/b/.planlintrc.yaml')]);
    const outer = cache.forFile(path.join(root, 'a/plan.txt'));
    assert.deepEqual([...outer.config.ruleSeverity], [['PL001', 'off']]);
    assert.equal(outer.config.locale, 'en');
    const none = cache.forFile(path.join(root, 'plan.txt'));
    assert.equal(none.config.ruleSeverity.size, 0);
    assert.deepEqual(none.config.sources, []);
  });

  it('caches, and re-reads after invalidate', () => {
    const cfg = write('.planlintrc.json', '{"locale": "en"}');
    const cache = new ConfigCache({ stopAt: root });
    const first = cache.forFile(path.join(root, 'p.txt')).config;
    assert.equal(first.locale, 'en');
    fs.writeFileSync(cfg, '{"locale": "zh-CN"}');
    assert.equal(cache.forFile(path.join(root, 'p.txt')).config, first, 'cached');
    cache.invalidate(cfg);
    assert.equal(cache.forFile(path.join(root, 'p.txt')).config.locale, 'zh-CN');
  });

  it('finds a config file created nearer after invalidate, and re-reads a changed units file', () => {
    write('units.txt', '市司法局\n');
    write('.planlintrc.json', '{"unitsFile": "units.txt"}');
    const cache = new ConfigCache({ stopAt: root });
    const plan = path.join(root, 'sub/p.txt');
    assert.deepEqual(cache.forFile(plan).config.units, [{ name: '市司法局' }]);
    const units = write('units.txt', '市财政局\n');
    cache.invalidate(units);
    assert.deepEqual(cache.forFile(plan).config.units, [{ name: '市财政局' }]);
    const nearer = write('sub/.planlintrc.json', '{"period": 2022}');
    cache.invalidate(nearer);
    assert.deepEqual(cache.forFile(plan).config.period, { start: 2022, end: 2022 });
    assert.deepEqual(cache.forFile(plan).config.units, []);
  });

  it('reports a bad config and goes on with the defaults, under the base layers', () => {
    write('.planlintrc.json', '{"rules": {"PL001": "warn"}, "locale": "en"}');
    const cache = new ConfigCache({ stopAt: root, base: [{ period: 2020 }], defaults: { ruleSeverity: new Map([['PL008', 'off']]) } });
    const r = cache.forFile(path.join(root, 'p.txt'));
    assert.equal(only(r.problems).path, 'rules.PL001');
    assert.equal(r.config.locale, 'zh-CN');
    assert.deepEqual([...r.config.ruleSeverity], [['PL008', 'off']]);
    assert.deepEqual(r.config.period, { start: 2020, end: 2020 });
    assert.deepEqual(r.config.nonTaskSections, [...DEFAULT_NON_TASK_SECTIONS]);
  });
});

describe('loadConfigFromPath', () => {
  it('resolves a good file, with its sources', () => {
    write('units.txt', '市司法局\n');
    const f = write('my.yaml', 'rules:\n  number-style: off\nunitsFile: units.txt\n');
    const r = loadConfigFromPath(f);
    assert.deepEqual(r.problems, []);
    assert.deepEqual([...r.config.ruleSeverity], [['PL005', 'off']]);
    assert.deepEqual(r.config.sources, [f, path.join(root, 'units.txt')]);
    assert.deepEqual(r.config.units, [{ name: '市司法局' }]);
  });

  it('reads a file without a known extension by its first character', () => {
    assert.equal(loadConfigFromPath(write('conf', '{"locale": "en"}')).config.locale, 'en');
    assert.equal(loadConfigFromPath(write('conf2', 'locale: en\n')).config.locale, 'en');
  });

  it('reports a missing or bad file and gives the defaults', () => {
    const missing = loadConfigFromPath(path.join(root, 'missing.json'));
    assert.match(only(missing.problems).messageEn, /file not found/);
    assert.equal(missing.config.locale, 'zh-CN');
    const bad = loadConfigFromPath(write('bad.json', '{"locale": "en", "unitz": []}'));
    assert.match(only(bad.problems).messageEn, /unknown key "unitz"; did you mean "units"\?/);
    assert.equal(bad.config.locale, 'zh-CN');
  });
});
