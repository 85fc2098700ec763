// PL008 unit-unknown: a unit that the configured unit list names neither by its name nor by an alias (off until configured).
import { compileUserPattern } from '../lint/patterns.js';
import type { Rule, RuleFix } from '../lint/rule.js';
import { unitKey } from '../model/text.js';
import type { UnitMention } from '../model/types.js';
import { confusable, isAbbreviation, normalizeSuffix } from '../model/units.js';

/**
 * Collective names that stand for many units and are never in a unit list; the default of the
 * `ignorePatterns` option. Regular expressions, tested against the name as written and against its key
 * (half-width, simplified, no spaces).
 */
export const DEFAULT_IGNORE_PATTERNS: readonly string[] = Object.freeze([
  '各', // 各区县(市)人民政府, 各有关部门, 市级各部门, 市直各单位
  '相关', // 市直相关单位
  '有关', // 市级有关部门
  '^(?:[省市县区乡镇]级|[省市县区]直)(?:单位|部门|机关)$', // 市直单位, 市级部门, 县直机关
  '成员单位', // 领导小组成员单位
  '^其[他它]', // 其他部门
]);

/** Suggestions differ from the unknown name by at most this many edits… */
const MAX_DISTANCE = 3;
/** …and by at most this share of the longer name, so that `市档案局` is not offered `市财政局`. */
const MAX_DISTANCE_SHARE = 0.4;
const MAX_SUGGESTIONS = 3;
/** At most this many name comparisons per plan when looking for suggestions; past it, findings come without. */
const MAX_COMPARISONS = 100_000;

export const rule: Rule = {
  id: 'PL008',
  name: 'unit-unknown',
  defaultSeverity: 'off',
  tags: ['unit'],
  fixable: 'suggest',
  description: {
    'zh-CN': '单位不在配置的单位名单中（名称、简称均未列出；“各有关部门”等泛称不检查）。默认关闭，启用并配置单位名单后生效',
    en: 'A unit that the configured unit list names neither by name nor by alias (collective names such as "各有关部门" are skipped). Off by default; works once turned on and a unit list is configured',
  },
  messages: {
    unknown: { 'zh-CN': '单位“{name}”不在单位名单中', en: 'Unit "{name}" is not in the unit list' },
    unknownSuggest: {
      'zh-CN': '单位“{name}”不在单位名单中，是否应为“{suggestion}”？',
      en: 'Unit "{name}" is not in the unit list; did you mean "{suggestion}"?',
    },
    replace: { 'zh-CN': '改为“{name}”', en: 'Replace with "{name}"' },
  },
  check({ plan, settings, options, report }) {
    const list = unitList(settings.units);
    if (list.length === 0) return;
    const known = new Set<string>();
    for (const unit of list) unit.keys.forEach((k) => known.add(k));
    const ignore = ignoreMatchers(options['ignorePatterns']);
    const index = indexByFamily(list);
    const cache = new Map<string, string[]>();
    const budget = { left: MAX_COMPARISONS };
    for (const mention of plan.units) {
      if (!mention || typeof mention.key !== 'string' || typeof mention.name !== 'string' || mention.key.length === 0) continue;
      if (known.has(mention.key) || ignore(mention)) continue;
      let names = cache.get(mention.key);
      if (names === undefined) {
        names = closestNames(mention.key, list, index, budget);
        cache.set(mention.key, names);
      }
      const span = mention.span;
      report({
        messageId: names.length > 0 ? 'unknownSuggest' : 'unknown',
        span,
        data: { name: mention.name, suggestion: names[0] ?? '' },
        suggestions: names.map((name): RuleFix => ({ messageId: 'replace', data: { name }, edits: [{ span, newText: name }] })),
      });
    }
  },
};

/** A configured unit: its name as written and the keys of its name and aliases. */
interface ListedUnit {
  name: string;
  keys: string[];
}

function unitList(units: unknown): ListedUnit[] {
  if (!Array.isArray(units)) return [];
  const out: ListedUnit[] = [];
  for (const entry of units as unknown[]) {
    if (!entry || typeof entry !== 'object') continue;
    const { name, aliases } = entry as { name?: unknown; aliases?: unknown };
    if (typeof name !== 'string' || unitKey(name).length === 0) continue;
    const keys = [unitKey(name)];
    if (Array.isArray(aliases)) {
      for (const alias of aliases) if (typeof alias === 'string' && unitKey(alias).length > 0) keys.push(unitKey(alias));
    }
    out.push({ name: name.trim(), keys });
  }
  return out;
}

/**
 * Builds the test for collective names from the option (a list of regular expressions, replacing the
 * default) or the default. Patterns from the option run on RE2 (`compileUserPattern`: linear time, no
 * look-around or back-references); configuration validation rejects one RE2 cannot compile, and one
 * that still arrives here (a client setting) is matched as plain text. The defaults are this file's
 * own and run as ordinary regular expressions.
 */
function ignoreMatchers(option: unknown): (mention: UnitMention) => boolean {
  const tests: Array<(s: string) => boolean> = [];
  if (Array.isArray(option)) {
    for (const source of option) {
      if (typeof source !== 'string' || source.length === 0) continue;
      const pattern = compileUserPattern(source);
      tests.push('error' in pattern ? (s) => s.includes(source) : (s) => pattern.test(s));
    }
  } else {
    for (const re of DEFAULT_IGNORE_REGEXPS) tests.push((s) => re.test(s));
  }
  return (mention) => tests.some((t) => t(mention.name) || t(mention.key));
}

const DEFAULT_IGNORE_REGEXPS: readonly RegExp[] = DEFAULT_IGNORE_PATTERNS.map((source) => new RegExp(source));

/** One key of the unit list (a name or an alias) and the unit it belongs to. */
interface ListedKey {
  key: string;
  /** The key with its ending shortened (`normalizeSuffix`). */
  short: string;
  unit: number;
}

/** A suggestion keeps the level and the kind of unit: the first character and the suffix family (`normalizeSuffix`). */
function family(key: string, short: string): string {
  return `${key[0]}\u0000${short[short.length - 1]}`;
}

function indexByFamily(list: ListedUnit[]): Map<string, ListedKey[]> {
  const index = new Map<string, ListedKey[]>();
  list.forEach((unit, i) => {
    for (const key of unit.keys) {
      const short = normalizeSuffix(key);
      const f = family(key, short);
      const keys = index.get(f);
      if (keys) keys.push({ key, short, unit: i });
      else index.set(f, [{ key, short, unit: i }]);
    }
  });
  return index;
}

/**
 * The configured names closest to an unknown key, among those that start with the same character and
 * end in the same suffix family (`市…局`): first those within a small edit distance of the name or one
 * of its aliases (nearest first), then those the key is a short or long form of (`市人社局` →
 * `市人力资源和社会保障局`). A difference made only of added or dropped characters must pass the
 * abbreviation test (`isAbbreviation`), so that `市政府办` (the general office) is not offered `市政府法制办`
 * (the legal affairs office).
 */
function closestNames(key: string, list: ListedUnit[], index: Map<string, ListedKey[]>, budget: { left: number }): string[] {
  const near = new Map<number, number>();
  const abbreviated = new Set<number>();
  const short = normalizeSuffix(key);
  for (const listed of index.get(family(key, short)) ?? []) {
    if (budget.left-- <= 0) break;
    const k = listed.key;
    const limit = Math.min(MAX_DISTANCE, Math.floor(Math.max(k.length, key.length) * MAX_DISTANCE_SHARE));
    const d = unitDistance(key, k, limit);
    if (d !== Infinity && d > Math.abs(k.length - key.length)) near.set(listed.unit, Math.min(d, near.get(listed.unit) ?? Infinity));
    else if (isAbbreviation(key, k, short, listed.short)) abbreviated.add(listed.unit);
  }
  const ordered = [...near].sort((a, b) => a[1] - b[1] || a[0] - b[0]).map(([unit]) => unit);
  const rest = [...abbreviated].filter((u) => !near.has(u)).sort((a, b) => a - b);
  return [...new Set([...ordered, ...rest].map((u) => list[u]!.name))].slice(0, MAX_SUGGESTIONS);
}

/**
 * Edit distance between two unit keys, or Infinity when it exceeds `limit`. Adding or dropping a
 * character costs 1; replacing one costs 1 when the two sound alike (`制` / `治`, a typing slip) and 2
 * otherwise (a different word: `市民政局` is not a slip for `市财政局`). Only a band of width 2·limit+1
 * is computed, and it stops as soon as every cell of a row exceeds the limit.
 */
export function unitDistance(a: string, b: string, limit: number): number {
  if (!(limit >= 0) || Math.abs(a.length - b.length) > limit) return Infinity;
  if (a === b) return 0;
  const over = limit + 1; // any value past the limit is as good as infinite
  let prev = new Array<number>(b.length + 1);
  let curr = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = Math.min(j, over);
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    curr[0] = Math.min(i, over);
    if (from > 1) curr[from - 1] = over;
    if (to < b.length) curr[to + 1] = over;
    let rowMin = from === 1 ? curr[0] : over;
    for (let j = from; j <= to; j++) {
      const x = a[i - 1]!;
      const y = b[j - 1]!;
      const cost = x === y ? 0 : confusable(x, y) ? 1 : 2;
      const v = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost, over);
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return Infinity;
    [prev, curr] = [curr, prev];
  }
  const d = prev[b.length]!;
  return d <= limit ? d : Infinity;
}
