// Model tests, one form at a time: numbering, numerals, inline items, lost line breaks, attribution, deadlines, kind.
import assert from 'node:assert/strict';
import { formatChineseNumeral } from '../../grammar/index.js';
import { DEFAULT_NON_TASK_SECTIONS, parsePlan } from '../../server/src/model/plan.js';
import { assertRangesAgree, at, names, planOf, task } from './helpers.js';

describe('parsePlan', () => {
  describe('numbering levels', () => {
    const plan = planOf([
      '江北市2022年工作方案', // 0
      '', // 1
      '一、重点任务', // 2
      '（一）完善制度', // 3
      '1.清理文件。[牵头单位:市司法局]', // 4
      '2．公开目录。[牵头单位:市司法局]', // 5
      '3、编制清单', // 6
      '（1）细化标准。[牵头单位:市财政局]', // 7
      '(2)公布结果', // 8
      '①试点。[牵头单位:市审计局]', // 9
      '(二)规范执法。[牵头单位:市公安局]', // 10
    ]);

    it('reads every level and form, full- and half-width', () => {
      const seen = plan.allSections.map((s) => [s.marker.text, s.marker.level, s.marker.style, s.marker.value, s.title]);
      assert.deepEqual(seen, [
        ['一、', 1, 'cn-dun', 1, '重点任务'],
        ['（一）', 2, 'cn-paren-full', 1, '完善制度'],
        ['1.', 3, 'ar-dot', 1, '清理文件'],
        ['2．', 3, 'ar-fwdot', 2, '公开目录'],
        ['3、', 3, 'ar-dun', 3, '编制清单'],
        ['（1）', 4, 'ar-paren-full', 1, '细化标准'],
        ['(2)', 4, 'ar-paren-half', 2, '公布结果'],
        ['①', 5, 'circled', 1, '试点'],
        ['(二)', 2, 'cn-paren-half', 2, '规范执法'],
      ]);
    });

    it('nests each level under the nearest shallower one', () => {
      const [chapter] = plan.sections;
      assert.equal(plan.sections.length, 1);
      assert.deepEqual(chapter!.children.map((c) => c.marker.text), ['（一）', '(二)']);
      const item3 = plan.allSections.find((s) => s.marker.text === '3、')!;
      assert.deepEqual(item3.children.map((c) => c.marker.text), ['（1）', '(2)']);
      assert.deepEqual(item3.children[1]!.children.map((c) => c.marker.text), ['①']);
      assert.equal(item3.parent!.marker.text, '（一）');
    });

    it('makes tasks of the leaves only: headings with numbered items under them are not tasks', () => {
      assert.deepEqual(plan.tasks.map((t) => t.number), ['1.', '2．', '（1）', '①', '(二)']);
      assert.deepEqual(plan.tasks.map((t) => t.index), [0, 1, 2, 3, 4]);
      assert.deepEqual(plan.tasks.map((t) => t.numberValue), [1, 2, 1, 1, 2]);
      assert.deepEqual(plan.tasks.map((t) => t.range.start.line), [4, 5, 7, 9, 10]);
      assert.deepEqual(names(task(plan, '①').lead), ['市审计局']);
      assertRangesAgree(plan);
    });
  });

  describe('a number with a closing parenthesis only (`1）` `2)`) and `一．`', () => {
    const plan = planOf([
      '青杉县2026年养老服务工作方案', // 0
      '一．重点工作', // 1
      '1.建设助餐点', // 2
      '1）新增助餐点5个。（牵头单位：县民政局；完成时限：2026年9月底前）', // 3
      '2)改造助餐点3个，详见附件1）。（牵头单位：县住建局；完成时限：2026年9月底前）', // 4
      '二．保障措施', // 5
    ]);

    it('reads them as numbered items of the level of `(1)` and a chapter, numbers and forms kept', () => {
      const seen = plan.allSections.map((s) => [s.marker.text, s.marker.level, s.marker.style, s.marker.value]);
      assert.deepEqual(seen, [
        ['一．', 1, 'cn-fwdot', 1],
        ['1.', 3, 'ar-dot', 1],
        ['1）', 4, 'ar-close-full', 1],
        ['2)', 4, 'ar-close-half', 2],
        ['二．', 1, 'cn-fwdot', 2],
      ]);
      assert.deepEqual(plan.tasks.map((t) => [t.number, t.title, names(t.lead)]), [
        ['1）', '新增助餐点5个', ['县民政局']],
        ['2)', '改造助餐点3个，详见附件1）', ['县住建局']],
      ]);
      assertRangesAgree(plan);
    });
  });

  describe('decimal numbering (`1.1` under `一、`, `1.1.1` under `1.1`)', () => {
    const plan = planOf([
      '松溪县2025年智慧农业建设工作方案', // 0
      '', // 1
      '一、重点任务', // 2
      '1.1 建设农业物联网平台。接入1.2万户种植户。（牵头单位：县农业农村局；完成时限：2025年9月底前）', // 3
      '1.2 推广智能灌溉。新增面积2.5万亩，节水3.5%。（牵头单位：县水利局；完成时限：2025年10月底前）', // 4
      '1.3 培育数字农场', // 5
      '1.3.1 认定示范农场10家。（牵头单位：县农业农村局；完成时限：2025年11月底前）', // 6
      '１．３．２ 开展技能培训。（牵头单位：县人社局；完成时限：2025年12月底前）', // 7
      '二、推进机制', // 8
      '2.1、建立调度机制。（牵头单位：县政府办；完成时限：长期坚持）', // 9
    ]);

    it('reads each as a marker one level below the marker its numbers continue, its value its last number', () => {
      const seen = plan.allSections.map((s) => [s.marker.text, s.marker.level, s.marker.style, s.marker.value, s.parent?.marker.text ?? null]);
      assert.deepEqual(seen, [
        ['一、', 1, 'cn-dun', 1, null],
        ['1.1', 2, 'decimal', 1, '一、'],
        ['1.2', 2, 'decimal', 2, '一、'],
        ['1.3', 2, 'decimal', 3, '一、'],
        ['1.3.1', 3, 'decimal', 1, '1.3'],
        ['１．３．２', 3, 'decimal', 2, '1.3'],
        ['二、', 1, 'cn-dun', 2, null],
        ['2.1、', 2, 'decimal', 1, '二、'],
      ]);
    });

    it('gives each task its own attribution, not its heading; quantities stay in the text', () => {
      assert.deepEqual(
        plan.tasks.map((t) => [t.number, t.title, names(t.lead)]),
        [
          ['1.1', '建设农业物联网平台', ['县农业农村局']],
          ['1.2', '推广智能灌溉', ['县水利局']],
          ['1.3.1', '认定示范农场10家', ['县农业农村局']],
          ['１．３．２', '开展技能培训', ['县人社局']],
          ['2.1、', '建立调度机制', ['县政府办']],
        ],
      );
      assert.equal(plan.unnumbered.length, 0);
      assertRangesAgree(plan);
    });

    it('reads a plan numbered `1` `1.1` `1.1.1` from the top: the bare numbers head it, a part of requirements included', () => {
      const whole = planOf([
        '松溪县2025年智慧农业建设工作方案',
        '1 总体要求',
        '坚持统筹推进，分步实施。',
        '2 重点任务',
        '2.1 建设平台。（牵头单位：县农业农村局；完成时限：2025年9月底前）',
        '2.2 推广应用',
        '2.2.1 推广灌溉。（牵头单位：县水利局；完成时限：2025年10月底前）',
        '3 保障措施',
        '3.1 加强组织领导。成立工作专班。',
      ]);
      assert.deepEqual(
        whole.allSections.map((s) => [s.marker.text, s.marker.level, s.parent?.marker.text ?? null, s.nonTask]),
        [
          ['1', 1, null, true],
          ['2', 1, null, false],
          ['2.1', 2, '2', false],
          ['2.2', 2, '2', false],
          ['2.2.1', 3, '2.2', false],
          ['3', 1, null, true],
          ['3.1', 2, '3', true],
        ],
      );
      assert.deepEqual(whole.tasks.map((t) => [t.number, names(t.lead)]), [['2.1', ['县农业农村局']], ['2.2.1', ['县水利局']]]);
    });

    it('reads a bare number after items of another form under a decimal (`2.2` `（1）` `（2）` then `3` `3.1`) as a heading of the top', () => {
      const lines = [
        '2 重点任务',
        '2.1 完善管网设施。（牵头单位：县水利局；完成时限：2025年6月底前）',
        '2.2 提升供水质量',
        '（1）更新老旧水表。牵头单位：县水利局；完成时限：2025年7月底前。',
        '（2）建设水质监测点。牵头单位：县卫健委；完成时限：2025年8月底前。',
        '3 强化运营管理',
        '3.1 建立巡检制度。牵头单位：县水利局；完成时限：2025年9月底前。',
        '3.2 公开服务标准。牵头单位：县市场监管局；完成时限：2025年10月底前。',
      ];
      const expected = [
        ['2', 1, null],
        ['2.1', 2, '2'],
        ['2.2', 2, '2'],
        ['（1）', 4, '2.2'],
        ['（2）', 4, '2.2'],
        ['3', 1, null],
        ['3.1', 2, '3'],
        ['3.2', 2, '3'],
      ];
      const whole = planOf(['松溪县2025年城乡供水提升工作方案', '1 总体要求', '坚持统筹推进，分步实施。', ...lines]);
      assert.deepEqual(whole.allSections.slice(1).map((s) => [s.marker.text, s.marker.level, s.parent?.marker.text ?? null]), expected);
      assert.deepEqual(
        whole.tasks.map((t) => [t.number, names(t.lead)]),
        [['2.1', ['县水利局']], ['（1）', ['县水利局']], ['（2）', ['县卫健委']], ['3.1', ['县水利局']], ['3.2', ['县市场监管局']]],
      );
      // An excerpt that starts at `2.2`: no `2` stands above it, and `3` is still the heading `2.2`'s `2` is.
      const excerpt = planOf(lines.slice(2));
      assert.deepEqual(
        excerpt.allSections.map((s) => [s.marker.text, s.marker.level, s.parent?.marker.text ?? null]),
        [['2.2', 2, null], ['（1）', 4, '2.2'], ['（2）', 4, '2.2'], ['3', 1, null], ['3.1', 2, '3'], ['3.2', 2, '3']],
      );
    });

    it('reads a plan numbered `1.1` `1.2` `2.1` with no marker above as top-level sections', () => {
      const flat = planOf(['松溪县2025年智慧农业建设工作方案', '1.1 建设平台。（牵头单位：县农业农村局）', '1.2 推广灌溉。（牵头单位：县水利局）', '2.1 建立机制。（牵头单位：县政府办）']);
      assert.deepEqual(flat.allSections.map((s) => [s.marker.text, s.marker.level, s.parent]), [['1.1', 2, null], ['1.2', 2, null], ['2.1', 2, null]]);
      assert.deepEqual(flat.tasks.map((t) => names(t.lead)), [['县农业农村局'], ['县水利局'], ['县政府办']]);
    });
  });

  describe('Chinese numerals past ten', () => {
    it('numbers (一) … (一百九十九) as 1 … 199, continuously across chapters', () => {
      const lines = ['云海市2022年工作方案'];
      for (let n = 1; n <= 199; n++) {
        if (n % 50 === 1) lines.push(`${formatChineseNumeral(Math.ceil(n / 50))}、第${Math.ceil(n / 50)}部分`);
        lines.push(`(${formatChineseNumeral(n)})任务${n}。[牵头单位:市司法局]`);
      }
      const plan = planOf(lines);
      assert.equal(plan.tasks.length, 199);
      assert.deepEqual(plan.tasks.map((t) => t.numberValue), Array.from({ length: 199 }, (_, i) => i + 1));
      const pick = (n: number) => plan.tasks[n - 1]!;
      assert.equal(pick(11).number, '(十一)');
      assert.equal(pick(20).number, '(二十)');
      assert.equal(pick(33).number, '(三十三)');
      assert.equal(pick(105).number, '(一百零五)');
      assert.equal(pick(140).number, '(一百四十)');
      assert.equal(pick(199).number, '(一百九十九)');
      assert.equal(pick(199).title, '任务199');
      assert.deepEqual(plan.sections.map((s) => s.marker.value), [1, 2, 3, 4]);
      assert.equal(plan.numbering, 'continuous');
    });

    it('reads 十一、 and 一百九十九、 as chapters, and restarts (一) under each as per-parent numbering', () => {
      const plan = planOf([
        '云海市2022年工作方案',
        '十一、甲部分',
        '(一)任务。[牵头单位:市司法局]',
        '(二)任务。[牵头单位:市司法局]',
        '一百九十九、乙部分',
        '(一)任务。[牵头单位:市财政局]',
      ]);
      assert.deepEqual(plan.sections.map((s) => [s.marker.text, s.marker.value]), [['十一、', 11], ['一百九十九、', 199]]);
      assert.equal(plan.numbering, 'per-parent');
      assert.equal(plan.tasks.length, 3);
    });
  });

  describe('inline items', () => {
    const plan = planOf([
      '枫岭市2022年度工作要点', // 0
      '一、重点任务', // 1
      '(一)加强审核。一是严格审核;二是统一登记;三是定期清理。[牵头单位:市司法局;责任单位:市直各部门;完成时限:2022年10月底前]', // 2
      '(二)健全机制。第一,编制目录(市政府办公室牵头);第二，开展评估(市司法局牵头,市财政局参加)。', // 3
      '(三)推进立法。一是编制计划,二是征集意见。', // 4
      '此项工作由市司法局牵头负责,市直有关部门参加。', // 5
    ]);

    it('keeps 一是…二是… as parts of their paragraph when one attribution at its end speaks for all', () => {
      const t = task(plan, '(一)');
      assert.equal(t.title, '加强审核');
      assert.deepEqual(names(t.lead), ['市司法局']);
      assert.deepEqual(names(t.responsible), ['市直各部门']);
      assert.equal(t.deadline?.end, '2022-10-31');
      assert.equal(t.inherited.lead, false);
      // The task spans the whole paragraph, inline items included.
      assert.equal(at(t.range), `2:0-2:${plan.text.split('\n')[2]!.length}`);
      const inline = plan.allSections.filter((s) => s.parent?.marker.text === '(一)').map((s) => [s.marker.text, s.marker.level, s.marker.style, s.marker.value]);
      assert.deepEqual(inline, [['一是', 6, 'inline-shi', 1], ['二是', 6, 'inline-shi', 2], ['三是', 6, 'inline-shi', 3]]);
    });

    it('makes each inline item a task when two or more carry their own attribution', () => {
      assert.equal(plan.tasks.some((t) => t.number === '(二)'), false, '(二) is the heading of its inline tasks');
      const first = task(plan, '第一,');
      const second = task(plan, '第二，');
      assert.equal(first.title, '编制目录');
      assert.deepEqual([first.numberValue, second.numberValue], [1, 2]);
      assert.deepEqual(names(first.lead), ['市政府办公室']);
      assert.deepEqual(names(second.lead), ['市司法局']);
      assert.deepEqual(names(second.responsible), ['市财政局']);
    });

    it('gives the inline tasks the attribution that closes their paragraph after the last one ends its sentence', () => {
      const p = planOf([
        '枫岭市2022年度工作要点',
        '一、重点任务',
        '(一)支持创业。一是发放担保贷款,由市财政局负责;二是建设孵化基地,由市人社局负责,2022年10月底前完成。(牵头单位:市人社局;责任单位:市财政局、市银行;完成时限:2022年12月底前)',
      ]);
      const first = task(p, '一是');
      const second = task(p, '二是');
      assert.deepEqual([names(first.lead), first.deadline?.end, first.inherited.deadline], [['市财政局'], '2022-12-31', true]);
      assert.deepEqual([names(second.lead), second.deadline?.end, second.inherited.deadline], [['市人社局'], '2022-10-31', false]);
      assert.deepEqual(names(second.responsible), ['市财政局', '市银行']);
      // The closing bracket is the paragraph's item's, once.
      const item = p.allSections.find((s) => s.marker.text === '(一)')!;
      assert.equal(item.attributions.length, 1);
      assert.equal(p.allSections.find((s) => s.marker.text === '二是')!.attributions.length, 1);
    });

    it('gives sub-items glued to their item on its line the attribution that ends the line', () => {
      const p = planOf([
        '枫岭镇2022年集镇建设方案',
        '一、重点任务',
        '1、开展环境整治。(1)清理乱堆乱放;(2)规范车辆停放。牵头单位:镇综合执法队;完成时限:2022年9月底前。',
        '2、建设农贸市场。(1)完成选址;(2)完成建设。',
        '(3)开门营业。牵头单位:镇经发办。',
      ]);
      assert.deepEqual(
        p.tasks.map((t) => [t.number, names(t.lead), t.deadline?.end ?? null]),
        [
          ['(1)', ['镇综合执法队'], '2022-09-30'],
          ['(2)', ['镇综合执法队'], '2022-09-30'],
          ['(1)', [], null],
          ['(2)', [], null],
          ['(3)', ['镇经发办'], null],
        ],
      );
    });

    it('makes 一是 lines under a heading the tasks, each line\'s closing attribution its own, and the heading no task', () => {
      const p = planOf([
        '石门镇2025年重点工作安排',
        '一、生态保护方面',
        '一是开展河道清漂。责任单位：镇水利站。完成时间：2025年6月底。',
        '二是推进荒山绿化。责任单位：镇林业站。完成时间：2025年11月底。',
        '二、平安建设方面',
        '一是排查矛盾纠纷。责任单位：镇综治中心。完成时间：2025年9月底。',
      ]);
      const rows = p.tasks.map((t) => [t.number, t.title, names(t.lead), t.deadline?.text ?? null, t.inherited.deadline]);
      assert.deepEqual(rows, [
        ['一是', '开展河道清漂', ['镇水利站'], '2025年6月底', false],
        ['二是', '推进荒山绿化', ['镇林业站'], '2025年11月底', false],
        ['一是', '排查矛盾纠纷', ['镇综治中心'], '2025年9月底', false],
      ]);
      assert.deepEqual(p.allSections.filter((s) => s.marker.level === 1).map((s) => s.attributions.length), [0, 0]);
    });

    it('still folds a lone 一是 into its item when it shares the item\'s line, or when the item names its own attribution', () => {
      const p = planOf([
        '石门镇2025年重点工作安排',
        '一、重点任务',
        '（一）开展河道清漂。一是清理漂浮物。责任单位：镇水利站。',
        '（二）推进荒山绿化（牵头单位：镇林业站）',
        '一是完成造林500亩。完成时间：2025年11月底。',
      ]);
      const rows = p.tasks.map((t) => [t.number, names(t.lead), t.deadline?.text ?? null]);
      assert.deepEqual(rows, [
        ['（一）', ['镇水利站'], null],
        ['（二）', ['镇林业站'], '2025年11月底'],
      ]);
    });

    it('gives a paragraph with inline items the attribution of the paragraph that follows it', () => {
      const t = task(plan, '(三)');
      assert.deepEqual(names(t.lead), ['市司法局']);
      assert.deepEqual(names(t.responsible), ['市直有关部门']);
      assert.equal(plan.unnumbered.length, 0);
      assert.deepEqual(plan.tasks.map((x) => x.number), ['(一)', '第一,', '第二，', '(三)']);
      assertRangesAgree(plan);
    });
  });

  describe('lost line breaks', () => {
    const text =
      '青溪县2011年度工作安排 一、重点任务 (一)加强制度建设 1、规范文件管理。每年至少开展2次培训,依照第3条执行。此项工作由县政府法制办牵头负责。 ' +
      '2、完善决策制度。结合1、2月情况,投诉量下降3.5%以上,于6月底前出台规定。此项工作由县监察局牵头负责,县级各部门参加。 (二)规范执法 1、落实责任制。此项工作由县司法局负责。';
    const plan = parsePlan(text);

    it('finds markers after `。` and a space mid-line, and nothing in 2次, 1、2月, 第3条, 3.5%', () => {
      assert.deepEqual(plan.allSections.map((s) => s.marker.text), ['一、', '(一)', '1、', '2、', '(二)', '1、']);
      const offsets = plan.allSections.map((s) => s.marker.span.start);
      assert.deepEqual(offsets, [
        text.indexOf('一、重点'),
        text.indexOf('(一)'),
        text.indexOf('1、规范'),
        text.indexOf('2、完善'),
        text.indexOf('(二)'),
        text.indexOf('1、落实'),
      ]);
      assert.ok(plan.allSections.every((s) => s.range.start.line === 0));
    });

    it('finds a marker glued to the bracket that closes the item before it, half-width or full-width', () => {
      for (const [open, close] of [['(', ')'], ['（', '）']]) {
        const glued = parsePlan(
          [
            '石桥镇2025年秸秆禁烧工作方案',
            '一、工作任务',
            `${open}一${close}加强宣传。5月底前实现全覆盖。${open}镇宣传办牵头${close}${open}二${close}落实网格监管。${open}各村负责${close}${open}三${close}推进综合利用。${open}镇农业中心牵头${close}`,
          ].join('\n'),
        );
        assert.deepEqual(
          glued.tasks.map((t) => [t.number, names(t.lead)]),
          [
            [`${open}一${close}`, ['镇宣传办']],
            [`${open}二${close}`, ['各村']],
            [`${open}三${close}`, ['镇农业中心']],
          ],
          `${open}…${close}`,
        );
      }
    });

    it('reads the title and year from the piece of the line that names the plan', () => {
      assert.equal(plan.title, '青溪县2011年度工作安排');
      assert.deepEqual(plan.period, { start: 2011, end: 2011, source: 'title' });
      assert.equal(at(plan.titleRange!), `0:0-0:${'青溪县2011年度工作安排'.length}`);
    });

    it('reads the tasks, their leads and their deadlines on the one line', () => {
      assert.deepEqual(plan.tasks.map((t) => t.title), ['规范文件管理', '完善决策制度', '落实责任制']);
      assert.deepEqual(plan.tasks.map((t) => names(t.lead)), [['县政府法制办'], ['县监察局'], ['县司法局']]);
      assert.deepEqual(names(plan.tasks[1]!.responsible), ['县级各部门']);
      const d = plan.tasks[1]!.deadline!;
      assert.equal(d.end, '2011-06-30');
      assert.equal(d.yearInferred, true);
      assert.equal(d.range.start.character, text.indexOf('6月底前'));
      // `每年至少开展2次培训`: work done twice a year, a recurring deadline (`2次` is no marker).
      assert.deepEqual([plan.tasks[0]!.deadline].map((x) => [x?.text, x?.recurring]), [['每年', true]]);
      // A task ends where the next marker begins.
      assert.ok(plan.tasks[0]!.span.end <= text.indexOf('2、完善'));
      assertRangesAgree(plan);
    });
  });

  describe('hard wraps inside attribution brackets (a PDF copy\'s fixed-width lines)', () => {
    const plan = planOf([
      '云岭县2026年优化营商环境工作方案', // 0
      '一、重点任务', // 1
      '（一）压缩开办时间。推行一网通办。（牵', // 2
      '头单位：县市场监管局；责任单位：县税务局、县人', // 3
      '社局；完成时限：2026年6', // 4
      '月底前）', // 5
      '（二）规范涉企收费。（县发展改革局牵头，县财政局', // 6
      '配合；完成时限：', // 7
      '2026年9月底前）', // 8
      '（三）提升审批效率。（责任单', // 9
      '位：县行政审批局）', // 10
    ]);

    it('reads the bracket as one attribution: keywords cut by the wrap whole, units and deadlines as written', () => {
      assert.deepEqual(
        plan.tasks.map((t) => [t.number, t.title, names(t.lead), names(t.responsible), t.deadline?.text ?? null, t.deadline?.end ?? null]),
        [
          ['（一）', '压缩开办时间', ['县市场监管局'], ['县税务局', '县人社局'], '2026年6月底前', '2026-06-30'],
          ['（二）', '规范涉企收费', ['县发展改革局'], ['县财政局'], '2026年9月底前', '2026-09-30'],
          // A lone unit in charge (`责任单位`) leads.
          ['（三）', '提升审批效率', ['县行政审批局'], [], null, null],
        ],
      );
      assert.deepEqual(plan.unnumbered, []);
      assert.deepEqual(plan.allSections.flatMap((s) => s.attributions.flatMap((a) => a.problems)), []);
    });

    it('places a unit and a deadline the wrap cut where they are written, over both lines', () => {
      const [first] = plan.tasks;
      assert.equal(at(first!.responsible[1]!.range), '3:21-4:2');
      assert.equal(at(first!.deadline!.range), '4:8-5:3');
      assert.equal(first!.range.end.line, 5);
      assertRangesAgree(plan);
    });

    it('reads a date in the task\'s text that the wrap cut, placed over both lines; a blank line parts them', () => {
      const wrapped = planOf(['云岭县2026年工作方案', '一、重点任务', '（一）推进乡村治理，2026年6月', '底前实现全覆盖。（县委组织部牵头）', '（二）实施公路改造，202', '6年11月底前完工。（县交通运输局牵头）']);
      assert.deepEqual(
        wrapped.tasks.map((t) => [t.number, t.deadline?.text ?? null, t.deadline?.end ?? null]),
        [
          ['（一）', '2026年6月底前', '2026-06-30'],
          ['（二）', '2026年11月底前', '2026-11-30'],
        ],
      );
      assert.equal(at(wrapped.tasks[0]!.deadline!.range), '2:10-3:2');
      const blank = planOf(['云岭县2026年工作方案', '一、重点任务', '（一）推进乡村治理，2026年6月', '', '底前实现全覆盖。（县委组织部牵头）']);
      assert.notEqual(blank.tasks[0]!.deadline?.end, '2026-06-30');
    });

    it('reads a date\'s cue the wrap put on the next line with the date, placed over both lines', () => {
      const cue = planOf([
        '云岭县2026年工作方案', // 0
        '一、重点任务', // 1
        '（一）推进老旧小区改造（县住建局牵头，县发展改革局配合；2026年3月底', // 2
        '前完成）', // 3
        '（二）实施公路改造。2026年6月30日', // 4
        '之前完工。（县交通运输局牵头）', // 5
      ]);
      assert.deepEqual(
        cue.tasks.map((t) => [t.number, t.deadline?.text ?? null, t.deadline?.end ?? null]),
        [
          ['（一）', '2026年3月底前', '2026-03-31'],
          ['（二）', '2026年6月30日之前', '2026-06-30'],
        ],
      );
      assert.equal(at(cue.tasks[0]!.deadline!.range), '2:28-3:1');
      assertRangesAgree(cue);
    });

    it('reads on across a page number a PDF kept on a line of its own, blank lines around it or not', () => {
      const paged = planOf([
        '云岭县2026年优化营商环境工作方案', // 0
        '一、重点任务', // 1
        '（一）压缩开办时间。推行一网通办。（牵头单位：', // 2
        '', // 3
        '                — 4 —', // 4
        '', // 5
        '县市场监管局；责任单位：县税', // 6
        '- 5 -', // 7
        '务局、县人社局；完成时限：2026年6', // 8
        '　第 6 页　共 20 页', // 9
        '月底前）', // 10
        '（二）规范涉企收费。（县发展改革局牵头；完成时限：2026年9月底前）', // 11
        '－7－', // 12
      ]);
      assert.deepEqual(
        paged.tasks.map((t) => [t.number, t.title, names(t.lead), names(t.responsible), t.deadline?.text ?? null, t.deadline?.end ?? null]),
        [
          ['（一）', '压缩开办时间', ['县市场监管局'], ['县税务局', '县人社局'], '2026年6月底前', '2026-06-30'],
          ['（二）', '规范涉企收费', ['县发展改革局'], [], '2026年9月底前', '2026-09-30'],
        ],
      );
      const [first] = paged.tasks;
      // Placed where they are written: the lead after the footer, a name and a date over it.
      assert.equal(at(first!.lead[0]!.range), '6:0-6:6');
      assert.equal(at(first!.responsible[0]!.range), '6:12-8:2');
      assert.equal(at(first!.deadline!.range), '8:13-10:3');
      assert.deepEqual(paged.unnumbered, []);
      assert.deepEqual(paged.allSections.flatMap((s) => s.attributions.flatMap((a) => a.problems)), []);
      assertRangesAgree(paged);
    });

    it('does not join a bracket left open before a new item, and reads what it holds', () => {
      const open = planOf(['云岭县2026年工作方案', '一、重点任务', '（一）压缩开办时间。（牵头单位：县市场监管局', '（二）规范涉企收费。（牵头单位：县发展改革局）']);
      assert.deepEqual(open.tasks.map((t) => [t.title, names(t.lead)]), [['压缩开办时间', ['县市场监管局']], ['规范涉企收费', ['县发展改革局']]]);
      assert.deepEqual(open.allSections[1]!.attributions[0]!.problems.map((p) => [p.kind, p.unsure ?? false]), [['unclosed-bracket', false]]);
    });
  });

  describe('a field\'s value on the line after its label (a Word table or form copied as text)', () => {
    const plan = planOf([
      '青禾县2026年农村人居环境整治工作方案', // 0
      '一、重点任务', // 1
      '（一）推进农村户厕改造，新建卫生户厕300座。', // 2
      '牵头单位：', // 3
      '县农业农村局', // 4
      '责任单位：', // 5
      '各乡镇人民政府', // 6
      '完成时限：', // 7
      '2026年10月底前', // 8
      '（二）整治村庄生活垃圾。牽頭單位：', // 9
      '', // 10
      '縣城管局', // 11
      '配合單位：', // 12
      '县生态环境分局、县卫健委', // 13
      '县财政局', // 14
      '時間節點：', // 15
      '长期坚持', // 16
      '（三）建立长效管护机制。', // 17
      '【牵头单位】', // 18
      '县乡村振兴局', // 19
      '（四）开展村庄清洁行动。', // 20
      '牵头单位：县住建局', // 21
      '时间：', // 22
      '（五）整治农村黑臭水体。', // 23
      '牵头单位：', // 24
      '完成时限：2026年12月底前', // 25
      '（六）推进农村生活污水治理。（牵头单位：', // 26
      '县水利局', // 27
      '责任单位：', // 28
      '各乡镇人民政府', // 29
      '完成时限：', // 30
      '2026年11月底前）', // 31
      '二、保障措施', // 32
    ]);

    it('reads the value on the next line (a blank line between or not), and a unit field\'s value over the lines of names after it', () => {
      assert.deepEqual(
        plan.tasks.map((t) => [t.number, t.title, names(t.lead), names(t.responsible), t.deadline?.text ?? null]),
        [
          ['（一）', '推进农村户厕改造，新建卫生户厕300座', ['县农业农村局'], ['各乡镇人民政府'], '2026年10月底前'],
          ['（二）', '整治村庄生活垃圾', ['縣城管局'], ['县生态环境分局', '县卫健委', '县财政局'], '长期坚持'],
          ['（三）', '建立长效管护机制', ['县乡村振兴局'], [], null],
          ['（四）', '开展村庄清洁行动', ['县住建局'], [], null],
          ['（五）', '整治农村黑臭水体', [], [], '2026年12月底前'],
          // In a bracket, each field on two lines: the bracket closes in reach all the same (no unclosed bracket).
          ['（六）', '推进农村生活污水治理', ['县水利局'], ['各乡镇人民政府'], '2026年11月底前'],
        ],
      );
      // No value is left behind as a line of its own (the empty `时间：` aside, which is no field line).
      assert.deepEqual(plan.unnumbered.map((u) => u.attribution.span.start), [plan.text.indexOf('时间：')]);
      const [first, second] = plan.tasks;
      assert.equal(at(first!.lead[0]!.range), '4:0-4:6');
      assert.equal(at(second!.lead[0]!.range), '11:0-11:4');
      assert.equal(at(second!.responsible[2]!.range), '14:0-14:4');
      assertRangesAgree(plan);
    });

    it('still finds a label left empty: the next line opens an item or another label', () => {
      const attributions = [...plan.allSections.flatMap((s) => s.attributions), ...plan.unnumbered.map((u) => u.attribution)];
      const problems = attributions.flatMap((a) => a.problems).sort((a, b) => a.span.start - b.span.start);
      assert.deepEqual(
        problems.map((p) => [p.kind, p.range.start.line]),
        [
          ['empty-field', 22],
          ['empty-field', 24],
        ],
      );
    });
  });

  describe('a sign-off right under the last field value on lines of their own', () => {
    it('the unit above a date alone on its line signs the plan: no unit of the list above it', () => {
      const lines = [
        '青禾县2026年防汛工作方案',
        '一、重点任务',
        '（一）清理河道障碍。',
        '牵头单位：',
        '县水利局',
        '配合单位：',
        '县交通运输局',
        '县自然资源局',
        '青禾县人民政府办公室',
        '2026年3月1日',
      ];
      const [task] = planOf(lines).tasks;
      assert.deepEqual([names(task!.lead), names(task!.responsible)], [['县水利局'], ['县交通运输局', '县自然资源局']]);
      // Without the date, the line is one more unit of the list, whether a line break ends the file or not.
      for (const end of [[''], []]) {
        const [listed] = planOf([...lines.slice(0, -1), ...end]).tasks;
        assert.deepEqual(names(listed!.responsible), ['县交通运输局', '县自然资源局', '青禾县人民政府办公室'], `${end.length} line break at the end`);
      }
    });
  });

  describe('pipes in prose', () => {
    const plan = planOf([
      '江北市2025年工作方案',
      '一、重点任务',
      '1.推行公示|制度。[牵头单位:市司法局;完成时限:2025年底前]',
      '2.推行｜公示制度。[牵头单位:市财政局;完成时限:2025年6月底前]',
      '  | 序号 | 重点工作任务 | 牵头单位 |',
    ]);

    it('a `|` or `｜` inside a paragraph is text: the title and the attribution after it stay with the task', () => {
      assert.deepEqual(plan.tasks.map((t) => [t.number, t.title, names(t.lead), t.deadline?.end]), [
        ['1.', '推行公示|制度', ['市司法局'], '2025-12-31'],
        ['2.', '推行｜公示制度', ['市财政局'], '2025-06-30'],
      ]);
      assertRangesAgree(plan);
    });
  });

  describe('attribution styles (DESIGN §1.2), both scripts', () => {
    /** Reads a one-task plan whose task text ends with `tail`. */
    const one = (tail: string) => {
      const plan = planOf(['海滨市2021年工作方案', '一、重点任务', `(一)完善制度。${tail}`]);
      assert.equal(plan.tasks.length, 1, `one task for ${tail}`);
      return plan.tasks[0]!;
    };
    const cases: [string, string, string[], string[]][] = [
      ['bracket, half-width', '[牵头单位:市编委办、市政府法制办;责任单位:市直相关单位、各区县(市)人民政府]', ['市编委办', '市政府法制办'], ['市直相关单位', '各区县(市)人民政府']],
      ['bracket, full-width', '【牵头单位：市委党校(行政学院)；责任单位：市直各部门，各区人民政府】', ['市委党校(行政学院)'], ['市直各部门', '各区人民政府']],
      ['sentence, 由…牵头负责 … 参加', '此项工作由市政府办公室牵头负责,监察、财政、审计参加。', ['市政府办公室'], ['监察', '财政', '审计']],
      ['parenthesis, 牵头 … 按职责分工负责', '(市政府办公室牵头,市级各有关部门及各县市区政府按职责分工负责)', ['市政府办公室'], ['市级各有关部门', '各县市区政府']],
      ['parenthesis with fields', '(牵头单位:市司法局;配合单位:市财政局;完成时限:2021年12月底前)', ['市司法局'], ['市财政局']],
      ['full-width parenthesis with fields', '（牵头单位：市司法局；配合单位：市财政局、市审计局）', ['市司法局'], ['市财政局', '市审计局']],
      ['joint leads, 共同负责', '此项工作由各县(区)人民政府,财政、人事、法制等部门共同负责,市级各部门参加。', ['各县(区)人民政府', '财政', '人事', '法制'], ['市级各部门']],
      ['由…负责 with a unit holding parentheses', '此项工作由市人事局(市编办)负责,市级相关部门参与。', ['市人事局(市编办)'], ['市级相关部门']],
      ['由…牵头 … 参加, 等 ends a list', '由市司法局牵头,财政、审计等部门参加。', ['市司法局'], ['财政', '审计']],
      ['traditional bracket', '[牽頭單位:市編委辦;責任單位:各縣(市)人民政府]', ['市編委辦'], ['各縣(市)人民政府']],
      ['traditional sentence', '此項工作由市政府法制辦牽頭負責,市級各部門參加。', ['市政府法制辦'], ['市級各部門']],
      ['traditional parenthesis', '(市委編辦牽頭,各縣(市、區)政府按職責分工負責)', ['市委編辦'], ['各縣(市、區)政府']],
      ['traditional joint leads', '此項工作由財政、人事等部門共同負責。', ['財政', '人事'], []],
      ['only 责任单位: no lead', '[责任单位:行使行政执法权相关单位、各区县(市)人民政府]', [], ['行使行政执法权相关单位', '各区县(市)人民政府']],
    ];
    for (const [label, tail, lead, responsible] of cases) {
      it(label, () => {
        const t = one(tail);
        assert.equal(t.title, '完善制度');
        assert.deepEqual(names(t.lead), lead);
        assert.deepEqual(names(t.responsible), responsible);
        assert.ok(t.lead.every((u) => u.role === 'lead') && t.responsible.every((u) => u.role === 'responsible'));
      });
    }

    it('a parenthesis of units that 负责 closing an item with no full stop before it is its attribution, not its title', () => {
      const plan = planOf([
        '海滨市2021年工作方案',
        '一、重点任务',
        '1.建设视频会议系统（市委办、市政府办负责，2021年5月底前完成）',
        '2.推行河长负责制（试点）（市水利局牵头）',
        '3.推广乡镇长负责制（试点），逐步覆盖全市。',
      ]);
      assert.deepEqual(
        plan.tasks.map((t) => [t.title, names(t.lead)]),
        [
          ['建设视频会议系统', ['市委办', '市政府办']],
          ['推行河长负责制（试点）', ['市水利局']],
          ['推广乡镇长负责制（试点），逐步覆盖全市', []],
        ],
      );
      // A parenthesis that names no unit before its 负责 is the title's.
      const own = planOf(['海滨市2021年工作方案', '一、重点任务', '1.推行首问责任制（实行首问负责制）', '2.落实安全生产责任（谁主管谁负责）']);
      assert.deepEqual(own.tasks.map((t) => t.title), ['推行首问责任制（实行首问负责制）', '落实安全生产责任（谁主管谁负责）']);
    });

    it('reads field lines in traditional script too', () => {
      const plan = planOf(['海濱市2021年工作方案', '一、重點任務', '(一)落實執法。', '責任單位:市司法局、市財政局', '(二)完善復議。', '牽頭單位：市政府法制辦；完成時限：2021年9月底前']);
      assert.deepEqual(plan.tasks.map((t) => [names(t.lead), names(t.responsible)]), [[[], ['市司法局', '市財政局']], [['市政府法制辦'], []]]);
      assert.equal(plan.tasks[1]!.deadline?.end, '2021-09-30');
    });

    it('reads a field line of its own (`责任单位:市司法局`) under the task it follows', () => {
      const plan = planOf(['海滨市2021年工作方案', '一、重点任务', '(一)落实执法。', '责任单位:市司法局、市财政局', '(二)完善复议。', '牵头单位:市政府法制办;完成时限:2021年9月底前']);
      assert.deepEqual(plan.tasks.map((t) => [names(t.lead), names(t.responsible)]), [[[], ['市司法局', '市财政局']], [['市政府法制办'], []]]);
      assert.equal(plan.tasks[1]!.deadline?.end, '2021-09-30');
      assert.equal(plan.allSections[1]!.attributions[0]!.style, 'field');
    });

    it('folds unit keys: traditional to simplified, full width to half, spaces and pinyin noise removed', () => {
      const t = one('[牽頭單位:市發(fā)展改革委;責任單位:各縣（市）人民政府、市数据\u00a0资源局]');
      assert.deepEqual(names(t.lead), ['市發展改革委']);
      assert.deepEqual(t.lead.map((u) => u.key), ['市发展改革委']);
      assert.deepEqual(t.responsible.map((u) => u.key), ['各县(市)人民政府', '市数据资源局']);
    });

    it('inherits a heading’s attribution, and says so', () => {
      const plan = planOf([
        '海滨市2021年工作方案',
        '一、重点任务',
        '(一)深化改革(市政务服务局牵头,市级各有关部门按职责分工负责)',
        '1.推进一网通办。',
        '2.推行告知承诺制。[牵头单位:市司法局]',
      ]);
      assert.deepEqual(plan.tasks.map((t) => t.number), ['1.', '2.']);
      const [first, second] = plan.tasks;
      assert.deepEqual(names(first!.lead), ['市政务服务局']);
      assert.deepEqual(first!.inherited, { lead: true, responsible: true, deadline: false });
      assert.deepEqual(names(second!.lead), ['市司法局']);
      assert.deepEqual(names(second!.responsible), ['市级各有关部门']);
      assert.deepEqual(second!.inherited, { lead: false, responsible: true, deadline: false });
      assert.equal(plan.allSections[1]!.title, '深化改革');
    });
  });

  describe('deadlines of tasks (own or inherited)', () => {
    const plan = planOf([
      '海滨市2021年工作方案', // 0
      '一、重点任务', // 1
      '(一)深化改革(市政务服务局牵头,市级各有关部门按职责分工负责,2021年底前完成)', // 2
      '1.公布清单。于3月20日之前公布事项清单。', // 3
      '2.推行承诺制。', // 4
      '3.规范执法。[牵头单位:市财政局;完成时限:长期坚持]', // 5
      '(二)编制目录。[牵头单位:市司法局;完成时限:2021年第一季度]', // 6
      '(三)推进立法。[牵头单位:市司法局;完成时限:2021—2023年]', // 7
      '(四)公布目录。每年第一季度编制并公布目录。[牵头单位:市司法局]', // 8
      '(五)调整清单。[牵头单位:市司法局;完成时限:2021年上半年]', // 9
      '(六)清理文件。[牵头单位:市司法局;完成时限:2021年12月底前]', // 10
      '(七)开展评查。[牵头单位:市司法局]', // 11
    ]);

    it('takes a task’s own prose deadline, the year from the plan', () => {
      const d = task(plan, '1.').deadline!;
      assert.equal(d.end, '2021-03-20');
      assert.equal(d.precision, 'day');
      assert.equal(d.yearInferred, true);
      assert.equal(task(plan, '1.').inherited.deadline, false);
      assert.equal(d.range.start.line, 3);
      assert.equal(d.range.start.character, '1.公布清单。于'.length);
    });

    it('inherits the heading’s deadline when the task has none', () => {
      const t = task(plan, '2.');
      assert.equal(t.deadline?.end, '2021-12-31');
      assert.equal(t.deadline?.precision, 'year');
      assert.equal(t.inherited.deadline, true);
      assert.equal(t.deadline?.range.start.line, 2);
      assert.deepEqual(t.deadlines, []);
    });

    it('prefers an own ongoing deadline to an inherited date', () => {
      const d = task(plan, '3.').deadline!;
      assert.equal(d.ongoing, true);
      assert.equal(d.end, null);
      assert.equal(task(plan, '3.').inherited.deadline, false);
    });

    it('reads quarter, range, recurring, half-year and month deadlines', () => {
      const q = task(plan, '(二)').deadline!;
      assert.deepEqual([q.end, q.precision], ['2021-03-31', 'quarter']);
      const r = task(plan, '(三)').deadline!;
      assert.deepEqual([r.start, r.end, r.precision], ['2021-01-01', '2023-12-31', 'year']);
      const e = task(plan, '(四)').deadline!;
      assert.deepEqual([e.end, e.recurring], ['2021-03-31', true]);
      const h = task(plan, '(五)').deadline!;
      assert.deepEqual([h.end, h.precision], ['2021-06-30', 'half']);
      const m = task(plan, '(六)').deadline!;
      assert.deepEqual([m.end, m.precision, m.yearInferred], ['2021-12-31', 'month', false]);
      assert.equal(at(m.range), `10:${'(六)清理文件。[牵头单位:市司法局;完成时限:'.length}-10:${'(六)清理文件。[牵头单位:市司法局;完成时限:2021年12月底前'.length}`);
    });

    it('leaves a task with no deadline anywhere without one', () => {
      const t = task(plan, '(七)');
      assert.equal(t.deadline, null);
      assert.equal(t.inherited.deadline, false);
      assertRangesAgree(plan);
    });
  });

  describe('a deadline a heading ends with is its part\'s', () => {
    const plan = planOf([
      '清河镇2025年人居环境整治方案', // 0
      '一、第一阶段：清理整治（2025年5月底前完成）', // 1
      '（一）清运河道两岸堆积杂物。牵头单位：镇水务站。', // 2
      '（二）拆除危旧棚舍。牵头单位：镇执法中队。完成时限：2025年4月底前', // 3
      '二、第二阶段：改造提升，2025年9月底前完成', // 4
      '（三）硬化进村道路。牵头单位：镇建设办。', // 5
      '三、第三阶段：巩固提升（2025年10月至12月）', // 6
      '（四）修缮村级文化广场。牵头单位：镇文化站。', // 7
      '（五）开展星级庭院评比（2025年11月底前完成）', // 8
      '1.制定评比细则。牵头单位：镇妇联。', // 9
      '2.组织入户打分。牵头单位：镇农办。', // 10
      '四、长效管理，到2025年，基本建成长效机制', // 11
      '（六）完善保洁制度。牵头单位：镇环卫所。', // 12
      '五、推进垃圾分类，2025年底前完成示范村建设', // 13
      '（七）建设分类收集点。牵头单位：镇城建办。', // 14
      '（八）建立管护台账（2025年12月底前完成）。牵头单位：镇农办。', // 15
    ]);
    const read = (number: string) => {
      const t = task(plan, number);
      return [t.deadline?.end ?? null, t.deadline?.range.start.line ?? null, t.inherited.deadline];
    };

    it('in its bracket or as its last clause, each task under it that names none inherits it', () => {
      assert.deepEqual(read('（一）'), ['2025-05-31', 1, true]);
      assert.deepEqual(read('（三）'), ['2025-09-30', 4, true]);
      assert.deepEqual(read('（四）'), ['2025-12-31', 6, true]);
      assert.equal(task(plan, '（四）').deadline?.start, '2025-10-01');
    });

    it('on a heading of the second level too', () => {
      assert.deepEqual([read('1.'), read('2.')], [['2025-11-30', 8, true], ['2025-11-30', 8, true]]);
    });

    it('a task’s own deadline comes first', () => {
      assert.deepEqual(read('（二）'), ['2025-04-30', 3, false]);
    });

    it('a heading that is a task keeps it as its own', () => {
      assert.deepEqual(read('（八）'), ['2025-12-31', 15, false]);
    });

    it('a heading that writes the plan’s whole period again gives no deadline; a stage of it does', () => {
      const stages = planOf([
        '清河县农村公路提升行动方案（2023—2025年）',
        '一、重点任务（2023—2025年）',
        '（一）改造危桥。牵头单位：县交通局。',
        '二、近期任务（2023—2024年）',
        '（二）拓宽通村道路。牵头单位：县公路中心。',
      ]);
      assert.deepEqual(
        stages.tasks.map((t) => [t.number, t.deadline?.end ?? null, t.inherited.deadline]),
        [['（一）', null, false], ['（二）', '2024-12-31', true]],
      );
    });

    it('a target year is no deadline, nor a date inside the heading’s words', () => {
      assert.deepEqual(read('（六）'), [null, null, false]);
      assert.deepEqual(read('（七）'), [null, null, false]);
      assertRangesAgree(plan);
    });
  });

  describe('every deadline form of DESIGN §1.3, as the deadline of a task', () => {
    // written in the 完成时限 field → [end, start, precision, yearInferred, ongoing, recurring, damaged]
    const forms: [string, string | null, string | null, string | null, boolean, boolean, boolean, boolean][] = [
      ['2020年底前', '2020-12-31', null, 'year', false, false, false, false],
      ['2023年年底前', '2023-12-31', null, 'year', false, false, false, false],
      ['2021年12月底前', '2021-12-31', null, 'month', false, false, false, false],
      ['于3月20日之前', '2020-03-20', null, 'day', true, false, false, false],
      ['7月底之前完成', '2020-07-31', null, 'month', true, false, false, false],
      ['年内', '2020-12-31', null, 'year', true, false, false, false],
      ['2021年上半年', '2021-06-30', null, 'half', false, false, false, false],
      ['2021年第一季度', '2021-03-31', null, 'quarter', false, false, false, false],
      ['每年第一季度', '2020-03-31', null, 'quarter', true, false, true, false],
      ['长期坚持', null, null, null, false, true, false, false],
      ['持续推进', null, null, null, false, true, false, false],
      ['2016—2018年', '2018-12-31', '2016-01-01', 'year', false, false, false, false],
      ['2021年6月', '2021-06-30', null, 'month', false, false, false, false],
      ['2020313', '2020-03-13', null, 'day', false, false, false, true],
    ];
    const plan = planOf([
      '海滨市2020年度法治政府建设工作方案',
      '一、重点任务',
      ...forms.map(([written], i) => `(${formatChineseNumeral(i + 1)})任务${i + 1}。[牵头单位:市司法局;完成时限:${written}]`),
      '(九十九)编制目录。2022年10月底前编制并公布目录。[牵头单位:市司法局]',
    ]);
    forms.forEach(([written, end, start, precision, yearInferred, ongoing, recurring, damaged], i) => {
      it(`完成时限:${written}`, () => {
        const t = plan.tasks[i]!;
        assert.equal(t.title, `任务${i + 1}`);
        const d = t.deadline!;
        assert.ok(d, 'has a deadline');
        assert.deepEqual(
          [d.end, d.start, d.precision, d.yearInferred, d.ongoing, d.recurring, d.damaged],
          [end, start, precision, yearInferred, ongoing, recurring, damaged],
        );
        assert.equal(t.inherited.deadline, false);
        assert.ok(written.includes(d.text), `${d.text} is part of ${written}`);
        assert.equal(plan.text.slice(d.span.start, d.span.end), d.text);
      });
    });
    it('2022年10月底前编制并公布 in the task text', () => {
      const d = plan.tasks[forms.length]!.deadline!;
      assert.deepEqual([d.end, d.precision, d.text], ['2022-10-31', 'month', '2022年10月底前']);
    });
    it('a date without a year takes the first year of a plan period', () => {
      const p = planOf(['青川市法治政府建设实施方案(2021—2025年)', '一、重点任务', '(一)任务。[牵头单位:市司法局;完成时限:6月底前]']);
      assert.deepEqual(p.period, { start: 2021, end: 2025, source: 'title' });
      assert.deepEqual([p.tasks[0]!.deadline?.end, p.tasks[0]!.deadline?.yearInferred], ['2021-06-30', true]);
      assert.equal(at(p.tasks[0]!.deadline!.range), '2:22-2:26');
    });
  });

  describe('non-task sections', () => {
    const lines = [
      '海滨市2021年工作方案',
      '一、指导思想',
      '1.坚持依法行政。',
      '二、重点任务',
      '2.清理文件。[牵头单位:市司法局]',
      '三、保障措施',
      '3.加强领导。',
    ];

    it('does not make tasks of closing clauses about the document (when it takes effect, who interprets it)', () => {
      const plan = planOf([
        '海滨市促进消费若干措施',
        '一、重点措施',
        '（一）开展促消费活动。（市商务局牵头，2021年6月底前）',
        '二、其他',
        '（一）本措施自印发之日起施行，有效期至2021年12月31日。',
        '（二）本措施由市商务局负责解释。',
        '（三）本实施方案具体执行中的问题，由市商务局负责解释。',
      ]);
      assert.deepEqual(plan.tasks.map((t) => t.title), ['开展促消费活动']);
      assert.deepEqual(plan.unnumbered, []);
    });

    it('does not make tasks of items under 指导思想 / 保障措施', () => {
      const plan = planOf(lines);
      assert.deepEqual(plan.tasks.map((t) => t.number), ['2.']);
      assert.deepEqual(plan.allSections.filter((s) => s.nonTask).map((s) => s.marker.text), ['一、', '1.', '三、', '3.']);
      assert.ok(DEFAULT_NON_TASK_SECTIONS.includes('指导思想'));
    });

    it('takes the non-task titles from the options; a titled section that names a lead still assigns work', () => {
      const plan = planOf(lines, { nonTaskSections: ['指导思想', '重点任务'] });
      // 保障措施 is no longer in the list: its 3. is a task. 重点任务 is, but its 2. names a lead unit.
      assert.deepEqual(plan.tasks.map((t) => t.number), ['2.', '3.']);
      assert.deepEqual(plan.allSections.filter((s) => s.nonTask).map((s) => s.marker.text), ['一、', '1.']);
    });

    const steps = [
      '青禾县2025年农田水利建设工作方案',
      '一、重点任务',
      '（一）新建灌溉渠道12公里。（牵头单位：县水利局；完成时限：2025年10月底前）',
      '（二）整修山塘20座。（牵头单位：县水利局；完成时限：2025年11月底前）',
      '二、实施步骤',
      '（一）前期准备阶段（2025年3月）。由县水利局负责编制项目清单，召开部署会。',
      '（二）组织施工阶段（2025年4月至10月）。各乡镇负责组织施工，县水利局会同县财政局跟踪资金使用。',
      '三、保障措施',
      '（一）加强组织领导。成立工作专班，由分管副县长任组长。',
      '（二）强化督查问效。县委督查室、县政府督查室牵头，定期通报进度。',
    ];

    it('makes no task of an item under a section titled as assigning no work, whatever unit it names', () => {
      const plan = planOf(steps);
      assert.deepEqual(plan.tasks.map((t) => [t.number, t.title]), [['（一）', '新建灌溉渠道12公里'], ['（二）', '整修山塘20座']]);
      assert.deepEqual(
        plan.allSections.filter((s) => s.nonTask).map((s) => s.title),
        ['实施步骤', '前期准备阶段（2025年3月）', '组织施工阶段（2025年4月至10月）', '保障措施', '加强组织领导', '强化督查问效'],
      );
      // The same with a short word before the name, a stage period after it, several names joined, a closing part's title.
      for (const [second, third] of [
        ['二、具体实施步骤（2025年3月至10月）', '三、强化保障措施'],
        ['二、实施步骤和工作要求', '三、组织实施与保障措施'],
        ['二、推进步骤：', '三、组织实施'],
      ] as const) {
        const variant = planOf(steps.map((l) => (l === '二、实施步骤' ? second : l === '三、保障措施' ? third : l)));
        assert.deepEqual(variant.tasks.map((t) => t.title), ['新建灌溉渠道12公里', '整修山塘20座'], second);
      }
      // A part above 一、 so titled holds none either.
      const part = planOf([...steps.slice(0, 4), '第二部分 保障措施', '一、强化督查问效。县委督查室牵头，定期通报进度。']);
      assert.deepEqual(part.tasks.map((t) => t.title), ['新建灌溉渠道12公里', '整修山塘20座']);
    });

    it('reads an item of such a section as a task where it is assigned as tasks are: in brackets or fields, or two levels down', () => {
      const bracketed = planOf([...steps.slice(0, 8), '（二）强化督查问效。（牵头单位：县委督查室；完成时限：2025年12月底前）']);
      assert.deepEqual(bracketed.tasks.map((t) => t.title), ['新建灌溉渠道12公里', '整修山塘20座', '强化督查问效']);
      // A chapter heading lost (`二、重点任务` run into the text above): its tasks stand two levels under 总体要求.
      const lost = planOf([
        '青禾县2025年依法行政工作安排',
        '一、总体要求',
        '以提高依法行政能力为重点，全年抓好以下工作。重点任务',
        '（一）加强制度建设',
        '1.规范文件管理。此项工作由县司法局牵头负责，县直各部门参加。',
        '2.完善决策程序。此项工作由县政府办公室牵头负责，2025年6月底前完成。',
      ]);
      assert.deepEqual(lost.tasks.map((t) => [t.title, t.lead.map((u) => u.name)]), [['规范文件管理', ['县司法局']], ['完善决策程序', ['县政府办公室']]]);
      // Or one level under it, assigned in brackets: then an item beside them that names its lead in a sentence is one too.
      const beside = planOf([
        '青禾县2025年依法行政工作安排',
        '一、总体要求',
        '以提高依法行政能力为重点，全年抓好以下工作。重点任务',
        '（一）规范文件管理。（牵头单位：县司法局；完成时限：2025年6月底前）',
        '（二）完善决策程序。由县政府办公室牵头负责，2025年9月底前完成。',
      ]);
      assert.deepEqual(beside.tasks.map((t) => [t.title, t.lead.map((u) => u.name)]), [['规范文件管理', ['县司法局']], ['完善决策程序', ['县政府办公室']]]);
    });

    it('reads a short title ending in 标准 / 规范 / 要求 / 目标 as a section of standards or goals, a title that opens with work as work', () => {
      const withHeading = (heading: string, options?: { nonTaskSections?: string[] }) =>
        planOf(
          ['云岭镇2025年集镇环境卫生整治工作方案', '一、整治任务', '（一）清运积存垃圾。（牵头单位：镇环卫所；完成时限：2025年4月底前）', heading, '1．路面无积存垃圾、无污水横流。', '2．公厕每日清扫两次以上。'],
          options,
        );
      for (const heading of ['二、清扫保洁标准', '二、验收标准：', '二、具体要求', '二、环卫作业规范', '二、考核標準', '二、整治目标', '二、年度行动目标']) {
        const plan = withHeading(heading);
        assert.deepEqual(plan.tasks.map((t) => t.title), ['清运积存垃圾'], heading);
        assert.deepEqual(plan.allSections.filter((s) => s.nonTask).map((s) => s.marker.text), ['二、', '1．', '2．'], heading);
      }
      // Raising, setting or keeping to a standard is work, and so is a longer title or one that holds the word inside.
      for (const heading of ['二、提高保洁标准', '二、细化保洁标准', '二、严格执行作业规范', '二、推进环卫作业标准化', '二、全面落实“门前三包”管理要求', '二、环卫作业更加规范', '二、实现年度整治目标', '二、完成目标任务']) {
        assert.deepEqual(withHeading(heading).tasks.map((t) => t.title), ['清运积存垃圾', '路面无积存垃圾、无污水横流', '公厕每日清扫两次以上'], heading);
      }
      // A configured list without the endings reads the standards as tasks; one with an ending of its own reads it.
      assert.equal(withHeading('二、清扫保洁标准', { nonTaskSections: ['保障措施'] }).tasks.length, 3);
      assert.equal(withHeading('二、作业细则', { nonTaskSections: ['保障措施', '…细则'] }).tasks.length, 1);
      assert.ok(DEFAULT_NON_TASK_SECTIONS.includes('…标准'));
    });

    it('keeps the items that name a unit as tasks where the name only stands inside a longer title, or in a sub-item of a chapter of tasks', () => {
      const plan = planOf([
        '青禾县2025年基层党建工作方案',
        '一、重点任务',
        '（一）加强组织保障体系建设。（县委组织部牵头，2025年12月底前完成）',
        '（二）强化保障措施。（县财政局牵头，2025年6月底前完成）',
        '（三）完善工作保障。',
        '二、强化基层治理的组织保障',
        '（一）落实村级运转经费。（县财政局牵头，2025年6月底前完成）',
        '（二）关心关爱基层干部。',
      ]);
      // Under 重点任务 the first two name their lead: tasks; the third names none, and its title names a safeguard.
      // Under the longer chapter title the item that names its lead is a task (the chapter with it), its sibling not.
      assert.deepEqual(
        plan.tasks.map((t) => [t.title, t.lead.map((u) => u.name)]),
        [['加强组织保障体系建设', ['县委组织部']], ['强化保障措施', ['县财政局']], ['落实村级运转经费', ['县财政局']]],
      );
      assert.deepEqual(plan.allSections.filter((s) => s.nonTask).map((s) => s.title), ['完善工作保障', '关心关爱基层干部']);
    });
  });

  describe('parts above 一、 (第一章 / 第一部分)', () => {
    const parts = (first: string, second: string) => [
      '柳岸县2024年农贸市场提升工作方案',
      first,
      '一、改造市场顶棚12处，2024年7月底前完工。县商务局牵头。',
      '二、更新冷链设备30台，2024年9月底前完工。县商务局牵头。',
      second,
      '一、加强统筹调度。',
      '二、落实资金保障。',
    ];

    it('reads a part titled as one that assigns no work (第二章 保障措施) as holding no tasks', () => {
      for (const [first, second] of [
        ['第一章 重点任务', '第二章 保障措施'],
        ['第一部分：重点任务', '第二部分：保障措施'],
        ['## 第一章　重点任务', '## 第二章　组织实施'],
      ] as const) {
        const plan = planOf(parts(first, second));
        assert.deepEqual(plan.tasks.map((t) => t.title), ['改造市场顶棚12处，2024年7月底前完工', '更新冷链设备30台，2024年9月底前完工'], first);
        assert.deepEqual(plan.allSections.filter((s) => s.nonTask).map((s) => s.title), ['加强统筹调度', '落实资金保障'], first);
        assert.deepEqual(plan.separateLists.map((l) => [l.kind, l.level]), [['part', 1], ['part', 1]], first);
      }
    });

    it('keeps no unnumbered attribution right under a part that assigns no work; under one that does, it is unnumbered', () => {
      const text = (second: string) => [...parts('第一章 重点任务', second).slice(0, 4), second, '县农贸市场提升工作领导小组负责统筹调度，县商务局负责日常督办。'];
      for (const second of ['第二章 组织实施', '第二部分：保障措施', '第二章 工作要求']) {
        const plan = planOf(text(second));
        assert.deepEqual(plan.unnumbered, [], second);
        assert.equal(plan.tasks.length, 2, second);
      }
      const assigns = planOf(text('第二章 配套改造'));
      assert.deepEqual(assigns.unnumbered.map((u) => u.attribution.lead.map((x) => x.name)), [['县农贸市场提升工作领导小组']]);
    });

    it('reads the items of a part that assigns work as tasks, and a sentence that starts 第一部分 as no heading', () => {
      const plan = planOf(parts('第一章 重点任务', '第二章 配套改造'));
      assert.deepEqual(plan.tasks.map((t) => t.number), ['一、', '二、', '一、', '二、']);
      const sentence = planOf(parts('第一部分资金已拨付，其余按进度拨付。', '二、保障措施'));
      assert.deepEqual(sentence.separateLists, []);
    });
  });

  describe('articles of a plan of measures (`第一条`)', () => {
    it('are its tasks, numbered on through its parts, with their units and deadlines', () => {
      const plan = planOf([
        '云溪县支持民营企业发展若干措施',
        '一、优化营商环境',
        '第一条　压减审批时限。企业开办1个工作日办结。（县市场监管局牵头，县政务服务中心配合，2025年6月底前）',
        '第二条　降低用地成本。（县自然资源局牵头，长期坚持）',
        '二、加大金融支持',
        '第三条　加大信贷投放。（县金融办牵头，各银行机构配合）',
      ]);
      assert.deepEqual(
        plan.tasks.map((t) => [t.number, t.title, names(t.lead), names(t.responsible), t.deadline?.text ?? null]),
        [
          ['第一条', '压减审批时限', ['县市场监管局'], ['县政务服务中心'], '2025年6月底前'],
          ['第二条', '降低用地成本', ['县自然资源局'], [], '长期坚持'],
          ['第三条', '加大信贷投放', ['县金融办'], ['各银行机构'], null],
        ],
      );
      assert.deepEqual(plan.unnumbered, []);
    });
  });

  describe('title, period and kind', () => {
    it('reads the title and year of an annual plan', () => {
      const plan = planOf(['# 江宁市2025年度法治政府建设工作要点', '', '一、重点任务', '(一)清理文件。[牵头单位:市司法局]']);
      assert.equal(plan.title, '江宁市2025年度法治政府建设工作要点');
      assert.deepEqual(plan.period, { start: 2025, end: 2025, source: 'title' });
      assert.equal(plan.kind, 'plan');
    });

    it('takes no table row, attachment label or notice\'s list of attachments for the title', () => {
      const table = planOf([
        '# 青山县2025年养老服务重点任务',
        '',
        '| 序号 | 任务内容 | 牵头单位 | 完成时限 |',
        '| --- | --- | --- | --- |',
        '| 1 | 实施居家养老服务提升计划 | 县民政局 | 2025年9月底前 |',
      ]);
      assert.equal(table.title, '青山县2025年养老服务重点任务');
      const label = planOf(['附件2', '', '    青山县2025年养老服务任务分工表', '', '序号\t任务\t牵头单位', '1\t新建助餐点\t县民政局']);
      assert.equal(label.title, '青山县2025年养老服务任务分工表');
      assert.deepEqual(label.period, { start: 2025, end: 2025, source: 'title' });
      const notice = planOf([
        '青山县人民政府办公室关于印发《青山县2025年养老服务提升行动方案》的通知',
        '各乡镇人民政府，县直各部门：',
        '现将《青山县2025年养老服务提升行动方案》印发给你们，请认真贯彻执行。',
        '附件：1.青山县2025年养老服务提升行动方案',
        '      2.县养老服务工作专班成员名单',
        '青山县人民政府办公室',
        '2025年4月2日',
        '青山县2025年养老服务提升行动方案',
        '一、新建社区助餐点10个。（县民政局牵头）',
      ]);
      assert.equal(notice.title, '青山县2025年养老服务提升行动方案');
      assert.equal(notice.titleRange!.start.line, 7);
      // With no notice, a plan's title line is read as before.
      assert.equal(planOf(['青山县2025年养老服务提升行动方案', '一、新建社区助餐点10个。（县民政局牵头）']).title, '青山县2025年养老服务提升行动方案');
    });

    it('takes the title a covering notice prints, whatever the document is called', () => {
      const plan = planOf([
        '岚川市人民政府办公室关于印发《岚川市2021年度法治政府建设重点任务》的通知',
        '',
        '各区县人民政府:',
        '',
        '岚川市2021年度法治政府建设重点任务',
        '一、重点任务',
        '(一)清理文件。[牵头单位:市司法局]',
      ]);
      assert.equal(plan.title, '岚川市2021年度法治政府建设重点任务');
      assert.deepEqual(plan.period, { start: 2021, end: 2021, source: 'title' });
    });

    it('joins a title broken over two lines from the notice, and reads a multi-year period', () => {
      const plan = planOf([
        '关于印发《青川市法治政府建设实施方案(2021—2025年)》的通知',
        '',
        '青川市法治政府建设',
        '实施方案(2021—2025年)',
        '一、重点任务',
        '(一)清理文件。[牵头单位:市司法局;完成时限:2023年底前]',
      ]);
      assert.equal(plan.title, '青川市法治政府建设实施方案(2021—2025年)');
      assert.deepEqual(plan.period, { start: 2021, end: 2025, source: 'title' });
    });

    it('does not take a period from a cited document or a sentence', () => {
      const plan = planOf([
        '关于深入推进依法行政的实施方案',
        '为贯彻落实《法治政府建设实施纲要(2015-2020年)》,特制定本实施方案。',
        '一、实施步骤',
        '全面实施阶段(2016—2018年)。按本实施方案推进。',
        '二、重点任务',
        '1.清理文件。[牵头单位:市司法局]',
      ]);
      assert.equal(plan.period, null);
      assert.equal(plan.tasks.length, 1);
    });

    it('takes the period from the configuration when the text has none', () => {
      const plan = planOf(['关于深入推进依法行政的实施方案', '一、重点任务', '1.清理文件。于6月底前完成。[牵头单位:市司法局]'], { period: { start: 2019, end: 2019 } });
      assert.deepEqual(plan.period, { start: 2019, end: 2019, source: 'config' });
      assert.equal(plan.tasks[0]!.deadline?.end, '2019-06-30');
    });

    it('tells a report from a plan: a report has no tasks, whatever words it uses', () => {
      const report = planOf([
        '望山市人民政府关于2023年度法治政府建设情况的报告',
        '一、主要举措和成效',
        '(一)行政执法更加规范。一是落实三项制度。市司法局牵头组织开展了案卷评查。二是逐项明确了牵头单位和责任单位。',
        '(二)依法决策水平提升。全年审核文件412件。',
      ]);
      assert.equal(report.kind, 'report');
      assert.deepEqual(report.tasks, []);
      assert.equal(report.allSections.length > 0, true, 'the outline is still read');
      const plan = planOf(['白水县法治政府建设重点任务', '1.清理文件。[牵头单位:县司法局]']);
      assert.equal(plan.kind, 'plan');
      assert.equal(plan.tasks.length, 1);
    });
  });

  describe('exact ranges (UTF-16, as LSP counts)', () => {
    // 𠀾 (U+2003E) is two UTF-16 code units: everything after it on its line moves by two.
    const lines = [
      '𠀾市2022年工作方案', // 0
      '一、重点任务', // 1
      '(一)完善𠀾𠀾制度。[牵头单位:𠀾市司法局、市𠀾局;责任单位:市财政局;完成时限:2022年6月底前]', // 2
      '(二)推进公开。[牵头单位:市司法局]', // 3
    ];
    for (const [label, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
      it(`places sections, tasks, units and deadlines exactly (${label} line ends)`, () => {
        const plan = planOf(lines, {}, eol);
        assert.equal(plan.title, '𠀾市2022年工作方案');
        const [chapter] = plan.sections;
        assert.equal(at(chapter!.marker.range), '1:0-1:2');
        assert.equal(at(chapter!.range), '1:0-3:19');
        const [first, second] = chapter!.children;
        assert.equal(at(first!.marker.range), '2:0-2:3');
        assert.equal(first!.title, '完善𠀾𠀾制度');
        assert.equal(at(first!.titleRange), '2:3-2:11');
        assert.equal(at(first!.range), '2:0-2:55');
        const t = task(plan, '(一)');
        assert.equal(at(t.range), '2:0-2:55');
        assert.equal(at(t.titleRange), '2:3-2:11');
        assert.deepEqual(t.lead.map((u) => [u.name, at(u.range)]), [['𠀾市司法局', '2:18-2:24'], ['市𠀾局', '2:25-2:29']]);
        assert.deepEqual(t.responsible.map((u) => [u.name, at(u.range)]), [['市财政局', '2:35-2:39']]);
        assert.equal(at(t.deadline!.range), '2:45-2:54');
        assert.equal(t.deadline!.end, '2022-06-30');
        assert.equal(at(second!.marker.range), '3:0-3:3');
        assert.deepEqual(task(plan, '(二)').lead.map((u) => at(u.range)), ['3:14-3:18']);
        assert.deepEqual(plan.units.map((u) => u.name), ['𠀾市司法局', '市𠀾局', '市财政局', '市司法局']);
        // Offsets and positions agree both ways.
        for (const u of plan.units) {
          assert.equal(plan.lines.offsetAt(u.range.start), u.span.start);
          assert.equal(plan.text.slice(u.span.start, u.span.end), u.name);
        }
        assertRangesAgree(plan);
      });
    }
  });

  describe('robustness', () => {
    it('reads empty and blank texts as empty plans', () => {
      for (const text of ['', '\n', '\r\n\r\n', '\u00a0\u3000', '\ufeff']) {
        const plan = parsePlan(text);
        assert.deepEqual([plan.tasks.length, plan.sections.length, plan.problems.length], [0, 0, 0], JSON.stringify(text));
      }
    });

    it('never takes scraping pinyin for a marker or a unit', () => {
      const plan = planOf(['青川省法治政府建設實施方案', '一、重點任務', '(一)持續(xù)推進發(fā)展。[牽頭單位:省司法廳(tīng);責任單位:各市(州)政府]']);
      assert.deepEqual(plan.allSections.map((s) => s.marker.text), ['一、', '(一)']);
      assert.equal(plan.allSections[1]!.title, '持續推進發展');
      const t = plan.tasks[0]!;
      assert.deepEqual(names(t.lead), ['省司法廳']);
      assert.deepEqual(names(t.responsible), ['各市(州)政府']);
      assert.ok(plan.units.every((u) => !/[a-zāáǎàēéěèīíǐìōóǒòūúǔù]/.test(u.name)));
    });
  });
});

describe('parsePlan: a unit both leading and responsible', () => {
  const problemsOf = (leads: string[], responsible: string[]) => {
    const plan = planOf(['江北市2022年工作方案', '一、重点任务', `1.清理文件。[牵头单位:${leads.join('、')};责任单位:${responsible.join('、')}]`]);
    const attribution = plan.allSections[1]!.attributions[0]!;
    return attribution.problems.filter((p) => p.kind === 'lead-also-responsible').map((p) => p.detail);
  };

  it('is reported once per repeated unit among a few leads, and only for those', () => {
    assert.deepEqual(problemsOf(['市司法局', '市财政局'], ['市公安局', '市财政局', '市审计局']), ['市财政局']);
    assert.deepEqual(problemsOf(['市司法局'], ['市公安局']), []);
  });

  it('is reported the same way among many leads (more than eight)', () => {
    const leads = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'].map((n) => `第${n}局`);
    assert.deepEqual(problemsOf(leads, ['市公安局', '第九局', '第一局']), ['第九局', '第一局']);
    assert.deepEqual(problemsOf(leads, ['市公安局']), []);
  });
});
