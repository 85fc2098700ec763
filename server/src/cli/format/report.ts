// What every lint output format receives: the files' findings in command-line order, and the run's context.
import type { Rule } from '../../lint/rule.js';
import type { LintDiagnostic, Locale } from '../../lint/types.js';
import type { FileOutcome } from '../lint-file.js';
import type { Colors } from '../terminal.js';

/** One file's findings as the formats show them: what linting gave, under the path to display. */
export type ReportFile = Omit<FileOutcome, 'abs' | 'output'> & {
  /** Relative to the working directory when possible, with forward slashes; `<stdin>` or `--stdin-filename`. */
  path: string;
};

/** Everything about the run a format may need. */
export interface ReportContext {
  locale: Locale;
  colors: Colors;
  rules: readonly Rule[];
  /** The working directory (SARIF's `%SRCROOT%`). */
  cwd: string;
  version: string;
}

/** A lint output format: findings in, text out — whole, or in pieces to write as they come (json, sarif). */
export type Formatter = (files: readonly ReportFile[], context: ReportContext) => string | Iterable<string>;

/**
 * A report's pieces joined into pieces of about `size` characters, to write one at a time: a write for each finding (the
 * JSON report of 1,000 plans is 40,000 pieces) costs a system call and a stream's bookkeeping each, and the report is
 * still never held whole.
 */
export function* joinPieces(pieces: Iterable<string>, size = 1 << 16): Generator<string> {
  let joined = '';
  for (const piece of pieces) {
    joined += piece;
    if (joined.length >= size) {
      yield joined;
      joined = '';
    }
  }
  if (joined !== '') yield joined;
}

/** Counts of findings by severity, and how many have a safe fix. */
export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
}

/** Counts the findings of some files. */
export function countDiagnostics(files: readonly { diagnostics: readonly LintDiagnostic[] }[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0, fixable: 0 };
  for (const f of files) {
    for (const d of f.diagnostics) {
      if (d.severity === 'error') c.errors++;
      else if (d.severity === 'warning') c.warnings++;
      else c.infos++;
      if (d.fix) c.fixable++;
    }
  }
  return c;
}

/** The 1-based positions of a diagnostic, columns in UTF-16 code units (as LSP counts) plus one. */
export function positionsOf(d: LintDiagnostic): { line: number; column: number; endLine: number; endColumn: number } {
  return {
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  };
}
