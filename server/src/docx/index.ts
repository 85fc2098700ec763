// The Word reader as one module: what `load.ts` loads on first use (bundled apart as dist/docx.cjs).
export { readDocx, isZip, type DocxText, type DocxError } from './read.js';
export { sniffFormat, unsupportedFormat, type DocumentFormat } from './formats.js';
