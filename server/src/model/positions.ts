// Offsets ↔ LSP positions (UTF-16 code units; `\r\n`, `\r` and `\n` end a line, as LSP says). The one converter.
import type { LineMap, Position, Range, Span } from './types.js';

/** Builds the line table of `text` once; lookups are binary searches. */
export function createLineMap(text: string): LineMap {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  const length = text.length;

  function positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - starts[low]! };
  }

  function offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= starts.length) return length;
    const start = starts[position.line]!;
    const next = position.line + 1 < starts.length ? starts[position.line + 1]! : length;
    // Stop before the line break, as LSP clamps a character past the end of its line.
    let lineEnd = next;
    if (position.line + 1 < starts.length) {
      lineEnd = text.charCodeAt(next - 1) === 10 && text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
    }
    return Math.max(start, Math.min(start + Math.max(0, position.character), lineEnd));
  }

  return {
    positionAt,
    offsetAt,
    rangeOf: (span: Span): Range => ({ start: positionAt(span.start), end: positionAt(span.end) }),
    get lineCount() {
      return starts.length;
    },
    lineStart: (line: number) => starts[Math.max(0, Math.min(line, starts.length - 1))]!,
  };
}
