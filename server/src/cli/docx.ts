// Word documents in the CLI: reading a .docx where plan files are decoded, refusing other office formats, and naming the paragraph of each finding.
import * as fs from 'node:fs';
import { docxLibrary, looksLikeOffice } from '../docx/load.js';
import { fsPath } from './byte-paths.js';
import { describePlace, NOTE_TEXT, segmentAt, type DocxPlace } from '../docx/places.js';
import type { DocxText } from '../docx/read.js';
import type { LintDiagnostic, Locale } from '../lint/types.js';

/** Where a finding in a Word document lies, as the `json` format gives it beside `line`/`column`. */
export type ParagraphRef = DocxPlace & {
  /** The first words of the paragraph or cell. */
  quote: string;
  /** `第 3 段“…”` / `paragraph 3 "…"`, in the run's language. */
  text: string;
};

/** A finding with, for a Word document, its paragraph or table cell. */
export type ReportDiagnostic = LintDiagnostic & { paragraph?: ParagraphRef };

/**
 * Reads the bytes of a file named `name` when they are an office or archive format: a .docx gives its text,
 * any other (.doc, .wps, .pdf, .xlsx, zip…) an error naming the format and what to do. Null for anything
 * else (text is decoded as before; other binaries are skipped as before).
 */
export function readOfficeBytes(bytes: Uint8Array, name: string): { docx: DocxText } | { error: string; errorEn: string } | null {
  if (!looksLikeOffice(bytes)) return null;
  const { readDocx, sniffFormat, unsupportedFormat } = docxLibrary();
  const format = sniffFormat(bytes, name);
  if (format === null) return null;
  if (format !== 'docx') {
    const why = unsupportedFormat(format);
    return { error: why.zh, errorEn: why.en };
  }
  const read = readDocx(bytes);
  return 'error' in read ? read : { docx: read };
}

/** The notes of a Word document (tracked changes accepted, comments ignored…) in `locale`. */
export function docxNotes(doc: DocxText, locale: Locale): string[] {
  return doc.notes.filter((n) => n === 'tracked-changes' || n === 'comments' || n === 'text-boxes' || n === 'hidden-text').map((n) => (locale === 'en' ? NOTE_TEXT[n].en : NOTE_TEXT[n].zh));
}

/** The findings of a Word document, each naming its paragraph or cell in its message and in `paragraph`. */
export function placeDiagnostics(diagnostics: readonly LintDiagnostic[], doc: DocxText, locale: Locale): ReportDiagnostic[] {
  return diagnostics.map((d) => {
    const segment = segmentAt(doc, d.span.start);
    if (!segment) return d;
    const text = describePlace(segment, locale);
    const message = locale === 'en' ? `${d.message} (${text})` : `${d.message}（${text}）`;
    return { ...d, message, paragraph: { ...segment.place, quote: segment.quote, text } };
  });
}

/** Word documents larger than this are not opened while looking through a folder. */
const MAX_DOCX_BYTES = 32 * 1024 * 1024;

/**
 * The text of a .docx file as Word shows it (folder discovery decides by it whether the document is a plan); an
 * error when it is too large or cannot be read as a .docx; null when the file is not an office document at all.
 */
export function readDocxFile(abs: string): { text: string } | { error: string; errorEn: string } | null {
  try {
    const stat = fs.statSync(fsPath(abs));
    if (!stat.isFile()) return null;
    if (stat.size > MAX_DOCX_BYTES) return { error: '文件过大', errorEn: 'file too large' };
    const bytes = fs.readFileSync(fsPath(abs));
    const read = readOfficeBytes(bytes, abs);
    if (read === null) return null;
    return 'error' in read ? read : { text: read.docx.text };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return { error: `无法读取（${code}）`, errorEn: `cannot read (${code})` };
  }
}
