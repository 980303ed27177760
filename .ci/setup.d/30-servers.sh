#!/usr/bin/env bash
# Servers the store and push tests (issue 4) start themselves, on 127.0.0.1 with their own
# temporary database folders: Debian's Virtuoso (virtuoso-t). The Oxigraph server comes
# from PyPI (`oxigraph`, a dependency of kg) with the package install.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! command -v virtuoso-t >/dev/null 2>&1; then
  apt-get update
  apt-get install -y --no-install-recommends virtuoso-opensource
fi
# the package may start a system-wide instance; the tests never use it, so it must not linger
if command -v service >/dev/null 2>&1; then
  service virtuoso-opensource-7 stop >/dev/null 2>&1 || true
fi
command -v virtuoso-t
test -d /var/lib/virtuoso-opensource-7/vsp || { echo "30-servers: Virtuoso's vsp folder is missing" >&2; exit 1; }
