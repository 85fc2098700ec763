// The port of the corpus's score.py (bench/accuracy/score.ts): its definitions on made-up items, Python's meaning
// where JavaScript differs, and the same figures as score.py itself (../shared/corpus/score.py, run by python3) on a
// small made-up corpus.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusDir, ratchetOf, scoreCorpus } from '../../bench/accuracy/corpus.js';
import { figuresLine, fixed3, match, norm, normUnits, numKey, pyTruthy, score, type GoldTask, type PredTask } from '../../bench/accuracy/score.js';
import { cleanup, tempDir } from '../cli/run.js';
import { ROOT } from '../helpers/paths.js';
import { missing, sharedMissing } from '../helpers/shared.js';

const units = (...names: string[]) => new Set(names);

describe('accuracy: the scorer (score.py, ported)', () => {
  it('normalises as score.py: NFKC, no whitespace (Python\'s \\s), no pinyin, no trailing 等/等部门/等单位', () => {
    assert.equal(norm('（一）　Ａ１ '), '(一)A1');
    assert.equal(norm('a\x1cb\x85c\u3000d'), 'abcd', 'Python\'s \\s matches U+001C and U+0085');
    assert.equal(norm('a\ufeffb'), 'a\ufeffb', "Python's \\s does not match U+FEFF");
    assert.equal(norm(null), '');
    assert.deepEqual(normUnits(['市甲局（jú）', ' 市乙委等部门', '市丙办等单位', '市丁局等', '等', '(Ab)市戊局']), units('市甲局', '市乙委', '市丙办', '市丁局', '(Ab)市戊局'));
    assert.deepEqual(normUnits(null), units());
    assert.deepEqual(normUnits('市甲局'), units('市', '甲', '局'), 'a string is iterated by character, as in Python');
    assert.equal(numKey('（一）'), '(一)');
    assert.equal(numKey('1．'), '1');
    assert.equal(numKey('、一、'), '一');
  });

  it("reads JSON values with Python's truthiness", () => {
    for (const x of [null, undefined, false, 0, '', [], {}]) assert.equal(pyTruthy(x), false, JSON.stringify(x));
    for (const x of [true, 1, 'a', [0], { a: null }]) assert.equal(pyTruthy(x), true, JSON.stringify(x));
  });

  it('prints figures as Python does: a tie goes to the even digit', () => {
    assert.equal(fixed3(0.0625), '0.062');
    assert.equal(fixed3(0.9375), '0.938');
    assert.equal(fixed3(0.3125), '0.312');
    assert.equal(fixed3(2 / 3), '0.667');
    assert.equal(fixed3(1), '1.000');
    assert.equal(fixed3(0), '0.000');
  });

  it('matches by line and number first, else by number within 2 lines, in order', () => {
    const gold: GoldTask[] = [{ number: '1.', line: 5 }, { number: '2、', line: 9 }, { number: '3.', line: 20 }];
    const pred: PredTask[] = [{ number: '1', line: 6 }, { number: '1.', line: 5 }, { number: '2.', line: 11 }, { number: '3.', line: 17 }];
    const pairs = match(gold, pred).map(([g, p]) => [g.line, p.line]);
    assert.deepEqual(pairs, [[5, 5], [9, 11]]);
    assert.equal(match([{ number: null }], [{}]).length, 1, 'no line and no number on either side still pairs (None == None)');
  });

  it('scores leads, deadlines, groups and optional items as score.py does, and lists the errors', () => {
    const gold: GoldTask[] = [
      { number: '一、', line: 1, is_group: true },
      { number: '(一)', line: 2, lead_units: ['市甲局'], responsible_units: ['市乙局'], deadline: '6月底前' },
      { number: '(二)', line: 3, lead_units: [], responsible_units: ['市乙局', '市丙局'] },
      { number: '(三)', line: 4, lead_units: [], responsible_units: ['市乙局', '市丙局'] },
      { number: '(四)', line: 5, lead_units: [], inherited_lead_units: ['市丁局'], inherited_deadline: true },
      { number: '(五)', line: 6, lead_units: ['市甲局'], optional: true },
      { number: '(六)', line: 7, is_task: null },
      { number: '(七)', line: 8, lead_units: ['市甲局'] },
    ];
    const pred: PredTask[] = [
      { number: '一、', line: 1, lead: [] },
      { number: '（一）', line: 2, lead: ['市甲局等'], deadline: { text: '2025年6月底前' } },
      { number: '(二)', line: 3, lead: ['市乙局'] },
      { number: '(三)', line: 4, lead: ['市丙局'], deadline: {} },
      { number: '(四)', line: 5, lead: ['市丁局'], deadline: { text: '年底' } },
      { number: '(五)', line: 6, lead: [] },
      { number: '(六)', line: 7, lead: [] },
    ];
    const s = score([{ name: 'x.txt', gold, pred }]);
    // Scored: (一)(二)(三)(四)(七); found (一)–(四); (六) is extra (is_task null is not a task), 一、 and (五) are ignored.
    assert.deepEqual(s.counts, { goldTasks: 5, predTasks: 5, matched: 4, goldLeads: 2, goldDeadlines: 2, deadlineTextAgree: 1, deadlineTextCompared: 1 });
    assert.equal(s.figures.taskF1, 0.8);
    assert.equal(s.figures.leadAcc, 3 / 4, '(二) takes the first responsible unit; (三) names one that is not first');
    assert.equal(s.figures.falseMissingLead, 0);
    assert.equal(s.figures.deadlineF1, 1, 'an inherited deadline may be reported; an empty deadline object is none, as in Python');
    assert.deepEqual(
      s.files[0]!.errors.map((e) => `${e.category} ${e.number}`),
      ['missed task (七)', 'extra task (六)', 'wrong lead (三)'],
    );
    assert.equal(figuresLine(s.figures), 'task_f1=0.800 lead_acc=0.750 deadline_f1=1.000 false_missing_lead=0.000');
    assert.deepEqual(score([]).figures, { taskF1: 1, leadAcc: 0, deadlineF1: 1, falseMissingLead: 0 });
  });

  it('keeps a ratchet at or below the figures (at or above for the false "missing lead" rate)', () => {
    const f = { taskF1: 0.6390041493775933, leadAcc: 0.74, deadlineF1: 6 / 13, falseMissingLead: 1 / 3 };
    assert.deepEqual(ratchetOf(f), { taskF1: 0.639, leadAcc: 0.74, deadlineF1: 0.4615, falseMissingLead: 0.3334 });
  });

  const scorer = path.join(corpusDir(), 'score.py');
  if (!fs.existsSync(scorer)) sharedMissing('the comparison of the port with score.py', scorer);
  else {
    it('gives the figures of score.py itself on a made-up corpus (../shared/corpus/score.py, run by python3)', function () {
      this.timeout(120_000);
      const python = spawnSync('python3', ['--version']);
      if (python.error || python.status !== 0) missing(this, 'the comparison of the port with score.py', 'python3');
      const dir = tempDir('planlint-accuracy-');
      try {
        writeMadeUpCorpus(dir);
        const py = spawnSync('python3', [scorer, ROOT, dir], { encoding: 'utf8', timeout: 100_000 });
        assert.ok(py.status === 0 || py.status === 1, py.stderr);
        const s = scoreCorpus(dir, () => {});
        const c = s.counts;
        assert.deepEqual(py.stdout.trim().split('\n'), [
          `tasks gold=${c.goldTasks} pred=${c.predTasks} matched=${c.matched} gold_leads=${c.goldLeads} gold_deadlines=${c.goldDeadlines}`,
          `deadline_text_agree=${c.deadlineTextAgree}/${c.deadlineTextCompared} (informational)`,
          figuresLine(s.figures),
        ]);
        assert.ok(c.matched > 0 && c.goldLeads > 0, 'the made-up corpus exercises matching and leads');
      } finally {
        cleanup(dir);
      }
    });
  }
});

/** Three made-up plans with annotations that touch every rule of score.py (no real document is copied). */
function writeMadeUpCorpus(dir: string): void {
  const plans: Array<[string, string, object[]]> = [
    [
      '001',
      ['某市推进示范工作实施方案', '一、重点任务', '（一）完善制度。建立工作机制。（牵头单位：市发展改革委；责任单位：市财政局、市商务局；完成时限：2025年12月底前）',
        '（二）加强监管。开展专项检查。（责任单位：市市场监管局、市公安局，2025年6月底前完成）', '（三）优化服务。推进一网通办。（牵头单位：市政务服务中心等）',
        '二、保障措施', '（一）加强组织领导。'].join('\n'),
      [
        { number: '一、', line: 2, is_group: true, lead_units: [], responsible_units: [], deadline: null },
        { number: '（一）', line: 3, lead_units: ['市发展改革委'], responsible_units: ['市财政局', '市商务局'], deadline: '2025年12月底前' },
        { number: '(二)', line: 4, lead_units: [], responsible_units: ['市市场监管局', '市公安局'], deadline: '2025年6月底前' },
        { number: '(三)', line: 5, lead_units: ['市政务服务中心(zhōng)'], responsible_units: [], deadline: null, inherited_deadline: '2025年' },
        { number: '二、', line: 6, is_task: false, lead_units: [], responsible_units: [], deadline: null },
        { number: '(一)', line: 7, is_task: null, lead_units: [], responsible_units: [], deadline: null },
      ],
    ],
    [
      '002',
      ['某县示范工作要点', '1．建设平台。县甲局牵头，县乙局配合，2025年底前完成。', '', '2．开展培训。由县丙局负责。', '3．总结经验。', '4、其他事项。'].join('\n'),
      [
        { number: '1.', line: 3, lead_units: ['县甲局'], responsible_units: ['县乙局'], deadline: '2025年底前' },
        { number: '2.', line: 4, lead_units: ['县丙局等部门'], responsible_units: [], deadline: null },
        { number: '3.', line: 5, optional: true, lead_units: [], responsible_units: [], deadline: null },
        { number: '5.', line: 9, lead_units: ['县丁局'], responsible_units: [], deadline: '长期坚持' },
      ],
    ],
    ['003', '某某工作总结\n一、基本情况\n今年以来，工作有序推进。', []],
  ];
  for (const [name, text, tasks] of plans) {
    fs.writeFileSync(path.join(dir, `${name}.txt`), text + '\n');
    fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ tasks }));
  }
}
