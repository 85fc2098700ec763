// A small glob matcher (`*`, `**`, `?`, `[…]`, `{a,b}`) for command-line patterns: Node 20 has no fs.globSync.

/** True when `pattern` holds glob syntax (`*`, `?`, `[`, `{`) and is not a plain path. */
export function hasMagic(pattern: string): boolean {
  return /[*?[{]/.test(pattern);
}

/** A pattern split into the folder to walk (no glob syntax in it) and the rest, matched below that folder. */
export interface SplitPattern {
  /** The static folder: `.` for a pattern that starts with glob syntax, `/` for the root. */
  base: string;
  /** The part below `base`, with forward slashes. */
  rest: string;
}

/**
 * Splits `samples/**\/*.plan` into `{ base: 'samples', rest: '**\/*.plan' }`. Patterns use forward
 * slashes (backslashes too on Windows); a leading `./` is dropped.
 */
export function splitPattern(pattern: string, windows = process.platform === 'win32'): SplitPattern {
  let p = windows ? pattern.replace(/\\/g, '/') : pattern;
  while (p.startsWith('./')) p = p.slice(2);
  const segments = p.split('/');
  let i = 0;
  while (i < segments.length - 1 && !hasMagic(segments[i]!)) i++;
  const head = segments.slice(0, i);
  let base = head.join('/');
  if (base === '' && head.length > 0) base = '/'; // the pattern began with `/`
  if (windows && /^[A-Za-z]:$/.test(base)) base += '/';
  return { base: base === '' ? '.' : base, rest: segments.slice(i).join('/') };
}

/** One element of a compiled glob; `atStart`: it begins a path segment, so it never matches a leading `.`. */
type GlobNode =
  | { t: 'lit'; c: string }
  | { t: 'any'; atStart: boolean }
  | { t: 'star'; atStart: boolean }
  | { t: 'globstar'; trailing: boolean }
  | { t: 'class'; negated: boolean; ranges: Array<[number, number]> }
  | { t: 'alt'; alts: GlobNode[][] };

/** The index of the `}` that closes the `{` at `open`, or -1 (then the `{` is a literal). */
function closingBrace(glob: string, open: number): number {
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The index of the `]` that closes the class at `open`, or -1 (then the `[` is a literal). */
function closingBracket(glob: string, open: number): number {
  let i = open + 1;
  if (glob[i] === '!' || glob[i] === '^') i++;
  if (glob[i] === ']') i++; // `[]…]`: a leading `]` is a member
  for (; i < glob.length; i++) {
    if (glob[i] === '\\') i++;
    else if (glob[i] === '/') return -1;
    else if (glob[i] === ']') return i;
  }
  return -1;
}

/** The members of the class between `open` (the `[`) and `close` (its `]`), as code-point ranges. */
function classRanges(glob: string, open: number, close: number): { negated: boolean; ranges: Array<[number, number]> } {
  let k = open + 1;
  let negated = false;
  if (glob[k] === '!' || glob[k] === '^') {
    negated = true;
    k++;
  }
  const members: number[] = [];
  const ranges: Array<[number, number]> = [];
  for (; k < close; k++) {
    let m = glob[k]!;
    if (m === '\\' && k + 1 < close) m = glob[++k]!;
    else if (m === '-' && members.length > 0 && k + 1 < close) {
      // `a-z`: a range from the previous member to the next one.
      let hi = glob[++k]!;
      if (hi === '\\' && k + 1 < close) hi = glob[++k]!;
      ranges.push([members.pop()!, hi.codePointAt(0)!]);
      continue;
    }
    members.push(m.codePointAt(0)!);
  }
  for (const m of members) ranges.push([m, m]);
  return { negated, ranges };
}

/** Parses a glob into nodes: the syntax of `compileGlob`, where an unclosed `[` or `{` is a literal. */
function parseGlob(glob: string): GlobNode[] {
  const root: GlobNode[] = [];
  // Open brace groups: where each closes, whether it opened at a segment start, and its alternatives.
  const groups: { close: number; atStart: boolean; alts: GlobNode[][] }[] = [];
  const current = (): GlobNode[] => {
    const g = groups[groups.length - 1];
    return g ? g.alts[g.alts.length - 1]! : root;
  };
  let segmentStart = true;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    const atStart: boolean = segmentStart;
    segmentStart = false;
    const out = current();
    if (c === '\\' && i + 1 < glob.length) {
      out.push({ t: 'lit', c: glob[++i]! });
    } else if (c === '/') {
      out.push({ t: 'lit', c: '/' });
      segmentStart = true;
    } else if (c === '*') {
      let j = i;
      while (glob[j + 1] === '*') j++;
      const globstar = j > i && atStart && (j + 1 === glob.length || glob[j + 1] === '/');
      if (globstar) {
        const trailing = j + 1 === glob.length;
        out.push({ t: 'globstar', trailing });
        if (!trailing) {
          j++; // the `/` after `**` belongs to it
          segmentStart = true;
        }
      } else {
        out.push({ t: 'star', atStart });
      }
      i = j;
    } else if (c === '?') {
      out.push({ t: 'any', atStart });
    } else if (c === '[') {
      const close = closingBracket(glob, i);
      if (close < 0) {
        out.push({ t: 'lit', c: '[' });
        continue;
      }
      out.push({ t: 'class', ...classRanges(glob, i, close) });
      i = close;
    } else if (c === '{') {
      const close = closingBrace(glob, i);
      if (close < 0) {
        out.push({ t: 'lit', c: '{' });
        continue;
      }
      const group = { close, atStart, alts: [[]] as GlobNode[][] };
      out.push({ t: 'alt', alts: group.alts });
      groups.push(group);
      segmentStart = atStart;
    } else if (c === ',' && groups.length > 0) {
      const g = groups[groups.length - 1]!;
      g.alts.push([]);
      segmentStart = g.atStart;
    } else if (c === '}' && groups.length > 0 && groups[groups.length - 1]!.close === i) {
      groups.pop();
    } else {
      // A surrogate pair stays one literal: `?` and classes count code points, so literals do too.
      const code = glob.codePointAt(i)!;
      const ch = String.fromCodePoint(code);
      out.push({ t: 'lit', c: ch });
      i += ch.length - 1;
    }
  }
  return root;
}

/** A compiled glob: `test` tells whether a whole relative path (forward slashes) matches. */
export interface GlobMatcher {
  test(path: string): boolean;
}

const SLASH = 0x2f;
const DOT = 0x2e;

/**
 * Compiles a glob that matches a whole relative path written with forward slashes. `*` and `?` stay
 * inside one path segment; `**` as a whole segment spans any number of segments; `[abc]`, `[a-z]`,
 * `[!a]` are character classes; `{a,b}` are alternatives (nestable); `\` escapes. Wildcards do not
 * match a leading `.` of a segment (hidden files), as in shells.
 *
 * The matcher never backtracks: it carries the set of positions reachable after each element of the
 * pattern through the path once, so a test costs at most (pattern elements × path length) steps
 * whatever the pattern — `*a*a*a*a*a*a*a*a*ab` against a long name included. Patterns come from
 * configuration files and command lines, that is from anyone.
 */
export function compileGlob(glob: string, options: { ignoreCase?: boolean } = {}): GlobMatcher {
  const fold = options.ignoreCase === true;
  const nodes = parseGlob(fold ? glob.toLowerCase() : glob);
  return {
    test(input: string): boolean {
      const cps = Array.from(fold ? input.toLowerCase() : input, (ch) => ch.codePointAt(0)!);
      const start = new Uint8Array(cps.length + 1);
      start[0] = 1;
      const end = run(nodes, start, cps, fold);
      return end !== null && end[cps.length] === 1;
    },
  };
}

/** The positions reachable after `nodes` from the positions set in `from`; null when none. */
function run(nodes: readonly GlobNode[], from: Uint8Array, cps: readonly number[], fold: boolean): Uint8Array | null {
  let set: Uint8Array | null = from;
  for (const node of nodes) {
    set = step(node, set, cps, fold);
    if (set === null) return null;
  }
  return set;
}

function inClass(node: { negated: boolean; ranges: Array<[number, number]> }, cp: number, fold: boolean): boolean {
  const alt = fold ? String.fromCodePoint(cp).toUpperCase().codePointAt(0)! : cp;
  const hit = node.ranges.some(([lo, hi]) => (cp >= lo && cp <= hi) || (alt >= lo && alt <= hi));
  return hit !== node.negated;
}

function step(node: GlobNode, from: Uint8Array, cps: readonly number[], fold: boolean): Uint8Array | null {
  const n = cps.length;
  const to = new Uint8Array(n + 1);
  let any = false;
  switch (node.t) {
    case 'lit': {
      const c = node.c.codePointAt(0)!;
      for (let i = 0; i < n; i++) if (from[i] && cps[i] === c) to[i + 1] = 1, (any = true);
      break;
    }
    case 'any':
    case 'class':
      for (let i = 0; i < n; i++) {
        const c = cps[i]!;
        // A class may match a leading `.` (`[.]plan`), as the shells do; `?` may not.
        if (!from[i] || c === SLASH || (node.t === 'any' && node.atStart && c === DOT)) continue;
        if (node.t === 'class' && !inClass(node, c, fold)) continue;
        to[i + 1] = 1;
        any = true;
      }
      break;
    case 'star': {
      // From each start, any run of characters other than `/`; at a segment start, not from a `.`.
      let live = false;
      for (let j = 0; j <= n; j++) {
        if (from[j] && !(node.atStart && cps[j] === DOT)) live = true;
        if (live) to[j] = 1, (any = true);
        if (j < n && cps[j] === SLASH) live = false;
      }
      break;
    }
    case 'globstar':
      if (!node.trailing) {
        // `**/`: zero or more whole segments, each non-empty, not hidden, ending in `/`.
        let inSegment = false;
        for (let j = 0; j <= n; j++) {
          if (from[j]) to[j] = 1;
          if (to[j]) any = true;
          if (j === n) break;
          const c = cps[j]!;
          if (c === SLASH) {
            if (inSegment) to[j + 1] = 1;
            inSegment = false;
          } else if (to[j] && c !== DOT) inSegment = true;
        }
      } else {
        // A trailing `**`: nothing, or segments (non-empty, not hidden) joined by single `/`.
        let inSegment = false;
        let afterSlash = false;
        for (let j = 0; j <= n; j++) {
          if (from[j] || inSegment) to[j] = 1, (any = true);
          if (j === n) break;
          const c = cps[j]!;
          const startsHere: boolean = (from[j] === 1 || afterSlash) && c !== SLASH && c !== DOT;
          const nextAfterSlash: boolean = inSegment && c === SLASH;
          inSegment = startsHere || (inSegment && c !== SLASH);
          afterSlash = nextAfterSlash;
        }
      }
      break;
    case 'alt':
      for (const alt of node.alts) {
        const reached = run(alt, from, cps, fold);
        if (reached === null) continue;
        for (let j = 0; j <= n; j++) if (reached[j]) to[j] = 1, (any = true);
      }
      break;
  }
  return any ? to : null;
}
