// The floor of the whole job: read each input, parse it and evaluate it with the compiled policy
// (build/policy/policy.wasm, the entrypoint tuanthu calls), nothing else: no positions, schema,
// findings' texts or report. Any tool that runs these policies through OPA's Wasm runtime does at
// least this much work. `inputs`: each file is a policy input (precomputed, or captured from a
// tuanthu run), JSON-parsed as it is. `descriptors`: each file is a descriptor, parsed with js-yaml
// or JSON.parse (as bench/floor.mjs does), its policy input built as tuanthu builds it (the day
// numbers of its dates, the evaluation date). Files are split over threads as tuanthu splits them.
// Usage: node bench/floor-policy.mjs inputs|descriptors <dir> [threads] [as-of]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import opa from '@open-policy-agent/opa-wasm';
import { CORE_SCHEMA, load } from 'js-yaml';

const ROOT = join(import.meta.dirname, '..');

async function evaluateShare(kind, dir, files, asOf) {
  const { collectDayNumbers } = await import(join(ROOT, 'dist/util/dates.js'));
  const { loadCatalogue } = await import(join(ROOT, 'dist/engine/catalogue.js'));
  const dues = loadCatalogue().rules.flatMap((r) => (r.due ? [r.due] : []));
  const inputOf = (name, text) => {
    if (kind === 'inputs') return JSON.parse(text);
    const descriptor = name.endsWith('.json') ? JSON.parse(text) : load(text, { schema: CORE_SCHEMA });
    const days = collectDayNumbers(descriptor);
    for (const d of [asOf, ...dues]) collectDayNumbers(d, days);
    return {
      descriptor,
      iac: { stacks: [], providers: [], resources: [], global: [] },
      context: { as_of: asOf, stage: descriptor.lifecycle?.stage ?? 'production', days },
    };
  };
  const policy = opa.loadPolicySync(readFileSync(join(ROOT, 'build/policy/policy.wasm')), {
    initial: 32,
    maximum: 16384,
  });
  policy.setData(JSON.parse(readFileSync(join(ROOT, 'build/policy/data.json'), 'utf8')));
  let violations = 0;
  for (const name of files) {
    const input = inputOf(name, readFileSync(join(dir, name), 'utf8'));
    const [{ result }] = policy.evaluate(input, 'tuanthu/main/result');
    for (const f of result.findings) if (f.status === 'violation') violations++;
  }
  return violations;
}

if (isMainThread) {
  const [kind, dir, threadArg = '2', asOf = '2026-11-23'] = process.argv.slice(2);
  if (kind !== 'inputs' && kind !== 'descriptors')
    throw new Error('usage: node bench/floor-policy.mjs inputs|descriptors <dir> [threads] [as-of]');
  const threads = Math.max(1, Number(threadArg));
  const files = readdirSync(dir)
    .filter((f) => /\.(json|ya?ml)$/.test(f))
    .sort();
  const share = (k) => files.filter((_, i) => i % threads === k);
  const others = Array.from(
    { length: threads - 1 },
    (_, k) =>
      new Promise((done, fail) => {
        const w = new Worker(import.meta.filename, { workerData: { kind, dir, files: share(k + 1), asOf } });
        w.once('message', done).once('error', fail);
      }),
  );
  const mine = await evaluateShare(kind, dir, share(0), asOf);
  const total = mine + (await Promise.all(others)).reduce((a, b) => a + b, 0);
  process.stdout.write(`${files.length} ${total}\n`);
} else {
  parentPort.postMessage(await evaluateShare(workerData.kind, workerData.dir, workerData.files, workerData.asOf));
}
