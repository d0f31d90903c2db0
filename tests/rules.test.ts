// Every rule's fixtures (policies/rules/<rule>/fixtures.yaml) run through the compiled Wasm:
// valid cases produce no finding of the rule, invalid cases exactly the expected ones.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/policy/catalogue.js';
import { AS_OF, COMPLIANT, evaluate, mergePatch, readYaml, ROOT } from './helpers.js';

interface Case {
  name: string;
  patch: unknown;
  as_of?: string;
  stage?: string;
  reason?: string;
  expect?: Array<{ msg: string; path: string; status?: string; params?: Record<string, unknown> }>;
}
interface Fixtures {
  valid?: Case[];
  invalid?: Case[];
  not_applicable?: Case[];
}

const RULES_DIR = join(ROOT, 'policies/rules');
const catalogue = loadCatalogue();
const base = readYaml(COMPLIANT);

for (const meta of catalogue.rules) {
  const file = join(RULES_DIR, meta.key, 'fixtures.yaml');
  if (!existsSync(file)) continue; // the layout harness reports it
  const fx = readYaml<Fixtures>(file);

  describe(`${meta.id} (${meta.key})`, () => {
    const run = (c: Case) => evaluate(mergePatch(base, c.patch), c.as_of ?? AS_OF, c.stage);

    for (const c of fx.valid ?? []) {
      it(`passes: ${c.name}`, () => {
        const r = run(c);
        expect(r.not_applicable[meta.key], 'rule should apply').toBeUndefined();
        expect(r.findings.filter((f) => f.rule === meta.id)).toEqual([]);
      });
    }

    for (const c of fx.not_applicable ?? []) {
      it(`not applicable: ${c.name}`, () => {
        const r = run(c);
        expect(r.not_applicable[meta.key]?.map((x) => x.code)).toContain(c.reason);
        expect(r.findings.filter((f) => f.rule === meta.id)).toEqual([]);
      });
    }

    for (const c of fx.invalid ?? []) {
      it(`fails: ${c.name}`, () => {
        const got = run(c).findings.filter((f) => f.rule === meta.id);
        const want = c.expect ?? [];
        expect(want.length, 'an invalid case must say what it expects').toBeGreaterThan(0);
        expect(got.map((f) => `${f.msg} ${f.path} ${f.status}`).sort()).toEqual(want.map((w) => `${w.msg} ${w.path} ${w.status ?? 'violation'}`).sort());
        for (const w of want) {
          if (!w.params) continue;
          const f = got.find((g) => g.msg === w.msg && g.path === w.path);
          expect(f?.params).toMatchObject(w.params);
        }
        for (const f of got) expect(meta.messages[f.msg], `message template "${f.msg}"`).toBeDefined();
      });
    }
  });
}

describe('the compliant base example', () => {
  it('passes every rule that applies to it', () => {
    const r = evaluate(base);
    expect(r.findings).toEqual([]);
  });

  it('has every rule directory compiled into the catalogue', () => {
    const dirs = readdirSync(RULES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect(catalogue.rules.map((r) => r.key).sort()).toEqual(dirs);
  });
});
