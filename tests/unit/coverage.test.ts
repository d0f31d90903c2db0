// Coverage, item by item: seeds/coverage.yaml decides every clause of seeds/ (every bullet of a clause
// that has bullets) once, agrees with the seeds' `checkable` and deadlines, and agrees with the rules'
// citations both ways. The checker (engine/coverage.ts#coverageProblems) is held to the real files
// and shown to catch each kind of disagreement on copies with one thing broken.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { type Catalogue, loadCatalogue, type RuleMeta } from '../../src/engine/catalogue.js';
import { type Coverage, coverageProblems, loadCoverage } from '../../src/engine/coverage.js';
import { loadSeeds } from '../../src/engine/seeds.js';
import { readYaml, ROOT } from '../helpers.js';

interface Seed {
  clauses: Array<{ id: string; checkable: boolean; reason?: { vi: string; en: string } }>;
}

const seedDir = join(ROOT, 'seeds');
const clauses = readdirSync(seedDir)
  .filter((f) => /^(TB06|CT57|KH04|TTg)\.yaml$/.test(f))
  .flatMap((f) => readYaml<Seed>(join(seedDir, f)).clauses);
const cited = new Set(loadCatalogue().rules.flatMap((r) => r.clauses));
const seeds = loadSeeds();
const catalogue = loadCatalogue();
const coverage = loadCoverage();

const copy = <T>(x: T): T => structuredClone(x);
const withRules = (rules: RuleMeta[]): Catalogue => ({
  ...catalogue,
  rules,
  byId: new Map(rules.map((r) => [r.id, r])),
});

describe('clause coverage', () => {
  it('every clause that is not checkable gives its reason in both languages', () => {
    const silent = clauses.filter((c) => !c.checkable && !(c.reason?.vi && c.reason.en)).map((c) => c.id);
    expect(silent).toEqual([]);
  });

  it('every checkable clause in seeds/ is cited by a rule or marked open in seeds/coverage.yaml', () => {
    const open = new Set(coverage.entries.filter((e) => e.open).map((e) => e.clause));
    const uncovered = clauses.filter((c) => c.checkable && !cited.has(c.id) && !open.has(c.id)).map((c) => c.id);
    expect(uncovered, `checkable clauses no rule cites: ${uncovered.join(', ')}`).toEqual([]);
  });
});

describe('item coverage (seeds/coverage.yaml)', () => {
  it('is valid against schemas/coverage.schema.json', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/coverage.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(schema);
    const ok = validate(coverage);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 1)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('agrees with the seeds and with every rule citation', () => {
    expect(coverageProblems(coverage, seeds, catalogue)).toEqual([]);
  });

  it('decides every clause and bullet of the seeds', () => {
    const units = [...seeds.clauses.values()].reduce((n, c) => n + (c.items?.length || 1), 0);
    expect(coverage.entries).toHaveLength(units);
    expect(units).toBeGreaterThan(200);
  });

  it('fails when an item of the seeds is missing', () => {
    const broken: Coverage = copy(coverage);
    broken.entries = broken.entries.filter((e) => !(e.clause === 'KH04:V.1.m' && e.item === '6'));
    const problems = coverageProblems(broken, seeds, catalogue);
    expect(problems).toContain('KH04:V.1.m#6: not decided in seeds/coverage.yaml');
    expect(problems).toContain('LVL-01: cites KH04:V.1.m#6, which seeds/coverage.yaml does not have');
  });

  it('fails when a rule cites an item that is not in the file', () => {
    const rules = catalogue.rules.map((r) =>
      r.id === 'PL4-01' ? { ...r, clause_items: { 'KH04:V.1.m': ['10(1)', '99'] } } : r,
    );
    expect(coverageProblems(coverage, seeds, withRules(rules))).toContain(
      'PL4-01: cites KH04:V.1.m#99, which seeds/coverage.yaml does not have',
    );
  });

  it('fails when a rule cites a clause with bullets without naming the bullet', () => {
    const rules = catalogue.rules.map((r) => (r.id === 'PL4-01' ? { ...r, clause_items: undefined } : r));
    expect(coverageProblems(coverage, seeds, withRules(rules))).toContain(
      'PL4-01: cites KH04:V.1.m, which has bullets, without naming them (METADATA clause_items)',
    );
  });

  it('fails when an item lists a rule that does not cite it', () => {
    const broken: Coverage = copy(coverage);
    broken.entries.find((e) => e.clause === 'KH04:V.1.m' && e.item === '5')!.rules!.push('PL4-01');
    expect(coverageProblems(broken, seeds, catalogue)).toContain('KH04:V.1.m#5: lists PL4-01, which does not cite it');
  });

  it('fails when a rule cites an item whose entry does not list it', () => {
    const broken: Coverage = copy(coverage);
    const e = broken.entries.find((x) => x.clause === 'KH04:V.1.m' && x.item === '10(1)')!;
    e.rules = e.rules!.filter((id) => id !== 'PL4-01');
    expect(coverageProblems(broken, seeds, catalogue)).toContain(
      'PL4-01: cites KH04:V.1.m#10(1), but that entry lists it neither in rules nor in context',
    );
  });

  it("fails when a decision contradicts the seeds' checkable mark or deadline", () => {
    const broken: Coverage = copy(coverage);
    const e = broken.entries.find((x) => x.clause === 'TTg:4')!;
    delete e['national-body'];
    delete e.context;
    e.rules = ['HST-01'];
    e.due = '2030-01-01';
    const problems = coverageProblems(broken, seeds, catalogue);
    expect(problems).toContain('TTg:4: decided rules, but seeds/ marks it checkable: false');
    expect(problems).toContain('TTg:4: due 2030-01-01, but seeds/ gives 2025-12-31');
  });

  it('lists a recommendation only as context: it checks no duty of the text', () => {
    const recommendations = new Set(catalogue.rules.filter((r) => r.kind === 'recommendation').map((r) => r.id));
    expect(recommendations.size).toBeGreaterThan(0);
    const listed = coverage.entries.flatMap((e) =>
      (e.rules ?? []).filter((id) => recommendations.has(id)).map((id) => `${e.clause} ${e.item ?? ''}: ${id}`),
    );
    expect(listed).toEqual([]);
  });

  // TTg 2.a gives the master plan and roadmap for moving onto the National Data Centre to Public
  // Security; TTg 1.e asks the owner only to keep its data connected and shared (DAT-02).
  it('reads HST-04 (a plan to move to the National Data Centre) as a recommendation, not a duty', () => {
    const hst04 = catalogue.byId.get('HST-04');
    expect(hst04?.kind).toBe('recommendation');
    expect(hst04?.recommendation?.en).toContain('2.a');
    const entry = (clause: string) => coverage.entries.find((e) => e.clause === clause);
    expect(entry('TTg:1.e')?.rules).toEqual(['DAT-02']);
    expect(entry('TTg:1.e')?.context).toContain('HST-04');
    expect(entry('TTg:2.a')?.['national-body']).toEqual(['mps']);
    expect(entry('TTg:2.a')?.context).toContain('HST-04');
  });

  it('marks every clause addressed only to national bodies as not checkable', () => {
    const owner = ['system_owner', 'agency_head', 'all_agencies', 'enterprises'];
    const national = [...seeds.clauses.values()].flatMap((c) =>
      (c.items?.length ? c.items.map((i) => ({ id: `${c.id}#${i.item}`, ...i })) : [{ ...c }]).filter(
        (u) => u.checkable && !((u as { binds?: string[] }).binds ?? []).some((b) => owner.includes(b)),
      ),
    );
    expect(national.map((u) => u.id)).toEqual([]);
  });
});
