// Chinese and full-width numerals: reading `三十三`, `一百四十`, `１２` as numbers.

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** Characters that can appear in a Chinese numeral. */
export const CHINESE_NUMERAL_CHARS = '零〇○一二两兩三四五六七八九十拾百佰千仟';

/** True when `ch` is one character of a Chinese numeral. */
export function isChineseNumeralChar(ch: string): boolean {
  return ch.length === 1 && CHINESE_NUMERAL_CHARS.includes(ch);
}

/**
 * The value of each numeral character by code unit: a digit 0–9, a unit 10 / 100 / 1000, -1 for any other
 * character (every numeral character is one code unit, so a surrogate is never one). Read once per character
 * by `parseChineseNumeral`, which the lexer calls at every marker candidate.
 */
const NUMERAL_VALUE = (() => {
  const table = new Int16Array(0x10000).fill(-1);
  for (const [ch, v] of Object.entries(DIGITS)) table[ch.charCodeAt(0)] = v;
  for (const [ch, v] of Object.entries(UNITS)) table[ch.charCodeAt(0)] = v;
  return table;
})();

/**
 * Reads a Chinese numeral such as `十二`, `三十三`, `一百四十`, `一百零五`, or digit by digit (`二〇二〇`).
 * Returns NaN when the text is not one.
 */
export function parseChineseNumeral(text: string): number {
  if (text.length === 0) return NaN;
  let hasUnit = false;
  for (let i = 0; i < text.length; i++) {
    const v = NUMERAL_VALUE[text.charCodeAt(i)]!;
    if (v < 0) return NaN;
    if (v >= 10) hasUnit = true;
  }
  if (!hasUnit) {
    // Positional (`二〇二〇`) or a single digit.
    let value = 0;
    for (let i = 0; i < text.length; i++) value = value * 10 + NUMERAL_VALUE[text.charCodeAt(i)]!;
    return value;
  }
  let total = 0;
  let pending = 0;
  let lastUnit = Infinity;
  for (let i = 0; i < text.length; i++) {
    const v = NUMERAL_VALUE[text.charCodeAt(i)]!;
    if (v < 10) {
      pending = v;
      continue;
    }
    if (v >= lastUnit) return NaN; // `十百` is not a number
    total += (pending === 0 ? 1 : pending) * v;
    pending = 0;
    lastUnit = v;
  }
  return total + pending;
}

/** Writes a number as a Chinese numeral (`12` → `十二`, `140` → `一百四十`), for renumbering fixes. */
export function formatChineseNumeral(value: number): string {
  const names = '零一二三四五六七八九';
  if (!Number.isInteger(value) || value < 0) return String(value);
  if (value < 10) return names[value]!;
  if (value < 20) return '十' + (value % 10 === 0 ? '' : names[value % 10]);
  if (value < 100) return names[Math.floor(value / 10)] + '十' + (value % 10 === 0 ? '' : names[value % 10]);
  if (value < 1000) {
    const hundreds = names[Math.floor(value / 100)] + '百';
    const rest = value % 100;
    if (rest === 0) return hundreds;
    if (rest < 10) return hundreds + '零' + names[rest];
    return hundreds + (rest < 20 ? '一' : '') + formatChineseNumeral(rest);
  }
  return String(value);
}

/** Folds full-width digits `０`–`９` to ASCII. */
export function foldDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** Reads ASCII or full-width digits; NaN otherwise. */
export function parseArabic(text: string): number {
  if (text.length === 0) return NaN;
  let fullWidth = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) fullWidth = true;
    else if (c < 0x30 || c > 0x39) return NaN;
  }
  return Number(fullWidth ? foldDigits(text) : text);
}

const CIRCLED_START = 0x2460; // ①

/** Reads a circled number `①`…`⑳`; NaN otherwise. */
export function parseCircled(ch: string): number {
  const code = ch.charCodeAt(0);
  return ch.length === 1 && code >= CIRCLED_START && code < CIRCLED_START + 20 ? code - CIRCLED_START + 1 : NaN;
}

/** Writes `n` as a circled number (1–20), else as digits. */
export function formatCircled(value: number): string {
  return value >= 1 && value <= 20 ? String.fromCharCode(CIRCLED_START + value - 1) : String(value);
}

/**
 * The numbers of a decimal marker, outermost first (`2.3.1` → [2, 3, 1], `１．２、` → [1, 2]): its runs of ASCII or
 * full-width digits; a stop after the last (`、` `．` `.`) is no number.
 */
export function parseDecimal(text: string): number[] {
  const parts: number[] = [];
  let n = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0xff10 && c <= 0xff19 ? c - 0xff10 : -1;
    if (digit >= 0) n = (n < 0 ? 0 : n * 10) + digit;
    else if (n >= 0) {
      parts.push(n);
      n = -1;
    }
  }
  if (n >= 0) parts.push(n);
  return parts;
}
