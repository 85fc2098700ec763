-- Headless LSP check for Neovim 0.7.x (vim.lsp.start_client API), adapted from the shared e2e recipe for planlint-ls.
-- Run via run.sh, or: nvim --headless -u NONE -i NONE -n -c 'luafile lsp-check.lua' FILE
-- Env: LSP_CMD       server command, whitespace-split (required), e.g. "node dist/server.js --stdio"
--      LSP_FILETYPE  filetype -> languageId sent in didOpen (default: detected)
--      EXPECT_DIAG   substring one diagnostic message must contain (default: any diagnostic)
--      EXPECT_SYMBOL substring one documentSymbol name must contain (optional)
--      EXPECT_COMPLETION  label one completion item must have (optional)
--      EXPECT_COMPLETION_PREFIX  the text before the cursor that item's textEdit must replace, exactly (optional)
--      LSP_TIMEOUT_MS  per-wait timeout (default 10000)
-- Exit status: 0 all checks passed, 1 a check failed, 2 setup error. The last line is "N passed, N failed".
local timeout = tonumber(os.getenv('LSP_TIMEOUT_MS') or '10000')
local passed, failed = 0, 0
local function out(s) io.stdout:write(s .. '\n') end
local function check(name, ok, detail)
  if ok then passed = passed + 1 else failed = failed + 1 end
  out(string.format('%s %s%s', ok and 'ok  ' or 'FAIL', name, detail and (': ' .. detail) or ''))
end
local function finish(code)
  out(string.format('%d passed, %d failed', passed, failed))
  io.stdout:flush()
  vim.cmd((code or (failed > 0 and 1 or 0)) .. 'cquit!')
end

local cmd = vim.split(os.getenv('LSP_CMD') or '', '%s+', { trimempty = true })
if #cmd == 0 then out('LSP_CMD not set'); failed = failed + 1; finish(2) end

local bufnr = vim.api.nvim_get_current_buf()
local fname = vim.api.nvim_buf_get_name(bufnr)
if fname == '' then out('no file given'); failed = failed + 1; finish(2) end
if os.getenv('LSP_FILETYPE') then vim.bo[bufnr].filetype = os.getenv('LSP_FILETYPE')
else vim.cmd('filetype on | filetype detect') end
out('file: ' .. fname .. '  filetype: ' .. vim.bo[bufnr].filetype)

local t0 = vim.loop.hrtime()
local function ms() return math.floor((vim.loop.hrtime() - t0) / 1e6) end
local exited = false
local client_id = vim.lsp.start_client({
  name = 'planlint',
  cmd = cmd,
  root_dir = vim.fn.fnamemodify(fname, ':p:h'),
  on_exit = function(code, signal) exited = true; out(('server exited code=%s signal=%s'):format(code, signal)) end,
})
if not client_id then out('start_client failed'); failed = failed + 1; finish(2) end
vim.lsp.buf_attach_client(bufnr, client_id)

local client = vim.lsp.get_client_by_id(client_id)
local ok_init = vim.wait(timeout, function() return client.initialized or exited end, 20)
local caps = client.server_capabilities or client.resolved_capabilities or {}
check('initialize', ok_init and client.initialized, ('%d ms, documentSymbolProvider=%s completionProvider=%s'):format(
  ms(), tostring(caps.documentSymbolProvider or caps.document_symbol), tostring(caps.completionProvider ~= nil or caps.completion)))

-- 1. diagnostics (pushed by the server after didOpen)
local expect_diag = os.getenv('EXPECT_DIAG')
local function diag_ok()
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if (not expect_diag or d.message:find(expect_diag, 1, true)) and d.source == 'planlint' then return true end
  end
  return false
end
vim.wait(timeout, diag_ok, 20)
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  out(('  diagnostic %d:%d severity=%d source=%s: %s'):format(d.lnum + 1, d.col + 1, d.severity, tostring(d.source), d.message))
end
check('publishDiagnostics', diag_ok(), ('%d ms, %d diagnostic(s)'):format(ms(), #vim.diagnostic.get(bufnr)))

-- 2. textDocument/documentSymbol
local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
local resp, err = client.request_sync('textDocument/documentSymbol', params, timeout, bufnr)
local symbols = (resp and resp.result) or {}
local expect_sym, sym_found = os.getenv('EXPECT_SYMBOL'), false
local function walk(list, depth)
  for _, s in ipairs(list) do
    local r = s.range or (s.location and s.location.range)
    out(('  %ssymbol %q kind=%d line=%d%s'):format(string.rep('  ', depth), s.name, s.kind, r and r.start.line + 1 or -1,
      (s.detail and s.detail ~= '') and ('  ' .. s.detail) or ''))
    if not expect_sym or s.name:find(expect_sym, 1, true) then sym_found = true end
    walk(s.children or {}, depth + 1)
  end
end
walk(symbols, 0)
check('documentSymbol', resp and not resp.err and sym_found, err or (resp and resp.err and vim.inspect(resp.err)) or (#symbols .. ' top-level symbol(s)'))

-- 3. textDocument/completion at the end of the file (asked in UTF-16 columns, as LSP counts),
--    so the file can end in a Chinese prefix to complete, e.g. `[牵头单位：市司`.
local last = vim.api.nvim_buf_line_count(bufnr) - 1
local last_text = vim.api.nvim_buf_get_lines(bufnr, last, last + 1, false)[1] or ''
local _, col16 = vim.str_utfindex(last_text)
local cparams = { textDocument = params.textDocument, position = { line = last, character = col16 } }
resp, err = client.request_sync('textDocument/completion', cparams, timeout, bufnr)
local items = resp and resp.result or {}
if items.items then items = items.items end
local labels, found = {}, nil
local expect_c = os.getenv('EXPECT_COMPLETION')
for _, it in ipairs(items) do
  labels[#labels + 1] = it.label
  if it.label == expect_c then found = it end
end
out('  completion: ' .. table.concat(labels, ', '))
check('completion', resp and not resp.err and #labels > 0 and (not expect_c or found ~= nil), err or (#labels .. ' item(s)'))

-- 4. the item replaces exactly the Chinese run typed (CJK is one word to the editor)
local prefix = os.getenv('EXPECT_COMPLETION_PREFIX')
if prefix and expect_c then
  local _, plen = vim.str_utfindex(prefix)
  local te = found and found.textEdit
  local r = te and (te.range or te.replace)
  local ok = r ~= nil and r.start.line == last and r.start.character == col16 - plen and r['end'].character == col16 and te.newText == expect_c
  check('completion replaces the typed run', ok, r and ('%d:%d-%d:%d → %s'):format(r.start.line, r.start.character, r['end'].line, r['end'].character, te.newText) or 'no textEdit')
end

-- shutdown/exit handshake, then quit with status
vim.lsp.stop_client(client_id)
vim.wait(3000, function() return exited end, 20)
out(('total %d ms'):format(ms()))
finish()
