// The task-table webview: renders rows sent by the extension with textContent only (never innerHTML), filters, a timeline.
// @ts-check
(function () {
  // @ts-ignore acquireVsCodeApi is provided by the webview host
  const vscode = acquireVsCodeApi();
  /** @type {any} */ let state = { table: null, labels: {}, today: '', unit: '', filter: 'all' };
  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

  /** Creates an element with text content and optional class. */
  function el(/** @type {string} */ tag, /** @type {string} */ text, /** @type {string=} */ cls) {
    const node = document.createElement(tag);
    if (text) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function rowMatches(/** @type {any} */ row) {
    if (state.unit && !row.lead.includes(state.unit) && !row.responsible.includes(state.unit)) return false;
    switch (state.filter) {
      case 'problems': return row.problems.length > 0;
      case 'noLead': return row.lead.length === 0;
      case 'noDeadline': return row.deadline === null;
      case 'overdue': return row.daysLeft !== null && row.daysLeft < 0;
      default: return true;
    }
  }

  function renderToolbar() {
    const bar = $('toolbar');
    bar.replaceChildren();
    const L = state.labels;
    const units = new Set();
    for (const row of state.table ? state.table.rows : []) [...row.lead, ...row.responsible].forEach((u) => units.add(u));
    const unitSelect = document.createElement('select');
    unitSelect.id = 'unit-filter';
    unitSelect.append(new Option(L.allUnits, ''));
    [...units].sort((a, b) => String(a).localeCompare(String(b), 'zh-CN')).forEach((u) => unitSelect.append(new Option(String(u), String(u))));
    unitSelect.value = state.unit;
    unitSelect.addEventListener('change', () => { state.unit = unitSelect.value; renderRows(); renderTimeline(); });
    const filter = document.createElement('select');
    filter.id = 'problem-filter';
    [['all', L.allRows], ['problems', L.withProblems], ['noLead', L.withoutLead], ['noDeadline', L.withoutDeadline], ['overdue', L.overdue]]
      .forEach(([value, label]) => filter.append(new Option(label, value)));
    filter.value = state.filter;
    filter.addEventListener('change', () => { state.filter = filter.value; renderRows(); renderTimeline(); });
    bar.append(unitSelect, filter);
    for (const [format, label] of [['csv', L.exportCsv], ['xlsx', L.exportXlsx], ['md', L.exportMd]]) {
      const button = el('button', label);
      button.addEventListener('click', () => vscode.postMessage({ type: 'export', format }));
      bar.append(button);
    }
  }

  function renderRows() {
    const L = state.labels;
    const head = /** @type {HTMLTableElement} */ ($('tasks')).tHead;
    const body = /** @type {HTMLTableElement} */ ($('tasks')).tBodies[0];
    if (!head || !body) return;
    head.replaceChildren();
    body.replaceChildren();
    const table = state.table;
    $('summary').textContent = table ? format(L.summary, table.counts.tasks, table.counts.problems, table.counts.overdue) : L.noPlan;
    if (!table) return;
    const tr = document.createElement('tr');
    [L.number, L.task, L.lead, L.responsible, L.deadline, L.problems].forEach((h) => tr.append(el('th', h)));
    head.append(tr);
    for (const row of table.rows) {
      if (!rowMatches(row)) continue;
      const r = document.createElement('tr');
      r.className = row.problems.length > 0 ? 'has-problems' : '';
      r.tabIndex = 0;
      r.dataset['line'] = String(row.range.start.line);
      r.append(el('td', row.number, 'number'), el('td', row.title, 'title'));
      r.append(el('td', row.lead.join('、') + (row.inherited.lead && row.lead.length ? ` (${L.inherited})` : ''), row.lead.length ? '' : 'missing'));
      r.append(el('td', row.responsible.join('、')));
      const deadline = el('td', row.deadline ? row.deadline.text : '', row.deadline ? '' : 'missing');
      if (row.daysLeft !== null && row.daysLeft < 0) deadline.classList.add('overdue');
      r.append(deadline);
      const problems = el('td', '', 'problems');
      for (const p of row.problems) problems.append(el('div', `${p.ruleId} ${p.message}`, p.severity));
      r.append(problems);
      const reveal = () => vscode.postMessage({ type: 'reveal', line: row.range.start.line, character: row.range.start.character });
      r.addEventListener('click', reveal);
      r.addEventListener('keydown', (e) => { if (e.key === 'Enter') reveal(); });
      body.append(r);
    }
  }

  /** A timeline of deadlines by lead unit: one lane per unit, a dot per task, overdue ones marked. */
  function renderTimeline() {
    const box = $('timeline');
    box.replaceChildren();
    const table = state.table;
    if (!table) return;
    const rows = table.rows.filter((/** @type {any} */ r) => rowMatches(r) && r.deadline && r.deadline.end);
    if (rows.length === 0) return;
    const lanes = new Map();
    for (const row of rows) for (const unit of row.lead.length ? row.lead : [state.labels.noLead]) {
      if (!lanes.has(unit)) lanes.set(unit, []);
      lanes.get(unit).push(row);
    }
    const times = rows.map((/** @type {any} */ r) => Date.parse(r.deadline.end));
    const today = Date.parse(state.today);
    const min = Math.min(...times, today);
    const max = Math.max(...times, today);
    const span = Math.max(max - min, 86400000);
    const NS = 'http://www.w3.org/2000/svg';
    const laneHeight = 22, left = 160, width = 640, top = 24;
    const svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('width', String(left + width + 20));
    svg.setAttribute('height', String(top + lanes.size * laneHeight + 10));
    svg.setAttribute('role', 'img');
    const x = (/** @type {number} */ t) => left + ((t - min) / span) * width;
    const title = document.createElementNS(NS, 'text');
    title.setAttribute('x', '0');
    title.setAttribute('y', '14');
    title.textContent = state.labels.timeline;
    svg.append(title);
    const todayLine = document.createElementNS(NS, 'line');
    todayLine.setAttribute('x1', String(x(today)));
    todayLine.setAttribute('x2', String(x(today)));
    todayLine.setAttribute('y1', String(top - 6));
    todayLine.setAttribute('y2', String(top + lanes.size * laneHeight));
    todayLine.setAttribute('class', 'today');
    svg.append(todayLine);
    let lane = 0;
    for (const [unit, list] of lanes) {
      const y = top + lane * laneHeight + laneHeight / 2;
      const label = document.createElementNS(NS, 'text');
      label.setAttribute('x', '0');
      label.setAttribute('y', String(y + 4));
      label.textContent = String(unit).length > 11 ? String(unit).slice(0, 11) + '…' : String(unit);
      svg.append(label);
      for (const row of list) {
        const dot = document.createElementNS(NS, 'circle');
        dot.setAttribute('cx', String(x(Date.parse(row.deadline.end))));
        dot.setAttribute('cy', String(y));
        dot.setAttribute('r', '5');
        dot.setAttribute('class', row.daysLeft !== null && row.daysLeft < 0 ? 'dot overdue' : 'dot');
        const tip = document.createElementNS(NS, 'title');
        tip.textContent = `${row.number} ${row.title} — ${row.deadline.text}`;
        dot.append(tip);
        dot.addEventListener('click', () => vscode.postMessage({ type: 'reveal', line: row.range.start.line, character: row.range.start.character }));
        svg.append(dot);
      }
      lane++;
    }
    box.append(svg);
  }

  function format(/** @type {string} */ template, /** @type {any[]} */ ...args) {
    return template.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'table') return;
    state = { ...state, table: message.table, labels: message.labels, today: message.today };
    renderToolbar();
    renderRows();
    renderTimeline();
  });
  vscode.postMessage({ type: 'ready' });
})();
