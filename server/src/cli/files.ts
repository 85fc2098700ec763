// Turns command-line paths, folders and globs into the list of plan files to read, and the files a folder passed over and why.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bytesOf, fsPath, joinBytes, relativePath, showPath } from './byte-paths.js';
import { classifyFile, type FileClass, type Skip, type SkipReason } from './classify.js';
import { compileGlob, hasMagic, splitPattern } from './glob.js';
import type { IgnoreRules } from './ignores.js';
import type { DocumentKind } from '../model/types.js';

export { hasPlanExtension, PLAN_EXTENSIONS } from './classify.js';

/** Folders never entered when a folder or `**` is expanded. */
const SKIPPED_DIRS = new Set(['node_modules']);

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

/** A file met in a folder (or named) and not linted: why, as a code and in both languages. */
export interface SkippedFile {
  abs: string;
  reason: SkipReason;
  zh: string;
  en: string;
}

/** Options of `expandTargets`. */
export interface ExpandOptions {
  cwd: string;
  /** The configuration's `files` patterns name this file (a plan whatever its content). */
  isExtraPlan?: (abs: string) => boolean;
  /** The configuration's `kind` for a file (it wins over the content), or null. */
  kindOf?: (abs: string) => DocumentKind | null;
  /** `--encoding`, to read the head of a text file. */
  encoding?: string;
  /** What folder and glob runs pass over (`.gitignore`, `ignores`, `--ignore-pattern`); none with `--no-ignore`. */
  ignores?: IgnoreRules | null;
}

/** What the arguments gave. */
export interface Expanded {
  targets: Target[];
  unmatched: Unmatched[];
  /** Files met and not linted, in the order met (a file linted through another argument is not among them). */
  skipped: SkippedFile[];
  /** Files and folders passed over by ignore rules. */
  ignored: number;
}

/** What a file found inside a folder is (`classifyFile` with the configuration's `files` and `kind`). */
export function classifyInFolder(abs: string, options: ExpandOptions): FileClass {
  return classifyFile(abs, {
    ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
    kind: options.kindOf?.(abs) ?? null,
    configured: options.isExtraPlan?.(abs) ?? false,
  });
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
 * Skips `node_modules`, hidden folders and what `skip` says (ignore rules); follows symbolic links to files but
 * not to folders (no cycles).
 */
function walk(dir: string, maxDepth: number, visit: (abs: string) => void, skip: (abs: string, isDir: boolean) => boolean): void {
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
      if (maxDepth > 1 && !SKIPPED_DIRS.has(name) && !name.startsWith('.') && !skip(abs, true)) walk(abs, maxDepth - 1, visit, skip);
    } else if ((e.isFile() || (e.isSymbolicLink() && statOf(abs)?.isFile())) && !skip(abs, false)) {
      visit(abs);
    }
  }
}

/**
 * Expands the command-line arguments: `-` is standard input; an existing file is linted whatever its name or
 * content (a Word document is read as Word shows it; a format planlint cannot read is an error); a folder gives its plan files (`classifyInFolder`),
 * recursively, and lists the other text files as skipped with their reason; anything else with glob syntax is
 * matched against the files below its static folder. Folders and globs pass over what `ignores` says. Each file
 * appears once, in the order first met.
 */
export function expandTargets(args: readonly string[], options: ExpandOptions): Expanded {
  const targets: Target[] = [];
  const unmatched: Unmatched[] = [];
  const skipped = new Map<string, SkippedFile>();
  const seen = new Set<string>();
  let stdin = false;
  let ignored = 0;
  const add = (abs: string, root?: string): void => {
    if (seen.has(abs)) return;
    seen.add(abs);
    skipped.delete(abs);
    targets.push(root === undefined ? { kind: 'file', abs } : { kind: 'file', abs, root });
  };
  const skip = (abs: string, c: Skip): void => {
    if (!seen.has(abs) && !skipped.has(abs)) skipped.set(abs, { abs, reason: c.reason, zh: c.zh, en: c.en });
  };
  const ignoring = (root: string) => (abs: string, isDir: boolean): boolean => {
    const yes = options.ignores?.ignores(abs, isDir, root) ?? false;
    if (yes) ignored++;
    return yes;
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
      walk(
        abs,
        Infinity,
        (file) => {
          if (seen.has(file)) return void found++;
          const c = classifyInFolder(file, options);
          if (c === null) return;
          if (c.plan) found++, add(file, abs);
          else skip(file, c);
        },
        ignoring(abs),
      );
      if (found === 0) unmatched.push({ arg, reason: 'no-plans' });
    } else if (hasMagic(arg)) {
      const { base, rest } = splitPattern(arg, windows);
      const baseAbs = path.resolve(options.cwd, base);
      const re = compileGlob(rest, { ignoreCase: windows });
      const depth = rest.includes('**') ? Infinity : rest.split('/').length;
      let found = 0;
      walk(
        baseAbs,
        depth,
        (file) => {
          const rel = showPath(relativePath(baseAbs, file)).split(path.sep).join('/');
          if (!re.test(rel)) return;
          found++;
          add(file, baseAbs);
        },
        ignoring(baseAbs),
      );
      if (found === 0) unmatched.push({ arg, reason: 'no-match' });
    } else {
      unmatched.push({ arg, reason: 'missing' });
    }
  }
  return { targets, unmatched, skipped: [...skipped.values()], ignored };
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
