// The Word reader: numbering as Word shows it, tables with merged cells, tracked changes, comments, fields, and the paragraph of every stretch.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sniffFormat, unsupportedFormat } from '../../server/src/docx/formats.js';
import { formatCounter } from '../../server/src/docx/numbering.js';
import { describePlace, segmentAt } from '../../server/src/docx/places.js';
import { readDocx, type DocxText } from '../../server/src/docx/read.js';
import { taskRows, type TaskRow } from '../../server/src/features/task-table.js';
import { parsePlan } from '../../server/src/model/plan.js';
import { gongwenNumbering, level, makeDocx, p, para, run, tableXml } from '../helpers/docx.js';
import { autoNumberedDocx, HEADER, mergedTableDoc, numberedPlanDocs, overridesDoc, partRowsDoc, PREAMBLE, revisionsDoc, styleNumberingDoc, textDocx, TITLE } from './fixtures.js';
import { HAVE_SEEDS, SEEDS } from '../helpers/paths.js';
import { sharedMissing } from '../helpers/shared.js';
import { lint } from '../helpers/lint.js';

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

describe('docx: reading Word documents', () => {
  describe('automatic numbering', () => {
    for (const continuous of [false, true]) {
      it(`a Word-numbered plan reads as the hand-numbered one${continuous ? ' (level 3 numbered through the document)' : ''}`, () => {
        const docs = numberedPlanDocs(continuous);
        const handText = docs.text;
        const hand = read(docs.hand);
        const auto = read(docs.auto);
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
      assert.equal(read(overridesDoc()).text, '1.甲\n1.1甲一\n1.2甲二\n2.乙\n2.1乙一\n一、丙\n二、丁\n一、戊\n二、己\n第五项 庚\n无编号');
    });

    it('a custom format written by Word 2010 and later (mc:AlternateContent): zero-padded, else the fallback', () => {
      const alt = (choice: string, fallback: string) =>
        `<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="w14">${choice}</mc:Choice><mc:Fallback>${fallback}</mc:Fallback></mc:AlternateContent>`;
      const lvl = (ilvl: number, fmt: string, text: string) => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/>${fmt}<w:lvlText w:val="${text}"/><w:suff w:val="nothing"/></w:lvl>`;
      const numbering =
        `<w:abstractNum w:abstractNumId="1">` +
        lvl(0, alt('<w:numFmt w:val="custom" w:format="001, 002, 003, ..."/>', '<w:numFmt w:val="decimal"/>'), '%1.') +
        lvl(1, alt('<w:numFmt w:val="custom" w:format="一, 二, 三, ..."/>', '<w:numFmt w:val="chineseCounting"/>'), '（%2）') +
        `</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>`;
      const body = [p('甲', { num: [1, 0] }), p('乙', { num: [1, 1] }), p('丙', { num: [1, 1] })].join('');
      assert.equal(read(makeDocx({ body, numbering })).text, '001.甲\n（一）乙\n（二）丙');
    });

    it('numbering from a paragraph style, its level bound by the style or by w:lvl/w:pStyle', () => {
      assert.equal(read(styleNumberingDoc()).text, '一、总体要求\n二、主要任务\n（一）深化改革\n（二）优化服务\n正文');
    });
  });

  describe('tables', () => {
    it('a task table with merged cells reads as its text form: the same tasks, leads and deadlines', () => {
      const { docx, textForm } = mergedTableDoc();
      const doc = read(docx);
      assert.equal(doc.text, textForm);
      const plan = parsePlan(doc.text);
      assert.equal(plan.tables.length, 1);
      assert.deepEqual(facts(doc.text), facts(textForm));
      assert.deepEqual(facts(doc.text).map((t) => t.lead), [['市司法局'], ['市司法局'], ['市政府办公室']]);
      assert.deepEqual(facts(doc.text).map((t) => t.deadline), ['2021-12-31', '2021-12-31', '2022-06-30']);
    });

    it('a 序号 cell merged over the rows of one task reads as a number and continuation rows with none, not as a repeated number', () => {
      const rows = [HEADER, ['1', '开通社区夜间公交线路', '市交通局', '市公交集团', '2026年5月底前'], ['', '增设夜间公交站牌', '市交通局', '市城管局', '2026年6月底前'], ['2', '整治背街小巷照明', '市城管局', '各街道办事处', '2026年底前']];
      const doc = read(makeDocx({ body: p(TITLE) + tableXml(rows, { grid: 5, merges: { '1,0': 'restart', '2,0': 'continue', '1,2': 'restart', '2,2': 'continue' } }) }));
      assert.deepEqual(doc.text.split('\n').slice(3), ['| 1 | 开通社区夜间公交线路 | 市交通局 | 市公交集团 | 2026年5月底前 |', '|  | 增设夜间公交站牌 | 市交通局 | 市城管局 | 2026年6月底前 |', '| 2 | 整治背街小巷照明 | 市城管局 | 各街道办事处 | 2026年底前 |']);
      assert.deepEqual(facts(doc.text).map((t) => [t.title, t.lead]), [['开通社区夜间公交线路', ['市交通局']], ['增设夜间公交站牌', ['市交通局']], ['整治背街小巷照明', ['市城管局']]]);
      assert.deepEqual(lint(doc.text, { ruleId: 'PL004' }), []);
    });

    it('a part heading merged across the table becomes a line, and the header row is repeated below it', () => {
      const doc = read(partRowsDoc());
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
      const doc = read(revisionsDoc());
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
      const encrypted = new Uint8Array([...cfb, ...Array.from('EncryptedPackage').flatMap((c) => [c.charCodeAt(0), 0])]);
      assert.equal(sniffFormat(encrypted, '方案.docx'), 'encrypted');
      assert.match(unsupportedFormat('encrypted').zh, /打开密码.*取消密码/);
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

    it('never throws and stays small: random bytes changed in the archive, random WordprocessingML in the body', () => {
      const base = numberedPlanDocs(false).auto;
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), (flips) => {
          const bytes = base.slice();
          for (const [i, v] of flips) bytes[i % bytes.length] = v;
          const r = readDocx(bytes);
          return 'error' in r || typeof r.text === 'string';
        }),
        { numRuns: 150 },
      );
      const pieces = [
        '<w:p>', '</w:p>', '<w:r>', '</w:r>', '<w:t>一、加强</w:t>', '<w:t>（牵头单位：市司法局）</w:t>', '<w:tab/>', '<w:br/>',
        '<w:tbl>', '</w:tbl>', '<w:tr>', '</w:tr>', '<w:tc>', '</w:tc>', '<w:tcPr><w:gridSpan w:val="999999999"/></w:tcPr>',
        '<w:tcPr><w:vMerge/></w:tcPr>', '<w:trPr><w:gridBefore w:val="-5"/></w:trPr>', '<w:pPr><w:numPr><w:ilvl w:val="9"/><w:numId w:val="3"/></w:numPr></w:pPr>',
        '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr><w:rPr><w:del/></w:rPr></w:pPr>', '<w:fldChar w:fldCharType="begin"/>',
        '<w:fldChar w:fldCharType="end"/>', '<w:fldChar w:fldCharType="separate"/>', '<w:ins>', '</w:ins>', '<w:del>', '</w:del>', '<w:sdt><w:sdtContent>', '</w:sdtContent></w:sdt>',
      ];
      const numbering = `<w:abstractNum w:abstractNumId="7">${level(0, 'upperLetter', '%1%2%3')}${level(1, 'chineseCounting', '（%2）')}</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="2000000000"/></w:lvlOverride></w:num>`;
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
          const r = readDocx(makeDocx({ body: parts.join(''), numbering }));
          return 'error' in r || (typeof r.text === 'string' && r.text.length < 100_000);
        }),
        { numRuns: 300 },
      );
    });

    it('malformed XML in the body is an error; an unknown numbering id numbers nothing', () => {
      assert.ok('error' in readDocx(makeDocx({ body: '<w:p><w:r><w:t>unclosed</w:r></w:p>' })));
      assert.equal(read(makeDocx({ body: p('甲', { num: [42, 0] }), numbering: gongwenNumbering() })).text, '甲');
    });
  });

  describe('the seeds as Word documents (../shared/seeds)', () => {
    if (!HAVE_SEEDS) {
      sharedMissing('the seeds as Word documents', SEEDS);
      return;
    }
    for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()) {
      it(`${file.slice(0, 3)}: one paragraph per line gives the same text and the same tasks`, () => {
        const text = readFileSync(join(SEEDS, file), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
        // What XML 1.0 cannot hold cannot be in a Word file either.
        const { docx, wordable } = textDocx(text);
        const doc = read(docx);
        assert.equal(doc.text, wordable);
        assert.deepEqual(facts(doc.text), facts(wordable));
        assert.ok(facts(doc.text).length > 0 || parsePlan(wordable).kind === 'report');
      });
    }
  });
});


describe('docx: the seeds with Word numbering (../shared/seeds)', () => {
  if (!HAVE_SEEDS) {
    sharedMissing('the seeds with Word numbering', SEEDS);
    return;
  }
  const seedText = (file: string) => readFileSync(join(SEEDS, file), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  // A seed that lost its line breaks has no line-start marker for Word to number: it is read as a one-paragraph document above.
  const numbered = readdirSync(SEEDS).filter((f) => f.endsWith('.txt') && autoNumberedDocx(seedText(f)) !== null).sort();
  it('four of the five seeds have line-start markers to number', () => assert.equal(numbered.length, 4));
  for (const file of numbered) {
    it(`${file.slice(0, 3)}: line-start markers as Word numbering give the same lines, tasks, numbers, leads and deadlines`, function () {
      const text = seedText(file);
      const doc = read(autoNumberedDocx(text)!);
      // The text reads the same but for the spaces before a marker (Word indents a paragraph, it does not type spaces).
      const unindented = textDocx(text).wordable.replace(/^[^\S\n]+(?=[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)]|\d{1,3}[.．、](?!\d)|[（(]\d{1,3}[）)]|[①-⑳])/gm, '');
      const lines = unindented.split('\n');
      const differing = doc.text.split('\n').flatMap((line, i) => (line === lines[i] ? [] : [i + 1]));
      assert.deepEqual(differing, [], 'lines that differ');
      assert.deepEqual(facts(doc.text), facts(textDocx(text).wordable));
    });
  }
});
