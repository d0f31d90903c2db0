// End to end through the built CLI: what the IaC rules say when a value is only known after apply,
// and the rule defects of issue 19 (S3-03 on ${var.status}, RDS-02's default, KMS signing keys,
// Classic Load Balancers).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

const NOTHING = 'tests/fixtures/iac/nothing-evaluated';

describe('nothing evaluated is not a pass', () => {
  it('is INCOMPLETE in the JSON report, with the evidence, and fails the run (exit 1)', async () => {
    const r = await run(['check', NOTHING, '--as-of', AS_OF, '--lang', 'en', '--format', 'json']);
    const report = JSON.parse(r.stdout);
    expect(r.exitCode).toBe(1);
    expect(report.summary).toMatchObject({ systems: 1, passed: 0, failed: 0, incomplete: 1 });
    const sys = report.systems[0];
    expect(sys.result).toBe('incomplete');
    // The module call the evaluator could not read (terraform init has not run), with where it is.
    expect(sys.iac).toEqual([
      {
        file: NOTHING,
        trust: 'evaluated',
        resources: 0,
        judged: 0,
        unevaluated: [
          expect.objectContaining({
            address: 'module.vpc',
            reason: 'module-not-installed',
            location: expect.objectContaining({ file: `${NOTHING}/main.tf`, line: 7 }),
          }),
        ],
        incomplete: 'nothing-judged',
      },
    ]);
    // No IaC rule claims a pass on evidence it did not see.
    const iacRules = sys.rules.filter((x: { rule: string }) => /^(AWS|IAC)-/.test(x.rule));
    expect(iacRules.every((x: { outcome: string }) => x.outcome === 'not_applicable')).toBe(true);
    expect(iacRules[0].reason.code).toBe('iac_not_evaluated');
  });

  it('says so in every format', async () => {
    // One run writes every format, each to its own file (the machine is shared: one start-up, not twelve).
    const dir = mkdtempSync(join(tmpdir(), 'tuanthu-incomplete-'));
    const formats = ['text', 'sarif', 'junit', 'github', 'markdown', 'html', 'oscal', 'csv', 'gitlab', 'sonarqube'];
    try {
      const args = formats.flatMap((f) => ['--format', `${f}=${join(dir, f)}`]);
      const r = await run(['check', NOTHING, '--as-of', AS_OF, '--lang', 'en', ...args]);
      expect(r.exitCode).toBe(1);
      const vi = await run(['check', NOTHING, '--as-of', AS_OF, '--lang', 'vi']);
      expect(vi.stdout).toContain('CHƯA ĐỦ');
      const read = (f: string) => readFileSync(join(dir, f), 'utf8');
      checkFormats(read);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  function checkFormats(out: (format: string) => string): void {
    const text = out('text');
    expect(text).toContain('⚠ INCOMPLETE tests/fixtures/iac/nothing-evaluated');
    expect(text).toContain('nothing evaluated: no resource the rules could judge, so this is not a pass');
    expect(text).toContain(
      'not evaluated: module.vpc — module not available: run terraform init (terraform-aws-modules/vpc/aws) — tests/fixtures/iac/nothing-evaluated/main.tf:7:1',
    );
    expect(text).toContain('order of trust: plan > evaluated configuration > configuration as written');
    expect(text).toContain('0 passed, 0 failed, 1 incomplete');
    const sarif = JSON.parse(out('sarif'));
    const inv = sarif.runs[0].invocations[0];
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications[0].descriptor.id).toBe('tuanthu/iac-nothing-judged');
    expect(out('junit')).toMatch(/<failure message="nothing evaluated[^"]*" type="incomplete">/);
    expect(out('github')).toMatch(/^::error file=tests\/fixtures\/iac\/nothing-evaluated,title=tuanthu%3A INCOMPLETE/m);
    expect(out('markdown')).toContain('⚠️ 1 incomplete');
    expect(out('html')).toContain('<span class="badge incomplete">INCOMPLETE</span>');
    expect(out('oscal')).toContain('nothing evaluated: no resource the rules could judge');
    expect(out('csv')).toContain('INCOMPLETE');
    expect(JSON.parse(out('gitlab'))[0].check_name).toBe('tuanthu/iac-nothing-judged');
    expect(JSON.parse(out('sonarqube')).issues[0].ruleId).toBe('iac-incomplete');
  }

  it('keeps the gate from GO (exit 1) and says what it did not see', async () => {
    const r = await run(['gate', NOTHING, '--as-of', AS_OF, '--lang', 'en']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('✖ NO-GO');
    expect(r.stdout).toContain('Not seen (infrastructure code not evaluated; the gate cannot say GO on it)');
  });

  it('states the provenance of evaluated evidence too', async () => {
    const r = await run(['check', UNKNOWN, '--as-of', AS_OF, '--lang', 'en', '--format', 'json']);
    expect(JSON.parse(r.stdout).systems[0].iac).toEqual([
      { file: UNKNOWN, trust: 'evaluated', resources: 7, judged: 7, unevaluated: [] },
    ]);
    const plan = await run(['check', 'tests/fixtures/iac/plan.json', '--as-of', AS_OF, '--format', 'json']);
    expect(JSON.parse(plan.stdout).systems[0].iac[0].trust).toBe('plan');
  });
});
