// Word documents in the language server: reads a .docx for the editor's read-only text view and names the paragraph of each finding in it.
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { docxLibrary, looksLikeOffice } from '../docx/load.js';
import { describePlace, NOTE_TEXT, segmentAt } from '../docx/places.js';
import type { DocxText } from '../docx/read.js';
import type { Locale } from '../lint/types.js';
import { DOCX_SCHEME, type DocxTextResult } from '../protocol.js';

/** The path of the .docx behind a `planlint-docx:` (or `file:`) URI, or null. */
export function docxPathOf(uri: unknown): string | null {
  if (typeof uri !== 'string') return null;
  const file = uri.startsWith(`${DOCX_SCHEME}:`) ? `file:${uri.slice(DOCX_SCHEME.length + 1)}` : uri;
  if (!file.startsWith('file:')) return null;
  try {
    return fileURLToPath(file);
  } catch {
    return null;
  }
}

/** True for the URI of a Word document's text view. */
export function isDocxUri(uri: string): boolean {
  return uri.startsWith(`${DOCX_SCHEME}:`);
}

/** Word documents read by the server, by path, re-read when the file changes on disk. */
export class DocxTexts {
  private readonly cache = new Map<string, { mtimeMs: number; size: number; doc: DocxText }>();

  /** Reads the .docx behind `uri` (a `file:` or `planlint-docx:` URI); notes and errors in `locale`. Never throws. */
  read(uri: unknown, locale: Locale): DocxTextResult {
    const file = docxPathOf(uri);
    const say = (zh: string, en: string): string => (locale === 'en' ? en : zh);
    if (file === null) return { text: '', notes: [], error: say('不是本地文件', 'not a local file') };
    const doc = this.load(file);
    if ('error' in doc) return { text: '', notes: [], error: say(doc.error, doc.errorEn) };
    const notes = doc.notes.filter((n) => n === 'tracked-changes' || n === 'comments' || n === 'text-boxes' || n === 'hidden-text');
    return { text: doc.text, notes: notes.map((n) => (locale === 'en' ? NOTE_TEXT[n].en : NOTE_TEXT[n].zh)) };
  }

  private load(file: string): DocxText | { error: string; errorEn: string } {
    try {
      const stat = fs.statSync(file);
      const hit = this.cache.get(file);
      if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.doc;
      if (stat.size > 64 * 1024 * 1024) return { error: '文件过大', errorEn: 'file too large' };
      const bytes = fs.readFileSync(file);
      if (!looksLikeOffice(bytes)) return { error: '不是 Word（.docx）文件', errorEn: 'not a Word (.docx) file' };
      const lib = docxLibrary();
      const format = lib.sniffFormat(bytes, file);
      if (format !== 'docx') {
        const why = format === null ? { zh: '不是 Word（.docx）文件', en: 'not a Word (.docx) file' } : lib.unsupportedFormat(format);
        return { error: why.zh, errorEn: why.en };
      }
      const doc = lib.readDocx(bytes);
      if ('error' in doc) return doc;
      this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, doc });
      return doc;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? String(e);
      return { error: `无法读取（${code}）`, errorEn: `cannot read (${code})` };
    }
  }

  /**
   * The diagnostics of a Word document's text view, each message naming its paragraph or table cell
   * (`（第 3 段“…”）`). Unchanged when the view's text is not the file's current text.
   */
  decorate(uri: string, text: string, diagnostics: Diagnostic[], offsetOf: (d: Diagnostic, index: number) => number, locale: Locale): Diagnostic[] {
    if (!isDocxUri(uri)) return diagnostics;
    const file = docxPathOf(uri);
    const doc = file !== null ? this.load(file) : null;
    if (!doc || 'error' in doc || doc.text !== text) return diagnostics;
    return diagnostics.map((d, i) => {
      const segment = segmentAt(doc, offsetOf(d, i));
      if (!segment) return d;
      const where = describePlace(segment, locale);
      return { ...d, message: locale === 'en' ? `${d.message} (${where})` : `${d.message}（${where}）` };
    });
  }
}
