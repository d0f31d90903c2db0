// A streamed run (issue 23): systems go to a spool file as they are checked and the JSON report is
// written from it. The report must be byte for byte the one the whole-report path gives, and the
// exit code the same.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { exitCode, summaryExitCode } from '../../src/engine/exit-code.js';
import { jsonChunks, streamedJsonChunks } from '../../src/format/json.js';
import { runLint } from '../../src/run/lint-files.js';
import { SystemSpool } from '../../src/run/spool.js';
import type { LintOptions } from '../../src/model/types.js';
import { AS_OF, COMPLIANT, NONCOMPLIANT, ROOT, inTempDir } from '../helpers.js';

const BIN = join(ROOT, 'bin/tuanthu.js');
const OPTIONS: LintOptions = { asOf: AS_OF, failOn: 'high', lang: 'en', cwd: ROOT };
const joined = (pieces: Iterable<string | Uint8Array>) =>
  Buffer.concat([...pieces].map((p) => (typeof p === 'string' ? Buffer.from(p) : p))).toString('utf8');

describe('SystemSpool', () => {
  it('gives the systems back by file, ties in the order they had, however they arrived', () =>
    inTempDir('tuanthu-spool-', (dir) => {
      const spool = new SystemSpool(dir);
      const add = (file: string, order: number) => spool.add(file, order, Buffer.from(`${file}#${order}`));
      // Out of order, as two threads deliver them; one tie on the file name.
      for (const [f, o] of [
        ['b.yaml', 1],
        ['a.yaml', 0],
        ['c.yaml', 3],
        ['b.yaml', 2],
        ['B.yaml', 4],
      ] as const)
        add(f, o);
      // The spool file is gone from the folder at once (the open file lives on).
      expect(readdirSync(dir)).toEqual([]);
      const out = () => [...spool.systems()].map((b) => Buffer.from(b).toString());
      expect(out()).toEqual(['a.yaml#0', 'b.yaml#1', 'b.yaml#2', 'B.yaml#4', 'c.yaml#3']);
      expect(out()).toEqual(out()); // read back as often as there are outputs
      spool.close();
    }));

  it('reads back systems larger than its read block, and many small neighbours', () =>
    inTempDir('tuanthu-spool-', (dir) => {
      const spool = new SystemSpool(dir);
      const big = Buffer.alloc(5 << 20, 'x');
      const items = [Buffer.from('s0'), big, ...Array.from({ length: 3000 }, (_, i) => Buffer.from(`s${i + 1}`))];
      for (const [i, b] of items.entries()) spool.add(`f${String(i).padStart(5, '0')}`, i, b);
      const back = [...spool.systems()];
      expect(back.length).toBe(items.length);
      for (const [i, b] of back.entries()) expect(Buffer.compare(Buffer.from(b), items[i]!)).toBe(0);
      spool.close();
    }));
});

describe('a streamed run', () => {
  it('writes the JSON report and gives the exit code the whole report gives', async () => {
    // examples/ holds descriptors, IaC that no descriptor lists (checked alone, after them) and
    // input errors; the missing file adds one more. A stack of 400 bare buckets is one system with
    // over a thousand findings, written in pieces (src/format/json.ts#largeSystemChunks).
    const dir = mkdtempSync(join(tmpdir(), 'tuanthu-stream-big-'));
    const resource: Record<string, Record<string, unknown>> = { aws_s3_bucket: {} };
    for (let i = 0; i < 400; i++) resource.aws_s3_bucket![`b${i}`] = { bucket: `bucket-${i}` };
    const stack = join(dir, 'big.tf.json');
    writeFileSync(stack, JSON.stringify({ provider: { aws: [{ region: 'ap-southeast-1' }] }, resource }));
    for (const paths of [['examples/'], ['examples/', 'no/such/file.yaml'], [COMPLIANT], [stack, COMPLIANT]]) {
      const whole = await runLint(paths, OPTIONS);
      const spool = new SystemSpool(tmpdir());
      try {
        const streamed = await runLint(paths, OPTIONS, { spool });
        expect(streamed.streamed).toBe(spool);
        expect(streamed.report.systems).toEqual([]);
        expect(spool.size).toBe(whole.report.systems.length);
        if (paths[0] === stack) expect(whole.report.systems.some((x) => x.findings.length > 1000)).toBe(true);
        expect(joined(streamedJsonChunks(streamed.report, spool.systems()))).toBe(joined(jsonChunks(whole.report)));
        expect(summaryExitCode(streamed.report)).toBe(exitCode(whole.report));
      } finally {
        spool.close();
      }
    }
  });

  it('is not taken when waivers or a baseline apply (they need every system at once)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tuanthu-stream-'));
    copyFileSync(NONCOMPLIANT, join(dir, 'system.yaml'));
    writeFileSync(
      join(dir, 'tuanthu.waivers.yaml'),
      'waivers:\n  - rule: BUD-02\n    system: tinh-ha-nam-dat-dai\n    justification: A SOC contract in 2027 brings security above 15%.\n' +
        '    approved_by: {name: Lê Văn Cường, title: Phó Chủ tịch UBND tỉnh}\n    approved: 2026-10-01\n    expires: 2027-01-31\n',
    );
    const spool = new SystemSpool(dir);
    try {
      const run = await runLint([dir], { ...OPTIONS, cwd: dir }, { spool });
      expect(run.streamed).toBeUndefined();
      expect(run.report.summary.waived).toBe(1);
      expect(spool.size).toBe(0);
    } finally {
      spool.close();
    }
  });

  it('gives the CLI the same JSON bytes, stderr and exit code as the whole-report path, on one and two threads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tuanthu-stream-cli-'));
    // Enough descriptors for two threads; names whose collation differs from code-unit order.
    for (let i = 0; i < 24; i++)
      copyFileSync(i % 2 ? COMPLIANT : NONCOMPLIANT, join(dir, `${i % 3 ? 'S' : 's'}-${i}.yaml`));
    writeFileSync(join(dir, 'broken.yaml'), 'apiVersion: tuanthu/v1\nkind: System\nsystem: [\n');
    const args = ['check', dir, 'examples/terraform-hcl', '--as-of', AS_OF, '--lang', 'en'];
    for (const jobs of ['1', '2']) {
      const streamed = join(dir, `streamed-${jobs}.json`);
      const whole = join(dir, `whole-${jobs}.json`);
      // A second format makes the CLI take the whole report.
      const a = await execa('node', [BIN, ...args, '--jobs', jobs, '--format', `json=${streamed}`], {
        cwd: ROOT,
        reject: false,
      });
      const b = await execa(
        'node',
        [BIN, ...args, '--jobs', jobs, '--format', `json=${whole}`, '--format', `text=${join(dir, 'out.txt')}`],
        { cwd: ROOT, reject: false },
      );
      expect(a.exitCode).toBe(2); // broken.yaml
      expect(a.exitCode).toBe(b.exitCode);
      expect(a.stderr).toBe(b.stderr);
      expect(readFileSync(streamed, 'utf8')).toBe(readFileSync(whole, 'utf8'));
      const report = JSON.parse(readFileSync(streamed, 'utf8'));
      expect(report.summary.systems).toBe(25);
      // The agencies are judged from each system's summary at the end, whichever path and thread; in the
      // order of their first descriptors (s-0.yaml is the province's).
      expect(
        report.agencies.map((a: { id: string; systems: number; result: string }) => [a.id, a.systems, a.result]),
      ).toEqual([
        ['agency:Ủy ban nhân dân tỉnh Hà Nam', 12, 'fail'],
        ['agency:Bộ Tài chính', 12, 'pass'],
      ]);
    }
    // No spool is left beside the reports.
    expect(readdirSync(dir).filter((f) => f.endsWith('.spool'))).toEqual([]);
  });
});
