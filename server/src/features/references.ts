// Unit mentions under the cursor, the spellings that name one unit, and the edits that rename a unit across plans.
import type { LintDiagnostic, TextEdit } from '../lint/types.js';
import { unitKey } from '../model/text.js';
import type { PlanDocument, UnitMention } from '../model/types.js';
import type { UnitCatalog } from './workspace-index.js';

/** The unit mention at `offset` (its end included, where the cursor sits after typing it), or null. */
export function unitMentionAt(plan: PlanDocument, offset: number): UnitMention | null {
  const units = plan.units;
  let lo = 0;
  let hi = units.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid]!.span.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Mentions do not overlap; the one starting last at or before the offset is the only candidate.
  const u = found >= 0 ? units[found]! : null;
  return u && offset <= u.span.end ? u : null;
}

/**
 * The keys that name the same unit as `key`: itself, and with a unit list the name's and every
 * alias's key (`市发改委` and `市发展和改革委员会`).
 */
export function sameUnitKeys(key: string, catalog: UnitCatalog): Set<string> {
  const entry = catalog.byKey.get(key);
  return new Set(entry ? entry.keys : [key]);
}

/**
 * Every spelling variant of a unit: the unit list's keys, and the variants rule PL007 found in the
 * given analyses (a variant's diagnostic carries an edit to the canonical spelling). Transitive.
 */
export function variantKeys(key: string, catalog: UnitCatalog, analyses: Iterable<{ plan: PlanDocument; diagnostics: LintDiagnostic[] }>): Set<string> {
  const links = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (a === b || a === '' || b === '') return;
    (links.get(a) ?? links.set(a, new Set()).get(a)!).add(b);
    (links.get(b) ?? links.set(b, new Set()).get(b)!).add(a);
  };
  for (const entry of catalog.entries) for (const k of entry.keys.slice(1)) link(entry.keys[0]!, k);
  for (const { plan, diagnostics } of analyses) {
    for (const d of diagnostics) {
      if (d.ruleId !== 'PL007') continue;
      const mention = unitMentionAt(plan, d.span.start);
      if (!mention) continue;
      for (const fix of [d.fix, ...(d.suggestions ?? [])]) {
        for (const e of fix?.edits ?? []) if (e.span.start === mention.span.start) link(mention.key, unitKey(e.newText));
      }
    }
  }
  const out = new Set<string>([key]);
  const queue = [key];
  while (queue.length > 0) {
    for (const next of links.get(queue.pop()!) ?? []) {
      if (!out.has(next)) {
        out.add(next);
        queue.push(next);
      }
    }
  }
  return out;
}

/** The mentions of `plan` whose key is in `keys`. */
export function mentionsOf(plan: PlanDocument, keys: ReadonlySet<string>): UnitMention[] {
  return plan.units.filter((u) => keys.has(u.key));
}

/** Edits that write `newName` over every mention of `keys` in `plan`. */
export function renameEdits(plan: PlanDocument, keys: ReadonlySet<string>, newName: string): TextEdit[] {
  return mentionsOf(plan, keys)
    .filter((u) => plan.text.slice(u.span.start, u.span.end) !== newName)
    .map((u) => ({ span: u.span, newText: newName }));
}

/** Why a new unit name is refused, or null when it is fine. */
export function checkNewUnitName(newName: string, locale: 'zh-CN' | 'en'): string | null {
  if (typeof newName !== 'string' || newName.trim() === '') return locale === 'en' ? 'The new name is empty.' : '新名称不能为空。';
  if (newName !== newName.trim()) return locale === 'en' ? 'The new name must not start or end with spaces.' : '新名称首尾不能有空格。';
  if (/[\r\n、，,;；:：\[\]【】]/.test(newName)) {
    return locale === 'en' ? 'A unit name cannot contain line breaks, list separators, colons or brackets.' : '单位名称不能包含换行、顿号、逗号、分号、冒号或方括号。';
  }
  if (newName.length > 60) return locale === 'en' ? 'The new name is too long (over 60 characters).' : '新名称过长（超过 60 个字符）。';
  return null;
}
