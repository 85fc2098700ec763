#!/usr/bin/env bash
# Neovim end-to-end check of planlint-ls (CI calls this): a real second LSP client gets diagnostics, a document
# symbol and a Chinese unit completion from the built server. Exit 0 when all pass; the last line is "N passed, N failed".
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
SERVER="$ROOT/dist/server.js"

if ! command -v nvim >/dev/null 2>&1 && [ "${SKIP_APT:-0}" != 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "nvim not found: installing Debian's neovim" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq neovim >/dev/null
fi
if ! command -v nvim >/dev/null 2>&1; then
  echo "FAIL nvim not found (apt-get install neovim)"
  echo "0 passed, 1 failed"
  exit 1
fi
if [ ! -f "$SERVER" ]; then
  echo "dist/server.js missing: building" >&2
  (cd "$ROOT" && npm run build >&2)
fi

WORK="$(mktemp -d /tmp/planlint-nvim.XXXXXX)"; trap 'rm -rf "$WORK"' EXIT
cp "$HERE/fixture.plan" "$WORK/fixture.plan"
nvim --version | head -1
# The fixture's task （二） has no deadline (PL002); its last line ends in `[牵头单位：市司`, to be completed to 市司法局.
LSP_FILETYPE=plan \
EXPECT_DIAG='缺少完成时限' \
EXPECT_SYMBOL='深化行政审批制度改革' \
EXPECT_COMPLETION='市司法局' \
EXPECT_COMPLETION_PREFIX='市司' \
  bash "$HERE/run.sh" "$WORK/fixture.plan" -- node "$SERVER" --stdio
