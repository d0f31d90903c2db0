// What requires a rule and what it only cites as context (issue 18): seeds/coverage.yaml decides it,
// the catalogue carries it (RuleMeta.context_clauses, scripts/build-policy.mjs), and findings and
// every format print the two apart. A national body's duty (TTg:2.đ, the Ministry of Public Security's)
// is never shown as what requires the system owner's rule.
import { describe, expect, it } from 'vitest';
import { loadCatalogue, ruleBasis } from '../../src/engine/catalogue.js';
import { coverageProblems, loadCoverage, unitKey } from '../../src/engine/coverage.js';
import { loadSeeds } from '../../src/engine/seeds.js';
import { makeFinding } from '../../src/engine/system-report.js';
import { findingBasisParts, ruleBasisParts } from '../../src/format/shared.js';
import { explainRule } from '../../src/engine/explain.js';
import { renderExplanation } from '../../src/format/rules-text.js';

const catalogue = loadCatalogue();
const coverage = loadCoverage();
const meta = (id: string) => catalogue.byId.get(id)!;
const finding = (id: string, recommendation = false) =>
  makeFinding(meta(id), 'en', {
    severity: 'high',
    ruleSeverity: 'high',
    status: 'violation',
    path: '/x',
    params: { msg: 'm' },
    location: { file: 'f.yaml', line: 1, column: 1 },
    message: 'm',
    fingerprint: '0'.repeat(32),
    recommendation,
  });

describe('required by and context', () => {
  it("splits every rule's clauses as seeds/coverage.yaml decides them", () => {
    for (const r of catalogue.rules) {
      const { required, context } = ruleBasis(r);
      expect([...required, ...context].sort(), r.id).toEqual([...r.clauses].sort());
      for (const c of r.clauses) {
        const keys = r.clause_items?.[c]?.map((i) => unitKey(c, i)) ?? [c];
        const checks = coverage.entries.some(
          (e) => keys.includes(unitKey(e.clause, e.item)) && e.rules?.includes(r.id),
        );
        expect(required.includes(c), `${r.id} ${c}`).toBe(checks && r.kind !== 'recommendation');
      }
    }
  });

  it("shows IRP-03 required by TTg 1.g, with TTg 2.đ (a national body's duty) as context", () => {
    expect(ruleBasis(meta('IRP-03'))).toEqual({ required: ['TTg:1.g'], context: ['TTg:2.đ'] });
    const f = finding('IRP-03');
    expect(f.clauses).toEqual(['TTg:1.g', 'TTg:2.đ']);
    expect(f.contextClauses).toEqual(['TTg:2.đ']);
    const parts = findingBasisParts(f, catalogue, 'en').map((p) => [p.kind, p.text]);
    expect(parts).toEqual([
      ['required_by', 'Công điện TTg §1.g'],
      ['context', 'Công điện TTg §2.đ'],
    ]);
    const text = renderExplanation(explainRule(meta('IRP-03'), 'en'), 'en');
    expect(text).toMatch(
      /Why \(the clauses it comes from\):\n {2}Công điện TTg §1\.g[^\n]*\n\nContext \(not a requirement of\):\n {2}Công điện TTg §2\.đ/,
    );
  });

  it('names the source outside the seeds as what requires a rule no cited clause requires', () => {
    const parts = findingBasisParts(finding('CRY-03'), catalogue, 'en');
    expect(parts.map((p) => p.kind)).toEqual(['required_by', 'context']);
    expect(parts[0]!.text).toBe(meta('CRY-03').outside_seeds!.en);
    expect(ruleBasisParts(meta('CRY-03'), 'vi')[0]!.text).toBe(meta('CRY-03').outside_seeds!.vi);
    expect(findingBasisParts(finding('IRP-04'), catalogue, 'en').map((p) => p.kind)).toEqual([
      'required_by',
      'context',
    ]);
  });

  it('gives every rule that is not a recommendation something that requires it: a seed clause or a named source', () => {
    const bare = catalogue.rules
      .filter((r) => r.kind !== 'recommendation' && !r.id.startsWith('X-'))
      .filter((r) => r.clauses.every((c) => r.context_clauses?.includes(c)) && !r.outside_seeds)
      .map((r) => r.id);
    expect(bare).toEqual([]);
  });

  it('keeps every clause of a recommendation as context', () => {
    expect(finding('CRY-04').contextClauses).toEqual(meta('CRY-04').clauses);
    const lvl = finding('LVL-02', true);
    expect(lvl.contextClauses).toEqual(meta('LVL-02').clauses);
    expect(findingBasisParts(lvl, catalogue, 'en').map((p) => p.kind)).toEqual(['context']);
    expect(finding('LVL-02').contextClauses).toBeUndefined();
  });

  it('fails the coverage check when the catalogue is stale against seeds/coverage.yaml', () => {
    expect(coverageProblems(coverage, loadSeeds(), catalogue)).toEqual([]);
    const rules = catalogue.rules.map((r) => (r.id === 'IRP-03' ? { ...r, context_clauses: undefined } : r));
    const stale = { ...catalogue, rules, byId: new Map(rules.map((r) => [r.id, r])) };
    expect(coverageProblems(coverage, loadSeeds(), stale)).toEqual([
      'IRP-03: seeds/coverage.yaml makes [TTg:2.đ] context, the catalogue [] (run npm run policy:build)',
    ]);
  });
});
