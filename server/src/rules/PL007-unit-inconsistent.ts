// PL007 unit-inconsistent: one unit written two ways in one plan (`市政府法制办` / `市法制办`, `（市）` / `(市)`, an alias from the unit list).
import type { Report, Rule, RuleFix, UnitEntry } from '../lint/rule.js';
import { unitKey } from '../model/text.js';
import type { Span, UnitMention } from '../model/types.js';
import { isOneCharVariant, linkShortForms, normalizeSuffix, soundGroup } from '../model/units.js';

export const rule: Rule = {
  id: 'PL007',
  name: 'unit-inconsistent',
  defaultSeverity: 'warning',
  tags: ['unit'],
  fixable: 'safe',
  description: {
    'zh-CN':
      '同一单位在同一方案中有两种写法：单位名单中的简称或旧称、括号全半角或空格或繁简不同（可自动修正），简称与全称、一字之差（仅提示）',
    en:
      'One unit written two ways in one plan: an alias from the unit list, or different brackets, spaces or script (fixed automatically); a short and a full name, or a one-character difference (suggestions only)',
  },
  messages: {
    alias: {
      'zh-CN': '“{variant}”是单位名单中“{canonical}”的简称或旧称，建议统一写作“{canonical}”',
      en: '"{variant}" is a short or former name of "{canonical}" in the unit list; write "{canonical}" throughout',
    },
    aliasAmbiguous: {
      'zh-CN': '“{variant}”在单位名单中可指多个单位（{candidates}），请写明全称',
      en: '"{variant}" may mean several units of the unit list ({candidates}); write the full name',
    },
    spelling: {
      'zh-CN': '“{variant}”与“{canonical}”是同一单位，括号、空格或繁简写法不一致，建议统一写作“{canonical}”',
      en: '"{variant}" and "{canonical}" are the same unit written with different brackets, spaces or script; write "{canonical}" throughout',
    },
    abbreviation: {
      'zh-CN': '“{variant}”与“{canonical}”可能是同一单位的简称和全称，建议统一写作“{canonical}”',
      en: '"{variant}" and "{canonical}" may be the short and the full name of one unit; consider writing "{canonical}" throughout',
    },
    typo: {
      'zh-CN': '“{variant}”与“{canonical}”仅一字之差，可能是同一单位，建议统一写作“{canonical}”',
      en: '"{variant}" differs from "{canonical}" by one character and may be the same unit; consider writing "{canonical}" throughout',
    },
    replace: { 'zh-CN': '改为“{name}”', en: 'Replace with "{name}"' },
  },
  check({ plan, settings, report }) {
    if (!plan.units.some(readable)) return;
    const configured = indexUnits(Array.isArray(settings.units) ? settings.units : []);
    const groups = groupByKey(plan.units, configured);
    const related = relate(groups);
    for (const group of groups) {
      // What a mention's finding depends on besides its span is the group's: worked out once per group.
      const found = new GroupFindings(group, ranked(related.get(group)));
      for (const mention of group.mentions) {
        const finding = found.for(mention, plan.text);
        if (finding) report(finding);
      }
    }
  },
};

// ---------------------------------------------------------------------------------------------
// The configured unit list

/** The configured unit list, by key: each name, and each alias with the names it stands for. */
export interface UnitIndex {
  names: Map<string, string>;
  aliases: Map<string, string[]>;
}

/** Indexes the unit list by key. An alias that is also some unit's name counts as that name. */
export function indexUnits(units: readonly UnitEntry[]): UnitIndex {
  const names = new Map<string, string>();
  const aliases = new Map<string, string[]>();
  for (const entry of units) {
    if (!entry || typeof entry.name !== 'string') continue;
    const name = entry.name.trim();
    const key = unitKey(name);
    if (key.length > 0 && !names.has(key)) names.set(key, name);
  }
  for (const entry of units) {
    if (!entry || typeof entry.name !== 'string' || !Array.isArray(entry.aliases)) continue;
    const name = names.get(unitKey(entry.name.trim()));
    if (name === undefined) continue;
    for (const alias of entry.aliases) {
      if (typeof alias !== 'string') continue;
      const key = unitKey(alias);
      if (key.length === 0 || names.has(key)) continue;
      const list = aliases.get(key) ?? [];
      if (!list.includes(name)) list.push(name);
      aliases.set(key, list);
    }
  }
  return { names, aliases };
}

// ---------------------------------------------------------------------------------------------
// Groups of mentions with one key

/** Every mention of one key (`各区县(市)人民政府` and `各区县（市）人民政府` share one). */
export interface KeyGroup {
  key: string;
  mentions: UnitMention[];
  /** Position of the first mention in the plan, for ties. */
  first: number;
  /** How this key is written most often (or as the unit list writes it): the spelling the others should take. */
  spelling: string;
  /** The spelling is certain: it is the configured name. */
  configuredName: boolean;
  /** The configured names this key is an alias of (empty when it is not an alias). */
  aliasOf: string[];
}

/** A mention the rule reads: a name and a key, not empty. */
function readable(m: UnitMention | null | undefined): m is UnitMention {
  return !!m && typeof m.name === 'string' && typeof m.key === 'string' && m.key.length > 0;
}

/** The mentions by key, in the order each key is first written; mentions the rule cannot read are left out. */
export function groupByKey(mentions: readonly (UnitMention | null | undefined)[], configured: UnitIndex): KeyGroup[] {
  const byKey = new Map<string, { first: number; mentions: UnitMention[] }>();
  let n = 0;
  for (const m of mentions) {
    if (!readable(m)) continue;
    const entry = byKey.get(m.key);
    if (entry) entry.mentions.push(m);
    else byKey.set(m.key, { first: n, mentions: [m] });
    n++;
  }
  const groups: KeyGroup[] = [];
  for (const [key, { first, mentions: list }] of byKey) {
    const name = configured.names.get(key);
    groups.push({
      key,
      mentions: list,
      first,
      spelling: name ?? majoritySpelling(list),
      configuredName: name !== undefined,
      aliasOf: name === undefined ? (configured.aliases.get(key) ?? []) : [],
    });
  }
  return groups;
}

const SPACE = /[\s\u00a0\u3000\u200b\ufeff]/;

/**
 * The spelling used most often. A spelling with a space inside never wins over one without
 * (`市数据 资源局` is always the damaged form); among equals, the first one written wins.
 */
function majoritySpelling(mentions: UnitMention[]): string {
  const counts = new Map<string, { count: number; first: number }>();
  mentions.forEach((m, i) => {
    const c = counts.get(m.name);
    if (c) c.count++;
    else counts.set(m.name, { count: 1, first: i });
  });
  let best = '';
  let bestScore: [number, number, number] | null = null;
  for (const [name, { count, first }] of counts) {
    const score: [number, number, number] = [SPACE.test(name) ? 0 : 1, count, -first];
    if (bestScore === null || compareTuples(score, bestScore) > 0) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}

function compareTuples(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Uncertain variants: abbreviation and one-character difference

/** How two keys are related when they are not equal. */
export type Relation = 'abbreviation' | 'typo';

export interface Partner {
  group: KeyGroup;
  relation: Relation;
}

/** Collective names (`各有关部门`, `市直相关单位`) are not one unit; they are never compared. */
const COLLECTIVE = /各|相关|有关/;

/**
 * Finds related key groups, comparing distinct keys only. Abbreviation candidates share their first
 * character and suffix family, so keys are bucketed by those, and within a bucket a key is compared only
 * with the longer keys that hold its rarest character (`linkShortForms`); one-character variants are found
 * through keys with one position masked. Groups whose key is an alias from the unit list are settled
 * already and take part only as the better-known partner. No budget: the links are those of comparing
 * every pair, at any size.
 */
export function relate(groups: KeyGroup[]): Map<KeyGroup, Partner[]> {
  const out = new Map<KeyGroup, Partner[]>();
  const nodes = groups.filter((g) => g.key.length >= 3 && !COLLECTIVE.test(g.key) && g.aliasOf.length <= 1);
  const link = (a: KeyGroup, b: KeyGroup, relation: Relation) => {
    const [minor, major] = rank(a, b) < 0 ? [a, b] : [b, a];
    // A known key ranks first, so a known minor means both are known: two units of the list, or an
    // alias beside a name, which the list settles already.
    if (known(minor)) return;
    const list = out.get(minor);
    if (list) list.push({ group: major, relation });
    else out.set(minor, [{ group: major, relation }]);
  };

  const buckets = new Map<string, { group: KeyGroup; short: string }[]>();
  for (const g of nodes) {
    const short = normalizeSuffix(g.key);
    const bucket = `${g.key[0]}\u0000${short[short.length - 1]}`;
    const list = buckets.get(bucket);
    if (list) list.push({ group: g, short });
    else buckets.set(bucket, [{ group: g, short }]);
  }
  for (const list of buckets.values()) {
    // Equal once endings are shortened (`市委办` / `市委办公室`): found through a map, without pairing.
    const byShort = new Map<string, KeyGroup[]>();
    for (const { group, short } of list) {
      const same = byShort.get(short);
      if (same) same.push(group);
      else byShort.set(short, [group]);
    }
    for (const same of byShort.values()) {
      for (let i = 0; i < same.length; i++) for (let j = i + 1; j < same.length; j++) link(same[i]!, same[j]!, 'abbreviation');
    }
    // A short form is shorter: pair each key only with the longer ones.
    list.sort((a, b) => a.short.length - b.short.length);
    linkShortForms(list, (i, j) => link(list[i]!.group, list[j]!.group, 'abbreviation'));
  }

  // Keys equal but for one position whose characters sound alike: the bucket names the position, the
  // rest of the key and the group of alike characters, so a bucket holds at most one key per character.
  const masked = new Map<string, KeyGroup[]>();
  for (const g of nodes) {
    if (g.key.length < 4) continue;
    for (let at = 0; at < g.key.length - 1; at++) {
      const alike = soundGroup(g.key[at]!);
      if (alike === undefined) continue;
      const k = `${at}\u0000${alike}\u0000${g.key.slice(0, at)}\u0000${g.key.slice(at + 1)}`;
      const list = masked.get(k);
      if (list) list.push(g);
      else masked.set(k, [g]);
    }
  }
  for (const list of masked.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (isOneCharVariant(list[i]!.key, list[j]!.key)) link(list[i]!, list[j]!, 'typo');
      }
    }
  }
  return out;
}

/** A key the unit list settles: a configured name or an alias of exactly one. */
function known(g: KeyGroup): boolean {
  return g.configuredName || g.aliasOf.length === 1;
}

/** Which group is the better spelling: known first, then used more often, then longer (the full name), then earlier. */
function rank(a: KeyGroup, b: KeyGroup): number {
  const score = (g: KeyGroup) => [known(g) ? 1 : 0, g.mentions.length, g.key.length, -g.first];
  return compareTuples(score(a), score(b));
}

/** What a group is written as when another group should take its name. */
function target(g: KeyGroup): string {
  return g.aliasOf.length === 1 ? g.aliasOf[0]! : g.spelling;
}

// ---------------------------------------------------------------------------------------------
// Findings

/** A group's partners, best first: the relation to the best one, and the distinct names they are written as. */
export interface RankedPartners {
  relation: Relation;
  names: string[];
}

export function ranked(partners: Partner[] | undefined): RankedPartners | null {
  if (!partners || partners.length === 0) return null;
  const ordered = [...partners].sort((x, y) => rank(y.group, x.group));
  return { relation: ordered[0]!.relation, names: [...new Set(ordered.map((p) => target(p.group)))] };
}

/**
 * One finding per mention, the certain kind first: alias, then spelling, then abbreviation or typo. What a
 * finding says besides its span is the same for every mention of a group, so it is worked out once per group
 * (on first use): this runs for every unit mention of the plan.
 */
class GroupFindings {
  readonly #group: KeyGroup;
  readonly #partners: RankedPartners | null;
  /** The partners' names other than the group's spelling (null until first needed). */
  #others: string[] | null = null;
  /** Whether the fix's new name may only be offered (−1 until first needed, then 0 or 1). */
  #onlyOffered = -1;

  constructor(group: KeyGroup, partners: RankedPartners | null) {
    this.#group = group;
    this.#partners = partners;
  }

  for(mention: UnitMention, text: string): Report | null {
    const group = this.#group;
    const span = mention.span;
    if (group.aliasOf.length === 1) {
      const canonical = group.aliasOf[0]!;
      return this.#withFix('alias', span, mention.name, canonical, text);
    }
    if (group.aliasOf.length > 1) {
      return {
        messageId: 'aliasAmbiguous',
        span,
        data: { variant: mention.name, candidates: group.aliasOf.join('、') },
        suggestions: group.aliasOf.map((name) => replacement(span, name)),
      };
    }
    if (mention.name !== group.spelling) return this.#withFix('spelling', span, mention.name, group.spelling, text);
    const partners = this.#partners;
    if (!partners) return null;
    // Here the mention is written as the group's spelling, so the names left are the group's.
    const names = (this.#others ??= partners.names.filter((n) => n !== group.spelling));
    if (names.length === 0) return null;
    return {
      messageId: partners.relation,
      span,
      data: { variant: mention.name, canonical: names[0]! },
      suggestions: names.map((name) => replacement(span, name)),
    };
  }

  /**
   * A certain replacement, as a safe fix, unless the name runs over a line break (the model may have joined
   * two lines) or the new name would not read back as one unit (a configured name with `、` outside
   * brackets): then the replacement is only offered. Nothing to report when the text already reads so.
   */
  #withFix(messageId: string, span: Span, variant: string, canonical: string, text: string): Report | null {
    const written = text.slice(span.start, span.end);
    if (written === canonical) return null;
    const fix = replacement(span, canonical);
    const data = { variant, canonical };
    if (this.#onlyOffered < 0) this.#onlyOffered = splitsWhenRead(canonical) ? 1 : 0;
    return this.#onlyOffered === 1 || hasLineBreak(written) ? { messageId, span, data, suggestions: [fix] } : { messageId, span, data, fix };
  }
}

/** True when `s` holds `\r` or `\n`. */
function hasLineBreak(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 0x0a || ch === 0x0d) return true;
  }
  return false;
}

function replacement(span: Span, name: string): RuleFix {
  return { messageId: 'replace', data: { name }, edits: [{ span, newText: name }] };
}

/** True when a name holds a separator that unit lists split at (`、` `，` `,` `及`) outside brackets. */
function splitsWhenRead(name: string): boolean {
  // By code unit: every character looked for is one, and a surrogate is none of them.
  let depth = 0;
  for (let i = 0; i < name.length; i++) {
    const ch = name.charCodeAt(i);
    if (ch === 0x28 || ch === 0xff08) depth++; // ( （
    else if ((ch === 0x29 || ch === 0xff09) && depth > 0) depth--; // ) ）
    else if (depth === 0 && (ch === 0x3001 || ch === 0xff0c || ch === 0x2c || ch === 0x53ca || ch === 0x0d || ch === 0x0a)) return true; // 、 ， , 及 \r \n
  }
  return false;
}
