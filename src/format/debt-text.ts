import { t } from '../i18n/index.js';
import type { Finding, Lang, Report, WaiverRecord } from '../model/types.js';

/** Text-format pieces for waivers and baselines, kept apart from text.ts so each stays small. */

/** The tag in front of a finding: "waived" replaces the severity, "baseline" follows it. */
export function debtTag(f: Finding, lang: Lang): string | undefined {
  if (f.waiver) return `${t('debt.waived', lang)} (${f.severity})`;
  return undefined;
}

export function waiverLine(f: Finding, lang: Lang): string | undefined {
  const w = f.waiver;
  if (!w) return undefined;
  const ref = w.reference ? `, ${w.reference}` : '';
  return `      ${t('debt.waived_until', lang)} ${w.expires} (${w.daysLeft} ${t('debt.days_left', lang)}), ${t('debt.approved_by', lang)} ${w.approvedBy.name} (${w.approvedBy.title}) ${w.approved}${ref}: ${w.justification} — ${w.location.file}:${w.location.line}:${w.location.column}`;
}

export function baselineMark(f: Finding, lang: Lang): string {
  return f.baseline === 'existing' ? ` [${t('debt.baseline', lang)}]` : '';
}

export function waiverRecordLine(w: WaiverRecord, lang: Lang): string {
  const target = w.path ? ` ${w.path}` : '';
  const why = w.reason
    ? `: ${w.reason.text}`
    : `: ${w.expires} (${w.daysLeft} ${t('debt.days_left', lang)}), ${w.approvedBy.name}`;
  return `${w.location.file}:${w.location.line}:${w.location.column}: ${t('debt.waiver', lang)} ${t(`waiver_status.${w.status}`, lang)} — ${w.rule} ${w.system}${target}${why}`;
}

/** The waivers that need someone's attention: not applied, or applied but ending within 30 days. */
export function waiverProblems(report: Report): WaiverRecord[] {
  return (report.waivers ?? []).filter((w) => w.status !== 'active');
}

export function baselineBlock(report: Report, lang: Lang): string[] {
  const b = report.baseline;
  if (!b) return [];
  const lines = [
    `${t('debt.baseline_summary', lang)} ${b.file} (${b.created}): ${b.new} ${t('debt.new', lang)}, ${b.existing} ${t('debt.existing', lang)}, ${b.fixed.length} ${t('debt.fixed', lang)}`,
  ];
  for (const f of b.fixed) lines.push(`  ✔ ${f.rule} ${f.system} ${f.path}${f.msg ? ` (${f.msg})` : ''}`);
  return lines;
}
