// The attribution grammar: where a paragraph attributes its task (groups, fields, sentences) and the parts each is made of.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readAttributionSyntax, type AttributionPart, type AttributionSyntax } from '../../grammar/attribution.js';
import { parseText, type IToken } from '../../grammar/index.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);

/** The images of the tokens [from, to). */
const images = (toks: readonly IToken[], from: number, to: number): string => toks.slice(from, to).map((t) => t.image).join('');

/** A part as `kind:text`, its pieces cut with `|` (a field: name|value; a verb segment: units|verb). */
function partOf(toks: readonly IToken[], part: AttributionPart): string {
  switch (part.kind) {
    case 'field':
      return `field:${toks[part.head]!.image}|${images(toks, part.value, part.to)}`;
    case 'verb':
      return `verb:${images(toks, part.from, part.verb)}|${toks[part.verb]!.image}` + (part.together >= 0 ? `(会同@${part.together - part.from})` : '');
    case 'work':
      return `work:${images(toks, part.from, part.to)}`;
    case 'with':
      return `with:${images(toks, part.from, part.to)}`;
    case 'by':
      return `by:${images(toks, part.by, part.verb)}|${toks[part.verb]!.image}`;
    case 'other':
      return `other:${images(toks, part.from, part.to)}`;
  }
}

/** What the grammar finds in the first paragraph of `text`: each attribution as `kind:text` and its parts. */
function syntaxOf(text: string): [string, ...string[]][] {
  const parsed = parseText(text);
  const block = parsed.blocks.find((b) => b.kind === 'paragraph')!;
  const toks = parsed.tokens;
  return readAttributionSyntax(toks, block.first, block.last).map((a: AttributionSyntax) => {
    if (a.kind === 'together') {
      const from = a.by >= 0 ? a.by : a.from;
      return [`together:${images(toks, from, a.to)}`, `会同@${a.together - from}`];
    }
    const head = a.kind === 'group' ? `group:${images(toks, a.open, a.close >= 0 ? a.close + 1 : a.to)}` : `${a.kind}:${images(toks, a.from, a.to)}`;
    return [head, ...a.parts.map((p) => partOf(toks, p))];
  });
}

/** Plan pieces that make attributions, and the characters that break parsers. */
const PIECES = [
  '（', '）', '(', ')', '[', ']', '【', '】', '〔', '〕', '牵头单位', '责任单位', '配合单位', '完成时限', '牵头领导', '：', ':', '；', ';', '。', '，',
  '、', '由', '由于', '会同', '牵头', '负责', '共同负责', '参加', '配合', '按职责分工负责', '县水利局', '县财政局', '各乡镇', '2026年9月底前',
  '长期坚持', '落实', '推进工作', '等部门', '\t', ' ', 'a', '1',
  // Hard wraps: paragraphs joined over a line break inside a bracket, keywords cut by one.
  '\n', '牵头单\n位', '完成时\n限',
];
const attributionText = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));

describe('attribution grammar', () => {
  const CASES: [string, string, [string, ...string[]][]][] = [
    [
      'a bracket of fields',
      '修订农田灌溉管理办法（牵头单位：县水利局；责任单位：县财政局、各乡镇；完成时限：2026年9月底前）',
      [['group:（牵头单位：县水利局；责任单位：县财政局、各乡镇；完成时限：2026年9月底前）', 'field:牵头单位|县水利局', 'field:责任单位|县财政局、各乡镇', 'field:完成时限|2026年9月底前']],
    ],
    ['square brackets and verbs', '整治河道[县水利局牵头，各乡镇配合]', [['group:[县水利局牵头，各乡镇配合]', 'verb:县水利局|牵头', 'verb:各乡镇|配合']]],
    ['tortoise-shell brackets', '清理台账〔县档案馆负责〕', [['group:〔县档案馆负责〕', 'verb:县档案馆|负责']]],
    ['lenticular brackets, unclosed', '建立名录【牵头单位：县民政局', [['group:【牵头单位：县民政局', 'field:牵头单位|县民政局']]],
    ['a parenthesis naming no role is part of the prose', '各村（社区）做好登记', []],
    [
      'labelled fields joined by ；',
      '牵头单位：县农业农村局；完成时限：长期坚持',
      [['fields:牵头单位：县农业农村局；完成时限：长期坚持', 'field:牵头单位|县农业农村局', 'field:完成时限|长期坚持']],
    ],
    [
      'a field glued to the prose before it starts a clause',
      '完善台账牵头单位：县档案馆',
      [['fields:牵头单位：县档案馆', 'field:牵头单位|县档案馆']],
    ],
    [
      'a field glued to the part before it inside a bracket, the comma dropped',
      '（县医保局牵头，责任单位：县卫健局）',
      [['group:（县医保局牵头，责任单位：县卫健局）', 'verb:县医保局|牵头', 'field:责任单位|县卫健局']],
    ],
    [
      'a field glued to the part before it, the separators before it dropped',
      '（县医保局牵头 、责任单位：县卫健局）',
      [['group:（县医保局牵头、责任单位：县卫健局）', 'verb:县医保局|牵头', 'field:责任单位|县卫健局']],
    ],
    ['a unit field ends before a role verb', '责任单位：县园林所配合做好养护', [['fields:责任单位：县园林所配合做好养护', 'field:责任单位|县园林所']]],
    ['a sentence from 由', '此项工作由县教育局牵头，县财政局参加', [['sentence:由县教育局牵头，县财政局参加', 'verb:由县教育局|牵头', 'verb:县财政局|参加']]],
    ['由 reads "by", and waits for its verb', '由县财政局统筹，县审计局负责', [['sentence:由县财政局统筹，县审计局负责', 'verb:由县财政局统筹，县审计局|负责']]],
    ['由于 is no 由: the sentence is the segment that names units and their verb', '由于县财政局统筹，县审计局负责', [['sentence:县审计局负责', 'verb:县审计局|负责']]],
    ['a later segment of units and their verb starts a sentence', '推出线路10条，市文旅局牵头，市教育局配合', [['sentence:市文旅局牵头，市教育局配合', 'verb:市文旅局|牵头', 'verb:市教育局|配合']]],
    ['a later segment of words that do not name units is prose', '由于县财政局统筹，确保审计负责', []],
    ['a unit named before a lead verb', '县交通局负责，各乡镇配合', [['sentence:县交通局负责，各乡镇配合', 'verb:县交通局|负责', 'verb:各乡镇|配合']]],
    ['负责 after no unit name is prose', '干部要敢于负责', []],
    // `负责人` is the person in charge: no verb, whatever name stands before it.
    ['负责人 ending a segment is a person, no verb', '约谈供热公司负责人', []],
    ['负责 and two characters of work still end a segment', '（县燃气公司负责落实）', [['group:（县燃气公司负责落实）', 'verb:县燃气公司|负责', 'work:落实']]],
    [
      'a person in brackets after a unit is part of the field, no attribution of its own',
      '配合单位：县公安局（责任人：邹平）、县交通局',
      [['fields:配合单位：县公安局（责任人：邹平）、县交通局', 'field:配合单位|县公安局（责任人：邹平）、县交通局']],
    ],
    [
      'a unit, a colon and its verb: the work glued to the verb is a part of its own, a 由 in it (理由) none',
      '县供销社：负责核实退货理由（2025年8月底前）',
      [['sentence:县供销社：负责核实退货理由（2025年8月底前）', 'verb:县供销社：|负责', 'work:核实退货理由（2025年8月底前）']],
    ],
    [
      'a 由 reaching no verb after a colon\'s duty is the work\'s',
      '县城管局：负责由县政府部署的整治',
      [['sentence:县城管局：负责由县政府部署的整治', 'verb:县城管局：|负责', 'work:由县政府部署的整治']],
    ],
    ['由 waits for its verb across commas', '（由县发改局，县商务局共同负责）', [['group:（由县发改局，县商务局共同负责）', 'verb:由县发改局，县商务局|共同负责']]],
    ['会同 names a co-operating unit', '（县司法局会同县公安局负责）', [['group:（县司法局会同县公安局负责）', 'verb:县司法局会同县公安局|负责(会同@1)']]],
    ['由…会同… with no role verb', '由县住建局会同县自然资源局等部门研究提出方案', [['together:由县住建局会同县自然资源局等部门研究提出方案', '会同@2']]],
    ['units then 会同 with no role verb, at the start or after a comma', '县住建局会同县自然资源局编制方案', [['together:县住建局会同县自然资源局编制方案', '会同@1']]],
    ['units then 会同 after a comma', '编制方案，县住建局会同县自然资源局研究', [['together:县住建局会同县自然资源局研究', '会同@1']]],
    ['会同 after words that name no unit is prose', '各地会同有关部门研究', []],
    ['a deadline segment', '（县统计局牵头，2026年底前）', [['group:（县统计局牵头，2026年底前）', 'verb:县统计局|牵头', 'other:2026年底前']]],
    // Words of the work before `由` are not read as units: the units follow `由`.
    ['text before 由 in a segment', '（该项任务由县审计局牵头负责）', [['group:（该项任务由县审计局牵头负责）', 'by:由县审计局|牵头负责']]],
    ['由 in a word before the verb is no "by"', '（县理由审查局牵头）', [['group:（县理由审查局牵头）', 'verb:县理由审查局|牵头']]],
    [
      'a bracket wrapped over lines, a keyword cut by the wrap read whole',
      '修订灌溉办法（牵头单\n位：县水利局；完成时限：\n2026年9月底前）',
      [['group:（牵头单\n位：县水利局；完成时限：\n2026年9月底前）', 'field:牵头单\n位|县水利局', 'field:完成时限|\n2026年9月底前']],
    ],
    [
      'a part of nothing but a line break is read by no one',
      '修订灌溉办法（牵头单位：县水利局；\n；完成时限：年底前）',
      [['group:（牵头单位：县水利局；\n；完成时限：年底前）', 'field:牵头单位|县水利局', 'field:完成时限|年底前']],
    ],
    [
      'segments wrapped after and before a comma',
      '（县医保局牵头，\n县卫健局配合；县民政局牵头\n，各乡镇参加）',
      [['group:（县医保局牵头，\n县卫健局配合；县民政局牵头\n，各乡镇参加）', 'verb:县医保局|牵头', 'verb:县卫健局|配合', 'verb:县民政局|牵头', 'verb:各乡镇|参加']],
    ],
    [
      'a sentence, then a bracket, in text order',
      '由县林业局负责。建立档案（牵头单位：县档案馆）',
      [['sentence:由县林业局负责', 'verb:由县林业局|负责'], ['group:（牵头单位：县档案馆）', 'field:牵头单位|县档案馆']],
    ],
  ];
  for (const [what, text, expected] of CASES) it(`${what}: ${text}`, () => assert.deepEqual(syntaxOf(text), expected));

  it('finds every attribution inside its paragraph, in text order, its parts inside it', () => {
    fc.assert(
      fc.property(attributionText, (text) => {
        const parsed = parseText(text);
        for (const block of parsed.blocks) {
          if (block.kind !== 'paragraph') continue;
          let at = block.first;
          for (const a of readAttributionSyntax(parsed.tokens, block.first, block.last)) {
            const [from, to] = a.kind === 'group' ? [a.open, a.to] : a.kind === 'together' ? [a.by >= 0 ? a.by : a.from, a.to] : [a.from, a.to];
            assert.ok(from >= at && from < to && to <= block.last, `${a.kind} [${from}, ${to}) outside [${at}, ${block.last})`);
            at = to;
            if (a.kind === 'together') continue;
            let partAt = a.from;
            for (const p of a.parts) {
              const [pf, pt] = p.kind === 'field' ? [p.head, p.to] : p.kind === 'verb' ? [p.from, p.verb + 1] : p.kind === 'by' ? [p.by, p.verb + 1] : [p.from, p.to];
              assert.ok(pf >= partAt && pf < pt && pt <= a.to, `${p.kind} [${pf}, ${pt}) outside [${partAt}, ${a.to})`);
              partAt = pf;
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('says of a bracket left open whether a closer that may be its own follows the paragraph', () => {
    const closesLater = (text: string): boolean[] => {
      const parsed = parseText(text);
      const block = parsed.blocks[0]!;
      return readAttributionSyntax(parsed.tokens, block.first, block.last).flatMap((a) => (a.kind === 'group' && a.close < 0 ? [a.closesLater] : []));
    };
    // Past a blank line, further than a wrap reaches, in the next item: it may close there.
    assert.deepEqual(closesLater('1.整治（牵头单位：县水利局\n\n完成时限：年底前）'), [true]);
    assert.deepEqual(closesLater('1.整治[牵头单位：县\n水\n利\n局\n办]'), [true]);
    assert.deepEqual(closesLater('1.整治（牵头单位：县水利局\n2.清理台账）'), [true]);
    // The next item's own brackets balance; nothing closes it within six lines; the text ends.
    assert.deepEqual(closesLater('1.整治（牵头单位：县水利局\n2.清理台账（牵头单位：县档案馆）'), [false]);
    assert.deepEqual(closesLater('1.整治（牵头单位：县水利局\n2.甲\n3.乙\n4.丙\n5.丁\n6.戊\n7.己\n8.庚）'), [false]);
    assert.deepEqual(closesLater('1.整治（牵头单位：县水利局'), [false]);
  });

  it('keeps nothing of a paragraph: what the next one holds is read the same whatever was read before it', () => {
    const read = (text: string): string => {
      const parsed = parseText(text);
      return JSON.stringify(parsed.blocks.map((b) => (b.kind === 'paragraph' ? readAttributionSyntax(parsed.tokens, b.first, b.last) : [])));
    };
    fc.assert(
      fc.property(attributionText, attributionText, (before, text) => {
        const alone = read(text);
        read(before);
        assert.equal(read(text), alone);
      }),
      // A paragraph with a part of nothing but a line break once left the parts read before it to the next.
      { numRuns: RUNS, examples: [['修订灌溉办法（牵头单位：县水利局；\n；完成时限：年底前）', '整治河道（县水利局牵头）']] },
    );
  });

  // The cost's growth with nested and unclosed brackets is measured in test/perf (phases.ts, 'attribution brackets').
});
