#!/usr/bin/env bash
# Lint, test and staleness check of the Rego policies with the pinned OPA CLI and Regal. The tree
# policies/ is complete as it stands (directory = package, its data documents beside the rules), so
# each tool runs on it with no other paths or flags.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash scripts/install-opa.sh
bash scripts/install-regal.sh
opa="${OPA:-$root/.tools/bin/opa}"
regal="${REGAL:-$root/.tools/regal/bin/regal}"
echo "== opa fmt"
if ! unformatted=$("$opa" fmt --list --fail policies); then
  echo "not formatted (run: $opa fmt -w policies):" >&2
  echo "$unformatted" >&2
  exit 1
fi
echo "== opa check --strict"
"$opa" check --strict --capabilities build/capabilities.json policies
echo "== opa test"
"$opa" test policies
echo "== regal lint"
"$regal" lint policies
echo "== policy build is current"
node scripts/build-policy.mjs --check
