// The `json` format: an array of file results (FileResult plus counts), every finding with 1-based line/column and its LSP range; streamed.
import type { LintDiagnostic, TextEdit } from '../../lint/types.js';
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
  /**
   * The safe fix: its title, and either its `edits` or, when several findings of the file share one
   * fix (PL004 renumbers a whole run for every wrong number in it), `editsRef`, the index of those
   * edits in the file's `sharedEdits`.
   */
  fix?: { title: string; edits?: TextEdit[]; editsRef?: number };
  suggestions?: LintDiagnostic['suggestions'];
}

/** One file in the JSON output. */
export interface JsonFileResult {
  path: string;
  /** Edits shared by the fixes of several findings, written once (see `JsonDiagnostic.fix`). */
  sharedEdits?: TextEdit[][];
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
  /**
   * How a Word document was read (tracked changes accepted, comments ignored), why a text was not checked as a plan, or
   * that a plan held no task that was read.
   */
  notes?: string[];
}

function toJsonDiagnostic(d: ReportDiagnostic, shared: ReadonlyMap<readonly TextEdit[], number>): JsonDiagnostic {
  const ref = d.fix ? shared.get(d.fix.edits) : undefined;
  return {
    ruleId: d.ruleId,
    ruleName: d.ruleName,
    severity: d.severity,
    message: d.message,
    ...positionsOf(d),
    ...(d.paragraph ? { paragraph: d.paragraph } : {}),
    range: d.range,
    span: d.span,
    ...(d.fix ? { fix: ref !== undefined ? { title: d.fix.title, editsRef: ref } : { title: d.fix.title, edits: d.fix.edits } } : {}),
    ...(d.suggestions?.length ? { suggestions: d.suggestions } : {}),
  };
}

/**
 * The edit lists that the fixes of more than one finding of a file share (the same array: rules
 * give every finding of one run the one fix), numbered in order of first use.
 */
function sharedEditsOf(diagnostics: readonly LintDiagnostic[]): Map<readonly TextEdit[], number> {
  const uses = new Map<readonly TextEdit[], number>();
  for (const d of diagnostics) if (d.fix) uses.set(d.fix.edits, (uses.get(d.fix.edits) ?? 0) + 1);
  const shared = new Map<readonly TextEdit[], number>();
  for (const [edits, n] of uses) if (n > 1) shared.set(edits, shared.size);
  return shared;
}

/** Indents every line after the first of a pretty-printed JSON value by `pad`, to nest it. */
function nested(value: unknown, pad: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, '\n' + pad);
}

/**
 * The JSON report, in pieces: the same text as `JSON.stringify(results, null, 2)` but never held
 * whole in memory (100,000 findings, or 2,000 files of them, make a string longer than V8 allows).
 * One piece per finding at most.
 */
export function* jsonChunks(files: readonly ReportFile[]): Generator<string> {
  if (files.length === 0) {
    yield '[]\n';
    return;
  }
  yield '[\n';
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    const c = countDiagnostics([f]);
    const shared = sharedEditsOf(f.diagnostics);
    yield `  {\n    "path": ${JSON.stringify(f.path)},\n`;
    if (shared.size > 0) yield `    "sharedEdits": ${nested([...shared.keys()], '    ')},\n`;
    if (f.diagnostics.length === 0) yield '    "diagnostics": [],\n';
    else {
      yield '    "diagnostics": [\n';
      for (let k = 0; k < f.diagnostics.length; k++) {
        yield `      ${nested(toJsonDiagnostic(f.diagnostics[k]!, shared), '      ')}${k + 1 < f.diagnostics.length ? ',' : ''}\n`;
      }
      yield '    ],\n';
    }
    const rest = {
      errorCount: c.errors,
      warningCount: c.warnings,
      infoCount: c.infos,
      fixableCount: c.fixable,
      ...(f.encoding ? { encoding: f.encoding, bom: f.bom ?? false } : {}),
      ...(f.skipped !== undefined ? { skipped: f.skipped } : {}),
      ...(f.skipReason !== undefined ? { skipReason: f.skipReason } : {}),
      ...(f.error !== undefined ? { error: f.error } : {}),
      ...(f.fixed ? { fixed: true } : {}),
      ...(f.notes?.length ? { notes: f.notes } : {}),
    };
    // The remaining keys of the file object, without its braces.
    const object = nested(rest, '  ');
    const tail = object.slice(object.indexOf('\n') + 1, object.lastIndexOf('\n'));
    yield `${tail}\n  }${i + 1 < files.length ? ',' : ''}\n`;
  }
  yield ']\n';
}

export const json: Formatter = (files) => jsonChunks(files);
