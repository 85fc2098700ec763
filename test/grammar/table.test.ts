// Task-table row syntax as the grammar reads it: where a row's cells are and where a row starts, in each form a
// table is copied in (pipes, tabs, spaces, one cell a line, glued), before the model gives the columns a meaning.
import assert from 'node:assert/strict';
import {
  type Chunk,
  continuesCell,
  digitEnd,
  displayWidth,
  endsSentence,
  gluedLabels,
  gluedRowStart,
  indexIn,
  isSeparatorRow,
  keptEnd,
  layoutChunks,
  LineView,
  pipeCells,
  rowNumberEnd,
  serialWordFrom,
  smallNumber,
  spacePieces,
  tabCells,
  withoutPipes,
  type Span,
} from '../../grammar/table.js';
import { isSpaceCode, isTrimCode, trimSpan } from '../../grammar/chars.js';

/** The line starts of `text` (after each `\n`). */
function lineStarts(text: string): { lineCount: number; lineStart(line: number): number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return { lineCount: starts.length, lineStart: (line) => starts[line]! };
}

/** The texts of `spans` in `text`. */
const textsOf = (text: string, spans: Span[]): string[] => spans.map((s) => text.slice(s.start, s.end));

/** The cells `read` finds in the whole of `row`, as texts. */
function cellsOf(read: (text: string, start: number, end: number, out: Span[]) => void, row: string): string[] {
  const out: Span[] = [];
  read(row, 0, row.length, out);
  return textsOf(row, out);
}

describe('table row syntax', () => {
  it('cuts a pipe row between its pipes, half or full width, a trailing blank cell dropped', () => {
    assert.deepEqual(cellsOf(pipeCells, '| 7 | 修补河堤 | 县水利局 |  '), ['7', '修补河堤', '县水利局']);
    assert.deepEqual(cellsOf(pipeCells, '  ｜8｜巡查渡口｜｜县交通局'), ['8', '巡查渡口', '', '县交通局']);
    assert.deepEqual(cellsOf(pipeCells, '没有竖线的一行'), []);
  });

  it('cuts a pipe row that lost its outer pipes (GitHub\'s Markdown writes either): its first cell stands before the first pipe', () => {
    assert.deepEqual(cellsOf(pipeCells, '9 | 疏浚河道 | 县水利局'), ['9', '疏浚河道', '县水利局']);
    assert.deepEqual(cellsOf(pipeCells, '9｜疏浚 河道｜县水利局 |'), ['9', '疏浚 河道', '县水利局']);
    assert.deepEqual(cellsOf(pipeCells, ':-- | :--: | --:'), [':--', ':--:', '--:']);
  });

  it('cuts a tab row at every tab, empty cells kept', () => {
    assert.deepEqual(cellsOf(tabCells, '3\t 建设驿站 \t\t镇政府'), ['3', '建设驿站', '', '镇政府']);
  });

  it('tells a Markdown separator row from a row of cells', () => {
    const separator = (row: string) => {
      const out: Span[] = [];
      pipeCells(row, 0, row.length, out);
      return isSeparatorRow(row, out, out.length);
    };
    assert.equal(separator('| --- | :---: | -- |'), true);
    assert.equal(separator('|---||---:|'), true);
    assert.equal(separator('| - | 办理 |'), false);
    assert.equal(separator('| - | -- |'), false);
    assert.equal(separator(''), false);
  });

  it('cuts a space-separated row at spaces of any width and at pipes', () => {
    assert.deepEqual(cellsOf(spacePieces, '12  整治沟渠\u3000区农业局 |2027年底'), ['12', '整治沟渠', '区农业局', '2027年底']);
  });

  it('cuts a fixed-width line at wide gaps and says where each chunk stands, a wide character counting two', () => {
    assert.deepEqual([...'区a，Ａ１ \u3000'].map((ch) => displayWidth(ch.charCodeAt(0))), [2, 1, 2, 2, 2, 1, 2]);
    // `𠀋` (outside the BMP) is wide, counted once by its high half.
    assert.equal([...'𠀋'].map((ch) => [...ch].map((_, k) => displayWidth(ch.charCodeAt(k))).reduce((a, b) => a + b))[0], 2);
    const line = '  3   疏浚 水渠    县水利局\u3000底前';
    const out: Chunk[] = [];
    layoutChunks(line, 0, 2, line.length, out);
    // One space stays inside a chunk; two, or a full-width space, part them.
    assert.deepEqual(out.map((c) => [line.slice(c.start, c.end), c.from, c.to]), [['3', 2, 3], ['疏浚 水渠', 6, 15], ['县水利局', 19, 27], ['底前', 29, 33]]);
  });

  it('finds a row number only when a space follows it, four digits at most', () => {
    assert.equal(rowNumberEnd('81 疏浚水渠', 0, 7), 2);
    assert.equal(rowNumberEnd('2025年开展', 0, 7), -1);
    assert.equal(rowNumberEnd('12345 过长', 0, 8), -1);
    assert.equal(rowNumberEnd('9', 0, 1), -1);
  });

  it('reads a flattened line: its kept end before a closing pipe, a small number', () => {
    const line = '  市园林局 |  ';
    assert.equal(line.slice(2, keptEnd(line, 2, line.length)), '市园林局');
    assert.equal(smallNumber('0042', 0, 4), 42);
    assert.equal(smallNumber('12a', 0, 3), -1);
    assert.equal(smallNumber('12345', 0, 5), -1);
    assert.equal(smallNumber('', 0, 0), -1);
    assert.equal(withoutPipes('｜ 序号 |'), '序号');
  });

  it('reads digits, searches within bounds, sees a sentence end', () => {
    assert.equal(digitEnd('x305号', 1), 4);
    assert.equal(indexIn('甲乙丙乙丁', '乙丁', 0, 5), 3);
    assert.equal(indexIn('甲乙丙乙丁', '乙丁', 0, 4), -1);
    assert.equal(endsSentence('修好路。  ', 6), true);
    assert.equal(endsSentence('修好路，', 4), false);
  });

  it('finds where a glued header may open and cuts its labels by how the model says they end', () => {
    const text = '附表序号事项名称主办单位协办单位1清扫街巷。';
    assert.equal(serialWordFrom(text, 0), 2);
    assert.equal(serialWordFrom('序号：1', 0), -1);
    const ends = (label: string) => /(?:序号|名称|单位)$/.test(label);
    const { labels, end } = gluedLabels(text, 2, text.length, ends, 10, 16);
    assert.deepEqual(labels, ['序号', '事项名称', '主办单位', '协办单位']);
    assert.equal(text[end], '1');
    assert.deepEqual(gluedLabels(text, 2, text.length, ends, 10, 2).labels, ['序号', '事项名称']);
    // A label has two characters at least.
    assert.deepEqual(gluedLabels('单位单位', 0, 4, (label) => /[单位]$/.test(label), 10, 16).labels, ['单位', '单位']);
  });

  it('finds a glued row number written alone, before a character that counts nothing, where a cell ends', () => {
    const text = '1铺设管网8公里。市城管局2维修路灯。';
    const afterUnit = (at: number) => text[at - 1] === '局' || text[at - 1] === '。';
    // `8公里` counts and no cell ends before the `2` of `2维修`… unless the text before it does.
    assert.equal(gluedRowStart(text, 2, 1, text.length, afterUnit), text.indexOf('2维修'));
    assert.equal(gluedRowStart(text, 2, 1, text.length, () => false), -1);
    assert.equal(gluedRowStart('1建成12个站点', 2, 1, 9, () => true), -1);
    assert.equal(gluedRowStart('1建成2个站点', 2, 1, 7, () => true), -1);
    assert.equal(gluedRowStart('1建成2个站点3改造', 3, 1, 10, () => true), 7);
  });

  it('views the lines: their ends before a break, blank lines, pipes (opening a line or in it), tabs (and how many) and a glued header\'s 序号', () => {
    const text = '  ｜ 1 | 植树 |\r\n\u00a0\u3000\n2\t护林\n附件序号事项名称\n序号：3';
    const view = new LineView(text, lineStarts(text));
    assert.equal(view.count, 5);
    assert.equal(view.line(0).text, '  ｜ 1 | 植树 |');
    assert.equal(view.firstKept(0), 2);
    assert.deepEqual([0, 1, 2, 3, 4].map((k) => view.isNoise(k)), [false, true, false, false, false]);
    assert.deepEqual([0, 1, 2, 3, 4].map((k) => view.startsWithPipe(k)), [true, false, false, false, false]);
    assert.deepEqual([0, 1, 2, 3, 4].map((k) => view.hasPipe(k)), [true, false, false, false, false]);
    const pipeless = new LineView('1 | 植树\n植树', lineStarts('1 | 植树\n植树'));
    assert.deepEqual([pipeless.startsWithPipe(0), pipeless.hasPipe(0), pipeless.hasPipe(1)], [false, true, false]);
    assert.deepEqual([0, 1, 2, 3, 4].map((k) => view.hasTab(k)), [false, false, true, false, false]);
    assert.deepEqual([0, 1, 2, 3, 4].map((k) => view.tabCount(k)), [0, 0, 1, 0, 0]);
    const tabbed = '1\t护林\t\t县林业局\r\n巡山\t2025年\n\n';
    const tabs = new LineView(tabbed, lineStarts(tabbed));
    assert.deepEqual([0, 1, 2].map((k) => tabs.tabCount(k)), [3, 1, 0]);
    assert.deepEqual([0, 1, 2, 3, 4].map((k) => view.serialWord(k)), [-1, -1, -1, text.indexOf('序号事项'), -1]);
  });

  it('goes on with a flattened cell that ends with 、 or a comma', () => {
    const goesOn = (line: string) => continuesCell(line, 0, line.length);
    assert.deepEqual(['市财政局、', '县教育局，', '县教育局,', '县教育局。', ''].map(goesOn), [true, true, true, false, false]);
  });

  it('knows spaces of every width, and trims by them', () => {
    assert.equal(isSpaceCode(0x3000) && isSpaceCode(0xa0) && isSpaceCode(0x200b), true);
    assert.equal(isTrimCode(0x200b), false);
    assert.equal(isSpaceCode(0x41), false);
    const text = '\u3000 河道 \u200b';
    assert.deepEqual(trimSpan(text, 0, text.length), { start: 2, end: 4 });
  });
});
