// Layout harness: a rule is complete only with its Rego file, METADATA, Rego tests, passing and
// failing fixtures, messages in both languages and clause citations that resolve in seeds/; and
// the Rego tree's directory = package (policies/tuanthu/rules/<family>/<key>/ holds package
// tuanthu.rules.<family>.<key>, scripts/build-policy.mjs).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/engine/catalogue.js';
import { LANGS, SEVERITIES, STAGES } from '../../src/model/types.js';
import { readYaml, ROOT, ruleDirs } from '../helpers.js';

// Rules over a clouds/data.yaml concept whose every row is a declaration (no provider has an attribute
// for it): nothing they read can be unknown until apply. The set is derived from the data, so adding a
// provider with an attribute brings the unknown-until-apply requirement back.
const CONCEPT_OF: Record<string, string> = { 'CLD-LOG-01': 'logging' };
const clouds = readYaml<Record<string, unknown>>(join(ROOT, 'policies/tuanthu/clouds/data.yaml'));
const DECLARATION_ONLY = new Set(
  Object.entries(CONCEPT_OF)
    .filter(([, concept]) =>
      Object.values((clouds[concept] ?? {}) as Record<string, { declare?: string }>).every((row) => row.declare),
    )
    .map(([id]) => id),
);

const catalogue = loadCatalogue();
const dirs = ruleDirs();

/** The package a Rego file declares. */
const packageOf = (file: string) => /^package\s+([\w.]+)/m.exec(readFileSync(file, 'utf8'))?.[1];

function regoFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) =>
      statSync(join(dir, n)).isDirectory() ? regoFiles(join(dir, n)) : n.endsWith('.rego') ? [join(dir, n)] : [],
    );
}

describe('the Rego tree', () => {
  // A test package may add _test to the package it tests (as Regal's directory-package-mismatch allows).
  it.each(regoFiles(join(ROOT, 'policies')).map((f) => relative(ROOT, f)))('%s: directory = package', (file) => {
    const pkg = dirname(relative(join(ROOT, 'policies'), join(ROOT, file)))
      .split(sep)
      .join('.');
    expect(packageOf(join(ROOT, file))?.replace(/_test$/, '')).toBe(pkg);
  });
});

function seedClauseIds(): Set<string> {
  const dir = join(ROOT, 'seeds');
  const ids = new Set<string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml') && n !== 'coverage.yaml')) {
    for (const c of readYaml<{ clauses: Array<{ id: string }> }>(join(dir, f)).clauses) ids.add(c.id);
  }
  return ids;
}
const clauses = seedClauseIds();

describe.each(dirs)('rule directory $family/$key', ({ family, key: dir, dir: path }) => {
  const meta = catalogue.rules.find((r) => r.key === dir);

  it('has <dir>.rego with a package METADATA block', () => {
    expect(existsSync(join(path, `${dir}.rego`))).toBe(true);
    expect(meta, 'METADATA with custom.id (scope: package)').toBeDefined();
    expect(meta!.package).toBe(`tuanthu.rules.${family}.${dir}`);
    expect(packageOf(join(path, `${dir}.rego`))).toBe(`tuanthu.rules.${family}.${dir}`);
    expect(meta!.id.toLowerCase().replaceAll('-', '_')).toBe(dir);
    expect(meta!.id.split('-')[0]!.toLowerCase(), "the family is the id's first segment").toBe(family);
  });

  it('has Rego unit tests', () => {
    const f = join(path, `${dir}_test.rego`);
    expect(existsSync(f)).toBe(true);
    expect(packageOf(f)).toBe(`tuanthu.rules.${family}.${dir}_test`);
    expect(readFileSync(f, 'utf8')).toMatch(/^test_\w+ if/m);
  });

  it('has passing and failing fixtures', () => {
    const f = join(path, 'fixtures.yaml');
    expect(existsSync(f)).toBe(true);
    const fx = readYaml<{ valid?: unknown[]; invalid?: unknown[] }>(f);
    expect(fx.valid?.length ?? 0).toBeGreaterThan(0);
    expect(fx.invalid?.length ?? 0).toBeGreaterThan(0);
  });

  // Unknown is a verdict of its own: every rule over infrastructure code is tested with a value only
  // apply knows (fixtures.yaml `unknown:`, run by tests/integration/rules.test.ts), as well as good and bad.
  // A declaration-only rule (above) has no such value; its unknown verdicts are the cannot_show cases.
  it.runIf(Array.isArray(meta?.supports) && !DECLARATION_ONLY.has(meta?.id ?? ''))(
    'an IaC rule has a case whose value is unknown until apply',
    () => {
      const fx = readYaml<{ unknown?: Array<{ expect?: unknown[] }> }>(join(path, 'fixtures.yaml'));
      expect(fx.unknown?.length ?? 0, 'fixtures.yaml: unknown: [...]').toBeGreaterThan(0);
      for (const c of fx.unknown ?? []) expect(c.expect?.length ?? 0).toBeGreaterThan(0);
      expect(readFileSync(join(path, `${dir}.rego`), 'utf8')).toMatch(/lib\.unknown_finding\(/);
    },
  );

  it('declares severity, stages and a valid due date', () => {
    expect(SEVERITIES).toContain(meta!.severity);
    expect(meta!.stages.length).toBeGreaterThan(0);
    for (const s of meta!.stages) expect(STAGES).toContain(s);
    if (meta!.due !== undefined) expect(meta!.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('has title, description, remediation and every message in vi and en', () => {
    for (const lang of LANGS) {
      expect(meta!.title[lang]?.trim(), `title.${lang}`).toBeTruthy();
      expect(meta!.description[lang]?.trim(), `description.${lang}`).toBeTruthy();
      expect(meta!.remediation[lang]?.trim(), `remediation.${lang}`).toBeTruthy();
    }
    expect(Object.keys(meta!.messages).length).toBeGreaterThan(0);
    for (const [key, m] of Object.entries(meta!.messages)) {
      for (const lang of LANGS) expect(m[lang]?.trim(), `messages.${key}.${lang}`).toBeTruthy();
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
      expect(placeholders(m.vi), `messages.${key}: same placeholders in vi and en`).toEqual(placeholders(m.en));
    }
  });

  it('cites clauses that exist in seeds/', () => {
    expect(meta!.clauses.length).toBeGreaterThan(0);
    for (const c of meta!.clauses) expect(clauses.has(c), `clause ${c} not found in seeds/*.yaml`).toBe(true);
  });

  it('uses only message keys it defines', () => {
    const src = readFileSync(join(path, `${dir}.rego`), 'utf8');
    for (const m of src.matchAll(/lib\.(?:unknown_)?finding\([^,]+,\s*"(\w+)"/g))
      expect(meta!.messages).toHaveProperty(m[1]!);
  });
});
