// PL005 number-style: sibling markers written in different forms (`1.` beside `1、` or `１．`, `(一)` beside `（一）`, `1.1` beside `１．２` or `1.3、`); the siblings' majority form wins.
import type { Rule, RuleFix } from '../lint/rule.js';
import type { TextEdit } from '../lint/types.js';
import { numberSpan, siblingRuns } from '../model/numbering.js';
import type { Marker, MarkerStyle, Section } from '../model/types.js';

/** The form of a marker: its punctuation (the model's style) and, for Arabic numbers, the width of its digits. */
interface Form {
  style: MarkerStyle;
  width: 'half' | 'full' | 'mixed' | null;
  /** A decimal marker's dots and stop (`decimalShape`), '' for the others. */
  shape: string;
}

const OPEN: Partial<Record<MarkerStyle, string>> = { 'cn-paren-half': '(', 'cn-paren-full': '（', 'ar-paren-half': '(', 'ar-paren-full': '（' };
const CLOSE: Partial<Record<MarkerStyle, string>> = {
  'cn-paren-half': ')',
  'cn-paren-full': '）',
  'ar-paren-half': ')',
  'ar-paren-full': '）',
  'ar-close-half': ')',
  'ar-close-full': '）',
  'ar-dot': '.',
  'ar-fwdot': '．',
  'ar-dun': '、',
  'cn-dun': '、',
  'cn-fwdot': '．',
};

export const rule: Rule = {
  id: 'PL005',
  name: 'number-style',
  defaultSeverity: 'warning',
  tags: ['numbering'],
  fixable: 'safe',
  description: {
    'zh-CN':
      '同级编号写法不一致，如“1.”与“1、”“１．”混用，“(一)”与“（一）”混用，半角与全角数字混用，多级数字编号“1.1”与“１．２”“1.3、”混用。同级指同一上级下的同一层级编号；某一层级全文连续编号时，全文该级编号一并比较。以多数写法为准（数量相同时以第一项为准）；修复只改标点和数字宽度，不改编号数值',
    en: 'Sibling markers written in different forms: 1. beside 1、 or １．, (一) beside （一）, half-width beside full-width digits, decimal markers 1.1 beside １．２ or 1.3、. Siblings are the markers of one level under one parent, or of one level through the whole document when that level is numbered continuously. The majority form wins (on a tie, the first sibling\'s); the fix changes only the punctuation and digit width, never the number',
  },
  messages: {
    mixed: {
      'zh-CN': '编号“{found}”与同级编号“{example}”写法不一致，应改为“{expected}”',
      en: 'Marker "{found}" is written differently from its sibling "{example}"; change it to "{expected}"',
    },
    restyle: { 'zh-CN': '改为“{expected}”', en: 'Change to "{expected}"' },
  },
  check({ plan, report }) {
    for (const run of siblingRuns(plan)) {
      if (run.level > 5 || run.sections.length < 2 || uniform(run.sections)) continue;
      const keys = run.sections.map((s) => keyOf(formOf(s.marker)));
      const winner = majority(keys);
      if (winner === null) continue;
      const form = formOf(run.sections[keys.indexOf(winner)]!.marker);
      const target: Form = { style: form.style, width: form.width === 'mixed' ? 'half' : form.width, shape: form.shape };
      const nearest = nearestOfForm(keys, winner);
      run.sections.forEach((section, i) => {
        const edits = restyle(section.marker, target);
        if (edits === null || edits.length === 0) return;
        const expected = rewrite(section.marker, edits);
        const example = run.sections[nearest[i]!]?.marker.text ?? '';
        const fix: RuleFix = { messageId: 'restyle', data: { expected }, edits };
        report({ messageId: 'mixed', span: section.marker.span, data: { found: section.marker.text, example, expected }, fix });
      });
    }
  },
};

/** True when every sibling has the first one's punctuation and digit width (the common case, checked cheaply). */
function uniform(sections: readonly Section[]): boolean {
  const first = sections[0]!.marker;
  const width = digitWidth(first.text);
  for (const s of sections) if (s.marker.style !== first.style || digitWidth(s.marker.text) !== width) return false;
  if (first.style !== 'decimal') return true;
  const shape = decimalShape(first.text);
  return sections.every((s) => decimalShape(s.marker.text) === shape);
}

/** 1: ASCII digits only, 2: full-width only, 3: both, 0: none. */
function digitWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) width |= 1;
    else if (c >= 0xff10 && c <= 0xff19) width |= 2;
  }
  return width;
}

/**
 * A decimal marker's punctuation: the dot between its numbers (`.` or `．`; `*` when it writes both) and its stop after
 * the last (`、` `．` `.` or none), as `dot|stop`: `1.1` → `.|`, `１．２、` → `．|、`.
 */
function decimalShape(text: string): string {
  let end = text.length;
  while (end > 0 && !/[0-9０-９]/.test(text[end - 1]!)) end--;
  let dot = '';
  for (let i = 0; i < end; i++) {
    const c = text[i]!;
    if (c === '.' || c === '．') dot = dot === '' || dot === c ? c : '*';
  }
  return `${dot}|${text.slice(end)}`;
}

function formOf(marker: Marker): Form {
  const decimal = marker.style === 'decimal';
  if (marker.level !== 3 && marker.level !== 4 && !decimal) return { style: marker.style, width: null, shape: '' };
  // A decimal marker's width is that of all its numbers.
  const span = decimal ? { start: marker.span.start, end: marker.span.start + marker.text.length } : numberSpan(marker);
  const digits = marker.text.slice(span.start - marker.span.start, span.end - marker.span.start);
  const full = /[０-９]/.test(digits);
  const half = /[0-9]/.test(digits);
  return { style: marker.style, width: full && half ? 'mixed' : full ? 'full' : 'half', shape: decimal ? decimalShape(marker.text) : '' };
}

const keyOf = (form: Form) => `${form.style}|${form.width ?? ''}|${form.shape}`;

/** The most common form among the siblings; on a tie, the one met first. Null when all agree. */
function majority(keys: string[]): string | null {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  if (counts.size < 2) return null;
  let best: string | null = null;
  for (const [key, count] of counts) if (best === null || count > counts.get(best)!) best = key;
  return best;
}

/** For each sibling, the closest one written in the form `key` (the one before it on a tie). Linear. */
function nearestOfForm(keys: string[], key: string): number[] {
  const before: number[] = [];
  let last = -1;
  keys.forEach((k, i) => {
    before.push(last);
    if (k === key) last = i;
  });
  const out = new Array<number>(keys.length);
  let next = -1;
  for (let i = keys.length - 1; i >= 0; i--) {
    const b = before[i]!;
    out[i] = b < 0 ? next : next < 0 || i - b <= next - i ? b : next;
    if (keys[i] === key) next = i;
  }
  return out;
}

/**
 * The edits that write `marker` in the `target` form: its opening and closing punctuation and the
 * width of its digits, never its number. Null when the forms cannot be converted (different levels).
 */
function restyle(marker: Marker, target: Form): TextEdit[] | null {
  if (marker.style === 'decimal' || target.style === 'decimal') return marker.style === target.style ? restyleDecimal(marker, target) : null;
  const source = formOf(marker);
  const { start } = marker.span;
  const end = start + marker.text.length;
  const edits: TextEdit[] = [];
  const open = OPEN[target.style];
  const close = CLOSE[target.style];
  if ((OPEN[marker.style] === undefined) !== (open === undefined) || (CLOSE[marker.style] === undefined) !== (close === undefined)) return null;
  if (open !== undefined && marker.text[0] !== open) edits.push({ span: { start, end: start + 1 }, newText: open });
  if (target.width !== null && source.width !== target.width) {
    const span = numberSpan(marker);
    const digits = marker.text.slice(span.start - start, span.end - start);
    edits.push({ span, newText: target.width === 'full' ? toFull(digits) : toHalf(digits) });
  }
  if (close !== undefined && marker.text[marker.text.length - 1] !== close) edits.push({ span: { start: end - 1, end }, newText: close });
  return edits;
}

/**
 * The edit that writes the decimal `marker` in the `target` form: its numbers, in the target's width, joined by its dot
 * (`.` where the target writes both) and followed by its stop; none when it is written so already.
 */
function restyleDecimal(marker: Marker, target: Form): TextEdit[] {
  const [dot, stop] = target.shape.split('|') as [string, string];
  const numbers = marker.text.match(/[0-9０-９]+/g) ?? [];
  const width = (n: string) => (target.width === 'full' ? toFull(n) : target.width === 'half' ? toHalf(n) : n);
  const newText = numbers.map(width).join(dot === '*' || dot === '' ? '.' : dot) + stop;
  const span = { start: marker.span.start, end: marker.span.start + marker.text.length };
  return newText === marker.text || numbers.length < 2 ? [] : [{ span, newText }];
}

function rewrite(marker: Marker, edits: TextEdit[]): string {
  let text = marker.text;
  // Last edit first, so that the earlier offsets stay valid: `restyle` makes its edits in text order.
  for (let i = edits.length - 1; i >= 0; i--) {
    const edit = edits[i]!;
    const from = edit.span.start - marker.span.start;
    text = text.slice(0, from) + edit.newText + text.slice(from + edit.span.end - edit.span.start);
  }
  return text;
}

const toFull = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const toHalf = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
