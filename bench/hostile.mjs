// Hostile-scale benchmark (issue 20): how the run grows with inputs that used to make it quadratic
// or unbounded. Run `npm run build` first; each case is one CLI process, its wall time and peak RSS
// (from /usr/bin/time when present) printed with the ratio to the previous size, so linear growth
// shows as a ratio near the size ratio and quadratic growth as its square.
//   node bench/hostile.mjs                    # keys: 20,000 50,000 200,000; listings: 1,000 10,000 100,000
//   node bench/hostile.mjs --keys 1000000     # other sizes (comma-separated)
//   node bench/hostile.mjs --listings 0       # skip a family
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/tuanthu.js');
const GOOD = join(ROOT, 'examples/mof-public-services/system.yaml');
const IAC = join(ROOT, 'examples/mof-public-services/iac/cdktf.out/stacks/portal/cdk.tf.json');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : fallback;
  return v === '0' ? [] : v.split(',').map(Number);
};

function runCli(file) {
  const time = existsSync('/usr/bin/time');
  const rss = join(dir, 'rss');
  const cmd = time ? ['/usr/bin/time', '-f', '%M', '-o', rss, process.execPath, BIN] : [process.execPath, BIN];
  const t0 = performance.now();
  const r = spawnSync(cmd[0], [...cmd.slice(1), 'check', file, '--as-of', '2026-11-23', '--format', 'json'], {
    maxBuffer: 1 << 30,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const ms = performance.now() - t0;
  const peak = time ? Number(readFileSync(rss, 'utf8').trim().split('\n').pop()) / 1024 : Number.NaN;
  const report = JSON.parse(r.stdout.toString());
  return { ms, peak, exit: r.status, errors: report.errors.length, systems: report.systems.length };
}

function series(title, sizes, make) {
  console.log(`\n${title}`);
  let prev;
  for (const n of sizes) {
    const file = make(n);
    const m = runCli(file);
    rmSync(file);
    const ratio = prev ? `  ×${(m.ms / prev.ms).toFixed(1)} time for ×${(n / prev.n).toFixed(1)} size` : '';
    console.log(
      `${n.toLocaleString('en-US').padStart(10)}: ${(m.ms / 1000).toFixed(2).padStart(7)} s, peak RSS ${m.peak.toFixed(0)} MiB, exit ${m.exit}, ${m.errors} input errors, ${m.systems} systems${ratio}`,
    );
    prev = { ...m, n };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'tuanthu-bench-hostile-'));
try {
  execFileSync(process.execPath, [BIN, '--version']);
  const good = readFileSync(GOOD, 'utf8');
  series(
    'Descriptor with N unknown top-level keys (each an "unknown field" located by pointer)',
    arg('keys', '20000,50000,200000'),
    (n) => {
      const parts = [good];
      for (let i = 0; i < n; i++) parts.push(`x${i}: ${i}\n`);
      const file = join(dir, `keys-${n}.yaml`);
      writeFileSync(file, parts.join(''));
      return file;
    },
  );
  series(
    'Descriptor listing the same IaC file N times (loaded once by real path)',
    arg('listings', '1000,10000,100000'),
    (n) => {
      const file = join(dir, `listings-${n}.yaml`);
      writeFileSync(file, good.replace(/^iac: .*$/m, `iac: ${JSON.stringify(Array(n).fill(IAC))}`));
      return file;
    },
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
