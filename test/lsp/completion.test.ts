// Unit completion a drafter can trust: this plan's leads first, then the unit list, then other plans; nothing already written; pinyin initials.
import assert from 'node:assert/strict';
import { attributionAround, findCompletionContext, initials, loadPinyin, unitCandidates, type UnitCompletionSources } from '../../server/src/features/completion.js';
import { indexPlan, planKey, unitCatalog, WorkspaceIndex } from '../../server/src/features/workspace-index.js';
import { parsePlan } from '../../server/src/model/plan.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HAVE_SEEDS, SEEDS } from '../helpers/paths.js';
import { sharedMissing } from '../helpers/shared.js';

const CURSOR = '‸';
const URI = 'file:///w/plan.plan';

/**
 * A plan of our own in which 市数据局 leads four of six tasks, 市财政局 leads one and is mentioned most
 * (as a responsible unit), 市教育局 leads one.
 */
const PLAN = [
  '岚山市2026年数字政府建设工作方案',
  '',
  '一、重点任务',
  '1.建设统一数据平台。[牵头单位:市数据局;责任单位:市财政局、市教育局;完成时限:2026年6月底前]',
  '2.推进电子证照互认。[牵头单位:市数据局;责任单位:市财政局;完成时限:2026年9月底前]',
  '3.开展数据质量评估。[牵头单位:市财政局;责任单位:市数据局;完成时限:2026年底前]',
  '4.完善数据安全制度。[牵头单位:市数据局;责任单位:市财政局;完成时限:2026年底前]',
  '5.推广掌上办事服务。[牵头单位:市教育局;责任单位:市财政局;完成时限:2026年底前]',
  '6.整合部门业务系统。[牵头单位:市数据局;责任单位:市财政局;完成时限:2026年底前]',
  '7.完善校园网络管理。[牵头单位:‸]',
  '',
].join('\n');

/** Completion at `‸` in `marked`: the context and the candidates, with another plan in the workspace and a unit list. */
function complete(marked: string, extra: Partial<UnitCompletionSources> = {}) {
  const offset = marked.indexOf(CURSOR);
  const text = marked.replace(CURSOR, '');
  const plan = parsePlan(text);
  const ctx = findCompletionContext(text, offset, plan);
  assert.ok(ctx && ctx.units, 'a unit is expected at the cursor');
  const index = new WorkspaceIndex();
  index.set(indexPlan(URI, plan));
  const other = parsePlan('某县工作方案\n\n一、任务\n1.做好一件事。[牵头单位:县司法局;责任单位:县财政局]\n2.做好二件事。[牵头单位:县司法局]\n');
  index.set(indexPlan('file:///w/other.plan', other));
  const src: UnitCompletionSources = {
    catalog: unitCatalog([{ name: '市司法局' }, { name: '市数据局' }]),
    usage: index.units(),
    docKey: planKey(URI),
    typing: ctx.prefix,
    plan,
    typingSpan: ctx.span,
    around: attributionAround(text, ctx),
    ...extra,
  };
  const { items } = unitCandidates(src, ctx.prefix, 'zh-CN');
  return [...items].sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
}

describe('unit completion ranking', () => {
  before(async () => {
    assert.equal(await loadPinyin(), true, 'pinyin-pro loads');
  });

  it('after 牵头单位：, offers first the unit that leads most of this plan’s tasks, then by leads, then the list, then other plans', () => {
    const items = complete(PLAN);
    assert.deepEqual(
      items.map((i) => i.label),
      ['市数据局', '市财政局', '市教育局', '市司法局', '县司法局', '县财政局'],
    );
    assert.deepEqual(
      items.map((i) => i.origin),
      ['document', 'document', 'document', 'list', 'workspace', 'workspace'],
    );
  });

  it('says where each unit comes from: 本文, 单位名单, 其他方案', () => {
    const byLabel = new Map(complete(PLAN).map((i) => [i.label, i.detail]));
    assert.equal(byLabel.get('市数据局'), '本文 牵头 4 次，共 5 处 · 单位名单');
    assert.equal(byLabel.get('市财政局'), '本文 牵头 1 次，共 6 处');
    assert.equal(byLabel.get('市司法局'), '单位名单');
    assert.equal(byLabel.get('县司法局'), '其他方案 1 个');
  });

  it('never offers a unit already in the attribution being written', () => {
    const marked = PLAN.replace('[牵头单位:‸]', '[牵头单位:市数据局、‸;责任单位:市教育局]');
    const labels = complete(marked).map((i) => i.label);
    assert.ok(!labels.includes('市数据局'), 'already the lead');
    assert.ok(!labels.includes('市教育局'), 'already responsible in the same bracket');
    assert.equal(labels[0], '市财政局');
  });

  it('never offers the half-typed text itself', () => {
    const marked = PLAN.replace('[牵头单位:‸]', '[牵头单位:市数‸]');
    const labels = complete(marked).map((i) => i.label);
    assert.ok(!labels.includes('市数'), labels.join(' '));
    assert.equal(labels[0], '市数据局');
  });

  it('matches pinyin initials: sfj → 市司法局 (on the client through filterText, on the server past the limit)', () => {
    assert.equal(initials('市司法局'), 'ssfj');
    const marked = PLAN.replace('[牵头单位:‸]', '[牵头单位:sfj‸]');
    const items = complete(marked);
    const justice = items.find((i) => i.label === '市司法局')!;
    assert.match(justice.filterText, /(^| )sfj( |$)/, justice.filterText);
    // With a limit below the number of candidates the server filters: only units whose initials fit remain.
    const offset = marked.indexOf(CURSOR);
    const text = marked.replace(CURSOR, '');
    const plan = parsePlan(text);
    const ctx = findCompletionContext(text, offset, plan)!;
    const index = new WorkspaceIndex();
    index.set(indexPlan(URI, plan));
    const src = { catalog: unitCatalog([{ name: '市司法局' }, { name: '市审计局' }]), usage: index.units(), docKey: planKey(URI), typing: ctx.prefix, plan, typingSpan: ctx.span };
    const { items: few, incomplete } = unitCandidates(src, 'sfj', 'zh-CN', 2);
    assert.deepEqual(few.map((i) => i.label), ['市司法局']);
    assert.equal(incomplete, false);
  });
});

describe('unit completion on seed 000 (../shared/seeds)', () => {
  if (!HAVE_SEEDS) {
    sharedMissing('completion on seed 000', SEEDS);
    return;
  }
  it('after 牵头单位： in a new task, 市政府法制办 (the unit that leads most of its tasks) is offered first', () => {
    const seed = readdirSync(SEEDS).find((n) => /^000_.*\.txt$/.test(n));
    assert.ok(seed, 'seed 000 is in ../shared/seeds');
    const text = readFileSync(join(SEEDS, seed), 'utf8');
    const items = complete(`${text.replace(/\s*$/, '')}\n44.新增一项任务。[牵头单位:${CURSOR}]\n`);
    assert.equal(items[0]!.label, '市政府法制办');
  });
});
