// Rule pages: every rule has docs/rules/<id>.md in both languages, its examples lint as they say, and every link to it (editor, SARIF) is the one base URL.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanlintConfig } from '../server/src/config/config.js';
import { REPOSITORY_URL, RULE_DOCS_BASE, ruleDocUrl } from '../server/src/lint/docs.js';
import { toDiagnostic } from '../server/src/lsp/convert.js';
import { allRules } from '../server/src/rules/index.js';
import { lint } from './helpers/lint.js';
import { ROOT } from './helpers/paths.js';

const DOCS = join(ROOT, 'docs', 'rules');

/** The fenced blocks of a page whose info string is `plan wrong`, `plan right` or `json config`. */
function blocks(page: string, info: string): string[] {
  const out: string[] = [];
  const re = new RegExp('^```' + info + '\\n([\\s\\S]*?)^```$', 'gm');
  for (const m of page.matchAll(re)) out.push(m[1]!);
  return out;
}

describe('rule pages (docs/rules)', () => {
  for (const rule of allRules) {
    const file = join(DOCS, `${rule.id}.md`);
    describe(`${rule.id} ${rule.name}`, () => {
      it('has a page in Chinese and English, with wrong and right examples', () => {
        assert.ok(existsSync(file), `missing ${file}`);
        const page = readFileSync(file, 'utf8');
        assert.match(page.split('\n')[0]!, new RegExp(`^# ${rule.id} \`${rule.name}\``));
        assert.match(page, /^## 说明$/m);
        assert.match(page, /^## Description$/m);
        assert.ok(blocks(page, 'plan wrong').length > 0, 'needs a ```plan wrong block');
        assert.ok(blocks(page, 'plan right').length > 0, 'needs a ```plan right block');
      });

      it('its wrong examples give this rule’s findings, its right ones none', () => {
        if (!existsSync(file)) return;
        const page = readFileSync(file, 'utf8');
        const [configText] = blocks(page, 'json config');
        const config = configText ? (JSON.parse(configText) as PlanlintConfig) : undefined;
        for (const text of blocks(page, 'plan wrong')) {
          const found = lint(text, { ruleId: rule.id, ...(config ? { config } : {}) });
          assert.ok(found.length > 0, `no ${rule.id} finding in the wrong example:\n${text}`);
        }
        for (const text of blocks(page, 'plan right')) {
          const found = lint(text, { ruleId: rule.id, ...(config ? { config } : {}) });
          assert.deepEqual(found.map((d) => d.message), [], `the right example has ${rule.id} findings:\n${text}`);
        }
      });
    });
  }

  it('the index lists every rule', () => {
    const index = readFileSync(join(DOCS, 'README.md'), 'utf8');
    for (const rule of allRules) assert.ok(index.includes(`[${rule.id}](${rule.id}.md) | \`${rule.name}\``), rule.id);
  });

  it('links: one base, the repository of package.json, on every diagnostic', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } };
    assert.equal(pkg.repository.url.replace(/\.git$/, ''), REPOSITORY_URL, 'package.json repository.url and REPOSITORY_URL differ');
    assert.equal(RULE_DOCS_BASE, `${REPOSITORY_URL}/blob/main/docs/rules/`);
    assert.equal(ruleDocUrl('PL001'), `${RULE_DOCS_BASE}PL001.md`);
    assert.equal(ruleDocUrl('internal'), null);
    const [d] = lint('某市2025年工作要点\n\n一、重点任务\n\n1.做好政策解读工作。\n', { ruleId: 'PL001' });
    assert.ok(d);
    assert.deepEqual(toDiagnostic(d, 1).codeDescription, { href: `${RULE_DOCS_BASE}PL001.md` });
  });
});
