// PL004 number-sequence: edge cases the fixtures show poorly — per-level modes, renumbering limits, guards, shared fixes, English text.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyFixes, applyFixesUntilStable } from '../../server/src/lint/fixes.js';
import { renumberEdits } from '../../server/src/features/code-actions.js';
import type { Fix } from '../../server/src/lint/types.js';
import { parsePlan } from '../../server/src/model/plan.js';
import { defaultSettings } from '../../server/src/lint/engine.js';
import type { Report } from '../../server/src/lint/rule.js';
import { invertedSections, levelModes, siblingRuns, outsideOutline } from '../../server/src/model/numbering.js';
import type { Span } from '../../server/src/model/types.js';
import { rule, tableItem, type Item } from '../../server/src/rules/PL004-number-sequence.js';
import { lint } from '../helpers/lint.js';
import { SAMPLES } from '../helpers/paths.js';

const ID = 'PL004';
const findings = (text: string) => lint(text, { ruleId: ID });
const fixed = (text: string) =>
  applyFixesUntilStable(text, (t) =>
    findings(t)
      .map((d) => d.fix)
      .filter((f): f is Fix => f !== undefined),
  ).text;

/** A small plan: one line per marker paragraph, blank lines between. */
const plan = (...lines: string[]) => ['岚川市2024年度工作要点', '', ...lines.flatMap((l) => [l, ''])].join('\n');

describe('PL004 number-sequence', () => {
  it('reads the mode per level: (一) continuous while 1. restarts under each (一)', () => {
    const text = plan('一、甲', '(一)子一', '1.任务', '2.任务', '(二)子二', '1.任务', '二、乙', '(三)子三', '1.任务', '(四)子四', '1.任务');
    const modes = levelModes(parsePlan(text));
    assert.equal(modes.get(2), 'continuous');
    assert.equal(modes.get(3), 'per-parent');
    assert.deepEqual(findings(text), []);
  });

  it('reads one plan\'s runs once for every rule that asks, and each plan its own', () => {
    const a = parsePlan(plan('一、甲', '1.任务', '3.任务'));
    const b = parsePlan(plan('一、甲', '(一)子一', '1.任务', '2.任务', '3.任务'));
    assert.equal(siblingRuns(a), siblingRuns(a));
    assert.equal(outsideOutline(a), outsideOutline(a));
    assert.equal(invertedSections(a), invertedSections(a));
    const shape = (p: typeof a) => siblingRuns(p).map((r) => r.sections.map((s) => s.marker.text).join(' '));
    assert.deepEqual(shape(a), ['一、', '1. 3.']);
    assert.deepEqual(shape(b), ['一、', '(一)', '1. 2. 3.']);
  });

  it('passes over the rows of a task table with no number (they continue the row above) and renumbers none of them', () => {
    const text = [
      '青杉县2026年便民服务工作方案',
      '附件:任务分解表',
      '| 序号 | 工作任务 | 牵头单位 | 完成时限 |',
      '| --- | --- | --- | --- |',
      '| 1 | 新建便民服务点6个 | 县商务局 | 2026年6月底前 |',
      '|  | 升级便民服务点导视牌 |  |  |',
      '| 2 | 整修农贸市场2处 | 县市场监管局 |  |',
      '|  | 更换农贸市场电子秤 |  |  |',
      '| 4 | 新增停车位200个 | 县城管局 | 2026年底前 |',
    ].join('\n');
    const ds = lint(text);
    assert.deepEqual(ds.filter((d) => d.ruleId === 'PL004').map((d) => d.message), ['任务表序号“4”跳号，应为“3”']);
    assert.deepEqual(ds.filter((d) => d.ruleId === 'PL001'), []);
    // The continuing row is named by its title alone, with no number before it.
    assert.deepEqual(ds.filter((d) => d.ruleId === 'PL002').map((d) => d.message), ['任务“2 整修农贸市场2处”缺少完成时限', '任务“更换农贸市场电子秤”缺少完成时限']);
    assert.deepEqual(fixed(text).split('\n').slice(4).map((l) => l.split('|')[1]), [' 1 ', '  ', ' 2 ', '  ', ' 3 ']);
  });

  it('a list that starts again at 1 in another shape (`(1)` after `1）` `2）` `3）`) is a list of its own, not a step back', () => {
    const text = plan('一、保障措施', '1）加强组织领导。', '2）强化资金保障。', '3）严格督查考核。', '(1)各村每月25日前上报台账。', '(2)镇环卫所建立保洁机制。');
    assert.deepEqual(findings(text).map((d) => d.message), []);
    // The same shape, or the same shape in other widths (`（1）` after `(2)`), still steps back.
    const same = plan('一、保障措施', '(1)加强组织领导。', '(2)强化资金保障。', '（1）各村每月25日前上报台账。');
    assert.deepEqual(findings(same).map((d) => d.message), ['编号“（1）”倒退，应为“（3）”']);
  });

  it('renumbers Chinese numerals across 十 and keeps the parentheses', () => {
    const first = ['一', '二', '三', '四', '五', '六', '七', '八', '九'].map((n) => `(${n})任务`);
    const text = plan('一、甲', ...first, '(十一)任务', '(十二)任务', '二、乙', '(十三)任务');
    const ds = findings(text);
    assert.deepEqual(
      ds.map((d) => d.message),
      ['编号“(十一)”跳号，应为“(十)”（本文该级全文连续编号）'],
    );
    assert.match(fixed(text), /\(九\)任务\n\n\(十\)任务\n\n\(十一\)任务\n\n二、乙\n\n\(十二\)任务\n$/);
  });

  it('reads a marker with spaces inside its brackets by its number, and renumbers it keeping the spaces', () => {
    const text = plan('一、甲', '（ 一 ）任务', '（ 二 ）任务', '（ 四 ）任务');
    const ds = findings(text);
    assert.deepEqual(
      ds.map((d) => d.message),
      ['编号“（ 四 ）”跳号，应为“（ 三 ）”'],
    );
    assert.match(fixed(text), /（ 一 ）任务\n\n（ 二 ）任务\n\n（ 三 ）任务\n$/);
  });

  it('reads a marker whose stop a copy set apart (`三 、`, `3 . `) by its number, and renumbers it keeping the spaces', () => {
    const text = plan('一 、 甲', '1 . 任务', '3 . 任务', '三 、 乙');
    const ds = findings(text);
    assert.deepEqual(
      ds.map((d) => d.message),
      ['编号“3 .”跳号，应为“2 .”', '编号“三 、”跳号，应为“二 、”'],
    );
    assert.match(fixed(text), /一 、 甲\n\n1 \. 任务\n\n2 \. 任务\n\n二 、 乙\n$/);
  });

  it('gives every finding of one run the same single fix, which settles them all at once', () => {
    const text = plan('一、甲', '1.任务', '3.任务', '4.任务', '4.任务', '5.任务');
    const ds = findings(text);
    assert.deepEqual(
      ds.map((d) => d.message),
      ['编号“3.”跳号，应为“2.”', '编号“4.”与前一项重复，应为“5.”'],
    );
    assert.ok(ds[0]!.fix && ds[1]!.fix);
    assert.deepEqual(ds[0]!.fix, ds[1]!.fix);
    assert.equal(ds[0]!.fix.title, '从“3.”起依次重新编号');
    assert.match(fixed(text), /1\.任务\n\n2\.任务\n\n3\.任务\n\n4\.任务\n\n5\.任务/);
  });

  it('offers no fix when a renumbered marker could not be written (circled numbers stop at ⑳)', () => {
    const circled = Array.from({ length: 20 }, (_, i) => String.fromCharCode(0x2460 + i) + '事项');
    const text = plan('一、甲', '1.任务', ...circled, '⑳事项');
    const ds = findings(text);
    assert.equal(ds.length, 1);
    assert.equal(ds[0]!.message, '编号“⑳”与前一项重复，应为“21”');
    assert.equal(ds[0]!.fix, undefined);
  });

  it('does not renumber around a number it cannot read (an odd model: a NaN value)', () => {
    const model = parsePlan(plan('一、甲', '(一)任务', '(二)任务', '(四)任务'));
    model.allSections[2]!.marker.value = NaN;
    const reports: Report[] = [];
    rule.check({ plan: model, settings: defaultSettings(), options: {}, report: (r) => reports.push(r) });
    assert.equal(reports.length, 1);
    assert.equal(reports[0]!.messageId, 'gap');
    assert.deepEqual(reports[0]!.data, { found: '(四)', expected: '(三)' });
    assert.equal(reports[0]!.fix, undefined);
  });

  it('reports but does not renumber the items under a misplaced level (PL006)', () => {
    // `(一)` after `2.` under 一、 is out of order; its `3.` `4.` are not silently renumbered to 1, 2.
    const text = plan('一、甲', '1.任务', '2.任务', '(一)子项', '3.任务', '4.任务', '二、乙', '1.任务', '2.任务', '三、丙', '1.任务', '2.任务');
    const ds = findings(text);
    assert.equal(ds.length, 1);
    assert.equal(ds[0]!.message, '编号“3.”是本部分的第一项，应为“1.”（本文该级各部分分别编号）');
    assert.equal(ds[0]!.fix, undefined);
  });

  it('stays silent about a gap when the missing marker is written there but was not read as one', () => {
    // The grammar does not take `一、2023年…` for a marker (a digit follows 、); renumbering 二、 to 一、 would be wrong.
    const text = plan('一、2023年主要工作', '二、存在的问题', '三、下一步打算');
    assert.deepEqual(findings(text), []);
  });

  it('lets items count on through each chapter across its sections and start again in the next', () => {
    const counted = plan('一、甲', '(一)子项', '1.任务', '(二)子项', '2.任务', '二、乙', '(一)子项', '1.任务', '(二)子项', '2.任务');
    assert.deepEqual(findings(counted), []);
    // A gap inside a chapter is still one.
    const gap = plan('一、甲', '(一)子项', '1.任务', '(二)子项', '3.任务', '二、乙', '(一)子项', '1.任务', '(二)子项', '2.任务');
    assert.deepEqual(findings(gap).map((d) => d.message), ['编号“3.”跳号，应为“2.”（本文该级全文连续编号）']);
  });

  it('lets a task table restart at 1 after a category row', () => {
    const text = [
      '岚川市2024年度任务分工方案',
      '',
      '| 序号 | 重点工作任务 | 牵头单位 | 完成时限 |',
      '|---|---|---|---|',
      '| 1 | 任务甲 | 市司法局 | 2024年6月底前 |',
      '| 2 | 任务乙 | 市司法局 | 2024年9月底前 |',
      '| 二、 | 规范执法 |  |  |',
      '| 1 | 任务丙 | 市司法局 | 2024年12月底前 |',
      '| 3 | 任务丁 | 市司法局 | 2024年12月底前 |',
      '',
    ].join('\n');
    const ds = findings(text);
    assert.deepEqual(
      ds.map((d) => d.message),
      ['任务表序号“3”跳号，应为“2”'],
    );
  });

  describe('a table whose category headings are lines or merged rows the model leaves out of its rows', () => {
    /** A tab-separated task table with a category line above each group of rows, numbered as `numbers` say. */
    const tsv = (...groups: string[][]) =>
      [
        '澄湖县2025年便民服务重点任务清单',
        '',
        '序号\t重点任务\t牵头单位\t完成时限',
        ...groups.flatMap((numbers, g) => [
          `${'一二三'[g]}、第${'一二三'[g]}类服务`,
          ...numbers.map((n, k) => `${n}\t办好便民事项${g}${k}\t县行政审批局\t2025年9月底前`),
        ]),
        '',
      ].join('\n');

    it('accepts numbering that restarts at 1 under each category, and numbering that runs on', () => {
      assert.deepEqual(findings(tsv(['1', '2'], ['1'], ['1', '2', '3'])), []);
      assert.deepEqual(findings(tsv(['1', '2'], ['3'], ['4', '5'])), []);
    });

    it('still reports a gap or a duplicate inside a category', () => {
      assert.deepEqual(
        findings(tsv(['1', '2'], ['1', '3'], ['1', '1'])).map((d) => d.message),
        ['任务表序号“3”跳号，应为“2”', '任务表序号“1”与上一行重复，应为“2”'],
      );
    });

    it('accepts a restart after a merged Markdown category row', () => {
      const text = [
        '澄湖县2025年便民服务重点任务清单',
        '',
        '| 序号 | 重点任务 | 牵头单位 | 完成时限 |',
        '|---|---|---|---|',
        '| 一、窗口服务 | 一、窗口服务 | 一、窗口服务 | 一、窗口服务 |',
        '| 1 | 延长午间办事时间 | 县行政审批局 | 2025年6月底前 |',
        '| 2 | 设立帮办代办窗口 | 县行政审批局 | 2025年6月底前 |',
        '| 二、网上服务 | 二、网上服务 | 二、网上服务 | 二、网上服务 |',
        '| 1 | 上线掌上办事专区 | 县数据局 | 2025年9月底前 |',
        '',
      ].join('\n');
      assert.deepEqual(findings(text), []);
    });
  });

  describe('a table whose header is printed again after a page break (copied over pages from a PDF or Word)', () => {
    const header = ['序号', '整治任务', '牵头单位', '责任单位', '完成时限'];
    /** A task table with `header` written by `row` over rows numbered `first`, then `between` (a page break), then rows numbered `then`. */
    const paged = (row: (cells: string[]) => string[], first: string[], between: string[], then: string[]) =>
      [
        '澄湖县2025年河湖岸线整治工作方案',
        '',
        '附件：河湖岸线整治任务分解表',
        ...row(header),
        ...first.flatMap((n) => row([n, `清理河道岸线堆放物${n}处`, '县水利局', '各镇人民政府', '2025年9月底前'])),
        ...between,
        ...then.flatMap((n) => row([n, `拆除岸线违建设施${n}处`, '县自然资源局', '县城管局', '2025年10月底前'])),
        '',
      ].join('\n');
    const spaced = (cells: string[]) => [cells.join(' ')];
    const forms: [string, (cells: string[]) => string[], string[]][] = [
      ['space-separated', spaced, ['— 4 —', '序号  整治任务  牵头单位  责任单位  完成时限']],
      ['space-separated, no page number', spaced, [header.join(' ')]],
      ['Markdown', (cells) => [`| ${cells.join(' | ')} |`], ['— 4 —', `| ${header.join(' | ')} |`]],
      ['tab-separated, the header again without its tabs', (cells) => [cells.join('\t')], ['— 4 —', header.join('  ')]],
      ['one cell a line', (cells) => cells, ['— 4 —', ...header]],
    ];

    for (const [form, row, between] of forms) {
      it(`counts its rows on across the break: nothing to report, nothing to renumber (${form})`, () => {
        const text = paged(row, ['1', '2'], between, ['3', '4']);
        assert.deepEqual(findings(text), []);
        assert.equal(fixed(text), text);
      });
    }

    it('still reports a gap after the break, and renumbers from it on', () => {
      const text = paged(spaced, ['1', '2'], forms[0]![2], ['5', '6']);
      assert.deepEqual(findings(text).map((d) => d.message), ['任务表序号“5”跳号，应为“3”']);
      assert.deepEqual(
        fixed(text).split('\n').slice(-3, -1).map((l) => l.split(' ')[0]),
        ['3', '4'],
      );
    });
  });

  it('settles the bracket-style sample: the gap and the duplicate together leave 1.–17.', () => {
    const text = readFileSync(join(SAMPLES, 'bracket-style.plan'), 'utf8');
    assert.deepEqual(
      findings(text).map((d) => `${d.range.start.line + 1} ${d.message}`),
      ['36 编号“9.”跳号，应为“8.”（本文该级全文连续编号）', '52 编号“14.”与前一项重复，应为“15.”（本文该级全文连续编号）'],
    );
    const after = fixed(text);
    const numbers = [...after.matchAll(/^(\d+)[.、]/gm)].map((m) => Number(m[1]));
    assert.deepEqual(numbers, Array.from({ length: 17 }, (_, i) => i + 1));
  });

  it('speaks English with locale en, naming the mode', () => {
    const restart = plan('一、甲', '1.任务', '2.任务', '二、乙', '3.任务', '4.任务', '三、丙', '5.任务', '6.任务', '四、丁', '1.任务');
    assert.equal(lint(restart, { ruleId: ID, locale: 'en' })[0]!.message, 'Number "1." starts again from the beginning, but this level uses continuous numbering; expected "7."');
    const perParent = plan('一、甲', '1.任务', '2.任务', '二、乙', '1.任务', '3.任务');
    assert.equal(lint(perParent, { ruleId: ID, locale: 'en' })[0]!.message, 'Number "3." skips ahead; expected "2." (numbering at this level restarts under each part)');
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\n\n', '一、', '(一)', '1.', '一是', '| 序号 | 任务 | 牵头单位 |\n|---|---|---|\n| x | y | z |', '(十百)(百十)', '0.甲\n\n0.乙']) {
      assert.doesNotThrow(() => findings(text));
      assert.ok(lint(text, { ruleId: ID, locale: 'en' }).every((d) => !d.message.includes('failed')), `no internal error for ${JSON.stringify(text)}`);
    }
  });
  /** A plan numbered `1.1` `1.2` under `一、`, `2.1` under `二、`, `1.2.1` under `1.2`, each item naming its lead and deadline. */
  const DECIMAL_PLAN = [
    '松溪县2025年智慧农业建设工作方案',
    '',
    '一、重点任务',
    '1.1 建设农业物联网平台。接入1.2万户。（牵头单位：县农业农村局；完成时限：2025年9月底前）',
    '1.2 推广智能灌溉',
    '1.2.1 新增面积2.5万亩。（牵头单位：县水利局；完成时限：2025年10月底前）',
    '1.2.2 节水3.5%。（牵头单位：县水利局；完成时限：2025年11月底前）',
    '二、推进机制',
    '2.1 建立调度机制。（牵头单位：县政府办；完成时限：2025年12月底前）',
    '2.2 强化资金保障。（牵头单位：县财政局；完成时限：2025年12月底前）',
  ].join('\n');

  it('finds nothing wrong in a consistent decimal plan, and no numbering finding of any rule (PL003–PL006)', () => {
    assert.deepEqual(findings(DECIMAL_PLAN), []);
    const numbering = lint(DECIMAL_PLAN).filter((d) => ['PL003', 'PL004', 'PL005', 'PL006'].includes(d.ruleId));
    assert.deepEqual(numbering.map((d) => d.message), []);
  });

  it('reports a gap in decimal markers by their last number, and renumbers the markers under it with it', () => {
    const text = DECIMAL_PLAN.replace('1.2 推广', '1.3 推广').replace('1.2.1', '1.3.1').replace('1.2.2', '1.3.3');
    assert.deepEqual(
      findings(text).map((d) => `${d.range.start.line} ${d.message}`),
      ['4 编号“1.3”跳号，应为“1.2”', '6 编号“1.3.3”跳号，应为“1.3.2”'],
    );
    assert.equal(fixed(text), DECIMAL_PLAN);
    // The renumbering command on `一、`'s items does the same for them.
    const edits = renumberEdits(parsePlan(text), text.indexOf('一、'));
    assert.equal(applyFixes(text, [{ title: '', edits }]).text, DECIMAL_PLAN.replace('1.2.2', '1.2.3'));
  });

  it('reports a decimal marker whose leading number is not its parent\'s, without a fix', () => {
    const text = DECIMAL_PLAN.replace('2.1 建立', '1.1 建立');
    const ds = findings(text);
    assert.deepEqual(ds.map((d) => `${d.range.start.line} ${d.message}`), ['8 编号“1.1”的前几位与上级“二、”不符，应为“2.1”']);
    assert.equal(ds[0]!.fix, undefined);
    assert.equal(lint(text, { ruleId: ID, locale: 'en' })[0]!.message, 'Number "1.1" does not begin with the number of "二、" above it; expected "2.1"');
  });

  it('finds nothing wrong in a bare number heading the decimals after items of another form (`2.2` `（1）` `（2）` `3` `3.1`)', () => {
    const text = [
      '松溪县2025年城乡供水提升工作方案',
      '1 总体要求',
      '2 重点任务',
      '2.1 完善管网设施。（牵头单位：县水利局）',
      '2.2 提升供水质量',
      '（1）更新老旧水表。（牵头单位：县水利局）',
      '（2）建设水质监测点。（牵头单位：县卫健委）',
      '3 强化运营管理',
      '3.1 建立巡检制度。（牵头单位：县水利局）',
      '3.2 公开服务标准。（牵头单位：县市场监管局）',
    ].join('\n');
    assert.deepEqual(findings(text).map((d) => d.message), []);
    // An excerpt from `2.2` on, with no title: the same.
    assert.deepEqual(findings(text.split('\n').slice(4).join('\n')).map((d) => d.message), []);
  });

  it('counts top-level decimal markers (no marker above) per leading number', () => {
    const text = ['松溪县2025年智慧农业建设工作方案', '1.1 建设平台', '1.2 推广灌溉', '2.1 建立机制', '2.3 强化保障'].join('\n');
    assert.deepEqual(findings(text).map((d) => d.message), ['编号“2.3”跳号，应为“2.2”']);
  });
});

/** Every rule's fixes applied until none is left: what `--fix` writes. */
const fixedByAll = (text: string) =>
  applyFixesUntilStable(text, (t) =>
    lint(t)
      .map((d) => d.fix)
      .filter((f): f is Fix => f !== undefined),
  ).text;

describe('PL004 lists that do not start the document', () => {
  // An excerpt: no title, the page begins inside chapter 二's section (三), at its seventh item.
  const excerpt = [
    '7.规范农村宅基地审批。（牵头单位：岚川县自然资源局；完成时限：2024年11月底前）',
    '8.开展闲置农房盘活试点。（牵头单位：岚川县农业农村局；完成时限：2024年12月底前）',
    '（四）提升乡村治理水平',
    '1.完善村规民约。（牵头单位：岚川县民政局；完成时限：2024年8月底前）',
    '2.推广积分制管理。（牵头单位：岚川县委组织部；完成时限：2024年10月底前）',
    '三、保障措施',
    '（一）压实工作责任。各乡镇要细化措施，抓好落实。',
    '（二）加强宣传引导。及时总结推广典型经验。',
  ];

  it('reads an excerpt that starts mid-way as lists that started before it: nothing to report, nothing to fix', () => {
    const text = excerpt.join('\n');
    assert.deepEqual(findings(text), []);
    assert.equal(fixedByAll(text), text);
    const model = parsePlan(text);
    assert.equal(model.excerpt, true);
    // The renumbering command counts on from the first number too.
    assert.deepEqual(renumberEdits(model, 0), []);
  });

  it('still counts on from where an excerpt\'s list starts, and under a heading that starts mid-way too', () => {
    const gap = [excerpt[0]!, excerpt[1]!.replace('8.', '10.'), ...excerpt.slice(2)].join('\n');
    assert.deepEqual(
      findings(gap).map((d) => d.message),
      ['编号“10.”跳号，应为“8.”（本文该级各部分分别编号）'],
    );
    assert.match(fixed(gap), /^7\.规范[^\n]*\n8\.开展/);
    // A page that begins at the end of a sentence, then (三) with its fifth and sixth items (numbered on through the chapter).
    const midSentence = ['确保各项任务按期完成。', '（三）加强耕地保护', '5.落实耕地占补平衡。（牵头单位：岚川县自然资源局）', '6.整治撂荒地。（牵头单位：岚川县农业农村局）'].join('\n');
    assert.deepEqual(findings(midSentence), []);
    assert.equal(parsePlan(midSentence).excerpt, true);
  });

  it('lets a level first met under a later sibling of a heading shown from mid-way start at any number; a gap after is reported', () => {
    // The page begins at (五), then a new chapter and (六), whose items are numbered on through the plan: 9 is not a gap.
    const lines = [
      '（五）整治河道岸线。清理违建12处。（牵头单位：岚川县水利局）',
      '四、改善人居环境',
      '（六）推进垃圾分类。',
      '9.建设分类收集点。新建收集点40个，2024年10月底前完成。（牵头单位：岚川县城管局）',
      '10.开展入户宣传。覆盖全县社区，2024年11月底前完成。（牵头单位：岚川县城管局）',
    ];
    assert.equal(parsePlan(lines.join('\n')).excerpt, true);
    assert.deepEqual(findings(lines.join('\n')), []);
    // A skip inside that list is still one.
    const gap = [...lines.slice(0, 4), lines[4]!.replace('10.', '11.')].join('\n');
    assert.deepEqual(findings(gap).map((d) => d.message), ['编号“11.”跳号，应为“10.”']);
    // A plan with a title that starts its outline at 一、 still counts the items from 1.
    const whole = ['岚川县2024年人居环境整治工作方案', '', '一、改善人居环境', '（一）推进垃圾分类。', ...lines.slice(3)].join('\n');
    assert.equal(parsePlan(whole).excerpt, false);
    assert.deepEqual(findings(whole).map((d) => d.message), ['编号“9.”跳号，应为“1.”']);
  });

  it('reads a plan shown from its third chapter, after its title and preamble, as an excerpt; a gap after is still reported', () => {
    const text = ['岚川县2024年乡村治理工作方案', '', '为提升乡村治理水平，制定本方案。', ...excerpt.slice(5)].join('\n');
    assert.deepEqual(findings(text), []);
    assert.equal(fixedByAll(text), text);
    assert.equal(parsePlan(text).excerpt, true);
    const gap = ['岚川县2024年乡村治理工作方案', '', ...excerpt.slice(5), '五、工作要求'].join('\n');
    assert.deepEqual(
      findings(gap).map((d) => d.message),
      ['编号“五、”跳号，应为“四、”'],
    );
  });

  it('keeps reporting a plan with a title that starts at 一、 and skips', () => {
    const text = ['岚川县2024年乡村治理工作方案', '', '一、重点任务', '（一）完善村规民约。', ...excerpt.slice(5)].join('\n');
    assert.deepEqual(
      findings(text).map((d) => d.message),
      ['编号“三、”跳号，应为“二、”'],
    );
    assert.equal(parsePlan(text).excerpt, false);
  });

  // A covering notice that states its own requirements (一、二、), signed and dated, then the plan it issues.
  const notice = [
    '岚川县人民政府办公室关于印发岚川县2024年农村供水保障工作方案的通知',
    '各乡镇人民政府，县直有关单位：',
    '现将《岚川县2024年农村供水保障工作方案》印发给你们，请结合实际认真抓好落实，并提出以下要求。',
    '一、压实属地责任。各乡镇要把农村供水保障列入年度重点工作。',
    '二、加强调度通报。县水利局要每月通报工作进展。',
    '',
    '岚川县人民政府办公室',
    '2024年3月5日',
    '',
    '岚川县2024年农村供水保障工作方案',
    '',
    '一、重点工作',
    '（一）开展水源地保护。（牵头单位：岚川县水利局；完成时限：2024年6月底前）',
    '（二）更新老旧供水管网。（牵头单位：岚川县住建局；完成时限：2024年10月底前）',
    '二、保障措施',
    '（一）加强组织领导。各乡镇主要负责同志亲自抓。',
  ];

  it('numbers the plan after a covering notice afresh: the notice\'s requirements are a list of their own, not tasks', () => {
    const text = notice.join('\n');
    assert.deepEqual(findings(text), []);
    assert.equal(fixedByAll(text), text);
    const model = parsePlan(text);
    assert.deepEqual(model.tasks.map((t) => t.number), ['（一）', '（二）']);
    // The notice ends after its signature's date.
    const noticeEnd = text.indexOf('2024年3月5日\n') + '2024年3月5日\n'.length;
    assert.deepEqual(model.separateLists, [{ span: { start: 0, end: noticeEnd }, level: 1, kind: 'notice' }]);
    // Without the signature and the quotes round the plan's name, the notice still ends at the plan's title.
    const bare = notice.filter((l) => l !== '岚川县人民政府办公室' && l !== '2024年3月5日').join('\n').replace(/[《》]/g, '');
    assert.deepEqual(parsePlan(bare).tasks.map((t) => t.number), ['（一）', '（二）']);
    assert.deepEqual(findings(bare), []);
  });

  // Goals listed under a label in the opening paragraph, before the chapters; the tasks number on through the chapters.
  const goals = [
    '岚川市2024年生活垃圾分类工作要点',
    '为持续推进生活垃圾分类，制定本要点。',
    '主要目标：',
    '1.居民小区分类设施覆盖率达到95%以上；',
    '2.厨余垃圾日处理能力达到300吨。',
    '一、由市城管局负责的任务',
    '1.新建分类投放亭100座。（完成时限：2024年6月底前）',
    '2.完善分类收运线路。（完成时限：2024年9月底前）',
    '二、由市商务局负责的任务',
    '3.推进再生资源回收网点建设。（完成时限：2024年10月底前）',
    '4.规范废旧物资回收行业。（完成时限：2024年12月底前）',
  ];

  it('reads items under a label naming a non-task section (主要目标：) as goals, a list of their own', () => {
    const text = goals.join('\n');
    assert.deepEqual(lint(text).map((d) => `${d.ruleId} ${d.message}`), []);
    assert.equal(fixedByAll(text), text);
    const model = parsePlan(text);
    assert.deepEqual(model.tasks.map((t) => t.title), ['新建分类投放亭100座', '完善分类收运线路', '推进再生资源回收网点建设', '规范废旧物资回收行业']);
    assert.deepEqual(model.allSections.filter((s) => s.nonTask).map((s) => s.marker.text), ['1.', '2.']);
    assert.equal(levelModes(model).get(3), 'continuous');
    // The goals still count 1, 2, 3… among themselves.
    const skipped = [...goals.slice(0, 4), goals[4]!.replace('2.', '3.'), ...goals.slice(5)].join('\n');
    assert.deepEqual(
      findings(skipped).map((d) => d.message),
      ['编号“3.”跳号，应为“2.”（本文该级全文连续编号）'],
    );
  });

  it('lets the count around a labelled list go on after it, and keeps the item the list is under a task', () => {
    // Items numbered on through the sections (1.–4.); under (二) a list of requirements of its own.
    const text = [
      '岚川县2024年行政执法工作方案',
      '一、重点任务',
      '（一）完善执法制度',
      '1.修订执法事项清单。（牵头单位：岚川县司法局；完成时限：2024年5月底前）',
      '2.公布执法裁量基准。（牵头单位：岚川县司法局；完成时限：2024年7月底前）',
      '（二）推行执法全过程记录。（牵头单位：岚川县司法局；完成时限：2024年9月底前）',
      '工作要求：',
      '1.执法记录仪配备到人；',
      '2.音像资料按月归档。',
      '（三）强化执法监督',
      '3.开展执法案卷评查。（牵头单位：岚川县司法局；完成时限：2024年10月底前）',
      '4.通报典型案例。（牵头单位：岚川县司法局；完成时限：2024年12月底前）',
    ].join('\n');
    assert.deepEqual(lint(text).map((d) => `${d.ruleId} ${d.message}`), []);
    assert.equal(fixedByAll(text), text);
    const model = parsePlan(text);
    assert.deepEqual(model.tasks.map((t) => t.number), ['1.', '2.', '（二）', '3.', '4.']);
    assert.deepEqual(
      model.separateLists.map((l) => [l.kind, l.level, text.slice(l.span.start, l.span.end).split('\n')[0]]),
      [['labelled', 3, '工作要求：']],
    );
  });

  // Tasks 1.–3. count on through the parts of the task chapter; the closing chapter, which assigns no work, numbers its
  // own items from 1.
  const partsApart = [
    '澄溪镇2024年河道清理工作方案',
    '一、重点任务',
    '（一）清理河道垃圾',
    '1.清运岸线堆积物。（牵头单位：澄溪镇环卫所；完成时限：2024年4月底前）',
    '2.拆除违规网箱。（牵头单位：澄溪镇农业服务中心；完成时限：2024年6月底前）',
    '（二）疏浚淤积河段',
    '3.疏浚东支河。（牵头单位：澄溪镇水利站；完成时限：2024年9月底前）',
    '二、保障措施',
    '1.落实巡河责任。',
    '2.保障清理经费。',
  ];

  it('reads a level continuous from the tasks, not from a part that assigns no work starting again at 1', () => {
    const text = partsApart.join('\n');
    assert.deepEqual(findings(text), []);
    assert.equal(fixed(text), text);
    assert.equal(levelModes(parsePlan(text)).get(3), 'continuous');
    // The part's own items still count 1, 2, 3… among themselves, and the tasks on through the document.
    const skipped = [...partsApart.slice(0, 9), '3.保障清理经费。'].join('\n');
    assert.deepEqual(findings(skipped).map((d) => d.message), ['编号“3.”跳号，应为“2.”（本文该级全文连续编号）']);
    const gap = [...partsApart.slice(0, 6), partsApart[6]!.replace('3.', '4.'), ...partsApart.slice(7)].join('\n');
    assert.deepEqual(findings(gap).map((d) => d.message), ['编号“4.”跳号，应为“3.”（本文该级全文连续编号）']);
  });

  it('lets a part that assigns no work count on from the tasks too', () => {
    const text = [...partsApart.slice(0, 8), '4.落实巡河责任。', '5.保障清理经费。'].join('\n');
    assert.deepEqual(findings(text), []);
  });

  // Parts above 一、 on lines of their own: 一、 counts from 1 again under each, or on from the part before.
  const chapters = (...items: string[]) =>
    [
      '柳岸县2024年农贸市场提升工作方案',
      '第一部分 重点任务',
      '一、改造市场顶棚，2024年7月底前完工。县商务局牵头。',
      '二、更新冷链设备，2024年9月底前完工。县商务局牵头。',
      '第二部分 保障措施',
      ...items,
    ].join('\n');

  it('numbers the chapters of each part (第一部分 / 第二章) from 一、 again, or on from the part before', () => {
    assert.deepEqual(findings(chapters('一、加强统筹调度。', '二、落实资金保障。')), []);
    assert.deepEqual(findings(chapters('三、加强统筹调度。', '四、落实资金保障。')), []);
    assert.deepEqual(lint(chapters('一、加强统筹调度。', '二、落实资金保障。')).map((d) => `${d.ruleId} ${d.message}`), []);
    // Within a part, the count is still checked.
    assert.deepEqual(findings(chapters('一、加强统筹调度。', '三、落实资金保障。')).map((d) => d.message), ['编号“三、”跳号，应为“二、”（本文该级各部分分别编号）']);
  });

  // Two plans pasted into one file: the second's title on a line of its own, its 一、 from 1 again.
  const twoPlans = (second: string) =>
    [
      '柳岸县2024年农贸市场提升工作方案',
      '一、改造市场顶棚，2024年7月底前完工。县商务局牵头。',
      '二、更新冷链设备，2024年9月底前完工。县商务局牵头。',
      second,
      '一、整治流动摊点，2024年8月底前完成。县城管局牵头。',
      '二、规范夜市经营，2024年10月底前完成。县城管局牵头。',
    ].join('\n');

  it('numbers the list after another plan\'s title from 一、 again, and its tasks are read', () => {
    assert.deepEqual(findings(twoPlans('柳岸县2024年市容秩序整治行动方案')), []);
    assert.equal(parsePlan(twoPlans('柳岸县2024年市容秩序整治行动方案')).tasks.length, 4);
    // A line that is no plan's title leaves the count as it was.
    assert.deepEqual(findings(twoPlans('市容秩序整治')).map((d) => d.message), ['编号“一、”倒退，应为“三、”']);
  });
});

/** The reference for reading a `序号` cell: its pattern, on the text that `slice` gives. */
function patternItem(text: string, span: Span): Item | null {
  const raw = text.slice(span.start, span.end);
  const m = /^(\s*)([0-9０-９]{1,4})[.．、]?\s*$/.exec(raw);
  if (m === null) return null;
  const start = span.start + m[1]!.length;
  const digits = m[2]!;
  return {
    value: Number(digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))),
    text: digits,
    span: { start, end: start + digits.length },
    number: { start, end: start + digits.length },
    marker: null,
    full: /[０-９]/.test(digits),
    newParent: false,
    after: -1,
  };
}

describe('PL004 number cells', () => {
  it('reads a `序号` cell in place as its pattern reads it', () => {
    const piece = fc.constantFrom('1', '2', '0', '9', '１', '２', '０', '.', '．', '、', ' ', '\u3000', '\t', '\n', '\u200b', '\ufeff', 'a', '一', '|');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 9 }), fc.integer({ min: -3, max: 12 }), fc.integer({ min: -3, max: 12 }), (parts, start, end) => {
        const text = parts.join('');
        // In-text spans, and the odd ones a hand-made model may hold (past the end, backwards, negative).
        assert.deepEqual(tableItem(text, { start, end }), patternItem(text, { start, end }));
        assert.deepEqual(tableItem(text, { start: 0, end: text.length }), patternItem(text, { start: 0, end: text.length }));
      }),
      { numRuns: 3000 },
    );
  });
});
