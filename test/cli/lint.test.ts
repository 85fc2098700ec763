// CLI tests, spawning the built binary: exit codes, the stylish / json / github formats, files, folders, globs, stdin, encodings, workers.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { optionNames } from '../../server/src/cli/args.js';
import { escapeData, escapeProperty } from '../../server/src/cli/format/github.js';
import { joinPieces } from '../../server/src/cli/format/report.js';
import { ROOT, SAMPLES } from '../helpers/paths.js';
import { BIN, CLI_FIXTURES, cleanup, expectCode, fixEdits, jsonOf, planlint, tempDir } from './run.js';

const fx = (name: string) => path.join('test', 'fixtures', 'cli', name);

/** The sample files a folder run must find: every `*.plan*` in samples/ (not README.md, not report.txt). */
const SAMPLE_PLANS = fs
  .readdirSync(SAMPLES)
  .filter((n) => /\.plan(\.txt|\.md)?$/.test(n))
  .sort()
  .map((n) => `samples/${n}`);

describe('planlint (lint): exit codes', () => {
  it('0 for a clean plan, with only the count of files checked', () => {
    const r = planlint(['samples/clean.plan.md']);
    expectCode(r, 0);
    assert.equal(r.stdout, '检查了 1 个文件\n');
    assert.equal(r.stderr, '');
  });

  it('1 for a plan with an error', () => {
    expectCode(planlint([fx('one-error.plan')]), 1);
  });

  it('1 for a plan whose tasks an attachment lists as numbered items, one naming no lead; the table shows them', () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, 'attached.plan.txt');
      const lines = [
        '石门县2025年乡村道路养护工作方案',
        '',
        '一、工作目标',
        '全县农村公路优良路率达到80%。',
        '',
        '附件：2025年乡村道路养护重点任务清单',
        '',
        '附件',
        '',
        '2025年乡村道路养护重点任务清单',
        '',
        '一、日常养护',
        '1.清理边沟杂草。（牵头单位：县交通运输局；完成时限：2025年6月底前）',
        '2.修补路面坑槽。（完成时限：2025年9月底前）',
      ];
      fs.writeFileSync(file, lines.join('\n'));
      const r = planlint([file]);
      expectCode(r, 1);
      assert.match(r.stdout, /14:1 +错误 +任务“2\.修补路面坑槽”缺少牵头单位 +PL001 lead-unit-missing/);
      const table = planlint(['table', file]);
      expectCode(table, 0);
      const rows = table.stdout.split('\n').filter((l) => l.startsWith('| 一'));
      assert.deepEqual(
        rows.map((l) => l.split('|').slice(3, 7).map((c) => c.trim())),
        [
          ['清理边沟杂草', '县交通运输局', '', '2025年6月底前'],
          ['修补路面坑槽', '', '', '2025年9月底前'],
        ],
      );
    } finally {
      cleanup(dir);
    }
  });

  it('0 for warnings only, 1 with --max-severity warning, 0 again with --max-severity off', () => {
    expectCode(planlint([fx('one-warning.plan')]), 0);
    expectCode(planlint([fx('one-warning.plan'), '--max-severity', 'warning']), 1);
    expectCode(planlint([fx('one-error.plan'), '--max-severity', 'off']), 0);
    expectCode(planlint([fx('one-warning.plan'), '--max-severity', 'info']), 1);
  });

  it('--max-warnings: 1 when there are more warnings than allowed, with a message', () => {
    expectCode(planlint([fx('one-warning.plan'), '--max-warnings', '1']), 0);
    const r = planlint([fx('one-warning.plan'), '--max-warnings', '0']);
    expectCode(r, 1);
    assert.match(r.stderr, /警告过多：1 个，上限 0 个/);
  });

  it('2 for usage errors, with a hint', () => {
    const unknown = planlint(['--formt', 'json', 'samples']);
    expectCode(unknown, 2);
    assert.match(unknown.stderr, /未知选项“--formt”；是否想写“--format”？/);
    expectCode(planlint(['samples', '--format', 'xml']), 2);
    expectCode(planlint([]), 2);
    expectCode(planlint(['samples', '--max-warnings', 'many']), 2);
    expectCode(planlint(['samples', '--encoding', 'latin9']), 2);
    const rule = planlint(['samples', '--rule', 'PL099:off']);
    expectCode(rule, 2);
    assert.match(rule.stderr, /未知规则“PL099”/);
  });

  it('2 for a missing file or a glob that matches nothing; the other arguments are still linted', () => {
    const r = planlint(['samples/clean.plan.md', 'no/such.plan', '--format', 'json']);
    expectCode(r, 2);
    assert.match(r.stderr, /找不到文件或目录“no\/such\.plan”/);
    assert.deepEqual(jsonOf(r).map((f) => f.path), ['samples/clean.plan.md']);
    expectCode(planlint(['samples/*.nothing']), 2);
  });

  it('2 for a bad config file: one message naming the file and the problem', () => {
    const r = planlint([fx('bad-config/a.plan')]);
    expectCode(r, 2);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0]!, /test\/fixtures\/cli\/bad-config\/\.planlintrc\.json:3: rules\.PL002: 取值 "warn" 无效/);
    assert.equal(r.stdout, '');
    const viaFlag = planlint(['samples/clean.plan.md', '--config', fx('bad-config/.planlintrc.json'), '--locale', 'en']);
    expectCode(viaFlag, 2);
    assert.match(viaFlag.stderr, /configuration error: .*bad-config\/\.planlintrc\.json:3: rules\.PL002: invalid value "warn"/);
  });
});

describe('planlint (lint): a plan in which no task was read', () => {
  it('says so (checking nothing is not a clean result), in the report and on stderr; a plan with tasks does not', () => {
    const dir = tempDir();
    try {
      // Work given out in unnumbered paragraphs: nothing here is read as a task.
      fs.writeFileSync(path.join(dir, 'a.plan'), '岚川县2025年河道整治工作方案\n\n清理河道垃圾，县水利局牵头，2025年6月底前完成。\n\n整治入河排口，县生态环境局牵头，2025年9月底前完成。\n');
      fs.writeFileSync(path.join(dir, 'b.plan'), '岚川县2025年河道整治工作方案\n一、重点任务\n1.清理河道垃圾。（牵头单位：县水利局；完成时限：2025年6月底前）\n');
      const r = planlint(['a.plan', 'b.plan', '--format', 'json'], { cwd: dir });
      const [a, b] = jsonOf(r);
      assert.deepEqual(a!.notes, ['按方案检查，但没有读到任务：未检查任何任务的牵头单位和完成时限（任务应以“一、”“（一）”“1.”等编号列出，或列在任务分解表中）']);
      assert.equal(b!.notes, undefined);
      assert.match(r.stderr, /a\.plan：按方案检查，但没有读到任务/);
      assert.doesNotMatch(r.stderr, /b\.plan：/);
      const en = planlint(['a.plan', '--locale', 'en'], { cwd: dir });
      assert.match(en.stderr, /a\.plan: checked as a plan, but no task was read/);
    } finally {
      cleanup(dir);
    }
  });
});

describe('planlint (lint): configuration', () => {
  it('the nearest config file applies (locale en, a rule off)', () => {
    expectCode(planlint([fx('config-en/a.plan'), '--max-severity', 'warning']), 0);
    // The same text elsewhere has its PL002 warning.
    expectCode(planlint([fx('one-warning.plan'), '--max-severity', 'warning']), 1);
  });

  it('--config replaces the nearest config; --rule overrides a severity', () => {
    const r = planlint([fx('one-warning.plan'), '--config', fx('config-en/.planlintrc.json'), '--max-severity', 'warning']);
    expectCode(r, 0);
    const raised = planlint([fx('one-warning.plan'), '--rule', 'deadline-missing:error', '--format', 'json']);
    expectCode(raised, 1);
    assert.deepEqual(jsonOf(raised)[0]!.diagnostics.map((d) => `${d.ruleId} ${d.severity}`), ['PL002 error']);
    expectCode(planlint([fx('one-error.plan'), '--rule', 'PL001:off']), 0);
  });

  it('--locale en gives English messages and summary', () => {
    const r = planlint([fx('one-error.plan'), '--locale', 'en']);
    expectCode(r, 1);
    assert.match(r.stdout, /5:1 {2}error {2}Task "（二）加强行政执法监督" lists several responsible units but not which one leads {2}PL001 lead-unit-missing/);
    assert.match(r.stdout, /✖ 1 problem \(1 error, 0 warnings\)/);
  });

  it('--print-config shows the configuration in force for a file', () => {
    const r = planlint(['--print-config', fx('config-en/a.plan')]);
    expectCode(r, 0);
    const c = JSON.parse(r.stdout) as { locale: string; rules: Record<string, string>; sources: string[] };
    assert.equal(c.locale, 'en');
    assert.equal(c.rules['PL002'], 'off');
    assert.equal(c.rules['PL001'], 'error');
    assert.deepEqual(c.sources, ['test/fixtures/cli/config-en/.planlintrc.json']);
  });
});

describe('planlint (lint): stylish format', () => {
  it('groups by file: `line:col  severity  message  id name`, then the summary', () => {
    const r = planlint([fx('one-error.plan'), fx('one-warning.plan')]);
    expectCode(r, 1);
    assert.equal(
      r.stdout,
      [
        '',
        'test/fixtures/cli/one-error.plan',
        '  5:1  错误  任务“（二）加强行政执法监督”列有多个责任单位，未写明由哪个单位牵头  PL001 lead-unit-missing',
        '',
        'test/fixtures/cli/one-warning.plan',
        '  5:1  警告  任务“（二）加强行政执法监督”缺少完成时限  PL002 deadline-missing',
        '',
        '✖ 2 个问题（1 个错误，1 个警告）',
        '',
        '检查了 2 个文件',
        '',
      ].join('\n'),
    );
  });

  it('mentions fixable problems', () => {
    assert.match(planlint([fx('fixable.plan.txt')]).stdout, /其中 2 个可用 --fix 自动修复/);
  });

  it('colours only on request, and NO_COLOR wins over nothing', () => {
    assert.ok(!planlint([fx('one-error.plan')]).stdout.includes('\x1b['), 'no colour when stdout is not a TTY');
    assert.ok(planlint([fx('one-error.plan'), '--color']).stdout.includes('\x1b[31m'), '--color forces colour');
    assert.ok(planlint([fx('one-error.plan')], { env: { FORCE_COLOR: '1' } }).stdout.includes('\x1b['), 'FORCE_COLOR');
    assert.ok(!planlint([fx('one-error.plan')], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout.includes('\x1b['), 'NO_COLOR');
    assert.ok(!planlint([fx('one-error.plan'), '--color', '--no-color']).stdout.includes('\x1b['), '--no-color');
  });

  it('--quiet shows errors only, and only errors fail the run', () => {
    const r = planlint([fx('one-warning.plan'), '--quiet', '--max-severity', 'warning']);
    expectCode(r, 0);
    assert.equal(r.stdout, '检查了 1 个文件\n');
    expectCode(planlint([fx('one-warning.plan'), '--quiet', '--max-warnings', '0']), 0);
    expectCode(planlint([fx('one-warning.plan'), '--max-warnings', '0']), 1);
    expectCode(planlint([fx('one-error.plan'), fx('one-warning.plan'), '--quiet']), 1);
    const errors = planlint([fx('fixable.plan.txt'), '--quiet', '--format', 'json']);
    assert.deepEqual(jsonOf(errors)[0]!.diagnostics.map((d) => d.ruleId), ['PL004']);
  });
});

describe('planlint (lint): json format', () => {
  it('an array of file results: 1-based line/column, the LSP range, span, counts', () => {
    const r = planlint([fx('one-error.plan'), '--format', 'json']);
    expectCode(r, 1);
    const [file] = jsonOf(r);
    assert.equal(file!.path, 'test/fixtures/cli/one-error.plan');
    assert.equal(file!.errorCount, 1);
    assert.equal(file!.warningCount, 0);
    assert.equal(file!.encoding, 'utf8');
    assert.equal(file!.bom, false);
    const [d] = file!.diagnostics;
    assert.deepEqual(
      { ruleId: d!.ruleId, ruleName: d!.ruleName, severity: d!.severity, line: d!.line, column: d!.column },
      { ruleId: 'PL001', ruleName: 'lead-unit-missing', severity: 'error', line: 5, column: 1 },
    );
    assert.equal(d!.range.start.line, d!.line - 1);
    assert.equal(d!.range.start.character, d!.column - 1);
    assert.equal(d!.range.end.character, d!.endColumn - 1);
    // The span and the range describe the same characters.
    const text = fs.readFileSync(path.join(CLI_FIXTURES, 'one-error.plan'), 'utf8');
    assert.equal(text.slice(d!.span.start, d!.span.end), '（二）');
  });

  it('fixes are in the output as edits', () => {
    const [file] = jsonOf(planlint([fx('fixable.plan.txt'), '--format', 'json']));
    assert.equal(file!.fixableCount, 2);
    assert.ok(file!.diagnostics.every((d) => d.fix && fixEdits(file!, d).length > 0));
  });

  it('is written in pieces of about 64 K characters, not one write per finding, and loses none of them', () => {
    const pieces = Array.from({ length: 5000 }, (_, i) => `      {"ruleId": "PL002", "n": ${i}}\n`);
    const joined = [...joinPieces(pieces)];
    assert.equal(joined.join(''), pieces.join(''));
    assert.ok(joined.length > 1 && joined.length < 10, `${joined.length} pieces`);
    for (const piece of joined.slice(0, -1)) assert.ok(piece.length >= 65536 && piece.length < 65536 + 100, `a piece of ${piece.length}`);
    assert.deepEqual([...joinPieces([])], []);
    assert.deepEqual([...joinPieces(['', 'a', ''])], ['a']);
  });

  it('columns count UTF-16 code units: a character outside the BMP counts two', () => {
    const dir = tempDir();
    try {
      // `𠮷` (U+20BB7) is two UTF-16 units: the missing-lead finding on `2.` after it starts at column 4.
      fs.writeFileSync(path.join(dir, 'a.plan'), '测试工作方案\n一、重点任务\n𠮷 2.加强监督。[责任单位:市财政局、市审计局;完成时限:2025年底前]\n');
      const [file] = jsonOf(planlint(['a.plan', '--format', 'json'], { cwd: dir }));
      const d = file!.diagnostics.find((x) => x.ruleId === 'PL001');
      assert.ok(d, JSON.stringify(file));
      assert.equal(d.column, 4);
      assert.equal(d.range.start.character, 3);
    } finally {
      cleanup(dir);
    }
  });
});

describe('planlint (lint): github format', () => {
  it('one workflow command per finding, with title and positions', () => {
    const r = planlint([fx('one-error.plan'), fx('one-warning.plan'), '--format', 'github']);
    expectCode(r, 1);
    assert.equal(
      r.stdout,
      '::error file=test/fixtures/cli/one-error.plan,line=5,col=1,endLine=5,endColumn=4,title=PL001 lead-unit-missing::任务“（二）加强行政执法监督”列有多个责任单位，未写明由哪个单位牵头\n' +
        '::warning file=test/fixtures/cli/one-warning.plan,line=5,col=1,endLine=5,endColumn=4,title=PL002 deadline-missing::任务“（二）加强行政执法监督”缺少完成时限\n',
    );
  });

  it('escapes % CR LF in data and also : , in properties', () => {
    assert.equal(escapeData('50%\r\nnext: a, b'), '50%25%0D%0Anext: a, b');
    assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
  });

  it('escapes a file name with a comma and a colon in the built output', () => {
    const dir = tempDir();
    try {
      fs.copyFileSync(path.join(CLI_FIXTURES, 'one-error.plan'), path.join(dir, 'a,b:c%.plan'));
      const r = planlint(['a,b:c%.plan', '--format', 'github'], { cwd: dir });
      expectCode(r, 1);
      assert.match(r.stdout, /^::error file=a%2Cb%3Ac%25\.plan,line=5,/);
    } finally {
      cleanup(dir);
    }
  });
});

describe('planlint (lint): files, folders, globs, stdin', () => {
  it('a folder gives its plan files (README.md passed over by --ignore-pattern; the report listed as skipped)', () => {
    // samples/README.md describes plans (牵头单位, 完成时限…), so its text reads as one: the run names it to pass it over.
    const r = planlint(['samples', '--format', 'json', '--ignore-pattern', 'README.md']);
    expectCode(r, 1);
    const files = jsonOf(r);
    assert.deepEqual(files.filter((f) => f.skipped === undefined).map((f) => f.path), SAMPLE_PLANS);
    assert.deepEqual(files.filter((f) => f.skipped !== undefined).map((f) => [f.path, f.skipReason]), [['samples/report.txt', 'report']]);
    assert.match(r.stderr, /已跳过 samples\/report\.txt：判断为报告/);
    assert.match(r.stderr, /检查了 11 个文件，跳过 1 个，1 个路径按忽略规则未查看/);
  });

  it('a folder: .txt/.md by their text; node_modules and hidden folders skipped', () => {
    const dir = tempDir();
    try {
      const plan = fs.readFileSync(path.join(CLI_FIXTURES, 'one-warning.plan'));
      fs.mkdirSync(path.join(dir, 'node_modules', 'x'), { recursive: true });
      fs.mkdirSync(path.join(dir, '.git'));
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.writeFileSync(path.join(dir, 'node_modules', 'x', 'a.plan'), plan);
      fs.writeFileSync(path.join(dir, '.git', 'b.plan'), plan);
      fs.writeFileSync(path.join(dir, 'sub', 'named.txt'), '\n\n  # 某市2025年工作要点\n一、重点任务\n');
      fs.writeFileSync(path.join(dir, 'sub', 'notes.txt'), '会议记录\n\n今天讨论了下一步安排。\n');
      fs.writeFileSync(path.join(dir, 'sub', 'c.plan.md'), plan);
      const r = planlint(['.', '--format', 'json'], { cwd: dir });
      assert.deepEqual(jsonOf(r).map((f) => [f.path, f.skipReason]), [['sub/c.plan.md', undefined], ['sub/named.txt', undefined], ['sub/notes.txt', 'no-evidence']]);
    } finally {
      cleanup(dir);
    }
  });

  it('a folder without plan files is an error (exit 2)', () => {
    const dir = tempDir();
    try {
      fs.writeFileSync(path.join(dir, 'notes.txt'), 'nothing here');
      const r = planlint(['.'], { cwd: dir });
      expectCode(r, 2);
      assert.match(r.stderr, /中没有方案文件/);
    } finally {
      cleanup(dir);
    }
  });

  it('a glob, expanded by planlint itself', () => {
    const r = planlint(['samples/**/*.plan*', '--format', 'json']);
    assert.deepEqual(jsonOf(r).map((f) => f.path), SAMPLE_PLANS);
    const braces = planlint(['samples/{clean,inline}.plan.*', '--format', 'json']);
    expectCode(braces, 0);
    assert.deepEqual(jsonOf(braces).map((f) => f.path), ['samples/clean.plan.md', 'samples/inline.plan.txt']);
  });

  it('a file named twice is linted once; order follows the command line', () => {
    const r = planlint([fx('one-warning.plan'), fx('one-error.plan'), 'test/fixtures/cli/*.plan', '--format', 'json']);
    assert.deepEqual(jsonOf(r).map((f) => f.path), ['test/fixtures/cli/one-warning.plan', 'test/fixtures/cli/one-error.plan', 'test/fixtures/cli/binary.plan']);
  });

  it('- reads standard input; --stdin-filename names it and picks its config', () => {
    const text = fs.readFileSync(path.join(CLI_FIXTURES, 'one-warning.plan'));
    const plain = planlint(['-', '--format', 'json'], { input: text });
    expectCode(plain, 0);
    assert.equal(jsonOf(plain)[0]!.path, '<stdin>');
    assert.deepEqual(jsonOf(plain)[0]!.diagnostics.map((d) => d.ruleId), ['PL002']);
    const named = planlint(['-', '--stdin-filename', fx('config-en/stdin.plan'), '--format', 'json'], { input: text });
    assert.equal(jsonOf(named)[0]!.path, 'test/fixtures/cli/config-en/stdin.plan');
    assert.deepEqual(jsonOf(named)[0]!.diagnostics, [], 'config-en turns PL002 off');
  });

  it('a binary file is skipped with a message and does not fail the run', () => {
    const r = planlint([fx('binary.plan'), 'samples/clean.plan.md', '--format', 'json']);
    expectCode(r, 0);
    assert.match(r.stderr, /已跳过 test\/fixtures\/cli\/binary\.plan：二进制文件/);
    const [binary, clean] = jsonOf(r);
    assert.match(binary!.skipped ?? '', /二进制文件/);
    assert.equal(clean!.skipped, undefined);
  });

  it('reads GB18030 and UTF-16 (BOM) files, reporting the encoding', () => {
    const r = planlint([fx('fixable.plan.txt'), fx('fixable.gb18030.plan.txt'), fx('fixable.utf16le-bom.plan.txt'), 'test/fixtures/encoding/gb18030.plan.txt', '--format', 'json']);
    const files = jsonOf(r);
    assert.deepEqual(files.map((f) => [f.encoding, f.bom]), [['utf8', false], ['gb18030', false], ['utf16le', true], ['gb18030', false]]);
    // The same text gives the same findings whatever its encoding.
    const strip = (f: (typeof files)[number]) => f.diagnostics.map((d) => ({ ...d, fix: undefined }));
    assert.deepEqual(strip(files[1]!), strip(files[0]!));
    assert.deepEqual(strip(files[2]!), strip(files[0]!));
    assert.equal(files[3]!.diagnostics.length, 0, 'the GB18030 fixture plan is clean: it was read right');
  });

  it('--encoding forces a decoding (and a wrong one is an input error, exit 2)', () => {
    const r = planlint([fx('fixable.gb18030.plan.txt'), '--encoding', 'gbk', '--format', 'json']);
    assert.equal(jsonOf(r)[0]!.encoding, 'gb18030');
    const wrong = planlint([fx('fixable.gb18030.plan.txt'), '--encoding', 'utf-8', '--format', 'json']);
    expectCode(wrong, 2);
    assert.match(jsonOf(wrong)[0]!.error ?? '', /不是有效的 UTF-8 文本/);
    assert.match(wrong.stderr, /不是有效的 UTF-8 文本/);
  });
});

describe('planlint (lint): many files through worker threads', () => {
  let dir: string;
  before(() => {
    dir = tempDir();
    for (let copy = 1; copy <= 2; copy++) {
      for (const name of fs.readdirSync(SAMPLES)) {
        if (/\.plan/.test(name)) fs.copyFileSync(path.join(SAMPLES, name), path.join(dir, `${copy}-${name}`));
      }
    }
  });
  after(() => cleanup(dir));

  it('gives exactly the single-threaded results, in the same order', () => {
    const single = planlint(['.', '--format', 'json', '--concurrency', 'off', '--verbose'], { cwd: dir });
    const pooled = planlint(['.', '--format', 'json', '--concurrency', '2', '--verbose'], { cwd: dir });
    assert.match(single.stderr, /未用工作线程/);
    assert.match(pooled.stderr, /2 个工作线程加主线程/);
    assert.doesNotMatch(pooled.stderr, /主线程补做/, 'no worker failed');
    assert.equal(jsonOf(pooled).length, 22);
    assert.equal(pooled.stdout, single.stdout);
    assert.equal(pooled.code, single.code);
  });

  it('reports files in path order whatever finishes first (a long plan first, the main thread and workers sharing the queue)', function () {
    this.timeout(180_000); // 6 runs of 23 files
    const mixed = tempDir();
    try {
      // `0-long.plan`, 15 plans long, is taken first and finishes last; the short ones after it finish early.
      const long = fs.readFileSync(path.join(SAMPLES, 'bracket-style.plan'), 'utf8');
      fs.writeFileSync(path.join(mixed, '0-long.plan'), Array.from({ length: 15 }, () => long).join('\n'));
      for (const name of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, name), path.join(mixed, name));
      const expected = fs.readdirSync(mixed).sort();
      for (const format of ['json', 'stylish']) {
        const single = planlint(['.', '--format', format, '--concurrency', 'off', '--no-color'], { cwd: mixed });
        for (const concurrency of ['1', '3']) {
          const pooled = planlint(['.', '--format', format, '--concurrency', concurrency, '--no-color', '--verbose'], { cwd: mixed });
          assert.match(pooled.stderr, new RegExp(`${concurrency} 个工作线程加主线程`));
          assert.equal(pooled.stdout, single.stdout, `${format}, --concurrency ${concurrency}`);
          assert.equal(pooled.code, single.code);
        }
        if (format === 'json') assert.deepEqual(jsonOf(single).map((f) => f.path), expected);
      }
    } finally {
      cleanup(mixed);
    }
  });

  it('auto: workers only above 8 files and 1 MB, and only with a core to spare (none on two cores)', function () {
    this.timeout(180_000); // two runs over 1 MB
    const big = tempDir();
    try {
      const text = fs.readFileSync(path.join(SAMPLES, 'bracket-style.plan'));
      const copies = Math.ceil((1024 * 1024) / text.length);
      for (let i = 0; i < copies; i++) fs.writeFileSync(path.join(big, `${i}.plan`), text);
      // What this machine should do over 1 MB: cores − 2 workers beside the main thread (tested per core count in pool.test).
      const workers = Math.max(0, Math.min(os.availableParallelism() - 2, Math.ceil(copies / 8)));
      const over = planlint(['.', '--format', 'json', '--verbose'], { cwd: big });
      assert.match(over.stderr, workers > 0 ? new RegExp(`${workers} 个工作线程加主线程`) : /未用工作线程/);
      fs.rmSync(path.join(big, '0.plan'));
      // One file fewer is under 1 MB: not worth a worker's start-up.
      assert.match(planlint(['.', '--format', 'json', '--verbose'], { cwd: big }).stderr, /未用工作线程/);
    } finally {
      cleanup(big);
    }
    // 22 small files: not worth a worker's start-up.
    assert.match(planlint(['.', '--format', 'json', '--verbose'], { cwd: dir }).stderr, /未用工作线程/);
    assert.match(planlint(['1-clean.plan.md', '1-inline.plan.txt', '--verbose'], { cwd: dir }).stderr, /未用工作线程/);
  });

  it('--fix through workers writes the same files as in one thread', () => {
    const a = tempDir();
    const b = tempDir();
    try {
      for (const name of fs.readdirSync(dir)) {
        fs.copyFileSync(path.join(dir, name), path.join(a, name));
        fs.copyFileSync(path.join(dir, name), path.join(b, name));
      }
      const ra = planlint(['.', '--fix', '--concurrency', '2', '--format', 'json'], { cwd: a });
      const rb = planlint(['.', '--fix', '--concurrency', 'off', '--format', 'json'], { cwd: b });
      assert.equal(ra.stdout, rb.stdout);
      for (const name of fs.readdirSync(dir)) assert.equal(fs.readFileSync(path.join(a, name), 'utf8'), fs.readFileSync(path.join(b, name), 'utf8'), name);
    } finally {
      cleanup(a);
      cleanup(b);
    }
  });
});

describe('planlint (lint): progress bar', () => {
  it('never on a non-TTY stderr', () => {
    const r = planlint(['samples', '--format', 'json', '--concurrency', 'off']);
    assert.doesNotMatch(r.stderr, /\r|\x1b\[/);
    assert.match(r.stderr, /^(?:已跳过 .*\n)*检查了 \d+ 个文件.*\n$/);
  });

  it('on a TTY (through script(1)), erased before the report', function () {
    const script = spawnSync('script', ['--version']);
    if (script.error || process.platform !== 'linux') this.skip();
    const dir = tempDir();
    try {
      for (let i = 0; i < 150; i++) fs.copyFileSync(path.join(SAMPLES, 'bracket-style.plan'), path.join(dir, `${i}.plan`));
      const bin = BIN;
      const run = spawnSync('script', ['-qfec', `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} . --concurrency off --max-severity off --no-color`, '/dev/null'], {
        cwd: dir,
        timeout: 120_000,
      });
      const out = run.stdout.toString('utf8');
      assert.match(out, /\[█*░*\] \d+\/150 /, 'a bar was drawn');
      assert.match(out, /\r\x1b\[2K\n?\r?\n?\S/, 'and erased');
      const quiet = spawnSync('script', ['-qfec', `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} . --concurrency off --max-severity off --no-progress`, '/dev/null'], {
        cwd: dir,
        timeout: 120_000,
      });
      assert.doesNotMatch(quiet.stdout.toString('utf8'), /░/, '--no-progress');
    } finally {
      cleanup(dir);
    }
  });
});

describe('planlint --help / --version', () => {
  it('--help: Chinese first, then English; exit 0', () => {
    const r = planlint(['--help']);
    expectCode(r, 0);
    const zh = r.stdout.indexOf('用法：');
    const en = r.stdout.indexOf('Usage:');
    assert.ok(zh >= 0 && en > zh, 'Chinese usage before English');
    const [zhPart, enPart] = [r.stdout.slice(zh, en), r.stdout.slice(en)];
    for (const option of optionNames()) {
      assert.ok(zhPart.includes(option), `Chinese help lacks ${option}`);
      assert.ok(enPart.includes(option), `English help lacks ${option}`);
    }
    for (const code of ['0 ', '1 ', '2 ']) assert.ok(enPart.includes(`\n  ${code}`), `exit code ${code}`);
  });

  it('the README documents every option and exit code (between <!-- cli:start --> and <!-- cli:end -->)', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf('<!-- cli:start -->');
    const end = readme.indexOf('<!-- cli:end -->');
    assert.ok(start >= 0 && end > start, 'README has no CLI section between <!-- cli:start --> and <!-- cli:end -->');
    const section = readme.slice(start + '<!-- cli:start -->'.length, end);
    const missing = optionNames().filter((o) => !section.includes(o));
    assert.deepEqual(missing, [], 'options missing from the README CLI section');
    // Each exit code is a row of the section's exit-code table: `| `0` | meaning |`.
    for (const code of ['0', '1', '2']) assert.match(section, new RegExp(`^\\| \`${code}\` \\| \\S`, 'm'), `exit code ${code} has no row`);
  });

  it('--version prints the package version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = planlint(['--version']);
    expectCode(r, 0);
    assert.equal(r.stdout.trim(), pkg.version);
  });
});
