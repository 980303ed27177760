#!/usr/bin/env bash
# Browser tests of the graph page (issue 3): Debian's Chromium, driven headless by
# Playwright (from PyPI, test extra) through executable_path, and a CJK font so that
# Chinese labels are drawn as characters, not boxes.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! command -v chromium >/dev/null 2>&1 || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  apt-get update
  apt-get install -y --no-install-recommends chromium fonts-wqy-microhei fontconfig
fi
command -v chromium
fc-list :lang=zh | grep -q . || { echo "30-view: no CJK font installed" >&2; exit 1; }
