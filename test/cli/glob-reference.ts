// The regular-expression glob matcher planlint used before the linear one (server/src/cli/glob.ts): kept
// here as the reference the linear matcher is compared with. It backtracks (`*a*a*a…b` takes exponential
// time), so it never runs on patterns from configuration in production.

const REGEX_SYNTAX = /[\\^$.*+?()[\]{}|/]/;

function escapeChar(c: string): string {
  return REGEX_SYNTAX.test(c) ? '\\' + c : c;
}

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

/**
 * Compiles a glob into a RegExp that matches a whole relative path written with forward slashes.
 * `*` and `?` stay inside one path segment; `**` as a whole segment spans any number of segments;
 * `[abc]`, `[a-z]`, `[!a]` are character classes; `{a,b}` are alternatives (nestable); `\` escapes.
 * Wildcards do not match a leading `.` of a segment (hidden files), as in shells.
 */
export function referenceGlobToRegExp(glob: string, options: { ignoreCase?: boolean } = {}): RegExp {
  // Open brace groups: where each closes, and whether it opened at a segment start (so does each alternative).
  const groups: { close: number; atStart: boolean }[] = [];
  let out = '';
  let segmentStart = true;
  const noDot = '(?!\\.)';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    const atStart: boolean = segmentStart;
    segmentStart = false;
    if (c === '\\' && i + 1 < glob.length) {
      out += escapeChar(glob[++i]!);
    } else if (c === '/') {
      out += '\\/';
      segmentStart = true;
    } else if (c === '*') {
      let j = i;
      while (glob[j + 1] === '*') j++;
      const globstar = j > i && atStart && (j + 1 === glob.length || glob[j + 1] === '/');
      if (globstar) {
        if (j + 1 === glob.length) {
          out += `(?:${noDot}[^/]+(?:\\/${noDot}[^/]+)*)?`;
        } else {
          out += `(?:${noDot}[^/]+\\/)*`;
          j++; // the `/` after `**` is part of the group
          segmentStart = true;
        }
      } else {
        out += (atStart ? noDot : '') + '[^/]*';
      }
      i = j;
    } else if (c === '?') {
      out += (atStart ? noDot : '') + '[^/]';
    } else if (c === '[') {
      const close = closingBracket(glob, i);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let k = i + 1;
      let cls = '';
      if (glob[k] === '!' || glob[k] === '^') {
        cls += '^';
        k++;
      }
      for (; k < close; k++) {
        const m = glob[k]!;
        if (m === '\\' && k + 1 < close) cls += '\\' + glob[++k];
        else if (m === '-' && cls !== '' && cls !== '^' && k + 1 < close) cls += '-';
        else cls += /[\\\]^\-[]/.test(m) ? '\\' + m : m;
      }
      out += `(?!\\/)[${cls}]`;
      i = close;
    } else if (c === '{') {
      const close = closingBrace(glob, i);
      if (close < 0) {
        out += '\\{';
        continue;
      }
      groups.push({ close, atStart });
      out += '(?:';
      segmentStart = atStart;
    } else if (c === ',' && groups.length > 0) {
      out += '|';
      segmentStart = groups[groups.length - 1]!.atStart;
    } else if (c === '}' && groups.length > 0 && groups[groups.length - 1]!.close === i) {
      groups.pop();
      out += ')';
    } else {
      out += escapeChar(c);
    }
  }
  return new RegExp(`^${out}$`, options.ignoreCase ? 'iu' : 'u');
}
