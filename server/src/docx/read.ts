// Reads a Word document (.docx) as the plan text it shows: numbering as Word draws it, tables as pipe rows, tracked changes accepted.
// Over 400 lines: the body's paragraphs, Word's numbering, tables and tracked changes are one walk, with the map from
// text offsets back to paragraphs and cells it builds.
import { unzipSync } from 'fflate';
import type { Element } from '@xmldom/xmldom';
import { Numbering } from './numbering.js';
import { quoteOf, type DocxNote, type DocxSegment } from './places.js';
import { attr, child, children, elements, isOn, parseXml } from './xml.js';


/** A Word document read as text. */
export interface DocxText {
  /** One line per paragraph (soft line breaks inside it are line breaks too), one `| … |` line per table row. */
  text: string;
  /** In text order, disjoint; every paragraph and cell that has text. */
  segments: DocxSegment[];
  notes: DocxNote[];
}

/** A file that could not be read as a Word document; `error` in Chinese, `errorEn` in English. */
export interface DocxError {
  error: string;
  errorEn: string;
}

/** Parts larger than this (uncompressed) are refused: a plan's document.xml is a few megabytes at most. */
const MAX_PART_BYTES = 64 * 1024 * 1024;

const MAIN_DOCUMENT = /\/officeDocument$/;
/** Word tables have at most 63 columns; a larger span or offset is damage and is cut to this. */
const MAX_COLUMNS = 64;

/** A header cell naming the row number column (`序号`, `编号`), spaces dropped. */
const NUMBER_HEADER = /^(?:序号|序號|编号|編號|no\.?|#)$/i;

/**
 * The cells of `row` as the text reads them: the continuation of a 序号 cell merged down (one number over the rows of
 * a task's parts) is empty, as in the text copy of such a table, and not the number again (a repeated number reads
 * as a duplicate); the rows with no number continue the numbered one above. Other merged cells keep their text.
 */
function numberContinued(header: readonly string[], row: { cells: string[]; continued: number[] }): string[] {
  if (row.continued.length === 0) return row.cells;
  const cells = row.cells.slice();
  for (const c of row.continued) if (NUMBER_HEADER.test((header[c] ?? '').replace(/\s+/g, ''))) cells[c] = '';
  return cells;
}

/** True when the bytes start as a ZIP archive (`PK\x03\x04`), as every .docx does. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Unzips the XML parts of an archive (media and other large binaries are left packed). */
export function unzipParts(bytes: Uint8Array): Map<string, string> | null {
  try {
    const files = unzipSync(bytes, {
      filter: (f) => /\.(xml|rels)$/i.test(f.name) && f.originalSize <= MAX_PART_BYTES,
    });
    const decoder = new TextDecoder('utf-8');
    const parts = new Map<string, string>();
    for (const [name, data] of Object.entries(files)) parts.set(name.replace(/^\/+/, ''), decoder.decode(data));
    return parts;
  } catch {
    return null;
  }
}

/** The names of every entry of an archive, without unpacking any (null when it is no archive). */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  try {
    const names: string[] = [];
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
    return names;
  } catch {
    return null;
  }
}

/** Resolves a relationship target against the folder of the part that names it. */
function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = fromPart.includes('/') ? fromPart.slice(0, fromPart.lastIndexOf('/') + 1) : '';
  const segments = (base + target).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

/** The relationships of a part: type → target parts. */
function relationships(parts: Map<string, string>, part: string): Array<{ type: string; target: string }> {
  const slash = part.lastIndexOf('/');
  const relsName = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const xml = parts.get(relsName);
  const root = xml ? parseXml(xml) : null;
  if (!root) return [];
  return children(root, 'Relationship').flatMap((r) => {
    const type = attr(r, 'Type');
    const target = attr(r, 'Target');
    if (type === null || target === null || attr(r, 'TargetMode') === 'External') return [];
    return [{ type, target: resolveTarget(part, target) }];
  });
}

/** A paragraph style: what it is based on and the list it numbers with. */
interface Style {
  basedOn: string | null;
  numId: string | null;
  ilvl: number | null;
}

function readStyles(root: Element | null): { styles: Map<string, Style>; defaultParagraph: string | null } {
  const styles = new Map<string, Style>();
  let defaultParagraph: string | null = null;
  if (!root) return { styles, defaultParagraph };
  for (const s of children(root, 'style')) {
    const id = attr(s, 'styleId');
    if (id === null) continue;
    const type = attr(s, 'type');
    const isDefault = attr(s, 'default');
    if (type === 'paragraph' && (isDefault === '1' || isDefault === 'true' || isDefault === 'on')) defaultParagraph = id;
    const numPr = child(child(s, 'pPr'), 'numPr');
    const ilvl = attr(child(numPr, 'ilvl'), 'val');
    styles.set(id, {
      basedOn: attr(child(s, 'basedOn'), 'val'),
      numId: attr(child(numPr, 'numId'), 'val'),
      ilvl: ilvl !== null && /^\d$/.test(ilvl) ? Number(ilvl) : null,
    });
  }
  return { styles, defaultParagraph };
}

/** What a file holds besides the body, by part type. */
function partNotes(rels: Array<{ type: string }>): DocxNote[] {
  const notes: DocxNote[] = [];
  if (rels.some((r) => /\/(header|footer)$/.test(r.type))) notes.push('headers-footers');
  if (rels.some((r) => /\/(footnotes|endnotes)$/.test(r.type))) notes.push('footnotes');
  if (rels.some((r) => /\/comments$/.test(r.type))) notes.push('comments');
  return notes;
}

/**
 * Reads a .docx: the body's paragraphs and tables as text, with the paragraph or cell of every stretch.
 * Headers, footers, footnotes, comments and text boxes are not part of the plan and are left out; tracked
 * changes are read accepted (insertions kept, deletions dropped). Never throws.
 */
export function readDocx(bytes: Uint8Array): DocxText | DocxError {
  if (!isZip(bytes)) return { error: '不是 Word（.docx）文件', errorEn: 'not a Word (.docx) file' };
  const parts = unzipParts(bytes);
  if (!parts) return { error: 'Word 文件已损坏，无法解压', errorEn: 'the Word file is damaged and cannot be unpacked' };
  try {
    const main = relationships(parts, '').find((r) => MAIN_DOCUMENT.test(r.type))?.target ?? 'word/document.xml';
    const xml = parts.get(main);
    if (xml === undefined) return { error: '压缩包中没有 Word 正文（word/document.xml）', errorEn: 'the archive holds no Word body (word/document.xml)' };
    const root = parseXml(xml);
    const body = child(root, 'body');
    if (!root || !body) return { error: 'Word 正文不是有效的 XML', errorEn: 'the Word body is not valid XML' };
    const rels = relationships(parts, main);
    const partOf = (type: RegExp): Element | null => {
      const target = rels.find((r) => type.test(r.type))?.target;
      const text = target !== undefined ? parts.get(target) : undefined;
      return text !== undefined ? parseXml(text) : null;
    };
    const { styles, defaultParagraph } = readStyles(partOf(/\/styles$/));
    const numbering = new Numbering(partOf(/\/numbering$/), (id) => styles.get(id)?.numId ?? null);
    const reader = new BodyReader(numbering, styles, defaultParagraph);
    reader.blocks(body);
    reader.finish();
    const notes = new Set<DocxNote>([...reader.notes, ...partNotes(rels)]);
    return { text: reader.text(), segments: reader.segments, notes: [...notes] };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { error: `无法读取 Word 文件：${msg}`, errorEn: `cannot read the Word file: ${msg}` };
  }
}

/** Field state while runs are read: how many open fields are in their instruction part. */
interface FieldState {
  stack: Array<'instruction' | 'result'>;
  instructions: number;
}

const ENDS_WITH_PUNCTUATION = /[。；;，,、：:！!？?）)]$/;

/** Walks the body in order and writes its text. One per document. */
class BodyReader {
  readonly segments: DocxSegment[] = [];
  readonly notes = new Set<DocxNote>();
  private readonly out: string[] = [];
  private length = 0;
  private lines = 0;
  private paragraphs = 0;
  private tables = 0;
  /** The text of paragraphs whose mark was deleted (tracked): it joins the next paragraph. */
  private carry = '';
  private readonly field: FieldState = { stack: [], instructions: 0 };

  constructor(
    private readonly numbering: Numbering,
    private readonly styles: Map<string, Style>,
    private readonly defaultParagraph: string | null,
  ) {}

  text(): string {
    return this.out.join('');
  }

  /** Block-level content: paragraphs, tables, and the containers around them. */
  blocks(container: Element): void {
    for (const el of elements(container)) {
      switch (el.localName) {
        case 'p':
          this.paragraph(el);
          break;
        case 'tbl':
          this.table(el);
          break;
        case 'sdt':
          this.blocks(child(el, 'sdtContent') ?? el);
          break;
        case 'customXml':
        case 'ins':
        case 'moveTo':
          this.blocks(el);
          break;
        case 'del':
        case 'moveFrom':
          this.notes.add('tracked-changes');
          break;
        default:
          break;
      }
    }
  }

  /** Ends the text: a paragraph still carried (its mark deleted at the very end) is written. */
  finish(): void {
    if (this.carry !== '') {
      const text = this.carry;
      this.carry = '';
      this.writeParagraph(text);
    }
  }

  private line(text: string): void {
    if (this.lines > 0) {
      this.out.push('\n');
      this.length += 1;
    }
    this.out.push(text);
    this.length += text.length;
    this.lines++;
  }

  private writeParagraph(text: string): void {
    const start = this.length + (this.lines > 0 ? 1 : 0);
    this.line(text);
    if (text.trim() !== '') {
      this.paragraphs++;
      this.segments.push({ start, end: start + text.length, place: { kind: 'paragraph', paragraph: this.paragraphs }, quote: quoteOf(text) });
    }
  }

  /** A paragraph's numbering label and text, counting its list; `merged`: its mark is a tracked deletion. */
  private paragraphText(p: Element): { text: string; merged: boolean } {
    const pPr = child(p, 'pPr');
    const markRPr = child(pPr, 'rPr');
    if (child(markRPr, 'ins') || child(markRPr, 'del')) this.notes.add('tracked-changes');
    const merged = child(markRPr, 'del') !== null;
    const content = this.inline(p);
    // A paragraph whose text was all deleted and whose mark too vanishes without counting its list.
    const label = merged && content.trim() === '' ? '' : this.label(pPr);
    return { text: label + content, merged };
  }

  private paragraph(p: Element): void {
    const { text, merged } = this.paragraphText(p);
    if (merged) {
      this.carry += text;
      return;
    }
    const whole = this.carry + text;
    this.carry = '';
    this.writeParagraph(whole);
  }

  /** The list label Word draws before a paragraph, from its own numbering or its style's. */
  private label(pPr: Element | null): string {
    const numPr = child(pPr, 'numPr');
    let numId = attr(child(numPr, 'numId'), 'val');
    let ilvlText = attr(child(numPr, 'ilvl'), 'val');
    const styleId = attr(child(pPr, 'pStyle'), 'val') ?? this.defaultParagraph;
    if (numId === null && styleId !== null) {
      const seen = new Set<string>();
      for (let id: string | null = styleId; id !== null && !seen.has(id); id = this.styles.get(id)?.basedOn ?? null) {
        seen.add(id);
        const style = this.styles.get(id);
        if (style?.numId) {
          numId = style.numId;
          if (ilvlText === null && style.ilvl !== null) ilvlText = String(style.ilvl);
          break;
        }
      }
      if (numId !== null && ilvlText === null) {
        const bound = this.numbering.levelOfStyle(numId, styleId);
        if (bound !== null) ilvlText = String(bound);
      }
    }
    // `w:numId w:val="0"` removes the numbering a style would give.
    if (numId === null || numId === '0') return '';
    return this.numbering.next(numId, ilvlText !== null && /^\d$/.test(ilvlText) ? Number(ilvlText) : 0);
  }

  /** The text of inline content: runs, insertions, links, fields' results; deletions and hidden text left out. */
  private inline(container: Element): string {
    let out = '';
    for (const el of elements(container)) {
      switch (el.localName) {
        case 'r':
          out += this.run(el);
          break;
        case 'ins':
        case 'moveTo':
          this.notes.add('tracked-changes');
          out += this.inline(el);
          break;
        case 'del':
        case 'moveFrom':
          this.notes.add('tracked-changes');
          break;
        case 'hyperlink':
        case 'smartTag':
        case 'customXml':
        case 'fldSimple':
        case 'bdo':
        case 'dir':
          out += this.inline(el);
          break;
        case 'sdt':
          out += this.inline(child(el, 'sdtContent') ?? el);
          break;
        case 'commentRangeStart':
        case 'commentRangeEnd':
          this.notes.add('comments');
          break;
        default:
          break;
      }
    }
    return out;
  }

  /** One run: its text, tabs and breaks; field instructions, deleted text and drawings left out. */
  private run(r: Element): string {
    const rPr = child(r, 'rPr');
    const hidden = isOn(child(rPr, 'vanish')) || isOn(child(rPr, 'specVanish'));
    if (child(rPr, 'ins') || child(rPr, 'del')) this.notes.add('tracked-changes');
    let out = '';
    const field = this.field;
    for (const el of elements(r)) {
      const name = el.localName;
      if (name === 'fldChar') {
        const type = attr(el, 'fldCharType');
        if (type === 'begin') {
          field.stack.push('instruction');
          field.instructions++;
        } else if (type === 'separate') {
          if (field.stack[field.stack.length - 1] === 'instruction') {
            field.stack[field.stack.length - 1] = 'result';
            field.instructions--;
          }
        } else if (type === 'end') {
          if (field.stack.pop() === 'instruction') field.instructions--;
        }
        continue;
      }
      if (name === 'commentReference') {
        this.notes.add('comments');
        continue;
      }
      if (name === 'drawing' || name === 'pict' || name === 'object' || name === 'AlternateContent') {
        if (hasDescendant(el, 'txbxContent')) this.notes.add('text-boxes');
        continue;
      }
      if (field.instructions > 0) continue;
      let piece = '';
      switch (name) {
        case 't':
          piece = el.textContent ?? '';
          break;
        case 'tab':
        case 'ptab':
          piece = '\t';
          break;
        case 'br':
          // A page or column break starts a new page, not a new line of the paragraph.
          piece = attr(el, 'type') === 'page' || attr(el, 'type') === 'column' ? '' : '\n';
          break;
        case 'cr':
          piece = '\n';
          break;
        case 'noBreakHyphen':
          piece = '-';
          break;
        case 'sym': {
          const code = Number.parseInt(attr(el, 'char') ?? '', 16);
          piece = Number.isFinite(code) && code > 0 ? String.fromCharCode(code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code) : '';
          break;
        }
        case 'ruby':
          piece = this.inline(child(el, 'rubyBase') ?? el);
          break;
        case 'delText':
          this.notes.add('tracked-changes');
          break;
        default:
          break;
      }
      if (hidden && piece !== '') {
        this.notes.add('hidden-text');
        continue;
      }
      out += piece;
    }
    return out;
  }

  /** The paragraphs of a table cell (nested tables included) as one line. */
  private cellText(tc: Element): string {
    const pieces: string[] = [];
    const visit = (container: Element): void => {
      for (const el of elements(container)) {
        if (el.localName === 'p') {
          const { text } = this.paragraphText(el);
          const t = text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
          if (t !== '') pieces.push(t);
        } else if (el.localName === 'tbl') {
          for (const tr of children(el, 'tr')) for (const cell of children(tr, 'tc')) visit(cell);
        } else if (el.localName === 'sdt') {
          visit(child(el, 'sdtContent') ?? el);
        } else if (el.localName === 'customXml' || el.localName === 'ins' || el.localName === 'moveTo') {
          visit(el);
        }
      }
    };
    visit(tc);
    return joinCellParagraphs(pieces);
  }

  /**
   * A table as pipe rows, the form the model reads as a task table: `| 序号 | 工作任务 | 牵头单位 | … |`,
   * a separator after the header row. A cell merged down (`w:vMerge`) repeats the text of the cell it
   * continues, so every row carries its own lead unit and deadline, but a 序号 cell's continuation is empty
   * (`numberContinued`); a cell merged across (`w:gridSpan`)
   * fills its first column and leaves the others empty. A row that is one cell across the whole table is
   * a caption above the header (`重点任务分解表`) or a part heading between rows (`一、深化改革`): it becomes
   * a line of its own, and after a part heading the header row is written again so that the rows below
   * still read as the same table. A one-column table (a framed note) reads as paragraphs.
   */
  private table(tbl: Element): void {
    this.tables++;
    const tableNo = this.tables;
    const gridWidth = children(child(tbl, 'tblGrid'), 'gridCol').length;
    const rows: Array<{ cells: string[]; single: boolean; number: number; continued: number[] }> = [];
    let width = gridWidth;
    let rowNumber = 0;
    for (const tr of rowsOf(tbl)) {
      const trPr = child(tr, 'trPr');
      if (child(trPr, 'del')) {
        this.notes.add('tracked-changes');
        continue;
      }
      rowNumber++;
      if (child(trPr, 'ins')) this.notes.add('tracked-changes');
      const cells: string[] = [];
      const continued: number[] = [];
      let col = Math.min(MAX_COLUMNS, Math.max(0, Number(attr(child(trPr, 'gridBefore'), 'val') ?? '0') || 0));
      for (let k = 0; k < col; k++) cells.push('');
      const above = rows[rows.length - 1]?.cells;
      const tcs = cellsOf(tr);
      for (const tc of tcs) {
        const tcPr = child(tc, 'tcPr');
        const span = Math.min(MAX_COLUMNS, Math.max(1, Number(attr(child(tcPr, 'gridSpan'), 'val') ?? '1') || 1));
        const vMerge = child(tcPr, 'vMerge');
        const continues = vMerge !== null && (attr(vMerge, 'val') ?? 'continue') === 'continue';
        const text = this.cellText(tc);
        if (continues) continued.push(col);
        cells.push(continues ? (above?.[col] ?? '') : text);
        for (let k = 1; k < span; k++) cells.push('');
        col += span;
      }
      width = Math.max(width, cells.length);
      rows.push({ cells, single: tcs.length === 1 && cells.length > 1, number: rowNumber, continued });
    }
    if (rows.length === 0) return;
    for (const { cells } of rows) while (cells.length < width) cells.push('');
    if (width <= 1) {
      for (const row of rows) this.cellLines(row.cells[0] ?? '', tableNo, row.number);
      return;
    }
    let header: (typeof rows)[number] | undefined;
    for (const row of rows) {
      const full = row.single && row.cells.length === width;
      if (full) {
        this.cellLines(row.cells[0] ?? '', tableNo, row.number);
        if (header) this.headerRow(header.cells, tableNo, header.number);
      } else if (!header) {
        header = row;
        this.headerRow(row.cells, tableNo, row.number);
      } else {
        this.row(numberContinued(header.cells, row), tableNo, row.number);
      }
    }
  }

  private headerRow(cells: string[], table: number, row: number): void {
    this.row(cells, table, row);
    this.line(`|${cells.map(() => ' --- |').join('')}`);
  }

  private cellLines(text: string, table: number, row: number): void {
    if (text === '') return;
    const start = this.length + (this.lines > 0 ? 1 : 0);
    this.line(text);
    this.segments.push({ start, end: start + text.length, place: { kind: 'cell', table, row, column: 1 }, quote: quoteOf(text) });
  }

  private row(cells: string[], table: number, row: number): void {
    let line = '|';
    const start = this.length + (this.lines > 0 ? 1 : 0);
    const placed: DocxSegment[] = [];
    cells.forEach((raw, c) => {
      const cell = raw.replace(/[|｜]/g, '¦');
      line += ' ';
      if (cell !== '') placed.push({ start: start + line.length, end: start + line.length + cell.length, place: { kind: 'cell', table, row, column: c + 1 }, quote: quoteOf(cell) });
      line += `${cell} |`;
    });
    this.line(line);
    this.segments.push(...placed);
  }
}

/** The rows of a table, inside content controls and custom XML too. */
function rowsOf(tbl: Element): Element[] {
  const out: Element[] = [];
  for (const el of elements(tbl)) {
    if (el.localName === 'tr') out.push(el);
    else if (el.localName === 'sdt') out.push(...rowsOf(child(el, 'sdtContent') ?? el));
    else if (el.localName === 'customXml') out.push(...rowsOf(el));
  }
  return out;
}

/** The cells of a row, inside content controls and custom XML too. */
function cellsOf(tr: Element): Element[] {
  const out: Element[] = [];
  for (const el of elements(tr)) {
    if (el.localName === 'tc') out.push(el);
    else if (el.localName === 'sdt') out.push(...cellsOf(child(el, 'sdtContent') ?? el));
    else if (el.localName === 'customXml') out.push(...cellsOf(el));
  }
  return out;
}

function hasDescendant(el: Element, name: string): boolean {
  for (const c of elements(el)) if (c.localName === name || hasDescendant(c, name)) return true;
  return false;
}

/**
 * A cell's paragraphs on one line: after a paragraph that ends in punctuation, nothing is added; short
 * pieces (one unit per paragraph, as 责任单位 cells are often typed) are joined with `、`; longer ones with `；`.
 */
export function joinCellParagraphs(pieces: readonly string[]): string {
  let out = '';
  pieces.forEach((piece, i) => {
    if (i > 0) {
      const prev = pieces[i - 1]!;
      out += ENDS_WITH_PUNCTUATION.test(prev) ? '' : prev.length <= 20 && piece.length <= 20 ? '、' : '；';
    }
    out += piece;
  });
  return out;
}
