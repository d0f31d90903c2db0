// Consistency of the rule catalogue beyond the per-rule layout harness: reason codes translated,
// bullet citations and deadlines that match seeds/, aliases, thresholds with their sources.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainRule, lookupRule } from '../../src/engine/explain.js';
import { messageKey, t } from '../../src/i18n/index.js';
import { loadCatalogue } from '../../src/engine/catalogue.js';
import { loadSeeds } from '../../src/engine/seeds.js';
import { LANGS } from '../../src/model/types.js';
import { readYaml, ROOT } from '../helpers.js';

const catalogue = loadCatalogue();
const seeds = loadSeeds();
// A rule's folder is that of its .rego file (policies/tuanthu/rules/<family>/<key>/).
const ruleDir = (key: string) => dirname(join(ROOT, catalogue.rules.find((r) => r.key === key)!.file));
const regoOf = (key: string) => readFileSync(join(ruleDir(key), `${key}.rego`), 'utf8');

describe('reason codes for not_applicable', () => {
  const emitted = new Set<string>();
  for (const src of [
    readFileSync(join(ROOT, 'policies/tuanthu/main/main.rego'), 'utf8'),
    ...catalogue.rules.map((r) => regoOf(r.key)),
  ]) {
    for (const m of src.matchAll(/"code":\s*"(\w+)"/g)) emitted.add(m[1]!);
  }
  for (const r of catalogue.rules) {
    const fx = readYaml<{ inapplicable?: Array<{ reason: string }> }>(join(ruleDir(r.key), 'fixtures.yaml'));
    for (const c of fx.inapplicable ?? []) emitted.add(c.reason);
  }

  it('finds the codes the policies emit', () => {
    expect([...emitted]).toEqual(
      expect.arrayContaining(['stage', 'sector', 'level', 'no_citizen_service', 'no_sensitive_data']),
    );
  });

  it.each([...emitted].sort())('%s has a translation in vi and en', (code) => {
    const key = messageKey('reason', code);
    expect(key, code).toBeDefined();
    for (const lang of LANGS) expect(t(key!, lang).trim(), `${code}.${lang}`).toBeTruthy();
  });
});

describe('clause bullets and deadlines', () => {
  const withItems = catalogue.rules.filter((r) => r.clause_items);

  it.each(withItems.map((r) => [r.id, r] as const))('%s cites bullets that exist under clauses it cites', (_id, r) => {
    for (const [clause, items] of Object.entries(r.clause_items!)) {
      expect(r.clauses, `${clause} is cited`).toContain(clause);
      const known = seeds.clauses.get(clause)?.items?.map((i) => i.item) ?? [];
      for (const i of items) expect(known, `${clause} item ${i}`).toContain(i);
    }
  });

  it.each(withItems.filter((r) => r.due).map((r) => [r.id, r] as const))(
    '%s has the deadline of a bullet it cites',
    (_id, r) => {
      const deadlines = Object.entries(r.clause_items!).flatMap(([c, items]) =>
        (seeds.clauses.get(c)?.items ?? []).filter((i) => items.includes(i.item)).map((i) => i.deadline),
      );
      expect(deadlines).toContain(r.due);
    },
  );
});

describe('aliases', () => {
  it('never collide with rule ids or each other', () => {
    const ids = catalogue.rules.map((r) => r.id);
    const aliases = catalogue.rules.flatMap((r) => r.aliases ?? []);
    expect(new Set([...ids, ...aliases]).size).toBe(ids.length + aliases.length);
  });

  it('resolve to the rule that covers them (PL4-02 = MON-03, PL4-04 = MON-04)', () => {
    expect(lookupRule(catalogue, 'PL4-02')).toMatchObject({ found: true, meta: { id: 'MON-03' }, alias: 'PL4-02' });
    expect(lookupRule(catalogue, 'pl4_04')).toMatchObject({ found: true, meta: { id: 'MON-04' } });
    expect(catalogue.byId.has('PL4-02')).toBe(false);
  });

  it('suggest close ids for an unknown one', () => {
    expect(lookupRule(catalogue, 'MON-3')).toMatchObject({
      found: false,
      suggestions: expect.arrayContaining(['MON-03']),
    });
    expect(lookupRule(catalogue, 'IRP-9')).toMatchObject({
      found: false,
      suggestions: expect.arrayContaining(['IRP-01']),
    });
  });
});

describe('explanations', () => {
  it.each(catalogue.rules.map((r) => [r.id, r] as const))('%s resolves every clause in both languages', (_id, r) => {
    for (const lang of LANGS) {
      const e = explainRule(r, lang, seeds);
      expect(e.clauses).toHaveLength(r.clauses.length);
      for (const c of e.clauses) expect(c.paraphrase, `${c.id} ${lang}`).not.toBe('');
    }
  });
});

describe('policies/tuanthu/thresholds/data.yaml', () => {
  const thresholds = readYaml<Record<string, Array<{ value: unknown; effective_from: string; source: string }>>>(
    join(ROOT, 'policies/tuanthu/thresholds/data.yaml'),
  );

  it.each(Object.entries(thresholds))(
    '%s: every version has a value, an effective date and a source',
    (_name, versions) => {
      for (const v of versions) {
        expect(v.value).toBeDefined();
        expect(v.effective_from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(v.source?.trim()).toBeTruthy();
      }
    },
  );

  it('holds every threshold a rule asks for', () => {
    const names = new Set<string>();
    for (const r of catalogue.rules)
      for (const m of regoOf(r.key).matchAll(/lib\.threshold\("(\w+)"\)/g)) names.add(m[1]!);
    for (const n of names) expect(thresholds, n).toHaveProperty(n);
  });
});

describe('VUL-01 in both languages', () => {
  // The Rego reports medium and low vulnerabilities past the recommended windows; both languages must say so.
  const windows = readYaml<Record<string, Array<{ value: Record<string, number> }>>>(
    join(ROOT, 'policies/tuanthu/thresholds/data.yaml'),
  ).vulnerability_recommended_window_days!.at(-1)!.value;
  const vul01 = catalogue.byId.get('VUL-01')!;

  it.each(LANGS)('%s: the description names the recommended windows', (lang) => {
    for (const days of Object.values(windows)) expect(vul01.description[lang]).toContain(String(days));
    expect(vul01.description[lang]).not.toMatch(/không có thời hạn ở quy tắc này|no window in this rule/);
  });
});
