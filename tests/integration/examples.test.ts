// End to end over examples/: each system, checked by the built CLI as of 2026-11-23, gets exactly
// the findings pinned here (rule and status, one entry per finding). After the other half of the
// catalogue lands, the integrator updates these lists with what the merged rules report.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { AS_OF, mergePatch, ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin/tuanthu.js');

interface JsonReport {
  systems: Array<{
    id: string;
    result: string;
    metrics: Record<string, unknown>;
    findings: Array<{ rule: string; status: string; params: Record<string, unknown> }>;
    rules: Array<{ rule: string; outcome: string; reason?: { code: string; text: string } }>;
  }>;
  errors: unknown[];
}

// One CLI run per (file, date), shared by the tests that read it.
const runs = new Map<string, Promise<{ exitCode: number; report: JsonReport }>>();
function check(path: string, asOf = AS_OF): Promise<{ exitCode: number; report: JsonReport }> {
  const key = `${path}@${asOf}`;
  if (!runs.has(key)) runs.set(key, runCli(path, asOf));
  return runs.get(key)!;
}

async function runCli(path: string, asOf: string): Promise<{ exitCode: number; report: JsonReport }> {
  const r = await execa('node', [BIN, 'check', path, '--as-of', asOf, '--format', 'json', '--lang', 'en'], {
    cwd: ROOT,
    reject: false,
  });
  return { exitCode: r.exitCode ?? -1, report: JSON.parse(r.stdout) as JsonReport };
}

const pinned: Record<string, { id: string; exit: number; findings: string[] }> = {
  'examples/mof-public-services/system.yaml': { id: 'mof-public-services', exit: 0, findings: [] },
  'examples/province-land-portal/system.yaml': {
    id: 'tinh-ha-nam-dat-dai',
    exit: 1,
    findings: [
      'AWS-KMS-01 violation',
      'AWS-LOG-01 violation',
      'AWS-LOG-02 violation',
      'AWS-NET-01 violation',
      'AWS-NET-01 violation',
      'AWS-RDS-01 violation',
      'AWS-RDS-02 violation',
      'AWS-RDS-02 violation',
      'AWS-RDS-03 violation',
      'AWS-S3-01 violation',
      'AWS-S3-02 violation',
      'AWS-S3-03 violation',
      'AWS-TLS-01 violation',
      'BUD-01 violation',
      'BUD-02 violation',
      'CRY-01 violation',
      'CRY-02 violation',
      'CRY-05 violation',
      'DAT-01 violation',
      'DAT-01 violation',
      'DAT-02 violation',
      'GOV-02 violation',
      'GOV-03 violation',
      'GOV-04 violation',
      'HST-01 violation',
      'HST-03 violation',
      'HST-04 violation',
      'IAC-LOC-01 violation',
      'IAC-LOC-01 violation',
      'IAC-LOC-01 violation',
      'IAC-X-01 violation',
      'IAC-X-01 violation',
      'IAC-X-01 violation',
      'IAC-X-01 violation',
      'IDN-01 violation',
      'IDN-02 violation',
      'IRP-01 violation',
      'IRP-02 violation',
      'IRP-03 violation',
      'IRP-04 violation',
      'IRP-05 violation',
      'LVL-02 violation',
      'LVL-03 violation',
      'LVL-04 violation',
      'MON-01 violation',
      'MON-04 violation',
      'MON-05 violation',
      'MON-06 violation',
      'PL4-01 violation',
      'PL4-03 violation',
      'PRT-01 due',
      'PRT-02 due',
      'SBD-03 due',
      'STF-01 violation',
      'STF-02 violation',
      'SUP-01 violation',
      'SUP-02 violation',
      'SUP-03 violation',
      'SUP-04 violation',
      'VUL-01 violation',
      'VUL-01 violation', // a medium one past the recommended 90 days: a recommendation (low)
      'VUL-02 violation',
      'VUL-03 violation',
    ],
  },
  'examples/bca-population-database/system.yaml': {
    id: 'bca-csdl-dan-cu',
    exit: 1, // VUL-01 is critical
    findings: ['CRY-04 violation', 'SUP-02 violation', 'VUL-01 violation'],
  },
  'examples/ninh-binh-so-noi-vu-van-ban/system.yaml': {
    id: 'ninh-binh-snv-qlvb',
    exit: 0, // low and info only
    findings: ['BUD-03 violation', 'SUP-02 violation', 'SUP-03 violation'],
  },
  'examples/bqp-quan-khu-3-hau-can/system.yaml': { id: 'bqp-qk3-hau-can', exit: 0, findings: [] },
  // Domestic clouds and OpenStack, judged through policies/tuanthu/clouds/data.yaml.
  'examples/vngcloud-portal/system.yaml': { id: 'vngcloud-cong-dvc-tinh', exit: 0, findings: [] },
  'examples/bizfly-portal/system.yaml': { id: 'bizfly-cong-du-lieu-mo', exit: 1, findings: ['CLD-PUB-01 violation'] },
  'examples/cmccloud-portal/system.yaml': { id: 'cmccloud-cong-dvc-bo', exit: 0, findings: [] },
  'examples/fptcloud-portal/system.yaml': { id: 'fptcloud-cong-dvc-bo', exit: 1, findings: ['CLD-NET-01 violation'] },
  'examples/viettelidc-portal/system.yaml': {
    id: 'viettelidc-cong-dvc-bo',
    exit: 1,
    findings: ['CLD-NET-01 violation'],
  },
  'examples/openstack-private-cloud/system.yaml': {
    id: 'openstack-qlvb-bo',
    exit: 1,
    findings: ['CLD-ENC-01 unknown', 'CRY-02 violation', 'DAT-01 violation', 'HST-03 violation'],
  },
};

describe('docs/descriptor.md', () => {
  // The examples table: a row that names rules names every rule pinned for that example, and no other.
  const doc = readFileSync(join(ROOT, 'docs/descriptor.md'), 'utf8');
  const rows = new Map([...doc.matchAll(/^\| `([\w-]+)` \|[^|]*\|([^|]*)\|$/gm)].map((m) => [m[1]!, m[2]!] as const));
  it.each(Object.entries(pinned))('%s: the row names the pinned rules', (file, want) => {
    const row = rows.get(file.split('/')[1]!);
    expect(row, file).toBeDefined();
    const named = new Set(row!.match(/\b[A-Z]{2,4}(?:-[A-Z0-9]+)*-\d{2}\b/g) ?? []);
    if (named.size === 0) return; // a row that summarises ("fails (descriptor and IaC)")
    const failing = new Set(want.findings.map((f) => f.split(' ')[0]!));
    for (const r of failing) expect([...named], `${file}: ${r}`).toContain(r);
  });

  it('cites test files that exist', () => {
    for (const m of doc.matchAll(/`(tests\/[\w./-]+\.ts)`/g)) expect(existsSync(join(ROOT, m[1]!)), m[1]).toBe(true);
  });
});

describe.each(Object.entries(pinned))('%s', (file, want) => {
  it(`gets exactly its pinned findings as of ${AS_OF}`, async () => {
    const { exitCode, report } = await check(file);
    expect(report.errors).toEqual([]);
    expect(report.systems.map((s) => s.id)).toEqual([want.id]);
    expect(report.systems[0]!.findings.map((f) => `${f.rule} ${f.status}`).sort()).toEqual(want.findings);
    expect(exitCode).toBe(want.exit);
  });

  it('explains every rule that does not apply in words, not a bare code', async () => {
    const { report } = await check(file);
    for (const r of report.systems[0]!.rules.filter((x) => x.outcome === 'not_applicable')) {
      expect(r.reason?.text, `${r.rule} reason ${r.reason?.code}`).not.toBe(r.reason?.code);
    }
  });
});

describe('what the examples show', () => {
  it('judges the domestic clouds and OpenStack from their code, not by default', async () => {
    const outcome = async (file: string, rule: string) =>
      (await check(file)).report.systems[0]!.rules.find((r) => r.rule === rule)?.outcome;
    // VNG Cloud: every concept has an attribute, all set; a pass is evidence, not "nothing to check".
    for (const rule of ['CLD-ENC-01', 'CLD-NET-01', 'CLD-PUB-01', 'IAC-LOC-01'])
      expect(await outcome('examples/vngcloud-portal/system.yaml', rule)).toBe('pass');
    // Bizfly: volumes have no encryption setting; the descriptor declares it, so CLD-ENC-01 passes.
    expect(await outcome('examples/bizfly-portal/system.yaml', 'CLD-ENC-01')).toBe('pass');
    const os = (await check('examples/openstack-private-cloud/system.yaml')).report.systems[0]!;
    const enc = os.findings.find((f) => f.rule === 'CLD-ENC-01');
    expect(enc?.params).toMatchObject({ provider: 'openstack', field: 'crypto.at_rest.encrypted' });
    expect(os.rules.find((r) => r.rule === 'CLD-PUB-01')?.outcome).toBe('pass');
    expect(os.rules.find((r) => r.rule === 'CLD-NET-01')?.outcome).toBe('pass');
    // Its region RegionOne is named by the ministry's operator; the descriptor places it in its data
    // centre (hosting.data_centres[].cloud_regions), so the location rules judge it.
    for (const rule of ['IAC-LOC-01', 'IAC-X-01'])
      expect(os.rules.find((r) => r.rule === rule)?.outcome, rule).toBe('pass');
    expect(await outcome('examples/bizfly-portal/system.yaml', 'CLD-NET-01')).toBe('pass');
    // CMC Cloud: the volume's key-management secret, the database's is_public, the security-group
    // rules and the region are all read from the code.
    for (const rule of ['CLD-ENC-01', 'CLD-NET-01', 'CLD-PUB-01', 'CLD-BAK-01', 'CLD-TLS-01', 'IAC-LOC-01'])
      expect(await outcome('examples/cmccloud-portal/system.yaml', rule)).toBe('pass');
    // FPT Cloud: sources = ["ALL"] is the whole Internet; the DROP rule on RDP is not an opening.
    const fpt = (await check('examples/fptcloud-portal/system.yaml')).report.systems[0]!;
    expect(fpt.findings.filter((f) => f.rule === 'CLD-NET-01').map((f) => f.params)).toEqual([
      expect.objectContaining({ address: 'fptcloud_security_group_rule.ssh', port: 22, cidr: 'ALL' }),
    ]);
    for (const rule of ['CLD-PUB-01', 'CLD-BAK-01', 'CLD-TLS-01', 'IAC-LOC-01'])
      expect(fpt.rules.find((r) => r.rule === rule)?.outcome).toBe('pass');
    // Viettel IDC: rules written by rule type take its port ("HTTP", "SSH" from the VPN pass); the
    // "Custom TCP" rule on 3306 is the one opening. The provider names no region and has no public
    // flag on its database: IAC-LOC-01 and IAC-X-01 read the code, CLD-PUB-01 has nothing to read.
    const vt = (await check('examples/viettelidc-portal/system.yaml')).report.systems[0]!;
    expect(vt.findings.filter((f) => f.rule === 'CLD-NET-01').map((f) => f.params)).toEqual([
      expect.objectContaining({ address: 'viettelidc_ovpc_security_group_rule.mysql_migration', port: 3306 }),
    ]);
    for (const rule of ['CLD-ENC-01', 'CLD-BAK-01', 'CLD-TLS-01', 'IAC-LOC-01', 'IAC-X-01'])
      expect(vt.rules.find((r) => r.rule === rule)?.outcome, rule).toBe('pass');
    expect(vt.rules.find((r) => r.rule === 'CLD-PUB-01')).toMatchObject({
      outcome: 'not_applicable',
      reason: { code: 'no_provider' },
    });
    // An AWS-only system: the CLD rules say why they do not apply.
    expect(await outcome('examples/mof-public-services/system.yaml', 'CLD-ENC-01')).toBe('not_applicable');
  });

  it('the defence system is exempt from MON-01 and sends its assessment to the Cipher Committee only', async () => {
    const s = (await check('examples/bqp-quan-khu-3-hau-can/system.yaml')).report.systems[0]!;
    expect(s.rules.find((r) => r.rule === 'MON-01')).toMatchObject({
      outcome: 'not_applicable',
      reason: { code: 'sector' },
    });
    expect(s.rules.find((r) => r.rule === 'VUL-03')).toMatchObject({ outcome: 'pass' });
    expect(s.rules.find((r) => r.rule === 'CRY-03')).toMatchObject({ outcome: 'pass' });
  });

  it('the level-2 internal system is outside the level-3 rules, not outside the investment ones', async () => {
    const s = (await check('examples/ninh-binh-so-noi-vu-van-ban/system.yaml')).report.systems[0]!;
    expect(s.rules.find((r) => r.rule === 'MON-01')).toMatchObject({
      outcome: 'not_applicable',
      reason: { code: 'level' },
    });
    // 57-CT/TW 3.đ: the domestic-product preference binds every public investment project, at any level.
    expect(s.rules.find((r) => r.rule === 'SUP-02')).toMatchObject({ outcome: 'fail' });
    expect(s.metrics.security_budget_domestic_certified_share_pct).toBe(0);
  });

  it('reports the computed figures: domestic share, vulnerability ages, days since assessment', async () => {
    const s = (await check('examples/bca-population-database/system.yaml')).report.systems[0]!;
    expect(s.metrics.security_budget_domestic_certified_share_pct).toBe(62.9);
    expect(s.metrics.days_since_vulnerability_assessment).toBe(177);
    expect(s.metrics.open_vulnerabilities).toEqual([
      { id: 'CVE-2026-31877', severity: 'high', found: '2026-10-05', age_days: 49, window_days: 30 },
      { id: 'CVE-2026-29001', severity: 'low', found: '2026-09-18', age_days: 66, window_days: null },
    ]);
    const vul = s.findings.find((f) => f.rule === 'VUL-01');
    expect(vul?.params).toMatchObject({ id: 'CVE-2026-31877', age_days: 49, window_days: 30 });
  });
});

describe('the cloud examples judged from their code', () => {
  // A concept is judged from code when its verdict stays decided (pass or fail) with every
  // declaration the CLD rules read taken out of the descriptor; where it becomes unknown, the
  // verdict rested on the declaration. The counts are pinned in docs/descriptor.md.
  const dir = mkdtempSync(join(tmpdir(), 'tuanthu-from-code-'));
  const undeclared = {
    crypto: { at_rest: { encrypted: null }, in_transit: null },
    incident_response: { recovery: { backups: null } },
    monitoring: { logs: null },
  };
  const strip = (example: string) => {
    const base = parse(readFileSync(join(ROOT, 'examples', example, 'system.yaml'), 'utf8')) as Record<string, unknown>;
    const f = join(dir, `${example}.yaml`);
    writeFileSync(
      f,
      stringify({ ...(mergePatch(base, undeclared) as object), iac: [join(ROOT, 'examples', example, 'iac')] }),
    );
    return f;
  };
  const concepts = ['CLD-ENC-01', 'CLD-PUB-01', 'CLD-NET-01', 'CLD-BAK-01', 'CLD-TLS-01', 'CLD-LOG-01', 'IAC-LOC-01'];
  const fromCode: Record<string, string[]> = {
    'vngcloud-portal': ['CLD-ENC-01', 'CLD-PUB-01', 'CLD-NET-01', 'CLD-BAK-01', 'CLD-TLS-01', 'IAC-LOC-01'],
    'bizfly-portal': ['CLD-PUB-01', 'CLD-NET-01', 'CLD-BAK-01', 'CLD-TLS-01', 'IAC-LOC-01'],
    'cmccloud-portal': ['CLD-PUB-01', 'CLD-NET-01', 'CLD-BAK-01', 'IAC-LOC-01'],
    'fptcloud-portal': ['CLD-PUB-01', 'CLD-NET-01', 'IAC-LOC-01'],
    'viettelidc-portal': ['CLD-NET-01', 'CLD-BAK-01', 'IAC-LOC-01'],
    'openstack-private-cloud': ['CLD-PUB-01', 'CLD-NET-01', 'CLD-TLS-01', 'IAC-LOC-01'],
  };
  it.each(Object.entries(fromCode))('%s: these concepts stay decided without the declarations', async (ex, want) => {
    const s = (await check(strip(ex))).report.systems[0]!;
    const decided = concepts.filter((c) => ['pass', 'fail'].includes(s.rules.find((r) => r.rule === c)?.outcome ?? ''));
    expect(decided).toEqual(want);
    // Whatever became unknown asks for a declaration, never for a value only apply knows.
    for (const f of s.findings.filter((x) => concepts.includes(x.rule) && x.status === 'unknown'))
      expect(f.params.msg, `${f.rule} ${JSON.stringify(f.params)}`).toBe('cannot_show');
  });

  it('judges part of a concept from code where the rest rests on a declaration', async () => {
    // FPT Cloud: the buckets' versioning and the listener's protocol are read from the code; only
    // the database's backups and the TLS minimum (no such attributes in the provider) are asked for.
    const fpt = (await check(strip('fptcloud-portal'))).report.systems[0]!;
    const asked = (s: typeof fpt, rule: string) =>
      s.findings.filter((f) => f.rule === rule).map((f) => `${f.params.msg} ${f.params.address}`);
    expect(asked(fpt, 'CLD-BAK-01')).toEqual(['cannot_show fptcloud_database.main']);
    expect(asked(fpt, 'CLD-TLS-01')).toEqual(['cannot_show fptcloud_load_balancer_v2_lb.portal']);
    // Viettel IDC: the load balancer's one listener is TERMINATED_HTTPS (not the default HTTP, which
    // would fail: the provider cannot redirect); only the TLS minimum is asked for.
    const vt = (await check(strip('viettelidc-portal'))).report.systems[0]!;
    expect(asked(vt, 'CLD-TLS-01')).toEqual(['cannot_show viettelidc_ovpc_load_balancer.web']);
    // CMC Cloud: the plain HTTP listener's redirect is read from its L7 policy.
    const cmc = (await check(strip('cmccloud-portal'))).report.systems[0]!;
    expect(asked(cmc, 'CLD-TLS-01')).toEqual(['cannot_show cmccloudv2_elb_listener.https']);
  });
});

describe('versioned thresholds end to end', () => {
  // vulnerability_fix_window_days has two versions: critical 15 days (practice) until 26/9/2025,
  // none allowed open from 27/9/2025 (06-TB/CQTTBCĐ III.3.c). The same six-day-old critical
  // vulnerability passes on the 26th and fails on the 27th.
  const dir = mkdtempSync(join(tmpdir(), 'tuanthu-thresholds-'));
  const base = parse(readFileSync(join(ROOT, 'examples/mof-public-services/system.yaml'), 'utf8')) as unknown;
  const write = (name: string, found: string) => {
    const f = join(dir, name);
    writeFileSync(
      f,
      stringify(
        mergePatch(base, { vulnerabilities: { open: [{ id: 'CVE-2025-0001', severity: 'critical', found }] } }),
      ),
    );
    return f;
  };

  it('--as-of picks the version in force', async () => {
    const before = (await check(write('before.yaml', '2025-09-20'), '2025-09-26')).report.systems[0]!;
    const after = (await check(write('after.yaml', '2025-09-21'), '2025-09-27')).report.systems[0]!;
    expect(before.rules.find((r) => r.rule === 'VUL-01')?.outcome).toBe('pass');
    expect(before.metrics.open_vulnerabilities).toEqual([
      { id: 'CVE-2025-0001', severity: 'critical', found: '2025-09-20', age_days: 6, window_days: 15 },
    ]);
    expect(after.rules.find((r) => r.rule === 'VUL-01')?.outcome).toBe('fail');
    expect(after.findings.find((f) => f.rule === 'VUL-01')?.params).toMatchObject({
      age_days: 6,
      window_days: 0,
      msg: 'not_allowed',
    });
  });
});
