// Every rule's fixtures (policies/tuanthu/rules/<family>/<rule>/fixtures.yaml) run through the compiled Wasm:
// valid cases produce no finding of the rule, invalid cases exactly the expected ones.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIac, loadJsonText } from '../../src/io/iac/load.js';
import type { IacStack } from '../../src/model/iac.js';
import { AgencyCollector } from '../../src/engine/agencies.js';
import { loadCatalogue } from '../../src/engine/catalogue.js';
import { PolicyEngine } from '../../src/engine/policy-engine.js';
import { AS_OF, COMPLIANT, evaluate, mergePatch, readYaml, ROOT, ruleDirs } from '../helpers.js';

interface Case {
  name: string;
  patch?: unknown;
  /** Inline Terraform JSON (the shape of cdk.tf.json); gets provider aws in ap-southeast-1 when it names no provider. */
  iac?: Record<string, unknown>;
  /** An IaC file beside fixtures.yaml (.tf, plan JSON, Terraform JSON). */
  iac_file?: string;
  as_of?: string;
  stage?: string;
  reason?: string;
  /** An agency-level rule (METADATA level: agency): the run's systems, each the compliant base patched. */
  systems?: unknown[];
  /** path "<iac>" stands for the IaC input's name (stack-level findings). */
  /**
   * severity: the finding's own (a recommendation's, lower than the rule's) or else the rule's;
   * recommendation: whether it is labelled a recommendation (beyond the directives' text).
   */
  expect?: Array<{
    msg: string;
    path: string;
    status?: string;
    severity?: string;
    recommendation?: boolean;
    params?: Record<string, unknown>;
  }>;
}
interface Fixtures {
  valid?: Case[];
  invalid?: Case[];
  /** A value the rule needs is only known after apply: each expected finding has status "unknown". */
  unknown?: Case[];
  /** Not `not_applicable`: OPA loads fixtures.yaml as data beside the package, which defines that rule. */
  inapplicable?: Case[];
}

const catalogue = loadCatalogue();
const base = readYaml(COMPLIANT);

for (const meta of catalogue.rules) {
  const file = join(ROOT, dirname(meta.file), 'fixtures.yaml');
  if (!existsSync(file)) continue; // the layout harness reports it
  const fx = readYaml<Fixtures>(file);

  if (meta.level === 'agency') {
    describe(`${meta.id} (${meta.key}, per agency)`, () => agencyCases(meta.id, meta.key, fx));
    continue;
  }

  describe(`${meta.id} (${meta.key})`, () => {
    // IaC goes through the same loader users run; the descriptor is the compliant one, patched.
    const stacksOf = async (c: Case): Promise<IacStack[]> => {
      let r: ReturnType<typeof loadJsonText>;
      if (c.iac_file) r = await loadIac(join(dirname(file), c.iac_file), c.iac_file);
      else if (c.iac)
        r = loadJsonText(
          JSON.stringify({ provider: { aws: [{ region: 'ap-southeast-1' }] }, ...c.iac }),
          'fixture.tf.json',
        );
      else return [];
      if (!r.ok) throw new Error(`fixture IaC does not load: ${JSON.stringify(r.errors)}`);
      return [r.stack];
    };
    const runFull = async (c: Case) => {
      const stacks = await stacksOf(c);
      return {
        result: evaluate(mergePatch(base, c.patch ?? {}), c.as_of ?? AS_OF, c.stage, stacks),
        stack: stacks[0]?.file ?? '',
      };
    };
    const run = async (c: Case) => (await runFull(c)).result;

    for (const c of fx.valid ?? []) {
      it(`passes: ${c.name}`, async () => {
        const r = await run(c);
        expect(r.not_applicable[meta.key], 'rule should apply').toBeUndefined();
        expect(r.findings.filter((f) => f.rule === meta.id)).toEqual([]);
      });
    }

    for (const c of fx.inapplicable ?? []) {
      it(`not applicable: ${c.name}`, async () => {
        const r = await run(c);
        const reason = r.not_applicable[meta.key];
        expect(typeof reason === 'string' ? reason : reason?.code).toBe(c.reason);
        expect(r.findings.filter((f) => f.rule === meta.id)).toEqual([]);
      });
    }

    for (const c of fx.invalid ?? []) {
      it(`fails: ${c.name}`, async () => {
        const { result, stack } = await runFull(c);
        const got = result.findings.filter((f) => f.rule === meta.id);
        const want = (c.expect ?? []).map((w) => (w.path === '<iac>' ? { ...w, path: stack } : w));
        expect(want.length, 'an invalid case must say what it expects').toBeGreaterThan(0);
        expect(got.map((f) => `${f.msg} ${f.path} ${f.status}`).sort()).toEqual(
          want.map((w) => `${w.msg} ${w.path} ${w.status ?? 'violation'}`).sort(),
        );
        for (const w of want) {
          const f = got.find((g) => g.msg === w.msg && g.path === w.path);
          if (w.params) expect(f?.params).toMatchObject(w.params);
          if (w.severity) expect(f?.severity ?? meta.severity, `${w.msg} severity`).toBe(w.severity);
          const labelled = f?.recommendation === true || meta.kind === 'recommendation';
          if (w.recommendation !== undefined) expect(labelled, `${w.msg} recommendation`).toBe(w.recommendation);
        }
        for (const f of got) expect(meta.messages[f.msg], `message template "${f.msg}"`).toBeDefined();
      });
    }

    // Unknown is its own verdict: neither a pass (no finding) nor a violation, and it says which expression.
    for (const c of fx.unknown ?? []) {
      it(`unknown until apply: ${c.name}`, async () => {
        const { result, stack } = await runFull(c);
        const got = result.findings.filter((f) => f.rule === meta.id);
        const want = (c.expect ?? []).map((w) => (w.path === '<iac>' ? { ...w, path: stack } : w));
        expect(want.length, 'an unknown case must say what it expects').toBeGreaterThan(0);
        expect(got.map((f) => `${f.msg} ${f.path} ${f.status}`).sort()).toEqual(
          want.map((w) => `${w.msg} ${w.path} unknown`).sort(),
        );
        for (const w of want) {
          const f = got.find((g) => g.msg === w.msg && g.path === w.path);
          expect(f?.params).toMatchObject(w.params ?? {});
        }
        for (const f of got) {
          expect(meta.messages[f.msg]?.en, `message template "${f.msg}" shows the expression`).toContain(
            '{expression}',
          );
          expect(typeof f.params.expression === 'string' && f.params.expression !== '', 'params.expression').toBe(true);
        }
      });
    }
  });
}

/**
 * An agency-level rule through both compiled entrypoints, as a run takes it: each system evaluated
 * (tuanthu/main/result, which gives its summary), then its agency (tuanthu/portfolio/result).
 */
function agencyCases(id: string, key: string, fx: Fixtures): void {
  const runAgency = (c: Case) => {
    const agencies = new AgencyCollector();
    (c.systems ?? []).forEach((patch, i) => {
      const d = mergePatch(base, patch ?? {}) as { system: { owner: string } };
      const r = evaluate(d, c.as_of ?? AS_OF, c.stage);
      expect(r.not_applicable[key], 'never judged per system').toBe('agency');
      agencies.add({ agency: d.system.owner, at: { file: `s${i}.yaml`, line: 1, column: 1 }, rows: r.summaries ?? {} });
    });
    const options = { asOf: c.as_of ?? AS_OF, failOn: 'high' as const, lang: 'en' as const };
    return agencies
      .finish(PolicyEngine.load(), catalogue, options)
      .flatMap((a) => a.findings.filter((f) => f.rule === id));
  };
  for (const c of fx.valid ?? []) it(`passes: ${c.name}`, () => expect(runAgency(c)).toEqual([]));
  for (const c of fx.inapplicable ?? [])
    it(`not applicable per system: ${c.name}`, () => {
      const r = evaluate(mergePatch(base, c.patch ?? {}), c.as_of ?? AS_OF, c.stage);
      expect(r.not_applicable[key]).toBe(c.reason);
    });
  for (const c of fx.invalid ?? [])
    it(`fails: ${c.name}`, () => {
      const got = runAgency(c);
      const want = c.expect ?? [];
      expect(want.length, 'an invalid case must say what it expects').toBeGreaterThan(0);
      expect(got.map((f) => `${f.params.msg} ${f.path} ${f.status}`).sort()).toEqual(
        want.map((w) => `${w.msg} ${w.path} ${w.status ?? 'violation'}`).sort(),
      );
      for (const w of want) expect(got.find((f) => f.params.msg === w.msg)?.params).toMatchObject(w.params ?? {});
    });
}

describe('the compliant base example', () => {
  it('passes every rule that applies to it, with its infrastructure code', async () => {
    const stack = await loadIac(
      join(ROOT, 'examples/mof-public-services/iac/cdktf.out/stacks/portal/cdk.tf.json'),
      'cdk.tf.json',
    );
    expect(stack.ok).toBe(true);
    const r = evaluate(base, AS_OF, undefined, stack.ok ? [stack.stack] : []);
    expect(r.findings).toEqual([]);
    const iacKeys = catalogue.rules.filter((m) => m.supports).map((m) => m.key);
    // The provider-neutral rules (CLD-*) judge other clouds; this stack is AWS only.
    const otherClouds = (k: string) => {
      const reason = r.not_applicable[k];
      return (
        typeof reason === 'object' && reason.code === 'no_provider' && !/\baws\b/.test(String(reason.params?.provider))
      );
    };
    expect(Object.keys(r.not_applicable).filter((k) => iacKeys.includes(k) && !otherClouds(k))).toEqual([]);
    expect(Object.keys(r.not_applicable).filter(otherClouds).sort()).toEqual([
      'cld_bak_01',
      'cld_enc_01',
      'cld_log_01',
      'cld_net_01',
      'cld_pub_01',
      'cld_tls_01',
    ]);
  });

  it('has every rule directory compiled into the catalogue', () => {
    const dirs = ruleDirs()
      .map((d) => d.key)
      .sort();
    expect(catalogue.rules.map((r) => r.key).sort()).toEqual(dirs);
  });
});
