// End to end: the built CLI (bin/tuanthu.js → dist/) run as a user runs it.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { AS_OF, ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin/tuanthu.js');
const GOOD = 'examples/mof-public-services/system.yaml';
const BAD = 'examples/province-land-portal/system.yaml';

function run(args: string[], env: Record<string, string> = {}) {
  return execa('node', [BIN, ...args], { cwd: ROOT, reject: false, env: { NO_COLOR: '1', LANG: 'C', ...env } });
}

const reportSchema = new Ajv2020({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(join(ROOT, 'schemas/report.schema.json'), 'utf8')),
);

describe('tuanthu check', () => {
  it('passes the compliant example with exit 0', async () => {
    const r = await run(['check', GOOD, '--as-of', AS_OF]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('✔ PASS Cổng dịch vụ công Bộ Tài chính (mof-public-services)');
    expect(r.stdout).toMatch(/security budget share 16% \(≥ 15%\)/);
    expect(r.stdout).toContain('1 system(s) checked: 1 passed, 0 failed');
  });

  it('lists every violation of the non-compliant example with location, clause and fix, exit 1', async () => {
    const r = await run(['check', BAD, '--as-of', AS_OF]);
    expect(r.exitCode).toBe(1);
    for (const [rule, line] of [
      ['LVL-02', '24:1'],
      ['MON-01', '42:3'],
      ['BUD-01', '48:3'],
      ['BUD-02', '48:3'],
    ]) {
      expect(r.stdout).toContain(`${rule} `);
      expect(r.stdout).toContain(`${BAD}:${line}`);
    }
    expect(r.stdout).toContain('critical LVL-02 Security level approved before go-live');
    expect(r.stdout).toContain('Required by: 04-KH/BCĐTW §V.1.m; 57-CT/TW §1.d');
    expect(r.stdout).toMatch(/Fix: Submit the level proposal/);
    expect(r.stdout).toContain('Security is 0% of the IT budget (0 of 11,150,000,000 VND); at least 15% is required.');
  });

  it('pins message and position of the LVL/SBD/MON/PL4/IRP/GOV/IDN/BUD findings of the non-compliant example', async () => {
    // The other families are pinned by rule and status in tests/examples.test.ts.
    const r = await run(['check', BAD, '--as-of', AS_OF, '--format', 'json']);
    const sys = JSON.parse(r.stdout).systems[0];
    const got = sys.findings
      .filter((f: { rule: string }) => /^(LVL|SBD|MON|PL4|IRP|GOV|IDN|BUD)-/.test(f.rule))
      .map(
        (f: { rule: string; params: { msg: string }; location: { line: number; column: number } }) =>
          `${f.rule} ${f.params.msg} ${f.location.line}:${f.location.column}`,
      );
    expect(got.sort()).toEqual(
      [
        'BUD-01 no_security_line 48:3',
        'BUD-02 below 48:3',
        'GOV-02 missing 9:1',
        'GOV-03 never_reported 7:1',
        'GOV-04 not_issued 7:1',
        'IDN-01 not_vneid 7:1',
        'IDN-02 no_mfa 7:1',
        'IRP-01 stale 44:17',
        'IRP-02 too_slow 45:24',
        'IRP-03 no_recovery_plan 43:1',
        'IRP-04 no_drill 43:1',
        'IRP-05 no_standby 43:1',
        'LVL-02 missing 24:1',
        'LVL-03 not_approved 24:1',
        'LVL-04 not_independent 27:3',
        'MON-01 not_connected 42:3',
        'MON-04 not_established 40:1',
        'MON-05 not_consolidated 40:1',
        'MON-06 undeclared 37:1',
        'PL4-01 no_team 7:1',
        'PL4-03 no_assessment 7:1',
        'SBD-03 no_review 34:1',
      ].sort(),
    );
    const outcome = (id: string) => sys.rules.find((x: { rule: string }) => x.rule === id);
    // Designed (build start 2025-06-01) before 06-TB/CQTTBCĐ first asked security of designs (27/9/2025) and
    // before Directive 57-CT/TW: judged by SBD-03's review, not on a design dossier it could not have had.
    expect(outcome('SBD-01')).toMatchObject({
      outcome: 'not_applicable',
      reason: {
        code: 'designed_before_directive',
        params: { designed: '2025-06-01', directive: '2025-09-27', document: '06-TB/CQTTBCĐ' },
      },
    });
    expect(outcome('SBD-02')).toMatchObject({
      outcome: 'not_applicable',
      reason: {
        code: 'designed_before_directive',
        params: { designed: '2025-06-01', directive: '2025-12-31', document: '57-CT/TW' },
      },
    });
    expect(outcome('SBD-03')).toMatchObject({ outcome: 'due' });
    expect(outcome('SBD-04')).toMatchObject({ outcome: 'not_applicable', reason: { code: 'no_sensitive_data' } });
    expect(outcome('MON-02')).toMatchObject({ outcome: 'not_applicable', reason: { code: 'sector' } });
    expect(sys.findings.find((f: { rule: string }) => f.rule === 'IRP-01').params).toMatchObject({
      days: 632,
      max_days: 365,
    });
    expect(sys.findings.find((f: { rule: string }) => f.rule === 'LVL-04').message).toBe(
      'The appraisal by "Sở Khoa học và Công nghệ" is not shown to be independent of the operator "Sở Nông nghiệp và Môi trường" (classification.appraisal.independent_of_operator).',
    );
  });

  it('reports the figures the rules compute for the compliant example', async () => {
    const r = await run(['check', GOOD, '--as-of', AS_OF, '--format', 'json']);
    expect(JSON.parse(r.stdout).systems[0].metrics).toMatchObject({
      days_since_independent_assessment: 197,
      independent_assessment_period_days: 365,
      days_since_drill: 175,
      days_since_restore_test: 187,
      days_since_incident_plan_update: 317,
      days_since_standard_review: 295,
      days_since_compliance_report: 3,
      level_minimum: 3,
      level_minimum_criteria: ['national_database', 'online_public_service', 'personal_data'],
    });
    const text = await run(['check', GOOD, '--as-of', AS_OF]);
    expect(text.stdout).toContain('days since: independent assessment 197/365, drill 175/365, restore test 187/365');
  });

  it('speaks Vietnamese with --lang vi and by default in a Vietnamese locale', async () => {
    const flag = await run(['check', BAD, '--as-of', AS_OF, '--lang', 'vi']);
    expect(flag.stdout).toContain('Chưa có quyết định phê duyệt cấp độ');
    expect(flag.stdout).toContain('Căn cứ: 04-KH/BCĐTW §V.1.m');
    const locale = await run(['check', BAD, '--as-of', AS_OF], { LANG: 'vi_VN.UTF-8' });
    expect(locale.stdout).toContain('KHÔNG ĐẠT');
  });

  it('reports a rule as due before its deadline and as a violation after it', async () => {
    const before = await run(['check', BAD, '--as-of', '2026-06-30', '--format', 'json']);
    const after = await run(['check', BAD, '--as-of', '2026-07-01', '--format', 'json']);
    const mon = (out: string) => JSON.parse(out).systems[0].findings.find((f: { rule: string }) => f.rule === 'MON-01');
    expect(mon(before.stdout)).toMatchObject({
      status: 'due',
      severity: 'info',
      ruleSeverity: 'critical',
      params: { due: '2026-06-30' },
    });
    expect(mon(after.stdout)).toMatchObject({ status: 'violation', severity: 'critical' });
    const text = await run(['check', BAD, '--as-of', '2026-06-30']);
    expect(text.stdout).toContain('due (due by 2026-06-30) MON-01');
  });

  it('gives a system already in use before 04-KH/BCĐTW until 30/4/2026 to approve its level', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tuanthu-in-use-'));
    try {
      // The non-compliant example, live since 2025 (before the plan of 5/1/2026), still unapproved.
      const yaml = readFileSync(join(ROOT, BAD), 'utf8')
        .replace(/go_live: \S+/, 'go_live: 2025-06-01')
        .replace(/^iac: .*$/m, '');
      const file = join(dir, 'system.yaml');
      writeFileSync(file, yaml);
      const lvl = (out: string) =>
        JSON.parse(out).systems[0].findings.find((f: { rule: string }) => f.rule === 'LVL-02');
      const before = await run(['check', file, '--as-of', '2026-04-30', '--format', 'json']);
      expect(lvl(before.stdout)).toMatchObject({
        status: 'due',
        severity: 'info',
        params: { msg: 'missing_in_use', due: '2026-04-30', go_live: '2025-06-01' },
      });
      const after = await run(['check', file, '--as-of', '2026-05-01', '--format', 'json']);
      expect(lvl(after.stdout)).toMatchObject({ status: 'violation', severity: 'critical' });
      const text = await run(['check', file, '--as-of', '2026-04-30']);
      expect(text.stdout).toContain('due (due by 2026-04-30) LVL-02');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not take evidence dated after --as-of: EVD-01 fails the compliant example checked in the past', async () => {
    // The compliant example records an assessment on 2026-09-30 and a compliance report on 2026-11-20.
    const r = await run(['check', GOOD, '--as-of', '2026-09-01', '--format', 'json']);
    expect(r.exitCode).toBe(1);
    const evd = JSON.parse(r.stdout).systems[0].findings.filter((f: { rule: string }) => f.rule === 'EVD-01');
    expect(evd.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['/vulnerabilities/last_assessment', '/governance/last_compliance_report']),
    );
    expect(evd[0]).toMatchObject({ status: 'violation', severity: 'high', params: { as_of: '2026-09-01' } });
    const today = await run(['check', GOOD, '--as-of', AS_OF]);
    expect(today.exitCode).toBe(0);
  });

  it('applies --fail-on', async () => {
    // Only high findings would remain if critical ones were waived; here we raise the bar instead.
    const critical = await run(['check', BAD, '--as-of', AS_OF, '--fail-on', 'critical']);
    expect(critical.exitCode).toBe(1);
    const good = await run(['check', GOOD, '--as-of', AS_OF, '--fail-on', 'info']);
    expect(good.exitCode).toBe(0);
  });

  it('writes a JSON report that matches schemas/report.schema.json', async () => {
    const r = await run(['check', GOOD, BAD, '--as-of', AS_OF, '--format', 'json']);
    expect(r.exitCode).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(reportSchema(report), JSON.stringify(reportSchema.errors)).toBe(true);
    expect(report.summary).toMatchObject({ systems: 2, passed: 1, failed: 1, inputErrors: 0 });
    expect(report.systems[0].metrics.security_budget_share_pct).toBe(16);
    const lvl = report.systems[1].findings.find((f: { rule: string }) => f.rule === 'LVL-02');
    expect(lvl).toMatchObject({
      path: '/classification/approval',
      location: { file: BAD, line: 24, column: 1 },
      clauses: ['KH04:V.1.m', 'CT57:1.d'],
    });
  });

  it('walks directories for descriptors', async () => {
    const r = await run(['check', 'examples', '--as-of', AS_OF, '--format', 'json']);
    expect(JSON.parse(r.stdout).systems.map((s: { id: string }) => s.id)).toEqual([
      'bca-csdl-dan-cu',
      'bizfly-cong-du-lieu-mo',
      'bqp-qk3-hau-can',
      'cmccloud-cong-dvc-bo',
      'fptcloud-cong-dvc-bo',
      'mof-public-services',
      'ninh-binh-snv-qlvb',
      'openstack-qlvb-bo',
      'tinh-ha-nam-dat-dai',
      'examples/terraform-hcl',
      'viettelidc-cong-dvc-bo',
      'vngcloud-cong-dvc-tinh',
    ]);
  });

  it('walks a tree: other YAML/JSON is skipped unread beyond its head (even too large or binary), Terraform JSON is checked as IaC, a broken descriptor is reported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tuanthu-walk-'));
    try {
      mkdirSync(join(dir, 'sub'));
      copyFileSync(join(ROOT, 'examples/bca-population-database/system.yaml'), join(dir, 'sub/system.yaml'));
      writeFileSync(join(dir, 'ci.yml'), 'name: build\non: push\n');
      writeFileSync(join(dir, 'big.yaml'), `items:\n${'  - x\n'.repeat(2000)}`); // 12 KB, above --max-file-size 8KB
      writeFileSync(join(dir, 'garbage.json'), Buffer.from([0, 1, 2, 255, 254, 0, 7]));
      writeFileSync(
        join(dir, 'main.tf.json'),
        JSON.stringify({ resource: { aws_s3_bucket: { logs: { bucket: 'logs' } } } }),
      );
      writeFileSync(join(dir, 'broken.yaml'), 'apiVersion: tuanthu/v1\nkind: System\nsystem: [\n');
      const r = await run([
        'check',
        dir,
        '--as-of',
        AS_OF,
        '--format',
        'json',
        '--max-file-size',
        '8KB',
        '--jobs',
        '2',
      ]);
      expect(r.exitCode).toBe(2);
      const report = JSON.parse(r.stdout);
      expect(report.systems.map((s: { id: string }) => s.id)).toEqual([
        expect.stringMatching(/main\.tf\.json$/),
        'bca-csdl-dan-cu',
      ]);
      expect(report.errors).toHaveLength(1);
      expect(report.errors[0]).toMatchObject({
        file: expect.stringMatching(/broken\.yaml$/),
        line: expect.any(Number),
        column: expect.any(Number),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('orders systems the same whatever the locale of the machine (LC_ALL)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tuanthu-collate-'));
    try {
      // Swedish collation puts å and ä after z; the report must not follow the machine's locale.
      for (const name of ['å.yaml', 'ä.yaml', 'z.yaml', 'đất.yaml'])
        copyFileSync(join(ROOT, 'examples/bca-population-database/system.yaml'), join(dir, name));
      const runs = await Promise.all(
        ['C', 'sv_SE.UTF-8', 'vi_VN.UTF-8'].map((l) =>
          run(['check', dir, '--as-of', AS_OF, '--format', 'json'], { LC_ALL: l }),
        ),
      );
      const files = runs.map((r) => JSON.parse(r.stdout).systems.map((s: { file: string }) => s.file.split('/').pop()));
      expect(files[0]).toEqual(['å.yaml', 'ä.yaml', 'đất.yaml', 'z.yaml']);
      expect(files[1]).toEqual(files[0]);
      expect(files[2]).toEqual(files[0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes several formats in one run', async () => {
    const out = join(ROOT, 'node_modules/.tmp-report.json');
    const r = await run(['check', GOOD, '--as-of', AS_OF, '--format', 'text', '--format', `json=${out}`]);
    expect(r.stdout).toContain('PASS');
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.systems).toBe(1);
  });
});

describe('bad input', () => {
  it('reports malformed YAML as file:line:col, exit 2, and still checks the other files', async () => {
    const r = await run(['check', 'tests/fixtures/bad/malformed.yaml', GOOD, '--as-of', AS_OF]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toMatch(/tests\/fixtures\/bad\/malformed\.yaml:\d+:\d+: error /);
    expect(r.stdout).toContain('✔ PASS Cổng dịch vụ công Bộ Tài chính');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('reports every schema problem, each with its position, in plain words', async () => {
    const r = await run(['check', 'tests/fixtures/bad/schema-invalid.yaml', '--as-of', AS_OF]);
    expect(r.exitCode).toBe(2);
    const f = 'tests/fixtures/bad/schema-invalid.yaml';
    expect(r.stdout).toContain(`${f}:3:1: error "system" is missing the required field "owner"`);
    expect(r.stdout).toContain(`${f}:4:7: error "system.id" has an invalid format`);
    expect(r.stdout).toContain(
      `${f}:6:11: error "system.sector" must be one of: "civil", "military", "defence", "cipher"`,
    );
    expect(r.stdout).toContain(`${f}:9:12: error "lifecycle.go_live" must be a real date written YYYY-MM-DD`);
    expect(r.stdout).toContain(`${f}:11:10: error "classification.level" must be a whole number`);
    expect(r.stdout).toContain(`${f}:12:3: error unknown field "aproval" in "classification"`);
  });

  it('rejects a descriptor that is a list', async () => {
    const r = await run(['check', 'tests/fixtures/bad/list.yaml']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toContain('a descriptor must be a mapping');
  });

  it('reports a missing file and keeps going', async () => {
    const r = await run(['check', 'nope.yaml', GOOD, '--as-of', AS_OF]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toContain('nope.yaml: error no such file or directory');
    expect(r.stdout).toContain('PASS');
  });

  it.each([
    [['check', GOOD, '--as-of', '23/11/2026'], 'is not a date written YYYY-MM-DD'],
    [['check', GOOD, '--fail-on', 'severe'], 'Allowed choices are info, low, medium, high, critical'],
    [['check', GOOD, '--format', 'pdf'], 'unknown format "pdf"'],
    [['check'], 'nothing to check: give descriptors'],
    [['frobnicate'], "unknown command 'frobnicate'"],
  ])('exits 2 on usage error %j', async (args, message) => {
    const r = await run(args);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('stops quietly when the reader closes the pipe early', async () => {
    const r = await execa(
      'bash',
      ['-c', `node ${BIN} check examples --as-of ${AS_OF} --format json | head -c 100; exit "\${PIPESTATUS[0]}"`],
      { cwd: ROOT, reject: false, env: { NO_COLOR: '1' } },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toHaveLength(100);
    expect(r.exitCode).toBe(1);
  });

  it('prints help that teaches, exit 0', async () => {
    const r = await run(['check', '--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Exit codes: 0 no finding at or above --fail-on');
    expect(r.stdout).toContain('--as-of <date>');
  });
});

describe('tuanthu check with infrastructure code', () => {
  it('checks a .tf directory and a plan JSON directly, pointing at the line the user edits', async () => {
    const r = await run([
      'check',
      'examples/terraform-hcl',
      'tests/fixtures/iac/plan.json',
      '--as-of',
      AS_OF,
      '--format',
      'json',
    ]);
    expect(r.exitCode).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(reportSchema(report), JSON.stringify(reportSchema.errors)).toBe(true);
    expect(report.systems.map((s: { file: string }) => s.file)).toEqual([
      'examples/terraform-hcl',
      'tests/fixtures/iac/plan.json',
    ]);
    const ebs = report.systems[0].findings.find((f: { rule: string }) => f.rule === 'AWS-EBS-01');
    expect(ebs).toMatchObject({
      path: 'aws_ebs_volume.scans',
      supports: ['CRY-02'],
      location: { file: 'examples/terraform-hcl/main.tf', line: 42, column: 1 },
    });
    expect(report.systems[0].inputs.map((i: { role: string }) => i.role)).toEqual(['iac', 'iac']);
    const rds = report.systems[1].findings.find((f: { rule: string }) => f.rule === 'AWS-RDS-01');
    expect(rds).toMatchObject({ severity: 'info', location: { file: 'tests/fixtures/iac/plan.json', line: 6 } });
    expect(rds.message).toContain('unknown until apply');
  });

  it('reports bad IaC as file:line:col with exit 2 and still checks the other inputs', async () => {
    const r = await run([
      'check',
      'tests/fixtures/iac/malformed.tf.json',
      'tests/fixtures/iac/plan-v2.json',
      'tests/fixtures/iac/bad-hcl',
      'tests/fixtures/iac/package-like.json',
      GOOD,
      '--as-of',
      AS_OF,
    ]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toContain(
      'tests/fixtures/iac/malformed.tf.json:4:27: error malformed JSON: property name expected',
    );
    expect(r.stdout).toContain('tests/fixtures/iac/plan-v2.json:2:3: error plan format_version 2.0 is not supported');
    expect(r.stdout).toContain('tests/fixtures/iac/bad-hcl/main.tf:2:12: error malformed HCL: Invalid expression');
    expect(r.stdout).toContain(
      'tests/fixtures/iac/package-like.json:1:1: error this JSON is neither Terraform configuration',
    );
    expect(r.stdout).toContain('✔ PASS Cổng dịch vụ công Bộ Tài chính');
    expect(r.stderr).toBe('');
  });

  it('a descriptor with iac: gets the IaC findings and the critical contradictions', async () => {
    const r = await run(['check', BAD, '--as-of', AS_OF]);
    expect(r.stdout).toContain(
      'critical IAC-X-01 → HST-02, CRY-02, MON-03 The descriptor agrees with the infrastructure code — examples/province-land-portal/iac/cdktf.out/stacks/portal/cdk.tf.json:20:7 (construct portal/main)',
    );
    expect(r.stdout).toContain(
      'The descriptor says the system is hosted in Vietnam (VN), but aws_db_instance.main is placed in ap-southeast-1 Asia Pacific (Singapore) (SG).',
    );
  });
});
