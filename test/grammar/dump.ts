// Golden dumps of what the grammar reads: one line per block (paragraph or table row), then what the lexer set aside.
import { parseText, type IToken, type ParsedText } from '../../grammar/index.js';

/** 1-based `line:col` of an offset, columns in UTF-16 code units; `\r\n`, `\r` and `\n` end a line. */
function positionOf(lineStarts: number[], offset: number): string {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return `${low + 1}:${offset - lineStarts[low]! + 1}`;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') i++;
    if (c === '\r' || c === '\n') starts.push(i + 1);
  }
  return starts;
}

/** Makes an image readable on one line: control characters, odd spaces and lone surrogates as escapes. */
export function escapeImage(image: string): string {
  let out = '';
  for (let i = 0; i < image.length; i++) {
    const code = image.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && (image.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pair) {
      out += image[i]! + image[i + 1]!;
      i++;
    } else if (code === 0x09) out += '\\t';
    else if (code === 0x0a) out += '\\n';
    else if (code === 0x0d) out += '\\r';
    else if (code < 0x20 || code === 0xa0 || code === 0x3000 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) {
      out += '\\u' + code.toString(16).padStart(4, '0');
    } else out += image[i];
  }
  return out;
}

const tokenText = (t: IToken) => `${t.tokenType.name}:${escapeImage(t.image)}`;

/**
 * The golden dump of `text`: one line per block, `line:col kind marker | TokenName:image …` (1-based, UTF-16
 * columns; `-` when the block has no marker), then one line per comment and per noise token, then any error.
 */
export function dumpTokens(text: string, parsed: ParsedText = parseText(text)): string {
  const starts = lineStartsOf(text);
  const lines: string[] = [];
  for (const block of parsed.blocks) {
    const marker = block.marker ? tokenText(block.marker) : '-';
    const tokens = parsed.tokens.slice(block.first, block.last);
    lines.push(`${positionOf(starts, block.start)} ${block.kind} ${marker} | ${tokens.map(tokenText).join(' ')}`);
  }
  for (const [group, toks] of [['comment', parsed.comments], ['noise', parsed.noise]] as const) {
    for (const t of toks) lines.push(`${positionOf(starts, t.startOffset)} ${group} | ${tokenText(t)}`);
  }
  for (const e of parsed.errors) lines.push(`${positionOf(starts, e.offset)} error | ${escapeImage(e.message)}`);
  return lines.join('\n') + '\n';
}
