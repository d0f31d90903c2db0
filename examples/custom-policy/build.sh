#!/usr/bin/env bash
# Tests and builds the example policy into bundle.tar.gz (docs/custom-policies.md).
# Usage: bash examples/custom-policy/build.sh [out.tar.gz]   (OPA: $OPA, else opa on PATH)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
opa="${OPA:-opa}"
out="$(realpath -m "${1:-$here/bundle.tar.gz}")"
"$opa" fmt --fail "$here/policy" >/dev/null
"$opa" check --strict "$here/policy"
"$opa" test "$here/policy"
# Only the rules, not their tests, go into the bundle.
(cd "$here" && "$opa" build -t wasm -e custom/rules -e custom/findings --ignore "*_test.rego" -o "$out" policy)
