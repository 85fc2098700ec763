#!/usr/bin/env bash
# Independent check of the Word reader and writer against LibreOffice: installs Debian's LibreOffice Writer (no GUI)
# and poppler-utils, then runs out/test/docx/libreoffice.check.js (built by `npm test`). The exported task table is
# left rendered as out/docx-check/task-table-1.png.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-noto-cjk >/dev/null
fi
soffice --version
npx mocha --no-config --require out/test/helpers/seed.js out/test/docx/libreoffice.check.js
