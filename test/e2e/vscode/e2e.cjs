// Drives code-server (a real VS Code 1.100) in headless chromium and checks planlint as a drafter sees it:
// squiggles, messages in the Problems panel, the status bar, the Outline, the tasks-by-unit view, unit completion
// after 牵头单位：, a quick fix, and the task-table preview — all in the language E2E_LOCALE says.
// Screenshots go to SHOTS (FAIL-<step>.png when a step fails).
// Env: CS_URL, WS_DIR (workspace folder), SHOTS, CHROME (/usr/bin/chromium), STEP_TIMEOUT_MS,
//      E2E_LOCALE: `default` (no planlint setting, English VS Code: English UI) or `zh-CN` (planlint.locale: zh-CN).
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const CS_URL = process.env.CS_URL || 'http://127.0.0.1:8765';
const WS_DIR = process.env.WS_DIR;
const SHOTS = process.env.SHOTS || path.join(os.tmpdir(), 'planlint-shots');
const FILE = 'bracket-style.plan';
const T = Number(process.env.STEP_TIMEOUT_MS || 60000);
const MODE = process.env.E2E_LOCALE || 'default';
/** What planlint shows in each mode (FILE has 15 tasks, 2 of them without a lead unit). */
const EXPECT = {
  default: {
    leadMissing: 'not which one leads',
    numbering: 'Number "',
    status: '15 tasks · 2 without a lead unit',
    noLead: '(no lead unit)',
    leads: /^leads \d+/,
    leadRole: /^lead( · |$)/,
    responsibleRole: /^responsible( · |$)/,
    renumber: 'Renumber',
    leadColumn: 'Lead units',
  },
  'zh-CN': {
    leadMissing: '未写明由哪个单位牵头',
    numbering: '编号',
    status: '15 项任务 · 2 项缺牵头',
    noLead: '（无牵头单位）',
    leads: /^牵头 \d+ 项/,
    leadRole: /^牵头( · |$)/,
    responsibleRole: /^责任( · |$)/,
    renumber: '重新编号',
    leadColumn: '牵头单位',
  },
}[MODE];
if (!EXPECT) throw new Error(`E2E_LOCALE must be default or zh-CN, not ${MODE}`);

const t0 = Date.now();
const results = [];
const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
let page;
let folderHeader;

async function step(name, fn) {
  const s = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    log(`ok   ${name} (${Date.now() - s} ms)`);
  } catch (e) {
    results.push({ name, ok: false, error: e.message.split('\n')[0] });
    log(`FAIL ${name}: ${e.message.split('\n')[0]}`);
    await page.screenshot({ path: path.join(SHOTS, `FAIL-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
  }
}

/** Runs a command from the palette by (part of) its title. */
async function palette(title) {
  for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+P');
  await page.locator('.quick-input-widget input').fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-chrome-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROME || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--lang=${MODE === 'zh-CN' ? 'zh-CN' : 'en-US'}`],
    viewport: { width: 1500, height: 950 },
    env: { ...process.env, XDG_CONFIG_HOME: path.join(profile, 'xdg-config'), XDG_CACHE_HOME: path.join(profile, 'xdg-cache') },
  });
  page = ctx.pages()[0] || (await ctx.newPage());
  page.setDefaultTimeout(T);
  const shot = (n) => page.screenshot({ path: path.join(SHOTS, n) });
  const editorLines = () => page.locator('.monaco-editor .view-lines').first();

  try {
    await step('workbench loads the samples folder', async () => {
      await page.goto(`${CS_URL}/?folder=${encodeURIComponent(WS_DIR)}`);
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).first().waitFor();
    });
    await step(`open ${FILE}`, async () => {
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).first().click();
      await editorLines().waitFor();
      await page.locator('.tab.active', { hasText: FILE }).waitFor();
    });
    await step('squiggles appear', async () => {
      await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first().waitFor();
    });
    await shot('01-editor.png');
    await step('status bar counts tasks and tasks without a lead unit', async () => {
      await page.locator('.statusbar-item', { hasText: EXPECT.status }).first().waitFor();
    });
    await step(`Problems panel shows messages (${MODE})`, async () => {
      await editorLines().click();
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel .monaco-list-row', { hasText: EXPECT.leadMissing }).first().waitFor();
      await page.locator('.markers-panel .monaco-list-row', { hasText: EXPECT.numbering }).first().waitFor();
    });
    await shot('02-problems-panel.png');
    await step('Outline lists chapters and tasks', async () => {
      const header = page.locator('.pane-header', { hasText: /^outline$|^大纲$/i }).first();
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^outline$|^大纲$/i }) });
      await pane.locator('.pane-body .monaco-list-row', { hasText: '依法全面履行政府职能' }).first().waitFor();
    });
    await shot('03-outline.png');
    await step('tasks-by-unit view shows roles and the tasks without a lead unit', async () => {
      // Room for the view: fold the Outline (checked above) and the folder (unfolded again below); no hover tooltip.
      const outline = page.locator('.pane-header', { hasText: /^outline$|^大纲$/i }).first();
      if ((await outline.getAttribute('aria-expanded')) === 'true') await outline.click();
      // The folder's header, kept as an element: once folded its pane has no .explorer-folders-view to find it by.
      folderHeader = await page.locator('.pane', { has: page.locator('.explorer-folders-view') }).locator('.pane-header').first().elementHandle();
      if ((await folderHeader.getAttribute('aria-expanded')) === 'true') await folderHeader.click();
      await page.mouse.move(700, 300);
      const title = /^tasks by unit$|^按单位查看任务$/i;
      const header = page.locator('.pane-header', { hasText: title }).first();
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      const rows = page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) }).locator('.pane-body .monaco-list-row');
      const noLead = rows.filter({ hasText: EXPECT.noLead }).first();
      await noLead.waitFor();
      if ((await noLead.getAttribute('aria-expanded')) !== 'true') await noLead.click();
      await rows.filter({ hasText: '推进行政机关负责人出庭应诉' }).first().waitFor();
      const unit = rows.filter({ has: page.locator('.label-description', { hasText: EXPECT.leads }) }).first();
      await unit.waitFor();
      await unit.click();
      // A unit's tasks: those it leads first, then those it is responsible for.
      await rows.filter({ has: page.locator('.label-description', { hasText: EXPECT.leadRole }) }).first().waitFor();
      await rows.filter({ has: page.locator('.label-description', { hasText: EXPECT.responsibleRole }) }).first().waitFor();
      // The view's badge (tasks with problems: 4, 9, 11, 12, 13, 14, 15, 16 — PL012 finds two leads in 4 and 16) on the Explorer's icon; no file is dirty yet.
      await page.locator('.activitybar .action-item .badge-content', { hasText: /^8$/ }).first().waitFor();
    });
    await shot('03b-tasks-by-unit.png');
    await step('the folder unfolds again', async () => {
      if (folderHeader && (await folderHeader.getAttribute('aria-expanded')) !== 'true') await folderHeader.click();
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'injection.plan' }).first().waitFor();
    });
    await step('unit completion after 牵头单位：', async () => {
      await editorLines().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.insertText('18.新增一项任务。[牵头单位:');
      await page.keyboard.press('Control+Space');
      await page.locator('.suggest-widget .monaco-list-row', { hasText: '市政府法制办' }).first().waitFor();
    });
    await shot('04-completion.png');
    await step('quick fix renumbers a gap', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+z');
      // Line 36 reads `9.全面推行政府法律顾问制度` after `7.`: the numbering quick fix makes it `8.`.
      await page.keyboard.press('Control+g');
      await page.locator('.quick-input-widget input').fill(':36:1');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+.');
      // The quick-fix menu opens with its first (preferred) fix focused: the renumbering of this run.
      await page.locator('.action-widget').filter({ hasText: EXPECT.renumber }).first().waitFor();
      await page.keyboard.press('Enter');
      await editorLines().locator('.view-line', { hasText: '8.全面推行政府法律顾问制度' }).first().waitFor();
    });
    await shot('05-after-quick-fix.png');
    const preview = () => page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await step('task table preview shows the rows', async () => {
      await palette('Show Task Table'); // command titles follow VS Code's display language (English here)
      const frame = preview();
      await frame.locator('#tasks tbody tr').first().waitFor();
      await frame.locator('#tasks tbody tr', { hasText: '深化行政审批制度改革' }).first().waitFor();
      await frame.locator('#tasks thead', { hasText: EXPECT.leadColumn }).waitFor();
      // Full numbers and section rows carry the hierarchy: `3.` under `二、` is `二3.`.
      await frame.locator('#tasks td.number', { hasText: /^二3\.$/ }).first().waitFor();
      await frame.locator('#tasks tr.section', { hasText: '二、依法全面履行政府职能' }).first().waitFor();
    });
    await shot('06-task-table-preview.png');
    /** Overflow in the preview's table: headers on more than one line, cells or controls wider than their box or the panel. */
    const tableOverflow = () =>
      preview().locator('body').evaluate(() => {
        const out = [];
        const root = document.documentElement;
        if (root.scrollWidth > root.clientWidth + 1) out.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
        const heads = [...document.querySelectorAll('#tasks thead th')];
        if (heads.length < 5) out.push(`${heads.length} headers`);
        for (const th of heads) {
          const style = getComputedStyle(th);
          const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.4;
          // A header may break between words (`Responsible / units`), never inside one (`牵 / 头`).
          // Lines are counted on the text itself (the row is as tall as its tallest header).
          const words = th.textContent.trim().split(/\s+/).length;
          const range = document.createRange();
          range.selectNodeContents(th);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
          if (lines > words) out.push(`header "${th.textContent}" takes ${lines} lines (${Math.round(range.getBoundingClientRect().height)}px for a ${line}px line)`);
          if (th.scrollWidth > th.clientWidth + 1) out.push(`header "${th.textContent}" overflows`);
        }
        for (const node of document.querySelectorAll('#tasks td, #toolbar *')) {
          if (node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflowX !== 'visible') out.push(`"${node.textContent.slice(0, 20)}" overflows`);
          const r = node.getBoundingClientRect();
          if (r.right > root.clientWidth + 1) out.push(`"${node.textContent.slice(0, 20)}" ends past the panel (${Math.round(r.right)} > ${root.clientWidth})`);
        }
        return { problems: out, width: root.clientWidth, headers: heads.length };
      });
    await step('the table fits the side-by-side panel: one-line headers, no cell or page overflow', async () => {
      const report = await tableOverflow();
      log(`preview width ${report.width}px`);
      if (report.problems.length) throw new Error(report.problems.slice(0, 5).join('; '));
    });
    await step('the problems column is off by default; turned on, the table still fits', async () => {
      const frame = preview();
      if ((await frame.locator('#tasks thead th').count()) !== 5) throw new Error('a problems column by default');
      await frame.locator('#problems-column').check();
      await frame.locator('#tasks thead th.col-problems').waitFor();
      await frame.locator('#tasks td.problems', { hasText: 'PL001' }).first().waitFor();
      const report = await tableOverflow();
      await shot('06b-table-problems-column.png');
      await frame.locator('#problems-column').uncheck();
      if (report.headers !== 6) throw new Error(`${report.headers} headers with the problems column`);
      if (report.problems.length) throw new Error(report.problems.slice(0, 5).join('; '));
    });
    await step('filter "without a lead unit", export it from the preview, open the file', async () => {
      const frame = preview();
      await frame.locator('#status-filter').selectOption('noLead');
      await frame.locator('#summary .shown').waitFor();
      // The two tasks of the sample without a lead unit (the completion step's new line, when its undo left it, is a third).
      await frame.locator('#tasks tbody tr', { hasText: '依法查处重点领域违法行为' }).waitFor();
      await frame.locator('#tasks tbody tr', { hasText: '推进行政机关负责人出庭应诉' }).waitFor();
      const shown = await frame.locator('#tasks tbody tr:not(.section)').count();
      const withLead = await frame.locator('#tasks tbody td.lead:not(.missing)').count();
      if (withLead !== 0) throw new Error(`${withLead} rows with a lead unit under "without a lead unit"`);
      await frame.locator('.exports button[data-format="csv"]').click();
      // code-server's save dialog is a quick input holding the proposed path: accept it.
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      let proposed = '';
      for (let i = 0; i < 50 && !/bracket-style-任务分解表\.csv$/.test(proposed); i++) {
        proposed = await input.inputValue();
        await page.waitForTimeout(100);
      }
      if (!/bracket-style-任务分解表\.csv$/.test(proposed)) throw new Error(`proposed ${proposed}`);
      await page.keyboard.press('Enter');
      const toast = page.locator('.notification-toast', { hasText: /bracket-style-任务分解表\.csv/ }).first();
      await toast.waitFor();
      await toast.locator('.monaco-button', { hasText: /^(打开|Open)$/ }).waitFor();
      const file = path.join(WS_DIR, 'bracket-style-任务分解表.csv');
      for (let i = 0; i < 50 && !fs.existsSync(file); i++) await page.waitForTimeout(100);
      const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\r\n');
      if (lines.length !== 1 + shown) throw new Error(`the export has ${lines.length - 1} rows, the preview shows ${shown}`);
      if (!/^\ufeff(序号,所属部分,任务|No\.,Section,Task),/.test(lines[0]) || /问题|Problems/.test(lines[0])) throw new Error(`header ${lines[0]}`);
      await page.waitForTimeout(600); // the toast slides in
      await shot('07-export-saved.png');
      await toast.locator('.monaco-button', { hasText: /^(打开|Open)$/ }).click();
      await page.locator('.tab.active', { hasText: 'bracket-style-任务分解表.csv' }).waitFor();
      await frame.locator('#status-filter').selectOption('all');
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).first().click();
      await page.locator('.tab.active', { hasText: FILE }).waitFor();
    });
    await step('timeline: a time axis, the plan period, today, one lane per lead unit, a legend', async () => {
      const frame = preview();
      await frame.locator('#status-filter').selectOption('all');
      await frame.locator('#tab-timeline').click();
      await frame.locator('#timeline .tl-lane .mark').first().waitFor();
      await frame.locator('#timeline .year-label', { hasText: /2017/ }).first().waitFor();
      await frame.locator('#timeline-today').waitFor();
      await frame.locator('#timeline-legend .count', { hasText: /长期推进|ongoing/ }).first().waitFor();
      const report = await frame.locator('body').evaluate(() => {
        const out = [];
        const root = document.documentElement;
        if (root.scrollWidth > root.clientWidth + 1) out.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
        const lanes = document.querySelectorAll('#timeline .tl-lane').length;
        const labels = [...document.querySelectorAll('#timeline .tick-label, #timeline .year-label')];
        for (const group of ['.tick-label', '.year-label']) {
          const rects = [...document.querySelectorAll(`#timeline ${group}`)].map((e) => ({ e, r: e.getBoundingClientRect() }));
          for (let i = 1; i < rects.length; i++) if (rects[i].r.left < rects[i - 1].r.right - 1) out.push(`axis labels overlap: ${rects[i - 1].e.textContent} / ${rects[i].e.textContent}`);
        }
        for (const label of labels) if (label.scrollWidth > label.clientWidth + 1) out.push(`axis label "${label.textContent}" is cut`);
        for (const lane of document.querySelectorAll('#timeline .tl-label')) if (lane.getBoundingClientRect().height > 60) out.push(`lane label too tall`);
        const plot = document.querySelector('#timeline .tl-axis').getBoundingClientRect();
        for (const m of document.querySelectorAll('#timeline .mark')) {
          const r = m.getBoundingClientRect();
          if (r.left < plot.left - 7 || r.right > plot.right + 7) out.push(`a marker outside the axis (${Math.round(r.left)}–${Math.round(r.right)} vs ${Math.round(plot.left)}–${Math.round(plot.right)})`);
        }
        return { problems: out, lanes, width: plot.width };
      });
      log(`timeline: ${report.lanes} lanes, plot ${Math.round(report.width)}px`);
      if (report.lanes < 5) throw new Error(`${report.lanes} lanes`);
      if (report.problems.length) throw new Error(report.problems.slice(0, 5).join('; '));
    });
    await shot('08-timeline.png');
    await step('timeline: hover shows the task, click reveals its line in the editor', async () => {
      const frame = preview();
      const mark = frame.locator('#timeline .mark').nth(2);
      await mark.hover();
      await frame.locator('#timeline-tip:not([hidden])').waitFor();
      await shot('09-timeline-hover.png');
      const line = Number(await mark.getAttribute('data-line'));
      await mark.click();
      await page.locator('.statusbar-item', { hasText: new RegExp(`(Ln|行) ${line}[,，]`) }).first().waitFor();
    });
    await step('timeline follows the panel width', async () => {
      const frame = preview();
      const before = await frame.locator('#timeline .tl-axis').evaluate((e) => e.getBoundingClientRect().width);
      await page.setViewportSize({ width: 1100, height: 950 });
      await page.waitForTimeout(500);
      const after = await frame.locator('#timeline .tl-axis').evaluate((e) => e.getBoundingClientRect().width);
      const overflow = await frame.locator('body').evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await shot('10-timeline-narrow.png');
      await page.setViewportSize({ width: 1500, height: 950 });
      if (!(after < before - 50)) throw new Error(`axis ${Math.round(before)}px → ${Math.round(after)}px`);
      if (overflow > 1) throw new Error(`page scrolls sideways by ${overflow}px`);
    });
    await step('timeline and table in a dark theme', async () => {
      // Through the workspace settings file, which VS Code reloads when it changes (the palette's theme
      // picker first lists the marketplace, which is offline here).
      const settings = path.join(WS_DIR, '.vscode', 'settings.json');
      const original = fs.existsSync(settings) ? fs.readFileSync(settings, 'utf8') : null;
      const theme = async (id) => {
        fs.mkdirSync(path.dirname(settings), { recursive: true });
        fs.writeFileSync(settings, JSON.stringify({ ...JSON.parse(original ?? '{}'), 'workbench.colorTheme': id }, null, 2));
        await page.locator(`.monaco-workbench.${id.includes('Dark') ? 'vs-dark' : 'vs'}`).waitFor();
        await page.waitForTimeout(800);
      };
      try {
        await theme('Default Dark Modern');
        await shot('12-timeline-dark.png');
        await preview().locator('#tab-table').click();
        await shot('13-table-dark.png');
      } finally {
        if (original === null) fs.writeFileSync(settings, '{}\n');
        else fs.writeFileSync(settings, original);
        await page.locator('.monaco-workbench.vs').waitFor();
        await preview().locator('#tab-table').click();
      }
      // Back to the plan's editor group, so that the next file opens there and the preview stays in view.
      await editorLines().click();
    });
    await step('the preview shows markup in a plan as text', async () => {
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'injection.plan' }).first().click();
      await page.locator('.tab.active', { hasText: 'injection.plan' }).waitFor();
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      await frame.locator('#tasks tbody tr', { hasText: '<img src=x onerror=' }).first().waitFor();
      await frame.locator('#tasks tbody tr', { hasText: '<script>' }).first().waitFor();
      const images = await frame.locator('img').count();
      const pwned = await frame.locator('body[data-pwned]').count();
      if (images !== 0 || pwned !== 0) throw new Error(`markup was rendered: ${images} img, pwned=${pwned}`);
    });
    await shot('11-preview-injection.png');
    await step('a Word document opens as its text, with squiggles', async () => {
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: '政务公开方案.docx' }).first().click();
      await page.locator('.monaco-editor .view-lines', { hasText: '（一）深化公开' }).first().waitFor();
      await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first().waitFor();
    });
    await step('the task table preview follows the Word document', async () => {
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      await frame.locator('#tasks tbody tr', { hasText: '公开权力清单' }).first().waitFor();
    });
    await shot('12-word-document.png');
  } finally {
    await ctx.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`ui: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch((e) => {
  console.error(e);
  process.exit(2);
});
