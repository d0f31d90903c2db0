// Large portfolios are checked by two threads (src/run/pool.ts, src/run/worker.ts). The split must
// never show: same report, byte for byte, as one thread. Runs the built CLI (the worker is dist/ code).
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { AS_OF, COMPLIANT, NONCOMPLIANT, ROOT } from '../helpers.js';
import { createRunMemo } from '../../src/engine/system-report.js';

const BIN = join(ROOT, 'bin/tuanthu.js');

function portfolio(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tuanthu-parallel-'));
  for (let i = 0; i < 24; i++)
    copyFileSync(i % 2 ? COMPLIANT : NONCOMPLIANT, join(dir, `sys-${String(i).padStart(2, '0')}.yaml`));
  writeFileSync(join(dir, 'broken.yaml'), 'apiVersion: tuanthu/v1\nkind: System\nsystem: [\n');
  writeFileSync(join(dir, 'list.yaml'), 'apiVersion: tuanthu/v1\n- a\n');
  // Waives a finding of the non-compliant system (12 copies and the original): waived systems are serialised again after
  // checking, the others keep the JSON their thread wrote (src/format/json.ts); the report must not show it.
  writeFileSync(
    join(dir, 'tuanthu.waivers.yaml'),
    'waivers:\n  - rule: BUD-02\n    system: tinh-ha-nam-dat-dai\n    justification: A SOC contract in 2027 brings security above 15%.\n' +
      '    approved_by: {name: Lê Văn Cường, title: Phó Chủ tịch UBND tỉnh}\n    approved: 2026-10-01\n    expires: 2027-01-31\n',
  );
  return dir;
}

describe('checking with worker threads', () => {
  it('gives the same report and exit code as one thread (JSON and text)', async () => {
    const dir = portfolio();
    // The originals list their IaC (relative paths that the copies cannot resolve: input errors).
    const args = ['check', dir, COMPLIANT, NONCOMPLIANT, '--as-of', AS_OF];
    for (const format of ['json', 'text']) {
      const one = await execa('node', [BIN, ...args, '--format', format, '--jobs', '1'], { reject: false, cwd: ROOT });
      const two = await execa('node', [BIN, ...args, '--format', format, '--jobs', '2'], { reject: false, cwd: ROOT });
      expect(two.exitCode).toBe(2);
      expect(two.exitCode).toBe(one.exitCode);
      expect(two.stderr).toBe(one.stderr);
      expect(two.stdout).toBe(one.stdout);
      if (format === 'json') expect(JSON.parse(two.stdout).summary.waived).toBe(13);
    }
  });

  it('really shares the files between threads', async () => {
    const dir = portfolio();
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(dir)
      .sort()
      .map((f) => join(dir, f));
    const { checkInParallel } = (await import(
      join(ROOT, 'dist/run/pool.js')
    )) as typeof import('../../src/run/pool.js');
    const { checkDescriptorFiles, CHECK_BATCH } = (await import(
      join(ROOT, 'dist/run/check-files.js')
    )) as typeof import('../../src/run/check-files.js');
    const { PolicyEngine } = (await import(
      join(ROOT, 'dist/engine/policy-engine.js')
    )) as typeof import('../../src/engine/policy-engine.js');
    const { loadCatalogue } = (await import(
      join(ROOT, 'dist/engine/catalogue.js')
    )) as typeof import('../../src/engine/catalogue.js');
    const fileOptions = {
      options: { asOf: AS_OF, failOn: 'high' as const, lang: 'en' as const },
      limits: { maxFileBytes: 1 << 24, maxIacFileBytes: 1 << 28, maxDepth: 64, maxAliasCount: 100 },
      cwd: ROOT,
      walked: new Set<string>(),
    };
    const engine = PolicyEngine.load();
    const catalogue = loadCatalogue();
    let here = 0;
    // Files go to whichever thread is free, CHECK_BATCH at a time: this one is slowed down so that
    // the worker, which takes a moment to start, gets the second batch of these few files.
    expect(files.length).toBeGreaterThan(CHECK_BATCH);
    const slow = async (batch: string[]) => {
      here += batch.length;
      await new Promise((r) => setTimeout(r, 3000));
      return checkDescriptorFiles(batch, fileOptions, { engine: engine, catalogue: catalogue, memo: createRunMemo() });
    };
    const results = await checkInParallel(files, 2, fileOptions, slow);
    expect(here).toBe(CHECK_BATCH);
    expect(here).toBeLessThan(files.length); // the worker checked the others
    const sequential = [];
    for (const f of files)
      sequential.push(
        ...(await checkDescriptorFiles([f], fileOptions, {
          engine: engine,
          catalogue: catalogue,
          memo: createRunMemo(),
        })),
      );
    expect(results).toEqual(sequential);
    // Rule outcomes travel packed (src/run/wire.ts) and are rebuilt with checkSystem's key order.
    expect(JSON.stringify(results.map((r) => r.system))).toBe(JSON.stringify(sequential.map((r) => r.system)));
  });
});

describe('checking in batches (src/run/lint-files.ts, src/util/share-work.ts)', () => {
  it('gives each file of a mixed batch what checking it alone gives, in order', async () => {
    const { readdirSync } = await import('node:fs');
    const { checkDescriptorFiles } = await import('../../src/run/check-files.js');
    const { PolicyEngine } = await import('../../src/engine/policy-engine.js');
    const { loadCatalogue } = await import('../../src/engine/catalogue.js');
    const dir = portfolio();
    // Descriptors, a syntax error, a list, a waivers file (not a descriptor), and IaC paths that do not resolve.
    const files = [
      ...readdirSync(dir)
        .sort()
        .map((f) => join(dir, f)),
      COMPLIANT,
    ];
    const fileOptions = {
      options: { asOf: AS_OF, failOn: 'high' as const, lang: 'vi' as const },
      limits: { maxFileBytes: 1 << 24, maxIacFileBytes: 1 << 28, maxDepth: 64, maxAliasCount: 100 },
      cwd: ROOT,
      walked: new Set(files),
    };
    const engine = PolicyEngine.load();
    const catalogue = loadCatalogue();
    const alone = [];
    for (const f of files)
      alone.push(
        ...(await checkDescriptorFiles([f], fileOptions, {
          engine: engine,
          catalogue: catalogue,
          memo: createRunMemo(),
        })),
      );
    const together = await checkDescriptorFiles(files, fileOptions, {
      engine: engine,
      catalogue: catalogue,
      memo: createRunMemo(),
    });
    expect(JSON.stringify(together)).toBe(JSON.stringify(alone));
    expect(new Set(together.map((c) => (c.system ? 'system' : (c.skipped ?? c.errors[0]?.code ?? 'none'))))).toEqual(
      new Set(['system', 'other', 'syntax']),
    );
    // A system checked with input errors of its own (the copies' IaC paths do not resolve).
    expect(together.some((c) => c.system && c.errors.length > 0)).toBe(true);
  });

  it('finishes a descriptor that lists IaC before reading the next, so a batch holds one stack at a time', async () => {
    const { checkDescriptorFiles } = await import('../../src/run/check-files.js');
    const { PolicyEngine } = await import('../../src/engine/policy-engine.js');
    const { loadCatalogue } = await import('../../src/engine/catalogue.js');
    const dir = mkdtempSync(join(tmpdir(), 'tuanthu-batch-iac-'));
    // A copy without its iac: list, between the two examples that list theirs.
    const bare = join(dir, 'bare.yaml');
    writeFileSync(
      bare,
      readFileSync(COMPLIANT, 'utf8')
        .replace(/^iac:.*$/m, '')
        .replace('id: mof-public-services', 'id: bare-copy'),
    );
    const real = PolicyEngine.load();
    const order: string[] = [];
    const engine = Object.assign(Object.create(real) as typeof real, {
      evaluate: (input: Parameters<typeof real.evaluate>[0]) => {
        order.push(
          `${(input.descriptor as { system: { id: string } }).system.id}${(input.iac as { stacks: unknown[] }).stacks.length > 0 ? '+iac' : ''}`,
        );
        return real.evaluate(input);
      },
    });
    const fileOptions = {
      options: { asOf: AS_OF, failOn: 'high' as const, lang: 'en' as const },
      limits: { maxFileBytes: 1 << 24, maxIacFileBytes: 1 << 28, maxDepth: 64, maxAliasCount: 100 },
      cwd: ROOT,
      walked: new Set<string>(),
    };
    const checked = await checkDescriptorFiles([COMPLIANT, bare, NONCOMPLIANT], fileOptions, {
      engine: engine,
      catalogue: loadCatalogue(),
      memo: createRunMemo(),
    });
    expect(checked.map((c) => c.system?.id)).toEqual(['mof-public-services', 'bare-copy', 'tinh-ha-nam-dat-dai']);
    expect(order).toEqual(['mof-public-services+iac', 'tinh-ha-nam-dat-dai+iac', 'bare-copy']);
  });

  it('checks a large descriptor on its own before reading the next, so a batch never holds sixteen of them', async () => {
    const { checkDescriptorFiles } = await import('../../src/run/check-files.js');
    const { PolicyEngine } = await import('../../src/engine/policy-engine.js');
    const { loadCatalogue } = await import('../../src/engine/catalogue.js');
    const dir = mkdtempSync(join(tmpdir(), 'tuanthu-batch-large-'));
    const text = readFileSync(COMPLIANT, 'utf8').replace(/^iac:.*$/m, '');
    const files = ['a', 'large', 'b'].map((name) => join(dir, `${name}.yaml`));
    for (const [i, f] of files.entries())
      writeFileSync(
        f,
        text.replace('id: mof-public-services', `id: copy-${'abc'[i]}`) + (i === 1 ? `# ${'x'.repeat(70_000)}\n` : ''),
      );
    const real = PolicyEngine.load();
    const order: string[] = [];
    const engine = Object.assign(Object.create(real) as typeof real, {
      evaluate: (input: Parameters<typeof real.evaluate>[0]) => {
        order.push((input.descriptor as { system: { id: string } }).system.id);
        return real.evaluate(input);
      },
    });
    const fileOptions = {
      options: { asOf: AS_OF, failOn: 'high' as const, lang: 'en' as const },
      limits: { maxFileBytes: 1 << 24, maxIacFileBytes: 1 << 28, maxDepth: 64, maxAliasCount: 100 },
      cwd: ROOT,
      walked: new Set<string>(),
    };
    const checked = await checkDescriptorFiles(files, fileOptions, {
      engine: engine,
      catalogue: loadCatalogue(),
      memo: createRunMemo(),
    });
    expect(checked.map((c) => c.system?.id)).toEqual(['copy-a', 'copy-b', 'copy-c']);
    expect(order).toEqual(['copy-b', 'copy-a', 'copy-c']);
  });

  it('starts a worker by default only from 1,000 descriptors, where one pays (docs/benchmarks.md, Run 9)', async () => {
    const { parallelJobs, PARALLEL_MIN_FILES } = (await import(
      join(ROOT, 'dist/run/threads.js')
    )) as typeof import('../../src/run/threads.js');
    const { availableParallelism } = await import('node:os');
    expect(PARALLEL_MIN_FILES).toBe(1000);
    expect(parallelJobs(undefined, 999)).toBe(1);
    expect(parallelJobs(undefined, 1000)).toBe(Math.min(2, availableParallelism()));
    expect(parallelJobs(2, 10)).toBe(2);
    expect(parallelJobs(8, 3)).toBe(3);
  });

  it('hands out every index once, a block at a time, the last block shorter', async () => {
    const { claimBlocks, claims } = await import('../../src/util/share-work.js');
    const next = new Int32Array(new SharedArrayBuffer(4));
    expect([...claimBlocks(next, 10, 4)]).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
    expect([...claimBlocks(next, 10, 4)]).toEqual([]);
    expect([...claims(new Int32Array(new SharedArrayBuffer(4)), 3)]).toEqual([0, 1, 2]);
  });
});

describe('the wire between threads (src/run/wire.ts)', () => {
  it('sends findings without their rule texts and rebuilds them as assembleSystem built them', async () => {
    const { checkDescriptorFiles } = await import('../../src/run/check-files.js');
    const { PolicyEngine } = await import('../../src/engine/policy-engine.js');
    const { loadCatalogue } = await import('../../src/engine/catalogue.js');
    const { packChecked, unpackChecked } = await import('../../src/run/wire.js');
    const catalogue = loadCatalogue();
    const fileOptions = {
      options: { asOf: AS_OF, failOn: 'high' as const, lang: 'vi' as const },
      limits: { maxFileBytes: 1 << 24, maxIacFileBytes: 1 << 28, maxDepth: 64, maxAliasCount: 100 },
      cwd: ROOT,
      walked: new Set<string>(),
    };
    const checked = (
      await checkDescriptorFiles([NONCOMPLIANT], fileOptions, {
        engine: PolicyEngine.load(),
        catalogue: catalogue,
        memo: createRunMemo(),
      })
    )[0]!;
    const findings = checked.system!.findings;
    expect(findings.length).toBeGreaterThan(3);
    const packed = packChecked(checked);
    const wire = structuredClone(packed).system!.findings;
    expect(wire).toHaveLength(findings.length);
    for (const f of wire) expect(JSON.stringify(f)).not.toContain(catalogue.byId.get(f[0])!.remediation.vi);
    const back = unpackChecked(structuredClone(packed), catalogue, 'vi').system!;
    expect(JSON.stringify(back)).toBe(JSON.stringify(checked.system));
    expect(back.findings[2]!.clauses).toBe(catalogue.byId.get(back.findings[2]!.rule)!.clauses);
  });
});
