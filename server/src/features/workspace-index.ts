// The index of unit mentions and tasks across plans (open documents and plan files in the workspace): unit completion, workspace symbols, references. Pure data; the language server feeds it.
import type { UnitEntry } from '../config/config.js';
import { unitKey } from '../model/text.js';
import type { PlanDocument, Range, UnitRole } from '../model/types.js';

/** One unit mention in an indexed plan. */
export interface IndexedMention {
  name: string;
  /** `unitKey(name)`: width, script and spaces folded. */
  key: string;
  role: UnitRole;
  range: Range;
}

/** One task in an indexed plan, as workspace symbols show it. */
export interface IndexedTask {
  number: string;
  title: string;
  /** The whole task (its section or table row). */
  range: Range;
  /** The task's title (within `range`). */
  selectionRange: Range;
  lead: string[];
  responsible: string[];
  /** The binding deadline as written, or null. */
  deadline: string | null;
}

/** What the index keeps of one plan: small enough for thousands of files. */
export interface IndexedPlan {
  /** The document URI as the client names it (open documents) or as built from the path (scanned files). */
  uri: string;
  title: string;
  mentions: IndexedMention[];
  tasks: IndexedTask[];
}

/** How often one unit (one key) is mentioned across the index. */
export interface UnitUsage {
  key: string;
  /** Mentions in all indexed plans. */
  count: number;
  /** Mentions as lead unit. */
  lead: number;
  /** Spelling → mentions. */
  names: Map<string, number>;
  /** Plan key (see `planKey`) → mentions in that plan. */
  files: Map<string, number>;
}

/** Builds the index entry of a parsed plan. Linear in the number of mentions and tasks. */
export function indexPlan(uri: string, plan: PlanDocument): IndexedPlan {
  const mentions: IndexedMention[] = plan.units.map((u) => ({ name: u.name, key: u.key, role: u.role, range: u.range }));
  const tasks: IndexedTask[] = plan.tasks.map((t) => {
    const range = t.range;
    const selectionRange = contains(range, t.titleRange) ? t.titleRange : range;
    return {
      number: t.number,
      title: t.title,
      range,
      selectionRange,
      lead: t.lead.map((u) => u.name),
      responsible: t.responsible.map((u) => u.name),
      deadline: t.deadline ? t.deadline.text : null,
    };
  });
  return { uri, title: plan.title, mentions, tasks };
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** True when `inner` lies within `outer`. */
export function contains(outer: Range, inner: Range): boolean {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/**
 * The key of a plan in the index: the decoded file path for `file:` URIs (clients encode paths
 * differently: `%E6%96%B9` or `方`, `c%3A` or `c:`), else the URI itself.
 */
export function planKey(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    let path = decodeURIComponent(uri.replace(/^file:\/\//, ''));
    if (/^\/[A-Za-z]:/.test(path)) path = path.slice(1, 2).toLowerCase() + path.slice(2);
    return path;
  } catch {
    return uri;
  }
}

/**
 * Unit mentions and tasks by plan, with usage counts per unit kept up to date on every change
 * (so that completion never recounts the workspace).
 */
export class WorkspaceIndex {
  private readonly plans = new Map<string, IndexedPlan>();
  private readonly usage = new Map<string, UnitUsage>();
  private gen = 0;

  /** Changes whenever the index does. */
  get generation(): number {
    return this.gen;
  }

  get size(): number {
    return this.plans.size;
  }

  /** Adds or replaces the entry of `plan.uri`. */
  set(plan: IndexedPlan): void {
    const key = planKey(plan.uri);
    const old = this.plans.get(key);
    if (old) this.account(key, old, -1);
    this.plans.set(key, plan);
    this.account(key, plan, 1);
    this.gen++;
  }

  /** Removes the entry of `uri`, if any. */
  delete(uri: string): void {
    const key = planKey(uri);
    const old = this.plans.get(key);
    if (!old) return;
    this.account(key, old, -1);
    this.plans.delete(key);
    this.gen++;
  }

  get(uri: string): IndexedPlan | undefined {
    return this.plans.get(planKey(uri));
  }

  has(uri: string): boolean {
    return this.plans.has(planKey(uri));
  }

  /** Every indexed plan. */
  entries(): IterableIterator<IndexedPlan> {
    return this.plans.values();
  }

  /** Usage per unit key, across every indexed plan. Do not modify. */
  units(): ReadonlyMap<string, UnitUsage> {
    return this.usage;
  }

  clear(): void {
    this.plans.clear();
    this.usage.clear();
    this.gen++;
  }

  private account(fileKey: string, plan: IndexedPlan, sign: 1 | -1): void {
    for (const m of plan.mentions) {
      if (m.key.length === 0) continue;
      let u = this.usage.get(m.key);
      if (!u) {
        if (sign < 0) continue;
        u = { key: m.key, count: 0, lead: 0, names: new Map(), files: new Map() };
        this.usage.set(m.key, u);
      }
      u.count += sign;
      if (m.role === 'lead') u.lead += sign;
      bump(u.names, m.name, sign);
      bump(u.files, fileKey, sign);
      if (u.count <= 0) this.usage.delete(m.key);
    }
  }
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

// ---------------------------------------------------------------------------------------------
// The configured unit list, by key

/** One unit of the configured list, with the keys of its name and aliases. */
export interface CatalogEntry {
  name: string;
  aliases: string[];
  /** `unitKey` of the name, then of each alias. */
  keys: string[];
}

/** The configured unit list, looked up by key (a name's key, or an alias's). */
export interface UnitCatalog {
  entries: CatalogEntry[];
  byKey: Map<string, CatalogEntry>;
}

const catalogs = new WeakMap<readonly UnitEntry[], UnitCatalog>();

/**
 * Indexes a unit list by key; cached per list object. The first entry to claim a key keeps it (a
 * name before an alias), so an alias shared by two units stands for the first one.
 */
export function unitCatalog(units: readonly UnitEntry[]): UnitCatalog {
  let catalog = catalogs.get(units);
  if (catalog) return catalog;
  const entries: CatalogEntry[] = [];
  const byKey = new Map<string, CatalogEntry>();
  for (const u of units) {
    if (!u || typeof u.name !== 'string') continue;
    const name = u.name.trim();
    const key = unitKey(name);
    if (key.length === 0 || byKey.has(key)) continue;
    const aliases = (Array.isArray(u.aliases) ? u.aliases : []).filter((a): a is string => typeof a === 'string' && a.trim() !== '').map((a) => a.trim());
    const entry: CatalogEntry = { name, aliases, keys: [key] };
    entries.push(entry);
    byKey.set(key, entry);
  }
  for (const entry of entries) {
    for (const alias of entry.aliases) {
      const key = unitKey(alias);
      if (key.length === 0 || byKey.has(key)) continue;
      byKey.set(key, entry);
      entry.keys.push(key);
    }
  }
  catalog = { entries, byKey };
  catalogs.set(units, catalog);
  return catalog;
}
