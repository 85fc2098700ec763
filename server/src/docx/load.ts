// Loads the Word reader (fflate + xmldom, a tenth of the CLI) only when a file's first bytes say it is an office file or archive.
import { createRequire } from 'node:module';

/**
 * Set by scripts/bundle.js to the file of the reader's own bundle (`./docx.cjs`), so that a bundle
 * compiles it only when a Word file is met. Not defined under tsc (out/), where the module is required.
 */
declare const PLANLINT_DOCX_FILE: string | undefined;

type DocxLibrary = typeof import('./index.js');
let library: DocxLibrary | undefined;

/** The reader, loaded on first use. Synchronous, because reading a plan file is. Throws when missing. */
export function docxLibrary(): DocxLibrary {
  if (!library) {
    const requireHere = createRequire(import.meta.url);
    library = requireHere(typeof PLANLINT_DOCX_FILE === 'string' ? PLANLINT_DOCX_FILE : './index.js') as DocxLibrary;
  }
  return library;
}

const SIGNATURES: ReadonlyArray<readonly number[]> = [
  [0x50, 0x4b, 0x03, 0x04], // ZIP: .docx, .xlsx, .pptx, .odt, .ofd, archives
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], // Compound File: .doc, .wps, .xls, .ppt
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x7b, 0x5c, 0x72, 0x74, 0x66], // {\rtf
];

/** True when the bytes start like an office document or an archive (what the reader recognises). */
export function looksLikeOffice(bytes: Uint8Array): boolean {
  return SIGNATURES.some((sig) => bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b));
}
