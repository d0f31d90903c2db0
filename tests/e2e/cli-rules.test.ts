// End to end: `tuanthu rules` and `tuanthu explain`, run through the built CLI.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCatalogue } from '../../src/engine/catalogue.js';
import { ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin/tuanthu.js');
const run = (args: string[], env: Record<string, string> = {}) =>
  execa('node', [BIN, ...args], { cwd: ROOT, reject: false, env: { NO_COLOR: '1', LANG: 'C', ...env } });
const catalogue = loadCatalogue();

describe('tuanthu rules', () => {
  it('--by-clause prints the compliance matrix: item, requirement, rule, stage, date', async () => {
    const r = await run(['rules', '--by-clause', '--lang', 'en']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(
      [
        '04-KH/BCĐTW §V.1.m, item 10(1)  (due 2026-04-30)',
        '  Requires: Layer 1: an on-site force.',
        '  Checked by: PL4-01 (high; production; rule due 2026-04-30)',
      ].join('\n'),
    );
    expect(r.stdout).toMatch(
      /^Công điện TTg §4 {2}\(due 2025-12-31\)\n {2}Requires: .*\n {2}Duty of a national body: Ministry of Science and Technology\n {2}Cited as context by: HST-01$/m,
    );
    expect(r.stdout).toMatch(
      /^\d+ items: \d+ checked by rules, \d+ duties of national bodies, \d+ not checkable, \d+ not yet checked$/m,
    );
  });

  it('--by-clause speaks Vietnamese and writes JSON with one row per item', async () => {
    const vi = await run(['rules', '--by-clause'], { LANG: 'vi_VN.UTF-8' });
    expect(vi.stdout).toContain('Quy tắc kiểm tra: PL4-01 (cao; vận hành; hạn của quy tắc 2026-04-30)');
    const r = await run(['rules', '--by-clause', '--format', 'json', '--lang', 'en']);
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout);
    const units = [...(await import('../../src/engine/seeds.js')).loadSeeds().clauses.values()].reduce(
      (n, c) => n + (c.items?.length || 1),
      0,
    );
    expect(out.entries).toHaveLength(units);
    expect(out.summary.entries).toBe(units);
    const row = out.entries.find(
      (e: { clause: string; item: string | null }) => e.clause === 'KH04:V.1.m' && e.item === '7',
    );
    expect(row.decision).toBe('rules');
    expect(row.rules.map((x: { id: string }) => x.id)).toEqual(['IRP-02', 'MON-04']);
    expect(row).toMatchObject({ due: '2026-04-30', recurring: true });
    // A rule whose every cited item is a national body's duty is listed for the inspector.
    const only = out.context_only_rules.map((x: { id: string }) => x.id);
    expect(only).toContain('MON-02');
    for (const id of only)
      expect(out.entries.some((e: { rules: Array<{ id: string }> }) => e.rules.some((x) => x.id === id))).toBe(false);
  });

  it('--format markdown without --by-clause is a usage error', async () => {
    const r = await run(['rules', '--format', 'markdown']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--by-clause');
  });

  it('lists every rule with severity, stages, due date and clauses', async () => {
    const r = await run(['rules', '--lang', 'en']);
    expect(r.exitCode).toBe(0);
    for (const meta of catalogue.rules) expect(r.stdout).toContain(meta.id);
    expect(r.stdout).toMatch(
      /^MON-03 \(also PL4-02\)\s+high\s+production\s+2026-04-30\s+24\/7 security monitoring in place/m,
    );
    expect(r.stdout).toMatch(
      /^LVL-05\s+high\s+design, build, pre-production, production\s+—\s+Declared level not below/m,
    );
    expect(r.stdout).toContain('04-KH/BCĐTW §V.1.m; 57-CT/TW §3.c');
    expect(r.stdout).toContain(`${catalogue.rules.length} rule(s).`);
    expect(r.stdout).not.toMatch(/^PL4-02\b/m);
  });

  it('speaks Vietnamese', async () => {
    const r = await run(['rules'], { LANG: 'vi_VN.UTF-8' });
    expect(r.stdout).toContain('GIAI ĐOẠN');
    expect(r.stdout).toMatch(/^PL4-01\s+cao\s+vận hành\s+2026-04-30\s+Có lực lượng tại chỗ/m);
  });

  it('writes JSON for machines', async () => {
    const r = await run(['rules', '--format', 'json', '--lang', 'vi']);
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.lang).toBe('vi');
    expect(out.rules).toHaveLength(catalogue.rules.length);
    expect(out.rules.find((x: { id: string }) => x.id === 'MON-04')).toEqual({
      id: 'MON-04',
      aliases: ['PL4-04'],
      severity: 'high',
      title: 'Có kênh trao đổi thông tin với Bộ Công an (mô hình 4 lớp, lớp 4)',
      stages: ['production'],
      due: '2026-04-30',
      clauses: ['KH04:V.1.m', 'TB06:III.8.d(i)'],
      // 06-TB III.8.d(i) is the Ministry of Public Security's duty (seeds/coverage.yaml): context only.
      context_clauses: ['TB06:III.8.d(i)'],
      providers: [],
    });
  });

  // The providers come from the policies' data (scripts/build-policy.mjs), not from a list per rule: a
  // row added to clouds/data.yaml or locations/data.yaml must show here with no other edit.
  it('shows which providers each rule can judge, from the mapping data', async () => {
    const clouds = parse(readFileSync(join(ROOT, 'policies/tuanthu/clouds/data.yaml'), 'utf8')) as Record<
      string,
      unknown
    >;
    const locations = parse(readFileSync(join(ROOT, 'policies/tuanthu/locations/data.yaml'), 'utf8')) as {
      providers: Record<string, unknown>;
    };
    const rowsOf = (concept: string) =>
      [
        ...new Set(Object.values(clouds[concept] as Record<string, { provider: string }>).map((r) => r.provider)),
      ].sort();
    const r = await run(['rules', '--format', 'json', '--lang', 'en']);
    const rules = new Map(
      (JSON.parse(r.stdout).rules as { id: string; providers: string[] }[]).map((x) => [x.id, x.providers]),
    );
    expect(rules.get('CLD-ENC-01')).toEqual(rowsOf('volume_encryption'));
    expect(rules.get('CLD-PUB-01')).toEqual(rowsOf('public_exposure'));
    expect(rules.get('CLD-NET-01')).toEqual(rowsOf('admin_exposure'));
    expect(rules.get('CLD-ENC-01')).toContain('openstack');
    for (const id of ['IAC-LOC-01', 'IAC-X-01'])
      expect(rules.get(id)).toEqual(expect.arrayContaining(Object.keys(locations.providers)));
    for (const [id, ps] of rules) if (id.startsWith('AWS-')) expect(ps, id).toEqual(['aws']);
    expect(rules.get('MON-01')).toEqual([]);
    // Every concept with provider rows is read by some rule: a concept no rule names would judge nothing.
    const judged = new Set([...rules.values()].flat());
    for (const [concept, rows] of Object.entries(clouds)) {
      if (!rows || typeof rows !== 'object' || Array.isArray(rows)) continue;
      for (const row of Object.values(rows as Record<string, { provider?: string }>))
        if (row.provider) expect(judged.has(row.provider), `${concept}: ${row.provider}`).toBe(true);
    }
    const rulesPerConcept = Object.entries(clouds).filter(
      ([, rows]) => rows && typeof rows === 'object' && !Array.isArray(rows),
    );
    for (const [concept] of rulesPerConcept) {
      const claimed = catalogue.rules.some((m) =>
        readFileSync(join(ROOT, m.file), 'utf8')
          .split('\n')
          .some((l) => !l.trimStart().startsWith('#') && l.includes(`"${concept}"`)),
      );
      expect(claimed, `no rule reads the concept ${concept}`).toBe(true);
    }
    const text = await run(['rules', '--lang', 'en']);
    expect(text.stdout).toMatch(/^ID\s+SEVERITY\s+STAGES\s+DUE\s+PROVIDERS\s+TITLE\s+CLAUSES$/m);
    expect(text.stdout).toMatch(
      new RegExp(`^CLD-ENC-01\\s.*\\s${rowsOf('volume_encryption').join(', ')}\\s+Volumes`, 'm'),
    );
    const vi = await run(['rules'], { LANG: 'vi_VN.UTF-8' });
    expect(vi.stdout).toContain('NHÀ CUNG CẤP');
  });
});

describe('tuanthu explain', () => {
  it('shows what must hold, why, when, the deadline, the fix and a snippet', async () => {
    const r = await run(['explain', 'PL4-03', '--lang', 'en']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('PL4-03 · high · Independent periodic assessment within its period');
    expect(r.stdout).toContain('What must hold:\n  A unit independent of the operator assessed the system');
    expect(r.stdout).toContain('04-KH/BCĐTW §V.1.m — Ministries, agencies and provinces');
    expect(r.stdout).toContain('• item 10(3), due 2026-04-30: Four-layer model, layer 3');
    expect(r.stdout).toContain('57-CT/TW §3.c — ');
    expect(r.stdout).toContain('Stages: production');
    expect(r.stdout).toContain(
      'up to and including 2026-04-30 a gap is reported as due (severity info); from 2026-05-01 it is a high violation',
    );
    expect(r.stdout).toContain('How to fix:\n  Commission an assessment');
    expect(r.stdout).toContain(
      'independent_assessment: {assessor: Công ty An ninh mạng Việt, independent: true, last: 2026-05-10}',
    );
  });

  it('explains in Vietnamese with the seeds paraphrase and the conditions', async () => {
    const r = await run(['explain', 'MON-02', '--lang', 'vi']);
    expect(r.exitCode).toBe(0);
    // 04-KH V.1.đ item 3.1 is the Ministry of Defence's duty: context, not what requires the rule.
    expect(r.stdout).toContain('Tham chiếu (không phải yêu cầu của):\n  04-KH/BCĐTW §V.1.đ — Quân ủy Trung ương');
    expect(r.stdout).not.toContain('Căn cứ:');
    expect(r.stdout).toContain('Điều kiện: hệ thống quân sự, quốc phòng, cơ yếu');
    expect(r.stdout).toContain('không có: thiếu sót là vi phạm ngay');
  });

  it('resolves an alias to the rule that covers it', async () => {
    const r = await run(['explain', 'pl4-02', '--lang', 'en']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^MON-03 \(also PL4-02\) · high · 24\/7 security monitoring/);
  });

  it('writes JSON', async () => {
    const r = await run(['explain', 'LVL-05', '--format', 'json', '--lang', 'en']);
    const { rule } = JSON.parse(r.stdout);
    expect(rule).toMatchObject({
      id: 'LVL-05',
      severity: 'high',
      clauses: [{ id: 'TB06:III.3.c', document: '06-TB/CQTTBCĐ', section: 'III.3.c' }],
    });
    expect(rule.clauses[0].paraphrase).toMatch(/national databases/);
  });

  it('exits 2 on an unknown rule and suggests close ones', async () => {
    const r = await run(['explain', 'MON-3']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unknown rule "MON-3"; did you mean MON-03');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('exits 2 without a rule id', async () => {
    const r = await run(['explain']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("missing required argument 'rule-id'");
  });
});
