// The task-table webview (bundled to dist/preview.js): toolbar, filters, the table view; the timeline is timeline.ts.
// Text goes in with textContent only, never as markup; the page's CSP allows this script (by nonce) and nothing else.
import { filterRows, TASK_STATUSES, type TableFilter, type TaskStatus } from '../../../server/src/features/table-filter.js';
import type { PreviewRow, TaskTableResult } from '../../../server/src/protocol.js';
import { el, format, type Labels } from './dom.js';
import { renderTimeline } from './timeline.js';

export type { Labels };

/** What the extension posts. */
export interface ToWebview {
  type: 'table';
  table: TaskTableResult | null;
  labels: Labels;
}

/** What the webview posts. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; line: number; character: number }
  | { type: 'export'; format: 'csv' | 'md' | 'xlsx'; filter: TableFilter; problems: boolean };

type View = 'table' | 'timeline';

interface State {
  view: View;
  unit: string;
  status: TaskStatus;
  problems: boolean;
}

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): Partial<State> | undefined;
  setState(state: State): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const saved = vscode.getState() ?? {};
const state: State = {
  view: saved.view === 'timeline' ? 'timeline' : 'table',
  unit: typeof saved.unit === 'string' ? saved.unit : '',
  status: saved.status && TASK_STATUSES.includes(saved.status) ? saved.status : 'all',
  problems: saved.problems === true,
};
let table: TaskTableResult | null = null;
let L: Labels = { locale: 'zh-CN' };

const $ = (id: string): HTMLElement => document.getElementById(id)!;

function filter(): TableFilter {
  return { ...(state.unit ? { unit: state.unit } : {}), status: state.status };
}

function visibleRows(): PreviewRow[] {
  return table ? filterRows(table.rows, filter(), table.today) : [];
}

function reveal(row: PreviewRow): void {
  vscode.postMessage({ type: 'reveal', line: row.range.start.line, character: row.range.start.character });
}

function save(): void {
  vscode.setState(state);
}

// ---------------------------------------------------------------------------------------------
// Toolbar and summary

function renderToolbar(): void {
  const bar = $('toolbar');
  bar.replaceChildren();
  const tabs = el('div', '', 'tabs');
  tabs.setAttribute('role', 'tablist');
  for (const [view, label] of [['table', L['viewTable']], ['timeline', L['viewTimeline']]] as const) {
    const tab = el('button', label, 'tab');
    tab.id = `tab-${view}`;
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-selected', String(state.view === view));
    tab.addEventListener('click', () => {
      state.view = view;
      save();
      render();
    });
    tabs.append(tab);
  }

  const units = new Set<string>();
  for (const row of table?.rows ?? []) [...row.lead, ...row.responsible].forEach((u) => units.add(u));
  const unitSelect = el('select');
  unitSelect.id = 'unit-filter';
  unitSelect.title = L['unitFilter'] ?? '';
  unitSelect.append(new Option(L['allUnits'], ''));
  [...units].sort((a, b) => a.localeCompare(b, 'zh-CN')).forEach((u) => unitSelect.append(new Option(u, u)));
  if (state.unit && !units.has(state.unit)) state.unit = '';
  unitSelect.value = state.unit;
  unitSelect.addEventListener('change', () => {
    state.unit = unitSelect.value;
    save();
    render();
  });

  const statusSelect = el('select');
  statusSelect.id = 'status-filter';
  const statusLabels: Record<TaskStatus, string | undefined> = {
    all: L['allRows'],
    problems: L['withProblems'],
    noLead: L['withoutLead'],
    noDeadline: L['withoutDeadline'],
    ongoing: L['withOngoing'],
    overdue: L['overdueTasks'],
  };
  for (const status of TASK_STATUSES) statusSelect.append(new Option(statusLabels[status] ?? status, status));
  statusSelect.value = state.status;
  statusSelect.addEventListener('change', () => {
    state.status = statusSelect.value as TaskStatus;
    save();
    render();
  });

  const problemsBox = el('label', '', 'check');
  const check = el('input');
  check.type = 'checkbox';
  check.id = 'problems-column';
  check.checked = state.problems;
  check.addEventListener('change', () => {
    state.problems = check.checked;
    save();
    render();
  });
  problemsBox.append(check, document.createTextNode(L['problemsColumn'] ?? ''));

  const filters = el('div', '', 'filters');
  filters.append(unitSelect, statusSelect, problemsBox);

  const exports = el('div', '', 'exports');
  exports.title = L['exportHint'] ?? '';
  exports.append(el('span', L['export'], 'export-label'));
  for (const [fmt, label] of [['xlsx', 'Excel'], ['csv', 'CSV'], ['md', 'Markdown']] as const) {
    const button = el('button', label, 'secondary');
    button.dataset['format'] = fmt;
    button.addEventListener('click', () => vscode.postMessage({ type: 'export', format: fmt, filter: filter(), problems: state.problems }));
    exports.append(button);
  }
  bar.append(tabs, filters, exports);
}

function renderSummary(shown: number): void {
  const box = $('summary');
  if (!table) {
    box.textContent = L['noPlan'] ?? '';
    return;
  }
  box.textContent = format(L['summary'], table.counts.tasks, table.counts.problems, table.counts.overdue);
  if (shown !== table.rows.length) box.append(el('span', format(L['showing'], shown), 'shown'));
}

// ---------------------------------------------------------------------------------------------
// The table

function renderTable(rows: PreviewRow[]): void {
  const tableEl = $('tasks') as HTMLTableElement;
  const head = tableEl.tHead!;
  const body = tableEl.tBodies[0]!;
  head.replaceChildren();
  body.replaceChildren();
  if (!table) return;
  const columns = [L['number'], L['task'], L['lead'], L['responsible'], L['deadline'], ...(state.problems ? [L['problems']] : [])];
  const keys = ['number', 'title', 'lead', 'responsible', 'deadline', 'problems'];
  const tr = el('tr');
  columns.forEach((h, i) => {
    const th = el('th', h ?? '', `col-${keys[i]}`);
    th.scope = 'col';
    tr.append(th);
  });
  head.append(tr);
  if (rows.length === 0) {
    const empty = el('tr', '', 'empty');
    const td = el('td', L['noMatch']);
    td.colSpan = columns.length;
    empty.append(td);
    body.append(empty);
    return;
  }
  let section: string | null = null;
  for (const row of rows) {
    if (row.section !== section) {
      section = row.section;
      if (section) {
        const group = el('tr', '', 'section');
        const th = el('th', section);
        th.colSpan = columns.length;
        th.scope = 'colgroup';
        group.append(th);
        body.append(group);
      }
    }
    const r = el('tr');
    if (row.problems.length > 0) r.classList.add('has-problems');
    r.tabIndex = 0;
    r.dataset['line'] = String(row.range.start.line + 1);
    r.append(el('td', row.fullNumber, 'number'));
    const title = el('td', row.title, 'title');
    if (!state.problems && row.problems.length > 0) {
      const worst = row.problems.some((p) => p.severity === 'error') ? 'error' : row.problems.some((p) => p.severity === 'warning') ? 'warning' : 'info';
      const badge = el('span', String(row.problems.length), `badge ${worst}`);
      badge.title = row.problems.map((p) => `${p.ruleId} ${p.message}`).join('\n');
      title.append(' ', badge);
    }
    r.append(title);
    const lead = el('td', row.lead.join('、'), row.lead.length ? 'lead' : 'lead missing');
    if (row.inherited.lead && row.lead.length) lead.append(' ', el('span', `(${L['inherited']})`, 'muted'));
    r.append(lead, el('td', row.responsible.join('、'), 'responsible'));
    const deadline = el('td', row.deadline ? row.deadline.text : '', row.deadline ? 'deadline' : 'deadline missing');
    if (row.daysLeft !== null && row.daysLeft < 0) deadline.classList.add('overdue');
    if (row.deadline?.ongoing) deadline.classList.add('ongoing');
    r.append(deadline);
    if (state.problems) {
      const problems = el('td', '', 'problems');
      for (const p of row.problems) problems.append(el('div', `${p.ruleId} ${p.message}`, p.severity));
      r.append(problems);
    }
    r.addEventListener('click', () => reveal(row));
    r.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') reveal(row);
    });
    body.append(r);
  }
}

// ---------------------------------------------------------------------------------------------
// The timeline (timeline.ts)

function drawTimeline(rows: PreviewRow[]): void {
  if (!table) {
    $('timeline').replaceChildren();
    return;
  }
  renderTimeline($('timeline'), table, rows, {
    labels: L,
    reveal,
    showInTable: (status) => {
      state.view = 'table';
      state.status = status;
      save();
      render();
    },
  });
}

// ---------------------------------------------------------------------------------------------

function render(): void {
  renderToolbar();
  const rows = visibleRows();
  renderSummary(rows.length);
  document.body.dataset['view'] = state.view;
  $('table-view').hidden = state.view !== 'table';
  $('timeline-view').hidden = state.view !== 'timeline';
  if (state.view === 'table') renderTable(rows);
  else drawTimeline(rows);
}

// Only a change of width redraws: the timeline's own height changes must not loop.
let resizeFrame = 0;
let lastWidth = 0;
new ResizeObserver((entries) => {
  const width = Math.round(entries[0]?.contentRect.width ?? 0);
  if (width === lastWidth) return;
  lastWidth = width;
  if (state.view !== 'timeline') return;
  cancelAnimationFrame(resizeFrame);
  resizeFrame = requestAnimationFrame(() => drawTimeline(visibleRows()));
}).observe(document.body);

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (!message || message.type !== 'table') return;
  table = message.table;
  L = message.labels;
  render();
});
vscode.postMessage({ type: 'ready' });
