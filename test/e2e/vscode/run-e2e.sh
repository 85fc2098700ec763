#!/usr/bin/env bash
# One end-to-end run of the packaged planlint extension in a real VS Code (code-server 4.100.3) driven by headless chromium.
# Usage: run-e2e.sh [path/to/planlint.vsix]   (default: dist/planlint.vsix, built by `npm run package`)
# Env: E2E_LOCALE — `default`: VS Code as installed (English UI) and no planlint setting at all, so planlint's UI
#        follows VS Code's language (English); `zh-CN`: the workspace sets `planlint.locale: zh-CN`. Default: `default`.
#      CS_PREFIX (/tmp/cs), SHOTS (screenshot folder, default .e2e-run/shots/$E2E_LOCALE), UI_TESTS=0 / API_TESTS=0 skip
#      a part, KEEP=1 keeps the run dir.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
CS_BIN="${CS_PREFIX:-/tmp/cs}/node_modules/.bin/code-server"
VSIX="$(realpath "${1:-$ROOT/dist/planlint.vsix}")"
# Read by e2e.cjs and, through code-server's environment, by api-tests/index.js in the extension host.
export E2E_LOCALE="${E2E_LOCALE:-default}"
case "$E2E_LOCALE" in default | zh-CN) ;; *) echo "E2E_LOCALE must be default or zh-CN, not $E2E_LOCALE"; exit 2 ;; esac
echo "locale mode: $E2E_LOCALE"
export SHOTS="${SHOTS:-$ROOT/.e2e-run/shots/$E2E_LOCALE}"
[ -x "$CS_BIN" ] || { echo "code-server not installed: run test/e2e/vscode/setup.sh"; exit 2; }
[ -f "$VSIX" ] || { echo "no extension package at $VSIX: run npm run package"; exit 2; }
RUN="$(mktemp -d /tmp/planlint-e2e.XXXXXX)"
export XDG_CONFIG_HOME="$RUN/xdg/config" XDG_DATA_HOME="$RUN/xdg/data" XDG_CACHE_HOME="$RUN/xdg/cache"
mkdir -p "$RUN/ws" "$RUN/ud/User" "$RUN/ext" "$RUN/tmp" "$SHOTS"
rm -f "$SHOTS"/*.png
cp "$ROOT"/samples/*.plan* "$RUN/ws/"
# A Word-numbered plan: it opens as a read-only plan view (planlint-docx:).
node "$HERE/make-docx.mjs" "$RUN/ws/政务公开方案.docx"
# A plan whose text is markup: the preview must show it as text, never run or render it.
cat > "$RUN/ws/injection.plan" <<'PLAN'
白川市2025年度安全测试工作要点
一、测试任务
1.<img src=x onerror="document.body.dataset.pwned=1">检查图片注入。[牵头单位:<script>document.body.dataset.pwned=2</script>市司法局;完成时限:2025年6月底前]
PLAN
if [ "$E2E_LOCALE" = zh-CN ]; then
  mkdir -p "$RUN/ws/.vscode"
  cat > "$RUN/ws/.vscode/settings.json" <<'JSON'
{ "planlint.locale": "zh-CN" }
JSON
fi
cat > "$RUN/ud/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "security.workspace.trust.enabled": false,
  "chat.commandCenter.enabled": false
}
JSON

"$CS_BIN" --user-data-dir "$RUN/ud" --extensions-dir "$RUN/ext" --install-extension "$VSIX" --force
ls "$RUN/ext" | grep -q '^planlint\.planlint-' || { echo "the extension did not install"; exit 1; }

TMPDIR="$RUN/tmp" setsid "$CS_BIN" --bind-addr 127.0.0.1:0 --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override \
  --user-data-dir "$RUN/ud" --extensions-dir "$RUN/ext" >"$RUN/code-server.log" 2>&1 </dev/null &
CS_PID=$!
cleanup() {
  kill -TERM -- "-$CS_PID" 2>/dev/null || true
  sleep 0.5; kill -KILL -- "-$CS_PID" 2>/dev/null || true
  if [ "${KEEP:-0}" = 1 ]; then echo "run dir kept: $RUN"; else rm -rf "$RUN"; fi
}
trap cleanup EXIT
URL=""
for _ in $(seq 1 300); do
  URL="$(sed -n 's#.*HTTP server listening on \(http://127\.0\.0\.1:[0-9]*\)/.*#\1#p' "$RUN/code-server.log")"
  [ -n "$URL" ] && curl -fs -o /dev/null "$URL/healthz" && break
  sleep 0.1
done
[ -n "$URL" ] || { echo "code-server did not start"; cat "$RUN/code-server.log"; exit 1; }
echo "code-server up at $URL"

rc=0
# API tests first: the UI test edits the plan (a quick fix) and VS Code keeps the unsaved edit.
if [ "${API_TESTS:-1}" = 1 ]; then
  r=0; CS_URL="$URL" WS_DIR="$RUN/ws" node "$HERE/api-tests.cjs" || r=$?
  [ "$r" = 0 ] || rc=$r
fi
if [ "${UI_TESTS:-1}" = 1 ]; then
  CS_URL="$URL" WS_DIR="$RUN/ws" node "$HERE/e2e.cjs" || rc=$?
fi
[ "$rc" = 0 ] || { echo "--- code-server.log (tail) ---"; tail -n 60 "$RUN/code-server.log"; }
echo "screenshots: $SHOTS"
exit "$rc"
