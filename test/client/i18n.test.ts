// The client's UI strings follow `planlint.locale`; `auto` (the default) follows VS Code's display language.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.js';
import { loadClient } from './harness.js';

describe('client i18n', () => {
  it('speaks English in an English VS Code with no planlint settings (the default)', async () => {
    const { i18n } = await loadClient({ language: 'en' });
    assert.equal(i18n.effectiveLocale(), 'en');
    assert.equal(i18n.t('Task table'), 'Task table');
    assert.equal(i18n.t('{0} tasks', 12), '12 tasks');
  });

  it('speaks Chinese in a Chinese VS Code with `auto`', async () => {
    for (const language of ['zh-cn', 'zh-tw']) {
      const { i18n } = await loadClient({ language, settings: { locale: 'auto' } });
      assert.equal(i18n.effectiveLocale(), 'zh-CN', language);
      assert.equal(i18n.t('Task table'), '任务分解表');
    }
  });

  it('lets planlint.locale override the display language, both ways', async () => {
    const zh = await loadClient({ language: 'en', settings: { locale: 'zh-CN' } });
    assert.equal(zh.i18n.t('{0} tasks', 12), '12 项任务');
    const en = await loadClient({ language: 'zh-cn', settings: { locale: 'en' } });
    assert.equal(en.i18n.t('{0} tasks', 12), '12 tasks');
  });

  it('reads the setting at each call, so a change applies at once', async () => {
    const { i18n, vscode } = await loadClient({ language: 'en' });
    assert.equal(i18n.t('Reveal task'), 'Reveal task');
    vscode.setSetting('locale', 'zh-CN');
    assert.equal(i18n.t('Reveal task'), '转到任务');
  });

  it('fills placeholders in order and leaves a missing one as written', async () => {
    const { i18n } = await loadClient({ language: 'zh-cn' });
    assert.equal(i18n.t('{0} tasks · {1} problems · {2} overdue', 3, 2, 1), '3 项任务 · 2 个问题 · 1 项逾期');
    assert.equal(i18n.t('{0} tasks'), '{0} 项任务');
    assert.equal(i18n.t('not a UI string {0}', 'x'), 'not a UI string x');
  });

  it('has a Chinese translation for every string the client shows, and no translation nobody uses', () => {
    const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    const used = new Set<string>();
    const dir = join(ROOT, 'client', 'src');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const m of source.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1]!);
      for (const m of source.matchAll(/\btn\([^,]+,\s*'((?:[^'\\]|\\.)*)',\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1]!).add(m[2]!);
    }
    assert.ok(used.size > 20, `only ${used.size} strings found: is the pattern still right?`);
    assert.deepEqual([...used].filter((s) => !(s in bundle)), [], 'strings without a Chinese translation');
    assert.deepEqual(Object.keys(bundle).filter((s) => !used.has(s)), [], 'translations no client code uses');
    for (const [en, zh] of Object.entries(bundle)) {
      const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort().join();
      assert.equal(placeholders(zh), placeholders(en), `placeholders of "${en}"`);
    }
  });
});
