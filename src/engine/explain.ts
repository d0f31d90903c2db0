import { citation } from './clauses.js';
import { type Catalogue, type RuleMeta, ruleBasis } from './catalogue.js';
import { loadSeeds, type Seeds } from './seeds.js';
import type { Lang, Severity, Stage } from '../model/types.js';
import { compareText } from '../util/collate.js';
import { editDistance } from '../util/suggest.js';

/** Rule ids as users type them: "mon_03", "mon-03 " and "MON-03" are the same rule. */
export function normalizeRuleId(id: string): string {
  return id.trim().toUpperCase().replace(/_/g, '-');
}

export type RuleLookup = { found: true; meta: RuleMeta; alias?: string } | { found: false; suggestions: string[] };

/** Finds a rule by id or alias (PL4-02 → MON-03); otherwise the closest ids, for "did you mean". */
export function lookupRule(catalogue: Catalogue, id: string): RuleLookup {
  const want = normalizeRuleId(id);
  const direct = catalogue.byId.get(want);
  if (direct) return { found: true, meta: direct };
  const aliased = catalogue.rules.find((r) => r.aliases?.includes(want));
  if (aliased) return { found: true, meta: aliased, alias: want };
  const names = catalogue.rules.flatMap((r) => [r.id, ...(r.aliases ?? [])]);
  const ranked = names.map((n) => ({ n, d: editDistance(want, n) })).sort((a, b) => a.d - b.d || compareText(a.n, b.n));
  const close = ranked
    .filter((x) => x.d <= 2)
    .slice(0, 3)
    .map((x) => x.n);
  const prefix = want.split('-')[0] ?? '';
  const family = prefix.length >= 2 ? names.filter((n) => n.startsWith(`${prefix}-`)).slice(0, 5) : [];
  return { found: false, suggestions: close.length > 0 ? close : family };
}

/** A cited clause, resolved in seeds/: document number, section and the paraphrase in one language. */
export interface ClauseExplanation {
  id: string;
  citation: string;
  document: string;
  section: string;
  paraphrase: string;
  deadline?: string;
  /** The bullets of the clause the rule derives from (METADATA clause_items). */
  items: Array<{ item: string; paraphrase: string; deadline?: string }>;
  /** The rule cites the clause only as context, not as what requires it (seeds/coverage.yaml; every clause of a recommendation). */
  context?: true;
}

/** Everything `tuanthu explain` shows about one rule, in one language. */
export interface RuleExplanation {
  id: string;
  aliases: string[];
  severity: Severity;
  title: string;
  description: string;
  stages: Stage[];
  applies?: string;
  due?: string;
  /** First day on which a gap counts as a violation (the day after `due`). */
  violationFrom?: string;
  clauses: ClauseExplanation[];
  remediation: string;
  snippet?: string;
  /** The rule is wholly a recommendation (beyond the directives' text). */
  recommendationOnly?: true;
  /** The source of the duty outside the seeds, when no cited clause carries it. */
  outsideSeeds?: string;
  /** What goes beyond the text, when the rule or some of its findings are recommendations. */
  recommendation?: string;
}

export function explainRule(meta: RuleMeta, lang: Lang, seeds: Seeds = loadSeeds()): RuleExplanation {
  const { context } = ruleBasis(meta);
  const clauses = meta.clauses.map((id): ClauseExplanation => {
    const c = seeds.clauses.get(id);
    const wanted = meta.clause_items?.[id] ?? [];
    const items = (c?.items ?? [])
      .filter((i) => wanted.includes(i.item))
      .map((i) => ({ item: i.item, paraphrase: i.paraphrase[lang], ...(i.deadline ? { deadline: i.deadline } : {}) }));
    return {
      id,
      citation: citation(id, lang),
      document: c?.document.number ?? id.split(':')[0] ?? id,
      section: c?.section ?? id.split(':')[1] ?? '',
      paraphrase: c?.paraphrase[lang] ?? '',
      ...(c?.deadline ? { deadline: c.deadline } : {}),
      items,
      ...(context.includes(id) ? { context: true as const } : {}),
    };
  });
  return {
    id: meta.id,
    aliases: meta.aliases ?? [],
    severity: meta.severity,
    title: meta.title[lang],
    description: meta.description[lang],
    stages: meta.stages,
    ...(meta.applies ? { applies: meta.applies[lang] } : {}),
    ...(meta.due ? { due: meta.due, violationFrom: nextDay(meta.due) } : {}),
    clauses,
    remediation: meta.remediation[lang],
    ...(meta.snippet ? { snippet: meta.snippet } : {}),
    ...(meta.kind === 'recommendation' ? { recommendationOnly: true as const } : {}),
    ...(meta.recommendation ? { recommendation: meta.recommendation[lang] } : {}),
    ...(meta.outside_seeds ? { outsideSeeds: meta.outside_seeds[lang] } : {}),
  };
}

function nextDay(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`) + 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
