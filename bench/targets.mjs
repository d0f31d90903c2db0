#!/usr/bin/env node
// Issue 23's targets in one command, measured in one run (ratios, so a busy machine slows both sides
// alike): `npm run bench:targets` (= build, then `node bench/targets.mjs`).
//
//   node bench/targets.mjs                      # 10,000 and 50,000 descriptors, 3 alternating pairs, peers at 10,000
//   node bench/targets.mjs --pairs 1 --no-peers # quicker: no Conftest / opa eval rows
//   node bench/targets.mjs --sizes 1000,10000   # other sizes (the targets are judged at 10,000 and the largest)
//
// Each size: tuanthu (`check <dir> --format json=<file>`) and the floor + policy (bench/floor-policy.mjs:
// read, parse and evaluate with policy.wasm on the same threads, nothing else) in alternating pairs;
// the ratio is taken per pair, and the median ratio is judged. Peers (Conftest, `opa eval`) are
// installed into .tools/bin when absent (scripts/install-conftest.sh, scripts/install-opa.sh: pinned
// `go install`) and measured once at 10,000. Then one descriptor, cold starts. Last: one PASS/MISS
// line per target.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { conftestPolicyDir, once, policyInputs, portfolio, regoSources } from './run.mjs';

const ROOT = join(import.meta.dirname, '..');
const WORK = join(ROOT, 'bench/.work');
const BIN = join(ROOT, 'bin/tuanthu.js');
const NODE = process.execPath;
const AS_OF = '2026-11-23';

const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const sizes = flag('--sizes', '10000,50000').split(',').map(Number);
const pairs = Number(flag('--pairs', '3'));
const peers = !argv.includes('--no-peers');
const singleRuns = Number(flag('--single-runs', '15'));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

function install(script) {
  try {
    execFileSync('bash', [join(ROOT, 'scripts', script)], { stdio: ['ignore', 'ignore', 'inherit'] });
    return true;
  } catch {
    return false;
  }
}

async function tuanthu(dir, out) {
  const r = await once(NODE, [BIN, 'check', dir, '--format', `json=${out}`, '--as-of', AS_OF], { fresh: [out] });
  if (r.code !== 0 && r.code !== 1) throw new Error(`tuanthu exited ${r.code}: ${r.stderr.slice(0, 2000)}`);
  return r;
}

async function floorPolicy(dir, threads) {
  const r = await once(NODE, [join(ROOT, 'bench/floor-policy.mjs'), 'descriptors', dir, String(threads), AS_OF], {
    keepStdout: true,
  });
  if (r.code !== 0) throw new Error(`floor-policy exited ${r.code}: ${r.stderr.slice(0, 2000)}`);
  return r;
}

console.log(`# tuanthu targets (issue 23) — ${new Date().toISOString()}, load average ${loadavg()}\n`);
console.log(
  '| descriptors | tuanthu wall (median) | floor + policy wall | ratio (median of pairs) | tuanthu CPU | peak RSS tuanthu | peak RSS floor + policy |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|');
const bySize = new Map();
for (const n of sizes) {
  const dir = portfolio(n);
  const out = join(WORK, `targets-${n}.json`);
  const threads = n >= 1000 ? 2 : 1;
  const t = [];
  const f = [];
  for (let i = 0; i < pairs; i++) {
    // Alternate which goes first, so neither always meets a warmer page cache or a quieter minute.
    if (i % 2 === 0) t.push(await tuanthu(dir, out)), f.push(await floorPolicy(dir, threads));
    else f.push(await floorPolicy(dir, threads)), t.push(await tuanthu(dir, out));
  }
  rmSync(out, { force: true });
  const row = {
    wall: median(t.map((r) => r.wall)),
    floor: median(f.map((r) => r.wall)),
    ratio: median(t.map((r, i) => r.wall / f[i].wall)),
    cpu: median(t.map((r) => r.cpu)),
    rss: Math.max(...t.map((r) => r.rssMiB)),
    floorRss: Math.max(...f.map((r) => r.rssMiB)),
  };
  bySize.set(n, row);
  console.log(
    `| ${n.toLocaleString('en-US')} | ${sec(row.wall)} | ${sec(row.floor)} | ${row.ratio.toFixed(2)}× | ${sec(row.cpu)} | ${row.rss.toFixed(0)} MiB | ${row.floorRss.toFixed(0)} MiB |`,
  );
}

if (peers && sizes.includes(10_000)) {
  const dir = portfolio(10_000);
  const { inputsDir, opaData } = await policyInputs(10_000, dir);
  const ref = bySize.get(10_000);
  console.log('\n| peer at 10,000 descriptors (one run) | wall | CPU | peak RSS | tuanthu wall / peer wall |');
  console.log('|---|---:|---:|---:|---:|');
  const conftest = join(ROOT, '.tools/bin/conftest');
  if (install('install-conftest.sh') && existsSync(conftest)) {
    const policy = conftestPolicyDir();
    const data = join(ROOT, 'build/policy/data.json');
    const args = ['test', '--no-color', '--output', 'json', '--parser', 'json', '--policy', policy, '--data', data];
    const c = await once(conftest, [...args, inputsDir], { timeoutMs: 1_800_000 });
    console.log(
      `| conftest test (same Rego) | ${sec(c.wall)} | ${sec(c.cpu)} | ${c.rssMiB.toFixed(0)} MiB | ${(ref.wall / c.wall).toFixed(2)}× |`,
    );
  } else console.log('| conftest | skipped: scripts/install-conftest.sh failed (Go needed) | | | |');
  const opa = join(ROOT, '.tools/bin/opa');
  if (install('install-opa.sh') && existsSync(opa)) {
    const query =
      'r := [x | some i in data.bench.inputs; x := count([f | some f in data.tuanthu.main.result.findings with input as i; f.status == "violation"])]';
    const files = [...regoSources(), join(ROOT, 'build/policy/data.json'), opaData].flatMap((p) => ['-d', p]);
    const e = await once(opa, ['eval', '--format', 'json', ...files, query], { timeoutMs: 1_800_000 });
    console.log(
      `| opa eval (same Rego, one process) | ${sec(e.wall)} | ${sec(e.cpu)} | ${e.rssMiB.toFixed(0)} MiB | ${(ref.wall / e.wall).toFixed(2)}× |`,
    );
  } else console.log('| opa eval | skipped: scripts/install-opa.sh failed (Go needed) | | | |');
}

const example = join(ROOT, 'examples/mof-public-services/system.yaml');
const single = [];
for (let i = 0; i < singleRuns; i++)
  single.push((await once(NODE, [BIN, 'check', example, '--format', 'json', '--as-of', AS_OF])).wall);
const singleMs = median(single);
console.log(`\nOne descriptor, json, ${singleRuns} cold starts: median ${singleMs.toFixed(0)} ms.`);

const verdict = (ok) => (ok ? 'PASS' : 'MISS');
const at10k = bySize.get(10_000);
const largest = Math.max(...sizes);
console.log(`\nLoad average at end: ${loadavg()} (absolute times move with the machine's load; ratios less).\n`);
if (at10k) {
  console.log(`${verdict(at10k.ratio <= 1.5)}  10,000 descriptors ≤ 1.5× floor + policy: ${at10k.ratio.toFixed(2)}×`);
  console.log(`${verdict(at10k.wall <= 4000)}  10,000 descriptors ≤ 4 s wall: ${sec(at10k.wall)}`);
  console.log(`${verdict(at10k.rss <= 250)}  peak RSS at 10,000 ≤ 250 MiB: ${at10k.rss.toFixed(0)} MiB`);
  if (largest > 10_000) {
    const big = bySize.get(largest);
    // "Not growing": within 10 % (GC timing moves peak RSS by a few MiB between runs of one size).
    console.log(
      `${verdict(big.rss <= at10k.rss * 1.1)}  peak RSS not growing 10,000 → ${largest.toLocaleString('en-US')}: ${at10k.rss.toFixed(0)} → ${big.rss.toFixed(0)} MiB`,
    );
  }
} else console.log('MISS  10,000 descriptors: not measured (add 10000 to --sizes)');
console.log(`${verdict(singleMs < 250)}  one check < 250 ms: ${singleMs.toFixed(0)} ms`);
