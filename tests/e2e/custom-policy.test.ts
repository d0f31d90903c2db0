// End to end: an organisation's own policy (--policy, docs/custom-policies.md), built from
// examples/custom-policy/ with the project's OPA, its findings through every step of a run.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin/tuanthu.js');
const OPA = process.env.OPA ?? join(ROOT, '.tools/bin/opa');
const GOOD = join(ROOT, 'examples/mof-public-services');

let dir: string;

function run(args: string[], cwd = dir) {
  return execa('node', [BIN, ...args], { cwd, reject: false, env: { NO_COLOR: '1', LANG: 'C' } });
}

/** Builds a policy from Rego source with the given entrypoints into dir/name. */
function build(name: string, rego: string, entrypoints = ['custom/rules', 'custom/findings']): string {
  const src = join(dir, `${name}-src`);
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, 'policy.rego'), rego);
  const out = join(dir, name);
  execFileSync(OPA, ['build', '-t', 'wasm', ...entrypoints.flatMap((e) => ['-e', e]), '-o', out, src]);
  return out;
}

const RULE = `{"title": "t", "severity": "high", "remediation": "r"}`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tuanthu-custom-'));
  execFileSync('bash', [join(ROOT, 'examples/custom-policy/build.sh'), join(dir, 'bundle.tar.gz')], {
    env: { ...process.env, OPA },
    stdio: 'pipe',
  });
  // The compliant example with an internal-regulation gap: a private mailbox and no operator.
  cpSync(join(GOOD, 'iac'), join(dir, 'iac'), { recursive: true });
  const text = readFileSync(join(GOOD, 'system.yaml'), 'utf8');
  const changed = text.replace(/^ {2}operator: .*\n/m, '').replace('attt@mof.example.gov.vn', 'attt.mof@gmail.com');
  expect(changed).not.toBe(text);
  writeFileSync(join(dir, 'system.yaml'), changed);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('check --policy', () => {
  it('without the policy the system passes: the findings below are the policy’s', async () => {
    const r = await run(['check', 'system.yaml', '--as-of', AS_OF]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toContain('X-BTC');
  });

  it('reports custom findings in text with place, citation and fix, and fails at --fail-on', async () => {
    const r = await run(['check', 'system.yaml', '--as-of', AS_OF, '--policy', 'bundle.tar.gz']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('high X-BTC-01 Security contact on an official (.gov.vn) mailbox — system.yaml:11:59');
    expect(r.stdout).toContain('The security contact attt.mof@gmail.com is not an official .gov.vn mailbox.');
    expect(r.stdout).toContain('Required by: QC-ATTT-BTC Điều 5.2');
    expect(r.stdout).toContain('medium X-BTC-02 Level 3 and above systems name their operator');
    expect(r.stdout).toContain('A level 3 system with no operator declared.');
    const vi = await run(['check', 'system.yaml', '--as-of', AS_OF, '--policy', 'bundle.tar.gz', '--lang', 'vi']);
    expect(vi.stdout).toContain('Đầu mối an toàn thông tin attt.mof@gmail.com không phải hộp thư công vụ .gov.vn.');
    // Both custom rules are high or below: a critical threshold lets the run pass.
    const critical = await run([
      'check',
      'system.yaml',
      '--as-of',
      AS_OF,
      '--policy',
      'bundle.tar.gz',
      '--fail-on',
      'critical',
    ]);
    expect(critical.exitCode).toBe(0);
    // JSON alone is streamed (systems serialised as they are checked): the custom findings are in it too.
    const streamed = await run([
      'check',
      'system.yaml',
      '--as-of',
      AS_OF,
      '--policy',
      'bundle.tar.gz',
      '--format',
      'json',
    ]);
    expect(streamed.exitCode).toBe(1);
    expect(JSON.parse(streamed.stdout).summary.findings).toMatchObject({ high: 1, medium: 1 });
    expect(streamed.stdout).toContain('"rule": "X-BTC-01"');
  });

  it('gives custom findings and rules in JSON (schema-valid) and SARIF', async () => {
    const r = await run([
      'check',
      'system.yaml',
      '--as-of',
      AS_OF,
      '--policy',
      'bundle.tar.gz',
      '--format',
      'json=report.json',
      '--format',
      'sarif=report.sarif',
    ]);
    expect(r.exitCode).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    const schema = new Ajv2020({ allErrors: true, strict: false }).compile(
      JSON.parse(readFileSync(join(ROOT, 'schemas/report.schema.json'), 'utf8')),
    );
    expect(schema(report), JSON.stringify(schema.errors)).toBe(true);
    const sys = report.systems[0];
    const mine = sys.findings.filter((f: { rule: string }) => f.rule.startsWith('X-'));
    expect(mine.map((f: { rule: string; severity: string; path: string }) => [f.rule, f.severity, f.path])).toEqual([
      ['X-BTC-01', 'high', '/system/security_unit/contact'],
      ['X-BTC-02', 'medium', '/system'],
    ]);
    expect(mine[0].params).toMatchObject({ contact: 'attt.mof@gmail.com', msg: 'not_official' });
    expect(mine[0].clauses).toEqual(['QC-ATTT-BTC Điều 5.2']);
    expect(sys.rules).toContainEqual({ rule: 'X-BTC-01', outcome: 'fail' });
    const sarif = JSON.parse(readFileSync(join(dir, 'report.sarif'), 'utf8'));
    const run0 = sarif.runs[0];
    expect(run0.tool.driver.rules.map((x: { id: string }) => x.id)).toContain('X-BTC-01');
    const result = run0.results.find((x: { ruleId: string }) => x.ruleId === 'X-BTC-01');
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 11, startColumn: 59 });
  });

  it('applies waivers to custom findings', async () => {
    const sub = join(dir, 'waived');
    mkdirSync(sub, { recursive: true });
    cpSync(join(dir, 'iac'), join(sub, 'iac'), { recursive: true });
    cpSync(join(dir, 'system.yaml'), join(sub, 'system.yaml'));
    writeFileSync(
      join(sub, 'tuanthu.waivers.yaml'),
      `waivers:
  - rule: X-BTC-01
    system: mof-public-services
    justification: The official mailbox is being set up by the ministry's IT department.
    approved_by: {name: Nguyễn Văn An, title: Thứ trưởng}
    approved: 2026-11-01
    expires: 2027-01-31
`,
    );
    const r = await run(
      ['check', 'system.yaml', '--as-of', AS_OF, '--policy', '../bundle.tar.gz', '--format', 'json'],
      sub,
    );
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0); // X-BTC-02 is medium, below --fail-on high
    const report = JSON.parse(r.stdout);
    expect(report.waivers.map((w: { rule: string; status: string }) => [w.rule, w.status])).toEqual([
      ['X-BTC-01', 'active'],
    ]);
    const f = report.systems[0].findings.find((x: { rule: string }) => x.rule === 'X-BTC-01');
    expect(f.waiver).toBeDefined();
  });

  it('takes the policies from .tuanthu.yaml, relative to it', async () => {
    const sub = join(dir, 'configured');
    mkdirSync(join(sub, 'policies'), { recursive: true });
    cpSync(join(dir, 'iac'), join(sub, 'iac'), { recursive: true });
    cpSync(join(dir, 'system.yaml'), join(sub, 'system.yaml'));
    cpSync(join(dir, 'bundle.tar.gz'), join(sub, 'policies/bundle.tar.gz'));
    writeFileSync(join(sub, '.tuanthu.yaml'), 'policies: [policies/bundle.tar.gz]\n');
    const r = await run(['check', '../system.yaml', '--as-of', AS_OF], join(sub, 'policies'));
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('high X-BTC-01');
  });

  it('records custom findings in a baseline, which then lets the run pass', async () => {
    const created = await run([
      'baseline',
      'create',
      'system.yaml',
      '-o',
      'base.json',
      '--as-of',
      AS_OF,
      '--policy',
      'bundle.tar.gz',
    ]);
    expect(created.exitCode).toBe(0);
    expect(readFileSync(join(dir, 'base.json'), 'utf8')).toContain('X-BTC-01');
    const r = await run([
      'check',
      'system.yaml',
      '--as-of',
      AS_OF,
      '--policy',
      'bundle.tar.gz',
      '--baseline',
      'base.json',
    ]);
    expect(r.exitCode).toBe(0);
  });

  it('counts custom findings at the go-live gate', async () => {
    const r = await run(['gate', 'system.yaml', '--as-of', AS_OF, '--policy', 'bundle.tar.gz']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('NO-GO');
    expect(r.stdout).toContain('high X-BTC-01 Security contact on an official (.gov.vn) mailbox');
    const without = await run(['gate', 'system.yaml', '--as-of', AS_OF]);
    expect(without.exitCode).toBe(0);
  });
});

describe('check --policy refuses a policy that breaks the contract, naming it (exit 2)', () => {
  it('a file that is not a bundle', async () => {
    writeFileSync(join(dir, 'notes.txt'), 'not a policy');
    const r = await run(['check', 'system.yaml', '--as-of', AS_OF, '--policy', 'notes.txt']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(
      'tuanthu: cannot read the policy notes.txt (--policy): neither a Wasm module nor the bundle.tar.gz of opa build -t wasm',
    );
    expect(r.stdout).toBe('');
  });

  it('a missing file', async () => {
    const r = await run(['check', 'system.yaml', '--as-of', AS_OF, '--policy', 'nowhere.tar.gz']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^tuanthu: cannot read the policy nowhere\.tar\.gz \(--policy\): /);
  });

  it('a bundle without the findings entrypoint', async () => {
    const b = build('one-entry.tar.gz', `package custom\n\nrules := {"X-A-01": ${RULE}}\n`, ['custom/rules']);
    const r = await run(['check', 'system.yaml', '--as-of', AS_OF, '--policy', b]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`the policy ${b} (--policy) cannot be used: it has no entrypoint custom/findings`);
  });

  it('a rule id without the X- prefix, and one defined by two bundles', async () => {
    const b = build('builtin-id.tar.gz', `package custom\n\nrules := {"LVL-02": ${RULE}}\n\nfindings := []\n`);
    const r = await run(['check', 'system.yaml', '--as-of', AS_OF, '--policy', b]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('rule id "LVL-02" must start with "X-"');
    const twice = await run([
      'check',
      'system.yaml',
      '--as-of',
      AS_OF,
      '--policy',
      'bundle.tar.gz',
      '--policy',
      join(dir, 'bundle.tar.gz'),
    ]);
    expect(twice.exitCode).toBe(2);
    expect(twice.stderr).toContain(`rule id X-BTC-01 is already defined by bundle.tar.gz`);
  });

  it('a rule without its required fields', async () => {
    const b = build(
      'no-severity.tar.gz',
      `package custom\n\nrules := {"X-A-01": {"title": "t", "remediation": "r"}}\n\nfindings := []\n`,
    );
    const r = await run(['check', 'system.yaml', '--as-of', AS_OF, '--policy', b, '--lang', 'vi']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(
      `không dùng được chính sách ${b} (--policy): quy tắc X-A-01: "severity" phải là một trong`,
    );
  });

  it('a finding naming a rule the bundle does not define', async () => {
    const b = build(
      'stray.tar.gz',
      `package custom\n\nrules := {"X-A-01": ${RULE}}\n\nfindings contains {"rule": "X-A-99", "path": "/system"} if input.descriptor\n`,
    );
    const r = await run(['check', 'system.yaml', '--as-of', AS_OF, '--policy', b]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toContain(
      `the policy ${b} (--policy) broke its contract: a finding names rule "X-A-99", which custom/rules does not define`,
    );
  });
});
