// Tests for the editor features behind the language server, without the protocol: completion context and candidates, symbols, folding, hover, fixes as minimal diffs, rename.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { applyEdits, minimalEdits, quickFixes } from '../../server/src/features/code-actions.js';
import { attributionSnippet, findCompletionContext, shortForms, unitCandidates } from '../../server/src/features/completion.js';
import { foldingRanges } from '../../server/src/features/folding.js';
import { daysBetween, deadlineText, escapeMarkdown, hoverAt, taskAtMarker } from '../../server/src/features/hover.js';
import { checkNewUnitName, renameEdits, sameUnitKeys, unitMentionAt, variantKeys } from '../../server/src/features/references.js';
import { documentSymbols, workspaceSymbols, type PlanSymbol } from '../../server/src/features/symbols.js';
import { contains, indexPlan, planKey, unitCatalog, WorkspaceIndex } from '../../server/src/features/workspace-index.js';
import { openPlanEntry } from '../../server/src/lsp/documents.js';
import { parsePlan } from '../../server/src/model/plan.js';
import { unitKey } from '../../server/src/model/text.js';
import { createPlanService } from '../../server/src/service.js';
import { configOf, TODAY } from '../helpers/lint.js';
import { SAMPLES } from '../helpers/paths.js';

const sample = (name: string) => readFileSync(join(SAMPLES, name), 'utf8');
const CURSOR = '‸';

/** The completion context where `‸` marks the cursor. */
function ctxOf(marked: string) {
  const offset = marked.indexOf(CURSOR);
  assert.ok(offset >= 0, 'no cursor mark');
  const text = marked.replace(CURSOR, '');
  const ctx = findCompletionContext(text, offset, null);
  return ctx && { ...ctx, replaced: text.slice(ctx.span.start, ctx.span.end) };
}

describe('completion context', () => {
  it('after a field keyword: the role and exactly the Chinese run being typed', () => {
    const c = ctxOf('3.深化改革。[牵头单位：市司‸]');
    assert.ok(c);
    assert.equal(c.units, true);
    assert.equal(c.role, 'lead');
    assert.equal(c.trigger, 'field');
    assert.equal(c.replaced, '市司');
    assert.equal(c.prefix, '市司');
    const r = ctxOf('[牵头单位:市委编办;责任单位:‸');
    assert.equal(r?.role, 'responsible');
    assert.equal(r?.replaced, '');
    assert.equal(ctxOf('（牵头单位：市司法局；配合单位：市财‸')?.role, 'responsible');
    assert.equal(ctxOf('責任單位：市‸')?.role, 'responsible');
    assert.equal(ctxOf('牵头单位： 市‸')?.replaced, '市', 'spaces after the colon are skipped');
  });

  it('not after other colons, nor in prose', () => {
    assert.equal(ctxOf('[牵头单位:市委编办;完成时限:2017年‸'), null);
    assert.equal(ctxOf('各区县(市)委、人民政府,市委各部委,市直各单位:‸'), null);
    assert.equal(ctxOf('坚持以公开为常态，‸'), null);
    assert.equal(ctxOf('推进决策、执行、管理、服务、结‸'), null);
    assert.equal(ctxOf('加强队伍建设，提高依法行政能‸'), null);
    assert.equal(ctxOf('推进自由贸‸'), null, '自由 is a word, not 由');
    assert.equal(ctxOf('由于时间紧‸'), null, '由于 is a word');
  });

  it('after 、 and ， inside an attribution: the list continues with the same role, or responsible after a lead clause', () => {
    assert.equal(ctxOf('[牵头单位:市委编办、市政‸')?.role, 'lead');
    const c = ctxOf('[牵头单位:市委编办;责任单位:市政务服务中心、各区县(市)人民政府、市‸');
    assert.equal(c?.role, 'responsible');
    assert.equal(c?.trigger, 'list');
    assert.equal(c?.replaced, '市');
    assert.equal(ctxOf('此项工作由市政府办公室牵头负责,监察、财‸')?.role, 'responsible');
    assert.equal(ctxOf('(市政府办公室牵头，市级‸')?.role, 'responsible');
    assert.equal(ctxOf('（市政府办公室牵头,‸')?.role, 'responsible');
    assert.equal(ctxOf('此项工作由各县(区)人民政府,财‸')?.role, 'lead', 'joint leads before 共同负责');
    assert.equal(ctxOf('（市司法局、市财‸')?.role, 'lead');
  });

  it('after 由: the run after 由, as lead', () => {
    const c = ctxOf('此项工作由市政‸');
    assert.equal(c?.trigger, 'by');
    assert.equal(c?.role, 'lead');
    assert.equal(c?.replaced, '市政');
    assert.equal(ctxOf('此项工作由‸')?.replaced, '');
  });

  it('a unit name with parentheses being typed stays one run', () => {
    const c = ctxOf('[牵头单位:市委编办;责任单位:各区县(市‸');
    assert.equal(c?.role, 'responsible');
    assert.equal(c?.replaced, '各区县(市');
    assert.equal(ctxOf('责任单位：各区县（市）人民‸')?.replaced, '各区县（市）人民');
  });

  it('after an opening bracket: keywords and the template; a parenthesis also takes a lead unit', () => {
    const b = ctxOf('3.深化改革。[‸');
    assert.equal(b?.keywords, true);
    assert.equal(b?.units, false);
    assert.deepEqual(b?.template, { start: 7, end: 8 }, 'the template replaces the typed bracket');
    const p = ctxOf('推进改革（市‸');
    assert.equal(p?.units, true);
    assert.equal(p?.role, 'lead');
    assert.equal(p?.replaced, '市');
    assert.equal(p?.template, null, '市 is no prefix of 牵头单位');
    assert.equal(ctxOf('[牵头单位:市委编办;‸')?.keywords, true);
    assert.equal(ctxOf('[牵头单位:市委编办;‸')?.units, false);
    assert.ok(ctxOf('深化改革。‸')?.template, 'after a finished sentence: the template');
  });

  it('in a Markdown table: only in the lead and responsible columns', () => {
    const table = '| 序号 | 重点工作任务 | 牵头单位 | 责任单位 | 完成时限 |\n| --- | --- | --- | --- | --- |\n| 1 | 编制清单 | ';
    const lead = ctxOf(`${table}市发‸`);
    assert.equal(lead?.trigger, 'table');
    assert.equal(lead?.role, 'lead');
    assert.equal(lead?.replaced, '市发');
    assert.equal(ctxOf(`${table}市发展改革委 | 市财政局、市‸`)?.role, 'responsible');
    assert.equal(ctxOf(`${table}市发展改革委 | 市财政局 | 2024年‸`), null);
    assert.equal(ctxOf('| 1 | 编制清‸'), null, 'no header, no table');
  });

  it('in a tab-separated table', () => {
    const tsv = '序号\t重点工作任务\t牵头单位\t责任单位\t完成时限\n1\t编制清单\t市‸';
    assert.equal(ctxOf(tsv)?.role, 'lead');
    assert.equal(ctxOf('序号\t重点工作任务\t牵头单位\t责任单位\t完成时限\n1\t编制清‸'), null);
  });

  it('never throws, and answers null on a 1 MB line', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat(), (text, n) => {
        const ctx = findCompletionContext(text, n % (text.length + 1), null);
        if (ctx) assert.ok(ctx.span.start <= ctx.span.end && ctx.span.end <= text.length);
      }),
      { numRuns: 2000 },
    );
    const long = '字'.repeat(1_000_000);
    assert.equal(findCompletionContext(long, long.length, null), null);
    // That the cost does not grow with the line is measured in test/perf (phases.ts), out of this process.
  });
});

describe('unit candidates', () => {
  const plans = ['bracket-style.plan', 'clean.plan.md', 'paren-style.plan.txt'].map((f) => ({ uri: `file:///w/${f}`, plan: parsePlan(sample(f)) }));
  const index = new WorkspaceIndex();
  for (const p of plans) index.set(indexPlan(p.uri, p.plan));
  const catalog = unitCatalog([{ name: '市发展和改革委员会', aliases: ['市发改委', '发改委'] }, { name: '市司法局' }]);

  it('ranks by use, counts this plan and other plans, merges aliases into the configured name', () => {
    const { items, incomplete } = unitCandidates({ catalog, usage: index.units(), docKey: planKey(plans[0]!.uri), typing: '', plan: plans[0]!.plan }, '', 'zh-CN');
    assert.equal(incomplete, false);
    const byLabel = new Map(items.map((i) => [i.label, i]));
    const ndrc = byLabel.get('市发展和改革委员会');
    assert.ok(ndrc, 'configured unit offered');
    assert.equal(ndrc.configured, true);
    assert.ok(ndrc.count >= 1, 'the alias 市发改委 in bracket-style counts for the configured name');
    assert.match(ndrc.filterText, /(^| )发改委( |$)/);
    assert.match(ndrc.filterText, /(^| )市发改委( |$)/);
    assert.match(ndrc.detail, /^本文 牵头 1 次，共 1 处 · 单位名单/);
    assert.equal(byLabel.has('市发改委'), false, 'an alias is not offered on its own');
    const counties = byLabel.get('各区县(市)人民政府')!;
    assert.equal(counties.detail, '本文 共 12 处', 'responsible only: no lead count');
    const sorted = [...items].sort((a, b) => (a.sortText < b.sortText ? -1 : 1));
    const tiers = sorted.map((i) => i.origin);
    assert.deepEqual(tiers, [...tiers].sort((a, b) => ['document', 'list', 'workspace'].indexOf(a) - ['document', 'list', 'workspace'].indexOf(b)), 'this plan, then the list, then other plans');
    const doc = sorted.filter((i) => i.origin === 'document');
    assert.equal(doc[0]!.leads, Math.max(...doc.map((i) => i.leads)), 'the unit leading most tasks first');
    for (let i = 1; i < doc.length; i++) assert.ok(doc[i - 1]!.leads >= doc[i]!.leads);
    const justice = byLabel.get('市司法局')!;
    assert.equal(justice.origin, 'document');
    assert.match(justice.detail, /^本文 .*共 \d+ 处 · 单位名单 · 其他方案 [12] 个$/);
  });

  it('does not offer what the user is typing as a unit of its own', () => {
    const text = '[牵头单位:市司法局]\n[牵头单位:市财]';
    const idx = new WorkspaceIndex();
    idx.set(indexPlan('file:///w/a.plan', parsePlan(text)));
    const { items } = unitCandidates({ catalog: unitCatalog([]), usage: idx.units(), docKey: planKey('file:///w/a.plan'), typing: '市财', plan: parsePlan(text) }, '市财', 'zh-CN');
    assert.deepEqual(items.map((i) => i.label), ['市司法局']);
  });

  it('with many units, filters on the server by the typed run and says the list is incomplete', () => {
    const units = Array.from({ length: 500 }, (_, i) => ({ name: `市第${i}委员会` }));
    const big = unitCatalog([...units, { name: '市发展和改革委员会' }]);
    const none = { catalog: big, usage: new Map(), docKey: 'x', typing: '' };
    const all = unitCandidates(none, '', 'zh-CN', 200);
    assert.equal(all.items.length, 200);
    assert.equal(all.incomplete, true);
    const some = unitCandidates({ ...none, typing: '发改' }, '发改', 'zh-CN', 200);
    assert.deepEqual(some.items.map((i) => i.label), ['市发展和改革委员会']);
  });

  it('short forms: the name without its administrative prefix, and an abbreviation', () => {
    assert.ok(shortForms('市发展和改革委员会').includes('发改委'));
    assert.ok(shortForms('市发展和改革委员会').includes('市发改委'));
    assert.ok(shortForms('市发展和改革委员会').includes('发展和改革委员会'));
    assert.ok(shortForms('市政府法制办').includes('法制办'));
    assert.ok(shortForms('市司法局').includes('司法局'));
    assert.deepEqual(shortForms('局'), []);
  });

  it('the attribution template follows the plan’s punctuation, as a snippet with tab stops', () => {
    const half = attributionSnippet(parsePlan(sample('bracket-style.plan')));
    assert.equal(half.text, '[牵头单位:;责任单位:;完成时限:]');
    assert.equal(half.snippet, '[牵头单位:${1};责任单位:${2};完成时限:${3}]$0');
    const full = attributionSnippet(parsePlan(sample('clean.plan.md')));
    assert.equal(full.text, '[牵头单位：；责任单位：；完成时限：]');
  });
});

describe('document symbols', () => {
  const walk = (list: PlanSymbol[], f: (s: PlanSymbol, depth: number) => void, depth = 0) => {
    for (const s of list) {
      f(s, depth);
      walk(s.children, f, depth + 1);
    }
  };

  it('chapters → tasks with lead and deadline in detail; exact ranges', () => {
    const plan = parsePlan(sample('bracket-style.plan'));
    const symbols = documentSymbols(plan);
    assert.equal(symbols[0]!.kind, 'title');
    assert.equal(symbols[0]!.name, '青岚市法治政府建设实施方案(2017—2019年)');
    const chapters = symbols.filter((s) => s.kind === 'chapter');
    assert.deepEqual(chapters.map((c) => c.name), ['一、总体要求', '二、依法全面履行政府职能', '三、健全依法决策机制', '四、规范行政执法行为', '五、强化行政权力制约监督', '六、提升依法行政能力']);
    const task3 = chapters[1]!.children[0]!;
    assert.equal(task3.name, '3.深化行政审批制度改革');
    assert.equal(task3.kind, 'task');
    assert.equal(task3.detail, '牵头：市委编办；时限：2017年12月底前');
    assert.deepEqual(task3.selectionRange, { start: { line: 23, character: 0 }, end: { line: 23, character: 12 } });
    assert.deepEqual(task3.range.start, { line: 23, character: 0 });
    assert.equal(task3.range.end.line, 23);
    assert.equal(chapters[3]!.children.find((c) => c.name.startsWith('13.'))!.detail, '牵头：—；时限：长期坚持');
    let tasks = 0;
    walk(symbols, (s) => {
      assert.ok(contains(s.range, s.selectionRange), `${s.name}: selection inside range`);
      assert.ok(s.name.length > 0);
      if (s.kind === 'task') tasks++;
    });
    assert.equal(tasks, 15);
  });

  it('table rows under their table; inherited values marked', () => {
    const plan = parsePlan(sample('table-markdown.plan.md'));
    const table = documentSymbols(plan).find((s) => s.kind === 'table')!;
    assert.equal(table.name, '任务分解表（10 项）');
    assert.equal(table.children.length, 10);
    assert.equal(table.children[0]!.name, '1 编制并公布2024年度涉企收费目录清单，清单之外一律不得收费');
    assert.equal(table.children[0]!.detail, '牵头：市发展改革委；时限：2024年3月底前');
    assert.equal(table.children[0]!.range.start.line, 20);
    const paren = documentSymbols(parsePlan(sample('paren-style.plan.txt')));
    let inherited = '';
    walk(paren, (s) => {
      if (s.kind === 'task' && s.range.start.line === 16) inherited = s.detail;
    });
    assert.match(inherited, /↑/);
  });

  it('English detail', () => {
    const plan = parsePlan(sample('bracket-style.plan'));
    const task3 = documentSymbols(plan, 'en').find((s) => s.kind === 'chapter' && s.name.startsWith('二'))!.children[0]!;
    assert.equal(task3.detail, 'lead: 市委编办; deadline: 2017年12月底前');
  });

  it('workspace symbols: tasks across plans, best match first', () => {
    const idx = new WorkspaceIndex();
    for (const f of ['bracket-style.plan', 'clean.plan.md', 'table-markdown.plan.md']) idx.set(indexPlan(`file:///w/${f}`, parsePlan(sample(f))));
    const found = workspaceSymbols(idx.entries(), '行政审批');
    assert.ok(found.length >= 1);
    assert.equal(found[0]!.name, '3. 深化行政审批制度改革');
    assert.equal(found[0]!.container, '青岚市法治政府建设实施方案(2017—2019年)');
    assert.ok(workspaceSymbols(idx.entries(), '市发展改革委').some((t) => t.uri.endsWith('table-markdown.plan.md')), 'matches a lead unit');
    assert.equal(workspaceSymbols(idx.entries(), '').length, 15 + 9 + 10);
    assert.equal(workspaceSymbols(idx.entries(), 'zzzz').length, 0);
  });

  it('an open document’s index entry copies nothing and reads no range, yet indexes the same usage and symbols', () => {
    for (const f of ['bracket-style.plan', 'table-markdown.plan.md', 'sentence-style.plan.txt']) {
      const uri = `file:///w/${f}`;
      const copied = new WorkspaceIndex();
      copied.set(indexPlan(uri, parsePlan(sample(f))));
      const plan = parsePlan(sample(f));
      // Count the reads of every mention's range (the model computes and keeps a range when it is first read).
      let reads = 0;
      for (const u of plan.units) {
        let found: PropertyDescriptor | undefined;
        for (let o: object | null = u; o && !found; o = Object.getPrototypeOf(o) as object | null) found = Object.getOwnPropertyDescriptor(o, 'range');
        const get = found?.get;
        const value: unknown = found?.value;
        Object.defineProperty(u, 'range', { get: () => (reads++, get ? get.call(u) : value), configurable: true });
      }
      const open = new WorkspaceIndex();
      const entry = openPlanEntry(uri, plan);
      open.set(entry);
      assert.equal(reads, 0, `${f}: no range read while indexing`);
      assert.ok(entry.mentions.length > 0 && entry.mentions.every((m, i) => m === plan.units[i]), 'the model’s own mentions');
      assert.deepEqual([...open.units()], [...copied.units()]);
      assert.deepEqual(JSON.parse(JSON.stringify(workspaceSymbols(open.entries(), ''))), JSON.parse(JSON.stringify(workspaceSymbols(copied.entries(), ''))));
    }
  });
});

describe('folding', () => {
  it('one fold per multi-line section and per table', () => {
    const folds = foldingRanges(parsePlan(sample('bracket-style.plan')));
    assert.deepEqual(folds[0], { startLine: 15, endLine: 19 }, '一、总体要求 through item 2');
    assert.ok(folds.some((f) => f.startLine === 21 && f.endLine === 27));
    for (const f of folds) assert.ok(f.endLine > f.startLine);
    const table = foldingRanges(parsePlan(sample('table-markdown.plan.md')));
    assert.ok(table.some((f) => f.startLine === 18 && f.endLine === 29));
    assert.deepEqual(foldingRanges(parsePlan(sample('one-line.plan.txt'))), []);
  });
});

describe('hover', () => {
  const plan = parsePlan(sample('bracket-style.plan'));
  const opts = { locale: 'zh-CN' as const, today: '2017-12-01', catalog: unitCatalog([]) };

  it('on a unit: canonical name, other spellings, the tasks it leads and joins', () => {
    const at = plan.text.indexOf('市政府法制办;', plan.text.indexOf('7.加强重大决策'));
    const h = hoverAt(plan, at + 2, opts)!;
    assert.deepEqual(h.span, { start: at, end: at + 6 });
    assert.match(h.markdown, /^\*\*市政府法制办\*\*/);
    assert.match(h.markdown, /牵头 4 项任务：/);
    assert.match(h.markdown, /- 7\\\. 加强重大决策合法性审查（第 34 行）/);
    assert.match(h.markdown, /参与 3 项任务：/);
  });

  it('on a unit of the unit list: its name and aliases', () => {
    const catalog = unitCatalog([{ name: '市发展和改革委员会', aliases: ['市发改委'] }]);
    const at = plan.text.indexOf('市发改委');
    const h = hoverAt(plan, at, { ...opts, catalog })!;
    assert.match(h.markdown, /^\*\*市发展和改革委员会\*\*（单位名单）/);
    assert.match(h.markdown, /别名或其他写法: 市发改委/);
    assert.match(h.markdown, /牵头 1 项任务：\n- 5\\\. 优化法治化营商环境/);
  });

  it('on a task marker: attribution and normalised deadline with days left or overdue', () => {
    const at = plan.text.indexOf('3.深化行政审批');
    assert.equal(taskAtMarker(plan, at)?.task.number, '3.');
    const h = hoverAt(plan, at, opts)!;
    assert.deepEqual(h.span, { start: at, end: at + 2 });
    assert.match(h.markdown, /^\*\*任务 3\\\.\*\* 深化行政审批制度改革/);
    assert.match(h.markdown, /牵头单位: 市委编办/);
    assert.match(h.markdown, /完成时限: 2017年12月底前 → 2017-12-31（还剩 30 天）/);
    const late = hoverAt(plan, at, { ...opts, today: '2018-01-02' })!;
    assert.match(late.markdown, /已逾期 2 天/);
    const en = hoverAt(plan, at, { ...opts, locale: 'en', today: '2017-12-31' })!;
    assert.match(en.markdown, /Deadline: 2017年12月底前 → 2017-12-31 \(due today\)/);
    const ongoing = hoverAt(plan, plan.text.indexOf('13.依法查处'), opts)!;
    assert.match(ongoing.markdown, /长期坚持 → 长期\/持续，无截止日期/);
    assert.match(ongoing.markdown, /牵头单位: 无/);
  });

  it('nothing elsewhere; helpers', () => {
    assert.equal(hoverAt(plan, plan.text.indexOf('为规范行政权力运行'), opts), null);
    assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2);
    assert.equal(daysBetween('x', '2024-03-01'), null);
    assert.equal(escapeMarkdown('a*b_[c]'), 'a\\*b\\_\\[c\\]');
    const d = parsePlan(sample('table-markdown.plan.md')).tasks[7]!.deadline!;
    assert.match(deadlineText(d, { locale: 'zh-CN', today: TODAY }), /无效/);
  });

  it('says where an inherited unit or deadline was written: a heading, the text above, the row above', () => {
    const body = parsePlan(
      [
        '溪川县2024年工作方案',
        '一、重点任务',
        '（一）深化改革（县政务服务局牵头，2024年底前）',
        '1.推进一网通办。',
        '（二）优化服务',
        '1.压缩办理时限。（牵头单位：县市场监管局，下同；完成时限：2024年6月底前）',
        '2.推行告知承诺。',
      ].join('\n'),
    );
    const markdown = (plan: typeof body, words: string, locale: 'zh-CN' | 'en' = 'zh-CN') => hoverAt(plan, plan.text.indexOf(words), { ...opts, locale })!.markdown;
    assert.match(markdown(body, '1.推进一网通办'), /牵头单位: 县政务服务局（继承自上级）/);
    assert.match(markdown(body, '1.推进一网通办'), /完成时限: 2024年底前 → 2024-12-31.*（继承自上级）/);
    assert.match(markdown(body, '1.推进一网通办', 'en'), /Lead: 县政务服务局 \(inherited from its heading\)/);
    assert.match(markdown(body, '2.推行告知承诺'), /牵头单位: 县市场监管局（沿用上文）/);
    assert.match(markdown(body, '2.推行告知承诺', 'en'), /Lead: 县市场监管局 \(carried from above\)/);
    assert.doesNotMatch(markdown(body, '1.压缩办理时限'), /继承|沿用/);
    const table = parsePlan(
      ['溪川县2024年工作方案', '附件：任务分解表', '| 序号 | 重点任务 | 牵头单位 | 完成时限 |', '| --- | --- | --- | --- |', '| 1 | 建设平台 | 县数据局 | 2024年6月底前 |', '| 2 | 汇聚数据 | 同上 | 同上 |'].join('\n'),
    );
    assert.match(markdown(table, '| 2 |'.slice(2)), /牵头单位: 县数据局（沿用上一行）/);
  });

  it('a recurring deadline is never overdue', () => {
    // paren-style (2021): task (六) is due 每年第一季度; in mid-2025 its first occurrence is long past.
    const recurring = parsePlan(sample('paren-style.plan.txt')).tasks.find((t) => t.deadline?.recurring)!.deadline!;
    const text = deadlineText(recurring, { locale: 'zh-CN', today: TODAY });
    assert.match(text, /每年重复/);
    assert.doesNotMatch(text, /逾期|还剩/);
  });
});

describe('references and rename', () => {
  const plan = parsePlan(sample('bracket-style.plan'));

  it('finds the mention at a position, its end included', () => {
    const at = plan.text.indexOf('市委编办');
    assert.equal(unitMentionAt(plan, at)?.name, '市委编办');
    assert.equal(unitMentionAt(plan, at + 4)?.name, '市委编办');
    assert.equal(unitMentionAt(plan, at - 1), null);
  });

  it('renames every mention with the same key; variants only when asked', () => {
    const edits = renameEdits(plan, new Set([unitKey('市政府法制办')]), '市司法局');
    assert.equal(edits.length, 7);
    const renamed = applyEdits(plan.text, edits);
    assert.equal(renamed.includes('市政府法制办'), false);
    assert.ok(renamed.includes('市法制办'), 'the variant stays');
    const service = createPlanService({ today: TODAY });
    const analysis = service.analyze(plan.text);
    const keys = variantKeys(unitKey('市政府法制办'), unitCatalog([]), [analysis]);
    assert.ok(keys.has(unitKey('市法制办')), 'PL007 links 市法制办 to 市政府法制办');
    assert.equal(renameEdits(plan, keys, '市司法局').length, 8);
    const catalog = unitCatalog([{ name: '市发展和改革委员会', aliases: ['市发改委'] }]);
    assert.deepEqual([...sameUnitKeys(unitKey('市发改委'), catalog)].sort(), [unitKey('市发展和改革委员会'), unitKey('市发改委')].sort());
  });

  it('refuses names that would break the attribution', () => {
    assert.equal(checkNewUnitName('市司法局', 'zh-CN'), null);
    assert.ok(checkNewUnitName('', 'zh-CN'));
    assert.ok(checkNewUnitName('市司法局、市财政局', 'zh-CN'));
    assert.ok(checkNewUnitName(' 市司法局', 'en'));
  });
});

describe('code actions', () => {
  const service = createPlanService({ today: TODAY });

  it('quick fixes: safe fix preferred, then suggestions, for diagnostics touching the range', () => {
    const text = sample('bracket-style.plan');
    const { diagnostics } = service.analyze(text);
    const pl005 = diagnostics.find((d) => d.ruleId === 'PL005')!;
    const fixes = quickFixes(diagnostics, { start: pl005.span.start, end: pl005.span.start });
    assert.ok(fixes.length >= 1);
    assert.equal(fixes[0]!.preferred, true);
    assert.equal(fixes[0]!.diagnostic, pl005);
    assert.equal(quickFixes(diagnostics, { start: 0, end: 0 }).length, 0);
  });

  it('fix-all as a minimal diff: only the changed spans, and applying it gives the fixed text', () => {
    for (const name of ['bracket-style.plan', 'sentence-style.plan.txt', 'paren-style.plan.txt', 'table-markdown.plan.md']) {
      const text = sample(name);
      const fixed = service.fixAll(text, configOf()).text;
      const edits = minimalEdits(text, fixed);
      assert.equal(applyEdits(text, edits), fixed, name);
      const changed = edits.reduce((n, e) => n + (e.span.end - e.span.start) + e.newText.length, 0);
      assert.ok(changed < 400, `${name}: ${changed} characters touched`);
      for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1]!.span.end <= edits[i]!.span.start, 'in order, not overlapping');
    }
  });

  it('minimal diff of any two texts applies exactly', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.array(fc.tuple(fc.nat(), fc.nat(5), fc.string({ maxLength: 8 })), { maxLength: 6 }), (base0, changes) => {
        const base = base0.replace(/x/g, '\n');
        let after = base;
        for (const [at, del, ins] of changes) {
          const p = at % (after.length + 1);
          after = after.slice(0, p) + ins.replace(/y/g, '\n') + after.slice(p + del);
        }
        const edits = minimalEdits(base, after);
        assert.equal(applyEdits(base, edits), after);
        if (base === after) assert.equal(edits.length, 0);
      }),
      { numRuns: 1000 },
    );
    assert.deepEqual(minimalEdits('一\n二\n三\n四\n', '一\n2\n三\n4\n'), [
      { span: { start: 2, end: 3 }, newText: '2' },
      { span: { start: 6, end: 7 }, newText: '4' },
    ]);
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `第${i}行\n`).join('');
    const edited = (t: string, last: number) => t.replace('第10行', '第十行').replace(`第${last}行`, '第一九九九〇行');
    const big = lines(20000);
    const e = minimalEdits(big, edited(big, 19990));
    assert.equal(e.length, 2);
    // That the diff is linear in the lines is measured in test/perf (phases.ts, 'minimal edits'), out of this process.
  });
});
