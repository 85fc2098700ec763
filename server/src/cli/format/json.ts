// The `json` format: an array of file results (FileResult plus counts), every finding with 1-based line/column and its LSP range.
import type { LintDiagnostic } from '../../lint/types.js';
import type { ParagraphRef, ReportDiagnostic } from '../docx.js';
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
  /** In a Word document: the paragraph (`第 N 段`) or table cell of the finding, with its first words. */
  paragraph?: ParagraphRef;
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
  error?: string;
  fixed?: boolean;
  /** How a Word document was read: tracked changes accepted, comments ignored. */
  notes?: string[];
}

function toJsonDiagnostic(d: ReportDiagnostic): JsonDiagnostic {
  return {
    ruleId: d.ruleId,
    ruleName: d.ruleName,
    severity: d.severity,
    message: d.message,
    ...positionsOf(d),
    ...(d.paragraph ? { paragraph: d.paragraph } : {}),
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
      ...(f.error !== undefined ? { error: f.error } : {}),
      ...(f.fixed ? { fixed: true } : {}),
      ...(f.notes?.length ? { notes: f.notes } : {}),
    };
  });
}

export const json: Formatter = (files) => JSON.stringify(toJsonResults(files), null, 2) + '\n';
