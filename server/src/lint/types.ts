// Types shared by the rule engine, its rules and every client that shows findings (LSP, CLI, formatters).
import type { Range, Span } from '../model/types.js';

/** How serious a finding is; `off` disables a rule. */
export type Severity = 'error' | 'warning' | 'info' | 'off';

/** Message locale. Chinese first: the users are Chinese drafters. */
export type Locale = 'zh-CN' | 'en';

/** One replacement of a span of the original text (offsets in UTF-16 code units). */
export interface TextEdit {
  span: Span;
  newText: string;
  /**
   * The same insertion as an LSP snippet (`\${1|市司法局,市财政局|}`: a choice), for editors that take
   * snippet edits; `newText` is what it gives with every placeholder at its first choice, for every other client.
   */
  snippet?: string;
}

/** A fix: a titled list of non-overlapping edits against the text that was linted. */
export interface Fix {
  /** What the fix does, in the diagnostic's locale. */
  title: string;
  edits: TextEdit[];
}

/** One finding of one rule, rendered in a locale. */
export interface LintDiagnostic {
  ruleId: string; // 'PL001'
  ruleName: string; // 'lead-unit-missing'
  /** The rule's message id (`missing`, `mostMissing`…), so that a client can tell findings of one rule apart. */
  messageId?: string;
  severity: Exclude<Severity, 'off'>;
  message: string;
  span: Span;
  range: Range;
  /** A safe fix that `--fix` and fix-all may apply. */
  fix?: Fix;
  /** Fixes offered to a person but never applied automatically. */
  suggestions?: Fix[];
}

/** The findings for one file, as the CLI and its formatters see them. */
export interface FileResult {
  /** The path as given or found (relative to the working directory when possible). */
  path: string;
  diagnostics: LintDiagnostic[];
  /** The file could not be read or was skipped (binary, bad encoding); shown instead of findings. */
  skipped?: string;
  /** Text after --fix, when it changed. */
  fixed?: boolean;
}
