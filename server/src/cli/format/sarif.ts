// The `sarif` format: a SARIF 2.1.0 log (GitHub code scanning and other viewers), one run, rules described in the driver.
import { pathToFileURL } from 'node:url';
import { ruleDocUrl } from '../../lint/docs.js';
import type { Rule } from '../../lint/rule.js';
import type { LintDiagnostic, Locale } from '../../lint/types.js';
import { positionsOf, type Formatter, type ReportFile } from './report.js';

/** The schema a SARIF 2.1.0 log names. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The base id of relative artifact URIs: the working directory the CLI ran in. */
export const SRCROOT = '%SRCROOT%';

const LEVELS: Record<LintDiagnostic['severity'], 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * An artifact location for a display path: relative paths become relative URIs under `%SRCROOT%`,
 * each segment percent-encoded (Chinese names, spaces, `#`); absolute paths become `file:` URIs.
 */
export function artifactLocation(displayPath: string): { uri: string; uriBaseId?: string } {
  if (/^(?:\/|[A-Za-z]:\/)/.test(displayPath)) return { uri: pathToFileURL(displayPath).href };
  return { uri: displayPath.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function ruleDescriptor(rule: Rule, locale: Locale) {
  const other: Locale = locale === 'en' ? 'zh-CN' : 'en';
  const level = rule.defaultSeverity === 'off' ? undefined : LEVELS[rule.defaultSeverity];
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.description[locale] },
    fullDescription: { text: `${rule.description[locale]} / ${rule.description[other]}` },
    ...(ruleDocUrl(rule.id) ? { helpUri: ruleDocUrl(rule.id)! } : {}),
    defaultConfiguration: level ? { level } : { enabled: false },
    properties: { tags: rule.tags, fixable: rule.fixable },
  };
}

function notification(file: ReportFile, level: 'error' | 'warning', text: string) {
  return {
    level,
    message: { text },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(file.path) } }],
  };
}

/** One SARIF result for a finding of a file. */
function result(file: ReportFile, d: LintDiagnostic, ruleIndex: number | undefined) {
  const p = positionsOf(d);
  return {
    ruleId: d.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVELS[d.severity],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(file.path),
          region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
        },
      },
    ],
  };
}

/**
 * The SARIF log, in pieces: the same text as `JSON.stringify(log, null, 2)`, the results written one
 * by one so that the log is never one string in memory. Fixes are not written (findings point at
 * regions; `planlint --fix` applies the fixes).
 */
export const sarif: Formatter = (files, context) => sarifChunks(files, context);

function* sarifChunks(files: readonly ReportFile[], { locale, rules, cwd, version }: Parameters<Formatter>[1]): Generator<string> {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const notifications = files.flatMap((f) =>
    f.error !== undefined ? [notification(f, 'error', f.error)] : f.skipped !== undefined ? [notification(f, 'warning', f.skipped)] : [],
  );
  const root = pathToFileURL(cwd).href.replace(/\/?$/, '/');
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'planlint',
            version,
            semanticVersion: version,
            language: locale === 'en' ? 'en-US' : 'zh-CN',
            rules: rules.map((r) => ruleDescriptor(r, locale)),
          },
        },
        invocations: [
          {
            executionSuccessful: !files.some((f) => f.error !== undefined),
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: root } },
        columnKind: 'utf16CodeUnits',
        results: [],
      },
    ],
  };
  // `results` is the last key of the one run: the log is written around it.
  const whole = JSON.stringify(log, null, 2) + '\n';
  const at = whole.lastIndexOf('"results": []');
  const any = files.some((f) => f.diagnostics.length > 0);
  if (!any) {
    yield whole;
    return;
  }
  yield whole.slice(0, at) + '"results": [\n';
  let first = true;
  for (const file of files) {
    for (const d of file.diagnostics) {
      const text = JSON.stringify(result(file, d, index.get(d.ruleId)), null, 2).replace(/\n/g, '\n        ');
      yield `${first ? '' : ',\n'}        ${text}`;
      first = false;
    }
  }
  yield '\n      ]' + whole.slice(at + '"results": []'.length);
}
