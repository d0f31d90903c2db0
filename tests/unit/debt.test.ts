// Pure functions behind waivers, baselines and the gate, tested around their boundaries.
import { describe, expect, it } from 'vitest';
import { applyBaseline } from '../../src/engine/baseline/compare.js';
import { baselineFromReport } from '../../src/model/baseline.js';
import { fingerprint, keyParams } from '../../src/engine/baseline/fingerprint.js';
import { exitCode, isBlocking } from '../../src/engine/exit-code.js';
import { gateVerdict } from '../../src/engine/gate.js';
import type { Finding, Report, Severity, SystemReport } from '../../src/model/types.js';
import { daysLeft, expiryStatus, isExpired } from '../../src/engine/waivers/expiry.js';
import { applyWaivers, waiverMatches, type WaiverContext } from '../../src/engine/waivers/match.js';
import type { Waiver } from '../../src/model/waiver.js';
import { invalidReason, sameName } from '../../src/engine/waivers/validity.js';

const HEAD = 'Lê Văn Cường';

function waiver(over: Partial<Waiver> = {}): Waiver {
  return {
    rule: 'BUD-02',
    system: 'sys-a',
    justification: 'a reason long enough',
    approvedBy: { name: 'Trần Thị Bình', title: 'Giám đốc' },
    approved: '2026-10-01',
    expires: '2026-12-31',
    location: { file: 'w.yaml', line: 3, column: 5 },
    ...over,
  };
}

function finding(rule: string, path: string, severity: Severity = 'high', over: Partial<Finding> = {}): Finding {
  const params = { msg: 'm' };
  return {
    rule,
    path,
    severity,
    ruleSeverity: severity,
    status: 'violation',
    params,
    location: { file: 'system.yaml', line: 1, column: 1 },
    message: '',
    title: '',
    remediation: '',
    clauses: [],
    fingerprint: fingerprint('sys-a', { rule, path, params }),
    ...over,
  };
}

function system(findings: Finding[], id = 'sys-a'): SystemReport {
  return {
    file: 'system.yaml',
    id,
    name: id,
    accountableHead: { name: HEAD },
    result: 'fail',
    metrics: {},
    findings,
    rules: [],
    inputs: [],
  };
}

const SEVERITY: Record<string, Severity> = { 'BUD-02': 'high', 'LVL-02': 'critical', 'SBD-02': 'high' };
const ctx = (over: Partial<WaiverContext> = {}): WaiverContext => ({
  asOf: '2026-11-23',
  maxDays: 180,
  lang: 'en',
  gate: false,
  ruleSeverity: (r) => SEVERITY[r],
  allWaivers: false,
  ...over,
});

describe('waiver expiry: valid through the expiry date inclusive', () => {
  it('has 0 days left and is still valid on its expiry date', () => {
    expect(daysLeft('2026-12-31', '2026-12-31')).toBe(0);
    expect(isExpired('2026-12-31', '2026-12-31')).toBe(false);
  });
  it('is expired the day after', () => {
    expect(daysLeft('2026-12-31', '2027-01-01')).toBe(-1);
    expect(isExpired('2026-12-31', '2027-01-01')).toBe(true);
    expect(expiryStatus('2026-12-31', '2027-01-01')).toBe('expired');
  });
  it('is expiring with 30 days or less left, active with 31', () => {
    expect(expiryStatus('2026-12-31', '2026-12-01')).toBe('expiring'); // 30 left
    expect(expiryStatus('2026-12-31', '2026-11-30')).toBe('active'); // 31 left
    expect(expiryStatus('2026-12-31', '2026-12-31')).toBe('expiring');
  });
  it('counts across leap days and year ends', () => {
    expect(daysLeft('2028-03-01', '2028-02-28')).toBe(2);
    expect(daysLeft('2027-01-01', '2026-12-31')).toBe(1);
  });
});

describe('waiver validity', () => {
  // Explicit arguments: an `undefined` rule severity or head is itself a case under test.
  const v = (
    w: Waiver,
    ...args:
      | []
      | [Severity | undefined]
      | [Severity | undefined, string | undefined]
      | [Severity | undefined, string | undefined, number]
  ) => {
    const [rule, head, maxDays] = [
      args.length > 0 ? args[0] : 'high',
      args.length > 1 ? args[1] : HEAD,
      args[2] ?? 180,
    ];
    return invalidReason(w, { asOf: '2026-11-23', maxDays, ruleSeverity: rule, accountableHead: head })?.code;
  };
  it('accepts exactly the maximum horizon and rejects one day more', () => {
    expect(v(waiver({ approved: '2026-07-01', expires: '2026-12-28' }))).toBeUndefined(); // 180 days
    expect(v(waiver({ approved: '2026-07-01', expires: '2026-12-29' }))).toBe('too-long'); // 181 days
    expect(v(waiver({ approved: '2026-10-01', expires: '2026-12-31' }), 'high', HEAD, 30)).toBe('too-long');
  });
  it('rejects a waiver that ends before it starts, or is approved after the evaluation date', () => {
    expect(v(waiver({ approved: '2026-10-01', expires: '2026-09-30' }))).toBe('expires-before-approved');
    expect(v(waiver({ approved: '2026-11-24' }))).toBe('approved-after-as-of');
    expect(v(waiver({ approved: '2026-11-23' }))).toBeUndefined();
  });
  it('requires the accountable head for critical rules only', () => {
    expect(v(waiver({ rule: 'LVL-02' }), 'critical')).toBe('critical-approver');
    expect(
      v(waiver({ rule: 'LVL-02', approvedBy: { name: HEAD, title: 'Phó Chủ tịch' } }), 'critical'),
    ).toBeUndefined();
    expect(v(waiver({ rule: 'LVL-02', approvedBy: { name: HEAD, title: 'x' } }), 'critical', undefined)).toBe(
      'critical-no-head',
    );
    expect(v(waiver(), 'high', undefined)).toBeUndefined();
  });
  it('rejects unknown rules', () => {
    expect(v(waiver({ rule: 'XYZ-99' }), undefined)).toBe('unknown-rule');
  });
  it('compares names across Unicode normalisation, spacing and case', () => {
    expect(sameName(HEAD.normalize('NFD'), ` lê  văn cường `)).toBe(true);
    expect(sameName(HEAD, 'Lê Văn Cương')).toBe(false);
  });
  it('never matches a blank or zero-width name, and treats a blank head as none', () => {
    expect(sameName(' ', ' ')).toBe(false);
    expect(sameName('\u200B', '\u200B\u2060')).toBe(false);
    expect(sameName(`Lê\u200B Văn Cường`, HEAD)).toBe(true);
    const blank = waiver({ rule: 'LVL-02', approvedBy: { name: '\u200B', title: 'x' } });
    expect(v(blank, 'critical', '\u200B ')).toBe('critical-no-head');
  });
});

describe('waiver matching', () => {
  it('matches rule and system, and the exact path when one is given', () => {
    const f = finding('SBD-02', '/design/security_component/approved');
    expect(waiverMatches(waiver({ rule: 'SBD-02' }), 'sys-a', f)).toBe(true);
    expect(waiverMatches(waiver({ rule: 'SBD-02', path: '/design/security_component/approved' }), 'sys-a', f)).toBe(
      true,
    );
    expect(waiverMatches(waiver({ rule: 'SBD-02', path: '/design/security_component/appraised' }), 'sys-a', f)).toBe(
      false,
    );
    expect(waiverMatches(waiver({ rule: 'SBD-02' }), 'sys-b', f)).toBe(false);
    expect(waiverMatches(waiver({ rule: 'BUD-02' }), 'sys-a', f)).toBe(false);
  });
  it('matches an IaC resource address given as the path', () => {
    expect(
      waiverMatches(waiver({ path: 'aws_s3_bucket.archive' }), 'sys-a', finding('BUD-02', 'aws_s3_bucket.archive')),
    ).toBe(true);
  });
});

describe('applyWaivers', () => {
  const sys = () => [
    system([finding('BUD-02', '/budget/lines'), finding('LVL-02', '/classification/approval', 'critical')]),
  ];
  it('applies an active waiver and leaves other findings alone', () => {
    const r = applyWaivers(sys(), [waiver()], ctx());
    expect(r.records[0]).toMatchObject({ status: 'active', matched: 1, daysLeft: 38 });
    expect(r.systems[0]!.findings[0]!.waiver).toMatchObject({ expires: '2026-12-31', daysLeft: 38 });
    expect(r.systems[0]!.findings[1]!.waiver).toBeUndefined();
  });
  it('applies on the expiry date and not the day after', () => {
    expect(applyWaivers(sys(), [waiver()], ctx({ asOf: '2026-12-31' })).records[0]!.status).toBe('expiring');
    const after = applyWaivers(sys(), [waiver()], ctx({ asOf: '2027-01-01' }));
    expect(after.records[0]).toMatchObject({ status: 'expired', reason: { code: 'expired' } });
    expect(after.systems[0]!.findings[0]!.waiver).toBeUndefined();
  });
  it('reports a waiver that matches nothing as stale', () => {
    const r = applyWaivers(sys(), [waiver({ path: '/nowhere' })], ctx());
    expect(r.records[0]).toMatchObject({ status: 'stale', matched: 0, reason: { code: 'no-match' } });
  });
  it('does not apply an invalid waiver, and says why', () => {
    const r = applyWaivers(sys(), [waiver({ rule: 'LVL-02' })], ctx());
    expect(r.records[0]).toMatchObject({ status: 'invalid', matched: 1, reason: { code: 'critical-approver' } });
    expect(r.records[0]!.reason!.text).toContain('accountable head Lê Văn Cường');
    expect(r.systems[0]!.findings[1]!.waiver).toBeUndefined();
  });
  it('ignores critical waivers at the go-live gate but keeps others', () => {
    const critical = waiver({ rule: 'LVL-02', approvedBy: { name: HEAD, title: 'Phó Chủ tịch' } });
    expect(applyWaivers(sys(), [critical], ctx()).records[0]!.status).toBe('active');
    const gate = applyWaivers(sys(), [critical, waiver()], ctx({ gate: true }));
    expect(gate.records.map((r) => r.status)).toEqual(['gate-ignored', 'active']);
    expect(gate.systems[0]!.findings.map((f) => Boolean(f.waiver))).toEqual([true, false]);
  });
  it('leaves out waivers of systems not in the run unless asked', () => {
    expect(applyWaivers(sys(), [waiver({ system: 'other' })], ctx()).records).toEqual([]);
    expect(applyWaivers(sys(), [waiver({ system: 'other' })], ctx({ allWaivers: true })).records[0]).toMatchObject({
      status: 'stale',
      reason: { code: 'unknown-system' },
    });
  });
  it('lets the first applicable waiver carry the finding; the second is not stale', () => {
    const r = applyWaivers(
      sys(),
      [waiver({ justification: 'first one here' }), waiver({ justification: 'second one here' })],
      ctx(),
    );
    expect(r.systems[0]!.findings[0]!.waiver!.justification).toBe('first one here');
    expect(r.records.map((x) => x.status)).toEqual(['active', 'active']);
  });
  it('does not modify its input', () => {
    const input = sys();
    applyWaivers(input, [waiver()], ctx());
    expect(input[0]!.findings[0]!.waiver).toBeUndefined();
  });
});

describe('fingerprint', () => {
  const base = {
    rule: 'BUD-02',
    path: '/budget/lines',
    params: { msg: 'below', share_pct: 0, currency: 'VND', total: 100 },
  };
  it('is 32 hex characters and ignores figures and dates', () => {
    const a = fingerprint('sys-a', base);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(
      fingerprint('sys-a', {
        ...base,
        params: { ...base.params, share_pct: 4.2, total: 999, since: '2026-01-01', due: '2026-06-30' },
      }),
    ).toBe(a);
  });
  it('changes with rule, system, path, message key and text params', () => {
    const a = fingerprint('sys-a', base);
    expect(fingerprint('sys-b', base)).not.toBe(a);
    expect(fingerprint('sys-a', { ...base, rule: 'BUD-01' })).not.toBe(a);
    expect(fingerprint('sys-a', { ...base, path: '/budget' })).not.toBe(a);
    expect(fingerprint('sys-a', { ...base, params: { ...base.params, msg: 'other' } })).not.toBe(a);
    expect(fingerprint('sys-a', { ...base, params: { ...base.params, currency: 'USD' } })).not.toBe(a);
  });
  it('takes only text, non-date params as key params, sorted', () => {
    expect(keyParams({ z: 'b', a: 'a', n: 1, d: '2026-01-01', msg: 'm', due: 'x' })).toEqual([
      ['a', 'a'],
      ['z', 'b'],
    ]);
  });
});

describe('baseline', () => {
  const a = finding('BUD-02', '/budget/lines');
  const b = finding('LVL-02', '/classification/approval', 'critical');
  const c = finding('SBD-01', '/design/security_component', 'critical');
  const baseline = baselineFromReport({
    asOf: '2026-11-01',
    systems: [system([a, b, finding('MON-01', '/monitoring', 'critical', { status: 'due', severity: 'info' })])],
  });
  it('records violations only, not due or waived findings', () => {
    expect(baseline.findings.map((f) => f.rule)).toEqual(['BUD-02', 'LVL-02']);
    const waived = baselineFromReport({ asOf: 'x', systems: [system([{ ...a, waiver: {} as Finding['waiver'] }])] });
    expect(waived.findings).toEqual([]);
  });
  it('marks existing and new violations and lists the fixed ones', () => {
    const r = applyBaseline([system([b, c])], baseline, 'b.json');
    expect(r.systems[0]!.findings.map((f) => f.baseline)).toEqual(['existing', 'new']);
    expect(r.summary).toMatchObject({ new: 1, existing: 1, fixed: [{ rule: 'BUD-02', system: 'sys-a' }] });
  });
  it('does not call findings of systems outside the run fixed', () => {
    const r = applyBaseline([system([], 'sys-b')], baseline, 'b.json');
    expect(r.summary.fixed).toEqual([]);
  });
  it('needs one baseline entry per identical finding', () => {
    const r = applyBaseline([system([a, { ...a }])], baseline, 'b.json');
    expect(r.systems[0]!.findings.map((f) => f.baseline)).toEqual(['existing', 'new']);
  });
});

describe('blocking and the gate verdict', () => {
  it('does not block on waived findings or findings in the baseline', () => {
    expect(isBlocking(finding('BUD-02', '/x'), 'high')).toBe(true);
    expect(isBlocking(finding('BUD-02', '/x', 'high', { waiver: {} as Finding['waiver'] }), 'high')).toBe(false);
    expect(isBlocking(finding('BUD-02', '/x', 'high', { baseline: 'existing' }), 'high')).toBe(false);
    expect(isBlocking(finding('BUD-02', '/x', 'high', { baseline: 'new' }), 'high')).toBe(true);
  });
  const report = (findings: Finding[], errors = 0) =>
    ({
      asOf: '2026-11-23',
      failOn: 'high',
      errors: Array.from({ length: errors }, () => ({ file: 'x', code: 'c', message: 'm' })),
      systems: [system(findings)],
      waivers: [],
    }) as unknown as Report;
  it('exits 0 when every failing finding is waived', () => {
    expect(exitCode(report([finding('BUD-02', '/x', 'high', { waiver: {} as Finding['waiver'] })]))).toBe(0);
  });
  it('says go when nothing blocks, no-go otherwise, and nothing on input errors', () => {
    expect(gateVerdict(report([])).go).toBe(true);
    const no = gateVerdict(report([finding('LVL-02', '/classification/approval', 'critical')]));
    expect(no.go).toBe(false);
    expect(no.systems[0]!.blocking.map((f) => f.rule)).toEqual(['LVL-02']);
    expect(gateVerdict(report([], 1)).go).toBeUndefined();
  });
});
