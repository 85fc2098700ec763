// Turns command-line paths, folders and globs into the list of plan files to read; decides what a plan file is.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bytesOf, fsPath, joinBytes, relativePath, showPath } from './byte-paths.js';
import { isDocxPlan } from './docx.js';
import { decodeText } from './encoding.js';
import { compileGlob, hasMagic, splitPattern } from './glob.js';

/** File names that are plans whatever their content (case-insensitive). */
export const PLAN_EXTENSIONS: readonly string[] = ['.plan', '.plan.txt', '.plan.md'];

/**
 * A `.txt` / `.md` file is a plan when its first non-empty line names one within its first 60
 * characters (the same test as the editor's `firstLine`): 实施方案, 工作方案, 工作要点, 工作安排, 任务分工,
 * in either script.
 */
export const PLAN_FIRST_LINE = /^\s*(?:#+\s*)?.{0,60}(?:实施方案|實施方案|工作方案|工作要点|工作要點|工作安排|任务分工|任務分工)/u;

/** Folders never entered when a folder or `**` is expanded. */
const SKIPPED_DIRS = new Set(['node_modules']);

/** How many leading bytes are read to find a file's first line. */
const HEAD_BYTES = 4096;

/**
 * One thing to lint, in command-line order: a file (absolute path) or standard input. A file found in a
 * folder or by a glob has `root`, that folder (the glob's static part): `--fix` writes only below it.
 */
export type Target = { kind: 'file'; abs: string; root?: string } | { kind: 'stdin' };

/** An argument that gave nothing to lint. */
export interface Unmatched {
  arg: string;
  reason: 'missing' | 'no-match' | 'no-plans';
}

/** Options of `expandTargets`. */
export interface ExpandOptions {
  cwd: string;
  /** Extra test for files found in folders (the configuration's `files` patterns). */
  isExtraPlan?: (abs: string) => boolean;
}

/** True when the name ends in `.plan`, `.plan.txt` or `.plan.md`. */
export function hasPlanExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return PLAN_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** The first non-empty line of a file's first bytes, decoded as the file would be; null when none or unreadable. */
export function firstLineOf(bytes: Uint8Array): string | null {
  // The head may end inside a multi-byte character: try shorter cuts (GB18030 codes are at most 4 bytes).
  for (let cut = 0; cut < 4 && cut < Math.max(1, bytes.length); cut++) {
    const decoded = decodeText(bytes.subarray(0, bytes.length - cut));
    if ('text' in decoded) {
      for (const line of decoded.text.split(/\r\n|\r|\n/)) {
        if (line.trim() !== '') return line;
      }
      return null;
    }
    if ('binary' in decoded) return null;
  }
  return null;
}

/** True when the file at `abs` is a `.txt` or `.md` whose first non-empty line names a plan. */
export function hasPlanTitle(abs: string): boolean {
  const lower = abs.toLowerCase();
  if (!lower.endsWith('.txt') && !lower.endsWith('.md')) return false;
  let fd: number | undefined;
  try {
    fd = fs.openSync(fsPath(abs), 'r');
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = fs.readSync(fd, buf, 0, HEAD_BYTES, 0);
    const line = firstLineOf(buf.subarray(0, n));
    return line !== null && PLAN_FIRST_LINE.test(line);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Whether a file found inside a folder is linted. */
export function isPlanFile(abs: string, isExtraPlan?: (abs: string) => boolean): boolean {
  return hasPlanExtension(path.basename(abs)) || hasPlanTitle(abs) || isDocxPlan(abs, PLAN_FIRST_LINE) || (isExtraPlan?.(abs) ?? false);
}

function statOf(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(fsPath(p), { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/**
 * Every file below `dir`, sorted, depth first, at most `maxDepth` folders down (1: only `dir`'s own files).
 * Skips `node_modules` and hidden folders; follows symbolic links to files but not to folders (no cycles).
 */
function walk(dir: string, maxDepth: number, visit: (abs: string) => void): void {
  // Names are read as bytes: one that is not UTF-8 (GBK names from a Windows archive) stays readable.
  let entries: Array<{ entry: fs.Dirent<Buffer>; name: string; abs: string }>;
  try {
    entries = fs.readdirSync(fsPath(dir), { withFileTypes: true, encoding: 'buffer' }).map((entry) => {
      const abs = joinBytes(dir, entry.name);
      return { entry, name: entry.name.toString('utf8'), abs };
    });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.abs < b.abs ? -1 : a.abs > b.abs ? 1 : 0));
  for (const { entry: e, name, abs } of entries) {
    if (e.isDirectory()) {
      if (maxDepth > 1 && !SKIPPED_DIRS.has(name) && !name.startsWith('.')) walk(abs, maxDepth - 1, visit);
    } else if (e.isFile()) {
      visit(abs);
    } else if (e.isSymbolicLink() && statOf(abs)?.isFile()) {
      visit(abs);
    }
  }
}

/**
 * Expands the command-line arguments: `-` is standard input; an existing file is linted whatever its
 * name; a folder gives its plan files (`isPlanFile`), recursively; anything else with glob syntax is
 * matched against the files below its static folder. Each file appears once, in the order first met.
 */
export function expandTargets(args: readonly string[], options: ExpandOptions): { targets: Target[]; unmatched: Unmatched[] } {
  const targets: Target[] = [];
  const unmatched: Unmatched[] = [];
  const seen = new Set<string>();
  let stdin = false;
  const add = (abs: string, root?: string): boolean => {
    if (seen.has(abs)) return false;
    seen.add(abs);
    targets.push(root === undefined ? { kind: 'file', abs } : { kind: 'file', abs, root });
    return true;
  };
  const windows = process.platform === 'win32';
  for (const arg of args) {
    if (arg === '-') {
      if (!stdin) targets.push({ kind: 'stdin' });
      stdin = true;
      continue;
    }
    const abs = path.resolve(options.cwd, arg);
    const st = statOf(abs);
    if (st?.isFile()) {
      add(abs);
    } else if (st?.isDirectory()) {
      let found = 0;
      walk(abs, Infinity, (file) => {
        if (isPlanFile(file, options.isExtraPlan)) found++, add(file, abs);
      });
      if (found === 0) unmatched.push({ arg, reason: 'no-plans' });
    } else if (hasMagic(arg)) {
      const { base, rest } = splitPattern(arg, windows);
      const baseAbs = path.resolve(options.cwd, base);
      const re = compileGlob(rest, { ignoreCase: windows });
      const depth = rest.includes('**') ? Infinity : rest.split('/').length;
      let found = 0;
      walk(baseAbs, depth, (file) => {
        const rel = showPath(relativePath(baseAbs, file)).split(path.sep).join('/');
        if (re.test(rel)) found++, add(file, baseAbs);
      });
      if (found === 0) unmatched.push({ arg, reason: 'no-match' });
    } else {
      unmatched.push({ arg, reason: 'missing' });
    }
  }
  return { targets, unmatched };
}

/**
 * True when `abs`, links resolved, lies below `root` (links resolved too): what `--fix` may write
 * through a path found in a folder. A file that cannot be resolved does not.
 */
export function staysInside(abs: string, root: string): boolean {
  try {
    const real = (p: string) => fs.realpathSync.native(fsPath(p), { encoding: 'buffer' }).toString('latin1');
    const rel = path.relative(real(root), real(abs));
    return rel !== '' && !rel.startsWith('..' + path.sep) && rel !== '..' && !path.isAbsolute(rel);
  } catch {
    return false;
  }
}

/** A path for people and reports: relative to `cwd` when below it or near it, with forward slashes. */
export function displayPath(abs: string, cwd: string): string {
  const rel = relativePath(cwd, abs);
  if (rel === '' || path.isAbsolute(bytesOf(rel).toString('latin1'))) return showPath(abs).split(path.sep).join('/');
  return showPath(rel).split(path.sep).join('/');
}
