// The task table (任务分解表) as a Word document in the usual 公文 layout; written by the `docx` library, loaded only when asked for.
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Locale } from '../lint/types.js';

/** A row as the Word table shows it: display cells, problems last when asked for. */
export interface DocxTableInput {
  /** The plan's title; the document's title is it followed by 任务分解表. */
  title: string;
  /** The attachment label above the title (`附件`), or '' for none. */
  attachment: string;
  headings: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
  locale: Locale;
}

// 公文 type sizes, in half-points: 二号 22 pt, 三号 16 pt, 小四 12 pt.
const SIZE_TITLE = 44;
const SIZE_LABEL = 32;
const SIZE_CELL = 24;

// Fonts: 黑体 for the label and the header row, 仿宋_GB2312 for the cells, 方正小标宋简体 for the title, as 公文
// templates name them; Latin text and digits in Times New Roman. The font table (below) gives each its fallback
// — the name the font has on current Windows (仿宋, 黑体) or the nearest common one (宋体) — and its Chinese
// character set and family, which Word and LibreOffice use to substitute a font that is not installed.
const HEITI = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' };
const FANGSONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312', cs: 'Times New Roman' };
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体', cs: 'Times New Roman' };

/** `w:font` entries: name, fallback (`w:altName`), family and pitch; all GB2312 (`w:charset` 86). */
const FONT_TABLE: ReadonlyArray<[string, string, string, string]> = [
  ['仿宋_GB2312', '仿宋', 'modern', 'fixed'],
  ['仿宋', 'FangSong', 'modern', 'fixed'],
  ['黑体', 'SimHei', 'modern', 'fixed'],
  ['方正小标宋简体', '宋体', 'script', 'variable'],
  ['宋体', 'SimSun', 'auto', 'variable'],
];

/** Fills the writer's empty font table with the fonts above and their fallbacks. */
function withFontTable(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const name = 'word/fontTable.xml';
  const xml = files[name] ? strFromU8(files[name]) : null;
  if (xml === null || !/<w:fonts\b[^>]*\/>\s*$/.test(xml)) return bytes;
  const fonts = FONT_TABLE.map(
    ([font, alt, family, pitch]) =>
      `<w:font w:name="${font}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`,
  ).join('');
  files[name] = strToU8(xml.replace(/<w:fonts\b([^>]*)\/>\s*$/, (_, attrs: string) => `<w:fonts${attrs}>${fonts}</w:fonts>`));
  return zipSync(files);
}

/** Relative column widths: 序号, 工作任务, 牵头单位, 责任单位, 完成时限, 问题. */
const WEIGHTS = [12, 36, 16, 21, 15];
const WEIGHTS_WITH_PROBLEMS = [12, 28, 13, 15, 11, 21];

// A4 landscape, in twentieths of a point; margins as a 公文 page turned on its side (mm × 56.7).
const A4_SHORT = 11906;
const A4_LONG = 16838;
const MARGIN = { top: 1588, bottom: 1474, left: 1984, right: 1871 };
const TEXT_WIDTH = A4_LONG - MARGIN.left - MARGIN.right;

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

function cell(text: string, width: number, options: { header?: boolean; center?: boolean }): TableCell {
  const lines = text.split(/\r?\n/);
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: lines.map(
      (line) =>
        new Paragraph({
          alignment: options.header || options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { line: 300 },
          children: [new TextRun({ text: line, font: options.header ? HEITI : FANGSONG, size: SIZE_CELL })],
        }),
    ),
  });
}

/** Writes the table as a .docx: A4 landscape, 附件 label, centred title, one table whose header row repeats on every page. */
export async function writeTaskTableDocx(input: DocxTableInput): Promise<Uint8Array> {
  const weights = input.headings.length > 5 ? WEIGHTS_WITH_PROBLEMS : WEIGHTS;
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = input.headings.map((_, i) => Math.floor((TEXT_WIDTH * (weights[i] ?? 10)) / total));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: input.headings.map((h, i) => cell(h, widths[i]!, { header: true })),
  });
  const body = input.rows.map(
    (cells) =>
      new TableRow({
        cantSplit: true,
        children: input.headings.map((_, i) => cell(cells[i] ?? '', widths[i]!, { center: i === 0 || i === 4 })),
      }),
  );
  const title = input.locale === 'en' ? `${input.title} — task breakdown` : `${input.title}任务分解表`;
  const children: Array<Paragraph | Table> = [];
  if (input.attachment !== '') {
    children.push(new Paragraph({ children: [new TextRun({ text: input.attachment, font: HEITI, size: SIZE_LABEL })] }));
  }
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 360, line: 560, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: title, font: TITLE_FONT, size: SIZE_TITLE })],
    }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: BORDERS,
      rows: [header, ...body],
    }),
  );
  const doc = new Document({
    creator: 'planlint',
    title,
    styles: { default: { document: { run: { font: FANGSONG, size: SIZE_CELL } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_SHORT, height: A4_LONG, orientation: PageOrientation.LANDSCAPE },
            margin: MARGIN,
          },
        },
        children,
      },
    ],
  });
  const buffer = await Packer.toArrayBuffer(doc);
  return withFontTable(new Uint8Array(buffer));
}
