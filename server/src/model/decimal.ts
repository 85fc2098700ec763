// Decimal markers (`1.1`, `2.3.1`, `１．２`, `2.1、`): their numbers, where each is written, and the markers under one that write its number.
import { parseArabic, parseDecimal } from '../../../grammar/numerals.js';
import type { Marker, Section, Span } from './types.js';

/** ASCII digits as full-width ones (`12` → `１２`). */
const fullWidth = (digits: string) => digits.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** Is `marker` a decimal one (`1.1`, `2.3.1`, `１．２`, `2.1、`)? */
export const isDecimal = (marker: Marker): boolean => marker.style === 'decimal';

/** A decimal marker's leading numbers, as a key (`2.3.1` → `2.3`). */
export function decimalPrefix(marker: Marker): string {
  const parts = parseDecimal(marker.text);
  parts.pop();
  return parts.join('.');
}

/** Where each number of a decimal marker stands in the text (`2.3.1`: three spans), outermost first. */
export function decimalSpans(marker: Marker): Span[] {
  const spans: Span[] = [];
  const { text } = marker;
  for (let i = 0; i < text.length; ) {
    if (!/[0-9０-９]/.test(text[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && /[0-9０-９]/.test(text[j]!)) j++;
    spans.push({ start: marker.span.start + i, end: marker.span.start + j });
    i = j;
  }
  return spans;
}

/**
 * Where the decimal markers under `s` (its decimal descendants, through decimal markers) write its number: the number at
 * its own depth, when it is its number now (`2.2.1` under `2.2`: the second `2`). Renumbering `s` renumbers these with
 * it. Empty for a marker that is not decimal; reads the sections under `s` (at most five levels).
 */
export function carriedSpans(s: Section): Span[] {
  if (!isDecimal(s.marker)) return [];
  const depth = decimalSpans(s.marker).length;
  const out: Span[] = [];
  const walk = (up: Section) => {
    for (const child of up.children) {
      if (!isDecimal(child.marker)) continue;
      const spans = decimalSpans(child.marker);
      const at = spans[depth - 1];
      if (spans.length <= depth || at === undefined) continue;
      const written = child.marker.text.slice(at.start - child.marker.span.start, at.end - child.marker.span.start);
      if (parseArabic(written) !== s.marker.value) continue;
      out.push(at);
      walk(child);
    }
  };
  walk(s);
  return out;
}

/** `value` written in the width of the digits at `span` of `text` (`２` → `３`, `2` → `3`). */
export function digitsLike(text: string, span: Span, value: number): string {
  return /[０-９]/.test(text.slice(span.start, span.end)) ? fullWidth(String(value)) : String(value);
}

/** `marker`, a decimal one, written with `leading` for its leading numbers (`1.2` with [2] → `2.2`), in its own digits. */
export function decimalWithLeading(marker: Marker, leading: readonly number[]): string {
  const text = marker.text;
  const from = decimalSpans(marker).pop()!.start - marker.span.start;
  const full = /[０-９]/.test(text);
  const dot = /．/.test(text.slice(0, from)) ? '．' : '.';
  const numbers = leading.map((n) => (full ? fullWidth(String(n)) : String(n))).join(dot);
  return numbers + dot + text.slice(from);
}
