import { formatParam } from '../engine/catalogue.js';
import type { Lang, Localized } from '../model/types.js';

/** Day-count figures the rules compute, with the metric holding the window each is checked against. */
const DAY_FIGURES: Array<{ key: string; max?: string; label: Localized }> = [
  { key: 'days_since_independent_assessment', max: 'independent_assessment_period_days', label: { en: 'independent assessment', vi: 'đánh giá độc lập' } },
  { key: 'days_since_drill', max: 'drill_max_days', label: { en: 'drill', vi: 'diễn tập' } },
  { key: 'days_since_restore_test', max: 'restore_test_max_days', label: { en: 'restore test', vi: 'thử khôi phục' } },
  { key: 'days_since_incident_plan_update', max: 'incident_plan_max_days', label: { en: 'incident plan update', vi: 'cập nhật phương án ứng phó' } },
  { key: 'days_since_standard_review', max: 'standard_review_max_days', label: { en: 'TCVN 14423 review', vi: 'rà soát TCVN 14423' } },
  { key: 'days_since_compliance_report', label: { en: 'compliance report', vi: 'báo cáo tuân thủ' } },
];

const L = {
  metrics: { en: 'Figures', vi: 'Số liệu' },
  share: { en: 'security budget share', vi: 'tỷ lệ kinh phí an ninh mạng' },
  min_level: { en: 'minimum level implied', vi: 'cấp độ tối thiểu theo dữ liệu, dịch vụ' },
  days_since: { en: 'days since', vi: 'số ngày kể từ' },
} satisfies Record<string, Localized>;

/** The "Figures:" lines of a system in the text report; empty when no rule computed a figure. */
export function metricsLines(m: Record<string, unknown>, lang: Lang): string[] {
  const parts: string[] = [];
  if (typeof m.security_budget_share_pct === 'number') {
    parts.push(`${L.share[lang]} ${formatParam(m.security_budget_share_pct, lang)}% (≥ ${formatParam(m.security_budget_min_pct, lang)}%)`);
  }
  if (typeof m.level_minimum === 'number') parts.push(`${L.min_level[lang]} ${m.level_minimum}`);
  const days = DAY_FIGURES.filter((f) => typeof m[f.key] === 'number').map((f) => {
    const max = f.max && typeof m[f.max] === 'number' ? `/${formatParam(m[f.max], lang)}` : '';
    return `${f.label[lang]} ${formatParam(m[f.key], lang)}${max}`;
  });
  const lines = parts.length ? [`  ${L.metrics[lang]}: ${parts.join(' · ')}`] : [];
  if (days.length) lines.push(`  ${parts.length ? ' '.repeat(L.metrics[lang].length + 1) : `${L.metrics[lang]}:`} ${L.days_since[lang]}: ${days.join(', ')}`);
  return lines;
}
