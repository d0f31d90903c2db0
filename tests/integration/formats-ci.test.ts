// The CI and spreadsheet formats (gitlab, sonarqube, csv), rendered in-process from a real lintFiles()
// run: GitLab's and SonarQube's documented shapes as JSON schemas (tests/schemas/, written from the
// vendors' documentation), and the CSV read back by Python's csv module, an independent RFC 4180 reader.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../../src/format/csv.js';
import type { CodeQualityIssue } from '../../src/format/gitlab.js';
import { FORMATTERS, type FormatName } from '../../src/format/index.js';
import { safeText } from '../../src/format/safe-text.js';
import { judgedEntries } from '../../src/format/shared.js';
import type { SonarIssue, SonarRule } from '../../src/format/sonarqube.js';
import { loadCatalogue } from '../../src/engine/catalogue.js';
import { lintFiles } from '../../src/run/lint-files.js';
import type { Lang, LintOptions, Report } from '../../src/model/types.js';
import { AS_OF, COMPLIANT, NONCOMPLIANT, ROOT } from '../helpers.js';

const PORTAL = 'tests/fixtures/waivers/portal/system.yaml'; // with tuanthu.waivers.yaml beside it
const MALFORMED = 'tests/fixtures/bad/malformed.yaml';

const catalogue = loadCatalogue();
const schema = (name: string) => JSON.parse(readFileSync(join(ROOT, 'tests/schemas', name), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });

function render(format: FormatName, report: Report, lang: Lang = 'en'): string {
  return FORMATTERS[format].render(report, { catalogue, lang, color: false });
}

function check(paths: string[], opts: Partial<LintOptions> = {}): Promise<Report> {
  return lintFiles(paths, { asOf: AS_OF, failOn: 'high', lang: 'en', cwd: ROOT, ...opts });
}

/** A copy of the non-compliant example, `shift` comment lines lower, optionally with another name and id. */
function variant(
  shift: number,
  name = 'Cổng thông tin đất đai tỉnh Hà Nam',
  id = 'tinh-ha-nam-dat-dai',
  dir = mkdtempSync(join(tmpdir(), 'tuanthu-fmtci-')),
): string {
  const src = readFileSync(NONCOMPLIANT, 'utf8')
    .replace('name: Cổng thông tin đất đai tỉnh Hà Nam', `name: ${JSON.stringify(name)}`)
    .replace('id: tinh-ha-nam-dat-dai', `id: ${id}`)
    .replace('iac: [iac/', `iac: [${JSON.stringify(dirname(NONCOMPLIANT)).slice(1, -1)}/iac/`);
  const file = join(dir, 'system.yaml');
  writeFileSync(file, '#\n'.repeat(shift) + src);
  return file;
}

let both: Report;
beforeAll(async () => {
  both = await check([COMPLIANT, NONCOMPLIANT]);
});

describe('gitlab (Code Quality)', () => {
  const validate = ajv.compile(schema('gitlab-codequality.schema.json'));

  it('matches the documented report shape, and the schema does reject a broken one', async () => {
    const withErrors = await check([NONCOMPLIANT, MALFORMED], { asOf: '2026-06-30' });
    for (const r of [both, withErrors]) {
      const issues = JSON.parse(render('gitlab', r));
      expect(validate(issues), JSON.stringify(validate.errors)).toBe(true);
    }
    const issues = JSON.parse(render('gitlab', both)) as CodeQualityIssue[];
    for (const broken of [
      { ...issues[0], severity: 'high' },
      { ...issues[0], location: { path: './a.yaml', lines: { begin: 1 } } },
      { ...issues[0], fingerprint: undefined },
    ]) {
      expect(validate([broken])).toBe(false);
    }
  });

  it('has one issue per open finding, on its file and line, with a GitLab severity', () => {
    const issues = JSON.parse(render('gitlab', both)) as CodeQualityIssue[];
    // The agencies' findings (Report.agencies) are issues too, after the systems'.
    const findings = judgedEntries(both).flatMap((s) => s.findings.filter((f) => !f.waiver));
    expect(findings.some((f) => f.rule === 'BUD-04')).toBe(true);
    expect(issues).toHaveLength(findings.length);
    const lvl = findings.find((f) => f.rule === 'LVL-02')!;
    const issue = issues.find((i) => i.check_name === 'LVL-02')!;
    expect(issue.location).toEqual({
      path: 'examples/province-land-portal/system.yaml',
      lines: { begin: lvl.location.line },
    });
    expect(issue.severity).toBe('blocker'); // LVL-02 is critical
    expect(issue.description).toContain(lvl.message);
    expect(issue.description).toContain('[tinh-ha-nam-dat-dai]');
  });

  it('keeps fingerprints when lines move, and they differ between findings and systems', async () => {
    const prints = async (file: string) =>
      (JSON.parse(render('gitlab', await check([file]))) as CodeQualityIssue[]).map((i) => [
        i.fingerprint,
        i.location.lines.begin,
      ]);
    // The same file, edited: seven lines added on top.
    const dir = mkdtempSync(join(tmpdir(), 'tuanthu-fmtci-'));
    const a = await prints(variant(0, undefined, undefined, dir));
    const b = await prints(variant(7, undefined, undefined, dir));
    expect(b.map((x) => x[0])).toEqual(a.map((x) => x[0]));
    expect(b.map((x) => x[1])).not.toEqual(a.map((x) => x[1]));
    expect(new Set(a.map((x) => x[0])).size).toBe(a.length);
    const other = await prints(variant(0, 'Khác', 'another-system'));
    expect(other.filter((x) => a.some((y) => y[0] === x[0]))).toEqual([]);
  });

  it('leaves waived findings out, informs of due ones, and blocks on input errors', async () => {
    const waived = await check([PORTAL]);
    const issues = JSON.parse(render('gitlab', waived)) as CodeQualityIssue[];
    expect(waived.systems[0]!.findings.some((f) => f.rule === 'BUD-02' && f.waiver)).toBe(true);
    expect(issues.some((i) => i.check_name === 'BUD-02')).toBe(false);
    expect(issues.some((i) => i.check_name === 'CRY-01')).toBe(true);

    const r = await check([NONCOMPLIANT, MALFORMED], { asOf: '2026-06-30' });
    const all = JSON.parse(render('gitlab', r)) as CodeQualityIssue[];
    const due = r.systems[0]!.findings.find((f) => f.status === 'due')!;
    expect(all.find((i) => i.check_name === due.rule)!.severity).toBe('info');
    const input = all.find((i) => i.check_name.startsWith('tuanthu/input/'))!;
    expect(input).toMatchObject({ severity: 'blocker', location: { path: MALFORMED } });
    expect(input.location.lines.begin).toBe(r.errors[0]!.line ?? 1);
  });
});

describe('sonarqube (generic issue import, 10.3+)', () => {
  const validate = ajv.compile(schema('sonarqube-generic-issues.schema.json'));

  it('matches the documented 10.3+ shape, and the schema does reject the deprecated one', async () => {
    const withErrors = await check([NONCOMPLIANT, MALFORMED], { asOf: '2026-06-30' });
    for (const r of [both, withErrors]) {
      const doc = JSON.parse(render('sonarqube', r));
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    }
    const doc = JSON.parse(render('sonarqube', both));
    expect(
      validate({ issues: doc.issues.map((i: object) => ({ ...i, type: 'VULNERABILITY', severity: 'MAJOR' })) }),
    ).toBe(false);
  });

  it('declares every rule an issue names, once, with the clauses and an impact by severity', () => {
    const doc = JSON.parse(render('sonarqube', both)) as { rules: SonarRule[]; issues: SonarIssue[] };
    const ids = doc.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.issues.every((i) => ids.includes(i.ruleId))).toBe(true);
    expect(ids.every((id) => doc.issues.some((i) => i.ruleId === id))).toBe(true);
    const lvl = doc.rules.find((r) => r.id === 'LVL-02')!;
    expect(lvl.description).toContain('04-KH/BCĐTW §V.1.m');
    expect(lvl.impacts).toEqual([{ softwareQuality: 'SECURITY', severity: 'HIGH' }]);
    const finding = both.systems[1]!.findings.find((f) => f.rule === 'LVL-02')!;
    expect(doc.issues.find((i) => i.ruleId === 'LVL-02')!.primaryLocation).toEqual({
      message: `${finding.message} [tinh-ha-nam-dat-dai]`,
      filePath: 'examples/province-land-portal/system.yaml',
      textRange: { startLine: finding.location.line },
    });
    const open = judgedEntries(both).flatMap((s) => s.findings.filter((f) => !f.waiver));
    expect(doc.issues).toHaveLength(open.length);
  });

  it('gives a finding due later a low-impact rule of its own, and leaves waived findings out', async () => {
    const r = await check([NONCOMPLIANT], { asOf: '2026-06-30' });
    const doc = JSON.parse(render('sonarqube', r)) as { rules: SonarRule[]; issues: SonarIssue[] };
    const due = r.systems[0]!.findings.find((f) => f.status === 'due')!;
    const rule = doc.rules.find((x) => x.id === `${due.rule}-due`)!;
    expect(rule.impacts[0]!.severity).toBe('LOW');
    expect(doc.issues.find((i) => i.ruleId === rule.id)!.primaryLocation.message).toContain(String(due.params.due));

    const waived = JSON.parse(render('sonarqube', await check([PORTAL]))) as { issues: SonarIssue[] };
    expect(waived.issues.some((i) => i.ruleId === 'BUD-02')).toBe(false);
  });
});

/** Rows as Python's csv module reads the file (Excel dialect: comma, double quotes, CRLF). */
function readCsv(text: string): string[][] | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'tuanthu-csv-'));
  const file = join(dir, 'report.csv');
  writeFileSync(file, text, 'utf8');
  const r = spawnSync(
    'python3',
    [
      '-c',
      'import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8-sig")))))',
      file,
    ],
    { encoding: 'utf8' },
  );
  if (r.error || r.status !== 0) return undefined;
  return JSON.parse(r.stdout) as string[][];
}

const HAS_PYTHON = spawnSync('python3', ['-c', 'import csv'], { encoding: 'utf8' }).status === 0;

describe('csv', () => {
  it('starts with a UTF-8 byte-order mark and ends every record with CRLF', () => {
    const text = render('csv', both);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('writes headers in the report language', () => {
    expect(render('csv', both, 'en').split('\r\n')[0]).toMatch(/^\uFEFFSystem ID,System,File,Line,Column,Rule,/);
    expect(render('csv', both, 'vi').split('\r\n')[0]).toMatch(/^\uFEFFMã hệ thống,Hệ thống,Tệp,Dòng,Cột,Quy tắc,/);
  });

  it('escapes cells a spreadsheet would run as formulas, and quotes as RFC 4180 says', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    for (const lead of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${lead}1+1`).startsWith(`'`) || csvCell(`${lead}1+1`).startsWith(`"'`)).toBe(true);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a\u001b[32mPASS')).toBe('a\uFFFD[32mPASS');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(undefined)).toBe('');
  });

  it.skipIf(!HAS_PYTHON)('reads back, cell for cell, with an independent CSV reader (Python csv)', async () => {
    const evil = '=cmd|"/c calc"!A1, "quoted"\nsecond line; @SUM(1)';
    const r = await check([variant(0, evil), PORTAL, MALFORMED]);
    for (const lang of ['en', 'vi'] as const) {
      const rows = readCsv(render('csv', r, lang))!;
      const findings = judgedEntries(r).flatMap((s) => s.findings.map((f) => ({ s, f })));
      expect(rows).toHaveLength(1 + findings.length + r.errors.length);
      expect(new Set(rows.map((x) => x.length))).toEqual(new Set([18]));
      for (const [i, { s, f }] of findings.entries()) {
        const row = rows[i + 1]!;
        expect(row[0]).toBe(s.id);
        // The name is shown as text: the apostrophe keeps a spreadsheet from running it; its line
        // break is shown escaped (safe-text.ts), as the file may be printed to a CI log.
        expect(row[1]).toBe(s.name.startsWith('=') ? `'${safeText(s.name)}` : safeText(s.name));
        expect(row.slice(2, 6)).toEqual([f.location.file, String(f.location.line), String(f.location.column), f.rule]);
        expect(row[9]).toBe(/^[=+\-@\t\r]/.test(f.message) ? `'${safeText(f.message)}` : safeText(f.message));
        expect(row[16]).toBe(f.fingerprint);
      }
      const waivedRow = rows.find((x) => x[5] === 'BUD-02' && x[13] !== '')!;
      expect(waivedRow[8]).toBe(lang === 'en' ? 'waived' : 'miễn trừ');
      expect(waivedRow[13]).toContain('Trần Thị Bình');
      const last = rows.at(-1)!;
      expect(last[2]).toBe(MALFORMED);
      expect(last[8]).toBe(lang === 'en' ? 'input error' : 'lỗi đầu vào');
    }
    const evilRow = readCsv(render('csv', r))!.find((x) => x[1]!.includes('cmd|'))!;
    expect(evilRow[1]).toBe(`'=cmd|"/c calc"!A1, "quoted"\\nsecond line; @SUM(1)`);
  });
});
