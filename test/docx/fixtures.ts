// Word documents built for the tests from WordprocessingML written here: shared by the reader tests and the LibreOffice check.
import { level, makeDocx, p, para, run, tableXml } from '../helpers/docx.js';

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** The reference Chinese numeral for 1–99, written out by hand here (十, 十一, 二十, 二十一). */
export function cn(n: number): string {
  if (n < 10) return CN[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : CN[tens]}十${CN[n % 10]}`;
}

/** One item of a plan: its level (0 一、 … 4 ①) and its text. */
export type Item = [number, string];

/**
 * A plan with every level and more than ten parts, attribution in every style, as items. Level 2 numbers
 * restart under each level 1 (`continuous`: run on through the document, as seed 000's do).
 */
export function planItems(): Item[] {
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
export function handNumbered(items: Item[], continuous: boolean): string[] {
  const counts = [0, 0, 0, 0, 0];
  return items.map(([lvl, text]) => {
    counts[lvl]!++;
    for (let k = lvl + 1; k < 5; k++) if (!(continuous && k === 2)) counts[k] = 0;
    const n = counts[lvl]!;
    const marker = [`${cn(n)}、`, `（${cn(n)}）`, `${n}.`, `（${n}）`, String.fromCharCode(0x2460 + n - 1)][lvl]!;
    return marker + text;
  });
}

export const TITLE = '关于加快建设法治政府的实施方案';
export const PREAMBLE = '为深入推进依法行政，结合本市实际，制定本方案。';


/** The plan of `planItems` typed by hand and numbered by Word (`continuous`: level 3 never restarts), and the text both show. */
export function numberedPlanDocs(continuous: boolean): { hand: Uint8Array; auto: Uint8Array; text: string } {
  const items = planItems();
  const typed = handNumbered(items, continuous);
  const text = [TITLE, PREAMBLE, ...typed].join('\n');
  const hand = makeDocx({ body: [TITLE, PREAMBLE, ...typed].map((t) => p(t)).join('') });
  const restart = continuous ? '<w:lvlRestart w:val="0"/>' : '';
  const numbering =
    `<w:abstractNum w:abstractNumId="7">` +
    level(0, 'chineseCounting', '%1、') +
    level(1, 'chineseCounting', '（%2）') +
    level(2, 'decimal', '%3.', restart) +
    level(3, 'decimal', '（%4）') +
    level(4, 'decimalEnclosedCircle', '%5') +
    `</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>`;
  const auto = makeDocx({ body: [p(TITLE), p(PREAMBLE), ...items.map(([lvl, t]) => p(t, { num: [3, lvl] }))].join(''), numbering });
  return { hand, auto, text };
}

/** Multi-level text (%1.%2), instances continuing and restarting one list, a level replaced by an override, numId 0. */
export function overridesDoc(): Uint8Array {
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
  return makeDocx({ body, numbering });
}

/** Headings numbered through their paragraph styles. */
export function styleNumberingDoc(): Uint8Array {
  const numbering =
    `<w:abstractNum w:abstractNumId="1">${level(0, 'chineseCounting', '%1、', '<w:pStyle w:val="H1"/>')}${level(1, 'chineseCounting', '（%2）', '<w:pStyle w:val="H2"/>')}</w:abstractNum>` +
    `<w:num w:numId="9"><w:abstractNumId w:val="1"/></w:num>`;
  const styles =
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
    `<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="9"/></w:numPr></w:pPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="H2x"><w:name w:val="Heading Two Plus"/><w:basedOn w:val="H2"/></w:style>`;
  const body = [p('总体要求', { style: 'H1' }), p('主要任务', { style: 'H1' }), p('深化改革', { style: 'H2' }), p('优化服务', { style: 'H2x' }), p('正文')].join('');
  return makeDocx({ body, numbering, styles });
}

export const HEADER = ['序号', '工作任务', '牵头单位', '责任单位', '完成时限'];
export const rowsOf = (t: string): string[][] => [HEADER, ['1', `建立${t}制度`, '市司法局', '市财政局、市人社局', '2021年底前'], ['2', `完善${t}机制`, '市司法局', '各区县（市）人民政府', '2021年底前'], ['3', `健全${t}体系`, '市政府办公室', '市直各部门', '2022年6月底前']];


/** A task table after 附件 with a caption row merged across, cells merged down, units one per paragraph; and its text form. */
export function mergedTableDoc(): { docx: Uint8Array; textForm: string } {
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
  return { docx: makeDocx({ body: word }), textForm };
}

/** A task table with part headings merged across it. */
export function partRowsDoc(): Uint8Array {
  const rows = rowsOf('审查');
  const word = tableXml([rows[0]!, ['一、深化改革'], rows[1]!, rows[2]!, ['二、优化服务'], rows[3]!], { grid: 5, merges: { '1,0': 5, '4,0': 5 } });
  return makeDocx({ body: p(TITLE) + word });
}

/** Tracked changes: a deletion and an insertion, moved-from text, a deleted paragraph mark. */
export function revisionsDoc(): Uint8Array {
  const body = [
    para(run('1.建立制度。（牵头单位：') + `<w:del w:id="1" w:author="a"><w:r><w:delText>市法制办</w:delText></w:r></w:del>` + `<w:ins w:id="2" w:author="a">${run('市司法局')}</w:ins>` + run('）')),
    para(run('2.完善') + `<w:moveFrom w:id="3" w:author="a">${run('旧的')}</w:moveFrom>`, { pPr: '<w:rPr><w:del w:id="4" w:author="a"/></w:rPr>' }),
    para(run('机制。（牵头单位：市财政局）')),
  ].join('');
  return makeDocx({ body });
}

/** A text as a Word document, one paragraph per line, tabs as Word tabs; what XML 1.0 cannot hold left out (`wordable`). */
export function textDocx(text: string): { docx: Uint8Array; wordable: string } {
  const wordable = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
  const body = wordable
    .split('\n')
    .map((line) => para(line.split('\t').map((piece) => (piece === '' ? '' : run(piece))).join('<w:r><w:tab/></w:r>')))
    .join('');
  return { docx: makeDocx({ body }), wordable };
}

/** Line-start markers of the five levels, with the text Word's level would show (`%1` for the number). */
const MARKERS: ReadonlyArray<{ re: RegExp; format: string; text: (m: RegExpExecArray) => string }> = [
  { re: /^[\s\u3000]*([一二三四五六七八九十百]+)(、)/, format: 'chineseCounting', text: (m) => `%1${m[2]}` },
  { re: /^[\s\u3000]*([（(])([一二三四五六七八九十百]+)([）)])/, format: 'chineseCounting', text: (m) => `${m[1]}%2${m[3]}` },
  { re: /^[\s\u3000]*(\d{1,3})([.．、])(?!\d)/, format: 'decimal', text: (m) => `%3${m[2]}` },
  { re: /^[\s\u3000]*([（(])(\d{1,3})([）)])/, format: 'decimal', text: (m) => `${m[1]}%4${m[3]}` },
  { re: /^[\s\u3000]*([①-⑳])/, format: 'decimalEnclosedCircle', text: () => '%5' },
];

/**
 * A text as a Word document whose line-start markers are Word's automatic numbering: each level's label
 * written as the text's first marker of that level writes it, a level numbered on through the document when
 * the text never restarts it. Lines keep their text after the marker. Returns null when the text has no markers.
 */
export function autoNumberedDocx(text: string): Uint8Array | null {
  const lines = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').split('\n');
  const found = lines.map((line) => {
    for (let lvl = 0; lvl < MARKERS.length; lvl++) {
      const m = MARKERS[lvl]!.re.exec(line);
      if (m) return { lvl, m };
    }
    return null;
  });
  if (!found.some((f) => f !== null)) return null;
  const levels = MARKERS.map((marker, lvl) => {
    const mine = found.filter((f) => f?.lvl === lvl).map((f) => f!.m);
    const label = mine[0] ? marker.text(mine[0]) : marker.text(['', '（', '', '）'] as unknown as RegExpExecArray);
    // A level whose numbers never go back (seed 000's 1.–43.) is numbered through the document.
    const values = mine.map((m) => m[0].trim());
    const restarts = values.slice(1).includes(values[0]!);
    return level(lvl, marker.format, label, restarts ? '' : '<w:lvlRestart w:val="0"/>');
  });
  const numbering = `<w:abstractNum w:abstractNumId="1">${levels.join('')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>`;
  const body = lines
    .map((line, i) => {
      const f = found[i];
      const rest = f ? line.slice(f.m[0].length) : line;
      const runs = rest.split('\t').map((piece) => (piece === '' ? '' : run(piece))).join('<w:r><w:tab/></w:r>');
      return f ? para(runs, { num: [1, f.lvl] }) : para(runs);
    })
    .join('');
  return makeDocx({ body, numbering });
}
