// Runs planlint's extension tests (api-tests/index.js) inside code-server's extension host, the way @vscode/test-web
// does: the workbench calls window.codeAutomationExit(code) when run() settles.
// Env: CS_URL, WS_DIR, EXT_DEV_PATH (see below),
//      TESTS_PATH (module exporting run(); default ./api-tests/index.js), CHROME, TIMEOUT_MS.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const CS_URL = process.env.CS_URL || 'http://127.0.0.1:8765';
const WS_DIR = process.env.WS_DIR || '/tmp/vscode-e2e/ws';
const TESTS_PATH = path.resolve(process.env.TESTS_PATH || path.join(__dirname, 'api-tests', 'index.js'));
// Tests only run when an extensionDevelopmentPath is given. Default: the placeholder extension in
// api-tests/ (so the extension under test is the one installed from the .vsix); or point it at an
// unpacked extension folder to test that instead (like @vscode/test-electron).
const EXT_DEV_PATH = path.resolve(process.env.EXT_DEV_PATH || path.join(__dirname, 'api-tests'));
const TIMEOUT_MS = Number(process.env.TIMEOUT_MS || 120000);

(async () => {
  const t0 = Date.now();
  const authority = new URL(CS_URL).host;               // code-server's remote authority = host:port
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const payload = [['extensionDevelopmentPath', remote(EXT_DEV_PATH)], ['extensionTestsPath', remote(TESTS_PATH)]];
  const url = `${CS_URL}/?folder=${encodeURIComponent(WS_DIR)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-chrome-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROME || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, XDG_CONFIG_HOME: path.join(profile, 'xdg-config'), XDG_CACHE_HOME: path.join(profile, 'xdg-cache') },
  });
  let code;
  try {
    const page = ctx.pages()[0] || (await ctx.newPage());
    let exit;
    const done = new Promise((resolve) => (exit = resolve));
    await page.exposeFunction('codeAutomationExit', (c) => exit(c));
    await page.exposeFunction('codeAutomationLog', (_type, args) => { if (process.env.VERBOSE) console.log(...args); });
    // console.log in the (remote) extension host is mirrored to the page console as "%c INFO color: #33f <msg>"
    page.on('console', (m) => {
      const t = m.text().replace(/^%c\s*\w+\s+color:\s*\S+\s*/, '');
      if (process.env.VERBOSE || /^(ok|FAIL) |^\d+ passed, \d+ failed/.test(t)) console.log(t);
    });
    await page.goto(url);
    code = await Promise.race([done, new Promise((r) => setTimeout(() => r('timeout'), TIMEOUT_MS))]);
  } finally {
    await ctx.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(`extension tests exit code: ${code} (${Date.now() - t0} ms)`);
  process.exit(code === 0 ? 0 : 1);
})().catch((e) => { console.error(e); process.exit(2); });
