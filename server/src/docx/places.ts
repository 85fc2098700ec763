// Where a stretch of a Word document's extracted text comes from, said for people (第 3 段“…”); no dependencies, loaded by every client.

/** Where a piece of the extracted text comes from: a body paragraph, or a table cell (all 1-based). */
export type DocxPlace = { kind: 'paragraph'; paragraph: number } | { kind: 'cell'; table: number; row: number; column: number };

/** A stretch [start, end) of the extracted text and the paragraph or cell it comes from, with its first words. */
export interface DocxSegment {
  start: number;
  end: number;
  place: DocxPlace;
  /** The first words of the paragraph or cell, to find it in Word. */
  quote: string;
}

/** Something in the file that the text leaves out or reads in a particular way. */
export type DocxNote = 'tracked-changes' | 'comments' | 'text-boxes' | 'headers-footers' | 'footnotes' | 'hidden-text';

const QUOTE_LENGTH = 16;

/** The first words of a paragraph, to find it in Word. */
export function quoteOf(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(t);
  return chars.length <= QUOTE_LENGTH ? t : `${chars.slice(0, QUOTE_LENGTH).join('')}…`;
}

/** The segment at `offset` (or the nearest one before it), by binary search; undefined before the first. */
export function segmentAt(doc: { segments: readonly DocxSegment[] }, offset: number): DocxSegment | undefined {
  const s = doc.segments;
  let lo = 0;
  let hi = s.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return s[0];
  return s[found];
}

/** `第 3 段“一、加强组织领导…”` / `paragraph 3 "…"`; `表 1 第 2 行第 3 列“…”` / `table 1, row 2, column 3 "…"`. */
export function describePlace(segment: DocxSegment, locale: 'zh-CN' | 'en'): string {
  const p = segment.place;
  if (locale === 'en') {
    const where = p.kind === 'paragraph' ? `paragraph ${p.paragraph}` : `table ${p.table}, row ${p.row}, column ${p.column}`;
    return `${where} "${segment.quote}"`;
  }
  const where = p.kind === 'paragraph' ? `第 ${p.paragraph} 段` : `表 ${p.table} 第 ${p.row} 行第 ${p.column} 列`;
  return `${where}“${segment.quote}”`;
}

/** What each note says, in Chinese and English. */
export const NOTE_TEXT: Record<DocxNote, { zh: string; en: string }> = {
  'tracked-changes': { zh: '文中有修订，已按接受全部修订后的文本检查（插入保留，删除不计）', en: 'the document has tracked changes; it was read with all of them accepted (insertions kept, deletions dropped)' },
  comments: { zh: '文中有批注，批注不属于方案正文，已忽略', en: 'the document has comments; they are not part of the plan and were ignored' },
  'text-boxes': { zh: '文本框中的文字不属于方案正文，已忽略', en: 'text in text boxes is not part of the plan and was ignored' },
  'headers-footers': { zh: '页眉页脚不属于方案正文，已忽略', en: 'headers and footers are not part of the plan and were ignored' },
  footnotes: { zh: '脚注尾注不属于方案正文，已忽略', en: 'footnotes and endnotes are not part of the plan and were ignored' },
  'hidden-text': { zh: '隐藏文字未计入', en: 'hidden text was left out' },
};
