// The task-table webview (bundled to dist/preview.js): the table and the timeline of the rows the extension sends.
// Text goes in with textContent only, never as markup; the page's CSP allows this script (by nonce) and nothing else.
import { isOverdue, rowMatches, TASK_STATUSES, type TableFilter, type TaskStatus } from '../../../server/src/features/table-filter.js';
import type { PreviewRow, TaskTableResult } from '../../../server/src/protocol.js';

/** The labels the extension sends, localised (the webview has no l10n of its own). */
export type Labels = Record<string, string> & { locale: string };

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

/** An element with text content (never markup) and an optional class. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', cls = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  if (cls) node.className = cls;
  return node;
}

function format(template: string | undefined, ...args: (string | number)[]): string {
  return (template ?? '').replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

function filter(): TableFilter {
  return { ...(state.unit ? { unit: state.unit } : {}), status: state.status };
}

function visibleRows(): PreviewRow[] {
  if (!table) return [];
  const f = filter();
  return table.rows.filter((r) => rowMatches(r, f, table!.today));
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
// The timeline: a time axis (years over months or quarters), the plan's period shaded, today marked, one lane per
// lead unit. Positions are percentages of the plot, so it follows the panel's width; label density and the stacking
// of nearby markers depend on pixels and are redone when the panel is resized.

const DAY = 86_400_000;
const utc = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

interface Span {
  row: PreviewRow;
  from: number;
  to: number;
}

function monthName(month: number): string {
  if (L.locale === 'en') return ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month]!;
  return `${month + 1}月`;
}

function quarterName(quarter: number): string {
  return L.locale === 'en' ? `Q${quarter + 1}` : ['一季度', '二季度', '三季度', '四季度'][quarter]!;
}

function yearName(year: number): string {
  return L.locale === 'en' ? String(year) : `${year}年`;
}

function dateName(t: number): string {
  const d = new Date(t);
  return L.locale === 'en' ? `${monthName(d.getUTCMonth())} ${d.getUTCDate()}, ${d.getUTCFullYear()}` : `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

function renderTimeline(rows: PreviewRow[]): void {
  const box = $('timeline');
  box.replaceChildren();
  if (!table) return;
  const today = utc(table.today);
  const spans: Span[] = [];
  let ongoing = 0;
  let undated = 0;
  let missing = 0;
  for (const row of rows) {
    const d = row.deadline;
    if (d === null) missing++;
    else if (d.ongoing) ongoing++;
    else if (d.end === null) undated++;
    else spans.push({ row, from: row.deadlineStart ? utc(row.deadlineStart) : utc(d.end), to: utc(d.end) });
  }

  box.append(el('h2', L['timeline']));
  const legend = el('div', '', 'legend');
  legend.id = 'timeline-legend';
  const key = (cls: string, text: string | undefined) => {
    const item = el('span', '', 'key');
    item.append(el('span', '', `swatch ${cls}`), document.createTextNode(text ?? ''));
    legend.append(item);
  };
  key('due', L['due']);
  key('overdue', L['overdue']);
  key('span', L['spanKey']);
  if (table.period) key('period', L['period']);
  key('today', L['today']);
  const count = (text: string, status: TaskStatus | null, cls: string) => {
    const item = el(status ? 'button' : 'span', text, `count ${cls}`);
    if (status) {
      item.title = L['showInTable'] ?? '';
      item.addEventListener('click', () => {
        state.view = 'table';
        state.status = status;
        save();
        render();
      });
    }
    legend.append(item);
  };
  if (missing > 0) count(format(L['countMissing'], missing), 'noDeadline', 'missing');
  if (ongoing > 0) count(format(L['countOngoing'], ongoing), 'ongoing', 'ongoing');
  if (undated > 0) count(format(L['countUndated'], undated), null, 'undated');
  box.append(legend);

  if (spans.length === 0) {
    box.append(el('p', L['nothingToDraw'], 'muted'));
    return;
  }

  // The domain: every deadline and the plan's period, in whole months; today joins it when it is near enough.
  let lo = Math.min(...spans.map((s) => s.from));
  let hi = Math.max(...spans.map((s) => s.to));
  const period = table.period;
  const periodFrom = period ? Date.UTC(period.start, 0, 1) : null;
  const periodTo = period ? Date.UTC(period.end, 11, 31) : null;
  if (periodFrom !== null && periodTo !== null) {
    lo = Math.min(lo, periodFrom);
    hi = Math.max(hi, periodTo);
  }
  const reach = Math.max(hi - lo, 90 * DAY) * 0.35;
  if (today >= lo - reach && today <= hi + reach) {
    lo = Math.min(lo, today);
    hi = Math.max(hi, today);
  }
  const start = new Date(lo);
  lo = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1);
  const end = new Date(hi);
  hi = Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 1);
  const pct = (t: number) => ((t - lo) / (hi - lo)) * 100;

  // Lanes: one per lead unit, in the order units first lead a task; tasks without a lead last.
  const lanes = new Map<string, Span[]>();
  const noLead = L['noLead'] ?? '';
  for (const s of spans) for (const unit of s.row.lead.length ? s.row.lead : [noLead]) (lanes.get(unit) ?? lanes.set(unit, []).get(unit)!).push(s);
  if (lanes.has(noLead)) {
    const last = lanes.get(noLead)!;
    lanes.delete(noLead);
    lanes.set(noLead, last);
  }

  const grid = el('div', '', 'tl');
  grid.style.gridTemplateRows = `auto repeat(${lanes.size}, auto)`;
  const corner = el('div', '', 'tl-corner');
  const axis = el('div', '', 'tl-axis');
  const overlay = el('div', '', 'tl-overlay');
  grid.append(corner, axis, overlay);
  const laneEls: [HTMLElement, Span[]][] = [];
  for (const [unit, list] of lanes) {
    const label = el('div', '', unit === noLead ? 'tl-label no-lead' : 'tl-label');
    label.title = `${unit} · ${list.length}`;
    label.append(el('span', unit, 'name'), el('span', String(list.length), 'n'));
    const lane = el('div', '', 'tl-lane');
    // Placed explicitly: the overlay holds every row of the second column, so auto-placement would skip them.
    label.style.gridRow = lane.style.gridRow = String(laneEls.length + 2);
    grid.append(label, lane);
    laneEls.push([lane, list]);
  }
  box.append(grid);
  const tip = el('div', '', 'tip');
  tip.id = 'timeline-tip';
  tip.hidden = true;
  box.append(tip);

  const width = axis.getBoundingClientRect().width || 400;

  // The axis: years above, months or quarters below, as many labels as fit.
  const months = (new Date(hi).getUTCFullYear() - new Date(lo).getUTCFullYear()) * 12 + new Date(hi).getUTCMonth() - new Date(lo).getUTCMonth();
  const step = months <= 18 ? 1 : months <= 60 ? 3 : 12;
  const minLabel = step === 1 ? (L.locale === 'en' ? 34 : 38) : step === 3 ? (L.locale === 'en' ? 28 : 50) : 0;
  const perTick = (width * step) / months;
  // Label every tick, or every 2nd, 3rd… so that labels fit; only steps that divide a year, so a year's labels repeat.
  const divisors = step === 1 ? [1, 2, 3, 6] : step === 3 ? [1, 2] : [];
  const every = divisors.find((k) => k * perTick >= minLabel) ?? 0;
  const years = el('div', '', 'tl-years');
  const ticks = el('div', '', 'tl-ticks');
  axis.append(years, ticks);
  const y0 = new Date(lo).getUTCFullYear();
  const y1 = new Date(hi - 1).getUTCFullYear();
  const yearEvery = Math.max(1, Math.ceil(44 / ((width * 12) / months)));
  for (let y = y0; y <= y1; y++) {
    const from = Math.max(lo, Date.UTC(y, 0, 1));
    const to = Math.min(hi, Date.UTC(y + 1, 0, 1));
    if (y > y0) {
      const line = el('div', '', 'grid-line year');
      line.style.left = `${pct(Date.UTC(y, 0, 1))}%`;
      overlay.append(line);
    }
    if ((y - y0) % yearEvery !== 0) continue;
    const label = el('div', yearName(y), 'year-label');
    label.style.left = `${pct(from)}%`;
    label.style.width = `${pct(to) - pct(from)}%`;
    years.append(label);
  }
  if (every > 0) {
    let i = 0;
    for (let m = 0; m < months; m += step, i++) {
      const t0 = Date.UTC(new Date(lo).getUTCFullYear(), new Date(lo).getUTCMonth() + m, 1);
      const d = new Date(t0);
      if (d.getUTCMonth() !== 0 && m > 0) {
        const line = el('div', '', 'grid-line');
        line.style.left = `${pct(t0)}%`;
        overlay.append(line);
      }
      if (i % every !== 0) continue;
      const text = step === 1 ? monthName(d.getUTCMonth()) : quarterName(Math.floor(d.getUTCMonth() / 3));
      const label = el('div', text, 'tick-label');
      label.style.left = `${pct(t0)}%`;
      label.style.width = `${pct(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step * every, 1)) - pct(t0)}%`;
      ticks.append(label);
    }
  }

  // The plan's period, shaded, and today.
  if (periodFrom !== null && periodTo !== null) {
    const band = el('div', '', 'period-band');
    band.style.left = `${pct(Math.max(lo, periodFrom))}%`;
    band.style.width = `${pct(Math.min(hi, periodTo + DAY)) - pct(Math.max(lo, periodFrom))}%`;
    band.title = `${L['period']} ${period!.start === period!.end ? yearName(period!.start) : `${yearName(period!.start)}—${yearName(period!.end)}`}`;
    overlay.append(band);
  }
  const todayLabel = el('div', '', 'today-label');
  todayLabel.id = 'timeline-today';
  if (today >= lo && today <= hi) {
    const line = el('div', '', 'today-line');
    line.style.left = `${pct(today)}%`;
    overlay.append(line);
    todayLabel.textContent = `${L['today']} ${dateName(today)}`;
    const x = pct(today);
    if (x > 60) {
      todayLabel.style.right = `${100 - x}%`;
      todayLabel.classList.add('left-of');
    } else todayLabel.style.left = `${x}%`;
  } else {
    todayLabel.textContent = today > hi ? `${L['today']} ${dateName(today)} →` : `← ${L['today']} ${dateName(today)}`;
    todayLabel.classList.add(today > hi ? 'beyond-right' : 'beyond-left');
  }
  axis.append(todayLabel);

  // Markers, stacked in rows within a lane where they would touch.
  const MARK = 12;
  for (const [lane, list] of laneEls) {
    const rowsEnd: number[] = [];
    list.sort((a, b) => a.from - b.from || a.to - b.to);
    for (const s of list) {
      const x0 = (pct(s.from) / 100) * width;
      const x1 = Math.max(x0, (pct(s.to + (s.to > s.from ? DAY : 0)) / 100) * width);
      const left = x0 - MARK / 2;
      const right = Math.max(x1, x0) + MARK / 2;
      let level = rowsEnd.findIndex((endX) => endX + 2 <= left);
      if (level < 0) level = rowsEnd.push(right) - 1;
      else rowsEnd[level] = right;
      const mark = el('button', '', 'mark');
      const overdue = isOverdue(s.row, table.today);
      mark.classList.add(overdue ? 'overdue' : 'due', s.to > s.from ? 'bar' : 'dot');
      if (s.row.problems.length > 0) mark.classList.add('has-problems');
      mark.style.left = `${s.to > s.from ? pct(s.from) : pct(s.to)}%`;
      if (s.to > s.from) mark.style.width = `${pct(s.to + DAY) - pct(s.from)}%`;
      mark.style.top = `${4 + level * 18}px`;
      mark.setAttribute('aria-label', `${s.row.fullNumber} ${s.row.title} — ${s.row.deadline!.text}`);
      mark.dataset['line'] = String(s.row.range.start.line + 1);
      mark.addEventListener('click', () => reveal(s.row));
      mark.addEventListener('mouseenter', () => showTip(tip, mark, s.row, overdue));
      mark.addEventListener('focus', () => showTip(tip, mark, s.row, overdue));
      mark.addEventListener('mouseleave', () => (tip.hidden = true));
      mark.addEventListener('blur', () => (tip.hidden = true));
      lane.append(mark);
    }
    lane.style.height = `${Math.max(1, rowsEnd.length) * 18 + 8}px`;
  }
}

/** The hover card of a marker: number and title, deadline, lead units; placed beside the marker inside the panel. */
function showTip(tip: HTMLElement, mark: HTMLElement, row: PreviewRow, overdue: boolean): void {
  const colon = L.locale === 'en' ? ': ' : '：';
  tip.replaceChildren(
    el('div', `${row.fullNumber} ${row.title}`, 'tip-title'),
    el('div', `${L['deadline']}${colon}${row.deadline?.text ?? ''}${row.deadline?.end ? ` (${row.deadline.end})` : ''}${overdue ? ` · ${L['overdue']}` : ''}`),
    el('div', `${L['lead']}${colon}${row.lead.join('、') || L['noLead']}`),
  );
  if (row.responsible.length) tip.append(el('div', `${L['responsible']}${colon}${row.responsible.join('、')}`));
  if (row.problems.length) tip.append(el('div', row.problems.map((p) => `${p.ruleId} ${p.message}`).join('\n'), 'tip-problems'));
  tip.append(el('div', L['clickToReveal'], 'muted'));
  tip.hidden = false;
  const box = $('timeline').getBoundingClientRect();
  const m = mark.getBoundingClientRect();
  const w = tip.offsetWidth;
  let x = m.left - box.left + m.width / 2 - w / 2;
  x = Math.max(0, Math.min(x, box.width - w));
  tip.style.left = `${x}px`;
  tip.style.top = `${m.bottom - box.top + 6}px`;
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
  else renderTimeline(rows);
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
  resizeFrame = requestAnimationFrame(() => renderTimeline(visibleRows()));
}).observe(document.body);

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (!message || message.type !== 'table') return;
  table = message.table;
  L = message.labels;
  render();
});
vscode.postMessage({ type: 'ready' });
