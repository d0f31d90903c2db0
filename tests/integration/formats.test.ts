// The report formats, rendered in-process from a real lintFiles() run and checked against the official
// schemas (SARIF 2.1.0, OSCAL 1.1.2 assessment results) and a real XML parser (JUnit).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Ajv as AjvDraft7 } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { default as addFormatsModule } from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type * as Sarif from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import { FORMATTERS, type FormatName } from '../../src/format/index.js';
import { ANNOTATIONS_SHOWN_PER_KIND, escapeData, escapeProperty } from '../../src/format/github.js';
import { escapeHtml } from '../../src/format/html-escape.js';
import { mdEscape } from '../../src/format/markdown.js';
import { uuidV5 } from '../../src/format/shared.js';
import { lintFiles } from '../../src/run/lint-files.js';
import { loadCatalogue } from '../../src/engine/catalogue.js';
import type { Lang, LintOptions, Report } from '../../src/model/types.js';
import { AS_OF, COMPLIANT, NONCOMPLIANT, ROOT, junitSchemaErrors } from '../helpers.js';

const PORTAL = 'tests/fixtures/waivers/portal/system.yaml'; // with tuanthu.waivers.yaml beside it

const addFormats = addFormatsModule as unknown as (ajv: unknown) => void;
const catalogue = loadCatalogue();
const schema = (name: string) => JSON.parse(readFileSync(join(ROOT, 'tests/schemas', name), 'utf8'));

function render(format: FormatName, report: Report, lang: Lang = 'en'): string {
  return FORMATTERS[format].render(report, { catalogue, lang, color: false });
}

function check(paths: string[], opts: Partial<LintOptions> = {}): Promise<Report> {
  return lintFiles(paths, { asOf: AS_OF, failOn: 'high', lang: 'en', cwd: ROOT, ...opts });
}

let both: Report;
/** Where lintFiles() placed LVL-02 in the failing example (the example evolves; the formats must follow). */
const lvlAt = () => both.systems[1]!.findings.find((f) => f.rule === 'LVL-02')!.location;
beforeAll(async () => {
  both = await check([COMPLIANT, NONCOMPLIANT]);
});

/** A copy of the non-compliant example with a changed name and `shift` blank comment lines on top. */
function variant(name: string, shift = 0, id = 'tinh-ha-nam-dat-dai'): string {
  const dir = mkdtempSync(join(tmpdir(), 'tuanthu-fmt-'));
  const src = readFileSync(NONCOMPLIANT, 'utf8')
    .replace('name: Cổng thông tin đất đai tỉnh Hà Nam', `name: ${JSON.stringify(name)}`)
    .replace('id: tinh-ha-nam-dat-dai', `id: ${id}`)
    // The copy lives elsewhere: point its infrastructure code back at the example's.
    .replace('iac: [iac/', `iac: [${JSON.stringify(dirname(NONCOMPLIANT)).slice(1, -1)}/iac/`);
  const file = join(dir, 'system.yaml');
  writeFileSync(file, '#\n'.repeat(shift) + src);
  return file;
}

describe('sarif', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema('sarif-schema-2.1.0.json'));

  it('is valid SARIF 2.1.0 (official schema), and the validator does reject a broken log', () => {
    const log = JSON.parse(render('sarif', both));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const broken = structuredClone(log);
    delete broken.runs[0].tool.driver.name;
    expect(validate(broken)).toBe(false);
  });

  it('describes every catalogue rule with help, clauses and a numeric security-severity', () => {
    const log = JSON.parse(render('sarif', both)) as Sarif.Log;
    const driver = log.runs[0]!.tool.driver;
    expect(driver).toMatchObject({
      name: 'tuanthu',
      version: both.tool.version,
      informationUri: expect.stringMatching(/^https:\/\//),
    });
    expect(driver.rules!.map((r) => r.id)).toEqual(catalogue.rules.map((r) => r.id));
    const lvl = driver.rules!.find((r) => r.id === 'LVL-02')!;
    expect(lvl.properties!['security-severity']).toBe('9.5');
    expect(lvl.help!.text).toContain('04-KH/BCĐTW §V.1.m');
    expect(lvl.help!.markdown).toContain('Submit the level proposal');
    expect(lvl.properties!.tags).toEqual(expect.arrayContaining(['security', 'LVL']));
    const bud2 = driver.rules!.find((r) => r.id === 'BUD-02')!;
    expect(bud2.properties!['security-severity']).toBe('8.0');
  });

  it('places each finding on its file, line and column, relative to %SRCROOT%', () => {
    const log = JSON.parse(render('sarif', both)) as Sarif.Log;
    const results = log.runs[0]!.results!;
    // The systems' findings, then the agencies' (BUD-04, Report.agencies), located at /system/owner.
    const agencyFindings = (both.agencies ?? []).flatMap((a) => a.findings);
    expect(agencyFindings.map((f) => f.rule)).toEqual(['BUD-04']);
    expect(results).toHaveLength(
      both.systems[0]!.findings.length + both.systems[1]!.findings.length + agencyFindings.length,
    );
    const agency = results.find((r) => r.ruleId === 'BUD-04')!;
    expect(agency.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe(
      'examples/province-land-portal/system.yaml',
    );
    expect(results.length).toBeGreaterThan(6);
    const lvl = results.find((r) => r.ruleId === 'LVL-02')!;
    expect(log.runs[0]!.tool.driver.rules![lvl.ruleIndex!]!.id).toBe('LVL-02');
    expect(lvl.level).toBe('error');
    expect(lvl.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'examples/province-land-portal/system.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: lvlAt().line, startColumn: lvlAt().column },
    });
  });

  it('keeps partialFingerprints when lines move, and changes them for another system', async () => {
    const fp = async (file: string) => {
      const r = await check([file]);
      const log = JSON.parse(render('sarif', r)) as Sarif.Log;
      return log.runs[0]!.results!.map((x) => {
        const loc = x.locations![0]!.physicalLocation!;
        return [
          x.ruleId,
          x.partialFingerprints!['tuanthu/v1'],
          loc.region!.startLine,
          loc.artifactLocation!.uri!.endsWith('system.yaml'),
        ];
      });
    };
    const a = await fp(variant('A', 0));
    const b = await fp(variant('A', 5));
    // Only the descriptor moved; findings in the infrastructure code keep their lines.
    expect(b.map((x) => x[2])).toEqual(a.map((x) => (x[2] as number) + (x[3] ? 5 : 0)));
    expect(a.some((x) => x[3]) && a.some((x) => !x[3])).toBe(true);
    expect(b.map((x) => x[1])).toEqual(a.map((x) => x[1]));
    expect(new Set(a.map((x) => x[1])).size).toBe(a.length);
    const other = await fp(variant('A', 0, 'another-system'));
    expect(other[0]![1]).not.toBe(a[0]![1]);
  });

  it('marks a due finding as a note and input errors as tool notifications', async () => {
    const r = await check([NONCOMPLIANT, 'tests/fixtures/bad/malformed.yaml'], { asOf: '2026-06-30' });
    const log = JSON.parse(render('sarif', r)) as Sarif.Log;
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0]!.results!.find((x) => x.ruleId === 'MON-01')!.level).toBe('note');
    const inv = log.runs[0]!.invocations![0]!;
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe(
      'tests/fixtures/bad/malformed.yaml',
    );
  });
});

describe('waivers and baselines in sarif', () => {
  it('suppresses waived findings with the justification and marks baseline state', async () => {
    const r = await check([PORTAL]);
    const log = JSON.parse(render('sarif', r)) as Sarif.Log;
    const bud = log.runs[0]!.results!.find((x) => x.ruleId === 'BUD-02')!;
    expect(bud.suppressions).toEqual([
      expect.objectContaining({
        kind: 'external',
        status: 'accepted',
        justification: expect.stringContaining('Trần Thị Bình'),
      }),
    ]);
    expect(log.runs[0]!.results!.find((x) => x.ruleId === 'CRY-01')!.suppressions).toBeUndefined();
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema('sarif-schema-2.1.0.json'));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(bud.partialFingerprints!['tuanthu/v1']).toBe(
      r.systems[0]!.findings.find((f) => f.rule === 'BUD-02')!.fingerprint,
    );
  });
});

describe('junit', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
  });
  type Case = {
    '@classname': string;
    '@name': string;
    failure?: { '@message': string; '#text': string };
    skipped?: { '@message': string };
  };
  type Suite = { '@name': string; '@tests': string; '@failures': string; '@skipped': string; testcase: Case[] };
  const suites = (xml: string): Suite[] => {
    expect(XMLValidator.validate(xml)).toBe(true);
    return parser.parse(xml).testsuites.testsuite as Suite[];
  };

  it('validates against the JUnit schema CI systems read: findings, passes, waivers, markup, input errors', async () => {
    const hostile = await check([
      variant('<a href="x">&</a> ]]>\u0007\u001b[32m'),
      'tests/fixtures/bad/malformed.yaml',
    ]);
    for (const r of [both, await check([NONCOMPLIANT], { stage: 'design' }), await check([PORTAL]), hostile])
      expect(await junitSchemaErrors(render('junit', r))).toEqual([]);
    // The schema is not a check that cannot fail: a testcase without its required name is refused.
    expect(
      await junitSchemaErrors(
        '<testsuites><testsuite name="s" tests="1"><testcase classname="c"/></testsuite></testsuites>',
      ),
    ).not.toEqual([]);
  });

  it('has one suite per system and one case per rule; violations fail with location, clauses and fix', () => {
    const xml = render('junit', both);
    const [good, bad] = suites(xml);
    expect(good!['@name']).toContain('mof-public-services');
    // One case per rule, and one for the evidence of each IaC input.
    expect(good!.testcase).toHaveLength(catalogue.rules.length + (both.systems[0]!.iac?.length ?? 0));
    expect(good!.testcase.some((c) => c.failure)).toBe(false);
    const goodRules = both.systems[0]!.rules;
    expect(good!.testcase.filter((c) => !c.skipped).map((c) => c['@name'].split(' ')[0])).toEqual([
      'Evidence',
      ...goodRules.filter((r) => r.outcome === 'pass').map((r) => r.rule),
    ]);
    expect(Number(bad!['@failures'])).toBe(both.systems[1]!.rules.filter((r) => r.outcome === 'fail').length);
    const lvl = bad!.testcase.find((c) => c['@name'].startsWith('LVL-02'))!;
    expect(lvl['@classname']).toBe('tinh-ha-nam-dat-dai');
    expect(lvl['@name']).toBe('LVL-02 Security level approved before go-live');
    expect(lvl.failure!['@message']).toContain('No approval decision');
    expect(lvl.failure!['#text']).toContain(
      `examples/province-land-portal/system.yaml:${lvlAt().line}:${lvlAt().column}`,
    );
    expect(lvl.failure!['#text']).toContain('Required by: 04-KH/BCĐTW §V.1.m');
    expect(lvl.failure!['#text']).toContain('Remediation: Submit the level proposal');
  });

  it('skips rules that do not apply (with the reason) and findings that are due later', async () => {
    const design = await check([NONCOMPLIANT], { stage: 'design' });
    const lvl = suites(render('junit', design))[0]!.testcase.find((c) => c['@name'].startsWith('LVL-02'))!;
    expect(lvl.skipped!['@message']).toMatch(
      /^Not applicable: applies in the pre-production, production stage\(s\); the system is in design/,
    );
    const early = await check([NONCOMPLIANT], { asOf: '2026-06-30' });
    const mon = suites(render('junit', early))[0]!.testcase.find((c) => c['@name'].startsWith('MON-01'))!;
    expect(mon.failure).toBeUndefined();
    expect(mon.skipped!['@message']).toMatch(/^due by 2026-06-30: /);
  });

  it('skips a rule whose violations are all waived, naming the waiver', async () => {
    const r = await check([PORTAL]);
    const suite = suites(render('junit', r))[0]!;
    const bud = suite.testcase.find((c) => c['@name'].startsWith('BUD-02'))!;
    expect(bud.failure).toBeUndefined();
    expect(bud.skipped!['@message']).toMatch(/^waived: .*waived until 2027-03-01, Trần Thị Bình/);
    expect(suite.testcase.find((c) => c['@name'].startsWith('LVL-02'))!.failure).toBeDefined(); // invalid waiver: not applied
  });

  it('escapes markup in descriptor strings and reports input errors as errors', async () => {
    const r = await check([variant('<a href="x">&</a> ]]>'), 'tests/fixtures/bad/malformed.yaml']);
    const xml = render('junit', r);
    const parsed = parser.parse(xml).testsuites;
    expect(parsed.testsuite[0]['@name']).toBe('tinh-ha-nam-dat-dai — <a href="x">&amp;</a> ]]>'.replace('&amp;', '&'));
    expect(parsed['@errors']).toBe('1');
    // Then the agency's suite (BUD-04, Report.agencies), then the input errors.
    expect(parsed.testsuite[1]['@name']).toMatch(/^agency:Ủy ban nhân dân tỉnh Hà Nam — /);
    expect(parsed.testsuite[2].testcase[0].error['@type']).toBe('syntax');
  });
});

describe('github annotations', () => {
  it('escapes messages and properties as the runner requires', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('writes one workflow command per finding, on its line', () => {
    const lines = render('github', both).trimEnd().split('\n');
    const violations = [...both.systems, ...(both.agencies ?? [])]
      .flatMap((s) => s.findings)
      .filter((f) => f.status === 'violation');
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(
      violations.filter((f) => f.severity === 'critical' || f.severity === 'high').length,
    );
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(
      violations.filter((f) => f.severity === 'medium').length,
    );
    const at = lvlAt();
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^::error file=examples/province-land-portal/system\\.yaml,line=${at.line},col=${at.column},title=LVL-02 Security level approved before go-live \\[tinh-ha-nam-dat-dai\\]::No approval decision.*%0ARequired by: 04-KH/`,
        ),
      ),
    );
    // A percent sign in a message must not start an escape sequence.
    expect(lines.find((l) => l.includes('BUD-02'))).toContain('Security is 0%25 of the IT budget');
    expect(lines.at(-1)).toMatch(new RegExp(`^tuanthu: 2 systems, 1 passed, 1 failed, ${violations.length} findings`));
  });

  it('prints the most severe first across systems, kind by kind, and says when GitHub will show only some', async () => {
    const lines = render('github', both).trimEnd().split('\n');
    const commands = lines.filter((l) => l.startsWith('::'));
    const kinds = commands.map((l) => l.slice(2, l.indexOf(' ')));
    // errors, then warnings, then notices: GitHub shows the first ten of each kind.
    expect(kinds).toEqual(
      [...kinds].sort((a, b) => ['error', 'warning', 'notice'].indexOf(a) - ['error', 'warning', 'notice'].indexOf(b)),
    );
    const titles = commands.filter((l) => l.startsWith('::error ')).map((l) => l.match(/title=([A-Z0-9-]+) /)![1]!);
    const severities = titles.map((rule) => catalogue.byId.get(rule)!.severity);
    expect(severities.indexOf('high')).toBeGreaterThan(severities.lastIndexOf('critical'));
    const errors = kinds.filter((k) => k === 'error').length;
    expect(errors).toBeGreaterThan(ANNOTATIONS_SHOWN_PER_KIND);
    expect(lines.at(-2)).toMatch(
      new RegExp(
        `^tuanthu: ${errors} errors(, \\d+ warnings)?(, \\d+ notices)?: GitHub shows the first 10 annotations of each kind per step`,
      ),
    );
    expect(render('github', both, 'vi').trimEnd().split('\n').at(-2)).toMatch(
      new RegExp(`^tuanthu: ${errors} lỗi.*: GitHub chỉ hiển thị 10 chú thích đầu tiên`),
    );
    // Under the limit, no such line.
    const few = await check([COMPLIANT]);
    expect(render('github', few)).not.toContain('GitHub shows the first');
  });

  it('uses notice for a finding that is only due', async () => {
    const r = await check([NONCOMPLIANT], { asOf: '2026-06-30' });
    expect(render('github', r)).toMatch(/^::notice file=[^\n]*title=MON-01 /m);
  });
});

describe('markdown', () => {
  it('escapes table and HTML characters', () => {
    expect(mdEscape('a|b <script>x</script> *y*')).toBe('a\\|b &lt;script&gt;x&lt;/script&gt; \\*y\\*');
  });

  it('summarises the run and tables each failing system', async () => {
    const r = await check([COMPLIANT, variant('Portal | <script>alert(1)</script>')]);
    const md = render('markdown', r);
    // Findings not yet due are counted apart, after the ones that count now; the agencies' count too.
    const all = [...r.systems, ...(r.agencies ?? [])].flatMap((s) => s.findings);
    const due = all.filter((f) => f.status === 'due' && !f.waiver).length;
    const n = all.filter((f) => f.status !== 'due' && !f.waiver).length;
    expect(md).toContain(`**2** systems · ✅ 1 passed · ❌ 1 failed · ${n} findings${due ? ` · ${due} due` : ''}`);
    expect(md).toContain('Portal \\| &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).not.toContain('<script>');
    expect(md).toMatch(/\| critical \| \*\*LVL-02\*\* Security level approved before go-live \| No approval decision/);
  });
});

describe('html', () => {
  it('escapes every descriptor string: a <script> in a system name stays text', async () => {
    const evil = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const r = await check([variant(evil)]);
    const page = render('html', r);
    expect(page).toContain(escapeHtml(evil));
    expect(page).not.toMatch(/<script|<img/i);
  });

  it('is self-contained: no script, no external resource, a CSP that forbids fetching', () => {
    const page = render('html', both);
    expect(page).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    const urls = [...page.matchAll(/(?:src|href)\s*=\s*"([^"]*)"/g)].map((m) => m[1]);
    expect(urls.every((u) => u!.startsWith('#'))).toBe(true);
    expect(page).toContain('@page { size: A4;');
  });

  it('has per-system summary, areas, findings with clauses, not-applicable reasons, debt and inputs', async () => {
    const r = await check([COMPLIANT, NONCOMPLIANT], { stage: 'build' });
    const page = render('html', r, 'en');
    for (const s of [
      'Portfolio overview',
      'By agency',
      'By security level',
      'Failures by rule',
      'Result by area',
      'Compliance debt (waived findings)',
      'No waived findings.',
    ]) {
      expect(page).toContain(s);
    }
    expect(page).toContain('applies in the pre-production, production stage(s); the system is in build');
    expect(page).toContain('57-CT/TW §2.c');
    expect(page).toContain(r.systems[0]!.inputs[0]!.sha256);
    expect(page).toContain(r.tool.policyDigest);
    expect(page).toContain('<svg class="chart"');
    const vi = render('html', r, 'vi');
    expect(vi).toContain('<html lang="vi">');
    expect(vi).toContain('Báo cáo kiểm tra tuân thủ an ninh mạng');
    expect(vi).toContain('Nợ tuân thủ');
  });

  it('renders waived findings under compliance debt, with who approved them until when, and waivers needing attention', async () => {
    const r = await check([PORTAL]);
    const waived = r.systems[0]!.findings.filter((f) => f.waiver);
    expect(waived.length).toBeGreaterThanOrEqual(2);
    const page = render('html', r);
    const debt = page.slice(page.indexOf(`Compliance debt (waived findings) (${waived.length})`));
    expect(debt).toContain(`<article class="finding waived">`);
    expect(debt).toContain('Trần Thị Bình (Giám đốc Sở Tài chính), 2026-10-01 · 1234/QĐ-STC · waived until 2027-03-01');
    expect(debt).toContain('Waivers that need attention');
    // The findings section lists only what is still open.
    const open = page.slice(page.indexOf('<h3>Findings ('), page.indexOf('<h3>Not applicable ('));
    expect(open).not.toContain('BUD-02</b>');
  });
});

describe('oscal', () => {
  const ajv = new AjvDraft7({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema('oscal_assessment-results_schema.json'));

  it('is valid against the NIST OSCAL 1.1.2 assessment-results schema', async () => {
    const doc = JSON.parse(render('oscal', both));
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    const broken = structuredClone(doc);
    broken['assessment-results'].results[0].findings[0].target.status.state = 'maybe';
    expect(validate(broken)).toBe(false);
    const na = await check([NONCOMPLIANT], { stage: 'design', asOf: '2026-06-30' });
    expect(validate(JSON.parse(render('oscal', na))), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    const empty = await check(['tests/fixtures/bad/malformed.yaml']);
    expect(validate(JSON.parse(render('oscal', empty))), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
  });

  it('states each applicable rule as a satisfied or not-satisfied objective, with the evidence', () => {
    const ar = JSON.parse(render('oscal', both))['assessment-results'];
    expect(ar.metadata['oscal-version']).toBe('1.1.2');
    const [good, bad] = ar.results;
    const applicable = both.systems[0]!.rules.filter((r) => r.outcome !== 'not_applicable');
    expect(good.findings.map((f: { target: { status: { state: string } } }) => f.target.status.state)).toEqual(
      Array(applicable.length).fill('satisfied'),
    );
    const excluded = good['reviewed-controls']['control-selections'][0]['exclude-controls'] ?? [];
    expect(excluded.length).toBe(both.systems[0]!.rules.length - applicable.length);
    const lvl = bad.findings.find((f: { target: { 'target-id': string } }) => f.target['target-id'] === 'lvl-02');
    expect(lvl.target).toMatchObject({ type: 'objective-id', status: { state: 'not-satisfied', reason: 'fail' } });
    const obs = bad.observations.find(
      (o: { uuid: string }) => o.uuid === lvl['related-observations'][0]['observation-uuid'],
    );
    expect(obs['relevant-evidence'][0].props).toContainEqual(
      expect.objectContaining({ name: 'sha256', value: both.systems[1]!.inputs[0]!.sha256 }),
    );
    expect(obs.description).toContain(`examples/province-land-portal/system.yaml:${lvlAt().line}:${lvlAt().column}`);
  });

  it('is deterministic: the same inputs give the same UUIDs', async () => {
    const again = await check([COMPLIANT, NONCOMPLIANT]);
    expect(render('oscal', again)).toBe(render('oscal', both));
    expect(render('sarif', again)).toBe(render('sarif', both));
  });
});

describe('shared helpers', () => {
  it('uuidV5 matches the RFC 4122 reference value', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

describe('recommendations (beyond the directives) are labelled in every format', () => {
  // The compliant example, declared as holding state secrets, without a post-quantum plan: CRY-04
  // is a recommendation (KH04 IV.3.c, CT57 3.a give that work to national bodies).
  const reports = {} as Record<Lang, Report>;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tuanthu-rec-'));
    const src = readFileSync(COMPLIANT, 'utf8')
      .replace('state_secret: none', 'state_secret: mat')
      .replace(/^iac: .*$/m, '');
    const file = join(dir, 'system.yaml');
    writeFileSync(file, src);
    for (const lang of ['en', 'vi'] as const) reports[lang] = await check([file], { lang });
  });

  it("marks the finding, at the rule's lower severity", () => {
    const f = reports.en.systems[0]!.findings.find((x) => x.rule === 'CRY-04')!;
    expect(f).toMatchObject({ recommendation: true, severity: 'low', status: 'violation' });
    expect(f.title).toMatch(/^Recommendation \(beyond the directives\): /);
    // A requirement is not marked.
    const cry03 = reports.en.systems[0]!.findings.find((x) => x.rule === 'CRY-03')!;
    expect(cry03.recommendation).toBeUndefined();
  });

  it.each(Object.keys(FORMATTERS) as FormatName[])('%s shows the label', (format) => {
    for (const lang of ['en', 'vi'] as const) {
      const out = render(format, reports[lang], lang);
      const label =
        lang === 'en' ? 'Recommendation (beyond the directives)' : 'Khuyến nghị (ngoài yêu cầu của văn bản)';
      expect(out, `${format} ${lang}`).toContain(format === 'html' ? escapeHtml(label) : label);
    }
  });
});
