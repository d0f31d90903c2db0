// Rule selection (--rule, --skip-rule, rules: in .tuanthu.yaml) and severity overrides (severity:),
// with their governance: a reason for every change, no critical rule skipped or lowered, the gate
// never partial, and every report showing what was changed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/types.js';
import { AS_OF, ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin/tuanthu.js');
const FAIL = join(ROOT, 'examples/province-land-portal/system.yaml');
let dir: string;

function run(args: string[]) {
  return execa('node', [BIN, ...args, '--as-of', AS_OF, '--lang', 'en'], {
    cwd: ROOT,
    reject: false,
    extendEnv: false,
    env: { PATH: process.env.PATH ?? '' },
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tuanthu-rules-'));
  writeFileSync(
    join(dir, 'settings.yaml'),
    [
      'severity:',
      '  - rule: CRY-01',
      '    severity: low',
      '    reason: encryption at rest is tracked by the ministry programme',
      '  - rule: vul-03',
      '    severity: critical',
      '    reason: the ministry treats a late assessment as critical',
      'rules:',
      '  skip:',
      '    - rule: GOV-02',
      '      reason: the plan is filed at ministry level',
    ].join('\n'),
  );
});

describe('severity overrides and skipped rules', () => {
  it('change the findings, record the original severity and every reason in the JSON report', async () => {
    const r = await run(['check', FAIL, '--config', join(dir, 'settings.yaml'), '--format', 'json']);
    expect(r.exitCode).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.ruleSettings).toEqual({
      skip: [{ rule: 'GOV-02', reason: 'the plan is filed at ministry level' }],
      severity: [
        {
          rule: 'CRY-01',
          severity: 'low',
          from: 'high',
          reason: 'encryption at rest is tracked by the ministry programme',
        },
        {
          rule: 'VUL-03',
          severity: 'critical',
          from: 'medium',
          reason: 'the ministry treats a late assessment as critical',
        },
      ],
    });
    const findings = report.systems[0]!.findings;
    expect(findings.filter((f) => f.rule === 'CRY-01').map((f) => [f.severity, f.severityOverride?.from])).toEqual([
      ['low', 'high'],
    ]);
    expect(findings.find((f) => f.rule === 'VUL-03')?.severity).toBe('critical');
    expect(findings.some((f) => f.rule === 'GOV-02')).toBe(false);
    expect(report.systems[0]!.rules.find((x) => x.rule === 'GOV-02')).toMatchObject({
      outcome: 'not_applicable',
      reason: { code: 'skipped', text: 'skipped in this run: the plan is filed at ministry level' },
    });
  });

  it('decide the exit code: a lowered rule no longer fails the run at --fail-on', async () => {
    const high = await run(['check', FAIL, '--rule', 'CRY-01']);
    expect(high.exitCode).toBe(1);
    const lowered = await run(['check', FAIL, '--rule', 'CRY-01', '--config', join(dir, 'settings.yaml')]);
    expect(lowered.exitCode).toBe(0);
    expect(lowered.stdout).toContain('Rule settings:');
    expect(lowered.stdout).toContain('only CRY-01 evaluated: a partial check');
    expect(lowered.stdout).toContain(
      'CRY-01 severity high → low: encryption at rest is tracked by the ministry programme',
    );
    expect(lowered.stdout).toMatch(/low \(high →\) CRY-01/);
  });

  it('are shown in the Markdown, HTML and SARIF reports, and --skip-rule goes into the reproduce command', async () => {
    const out = mkdtempSync(join(tmpdir(), 'tuanthu-rules-out-'));
    const r = await run([
      'check',
      FAIL,
      '--skip-rule',
      'GOV-03=reported with the ministry',
      '--format',
      `markdown=${join(out, 'r.md')}`,
      '--format',
      `html=${join(out, 'r.html')}`,
      '--format',
      `sarif=${join(out, 'r.sarif')}`,
    ]);
    expect(r.stderr).toBe('');
    expect(readFileSync(join(out, 'r.md'), 'utf8')).toContain(
      '### Rule settings\n\n- GOV-03 skipped: reported with the ministry',
    );
    const page = readFileSync(join(out, 'r.html'), 'utf8');
    expect(page).toContain('GOV-03 skipped: reported with the ministry');
    expect(page).toContain('--skip-rule &#39;GOV-03=reported with the ministry&#39;');
    const sarif = JSON.parse(readFileSync(join(out, 'r.sarif'), 'utf8'));
    expect(sarif.runs[0].properties.ruleSettings).toEqual({
      skip: [{ rule: 'GOV-03', reason: 'reported with the ministry' }],
    });
    expect(sarif.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'GOV-03')).toBe(false);
  });
});

describe('governance', () => {
  it.each([
    [['check', FAIL, '--skip-rule', 'LVL-02=approved on paper'], 'LVL-02 is a critical rule: it cannot be skipped'],
    [['check', FAIL, '--skip-rule', 'GOV-02=\u200b '], 'skipping GOV-02 needs a reason'],
    [['check', FAIL, '--skip-rule', 'GOV-02'], 'give the reason after "="'],
    [['check', FAIL, '--rule', 'MNO-01'], 'unknown rule "MNO-01"; did you mean MON-01'],
    [['gate', FAIL, '--rule', 'MON-01'], 'the go-live gate evaluates every rule'],
  ])('refuses %j with exit 2', async (args, message) => {
    const r = await run(args);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('refuses to lower a critical rule, or a severity without a reason, in the configuration file', async () => {
    writeFileSync(
      join(dir, 'bad.yaml'),
      'severity:\n  - rule: MON-01\n    severity: high\n    reason: linked soon\n  - rule: GOV-02\n    severity: info\n    reason: "\u200b"\n',
    );
    const r = await run(['check', FAIL, '--config', join(dir, 'bad.yaml')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.split('\n')).toEqual([
      'tuanthu: MON-01 is a critical rule: it cannot be lowered to high',
      'tuanthu: changing the severity of GOV-02 needs a reason',
    ]);
  });
});
