// Between the language service's plain data and LSP types: diagnostics, symbol kinds, offsets ↔ positions (the document's own), and input checks.
import {
  DiagnosticSeverity,
  SymbolKind,
  type Diagnostic,
  type Position,
  type Range,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PlanSymbolKind } from '../service.js';
import { ruleDocUrl } from '../lint/docs.js';
import type { LintDiagnostic, TextEdit } from '../lint/types.js';
import type { Span } from '../model/types.js';

/** The `source` of every diagnostic. */
export const SOURCE = 'planlint';

/** What a published diagnostic carries in `data`, enough to find it again in a later analysis. */
export interface DiagnosticData {
  ruleId: string;
  /** Offsets in the text of `version`. */
  span: Span;
  version: number;
  fixable: boolean;
}

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
} as const;

/** A lint finding as an LSP diagnostic (code = rule id, linked to the rule's page; source = planlint). */
export function toDiagnostic(d: LintDiagnostic, version: number): Diagnostic {
  const data: DiagnosticData = { ruleId: d.ruleId, span: d.span, version, fixable: d.fix !== undefined || 'suggestions' in d };
  const href = ruleDocUrl(d.ruleId);
  return {
    range: d.range,
    severity: SEVERITY[d.severity] ?? DiagnosticSeverity.Warning,
    code: d.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: SOURCE,
    message: d.message,
    data,
  };
}

/** Reads back the `data` of a diagnostic the client sends with a code action request. */
export function diagnosticData(value: unknown): DiagnosticData | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<DiagnosticData>;
  if (typeof v.ruleId !== 'string' || !v.span || typeof v.span.start !== 'number' || typeof v.span.end !== 'number') return null;
  return { ruleId: v.ruleId, span: { start: v.span.start, end: v.span.end }, version: typeof v.version === 'number' ? v.version : -1, fixable: v.fixable === true };
}

const KIND: Record<PlanSymbolKind, SymbolKind> = {
  title: SymbolKind.File,
  chapter: SymbolKind.Namespace,
  heading: SymbolKind.Module,
  task: SymbolKind.Function,
  item: SymbolKind.String,
  table: SymbolKind.Struct,
  row: SymbolKind.Function,
};

/** How an outline node shows in the editor: chapters as namespaces, tasks (and table rows) as functions. */
export function symbolKind(kind: PlanSymbolKind): SymbolKind {
  return KIND[kind] ?? SymbolKind.String;
}

/** True for a well-formed LSP position (non-negative integers). */
export function isPosition(value: unknown): value is Position {
  if (!value || typeof value !== 'object') return false;
  const p = value as Position;
  return Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0;
}

/** True for a well-formed LSP range. */
export function isRange(value: unknown): value is Range {
  return !!value && typeof value === 'object' && isPosition((value as Range).start) && isPosition((value as Range).end);
}

/**
 * The offset of a position the client sent, or null when it is malformed or lies past the last line
 * (a character past the end of its line is clamped to the line's end, as LSP says).
 */
export function offsetOf(doc: TextDocument, position: unknown): number | null {
  if (!isPosition(position) || position.line >= doc.lineCount) return null;
  return doc.offsetAt(position);
}

/** A span of the document as a range, through the document's own `positionAt`. */
export function rangeOf(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

/** Service text edits (offsets) as LSP text edits on `doc`. */
export function toTextEdits(doc: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: rangeOf(doc, e.span), newText: e.newText }));
}

/** Markdown (as the features write it) as plain text, for clients that cannot show Markdown. */
export function markdownToPlain(md: string): string {
  return md.replace(/\\(.)|\*\*/g, (_m, c: string | undefined) => c ?? '');
}

/** The `textDocument.uri` of a request's params, if it is a string. */
export function uriOf(params: unknown): string | undefined {
  const td = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument;
  return typeof td?.uri === 'string' ? td.uri : undefined;
}

/** The `position` of a request's params, unchecked (`offsetOf` checks it). */
export function positionOf(params: unknown): unknown {
  return (params as { position?: unknown } | null)?.position;
}
