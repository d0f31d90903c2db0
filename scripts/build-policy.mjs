// Compiles the Rego tree policies/ to build/policy/{policy.wasm,catalogue.json,data.json,manifest.json}
// and writes the slim catalogue the aggregator reads, policies/tuanthu/catalogue/data.json (so that
// `opa test policies` sees it at data.tuanthu.catalogue without the build on its command line).
// The outputs are committed so users need only Node; `--check` rebuilds into a temporary folder
// and fails when the committed outputs are stale against the Rego sources.
//
// Layout (directory = package; OPA loads every .json/.yaml under policies/ as data at the path of
// its directory):
//   policies/tuanthu/main/                  package tuanthu.main (the entrypoint) and its tests
//   policies/tuanthu/portfolio/             package tuanthu.portfolio (the per-agency entrypoint)
//   policies/tuanthu/lib/, tuanthu/iac/     package tuanthu.lib, tuanthu.iac (helpers)
//   policies/tuanthu/<doc>/data.yaml        data.tuanthu.<doc> (thresholds, locations, iac)
//   policies/tuanthu/catalogue/data.json    data.tuanthu.catalogue (generated here)
//   policies/tuanthu/rules/<family>/<key>/  package tuanthu.rules.<family>.<key>: <key>.rego,
//                                           <key>_test.rego, fixtures.yaml and fixture IaC files
// where, for a rule id, <key> is the id in lower case with '-' as '_' and <family> its first
// segment in lower case: MON-01 → rules/mon/mon_01, AWS-S3-01 → rules/aws/aws_s3_01,
// IAC-LOC-01 → rules/iac/iac_loc_01, PL4-03 → rules/pl4/pl4_03. A rule elsewhere fails the build.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';

const root = new URL('..', import.meta.url).pathname;
const opa = process.env.OPA ?? join(root, '.tools/bin/opa');
const check = process.argv.includes('--check');
const OUT = 'build/policy';
const CAPABILITIES = 'build/capabilities.json';
const SLIM = 'policies/tuanthu/catalogue/data.json';
const outDir = check ? mkdtempSync(join(tmpdir(), 'tuanthu-policy-')) : join(root, OUT);
mkdirSync(outDir, { recursive: true });

const run = (args, opts = {}) =>
  execFileSync(opa, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 << 20, ...opts });

function walk(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

const files = walk(join(root, 'policies')).map((p) => relative(root, p));
const regoSources = files.filter((p) => p.endsWith('.rego') && !p.endsWith('_test.rego')).sort();
// Data documents: data.yaml files, each at the path of its folder (fixtures.yaml are test data only).
const dataDocs = files.filter((p) => p.endsWith(`${sep}data.yaml`)).sort();
const hashed = [...regoSources, CAPABILITIES, ...dataDocs];
const regoDigest = createHash('sha256');
for (const f of hashed)
  regoDigest
    .update(f)
    .update('\0')
    .update(readFileSync(join(root, f)))
    .update('\0');

// 1. Catalogue from METADATA.
const inspected = JSON.parse(run(['inspect', '-a', '-f', 'json', 'policies/tuanthu/rules']));
const catalogue = [];
const misplaced = [];
for (const a of inspected.annotations ?? []) {
  if (a.annotations.scope !== 'package' || !a.annotations.custom?.id) continue;
  const pkg = a.path
    .map((p) => p.value)
    .slice(1)
    .join('.');
  const c = a.annotations.custom;
  const file = relative(root, a.location.file.startsWith('/') ? a.location.file : join(root, a.location.file));
  const key = c.id.toLowerCase().replaceAll('-', '_');
  const family = c.id.split('-')[0].toLowerCase();
  const want = `policies/tuanthu/rules/${family}/${key}/${key}.rego`;
  if (pkg !== `tuanthu.rules.${family}.${key}` || file !== want)
    misplaced.push(`${c.id}: package ${pkg} in ${file}; expected package tuanthu.rules.${family}.${key} in ${want}`);
  catalogue.push({ ...c, package: pkg, key, family, file });
}
if (misplaced.length > 0) {
  console.error(`policy: rules outside their place (directory = package):\n  ${misplaced.join('\n  ')}`);
  process.exit(1);
}
catalogue.sort((x, y) => x.id.localeCompare(y.id));

// Which optional rules a package defines, so that the aggregator looks up only those: in the Wasm, a
// lookup of data.tuanthu.rules[family][name] by variables costs a scan of packages (docs/benchmarks.md).
function definesOf(file) {
  const src = readFileSync(join(root, file), 'utf8');
  return {
    ...(/^metrics\b/m.test(src) ? { metrics: true } : {}),
    ...(/^not_applicable\b/m.test(src) ? { reasons: true } : {}),
  };
}

// 2. Data for the Wasm (and, through the tree, for `opa test`): the slim catalogue the aggregator
// needs and every data document.
const slim = Object.fromEntries(
  // iac: the rule checks infrastructure code (its METADATA names the directive rules it supports).
  catalogue.map((c) => [
    c.key,
    {
      id: c.id,
      family: c.family,
      severity: c.severity,
      stages: c.stages,
      iac: Array.isArray(c.supports),
      // agency: judged per owning agency over the run's systems (policies/tuanthu/portfolio), not per system.
      ...(c.level === 'agency' ? { agency: true } : {}),
      ...(c.due ? { due: c.due } : {}),
      ...definesOf(c.file),
    },
  ]),
);
const data = {};
for (const f of dataDocs) {
  const path = dirname(relative('policies', f)).split(sep);
  let at = data;
  for (const seg of path.slice(0, -1)) at = at[seg] ??= {};
  at[path.at(-1)] = parseYaml(readFileSync(join(root, f), 'utf8'));
}
data.tuanthu = { catalogue: slim, ...data.tuanthu };

// Which providers each rule can judge, derived from the data, never listed per rule (so a row added to
// clouds/data.yaml or locations/data.yaml shows in `tuanthu rules` and docs/rules with no other edit).
// A rule's Rego, and the helpers it calls (`iac.rds_types`, `iac.placements`: one level down), judge
//   - a concept of clouds/data.yaml they name ("volume_encryption"): the providers of its rows;
//   - the locations table (locations.providers): every provider listed there;
//   - a resource type they name ("aws_s3_bucket") whose first segment is a provider of either table.
// Comments are left out of the scan: METADATA names resource types in prose.
const clouds = data.tuanthu.clouds ?? {};
const conceptProviders = new Map();
for (const [concept, rows] of Object.entries(clouds)) {
  if (!rows || typeof rows !== 'object' || Array.isArray(rows)) continue;
  const ps = Object.values(rows)
    .map((row) => row?.provider)
    .filter((x) => typeof x === 'string');
  if (ps.length > 0) conceptProviders.set(concept, new Set(ps));
}
const locationProviders = Object.keys(data.tuanthu.locations?.providers ?? {});
const knownProviders = new Set([...locationProviders, ...[...conceptProviders.values()].flatMap((s) => [...s])]);
const codeOf = (file) =>
  readFileSync(join(root, file), 'utf8')
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'))
    .join('\n');
// The helper packages' top-level statements by name (a statement runs to the next line at column 0).
const helpers = new Map();
for (const file of regoSources.filter((f) => !f.includes(`${sep}rules${sep}`))) {
  const code = codeOf(file);
  const pkg = /^package tuanthu\.([a-z_]+)$/m.exec(code)?.[1];
  if (!pkg) continue;
  for (const stmt of code.split(/\n(?=[a-z_])/)) {
    const name = /^([a-z_][a-z0-9_]*)/.exec(stmt)?.[1];
    if (name) helpers.set(`${pkg}.${name}`, (helpers.get(`${pkg}.${name}`) ?? '') + stmt);
  }
}
function providersIn(code, found) {
  for (const [, lit] of code.matchAll(/"([a-z][a-z0-9_]*)"/g)) {
    for (const p of conceptProviders.get(lit) ?? []) found.add(p);
    if (lit.includes('_') && knownProviders.has(lit.split('_')[0])) found.add(lit.split('_')[0]);
  }
  if (/\blocations\.providers\b/.test(code)) for (const p of locationProviders) found.add(p);
}
function providersOf(file) {
  const code = codeOf(file);
  const found = new Set();
  providersIn(code, found);
  for (const [ref] of code.matchAll(/\b(?:iac|concepts|lib)\.[a-z_][a-z0-9_]*/g))
    if (helpers.has(ref)) providersIn(helpers.get(ref), found);
  return [...found].sort();
}
for (const c of catalogue) {
  const providers = providersOf(c.file);
  if (providers.length > 0) c.providers = providers;
}

// Which cited clauses are only context, derived from seeds/coverage.yaml (which decides, item by item,
// the rules that check an item and those that cite it as context, often a national body's duty), never
// listed per rule: a clause is context when no item of it the rule cites (METADATA clause_items, or the
// clause itself) lists the rule among its `rules`. Every format shows them apart from what requires
// the rule; src/engine/coverage.ts#coverageProblems holds this to the coverage (tests/unit/coverage.test.ts).
const coverage = parseYaml(readFileSync(join(root, 'seeds/coverage.yaml'), 'utf8'));
for (const c of catalogue) {
  const context = c.clauses.filter((clause) => {
    const items = c.clause_items?.[clause];
    return !coverage.entries.some(
      (e) =>
        e.clause === clause &&
        (e.item === undefined || items === undefined || items.includes(e.item)) &&
        e.rules?.includes(c.id),
    );
  });
  if (context.length > 0) c.context_clauses = context;
}

// 3. Wasm: the modules of the tree without their tests and data (the data goes in data.json).
const bundle = join(outDir, 'bundle.tar.gz');
run([
  'build',
  '-t',
  'wasm',
  '-e',
  'tuanthu/main/result',
  '-e',
  'tuanthu/portfolio/result',
  '--capabilities',
  CAPABILITIES,
  '-o',
  bundle,
  '--ignore',
  '*_test.rego',
  '--ignore',
  '*.yaml',
  '--ignore',
  '*.json',
  'policies',
]);
execFileSync('tar', ['-xzf', bundle, '-C', outDir, '/policy.wasm'], { stdio: 'ignore' });
rmSync(bundle);
const wasm = readFileSync(join(outDir, 'policy.wasm'));

const opaVersion = run(['version']).split('\n')[0].replace('Version: ', '');
const manifest = {
  opaVersion,
  entrypoint: 'tuanthu/main/result',
  portfolioEntrypoint: 'tuanthu/portfolio/result',
  regoDigest: 'sha256:' + regoDigest.digest('hex'),
  wasmDigest: 'sha256:' + createHash('sha256').update(wasm).digest('hex'),
  rules: catalogue.length,
};
const json = (v) => JSON.stringify(v, null, 2) + '\n';
// The full catalogue keeps the fields it had; the family is in the package and the slim catalogue.
writeFileSync(join(outDir, 'catalogue.json'), json(catalogue.map(({ family, ...c }) => c)));
writeFileSync(join(outDir, 'data.json'), json(data));
writeFileSync(join(outDir, 'manifest.json'), json(manifest));
const slimText = json(slim);

if (!check) {
  mkdirSync(dirname(join(root, SLIM)), { recursive: true });
  writeFileSync(join(root, SLIM), slimText);
  console.log(`policy: ${catalogue.length} rules, ${wasm.length} bytes of Wasm, ${manifest.regoDigest.slice(0, 19)}…`);
} else {
  const committed = join(root, OUT);
  const same = (a, b) => {
    try {
      return readFileSync(a).equals(typeof b === 'string' ? readFileSync(b) : b);
    } catch {
      return false;
    }
  };
  const stale = ['catalogue.json', 'data.json', 'manifest.json', 'policy.wasm']
    .filter((f) => !same(join(committed, f), join(outDir, f)))
    .map((f) => `${OUT}/${f}`);
  if (!same(join(root, SLIM), Buffer.from(slimText))) stale.push(SLIM);
  rmSync(outDir, { recursive: true, force: true });
  if (stale.length > 0) {
    console.error(
      `policy: the policy build is stale (${stale.join(', ')} differ from a fresh build). Run \`npm run policy:build\` and commit.`,
    );
    process.exit(1);
  }
  console.log(`policy: ${OUT} is up to date (${catalogue.length} rules)`);
}
