#!/usr/bin/env bash
# Lint, test and staleness check of the Rego policies with the pinned OPA CLI.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash scripts/install-opa.sh
opa="${OPA:-$root/.tools/bin/opa}"
echo "== opa fmt"
if ! unformatted=$("$opa" fmt --list --fail policies); then
  echo "not formatted (run: $opa fmt -w policies):" >&2
  echo "$unformatted" >&2
  exit 1
fi
echo "== opa check --strict"
"$opa" check --strict --capabilities policies/capabilities.json policies/main.rego policies/lib policies/rules
echo "== opa test"
"$opa" test --ignore '*.yaml' --ignore '*.yml' policies/main.rego policies/main_test.rego policies/lib policies/rules policies/build/data.json
echo "== policy build is current"
node scripts/build-policy.mjs --check
