// Regular expressions written by users (rule options in configuration files) run on RE2's linear-time engine, never on a backtracking one.
import { createRequire } from 'node:module';

/**
 * Set by scripts/bundle.js (esbuild `define`): the file beside the bundle that holds re2js, so that a bundle compiles
 * and runs it only when a configuration holds a pattern (most runs hold none). Not defined under tsc (out/).
 */
declare const PLANLINT_RE2_FILE: string | undefined;

type Re2Library = typeof import('re2js');
let re2Library: Re2Library | undefined;

/** re2js, loaded on first use; synchronous, because configuration checks and rules are. */
function re2(): Re2Library {
  if (!re2Library) {
    const requireHere = createRequire(import.meta.url);
    re2Library = requireHere(typeof PLANLINT_RE2_FILE === 'string' ? PLANLINT_RE2_FILE : 're2js') as Re2Library;
  }
  return re2Library;
}

/** A compiled user pattern: `test` finds it anywhere in a string (as RegExp.test does). */
export interface UserPattern {
  test(s: string): boolean;
}

const compiled = new Map<string, UserPattern | { error: string }>();
/** Compiled patterns are kept by source; a configuration holds a handful, so the cache only needs a bound. */
const MAX_CACHED = 512;

/**
 * Compiles a pattern from configuration with RE2 (re2js): matching takes time linear in the input
 * whatever the pattern, so `^(市+)+$` cannot stall a run. RE2 has no look-around and no
 * back-references; such a pattern gives `error` (RE2's own words), which configuration validation
 * reports. Never throws.
 */
export function compileUserPattern(source: string): UserPattern | { error: string } {
  let hit = compiled.get(source);
  if (hit) return hit;
  try {
    const re = re2().RE2JS.compile(source);
    hit = { test: (s: string) => re.matcher(s).find() };
  } catch (e) {
    hit = { error: e instanceof Error ? e.message : String(e) };
  }
  if (compiled.size >= MAX_CACHED) compiled.clear();
  compiled.set(source, hit);
  return hit;
}
