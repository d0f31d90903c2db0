// A name in a descriptor must not change the verdict a reader sees (issue 20, "Injection").
// Property-based (fast-check): arbitrary Unicode, escape sequences (CSI, OSC 8, OSC 52, DCS), bidi
// overrides, CI log commands (::error::, ##vso[), CR, | and @mentions in every free-text field of two
// descriptors and in their file names (real files in a temporary folder), checked through the
// library (readInputs → lint) and rendered in every registered format. Each output must parse in its
// format (JSON and SARIF and OSCAL against their schemas, JUnit as XML 1.0, Markdown tables keeping
// their cell count), hold no control character (but the newlines and tabs a format is made of), let
// no line be a CI command, keep the data formats' values exact, and show the same verdict as the same
// run with plain names. Two CLI runs check the real terminal path.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Ajv as AjvDraft7 } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { default as addFormatsModule } from 'ajv-formats';
import { execa } from 'execa';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { loadCatalogue } from '../../src/engine/catalogue.js';
import { gateVerdict } from '../../src/engine/gate.js';
import { renderGateJson, renderGateText } from '../../src/format/gate-text.js';
import { FORMATTERS, type FormatName } from '../../src/format/index.js';
import type { LintOptions, Report } from '../../src/model/types.js';
import { readInputs } from '../../src/run/read-inputs.js';
import { AS_OF, COMPLIANT, NONCOMPLIANT, ROOT } from '../helpers.js';

const RUNS = { seed: 20261207, numRuns: 25 };
const BIN = join(ROOT, 'bin/tuanthu.js');
const addFormats = addFormatsModule as unknown as (ajv: unknown) => void;
const catalogue = loadCatalogue();
const FORMATS = Object.keys(FORMATTERS) as FormatName[];
const DATA_FORMATS: ReadonlySet<string> = new Set(['json', 'sarif', 'oscal', 'gitlab', 'sonarqube']);

/** A character that may not reach a person or a log: controls (tab and newline apart), format characters, separators. */
const CONTROL = /(?![\t\n])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\uFFFE\uFFFF]/u;
/** XML 1.0 Char production, complemented (also as a character reference). */
const NOT_XML_CHAR =
  /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]|&#x?0*(?:[0-8bcef]|1[0-9a-f]|[12][0-9]?);/iu;
/** A line a CI runner would take as a command: GitHub's `::cmd` (after blanks), `##[cmd]` and Azure's `##vso[`, anywhere. */
const CI_COMMAND_LINE = /^\s*::/m;
const CI_MARKER = /##(vso)?\[/i;

// ── The descriptors: every string field the schema leaves free (no enum, pattern, format, const) ──

type Path = Array<string | number>;
const schemaDoc = JSON.parse(readFileSync(join(ROOT, 'schemas/system.schema.json'), 'utf8'));
type SchemaNode = Record<string, unknown>;
const deref = (n: SchemaNode | undefined): SchemaNode => {
  let node = n ?? {};
  while (typeof node.$ref === 'string')
    node = node.$ref
      .split('/')
      .slice(1)
      .reduce((a: SchemaNode, k) => a[k] as SchemaNode, schemaDoc);
  return node;
};
/** The schemas' pattern for "holds a visible character": one unanchored negated class. */
const VISIBLE_TEXT = /^\[\^\\s[^\]]*\]$/;
function freeTextPaths(v: unknown, node: SchemaNode, path: Path = [], out: Path[] = []): Path[] {
  const n = deref(node);
  if (typeof v === 'string') {
    // "Some visible text" patterns (names, approvers) leave the text free: every case value holds a visible Z.
    const free = !n.pattern || VISIBLE_TEXT.test(n.pattern);
    if (n.type === 'string' && free && !n.enum && !n.format && n.const === undefined) out.push(path);
  } else if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) freeTextPaths(x, n.items as SchemaNode, [...path, i], out);
  } else if (v && typeof v === 'object') {
    const props = (n.properties ?? {}) as Record<string, SchemaNode>;
    for (const [k, x] of Object.entries(v)) freeTextPaths(x, props[k] ?? {}, [...path, k], out);
  }
  return out;
}
function setAt(doc: unknown, path: Path, value: unknown): void {
  let o = doc as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  o[path.at(-1)!] = value;
}

interface Template {
  doc: Record<string, unknown>;
  fields: Path[];
}
/** The two examples (one failing, one passing), their infrastructure code pointed at by absolute path. */
const TEMPLATES: Template[] = [NONCOMPLIANT, COMPLIANT].map((file) => {
  const doc = parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown>;
  doc.iac = (doc.iac as string[]).map((p) => resolve(dirname(file), p));
  return { doc, fields: freeTextPaths(doc, schemaDoc).filter((p) => p[0] !== 'iac') };
});
const FIELD_COUNT = TEMPLATES.reduce((a, t) => a + t.fields.length, 0);
/** Where each template's system.name is among a case's values. */
const NAME_AT = TEMPLATES.map(
  (t, i) =>
    TEMPLATES.slice(0, i).reduce((a, x) => a + x.fields.length, 0) +
    t.fields.findIndex((p) => p.join('.') === 'system.name'),
);

// ── What an attacker writes ──

const TOKENS = [
  '\u001b[32m✔ PASS\u001b[0m',
  '\u001b[1A\u001b[2K',
  '\u001b]8;;https://evil.example/\u001b\\link\u001b]8;;\u001b\\',
  '\u001b]52;c;cm0gLXJmIH4K\u0007',
  '\u001bP+q544e\u001b\\',
  '\u009b31m',
  '\u0090x\u009c',
  '\r',
  '\r\n',
  '\n',
  '\n::error::forged',
  '::error file=x::y',
  '::add-mask::',
  '::stop-commands::tok',
  '##[error]x',
  '##vso[task.setvariable variable=PATH]x',
  '\u202eLIAF\u202c',
  '\u2066',
  '\u2069',
  '\u200f',
  '\u200b',
  '\ufeff',
  '\u2028',
  '\u{e0041}',
  '\ud800',
  '\uffff',
  '\u0000',
  '\u007f',
  '\t',
  '|',
  '||',
  '`',
  '\\',
  '@octocat',
  'https://evil.example',
  'www.evil.example',
  '<script>',
  '&amp;',
  ']]>',
  '"',
  "'",
  '%0A',
  '— Đạt',
  ' ',
];
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 5 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
);
const hostile = fc.array(piece, { maxLength: 6 }).map((a) => a.join(''));
/** A file name the file system takes: no slash, no NUL, not too long. */
const fileName = hostile.map((s) => `${[...s.replace(/[/\0]/g, '_')].slice(0, 60).join('')}Z.json`);

interface Case {
  /** One value per free-text field, both templates in turn. */
  values: string[];
  names: [string, string, string];
  key: string;
}
// Each value ends in Z and its field number: never blank, never equal to another field (rules
// compare some, e.g. appraiser and owner), never a value a rule looks for.
const hostileCase: fc.Arbitrary<Case> = fc
  .record({
    values: fc.array(hostile, { minLength: FIELD_COUNT, maxLength: FIELD_COUNT }),
    names: fc.tuple(fileName, fileName, fileName),
    key: hostile,
  })
  .map(({ values, names, key }) => ({
    values: values.map((v, i) => `${v}Z${i}`),
    // Distinct names: the same name twice would be one file.
    names: [`1${names[0]}`, `2${names[1]}`, `3${names[2]}`],
    key: `${key}Z`,
  }));
const PLAIN: Case = {
  values: Array.from({ length: FIELD_COUNT }, (_, i) => `Plain value Z${i}`),
  names: ['1plain.json', '2plain.json', '3plain.json'],
  key: 'plainZ',
};

// ── A run ──

interface Outputs {
  /** The two systems (valid). */
  report: Report;
  /** A third descriptor, rejected: its id breaks the pattern and it has an unknown field named by the key. */
  rejected: Report;
  out: Record<FormatName | 'gate' | 'text-color', string>;
  bad: Record<FormatName, string>;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function runCase(c: Case): Promise<Outputs> {
  const dir = mkdtempSync(join(tmpdir(), 'tuanthu-inject-'));
  dirs.push(dir);
  let v = 0;
  const files = TEMPLATES.map((t, i) => {
    const doc = structuredClone(t.doc);
    for (const p of t.fields) setAt(doc, p, c.values[v++]);
    const file = join(dir, c.names[i]!);
    writeFileSync(file, JSON.stringify(doc, null, 2));
    return file;
  });
  const broken = structuredClone(TEMPLATES[0]!.doc);
  setAt(broken, ['system', 'id'], c.values[0]);
  broken[c.key] = c.values[1];
  const brokenFile = join(dir, c.names[2]);
  writeFileSync(brokenFile, JSON.stringify(broken));
  // Waivers beside them (found in the working directory): one active, one invalid (a critical rule
  // not approved by the accountable head), their people
  // and reasons hostile too; they show in text, SARIF suppressions, JUnit, CSV, HTML, the gate.
  const id = (TEMPLATES[0]!.doc.system as { id: string }).id;
  const waiver = (rule: string, k: number, approved: string, expires: string) => ({
    rule,
    system: id,
    justification: `${c.values[k]} — the reason`,
    reference: c.values[k + 1],
    approved_by: { name: c.values[k + 2], title: c.values[k + 3] },
    approved,
    expires,
  });
  writeFileSync(
    join(dir, 'tuanthu.waivers.yaml'),
    JSON.stringify({
      waivers: [waiver('BUD-02', 5, '2026-10-01', '2027-03-01'), waiver('MON-01', 9, '2026-06-01', '2026-11-22')],
    }),
  );

  const options: LintOptions = { asOf: AS_OF, failOn: 'high', lang: 'en', cwd: dir };
  const report = lint(await readInputs(files, options), options, { catalogue });
  const rejected = lint(await readInputs([brokenFile], options), options, { catalogue });
  const render = (f: FormatName, r: Report, color = false) => FORMATTERS[f].render(r, { catalogue, lang: 'en', color });
  const out = Object.fromEntries(FORMATS.map((f) => [f, render(f, report)])) as Outputs['out'];
  out.gate = renderGateText(report, gateVerdict(report), 'en');
  out['text-color'] = render('text', report, true);
  const bad = Object.fromEntries(FORMATS.map((f) => [f, render(f, rejected)])) as Outputs['bad'];
  return { report, rejected, out, bad };
}

// ── What a reader sees as the verdict, per format ──

function verdictOf(format: FormatName | 'gate', text: string): unknown {
  const lines = text.trimEnd().split('\n');
  switch (format) {
    case 'text':
    case 'gate':
      // The summary line (last) and each system's verdict mark with its word (✔ PASS, ✖ FAIL, ✔ GO…).
      return { last: lines.at(-1), marks: lines.filter((l) => /^[✔✖]/.test(l)).map((l) => l.split(' ')[0]) };
    case 'github':
      return { last: lines.at(-1), commands: lines.map((l) => /^::(error|warning|notice)\b/.exec(l)?.[1] ?? '-') };
    case 'markdown':
      return {
        summary: lines.find((l) => l.startsWith('**')),
        rows: lines.filter((l) => /^\| (✅|❌) \|/.test(l)).map((l) => l.slice(0, 4)),
      };
    case 'junit': {
      const doc = new XMLParser({
        ignoreAttributes: false,
        isArray: (n) => n === 'testsuite' || n === 'testcase',
      }).parse(text);
      const count = (o: Record<string, string>) => [o['@_tests'], o['@_failures'], o['@_errors'], o['@_skipped']];
      const suites = (doc.testsuites.testsuite ?? []) as Array<Record<string, string>>;
      return { all: count(doc.testsuites), suites: suites.map(count) };
    }
    case 'sarif': {
      const run = JSON.parse(text).runs[0];
      return {
        ok: run.invocations[0].executionSuccessful,
        results: run.results.map((r: { ruleId: string; level: string }) => `${r.ruleId}:${r.level}`),
      };
    }
    case 'json':
      return JSON.parse(text).summary;
    case 'oscal': {
      const results = JSON.parse(text)['assessment-results'].results;
      return results.map((r: { findings?: Array<{ target: { status: { state: string } } }> }) =>
        (r.findings ?? []).map((f) => f.target.status.state),
      );
    }
    case 'html':
      return [...text.matchAll(/<div class="kpi[^"]*"><b>(\d+)<\/b>/g)].map((m) => m[1]);
    case 'gitlab':
      return JSON.parse(text).map((i: { check_name: string; severity: string }) => `${i.check_name}:${i.severity}`);
    case 'sonarqube':
      return JSON.parse(text).issues.map((i: { ruleId: string }) => i.ruleId);
    case 'csv':
      // A row per finding or input error, each one line: its status column (the ninth).
      return text.split('\r\n').map((l) => l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)[8]);
    default:
      throw new Error(`no verdict reader for the format ${format}: add one`);
  }
}

/** Markdown table rows (GitHub's rule: a pipe preceded by a backslash is not a cell border). */
function tableShapes(md: string): number[][] {
  const blocks: number[][] = [];
  let current: number[] | undefined;
  for (const line of md.split('\n')) {
    if (line.startsWith('|')) {
      const cells = line.split(/(?<!\\)\|/).length - 2;
      (current ??= []).push(cells);
    } else if (current) {
      blocks.push(current);
      current = undefined;
    }
  }
  if (current) blocks.push(current);
  return blocks;
}

// ── The checks ──

let sarifValid: ReturnType<Ajv2020['compile']>;
let oscalValid: ReturnType<AjvDraft7['compile']>;
let reportValid: ReturnType<Ajv2020['compile']>;
let plain: Outputs;
beforeAll(async () => {
  const schema = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8'));
  const a2020 = new Ajv2020({ allErrors: true, strict: false });
  addFormats(a2020);
  sarifValid = a2020.compile(schema('tests/schemas/sarif-schema-2.1.0.json'));
  reportValid = a2020.compile(schema('schemas/report.schema.json'));
  const a7 = new AjvDraft7({ allErrors: true, strict: false });
  addFormats(a7);
  oscalValid = a7.compile(schema('tests/schemas/oscal_assessment-results_schema.json'));
  plain = await runCase(PLAIN);
}, 60_000);

function assertSafe(c: Case, got: Outputs): void {
  // The run itself: the same verdicts, no input error from odd text.
  expect(got.report.errors).toEqual([]);
  expect(got.report.summary).toEqual(plain.report.summary);
  expect(got.report.systems.map((s) => s.result)).toEqual(plain.report.systems.map((s) => s.result));
  expect(got.rejected.summary).toEqual(plain.rejected.summary);

  for (const [set, plainSet] of [
    [got.out, plain.out],
    [got.bad, plain.bad],
  ] as const) {
    for (const format of FORMATS) {
      // CSV is made of CRLF line ends after a byte-order mark (Excel needs both).
      const text = format === 'csv' ? set.csv.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n') : set[format];
      const where = `${format}: ${JSON.stringify(c)}`;
      // Parses in its format.
      if (format === 'json') expect(reportValid(JSON.parse(text)), where).toBe(true);
      if (format === 'sarif') expect(sarifValid(JSON.parse(text)), where).toBe(true);
      if (format === 'oscal')
        expect(oscalValid(JSON.parse(text)), `${where} ${JSON.stringify(oscalValid.errors)}`).toBe(true);
      if (format === 'junit') {
        expect(XMLValidator.validate(text), where).toBe(true);
        expect(text, where).not.toMatch(NOT_XML_CHAR);
      }
      if (format === 'markdown') expect(tableShapes(text), where).toEqual(tableShapes(plainSet.markdown));
      // No control character, no CI command. Data formats: their encoder escapes C0, and the values shown are data.
      if (DATA_FORMATS.has(format)) expect(text, where).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
      else expect(text, where).not.toMatch(CONTROL);
      expect(text, where).not.toMatch(CI_MARKER);
      if (format === 'github') {
        for (const l of text.split('\n'))
          if (/^\s*::/.test(l)) expect(l, where).toMatch(/^::(error|warning|notice)( [^:]*)?::/);
      } else expect(text, where).not.toMatch(CI_COMMAND_LINE);
      // The same verdict as with plain names.
      expect(verdictOf(format, set[format]), where).toEqual(verdictOf(format, plainSet[format]));
    }
  }
  // SARIF: the texts a viewer shows are safe once decoded; artifact URIs are RFC 3986 references.
  const sarif = JSON.parse(got.out.sarif).runs[0];
  for (const r of sarif.results) {
    expect(r.message.text).not.toMatch(CONTROL);
    const uri = r.locations[0].physicalLocation.artifactLocation.uri as string;
    expect(uri).toMatch(/^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*$/);
  }
  for (const i of JSON.parse(got.out.gitlab)) expect(i.description).not.toMatch(CONTROL);
  for (const i of JSON.parse(got.out.sonarqube).issues) expect(i.primaryLocation.message).not.toMatch(CONTROL);
  // Data formats keep values exact.
  const json = JSON.parse(got.out.json) as Report;
  expect(json.systems.map((s) => s.name).sort()).toEqual(NAME_AT.map((i) => c.values[i]).sort());
  expect(json.systems.map((s) => s.file).sort()).toEqual(c.names.slice(0, 2).sort());
  // The gate: the same GO / NO-GO; its JSON exact, with no CI command.
  const gateJson = renderGateJson(gateVerdict(got.report));
  expect(gateJson).not.toMatch(CI_MARKER);
  expect(
    JSON.parse(gateJson)
      .systems.map((s: { name: string }) => s.name)
      .sort(),
  ).toEqual(NAME_AT.map((i) => c.values[i]).sort());
  expect(got.out.gate).not.toMatch(CONTROL);
  expect(got.out.gate).not.toMatch(CI_COMMAND_LINE);
  expect(verdictOf('gate', got.out.gate)).toEqual(verdictOf('gate', plain.out.gate));
  // A terminal: the only escape sequences are the colours tuanthu chose; without them, the plain text.
  const colours = got.out['text-color'];
  const stripped = colours.replace(/\u001b\[(?:0|1|31|32|33|35|36|90)m/g, '');
  expect(stripped).toBe(got.out.text);
}

describe('hostile text in every descriptor field and file name', () => {
  it('finds the fields to attack', () => {
    // Guards the generator: a schema change that hid the fields would make the property vacuous.
    expect(TEMPLATES.map((t) => t.fields.length)).toEqual([expect.any(Number), expect.any(Number)]);
    const names = TEMPLATES.flatMap((t) => t.fields.map((p) => p.join('.')));
    for (const f of ['system.name', 'system.owner', 'system.accountable_head.name', 'hosting.data_centres.0.name'])
      expect(names).toContain(f);
    expect(FIELD_COUNT).toBeGreaterThan(30);
    expect(plain.report.summary).toMatchObject({ systems: 2, passed: 1, failed: 1, waived: 1 });
    expect(plain.report.waivers?.map((w) => w.status).sort()).toEqual(['active', 'invalid']);
    expect(plain.rejected.summary.inputErrors).toBeGreaterThan(0);
  });

  it('cannot change what any format shows as the verdict, nor reach a terminal or CI log', async () => {
    await fc.assert(
      fc.asyncProperty(hostileCase, async (c) => assertSafe(c, await runCase(c))),
      RUNS,
    );
  }, 120_000);

  it('holds for the cases written by hand', async () => {
    const spoof =
      '\u001b[2K\r\u001b[32m✔ PASS\u001b[0m \u202eLIAF\u202c\n::error::forged\n##vso[task.complete result=Succeeded]';
    const c: Case = {
      values: PLAIN.values.map((v, i) =>
        i % 3 === 0 ? `${spoof}${v}` : i % 3 === 1 ? `@octocat | ${v}\r` : `www.x.y ${v}`,
      ),
      names: ['1\u001b]8;;https:\\evil\u0007a.json', '2\n::add-mask::x.json', '3we\\ird\r.json'],
      key: '\u001b]52;c;Y3VybA==\u0007',
    };
    const got = await runCase(c);
    assertSafe(c, got);
    // Shown escaped where it was: on the system's own line, never a line of its own.
    expect(got.out.text).toContain(
      '✖ FAIL \\x1b[2K\\r\\x1b[32m✔ PASS\\x1b[0m \\u202eLIAF\\u202c\\n::error::forged\\n##vso\\[task.complete',
    );
    expect(got.out.markdown).toContain('`@`octocat \\| ');
    // A waiver's approver, from the waivers file: on its line, its CR escaped.
    expect(got.out.text).toContain('@octocat | Plain value Z7\\r (');
    const uris = JSON.parse(got.out.sarif).runs[0].results.map(
      (r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
        r.locations[0]!.physicalLocation.artifactLocation.uri,
    );
    // The backslash is a character of a POSIX name, not a separator: encoded, as every reserved character.
    expect(uris).toContain('1%1B%5D8%3B%3Bhttps%3A%5Cevil%07a.json');
  });
});

describe('the CLI', () => {
  const run = (args: string[], cwd: string) =>
    execa('node', [BIN, ...args], { cwd, reject: false, env: { NO_COLOR: '1', LANG: 'C' } });

  it('prints no control sequence from a hostile file name or system name on stdout or stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tuanthu-inject-cli-'));
    dirs.push(dir);
    const doc = structuredClone(TEMPLATES[0]!.doc);
    setAt(doc, ['system', 'name'], '\u001b[2K\r\u001b[32m✔ PASS\u001b[0m\n::error::x\u202e');
    const name = '\u001b]52;c;Y3VybA==\u0007\n::stop-commands::t.json';
    writeFileSync(join(dir, name), JSON.stringify(doc));
    writeFileSync(join(dir, 'bad\u001b[31m.json'), '{"apiVersion": ');
    for (const format of ['text', 'github', 'markdown']) {
      const r = await run(['check', name, 'bad\u001b[31m.json', '--as-of', AS_OF, '--format', format], dir);
      expect(r.exitCode).toBe(2); // an input error next to a failing system
      for (const stream of [r.stdout, r.stderr]) {
        expect(stream).not.toMatch(CONTROL);
        if (format !== 'github') expect(stream).not.toMatch(CI_COMMAND_LINE);
      }
      expect(r.stdout).toContain('bad\\x1b[31m.json');
    }
    // Commander's own messages quote what was typed: shown escaped too.
    const r = await run(['check', '--fail-on', '\u001b[31mhigh'], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).not.toMatch(CONTROL);
    expect(r.stderr).toContain('\\x1b[31mhigh');
  });
});
