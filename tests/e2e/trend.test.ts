// --previous: earlier JSON reports' totals as the portfolio's trend, oldest first, in the JSON
// report and the text, Markdown and HTML ones; a bad one is an input error, and never an output.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/types.js';
import { ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin/tuanthu.js');
const EXAMPLES = join(ROOT, 'examples');
let dir: string;
const run = (args: string[]) =>
  execa('node', [BIN, 'check', ...args, '--lang', 'en', '--no-config'], { cwd: ROOT, reject: false });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tuanthu-trend-'));
  for (const asOf of ['2026-03-01', '2026-10-01'])
    await run([EXAMPLES, '--as-of', asOf, '--format', `json=${join(dir, `${asOf}.json`)}`]);
});

describe('--previous', () => {
  it('puts each earlier report’s totals in the JSON report, oldest first, whatever the order given', async () => {
    const older = JSON.parse(readFileSync(join(dir, '2026-03-01.json'), 'utf8')) as Report;
    const r = await run([
      EXAMPLES,
      '--as-of',
      '2026-11-23',
      '--format',
      'json',
      '--previous',
      join(dir, '2026-10-01.json'),
      '--previous',
      join(dir, '2026-03-01.json'),
    ]);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.trend?.map((p) => p.asOf)).toEqual(['2026-03-01', '2026-10-01']);
    expect(report.trend?.[0]).toMatchObject({
      systems: older.summary.systems,
      passed: older.summary.passed,
      failed: older.summary.failed,
      findings: older.summary.findings,
    });
  });

  it('shows the trend in text, Markdown and HTML, ending with this run', async () => {
    const md = join(dir, 'r.md');
    const page = join(dir, 'r.html');
    const r = await run([
      EXAMPLES,
      '--as-of',
      '2026-11-23',
      '--previous',
      join(dir, '2026-03-01.json'),
      '--format',
      'text',
      '--format',
      `markdown=${md}`,
      '--format',
      `html=${page}`,
    ]);
    expect(r.stdout).toMatch(
      /^Trend: 2026-03-01: \d+\/\d+ passed, \d+ finding\(s\) → 2026-11-23 \(this run\): \d+\/\d+ passed/m,
    );
    expect(readFileSync(md, 'utf8')).toMatch(
      /### Trend\n\n\| Evaluation date .*\n\|---\|---\|---\|---\|\n\| 2026-03-01 \| \d+\/\d+ \|.*\n\| \*\*2026-11-23\*\* \|/,
    );
    const html = readFileSync(page, 'utf8');
    expect(html).toContain('<section class="trend">');
    expect(html).toContain('<td>2026-11-23 (this run)</td>');
  });

  it('reports a file that is not a report as an input error at its place, and checks the rest', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "reportVersion": "1",\n  "asOf": "yesterday"\n}\n');
    const r = await run([
      join(EXAMPLES, 'mof-public-services/system.yaml'),
      '--as-of',
      '2026-11-23',
      '--previous',
      bad,
    ]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toMatch(/bad\.json:3:11: error not a tuanthu JSON report/);
    expect(r.stdout).toContain('✔ PASS');
  });

  it('never writes a report over an earlier one it reads', async () => {
    const prev = join(dir, '2026-10-01.json');
    const before = readFileSync(prev, 'utf8');
    const r = await run([EXAMPLES, '--as-of', '2026-11-23', '--previous', prev, '--format', `json=${prev}`]);
    expect(r.exitCode).toBe(2);
    expect(readFileSync(prev, 'utf8')).toBe(before);
  });
});
