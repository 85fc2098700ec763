// Independent check of the Word reader against LibreOffice (run from .ci/run, not by `npm test`: it needs soffice and takes a while).
//
// Every fixture the reader tests build (and each seed as a Word document) is converted to text by LibreOffice
// headless; planlint's extracted text must agree paragraph for paragraph, numbering included. Spaces are not
// compared (LibreOffice indents list items and puts a space after each label), nor the `、`/`；` planlint puts
// between the paragraphs of one table cell. A cell merged down is empty in LibreOffice's text (planlint repeats
// the text above it) and a header row repeated after a part heading is planlint's own: those are skipped.
// Two known differences are LibreOffice's (7.4), checked as such: its text export keeps tracked deletions
// (Word's accepted text drops them), and it restarts a level marked never to restart (`w:lvlRestart="0"`,
// ECMA-376 §17.9.10), so a list numbered 1.–14. through the document comes out 1., 2., 1., 2.… there.
// The exported task table is also converted to PDF and its first page rendered to PNG (pdftoppm), to look at.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readDocx, type DocxText } from '../../server/src/docx/read.js';
import { toDocx } from '../../server/src/features/export.js';
import { taskRows } from '../../server/src/features/task-table.js';
import { parsePlan } from '../../server/src/model/plan.js';
import { HAVE_SEEDS, ROOT, SAMPLES, SEEDS } from '../helpers/paths.js';
import { missing } from '../helpers/shared.js';
import { autoNumberedDocx, mergedTableDoc, numberedPlanDocs, overridesDoc, partRowsDoc, revisionsDoc, styleNumberingDoc, textDocx } from './fixtures.js';

const SOFFICE = process.env['SOFFICE'] ?? 'soffice';
/** Where the rendered export is left for a person to look at. */
const ARTIFACTS = process.env['PLANLINT_ARTIFACTS'] ?? path.join(ROOT, 'out', 'docx-check');

const norm = (s: string): string => s.replace(/[\s\u3000、；]/g, '').replace(/¦/g, '|');

/** Converts files with LibreOffice headless into `outDir` (`txt` as UTF-8 text, or `pdf`). */
function convert(files: string[], to: 'txt' | 'pdf', outDir: string): void {
  const filter = to === 'txt' ? 'txt:Text (encoded):UTF8' : 'pdf';
  const profile = `file://${path.join(os.tmpdir(), 'planlint-lo-profile')}`;
  const r = spawnSync(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', filter, '--outdir', outDir, ...files], { timeout: 600_000, encoding: 'utf8' });
  assert.equal(r.status, 0, `soffice failed: ${r.stderr}`);
}

/**
 * Where the reader's paragraphs and LibreOffice's lines part ways, or [] when they agree throughout.
 * `withoutLabels`: list labels (`三、` `（十二）` `12.` `（3）` `①`) are not compared.
 */
function disagreements(doc: DocxText, loText: string, withoutLabels = false): string[] {
  const strip = (s: string): string => (withoutLabels ? s.replace(/^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)]|\d+[.．、]|[（(]\d+[）)]|[①-⑳])/, '') : s);
  const head = (s: string | undefined): string => (s === undefined ? '(end)' : Array.from(s).slice(0, 12).join(''));
  const lo = loText.replace(/^\uFEFF/, '').split(/\r?\n/).map(norm).map(strip).filter((l) => l !== '');
  const out: string[] = [];
  const seen = new Set<string>();
  const above = new Map<string, string>();
  let i = 0;
  for (const seg of doc.segments) {
    const key = seg.place.kind === 'cell' ? `${seg.place.table}:${seg.place.row}:${seg.place.column}` : '';
    if (key !== '' && seen.has(key)) continue; // a header row written again below a part heading
    if (key !== '') seen.add(key);
    const target = strip(norm(doc.text.slice(seg.start, seg.end)));
    if (target === '') continue;
    let acc = '';
    let j = i;
    while (j < lo.length && acc.length < target.length) acc += lo[j++];
    const column = seg.place.kind === 'cell' ? `${seg.place.table}:${seg.place.column}` : '';
    const prev = column !== '' ? above.get(column) : undefined;
    if (column !== '') above.set(column, target);
    if (acc === target) i = j;
    else if (prev === target) continue; // merged down: LibreOffice leaves the cell empty
    else out.push(`${JSON.stringify(seg.place)}: planlint “${head(target)}…”, LibreOffice “${head(lo[i])}…”`);
  }
  if (i < lo.length) out.push(`LibreOffice has more: “${head(lo[i])}…”`);
  return out;
}

describe('docx: LibreOffice reads the fixtures as planlint does', function () {
  this.timeout(900_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-lo-'));
  const fixtures = new Map<string, Uint8Array>();
  before(() => {
    const hasSoffice = spawnSync(SOFFICE, ['--version'], { encoding: 'utf8' }).status === 0;
    assert.ok(hasSoffice, `${SOFFICE} not found: install libreoffice-writer-nogui`);
    for (const continuous of [false, true]) {
      const docs = numberedPlanDocs(continuous);
      fixtures.set(`numbered-hand-${continuous ? 'continuous' : 'restarting'}`, docs.hand);
      fixtures.set(`numbered-word-${continuous ? 'continuous' : 'restarting'}`, docs.auto);
    }
    fixtures.set('overrides', overridesDoc());
    fixtures.set('style-numbering', styleNumberingDoc());
    fixtures.set('merged-table', mergedTableDoc().docx);
    fixtures.set('part-rows', partRowsDoc());
    fixtures.set('revisions', revisionsDoc());
    if (HAVE_SEEDS) {
      for (const f of fs.readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).sort()) {
        const text = fs.readFileSync(path.join(SEEDS, f), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
        fixtures.set(`seed-${f.slice(0, 3)}`, textDocx(text).docx);
        const numbered = autoNumberedDocx(text);
        if (numbered) fixtures.set(`seed-${f.slice(0, 3)}-word-numbered`, numbered);
      }
    }
    for (const [name, bytes] of fixtures) fs.writeFileSync(path.join(dir, `${name}.docx`), bytes);
    convert([...fixtures.keys()].map((n) => path.join(dir, `${n}.docx`)), 'txt', dir);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The fixture `name`; a seed's is missing only when ../shared/seeds is (a failure in CI, reported elsewhere). */
  const fixtureOf = (test: Mocha.Context, name: string): Uint8Array => {
    const bytes = fixtures.get(name);
    if (bytes) return bytes;
    if (!HAVE_SEEDS && name.startsWith('seed-')) missing(test, `LibreOffice against the reader on ${name}`, SEEDS);
    return assert.fail(`no fixture ${name}`);
  };

  // Lists numbered through the document (w:lvlRestart="0"): LibreOffice restarts them, so labels are not compared;
  // planlint's labels are the hand-typed document's (the reader tests), which LibreOffice reads alike (above).
  for (const name of ['numbered-word-continuous', 'seed-000-word-numbered', 'seed-002-word-numbered']) {
    it(`${name}: the same paragraphs; LibreOffice restarts the level Word numbers on (w:lvlRestart="0")`, function () {
      const doc = readDocx(fixtureOf(this, name));
      if ('error' in doc) assert.fail(doc.error);
      const lo = fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8');
      assert.deepEqual(disagreements(doc, lo, true), []);
      assert.notDeepEqual(disagreements(doc, lo), [], 'LibreOffice now honours w:lvlRestart="0": compare the labels too');
    });
  }

  it('revisions: LibreOffice writes tracked deletions too; without them it reads as planlint does', () => {
    const doc = readDocx(fixtures.get('revisions')!);
    if ('error' in doc) assert.fail(doc.error);
    const lo = fs.readFileSync(path.join(dir, 'revisions.txt'), 'utf8').replace('市法制办', '').replace('旧的', '');
    assert.deepEqual(disagreements(doc, lo), []);
  });

  for (const name of ['numbered-hand-restarting', 'numbered-word-restarting', 'numbered-hand-continuous', 'overrides', 'style-numbering', 'merged-table', 'part-rows', 'seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004', 'seed-001-word-numbered', 'seed-003-word-numbered']) {
    it(name, function () {
      const doc = readDocx(fixtureOf(this, name));
      if ('error' in doc) assert.fail(doc.error);
      const lo = fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8');
      assert.deepEqual(disagreements(doc, lo), []);
    });
  }

  it('the exported task table opens in LibreOffice: the same rows as text, and a page rendered to PNG', async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const plan = parsePlan(fs.readFileSync(path.join(SAMPLES, 'paren-style.plan.txt'), 'utf8'));
    const rows = taskRows(plan);
    const file = path.join(ARTIFACTS, 'task-table.docx');
    fs.writeFileSync(file, await toDocx(rows, { title: plan.title, problems: true }));
    convert([file], 'txt', ARTIFACTS);
    const doc = readDocx(fs.readFileSync(file));
    if ('error' in doc) assert.fail(doc.error);
    assert.deepEqual(disagreements(doc, fs.readFileSync(path.join(ARTIFACTS, 'task-table.txt'), 'utf8')), []);
    convert([file], 'pdf', ARTIFACTS);
    const png = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path.join(ARTIFACTS, 'task-table.pdf'), path.join(ARTIFACTS, 'task-table')], { encoding: 'utf8' });
    assert.equal(png.status, 0, png.stderr);
    const rendered = fs.readdirSync(ARTIFACTS).filter((f) => f.endsWith('.png'));
    assert.ok(rendered.length > 0);
    console.log(`      rendered: ${rendered.map((f) => path.join(ARTIFACTS, f)).join(', ')}`);
  });
});
