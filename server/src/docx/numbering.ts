// Word's automatic numbering (numbering.xml): list definitions, counters, and the label text Word shows (`一、` `（一）` `1.` `（1）` `①`).
import type { Element } from '@xmldom/xmldom';
import { attr, child, children } from './xml.js';

/** One level of a list definition (`w:lvl`). */
interface Level {
  start: number;
  format: string;
  text: string;
  /** `w:lvlRestart`: restart after a level shallower than this (1-based) is used; 0 never; undefined after any shallower level. */
  restart?: number;
  /** `w:isLgl`: every counter in the label as a decimal. */
  legal: boolean;
  /** What follows the label: `tab` (default), `space` or `nothing`. */
  suffix: string;
  /** `w:pStyle`: the paragraph style bound to this level. */
  style?: string;
}

/** A list instance (`w:num`): its definition, and levels the instance overrides. */
interface NumInstance {
  abstractId: string;
  starts: Map<number, number>;
  levels: Map<number, Level>;
}

const CHINESE_DIGITS = '〇一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const TRAD_LEGAL_DIGITS = '零壹貳參肆伍陸柒捌玖';

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五, up to 9999; larger values digit by digit. */
function chineseCount(n: number, digits: string, units: readonly string[], tenAlone: boolean): string {
  if (n <= 0) return digits[0]!;
  if (n >= 10000) return String(n).split('').map((d) => digits[Number(d)]).join('');
  const parts = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = '';
  let zero = false;
  for (let i = 0; i < 4; i++) {
    const d = parts[i]!;
    const unit = units[3 - i]!;
    if (d === 0) {
      if (out !== '') zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    // 十一, not 一十一, when ten is the leading unit.
    out += tenAlone && i === 2 && d === 1 && out === '' ? unit : digits[d]! + unit;
  }
  return out;
}

const CN_UNITS = ['', '十', '百', '千'] as const;
const LEGAL_UNITS = ['', '拾', '佰', '仟'] as const;

function letters(n: number, upper: boolean): string {
  // Word writes A…Z, AA…ZZ, AAA…; past a few rounds (a damaged w:start) the number itself says more.
  if (n <= 0 || n > 26 * 8) return String(n);
  const k = (n - 1) % 26;
  const repeat = Math.floor((n - 1) / 26) + 1;
  const ch = String.fromCharCode((upper ? 65 : 97) + k);
  return ch.repeat(repeat);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

/** A counter in a `w:numFmt`, as Word shows it; formats not known here fall back to decimal. */
export function formatCounter(n: number, format: string): string {
  switch (format) {
    case 'none':
      return '';
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalZero3':
    case 'decimalZero4':
    case 'decimalZero5':
      return String(n).padStart(Number(format.slice(-1)), '0');
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      // ①–⑳, then ㉑–㉟ and ㊱–㊿; Word shows the number itself beyond.
      if (n >= 1 && n <= 20) return String.fromCharCode(0x2460 + n - 1);
      if (n >= 21 && n <= 35) return String.fromCharCode(0x3251 + n - 21);
      if (n >= 36 && n <= 50) return String.fromCharCode(0x32b1 + n - 36);
      return String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 10 ? String.fromCharCode(0x3280 + n - 1) : String(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return chineseCount(n, CHINESE_DIGITS, CN_UNITS, true);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).split('').map((d) => CHINESE_DIGITS[Number(d)]).join('');
    case 'chineseLegalSimplified':
      return chineseCount(n, LEGAL_DIGITS, LEGAL_UNITS, false);
    case 'ideographLegalTraditional':
    case 'japaneseLegal':
      return chineseCount(n, TRAD_LEGAL_DIGITS, LEGAL_UNITS, false);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? '甲乙丙丁戊己庚辛壬癸'[n - 1]! : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? '子丑寅卯辰巳午未申酉戌亥'[n - 1]! : String(n);
    case 'upperLetter':
      return letters(n, true);
    case 'lowerLetter':
      return letters(n, false);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'ordinal': {
      const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
      return `${n}${s}`;
    }
    default:
      return String(n);
  }
}

/** Symbol-font bullets (private-use code points) as the characters they draw. */
const SYMBOL_BULLETS: Record<number, string> = { 0xf0b7: '•', 0xf0a7: '▪', 0xf0d8: '➢', 0xf076: '❖', 0xf0fc: '✓', 0xf06e: '■', 0xf0a8: '◆', 0xf06c: '●' };

function bulletText(text: string): string {
  return text.replace(/[\uf000-\uf0ff]/g, (c) => SYMBOL_BULLETS[c.charCodeAt(0)] ?? '•');
}

/**
 * A level's number format. Word 2010 and later write a custom format (`001, 002, 003, ...`) inside
 * `mc:AlternateContent`, with a standard one as the fallback: zero-padded decimals are read, anything
 * else takes the fallback.
 */
function numberFormat(lvl: Element): string | null {
  const direct = attr(child(lvl, 'numFmt'), 'val');
  if (direct !== null) return direct;
  const alternate = child(lvl, 'AlternateContent');
  const custom = child(child(alternate, 'Choice'), 'numFmt');
  const pattern = attr(custom, 'format');
  if (attr(custom, 'val') === 'custom' && pattern !== null) {
    const zeros = /^(0+)1\b/.exec(pattern.trim());
    if (zeros) return `decimalZero${zeros[1]!.length + 1}`;
  }
  return attr(child(child(alternate, 'Fallback'), 'numFmt'), 'val');
}

function readLevel(lvl: Element, base?: Level): Level {
  const start = attr(child(lvl, 'start'), 'val');
  const format = numberFormat(lvl);
  const text = attr(child(lvl, 'lvlText'), 'val');
  const restart = attr(child(lvl, 'lvlRestart'), 'val');
  const legal = child(lvl, 'isLgl');
  const suffix = attr(child(lvl, 'suff'), 'val');
  const style = attr(child(lvl, 'pStyle'), 'val');
  const level: Level = {
    start: start !== null && /^-?\d+$/.test(start) ? Number(start) : (base?.start ?? 0),
    format: format ?? base?.format ?? 'decimal',
    text: text ?? base?.text ?? '',
    legal: legal !== null ? attr(legal, 'val') !== '0' && attr(legal, 'val') !== 'false' : (base?.legal ?? false),
    suffix: suffix ?? base?.suffix ?? 'tab',
  };
  const r = restart !== null && /^\d+$/.test(restart) ? Number(restart) : base?.restart;
  if (r !== undefined) level.restart = r;
  const s = style ?? base?.style;
  if (s !== undefined) level.style = s;
  return level;
}

/**
 * The lists of one document and their counters while its paragraphs are read in order. Counters belong
 * to the list definition (`w:abstractNum`): instances of one definition continue each other's numbers,
 * as Word does, unless an instance restarts a level (`w:lvlOverride/w:startOverride`).
 */
export class Numbering {
  private readonly abstracts = new Map<string, Level[]>();
  private readonly instances = new Map<string, NumInstance>();
  private readonly counters = new Map<string, Array<number | undefined>>();
  private readonly started = new Set<string>();

  /** Reads numbering.xml (null: the document has no lists); `numberingStyle` maps a numbering style id to its `w:numId`. */
  constructor(root: Element | null, numberingStyle: (styleId: string) => string | null = () => null) {
    if (!root) return;
    const links = new Map<string, string>();
    for (const a of children(root, 'abstractNum')) {
      const id = attr(a, 'abstractNumId');
      if (id === null) continue;
      const levels: Level[] = [];
      for (const lvl of children(a, 'lvl')) {
        const ilvl = Number(attr(lvl, 'ilvl') ?? '0');
        if (ilvl >= 0 && ilvl <= 8) levels[ilvl] = readLevel(lvl);
      }
      this.abstracts.set(id, levels);
      const link = attr(child(a, 'numStyleLink'), 'val');
      if (link !== null) links.set(id, link);
    }
    for (const n of children(root, 'num')) {
      const id = attr(n, 'numId');
      const abstractId = attr(child(n, 'abstractNumId'), 'val');
      if (id === null || abstractId === null) continue;
      const instance: NumInstance = { abstractId, starts: new Map(), levels: new Map() };
      for (const o of children(n, 'lvlOverride')) {
        const ilvl = Number(attr(o, 'ilvl') ?? '0');
        const start = attr(child(o, 'startOverride'), 'val');
        if (start !== null && /^-?\d+$/.test(start)) instance.starts.set(ilvl, Number(start));
        const lvl = child(o, 'lvl');
        if (lvl) instance.levels.set(ilvl, readLevel(lvl));
      }
      this.instances.set(id, instance);
    }
    // A definition that only links to a numbering style (`w:numStyleLink`) takes the levels of the list that style names.
    for (const [id, styleId] of links) {
      const numId = numberingStyle(styleId);
      const target = numId !== null ? this.instances.get(numId) : undefined;
      const levels = target ? this.abstracts.get(target.abstractId) : undefined;
      if (levels && levels.length > 0 && target!.abstractId !== id) {
        this.abstracts.set(id, levels);
        // Both definitions then count together, as one list.
        for (const inst of this.instances.values()) if (inst.abstractId === id) inst.abstractId = target!.abstractId;
      }
    }
  }

  /** The level of list `numId` bound to paragraph style `styleId` (`w:lvl/w:pStyle`), or null. */
  levelOfStyle(numId: string, styleId: string): number | null {
    const instance = this.instances.get(numId);
    const levels = instance ? this.abstracts.get(instance.abstractId) : undefined;
    if (!levels) return null;
    const i = levels.findIndex((l) => l?.style === styleId);
    return i >= 0 ? i : null;
  }

  private level(instance: NumInstance, ilvl: number): Level | undefined {
    return instance.levels.get(ilvl) ?? this.abstracts.get(instance.abstractId)?.[ilvl];
  }

  /**
   * Counts a paragraph of list `numId` at level `ilvl` and returns the label Word shows before its text
   * (with the space that follows it), or '' when the paragraph is not numbered.
   */
  next(numId: string, ilvl: number): string {
    const instance = this.instances.get(numId);
    if (!instance || ilvl < 0 || ilvl > 8) return '';
    const level = this.level(instance, ilvl);
    if (!level) return '';
    let counts = this.counters.get(instance.abstractId);
    if (!counts) this.counters.set(instance.abstractId, (counts = []));
    if (!this.started.has(numId)) {
      this.started.add(numId);
      // An instance that restarts a level does so where it is first used.
      for (const [k, start] of instance.starts) counts[k] = start - 1;
    }
    const current = counts[ilvl];
    counts[ilvl] = current === undefined ? level.start : current + 1;
    for (let k = ilvl + 1; k <= 8; k++) {
      const deeper = this.level(instance, k);
      const restart = deeper?.restart;
      if (restart === undefined || (restart > 0 && ilvl < restart)) counts[k] = undefined;
    }
    if (level.format === 'bullet') return withSuffix(bulletText(level.text), level.suffix);
    const label = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const lv = this.level(instance, k);
      if (!lv) return '';
      const value = counts![k] ?? lv.start;
      return formatCounter(value, level.legal && k < ilvl ? 'decimal' : lv.format);
    });
    return withSuffix(label, level.suffix);
  }
}

/**
 * The label and what follows it. Word draws a tab (or a space) after the label; a plan's own text has the
 * title straight after a marker that ends in punctuation (`一、` `（一）` `1.`), so nothing is added there and a
 * Word-numbered `一、` reads as a hand-typed one does; a label without punctuation (`第一章`, a bullet) gets one space.
 */
function withSuffix(label: string, suffix: string): string {
  if (label === '' || suffix === 'nothing') return label;
  return /[\p{P}\s]$/u.test(label) ? label : `${label} `;
}
