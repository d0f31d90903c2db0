import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { assetPath } from '../util/assets.js';
import type { Lang, Localized, Severity, Stage } from '../model/types.js';
import type { Catalogue, RuleMeta } from './catalogue.js';
import { citation } from './clauses.js';
import { COVERAGE_FILE, type Seeds } from './seeds.js';

/** One decided unit of seeds/coverage.yaml (schemas/coverage.schema.json): a clause, or one bullet of it. */
export interface CoverageEntry {
  clause: string;
  item?: string;
  requires: Localized;
  rules?: string[];
  'national-body'?: string[];
  'not-checkable'?: Localized;
  open?: Localized;
  context?: string[];
  rest?: Localized;
  due?: string;
  recurring?: true;
}

export interface Coverage {
  bodies: Record<string, Localized>;
  entries: CoverageEntry[];
}

export type Decision = 'rules' | 'national-body' | 'not-checkable' | 'open';

let cached: Coverage | undefined;

/** seeds/coverage.yaml, read once. */
export function loadCoverage(): Coverage {
  cached ??= (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(
    readFileSync(assetPath('seeds', COVERAGE_FILE), 'utf8'),
  ) as Coverage;
  return cached;
}

export function decisionOf(e: CoverageEntry): Decision {
  if (e.rules) return 'rules';
  if (e['national-body']) return 'national-body';
  if (e.open) return 'open';
  return 'not-checkable';
}

/** "KH04:V.1.m" + "6" → "KH04:V.1.m#6"; a clause without bullets is its own key. */
export const unitKey = (clause: string, item?: string): string => (item === undefined ? clause : `${clause}#${item}`);

/** The units a rule cites: each cited clause, or the bullets of it named in `clause_items`. */
export function citedUnits(rule: RuleMeta, seeds: Seeds): { units: string[]; unnamed: string[] } {
  const units: string[] = [];
  const unnamed: string[] = [];
  for (const c of rule.clauses) {
    const items = rule.clause_items?.[c];
    if (items?.length) units.push(...items.map((i) => unitKey(c, i)));
    else if (seeds.clauses.get(c)?.items?.length) unnamed.push(c);
    else units.push(c);
  }
  return { units, unnamed };
}

/**
 * Everything that makes seeds/coverage.yaml disagree with the seeds or with the rules' citations, in
 * words: an item of the seeds left undecided or decided twice, an entry for an item the seeds do not
 * have, a rule listed on an item it does not cite, a rule citing an item no entry lists it on (or a
 * clause with bullets without naming them), a decision that contradicts the seeds' `checkable`, a
 * deadline that differs from the seeds', an unknown national body. Empty when all agree.
 */
export function coverageProblems(coverage: Coverage, seeds: Seeds, catalogue: Catalogue): string[] {
  const problems: string[] = [];
  const units = new Map<string, { checkable: boolean; deadline?: string; recurring?: boolean }>();
  for (const [id, c] of seeds.clauses) {
    if (c.items?.length) for (const i of c.items) units.set(unitKey(id, i.item), i);
    else units.set(id, c);
  }
  const entries = new Map<string, CoverageEntry>();
  for (const e of coverage.entries) {
    const key = unitKey(e.clause, e.item);
    const clause = seeds.clauses.get(e.clause);
    if (entries.has(key)) problems.push(`${key}: decided twice`);
    entries.set(key, e);
    if (!units.has(key)) {
      if (clause?.items?.length && e.item === undefined)
        problems.push(`${key}: the clause has bullets; decide each bullet (item) instead`);
      else problems.push(`${key}: no such ${e.item === undefined ? 'clause' : 'item'} in seeds/`);
      continue;
    }
    const seed = units.get(key)!;
    const decision = decisionOf(e);
    const checkable = decision === 'rules' || decision === 'open';
    if (seed.checkable !== checkable)
      problems.push(`${key}: decided ${decision}, but seeds/ marks it checkable: ${seed.checkable}`);
    if ((seed.deadline ?? null) !== (e.due ?? null))
      problems.push(`${key}: due ${e.due ?? 'none'}, but seeds/ gives ${seed.deadline ?? 'none'}`);
    if (Boolean(seed.recurring) !== Boolean(e.recurring))
      problems.push(`${key}: recurring ${Boolean(e.recurring)}, but seeds/ says ${Boolean(seed.recurring)}`);
    for (const b of e['national-body'] ?? [])
      if (!coverage.bodies[b]) problems.push(`${key}: unknown national body "${b}"`);
    for (const id of [...(e.rules ?? []), ...(e.context ?? [])]) {
      const rule = catalogue.byId.get(id);
      if (!rule) problems.push(`${key}: lists ${id}, which is not a rule of the catalogue`);
      else if (!citedUnits(rule, seeds).units.includes(key))
        problems.push(`${key}: lists ${id}, which does not cite it`);
    }
  }
  for (const key of units.keys()) if (!entries.has(key)) problems.push(`${key}: not decided in seeds/coverage.yaml`);
  for (const rule of catalogue.rules) {
    // The catalogue's split (scripts/build-policy.mjs): a cited clause is context when no entry of it lists the rule in `rules`.
    const { units: cited, unnamed } = citedUnits(rule, seeds);
    const context = rule.clauses.filter(
      (c) => !cited.some((key) => (key === c || key.startsWith(`${c}#`)) && entries.get(key)?.rules?.includes(rule.id)),
    );
    if (context.join('\n') !== (rule.context_clauses ?? []).join('\n'))
      problems.push(
        `${rule.id}: seeds/coverage.yaml makes [${context.join(', ')}] context, the catalogue [${(rule.context_clauses ?? []).join(', ')}] (run npm run policy:build)`,
      );
    for (const c of unnamed)
      problems.push(`${rule.id}: cites ${c}, which has bullets, without naming them (METADATA clause_items)`);
    for (const key of cited) {
      const e = entries.get(key);
      if (!e) problems.push(`${rule.id}: cites ${key}, which seeds/coverage.yaml does not have`);
      else if (!e.rules?.includes(rule.id) && !e.context?.includes(rule.id))
        problems.push(`${rule.id}: cites ${key}, but that entry lists it neither in rules nor in context`);
    }
  }
  return problems;
}

/** One line of the compliance matrix, in one language. */
export interface MatrixRow {
  clause: string;
  item: string | null;
  /** "04-KH/BCĐTW §V.1.m" */
  citation: string;
  document: string;
  requires: string;
  decision: Decision;
  rules: Array<{ id: string; severity: Severity; title: string; stages: Stage[]; due: string | null }>;
  bodies: string[];
  /** Why it is not checkable, or what is missing when it is open. */
  reason: string | null;
  rest: string | null;
  context: string[];
  due: string | null;
  recurring: boolean;
}

/** The compliance matrix: every entry of the coverage, in the seeds' order, with its rules resolved. */
export function complianceMatrix(coverage: Coverage, catalogue: Catalogue, lang: Lang): MatrixRow[] {
  return coverage.entries.map((e) => ({
    clause: e.clause,
    item: e.item ?? null,
    citation: citation(e.clause, lang),
    document: e.clause.split(':')[0]!,
    requires: e.requires[lang],
    decision: decisionOf(e),
    rules: (e.rules ?? []).flatMap((id) => {
      const r = catalogue.byId.get(id);
      return r ? [{ id, severity: r.severity, title: r.title[lang], stages: r.stages, due: r.due ?? null }] : [];
    }),
    bodies: (e['national-body'] ?? []).map((b) => coverage.bodies[b]?.[lang] ?? b),
    reason: (e['not-checkable'] ?? e.open)?.[lang] ?? null,
    rest: e.rest?.[lang] ?? null,
    context: e.context ?? [],
    due: e.due ?? null,
    recurring: e.recurring === true,
  }));
}

/**
 * Rules that cite items only as context (no entry lists them in `rules`, mostly because the duty
 * is a national body's): no item asks the system owner for what they check, so an inspector should
 * read their verdicts as the project's reading, not the text's.
 */
export function contextOnlyRules(rows: MatrixRow[]): Array<{ id: string; items: string[] }> {
  const checks = new Set(rows.flatMap((r) => r.rules.map((x) => x.id)));
  const cited = new Map<string, string[]>();
  for (const r of rows)
    for (const id of r.context)
      if (!checks.has(id))
        cited.set(id, [...(cited.get(id) ?? []), r.item === null ? r.citation : `${r.citation} (${r.item})`]);
  return [...cited].map(([id, items]) => ({ id, items })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
