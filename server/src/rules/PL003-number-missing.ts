// PL003 number-missing: a paragraph that assigns work (an attribution) but carries no number of its own.
import type { Rule } from '../lint/rule.js';

export const rule: Rule = {
  id: 'PL003',
  name: 'number-missing',
  defaultSeverity: 'warning',
  tags: ['numbering'],
  fixable: 'none',
  description: {
    'zh-CN': '段落写有分工（牵头或责任单位），但没有编号，不能作为独立任务统计',
    en: 'A paragraph assigns work (lead or responsible units) but has no number, so it cannot be tracked as a task',
  },
  messages: {
    missing: {
      'zh-CN': '此段写有分工（{units}），但没有编号',
      en: 'This paragraph assigns work ({units}) but has no number',
    },
  },
  check({ plan, report }) {
    for (const item of plan.unnumbered) {
      const units = [...item.attribution.lead, ...item.attribution.responsible].map((u) => u.name);
      if (units.length === 0) continue;
      report({ messageId: 'missing', span: item.span, data: { units: units.slice(0, 3).join('、') + (units.length > 3 ? '等' : '') } });
    }
  },
};
