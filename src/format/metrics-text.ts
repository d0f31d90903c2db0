import { formatParam, t } from '../i18n/index.js';
import type { Lang } from '../model/types.js';

/** Day-count figures the rules compute (named by metrics.<key>), with the metric holding the window each is checked against. */
const DAY_FIGURES = [
  { key: 'days_since_independent_assessment', max: 'independent_assessment_period_days' },
  { key: 'days_since_drill', max: 'drill_max_days' },
  { key: 'days_since_restore_test', max: 'restore_test_max_days' },
  { key: 'days_since_incident_plan_update', max: 'incident_plan_max_days' },
  { key: 'days_since_standard_review', max: 'standard_review_max_days' },
  { key: 'days_since_compliance_report' },
] as const satisfies ReadonlyArray<{ key: string; max?: string }>;

/** The "Figures:" lines of a system in the text report; empty when no rule computed a figure. */
export function metricsLines(m: Record<string, unknown>, lang: Lang): string[] {
  const parts: string[] = [];
  if (typeof m.security_budget_share_pct === 'number') {
    parts.push(
      `${t('metrics.share', lang)} ${formatParam(m.security_budget_share_pct, lang)}% (≥ ${formatParam(m.security_budget_min_pct, lang)}%)`,
    );
  }
  if (typeof m.level_minimum === 'number') parts.push(`${t('metrics.min_level', lang)} ${m.level_minimum}`);
  const days = DAY_FIGURES.filter((f) => typeof m[f.key] === 'number').map((f) => {
    const max = 'max' in f && typeof m[f.max] === 'number' ? `/${formatParam(m[f.max], lang)}` : '';
    return `${t(`metrics.${f.key}`, lang)} ${formatParam(m[f.key], lang)}${max}`;
  });
  const lines = parts.length ? [`  ${t('metrics.metrics', lang)}: ${parts.join(' · ')}`] : [];
  if (days.length)
    lines.push(
      `  ${parts.length ? ' '.repeat(t('metrics.metrics', lang).length + 1) : `${t('metrics.metrics', lang)}:`} ${t('metrics.days_since', lang)}: ${days.join(', ')}`,
    );
  return lines;
}
