// Security (DESIGN §9): exports defuse spreadsheet formulas and escape document text, the webview is locked down, no network code, config is data.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { CONFIG_FILE_NAMES, loadConfigFile } from '../../server/src/config/load.js';
import { exportTable, neutralizeFormula, toCsv, toJson, toMarkdown, toXlsx, type ExportRow } from '../../server/src/features/export.js';
import { taskRowsWithProblems } from '../../server/src/features/task-table.js';
import { createPlanService } from '../../server/src/service.js';
import { cleanup, tempDir } from '../cli/run.js';
import { ROOT } from '../helpers/paths.js';
import { readXlsx } from './xlsx.js';

/** What a spreadsheet reads as the start of a formula (or hides a formula behind). */
/** A cell start a spreadsheet may read as a formula: = + - @, tab, CR, NUL, NEL (U+0085) and the full-width ＝＋－＠. */
const FORMULA_START = /^[=+\-@\t\r\0\u0085\uff1d\uff0b\uff0d\uff20]/;
const DANGEROUS = ['=', '+', '-', '@', '\t', '\r', '=HYPERLINK("http://x.invalid","点此")', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1', '\0=1+1', '\u0085=1', '＝SUM(A1)', '＋1', '－1', '＠SUM(A1)'];

/** A cell value: dangerous starts, Chinese, markup and quotes, line breaks, lone surrogates and astral characters. */
const cell: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('', ...DANGEROUS), fc.array(fc.constantFrom('市司法局', '<b>', '&amp;', '"', "'", ',', '\n', '\r\n', '|', '\\', '𠀾', '\ud800', ' ', '=', 'x'), { maxLength: 8 }))
  .map(([head, rest]) => head + rest.join(''));

const row: fc.Arbitrary<ExportRow> = fc
  .record({
    number: cell,
    section: cell,
    title: cell,
    lead: fc.array(cell, { maxLength: 3 }),
    responsible: fc.array(cell, { maxLength: 3 }),
    deadline: fc.option(cell, { nil: null }),
    problem: fc.option(cell, { nil: null }),
  })
  .map((r) => ({
    number: r.number,
    title: r.title,
    line: 1,
    lead: r.lead,
    responsible: r.responsible,
    deadline: r.deadline === null ? null : { text: r.deadline, end: null, ongoing: false },
    inherited: { lead: false, deadline: false },
    fullNumber: r.number,
    section: r.section,
    problems: r.problem === null ? [] : [{ ruleId: 'PL001', message: r.problem }],
  }));

/** The display cells of a row, as the writers build them (the problems cell lists `ruleId message`). */
function expectedCells(r: ExportRow): string[] {
  return [r.fullNumber, r.section, r.title, r.lead.join('、'), r.responsible.join('、'), r.deadline?.text ?? '', String(r.line), (r.problems ?? []).map((p) => `${p.ruleId} ${p.message}`).join('\n')];
}

/** An RFC 4180 reader (quoted fields, doubled quotes, CRLF records): enough to read back what toCsv writes. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let i = 0;
  while (i < text.length) {
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        assert.ok(i < text.length, 'unterminated quoted CSV field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else value += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        assert.notEqual(text[i], '\n', 'a bare line break in an unquoted CSV field');
        assert.notEqual(text[i], '"', 'a quote inside an unquoted CSV field');
        value += text[i++];
      }
    }
    fields.push(value);
    if (text[i] === ',') i++;
    else {
      assert.ok(text.startsWith('\r\n', i), `a CSV record must end with CRLF at ${i}`);
      i += 2;
      records.push(fields);
      fields = [];
    }
  }
  return records;
}

describe('security: exports', function () {
  this.timeout(120_000);

  it('neutralizeFormula: a cell starting with = + - @ tab or CR gets a leading quote; nothing else changes', () => {
    fc.assert(
      fc.property(cell, (c) => {
        const out = neutralizeFormula(c);
        assert.equal(out, FORMULA_START.test(c) ? `'${c}` : c);
        assert.doesNotMatch(out, FORMULA_START);
      }),
      { numRuns: 2000 },
    );
  });

  it('CSV: read back, every cell is the defused document text, never a formula start', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), (rows) => {
        const csv = toCsv(rows, { problems: true });
        assert.ok(csv.startsWith('\ufeff'));
        const records = readCsv(csv.slice(1));
        assert.equal(records.length, rows.length + 1);
        rows.forEach((r, i) => {
          const got = records[i + 1]!;
          assert.deepEqual(got, expectedCells(r).map(neutralizeFormula));
          for (const value of got) assert.doesNotMatch(value, FORMULA_START, `CSV cell ${JSON.stringify(value)}`);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('XLSX: unzipped and read back, every cell is a text cell holding the defused document text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 4 }), async (rows) => {
        const sheet = readXlsx(await toXlsx(rows, { problems: true }));
        assert.equal(sheet.length, rows.length + 1);
        rows.forEach((r, i) => {
          // Excel's cell limit cuts at 32,767 characters; these cells are short.
          const got = sheet[i + 1]!;
          const want = expectedCells(r).map((c) => neutralizeFormula(c.replace(NOT_XML, '')));
          // A writer may leave empty cells out; the non-empty ones must match in order.
          assert.deepEqual(got.filter((v) => v !== ''), want.filter((v) => v !== ''));
          for (const value of got) assert.doesNotMatch(value, FORMULA_START, `XLSX cell ${JSON.stringify(value)}`);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('from a document: titles, units and deadlines that look like formulas or markup come out defused and escaped in every format', async () => {
    const text = [
      '某市2025年工作方案',
      '一、重点任务',
      '1.=HYPERLINK("http://x.invalid","点此")清理文件。[牵头单位:@市司法局;责任单位:+市财政局、-市教育局;完成时限:2025年6月底前]',
      '2.<img src=x onerror=alert(1)>推行公示制度。[牵头单位:市<b>司法</b>局;完成时限:2025年9月底前]',
      '',
    ].join('\n');
    const { plan, diagnostics } = createPlanService({ today: '2025-01-01' }).analyze(text);
    const rows = taskRowsWithProblems(plan, diagnostics);
    assert.equal(rows.length, 2);
    assert.match(rows[0]!.title, /^=HYPERLINK/, 'the title keeps its text (the test needs a formula-like title)');
    assert.deepEqual(rows[0]!.lead, ['@市司法局']);

    const csv = readCsv(new TextDecoder().decode(await exportTable('csv', 'p.plan', rows, { problems: true })).slice(1));
    const xlsx = readXlsx(await exportTable('xlsx', 'p.plan', rows, { problems: true }));
    for (const [label, table] of [['csv', csv], ['xlsx', xlsx]] as const) {
      for (const value of table.flat()) assert.doesNotMatch(value, FORMULA_START, `${label}: ${JSON.stringify(value)}`);
      assert.ok(table.flat().includes(`'${rows[0]!.title}`), `${label}: the title is there, defused`);
      assert.ok(table.flat().includes("'@市司法局"), `${label}: the lead is there, defused`);
      assert.ok(table.flat().includes(rows[1]!.title), `${label}: markup stays text`);
    }
    assert.deepEqual(rows[1]!.lead, ['市<b>司法</b>局'], 'markup in a unit name is kept as text');
    const json = JSON.parse(toJson('p.plan', rows)) as { tasks: { title: string; lead: string[] }[] };
    assert.deepEqual(json.tasks.map((t) => t.title), rows.map((r) => r.title), 'JSON keeps the text exactly');
  });
});

/** The cells of a Markdown table row `| a | b\\|c |`: split on unescaped pipes, escapes undone, the padding spaces off. */
function markdownCells(line: string): string[] {
  // Raw HTML never reaches a renderer: `<`, `>` and `&` come as entities.
  assert.doesNotMatch(line, /<|>|&(?!(?:lt|gt|amp);)/, `raw HTML in ${JSON.stringify(line)}`);
  const out: string[] = [];
  let cur = '';
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (let i = 1; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\') cur += line[++i] ?? '';
    else if (ch === '|') {
      out.push(decode(cur.slice(1, -1)));
      cur = '';
    } else cur += ch;
  }
  return out;
}

/** What XML 1.0 cannot hold (C0 controls but tab and line breaks, lone surrogates, U+FFFE, U+FFFF): left out of XLSX cells before they are defused. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

describe('security: Markdown export', () => {
  it('escapes `|`, backslashes and line breaks in cells: one table row per task, the cells read back', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), (rows) => {
        const lines = toMarkdown(rows, 'zh-CN', { problems: true }).trimEnd().split('\n');
        assert.equal(lines.length, rows.length + 2);
        rows.forEach((r, i) => {
          const want = expectedCells(r);
          want[7] = (r.problems ?? []).map((p) => `${p.ruleId} ${p.message}`).join('；');
          assert.deepEqual(markdownCells(lines[i + 2]!), want.map((c) => c.replace(/\r?\n|\r/g, ' ')));
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('security: the webview', () => {
  const preview = readFileSync(join(ROOT, 'client', 'src', 'preview.ts'), 'utf8');
  // The webview's script: its source, and the bundle the page loads (dist/preview.js, built before the tests).
  const script = readdirSync(join(ROOT, 'client', 'src', 'webview'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(ROOT, 'client', 'src', 'webview', f), 'utf8'))
    .join('\n');
  const bundle = readFileSync(join(ROOT, 'dist', 'preview.js'), 'utf8');
  // client/src/preview.ts imports vscode, so its HTML builder cannot run here: its source text is checked.

  it("sets a CSP of default-src 'none', with scripts only by a fresh nonce and styles and images from the extension", () => {
    const csp = /const csp = \[([\s\S]*?)\]\.join\('; '\)/.exec(preview)?.[1];
    assert.ok(csp, 'the CSP list in client/src/preview.ts');
    const directives = [...csp.matchAll(/["`]([^"`]+)["`]/g)].map((m) => m[1]!);
    assert.deepEqual(directives, ["default-src 'none'", 'style-src ${webview.cspSource}', "script-src 'nonce-${nonce}'", 'img-src ${webview.cspSource}']);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:|\*/);
    assert.match(preview, /const nonce = randomBytes\(16\)\.toString\('base64'\)/, 'a fresh random nonce per page');
    assert.match(preview, /<meta http-equiv="Content-Security-Policy" content="\$\{csp\}">/);
    const scripts = [...preview.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, ['<script nonce="${nonce}" src="${script}">'], 'the one script carries the nonce');
    assert.doesNotMatch(preview, /<style|\sstyle="|\son\w+=/, 'no inline style or handler (the CSP would block it anyway)');
    const page = /return `<!DOCTYPE html>[\s\S]*?<\/html>`/.exec(preview)?.[0];
    assert.ok(page, 'the page template');
    assert.deepEqual([...page.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]), ['vscode.env.language', 'csp', 'style', 'nonce', 'script'], 'the page interpolates nothing from a document');
  });

  it('the webview script inserts document text with textContent only: no innerHTML, outerHTML, insertAdjacentHTML, document.write, eval', () => {
    for (const [name, code] of [['client/src/webview/', script], ['dist/preview.js', bundle]] as const) {
      assert.doesNotMatch(code, /\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|setTimeout\(\s*['"`]|srcdoc|setAttribute\(\s*['"]style/, name);
      assert.match(code, /\.textContent ?= ?/, name);
      assert.doesNotMatch(code, /https?:\/\/|\/\/[\w.-]+\.\w+\//, `${name}: no remote resource`);
    }
  });
});

/** Source files (TypeScript and JavaScript) under a folder of the repository. */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(path));
    else if (/\.(ts|mts|cts|js|mjs|cjs)$/.test(entry.name)) out.push(path);
  }
  return out;
}

const NETWORK_MODULES = /^(node:)?(http|https|http2|net|dgram|tls|dns)(\/.*)?$/;
const MODULE_SPECIFIERS = /\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s+['"]([^'"]+)['"]|\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
const NETWORK_CALLS = /\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\bEventSource\b|navigator\.sendBeacon/;

/** The original source of a generated position, from a version 3 source map (base64 VLQ mappings). */
function originalSource(map: { sources: string[]; mappings: string }, line: number, column: number): string | null {
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let source = 0;
  let found: string | null = null;
  const lines = map.mappings.split(';');
  for (let l = 0; l <= line && l < lines.length; l++) {
    let col = 0;
    for (const segment of lines[l]!.split(',')) {
      if (segment === '') continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += values[0]!;
      if (values.length > 1) source += values[1]!;
      if (l === line && col <= column && values.length > 1) found = map.sources[source] ?? null;
    }
  }
  return found;
}

describe('security: no network access', () => {
  it('no source under grammar/, server/ or client/ imports a network module or calls fetch', () => {
    const offences: string[] = [];
    for (const dir of ['grammar', 'server', 'client']) {
      for (const file of sources(dir)) {
        const text = readFileSync(join(ROOT, file), 'utf8');
        for (const m of text.matchAll(MODULE_SPECIFIERS)) {
          const spec = m[1] ?? m[2] ?? m[3] ?? m[4]!;
          if (NETWORK_MODULES.test(spec)) offences.push(`${file} imports ${spec}`);
        }
        const call = NETWORK_CALLS.exec(text);
        if (call) offences.push(`${file}: ${call[0]}`);
      }
    }
    assert.deepEqual(offences, []);
  });

  it('the check sees an import of node:net, a require of https and a fetch call', () => {
    const specs = [...`import net from 'node:net';\nconst h = require("https");\nawait import('tls');`.matchAll(MODULE_SPECIFIERS)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]!);
    assert.deepEqual(specs.filter((s) => NETWORK_MODULES.test(s)), ['node:net', 'https', 'tls']);
    assert.match('const r = await fetch (url);', NETWORK_CALLS);
  });

  it('the bundles in dist/ hold no network module or fetch, except `net` inside the LSP libraries’ pipe and socket transports', () => {
    const bundles = readdirSync(join(ROOT, 'dist')).filter((f) => /\.(js|cjs)$/.test(f));
    assert.ok(bundles.length >= 4, `dist/ holds ${bundles.join(', ')}: build first`);
    const offences: string[] = [];
    for (const bundle of bundles) {
      const text = readFileSync(join(ROOT, 'dist', bundle), 'utf8');
      const mapFile = join(ROOT, 'dist', `${bundle}.map`);
      assert.ok(existsSync(mapFile), `${bundle} has no source map`);
      const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; mappings: string };
      const lineStarts = [0];
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
      const where = (offset: number) => {
        let lo = 0;
        let hi = lineStarts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (lineStarts[mid]! <= offset) lo = mid;
          else hi = mid - 1;
        }
        return originalSource(map, lo, offset - lineStarts[lo]!) ?? '(unknown source)';
      };
      for (const m of text.matchAll(/\b(?:__require|require)\s*\(\s*["']([^"']+)["']\s*\)|\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)/g)) {
        const spec = m[1] ?? m[2] ?? m[3]!;
        if (!NETWORK_MODULES.test(spec)) continue;
        const origin = where(m.index);
        // vscode-jsonrpc's Node entry offers pipe and socket transports; planlint speaks over stdio or IPC only.
        const allowed = /^(net|node:net)$/.test(spec) && /node_modules\/vscode-jsonrpc\/lib\/node\/main\.js$/.test(origin);
        if (!allowed) offences.push(`${bundle}: ${spec} from ${origin}`);
      }
      for (const m of text.matchAll(new RegExp(NETWORK_CALLS.source, 'g'))) offences.push(`${bundle}: ${m[0]} from ${where(m.index)}`);
    }
    assert.deepEqual(offences, []);
  });
});

describe('security: config is data', () => {
  it('only JSON and YAML files are config files, never code', () => {
    for (const name of CONFIG_FILE_NAMES) assert.match(name, /\.(json|ya?ml)$/);
  });

  it('the config loader never evaluates: no eval, Function, require, dynamic import or vm', () => {
    // The one module load allowed: the `yaml` library, by a fixed name (a build-time constant or 'yaml'), on first use.
    const YAML_LOADER = /function yaml\(\): YamlLibrary \{\n(?:.*\n)*?\}\n/;
    for (const file of ['server/src/config/load.ts', 'server/src/config/config.ts', 'server/src/config/schema-validator.ts', 'server/src/lsp/settings.ts']) {
      let text = readFileSync(join(ROOT, file), 'utf8');
      const loader = YAML_LOADER.exec(text)?.[0];
      if (loader !== undefined) {
        assert.match(loader, /requireHere\(typeof PLANLINT_YAML_FILE === 'string' \? PLANLINT_YAML_FILE : 'yaml'\)/, `${file}: the yaml loader requires only the yaml library`);
        text = text.replace(loader, '').replace(/^import \{ createRequire \} from 'node:module';$/m, '');
      }
      assert.doesNotMatch(text, /\beval\s*\(|new Function|\brequire\s*\(|\bimport\s*\((?!'yaml'\))|node:vm|createRequire\((?!import\.meta\.url)/, file);
    }
  });

  it('YAML tags that would build objects, and JSON that names __proto__ or constructor, stay plain data', () => {
    const dir = tempDir('planlint-sec-');
    try {
      const yamlFile = join(dir, '.planlintrc.yaml');
      const jsonFile = join(dir, '.planlintrc.json');
      writeFileSync(yamlFile, 'locale: !!js/function "function(){ globalThis.pwned = 1 }"\nrules: !!js/regexp /x/\nunits: [ !!binary aGVsbG8= ]\n');
      writeFileSync(jsonFile, '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "rules": {"__proto__": "error"}}');
      const y = loadConfigFile(yamlFile);
      const j = loadConfigFile(jsonFile);
      assert.ok(y.problems.length > 0 && j.problems.length > 0, 'both are reported');
      assert.equal((globalThis as Record<string, unknown>)['pwned'], undefined);
      assert.equal(({} as Record<string, unknown>)['polluted'], undefined, 'Object.prototype was polluted');
      for (const c of [y.config, j.config]) if (c) assert.equal(typeof (c as Record<string, unknown>)['locale'], c.locale === undefined ? 'undefined' : 'string');
    } finally {
      cleanup(dir);
    }
  });
});
