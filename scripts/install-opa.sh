#!/usr/bin/env bash
# Installs the pinned OPA CLI into .tools/bin (project-local; users of the npm package never need it).
set -euo pipefail
OPA_VERSION="v1.22.2"
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/.tools/bin"
# Capture the output first: under pipefail, `opa version | grep -q` fails with SIGPIPE whenever grep
# exits before opa has written everything, which made this script reinstall a correct binary.
if [ -x "$bin/opa" ] && current="$("$bin/opa" version 2>/dev/null)" && grep -q "^Version: ${OPA_VERSION#v}$" <<<"$current"; then
  exit 0
fi
command -v go >/dev/null || { echo "install-opa: Go is required to build the OPA CLI (go install)" >&2; exit 1; }
mkdir -p "$bin"
echo "install-opa: go install github.com/open-policy-agent/opa@${OPA_VERSION}" >&2
GOBIN="$bin" GOFLAGS="-trimpath" go install "github.com/open-policy-agent/opa@${OPA_VERSION}"
"$bin/opa" version | sed -n 1p
