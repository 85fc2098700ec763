// Unit-name equivalence: when two unit names may be one unit written two ways — a short and a full name (`市发改委` /
// `市发展和改革委员会`), or a slip between two characters that sound alike (`市法制办` / `市法治办`). Keys are unit
// names folded by `unitKey` (text.ts). PL007 groups a plan's names by these relations; PL008 offers configured names by them.

/** Endings that abbreviate to a shorter one (`委员会` → `委`), so that a short and a full name share a family. */
const SUFFIX_FORMS: readonly (readonly [string, string])[] = [
  ['委员会', '委'],
  ['人民政府', '政府'],
  ['办公室', '办'],
  ['办公厅', '办'],
  ['联合会', '联'],
  ['协会', '协'],
];

/** Replaces a long ending by its short form: `市发展和改革委员会` → `市发展和改革委`. */
export function normalizeSuffix(key: string): string {
  for (const [long, short] of SUFFIX_FORMS) {
    if (key.length > long.length && key.endsWith(long)) return key.slice(0, -long.length) + short;
  }
  return key;
}

/** Words that can be dropped from a name without changing the unit: `市(人民)政府法制办` → `市法制办`. */
const FILLER = /人民政府|人民|政府|和|及|与/g;

/** What turns a unit into one of its branches: `市公安分局`, `市税务局直属分局` are not `市公安局`, `市税务局`. */
const SUBORDINATE = /分|支|属/;

/** The place and level a name starts with: `市`, `长沙市政府`, `市委`, `区人民政府`. */
const ADMIN_PREFIX = /^(?:[^省市县区州盟旗乡镇]{0,8}?[省市县区州盟旗乡镇])?(?:人民政府|政府|委)?/;

/** Are the characters of `short` those of `long`, in order (`县文旅局` in `县文化和旅游局`)? */
export function isSubsequence(short: string, long: string): boolean {
  let j = 0;
  for (let i = 0; i < long.length && j < short.length; i++) if (long[i] === short[j]) j++;
  return j === short.length;
}

/**
 * True when one key is a short form of the other (either order):
 * - both at least 3 characters, and equal once endings are shortened (`市委办公室` = `市委办`); or
 * - the same first character and the same final suffix family (`委`/`委员会`, `办`/`办公室`, else the
 *   last character), and every character of the short form appears in order in the long one
 *   (`市发改委` in `市发展和改革委员会`, `市法制办` in `市政府法制办`);
 * - and, when the short form is only the long one's beginning and end (`市政府办` in `市政府法制办`),
 *   what it leaves out is filler (`人民` `政府` `和`), or the beginning it keeps names more than a place
 *   and level (`市妇联` keeps `妇` of `市妇女联合会`; `市政府办` keeps only `市政府`, so it is a different office);
 *   never when what it leaves out makes a branch (`分` `支` `属`: `市公安分局` is not `市公安局`).
 * `na` and `nb` are the keys with endings shortened (`normalizeSuffix`), when the caller has them already.
 */
export function isAbbreviation(a: string, b: string, na = normalizeSuffix(a), nb = normalizeSuffix(b)): boolean {
  if (a === b || Math.min(a.length, b.length) < 3) return false;
  if (na === nb) return true;
  return na.length < nb.length ? shortens(na, nb) : nb.length < na.length ? shortens(nb, na) : false;
}

/** The abbreviation test proper, on keys whose endings are shortened, `s` strictly shorter than `l`. */
function shortens(s: string, l: string): boolean {
  if (s[0] !== l[0] || s[s.length - 1] !== l[l.length - 1]) return false;
  if (!isSubsequence(s, l)) return false;
  let p = 0;
  while (p < s.length && s[p] === l[p]) p++;
  let q = 0;
  while (q < s.length - p && s[s.length - 1 - q] === l[l.length - 1 - q]) q++;
  const restShort = s.slice(p, s.length - q);
  const restLong = l.slice(p, l.length - q);
  if (restShort.length > 0) return isSubsequence(restShort, restLong);
  if (SUBORDINATE.test(restLong)) return false;
  if (restLong.replace(FILLER, '').length === 0) return true;
  const kept = s.slice(0, p);
  return kept.replace(ADMIN_PREFIX, '').replace(FILLER, '').length > 0;
}

/**
 * Characters that sound alike (same syllable) and that typists confuse in unit names. Only these make
 * a one-character difference a likely typo: `市财政局` / `市民政局` or `县审计局` / `县统计局` are two units.
 * `纪`/`计` (`纪委` / `计委`) and `监`/`检` (`监察` / `检察`) are left out on purpose: both spellings are real units.
 */
const CONFUSABLE_GROUPS: readonly string[] = [
  '制治质', '政正证', '公工功', '局居', '察查', '计记', '建健', '设社', '务物', '源原元', '划化', '资咨',
  '统通', '环还', '规归', '管馆', '场厂', '园圆', '帐账', '象像', '作做', '订定', '督都', '审申', '执职',
  '信新', '安按', '发法', '科课',
];

const CONFUSABLE = new Map<string, number>();
CONFUSABLE_GROUPS.forEach((group, i) => {
  for (const ch of group) CONFUSABLE.set(ch, i);
});

/** The group of characters that sound like `ch` (an index), or undefined when none is listed: keys differing there may be typos. */
export function soundGroup(ch: string): number | undefined {
  return CONFUSABLE.get(ch);
}

/** True when two different characters sound alike and are often typed one for the other (`制` / `治`). */
export function confusable(x: string, y: string): boolean {
  const gx = CONFUSABLE.get(x);
  return x !== y && gx !== undefined && gx === CONFUSABLE.get(y);
}

/**
 * True when two keys of the same length (at least 4) differ in exactly one character, not the last
 * (they share the suffix), and the two characters sound alike: `市法制办` / `市法治办`.
 */
export function isOneCharVariant(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 4 || a[a.length - 1] !== b[b.length - 1]) return false;
  let at = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (at >= 0) return false;
    at = i;
  }
  return at >= 0 && confusable(a[at]!, b[at]!);
}

/**
 * Calls `link(i, j)` for each key `i` of a bucket (sorted by the length of its shortened form) and each longer
 * key `j` that it is a short form of (`shortens`), in the order of comparing every pair — `i` ascending, then
 * `j` ascending — but compares far fewer. A short form is a subsequence of the long one and shares its first
 * character, so each of its other characters occurs in the long form after the first; a key is therefore
 * compared only with the longer keys whose characters after the first hold the rarest of its inner
 * characters (its last character is the bucket's, held by every key). A two-character short form has no inner
 * character and is compared with every longer key, but a bucket has one such form at most (its two
 * characters are the bucket's), written by few keys. The cost is that of the pairs sharing a rare character:
 * near-linear for unit names, which share their first and last characters but little in between.
 */
export function linkShortForms(list: readonly { short: string }[], link: (i: number, j: number) => void): void {
  // Code unit → the positions of the keys holding it after their first character, ascending, each position once.
  const holders = new Map<number, number[]>();
  for (let j = 0; j < list.length; j++) {
    const s = list[j]!.short;
    for (let k = 1; k < s.length; k++) {
      const code = s.charCodeAt(k);
      const at = holders.get(code);
      if (at === undefined) holders.set(code, [j]);
      else if (at[at.length - 1] !== j) at.push(j);
    }
  }
  for (let i = 0, j0 = 0; i < list.length; i++) {
    const s = list[i]!.short;
    // The first longer key: the list is sorted by length.
    while (j0 < list.length && list[j0]!.short.length <= s.length) j0++;
    if (j0 >= list.length) break;
    let rarest: number[] | null = null;
    for (let k = 1; k + 1 < s.length; k++) {
      const at = holders.get(s.charCodeAt(k));
      // Every key holds its own characters, so `at` is never missing; the guard keeps the types honest.
      if (at !== undefined && (rarest === null || at.length < rarest.length)) rarest = at;
    }
    if (rarest === null) {
      for (let j = j0; j < list.length; j++) if (shortens(s, list[j]!.short)) link(i, j);
      continue;
    }
    // The longer keys among the holders: from the first position at or after `j0`, by binary search.
    let lo = 0;
    let hi = rarest.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rarest[mid]! < j0) lo = mid + 1;
      else hi = mid;
    }
    for (let n = lo; n < rarest.length; n++) {
      const j = rarest[n]!;
      if (shortens(s, list[j]!.short)) link(i, j);
    }
  }
}
