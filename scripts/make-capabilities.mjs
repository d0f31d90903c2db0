// Writes build/capabilities.json (outside the Rego tree, which OPA would load as data): the
// built-ins of the pinned OPA that also run under @open-policy-agent/opa-wasm, so that `opa build`
// rejects a built-in that would only fail at run time.
// Usage: node scripts/make-capabilities.mjs <(opa capabilities --current)
import { readFileSync, writeFileSync } from 'node:fs';

const current = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const sdk = JSON.parse(readFileSync('node_modules/@open-policy-agent/opa-wasm/capabilities.json', 'utf8'));
const sdkNames = new Set(sdk.builtins.map((b) => b.name));
// The SDK lists these but they are clock- or randomness-dependent: policies must be pure.
const banned = (n) => n.startsWith('time.') || n.startsWith('rand.') || n === 'opa.runtime' || n.startsWith('http.');
const builtins = current.builtins.filter((b) => sdkNames.has(b.name) && !banned(b.name));
const out = {
  builtins,
  future_keywords: current.future_keywords,
  features: current.features.filter((f) => f === 'rego_v1' || f === 'keywords_in_refs'),
  wasm_abi_versions: sdk.wasm_abi_versions,
};
writeFileSync('build/capabilities.json', JSON.stringify(out, null, 1) + '\n');
console.log(`build/capabilities.json: ${builtins.length} built-ins`);
