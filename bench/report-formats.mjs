// Benchmark: a synthetic portfolio of N copies of the examples, checked once, rendered in every
// format. Prints time per step and output size. Usage: npm run build && node bench/report-formats.mjs [N=200]
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { lintFiles as lint, loadCatalogue, FORMATTERS } from '../dist/index.js';

const N = Number(process.argv[2] ?? 200);
const root = join(import.meta.dirname, '..');
const examples = readdirSync(join(root, 'examples')).map((d) =>
  readFileSync(join(root, 'examples', d, 'system.yaml'), 'utf8'),
);
const dir = mkdtempSync(join(tmpdir(), 'tuanthu-bench-'));
for (let i = 0; i < N; i++) {
  const src = examples[i % examples.length].replace(/^( {2}id: )(\S+)/m, `$1$2-${i}`);
  mkdirSync(join(dir, `s${i}`));
  writeFileSync(join(dir, `s${i}`, 'system.yaml'), src);
}
let t = performance.now();
const report = await lint([dir], { asOf: '2026-11-23', failOn: 'high', lang: 'vi', cwd: dir });
console.log(
  `lint: ${N} descriptors in ${(performance.now() - t).toFixed(0)} ms (${report.summary.systems} systems, ${report.summary.inputErrors} input errors)`,
);
const catalogue = loadCatalogue();
for (const [name, f] of Object.entries(FORMATTERS)) {
  t = performance.now();
  const out = f.render(report, { catalogue, lang: 'vi', color: false });
  console.log(
    `${name.padEnd(8)} ${(performance.now() - t).toFixed(0).padStart(6)} ms ${(Buffer.byteLength(out) / 1024).toFixed(0).padStart(7)} KiB`,
  );
}
rmSync(dir, { recursive: true, force: true });
