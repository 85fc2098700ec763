// `npm run diagrams`: one page with the syntax diagrams of every grammar/ parser, drawn offline.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers/paths.js';

describe('syntax diagrams (scripts/diagrams.js)', () => {
  let page = '';
  before(async function () {
    this.timeout(30_000);
    const script = (await import(pathToFileURL(join(ROOT, 'scripts', 'diagrams.js')).href)) as { diagramsPage(): Promise<string> };
    page = await script.diagramsPage();
  });

  it('draws every parser grammar/ defines, each rule once', () => {
    const parsers: string[] = [];
    for (const file of readdirSync(join(ROOT, 'grammar')).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(ROOT, 'grammar', file), 'utf8');
      for (const m of source.matchAll(/^export class (\w+) extends \w+/gm)) parsers.push(m[1]!);
    }
    assert.ok(parsers.includes('PlanParser'), `parsers found: ${parsers.join(', ')}`);
    for (const name of parsers) assert.match(page, new RegExp(`<h1>${name} <small>grammar/`), `${name} has no section`);
    const grammars = JSON.parse(/var grammars = (.*);\n/.exec(page)![1]!) as { name: string }[][];
    const rules = grammars.flat().map((r) => r.name);
    assert.deepEqual(rules.filter((r, k) => rules.indexOf(r) !== k), [], 'a rule name drawn twice links to the first');
    for (const rule of ['document', 'paragraph', 'tableRow']) assert.ok(rules.includes(rule), rule);
  });

  it('loads nothing from the network: the drawing scripts and their style sheet are inlined', () => {
    assert.doesNotMatch(page, /<script[^>]+src=|<link[^>]+href=/);
    assert.match(page, /diagrams_builder\.buildSyntaxDiagramsText/);
    assert.match(page, /function initDiagramsBehavior/);
    // Each inlined script stays inside its element.
    assert.equal(page.match(/<script>/g)?.length, page.match(/<\/script>/g)?.length);
  });
});
