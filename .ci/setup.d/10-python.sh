#!/usr/bin/env bash
# Python 3.11 or later with venv and pip: Debian ships the venv module apart
# (python3-venv), and a fresh machine may have no pip.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! python3 -c 'import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; then
  apt-get update
  apt-get install -y --no-install-recommends python3 python3-venv python3-pip
fi
python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "10-python: kg needs Python 3.11 or later" >&2; exit 1; }
python3 -c 'import ensurepip, venv' || { echo "10-python: python3-venv is missing" >&2; exit 1; }
