// Rule selection and severity overrides, with the governance the directives' critical duties need:
// every change has a reason, a critical rule is never skipped or lowered, and the report says so.
import { t } from '../i18n/index.js';
import { severityRank } from '../model/severity.js';
import type { Lang, RuleSettings, Severity } from '../model/types.js';
import type { Catalogue } from './catalogue.js';
import { lookupRule } from './explain.js';
import { isBlank } from '../util/text.js';

/** A reason that says something: not blank, not only spaces or invisible characters. */
export function isMeaningful(reason: string | undefined): boolean {
  return !isBlank(reason);
}

/** What is wrong with rule settings, in the user's language; empty when they may be used. */
export function ruleSettingsProblems(settings: RuleSettings, catalogue: Catalogue, lang: Lang): string[] {
  const problems: string[] = [];
  const known = (id: string): Severity | undefined => {
    const found = lookupRule(catalogue, id);
    if (found.found) return found.meta.severity;
    const hint = found.suggestions.length ? `; ${t('rules.did_you_mean', { ids: found.suggestions }, lang)}` : '';
    problems.push(`${t('rules.unknown', { rule: id }, lang)}${hint}`);
    return undefined;
  };
  for (const id of settings.only ?? []) known(id);
  for (const s of settings.skip ?? []) {
    const severity = known(s.rule);
    if (!isMeaningful(s.reason)) problems.push(t('rules.skip_needs_reason', { rule: s.rule }, lang));
    if (severity === 'critical') problems.push(t('rules.skip_critical', { rule: s.rule }, lang));
  }
  const seen = new Set<string>();
  for (const o of settings.severity ?? []) {
    const severity = known(o.rule);
    if (seen.has(o.rule)) problems.push(t('rules.severity_twice', { rule: o.rule }, lang));
    seen.add(o.rule);
    if (!isMeaningful(o.reason)) problems.push(t('rules.severity_needs_reason', { rule: o.rule }, lang));
    if (severity === 'critical' && severityRank(o.severity) < severityRank('critical')) {
      problems.push(t('rules.lower_critical', { rule: o.rule, severity: o.severity }, lang));
    }
  }
  return problems;
}

/** Rule settings as the engine applies them: by rule id, for one lookup per finding. */
export interface CompiledRuleSettings {
  /** Why a rule is left out: its skip reason, or undefined when it is not selected by `only`. */
  excluded: Map<string, { code: 'skipped' | 'not_selected'; reason?: string }>;
  severity: Map<string, { severity: Severity; reason: string }>;
}

const compiled = new WeakMap<RuleSettings, CompiledRuleSettings>();

/** The settings by rule id (cached per settings object: the same for every system of a run). */
export function compileRuleSettings(settings: RuleSettings, catalogue: Catalogue): CompiledRuleSettings {
  let c = compiled.get(settings);
  if (c) return c;
  const id = (r: string) => {
    const found = lookupRule(catalogue, r);
    return found.found ? found.meta.id : r;
  };
  c = { excluded: new Map(), severity: new Map() };
  if (settings.only) {
    const only = new Set(settings.only.map(id));
    for (const r of catalogue.rules) if (!only.has(r.id)) c.excluded.set(r.id, { code: 'not_selected' });
  }
  for (const s of settings.skip ?? []) c.excluded.set(id(s.rule), { code: 'skipped', reason: s.reason });
  for (const o of settings.severity ?? []) c.severity.set(id(o.rule), { severity: o.severity, reason: o.reason });
  compiled.set(settings, c);
  return c;
}

/** Whether any setting is there to apply. */
export function hasRuleSettings(s: RuleSettings | undefined): s is RuleSettings {
  return Boolean(s && ((s.only?.length ?? 0) > 0 || (s.skip?.length ?? 0) > 0 || (s.severity?.length ?? 0) > 0));
}

/** The settings as a report records them: rule ids as the catalogue spells them, and each changed severity's original. */
export function reportedRuleSettings(settings: RuleSettings, catalogue: Catalogue): RuleSettings {
  const meta = (r: string) => {
    const found = lookupRule(catalogue, r);
    return found.found ? found.meta : undefined;
  };
  const id = (r: string) => meta(r)?.id ?? r;
  return {
    ...(settings.only?.length ? { only: settings.only.map(id) } : {}),
    ...(settings.skip?.length ? { skip: settings.skip.map((s) => ({ rule: id(s.rule), reason: s.reason })) } : {}),
    ...(settings.severity?.length
      ? {
          severity: settings.severity.map((o) => {
            const from = meta(o.rule)?.severity;
            return { rule: id(o.rule), severity: o.severity, reason: o.reason, ...(from ? { from } : {}) };
          }),
        }
      : {}),
  };
}
