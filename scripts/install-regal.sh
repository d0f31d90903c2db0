#!/usr/bin/env bash
# Installs the pinned Regal (Rego linter) into .tools/regal/bin, as install-opa.sh installs OPA
# (project-local; users of the npm package never need it). Its own folder, not .tools/bin: a
# checkout whose .tools/bin is shared with another (a git worktree's symlink) must not write there.
set -euo pipefail
# Served by the Go module proxy under its former path; github.com/open-policy-agent/regal is not.
REGAL_MODULE="github.com/styrainc/regal"
REGAL_VERSION="v0.35.1"
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/.tools/regal/bin"
# Capture first, as in install-opa.sh (pipefail and an early-exiting grep).
if [ -x "$bin/regal" ] && current="$("$bin/regal" version 2>/dev/null)" && grep -q "^Version: *${REGAL_VERSION}$" <<<"$current"; then
  exit 0
fi
command -v go >/dev/null || { echo "install-regal: Go is required to build Regal" >&2; exit 1; }
mkdir -p "$bin"
echo "install-regal: ${REGAL_MODULE}@${REGAL_VERSION}" >&2
# Not `go install module@version`: that also asks the proxy for the module's version list (to
# report a deprecation), which it refuses for this path; download the pinned version and build it.
dir="$(go mod download -json "${REGAL_MODULE}@${REGAL_VERSION}" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
[ -d "$dir" ] || { echo "install-regal: go mod download ${REGAL_MODULE}@${REGAL_VERSION} failed" >&2; exit 1; }
go build -C "$dir" -trimpath -ldflags "-X ${REGAL_MODULE}/pkg/version.Version=${REGAL_VERSION}" -o "$bin/regal" .
"$bin/regal" version | sed -n 1p
