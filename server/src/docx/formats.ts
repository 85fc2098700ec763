// Recognises office and archive formats from a file's first bytes, and says what to do with the ones planlint cannot read.
import { isZip, zipEntryNames } from './read.js';

/** The formats told apart here; `docx` is the one planlint reads. */
export type DocumentFormat = 'docx' | 'encrypted' | 'doc' | 'wps' | 'xls' | 'ppt' | 'pdf' | 'xlsx' | 'pptx' | 'odf' | 'ofd' | 'rtf' | 'zip';

/** `EncryptedPackage` in UTF-16LE: the stream that holds a password-protected Office file inside its container. */
const ENCRYPTED_PACKAGE = Array.from('EncryptedPackage').flatMap((c) => [c.charCodeAt(0), 0]);

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0]!;
  for (let i = bytes.indexOf(first); i >= 0 && i + needle.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < needle.length && bytes[i + k] === needle[k]) k++;
    if (k === needle.length) return true;
  }
  return false;
}

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

function ascii(bytes: Uint8Array, length: number): string {
  let s = '';
  for (let i = 0; i < Math.min(length, bytes.length); i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/**
 * The office or archive format of some bytes, or null for anything else (text, images…). The name only
 * tells apart the old binary formats, which share one container (Word 97–2003, WPS, Excel, PowerPoint).
 */
export function sniffFormat(bytes: Uint8Array, name: string): DocumentFormat | null {
  const ext = name.toLowerCase().replace(/^.*\./, '.');
  if (startsWith(bytes, CFB)) {
    // A .docx (or .xlsx) with an opening password is stored inside the old container, encrypted.
    if (contains(bytes, ENCRYPTED_PACKAGE)) return 'encrypted';
    if (ext === '.wps') return 'wps';
    if (ext === '.xls' || ext === '.et') return 'xls';
    if (ext === '.ppt' || ext === '.dps') return 'ppt';
    return 'doc';
  }
  const head = ascii(bytes, 8);
  if (head.startsWith('%PDF')) return 'pdf';
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (!isZip(bytes)) return null;
  const names = zipEntryNames(bytes) ?? [];
  const has = (re: RegExp): boolean => names.some((n) => re.test(n));
  if (has(/^word\/document\.xml$/) || has(/^\[Content_Types\]\.xml$/) && has(/^word\//)) return 'docx';
  if (has(/^xl\//)) return 'xlsx';
  if (has(/^ppt\//)) return 'pptx';
  if (has(/^OFD\.xml$/i)) return 'ofd';
  if (has(/^mimetype$/) && has(/^content\.xml$/)) return 'odf';
  return 'zip';
}

const NAMES: Record<Exclude<DocumentFormat, 'docx'>, { zh: string; en: string; save: boolean }> = {
  encrypted: { zh: '设置了打开密码的 Office 文档', en: 'an Office document protected by a password', save: true },
  doc: { zh: 'Word 97-2003 文档（.doc）', en: 'a Word 97-2003 document (.doc)', save: true },
  wps: { zh: 'WPS 文字文档（.wps）', en: 'a WPS Writer document (.wps)', save: true },
  rtf: { zh: 'RTF 文档', en: 'an RTF document', save: true },
  odf: { zh: 'OpenDocument 文档（.odt 等）', en: 'an OpenDocument file (.odt and the like)', save: true },
  pdf: { zh: 'PDF 文件', en: 'a PDF file', save: false },
  ofd: { zh: 'OFD 版式文件', en: 'an OFD file', save: false },
  xls: { zh: 'Excel 97-2003 工作簿（.xls）', en: 'an Excel 97-2003 workbook (.xls)', save: false },
  xlsx: { zh: 'Excel 工作簿（.xlsx）', en: 'an Excel workbook (.xlsx)', save: false },
  ppt: { zh: 'PowerPoint 97-2003 演示文稿（.ppt）', en: 'a PowerPoint 97-2003 presentation (.ppt)', save: false },
  pptx: { zh: 'PowerPoint 演示文稿（.pptx）', en: 'a PowerPoint presentation (.pptx)', save: false },
  zip: { zh: 'ZIP 压缩包', en: 'a ZIP archive', save: false },
};

/** Why a file of `format` is not read and what to do instead, in Chinese and English. */
export function unsupportedFormat(format: Exclude<DocumentFormat, 'docx'>): { zh: string; en: string } {
  const n = NAMES[format];
  if (format === 'encrypted') {
    return {
      zh: `这是${n.zh}，planlint 无法读取：请在 Word 或 WPS 中取消密码后另存为 .docx 再检查`,
      en: `this is ${n.en}, which planlint cannot read: remove the password in Word or WPS, save as .docx and check that`,
    };
  }
  if (n.save) {
    return {
      zh: `这是${n.zh}，planlint 不能直接读取：请在 Word 或 WPS 中“另存为” Word 文档（.docx）后再检查`,
      en: `this is ${n.en}, which planlint cannot read: save it as a Word document (.docx) in Word or WPS and check that`,
    };
  }
  if (format === 'pdf' || format === 'ofd') {
    return {
      zh: `这是${n.zh}，planlint 不能读取：请检查它的 Word 原稿（.docx），或把文字复制到 .txt 文件中再检查`,
      en: `this is ${n.en}, which planlint cannot read: check its Word original (.docx), or copy its text into a .txt file`,
    };
  }
  if (format === 'zip') {
    return { zh: `这是${n.zh}：请先解压，再检查其中的方案`, en: `this is ${n.en}: unpack it and check the plans inside` };
  }
  return {
    zh: `这是${n.zh}，不是方案文档：任务表请放进 Word 方案中（另存为 .docx），或复制为制表符分隔的文本再检查`,
    en: `this is ${n.en}, not a plan document: put the task table into the Word plan (saved as .docx), or copy it out as tab-separated text`,
  };
}
