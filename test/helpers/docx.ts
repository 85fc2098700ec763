// Builds .docx files for tests from WordprocessingML written here, zipped with fflate: numbering, tables, tracked changes as wanted.
import { strToU8, zipSync } from 'fflate';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** What goes into a test document. */
export interface DocxParts {
  /** The inside of `<w:body>`. */
  body: string;
  /** The inside of `<w:numbering>`, when the document has lists. */
  numbering?: string;
  /** The inside of `<w:styles>`. */
  styles?: string;
  /** The inside of `<w:comments>`. */
  comments?: string;
  /** A header part's paragraphs. */
  header?: string;
}

/** Escapes text for XML. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A run of text (spaces kept). */
export function run(text: string, rPr = ''): string {
  return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

/** A paragraph of runs; `num` numbers it with list `numId` at level `ilvl`. */
export function para(content: string, options: { num?: [number, number]; style?: string; pPr?: string } = {}): string {
  const numPr = options.num ? `<w:numPr><w:ilvl w:val="${options.num[1]}"/><w:numId w:val="${options.num[0]}"/></w:numPr>` : '';
  const style = options.style ? `<w:pStyle w:val="${options.style}"/>` : '';
  const pPr = style || numPr || options.pPr ? `<w:pPr>${style}${numPr}${options.pPr ?? ''}</w:pPr>` : '';
  return `<w:p>${pPr}${content}</w:p>`;
}

/** A plain paragraph of text. */
export function p(text: string, options: { num?: [number, number]; style?: string } = {}): string {
  return para(text === '' ? '' : run(text), options);
}

/** One list level: `w:lvl` with start, format and level text. */
export function level(ilvl: number, format: string, text: string, extra = ''): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${esc(text)}"/><w:suff w:val="nothing"/>${extra}</w:lvl>`;
}

/** Zips the parts into a .docx. */
export function makeDocx(parts: DocxParts): Uint8Array {
  const rels: string[] = [];
  const types: string[] = [];
  const files: Record<string, Uint8Array> = {};
  const add = (id: string, type: string, target: string, content: string, contentType: string, root: string): void => {
    rels.push(`<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`);
    types.push(`<Override PartName="/word/${target}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${contentType}+xml"/>`);
    files[`word/${target}`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:${root} xmlns:w="${W_NS}" xmlns:r="${R_NS}">${content}</w:${root}>`);
  };
  if (parts.numbering !== undefined) add('rIdNum', 'numbering', 'numbering.xml', parts.numbering, 'numbering', 'numbering');
  if (parts.styles !== undefined) add('rIdStyles', 'styles', 'styles.xml', parts.styles, 'styles', 'styles');
  if (parts.comments !== undefined) add('rIdComments', 'comments', 'comments.xml', parts.comments, 'comments', 'comments');
  if (parts.header !== undefined) add('rIdHeader', 'header', 'header1.xml', parts.header, 'header', 'hdr');
  files['[Content_Types].xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>${types.join('')}</Types>`,
  );
  files['_rels/.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  files['word/_rels/document.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  files['word/document.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${parts.body}<w:sectPr/></w:body></w:document>`,
  );
  return zipSync(files);
}

/** The usual 公文 list: 一、 （一） 1. （1） ① as levels 0–4 of abstract list 1, instance `numId` 1; `extra` is appended (more instances). */
export function gongwenNumbering(extra = ''): string {
  return (
    `<w:abstractNum w:abstractNumId="1">` +
    level(0, 'chineseCounting', '%1、') +
    level(1, 'chineseCounting', '（%2）') +
    level(2, 'decimal', '%3.') +
    level(3, 'decimal', '（%4）') +
    level(4, 'decimalEnclosedCircle', '%5') +
    `</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>${extra}`
  );
}

/**
 * A table: one `w:tc` per cell (a `\n` in a cell's text makes paragraphs), a grid of `grid` columns; `merges`
 * by `"row,column"`: a number spans that many columns (`w:gridSpan`), `restart`/`continue` merge down (`w:vMerge`).
 */
export function tableXml(rows: string[][], options: { merges?: Record<string, 'restart' | 'continue' | number>; grid?: number } = {}): string {
  const width = options.grid ?? Math.max(...rows.map((r) => r.length));
  const grid = `<w:tblGrid>${'<w:gridCol w:w="1000"/>'.repeat(width)}</w:tblGrid>`;
  const body = rows
    .map((cells, r) => {
      const tcs = cells.map((text, c) => {
        const m = options.merges?.[`${r},${c}`];
        const tcPr = m === undefined ? '' : typeof m === 'number' ? `<w:tcPr><w:gridSpan w:val="${m}"/></w:tcPr>` : m === 'restart' ? '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' : '<w:tcPr><w:vMerge/></w:tcPr>';
        const paras = text.split('\n').map((t) => p(t)).join('');
        return `<w:tc>${tcPr}${paras || '<w:p/>'}</w:tc>`;
      });
      return `<w:tr>${tcs.join('')}</w:tr>`;
    })
    .join('');
  return `<w:tbl><w:tblPr/>${grid}${body}</w:tbl>`;
}
