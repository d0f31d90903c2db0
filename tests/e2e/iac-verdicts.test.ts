// End to end through the built CLI: what the IaC rules say when a value is only known after apply,
// and the rule defects of issue 19 (S3-03 on ${var.status}, RDS-02's default, KMS signing keys,
// Classic Load Balancers).
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { AS_OF, ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin/tuanthu.js');
const UNKNOWN = 'tests/fixtures/iac/unknown-until-apply';

function run(args: string[]) {
  return execa('node', [BIN, ...args], { cwd: ROOT, reject: false, env: { NO_COLOR: '1', LANG: 'C' } });
}

interface JsonFinding {
  rule: string;
  status: string;
  severity: string;
  message: string;
  params: Record<string, unknown>;
}

describe('values unknown until apply', () => {
  it('are their own verdict in the JSON report: never a violation, never a silent pass', async () => {
    const r = await run(['check', UNKNOWN, '--as-of', AS_OF, '--lang', 'en', '--format', 'json']);
    const report = JSON.parse(r.stdout);
    const sys = report.systems[0];
    const of = (rule: string) => sys.findings.filter((f: JsonFinding) => f.rule === rule);
    expect(of('AWS-S3-03')).toEqual([
      expect.objectContaining({
        status: 'unknown',
        severity: 'info',
        params: expect.objectContaining({ msg: 'unknown', expression: '${var.versioning_status}' }),
      }),
    ]);
    expect(sys.rules.find((x: { rule: string }) => x.rule === 'AWS-S3-03').outcome).toBe('unknown');
    const rds = of('AWS-RDS-02').map((f: JsonFinding) => [f.params.msg, f.status]);
    expect(rds.sort()).toEqual([
      ['deletion_unknown', 'unknown'],
      ['retention_default', 'violation'],
    ]);
    expect(of('AWS-RDS-02').find((f: JsonFinding) => f.params.msg === 'retention_default').message).toContain(
      'its default of 1 day',
    );
    // A signing key cannot rotate: no finding.
    expect(of('AWS-KMS-01')).toEqual([]);
    expect(of('AWS-TLS-01').map((f: JsonFinding) => [f.params.msg, f.params.port, f.params.policy])).toEqual([
      ['classic_weak', '443', 'ELBSecurityPolicy-2016-08'],
    ]);
    expect(report.summary.unknown).toBe(2);
    // Unknown findings are not counted as findings of a severity.
    const counted = Object.values(report.summary.findings as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(counted).toBe(sys.findings.filter((f: JsonFinding) => f.status === 'violation').length);
    expect(r.exitCode).toBe(1); // the Classic Load Balancer's weak policy (high) fails the run
  });

  // The status reads "unknown" (a descriptor's undeclared fact is unknown too); the message says "until apply".
  it('read as "unknown" in text, SARIF (kind review), JUnit (skipped) and Vietnamese', async () => {
    const text = await run(['check', UNKNOWN, '--as-of', AS_OF, '--lang', 'en']);
    expect(text.stdout).toMatch(/unknown AWS-S3-03 .*\n.*unknown until apply \(\$\{var\.versioning_status\}\)/);
    expect(text.stdout).toContain('2 unknown');
    const vi = await run(['check', UNKNOWN, '--as-of', AS_OF, '--lang', 'vi']);
    expect(vi.stdout).toContain('chưa xác định AWS-S3-03');
    const sarif = JSON.parse((await run(['check', UNKNOWN, '--as-of', AS_OF, '--format', 'sarif'])).stdout);
    const results = sarif.runs[0].results as Array<{ ruleId: string; kind: string; level: string }>;
    expect(results.filter((x) => x.ruleId === 'AWS-S3-03').map((x) => [x.kind, x.level])).toEqual([['review', 'note']]);
    expect(results.filter((x) => x.ruleId === 'AWS-TLS-01').map((x) => x.kind)).toEqual(['fail']);
    const junit = (await run(['check', UNKNOWN, '--as-of', AS_OF, '--lang', 'en', '--format', 'junit'])).stdout;
    expect(junit).toMatch(/name="AWS-S3-03 [^"]*"[^>]*>\s*<skipped message="unknown: Whether versioning/);
  });
});
