#!/usr/bin/env bash
# Installs the pinned Conftest CLI into .tools/bin for the benchmark's peer comparison (bench/).
# Developers only; never a runtime dependency.
set -euo pipefail
CONFTEST_VERSION="v0.71.1"
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/.tools/bin"
# `go install` builds report "Conftest: dev"; the module version is in the binary's build info.
if [ -x "$bin/conftest" ] && go version -m "$bin/conftest" 2>/dev/null | grep -qE "^\s+mod\s+github.com/open-policy-agent/conftest\s+${CONFTEST_VERSION}\s"; then
  exit 0
fi
command -v go >/dev/null || { echo "install-conftest: Go is required (go install)" >&2; exit 1; }
mkdir -p "$bin"
echo "install-conftest: go install github.com/open-policy-agent/conftest@${CONFTEST_VERSION}" >&2
GOBIN="$bin" GOFLAGS="-trimpath" go install "github.com/open-policy-agent/conftest@${CONFTEST_VERSION}"
go version -m "$bin/conftest" | grep -E "^\s+mod\s"
