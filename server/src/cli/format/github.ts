// The `github` format: GitHub Actions workflow commands (`::error file=…,line=…::message`) that become annotations.
import type { LintDiagnostic } from '../../lint/types.js';
import { NOT_A_PLAN } from '../classify.js';
import { positionsOf, type Formatter } from './report.js';

/** Escapes a command's message: `%`, CR and LF (GitHub's `escapeData`). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value: as data, plus `:` and `,` (GitHub's `escapeProperty`). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMANDS: Record<LintDiagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' };

function command(name: string, props: Array<[string, string | number]>, message: string): string {
  const list = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${name}${list ? ' ' + list : ''}::${escapeData(message)}\n`;
}

/**
 * One line per finding. Columns are given only for a finding on one line: GitHub ignores (and may
 * reject) `col`/`endColumn` on an annotation that spans lines.
 */
export const github: Formatter = (files) => {
  let out = '';
  for (const f of files) {
    if (f.error !== undefined) out += command('error', [['file', f.path], ['title', 'planlint']], f.error);
    else if (f.skipped !== undefined) {
      // A file that is not a plan is a notice; one that could not be read (binary, Word, encoding) a warning.
      const notAPlan = f.skipReason !== undefined && NOT_A_PLAN.has(f.skipReason);
      out += command(notAPlan ? 'notice' : 'warning', [['file', f.path], ['title', 'planlint']], f.skipped);
    }
    for (const d of f.diagnostics) {
      const p = positionsOf(d);
      const props: Array<[string, string | number]> = [['file', f.path], ['line', p.line]];
      if (p.endLine === p.line) props.push(['col', p.column], ['endLine', p.endLine], ['endColumn', p.endColumn]);
      else props.push(['endLine', p.endLine]);
      props.push(['title', `${d.ruleId} ${d.ruleName}`]);
      out += command(COMMANDS[d.severity], props, d.message);
    }
  }
  return out;
};
