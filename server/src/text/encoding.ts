// Decoding the bytes of a plan file (UTF-8, UTF-16 with BOM, GB18030/GBK) and encoding fixed text back the same way.
import { TextDecoder, TextEncoder } from 'node:util';

/** The encodings planlint reads and writes. GBK and GB2312 are read and written as GB18030, their superset. */
export type EncodingName = 'utf8' | 'utf16le' | 'utf16be' | 'gb18030';

/** Text read from bytes, with how it was encoded, so that `--fix` can write it back alike. */
export interface DecodedText {
  text: string;
  encoding: EncodingName;
  /** The bytes began with a byte-order mark (not part of `text`). */
  bom: boolean;
}

/** The bytes look like a binary file; `reason` is zh-CN, `reasonEn` English. */
export interface BinaryContent {
  binary: true;
  reason: string;
  reasonEn: string;
}

/** The bytes cannot be read in the encoding given or detected; `error` is zh-CN, `errorEn` English. */
export interface DecodeError {
  error: string;
  errorEn: string;
}

/** What `decodeText` returns. */
export type DecodeResult = DecodedText | BinaryContent | DecodeError;

/** Names accepted by `--encoding` (case-insensitive). */
export const ENCODING_ALIASES: ReadonlyMap<string, EncodingName> = new Map<string, EncodingName>([
  ['utf8', 'utf8'],
  ['utf-8', 'utf8'],
  ['utf16le', 'utf16le'],
  ['utf-16le', 'utf16le'],
  ['utf16be', 'utf16be'],
  ['utf-16be', 'utf16be'],
  ['gb18030', 'gb18030'],
  ['gbk', 'gb18030'],
  ['gb2312', 'gb18030'],
  ['cp936', 'gb18030'],
]);

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];
const GB18030_BOM = [0x84, 0x31, 0x95, 0x33]; // U+FEFF in GB18030
const BOMS: Record<EncodingName, number[]> = { utf8: UTF8_BOM, utf16le: UTF16LE_BOM, utf16be: UTF16BE_BOM, gb18030: GB18030_BOM };

/** How many leading bytes are sniffed for binary content. */
const SNIFF_BYTES = 8192;
/** More than this share of control bytes in the sniffed part means binary. */
const CONTROL_SHARE = 0.1;

// Decoders are reusable: a non-streaming decode() starts afresh. `ignoreBOM` keeps the BOM in the
// output so that we decide about it ourselves.
const decoders: Record<EncodingName, TextDecoder> = {
  utf8: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }),
  utf16le: new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }),
  utf16be: new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true }),
  gb18030: new TextDecoder('gb18030', { fatal: true }),
};

const LABELS: Record<EncodingName, string> = { utf8: 'UTF-8', utf16le: 'UTF-16LE', utf16be: 'UTF-16BE', gb18030: 'GB18030' };

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** Why the first bytes look binary, or null: a NUL byte, or too many control bytes. */
function sniffBinary(bytes: Uint8Array): BinaryContent | null {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) {
      return {
        binary: true,
        reason: `二进制文件：第 ${i} 字节为 NUL（若是无 BOM 的 UTF-16 文本，请用 --encoding utf16le）`,
        reasonEn: `binary file: NUL byte at offset ${i} (for UTF-16 text without a BOM, use --encoding utf16le)`,
      };
    }
    // Tab, LF, FF, CR and ESC occur in text; other C0 controls and DEL do not.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) control++;
  }
  if (n > 0 && control / n > CONTROL_SHARE) {
    const pct = Math.round((100 * control) / n);
    return { binary: true, reason: `二进制文件：开头 ${n} 字节中 ${pct}% 是控制字符`, reasonEn: `binary file: ${pct}% of the first ${n} bytes are control bytes` };
  }
  return null;
}

/** The offset of the first byte that breaks UTF-8, or -1. Used only to explain a failure. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Decodes in one encoding, taking off its BOM; a fatal decoder turns any bad byte into an error. */
function decodeAs(bytes: Uint8Array, encoding: EncodingName): DecodedText | DecodeError {
  const bom = startsWith(bytes, BOMS[encoding]);
  const body = bom ? bytes.subarray(BOMS[encoding].length) : bytes;
  try {
    return { text: decoders[encoding].decode(body), encoding, bom };
  } catch {
    let at = '';
    let atEn = '';
    if (encoding === 'utf8') {
      const off = firstInvalidUtf8(body);
      if (off >= 0) {
        at = `（第 ${off + (bom ? 3 : 0)} 字节）`;
        atEn = ` (at byte ${off + (bom ? 3 : 0)})`;
      }
    } else if (encoding !== 'gb18030' && body.length % 2 === 1) {
      at = '（字节数为奇数）';
      atEn = ' (odd number of bytes)';
    }
    return { error: `不是有效的 ${LABELS[encoding]} 文本${at}`, errorEn: `not valid ${LABELS[encoding]} text${atEn}` };
  }
}

/**
 * Decodes the bytes of a plan file. With `forced` (`--encoding`: utf8, utf-8, utf16le, utf16be, gb18030,
 * gbk, gb2312), decodes in that encoding (its BOM, if present, is taken off). Otherwise detects:
 * a UTF-8, UTF-16LE or UTF-16BE BOM; then binary content (a NUL byte, or over 10% control bytes, in the
 * first 8 KB); then valid UTF-8; then GB18030 (which also reads GBK and GB2312). Never throws.
 */
export function decodeText(bytes: Uint8Array, forced?: string): DecodeResult {
  if (forced !== undefined) {
    const encoding = ENCODING_ALIASES.get(forced.trim().toLowerCase());
    if (!encoding) {
      const known = [...ENCODING_ALIASES.keys()].join(', ');
      return { error: `未知编码“${forced}”，可用：${known}`, errorEn: `unknown encoding "${forced}"; use one of ${known}` };
    }
    // UTF-16 text is full of NUL bytes; the sniff is only meaningful for the byte-oriented encodings.
    if (encoding === 'utf8' || encoding === 'gb18030') {
      const binary = sniffBinary(bytes);
      if (binary) return binary;
    }
    return decodeAs(bytes, encoding);
  }
  if (startsWith(bytes, UTF8_BOM)) return decodeAs(bytes, 'utf8');
  if (startsWith(bytes, UTF16LE_BOM)) return decodeAs(bytes, 'utf16le');
  if (startsWith(bytes, UTF16BE_BOM)) return decodeAs(bytes, 'utf16be');
  const binary = sniffBinary(bytes);
  if (binary) return binary;
  const utf8 = decodeAs(bytes, 'utf8');
  if ('text' in utf8) return utf8;
  const gb = decodeAs(bytes, 'gb18030');
  if ('text' in gb) return gb;
  return { error: '既不是 UTF-8 也不是 GB18030 文本，请用 --encoding 指定编码', errorEn: 'neither UTF-8 nor GB18030 text; name the encoding with --encoding' };
}

/**
 * Encodes text in the file's own encoding, with its BOM when it had one, to write `--fix` output back.
 * A lone surrogate becomes U+FFFD (UTF-8, GB18030); a character GB18030 cannot hold becomes `?`.
 */
export function encodeText(text: string, encoding: EncodingName, bom: boolean): Uint8Array {
  switch (encoding) {
    case 'utf8': {
      const body = new TextEncoder().encode(text);
      return bom ? concat(UTF8_BOM, body) : body;
    }
    case 'utf16le':
    case 'utf16be': {
      const off = bom ? 2 : 0;
      const out = new Uint8Array(off + text.length * 2);
      if (bom) out.set(BOMS[encoding]);
      const le = encoding === 'utf16le';
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        out[off + 2 * i] = le ? c & 0xff : c >> 8;
        out[off + 2 * i + 1] = le ? c >> 8 : c & 0xff;
      }
      return out;
    }
    case 'gb18030':
      return encodeGb18030(text, bom);
  }
}

function concat(head: readonly number[], body: Uint8Array): Uint8Array {
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

// ---------------------------------------------------------------------------------------------
// GB18030 encoder. Node ships a GB18030 decoder but no encoder; the table is built once, lazily,
// by decoding every two-byte and every BMP four-byte code with that same decoder, so that text
// read from a file encodes back to the very bytes it came from.
// ---------------------------------------------------------------------------------------------

/** BMP code unit → its code: 0 none, ≤ 0xFFFF two bytes (lead << 8 | trail), else four bytes packed. */
let gbTable: Uint32Array | null = null;

/** The four-byte pointer of U+FFFD (bytes 84 31 A4 37). */
const FFFD_POINTER = 39417;

/** The four bytes of a GB18030 four-byte pointer (WHATWG Encoding: index gb18030 ranges). */
function fourBytes(pointer: number): number {
  const b1 = Math.floor(pointer / 12600) + 0x81;
  const b2 = Math.floor((pointer % 12600) / 1260) + 0x30;
  const b3 = Math.floor((pointer % 1260) / 10) + 0x81;
  const b4 = (pointer % 10) + 0x30;
  return ((b1 << 24) | (b2 << 16) | (b3 << 8) | b4) >>> 0;
}

function buildGbTable(): Uint32Array {
  const table = new Uint32Array(0x10000);
  const lenient = new TextDecoder('gb18030');
  // Two-byte codes, each followed by LF so that a code that fails cannot shift the ones after it.
  const codes: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) codes.push((lead << 8) | trail);
  }
  const two = new Uint8Array(codes.length * 3);
  codes.forEach((c, i) => {
    two[3 * i] = c >> 8;
    two[3 * i + 1] = c & 0xff;
    two[3 * i + 2] = 0x0a;
  });
  lenient.decode(two).split('\n').forEach((s, i) => {
    if (i < codes.length && s.length === 1 && s !== '\ufffd' && table[s.charCodeAt(0)] === 0) table[s.charCodeAt(0)] = codes[i];
  });
  // Four-byte codes of the BMP: pointers 0 … 39419.
  const fourCount = 39420;
  const four = new Uint8Array(fourCount * 5);
  for (let p = 0; p < fourCount; p++) {
    const v = fourBytes(p);
    four[5 * p] = v >>> 24;
    four[5 * p + 1] = (v >>> 16) & 0xff;
    four[5 * p + 2] = (v >>> 8) & 0xff;
    four[5 * p + 3] = v & 0xff;
    four[5 * p + 4] = 0x0a;
  }
  lenient.decode(four).split('\n').forEach((s, p) => {
    if (p < fourCount && s.length === 1 && s !== '\ufffd' && table[s.charCodeAt(0)] === 0) table[s.charCodeAt(0)] = fourBytes(p);
  });
  // U+FFFD has a code of its own, which the `s !== '\ufffd'` test above cannot tell from a failure.
  table[0xfffd] = fourBytes(FFFD_POINTER);
  return table;
}

function encodeGb18030(text: string, bom: boolean): Uint8Array {
  const table = (gbTable ??= buildGbTable());
  const out = new Uint8Array((bom ? 4 : 0) + text.length * 4);
  let n = 0;
  if (bom) for (const b of GB18030_BOM) out[n++] = b;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    let code: number;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      const cp = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00);
      i++;
      code = fourBytes(189000 + cp - 0x10000);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // a lone surrogate
      code = table[c];
    }
    if (code === 0) out[n++] = 0x3f; // '?': no GB18030 code (cannot happen for text this module decoded)
    else if (code <= 0xffff) {
      out[n++] = code >> 8;
      out[n++] = code & 0xff;
    } else {
      out[n++] = code >>> 24;
      out[n++] = (code >>> 16) & 0xff;
      out[n++] = (code >>> 8) & 0xff;
      out[n++] = code & 0xff;
    }
  }
  return out.slice(0, n);
}
