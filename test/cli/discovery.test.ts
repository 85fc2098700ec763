// CLI tests of what a run reads and what it says it skipped: folders by content, skip reasons in every format,
// arguments that give nothing, ignore rules, `-o` extensions, and the seeds as a folder.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HAVE_SEEDS, SEEDS } from '../helpers/paths.js';
import { sharedMissing } from '../helpers/shared.js';
import { cleanup, expectCode, jsonOf, planlint, tempDir } from './run.js';

/** A plan by its title (and its tasks). */
const TITLED_PLAN = '江宁市2025年法治政府建设工作方案\n\n一、重点任务\n（一）完善制度。牵头单位：市司法局；完成时限：2025年6月底前。\n';
/** A plan without a title: its body assigns work with deadlines. */
const UNTITLED_PLAN = '一、重点任务\n1.开展执法检查。由市司法局负责，2025年6月底前完成。\n';
const REPORT = '江宁市2024年法治政府建设情况的报告\n\n一年来，我市开展了执法检查，取得了明显成效。\n';
const READING = '关于《江宁市法治政府建设实施方案》的解读\n\n现解读如下。\n';
const NO_EVIDENCE = '会议记录\n\n今天讨论了下一步安排。\n';
/** Neither UTF-8 nor GB18030 (0xFF starts no character in either). */
const UNDECODABLE = Buffer.concat([Buffer.from('一二三四五六七八九十'.repeat(5)), Buffer.from([0xff, 0xff, 0xff])]);

function write(dir: string, rel: string, content: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), content);
}

/** `[path, skipReason or 'linted']` of each JSON entry. */
function verdicts(files: ReturnType<typeof jsonOf>): string[][] {
  return files.map((f) => [f.path, f.skipReason ?? (f.skipped === undefined ? 'linted' : 'skipped?')]);
}

describe('planlint (lint): what a folder gives, and what it skipped', () => {
  let dir: string;
  before(() => {
    dir = tempDir();
    write(dir, 'a-titled.txt', TITLED_PLAN);
    write(dir, 'b-untitled.md', UNTITLED_PLAN);
    write(dir, 'c-plan.text', TITLED_PLAN);
    write(dir, 'd-report.txt', REPORT);
    write(dir, 'e-reading.md', READING);
    write(dir, 'f-notes.txt', NO_EVIDENCE);
    write(dir, 'g-binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
    write(dir, 'h-word.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
    write(dir, 'i-bad.txt', UNDECODABLE);
    write(dir, 'j-named.plan', NO_EVIDENCE);
    write(dir, 'k-data.json', '{}');
    // The configuration's `files` make a plan whatever the text; its `kind` decides for the text files of a folder.
    write(dir, 'minutes/.planlintrc.json', JSON.stringify({ files: ['*.txt'] }));
    write(dir, 'minutes/m.txt', NO_EVIDENCE);
    write(dir, 'reports/.planlintrc.json', JSON.stringify({ kind: 'report' }));
    write(dir, 'reports/r.txt', TITLED_PLAN);
  });
  after(() => cleanup(dir));

  it('lints the plans by name, configuration or text; lists every other candidate with its reason (JSON)', () => {
    const r = planlint(['.', '--format', 'json'], { cwd: dir });
    expectCode(r, 0);
    assert.deepEqual(verdicts(jsonOf(r)), [
      ['a-titled.txt', 'linted'],
      ['b-untitled.md', 'linted'],
      ['c-plan.text', 'linted'],
      ['j-named.plan', 'linted'],
      ['minutes/m.txt', 'linted'],
      ['d-report.txt', 'report'],
      ['e-reading.md', 'other'],
      ['f-notes.txt', 'no-evidence'],
      ['g-binary.txt', 'binary'],
      ['h-word.doc', 'word'],
      ['i-bad.txt', 'encoding'],
      ['reports/r.txt', 'report'],
    ]);
    assert.match(jsonOf(r).find((f) => f.path === 'd-report.txt')!.skipped ?? '', /判断为报告/);
    // The closing lines go to stderr beside a machine-readable report.
    assert.match(r.stderr, /已跳过 h-word\.doc：Word 97-2003 或 WPS 文档/);
    assert.match(r.stderr, /检查了 5 个文件，跳过 7 个\n$/);
  });

  it('stylish: the report ends with each skipped file and the count, in Chinese or English', () => {
    const zh = planlint(['.'], { cwd: dir });
    expectCode(zh, 0);
    const zhLines = zh.stdout.trimEnd().split('\n');
    assert.equal(zhLines.at(-1), '检查了 5 个文件，跳过 7 个');
    assert.ok(zhLines.includes('已跳过 f-notes.txt：不是方案：没有判断依据（无方案标题，也没有分配任务）'), zh.stdout);
    // The two texts checked as plans by their name or their folder's configuration hold no task: each is named, the
    // plans with tasks are not.
    const none = '按方案检查，但没有读到任务：未检查任何任务的牵头单位和完成时限（任务应以“一、”“（一）”“1.”等编号列出，或列在任务分解表中）';
    assert.equal(zh.stderr, `planlint：j-named.plan：${none}\nplanlint：minutes/m.txt：${none}\n`);
    const en = planlint(['.', '--locale', 'en'], { cwd: dir });
    const enLines = en.stdout.trimEnd().split('\n');
    assert.equal(enLines.at(-1), 'checked 5 files, skipped 7');
    assert.ok(enLines.some((l) => /^skipped d-report\.txt: Read as a report/.test(l)), en.stdout);
    assert.ok(enLines.some((l) => /^skipped i-bad\.txt: neither UTF-8 nor GB18030/.test(l)), en.stdout);
    // --quiet keeps the count, not the list.
    const quiet = planlint(['.', '--quiet'], { cwd: dir });
    assert.equal(quiet.stdout, '检查了 5 个文件，跳过 7 个\n');
  });

  it('github: a file that is not a plan is a notice, one that could not be read a warning', () => {
    const r = planlint(['.', '--format', 'github'], { cwd: dir });
    const lines = r.stdout.split('\n');
    assert.ok(lines.some((l) => l.startsWith('::notice file=d-report.txt,title=planlint::')), r.stdout);
    assert.ok(lines.some((l) => l.startsWith('::warning file=h-word.doc,title=planlint::')), r.stdout);
    assert.ok(lines.every((l) => l === '' || l.startsWith('::')), 'only workflow commands on stdout');
  });

  it('--encoding reads the head of text files in that encoding', () => {
    const r = planlint(['.', '--format', 'json', '--encoding', 'gb18030'], { cwd: dir });
    // The UTF-8 texts are not GB18030 text: each is listed as skipped for its encoding, none is linted as garbage.
    const files = jsonOf(r);
    assert.equal(files.find((f) => f.path === 'a-titled.txt')?.skipReason, 'encoding');
  });

  it('a named file is linted whatever its text (a named .doc is an error: planlint cannot read it)', () => {
    const r = planlint(['d-report.txt', '--format', 'json'], { cwd: dir });
    expectCode(r, 0);
    assert.deepEqual(verdicts(jsonOf(r)), [['d-report.txt', 'linted']]);
    expectCode(planlint(['h-word.doc'], { cwd: dir }), 2);
  });

  it('a run that checks no file exits 2 and says so', () => {
    const r = planlint(['g-binary.txt'], { cwd: dir });
    expectCode(r, 2);
    assert.match(r.stdout, /没有检查任何文件，跳过 1 个/);
    assert.match(r.stderr, /planlint：没有检查任何文件/);
  });
});

describe('planlint (lint): documents about plans that are not plans', () => {
  const ITEMS = '一、工作安排\n1.改造农村公路。（县交通运输局牵头，10月底前完成）\n2.新建污水管网。（县住建局牵头，12月底前完成）\n';
  let dir: string;
  before(() => {
    dir = tempDir();
    write(dir, 'a-drafting.txt', `关于《柳岸县农村公路提档升级实施方案》的起草说明\n${ITEMS}`);
    write(dir, 'b-bulletin.txt', `柳岸县2024年上半年重点任务落实情况通报\n${ITEMS}`);
    write(dir, 'c-minutes.txt', `柳岸县人民政府第二十三次常务会议纪要\n${ITEMS}`);
    write(dir, 'd-explainer.txt', `一图读懂《柳岸县农村公路提档升级实施方案》\n${ITEMS}`);
    write(dir, 'e-news.txt', '我县出台方案推进农村公路提档升级\n来源：柳岸日报\n近日，县政府办公室印发《柳岸县农村公路提档升级实施方案》。一是改造农村公路，由县交通运输局牵头；二是新建桥梁，10月底前完工。\n');
    write(dir, 'f-activity.txt', '关于开展2024年“安全生产月”活动的通知\n现将有关事项通知如下：\n一、活动内容\n1.开展宣传咨询日活动。县应急管理局负责组织，6月底前完成。\n二、有关要求\n请于7月5日前报送总结。\n');
    write(dir, 'g-README.md', '# 说明\n\n本文件夹存放本局历年的工作方案。\n\n1. 文件按年份存放。\n2. 每个方案的牵头单位以正文为准。\n3. 新增文件请在年底前交办公室。\n');
    write(dir, 'h-tasks.txt', `关于开展2024年道路交通安全专项整治的通知\n现将有关事项通知如下：\n${ITEMS}`);
  });
  after(() => cleanup(dir));

  it('a folder run passes each over with its reason, and lints the notice that gives its work out', () => {
    const r = planlint(['.', '--format', 'json'], { cwd: dir });
    expectCode(r, 0);
    assert.deepEqual(verdicts(jsonOf(r)), [
      ['h-tasks.txt', 'linted'],
      ['a-drafting.txt', 'other'],
      ['b-bulletin.txt', 'report'],
      ['c-minutes.txt', 'other'],
      ['d-explainer.txt', 'other'],
      ['e-news.txt', 'other'],
      ['f-activity.txt', 'other'],
      ['g-README.md', 'other'],
    ]);
    const skipped = (name: string) => jsonOf(r).find((f) => f.path === name)!.skipped ?? '';
    assert.match(skipped('e-news.txt'), /^判断为非方案文件：新闻报道（我县出台方案推进农村公路提档升级/);
    assert.match(skipped('f-activity.txt'), /^判断为非方案文件：通知只提工作要求，未逐项分工（关于开展2024年“安全生产月”活动的通知）$/);
  });

  it('named on the command line, such a file gets no plan findings, and the note says what was checked', () => {
    // 2月30日 does not exist (PL009, a rule for any document); the items' numbers skip 2 (PL004, a plan rule).
    write(dir, 'i-contingency.txt', '柳岸县森林火灾应急预案\n1 总则\n1.1 编制目的\n1.3 适用范围\n5 附则\n5.1 本预案由县林业局负责解释。\n5.2 演练（县林业局负责，2024年2月30日前完成）\n');
    const r = planlint(['i-contingency.txt', '--format', 'json'], { cwd: dir });
    assert.deepEqual(jsonOf(r)[0]!.diagnostics.map((d) => [d.ruleId, d.line]), [['PL009', 7]]);
    assert.match(
      r.stderr,
      /^planlint：i-contingency\.txt：判断为非方案文件：规则、细则或预案（柳岸县森林火灾应急预案）；不作为方案检查：其中的编号项不作为任务，编号和分工也不检查，只检查日期是否有效（配置 "kind": "plan" 可改）$/m,
    );
    const en = planlint(['i-contingency.txt', '--locale', 'en'], { cwd: dir });
    assert.match(en.stderr, /not checked as a plan: its numbered items are not checked as tasks, nor its numbering and attributions, only whether its dates are valid/);
  });
});

describe('planlint (lint): an argument that gives nothing', () => {
  it('is reported; the other arguments are still linted; the run exits 2 at the end', () => {
    const dir = tempDir();
    try {
      write(dir, 'empty/notes.txt', NO_EVIDENCE);
      write(dir, 'plans/a.txt', TITLED_PLAN);
      const r = planlint(['empty', 'plans', 'missing.txt', 'none/*.plan', '--format', 'json'], { cwd: dir });
      expectCode(r, 2);
      assert.deepEqual(verdicts(jsonOf(r)), [
        ['plans/a.txt', 'linted'],
        ['empty/notes.txt', 'no-evidence'],
      ]);
      assert.match(r.stderr, /目录“empty”中没有方案文件/);
      assert.match(r.stderr, /找不到文件或目录“missing\.txt”/);
      assert.match(r.stderr, /没有文件匹配“none\/\*\.plan”/);
      assert.match(r.stderr, /检查了 1 个文件，跳过 1 个/);
    } finally {
      cleanup(dir);
    }
  });
});

describe('planlint (lint): a text file whose name is not UTF-8', () => {
  it('is read by its bytes, classified by its text and shown with its bytes escaped', function () {
    if (process.platform !== 'linux') this.skip(); // names are bytes on Linux only
    const dir = tempDir();
    try {
      fs.writeFileSync(Buffer.concat([Buffer.from(dir + '/'), Buffer.from([0xb7, 0xbd, 0xb0, 0xb8]), Buffer.from('.txt')]), TITLED_PLAN);
      fs.writeFileSync(Buffer.concat([Buffer.from(dir + '/'), Buffer.from([0xb1, 0xa8]), Buffer.from('.txt')]), REPORT);
      const r = planlint(['.', '--format', 'json'], { cwd: dir });
      expectCode(r, 0);
      assert.deepEqual(verdicts(jsonOf(r)), [
        ['\\xB7\\xBD\\xB0\\xB8.txt', 'linted'],
        ['\\xB1\\xA8.txt', 'report'],
      ]);
    } finally {
      cleanup(dir);
    }
  });
});

describe('planlint (lint): ignore rules', () => {
  let dir: string;
  before(() => {
    dir = tempDir();
    // A repository: its root's .gitignore counts for a run on a folder below it.
    fs.mkdirSync(path.join(dir, '.git'));
    write(dir, '.gitignore', 'build/\n*.draft.txt\n');
    write(dir, 'docs/a.txt', TITLED_PLAN);
    write(dir, 'docs/b.draft.txt', TITLED_PLAN);
    write(dir, 'docs/build/c.txt', TITLED_PLAN);
    // A nested .gitignore overrides the root's for its folder.
    write(dir, 'docs/keep/.gitignore', '!*.draft.txt\n');
    write(dir, 'docs/keep/d.draft.txt', TITLED_PLAN);
    write(dir, 'docs/old/e.txt', TITLED_PLAN);
    write(dir, 'docs/f.bak.txt', TITLED_PLAN);
    write(dir, 'docs/.planlintrc.json', JSON.stringify({ ignores: ['old/'] }));
  });
  after(() => cleanup(dir));

  const linted = (r: ReturnType<typeof planlint>) => jsonOf(r).filter((f) => f.skipped === undefined).map((f) => f.path);

  it('.gitignore files (from the repository root down) and the configuration’s ignores', () => {
    const r = planlint(['docs', '--format', 'json'], { cwd: dir });
    expectCode(r, 0);
    assert.deepEqual(linted(r), ['docs/a.txt', 'docs/f.bak.txt', 'docs/keep/d.draft.txt']);
    assert.match(r.stderr, /检查了 3 个文件，3 个路径按忽略规则未查看/);
  });

  it('--ignore-pattern, repeatable, relative to the working directory; globs follow the rules too', () => {
    const r = planlint(['docs', '--format', 'json', '--ignore-pattern', '*.bak.txt', '--ignore-pattern', 'docs/keep'], { cwd: dir });
    assert.deepEqual(linted(r), ['docs/a.txt']);
    const glob = planlint(['docs/**/*.txt', '--format', 'json', '--ignore-pattern', '*.bak.txt'], { cwd: dir });
    assert.deepEqual(linted(glob), ['docs/a.txt', 'docs/keep/d.draft.txt']);
  });

  it('--no-ignore lints everything; a named file is linted whatever the rules say', () => {
    const r = planlint(['docs', '--format', 'json', '--no-ignore', '--ignore-pattern', '*.bak.txt'], { cwd: dir });
    assert.deepEqual(linted(r), ['docs/a.txt', 'docs/b.draft.txt', 'docs/build/c.txt', 'docs/f.bak.txt', 'docs/keep/d.draft.txt', 'docs/old/e.txt']);
    assert.deepEqual(linted(planlint(['docs/b.draft.txt', '--format', 'json'], { cwd: dir })), ['docs/b.draft.txt']);
  });

  it('a config file with a bad `ignores` is a configuration error', () => {
    const bad = tempDir();
    try {
      write(bad, 'a.plan', TITLED_PLAN);
      write(bad, '.planlintrc.json', JSON.stringify({ ignores: 'old/' }));
      const r = planlint(['.'], { cwd: bad });
      expectCode(r, 2);
      assert.match(r.stderr, /ignores/);
    } finally {
      cleanup(bad);
    }
  });
});

describe('planlint: -o with an extension of another format', () => {
  it('is a usage error (exit 2), and nothing is written', () => {
    const dir = tempDir();
    try {
      write(dir, 'a.plan', TITLED_PLAN);
      for (const args of [
        ['a.plan', '-f', 'json', '-o', 'out.sarif'],
        ['a.plan', '-o', 'out.json'],
        ['a.plan', '-f', 'sarif', '-o', 'out.csv'],
        ['table', 'a.plan', '--format', 'csv', '-o', 'x.xlsx'],
        ['table', 'a.plan', '-o', 'x.xls'],
      ]) {
        const r = planlint(args, { cwd: dir });
        expectCode(r, 2);
        assert.match(r.stderr, /扩展名 \.\w+ 与格式 \w+ 不符/, args.join(' '));
      }
      assert.deepEqual(fs.readdirSync(dir), ['a.plan']);
      const en = planlint(['a.plan', '-f', 'json', '-o', 'out.sarif', '--locale', 'en'], { cwd: dir });
      assert.match(en.stderr, /the output file "out\.sarif" has the extension \.sarif, which format json does not write/);
    } finally {
      cleanup(dir);
    }
  });

  it('the format’s own extensions, or one no format claims, are written', () => {
    const dir = tempDir();
    try {
      write(dir, 'a.plan', TITLED_PLAN);
      for (const args of [
        ['a.plan', '-f', 'sarif', '-o', 'out.sarif.json'],
        ['a.plan', '-f', 'sarif', '-o', 'out.sarif'],
        ['a.plan', '-f', 'json', '-o', 'out.json'],
        ['a.plan', '-o', 'out.log'],
        ['a.plan', '-o', 'report'],
        ['table', 'a.plan', '-o', 'tasks.csv'],
        ['table', 'a.plan', '--format', 'md', '-o', 'tasks.txt'],
      ]) {
        expectCode(planlint(args, { cwd: dir }), 0);
      }
      assert.deepEqual(fs.readdirSync(dir).sort(), ['a.plan', 'out.json', 'out.log', 'out.sarif', 'out.sarif.json', 'report', 'tasks.csv', 'tasks.txt']);
    } finally {
      cleanup(dir);
    }
  });
});

describe('planlint on the seeds copied into a folder (../shared/seeds)', () => {
  if (!HAVE_SEEDS) {
    sharedMissing('folder discovery over the seeds', SEEDS); // fails in CI, reported elsewhere
    return;
  }

  it('lints every plan among them and lists seed 003, a report, as skipped', () => {
    const dir = tempDir();
    try {
      const seeds = fs.readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).sort();
      assert.equal(seeds.length, 5);
      for (const name of seeds) fs.writeFileSync(path.join(dir, name), fs.readFileSync(path.join(SEEDS, name)));
      const r = planlint(['.', '--format', 'json', '--max-severity', 'off'], { cwd: dir });
      expectCode(r, 0);
      const report = seeds.find((n) => n.startsWith('003_'))!;
      assert.deepEqual(verdicts(jsonOf(r)), [...seeds.filter((n) => n !== report).map((n) => [n, 'linted']), [report, 'report']]);
      assert.match(r.stderr, /检查了 4 个文件，跳过 1 个/);
      const stylish = planlint(['.', '--max-severity', 'off', '--locale', 'en'], { cwd: dir });
      assert.match(stylish.stdout, new RegExp(`skipped ${report}: Read as a report`));
      assert.match(stylish.stdout, /checked 4 files, skipped 1\n$/);
    } finally {
      cleanup(dir);
    }
  });
});
