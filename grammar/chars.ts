// Space and trimming by code unit, shared by the grammar's character-level readers and the model (which re-exports
// them from server/src/model/text.ts).
import { pageLineEnd, pageLineStart } from './page.js';

/**
 * True for the code unit of a space of any width: what `\s` matches (which is also what `String.prototype.trim`
 * removes), and the zero-width space.
 */
export function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0xfeff ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f
  );
}

/** True for what `String.prototype.trim` removes (every `isSpaceCode` but the zero-width space). */
export function isTrimCode(code: number): boolean {
  return code !== 0x200b && isSpaceCode(code);
}

/**
 * Narrows [start, end) of `text` to exclude surrounding spaces, and a page number alone on a line at either end with
 * them (`（牵头单位：` / `— 3 —` / `市生态环境局`: the value opens after the footer a PDF's text kept).
 */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  for (;;) {
    while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
    const after = start < end ? pageLineEnd(text, start, end) : -1;
    if (after < 0) break;
    start = after;
  }
  for (;;) {
    while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
    const before = end > start ? pageLineStart(text, end, start) : -1;
    if (before < 0) break;
    end = before;
  }
  return { start, end };
}
