#!/usr/bin/env bash
# Installs the pinned Checkov (PyPI) into a virtualenv under .tools/ for the Large-IaC benchmark peer.
# Developers only; never a runtime dependency.
set -euo pipefail
CHECKOV_VERSION="3.3.30"
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/.tools/checkov-venv"
if [ -x "$venv/bin/checkov" ] && "$venv/bin/checkov" --version 2>/dev/null | grep -qx "$CHECKOV_VERSION"; then
  exit 0
fi
command -v python3 >/dev/null || { echo "install-checkov: python3 is required" >&2; exit 1; }
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "checkov==${CHECKOV_VERSION}"
"$venv/bin/checkov" --version
