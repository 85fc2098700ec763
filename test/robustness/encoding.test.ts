// Encodings and odd code units end to end: GB18030, UTF-16 LE/BE and UTF-8 with BOMs, NUL bytes, lone surrogates; astral characters in unit names keep exact UTF-16 ranges.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { encodeText, type EncodingName } from '../../server/src/text/encoding.js';
import { resolveConfig } from '../../server/src/config/config.js';
import { hoverAt } from '../../server/src/features/hover.js';
import { renameEdits, sameUnitKeys, unitMentionAt } from '../../server/src/features/references.js';
import { unitCatalog } from '../../server/src/features/workspace-index.js';
import { createPlanService } from '../../server/src/service.js';
import { cleanup, expectCode, jsonOf, planlint, tempDir } from '../cli/run.js';
import { startServer, type LspClient } from '../lsp/client.js';

/**
 * A plan whose units hold characters outside the BMP (`𠀾`, `𪚥`: two UTF-16 units each), placed after
 * other astral characters on the same line so that a count in code points would be off.
 */
const ASTRAL_PLAN = [
  '𠀾市2025年数字政府建设实施方案',
  '',
  '一、重点任务',
  '1.𪚥清理𠀾规范性文件。[牵头单位:𠀾市局;责任单位:𪚥𪚥办、市司法局;完成时限:2025年6月底前]',
  '2.推行执法公示。[牵头单位:𠀾市局;完成时限:2025年9月底前]',
  '3.开展案卷评查𝟙。[牵头单位:未列𪚥局;完成时限:2025年12月底前]',
  '',
].join('\n');
/** The unit list: `𠀾市局` and `市司法局` are known, `𪚥𪚥办` and `未列𪚥局` are not. */
const UNITS = [{ name: '𠀾市局', aliases: ['𠀾局'] }, { name: '市司法局' }];
const CONFIG = { rules: { PL008: 'warning' as const }, units: UNITS };

/** Where each occurrence of `name` is in `text`, as a zero-based line and UTF-16 column range, found by plain string search. */
function occurrences(text: string, name: string): { line: number; start: number; end: number; offset: number }[] {
  const out: { line: number; start: number; end: number; offset: number }[] = [];
  let offset = 0;
  text.split('\n').forEach((line, i) => {
    for (let at = line.indexOf(name); at >= 0; at = line.indexOf(name, at + name.length)) out.push({ line: i, start: at, end: at + name.length, offset: offset + at });
    offset += line.length + 1;
  });
  return out;
}

describe('astral characters in unit names: ranges cover exactly the unit, in UTF-16 code units', () => {
  const service = createPlanService({ today: '2025-01-01' });
  const config = resolveConfig([CONFIG]);
  const { plan, diagnostics } = service.analyze(ASTRAL_PLAN, config);

  it('the test text is what it claims: the names hold surrogate pairs and sit after other astral characters', () => {
    assert.equal('𠀾市局'.length, 4);
    assert.equal('未列𪚥局'.length, 5);
    assert.ok(occurrences(ASTRAL_PLAN, '𪚥𪚥办')[0]!.start > [...ASTRAL_PLAN.split('\n')[3]!.slice(0, occurrences(ASTRAL_PLAN, '𪚥𪚥办')[0]!.start)].length, 'code points and code units differ before the unit');
  });

  it('unit mentions: their span holds exactly the name as written', () => {
    for (const name of ['𠀾市局', '𪚥𪚥办', '未列𪚥局', '市司法局']) {
      const spans = plan.units.filter((u) => u.name === name).map((u) => ({ start: u.span.start, end: u.span.end, line: u.range.start.line, col: u.range.start.character, endCol: u.range.end.character }));
      const want = occurrences(ASTRAL_PLAN, name).map((o) => ({ start: o.offset, end: o.offset + name.length, line: o.line, col: o.start, endCol: o.end }));
      assert.deepEqual(spans, want, name);
    }
  });

  it('PL008 (unit-unknown): its ranges cover exactly the unknown units', () => {
    const unknown = diagnostics.filter((d) => d.ruleId === 'PL008');
    const want = ['𪚥𪚥办', '未列𪚥局'].flatMap((n) => occurrences(ASTRAL_PLAN, n)).sort((a, b) => a.offset - b.offset);
    assert.deepEqual(
      unknown.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]),
      want.map((o) => [o.line, o.start, o.line, o.end]),
    );
    for (const d of unknown) assert.match(ASTRAL_PLAN.slice(d.span.start, d.span.end), /^(𪚥𪚥办|未列𪚥局)$/);
  });

  it('hover on every code unit of an astral unit name covers exactly the name', () => {
    const catalog = unitCatalog(config.units);
    for (const o of occurrences(ASTRAL_PLAN, '𠀾市局')) {
      for (let offset = o.offset; offset <= o.offset + '𠀾市局'.length; offset++) {
        const hover = hoverAt(plan, offset, { locale: 'zh-CN', today: '2025-01-01', catalog });
        assert.ok(hover, `no hover at ${offset}`);
        assert.deepEqual(hover.span, { start: o.offset, end: o.offset + '𠀾市局'.length }, `hover at ${offset}`);
      }
    }
  });

  it('rename replaces exactly every mention of the unit and nothing else', () => {
    const mention = unitMentionAt(plan, occurrences(ASTRAL_PLAN, '𠀾市局')[0]!.offset + 1);
    assert.ok(mention);
    const edits = renameEdits(plan, sameUnitKeys(mention.key, unitCatalog(config.units)), '𫠝新局');
    assert.deepEqual(
      edits.map((e) => e.span),
      occurrences(ASTRAL_PLAN, '𠀾市局').map((o) => ({ start: o.offset, end: o.offset + '𠀾市局'.length })),
    );
    let renamed = ASTRAL_PLAN;
    for (const e of [...edits].reverse()) renamed = renamed.slice(0, e.span.start) + e.newText + renamed.slice(e.span.end);
    assert.equal(renamed, ASTRAL_PLAN.replaceAll('𠀾市局', '𫠝新局'));
  });

  it('after a lone surrogate and a NUL on the line, ranges still count UTF-16 units', () => {
    const odd = ASTRAL_PLAN.replace('3.开展案卷评查𝟙。', '3.开展\ud800案卷\u0000评查\udc00𝟙。');
    const unknown = service.analyze(odd, config).diagnostics.filter((d) => d.ruleId === 'PL008');
    const want = ['𪚥𪚥办', '未列𪚥局'].flatMap((n) => occurrences(odd, n)).sort((a, b) => a.offset - b.offset);
    assert.deepEqual(
      unknown.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]),
      want.map((o) => [o.line, o.start, o.end]),
    );
  });

  describe('over the language server', function () {
    this.timeout(60_000);
    let client: LspClient;
    before(async () => {
      ({ client } = await startServer({ settings: CONFIG, initializationOptions: { today: '2025-01-01', workspaceIndex: false } }));
    });
    after(async () => client.shutdown());

    it('published diagnostics, hover and rename use the same UTF-16 ranges', async () => {
      const uri = 'untitled:astral.plan';
      client.open(uri, ASTRAL_PLAN);
      // The settings come by workspace/configuration: wait for a publish that used them (PL008 is off by default).
      const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'PL008'));
      const unknown = published.diagnostics.filter((d) => d.code === 'PL008');
      const want = ['𪚥𪚥办', '未列𪚥局'].flatMap((n) => occurrences(ASTRAL_PLAN, n)).sort((a, b) => a.offset - b.offset);
      assert.deepEqual(
        unknown.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]),
        want.map((o) => [o.line, o.start, o.line, o.end]),
      );
      const at = occurrences(ASTRAL_PLAN, '𠀾市局')[0]!;
      const hover = await client.request<{ range: { start: { line: number; character: number }; end: { line: number; character: number } } } | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line: at.line, character: at.start + 2 },
      });
      assert.deepEqual(hover?.range, { start: { line: at.line, character: at.start }, end: { line: at.line, character: at.end } });
      const edit = await client.request<{ changes?: Record<string, { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]>; documentChanges?: { edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] }[] } | null>('textDocument/rename', {
        textDocument: { uri },
        position: { line: at.line, character: at.start + 1 },
        newName: '𫠝新局',
      });
      const ranges = edit?.changes?.[uri]?.map((e) => e.range) ?? edit?.documentChanges?.flatMap((c) => c.edits.map((e) => e.range)) ?? [];
      assert.deepEqual(
        ranges.map((r) => [r.start.line, r.start.character, r.end.character]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!),
        occurrences(ASTRAL_PLAN, '𠀾市局').map((o) => [o.line, o.start, o.end]),
      );
    });
  });
});

describe('encodings through the CLI: the same findings at the same UTF-16 positions in every encoding', function () {
  this.timeout(120_000);
  const dir = tempDir('planlint-enc-robust-');
  after(() => cleanup(dir));
  fs.writeFileSync(path.join(dir, '.planlintrc.json'), JSON.stringify(CONFIG));
  const encodings: [string, EncodingName, boolean][] = [
    ['utf8', 'utf8', false],
    ['utf8-bom', 'utf8', true],
    ['utf16le-bom', 'utf16le', true],
    ['utf16be-bom', 'utf16be', true],
    ['gb18030', 'gb18030', false],
  ];
  for (const [label, enc, bom] of encodings) fs.writeFileSync(path.join(dir, `${label}.plan`), encodeText(ASTRAL_PLAN, enc, bom));

  it('lints every file alike, with the encoding and BOM recognised', () => {
    const r = planlint(['--format', 'json', '--max-severity', 'off', '--concurrency', 'off', dir]);
    expectCode(r, 0);
    const results = jsonOf(r);
    assert.equal(results.length, encodings.length);
    const byName = new Map(results.map((f) => [path.basename(f.path, '.plan'), f]));
    const reference = byName.get('utf8')!;
    assert.ok(reference.diagnostics.some((d) => d.ruleId === 'PL008'), 'the reference run has PL008 findings');
    const unknown = reference.diagnostics.filter((d) => d.ruleId === 'PL008');
    const want = ['𪚥𪚥办', '未列𪚥局'].flatMap((n) => occurrences(ASTRAL_PLAN, n)).sort((a, b) => a.offset - b.offset);
    assert.deepEqual(unknown.map((d) => [d.line, d.column, d.endColumn]), want.map((o) => [o.line + 1, o.start + 1, o.end + 1]), 'columns are UTF-16 units plus one');
    const sig = (f: typeof reference) => f.diagnostics.map((d) => `${d.ruleId} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.message}`);
    for (const [label, enc, bom] of encodings) {
      const f = byName.get(label);
      assert.ok(f, label);
      assert.equal(f.skipped, undefined, `${label} skipped: ${f.skipped}`);
      assert.equal(f.encoding, enc, label);
      assert.equal(f.bom ?? false, bom, label);
      assert.deepEqual(sig(f), sig(reference), label);
    }
  });

  it('--fix writes each file back in its own encoding and BOM, astral characters intact', () => {
    const text = ASTRAL_PLAN.replace('2.推行', '5.推行').replace('3.开展', '9.开展'); // PL004 renumbers: a safe fix
    const fixedText = createPlanService().fixAll(text, resolveConfig([CONFIG])).text;
    assert.notEqual(fixedText, text, 'the test text has a safe fix');
    for (const [label, enc, bom] of encodings) fs.writeFileSync(path.join(dir, `${label}.plan`), encodeText(text, enc, bom));
    expectCode(planlint(['--fix', '--max-severity', 'off', '--concurrency', 'off', dir]), 0);
    for (const [label, enc, bom] of encodings) {
      assert.deepEqual(fs.readFileSync(path.join(dir, `${label}.plan`)), Buffer.from(encodeText(fixedText, enc, bom)), label);
    }
  });

  it('NUL bytes: a UTF-8 file with a NUL is skipped as binary with a message, the run goes on', () => {
    const sub = path.join(dir, 'nul');
    fs.mkdirSync(sub);
    fs.writeFileSync(path.join(sub, 'nul.plan'), Buffer.concat([Buffer.from('某市2025年工作方案\n一、重点任务\n1.清理\u0000文件。\n')]));
    fs.writeFileSync(path.join(sub, 'ok.plan'), '某市2025年工作方案\n一、重点任务\n1.清理文件。\n');
    const r = planlint(['--format', 'json', '--max-severity', 'off', sub]);
    expectCode(r, 0);
    const byName = new Map(jsonOf(r).map((f) => [path.basename(f.path), f]));
    assert.match(byName.get('nul.plan')?.skipped ?? '', /\S/, 'nul.plan is skipped with a reason');
    assert.equal(byName.get('ok.plan')?.skipped, undefined);
    assert.ok((byName.get('ok.plan')?.diagnostics.length ?? 0) > 0, 'ok.plan is still linted');
  });

  it('a NUL read from UTF-16 (forced): linted, positions in UTF-16 units, --fix keeps it', () => {
    const sub = path.join(dir, 'odd');
    fs.mkdirSync(sub);
    const text = '某市2025年工作方案\n一、重点任务\n5.清理\u0000文件。[牵头单位:未列𪚥局;完成时限:2025年6月底前]\n';
    const file = path.join(sub, 'odd.plan');
    fs.writeFileSync(file, Buffer.from('\ufeff' + text, 'utf16le'));
    fs.writeFileSync(path.join(sub, '.planlintrc.json'), JSON.stringify(CONFIG));
    const r = planlint(['--format', 'json', '--max-severity', 'off', '--encoding', 'utf16le', file]);
    expectCode(r, 0);
    const [result] = jsonOf(r);
    assert.equal(result?.skipped, undefined, `skipped: ${result?.skipped}`);
    const unknown = result!.diagnostics.find((d) => d.ruleId === 'PL008');
    const at = occurrences(text, '未列𪚥局')[0]!;
    assert.deepEqual([unknown?.line, unknown?.column, unknown?.endColumn], [at.line + 1, at.start + 1, at.end + 1]);
    expectCode(planlint(['--fix', '--max-severity', 'off', '--encoding', 'utf16le', file]), 0);
    assert.equal(fs.readFileSync(file).toString('utf16le'), '\ufeff' + text.replace('5.清', '1.清'), 'the numbering fixed, the NUL kept');
  });

  it('a lone surrogate in a UTF-16 file: a clear error (exit 2), and --fix leaves the file alone', () => {
    const sub = path.join(dir, 'lone');
    fs.mkdirSync(sub);
    const file = path.join(sub, 'lone.plan');
    const bytes = Buffer.from('\ufeff某市2025年工作方案\n一、重点任务\n5.清\ud800理文件。\n', 'utf16le');
    fs.writeFileSync(file, bytes);
    const r = planlint(['--locale', 'en', file]);
    expectCode(r, 2);
    assert.match(r.stderr, /lone\.plan.*UTF-16/, r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    planlint(['--fix', file]);
    assert.deepEqual(fs.readFileSync(file), bytes);
  });

  it('stdin in GB18030 with characters outside the BMP: the same findings as the UTF-8 file', () => {
    const r = planlint(['--format', 'json', '--max-severity', 'off', '--stdin-filename', path.join(dir, 'stdin.plan'), '-'], { input: encodeText(ASTRAL_PLAN, 'gb18030', false) });
    expectCode(r, 0);
    const [result] = jsonOf(r);
    const want = ['𪚥𪚥办', '未列𪚥局'].flatMap((n) => occurrences(ASTRAL_PLAN, n)).sort((a, b) => a.offset - b.offset);
    assert.deepEqual(result!.diagnostics.filter((d) => d.ruleId === 'PL008').map((d) => [d.line, d.column, d.endColumn]), want.map((o) => [o.line + 1, o.start + 1, o.end + 1]));
  });
});


