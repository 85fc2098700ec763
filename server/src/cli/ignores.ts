// What folder and glob runs pass over: `.gitignore` files, the configuration's `ignores`, `--ignore-pattern`.
// Patterns are read by the `ignore` library (the `.gitignore` rules git itself follows).
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { fsPath, relativePath, showPath } from './byte-paths.js';

/** Where ignore rules come from. */
export interface IgnoreOptions {
  /** Read `.gitignore` files: from the repository's root (the folder holding `.git`) down to each file's folder. */
  gitignore: boolean;
  /** `--ignore-pattern` patterns, relative to `cwd`. */
  patterns: readonly string[];
  cwd: string;
  /** The configuration's `ignores` for a folder, relative to `base` (the config file's folder). */
  configIgnores?: (dir: string) => { base: string; patterns: readonly string[] } | null;
}

/** One set of rules and the folder its patterns are relative to. */
interface Layer {
  base: string;
  rules: Ignore;
}

/**
 * A path relative to `base` in the form the library reads (forward slashes, a folder ends in `/`; a name that is
 * not UTF-8 with its bytes written `\xHH`); null outside `base`.
 */
function relativeTo(base: string, abs: string, dir: boolean): string | null {
  const rel = showPath(relativePath(base, abs));
  if (rel === '' || rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel)) return null;
  const slashed = rel.split(path.sep).join('/');
  return dir ? slashed + '/' : slashed;
}

/** `rules.test(rel)`, never throwing (the library refuses some paths it cannot read: nothing is ignored then). */
function test(rules: Ignore, rel: string): { ignored: boolean; unignored: boolean } {
  try {
    return rules.test(rel);
  } catch {
    return { ignored: false, unignored: false };
  }
}

/** Decides, with caches per folder, whether a path met while walking is ignored. */
export class IgnoreRules {
  private readonly own = new Map<string, Layer | null>();
  private readonly chains = new Map<string, Layer[]>();
  private readonly tops = new Map<string, string>();
  private readonly configLayers = new Map<string, Layer>();
  private readonly cli: Layer | null;

  constructor(private readonly options: IgnoreOptions) {
    this.cli = options.patterns.length > 0 ? { base: options.cwd, rules: ignore().add([...options.patterns]) } : null;
  }

  /** True when `abs` (a folder when `dir`), met while walking `root`, is ignored. `root` itself never is. */
  ignores(abs: string, dir: boolean, root: string): boolean {
    const parent = path.dirname(abs);
    if (this.options.gitignore) {
      let ignored = false;
      for (const layer of this.gitChain(parent, this.top(root))) {
        const rel = relativeTo(layer.base, abs, dir);
        if (rel === null) continue;
        const r = test(layer.rules, rel);
        if (r.ignored) ignored = true;
        else if (r.unignored) ignored = false;
      }
      if (ignored) return true;
    }
    const config = this.configLayer(parent);
    for (const layer of config ? [config, this.cli] : [this.cli]) {
      if (!layer) continue;
      const rel = relativeTo(layer.base, abs, dir);
      if (rel !== null && test(layer.rules, rel).ignored) return true;
    }
    return false;
  }

  /**
   * Where `.gitignore` files start to count for a walk of `root`: the root of the repository holding it, else
   * `root` itself (outside a repository, no folder above the one named is read).
   */
  private top(root: string): string {
    let top = this.tops.get(root);
    if (top === undefined) {
      top = root;
      for (let dir = root; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, '.git'))) {
          top = dir;
          break;
        }
        if (path.dirname(dir) === dir) break;
      }
      this.tops.set(root, top);
    }
    return top;
  }

  /** The `.gitignore` layers that apply in `dir`, outermost first, from `top` down. */
  private gitChain(dir: string, top: string): Layer[] {
    const key = `${top}\0${dir}`;
    let chain = this.chains.get(key);
    if (chain === undefined) {
      const above = dir === top || relativeTo(top, dir, false) === null ? [] : this.gitChain(path.dirname(dir), top);
      const layer = this.gitignoreOf(dir);
      chain = layer ? [...above, layer] : above;
      this.chains.set(key, chain);
    }
    return chain;
  }

  private gitignoreOf(dir: string): Layer | null {
    let layer = this.own.get(dir);
    if (layer === undefined) {
      layer = null;
      try {
        const text = fs.readFileSync(fsPath(path.join(dir, '.gitignore')), 'utf8');
        layer = { base: dir, rules: ignore().add(text) };
      } catch {
        // no .gitignore here (or unreadable: git would not read it either)
      }
      this.own.set(dir, layer);
    }
    return layer;
  }

  private configLayer(dir: string): Layer | null {
    const found = this.options.configIgnores?.(dir);
    if (!found || found.patterns.length === 0) return null;
    const key = `${found.base}\0${found.patterns.join('\0')}`;
    let layer = this.configLayers.get(key);
    if (!layer) {
      layer = { base: found.base, rules: ignore().add([...found.patterns]) };
      this.configLayers.set(key, layer);
    }
    return layer;
  }
}
