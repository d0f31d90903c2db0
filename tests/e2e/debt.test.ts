// End to end: waivers, baselines, the go-live gate and `waivers list`, through the built CLI.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { AS_OF, ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin/tuanthu.js');
const PORTAL = 'tests/fixtures/waivers/portal/system.yaml';
const BUDGET = 'tests/fixtures/waivers/budget/system.yaml';
const BAD_WAIVERS = 'tests/fixtures/waivers/bad/tuanthu.waivers.yaml';
const GOOD = 'examples/mof-public-services/system.yaml';

function run(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  return execa('node', [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    reject: false,
    env: { NO_COLOR: '1', LANG: 'C', ...opts.env },
  });
}

const reportSchema = new Ajv2020({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(join(ROOT, 'schemas/report.schema.json'), 'utf8')),
);

interface JFinding {
  rule: string;
  path: string;
  status: string;
  fingerprint: string;
  waiver?: { expires: string; daysLeft: number; approvedBy: { name: string } };
  baseline?: string;
}
interface JWaiver {
  rule: string;
  path?: string;
  status: string;
  reason?: { code: string; text: string };
  location: { line: number };
}

describe('waivers in check', () => {
  it('finds tuanthu.waivers.yaml next to the descriptor and gives every waiver its status', async () => {
    const r = await run(['check', PORTAL, '--as-of', AS_OF, '--format', 'json']);
    expect(r.exitCode).toBe(1); // LVL-02, BUD-01, MON-01 and one SBD-02 are not waived
    const report = JSON.parse(r.stdout);
    expect(reportSchema(report), JSON.stringify(reportSchema.errors)).toBe(true);
    const status = (report.waivers as JWaiver[]).map((w) => [w.rule, w.status, w.reason?.code]);
    expect(status).toEqual([
      ['BUD-02', 'active', undefined],
      ['SBD-02', 'expiring', undefined],
      ['SBD-01', 'active', undefined],
      ['LVL-02', 'invalid', 'critical-approver'],
      ['MON-01', 'expired', 'expired'],
      ['BUD-01', 'invalid', 'too-long'],
      ['SBD-02', 'stale', 'no-match'],
    ]);
    const findings = report.systems[0].findings as JFinding[];
    const waived = findings.filter((f) => f.waiver).map((f) => `${f.rule} ${f.path}`);
    expect(waived.sort()).toEqual([
      'BUD-02 /budget/lines',
      'SBD-01 /design/security_component',
      'SBD-02 /design/security_component/appraised',
    ]);
    expect(findings.find((f) => f.rule === 'MON-01')?.waiver).toBeUndefined();
    expect(findings.find((f) => f.rule === 'LVL-02')?.waiver).toBeUndefined();
    // Waived findings move from the severity counts to summary.waived.
    const empty = join(mkdtempSync(join(tmpdir(), 'tuanthu-')), 'none.yaml');
    writeFileSync(empty, 'waivers: []\n');
    const plain = JSON.parse(
      (await run(['check', PORTAL, '--as-of', AS_OF, '--format', 'json', '--waivers', empty])).stdout,
    );
    expect(plain.summary.waived).toBe(0);
    expect(report.summary.waived).toBe(3);
    expect(report.summary.findings.critical).toBe(plain.summary.findings.critical - 1);
    expect(report.summary.findings.high).toBe(plain.summary.findings.high - 2);
    for (const f of findings) expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it('shows waived findings as debt in text, with reason, approver and days left, and the waivers that need attention', async () => {
    const r = await run(['check', PORTAL, '--as-of', AS_OF]);
    expect(r.stdout).toContain('waived (high) BUD-02');
    expect(r.stdout).toContain(
      'Waived until 2027-03-01 (98 days left), approved by Trần Thị Bình (Giám đốc Sở Tài chính) 2026-10-01, 1234/QĐ-STC: Security lines are being split out',
    );
    expect(r.stdout).toContain(
      'tuanthu.waivers.yaml:28:5: waiver invalid — LVL-02 tinh-ha-nam-dat-dai: LVL-02 is critical: it must be approved by the accountable head Lê Văn Cường, not Trần Thị Bình',
    );
    expect(r.stdout).toContain(
      'tuanthu.waivers.yaml:35:5: waiver expired — MON-01 tinh-ha-nam-dat-dai: expired on 2026-11-22 (1 day(s) ago)',
    );
    expect(r.stdout).toContain(
      'waiver invalid — BUD-01 tinh-ha-nam-dat-dai: lasts 212 days from approval to expiry; at most 180 are allowed',
    );
    expect(r.stdout).toContain('waiver stale — SBD-02 tinh-ha-nam-dat-dai /design/security_component/included');
    expect(r.stdout).toContain('waiver expiring — SBD-02');
    expect(r.stdout).toMatch(/\d+ finding\(s\) \([^)]*\)( · \d+ due)? · 3 waived/);
    const vi = await run(['check', PORTAL, '--as-of', AS_OF, '--lang', 'vi']);
    expect(vi.stdout).toContain('miễn trừ (high) BUD-02');
    expect(vi.stdout).toContain('Miễn trừ đến 2027-03-01 (98 ngày còn lại)');
    expect(vi.stdout).toContain('phải do người đứng đầu Lê Văn Cường phê duyệt');
  });

  it('passes when every failing finding is waived, through the expiry date inclusive, and fails the day after', async () => {
    const on = await run(['check', BUDGET, '--as-of', '2026-12-31']);
    expect(on.exitCode).toBe(0);
    expect(on.stdout).toContain('✔ PASS');
    expect(on.stdout).toContain('(0 days left)');
    // The agency's average (BUD-04) is waived by `agency:` as the system's share is by `system:`.
    const json = JSON.parse((await run(['check', BUDGET, '--as-of', '2026-12-31', '--format', 'json'])).stdout);
    expect(reportSchema(json), JSON.stringify(reportSchema.errors)).toBe(true);
    expect(json.agencies).toHaveLength(1);
    expect(json.agencies[0]).toMatchObject({ id: 'agency:Bộ Tài chính', result: 'pass', systems: 1 });
    expect(json.agencies[0].findings).toMatchObject([
      { rule: 'BUD-04', status: 'violation', waiver: { expires: '2026-12-31', daysLeft: 0 } },
    ]);
    expect((json.waivers as Array<JWaiver & { system: string }>).map((w) => [w.rule, w.system, w.status])).toEqual([
      ['BUD-02', 'mof-budget-gap', 'expiring'],
      ['BUD-04', 'agency:Bộ Tài chính', 'expiring'],
    ]);
    expect(json.summary.waived).toBe(2);
    const after = await run(['check', BUDGET, '--as-of', '2027-01-01']);
    expect(after.exitCode).toBe(1);
    expect(after.stdout).toContain('high BUD-02');
    expect(after.stdout).toContain('high BUD-04');
    expect(after.stdout).toContain('waiver expired — BUD-04 agency:Bộ Tài chính: expired on 2026-12-31');
    expect(after.stdout).toContain(
      'waiver expired — BUD-02 mof-budget-gap /budget/lines: expired on 2026-12-31 (1 day(s) ago)',
    );
  });

  it('applies --max-waiver-days', async () => {
    const r = await run(['check', BUDGET, '--as-of', AS_OF, '--max-waiver-days', '60']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('lasts 91 days from approval to expiry; at most 60 are allowed');
    const bad = await run(['check', BUDGET, '--max-waiver-days', 'soon']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('is not a positive whole number of days');
  });

  it('uses only the files given with --waivers', async () => {
    const none = join(mkdtempSync(join(tmpdir(), 'tuanthu-')), 'empty.waivers.yaml');
    writeFileSync(none, 'waivers: []\n');
    const r = await run(['check', BUDGET, '--as-of', AS_OF, '--waivers', none]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).not.toContain('waived');
  });

  it('reads tuanthu.waivers.yaml from the working directory too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tuanthu-'));
    cpSync(join(ROOT, 'tests/fixtures/waivers/budget/tuanthu.waivers.yaml'), join(dir, 'tuanthu.waivers.yaml'));
    cpSync(join(ROOT, BUDGET), join(dir, 'sub', 'system.yaml'), { recursive: true });
    const r = await run(['check', 'sub/system.yaml', '--as-of', AS_OF], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('tuanthu.waivers.yaml:3:5');
  });

  it('rejects a bad waivers file before evaluation: exit 2, every problem at file:line:col, descriptors still checked', async () => {
    const r = await run(['check', BUDGET, '--as-of', AS_OF, '--waivers', BAD_WAIVERS]);
    expect(r.exitCode).toBe(2);
    const f = BAD_WAIVERS;
    expect(r.stdout).toContain(`${f}:2:11: error "waivers.0.rule" has an invalid format`);
    expect(r.stdout).toContain(`${f}:4:20: error "waivers.0.justification" must be at least 10 characters long`);
    expect(r.stdout).toContain(`${f}:5:5: error "waivers.0.approved_by" is missing the required field "title"`);
    expect(r.stdout).toContain(`${f}:6:15: error "waivers.0.approved" must be a real date written YYYY-MM-DD`);
    expect(r.stdout).toContain(
      `${f}:8:12: error unknown field "owner" in "waivers.0" (check the spelling against schemas/waivers.schema.json)`,
    );
    expect(r.stdout).toContain(`${f}:9:5: error "waivers.1" is missing the required field "expires"`);
    expect(r.stdout).toContain(
      `${f}:11:11: error "waivers.1.path" is not allowed here: give either path or resource, not both`,
    );
    expect(r.stdout).toContain('✖ FAIL Cổng dịch vụ công Bộ Tài chính (mof-budget-gap)');
    expect(r.stderr).toBe('');
  });

  it('rejects a justification or approver that is blank, whitespace or zero-width: exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tuanthu-blank-'));
    try {
      const file = join(dir, 'w.yaml');
      writeFileSync(
        file,
        [
          'waivers:',
          '  - rule: BUD-02',
          '    system: mof-budget-gap',
          `    justification: "${' '.repeat(12)}"`,
          '    approved_by: {name: "\\u200B\\u200B", title: "\\u00A0"}',
          '    approved: 2026-10-01',
          '    expires: 2026-12-31',
          '',
        ].join('\n'),
      );
      const r = await run(['check', BUDGET, '--as-of', AS_OF, '--waivers', file]);
      expect(r.exitCode).toBe(2);
      // Shown relative to the working directory, wherever the checkout is: match from the folder on.
      expect(r.stdout).toContain(
        `${basename(dir)}/${basename(file)}:4:20: error "waivers.0.justification" must contain visible text`,
      );
      expect(r.stdout).toContain('"waivers.0.approved_by.name" must contain visible text');
      expect(r.stdout).toContain('"waivers.0.approved_by.title" must contain visible text');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a descriptor whose accountable head or level approver is blank or zero-width: exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tuanthu-blank-'));
    try {
      const src = readFileSync(join(ROOT, GOOD), 'utf8')
        .replace('accountable_head: {name: Nguyễn Văn An, title: Thứ trưởng}', 'accountable_head: {name: "\\u200B "}')
        .replace('by: Bộ trưởng Bộ Tài chính', 'by: "\\u2060"')
        .replace(/^iac: .*$/m, '');
      const file = join(dir, 'system.yaml');
      writeFileSync(file, src);
      const r = await run(['check', file, '--as-of', AS_OF]);
      expect(r.exitCode).toBe(2);
      expect(r.stdout).toContain('"system.accountable_head.name" must contain visible text');
      expect(r.stdout).toContain('"classification.approval.by" must contain visible text');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a missing or malformed waivers file given explicitly', async () => {
    const missing = await run(['check', GOOD, '--as-of', AS_OF, '--waivers', 'nope.waivers.yaml']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stdout).toContain('nope.waivers.yaml: error file not found');
    const dir = mkdtempSync(join(tmpdir(), 'tuanthu-'));
    writeFileSync(join(dir, 'w.yaml'), 'waivers:\n  - rule: BUD-02\n    rule: BUD-01\n');
    const dup = await run(['check', GOOD, '--as-of', AS_OF, '--waivers', join(dir, 'w.yaml')]);
    expect(dup.exitCode).toBe(2);
    expect(dup.stdout).toMatch(/w\.yaml:3:5: error a key appears twice/);
  });
});

describe('baselines', () => {
  function workspace() {
    const dir = mkdtempSync(join(tmpdir(), 'tuanthu-'));
    // A frozen copy of the province example (without its waivers), so that new rules do not move these figures.
    cpSync(join(ROOT, PORTAL), join(dir, 'system.yaml'));
    return dir;
  }

  it('records the waiver file and the baseline a run read, with their digests, in JSON, HTML and OSCAL', async () => {
    const dir = workspace();
    cpSync(join(ROOT, 'tests/fixtures/waivers/portal/tuanthu.waivers.yaml'), join(dir, 'tuanthu.waivers.yaml'));
    expect(
      (await run(['baseline', 'create', 'system.yaml', '-o', 'base.json', '--as-of', AS_OF], { cwd: dir })).exitCode,
    ).toBe(0);
    const digest = (f: string) =>
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex');
    const expected = [
      { file: 'tuanthu.waivers.yaml', sha256: digest('tuanthu.waivers.yaml'), role: 'waivers' },
      { file: 'base.json', sha256: digest('base.json'), role: 'baseline' },
    ];
    const args = ['check', 'system.yaml', '--baseline', 'base.json', '--as-of', AS_OF];
    const json = JSON.parse((await run([...args, '--format', 'json'], { cwd: dir })).stdout);
    expect(reportSchema(json), JSON.stringify(reportSchema.errors)).toBe(true);
    expect(json.debtInputs).toEqual(expected);
    const html = (await run([...args, '--format', 'html'], { cwd: dir })).stdout;
    for (const f of expected)
      expect(html).toContain(`<td><code>${f.file}</code></td><td>${f.role}</td><td><code>${f.sha256}</code></td>`);
    // Reproducing the run names the same waiver file and baseline.
    expect(html).toContain('--waivers tuanthu.waivers.yaml --baseline base.json --format html=audit.html');
    const oscal = JSON.parse((await run([...args, '--format', 'oscal'], { cwd: dir })).stdout);
    const resources = oscal['assessment-results']['back-matter'].resources as Array<{
      title: string;
      rlinks?: Array<{ hashes: Array<{ value: string }> }>;
    }>;
    for (const f of expected)
      expect(resources.find((r) => r.title === f.file)?.rlinks?.[0]?.hashes[0]?.value).toBe(f.sha256);
    // A run without waivers or baseline has no such field (its report is unchanged).
    const plain = JSON.parse((await run(['check', GOOD, '--as-of', AS_OF, '--format', 'json'])).stdout);
    expect(plain).not.toHaveProperty('debtInputs');
    expect(plain).not.toHaveProperty('stage');
    expect(plain).not.toHaveProperty('maxWaiverDays');
  });

  it('records --stage and a non-default --max-waiver-days, which change the result, and reproduces them', async () => {
    const dir = workspace();
    cpSync(join(ROOT, 'tests/fixtures/waivers/portal/tuanthu.waivers.yaml'), join(dir, 'tuanthu.waivers.yaml'));
    const args = ['check', 'system.yaml', '--as-of', AS_OF, '--stage', 'pre-production', '--max-waiver-days', '400'];
    const json = JSON.parse((await run([...args, '--format', 'json'], { cwd: dir })).stdout);
    expect(reportSchema(json), JSON.stringify(reportSchema.errors)).toBe(true);
    expect(json).toMatchObject({ stage: 'pre-production', maxWaiverDays: 400 });
    expect((await run([...args, '--format', 'html'], { cwd: dir })).stdout).toContain(
      '--lang en --stage pre-production --max-waiver-days 400 --waivers tuanthu.waivers.yaml --format html=audit.html',
    );
    const props = JSON.parse((await run([...args, '--format', 'oscal'], { cwd: dir })).stdout)['assessment-results']
      .metadata.props as Array<{ name: string; value: string }>;
    expect(props.map((p) => [p.name, p.value])).toEqual(
      expect.arrayContaining([
        ['stage', 'pre-production'],
        ['max-waiver-days', '400'],
      ]),
    );
  });

  it('creates a baseline, then fails only on new violations, survives line moves, and reports fixed ones', async () => {
    const dir = workspace();
    const first = JSON.parse(
      (await run(['check', 'system.yaml', '--as-of', AS_OF, '--format', 'json'], { cwd: dir })).stdout,
    );
    // The agency's findings (BUD-04, judged over this run's one system) are recorded as a system's.
    const judged = (r: { systems: Array<{ findings: JFinding[] }>; agencies?: Array<{ findings: JFinding[] }> }) => [
      ...r.systems[0]!.findings,
      ...(r.agencies ?? []).flatMap((x) => x.findings),
    ];
    expect(first.agencies.map((x: { id: string }) => x.id)).toEqual(['agency:Ủy ban nhân dân tỉnh Hà Nam']);
    const violations = judged(first).filter((f) => f.status === 'violation').length;
    const lvlLine = (first.systems[0].findings as Array<JFinding & { location: { line: number } }>).find(
      (f) => f.rule === 'LVL-02',
    )!.location.line;
    expect(violations).toBeGreaterThan(5);
    const created = await run(['baseline', 'create', 'system.yaml', '-o', 'base.json', '--as-of', AS_OF], { cwd: dir });
    expect(created.exitCode).toBe(0);
    expect(created.stdout).toContain(`base.json: ${violations} violation(s) of 1 system(s) as of 2026-11-23`);
    const baseline = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8'));
    const baselineSchema = new Ajv2020({ strict: false }).compile(
      JSON.parse(readFileSync(join(ROOT, 'schemas/baseline.schema.json'), 'utf8')),
    );
    expect(baselineSchema(baseline)).toBe(true);
    expect(baseline.findings).toHaveLength(violations);

    // Same findings, every line moved: nothing new.
    const original = readFileSync(join(dir, 'system.yaml'), 'utf8');
    writeFileSync(join(dir, 'system.yaml'), `# moved\n# down\n# by three lines\n${original}`);
    const moved = await run(['check', 'system.yaml', '--baseline', 'base.json', '--as-of', AS_OF, '--format', 'json'], {
      cwd: dir,
    });
    expect(moved.exitCode).toBe(0);
    const m = JSON.parse(moved.stdout);
    expect(reportSchema(m), JSON.stringify(reportSchema.errors)).toBe(true);
    expect(m.baseline).toMatchObject({ new: 0, existing: violations, fixed: [] });
    expect(m.systems[0].findings.find((f: JFinding) => f.rule === 'LVL-02').location.line).toBe(lvlLine + 3);

    // Add a security budget line, a security component and a (late) level approval.
    const changed = original
      .replace(
        'category: infrastructure}\n    # The firewall',
        'category: infrastructure}\n    - {item: Giám sát an ninh mạng, amount: 2500000000, category: security}\n    # The firewall',
      )
      .replace(
        'appraisal: {by: Sở Khoa học và Công nghệ, date: 2026-02-01}',
        'appraisal: {by: Sở Khoa học và Công nghệ, date: 2026-02-01}\n  approval: {decision: 1/QĐ, by: UBND, date: 2026-02-10}',
      )
      .replace('security_component: {included: false}', 'security_component: {included: true}');
    writeFileSync(join(dir, 'system.yaml'), changed);
    const after = await run(['check', 'system.yaml', '--baseline', 'base.json', '--as-of', AS_OF, '--format', 'json'], {
      cwd: dir,
    });
    const a = JSON.parse(after.stdout);
    const fixed = (a.baseline.fixed as JFinding[]).map((f) => f.rule);
    expect(fixed).toEqual(expect.arrayContaining(['BUD-01', 'BUD-02', 'LVL-02', 'SBD-01']));
    // The approval added is dated after go-live: a different LVL-02 finding, so a new one.
    const fresh = judged(a)
      .filter((f) => f.baseline === 'new')
      .map((f) => f.rule);
    expect(fresh).toContain('LVL-02');
    expect(a.baseline.new).toBe(fresh.length);
    expect(a.baseline.existing + a.baseline.fixed.length).toBe(violations);
    expect(after.exitCode).toBe(1);
    const text = await run(['check', 'system.yaml', '--baseline', 'base.json', '--as-of', AS_OF], { cwd: dir });
    expect(text.stdout).toContain(
      `Baseline base.json (2026-11-23): ${a.baseline.new} new, ${a.baseline.existing} in the baseline (not failing), ${fixed.length} fixed since the baseline`,
    );
    expect(text.stdout).toMatch(/high SBD-02 .* \[baseline\]/);
    expect(text.stdout).toContain('✔ LVL-02 tinh-ha-nam-dat-dai /classification/approval (missing)');
  });

  it('counts a due finding that passes its deadline as new: a new obligation, not old debt', async () => {
    const dir = workspace();
    // MON-01 is due until 2026-06-30: on that day it is not a violation, so the baseline does not hold it.
    await run(['baseline', 'create', 'system.yaml', '-o', 'base.json', '--as-of', '2026-06-30'], { cwd: dir });
    const same = await run(['check', 'system.yaml', '--baseline', 'base.json', '--as-of', '2026-06-30'], { cwd: dir });
    expect(same.exitCode).toBe(0);
    const early = JSON.parse(
      (await run(['check', 'system.yaml', '--as-of', '2026-06-30', '--format', 'json'], { cwd: dir })).stdout,
    );
    expect((early.systems[0].findings as JFinding[]).find((f) => f.rule === 'MON-01')?.status).toBe('due');
    const late = await run(
      ['check', 'system.yaml', '--baseline', 'base.json', '--as-of', '2026-07-01', '--format', 'json'],
      { cwd: dir },
    );
    expect(late.exitCode).toBe(1);
    const fresh = (JSON.parse(late.stdout).systems[0].findings as JFinding[])
      .filter((f) => f.baseline === 'new')
      .map((f) => f.rule);
    expect(fresh).toContain('MON-01');
  });

  it('accepts an earlier JSON report as the baseline', async () => {
    const dir = workspace();
    await run(['check', 'system.yaml', '--as-of', AS_OF, '--format', 'json=previous.json'], { cwd: dir });
    const r = await run(['check', 'system.yaml', '--as-of', AS_OF, '--baseline', 'previous.json'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(
      /Baseline previous\.json \(2026-11-23\): 0 new, \d+ in the baseline \(not failing\), 0 fixed since the baseline/,
    );
    expect(r.stdout).toContain('[baseline]');
  });

  it('rejects a bad baseline with positions, exit 2', async () => {
    const dir = workspace();
    writeFileSync(
      join(dir, 'bad.json'),
      '{\n  "baselineVersion": "1",\n  "created": "2026-13-01",\n  "findings": [{"rule": "X"}]\n}\n',
    );
    const r = await run(['check', 'system.yaml', '--as-of', AS_OF, '--baseline', 'bad.json'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toContain('bad.json:3:14: error "created" must be a real date written YYYY-MM-DD');
    expect(r.stdout).toContain('bad.json:4:16: error "findings.0" is missing the required field "fingerprint"');
    const missing = await run(['check', 'system.yaml', '--baseline', 'nope.json'], { cwd: dir });
    expect(missing.exitCode).toBe(2);
    expect(missing.stdout).toContain('nope.json: error file not found');
  });

  it('does not write a baseline when an input cannot be read', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'broken.yaml'), 'apiVersion: tuanthu/v1\nkind: "InformationSystem\n');
    const r = await run(['baseline', 'create', '.', '-o', 'base.json', '--as-of', AS_OF], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/broken\.yaml:\d+:\d+: error/);
    expect(r.stderr).toContain('baseline not written');
    expect(() => readFileSync(join(dir, 'base.json'))).toThrow();
  });
});

describe('tuanthu gate', () => {
  it('says NO-GO with the blocking findings, and does not honour waivers of critical rules', async () => {
    const r = await run(['gate', PORTAL, '--as-of', AS_OF]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain(
      '✖ NO-GO — may not go live on 2026-11-23: Cổng thông tin đất đai tỉnh Hà Nam (tinh-ha-nam-dat-dai) · Lê Văn Cường',
    );
    expect(r.stdout).toMatch(/Blocking:\n {4}critical BUD-01/);
    expect(r.stdout).toContain('    critical SBD-01 Cybersecurity component in the design dossier');
    expect(r.stdout).toContain('Waivers not honoured at the gate (critical rules cannot be waived past go-live):');
    expect(r.stdout).toContain('waiver ignored at gate — SBD-01 tinh-ha-nam-dat-dai: SBD-01 is critical');
    expect(r.stdout).toContain(
      'Accepted debt (waived, not blocking):\n    high BUD-02 /budget/lines — 2027-03-01 (98 days left), Trần Thị Bình',
    );
    expect(r.stdout).toContain('Verdict: NO-GO (1 of 1 system(s) blocked)');
    // check honours the same critical waiver outside the gate, and check --stage pre-production is the gate.
    const check = await run(['check', PORTAL, '--as-of', AS_OF, '--format', 'json']);
    expect(JSON.parse(check.stdout).waivers.find((w: JWaiver) => w.rule === 'SBD-01').status).toBe('active');
    const staged = await run(['check', PORTAL, '--as-of', AS_OF, '--stage', 'pre-production', '--format', 'json']);
    expect(JSON.parse(staged.stdout).waivers.find((w: JWaiver) => w.rule === 'SBD-01').status).toBe('gate-ignored');
  });

  it('says GO when only waived non-critical findings remain, exit 0', async () => {
    const r = await run(['gate', BUDGET, GOOD, '--as-of', AS_OF]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('✔ GO — may go live on 2026-11-23: Cổng dịch vụ công Bộ Tài chính (mof-budget-gap)');
    expect(r.stdout).toContain('Verdict: GO (2 system(s))');
    const vi = await run(['gate', BUDGET, '--as-of', AS_OF, '--lang', 'vi']);
    expect(vi.stdout).toContain('ĐƯỢC PHÉP — có thể đưa vào vận hành ngày 2026-11-23');
  });

  it('gives a JSON verdict', async () => {
    const r = await run(['gate', PORTAL, '--as-of', AS_OF, '--format', 'json']);
    const v = JSON.parse(r.stdout);
    expect(v.go).toBe(false);
    const blocking = v.systems[0].blocking.map((f: JFinding) => `${f.rule} ${f.path}`);
    expect(blocking).toEqual(
      expect.arrayContaining([
        'BUD-01 /budget/lines',
        'LVL-02 /classification/approval',
        'SBD-01 /design/security_component',
        'SBD-02 /design/security_component/approved',
      ]),
    );
    expect(blocking).not.toContain('BUD-02 /budget/lines'); // waived, not critical
    expect(blocking).not.toContain('SBD-02 /design/security_component/appraised');
    expect(v.systems[0].ignoredWaivers.map((w: JWaiver) => w.rule)).toEqual(['SBD-01']);
  });

  it('exits 2 without a verdict on input errors', async () => {
    const r = await run(['gate', 'tests/fixtures/bad/malformed.yaml', GOOD, '--as-of', AS_OF]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toContain('Verdict: cannot decide — input errors above');
    const bad = await run(['gate', GOOD, '--waivers', BAD_WAIVERS, '--as-of', AS_OF]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stdout).toContain(`${BAD_WAIVERS}:2:11: error`);
  });
});

describe('tuanthu waivers list', () => {
  it('lists every waiver of a portfolio with its status, most urgent first', async () => {
    const r = await run(['waivers', 'list', 'tests/fixtures/waivers', '--as-of', AS_OF]);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^STATUS\s+RULE\s+SYSTEM\s+FINDING\s+EXPIRES\s+DAYS LEFT\s+APPROVED BY\s+WHERE$/);
    expect(
      lines.slice(1, 10).map((l) =>
        l
          .split(/\s{2,}/)
          .slice(0, 2)
          .join(' '),
      ),
    ).toEqual([
      'invalid LVL-02',
      'invalid BUD-01',
      'expired MON-01',
      'stale SBD-02',
      'expiring SBD-02',
      'active BUD-02',
      'active BUD-04',
      'active SBD-01',
      'active BUD-02',
    ]);
    expect(r.stdout).toMatch(
      /expiring\s+SBD-02\s+tinh-ha-nam-dat-dai\s+\/design\/security_component\/appraised\s+2026-12-15\s+22\s+Trần Thị Bình/,
    );
  });

  it('reports waivers naming systems that are not in the portfolio as stale; --format json', async () => {
    const r = await run([
      'waivers',
      'list',
      GOOD,
      '--waivers',
      'tests/fixtures/waivers/budget/tuanthu.waivers.yaml',
      '--as-of',
      AS_OF,
      '--format',
      'json',
    ]);
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.waivers).toHaveLength(2);
    expect(out.waivers[0]).toMatchObject({
      rule: 'BUD-02',
      system: 'mof-budget-gap',
      status: 'stale',
      reason: { code: 'unknown-system' },
    });
    // Its agency is in the portfolio (the example's owner) and passes BUD-04 there: nothing to waive.
    expect(out.waivers[1]).toMatchObject({ rule: 'BUD-04', system: 'agency:Bộ Tài chính', status: 'stale' });
    expect(out.waivers[1].reason.code).toBe('no-match');
    const elsewhere = await run([
      'waivers',
      'list',
      'tests/fixtures/waivers/portal/system.yaml',
      '--waivers',
      'tests/fixtures/waivers/budget/tuanthu.waivers.yaml',
      '--as-of',
      AS_OF,
      '--format',
      'json',
    ]);
    expect(JSON.parse(elsewhere.stdout).waivers[1]).toMatchObject({
      system: 'agency:Bộ Tài chính',
      status: 'stale',
      reason: { code: 'unknown-agency', text: 'no checked descriptor has system.owner Bộ Tài chính' },
    });
  });

  it('says so when there are none, and exits 2 on a bad waivers file', async () => {
    const none = await run(['waivers', 'list', GOOD, '--as-of', AS_OF]);
    expect(none.stdout).toBe('no waivers found');
    const bad = await run(['waivers', 'list', GOOD, '--waivers', BAD_WAIVERS]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain(`${BAD_WAIVERS}:9:5: error "waivers.1" is missing the required field "expires"`);
  });
});
