#!/usr/bin/env bash
# One-time setup for the real-VS-Code end-to-end tests: Debian's chromium and neovim, and code-server 4.100.3
# (VS Code 1.100.3, the last release that runs on node 20). Network: the npm registry and Debian's apt only.
set -euo pipefail
CS_VERSION="${CS_VERSION:-4.100.3}"
CS_PREFIX="${CS_PREFIX:-/tmp/cs}"

# 1. Debian packages: the browser, a CJK font for readable screenshots, the second LSP client, rg (step 2),
#    krb5 headers (code-server's kerberos module).
if [ "${SKIP_APT:-0}" != 1 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium neovim ripgrep libkrb5-dev curl fonts-wqy-microhei >/dev/null
fi

# 2. code-server's @vscode/ripgrep@1.15.11 postinstall downloads rg from GitHub (unreachable); it first looks in
#    $TMPDIR/vscode-ripgrep-cache-1.15.11/, so seed that cache with Debian's rg (also 13.0.0).
RG_CACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
if [ ! -f "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" ]; then
  stage="$(mktemp -d)"; cp /usr/bin/rg "$stage/rg"; mkdir -p "$RG_CACHE"
  tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$stage" rg
  rm -rf "$stage"
fi

# 3. code-server: its postinstall refuses root without unsafe_perm; node-pty runs `npx node-gyp` (needs yes=true);
#    nodedir=/usr builds native modules against the local node headers instead of downloading them.
if [ ! -x "$CS_PREFIX/node_modules/.bin/code-server" ]; then
  mkdir -p "$CS_PREFIX"
  npm_config_yes=true npm_config_unsafe_perm=true npm_config_nodedir=/usr \
    npm install --prefix "$CS_PREFIX" --no-audit --no-fund "code-server@$CS_VERSION"
fi
x="$(mktemp -d)"; XDG_CONFIG_HOME="$x" XDG_DATA_HOME="$x" XDG_CACHE_HOME="$x" "$CS_PREFIX/node_modules/.bin/code-server" --version 2>/dev/null; rm -rf "$x"
echo "e2e setup done"
