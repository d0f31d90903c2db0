import { debtLabel, WAIVER_STATUS_NAMES } from '../i18n/debt.js';
import type { Finding, Lang, Report, WaiverRecord } from '../model/types.js';

/** Text-format pieces for waivers and baselines, kept apart from text.ts so each stays small. */

/** The tag in front of a finding: "waived" replaces the severity, "baseline" follows it. */
export function debtTag(f: Finding, lang: Lang): string | undefined {
  if (f.waiver) return `${debtLabel('waived', lang)} (${f.severity})`;
  return undefined;
}

export function waiverLine(f: Finding, lang: Lang): string | undefined {
  const w = f.waiver;
  if (!w) return undefined;
  const ref = w.reference ? `, ${w.reference}` : '';
  return `      ${debtLabel('waived_until', lang)} ${w.expires} (${w.daysLeft} ${debtLabel('days_left', lang)}), ${debtLabel('approved_by', lang)} ${w.approvedBy.name} (${w.approvedBy.title}) ${w.approved}${ref}: ${w.justification} — ${w.location.file}:${w.location.line}:${w.location.column}`;
}

export function baselineMark(f: Finding, lang: Lang): string {
  return f.baseline === 'existing' ? ` [${debtLabel('baseline', lang)}]` : '';
}

export function waiverRecordLine(w: WaiverRecord, lang: Lang): string {
  const target = w.path ? ` ${w.path}` : '';
  const why = w.reason ? `: ${w.reason.text}` : `: ${w.expires} (${w.daysLeft} ${debtLabel('days_left', lang)}), ${w.approvedBy.name}`;
  return `${w.location.file}:${w.location.line}:${w.location.column}: ${debtLabel('waiver', lang)} ${WAIVER_STATUS_NAMES[w.status][lang]} — ${w.rule} ${w.system}${target}${why}`;
}

/** The waivers that need someone's attention: not applied, or applied but ending within 30 days. */
export function waiverProblems(report: Report): WaiverRecord[] {
  return (report.waivers ?? []).filter((w) => w.status !== 'active');
}

export function baselineBlock(report: Report, lang: Lang): string[] {
  const b = report.baseline;
  if (!b) return [];
  const lines = [`${debtLabel('baseline_summary', lang)} ${b.file} (${b.created}): ${b.new} ${debtLabel('new', lang)}, ${b.existing} ${debtLabel('existing', lang)}, ${b.fixed.length} ${debtLabel('fixed', lang)}`];
  for (const f of b.fixed) lines.push(`  ✔ ${f.rule} ${f.system} ${f.path}${f.msg ? ` (${f.msg})` : ''}`);
  return lines;
}
