// Grammar tests: the lexer's build, marker recognition (table-driven), golden token dumps, numerals, import boundaries.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lexer, tokenMatcher, type CustomPatternMatcherFunc } from 'chevrotain';
import fc from 'fast-check';
import {
  formatChineseNumeral,
  parseArabic,
  parseChineseNumeral,
  parseCircled,
  parseText,
  tokens as T,
  type IToken,
} from '../../grammar/index.js';
import { LEXER_CONFIG, planLexer, tokenize } from '../../grammar/lexer.js';
import { PARSER_CONFIG, parseBlocks, PlanParser, planParser } from '../../grammar/parser.js';
import { expectGolden } from '../helpers/golden.js';
import { FIXTURES, ROOT } from '../helpers/paths.js';
import { dumpTokens } from './dump.js';

const GRAMMAR_FIXTURES = join(FIXTURES, 'grammar');
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);

/** Characters plans are made of, and the characters that break parsers. */
const PLAN_PIECES = [
  '一、', '(一)', '（十二）', '1.', '１．', '2、', '(3)', '（４）', '①', '⑳', '一是', '第二,', '三十三', '一百九十九',
  '牵头单位', '牽頭單位', '责任单位', '配合单位', '完成时限', '牵头负责', '牵头', '共同负责', '按职责分工负责', '负责',
  '参加', '由', '此项工作', '市司法局', '各区县(市)人民政府', '(fā)', '[', ']', '【', '】', '(', ')', '（', '）', '、',
  '。', '；', '：', ';', ':', ',', '，', '|', '\t', '\n', '\r\n', '\r', ' ', '\u00a0', '\u3000', '\u200b', '\ufeff',
  '<!--', '-->', '<', '2021年6月底前', '3.5%', '2次', '𠀾', '\ud800', '\udc00', '\u0000', 'a', '1', '年',
];

/** A string of plan pieces and arbitrary UTF-16 code units (lone surrogates included). */
const planText = fc
  .array(fc.oneof(fc.constantFrom(...PLAN_PIECES), fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))), {
    maxLength: 120,
  })
  .map((parts) => parts.join(''));

/**
 * What the lexer skips (the gaps between tokens may hold only these): spaces, and `Decoration`s — Markdown's `**` and the
 * marks that flag an item (`★` `■` `▶`…).
 */
const SKIPPED = /^(?:[ \u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff★☆▲△●◆◇■□▶►•]|\*\*\*?)*$/;

/** Every token (kept, comment or noise) in text order. */
function allTokensOf(text: string): IToken[] {
  const lexed = tokenize(text);
  const grouped = Object.values(lexed.groups).flat();
  return [...lexed.tokens, ...grouped].sort((a, b) => a.startOffset - b.startOffset);
}

describe('grammar', () => {
  describe('lexer', () => {
    it('is built with ensureOptimizations: true, and every mode is optimised', () => {
      assert.equal(LEXER_CONFIG.ensureOptimizations, true);
      const internals = planLexer() as unknown as { config: { ensureOptimizations: boolean }; canModeBeOptimized: Record<string, boolean> };
      assert.equal(internals.config.ensureOptimizations, true);
      assert.ok(Object.keys(internals.canModeBeOptimized).length > 0);
      for (const [mode, ok] of Object.entries(internals.canModeBeOptimized)) assert.equal(ok, true, `mode ${mode} is not optimised`);
      // Building it again with Chevrotain's validations on must not throw (it throws on invalid tokens and when
      // optimisation is impossible); production skips them for a fast cold start.
      assert.equal(LEXER_CONFIG.skipValidations, true);
      assert.doesNotThrow(() => new Lexer(T.allTokens, { ...LEXER_CONFIG, skipValidations: false }));
    });

    it('never reports a lexer error, and its tokens tile the text (gaps are skipped spaces only)', () => {
      fc.assert(
        fc.property(fc.oneof(planText, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
          const lexed = tokenize(text);
          assert.deepEqual(lexed.errors, []);
          let at = 0;
          for (const tok of allTokensOf(text)) {
            assert.ok(tok.startOffset >= at, `token ${tok.tokenType.name} overlaps the previous one`);
            assert.ok(SKIPPED.test(text.slice(at, tok.startOffset)), `unread text before ${tok.startOffset}`);
            assert.equal(text.slice(tok.startOffset, tok.startOffset + tok.image.length), tok.image);
            at = tok.startOffset + tok.image.length;
          }
          assert.ok(SKIPPED.test(text.slice(at)), 'unread text at the end');
        }),
        { numRuns: RUNS },
      );
    });

    it('never reports a parser error either, and blocks come in text order', () => {
      fc.assert(
        fc.property(planText, (text) => {
          const parsed = parseText(text);
          assert.deepEqual(parsed.errors, []);
          for (let i = 1; i < parsed.blocks.length; i++) assert.ok(parsed.blocks[i - 1]!.end <= parsed.blocks[i]!.start);
        }),
        { numRuns: RUNS },
      );
    });

    it('tries a text run wherever one may start (its start characters given one per block of the lexer)', () => {
      // The text matcher's start hint lists one code unit per block above 255 (`textStarts`): every character the
      // matcher takes must still be tried there, or it would be lexed as a lone `TextChar`.
      const matcher = T.Text.PATTERN as CustomPatternMatcherFunc;
      let tried = 0;
      for (let c = 0; c <= 0xffff; c++) {
        const text = String.fromCharCode(c) + '甲';
        if (matcher(text, 0, [], {}) === null) continue;
        tried++;
        // Read as a run, or by a type tried before runs (`①` is a marker); never by the type that takes what none did.
        const first = tokenize(text).tokens[0];
        assert.notEqual(first?.tokenType.name, T.TextChar.name, `U+${c.toString(16)} is not tried as a text run`);
      }
      assert.ok(tried > 60_000, `only ${tried} characters start a run`);
    });

    it('cuts text runs only where another token may start', () => {
      const kinds = (text: string) => tokenize(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);
      // A keyword's first character without the keyword stays in the run; the keyword itself does not.
      assert.deepEqual(kinds('完善制度完成时限负担负责'), ['Text:完善制度', 'DeadlineField:完成时限', 'Text:负担', 'ChargeVerb:负责']);
      // `负责制` ending a phrase is a noun (a system of responsibility), text; `负责制定` and `负责制度建设` are in charge of work.
      assert.deepEqual(kinds('实行首问负责制）'), ['Text:实行首问负责制', 'RParen:）']);
      assert.deepEqual(kinds('负責制、岗位负责制和限时办结制'), ['Text:负責制、岗位负责制和限时办结制']);
      assert.deepEqual(kinds('县司法局负责制定方案'), ['Text:县司法局', 'ChargeVerb:负责', 'Text:制定方案']);
      assert.deepEqual(kinds('负责制度建设'), ['ChargeVerb:负责', 'Text:制度建设']);
      // `、` stays in the run, unless an inline marker may follow: then it ends the run and the marker is read.
      assert.deepEqual(kinds('监察、财政、一是审核、第一,编制、①公开'), [
        'Text:监察、财政、', 'InlineShiMarker:一是', 'Text:审核、', 'InlineDiMarker:第一,', 'Text:编制、', 'CircledMarker:①', 'Text:公开',
      ]);
      // Not a chapter (a numeral follows `一、`), and the run still ends at `、` before the numeral.
      assert.deepEqual(kinds('一、二季度'), ['Text:一、', 'Text:二季度']);
      assert.deepEqual(kinds('(甲)、乙'), ['LParen:(', 'Text:甲', 'RParen:)', 'Text:、乙']);
    });

    it('reads a line break and the blank lines after it as one Newline; a line holding a tab is not blank', () => {
      const lexed = (text: string) => tokenize(text).tokens.map((t) => `${t.tokenType.name}:${JSON.stringify(t.image)}`);
      assert.deepEqual(lexed('甲\n\n \u3000\r\n\r乙'), ['Text:"甲"', 'Newline:"\\n\\n \u3000\\r\\n\\r"', 'Text:"乙"']);
      assert.deepEqual(lexed('甲\n\u3000乙'), ['Text:"甲"', 'Newline:"\\n"', 'Text:"乙"']);
      assert.deepEqual(lexed('甲\n\t\n乙'), ['Text:"甲"', 'Newline:"\\n"', 'Tab:"\\t"', 'Newline:"\\n"', 'Text:"乙"']);
      // The blocks are those of the lines that hold tokens.
      assert.deepEqual(parseText('一、甲\n\n\n二、乙').blocks.map((b) => b.marker?.image), ['一、', '二、']);
    });

    it('reads a line full of unclosed comment openers as text, with no comment', () => {
      const text = '<!--'.repeat(50_000);
      const parsed = parseText(text);
      assert.deepEqual(parsed.errors, []);
      assert.equal(parsed.comments.length, 0);
      // The cost's growth with the openers is measured in test/perf (phases.ts, 'comment openers'), out of this process.
    });
  });

  describe('parser', () => {
    it('skips Chevrotain\'s validations in production, and the grammar passes them when they run', () => {
      assert.equal(PARSER_CONFIG.skipValidations, true);
      // performSelfAnalysis throws on an invalid grammar (ambiguous alternatives, left recursion, empty
      // repetitions…) only when validations run.
      let checked: PlanParser | undefined;
      assert.doesNotThrow(() => (checked = new PlanParser({ ...PARSER_CONFIG, skipValidations: false })));
      if (checked === undefined) return;
      // The checked parser reads a text exactly as the production one does.
      const text = '一、总则\n(一)目标。牵头单位:市司法局\n| 序号 | 任务 |\n|1|完善|\n1.推进 2.落实';
      const toks = tokenize(text).tokens;
      const production = parseBlocks(toks);
      checked.input = toks;
      assert.deepEqual(checked.document(), production.blocks);
      assert.deepEqual(checked.errors, []);
      assert.deepEqual(
        production.blocks.map((b) => [b.kind, b.marker?.image ?? null, toks.slice(b.first, b.last).map((t) => t.image).join(''), text.slice(b.start, b.end)]),
        [
          ['paragraph', '一、', '总则', '一、总则'],
          ['paragraph', '(一)', '目标。牵头单位:市司法局', '(一)目标。牵头单位:市司法局'],
          ['tableRow', null, '|序号|任务|', '| 序号 | 任务 |'],
          ['tableRow', null, '|1|完善|', '|1|完善|'],
          ['paragraph', '1.', '推进', '1.推进'],
          ['paragraph', '2.', '落实', '2.落实'],
        ],
      );
    });

    it('keeps nothing of the last text on the shared parser', () => {
      const toks = tokenize('一、总则\n正文（牵头单位：\n市司法局）').tokens;
      assert.equal(parseBlocks(toks).blocks.length, 2);
      const internals = planParser() as unknown as { blocks: unknown[]; lastToken: unknown; marker: unknown; wrapped: unknown; input: unknown[] };
      assert.deepEqual([internals.blocks, internals.lastToken, internals.marker, internals.wrapped, internals.input], [[], null, null, null, []]);
    });

    describe('a hard wrap inside an attribution bracket (a PDF copy\'s fixed-width lines)', () => {
      /** The text of each block. */
      const blocksOf = (text: string) => parseText(text).blocks.map((b) => text.slice(b.start, b.end));

      it('does not end the paragraph: the bracket closes on one of the next three lines', () => {
        const wrapped = '（一）扩大投放。推动首贷增量。（牵头单位：市商\n务局；完成时限：\n2026年3月底前）';
        assert.deepEqual(blocksOf(`${wrapped}\n（二）优化服务。`), [wrapped, '（二）优化服务。']);
        // The keyword after the break, the break after a comma, CRLF, three lines on.
        assert.deepEqual(blocksOf('1.整治河道（县水利局、各乡镇\n共同负责）'), ['1.整治河道（县水利局、各乡镇\n共同负责）']);
        assert.deepEqual(blocksOf('1.整治河道【牵头单位：县水利局，\r\n县财政局】。'), ['1.整治河道【牵头单位：县水利局，\r\n县财政局】。']);
        assert.deepEqual(blocksOf('1.整治河道[牵头单位：县\n水\n利\n局]'), ['1.整治河道[牵头单位：县\n水\n利\n局]']);
        // A nested bracket closing on the next line is not the end: the outermost must close.
        assert.deepEqual(blocksOf('1.整治（牵头单位：县水利局（县\n河长办）\n；完成时限：年底前）'), ['1.整治（牵头单位：县水利局（县\n河长办）\n；完成时限：年底前）']);
      });

      it('goes on across a page number alone on its line (a PDF\'s footer), which is part of the line break, no block', () => {
        const paged = '1.整治河道（牵头单位：\n\n  — 3 —\n\n县水利局；完成时限：2026年\n第 4 页 共 9 页\n6月底前）';
        assert.deepEqual(blocksOf(`${paged}\n- 5 -\n2.清理台账`), [paged, '2.清理台账']);
        assert.deepEqual(parseText('甲\r\n－12－\r\n乙').tokens.map((t) => t.image), ['甲', '\r\n－12－\r\n', '乙']);
        // Not a page number: words on its line, a number alone, a date, a dash alone.
        assert.deepEqual(blocksOf('1.整治（牵头单位：\n详见第3页\n3\n— 2026 年 —\n—\n县水利局）'), ['1.整治（牵头单位：', '详见第3页', '3', '— 2026 年 —', '—', '县水利局）']);
      });

      it('reads on through up to twelve full lines of a long unit list (a PDF copy), not through short lines or a sentence', () => {
        const lines = [
          '1.开展营商环境提升行动。（牵头单位：区发展改革局；责任单位：区工',
          '业和信息化局、区财政局、区人力资源社会保障局、区自然资',
          '源局、区生态环境分局、区住房城乡建设局、区交通运输局、',
          '区商务局、区市场监管局、区文化旅游体育局、区农业农村',
          '局、区水利局、区卫生健康局；完成时限：2026年10月底前）',
        ];
        assert.deepEqual(blocksOf(lines.join('\n')), [lines.join('\n')]);
        // A line of the list that ends a sentence, or one shorter than a full line, is no wrap past the fourth line.
        const sentence = [...lines.slice(0, 2), '源局。区生态环境分局、区住房城乡建设局、区交通运输局、', ...lines.slice(3)];
        assert.equal(blocksOf(sentence.join('\n'))[0], lines[0]);
        const short = [...lines.slice(0, 2), '源局、区生态环境分局、', ...lines.slice(3)];
        assert.equal(blocksOf(short.join('\n'))[0], lines[0]);
        // Twelve breaks are the reach: with a thirteenth, the first line ends its paragraph.
        const fill = '区人力资源社会保障局、区自然资源局、区生态环境分局、';
        const reach = (breaks: number) => [lines[0]!, ...Array.from({ length: breaks - 1 }, () => fill), '区卫生健康局）'].join('\n');
        assert.deepEqual(blocksOf(reach(12)), [reach(12)]);
        assert.equal(blocksOf(reach(13))[0], lines[0]);
      });

      it('ends it where the next line opens an item, past a blank line, a table row, four lines, or outside an attribution', () => {
        assert.deepEqual(blocksOf('1.整治河道（牵头单位：县水利局\n2.清理台账（牵头单位：县档案馆）'), ['1.整治河道（牵头单位：县水利局', '2.清理台账（牵头单位：县档案馆）']);
        assert.deepEqual(blocksOf('1.整治河道（牵头单位：县水利局\n\n完成时限：年底前）'), ['1.整治河道（牵头单位：县水利局', '完成时限：年底前）']);
        assert.deepEqual(blocksOf('1.整治河道（牵头单位：县水利局\n| 序号 | 任务）|'), ['1.整治河道（牵头单位：县水利局', '| 序号 | 任务）|']);
        assert.deepEqual(blocksOf('1.整治[牵头单位：县\n水\n利\n局\n办]'), ['1.整治[牵头单位：县', '水', '利', '局', '办]']);
        assert.deepEqual(blocksOf('1.推进（含工程\n建设项目）审批'), ['1.推进（含工程', '建设项目）审批']);
        assert.deepEqual(blocksOf('1.整治河道（牵头单位：县水利局\n'), ['1.整治河道（牵头单位：县水利局']);
      });
    });
  });

  describe('markers', () => {
    /** `text` → the markers it holds, as `TokenName:image`, in order. */
    const markersOf = (text: string) => parseText(text).blocks.flatMap((b) => (b.marker ? [`${b.marker.tokenType.name}:${b.marker.image}`] : []));

    const positive: [string, string[]][] = [
      ['三、健全行政决策机制', ['ChapterMarker:三、']],
      ['十一、其他', ['ChapterMarker:十一、']],
      ['一百四十、其他', ['ChapterMarker:一百四十、']],
      ['一百九十九、其他', ['ChapterMarker:一百九十九、']],
      ['一、2023年度主要举措', ['ChapterMarker:一、']],
      ['(十二)完善', ['SectionMarker:(十二)']],
      ['（十二）完善', ['SectionMarker:（十二）']],
      ['(十二）混排', ['SectionMarker:(十二）']],
      ['(三十三)完善', ['SectionMarker:(三十三)']],
      ['(一百九十九)完善', ['SectionMarker:(一百九十九)']],
      ['8.健全', ['ItemMarker:8.']],
      ['8．健全', ['ItemMarker:8．']],
      ['1、健全', ['ItemMarker:1、']],
      ['１２．健全', ['ItemMarker:１２．']],
      ['43.加强', ['ItemMarker:43.']],
      ['(3)细化', ['SubItemMarker:(3)']],
      ['（3）细化', ['SubItemMarker:（3）']],
      ['（１）细化', ['SubItemMarker:（１）']],
      // A number and a closing parenthesis only, at a block boundary: the level of `(1)`; not after a word.
      ['1）细化\n2)落实\n12）公开', ['SubItemMarker:1）', 'SubItemMarker:2)', 'SubItemMarker:12）']],
      ['完成清理。2）完善制度；3）公开', ['SubItemMarker:2）', 'SubItemMarker:3）']],
      ['1）详见附件1）和（见表2）', ['SubItemMarker:1）']],
      ['一．重点工作\n二．保障措施', ['ChapterMarker:一．', 'ChapterMarker:二．']],
      ['①推行', ['CircledMarker:①']],
      ['⑳推行', ['CircledMarker:⑳']],
      ['加强审核。一是严格;二是统一,三是清理', ['InlineShiMarker:一是', 'InlineShiMarker:二是', 'InlineShiMarker:三是']],
      ['十二是其他', ['InlineShiMarker:十二是']],
      ['第一,编制;第二，评估;第三、试点;第四：公布', ['InlineDiMarker:第一,', 'InlineDiMarker:第二，', 'InlineDiMarker:第三、', 'InlineDiMarker:第四：']],
      // Line breaks lost: a marker after `。` and a space, or right after `。` `；` `：` `]`.
      ['完成清理。 2、完善制度。 (二)规范执法', ['ItemMarker:2、', 'SectionMarker:(二)']],
      ['完成清理。2、完善制度；3、公开', ['ItemMarker:2、', 'ItemMarker:3、']],
      ['[牵头单位:市司法局]6.推进', ['ItemMarker:6.']],
      ['主要任务：(一)完善', ['SectionMarker:(一)']],
      ['\u3000\u3000（一）缩进', ['SectionMarker:（一）']],
      ['\u00a0(二)不换行空格', ['SectionMarker:(二)']],
      ['一、甲\r\n二、乙\r三、丙\n四、丁', ['ChapterMarker:一、', 'ChapterMarker:二、', 'ChapterMarker:三、', 'ChapterMarker:四、']],
      // The break between a heading and its first item lost: `1` glued to the heading's words is that item.
      ['二、主要任务及实施步骤1、制定部署计划。', ['ChapterMarker:二、', 'ItemMarker:1、']],
      ['\u3000\u3000（一）组织领导1.成立领导小组', ['SectionMarker:（一）', 'ItemMarker:1.']],
      ['情况如下：三、工作保障１．加强领导', ['ChapterMarker:三、', 'ItemMarker:１．']],
      // …but a line that ends otherwise does not make the marker after it a reference's.
      ['落实办法第八条要求\n（一）项目建设', ['SectionMarker:（一）']],
      // A closing bracket, half-width or full-width, ends what it closes: a marker may follow it at once.
      ['二、主要任务(2021年)1、推进', ['ChapterMarker:二、', 'ItemMarker:1、']],
      ['二、主要任务（2021年）1、推进', ['ChapterMarker:二、', 'ItemMarker:1、']],
      ['(一)加强宣传(镇宣传办牵头)(二)落实监管', ['SectionMarker:(一)', 'SectionMarker:(二)']],
      // …but not after a sentence, not a number other than 1, not before a digit, not without a heading.
      ['二、加强领导，落实责任1、推进', ['ChapterMarker:二、']],
      ['二、主要任务2、推进', ['ChapterMarker:二、']],
      ['一、推进第1、2批', ['ChapterMarker:一、']],
      ['一、完成任务1.5万亩', ['ChapterMarker:一、']],
      // Markdown's emphasis and a mark that flags an item stand for nothing before a marker.
      ['**一、重点任务**\n**（一）加强领导。**成立专班', ['ChapterMarker:一、', 'SectionMarker:（一）']],
      ['★1. 严格落实\n2. 推行顾问\n▲3. 开展评估\n▶（四）深化改革\n● 4、持续推进', ['ItemMarker:1.', 'ItemMarker:2.', 'ItemMarker:3.', 'SectionMarker:（四）', 'ItemMarker:4、']],
      // …but not after a word: `县委宣传部*` marks a lead, and what follows it is no item.
      ['县委宣传部*1.5万份', []],
      ['县委宣传部**2.推进', []],
      // A section heading glued to its chapter's, and the first item glued to both.
      ['二、重点任务（一）推进厕所革命1.完成户厕改造', ['ChapterMarker:二、', 'SectionMarker:（一）', 'ItemMarker:1.']],
      // A later item glued to its section's heading continues the items before it (numbered through the chapter)…
      ['1.完成清理。（二）治理生活污水3.建设管网', ['ItemMarker:1.', 'SectionMarker:（二）']],
      ['2.完成清理。（二）治理生活污水3.建设管网', ['ItemMarker:2.', 'SectionMarker:（二）', 'ItemMarker:3.']],
      ['２．完成清理。（二）治理生活污水３．建设管网', ['ItemMarker:２．', 'SectionMarker:（二）', 'ItemMarker:３．']],
      ['⒒完成清理。（二）治理生活污水12、建设管网', ['ItemMarker:⒒', 'SectionMarker:（二）', 'ItemMarker:12、']],
      // …and on a line that lost its breaks, after any word; on a line of its own, only after a heading.
      [`1.推进改革${'，各单位要高度重视并认真组织实施'.repeat(30)}，巩固提升2.推行制度`, ['ItemMarker:1.', 'ItemMarker:2.']],
      ['1.推进改革，巩固提升2.推行制度', ['ItemMarker:1.']],
      [`1.推进改革${'，各单位要高度重视并认真组织实施'.repeat(30)}，投资1.5亿元，完成2、3号楼，巩固提升3.推行`, ['ItemMarker:1.']],
      // The same for a chapter's first section: `（一）` glued to the chapter heading's words…
      ['一、总体要求（一）指导思想。坚持依法行政。', ['ChapterMarker:一、', 'SectionMarker:（一）']],
      ['说明如下：三、保障措施(一)加强领导', ['ChapterMarker:三、', 'SectionMarker:(一)']],
      // …not a reference (`第（一）项`, `（一）中的`), not another number, not after a section's heading.
      ['一、推进第(一)项工作', ['ChapterMarker:一、']],
      ['一、落实规划(一)中的要求', ['ChapterMarker:一、']],
      ['一、总体要求（二）指导思想', ['ChapterMarker:一、']],
      ['（二）组织领导（一）成立专班', ['SectionMarker:（二）']],
      // Decimal markers: a line's or a sentence's opening, then a title.
      ['1.1 完善农村光纤网络。', ['DecimalMarker:1.1']],
      ['1.2建设益农信息社', ['DecimalMarker:1.2']],
      ['一、重点任务\n2.1 加强组织领导\n2.1.3 建立台账', ['ChapterMarker:一、', 'DecimalMarker:2.1', 'DecimalMarker:2.1.3']],
      ['１．２ 全角编号', ['DecimalMarker:１．２']],
      ['2.1、加强领导\n2.2．强化保障', ['DecimalMarker:2.1、', 'DecimalMarker:2.2．']],
      ['\u3000\u30001.10 第十项', ['DecimalMarker:1.10']],
      ['完成清理。 3.2 推进改革', ['DecimalMarker:3.2']],
      ['2.1 “放管服”改革', ['DecimalMarker:2.1']],
      ['2.1分类推进\n1.3年度目标\n3.2日常监管', ['DecimalMarker:2.1', 'DecimalMarker:1.3', 'DecimalMarker:3.2']],
      // A bare number heading the scheme: its first child soon after, or the next bare number's, or it goes on after one.
      ['1 总体要求\n坚持统筹推进。\n2 重点任务\n2.1 推进网络建设\n3 附则', ['DecimalMarker:1', 'DecimalMarker:2', 'DecimalMarker:2.1', 'DecimalMarker:3']],
      ['1　重点任务\n1.1 推进网络建设', ['DecimalMarker:1', 'DecimalMarker:1.1']],
      // …not a count a hard wrap put first, nor a number after a sentence's end on a line.
      ['1.1 推进网络建设，提高\n2 个百分点', ['DecimalMarker:1.1']],
      ['完成。 1 总体要求\n1.1 推进', ['DecimalMarker:1.1']],
      // An item before a date stays an item (`4.3月21日召开`).
      ['4.3月21日召开会议', ['ItemMarker:4.']],
      // A task numbered by name at a line's start, a title after it.
      ['【任务二】修缮村级文化广场\n[任务3] 配齐图书室\n〔任务十一〕：建设书屋', ['TaskMarker:【任务二】', 'TaskMarker:[任务3]', 'TaskMarker:〔任务十一〕：']],
      ['  任务一：补齐消防设施。\n任务2、开展隐患排查\n任务五 组织应急演练\n任務六：更新器材', ['TaskMarker:任务一：', 'TaskMarker:任务2、', 'TaskMarker:任务五', 'TaskMarker:任務六：']],
      ['第一项任务：摸清底数\n★第12项任务 “回头看”', ['TaskMarker:第一项任务：', 'TaskMarker:第12项任务']],
      // An article of a 若干措施 (measures), each the item of work its units and deadline follow.
      ['第一条\u3000压减审批时限\n第二条 降低用地成本\n第十二條：加大信贷投放', ['TaskMarker:第一条', 'TaskMarker:第二条', 'TaskMarker:第十二條：']],
      // …and a problem numbered so in a 整改方案 (rectification plan), each the item of work its measures follow.
      ['问题1：台账不全\n问题二：公示滞后\n存在问题3、审核不严\n【反馈问题4】档案缺失', ['TaskMarker:问题1：', 'TaskMarker:问题二：', 'TaskMarker:存在问题3、', 'TaskMarker:【反馈问题4】']],
      // …or a matter (`事项`) numbered as problems are.
      ['事项1：清退违规借用车辆\n事項二：规范公务接待\n【事项3】收回超标用房', ['TaskMarker:事项1：', 'TaskMarker:事項二：', 'TaskMarker:【事项3】']],
    ];
    for (const [text, expected] of positive) {
      it(`reads ${JSON.stringify(text)} → ${expected.join(' ')}`, () => assert.deepEqual(markersOf(text), expected));
    }

    const negative: string[] = [
      '每年至少开展2次培训',
      '结合1、2月春节前后',
      '依照第3条规定',
      '下降3.5%以上',
      '完成。3.5%的指标',
      '完成。1、2月集中',
      '完成。一、二季度',
      '發(fā)展改革',
      '(fā)开头',
      '（fā）全角',
      '一、二季度完成',
      '二〇二〇、',
      '(十十)不是编号',
      '(2021—2025年)',
      '(2021)年份',
      '统一是原则',
      '其一是说法',
      '第一次会议',
      '第3条',
      '市人事局(市编办)',
      '各区县(市)人民政府',
      '共同负责,1项',
      '增长12.5',
      '2020年',
      '附件1.',
      '这是正文1、不是标题',
      '专项行动1、推进',
      // Numbers that are no decimal markers: quantities, years, versions, a number after a word and a space.
      '1.2万户完成改造',
      '2.5亿元投资',
      '3.5％的增长',
      '1.5倍以上',
      '3.5个百分点',
      '12.5平方米',
      '完成。2025.6月底前',
      '2025.6.30前完成',
      '完成时限：6.30前',
      '2.0 版本上线',
      '1.05 系数',
      '推进智慧城市 2.1 建设',
      'V1.2 版本',
      '1.2.3',
      '得分：2.5分，合格',
      '1.12月底前完成',
      '完成时限：9.30日前',
      '会议定于：3.15号召开',
      '三次产业比例由26.2:30.5:43.3调整为23.8:34.5:41.7',
      // A bare number heads nothing without its scheme: rows of a table, a count a hard wrap put first.
      '1 完善网络 县工信局 2025年底前\n2 建设平台 县数据局 2025年底前',
      '1 总体要求\n坚持统筹推进。',
      // `任务` and a number that open no task: glued words, prose, no title, no numbering numeral.
      '任务一览表另行印发',
      '任务一是摸清底数',
      '本任务一经确定不得调整',
      '全年完成任务1项',
      '完成。任务二：补齐设施',
      '任务1：2026年6月底前',
      '【任务一】',
      '第一项任务是摸清底数',
      '第一条道路已经建成',
      '第九十九条、第一百零一条规定的',
      // the rest of a reference a hard wrap cut (`第八条` / `（一）项`, `第` / `(2)款`)
      '落实《办法》第八条\n（一）项规定',
      '依照本条例第\n(2)款执行',
      '依照第三條\r\n （二）項辦理',
      '依照第3条 执行',
      '第0条 不是编号',
      '任务0：测试',
      '任务十十：不是编号',
      '问题一是台账不全',
      '问题整改完成后报送报告',
      '针对问题1：立即整改',
      '问题2：2026年3月发现',
      '事项1项已办结',
      '事项一是清退车辆',
      '完成。事项2：规范接待',
      '事项3：2026年5月底前',
    ];
    for (const text of negative) {
      it(`finds no marker in ${JSON.stringify(text)}`, () => assert.deepEqual(markersOf(text), []));
    }

    it('treats scraping pinyin `(fā)` as noise, never as a marker or text', () => {
      const parsed = parseText('發(fā)展、縣(xiàn)');
      assert.deepEqual(parsed.noise.map((t) => t.image), ['(fā)', '(xiàn)']);
      assert.equal(parsed.blocks.length, 1);
      assert.equal(parsed.blocks[0]!.marker, null);
    });
  });

  describe('keywords', () => {
    const keywordTypes = [T.LeadField, T.ResponsibleField, T.DeadlineField, T.JointLead, T.ByDivision, T.LeadVerb, T.JoinVerb, T.ChargeVerb, T.By];
    it('reads every keyword, in both scripts, even in the middle of a text run', () => {
      for (const type of keywordTypes) {
        for (const word of T.keywordWords(type)) {
          // A short label (`牵头：`) is one only where a clause opens.
          const toks = tokenize(T.onlyWhereClauseOpens(word) ? `市司法局。${word}审计` : `市司法局${word}审计`).tokens;
          assert.ok(
            toks.some((t) => t.tokenType === type && t.image === word),
            `${word}: ${toks.map((t) => `${t.tokenType.name}:${t.image}`).join(' ')}`,
          );
        }
      }
    });

    it('reads a text run by code unit exactly as its regex (`textPattern`) does, at every offset', () => {
      const exec = T.Text.PATTERN as CustomPatternMatcherFunc;
      const re = new RegExp(T.textPattern().source, 'y');
      // Keyword first characters with and without their rest, and `、` before and not before inline markers.
      // …and a first item glued to its heading, before which a run ends (the one place the regex cannot see; no items read before).
      const edges = ['完', '完善', '完成', '时', '时间', '分', '分别', '按', '按照', '配', '参', '參與', '協', '共同', '负', '負責', '、', '、一', '、第', '、①', '、甲', '\n二、主要任务', '1、制定', '1.5', '１．'];
      // …and keywords cut by a hard wrap, before which a run ends too (spaces beside the break, CRLF, right after the first character).
      edges.push('完成时\n限', '牵头单\r\n位', '责任 \n\u3000单位', '牵\n头', '负\r责', '共同负\n', '\n', '\n\n', ' ');
      const text = fc.array(fc.oneof(planText, fc.constantFrom(...edges)), { maxLength: 8 }).map((parts) => parts.join(''));
      const regexRun = (t: string, offset: number): string | null => {
        re.lastIndex = offset;
        const run = re.exec(t)?.[0] ?? null;
        if (run === null) return null;
        for (let i = offset; i < offset + run.length; i++) if (T.gluedItem(t, i, []) !== null) return i > offset ? t.slice(offset, i) : null;
        return run;
      };
      fc.assert(
        fc.property(text, (t) => {
          for (let offset = 0; offset < t.length; offset++) {
            const expected = regexRun(t, offset);
            const actual = exec(t, offset, [], {})?.[0] ?? null;
            assert.equal(actual, expected, `at ${offset} of ${JSON.stringify(t)}`);
          }
        }),
        { numRuns: RUNS },
      );
    });

    it('reads a short label (`牵头：` `配合：` `时限：`) as a field name where a clause opens, and `牵头` after a name as the verb', () => {
      const kinds = (text: string) => tokenize(text).tokens.filter((t) => tokenMatcher(t, T.Keyword) || t.tokenType === T.Colon).map((t) => `${t.tokenType.name}:${t.image}`);
      assert.deepEqual(kinds('（牵头：县发改局；配合：县财政局；时限：6月底前）'), ['LeadField:牵头：', 'ResponsibleField:配合：', 'DeadlineField:时限：']);
      assert.deepEqual(kinds('做好协调。 牽頭:縣發改局'), ['LeadField:牽頭:']);
      assert.deepEqual(kinds('牵头：县发改局\n协办：县财政局'), ['LeadField:牵头：', 'ResponsibleField:协办：']);
      assert.deepEqual(kinds('县发改局牵头：县财政局配合'), ['LeadVerb:牵头', 'Colon:：', 'JoinVerb:配合']);
      // …cut by a hard wrap or spelled with pinyin, the same.
      assert.deepEqual(kinds('（县发改局牵头\n：县财政局）'), ['LeadVerb:牵头', 'Colon:：']);
      assert.deepEqual(kinds('（县发改局牽(qiān)頭:县财政局）'), ['LeadVerb:牽(qiān)頭', 'Colon::']);
      assert.deepEqual(kinds('（牽(qiān)頭:县财政局）'), ['LeadField:牽(qiān)頭:']);
      assert.deepEqual(kinds('工作时限：年底'), ['Colon:：']);
      // `时间：` as a community plan labels a task's time; after a word (`活动时间：`) it is no field.
      assert.deepEqual(kinds('配合：网格员\n时间：每月'), ['ResponsibleField:配合：', 'DeadlineField:时间：']);
      assert.deepEqual(kinds('活动时间：5月1日'), ['Colon:：']);
    });

    it('reads a keyword cut by a hard wrap inside a bracket as the keyword, and nowhere else', () => {
      const keywords = (text: string) => tokenize(text).tokens.filter((t) => tokenMatcher(t, T.Keyword)).map((t) => `${t.tokenType.name}:${JSON.stringify(t.image)}`);
      assert.deepEqual(keywords('（牵头单\n位：市商务局；完成时\r\n限：年底前）'), ['LeadField:"牵头单\\n位"', 'DeadlineField:"完成时\\r\\n限"']);
      // Right after its first character, with spaces beside the break; a longer word before a shorter whole one.
      assert.deepEqual(keywords('【牵\n 头单位：市商务局】'), ['LeadField:"牵\\n 头单位"']);
      assert.deepEqual(keywords('（市商务局牵头\n负责，市财政局配合\n单位）'), ['LeadVerb:"牵头\\n负责"', 'ResponsibleField:"配合\\n单位"']);
      // The bracket opened on a line before, under three lines up.
      assert.deepEqual(keywords('（牵头单位：甲\n乙\n丙、责任单\n位：丁）'), ['LeadField:"牵头单位"', 'ResponsibleField:"责任单\\n位"']);
      // Outside a bracket, past a blank line, after a closed one, before a new item, four lines down: two words.
      assert.deepEqual(keywords('压实主体责任\n单位负责人'), ['ChargeVerb:"负责"']);
      assert.deepEqual(keywords('（牵头单\n\n位）'), ['LeadVerb:"牵头"']);
      assert.deepEqual(keywords('（甲）完成时\n限'), []);
      assert.deepEqual(keywords('（牵头单位：甲\n（二）完成时\n限'), ['LeadField:"牵头单位"']);
      assert.deepEqual(keywords('（甲\n乙\n丙\n丁完成时\n限'), []);
    });

    it('reads the longer keyword first (`牵头单位` before `牵头`, `牵头负责` before `负责`)', () => {
      const types = tokenize('牵头单位 牵头负责 牵头 共同负责 负责 按职责分工负责').tokens.map((t) => t.tokenType.name);
      assert.deepEqual(types, ['LeadField', 'LeadVerb', 'LeadVerb', 'JointLead', 'ChargeVerb', 'ByDivision']);
    });
  });

  describe('numerals', () => {
    it('reads Chinese numerals up to 一百九十九 and beyond, and writes them back', () => {
      const cases: [string, number][] = [
        ['一', 1], ['十', 10], ['十一', 11], ['二十', 20], ['三十三', 33], ['九十九', 99], ['一百', 100], ['一百零五', 105],
        ['一百一十', 110], ['一百四十', 140], ['一百九十九', 199], ['两', 2], ['二〇二〇', 2020],
      ];
      for (const [text, value] of cases) assert.equal(parseChineseNumeral(text), value, text);
      for (let n = 1; n <= 999; n++) assert.equal(parseChineseNumeral(formatChineseNumeral(n)), n, `round trip ${n}`);
      for (const bad of ['', '十百', '甲', '一x']) assert.ok(Number.isNaN(parseChineseNumeral(bad)), bad);
    });

    it('reads Arabic (both widths) and circled numbers', () => {
      assert.equal(parseArabic('１２'), 12);
      assert.equal(parseArabic('43'), 43);
      assert.ok(Number.isNaN(parseArabic('4a')));
      assert.equal(parseCircled('①'), 1);
      assert.equal(parseCircled('⑳'), 20);
      assert.ok(Number.isNaN(parseCircled('㉑')));
    });
  });

  describe('golden token dumps (test/fixtures/grammar/*.txt → *.tokens)', () => {
    const cases = readdirSync(GRAMMAR_FIXTURES).filter((f) => f.endsWith('.txt')).sort();
    it('has a dozen cases', () => assert.ok(cases.length >= 12, `only ${cases.length} cases`));
    for (const file of cases) {
      it(file, () => {
        const text = readFileSync(join(GRAMMAR_FIXTURES, file), 'utf8');
        expectGolden(join(GRAMMAR_FIXTURES, file.replace(/\.txt$/, '.tokens')), dumpTokens(text));
      });
    }
  });

  describe('boundaries', () => {
    it('grammar/ imports only chevrotain and its own files: no node:*, no server/, no LSP', () => {
      const dir = join(ROOT, 'grammar');
      const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
      assert.ok(files.length > 0);
      for (const file of files) {
        const source = readFileSync(join(dir, file), 'utf8');
        const specifiers = [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm)].map(
          (m) => m[1] ?? m[2] ?? m[3]!,
        );
        for (const spec of specifiers) {
          const ok = spec === 'chevrotain' || (spec.startsWith('./') && !spec.includes('/..'));
          assert.ok(ok, `${file} imports ${spec}`);
        }
        assert.doesNotMatch(source, /\brequire\(/, `${file} uses require()`);
      }
    });
  });
});
