// What a file met in a folder is: a plan to lint, or a file passed over and why (folder discovery); which names are
// candidates is `text/file-names.ts`, and whether a text is a plan is the model's one decision (model/kind.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locale } from '../lint/types.js';
import { decideKind, type KindDecision } from '../model/kind.js';
import { describeKind } from '../model/kind-words.js';
import type { DocumentKind } from '../model/types.js';
import { fsPath } from './byte-paths.js';
import { readDocxFile } from './docx.js';
import { decodeText, type DecodeResult } from '../text/encoding.js';
import { hasPlanExtension, hasTextExtension, isWordName } from '../text/file-names.js';

export { hasPlanExtension, PLAN_EXTENSIONS } from '../text/file-names.js';

/** How many leading bytes of a text file are read to decide what it is (`decideKind` reads ~30,000 characters). */
export const HEAD_BYTES = 32 * 1024;

/**
 * Why a file was not linted, as a stable code (the JSON `skipReason`): not a plan (`report`, `other`, `no-evidence`:
 * the text shows nothing either way), `binary`, `word` (a .doc / .wps document, or a .docx that cannot be read), `encoding` (not UTF-8,
 * UTF-16 with a BOM nor GB18030), `too-large`, `unreadable`, `link` (`--fix` does not write through a link found in a
 * folder to a file outside it).
 */
export type SkipReason = 'report' | 'other' | 'no-evidence' | 'binary' | 'word' | 'encoding' | 'too-large' | 'unreadable' | 'link';

/** Reasons that mean "read, and not a plan". */
export const NOT_A_PLAN: ReadonlySet<SkipReason> = new Set<SkipReason>(['report', 'other', 'no-evidence']);

/** A file not linted: why, as a code and in both languages. */
export interface Skip {
  plan: false;
  reason: SkipReason;
  zh: string;
  en: string;
}

/** What a file is: a plan (how it was known), a file skipped, or no candidate at all (null). */
export type FileClass = { plan: true; by: 'name' | 'config' | 'content' } | Skip | null;

/**
 * Decodes the first bytes of a file. When `truncated` (the file goes on), the cut may fall inside a character:
 * shorter cuts are tried, and any cut that reads as UTF-8 or UTF-16 is preferred to GB18030 (which reads
 * almost any bytes, so a UTF-8 head cut mid-character would otherwise pass for it).
 */
export function decodeHead(bytes: Uint8Array, truncated: boolean, encoding?: string): DecodeResult {
  if (!truncated) return decodeText(bytes, encoding);
  let first: DecodeResult | undefined;
  let gb: DecodeResult | undefined;
  for (let cut = 0; cut < 4 && cut < bytes.length; cut++) {
    const decoded = decodeText(bytes.subarray(0, bytes.length - cut), encoding);
    first ??= decoded;
    if ('binary' in decoded) return decoded;
    if ('text' in decoded) {
      if (decoded.encoding !== 'gb18030' || encoding !== undefined) return decoded;
      gb ??= decoded;
    }
  }
  return gb ?? first ?? decodeText(bytes, encoding);
}

/** Reads and decodes the head of a file (at most `HEAD_BYTES`). */
export function readHead(abs: string, encoding?: string): DecodeResult | { unreadable: string } {
  let fd: number | undefined;
  try {
    fd = fs.openSync(fsPath(abs), 'r');
    const buf = Buffer.alloc(HEAD_BYTES + 1);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return decodeHead(buf.subarray(0, Math.min(n, HEAD_BYTES)), n > HEAD_BYTES, encoding);
  } catch (e) {
    return { unreadable: (e as NodeJS.ErrnoException).code ?? String(e) };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Why a text that is not a plan was skipped, from its decision. */
function notAPlan(decision: KindDecision): Skip {
  const reason: SkipReason = decision.kind === 'plan' ? 'no-evidence' : decision.kind;
  if (reason === 'no-evidence') {
    return { plan: false, reason, zh: '不是方案：没有判断依据（无方案标题，也没有分配任务）', en: 'not a plan: no evidence either way (no plan title, no work assigned)' };
  }
  return { plan: false, reason, zh: describeKind(decision, 'zh-CN'), en: describeKind(decision, 'en') };
}

/** A .doc or .wps document, skipped: planlint reads Word documents saved as .docx only. */
export const WORD: Skip = {
  plan: false,
  reason: 'word',
  zh: 'Word 97-2003 或 WPS 文档（.doc / .wps），planlint 不能直接读取：请另存为 .docx',
  en: 'a Word 97-2003 or WPS document (.doc / .wps), which planlint cannot read: save it as .docx',
};

/** What to know about a file met in a folder. */
export interface ClassifyOptions {
  /** `--encoding`: decode in this encoding instead of detecting. */
  encoding?: string;
  /** The configuration's `kind` for this file (it wins over the content), or null. */
  kind?: DocumentKind | null;
  /** The configuration's `files` patterns name this file. */
  configured?: boolean;
}

/**
 * What a file met in a folder is. `.plan` names and the configuration's `files` are plans whatever their content;
 * `.txt`, `.md`, `.text` files are plans when their first ~30 KB read as one on positive evidence (`decideKind`,
 * with the configuration's `kind`), and `.docx` documents when the text Word shows does; `.doc` and `.wps` are
 * skipped (`word`); any other file is no candidate (null).
 */
export function classifyFile(abs: string, options: ClassifyOptions = {}): FileClass {
  const name = path.basename(abs);
  if (hasPlanExtension(name)) return { plan: true, by: 'name' };
  if (options.configured) return { plan: true, by: 'config' };
  if (name.toLowerCase().endsWith('.docx')) {
    // The text Word shows, decided as for a text file.
    const read = readDocxFile(abs);
    if (read === null) return { plan: false, reason: 'binary', zh: '不是 Word 文档（.docx），也不是文本文件', en: 'neither a Word document (.docx) nor a text file' };
    if ('error' in read) return { plan: false, reason: 'word', zh: read.error, en: read.errorEn };
    const decision = decideKind(read.text, options.kind ?? null);
    return decision.kind === 'plan' && decision.positive ? { plan: true, by: 'content' } : notAPlan(decision);
  }
  if (isWordName(name)) return WORD;
  if (!hasTextExtension(name)) return null;
  const head = readHead(abs, options.encoding);
  if ('unreadable' in head) return { plan: false, reason: 'unreadable', zh: `无法读取（${head.unreadable}）`, en: `cannot read (${head.unreadable})` };
  if ('binary' in head) return { plan: false, reason: 'binary', zh: head.reason, en: head.reasonEn };
  if ('error' in head) return { plan: false, reason: 'encoding', zh: head.error, en: head.errorEn };
  const decision = decideKind(head.text, options.kind ?? null);
  return decision.kind === 'plan' && decision.positive ? { plan: true, by: 'content' } : notAPlan(decision);
}

/** A skip reason's words in the reader's language. */
export function skipText(c: { zh: string; en: string }, locale: Locale): string {
  return locale === 'en' ? c.en : c.zh;
}
