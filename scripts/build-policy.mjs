// Compiles policies/ to policies/build/{policy.wasm,catalogue.json,data.json,manifest.json}.
// The outputs are committed so users need only Node; `--check` rebuilds into a temporary folder
// and fails when the committed outputs are stale against the Rego sources.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';

const root = new URL('..', import.meta.url).pathname;
const opa = process.env.OPA ?? join(root, '.tools/bin/opa');
const check = process.argv.includes('--check');
const outDir = check ? mkdtempSync(join(tmpdir(), 'tuanthu-policy-')) : join(root, 'policies/build');
mkdirSync(outDir, { recursive: true });

const run = (args, opts = {}) => execFileSync(opa, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 << 20, ...opts });

function walk(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const regoSources = walk(join(root, 'policies'))
  .filter((p) => p.endsWith('.rego') && !p.endsWith('_test.rego'))
  .map((p) => relative(root, p))
  .sort();
const hashed = [...regoSources, 'policies/capabilities.json', 'policies/data/thresholds.yaml', 'policies/data/locations.yaml', 'policies/data/iac.yaml'];
const regoDigest = createHash('sha256');
for (const f of hashed) regoDigest.update(f).update('\0').update(readFileSync(join(root, f))).update('\0');

// 1. Catalogue from METADATA.
const inspected = JSON.parse(run(['inspect', '-a', '-f', 'json', 'policies/rules']));
const catalogue = [];
for (const a of inspected.annotations ?? []) {
  if (a.annotations.scope !== 'package' || !a.annotations.custom?.id) continue;
  const pkg = a.path.map((p) => p.value).slice(1).join('.');
  const c = a.annotations.custom;
  catalogue.push({ ...c, package: pkg, key: pkg.split('.').pop(), file: relative(root, a.location.file.startsWith('/') ? a.location.file : join(root, a.location.file)) });
}
catalogue.sort((x, y) => x.id.localeCompare(y.id));

// Which optional rules a package defines, so that the aggregator looks up only those: in the Wasm, a
// lookup of data.tuanthu.rules[name] by a variable name costs a scan of all packages (docs/benchmarks.md).
function definesOf(file) {
  const src = readFileSync(join(root, file), 'utf8');
  return { ...(/^metrics\b/m.test(src) ? { metrics: true } : {}), ...(/^not_applicable\b/m.test(src) ? { reasons: true } : {}) };
}

// 2. Data for the Wasm (and for `opa test`): the slim catalogue the aggregator needs and the thresholds.
const thresholds = parseYaml(readFileSync(join(root, 'policies/data/thresholds.yaml'), 'utf8'));
const slim = Object.fromEntries(
  // iac: the rule checks infrastructure code (its METADATA names the directive rules it supports).
  catalogue.map((c) => [c.key, { id: c.id, severity: c.severity, stages: c.stages, iac: Array.isArray(c.supports), ...(c.due ? { due: c.due } : {}), ...definesOf(c.file) }]),
);
const locations = parseYaml(readFileSync(join(root, 'policies/data/locations.yaml'), 'utf8'));
const iac = parseYaml(readFileSync(join(root, 'policies/data/iac.yaml'), 'utf8'));
const data = { tuanthu: { catalogue: slim, thresholds, locations, iac } };

// 3. Wasm.
const bundle = join(outDir, 'bundle.tar.gz');
run(['build', '-t', 'wasm', '-e', 'tuanthu/main/result', '--capabilities', 'policies/capabilities.json', '-o', bundle,
  '--ignore', '*_test.rego', 'policies/main.rego', 'policies/lib', 'policies/rules']);
execFileSync('tar', ['-xzf', bundle, '-C', outDir, '/policy.wasm'], { stdio: 'ignore' });
rmSync(bundle);
const wasm = readFileSync(join(outDir, 'policy.wasm'));

const opaVersion = run(['version']).split('\n')[0].replace('Version: ', '');
const manifest = {
  opaVersion,
  entrypoint: 'tuanthu/main/result',
  regoDigest: 'sha256:' + regoDigest.digest('hex'),
  wasmDigest: 'sha256:' + createHash('sha256').update(wasm).digest('hex'),
  rules: catalogue.length,
};
const json = (v) => JSON.stringify(v, null, 2) + '\n';
writeFileSync(join(outDir, 'catalogue.json'), json(catalogue));
writeFileSync(join(outDir, 'data.json'), json(data));
writeFileSync(join(outDir, 'manifest.json'), json(manifest));

if (!check) {
  console.log(`policy: ${catalogue.length} rules, ${wasm.length} bytes of Wasm, ${manifest.regoDigest.slice(0, 19)}…`);
} else {
  const committed = join(root, 'policies/build');
  const stale = ['catalogue.json', 'data.json', 'manifest.json', 'policy.wasm'].filter((f) => {
    try {
      return !readFileSync(join(committed, f)).equals(readFileSync(join(outDir, f)));
    } catch {
      return true;
    }
  });
  rmSync(outDir, { recursive: true, force: true });
  if (stale.length > 0) {
    console.error(`policy: policies/build is stale (${stale.join(', ')} differ from a fresh build). Run \`npm run policy:build\` and commit.`);
    process.exit(1);
  }
  console.log(`policy: policies/build is up to date (${catalogue.length} rules)`);
}
