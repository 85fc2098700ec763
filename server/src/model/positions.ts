// Offsets ↔ LSP positions (UTF-16 code units; `\r\n`, `\r` and `\n` end a line, as LSP says). The one converter,
// and `Placed`, the base of every located model object, whose `range` is computed from its `span` when first read.
import { keepShape } from '../../../grammar/shapes.js';
import type { LineMap, Position, Range, Span } from './types.js';

/** The line table of one text: where each line starts. Lookups are binary searches. */
export class LineTable implements LineMap {
  readonly #text: string;
  /**
   * Where each line starts. A typed array (offsets fit in 32 bits: a string is shorter than 2^30), outside the
   * heap the collector copies, cut to its exact size once the lines are found.
   */
  readonly #starts: Uint32Array;

  constructor(text: string) {
    // Room for a line every 32 code units, doubled when short.
    let starts = new Uint32Array(16 + (text.length >> 5));
    let n = 1;
    const add = (start: number): void => {
      if (n === starts.length) {
        const wider = new Uint32Array(starts.length * 2);
        wider.set(starts);
        starts = wider;
      }
      starts[n++] = start;
    };
    if (!text.includes('\r')) {
      // Only `\n` ends lines: let the native search find them.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) add(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === 13 /* \r */) {
          if (text.charCodeAt(i + 1) === 10) i++;
          add(i + 1);
        } else if (code === 10 /* \n */) {
          add(i + 1);
        }
      }
    }
    this.#text = text;
    this.#starts = starts.slice(0, n);
  }

  get lineCount(): number {
    return this.#starts.length;
  }

  /** The zero-based line holding `offset` (clamped to the text). */
  lineAt(offset: number): number {
    const starts = this.#starts;
    const clamped = Math.max(0, Math.min(offset, this.#text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.#text.length));
    const line = this.lineAt(clamped);
    return { line, character: clamped - this.#starts[line]! };
  }

  offsetAt(position: Position): number {
    const starts = this.#starts;
    const text = this.#text;
    const length = text.length;
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

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  lineStart(line: number): number {
    const starts = this.#starts;
    return starts[Math.max(0, Math.min(line, starts.length - 1))]!;
  }
}

keepShape(new LineTable(''));

/** Builds the line table of `text` once. */
export function createLineMap(text: string): LineTable {
  return new LineTable(text);
}

/**
 * The base of every located model object (sections, tasks, units, deadlines…): it keeps the offsets (`span`) and
 * computes the LSP `range` from them through the document's one line table when `range` is first read, then keeps
 * it. Most ranges are never read (only what a client shows needs one), so a plan holds three objects fewer per
 * located thing. `toJSON` writes the range like an own property, so JSON output is unchanged; a structured clone
 * (worker messages) copies own properties only and leaves `range` behind: send copies of the values, as
 * `features/workspace-index.ts` does.
 */
export abstract class Placed {
  declare span: Span;
  /** The line table until `range` is first read, then the range. */
  #at: LineTable | Range;

  constructor(span: Span, lines: LineTable) {
    this.span = span;
    this.#at = lines;
  }

  get range(): Range {
    const at = this.#at;
    if (at instanceof LineTable) return (this.#at = at.rangeOf(this.span));
    return at;
  }

  set range(range: Range) {
    this.#at = range;
  }

  /** Own properties plus `range` (and, in subclasses, their other lazy ranges). */
  toJSON(): object {
    return { ...this, range: this.range };
  }
}
