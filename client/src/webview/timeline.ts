// The timeline view of the task-table webview: a time axis (years over months or quarters), the plan's period shaded,
// today marked, one lane per lead unit, a hover card and a click to the task. Positions are percentages of the plot,
// so it follows the panel's width; label density and the stacking of nearby markers depend on pixels, and the caller
// draws it again when the panel is resized.
import { isOverdue, type TaskStatus } from '../../../server/src/features/table-filter.js';
import type { PreviewRow, TaskTableResult } from '../../../server/src/protocol.js';
import { el, format, type Labels } from './dom.js';
import { axisTicks, DAY, percent, stackRows, timeDomain, utc } from './time-axis.js';

/** What the timeline asks of the page around it. */
export interface TimelineHost {
  labels: Labels;
  /** Go to a task's line in the editor. */
  reveal(row: PreviewRow): void;
  /** Show the table with this state filter (a legend count was clicked). */
  showInTable(status: TaskStatus): void;
}

interface Span {
  row: PreviewRow;
  from: number;
  to: number;
}

/** The marker's size and a stacked row's height, in pixels (the CSS draws `.mark` 12 px wide). */
const MARK = 12;
const ROW = 18;

/** Draws the timeline of `rows` (the filtered rows of `table`) into `box`. */
export function renderTimeline(box: HTMLElement, table: TaskTableResult, rows: readonly PreviewRow[], host: TimelineHost): void {
  const L = host.labels;
  const names = nameFormats(L.locale);
  box.replaceChildren();
  const today = utc(table.today);
  const spans: Span[] = [];
  const counts = { missing: 0, ongoing: 0, undated: 0 };
  for (const row of rows) {
    const d = row.deadline;
    if (d === null) counts.missing++;
    else if (d.ongoing) counts.ongoing++;
    else if (d.end === null) counts.undated++;
    else spans.push({ row, from: row.deadlineStart ? utc(row.deadlineStart) : utc(d.end), to: utc(d.end) });
  }
  box.append(el('h2', L['timeline']), legend(L, table.period !== null, counts, host));
  if (spans.length === 0) {
    box.append(el('p', L['nothingToDraw'], 'muted'));
    return;
  }
  const domain = timeDomain(spans, table.period, today);
  const pct = (t: number) => percent(domain, t);

  // Lanes: one per lead unit, in the order units first lead a task; tasks without a lead last.
  const noLead = L['noLead'] ?? '';
  const lanes = new Map<string, Span[]>();
  for (const s of spans) for (const unit of s.row.lead.length ? s.row.lead : [noLead]) (lanes.get(unit) ?? lanes.set(unit, []).get(unit)!).push(s);
  const orphans = lanes.get(noLead);
  if (orphans) {
    lanes.delete(noLead);
    lanes.set(noLead, orphans);
  }

  const grid = el('div', '', 'tl');
  grid.style.gridTemplateRows = `auto repeat(${lanes.size}, auto)`;
  const axis = el('div', '', 'tl-axis');
  const overlay = el('div', '', 'tl-overlay');
  grid.append(el('div', '', 'tl-corner'), axis, overlay);
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
  const tip = el('div', '', 'tip');
  tip.id = 'timeline-tip';
  tip.hidden = true;
  box.append(grid, tip);
  const width = axis.getBoundingClientRect().width || 400;

  // The axis: years above, months or quarters below, as many labels as fit; grid lines across the lanes.
  let ticks = axisTicks(domain, width, L.locale === 'en' ? { month: 34, quarter: 28 } : { month: 38, quarter: 50 });
  // Where `一季度` does not fit but `Q1` does, quarters get the short name rather than none.
  let shortQuarters = false;
  if (ticks.step === 3 && ticks.ticks.length === 0 && L.locale !== 'en') {
    const short = axisTicks(domain, width, { month: 38, quarter: 28 });
    if (short.ticks.length > 0) [ticks, shortQuarters] = [short, true];
  }
  const years = el('div', '', 'tl-years');
  const steps = el('div', '', 'tl-ticks');
  axis.append(years, steps);
  const place = (node: HTMLElement, from: number, to: number) => {
    node.style.left = `${pct(from)}%`;
    node.style.width = `${pct(to) - pct(from)}%`;
    return node;
  };
  for (const y of ticks.years) years.append(place(el('div', names.year(y.value), 'year-label'), y.from, y.to));
  for (const m of ticks.ticks) {
    const quarter = Math.floor(m.value / 3);
    const text = ticks.step === 1 ? names.month(m.value) : shortQuarters ? `Q${quarter + 1}` : names.quarter(quarter);
    steps.append(place(el('div', text, 'tick-label'), m.from, m.to));
  }
  for (const line of ticks.lines) {
    const node = el('div', '', line.year ? 'grid-line year' : 'grid-line');
    node.style.left = `${pct(line.t)}%`;
    overlay.append(node);
  }

  // The plan's period, shaded, and today: a line with its date, or an arrow at the edge when it is off the axis.
  const period = table.period;
  if (period) {
    const from = Math.max(domain.lo, Date.UTC(period.start, 0, 1));
    const to = Math.min(domain.hi, Date.UTC(period.end + 1, 0, 1));
    const band = place(el('div', '', 'period-band'), from, to);
    band.title = `${L['period']} ${period.start === period.end ? names.year(period.start) : `${names.year(period.start)}—${names.year(period.end)}`}`;
    overlay.append(band);
  }
  const todayLabel = el('div', '', 'today-label');
  todayLabel.id = 'timeline-today';
  if (today >= domain.lo && today <= domain.hi) {
    const x = pct(today);
    const line = el('div', '', 'today-line');
    line.style.left = `${x}%`;
    overlay.append(line);
    todayLabel.textContent = `${L['today']} ${names.date(today)}`;
    // Right of the line in the first part of the axis, left of it further on, so that it stays inside.
    if (x > 60) todayLabel.style.right = `${100 - x}%`;
    else todayLabel.style.left = `${x}%`;
  } else {
    const after = today > domain.hi;
    todayLabel.textContent = after ? `${L['today']} ${names.date(today)} →` : `← ${L['today']} ${names.date(today)}`;
    todayLabel.classList.add(after ? 'beyond-right' : 'beyond-left');
  }
  axis.append(todayLabel);

  // Markers: a dot on a deadline, a bar over a span (`2021—2023年`), stacked in rows within a lane where they would touch.
  for (const [lane, list] of laneEls) {
    list.sort((a, b) => a.from - b.from || a.to - b.to);
    const extent = list.map((s) => {
      const x0 = (pct(s.from) / 100) * width;
      const x1 = s.to > s.from ? (pct(s.to + DAY) / 100) * width : x0;
      return { left: x0 - MARK / 2, right: x1 + MARK / 2 };
    });
    const stacked = stackRows(extent);
    list.forEach((s, i) => lane.append(marker(s, stacked.rows[i]!, table.today, pct, tip, host)));
    lane.style.height = `${Math.max(1, stacked.count) * ROW + 8}px`;
  }
}

function marker(s: Span, row: number, today: string, pct: (t: number) => number, tip: HTMLElement, host: TimelineHost): HTMLElement {
  const mark = el('button', '', 'mark');
  const overdue = isOverdue(s.row, today);
  const bar = s.to > s.from;
  mark.classList.add(overdue ? 'overdue' : 'due', bar ? 'bar' : 'dot');
  if (s.row.problems.length > 0) mark.classList.add('has-problems');
  mark.style.left = `${pct(s.from)}%`;
  if (bar) mark.style.width = `${pct(s.to + DAY) - pct(s.from)}%`;
  mark.style.top = `${4 + row * ROW}px`;
  mark.setAttribute('aria-label', `${s.row.fullNumber} ${s.row.title} — ${s.row.deadline!.text}`);
  mark.dataset['line'] = String(s.row.range.start.line + 1);
  const show = () => showTip(tip, mark, s.row, overdue, host.labels);
  const hide = () => (tip.hidden = true);
  mark.addEventListener('click', () => host.reveal(s.row));
  mark.addEventListener('mouseenter', show);
  mark.addEventListener('focus', show);
  mark.addEventListener('mouseleave', hide);
  mark.addEventListener('blur', hide);
  return mark;
}

/** The legend: what the marks mean, and counts of the tasks the axis cannot place (a click lists them in the table). */
function legend(L: Labels, hasPeriod: boolean, counts: { missing: number; ongoing: number; undated: number }, host: TimelineHost): HTMLElement {
  const box = el('div', '', 'legend');
  box.id = 'timeline-legend';
  const keys: [string, string | undefined][] = [['due', L['due']], ['overdue', L['overdue']], ['span', L['spanKey']], ['period', L['period']], ['today', L['today']]];
  for (const [cls, text] of keys) {
    if (cls === 'period' && !hasPeriod) continue;
    const item = el('span', '', 'key');
    item.append(el('span', '', `swatch ${cls}`), document.createTextNode(text ?? ''));
    box.append(item);
  }
  const count = (n: number, label: string | undefined, status: TaskStatus | null, cls: string) => {
    if (n === 0) return;
    const item = el(status ? 'button' : 'span', format(label, n), `count ${cls}`);
    if (status) {
      item.title = L['showInTable'] ?? '';
      item.addEventListener('click', () => host.showInTable(status));
    }
    box.append(item);
  };
  count(counts.missing, L['countMissing'], 'noDeadline', 'missing');
  count(counts.ongoing, L['countOngoing'], 'ongoing', 'ongoing');
  count(counts.undated, L['countUndated'], null, 'undated');
  return box;
}

/** The hover card of a marker: number and title, deadline, units, findings; placed below the marker inside the panel. */
function showTip(tip: HTMLElement, mark: HTMLElement, row: PreviewRow, overdue: boolean, L: Labels): void {
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
  const box = (tip.parentElement ?? document.body).getBoundingClientRect();
  const m = mark.getBoundingClientRect();
  const x = Math.max(0, Math.min(m.left - box.left + m.width / 2 - tip.offsetWidth / 2, box.width - tip.offsetWidth));
  tip.style.left = `${x}px`;
  tip.style.top = `${m.bottom - box.top + 6}px`;
}

/** Year, month, quarter and date names in the UI's language. */
function nameFormats(locale: string) {
  const en = locale === 'en';
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const month = (m: number) => (en ? MONTHS[m]! : `${m + 1}月`);
  return {
    year: (y: number) => (en ? String(y) : `${y}年`),
    month,
    quarter: (q: number) => (en ? `Q${q + 1}` : ['一季度', '二季度', '三季度', '四季度'][q]!),
    date: (t: number) => {
      const d = new Date(t);
      return en ? `${month(d.getUTCMonth())} ${d.getUTCDate()}, ${d.getUTCFullYear()}` : `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
    },
  };
}
