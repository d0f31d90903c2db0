// End to end through the built CLI: BUD-04 judges each owning agency (system.owner) over its
// systems in the run — the budget-weighted average KH04:IV.5 ("bình quân") and CT57:3.đ speak of —
// while BUD-02 stays the per-project share (TB06:III.5, TTg:1.đ). Report.agencies, agency waivers,
// the streamed JSON path and the go-live gate (per system) are checked here.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { AS_OF, ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin/tuanthu.js');
// A descriptor that meets every rule but the budget ones (tests/fixtures/waivers/budget: BUD-02 only).
const BASE = parse(readFileSync(join(ROOT, 'tests/fixtures/waivers/budget/system.yaml'), 'utf8')) as Record<
  string,
  Record<string, unknown>
>;

const reportSchema = new Ajv2020({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(join(ROOT, 'schemas/report.schema.json'), 'utf8')),
);

interface JFinding {
  rule: string;
  status: string;
  path: string;
  message: string;
  params: Record<string, unknown>;
  location: { file: string; line: number };
  waiver?: unknown;
}
interface JEntry {
  id: string;
  file: string;
  owner?: string;
  result: string;
  systems?: number;
  inputs: unknown[];
  findings: JFinding[];
  rules: Array<{ rule: string; outcome: string; reason?: { code: string } }>;
}
interface JReport {
  systems: JEntry[];
  agencies?: JEntry[];
  summary: { systems: number; failed: number; findings: Record<string, number>; unknown: number; waived: number };
  errors: unknown[];
}

/** A security line and a development line so that security is `pct`% of `total` (no budget when total is 0). */
function budget(total: number, pct: number, currency = 'VND') {
  if (total === 0) return undefined;
  const security = (total * pct) / 100;
  return {
    currency,
    lines: [
      { item: 'Phát triển phần mềm', amount: total - security, category: 'development' },
      { item: 'Giám sát an ninh mạng 24/7', amount: security, category: 'security' },
    ],
  };
}

interface Sys {
  id: string;
  owner: string;
  total: number;
  pct: number;
  currency?: string;
}

/** Writes one descriptor per system into a new folder; returns the folder. */
function portfolio(systems: Sys[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'tuanthu-agency-'));
  for (const s of systems) {
    const doc: Record<string, unknown> = { ...BASE, system: { ...BASE.system, id: s.id, owner: s.owner } };
    const b = budget(s.total, s.pct, s.currency);
    if (b) doc.budget = b;
    else delete doc.budget;
    writeFileSync(join(dir, `${s.id}.yaml`), stringify(doc));
  }
  return dir;
}

function run(args: string[], cwd = ROOT) {
  return execa('node', [BIN, ...args], { cwd, reject: false, env: { NO_COLOR: '1', LANG: 'C' } });
}

async function check(dir: string, extra: string[] = []): Promise<{ exitCode: number; report: JReport; dir: string }> {
  const r = await run(['check', dir, '--as-of', AS_OF, '--lang', 'en', '--format', 'json', ...extra]);
  const report = JSON.parse(r.stdout) as JReport;
  expect(reportSchema(report), JSON.stringify(reportSchema.errors)).toBe(true);
  return { exitCode: r.exitCode ?? -1, report, dir };
}

const agency = (r: JReport, owner: string) => r.agencies!.find((a) => a.owner === owner)!;
const outcome = (e: JEntry, rule: string) => e.rules.find((x) => x.rule === rule)!;

const ALPHA = 'Bộ Alpha';
const BETA = 'Sở Beta tỉnh Gamma';
// Alpha: one system below 15% (BUD-02 fails on it), the average over the three passes (15.3%).
// Beta: a small system far above and a large one below; unweighted the shares average 30%, weighted
// by budget 13.6% (150 of 1,100): the agency fails BUD-04 though one of its systems passes BUD-02.
const TWO_AGENCIES: Sys[] = [
  { id: 'alpha-a', owner: ALPHA, total: 1000, pct: 10 },
  { id: 'alpha-b', owner: ALPHA, total: 1000, pct: 16 },
  { id: 'alpha-c', owner: ALPHA, total: 1000, pct: 20 },
  { id: 'beta-big', owner: BETA, total: 1000, pct: 10 },
  { id: 'beta-small', owner: BETA, total: 100, pct: 50 },
];

describe('BUD-04: the agency average', () => {
  it('judges two agencies in one run apart, budget-weighted, beside the per-project BUD-02', async () => {
    const dir = portfolio(TWO_AGENCIES);
    const { exitCode, report } = await check(dir);
    expect(exitCode).toBe(1);
    expect(report.agencies!.map((a) => [a.id, a.systems, a.result])).toEqual([
      ['agency:Bộ Alpha', 3, 'pass'],
      ['agency:Sở Beta tỉnh Gamma', 2, 'fail'],
    ]);
    // Per project: the systems below 15% fail BUD-02, the others pass it; BUD-04 is never judged per system.
    const bud02 = Object.fromEntries(report.systems.map((s) => [s.id, outcome(s, 'BUD-02').outcome]));
    expect(bud02).toEqual({
      'alpha-a': 'fail',
      'alpha-b': 'pass',
      'alpha-c': 'pass',
      'beta-big': 'fail',
      'beta-small': 'pass',
    });
    for (const s of report.systems) {
      expect(outcome(s, 'BUD-04')).toMatchObject({ outcome: 'not_applicable', reason: { code: 'agency' } });
      expect(s.findings.some((f) => f.rule === 'BUD-04')).toBe(false);
    }
    const alpha = agency(report, ALPHA);
    expect(alpha.findings).toEqual([]);
    expect(alpha.rules).toEqual([{ rule: 'BUD-04', outcome: 'pass' }]);
    const beta = agency(report, BETA);
    expect(beta.findings).toHaveLength(1);
    expect(beta.findings[0]).toMatchObject({
      rule: 'BUD-04',
      status: 'violation',
      path: '/system/owner',
      params: { systems: 2, share_pct: 13.6, security: 150, total: 1100, min_pct: 15, currency: 'VND' },
      // Located where the first of its descriptors (in file order) names the agency.
      location: { file: expect.stringMatching(/beta-big\.yaml$/) },
    });
    // The finding says what it is an average of, and over how many systems of this run.
    expect(beta.findings[0]!.message).toBe(
      'Average of Sở Beta tỉnh Gamma over its systems in this run (2): security is 13.6% of the IT budget (150 of 1,100 VND); at least 15% is required.',
    );
    // An agency is counted with the findings, not with the systems.
    expect(report.summary.systems).toBe(5);
    expect(report.summary.failed).toBe(2);

    const text = await run(['check', dir, '--as-of', AS_OF, '--lang', 'en']);
    expect(text.stdout).toContain('✔ PASS Agency Bộ Alpha (average over its systems in this run: 3)');
    expect(text.stdout).toContain('✖ FAIL Agency Sở Beta tỉnh Gamma (average over its systems in this run: 2)');
    const vi = await run(['check', dir, '--as-of', AS_OF, '--lang', 'vi']);
    expect(vi.stdout).toContain(
      'Bình quân của Sở Beta tỉnh Gamma trên các hệ thống trong lần kiểm tra này (2): kinh phí an ninh mạng chiếm 13,6%',
    );
  });

  it('fails the run on the agency alone when the per-project shortfall is waived; the gate stays per system', async () => {
    // Beta's large system has a waiver for BUD-02 (high: the gate honours it), not for BUD-04.
    const dir = portfolio(TWO_AGENCIES.filter((s) => s.owner === BETA));
    writeFileSync(
      join(dir, 'tuanthu.waivers.yaml'),
      stringify({
        waivers: [
          {
            rule: 'BUD-02',
            system: 'beta-big',
            path: '/budget/lines',
            justification: 'The 2027 contract raises this project above 15%.',
            approved_by: { name: 'Nguyễn Văn An', title: 'Thứ trưởng' },
            approved: '2026-10-01',
            expires: '2027-03-01',
          },
        ],
      }),
    );
    const { exitCode, report } = await check(dir);
    expect(report.systems.map((s) => s.result)).toEqual(['pass', 'pass']);
    expect(agency(report, BETA).result).toBe('fail');
    expect(exitCode).toBe(1);
    // The go-live gate decides per system (each project's own duties, BUD-02 among them): both may go live.
    const gate = await run(['gate', dir, '--as-of', AS_OF, '--format', 'json']);
    expect(gate.exitCode).toBe(0);
    const verdict = JSON.parse(gate.stdout) as { go: boolean; systems: Array<{ id: string; go: boolean }> };
    expect(verdict.go).toBe(true);
    expect(verdict.systems.map((s) => s.id)).toEqual(['beta-big', 'beta-small']);
  });

  it('judges a single system as its agency, and says the average is over one system', async () => {
    const { exitCode, report } = await check(portfolio([{ id: 'solo', owner: ALPHA, total: 1000, pct: 12 }]));
    expect(exitCode).toBe(1);
    expect(agency(report, ALPHA)).toMatchObject({ id: 'agency:Bộ Alpha', systems: 1, result: 'fail', inputs: [] });
    expect(agency(report, ALPHA).findings[0]!.message).toContain('over its systems in this run (1)');
    expect(outcome(report.systems[0]!, 'BUD-02').outcome).toBe('fail');
  });

  it('gives unknown, never a pass or a violation, for mixed currencies and for a system without a budget', async () => {
    const mixed = await check(
      portfolio([
        { id: 'alpha-vnd', owner: ALPHA, total: 1000, pct: 20 },
        { id: 'alpha-usd', owner: ALPHA, total: 1000, pct: 20, currency: 'USD' },
      ]),
    );
    const a = agency(mixed.report, ALPHA);
    expect(a.findings.map((f) => [f.rule, f.status, f.params.currencies])).toEqual([['BUD-04', 'unknown', 'USD, VND']]);
    expect(a.rules).toEqual([{ rule: 'BUD-04', outcome: 'unknown' }]);
    // Nothing could be judged of the agency: its verdict is unknown, never PASS, and does not fail the run.
    expect(a.result).toBe('unknown');
    expect(mixed.exitCode).toBe(0);

    const partial = await check(
      portfolio([
        { id: 'alpha-a', owner: ALPHA, total: 1000, pct: 20 },
        { id: 'alpha-none', owner: ALPHA, total: 0, pct: 0 },
      ]),
    );
    const p = agency(partial.report, ALPHA);
    expect(p.findings).toMatchObject([
      { rule: 'BUD-04', status: 'unknown', params: { systems: 2, missing: 1, counted: 1, share_pct: 20 } },
    ]);
    expect(p.findings[0]!.message).toBe(
      "Systems of Bộ Alpha in this run without an IT budget (budget.lines): 1 of 2; the agency's average is unknown (over the others, 1, it is 20%).",
    );
    expect(p.rules).toEqual([{ rule: 'BUD-04', outcome: 'unknown' }]);
    expect(p.result).toBe('unknown');
    expect(partial.report.summary.unknown).toBeGreaterThanOrEqual(1);
    const text = await run(['check', partial.dir, '--as-of', AS_OF, '--lang', 'en']);
    expect(text.stdout).toContain('? UNKNOWN Agency Bộ Alpha (average over its systems in this run: 2)');
    expect(text.stdout).toContain('Rules: 0 passed, 0 failed, 0 due, 1 unknown, 0 not applicable');
  });

  it('takes a waiver by agency, shows the finding as waived, and rejects a waiver naming both or neither', async () => {
    const dir = portfolio(TWO_AGENCIES.filter((s) => s.owner === BETA));
    const waiver = {
      rule: 'BUD-04',
      agency: BETA,
      justification: "The department's 2027 IT plan brings its systems above 15% together.",
      approved_by: { name: 'Nguyễn Văn An', title: 'Giám đốc Sở' },
      approved: '2026-10-01',
      expires: '2027-03-01',
    };
    writeFileSync(join(dir, 'tuanthu.waivers.yaml'), stringify({ waivers: [waiver] }));
    const { report } = await check(dir);
    const beta = agency(report, BETA);
    expect(beta.result).toBe('pass');
    expect(beta.findings[0]).toMatchObject({ rule: 'BUD-04', status: 'violation', waiver: { expires: '2027-03-01' } });
    expect(report.summary.waived).toBe(1);
    const text = await run(['check', dir, '--as-of', AS_OF, '--lang', 'en']);
    expect(text.stdout).toMatch(/waived \(high\) BUD-04/);

    writeFileSync(
      join(dir, 'tuanthu.waivers.yaml'),
      stringify({
        waivers: [
          { ...waiver, system: 'beta-big' },
          { ...waiver, agency: undefined },
        ],
      }),
    );
    const bad = await run(['check', dir, '--as-of', AS_OF, '--lang', 'en']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stdout).toMatch(/"waivers\.0\.system" is not allowed here: give either system or agency, not both/);
    expect(bad.stdout).toMatch(/"waivers\.1" is missing the required field "system"/);
  });

  it('gives the same agencies on the streamed JSON path as on the whole report', async () => {
    const dir = portfolio(TWO_AGENCIES);
    // The reports go elsewhere: a JSON file in the folder checked would be an input of the next run.
    const out = mkdtempSync(join(tmpdir(), 'tuanthu-agency-out-'));
    const streamed = join(out, 'streamed.json');
    const whole = join(out, 'whole.json');
    for (const jobs of ['1', '2']) {
      const args = ['check', dir, '--as-of', AS_OF, '--lang', 'en', '--jobs', jobs];
      const a = await run([...args, '--format', `json=${streamed}`]);
      // A second format makes the CLI take the whole report.
      const b = await run([...args, '--format', `json=${whole}`, '--format', `text=${join(out, 'out.txt')}`]);
      expect(a.exitCode).toBe(1);
      expect(b.exitCode).toBe(1);
      const s = JSON.parse(readFileSync(streamed, 'utf8')) as JReport;
      const w = JSON.parse(readFileSync(whole, 'utf8')) as JReport;
      expect(s.agencies).toEqual(w.agencies);
      expect(s.agencies!.map((x) => [x.id, x.result])).toEqual([
        ['agency:Bộ Alpha', 'pass'],
        ['agency:Sở Beta tỉnh Gamma', 'fail'],
      ]);
    }
  });

  it('groups one agency however its name is spaced or composed, named as its first descriptor writes it', async () => {
    // Decomposed "ộ" (o + U+0323 + U+0302), a no-break space and a trailing space, a zero-width space.
    const decomposed = ALPHA.normalize('NFD');
    expect(decomposed).not.toBe(ALPHA);
    const dir = portfolio([
      { id: 'alpha-a', owner: ALPHA, total: 1000, pct: 10 },
      { id: 'alpha-b', owner: `${decomposed.replace(' ', '\u00a0')} `, total: 1000, pct: 10 },
      { id: 'alpha-c', owner: `Bộ\u200b  Alpha`, total: 1000, pct: 10 },
    ]);
    const waiver = {
      rule: 'BUD-04',
      agency: ` ${decomposed}`,
      justification: 'The ministry plans its systems above 15% together in its 2027 IT plan.',
      approved_by: { name: 'Nguyễn Văn An', title: 'Bộ trưởng' },
      approved: '2026-10-01',
      expires: '2027-03-01',
    };
    writeFileSync(join(dir, 'tuanthu.waivers.yaml'), stringify({ waivers: [waiver] }));
    const { report } = await check(dir);
    expect(report.agencies!.map((a) => [a.id, a.owner, a.systems, a.result])).toEqual([
      ['agency:Bộ Alpha', ALPHA, 3, 'pass'],
    ]);
    // The waiver, written with another spelling, is matched to the agency's 10% shortfall, not left stale.
    expect(report.agencies![0]!.findings[0]).toMatchObject({ rule: 'BUD-04', status: 'violation', waiver: {} });
    expect(report.summary.waived).toBe(1);
    expect(JSON.stringify(report)).not.toContain('unknown-agency');
  });

  it('leaves the agencies out when --skip-rule drops the agency rule', async () => {
    const dir = portfolio(TWO_AGENCIES.filter((s) => s.owner === BETA));
    const skipped = await check(dir, ['--skip-rule', 'BUD-04=judged by the ministry']);
    expect(skipped.report.agencies).toBeUndefined();
  });
});
