// PL001 lead-unit-missing: a task that names no lead unit (牵头单位), its own or inherited from a heading.
import { insertionEdit, LeadAdvisor, leadInsertion, moveToLeadEdits } from '../lint/attribution-edits.js';
import type { Rule, RuleFix } from '../lint/rule.js';
import { taskLabel } from '../lint/templates.js';
import { unitKey } from '../model/text.js';
import type { PlanDocument, Task } from '../model/types.js';

export { taskLabel };

export const rule: Rule = {
  id: 'PL001',
  name: 'lead-unit-missing',
  defaultSeverity: 'error',
  tags: ['attribution'],
  fixable: 'suggest',
  description: {
    'zh-CN': '任务没有牵头单位（本条或上级标题中均未写明）',
    en: 'A task names no lead unit, neither its own nor inherited from a heading',
  },
  messages: {
    missing: { 'zh-CN': '任务“{task}”缺少牵头单位', en: 'Task "{task}" has no lead unit' },
    onlyResponsible: {
      'zh-CN': '任务“{task}”列有多个责任单位，未写明由哪个单位牵头',
      en: 'Task "{task}" lists several responsible units but not which one leads',
    },
    makeLead: { 'zh-CN': '将“{unit}”设为牵头单位', en: 'Make "{unit}" the lead unit' },
    useLead: { 'zh-CN': '以“{unit}”为牵头单位（{reason}）', en: 'Make "{unit}" the lead unit ({reasonEn})' },
    chooseLead: { 'zh-CN': '选择牵头单位…', en: 'Choose a lead unit…' },
  },
  check({ plan, settings, report }) {
    // The advisor is built for the first task whose suggestions are asked for (most analyses never ask: a lint in
    // the CLI, a publish in the editor).
    let advisor: LeadAdvisor | null = null;
    const advisorOf = (): LeadAdvisor => (advisor ??= new LeadAdvisor(plan, settings.units));
    for (const task of plan.tasks) {
      if (task.lead.length > 0) continue;
      report({
        messageId: task.responsible.length > 1 ? 'onlyResponsible' : 'missing',
        span: task.section ? task.section.marker.span : task.span,
        data: { task: taskLabel(task) },
        suggestions: () => leadFixes(plan, task, advisorOf()),
      });
    }
  },
};

const REASONS = {
  siblings: { zh: '同一标题下其他任务的牵头单位', en: 'leads the other tasks under this heading' },
  similar: { zh: '相近任务的牵头单位', en: 'leads a task much like this one' },
  plan: { zh: '本方案最常见的牵头单位', en: 'the lead unit this plan names most' },
};

/**
 * The ways to give `task` a lead, each leaving a complete attribution in the plan's own style: each of its
 * responsible units made the lead (moved, not listed twice), the units its siblings, a similar task or the plan
 * most often name as lead, and a choice among every lead and configured unit (a snippet).
 */
function leadFixes(plan: PlanDocument, task: Task, advisor: LeadAdvisor): RuleFix[] {
  const fixes: RuleFix[] = [];
  const seen = new Set<string>();
  const at = leadInsertion(plan, task);
  for (const m of task.responsible) {
    if (seen.has(m.key)) continue;
    seen.add(m.key);
    // A unit listed by the heading stays listed there: the task gets a lead of its own.
    const edits = moveToLeadEdits(plan, task, m) ?? (at && task.inherited.responsible ? [insertionEdit(at, m.name)] : null);
    if (edits) fixes.push({ messageId: 'makeLead', data: { unit: m.name }, edits });
  }
  if (!at) return fixes;
  // A unit the task already lists (by its name or a short form of it) is made the lead by a move, never added twice.
  const listed = (unit: string) => {
    const key = unitKey(unit);
    return task.responsible.some((m) => m.key.endsWith(key) || key.endsWith(m.key));
  };
  for (const s of advisor.suggest(task)) {
    if (listed(s.unit)) continue;
    const r = REASONS[s.reason];
    fixes.push({ messageId: 'useLead', data: { unit: s.unit, reason: r.zh, reasonEn: r.en }, edits: [insertionEdit(at, s.unit)] });
  }
  const choices = advisor.choices.filter((u) => !seen.has(unitKey(u)) && !listed(u));
  if (choices.length > 0) fixes.push({ messageId: 'chooseLead', edits: [insertionEdit(at, choices[0]!, choices)] });
  return fixes;
}
