// A task table as the server sends it (planlint/taskTable), for the client's tests: one task led by 市司法局, one with
// no lead unit and two problems, one led by 市财政局, which is responsible for the other two; 各区县(市)人民政府 is
// responsible for all three and leads none.
import type { PreviewRow, TaskTableResult } from '../../server/src/protocol.js';

const PLAN_URI = 'file:///ws/demo.plan';

function row(line: number, fields: Partial<PreviewRow> & Pick<PreviewRow, 'number' | 'title'>): PreviewRow {
  return {
    line: line + 1,
    lead: [],
    responsible: [],
    deadline: null,
    inherited: { lead: false, deadline: false },
    range: { start: { line, character: 0 }, end: { line, character: 20 } },
    problems: [],
    daysLeft: null,
    deadlineStart: null,
    fullNumber: `一${fields.number}`,
    section: '一、主要任务',
    ...fields,
  };
}

/** The table of /ws/demo.plan. */
export function demoTable(): TaskTableResult {
  const rows = [
    row(2, { number: '1.', title: '完善合同审查制度', lead: ['市司法局'], responsible: ['市财政局', '各区县(市)人民政府'], deadline: { text: '2025年6月底前', end: '2025-06-30', ongoing: false } }),
    row(3, {
      number: '2.',
      title: '清理行政规范性文件',
      responsible: ['市财政局', '各区县(市)人民政府'],
      problems: [
        { ruleId: 'PL001', severity: 'error', message: '任务“清理行政规范性文件”只有责任单位，缺少牵头单位' },
        { ruleId: 'PL002', severity: 'warning', message: '任务“清理行政规范性文件”缺少完成时限' },
      ],
    }),
    row(4, { number: '3、', title: '公开权责清单', lead: ['市财政局'], responsible: ['各区县(市)人民政府'], deadline: { text: '年内', end: '2025-12-31', ongoing: false }, daysLeft: -3 }),
  ];
  return { uri: PLAN_URI, version: 1, title: '白川市2025年度依法行政工作要点', period: { start: 2025, end: 2025 }, today: '2026-01-03', rows, counts: { tasks: rows.length, problems: 2, overdue: 1 } };
}
