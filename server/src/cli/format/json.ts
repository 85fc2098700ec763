// The `json` format: an array of file results (FileResult plus counts), every finding with 1-based line/column and its LSP range.
import type { LintDiagnostic } from '../../lint/types.js';
import { countDiagnostics, positionsOf, type Formatter, type ReportFile } from './report.js';

/** One finding in the JSON output. Keys appear in this order; fields are only ever added. */
export interface JsonDiagnostic {
  ruleId: string;
  ruleName: string;
  severity: LintDiagnostic['severity'];
  message: string;
  /** 1-based; columns in UTF-16 code units plus one. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** 0-based LSP range. */
  range: LintDiagnostic['range'];
  /** UTF-16 offsets into the decoded text. */
  span: LintDiagnostic['span'];
  fix?: LintDiagnostic['fix'];
  suggestions?: LintDiagnostic['suggestions'];
}

/** One file in the JSON output. */
export interface JsonFileResult {
  path: string;
  diagnostics: JsonDiagnostic[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableCount: number;
  encoding?: string;
  bom?: boolean;
  skipped?: string;
  /** Why it was skipped: `report`, `other`, `no-evidence` (not a plan), `binary`, `word`, `encoding`, `too-large`, `unreadable`. */
  skipReason?: string;
  error?: string;
  fixed?: boolean;
}

function toJsonDiagnostic(d: LintDiagnostic): JsonDiagnostic {
  return {
    ruleId: d.ruleId,
    ruleName: d.ruleName,
    severity: d.severity,
    message: d.message,
    ...positionsOf(d),
    range: d.range,
    span: d.span,
    ...(d.fix ? { fix: d.fix } : {}),
    ...(d.suggestions?.length ? { suggestions: d.suggestions } : {}),
  };
}

/** The JSON value for some files. */
export function toJsonResults(files: readonly ReportFile[]): JsonFileResult[] {
  return files.map((f) => {
    const c = countDiagnostics([f]);
    return {
      path: f.path,
      diagnostics: f.diagnostics.map(toJsonDiagnostic),
      errorCount: c.errors,
      warningCount: c.warnings,
      infoCount: c.infos,
      fixableCount: c.fixable,
      ...(f.encoding ? { encoding: f.encoding, bom: f.bom ?? false } : {}),
      ...(f.skipped !== undefined ? { skipped: f.skipped } : {}),
      ...(f.skipReason !== undefined ? { skipReason: f.skipReason } : {}),
      ...(f.error !== undefined ? { error: f.error } : {}),
      ...(f.fixed ? { fixed: true } : {}),
    };
  });
}

export const json: Formatter = (files) => JSON.stringify(toJsonResults(files), null, 2) + '\n';
