import { readFileSync } from 'node:fs';
import { assetPath } from '../util/assets.js';
import type { Lang, Localized, Severity, Stage } from '../model/types.js';
import { interpolate } from '../i18n/interpolate.js';
import { localizeParamValues } from '../i18n/vocabulary.js';

/** One rule as described by its METADATA block (extracted by scripts/build-policy.mjs). */
export interface RuleMeta {
  id: string;
  /** Rego package, e.g. tuanthu.rules.lvl.lvl_02. */
  package: string;
  key: string;
  file: string;
  severity: Severity;
  stages: Stage[];
  due?: string;
  clauses: string[];
  /**
   * The clauses of `clauses` the rule cites only as context (often a national body's duty), not as
   * what requires it: derived at build time from seeds/coverage.yaml (scripts/build-policy.mjs),
   * absent when every cited clause requires the rule. Read it through `ruleBasis`.
   */
  context_clauses?: string[];
  /** Conditions beyond the stages (sector, level, data held), in words; absent when the rule applies to every system. */
  applies?: Localized;
  /** Other ids that name this rule (e.g. PL4-02 is MON-03: the 4-layer model's layer 2). */
  aliases?: string[];
  /** Bullets of a cited clause the rule derives from, by clause id (e.g. {"KH04:V.1.m": ["10(2)"]}). */
  clause_items?: Record<string, string[]>;
  /** Directive rules an IaC rule provides evidence for (e.g. AWS-S3-01 → CRY-02). */
  supports?: string[];
  /** agency: judged per owning agency over the run's systems (src/engine/agencies.ts), never per system. */
  level?: 'agency';
  /**
   * Terraform providers (local names) whose resources the rule can judge, derived at build time from the
   * policies' data (clouds/data.yaml rows of the concepts it reads, locations/data.yaml, resource types it
   * names): scripts/build-policy.mjs. Absent for a rule over the descriptor only.
   */
  providers?: string[];
  /** recommendation: the whole rule goes beyond the directives' text (its findings are recommendations). */
  kind?: 'recommendation';
  /** Where the duty the rule checks comes from when no seed clause carries it (a law or decree outside seeds/). */
  outside_seeds?: Localized;
  /** What goes beyond the text, in words: present when the rule or some of its findings are recommendations. */
  recommendation?: Localized;
  title: Localized;
  description: Localized;
  messages: Record<string, Localized>;
  remediation: Localized;
  snippet?: string;
}

export interface Catalogue {
  rules: RuleMeta[];
  byId: Map<string, RuleMeta>;
  manifest: { opaVersion: string; regoDigest: string; wasmDigest: string; rules: number };
}

let cached: Catalogue | undefined;

export function loadCatalogue(): Catalogue {
  if (cached) return cached;
  const rules = JSON.parse(readFileSync(assetPath('build', 'policy', 'catalogue.json'), 'utf8')) as RuleMeta[];
  const manifest = JSON.parse(
    readFileSync(assetPath('build', 'policy', 'manifest.json'), 'utf8'),
  ) as Catalogue['manifest'];
  cached = { rules, byId: new Map(rules.map((r) => [r.id, r])), manifest };
  return cached;
}

/** A finding's message: its rule's METADATA template, or the rule's title and the message id when there is none. */
export function messageFor(meta: RuleMeta, msg: string, params: Record<string, unknown>, lang: Lang): string {
  const t = meta.messages[msg]?.[lang];
  return t === undefined ? `${meta.title[lang]} (${msg})` : interpolate(t, localizeParamValues(params, lang), lang);
}

/** What a rule's cited clauses are to it: those that require it, and those it cites only as context. */
export interface RuleBasis {
  required: string[];
  context: string[];
}

/**
 * A rule's cited clauses split by seeds/coverage.yaml (RuleMeta.context_clauses). A recommendation,
 * the whole rule (`kind: recommendation`) or one finding of it, is required by none of them: every
 * clause is its context. An organisation's own rule (--policy) has no coverage: its clauses require it.
 */
export function ruleBasis(
  meta: Pick<RuleMeta, 'clauses' | 'context_clauses' | 'kind'>,
  recommendation: boolean = meta.kind === 'recommendation',
): RuleBasis {
  if (recommendation) return { required: [], context: meta.clauses };
  const context = meta.context_clauses;
  if (!context?.length) return { required: meta.clauses, context: [] };
  return { required: meta.clauses.filter((c) => !context.includes(c)), context };
}
