// Regular expressions written by users (rule options in configuration files) run on RE2's linear-time engine, never on a backtracking one.
import { RE2JS } from 're2js';

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
    const re = RE2JS.compile(source);
    hit = { test: (s: string) => re.matcher(s).find() };
  } catch (e) {
    hit = { error: e instanceof Error ? e.message : String(e) };
  }
  if (compiled.size >= MAX_CACHED) compiled.clear();
  compiled.set(source, hit);
  return hit;
}
