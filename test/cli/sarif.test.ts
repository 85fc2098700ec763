// The SARIF output validated against the official SARIF 2.1.0 JSON Schema (shipped by @microsoft/jest-sarif), and its content.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import AjvModule from 'ajv';
import { artifactLocation } from '../../server/src/cli/format/sarif.js';
import { RULE_DOCS_BASE } from '../../server/src/lint/docs.js';
import { allRules } from '../../server/src/rules/index.js';
import { ROOT } from '../helpers/paths.js';
import { cleanup, expectCode, planlint, tempDir } from './run.js';

const require = createRequire(import.meta.url);

/**
 * The official schema (sarif-2.1.0-rtm.5, draft-04). Ajv 8 speaks draft-07, which reads the same
 * keywords this schema uses once its draft-04 `id` is renamed `$id` and its `$schema` dropped.
 */
function sarifValidator() {
  const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const { $schema, id, ...rest } = schema;
  assert.equal($schema, 'http://json-schema.org/draft-04/schema#');
  // unicodeRegExp off: the schema's `language` pattern (`…-[a-zA-Z]{2}]?$`) is only valid without the `u` flag.
  const ajv = new AjvModule.default({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('date-time', true);
  ajv.addFormat('uri', (s: string) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) && !/\s/.test(s));
  ajv.addFormat('uri-reference', (s: string) => !/[\s<>"{}|\\^`]/.test(s) && !/%(?![0-9A-Fa-f]{2})/.test(s));
  return ajv.compile({ ...rest, $id: id as string });
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; rules: Array<{ id: string; name: string; shortDescription: { text: string }; helpUri?: string; defaultConfiguration: { level?: string; enabled?: boolean } }> } };
    columnKind: string;
    originalUriBaseIds: Record<string, { uri: string }>;
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications?: Array<{ level: string; message: { text: string } }> }>;
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }>;
    }>;
  }>;
}

describe('planlint --format sarif', () => {
  const validate = sarifValidator();

  function check(run: ReturnType<typeof planlint>): SarifLog {
    const log = JSON.parse(run.stdout) as SarifLog;
    const ok = validate(log);
    assert.ok(ok, `not valid SARIF 2.1.0:\n${JSON.stringify(validate.errors?.slice(0, 5), null, 2)}`);
    return log;
  }

  it('the validator rejects broken logs (so that a pass means something)', () => {
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false, 'driver without a name');
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] }), false, 'bad level');
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, columnKind: 'bytes' }] }), false, 'bad columnKind');
  });

  it('every sample: a valid log, one result per finding, with rules metadata', () => {
    const r = planlint(['samples', '--format', 'sarif']);
    expectCode(r, 1);
    const log = check(r);
    const json = JSON.parse(planlint(['samples', '--format', 'json']).stdout) as Array<{ path: string; diagnostics: Array<{ ruleId: string; line: number; column: number; endLine: number; endColumn: number; message: string }> }>;
    const run = log.runs[0]!;
    assert.equal(log.version, '2.1.0');
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.equal(run.tool.driver.name, 'planlint');
    assert.deepEqual(run.tool.driver.rules.map((x) => x.id), allRules.map((x) => x.id));
    for (const rule of run.tool.driver.rules) {
      const source = allRules.find((x) => x.id === rule.id)!;
      assert.equal(rule.name, source.name);
      assert.equal(rule.shortDescription.text, source.description['zh-CN']);
      assert.equal(rule.helpUri, `${RULE_DOCS_BASE}${rule.id}.md`, 'the rule page, the one base of every link');
      if (source.defaultSeverity === 'off') assert.equal(rule.defaultConfiguration.enabled, false);
      else assert.equal(rule.defaultConfiguration.level, { error: 'error', warning: 'warning', info: 'note' }[source.defaultSeverity]);
    }
    const expected = json.flatMap((f) => f.diagnostics.map((d) => `${f.path} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.ruleId} ${d.message}`));
    const actual = run.results.map((res) => {
      const loc = res.locations[0]!.physicalLocation;
      const g = loc.region;
      return `${decodeURIComponent(loc.artifactLocation.uri)} ${g.startLine}:${g.startColumn}-${g.endLine}:${g.endColumn} ${res.ruleId} ${res.message.text}`;
    });
    assert.deepEqual(actual, expected);
    for (const res of run.results) {
      assert.equal(run.tool.driver.rules[res.ruleIndex]!.id, res.ruleId);
      assert.equal(res.locations[0]!.physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    }
    assert.equal(run.originalUriBaseIds['%SRCROOT%']!.uri, pathToFileURL(ROOT).href + '/');
    assert.deepEqual(run.invocations[0], { executionSuccessful: true });
  });

  it('a clean run is a valid log with no results', () => {
    const r = planlint(['samples/clean.plan.md', '--format', 'sarif']);
    expectCode(r, 0);
    assert.deepEqual(check(r).runs[0]!.results, []);
  });

  it('levels: warning and note; English descriptions with --locale en', () => {
    const r = planlint(['test/fixtures/cli/one-warning.plan', '--format', 'sarif', '--locale', 'en', '--rule', 'PL002:info']);
    const log = check(r);
    assert.equal(log.runs[0]!.results[0]!.level, 'note');
    assert.equal(log.runs[0]!.tool.driver.rules[0]!.shortDescription.text, allRules[0]!.description.en);
  });

  it('relative URIs are percent-encoded (Chinese names, spaces, #); skipped files become notifications', () => {
    const dir = tempDir();
    try {
      fs.mkdirSync(path.join(dir, '方案 #1'));
      fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'cli', 'one-error.plan'), path.join(dir, '方案 #1', '工作要点.plan'));
      fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'cli', 'binary.plan'), path.join(dir, 'binary.plan'));
      const r = planlint(['.', '--format', 'sarif'], { cwd: dir });
      const log = check(r);
      const uri = log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri;
      assert.equal(uri, '%E6%96%B9%E6%A1%88%20%231/%E5%B7%A5%E4%BD%9C%E8%A6%81%E7%82%B9.plan');
      const notes = log.runs[0]!.invocations[0]!.toolExecutionNotifications ?? [];
      assert.equal(notes.length, 1);
      assert.equal(notes[0]!.level, 'warning');
      assert.match(notes[0]!.message.text, /二进制文件/);
    } finally {
      cleanup(dir);
    }
  });

  it('artifactLocation: absolute paths become file: URIs', () => {
    assert.deepEqual(artifactLocation('/srv/plans/a b.plan'), { uri: 'file:///srv/plans/a%20b.plan' });
    assert.deepEqual(artifactLocation('../seeds/x.txt'), { uri: '../seeds/x.txt', uriBaseId: '%SRCROOT%' });
  });
});
