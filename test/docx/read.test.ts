// The Word reader: numbering as Word shows it, tables with merged cells, tracked changes, comments, fields, and the paragraph of every stretch.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sniffFormat, unsupportedFormat } from '../../server/src/docx/formats.js';
import { formatCounter } from '../../server/src/docx/numbering.js';
import { describePlace, segmentAt } from '../../server/src/docx/places.js';
import { readDocx, type DocxText } from '../../server/src/docx/read.js';
import { taskRows, type TaskRow } from '../../server/src/features/task-table.js';
import { parsePlan } from '../../server/src/model/plan.js';
import { esc, gongwenNumbering, level, makeDocx, p, para, run, tableXml } from '../helpers/docx.js';
import { HAVE_SEEDS, SEEDS } from '../helpers/paths.js';

/** Reads a document and fails the test when it cannot be read. */
function read(bytes: Uint8Array): DocxText {
  const r = readDocx(bytes);
  if ('error' in r) assert.fail(r.error);
  return r;
}

/** What must agree between two readings of one plan: each task's number, title, units and deadline. */
function facts(text: string): Array<Pick<TaskRow, 'number' | 'title' | 'lead' | 'responsible'> & { deadline: string | null }> {
  return taskRows(parsePlan(text)).map((r) => ({ number: r.number, title: r.title, lead: r.lead, responsible: r.responsible, deadline: r.deadline?.end ?? null }));
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** The reference Chinese numeral for 1–99, written out by hand here (十, 十一, 二十, 二十一). */
function cn(n: number): string {
  if (n < 10) return CN[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : CN[tens]}十${CN[n % 10]}`;
}

/** One item of a plan: its level (0 一、 … 4 ①) and its text. */
type Item = [number, string];

/**
 * A plan with every level and more than ten parts, attribution in every style, as items. Level 2 numbers
 * restart under each level 1 (`continuous`: run on through the document, as seed 000's do).
 */
function planItems(): Item[] {
  const items: Item[] = [
    [0, '总体要求'],
    [1, '指导思想。坚持依法行政，建设法治政府。'],
    [0, '主要任务'],
    [1, '深化行政审批制度改革'],
    [2, '全面清理行政许可事项。（牵头单位：市政府办公室；责任单位：市发展改革委、市司法局；完成时限：2021年6月底前）'],
    [3, '编制权力清单。'],
    [4, '公布清单目录。'],
    [3, '动态调整清单。'],
    [2, '推进“一网通办”。[牵头单位:市政务服务中心;责任单位:各区县(市)人民政府;完成时限:2021年12月底前]'],
    [1, '健全行政决策机制'],
    [2, '完善重大行政决策程序。此项工作由市司法局牵头负责，市财政局、市审计局参加，2022年底前完成。'],
    [2, '落实合法性审查制度。（市司法局牵头，市级各有关部门按职责分工负责；完成时限：长期坚持）'],
  ];
  for (let k = 3; k <= 12; k++) items.push([0, `第${k}部分工作`], [2, `落实第${k}项任务。（牵头单位：市司法局；完成时限：2021年底前）`]);
  return items;
}

/** The markers a drafter types for the items, counting as Word's lists do (`continuous`: level 2 never restarts). */
function handNumbered(items: Item[], continuous: boolean): string[] {
  const counts = [0, 0, 0, 0, 0];
  return items.map(([lvl, text]) => {
    counts[lvl]!++;
    for (let k = lvl + 1; k < 5; k++) if (!(continuous && k === 2)) counts[k] = 0;
    const n = counts[lvl]!;
    const marker = [`${cn(n)}、`, `（${cn(n)}）`, `${n}.`, `（${n}）`, String.fromCharCode(0x2460 + n - 1)][lvl]!;
    return marker + text;
  });
}

const TITLE = '关于加快建设法治政府的实施方案';
const PREAMBLE = '为深入推进依法行政，结合本市实际，制定本方案。';

describe('docx: reading Word documents', () => {
  describe('automatic numbering', () => {
    for (const continuous of [false, true]) {
      it(`a Word-numbered plan reads as the hand-numbered one${continuous ? ' (level 3 numbered through the document)' : ''}`, () => {
        const items = planItems();
        const typed = handNumbered(items, continuous);
        const handText = [TITLE, PREAMBLE, ...typed].join('\n');
        const hand = read(makeDocx({ body: [TITLE, PREAMBLE, ...typed].map((t) => p(t)).join('') }));
        const restart = continuous ? '<w:lvlRestart w:val="0"/>' : '';
        const numbering =
          `<w:abstractNum w:abstractNumId="7">` +
          level(0, 'chineseCounting', '%1、') +
          level(1, 'chineseCounting', '（%2）') +
          level(2, 'decimal', '%3.', restart) +
          level(3, 'decimal', '（%4）') +
          level(4, 'decimalEnclosedCircle', '%5') +
          `</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>`;
        const auto = read(makeDocx({ body: [p(TITLE), p(PREAMBLE), ...items.map(([lvl, text]) => p(text, { num: [3, lvl] }))].join(''), numbering }));
        assert.equal(hand.text, handText);
        assert.equal(auto.text, handText);
        const tasks = facts(auto.text);
        assert.deepEqual(tasks, facts(hand.text));
        assert.equal(tasks.length, 15);
        // The leaf ① under （1） under 1. takes the attribution of 1.
        assert.deepEqual(tasks[0], { number: '①', title: '公布清单目录', lead: ['市政府办公室'], responsible: ['市发展改革委', '市司法局'], deadline: '2021-06-30' });
        assert.deepEqual(
          tasks.slice(2).map((t) => t.number),
          continuous ? ['2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.', '10.', '11.', '12.', '13.', '14.'] : ['2.', '1.', '2.', '1.', '1.', '1.', '1.', '1.', '1.', '1.', '1.', '1.', '1.'],
        );
        assert.ok(auto.text.includes('\n十二、第12部分工作\n'));
      });
    }

    it('formats: chineseCounting past ten, chineseCountingThousand, circled, enclosed, full-width, legal, letters, roman', () => {
      assert.deepEqual([1, 9, 10, 11, 19, 20, 21, 33, 99].map((n) => formatCounter(n, 'chineseCounting')), ['一', '九', '十', '十一', '十九', '二十', '二十一', '三十三', '九十九']);
      assert.deepEqual([100, 101, 110, 140, 1000, 1010].map((n) => formatCounter(n, 'chineseCountingThousand')), ['一百', '一百零一', '一百一十', '一百四十', '一千', '一千零一十']);
      assert.deepEqual([1, 10, 20, 21].map((n) => formatCounter(n, 'decimalEnclosedCircle')), ['①', '⑩', '⑳', '㉑']);
      assert.deepEqual([1, 12].map((n) => formatCounter(n, 'decimalEnclosedCircleChinese')), ['①', '⑫']);
      assert.equal(formatCounter(3, 'decimalEnclosedParen'), '⑶');
      assert.equal(formatCounter(12, 'decimalFullWidth'), '１２');
      assert.equal(formatCounter(10, 'ideographDigital'), '一〇');
      assert.equal(formatCounter(12, 'chineseLegalSimplified'), '壹拾贰');
      assert.equal(formatCounter(3, 'ideographTraditional'), '丙');
      assert.equal(formatCounter(28, 'upperLetter'), 'BB');
      assert.equal(formatCounter(14, 'lowerRoman'), 'xiv');
      assert.equal(formatCounter(7, 'decimalZero'), '07');
      assert.equal(formatCounter(4, 'none'), '');
    });

    it('multi-level text (%1.%2), restarts by startOverride, a level replaced by lvlOverride, numId 0', () => {
      const numbering =
        `<w:abstractNum w:abstractNumId="1">${level(0, 'decimal', '%1.')}${level(1, 'decimal', '%1.%2')}</w:abstractNum>` +
        `<w:abstractNum w:abstractNumId="2">${level(0, 'chineseCountingThousand', '%1、')}</w:abstractNum>` +
        `<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>` +
        `<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>` +
        // Instance 3 continues instance 2's list; instance 4 restarts it at 1; instance 5 draws level 0 as `第%1项`.
        `<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>` +
        `<w:num w:numId="4"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
        `<w:num w:numId="5"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/><w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1项"/></w:lvl></w:lvlOverride></w:num>`;
      const body = [
        p('甲', { num: [1, 0] }),
        p('甲一', { num: [1, 1] }),
        p('甲二', { num: [1, 1] }),
        p('乙', { num: [1, 0] }),
        p('乙一', { num: [1, 1] }),
        p('丙', { num: [2, 0] }),
        p('丁', { num: [3, 0] }),
        p('戊', { num: [4, 0] }),
        p('己', { num: [4, 0] }),
        p('庚', { num: [5, 0] }),
        para(run('无编号'), { pPr: '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>' }),
      ].join('');
      assert.equal(read(makeDocx({ body, numbering })).text, '1.甲\n1.1甲一\n1.2甲二\n2.乙\n2.1乙一\n一、丙\n二、丁\n一、戊\n二、己\n第五项 庚\n无编号');
    });

    it('numbering from a paragraph style, its level bound by the style or by w:lvl/w:pStyle', () => {
      const numbering =
        `<w:abstractNum w:abstractNumId="1">${level(0, 'chineseCounting', '%1、', '<w:pStyle w:val="H1"/>')}${level(1, 'chineseCounting', '（%2）', '<w:pStyle w:val="H2"/>')}</w:abstractNum>` +
        `<w:num w:numId="9"><w:abstractNumId w:val="1"/></w:num>`;
      const styles =
        `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
        `<w:style w:type="paragraph" w:styleId="H1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:style>` +
        `<w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="9"/></w:numPr></w:pPr></w:style>` +
        `<w:style w:type="paragraph" w:styleId="H2x"><w:basedOn w:val="H2"/></w:style>`;
      const body = [p('总体要求', { style: 'H1' }), p('主要任务', { style: 'H1' }), p('深化改革', { style: 'H2' }), p('优化服务', { style: 'H2x' }), p('正文')].join('');
      assert.equal(read(makeDocx({ body, numbering, styles })).text, '一、总体要求\n二、主要任务\n（一）深化改革\n（二）优化服务\n正文');
    });
  });

  describe('tables', () => {
    const HEADER = ['序号', '工作任务', '牵头单位', '责任单位', '完成时限'];
    const rowsOf = (t: string): string[][] => [HEADER, ['1', `建立${t}制度`, '市司法局', '市财政局、市人社局', '2021年底前'], ['2', `完善${t}机制`, '市司法局', '各区县（市）人民政府', '2021年底前'], ['3', `健全${t}体系`, '市政府办公室', '市直各部门', '2022年6月底前']];

    it('a task table with merged cells reads as its text form: the same tasks, leads and deadlines', () => {
      const rows = rowsOf('审查');
      const textForm = [TITLE, '一、主要任务', '具体任务见附件。', '附件', '重点任务分解表', ...rows.flatMap((r, i) => [`| ${r.join(' | ')} |`, ...(i === 0 ? ['| --- | --- | --- | --- | --- |'] : [])])].join('\n');
      // In Word: a caption row merged across the table, 牵头单位 merged down rows 1–2, 完成时限 down rows 1–2,
      // 责任单位 typed one unit per paragraph.
      const word = [
        p(TITLE),
        p('一、主要任务'),
        p('具体任务见附件。'),
        p('附件'),
        tableXml(
          [['重点任务分解表'], rows[0]!, ['1', '建立审查制度', '市司法局', '市财政局\n市人社局', '2021年底前'], ['2', '完善审查机制', '', '各区县（市）人民政府', ''], rows[3]!],
          { grid: 5, merges: { '0,0': 5, '2,2': 'restart', '3,2': 'continue', '2,4': 'restart', '3,4': 'continue' } },
        ),
      ].join('');
      const doc = read(makeDocx({ body: word }));
      assert.equal(doc.text, textForm);
      const plan = parsePlan(doc.text);
      assert.equal(plan.tables.length, 1);
      assert.deepEqual(facts(doc.text), facts(textForm));
      assert.deepEqual(facts(doc.text).map((t) => t.lead), [['市司法局'], ['市司法局'], ['市政府办公室']]);
      assert.deepEqual(facts(doc.text).map((t) => t.deadline), ['2021-12-31', '2021-12-31', '2022-06-30']);
    });

    it('a part heading merged across the table becomes a line, and the header row is repeated below it', () => {
      const rows = rowsOf('审查');
      const word = tableXml([rows[0]!, ['一、深化改革'], rows[1]!, rows[2]!, ['二、优化服务'], rows[3]!], { grid: 5, merges: { '1,0': 5, '4,0': 5 } });
      const doc = read(makeDocx({ body: p(TITLE) + word }));
      const lines = doc.text.split('\n');
      assert.deepEqual(lines.filter((l) => !l.startsWith('|')), [TITLE, '一、深化改革', '二、优化服务']);
      assert.deepEqual(facts(doc.text).map((t) => t.title), ['建立审查制度', '完善审查机制', '健全审查体系']);
      const place = segmentAt(doc, doc.text.indexOf('健全审查体系'));
      assert.deepEqual(place?.place, { kind: 'cell', table: 1, row: 6, column: 2 });
    });

    it('a one-column table (a framed note) reads as paragraphs; a pipe inside a cell cannot split it', () => {
      const doc = read(makeDocx({ body: p(TITLE) + tableXml([['注：各单位于每月底前报送进展。']]) + tableXml([HEADER, ['1', 'A|B 任务', '市司法局', '', '2021年底前']]) }));
      assert.equal(doc.text.split('\n')[1], '注：各单位于每月底前报送进展。');
      assert.deepEqual(facts(doc.text).map((t) => [t.title, t.lead]), [['A¦B 任务', ['市司法局']]]);
    });
  });

  describe('runs, fields, revisions, comments and what is not the plan', () => {
    it('tracked changes are read accepted: insertions kept, deletions and moved-from text dropped, a deleted paragraph mark joins two paragraphs', () => {
      const body = [
        para(run('1.建立制度。（牵头单位：') + `<w:del w:id="1" w:author="a"><w:r><w:delText>市法制办</w:delText></w:r></w:del>` + `<w:ins w:id="2" w:author="a">${run('市司法局')}</w:ins>` + run('）')),
        para(run('2.完善') + `<w:moveFrom w:id="3" w:author="a">${run('旧的')}</w:moveFrom>`, { pPr: '<w:rPr><w:del w:id="4" w:author="a"/></w:rPr>' }),
        para(run('机制。（牵头单位：市财政局）')),
      ].join('');
      const doc = read(makeDocx({ body }));
      assert.equal(doc.text, '1.建立制度。（牵头单位：市司法局）\n2.完善机制。（牵头单位：市财政局）');
      assert.ok(doc.notes.includes('tracked-changes'));
    });

    it('comments are ignored; fields show their result, not their code; breaks, tabs and full-width spaces kept; hidden text, text boxes, footnote marks and headers left out', () => {
      const field = `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \\@ "yyyy年M月d日" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('2021年3月1日')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
      const body = [
        para(`<w:commentRangeStart w:id="0"/>${run('一、加强领导')}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>`),
        para(run('印发日期：') + field),
        para(`${run('第一行')}<w:r><w:br/></w:r>${run('第二行')}<w:r><w:tab/></w:r>${run('\u3000全角')}`),
        para(run('可见') + run('隐藏', '<w:vanish/>') + `<w:r><w:footnoteReference w:id="1"/></w:r>`),
        para(run('正文') + `<w:r><w:drawing><wp:inline xmlns:wp="urn:wp"><w:txbxContent>${p('文本框里的字')}</w:txbxContent></wp:inline></w:drawing></w:r>`),
        para(`<w:fldSimple w:instr=" PAGE ">${run('7')}</w:fldSimple>`),
      ].join('');
      const doc = read(makeDocx({ body, comments: `<w:comment w:id="0" w:author="审稿人">${p('这里要改')}</w:comment>`, header: p('页眉文字') }));
      assert.equal(doc.text, '一、加强领导\n印发日期：2021年3月1日\n第一行\n第二行\t\u3000全角\n可见\n正文\n7');
      for (const note of ['comments', 'hidden-text', 'text-boxes', 'headers-footers'] as const) assert.ok(doc.notes.includes(note), note);
      assert.ok(!doc.text.includes('这里要改') && !doc.text.includes('页眉') && !doc.text.includes('文本框'));
    });

    it('names the paragraph of each stretch (empty paragraphs not counted) and quotes its first words', () => {
      const doc = read(makeDocx({ body: [p(TITLE), p(''), p(PREAMBLE), p('一、主要任务')].join('') }));
      assert.equal(doc.text, `${TITLE}\n\n${PREAMBLE}\n一、主要任务`);
      const at = (s: string) => segmentAt(doc, doc.text.indexOf(s))!;
      assert.equal(describePlace(at('一、主要'), 'zh-CN'), '第 3 段“一、主要任务”');
      assert.equal(describePlace(at('结合本市'), 'zh-CN'), '第 2 段“为深入推进依法行政，结合本市实际…”');
      assert.equal(describePlace(at('一、主要'), 'en'), 'paragraph 3 "一、主要任务"');
    });
  });

  describe('other formats and damaged files', () => {
    it('tells Word 97-2003, WPS, PDF, RTF, Excel and plain archives apart, and says to save as .docx', () => {
      const cfb = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
      assert.equal(sniffFormat(cfb, 'a.doc'), 'doc');
      assert.equal(sniffFormat(cfb, '方案.WPS'), 'wps');
      assert.equal(sniffFormat(new TextEncoder().encode('%PDF-1.7\n'), 'a.pdf'), 'pdf');
      assert.equal(sniffFormat(new TextEncoder().encode('{\\rtf1\\ansi'), 'a.rtf'), 'rtf');
      assert.equal(sniffFormat(makeDocx({ body: p('x') }), 'a.docx'), 'docx');
      assert.equal(sniffFormat(new TextEncoder().encode('一、加强领导'), 'a.txt'), null);
      assert.match(unsupportedFormat('doc').zh, /Word 97-2003.*另存为.*\.docx/);
      assert.match(unsupportedFormat('wps').en, /WPS.*\.docx/);
    });

    it('a damaged or foreign archive gives an error, never a throw', () => {
      const bytes = makeDocx({ body: p('一、加强领导') });
      for (const broken of [bytes.subarray(0, 40), bytes.subarray(0, bytes.length - 30), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])]) {
        const r = readDocx(broken);
        assert.ok('error' in r || typeof r.text === 'string');
      }
      assert.ok('error' in readDocx(new TextEncoder().encode('not a zip')));
    });

    it('malformed XML in the body is an error; an unknown numbering id numbers nothing', () => {
      assert.ok('error' in readDocx(makeDocx({ body: '<w:p><w:r><w:t>unclosed</w:r></w:p>' })));
      assert.equal(read(makeDocx({ body: p('甲', { num: [42, 0] }), numbering: gongwenNumbering() })).text, '甲');
    });
  });

  describe('the seeds as Word documents (../shared/seeds)', () => {
    if (!HAVE_SEEDS) {
      it('skipped: ../shared/seeds not found', function () {
        this.skip();
      });
      return;
    }
    for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()) {
      it(`${file.slice(0, 3)}: one paragraph per line gives the same text and the same tasks`, () => {
        const text = readFileSync(join(SEEDS, file), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
        // What XML 1.0 cannot hold cannot be in a Word file either.
        const wordable = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
        const body = wordable
          .split('\n')
          .map((line) => para(line.split('\t').map((piece) => (piece === '' ? '' : run(piece))).join('<w:r><w:tab/></w:r>')))
          .join('');
        const doc = read(makeDocx({ body }));
        assert.equal(doc.text, wordable);
        assert.deepEqual(facts(doc.text), facts(wordable));
        assert.ok(facts(doc.text).length > 0 || parsePlan(wordable).kind === 'report');
      });
    }
  });
});

export { esc };
