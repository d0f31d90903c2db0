import type { RuleExplanation } from '../engine/explain.js';
import { type RuleMeta, ruleBasis } from '../engine/catalogue.js';
import type { Lang } from '../model/types.js';

/** `tuanthu rules --format json`: the catalogue in one language, for machines. */
export function renderRuleListJson(rules: RuleMeta[], lang: Lang): string {
  const list = rules.map((r) => ({
    id: r.id,
    aliases: r.aliases ?? [],
    severity: r.severity,
    title: r.title[lang],
    stages: r.stages,
    due: r.due ?? null,
    clauses: r.clauses,
    // The clauses cited only as context (seeds/coverage.yaml; every clause of a recommendation).
    context_clauses: ruleBasis(r).context,
    providers: r.providers ?? [],
    ...(r.kind === 'recommendation' ? { kind: 'recommendation' } : {}),
  }));
  return JSON.stringify({ lang, rules: list }, null, 2) + '\n';
}

/** `tuanthu explain <ID> --format json`. */
export function renderExplanationJson(e: RuleExplanation, lang: Lang): string {
  return JSON.stringify({ lang, rule: e }, null, 2) + '\n';
}
