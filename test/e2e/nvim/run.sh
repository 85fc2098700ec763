#!/usr/bin/env bash
# Runs lsp-check.lua in a headless Neovim (0.7+) against a language server command; adapted from the shared e2e recipe.
# Usage: run.sh FILE -- SERVER_CMD...     e.g. run.sh /tmp/x/plan.plan -- node dist/server.js --stdio
# Env passed through to lsp-check.lua: LSP_FILETYPE EXPECT_DIAG EXPECT_SYMBOL EXPECT_COMPLETION EXPECT_COMPLETION_PREFIX LSP_TIMEOUT_MS
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
FILE="$1"; shift; [ "${1:-}" = "--" ] && shift
TMP="$(mktemp -d /tmp/nvim-lsp.XXXXXX)"; trap 'rm -rf "$TMP"' EXIT
# keep nvim's log, lsp.log, shada and swap out of $HOME
export XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data" XDG_CACHE_HOME="$TMP/cache" XDG_STATE_HOME="$TMP/state" \
  NVIM_LOG_FILE="$TMP/nvim.log" LSP_CMD="$*"
rc=0; nvim --headless -u NONE -i NONE -n -c "luafile $HERE/lsp-check.lua" "$FILE" || rc=$?
exit "$rc"
